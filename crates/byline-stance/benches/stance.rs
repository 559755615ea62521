//! Throughput of the stance extractor alone (predicates, conduct and quote stances, and
//! the portrayal of every PER/ORG mention), in bytes of article text per second, on
//! articles whose entities and quotes are already found (the first 500 articles of
//! `../shared/data/corpus` when present, else the bundled `examples/sample.jsonl`).
//! Run with `cargo bench -p byline-stance`.

use byline_core::{Document, Extractor};
use byline_entities::Entities;
use byline_quotes::Quotes;
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
        Quotes::default()
            .extract(doc)
            .expect("quotes run on benchmark articles");
    })
});

/// Stances and target sentiment.
#[divan::bench]
fn stance_extractor(bencher: Bencher) {
    let bytes: usize = DOCS.iter().map(|d| d.text.len()).sum();
    bencher.counter(BytesCount::new(bytes)).bench(|| {
        for doc in DOCS.iter() {
            let portrayals = byline_stance::portrayals(doc);
            black_box(byline_stance::find_stances(doc, &portrayals));
        }
    });
}

/// Stances alone (predicates, conduct verbs; the portrayals they read are not computed).
#[divan::bench]
fn stances_alone(bencher: Bencher) {
    let bytes: usize = DOCS.iter().map(|d| d.text.len()).sum();
    bencher.counter(BytesCount::new(bytes)).bench(|| {
        for doc in DOCS.iter() {
            black_box(byline_stance::find_stances(doc, &doc.target_sentiment));
        }
    });
}

/// Target sentiment alone (the portrayal of every PER/ORG mention).
#[divan::bench]
fn portrayals_alone(bencher: Bencher) {
    let bytes: usize = DOCS.iter().map(|d| d.text.len()).sum();
    bencher.counter(BytesCount::new(bytes)).bench(|| {
        for doc in DOCS.iter() {
            black_box(byline_stance::portrayals(doc));
        }
    });
}
