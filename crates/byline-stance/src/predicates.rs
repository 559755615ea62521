//! Stance predicates: "Kovalenko expressed her approval of the EU proposal",
//! "he desires a swift peace agreement", "X criticised Y".

use crate::Basis;
use crate::lexicon::{PREDICATES, is_explicit_verb, is_negator, negated};
use crate::stated::{
    PRONOUNS, is_link_text, is_stated, nearest_person_before, passive_subject_written, pronoun_cluster,
};
use byline_core::{
    Document, EntityLabel, Polarity, Span, Stance, StanceChannel, StanceHolder, StanceTarget, TargetKind, TokenKind,
};
use byline_learn::hash::FastMap;
use std::sync::LazyLock;

pub(crate) const DETERMINERS: &[&str] = &[
    "the", "a", "an", "his", "her", "their", "its", "this", "that", "these", "those", "our",
];
pub(crate) const NP_STOP: &[&str] = &[
    "that", "which", "who", "to", "and", "but", "because", "if", "for", "on", "in", "at", "by", "with", "as", "from",
    "of", "while", "when", "after", "before", "or", "he", "she", "they", "we", "I", "it", "you",
];

fn holder_before(doc: &Document, pred: usize, min: usize) -> Option<(usize, Option<usize>)> {
    // The nearest person (a name or a resolved he/she) before the predicate in its
    // sentence; an organisation only when no person is named there. Preferring persons
    // skips organisations inside an appositive ("Medvedev, the deputy head of the
    // Security Council, expressed …").
    let mut org = None;
    for t in (min..pred).rev() {
        if let Some(e) = doc.entity_at_token(t) {
            match doc.entities[e].label {
                EntityLabel::Per => return Some((t, Some(doc.entities[e].cluster))),
                EntityLabel::Org if org.is_none() => org = Some((t, Some(doc.entities[e].cluster))),
                _ => {}
            }
        }
        if matches!(doc.token_text(t), "he" | "she" | "He" | "She") {
            // The cluster the mentions layer links the pronoun to; without one, the
            // nearest person named before it.
            let cluster = pronoun_cluster(doc, t).or_else(|| nearest_person_before(doc, t));
            if let Some(c) = cluster {
                return Some((t, Some(c)));
            }
        }
    }
    org
}

fn target_after(doc: &Document, pred: usize, limit: usize) -> Option<(Span, Option<usize>)> {
    let mut t = pred + 1;
    // "approval of the US comments": skip a linking preposition.
    if t < limit && matches!(doc.token_text(t), "of" | "to" | "for") {
        t += 1;
    }
    for u in t..limit.min(t + 4) {
        if let Some(e) = doc.entity_at_token(u) {
            if doc.entities[e].label != EntityLabel::Misc {
                return Some((doc.entities[e].span, Some(doc.entities[e].cluster)));
            }
        }
    }
    // A noun phrase: determiner skipped, up to punctuation or a function word.
    while t < limit && DETERMINERS.contains(&doc.token_text(t)) {
        t += 1;
    }
    let start = t;
    while t < limit && doc.tokens[t].kind == TokenKind::Word && !NP_STOP.contains(&doc.token_text(t)) && t - start < 5 {
        t += 1;
    }
    (t > start).then(|| {
        (
            Span::new(doc.tokens[start].span.start, doc.tokens[t - 1].span.end),
            None,
        )
    })
}

/// Whether a target read by word order is an entity: one with a cluster, a phrase with a
/// capitalised word that does not open its sentence (a name no cluster holds) or one
/// whose last word names people or an organisation ("the striking workers"); anything
/// else is a topic ("the plan").
fn kind_of(doc: &Document, target: Span, cluster: Option<usize>) -> TargetKind {
    let tokens = doc.tokens_overlapping(target);
    let opens_sentence = |t: usize| {
        doc.sentence_at(doc.tokens[t].span.start)
            .is_some_and(|s| doc.sentences[s].tokens.start == t)
    };
    let capitalised = tokens
        .clone()
        .any(|t| doc.token_text(t).chars().next().is_some_and(char::is_uppercase) && !opens_sentence(t));
    let last = tokens
        .clone()
        .last()
        .map(|t| doc.token_text(t).to_lowercase())
        .unwrap_or_default();
    let somebody = crate::lexicon::names_somebody(&last);
    if cluster.is_some() || capitalised || somebody {
        TargetKind::Entity
    } else {
        TargetKind::Topic
    }
}

