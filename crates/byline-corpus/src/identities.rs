//! Step 2: one corpus identity per person or organisation. In order:
//! 1. every PER/ORG cluster's name is cut and folded (`names`);
//! 2. full names of persons that agree on first and last word are one identity; middle
//!    initials keep namesakes apart ("George W. Bush" / "George H. W. Bush") and a name
//!    without them joins the dominant one;
//!    namesakes — the same full name with other roles and other company — are apart
//!    (`namesakes`);
//! 3. organisations are one identity by their folded name; an acronym alone joins the
//!    full name that articles spell it with ("FBI" → Federal Bureau of Investigation);
//! 4. a one-word person cluster ("Peskov", "Hillary") joins the full-name identity that
//!    fits it in its article — the same name in the article, shared roles, names it is
//!    seen with elsewhere, how often each is named — when that is unambiguous; else it is
//!    its cluster alone, or one identity per word when no full name of some standing has it;
//! 5. identities are numbered by first appearance and summed up.

use crate::names::{NameParts, acronym_of, has_suffix, is_title, middles_agree, org_parts, person_parts, role_words};
use crate::namesakes;
use crate::read::{Article, ClusterRecord, Label};
use byline_learn::hash::{FastMap, FastSet};
use jiff::civil::Date;
use rayon::prelude::*;

/// A corpus identity, summed over its clusters.
#[derive(Clone, Debug)]
pub(crate) struct Identity {
    pub label: Label,
    /// Its most frequent full form.
    pub name: String,
    /// Name mentions' texts with counts, most frequent first.
    pub variants: Vec<(String, u32)>,
    /// Roles with counts, most frequent first.
    pub roles: Vec<(String, u32)>,
    pub articles: u32,
    pub first_seen: Option<Date>,
    pub last_seen: Option<Date>,
}

/// Every cluster's identity, and the identities in order of first appearance.
#[derive(Debug, Default)]
pub(crate) struct Identities {
    /// Parallel to the input's clusters.
    pub of_cluster: Vec<u32>,
    pub list: Vec<Identity>,
}

#[derive(Clone, Debug, PartialEq, Eq, Hash)]
enum Key {
    /// First and last word, and which of their middle-name forms (`u32::MAX`: none).
    Person(String, u32),
    /// A namesake of the person with that key: another person with the same name.
    Apart(String, u32, u32),
    Org(String),
    /// A one-word name no full name has.
    Word(Label, String),
    /// A one-word name several full names have: its cluster alone.
    Alone(u32),
}

/// What a cluster's name is, before linking.
enum Shape {
    FullPerson { first_last: String, middle: Vec<String> },
    OneWord(String),
    Org(NameParts),
}

/// Weights of the evidence for a one-word name (log counts; see `choose_full_name`).
const ROLE_WEIGHT: f64 = 2.5;
const CONTEXT_WEIGHT: f64 = 1.0;
const CONFLICT_WEIGHT: f64 = 3.0;
/// A first name fits less readily than a last name ("Paul" is Rand Paul before Paul Ryan).
const FIRST_NAME_PENALTY: f64 = 1.5;
/// Articles a full name needs to be a candidate without roles or company in common: three,
/// and a twentieth of the clusters named by the word alone ("Knife Obamacare" is no
/// candidate for the 168 "Obamacare" tagged as persons).
const MIN_CANDIDATE_ARTICLES: u32 = 3;
const MIN_CANDIDATE_SHARE: f64 = 0.05;
/// How far the best full name must lead the next (in log-count units, e^1 ≈ 2.7×).
const MARGIN: f64 = 1.0;
/// Share of the middle-initial forms a name without them needs to join one.
const DOMINANT_MIDDLE: f64 = 0.75;
/// Most names of one article counted as its context.
const CONTEXT_LIMIT: usize = 40;

