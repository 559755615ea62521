//! The recognisers: one regular expression per expression family, each with its
//! normaliser. Numbers that are not dates ("the 737", scores "3-1") never match because
//! every pattern needs a month, weekday, unit or temporal word.

use crate::normalise::{self, Direction, Unit};
use crate::scan::{Clauses, whole, word_before};
use byline_core::{CivilDate, Span, TimeExpr, TimexType};
use regex::{Captures, Regex};
use std::sync::LazyLock;

// Word boundaries are ASCII (`(?-u:\b)`): three times faster than Unicode ones in the
// regex crate, and every pattern starts and ends on ASCII letters or digits.
const MONTH: &str = r"(?:Jan(?:uary|\.)?|Feb(?:ruary|\.)?|Mar(?:ch|\.)?|Apr(?:il|\.)?|May|June?|July?|Aug(?:ust|\.)?|Sept?(?:ember|\.)?|Oct(?:ober|\.)?|Nov(?:ember|\.)?|Dec(?:ember|\.)?)";
const WEEKDAY: &str = r"(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)";
const NUMBER_WORD: &str = r"(?:a|an|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty|thirty|forty|fifty|hundred|\d{1,3}|a few|a couple of|a couple|several|many|some|few)";

static ISO: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"(?-u:\b)(\d{4})-(\d{2})-(\d{2})(?-u:\b)").unwrap());
static MONTH_DAY_YEAR: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(
        r"(?-u:\b)({MONTH})\s+(\d{{1,2}})(?:st|nd|rd|th)?(?-u:\b)(?:,?\s+(\d{{4}})(?-u:\b))?"
    ))
    .unwrap()
});
static DAY_MONTH_YEAR: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(
        r"(?-u:\b)(\d{{1,2}})(?:st|nd|rd|th)?\s+({MONTH})(?:,?\s+(\d{{4}})(?-u:\b))?"
    ))
    .unwrap()
});
static MONTH_YEAR: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(&format!(r"(?-u:\b)({MONTH})\s+(?:of\s+)?(\d{{4}})(?-u:\b)")).unwrap());
static WEEKDAY_RE: LazyLock<Regex> = LazyLock::new(|| Regex::new(&format!(r"(?-u:\b)({WEEKDAY})(?-u:\b)")).unwrap());
static DEICTIC: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"(?-u:\b)(?i:(today|yesterday|tomorrow|tonight))(?-u:\b)").unwrap());
static RELATIVE_PERIOD: LazyLock<Regex> = LazyLock::new(|| {
    // Case variants spelled out: a case-insensitive prefix would disable the literal prefilter.
    Regex::new(r"(?-u:\b)(?:(?:[Tt]he|THE)\s+)?([Ll]ast|[Nn]ext|[Tt]his|[Pp]ast|[Cc]oming|LAST|NEXT|THIS|PAST|COMING)\s+(week|month|year|decade|WEEK|MONTH|YEAR|DECADE)(?-u:\b)").unwrap()
});
/// Words TimeML keeps inside a duration's extent before its number.
const DURATION_LEAD: &str = r"(?:(?:the\s+)?(?:past|last|next|first|coming|previous|following|final)\s+|the\s+|(?:nearly|almost|about|around|roughly|approximately|more\s+than|less\s+than|fewer\s+than|over|under|up\s+to|at\s+least|at\s+most|some)\s+)?";

static DURATION: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(r"(?-u:\b)(?i:{DURATION_LEAD}(?P<n>{NUMBER_WORD})(?P<half>\s+1/2|-and-a-half)?(?:[\s-]+(?:more|full|long|straight|consecutive|additional))?[\s-]+(?P<unit>minute|hour|day|week|month|year|decade)s?(?P<and_half>\s+and\s+a\s+half)?)(?-u:\b)(?P<rel>(?:\s+or\s+so)?\s+(?i:ago|earlier|later)(?-u:\b))?")).unwrap()
});

/// Vague spans of time, found at their unit: "recent years", "the coming weeks", "for
/// years", "decades-long", "day-long". The words before the unit are checked by hand: a
/// pattern starting at "for"/"in" would stop at every other word.
static VAGUE_UNIT: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?-u:\b)(?:(years|months|weeks|days|decades|hours)|(day|week|month|year)-long)(?-u:\b)").unwrap()
});

