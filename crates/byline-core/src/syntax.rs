//! The syntax layer ([`Syntax`]): the syntactic words of each sentence (Universal
//! Dependencies words: the core tokens with clitics split off and a few pieces joined,
//! see the `byline-syntax` crate), each with its universal and Penn Treebank tags, its
//! lemma and its head and relation in the sentence's dependency tree.

use crate::span::Span;
use std::ops::Range;

/// Declares a tag type: an index into a fixed table of names.
macro_rules! tag_set {
    ($(#[$doc:meta])* $name:ident, $table:ident, $fallback:literal, [$($tag:literal),+ $(,)?]) => {
        #[doc = concat!("Every name a [`", stringify!($name), "`] can have, in index order.")]
        pub const $table: &[&str] = &[$($tag),+];

        $(#[$doc])*
        #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
        pub struct $name(u8);

        impl $name {
            /// The tag called `name`, if the set has it.
            pub fn from_name(name: &str) -> Option<Self> {
                $table.iter().position(|t| *t == name).map(|i| $name(i as u8))
            }

            /// The tag called `name`, or the set's catch-all tag (`
            #[doc = $fallback]
            /// `) for a name it does not have.
            pub fn from_name_or_fallback(name: &str) -> Self {
                Self::from_name(name).unwrap_or_else(|| Self::from_name($fallback).expect("the fallback is in the set"))
            }

            /// The tag with index `index` in the table, if there is one.
            pub fn from_index(index: usize) -> Option<Self> {
                (index < $table.len()).then(|| $name(index as u8))
            }

            /// Its index in the table.
            pub fn index(self) -> usize {
                self.0 as usize
            }

            /// Its name.
            pub fn as_str(self) -> &'static str {
                $table[self.0 as usize]
            }
        }

        impl std::fmt::Display for $name {
            fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.write_str(self.as_str())
            }
        }
    };
}

tag_set!(
    /// A universal part-of-speech tag (UD v2's 17).
    Upos,
    UPOS_TAGS,
    "X",
    [
        "ADJ", "ADP", "ADV", "AUX", "CCONJ", "DET", "INTJ", "NOUN", "NUM", "PART", "PRON", "PROPN", "PUNCT", "SCONJ",
        "SYM", "VERB", "X",
    ]
);

tag_set!(
    /// A Penn Treebank tag, as the English UD treebanks (GUM, EWT) write XPOS.
    Xpos,
    XPOS_TAGS,
    "XX",
    [
        "NN", "IN", "DT", "JJ", "NNP", "PRP", "NNS", "RB", ".", ",", "VB", "CC", "VBP", "VBD", "VBZ", "VBN", "CD",
        "VBG", "TO", "PRP$", "MD", "UH", ":", "WDT", "-RRB-", "-LRB-", "WRB", "HYPH", "WP", "``", "''", "RP", "POS",
        "NNPS", "JJR", "EX", "JJS", "RBR", "FW", "SYM", "PDT", "RBS", "ADD", "$", "LS", "NFP", "GW", "WP$", "AFX",
        "XX",
    ]
);

tag_set!(
    /// A Universal Dependencies relation, subtypes included (`nsubj:pass`, `obl:unmarked`).
    Deprel,
    DEPRELS,
    "dep",
    [
        "root", "punct", "case", "det", "nsubj", "amod", "advmod", "obj", "obl", "nmod", "conj", "cc", "mark",
        "compound", "aux", "cop", "nmod:poss", "advcl", "xcomp", "acl:relcl", "flat", "acl", "discourse",
        "parataxis", "ccomp", "aux:pass", "nsubj:pass", "nummod", "appos", "obl:unmarked", "compound:prt",
        "nmod:unmarked", "fixed", "expl", "reparandum", "dep", "iobj", "obl:agent", "csubj", "advcl:relcl",
        "nsubj:outer", "nmod:desc", "list", "det:predet", "vocative", "orphan", "cc:preconj", "dislocated",
        "goeswith", "csubj:pass", "csubj:outer", "obl:tmod", "obl:npmod", "nmod:tmod", "nmod:npmod", "flat:foreign",
        "flat:name", "compound:redup", "det:poss", "clf",
    ]
);

