//! Training the portrayal classifier: multinomial logistic regression by AdaGrad
//! stochastic gradient descent with L2 shrinkage on the touched weights, over examples
//! shuffled by a fixed seed, so that retraining gives the same bytes.

use byline_learn::Model;
use byline_learn::perceptron::shuffle;

/// One training example: its feature buckets and its class (index into `CLASSES`).
#[derive(Clone, Debug)]
pub struct Example {
    /// Feature buckets.
    pub features: Vec<u32>,
    /// Gold class.
    pub class: usize,
}

/// Training settings.
#[derive(Clone, Copy, Debug)]
pub struct Options {
    /// Passes over the training data.
    pub epochs: usize,
    /// AdaGrad's base learning rate.
    pub rate: f32,
    /// L2 strength.
    pub l2: f32,
    /// Shuffling seed.
    pub seed: u64,
}

impl Default for Options {
    fn default() -> Self {
        Options {
            // Chosen by `byline train stance --folds 5 --epochs 20 --rate 0.005,0.01,0.02
            // --l2 0.0001,0.001` on NewsMTSC train (the parsed model: 14 epochs).
            epochs: 20,
            rate: 0.005,
            l2: 1e-4,
            seed: 17,
        }
    }
}

/// Trains a model over `2^bits` buckets; `after_epoch` sees each epoch's model.
pub fn train(
    examples: &[Example],
    bits: u32,
    options: Options,
    mut after_epoch: impl FnMut(usize, &Model<3>),
) -> Model<3> {
    let mut model = Model::<3>::zeros(bits);
    let mut squares = vec![1e-6f32; model.weights.len()];
    let mut order: Vec<usize> = (0..examples.len()).collect();
    let mut rng = options.seed;
    for epoch in 0..options.epochs {
        shuffle(&mut order, &mut rng);
        for &i in &order {
            let ex = &examples[i];
            let mut scores = [0.0f32; 3];
            for &f in &ex.features {
                let row = &model.weights[f as usize * 3..f as usize * 3 + 3];
                for k in 0..3 {
                    scores[k] += row[k];
                }
            }
            let p = super::softmax(scores);
            for &f in &ex.features {
                for (k, p_k) in p.iter().enumerate() {
                    let at = f as usize * 3 + k;
                    let gold = if k == ex.class { 1.0 } else { 0.0 };
                    let g = p_k - gold + options.l2 * model.weights[at];
                    squares[at] += g * g;
                    model.weights[at] -= options.rate * g / squares[at].sqrt();
                }
            }
        }
        after_epoch(epoch, &model);
    }
    model
}
