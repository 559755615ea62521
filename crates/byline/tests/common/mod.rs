//! Helpers shared by the facade's integration tests: locating `../shared` and checking
//! the code-point offset property of an output record.

use std::path::PathBuf;

#[path = "../../../../support/shared_data.rs"]
mod shared_data;

/// The `shared/` folder beside the repository, or `None` (with a message) when absent.
pub fn shared_dir() -> Option<PathBuf> {
    shared_data::shared(".")
}

/// Checks `text[start:end] == span.text` (code points) for every span of a JSON record.
pub fn assert_offsets(text: &str, record: &serde_json::Value) {
    let chars: Vec<char> = text.chars().collect();
    let slice = |s: u64, e: u64| -> String { chars[s as usize..e as usize].iter().collect() };
    let mut checked = 0;
    let mut check = |v: &serde_json::Value, what: &str| {
        let (s, e) = (v["start"].as_u64().unwrap(), v["end"].as_u64().unwrap());
        assert!(
            s <= e && e as usize <= chars.len(),
            "{what} span out of range in {}",
            record["id"]
        );
        assert_eq!(
            slice(s, e),
            v["text"].as_str().unwrap(),
            "{what} text mismatch in {}",
            record["id"]
        );
        checked += 1;
    };
    for layer in ["entities", "quotes", "dates", "target_sentiment"] {
        for item in record[layer].as_array().unwrap() {
            check(item, layer);
        }
    }
    for q in record["quotes"].as_array().unwrap() {
        if !q["speaker"].is_null() {
            check(&q["speaker"], "speaker");
        }
        if !q["cue"].is_null() {
            check(&q["cue"], "cue");
        }
        for pair in q["spans"].as_array().unwrap() {
            let (s, e) = (pair[0].as_u64().unwrap(), pair[1].as_u64().unwrap());
            assert!(s <= e && e as usize <= chars.len());
        }
    }
    for s in record["stances"].as_array().unwrap() {
        check(&s["target"], "stance target");
        check(&s["evidence"], "stance evidence");
    }
    let _ = checked;
}
