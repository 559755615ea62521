//! The arc-hybrid transition system: the stack, the buffer, the arcs built so far, and
//! the dynamic oracle's cost of each move.

/// A transition; an arc's relation is chosen separately, once the arc is made. `m as
/// usize` is its place in [`Move::ALL`] and in [`State::costs`] and [`State::allowed`].
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Move {
    /// The buffer's first word onto the stack.
    Shift = 0,
    /// The stack's top word becomes a dependent of the buffer's first.
    Left,
    /// The stack's top word becomes a dependent of the word below it.
    Right,
}

impl Move {
    /// The moves in class order (the action model's classes).
    pub(crate) const ALL: [Move; 3] = [Move::Shift, Move::Left, Move::Right];
}

/// The parser's state for one sentence of `n` words; word `n` is the root.
pub(crate) struct State {
    pub(crate) n: usize,
    pub(crate) stack: Vec<usize>,
    pub(crate) next: usize,
    pub(crate) heads: Vec<Option<usize>>,
    pub(crate) relations: Vec<usize>,
    /// Leftmost and rightmost dependents so far, and their counts.
    pub(crate) left: Vec<[Option<usize>; 2]>,
    pub(crate) right: Vec<[Option<usize>; 2]>,
    pub(crate) left_count: Vec<u8>,
    pub(crate) right_count: Vec<u8>,
}

impl State {
    pub(crate) fn new(n: usize) -> Self {
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

    pub(crate) fn done(&self) -> bool {
        self.next == self.n && self.stack.len() == 1
    }

    pub(crate) fn s(&self, k: usize) -> Option<usize> {
        self.stack.len().checked_sub(k + 1).map(|i| self.stack[i])
    }

    pub(crate) fn b(&self, k: usize) -> Option<usize> {
        (self.next + k < self.n).then_some(self.next + k)
    }

    /// Which moves are possible: shift (buffer not empty), left-arc (a word on top of
    /// the stack and a buffer word), right-arc (two on the stack; onto the root only as
    /// the last move).
    pub(crate) fn allowed(&self) -> [bool; 3] {
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

    /// The arc a move would make: (head, dependent); `None` for a shift.
    pub(crate) fn arc(&self, m: Move) -> Option<(usize, usize)> {
        match m {
            Move::Shift => None,
            Move::Left => Some((self.next, *self.stack.last()?)),
            Move::Right => Some((self.s(1)?, self.s(0)?)),
        }
    }

    /// Makes a move; an arc gets `relation`.
    pub(crate) fn apply(&mut self, m: Move, relation: usize) {
        match self.arc(m) {
            None => {
                self.stack.push(self.next);
                self.next += 1;
            }
            Some((head, dep)) => {
                self.stack.pop();
                self.attach(head, dep, relation);
            }
        }
    }

    /// Gold arcs each move loses (the arc-hybrid dynamic oracle's costs): `gold[w]` is
    /// the head of word `w` (`n` for the root).
    pub(crate) fn costs(&self, gold: &[usize]) -> [usize; 3] {
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
