//! Quotes for byline: direct, indirect and mixed quotes with their cue and speaker,
//! resolved to entity clusters.
//!
//! Pipeline of this extractor: pair quotation marks ([`marks`]), attach a cue and a
//! speaker written around each direct quote ([`attribution`]), merge quotes split by
//! their attribution, find reporting clauses without marks ([`indirect`]; a clause whose
//! content holds a quoted fragment is a mixed quote), then resolve speakers to clusters
//! in text order ([`resolve`]). A rule-based baseline; the quotes issue extends it.

pub mod attribution;
pub mod cues;
pub mod indirect;
pub mod marks;
pub mod resolve;

use attribution::{Attribution, SpeakerMention, after_quote, before_quote};
use byline_core::{Document, ExtractError, Extractor, Layer, Quote, QuoteKind, Span, TokenKind};

/// The quotes extractor: writes `quotes`; needs `entities` and `clusters`.
#[derive(Clone, Debug, Default)]
pub struct Quotes;

impl Extractor for Quotes {
    fn name(&self) -> &'static str {
        "quotes"
    }

    fn provides(&self) -> &'static [Layer] {
        &[Layer::Quotes]
    }

    fn needs(&self) -> &'static [Layer] {
        &[Layer::Entities, Layer::Clusters]
    }

    fn extract(&self, doc: &mut Document) -> Result<(), ExtractError> {
        doc.quotes = find_quotes(doc);
        Ok(())
    }
}

/// A quote before speaker resolution.
struct Candidate {
    fragments: Vec<Span>,
    kind: QuoteKind,
    cue: Option<(usize, usize)>,
    speaker: Option<SpeakerMention>,
}

/// Minimum number of words for a direct quote without attribution (shorter ones are
/// mostly scare quotes and titles).
const MIN_UNATTRIBUTED_WORDS: usize = 4;

/// Finds all quotes of `doc`, in text order, with resolved speakers.
pub fn find_quotes(doc: &Document) -> Vec<Quote> {
    let marked = marks::find_marked_quotes(doc);
    let mut direct: Vec<(marks::MarkedQuote, Option<Attribution>)> = marked
        .into_iter()
        .map(|q| {
            let a = attribute_direct(doc, &q);
            (q, a)
        })
        .collect();
    merge_split_quotes(doc, &mut direct);

    let blocked: Vec<Span> = direct.iter().map(|(q, _)| Span::new(q.open, q.close_end)).collect();
    let mut candidates: Vec<Candidate> = Vec::new();
    for s in 0..doc.sentences.len() {
        for q in indirect::find_in_sentence(doc, s, &blocked) {
            let holds_quote = direct
                .iter()
                .any(|(d, _)| q.content.start <= d.open && d.open < q.content.end);
            let kind = if holds_quote {
                QuoteKind::Mixed
            } else {
                QuoteKind::Indirect
            };
            candidates.push(Candidate {
                fragments: vec![q.content],
                kind,
                cue: Some((q.cue_start, q.cue_end)),
                speaker: q.speaker,
            });
        }
    }
    // Direct quotes not already inside a mixed quote.
    let mut mixed: Vec<Span> = candidates
        .iter()
        .filter(|c| c.kind == QuoteKind::Mixed)
        .map(|c| c.fragments[0])
        .collect();
    mixed.sort_by_key(|s| s.start);
    mixed.dedup_by(|b, a| a.overlaps(*b));
    for (q, a) in direct {
        let inside_mixed = Span::find_containing(&mixed, Span::new(q.open, q.open)).is_some();
        if inside_mixed {
            continue;
        }
        let words = q
            .fragments
            .iter()
            .map(|f| doc.span_text(*f).split_whitespace().count())
            .sum::<usize>();
        if a.is_none() && words < MIN_UNATTRIBUTED_WORDS {
            continue;
        }
        candidates.push(Candidate {
            fragments: q.fragments,
            kind: QuoteKind::Direct,
            cue: a.map(|a| (a.cue, a.cue)),
            speaker: a.and_then(|a| a.speaker),
        });
    }
    candidates.sort_by_key(|c| c.fragments[0].start);

    // Resolve speakers in the order they are written.
    let mut order: Vec<usize> = (0..candidates.len()).collect();
    order.sort_by_key(|&i| {
        candidates[i]
            .speaker
            .map(|m| resolve::mention_span(doc, m).start)
            .unwrap_or(candidates[i].fragments[0].start)
    });
    let mut resolver = resolve::Resolver::default();
    let mut speakers = vec![None; candidates.len()];
    for i in order {
        if let Some(m) = candidates[i].speaker {
            speakers[i] = Some(resolver.resolve(doc, m));
        }
    }
    candidates
        .into_iter()
        .zip(speakers)
        .map(|(c, speaker)| Quote {
            span: Span::new(c.fragments[0].start, c.fragments.last().unwrap().end),
            kind: c.kind,
            spans: c.fragments,
            speaker,
            cue: c
                .cue
                .map(|(a, b)| Span::new(doc.tokens[a].span.start, doc.tokens[b].span.end)),
            date: None,
        })
        .collect()
}

