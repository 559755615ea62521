//! The bundled corpus sample (`examples/corpus_sample.jsonl`, six articles written for
//! byline by three outlets): extracted with the default pipeline, linked, and its tables
//! and report as snapshots — one identity per person across articles (two Parks kept
//! apart), a quote carried by three outlets with one copy's words changed, its first
//! appearance, a cut copy.

use byline_corpus::{LinkOptions, Source, link_sources};
use std::collections::BTreeMap;

fn extract_sample() -> String {
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/../../examples/corpus_sample.jsonl");
    let lines = std::fs::read_to_string(path).expect("examples/corpus_sample.jsonl");
    let pipeline = byline::default_pipeline();
    let mut out = String::new();
    for (n, line) in lines.lines().enumerate() {
        let input: serde_json::Value = serde_json::from_str(line).unwrap();
        let article = byline::input::parse_line(line.as_bytes(), &n.to_string()).expect("a valid sample line");
        let mut record = pipeline.process(article).unwrap().to_output();
        let mut meta = BTreeMap::new();
        meta.insert("source".to_string(), input["source"].clone());
        record.meta = Some(meta);
        out.push_str(&serde_json::to_string(&record).unwrap());
        out.push('\n');
    }
    out
}

#[test]
fn the_corpus_sample_linked() {
    let sources = [Source::Lines("corpus_sample".to_string(), extract_sample())];
    let linked = link_sources(&sources, &LinkOptions::default()).unwrap();
    let dir = std::env::temp_dir().join(format!("byline-corpus-sample-{}", std::process::id()));
    linked.write(&dir).unwrap();
    let mut shown = String::new();
    for table in ["identities", "entity_links", "quotes", "occurrences"] {
        shown.push_str(&format!("== {table}.csv\n"));
        shown.push_str(&std::fs::read_to_string(dir.join(format!("{table}.csv"))).unwrap());
    }
    let report = byline_corpus::report::Report::read(&dir, 10).unwrap();
    shown.push_str("== byline corpus report\n");
    shown.push_str(&report.text());
    let html = report.html();
    assert!(html.contains("<svg") || !html.contains("Quotes per month"));
    assert!(!html.contains("<script") && !html.contains("http://") && !html.contains("https://"));

    // Two people named Park stay apart; the carried quote has its first appearance.
    let identities: Vec<_> = linked.identities().collect();
    assert!(identities.iter().any(|i| i.name == "Lena Park"));
    assert!(identities.iter().any(|i| i.name == "Daniel Park"));
    let quotes: Vec<_> = linked.quotes().collect();
    let school = quotes
        .iter()
        .find(|q| q.text.starts_with("We looked at every option"))
        .unwrap();
    assert_eq!((school.occurrences, school.sources, school.altered), (3, 3, 1));
    assert_eq!(school.first_source, "Harbour Post");
    std::fs::remove_dir_all(&dir).ok();
    insta::assert_snapshot!(shown);
}
