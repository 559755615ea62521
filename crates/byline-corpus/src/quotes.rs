//! Step 3: quote provenance. In order:
//! 1. each quote occurrence's words are folded (`words`); occurrences with the same words
//!    are one copy — one per speaker identity when several people said them, an
//!    unattributed occurrence joining the speaker most of its copies have (quotes under
//!    six words stay alone: "No." or "not to be named" twice is not one statement);
//! 2. each copy of six words or more is sketched by its winnowed shingle fingerprints; two
//!    copies that share a fingerprint (a run of six words) are a candidate pair, so the
//!    work is linear in the corpus (a fingerprint on more than `HOT_POSTINGS` copies is a
//!    stock phrase and proposes nothing);
//! 3. each candidate pair is verified by word alignment (`align::same_statement`);
//! 4. verified pairs join groups, best pairs first, never joining two speaker identities;
//! 5. each group's canonical text is its longest copy, its first appearance the earliest
//!    dated occurrence (ties by input order), and each occurrence is aligned with the
//!    canonical text to say how its words differ.

use crate::align::{Alignment, align, same_statement};
use crate::read::{Article, QuoteRecord};
use crate::words::{Word, fingerprints, sequence_hash, words};
use byline_learn::hash::FastMap;
use rayon::prelude::*;

/// Fewest words of a quote that is matched with others at all.
const MIN_COPY_WORDS: u32 = 6;
/// A fingerprint shared by more copies than this is a stock phrase.
const HOT_POSTINGS: usize = 100;
/// Share of the fewer fingerprints of a pair that must be shared (see `candidate_pairs`).
const SHARED_SHARE: f64 = 0.3;

/// One occurrence's place in the groups.
#[derive(Clone, Debug)]
pub(crate) struct Placed {
    /// The group (numbered by first appearance in the input).
    pub group: u32,
    /// How its words differ from the group's canonical text (`None`: the same words).
    pub changes: Option<Alignment>,
}

/// A group of occurrences that are one statement.
#[derive(Clone, Debug)]
pub(crate) struct Group {
    /// The occurrence whose text is canonical (its longest copy).
    pub canonical: u32,
    /// Speaker identity.
    pub identity: Option<u32>,
    /// Occurrences, in input order.
    pub occurrences: Vec<u32>,
    /// The first appearance: the earliest dated occurrence, ties by input order.
    pub first: u32,
}

/// The quote groups and each occurrence's place.
#[derive(Debug, Default)]
pub(crate) struct Groups {
    pub groups: Vec<Group>,
    pub placed: Vec<Placed>,
    /// Candidate pairs verified, and those found the same statement.
    pub candidates: usize,
    pub verified: usize,
}

/// A set of occurrences with the same folded words and speaker.
struct Copy {
    occurrences: Vec<u32>,
    speaker: Option<u32>,
    words: u32,
}

/// Groups the quotes; `speakers[i]` is occurrence i's speaker identity.
pub(crate) fn group_quotes(articles: &[Article], quotes: &[QuoteRecord], speakers: &[Option<u32>]) -> Groups {
    let hashes: Vec<(u64, u32)> = quotes
        .par_iter()
        .map(|q| {
            let w = words(&q.content);
            (sequence_hash(&w), w.len() as u32)
        })
        .collect();
    let copies = copies(&hashes, speakers);

    // Candidate pairs of copies from shared fingerprints.
    let prints: Vec<Vec<u64>> = copies
        .par_iter()
        .map(|c| fingerprints(&words(&quotes[c.occurrences[0] as usize].content)))
        .collect();
    let pairs = candidate_pairs(&copies, &prints);
    drop(prints);

    // Verification, then groups, best pairs first.
    let text = |c: u32| quotes[copies[c as usize].occurrences[0] as usize].content.as_str();
    let mut verified: Vec<(u32, u32, u32, u32)> = pairs
        .par_iter()
        .filter_map(|&(a, b)| {
            let (wa, wb) = (words(text(a)), words(text(b)));
            let (short, long) = if wa.len() <= wb.len() { (&wa, &wb) } else { (&wb, &wa) };
            let al = same_statement(short, long)?;
            // Ordered by edits, then by matched words (more first).
            Some((al.edits(), u32::MAX - al.matched, a, b))
        })
        .collect();
    verified.sort_unstable();
    let mut sets = Sets::new(
        copies.iter().map(|c| c.speaker).collect(),
        copies.iter().map(|c| c.words).collect(),
    );
    for &(_, _, a, b) in &verified {
        sets.join(a, b, text);
    }

    let groups = Groups {
        candidates: pairs.len(),
        verified: verified.len(),
        ..Groups::default()
    };
    finish(articles, quotes, &copies, &mut sets, groups)
}

