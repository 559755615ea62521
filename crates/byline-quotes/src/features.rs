//! Features of the attribution labeller, per token of a paragraph: the word and its
//! neighbours, shape and suffix, the entity layer (PER/ORG/... begin or inside),
//! pronouns, the cue lexicon derived from PolNeAR ([`CueLexicon`]), where the token
//! stands relative to quotation marks ([`crate::marks`]), the nearest cue word to its
//! left and right in the sentence, and its place in the sentence and paragraph.

use crate::marks::MarkedQuote;
use crate::parse::{ParseInfo, SELF, parse_infos};
use byline_core::{Document, EntityLabel, Span, TokenKind};
use byline_learn::hash::{FastMap, hash_str};
use byline_learn::{FeatureHash, Features};
use std::ops::Range;

/// Words that report speech, thought or evidence, with how often PolNeAR annotates them
/// as cues: class 1 (most of the time) to 3 (sometimes). Built by `byline train quotes`.
#[derive(Clone, Debug, Default)]
pub struct CueLexicon {
    classes: FastMap<String, u8>,
    /// The same classes keyed by the words' hashes, for the per-token lookup.
    by_hash: FastMap<u64, u8>,
}

impl CueLexicon {
    /// Reads the `word<TAB>class` lines written by [`CueLexicon::to_tsv`].
    pub fn from_tsv(text: &str) -> Result<Self, String> {
        let mut classes = FastMap::default();
        for (n, line) in text.lines().enumerate().filter(|(_, l)| !l.is_empty()) {
            let (word, class) = line
                .split_once('\t')
                .ok_or_else(|| format!("cue lexicon line {}: expected word<TAB>class", n + 1))?;
            let class: u8 = class
                .parse()
                .ok()
                .filter(|c| (1..=3).contains(c))
                .ok_or_else(|| format!("cue lexicon line {}: bad class {class:?}", n + 1))?;
            classes.insert(word.to_owned(), class);
        }
        Ok(CueLexicon::new(classes))
    }

    /// Derives the lexicon from `(lower-cased word, times in a cue, times in total)`.
    pub fn from_counts(counts: impl IntoIterator<Item = (String, usize, usize)>) -> Self {
        let mut classes = FastMap::default();
        for (word, cue, total) in counts {
            if cue < 2 || total < 3 {
                continue;
            }
            let rate = cue as f64 / total as f64;
            let class = if rate >= 0.5 {
                1
            } else if rate >= 0.2 {
                2
            } else if rate >= 0.05 {
                3
            } else {
                continue;
            };
            classes.insert(word, class);
        }
        CueLexicon::new(classes)
    }

    fn new(classes: FastMap<String, u8>) -> Self {
        let by_hash = classes.iter().map(|(w, c)| (hash_str(w), *c)).collect();
        CueLexicon { classes, by_hash }
    }

    /// The lexicon as sorted `word<TAB>class` lines.
    pub fn to_tsv(&self) -> String {
        let mut rows: Vec<(&String, &u8)> = self.classes.iter().collect();
        rows.sort();
        rows.iter().map(|(w, c)| format!("{w}\t{c}\n")).collect()
    }

    /// The class of a lower-cased word (0: not a cue word).
    pub fn class(&self, lower: &str) -> u8 {
        self.class_of_hash(hash_str(lower))
    }

    /// The class of a lower-cased word given its [`hash_str`] (0: not a cue word).
    pub fn class_of_hash(&self, hash: u64) -> u8 {
        self.by_hash.get(&hash).copied().unwrap_or(0)
    }

    /// Number of words.
    pub fn len(&self) -> usize {
        self.classes.len()
    }

    /// Whether the lexicon is empty.
    pub fn is_empty(&self) -> bool {
        self.classes.is_empty()
    }
}

/// Where a token stands relative to quotation marks.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[repr(u8)]
pub enum QuoteState {
    /// Outside any direct quote.
    Outside = 0,
    /// Inside the content of a direct quote.
    Inside = 1,
    /// An opening mark.
    Open = 2,
    /// A closing mark.
    Close = 3,
}

