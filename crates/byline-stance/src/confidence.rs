//! How often a stance is right, by how it was found: the score every stance carries.
//!
//! No stance gold we may train on exists (SEESAW and DSE are evaluation only), so the
//! scores are the shares of right stances in a hand-judged sample of byline's own
//! output on corpus articles (`calibration/corpus_labels.tsv`: article ids, offsets and
//! labels, no text; `calibration/README.md` says how it was judged), add-one smoothed.
//! `byline eval direction` and `byline eval seesaw` print precision by score on the
//! evaluation sets, where the reliability is checked.

use crate::Basis;

/// The calibrated probability that a stance found by `basis` has the right holder,
/// target and polarity.
pub(crate) fn score(basis: Basis) -> f64 {
    match basis {
        Basis::Stated => STATED,
        Basis::Predicate => PREDICATE,
        Basis::Conduct => CONDUCT,
        Basis::Portrayal => PORTRAYAL,
    }
}

/// Stated stances: 42 of 50 right ((42 + 1) / (50 + 2); `calibration/stated_labels.tsv`,
/// judged on articles no rule was read off).
pub(crate) const STATED: f64 = 0.83;
/// Other predicates: 21 of 70 right ((21 + 1) / (70 + 2)).
const PREDICATE: f64 = 0.31;
/// Conduct verbs in quotes: 7 of 14 right ((7 + 1) / (14 + 2)).
const CONDUCT: f64 = 0.5;
/// Quote portrayals: 8 of 30 right ((8 + 1) / (30 + 2)).
const PORTRAYAL: f64 = 0.28;

#[cfg(test)]
mod tests {
    /// The stated score is the smoothed share right in its label file.
    #[test]
    fn stated_score_matches_its_labels() {
        let labels = include_str!("../calibration/stated_labels.tsv");
        let rights: Vec<u32> = labels
            .lines()
            .filter(|l| !l.starts_with('#') && !l.starts_with("id\t"))
            .map(|l| l.rsplit('\t').next().unwrap().parse().unwrap())
            .collect();
        let share = (rights.iter().sum::<u32>() as f64 + 1.0) / (rights.len() as f64 + 2.0);
        assert_eq!(rights.len(), 50);
        assert!((share - super::STATED).abs() < 0.005, "{share}");
    }
}
