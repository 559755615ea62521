//! The scores of `eval_seesaw.py score`: system stances placed in sentences, deduplicated
//! into units, matched one-to-one to gold triplets (maximum bipartite matching, better
//! edges first) per sentence with and without polarity and per document, and the report
//! printed as the reference scorer prints it.

use super::names::{Role, best_match, norm_key};
use super::read::{GoldKind, Polarity, SeesawArticle, Triplet};
use serde_json::Value;
use std::collections::{BTreeSet, HashMap};
use std::fmt::Write as _;

/// One system stance placed in a sentence.
#[derive(Clone, Debug)]
struct Stance {
    sid: String,
    polarity: Polarity,
    holder_names: Vec<String>,
    target_names: Vec<String>,
    holder_key: String,
    target_key: String,
    score: f64,
    channel: String,
}

/// Stances merged on their holder and target keys (and polarity).
#[derive(Clone, Debug)]
struct Unit {
    holder_names: Vec<String>,
    target_names: Vec<String>,
    polarities: u8,
    best_polarity: Polarity,
    best_score: f64,
    channel: String,
}

/// A gold item to match: a triplet, or (polarity ignored) a holder-target pair with the
/// polarities annotated for it.
struct GoldItem<'a> {
    subject: &'a str,
    object: &'a str,
    polarity: Option<Polarity>,
    polarities: u8,
}

/// Counts in first-seen order, listed by count as Python's `Counter.most_common` does.
#[derive(Default)]
struct Tally(Vec<(String, usize)>);

impl Tally {
    fn add(&mut self, key: &str, n: usize) {
        match self.0.iter_mut().find(|(k, _)| k == key) {
            Some((_, v)) => *v += n,
            None => self.0.push((key.to_owned(), n)),
        }
    }

    fn get(&self, key: &str) -> usize {
        self.0.iter().find(|(k, _)| k == key).map_or(0, |(_, v)| *v)
    }

    fn most_common(&self) -> Vec<(String, usize)> {
        let mut out = self.0.clone();
        out.sort_by_key(|b| std::cmp::Reverse(b.1));
        out
    }
}

fn text_of(v: Option<&Value>) -> Option<&str> {
    v.and_then(Value::as_str).filter(|s| !s.is_empty())
}

fn key_of(v: &Value) -> String {
    v.to_string()
}

/// The system stances of `record` placed in sentences of `article`.
fn system_stances(article: &SeesawArticle, record: &Value, problems: &mut Tally) -> Vec<Stance> {
    let empty = Vec::new();
    let list = |k: &str| record.get(k).and_then(Value::as_array).unwrap_or(&empty);
    let clusters: HashMap<String, &Value> = list("clusters")
        .iter()
        .map(|c| (key_of(c.get("id").unwrap_or(&Value::Null)), c))
        .collect();
    let chars: Vec<char> = article.text.chars().collect();
    let mut mentions: HashMap<String, Vec<String>> = HashMap::new();
    for entity in list("entities") {
        let text = entity.get("text").and_then(Value::as_str);
        if let (Some(c), Some(t)) = (
            entity.get("cluster").filter(|c| !c.is_null()),
            text.filter(|t| !t.is_empty()),
        ) {
            mentions.entry(key_of(c)).or_default().push(t.to_owned());
        }
        let (s, e) = (entity.get("start"), entity.get("end"));
        if let (Some(s), Some(e), Some(t)) = (s.and_then(Value::as_i64), e.and_then(Value::as_i64), text) {
            problems.add("entity_spans", 1);
            let clamp = |x: i64| x.clamp(0, chars.len() as i64) as usize;
            let (s, e) = (clamp(s), clamp(e));
            let slice: String = if s < e {
                chars[s..e].iter().collect()
            } else {
                String::new()
            };
            if slice != t {
                problems.add("entity_span_mismatch", 1);
            }
        }
    }
    let mut stances = Vec::new();
    for st in list("stances") {
        let null = Value::Null;
        let holder = st.get("holder").filter(|h| !h.is_null()).unwrap_or(&null);
        let target = st.get("target").filter(|t| !t.is_null()).unwrap_or(&null);
        let polarity = match st.get("polarity").and_then(Value::as_str) {
            Some("positive") => Polarity::Pos,
            Some("negative") => Polarity::Neg,
            _ => {
                problems.add("bad_polarity", 1);
                continue;
            }
        };
        let holder_name = text_of(holder.get("name"));
        let holder_cluster = holder.get("cluster").filter(|c| !c.is_null()).map(key_of);
        let (mut holder_names, holder_key) = match holder_cluster.as_ref().and_then(|c| clusters.get(c).map(|v| (c, v)))
        {
            Some((c, cluster)) => {
                let mut names: Vec<String> = text_of(cluster.get("name")).map(str::to_owned).into_iter().collect();
                names.extend(mentions.get(c).cloned().unwrap_or_default());
                names.extend(holder_name.map(str::to_owned));
                (names, format!("c {c}"))
            }
            None => (
                holder_name.map(str::to_owned).into_iter().collect(),
                format!("n {}", norm_key(holder_name.unwrap_or(""))),
            ),
        };
        holder_names.retain(|n| !n.is_empty());
        let target_text = text_of(target.get("text"));
        let mut target_names: Vec<String> = target_text.map(str::to_owned).into_iter().collect();
        let target_cluster = target.get("cluster").filter(|c| !c.is_null()).map(key_of);
        let target_key = match target_cluster.as_ref().and_then(|c| clusters.get(c).map(|v| (c, v))) {
            Some((c, cluster)) => {
                target_names.extend(text_of(cluster.get("name")).map(str::to_owned));
                format!("c {c}")
            }
            None => format!("t {}", norm_key(target_text.unwrap_or(""))),
        };
        let evidence = st.get("evidence").filter(|e| !e.is_null()).unwrap_or(&null);
        let anchor = evidence
            .get("start")
            .and_then(Value::as_i64)
            .or_else(|| target.get("start").and_then(Value::as_i64));
        let Some(sid) = anchor.and_then(|a| article.sentence_of(a)) else {
            problems.add("stance_without_sentence", 1);
            continue;
        };
        stances.push(Stance {
            sid: sid.to_owned(),
            polarity,
            holder_names,
            target_names,
            holder_key,
            target_key,
            score: st.get("score").and_then(Value::as_f64).unwrap_or(0.0),
            channel: text_of(st.get("channel")).unwrap_or("?").to_owned(),
        });
    }
    stances
}

