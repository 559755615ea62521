//! Expression families beyond calendar dates and plain durations: past/present/future
//! references ("now", "recently", "the future"), quarters ("the third quarter",
//! "the year-ago quarter"), bare and modified months ("January", "early September",
//! "June last year"), bare years and decades ("1990", "fiscal 1989", "the 1980s"),
//! seasons, and spelled-out years and centuries; clock times, parts of a day and sets
//! are in [`crate::times`]. Values follow TimeML and are anchored at the
//! publication date; without one they keep X placeholders.

use crate::gate::Gate;
use crate::normalise::{self, Direction};
use crate::scan::{Clauses, push, whole};
use byline_core::{CivilDate, Span, TimeExpr, TimexType};
use regex::Regex;
use std::sync::LazyLock;

const MONTH_FULL: &str = r"(?:January|February|March|April|June|July|August|September|October|November|December)";
const MONTH_ANY: &str = r"(?:Jan(?:uary|\.)?|Feb(?:ruary|\.)?|Mar(?:ch|\.)?|Apr(?:il|\.)?|May|June?|July?|Aug(?:ust|\.)?|Sept?(?:ember|\.)?|Oct(?:ober|\.)?|Nov(?:ember|\.)?|Dec(?:ember|\.)?)";

static REFS: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?-u:\b)(?:[Nn]ow|NOW|[Cc]urrently|CURRENTLY|[Nn]owadays|[Rr]ecently|RECENTLY|[Ll]ately|[Tt]he past|THE PAST|[Tt]he future|THE FUTURE|[Ii]n the future)(?-u:\b)")
        .unwrap()
});
static QUARTER: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?-u:\b)(?i:(?P<the>the\s+|a\s+flat\s+)?(?:(?P<rel_year>this|last|next)\s+year's\s+|(?P<ago>year-ago|year-earlier)\s+|(?P<year>(?:19|20)\d\d)\s+)?(?:(?P<ord>first|second|third|fourth|1st|2nd|3rd|4th)[\s-]+quarter|(?P<rel>latest|last|past|previous|prior|current|this|next|coming|year-ago|year-earlier|same|comparable|corresponding)\s+(?:quarter|period)|quarter))(?-u:\b)",
    )
    .unwrap()
});
static MONTH_ALONE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(
        r"(?-u:\b)(?:(?i:(early|mid|late|last|next|this|earlier this|later this))[\s-]+)?({MONTH_FULL}|May)(?:\s+(last|this|next)\s+year|,?\s+(?:of\s+)?((?:1[89]|20)\d\d))?(?-u:\b)"
    ))
    .unwrap()
});
static BARE_YEAR: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?-u:\b)(?:(?i:fiscal|calendar)\s+|(?i:mid)-)?((?:1[89]|20)\d\d)(s)?(?-u:\b)").unwrap()
});
static DECADE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?-u:\b)(?i:(?:the\s+)?(?:(early|mid|late)[\s-]+)?)((?:1[89]|20)\d)0s(?-u:\b)").unwrap()
});
static SEASON: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?-u:\b)(?i:(this|last|next|the|early|late)\s+)?(?i:(spring|summer|fall|autumn|winter))(?:\s+(?:of\s+)?((?:1[89]|20)\d\d))?(?-u:\b)")
        .unwrap()
});
static SPELLED_YEAR: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?-u:\b)(?i:(?:the\s+year\s+)?(nineteen)[\s-]+(ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|(twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)(?:[\s-]+(one|two|three|four|five|six|seven|eight|nine))?)|the\s+year\s+two\s+thousand)(?-u:\b)")
        .unwrap()
});
static CENTURY: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?-u:\b)(?:(?:[Tt]he|THE)\s+)?(\d{1,2})(?:st|nd|rd|th)[\s-]+(?:[Cc]entury|CENTURY)(?-u:\b)").unwrap()
});
static MONTH_YEAR_LATE: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(&format!(r"(?-u:\b)({MONTH_ANY})\s+(last|this|next)\s+year(?-u:\b)")).unwrap());

static QUARTER_GATE: Gate = Gate::new(&["uarter", "UARTER", "eriod", "ERIOD"]);
static SPELLED_YEAR_GATE: Gate = Gate::new(&["ineteen", "INETEEN", "year two thousand", "YEAR TWO THOUSAND"]);
static CENTURY_GATE: Gate = Gate::new(&["entury", "ENTURY"]);
static SEASON_GATE: Gate = Gate::new(&[
    "pring", "ummer", "utumn", "inter", "fall", "Fall", "PRING", "UMMER", "UTUMN", "INTER", "FALL",
]);
fn quarter_of(d: CivilDate) -> i64 {
    (i64::from(d.month()) - 1) / 3 + 1
}

