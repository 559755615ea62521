//! The dependency parser: greedy arc-hybrid transitions (shift, left-arc, right-arc)
//! scored by an averaged perceptron, trained with a dynamic oracle and error exploration
//! (Goldberg and Nivre 2013), so that it learns to recover from its own mistakes.
//!
//! A move's class names the arc's relation group only (`GROUPS`: the most frequent
//! relations alone, subtypes with their universal relation, the rest together: 35
//! classes instead of 121 for every move and relation); the relation within the group is
//! chosen by a second model once the arc is made, from features of the head and the
//! finished dependent. Each of the two moves per word then costs a few additions per
//! feature.
//!
//! The root sits at the bottom of the stack and takes exactly one word, the last one
//! left: every sentence gets a tree with one root. Work is linear in the sentence length
//! (two moves per word, each with a fixed number of features).

mod features;
mod state;

use crate::tagger::WordInfo;
use byline_learn::multiclass::{MulticlassModel, MulticlassTrainer, best_class};
use features::{action_features, arc_features};
use state::{Move, State};

/// What the parser reads of a word: its hashes and its tag class.
#[derive(Clone, Copy, Debug)]
pub(crate) struct ParseWord {
    pub(crate) info: WordInfo,
    pub(crate) tag: u64,
}

/// Relations that are a group of their own (with their subtypes): the most frequent.
const GROUPS: [&str; 16] = [
    "root", "punct", "case", "det", "nsubj", "amod", "advmod", "obj", "obl", "nmod", "conj", "cc", "mark", "compound",
    "aux", "cop",
];

/// The move group of each relation of the table: its universal relation's place in
/// `GROUPS`, else `GROUPS.len()` (all the others).
fn groups_of(relations: usize) -> Vec<usize> {
    (0..relations)
        .map(|r| {
            let universal = byline_core::Deprel::from_index(r).map_or("dep", byline_core::Deprel::universal);
            GROUPS.iter().position(|&g| g == universal).unwrap_or(GROUPS.len())
        })
        .collect()
}

/// The move classes: 0 = shift, then left-arc and right-arc for each relation group.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
struct MoveClass {
    m: Move,
    group: usize,
}

const GROUP_COUNT: usize = GROUPS.len() + 1;
const MOVE_CLASSES: usize = 1 + 2 * GROUP_COUNT;

impl MoveClass {
    fn of(class: usize) -> MoveClass {
        match class {
            0 => MoveClass {
                m: Move::Shift,
                group: 0,
            },
            c if c <= GROUP_COUNT => MoveClass {
                m: Move::Left,
                group: c - 1,
            },
            c => MoveClass {
                m: Move::Right,
                group: c - 1 - GROUP_COUNT,
            },
        }
    }

    fn index(m: Move, group: usize) -> usize {
        match m {
            Move::Shift => 0,
            Move::Left => 1 + group,
            Move::Right => 1 + GROUP_COUNT + group,
        }
    }
}

/// Which move classes a state allows: shift, left and right as the state allows, and
/// the root's group only for the right-arc onto the root.
fn allowed_moves(st: &State, out: &mut Vec<bool>) {
    let [shift, left, right] = st.allowed();
    let onto_root = st.s(1) == Some(st.n);
    out.clear();
    out.resize(MOVE_CLASSES, false);
    out[0] = shift;
    for g in 0..GROUP_COUNT {
        let root = g == ROOT_GROUP;
        out[MoveClass::index(Move::Left, g)] = left && !root;
        out[MoveClass::index(Move::Right, g)] = right && root == onto_root;
    }
}

/// The group of `root` (first in `GROUPS`).
const ROOT_GROUP: usize = 0;

/// The two models of the parser.
#[derive(Clone, Debug, PartialEq)]
pub(crate) struct ParserModel {
    /// Shift, or left-arc or right-arc with a relation group.
    moves: MulticlassModel,
    /// The relation of an arc, within its group.
    relations: MulticlassModel,
    /// Each relation's group.
    groups: Vec<usize>,
}

