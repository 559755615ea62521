//! Clock times ("10 p.m. Wednesday", "5 p.m. EST Nov. 9", "noon Saturday"), parts of a
//! day ("Saturday night", "this morning", "last night"), weekends ("the weekend" →
//! 1991-W08-WE) and sets ("each Thursday", "every day", "daily", "Tuesday nights").

use crate::gate::Gate;
use crate::normalise::{self, Direction};
use crate::scan::{Clauses, push, whole};
use byline_core::{CivilDate, Span, TimeExpr, TimexType};
use regex::Regex;
use std::sync::LazyLock;

const WEEKDAY: &str = r"(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)";

/// The words without which no set ("every week", "daily") is scanned for.
static SET_GATE: Gate = Gate::new(&[
    "ach", "very", "aily", "ightly", "ourly", "eekly", "onthly", "yearly", "Yearly", "nnually", "ACH", "VERY", "AILY",
    "IGHTLY", "OURLY", "EEKLY", "ONTHLY", "YEARLY", "NNUALLY",
]);

static PART_GATE: Gate = Gate::new(&[
    "orning", "ORNING", "fternoon", "FTERNOON", "vening", "VENING", "night", "Night", "NIGHT",
]);
static WEEKEND_GATE: Gate = Gate::new(&["eekend", "EEKEND"]);
static CLOCK: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(
        r"^(?:(\d{{1,2}})(?::(\d{{2}}))?\s*(?i:(a\.m\.|p\.m\.|am(?-u:\b)|pm(?-u:\b)))|([Nn]oon|NOON|[Mm]idnight|MIDNIGHT))(?:\s+(?:[ECMP][SD]T|GMT|UTC))?(?:\s+(?i:(today|yesterday|tomorrow)|({WEEKDAY})))?"
    ))
    .unwrap()
});
static DAY_PART: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(
        r"(?-u:\b)(?:({WEEKDAY})|([Yy]esterday|[Tt]oday|[Tt]omorrow|YESTERDAY|TODAY|TOMORROW))\s+((?i:morning|afternoon|evening|night)s?)(?-u:\b)"
    ))
    .unwrap()
});
static SET: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(
        r"(?-u:\b)(?:([Ee]ach|[Ee]very|EACH|EVERY)\s+(?:({WEEKDAY})|(?i:(day|week|month|year|quarter|morning|night)))|([Dd]aily|[Nn]ightly|[Hh]ourly|[Ww]eekly|[Mm]onthly|[Yy]early|[Aa]nnually|DAILY|NIGHTLY|HOURLY|WEEKLY|MONTHLY|YEARLY|ANNUALLY))(?-u:\b)"
    ))
    .unwrap()
});
static WEEKEND: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"(?-u:\b)(?i:(the|this|last|next|past)\s+weekend)(?-u:\b)").unwrap());
static THIS_PART: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?-u:\b)(?i:(this|yesterday|tomorrow)\s+(morning|afternoon|evening)|(last)\s+(night|evening))(?-u:\b)")
        .unwrap()
});

/// A digit, maybe a space, then "a.m."/"pm"/"AM": where a clock time ends its number.
static AM_PM: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"[0-9] ?[aApP]\.?[mM]").unwrap());
/// Clock words.
static NOON: LazyLock<Regex> = LazyLock::new(|| Regex::new("noon|Noon|NOON|midnight|Midnight|MIDNIGHT").unwrap());

/// Where clock times may start: the digits before each "a.m."/"pm"/"AM" (with or
/// without a space), and each "noon"/"midnight". The pattern then runs only there: it
/// starts with a digit, which every number in the text would otherwise try.
fn clock_starts(text: &str) -> Vec<usize> {
    let b = text.as_bytes();
    let mut starts = Vec::new();
    for m in AM_PM.find_iter(text) {
        let mut j = m.start();
        while j > 0 && (b[j - 1].is_ascii_digit() || b[j - 1] == b':') {
            j -= 1;
        }
        starts.push(j);
    }
    starts.extend(NOON.find_iter(text).map(|m| m.start()));
    starts.sort_unstable();
    starts
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

/// A weekday in a time expression is the most recent one unless its clause speaks of
/// the future ("will leave at 4 a.m. Thursday").
fn weekday_direction(text: &str, start: usize, clauses: &Clauses) -> Direction {
    if clauses.future(text, start) {
        Direction::OnOrAfter
    } else {
        Direction::OnOrBefore
    }
}

/// Runs the families of this module over `text`: clock times, weekends and parts of
/// day, sets.
pub(crate) fn find_all(text: &str, published: Option<CivilDate>, clauses: &Clauses, out: &mut Vec<TimeExpr>) {
    clock_times(text, published, clauses, out);
    weekends_and_parts(text, published, clauses, out);
    if SET_GATE.opens(text) {
        sets(text, out);
    }
}

/// Clock times and parts of named days.
fn clock_times(text: &str, published: Option<CivilDate>, clauses: &Clauses, out: &mut Vec<TimeExpr>) {
    let mut taken = 0;
    for start in clock_starts(text) {
        if start < taken {
            continue;
        }
        if start > 0 && text.as_bytes()[start - 1].is_ascii_alphanumeric() {
            continue;
        }
        // The pattern is anchored at `start` and a clock time is short: a window will do.
        let mut end = (start + 64).min(text.len());
        while !text.is_char_boundary(end) {
            end -= 1;
        }
        let Some(c) = CLOCK.captures(&text[start..end]) else {
            continue;
        };
        let span = Span::new(start, start + c.get(0).unwrap().end());
        taken = span.end;
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
                .and_then(|w| normalise::resolve_weekday(p, w, weekday_direction(text, start, clauses)))
                .map(normalise::ymd),
            (Some(p), None, None) => Some(normalise::ymd(p)),
            (None, ..) => None,
        };
        let day = day.unwrap_or_else(|| "XXXX-XX-XX".to_owned());
        push(out, span, TimexType::Time, format!("{day}T{hour:02}:{minute:02}"));
    }
    if !PART_GATE.opens(text) {
        return;
    }
    for c in DAY_PART.captures_iter(text) {
        let part = c.get(3).unwrap();
        let day = match (published, c.get(1), c.get(2)) {
            (Some(p), Some(w), _) => normalise::weekday(w.as_str())
                .and_then(|w| {
                    normalise::resolve_weekday(p, w, weekday_direction(text, c.get(0).unwrap().start(), clauses))
                })
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
            let value = match c.get(1).and_then(|w| normalise::weekday(w.as_str())) {
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
fn weekends_and_parts(text: &str, published: Option<CivilDate>, clauses: &Clauses, out: &mut Vec<TimeExpr>) {
    let weekends = if WEEKEND_GATE.opens(text) {
        WEEKEND.captures_iter(text).collect()
    } else {
        Vec::new()
    };
    for c in weekends {
        let value = match published {
            Some(p) => {
                // The weekend of the week: "the"/"last" the latest one begun by the
                // anchor, "this" the one of the anchor's week, "next" the one after;
                // "the weekend" of a future clause ("is scheduled for the weekend") is
                // the coming one, the anchor's week's.
                let weekday = i64::from(p.weekday().to_monday_zero_offset());
                let word = c[1].to_ascii_lowercase();
                let shift_weeks = match word.as_str() {
                    "next" => 1,
                    "this" => 0,
                    _ if weekday >= 5 => 0,
                    "the" if clauses.future(text, c.get(0).unwrap().start()) => 0,
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
fn sets(text: &str, out: &mut Vec<TimeExpr>) {
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
                "week" | "weekly" => "P1W",
                "month" | "monthly" => "P1M",
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
