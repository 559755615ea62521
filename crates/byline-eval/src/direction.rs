//! Stance direction on the DSE format ("Who blames or endorses whom?", Park et al. 2021):
//! one sentence with two bracketed entities and a label, 0 none, 1 entity1 positive
//! towards entity2, 2 entity2 positive towards entity1, 3 and 4 the same negative. byline
//! runs on the sentence without brackets; its label is the highest-scoring stance whose
//! holder is one entity and whose target is the other (0 when there is none). Printed:
//! accuracy, per-label precision / recall / F1, macro-F1 over the four stance labels,
//! stance detection P/R/F1 (a stance found with the right direction and polarity), and
//! the precision of byline's stances by score, to check the scores against.

use crate::EvalError;
use byline::Pipeline;
use byline_core::{Document, Span};
use rayon::prelude::*;
use std::fmt::Write as _;
use std::path::Path;

/// One DSE item: the sentence without brackets, the two entity spans (bytes) and the label.
#[derive(Clone, Debug)]
pub struct Item {
    /// The sentence, brackets removed.
    pub text: String,
    /// Entity 1 and entity 2.
    pub entities: [Span; 2],
    /// 0–4.
    pub label: usize,
}

/// A column as the file's CSV-style quoting wrote it: `"…""…"` is `…"…`.
fn unquote(column: &str) -> String {
    match column.strip_prefix('"').and_then(|c| c.strip_suffix('"')) {
        Some(inner) => inner.replace("\"\"", "\""),
        None => column.to_owned(),
    }
}

/// Reads a DSE file (`sentence<TAB>entity1<TAB>entity2<TAB>label`).
pub fn read_gold(path: &Path) -> Result<Vec<Item>, EvalError> {
    let text = std::fs::read_to_string(path).map_err(|source| EvalError::Io {
        path: path.to_path_buf(),
        source,
    })?;
    let error = |line: usize, message: &str| EvalError::Format {
        path: path.to_path_buf(),
        line,
        message: message.to_owned(),
    };
    let mut items = Vec::new();
    for (i, line) in text.lines().enumerate() {
        if line.trim().is_empty() {
            continue;
        }
        let cols: Vec<&str> = line.split('\t').collect();
        let [sentence, e1, e2, label] = cols[..] else {
            return Err(error(i + 1, "expected four tab-separated columns"));
        };
        let (sentence, e1, e2) = (unquote(sentence), unquote(e1), unquote(e2));
        let label: usize = label
            .trim()
            .parse()
            .ok()
            .filter(|l| *l <= 4)
            .ok_or_else(|| error(i + 1, "label is not 0-4"))?;
        // The bracketed segments, in order, with their spans in the bracket-free text.
        let mut clean = String::with_capacity(sentence.len());
        let mut segments: Vec<(Span, String)> = Vec::new();
        let mut open: Option<usize> = None;
        for ch in sentence.chars() {
            match ch {
                '[' => open = Some(clean.len()),
                ']' => {
                    if let Some(start) = open.take() {
                        segments.push((Span::new(start, clean.len()), clean[start..].to_owned()));
                    }
                }
                _ => clean.push(ch),
            }
        }
        let find = |name: &str, skip: Option<Span>| {
            segments
                .iter()
                .find(|(span, text)| text.trim() == name.trim() && Some(*span) != skip)
                .map(|(span, _)| *span)
        };
        // By text; failing that (a bracket cut inside a quoted word), by order.
        let (a, b) = match (find(&e1, None), find(&e2, find(&e1, None))) {
            (Some(a), Some(b)) => (a, b),
            _ if segments.len() == 2 => (segments[0].0, segments[1].0),
            _ => return Err(error(i + 1, "the two entities are not bracketed in the sentence")),
        };
        items.push(Item {
            text: clean,
            entities: [a, b],
            label,
        });
    }
    Ok(items)
}

/// Whether `span` or any mention of `cluster` overlaps `entity`.
fn refers_to(doc: &Document, span: Option<Span>, cluster: Option<usize>, entity: Span) -> bool {
    span.is_some_and(|s| s.overlaps(entity))
        || cluster.is_some_and(|c| {
            doc.clusters[c]
                .mentions
                .iter()
                .any(|&m| doc.entities[m].span.overlaps(entity))
        })
}

