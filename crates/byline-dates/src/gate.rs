//! Gates: a quick test of whether a text mentions any of a family's key words, run before
//! the family's (slower) pattern. One gate is one multi-literal search (the regex crate's
//! SIMD literal scan, several GB/s) instead of one substring search per word.

use regex::Regex;
use std::sync::OnceLock;

/// The key words of one family, compiled on first use.
pub(crate) struct Gate {
    words: &'static [&'static str],
    literals: OnceLock<Regex>,
}

impl Gate {
    /// A gate that opens for texts containing any of `words` (case-sensitive).
    pub(crate) const fn new(words: &'static [&'static str]) -> Gate {
        Gate {
            words,
            literals: OnceLock::new(),
        }
    }

    /// Whether `text` contains one of the words.
    pub(crate) fn opens(&self, text: &str) -> bool {
        self.literals
            .get_or_init(|| {
                let alternatives: Vec<String> = self.words.iter().map(|w| regex::escape(w)).collect();
                Regex::new(&alternatives.join("|")).expect("escaped literals form a valid pattern")
            })
            .is_match(text)
    }
}

#[cfg(test)]
mod tests {
    use super::Gate;

    #[test]
    fn opens_on_any_word_and_only_then() {
        static G: Gate = Gate::new(&["uarter", "a.m."]);
        assert!(G.opens("the third quarter"));
        assert!(G.opens("at 5 a.m."));
        assert!(!G.opens("at 5 am"));
    }
}
