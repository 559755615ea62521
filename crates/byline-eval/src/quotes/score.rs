//! Quote scoring as `../shared/eval/eval_quotes.py` does it: quotes are cut into
//! segments (content fragments joined unless letters or digits stand between them),
//! each compared through its signature (the code-point offsets of the letters and digits
//! it covers); exact, overlap (Jaccard ≥ τ) and any-overlap matches are paired greedily
//! one to one; speaker and cue are judged on overlap-matched pairs.

use serde_json::Value;
use std::collections::BTreeMap;

const PRONOUNS: &[&str] = &[
    "he",
    "she",
    "they",
    "it",
    "we",
    "i",
    "you",
    "him",
    "her",
    "them",
    "us",
    "me",
    "his",
    "hers",
    "their",
    "theirs",
    "its",
    "our",
    "ours",
    "my",
    "mine",
    "your",
    "yours",
    "who",
    "whom",
    "which",
    "that",
    "this",
    "these",
    "those",
    "one",
    "someone",
    "himself",
    "herself",
    "themselves",
    "itself",
    "ourselves",
    "myself",
    "yourself",
];
const FUNCTION_WORDS: &[&str] = &["the", "a", "an", "of", "and", "mr", "mrs", "ms", "dr", "s"];

/// Code-point fragments `(start, end)`, sorted.
type Fragments = Vec<(usize, usize)>;

/// A span-like JSON object: fragments and its `text`, if given.
fn span_of(obj: &Value) -> Option<(Fragments, Option<String>)> {
    let obj = obj.as_object()?;
    let mut frags: Fragments = match obj.get("spans").and_then(Value::as_array) {
        Some(spans) if !spans.is_empty() => spans
            .iter()
            .filter_map(|s| Some((as_index(s.get(0)?)?, as_index(s.get(1)?)?)))
            .collect(),
        _ => vec![(as_index(obj.get("start")?)?, as_index(obj.get("end")?)?)],
    };
    frags.sort_unstable();
    let text = obj.get("text").and_then(Value::as_str).map(str::to_owned);
    Some((frags, text))
}

fn as_index(v: &Value) -> Option<usize> {
    v.as_u64()
        .map(|n| n as usize)
        .or_else(|| v.as_f64().filter(|f| *f >= 0.0).map(|f| f as usize))
}

fn joined(text: &[char], frags: &Fragments) -> String {
    frags
        .iter()
        .map(|&(s, e)| slice(text, s, e))
        .collect::<Vec<_>>()
        .join(" ")
}

fn slice(text: &[char], s: usize, e: usize) -> String {
    text[s.min(text.len())..e.min(text.len()).max(s.min(text.len()))]
        .iter()
        .collect()
}

/// One segment of a quote.
pub struct Segment {
    /// Sorted code-point offsets of its letters and digits.
    pub sig: Vec<u32>,
    /// The quote's gold kind ("unknown" when not given).
    pub kind: String,
    speaker_frags: Option<Fragments>,
    speaker_texts: Vec<String>,
    has_speaker: bool,
    cue_frags: Option<Fragments>,
    cue_text: Option<String>,
    /// Index of its quote in the document's `quotes`.
    pub quote: usize,
    /// The quote's `score`, if it has one.
    pub score: Option<f64>,
}

/// The segments of every quote of a document; errors name a quote without offsets.
pub fn doc_segments(doc: &Value, text: &[char]) -> Result<Vec<Segment>, String> {
    let mut out = Vec::new();
    let Some(quotes) = doc.get("quotes").and_then(Value::as_array) else {
        return Ok(out);
    };
    for (index, q) in quotes.iter().enumerate() {
        let content = q.get("content").filter(|c| c.is_object()).unwrap_or(q);
        let (frags, _) = span_of(content).ok_or_else(|| {
            let shown: String = q.to_string().chars().take(200).collect();
            format!("quote without content offsets: {shown}")
        })?;
        let (speaker_frags, speaker_texts) = speaker_info(q, text);
        let has_speaker =
            (speaker_frags.is_some() || !speaker_texts.is_empty()) && !q.get("no_source").is_some_and(truthy);
        let (cue_frags, cue_text) = cue_info(q, text);
        let kind = q
            .get("kind")
            .and_then(Value::as_str)
            .filter(|k| !k.is_empty())
            .unwrap_or("unknown");
        for sig in signatures(&frags, text) {
            out.push(Segment {
                sig,
                kind: kind.to_owned(),
                speaker_frags: speaker_frags.clone(),
                speaker_texts: speaker_texts.clone(),
                has_speaker,
                cue_frags: cue_frags.clone(),
                cue_text: cue_text.clone(),
                quote: index,
                score: q.get("score").and_then(Value::as_f64),
            });
        }
    }
    Ok(out)
}

