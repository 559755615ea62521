//! The two metrics of `../shared/eval/eval_gum.py score`, on system records as JSON
//! values (byline's own output or any file in its format).
//!
//! Metric A (names): a gold named mention (distinct head word and label) is found when a
//! system entity of its label contains its head word; a system entity is correct when it
//! contains the head word of some gold name of its label. Metric B (pronouns): a gold
//! third-person pronoun of a chain named by a person or organisation is resolved when a
//! system `pronoun` mention on its exact span links to a cluster whose name ends in the
//! same word as one of the chain's names; links on listed pronouns that GUM leaves out or
//! gives to an unnamed chain count against precision.

use super::read::{GumDoc, slice_chars};
use serde_json::Value;
use std::collections::{HashMap, HashSet};
use std::fmt::Write as _;

const LABELS: [&str; 3] = ["PER", "ORG", "LOC"];
const FAMILIES: [&str; 3] = ["he/she", "they", "it"];

fn family_of(form: &str) -> Option<usize> {
    Some(match form {
        "he" | "him" | "his" | "himself" | "she" | "her" | "hers" | "herself" => 0,
        "they" | "them" | "their" | "theirs" | "themselves" => 1,
        "it" | "its" | "itself" => 2,
        _ => return None,
    })
}

/// Gold, found, system and correct counts of one row.
#[derive(Clone, Copy, Default)]
struct Row {
    gold: usize,
    found: usize,
    system: usize,
    correct: usize,
}

impl Row {
    fn add(&mut self, o: Row) {
        self.gold += o.gold;
        self.found += o.found;
        self.system += o.system;
        self.correct += o.correct;
    }
    fn prf(&self) -> (f64, f64, f64) {
        let r = if self.gold > 0 {
            self.found as f64 / self.gold as f64
        } else {
            0.0
        };
        let p = if self.system > 0 {
            self.correct as f64 / self.system as f64
        } else {
            0.0
        };
        let f = if p + r > 0.0 { 2.0 * p * r / (p + r) } else { 0.0 };
        (p, r, f)
    }
}

/// The case-folded last word of a name, a trailing possessive removed.
fn last_token(name: &str) -> String {
    let s = name.trim().to_lowercase();
    let s = ["'s", "’s", "'", "’"]
        .iter()
        .find_map(|p| s.strip_suffix(p))
        .unwrap_or(&s)
        .trim();
    s.split(|c: char| !(c.is_alphanumeric() || c == '_'))
        .rfind(|w| !w.is_empty())
        .unwrap_or("")
        .to_string()
}

/// The scores of every document.
#[derive(Default)]
pub struct Report {
    names: [Row; 3],
    pronouns: [Row; 3],
    judged: [usize; 3],
    not_judged: [usize; 2],
    missing: Vec<String>,
    warnings: [usize; 5],
    documents: usize,
}

fn span_of(item: &Value, len: usize) -> Option<(usize, usize)> {
    let s = item.get("start")?.as_i64()?;
    let e = item.get("end")?.as_i64()?;
    (0 <= s && s < e && e as usize <= len).then_some((s as usize, e as usize))
}

/// Cluster names of a record by "id" (else by position).
fn cluster_names(rec: &Value) -> impl Fn(&Value) -> Option<String> + '_ {
    let layer = |name: &str| rec.get(name).and_then(Value::as_array).map_or(&[][..], Vec::as_slice);
    let (clusters, entities) = (layer("clusters"), layer("entities"));
    let mut by_id: HashMap<String, String> = HashMap::new();
    let mut by_index: HashMap<usize, String> = HashMap::new();
    for (k, c) in clusters.iter().enumerate() {
        if !c.is_object() {
            continue;
        }
        let mut name = c.get("name").and_then(Value::as_str).unwrap_or("").to_string();
        if name.is_empty() {
            for ei in c.get("mentions").and_then(Value::as_array).into_iter().flatten() {
                if let Some(e) = ei.as_u64().and_then(|i| entities.get(i as usize)) {
                    name = e.get("text").and_then(Value::as_str).unwrap_or("").to_string();
                    break;
                }
            }
        }
        if let Some(id) = c.get("id") {
            by_id.insert(id.to_string(), name.clone());
        }
        by_index.insert(k, name);
    }
    move |r: &Value| {
        if !(r.is_i64() || r.is_u64() || r.is_string()) {
            return None;
        }
        if let Some(n) = by_id.get(&r.to_string()) {
            return Some(n.clone());
        }
        if by_id.is_empty() {
            return r.as_u64().and_then(|i| by_index.get(&(i as usize)).cloned());
        }
        None
    }
}

