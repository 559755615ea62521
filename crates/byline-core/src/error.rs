//! Error types: building a pipeline, extracting one article, and per-record failures
//! that batch processing turns into error records instead of aborting.

use thiserror::Error;

/// A pipeline could not be built from the extractors given.
#[derive(Debug, Error, Clone, PartialEq, Eq)]
pub enum PipelineError {
    /// An extractor needs a layer that no extractor in the pipeline provides.
    #[error(
        "extractor '{extractor}' needs the '{layer}' layer, which no extractor in this pipeline provides (add the extractor that provides it)"
    )]
    MissingNeed {
        /// The extractor whose need is unmet.
        extractor: String,
        /// The missing layer.
        layer: String,
    },
    /// Two extractors write the same layer.
    #[error("extractors '{first}' and '{second}' both provide the '{layer}' layer")]
    DuplicateProvider {
        /// The layer provided twice.
        layer: String,
        /// The first extractor that provides it.
        first: String,
        /// The second extractor that provides it.
        second: String,
    },
    /// The declared needs form a cycle.
    #[error("the needs of extractors {0:?} form a cycle")]
    Cycle(Vec<String>),
    /// A name given to build a pipeline is not a known extractor.
    #[error("unknown extractor '{name}' (known: {known})")]
    UnknownExtractor {
        /// The name asked for.
        name: String,
        /// The names that exist, comma-separated.
        known: String,
    },
    /// A pipeline option is out of range.
    #[error("{0}")]
    InvalidOption(String),
}

/// An extractor failed on one article (a reportable error, not a panic).
#[derive(Debug, Error, Clone, PartialEq, Eq)]
#[error("{message}")]
pub struct ExtractError {
    /// What went wrong, for the error record.
    pub message: String,
}

impl ExtractError {
    /// An extraction error with the given message.
    pub fn new(message: impl Into<String>) -> Self {
        ExtractError {
            message: message.into(),
        }
    }
}

/// What kind of failure an [`ArticleError`] records.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ArticleErrorKind {
    /// The input record was unusable (bad JSON, bad UTF-8, missing text, bad date …).
    Input,
    /// An extractor returned an error.
    Extraction,
    /// An extractor panicked; the panic was caught and confined to this article.
    Panic,
}

/// One article failed; batch processing reports it as an error record with its id.
#[derive(Debug, Error, Clone, PartialEq, Eq)]
#[error("{id}: {message}")]
pub struct ArticleError {
    /// The article's id (or its line number when it had none or could not be read).
    pub id: String,
    /// What kind of failure.
    pub kind: ArticleErrorKind,
    /// Human-readable message, as written to the `error` field.
    pub message: String,
    /// The input field at fault ("text", "published", "targets"), when one is.
    pub field: Option<&'static str>,
}

impl ArticleError {
    /// An input error for the record `id`.
    pub fn input(id: impl Into<String>, message: impl Into<String>) -> Self {
        ArticleError {
            id: id.into(),
            kind: ArticleErrorKind::Input,
            message: message.into(),
            field: None,
        }
    }

    /// An input error for the record `id` caused by its field `field`.
    pub fn input_field(id: impl Into<String>, field: &'static str, message: impl Into<String>) -> Self {
        ArticleError {
            field: Some(field),
            ..ArticleError::input(id, message)
        }
    }
}