/// Words before "a day"/"a year" that make it a rate ("24 hours a day", "$5 million a
/// year", "four flights a week"), not a span of time.
fn is_rate(text: &str, start: usize) -> bool {
    let mut words = text[..start].split_whitespace().rev();
    let amount = |w: &str| {
        let w = w.trim_end_matches(|c: char| !c.is_alphanumeric()).to_ascii_lowercase();
        w.ends_with(|c: char| c.is_ascii_digit())
            || [
                "million",
                "billion",
                "thousand",
                "hundred",
                "millions",
                "billions",
                "thousands",
                "hundreds",
                "dozens",
                "times",
                "once",
                "twice",
                "percent",
                "cents",
                "dollars",
            ]
            .contains(&w.as_str())
            || (number(&w).is_some() && !matches!(w.as_str(), "a" | "an" | "some"))
    };
    let Some(w1) = words.next() else { return false };
    // "24 hours a day", "hundreds of interviews a day".
    amount(w1) || (w1.ends_with('s') && words.take(2).any(amount))
}

fn number(word: &str) -> Option<i64> {
    let w = word.to_ascii_lowercase();
    Some(match w.as_str() {
        "a" | "an" | "one" => 1,
        "two" => 2,
        "three" => 3,
        "four" => 4,
        "five" => 5,
        "six" => 6,
        "seven" => 7,
        "eight" => 8,
        "nine" => 9,
        "ten" => 10,
        "eleven" => 11,
        "twelve" => 12,
        "fifteen" => 15,
        "twenty" => 20,
        "thirty" => 30,
        "forty" => 40,
        "fifty" => 50,
        "hundred" => 100,
        "a couple" | "a couple of" => 2,
        _ => return w.parse().ok(),
    })
}

fn expr(text: &str, span: Span, kind: TimexType, value: String) -> TimeExpr {
    debug_assert!(text.is_char_boundary(span.start) && text.is_char_boundary(span.end));
    TimeExpr { span, kind, value }
}

/// Runs every recogniser over `text`; overlaps are resolved by the caller.
pub fn find_all(text: &str, published: Option<CivilDate>, clauses: &Clauses) -> Vec<TimeExpr> {
    let mut out = Vec::new();
    calendar_dates(text, published, clauses, &mut out);
    weekdays(text, published, clauses, &mut out);
    deictic_and_relative(text, published, &mut out);
    durations(text, published, &mut out);
    vague_durations(text, &mut out);
    out
}

/// ISO dates, month-day-year and day-month-year dates, months with a year.
fn calendar_dates(text: &str, published: Option<CivilDate>, clauses: &Clauses, out: &mut Vec<TimeExpr>) {
    // ISO dates are rare; a dash scan decides whether the (digit-led, slow) pattern runs.
    let iso_hint = text.match_indices('-').any(|(i, _)| {
        let b = text.as_bytes();
        i >= 4 && b.get(i + 3) == Some(&b'-') && b[i + 1..i + 3].iter().all(u8::is_ascii_digit)
    });
    let iso = if iso_hint {
        ISO.captures_iter(text).collect()
    } else {
        Vec::new()
    };
    for c in iso {
        let (y, m, d) = (
            c[1].parse().unwrap_or(0),
            c[2].parse().unwrap_or(0),
            c[3].parse().unwrap_or(0),
        );
        if let Some(date) = normalise::date(y, m, d) {
            out.push(expr(text, whole(&c), TimexType::Date, normalise::ymd(date)));
        }
    }
    for c in MONTH_DAY_YEAR.captures_iter(text) {
        if let Some(t) = month_day(text, &c, [1, 2, 3], published, clauses) {
            out.push(t);
        }
    }
    for c in DAY_MONTH_YEAR.captures_iter(text) {
        if let Some(t) = month_day(text, &c, [2, 1, 3], published, clauses) {
            out.push(t);
        }
    }
    for c in MONTH_YEAR.captures_iter(text) {
        let (Some(m), Ok(y)) = (normalise::month(&c[1]), c[2].parse::<i64>()) else {
            continue;
        };
        if (1000..=2999).contains(&y) {
            out.push(expr(text, whole(&c), TimexType::Date, format!("{y:04}-{m:02}")));
        }
    }
}

