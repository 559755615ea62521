//! Target sentiment on NewsMTSC JSONL, scored as `../shared/eval/eval_stance.py` does:
//! one example per target, predictions aligned by the target's `Input.gid`, accuracy,
//! macro-F1 over the three classes (F1m), F1 over positive and negative (F1pn), average
//! recall, per-class precision / recall / F1 and the confusion matrix. A gold example
//! with no prediction counts as wrong.

use crate::{EvalError, EvalOptions};
use byline::Pipeline;
use rayon::prelude::*;
use serde_json::Value;
use std::collections::HashMap;
use std::fmt::Write as _;
use std::path::Path;

/// The three classes, in report order.
pub const LABELS: [&str; 3] = ["positive", "neutral", "negative"];

/// One gold target: its id, code-point span in the sentence, mention and class.
#[derive(Clone, Debug)]
pub struct GoldTarget {
    /// The target's `Input.gid`.
    pub id: String,
    /// Code-point start in the sentence.
    pub from: usize,
    /// Code-point end (exclusive).
    pub to: usize,
    /// The mention's text.
    pub mention: String,
    /// Index into [`LABELS`].
    pub label: usize,
}

/// One gold sentence with its targets.
#[derive(Clone, Debug)]
pub struct GoldSentence {
    /// The sentence (`sentence_normalized`).
    pub text: String,
    /// Its targets.
    pub targets: Vec<GoldTarget>,
}

fn format_error(path: &Path, line: usize, message: impl Into<String>) -> EvalError {
    EvalError::Format {
        path: path.to_path_buf(),
        line,
        message: message.into(),
    }
}

/// A polarity code of NewsMTSC (2/4/6), of the flattened layout (-1/0/1) or a label.
fn label_of(value: &Value) -> Option<usize> {
    if let Some(s) = value.as_str() {
        return LABELS.iter().position(|l| *l == s);
    }
    let v = value.as_f64()?;
    [(6.0, 0), (4.0, 1), (2.0, 2), (1.0, 0), (0.0, 1), (-1.0, 2)]
        .iter()
        .find(|(code, _)| *code == v)
        .map(|(_, label)| *label)
}

/// Reads a NewsMTSC gold file (or its flattened one-target-per-line layout).
pub fn read_gold(path: &Path) -> Result<Vec<GoldSentence>, EvalError> {
    let text = std::fs::read_to_string(path).map_err(|source| EvalError::Io {
        path: path.to_path_buf(),
        source,
    })?;
    let mut sentences = Vec::new();
    let mut seen = std::collections::HashSet::new();
    for (i, line) in text.lines().enumerate() {
        let n = i + 1;
        if line.trim().is_empty() {
            continue;
        }
        let obj: Value = serde_json::from_str(line).map_err(|e| format_error(path, n, format!("not JSON ({e})")))?;
        let target = |t: &Value| -> Result<GoldTarget, EvalError> {
            let id = t
                .get("Input.gid")
                .or(t.get("id"))
                .and_then(Value::as_str)
                .unwrap_or_default();
            if id.is_empty() {
                return Err(format_error(path, n, "gold example without an id"));
            }
            let label = t
                .get("polarity")
                .and_then(label_of)
                .ok_or_else(|| format_error(path, n, "unknown gold polarity"))?;
            let offset = |k: &str| t.get(k).and_then(Value::as_u64).map(|v| v as usize);
            let (Some(from), Some(to)) = (offset("from"), offset("to")) else {
                return Err(format_error(path, n, "target without from/to"));
            };
            Ok(GoldTarget {
                id: id.to_owned(),
                from,
                to,
                mention: t.get("mention").and_then(Value::as_str).unwrap_or_default().to_owned(),
                label,
            })
        };
        let sentence = if let Some(targets) = obj.get("targets").and_then(Value::as_array) {
            GoldSentence {
                text: obj
                    .get("sentence_normalized")
                    .and_then(Value::as_str)
                    .unwrap_or_default()
                    .to_owned(),
                targets: targets.iter().map(target).collect::<Result<_, _>>()?,
            }
        } else if obj.get("id").is_some() && obj.get("polarity").is_some() {
            GoldSentence {
                text: obj
                    .get("sentence")
                    .and_then(Value::as_str)
                    .unwrap_or_default()
                    .to_owned(),
                targets: vec![target(&obj)?],
            }
        } else {
            return Err(format_error(
                path,
                n,
                "neither a NewsMTSC sentence nor a flattened example",
            ));
        };
        for t in &sentence.targets {
            if !seen.insert(t.id.clone()) {
                return Err(format_error(path, n, format!("duplicate gold id {:?}", t.id)));
            }
        }
        sentences.push(sentence);
    }
    if sentences.is_empty() {
        return Err(format_error(path, 0, "no gold examples"));
    }
    Ok(sentences)
}

