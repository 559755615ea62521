//! `byline train ner`: trains the entity tagger on CoNLL-2003 data and writes the model
//! that `crates/byline-entities/model/ner.bin` ships; `byline train clusters` derives the
//! word-cluster table (`crates/byline-learn/data/clusters.tsv`) from unlabelled news.

use byline_core::{Article, Document};
use byline_entities::train::{MODEL_MAGIC, NerModel, TrainDoc, evaluate, from_iob, tagger_tokens, train};
use byline_eval::conll::{ConllDoc, read_conll};
use byline_learn::TrainOptions;
use byline_learn::clusters::{ClusterOptions, CorpusCounter, WordClusters, derive};
use clap::Args;
use rayon::prelude::*;
use std::io::BufRead;
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
    let bytes = model.to_bytes(MODEL_MAGIC);
    std::fs::write(&args.output, &bytes).map_err(|e| format!("{}: {e}", args.output.display()))?;
    if !dev_docs.is_empty() {
        let saved = NerModel::from_bytes(&bytes, MODEL_MAGIC)?;
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

/// Options of `byline train clusters`.
#[derive(Args, Debug)]
pub struct TrainClustersArgs {
    /// Unlabelled articles, JSONL or JSONL.gz with a "text" field.
    #[arg(required = true)]
    corpus: Vec<PathBuf>,
    /// Where to write the table (word, fine, mid and coarse cluster ids).
    #[arg(short, long)]
    output: PathBuf,
    /// Words seen fewer times are left out.
    #[arg(long, default_value_t = ClusterOptions::default().min_count)]
    min_count: u32,
    /// At most this many words (the most frequent) are clustered.
    #[arg(long, default_value_t = ClusterOptions::default().max_words)]
    max_words: usize,
}

/// Runs `byline train clusters`: tokenises the corpus as the tagger does, then clusters.
pub fn run_clusters(args: TrainClustersArgs) -> Result<(), String> {
    let started = Instant::now();
    let mut counter = CorpusCounter::default();
    let mut articles = 0usize;
    for path in &args.corpus {
        let reader = crate::input::open(path).map_err(|e| format!("{}: {e}", path.display()))?;
        let mut batch = Vec::new();
        let flush = |batch: &mut Vec<String>, counter: &mut CorpusCounter| {
            let sentences: Vec<Vec<Vec<String>>> = batch.par_drain(..).map(tagger_sentences).collect();
            for s in sentences.iter().flatten() {
                counter.add_sentence(s);
            }
        };
        for line in reader.lines() {
            let line = line.map_err(|e| format!("{}: {e}", path.display()))?;
            if byline_core::input::is_blank(line.as_bytes()) {
                continue;
            }
            let Ok(article) = byline_core::input::parse_line(line.as_bytes(), "") else {
                continue;
            };
            batch.push(article.text);
            articles += 1;
            if batch.len() == 1000 {
                flush(&mut batch, &mut counter);
            }
        }
        flush(&mut batch, &mut counter);
    }
    eprintln!(
        "read {articles} articles, {} tokens in {:.1} s",
        counter.tokens(),
        started.elapsed().as_secs_f64()
    );
    let options = ClusterOptions {
        min_count: args.min_count,
        max_words: args.max_words,
        ..ClusterOptions::default()
    };
    let entries = derive(&counter, &options);
    let tsv = WordClusters::to_tsv(&entries);
    std::fs::write(&args.output, &tsv).map_err(|e| format!("{}: {e}", args.output.display()))?;
    eprintln!(
        "wrote {} ({} words, {:.1} MB) in {:.1} s",
        args.output.display(),
        entries.len(),
        tsv.len() as f64 / 1e6,
        started.elapsed().as_secs_f64()
    );
    Ok(())
}

/// The tagger's token view of every sentence of a text.
fn tagger_sentences(text: String) -> Vec<Vec<String>> {
    let doc = Document::new(Article::new("", text));
    (0..doc.sentences.len())
        .map(|s| {
            tagger_tokens(&doc, s)
                .into_iter()
                .map(|span| doc.span_text(span).to_string())
                .collect()
        })
        .collect()
}
