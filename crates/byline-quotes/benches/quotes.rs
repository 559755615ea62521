//! Throughput of the quotes extractor alone, in bytes of article text per second, on
//! articles whose entities are already found (the first 500 articles of
//! `../shared/data/corpus` when present, else the bundled `examples/sample.jsonl`).
//! Run with `cargo bench -p byline-quotes`.

use byline_core::{Document, Extractor};
use byline_entities::Entities;
use divan::counter::BytesCount;
use divan::{Bencher, black_box};
use std::sync::LazyLock;

#[path = "../../../support/bench_articles.rs"]
mod bench_articles;

fn main() {
    divan::main();
}

static DOCS: LazyLock<Vec<Document>> = LazyLock::new(|| {
    bench_articles::documents(500, |doc| {
        Entities.extract(doc).expect("entities run on benchmark articles");
    })
});

/// Quote marks, labeller, assembly, patterns and speaker resolution.
#[divan::bench]
fn quotes_extractor(bencher: Bencher) {
    let bytes: usize = DOCS.iter().map(|d| d.text.len()).sum();
    let (model, lexicon) = byline_quotes::shipped();
    bencher.counter(BytesCount::new(bytes)).bench(|| {
        for doc in DOCS.iter() {
            black_box(byline_quotes::find_quotes(
                doc,
                model,
                lexicon,
                byline_quotes::shipped_scorer(false),
                &byline_quotes::QuoteScorer::default(),
            ));
        }
    });
}
