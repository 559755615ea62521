//! `byline eval dates`: reads TimeML `.tml` files (the text of the TEXT element with tags
//! removed, the TIMEX3 elements inside it, and the document creation time), runs the
//! dates extractor on each text with the creation date as publication date (or reads a
//! system output folder), and scores extents, types and values as
//! `../shared/eval/eval_timex.py` does ([`score`]), printing the same report.

pub mod score;

use crate::{EvalError, EvalOptions};
use byline::{Article, OutputRecord, Pipeline};
use score::{Timex, Totals};
use serde_json::Value;
use std::collections::HashMap;
use std::path::{Path, PathBuf};

/// One TimeML document.
#[derive(Clone, Debug)]
pub struct TimeMlDoc {
    /// File stem.
    pub id: String,
    /// The DOCID element, an alias of the id for system files.
    pub docid: Option<String>,
    /// Value of the creation-time TIMEX3.
    pub dct: Option<String>,
    /// The TEXT element's text, tags removed.
    pub text: String,
    /// Its TIMEX3 (offsets in code points), sorted by start then end.
    pub timexes: Vec<Timex>,
}

fn format_error(path: &Path, message: impl Into<String>) -> EvalError {
    EvalError::Format {
        path: path.to_path_buf(),
        line: 0,
        message: message.into(),
    }
}

/// Reads one `.tml` file.
pub fn read_tml(path: &Path) -> Result<TimeMlDoc, EvalError> {
    let raw = std::fs::read_to_string(path).map_err(|source| EvalError::Io {
        path: path.to_path_buf(),
        source,
    })?;
    let xml = roxmltree::Document::parse(&raw).map_err(|e| format_error(path, format!("cannot parse TimeML: {e}")))?;
    let text_el = xml
        .descendants()
        .find(|n| n.has_tag_name("TEXT"))
        .ok_or_else(|| format_error(path, "no <TEXT> element"))?;
    let mut text = String::new();
    let mut chars = 0usize;
    let mut timexes = Vec::new();
    collect(text_el, &mut text, &mut chars, &mut timexes);
    timexes.sort_by_key(|t: &Timex| (t.start, t.end));
    let dct = xml
        .descendants()
        .find(|n| n.has_tag_name("TIMEX3") && n.attribute("functionInDocument") == Some("CREATION_TIME"))
        .and_then(|n| n.attribute("value").map(str::to_owned));
    let docid = xml
        .descendants()
        .find(|n| n.has_tag_name("DOCID"))
        .and_then(|n| n.text())
        .map(|t| t.trim().to_owned())
        .filter(|t| !t.is_empty());
    let id = path
        .file_name()
        .map(|f| f.to_string_lossy().trim_end_matches(".tml").to_owned())
        .unwrap_or_default();
    Ok(TimeMlDoc {
        id,
        docid,
        dct,
        text,
        timexes,
    })
}

/// Appends the text under `node` and records its non-empty TIMEX3 (creation time excluded).
fn collect(node: roxmltree::Node, text: &mut String, chars: &mut usize, timexes: &mut Vec<Timex>) {
    let start = *chars;
    for child in node.children() {
        if child.is_text() {
            let t = child.text().unwrap_or_default();
            text.push_str(t);
            *chars += t.chars().count();
        } else if child.is_element() {
            collect(child, text, chars, timexes);
        }
    }
    let creation = node.attribute("functionInDocument") == Some("CREATION_TIME");
    if node.has_tag_name("TIMEX3") && !creation && *chars > start {
        let value = node.attribute("value").unwrap_or_default().trim().to_owned();
        timexes.push(Timex {
            start,
            end: *chars,
            kind: node.attribute("type").unwrap_or_default().to_owned(),
            value,
        });
    }
}

/// Every file under `dir` whose name ends with `suffix`, recursively, sorted by path.
fn files_ending_with(dir: &Path, suffix: &str) -> Result<Vec<PathBuf>, EvalError> {
    let mut out = Vec::new();
    let mut stack = vec![dir.to_path_buf()];
    while let Some(d) = stack.pop() {
        let entries = std::fs::read_dir(&d).map_err(|source| EvalError::Io {
            path: d.clone(),
            source,
        })?;
        for entry in entries {
            let path = entry
                .map_err(|source| EvalError::Io {
                    path: d.clone(),
                    source,
                })?
                .path();
            if path.is_dir() {
                stack.push(path);
            } else if path.to_string_lossy().ends_with(suffix) {
                out.push(path);
            }
        }
    }
    out.sort();
    Ok(out)
}

/// Reads every gold document under `dir`.
pub fn read_gold(dir: &Path) -> Result<Vec<TimeMlDoc>, EvalError> {
    let files = files_ending_with(dir, ".tml")?;
    if files.is_empty() {
        return Err(format_error(dir, "no .tml files"));
    }
    files.iter().map(|f| read_tml(f)).collect()
}

