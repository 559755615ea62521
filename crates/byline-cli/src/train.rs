//! `byline train ner`: trains the entity tagger on CoNLL-2003 data and writes the model
//! that `crates/byline-entities/model/ner.bin` ships.

use byline_entities::tagger::labels::from_iob;
use byline_entities::tagger::model::Model;
use byline_entities::tagger::train::{TrainDoc, TrainOptions, evaluate, train};
use byline_eval::conll::{ConllDoc, read_conll};
use clap::Args;
use std::path::PathBuf;
use std::time::Instant;

/// Options of `byline train ner`.
#[derive(Args, Debug)]
pub struct TrainNerArgs {
    /// Training data (CoNLL, IOB1 or IOB2).
    #[arg(long)]
    train: PathBuf,
    /// Development data; the epoch with the best dev F1 is kept.
    #[arg(long)]
    dev: Option<PathBuf>,
    /// Where to write the model.
    #[arg(short, long)]
    output: PathBuf,
    /// Passes over the training data.
    #[arg(long, default_value_t = 10)]
    epochs: usize,
    /// Feature buckets are 2^bits.
    #[arg(long, default_value_t = 18)]
    bits: u32,
}

fn to_train_docs(docs: Vec<ConllDoc>) -> Result<Vec<TrainDoc>, String> {
    docs.into_iter()
        .map(|d| {
            let mut sentences = Vec::new();
            let mut tags = Vec::new();
            for s in d.sentences {
                let t: Vec<&str> = s.iter().map(|t| t.tag.as_str()).collect();
                tags.push(from_iob(&t)?);
                sentences.push(s.into_iter().map(|t| t.word).collect());
            }
            Ok(TrainDoc { sentences, tags })
        })
        .collect()
}

/// Runs `byline train ner`.
pub fn run(args: TrainNerArgs) -> Result<(), String> {
    let started = Instant::now();
    let train_docs = to_train_docs(read_conll(&args.train).map_err(|e| e.to_string())?)?;
    let dev_docs = match &args.dev {
        Some(p) => to_train_docs(read_conll(p).map_err(|e| e.to_string())?)?,
        None => Vec::new(),
    };
    let options = TrainOptions {
        bits: args.bits,
        epochs: args.epochs,
        ..TrainOptions::default()
    };
    let model = train(&train_docs, &dev_docs, &options, &mut |line| eprintln!("{line}"));
    let bytes = model.to_bytes();
    std::fs::write(&args.output, &bytes).map_err(|e| format!("{}: {e}", args.output.display()))?;
    if !dev_docs.is_empty() {
        let saved = Model::from_bytes(&bytes)?;
        eprintln!(
            "dev F1 of the saved (quantised) model, on gold tokens: {:.2}",
            evaluate(&saved, &dev_docs)
        );
    }
    eprintln!(
        "wrote {} ({:.1} MB) in {:.1} s",
        args.output.display(),
        bytes.len() as f64 / 1e6,
        started.elapsed().as_secs_f64()
    );
    Ok(())
}
