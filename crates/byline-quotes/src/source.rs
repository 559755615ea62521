//! Finding a source the labeller did not tag: the subject written just before the cue
//! ("Derek Mitchell … said", "the judge also said"), the name right after it ("said
//! Trump", "said the spokesman"), or a name after a dash closing a direct quote
//! ("“…” ― Esther Tapia").

use crate::features::PRONOUNS;
use byline_core::{Document, EntityLabel, TokenKind};
use std::ops::Range;

/// Words that may stand between a subject and its cue ("He further stated").
const BETWEEN: &[&str] = &[
    "also",
    "further",
    "later",
    "then",
    "previously",
    "earlier",
    "again",
    "once",
    "recently",
    "repeatedly",
    "has",
    "have",
    "had",
    "would",
    "will",
    "publicly",
    "privately",
    "separately",
    "simply",
    "flatly",
    "quickly",
    "firmly",
    "bluntly",
    "reportedly",
    "allegedly",
    "subsequently",
    "often",
    "never",
    "even",
    "still",
    "already",
    "just",
    "was",
    "were",
    "is",
    "are",
    "not",
    "did",
    "does",
    "do",
    "could",
    "may",
    "might",
    "should",
];

/// Determiners that open a description ("the spokesman", "a senior official").
const DETERMINERS: &[&str] = &[
    "the", "a", "an", "his", "her", "their", "its", "one", "two", "several", "many", "some",
];

/// Person or organisation mention covering token `t`, as a token range.
pub(crate) fn speaker_entity(doc: &Document, t: usize) -> Option<Range<usize>> {
    let e = doc.entity_at_token(t)?;
    let entity = &doc.entities[e];
    let range = doc.tokens_overlapping(entity.span);
    (matches!(entity.label, EntityLabel::Per | EntityLabel::Org) && !range.is_empty()).then_some(range)
}

fn lower(doc: &Document, t: usize) -> String {
    doc.token_text(t).to_lowercase()
}

/// A description ending at token `end`: back to its determiner within four tokens.
fn description_ending_at(doc: &Document, end: usize, min: usize) -> Option<Range<usize>> {
    if doc.tokens[end].kind != TokenKind::Word || !doc.token_text(end).chars().all(char::is_lowercase) {
        return None;
    }
    let mut start = end;
    while start > min && end - start < 4 {
        start -= 1;
        if doc.tokens[start].kind != TokenKind::Word {
            return None;
        }
        if DETERMINERS.contains(&lower(doc, start).as_str()) {
            return Some(start..end + 1);
        }
    }
    None
}

/// The subject ending right before cue tokens `cue` within `sentence`.
pub fn subject_before(doc: &Document, cue: &Range<usize>, sentence: &Range<usize>) -> Option<Range<usize>> {
    let mut t = cue.start.checked_sub(1)?;
    let mut skipped = 0;
    while t > sentence.start && skipped < 3 && BETWEEN.contains(&lower(doc, t).as_str()) {
        t -= 1;
        skipped += 1;
    }
    if t < sentence.start {
        return None;
    }
    if let Some(range) = speaker_entity(doc, t) {
        return Some(range);
    }
    if PRONOUNS.contains(&lower(doc, t).as_str()) {
        return Some(t..t + 1);
    }
    description_ending_at(doc, t, sentence.start)
}

/// The speaker right after cue tokens `cue` within `sentence` ("said Trump", "said the
/// aide", "according [to] the police").
pub fn speaker_after(doc: &Document, cue: &Range<usize>, sentence: &Range<usize>) -> Option<Range<usize>> {
    let mut t = cue.end;
    if t + 1 < sentence.end && lower(doc, t - 1) == "according" && lower(doc, t) == "to" {
        t += 1;
    }
    if t >= sentence.end {
        return None;
    }
    if let Some(range) = speaker_entity(doc, t) {
        return Some(with_titled_name(doc, range, sentence.end));
    }
    let w = lower(doc, t);
    if PRONOUNS.contains(&w.as_str()) && w != "it" {
        return Some(t..t + 1);
    }
    if DETERMINERS.contains(&w.as_str()) {
        for end in t + 1..sentence.end.min(t + 5) {
            if let Some(range) = speaker_entity(doc, end) {
                return Some(t..range.end);
            }
            if doc.tokens[end].kind != TokenKind::Word {
                return (end > t + 1).then_some(t..end);
            }
        }
    }
    None
}

/// An organisation followed by a title and a person ("NYPD Commissioner James O'Neill")
/// extends to the person's name.
pub fn with_titled_name(doc: &Document, range: Range<usize>, end: usize) -> Range<usize> {
    for t in range.end..end.min(range.end + 3) {
        if let Some(person) = speaker_entity(doc, t) {
            let e = doc.entity_at_token(t).map(|e| doc.entities[e].label);
            return if e == Some(EntityLabel::Per) {
                range.start..person.end
            } else {
                range
            };
        }
        let capitalised = doc.token_text(t).chars().next().is_some_and(char::is_uppercase);
        if doc.tokens[t].kind != TokenKind::Word || !capitalised {
            break;
        }
    }
    range
}

/// A name after a dash that follows the quote ending at token `end` ("” ― Esther Tapia").
pub fn dash_signature(doc: &Document, end: usize) -> Option<Range<usize>> {
    let mut t = end;
    let limit = (end + 3).min(doc.tokens.len());
    while t < limit {
        let w = doc.token_text(t);
        if matches!(w, "―" | "—" | "–" | "-") {
            return speaker_entity(doc, t + 1).or_else(|| {
                // An untagged name: capitalised words up to the line end.
                let mut e = t + 1;
                while e < doc.tokens.len()
                    && e < t + 5
                    && doc.token_text(e).chars().next().is_some_and(char::is_uppercase)
                    && !doc.text[doc.tokens[t].span.end..doc.tokens[e].span.start].contains('\n')
                {
                    e += 1;
                }
                (e > t + 1).then_some(t + 1..e)
            });
        }
        if doc.tokens[t].kind != TokenKind::Punct {
            return None;
        }
        t += 1;
    }
    None
}
