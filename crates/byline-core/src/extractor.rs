//! The [`Extractor`] trait every layer producer implements, and the [`Layer`] names
//! extractors use to declare what they read and what they write.

use crate::document::Document;
use crate::error::ExtractError;
use std::fmt;

/// A layer of a [`Document`] that an extractor reads or writes.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Layer {
    /// `Document::syntax`: words, tags, lemmas, dependency trees.
    Syntax,
    /// `Document::entities`.
    Entities,
    /// `Document::clusters`.
    Clusters,
    /// `Document::mentions`: names, pronouns and descriptions linked to clusters.
    Mentions,
    /// `Document::quotes` (each quote but its `date`).
    Quotes,
    /// The `date` of each quote: when its statement was made (`quote_dates`).
    QuoteDates,
    /// `Document::dates`.
    Dates,
    /// `Document::stances`.
    Stances,
    /// `Document::target_sentiment`.
    TargetSentiment,
    /// `Document::extra[name]`, written by a plug-in extractor.
    Extra(&'static str),
}

impl fmt::Display for Layer {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Layer::Syntax => f.write_str("syntax"),
            Layer::Entities => f.write_str("entities"),
            Layer::Clusters => f.write_str("clusters"),
            Layer::Mentions => f.write_str("mentions"),
            Layer::Quotes => f.write_str("quotes"),
            Layer::QuoteDates => f.write_str("quote_dates"),
            Layer::Dates => f.write_str("dates"),
            Layer::Stances => f.write_str("stances"),
            Layer::TargetSentiment => f.write_str("target_sentiment"),
            Layer::Extra(name) => write!(f, "extra.{name}"),
        }
    }
}

/// Produces one or more layers of a [`Document`] from the text and the layers it needs.
///
/// An extractor reads only the layers in [`Extractor::needs`] and [`Extractor::uses`]
/// (plus the text and its segmentation, which every document has) and writes only those in
/// [`Extractor::provides`] (debug builds check it: changing another layer fails the
/// article). Implementations must be `Send + Sync`: one instance serves
/// every thread of a batch.
pub trait Extractor: Send + Sync {
    /// A short, unique, lower-case name ("entities", "quotes", "money").
    fn name(&self) -> &'static str;

    /// The layers this extractor writes.
    fn provides(&self) -> &'static [Layer];

    /// The layers this extractor reads; the pipeline runs their providers first.
    fn needs(&self) -> &'static [Layer] {
        &[]
    }

    /// The layers this extractor reads when the pipeline has them (and does without
    /// otherwise); their providers, when present, run first.
    fn uses(&self) -> &'static [Layer] {
        &[]
    }

    /// Fills this extractor's layers of `doc`.
    fn extract(&self, doc: &mut Document) -> Result<(), ExtractError>;
}