/// Runs the dates extractor on every gold text, anchored at its creation date; returns
/// the system timexes per document id.
fn predict(gold: &[TimeMlDoc], pipeline: &Pipeline) -> HashMap<String, Vec<Timex>> {
    let articles: Vec<Article> = gold
        .iter()
        .map(|d| crate::article(&d.id, &d.text, d.dct.as_deref().and_then(|v| v.get(..10))))
        .collect();
    pipeline
        .process_batch(articles)
        .into_iter()
        .zip(gold)
        .map(|(result, doc)| {
            let timexes = match result {
                Ok(out) => OutputRecord::from_document(&out)
                    .dates
                    .into_iter()
                    .map(|d| Timex {
                        start: d.start,
                        end: d.end,
                        kind: d.kind.as_str().to_owned(),
                        value: d.value,
                    })
                    .collect(),
                Err(_) => Vec::new(),
            };
            (doc.id.clone(), timexes)
        })
        .collect()
}

/// Writes system timexes as `<doc>.json` files in the reference scorer's format.
fn write_system(dir: &Path, gold: &[TimeMlDoc], system: &HashMap<String, Vec<Timex>>) -> Result<(), EvalError> {
    let io = |source| EvalError::Io {
        path: dir.to_path_buf(),
        source,
    };
    std::fs::create_dir_all(dir).map_err(io)?;
    for doc in gold {
        let chars: Vec<char> = doc.text.chars().collect();
        let timexes: Vec<Value> = system[&doc.id]
            .iter()
            .map(|t| {
                serde_json::json!({"start": t.start, "end": t.end, "type": t.kind, "value": t.value,
                    "text": chars[t.start..t.end].iter().collect::<String>()})
            })
            .collect();
        let json = serde_json::json!({"doc": doc.id, "timexes": timexes});
        std::fs::write(dir.join(format!("{}.json", doc.id)), json.to_string()).map_err(io)?;
    }
    Ok(())
}

/// Reads a system folder of `<doc>.json` files (the reference scorer's JSON format).
fn read_system(dir: &Path, gold: &[TimeMlDoc]) -> Result<HashMap<String, Vec<Timex>>, EvalError> {
    let mut alias: HashMap<&str, &TimeMlDoc> = HashMap::new();
    for d in gold {
        alias.insert(&d.id, d);
    }
    for d in gold {
        if let Some(docid) = &d.docid {
            alias.entry(docid).or_insert(d);
        }
    }
    let mut out = HashMap::new();
    for path in files_ending_with(dir, ".json")? {
        let raw = std::fs::read_to_string(&path).map_err(|source| EvalError::Io {
            path: path.clone(),
            source,
        })?;
        let data: Value =
            serde_json::from_str(&raw).map_err(|e| format_error(&path, format!("cannot read JSON: {e}")))?;
        let list = data
            .get("timexes")
            .and_then(Value::as_array)
            .ok_or_else(|| format_error(&path, "expected an object with a 'timexes' list"))?;
        let stem = path
            .file_stem()
            .map(|s| s.to_string_lossy().into_owned())
            .unwrap_or_default();
        let name = data.get("doc").and_then(Value::as_str).map_or(stem, str::to_owned);
        let Some(doc) = alias
            .get(name.as_str())
            .or_else(|| alias.get(name.trim_end_matches(".tml")))
        else {
            continue;
        };
        let len = doc.text.chars().count();
        let mut timexes = Vec::new();
        for (i, t) in list.iter().enumerate() {
            let (Some(start), Some(end)) = (t["start"].as_u64(), t["end"].as_u64()) else {
                return Err(format_error(
                    &path,
                    format!("timex {i}: start/end missing or not integers"),
                ));
            };
            let (start, end) = (start as usize, end as usize);
            if !(start < end && end <= len) {
                return Err(format_error(
                    &path,
                    format!("timex {i}: span {start}-{end} outside text of length {len}"),
                ));
            }
            timexes.push(Timex {
                start,
                end,
                kind: t["type"].as_str().unwrap_or_default().to_uppercase(),
                value: t["value"].as_str().unwrap_or_default().trim().to_owned(),
            });
        }
        out.insert(doc.id.clone(), timexes);
    }
    Ok(out)
}

/// Scores dates on the TimeML folder `gold` and returns the report.
pub fn run(gold: &Path, options: &EvalOptions, pipeline: &Pipeline) -> Result<String, EvalError> {
    let docs = read_gold(gold)?;
    let system = match &options.system {
        Some(dir) => read_system(dir, &docs)?,
        None => predict(&docs, pipeline),
    };
    if let Some(dir) = &options.predict {
        if options.system.is_none() {
            write_system(dir, &docs, &system)?;
        }
    }
    let mut totals = Totals::default();
    let mut missing = 0;
    for doc in &docs {
        let sys = match system.get(&doc.id) {
            Some(s) => s.as_slice(),
            None => {
                missing += 1;
                &[]
            }
        };
        totals.add(&doc.timexes, sys);
    }
    Ok(totals.report(docs.len(), missing))
}
