//! The tense of the clause a date belongs to, read from the dependency parse: the date's
//! word climbs to its governing predicate, whose auxiliaries, tag and governor say
//! whether the event is to come ("will open in June", "is scheduled for Friday", "plans
//! to vote on Tuesday") or is past ("opened in June", "had planned to vote on Tuesday").

use byline_core::Syntax;

/// What the parse says of a clause.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Tense {
    /// The event is to come.
    Future,
    /// The event is past.
    Past,
}

/// Verbs whose complement clause is a plan or an expectation ("plans to", "is going to").
const PLAN_VERBS: &[&str] = &[
    "plan", "expect", "schedule", "intend", "aim", "hope", "go", "set", "prepare", "vow", "promise", "pledge",
    "threaten", "want", "seek", "due",
];

/// Predicates that are a plan themselves in the passive or as adjectives ("is scheduled
/// for", "is set for", "is due on", "is expected on").
const PLANNED: &[&str] = &["schedule", "set", "due", "expect", "slate", "plan"];

/// Dependents read on each side of a word.
const NEAREST: usize = 16;

/// Most words climbed from a date to its predicate.
const MAX_CLIMB: usize = 6;

/// A parse with each word's dependents at hand (built once per document, in linear
/// time, so that the questions below cost the same in any length of sentence).
pub(crate) struct Tree<'a> {
    syntax: &'a Syntax,
    /// The dependents of word `w` are `dependents[first[w]..first[w + 1]]`.
    first: Vec<usize>,
    dependents: Vec<usize>,
}

impl<'a> Tree<'a> {
    pub(crate) fn new(syntax: &'a Syntax) -> Self {
        let n = syntax.words.len();
        let mut first = vec![0; n + 1];
        for w in &syntax.words {
            if let Some(h) = w.head.filter(|&h| h < n) {
                first[h + 1] += 1;
            }
        }
        for i in 0..n {
            first[i + 1] += first[i];
        }
        let mut next = first.clone();
        let mut dependents = vec![0; first[n]];
        for (d, w) in syntax.words.iter().enumerate() {
            if let Some(h) = w.head.filter(|&h| h < n) {
                dependents[next[h]] = d;
                next[h] += 1;
            }
        }
        Tree {
            syntax,
            first,
            dependents,
        }
    }

    /// The dependents of `w` nearest to it: at most `NEAREST` on each side (auxiliaries
    /// and copulas sit next to their predicate), so that a word with thousands of
    /// dependents costs no more than any other.
    fn children(&self, w: usize) -> impl Iterator<Item = usize> + '_ {
        let all = &self.dependents[self.first[w]..self.first[w + 1]];
        let at = all.partition_point(|&d| d < w);
        all[at.saturating_sub(NEAREST)..(at + NEAREST).min(all.len())]
            .iter()
            .copied()
    }

    /// Does the parse put the event of the word at byte `pos` in the future?
    pub(crate) fn future_at(&self, pos: usize) -> bool {
        self.tense_at(pos) == Some(Tense::Future)
    }

    /// The tense of the clause of the word at byte `pos`, or `None` when the parse does
    /// not tell (a present-tense or verbless clause, a position outside the words).
    fn tense_at(&self, pos: usize) -> Option<Tense> {
        let mut w = self.syntax.word_at(pos)?;
        for _ in 0..MAX_CLIMB {
            if self.is_predicate(w) {
                return self.predicate_tense(w, 0);
            }
            w = self.syntax.words[w].head?;
        }
        None
    }

    fn is_predicate(&self, w: usize) -> bool {
        let words = &self.syntax.words;
        match words[w].upos.as_str() {
            "VERB" => true,
            // "is due", "is ready": an adjective with a copula.
            "ADJ" | "AUX" => self.children(w).any(|c| words[c].deprel.universal() == "cop"),
            _ => false,
        }
    }

    /// The tense of predicate `v`; `depth` counts the plans climbed ("wants to plan to").
    fn predicate_tense(&self, v: usize, depth: usize) -> Option<Tense> {
        let words = &self.syntax.words;
        let verb = &words[v];
        let mut past = verb.xpos.as_str() == "VBD";
        let mut passive_or_copula = false;
        for c in self.children(v) {
            let child = &words[c];
            match child.deprel.universal() {
                "aux" => {
                    let lemma = child.lemma.to_ascii_lowercase();
                    if matches!(lemma.as_str(), "will" | "shall" | "'ll" | "’ll" | "would" | "wo") {
                        return Some(Tense::Future);
                    }
                    if child.xpos.as_str() == "VBD" {
                        past = true;
                    }
                    if child.deprel.as_str() == "aux:pass" {
                        passive_or_copula = true;
                    }
                }
                "cop" => {
                    passive_or_copula = true;
                    if child.xpos.as_str() == "VBD" {
                        past = true;
                    }
                }
                _ => {}
            }
        }
        let lemma = verb.lemma.to_ascii_lowercase();
        if passive_or_copula && !past && PLANNED.contains(&lemma.as_str()) {
            return Some(Tense::Future);
        }
        // A complement of a plan ("plans to vote on Tuesday"): the plan's own tense decides
        // only that it is not a past plan ("had planned to").
        if verb.deprel.as_str() == "xcomp"
            && depth < MAX_CLIMB
            && let Some(h) = verb.head
        {
            let head = &words[h];
            if PLAN_VERBS.contains(&head.lemma.to_ascii_lowercase().as_str()) {
                return match self.predicate_tense(h, depth + 1) {
                    Some(Tense::Past) if head.lemma != "go" => Some(Tense::Past),
                    _ => Some(Tense::Future),
                };
            }
        }
        past.then_some(Tense::Past)
    }
}
