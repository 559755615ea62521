//! Finding the cue and the speaker mention around a quote or inside a reporting clause.
//! Works on tokens and the entity layer; resolution of pronouns and nominals to
//! clusters happens later, in text order (see `resolve`).

use crate::cues::{ADVERBS, PRONOUNS, is_cue};
use byline_core::{Document, EntityLabel, Span, TokenKind};

/// Who a quote is attributed to, as written.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum SpeakerMention {
    /// An entity mention (index into `doc.entities`).
    Entity(usize),
    /// A personal pronoun (token index).
    Pronoun(usize),
    /// A description such as "a spokesman" (its span and its head token).
    Nominal(Span, usize),
}

/// A cue token and, if found, its speaker mention.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Attribution {
    /// Token index of the cue.
    pub cue: usize,
    /// The speaker, if written.
    pub speaker: Option<SpeakerMention>,
}

/// Head nouns of descriptions that can speak ("the spokesperson", "officials").
pub const NOMINAL_HEADS: &[&str] = &[
    "spokesman",
    "spokeswoman",
    "spokesperson",
    "official",
    "officials",
    "minister",
    "ministry",
    "president",
    "statement",
    "report",
    "police",
    "authorities",
    "analysts",
    "experts",
    "source",
    "sources",
    "lawyer",
    "attorney",
    "aide",
    "aides",
    "spokesmen",
    "spokespeople",
    "leader",
    "leaders",
    "secretary",
    "director",
    "chief",
    "governor",
    "senator",
    "mayor",
    "prosecutors",
    "investigators",
    "researchers",
    "company",
    "government",
    "administration",
    "campaign",
    "agency",
    "department",
    "witnesses",
    "residents",
    "critics",
    "supporters",
    "officer",
    "officers",
    "executive",
    "economist",
    "ambassador",
    "envoy",
    "adviser",
    "advisers",
];

fn word(doc: &Document, t: usize) -> &str {
    doc.token_text(t)
}

/// The speaker mention that ends at token `end` (inclusive), looking no further back
/// than token `min`.
fn mention_ending_at(doc: &Document, end: usize, min: usize) -> Option<SpeakerMention> {
    if let Some(e) = doc.entity_at_token(end) {
        if doc.entities[e].label != EntityLabel::Misc {
            return Some(SpeakerMention::Entity(e));
        }
    }
    let w = word(doc, end);
    if PRONOUNS.contains(&w) {
        return Some(SpeakerMention::Pronoun(end));
    }
    if NOMINAL_HEADS.contains(&w) {
        let mut start = end;
        while start > min && end - start < 5 {
            let prev = start - 1;
            let pw = word(doc, prev);
            if doc.tokens[prev].kind != TokenKind::Word || is_cue(pw) {
                break;
            }
            start = prev;
            if matches!(pw, "the" | "a" | "an" | "The" | "A" | "An") {
                break;
            }
        }
        let span = Span::new(doc.tokens[start].span.start, doc.tokens[end].span.end);
        return Some(SpeakerMention::Nominal(span, end));
    }
    None
}

/// The subject speaker written before cue token `cue` ("Peskov (further) stated").
pub fn subject_before(doc: &Document, cue: usize, min: usize) -> Option<SpeakerMention> {
    let mut t = cue.checked_sub(1)?;
    let mut skipped = 0;
    while t >= min && ADVERBS.contains(&word(doc, t)) && skipped < 3 {
        t = t.checked_sub(1)?;
        skipped += 1;
    }
    if t < min {
        return None;
    }
    mention_ending_at(doc, t, min)
}

/// The speaker written right after cue token `cue` ("said Peskov", "said the spokesman").
pub fn speaker_after(doc: &Document, cue: usize, limit: usize) -> Option<SpeakerMention> {
    let first = cue + 1;
    if first >= limit {
        return None;
    }
    if let Some(e) = doc.entity_at_token(first) {
        if doc.entities[e].label != EntityLabel::Misc {
            return Some(SpeakerMention::Entity(e));
        }
    }
    let w = word(doc, first);
    if PRONOUNS.contains(&w) {
        return Some(SpeakerMention::Pronoun(first));
    }
    if matches!(w, "the" | "a" | "an") {
        for t in first + 1..limit.min(first + 5) {
            if let Some(e) = doc.entity_at_token(t) {
                return Some(SpeakerMention::Entity(e));
            }
            if NOMINAL_HEADS.contains(&word(doc, t)) {
                let span = Span::new(doc.tokens[first].span.start, doc.tokens[t].span.end);
                return Some(SpeakerMention::Nominal(span, t));
            }
            if doc.tokens[t].kind != TokenKind::Word {
                break;
            }
        }
    }
    None
}

fn is_quote_mark(w: &str) -> bool {
    matches!(w, "“" | "”" | "\"" | "„" | "«" | "»" | "``" | "''")
}

/// The attribution written after a quote's closing mark: tokens `from..limit`
/// (`", Peskov stated"`, `", said the spokesman"`).
pub fn after_quote(doc: &Document, from: usize, limit: usize) -> Option<Attribution> {
    let mut t = from;
    while t < limit && matches!(word(doc, t), "," | "—" | "–" | "-") {
        t += 1;
    }
    if t < limit && is_cue(word(doc, t)) {
        return Some(Attribution {
            cue: t,
            speaker: speaker_after(doc, t, limit),
        });
    }
    let start = t;
    for c in start..limit.min(start + 8) {
        let w = word(doc, c);
        if is_quote_mark(w) || matches!(w, "." | "?" | "!" | ";") {
            break;
        }
        if is_cue(w) {
            let speaker = subject_before(doc, c, start);
            return speaker.map(|s| Attribution {
                cue: c,
                speaker: Some(s),
            });
        }
    }
    None
}

/// The attribution written before a quote's opening mark: tokens `min..to`
/// (`"He further stated, “"`, `"Peskov said: “"`).
pub fn before_quote(doc: &Document, to: usize, min: usize) -> Option<Attribution> {
    let mut t = to;
    let mut steps = 0;
    while t > min && steps < 8 {
        t -= 1;
        steps += 1;
        let w = word(doc, t);
        if is_quote_mark(w) || matches!(w, "." | "?" | "!" | ";") {
            return None;
        }
        if is_cue(w) {
            let speaker = subject_before(doc, t, min).or_else(|| speaker_after(doc, t, to));
            return Some(Attribution { cue: t, speaker });
        }
    }
    None
}