/// Weekdays, with "last/next/this" before them or a future clause around them.
fn weekdays(text: &str, published: Option<CivilDate>, clauses: &Clauses, out: &mut Vec<TimeExpr>) {
    for c in WEEKDAY_RE.captures_iter(text) {
        let mut span = whole(&c);
        let Some(day) = normalise::weekday(&c[1]) else {
            continue;
        };
        // "last/next/this/coming/past Friday": the word before the weekday (found by
        // hand: an optional case-insensitive prefix would slow the pattern down 10×).
        let (word_start, word) = word_before(text, span.start);
        let word = word.to_ascii_lowercase();
        let modifier = ["last", "next", "this", "coming", "past"]
            .contains(&word.as_str())
            .then_some(word);
        if modifier.is_some() {
            span.start = word_start;
        }
        let direction = match modifier {
            Some(m) if m == "last" || m == "past" => Direction::Before,
            Some(m) if m == "next" || m == "coming" => Direction::After,
            Some(_) => Direction::OnOrAfter,
            None if clauses.future(text, span.start) => Direction::OnOrAfter,
            None => Direction::OnOrBefore,
        };
        let value = match published.and_then(|p| normalise::resolve_weekday(p, day, direction)) {
            Some(d) => normalise::ymd(d),
            None => format!("XXXX-WXX-{}", day.to_monday_one_offset()),
        };
        out.push(expr(text, span, TimexType::Date, value));
    }
}

/// Deictic words ("yesterday") and relative periods ("last week", "two years ago").
fn deictic_and_relative(text: &str, published: Option<CivilDate>, out: &mut Vec<TimeExpr>) {
    for c in DEICTIC.captures_iter(text) {
        let word = c[1].to_ascii_lowercase();
        let offset = match word.as_str() {
            "yesterday" => -1,
            "tomorrow" => 1,
            _ => 0,
        };
        let value = match published {
            Some(p) => normalise::shifted_period(p, Unit::Day, offset).unwrap_or_else(|| "XXXX-XX-XX".into()),
            None if offset == 0 => "PRESENT_REF".to_owned(),
            None => "XXXX-XX-XX".to_owned(),
        };
        let (kind, value) = if word == "tonight" {
            (TimexType::Time, format!("{value}TNI"))
        } else {
            (TimexType::Date, value)
        };
        out.push(expr(text, whole(&c), kind, value));
    }
    for c in RELATIVE_PERIOD.captures_iter(text) {
        let Some(unit) = Unit::parse(&c[2]) else {
            continue;
        };
        let relation = c[1].to_ascii_lowercase();
        if relation == "past" && unit == Unit::Decade {
            // "the past decade": the ten years up to now, a span of time.
            out.push(expr(text, whole(&c), TimexType::Duration, "P10Y".to_owned()));
            continue;
        }
        let n = match relation.as_str() {
            "last" | "past" => -1,
            "next" | "coming" => 1,
            _ => 0,
        };
        let value = match published {
            Some(p) => normalise::shifted_period(p, unit, n).unwrap_or_else(|| "XXXX".to_owned()),
            None => match unit {
                Unit::Week => "XXXX-WXX".to_owned(),
                Unit::Month => "XXXX-XX".to_owned(),
                Unit::Decade => "XXX".to_owned(),
                _ => "XXXX".to_owned(),
            },
        };
        out.push(expr(text, whole(&c), TimexType::Date, value));
    }
}

/// Durations with a number and a unit ("three months", "5 1/2 hours"); those that
/// name a past or coming period get its value when there is a publication date.
fn durations(text: &str, published: Option<CivilDate>, out: &mut Vec<TimeExpr>) {
    for c in DURATION.captures_iter(text) {
        let Some(unit) = Unit::parse(&c["unit"]) else {
            continue;
        };
        let n = number(&c["n"]);
        let mut span = whole(&c);
        let half = c.name("half").or(c.name("and_half")).is_some();
        // Ages are not temporal expressions: "a 6-year-old boy", "52 years old".
        let after = &text.as_bytes()[span.end..];
        if after.starts_with(b"-old") || after.starts_with(b" old") {
            continue;
        }
        let mut relation = c.name("rel").map(|m| {
            m.as_str()
                .trim()
                .to_ascii_lowercase()
                .rsplit(char::is_whitespace)
                .next()
                .unwrap_or_default()
                .to_owned()
        });
        if relation.is_some() && (half || matches!(unit, Unit::Hour | Unit::Minute)) {
            // "an hour later": TimeML marks the span of time and leaves the relation out.
            span.end = c.name("rel").unwrap().start();
            relation = None;
        }
        if relation.as_deref() == Some("later") {
            // "two weeks later": a date after the running reference time, unknown here.
            let value = match (published, n) {
                (Some(p), Some(n)) => normalise::shifted_period(p, unit, n).unwrap_or_else(|| "FUTURE_REF".into()),
                _ => "FUTURE_REF".to_owned(),
            };
            out.push(expr(text, span, TimexType::Date, value));
        } else if relation.is_some() {
            // "two weeks ago", "a year earlier": a date in the past.
            let value = match (published, n) {
                (Some(p), Some(n)) => normalise::shifted_period(p, unit, -n).unwrap_or_else(|| "PAST_REF".into()),
                _ => "PAST_REF".to_owned(),
            };
            out.push(expr(text, span, TimexType::Date, value));
        } else {
            if matches!(c["n"].to_ascii_lowercase().as_str(), "a" | "an") && is_rate(text, span.start) {
                continue;
            }
            let value = match (half, n) {
                (true, Some(n)) => unit.duration_and_a_half(n),
                _ => unit.duration(n),
            };
            out.push(expr(text, span, TimexType::Duration, value));
        }
    }
}

