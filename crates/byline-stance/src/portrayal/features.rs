//! Features of one target mention in its sentence, all relative to the target: the words
//! on each side with their distance, bigrams, negated words, sentiment-lexicon hits by
//! side and distance, the words right before and after the mention, whether the mention
//! sits inside a quotation or opens the sentence, and the mention's own words. No parser
//! is needed: everything comes from the segmentation.

use crate::lexicon::{NEGATIVE_WORDS, POSITIVE_WORDS, is_negator};
use byline_core::{Document, Span, TokenKind};
use byline_learn::FeatureHash;
use byline_learn::hash::{FastMap, hash_str, lowercase};
use std::sync::LazyLock;

/// Feature templates (the first part of every feature hash).
#[repr(u64)]
enum T {
    Bias,
    Word,
    WordSide,
    WordDistance,
    Bigram,
    Negated,
    LexiconCounts,
    LexiconNear,
    Next,
    Next2,
    Previous,
    Previous2,
    InQuote,
    Position,
    Mention,
    WordInQuote,
    WordClause,
    Stem,
    Possessed,
    NearestLexicon,
    Vader,
    VaderSum,
    Cluster,
}

/// VADER valence as a class: sign and strength (weak < 1.5 ≤ strong).
pub(crate) fn valence_class(v: f32) -> u64 {
    match v {
        v if v <= -1.5 => 0,
        v if v < 0.0 => 1,
        v if v < 1.5 => 2,
        _ => 3,
    }
}

/// Words that end a clause for the purpose of "the same clause as the target".
fn clause_boundary(word: &str) -> bool {
    matches!(
        word,
        "," | ";"
            | ":"
            | "."
            | "?"
            | "!"
            | "--"
            | "—"
            | "–"
            | "but"
            | "while"
            | "although"
            | "though"
            | "whereas"
            | "because"
            | "who"
            | "which"
            | "when"
            | "after"
            | "before"
            | "as"
    )
}

/// A crude stem: the first six letters of a longer word ("criticized" → "critic").
fn stem(word: &str) -> &str {
    match word.char_indices().nth(6) {
        Some((i, _)) => &word[..i],
        None => word,
    }
}

/// Distance classes: 1, 2, 3, 4–6, 7–10, farther.
fn distance_class(d: usize) -> u64 {
    byline_learn::distance_class(d, 10)
}

/// Lexicon sign of a lower-case word: +1, -1 or 0.
fn lexicon_sign(lower: &str) -> i64 {
    // One hash lookup instead of scanning both lists for every token.
    static SIGNS: LazyLock<FastMap<&'static str, i64>> = LazyLock::new(|| {
        let mut signs: FastMap<&'static str, i64> = FastMap::default();
        for (words, sign) in [(POSITIVE_WORDS, 1), (NEGATIVE_WORDS, -1)] {
            for &word in words {
                *signs.entry(word).or_default() += sign;
            }
        }
        signs
    });
    SIGNS.get(lower).copied().unwrap_or(0)
}

/// Whether a token is a quotation mark.
fn is_quote_mark(word: &str) -> bool {
    matches!(word, "\"" | "“" | "”" | "``" | "''" | "‘" | "’")
}

/// How far from the mention context words are read, in tokens.
const WINDOW: usize = 100;

/// What the features need of every token of one sentence, computed once per sentence
/// and shared by all its mentions.
pub struct SentenceWords {
    /// The sentence's index.
    pub sentence: usize,
    range: std::ops::Range<usize>,
    hash: Vec<u64>,
    stem_hash: Vec<u64>,
    quoted: Vec<bool>,
    punct: Vec<bool>,
    boundary: Vec<bool>,
    resets_negation: Vec<bool>,
    negator: Vec<bool>,
    possessive: Vec<bool>,
    valence: Vec<Option<f32>>,
    cluster: Vec<Option<[u16; 3]>>,
    lexicon: Vec<i64>,
}

