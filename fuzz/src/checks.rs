//! What every fuzz input must satisfy, shared by the fuzz targets and by the regression
//! test that replays the saved corpus (`crates/byline/tests/fuzz_corpus.rs`).
//!
//! A failed promise panics, which is what libFuzzer reports and the test fails on.

use byline::input::{is_blank, parse_line};
use byline::{Article, OutputRecord, Pipeline, parse_published};
use std::sync::LazyLock;

static PIPELINE: LazyLock<Pipeline> = LazyLock::new(byline::default_pipeline);

/// Analyses `article` and checks the result: no extractor fails or panics on text it
/// accepted, every span and reference of the output fits the text, and the JSON
/// output reads back as the same record.
fn analyse(article: Article) {
    let text = article.text.clone();
    let id = article.id.clone();
    let doc = match PIPELINE.process(article) {
        Ok(doc) => doc,
        Err(e) => panic!("article {id:?} failed: {}", e.message),
    };
    let record = doc.to_output();
    if let Err(problem) = record.check(&text) {
        panic!("article {id:?}: {problem}");
    }
    let json = record.to_json();
    let back: OutputRecord = serde_json::from_str(&json).expect("the output is valid JSON of the contract");
    assert_eq!(back.to_json(), json, "the output does not read back as itself");
}

/// Fuzz target `pipeline`: arbitrary bytes, read as UTF-8 (invalid sequences replaced),
/// as an article's text with a publication date.
pub fn pipeline_input(data: &[u8]) {
    let text = String::from_utf8_lossy(data).into_owned();
    let published = parse_published("2025-04-19").expect("a valid date");
    analyse(Article::new("fuzz", text).with_published(Some(published)));
}

/// Fuzz target `jsonl`: arbitrary bytes as a JSONL file. Every line gives one article
/// or one error carrying the line's id (never a panic), and articles analyse cleanly.
pub fn jsonl_input(data: &[u8]) {
    for (n, line) in data.split(|&b| b == b'\n').enumerate() {
        let fallback = (n + 1).to_string();
        if is_blank(line) {
            continue;
        }
        match parse_line(line, &fallback) {
            Ok(article) => analyse(article),
            // The id is the record's own (even "") or the line number; the message says why.
            Err(e) => assert!(!e.message.is_empty(), "an error record without a message"),
        }
    }
}
