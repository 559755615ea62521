//! `byline eval quotes`: runs the pipeline (entities + quotes) on every gold article of a
//! PolNeAR JSONL file (or reads a system output file), then scores quote segments,
//! speakers and cues as `../shared/eval/eval_quotes.py` does ([`score`]), printing the
//! same report.

pub mod coverage;
pub mod score;
pub mod statements;

use crate::{EvalError, EvalOptions};
use byline::{Article, OutputRecord, Pipeline};
use score::{Totals, doc_segments, end_to_end_matches, score_document};
use serde_json::Value;
use std::collections::HashMap;
use std::fmt::Write as _;
use std::path::Path;

/// Reads JSONL documents (or one JSON object) keyed by id, in file order; a later
/// document with the same id replaces an earlier one, as in the reference scorer.
fn load_docs(path: &Path, text_file: Option<&Path>) -> Result<Vec<(String, Value)>, EvalError> {
    let raw = std::fs::read_to_string(path).map_err(|source| EvalError::Io {
        path: path.to_path_buf(),
        source,
    })?;
    let format_error = |line: usize, message: String| EvalError::Format {
        path: path.to_path_buf(),
        line,
        message,
    };
    let docs: Vec<Value> = match serde_json::from_str::<Value>(&raw) {
        Ok(whole @ Value::Object(_)) => vec![whole],
        _ => {
            let mut docs = Vec::new();
            for (n, line) in raw.lines().enumerate() {
                if line.trim().is_empty() {
                    continue;
                }
                let doc =
                    serde_json::from_str(line).map_err(|e| format_error(n + 1, format!("not valid JSON ({e})")))?;
                docs.push(doc);
            }
            docs
        }
    };
    let text = text_file
        .map(|t| {
            std::fs::read_to_string(t).map_err(|source| EvalError::Io {
                path: t.to_path_buf(),
                source,
            })
        })
        .transpose()?;
    let mut out: Vec<(String, Value)> = Vec::with_capacity(docs.len());
    let mut position: HashMap<String, usize> = HashMap::with_capacity(docs.len());
    for mut doc in docs {
        if let (Some(text), Some(obj)) = (&text, doc.as_object_mut()) {
            obj.entry("text").or_insert_with(|| Value::String(text.clone()));
        }
        let id = match doc.get("id") {
            Some(Value::String(s)) => s.clone(),
            Some(v @ Value::Number(_)) => v.to_string(),
            _ => return Err(format_error(0, "a document has no 'id'".into())),
        };
        match position.get(&id) {
            Some(&i) => out[i].1 = doc,
            None => {
                position.insert(id.clone(), out.len());
                out.push((id, doc));
            }
        }
    }
    Ok(out)
}

/// Runs `pipeline` over the gold articles and returns one output record per article.
fn predict(gold: &[(String, Value)], pipeline: &Pipeline) -> Vec<(String, Value)> {
    let articles: Vec<Article> = gold
        .iter()
        .map(|(id, doc)| {
            let text = doc.get("text").and_then(Value::as_str).unwrap_or_default();
            crate::article(id, text, doc.get("published").and_then(Value::as_str))
        })
        .collect();
    pipeline
        .process_batch(articles)
        .into_iter()
        .zip(gold)
        .map(|(result, (id, _))| {
            let record = match result {
                Ok(doc) => OutputRecord::from_document(&doc),
                Err(e) => OutputRecord::from_error(&e),
            };
            let value = serde_json::from_str(&record.to_json()).expect("our output is valid JSON");
            (id.clone(), value)
        })
        .collect()
}

