//! Stance for byline: holder → target → polarity with evidence, and how each PER/ORG
//! mention is portrayed (`target_sentiment`).
//!
//! Baseline: stance predicates from a hand-written lexicon, with the holder the
//! entity (or resolved pronoun, or quote speaker) before the predicate and the target
//! the entity or noun phrase after it; a negator just before the predicate flips it.
//! Target sentiment counts lexicon words in the mention's sentence. Scores are fixed
//! confidence levels of the rules, not calibrated probabilities; the stance issue
//! replaces both with a trained model.

pub mod lexicon;
pub mod portrayal;
pub mod predicates;
pub mod sentiment;
pub mod vader;

use byline_core::{Document, ExtractError, Extractor, Layer};

/// The stance extractor: writes `stances` and `target_sentiment`.
#[derive(Clone, Debug, Default)]
pub struct Stance;

impl Extractor for Stance {
    fn name(&self) -> &'static str {
        "stance"
    }

    fn provides(&self) -> &'static [Layer] {
        &[Layer::Stances, Layer::TargetSentiment]
    }

    fn needs(&self) -> &'static [Layer] {
        &[Layer::Entities, Layer::Clusters, Layer::Quotes]
    }

    fn extract(&self, doc: &mut Document) -> Result<(), ExtractError> {
        doc.stances = predicates::find_stances(doc);
        doc.target_sentiment = sentiment::portrayals(doc);
        Ok(())
    }
}
