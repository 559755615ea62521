//! Features of one token in its sentence and document, hashed into a fixed number of
//! buckets (no feature dictionary to store). Templates: the word and its lower-case
//! form, prefixes and suffixes, word shape, neighbouring words and shapes, word
//! bigrams, sentence position, hits in the word lists and gazetteers ([`super::gazetteers`]:
//! places, surnames, first names, shapes of organisations' names), word clusters and corpus
//! frequency of the lower-case form ([`super::clusters`]), and document-level cues:
//! whether the word is capitalised where capitalisation is informative elsewhere in the
//! article, whether the sentence is an all-caps headline, and what the tagger said about
//! the same word earlier in the article ([`DocContext`]).

use super::PackedNerModel;
use super::gazetteers::sentence_hits;
use byline_learn::clusters::{ClusterIds, capitalise, shipped_clusters};
use byline_learn::hash::{FastMap, FastSet, hash_str, lowercase, mix};
use byline_learn::{FeatureHash as Hasher, Features, PartialSum, char_class};
use std::borrow::Cow;

/// Share (percent) of tokens whose name-list features training leaves out: chosen by
/// 5-fold cross-validation on the training data among 0, 25, 50 and 80 (model README).
const LIST_DROPOUT_PERCENT: u64 = 25;

/// Word shape: X for upper-case letters, x for lower-case, d for digits, the character
/// itself otherwise; at most 12 characters (the reference the hashed shapes are tested
/// against).
#[cfg(test)]
pub fn shape(word: &str) -> String {
    word.chars().take(12).map(char_class).collect()
}

/// Shape with runs of the same class collapsed ("Xxxxx" → "Xx").
#[cfg(test)]
pub fn short_shape(word: &str) -> String {
    let mut out = String::new();
    for c in shape(word).chars() {
        if !out.ends_with(c) {
            out.push(c);
        }
    }
    out
}

/// Hashes of [`shape`] and [`short_shape`], computed without building the strings.
fn shape_hashes(word: &str) -> (u64, u64) {
    let (mut full, mut short) = (1u64, 2u64);
    let mut last = None;
    for c in word.chars().take(12) {
        let k = char_class(c);
        full = mix(full, k as u64);
        if last != Some(k) {
            short = mix(short, k as u64);
            last = Some(k);
        }
    }
    (full, short)
}