/// Reads system predictions `{"id", "polarity"}` per line.
pub fn read_system(path: &Path) -> Result<HashMap<String, usize>, EvalError> {
    let text = std::fs::read_to_string(path).map_err(|source| EvalError::Io {
        path: path.to_path_buf(),
        source,
    })?;
    let mut out = HashMap::new();
    for (i, line) in text.lines().enumerate() {
        if line.trim().is_empty() {
            continue;
        }
        let obj: Value =
            serde_json::from_str(line).map_err(|e| format_error(path, i + 1, format!("not JSON ({e})")))?;
        let (Some(id), Some(polarity)) = (obj.get("id").and_then(Value::as_str), obj.get("polarity")) else {
            return Err(format_error(path, i + 1, "each line needs \"id\" and \"polarity\""));
        };
        let label = polarity
            .as_str()
            .and_then(|p| LABELS.iter().position(|l| *l == p))
            .ok_or_else(|| {
                format_error(
                    path,
                    i + 1,
                    format!("polarity {polarity} is not one of positive, neutral, negative"),
                )
            })?;
        if out.insert(id.to_owned(), label).is_some() {
            return Err(format_error(path, i + 1, format!("second prediction for id {id:?}")));
        }
    }
    Ok(out)
}

/// byline's prediction for every gold target: each sentence is run as an article whose
/// `targets` are the gold spans; a target's polarity is its `target_sentiment` entry.
pub fn predict(sentences: &[GoldSentence], pipeline: &Pipeline) -> HashMap<String, (usize, f64)> {
    sentences
        .par_iter()
        .flat_map_iter(|s| {
            let spans: Vec<(usize, usize)> = s.targets.iter().map(|t| (t.from, t.to)).collect();
            let article = byline::Article::new("s", s.text.as_str()).with_char_targets(&spans);
            let mut labels = Vec::new();
            if let Ok(article) = article {
                if let Ok(doc) = pipeline.process(article) {
                    for (t, span) in s.targets.iter().zip(&doc.targets) {
                        let entry = doc.target_sentiment.iter().find(|e| e.span == *span);
                        if let Some(e) = entry {
                            labels.push((t.id.clone(), (polarity_index(e.polarity), e.score)));
                        }
                    }
                }
            }
            labels
        })
        .collect()
}

/// The index into [`LABELS`] of a polarity.
pub fn polarity_index(p: byline_core::Polarity) -> usize {
    match p {
        byline_core::Polarity::Positive => 0,
        byline_core::Polarity::Neutral => 1,
        byline_core::Polarity::Negative => 2,
    }
}

/// Precision, recall, F1, support and predicted count of each class from a confusion
/// matrix `[gold][predicted]` whose fourth column counts missing predictions (as the
/// reference scorer: a class never predicted has precision 0).
pub fn class_scores(confusion: &[[usize; 4]; 3]) -> Vec<(f64, f64, f64, usize, usize)> {
    let div = |a: f64, b: f64| if b == 0.0 { 0.0 } else { a / b };
    confusion
        .iter()
        .enumerate()
        .map(|(c, row)| {
            let tp = row[c] as f64;
            let predicted: usize = confusion.iter().map(|g| g[c]).sum();
            let support: usize = row.iter().sum();
            let (p, r) = (div(tp, predicted as f64), div(tp, support as f64));
            (p, r, div(2.0 * p * r, p + r), support, predicted)
        })
        .collect()
}

