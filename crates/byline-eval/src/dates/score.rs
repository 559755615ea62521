//! The TIMEX3 scoring of `../shared/eval/eval_timex.py`: one-to-one matching per
//! document (exact extents first, then the largest character overlap), strict and
//! relaxed P/R/F1, type and value accuracy on relaxed matches, TempEval-3 type and value
//! F1 (accuracy × relaxed F1), strict+value F1 and a per-gold-type table.

use std::collections::{BTreeMap, HashMap};
use std::fmt::Write as _;

/// One temporal expression: code-point extent, TIMEX3 type and value.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Timex {
    /// First code point.
    pub start: usize,
    /// One past the last code point.
    pub end: usize,
    /// DATE, TIME, DURATION or SET (as written; compared as strings).
    pub kind: String,
    /// TIMEX3 value.
    pub value: String,
}

/// One-to-one pairs `(gold, system, exact)`: exact extents first (system order, first
/// free gold), then overlapping pairs by largest overlap, then smallest start distance.
pub fn pairs(gold: &[Timex], system: &[Timex]) -> Vec<(usize, usize, bool)> {
    let mut used_g = vec![false; gold.len()];
    let mut used_s = vec![false; system.len()];
    let mut out = Vec::new();
    let mut by_span: HashMap<(usize, usize), Vec<usize>> = HashMap::new();
    for (gi, g) in gold.iter().enumerate() {
        by_span.entry((g.start, g.end)).or_default().push(gi);
    }
    for (si, s) in system.iter().enumerate() {
        let free = by_span
            .get(&(s.start, s.end))
            .and_then(|c| c.iter().copied().find(|&gi| !used_g[gi]));
        if let Some(gi) = free {
            used_g[gi] = true;
            used_s[si] = true;
            out.push((gi, si, true));
        }
    }
    let mut overlaps = Vec::new();
    for (gi, g) in gold.iter().enumerate().filter(|(gi, _)| !used_g[*gi]) {
        for (si, s) in system.iter().enumerate().filter(|(si, _)| !used_s[*si]) {
            let ov = g.end.min(s.end) as isize - g.start.max(s.start) as isize;
            if ov > 0 {
                overlaps.push((-ov, g.start.abs_diff(s.start), gi, si));
            }
        }
    }
    overlaps.sort_unstable();
    for (_, _, gi, si) in overlaps {
        if !used_g[gi] && !used_s[si] {
            used_g[gi] = true;
            used_s[si] = true;
            out.push((gi, si, false));
        }
    }
    out
}

#[derive(Clone, Debug, Default)]
struct TypeCounts {
    gold: usize,
    system: usize,
    relaxed: usize,
    strict: usize,
    type_ok: usize,
    value_ok: usize,
}

/// Counts over all documents.
#[derive(Clone, Debug, Default)]
pub struct Totals {
    gold: usize,
    system: usize,
    strict: usize,
    relaxed: usize,
    type_ok: usize,
    value_ok: usize,
    strict_value_ok: usize,
    per_type: BTreeMap<String, TypeCounts>,
}

fn ratio(a: usize, b: usize) -> Option<f64> {
    (b > 0).then(|| a as f64 / b as f64)
}

fn prf(correct: usize, system: usize, gold: usize) -> (f64, f64, f64) {
    let p = ratio(correct, system).unwrap_or(0.0);
    let r = ratio(correct, gold).unwrap_or(0.0);
    let f = if p + r > 0.0 { 2.0 * p * r / (p + r) } else { 0.0 };
    (p, r, f)
}

fn pct(x: Option<f64>) -> String {
    match x {
        Some(x) => format!("{:6.2}", 100.0 * x),
        None => "   -  ".to_owned(),
    }
}

