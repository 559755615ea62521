//! Reading a publication date as feeds and exports write it: ISO 8601 dates and
//! date-times, RFC 2822 (`Thu, 07 Mar 2024 10:00:00 GMT`), month-name dates (`March 7,
//! 2024`, `7 March 2024`), epoch seconds or milliseconds, and slash dates when the caller
//! says which order they are in. A date-time gives its calendar date as written (its zone
//! is not applied); epoch values are dated in UTC.

use crate::CivilDate;

/// The order of day and month in slash dates (`04/05/2024`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum DateOrder {
    /// Day first: `19/04/2025`.
    Dmy,
    /// Month first: `04/19/2025`.
    Mdy,
}

impl DateOrder {
    /// The order named `dmy` or `mdy`.
    pub fn from_name(name: &str) -> Option<DateOrder> {
        match name {
            "dmy" => Some(DateOrder::Dmy),
            "mdy" => Some(DateOrder::Mdy),
            _ => None,
        }
    }
}

/// Why a publication date could not be read.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Unreadable {
    /// None of the forms byline reads.
    NotADate,
    /// The form of a date, but no day of the calendar (`2025-02-30`, year 10000).
    NotReal,
    /// A slash date without a day/month order (`04/05/2024`).
    Ambiguous,
}

impl Unreadable {
    /// The message for `value`.
    pub fn message(self, value: &str) -> String {
        match self {
            Unreadable::NotADate => format!(
                "published {value:?} is not a date byline reads (YYYY-MM-DD, an ISO 8601 or RFC 2822 date-time, \"March 7, 2024\", epoch seconds)"
            ),
            Unreadable::NotReal => format!("published {value:?} is not a real calendar date (years 1 to 9999)"),
            Unreadable::Ambiguous => {
                format!("published {value:?} is ambiguous (day/month or month/day): give --date-order dmy or mdy")
            }
        }
    }
}

/// Reads a publication date in any of the forms the module names; slash dates are read
/// only with an `order`. White space around the value is ignored.
pub fn read_published(value: &str, order: Option<DateOrder>) -> Result<CivilDate, Unreadable> {
    let trimmed = value.trim();
    if let Some(date) = iso(trimmed) {
        return date.ok_or(Unreadable::NotReal);
    }
    if let Some(slash) = slash_parts(trimmed) {
        let (day, month) = match order.ok_or(Unreadable::Ambiguous)? {
            DateOrder::Dmy => (slash.0, slash.1),
            DateOrder::Mdy => (slash.1, slash.0),
        };
        return civil(slash.2, month, day).ok_or(Unreadable::NotReal);
    }
    if let Some(date) = epoch(trimmed) {
        return date.ok_or(Unreadable::NotReal);
    }
    if let Ok(zoned) = jiff::fmt::rfc2822::parse(trimmed) {
        return Ok(zoned.date());
    }
    month_name(trimmed)
        .ok_or(Unreadable::NotADate)?
        .ok_or(Unreadable::NotReal)
}

/// Parses a publication date in any of the forms the module names (slash dates only with
/// an `order`); the error message names the value.
pub fn parse_published_in_order(value: &str, order: Option<DateOrder>) -> Result<CivilDate, String> {
    read_published(value, order).map_err(|e| e.message(value))
}

/// Parses a publication date: [`parse_published_in_order`] without a slash-date order.
pub fn parse_published(value: &str) -> Result<CivilDate, String> {
    parse_published_in_order(value, None)
}

/// A calendar date from its parts, if it exists (years 1 to 9999).
fn civil(year: i64, month: i64, day: i64) -> Option<CivilDate> {
    if !(1..=9999).contains(&year) {
        return None;
    }
    CivilDate::new(year as i16, i8::try_from(month).ok()?, i8::try_from(day).ok()?).ok()
}

/// `YYYY-MM-DD`, optionally followed by an ISO 8601 time of day and zone: `Some(None)`
/// when it has the shape but is no calendar date.
fn iso(value: &str) -> Option<Option<CivilDate>> {
    let bytes = value.as_bytes();
    let digits = |range: std::ops::Range<usize>| bytes.get(range).is_some_and(|b| b.iter().all(u8::is_ascii_digit));
    let shape_ok =
        bytes.len() >= 10 && bytes[4] == b'-' && bytes[7] == b'-' && digits(0..4) && digits(5..7) && digits(8..10);
    if !shape_ok || !is_time_of_day(&value[10..]) {
        return None;
    }
    let number = |range: std::ops::Range<usize>| value[range].parse::<i64>().ok();
    Some(civil(number(0..4)?, number(5..7)?, number(8..10)?))
}