/// What the features need of one token, computed once per document.
#[derive(Clone, Debug)]
pub struct TokenInfo {
    lower: u64,
    shape: u64,
    suffix: u64,
    /// Cue lexicon class (0 none).
    pub cue: u8,
    /// Entity tag: 0 none, else 2 × label + (1 if it begins the mention).
    entity: u8,
    /// Personal pronoun.
    pronoun: bool,
    /// Quote state.
    pub quote: QuoteState,
    is_that: bool,
    punct: u64,
    /// What the parse says of it, when the document has a syntax layer.
    parse: Option<ParseInfo>,
}

/// Writes `word` lower-cased into `out` (replacing what it held), quickly for ASCII.
pub(crate) fn lower_into(word: &str, out: &mut String) {
    out.clear();
    if word.is_ascii() {
        out.push_str(word);
        out.make_ascii_lowercase();
    } else {
        out.extend(word.chars().flat_map(char::to_lowercase));
    }
}

/// Personal pronouns that can be sources.
pub const PRONOUNS: &[&str] = &["he", "she", "they", "it", "we", "i", "you"];

fn short_shape(word: &str) -> u64 {
    let mut h = 7u64;
    let mut last = None;
    for c in word.chars().take(12) {
        let k = byline_learn::char_class(c);
        if last != Some(k) {
            h = byline_learn::hash::mix(h, k as u64);
            last = Some(k);
        }
    }
    h
}

/// Per-token information of a whole document.
pub fn token_infos(doc: &Document, lexicon: &CueLexicon, quotes: &[MarkedQuote]) -> Vec<TokenInfo> {
    let mut infos = Vec::with_capacity(doc.tokens.len());
    let inside: Vec<Span> = quotes.iter().flat_map(|q| q.fragments.iter().copied()).collect();
    let mut marks: Vec<(usize, QuoteState)> = Vec::new();
    for q in quotes {
        marks.push((q.open, QuoteState::Open));
        for f in &q.fragments {
            marks.push((f.end, QuoteState::Close));
        }
    }
    marks.sort_unstable_by_key(|m| m.0);
    let mut entity = 0usize;
    let mut lower = String::new();
    for (i, tok) in doc.tokens.iter().enumerate() {
        let word = doc.token_text(i);
        lower_into(word, &mut lower);
        let suffix_start = lower.char_indices().rev().nth(2).map_or(0, |(p, _)| p);
        while entity < doc.entities.len() && doc.entities[entity].span.end <= tok.span.start {
            entity += 1;
        }
        let entity_tag = doc
            .entities
            .get(entity)
            .filter(|e| e.span.start <= tok.span.start)
            .map_or(0, |e| {
                let label = match e.label {
                    EntityLabel::Per => 1,
                    EntityLabel::Org => 2,
                    EntityLabel::Loc => 3,
                    EntityLabel::Misc => 4,
                };
                2 * label + u8::from(e.span.start == tok.span.start)
            });
        let quote = if Span::find_containing(&inside, tok.span).is_some() {
            QuoteState::Inside
        } else {
            let m = marks.partition_point(|m| m.0 < tok.span.start);
            match (marks.get(m), m.checked_sub(1).map(|k| marks[k])) {
                (Some(&(p, QuoteState::Open)), _) if p == tok.span.start => QuoteState::Open,
                (_, Some((p, QuoteState::Close))) | (Some(&(p, QuoteState::Close)), _)
                    if tok.kind == TokenKind::Punct && p <= tok.span.start && tok.span.start <= p + 3 =>
                {
                    QuoteState::Close
                }
                _ => QuoteState::Outside,
            }
        };
        let lower_hash = hash_str(&lower);
        infos.push(TokenInfo {
            lower: lower_hash,
            shape: short_shape(word),
            suffix: hash_str(&lower[suffix_start..]),
            cue: lexicon.class_of_hash(lower_hash),
            entity: entity_tag,
            pronoun: lower.len() <= 4 && PRONOUNS.contains(&lower.as_str()),
            quote,
            is_that: lower == "that",
            punct: if tok.kind == TokenKind::Punct {
                hash_str(word)
            } else {
                tok.kind as u64
            },
            parse: None,
        });
    }
    let cue = |t: usize| {
        let i: &TokenInfo = &infos[t];
        if i.quote == QuoteState::Outside { i.cue } else { 0 }
    };
    if let Some(parsed) = parse_infos(doc, cue) {
        for (info, p) in infos.iter_mut().zip(parsed) {
            info.parse = Some(p);
        }
    }
    infos
}

