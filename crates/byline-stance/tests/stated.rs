//! The default stance layer: which constructions state a stance (kept by default) and
//! which only suggest one (scored lower, kept with `--min-stance-score 0`). One snapshot
//! per construction, on text written for byline; every stance is shown with whether the
//! default layer keeps it.

use byline_core::{Article, Span};
use byline_stance::DEFAULT_MIN_SCORE;

mod common;

fn render(text: &str) -> String {
    let doc = common::pipeline().process(Article::new("t", text)).unwrap();
    let mut out = common::render(&doc, Span::new(0, text.len()));
    let kept: Vec<String> = doc
        .stances
        .iter()
        .filter(|s| s.score >= DEFAULT_MIN_SCORE)
        .map(|s| format!("{} -> {:?}", s.holder.name, doc.span_text(s.target.span)))
        .collect();
    out += &format!("default layer: {kept:?}\n");
    out
}

#[test]
fn holder_verb_target_written_in_order() {
    insta::assert_snapshot!(render(
        "Councillor Amara Okafor has repeatedly criticised the Harbour Board. Mayor Lena Park praised Amara Okafor on Monday."
    ));
}

#[test]
fn passive_with_its_agent() {
    insta::assert_snapshot!(render(
        "The ferry plan of Westport Ferries was condemned by Amara Okafor. Tom Reyes, who was criticised by Lena Park, resigned."
    ));
}

#[test]
fn holders_that_are_not_the_subject() {
    insta::assert_snapshot!(render(
        "Okafor's allies criticised the Harbour Board. Residents cheered Lena Park and criticised the Harbour Board. \
         The Westport Ferries lawyer blamed the Harbour Board."
    ));
}

#[test]
fn targets_a_reader_cannot_see() {
    insta::assert_snapshot!(render(
        "Lena Park opposed the idea. Amara Okafor defended her decision. Tom Reyes praised both proposals. \
         Lena Park backed the then-mayor of Westport. Amara Okafor rejected the sale of the harbour."
    ));
}

#[test]
fn hedged_negated_and_reported_stances() {
    insta::assert_snapshot!(render(
        "Lena Park did not criticise the Harbour Board. If Tom Reyes backs the ferry plan, it will pass. \
         Amara Okafor said that Tom Reyes opposes the ferry plan."
    ));
}

#[test]
fn quotes_suggest_stances_below_the_default() {
    insta::assert_snapshot!(render(
        "“Westport Ferries has failed this town and its plan is a disgrace,” Amara Okafor said. \
         Tom Reyes said the Harbour Board did a wonderful job."
    ));
}

#[test]
fn headlines_in_capitals_are_no_prose() {
    insta::assert_snapshot!(render(
        "COUNCILLORS WHO OPPOSED THE FERRY PLAN\n\nAmara Okafor welcomed the harbour budget."
    ));
}

#[test]
fn relative_and_appositive_holders() {
    insta::assert_snapshot!(render(
        "The Harbour Board, which strongly opposes the ferry plan, met on Monday. \
         Amara Okafor, the deputy head of the harbour council, criticised Westport Ferries. \
         Tom Reyes, who said nothing, left."
    ));
}
