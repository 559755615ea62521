//! Step 1 of the path, **cues**: every attribution of a document as a cue with the
//! source and content written around it, before anything is decided about them.
//!
//! Per paragraph, in text order:
//! 1. the trained labeller tags cue, source and content tokens (`tags`, `features`) and
//!    the tags are grouped around their cues (`assemble`); a source that is a lone
//!    reporting verb ("Said Ellis: …") is the cue, and the name after it the source.
//!    Paragraphs without a cue word, a quotation mark or a colon are not tagged;
//! 2. sentences where the labeller found no statement — no content, or none that a cue
//!    of communication with somebody to say it introduces — are decided by the
//!    reporting patterns (`patterns`: "X said that C", "C, according to X", "C, he
//!    says"), and the labeller's cues there are dropped;
//! 3. content the labeller found without a cue continues the quote of an earlier
//!    paragraph when the quotation marks say so, or takes the cue a pattern finds before
//!    it ("X conveyed [that …]", "X made the following comment: [“…”]"), or stands alone.
//!
//! Then, when the document has a parse, the parse's attribution candidates whose cue
//! and content lie outside every content found join (`candidates`); last, cues on
//! headlines, bylines, captions and player lines are dropped (`lines`).

use crate::assemble::{self, Attribution};
use crate::features::{self, CueLexicon, QuoteState, TokenInfo};
use crate::marks::MarkedQuote;
use crate::score::QuoteScorer;
use crate::{PackedAttributionModel, act, candidates, lines, patterns, phrases, sentence_of, tags, token_span};
use byline_core::{Document, Span};
use byline_learn::Decode;
use std::ops::Range;

/// What the cue step finds: attributions, and quoted content nobody is said to say.
pub(crate) struct Found {
    /// Attributions with a cue, in the order they were found.
    pub attributions: Vec<Attribution>,
    /// Content the labeller tagged without a cue, in text order.
    pub standalone: Vec<Range<usize>>,
}

/// The labeller and models the cue step reads.
pub(crate) struct Models<'a> {
    /// The attribution labeller.
    pub labeller: &'a PackedAttributionModel,
    /// The cue lexicon of its features.
    pub lexicon: &'a CueLexicon,
    /// Which candidates of the parse are attributions (empty: none are read).
    pub candidates: &'a QuoteScorer,
}

/// Finds the attributions of `doc` (see the module doc for the order).
pub(crate) fn find(doc: &Document, infos: &[TokenInfo], marked: &[MarkedQuote], models: &Models) -> Found {
    let mut found = Found {
        attributions: Vec::new(),
        standalone: Vec::new(),
    };
    for p in 0..doc.paragraphs.len() {
        let tokens = features::paragraph_tokens(doc, p);
        let worth = infos[tokens.clone()]
            .iter()
            .any(|i| i.cue > 0 || i.quote != QuoteState::Outside)
            || tokens.clone().any(|t| doc.token_text(t) == ":");
        if worth {
            in_tagged_paragraph(doc, infos, marked, models.labeller, (p, tokens), &mut found);
        } else {
            for s in doc.paragraphs[p].sentences.clone() {
                found
                    .attributions
                    .extend(patterns::backstop(doc, doc.sentences[s].tokens.clone()));
            }
        }
    }
    if !models.candidates.is_empty() {
        let more = parse_candidates(doc, models.lexicon, models.candidates, &found);
        found.attributions.extend(more);
    }
    let boilerplate = lines::boilerplate_lines(doc);
    if !boilerplate.is_empty() {
        let in_boilerplate = |r: &Range<usize>| lines::in_lines(&boilerplate, doc.tokens[r.start].span.start);
        found.attributions.retain(|a| !a.cue.iter().any(in_boilerplate));
    }
    found
}

/// The tokens of the sentence holding token `t` (the last sentence past the end).
fn sentence_range(doc: &Document, t: usize) -> Range<usize> {
    doc.sentences[sentence_of(doc, t).min(doc.sentences.len() - 1)]
        .tokens
        .clone()
}