/// Capitalisation class: 0 lower/other, 1 Capitalised, 2 ALL CAPS, 3 mixed/with digits.
fn cap_class(word: &str) -> u8 {
    if word.is_ascii() {
        return ascii_cap_class(word.as_bytes());
    }
    let Some(first) = word.chars().next() else { return 0 };
    if first.is_lowercase() {
        return 0;
    }
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

/// [`cap_class`] of an ASCII word, byte by byte (most words of English news).
fn ascii_cap_class(word: &[u8]) -> u8 {
    let Some(&first) = word.first() else { return 0 };
    // A lower-case first letter is neither all caps nor capitalised (most words).
    if first.is_ascii_lowercase() {
        return 0;
    }
    let (mut letters, mut upper, mut digits) = (0usize, 0usize, false);
    for &b in word {
        letters += usize::from(b.is_ascii_alphabetic());
        upper += usize::from(b.is_ascii_uppercase());
        digits |= b.is_ascii_digit();
    }
    if letters > 1 && upper == letters {
        2
    } else if first.is_ascii_uppercase() {
        if digits { 3 } else { 1 }
    } else {
        0
    }
}

/// Per-document context shared by every sentence of an article, and the history of
/// what the tagger said about each word in the sentences before (Ratinov & Roth's
/// "prediction history": a later "Peskov" is likely whatever the first one was).
#[derive(Default)]
pub struct DocContext {
    /// Lower-cased words written capitalised somewhere other than at a sentence start.
    capitalised_inside: FastSet<String>,
    /// Per lower-cased capitalised word: how often it was tagged O, PER, ORG, LOC, MISC.
    history: FastMap<String, [u16; 5]>,
    /// In training only: leave out the name-list features (places, surnames, first
    /// names) of a quarter of the tokens, so that the weights do not come to expect every
    /// name in a list (most of today's names are in none).
    list_dropout: bool,
    /// Sentences recorded so far (varies which tokens lose their list features).
    sentences_seen: u64,
}

impl DocContext {
    /// Collects the document cues from the article's sentences (as word lists).
    pub fn new<S: AsRef<str>>(sentences: &[Vec<S>]) -> Self {
        let mut capitalised_inside = FastSet::default();
        for sentence in sentences {
            let classes = word_classes(sentence);
            if is_headline(&classes) {
                continue;
            }
            for (word, &(cap, _)) in sentence.iter().zip(&classes).skip(1) {
                if cap == 1 {
                    capitalised_inside.insert(lowercase(word.as_ref()));
                }
            }
        }
        DocContext {
            capitalised_inside,
            history: FastMap::default(),
            list_dropout: false,
            sentences_seen: 0,
        }
    }

    /// The same context for training, with the name-list dropout.
    pub fn for_training<S: AsRef<str>>(sentences: &[Vec<S>]) -> Self {
        DocContext {
            list_dropout: true,
            ..Self::new(sentences)
        }
    }

    /// Remembers the tags given to a sentence's capitalised words.
    pub fn record<S: AsRef<str>>(&mut self, words: &[S], tags: &[usize]) {
        self.sentences_seen += 1;
        for (k, (w, &t)) in words.iter().zip(tags).enumerate() {
            let w = w.as_ref();
            // Sentence-initial words say little when tagged O.
            if cap_class(w) == 0 || (k == 0 && t == 0) || !w.chars().any(char::is_alphabetic) {
                continue;
            }
            let counts = self.history.entry(lowercase(w)).or_default();
            let slot = &mut counts[t.div_ceil(2)];
            *slot = slot.saturating_add(1);
        }
    }
}

/// Each word's [`cap_class`] and whether it has a letter, in one pass per word.
fn word_classes<S: AsRef<str>>(words: &[S]) -> Vec<(u8, bool)> {
    words
        .iter()
        .map(|w| {
            let w = w.as_ref();
            let has_letter = if w.is_ascii() {
                w.bytes().any(|b| b.is_ascii_alphabetic())
            } else {
                w.chars().any(char::is_alphabetic)
            };
            (if has_letter { cap_class(w) } else { 0 }, has_letter)
        })
        .collect()
}

/// An all-caps headline: at least 80 % of the words with letters are ALL CAPS.
fn is_headline(classes: &[(u8, bool)]) -> bool {
    let letters = classes.iter().filter(|c| c.1).count();
    letters >= 2 && classes.iter().filter(|c| c.0 == 2).count() * 10 >= letters * 8
}

/// What the features need of one token, computed once.
struct TokenInfo<'a> {
    lower: String,
    word_h: u64,
    lower_h: u64,
    shape_h: u64,
    short_h: u64,
    cap: u8,
    clusters: Option<ClusterIds>,
    word: Cow<'a, str>,
}

/// The form of an all-caps word seen most often in the corpus: as written ("NATO"),
/// capitalised ("Peskov") or lower-case ("said"); unknown words are taken for names.
fn truecase(word: &str) -> Cow<'_, str> {
    if cap_class(word) != 2 {
        return Cow::Borrowed(word);
    }
    let table = shipped_clusters();
    let lower = lowercase(word);
    let capitalised = capitalise(&lower);
    let (as_written, cap, low) = (
        table.log_count(word),
        table.log_count(&capitalised),
        table.log_count(&lower),
    );
    if as_written >= cap && as_written >= low && as_written > 0 {
        Cow::Borrowed(word)
    } else if low > cap {
        Cow::Owned(lower)
    } else {
        Cow::Owned(capitalised)
    }
}

const START: u64 = 0x0053_5441_5254;
const END: u64 = 0x0045_4e44;
const NO_CLUSTER: u64 = 0xffff;

/// What the features need of every token of a sentence, and whether the sentence is an
/// all-caps headline (tagged as if written in the case its words usually take).
fn token_infos<S: AsRef<str>>(words: &[S]) -> (Vec<TokenInfo<'_>>, bool) {
    let table = shipped_clusters();
    let classes = word_classes(words);
    let headline = is_headline(&classes);
    let info = words
        .iter()
        .zip(&classes)
        .map(|(w, &(cap, _))| {
            let word: Cow<str> = if headline {
                truecase(w.as_ref())
            } else {
                Cow::Borrowed(w.as_ref())
            };
            let cap = match word {
                Cow::Borrowed(_) => cap,
                Cow::Owned(ref changed) => cap_class(changed),
            };
            let lower = lowercase(&word);
            let (shape_h, short_h) = shape_hashes(&word);
            TokenInfo {
                word_h: hash_str(&word),
                lower_h: hash_str(&lower),
                lower,
                shape_h,
                short_h,
                cap,
                clusters: table.get(&word),
                word,
            }
        })
        .collect();
    (info, headline)
}

