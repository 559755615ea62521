//! Word clusters: words that occur in similar contexts share a cluster id, so the tagger
//! generalises from "Reuters" to names it never saw in training. Each word has ids at
//! three granularities (fine, mid, coarse), and the table records how often each form
//! was seen (log2), so "Wisely" at a sentence start can be told from a name by how
//! common "wisely" is. Shared by the entity tagger and the portrayal classifier; the
//! table ships in `data/clusters.tsv` (sources: `data/README.md`);
//! [`derive`] builds it from unlabelled news (`byline train clusters`).

use crate::hash::{FastMap, lowercase};
use std::sync::LazyLock;

pub use derive::{ClusterOptions, CorpusCounter, derive};

mod derive;

/// The shipped table, derived from the news corpus (see `data/README.md`).
static SHIPPED_TSV: &str = include_str!("../data/clusters.tsv");

/// Cluster ids of a word: fine, mid and coarse.
pub type ClusterIds = [u16; 3];

/// One row of the table: a word form, its cluster ids and its corpus count.
pub type ClusterEntry = (String, ClusterIds, u32);

/// A word → cluster ids table.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct WordClusters {
    map: FastMap<Box<str>, (ClusterIds, u8)>,
}

impl WordClusters {
    /// Reads the tab-separated form: `word  fine  mid  coarse  count` per line.
    pub fn parse(tsv: &str) -> Result<Self, String> {
        let mut map = FastMap::default();
        for (n, line) in tsv.lines().enumerate() {
            if line.is_empty() {
                continue;
            }
            let mut cols = line.split('\t');
            let word = cols.next().unwrap_or_default();
            let mut ids = [0u16; 3];
            for id in &mut ids {
                *id = cols
                    .next()
                    .and_then(|c| c.parse().ok())
                    .ok_or_else(|| format!("clusters line {}: expected word and three ids", n + 1))?;
            }
            let count: u32 = cols
                .next()
                .and_then(|c| c.parse().ok())
                .ok_or_else(|| format!("clusters line {}: expected a count after the ids", n + 1))?;
            map.insert(word.into(), (ids, (32 - count.leading_zeros()) as u8));
        }
        Ok(WordClusters { map })
    }

    /// Writes the tab-separated form, words in the given order.
    pub fn to_tsv(entries: &[ClusterEntry]) -> String {
        let mut out = String::new();
        for (word, [a, b, c], count) in entries {
            out.push_str(&format!("{word}\t{a}\t{b}\t{c}\t{count}\n"));
        }
        out
    }

    /// Number of words in the table.
    pub fn len(&self) -> usize {
        self.map.len()
    }

    /// Whether the table is empty.
    pub fn is_empty(&self) -> bool {
        self.map.is_empty()
    }

    /// The ids of a word as written; an all-caps or lower-case word not in the table is
    /// looked up capitalised, then lower-cased ("PESKOV" → "Peskov").
    pub fn get(&self, word: &str) -> Option<ClusterIds> {
        if let Some((ids, _)) = self.map.get(word) {
            return Some(*ids);
        }
        let lower = lowercase(word);
        let capitalised = capitalise(&lower);
        if capitalised != word {
            if let Some((ids, _)) = self.map.get(capitalised.as_str()) {
                return Some(*ids);
            }
        }
        if lower != word {
            return self.map.get(lower.as_str()).map(|(ids, _)| *ids);
        }
        None
    }

    /// How often this exact form was seen in the corpus, as a bit length (0 = never or
    /// too rare to be in the table; 1 = once; 4 = 8–15 times …).
    pub fn log_count(&self, word: &str) -> u8 {
        self.map.get(word).map_or(0, |(_, c)| *c)
    }
}

/// A lower-case word with its first letter upper-cased ("peskov" → "Peskov").
pub fn capitalise(lower: &str) -> String {
    let mut chars = lower.chars();
    chars
        .next()
        .into_iter()
        .flat_map(char::to_uppercase)
        .chain(chars)
        .collect()
}

/// The shipped table, parsed once.
pub fn shipped_clusters() -> &'static WordClusters {
    static TABLE: LazyLock<WordClusters> = LazyLock::new(|| {
        WordClusters::parse(SHIPPED_TSV).expect("the shipped cluster table is valid (checked by a test)")
    });
    &TABLE
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_and_falls_back_on_case() {
        let t = WordClusters::parse("Peskov\t1\t2\t3\t12\nsaid\t4\t5\t6\t900\n").unwrap();
        assert_eq!(t.log_count("Peskov"), 4);
        assert_eq!(t.log_count("peskov"), 0);
        assert_eq!(t.get("Peskov"), Some([1, 2, 3]));
        assert_eq!(t.get("PESKOV"), Some([1, 2, 3]));
        assert_eq!(t.get("SAID"), Some([4, 5, 6]));
        assert_eq!(t.get("Said"), Some([4, 5, 6]));
        assert_eq!(t.get("unknown"), None);
        assert!(WordClusters::parse("word\t1\t2\n").is_err());
        assert!(WordClusters::parse("word\t1\t2\t3\n").is_err());
    }

    #[test]
    fn shipped_table_is_valid_and_groups_similar_words() {
        let t = shipped_clusters();
        assert!(t.len() > 10_000, "{} words", t.len());
        // Weekdays share a coarse cluster; so do two common first names.
        let coarse = |w: &str| t.get(w).map(|ids| ids[2]);
        assert_eq!(coarse("Monday"), coarse("Thursday"));
        assert_eq!(coarse("John"), coarse("Michael"));
    }
}
