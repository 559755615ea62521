//! Throughput of the dates extractor alone (`find_dates` on article text with its
//! publication date), in bytes of text per second, on the first 500 articles of
//! `../shared/data/corpus` when present, else the bundled `examples/sample.jsonl`.
//! Run with `cargo bench -p byline-dates`.

use byline_core::Article;
use divan::counter::BytesCount;
use divan::{Bencher, black_box};
use std::sync::LazyLock;

#[path = "../../../support/bench_articles.rs"]
mod bench_articles;

fn main() {
    divan::main();
}

static ARTICLES: LazyLock<Vec<Article>> = LazyLock::new(|| bench_articles::articles(500));

/// Every recogniser, overlap resolution and normalisation.
#[divan::bench]
fn dates_extractor(bencher: Bencher) {
    let bytes: usize = ARTICLES.iter().map(|a| a.text.len()).sum();
    bencher.counter(BytesCount::new(bytes)).bench(|| {
        for a in ARTICLES.iter() {
            black_box(byline_dates::find_dates(&a.text, a.published));
        }
    });
}
