//! What the quote snapshot tests share: running entities and quotes on a text and
//! rendering each quote as kind, fragments, speaker (with its kind), cue and act, with
//! whether the default quotes layer keeps it (statements scoring at least the default
//! minimum score; every attribution is shown).

use byline_core::{Article, Pipeline};
use byline_entities::Entities;
use byline_quotes::{Attributions, DEFAULT_MIN_SCORE, Quotes};

/// The quotes of `text`, one block per quote.
pub fn render_quotes(text: &str) -> String {
    let pipeline = Pipeline::builder()
        .with(Entities)
        .with(Quotes::new(0.0, Attributions::All))
        .build()
        .unwrap();
    let doc = pipeline.process(Article::new("t", text)).unwrap();
    let mut out = String::new();
    for q in &doc.quotes {
        let fragments: Vec<&str> = q.spans.iter().map(|s| doc.span_text(*s)).collect();
        out += &format!(
            "{:?} {:?}\n  speaker: {:?} -> {:?} [{}]\n  cue: {:?}\n  act: {} ({} by default)\n",
            q.kind,
            fragments,
            q.speaker.as_ref().map(|s| doc.span_text(s.span)),
            q.speaker.as_ref().map(|s| s.name.as_str()),
            q.speaker.as_ref().map_or("-", |s| s.kind.as_str()),
            q.cue.map(|c| doc.span_text(c)),
            q.act.as_str(),
            if Attributions::Statements.keeps(q) && q.score >= DEFAULT_MIN_SCORE {
                "kept"
            } else {
                "left out"
            },
        );
    }
    out
}
