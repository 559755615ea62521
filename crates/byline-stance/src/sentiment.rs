//! Target sentiment baseline: the balance of positive and negative lexicon words in the
//! sentence of each PER/ORG mention and each caller-given target.

use crate::lexicon::{NEGATIVE_WORDS, POSITIVE_WORDS};
use byline_core::{Document, EntityLabel, Polarity, Span, TargetSentiment};

/// Lexicon polarity of every token (+1, -1 or 0) and its sum per sentence.
struct Polarities {
    token: Vec<i32>,
    sentence: Vec<i32>,
}

fn word_polarity(word: &str) -> i32 {
    let lower;
    let w = if word.chars().any(char::is_uppercase) {
        lower = word.to_lowercase();
        lower.as_str()
    } else {
        word
    };
    i32::from(POSITIVE_WORDS.contains(&w)) - i32::from(NEGATIVE_WORDS.contains(&w))
}

impl Polarities {
    fn new(doc: &Document) -> Self {
        let token: Vec<i32> = (0..doc.tokens.len())
            .map(|t| word_polarity(doc.token_text(t)))
            .collect();
        let sentence = doc
            .sentences
            .iter()
            .map(|s| token[s.tokens.clone()].iter().sum())
            .collect();
        Polarities { token, sentence }
    }
}

fn portray(doc: &Document, pol: &Polarities, span: Span, cluster: Option<usize>) -> TargetSentiment {
    // The sentence's balance without the mention's own words.
    let diff = match doc.sentence_at(span.start) {
        Some(s) => pol.sentence[s] - doc.tokens_in(span).map(|t| pol.token[t]).sum::<i32>(),
        None => 0,
    };
    let polarity = match diff.signum() {
        1 => Polarity::Positive,
        -1 => Polarity::Negative,
        _ => Polarity::Neutral,
    };
    let score = if diff == 0 {
        0.5
    } else {
        (0.5 + 0.1 * f64::from(diff.abs())).min(0.9)
    };
    TargetSentiment {
        span,
        cluster,
        polarity,
        score,
    }
}

/// One entry per PER/ORG mention, plus one per given target not already covered.
pub fn portrayals(doc: &Document) -> Vec<TargetSentiment> {
    let pol = Polarities::new(doc);
    let mut out: Vec<TargetSentiment> = doc
        .entities
        .iter()
        .filter(|e| matches!(e.label, EntityLabel::Per | EntityLabel::Org))
        .map(|e| portray(doc, &pol, e.span, Some(e.cluster)))
        .collect();
    for &target in &doc.targets {
        if out.iter().any(|t| t.span == target) {
            continue;
        }
        let cluster = doc.entities.iter().find(|e| e.span == target).map(|e| e.cluster);
        out.push(portray(doc, &pol, target, cluster));
    }
    out.sort_by_key(|t| (t.span.start, t.span.end));
    out
}
