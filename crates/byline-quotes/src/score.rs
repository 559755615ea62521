//! A calibrated score per quote: the probability that it is a real attribution with the
//! right extent and speaker (an end-to-end match in PolNeAR's terms), from a logistic
//! model over what the finished quote shows — its kind and act, its cue word and the cue
//! lexicon's class of it, what kind of speaker it has and whether that resolved, its
//! length in tokens and fragments, where cue and speaker stand. `byline train quotes` fits the
//! weights on quotes found in held-out folds of the training articles.

use crate::features::CueLexicon;
use byline_core::{Document, Quote};
use byline_learn::hash::{FastMap, hash_str, mix};
use byline_learn::logistic::sigmoid;

/// Receives each feature as `(template, values)`.
pub(crate) type Emit<'a> = dyn FnMut(&str, &[&str]) + 'a;

/// Emits an item's features: calls the [`Emit`] it is given once per feature.
pub(crate) type EmitFeatures<'a> = dyn Fn(&mut Emit) + 'a;

/// Weights of the quote score, by feature name (`template=value`, a composite
/// template's values joined by commas: `kind,cue_class=indirect,2`), looked up by the
/// name's hash.
#[derive(Clone, Debug, Default)]
pub struct QuoteScorer {
    weights: FastMap<String, f64>,
    by_hash: FastMap<u64, f64>,
}

/// The hash of a feature: its template and each of its values.
fn feature_hash(template: &str, values: &[&str]) -> u64 {
    values.iter().fold(hash_str(template), |h, v| mix(h, hash_str(v)))
}

/// The hash of a feature name as written in the weights file.
fn name_hash(name: &str) -> u64 {
    let Some((template, value)) = name.split_once('=') else {
        return feature_hash(name, &[]);
    };
    let arity = template.matches(',').count() + 1;
    let values: Vec<&str> = if arity == 1 {
        vec![value]
    } else {
        value.splitn(arity, ',').collect()
    };
    feature_hash(template, &values)
}

impl QuoteScorer {
    /// Reads `feature<TAB>weight` lines (see [`QuoteScorer::to_tsv`]).
    pub fn from_tsv(text: &str) -> Result<Self, String> {
        let mut weights = Vec::new();
        for (n, line) in text.lines().enumerate().filter(|(_, l)| !l.is_empty()) {
            let (name, weight) = line
                .rsplit_once('\t')
                .ok_or_else(|| format!("quote score line {}: expected feature<TAB>weight", n + 1))?;
            let weight: f64 = weight
                .parse()
                .ok()
                .filter(|w: &f64| w.is_finite())
                .ok_or_else(|| format!("quote score line {}: bad weight {weight:?}", n + 1))?;
            weights.push((name.to_owned(), weight));
        }
        Ok(QuoteScorer::from_weights(weights))
    }

    /// Builds a scorer from fitted weights.
    pub fn from_weights(weights: impl IntoIterator<Item = (String, f64)>) -> Self {
        let weights: FastMap<String, f64> = weights.into_iter().collect();
        let by_hash = weights.iter().map(|(name, w)| (name_hash(name), *w)).collect();
        QuoteScorer { weights, by_hash }
    }

    /// The weights as sorted `feature<TAB>weight` lines.
    pub fn to_tsv(&self) -> String {
        let mut rows: Vec<(&String, &f64)> = self.weights.iter().collect();
        rows.sort_by(|a, b| a.0.cmp(b.0));
        rows.iter().map(|(f, w)| format!("{f}\t{w:.6}\n")).collect()
    }

    /// The score of a quote of `doc` (1 for an empty scorer).
    pub fn score(&self, doc: &Document, lexicon: &CueLexicon, quote: &Quote) -> f64 {
        self.probability(&|emit| emit_features(doc, lexicon, quote, emit))
    }

    /// Whether it has no weights.
    pub fn is_empty(&self) -> bool {
        self.by_hash.is_empty()
    }

    /// The model's probability for the features `features(emit)` emits (1 for an empty
    /// model): the same weights format serves the attribution candidates' model.
    pub(crate) fn probability(&self, features: &EmitFeatures) -> f64 {
        if self.by_hash.is_empty() {
            return 1.0;
        }
        let mut sum = 0.0;
        features(&mut |template, values| {
            sum += self
                .by_hash
                .get(&feature_hash(template, values))
                .copied()
                .unwrap_or(0.0);
        });
        sigmoid(sum)
    }
}

