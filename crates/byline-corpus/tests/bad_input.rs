//! Bad input to `byline_corpus::link`: error records, missing or unreadable dates,
//! duplicate ids, lines that are no record, a quote of 100,000 words, 10,000 identical
//! quotes, names in non-Latin scripts, an empty corpus. Nothing is lost: every record's
//! clusters and quotes have a row, and every problem a warning.

use byline_corpus::{LinkOptions, link};
use serde_json::json;
use std::io::Write;
use std::path::PathBuf;

fn write_lines(name: &str, lines: &[String]) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("byline-corpus-bad-{}-{name}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let path = dir.join("extract.jsonl");
    let mut f = std::fs::File::create(&path).unwrap();
    for l in lines {
        writeln!(f, "{l}").unwrap();
    }
    path
}

fn article(id: &str, published: serde_json::Value, name: &str, quotes: &[&str]) -> String {
    json!({
        "id": id, "error": null, "published": published, "meta": {"source": "Test"},
        "entities": [{"start": 0, "end": name.chars().count(), "text": name, "label": "PER", "cluster": 0}],
        "clusters": [{"id": 0, "name": name, "label": "PER", "mentions": [0], "roles": []}],
        "quotes": quotes.iter().map(|q| json!({"text": q, "content": q, "speaker": {"cluster": 0}})).collect::<Vec<_>>(),
    })
    .to_string()
}

#[test]
fn bad_records_are_warnings_and_nothing_is_lost() {
    let said = "We will keep the harbour open every day of the year for everyone";
    let lines = vec![
        article("a", json!("2025-01-02"), "Lena Park", &[said]),
        json!({"id": "b", "error": "text is empty", "entities": [], "clusters": [], "quotes": []}).to_string(),
        "this is not json".to_string(),
        article("c", json!("last Tuesday"), "Lena Park", &[said]),
        article("c", json!(null), "Lena Park", &[said]),
        article(
            "d",
            json!(20250102),
            "Алексей Навальный",
            &["Мы победим, потому что правда на нашей стороне всегда"],
        ),
        article("e", json!("2025-01-01"), "習近平", &["我们将坚定不移地推进改革开放"]),
    ];
    let path = write_lines("records", &lines);
    let linked = link(std::slice::from_ref(&path), &LinkOptions::default()).unwrap();
    let s = &linked.summary;
    assert_eq!(
        (s.records, s.articles, s.error_records, s.unreadable_lines),
        (6, 5, 1, 1)
    );
    for kind in ["error_record", "unreadable", "duplicate_id", "record"] {
        assert!(
            s.warning_counts.contains_key(kind),
            "no {kind} warning: {:?}",
            s.warnings
        );
    }
    assert!(s.warnings.iter().any(|w| w.contains("last Tuesday")));
    assert_eq!(linked.entity_links().count(), 5);
    let occurrences: Vec<_> = linked.occurrences().collect();
    assert_eq!(occurrences.len(), 5);
    // The three copies of one statement are one quote; the duplicate id is told apart by `record`.
    assert_eq!(occurrences[0].quote_id, occurrences[1].quote_id);
    assert_eq!(occurrences[1].quote_id, occurrences[2].quote_id);
    assert_ne!(occurrences[1].record, occurrences[2].record);
    let quotes: Vec<_> = linked.quotes().collect();
    assert_eq!(quotes[0].first_article, "a");
    let names: Vec<String> = linked.identities().map(|i| i.name).collect();
    assert_eq!(names, ["Lena Park", "Алексей Навальный", "習近平"]);
}

#[test]
fn an_empty_corpus_gives_empty_tables_with_headers() {
    let path = write_lines("empty", &[]);
    let linked = link(std::slice::from_ref(&path), &LinkOptions::default()).unwrap();
    assert_eq!(linked.summary.records, 0);
    let out = path.parent().unwrap().join("out");
    linked.write(&out).unwrap();
    let header = std::fs::read_to_string(out.join("occurrences.csv")).unwrap();
    assert!(header.starts_with("article_id,record,quote_index,quote_id"));
    assert_eq!(header.lines().count(), 1);
}

#[test]
fn a_huge_quote_and_ten_thousand_copies_stay_linear() {
    let huge: String = (0..100_000).map(|i| format!("word{} ", i % 5000)).collect();
    let cut: String = (200..260).map(|i| format!("word{i} ")).collect();
    let copy = "The council will publish every letter it received about the ferry plan";
    let mut lines = vec![article("huge", json!("2025-01-01"), "Tom Hale", &[&huge, &cut])];
    for n in 0..10_000 {
        lines.push(article(&format!("copy-{n}"), json!("2025-02-01"), "Tom Hale", &[copy]));
    }
    let path = write_lines("huge", &lines);
    let linked = link(std::slice::from_ref(&path), &LinkOptions::default()).unwrap();
    let quotes: Vec<_> = linked.quotes().collect();
    // The cut is found in the huge quote; the 10,000 copies are one quote.
    assert_eq!(
        quotes.len(),
        2,
        "{:?}",
        quotes.iter().map(|q| q.occurrences).collect::<Vec<_>>()
    );
    assert_eq!(quotes[1].occurrences, 10_000);
    let occurrences: Vec<_> = linked.occurrences().collect();
    assert_eq!(occurrences[1].cut, 100_000 - 60);
}

#[test]
fn the_documented_schema_names_every_column() {
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/../../schema/corpus_tables.json");
    let schema: serde_json::Value = serde_json::from_str(&std::fs::read_to_string(path).unwrap()).unwrap();
    for (table, columns) in [
        ("identities.csv", byline_corpus::IDENTITY_COLUMNS),
        ("entity_links.csv", byline_corpus::ENTITY_LINK_COLUMNS),
        ("quotes.csv", byline_corpus::QUOTE_COLUMNS),
        ("occurrences.csv", byline_corpus::OCCURRENCE_COLUMNS),
    ] {
        let names: Vec<&str> = schema["tables"][table]["fields"]
            .as_array()
            .unwrap()
            .iter()
            .map(|f| f["name"].as_str().unwrap())
            .collect();
        assert_eq!(names, columns, "{table}");
    }
}
