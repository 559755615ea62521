//! Word alignment of two copies of a quote: is the shorter one the same statement as the
//! longer — a copy, a cut at either end or at an ellipsis, a few words changed, dropped or
//! added — and how do its words differ?
//!
//! The shorter copy is placed in the longer one by their shared shingles, then aligned to
//! that window word by word (Myers' diff), so that a short quote cut from a very long one
//! costs time in proportion to the short one.

use crate::words::{SHINGLE, Word, shingles};
use byline_learn::hash::FastMap;
use similar::{Algorithm, DiffOp, capture_diff_slices};

/// How one copy's words differ from another's.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub(crate) struct Alignment {
    /// Words both have, in order.
    pub matched: u32,
    /// Words of the longer copy the shorter leaves out at its ends or at an ellipsis.
    pub cut: u32,
    /// Words of the longer copy missing inside the shorter one (no ellipsis there), as
    /// byte ranges of the longer copy.
    pub dropped: Vec<(u32, u32)>,
    /// Words of the shorter copy the longer one lacks, as byte ranges of the shorter.
    pub added: Vec<(u32, u32)>,
    /// Words replaced: (shorter's range, longer's range).
    pub changed: Vec<((u32, u32), (u32, u32))>,
    /// Words in `dropped`, `added`, and the larger side of each `changed`.
    pub dropped_words: u32,
    pub added_words: u32,
    pub changed_words: u32,
    /// Words at the shorter copy's ends that the longer lacks (it goes on differently).
    pub end_added: u32,
    /// A name replaced by another name, or a negation changed: a different statement.
    pub meaning_changed: bool,
}

impl Alignment {
    /// Words changed, dropped or added (not cuts).
    pub fn edits(&self) -> u32 {
        self.dropped_words + self.added_words + self.changed_words
    }
}

/// Fewest words two copies must share to be one statement (a stock phrase of six or
/// seven words — "a special session of the legislature" — is shared by many).
pub(crate) const MIN_MATCHED: u32 = 8;
/// Share of the shorter copy's words the longer must have.
const MATCHED_SHARE: f64 = 0.75;
/// Words at the shorter copy's ends the longer may lack ("And …").
const END_WORDS_ALLOWED: u32 = 1;
/// Edits always allowed, and the share of the matched words allowed beyond that.
const EDITS_ALLOWED: u32 = 3;
const EDIT_SHARE: f64 = 0.15;

/// Whether `short` (the copy with fewer words) and `long` are the same statement, with
/// their alignment; `None` when they share too little to tell.
pub(crate) fn same_statement(short: &[Word], long: &[Word]) -> Option<Alignment> {
    let a = align(short, long)?;
    let edits = a.edits();
    let allowed = EDITS_ALLOWED.max((EDIT_SHARE * f64::from(a.matched)) as u32);
    let ok = a.matched >= MIN_MATCHED.min(short.len() as u32)
        && f64::from(a.matched) >= MATCHED_SHARE * short.len() as f64
        && a.end_added <= END_WORDS_ALLOWED
        && edits <= allowed
        && a.matched >= 2 * edits;
    (ok && !a.meaning_changed).then_some(a)
}