impl SentenceWords {
    /// The words of sentence `sentence` of `doc`.
    pub fn new(doc: &Document, sentence: usize) -> Self {
        let range = doc.sentences[sentence].tokens.clone();
        let clusters = byline_learn::clusters::shipped_clusters();
        let n = range.len();
        let mut w = SentenceWords {
            sentence,
            range: range.clone(),
            hash: Vec::with_capacity(n),
            stem_hash: Vec::with_capacity(n),
            quoted: Vec::with_capacity(n),
            punct: Vec::with_capacity(n),
            boundary: Vec::with_capacity(n),
            resets_negation: Vec::with_capacity(n),
            negator: Vec::with_capacity(n),
            possessive: Vec::with_capacity(n),
            valence: Vec::with_capacity(n),
            cluster: Vec::with_capacity(n),
            lexicon: Vec::with_capacity(n),
        };
        // Quotation state: inside marks or not (toggled by each mark).
        let mut open = false;
        for t in range {
            let text = doc.token_text(t);
            let lower = lowercase(text);
            let mark = is_quote_mark(text);
            if mark {
                open = !open;
            }
            w.quoted.push(open && !mark);
            w.hash.push(hash_str(&lower));
            w.stem_hash.push(hash_str(stem(&lower)));
            w.punct.push(doc.tokens[t].kind == TokenKind::Punct);
            w.boundary.push(clause_boundary(&lower));
            w.resets_negation
                .push(matches!(lower.as_str(), "," | ";" | ":" | "." | "?" | "!"));
            w.negator.push(is_negator(&lower));
            w.possessive.push(matches!(lower.as_str(), "'s" | "’s" | "'" | "’"));
            w.valence.push(crate::vader::valence(&lower));
            w.cluster.push(clusters.get(text));
            w.lexicon.push(lexicon_sign(&lower));
        }
        w
    }
}

/// The hashed features of the mention `target` (byte span) in `doc`, folded into
/// `2^bits` buckets and appended to `out`.
pub fn target_features(doc: &Document, target: Span, bits: u32, out: &mut Vec<u32>) {
    match doc.sentence_at(target.start) {
        Some(s) => features_in(doc, &SentenceWords::new(doc, s), target, bits, out),
        None => out.push(FeatureHash::new(T::Bias as u64).finish(bits)),
    }
}

