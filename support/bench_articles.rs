//! Articles for the extractor benchmarks, shared by the crates' `benches/` through
//! `#[path]`: the first `n` lines of `../shared/data/corpus/allsides.jsonl.gz` when it is
//! beside the repository, else the bundled `examples/sample.jsonl`.

use std::io::{BufRead, BufReader};
use std::path::Path;

/// JSONL lines of benchmark articles; `workspace` is the repository root.
pub fn lines(workspace: &Path, n: usize) -> Vec<String> {
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
