//! Finding name mentions with the trained tagger, and the roles written next to person
//! names ("US Secretary of State Marco Rubio", "Kremlin spokesperson Dmitry Peskov",
//! "Maria Kovalenko, the president of the dockworkers' union").
//!
//! The tagger sees a CoNLL-like token view of each sentence: UAX #29 words with
//! abbreviation periods re-attached ("U.S.", "Mr."), possessive "'s" and "n't" split
//! off, and hyphenated compounds joined ("pro-Western", "1996-08-22").
//!
//! Steps: tag each sentence (a nationality word left untagged is MISC); where each
//! name starts and ends and whether it is a person ([`crate::name_spans`]); what the whole
//! article says of each name ([`crate::label_votes`]); the roles of persons.

use crate::label_votes::settle_labels;
use crate::lexicon::{DEMONYMS, LOCATIVE_PREPOSITIONS, NOT_NAMES, ROLE_NOUNS, ROLE_PHRASES, SEATS_OF_POWER, TITLES};
use crate::name_spans::names_in;
use crate::tagger::PackedNerModel;
use crate::tagger::features::{DocContext, WordCache, sentence_parts};
use crate::tagger::labels::{allowed, spans};
use byline_core::{Document, EntityLabel, Span, TokenKind};
use std::cell::RefCell;

/// A mention found in the text, before clustering.
#[derive(Clone, Debug, PartialEq)]
pub struct Mention {
    /// Where it is.
    pub span: Span,
    /// Its label.
    pub label: EntityLabel,
    /// Roles written next to it ("US President").
    pub roles: Vec<String>,
}

/// Period-final abbreviations that CoNLL keeps as one token with their period.
const ABBREVIATIONS: &[&str] = &[
    "Mr", "Mrs", "Ms", "Dr", "Prof", "Gen", "Sen", "Rep", "Gov", "Lt", "Col", "Sgt", "Capt", "St", "Jr", "Sr", "Inc",
    "Corp", "Co", "Ltd", "Jan", "Feb", "Mar", "Apr", "Jun", "Jul", "Aug", "Sep", "Sept", "Oct", "Nov", "Dec", "No",
    "vs", "Mt", "Ft", "Bros",
];

/// The tagger's token view of one sentence: spans of `doc.text`.
pub fn tagger_tokens(doc: &Document, sentence: usize) -> Vec<Span> {
    let toks = doc.sentence_tokens(sentence);
    let mut out: Vec<Span> = Vec::with_capacity(toks.len());
    let mut i = 0;
    while i < toks.len() {
        let t = toks[i];
        let mut span = t.span;
        let text = doc.span_text(span);
        let adjacent = |k: usize| k < toks.len() && toks[k].span.start == toks[k - 1].span.end;
        // Hyphenated compounds (word-word, number-number), fractions ("5 1/2") and times
        // ("4:08.22").
        let mut j = i;
        while adjacent(j + 1)
            && adjacent(j + 2)
            && matches!(
                (toks[j].kind, doc.span_text(toks[j + 1].span), toks[j + 2].kind),
                (
                    TokenKind::Word | TokenKind::Number,
                    "-",
                    TokenKind::Word | TokenKind::Number
                ) | (TokenKind::Number, "/" | ":", TokenKind::Number)
            )
        {
            j += 2;
        }
        // Runs of hyphens or periods ("--", "..."), and a list number opening a sentence ("1.").
        if matches!(text, "-" | ".") {
            while adjacent(j + 1) && doc.span_text(toks[j + 1].span) == text {
                j += 1;
            }
        }
        if i == 0 && t.kind == TokenKind::Number && text.len() <= 3 && adjacent(1) && doc.span_text(toks[1].span) == "."
        {
            j = 1;
        }
        // A clitic or decimal written apart from its word, as in tokenised text
        // ("England 's", "I 'm", ".596").
        let detached = i == 0 || !adjacent(i);
        if j == i && detached && adjacent(i + 1) {
            let next = doc.span_text(toks[i + 1].span);
            let clitic = matches!(text, "'" | "’") && matches!(next, "s" | "S" | "m" | "re" | "ve" | "ll" | "d");
            let decimal = text == "." && toks[i + 1].kind == TokenKind::Number;
            if clitic || decimal {
                j = i + 1;
            }
        }
        if j > i {
            span.end = toks[j].span.end;
            out.push(span);
            i = j + 1;
            continue;
        }
        // "U.S" + "." and "Mr" + ".": keep the period on the abbreviation.
        if adjacent(i + 1) && doc.span_text(toks[i + 1].span) == "." {
            // A single capital before a sentence-final period is a word, not an initial.
            let single_letter = text.chars().count() == 1 && text.chars().all(char::is_uppercase) && i + 2 < toks.len();
            if text.contains('.') || single_letter || ABBREVIATIONS.contains(&text) {
                span.end = toks[i + 1].span.end;
                out.push(span);
                i += 2;
                continue;
            }
        }
        // Possessive and negation clitics: "Russia’s" → "Russia" "’s", "don't" → "do" "n't".
        let clitic = ["’s", "'s", "’S", "'S", "n't", "n’t", "N'T", "N’T"]
            .iter()
            .find(|c| text.len() > c.len() && text.ends_with(*c));
        if let (Some(c), TokenKind::Word) = (clitic, t.kind) {
            let cut = span.end - c.len();
            out.push(Span::new(span.start, cut));
            out.push(Span::new(cut, span.end));
        } else {
            out.push(span);
        }
        i += 1;
    }
    out
}

