//! Resolving source mentions to entity clusters in text order: a source holding a
//! person or organisation name resolves to its cluster; "he"/"she" to the most recent
//! person speaker (else the most recent person named before it); "they"/"it"/"we" to the
//! most recent organisation (possessives "his"/"her"/"their"/"its" alike); a description ("the Kremlin spokesperson", "a campaign
//! aide") to the cluster that carries that role, or a name inside it.

use crate::features::PRONOUNS;
use byline_core::{Document, EntityLabel, Span, Speaker};
use std::ops::Range;

/// Running state of the resolver: the last resolved speaker of each kind.
#[derive(Default)]
pub struct Resolver {
    last_person: Option<usize>,
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
        }
    }

    /// Remembers a resolved speaker as the latest person or organisation.
    pub fn remember(&mut self, doc: &Document, cluster: Option<usize>) {
        if let Some(c) = cluster {
            match doc.clusters[c].label {
                EntityLabel::Per => self.last_person = Some(c),
                EntityLabel::Org => self.last_org = Some(c),
                _ => {}
            }
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
                return match word.as_str() {
                    "he" | "she" | "his" | "her" => self
                        .last_person
                        .or_else(|| last_entity_before(doc, span.start, EntityLabel::Per)),
                    "they" | "it" | "we" | "their" | "its" => self
                        .last_org
                        .or_else(|| last_entity_before(doc, span.start, EntityLabel::Org)),
                    _ => None,
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

fn last_entity_before(doc: &Document, pos: usize, label: EntityLabel) -> Option<usize> {
    let end = doc.entities.partition_point(|e| e.span.end <= pos);
    doc.entities[..end]
        .iter()
        .rev()
        .find(|e| e.label == label)
        .map(|e| e.cluster)
}
