//! Grouping mentions into per-article clusters, one mention at a time in text order:
//! alias groups ("US" = "United States"); full person names, one cluster per person
//! (names with the same first and last word whose middle names agree are one: "Donald J.
//! Trump" = "Donald Trump"; "George W. Bush" and "George H. W. Bush" are two), so that
//! two people who share a surname are two clusters; a single word that is the surname of full names
//! joins one of them — the one a "Mr."/"Mrs." before it fits, else the one the article
//! has named most so far, else the first named ("Trump" is Donald Trump after "Ivanka
//! Trump" was mentioned once); a single first name joins the one full name named before
//! it that it begins ("Ivanka" → "Ivanka Trump"), unless it already stands for someone
//! of its own; other names by their text and label. A mention keeps the
//! label the article settled (`label_votes`: a surname is already its person's), so "Boston" the team and "Boston" the city stay
//! apart.

use crate::lexicon::ALIASES;
use crate::mentions::Mention;
use crate::names::{Gender, first_name_gender};
use byline_core::{Cluster, Document, Entity, EntityLabel};
use std::collections::HashMap;

/// The canonical name of the alias group `text` belongs to, if any.
pub fn alias_group(text: &str) -> Option<&'static str> {
    ALIASES.iter().find(|g| g.contains(&text)).map(|g| g[0])
}

/// Whether two full person names can name one person: the same first and last word, and
/// middle names that agree where both have them ("Donald Trump" = "Donald J. Trump" =
/// "Donald John Trump"; not "George W. Bush" and "George H. W. Bush").
fn same_person(a: &str, b: &str) -> bool {
    let (a, b): (Vec<&str>, Vec<&str>) = (a.split(' ').collect(), b.split(' ').collect());
    if a.len() < 2 || b.len() < 2 || a[0] != b[0] || a[a.len() - 1] != b[b.len() - 1] {
        return false;
    }
    let (ma, mb) = (&a[1..a.len() - 1], &b[1..b.len() - 1]);
    let agree = |x: &str, y: &str| {
        let initial = |w: &str| (w.trim_end_matches('.').chars().count() == 1).then(|| w.chars().next());
        x == y || initial(x).is_some_and(|c| y.chars().next() == c) || initial(y).is_some_and(|c| x.chars().next() == c)
    };
    ma.is_empty() || mb.is_empty() || (ma.len() == mb.len() && ma.iter().zip(mb).all(|(x, y)| agree(x, y)))
}

/// The full person names of an article: each name's key, by its first and last word, in
/// the order of their first mention.
struct FullNames {
    /// Each full person name's key: the first name written of the one person it names.
    keys: HashMap<String, String>,
    /// Per last word: (mention index of the first mention, key) of each distinct name.
    by_last: HashMap<String, Vec<(usize, String)>>,
    /// Per first word: the same.
    by_first: HashMap<String, Vec<(usize, String)>>,
}

impl FullNames {
    fn new(mentions: &[Mention], texts: &[String]) -> Self {
        let mut keys: HashMap<String, String> = HashMap::new();
        // The names written of each person so far, by key.
        let mut people: Vec<(String, Vec<&str>)> = Vec::new();
        let mut by_last: HashMap<String, Vec<(usize, String)>> = HashMap::new();
        let mut by_first: HashMap<String, Vec<(usize, String)>> = HashMap::new();
        for (i, m) in mentions.iter().enumerate() {
            let text = texts[i].as_str();
            if m.label != EntityLabel::Per || !text.contains(' ') {
                continue;
            }
            let key = match keys.get(text) {
                Some(key) => key.clone(),
                None => {
                    // The one person whose every name agrees with this one, else a new one.
                    let fitting: Vec<usize> = (0..people.len())
                        .filter(|&p| people[p].1.iter().all(|n| same_person(n, text)))
                        .collect();
                    let key = match fitting[..] {
                        [p] => {
                            people[p].1.push(text);
                            people[p].0.clone()
                        }
                        _ => {
                            people.push((text.to_owned(), vec![text]));
                            text.to_owned()
                        }
                    };
                    keys.insert(text.to_owned(), key.clone());
                    key
                }
            };
            let (first, last) = (key.split(' ').next(), key.rsplit(' ').next());
            for (map, word) in [(&mut by_last, last), (&mut by_first, first)] {
                let names = map.entry(word.unwrap_or_default().to_owned()).or_default();
                if !names.iter().any(|(_, k)| *k == key) {
                    names.push((i, key.clone()));
                }
            }
        }
        FullNames {
            keys,
            by_last,
            by_first,
        }
    }

    /// The key of the full person name `text`.
    fn key_of(&self, text: &str) -> String {
        self.keys.get(text).cloned().unwrap_or_else(|| text.to_owned())
    }

    /// The names among `names` a mention at index `i` may mean: those named before it,
    /// else the first named after it.
    fn candidates(names: &[(usize, String)], i: usize) -> &[(usize, String)] {
        let before = names.partition_point(|(first, _)| *first < i);
        if before > 0 { &names[..before] } else { &names[..1] }
    }

