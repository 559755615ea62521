//! Step 4: the tables a user reads — identities, entity links, quote groups and quote
//! occurrences — and the summary, written as CSV (the `csv` crate) and JSON.

use crate::align::Alignment;
use crate::identities::Identities;
use crate::quotes::Groups;
use crate::read::Input;
use crate::{Linked, Warnings};
use byline_learn::hash::{FastMap, FastSet};
use serde::{Deserialize, Serialize};
use std::path::Path;

/// One corpus identity (`identities.csv`).
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct IdentityRow {
    /// "I1", "I2" … in order of first appearance.
    pub identity_id: String,
    /// Its most frequent full form.
    pub name: String,
    /// PER or ORG.
    pub label: String,
    /// Texts of its name mentions, most frequent first, "|"-separated (at most 20).
    pub variants: String,
    /// Roles with counts, most frequent first: "President=12|Sen.=3" (at most 20).
    pub roles: String,
    /// Articles that name it.
    pub articles: u32,
    /// Quote occurrences it is the speaker of.
    pub quotes: u32,
    /// Distinct sources of the articles that name it.
    pub sources: u32,
    /// Earliest `published` of those articles (empty when none is dated).
    pub first_seen: String,
    /// Latest `published`.
    pub last_seen: String,
}

/// One PER/ORG cluster of one article and its identity (`entity_links.csv`).
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct EntityLinkRow {
    /// The extract record's id.
    pub article_id: String,
    /// The record's position in the input (0-based, across files): tells apart records
    /// that share an id.
    pub record: usize,
    /// Index into that record's `clusters`.
    pub cluster: u32,
    /// Its identity.
    pub identity_id: String,
    /// The cluster's name in the article.
    pub name: String,
    /// PER or ORG.
    pub label: String,
}

/// One quote group: the occurrences that are one statement (`quotes.csv`).
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct QuoteRow {
    /// "Q1", "Q2" … in order of first occurrence in the input.
    pub quote_id: String,
    /// The speaker's identity (empty when no occurrence's speaker was resolved).
    pub identity_id: String,
    /// The speaker identity's name.
    pub speaker: String,
    /// The canonical text: the longest occurrence's words.
    pub text: String,
    /// Occurrences.
    pub occurrences: u32,
    /// Distinct articles (records) it occurs in.
    pub articles: u32,
    /// Distinct sources that carried it.
    pub sources: u32,
    /// Occurrences whose words differ from the canonical text (not counting cuts).
    pub altered: u32,
    /// The article of its first appearance: the earliest `published`, ties by input order.
    pub first_article: String,
    /// That article's `published` (empty when undated).
    pub first_published: String,
    /// That article's source.
    pub first_source: String,
}

/// One quote of one article and its group (`occurrences.csv`).
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct OccurrenceRow {
    /// The extract record's id.
    pub article_id: String,
    /// The record's position in the input.
    pub record: usize,
    /// Index into that record's `quotes`.
    pub quote_index: u32,
    /// Its group.
    pub quote_id: String,
    /// Its own speaker's identity (empty when unresolved).
    pub identity_id: String,
    /// The article's `published`.
    pub published: String,
    /// The article's source.
    pub source: String,
    /// Whether its words differ from the canonical text (changed, dropped or added words;
    /// a cut alone is no alteration).
    pub altered: bool,
    /// How: `cut=N` (canonical words it leaves out at an end or an ellipsis),
    /// `changed="a"→"b"`, `dropped="w"`, `added="w"`, "; "-separated; empty when identical.
    pub changes: String,
    /// Words of the canonical text it leaves out at its ends or at an ellipsis.
    pub cut: u32,
    /// Words of the canonical text missing inside it.
    pub dropped: u32,
    /// Words it has that the canonical text lacks.
    pub added: u32,
    /// Words replaced.
    pub changed: u32,
}

/// Counts and warnings of a run (`summary.json`).
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Summary {
    /// Input lines read as extract records (error records included).
    pub records: usize,
    /// Records linked (without error).
    pub articles: usize,
    /// Error records (listed in `warnings`).
    pub error_records: usize,
    /// Lines that were no extract record.
    pub unreadable_lines: usize,
    /// Bytes of input JSON.
    pub input_bytes: u64,
    /// PER/ORG clusters and the identities they were linked to.
    pub clusters: usize,
    /// Identities.
    pub identities: usize,
    /// Quote occurrences and groups.
    pub occurrences: usize,
    /// Quote groups.
    pub quotes: usize,
    /// Candidate pairs of distinct copies (shared fingerprints) and those verified.
    pub candidate_pairs: usize,
    /// Pairs verified the same statement.
    pub verified_pairs: usize,
    /// Warnings by kind, with counts.
    pub warning_counts: std::collections::BTreeMap<String, usize>,
    /// The first warnings of each kind.
    pub warnings: Vec<String>,
}

