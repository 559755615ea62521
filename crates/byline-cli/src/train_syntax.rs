//! `byline train syntax`: trains the tagger, lemmatiser and parser on UD treebanks and
//! writes the model files that `crates/byline-syntax/model/` ships.

use byline_syntax::train::{GoldDoc, Options, commercial_use_allowed, evaluate_on_gold_words, read_gold, train};
use clap::Args;
use std::path::PathBuf;
use std::time::Instant;

/// Options of `byline train syntax`.
#[derive(Args, Debug)]
pub struct TrainSyntaxArgs {
    /// Training treebanks: CoNLL-U files or folders of them (GUM documents of
    /// non-commercial genres are left out unless --all-genres).
    #[arg(long, required = true)]
    train: Vec<PathBuf>,
    /// Also train on GUM's non-commercial genres (for experiments; never for shipped
    /// weights).
    #[arg(long)]
    all_genres: bool,
    /// Hold every Nth training document out and report gold-word accuracy on them
    /// (model selection without the dev set); the written model is then trained on the
    /// rest only.
    #[arg(long)]
    holdout: Option<usize>,
    /// Folder to write tagger.bin, classes.tsv, lemmas.tsv and parser.bin into.
    #[arg(short, long)]
    output: Option<PathBuf>,
    /// Tagger passes.
    #[arg(long, default_value_t = Options::default().tagger_epochs)]
    tagger_epochs: usize,
    /// Parser passes.
    #[arg(long, default_value_t = Options::default().parser_epochs)]
    parser_epochs: usize,
    /// Exploration probability of the parser's training.
    #[arg(long, default_value_t = Options::default().explore)]
    explore: f64,
    /// Jackknife folds for the parser's training tags (1: gold tags).
    #[arg(long, default_value_t = Options::default().folds)]
    folds: usize,
    /// Drop averaged weights smaller than this from the written models.
    #[arg(long, default_value_t = Options::default().min_weight)]
    min_weight: f32,
}

/// Runs `byline train syntax`.
pub fn run(args: TrainSyntaxArgs) -> Result<(), String> {
    let mut docs: Vec<GoldDoc> = Vec::new();
    for path in &args.train {
        docs.extend(read_gold(path)?);
    }
    let before = docs.len();
    if !args.all_genres {
        docs.retain(|d| commercial_use_allowed(&d.name));
    }
    let allowed = docs.len();
    let (held, used): (Vec<_>, Vec<_>) = docs
        .into_iter()
        .enumerate()
        .partition(|(i, _)| args.holdout.is_some_and(|k| k > 0 && i % k == k - 1));
    let sentences: Vec<_> = used.into_iter().flat_map(|(_, d)| d.sentences).collect();
    let words: usize = sentences.iter().map(|s| s.words.len()).sum();
    eprintln!(
        "byline train syntax: {allowed} of {before} documents ({} held out), {} sentences, {words} words",
        held.len(),
        sentences.len()
    );
    let options = Options {
        tagger_epochs: args.tagger_epochs,
        parser_epochs: args.parser_epochs,
        explore: args.explore,
        folds: args.folds,
        min_weight: args.min_weight,
        ..Options::default()
    };
    let started = Instant::now();
    let files = train(&sentences, &options);
    eprintln!(
        "byline train syntax: trained in {:.1} s",
        started.elapsed().as_secs_f64()
    );
    if !held.is_empty() {
        let model = files.model()?;
        let held: Vec<_> = held.into_iter().flat_map(|(_, d)| d.sentences).collect();
        let ([upos, xpos, lemma, uas, las], n) = evaluate_on_gold_words(&model, &held);
        println!(
            "held out ({n} gold words): UPOS {upos:.2}  XPOS {xpos:.2}  lemma {lemma:.2}  UAS {uas:.2}  LAS {las:.2}"
        );
    }
    if let Some(dir) = &args.output {
        std::fs::create_dir_all(dir).map_err(|e| format!("{}: {e}", dir.display()))?;
        let write = |name: &str, bytes: &[u8]| {
            std::fs::write(dir.join(name), bytes).map_err(|e| format!("{}: {e}", dir.join(name).display()))
        };
        write("tagger.bin", &files.tagger)?;
        write("classes.tsv", files.classes.as_bytes())?;
        write("lemmas.tsv", files.lemmas.as_bytes())?;
        write("parser.bin", &files.parser)?;
        eprintln!(
            "byline train syntax: wrote {} (tagger {} kB, parser {} kB, lemmas {} kB)",
            dir.display(),
            files.tagger.len() / 1000,
            files.parser.len() / 1000,
            files.lemmas.len() / 1000
        );
    }
    Ok(())
}
