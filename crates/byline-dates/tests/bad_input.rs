//! Bad input for the dates extractor: impossible dates, years out of range, numbers
//! that are not dates, no publication date, and a publication date in a bad format
//! (a warning and no date, not a guess). No panic and no false dates.

use byline_core::parse_published;
use byline_dates::find_dates;

fn texts(text: &str, published: Option<&str>) -> Vec<String> {
    let published = published.map(|p| parse_published(p).unwrap());
    find_dates(text, published)
        .into_iter()
        .map(|t| format!("{} = {}", t.span.slice(text), t.value))
        .collect()
}

#[test]
fn impossible_dates_give_nothing() {
    for text in [
        "It happened on February 30, 2021.",
        "Due on April 31.",
        "Filed 2023-02-29 and 2024-13-01.",
    ] {
        assert!(
            texts(text, Some("2024-05-01")).is_empty(),
            "{text}: {:?}",
            texts(text, Some("2024-05-01"))
        );
    }
}

#[test]
fn numbers_that_are_not_dates_give_nothing() {
    let text = "The 737 landed; the score was 3-1 at the 7-Eleven, 1,999 fans paid $2019 or 2,000 euros, 2020% more.";
    assert!(
        texts(text, Some("2024-05-01")).is_empty(),
        "{:?}",
        texts(text, Some("2024-05-01"))
    );
}

#[test]
fn years_out_of_range_are_not_years() {
    assert!(texts("Room 3045 and flight 1234 left on time.", Some("2024-05-01")).is_empty());
    // A month with a year far out of range yields no calendar date.
    assert!(
        texts("The vault opens in May 99999.", Some("2024-05-01"))
            .iter()
            .all(|t| !t.contains("99999"))
    );
}

#[test]
fn without_a_publication_date_values_keep_placeholders() {
    let found = texts(
        "He left on Friday, returned last week and will stay until next month.",
        None,
    );
    assert_eq!(
        found,
        vec!["Friday = XXXX-WXX-5", "last week = XXXX-WXX", "next month = XXXX-XX"]
    );
}

#[test]
fn a_badly_formed_publication_date_is_never_guessed() {
    // Month-name dates are read ("April 19, 2025"); a day they do not have is not.
    for bad in ["19/04/2025", "2025-4-19", "April 31, 2025", "2025-02-30", ""] {
        assert!(parse_published(bad).is_err(), "{bad:?} was accepted");
    }
    // The article is kept and dated as if it had no publication date, with a warning.
    let article =
        byline_core::input::parse_line(br#"{"id":"x","text":"On Friday.","published":"19/04/2025"}"#, "1").unwrap();
    assert_eq!(article.published, None);
    assert_eq!(article.warnings.len(), 1);
    assert_eq!(texts(&article.text, None), vec!["Friday = XXXX-WXX-5"]);
}

#[test]
fn long_and_odd_text_does_not_panic() {
    let text = "Friday ".repeat(20_000) + &"1999 ".repeat(5_000) + "“noon” 12:99 p.m. 0 a.m. 13 p.m. mid- the past";
    let _ = find_dates(&text, Some(parse_published("2024-05-01").unwrap()));
    let _ = find_dates("é ü Ω 😀 – — 1998s", None);
}