/// Deduplicates stances on (holder key, target key[, polarity]), in first-seen order.
fn merge_units(stances: &[&Stance], with_polarity: bool) -> Vec<Unit> {
    let mut index: HashMap<(&str, &str, Option<Polarity>), usize> = HashMap::new();
    let mut units: Vec<Unit> = Vec::new();
    for st in stances {
        let key = (
            st.holder_key.as_str(),
            st.target_key.as_str(),
            with_polarity.then_some(st.polarity),
        );
        let i = *index.entry(key).or_insert_with(|| {
            units.push(Unit {
                holder_names: Vec::new(),
                target_names: Vec::new(),
                polarities: 0,
                best_polarity: st.polarity,
                best_score: st.score,
                channel: st.channel.clone(),
            });
            units.len() - 1
        });
        let u = &mut units[i];
        for n in &st.holder_names {
            if !u.holder_names.contains(n) {
                u.holder_names.push(n.clone());
            }
        }
        for n in &st.target_names {
            if !u.target_names.contains(n) {
                u.target_names.push(n.clone());
            }
        }
        u.polarities |= st.polarity.bit();
        if st.score > u.best_score {
            (u.best_polarity, u.best_score, u.channel) = (st.polarity, st.score, st.channel.clone());
        }
    }
    units
}

fn edge_quality(unit: &Unit, gold: &GoldItem, use_polarity: bool) -> u8 {
    if use_polarity && gold.polarity.is_some_and(|p| unit.polarities & p.bit() == 0) {
        return 0;
    }
    let holder = best_match(&unit.holder_names, gold.subject, Role::Holder);
    if holder == 0 {
        return 0;
    }
    let target = best_match(&unit.target_names, gold.object, Role::Target);
    if target == 0 {
        return 0;
    }
    let agrees = !use_polarity && gold.polarities & unit.best_polarity.bit() != 0;
    holder + target + u8::from(agrees)
}