/// Links every cluster to an identity.
pub(crate) fn link_identities(articles: &[Article], clusters: &[ClusterRecord]) -> Identities {
    let parts: Vec<(NameParts, Shape)> = clusters.par_iter().map(shape).collect();

    // Full names of persons: which middle-name form each is (forms that agree are one).
    let middle_form = middle_forms(&parts);

    // Acronyms: the full names articles spell them with.
    let mut acronyms: FastMap<String, FastMap<String, u32>> = FastMap::default();
    for (c, (p, s)) in clusters.iter().zip(&parts) {
        if let Shape::Org(_) = s {
            for v in &c.variants {
                if acronym_of(v, p) {
                    *acronyms
                        .entry(org_parts(v).joined())
                        .or_default()
                        .entry(p.joined())
                        .or_default() += 1;
                }
            }
        }
    }

    // Keys of full names and organisations.
    let keys: Vec<Option<Key>> = clusters
        .iter()
        .zip(&parts)
        .map(|(c, (p, s))| match s {
            Shape::FullPerson { first_last, middle } => {
                let form = middle_form
                    .get(&(first_last.as_str(), middle.as_slice()))
                    .copied()
                    .unwrap_or(u32::MAX);
                Some(Key::Person(first_last.clone(), form))
            }
            Shape::Org(_) if is_acronym(&c.name) => {
                let own = p.joined();
                let full = acronyms.get(&own).and_then(|fulls| {
                    let total: u32 = fulls.values().sum();
                    fulls
                        .iter()
                        .find(|(_, n)| f64::from(**n) >= 0.8 * f64::from(total))
                        .map(|(f, _)| f.clone())
                });
                Some(Key::Org(full.unwrap_or(own)))
            }
            Shape::Org(p) => Some(Key::Org(p.joined())),
            Shape::OneWord(_) => None,
        })
        .collect();

    // Each cluster's role words, folded once for the namesakes and the one-word names.
    let roles: Vec<Vec<String>> = clusters
        .par_iter()
        .map(|c| c.roles.iter().flat_map(|r| role_words(r)).collect())
        .collect();
    let mut keys = split_namesakes(articles.len(), clusters, &roles, keys);
    let context = Context::new(clusters, &parts, &roles, &keys);
    let chosen: Vec<Option<Key>> = clusters
        .par_iter()
        .zip(&parts)
        .enumerate()
        .map(|(i, (c, (_, s)))| match s {
            Shape::OneWord(word) if c.label == Label::Per => Some(context.choose_full_name(i as u32, c, word)),
            Shape::OneWord(word) => Some(Key::Word(c.label, word.clone())),
            _ => None,
        })
        .collect();
    for (k, c) in keys.iter_mut().zip(chosen) {
        if c.is_some() {
            *k = c;
        }
    }
    number_and_sum(articles, clusters, &parts, keys)
}

/// Provisional ids of the keys of full names and organisations, in order of first
/// appearance: each cluster's id, the first cluster of each id, the articles naming each,
/// and each article's ids.
struct KeyIndex {
    id_of: Vec<Option<u32>>,
    first: Vec<usize>,
    named_in: Vec<u32>,
    in_article: FastMap<u32, Vec<u32>>,
}

fn index_keys(clusters: &[ClusterRecord], keys: &[Option<Key>]) -> KeyIndex {
    let mut ids: FastMap<&Key, u32> = FastMap::default();
    let mut index = KeyIndex {
        id_of: Vec::with_capacity(keys.len()),
        first: Vec::new(),
        named_in: Vec::new(),
        in_article: FastMap::default(),
    };
    let mut last_article: Vec<u32> = Vec::new();
    for (n, (c, key)) in clusters.iter().zip(keys).enumerate() {
        let Some(key) = key else {
            index.id_of.push(None);
            continue;
        };
        let id = *ids.entry(key).or_insert_with(|| {
            index.first.push(n);
            index.named_in.push(0);
            last_article.push(u32::MAX);
            (index.first.len() - 1) as u32
        });
        index.id_of.push(Some(id));
        if last_article[id as usize] != c.article {
            last_article[id as usize] = c.article;
            index.named_in[id as usize] += 1;
            index.in_article.entry(c.article).or_default().push(id);
        }
    }
    index
}