fn bucket(distance: usize) -> u64 {
    byline_learn::distance_class(distance, 12)
}

/// The tokens of paragraph `p`.
pub fn paragraph_tokens(doc: &Document, p: usize) -> std::ops::Range<usize> {
    let par = &doc.paragraphs[p];
    let start = doc.sentences.get(par.sentences.start).map_or(0, |s| s.tokens.start);
    let end = par
        .sentences
        .end
        .checked_sub(1)
        .and_then(|s| doc.sentences.get(s))
        .map_or(start, |s| s.tokens.end);
    start..end.max(start)
}

/// The features of the tokens of paragraph `paragraph`.
pub fn paragraph_features(doc: &Document, infos: &[TokenInfo], paragraph: usize, bits: u32) -> Features {
    let mut out = Features::with_capacity(paragraph_tokens(doc, paragraph).len(), 30);
    for (k, s) in doc.paragraphs[paragraph].sentences.clone().enumerate() {
        sentence_features(infos, doc.sentences[s].tokens.clone(), k.min(2) as u64, bits, &mut out);
    }
    out
}

/// Appends the features of one sentence's tokens; `index` is its place in the paragraph.
fn sentence_features(infos: &[TokenInfo], range: Range<usize>, index: u64, bits: u32, out: &mut Features) {
    let n = range.len();
    let info = &infos[range.clone()];
    // Nearest cue word outside quotes to the left and right of each token, and whether a
    // "that" stands between the left one and the token.
    let mut left = vec![(0u8, 0usize, false); n];
    let mut last: Option<(u8, usize)> = None;
    let mut that_since = false;
    for i in 0..n {
        if let Some((c, at)) = last {
            left[i] = (c, i - at, that_since);
        }
        if info[i].cue > 0 && info[i].quote == QuoteState::Outside {
            last = Some((info[i].cue, i));
            that_since = false;
        } else if info[i].is_that {
            that_since = true;
        }
    }
    let mut right = vec![(0u8, 0usize); n];
    let mut next: Option<(u8, usize)> = None;
    for i in (0..n).rev() {
        if let Some((c, at)) = next {
            right[i] = (c, at - i);
        }
        if info[i].cue > 0 && info[i].quote == QuoteState::Outside {
            next = Some((info[i].cue, i));
        }
    }
    let at = |i: isize, f: fn(&TokenInfo) -> u64| -> u64 {
        if i < 0 || i as usize >= n {
            0xB0B
        } else {
            f(&info[i as usize])
        }
    };
    for i in 0..n {
        let ii = i as isize;
        let t = &info[i];
        let q = t.quote as u64;
        let position = if i == 0 {
            0
        } else if i + 1 == n {
            1
        } else {
            2
        };
        let mut add = |h: FeatureHash| out.push(h.finish(bits));
        add(FeatureHash::new(0));
        add(FeatureHash::new(1).u64(t.lower));
        add(FeatureHash::new(2).u64(t.shape));
        add(FeatureHash::new(3).u64(t.suffix));
        add(FeatureHash::new(4).u64(at(ii - 1, |t| t.lower)));
        add(FeatureHash::new(5).u64(at(ii + 1, |t| t.lower)));
        add(FeatureHash::new(6).u64(at(ii - 2, |t| t.lower)));
        add(FeatureHash::new(7).u64(at(ii + 2, |t| t.lower)));
        add(FeatureHash::new(8).u64(at(ii - 1, |t| t.lower)).u64(t.lower));
        add(FeatureHash::new(9).u64(t.lower).u64(at(ii + 1, |t| t.lower)));
        add(FeatureHash::new(10).u64(u64::from(t.entity)));
        add(FeatureHash::new(11).u64(at(ii - 1, |t| u64::from(t.entity))));
        add(FeatureHash::new(12).u64(at(ii + 1, |t| u64::from(t.entity))));
        add(FeatureHash::new(13).u64(u64::from(t.cue)).u64(q));
        add(FeatureHash::new(14).u64(at(ii - 1, |t| u64::from(t.cue))));
        add(FeatureHash::new(15).u64(at(ii + 1, |t| u64::from(t.cue))));
        add(FeatureHash::new(16).u64(q));
        add(FeatureHash::new(17).u64(at(ii - 1, |t| t.quote as u64)).u64(q));
        add(FeatureHash::new(18).u64(q).u64(at(ii + 1, |t| t.quote as u64)));
        let (lc, ld, that) = left[i];
        let (rc, rd) = right[i];
        add(FeatureHash::new(20).u64(u64::from(lc)).u64(bucket(ld)));
        add(FeatureHash::new(21).u64(u64::from(rc)).u64(bucket(rd)));
        add(FeatureHash::new(22)
            .u64(u64::from(lc > 0))
            .u64(u64::from(rc > 0))
            .u64(q)
            .u64(u64::from(that)));
        add(FeatureHash::new(23).u64(position).u64(index));
        add(FeatureHash::new(24)
            .u64(u64::from(t.pronoun))
            .u64(u64::from(t.entity))
            .u64(u64::from(rc > 0 && rd <= 2))
            .u64(u64::from(lc > 0 && ld <= 2)));
        add(FeatureHash::new(25).u64(t.lower).u64(q));
        add(FeatureHash::new(26).u64(t.punct).u64(q).u64(u64::from(lc > 0)));
        add(FeatureHash::new(27)
            .u64(t.lower)
            .u64(u64::from(lc > 0))
            .u64(u64::from(rc > 0)));
        add(FeatureHash::new(28)
            .u64(position)
            .u64(q)
            .u64(u64::from(lc))
            .u64(u64::from(rc)));
        if let Some(p) = &t.parse {
            let prev = if i > 0 {
                info[i - 1].parse.map_or(0, |p| p.path_rel)
            } else {
                254
            };
            parse_features(p, t, q, prev, &mut add);
        }
        out.end_token();
    }
}

