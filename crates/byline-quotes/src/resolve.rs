//! Resolving source mentions to entity clusters in text order: a source holding a
//! person or organisation name resolves to its cluster; a pronoun to the cluster the
//! `mentions` layer links it to (the entities extractor's coreference), "we"/"they"
//! unlinked there to the most recent organisation speaking; a description ("the Kremlin spokesperson", "a campaign
//! aide") to the cluster that carries that role, or a name inside it.

use crate::features::PRONOUNS;
use byline_core::{Document, EntityLabel, MentionKind, Span, Speaker, SpeakerKind};
use std::ops::Range;

/// Running state of the resolver: the last organisation that spoke.
#[derive(Default)]
pub struct Resolver {
    last_org: Option<usize>,
}

impl Resolver {
    /// Resolves a source written at tokens `written` ("who") that stands for the noun
    /// phrase at tokens `referent` ("the woman", "Smith"): the speaker's mention is the
    /// written one, its cluster and name the referent's.
    pub fn resolve_referent(&mut self, doc: &Document, written: Range<usize>, referent: Range<usize>) -> Speaker {
        let token_span = |r: &Range<usize>| Span::new(doc.tokens[r.start].span.start, doc.tokens[r.end - 1].span.end);
        let referent_span = token_span(&referent);
        let cluster = self.cluster_of(doc, &referent, referent_span);
        self.remember(doc, cluster);
        let name = cluster
            .map(|c| doc.clusters[c].name.clone())
            .unwrap_or_else(|| doc.span_text(referent_span).to_owned());
        Speaker {
            span: token_span(&written),
            cluster,
            name,
            kind: SpeakerKind::None,
        }
    }

    /// Remembers a resolved speaker that is an organisation as the latest one.
    pub fn remember(&mut self, doc: &Document, cluster: Option<usize>) {
        if let Some(c) = cluster.filter(|&c| doc.clusters[c].label == EntityLabel::Org) {
            self.last_org = Some(c);
        }
    }

    fn cluster_of(&self, doc: &Document, source: &Range<usize>, span: Span) -> Option<usize> {
        // A name inside the source: the first person not written as a possessive ("David
        // Plouffe, the architect of Obama's campaign"; "Trump's spokeswoman Hope Hicks"),
        // else the first organisation so written, else any.
        let first = doc.entities.partition_point(|e| e.span.end <= span.start);
        let inside: Vec<_> = doc.entities[first..]
            .iter()
            .take_while(|e| e.span.start < span.end)
            .collect();
        let possessive = |e: &byline_core::Entity| {
            let after = &doc.text[e.span.end.min(span.end)..span.end];
            after.starts_with("'s") || after.starts_with("’s") || after.starts_with('\'') || after.starts_with('’')
        };
        let pick = |label: EntityLabel| {
            let mut of_label = inside.iter().filter(|e| e.label == label);
            of_label
                .clone()
                .find(|e| !possessive(e))
                .or_else(|| of_label.next_back())
                .map(|e| e.cluster)
        };
        if let Some(c) = pick(EntityLabel::Per) {
            return Some(c);
        }
        // An appositive source ("Maria Kovalenko, the president of … and [a voice …],")
        // is the person named before its comma.
        if let Some(c) = appositive_person(doc, source.start) {
            return Some(c);
        }
        if let Some(c) = pick(EntityLabel::Org) {
            return Some(c);
        }
        if source.len() == 1 {
            let word = doc.token_text(source.start).to_lowercase();
            if PRONOUNS.contains(&word.as_str()) || POSSESSIVES.contains(&word.as_str()) {
                // The entities extractor's coreference says whom a pronoun stands for;
                // "we" and "they" left unlinked there fall back to the last organisation
                // speaking ("the ministry said … we").
                return match linked_cluster(doc, span) {
                    Some(c) => Some(c),
                    None => match word.as_str() {
                        "we" | "they" | "their" => self.last_org,
                        _ => None,
                    },
                };
            }
        }
        // A description: the cluster whose role shares the description's last word.
        let head = doc.token_text(source.end - 1).to_lowercase();
        if head.chars().count() > 2 {
            if let Some(c) = doc.clusters.iter().rev().find(|c| {
                c.roles
                    .iter()
                    .any(|r| r.split_whitespace().any(|w| w.eq_ignore_ascii_case(&head)))
            }) {
                return Some(c.id);
            }
        }
        // A name that modifies the source's head noun ("a U.S. official") is not the
        // speaker; a name that ends the source is.
        inside
            .last()
            .filter(|e| e.span.end >= doc.tokens[source.end - 1].span.start)
            .map(|e| e.cluster)
    }
}

/// The cluster the `mentions` layer links the pronoun at `span` to.
fn linked_cluster(doc: &Document, span: Span) -> Option<usize> {
    let i = doc.mentions.partition_point(|m| m.span.start < span.start);
    doc.mentions[i..]
        .iter()
        .take_while(|m| m.span.start == span.start)
        .find(|m| m.kind == MentionKind::Pronoun && m.span == span)
        .map(|m| m.cluster)
}

/// Possessive pronouns, resolved as their personal pronouns are ("his claim that …").
const POSSESSIVES: &[&str] = &["his", "her", "their", "its"];

/// How far back an appositive's comma may be from the description that ends it.
const APPOSITIVE_REACH: usize = 24;

/// The person named right before the comma that opens the appositive in which token
/// `start` stands, searching back within its sentence and without crossing a quotation
/// mark or another clause's end.
fn appositive_person(doc: &Document, start: usize) -> Option<usize> {
    let floor = start.saturating_sub(APPOSITIVE_REACH);
    let mut t = start;
    while t > floor + 1 {
        t -= 1;
        match doc.token_text(t) {
            "," => {
                let e = doc.entity_at_token(t - 1)?;
                return (doc.entities[e].label == EntityLabel::Per).then_some(doc.entities[e].cluster);
            }
            "." | ";" | ":" | "!" | "?" | "“" | "”" | "\"" => return None,
            _ => {}
        }
    }
    None
}