/// The scores of `system` against `gold`, printed like the reference scorer.
pub fn report(gold: &[GoldSentence], system: &HashMap<String, usize>, gold_path: &Path, system_name: &str) -> String {
    // confusion[gold][predicted], column 3 = missing.
    let mut confusion = [[0usize; 4]; 3];
    let mut ids = std::collections::HashSet::new();
    for t in gold.iter().flat_map(|s| &s.targets) {
        ids.insert(t.id.as_str());
        confusion[t.label][system.get(&t.id).copied().unwrap_or(3)] += 1;
    }
    let n: usize = confusion.iter().flatten().sum();
    let missing: usize = confusion.iter().map(|row| row[3]).sum();
    let extra = system.keys().filter(|k| !ids.contains(k.as_str())).count();
    let div = |a: f64, b: f64| if b == 0.0 { 0.0 } else { a / b };
    let per_class = class_scores(&confusion);
    let correct: usize = (0..3).map(|c| confusion[c][c]).sum();
    let pct = |x: f64| format!("{:6.2}", 100.0 * x);
    let mut out = String::new();
    let _ = writeln!(out, "gold   : {}", gold_path.display());
    let _ = writeln!(out, "system : {system_name}");
    let _ = writeln!(
        out,
        "examples {n}   missing predictions {missing}   predictions not in gold {extra}"
    );
    let _ = writeln!(out, "accuracy        {}", pct(div(correct as f64, n as f64)));
    let _ = writeln!(
        out,
        "F1m (macro, 3)  {}",
        pct(per_class.iter().map(|c| c.2).sum::<f64>() / 3.0)
    );
    let _ = writeln!(out, "F1pn (pos+neg)  {}", pct((per_class[0].2 + per_class[2].2) / 2.0));
    let _ = writeln!(
        out,
        "avg recall      {}",
        pct(per_class.iter().map(|c| c.1).sum::<f64>() / 3.0)
    );
    let _ = writeln!(out);
    let _ = writeln!(
        out,
        "{:<10} {:>7} {:>7} {:>7} {:>8} {:>10}",
        "class", "P", "R", "F1", "support", "predicted"
    );
    for (label, (p, r, f, support, predicted)) in LABELS.iter().zip(&per_class) {
        let _ = writeln!(
            out,
            "{label:<10} {} {} {} {support:>8} {predicted:>10}",
            pct(*p),
            pct(*r),
            pct(*f)
        );
    }
    let _ = writeln!(out);
    let _ = writeln!(out, "confusion (rows gold, columns predicted)");
    let columns = ["positive", "neutral", "negative", "missing"];
    let _ = writeln!(
        out,
        "{:<10}{}",
        "",
        columns.iter().map(|c| format!("{c:>10}")).collect::<String>()
    );
    for (g, row) in confusion.iter().enumerate() {
        let _ = writeln!(
            out,
            "{:<10}{}",
            LABELS[g],
            row.iter().map(|v| format!("{v:>10}")).collect::<String>()
        );
    }
    out
}

/// How well byline's scores are calibrated on NewsMTSC: is each scored target's label right.
fn calibration(gold: &[GoldSentence], scores: &HashMap<String, (usize, f64)>) -> String {
    let judged: Vec<(f64, bool)> = gold
        .iter()
        .flat_map(|s| &s.targets)
        .filter_map(|t| scores.get(&t.id).map(|&(label, score)| (score, label == t.label)))
        .collect();
    crate::reliability(&judged, "examples, mean score, accuracy")
}

/// Writes predictions as the reference scorer's system file.
fn write_system(path: &Path, gold: &[GoldSentence], system: &HashMap<String, usize>) -> Result<(), EvalError> {
    let mut out = String::new();
    for t in gold.iter().flat_map(|s| &s.targets) {
        if let Some(&label) = system.get(&t.id) {
            let line = serde_json::json!({"id": t.id, "polarity": LABELS[label]});
            out.push_str(&line.to_string());
            out.push('\n');
        }
    }
    std::fs::write(path, out).map_err(|source| EvalError::Io {
        path: path.to_path_buf(),
        source,
    })
}

/// Scores target sentiment on the NewsMTSC file `gold` and returns the report.
pub fn run(gold: &Path, options: &EvalOptions, pipeline: &Pipeline) -> Result<String, EvalError> {
    let sentences = read_gold(gold)?;
    let (system, scores, name) = match &options.system {
        Some(path) => (read_system(path)?, HashMap::new(), path.display().to_string()),
        None => {
            let predicted = predict(&sentences, pipeline);
            let labels = predicted.iter().map(|(id, (label, _))| (id.clone(), *label)).collect();
            (labels, predicted, "byline".to_owned())
        }
    };
    if let (Some(path), None) = (&options.predict, &options.system) {
        write_system(path, &sentences, &system)?;
    }
    let mut out = report(&sentences, &system, gold, &name);
    if options.calibration {
        out += &calibration(&sentences, &scores);
    }
    Ok(out)
}
