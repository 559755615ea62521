//! Linear time on pathological input: the full pipeline on each article of
//! `support/pathological.rs` at 1 MB and at 2 MB. Twice the input should take about
//! twice the time (a quadratic path would take four times). `cargo bench -p byline
//! --bench pathological`.

#[path = "../../../support/pathological.rs"]
mod pathological;

use byline::{Article, Pipeline};
use divan::counter::BytesCount;
use divan::{Bencher, black_box};
use std::sync::LazyLock;

fn main() {
    divan::main();
}

static PIPELINE: LazyLock<Pipeline> = LazyLock::new(byline::default_pipeline);

fn run(bencher: Bencher, name: &str, megabytes: usize) {
    let text = pathological::articles(megabytes)
        .into_iter()
        .find(|(n, _)| *n == name)
        .expect("a known article")
        .1;
    bencher
        .counter(BytesCount::new(text.len()))
        .with_inputs(|| Article::new(name, text.as_str()))
        .bench_values(|article| black_box(PIPELINE.process(article).expect("no failure")));
}

#[divan::bench(args = pathological::NAMES, sample_count = 3, sample_size = 1)]
fn one_megabyte(bencher: Bencher, name: &str) {
    run(bencher, name, 1);
}

#[divan::bench(args = pathological::NAMES, sample_count = 3, sample_size = 1)]
fn two_megabytes(bencher: Bencher, name: &str) {
    run(bencher, name, 2);
}