/// Pairs of copies that may be one statement: they share fingerprints — one when either
/// has at most four, else at least two and at least `SHARED_SHARE` of the fewer — and may
/// have one speaker.
fn candidate_pairs(copies: &[Copy], prints: &[Vec<u64>]) -> Vec<(u32, u32)> {
    let mut postings: Vec<(u64, u32)> = prints
        .iter()
        .enumerate()
        .flat_map(|(c, fs)| fs.iter().map(move |&f| (f, c as u32)))
        .collect();
    postings.par_sort_unstable();
    let mut pairs: Vec<(u32, u32)> = Vec::new();
    for run in postings.chunk_by(|a, b| a.0 == b.0) {
        if run.len() > HOT_POSTINGS {
            continue;
        }
        for (n, &(_, a)) in run.iter().enumerate() {
            for &(_, b) in &run[n + 1..] {
                let (sa, sb) = (copies[a as usize].speaker, copies[b as usize].speaker);
                if sa.is_none() || sb.is_none() || sa == sb {
                    pairs.push((a.min(b), a.max(b)));
                }
            }
        }
    }
    drop(postings);
    pairs.par_sort_unstable();
    let mut out = Vec::new();
    for run in pairs.chunk_by(|a, b| a == b) {
        let (a, b) = run[0];
        let fewer = prints[a as usize].len().min(prints[b as usize].len());
        let need = if fewer <= 4 {
            1
        } else {
            2.max((SHARED_SHARE * fewer as f64).ceil() as usize)
        };
        if run.len() >= need {
            out.push((a, b));
        }
    }
    out
}

/// Occurrences with the same folded words, one copy per speaker.
fn copies(hashes: &[(u64, u32)], speakers: &[Option<u32>]) -> Vec<Copy> {
    let mut same: FastMap<u64, Vec<u32>> = FastMap::default();
    let mut order: Vec<u64> = Vec::new();
    let mut out = Vec::new();
    for (i, &(h, n)) in hashes.iter().enumerate() {
        if n < MIN_COPY_WORDS {
            // Too few words to tell one statement from another ("No.", "We'll see"): a
            // copy of its own.
            out.push(Copy {
                occurrences: vec![i as u32],
                speaker: speakers[i],
                words: 0,
            });
            continue;
        }
        let list = same.entry(h).or_default();
        if list.is_empty() {
            order.push(h);
        }
        list.push(i as u32);
    }
    for h in order {
        let list = &same[&h];
        let words = hashes[list[0] as usize].1;
        let mut by_speaker: Vec<(u32, Vec<u32>)> = Vec::new();
        let mut unattributed = Vec::new();
        for &i in list {
            match speakers[i as usize] {
                Some(s) => match by_speaker.iter_mut().find(|(t, _)| *t == s) {
                    Some((_, v)) => v.push(i),
                    None => by_speaker.push((s, vec![i])),
                },
                None => unattributed.push(i),
            }
        }
        let most =
            (0..by_speaker.len()).max_by(|&a, &b| by_speaker[a].1.len().cmp(&by_speaker[b].1.len()).then(b.cmp(&a)));
        if let Some(m) = most {
            by_speaker[m].1.extend(unattributed);
            by_speaker[m].1.sort_unstable();
            out.extend(by_speaker.into_iter().map(|(s, occurrences)| Copy {
                occurrences,
                speaker: Some(s),
                words,
            }));
        } else {
            out.push(Copy {
                occurrences: unattributed,
                speaker: None,
                words,
            });
        }
    }
    out
}

/// Disjoint sets of copies that never hold two speaker identities, and whose longest
/// copies are one statement: a cut copy that fits two different statements ("we will
/// raise the fares" / "we will not raise the fares") joins the first and never chains
/// them.
struct Sets {
    parent: Vec<u32>,
    speaker: Vec<Option<u32>>,
    /// The longest copy of each set (at its root), and its words.
    longest: Vec<(u32, u32)>,
}