/// Step 2b: namesakes — each full person name's clusters split by roles and company
/// (`namesakes::split`); a person apart gets a key of its own.
fn split_namesakes(
    articles: usize,
    clusters: &[ClusterRecord],
    roles: &[Vec<String>],
    mut keys: Vec<Option<Key>>,
) -> Vec<Option<Key>> {
    let KeyIndex {
        id_of,
        named_in,
        in_article,
        ..
    } = index_keys(clusters, &keys);
    let hubs = namesakes::hubs(&named_in, articles);
    let mut by_person: FastMap<u32, Vec<usize>> = FastMap::default();
    for (i, key) in keys.iter().enumerate() {
        if let (Some(Key::Person(..)), Some(id)) = (key, id_of[i]) {
            by_person.entry(id).or_default().push(i);
        }
    }
    let mut groups: Vec<Vec<usize>> = by_person
        .into_values()
        .filter(|g| g.len() > namesakes::MIN_APART)
        .collect();
    groups.sort_unstable();
    let apart: Vec<(usize, u32)> = groups
        .par_iter()
        .flat_map_iter(|group| {
            let mentions: Vec<namesakes::Mention<'_>> = group
                .iter()
                .map(|&i| {
                    let own = id_of[i];
                    let company = in_article[&clusters[i].article]
                        .iter()
                        .copied()
                        .filter(|k| Some(*k) != own && !hubs.contains(k))
                        .collect();
                    namesakes::Mention {
                        roles: roles[i].iter().map(String::as_str).collect(),
                        company,
                    }
                })
                .collect();
            let person = namesakes::split(&mentions);
            group
                .iter()
                .zip(person)
                .filter(|(_, p)| *p > 0)
                .map(|(&i, p)| (i, p))
                .collect::<Vec<_>>()
        })
        .collect();
    for (i, p) in apart {
        if let Some(Key::Person(first_last, form)) = keys[i].take() {
            keys[i] = Some(Key::Apart(first_last, form, p));
        }
    }
    keys
}

/// For each full person name (first and last word) and middle words: the form they are.
/// Forms are taken most frequent first; a form joins the first earlier one it agrees with
/// (`middles_agree`); a name without middle words joins the most frequent form when that
/// has `DOMINANT_MIDDLE` of the names with middle words, else stays a form of its own.
fn middle_forms(parts: &[(NameParts, Shape)]) -> FastMap<(&str, &[String]), u32> {
    let mut counts: FastMap<&str, Vec<(&[String], u32)>> = FastMap::default();
    for (_, s) in parts {
        if let Shape::FullPerson { first_last, middle } = s {
            let forms = counts.entry(first_last).or_default();
            match forms.iter_mut().find(|(m, _)| *m == middle.as_slice()) {
                Some((_, n)) => *n += 1,
                None => forms.push((middle, 1)),
            }
        }
    }
    let mut out = FastMap::default();
    for (first_last, mut forms) in counts {
        forms.sort_by_key(|f| std::cmp::Reverse(f.1));
        let mut heads: Vec<(&[String], u32)> = Vec::new();
        for &(middle, n) in forms.iter().filter(|(m, _)| !m.is_empty()) {
            let head = match heads.iter().position(|(h, _)| middles_agree(h, middle)) {
                Some(h) => {
                    heads[h].1 += n;
                    h
                }
                None => {
                    heads.push((middle, n));
                    heads.len() - 1
                }
            };
            out.insert((first_last, middle), head as u32);
        }
        // A name without middle words is no "Jr.": it joins among the heads without one.
        let plain = |m: &[String]| !m.iter().any(|w| w.starts_with('+'));
        let bare_total: u32 = heads.iter().filter(|(m, _)| plain(m)).map(|(_, n)| n).sum();
        let dominant = heads
            .iter()
            .enumerate()
            .filter(|(_, (m, _))| plain(m))
            .max_by(|a, b| a.1.1.cmp(&b.1.1).then(b.0.cmp(&a.0)));
        let bare = match dominant {
            Some((h, (_, n))) if f64::from(*n) >= DOMINANT_MIDDLE * f64::from(bare_total) => h as u32,
            Some(_) => u32::MAX,
            None => 0,
        };
        out.insert((first_last, &[][..]), bare);
    }
    out
}

