//! Attribution candidates from the dependency parse, for reported speech the labeller
//! leaves untagged: every verb, noun or adjective with a dependent that could be what it
//! reports (a clausal complement, an object, an oblique, an open clause…) is a
//! candidate cue, that dependent's whole subtree its content and its subject (or
//! passive agent) its source — "Officials [said] [Tuesday the plant would close]",
//! "She [announced] [that the department would keep its funding]". A logistic model over
//! the candidate's words and relations (fitted by `byline train quotes --syntax` on
//! PolNeAR train, [`crate::train::fit_candidates`]) says which are attributions; those
//! scoring at least [`MIN_PROBABILITY`] whose cue and content lie outside the quotes
//! already found are added.

use crate::features::{CueLexicon, lower_into};
use crate::score::{CLASSES, Emit, EmitFeatures, QuoteScorer, yes_no};
use byline_core::{DependencyTree, Document};
use std::ops::Range;

/// The probability from which a candidate becomes an attribution (chosen on a held-out
/// fifth of PolNeAR train, not dev: the overlap F1 of all quotes peaks there).
pub(crate) const MIN_PROBABILITY: f64 = 0.5;

/// Relations of a dependent that may be what its head reports.
const CONTENT_RELATIONS: [&str; 9] = [
    "ccomp",
    "xcomp",
    "obj",
    "obl",
    "advcl",
    "nmod",
    "parataxis",
    "csubj",
    "acl",
];

/// One candidate attribution, in tokens of its document.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Candidate {
    /// The cue word's token.
    pub cue: usize,
    /// The content: the dependent's subtree without punctuation at its edges.
    pub content: Range<usize>,
    /// The subject's (or passive agent's) subtree, when the cue has one.
    pub source: Option<Range<usize>>,
}

/// Bucket names of a content's length in words: up to 2, 5, 10, 20, 40, more.
const LENGTHS: [(usize, &str); 6] = [
    (2, "1-2"),
    (5, "3-5"),
    (10, "6-10"),
    (20, "11-20"),
    (40, "21-40"),
    (usize::MAX, "41+"),
];

/// A bucket of a content's length in words.
fn length_class(words: usize) -> &'static str {
    LENGTHS
        .iter()
        .find(|(max, _)| words <= *max)
        .map_or("41+", |(_, name)| name)
}

