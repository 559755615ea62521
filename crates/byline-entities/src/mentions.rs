//! Finding name mentions: runs of capitalised tokens, split into a title part and a name
//! part, labelled from the word lists and the context, with the roles written next to
//! person names. A rule-based baseline; the trained tagger replaces the labelling step.

use crate::lexicon::{DEMONYMS, NOT_NAMES, ORG_WORDS, ORGS, PLACES, ROLE_NOUNS, TITLES};
use byline_core::{Document, EntityLabel, Span, TokenKind};
use std::collections::HashSet;

/// A mention found in the text, before clustering.
#[derive(Clone, Debug, PartialEq)]
pub struct Mention {
    /// Where it is.
    pub span: Span,
    /// Its label (single unknown words may be relabelled by clustering).
    pub label: EntityLabel,
    /// True when the label is only a default guess.
    pub guessed: bool,
    /// Roles written next to it ("US President").
    pub roles: Vec<String>,
}

const HONORIFICS: &[&str] = &["Mr", "Mrs", "Ms", "Dr", "Sir", "Dame", "Lord"];
const CONNECTORS: &[&str] = &["of", "de", "van", "von", "al", "bin", "da", "du", "la", "del", "der"];
const SPEECH_VERBS: &[&str] = &[
    "said",
    "says",
    "told",
    "added",
    "wrote",
    "stated",
    "asked",
    "explained",
    "noted",
    "argued",
    "insisted",
];

fn bare(word: &str) -> &str {
    word.strip_suffix("’s")
        .or_else(|| word.strip_suffix("'s"))
        .unwrap_or(word)
}

fn is_capitalised(doc: &Document, i: usize) -> bool {
    let t = doc.tokens[i];
    t.kind == TokenKind::Word && doc.span_text(t.span).chars().next().is_some_and(char::is_uppercase)
}

fn in_list(list: &[&str], word: &str) -> bool {
    list.contains(&word)
}

/// Finds every name mention of `doc`, in text order.
pub fn find_mentions(doc: &Document) -> Vec<Mention> {
    let runs = capitalised_runs(doc);
    let seen_inside = words_seen_mid_sentence(doc, &runs);
    let mut out = Vec::new();
    for run in runs {
        mentions_of_run(doc, &run, &seen_inside, &mut out);
    }
    out
}

/// A run of tokens that may hold names, with whether it starts its sentence.
struct Run {
    tokens: Vec<usize>,
    sentence_initial: bool,
}

fn capitalised_runs(doc: &Document) -> Vec<Run> {
    let mut runs = Vec::new();
    for sentence in &doc.sentences {
        let range = sentence.tokens.clone();
        let mut i = range.start;
        let mut first_word = true;
        while i < range.end {
            if !is_capitalised(doc, i) {
                if doc.tokens[i].kind == TokenKind::Word || doc.tokens[i].kind == TokenKind::Number {
                    first_word = false;
                }
                i += 1;
                continue;
            }
            let mut tokens = vec![i];
            let mut j = i + 1;
            while j < range.end {
                let prev = doc.span_text(doc.tokens[*tokens.last().unwrap()].span);
                let here = doc.span_text(doc.tokens[j].span);
                let adjacent = doc.tokens[j].span.start == doc.tokens[j - 1].span.end;
                if prev.ends_with("’s") || prev.ends_with("'s") {
                    break;
                }
                let title_period =
                    here == "." && adjacent && is_abbreviation(prev) && j + 1 < range.end && is_capitalised(doc, j + 1);
                if is_capitalised(doc, j) || title_period {
                    tokens.push(j);
                    j += 1;
                } else if here == "." && adjacent && prev.contains('.') {
                    // "U.S" + "." — keep the final period of a dotted acronym.
                    tokens.push(j);
                    j += 1;
                    break;
                } else if (in_list(CONNECTORS, here) || here == "-") && j + 1 < range.end && is_capitalised(doc, j + 1)
                {
                    tokens.push(j);
                    tokens.push(j + 1);
                    j += 2;
                } else {
                    break;
                }
            }
            runs.push(Run {
                tokens,
                sentence_initial: first_word,
            });
            first_word = false;
            i = j;
        }
    }
    runs
}

