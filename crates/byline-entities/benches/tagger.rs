//! Throughput of entity tagging in tokens per second, on already segmented articles
//! (the first 300 articles of `../shared/data/corpus` when present, else the bundled
//! `examples/sample.jsonl`). Run with `cargo bench -p byline-entities`.

use byline_core::Document;
use byline_core::Extractor;
use byline_entities::find_mentions;
use byline_entities::train::tagger_tokens;
use byline_entities::{Entities, shipped_model};
use divan::counter::ItemsCount;
use divan::{Bencher, black_box};
use std::sync::LazyLock;

#[path = "../../../support/bench_articles.rs"]
mod bench_articles;

fn main() {
    divan::main();
}

static DOCS: LazyLock<Vec<Document>> = LazyLock::new(|| bench_articles::documents(300, |_| {}));

fn tokens() -> usize {
    DOCS.iter()
        .map(|d| (0..d.sentences.len()).map(|s| tagger_tokens(d, s).len()).sum::<usize>())
        .sum()
}

/// The tagger: token view, features, Viterbi.
#[divan::bench]
fn tag_mentions(bencher: Bencher) {
    let model = shipped_model();
    bencher.counter(ItemsCount::new(tokens())).bench(|| {
        for doc in DOCS.iter() {
            black_box(find_mentions(doc, model));
        }
    });
}

/// The whole extractor: mentions, roles and clusters.
#[divan::bench]
fn mentions_and_clusters(bencher: Bencher) {
    bencher.counter(ItemsCount::new(tokens())).bench(|| {
        for doc in DOCS.iter() {
            let mut d = doc.clone();
            Entities.extract(&mut d).expect("no extraction error");
            black_box(d.clusters.len());
        }
    });
}