/// [`target_features`] with the words of the mention's sentence already computed.
pub fn features_in(doc: &Document, words: &SentenceWords, target: Span, bits: u32, out: &mut Vec<u32>) {
    let mut push = |f: FeatureHash| out.push(f.finish(bits));
    push(FeatureHash::new(T::Bias as u64));
    let range = words.range.clone();
    let inside = doc.tokens_overlapping(target);
    let (first, last) = if inside.is_empty() {
        let at = range
            .clone()
            .find(|&t| doc.tokens[t].span.start >= target.start)
            .unwrap_or(range.end);
        (at, at)
    } else {
        (inside.start, inside.end)
    };
    // A mention running over a sentence boundary is cut to its first sentence.
    let first = first.clamp(range.start, range.end);
    let last = last.clamp(first, range.end);
    let at = |t: usize| t - range.start;
    let h = |t: usize| words.hash[at(t)];
    if first < range.end && words.quoted[at(first)] {
        push(FeatureHash::new(T::InQuote as u64).u64(1));
    }
    push(FeatureHash::new(T::Position as u64).u64(distance_class(first - range.start)));
    for t in first..last {
        push(FeatureHash::new(T::Mention as u64).u64(h(t)));
    }

    // The target's clause: back and forth to the nearest boundary word.
    let mut clause_start = first;
    while clause_start > range.start && !words.boundary[at(clause_start - 1)] {
        clause_start -= 1;
    }
    let mut clause_end = last;
    while clause_end < range.end && !words.boundary[at(clause_end)] {
        clause_end += 1;
    }
    // "Rubio's record": the words the target possesses.
    if last < range.end && words.possessive[at(last)] {
        for t in last + 1..(last + 4).min(range.end) {
            push(FeatureHash::new(T::Possessed as u64).u64(h(t)));
        }
    }
    let mut nearest_lexicon: [Option<(i64, bool)>; 2] = [None, None];
    let mut valence_sum = [0.0f32; 2];
    let mut positives = [0u64; 2];
    let mut negatives = [0u64; 2];
    let mut negation_left = 0usize;
    // Context: the sentence, at most WINDOW tokens on each side (keeps a 20,000-word
    // "sentence" linear in its mentions).
    let context = first.saturating_sub(WINDOW).max(range.start)..(last + WINDOW).min(range.end);
    for t in context {
        if (first..last).contains(&t) {
            continue;
        }
        if words.punct[at(t)] {
            if words.resets_negation[at(t)] {
                negation_left = 0;
            }
            continue;
        }
        let right = t >= last;
        let side = u64::from(right);
        let distance = if right { t + 1 - last } else { first - t };
        let w = h(t);
        push(FeatureHash::new(T::Word as u64).u64(w));
        push(FeatureHash::new(T::WordSide as u64).u64(w).u64(side));
        if distance <= 10 {
            push(
                FeatureHash::new(T::WordDistance as u64)
                    .u64(w)
                    .u64(side)
                    .u64(distance_class(distance)),
            );
        }
        if (clause_start..clause_end).contains(&t) {
            push(FeatureHash::new(T::WordClause as u64).u64(w).u64(side));
        }
        push(FeatureHash::new(T::Stem as u64).u64(words.stem_hash[at(t)]).u64(side));
        if words.quoted[at(t)] {
            push(FeatureHash::new(T::WordInQuote as u64).u64(w));
        }
        if t + 1 < range.end && !(first..last).contains(&(t + 1)) {
            push(FeatureHash::new(T::Bigram as u64).u64(w).u64(h(t + 1)).u64(side));
        }
        let negated = negation_left > 0;
        if negated {
            push(FeatureHash::new(T::Negated as u64).u64(w).u64(side));
            negation_left -= 1;
        }
        if words.negator[at(t)] {
            negation_left = 3;
        }
        if let Some(v) = words.valence[at(t)] {
            let v = if negated { -v } else { v };
            let in_clause = (clause_start..clause_end).contains(&t);
            push(
                FeatureHash::new(T::Vader as u64)
                    .u64(valence_class(v))
                    .u64(side)
                    .u64(distance_class(distance)),
            );
            push(
                FeatureHash::new(T::Vader as u64)
                    .u64(valence_class(v))
                    .u64(u64::from(in_clause))
                    .u64(7),
            );
            valence_sum[usize::from(distance <= 5)] += v;
        }
        if let Some(ids) = words.cluster[at(t)] {
            push(FeatureHash::new(T::Cluster as u64).u64(u64::from(ids[1])).u64(side));
            if distance <= 5 {
                push(
                    FeatureHash::new(T::Cluster as u64)
                        .u64(u64::from(ids[0]))
                        .u64(side)
                        .u64(distance_class(distance)),
                );
            }
        }
        let sign = words.lexicon[at(t)] * if negated { -1 } else { 1 };
        let near = usize::from(distance <= 5);
        match sign {
            1 => positives[near] += 1,
            -1 => negatives[near] += 1,
            _ => {}
        }
        if sign != 0 {
            let in_clause = (clause_start..clause_end).contains(&t);
            let slot = &mut nearest_lexicon[side as usize];
            // Left of the target the nearest is the last seen; right of it the first.
            if !right || slot.is_none() {
                *slot = Some((sign, in_clause));
            }
            let sign_bit = u64::from(sign > 0);
            push(
                FeatureHash::new(T::LexiconNear as u64)
                    .u64(sign_bit)
                    .u64(side)
                    .u64(distance_class(distance)),
            );
        }
    }
    for (near, (p, n)) in positives.iter().zip(&negatives).enumerate() {
        push(
            FeatureHash::new(T::LexiconCounts as u64)
                .u64(near as u64)
                .u64((*p).min(3))
                .u64((*n).min(3)),
        );
    }
    for (near, sum) in valence_sum.iter().enumerate() {
        let class = (sum.clamp(-6.0, 6.0) / 1.5).round() as i64;
        push(FeatureHash::new(T::VaderSum as u64).u64(near as u64).u64(class as u64));
    }
    for (side, nearest) in nearest_lexicon.iter().enumerate() {
        if let Some((sign, in_clause)) = nearest {
            push(
                FeatureHash::new(T::NearestLexicon as u64)
                    .u64(side as u64)
                    .u64(u64::from(*sign > 0))
                    .u64(u64::from(*in_clause)),
            );
        }
    }
    let next = (last < range.end).then(|| h(last));
    let next2 = (last + 1 < range.end).then(|| h(last + 1));
    let previous = (first > range.start).then(|| h(first - 1));
    let previous2 = (first > range.start + 1).then(|| h(first - 2));
    push(FeatureHash::new(T::Next as u64).u64(next.unwrap_or(0)));
    push(
        FeatureHash::new(T::Next2 as u64)
            .u64(next.unwrap_or(0))
            .u64(next2.unwrap_or(0)),
    );
    push(FeatureHash::new(T::Previous as u64).u64(previous.unwrap_or(0)));
    push(
        FeatureHash::new(T::Previous2 as u64)
            .u64(previous.unwrap_or(0))
            .u64(previous2.unwrap_or(0)),
    );
}
