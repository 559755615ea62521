//! byline: who said what, about whom, and when.
//!
//! The facade crate: re-exports the core model and every built-in extractor, and lists
//! the built-ins once in [`default_pipeline`] and [`extractor_by_name`].
//!
//! ```
//! let nlp = byline::default_pipeline();
//! let doc = nlp.process(byline::Article::new("a1", "“We agree,” Dmitry Peskov said.")).unwrap();
//! assert_eq!(doc.quotes[0].speaker.as_ref().unwrap().name, "Dmitry Peskov");
//! ```

pub use byline_core::*;
pub use byline_dates::{Dates, QuoteDates};
pub use byline_entities::Entities;
pub use byline_example_money::Money;
pub use byline_quotes::Quotes;
pub use byline_stance::Stance;

use std::sync::Arc;

/// Names of the built-in extractors in the default pipeline, in run order
/// (`quote_dates` links quotes to the dates of their statements).
pub const DEFAULT_EXTRACTORS: &[&str] = &["entities", "quotes", "dates", "quote_dates", "stance"];

/// Names of every built-in extractor (the default ones plus the example plug-in).
pub const ALL_EXTRACTORS: &[&str] = &["entities", "quotes", "dates", "quote_dates", "stance", "money"];

/// The built-in extractor called `name`.
pub fn extractor_by_name(name: &str) -> Result<Arc<dyn Extractor>, PipelineError> {
    Ok(match name {
        "entities" => Arc::new(Entities),
        "quotes" => Arc::new(Quotes),
        "dates" => Arc::new(Dates),
        "quote_dates" => Arc::new(QuoteDates),
        "stance" => Arc::new(Stance),
        "money" => Arc::new(Money),
        _ => {
            return Err(PipelineError::UnknownExtractor {
                name: name.to_owned(),
                known: ALL_EXTRACTORS.join(", "),
            });
        }
    })
}

/// `name` and the built-in extractors it needs, transitively, in run order (e.g.
/// "stance" → entities, quotes, stance): the smallest pipeline that can run it.
pub fn with_needs(name: &str) -> Result<Vec<&'static str>, PipelineError> {
    fn visit(name: &str, out: &mut Vec<&'static str>) -> Result<(), PipelineError> {
        let extractor = extractor_by_name(name)?;
        for layer in extractor.needs() {
            let provider = ALL_EXTRACTORS
                .iter()
                .find(|n| extractor_by_name(n).is_ok_and(|e| e.provides().contains(layer)));
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

/// A pipeline of the named built-in extractors (checked and ordered by their needs).
pub fn pipeline_from_names<S: AsRef<str>>(names: &[S]) -> Result<Pipeline, PipelineError> {
    let mut builder = Pipeline::builder();
    for name in names {
        builder = builder.with_shared(extractor_by_name(name.as_ref())?);
    }
    builder.build()
}

/// The default pipeline: entities, quotes, dates, quote dates and stance.
pub fn default_pipeline() -> Pipeline {
    Pipeline::builder()
        .with(Entities)
        .with(Quotes)
        .with(Dates)
        .with(QuoteDates)
        .with(Stance)
        .build()
        .expect("the built-in extractors satisfy each other's needs")
}
