#![warn(missing_docs)]
//! Dates for byline: temporal expressions (DATE, TIME, DURATION, SET) normalised to
//! TIMEX3 values against the article's publication date.
//!
//! Rules per expression family, each a module: calendar dates, weekdays, deictic words,
//! relative periods and durations (`patterns`); references, quarters, months, years,
//! decades, seasons, spelled-out years and centuries (`families`); clock times, parts
//! of day, weekends and sets (`times`); named holidays (`holidays`); expressions
//! anchored to the running reference time (`anaphora`). Extents follow TimeML: a
//! leading preposition is excluded ("on Friday" → "Friday"), modifiers are kept ("early
//! Tuesday"). Without a publication date, relative expressions get X placeholders
//! instead of guesses. [`QuoteDates`] links each quote to the date of its statement.

mod anaphora;
mod families;
mod gate;
mod holidays;
mod normalise;
mod patterns;
mod quote_dates;
mod scan;
mod tense;
mod times;

pub use quote_dates::QuoteDates;

use byline_core::{Document, ExtractError, Extractor, Layer, TimeExpr, TimexType};

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

    fn uses(&self) -> &'static [Layer] {
        &[Layer::Syntax]
    }

    fn extract(&self, doc: &mut Document) -> Result<(), ExtractError> {
        doc.dates = find_dates_with_syntax(&doc.text, doc.published, Some(&doc.syntax));
        Ok(())
    }
}

/// Finds and normalises the temporal expressions of `text`, in text order.
pub fn find_dates(text: &str, published: Option<byline_core::CivilDate>) -> Vec<TimeExpr> {
    find_dates_with_syntax(text, published, None)
}

/// [`find_dates`] with the text's dependency parse, when there is one: a date whose
/// governing predicate is future ("will", "is scheduled", "plans to"), however far from
/// the date, is resolved forward.
pub fn find_dates_with_syntax(
    text: &str,
    published: Option<byline_core::CivilDate>,
    syntax: Option<&byline_core::Syntax>,
) -> Vec<TimeExpr> {
    let clauses = scan::Clauses::new(syntax);
    let mut found = patterns::find_all(text, published, &clauses);
    found.extend(families::find_all(text, published, &clauses));
    holidays::find(text, published, &clauses, &mut found);
    times::find_all(text, published, &clauses, &mut found);
    // Longest match wins where matches overlap; ties go to the earlier one.
    found.sort_by_key(|t| (t.span.start, std::cmp::Reverse(t.span.end)));
    let mut out: Vec<TimeExpr> = Vec::with_capacity(found.len());
    for t in found {
        if out.last().is_some_and(|last| last.span.end > t.span.start) {
            continue;
        }
        // "Monday, Oct. 26": a weekday naming the calendar date after it is one expression.
        if let Some(last) = out.last_mut() {
            let between = &text[last.span.end..t.span.start];
            let weekday = last.span.len() <= 9 && normalise::weekday(last.span.slice(text)).is_some();
            if weekday && matches!(between, ", " | " ") && t.kind == TimexType::Date && t.value.len() == 10 {
                last.span.end = t.span.end;
                last.value = t.value;
                continue;
            }
            // "5 p.m. EST, Nov. 9": a clock time on the calendar date after it.
            let clock = last.kind == TimexType::Time && last.value.len() == 16;
            if clock && matches!(between, ", " | " ") && t.kind == TimexType::Date && t.value.len() == 10 {
                last.span.end = t.span.end;
                last.value = format!("{}{}", t.value, &last.value[10..]);
                continue;
            }
        }
        out.push(t);
    }
    anaphora::resolve(text, &mut out);
    anchor_to_quarters(text, &mut out);
    for t in &mut out {
        if matches!(t.kind, TimexType::Date | TimexType::Time) {
            t.span.start = with_modifiers(text, t.span.start);
        }
    }
    out
}

/// Words TimeML keeps in a date's extent before it ("early Tuesday", "earlier this
/// month", "the end of 1990", "right now"), lower-case, longest first.
const MODIFIERS: &[&str] = &[
    "the beginning of ",
    "the middle of ",
    "the start of ",
    "the end of ",
    "more ",
    "earlier ",
    "later ",
    "early ",
    "late ",
    "right ",
    "around ",
    "mid-",
    "mid ",
];

/// The start of a date's extent once the modifiers written right before `start` are in.
fn with_modifiers(text: &str, mut start: usize) -> usize {
    'outer: loop {
        let before = &text[..start];
        for m in MODIFIERS {
            let Some(cut) = before.len().checked_sub(m.len()) else {
                continue;
            };
            if before.is_char_boundary(cut)
                && before[cut..].eq_ignore_ascii_case(m)
                && !before[..cut].ends_with(|c: char| c.is_alphanumeric())
            {
                start = cut;
                continue 'outer;
            }
        }
        return start;
    }
}

/// Earnings news compares quarters: "a year ago" or "a year earlier" after a quarter
/// was named means that quarter a year before ("the third quarter … a year ago" →
/// 1988-Q3), as TimeBank annotates it.
fn anchor_to_quarters(text: &str, dates: &mut [TimeExpr]) {
    let mut quarter: Option<(i64, i64)> = None;
    for t in dates.iter_mut() {
        let words = t.span.slice(text).to_ascii_lowercase();
        if let Some((y, q)) = t
            .value
            .split_once("-Q")
            .and_then(|(y, q)| Some((y.parse().ok()?, q.parse().ok()?)))
        {
            // The quarter being reported, not the one it is compared with.
            let comparison = ["ago", "earlier", "last year", "year-"]
                .iter()
                .any(|w| words.contains(w));
            if !comparison {
                quarter = Some((y, q));
            }
            continue;
        }
        let year_back = matches!(
            words.as_str(),
            "a year ago" | "a year earlier" | "one year ago" | "one year earlier"
        );
        if let (true, Some((y, q))) = (year_back, quarter) {
            t.value = format!("{:04}-Q{q}", y - 1);
        }
    }
}
