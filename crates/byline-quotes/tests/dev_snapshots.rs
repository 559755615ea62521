//! Quotes per construction on passages written for byline
//! (`tests/fixtures/constructions.txt`): direct quotes with the attribution after,
//! before, split by it or introduced by a colon; multi-paragraph, nested and unbalanced
//! quotes; signed reader quotes; indirect quotes with "said that", "added that",
//! "according to", inverted attributions, reporting nouns and organisations as
//! speakers; mixed quotes. The expected quotes are printed beside ours; the snapshots
//! record misses as well as hits. PolNeAR is scored by `byline eval quotes` (CLI tests).

mod common;

#[path = "../../../support/fixtures.rs"]
mod fixtures;

fn render(case: &fixtures::Case) -> String {
    fixtures::beside(case, "", &common::render_quotes(&case.text))
}

#[test]
fn every_construction_in_the_fixture_file() {
    let cases = fixtures::cases(env!("CARGO_MANIFEST_DIR"), "constructions.txt");
    assert!(cases.len() >= 15, "{} cases", cases.len());
    for case in &cases {
        insta::assert_snapshot!(case.name.as_str(), render(case));
    }
}