fn truthy(v: &Value) -> bool {
    match v {
        Value::Null => false,
        Value::Bool(b) => *b,
        Value::Number(n) => n.as_f64() != Some(0.0),
        Value::String(s) => !s.is_empty(),
        Value::Array(a) => !a.is_empty(),
        Value::Object(o) => !o.is_empty(),
    }
}

fn speaker_info(q: &Value, text: &[char]) -> (Option<Fragments>, Vec<String>) {
    let mut frags = None;
    let mut texts = Vec::new();
    match q.get("speaker") {
        Some(Value::String(s)) => texts.push(s.clone()),
        Some(spk @ Value::Object(_)) => {
            if let Some((f, t)) = span_of(spk) {
                texts.push(t.unwrap_or_else(|| joined(text, &f)));
                frags = Some(f);
            } else if let Some(t) = spk.get("text").and_then(Value::as_str).filter(|t| !t.is_empty()) {
                texts.push(t.to_owned());
            }
        }
        _ => {}
    }
    if let Some(name) = q.get("speaker_name").and_then(Value::as_str).filter(|n| !n.is_empty()) {
        texts.push(name.to_owned());
    }
    texts.retain(|t| !t.trim().is_empty());
    (frags, texts)
}

fn cue_info(q: &Value, text: &[char]) -> (Option<Fragments>, Option<String>) {
    match q.get("cue") {
        Some(Value::String(s)) => (None, Some(s.clone())),
        Some(cue @ Value::Object(_)) => match span_of(cue) {
            Some((f, t)) => {
                let t = t.unwrap_or_else(|| joined(text, &f));
                (Some(f), Some(t))
            }
            None => (None, cue.get("text").and_then(Value::as_str).map(str::to_owned)),
        },
        _ => (None, None),
    }
}

fn alnum_offsets(text: &[char], start: usize, end: usize, out: &mut Vec<u32>) {
    for (i, c) in text.iter().enumerate().take(end.min(text.len())).skip(start) {
        if c.is_alphanumeric() {
            out.push(i as u32);
        }
    }
}

/// Content fragments grouped into segment signatures.
fn signatures(frags: &Fragments, text: &[char]) -> Vec<Vec<u32>> {
    let mut groups: Vec<Fragments> = Vec::new();
    for &(s, e) in frags {
        let gap_has_alnum = groups.last().is_some_and(|g: &Fragments| {
            let prev_end = g[g.len() - 1].1;
            s > prev_end
                && text[prev_end.min(text.len())..s.min(text.len())]
                    .iter()
                    .any(|c| c.is_alphanumeric())
        });
        match groups.last_mut() {
            Some(g) if !gap_has_alnum => g.push((s, e)),
            _ => groups.push(vec![(s, e)]),
        }
    }
    groups
        .iter()
        .filter_map(|g| {
            let mut sig = Vec::new();
            for &(s, e) in g {
                alnum_offsets(text, s, e, &mut sig);
            }
            sig.sort_unstable();
            sig.dedup();
            (!sig.is_empty()).then_some(sig)
        })
        .collect()
}

/// Size of the intersection of two sorted offset lists.
fn intersection(a: &[u32], b: &[u32]) -> usize {
    let (mut i, mut j, mut n) = (0, 0, 0);
    while i < a.len() && j < b.len() {
        match a[i].cmp(&b[j]) {
            std::cmp::Ordering::Less => i += 1,
            std::cmp::Ordering::Greater => j += 1,
            std::cmp::Ordering::Equal => {
                n += 1;
                i += 1;
                j += 1;
            }
        }
    }
    n
}

fn jaccard(a: &[u32], b: &[u32]) -> f64 {
    let common = intersection(a, b);
    common as f64 / (a.len() + b.len() - common) as f64
}

/// How two segments are compared.
#[derive(Clone, Copy)]
pub enum Pairing {
    /// Equal signatures.
    Exact,
    /// Jaccard ≥ τ.
    Overlap(f64),
    /// Any common offset, ranked by the size of the intersection.
    Any,
}

