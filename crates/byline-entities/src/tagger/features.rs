//! Features of one token in its sentence and document, hashed into a fixed number of
//! buckets (no feature dictionary to store). Templates: the word and its lower-case
//! form, prefixes and suffixes, word shape, neighbouring words and shapes, word
//! bigrams, sentence position, hits in the built-in word lists, word clusters and corpus
//! frequency of the lower-case form ([`super::clusters`]), and document-level cues:
//! whether the word is capitalised where capitalisation is informative elsewhere in the
//! article, whether the sentence is an all-caps headline, and what the tagger said about
//! the same word earlier in the article ([`DocContext`]).

use super::clusters::{ClusterIds, shipped_clusters};
use crate::lexicon::{DEMONYMS, ORGS, PLACES};
use std::collections::{HashMap, HashSet};
use std::sync::LazyLock;

/// Hashes a template id and its string parts into a bucket below `2^bits`.
#[derive(Clone, Copy)]
struct Hasher(u64);

impl Hasher {
    fn new(template: u64) -> Self {
        Hasher(template.wrapping_mul(0x9E37_79B9_7F4A_7C15) ^ 0xcbf2_9ce4_8422_2325)
    }
    fn str(mut self, s: &str) -> Self {
        for &b in s.as_bytes() {
            self.0 = (self.0 ^ u64::from(b)).wrapping_mul(0x0000_0100_0000_01B3);
        }
        self.0 = (self.0 ^ 0xff).wrapping_mul(0x0000_0100_0000_01B3);
        self
    }
    fn byte(mut self, b: u8) -> Self {
        self.0 = (self.0 ^ u64::from(b)).wrapping_mul(0x0000_0100_0000_01B3);
        self
    }
    fn finish(self, bits: u32) -> u32 {
        let h = self.0 ^ (self.0 >> 29);
        let h = h.wrapping_mul(0xBF58_476D_1CE4_E5B9);
        (h >> (64 - bits)) as u32
    }
}

/// Word shape: X for upper-case letters, x for lower-case, d for digits, the character
/// itself otherwise; at most 12 characters.
pub fn shape(word: &str) -> String {
    word.chars()
        .take(12)
        .map(|c| {
            if c.is_uppercase() {
                'X'
            } else if c.is_lowercase() {
                'x'
            } else if c.is_numeric() {
                'd'
            } else {
                c
            }
        })
        .collect()
}

/// Shape with runs of the same class collapsed ("Xxxxx" → "Xx").
pub fn short_shape(word: &str) -> String {
    let mut out = String::new();
    for c in shape(word).chars() {
        if !out.ends_with(c) {
            out.push(c);
        }
    }
    out
}

/// Capitalisation class: 0 lower/other, 1 Capitalised, 2 ALL CAPS, 3 mixed/with digits.
fn cap_class(word: &str) -> u8 {
    let Some(first) = word.chars().next() else { return 0 };
    let (mut letters, mut upper, mut digits) = (0usize, 0usize, false);
    for c in word.chars() {
        if c.is_alphabetic() {
            letters += 1;
            upper += usize::from(c.is_uppercase());
        } else if c.is_numeric() {
            digits = true;
        }
    }
    if letters > 1 && upper == letters {
        2
    } else if first.is_uppercase() {
        if digits { 3 } else { 1 }
    } else {
        0
    }
}

