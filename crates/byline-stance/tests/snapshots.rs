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
        "Ines Moreau, the deputy head of the regional fisheries board, expressed her approval of the EU quota proposal on the radio channel NRK."
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
        "Mayor Tom Reed remarked on Friday that while he wants a quick settlement with the contractor, he could not keep paying for ferries indefinitely."
    ));
}