fn is_acronym(name: &str) -> bool {
    let letters = name.chars().filter(|c| c.is_alphabetic()).count();
    (2..=6).contains(&letters) && name.chars().all(|c| c.is_uppercase() || c == '.' || c == '&')
}

fn shape(c: &ClusterRecord) -> (NameParts, Shape) {
    match c.label {
        Label::Per => {
            let p = person_parts(&c.name, &c.roles);
            let s = match p.person_key() {
                Some((first_last, middle)) => Shape::FullPerson { first_last, middle },
                None => Shape::OneWord(p.words.first().cloned().unwrap_or_default()),
            };
            (p, s)
        }
        Label::Org => {
            let p = org_parts(&c.name);
            let s = Shape::Org(p.clone());
            (p, s)
        }
    }
}

/// What is known of full names when one-word names are linked.
struct Context {
    /// Full person names by last word and by first word.
    by_last: FastMap<String, Vec<u32>>,
    by_first: FastMap<String, Vec<u32>>,
    keys: Vec<Key>,
    articles: Vec<u32>,
    roles: Vec<FastMap<String, u32>>,
    /// Pairs of full keys named in one article, with the number of such articles.
    together: FastMap<(u32, u32), u32>,
    /// Full keys of each article (article index → keys), in cluster order.
    in_article: FastMap<u32, Vec<u32>>,
    /// Clusters whose whole name is this one word (a person's).
    one_word: FastMap<String, u32>,
    /// Full names with a generational suffix ("Donald Trump Jr."): never the bare surname
    /// of the article merely because they are named in it.
    suffixed: Vec<bool>,
}

impl Context {
    fn new(
        clusters: &[ClusterRecord],
        parts: &[(NameParts, Shape)],
        roles: &[Vec<String>],
        keys: &[Option<Key>],
    ) -> Context {
        let KeyIndex {
            id_of,
            first,
            named_in,
            in_article,
        } = index_keys(clusters, keys);
        let mut ctx = Context {
            by_last: FastMap::default(),
            by_first: FastMap::default(),
            keys: first.iter().filter_map(|&n| keys[n].clone()).collect(),
            articles: named_in,
            roles: vec![FastMap::default(); first.len()],
            together: FastMap::default(),
            in_article,
            one_word: FastMap::default(),
            suffixed: first.iter().map(|&n| has_suffix(&parts[n].0.words)).collect(),
        };
        for ((c, (_, s)), key) in clusters.iter().zip(parts).zip(keys) {
            if let (Shape::OneWord(w), None, Label::Per) = (s, key, c.label) {
                *ctx.one_word.entry(w.clone()).or_default() += 1;
            }
        }
        for (id, key) in ctx.keys.iter().enumerate() {
            let words = &parts[first[id]].0.words;
            if let (Key::Person(first_last, _) | Key::Apart(first_last, ..), Some(first_word)) = (key, words.first()) {
                // The last word of the key: a suffix ("Jr.") is not it.
                let last = first_last.rsplit(' ').next().unwrap_or_default();
                ctx.by_last.entry(last.to_string()).or_default().push(id as u32);
                ctx.by_first.entry(first_word.clone()).or_default().push(id as u32);
            }
        }
        for (n, id) in id_of.iter().enumerate() {
            if let Some(id) = id {
                for w in &roles[n] {
                    *ctx.roles[*id as usize].entry(w.clone()).or_default() += 1;
                }
            }
        }
        // Context is weighed only between full names that share a last word, so only
        // pairs with one of those are counted.
        let mut shared_last = vec![false; ctx.keys.len()];
        for ids in ctx.by_last.values().filter(|ids| ids.len() > 1) {
            for &id in ids {
                shared_last[id as usize] = true;
            }
        }
        for ids in ctx.in_article.values() {
            let ids = &ids[..ids.len().min(CONTEXT_LIMIT)];
            for &a in ids.iter().filter(|&&a| shared_last[a as usize]) {
                for &b in ids.iter().filter(|&&b| b != a) {
                    *ctx.together.entry((a.min(b), a.max(b))).or_default() += 1;
                }
            }
        }
        ctx
    }

