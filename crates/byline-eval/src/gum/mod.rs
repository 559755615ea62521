//! Names and pronouns on GUM (`byline eval gum`), as `../shared/eval/eval_gum.py score`
//! measures them: byline runs on each document's rebuilt text (or a system file is
//! read) and [`score::Report`] prints the reference scorer's report.

pub mod read;
pub mod score;

use crate::EvalError;
use byline::{Article, Pipeline};
use read::read_gum;
use score::Report;
use serde_json::Value;
use std::collections::HashMap;
use std::io::BufRead;
use std::path::Path;

/// Scores byline (or the records of `system`) on the GUM documents at `gold`.
pub fn run(gold: &Path, system: Option<&Path>, pipeline: &Pipeline) -> Result<String, EvalError> {
    let docs = read_gum(gold)?;
    let texts: Vec<(&str, &str)> = docs.iter().map(|d| (d.id.as_str(), d.text.as_str())).collect();
    let records = system_or_byline(system, pipeline, &texts)?;
    let mut report = Report::default();
    for doc in &docs {
        report.add(doc, records.get(&doc.id));
    }
    let title = match system {
        Some(path) => format!("GUM {} vs {}", gold.display(), path.display()),
        None => format!("GUM {} vs byline", gold.display()),
    };
    Ok(report.render(&title))
}

/// System records (JSONL, optionally gzipped) by id.
fn read_records(path: &Path) -> Result<HashMap<String, Value>, EvalError> {
    let io = |source| EvalError::Io {
        path: path.to_path_buf(),
        source,
    };
    let file = std::fs::File::open(path).map_err(io)?;
    let reader: Box<dyn BufRead> = if path.extension().is_some_and(|e| e == "gz") {
        Box::new(std::io::BufReader::new(flate2::read::GzDecoder::new(file)))
    } else {
        Box::new(std::io::BufReader::new(file))
    };
    let mut out = HashMap::new();
    for (n, line) in reader.lines().enumerate() {
        let line = line.map_err(io)?;
        if line.trim().is_empty() {
            continue;
        }
        let rec: Value = serde_json::from_str(&line).map_err(|e| EvalError::Format {
            path: path.to_path_buf(),
            line: n + 1,
            message: format!("bad JSON: {e}"),
        })?;
        let id = match rec.get("id") {
            Some(Value::String(s)) => s.clone(),
            Some(v) if !v.is_null() => v.to_string(),
            _ => {
                return Err(EvalError::Format {
                    path: path.to_path_buf(),
                    line: n + 1,
                    message: "record without id".into(),
                });
            }
        };
        out.insert(id, rec);
    }
    Ok(out)
}

/// The records of `system` by id, or byline's for `texts` (id, text) when there is none.
pub(crate) fn system_or_byline(
    system: Option<&Path>,
    pipeline: &Pipeline,
    texts: &[(&str, &str)],
) -> Result<HashMap<String, Value>, EvalError> {
    use rayon::prelude::*;
    match system {
        Some(path) => read_records(path),
        None => Ok(texts
            .par_iter()
            .map(|(id, text)| {
                let record = match pipeline.process(Article::new(*id, *text)) {
                    Ok(doc) => serde_json::to_value(doc.to_output()).unwrap_or(Value::Null),
                    Err(e) => serde_json::json!({ "id": id, "error": e.to_string() }),
                };
                (id.to_string(), record)
            })
            .collect()),
    }
}
