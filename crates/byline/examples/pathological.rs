//! Runs the full pipeline once on the first KB kilobytes of one pathological article
//! (`support/pathological.rs`), for instruction counts under valgrind: `bash
//! scripts/linearity.sh` compares 1 MB with 2 MB for every article (a linear path
//! doubles its count; wall-clock times on shared machines are too noisy for this).
//!
//! `cargo run --release -p byline --example pathological -- "only punctuation" 1000`

#[path = "../../../support/pathological.rs"]
mod pathological;

fn main() {
    let args: Vec<String> = std::env::args().collect();
    let (Some(name), Some(Ok(kb))) = (args.get(1), args.get(2).map(|k| k.parse::<usize>())) else {
        eprintln!("usage: pathological NAME KB");
        std::process::exit(2);
    };
    let Some((_, mut text)) = pathological::articles(2).into_iter().find(|(n, _)| n == name) else {
        eprintln!("unknown article {name:?}; known: {}", pathological::NAMES.join(", "));
        std::process::exit(2);
    };
    let mut cut = (kb * 1000).min(text.len());
    while !text.is_char_boundary(cut) {
        cut -= 1;
    }
    text.truncate(cut);
    let doc = byline::default_pipeline()
        .process(byline::Article::new("x", text))
        .expect("no failure");
    println!(
        "{} entities, {} quotes, {} dates",
        doc.entities.len(),
        doc.quotes.len(),
        doc.dates.len()
    );
}