/// A bucket of a quote's length in tokens.
fn length_class(tokens: usize) -> &'static str {
    match tokens {
        0..=4 => "1-4",
        5..=9 => "5-9",
        10..=19 => "10-19",
        20..=39 => "20-39",
        _ => "40+",
    }
}

/// Names of the cue lexicon's classes.
pub(crate) const CLASSES: [&str; 4] = ["0", "1", "2", "3"];
const FRAGMENTS: [&str; 4] = ["0", "1", "2", "3"];

/// A feature value for a yes/no question.
pub(crate) fn yes_no(b: bool) -> &'static str {
    if b { "true" } else { "false" }
}

/// Calls `emit(template, values)` for each feature of a finished quote of `doc`.
fn emit_features(doc: &Document, lexicon: &CueLexicon, quote: &Quote, emit: &mut Emit) {
    let kind = quote.kind.as_str();
    let mut cue = String::new();
    if let Some(c) = quote.cue {
        cue.extend(doc.span_text(c).chars().flat_map(char::to_lowercase));
    }
    let cue_class = cue
        .split_whitespace()
        .map(|w| lexicon.class(w))
        .filter(|&k| k > 0)
        .min()
        .unwrap_or(0);
    let cue_class = CLASSES[usize::from(cue_class).min(3)];
    let speaker = quote.speaker.as_ref();
    let speaker_kind = speaker.map_or("absent", |s| s.kind.as_str());
    let position = |at: Option<usize>| match at {
        None => "none",
        Some(a) if a < quote.span.start => "before",
        Some(a) if a >= quote.span.end => "after",
        Some(_) => "inside",
    };
    let tokens: usize = quote.spans.iter().map(|s| doc.tokens_overlapping(*s).len()).sum();
    let first = quote
        .spans
        .first()
        .and_then(|s| doc.span_text(*s).split_whitespace().next())
        .unwrap_or("");
    let last = quote.spans.last().map_or("", |s| doc.span_text(*s));
    let ends = last
        .trim_end_matches(['”', '"', '’', '\'', ' '])
        .ends_with(['.', '!', '?']);
    let length = length_class(tokens);
    emit("bias", &[]);
    emit("kind", &[kind]);
    emit("cue", &[if quote.cue.is_some() { &cue } else { "-" }]);
    emit("cue_class", &[cue_class]);
    emit("kind,cue_class", &[kind, cue_class]);
    emit("kind,act", &[kind, quote.act.as_str()]);
    emit("speaker", &[speaker_kind]);
    emit("kind,speaker", &[kind, speaker_kind]);
    emit("resolved", &[yes_no(speaker.is_some_and(|s| s.cluster.is_some()))]);
    emit("length", &[length]);
    emit("kind,length", &[kind, length]);
    emit("fragments", &[FRAGMENTS[quote.spans.len().min(3)]]);
    emit("cue_at", &[position(quote.cue.map(|c| c.start))]);
    emit("speaker_at", &[position(speaker.map(|s| s.span.start))]);
    emit("that", &[yes_no(first.eq_ignore_ascii_case("that"))]);
    emit("ends_sentence", &[yes_no(ends)]);
}

/// The features of a finished quote of `doc`, by name (`template=value`; for training).
pub fn quote_features(doc: &Document, lexicon: &CueLexicon, quote: &Quote) -> Vec<String> {
    feature_names(&|emit| emit_features(doc, lexicon, quote, emit))
}

/// The names (`template=value`, as the weights file writes them) of what
/// `features(emit)` emits.
pub(crate) fn feature_names(features: &EmitFeatures) -> Vec<String> {
    let mut out = Vec::new();
    features(&mut |template, values| {
        out.push(if values.is_empty() {
            template.to_owned()
        } else {
            format!("{template}={}", values.join(","))
        });
    });
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_hash_as_their_parts() {
        assert_eq!(name_hash("bias"), feature_hash("bias", &[]));
        assert_eq!(name_hash("cue=according to"), feature_hash("cue", &["according to"]));
        assert_eq!(name_hash("cue=,"), feature_hash("cue", &[","]));
        assert_eq!(
            name_hash("kind,cue_class=indirect,2"),
            feature_hash("kind,cue_class", &["indirect", "2"])
        );
        let scorer = QuoteScorer::from_tsv("bias\t0.5\nkind=direct\t1.0\n").unwrap();
        assert_eq!(
            QuoteScorer::from_tsv(&scorer.to_tsv()).unwrap().to_tsv(),
            scorer.to_tsv()
        );
        assert!(QuoteScorer::from_tsv("bias\tNaN\n").is_err() && QuoteScorer::from_tsv("bias\n").is_err());
    }
}