const MOVES_MAGIC: &[u8; 8] = b"BYLMOV01";
const RELATIONS_MAGIC: &[u8; 8] = b"BYLREL01";

impl ParserModel {
    /// Both models as bytes: `magic`, the length of the move model's bytes, the move
    /// model, the relation model.
    pub(crate) fn to_bytes(&self, magic: &[u8; 8]) -> Vec<u8> {
        let moves = self.moves.to_bytes(MOVES_MAGIC);
        let relations = self.relations.to_bytes(RELATIONS_MAGIC);
        let mut out = Vec::with_capacity(16 + moves.len() + relations.len());
        out.extend_from_slice(magic);
        out.extend_from_slice(&(moves.len() as u64).to_le_bytes());
        out.extend_from_slice(&moves);
        out.extend_from_slice(&relations);
        out
    }

    /// Reads [`ParserModel::to_bytes`]' output for a table of `relations` relations.
    pub(crate) fn from_bytes(bytes: &[u8], magic: &[u8; 8], relations: usize) -> Result<Self, String> {
        if bytes.get(..8) != Some(magic.as_slice()) {
            return Err("not a parser model of this version (wrong magic bytes)".to_owned());
        }
        let len = bytes
            .get(8..16)
            .and_then(|b| b.try_into().ok())
            .map(u64::from_le_bytes)
            .ok_or("the parser model is cut short")?;
        let split = usize::try_from(len)
            .ok()
            .and_then(|l| l.checked_add(16))
            .filter(|&s| s <= bytes.len())
            .ok_or("the parser model is cut short")?;
        let model = ParserModel {
            moves: MulticlassModel::from_bytes(&bytes[16..split], MOVES_MAGIC)?,
            relations: MulticlassModel::from_bytes(&bytes[split..], RELATIONS_MAGIC)?,
            groups: groups_of(relations),
        };
        if model.moves.classes() != MOVE_CLASSES || model.relations.classes() != relations {
            return Err("the parser's classes do not match the relation table".to_owned());
        }
        Ok(model)
    }
}

/// Which relations an arc of `group` may get.
fn allowed_relations(groups: &[usize], group: usize, out: &mut Vec<bool>) {
    out.clear();
    out.extend(groups.iter().map(|&g| g == group));
}

