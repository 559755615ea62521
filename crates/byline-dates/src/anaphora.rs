//! Expressions anchored to the running reference time rather than the publication date:
//! "that same day", "earlier that day", "later that year", "the next morning", "the
//! following week", "the day before". The reference is the latest calendar date the text
//! named before the expression; without one the value keeps X placeholders.

use crate::gate::Gate;
use crate::normalise::{self, Unit};
use crate::scan::whole;
use byline_core::{CivilDate, Span, TimeExpr, TimexType};
use jiff::ToSpan;
use regex::Regex;
use std::sync::LazyLock;

static GATE: Gate = Gate::new(&[
    "that", "That", "THAT", "ollowing", "revious", "receding", "next", "Next",
]);
static ANAPHORIC: LazyLock<Regex> = LazyLock::new(|| {
    // "earlier"/"later" before them are added as modifiers by the caller.
    Regex::new(r"(?-u:\b)(?:(?:[Tt]hat|THAT)\s+(?i:(?:same\s+|very\s+)?(day|morning|afternoon|evening|night|week|month|year))|(?:[Tt]he|THE)\s+(?i:(next|following|previous|preceding)\s+(day|morning|afternoon|evening|night|week|month|year)|(day)\s+(before|after)(?:\s*[.,;:]|\s+(?:that|he|she|they|it)\s)))").unwrap()
});

/// The reference a later expression can lean on: a day, or only a month or a year.
#[derive(Clone, Copy)]
enum Reference {
    Day(CivilDate),
    Month(i16, i8),
    Year(i16),
}

/// The reference a TIMEX3 value sets, if it names a calendar period.
fn reference_of(value: &str) -> Option<Reference> {
    let year: i16 = value.get(..4)?.parse().ok()?;
    let month = value.get(5..7).and_then(|m| m.parse::<i8>().ok());
    let day = value.get(8..10).and_then(|d| d.parse::<i8>().ok());
    Some(match (month, day) {
        (Some(m), Some(d)) => Reference::Day(CivilDate::new(year, m, d).ok()?),
        (Some(m), None) if value.as_bytes().get(4) == Some(&b'-') && (1..=12).contains(&m) => Reference::Month(year, m),
        _ => Reference::Year(year),
    })
}

/// The TIMEX3 code of a part of the day, if `unit` is one.
fn part_code(unit: &str) -> Option<&'static str> {
    Some(match unit {
        "morning" => "MO",
        "afternoon" => "AF",
        "evening" => "EV",
        "night" => "NI",
        _ => return None,
    })
}

/// The value of `unit` at `reference` moved by `shift` units.
fn value_at(reference: Option<Reference>, unit: &str, shift: i64) -> String {
    let part = part_code(unit);
    let day_unit = unit == "day" || part.is_some();
    let year_of = |r: Reference| match r {
        Reference::Day(d) => i64::from(d.year()),
        Reference::Month(y, _) | Reference::Year(y) => i64::from(y),
    };
    let base = match (reference, unit) {
        (Some(Reference::Day(d)), _) if day_unit => d.checked_add(shift.days()).ok().map(normalise::ymd),
        (Some(Reference::Month(y, m)), _) if day_unit && shift == 0 => Some(format!("{y:04}-{m:02}-XX")),
        (Some(Reference::Day(d)), "week") => normalise::shifted_period(d, Unit::Week, shift),
        (Some(Reference::Day(d)), "month") => normalise::shifted_period(d, Unit::Month, shift),
        (Some(Reference::Month(y, m)), "month") => CivilDate::new(y, m, 1)
            .ok()
            .and_then(|d| normalise::shifted_period(d, Unit::Month, shift)),
        (Some(r), "year") => Some(format!("{:04}", year_of(r) + shift)),
        _ => None,
    };
    let base = base.unwrap_or_else(|| match unit {
        "week" => "XXXX-WXX".to_owned(),
        "month" => "XXXX-XX".to_owned(),
        "year" => "XXXX".to_owned(),
        _ => "XXXX-XX-XX".to_owned(),
    });
    match part {
        Some(code) => format!("{base}T{code}"),
        None => base,
    }
}

/// Adds the anaphoric expressions of `text` to `dates` (sorted, without overlaps), each
/// valued against the latest calendar date before it.
pub fn resolve(text: &str, dates: &mut Vec<TimeExpr>) {
    if !GATE.opens(text) {
        return;
    }
    let mut found = Vec::new();
    for c in ANAPHORIC.captures_iter(text) {
        let mut span = whole(&c);
        if dates.iter().any(|t| t.span.start < span.end && span.start < t.span.end) {
            continue;
        }
        let lower = |i: usize| c.get(i).map(|m| m.as_str().to_ascii_lowercase());
        let (unit, shift) = if let Some(unit) = lower(1) {
            (unit, 0)
        } else if let Some(unit) = lower(3) {
            let back = matches!(lower(2).as_deref(), Some("previous" | "preceding"));
            (unit, if back { -1 } else { 1 })
        } else {
            // "the day before." / "the day after they met": the words after are not in it.
            let relation = c.get(5).unwrap();
            span = Span::new(span.start, relation.end());
            (
                "day".to_owned(),
                if relation.as_str().eq_ignore_ascii_case("before") {
                    -1
                } else {
                    1
                },
            )
        };
        let reference = dates
            .iter()
            .take_while(|t| t.span.end <= span.start)
            .filter(|t| matches!(t.kind, TimexType::Date | TimexType::Time))
            .filter_map(|t| reference_of(&t.value))
            .last();
        let kind = if part_code(&unit).is_some() {
            TimexType::Time
        } else {
            TimexType::Date
        };
        found.push(TimeExpr {
            span,
            kind,
            value: value_at(reference, &unit, shift),
        });
    }
    if !found.is_empty() {
        dates.extend(found);
        dates.sort_by_key(|t| t.span.start);
    }
}

#[cfg(test)]
mod tests {
    use crate::find_dates;

    fn values(text: &str) -> Vec<(String, String)> {
        let p = byline_core::parse_published("2000-02-24").unwrap();
        find_dates(text, Some(p))
            .into_iter()
            .map(|t| (t.span.slice(text).to_owned(), t.value))
            .collect()
    }

    #[test]
    fn anaphoric_expressions_follow_the_last_named_date() {
        assert_eq!(
            values("He landed on Feb. 22. The next morning he left; later that year he came back."),
            vec![
                ("Feb. 22".into(), "2000-02-22".into()),
                ("The next morning".into(), "2000-02-23TMO".into()),
                ("later that year".into(), "2000".into()),
            ]
        );
        assert_eq!(
            values("It was October 1998. Police came that same day."),
            vec![
                ("October 1998".into(), "1998-10".into()),
                ("that same day".into(), "1998-10-XX".into())
            ]
        );
        assert_eq!(
            values("They met that day."),
            vec![("that day".into(), "XXXX-XX-XX".into())]
        );
    }
}
