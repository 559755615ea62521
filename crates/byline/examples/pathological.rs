//! Runs the full pipeline once on the first KB kilobytes of one pathological article
//! (`support/pathological.rs`; at most 2 MB, or more with a third argument MB) and
//! prints each stage's time on stderr, for instruction counts under valgrind: `bash
//! scripts/linearity.sh` compares 1 MB with 2 MB for every article (a linear path
//! doubles its count; wall-clock times on shared machines are too noisy for this).
//!
//! `BYLINE_EXTRACTORS=syntax` (comma-separated names) runs those extractors instead of the
//! default pipeline (`bash scripts/linearity.sh syntax`).
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
    let megabytes = args.get(3).and_then(|m| m.parse().ok()).unwrap_or(2);
    let Some((_, mut text)) = pathological::articles(megabytes).into_iter().find(|(n, _)| n == name) else {
        eprintln!("unknown article {name:?}; known: {}", pathological::NAMES.join(", "));
        std::process::exit(2);
    };
    let mut cut = (kb * 1000).min(text.len());
    while !text.is_char_boundary(cut) {
        cut -= 1;
    }
    text.truncate(cut);
    let mut stages = Vec::new();
    let pipeline = match std::env::var("BYLINE_EXTRACTORS") {
        Ok(names) => {
            let names: Vec<&str> = names.split(',').collect();
            byline::pipeline_from_names(&names).unwrap_or_else(|e| {
                eprintln!("BYLINE_EXTRACTORS: {e}");
                std::process::exit(2);
            })
        }
        Err(_) => byline::default_pipeline(),
    };
    let doc = pipeline
        .process_timed(byline::Article::new("x", text), &mut |stage, took| {
            stages.push((stage, took))
        })
        .expect("no failure");
    for (stage, took) in stages {
        eprintln!("{stage:>12} {:8.3} s", took.as_secs_f64());
    }
    println!(
        "{} entities, {} quotes, {} dates, {} words",
        doc.entities.len(),
        doc.quotes.len(),
        doc.dates.len(),
        doc.syntax.words.len()
    );
}
