//! `byline corpus eval`: a linked corpus scored against hand labels that hold ids and
//! offsets only (no text of the articles):
//! - identities: `article_id, start, end, identity` — a name mention's span and the
//!   person or organisation it names; B-cubed precision and recall over the labelled
//!   clusters, and the wrong merges (system identities that hold two labelled persons);
//! - quote pairs: `article_id_a, start_a, end_a, article_id_b, start_b, end_b, same` —
//!   two quote occurrences by their content spans and whether they are one statement;
//!   pairwise precision and recall.

use crate::{EntityLinkRow, OccurrenceRow, read_csv};
use byline_learn::hash::{FastMap, FastSet};
use serde::Deserialize;
use std::fmt::Write;
use std::io::BufRead;
use std::path::{Path, PathBuf};

#[derive(Deserialize)]
struct Spans {
    id: String,
    #[serde(default)]
    entities: Vec<EntitySpan>,
    #[serde(default)]
    quotes: Vec<QuoteSpan>,
}

#[derive(Deserialize)]
struct EntitySpan {
    start: usize,
    end: usize,
    cluster: usize,
}

#[derive(Deserialize)]
struct QuoteSpan {
    start: usize,
    end: usize,
}

/// What the extract output says of the labelled articles: entity spans with clusters,
/// quote spans by index.
#[derive(Default)]
struct ArticleSpans {
    entities: Vec<(usize, usize, usize)>,
    quotes: Vec<(usize, usize)>,
}

fn read_spans(extract: &[PathBuf], wanted: &FastSet<String>) -> Result<FastMap<String, ArticleSpans>, String> {
    let mut out = FastMap::default();
    for path in extract {
        let reader = byline_read::open(path).map_err(|e| e.to_string())?;
        for line in reader.lines() {
            let line = line.map_err(|e| format!("{}: {e}", path.display()))?;
            // Cheap filter before parsing: the id is near the start of each record.
            let head = line.get(..line.len().min(200)).unwrap_or(&line);
            if !wanted.iter().any(|id| head.contains(id.as_str())) {
                continue;
            }
            let Ok(r) = serde_json::from_str::<Spans>(&line) else {
                continue;
            };
            if wanted.contains(&r.id) {
                out.insert(
                    r.id,
                    ArticleSpans {
                        entities: r.entities.iter().map(|e| (e.start, e.end, e.cluster)).collect(),
                        quotes: r.quotes.iter().map(|q| (q.start, q.end)).collect(),
                    },
                );
            }
        }
    }
    Ok(out)
}

fn tsv(path: &Path) -> Result<Vec<Vec<String>>, String> {
    let text = std::fs::read_to_string(path).map_err(|e| format!("{}: {e}", path.display()))?;
    Ok(text
        .lines()
        .skip(1)
        .filter(|l| !l.trim().is_empty())
        .map(|l| l.split('\t').map(str::to_string).collect())
        .collect())
}

fn number(s: &str, path: &Path) -> Result<usize, String> {
    s.trim()
        .parse()
        .map_err(|_| format!("{}: {s:?} is no offset", path.display()))
}

/// B-cubed of the identities in `dir` against `labels`, as a printable report.
pub fn identities(dir: &Path, extract: &[PathBuf], labels: &Path) -> Result<String, String> {
    let rows = tsv(labels)?;
    let wanted: FastSet<String> = rows.iter().map(|r| r[0].clone()).collect();
    let spans = read_spans(extract, &wanted)?;
    let links: Vec<EntityLinkRow> = read_csv(&dir.join("entity_links.csv"))?;
    let identity: FastMap<(&str, u32), &str> = links
        .iter()
        .map(|l| ((l.article_id.as_str(), l.cluster), l.identity_id.as_str()))
        .collect();
    let mut labelled: Vec<(String, String)> = Vec::new();
    let mut missing = 0;
    for r in &rows {
        if r.len() < 4 {
            return Err(format!("{}: a row without four columns: {r:?}", labels.display()));
        }
        let (start, end) = (number(&r[1], labels)?, number(&r[2], labels)?);
        let found = spans.get(&r[0]).and_then(|a| {
            a.entities
                .iter()
                .find(|e| e.0 == start && e.1 == end)
                .or_else(|| a.entities.iter().find(|e| e.0 < end && start < e.1))
        });
        match found.and_then(|e| identity.get(&(r[0].as_str(), e.2 as u32))) {
            Some(id) => labelled.push((id.to_string(), r[3].clone())),
            None => {
                missing += 1;
                labelled.push((format!("missing:{}:{}", r[0], start), r[3].clone()))
            }
        }
    }
    let (p, r) = bcubed(&labelled);
    let mut out = String::new();
    let f = if p + r > 0.0 { 2.0 * p * r / (p + r) } else { 0.0 };
    let _ = writeln!(
        out,
        "identities: {} labelled clusters in {} articles, {} persons and organisations ({} not found in the output)",
        labelled.len(),
        wanted.len(),
        labelled.iter().map(|l| &l.1).collect::<FastSet<_>>().len(),
        missing
    );
    let _ = writeln!(out, "B-cubed precision {p:.4}  recall {r:.4}  F1 {f:.4}");
    let mut by_system: FastMap<&str, FastSet<&str>> = FastMap::default();
    for (s, g) in &labelled {
        by_system.entry(s).or_default().insert(g);
    }
    let mut merges: Vec<String> = by_system
        .iter()
        .filter(|(_, golds)| golds.len() > 1)
        .map(|(s, golds)| {
            let mut g: Vec<&&str> = golds.iter().collect();
            g.sort();
            format!("{s}: {}", g.iter().map(|x| **x).collect::<Vec<_>>().join(" + "))
        })
        .collect();
    merges.sort();
    let _ = writeln!(
        out,
        "wrong merges (one identity, several labelled persons): {}",
        merges.len()
    );
    for m in merges {
        let _ = writeln!(out, "  {m}");
    }
    Ok(out)
}

