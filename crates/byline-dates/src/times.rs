//! Clock times ("10 p.m. Wednesday", "5 p.m. EST Nov. 9", "noon Saturday"), parts of a
//! day ("Saturday night", "this morning", "last night"), weekends ("the weekend" →
//! 1991-W08-WE) and sets ("each Thursday", "every day", "daily", "Tuesday nights").

use crate::families::{mentions, push};
use crate::normalise::{self, Direction};
use crate::patterns::whole;
use byline_core::{CivilDate, TimeExpr, TimexType};
use regex::Regex;
use std::sync::LazyLock;

const WEEKDAY: &str = r"(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)";

static CLOCK: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(
        r"(?-u:\b)(?:(\d{{1,2}})(?::(\d{{2}}))?\s*(?i:(a\.m\.|p\.m\.|am(?-u:\b)|pm(?-u:\b)))|(?i:(noon|midnight)))(?:\s+(?:[ECMP][SD]T|GMT|UTC))?(?:\s+(?i:(today|yesterday|tomorrow)|({WEEKDAY})))?"
    ))
    .unwrap()
});
static DAY_PART: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(
        r"(?-u:\b)(?:(?i:(early|late|earlier|later))\s+)?(?:({WEEKDAY})|(?i:(yesterday|today|tomorrow)))(?:\s+(?i:(morning|afternoon|evening|night)s?))?(?-u:\b)"
    ))
    .unwrap()
});
static SET: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(
        r"(?-u:\b)(?i:(?:(each|every)\s+(?:({WEEKDAY})|(day|week|month|year|quarter|morning|night))|(daily|nightly|hourly)))(?-u:\b)"
    ))
    .unwrap()
});
static WEEKEND: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"(?-u:\b)(?i:(the|this|last|next|past)\s+weekend)(?-u:\b)").unwrap());
static THIS_PART: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?-u:\b)(?i:(this|yesterday|tomorrow)\s+(morning|afternoon|evening)|(last)\s+(night|evening))(?-u:\b)")
        .unwrap()
});

/// A clock time may be written: a digit before "a.m."/"pm"/"AM" (with or without a
/// space), or "noon"/"midnight".
fn clock_hint(text: &str) -> bool {
    let b = text.as_bytes();
    let digit_before = |i: usize| {
        let j = if i > 0 && b[i - 1] == b' ' { i - 1 } else { i };
        j > 0 && b[j - 1].is_ascii_digit()
    };
    let ampm = (0..b.len().saturating_sub(1)).any(|i| {
        matches!(b[i], b'a' | b'p' | b'A' | b'P') && matches!(b[i + 1], b'.' | b'm' | b'M') && digit_before(i)
    });
    ampm || mentions(text, &["noon", "Noon", "NOON", "idnight", "IDNIGHT"])
}

/// The TIMEX3 code of a part of the day.
fn part_of_day(word: &str) -> &'static str {
    match word.to_ascii_lowercase().trim_end_matches('s') {
        "morning" => "MO",
        "afternoon" => "AF",
        "evening" => "EV",
        _ => "NI",
    }
}

