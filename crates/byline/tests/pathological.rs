//! Pathological inputs of a megabyte each (`support/pathological.rs`) go through the full
//! pipeline without a panic or an error, and their output keeps the offset promise.
//! Their time is linear: see the `pathological` benchmark (1 MB against 2 MB) and the
//! README; a quadratic path would also make this test take minutes.

#[path = "../../../support/pathological.rs"]
mod pathological;

use byline::{Article, parse_published};

#[test]
fn megabyte_pathological_articles_pass_the_full_pipeline() {
    let nlp = byline::default_pipeline();
    let published = parse_published("2025-04-19").unwrap();
    for (name, text) in pathological::articles(1) {
        assert!(text.len() >= 1_000_000, "{name} is too short");
        let doc = nlp
            .process(Article::new(name, text.as_str()).with_published(Some(published)))
            .unwrap_or_else(|e| panic!("{name}: {}", e.message));
        let record = doc.to_output();
        if let Err(problem) = record.check(&text) {
            panic!("{name}: {problem}");
        }
    }
}

#[test]
fn a_megabyte_of_names_in_one_sentence_still_finds_the_names() {
    let (_, text) = pathological::articles(1)
        .into_iter()
        .find(|(name, _)| *name == "one long sentence of names")
        .unwrap();
    let doc = byline::default_pipeline().process(Article::new("names", text)).unwrap();
    assert!(doc.entities.len() > 50_000, "{} entities", doc.entities.len());
    assert!(
        doc.clusters.len() >= 2 && doc.clusters.len() < 10,
        "{} clusters",
        doc.clusters.len()
    );
}