/// Parses one sentence: each word's head (`None` for the root) and relation index.
pub(crate) fn parse(model: &ParserModel, words: &[ParseWord]) -> Vec<(Option<usize>, usize)> {
    let n = words.len();
    let relations = model.relations.classes();
    let mut st = State::new(n);
    let mut feats = Vec::with_capacity(64);
    let mut scores = Vec::with_capacity(relations);
    let mut allowed = Vec::with_capacity(relations);
    while !st.done() {
        action_features(words, &st, &mut feats);
        allowed_moves(&st, &mut allowed);
        let MoveClass { m, group } = MoveClass::of(model.moves.best(&feats, Some(&allowed), &mut scores));
        let relation = match st.arc(m) {
            None => 0,
            Some((head, dep)) => {
                arc_features(words, &st, head, dep, &mut feats);
                allowed_relations(&model.groups, group, &mut allowed);
                model.relations.best(&feats, Some(&allowed), &mut scores)
            }
        };
        st.apply(m, relation);
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
/// on, it follows its own (possibly wrong) move with probability `explore`. The relation
/// model learns from every arc the training makes whose head is the gold one.
pub(crate) fn train(
    examples: &[ParseExample],
    relations: usize,
    epochs: usize,
    explore: f64,
    min_weight: f32,
) -> ParserModel {
    let groups = groups_of(relations);
    let mut moves = MulticlassTrainer::new(MOVE_CLASSES);
    let mut labels = MulticlassTrainer::new(relations);
    let mut order: Vec<usize> = (0..examples.len()).collect();
    let mut rng = 0x9E37_79B9_7F4A_7C15u64;
    let mut feats = Vec::with_capacity(64);
    let mut scores = Vec::new();
    let mut allowed = Vec::new();
    let mut correct = vec![false; MOVE_CLASSES];
    for epoch in 0..epochs {
        byline_learn::perceptron::shuffle(&mut order, &mut rng);
        for &e in &order {
            let ex = &examples[e];
            let mut st = State::new(ex.words.len());
            while !st.done() {
                action_features(&ex.words, &st, &mut feats);
                allowed_moves(&st, &mut allowed);
                let guess = moves.best(&feats, Some(&allowed), &mut scores);
                // The moves of least cost, with the group of the word they attach.
                let costs = st.costs(&ex.heads);
                let possible = st.allowed();
                let cost = |k: usize| if possible[k] { costs[k] } else { usize::MAX };
                let least = (0..3).map(cost).min().unwrap_or(usize::MAX);
                let group = st.s(0).filter(|&s| s != st.n).map_or(0, |s| groups[ex.relations[s]]);
                correct.iter_mut().for_each(|c| *c = false);
                for m in Move::ALL {
                    let class = MoveClass::index(m, group);
                    if cost(m as usize) == least && allowed[class] {
                        correct[class] = true;
                    }
                }
                if !correct.iter().any(|&c| c) {
                    // Only the root's group fits here: any allowed least-cost move.
                    for (class, ok) in allowed.iter().enumerate() {
                        correct[class] = *ok && cost(MoveClass::of(class).m as usize) == least;
                    }
                }
                let best_correct = best_class(&scores, Some(&correct));
                moves.update(&feats, best_correct, guess);
                moves.tick();
                let follow_guess = epoch > 0 && !correct[guess] && next_unit(&mut rng) < explore;
                let chosen = MoveClass::of(if correct[guess] || follow_guess {
                    guess
                } else {
                    best_correct
                });
                let relation = match st.arc(chosen.m) {
                    None => 0,
                    Some((head, dep)) => {
                        arc_features(&ex.words, &st, head, dep, &mut feats);
                        allowed_relations(&groups, chosen.group, &mut allowed);
                        let guess = labels.best(&feats, Some(&allowed), &mut scores);
                        if ex.heads[dep] == head && allowed[ex.relations[dep]] {
                            labels.update(&feats, ex.relations[dep], guess);
                            labels.tick();
                        }
                        guess
                    }
                };
                st.apply(chosen.m, relation);
            }
        }
    }
    ParserModel {
        moves: moves.finish(min_weight),
        relations: labels.finish(min_weight),
        groups,
    }
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
            st.apply(Move::ALL[k], 0);
        }
        let heads: Vec<usize> = (0..5).map(|i| st.heads[i].unwrap()).collect();
        assert_eq!(heads, gold);
    }

    #[test]
    fn every_sentence_gets_one_root() {
        let relations = byline_core::syntax::DEPRELS.len();
        let model = ParserModel {
            moves: MulticlassTrainer::new(MOVE_CLASSES).finish(0.0),
            relations: MulticlassTrainer::new(relations).finish(0.0),
            groups: groups_of(relations),
        };
        let words = vec![
            ParseWord {
                info: WordInfo::default(),
                tag: 1
            };
            7
        ];
        let parsed = parse(&model, &words);
        assert_eq!(parsed.iter().filter(|(h, _)| h.is_none()).count(), 1);
        assert!(parsed.iter().all(|(h, r)| h.is_none() == (*r == 0)));
        assert_eq!(parse(&model, &words[..1]), [(None, 0)]);
        assert!(parse(&model, &[]).is_empty());
        let bytes = model.to_bytes(b"TESTPARS");
        assert_eq!(ParserModel::from_bytes(&bytes, b"TESTPARS", relations), Ok(model));
        assert!(ParserModel::from_bytes(&bytes[..20], b"TESTPARS", relations).is_err());
        assert!(ParserModel::from_bytes(&bytes, b"TESTPARS", relations + 1).is_err());
    }
}