/// The polarity of a stance predicate, any case ("Praised", "praised").
pub(crate) fn predicate_polarity(word: &str) -> Option<Polarity> {
    static TABLE: LazyLock<FastMap<&'static str, Polarity>> = LazyLock::new(|| PREDICATES.iter().copied().collect());
    if word.len() > 16 {
        return None;
    }
    if word.bytes().any(|b| b.is_ascii_uppercase()) {
        TABLE.get(word.to_ascii_lowercase().as_str()).copied()
    } else {
        TABLE.get(word).copied()
    }
}

/// Index of the quote whose content holds `span` (quotes are in text order).
pub(crate) fn quote_containing(doc: &Document, span: Span) -> Option<usize> {
    let i = doc.quotes.partition_point(|q| q.span.start <= span.start);
    (0..i)
        .rev()
        .take(4)
        .find(|&q| doc.quotes[q].spans.iter().any(|s| s.contains(span)))
}

/// Whether the predicate at `p` is a passive participle ("was praised", "were sharply
/// criticized").
fn is_passive(doc: &Document, p: usize, min: usize) -> bool {
    if !doc.token_text(p).ends_with("ed") {
        return false;
    }
    let mut t = p;
    if t > min && doc.token_text(t - 1).ends_with("ly") {
        t -= 1;
    }
    t > min
        && matches!(
            doc.token_text(t - 1).to_ascii_lowercase().as_str(),
            "was" | "were" | "been" | "is" | "are" | "being" | "be" | "got" | "get" | "gets"
        )
}

/// The stance of a passive predicate: the agent after "by" holds it, the subject (the
/// nearest person or organisation before) is its target.
fn passive_stance(
    doc: &Document,
    p: usize,
    range: std::ops::Range<usize>,
    polarity: Polarity,
    quote: Option<usize>,
) -> Option<Stance> {
    let by = (p + 1..(p + 4).min(range.end)).find(|&t| doc.token_text(t) == "by")?;
    let agent = (by + 1..(by + 5).min(range.end))
        .filter_map(|t| doc.entity_at_token(t))
        .find(|&e| doc.entities[e].label != EntityLabel::Misc)?;
    let (subject_tok, subject_cluster) = holder_before(doc, p, range.start)?;
    let subject = doc
        .entities
        .iter()
        .find(|e| e.span.contains(doc.tokens[subject_tok].span))
        .map_or(doc.tokens[subject_tok].span, |e| e.span);
    let agent = &doc.entities[agent];
    if subject_cluster == Some(agent.cluster) {
        return None;
    }
    Some(Stance {
        holder: StanceHolder {
            cluster: Some(agent.cluster),
            name: doc.clusters[agent.cluster].name.clone(),
        },
        target: StanceTarget {
            span: subject,
            cluster: subject_cluster,
            kind: kind_of(doc, subject, subject_cluster),
        },
        polarity,
        score: 0.6,
        evidence: Span::new(subject.start, agent.span.end),
        quote,
        channel: quote.map_or(StanceChannel::Narration, |q| {
            StanceChannel::of_quote(doc.quotes[q].kind)
        }),
    })
}

/// Finds stances expressed by lexicon predicates, sentence by sentence, each with how it
/// was found: [`Basis::Stated`] when the predicate is an explicit verb with its holder
/// and target written around it (a passive's agent counts), [`Basis::Predicate`]
/// otherwise.
pub(crate) fn find_stances(doc: &Document) -> Vec<(Stance, Basis)> {
    doc.sentences
        .iter()
        .flat_map(|sentence| sentence.tokens.clone().map(move |p| (p, sentence.tokens.clone())))
        .filter_map(|(p, range)| stance_at(doc, p, range))
        .collect()
}

/// Whether the word-order reading of the predicate at token `p` is stated: the parse's
/// stances count as stated only where it is, so that with or without the parse a stated
/// stance is one whose holder, verb and target stand written in that order.
pub(crate) fn stated_at(doc: &Document, p: usize) -> bool {
    let Some(sentence) = doc.sentence_at(doc.tokens[p].span.start) else {
        return false;
    };
    let range = doc.sentences[sentence].tokens.clone();
    stance_at(doc, p, range).is_some_and(|(_, basis)| basis == Basis::Stated)
}

