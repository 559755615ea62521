//! Noun phrases around a cue, for the cue and source steps: the subject written just
//! before the cue ("Derek Mitchell … said", "the judge also said"), the name right after
//! it ("said Trump", "said the spokesman"), a name after a dash closing a direct quote
//! ("“…” ― Esther Tapia"), the name an apposition chain describes, and what a bare
//! pronoun, relative word or determiner stands for ([`Referent`]).

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

/// Most comma-separated segments an apposition chain may have before the name it
/// describes ("Ruth Okonjo, a rowing club treasurer in Dunedin, north of Invercargill,").
const MAX_APPOSITIONS: usize = 3;

/// Most tokens of one segment of an apposition chain.
const MAX_APPOSITION_TOKENS: usize = 15;

/// The name an apposition chain describes, when `source` is a piece of the chain that
/// starts with a lower-case word after a comma ("south of Invercargill," → "Ruth
/// Okonjo"; "her dissent," → "Judge Jane Stranch"): walking back over at most
/// [`MAX_APPOSITIONS`] comma-separated segments to one that opens with a person or
/// organisation. Any other source is returned as it is.
pub(crate) fn head_of_apposition(doc: &Document, source: Range<usize>, sentence: &Range<usize>) -> Range<usize> {
    let first = lower(doc, source.start);
    let opens_lower = doc.tokens[source.start].kind == TokenKind::Word
        && doc
            .token_text(source.start)
            .chars()
            .next()
            .is_some_and(char::is_lowercase);
    // Pronouns and relative words stand for somebody already ("…, who said"): the
    // resolver names them.
    let refers = crate::features::PRONOUNS.contains(&first.as_str())
        || matches!(first.as_str(), "who" | "which" | "that" | "whom");
    let names_a_person = source.clone().any(|t| {
        doc.entity_at_token(t)
            .is_some_and(|e| doc.entities[e].label == EntityLabel::Per)
    });
    if !opens_lower || refers || names_a_person {
        return source;
    }
    let mut start = source.start;
    for _ in 0..MAX_APPOSITIONS {
        if start <= sentence.start + 1 || doc.token_text(start - 1) != "," {
            break;
        }
        let comma = start - 1;
        let floor = sentence.start.max(comma.saturating_sub(MAX_APPOSITION_TOKENS));
        let segment_start = (floor..comma)
            .rev()
            .find(|&t| matches!(doc.token_text(t), "," | "“" | "”" | "\"" | ":" | ";"))
            .map_or(floor, |t| t + 1);
        if segment_start >= comma {
            break;
        }
        if let Some(name) = speaker_entity(doc, segment_start).filter(|n| n.start == segment_start) {
            return name;
        }
        start = segment_start;
    }
    source
}

fn lower(doc: &Document, t: usize) -> String {
    doc.token_text(t).to_lowercase()
}

/// A description ending at token `end`: back to its determiner within four tokens (a
/// possessive's apostrophe counts as part of it: "the nurses' union").
fn description_ending_at(doc: &Document, end: usize, min: usize) -> Option<Range<usize>> {
    if doc.tokens[end].kind != TokenKind::Word || !doc.token_text(end).chars().all(char::is_lowercase) {
        return None;
    }
    let mut start = end;
    while start > min && end - start < 4 {
        start -= 1;
        let apostrophe = matches!(doc.token_text(start), "'" | "’");
        if doc.tokens[start].kind != TokenKind::Word && !apostrophe {
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
            // A person or organisation ends the description, or modifies its head noun
            // ("a Kremlin spokesman"); any other name counts only as a modifier ("a
            // senior U.S. official").
            let person_or_org = speaker_entity(doc, end);
            if let Some(range) = person_or_org.clone().or_else(|| modifier_name(doc, end)) {
                let head = head_noun_after(doc, range.end, sentence.end);
                match (head, person_or_org) {
                    (Some(head), _) => return Some(t..head + 1),
                    (None, Some(range)) => return Some(t..range.end),
                    (None, None) => {}
                }
            }
            if doc.tokens[end].kind != TokenKind::Word {
                return (end > t + 1).then_some(t..end);
            }
        }
    }
    None
}

/// The lower-case noun right after a name ending at token `end` (its dot skipped: "U.S.
/// official"), if the next word can be one: not a function or relative word.
fn head_noun_after(doc: &Document, end: usize, limit: usize) -> Option<usize> {
    let head = end + usize::from(end < limit && doc.token_text(end) == ".");
    if head >= limit {
        return None;
    }
    let word = lower(doc, head);
    let noun = doc.tokens[head].kind == TokenKind::Word
        && doc.token_text(head).chars().all(char::is_lowercase)
        && !BETWEEN.contains(&word.as_str())
        && !PHRASE_BREAKS.contains(&word.as_str())
        && !["that", "who", "which", "whom", "whose", "if", "when", "while"].contains(&word.as_str());
    noun.then_some(head)
}

/// A place or other name at token `t` (as a modifier: "a U.S. official").
fn modifier_name(doc: &Document, t: usize) -> Option<Range<usize>> {
    let e = doc.entity_at_token(t)?;
    let range = doc.tokens_overlapping(doc.entities[e].span);
    (!range.is_empty()).then_some(range)
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

/// What a one-word source is when it cannot name a speaker by itself.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum BareWord {
    /// "I", "we", "me", "us", "my", "our": the speaker of the quote it stands in, if any.
    FirstPerson,
    /// "you": whoever is addressed, never the speaker.
    SecondPerson,
    /// "who", "which", "that", "whom", "whose": the noun phrase it refers back to.
    Relative,
    /// "a", "the", "this", "any" … alone: the description it opens, if the text has one.
    Determiner,
    /// "some", "one", "those" …: the description they open, else themselves (an
    /// anonymous source, "some said").
    Indefinite,
}

