//! Indirect quotes: reporting clauses without quotation marks — "X said (that) …",
//! "…, X said.", "according to X, …" — inside one sentence, outside direct quotes.

use crate::attribution::{SpeakerMention, speaker_after, subject_before};
use crate::cues::is_cue;
use byline_core::{Document, Span, TokenKind};

/// An indirect quote before speaker resolution.
#[derive(Clone, Debug, PartialEq)]
pub struct IndirectQuote {
    /// The reported content.
    pub content: Span,
    /// Cue token index.
    pub cue_start: usize,
    /// Cue token index of the last cue word ("according to" has two).
    pub cue_end: usize,
    /// The speaker mention.
    pub speaker: Option<SpeakerMention>,
}

const CLAUSE_STARTS: &[&str] = &[
    "the", "a", "an", "he", "she", "it", "they", "we", "i", "there", "this", "these", "those", "his", "her", "their",
    "its", "our", "no", "some", "many", "most", "all",
];

fn word(doc: &Document, t: usize) -> &str {
    doc.token_text(t)
}

/// Trims white space and a final period from `span`.
fn content_span(doc: &Document, start: usize, end: usize) -> Option<Span> {
    let s = &doc.text[start..end];
    let trimmed = s.trim_end();
    let trimmed = trimmed.strip_suffix('.').unwrap_or(trimmed).trim_end();
    let lead = trimmed.len() - trimmed.trim_start().len();
    let trimmed = trimmed.trim_start();
    (trimmed.split_whitespace().count() >= 3).then(|| Span::new(start + lead, start + lead + trimmed.len()))
}

/// Finds indirect quotes in sentence `s`, skipping tokens inside `blocked` spans
/// (the direct quotes, ordered and non-overlapping).
pub fn find_in_sentence(doc: &Document, s: usize, blocked: &[Span]) -> Vec<IndirectQuote> {
    let sentence = &doc.sentences[s];
    let range = sentence.tokens.clone();
    let inside = |t: usize| Span::find_containing(blocked, doc.tokens[t].span).is_some();
    let mut out = Vec::new();
    for c in range.clone() {
        if inside(c) {
            continue;
        }
        let w = word(doc, c);
        if (w == "according" || w == "According") && c + 1 < range.end && word(doc, c + 1) == "to" {
            if let Some(q) = according_to(doc, s, c, &inside) {
                out.push(q);
            }
            continue;
        }
        if !is_cue(w) {
            continue;
        }
        let Some(speaker) = subject_before(doc, c, range.start) else {
            continue;
        };
        // "X said (on Friday) that …"
        let mut content_from = None;
        for t in c + 1..range.end.min(c + 9) {
            let tw = word(doc, t);
            if tw == "that" {
                content_from = Some(t + 1);
                break;
            }
            if doc.tokens[t].kind == TokenKind::Punct {
                break;
            }
        }
        // "X said the talks …"
        if content_from.is_none() && c + 1 < range.end {
            let next = word(doc, c + 1);
            if CLAUSE_STARTS.contains(&next.to_lowercase().as_str())
                && matches!(
                    w,
                    "said" | "says" | "added" | "argued" | "noted" | "believes" | "thinks" | "claimed" | "insisted"
                )
            {
                content_from = Some(c + 1);
            }
        }
        if let Some(from) = content_from.filter(|&f| f < range.end) {
            if let Some(content) = content_span(doc, doc.tokens[from].span.start, sentence.span.end) {
                out.push(IndirectQuote {
                    content,
                    cue_start: c,
                    cue_end: c,
                    speaker: Some(speaker),
                });
            }
            continue;
        }
        // Inverted: "…, X said." — the cue ends the sentence and a comma precedes the speaker.
        let tail_ok = (c + 1..range.end).all(|t| doc.tokens[t].kind == TokenKind::Punct);
        let speaker_start = match speaker {
            SpeakerMention::Entity(e) => doc.tokens_in(doc.entities[e].span).start,
            SpeakerMention::Pronoun(t) => t,
            SpeakerMention::Nominal(span, _) => doc.tokens_in(span).start,
        };
        if tail_ok && speaker_start > range.start && word(doc, speaker_start - 1) == "," && !inside(range.start) {
            let comma = doc.tokens[speaker_start - 1].span.start;
            if let Some(content) = content_span(doc, sentence.span.start, comma) {
                out.push(IndirectQuote {
                    content,
                    cue_start: c,
                    cue_end: c,
                    speaker: Some(speaker),
                });
            }
        }
    }
    out
}

fn according_to(doc: &Document, s: usize, c: usize, inside: &dyn Fn(usize) -> bool) -> Option<IndirectQuote> {
    let sentence = &doc.sentences[s];
    let range = sentence.tokens.clone();
    let speaker = speaker_after(doc, c + 1, range.end)?;
    let content = if c == range.start {
        // "According to X, content."
        let comma = (c + 2..range.end).find(|&t| word(doc, t) == ",")?;
        content_span(doc, doc.tokens[comma].span.end, sentence.span.end)?
    } else if c > range.start && word(doc, c - 1) == "," && !inside(range.start) {
        // "Content, according to X."
        content_span(doc, sentence.span.start, doc.tokens[c - 1].span.start)?
    } else {
        return None;
    };
    Some(IndirectQuote {
        content,
        cue_start: c,
        cue_end: c + 1,
        speaker: Some(speaker),
    })
}
