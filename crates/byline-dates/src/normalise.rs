//! Calendar arithmetic for TIMEX3 values (jiff): weekdays relative to an anchor,
//! unit offsets ("two weeks ago", "next month"), ISO weeks, and value formatting.

use byline_core::CivilDate;
use jiff::ToSpan;
use jiff::civil::Weekday;

/// Direction in which a bare or modified weekday resolves.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Direction {
    /// The most recent such day on or before the anchor.
    OnOrBefore,
    /// Strictly before the anchor ("last Friday").
    Before,
    /// On or after the anchor (future tense).
    OnOrAfter,
    /// Strictly after the anchor ("next Friday").
    After,
}

/// Time units of relative expressions.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Unit {
    /// Minutes.
    Minute,
    /// Hours.
    Hour,
    /// Days.
    Day,
    /// Weeks.
    Week,
    /// Months.
    Month,
    /// Years.
    Year,
    /// Decades.
    Decade,
}

impl Unit {
    /// Parses a unit word ("days", "week").
    pub fn parse(word: &str) -> Option<Unit> {
        let w = word.to_ascii_lowercase();
        let w = w.strip_suffix('s').unwrap_or(&w);
        Some(match w {
            "minute" => Unit::Minute,
            "hour" => Unit::Hour,
            "day" => Unit::Day,
            "week" => Unit::Week,
            "month" => Unit::Month,
            "year" => Unit::Year,
            "decade" => Unit::Decade,
            _ => return None,
        })
    }

    /// The duration value for `n` units (`None` = vague, "X").
    pub fn duration(self, n: Option<i64>) -> String {
        // Decades are written in years, as TimeBank does ("two decades" = P20Y).
        if self == Unit::Decade {
            return match n {
                Some(n) => format!("P{}Y", 10 * n),
                None => "PXDE".to_owned(),
            };
        }
        let n = n.map(|n| n.to_string()).unwrap_or_else(|| "X".to_owned());
        match self {
            Unit::Minute => format!("PT{n}M"),
            Unit::Hour => format!("PT{n}H"),
            Unit::Day => format!("P{n}D"),
            Unit::Week => format!("P{n}W"),
            Unit::Month => format!("P{n}M"),
            Unit::Year => format!("P{n}Y"),
            Unit::Decade => format!("P{n}DE"),
        }
    }
}

impl Unit {
    /// The duration value for `n` and a half units ("5 1/2 hours" = PT5H30M).
    pub fn duration_and_a_half(self, n: i64) -> String {
        match self {
            Unit::Minute => format!("PT{n}M30S"),
            Unit::Hour => format!("PT{n}H30M"),
            Unit::Day => format!("P{n}DT12H"),
            Unit::Week => format!("P{}D", 7 * n + 3),
            Unit::Month => format!("P{n}M15D"),
            Unit::Year => format!("P{n}Y6M"),
            Unit::Decade => format!("P{}Y", 10 * n + 5),
        }
    }
}

/// Parses a weekday name ("Friday", "fri").
pub fn weekday(word: &str) -> Option<Weekday> {
    let w = word.to_ascii_lowercase();
    Some(match w.get(..3)? {
        "mon" => Weekday::Monday,
        "tue" => Weekday::Tuesday,
        "wed" => Weekday::Wednesday,
        "thu" => Weekday::Thursday,
        "fri" => Weekday::Friday,
        "sat" => Weekday::Saturday,
        "sun" => Weekday::Sunday,
        _ => return None,
    })
}

/// Parses a month name or abbreviation ("April", "Sept", "Jan").
pub fn month(word: &str) -> Option<i8> {
    let w = word.trim_end_matches('.').to_ascii_lowercase();
    Some(match w.get(..3)? {
        "jan" => 1,
        "feb" => 2,
        "mar" => 3,
        "apr" => 4,
        "may" => 5,
        "jun" => 6,
        "jul" => 7,
        "aug" => 8,
        "sep" => 9,
        "oct" => 10,
        "nov" => 11,
        "dec" => 12,
        _ => return None,
    })
}