/// The stance of the lexicon predicate at token `p` of the sentence `range`, if any.
fn stance_at(doc: &Document, p: usize, range: std::ops::Range<usize>) -> Option<(Stance, Basis)> {
    let w = doc.token_text(p);
    if !w.starts_with(|c: char| c.is_ascii_alphabetic()) {
        return None;
    }
    let base = predicate_polarity(w)?;
    let polarity = negated(
        base,
        (p.saturating_sub(3).max(range.start)..p).any(|t| is_negator(doc.token_text(t))),
    );
    let quote = quote_containing(doc, doc.tokens[p].span);
    // "X was criticized by Y": Y holds the stance and X is its target; without an
    // agent ("X was criticized") the text names no holder.
    if is_passive(doc, p, range.start) {
        let hedged = (range.start..p).any(|t| is_negator(doc.token_text(t)));
        let basis = if is_explicit_verb(w) && !hedged && !is_link_text(doc, &range) {
            Basis::Stated
        } else {
            Basis::Predicate
        };
        return passive_stance(doc, p, range.clone(), polarity, quote).map(|s| {
            // "she was criticized by …": who she is, word order does not say.
            let pronoun = PRONOUNS.contains(&doc.span_text(s.target.span).to_lowercase().as_str());
            let written = passive_subject_written(doc, s.target.span, p);
            (s, if pronoun || !written { Basis::Predicate } else { basis })
        });
    }
    let named_holder = |min: usize| {
        holder_before(doc, p, min).map(|(t, c)| {
            let name = c
                .map(|c| doc.clusters[c].name.clone())
                .unwrap_or_else(|| doc.token_text(t).to_owned());
            (c, name, Some(t))
        })
    };
    let holder = match quote {
        // "X said Y opposes Z": a subject named inside the quote holds the stance
        // (X only reports it); otherwise ("we oppose", "opposes Z") the speaker.
        Some(q) => {
            let content = doc.quotes[q].spans.iter().find(|s| s.contains(doc.tokens[p].span));
            let start = content.map_or(p, |s| doc.tokens_in(*s).start).max(range.start);
            named_holder(start)
                .filter(|(c, _, _)| c.is_some() && *c != doc.quotes[q].speaker.as_ref().and_then(|s| s.cluster))
                .or_else(|| {
                    doc.quotes[q]
                        .speaker
                        .as_ref()
                        .map(|s| (s.cluster, s.name.clone(), None))
                })
        }
        None => named_holder(range.start),
    };
    let (cluster, name, holder_tok) = holder?;
    let (target, target_cluster) = target_after(doc, p, range.end)?;
    if target_cluster.is_some() && target_cluster == cluster {
        return None;
    }
    // Evidence: up to three lower-case words before the predicate ("did not
    // support", "expressed his approval"), through the target.
    let mut first = p;
    while first > range.start
        && p - first < 3
        && holder_tok.is_none_or(|h| first - 1 > h)
        && doc.tokens[first - 1].kind == TokenKind::Word
        && doc.token_text(first - 1).starts_with(char::is_lowercase)
        && !NP_STOP.contains(&doc.token_text(first - 1))
        && !matches!(doc.token_text(first - 1), "he" | "she" | "they" | "it")
    {
        first -= 1;
    }
    let ev_start = doc.tokens[first].span.start;
    let end = target.end.max(doc.tokens[p].span.end);
    let basis = if is_stated(doc, p, &range, holder_tok, target) {
        Basis::Stated
    } else {
        Basis::Predicate
    };
    Some((
        Stance {
            holder: StanceHolder { cluster, name },
            target: StanceTarget {
                span: target,
                cluster: target_cluster,
                kind: kind_of(doc, target, target_cluster),
            },
            polarity,
            score: if target_cluster.is_some() { 0.6 } else { 0.5 },
            evidence: Span::new(ev_start, end),
            quote,
            channel: quote.map_or(StanceChannel::Narration, |q| {
                StanceChannel::of_quote(doc.quotes[q].kind)
            }),
        },
        basis,
    ))
}