/// The features of a token that depend on its word alone (as written, after headline
/// truecasing), in the order [`sentence_features`] adds them; the last four come after
/// other features there. At most 17.
fn word_features(t: &TokenInfo, bits: u32) -> ([u32; 17], usize) {
    let mut ids = [0u32; 17];
    let mut len = 0;
    let mut add = |h: Hasher| {
        ids[len] = h.finish(bits);
        len += 1;
    };
    let lw = t.lower.as_str();
    add(Hasher::new(0));
    add(Hasher::new(1).u64(t.word_h));
    add(Hasher::new(2).u64(t.lower_h));
    // Prefixes and suffixes of 1 to 4 characters.
    for (k, (cut, _)) in lw
        .char_indices()
        .skip(1)
        .chain(std::iter::once((lw.len(), ' ')))
        .take(4)
        .enumerate()
    {
        add(Hasher::new(3 + k as u64).u64(hash_str(&lw[..cut])));
    }
    for (k, (from, _)) in lw.char_indices().rev().take(4).enumerate() {
        add(Hasher::new(7 + k as u64).u64(hash_str(&lw[from..])));
    }
    add(Hasher::new(11).u64(t.shape_h));
    add(Hasher::new(12).u64(t.short_h));
    // Word clusters derived from unlabelled news (`clusters`).
    let cluster = |level: usize| t.clusters.map_or(NO_CLUSTER, |c| u64::from(c[level]));
    for level in 0..3 {
        add(Hasher::new(30 + level as u64).u64(cluster(level)));
    }
    add(Hasher::new(35).u64(cluster(2)).u64(u64::from(t.cap)));
    (ids, len)
}

/// The hashed feature buckets of every token of one sentence, including the history of
/// the article's earlier sentences held by `doc`.
pub fn sentence_features<S: AsRef<str>>(words: &[S], doc: &DocContext, bits: u32) -> Features {
    let (info, headline) = token_infos(words);
    features_of(&info, headline, doc, bits, true)
}

/// Word-level partial emission sums, cached per word across sentences and articles
/// (news repeats its words): for decoding with [`sentence_parts`].
#[derive(Default)]
pub struct WordCache {
    sums: FastMap<String, PartialSum>,
}

impl WordCache {
    /// Entries kept before the cache starts over (a few megabytes).
    const CAPACITY: usize = 50_000;
}

/// For decoding: the features of each token that depend on more than its word, and
/// the summed weights (`model`'s) of those that depend on the word alone, from `cache`
/// when the word was seen before. Decoding both gives the tags of [`sentence_features`].
pub fn sentence_parts<S: AsRef<str>>(
    words: &[S],
    doc: &DocContext,
    model: &PackedNerModel,
    cache: &mut WordCache,
) -> (Features, Vec<PartialSum>) {
    let (info, headline) = token_infos(words);
    let parts = info
        .iter()
        .map(|t| {
            if let Some(sum) = cache.sums.get(t.word.as_ref()) {
                return *sum;
            }
            let (ids, len) = word_features(t, model.bits);
            let sum = model.partial_sum(&ids[..len]);
            if cache.sums.len() >= WordCache::CAPACITY {
                cache.sums.clear();
            }
            cache.sums.insert(t.word.to_string(), sum);
            sum
        })
        .collect();
    (features_of(&info, headline, doc, model.bits, false), parts)
}