/// Clock times and parts of named days.
pub fn clock_times(text: &str, published: Option<CivilDate>, out: &mut Vec<TimeExpr>) {
    let clocks = if clock_hint(text) {
        CLOCK.captures_iter(text).collect()
    } else {
        Vec::new()
    };
    for c in clocks {
        let (hour, minute) = if let Some(word) = c.get(4) {
            (
                if word.as_str().eq_ignore_ascii_case("noon") {
                    12
                } else {
                    0
                },
                0,
            )
        } else {
            let Ok(h) = c[1].parse::<i64>() else { continue };
            let m: i64 = c.get(2).map_or(Ok(0), |m| m.as_str().parse()).unwrap_or(99);
            let pm = c[3].to_ascii_lowercase().starts_with('p');
            if !(1..=12).contains(&h) || m > 59 {
                continue;
            }
            (if pm { h % 12 + 12 } else { h % 12 }, m)
        };
        let day = match (published, c.get(5), c.get(6)) {
            (Some(p), Some(d), _) => {
                let shift = match d.as_str().to_ascii_lowercase().as_str() {
                    "yesterday" => -1,
                    "tomorrow" => 1,
                    _ => 0,
                };
                normalise::shifted_period(p, normalise::Unit::Day, shift)
            }
            (Some(p), None, Some(w)) => normalise::weekday(w.as_str())
                .and_then(|w| normalise::resolve_weekday(p, w, Direction::OnOrBefore))
                .map(normalise::ymd),
            (Some(p), None, None) => Some(normalise::ymd(p)),
            (None, ..) => None,
        };
        let day = day.unwrap_or_else(|| "XXXX-XX-XX".to_owned());
        push(out, whole(&c), TimexType::Time, format!("{day}T{hour:02}:{minute:02}"));
    }
    let parts = [
        "orning", "ORNING", "fternoon", "FTERNOON", "vening", "VENING", "night", "Night", "NIGHT",
    ];
    if !mentions(text, &parts) {
        return;
    }
    for c in DAY_PART.captures_iter(text) {
        let Some(part) = c.get(4) else { continue };
        let day = match (published, c.get(2), c.get(3)) {
            (Some(p), Some(w), _) => normalise::weekday(w.as_str())
                .and_then(|w| normalise::resolve_weekday(p, w, Direction::OnOrBefore))
                .map(normalise::ymd),
            (Some(p), None, Some(d)) => {
                let shift = match d.as_str().to_ascii_lowercase().as_str() {
                    "yesterday" => -1,
                    "tomorrow" => 1,
                    _ => 0,
                };
                normalise::shifted_period(p, normalise::Unit::Day, shift)
            }
            _ => None,
        };
        let day = day.unwrap_or_else(|| "XXXX-XX-XX".to_owned());
        let code = part_of_day(part.as_str());
        if c[0].ends_with(['s', 'S']) {
            // "Tuesday nights": a recurrence.
            let value = match c.get(2).and_then(|w| normalise::weekday(w.as_str())) {
                Some(w) => format!("XXXX-WXX-{}T{code}", w.to_monday_one_offset()),
                None => format!("XXXX-XX-XXT{code}"),
            };
            push(out, whole(&c), TimexType::Set, value);
        } else {
            push(out, whole(&c), TimexType::Time, format!("{day}T{code}"));
        }
    }
}

/// Weekends and parts of today, yesterday and tomorrow.
pub fn weekends_and_parts(text: &str, published: Option<CivilDate>, out: &mut Vec<TimeExpr>) {
    let weekends = if mentions(text, &["eekend", "EEKEND"]) {
        WEEKEND.captures_iter(text).collect()
    } else {
        Vec::new()
    };
    for c in weekends {
        let value = match published {
            Some(p) => {
                // The weekend of the week: "the"/"last" the latest one begun by the
                // anchor, "this" the one of the anchor's week, "next" the one after.
                let weekday = i64::from(p.weekday().to_monday_zero_offset());
                let shift_weeks = match c[1].to_ascii_lowercase().as_str() {
                    "next" => 1,
                    "this" => 0,
                    _ if weekday >= 5 => 0,
                    _ => -1,
                };
                let day = p.checked_add(jiff::ToSpan::days(7 * shift_weeks)).ok();
                match day.map(|d| d.iso_week_date()) {
                    Some(w) => format!("{:04}-W{:02}-WE", w.year(), w.week()),
                    None => "XXXX-WXX-WE".to_owned(),
                }
            }
            None => "XXXX-WXX-WE".to_owned(),
        };
        push(out, whole(&c), TimexType::Date, value);
    }
    for c in THIS_PART.captures_iter(text) {
        let (word, part) = match (c.get(1), c.get(3)) {
            (Some(w), _) => (w.as_str().to_ascii_lowercase(), &c[2]),
            (None, Some(w)) => (w.as_str().to_ascii_lowercase(), &c[4]),
            _ => continue,
        };
        let shift = match word.as_str() {
            "yesterday" | "last" => -1,
            "tomorrow" => 1,
            _ => 0,
        };
        let day = published
            .and_then(|p| normalise::shifted_period(p, normalise::Unit::Day, shift))
            .unwrap_or_else(|| "XXXX-XX-XX".to_owned());
        push(out, whole(&c), TimexType::Time, format!("{day}T{}", part_of_day(part)));
    }
}

/// Recurrences.
pub fn sets(text: &str, out: &mut Vec<TimeExpr>) {
    for c in SET.captures_iter(text) {
        let value = if let Some(w) = c.get(2) {
            match normalise::weekday(w.as_str()) {
                Some(d) => format!("XXXX-WXX-{}", d.to_monday_one_offset()),
                None => continue,
            }
        } else {
            let unit = c
                .get(3)
                .or(c.get(4))
                .map(|m| m.as_str().to_ascii_lowercase())
                .unwrap_or_default();
            match unit.as_str() {
                "day" | "daily" => "P1D",
                "hourly" => "PT1H",
                "week" => "P1W",
                "month" => "P1M",
                "quarter" => "P1Q",
                "morning" => "XXXX-XX-XXTMO",
                "night" | "nightly" => "XXXX-XX-XXTNI",
                _ => "P1Y",
            }
            .to_owned()
        };
        push(out, whole(&c), TimexType::Set, value);
    }
}