/// The date of weekday `day` relative to `anchor` in `direction`.
pub fn resolve_weekday(anchor: CivilDate, day: Weekday, direction: Direction) -> Option<CivilDate> {
    let a = i64::from(anchor.weekday().to_monday_zero_offset());
    let d = i64::from(day.to_monday_zero_offset());
    let back = (a - d).rem_euclid(7);
    let fwd = (d - a).rem_euclid(7);
    let offset = match direction {
        Direction::OnOrBefore => -back,
        Direction::Before => -(if back == 0 { 7 } else { back }),
        Direction::OnOrAfter => fwd,
        Direction::After => {
            if fwd == 0 {
                7
            } else {
                fwd
            }
        }
    };
    anchor.checked_add(offset.days()).ok()
}

/// The TIMEX3 value of the `unit` period containing `anchor` moved by `n` units
/// ("last week" = -1 week → "2025-W15").
pub fn shifted_period(anchor: CivilDate, unit: Unit, n: i64) -> Option<String> {
    Some(match unit {
        Unit::Day => anchor.checked_add(n.days()).ok()?.to_string(),
        Unit::Week => {
            let d = anchor.checked_add((7 * n).days()).ok()?;
            let w = d.iso_week_date();
            format!("{:04}-W{:02}", w.year(), w.week())
        }
        Unit::Month => {
            let d = anchor.first_of_month().checked_add(n.months()).ok()?;
            format!("{:04}-{:02}", d.year(), d.month())
        }
        Unit::Year => format!("{:04}", i64::from(anchor.year()) + n),
        Unit::Decade => format!("{:03}", (i64::from(anchor.year()) + 10 * n) / 10),
        Unit::Hour | Unit::Minute => return None,
    })
}

/// A validated calendar date, or `None` ("February 30").
pub fn date(year: i64, month: i8, day: i64) -> Option<CivilDate> {
    let year = i16::try_from(year).ok()?;
    let day = i8::try_from(day).ok()?;
    CivilDate::new(year, month, day).ok()
}

/// Formats a date value.
pub fn ymd(d: CivilDate) -> String {
    d.to_string()
}

/// The year of month `m` as an article published on `anchor` means it: in `direction`
/// when the text says so, else the latest on or before it unless it is at most two
/// months ahead.
pub fn month_year(anchor: CivilDate, m: i8, direction: Option<Direction>) -> i64 {
    let y = i64::from(anchor.year());
    let a = i64::from(anchor.month());
    let m = i64::from(m);
    match direction {
        Some(Direction::Before | Direction::OnOrBefore) => {
            if m < a || (m == a && direction == Some(Direction::OnOrBefore)) {
                y
            } else {
                y - 1
            }
        }
        Some(Direction::After | Direction::OnOrAfter) => {
            if m > a || (m == a && direction == Some(Direction::OnOrAfter)) {
                y
            } else {
                y + 1
            }
        }
        // News looks back: the latest such month on or before the anchor, unless it
        // comes within the next two months (a December article's "January").
        None => {
            let ahead = (m - a).rem_euclid(12);
            if (1..=2).contains(&ahead) {
                if m > a { y } else { y + 1 }
            } else if m <= a {
                y
            } else {
                y - 1
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn weekdays_resolve_around_the_anchor() {
        let sat = date(2025, 4, 19).unwrap();
        let fri = weekday("Friday").unwrap();
        assert_eq!(
            resolve_weekday(sat, fri, Direction::OnOrBefore).unwrap().to_string(),
            "2025-04-18"
        );
        assert_eq!(
            resolve_weekday(sat, fri, Direction::After).unwrap().to_string(),
            "2025-04-25"
        );
        let sat_day = weekday("Saturday").unwrap();
        assert_eq!(resolve_weekday(sat, sat_day, Direction::OnOrBefore).unwrap(), sat);
        assert_eq!(
            resolve_weekday(sat, sat_day, Direction::Before).unwrap().to_string(),
            "2025-04-12"
        );
    }

    #[test]
    fn periods_shift() {
        let d = date(2025, 1, 2).unwrap();
        assert_eq!(shifted_period(d, Unit::Week, -1).unwrap(), "2024-W52");
        assert_eq!(shifted_period(d, Unit::Month, -1).unwrap(), "2024-12");
        assert_eq!(shifted_period(d, Unit::Year, 1).unwrap(), "2026");
        assert!(date(2025, 2, 30).is_none());
    }
}