/// The features of every token; with `word_level` false, only those that depend on
/// more than the word (see [`word_features`]).
fn features_of(info: &[TokenInfo], headline: bool, doc: &DocContext, bits: u32, word_level: bool) -> Features {
    let n = info.len();
    let table = shipped_clusters();
    let at = |j: isize, f: fn(&TokenInfo) -> u64| -> u64 {
        if j < 0 {
            START
        } else {
            info.get(j as usize).map_or(END, f)
        }
    };
    let cluster_at = |j: isize, level: usize| -> u64 {
        match usize::try_from(j).ok().map(|j| info.get(j)) {
            Some(Some(t)) => t.clusters.map_or(NO_CLUSTER, |c| u64::from(c[level])),
            Some(None) => END,
            None => START,
        }
    };
    let lowers: Vec<&str> = info.iter().map(|t| t.lower.as_str()).collect();
    let caps: Vec<u8> = info.iter().map(|t| t.cap).collect();
    let mut hits = sentence_hits(&lowers, &caps);
    if doc.list_dropout {
        for (i, (hit, t)) in hits.iter_mut().zip(info).enumerate() {
            if mix(mix(t.lower_h, doc.sentences_seen), i as u64) % 100 < LIST_DROPOUT_PERCENT {
                (hit.place, hit.surname, hit.first_name) = (None, None, None);
            }
        }
    }
    let mut out = Features::with_capacity(n, 40);
    for (i, t) in info.iter().enumerate() {
        let ii = i as isize;
        let cap = u64::from(t.cap);
        let first = u64::from(i == 0);
        let lw = t.lower.as_str();
        let (own, own_len) = if word_level {
            word_features(t, bits)
        } else {
            ([0; 17], 0)
        };
        // The word's own features but its four cluster ones come first, as trained.
        let (own_first, own_clusters) = own[..own_len].split_at(own_len.saturating_sub(4));
        for &id in own_first {
            out.push(id);
        }
        let mut add = |h: Hasher| out.push(h.finish(bits));
        add(Hasher::new(13).u64(first).u64(cap));
        add(Hasher::new(14).u64(at(ii - 1, |t| t.lower_h)));
        add(Hasher::new(15).u64(at(ii + 1, |t| t.lower_h)));
        add(Hasher::new(16).u64(at(ii - 2, |t| t.lower_h)));
        add(Hasher::new(17).u64(at(ii + 2, |t| t.lower_h)));
        add(Hasher::new(18).u64(at(ii - 1, |t| t.short_h)));
        add(Hasher::new(19).u64(at(ii + 1, |t| t.short_h)));
        add(Hasher::new(20).u64(at(ii - 1, |t| t.lower_h)).u64(t.lower_h));
        add(Hasher::new(21).u64(t.lower_h).u64(at(ii + 1, |t| t.lower_h)));
        add(Hasher::new(25)
            .u64(at(ii - 1, |t| t.short_h))
            .u64(t.short_h)
            .u64(at(ii + 1, |t| t.short_h)));
        for &id in own_clusters.iter().take(3) {
            out.push(id);
        }
        let mut add = |h: Hasher| out.push(h.finish(bits));
        add(Hasher::new(33).u64(cluster_at(ii - 1, 1)));
        add(Hasher::new(34).u64(cluster_at(ii + 1, 1)));
        for &id in own_clusters.iter().skip(3) {
            out.push(id);
        }
        let mut add = |h: Hasher| out.push(h.finish(bits));
        // How common the lower-case form is, against the form as written.
        if t.cap != 0 {
            let lower_count = table.log_count(lw);
            // An all-caps word is compared in its capitalised form ("PESKOV" as "Peskov").
            let written_count = if t.cap == 2 {
                table.log_count(&capitalise(lw))
            } else {
                table.log_count(&t.word)
            };
            let diff = (i16::from(lower_count) - i16::from(written_count)).clamp(-4, 4);
            add(Hasher::new(38).u64(cap).u64(first).u64(u64::from(lower_count.min(12))));
            add(Hasher::new(39).u64(cap).u64(first).u64(diff as u64));
        }
        let hit = hits[i];
        let next = hits.get(i + 1).copied().unwrap_or_default();
        let prev = i.checked_sub(1).map(|k| hits[k]).unwrap_or_default();
        if let Some((kind, begins)) = hit.lexicon {
            add(Hasher::new(22).u64(u64::from(kind)).u64(u64::from(begins)));
            add(Hasher::new(26).u64(u64::from(kind)).u64(cap));
        }
        if let Some((kind, _)) = next.lexicon {
            add(Hasher::new(27).u64(u64::from(kind)));
        }
        if let Some((kind, _)) = prev.lexicon {
            add(Hasher::new(28).u64(u64::from(kind)));
        }
        // GeoNames places, census surnames, first names, organisation and place shapes
        // (`gazetteers`), each with the capitalisation it is written in.
        if let Some((kind, begins)) = hit.place {
            add(Hasher::new(40).u64(u64::from(kind)).u64(u64::from(begins)).u64(cap));
        }
        if let Some((kind, _)) = next.place {
            add(Hasher::new(41).u64(u64::from(kind)));
        }
        if let Some((kind, _)) = prev.place {
            add(Hasher::new(42).u64(u64::from(kind)));
        }
        if let Some(tier) = hit.surname {
            add(Hasher::new(43).u64(u64::from(tier)).u64(cap).u64(first));
        }
        if let Some(gender) = hit.first_name {
            add(Hasher::new(44).u64(u64::from(gender)).u64(cap).u64(first));
        }
        if prev.first_name.is_some() && t.cap != 0 {
            add(Hasher::new(45).u64(u64::from(hit.surname.unwrap_or(0))).u64(cap));
        }
        if hit.first_name.is_some() && next.surname.is_some() {
            add(Hasher::new(46).u64(u64::from(next.surname.unwrap_or(0))));
        }
        if let Some((kind, position, word)) = hit.shape {
            add(Hasher::new(47).u64(u64::from(kind)).u64(u64::from(position)));
            add(Hasher::new(48).u64(u64::from(kind)).u64(u64::from(position)).u64(word));
        }
        let elsewhere = u64::from(doc.capitalised_inside.contains(lw));
        add(Hasher::new(23).u64(elsewhere).u64(cap).u64(first));
        if headline {
            add(Hasher::new(24).u64(t.lower_h));
            add(Hasher::new(29).u64(elsewhere));
        }
        // Prediction history: the label this word got most often earlier in the article.
        if t.cap != 0 {
            if let Some(counts) = doc.history.get(lw) {
                let (best, _) = counts
                    .iter()
                    .enumerate()
                    .max_by_key(|&(i, &c)| (c, std::cmp::Reverse(i)))
                    .unwrap_or((0, &0));
                let entity = counts[1..].iter().any(|&c| c > 0);
                add(Hasher::new(36).u64(best as u64).u64(cap));
                add(Hasher::new(37).u64(u64::from(entity)));
            }
        }
        out.end_token();
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn capitalisation_classes_agree_for_ascii_and_unicode() {
        for (word, class) in [
            ("", 0),
            ("said", 0),
            ("Peskov", 1),
            ("NATO", 2),
            ("I", 1),
            ("G7", 3),
            ("F-16s", 3),
        ] {
            assert_eq!(cap_class(word), class, "{word}");
        }
        assert_eq!(cap_class("Zoë"), 1);
        assert_eq!(cap_class("ÉLYSÉE"), 2);
        assert_eq!(cap_class("élan"), 0);
    }

    #[test]
    fn shapes() {
        assert_eq!(shape("Peskov"), "Xxxxxx");
        assert_eq!(short_shape("U.S."), "X.X.");
        assert_eq!(short_shape("1996-08-22"), "d-d-d");
        assert_eq!(shape_hashes("Peskov").1, shape_hashes("Medvedev").1);
        assert_ne!(shape_hashes("Peskov").0, shape_hashes("Medvedev").0);
    }

    #[test]
    fn features_are_deterministic_and_in_range() {
        let words = ["EU", "rejects", "German", "call"];
        let doc = DocContext::new(&[words.to_vec()]);
        let a = sentence_features(&words, &doc, 18);
        let b = sentence_features(&words, &doc, 18);
        assert_eq!(a, b);
        assert_eq!(a.len(), 4);
        assert!(a.tokens().flatten().all(|&f| f < (1 << 18)));
    }

    #[test]
    fn history_adds_features_for_words_seen_before() {
        let first = ["Peskov", "spoke", "."];
        let mut doc = DocContext::new(&[first.to_vec()]);
        let before = sentence_features(&first, &doc, 18);
        doc.record(&first, &[1, 0, 0]);
        let after = sentence_features(&first, &doc, 18);
        assert_eq!(after.token(0).len(), before.token(0).len() + 2);
        assert_eq!(after.token(1), before.token(1));
    }
}