/// Aligns `short` to the part of `long` it shares shingles with. `None` when fewer than a
/// fifth of its shingles are in `long`.
pub(crate) fn align(short: &[Word], long: &[Word]) -> Option<Alignment> {
    let window = window(short, long)?;
    let part = &long[window.clone()];
    let a: Vec<u64> = short.iter().map(|w| w.hash).collect();
    let b: Vec<u64> = part.iter().map(|w| w.hash).collect();
    let ops = capture_diff_slices(Algorithm::Myers, &a, &b);
    let mut out = Alignment {
        cut: (long.len() - part.len()) as u32,
        ..Alignment::default()
    };
    let first_equal = ops.iter().position(|op| matches!(op, DiffOp::Equal { .. }));
    let last_equal = ops.iter().rposition(|op| matches!(op, DiffOp::Equal { .. }));
    let range = |w: &[Word], from: usize, len: usize| (w[from].start, w[from + len - 1].end);
    for (n, op) in ops.iter().enumerate() {
        let outside = first_equal.is_none_or(|f| n < f) || last_equal.is_none_or(|l| n > l);
        match *op {
            DiffOp::Equal { len, .. } => out.matched += len as u32,
            DiffOp::Insert {
                old_index,
                new_index,
                new_len,
            } => {
                let at_gap = short.get(old_index).is_some_and(|w| w.after_gap);
                if outside || at_gap {
                    out.cut += new_len as u32;
                } else {
                    out.dropped.push(range(part, new_index, new_len));
                    out.dropped_words += new_len as u32;
                    out.meaning_changed |= part[new_index..new_index + new_len].iter().any(|w| w.negation);
                }
            }
            DiffOp::Delete { old_index, old_len, .. } => {
                out.added.push(range(short, old_index, old_len));
                out.added_words += old_len as u32;
                if outside {
                    out.end_added += old_len as u32;
                }
                out.meaning_changed |= short[old_index..old_index + old_len].iter().any(|w| w.negation);
            }
            DiffOp::Replace {
                old_index,
                old_len,
                new_index,
                new_len,
            } => {
                let old = &short[old_index..old_index + old_len];
                let new = &part[new_index..new_index + new_len];
                if outside && old_len > 0 {
                    // Words at an end of the shorter copy the longer has otherwise.
                    out.cut += new_len as u32;
                    out.added.push(range(short, old_index, old_len));
                    out.added_words += old_len as u32;
                    out.end_added += old_len as u32;
                } else {
                    out.changed
                        .push((range(short, old_index, old_len), range(part, new_index, new_len)));
                    out.changed_words += old_len.max(new_len) as u32;
                }
                let negations = |ws: &[Word]| ws.iter().filter(|w| w.negation).count();
                out.meaning_changed |=
                    negations(old) != negations(new) || (old.iter().any(|w| w.proper) && new.iter().any(|w| w.proper));
            }
        }
    }
    Some(out)
}

/// The words of `long` that `short` is to be aligned with: from where its first shared
/// shingle sits to where its last one does, widened by a few words (a short word such as
/// "we" is then not matched far from where the copy sits), at most four times its length
/// around the median placement.
fn window(short: &[Word], long: &[Word]) -> Option<std::ops::Range<usize>> {
    if short.len() < SHINGLE {
        return Some(0..long.len());
    }
    let mut at: FastMap<u64, Vec<usize>> = FastMap::default();
    for (i, h) in shingles(short).into_iter().enumerate() {
        at.entry(h).or_default().push(i);
    }
    let mut diagonals: Vec<isize> = Vec::new();
    let mut shared = 0usize;
    for (j, h) in shingles(long).into_iter().enumerate() {
        if let Some(is) = at.get(&h) {
            shared += 1;
            diagonals.extend(is.iter().map(|&i| j as isize - i as isize));
        }
    }
    if shared * 5 < short.len() + 1 - SHINGLE {
        return None;
    }
    diagonals.sort_unstable();
    let slack = EDITS_ALLOWED as isize + short.len() as isize / 10;
    let (lo, hi) = (diagonals[0], diagonals[diagonals.len() - 1] + short.len() as isize);
    let median = diagonals[diagonals.len() / 2];
    let span = 4 * short.len() as isize + 60;
    let (lo, hi) = if hi - lo + 2 * slack > span {
        (
            median - short.len() as isize - 30,
            median + 2 * short.len() as isize + 30,
        )
    } else {
        (lo - slack, hi + slack)
    };
    let lo = lo.clamp(0, long.len() as isize) as usize;
    let hi = hi.clamp(0, long.len() as isize) as usize;
    Some(lo..hi)
}