/// Calls `visit(candidate, features)` for every candidate of `doc`, where
/// `features(emit)` calls `emit(template, values)` for each of its features. Nothing
/// without a syntax layer; `skip(token)` leaves out cue words (those inside a quote
/// already found).
pub(crate) fn for_each_candidate(
    doc: &Document,
    lexicon: &CueLexicon,
    skip: impl Fn(usize) -> bool,
    visit: &mut dyn FnMut(Candidate, &EmitFeatures),
) {
    let words = &doc.syntax.words;
    if words.is_empty() {
        return;
    }
    let tree = DependencyTree::new(&doc.syntax);
    let is_punct = |w: usize| words[w].upos.as_str() == "PUNCT";
    let (mut lemma, mut lower, mut first) = (String::new(), String::new(), String::new());
    for (w, word) in words.iter().enumerate() {
        let upos = word.upos.as_str();
        if !matches!(upos, "VERB" | "NOUN" | "ADJ") || word.token >= doc.tokens.len() || skip(word.token) {
            continue;
        }
        let children = tree.children_of(w);
        if !children
            .iter()
            .any(|&c| CONTENT_RELATIONS.contains(&words[c].deprel.as_str()))
        {
            continue;
        }
        lower_into(&word.lemma, &mut lemma);
        lower_into(doc.token_text(word.token), &mut lower);
        let class = CLASSES[usize::from(lexicon.class(&lower)).min(3)];
        // The first subject or passive agent ("X is expected to …": PolNeAR's source,
        // when written, is usually a passive's subject too).
        let subject = children
            .iter()
            .copied()
            .find(|&c| matches!(words[c].deprel.as_str(), "nsubj" | "nsubj:pass" | "obl:agent"));
        let subject_upos = subject.map_or("none", |s| words[s].upos.as_str());
        let head_upos = word.head.and_then(|h| words.get(h)).map_or("root", |h| h.upos.as_str());
        let head_rel = word.deprel.as_str();
        // The subject's subtree, without the "by" of an agent, and ending before the cue
        // when it precedes it.
        let source = subject.map(|s| {
            let (mut lo, mut hi) = tree.extent(s);
            if lo < hi && words[lo].upos.as_str() == "ADP" {
                lo += 1;
            }
            if lo < w && hi >= w {
                hi = w - 1;
            }
            words[lo].token..words[hi].token + 1
        });
        for &c in children {
            let rel = words[c].deprel.as_str();
            if !CONTENT_RELATIONS.contains(&rel) {
                continue;
            }
            let (mut lo, mut hi) = tree.extent(c);
            while lo < hi && is_punct(lo) {
                lo += 1;
            }
            while hi > lo && is_punct(hi) {
                hi -= 1;
            }
            // A subtree around its own head (a non-projective parse) is no content.
            if (lo..=hi).contains(&w) || is_punct(lo) {
                continue;
            }
            let content = words[lo].token..words[hi].token + 1;
            let grandchildren = tree.children_of(c);
            let mark = grandchildren
                .iter()
                .find(|&&g| words[g].deprel.as_str() == "mark")
                .map_or("-", |&g| words[g].lemma.as_str());
            let clause = yes_no(
                grandchildren
                    .iter()
                    .any(|&g| words[g].deprel.as_str().starts_with("nsubj")),
            );
            lower_into(doc.token_text(content.start), &mut first);
            let length = length_class(hi - lo + 1);
            let after = yes_no(lo > w);
            let child_upos = words[c].upos.as_str();
            let (lemma, lower, first) = (lemma.as_str(), lower.as_str(), first.as_str());
            let features = |emit: &mut Emit| {
                emit("bias", &[]);
                emit("lemma", &[lemma]);
                emit("word", &[lower]);
                emit("upos", &[upos]);
                emit("rel", &[rel]);
                emit("child_upos", &[child_upos]);
                emit("lemma,rel", &[lemma, rel]);
                emit("lemma,rel,clause", &[lemma, rel, clause]);
                emit("head_rel", &[head_rel]);
                emit("head_upos", &[head_upos]);
                emit("subject", &[subject_upos]);
                emit("upos,subject,rel", &[upos, subject_upos, rel]);
                emit("class", &[class]);
                emit("class,rel", &[class, rel]);
                emit("class,subject", &[class, subject_upos]);
                emit("mark", &[mark]);
                emit("mark,rel", &[mark, rel]);
                emit("clause,rel", &[clause, rel]);
                emit("length", &[length]);
                emit("first", &[first]);
                emit("after,rel", &[after, rel]);
            };
            let candidate = Candidate {
                cue: word.token,
                content,
                source: source.clone(),
            };
            visit(candidate, &features);
        }
    }
}

/// The candidates of `doc` that `model` accepts, most probable first, whose cue and
/// content touch no token of `taken` nor an earlier one's (both are marked taken).
pub(crate) fn accepted(
    doc: &Document,
    lexicon: &CueLexicon,
    model: &QuoteScorer,
    taken: &mut [bool],
) -> Vec<Candidate> {
    let mut scored: Vec<(f64, Candidate)> = Vec::new();
    for_each_candidate(doc, lexicon, |t| taken[t], &mut |candidate, features| {
        let p = model.probability(features);
        if p >= MIN_PROBABILITY {
            scored.push((p, candidate));
        }
    });
    scored.sort_by(|a, b| b.0.total_cmp(&a.0).then(a.1.content.start.cmp(&b.1.content.start)));
    let mut out = Vec::new();
    for (_, c) in scored {
        if taken[c.cue] || taken[c.content.clone()].iter().any(|&t| t) {
            continue;
        }
        for t in c.content.clone().chain([c.cue]) {
            taken[t] = true;
        }
        out.push(c);
    }
    out
}
