//! Direct quotations in attributions the labeller assembled: the quoted words are the
//! content ([`focus`]), and a quotation split by its attribution ("“A,” he said in
//! Everett. “B.”") stays one quote with one speaker ([`merge_split`]).

use crate::assemble::Attribution;
use crate::features::{QuoteState, TokenInfo};
use byline_core::{Document, TokenKind};
use std::ops::Range;

fn quoted(infos: &[TokenInfo], t: usize) -> bool {
    infos[t].quote != QuoteState::Outside
}

fn is_word(doc: &Document, t: usize) -> bool {
    matches!(doc.tokens[t].kind, TokenKind::Word | TokenKind::Number)
}

/// Every word of the fragment lies inside quotation marks.
pub fn is_quotation(doc: &Document, infos: &[TokenInfo], fragment: &Range<usize>) -> bool {
    fragment.clone().any(|t| quoted(infos, t))
        && fragment.clone().filter(|&t| is_word(doc, t)).all(|t| quoted(infos, t))
}

/// When some content fragment is a quotation, the attribution quotes those words:
/// fragments without a quoted token (the rest of the reporting clause, "at the time.")
/// are dropped, and unquoted words that end with punctuation before an opening mark
/// ("her, “I just …”") are trimmed.
pub fn focus(doc: &Document, infos: &[TokenInfo], content: &mut Vec<Range<usize>>) {
    if !content.iter().any(|c| is_quotation(doc, infos, c)) {
        return;
    }
    content.retain(|c| c.clone().any(|t| quoted(infos, t)));
    for c in content.iter_mut() {
        let Some(open) = c.clone().find(|&t| infos[t].quote == QuoteState::Open) else {
            continue;
        };
        let after_clause = open > c.start && matches!(doc.token_text(open - 1), "," | "." | ":" | ";");
        if after_clause && is_quotation(doc, infos, &(open..c.end)) {
            c.start = open;
        }
    }
}

/// Joins a quotation that continues the previous attribution's quotation in the
/// paragraph's `attributions` (in cue order) when the later one's cue sits in the sentence of the earlier one's cue
/// ("“A,” Trump warned in Everett, Wash., recently. “B.”" — the labeller may read
/// "recently" as a second cue). `sentence_of` maps tokens to sentences.
pub fn merge_split(
    doc: &Document,
    infos: &[TokenInfo],
    attributions: &mut Vec<Attribution>,
    sentence_of: impl Fn(usize) -> usize,
) {
    let mut i = 1;
    while i < attributions.len() {
        let (before, rest) = attributions.split_at_mut(i);
        let (prev, this) = (&before[i - 1], &rest[0]);
        let first = |a: &Attribution| a.content.iter().map(|c| c.start).min();
        let last = |a: &Attribution| a.content.iter().map(|c| c.end).max();
        let continues = match (first(this), last(prev), this.cue.first(), prev.cue.first()) {
            (Some(start), Some(prev_end), Some(cue), Some(prev_cue)) => {
                prev_end <= cue.start
                    && cue.end <= start
                    && sentence_of(cue.start) == sentence_of(prev_cue.start)
                    && this.content.iter().all(|c| is_quotation(doc, infos, c))
                    && prev.content.iter().any(|c| is_quotation(doc, infos, c))
            }
            _ => false,
        };
        if continues {
            let content = attributions.remove(i).content;
            attributions[i - 1].content.extend(content);
        } else {
            i += 1;
        }
    }
}

/// Gives each quotation that carries its own signature ("“…” ― Esther Tapia") an
/// attribution of its own: lists of signed reader quotes are often one paragraph, and a
/// cue word inside one of them must not gather the others.
pub fn split_signed(doc: &Document, infos: &[TokenInfo], attributions: &mut Vec<Attribution>) {
    let mut signed = Vec::new();
    for a in attributions.iter_mut() {
        if a.content.len() < 2 {
            continue;
        }
        a.content.retain(|c| {
            let own = is_quotation(doc, infos, c) && crate::phrases::dash_signature(doc, c.end).is_some();
            if own {
                signed.push(Attribution {
                    content: vec![c.clone()],
                    ..Attribution::default()
                });
            }
            !own
        });
    }
    attributions.retain(|a| !a.content.is_empty());
    attributions.extend(signed);
}