/// The parse's features of one token (templates 40 on).
fn parse_features(p: &ParseInfo, t: &TokenInfo, q: u64, prev_path: u8, add: &mut impl FnMut(FeatureHash)) {
    let depth = byline_learn::distance_class(usize::from(p.path_depth), 6);
    let path = u64::from(p.path_rel);
    add(FeatureHash::new(40).u64(u64::from(p.upos)));
    add(FeatureHash::new(41).u64(u64::from(p.upos)).u64(u64::from(p.deprel)));
    add(FeatureHash::new(42)
        .u64(u64::from(p.deprel))
        .u64(u64::from(p.head_upos)));
    add(FeatureHash::new(43).u64(path).u64(u64::from(p.path_cue)).u64(depth));
    add(FeatureHash::new(44).u64(path).u64(u64::from(p.path_cue)).u64(q));
    add(FeatureHash::new(45).u64(path).u64(p.cue_lemma));
    add(FeatureHash::new(46)
        .u64(path)
        .u64(u64::from(t.entity))
        .u64(u64::from(t.pronoun)));
    add(FeatureHash::new(47).u64(path).u64(u64::from(prev_path)));
    add(FeatureHash::new(48).u64(u64::from(p.deprel)).u64(p.head_lemma));
    add(FeatureHash::new(51).u64(p.lemma));
    add(FeatureHash::new(52).u64(u64::from(p.verb_rel)).u64(p.verb_lemma));
    add(FeatureHash::new(53).u64(u64::from(p.arguments)).u64(p.lemma));
    if p.path_rel == SELF {
        add(FeatureHash::new(49)
            .u64(u64::from(p.arguments))
            .u64(u64::from(p.path_cue)));
        add(FeatureHash::new(50).u64(u64::from(p.arguments)).u64(p.cue_lemma));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lexicon_round_trips_and_classes_by_rate() {
        let lex = CueLexicon::from_counts([
            ("said".to_owned(), 90, 100),
            ("told".to_owned(), 30, 100),
            ("called".to_owned(), 10, 100),
            ("the".to_owned(), 3, 10_000),
            ("once".to_owned(), 1, 1),
        ]);
        assert_eq!((lex.class("said"), lex.class("told"), lex.class("called")), (1, 2, 3));
        assert_eq!((lex.class("the"), lex.class("once")), (0, 0));
        let back = CueLexicon::from_tsv(&lex.to_tsv()).unwrap();
        assert_eq!(back.class("told"), 2);
        assert_eq!(back.len(), 3);
        assert!(CueLexicon::from_tsv("said\t9\n").is_err());
    }
}