/// byline's label for one item and the score of the stance behind it.
fn predict(item: &Item, pipeline: &Pipeline) -> (usize, f64) {
    let Ok(doc) = pipeline.process(byline::Article::new("dse", item.text.as_str())) else {
        return (0, 0.0);
    };
    let mut best = (0, 0.0);
    for s in &doc.stances {
        let positive = s.polarity == byline_core::Polarity::Positive;
        for (holder, target, forward) in [(0, 1, true), (1, 0, false)] {
            let holds = refers_to(&doc, None, s.holder.cluster, item.entities[holder])
                || (s.holder.cluster.is_none()
                    && item.entities[holder].slice(&item.text).contains(s.holder.name.as_str()));
            if holds && refers_to(&doc, Some(s.target.span), s.target.cluster, item.entities[target]) {
                let label = match (forward, positive) {
                    (true, true) => 1,
                    (false, true) => 2,
                    (true, false) => 3,
                    (false, false) => 4,
                };
                if s.score > best.1 {
                    best = (label, s.score);
                }
            }
        }
    }
    best
}

/// Scores stance direction on the DSE file `gold` and returns the report.
pub fn run(gold: &Path, pipeline: &Pipeline) -> Result<String, EvalError> {
    let items = read_gold(gold)?;
    let predicted: Vec<(usize, f64)> = items.par_iter().map(|item| predict(item, pipeline)).collect();
    let mut confusion = [[0usize; 5]; 5];
    for (item, (label, _)) in items.iter().zip(&predicted) {
        confusion[item.label][*label] += 1;
    }
    let div = |a: usize, b: usize| if b == 0 { 0.0 } else { a as f64 / b as f64 };
    let f1 = |p: f64, r: f64| if p + r == 0.0 { 0.0 } else { 2.0 * p * r / (p + r) };
    let prf = |p: f64, r: f64| format!("{:>7.2} {:>7.2} {:>7.2}", 100.0 * p, 100.0 * r, 100.0 * f1(p, r));
    let mut out = String::new();
    let n = items.len();
    let correct: usize = (0..5).map(|c| confusion[c][c]).sum();
    let _ = writeln!(out, "gold   : {}", gold.display());
    let _ = writeln!(out, "items {n}   accuracy {:.2}", 100.0 * div(correct, n));
    let _ = writeln!(
        out,
        "\n{:<28} {:>7} {:>7} {:>7} {:>8} {:>10}",
        "label", "P", "R", "F1", "support", "predicted"
    );
    let names = [
        "0 none",
        "1 entity1 positive to 2",
        "2 entity2 positive to 1",
        "3 entity1 negative to 2",
        "4 entity2 negative to 1",
    ];
    let mut stance_f1 = 0.0;
    for (c, name) in names.iter().enumerate() {
        let predicted_as: usize = (0..5).map(|g| confusion[g][c]).sum();
        let support: usize = confusion[c].iter().sum();
        let (p, r) = (div(confusion[c][c], predicted_as), div(confusion[c][c], support));
        if c > 0 {
            stance_f1 += f1(p, r) / 4.0;
        }
        let _ = writeln!(out, "{name:<28} {} {support:>8} {predicted_as:>10}", prf(p, r));
    }
    let found: usize = (1..5).map(|c| (0..5).map(|g| confusion[g][c]).sum::<usize>()).sum();
    let gold_stances: usize = (1..5).map(|g| confusion[g].iter().sum::<usize>()).sum();
    let right: usize = (1..5).map(|c| confusion[c][c]).sum();
    let (p, r) = (div(right, found), div(right, gold_stances));
    let _ = writeln!(out, "\nmacro-F1 over the four stance labels {:.2}", 100.0 * stance_f1);
    let _ = writeln!(
        out,
        "stance detection (direction and polarity right): P {:.2}  R {:.2}  F1 {:.2}  ({right} of {found} found, {gold_stances} in gold)",
        100.0 * p,
        100.0 * r,
        100.0 * f1(p, r)
    );
    let _ = writeln!(out, "\nprecision of byline's stances by score");
    let scored: Vec<(f64, bool)> = items
        .iter()
        .zip(&predicted)
        .filter(|(_, (label, _))| *label != 0)
        .map(|(item, (label, score))| (*score, item.label == *label))
        .collect();
    out.push_str(&crate::reliability::render(&scored, "stances"));
    Ok(out)
}