/// Each quote occurrence's speaker identity.
pub(crate) fn speaker_identities(input: &Input, identities: &Identities) -> Vec<Option<u32>> {
    let mut at: FastMap<(u32, u32), u32> = FastMap::default();
    for (i, c) in input.clusters.iter().enumerate() {
        at.insert((c.article, c.cluster), identities.of_cluster[i]);
    }
    input
        .quotes
        .iter()
        .map(|q| q.speaker_cluster.and_then(|c| at.get(&(q.article, c)).copied()))
        .collect()
}

fn identity_id(i: u32) -> String {
    format!("I{}", i + 1)
}

fn joined(items: &[(String, u32)], with_counts: bool) -> String {
    let items = items.iter().take(20);
    if with_counts {
        items.map(|(s, n)| format!("{s}={n}")).collect::<Vec<_>>().join("|")
    } else {
        items.map(|(s, _)| s.as_str()).collect::<Vec<_>>().join("|")
    }
}

/// The linked corpus as the tables' rows are made from it.
#[derive(Debug)]
pub(crate) struct Tables {
    pub input: Input,
    pub identities: Identities,
    pub speakers: Vec<Option<u32>>,
    pub groups: Groups,
    /// Per identity: quote occurrences it spoke, distinct sources naming it.
    quoted: Vec<u32>,
    sources: Vec<u32>,
    /// Per group: altered occurrences.
    altered: Vec<u32>,
}

impl Tables {
    /// Sums up what the rows need beyond the linking itself.
    pub(crate) fn new(input: Input, identities: Identities, speakers: Vec<Option<u32>>, groups: Groups) -> Tables {
        let mut quoted = vec![0u32; identities.list.len()];
        for s in speakers.iter().flatten() {
            quoted[*s as usize] += 1;
        }
        let mut source_ids: FastMap<&str, u32> = FastMap::default();
        let mut named_by: FastSet<(u32, u32)> = FastSet::default();
        for (c, &id) in input.clusters.iter().zip(&identities.of_cluster) {
            if let Some(s) = &input.articles[c.article as usize].source {
                let next = source_ids.len() as u32;
                let s = *source_ids.entry(s.as_str()).or_insert(next);
                named_by.insert((id, s));
            }
        }
        let mut sources = vec![0u32; identities.list.len()];
        for (id, _) in &named_by {
            sources[*id as usize] += 1;
        }
        drop(named_by);
        drop(source_ids);
        let mut altered = vec![0u32; groups.groups.len()];
        for p in &groups.placed {
            if p.changes.as_ref().is_some_and(|a| a.edits() > 0) {
                altered[p.group as usize] += 1;
            }
        }
        Tables {
            input,
            identities,
            speakers,
            groups,
            quoted,
            sources,
            altered,
        }
    }

    fn date(&self, a: u32) -> String {
        self.input.articles[a as usize]
            .published
            .map(|d| d.to_string())
            .unwrap_or_default()
    }

    fn source(&self, a: u32) -> String {
        self.input.articles[a as usize].source.clone().unwrap_or_default()
    }

