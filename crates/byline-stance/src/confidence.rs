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

/// Stated stances: PLACEHOLDER.
const STATED: f64 = 0.8;
/// Other predicates: PLACEHOLDER.
const PREDICATE: f64 = 0.3;
/// Conduct verbs in quotes: 7 of 14 right ((7 + 1) / (14 + 2)).
const CONDUCT: f64 = 0.5;
/// Quote portrayals: 8 of 30 right ((8 + 1) / (30 + 2)).
const PORTRAYAL: f64 = 0.28;