/// Scores quotes on the gold JSONL at `gold` and returns the report.
pub fn run(gold: &Path, options: &EvalOptions, pipeline: &Pipeline) -> Result<String, EvalError> {
    let gold_docs = load_docs(gold, options.text.as_deref())?;
    let system = match &options.system {
        Some(path) => load_docs(path, None)?,
        None => predict(&gold_docs, pipeline),
    };
    if let Some(path) = &options.predict {
        let mut out = String::new();
        for (_, doc) in &system {
            out.push_str(&doc.to_string());
            out.push('\n');
        }
        std::fs::write(path, out).map_err(|source| EvalError::Io {
            path: path.clone(),
            source,
        })?;
    }
    let statements_only = match options.acts.as_deref() {
        None => false,
        Some([act]) if act == "statement" => true,
        Some(acts) if acts.iter().all(|a| a == "statement" || a == "thought") => false,
        Some(acts) => {
            return Err(EvalError::Usage(format!(
                "--acts takes statement (or statement,thought), not {}",
                acts.join(",")
            )));
        }
    };
    let min_score = options.min_quote_score.filter(|_| options.system.is_some());
    let keep_system = |q: &Value| {
        (!statements_only || statements::is_system_statement(q))
            // As the coverage script reads it: a missing (or zero) score counts as 1.
            && min_score.is_none_or(|m| {
                q.get("score").and_then(Value::as_f64).filter(|&s| s != 0.0).unwrap_or(1.0) >= m
            })
    };
    let system: Vec<(String, Value)> = system
        .into_iter()
        .map(|(id, doc)| (id, statements::keep_quotes(&doc, keep_system)))
        .collect();
    let gold_docs: Vec<(String, Value)> = if statements_only {
        gold_docs
            .into_iter()
            .map(|(id, doc)| (id, statements::keep_quotes(&doc, statements::is_statement)))
            .collect()
    } else {
        gold_docs
    };
    let system: HashMap<&str, &Value> = system.iter().map(|(id, doc)| (id.as_str(), doc)).collect();
    if options.coverage {
        return Ok(coverage::report(&coverage::score(&gold_docs, &system)));
    }
    let mut totals = Totals::default();
    let mut judged: Vec<(f64, bool)> = Vec::new();
    let mut missing = 0;
    let empty = Value::Object(Default::default());
    for (n, (id, gdoc)) in gold_docs.iter().enumerate() {
        let format_error = |message: String| EvalError::Format {
            path: gold.to_path_buf(),
            line: n + 1,
            message,
        };
        let text: Vec<char> = gdoc
            .get("text")
            .and_then(Value::as_str)
            .ok_or_else(|| format_error(format!("gold document {id} has no 'text'")))?
            .chars()
            .collect();
        let sdoc = match system.get(id.as_str()) {
            Some(d) => *d,
            None => {
                missing += 1;
                &empty
            }
        };
        let golds = doc_segments(gdoc, &text).map_err(format_error)?;
        let mut preds = doc_segments(sdoc, &text).map_err(|m| format_error(format!("system document {id}: {m}")))?;
        if let Some(kinds) = &options.system_kinds {
            preds.retain(|p| kinds.contains(&p.kind));
        }
        score_document(&golds, &preds, options.kinds.as_deref(), options.overlap, &mut totals);
        if options.calibration {
            let right = end_to_end_matches(&golds, &preds, options.overlap);
            judged.extend(preds.iter().zip(right).filter_map(|(p, r)| Some((p.score?, r))));
        }
    }
    let mut out = report(&totals, gold_docs.len(), missing, options);
    if options.calibration {
        out += &crate::reliability(&judged, "quote segments, mean score, share right end to end");
    }
    Ok(out)
}

fn pct(x: f64) -> String {
    format!("{:5.1}", 100.0 * x)
}

fn ratio(a: usize, b: usize) -> f64 {
    if b == 0 { 0.0 } else { a as f64 / b as f64 }
}

/// A float as Python's `repr` prints it for the values used here (0.5, 1.0).
fn python_float(x: f64) -> String {
    if x.fract() == 0.0 {
        format!("{x:.1}")
    } else {
        format!("{x}")
    }
}

/// The report, line for line as the reference scorer prints it.
fn report(t: &Totals, documents: usize, missing: usize, options: &EvalOptions) -> String {
    let kinds = match &options.kinds {
        None => "all".to_owned(),
        Some(k) => {
            let mut k = k.clone();
            k.sort();
            k.dedup();
            format!(
                "[{}]",
                k.iter().map(|x| format!("'{x}'")).collect::<Vec<_>>().join(", ")
            )
        }
    };
    let mut out = String::new();
    let _ = writeln!(
        out,
        "documents: {documents} (missing in system output: {missing})   kinds: {kinds}   overlap threshold (Jaccard): {}",
        python_float(options.overlap)
    );
    let _ = writeln!(
        out,
        "{:<22}{:>7}{:>7}{:>7}{:>7}{:>7}{:>7}",
        "quote segments", "P", "R", "F1", "tp", "pred", "gold"
    );
    for (name, tp) in [
        ("exact", t.exact),
        ("overlap", t.overlap),
        ("any-overlap", t.any),
        ("end-to-end (+speaker)", t.end_to_end),
    ] {
        let (p, r) = (ratio(tp, t.pred), ratio(tp, t.gold));
        let f = if p + r > 0.0 { 2.0 * p * r / (p + r) } else { 0.0 };
        let _ = writeln!(
            out,
            "{name:<22}{:>7}{:>7}{:>7}{tp:>7}{:>7}{:>7}",
            pct(p),
            pct(r),
            pct(f),
            t.pred,
            t.gold
        );
    }
    let (n, ok) = t.attribution;
    let _ = writeln!(
        out,
        "attribution accuracy (matched quotes with a gold speaker): {}  ({ok}/{n})",
        pct(ratio(ok, n))
    );
    let _ = writeln!(
        out,
        "matched gold quotes without speaker: {} (system gave none: {})",
        t.no_speaker.0, t.no_speaker.1
    );
    let (n, ok) = t.cue;
    let _ = writeln!(
        out,
        "cue accuracy (matched quotes, both with cue): {}  ({ok}/{n})",
        pct(ratio(ok, n))
    );
    let _ = writeln!(out, "recall by gold kind:   kind       gold  exact overlap  e2e");
    for (kind, k) in &t.by_kind {
        let _ = writeln!(
            out,
            "{:23}{kind:<9}{:>6}{:>7}{:>8}{:>6}",
            "",
            k.gold,
            pct(ratio(k.exact, k.gold)),
            pct(ratio(k.overlap, k.gold)),
            pct(ratio(k.end_to_end, k.gold))
        );
    }
    out
}
