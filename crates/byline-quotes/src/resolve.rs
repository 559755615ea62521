//! Resolving speaker mentions to entity clusters in text order: names to their cluster,
//! "he"/"she" to the most recent person speaker (else the most recent person named),
//! "they"/"it" to the most recent organisation, and descriptions ("the spokesperson") to
//! the cluster that carries that role.

use crate::attribution::SpeakerMention;
use byline_core::{Document, EntityLabel, Span, Speaker};

/// Running state of the resolver: the last resolved speaker of each kind.
#[derive(Default)]
pub struct Resolver {
    last_person: Option<usize>,
    last_org: Option<usize>,
}

impl Resolver {
    /// Resolves `mention` (at byte position `at`) and remembers the result.
    pub fn resolve(&mut self, doc: &Document, mention: SpeakerMention) -> Speaker {
        let (span, cluster) = match mention {
            SpeakerMention::Entity(e) => (doc.entities[e].span, Some(doc.entities[e].cluster)),
            SpeakerMention::Pronoun(t) => {
                let span = doc.tokens[t].span;
                let w = doc.span_text(span).to_lowercase();
                let cluster = match w.as_str() {
                    "he" | "she" => self
                        .last_person
                        .or_else(|| last_entity_before(doc, span.start, EntityLabel::Per)),
                    "they" | "it" => self
                        .last_org
                        .or_else(|| last_entity_before(doc, span.start, EntityLabel::Org)),
                    _ => None,
                };
                (span, cluster)
            }
            SpeakerMention::Nominal(span, head) => {
                let noun = doc.token_text(head);
                let cluster = doc
                    .clusters
                    .iter()
                    .rev()
                    .find(|c| c.roles.iter().any(|r| r.split_whitespace().any(|w| w == noun)))
                    .map(|c| c.id);
                (span, cluster)
            }
        };
        if let Some(c) = cluster {
            match doc.clusters[c].label {
                EntityLabel::Per => self.last_person = Some(c),
                EntityLabel::Org => self.last_org = Some(c),
                _ => {}
            }
        }
        let name = cluster
            .map(|c| doc.clusters[c].name.clone())
            .unwrap_or_else(|| doc.span_text(span).to_owned());
        Speaker { span, cluster, name }
    }
}

fn last_entity_before(doc: &Document, pos: usize, label: EntityLabel) -> Option<usize> {
    let end = doc.entities.partition_point(|e| e.span.end <= pos);
    doc.entities[..end]
        .iter()
        .rev()
        .find(|e| e.label == label)
        .map(|e| e.cluster)
}

/// The span of a mention, for ordering.
pub fn mention_span(doc: &Document, mention: SpeakerMention) -> Span {
    match mention {
        SpeakerMention::Entity(e) => doc.entities[e].span,
        SpeakerMention::Pronoun(t) => doc.tokens[t].span,
        SpeakerMention::Nominal(span, _) => span,
    }
}