/// Greedy one-to-one pairing by decreasing score (ties: lower gold, then lower
/// prediction index first); returns `(gold, predicted)` index pairs.
pub fn pair(golds: &[&Segment], preds: &[&Segment], how: Pairing) -> Vec<(usize, usize)> {
    let mut candidates = Vec::new();
    for (gi, g) in golds.iter().enumerate() {
        for (pi, p) in preds.iter().enumerate() {
            let common = intersection(&g.sig, &p.sig);
            if common == 0 {
                continue;
            }
            let score = match how {
                Pairing::Exact if g.sig == p.sig => 1.0,
                Pairing::Exact => continue,
                Pairing::Overlap(tau) => {
                    let j = jaccard(&g.sig, &p.sig);
                    if j < tau {
                        continue;
                    }
                    j
                }
                Pairing::Any => common as f64,
            };
            candidates.push((score, gi, pi));
        }
    }
    candidates.sort_by(|a, b| b.0.total_cmp(&a.0).then(a.1.cmp(&b.1)).then(a.2.cmp(&b.2)));
    let mut used_g = vec![false; golds.len()];
    let mut used_p = vec![false; preds.len()];
    let mut pairs = Vec::new();
    for (_, gi, pi) in candidates {
        if used_g[gi] || used_p[pi] {
            continue;
        }
        used_g[gi] = true;
        used_p[pi] = true;
        pairs.push((gi, pi));
    }
    pairs
}

fn frags_overlap(a: &Fragments, b: &Fragments) -> bool {
    a.iter().any(|&(s1, e1)| b.iter().any(|&(s2, e2)| s1 < e2 && s2 < e1))
}

/// Case-folded word tokens (`\w+`).
fn words(t: &str) -> Vec<String> {
    t.split(|c: char| !(c.is_alphanumeric() || c == '_'))
        .filter(|w| !w.is_empty())
        .map(str::to_lowercase)
        .collect()
}

/// "Peskov" ~ "Dmitry Peskov": equal words, or the smaller word set inside the larger
/// one and holding a word that is neither a pronoun nor a function word.
pub fn names_compatible(a: &str, b: &str) -> bool {
    let (wa, wb) = (words(a), words(b));
    if wa.is_empty() || wb.is_empty() {
        return false;
    }
    if wa == wb {
        return true;
    }
    let set = |w: Vec<String>| w.into_iter().collect::<std::collections::BTreeSet<_>>();
    let (sa, sb) = (set(wa), set(wb));
    let (small, big) = if sa.len() <= sb.len() { (sa, sb) } else { (sb, sa) };
    let content = small
        .iter()
        .any(|w| !PRONOUNS.contains(&w.as_str()) && !FUNCTION_WORDS.contains(&w.as_str()));
    content && small.is_subset(&big)
}

fn pronoun_only(t: &str) -> bool {
    let w = words(t);
    !w.is_empty() && w.iter().all(|x| PRONOUNS.contains(&x.as_str()))
}

/// Whether the predicted segment's speaker is right for the gold one.
pub fn speaker_right(g: &Segment, p: &Segment) -> bool {
    if !g.has_speaker {
        return !p.has_speaker;
    }
    if !p.has_speaker {
        return false;
    }
    let both_spans = g.speaker_frags.is_some() && p.speaker_frags.is_some();
    if let (Some(a), Some(b)) = (&g.speaker_frags, &p.speaker_frags) {
        if frags_overlap(a, b) {
            return true;
        }
    }
    g.speaker_texts.iter().any(|gt| {
        p.speaker_texts
            .iter()
            .any(|pt| !(both_spans && (pronoun_only(gt) || pronoun_only(pt))) && names_compatible(gt, pt))
    })
}

/// Whether both segments give a cue.
pub fn both_have_cues(g: &Segment, p: &Segment) -> bool {
    let has = |s: &Segment| {
        s.cue_frags.as_ref().is_some_and(|f| !f.is_empty()) || s.cue_text.as_ref().is_some_and(|t| !t.is_empty())
    };
    has(g) && has(p)
}

/// Whether the cues overlap or read the same.
pub fn cue_right(g: &Segment, p: &Segment) -> bool {
    if let (Some(a), Some(b)) = (&g.cue_frags, &p.cue_frags) {
        if !a.is_empty() && !b.is_empty() && frags_overlap(a, b) {
            return true;
        }
    }
    match (&g.cue_text, &p.cue_text) {
        (Some(a), Some(b)) if !a.is_empty() && !b.is_empty() => words(a) == words(b),
        _ => false,
    }
}

/// Counts per gold kind: gold segments, and how many were found exactly, by overlap,
/// and end to end.
#[derive(Clone, Copy, Debug, Default)]
pub struct KindCounts {
    /// Gold segments.
    pub gold: usize,
    /// Exactly matched.
    pub exact: usize,
    /// Overlap-matched.
    pub overlap: usize,
    /// Overlap-matched with the right speaker.
    pub end_to_end: usize,
}