    /// The full name the surname `word` at mention `i` stands for: among the names ending
    /// with it, those a title's `gender` fits, then the most mentioned so far
    /// (`mentions_of`), then the first named.
    fn surname_owner(&self, word: &str, i: usize, gender: Gender, mentions_of: impl Fn(&str) -> usize) -> Option<&str> {
        let names = Self::candidates(self.by_last.get(word)?, i);
        let fits = |key: &str| {
            let first = key.split(' ').next().unwrap_or_default();
            gender == Gender::Unknown || first_name_gender(first) == gender
        };
        let fitting: Vec<&(usize, String)> = names.iter().filter(|(_, k)| fits(k)).collect();
        let pool: Vec<&(usize, String)> = if fitting.is_empty() {
            names.iter().collect()
        } else {
            fitting
        };
        // The most mentioned; the first named among equals (max_by_key keeps the last).
        pool.iter()
            .rev()
            .max_by_key(|(_, k)| mentions_of(k))
            .map(|(_, k)| k.as_str())
    }

    /// The one full name named before mention `i` that the first name `word` begins, if
    /// only one does and it is no surname here.
    fn first_name_owner(&self, word: &str, i: usize) -> Option<&str> {
        if self.by_last.contains_key(word) {
            return None;
        }
        let names = self.by_first.get(word)?;
        match &names[..names.partition_point(|(first, _)| *first < i)] {
            [(_, key)] => Some(key),
            _ => None,
        }
    }
}

/// The gender a title right before `start` in `text` gives ("Mr." → masculine, "Mrs." and
/// "Ms." → feminine).
fn title_gender(text: &str, start: usize) -> Gender {
    let before = text[..start].trim_end();
    let word = before
        .rsplit([' ', '\n'])
        .next()
        .unwrap_or_default()
        .trim_end_matches('.');
    match word {
        "Mr" | "Sir" | "Lord" => Gender::Masculine,
        "Mrs" | "Ms" | "Miss" | "Dame" | "Lady" => Gender::Feminine,
        _ => Gender::Unknown,
    }
}

/// Writes `doc.entities` and `doc.clusters` from the mentions.
pub fn build_clusters(doc: &mut Document, mentions: Vec<Mention>) {
    let texts: Vec<String> = mentions.iter().map(|m| doc.span_text(m.span).to_owned()).collect();
    let full_names = FullNames::new(&mentions, &texts);
    // Key: the cluster's name, and its label unless it is an alias group.
    let mut key_to_cluster: HashMap<(String, Option<EntityLabel>), usize> = HashMap::new();
    let mut clusters: Vec<Cluster> = Vec::new();
    let mut entities = Vec::with_capacity(mentions.len());
    for (i, m) in mentions.iter().enumerate() {
        let text = texts[i].as_str();
        let label = m.label;
        let person_mentions = |key: &str| {
            key_to_cluster
                .get(&(key.to_owned(), Some(EntityLabel::Per)))
                .map_or(0, |&c| clusters[c].mentions.len())
        };
        let key = if let Some(group) = alias_group(text) {
            (group.to_owned(), None)
        } else if text.contains(' ') {
            let name = if label == EntityLabel::Per {
                full_names.key_of(text)
            } else {
                text.to_owned()
            };
            (name, Some(label))
        } else if label == EntityLabel::Misc {
            (text.to_owned(), Some(label))
        } else if let Some(owner) =
            full_names.surname_owner(text, i, title_gender(&doc.text, m.span.start), person_mentions)
        {
            (owner.to_owned(), Some(EntityLabel::Per))
        } else if let Some(owner) = full_names.first_name_owner(text, i).filter(|_| {
            // A first name already standing for someone of its own stays so ("Your Bill.
            // Not Bill Wilson.").
            label == EntityLabel::Per && !key_to_cluster.contains_key(&(text.to_owned(), Some(EntityLabel::Per)))
        }) {
            (owner.to_owned(), Some(EntityLabel::Per))
        } else {
            (text.to_owned(), Some(label))
        };
        let cluster = *key_to_cluster.entry(key.clone()).or_insert_with(|| {
            clusters.push(Cluster {
                id: clusters.len(),
                name: key.0.clone(),
                label,
                mentions: Vec::new(),
                roles: Vec::new(),
            });
            clusters.len() - 1
        });
        let c = &mut clusters[cluster];
        c.mentions.push(entities.len());
        // The longest mention names the cluster and gives its label.
        if text.chars().count() > c.name.chars().count() && alias_group(&c.name).is_none() {
            c.name = text.to_owned();
            c.label = label;
        }
        for role in &m.roles {
            if !c.roles.contains(role) {
                c.roles.push(role.clone());
            }
        }
        entities.push(Entity {
            span: m.span,
            label,
            cluster,
        });
    }
    doc.entities = entities;
    doc.clusters = clusters;
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn middle_names_make_no_other_person_unless_they_differ() {
        assert!(same_person("Donald Trump", "Donald J. Trump"));
        assert!(same_person("Donald John Trump", "Donald J. Trump"));
        assert!(same_person("Donald Trump", "Donald John Trump"));
        assert!(!same_person("George W. Bush", "George H. W. Bush"));
        assert!(!same_person("Ron Paul", "Rand Paul"));
        assert!(!same_person("Trump", "Donald Trump"));
    }

    #[test]
    fn titles_give_a_gender() {
        let text = "said Mrs. Obama and Mr Obama";
        assert_eq!(title_gender(text, text.find("Obama").unwrap()), Gender::Feminine);
        assert_eq!(title_gender(text, text.rfind("Obama").unwrap()), Gender::Masculine);
        assert_eq!(title_gender(text, 0), Gender::Unknown);
    }
}
