//! Training: an averaged structured perceptron (Collins 2002) over hashed features, with
//! the best epoch on development data kept. Deterministic: the shuffle uses a fixed-seed
//! xorshift generator, so the same data gives the same model.

use crate::features::Features;
use crate::model::{Decode, Model};

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

/// Averaging state: current weights, and the sum of each update times its timestamp.
pub struct Averaged<const N: usize> {
    /// The current (not averaged) weights, used to decode during training.
    pub model: Model<N>,
    weight_sums: Vec<f32>,
    transition_sums: Vec<f32>,
    step: f32,
}

impl<const N: usize> Averaged<N> {
    /// A zero model with `2^bits` buckets.
    pub fn new(bits: u32) -> Self {
        Averaged {
            model: Model::zeros(bits),
            weight_sums: vec![0.0; (1usize << bits) * N],
            transition_sums: vec![0.0; (N + 1) * N],
            step: 1.0,
        }
    }

    /// Adds `delta` to the weights of every (feature, tag) and transition of `tags`.
    pub fn update(&mut self, features: &Features, tags: &[usize], delta: f32) {
        let mut prev = N;
        for (f, &t) in features.tokens().zip(tags) {
            for &b in f {
                let i = b as usize * N + t;
                self.model.weights[i] += delta;
                self.weight_sums[i] += delta * self.step;
            }
            let j = prev * N + t;
            self.model.transitions[j] += delta;
            self.transition_sums[j] += delta * self.step;
            prev = t;
        }
    }

    /// One perceptron step on a sequence: decodes it with the current weights, moves
    /// the weights towards `gold` if the prediction differs, and returns the prediction.
    pub fn learn(
        &mut self,
        features: &Features,
        gold: &[usize],
        allowed: impl Fn(Option<usize>, usize) -> bool,
    ) -> Vec<usize> {
        let pred = self.model.decode(features, allowed);
        if pred != gold {
            self.update(features, gold, 1.0);
            self.update(features, &pred, -1.0);
        }
        self.step += 1.0;
        pred
    }

    /// The averaged weights.
    pub fn averaged(&self) -> Model<N> {
        let avg = |w: &[f32], s: &[f32]| w.iter().zip(s).map(|(w, s)| w - s / self.step).collect();
        Model {
            bits: self.model.bits,
            weights: avg(&self.model.weights, &self.weight_sums),
            transitions: avg(&self.model.transitions, &self.transition_sums),
        }
    }
}

/// Shuffles `order` in place (Fisher–Yates with xorshift64), advancing `rng`.
pub fn shuffle(order: &mut [usize], rng: &mut u64) {
    for i in (1..order.len()).rev() {
        *rng ^= *rng << 13;
        *rng ^= *rng >> 7;
        *rng ^= *rng << 17;
        order.swap(i, (*rng % (i as u64 + 1)) as usize);
    }
}

/// Trains over `docs` for `options.epochs` shuffled passes. `epoch(state, doc)` runs the
/// perceptron over one document (typically [`Averaged::learn`] per sequence) and returns
/// its number of mistaken sequences; `score` rates an averaged model on development data
/// (None: keep the last epoch); `report` gets `(epoch, mistakes, dev score)`. Returns
/// the averaged model of the best epoch.
pub fn train<const N: usize, D>(
    docs: &[D],
    options: &TrainOptions,
    mut epoch: impl FnMut(&mut Averaged<N>, &D) -> usize,
    score: Option<&dyn Fn(&Model<N>) -> f64>,
    report: &mut dyn FnMut(usize, usize, f64),
) -> Model<N> {
    let mut state = Averaged::new(options.bits);
    let mut order: Vec<usize> = (0..docs.len()).collect();
    let mut rng = options.seed.max(1);
    let mut best: Option<(f64, Model<N>)> = None;
    for e in 1..=options.epochs {
        shuffle(&mut order, &mut rng);
        let mistakes: usize = order.iter().map(|&k| epoch(&mut state, &docs[k])).sum();
        let averaged = state.averaged();
        let dev = score.map_or(0.0, |f| f(&averaged));
        report(e, mistakes, dev);
        if score.is_none() || best.as_ref().is_none_or(|(b, _)| dev > *b) {
            best = Some((dev, averaged));
        }
    }
    best.map(|(_, m)| m).unwrap_or_else(|| Model::zeros(options.bits))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn learns_a_separable_toy_task() {
        // Tag 1 for tokens with feature 7, tag 0 for feature 3.
        let docs = vec![
            (Features::from_tokens(&[vec![7], vec![3], vec![7]]), vec![1, 0, 1]),
            (Features::from_tokens(&[vec![3], vec![3]]), vec![0, 0]),
        ];
        let any = |_: Option<usize>, _: usize| true;
        let options = TrainOptions {
            bits: 8,
            epochs: 5,
            seed: 3,
        };
        let model: Model<2> = train(
            &docs,
            &options,
            |state, (f, gold)| usize::from(&state.learn(f, gold, any) != gold),
            None,
            &mut |_, _, _| {},
        );
        assert_eq!(
            model.decode(&Features::from_tokens(&[vec![3], vec![7]]), any),
            vec![0, 1]
        );
    }
}