impl Report {
    /// Adds one document and its system record (`None`: missing, scored as empty).
    pub fn add(&mut self, doc: &GumDoc, rec: Option<&Value>) {
        self.documents += 1;
        let empty = Value::Object(Default::default());
        let rec = match rec {
            Some(r) => r,
            None => {
                self.missing.push(doc.id.clone());
                &empty
            }
        };
        if rec
            .get("error")
            .is_some_and(|e| !e.is_null() && e != &Value::Bool(false) && e != "")
        {
            self.warnings[4] += 1;
        }
        if rec.get("text").and_then(Value::as_str).is_some_and(|t| t != doc.text) {
            self.warnings[0] += 1;
        }
        let len = doc.text.chars().count();
        let words = &doc.words;
        // Gold names: distinct (head, label).
        let mut units: Vec<(usize, usize)> = Vec::new();
        let mut seen = HashSet::new();
        for m in &doc.mentions {
            if let Some(label) = m.label {
                let l = LABELS.iter().position(|x| *x == label).unwrap_or(0);
                if seen.insert((m.head, l)) {
                    units.push((m.head, l));
                }
            }
        }
        // Metric A.
        let mut system: Vec<((usize, usize), usize)> = Vec::new();
        for ent in rec.get("entities").and_then(Value::as_array).into_iter().flatten() {
            let Some(l) = ent
                .get("label")
                .and_then(Value::as_str)
                .and_then(|x| LABELS.iter().position(|y| *y == x))
            else {
                continue;
            };
            match span_of(ent, len) {
                Some(span) => {
                    if ent
                        .get("text")
                        .is_some_and(|t| t.as_str() != Some(slice_chars(&doc.text, span.0, span.1)))
                    {
                        self.warnings[2] += 1;
                    }
                    system.push((span, l));
                }
                None => {
                    self.warnings[1] += 1;
                    self.names[l].system += 1;
                }
            }
        }
        let contains = |(s, e): (usize, usize), head: usize| s <= words[head].start && words[head].end <= e;
        for &(head, l) in &units {
            self.names[l].gold += 1;
            if system.iter().any(|&(span, sl)| sl == l && contains(span, head)) {
                self.names[l].found += 1;
            }
        }
        for &(span, l) in &system {
            self.names[l].system += 1;
            if units.iter().any(|&(head, ul)| ul == l && contains(span, head)) {
                self.names[l].correct += 1;
            }
        }
        // Gold chains and pronouns.
        let mut chain_names: HashMap<&str, Vec<String>> = HashMap::new();
        let mut chain_any_name: HashSet<&str> = HashSet::new();
        for m in &doc.mentions {
            if matches!(m.label, Some("PER" | "ORG")) {
                chain_names
                    .entry(&m.chain)
                    .or_default()
                    .push(doc.name_text(m).to_string());
            }
            if words[m.head].upos == "PROPN" {
                chain_any_name.insert(&m.chain);
            }
        }
        let mut pronouns: HashMap<usize, (usize, HashSet<String>)> = HashMap::new();
        let mut pronoun_chains: HashMap<usize, HashSet<&str>> = HashMap::new();
        for m in doc.mentions.iter().filter(|m| m.first == m.last) {
            let w = &words[m.first];
            let form = w.form.to_lowercase();
            let Some(family) = family_of(&form).filter(|_| w.upos == "PRON") else {
                continue;
            };
            pronoun_chains.entry(m.first).or_default().insert(&m.chain);
            if let Some(names) = chain_names.get(m.chain.as_str()) {
                let unit = pronouns.entry(m.first).or_insert_with(|| (family, HashSet::new()));
                unit.1
                    .extend(names.iter().map(|n| last_token(n)).filter(|t| !t.is_empty()));
            }
        }
        // System links: the first on each span.
        let lookup = cluster_names(rec);
        let mut links: Vec<((usize, usize), Option<String>)> = Vec::new();
        let mut linked: HashSet<(usize, usize)> = HashSet::new();
        for men in rec.get("mentions").and_then(Value::as_array).into_iter().flatten() {
            if men.get("kind").and_then(Value::as_str) != Some("pronoun") {
                continue;
            }
            let Some(r) = men.get("cluster").filter(|r| !r.is_null()) else {
                continue;
            };
            let Some(span) = span_of(men, len) else {
                self.warnings[1] += 1;
                self.not_judged[1] += 1;
                continue;
            };
            if men
                .get("text")
                .is_some_and(|t| t.as_str() != Some(slice_chars(&doc.text, span.0, span.1)))
            {
                self.warnings[2] += 1;
            }
            if !linked.insert(span) {
                continue;
            }
            let name = lookup(r);
            if name.is_none() {
                self.warnings[3] += 1;
            }
            links.push((span, name));
        }
        let link_at: HashMap<(usize, usize), &Option<String>> = links.iter().map(|(s, n)| (*s, n)).collect();
        let ok = |name: &Option<String>, lasts: &HashSet<String>| {
            name.as_deref()
                .is_some_and(|n| !n.is_empty() && lasts.contains(&last_token(n)))
        };
        for (&k, (family, lasts)) in &pronouns {
            self.pronouns[*family].gold += 1;
            if link_at.get(&doc.span(k)).is_some_and(|name| ok(name, lasts)) {
                self.pronouns[*family].found += 1;
            }
        }
        let word_at: HashMap<(usize, usize), usize> = (0..words.len()).map(|k| (doc.span(k), k)).collect();
        for (span, name) in &links {
            let Some(&k) = word_at.get(span) else {
                self.not_judged[1] += 1;
                continue;
            };
            let Some(family) = family_of(&words[k].form.to_lowercase()) else {
                self.not_judged[1] += 1;
                continue;
            };
            if let Some((_, lasts)) = pronouns.get(&k) {
                self.judged[0] += 1;
                self.pronouns[family].system += 1;
                self.pronouns[family].correct += usize::from(ok(name, lasts));
                continue;
            }
            let chains = pronoun_chains.get(&k);
            if chains.is_some_and(|c| c.iter().any(|e| chain_any_name.contains(e))) {
                self.not_judged[0] += 1;
                continue;
            }
            self.pronouns[family].system += 1;
            self.judged[if chains.is_some() { 1 } else { 2 }] += 1;
        }
    }

