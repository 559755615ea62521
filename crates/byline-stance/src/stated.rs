//! Whether a word-order stance is stated: the rules that decide [`crate::Basis::Stated`]
//! for an explicit stance verb read by word order (holder written before it, target
//! after it, nothing that hedges it), and the word lists they read.

use crate::lexicon::is_explicit_verb;
use crate::predicates::{DETERMINERS, NP_STOP};
use byline_core::{Document, EntityLabel, Span, TokenKind};
/// Whether the passive subject `subject` is written right before the verb at `p` ("Smith
/// was praised by", "Smith has been accused by") or before ", who" ("Bush, who was
/// ridiculed by"), not through a possessive or a relative further back ("a friend of
/// Kavanaugh's who has been accused by").
pub(crate) fn passive_subject_written(doc: &Document, subject: Span, p: usize) -> bool {
    let mut end = doc.tokens_overlapping(subject).end;
    // "Jeb Bush, who was ridiculed by Trump": the relative right after the name.
    if end + 2 <= p && doc.token_text(end) == "," && doc.token_text(end + 1) == "who" {
        end += 2;
    }
    end <= p
        && p - end <= 3
        && (end..p).all(|t| {
            doc.tokens[t].kind == TokenKind::Word
                && !matches!(doc.token_text(t), "who" | "which" | "that" | "'s" | "’s")
        })
}

/// Words before a predicate that make what it says conditional or a question ("if
/// Heller supports the bill", "whether he backs her").
const CONDITIONALS: &[&str] = &["if", "whether", "unless", "would", "could", "might", "should"];

/// Pronouns a word-order target may be; the default layer never reports them (who "him"
/// is, word order does not say).
pub(crate) const PRONOUNS: &[&str] = &[
    "him", "her", "them", "it", "he", "she", "they", "us", "me", "you", "this", "that", "those", "these", "what",
    "which", "who", "whom", "any",
];

/// Whether `sentence` reads as scraped link, caption or player text: a word in capitals
/// that is no name ("… Trump MORE", "WATCH"), or a gallery caption.
pub(crate) fn is_link_text(doc: &Document, sentence: &std::ops::Range<usize>) -> bool {
    let link_word = sentence.clone().any(|t| {
        matches!(
            doc.token_text(t),
            "MORE" | "WATCH" | "WATCHED" | "VIDEO" | "RELATED" | "Caption" | "Replay"
        )
    });
    // A sentence in capitals is a headline or a list's title, not prose.
    let words = || sentence.clone().filter(|&t| doc.tokens[t].kind == TokenKind::Word);
    let capitals = words()
        .filter(|&t| {
            let w = doc.token_text(t);
            w.chars().count() > 1 && w.chars().all(|c| !c.is_lowercase())
        })
        .count();
    link_word || (capitals >= 3 && capitals * 2 > words().count())
}

/// Verbs that report what somebody else says or finds: a stance after them in the
/// sentence is their claim, not the text's ("Clinton said that Trump supports …").
const REPORTING: &[&str] = &[
    "said",
    "says",
    "say",
    "claimed",
    "claims",
    "noted",
    "notes",
    "argued",
    "argues",
    "suggested",
    "told",
    "reported",
    "alleged",
    "believes",
    "thinks",
    "think",
    "evidence",
    "whether",
];

/// Forms of "be" that make a participle passive ("was also accused of").
const BE: &[&str] = &["am", "is", "was", "were", "are", "be", "been", "being"];

/// Nouns of time, never a stance's target ("welcomed summer").
const TIME_NOUNS: &[&str] = &[
    "summer",
    "winter",
    "spring",
    "autumn",
    "fall",
    "week",
    "weekend",
    "year",
    "month",
    "day",
    "night",
    "morning",
    "evening",
    "today",
    "tomorrow",
    "yesterday",
    "decade",
    "season",
    "time",
    "campaign",
    "term",
];

/// The cluster the mentions layer links the pronoun at `t` to (the entities extractor's
/// coreference), if any.
pub(crate) fn pronoun_cluster(doc: &Document, t: usize) -> Option<usize> {
    let span = doc.tokens[t].span;
    let i = doc.mentions.partition_point(|m| m.span.start < span.start);
    doc.mentions[i..]
        .iter()
        .take_while(|m| m.span.start == span.start)
        .find(|m| m.kind == byline_core::MentionKind::Pronoun && m.span == span)
        .map(|m| m.cluster)
}

/// Whether the mentions layer links the pronoun at `t` to the person named nearest
/// before it: when coreference and proximity disagree, who "he" is stays open.
fn pronoun_agrees(doc: &Document, t: usize) -> bool {
    pronoun_cluster(doc, t).is_some_and(|c| Some(c) == nearest_person_before(doc, t))
}

/// The cluster of the person named nearest before token `t`, if any.
pub(crate) fn nearest_person_before(doc: &Document, t: usize) -> Option<usize> {
    let pos = doc.tokens[t].span.start;
    let end = doc.entities.partition_point(|e| e.span.end <= pos);
    doc.entities[..end]
        .iter()
        .rev()
        .find(|e| e.label == EntityLabel::Per)
        .map(|e| e.cluster)
}