fn is_abbreviation(word: &str) -> bool {
    word.chars().count() == 1 || in_list(HONORIFICS, word) || in_list(TITLES, word)
}

/// Capitalised words seen where capitalisation is informative (not first in a sentence).
fn words_seen_mid_sentence<'d>(doc: &'d Document, runs: &[Run]) -> HashSet<&'d str> {
    let mut seen = HashSet::new();
    for run in runs {
        let skip = usize::from(run.sentence_initial && run.tokens.len() == 1);
        for &t in &run.tokens[skip..] {
            seen.insert(bare(doc.span_text(doc.tokens[t].span)));
        }
    }
    seen
}

fn mentions_of_run(doc: &Document, run: &Run, seen: &HashSet<&str>, out: &mut Vec<Mention>) {
    let word = |t: usize| bare(doc.span_text(doc.tokens[t].span));
    let mut toks: &[usize] = &run.tokens;
    let mut initial = run.sentence_initial;
    // Drop function words and other non-names at the start ("The", "When").
    while let Some(&first) = toks.first() {
        if in_list(NOT_NAMES, word(first)) || in_list(CONNECTORS, word(first)) || word(first) == "." {
            toks = &toks[1..];
            initial = false;
        } else {
            break;
        }
    }
    while let Some(&last) = toks.last() {
        let w = word(last);
        if in_list(CONNECTORS, w) || w == "-" {
            toks = &toks[..toks.len() - 1];
        } else {
            break;
        }
    }
    if toks.is_empty() {
        return;
    }
    // Split "US Secretary of State Marco Rubio" into prefix, title and name.
    let title_at = toks
        .iter()
        .position(|&t| in_list(TITLES, word(t)) || in_list(HONORIFICS, word(t)));
    if let Some(f) = title_at {
        let mut j = f;
        while j < toks.len() {
            let w = word(toks[j]);
            if in_list(TITLES, w) || in_list(HONORIFICS, w) || w == "." {
                j += 1;
            } else if w == "of" && j + 1 < toks.len() {
                j += 2;
            } else {
                break;
            }
        }
        if j < toks.len() && j > f {
            let prefix = &toks[..f];
            let title = &toks[f..j];
            let name = &toks[j..];
            if !prefix.is_empty() {
                push_name(doc, prefix, initial, seen, out);
            }
            let honorific_only = title.iter().all(|&t| in_list(HONORIFICS, word(t)) || word(t) == ".");
            let mut roles = Vec::new();
            if !honorific_only {
                let start = if prefix.is_empty() { title[0] } else { prefix[0] };
                let end = *title.last().unwrap();
                let role = Span::new(doc.tokens[start].span.start, doc.tokens[end].span.end);
                roles.push(doc.span_text(role).to_owned());
            }
            let span = name_span(doc, name);
            roles.extend(context_roles(doc, name));
            out.push(Mention {
                span,
                label: EntityLabel::Per,
                guessed: false,
                roles,
            });
            return;
        }
        if j == toks.len() && f == 0 {
            return; // A title alone ("President") is not a name.
        }
    }
    push_name(doc, toks, initial, seen, out);
}

fn name_span(doc: &Document, toks: &[usize]) -> Span {
    let first = doc.tokens[toks[0]].span;
    let last = doc.tokens[*toks.last().unwrap()].span;
    let text = doc.span_text(last);
    let cut = text.len() - bare(text).len();
    Span::new(first.start, last.end - cut)
}

fn push_name(doc: &Document, toks: &[usize], initial: bool, seen: &HashSet<&str>, out: &mut Vec<Mention>) {
    let span = name_span(doc, toks);
    let text = doc.span_text(span);
    if text.chars().count() < 2 {
        return;
    }
    let single = toks.len() == 1;
    if single && initial && !seen.contains(text) && !is_known(text) {
        return; // A capitalised first word seen nowhere else is most likely not a name.
    }
    let (label, guessed) = label_of(doc, toks, text);
    let roles = if label == EntityLabel::Per {
        context_roles(doc, toks)
    } else {
        Vec::new()
    };
    out.push(Mention {
        span,
        label,
        guessed,
        roles,
    });
}

