//! Helpers shared by the stance snapshot tests.

use byline_core::{Document, Pipeline, Span};
use byline_entities::Entities;
use byline_quotes::Quotes;
use byline_stance::Stance;

/// Entities, quotes and stance.
#[allow(dead_code)]
pub fn pipeline() -> Pipeline {
    Pipeline::builder()
        .with(Entities)
        .with(Quotes::default())
        .with(Stance::new(0.0))
        .build()
        .unwrap()
}

/// Syntax, entities, quotes and stance: stance predicates read from the parse.
#[allow(dead_code)]
pub fn parsed_pipeline() -> Pipeline {
    Pipeline::builder()
        .with(byline_syntax::Syntax)
        .with(Entities)
        .with(Quotes::default())
        .with(Stance::new(0.0))
        .build()
        .unwrap()
}

/// The stances and portrayals of `doc` inside `within`, one per line (unused by the
/// bad-input tests, which include this module too).
#[allow(dead_code)]
pub fn render(doc: &Document, within: Span) -> String {
    let mut out = String::new();
    for s in doc.stances.iter().filter(|s| within.contains(s.evidence)) {
        out += &format!(
            "stance {} -> {:?} ({}) {:?} {:?} score {} (quote {:?})\n  evidence: {:?}\n",
            s.holder.name,
            doc.span_text(s.target.span),
            s.target.kind.as_str(),
            s.polarity,
            s.channel,
            s.score,
            s.quote,
            doc.span_text(s.evidence)
        );
    }
    for t in doc.target_sentiment.iter().filter(|t| within.contains(t.span)) {
        out += &format!("portrayal {:?}: {:?} {}\n", doc.span_text(t.span), t.polarity, t.score);
    }
    out
}

/// One sentence of about `parts` clauses: a praise, then " and so on" with a criticism
/// every seventh part.
#[allow(dead_code)]
pub fn long_sentence(parts: usize) -> String {
    let mut text = String::from("Senator Mary Walsh praised the plan");
    for i in 0..parts {
        text.push_str(if i % 7 == 0 {
            " and Governor Tom Reyes criticized it"
        } else {
            " and so on"
        });
    }
    text.push('.');
    text
}
