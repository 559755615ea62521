//! Stances carried by quotes: a speaker who portrays an entity favourably or not in
//! their own words holds that stance ("Peskov noted that Ukraine had not adhered to
//! it" → Peskov → Ukraine, negative). The portrayal classifier judges each entity
//! mention inside a quote's content; a clear positive or negative judgement (probability
//! at least [`MIN_PROBABILITY`]) becomes a stance whose evidence is the mention's clause
//! and whose score is that probability.

use byline_core::{Document, EntityLabel, Polarity, QuoteAct, Span, Stance, TargetSentiment};

/// The least classifier probability that makes a quote's portrayal a stance: where the
/// classifier's positive and negative calls are right 80 % of the time on NewsMTSC
/// train's held-out folds (`byline train stance --folds 5` prints that table).
pub const MIN_PROBABILITY: f32 = 0.6;

/// Words that end the clause around a mention for its evidence.
fn clause_boundary(word: &str) -> bool {
    matches!(
        word,
        "," | ";"
            | ":"
            | "."
            | "?"
            | "!"
            | "—"
            | "–"
            | "--"
            | "that"
            | "but"
            | "although"
            | "though"
            | "while"
            | "because"
    )
}

/// The clause around `mention` inside `within` (a quote content span), as evidence.
fn clause_around(doc: &Document, mention: Span, within: Span) -> Span {
    let inside = doc.tokens_overlapping(mention);
    let sentence = match doc.sentence_at(mention.start) {
        Some(s) => doc.sentences[s].tokens.clone(),
        None => return mention,
    };
    let in_bounds = |t: usize| sentence.contains(&t) && within.contains(doc.tokens[t].span);
    let mut first = inside.start;
    while first > sentence.start && in_bounds(first - 1) && !clause_boundary(doc.token_text(first - 1)) {
        first -= 1;
    }
    let mut last = inside.end;
    while last < sentence.end && in_bounds(last) && !clause_boundary(doc.token_text(last)) {
        last += 1;
    }
    Span::new(
        doc.tokens[first].span.start,
        doc.tokens[last - 1].span.end.max(mention.end),
    )
}

/// Stances of quote speakers towards the entities their quotes portray, read from the
/// document's portrayals (`portrayals`, sorted by span, as [`crate::sentiment::portrayals`]
/// gives them).
pub fn quote_stances(doc: &Document, portrayals: &[TargetSentiment]) -> Vec<Stance> {
    let mut out = Vec::new();
    for (q, quote) in doc.quotes.iter().enumerate() {
        // A portrayal is what a speaker says; a belief or intention the text reports
        // (`--attributions all`) is the writer's account of a mind, not a statement.
        if quote.act == QuoteAct::Thought {
            continue;
        }
        let Some(speaker) = &quote.speaker else { continue };
        for &content in &quote.spans {
            let from = doc.entities.partition_point(|e| e.span.start < content.start);
            for entity in doc.entities[from..].iter().take_while(|e| e.span.end <= content.end) {
                // The classifier learnt how people and organisations are portrayed.
                if !matches!(entity.label, EntityLabel::Per | EntityLabel::Org)
                    || Some(entity.cluster) == speaker.cluster
                {
                    continue;
                }
                let at =
                    portrayals.partition_point(|t| (t.span.start, t.span.end) < (entity.span.start, entity.span.end));
                let Some(portrayal) = portrayals.get(at).filter(|t| t.span == entity.span) else {
                    continue;
                };
                if portrayal.polarity == Polarity::Neutral || portrayal.score < f64::from(MIN_PROBABILITY) {
                    continue;
                }
                let evidence = clause_around(doc, entity.span, content);
                out.extend(crate::speaker_stance(
                    doc,
                    q,
                    entity,
                    portrayal.polarity,
                    portrayal.score,
                    evidence,
                ));
            }
        }
    }
    out
}