    /// The identity key of a one-word person name (see the module doc, step 4): the full
    /// names with it as last word, or (weighed less) as first word, that are named in the
    /// article, else the one that clearly leads on roles, company and frequency. A word no
    /// full name of some standing has is an identity of its own ("Obamacare" tagged as a
    /// person is one thing wherever it is); a word several fit is its cluster alone.
    fn choose_full_name(&self, cluster: u32, c: &ClusterRecord, word: &str) -> Key {
        let by_last = self.by_last.get(word).map_or(&[][..], Vec::as_slice);
        let by_first = self.by_first.get(word).map_or(&[][..], Vec::as_slice);
        let candidates: Vec<(u32, bool)> = by_last
            .iter()
            .map(|&id| (id, false))
            .chain(by_first.iter().filter(|id| !by_last.contains(id)).map(|&id| (id, true)))
            .collect();
        let here: &[u32] = self.in_article.get(&c.article).map_or(&[], |v| v.as_slice());
        // A full name in the article with the word as last name; one with it as first
        // name only counts in the scores ("Trump" is not "Trump Tower").
        let named_here: Vec<u32> = candidates
            .iter()
            .filter(|c| !c.1 && !self.suffixed[c.0 as usize] && here.contains(&c.0))
            .map(|c| c.0)
            .collect();
        if named_here.len() == 1 {
            return self.keys[named_here[0] as usize].clone();
        }
        let one_word = self.one_word.get(word).copied().unwrap_or(0);
        let candidate_ids: FastSet<u32> = candidates.iter().map(|c| c.0).collect();
        let own_roles: FastSet<String> = c.roles.iter().flat_map(|r| role_words(r)).collect();
        let mut scored: Vec<(f64, bool, u32)> = candidates
            .iter()
            .filter_map(|&(id, first_name)| {
                let roles = &self.roles[id as usize];
                let total: u32 = roles.values().sum();
                // A role word the candidate often has (one in ten of its role words) counts
                // for it; roles it never has count against it.
                let shared = own_roles.iter().any(|w| roles.get(w).is_some_and(|n| n * 10 >= total));
                let conflict = !own_roles.is_empty() && total >= 3 && !own_roles.iter().any(|w| roles.contains_key(w));
                let named = here.contains(&id) && !self.suffixed[id as usize];
                let articles = self.articles[id as usize];
                let rare = articles < MIN_CANDIDATE_ARTICLES
                    || f64::from(articles) < MIN_CANDIDATE_SHARE * f64::from(one_word);
                if rare && !shared && !named {
                    return None;
                }
                let seen_with = here
                    .iter()
                    .filter(|&&other| other != id && !candidate_ids.contains(&other))
                    .filter(|&&other| self.together.contains_key(&(id.min(other), id.max(other))))
                    .count();
                let score = f64::from(articles).ln_1p()
                    + if named { ROLE_WEIGHT } else { 0.0 }
                    + if shared { ROLE_WEIGHT } else { 0.0 }
                    + CONTEXT_WEIGHT * (seen_with as f64).ln_1p()
                    - if conflict { CONFLICT_WEIGHT } else { 0.0 }
                    - if first_name { FIRST_NAME_PENALTY } else { 0.0 };
                Some((score, conflict, id))
            })
            .collect();
        if scored.is_empty() {
            // A title alone ("President") names different people in different articles.
            return if is_title(word) {
                Key::Alone(cluster)
            } else {
                Key::Word(Label::Per, word.to_string())
            };
        }
        scored.sort_by(|a, b| b.0.total_cmp(&a.0).then(a.2.cmp(&b.2)));
        let (best, conflict, id) = scored[0];
        let lead = scored.get(1).map_or(f64::INFINITY, |s| best - s.0);
        if !conflict && lead >= MARGIN {
            self.keys[id as usize].clone()
        } else {
            Key::Alone(cluster)
        }
    }
}

