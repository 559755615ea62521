//! Grouping mentions into per-article clusters: alias groups ("US" = "United States"),
//! exact repeats with the same label, and surnames joining the full name ("Peskov" →
//! "Dmitry Peskov"). A mention keeps the tagger's label (a surname joining a person
//! becomes PER), so "Boston" the team and "Boston" the city stay apart.

use crate::lexicon::ALIASES;
use crate::mentions::Mention;
use byline_core::{Cluster, Document, Entity, EntityLabel};
use std::collections::HashMap;

/// The canonical name of the alias group `text` belongs to, if any.
pub fn alias_group(text: &str) -> Option<&'static str> {
    ALIASES.iter().find(|g| g.contains(&text)).map(|g| g[0])
}

fn last_word(text: &str) -> &str {
    text.rsplit(' ').next().unwrap_or(text)
}

/// Writes `doc.entities` and `doc.clusters` from the mentions.
pub fn build_clusters(doc: &mut Document, mentions: Vec<Mention>) {
    let texts: Vec<String> = mentions.iter().map(|m| doc.span_text(m.span).to_owned()).collect();
    // Full person names, keyed by their last word, in text order.
    let mut full_names: HashMap<&str, Vec<usize>> = HashMap::new();
    for (i, m) in mentions.iter().enumerate() {
        if m.label == EntityLabel::Per && texts[i].contains(' ') {
            full_names.entry(last_word(&texts[i])).or_default().push(i);
        }
    }
    // Key: the cluster's name, and its label unless it is an alias group.
    let mut key_to_cluster: HashMap<(String, Option<EntityLabel>), usize> = HashMap::new();
    let mut clusters: Vec<Cluster> = Vec::new();
    let mut entities = Vec::with_capacity(mentions.len());
    for (i, m) in mentions.iter().enumerate() {
        let text = texts[i].as_str();
        let mut label = m.label;
        let key = if let Some(group) = alias_group(text) {
            (group.to_owned(), None)
        } else if !text.contains(' ') && label != EntityLabel::Misc {
            // A single word joins the closest full person name ending with it (before,
            // else after) and becomes a person mention.
            match full_names.get(text) {
                Some(candidates) => {
                    let before = candidates.partition_point(|&c| c < i);
                    let best = if before > 0 {
                        candidates[before - 1]
                    } else {
                        candidates[0]
                    };
                    label = EntityLabel::Per;
                    (texts[best].clone(), Some(EntityLabel::Per))
                }
                None => (text.to_owned(), Some(label)),
            }
        } else {
            (text.to_owned(), Some(label))
        };
        let cluster = *key_to_cluster.entry(key.clone()).or_insert_with(|| {
            clusters.push(Cluster {
                id: clusters.len(),
                name: key.0.clone(),
                label,
                mentions: Vec::new(),
                roles: Vec::new(),
            });
            clusters.len() - 1
        });
        let c = &mut clusters[cluster];
        c.mentions.push(entities.len());
        // The longest mention names the cluster and gives its label.
        if text.chars().count() > c.name.chars().count() && alias_group(&c.name).is_none() {
            c.name = text.to_owned();
            c.label = label;
        }
        for role in &m.roles {
            if !c.roles.contains(role) {
                c.roles.push(role.clone());
            }
        }
        entities.push(Entity {
            span: m.span,
            label,
            cluster,
        });
    }
    doc.entities = entities;
    doc.clusters = clusters;
}