/// Steps 1–3 of the module doc for paragraph `p` (its `tokens`), which has a cue word, a
/// quotation mark or a colon.
fn in_tagged_paragraph(
    doc: &Document,
    infos: &[TokenInfo],
    marked: &[MarkedQuote],
    labeller: &PackedAttributionModel,
    (p, tokens): (usize, Range<usize>),
    found: &mut Found,
) {
    let features = features::paragraph_features(doc, infos, p, labeller.bits);
    let mut tags = labeller.decode(&features, tags::allowed);
    let ends: Vec<usize> = doc.paragraphs[p]
        .sentences
        .clone()
        .map(|s| doc.sentences[s].tokens.end - tokens.start)
        .collect();
    assemble::repair_content(&mut tags, &ends);
    let (mut labelled, orphans) = assemble::assemble(&tags, tokens.start, |t| sentence_of(doc, t));
    for a in &mut labelled {
        verb_before_its_speaker(doc, infos, a);
    }
    // One pass over the attributions marks the stated sentences, one over the sentences
    // lets the patterns decide the others.
    let sentences = doc.paragraphs[p].sentences.clone();
    let mut stated = vec![false; sentences.len()];
    for a in &labelled {
        for cue in &a.cue {
            let s = sentence_of(doc, cue.start);
            if sentences.contains(&s) && states(doc, a, cue, &doc.sentences[s].tokens) {
                stated[s - sentences.start] = true;
            }
        }
    }
    let mut decided = vec![false; sentences.len()];
    for s in sentences.clone().filter(|&s| !stated[s - sentences.start]) {
        if let Some(a) = patterns::backstop(doc, doc.sentences[s].tokens.clone()) {
            decided[s - sentences.start] = true;
            found.attributions.push(a);
        }
    }
    labelled.retain(|a| {
        !a.cue.iter().any(|c| {
            let s = sentence_of(doc, c.start);
            sentences.contains(&s) && decided[s - sentences.start]
        })
    });
    found.attributions.extend(labelled);
    for orphan in orphans {
        let sentence = sentence_range(doc, orphan.start);
        let is_cue_word = |t: usize| infos[t].cue > 0 || patterns::is_speech_verb(doc.token_text(t));
        if let Some(a) = continued_attribution(doc, marked, &found.attributions, &orphan) {
            found.attributions[a].content.push(orphan);
        } else if let Some(a) = patterns::cue_before_content(doc, &orphan, &sentence, is_cue_word) {
            found.attributions.push(a);
        } else if let Some(a) = patterns::colon_intro(doc, &orphan, |t| infos[t].cue) {
            found.attributions.push(a);
        } else {
            found.standalone.push(orphan);
        }
    }
}

/// Whether the labeller's attribution `a` states something in the sentence of its cue
/// segment `cue`: the cue is communication, somebody says it, and content lies there.
fn states(doc: &Document, a: &Attribution, cue: &Range<usize>, sentence: &Range<usize>) -> bool {
    cue.clone().any(|t| act::is_communication(doc.token_text(t)))
        && (a.source.is_some()
            || phrases::subject_before(doc, cue, sentence).is_some()
            || phrases::speaker_after(doc, cue, sentence).is_some())
        && a.content
            .iter()
            .any(|c| c.start < sentence.end && sentence.start < c.end)
}

/// "Said Ellis: “…”": a source that is a lone reporting verb is the cue, and the
/// speaker follows it.
fn verb_before_its_speaker(doc: &Document, infos: &[TokenInfo], a: &mut Attribution) {
    let Some(source) = a.source.clone() else { return };
    if source.len() != 1 || infos[source.start].cue != 1 {
        return;
    }
    let sentence = sentence_range(doc, source.start);
    if let Some(speaker) = phrases::speaker_after(doc, &source, &sentence) {
        a.cue = vec![source];
        a.source = Some(speaker);
    }
}

/// The attribution whose quote `content` continues: the content lies in a quote opened
/// in an earlier paragraph, and an attribution holds an earlier fragment of it.
fn continued_attribution(
    doc: &Document,
    marked: &[MarkedQuote],
    attributions: &[Attribution],
    content: &Range<usize>,
) -> Option<usize> {
    let at = doc.tokens[content.start].span;
    let quote = marked
        .iter()
        .find(|q| q.fragments.len() > 1 && q.fragments.iter().any(|f| f.overlaps(at)))?;
    let earlier = quote.fragments[0];
    attributions.iter().rposition(|a| {
        a.content.iter().any(|c| {
            let span = token_span(doc, c);
            span.overlaps(earlier) || span.contains(Span::new(quote.open, quote.open))
        })
    })
}

/// The attributions the parse suggests where the labeller found none: candidates whose
/// cue and content lie outside every content found.
fn parse_candidates(doc: &Document, lexicon: &CueLexicon, model: &QuoteScorer, found: &Found) -> Vec<Attribution> {
    let mut taken = vec![false; doc.tokens.len()];
    let contents = found.attributions.iter().flat_map(|a| &a.content);
    for range in contents.chain(&found.standalone) {
        taken[range.clone()].iter_mut().for_each(|t| *t = true);
    }
    candidates::accepted(doc, lexicon, model, &mut taken)
        .into_iter()
        .map(|c| Attribution {
            cue: std::iter::once(c.cue..c.cue + 1).collect(),
            source: c.source,
            content: std::iter::once(c.content).collect(),
        })
        .collect()
}
