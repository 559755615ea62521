//! The coverage metric of newsroom quote trackers, as `../shared/eval/eval_quotes_coverage.py`
//! computes it (the Gender Gap Tracker's evaluation): a system quote split by its
//! attribution is one candidate per span; each gold quote, in order, takes the unmatched
//! candidate covering the largest share of its characters, above the threshold (strictly,
//! first best on ties); quotes P/R/F1 count matches, and speaker accuracy counts matched
//! pairs whose speaker spans overlap, whose names agree where gold names a speaker without
//! a span, or where neither gives a speaker. Thresholds 0.3 and 0.8.

use serde_json::Value;
use std::collections::{BTreeSet, HashMap, HashSet};
use std::fmt::Write as _;

/// The thresholds the metric reports.
pub const THRESHOLDS: [f64; 2] = [0.3, 0.8];

/// Counts at one threshold.
#[derive(Clone, Copy, Debug, Default, PartialEq)]
pub struct Coverage {
    /// Gold quotes matched.
    pub tp: usize,
    /// Candidates left unmatched.
    pub fp: usize,
    /// Gold quotes left unmatched.
    pub fn_: usize,
    /// Matched pairs with the right speaker.
    pub speaker_right: usize,
}

impl Coverage {
    /// Precision, recall and F1 in per cent.
    pub fn prf(&self) -> (f64, f64, f64) {
        let ratio = |a: usize, b: usize| if b == 0 { 0.0 } else { a as f64 / b as f64 };
        let p = ratio(self.tp, self.tp + self.fp);
        let r = ratio(self.tp, self.tp + self.fn_);
        let f = if p + r > 0.0 { 2.0 * p * r / (p + r) } else { 0.0 };
        (100.0 * p, 100.0 * r, 100.0 * f)
    }

    /// Speaker accuracy over matches, in per cent.
    pub fn speaker_accuracy(&self) -> f64 {
        if self.tp == 0 {
            0.0
        } else {
            100.0 * self.speaker_right as f64 / self.tp as f64
        }
    }
}

fn index(v: &Value) -> Option<usize> {
    v.as_u64().map(|x| x as usize)
}

/// The content fragments of a quote: `spans`, else `[start, end]`.
fn spans(q: &Value) -> Vec<(usize, usize)> {
    let listed: Vec<(usize, usize)> = q
        .get("spans")
        .and_then(Value::as_array)
        .map(|a| {
            a.iter()
                .filter_map(|s| Some((index(s.get(0)?)?, index(s.get(1)?)?)))
                .collect()
        })
        .unwrap_or_default();
    if !listed.is_empty() {
        return listed;
    }
    match (q.get("start").and_then(index), q.get("end").and_then(index)) {
        (Some(s), Some(e)) => vec![(s, e)],
        _ => Vec::new(),
    }
}

fn chars(fragments: &[(usize, usize)]) -> HashSet<usize> {
    fragments.iter().flat_map(|&(s, e)| s..e).collect()
}

/// The speaker's characters, when it is an object with a start.
fn speaker_chars(q: &Value) -> HashSet<usize> {
    match q.get("speaker") {
        Some(s @ Value::Object(_)) => match (s.get("start").and_then(index), s.get("end").and_then(index)) {
            (Some(a), Some(b)) => (a..b).collect(),
            _ => HashSet::new(),
        },
        _ => HashSet::new(),
    }
}

/// Python's truth value of a JSON value.
fn truthy(v: Option<&Value>) -> bool {
    match v {
        None | Some(Value::Null) => false,
        Some(Value::Bool(b)) => *b,
        Some(Value::String(s)) => !s.is_empty(),
        Some(Value::Array(a)) => !a.is_empty(),
        Some(Value::Object(o)) => !o.is_empty(),
        Some(Value::Number(n)) => n.as_f64() != Some(0.0),
    }
}

/// The scorer's `words(t)`: lower-cased `[\w']+` tokens without articles and honorifics.
fn words(t: &str) -> BTreeSet<String> {
    t.to_lowercase()
        .split(|c: char| !(c.is_alphanumeric() || c == '_' || c == '\''))
        .filter(|w| !w.is_empty() && !["the", "a", "an", "mr", "ms", "mrs", "dr"].contains(w))
        .map(str::to_owned)
        .collect()
}

/// A string field of an object, as Python's `or` chain reads it (empty counts as absent).
fn text_of<'a>(v: Option<&'a Value>, key: &str) -> Option<&'a str> {
    v.and_then(|v| v.get(key))
        .and_then(Value::as_str)
        .filter(|s| !s.is_empty())
}

