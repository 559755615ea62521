//! The part-of-speech tagger: a greedy left-to-right averaged perceptron over the UPOS +
//! XPOS pairs seen in training (one decision gives both tags), with the word, its
//! affixes and shape, its neighbours (alone and as bigrams with it), word clusters and
//! the two previous decisions as features.

use byline_learn::clusters::shipped_clusters;
use byline_learn::hash::{hash_str, lowercase, mix};
use byline_learn::multiclass::{MulticlassModel, MulticlassTrainer};

/// What the tagger and the parser know of a word before tagging: hashes of its forms,
/// computed once per word.
#[derive(Clone, Copy, Debug, Default)]
pub(crate) struct WordInfo {
    /// The lower-cased form.
    pub(crate) lower: u64,
    /// The form as written.
    pub(crate) form: u64,
    /// Suffixes of the lower-cased form, 1 to 4 characters (0 when shorter).
    pub(crate) suffix: [u64; 4],
    /// Prefixes of the lower-cased form, 1 to 3 characters.
    pub(crate) prefix: [u64; 3],
    /// Word shape class (capitalisation, digits, punctuation).
    pub(crate) shape: u64,
    /// Word-cluster ids (fine, mid, coarse), 0xffff when unknown.
    pub(crate) cluster: [u16; 3],
}

impl WordInfo {
    pub(crate) fn new(form: &str) -> Self {
        let lower = lowercase(form);
        let chars: Vec<(usize, char)> = lower.char_indices().collect();
        let mut suffix = [0u64; 4];
        let mut prefix = [0u64; 3];
        for k in 1..=4 {
            if chars.len() >= k {
                suffix[k - 1] = hash_str(&lower[chars[chars.len() - k].0..]);
            }
        }
        for k in 1..=3 {
            if chars.len() >= k {
                let end = chars.get(k).map_or(lower.len(), |c| c.0);
                prefix[k - 1] = hash_str(&lower[..end]);
            }
        }
        WordInfo {
            lower: hash_str(&lower),
            form: hash_str(form),
            suffix,
            prefix,
            shape: shape(form),
            cluster: shipped_clusters().get(form).unwrap_or([0xffff; 3]),
        }
    }
}

/// A coarse shape: what the first character is, whether the rest has capitals, digits,
/// hyphens or periods, and a length class.
fn shape(form: &str) -> u64 {
    let mut chars = form.chars();
    let first = chars.next().map_or(0, |c| {
        if c.is_uppercase() {
            1
        } else if c.is_lowercase() {
            2
        } else if c.is_numeric() {
            3
        } else if c.is_alphabetic() {
            4
        } else {
            5 + (c as u64 % 61)
        }
    });
    let (mut upper, mut digit, mut hyphen, mut period, mut lower) = (false, false, false, false, false);
    for c in chars {
        upper |= c.is_uppercase();
        lower |= c.is_lowercase();
        digit |= c.is_numeric();
        hyphen |= c == '-';
        period |= c == '.';
    }
    let length = form.chars().count().min(6) as u64;
    first
        | u64::from(upper) << 8
        | u64::from(lower) << 9
        | u64::from(digit) << 10
        | u64::from(hyphen) << 11
        | u64::from(period) << 12
        | length << 16
}

/// Feature templates of the tagger (each hashed with its parts).
#[derive(Clone, Copy)]
#[repr(u64)]
enum T {
    Bias = 1,
    Lower,
    Form,
    Suffix1,
    Suffix2,
    Suffix3,
    Suffix4,
    Prefix1,
    Prefix2,
    Prefix3,
    Shape,
    Prev1,
    Prev2,
    Next1,
    Next2,
    PrevSuffix3,
    NextSuffix3,
    PrevShape,
    NextShape,
    Tag1,
    Tag12,
    Tag1Lower,
    Tag1Next,
    ClusterFine,
    ClusterMid,
    ClusterCoarse,
    PrevCluster,
    NextCluster,
    NextNextCluster,
    First,
    Tag1Suffix3,
    LowerNext1,
    Prev1Lower,
}

fn f(template: T, part: u64) -> u64 {
    mix(mix(0x5DEE_CE66_D1CE_4E5B, template as u64), part)
}

/// Sentinels for positions outside the sentence.
const OUTSIDE: u64 = 0x0123_4567_89AB_CDEF;
const NO_TAG: u64 = 0xFFFF;

