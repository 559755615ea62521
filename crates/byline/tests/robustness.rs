//! Offsets on real news and inputs that must not break the pipeline: every span obeys
//! `text[start:end] == span.text` in code points; huge, empty and odd texts pass.

mod common;

use byline::{Article, parse_published};
use std::io::{BufRead, BufReader};

#[test]
fn offsets_hold_on_real_articles() {
    let Some(shared) = common::shared_dir() else { return };
    let path = shared.join("data/corpus/allsides.jsonl.gz");
    let reader = BufReader::new(flate2::read::GzDecoder::new(std::fs::File::open(path).unwrap()));
    let nlp = byline::default_pipeline();
    let mut checked = 0;
    for line in reader.lines().take(300) {
        let v: serde_json::Value = serde_json::from_str(&line.unwrap()).unwrap();
        let text = v["text"].as_str().unwrap();
        let published = v["published"].as_str().map(|p| parse_published(p).unwrap());
        let article = Article::new(v["id"].as_str().unwrap(), text).with_published(published);
        let doc = nlp.process(article).expect("real articles do not fail");
        let record = serde_json::to_value(doc.to_output()).unwrap();
        common::assert_offsets(text, &record);
        checked += 1;
    }
    assert_eq!(checked, 300);
}

#[test]
fn offsets_hold_on_non_ascii_text() {
    let text = "Zoë Ångström said: “Ça va — 🙂 ok, Москва agreed.” Mr. Müller, the EU’s envoy, said on Friday that talks with José Núñez would take a few days.";
    let doc = byline::default_pipeline()
        .process(Article::new("u", text).with_published(Some(parse_published("2025-04-19").unwrap())))
        .unwrap();
    let record = serde_json::to_value(doc.to_output()).unwrap();
    common::assert_offsets(text, &record);
    assert!(!record["quotes"].as_array().unwrap().is_empty());
}

#[test]
fn odd_inputs_give_sensible_empty_or_partial_output() {
    let nlp = byline::default_pipeline();
    let long_sentence = "word ".repeat(100_000);
    let inputs = [
        String::new(),
        " \n\n\t ".into(),
        "\"".repeat(10_000),
        "“".repeat(5_000),
        "”“".repeat(5_000),
        "ALL CAPS HEADLINE: PESKOV SAYS TALKS ARE HARD".into(),
        "no capitals at all, said someone somewhere.".into(),
        "\0\0 nul bytes \0 and \r\n crlf lines \r\n".into(),
        "مرحبا بالعالم — שלום — 🙂🙂🙂".into(),
        long_sentence,
        ".,;:!?".repeat(1_000),
    ];
    for (i, text) in inputs.iter().enumerate() {
        let doc = nlp
            .process(Article::new(i.to_string(), text.as_str()))
            .unwrap_or_else(|e| panic!("input {i}: {e}"));
        let record = serde_json::to_value(doc.to_output()).unwrap();
        common::assert_offsets(text, &record);
    }
    let empty = nlp.process(Article::new("e", "")).unwrap();
    assert!(empty.entities.is_empty() && empty.quotes.is_empty() && empty.dates.is_empty());
}

#[test]
fn a_ten_megabyte_article_works() {
    let paragraph = "“Contacts are quite complicated,” Kremlin spokesperson Dmitry Peskov told reporters on Friday. \
                     US Secretary of State Marco Rubio said that the parties had only a few days to show progress.\n\n";
    let text = paragraph.repeat(10_000_000 / paragraph.len() + 1);
    assert!(text.len() >= 10_000_000);
    let doc = byline::default_pipeline()
        .process(Article::new("big", text).with_published(Some(parse_published("2025-04-19").unwrap())))
        .unwrap();
    assert!(doc.quotes.len() >= 40_000, "{} quotes", doc.quotes.len());
    assert!(doc.dates.len() >= 40_000);
}