    /// The report as the reference scorer prints it, under `title`.
    pub fn render(&self, title: &str) -> String {
        let mut out = String::new();
        let pct = |x: f64| format!("{:6.2}", 100.0 * x);
        let line = |out: &mut String, key: &str, row: Row| {
            let (p, r, f) = row.prf();
            let _ = writeln!(
                out,
                "  {key:6} {:6} {:6} {:>7}   {:6} {:7} {:>9}   {}",
                row.gold,
                row.found,
                pct(r),
                row.system,
                row.correct,
                pct(p),
                pct(f)
            );
        };
        let block = |out: &mut String, rows: &[Row; 3], keys: [&str; 3]| {
            let mut total = Row::default();
            for (key, row) in keys.iter().zip(rows) {
                line(out, key, *row);
                total.add(*row);
            }
            line(out, "all", total);
        };
        let header = |out: &mut String, h: [&str; 8]| {
            let _ = writeln!(
                out,
                "  {:6} {:>6} {:>6} {:>7}   {:>6} {:>7} {:>9}   {:>6}",
                h[0], h[1], h[2], h[3], h[4], h[5], h[6], h[7]
            );
        };
        let _ = writeln!(out, "{title}  ({} documents)", self.documents);
        out.push('\n');
        out.push_str("Metric A - named entities (PER/ORG/LOC, gold head word inside a same-label system entity)\n");
        header(
            &mut out,
            [
                "label",
                "gold",
                "found",
                "recall",
                "system",
                "correct",
                "precision",
                "F1",
            ],
        );
        block(&mut out, &self.names, LABELS);
        out.push('\n');
        out.push_str("Metric B - pronouns resolved to a named PER/ORG chain (span equal, cluster name's last token)\n");
        header(
            &mut out,
            [
                "family",
                "gold",
                "resolv",
                "recall",
                "links",
                "correct",
                "precision",
                "F1",
            ],
        );
        block(&mut out, &self.pronouns, FAMILIES);
        let _ = writeln!(
            out,
            "  judged links: {} on gold pronouns, {} on pronouns of unnamed chains, {} on pronouns GUM does not mark (pleonastic etc.)",
            self.judged[0], self.judged[1], self.judged[2]
        );
        let _ = writeln!(
            out,
            "  not judged: {} on pronouns of place/other-named chains, {} on other spans",
            self.not_judged[0], self.not_judged[1]
        );
        let mut notes = Vec::new();
        if !self.missing.is_empty() {
            let first: Vec<&str> = self.missing.iter().take(5).map(String::as_str).collect();
            notes.push(format!(
                "{} documents missing from the system file (scored as empty): {}",
                self.missing.len(),
                first.join(", ")
            ));
        }
        let labels = [
            "records whose text differs from the GUM text",
            "entities/mentions with unusable offsets",
            "entities/mentions whose text != text[start:end]",
            "pronoun links to an unknown cluster",
            "records carrying an error",
        ];
        for (n, label) in self.warnings.iter().zip(labels) {
            if *n > 0 {
                notes.push(format!("{n} {label}"));
            }
        }
        if !notes.is_empty() {
            out.push('\n');
            for n in notes {
                let _ = writeln!(out, "  warning: {n}");
            }
        }
        out
    }

    /// Overall F1 (percent) of names and of pronouns.
    pub fn f1(&self) -> (f64, f64) {
        let total = |rows: &[Row; 3]| {
            let mut t = Row::default();
            rows.iter().for_each(|r| t.add(*r));
            100.0 * t.prf().2
        };
        (total(&self.names), total(&self.pronouns))
    }
}
