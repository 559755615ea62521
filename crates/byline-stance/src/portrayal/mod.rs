//! How a sentence portrays a person or organisation it mentions (the NewsMTSC task):
//! a multinomial logistic regression over target-relative hashed features
//! ([`features`]), trained in pure Rust on NewsMTSC by [`train`] (`byline train
//! stance`), shipped in `model/portrayal.bin`. Its softmax is the entry's score.

pub mod features;
pub mod train;

use byline_core::{Document, Polarity, Span};
use byline_learn::{Decode, Model, Packed};
use std::sync::LazyLock;

/// Feature buckets: `2^BITS`.
pub const BITS: u32 = 19;
/// The magic bytes of the model file.
pub const MAGIC: &[u8; 8] = b"BYLPORT1";
/// The classes, in model order.
pub const CLASSES: [Polarity; 3] = [Polarity::Positive, Polarity::Neutral, Polarity::Negative];

/// A trained portrayal classifier, packed for scoring.
pub struct PortrayalModel {
    packed: Packed<3>,
}

impl PortrayalModel {
    /// Reads a model written by [`Model::to_bytes`] with [`MAGIC`].
    pub fn from_bytes(bytes: &[u8]) -> Result<Self, String> {
        let model = Model::<3>::from_bytes(bytes, MAGIC)?;
        Ok(Self::new(&model))
    }

    /// Packs a trained model.
    pub fn new(model: &Model<3>) -> Self {
        PortrayalModel {
            packed: Packed::new(model),
        }
    }

    /// A classifier for the mentions of `doc`.
    pub fn portrayer<'a>(&'a self, doc: &'a Document) -> Portrayer<'a> {
        Portrayer {
            model: self,
            doc,
            features: Vec::with_capacity(256),
            words: None,
        }
    }
}

/// The classifier bound to one document: it reads each sentence's words once for all
/// the mentions in it (mentions come in text order, so most share the last one read).
pub struct Portrayer<'a> {
    model: &'a PortrayalModel,
    doc: &'a Document,
    features: Vec<u32>,
    words: Option<features::SentenceWords>,
}

impl Portrayer<'_> {
    /// The class probabilities of `target` (positive, neutral, negative).
    pub fn probabilities(&mut self, target: Span) -> [f32; 3] {
        let bits = self.model.packed.bits;
        self.features.clear();
        match self.doc.sentence_at(target.start) {
            Some(s) => {
                if self.words.as_ref().is_none_or(|w| w.sentence != s) {
                    self.words = Some(features::SentenceWords::new(self.doc, s));
                }
                let words = self.words.as_ref().expect("just set");
                features::features_in(self.doc, words, target, bits, &mut self.features);
            }
            None => features::target_features(self.doc, target, bits, &mut self.features),
        }
        let mut scores = [0.0f32; 3];
        self.model.packed.emissions(&self.features, &mut scores);
        softmax(scores)
    }

    /// The most probable polarity of `target` and its probability.
    pub fn classify(&mut self, target: Span) -> (Polarity, f64) {
        let p = self.probabilities(target);
        let best = (0..3).fold(0, |b, k| if p[k] > p[b] { k } else { b });
        // Three decimals: the JSON output stays short and stable across platforms.
        (CLASSES[best], (f64::from(p[best]) * 1000.0).round() / 1000.0)
    }
}

/// Softmax of three scores.
pub fn softmax(scores: [f32; 3]) -> [f32; 3] {
    let max = scores.iter().copied().fold(f32::NEG_INFINITY, f32::max);
    let e = scores.map(|s| (s - max).exp());
    let sum: f32 = e.iter().sum();
    e.map(|x| x / sum)
}

static SHIPPED: LazyLock<PortrayalModel> = LazyLock::new(|| {
    PortrayalModel::from_bytes(include_bytes!("../../model/portrayal.bin"))
        .expect("the shipped portrayal model is readable (a test checks it)")
});

/// The model trained on NewsMTSC that ships with the crate.
pub fn shipped() -> &'static PortrayalModel {
    &SHIPPED
}

#[cfg(test)]
mod tests {
    use byline_core::{Article, Document};

    #[test]
    fn the_shipped_model_reads_and_scores() {
        let text = "Critics slammed Senator Smith for the failed plan.";
        let doc = Document::new(Article::new("t", text).with_char_targets(&[(24, 29)]).unwrap());
        let p = super::shipped().portrayer(&doc).probabilities(doc.targets[0]);
        assert!((p.iter().sum::<f32>() - 1.0).abs() < 1e-4);
        assert!(p.iter().all(|x| (0.0..=1.0).contains(x)));
    }
}