fn is_known(text: &str) -> bool {
    in_list(PLACES, text)
        || in_list(ORGS, text)
        || in_list(DEMONYMS, text)
        || crate::cluster::alias_group(text).is_some()
}

fn label_of(doc: &Document, toks: &[usize], text: &str) -> (EntityLabel, bool) {
    let last_word = bare(doc.span_text(doc.tokens[*toks.last().unwrap()].span));
    if let Some(group) = crate::cluster::alias_group(text) {
        let label = if in_list(PLACES, group) {
            EntityLabel::Loc
        } else {
            EntityLabel::Org
        };
        return (label, false);
    }
    if in_list(ORGS, text) || in_list(ORG_WORDS, last_word) {
        return (EntityLabel::Org, false);
    }
    if in_list(PLACES, text) {
        return (EntityLabel::Loc, false);
    }
    if in_list(DEMONYMS, text) {
        return (EntityLabel::Misc, false);
    }
    let acronym = text.chars().count() >= 2 && text.chars().all(|c| c.is_uppercase() || c == '.' || c == '&');
    if acronym {
        return (EntityLabel::Org, true);
    }
    let next_word = doc
        .tokens
        .get(toks.last().unwrap() + 1)
        .map(|t| doc.span_text(t.span))
        .unwrap_or("");
    let prev_word = toks[0]
        .checked_sub(1)
        .map(|i| doc.span_text(doc.tokens[i].span))
        .unwrap_or("");
    if toks.len() == 1 && matches!(prev_word, "in" | "at" | "from" | "near" | "to" | "across") {
        return (EntityLabel::Loc, true);
    }
    if in_list(SPEECH_VERBS, next_word) || in_list(ROLE_NOUNS, prev_word) {
        return (EntityLabel::Per, false);
    }
    if toks.len() >= 2 {
        return (EntityLabel::Per, true);
    }
    (EntityLabel::Loc, true)
}

/// Roles written around a person name: a role noun before it ("Kremlin spokesperson")
/// and an appositive after it (", the deputy head of Russia's Security Council").
fn context_roles(doc: &Document, name: &[usize]) -> Vec<String> {
    let mut roles = Vec::new();
    let first = name[0];
    let last = *name.last().unwrap();
    let word = |t: usize| doc.span_text(doc.tokens[t].span);
    // Role noun before the name, with capitalised modifiers before it.
    if let Some(r) = first.checked_sub(1).filter(|&r| in_list(ROLE_NOUNS, word(r))) {
        let mut start = r;
        while start > 0 && is_capitalised(doc, start - 1) && !in_list(NOT_NAMES, bare(word(start - 1))) {
            start -= 1;
        }
        let span = Span::new(doc.tokens[start].span.start, doc.tokens[r].span.end);
        roles.push(doc.span_text(span).to_owned());
    }
    // Appositive: "Name, the <role> [, | and | . | ;]".
    let Some(sentence) = doc.sentence_at(doc.tokens[last].span.start) else {
        return roles;
    };
    let end = doc.sentences[sentence].tokens.end;
    if last + 3 < end && word(last + 1) == "," && word(last + 2) == "the" {
        let start = last + 3;
        let mut stop = start;
        while stop < end && stop - start < 12 {
            let w = word(stop);
            if matches!(
                w,
                "," | "." | ";" | "and" | "who" | "which" | "—" | "–" | "(" | ")" | ":"
            ) {
                break;
            }
            stop += 1;
        }
        let closed = stop < end && matches!(word(stop), "," | "and" | "." | ";" | "—" | "–");
        if stop > start && closed {
            let span = Span::new(doc.tokens[start].span.start, doc.tokens[stop - 1].span.end);
            roles.push(doc.span_text(span).to_owned());
        }
    }
    roles
}