impl Sets {
    fn new(speaker: Vec<Option<u32>>, words: Vec<u32>) -> Sets {
        let longest = words.into_iter().enumerate().map(|(c, n)| (c as u32, n)).collect();
        Sets {
            parent: (0..speaker.len() as u32).collect(),
            speaker,
            longest,
        }
    }

    fn root(&mut self, mut x: u32) -> u32 {
        while self.parent[x as usize] != x {
            let up = self.parent[self.parent[x as usize] as usize];
            self.parent[x as usize] = up;
            x = up;
        }
        x
    }

    fn join<'t>(&mut self, a: u32, b: u32, text: impl Fn(u32) -> &'t str) {
        let (ra, rb) = (self.root(a), self.root(b));
        if ra == rb {
            return;
        }
        let (sa, sb) = (self.speaker[ra as usize], self.speaker[rb as usize]);
        if sa.is_some() && sb.is_some() && sa != sb {
            return;
        }
        let (la, lb) = (self.longest[ra as usize], self.longest[rb as usize]);
        let ((short, _), (long, _)) = if (la.1, lb.0) <= (lb.1, la.0) {
            (la, lb)
        } else {
            (lb, la)
        };
        if (short, long) != (a.min(b), a.max(b)) && (short, long) != (a.max(b), a.min(b)) {
            let (ws, wl) = (words(text(short)), words(text(long)));
            if same_statement(&ws, &wl).is_none() {
                return;
            }
        }
        let (keep, gone) = (ra.min(rb), ra.max(rb));
        self.parent[gone as usize] = keep;
        self.speaker[keep as usize] = sa.or(sb);
        self.longest[keep as usize] = if (la.1, lb.0) <= (lb.1, la.0) { lb } else { la };
    }
}

/// Numbers the groups by first appearance and places every occurrence.
fn finish(articles: &[Article], quotes: &[QuoteRecord], copies: &[Copy], sets: &mut Sets, mut out: Groups) -> Groups {
    let mut copy_of = vec![0u32; quotes.len()];
    for (c, copy) in copies.iter().enumerate() {
        for &o in &copy.occurrences {
            copy_of[o as usize] = c as u32;
        }
    }
    let mut group_of_root: FastMap<u32, u32> = FastMap::default();
    let mut group_of = vec![0u32; quotes.len()];
    for (o, &c) in copy_of.iter().enumerate() {
        let root = sets.root(c);
        let next = out.groups.len() as u32;
        let g = *group_of_root.entry(root).or_insert(next);
        if g == next {
            out.groups.push(Group {
                canonical: o as u32,
                identity: sets.speaker[root as usize],
                occurrences: Vec::new(),
                first: o as u32,
            });
        }
        group_of[o] = g;
        let group = &mut out.groups[g as usize];
        group.occurrences.push(o as u32);
        if copies[c as usize].words > copies[copy_of[group.canonical as usize] as usize].words {
            group.canonical = o as u32;
        }
        let date = |i: u32| articles[quotes[i as usize].article as usize].published;
        let earlier = match (date(o as u32), date(group.first)) {
            (Some(d), Some(f)) => d < f,
            (Some(_), None) => true,
            _ => false,
        };
        if earlier {
            group.first = o as u32;
        }
    }
    let groups = &out.groups;
    out.placed = (0..quotes.len())
        .into_par_iter()
        .map(|o| {
            let group = group_of[o];
            let canonical = groups[group as usize].canonical as usize;
            let changes = if copy_of[o] == copy_of[canonical] {
                None
            } else {
                let (own, full) = (words(&quotes[o].content), words(&quotes[canonical].content));
                align(&own, &full).or_else(|| Some(unaligned(&own, &full)))
            };
            Placed { group, changes }
        })
        .collect();
    out
}

/// The changes of a copy that joined its group through another copy and shares too
/// little with the canonical text to be placed in it: all its words count as changed.
fn unaligned(own: &[Word], full: &[Word]) -> Alignment {
    let whole = |w: &[Word]| (w.first().map_or(0, |x| x.start), w.last().map_or(0, |x| x.end));
    Alignment {
        changed: vec![(whole(own), whole(full))],
        changed_words: own.len().max(full.len()) as u32,
        ..Alignment::default()
    }
}