/// The three numbers of `DD/MM/YYYY` or `MM/DD/YYYY` (also with `.` or `-` between
/// one- or two-digit parts).
fn slash_parts(value: &str) -> Option<(i64, i64, i64)> {
    let separator = value.chars().find(|c| matches!(c, '/' | '.' | '-'))?;
    let parts: Vec<&str> = value.split(separator).collect();
    let [a, b, year] = parts.as_slice() else {
        return None;
    };
    let short = |s: &str| (1..=2).contains(&s.len()) && s.bytes().all(|b| b.is_ascii_digit());
    if !(short(a) && short(b) && year.len() == 4 && year.bytes().all(|b| b.is_ascii_digit())) {
        return None;
    }
    Some((a.parse().ok()?, b.parse().ok()?, year.parse().ok()?))
}

/// Epoch seconds (9 to 11 digits) or milliseconds (12 to 14 digits), dated in UTC:
/// `Some(None)` when the date falls outside 1900–2100. Eight digits or fewer (`20250419`) is no epoch value.
fn epoch(value: &str) -> Option<Option<CivilDate>> {
    let digits = value.strip_prefix('-').unwrap_or(value);
    if !(9..=14).contains(&digits.len()) || !digits.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    let n: i64 = value.parse().ok()?;
    let timestamp = if digits.len() <= 11 {
        jiff::Timestamp::from_second(n)
    } else {
        jiff::Timestamp::from_millisecond(n)
    };
    // A count that lands outside 1900–2100 is in another unit (microseconds) or no date.
    let date = timestamp
        .ok()
        .map(|t| t.to_zoned_datetime(jiff::tz::TimeZone::UTC).date());
    Some(date.filter(|d| (1900..=2100).contains(&d.year())))
}

/// `March 7, 2024`, `Mar. 7 2024`, `7 March 2024`, `Thursday, March 7, 2024`, each with an
/// optional time after it (`March 7, 2024 10:00 AM`): `Some(None)` when the words read as
/// a date that does not exist.
fn month_name(value: &str) -> Option<Option<CivilDate>> {
    let words: Vec<&str> = value
        .split(|c: char| c.is_whitespace() || c == ',')
        .filter(|w| !w.is_empty())
        .collect();
    // A weekday before the date is skipped.
    let start = usize::from(words.first().is_some_and(|w| weekday(w)));
    let rest = words.get(start..start + 3)?;
    let number = |w: &str| {
        let w = w.trim_end_matches(|c: char| c.is_ascii_alphabetic()); // "7th"
        (!w.is_empty() && w.len() <= 4 && w.bytes().all(|b| b.is_ascii_digit())).then(|| w.parse::<i64>().ok())?
    };
    let (month, day, year) = match (month_of(rest[0]), month_of(rest[1])) {
        (Some(m), _) => (m, number(rest[1])?, number(rest[2])?),
        (None, Some(m)) => (m, number(rest[0])?, number(rest[2])?),
        _ => return None,
    };
    if rest[2].len() != 4 {
        return None;
    }
    // What follows the date is a time of day, or nothing.
    let tail = &words[start + 3..];
    let time_ok = tail.iter().all(|w| {
        w.bytes().all(|b| b.is_ascii_digit() || b == b':' || b == b'.')
            || matches!(
                w.to_ascii_uppercase().as_str(),
                "AM" | "PM" | "A.M." | "P.M." | "UTC" | "GMT" | "ET" | "EST" | "EDT"
            )
    });
    time_ok.then(|| civil(year, month, day))
}

/// The month a word names (`March`, `Mar`, `Mar.`, `Sept`), any case.
fn month_of(word: &str) -> Option<i64> {
    const MONTHS: [&str; 12] = [
        "january",
        "february",
        "march",
        "april",
        "may",
        "june",
        "july",
        "august",
        "september",
        "october",
        "november",
        "december",
    ];
    let w = word.trim_end_matches('.').to_ascii_lowercase();
    if w.len() < 3 {
        return None;
    }
    let index = MONTHS
        .iter()
        .position(|m| *m == w || (w.len() <= 4 && m.starts_with(&w) && (w.len() == 3 || w == "sept")))?;
    Some(index as i64 + 1)
}