/// The value of quarter `q` of `year`, moved by `shift` quarters.
fn quarter_value(year: i64, q: i64, shift: i64) -> String {
    let index = year * 4 + (q - 1) + shift;
    format!("{:04}-Q{}", index.div_euclid(4), index.rem_euclid(4) + 1)
}

/// The text goes on with an amount or a unit ("the past [three summers]").
fn starts_with_amount(rest: &str) -> bool {
    let word = rest.split_whitespace().next().unwrap_or_default().to_ascii_lowercase();
    word.starts_with(|c: char| c.is_ascii_digit())
        || [
            "few", "several", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "year", "years",
            "month", "months", "week", "weeks", "decade", "decades", "day", "days", "quarter", "quarters", "century",
        ]
        .contains(&word.as_str())
}

/// Runs the families of this module over `text`.
pub fn find_all(text: &str, published: Option<CivilDate>, clauses: &Clauses) -> Vec<TimeExpr> {
    let mut out = Vec::new();
    for c in REFS.captures_iter(text) {
        let w = c[0].to_ascii_lowercase();
        if w == "the past" && starts_with_amount(&text[c.get(0).unwrap().end()..]) {
            continue;
        }
        let value = match w.as_str() {
            "now" | "currently" | "nowadays" => "PRESENT_REF",
            "the future" | "in the future" => "FUTURE_REF",
            _ => "PAST_REF",
        };
        // "in the future": TimeML leaves the preposition out.
        let mut s = whole(&c);
        if w.starts_with("in ") {
            s.start += 3;
        }
        push(&mut out, s, TimexType::Date, value.to_owned());
    }
    // Families whose key words the text lacks are not scanned for: a substring search
    // is many times faster than a case-insensitive regular expression.
    if QUARTER_GATE.opens(text) {
        quarters(text, published, &mut out);
    }
    months(text, published, clauses, &mut out);
    years(text, &mut out);
    if SPELLED_YEAR_GATE.opens(text) {
        spelled_years(text, &mut out);
    }
    if CENTURY_GATE.opens(text) {
        for c in CENTURY.captures_iter(text) {
            let Ok(n) = c[1].parse::<i64>() else { continue };
            if (1..=21).contains(&n) {
                push(&mut out, whole(&c), TimexType::Date, format!("{:02}", n - 1));
            }
        }
    }
    if SEASON_GATE.opens(text) {
        seasons(text, published, &mut out);
    }
    out
}

fn quarters(text: &str, published: Option<CivilDate>, out: &mut Vec<TimeExpr>) {
    for c in QUARTER.captures_iter(text) {
        let lower = |name: &str| c.name(name).map(|m| m.as_str().to_ascii_lowercase());
        let ordinal = lower("ord").map(|o| match o.as_str() {
            "first" | "1st" => 1,
            "second" | "2nd" => 2,
            "third" | "3rd" => 3,
            _ => 4,
        });
        let rel = lower("rel");
        // A bare "quarter" counts only as "the quarter".
        if ordinal.is_none() && rel.is_none() && c.name("the").is_none() {
            continue;
        }
        let mut s = whole(&c);
        // "the third-quarter results": an adjective leaves its article out.
        if ordinal.is_some() && c[0].contains("-quarter") && c.name("the").is_some() && c.name("year").is_none() {
            s.start = c.name("ord").unwrap().start();
        }
        let value = match published {
            None => match (c.name("year"), ordinal) {
                (Some(y), Some(n)) => format!("{}-Q{n}", y.as_str()),
                _ => "XXXX-QX".to_owned(),
            },
            Some(p) => {
                let (y, q) = (i64::from(p.year()), quarter_of(p));
                let year_shift = match (lower("rel_year").as_deref(), lower("ago")) {
                    (Some("last"), _) | (_, Some(_)) => -1,
                    (Some("next"), _) => 1,
                    _ => 0,
                };
                let year = c
                    .name("year")
                    .and_then(|y| y.as_str().parse().ok())
                    .unwrap_or(y + year_shift);
                match (ordinal, rel.as_deref()) {
                    (Some(n), _) => quarter_value(year, n, 0),
                    (None, Some("current" | "this")) => quarter_value(y, q, 0),
                    (None, Some("next" | "coming")) => quarter_value(y, q, 1),
                    (None, Some("year-ago" | "year-earlier" | "corresponding" | "comparable")) => {
                        quarter_value(y, q, -5)
                    }
                    _ if c.name("year").is_some() || year_shift != 0 => quarter_value(year, q, -1),
                    _ => quarter_value(y, q, -1),
                }
            }
        };
        push(out, s, TimexType::Date, value);
    }
}

