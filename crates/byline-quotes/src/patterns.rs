//! High-precision backstops for sentences the labeller left untagged — a named or
//! pronoun subject, a speech verb and "that" ("Marco Rubio conveyed that …"), "according
//! to X", and inverted "…, X said." — and for content it found without a cue. Speech
//! verbs that are rare in PolNeAR are still unambiguous reporting verbs.

use crate::assemble::Attribution;
use crate::phrases::subject_before;
use byline_core::{Document, TokenKind};
use std::ops::Range;

/// Verbs of saying (past and present forms) that report speech when followed by "that".
pub const SPEECH_VERBS: &[&str] = &[
    "said",
    "says",
    "stated",
    "states",
    "added",
    "adds",
    "conveyed",
    "conveys",
    "clarified",
    "clarifies",
    "responded",
    "responds",
    "replied",
    "replies",
    "remarked",
    "remarks",
    "noted",
    "notes",
    "explained",
    "explains",
    "elaborated",
    "informed",
    "told",
    "tells",
    "declared",
    "declares",
    "announced",
    "announces",
    "asserted",
    "asserts",
    "claimed",
    "claims",
    "insisted",
    "insists",
    "argued",
    "argues",
    "maintained",
    "maintains",
    "stressed",
    "stresses",
    "emphasized",
    "emphasised",
    "reiterated",
    "reiterates",
    "acknowledged",
    "acknowledges",
    "admitted",
    "admits",
    "confirmed",
    "confirms",
    "warned",
    "warns",
    "indicated",
    "indicates",
    "suggested",
    "suggests",
    "wrote",
    "writes",
    "tweeted",
    "posted",
    "testified",
    "disclosed",
    "revealed",
    "mentioned",
    "observed",
    "contended",
    "countered",
    "conceded",
    "recalled",
];

/// Whether `word` is one of the [`SPEECH_VERBS`], in any case (no allocation).
pub fn is_speech_verb(word: &str) -> bool {
    static SORTED: std::sync::LazyLock<Vec<&str>> = std::sync::LazyLock::new(|| {
        let mut v = SPEECH_VERBS.to_vec();
        v.sort_unstable();
        v
    });
    let lower_cmp = |v: &&str| {
        let w = word.bytes().map(|b| b.to_ascii_lowercase());
        v.bytes().cmp(w)
    };
    (3..=12).contains(&word.len()) && SORTED.binary_search_by(lower_cmp).is_ok()
        || crate::act::is_communication_verb_form(word)
}

/// An attribution for content the labeller found without a cue, when a subject and a
/// reporting verb stand right before it ("Marco Rubio conveyed [that …]").
pub fn cue_before_content(
    doc: &Document,
    content: &Range<usize>,
    sentence: &Range<usize>,
    is_cue_word: impl Fn(usize) -> bool,
) -> Option<Attribution> {
    let mut cue = content.start.checked_sub(1)?;
    if doc.token_text(cue).eq_ignore_ascii_case("that") && cue > sentence.start {
        cue -= 1;
    }
    if cue < sentence.start || !is_cue_word(cue) {
        return None;
    }
    let source = subject_before(doc, &(cue..cue + 1), sentence)?;
    Some(Attribution {
        cue: std::iter::once(cue..cue + 1).collect(),
        source: Some(source),
        content: vec![content.clone()],
    })
}

/// An attribution for a quotation introduced by a colon ending the sentence before it
/// ("Sanders made the following comment:" / "“For young people …”"): the cue is the
/// strongest cue word with a subject before it (`cue_class`: 1 strongest, 0 none),
/// else the strongest cue word and the sentence's first person, organisation or pronoun
/// before it.
pub fn colon_intro(doc: &Document, content: &Range<usize>, cue_class: impl Fn(usize) -> u8) -> Option<Attribution> {
    let mut colon = content.start.checked_sub(1)?;
    while doc.tokens[colon].kind == TokenKind::Punct && doc.token_text(colon) != ":" {
        colon = colon.checked_sub(1)?;
    }
    if doc.token_text(colon) != ":" {
        return None;
    }
    let sentence = doc.sentences.get(crate::sentence_of(doc, colon))?.tokens.clone();
    let mut cues: Vec<usize> = (sentence.start..colon).filter(|&t| cue_class(t) > 0).collect();
    cues.sort_by_key(|&t| cue_class(t));
    let with_subject = cues
        .iter()
        .find_map(|&cue| subject_before(doc, &(cue..cue + 1), &sentence).map(|source| (cue, source)));
    let (cue, source) = match with_subject {
        Some(found) => found,
        None => {
            let cue = *cues.first()?;
            let source = (sentence.start..cue).find_map(|t| {
                crate::phrases::speaker_entity(doc, t).or_else(|| {
                    crate::features::PRONOUNS
                        .contains(&doc.token_text(t).to_lowercase().as_str())
                        .then_some(t..t + 1)
                })
            })?;
            (cue, source)
        }
    };
    Some(Attribution {
        cue: std::iter::once(cue..cue + 1).collect(),
        source: Some(source),
        content: vec![content.clone()],
    })
}