/// Whether a word names a day of the week (`Thursday`, `Thu`, `Thu.`).
fn weekday(word: &str) -> bool {
    const DAYS: [&str; 7] = [
        "monday",
        "tuesday",
        "wednesday",
        "thursday",
        "friday",
        "saturday",
        "sunday",
    ];
    let w = word.trim_end_matches('.').to_ascii_lowercase();
    w.len() >= 3 && DAYS.iter().any(|d| *d == w || d.starts_with(&w) && w.len() <= 4)
}

/// True for what may follow the date in an ISO 8601 date-time: nothing, or `T` (or one
/// space) and `HH:MM`, optional `:SS` and fraction, then an optional zone (`Z`, `±HH`,
/// `±HH:MM`, `±HHMM`, or ` UTC`/` GMT`).
fn is_time_of_day(rest: &str) -> bool {
    let Some(rest) = rest.strip_prefix(['T', 't', ' ']) else {
        return rest.is_empty();
    };
    let b = rest.as_bytes();
    let two = |i: usize, max: u8| {
        b.get(i..i + 2)
            .is_some_and(|d| d.iter().all(u8::is_ascii_digit) && (d[0] - b'0') * 10 + (d[1] - b'0') <= max)
    };
    if !(two(0, 23) && b.get(2) == Some(&b':') && two(3, 59)) {
        return false;
    }
    let mut i = 5;
    if b.get(i) == Some(&b':') {
        if !two(i + 1, 60) {
            return false;
        }
        i += 3;
        if matches!(b.get(i), Some(b'.' | b',')) {
            let frac = b[i + 1..].iter().take_while(|c| c.is_ascii_digit()).count();
            if frac == 0 {
                return false;
            }
            i += 1 + frac;
        }
    }
    let zone = &rest[i..];
    match zone.as_bytes() {
        [] | [b'Z' | b'z'] => true,
        [b'+' | b'-', ..] => {
            let z = &zone.as_bytes()[1..];
            let hh = z.len() >= 2 && two(i + 1, 23);
            hh && match &z[2..] {
                [] => true,
                [b':', m1, m2] | [m1, m2] => m1.is_ascii_digit() && m2.is_ascii_digit() && *m1 <= b'5',
                _ => false,
            }
        }
        _ => matches!(zone.trim_start(), "UTC" | "GMT") && zone.starts_with(' '),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn read(value: &str) -> Result<String, String> {
        parse_published(value).map(|d| d.to_string())
    }

    #[test]
    fn feed_and_export_dates() {
        for (value, date) in [
            ("Thu, 07 Mar 2024 10:00:00 GMT", "2024-03-07"),
            ("Thu, 7 Mar 2024 23:30:00 -0500", "2024-03-07"),
            ("7 Mar 2024 10:00 +0100", "2024-03-07"),
            ("March 7, 2024", "2024-03-07"),
            ("Mar. 7, 2024", "2024-03-07"),
            ("Sept 7 2024", "2024-09-07"),
            ("7 March 2024", "2024-03-07"),
            ("Thursday, March 7, 2024", "2024-03-07"),
            ("March 7th, 2024 10:00 AM", "2024-03-07"),
            ("1709805600", "2024-03-07"),
            ("1709805600000", "2024-03-07"),
            ("1850-06-01", "1850-06-01"),
        ] {
            assert_eq!(read(value), Ok(date.to_owned()), "{value}");
        }
    }

    #[test]
    fn what_is_no_date_says_so() {
        for bad in [
            "20250419",
            "March 2024",
            "March 32, 2024",
            "Thu, 30 Feb 2024 10:00:00 GMT",
            "10000-01-01",
            "January 1, 10000",
            "99999999999999",
            "yesterday",
            "7 Marching 2024",
        ] {
            assert!(parse_published(bad).is_err(), "{bad:?} accepted");
        }
    }

    #[test]
    fn slash_dates_need_an_order() {
        let ambiguous = parse_published("04/05/2024").unwrap_err();
        assert!(
            ambiguous.contains("ambiguous") && ambiguous.contains("--date-order"),
            "{ambiguous}"
        );
        let dmy = parse_published_in_order("04/05/2024", Some(DateOrder::Dmy)).unwrap();
        let mdy = parse_published_in_order("04/05/2024", Some(DateOrder::Mdy)).unwrap();
        assert_eq!(
            (dmy.to_string(), mdy.to_string()),
            ("2024-05-04".into(), "2024-04-05".into())
        );
        assert!(parse_published_in_order("19/04/2025", Some(DateOrder::Mdy)).is_err());
        assert_eq!(
            parse_published_in_order("19.04.2025", Some(DateOrder::Dmy)).map(|d| d.to_string()),
            Ok("2025-04-19".to_owned())
        );
    }
}
