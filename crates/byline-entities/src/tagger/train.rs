//! Training: an averaged structured perceptron (Collins 2002) over the hashed features,
//! with the best epoch on the development set kept. Deterministic: the shuffle uses a
//! fixed-seed generator, so the same data gives the same model.

use super::features::{DocContext, Features, sentence_features};
use super::labels::{N_TAGS, spans};
use super::model::Model;

/// One training document: sentences of words with their IOB2 tag ids.
pub struct TrainDoc {
    /// Sentences as word lists.
    pub sentences: Vec<Vec<String>>,
    /// IOB2 tag ids, parallel to `sentences`.
    pub tags: Vec<Vec<usize>>,
}

/// Training options.
#[derive(Clone, Debug)]
pub struct TrainOptions {
    /// Feature buckets are `2^bits`.
    pub bits: u32,
    /// Passes over the training data.
    pub epochs: usize,
    /// Seed of the shuffle.
    pub seed: u64,
}

impl Default for TrainOptions {
    fn default() -> Self {
        TrainOptions {
            bits: 18,
            epochs: 10,
            seed: 17,
        }
    }
}

/// Tags a document sentence by sentence, left to right, as inference does: `tag` gets
/// each sentence's features and gold tags and returns the predicted tags, which feed the
/// history features of the sentences after it.
fn walk(doc: &TrainDoc, bits: u32, tag: &mut impl FnMut(&Features, &[usize]) -> Vec<usize>) {
    let mut context = DocContext::new(&doc.sentences);
    for (words, gold) in doc.sentences.iter().zip(&doc.tags) {
        let features = sentence_features(words, &context, bits);
        let pred = tag(&features, gold);
        context.record(words, &pred);
    }
}

/// Entity-level F1 (percent) of `model` on documents (on their own tokens).
pub fn evaluate(model: &Model, docs: &[TrainDoc]) -> f64 {
    let (mut correct, mut predicted, mut gold) = (0usize, 0usize, 0usize);
    for doc in docs {
        walk(doc, model.bits, &mut |features, tags| {
            let tagged = model.decode(features);
            let pred = spans(&tagged);
            let truth = spans(tags);
            predicted += pred.len();
            gold += truth.len();
            correct += pred.iter().filter(|p| truth.contains(p)).count();
            tagged
        });
    }
    let p = correct as f64 / predicted.max(1) as f64;
    let r = correct as f64 / gold.max(1) as f64;
    if p + r == 0.0 { 0.0 } else { 200.0 * p * r / (p + r) }
}

/// Averaging state: current weights, and the sum of each update times its timestamp.
struct Averaged {
    model: Model,
    weight_sums: Vec<f32>,
    transition_sums: Vec<f32>,
    step: f32,
}

impl Averaged {
    fn update(&mut self, features: &Features, tags: &[usize], delta: f32) {
        let mut prev = N_TAGS;
        for (f, &t) in features.tokens().zip(tags) {
            for &b in f {
                let i = b as usize * N_TAGS + t;
                self.model.weights[i] += delta;
                self.weight_sums[i] += delta * self.step;
            }
            let j = prev * N_TAGS + t;
            self.model.transitions[j] += delta;
            self.transition_sums[j] += delta * self.step;
            prev = t;
        }
    }

    fn averaged(&self) -> Model {
        let avg = |w: &[f32], s: &[f32]| w.iter().zip(s).map(|(w, s)| w - s / self.step).collect();
        Model {
            bits: self.model.bits,
            weights: avg(&self.model.weights, &self.weight_sums),
            transitions: avg(&self.model.transitions, &self.transition_sums),
        }
    }
}

/// Trains a model; `report` receives `(epoch, train F1 on errors seen, dev F1)` lines.
pub fn train(train: &[TrainDoc], dev: &[TrainDoc], options: &TrainOptions, report: &mut dyn FnMut(String)) -> Model {
    let mut state = Averaged {
        model: Model::zeros(options.bits),
        weight_sums: vec![0.0; (1usize << options.bits) * N_TAGS],
        transition_sums: vec![0.0; (N_TAGS + 1) * N_TAGS],
        step: 1.0,
    };
    let mut order: Vec<usize> = (0..train.len()).collect();
    let mut rng = options.seed.max(1);
    let mut best: Option<(f64, Model)> = None;
    for epoch in 1..=options.epochs {
        // Fisher–Yates with xorshift64.
        for i in (1..order.len()).rev() {
            rng ^= rng << 13;
            rng ^= rng >> 7;
            rng ^= rng << 17;
            order.swap(i, (rng % (i as u64 + 1)) as usize);
        }
        let mut mistakes = 0usize;
        for &k in &order {
            walk(&train[k], options.bits, &mut |features, tags| {
                let pred = state.model.decode(features);
                if pred != tags {
                    mistakes += 1;
                    state.update(features, tags, 1.0);
                    state.update(features, &pred, -1.0);
                }
                state.step += 1.0;
                pred
            });
        }
        let averaged = state.averaged();
        let dev_f1 = if dev.is_empty() { 0.0 } else { evaluate(&averaged, dev) };
        report(format!(
            "epoch {epoch}: {mistakes} sentences with mistakes, dev F1 {dev_f1:.2}"
        ));
        if best.as_ref().is_none_or(|(b, _)| dev_f1 > *b) || dev.is_empty() {
            best = Some((dev_f1, averaged));
        }
    }
    best.map(|(_, m)| m).unwrap_or_else(|| Model::zeros(options.bits))
}