    /// `identities.csv`'s rows.
    pub(crate) fn identity_rows(&self) -> impl Iterator<Item = IdentityRow> + '_ {
        self.identities.list.iter().enumerate().map(|(i, id)| IdentityRow {
            identity_id: identity_id(i as u32),
            name: id.name.clone(),
            label: id.label.as_str().to_string(),
            variants: joined(&id.variants, false),
            roles: joined(&id.roles, true),
            articles: id.articles,
            quotes: self.quoted[i],
            sources: self.sources[i],
            first_seen: id.first_seen.map(|d| d.to_string()).unwrap_or_default(),
            last_seen: id.last_seen.map(|d| d.to_string()).unwrap_or_default(),
        })
    }

    /// `entity_links.csv`'s rows.
    pub(crate) fn entity_link_rows(&self) -> impl Iterator<Item = EntityLinkRow> + '_ {
        self.input
            .clusters
            .iter()
            .zip(&self.identities.of_cluster)
            .map(|(c, &id)| {
                let article = &self.input.articles[c.article as usize];
                EntityLinkRow {
                    article_id: article.id.clone(),
                    record: article.record,
                    cluster: c.cluster,
                    identity_id: identity_id(id),
                    name: c.name.clone(),
                    label: c.label.as_str().to_string(),
                }
            })
    }

    /// `occurrences.csv`'s rows.
    pub(crate) fn occurrence_rows(&self) -> impl Iterator<Item = OccurrenceRow> + '_ {
        self.input
            .quotes
            .iter()
            .zip(&self.groups.placed)
            .zip(&self.speakers)
            .map(|((q, placed), speaker)| {
                let article = &self.input.articles[q.article as usize];
                let canonical =
                    &self.input.quotes[self.groups.groups[placed.group as usize].canonical as usize].content;
                let (changes, counts) = match &placed.changes {
                    Some(a) => (
                        describe(a, &q.content, canonical),
                        [a.cut, a.dropped_words, a.added_words, a.changed_words],
                    ),
                    None => (String::new(), [0; 4]),
                };
                OccurrenceRow {
                    article_id: article.id.clone(),
                    record: article.record,
                    quote_index: q.index,
                    quote_id: format!("Q{}", placed.group + 1),
                    identity_id: speaker.map(identity_id).unwrap_or_default(),
                    published: self.date(q.article),
                    source: self.source(q.article),
                    altered: counts[1] + counts[2] + counts[3] > 0,
                    changes,
                    cut: counts[0],
                    dropped: counts[1],
                    added: counts[2],
                    changed: counts[3],
                }
            })
    }

    /// `quotes.csv`'s rows.
    pub(crate) fn quote_rows(&self) -> impl Iterator<Item = QuoteRow> + '_ {
        self.groups.groups.iter().enumerate().map(|(g, group)| {
            let input = &self.input;
            let first = &input.quotes[group.first as usize];
            let mut articles: Vec<usize> = group
                .occurrences
                .iter()
                .map(|&o| input.quotes[o as usize].article as usize)
                .collect();
            articles.dedup();
            let mut outlets: Vec<&str> = articles
                .iter()
                .filter_map(|&a| input.articles[a].source.as_deref())
                .collect();
            outlets.sort_unstable();
            outlets.dedup();
            QuoteRow {
                quote_id: format!("Q{}", g + 1),
                identity_id: group.identity.map(identity_id).unwrap_or_default(),
                speaker: group
                    .identity
                    .map(|i| self.identities.list[i as usize].name.clone())
                    .unwrap_or_default(),
                text: input.quotes[group.canonical as usize].content.clone(),
                occurrences: group.occurrences.len() as u32,
                articles: articles.len() as u32,
                sources: outlets.len() as u32,
                altered: self.altered[g],
                first_article: input.articles[first.article as usize].id.clone(),
                first_published: self.date(first.article),
                first_source: self.source(first.article),
            }
        })
    }

    /// The run's counts and warnings.
    pub(crate) fn summary(&self, warnings: &Warnings) -> Summary {
        let input = &self.input;
        Summary {
            records: input.articles.len() + input.failed.len(),
            articles: input.articles.len(),
            error_records: input.failed.len(),
            unreadable_lines: input.unreadable,
            input_bytes: input.bytes,
            clusters: input.clusters.len(),
            identities: self.identities.list.len(),
            occurrences: input.quotes.len(),
            quotes: self.groups.groups.len(),
            candidate_pairs: self.groups.candidates,
            verified_pairs: self.groups.verified,
            warning_counts: warnings.kinds.iter().map(|(k, (n, _))| (k.to_string(), *n)).collect(),
            warnings: warnings.lines(),
        }
    }
}

/// `cut=N; changed="a"→"b"; dropped="w"; added="w"` (at most five of each kind).
fn describe(a: &Alignment, own: &str, canonical: &str) -> String {
    let text = |s: &str, r: (u32, u32)| s.get(r.0 as usize..r.1 as usize).unwrap_or("").to_string();
    let mut parts = Vec::new();
    if a.cut > 0 {
        parts.push(format!("cut={}", a.cut));
    }
    for (own_range, canonical_range) in a.changed.iter().take(5) {
        parts.push(format!(
            "changed={:?}→{:?}",
            text(canonical, *canonical_range),
            text(own, *own_range)
        ));
    }
    for r in a.dropped.iter().take(5) {
        parts.push(format!("dropped={:?}", text(canonical, *r)));
    }
    for r in a.added.iter().take(5) {
        parts.push(format!("added={:?}", text(own, *r)));
    }
    let more = a.changed.len().saturating_sub(5) + a.dropped.len().saturating_sub(5) + a.added.len().saturating_sub(5);
    if more > 0 {
        parts.push(format!("… {more} more"));
    }
    parts.join("; ")
}

