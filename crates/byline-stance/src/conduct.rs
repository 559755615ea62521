//! Stances of speakers towards the subjects whose conduct they report: inside a quote,
//! an entity followed by a conduct verb ("Ukraine had not adhered to it", "Iran
//! violated the deal") is judged by the quote's speaker, for or against by the verb
//! ([`crate::lexicon::CONDUCT_VERBS`]), flipped by a negation between them.

use crate::lexicon::{self, CONDUCT_VERBS, is_negator};
use byline_core::{Document, EntityLabel, Span, Stance, TokenKind};

/// Words allowed between the subject and its conduct verb ("had not", "has never").
const BETWEEN: &[&str] = &[
    "had",
    "has",
    "have",
    "did",
    "does",
    "do",
    "was",
    "were",
    "is",
    "are",
    "not",
    "n't",
    "never",
    "also",
    "again",
    "repeatedly",
    "still",
    "already",
    "allegedly",
    "clearly",
];

/// The rule's score: its precision has not been measured on gold data (no stance gold
/// with quotes ships with a licence that allows tuning), so it states a modest belief.
const SCORE: f64 = 0.7;

/// Conduct stances of every quote with a known speaker.
pub fn conduct_stances(doc: &Document) -> Vec<Stance> {
    let mut out = Vec::new();
    for (q, quote) in doc.quotes.iter().enumerate() {
        let Some(speaker) = &quote.speaker else { continue };
        for &content in &quote.spans {
            let tokens = doc.tokens_in(content);
            for v in tokens.clone() {
                let word = doc.token_text(v).to_ascii_lowercase();
                let Some(&(_, base)) = CONDUCT_VERBS.iter().find(|(w, _)| *w == word) else {
                    continue;
                };
                // Walk back over auxiliaries and negations to the subject's last token.
                let mut t = v;
                let mut negated = false;
                while t > tokens.start && v - t < 5 {
                    let w = doc.token_text(t - 1).to_ascii_lowercase();
                    let negator = is_negator(&w);
                    if !BETWEEN.contains(&w.as_str()) && !negator {
                        break;
                    }
                    negated ^= negator;
                    t -= 1;
                }
                if t == tokens.start || doc.tokens[t - 1].kind == TokenKind::Punct {
                    continue;
                }
                let Some(e) = doc.entity_at_token(t - 1) else { continue };
                let entity = &doc.entities[e];
                if entity.label == EntityLabel::Misc || Some(entity.cluster) == speaker.cluster {
                    continue;
                }
                let polarity = lexicon::negated(base, negated);
                // Evidence: the subject through the verb and its words up to the clause end.
                let mut end = v + 1;
                while end < tokens.end && end - v <= 4 && doc.tokens[end].kind != TokenKind::Punct {
                    end += 1;
                }
                let evidence = Span::new(entity.span.start, doc.tokens[end - 1].span.end);
                out.extend(crate::speaker_stance(doc, q, entity, polarity, SCORE, evidence));
            }
        }
    }
    out
}