/// Whether the name ending at token `h` is the subject of what follows rather than a
/// possessor ("Hariri's allies") or the object of a preposition ("Democrats in
/// Congress").
fn heads_subject(doc: &Document, h: usize) -> bool {
    let Some(e) = doc.entity_at_token(h) else {
        return true;
    };
    let tokens = doc.tokens_overlapping(doc.entities[e].span);
    let possessed = tokens.end < doc.tokens.len()
        && (matches!(doc.token_text(tokens.end), "'s" | "’s" | "'" | "’")
            || doc.token_text(tokens.end - 1).ends_with("'s")
            || doc.token_text(tokens.end - 1).ends_with("’s"));
    let object =
        tokens.start > 0 && OBJECT_PREPOSITIONS.contains(&doc.token_text(tokens.start - 1).to_lowercase().as_str());
    !possessed && !object
}

/// Whether the holder ending at token `h` is the subject of the verb at `p`, written
/// before it with nothing between but adverbs and auxiliaries ("Okafor has repeatedly
/// criticised"), after a relative ("the board, which opposes") or after an apposition
/// ("Okafor, the deputy head of the board, criticised"). A conjunction means the name
/// belongs to a clause before ("users backed Rowling and slammed …"), a noun that the
/// name only modifies it ("the Air Force lawyer blamed …").
fn holder_reaches_verb(doc: &Document, h: usize, p: usize) -> bool {
    let lower = |t: usize| doc.token_text(t).to_lowercase();
    let only_adverbs = |from: usize| from <= p && (from..p).all(|t| is_adverb_or_auxiliary(&lower(t)));
    if p - h <= 3 && only_adverbs(h + 1) {
        return true;
    }
    if h + 2 >= p || doc.token_text(h + 1) != "," {
        return false;
    }
    if matches!(doc.token_text(h + 2), "who" | "which") {
        return only_adverbs(h + 3);
    }
    // An apposition: a noun phrase opened by a determiner, closed by a comma, holding
    // no verb of saying, no negation and no quotation.
    let Some(close) = (h + 2..p).find(|&t| doc.token_text(t) == ",") else {
        return false;
    };
    let apposition = h + 2..close;
    (2..=12).contains(&apposition.len())
        && matches!(lower(h + 2).as_str(), "the" | "a" | "an")
        && apposition.clone().all(|t| {
            let w = doc.token_text(t);
            (doc.tokens[t].kind == TokenKind::Word || matches!(w, "-" | "'s" | "’s" | "."))
                && !REPORTING.contains(&lower(t).as_str())
                && !crate::lexicon::is_negator(&lower(t))
                && crate::predicates::predicate_polarity(w).is_none()
        })
        && only_adverbs(close + 1)
}

/// Whether `word` (lower case) is an adverb or auxiliary that may stand between a subject
/// and its verb ("Trump has repeatedly accused").
fn is_adverb_or_auxiliary(word: &str) -> bool {
    matches!(
        word,
        "has"
            | "have"
            | "had"
            | "also"
            | "then"
            | "again"
            | "later"
            | "once"
            | "already"
            | "still"
            | "even"
            | "now"
            | "soon"
            | "often"
            | "long"
            | "too"
            | "all"
            | "both"
            | "since"
            | "first"
    ) || (word.len() > 4 && word.ends_with("ly"))
}

/// Determiners that make a noun phrase somebody's own thing ("defended his decision").
const POSSESSIVE_DETERMINERS: &[&str] = &["his", "her", "its", "their", "my", "our", "your"];

/// Words that open a phrase pointing at things named before ("both arguments", "that
/// linkage", "similar programs").
const QUANTIFIERS: &[&str] = &[
    "both", "all", "each", "either", "neither", "this", "that", "these", "those", "such", "similar", "same", "two",
    "three", "four", "five",
];

/// Shell nouns: alone, they stand for content given elsewhere ("opposed the idea",
/// "thanked the group").
const SHELL_NOUNS: &[&str] = &[
    "idea",
    "ideas",
    "notion",
    "proposal",
    "proposals",
    "plan",
    "plans",
    "move",
    "moves",
    "decision",
    "decisions",
    "measure",
    "measures",
    "effort",
    "efforts",
    "approach",
    "suggestion",
    "claim",
    "claims",
    "argument",
    "arguments",
    "step",
    "steps",
    "request",
    "policy",
    "policies",
    "group",
    "groups",
    "statement",
    "statements",
    "remarks",
    "comments",
    "comment",
    "view",
    "views",
    "position",
    "stance",
    "action",
    "actions",
    "change",
    "changes",
    "deal",
    "agreement",
    "bill",
    "law",
    "report",
    "findings",
    "strategy",
    "thing",
    "things",
    "criticism",
    "criticisms",
    "accusation",
    "accusations",
    "allegation",
    "allegations",
    "charge",
    "charges",
    "suggestion",
];

