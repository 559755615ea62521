//! Temporal expressions per family (one snapshot each).

use byline_dates::find_dates;

fn render(text: &str, published: Option<&str>) -> String {
    let published = published.map(|p| byline_core::parse_published(p).unwrap());
    find_dates(text, published)
        .iter()
        .map(|t| {
            format!(
                "{:<26} {:<9} {}\n",
                format!("{:?}", t.span.slice(text)),
                format!("{:?}", t.kind),
                t.value
            )
        })
        .collect()
}

#[test]
fn news_report_expressions() {
    insta::assert_snapshot!(render(
        "Mayor Tom Reed said on Friday that he wants the bridge reopened soon. Engineers said the contractor had only a few days to finish the repairs. The council noted that a month had passed.",
        Some("2025-04-19")
    ));
}

#[test]
fn absolute_dates() {
    insta::assert_snapshot!(render(
        "The deal was signed on April 18, 2025, reviewed on 3 March 2024, announced in September 2023, due 2025-06-30, and first proposed in 2005. It expires Jan. 6.",
        Some("2025-04-19")
    ));
}

#[test]
fn relative_expressions() {
    insta::assert_snapshot!(render(
        "Yesterday the council met; it will meet again next Tuesday and last week it met twice. Two weeks ago prices fell, this year they rose, and the plan will take several months. Voters decide tomorrow.",
        Some("2023-03-15")
    ));
}

#[test]
fn without_a_publication_date() {
    insta::assert_snapshot!(render(
        "The minister announced on Monday that trials would last five years, starting next month.",
        None
    ));
}
