//! Target sentiment baseline: the balance of positive and negative lexicon words in the
//! sentence of each PER/ORG mention and each caller-given target.

use crate::lexicon::{NEGATIVE_WORDS, POSITIVE_WORDS};
use byline_core::{Document, EntityLabel, Polarity, Span, TargetSentiment};

fn portray(doc: &Document, span: Span, cluster: Option<usize>) -> TargetSentiment {
    let (mut pos, mut neg) = (0i32, 0i32);
    if let Some(s) = doc.sentence_at(span.start) {
        for t in doc.sentences[s].tokens.clone() {
            if doc.tokens[t].span.overlaps(span) {
                continue;
            }
            let w = doc.token_text(t).to_lowercase();
            pos += i32::from(POSITIVE_WORDS.contains(&w.as_str()));
            neg += i32::from(NEGATIVE_WORDS.contains(&w.as_str()));
        }
    }
    let diff = pos - neg;
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
    let mut out: Vec<TargetSentiment> = doc
        .entities
        .iter()
        .filter(|e| matches!(e.label, EntityLabel::Per | EntityLabel::Org))
        .map(|e| portray(doc, e.span, Some(e.cluster)))
        .collect();
    for &target in &doc.targets {
        if out.iter().any(|t| t.span == target) {
            continue;
        }
        let cluster = doc.entities.iter().find(|e| e.span == target).map(|e| e.cluster);
        out.push(portray(doc, target, cluster));
    }
    out.sort_by_key(|t| (t.span.start, t.span.end));
    out
}
