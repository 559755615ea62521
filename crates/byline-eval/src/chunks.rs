//! Entity chunks from tag sequences, decoded with the CoNLL shared-task rules (IOB1,
//! IOB2 and IOBES/BILOU alike), and conlleval-style scoring by exact span and type —
//! the same rules as `shared/eval/eval_ner.py`.

use crate::Counts;
use std::collections::{BTreeMap, HashSet};

fn split_tag(tag: &str) -> (char, &str) {
    if tag == "O" || tag.is_empty() {
        return ('O', "");
    }
    match tag.split_once('-') {
        Some((prefix, kind)) => {
            let p = match prefix {
                "U" | "S" => 'S',
                "L" | "E" => 'E',
                "B" => 'B',
                _ => 'I',
            };
            (p, kind)
        }
        None => ('I', tag),
    }
}

fn chunk_ends(prev: char, cur: char, prev_type: &str, kind: &str) -> bool {
    match prev {
        'O' => false,
        'E' | 'S' => true,
        _ => matches!(cur, 'B' | 'S' | 'O') || prev_type != kind,
    }
}

fn chunk_starts(prev: char, cur: char, prev_type: &str, kind: &str) -> bool {
    match cur {
        'O' => false,
        'B' | 'S' => true,
        _ => matches!(prev, 'O' | 'E' | 'S') || prev_type != kind,
    }
}

/// The chunks `(start, end_exclusive, type)` of a tag sequence.
pub fn chunks<S: AsRef<str>>(tags: &[S]) -> HashSet<(usize, usize, String)> {
    let mut found = HashSet::new();
    let (mut prev, mut prev_type) = ('O', String::new());
    let mut start: Option<usize> = None;
    for (i, tag) in tags.iter().enumerate() {
        let (cur, kind) = split_tag(tag.as_ref());
        if let Some(s) = start {
            if chunk_ends(prev, cur, &prev_type, kind) {
                found.insert((s, i, prev_type.clone()));
                start = None;
            }
        }
        if chunk_starts(prev, cur, &prev_type, kind) {
            start = Some(i);
        }
        prev = cur;
        prev_type = kind.to_owned();
    }
    if let Some(s) = start {
        found.insert((s, tags.len(), prev_type));
    }
    found
}

/// Per-type and overall counts over sentences of (gold tags, predicted tags).
#[derive(Clone, Debug, Default)]
pub struct ChunkScore {
    /// Counts per entity type.
    pub per_type: BTreeMap<String, Counts>,
    /// Tokens scored.
    pub tokens: usize,
    /// Sentences scored.
    pub sentences: usize,
    /// Tokens whose entity type (ignoring B/I) is right.
    pub type_correct: usize,
}

impl ChunkScore {
    /// Adds one sentence.
    pub fn add<S: AsRef<str>, T: AsRef<str>>(&mut self, gold: &[S], pred: &[T]) {
        debug_assert_eq!(gold.len(), pred.len());
        self.sentences += 1;
        self.tokens += gold.len();
        self.type_correct += gold
            .iter()
            .zip(pred)
            .filter(|(g, p)| split_tag(g.as_ref()).1 == split_tag(p.as_ref()).1)
            .count();
        let g = chunks(gold);
        let p = chunks(pred);
        for (_, _, kind) in &g {
            self.per_type.entry(kind.clone()).or_default().fn_ += 1;
        }
        for (_, _, kind) in &p {
            self.per_type.entry(kind.clone()).or_default().fp += 1;
        }
        for (_, _, kind) in g.intersection(&p) {
            let c = self.per_type.get_mut(kind).expect("counted above");
            c.tp += 1;
            c.fp -= 1;
            c.fn_ -= 1;
        }
    }

    /// Counts over all types.
    pub fn overall(&self) -> Counts {
        let mut total = Counts::default();
        for c in self.per_type.values() {
            total.add(*c);
        }
        total
    }

    /// The report, in the layout of `eval_ner.py`.
    pub fn report(&self) -> String {
        let o = self.overall();
        let mut out = format!(
            "processed {} tokens in {} sentences with {} gold entities; found: {}; correct: {}.\n",
            self.tokens,
            self.sentences,
            o.tp + o.fn_,
            o.tp + o.fp,
            o.tp
        );
        let acc = if self.tokens == 0 {
            0.0
        } else {
            100.0 * self.type_correct as f64 / self.tokens as f64
        };
        out += &format!("token accuracy (entity type per token, B/I ignored): {acc:.2}%\n");
        out += &format!(
            "{:<8}{:>8}{:>8}{:>8}{:>8}{:>8}{:>8}\n",
            "type", "prec", "rec", "F1", "gold", "pred", "corr"
        );
        let rows = self
            .per_type
            .iter()
            .map(|(k, c)| (k.as_str(), *c))
            .chain(std::iter::once(("overall", o)));
        for (name, c) in rows {
            out += &format!(
                "{:<8}{:>8.2}{:>8.2}{:>8.2}{:>8}{:>8}{:>8}\n",
                name,
                c.precision(),
                c.recall(),
                c.f1(),
                c.tp + c.fn_,
                c.tp + c.fp,
                c.tp
            );
        }
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn iob1_iob2_and_iobes_decode_alike() {
        let iob1 = chunks(&["I-PER", "I-PER", "B-PER", "O", "I-LOC"]);
        let iob2 = chunks(&["B-PER", "I-PER", "B-PER", "O", "B-LOC"]);
        let iobes = chunks(&["B-PER", "E-PER", "S-PER", "O", "S-LOC"]);
        assert_eq!(iob1, iob2);
        assert_eq!(iob2, iobes);
        assert_eq!(iob1.len(), 3);
    }

    #[test]
    fn exact_span_and_type_count() {
        let mut s = ChunkScore::default();
        s.add(&["I-PER", "I-PER", "O", "I-ORG"], &["B-PER", "O", "O", "B-ORG"]);
        let o = s.overall();
        assert_eq!((o.tp, o.fp, o.fn_), (1, 1, 1));
        assert_eq!(s.type_correct, 3);
    }
}