/// Gold names a speaker without a span: the system's resolved name must agree (the
/// smaller word set inside the larger).
fn names_agree(gold_name: &str, q: &Value) -> bool {
    let speaker = q.get("speaker").filter(|s| s.is_object());
    let system = text_of(speaker, "name")
        .or_else(|| text_of(Some(q), "speaker_name"))
        .or_else(|| text_of(speaker, "text"))
        .unwrap_or_default();
    let (a, b) = (words(gold_name), words(system));
    if a.is_empty() || b.is_empty() {
        return false;
    }
    let (small, big) = if a.len() <= b.len() { (a, b) } else { (b, a) };
    small.is_subset(&big)
}

/// One system candidate: a quote's span and the quote it came from.
struct Candidate<'a> {
    chars: HashSet<usize>,
    quote: &'a Value,
}

/// Scores `system` (documents by id) against `gold` (documents in order) at each of
/// [`THRESHOLDS`].
pub fn score(gold: &[(String, Value)], system: &HashMap<&str, &Value>) -> Vec<Coverage> {
    THRESHOLDS
        .iter()
        .map(|&threshold| {
            let mut c = Coverage::default();
            for (id, gdoc) in gold {
                let mut remaining: Vec<Candidate> = system
                    .get(id.as_str())
                    .and_then(|d| d.get("quotes"))
                    .and_then(Value::as_array)
                    .map(|qs| {
                        qs.iter()
                            .flat_map(|q| {
                                spans(q).into_iter().map(move |sp| Candidate {
                                    chars: chars(&[sp]),
                                    quote: q,
                                })
                            })
                            .collect()
                    })
                    .unwrap_or_default();
                let empty = Vec::new();
                for gq in gdoc.get("quotes").and_then(Value::as_array).unwrap_or(&empty) {
                    let gc = chars(&spans(gq));
                    let mut best: Option<(usize, f64)> = None;
                    for (i, candidate) in remaining.iter().enumerate() {
                        let share = if gc.is_empty() {
                            0.0
                        } else {
                            gc.intersection(&candidate.chars).count() as f64 / gc.len() as f64
                        };
                        if share > threshold && share > best.map_or(0.0, |(_, s)| s) {
                            best = Some((i, share));
                        }
                    }
                    let Some((i, _)) = best else {
                        c.fn_ += 1;
                        continue;
                    };
                    c.tp += 1;
                    let matched = remaining.remove(i).quote;
                    let (gs, ss) = (speaker_chars(gq), speaker_chars(matched));
                    let gold_name = text_of(Some(gq), "speaker_name");
                    let right = (!gs.is_empty() && !gs.is_disjoint(&ss))
                        || (gs.is_empty() && gold_name.is_some_and(|n| names_agree(n, matched)))
                        || (gs.is_empty() && gold_name.is_none() && !truthy(matched.get("speaker")));
                    c.speaker_right += usize::from(right);
                }
                c.fp += remaining.len();
            }
            c
        })
        .collect()
}

/// The report, line for line as the reference scorer prints it.
pub fn report(coverage: &[Coverage]) -> String {
    let mut out = String::new();
    for (threshold, c) in THRESHOLDS.iter().zip(coverage) {
        let (p, r, f) = c.prf();
        let _ = writeln!(
            out,
            "threshold {threshold}: quotes P {p:.1} R {r:.1} F1 {f:.1}, speaker accuracy {:.1} (tp {}, fp {}, fn {})",
            c.speaker_accuracy(),
            c.tp,
            c.fp,
            c.fn_
        );
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn a_split_quote_counts_once_per_span_and_speakers_overlap() {
        let gold = vec![(
            "d".to_owned(),
            json!({"quotes": [
                {"start": 0, "end": 10, "speaker": {"start": 20, "end": 25}},
                {"start": 30, "end": 40, "speaker": null},
            ]}),
        )];
        let system_doc = json!({"quotes": [
            {"start": 0, "end": 40, "spans": [[0, 9], [30, 34]], "speaker": {"start": 22, "end": 24}},
        ]});
        let system: HashMap<&str, &Value> = [("d", &system_doc)].into_iter().collect();
        let c = score(&gold, &system);
        // 0.3: both gold quotes matched (90 % and 40 %); the second's gold has no speaker
        // but the system gives one.
        assert_eq!(
            c[0],
            Coverage {
                tp: 2,
                fp: 0,
                fn_: 0,
                speaker_right: 1
            }
        );
        // 0.8: only the first.
        assert_eq!(
            c[1],
            Coverage {
                tp: 1,
                fp: 1,
                fn_: 1,
                speaker_right: 1
            }
        );
    }
}