impl Deprel {
    /// The universal part of the relation (`nsubj` of `nsubj:pass`).
    pub fn universal(self) -> &'static str {
        let name = self.as_str();
        name.split_once(':').map_or(name, |(universal, _)| universal)
    }
}

/// One syntactic word.
#[derive(Clone, Debug, PartialEq)]
pub struct Word {
    /// Where it is (bytes): a whole token, part of one ("do" of "don't") or several
    /// joined ("U.S." of "U.S" and ".").
    pub span: Span,
    /// The index of the (first) core token it lies in.
    pub token: usize,
    /// Universal part of speech.
    pub upos: Upos,
    /// Penn Treebank tag.
    pub xpos: Xpos,
    /// Dictionary form ("say" for "said"; proper nouns as written).
    pub lemma: String,
    /// Index (into [`Syntax::words`]) of its head, or `None` for the sentence's root.
    pub head: Option<usize>,
    /// Its relation to its head (`root` for the root).
    pub deprel: Deprel,
}

/// The syntax layer of a document: its words in text order and each sentence's words.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Syntax {
    /// Every syntactic word of the text, in order.
    pub words: Vec<Word>,
    /// The words of each sentence (`sentences[i]` for `Document::sentences[i]`).
    pub sentences: Vec<Range<usize>>,
}

impl Syntax {
    /// The dependents of word `index`, in text order (a scan of its sentence, found by
    /// binary search).
    pub fn children(&self, index: usize) -> impl Iterator<Item = usize> + '_ {
        let at = self.sentences.partition_point(|r| r.end <= index);
        let sentence = self
            .sentences
            .get(at)
            .filter(|r| r.contains(&index))
            .cloned()
            .unwrap_or(0..0);
        sentence.filter(move |&w| self.words[w].head == Some(index))
    }

    /// Index of the word that covers byte `pos`, if any.
    pub fn word_at(&self, pos: usize) -> Option<usize> {
        let i = self.words.partition_point(|w| w.span.end <= pos);
        (i < self.words.len() && self.words[i].span.start <= pos).then_some(i)
    }
}

/// The dependents of every word of a [`Syntax`] and the extent of each word's subtree,
/// built once in linear time (a malformed tree — a cycle, a head out of range — cannot
/// make it loop: words no root reaches keep themselves as their extent).
#[derive(Clone, Debug, Default)]
pub struct DependencyTree {
    first_child: Vec<usize>,
    children: Vec<usize>,
    extent: Vec<(usize, usize)>,
}

impl DependencyTree {
    /// The tree of `syntax`.
    pub fn new(syntax: &Syntax) -> DependencyTree {
        let words = &syntax.words;
        let n = words.len();
        let mut count = vec![0usize; n + 1];
        for w in words {
            if let Some(h) = w.head.filter(|&h| h < n) {
                count[h + 1] += 1;
            }
        }
        for i in 0..n {
            count[i + 1] += count[i];
        }
        let first_child = count.clone();
        let mut children = vec![0usize; first_child[n]];
        let mut next = count;
        for (i, w) in words.iter().enumerate() {
            if let Some(h) = w.head.filter(|&h| h < n) {
                children[next[h]] = i;
                next[h] += 1;
            }
        }
        let mut tree = DependencyTree {
            first_child,
            children,
            extent: (0..n).map(|i| (i, i)).collect(),
        };
        // Children before their heads: a post-order walk from the roots (each word is
        // visited once, so a malformed tree cannot loop).
        let mut order = Vec::with_capacity(n);
        let mut seen = vec![false; n];
        for root in (0..n).filter(|&i| words[i].head.is_none_or(|h| h >= n)) {
            let mut stack = vec![(root, false)];
            while let Some((w, expanded)) = stack.pop() {
                if expanded {
                    order.push(w);
                    continue;
                }
                if std::mem::replace(&mut seen[w], true) {
                    continue;
                }
                stack.push((w, true));
                stack.extend(tree.children_of(w).iter().map(|&c| (c, false)));
            }
        }
        for &w in &order {
            if let Some(h) = words[w].head.filter(|&h| h < n) {
                let (lo, hi) = tree.extent[w];
                let e = &mut tree.extent[h];
                *e = (e.0.min(lo), e.1.max(hi));
            }
        }
        tree
    }

