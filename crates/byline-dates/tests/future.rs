//! The tense and modality of the clause decide which way a relative date points: a
//! future clause ("will start", "expect … on Monday", "is scheduled for") takes the
//! coming one, a past or plain clause the latest one. Sentences written for byline.

use byline_core::parse_published;
use byline_dates::find_dates;

fn values(text: &str, published: &str) -> Vec<String> {
    find_dates(text, Some(parse_published(published).unwrap()))
        .into_iter()
        .map(|t| format!("{} = {}", t.span.slice(text), t.value))
        .collect()
}

#[test]
fn a_month_in_a_future_clause_is_the_coming_one() {
    assert_eq!(
        values("Construction will start in June.", "2023-03-15"),
        ["June = 2023-06"]
    );
    assert_eq!(
        values("The plant is scheduled to open in February.", "2023-03-15"),
        ["February = 2024-02"]
    );
    assert_eq!(
        values("Construction started in June.", "2023-03-15"),
        ["June = 2022-06"]
    );
    assert_eq!(
        values("The company expects to hire again in September.", "2023-03-15"),
        ["September = 2023-09"]
    );
}

#[test]
fn a_weekday_after_an_expectation_is_the_coming_one() {
    // Published on Saturday 2025-04-19.
    assert_eq!(
        values("I expect both parties back at the table on Monday.", "2025-04-19"),
        ["Monday = 2025-04-21"]
    );
    assert_eq!(
        values("Both parties were back at the table on Monday.", "2025-04-19"),
        ["Monday = 2025-04-14"]
    );
    assert_eq!(
        values("The vote is due on Tuesday.", "2025-04-19"),
        ["Tuesday = 2025-04-22"]
    );
}

#[test]
fn the_weekend_of_a_plan_is_the_coming_one() {
    // Published on Wednesday 2025-04-16 (ISO week 16): the coming weekend is week 16's.
    assert_eq!(
        values("The summit is scheduled for the weekend.", "2025-04-16"),
        ["the weekend = 2025-W16-WE"]
    );
    assert_eq!(
        values("The summit ended over the weekend.", "2025-04-16"),
        ["the weekend = 2025-W15-WE"]
    );
}

/// The dates of `text` with its dependency parse (the syntax extractor's layer).
fn values_with_syntax(text: &str, published: &str) -> Vec<String> {
    use byline_core::Extractor;
    let mut doc = byline_core::Document::new(byline_core::Article::new("t", text));
    byline_syntax::Syntax.extract(&mut doc).unwrap();
    byline_dates::find_dates_with_syntax(text, Some(parse_published(published).unwrap()), Some(&doc.syntax))
        .into_iter()
        .map(|t| format!("{} = {}", t.span.slice(text), t.value))
        .collect()
}

#[test]
fn the_parse_finds_a_future_auxiliary_far_from_the_date() {
    // Published on Saturday 2025-04-19. The 60 characters before "Friday" say nothing
    // of the future; the tree links "Friday", through the nouns it modifies, to
    // "publish" and "publish" to "will".
    let text = "The ministry will publish its long-delayed report on the causes of the collapse of the old bridge over the river on Friday.";
    let words_only = values(text, "2025-04-19");
    assert!(words_only.contains(&"Friday = 2025-04-18".to_owned()), "{words_only:?}");
    let with_parse = values_with_syntax(text, "2025-04-19");
    assert!(with_parse.contains(&"Friday = 2025-04-25".to_owned()), "{with_parse:?}");
    // A past clause stays past with the parse too.
    let past = "The ministry, after a statement that it will act, published the report on Friday.";
    assert!(values_with_syntax(past, "2025-04-19").contains(&"Friday = 2025-04-18".to_owned()));
}