/// Prepositions whose object is not the subject of the verb after it.
const OBJECT_PREPOSITIONS: &[&str] = &[
    "in", "of", "at", "from", "for", "with", "by", "on", "to", "among", "about", "against", "under", "within",
];

/// Whether the word-order stance of the explicit verb at `p` is stated: its holder a name
/// written right before it (at most two words between, no punctuation) — or "I"/"we" in
/// a quote —; its target right after it, a whole name (not the modifier of a longer
/// phrase: "U.S. action", "May's plan") or a noun phrase, no pronoun and no time; nothing
/// before it that negates, reports or conditions it, and a sentence of prose.
pub(crate) fn is_stated(
    doc: &Document,
    p: usize,
    range: &std::ops::Range<usize>,
    holder_tok: Option<usize>,
    target: Span,
) -> bool {
    let lower = |t: usize| doc.token_text(t).to_lowercase();
    let words_between = |from: usize| (from + 1..p).all(|t| is_adverb_or_auxiliary(&lower(t)));
    let holder_written = match holder_tok {
        Some(h) => {
            h < p
                && holder_reaches_verb(doc, h, p)
                && (doc.entity_at_token(h).is_some() || pronoun_agrees(doc, h))
                && heads_subject(doc, h)
        }
        None => (p.saturating_sub(3).max(range.start)..p)
            .any(|t| matches!(doc.token_text(t), "I" | "we" | "We") && words_between(t)),
    };
    let tokens = doc.tokens_overlapping(target);
    let first = lower(tokens.start);
    let last = lower(tokens.end - 1);
    // Explicit stance verbs take their target as direct object: after "sued to" or
    // "sued for" comes a purpose, not whom it is against.
    let object_follows = p + 1 < doc.tokens.len() && !matches!(doc.token_text(p + 1), "to" | "for" | "of");
    let target_next = object_follows && tokens.start > p && tokens.start <= p + 3;
    let after = (tokens.end < range.end).then(|| doc.token_text(tokens.end));
    let possessive =
        after.is_some_and(|w| matches!(w, "'s" | "’s" | "'" | "’")) || last.ends_with("'s") || last.ends_with("’s");
    // "U.S. action", "Democratic-led inquiry": the name modifies what follows.
    let modifier = after.is_some_and(|w| {
        (doc.tokens[tokens.end].kind == TokenKind::Word && !NP_STOP.contains(&w.to_lowercase().as_str()))
            || (w == "-" && doc.tokens[tokens.end].span.start == doc.tokens[tokens.end - 1].span.end)
    }) || doc.tokens[tokens.end - 1].span.end > target.end;
    let is_name = doc.entity_at_token(tokens.start).is_some();
    let phrase =
        is_name || tokens.len() >= 2 || (tokens.start > 0 && DETERMINERS.contains(&lower(tokens.start - 1).as_str()));
    // A phrase that stands for something said before ("his decision", "both
    // arguments", "all three men") names no target a reader can see.
    let before_target = (tokens.start > p + 1).then(|| lower(tokens.start - 1));
    let anaphoric = !is_name
        && (before_target
            .as_deref()
            .is_some_and(|w| POSSESSIVE_DETERMINERS.contains(&w))
            || QUANTIFIERS.contains(&first.as_str())
            || before_target.as_deref().is_some_and(|w| QUANTIFIERS.contains(&w))
            || (tokens.len() == 1 && SHELL_NOUNS.contains(&first.as_str())));
    // A phrase cut short: inside a hyphenated word ("the then-senator"), before its
    // "of" ("the sale of …"), or ending in a function word ("wars fought under the").
    let glued = |t: usize| t < doc.tokens.len() && doc.tokens[t].span.start == doc.tokens[t - 1].span.end;
    let cut = (after == Some("-") && glued(tokens.end))
        || (!is_name && after == Some("of"))
        || DETERMINERS.contains(&last.as_str())
        || OBJECT_PREPOSITIONS.contains(&last.as_str());
    // "ideas he supported during the campaign": the object came before the verb.
    let no_object = OBJECT_PREPOSITIONS.contains(&first.as_str())
        || matches!(
            first.as_str(),
            "during" | "over" | "since" | "until" | "through" | "into"
        )
        || BE.contains(&first.as_str());
    let target_ok = target_next
        && !anaphoric
        && !cut
        && !no_object
        && phrase
        && !possessive
        && !(is_name && modifier)
        && !PRONOUNS.contains(&first.as_str())
        && !matches!(first.as_str(), "off" | "away" | "down" | "up" | "out" | "back")
        && !TIME_NOUNS.contains(&last.as_str());
    let before = range.start..p;
    let hedged = before.clone().any(|t| {
        let w = lower(t);
        CONDITIONALS.contains(&w.as_str()) || REPORTING.contains(&w.as_str()) || crate::lexicon::is_negator(&w)
    });
    let passive = (p.saturating_sub(2).max(range.start)..p).any(|t| BE.contains(&lower(t).as_str()));
    is_explicit_verb(doc.token_text(p))
        && holder_written
        && target_ok
        && !hedged
        && !passive
        && !is_link_text(doc, range)
}
