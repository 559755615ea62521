//! Temporal expressions per family on real sentences of the TempEval-3 training data
//! (TimeBank and AQUAINT), read at run time from `../shared` and never copied into the
//! repository, each anchored at its document's creation date: quarters, references,
//! bare months and years, clock times, parts of day, sets, durations with modifiers,
//! weekdays with dates. The gold TIMEX3 of the sentence is printed beside ours so a
//! reviewer sees the misses. Skipped with a message when `../shared` is absent.

use byline_dates::find_dates;
use std::path::PathBuf;

#[path = "../../../support/shared_data.rs"]
mod shared_data;

/// A gold TIMEX3: byte span in the plain text, type and value.
struct Gold {
    start: usize,
    end: usize,
    kind: String,
    value: String,
}

/// (sentence, creation date, gold TIMEX3 in it) for the first sentence of a `.tml` file
/// under `part` containing `needle`.
fn sentence(part: &str, needle: &str) -> Option<(String, String, Vec<String>)> {
    let dir = shared_data::shared(&format!("data/dates/tempeval3/train/{part}"))?;
    let entries = std::fs::read_dir(&dir).expect("a readable TimeML folder");
    let mut files: Vec<PathBuf> = entries.map(|e| e.unwrap().path()).collect();
    files.sort();
    for f in files {
        let raw = std::fs::read_to_string(&f).unwrap();
        let Some(text_start) = raw.find("<TEXT>") else { continue };
        let body = &raw[text_start + 6..raw.find("</TEXT>").unwrap_or(raw.len())];
        for line in body.lines() {
            let (plain, gold) = plain_and_gold(line);
            let doc = byline_core::Document::new(byline_core::Article::new("t", plain.as_str()));
            let Some(s) = doc.sentences.iter().find(|s| doc.span_text(s.span).contains(needle)) else {
                continue;
            };
            let inside = gold
                .iter()
                .filter(|g| s.span.start <= g.start && g.end <= s.span.end)
                .map(|g| format!("{:?} {} {}", &plain[g.start..g.end], g.kind, g.value))
                .collect();
            return Some((doc.span_text(s.span).to_owned(), creation_date(&raw), inside));
        }
    }
    panic!("no {part} sentence contains {needle:?}");
}

/// The text of a tagged line (tags removed, the few XML entities decoded) and its TIMEX3.
fn plain_and_gold(line: &str) -> (String, Vec<Gold>) {
    let mut plain = String::new();
    let mut gold = Vec::new();
    let mut open: Option<(usize, String)> = None;
    let mut rest = line;
    while let Some(lt) = rest.find('<') {
        plain.push_str(&decode(&rest[..lt]));
        let gt = rest[lt..].find('>').map_or(rest.len(), |g| lt + g + 1);
        let tag = &rest[lt..gt];
        if tag.starts_with("<TIMEX3") {
            open = Some((plain.len(), tag.to_owned()));
        } else if tag.starts_with("</TIMEX3") {
            if let Some((start, tag)) = open.take() {
                let attr = |name: &str| {
                    tag.split(&format!("{name}=\""))
                        .nth(1)
                        .and_then(|v| v.split('"').next())
                        .unwrap_or("")
                        .to_owned()
                };
                gold.push(Gold {
                    start,
                    end: plain.len(),
                    kind: attr("type"),
                    value: attr("value"),
                });
            }
        }
        rest = &rest[gt..];
    }
    plain.push_str(&decode(rest));
    (plain, gold)
}

fn decode(s: &str) -> String {
    s.replace("&quot;", "\"")
        .replace("&apos;", "'")
        .replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&amp;", "&")
}

fn creation_date(raw: &str) -> String {
    let at = raw.find("CREATION_TIME").expect("a creation time");
    let tag_start = raw[..at].rfind("<TIMEX3").unwrap();
    let tag = &raw[tag_start..raw[tag_start..].find('>').unwrap() + tag_start];
    let value = tag.split("value=\"").nth(1).unwrap();
    value[..10].to_owned()
}

fn render(part: &str, needle: &str) -> Option<String> {
    let (text, dct, gold) = sentence(part, needle)?;
    let published = byline_core::parse_published(&dct).unwrap();
    let mut out = format!("{text}\n(created {dct})\n--- ours\n");
    for t in find_dates(&text, Some(published)) {
        out += &format!("{:?} {} {}\n", t.span.slice(&text), t.kind.as_str(), t.value);
    }
    out += "--- gold\n";
    for g in gold {
        out += &format!("{g}\n");
    }
    Some(out)
}

macro_rules! snapshot {
    ($name:ident, $part:literal, $needle:literal) => {
        #[test]
        fn $name() {
            let Some(out) = render($part, $needle) else { return };
            insta::assert_snapshot!(out);
        }
    };
}

snapshot!(quarters_and_year_ago, "TimeBank", "a year ago");
snapshot!(ordinal_quarter_adjective, "TimeBank", "third-quarter");
snapshot!(present_and_past_references, "TimeBank", "currently");
snapshot!(bare_month_and_year, "TimeBank", "in January");
snapshot!(clock_time_with_day, "TimeBank", "noon Saturday");
snapshot!(weekday_part_of_day, "TimeBank", "Saturday night");
snapshot!(sets_and_clock_times, "TimeBank", "each Thursday");
snapshot!(durations_with_modifiers, "TimeBank", "the past three months");
snapshot!(weekday_with_calendar_date, "AQUAINT", "Oct. 26");
snapshot!(relative_week_and_year, "AQUAINT", "last week");
snapshot!(years_ago, "AQUAINT", "years ago");
snapshot!(decades, "AQUAINT", "1990s");
snapshot!(holidays, "AQUAINT", "Thanksgiving Day");
snapshot!(running_reference_next_morning, "AQUAINT", "the next morning");
snapshot!(running_reference_that_year, "AQUAINT", "later that year");
snapshot!(running_reference_following_year, "TimeBank", "the following year");
snapshot!(vague_durations, "TimeBank", "recent years");
snapshot!(ages_are_not_durations, "AQUAINT", "6-year-old");
snapshot!(rates_are_not_durations, "AQUAINT", "interviews a day");
snapshot!(half_units, "AQUAINT", "5 1/2 hours");
snapshot!(future_weekday, "AQUAINT", "as early as Tuesday");
snapshot!(hours_later, "AQUAINT", "over an hour later");