/// Totals over a corpus.
#[derive(Clone, Debug, Default)]
pub struct Totals {
    /// Gold segments scored.
    pub gold: usize,
    /// Predicted segments scored.
    pub pred: usize,
    /// Exact matches.
    pub exact: usize,
    /// Overlap matches.
    pub overlap: usize,
    /// Any-overlap matches.
    pub any: usize,
    /// Overlap matches with the right speaker.
    pub end_to_end: usize,
    /// Matched gold segments with a speaker, and how many got it right.
    pub attribution: (usize, usize),
    /// Matched gold segments without a speaker, and how many the system left without.
    pub no_speaker: (usize, usize),
    /// Matched pairs with cues on both sides, and how many agree.
    pub cue: (usize, usize),
    /// Per gold kind.
    pub by_kind: BTreeMap<String, KindCounts>,
}

/// For each predicted segment, whether it is an end-to-end match: paired by overlap
/// (Jaccard ≥ `tau`) with a gold segment and with the right speaker.
pub fn end_to_end_matches(gold: &[Segment], preds: &[Segment], tau: f64) -> Vec<bool> {
    let golds: Vec<&Segment> = gold.iter().collect();
    let preds_ref: Vec<&Segment> = preds.iter().collect();
    let mut right = vec![false; preds.len()];
    for (gi, pi) in pair(&golds, &preds_ref, Pairing::Overlap(tau)) {
        right[pi] = speaker_right(golds[gi], preds_ref[pi]);
    }
    right
}

/// Scores one document's segments into `totals`, keeping only gold `kinds` if given.
pub fn score_document(gold: &[Segment], preds: &[Segment], kinds: Option<&[String]>, tau: f64, totals: &mut Totals) {
    let keep = |s: &Segment| kinds.is_none_or(|k| k.contains(&s.kind));
    let golds: Vec<&Segment> = gold.iter().filter(|s| keep(s)).collect();
    let mut preds: Vec<&Segment> = preds.iter().collect();
    if kinds.is_some() {
        let ignored: Vec<&Segment> = gold.iter().filter(|s| !keep(s)).collect();
        let kept = pair(&golds, &preds, Pairing::Overlap(tau));
        let mut matched = vec![false; preds.len()];
        for &(_, pi) in &kept {
            matched[pi] = true;
        }
        let drop: Vec<bool> = preds
            .iter()
            .enumerate()
            .map(|(i, p)| {
                !matched[i]
                    && ignored
                        .iter()
                        .any(|g| intersection(&p.sig, &g.sig) as f64 >= tau * p.sig.len() as f64)
            })
            .collect();
        preds = preds
            .into_iter()
            .zip(drop)
            .filter(|(_, d)| !d)
            .map(|(p, _)| p)
            .collect();
    }
    totals.gold += golds.len();
    totals.pred += preds.len();
    let exact = pair(&golds, &preds, Pairing::Exact);
    let over = pair(&golds, &preds, Pairing::Overlap(tau));
    totals.exact += exact.len();
    totals.overlap += over.len();
    totals.any += pair(&golds, &preds, Pairing::Any).len();
    let mut found = vec![None; golds.len()];
    for &(gi, pi) in &over {
        let (g, p) = (golds[gi], preds[pi]);
        let ok = speaker_right(g, p);
        found[gi] = Some(ok);
        let slot = if g.has_speaker {
            &mut totals.attribution
        } else {
            &mut totals.no_speaker
        };
        slot.0 += 1;
        slot.1 += usize::from(ok);
        totals.end_to_end += usize::from(ok);
        if both_have_cues(g, p) {
            totals.cue.0 += 1;
            totals.cue.1 += usize::from(cue_right(g, p));
        }
    }
    for (gi, g) in golds.iter().enumerate() {
        let k = totals.by_kind.entry(g.kind.clone()).or_default();
        k.gold += 1;
        k.exact += usize::from(exact.iter().any(|&(x, _)| x == gi));
        k.overlap += usize::from(found[gi].is_some());
        k.end_to_end += usize::from(found[gi] == Some(true));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_and_pronouns() {
        assert!(names_compatible("Peskov", "Dmitry Peskov"));
        assert!(names_compatible("source", "the source"));
        assert!(!names_compatible("he", "he said"));
        assert!(!names_compatible("the", "the source"));
        assert!(pronoun_only("He"));
    }

    #[test]
    fn fragments_split_on_words_between() {
        let text: Vec<char> = "\"A b,\" he said. \"C d.\"".chars().collect();
        assert_eq!(signatures(&vec![(1, 4), (17, 20)], &text).len(), 2);
        let text: Vec<char> = "\"A b\n\n\"C d.\"".chars().collect();
        assert_eq!(signatures(&vec![(1, 4), (7, 10)], &text).len(), 1);
    }
}
