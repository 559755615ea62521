//! Training the NER tagger with `byline_learn`'s averaged structured perceptron: each
//! document is tagged left to right as inference does, so the prediction-history
//! features see the model's own earlier predictions; the best epoch on dev is kept.

use super::NerModel;
use super::features::{DocContext, sentence_features};
use super::labels::{allowed, spans};
use byline_learn::Decode;
use byline_learn::perceptron;
use byline_learn::{Features, TrainOptions};

/// One training document: sentences of words with their IOB2 tag ids.
#[derive(Clone)]
pub struct TrainDoc {
    /// Sentences as word lists.
    pub sentences: Vec<Vec<String>>,
    /// IOB2 tag ids, parallel to `sentences`.
    pub tags: Vec<Vec<usize>>,
}

/// Tags a document sentence by sentence, left to right, as inference does: `tag` gets
/// each sentence's features and gold tags and returns the predicted tags, which feed the
/// history features of the sentences after it.
fn walk(doc: &TrainDoc, bits: u32, training: bool, tag: &mut impl FnMut(&Features, &[usize]) -> Vec<usize>) {
    let mut context = if training {
        DocContext::for_training(&doc.sentences)
    } else {
        DocContext::new(&doc.sentences)
    };
    for (words, gold) in doc.sentences.iter().zip(&doc.tags) {
        let features = sentence_features(words, &context, bits);
        let pred = tag(&features, gold);
        context.record(words, &pred);
    }
}

/// Entity-level F1 (percent) of `model` on documents (on their own tokens).
pub fn evaluate(model: &NerModel, docs: &[TrainDoc]) -> f64 {
    let (mut correct, mut predicted, mut gold) = (0usize, 0usize, 0usize);
    for doc in docs {
        walk(doc, model.bits, false, &mut |features, tags| {
            let tagged = model.decode(features, allowed);
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

/// Trains a model; `report` receives one line per epoch (mistakes, dev F1).
pub fn train(train: &[TrainDoc], dev: &[TrainDoc], options: &TrainOptions, report: &mut dyn FnMut(String)) -> NerModel {
    let bits = options.bits;
    let score = |m: &NerModel| evaluate(m, dev);
    perceptron::train(
        train,
        options,
        |state, doc| {
            let mut mistakes = 0;
            walk(doc, bits, true, &mut |features, gold| {
                let pred = state.learn(features, gold, allowed);
                mistakes += usize::from(pred != gold);
                pred
            });
            mistakes
        },
        (!dev.is_empty()).then_some(&score as &dyn Fn(&NerModel) -> f64),
        &mut |epoch, mistakes, dev_f1| {
            report(format!(
                "epoch {epoch}: {mistakes} sentences with mistakes, dev F1 {dev_f1:.2}"
            ))
        },
    )
}
