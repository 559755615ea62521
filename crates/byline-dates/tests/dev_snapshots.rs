//! Temporal expressions per family on sentences written for byline
//! (`tests/fixtures/families.txt`): quarters, references, bare months and years, clock
//! times, parts of day, sets, durations with modifiers, weekdays with dates, holidays,
//! running references, ages and rates that are not durations. The expected TIMEX3
//! (TimeML conventions) is printed beside ours, so a reviewer sees the misses. The real
//! TempEval-3 data is scored by `byline eval dates` (CLI tests), never copied here.

use byline_dates::find_dates;

#[path = "../../../support/fixtures.rs"]
mod fixtures;

fn render(case: &fixtures::Case) -> String {
    let published = case.key("published").expect("a publication date");
    let mut ours = String::new();
    for t in find_dates(&case.text, Some(byline_core::parse_published(published).unwrap())) {
        ours += &format!("{:?} {} {}\n", t.span.slice(&case.text), t.kind.as_str(), t.value);
    }
    fixtures::beside(case, &format!("(published {published})\n"), &ours)
}

#[test]
fn every_family_in_the_fixture_file() {
    let cases = fixtures::cases(env!("CARGO_MANIFEST_DIR"), "families.txt");
    assert!(cases.len() >= 20, "{} cases", cases.len());
    for case in &cases {
        insta::assert_snapshot!(case.name.as_str(), render(case));
    }
}
