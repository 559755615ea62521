//! Named holidays ("Thanksgiving Day", "Christmas Eve", "Easter week", "Election Day")
//! as calendar dates: fixed days, the n-th weekday of a month, and Easter (the Gregorian
//! computus). Holidays whose date depends on the country ("Independence Day") are left
//! out rather than guessed.

use crate::gate::Gate;
use crate::normalise::{self, Direction};
use crate::scan::{Clauses, whole, word_before};
use byline_core::{CivilDate, TimeExpr, TimexType};
use jiff::ToSpan;
use jiff::civil::Weekday;
use regex::Regex;
use std::sync::LazyLock;

/// The words without which no holiday is scanned for.
static HOLIDAY_GATE: Gate = Gate::new(&[
    "Christmas",
    "New Year",
    "Thanksgiving",
    "Easter",
    "Good Friday",
    "Election Day",
    "Memorial Day",
    "Labor Day",
    "Veterans Day",
    "Valentine",
    "Halloween",
    "Boxing Day",
    "King",
    "Presidents",
    "Mother",
    "Father",
    "Fourth of July",
]);
static HOLIDAY: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?-u:\b)(Christmas(?:\s+Eve|\s+Day)?|New\s+Year(?:'|’)s(?:\s+Eve|\s+Day)?|Thanksgiving(?:\s+Day)?|Easter(?:\s+Sunday|\s+Monday|\s+week|\s+Island)?|Good\s+Friday|Election\s+Day|Memorial\s+Day|Labor\s+Day|Veterans\s+Day|Valentine(?:'|’)s\s+Day|Halloween|Boxing\s+Day|Martin\s+Luther\s+King(?:\s+Jr\.?)?\s+Day|Presidents(?:'|’)?\s+Day|Mother(?:'|’)s\s+Day|Father(?:'|’)s\s+Day|Fourth\s+of\s+July)(?:,?\s+((?:1[89]|20)\d\d))?(?-u:\b)",
    )
    .unwrap()
});

/// What a holiday's value is: one day, or the ISO week of a day ("Easter week").
enum Holiday {
    Day(CivilDate),
    Week(CivilDate),
}

/// Easter Sunday of `year` (the anonymous Gregorian algorithm).
fn easter(year: i16) -> Option<CivilDate> {
    let y = i64::from(year);
    let (a, b, c) = (y % 19, y / 100, y % 100);
    let (d, e) = (b / 4, b % 4);
    let f = (b + 8) / 25;
    let g = (b - f + 1) / 3;
    let h = (19 * a + b - d - g + 15) % 30;
    let (i, k) = (c / 4, c % 4);
    let l = (32 + 2 * e + 2 * i - h - k) % 7;
    let m = (a + 11 * h + 22 * l) / 451;
    let month = (h + l - 7 * m + 114) / 31;
    let day = (h + l - 7 * m + 114) % 31 + 1;
    normalise::date(y, i8::try_from(month).ok()?, day)
}

/// The `n`-th `weekday` of `month` (`n` = -1: the last one).
fn nth_weekday(year: i16, month: i8, weekday: Weekday, n: i8) -> Option<CivilDate> {
    CivilDate::new(year, month, 1)
        .ok()?
        .nth_weekday_of_month(n, weekday)
        .ok()
}

/// The date of the holiday `name` (normalised spacing, straight apostrophes) in `year`.
fn holiday(name: &str, year: i16) -> Option<Holiday> {
    let fixed = |m: i8, d: i8| CivilDate::new(year, m, d).ok().map(Holiday::Day);
    match name {
        "christmas" | "christmas day" => fixed(12, 25),
        "christmas eve" => fixed(12, 24),
        "new year's" | "new year's day" => fixed(1, 1),
        "new year's eve" => fixed(12, 31),
        "valentine's day" => fixed(2, 14),
        "halloween" => fixed(10, 31),
        "veterans day" => fixed(11, 11),
        "boxing day" => fixed(12, 26),
        "fourth of july" => fixed(7, 4),
        "thanksgiving" | "thanksgiving day" => nth_weekday(year, 11, Weekday::Thursday, 4).map(Holiday::Day),
        "memorial day" => nth_weekday(year, 5, Weekday::Monday, -1).map(Holiday::Day),
        "labor day" => nth_weekday(year, 9, Weekday::Monday, 1).map(Holiday::Day),
        "mother's day" => nth_weekday(year, 5, Weekday::Sunday, 2).map(Holiday::Day),
        "father's day" => nth_weekday(year, 6, Weekday::Sunday, 3).map(Holiday::Day),
        "presidents day" | "presidents' day" => nth_weekday(year, 2, Weekday::Monday, 3).map(Holiday::Day),
        "election day" => {
            // The Tuesday after the first Monday of November.
            let monday = nth_weekday(year, 11, Weekday::Monday, 1)?;
            monday.tomorrow().ok().map(Holiday::Day)
        }
        "easter" | "easter sunday" => easter(year).map(Holiday::Day),
        "easter monday" => easter(year)?.tomorrow().ok().map(Holiday::Day),
        "good friday" => easter(year)?.checked_sub(2.days()).ok().map(Holiday::Day),
        "easter week" => easter(year).map(Holiday::Week),
        _ if name.starts_with("martin luther king") => nth_weekday(year, 1, Weekday::Monday, 3).map(Holiday::Day),
        _ => None,
    }
}

