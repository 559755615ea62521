//! A SEESAW split folder (`articles/*.json`, `annotations/*.json`) read as
//! `eval_seesaw.py` reads it: each article's sentences joined by newlines into the text
//! byline analyses, each sentence's code-point span, and the gold triplets of each
//! sentence with duplicates (several annotators) merged.

use crate::EvalError;
use serde_json::Value;
use std::collections::{BTreeMap, HashMap};
use std::path::Path;

/// Positive or negative.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Polarity {
    /// "POS".
    Pos,
    /// "NEG".
    Neg,
}

impl Polarity {
    /// The bit of a polarity set.
    pub fn bit(self) -> u8 {
        match self {
            Polarity::Pos => 1,
            Polarity::Neg => 2,
        }
    }
}

/// One gold triplet.
#[derive(Clone, Debug)]
pub struct Triplet {
    /// The holder's canonical name ("None", "Not in the list" when there is none).
    pub subject: String,
    /// Its polarity.
    pub polarity: Polarity,
    /// The target's name or phrase.
    pub object: String,
}

/// Which of the reference scorer's gold sets a triplet belongs to.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum GoldKind {
    /// Named subject and object: the main figures.
    Main,
    /// "None" / "Not in the list" subject.
    NilSubject,
    /// "None" / "Not in the list" object.
    NilObject,
}

fn is_nil(name: &str) -> bool {
    matches!(name.to_lowercase().as_str(), "none" | "not in the list")
}

impl Triplet {
    /// Its gold set.
    pub fn kind(&self) -> GoldKind {
        if is_nil(&self.subject) {
            GoldKind::NilSubject
        } else if is_nil(&self.object) {
            GoldKind::NilObject
        } else {
            GoldKind::Main
        }
    }
}

/// One article of the split.
#[derive(Clone, Debug)]
pub struct SeesawArticle {
    /// File stem, the record id.
    pub id: String,
    /// The sentences joined by newlines.
    pub text: String,
    /// Its length in code points.
    pub chars: usize,
    /// Non-empty sentences as (start, end, sentence id), in code points, by start.
    pub spans: Vec<(usize, usize, String)>,
    /// Gold triplets by sentence id.
    pub gold: BTreeMap<String, Vec<Triplet>>,
}

impl SeesawArticle {
    /// The sentence holding code-point `offset` (an offset between two sentences goes to
    /// the next one), as the reference scorer assigns stances.
    pub fn sentence_of(&self, offset: i64) -> Option<&str> {
        if self.spans.is_empty() || offset < 0 || offset as usize > self.chars {
            return None;
        }
        let offset = offset as usize;
        let i = self.spans.partition_point(|s| s.0 <= offset);
        if i == 0 {
            return Some(&self.spans[0].2);
        }
        let (_, end, sid) = &self.spans[i - 1];
        if offset >= *end {
            return Some(self.spans.get(i).map_or(sid, |s| &s.2));
        }
        Some(sid)
    }
}

fn format_error(path: &Path, message: String) -> EvalError {
    EvalError::Format {
        path: path.to_path_buf(),
        line: 1,
        message,
    }
}

fn read_json(path: &Path) -> Result<Value, EvalError> {
    let text = std::fs::read_to_string(path).map_err(|source| EvalError::Io {
        path: path.to_path_buf(),
        source,
    })?;
    serde_json::from_str(&text).map_err(|e| format_error(path, format!("bad JSON: {e}")))
}

/// A sentence id as the reference scorer writes it (`str(id)`), and its order.
fn sentence_id(v: &Value) -> Option<(i64, String)> {
    match v {
        Value::Number(n) => n.as_i64().map(|i| (i, i.to_string())),
        Value::String(s) => s.trim().parse().ok().map(|i| (i, s.clone())),
        _ => None,
    }
}

/// Reads the split at `dir`.
pub fn read_split(dir: &Path) -> Result<Vec<SeesawArticle>, EvalError> {
    let folder = dir.join("articles");
    let io = |source| EvalError::Io {
        path: folder.clone(),
        source,
    };
    let mut paths: Vec<_> = std::fs::read_dir(&folder)
        .map_err(io)?
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|e| e == "json"))
        .collect();
    paths.sort();
    if paths.is_empty() {
        return Err(format_error(dir, "no articles/*.json".into()));
    }
    paths.iter().map(|p| read_article(dir, p)).collect()
}

fn read_article(dir: &Path, path: &Path) -> Result<SeesawArticle, EvalError> {
    let stem = path
        .file_stem()
        .map(|s| s.to_string_lossy().into_owned())
        .unwrap_or_default();
    let article = read_json(path)?;
    let mut sentences: Vec<(i64, String, String)> = Vec::new();
    for s in article.get("text").and_then(Value::as_array).into_iter().flatten() {
        let (order, id) = s
            .get("id")
            .and_then(sentence_id)
            .ok_or_else(|| format_error(path, "a sentence without a numeric id".into()))?;
        let text = s.get("text").and_then(Value::as_str).unwrap_or_default().to_owned();
        sentences.push((order, id, text));
    }
    sentences.sort_by_key(|s| s.0);
    let mut text = String::new();
    let mut offsets: HashMap<String, (usize, usize)> = HashMap::new();
    let mut at = 0;
    for (i, (_, id, sentence)) in sentences.iter().enumerate() {
        if i > 0 {
            text.push('\n');
            at += 1;
        }
        let n = sentence.chars().count();
        offsets.insert(id.clone(), (at, at + n));
        text.push_str(sentence);
        at += n;
    }
    let mut gold = BTreeMap::new();
    let annotation = dir.join("annotations").join(format!("{stem}.json"));
    if annotation.exists() {
        let ann = read_json(&annotation)?;
        let stances = ann.get("sentence-level stances").and_then(Value::as_object);
        for (sid, triplets) in stances.into_iter().flatten() {
            if !offsets.contains_key(sid) {
                return Err(format_error(&annotation, format!("stance on unknown sentence {sid}")));
            }
            let mut merged: Vec<Triplet> = Vec::new();
            for t in triplets.as_array().into_iter().flatten() {
                let field = |k: &str| t.get(k).and_then(Value::as_str).unwrap_or_default().trim().to_owned();
                let polarity = match field("sentiment").to_uppercase().as_str() {
                    "POS" => Polarity::Pos,
                    "NEG" => Polarity::Neg,
                    other => return Err(format_error(&annotation, format!("sentiment {other:?}"))),
                };
                let triplet = Triplet {
                    subject: field("subject"),
                    polarity,
                    object: field("object"),
                };
                let same = |m: &Triplet| {
                    m.polarity == polarity
                        && m.subject.to_lowercase() == triplet.subject.to_lowercase()
                        && m.object.to_lowercase() == triplet.object.to_lowercase()
                };
                if !merged.iter().any(same) {
                    merged.push(triplet);
                }
            }
            gold.insert(sid.clone(), merged);
        }
    }
    let mut spans: Vec<(usize, usize, String)> = offsets
        .into_iter()
        .filter(|(_, (s, e))| e > s)
        .map(|(id, (s, e))| (s, e, id))
        .collect();
    spans.sort();
    Ok(SeesawArticle {
        id: stem,
        chars: text.chars().count(),
        text,
        spans,
        gold,
    })
}