/// A maximum one-to-one matching (augmenting paths, better edges first): unit → gold.
fn max_matching(units: &[Unit], golds: &[GoldItem], use_polarity: bool) -> HashMap<usize, usize> {
    let adjacency: Vec<Vec<(u8, usize)>> = units
        .iter()
        .map(|u| {
            let mut edges: Vec<(u8, usize)> = golds
                .iter()
                .enumerate()
                .map(|(j, g)| (edge_quality(u, g, use_polarity), j))
                .filter(|e| e.0 > 0)
                .collect();
            edges.sort_by_key(|e| std::cmp::Reverse(e.0));
            edges
        })
        .collect();
    fn augment(
        i: usize,
        adjacency: &[Vec<(u8, usize)>],
        owner: &mut HashMap<usize, usize>,
        seen: &mut Vec<bool>,
    ) -> bool {
        for &(_, j) in &adjacency[i] {
            if seen[j] {
                continue;
            }
            seen[j] = true;
            let free = match owner.get(&j) {
                None => true,
                Some(&k) => augment(k, adjacency, owner, seen),
            };
            if free {
                owner.insert(j, i);
                return true;
            }
        }
        false
    }
    let mut order: Vec<usize> = (0..units.len()).collect();
    order.sort_by_key(|&i| std::cmp::Reverse(adjacency[i].first().map_or(0, |e| e.0)));
    let mut owner: HashMap<usize, usize> = HashMap::new();
    for i in order {
        if !adjacency[i].is_empty() {
            let mut seen = vec![false; golds.len()];
            augment(i, &adjacency, &mut owner, &mut seen);
        }
    }
    owner.into_iter().map(|(j, i)| (i, j)).collect()
}

/// Python's `round(x, 2)` for the figures printed.
fn round2(x: f64) -> f64 {
    format!("{x:.2}").parse().unwrap_or(x)
}

/// Tp, system, gold with P / R / F1 in percent, rounded as the reference rounds them.
#[derive(Clone, Copy, Debug, Default)]
struct Prf {
    tp: usize,
    system: usize,
    gold: usize,
}

impl Prf {
    fn figures(&self) -> (f64, f64, f64) {
        let p = if self.system > 0 {
            100.0 * self.tp as f64 / self.system as f64
        } else {
            0.0
        };
        let r = if self.gold > 0 {
            100.0 * self.tp as f64 / self.gold as f64
        } else {
            0.0
        };
        let f = if p + r > 0.0 { 2.0 * p * r / (p + r) } else { 0.0 };
        (round2(p), round2(r), round2(f))
    }

    fn line(&self, name: &str) -> String {
        let (p, r, f) = self.figures();
        format!(
            "{name:<22} P {p:6.2}  R {r:6.2}  F1 {f:6.2}   (tp {}, system {}, gold {})\n",
            self.tp, self.system, self.gold
        )
    }
}

/// The header of the score reliability section `render` adds after the reference
/// scorer's report (sentence-level system units against the gold triplets).
pub const RELIABILITY_HEADER: &str = "\nprecision of byline's sentence-level stances by score";

/// Everything the report prints, summed over articles.
#[derive(Default)]
pub struct Report {
    articles: usize,
    missing: usize,
    extra: usize,
    triplets: Prf,
    pairs: Prf,
    polarity_right: usize,
    documents: Prf,
    system_stances: usize,
    gold_all: usize,
    gold_main: usize,
    gold_nil_subject: usize,
    gold_nil_object: usize,
    nil_subject_hits: usize,
    nil_object_hits: usize,
    false_positives: Tally,
    misses: Tally,
    channel_units: Tally,
    channel_tp: Tally,
    /// Each sentence-level system unit's score and whether it matched a gold triplet.
    scored: Vec<(f64, bool)>,
    problems: Tally,
}

impl Report {
    /// Scores the system records (by id) on `articles`.
    pub fn new(articles: &[SeesawArticle], records: &HashMap<String, Value>) -> Report {
        let mut report = Report {
            articles: articles.len(),
            extra: records.keys().filter(|k| !articles.iter().any(|a| &a.id == *k)).count(),
            ..Report::default()
        };
        for article in articles {
            report.add(article, records.get(&article.id));
        }
        report
    }

    /// How many entity spans disagree with the rebuilt text, of how many.
    pub fn span_problems(&self) -> (usize, usize) {
        (
            self.problems.get("entity_span_mismatch"),
            self.problems.get("entity_spans"),
        )
    }

