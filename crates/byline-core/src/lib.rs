//! Core of byline: the article and document model, sentence and token segmentation,
//! the typed layers every extractor writes, the [`Extractor`] trait, the [`Pipeline`]
//! that orders and runs extractors (one article, a batch, or an ordered stream), and the
//! JSON output contract with code-point offsets.
//!
//! This crate knows nothing of any particular extractor, of Python or of the CLI.
#![warn(missing_docs)]

pub mod article;
pub mod batch;
pub mod check;
pub mod document;
pub mod error;
pub mod extractor;
#[cfg(debug_assertions)]
mod guard;
pub mod input;
pub mod language;
pub mod layers;
pub mod nouns;
pub mod offsets;
pub mod output;
pub mod pipeline;
pub mod published;
pub mod schema;
pub mod segment;
pub mod sentence_bounds;
pub mod span;
pub mod syntax;

pub use article::Article;
pub use document::Document;
pub use error::{ArticleError, ArticleErrorKind, ExtractError, PipelineError};
pub use extractor::{Extractor, Layer};
pub use layers::{
    Cluster, Entity, EntityLabel, Mention, MentionKind, Polarity, Quote, QuoteAct, QuoteKind, Speaker, SpeakerKind,
    Stance, StanceChannel, StanceHolder, StanceTarget, TargetKind, TargetSentiment, TimeExpr, TimexType,
};
pub use offsets::CharIndex;
pub use output::OutputRecord;
pub use pipeline::{Pipeline, PipelineBuilder};
pub use published::{DateOrder, Unreadable, parse_published, parse_published_in_order, read_published};
pub use segment::{Paragraph, Sentence, Token, TokenKind};
pub use span::Span;
pub use syntax::{DependencyTree, Deprel, Syntax, Upos, Word, Xpos};

/// A civil (calendar) date without time zone, as used for publication dates.
pub type CivilDate = jiff::civil::Date;