thread_local! {
    /// Per thread: the model whose word sums are cached (its address) and the cache.
    static WORD_CACHE: RefCell<(usize, WordCache)> = RefCell::new((0, WordCache::default()));
}

/// Finds every name mention of `doc` with `model`, in text order.
pub fn find_mentions(doc: &Document, model: &PackedNerModel) -> Vec<Mention> {
    let views: Vec<Vec<Span>> = (0..doc.sentences.len()).map(|s| tagger_tokens(doc, s)).collect();
    let words: Vec<Vec<&str>> = views
        .iter()
        .map(|v| v.iter().map(|s| doc.span_text(*s)).collect())
        .collect();
    let mut context = DocContext::new(&words);
    let mut found = Vec::new();
    for (view, sentence_words) in views.iter().zip(&words) {
        if view.is_empty() {
            continue;
        }
        let tags = WORD_CACHE.with_borrow_mut(|(owner, cache)| {
            // The cached sums belong to one model.
            let this = std::ptr::from_ref(model) as usize;
            if *owner != this {
                *owner = this;
                *cache = WordCache::default();
            }
            let (features, parts) = sentence_parts(sentence_words, &context, model, cache);
            model.decode_with_parts(&features, &parts, allowed)
        });
        context.record(sentence_words, &tags);
        let sentence_start = found.len();
        // A nationality or group word the tagger left out is MISC, as CoNLL-2003 tags
        // every one of them ("American officials").
        for (k, (&tag, word)) in tags.iter().zip(sentence_words).enumerate() {
            if tag == 0 && word.starts_with(char::is_uppercase) && DEMONYMS.contains(word) {
                found.push((view[k], EntityLabel::Misc));
            }
        }
        for (start, end, mut label) in spans(&tags) {
            // CoNLL tags "the Kremlin" as a building (LOC); when it acts or speaks rather
            // than being a place one is at or goes to, it is the institution (ORG).
            let whole = Span::new(view[start].start, view[end - 1].end);
            if label == EntityLabel::Loc && SEATS_OF_POWER.contains(&doc.span_text(whole)) {
                let mut before = sentence_words[..start].iter().rev().map(|w| w.to_lowercase());
                let place = match before.next() {
                    Some(w) if w == "the" => before.next(),
                    w => w,
                }
                .is_some_and(|w| LOCATIVE_PREPOSITIONS.contains(&w.as_str()));
                if !place {
                    label = EntityLabel::Org;
                }
            }
            found.extend(names_in(&doc.text, view, sentence_words, (start, end, label)));
        }
        found[sentence_start..].sort_by_key(|(span, _)| span.start);
    }
    settle_labels(&doc.text, found)
        .into_iter()
        .map(|(span, label)| {
            let roles = if label == EntityLabel::Per {
                roles_of(doc, span)
            } else {
                Vec::new()
            };
            Mention { span, label, roles }
        })
        .collect()
}

fn word(doc: &Document, t: usize) -> &str {
    doc.token_text(t)
}

fn bare(word: &str) -> &str {
    word.strip_suffix("’s")
        .or_else(|| word.strip_suffix("'s"))
        .unwrap_or(word)
        .trim_end_matches('.')
}

fn is_capitalised(doc: &Document, t: usize) -> bool {
    doc.tokens[t].kind == TokenKind::Word && word(doc, t).starts_with(char::is_uppercase)
}

/// The first token of a lower-case role ending right before token `first`: a multi-word
/// role from [`ROLE_PHRASES`] or a role noun from [`ROLE_NOUNS`].
fn role_before(doc: &Document, first: usize, floor: usize) -> Option<usize> {
    for phrase in ROLE_PHRASES {
        let n = phrase.len();
        if first >= floor + n && (0..n).all(|k| word(doc, first - n + k) == phrase[k]) {
            return Some(first - n);
        }
    }
    (first > floor && ROLE_NOUNS.contains(&word(doc, first - 1))).then(|| first - 1)
}

