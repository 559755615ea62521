//! Replays the readers' fuzz corpus (`fuzz/corpus/readers/`: seeds, inputs libFuzzer
//! found interesting and every crash found so far) through the fuzz target's own checks,
//! so that each finding stays fixed without cargo-fuzz.

#[path = "../../../fuzz/src/read_checks.rs"]
mod read_checks;

use std::path::PathBuf;

#[test]
fn readers_corpus_passes() {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../fuzz/corpus/readers");
    let mut files: Vec<PathBuf> = std::fs::read_dir(&dir)
        .unwrap_or_else(|e| panic!("{}: {e}", dir.display()))
        .map(|entry| entry.unwrap().path())
        .collect();
    files.sort();
    assert!(files.len() >= 5, "the readers corpus is missing");
    for file in files {
        let data = std::fs::read(&file).unwrap();
        if std::panic::catch_unwind(|| read_checks::reader_input(&data)).is_err() {
            panic!("fuzz input {} fails its check", file.display());
        }
    }
}
