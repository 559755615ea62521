//! Throughput of the full pipeline and of each extractor on the bundled sample articles
//! (`examples/sample.jsonl`). Run with `cargo bench -p byline`. The whole-corpus figure
//! comes from `byline extract` on `../shared/data/corpus/allsides.jsonl.gz`.

use byline::{Article, Pipeline};
use divan::counter::BytesCount;
use divan::{Bencher, black_box};
use std::sync::LazyLock;

fn main() {
    divan::main();
}

static ARTICLES: LazyLock<Vec<Article>> = LazyLock::new(|| {
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/../../examples/sample.jsonl");
    std::fs::read_to_string(path)
        .expect("examples/sample.jsonl")
        .lines()
        .enumerate()
        .map(|(i, line)| byline::input::parse_line(line.as_bytes(), &i.to_string()).expect("sample lines are valid"))
        .collect()
});

fn total_bytes() -> usize {
    ARTICLES.iter().map(|a| a.text.len()).sum()
}

fn run(bencher: Bencher, pipeline: Pipeline) {
    bencher.counter(BytesCount::new(total_bytes())).bench(|| {
        for article in ARTICLES.iter() {
            black_box(pipeline.process(article.clone()).expect("sample articles succeed"));
        }
    });
}

fn named(names: &[&str]) -> Pipeline {
    byline::pipeline_from_names(names).expect("built-in extractors")
}

#[divan::bench]
fn segmentation_only(bencher: Bencher) {
    run(bencher, named(&[]));
}

#[divan::bench]
fn entities(bencher: Bencher) {
    run(bencher, named(&["entities"]));
}

#[divan::bench]
fn entities_and_quotes(bencher: Bencher) {
    run(bencher, named(&["entities", "quotes"]));
}

#[divan::bench]
fn dates(bencher: Bencher) {
    run(bencher, named(&["dates"]));
}

#[divan::bench]
fn full_pipeline(bencher: Bencher) {
    run(bencher, byline::default_pipeline());
}

#[divan::bench]
fn json_output(bencher: Bencher) {
    let pipeline = byline::default_pipeline();
    let docs: Vec<_> = ARTICLES.iter().map(|a| pipeline.process(a.clone()).unwrap()).collect();
    bencher.counter(BytesCount::new(total_bytes())).bench(|| {
        for doc in &docs {
            black_box(doc.to_json());
        }
    });
}
