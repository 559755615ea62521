//! Binary logistic regression over sparse binary features, for calibrated scores: a
//! probability that an extracted item is right, fitted by full-batch gradient descent
//! with an L2 penalty (deterministic; a few thousand examples fit in milliseconds).

/// The logistic function.
pub fn sigmoid(x: f64) -> f64 {
    1.0 / (1.0 + (-x).exp())
}

/// One training example: the indices of its active features and whether it is right.
pub type Example = (Vec<usize>, bool);

/// Weights for `features` feature indices fitted to `examples`: minimises the mean
/// log-loss plus `l2 / 2 × |w|²` (index 0, if used as a bias, is penalised too: keep
/// `l2` small) over `iterations` steps of Adagrad.
pub fn fit_logistic(examples: &[Example], features: usize, l2: f64, iterations: usize) -> Vec<f64> {
    let mut w = vec![0.0f64; features];
    let mut history = vec![1e-8f64; features];
    let mut gradient = vec![0.0f64; features];
    let n = examples.len().max(1) as f64;
    for _ in 0..iterations {
        gradient.iter_mut().zip(&w).for_each(|(g, w)| *g = l2 * w);
        for (active, right) in examples {
            let z: f64 = active.iter().map(|&f| w[f]).sum();
            let error = (sigmoid(z) - f64::from(u8::from(*right))) / n;
            for &f in active {
                gradient[f] += error;
            }
        }
        for ((w, g), h) in w.iter_mut().zip(&gradient).zip(&mut history) {
            *h += g * g;
            *w -= 0.5 * g / h.sqrt();
        }
    }
    w
}

/// Weights for `features` feature indices fitted to `examples` by stochastic gradient
/// descent: `epochs` shuffled passes (fixed seed, so deterministic) with a step of
/// `0.5 / (1 + epoch)`, each example's gradient plus `l2 × w` on its active
/// features. For many examples (a hundred thousand and more), where full-batch steps
/// are slow to converge.
pub fn fit_logistic_sgd(examples: &[Example], features: usize, l2: f64, epochs: usize) -> Vec<f64> {
    let mut w = vec![0.0f64; features];
    let mut order: Vec<usize> = (0..examples.len()).collect();
    let mut rng = 0x9e37_79b9_7f4a_7c15u64;
    for epoch in 0..epochs {
        crate::perceptron::shuffle(&mut order, &mut rng);
        let step = 0.5 / (1.0 + epoch as f64);
        for &i in &order {
            let (active, right) = &examples[i];
            let z: f64 = active.iter().map(|&f| w[f]).sum();
            let error = sigmoid(z) - f64::from(u8::from(*right));
            for &f in active {
                w[f] -= step * (error + l2 * w[f]);
            }
        }
    }
    w
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn recovers_the_rates_of_a_feature() {
        // Feature 1 is right 3 times in 4, feature 2 once in 4; 0 is the bias.
        let mut examples = Vec::new();
        for k in 0..400 {
            examples.push((vec![0, 1], k % 4 != 0));
            examples.push((vec![0, 2], k % 4 == 0));
        }
        let w = fit_logistic(&examples, 3, 0.0, 2000);
        let p1 = sigmoid(w[0] + w[1]);
        let p2 = sigmoid(w[0] + w[2]);
        assert!((p1 - 0.75).abs() < 0.02 && (p2 - 0.25).abs() < 0.02, "{p1} {p2}");
        let w = fit_logistic_sgd(&examples, 3, 0.0, 40);
        let p1 = sigmoid(w[0] + w[1]);
        let p2 = sigmoid(w[0] + w[2]);
        assert!((p1 - 0.75).abs() < 0.05 && (p2 - 0.25).abs() < 0.05, "sgd: {p1} {p2}");
    }
}
