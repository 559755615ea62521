//! Articles for the extractor benchmarks, shared by the crates' `benches/` through
//! `#[path]`: the first `n` lines of `../shared/data/corpus/allsides.jsonl.gz` when it is
//! beside the repository, else the bundled `examples/sample.jsonl`.

use std::io::{BufRead, BufReader};
use std::path::{Path, PathBuf};

/// The repository root (every including crate sits at crates/<name>/).
fn workspace() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../..")
}

/// JSONL lines of the first `n` benchmark articles.
pub fn lines(n: usize) -> Vec<String> {
    let workspace = workspace();
    let corpus = workspace.join("../shared/data/corpus/allsides.jsonl.gz");
    if let Ok(file) = std::fs::File::open(corpus) {
        let reader = BufReader::new(flate2::read::GzDecoder::new(file));
        return reader
            .lines()
            .take(n)
            .map(|l| l.expect("corpus is valid gzip"))
            .collect();
    }
    std::fs::read_to_string(workspace.join("examples/sample.jsonl"))
        .expect("examples/sample.jsonl")
        .lines()
        .map(String::from)
        .collect()
}

/// The first `n` benchmark articles, parsed (each bench uses what it needs of this
/// module, hence the `allow`).
#[allow(dead_code)]
pub fn articles(n: usize) -> Vec<byline_core::Article> {
    lines(n)
        .iter()
        .enumerate()
        .map(|(i, l)| byline_core::input::parse_line(l.as_bytes(), &i.to_string()).expect("benchmark lines are valid"))
        .collect()
}

/// The first `n` benchmark articles as documents, each given to `prepare` (which runs the
/// extractors the benchmarked one needs).
#[allow(dead_code)]
pub fn documents(n: usize, prepare: impl Fn(&mut byline_core::Document)) -> Vec<byline_core::Document> {
    articles(n)
        .into_iter()
        .map(|a| {
            let mut doc = byline_core::Document::new(a);
            prepare(&mut doc);
            doc
        })
        .collect()
}
