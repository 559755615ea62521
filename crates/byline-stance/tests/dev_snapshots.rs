//! Stances and portrayals per construction on passages written for byline
//! (`tests/fixtures/constructions.txt`): negation, a quote carrying its speaker's
//! stance, reported stances, passives with an agent, and targets portrayed with
//! opposite polarities in one sentence. The expected answers are printed beside ours, so
//! a reviewer sees the misses. NewsMTSC and DSE are scored by the CLI tests, never
//! copied here.

use byline_core::{Article, Span};
use common::{pipeline, render};

mod common;

#[path = "../../../support/fixtures.rs"]
mod fixtures;

fn render_case(case: &fixtures::Case) -> String {
    let doc = pipeline().process(Article::new("t", case.text.as_str())).unwrap();
    fixtures::beside(case, "", &render(&doc, Span::new(0, doc.text.len())))
}

#[test]
fn every_construction_in_the_fixture_file() {
    let cases = fixtures::cases(env!("CARGO_MANIFEST_DIR"), "constructions.txt");
    assert!(cases.len() >= 8, "{} cases", cases.len());
    for case in &cases {
        insta::assert_snapshot!(case.name.as_str(), render_case(case));
    }
}
