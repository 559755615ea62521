//! Dates for byline: temporal expressions (DATE, TIME, DURATION, SET) normalised to
//! TIMEX3 values against the article's publication date.
//!
//! Rule-based baseline covering absolute dates, weekdays, today / yesterday / tomorrow,
//! "last/next/this <unit or weekday>", years after a preposition, "N <units> ago" and
//! durations. Extents follow TimeML: a leading preposition is excluded ("on Friday" →
//! "Friday"). Without a publication date, relative expressions get X placeholders
//! instead of guesses. The dates issue extends the coverage.

pub mod families;
pub mod normalise;
pub mod patterns;

use byline_core::{Document, ExtractError, Extractor, Layer, TimeExpr};

/// The dates extractor: writes `dates`.
#[derive(Clone, Debug, Default)]
pub struct Dates;

impl Extractor for Dates {
    fn name(&self) -> &'static str {
        "dates"
    }

    fn provides(&self) -> &'static [Layer] {
        &[Layer::Dates]
    }

    fn extract(&self, doc: &mut Document) -> Result<(), ExtractError> {
        doc.dates = find_dates(&doc.text, doc.published);
        Ok(())
    }
}

/// Finds and normalises the temporal expressions of `text`, in text order.
pub fn find_dates(text: &str, published: Option<byline_core::CivilDate>) -> Vec<TimeExpr> {
    let mut found = patterns::find_all(text, published);
    found.extend(families::find_all(text, published));
    // Longest match wins where matches overlap; ties go to the earlier one.
    found.sort_by_key(|t| (t.span.start, std::cmp::Reverse(t.span.end)));
    let mut out: Vec<TimeExpr> = Vec::with_capacity(found.len());
    for t in found {
        if out.last().is_some_and(|last| last.span.end > t.span.start) {
            continue;
        }
        out.push(t);
    }
    out
}
