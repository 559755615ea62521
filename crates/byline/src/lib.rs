//! byline: who said what, about whom, and when.
//!
//! The facade crate: re-exports the core model and every built-in extractor, and lists
//! the built-ins once, in [`BUILTINS`], from which [`default_pipeline`],
//! [`extractor_by_name`] and [`available_extractors`] derive.
//!
//! ```
//! let nlp = byline::default_pipeline();
//! let doc = nlp.process(byline::Article::new("a1", "“We agree,” Dmitry Peskov said.")).unwrap();
//! assert_eq!(doc.quotes[0].speaker.as_ref().unwrap().name, "Dmitry Peskov");
//! ```
#![warn(missing_docs)]

pub use byline_core::*;
pub use byline_dates::{Dates, QuoteDates};
pub use byline_entities::Entities;
pub use byline_example_money::Money;
pub use byline_quotes::{Attributions, DEFAULT_MIN_SCORE as DEFAULT_MIN_QUOTE_SCORE, Quotes};
pub use byline_stance::{DEFAULT_MIN_SCORE as DEFAULT_MIN_STANCE_SCORE, Stance};
pub use byline_syntax::Syntax;

use std::sync::Arc;

/// One built-in extractor: its name, how to build it, and whether the default pipeline
/// runs it.
pub struct Builtin {
    /// The extractor's name (`Extractor::name`), as the CLI and Python take it.
    pub name: &'static str,
    /// Builds the extractor.
    pub build: fn() -> Arc<dyn Extractor>,
    /// Whether [`default_pipeline`] runs it.
    pub in_default: bool,
}

/// Every built-in extractor, in run order: the one list that the default pipeline,
/// names (CLI `--extractors`, Python `Pipeline([...])`) and `available_extractors`
/// derive from. The money example is a plug-in, outside the default pipeline, as a
/// third-party crate would be; it is listed so that it can be chosen by name.
pub const BUILTINS: &[Builtin] = &[
    // Not in the default pipeline yet: no default extractor reads it, and it costs more
    // than the rest of the pipeline together (see the README's syntax section). The
    // tokens layer (`--tokens`, `tokens=True`) and `--conllu` add it.
    Builtin {
        name: "syntax",
        build: || Arc::new(Syntax),
        in_default: false,
    },
    Builtin {
        name: "entities",
        build: || Arc::new(Entities),
        in_default: true,
    },
    Builtin {
        name: "quotes",
        build: || Arc::new(Quotes::default()),
        in_default: true,
    },
    Builtin {
        name: "dates",
        build: || Arc::new(Dates),
        in_default: true,
    },
    Builtin {
        name: "quote_dates",
        build: || Arc::new(QuoteDates),
        in_default: true,
    },
    Builtin {
        name: "stance",
        build: || Arc::new(Stance::default()),
        in_default: true,
    },
    Builtin {
        name: "money",
        build: || Arc::new(Money),
        in_default: false,
    },
];

/// Names of the extractors of the default pipeline, in run order.
pub fn default_extractors() -> Vec<&'static str> {
    BUILTINS.iter().filter(|b| b.in_default).map(|b| b.name).collect()
}

/// Names of every built-in extractor (the default ones and the plug-ins).
pub fn available_extractors() -> Vec<&'static str> {
    BUILTINS.iter().map(|b| b.name).collect()
}

/// The built-in extractor called `name`.
pub fn extractor_by_name(name: &str) -> Result<Arc<dyn Extractor>, PipelineError> {
    match BUILTINS.iter().find(|b| b.name == name) {
        Some(builtin) => Ok((builtin.build)()),
        None => Err(PipelineError::UnknownExtractor {
            name: name.to_owned(),
            known: available_extractors().join(", "),
        }),
    }
}