/// The attribution of a "subject verb that content" sentence, if it is one.
pub fn said_that(doc: &Document, sentence: Range<usize>) -> Option<Attribution> {
    for cue in sentence.clone() {
        if !is_speech_verb(doc.token_text(cue)) {
            continue;
        }
        // "told reporters that": up to three words before "that".
        let Some(that) = (cue + 1..sentence.end.min(cue + 5)).find(|&t| doc.token_text(t).eq_ignore_ascii_case("that"))
        else {
            continue;
        };
        let source = subject_before(doc, &(cue..cue + 1), &sentence)?;
        let content_end = (that + 1..sentence.end)
            .rev()
            .find(|&t| !matches!(doc.token_text(t), "." | "!" | "?"))?;
        if content_end < that + 3 {
            return None;
        }
        return Some(Attribution {
            cue: std::iter::once(cue..cue + 1).collect(),
            source: Some(source),
            content: std::iter::once(that..content_end + 1).collect(),
        });
    }
    None
}

/// Most tokens an "according to" source may have.
const MAX_SOURCE: usize = 12;

/// "According to X, content." and "Content, according to X."
pub fn according_to(doc: &Document, sentence: Range<usize>) -> Option<Attribution> {
    let at = sentence.clone().find(|&t| {
        doc.token_text(t).eq_ignore_ascii_case("according")
            && t + 1 < sentence.end
            && doc.token_text(t + 1).eq_ignore_ascii_case("to")
    })?;
    let cue = at..at + 2;
    // The source is the whole phrase after "to" ("police", "a report by the port
    // authority"), up to the comma that opens the content or the sentence's end.
    let (source, content) = if at == sentence.start {
        let comma = (cue.end..sentence.end.min(cue.end + MAX_SOURCE)).find(|&t| doc.token_text(t) == ",")?;
        (cue.end..comma, comma + 1..last_word(doc, &sentence)? + 1)
    } else if doc.token_text(at - 1) == "," && at - 1 > sentence.start + 2 {
        let end = last_word(doc, &sentence)? + 1;
        let source = if end > cue.end && end - cue.end <= MAX_SOURCE {
            cue.end..end
        } else {
            crate::phrases::speaker_after(doc, &cue, &sentence)?
        };
        (source, sentence.start..at - 1)
    } else {
        return None;
    };
    if source.is_empty() {
        return None;
    }
    (content.len() >= 3).then(|| Attribution {
        cue: vec![cue],
        source: Some(source),
        content: vec![content],
    })
}

/// "Content, X said." and "Content, said X." ending the sentence.
pub fn inverted(doc: &Document, sentence: Range<usize>) -> Option<Attribution> {
    let last = last_word(doc, &sentence)?;
    let is_speech = |t: usize| is_speech_verb(doc.token_text(t));
    let (cue, source) = if is_speech(last) {
        let cue = last..last + 1;
        (cue.clone(), subject_before(doc, &cue, &sentence)?)
    } else {
        let verb = (sentence.start..last).rev().take(6).find(|&t| is_speech(t))?;
        let cue = verb..verb + 1;
        let source = crate::phrases::speaker_after(doc, &cue, &sentence)?;
        if source.end != last + 1 {
            return None;
        }
        (cue, source)
    };
    let start = source.start.min(cue.start);
    if start < sentence.start + 4 || doc.token_text(start - 1) != "," {
        return None;
    }
    Some(Attribution {
        cue: vec![cue],
        source: Some(source),
        content: std::iter::once(sentence.start..start - 1).collect(),
    })
}

/// The last token of a sentence that is not final punctuation.
fn last_word(doc: &Document, sentence: &Range<usize>) -> Option<usize> {
    sentence
        .clone()
        .rev()
        .find(|&t| !matches!(doc.token_text(t), "." | "!" | "?" | "”" | "\""))
}

/// The first backstop pattern that matches an untagged sentence.
pub fn backstop(doc: &Document, sentence: Range<usize>) -> Option<Attribution> {
    said_that(doc, sentence.clone())
        .or_else(|| according_to(doc, sentence.clone()))
        .or_else(|| inverted(doc, sentence))
}