/// A description opening at token `from` with "the", "a" or "an" and a lower-case word
/// ("the deputy head of Russia's Security Council"), up to the clause's end; `None`
/// when it does not close within 12 words.
fn described_role(doc: &Document, from: usize, end: usize, any_noun: bool) -> Option<String> {
    if from + 1 >= end || !matches!(word(doc, from), "the" | "a" | "an") {
        return None;
    }
    // After "a"/"an" or a copula, the words before "of"/"for"/"at" must hold a role
    // noun ("a spokeswoman for", "is the mayor of"), not any noun ("is the first to").
    let any_noun = any_noun && word(doc, from) == "the";
    let head = from + 1;
    if !word(doc, head).starts_with(|c: char| c.is_lowercase()) {
        return None;
    }
    let mut stop = head;
    while stop < end && stop - head < 12 {
        if matches!(
            word(doc, stop),
            "," | "." | ";" | "and" | "who" | "which" | "—" | "–" | "(" | ")" | ":" | "said" | "says"
        ) {
            break;
        }
        stop += 1;
    }
    let closed = stop == end || matches!(word(doc, stop), "," | "and" | "." | ";" | "—" | "–" | "said" | "says");
    let role_word = |w: &str| {
        ROLE_NOUNS.contains(&w)
            || ["er", "or", "ist", "ian", "man", "woman", "person"]
                .iter()
                .any(|x| w.len() > 4 && w.ends_with(x))
    };
    let before_of = (head..stop)
        .take_while(|&k| !matches!(word(doc, k), "of" | "for" | "at" | "to" | "in"))
        .any(|k| role_word(word(doc, k)));
    (stop > head && closed && (any_noun || before_of)).then(|| {
        let role = Span::new(doc.tokens[head].span.start, doc.tokens[stop - 1].span.end);
        doc.span_text(role).to_owned()
    })
}

/// Roles written around the person name at `span`: a capitalised title run before it
/// ("US Secretary of State"), a role before it ("Kremlin spokesperson", "the harbour
/// master"), an appositive after it (", the deputy head of Russia's Security Council")
/// and a copula ("is the coach of the national side").
fn roles_of(doc: &Document, span: Span) -> Vec<String> {
    let mut roles = Vec::new();
    let first = doc.tokens.partition_point(|t| t.span.end <= span.start);
    let last = doc
        .tokens
        .partition_point(|t| t.span.start < span.end)
        .saturating_sub(1);
    let Some(sentence) = doc.sentence_at(span.start) else {
        return roles;
    };
    let range = doc.sentences[sentence].tokens.clone();
    // Capitalised words (and "of", and abbreviation periods) right before the name.
    let mut start = first;
    while start > range.start {
        let prev = start - 1;
        let w = word(doc, prev);
        let linking = (w == "of" || w == ".") && prev > range.start && is_capitalised(doc, prev - 1);
        if is_capitalised(doc, prev) || linking {
            start = prev;
        } else {
            break;
        }
    }
    if let Some(title) = (start..first).find(|&t| TITLES.contains(&bare(word(doc, t)))) {
        // Keep the capitalised modifiers before the title ("US", "New Jersey", "White
        // House") but not a sentence-opening word that is not a name ("Whenever Mr.").
        let mut from = title;
        while from > start && !NOT_NAMES.contains(&bare(word(doc, from - 1))) && word(doc, from - 1) != "." {
            from -= 1;
        }
        let honorific_only = (from..first)
            .all(|t| matches!(bare(word(doc, t)), "Mr" | "Mrs" | "Ms" | "Dr" | "Sir" | "") || word(doc, t) == ".");
        if !honorific_only {
            let role = Span::new(doc.tokens[from].span.start, doc.tokens[first - 1].span.end);
            roles.push(doc.span_text(role).to_owned());
        }
    } else if let Some(r) = role_before(doc, first, range.start) {
        // A lower-case role ("spokesperson", "harbour master", "chief of staff") with
        // its capitalised modifiers ("Kremlin", "White House").
        let mut from = r;
        while from > range.start && is_capitalised(doc, from - 1) && !NOT_NAMES.contains(&bare(word(doc, from - 1))) {
            from -= 1;
        }
        let role = Span::new(doc.tokens[from].span.start, doc.tokens[first - 1].span.end);
        roles.push(doc.span_text(role).to_owned());
    }
    // Copula: "Name is the <role>", "Name, who is the <role>".
    let mut after = last + 1;
    if after < range.end && word(doc, after) == "," && after + 1 < range.end && word(doc, after + 1) == "who" {
        after += 2;
    }
    if after + 2 < range.end && matches!(word(doc, after), "is" | "was" | "became" | "remains") {
        if let Some(role) = described_role(doc, after + 1, range.end, false) {
            roles.push(role);
        }
    }
    // Appositive: "Name, the <role> [, | and | . | ;]", "Name, a <role> for …,".
    if last + 3 < range.end && word(doc, last + 1) == "," {
        if let Some(role) = described_role(doc, last + 2, range.end, true) {
            roles.push(role);
        }
    }
    roles
}