/// B-cubed precision and recall of (system, gold) labels.
fn bcubed(items: &[(String, String)]) -> (f64, f64) {
    let mut system: FastMap<&str, usize> = FastMap::default();
    let mut gold: FastMap<&str, usize> = FastMap::default();
    let mut both: FastMap<(&str, &str), usize> = FastMap::default();
    for (s, g) in items {
        *system.entry(s).or_default() += 1;
        *gold.entry(g).or_default() += 1;
        *both.entry((s, g)).or_default() += 1;
    }
    let n = items.len().max(1) as f64;
    let (mut p, mut r) = (0.0, 0.0);
    for (s, g) in items {
        let shared = both[&(s.as_str(), g.as_str())] as f64;
        p += shared / system[s.as_str()] as f64;
        r += shared / gold[g.as_str()] as f64;
    }
    (p / n, r / n)
}

/// Pairwise precision and recall of the quote groups in `dir` on labelled pairs.
pub fn quote_pairs(dir: &Path, extract: &[PathBuf], labels: &Path) -> Result<String, String> {
    let rows = tsv(labels)?;
    let wanted: FastSet<String> = rows
        .iter()
        .flat_map(|r| [r[0].clone(), r.get(3).cloned().unwrap_or_default()])
        .collect();
    let spans = read_spans(extract, &wanted)?;
    let occurrences: Vec<OccurrenceRow> = read_csv(&dir.join("occurrences.csv"))?;
    let group: FastMap<(&str, u32), &str> = occurrences
        .iter()
        .map(|o| ((o.article_id.as_str(), o.quote_index), o.quote_id.as_str()))
        .collect();
    let find = |article: &str, start: usize, end: usize| -> Option<&str> {
        let quotes = &spans.get(article)?.quotes;
        let overlap = |q: &(usize, usize)| q.1.min(end).saturating_sub(q.0.max(start));
        let (index, best) = quotes.iter().enumerate().max_by_key(|(_, q)| overlap(q))?;
        (overlap(best) * 2 > end - start)
            .then(|| group.get(&(article, index as u32)).copied())
            .flatten()
    };
    let (mut tp, mut fp, mut fn_, mut tn, mut missing) = (0, 0, 0, 0, 0);
    for r in &rows {
        if r.len() < 7 {
            return Err(format!("{}: a row without seven columns: {r:?}", labels.display()));
        }
        let a = find(&r[0], number(&r[1], labels)?, number(&r[2], labels)?);
        let b = find(&r[3], number(&r[4], labels)?, number(&r[5], labels)?);
        let gold = r[6].trim() == "same";
        let (Some(a), Some(b)) = (a, b) else {
            missing += 1;
            if gold {
                fn_ += 1;
            }
            continue;
        };
        match (a == b, gold) {
            (true, true) => tp += 1,
            (true, false) => fp += 1,
            (false, true) => fn_ += 1,
            (false, false) => tn += 1,
        }
    }
    let p = tp as f64 / (tp + fp).max(1) as f64;
    let r = tp as f64 / (tp + fn_).max(1) as f64;
    Ok(format!(
        "quote pairs: {} labelled ({} the same statement; {} with an occurrence not in the output)\n\
         pairwise precision {p:.4}  recall {r:.4}  (same: {tp} right, {fp} wrong; apart: {tn} right, {fn_} wrong)\n",
        rows.len(),
        rows.iter()
            .filter(|r| r.get(6).is_some_and(|s| s.trim() == "same"))
            .count(),
        missing
    ))
}