/// `name` and the built-in extractors it needs, transitively, in run order (e.g.
/// "stance" → entities, quotes, stance): the smallest pipeline that can run it.
pub fn with_needs(name: &str) -> Result<Vec<&'static str>, PipelineError> {
    fn visit(name: &str, out: &mut Vec<&'static str>) -> Result<(), PipelineError> {
        let extractor = extractor_by_name(name)?;
        for layer in extractor.needs() {
            let provider = BUILTINS
                .iter()
                .find(|b| (b.build)().provides().contains(layer))
                .map(|b| b.name);
            if let Some(provider) = provider {
                visit(provider, out)?;
            }
        }
        if !out.contains(&extractor.name()) {
            out.push(extractor.name());
        }
        Ok(())
    }
    let mut out = Vec::new();
    visit(name, &mut out)?;
    Ok(out)
}

/// A pipeline of the named built-in extractors (checked and ordered by their needs),
/// with the quotes layer's defaults (statements scoring at least
/// [`byline_quotes::DEFAULT_MIN_SCORE`]).
pub fn pipeline_from_names<S: AsRef<str>>(names: &[S]) -> Result<Pipeline, PipelineError> {
    pipeline_with_quote_options(names, DEFAULT_MIN_QUOTE_SCORE, Attributions::Statements)
}

/// A pipeline of the named built-in extractors whose quotes extractor keeps only
/// statements scoring at least `min_quote_score` (`Quote::score`; 0 keeps all).
pub fn pipeline_with_min_quote_score<S: AsRef<str>>(
    names: &[S],
    min_quote_score: f64,
) -> Result<Pipeline, PipelineError> {
    pipeline_with_quote_options(names, min_quote_score, Attributions::Statements)
}

/// A pipeline of the named built-in extractors whose quotes extractor keeps only quotes
/// scoring at least `min_quote_score` (`Quote::score`; 0 keeps all) of the acts
/// `attributions` keeps (statements, or thoughts too). Extractors that read quotes
/// (quote dates, stance) see only the quotes kept.
pub fn pipeline_with_quote_options<S: AsRef<str>>(
    names: &[S],
    min_quote_score: f64,
    attributions: Attributions,
) -> Result<Pipeline, PipelineError> {
    let options = PipelineOptions {
        min_quote_score,
        attributions,
        ..PipelineOptions::default()
    };
    pipeline_with_options(names, &options)
}

/// What the built-in extractors keep: the defaults are the default pipeline's.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct PipelineOptions {
    /// The quotes' minimum score (`Quote::score`; 0 keeps all).
    pub min_quote_score: f64,
    /// Which attributions the quotes layer holds.
    pub attributions: Attributions,
    /// The stances' minimum score (`Stance::score`, the calibrated probability that
    /// holder, target and polarity are right; 0 keeps all).
    pub min_stance_score: f64,
}

impl Default for PipelineOptions {
    fn default() -> Self {
        PipelineOptions {
            min_quote_score: DEFAULT_MIN_QUOTE_SCORE,
            attributions: Attributions::Statements,
            min_stance_score: DEFAULT_MIN_STANCE_SCORE,
        }
    }
}

/// A pipeline of the named built-in extractors with `options`. Extractors that read
/// quotes (quote dates, stance) see only the quotes kept.
pub fn pipeline_with_options<S: AsRef<str>>(names: &[S], options: &PipelineOptions) -> Result<Pipeline, PipelineError> {
    for (name, value) in [
        ("min_quote_score", options.min_quote_score),
        ("min_stance_score", options.min_stance_score),
    ] {
        if !(0.0..=1.0).contains(&value) || value.is_nan() {
            return Err(PipelineError::InvalidOption(format!(
                "{name} must lie in [0, 1], not {value}"
            )));
        }
    }
    let mut builder = Pipeline::builder();
    for name in names {
        let extractor: Arc<dyn Extractor> = match name.as_ref() {
            "quotes" => Arc::new(Quotes::new(options.min_quote_score, options.attributions)),
            "stance" => Arc::new(Stance::new(options.min_stance_score)),
            other => extractor_by_name(other)?,
        };
        builder = builder.with_shared(extractor);
    }
    builder.build()
}

/// The default pipeline: entities, quotes, dates, quote dates and stance.
pub fn default_pipeline() -> Pipeline {
    pipeline_from_names(&default_extractors()).expect("the built-in extractors satisfy each other's needs")
}