type Gazetteer = HashMap<String, Vec<(Vec<String>, &'static str)>>;

static GAZETTEER: LazyLock<Gazetteer> = LazyLock::new(|| {
    let mut map: Gazetteer = HashMap::new();
    for (list, kind) in [(PLACES, "LOC"), (ORGS, "ORG"), (DEMONYMS, "MISC")] {
        for name in list {
            let words: Vec<String> = name.split(' ').map(str::to_lowercase).collect();
            map.entry(words[0].clone()).or_default().push((words, kind));
        }
    }
    map
});

/// Per-document context shared by every sentence of an article, and the history of
/// what the tagger said about each word in the sentences before (Ratinov & Roth's
/// "prediction history": a later "Peskov" is likely whatever the first one was).
#[derive(Default)]
pub struct DocContext {
    /// Lower-cased words written capitalised somewhere other than at a sentence start.
    pub capitalised_inside: HashSet<String>,
    /// Per lower-cased capitalised word: how often it was tagged O, PER, ORG, LOC, MISC.
    history: HashMap<String, [u16; 5]>,
}

impl DocContext {
    /// Collects the document cues from the article's sentences (as word lists).
    pub fn new<S: AsRef<str>>(sentences: &[Vec<S>]) -> Self {
        let mut capitalised_inside = HashSet::new();
        for sentence in sentences {
            let headline = is_headline(sentence);
            for word in sentence.iter().skip(1) {
                let w = word.as_ref();
                if !headline && cap_class(w) == 1 {
                    capitalised_inside.insert(w.to_lowercase());
                }
            }
        }
        DocContext {
            capitalised_inside,
            history: HashMap::new(),
        }
    }

    /// Remembers the tags given to a sentence's capitalised words.
    pub fn record<S: AsRef<str>>(&mut self, words: &[S], tags: &[usize]) {
        for (k, (w, &t)) in words.iter().zip(tags).enumerate() {
            let w = w.as_ref();
            let cap = cap_class(w);
            // Sentence-initial words say little when tagged O.
            if cap == 0 || (k == 0 && t == 0) || !w.chars().any(char::is_alphabetic) {
                continue;
            }
            let counts = self.history.entry(w.to_lowercase()).or_default();
            let slot = &mut counts[t.div_ceil(2)];
            *slot = slot.saturating_add(1);
        }
    }

    /// Adds the prediction-history features of a sentence's tokens to `features`.
    pub fn add_history_features<S: AsRef<str>>(&self, words: &[S], features: &mut [Vec<u32>], bits: u32) {
        if self.history.is_empty() {
            return;
        }
        for (w, f) in words.iter().zip(features.iter_mut()) {
            let w = w.as_ref();
            let cap = cap_class(w);
            if cap == 0 {
                continue;
            }
            let Some(counts) = self.history.get(&w.to_lowercase()) else {
                continue;
            };
            let (best, _) = counts
                .iter()
                .enumerate()
                .max_by_key(|&(i, &c)| (c, std::cmp::Reverse(i)))
                .unwrap_or((0, &0));
            let entity = counts[1..].iter().any(|&c| c > 0);
            f.push(Hasher::new(36).byte(best as u8).byte(cap).finish(bits));
            f.push(Hasher::new(37).byte(u8::from(entity)).finish(bits));
        }
    }
}

fn is_headline<S: AsRef<str>>(words: &[S]) -> bool {
    let letters = words
        .iter()
        .filter(|w| w.as_ref().chars().any(char::is_alphabetic))
        .count();
    letters >= 2 && words.iter().filter(|w| cap_class(w.as_ref()) == 2).count() * 10 >= letters * 8
}

fn neighbour(v: &[String], j: isize) -> &str {
    if j < 0 {
        "<S>"
    } else if j as usize >= v.len() {
        "</S>"
    } else {
        v[j as usize].as_str()
    }
}

/// The hashed feature buckets of every token of one sentence.
pub fn sentence_features<S: AsRef<str>>(words: &[S], doc: &DocContext, bits: u32) -> Vec<Vec<u32>> {
    let n = words.len();
    let lower: Vec<String> = words.iter().map(|w| w.as_ref().to_lowercase()).collect();
    let shapes: Vec<String> = words.iter().map(|w| short_shape(w.as_ref())).collect();
    let headline = is_headline(words);
    let table = shipped_clusters();
    let clusters: Vec<Option<ClusterIds>> = words.iter().map(|w| table.get(w.as_ref())).collect();
    let cluster_at = |j: isize, level: usize| -> u16 {
        match usize::try_from(j).ok().and_then(|j| clusters.get(j)) {
            Some(Some(ids)) => ids[level],
            Some(None) => u16::MAX,
            None => u16::MAX - 1,
        }
    };
    // Gazetteer: longest phrase starting at each token, marked B/I per token.
    let mut gaz: Vec<Option<(&'static str, bool)>> = vec![None; n];
    let mut i = 0;
    while i < n {
        let mut best: Option<(usize, &'static str)> = None;
        if let Some(phrases) = GAZETTEER.get(&lower[i]) {
            for (phrase, kind) in phrases {
                let len = phrase.len();
                if i + len <= n
                    && best.is_none_or(|(l, _)| len > l)
                    && phrase.iter().zip(&lower[i..i + len]).all(|(a, b)| a == b)
                {
                    best = Some((len, kind));
                }
            }
        }
        match best {
            Some((len, kind)) => {
                for (k, slot) in gaz[i..i + len].iter_mut().enumerate() {
                    *slot = Some((kind, k == 0));
                }
                i += len;
            }
            None => i += 1,
        }
    }
    let mut out = Vec::with_capacity(n);
    for i in 0..n {
        let w = words[i].as_ref();
        let lw = lower[i].as_str();
        let ii = i as isize;
        let cap = cap_class(w);
        let mut f = Vec::with_capacity(40);
        let mut add = |h: Hasher| f.push(h.finish(bits));
        add(Hasher::new(0));
        add(Hasher::new(1).str(w));
        add(Hasher::new(2).str(lw));
        // Prefixes and suffixes of 1 to 4 characters.
        for (k, (cut, _)) in lw
            .char_indices()
            .skip(1)
            .chain(std::iter::once((lw.len(), ' ')))
            .take(4)
            .enumerate()
        {
            add(Hasher::new(3 + k as u64).str(&lw[..cut]));
        }
        for (k, (from, _)) in lw.char_indices().rev().take(4).enumerate() {
            add(Hasher::new(7 + k as u64).str(&lw[from..]));
        }
        add(Hasher::new(11).str(&shape(w)));
        add(Hasher::new(12).str(&shapes[i]));
        add(Hasher::new(13).str(if i == 0 { "first" } else { "inner" }).byte(cap));
        add(Hasher::new(14).str(neighbour(&lower, ii - 1)));
        add(Hasher::new(15).str(neighbour(&lower, ii + 1)));
        add(Hasher::new(16).str(neighbour(&lower, ii - 2)));
        add(Hasher::new(17).str(neighbour(&lower, ii + 2)));
        add(Hasher::new(18).str(neighbour(&shapes, ii - 1)));
        add(Hasher::new(19).str(neighbour(&shapes, ii + 1)));
        add(Hasher::new(20).str(neighbour(&lower, ii - 1)).str(lw));
        add(Hasher::new(21).str(lw).str(neighbour(&lower, ii + 1)));
        add(Hasher::new(25)
            .str(neighbour(&shapes, ii - 1))
            .str(&shapes[i])
            .str(neighbour(&shapes, ii + 1)));
        // Word clusters derived from unlabelled news (`clusters`).
        for level in 0..3 {
            add(Hasher::new(30 + level as u64).str(&cluster_at(ii, level).to_string()));
        }
        add(Hasher::new(33).str(&cluster_at(ii - 1, 1).to_string()));
        add(Hasher::new(34).str(&cluster_at(ii + 1, 1).to_string()));
        add(Hasher::new(35).str(&cluster_at(ii, 2).to_string()).byte(cap));
        // How common the lower-case form is, against the form as written.
        if cap != 0 {
            let first = u8::from(i == 0);
            let lower_count = table.log_count(lw);
            let diff = (i16::from(lower_count) - i16::from(table.log_count(w))).clamp(-4, 4) as u8;
            add(Hasher::new(38).byte(cap).byte(first).byte(lower_count.min(12)));
            add(Hasher::new(39).byte(cap).byte(first).byte(diff));
        }
        if let Some((kind, begins)) = gaz[i] {
            add(Hasher::new(22).str(kind).str(if begins { "B" } else { "I" }));
            add(Hasher::new(26).str(kind).byte(cap));
        }
        if (ii + 1) < n as isize {
            if let Some((kind, _)) = gaz[i + 1] {
                add(Hasher::new(27).str(kind));
            }
        }
        if i > 0 {
            if let Some((kind, _)) = gaz[i - 1] {
                add(Hasher::new(28).str(kind));
            }
        }
        let elsewhere = doc.capitalised_inside.contains(lw);
        add(Hasher::new(23)
            .str(if elsewhere { "cap-elsewhere" } else { "not" })
            .byte(cap)
            .str(if i == 0 { "first" } else { "inner" }));
        if headline {
            add(Hasher::new(24).str(lw));
            add(Hasher::new(29).str(if elsewhere { "y" } else { "n" }));
        }
        out.push(f);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn shapes() {
        assert_eq!(shape("Peskov"), "Xxxxxx");
        assert_eq!(short_shape("U.S."), "X.X.");
        assert_eq!(short_shape("1996-08-22"), "d-d-d");
    }

    #[test]
    fn features_are_deterministic_and_in_range() {
        let words = ["EU", "rejects", "German", "call"];
        let doc = DocContext::new(&[words.to_vec()]);
        let a = sentence_features(&words, &doc, 18);
        let b = sentence_features(&words, &doc, 18);
        assert_eq!(a, b);
        assert!(a.iter().flatten().all(|&f| f < (1 << 18)));
    }
}
