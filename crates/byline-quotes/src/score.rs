//! A calibrated score per quote: the probability that it is a real attribution with the
//! right extent and speaker (an end-to-end match in PolNeAR's terms), from a logistic
//! model over what the finished quote shows — its kind, its cue word and the cue
//! lexicon's class of it, what kind of speaker it has and whether that resolved, its
//! length and fragments, where cue and speaker stand. `byline train quotes` fits the
//! weights on quotes found in held-out folds of the training articles.

use crate::features::CueLexicon;
use byline_core::{Document, Quote};
use byline_learn::hash::FastMap;
use byline_learn::logistic::sigmoid;

/// Weights of the quote score, by feature name.
#[derive(Clone, Debug, Default)]
pub struct QuoteScorer {
    weights: FastMap<String, f64>,
}

impl QuoteScorer {
    /// Reads `feature<TAB>weight` lines (see [`QuoteScorer::to_tsv`]).
    pub fn from_tsv(text: &str) -> Result<Self, String> {
        let mut weights = FastMap::default();
        for (n, line) in text.lines().enumerate().filter(|(_, l)| !l.is_empty()) {
            let (name, weight) = line
                .rsplit_once('\t')
                .ok_or_else(|| format!("quote score line {}: expected feature<TAB>weight", n + 1))?;
            let weight: f64 = weight
                .parse()
                .ok()
                .filter(|w: &f64| w.is_finite())
                .ok_or_else(|| format!("quote score line {}: bad weight {weight:?}", n + 1))?;
            weights.insert(name.to_owned(), weight);
        }
        Ok(QuoteScorer { weights })
    }

    /// Builds a scorer from fitted weights.
    pub fn from_weights(weights: impl IntoIterator<Item = (String, f64)>) -> Self {
        QuoteScorer {
            weights: weights.into_iter().collect(),
        }
    }

    /// The weights as sorted `feature<TAB>weight` lines.
    pub fn to_tsv(&self) -> String {
        let mut rows: Vec<(&String, &f64)> = self.weights.iter().collect();
        rows.sort_by(|a, b| a.0.cmp(b.0));
        rows.iter().map(|(f, w)| format!("{f}\t{w:.6}\n")).collect()
    }

    /// The score of a quote with features `features` (1 for an empty scorer).
    pub fn score(&self, features: &[String]) -> f64 {
        if self.weights.is_empty() {
            return 1.0;
        }
        sigmoid(features.iter().filter_map(|f| self.weights.get(f)).sum())
    }
}

fn length_class(words: usize) -> &'static str {
    match words {
        0..=3 => "1-3",
        4..=7 => "4-7",
        8..=15 => "8-15",
        16..=30 => "16-30",
        _ => "31+",
    }
}

/// The features of a finished quote of `doc`.
pub fn quote_features(doc: &Document, lexicon: &CueLexicon, quote: &Quote) -> Vec<String> {
    let kind = quote.kind.as_str();
    let cue = quote.cue.map(|c| doc.span_text(c).to_lowercase());
    let cue_class = cue.as_deref().map_or(0, |c| {
        c.split_whitespace()
            .map(|w| lexicon.class(w))
            .filter(|&k| k > 0)
            .min()
            .unwrap_or(0)
    });
    let speaker = quote.speaker.as_ref();
    let speaker_kind = speaker.map_or("absent", |s| s.kind.as_str());
    let position = |at: Option<usize>| match at {
        None => "none",
        Some(a) if a < quote.span.start => "before",
        Some(a) if a >= quote.span.end => "after",
        Some(_) => "inside",
    };
    let content: String = quote
        .spans
        .iter()
        .map(|s| doc.span_text(*s))
        .collect::<Vec<_>>()
        .join(" ");
    let words = content.split_whitespace().count();
    let first = content.split_whitespace().next().unwrap_or("").to_lowercase();
    let ends = content
        .trim_end_matches(['”', '"', '’', '\'', ' '])
        .ends_with(['.', '!', '?']);
    vec![
        "bias".to_owned(),
        format!("kind={kind}"),
        format!("cue={}", cue.as_deref().unwrap_or("-")),
        format!("cue_class={cue_class}"),
        format!("kind,cue_class={kind},{cue_class}"),
        format!("speaker={speaker_kind}"),
        format!("kind,speaker={kind},{speaker_kind}"),
        format!("resolved={}", speaker.is_some_and(|s| s.cluster.is_some())),
        format!("length={}", length_class(words)),
        format!("kind,length={kind},{}", length_class(words)),
        format!("fragments={}", quote.spans.len().min(3)),
        format!("cue_at={}", position(quote.cue.map(|c| c.start))),
        format!("speaker_at={}", position(speaker.map(|s| s.span.start))),
        format!("that={}", first == "that"),
        format!("ends_sentence={ends}"),
    ]
}
