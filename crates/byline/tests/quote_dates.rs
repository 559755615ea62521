//! Quotes carry the date of their statement when the attribution says it.

use byline::{Article, default_pipeline, parse_published};

#[test]
fn a_quote_links_to_the_date_in_its_attribution() {
    let mut article = Article::new(
        "q",
        "US President Donald Trump remarked on Friday that he wants a swift peace agreement. \
         “We will see,” Peskov told reporters, adding that talks resume in May.",
    );
    article.published = Some(parse_published("2025-04-19").unwrap());
    let doc = default_pipeline().process(article).unwrap();
    let remarked = doc
        .quotes
        .iter()
        .find(|q| q.cue.is_some_and(|c| doc.span_text(c) == "remarked"))
        .expect("the remarked quote");
    let date = &doc.dates[remarked.date.expect("a statement date")];
    assert_eq!(
        (doc.span_text(date.span), date.value.as_str()),
        ("Friday", "2025-04-18")
    );
    // "May" lies inside the other quote's content: it is not when Peskov spoke.
    let told = doc
        .quotes
        .iter()
        .find(|q| q.cue.is_some_and(|c| doc.span_text(c) == "told"));
    assert!(told.is_none_or(|q| q.date.is_none()), "{told:?}");
}