fn months(text: &str, published: Option<CivilDate>, clauses: &Clauses, out: &mut Vec<TimeExpr>) {
    for c in MONTH_ALONE.captures_iter(text) {
        let Some(m) = normalise::month(&c[2]) else { continue };
        let modifier = c.get(1).map(|m| m.as_str().to_ascii_lowercase());
        // "May" is also a verb: a bare one counts after a preposition only.
        if &c[2] == "May" && modifier.is_none() {
            let before = text[..c.get(0).unwrap().start()].trim_end();
            let word = before
                .rsplit(|ch: char| !ch.is_ascii_alphabetic())
                .next()
                .unwrap_or_default();
            if ![
                "in", "since", "until", "by", "of", "during", "before", "after", "through",
            ]
            .contains(&word)
            {
                continue;
            }
        }
        let s = whole(&c);
        // "February 30": a month with a day is a calendar date (patterns.rs), valid or not.
        if c.get(3).is_none()
            && c.get(4).is_none()
            && text[s.end..].trim_start().starts_with(|ch: char| ch.is_ascii_digit())
        {
            continue;
        }
        let year_word = c.get(3).map(|m| m.as_str().to_ascii_lowercase());
        if let Some(y) = c.get(4) {
            push(out, s, TimexType::Date, format!("{}-{m:02}", y.as_str()));
            continue;
        }
        let value = match (published, year_word.as_deref()) {
            (Some(p), Some(w)) => {
                let shift = match w {
                    "last" => -1,
                    "next" => 1,
                    _ => 0,
                };
                format!("{:04}-{m:02}", i64::from(p.year()) + shift)
            }
            (Some(p), None) => {
                let direction = match modifier.as_deref() {
                    Some("last") => Some(Direction::Before),
                    Some("next") => Some(Direction::After),
                    Some("this" | "earlier this" | "later this") => {
                        push(out, s, TimexType::Date, format!("{:04}-{m:02}", p.year()));
                        continue;
                    }
                    // "Construction will start in June": the coming June.
                    _ if clauses.future(text, s.start) => Some(Direction::OnOrAfter),
                    _ => None,
                };
                format!("{:04}-{m:02}", normalise::month_year(p, m, direction))
            }
            (None, _) => format!("XXXX-{m:02}"),
        };
        push(out, s, TimexType::Date, value);
    }
    for c in MONTH_YEAR_LATE.captures_iter(text) {
        let (Some(m), Some(p)) = (normalise::month(&c[1]), published) else {
            continue;
        };
        let shift = match c[2].to_ascii_lowercase().as_str() {
            "last" => -1,
            "next" => 1,
            _ => 0,
        };
        push(
            out,
            whole(&c),
            TimexType::Date,
            format!("{:04}-{m:02}", i64::from(p.year()) + shift),
        );
    }
}

fn years(text: &str, out: &mut Vec<TimeExpr>) {
    for c in BARE_YEAR.captures_iter(text) {
        let m = c.get(0).unwrap();
        // Not part of a larger number, an amount or a range of numbers.
        let before = text[..m.start()].chars().next_back();
        let after = text[m.end()..].chars().next();
        if before.is_some_and(|b| matches!(b, '$' | '#' | '.' | ',' | '-' | '/' | '£' | '€'))
            || after.is_some_and(|a| matches!(a, '%' | '-' | '/') || a.is_ascii_digit())
            || text[m.end()..].starts_with(",0")
            || text[..m.start()]
                .trim_end()
                .strip_suffix(',')
                .is_some_and(|b| b.ends_with(|ch: char| ch.is_ascii_digit()))
        {
            continue;
        }
        let year = &c[1];
        let value = if c.get(2).is_some() {
            year[..3].to_owned()
        } else {
            year.to_owned()
        };
        push(out, Span::new(m.start(), m.end()), TimexType::Date, value);
    }
    for c in DECADE.captures_iter(text) {
        push(out, whole(&c), TimexType::Date, c[2].to_owned());
    }
}

fn small_number(word: &str) -> Option<i64> {
    let words = [
        "zero",
        "one",
        "two",
        "three",
        "four",
        "five",
        "six",
        "seven",
        "eight",
        "nine",
        "ten",
        "eleven",
        "twelve",
        "thirteen",
        "fourteen",
        "fifteen",
        "sixteen",
        "seventeen",
        "eighteen",
        "nineteen",
    ];
    let tens = [
        "", "", "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety",
    ];
    let w = word.to_ascii_lowercase();
    words
        .iter()
        .position(|x| *x == w)
        .or_else(|| tens.iter().position(|x| !x.is_empty() && *x == w).map(|t| t * 10))
        .map(|n| n as i64)
}

