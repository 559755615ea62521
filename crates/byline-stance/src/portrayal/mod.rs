//! How a sentence portrays a person or organisation it mentions (the NewsMTSC task):
//! a multinomial logistic regression over target-relative hashed features
//! ([`features`]), trained in pure Rust on NewsMTSC by [`train`] (`byline train
//! stance`), shipped in `model/portrayal.bin`. Its softmax is the entry's score. A
//! second model (`model/portrayal_parsed.bin`, `byline train stance --syntax`) adds
//! features read from the dependency parse ([`tree`]) and serves documents with a
//! syntax layer.

pub mod features;
pub mod train;
mod tree;

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
    parsed: bool,
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
            parsed: false,
        }
    }

    /// The same model, marked as trained with the parse's features: its portrayer adds
    /// them on documents with a syntax layer.
    pub fn reading_the_parse(mut self) -> Self {
        self.parsed = true;
        self
    }

    /// A classifier for the mentions of `doc`.
    pub fn portrayer<'a>(&'a self, doc: &'a Document) -> Portrayer<'a> {
        Portrayer {
            model: self,
            reader: FeatureReader::new(doc, self.parsed),
        }
    }
}

/// Reads the features of a document's mentions: each sentence's words once for all the
/// mentions in it (mentions come in text order, so most share the last one read), and
/// the parse once per document when the features include it.
pub struct FeatureReader<'a> {
    doc: &'a Document,
    features: Vec<u32>,
    words: Option<features::SentenceWords>,
    tree: Option<tree::TreeView<'a>>,
}

impl<'a> FeatureReader<'a> {
    /// A reader of `doc`; with `parsed`, the parse's features are added when `doc` has
    /// a syntax layer.
    pub fn new(doc: &'a Document, parsed: bool) -> Self {
        FeatureReader {
            doc,
            features: Vec::with_capacity(256),
            words: None,
            tree: (parsed && !doc.syntax.words.is_empty()).then(|| tree::TreeView::new(doc)),
        }
    }

    /// The feature buckets (of `2^bits`) of the mention `target`.
    pub fn features(&mut self, target: Span, bits: u32) -> &[u32] {
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
        if let Some(tree) = &self.tree {
            tree.features(target, bits, &mut self.features);
        }
        &self.features
    }
}

/// The classifier bound to one document.
pub struct Portrayer<'a> {
    model: &'a PortrayalModel,
    reader: FeatureReader<'a>,
}

impl Portrayer<'_> {
    /// The class probabilities of `target` (positive, neutral, negative).
    pub fn probabilities(&mut self, target: Span) -> [f32; 3] {
        let features = self.reader.features(target, self.model.packed.bits);
        let mut scores = [0.0f32; 3];
        self.model.packed.emissions(features, &mut scores);
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

static SHIPPED_PARSED: LazyLock<PortrayalModel> = LazyLock::new(|| {
    PortrayalModel::from_bytes(include_bytes!("../../model/portrayal_parsed.bin"))
        .expect("the shipped parsed portrayal model is readable (a test checks it)")
        .reading_the_parse()
});

/// The model for `doc`: the one trained with the parse's features when `doc` has a
/// syntax layer, the word-order one otherwise.
pub fn shipped_for(doc: &Document) -> &'static PortrayalModel {
    if doc.syntax.words.is_empty() {
        &SHIPPED
    } else {
        &SHIPPED_PARSED
    }
}

#[cfg(test)]
mod tests {
    use byline_core::{Article, Document};

    fn assert_distribution(p: [f32; 3]) {
        assert!((p.iter().sum::<f32>() - 1.0).abs() < 1e-4);
        assert!(p.iter().all(|x| (0.0..=1.0).contains(x)));
    }

    #[test]
    fn the_shipped_models_read_and_score() {
        let text = "Critics slammed Senator Smith for the failed plan.";
        let doc = Document::new(Article::new("t", text).with_char_targets(&[(24, 29)]).unwrap());
        assert!(!super::shipped_for(&doc).parsed);
        assert_distribution(super::shipped_for(&doc).portrayer(&doc).probabilities(doc.targets[0]));
    }

    #[test]
    fn a_parsed_document_gets_the_parsed_model_and_its_features() {
        use byline_core::{Deprel, Syntax, Upos, Word, Xpos};
        let text = "Critics slammed Smith.";
        let mut doc = Document::new(Article::new("t", text).with_char_targets(&[(16, 21)]).unwrap());
        // A hand-made parse: "slammed" is the root, "Critics" its subject, "Smith" its object.
        let word = |start: usize, end: usize, token: usize, lemma: &str, head: Option<usize>, deprel: &str| Word {
            span: byline_core::Span::new(start, end),
            token,
            upos: Upos::from_name("X").unwrap(),
            xpos: Xpos::from_name("XX").unwrap(),
            lemma: lemma.into(),
            head,
            deprel: Deprel::from_name(deprel).unwrap(),
        };
        doc.syntax = Syntax {
            words: vec![
                word(0, 7, 0, "critic", Some(1), "nsubj"),
                word(8, 15, 1, "slam", None, "root"),
                word(16, 21, 2, "Smith", Some(1), "obj"),
                word(21, 22, 3, ".", Some(1), "punct"),
            ],
            sentences: std::iter::once(0..4).collect(),
        };
        let model = super::shipped_for(&doc);
        assert!(model.parsed);
        let mut plain = super::FeatureReader::new(&doc, false);
        let without = plain.features(doc.targets[0], 19).len();
        let mut parsed = super::FeatureReader::new(&doc, true);
        assert!(parsed.features(doc.targets[0], 19).len() > without);
        assert_distribution(model.portrayer(&doc).probabilities(doc.targets[0]));
    }
}
