//! Replays the fuzz corpus (`fuzz/corpus/<target>/`: seeds, inputs libFuzzer found
//! interesting and every crash found so far) through the fuzz targets' own checks, so
//! that each finding stays fixed without cargo-fuzz.

#[path = "../../../fuzz/src/checks.rs"]
mod checks;

use std::path::PathBuf;

fn replay(target: &str, check: fn(&[u8])) {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("../../fuzz/corpus")
        .join(target);
    let mut files: Vec<PathBuf> = std::fs::read_dir(&dir)
        .unwrap_or_else(|e| panic!("{}: {e}", dir.display()))
        .map(|entry| entry.unwrap().path())
        .collect();
    files.sort();
    assert!(files.len() >= 5, "the {target} corpus is missing");
    for file in files {
        let data = std::fs::read(&file).unwrap();
        if std::panic::catch_unwind(|| check(&data)).is_err() {
            panic!("fuzz input {} fails its check", file.display());
        }
    }
}

#[test]
fn pipeline_corpus_passes() {
    replay("pipeline", checks::pipeline_input);
}

#[test]
fn jsonl_corpus_passes() {
    replay("jsonl", checks::jsonl_input);
}