    fn add(&mut self, article: &SeesawArticle, record: Option<&Value>) {
        let empty = Value::Object(Default::default());
        let record = record.unwrap_or_else(|| {
            self.missing += 1;
            &empty
        });
        if record
            .get("error")
            .is_some_and(|e| !e.is_null() && e != &Value::Bool(false) && e != "")
        {
            self.problems.add("record_error", 1);
        }
        let stances = system_stances(article, record, &mut self.problems);
        self.system_stances += record.get("stances").and_then(Value::as_array).map_or(0, Vec::len);
        let mut by_sentence: HashMap<&str, Vec<&Stance>> = HashMap::new();
        for st in &stances {
            by_sentence.entry(st.sid.as_str()).or_default().push(st);
        }
        let mut main: HashMap<&str, Vec<&Triplet>> = HashMap::new();
        for (sid, triplets) in &article.gold {
            self.gold_all += triplets.len();
            let of = |k: GoldKind| triplets.iter().filter(move |t| t.kind() == k);
            self.gold_main += of(GoldKind::Main).count();
            self.gold_nil_subject += of(GoldKind::NilSubject).count();
            self.gold_nil_object += of(GoldKind::NilObject).count();
            main.insert(sid.as_str(), of(GoldKind::Main).collect());
            for t in triplets.iter().filter(|t| t.kind() != GoldKind::Main) {
                let hit = by_sentence.get(sid.as_str()).is_some_and(|sts| {
                    sts.iter().any(|st| {
                        st.polarity == t.polarity && best_match(&st.target_names, &t.object, Role::Target) > 0
                    })
                });
                match t.kind() {
                    GoldKind::NilSubject => self.nil_subject_hits += usize::from(hit),
                    _ => self.nil_object_hits += usize::from(hit),
                }
            }
        }
        let sids: BTreeSet<&str> = by_sentence.keys().chain(main.keys()).copied().collect();
        for sid in sids {
            let system = by_sentence.get(sid).cloned().unwrap_or_default();
            let golds = main.get(sid).cloned().unwrap_or_default();
            let any_gold_here = article.gold.get(sid).is_some_and(|g| !g.is_empty());
            self.sentence(&system, &golds, any_gold_here);
        }
        let all: Vec<&Stance> = stances.iter().collect();
        let units = merge_units(&all, true);
        let mut seen: Vec<(String, Polarity, String)> = Vec::new();
        let mut golds: Vec<GoldItem> = Vec::new();
        for t in article.gold.values().flatten().filter(|t| t.kind() == GoldKind::Main) {
            let key = (t.subject.to_lowercase(), t.polarity, t.object.to_lowercase());
            if !seen.contains(&key) {
                seen.push(key);
                golds.push(triplet_item(t));
            }
        }
        self.documents.tp += max_matching(&units, &golds, true).len();
        self.documents.system += units.len();
        self.documents.gold += golds.len();
    }

    /// One sentence: triplets, then pairs with polarity ignored.
    fn sentence(&mut self, system: &[&Stance], golds: &[&Triplet], any_gold_here: bool) {
        let units = merge_units(system, true);
        let items: Vec<GoldItem> = golds.iter().map(|t| triplet_item(t)).collect();
        let matched = max_matching(&units, &items, true);
        self.triplets.tp += matched.len();
        self.triplets.system += units.len();
        self.triplets.gold += items.len();
        let holder_ok = |u: &Unit, g: &GoldItem| best_match(&u.holder_names, g.subject, Role::Holder) > 0;
        let target_ok = |u: &Unit, g: &GoldItem| best_match(&u.target_names, g.object, Role::Target) > 0;
        for (i, u) in units.iter().enumerate() {
            self.channel_units.add(&u.channel, 1);
            self.scored.push((u.best_score, matched.contains_key(&i)));
            if matched.contains_key(&i) {
                self.channel_tp.add(&u.channel, 1);
                continue;
            }
            let kind = if !any_gold_here {
                "sentence_has_no_gold"
            } else if items.is_empty() {
                "sentence_has_only_none_or_nil_gold"
            } else if !items.iter().any(|g| holder_ok(u, g)) {
                "holder_matches_no_gold"
            } else if !items.iter().any(|g| holder_ok(u, g) && target_ok(u, g)) {
                "holder_ok_target_wrong"
            } else {
                "holder_target_ok_polarity_wrong_or_taken"
            };
            self.false_positives.add(kind, 1);
        }
        let taken: BTreeSet<usize> = matched.values().copied().collect();
        for (_, g) in items.iter().enumerate().filter(|(j, _)| !taken.contains(j)) {
            let kind = if system.is_empty() {
                "no_system_stance_in_sentence"
            } else if !units.iter().any(|u| holder_ok(u, g)) {
                "no_system_holder_matches"
            } else if !units.iter().any(|u| holder_ok(u, g) && target_ok(u, g)) {
                "holder_found_target_missed"
            } else {
                "holder_target_found_polarity_wrong_or_taken"
            };
            self.misses.add(kind, 1);
        }
        let pair_units = merge_units(system, false);
        let mut pair_golds: Vec<GoldItem> = Vec::new();
        let mut keys: Vec<(String, String)> = Vec::new();
        for t in golds {
            let key = (t.subject.to_lowercase(), t.object.to_lowercase());
            match keys.iter().position(|k| *k == key) {
                Some(i) => pair_golds[i].polarities |= t.polarity.bit(),
                None => {
                    keys.push(key);
                    pair_golds.push(GoldItem {
                        subject: &t.subject,
                        object: &t.object,
                        polarity: None,
                        polarities: t.polarity.bit(),
                    });
                }
            }
        }
        let pairs = max_matching(&pair_units, &pair_golds, false);
        self.pairs.tp += pairs.len();
        self.pairs.system += pair_units.len();
        self.pairs.gold += pair_golds.len();
        self.polarity_right += pairs
            .iter()
            .filter(|(i, j)| pair_golds[**j].polarities & pair_units[**i].best_polarity.bit() != 0)
            .count();
    }

