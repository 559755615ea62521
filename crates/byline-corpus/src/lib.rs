//! byline's corpus layer: across many articles' `byline extract` output, one identity
//! per person or organisation, and each quote's provenance — where it first appeared, who
//! carried it, who changed its words.
//!
//! Steps, each visited once:
//! 1. `read`: the extract records, streaming, only the fields linking needs;
//! 2. `identities`: every PER/ORG cluster linked to a corpus identity;
//! 3. `quotes`: quote occurrences grouped into statements (fingerprints, then word
//!    alignment), each occurrence placed against its group's canonical text;
//! 4. `tables`: the four tables (identities, entity links, quotes, occurrences) and a
//!    summary, written as CSV by [`Linked::write`].
//!
//! Memory is bounded by the number of clusters and quotes, never by article text; 1 and
//! N threads give the same output.
#![warn(missing_docs)]

mod align;
mod identities;
mod names;
mod namesakes;
mod quotes;
mod read;
pub mod report;
pub mod score;
mod tables;
mod words;

pub use read::{Label, Source, slim_record};
pub use tables::{
    ENTITY_LINK_COLUMNS, EntityLinkRow, IDENTITY_COLUMNS, IdentityRow, OCCURRENCE_COLUMNS, OccurrenceRow,
    QUOTE_COLUMNS, QuoteRow, Summary, read_csv,
};

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

/// Options of [`link`].
#[derive(Clone, Debug)]
pub struct LinkOptions {
    /// The `meta` key (a `byline extract --keep` field) naming an occurrence's source.
    pub source_field: String,
}

impl Default for LinkOptions {
    fn default() -> Self {
        LinkOptions {
            source_field: "source".to_string(),
        }
    }
}

/// Warnings by kind: the first [`Warnings::KEPT`] messages of each kind, and counts.
#[derive(Clone, Debug, Default)]
pub struct Warnings {
    /// Kind → (count, first messages).
    pub kinds: BTreeMap<&'static str, (usize, Vec<String>)>,
}

impl Warnings {
    /// Messages kept per kind (the rest are counted).
    pub const KEPT: usize = 20;

    pub(crate) fn push(&mut self, kind: &'static str, message: String) {
        let entry = self.kinds.entry(kind).or_default();
        entry.0 += 1;
        if entry.1.len() < Self::KEPT {
            entry.1.push(message);
        }
    }

    /// Every kept message, and a line per kind that had more.
    pub fn lines(&self) -> Vec<String> {
        let mut out = Vec::new();
        for (kind, (count, messages)) in &self.kinds {
            out.extend(messages.iter().cloned());
            if *count > messages.len() {
                out.push(format!("… and {} more warnings of kind {kind}", count - messages.len()));
            }
        }
        out
    }
}

/// The linked corpus: its four tables (rows made on demand) and a summary.
#[derive(Debug)]
pub struct Linked {
    tables: tables::Tables,
    /// Counts and warnings.
    pub summary: Summary,
}

/// Links the extract records of `inputs` (JSONL or JSONL.gz files; "-" is standard
/// input), read in order. Fails only when a file cannot be read; bad records are
/// warnings in the summary.
pub fn link(inputs: &[PathBuf], options: &LinkOptions) -> Result<Linked, String> {
    let sources: Vec<Source> = inputs.iter().cloned().map(Source::File).collect();
    link_sources(&sources, options)
}

/// Links extract records read from files or memory (see [`link`]).
pub fn link_sources(sources: &[Source], options: &LinkOptions) -> Result<Linked, String> {
    let mut warnings = Warnings::default();
    let input = read::read_inputs(sources, &options.source_field, &mut warnings)?;
    let identities = identities::link_identities(&input.articles, &input.clusters);
    let speakers = tables::speaker_identities(&input, &identities);
    let groups = quotes::group_quotes(&input.articles, &input.quotes, &speakers);
    let tables = tables::Tables::new(input, identities, speakers, groups);
    let summary = tables.summary(&warnings);
    Ok(Linked { tables, summary })
}

impl Linked {
    /// One row per identity, in order of first appearance.
    pub fn identities(&self) -> impl Iterator<Item = IdentityRow> + '_ {
        self.tables.identity_rows()
    }

    /// One row per PER/ORG cluster of every article, in input order.
    pub fn entity_links(&self) -> impl Iterator<Item = EntityLinkRow> + '_ {
        self.tables.entity_link_rows()
    }

    /// One row per quote group, in order of first occurrence in the input.
    pub fn quotes(&self) -> impl Iterator<Item = QuoteRow> + '_ {
        self.tables.quote_rows()
    }

    /// One row per quote of every article, in input order.
    pub fn occurrences(&self) -> impl Iterator<Item = OccurrenceRow> + '_ {
        self.tables.occurrence_rows()
    }

    /// Writes `identities.csv`, `entity_links.csv`, `quotes.csv`, `occurrences.csv` and
    /// `summary.json` into `dir` (made when missing).
    pub fn write(&self, dir: &Path) -> Result<(), String> {
        tables::write(self, dir)
    }
}
