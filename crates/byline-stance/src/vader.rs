//! The VADER sentiment lexicon (MIT; `data/README.md`): the mean valence, −4 … +4, of
//! 7,500 English words, emoticons and slang forms, keyed by their lower-case form.

use byline_learn::hash::FastMap;
use std::sync::LazyLock;

static TSV: &str = include_str!("../data/vader_lexicon.tsv");

static TABLE: LazyLock<FastMap<&'static str, f32>> = LazyLock::new(|| {
    TSV.lines()
        .filter_map(|line| {
            let (word, valence) = line.split_once('\t')?;
            Some((word, valence.trim().parse().ok()?))
        })
        .collect()
});

/// The valence of a lower-case word, if VADER lists it.
pub fn valence(lower: &str) -> Option<f32> {
    TABLE.get(lower).copied()
}

#[cfg(test)]
mod tests {
    #[test]
    fn the_table_is_read_whole() {
        assert!(super::TABLE.len() > 7_000);
        assert!(super::valence("praised").unwrap() > 1.0);
        assert!(super::valence("criticized").unwrap() < -1.0);
        assert_eq!(super::valence("senate"), None);
    }
}