/// "recent years", "the coming weeks", "for years", "decades-long", "day-long".
fn vague_durations(text: &str, out: &mut Vec<TimeExpr>) {
    for c in VAGUE_UNIT.captures_iter(text) {
        let m = c.get(1).or(c.get(2)).unwrap();
        let long = text[m.end()..].starts_with("-long");
        let mut span = Span::new(m.start(), m.end());
        if long {
            span.end += "-long".len();
        } else if c.get(1).is_some() {
            let (word_start, word) = word_before(text, m.start());
            match word.to_ascii_lowercase().as_str() {
                "recent" | "coming" => {
                    span.start = word_start;
                    // "the coming weeks": TimeML keeps the article.
                    let (the_start, the) = word_before(text, word_start);
                    if the.eq_ignore_ascii_case("the") {
                        span.start = the_start;
                    }
                }
                // "for years": TimeML leaves the preposition out.
                "for" | "in" | "within" if !m.as_str().starts_with("days") && !m.as_str().starts_with("hours") => {}
                _ => continue,
            }
        } else {
            continue;
        }
        let Some(unit) = Unit::parse(m.as_str()) else { continue };
        let vague = m.as_str().ends_with('s');
        let value = match (unit, vague) {
            (Unit::Decade, true) => "PXY".to_owned(),
            (_, true) => unit.duration(None),
            (_, false) => unit.duration(Some(1)),
        };
        out.push(expr(text, span, TimexType::Duration, value));
    }
}

fn month_day(
    text: &str,
    c: &Captures,
    [month_group, day_group, year_group]: [usize; 3],
    published: Option<CivilDate>,
    clauses: &Clauses,
) -> Option<TimeExpr> {
    let m = normalise::month(&c[month_group])?;
    let day: i64 = c[day_group].parse().ok()?;
    let span = whole(c);
    // "May 5" needs care: "may" is also a verb, but only the capitalised month matches.
    match c.get(year_group) {
        Some(y) => {
            let y: i64 = y.as_str().parse().ok()?;
            let d = normalise::date(y, m, day)?;
            Some(expr(text, span, TimexType::Date, normalise::ymd(d)))
        }
        None => {
            if !(1..=31).contains(&day) {
                return None;
            }
            let value = match published {
                Some(p) => {
                    let direction = clauses.future(text, span.start).then_some(Direction::OnOrAfter);
                    let d = normalise::date(normalise::month_year(p, m, direction), m, day)?;
                    normalise::ymd(d)
                }
                None => format!("XXXX-{m:02}-{day:02}"),
            };
            Some(expr(text, span, TimexType::Date, value))
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::find_dates;

    fn values(text: &str, published: Option<&str>) -> Vec<(String, String)> {
        let p = published.map(|p| byline_core::parse_published(p).unwrap());
        find_dates(text, p)
            .into_iter()
            .map(|t| (t.span.slice(text).to_owned(), t.value))
            .collect()
    }

    #[test]
    fn seed_expressions() {
        let v = values(
            "Trump remarked on Friday that parties had only a few days; a month had passed.",
            Some("2025-04-19"),
        );
        assert_eq!(
            v,
            vec![
                ("Friday".into(), "2025-04-18".into()),
                ("a few days".into(), "PXD".into()),
                ("a month".into(), "P1M".into())
            ]
        );
    }

    #[test]
    fn no_false_dates_from_numbers() {
        assert!(values("The 737 crashed; the score was 3-1 at 7-Eleven.", Some("2025-04-19")).is_empty());
        assert!(values("It happened on February 30, 2020.", None).is_empty());
    }

    #[test]
    fn weekday_modifiers_and_marks_before_weekdays() {
        assert_eq!(
            values("“Friday” came; last Monday too and next Tuesday.", Some("2025-04-19")),
            vec![
                ("Friday".into(), "2025-04-18".into()),
                ("last Monday".into(), "2025-04-14".into()),
                ("next Tuesday".into(), "2025-04-22".into())
            ]
        );
    }

    #[test]
    fn without_publication_date_relative_values_use_placeholders() {
        assert_eq!(
            values("He left on Friday.", None),
            vec![("Friday".into(), "XXXX-WXX-5".into())]
        );
    }
}