/// What a quote's source stands for.
pub(crate) enum Referent {
    /// Written at `written` (a name, "who", "his"), referring to the noun phrase at
    /// `referent` (the same, or the relative word's antecedent).
    Named {
        /// Where the source is written.
        written: Range<usize>,
        /// What it refers to.
        referent: Range<usize>,
    },
    /// "I"/"we": the speaker of the quote it stands in, if any.
    FirstPerson(Range<usize>),
    /// A source that names nobody the article names ("you", a lone "a").
    Nobody,
}

/// Reads the source at tokens `source` of a quote whose cue starts at token `cue_start`:
/// a relative word refers to its antecedent, a lone determiner opens a description
/// (which stops before the cue), "you" names nobody.
pub(crate) fn referent(
    doc: &Document,
    source: Range<usize>,
    cue_start: Option<usize>,
    sentence: &Range<usize>,
) -> Referent {
    let named = |r: Range<usize>| Referent::Named {
        written: r.clone(),
        referent: r,
    };
    match bare_word(doc, &source) {
        None => named(source),
        Some(BareWord::Relative) => match antecedent(doc, source.start, sentence) {
            Some(referent) => Referent::Named {
                written: source,
                referent,
            },
            None => Referent::Nobody,
        },
        Some(word @ (BareWord::Determiner | BareWord::Indefinite)) => {
            let until = cue_start
                .filter(|&c| c > source.start)
                .unwrap_or(usize::MAX)
                .min(sentence.end);
            match description_from(doc, source.start, until) {
                Some(d) => named(d),
                None if word == BareWord::Indefinite => named(source),
                None => Referent::Nobody,
            }
        }
        Some(BareWord::FirstPerson) => Referent::FirstPerson(source),
        Some(BareWord::SecondPerson) => Referent::Nobody,
    }
}

/// The kind of a one-token source that is not a speaker's name by itself.
fn bare_word(doc: &Document, source: &Range<usize>) -> Option<BareWord> {
    if source.len() != 1 {
        return None;
    }
    Some(match lower(doc, source.start).as_str() {
        "i" | "we" | "me" | "us" | "my" | "our" => BareWord::FirstPerson,
        "you" => BareWord::SecondPerson,
        "who" | "which" | "that" | "whom" | "whose" => BareWord::Relative,
        "a" | "an" | "the" | "this" | "these" | "any" | "each" | "every" => BareWord::Determiner,
        "some" | "one" | "those" | "many" | "others" | "several" | "another" | "both" => BareWord::Indefinite,
        _ => return None,
    })
}

/// The noun phrase a relative word at token `t` refers back to: the person or
/// organisation named right before it ("Smith, who said …"), the description ending
/// there ("said the woman, who …"), or a bare noun phrase ("party leaders who …", "64
/// percent who …").
fn antecedent(doc: &Document, t: usize, sentence: &Range<usize>) -> Option<Range<usize>> {
    let mut end = t.checked_sub(1)?;
    if end > sentence.start && doc.token_text(end) == "," {
        end -= 1;
    }
    if end < sentence.start {
        return None;
    }
    speaker_entity(doc, end)
        .or_else(|| description_ending_at(doc, end, sentence.start))
        .or_else(|| bare_noun_phrase(doc, end, sentence.start))
}

/// Words that end a bare noun phrase read backwards.
const PHRASE_BREAKS: &[&str] = &[
    "of", "and", "or", "but", "to", "in", "on", "at", "for", "with", "by", "from", "among", "than", "as", "is", "are",
    "was", "were", "be", "been", "said", "says", "say",
];

/// Up to three words or numbers ending at token `end`, lower-case words last, not
/// crossing punctuation or a function word ("anti-Trump activists", "64 percent").
fn bare_noun_phrase(doc: &Document, end: usize, min: usize) -> Option<Range<usize>> {
    let last = doc.token_text(end);
    if doc.tokens[end].kind != TokenKind::Word || !last.chars().all(char::is_lowercase) || PHRASE_BREAKS.contains(&last)
    {
        return None;
    }
    let mut start = end;
    while start > min && end - start < 2 {
        let before = start - 1;
        let kind = doc.tokens[before].kind;
        if !matches!(kind, TokenKind::Word | TokenKind::Number) || PHRASE_BREAKS.contains(&lower(doc, before).as_str())
        {
            break;
        }
        start = before;
        if DETERMINERS.contains(&lower(doc, start).as_str()) {
            break;
        }
    }
    Some(start..end + 1)
}

/// The description opened by the determiner at token `t` ("a senior U.S. official",
/// "his spokesman"): the words after it up to the first one that is not part of a noun
/// phrase, at most five and before token `until` (the cue), ending at a name when there
/// is one.
fn description_from(doc: &Document, t: usize, until: usize) -> Option<Range<usize>> {
    let limit = until.min(t + 6);
    let mut end = t + 1;
    while end < limit {
        if let Some(range) = speaker_entity(doc, end) {
            return Some(t..range.end);
        }
        // The dot of an abbreviation inside the phrase ("a U.S. official") is part of it.
        let abbreviation_dot = doc.token_text(end) == "."
            && doc.tokens[end - 1].span.end == doc.tokens[end].span.start
            && end + 1 < limit
            && doc.tokens[end + 1].kind == TokenKind::Word;
        let word = doc.tokens[end].kind == TokenKind::Word && !BETWEEN.contains(&lower(doc, end).as_str());
        if !(word || abbreviation_dot) {
            break;
        }
        end += 1;
    }
    (end > t + 1).then_some(t..end)
}