/// Numbers identities by first appearance and sums up their clusters.
fn number_and_sum(
    articles: &[Article],
    clusters: &[ClusterRecord],
    parts: &[(NameParts, Shape)],
    keys: Vec<Option<Key>>,
) -> Identities {
    struct Sums {
        label: Label,
        names: FastMap<String, (u32, u32, bool)>,
        variants: FastMap<String, (u32, u32)>,
        roles: FastMap<String, (u32, u32)>,
        articles: u32,
        last_article: u32,
        first_seen: Option<Date>,
        last_seen: Option<Date>,
    }
    let mut index: FastMap<Key, u32> = FastMap::default();
    let mut sums: Vec<Sums> = Vec::new();
    let mut of_cluster = Vec::with_capacity(clusters.len());
    for (n, ((c, (p, s)), key)) in clusters.iter().zip(parts).zip(keys).enumerate() {
        let key = key.unwrap_or(Key::Alone(n as u32));
        let id = *index.entry(key).or_insert_with(|| {
            sums.push(Sums {
                label: c.label,
                names: FastMap::default(),
                variants: FastMap::default(),
                roles: FastMap::default(),
                articles: 0,
                last_article: u32::MAX,
                first_seen: None,
                last_seen: None,
            });
            (sums.len() - 1) as u32
        });
        of_cluster.push(id);
        let sum = &mut sums[id as usize];
        let order = sum.names.len() as u32;
        let full = !matches!(s, Shape::OneWord(_));
        sum.names.entry(p.display.clone()).or_insert((0, order, full)).0 += 1;
        for v in &c.variants {
            let order = sum.variants.len() as u32;
            sum.variants.entry(v.clone()).or_insert((0, order)).0 += 1;
        }
        for r in &c.roles {
            let order = sum.roles.len() as u32;
            sum.roles.entry(r.clone()).or_insert((0, order)).0 += 1;
        }
        if sum.last_article != c.article {
            sum.last_article = c.article;
            sum.articles += 1;
            if let Some(d) = articles[c.article as usize].published {
                sum.first_seen = Some(sum.first_seen.map_or(d, |f| f.min(d)));
                sum.last_seen = Some(sum.last_seen.map_or(d, |l| l.max(d)));
            }
        }
    }
    let list = sums
        .into_iter()
        .map(|s| {
            let name = s
                .names
                .iter()
                .max_by(|a, b| (a.1.2, a.1.0).cmp(&(b.1.2, b.1.0)).then(b.1.1.cmp(&a.1.1)))
                .map(|(n, _)| n.clone())
                .unwrap_or_default();
            Identity {
                label: s.label,
                name,
                variants: by_count(s.variants),
                roles: by_count(s.roles),
                articles: s.articles,
                first_seen: s.first_seen,
                last_seen: s.last_seen,
            }
        })
        .collect();
    Identities { of_cluster, list }
}

/// Most frequent first, ties in order of first appearance.
fn by_count(map: FastMap<String, (u32, u32)>) -> Vec<(String, u32)> {
    let mut v: Vec<(String, u32, u32)> = map.into_iter().map(|(k, (n, order))| (k, n, order)).collect();
    v.sort_by(|a, b| b.1.cmp(&a.1).then(a.2.cmp(&b.2)));
    v.into_iter().map(|(k, n, _)| (k, n)).collect()
}
