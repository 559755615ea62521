//! The dependency parser: greedy arc-hybrid transitions (shift, left-arc, right-arc, each
//! arc with its relation) scored by an averaged perceptron, trained with a dynamic oracle
//! and error exploration (Goldberg and Nivre 2013), so that it learns to recover from its
//! own mistakes. The root sits at the bottom of the stack and takes exactly one word,
//! the last one left: every sentence gets a tree with one root. Work is linear in the
//! sentence length (two transitions per word, each with a fixed number of features).

use crate::tagger::WordInfo;
use byline_learn::hash::mix;
use byline_learn::multiclass::{MulticlassModel, MulticlassTrainer, best_class};

/// A transition: 0 = shift, then left-arc and right-arc for each relation.
pub(crate) fn classes(relations: usize) -> usize {
    1 + 2 * relations
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Move {
    Shift,
    Left(usize),
    Right(usize),
}

fn move_of(class: usize, relations: usize) -> Move {
    match class {
        0 => Move::Shift,
        c if c <= relations => Move::Left(c - 1),
        c => Move::Right(c - 1 - relations),
    }
}

/// What the parser reads of a word: its hashes and its tag class.
#[derive(Clone, Copy, Debug)]
pub(crate) struct ParseWord {
    pub(crate) info: WordInfo,
    pub(crate) tag: u64,
}

/// The parser's state for one sentence of `n` words; word `n` is the root.
struct State {
    n: usize,
    stack: Vec<usize>,
    next: usize,
    heads: Vec<Option<usize>>,
    relations: Vec<usize>,
    /// Leftmost and rightmost dependents so far, and their counts.
    left: Vec<[Option<usize>; 2]>,
    right: Vec<[Option<usize>; 2]>,
    left_count: Vec<u8>,
    right_count: Vec<u8>,
}

impl State {
    fn new(n: usize) -> Self {
        State {
            n,
            stack: vec![n],
            next: 0,
            heads: vec![None; n + 1],
            relations: vec![0; n + 1],
            left: vec![[None; 2]; n + 1],
            right: vec![[None; 2]; n + 1],
            left_count: vec![0; n + 1],
            right_count: vec![0; n + 1],
        }
    }

    fn done(&self) -> bool {
        self.next == self.n && self.stack.len() == 1
    }

    fn s(&self, k: usize) -> Option<usize> {
        self.stack.len().checked_sub(k + 1).map(|i| self.stack[i])
    }

    fn b(&self, k: usize) -> Option<usize> {
        (self.next + k < self.n).then_some(self.next + k)
    }

    /// Which moves are possible: shift (buffer not empty), left-arc (a word on top of
    /// the stack and a buffer word), right-arc (two on the stack; onto the root only as
    /// the last move).
    fn allowed(&self) -> [bool; 3] {
        let top_is_word = self.stack.len() >= 2;
        let buffer = self.next < self.n;
        let right = self.stack.len() >= 3 || (self.stack.len() == 2 && !buffer);
        [buffer, top_is_word && buffer, right]
    }

    fn attach(&mut self, head: usize, dep: usize, relation: usize) {
        self.heads[dep] = Some(head);
        self.relations[dep] = relation;
        if dep < head {
            let l = &mut self.left[head];
            if l[0].is_none_or(|x| dep < x) {
                l[1] = l[0];
                l[0] = Some(dep);
            }
            self.left_count[head] = self.left_count[head].saturating_add(1);
        } else {
            let r = &mut self.right[head];
            if r[0].is_none_or(|x| dep > x) {
                r[1] = r[0];
                r[0] = Some(dep);
            }
            self.right_count[head] = self.right_count[head].saturating_add(1);
        }
    }

    fn apply(&mut self, m: Move) {
        match m {
            Move::Shift => {
                self.stack.push(self.next);
                self.next += 1;
            }
            Move::Left(r) => {
                let dep = self.stack.pop().expect("left-arc needs a word on the stack");
                self.attach(self.next, dep, r);
            }
            Move::Right(r) => {
                let dep = self.stack.pop().expect("right-arc needs a word on the stack");
                let head = *self.stack.last().expect("right-arc needs a head on the stack");
                self.attach(head, dep, r);
            }
        }
    }

    /// Gold arcs each move loses (the arc-hybrid dynamic oracle's costs): `gold[w]` is
    /// the head of word `w` (`n` for the root).
    fn costs(&self, gold: &[usize]) -> [usize; 3] {
        let in_buffer = |w: usize| w >= self.next && w < self.n;
        let deps_in_buffer = |h: usize| (self.next..self.n).filter(|&d| gold[d] == h).count();
        let s0 = self.s(0);
        let s1 = self.s(1);
        let shift = match self.b(0) {
            None => usize::MAX,
            Some(b) => {
                // b's head deeper than s0, and b's dependents on the stack, are lost.
                let below = &self.stack[..self.stack.len().saturating_sub(1)];
                usize::from(below.contains(&gold[b]))
                    + self.stack.iter().filter(|&&s| s != self.n && gold[s] == b).count()
            }
        };
        let left = match (s0, self.b(0)) {
            (Some(s), Some(b)) if s != self.n => {
                let h = gold[s];
                usize::from(h != b && (Some(h) == s1 || in_buffer(h))) + deps_in_buffer(s)
            }
            _ => usize::MAX,
        };
        let right = match (s0, s1) {
            (Some(s), Some(_)) if s != self.n => {
                let h = gold[s];
                usize::from(in_buffer(h)) + deps_in_buffer(s)
            }
            _ => usize::MAX,
        };
        [shift, left, right]
    }
}

/// Feature templates of the parser.
#[derive(Clone, Copy)]
#[repr(u64)]
enum Template {
    S0w = 1,
    S0t,
    S0wt,
    S1w,
    S1t,
    S1wt,
    S2t,
    B0w,
    B0t,
    B0wt,
    B1w,
    B1t,
    B1wt,
    B2t,
    S0wtB0wt,
    S0wtB0w,
    S0wB0wt,
    S0wtB0t,
    S0tB0wt,
    S0wB0w,
    S0tB0t,
    B0tB1t,
    B0tB1tB2t,
    S0tB0tB1t,
    S1tS0tB0t,
    S1tS0t,
    S2tS1tS0t,
    S0tS0lTB0t,
    S0tS0rTB0t,
    S0tB0tB0lT,
    S1tS0tS0rT,
    S1tS1rTS0t,
    S0wDist,
    S0tDist,
    B0wDist,
    B0tDist,
    S0tB0tDist,
    S0wVl,
    S0tVl,
    S0wVr,
    S0tVr,
    B0wVl,
    B0tVl,
    S0lL,
    S0rL,
    B0lL,
    S0lLS0rL,
    S0c,
    B0c,
    S0cB0c,
    S1cS0c,
    B0cB1c,
    S0lTS0l2T,
    B0lTB0l2T,
    S0suf,
    B0suf,
    B1c,
    S1c,
    S0cB0t,
    S0tB0c,
    B0cfB0t,
    S0cfS0t,
    S0rTS0r2T,
    S1wS0w,
    B0wB1w,
}

const NONE: u64 = 0x0FED_CBA9_8765_4321;
const ROOT: u64 = 0x1357_9BDF_2468_ACE0;

fn h(template: Template, parts: &[u64]) -> u64 {
    parts
        .iter()
        .fold(mix(0x27D4_EB2F_1656_67C5, template as u64), |acc, &p| mix(acc, p))
}

fn features(words: &[ParseWord], st: &State, out: &mut Vec<u64>) {
    out.clear();
    let n = st.n;
    let w = |i: Option<usize>| match i {
        None => NONE,
        Some(i) if i == n => ROOT,
        Some(i) => words[i].info.lower,
    };
    let t = |i: Option<usize>| match i {
        None => NONE,
        Some(i) if i == n => ROOT,
        Some(i) => words[i].tag,
    };
    let c = |i: Option<usize>| match i {
        None => NONE,
        Some(i) if i == n => ROOT,
        Some(i) => u64::from(words[i].info.cluster[1]),
    };
    let cf = |i: Option<usize>| match i {
        None => NONE,
        Some(i) if i == n => ROOT,
        Some(i) => u64::from(words[i].info.cluster[0]),
    };
    let suf = |i: Option<usize>| match i {
        None => NONE,
        Some(i) if i == n => ROOT,
        Some(i) => words[i].info.suffix[2],
    };
    let rel = |i: Option<usize>| i.map_or(NONE, |i| st.relations[i] as u64);
    let lc = |i: Option<usize>, k: usize| i.and_then(|i| st.left[i][k]);
    let rc = |i: Option<usize>, k: usize| i.and_then(|i| st.right[i][k]);
    let (s0, s1, s2, b0, b1, b2) = (st.s(0), st.s(1), st.s(2), st.b(0), st.b(1), st.b(2));
    let (s0w, s0t, s1w, s1t, b0w, b0t, b1w, b1t) = (w(s0), t(s0), w(s1), t(s1), w(b0), t(b0), w(b1), t(b1));
    let dist = match (s0, b0) {
        (Some(s), Some(b)) if s != n => (b - s).min(5) as u64,
        _ => 0,
    };
    let vl = |i: Option<usize>| i.map_or(0, |i| u64::from(st.left_count[i]));
    let vr = |i: Option<usize>| i.map_or(0, |i| u64::from(st.right_count[i]));
    out.extend_from_slice(&[
        h(Template::S0w, &[s0w]),
        h(Template::S0t, &[s0t]),
        h(Template::S0wt, &[s0w, s0t]),
        h(Template::S1w, &[s1w]),
        h(Template::S1t, &[s1t]),
        h(Template::S1wt, &[s1w, s1t]),
        h(Template::S2t, &[t(s2)]),
        h(Template::B0w, &[b0w]),
        h(Template::B0t, &[b0t]),
        h(Template::B0wt, &[b0w, b0t]),
        h(Template::B1w, &[b1w]),
        h(Template::B1t, &[b1t]),
        h(Template::B1wt, &[b1w, b1t]),
        h(Template::B2t, &[t(b2)]),
        h(Template::S0wtB0wt, &[s0w, s0t, b0w, b0t]),
        h(Template::S0wtB0w, &[s0w, s0t, b0w]),
        h(Template::S0wB0wt, &[s0w, b0w, b0t]),
        h(Template::S0wtB0t, &[s0w, s0t, b0t]),
        h(Template::S0tB0wt, &[s0t, b0w, b0t]),
        h(Template::S0wB0w, &[s0w, b0w]),
        h(Template::S0tB0t, &[s0t, b0t]),
        h(Template::B0tB1t, &[b0t, b1t]),
        h(Template::B0tB1tB2t, &[b0t, b1t, t(b2)]),
        h(Template::S0tB0tB1t, &[s0t, b0t, b1t]),
        h(Template::S1tS0tB0t, &[s1t, s0t, b0t]),
        h(Template::S1tS0t, &[s1t, s0t]),
        h(Template::S2tS1tS0t, &[t(s2), s1t, s0t]),
        h(Template::S0tS0lTB0t, &[s0t, t(lc(s0, 0)), b0t]),
        h(Template::S0tS0rTB0t, &[s0t, t(rc(s0, 0)), b0t]),
        h(Template::S0tB0tB0lT, &[s0t, b0t, t(lc(b0, 0))]),
        h(Template::S1tS0tS0rT, &[s1t, s0t, t(rc(s0, 0))]),
        h(Template::S1tS1rTS0t, &[s1t, t(rc(s1, 0)), s0t]),
        h(Template::S0wDist, &[s0w, dist]),
        h(Template::S0tDist, &[s0t, dist]),
        h(Template::B0wDist, &[b0w, dist]),
        h(Template::B0tDist, &[b0t, dist]),
        h(Template::S0tB0tDist, &[s0t, b0t, dist]),
        h(Template::S0wVl, &[s0w, vl(s0)]),
        h(Template::S0tVl, &[s0t, vl(s0)]),
        h(Template::S0wVr, &[s0w, vr(s0)]),
        h(Template::S0tVr, &[s0t, vr(s0)]),
        h(Template::B0wVl, &[b0w, vl(b0)]),
        h(Template::B0tVl, &[b0t, vl(b0)]),
        h(Template::S0lL, &[s0t, rel(lc(s0, 0))]),
        h(Template::S0rL, &[s0t, rel(rc(s0, 0))]),
        h(Template::B0lL, &[b0t, rel(lc(b0, 0))]),
        h(Template::S0lLS0rL, &[s0t, rel(lc(s0, 0)), rel(rc(s0, 0))]),
        h(Template::S0c, &[c(s0)]),
        h(Template::B0c, &[c(b0)]),
        h(Template::S0cB0c, &[c(s0), c(b0)]),
        h(Template::S1cS0c, &[c(s1), c(s0)]),
        h(Template::B0cB1c, &[c(b0), c(b1)]),
        h(Template::S0lTS0l2T, &[s0t, t(lc(s0, 0)), t(lc(s0, 1))]),
        h(Template::B0lTB0l2T, &[b0t, t(lc(b0, 0)), t(lc(b0, 1))]),
        h(Template::S0suf, &[suf(s0), s0t]),
        h(Template::B0suf, &[suf(b0), b0t]),
        h(Template::B1c, &[c(b1)]),
        h(Template::S1c, &[c(s1)]),
        h(Template::S0cB0t, &[c(s0), b0t]),
        h(Template::S0tB0c, &[s0t, c(b0)]),
        h(Template::B0cfB0t, &[cf(b0), b0t]),
        h(Template::S0cfS0t, &[cf(s0), s0t]),
        h(Template::S0rTS0r2T, &[s0t, t(rc(s0, 0)), t(rc(s0, 1))]),
        h(Template::S1wS0w, &[s1w, s0w]),
        h(Template::B0wB1w, &[b0w, b1w]),
    ]);
}

/// Which classes are allowed in a state (the root's relation only onto the root).
fn allowed_classes(st: &State, relations: usize, root_relation: usize, out: &mut Vec<bool>) {
    let [shift, left, right] = st.allowed();
    out.clear();
    out.resize(classes(relations), false);
    out[0] = shift;
    let onto_root = st.s(1) == Some(st.n);
    for r in 0..relations {
        out[1 + r] = left && r != root_relation;
        out[1 + relations + r] = right && (r == root_relation) == onto_root;
    }
}

/// Parses one sentence: each word's head (`None` for the root) and relation index.
pub(crate) fn parse(
    model: &MulticlassModel,
    words: &[ParseWord],
    relations: usize,
    root_relation: usize,
) -> Vec<(Option<usize>, usize)> {
    let n = words.len();
    let mut st = State::new(n);
    let mut feats = Vec::with_capacity(64);
    let mut scores = Vec::with_capacity(model.classes());
    let mut allowed = Vec::with_capacity(model.classes());
    while !st.done() {
        features(words, &st, &mut feats);
        allowed_classes(&st, relations, root_relation, &mut allowed);
        let class = model.best(&feats, Some(&allowed), &mut scores);
        st.apply(move_of(class, relations));
    }
    (0..n)
        .map(|i| {
            let head = st.heads[i].filter(|&h| h != n);
            (head, st.relations[i])
        })
        .collect()
}

/// One training sentence: its words, each word's gold head (`n` for the root) and
/// relation index.
pub(crate) struct ParseExample {
    pub(crate) words: Vec<ParseWord>,
    pub(crate) heads: Vec<usize>,
    pub(crate) relations: Vec<usize>,
}

/// Trains the parser for `epochs` passes with the dynamic oracle; from the second epoch
/// on, it follows its own (possibly wrong) prediction with probability `explore`.
pub(crate) fn train(
    examples: &[ParseExample],
    relations: usize,
    root_relation: usize,
    epochs: usize,
    explore: f64,
    min_weight: f32,
) -> MulticlassModel {
    let mut trainer = MulticlassTrainer::new(classes(relations));
    let mut order: Vec<usize> = (0..examples.len()).collect();
    let mut rng = 0x9E37_79B9_7F4A_7C15u64;
    let mut feats = Vec::with_capacity(64);
    let mut scores = Vec::new();
    let mut allowed = Vec::new();
    let mut correct = vec![false; classes(relations)];
    for epoch in 0..epochs {
        byline_learn::perceptron::shuffle(&mut order, &mut rng);
        for &e in &order {
            let ex = &examples[e];
            let mut st = State::new(ex.words.len());
            while !st.done() {
                features(&ex.words, &st, &mut feats);
                allowed_classes(&st, relations, root_relation, &mut allowed);
                let guess = trainer.best(&feats, Some(&allowed), &mut scores);
                // The moves of least cost, with the relation of the word they attach.
                let costs = st.costs(&ex.heads);
                let [shift_ok, left_ok, right_ok] = st.allowed();
                let cost = |k: usize, ok: bool| if ok { costs[k] } else { usize::MAX };
                let least = cost(0, shift_ok).min(cost(1, left_ok)).min(cost(2, right_ok));
                correct.iter_mut().for_each(|c| *c = false);
                let rel = st.s(0).filter(|&s| s != st.n).map_or(0, |s| ex.relations[s]);
                if cost(0, shift_ok) == least {
                    correct[0] = true;
                }
                if cost(1, left_ok) == least && allowed[1 + rel] {
                    correct[1 + rel] = true;
                }
                if cost(2, right_ok) == least && allowed[1 + relations + rel] {
                    correct[1 + relations + rel] = true;
                }
                if !correct.iter().any(|&c| c) {
                    // Only the root relation fits here: take any allowed least-cost move.
                    for (class, ok) in allowed.iter().enumerate() {
                        let k = match move_of(class, relations) {
                            Move::Shift => 0,
                            Move::Left(_) => 1,
                            Move::Right(_) => 2,
                        };
                        if *ok && costs[k] == least {
                            correct[class] = true;
                        }
                    }
                }
                let best_correct = best_class(&scores, Some(&correct));
                trainer.update(&feats, best_correct, guess);
                trainer.tick();
                let follow_guess = epoch > 0 && !correct[guess] && next_unit(&mut rng) < explore;
                let chosen = if correct[guess] || follow_guess {
                    guess
                } else {
                    best_correct
                };
                st.apply(move_of(chosen, relations));
            }
        }
    }
    trainer.finish(min_weight)
}

fn next_unit(rng: &mut u64) -> f64 {
    *rng ^= *rng << 13;
    *rng ^= *rng >> 7;
    *rng ^= *rng << 17;
    (*rng >> 11) as f64 / (1u64 << 53) as f64
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn gold_moves_rebuild_a_projective_tree() {
        // "A dog barks loudly .": dog←A, barks←dog, root=barks, loudly←barks, .←barks.
        let gold = [1, 2, 5, 2, 2];
        let mut st = State::new(5);
        while !st.done() {
            let costs = st.costs(&gold);
            let allowed = st.allowed();
            let k = (0..3).filter(|&k| allowed[k]).min_by_key(|&k| costs[k]).unwrap();
            assert_eq!(costs[k], 0);
            st.apply([Move::Shift, Move::Left(0), Move::Right(0)][k]);
        }
        let heads: Vec<usize> = (0..5).map(|i| st.heads[i].unwrap()).collect();
        assert_eq!(heads, gold);
    }

    #[test]
    fn every_sentence_gets_one_root() {
        let model = MulticlassTrainer::new(classes(3)).finish(0.0);
        let words = vec![
            ParseWord {
                info: WordInfo::default(),
                tag: 1
            };
            7
        ];
        let parsed = parse(&model, &words, 3, 0);
        assert_eq!(parsed.iter().filter(|(h, _)| h.is_none()).count(), 1);
        assert!(parsed.iter().all(|(h, r)| h.is_none() == (*r == 0)));
        assert_eq!(parse(&model, &words[..1], 3, 0), [(None, 0)]);
        assert!(parse(&model, &[], 3, 0).is_empty());
    }
}
