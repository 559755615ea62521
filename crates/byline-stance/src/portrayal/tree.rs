//! Features of one target mention read from the dependency parse, added to the
//! word-order ones ([`super::features`]) when the document has a syntax layer: the
//! mention head's relation, the predicate that governs it and that predicate's
//! ancestors (lemma, VADER valence, negation from their dependents), the mention's own
//! modifiers ("the corrupt senator"), the governor's other dependents ("praised X as
//! brave"), and the valence of the governor's clause outside the mention.

use super::features::valence_class as class;
use crate::lexicon::is_negator;
use byline_core::{DependencyTree, Document, Span};
use byline_learn::FeatureHash;
use byline_learn::hash::{hash_str, lowercase};

/// Feature templates (numbered apart from the word-order ones).
#[repr(u64)]
enum T {
    HeadRel = 100,
    Governor,
    GovernorValence,
    Ancestor,
    AncestorValence,
    PathNegated,
    Modifier,
    ModifierValence,
    Sibling,
    SiblingValence,
    ClauseValence,
    NoGovernor,
}

/// How many heads above the mention's governor are read.
const ANCESTORS: usize = 3;
/// How many words of the governor's clause are summed, at most, on each side.
const CLAUSE_WINDOW: usize = 60;

/// The parse of one document as the features read it.
pub(crate) struct TreeView<'a> {
    doc: &'a Document,
    tree: DependencyTree,
}

impl<'a> TreeView<'a> {
    /// The view of `doc`'s syntax layer.
    pub(crate) fn new(doc: &'a Document) -> Self {
        TreeView {
            doc,
            tree: DependencyTree::new(&doc.syntax),
        }
    }

    fn lemma_hash(&self, w: usize) -> u64 {
        hash_str(&lowercase(&self.doc.syntax.words[w].lemma))
    }

    fn rel(&self, w: usize) -> &'static str {
        self.doc.syntax.words[w].deprel.as_str()
    }

    /// VADER valence of word `w` (its form, else its lemma).
    fn valence(&self, w: usize) -> Option<f32> {
        let word = &self.doc.syntax.words[w];
        let form = lowercase(&self.doc.text[word.span.start..word.span.end]);
        crate::vader::valence(&form).or_else(|| crate::vader::valence(&lowercase(&word.lemma)))
    }

    /// Whether a dependent of `w` negates it ("not", "never", "no").
    fn negated(&self, w: usize) -> bool {
        self.tree.children_of(w).iter().any(|&c| {
            matches!(self.rel(c), "advmod" | "aux" | "det" | "cc:preconj")
                && is_negator(&lowercase(&self.doc.syntax.words[c].lemma))
        })
    }

    /// The mention's words and its head: the first word whose head lies outside it.
    fn head_of(&self, target: Span) -> Option<(usize, usize, usize)> {
        let words = &self.doc.syntax.words;
        let first = words.partition_point(|w| w.span.end <= target.start);
        let last = first + words[first..].iter().take_while(|w| w.span.start < target.end).count();
        if first == last {
            return None;
        }
        let head = (first..last)
            .find(|&w| words[w].head.is_none_or(|h| !(first..last).contains(&h)))
            .unwrap_or(first);
        Some((first, last, head))
    }

    /// The tree features of `target`, folded into `2^bits` buckets and appended to `out`.
    pub(crate) fn features(&self, target: Span, bits: u32, out: &mut Vec<u32>) {
        let mut push = |f: FeatureHash| out.push(f.finish(bits));
        let Some((first, last, head)) = self.head_of(target) else {
            return;
        };
        let words = &self.doc.syntax.words;
        let inside = |w: usize| (first..last).contains(&w);
        let rel = hash_str(self.rel(head));
        push(FeatureHash::new(T::HeadRel as u64).u64(rel));
        for &c in self.tree.children_of(head) {
            if inside(c) || matches!(self.rel(c), "punct" | "case" | "det") {
                continue;
            }
            let r = hash_str(self.rel(c));
            push(FeatureHash::new(T::Modifier as u64).u64(r).u64(self.lemma_hash(c)));
            if let Some(v) = self.valence(c) {
                push(FeatureHash::new(T::ModifierValence as u64).u64(r).u64(class(v)));
            }
        }
        let Some(governor) = words[head].head.filter(|&g| g < words.len()) else {
            push(FeatureHash::new(T::NoGovernor as u64));
            return;
        };
        let negated = self.negated(governor);
        push(
            FeatureHash::new(T::Governor as u64)
                .u64(rel)
                .u64(self.lemma_hash(governor))
                .u64(u64::from(negated)),
        );
        if let Some(v) = self.valence(governor) {
            let v = if negated { -v } else { v };
            push(FeatureHash::new(T::GovernorValence as u64).u64(rel).u64(class(v)));
        }
        for &s in self.tree.children_of(governor) {
            if s == head || inside(s) || matches!(self.rel(s), "punct" | "case" | "det" | "cc" | "mark") {
                continue;
            }
            let r = hash_str(self.rel(s));
            push(
                FeatureHash::new(T::Sibling as u64)
                    .u64(rel)
                    .u64(r)
                    .u64(self.lemma_hash(s)),
            );
            if let Some(v) = self.valence(s) {
                push(FeatureHash::new(T::SiblingValence as u64).u64(rel).u64(r).u64(class(v)));
            }
        }
        // The governor's clause outside the mention, summed within a window.
        let (start, end) = self.tree.extent(governor);
        let from = start.max(first.saturating_sub(CLAUSE_WINDOW));
        let to = end.min(last + CLAUSE_WINDOW);
        let mut sum = 0.0f32;
        for w in (from..=to).filter(|&w| !inside(w) && w < words.len()) {
            sum += self.valence(w).unwrap_or(0.0);
        }
        let sum_class = (sum.clamp(-6.0, 6.0) / 1.5).round() as i64;
        push(FeatureHash::new(T::ClauseValence as u64).u64(rel).u64(sum_class as u64));
        // The heads above the governor, and whether anything on the way negates.
        let mut negations = usize::from(negated);
        let mut at = governor;
        for level in 0..ANCESTORS {
            let Some(up) = words[at].head.filter(|&h| h < words.len() && h != at) else {
                break;
            };
            let up_rel = hash_str(self.rel(at));
            if self.negated(up) {
                negations += 1;
            }
            push(
                FeatureHash::new(T::Ancestor as u64)
                    .u64(level as u64)
                    .u64(up_rel)
                    .u64(self.lemma_hash(up)),
            );
            if let Some(v) = self.valence(up) {
                push(
                    FeatureHash::new(T::AncestorValence as u64)
                        .u64(level as u64)
                        .u64(class(v))
                        .u64(u64::from(negations % 2 == 1)),
                );
            }
            at = up;
        }
        push(
            FeatureHash::new(T::PathNegated as u64)
                .u64((negations % 2) as u64)
                .u64(rel),
        );
    }
}