/// Years in words, as broadcast transcripts write them ("nineteen ninety-six",
/// "the year two thousand").
fn spelled_years(text: &str, out: &mut Vec<TimeExpr>) {
    for c in SPELLED_YEAR.captures_iter(text) {
        let year = if c.get(1).is_none() {
            2000
        } else {
            let tens = c
                .get(3)
                .map_or_else(|| small_number(&c[2]), |t| small_number(t.as_str()));
            let units = c.get(4).and_then(|u| small_number(u.as_str())).unwrap_or(0);
            match tens {
                Some(t) => 1900 + t + units,
                None => continue,
            }
        };
        push(out, whole(&c), TimexType::Date, year.to_string());
    }
}

fn seasons(text: &str, published: Option<CivilDate>, out: &mut Vec<TimeExpr>) {
    for c in SEASON.captures_iter(text) {
        let code = match c[2].to_ascii_lowercase().as_str() {
            "spring" => "SP",
            "summer" => "SU",
            "winter" => "WI",
            _ => "FA",
        };
        let modifier = c.get(1).map(|m| m.as_str().to_ascii_lowercase());
        // A bare "fall" or "spring" is usually a verb or a noun; keep seasons with a
        // modifier or a year.
        if modifier.is_none() && c.get(3).is_none() {
            continue;
        }
        let year = match (c.get(3), published) {
            (Some(y), _) => y.as_str().to_owned(),
            (None, Some(p)) => {
                let shift = match modifier.as_deref() {
                    Some("last") => -1,
                    Some("next") => 1,
                    _ => 0,
                };
                format!("{:04}", i64::from(p.year()) + shift)
            }
            (None, None) => "XXXX".to_owned(),
        };
        let mut s = whole(&c);
        if modifier.as_deref() == Some("the") && c.get(3).is_none() {
            s.start = c.get(2).unwrap().start();
            s.start -= 4;
        }
        push(out, s, TimexType::Date, format!("{year}-{code}"));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn values(text: &str) -> Vec<(String, String, TimexType)> {
        let p = byline_core::parse_published("1989-10-30").unwrap();
        let mut found = crate::find_dates(text, Some(p));
        found.sort_by_key(|t| t.span.start);
        found
            .into_iter()
            .map(|t| (t.span.slice(text).to_owned(), t.value, t.kind))
            .collect()
    }

    #[test]
    fn quarters_months_years_and_references() {
        let v = values(
            "Third-quarter profit rose; the year-ago quarter was weak. Now, in January and early September 1990 and in the 1980s, sales recently fell.",
        );
        let got: Vec<(&str, &str)> = v.iter().map(|(t, v, _)| (t.as_str(), v.as_str())).collect();
        assert_eq!(
            got,
            vec![
                ("Third-quarter", "1989-Q3"),
                ("the year-ago quarter", "1988-Q3"),
                ("Now", "PRESENT_REF"),
                ("January", "1989-01"),
                ("early September 1990", "1990-09"),
                ("the 1980s", "198"),
                ("recently", "PAST_REF"),
            ]
        );
    }

    #[test]
    fn times_parts_of_day_and_sets() {
        let v = values("At 10 p.m. Wednesday and on Saturday night, trains left each Thursday and every day.");
        let got: Vec<(&str, &str, TimexType)> = v.iter().map(|(t, v, k)| (t.as_str(), v.as_str(), *k)).collect();
        assert_eq!(
            got,
            vec![
                ("10 p.m. Wednesday", "1989-10-25T22:00", TimexType::Time),
                ("Saturday night", "1989-10-28TNI", TimexType::Time),
                ("each Thursday", "XXXX-WXX-4", TimexType::Set),
                ("every day", "P1D", TimexType::Set),
            ]
        );
    }

    #[test]
    fn years_in_words_and_centuries() {
        let v =
            values("In nineteen ninety-six and the year two thousand, as in the 20th century and nineteen seventy.");
        let got: Vec<(&str, &str)> = v.iter().map(|(t, v, _)| (t.as_str(), v.as_str())).collect();
        assert_eq!(
            got,
            vec![
                ("nineteen ninety-six", "1996"),
                ("the year two thousand", "2000"),
                ("the 20th century", "19"),
                ("nineteen seventy", "1970"),
            ]
        );
    }

    #[test]
    fn numbers_are_not_years() {
        assert!(values("It cost $1990 and 2,000 units, or 1995%.").is_empty());
    }
}