fn value(h: &Holiday) -> String {
    match h {
        Holiday::Day(d) => normalise::ymd(*d),
        Holiday::Week(d) => {
            let w = d.iso_week_date();
            format!("{:04}-W{:02}", w.year(), w.week())
        }
    }
}

fn day_of(h: &Holiday) -> CivilDate {
    match h {
        Holiday::Day(d) | Holiday::Week(d) => *d,
    }
}

/// The occurrence of `name` a text published on `anchor` means: the one the modifier or
/// tense asks for, otherwise the nearer of the last one and the next one.
fn occurrence(name: &str, anchor: CivilDate, direction: Option<Direction>) -> Option<Holiday> {
    let y = anchor.year();
    let around: Vec<Holiday> = (y - 1..=y + 1).filter_map(|y| holiday(name, y)).collect();
    let last = around.iter().rposition(|h| day_of(h) <= anchor);
    let next = around.iter().position(|h| day_of(h) > anchor);
    let pick = match direction {
        Some(Direction::Before) => around.iter().rposition(|h| day_of(h) < anchor),
        Some(Direction::After) => next,
        Some(Direction::OnOrAfter) => around.iter().position(|h| day_of(h) >= anchor),
        Some(Direction::OnOrBefore) => last,
        None => match (last, next) {
            (Some(l), Some(n)) => {
                let back = anchor.since(day_of(&around[l])).ok()?.get_days();
                let ahead = day_of(&around[n]).since(anchor).ok()?.get_days();
                Some(if ahead < back { n } else { l })
            }
            (l, n) => l.or(n),
        },
    }?;
    around.into_iter().nth(pick)
}

/// Finds named holidays in `text`.
pub fn find(text: &str, published: Option<CivilDate>, clauses: &Clauses, out: &mut Vec<TimeExpr>) {
    if !HOLIDAY_GATE.opens(text) {
        return;
    }
    for c in HOLIDAY.captures_iter(text) {
        let name = c[1]
            .split_whitespace()
            .collect::<Vec<_>>()
            .join(" ")
            .replace('’', "'")
            .to_ascii_lowercase();
        if name == "easter island" {
            continue;
        }
        let mut span = whole(&c);
        // "last Thanksgiving", "next Christmas", "this Easter".
        let (word_start, word) = word_before(text, span.start);
        let modifier = match word.to_ascii_lowercase().as_str() {
            "last" | "past" => Some(Direction::Before),
            "next" | "coming" => Some(Direction::After),
            "this" => Some(Direction::OnOrAfter),
            _ => None,
        };
        if modifier.is_some() {
            span.start = word_start;
        }
        let explicit_year = c.get(2).and_then(|y| y.as_str().parse::<i16>().ok());
        let found = match (explicit_year, published) {
            (Some(y), _) => holiday(&name, y),
            (None, Some(p)) => {
                let tense = clauses.future(text, span.start).then_some(Direction::OnOrAfter);
                occurrence(&name, p, modifier.or(tense))
            }
            (None, None) => None,
        };
        let value = match found {
            Some(h) => value(&h),
            None if name == "easter week" => "XXXX-WXX".to_owned(),
            None => match holiday(&name, 2001) {
                // Fixed days keep month and day; movable feasts only say "some day".
                Some(Holiday::Day(d)) if !name.contains("easter") && !name.contains("friday") => {
                    format!("XXXX-{:02}-{:02}", d.month(), d.day())
                }
                _ => "XXXX-XX-XX".to_owned(),
            },
        };
        out.push(TimeExpr {
            span,
            kind: TimexType::Date,
            value,
        });
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn values(text: &str, published: &str) -> Vec<(String, String)> {
        let mut out = Vec::new();
        find(
            text,
            Some(byline_core::parse_published(published).unwrap()),
            &crate::scan::Clauses::new(None),
            &mut out,
        );
        out.into_iter()
            .map(|t| (t.span.slice(text).to_owned(), t.value))
            .collect()
    }

    #[test]
    fn holidays_resolve_to_the_nearest_occurrence() {
        assert_eq!(
            values(
                "They met on Thanksgiving Day; last Thanksgiving too; Easter week; Easter Island.",
                "2000-01-07"
            ),
            vec![
                ("Thanksgiving Day".into(), "1999-11-25".into()),
                ("last Thanksgiving".into(), "1999-11-25".into()),
                ("Easter week".into(), "2000-W16".into()),
            ]
        );
        assert_eq!(
            values("Election Day is near, and so is Christmas.", "1998-10-26"),
            vec![
                ("Election Day".into(), "1998-11-03".into()),
                ("Christmas".into(), "1998-12-25".into())
            ]
        );
        assert_eq!(
            values("Memorial Day 2024 and Good Friday 2025.", "2025-01-01"),
            vec![
                ("Memorial Day 2024".into(), "2024-05-27".into()),
                ("Good Friday 2025".into(), "2025-04-18".into())
            ]
        );
    }
}