    /// The dependents of word `w`, in text order.
    pub fn children_of(&self, w: usize) -> &[usize] {
        &self.children[self.first_child[w]..self.first_child[w + 1]]
    }

    /// The first and last word of the subtree of word `w`.
    pub fn extent(&self, w: usize) -> (usize, usize) {
        self.extent[w]
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn word(start: usize, head: Option<usize>) -> Word {
        Word {
            span: Span::new(start, start + 1),
            token: start,
            upos: Upos::from_name_or_fallback("X"),
            xpos: Xpos::from_name_or_fallback("XX"),
            lemma: String::new(),
            head,
            deprel: Deprel::from_name_or_fallback("dep"),
        }
    }

    #[test]
    fn subtrees_extend_over_all_descendants_and_bad_trees_do_not_loop() {
        // 1 is the root; 0 and 2 hang from it, 4 from 2, 3 from 4. 5 and 6 form a cycle,
        // 7 points outside the sentence.
        let heads = [Some(1), None, Some(1), Some(4), Some(2), Some(6), Some(5), Some(99)];
        let syntax = Syntax {
            words: heads.iter().enumerate().map(|(i, h)| word(i, *h)).collect(),
            sentences: std::iter::once(0..8).collect(),
        };
        let tree = DependencyTree::new(&syntax);
        assert_eq!(tree.extent(1), (0, 4));
        assert_eq!(tree.extent(2), (2, 4));
        assert_eq!(tree.extent(4), (3, 4));
        assert_eq!(tree.children_of(1), &[0, 2]);
        assert_eq!(
            (tree.extent(5), tree.extent(6), tree.extent(7)),
            ((5, 5), (6, 6), (7, 7))
        );
    }

    #[test]
    fn children_are_found_in_the_words_sentence() {
        // Sentence 0: words 0-2 (root 1); sentence 1: words 3-4 (root 4).
        let syntax = Syntax {
            words: vec![
                word(0, Some(1)),
                word(2, None),
                word(4, Some(1)),
                word(6, Some(4)),
                word(8, None),
            ],
            sentences: vec![0..3, 3..5],
        };
        assert_eq!(syntax.children(1).collect::<Vec<_>>(), [0, 2]);
        assert_eq!(syntax.children(4).collect::<Vec<_>>(), [3]);
        assert_eq!(syntax.children(0).count(), 0);
        assert_eq!(syntax.children(9).count(), 0);
        assert_eq!(syntax.word_at(4), Some(2));
        assert_eq!(syntax.word_at(5), None);
    }

    #[test]
    fn tags_round_trip_and_fall_back() {
        for (i, name) in XPOS_TAGS.iter().enumerate() {
            assert_eq!(Xpos::from_name(name).unwrap().index(), i);
        }
        assert_eq!(Upos::from_name_or_fallback("NOPE").as_str(), "X");
        assert_eq!(Deprel::from_name_or_fallback("weird:rel").as_str(), "dep");
        assert_eq!(Deprel::from_name("nsubj:pass").unwrap().universal(), "nsubj");
        assert!(UPOS_TAGS.len() == 17 && XPOS_TAGS.len() < 256 && DEPRELS.len() < 256);
    }
}