impl Totals {
    /// Adds one document's gold and system timexes.
    pub fn add(&mut self, gold: &[Timex], system: &[Timex]) {
        let matched = pairs(gold, system);
        self.gold += gold.len();
        self.system += system.len();
        self.strict += matched.iter().filter(|p| p.2).count();
        self.relaxed += matched.len();
        for g in gold {
            self.per_type.entry(g.kind.clone()).or_default().gold += 1;
        }
        for s in system {
            self.per_type.entry(s.kind.clone()).or_default().system += 1;
        }
        for &(gi, si, exact) in &matched {
            let (g, s) = (&gold[gi], &system[si]);
            let t = self.per_type.entry(g.kind.clone()).or_default();
            t.relaxed += 1;
            t.strict += usize::from(exact);
            if g.kind == s.kind {
                self.type_ok += 1;
                t.type_ok += 1;
            }
            if g.value == s.value {
                self.value_ok += 1;
                t.value_ok += 1;
                self.strict_value_ok += usize::from(exact);
            }
        }
    }

    /// Relaxed-match value accuracy × relaxed F1 (the TempEval-3 ranking score), in 0..1.
    pub fn value_f1(&self) -> f64 {
        ratio(self.value_ok, self.relaxed).unwrap_or(0.0) * prf(self.relaxed, self.system, self.gold).2
    }

    /// Strict extent F1, in 0..1.
    pub fn strict_f1(&self) -> f64 {
        prf(self.strict, self.system, self.gold).2
    }

    /// The report `eval_timex.py score` prints for `documents` documents, `missing` of
    /// them without a system file.
    pub fn report(&self, documents: usize, missing: usize) -> String {
        let mut w = String::new();
        let _ = writeln!(w, "documents scored: {documents}  (system files missing for {missing})");
        let _ = writeln!(
            w,
            "gold TIMEX3: {}   system TIMEX3: {}   strict matches: {}   relaxed matches: {}\n",
            self.gold, self.system, self.strict, self.relaxed
        );
        let _ = writeln!(w, "                    P       R      F1");
        for (name, correct) in [
            ("strict", self.strict),
            ("relaxed", self.relaxed),
            ("strict_value", self.strict_value_ok),
        ] {
            let (p, r, f) = prf(correct, self.system, self.gold);
            let _ = writeln!(w, "{name:14}  {}  {}  {}", pct(Some(p)), pct(Some(r)), pct(Some(f)));
        }
        let relaxed_f1 = prf(self.relaxed, self.system, self.gold).2;
        let type_acc = ratio(self.type_ok, self.relaxed).unwrap_or(0.0);
        let value_acc = ratio(self.value_ok, self.relaxed).unwrap_or(0.0);
        let _ = writeln!(
            w,
            "\ntype accuracy (on relaxed matches):  {}   type F1:  {}",
            pct(Some(type_acc)),
            pct(Some(type_acc * relaxed_f1))
        );
        let _ = writeln!(
            w,
            "value accuracy (on relaxed matches): {}   value F1: {}   <- TempEval-3 Task A ranking score\n",
            pct(Some(value_acc)),
            pct(Some(value_acc * relaxed_f1))
        );
        let _ = writeln!(
            w,
            "by gold type   gold  system  relaxedR strictR typeAcc valueAcc valueR"
        );
        for (kind, c) in &self.per_type {
            let name = if kind.is_empty() { "(none)" } else { kind };
            let _ = writeln!(
                w,
                "{name:12} {:6} {:7}  {}  {} {}  {} {}",
                c.gold,
                c.system,
                pct(ratio(c.relaxed, c.gold)),
                pct(ratio(c.strict, c.gold)),
                pct(ratio(c.type_ok, c.relaxed)),
                pct(ratio(c.value_ok, c.relaxed)),
                pct(ratio(c.value_ok, c.gold)),
            );
        }
        w
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn t(start: usize, end: usize, value: &str) -> Timex {
        Timex {
            start,
            end,
            kind: "DATE".into(),
            value: value.into(),
        }
    }

    #[test]
    fn exact_pairs_first_then_largest_overlap() {
        let gold = [t(0, 5, "a"), t(10, 20, "b")];
        let system = [t(12, 20, "b"), t(0, 5, "x"), t(9, 11, "c")];
        assert_eq!(pairs(&gold, &system), vec![(0, 1, true), (1, 0, false)]);
        let mut totals = Totals::default();
        totals.add(&gold, &system);
        assert_eq!((totals.strict, totals.relaxed, totals.value_ok), (1, 2, 1));
    }
}
