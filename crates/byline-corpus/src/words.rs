//! A quote's words as copies of it are compared: letters and digits folded (case,
//! diacritics; apostrophes and hyphens inside a word dropped, so "don’t" = "dont" and
//! "e-mail" = "email"), with where an ellipsis cut it and which words are names or
//! negations.

use crate::names::fold_word;
use byline_learn::hash::{hash_str, mix};

/// One word of a quote.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct Word {
    /// Hash of the folded word.
    pub hash: u64,
    /// Byte range in the quote's text.
    pub start: u32,
    pub end: u32,
    /// Capitalised where a sentence does not start: part of a name.
    pub proper: bool,
    /// "not", "never", "no", "don’t" …: changing it changes what was said.
    pub negation: bool,
    /// An ellipsis ("…", "...") stands right before it.
    pub after_gap: bool,
}

const NEGATIONS: &[&str] = &[
    "not", "no", "never", "nothing", "none", "nobody", "neither", "nor", "cannot", "nt",
];

/// Words a period follows without ending a sentence.
const ABBREVIATIONS: &[&str] = &[
    "mr", "mrs", "ms", "dr", "st", "sen", "rep", "gov", "gen", "jr", "sr", "us", "lt", "col",
];

/// The words of `text`.
pub(crate) fn words(text: &str) -> Vec<Word> {
    let mut out = Vec::new();
    let mut chars = text.char_indices().peekable();
    let mut gap = false;
    let mut sentence_start = true;
    let mut dots = 0;
    let mut abbreviation = false;
    while let Some(&(i, c)) = chars.peek() {
        if c.is_alphanumeric() {
            let start = i;
            let mut end = i;
            while let Some(&(j, d)) = chars.peek() {
                let joiner = matches!(d, '\'' | '’' | '-' | '‐');
                if d.is_alphanumeric() {
                    end = j + d.len_utf8();
                    chars.next();
                } else if joiner
                    && text[j + d.len_utf8()..]
                        .chars()
                        .next()
                        .is_some_and(char::is_alphanumeric)
                {
                    chars.next();
                } else {
                    break;
                }
            }
            let raw = &text[start..end];
            let folded = fold_word(&raw.replace(['-', '‐'], ""));
            let negation = NEGATIONS.contains(&folded.as_str())
                || raw.ends_with("n't")
                || raw.ends_with("n’t")
                || folded == "dont";
            let proper = !sentence_start && raw.chars().next().is_some_and(char::is_uppercase) && raw != "I";
            out.push(Word {
                hash: hash_str(&folded),
                start: start as u32,
                end: end as u32,
                proper,
                negation,
                after_gap: gap,
            });
            gap = false;
            sentence_start = false;
            dots = 0;
            abbreviation = ABBREVIATIONS.contains(&folded.as_str());
        } else {
            match c {
                '…' => gap = true,
                '.' => {
                    dots += 1;
                    if dots >= 3 {
                        gap = true;
                    }
                    sentence_start |= !abbreviation || dots > 1;
                }
                '!' | '?' | '"' | '“' | '”' | ':' => sentence_start = true,
                c if c.is_whitespace() => {}
                _ => dots = 0,
            }
            chars.next();
        }
    }
    out
}

/// One hash of a whole word sequence: copies equal after folding share it.
pub(crate) fn sequence_hash(words: &[Word]) -> u64 {
    words.iter().fold(words.len() as u64, |h, w| mix(h, w.hash))
}

/// Shingles of `SHINGLE` words, hashed.
pub(crate) const SHINGLE: usize = 3;
/// Winnowing window: any run of `SHINGLE + WINDOW - 1` = 6 words two quotes share gives
/// them one fingerprint in common.
pub(crate) const WINDOW: usize = 4;

/// The hash of each shingle (`SHINGLE` consecutive words).
pub(crate) fn shingles(words: &[Word]) -> Vec<u64> {
    words
        .windows(SHINGLE)
        .map(|w| w.iter().fold(0x9e37_79b9_7f4a_7c15, |h, x| mix(h, x.hash)))
        .collect()
}

/// Winnowing (Schleimer, Wilkerson and Aiken 2003): the smallest shingle hash of every
/// window of `WINDOW` shingles, each once. Quotes under six words have none.
pub(crate) fn fingerprints(words: &[Word]) -> Vec<u64> {
    let sh = shingles(words);
    if sh.len() < WINDOW {
        return Vec::new();
    }
    let mut out: Vec<u64> = Vec::with_capacity(sh.len() / 2 + 1);
    let mut last_pick = usize::MAX;
    for start in 0..=sh.len() - WINDOW {
        let mut pick = start;
        for i in start..start + WINDOW {
            if sh[i] <= sh[pick] {
                pick = i;
            }
        }
        if pick != last_pick {
            out.push(sh[pick]);
            last_pick = pick;
        }
    }
    out.sort_unstable();
    out.dedup();
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn words_fold_case_apostrophes_and_hyphens_and_mark_gaps() {
        let a = words("We don’t want an e-mail … Mr. Smith said NO.");
        let b = words("we dont want an email Mr Smith said no");
        assert_eq!(
            a.iter().map(|w| w.hash).collect::<Vec<_>>(),
            b.iter().map(|w| w.hash).collect::<Vec<_>>()
        );
        assert!(a[1].negation && a[8].negation);
        assert!(a[5].after_gap && !a[4].after_gap);
        assert!(a[6].proper && !a[0].proper);
        assert_eq!(sequence_hash(&a), sequence_hash(&b));
    }

    #[test]
    fn a_shared_run_of_six_words_shares_a_fingerprint() {
        let long = words("one two three four five six seven eight nine ten eleven twelve thirteen");
        let cut = words("zero seven eight nine ten eleven twelve");
        let (f, g) = (fingerprints(&long), fingerprints(&cut));
        assert!(f.iter().any(|x| g.contains(x)));
        assert!(fingerprints(&words("too short to say")).is_empty());
    }
}
