//! The segmentation hot path, in bytes of article text per second, on the first 500
//! articles of `../shared/data/corpus` when present (else the bundled sample): the whole
//! segmentation, and UAX #29 sentence boundaries computed in windows
//! (`sentence_bounds`) against the full rules run over every character.
//! Run with `cargo bench -p byline-core`.

use byline_core::Article;
use byline_core::segment::{paragraph_spans, segment};
use byline_core::sentence_bounds::sentence_pieces;
use divan::counter::BytesCount;
use divan::{Bencher, black_box};
use std::sync::LazyLock;
use unicode_segmentation::UnicodeSegmentation;

#[path = "../../../support/bench_articles.rs"]
mod bench_articles;

fn main() {
    divan::main();
}

static ARTICLES: LazyLock<Vec<Article>> = LazyLock::new(|| bench_articles::articles(500));

/// The paragraphs of every article (what sentence splitting runs on).
static PARAGRAPHS: LazyLock<Vec<String>> = LazyLock::new(|| {
    ARTICLES
        .iter()
        .flat_map(|a| {
            paragraph_spans(&a.text)
                .into_iter()
                .map(|p| p.slice(&a.text).to_owned())
        })
        .collect()
});

fn bytes() -> BytesCount {
    BytesCount::new(ARTICLES.iter().map(|a| a.text.len()).sum::<usize>())
}

/// Paragraphs, sentences (with the abbreviation layer) and tokens.
#[divan::bench]
fn whole_segmentation(bencher: Bencher) {
    bencher.counter(bytes()).bench(|| {
        for a in ARTICLES.iter() {
            black_box(segment(&a.text));
        }
    });
}

/// Sentence boundaries, rules run only in windows around candidates.
#[divan::bench]
fn sentence_boundaries_windowed(bencher: Bencher) {
    bencher.counter(bytes()).bench(|| {
        for p in PARAGRAPHS.iter() {
            black_box(sentence_pieces(p).count());
        }
    });
}

/// Sentence boundaries, rules run over every character (what the windows replace).
#[divan::bench]
fn sentence_boundaries_full_rules(bencher: Bencher) {
    bencher.counter(bytes()).bench(|| {
        for p in PARAGRAPHS.iter() {
            black_box(p.split_sentence_bound_indices().count());
        }
    });
}
