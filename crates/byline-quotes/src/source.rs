//! Step 3 of the path, **source**: who says each quote, as the text writes it.
//!
//! The source the cue step found is taken back to the name an apposition chain
//! describes ("south of Invercargill," → "Ruth Okonjo") and extended to the titled name
//! it begins ("NYPD Commissioner James O'Neill"). Without one: the name signing a direct
//! quote ("“…” ― Esther Tapia"), else the subject right before the cue or the name right
//! after it, outside the content (`phrases`). Last, what the source stands for: a
//! relative word its antecedent, a lone determiner the description it opens, "I"/"we"
//! the speaker of the quote they stand in, "you" nobody.

use crate::content::Shaped;
use crate::phrases::{self, Referent};
use byline_core::{Document, QuoteKind};
use std::ops::Range;

/// A quote with its source read.
pub(crate) struct Sourced {
    /// The quote's content, cue and act.
    pub shaped: Shaped,
    /// What its source stands for; `None` when the text writes no source.
    pub source: Option<Referent>,
    /// The token where its source (or, without a tagged one, its content) is written.
    pub at: usize,
}

/// Reads the source of every quote of `shaped`; the result is in the order the
/// sources are written, which is the order the speaker step resolves them in.
pub(crate) fn find(doc: &Document, shaped: Vec<Shaped>) -> Vec<Sourced> {
    let mut out: Vec<Sourced> = shaped.into_iter().map(|s| sourced(doc, s)).collect();
    out.sort_by_key(|s| s.at);
    out
}

/// The tokens of the sentence holding token `t`.
fn sentence_range(doc: &Document, t: usize) -> Range<usize> {
    doc.sentences
        .get(crate::sentence_of(doc, t))
        .map_or(t..t + 1, |s| s.tokens.clone())
}

/// The source of one quote.
fn sourced(doc: &Document, shaped: Shaped) -> Sourced {
    let a = &shaped.attribution;
    let tagged = a.source.clone().map(|s| {
        let sentence = sentence_range(doc, s.start);
        let s = phrases::head_of_apposition(doc, s, &sentence);
        phrases::with_titled_name(doc, s, sentence.end)
    });
    let at = tagged.as_ref().map_or(a.content[0].start, |s| s.start);
    let content_end = a.content.last().map_or(0, |c| c.end);
    let outside_content = |s: &Range<usize>| !a.content.iter().any(|c| c.start < s.end && s.start < c.end);
    let signed = (shaped.kind == QuoteKind::Direct)
        .then(|| phrases::dash_signature(doc, content_end))
        .flatten();
    let written = signed.or(tagged).or_else(|| match a.cue.first() {
        Some(cue) => {
            let sentence = sentence_range(doc, cue.start);
            phrases::subject_before(doc, cue, &sentence)
                .filter(outside_content)
                .or_else(|| phrases::speaker_after(doc, cue, &sentence).filter(outside_content))
        }
        None => phrases::dash_signature(doc, content_end),
    });
    let cue_start = a.cue.first().map(|c| c.start);
    let source = written.map(|s| {
        let sentence = sentence_range(doc, s.start);
        phrases::referent(doc, s, cue_start, &sentence)
    });
    Sourced { shaped, source, at }
}
