//! Stance for byline: holder → target → polarity with evidence, and how each PER/ORG
//! mention is portrayed (`target_sentiment`).
//!
//! Stances come from three sources: stance predicates ("expressed his approval of",
//! "criticised", passives with an agent; negation flips them) with the holder the
//! subject before the predicate, or the speaker of the quote they sit in
//! (`predicates`; with the syntax layer, arguments come from the tree: `parsed`);
//! conduct verbs inside quotes, a speaker judging a subject's conduct (`conduct`); and
//! quotes whose speaker portrays an entity clearly (`reported`). Target sentiment is a
//! logistic regression trained on NewsMTSC (`portrayal`, `sentiment`).
//!
//! Each stance is found on a basis: stated when an explicit stance verb stands
//! between a holder and a target written around it (`stated`), otherwise a weaker
//! predicate, a conduct verb or a quote's portrayal. Its score is how often stances of
//! that basis are right in hand-judged corpus samples (`confidence`); the default
//! extractor keeps only stances scoring at least [`DEFAULT_MIN_SCORE`], the stated ones.

#![warn(missing_docs)]

mod conduct;
mod confidence;
mod lexicon;
mod parsed;
mod portrayal;
mod predicates;
mod reported;
mod sentiment;
mod stated;
mod vader;

pub use sentiment::portrayals;

/// What `byline train stance` needs: the portrayal classifier's examples, trainer,
/// features and model format.
pub mod train {
    pub use crate::portrayal::FeatureReader;
    pub use crate::portrayal::train::{Example, Options, train};
    pub use crate::portrayal::{BITS, MAGIC, PortrayalModel, softmax};
}

use byline_core::{Document, ExtractError, Extractor, Layer};

/// The stance extractor: writes `stances` and `target_sentiment`; stances scoring below
/// its minimum score are left out.
#[derive(Clone, Debug)]
pub struct Stance {
    min_score: f64,
}

/// The minimum score of the default stance layer: only stances a predicate states with
/// its holder and target written around it clear it (see `confidence`).
pub const DEFAULT_MIN_SCORE: f64 = 0.6;

impl Default for Stance {
    fn default() -> Self {
        Stance {
            min_score: DEFAULT_MIN_SCORE,
        }
    }
}

impl Stance {
    /// An extractor that keeps stances scoring at least `min_score` (0 keeps all).
    pub fn new(min_score: f64) -> Self {
        Stance { min_score }
    }
}

/// How a stance was found; how often stances found so are right is their score
/// (`confidence`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Basis {
    /// An explicit stance verb, naming verb or agent noun with its holder and target
    /// written around it ("Okafor criticised the council").
    Stated,
    /// Any other stance predicate ("Trump's support among senators", "wants").
    Predicate,
    /// A speaker judging a subject's conduct in a quote ("X has failed to act").
    Conduct,
    /// A quote's sentiment towards an entity it mentions.
    Portrayal,
}

impl Extractor for Stance {
    fn name(&self) -> &'static str {
        "stance"
    }

    fn provides(&self) -> &'static [Layer] {
        &[Layer::Stances, Layer::TargetSentiment]
    }

    fn needs(&self) -> &'static [Layer] {
        &[Layer::Entities, Layer::Clusters, Layer::Quotes]
    }

    fn uses(&self) -> &'static [Layer] {
        &[Layer::Syntax, Layer::Mentions]
    }

    fn extract(&self, doc: &mut Document) -> Result<(), ExtractError> {
        doc.target_sentiment = sentiment::portrayals(doc);
        let mut stances = find_stances(doc, &doc.target_sentiment);
        stances.retain(|s| s.score >= self.min_score);
        doc.stances = stances;
        Ok(())
    }
}

/// Every stance of `doc`, scored: predicates first (read from the parse when the
/// document has one, from word order otherwise and where the parse finds no arguments),
/// then quote stances they do not already give (`portrayals`: the document's target
/// sentiment, which quote stances read). Each stance's score is how often stances found
/// the same way are right (`confidence`).
pub fn find_stances(doc: &Document, portrayals: &[byline_core::TargetSentiment]) -> Vec<byline_core::Stance> {
    let mut stances = parsed::find_stances(doc);
    // Predicates the parse gave no stance (no parse, or no subject or object found in
    // it) keep the word-order reading.
    for (s, basis) in predicates::find_stances(doc) {
        // A word-order target the parse sees no noun in is a fragment ("just", "still
        // look competitive"); a reflexive ("defended himself") is nobody else.
        let fragment = !parsed::names_a_thing(doc, s.target.span);
        let reflexive = lexicon::is_reflexive(doc.span_text(s.target.span));
        if !stances.iter().any(|(p, _)| p.evidence.overlaps(s.evidence)) && !fragment && !reflexive {
            stances.push((s, basis));
        }
    }
    // A quote's portrayal of an entity the predicates already linked to the same
    // holder adds nothing.
    let quoted = conduct::conduct_stances(doc)
        .into_iter()
        .map(|s| (s, Basis::Conduct))
        .chain(
            reported::quote_stances(doc, portrayals)
                .into_iter()
                .map(|s| (s, Basis::Portrayal)),
        );
    for (s, basis) in quoted {
        let known = stances.iter().any(|(p, _)| {
            p.holder.cluster == s.holder.cluster
                && p.holder.name == s.holder.name
                && (p.target.cluster == s.target.cluster || p.target.span.overlaps(s.target.span))
        });
        if !known {
            stances.push((s, basis));
        }
    }
    let mut out: Vec<byline_core::Stance> = stances
        .into_iter()
        .map(|(mut s, basis)| {
            s.score = confidence::score(basis);
            s
        })
        .collect();
    out.sort_by_key(|s| (s.evidence.start, s.target.span.start));
    out
}

/// A stance the speaker of quote `q` holds towards `entity`, expressed in that quote.
pub(crate) fn speaker_stance(
    doc: &Document,
    q: usize,
    entity: &byline_core::Entity,
    polarity: byline_core::Polarity,
    score: f64,
    evidence: byline_core::Span,
) -> Option<byline_core::Stance> {
    let quote = &doc.quotes[q];
    let speaker = quote.speaker.as_ref()?;
    Some(byline_core::Stance {
        holder: byline_core::StanceHolder {
            cluster: speaker.cluster,
            name: speaker.name.clone(),
        },
        target: byline_core::StanceTarget {
            span: entity.span,
            cluster: Some(entity.cluster),
            kind: byline_core::TargetKind::Entity,
        },
        polarity,
        score,
        evidence,
        quote: Some(q),
        channel: byline_core::StanceChannel::of_quote(quote.kind),
    })
}