    /// The report as `eval_seesaw.py score` prints it.
    pub fn render(&self) -> String {
        let per_article = |n: usize| {
            if self.articles == 0 {
                return "0".to_owned();
            }
            let v = round2(n as f64 / self.articles as f64);
            python_float(v)
        };
        let mut out = format!(
            "articles {}  (system records missing {}, extra {})\n",
            self.articles, self.missing, self.extra
        );
        out += &self.triplets.line("sentence (h,t,pol)");
        out += &self.pairs.line("sentence (h,t)");
        let accuracy = if self.pairs.tp > 0 {
            round2(100.0 * self.polarity_right as f64 / self.pairs.tp as f64)
        } else {
            0.0
        };
        let _ = writeln!(
            out,
            "{:<22} {accuracy:6.2}  ({}/{} matched pairs)",
            "polarity accuracy", self.polarity_right, self.pairs.tp
        );
        out += &self.documents.line("document (h,t,pol)");
        let with_nil = self.triplets.gold + self.gold_nil_object;
        let recall_nil = if with_nil > 0 {
            round2(100.0 * self.triplets.tp as f64 / with_nil as f64)
        } else {
            0.0
        };
        let _ = writeln!(
            out,
            "sentence (h,t,pol) recall counting 'Not in the list' objects as misses: {recall_nil:.2}"
        );
        let _ = writeln!(
            out,
            "per article: system stances {}, sentence-level system units {}, gold main triplets {} (all gold {})",
            per_article(self.system_stances),
            per_article(self.triplets.system),
            per_article(self.gold_main),
            per_article(self.gold_all)
        );
        let _ = writeln!(
            out,
            "excluded gold: None/'Not in the list' subject {} (target+polarity hit {}), 'Not in the list' object {} (hit {})",
            self.gold_nil_subject, self.nil_subject_hits, self.gold_nil_object, self.nil_object_hits
        );
        let kinds = |t: &Tally| {
            t.most_common()
                .iter()
                .map(|(k, v)| format!("{k} {v}"))
                .collect::<Vec<_>>()
                .join(", ")
        };
        let _ = writeln!(out, "false positives: {}", kinds(&self.false_positives));
        let _ = writeln!(out, "misses: {}", kinds(&self.misses));
        let channels: Vec<String> = self
            .channel_units
            .most_common()
            .iter()
            .map(|(ch, n)| {
                let tp = self.channel_tp.get(ch);
                format!("{ch} {:.1} ({tp}/{n})", round2(100.0 * tp as f64 / *n as f64))
            })
            .collect();
        let _ = writeln!(out, "precision by channel: {}", channels.join(", "));
        if !self.problems.0.is_empty() {
            let items: Vec<String> = self.problems.0.iter().map(|(k, v)| format!("'{k}': {v}")).collect();
            let _ = writeln!(out, "problems: {{{}}}", items.join(", "));
        }
        // Byline's own section, after everything the reference scorer prints.
        let _ = writeln!(out, "{RELIABILITY_HEADER}");
        out.push_str(&crate::reliability::render(&self.scored, "stances"));
        out
    }
}

fn triplet_item(t: &Triplet) -> GoldItem<'_> {
    GoldItem {
        subject: &t.subject,
        object: &t.object,
        polarity: Some(t.polarity),
        polarities: t.polarity.bit(),
    }
}

/// A float as Python's `str` writes it (`17.0`, `5.4`).
fn python_float(v: f64) -> String {
    let s = format!("{v}");
    if s.contains(['.', 'e', 'i', 'N']) {
        s
    } else {
        format!("{s}.0")
    }
}