/// The attribution of a direct quote: after its closing mark, else before its opening.
fn attribute_direct(doc: &Document, q: &marks::MarkedQuote) -> Option<Attribution> {
    let after_from = doc.tokens.partition_point(|t| t.span.start < q.close_end);
    let after_limit = doc
        .sentence_at(q.close_end.saturating_sub(1))
        .map(|s| doc.sentences[s].tokens.end)
        .unwrap_or(after_from);
    // If the closing sentence ends at the mark, the attribution may open the next sentence
    // ("“…” Peskov said.").
    let after_limit = if after_limit <= after_from {
        let paragraph = doc
            .sentence_at(q.close_end.saturating_sub(1))
            .map(|s| doc.sentences[s].paragraph);
        doc.sentence_at(q.close_end + 1)
            .filter(|&s| doc.sentences[s].span.start >= q.close_end && Some(doc.sentences[s].paragraph) == paragraph)
            .map(|s| doc.sentences[s].tokens.end.min(after_from + 6))
            .unwrap_or(after_from)
    } else {
        after_limit
    };
    let before_to = doc.tokens.partition_point(|t| t.span.start < q.open);
    let before_min = doc
        .sentence_at(q.open)
        .map(|s| doc.sentences[s].tokens.start)
        .unwrap_or(before_to);
    after_quote(doc, after_from, after_limit)
        .filter(|a| a.speaker.is_some())
        .or_else(|| before_quote(doc, before_to, before_min))
        .or_else(|| after_quote(doc, after_from, after_limit))
}

/// Joins "“A,” he said. “B.”" into one quote with two fragments: B has no attribution
/// of its own and follows A's attribution directly.
fn merge_split_quotes(doc: &Document, quotes: &mut Vec<(marks::MarkedQuote, Option<Attribution>)>) {
    let mut merged: Vec<(marks::MarkedQuote, Option<Attribution>)> = Vec::with_capacity(quotes.len());
    for (b, b_att) in quotes.drain(..) {
        if let Some((a, Some(att))) = merged.last_mut() {
            let same_cue = b_att.is_some_and(|x| x.cue == att.cue);
            let cue_end = doc.tokens[att.cue].span.end;
            let joinable = (same_cue || b_att.is_none())
                && cue_end <= b.open
                && cue_end >= a.close_end
                && b.open - a.close_end < 120
                && !doc.text[a.close_end..b.open].contains('\n')
                && doc
                    .tokens_in(Span::new(cue_end, b.open))
                    .all(|t| doc.tokens[t].kind != TokenKind::Punct || matches!(doc.token_text(t), "." | "," | ":"));
            if joinable {
                a.fragments.extend(b.fragments);
                a.close_end = b.close_end;
                continue;
            }
        }
        merged.push((b, b_att));
    }
    *quotes = merged;
}
