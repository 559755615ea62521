//! Named entities for byline: PER / ORG / LOC / MISC mentions, grouped per article into
//! clusters with canonical names and roles.
//!
//! Mentions come from a trained sequence tagger (`tagger`: hashed features incl. word
//! clusters from unlabelled news and the article's own earlier predictions, averaged
//! structured perceptron, Viterbi over IOB2) whose weights ship in `model/ner.bin`;
//! where each name starts and ends and whether it is a person (`name_spans`); roles from
//! titles, role nouns and appositives (`mentions`); clusters from alias
//! groups, repeats and surnames (`cluster`); pronouns and descriptions linked to the
//! clusters (`coref`), written with the names as the `mentions` layer.

#![warn(missing_docs)]

mod cluster;
mod coref;
mod label_votes;
mod lexicon;
mod mentions;
mod name_spans;
mod names;
mod tagger;

pub use mentions::{Mention, find_mentions};
pub use tagger::PackedNerModel;

/// What `byline train ner` needs: the training documents, the trainer and its evaluation,
/// the tag scheme, the tokens the tagger reads and the model format.
pub mod train {
    pub use crate::mentions::tagger_tokens;
    pub use crate::tagger::labels::from_iob;
    pub use crate::tagger::train::{TrainDoc, evaluate, train};
    pub use crate::tagger::{MODEL_MAGIC, NerModel};
}

use byline_core::{Document, ExtractError, Extractor, Layer};
use std::sync::LazyLock;
use tagger::{MODEL_MAGIC, NerModel};

/// The shipped tagger, trained with `byline train ner` (see `model/README.md`).
static MODEL_BYTES: &[u8] = include_bytes!("../model/ner.bin");

/// Environment variable naming a tagger model file to use instead of the shipped one —
/// for cross-validation (`scripts/ner_cv.sh`); a file that cannot be read as a model is
/// reported on standard error and the shipped model is used.
pub const MODEL_OVERRIDE_VAR: &str = "BYLINE_NER_MODEL";

/// The shipped model (or the one [`MODEL_OVERRIDE_VAR`] names), decoded and packed once
/// and shared by every thread.
pub fn shipped_model() -> &'static PackedNerModel {
    static MODEL: LazyLock<PackedNerModel> = LazyLock::new(|| {
        let shipped = || {
            NerModel::from_bytes(MODEL_BYTES, MODEL_MAGIC).expect("the shipped NER model is valid (checked by a test)")
        };
        let model = match std::env::var_os(MODEL_OVERRIDE_VAR) {
            Some(path) => std::fs::read(&path)
                .map_err(|e| e.to_string())
                .and_then(|bytes| NerModel::from_bytes(&bytes, MODEL_MAGIC))
                .unwrap_or_else(|e| {
                    eprintln!(
                        "byline: {MODEL_OVERRIDE_VAR}={}: {e}; using the shipped model",
                        path.to_string_lossy()
                    );
                    shipped()
                }),
            None => shipped(),
        };
        PackedNerModel::new(&model)
    });
    &MODEL
}

/// The entities extractor: writes `entities` and `clusters`.
#[derive(Clone, Debug, Default)]
pub struct Entities;

impl Extractor for Entities {
    fn name(&self) -> &'static str {
        "entities"
    }

    fn provides(&self) -> &'static [Layer] {
        &[Layer::Entities, Layer::Clusters, Layer::Mentions]
    }

    fn uses(&self) -> &'static [Layer] {
        &[Layer::Syntax]
    }

    fn extract(&self, doc: &mut Document) -> Result<(), ExtractError> {
        let mentions = mentions::find_mentions(doc, shipped_model());
        cluster::build_clusters(doc, mentions);
        coref::link_mentions(doc);
        Ok(())
    }
}
