//! Committed snapshots and fixtures hold only text we may publish: no run of ten words
//! from the licensed data in `../shared` (CoNLL-2003, PolNeAR, TimeBank/AQUAINT,
//! NewsMTSC, the seed article, the news corpus) appears in any `.snap` file, any test
//! fixture (`crates/*/tests/fixtures/`) or the bundled examples (`examples/`). Words are compared
//! lower-cased and without punctuation, so re-tokenised text (CoNLL) is caught too.
//! Skipped, with a message, when `../shared` is absent.

#[path = "../../../support/shared_data.rs"]
mod shared_data;

use std::collections::{HashMap, HashSet};
use std::hash::{DefaultHasher, Hash, Hasher};
use std::io::Read;
use std::path::{Path, PathBuf};

/// Words per compared run.
const RUN: usize = 10;

fn words(text: &str) -> Vec<String> {
    text.split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(str::to_lowercase)
        .collect()
}

fn runs(text: &str) -> Vec<u64> {
    let words = words(text);
    words
        .windows(RUN)
        .map(|run| {
            let mut h = DefaultHasher::new();
            run.hash(&mut h);
            h.finish()
        })
        .collect()
}

/// The `.snap` files, the test fixtures and the bundled examples.
fn snapshot_files() -> Vec<PathBuf> {
    let crates = Path::new(env!("CARGO_MANIFEST_DIR")).join("..");
    let mut folders: Vec<(PathBuf, &str)> = vec![(crates.join("../examples"), "jsonl")];
    for krate in std::fs::read_dir(&crates).unwrap().flatten() {
        folders.push((krate.path().join("tests/snapshots"), "snap"));
        folders.push((krate.path().join("tests/fixtures"), "txt"));
    }
    let mut files = Vec::new();
    for (dir, ext) in folders {
        if let Ok(entries) = std::fs::read_dir(&dir) {
            files.extend(
                entries
                    .flatten()
                    .map(|e| e.path())
                    .filter(|p| p.extension().is_some_and(|e| e == ext)),
            );
        }
    }
    files.sort();
    files
}

/// Every text of the licensed data, with the name of its source.
fn licensed_texts(shared: &Path, each: &mut dyn FnMut(&'static str, &str)) {
    let read = |p: &Path| std::fs::read_to_string(p).unwrap_or_default();
    // CoNLL-2003: one token per line, sentences between blank lines.
    for file in ["data/ner/conll2003/eng.train", "data/ner/conll2003/eng.testa"] {
        let data = read(&shared.join(file));
        let tokens: Vec<&str> = data.lines().map(|l| l.split(' ').next().unwrap_or("")).collect();
        each("CoNLL-2003", &tokens.join(" "));
    }
    for file in ["train.jsonl", "dev.jsonl", "annotator-training.jsonl"] {
        for line in read(&shared.join("data/quotes/polnear").join(file)).lines() {
            let v: serde_json::Value = serde_json::from_str(line).unwrap_or_default();
            each("PolNeAR", v["text"].as_str().unwrap_or(""));
        }
    }
    for part in ["TimeBank", "AQUAINT"] {
        let dir = shared.join("data/dates/tempeval3/train").join(part);
        for entry in std::fs::read_dir(dir).into_iter().flatten().flatten() {
            let tml = read(&entry.path());
            let text: String = tml
                .split('<')
                .map(|piece| piece.split_once('>').map_or(piece, |(_, t)| t))
                .collect();
            each("TimeBank/AQUAINT", &text);
        }
    }
    for file in ["train.jsonl", "dev_rw.jsonl", "dev_mt.jsonl"] {
        for line in read(&shared.join("data/stance/newsmtsc").join(file)).lines() {
            let v: serde_json::Value = serde_json::from_str(line).unwrap_or_default();
            each("NewsMTSC", v["sentence_normalized"].as_str().unwrap_or(""));
        }
    }
    each("the seed article", &read(&shared.join("fixtures/seed/article.txt")));
    let mut gz = String::new();
    if let Ok(file) = std::fs::File::open(shared.join("data/corpus/allsides.jsonl.gz")) {
        let _ = flate2::read::MultiGzDecoder::new(file).read_to_string(&mut gz);
    }
    for line in gz.lines() {
        let v: serde_json::Value = serde_json::from_str(line).unwrap_or_default();
        each("the news corpus", v["text"].as_str().unwrap_or(""));
    }
}

#[test]
fn no_snapshot_fixture_or_example_holds_licensed_text() {
    let Some(shared) = shared_data::shared("data") else {
        return;
    };
    let shared = shared.parent().unwrap().to_path_buf();
    let mut owner: HashMap<u64, usize> = HashMap::new();
    let files = snapshot_files();
    assert!(files.len() > 10, "snapshots found: {}", files.len());
    for (i, file) in files.iter().enumerate() {
        for run in runs(&std::fs::read_to_string(file).unwrap()) {
            owner.insert(run, i);
        }
    }
    let mut found: HashMap<usize, HashSet<&'static str>> = HashMap::new();
    licensed_texts(&shared, &mut |source, text| {
        for run in runs(text) {
            if let Some(&i) = owner.get(&run) {
                found.entry(i).or_default().insert(source);
            }
        }
    });
    let mut report: Vec<String> = found
        .iter()
        .map(|(&i, sources)| {
            let mut sources: Vec<_> = sources.iter().copied().collect();
            sources.sort();
            format!(
                "{} ({})",
                files[i].file_name().unwrap().to_string_lossy(),
                sources.join(", ")
            )
        })
        .collect();
    report.sort();
    assert!(
        report.is_empty(),
        "{} files hold licensed text:\n{}",
        report.len(),
        report.join("\n")
    );
}