/// The features of word `i` given the words and the classes chosen before it.
pub(crate) fn features(words: &[WordInfo], i: usize, prev: [u64; 2], out: &mut Vec<u64>) {
    out.clear();
    let w = &words[i];
    let at = |k: isize| -> Option<&WordInfo> {
        let j = i as isize + k;
        (j >= 0 && (j as usize) < words.len()).then(|| &words[j as usize])
    };
    let lower_at = |k| at(k).map_or(OUTSIDE, |w: &WordInfo| w.lower);
    out.push(f(T::Bias, 0));
    out.push(f(T::Lower, w.lower));
    out.push(f(T::Form, w.form));
    out.push(f(T::Suffix1, w.suffix[0]));
    out.push(f(T::Suffix2, w.suffix[1]));
    out.push(f(T::Suffix3, w.suffix[2]));
    out.push(f(T::Suffix4, w.suffix[3]));
    out.push(f(T::Prefix1, w.prefix[0]));
    out.push(f(T::Prefix2, w.prefix[1]));
    out.push(f(T::Prefix3, w.prefix[2]));
    out.push(f(T::Shape, w.shape));
    out.push(f(T::Prev1, lower_at(-1)));
    out.push(f(T::Prev2, lower_at(-2)));
    out.push(f(T::Next1, lower_at(1)));
    out.push(f(T::Next2, lower_at(2)));
    out.push(f(T::PrevSuffix3, at(-1).map_or(OUTSIDE, |w| w.suffix[2])));
    out.push(f(T::NextSuffix3, at(1).map_or(OUTSIDE, |w| w.suffix[2])));
    out.push(f(T::PrevShape, at(-1).map_or(OUTSIDE, |w| w.shape)));
    out.push(f(T::NextShape, at(1).map_or(OUTSIDE, |w| w.shape)));
    out.push(f(T::Tag1, prev[0]));
    out.push(f(T::Tag12, mix(prev[0], prev[1])));
    out.push(f(T::Tag1Lower, mix(prev[0], w.lower)));
    out.push(f(T::Tag1Next, mix(prev[0], lower_at(1))));
    out.push(f(T::ClusterFine, u64::from(w.cluster[0])));
    out.push(f(T::ClusterMid, u64::from(w.cluster[1])));
    out.push(f(T::ClusterCoarse, u64::from(w.cluster[2])));
    out.push(f(T::PrevCluster, at(-1).map_or(OUTSIDE, |w| u64::from(w.cluster[1]))));
    out.push(f(T::NextCluster, at(1).map_or(OUTSIDE, |w| u64::from(w.cluster[1]))));
    out.push(f(
        T::NextNextCluster,
        at(2).map_or(OUTSIDE, |w| u64::from(w.cluster[2])),
    ));
    out.push(f(T::Tag1Suffix3, mix(prev[0], w.suffix[2])));
    out.push(f(T::LowerNext1, mix(w.lower, lower_at(1))));
    out.push(f(T::Prev1Lower, mix(lower_at(-1), w.lower)));
    if i == 0 {
        out.push(f(T::First, w.lower));
    }
}

/// Tags a sentence: one class per word.
pub(crate) fn tag(model: &MulticlassModel, words: &[WordInfo], out: &mut Vec<usize>) {
    out.clear();
    let mut feats = Vec::with_capacity(32);
    let mut scores = Vec::with_capacity(model.classes());
    let mut prev = [NO_TAG; 2];
    for i in 0..words.len() {
        features(words, i, prev, &mut feats);
        let class = model.best(&feats, None, &mut scores);
        out.push(class);
        prev = [class as u64, prev[0]];
    }
}

/// Trains a tagger on sentences of (words, gold classes) for `epochs` passes, in a
/// fixed shuffled order per epoch (deterministic).
pub(crate) fn train(
    sentences: &[(Vec<WordInfo>, Vec<usize>)],
    classes: usize,
    epochs: usize,
    min_weight: f32,
) -> MulticlassModel {
    let mut trainer = MulticlassTrainer::new(classes);
    let mut order: Vec<usize> = (0..sentences.len()).collect();
    let mut rng = 0x2545_F491_4F6C_DD1Du64;
    let mut feats = Vec::with_capacity(32);
    let mut scores = Vec::new();
    for _ in 0..epochs {
        byline_learn::perceptron::shuffle(&mut order, &mut rng);
        for &s in &order {
            let (words, gold) = &sentences[s];
            let mut prev = [NO_TAG; 2];
            for (i, &gold_class) in gold.iter().enumerate() {
                features(words, i, prev, &mut feats);
                let guess = trainer.best(&feats, None, &mut scores);
                trainer.update(&feats, gold_class, guess);
                trainer.tick();
                // Condition on the guess, as at prediction time.
                prev = [guess as u64, prev[0]];
            }
        }
    }
    trainer.finish(min_weight)
}