/// Writes the tables and the summary into `dir`, row by row.
pub(crate) fn write(linked: &Linked, dir: &Path) -> Result<(), String> {
    std::fs::create_dir_all(dir).map_err(|e| format!("{}: {e}", dir.display()))?;
    let t = &linked.tables;
    write_csv(&dir.join("identities.csv"), IDENTITY_COLUMNS, t.identity_rows())?;
    write_csv(&dir.join("entity_links.csv"), ENTITY_LINK_COLUMNS, t.entity_link_rows())?;
    write_csv(&dir.join("quotes.csv"), QUOTE_COLUMNS, t.quote_rows())?;
    write_csv(&dir.join("occurrences.csv"), OCCURRENCE_COLUMNS, t.occurrence_rows())?;
    let path = dir.join("summary.json");
    let json = serde_json::to_string_pretty(&linked.summary).map_err(|e| e.to_string())?;
    std::fs::write(&path, json + "\n").map_err(|e| format!("{}: {e}", path.display()))
}

/// Column names of `identities.csv`, in order.
pub const IDENTITY_COLUMNS: &[&str] = &[
    "identity_id",
    "name",
    "label",
    "variants",
    "roles",
    "articles",
    "quotes",
    "sources",
    "first_seen",
    "last_seen",
];
/// Column names of `entity_links.csv`.
pub const ENTITY_LINK_COLUMNS: &[&str] = &["article_id", "record", "cluster", "identity_id", "name", "label"];
/// Column names of `quotes.csv`.
pub const QUOTE_COLUMNS: &[&str] = &[
    "quote_id",
    "identity_id",
    "speaker",
    "text",
    "occurrences",
    "articles",
    "sources",
    "altered",
    "first_article",
    "first_published",
    "first_source",
];
/// Column names of `occurrences.csv`.
pub const OCCURRENCE_COLUMNS: &[&str] = &[
    "article_id",
    "record",
    "quote_index",
    "quote_id",
    "identity_id",
    "published",
    "source",
    "altered",
    "changes",
    "cut",
    "dropped",
    "added",
    "changed",
];

/// Writes a header (also when there are no rows) and the rows.
fn write_csv<T: Serialize>(path: &Path, columns: &[&str], rows: impl Iterator<Item = T>) -> Result<(), String> {
    let err = |e: csv::Error| format!("{}: {e}", path.display());
    let mut w = csv::WriterBuilder::new()
        .has_headers(false)
        .from_path(path)
        .map_err(err)?;
    w.write_record(columns).map_err(err)?;
    for r in rows {
        w.serialize(&r).map_err(err)?;
    }
    w.flush().map_err(|e| format!("{}: {e}", path.display()))
}

/// Reads one table written by [`write`] (the report reads them back).
pub fn read_csv<T: for<'de> Deserialize<'de>>(path: &Path) -> Result<Vec<T>, String> {
    let err = |e: csv::Error| format!("{}: {e}", path.display());
    let mut r = csv::Reader::from_path(path).map_err(err)?;
    r.deserialize().map(|row| row.map_err(err)).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn header<T: Serialize + Default>() -> Vec<String> {
        let mut w = csv::Writer::from_writer(Vec::new());
        w.serialize(T::default()).unwrap();
        let text = String::from_utf8(w.into_inner().unwrap()).unwrap();
        text.lines().next().unwrap().split(',').map(str::to_string).collect()
    }

    #[test]
    fn the_header_written_is_the_rows_field_order() {
        assert_eq!(header::<IdentityRow>(), IDENTITY_COLUMNS);
        assert_eq!(header::<EntityLinkRow>(), ENTITY_LINK_COLUMNS);
        assert_eq!(header::<QuoteRow>(), QUOTE_COLUMNS);
        assert_eq!(header::<OccurrenceRow>(), OCCURRENCE_COLUMNS);
    }
}
