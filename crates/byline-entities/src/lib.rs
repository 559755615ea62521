//! Named entities for byline: PER / ORG / LOC / MISC mentions, grouped per article into
//! clusters with canonical names and roles.
//!
//! This is the rule-based baseline: capitalised-run chunking with an abbreviation-aware
//! title splitter, hand-written word lists, and surname / alias clustering. The trained
//! sequence tagger (issue "Entities") replaces the labelling step behind the same
//! [`Entities`] extractor. Pronouns are not entity mentions here; the quotes extractor
//! resolves them to clusters.

pub mod cluster;
pub mod lexicon;
pub mod mentions;

use byline_core::{Document, ExtractError, Extractor, Layer};

/// The entities extractor: writes `entities` and `clusters`.
#[derive(Clone, Debug, Default)]
pub struct Entities;

impl Extractor for Entities {
    fn name(&self) -> &'static str {
        "entities"
    }

    fn provides(&self) -> &'static [Layer] {
        &[Layer::Entities, Layer::Clusters]
    }

    fn extract(&self, doc: &mut Document) -> Result<(), ExtractError> {
        let mentions = mentions::find_mentions(doc);
        cluster::build_clusters(doc, mentions);
        Ok(())
    }
}
