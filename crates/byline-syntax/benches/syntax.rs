//! Throughput of the syntax extractor alone (words, tags, lemmas and trees of segmented
//! articles), in syntactic words per second, on the first 100 articles of
//! `../shared/data/corpus` when present, else the bundled `examples/sample.jsonl`.
//! Run with `cargo bench -p byline-syntax`.

use byline_core::{Document, Extractor};
use byline_syntax::Syntax;
use divan::counter::ItemsCount;
use divan::{Bencher, black_box};
use std::sync::LazyLock;

#[path = "../../../support/bench_articles.rs"]
mod bench_articles;

fn main() {
    divan::main();
}

static DOCUMENTS: LazyLock<Vec<Document>> =
    LazyLock::new(|| bench_articles::articles(100).into_iter().map(Document::new).collect());

/// Tagging, lemmatising and parsing every sentence.
#[divan::bench(sample_count = 10)]
fn syntax_extractor(bencher: Bencher) {
    let words: usize = DOCUMENTS
        .iter()
        .map(|d| {
            let mut d = d.clone();
            Syntax.extract(&mut d).unwrap();
            d.syntax.words.len()
        })
        .sum();
    bencher.counter(ItemsCount::new(words)).bench(|| {
        for d in DOCUMENTS.iter() {
            let mut d = d.clone();
            Syntax.extract(&mut d).unwrap();
            black_box(d.syntax.words.len());
        }
    });
}
