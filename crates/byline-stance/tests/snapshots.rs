//! Stances and target sentiment (one snapshot each).

use byline_core::{Article, Span};

mod common;

fn render(text: &str) -> String {
    let doc = common::pipeline().process(Article::new("t", text)).unwrap();
    common::render(&doc, Span::new(0, text.len()))
}

#[test]
fn approval_of_an_entity() {
    insta::assert_snapshot!(render(
        "Dmitry Medvedev, the deputy head of Russia’s Security Council, expressed his approval of the US comments on the social media platform X."
    ));
}

#[test]
fn negation_flips_the_predicate() {
    insta::assert_snapshot!(render(
        "Councilman Peter Okafor did not support the plan, while Mayor Carla Mendes praised the council."
    ));
}

#[test]
fn stance_inside_a_quote_belongs_to_the_speaker() {
    insta::assert_snapshot!(render(
        "US President Donald Trump remarked on Friday that while he desires a swift peace agreement, he couldn’t remain involved indefinitely."
    ));
}
