//! Entities per construction on sentences written for byline
//! (`tests/fixtures/constructions.txt`): all-caps headlines, results lists, clubs named
//! after places, hyphenated and non-ASCII names, with the expected mentions beside ours.
//! CoNLL-2003 itself is scored by `byline eval ner` (CLI tests), never copied here.

use byline_core::{Article, Pipeline};
use byline_entities::Entities;

#[path = "../../../support/fixtures.rs"]
mod fixtures;

fn render(case: &fixtures::Case) -> String {
    let doc = Pipeline::builder()
        .with(Entities)
        .build()
        .unwrap()
        .process(Article::new("t", case.text.as_str()))
        .unwrap();
    let mut ours = String::new();
    for e in &doc.entities {
        ours += &format!("{} {}\n", e.label.as_str(), doc.span_text(e.span));
    }
    fixtures::beside(case, "", &ours)
}

#[test]
fn every_construction_in_the_fixture_file() {
    let cases = fixtures::cases(env!("CARGO_MANIFEST_DIR"), "constructions.txt");
    assert!(cases.len() >= 10, "{} cases", cases.len());
    for case in &cases {
        insta::assert_snapshot!(case.name.as_str(), render(case));
    }
}
