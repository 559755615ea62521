//! `byline train quotes`: trains the attribution labeller on PolNeAR JSONL and writes the
//! model and cue lexicon that `crates/byline-quotes/model/` ships.

use byline_core::{Article, CharIndex, Span};
use byline_learn::TrainOptions;
use byline_quotes::train::{GoldAttribution, TrainArticle, derive_lexicon, train};
use byline_quotes::{AttributionModel, MODEL_MAGIC};
use clap::Args;
use serde_json::Value;
use std::path::{Path, PathBuf};
use std::time::Instant;

/// Options of `byline train quotes`.
#[derive(Args, Debug)]
pub struct TrainQuotesArgs {
    /// Training data (PolNeAR JSONL).
    #[arg(long)]
    train: PathBuf,
    /// Development data; the epoch with the best dev role-segment F1 is kept.
    #[arg(long)]
    dev: Option<PathBuf>,
    /// Folder to write `attribution.bin` and `cue_words.tsv` into.
    #[arg(short, long)]
    output: PathBuf,
    /// Passes over the training data.
    #[arg(long, default_value_t = 20)]
    epochs: usize,
    /// Feature buckets are 2^bits.
    #[arg(long, default_value_t = 16)]
    bits: u32,
}

/// Byte spans of a PolNeAR span object (`spans` fragments, else `start`/`end`).
fn spans_of(v: Option<&Value>, text: &str, index: &CharIndex) -> Vec<Span> {
    let Some(v) = v.filter(|v| v.is_object()) else {
        return Vec::new();
    };
    let pairs: Vec<(u64, u64)> = match v.get("spans").and_then(Value::as_array) {
        Some(s) if !s.is_empty() => s
            .iter()
            .filter_map(|p| Some((p.get(0)?.as_u64()?, p.get(1)?.as_u64()?)))
            .collect(),
        _ => v
            .get("start")
            .and_then(Value::as_u64)
            .zip(v.get("end").and_then(Value::as_u64))
            .into_iter()
            .collect(),
    };
    pairs
        .into_iter()
        .filter_map(|(s, e)| {
            let s = index.byte_offset(text, s as usize)?;
            let e = index.byte_offset(text, e as usize)?;
            (s < e).then(|| Span::new(s, e))
        })
        .collect()
}

/// Reads PolNeAR JSONL and analyses every article with the entities extractor.
fn read_articles(path: &Path) -> Result<Vec<TrainArticle>, String> {
    let raw = std::fs::read_to_string(path).map_err(|e| format!("cannot read {}: {e}", path.display()))?;
    let pipeline = byline::pipeline_from_names(&["entities"]).map_err(|e| e.to_string())?;
    let mut articles = Vec::new();
    let mut golds = Vec::new();
    for (n, line) in raw.lines().enumerate().filter(|(_, l)| !l.trim().is_empty()) {
        let doc: Value = serde_json::from_str(line).map_err(|e| format!("{}:{}: {e}", path.display(), n + 1))?;
        let text = doc
            .get("text")
            .and_then(Value::as_str)
            .ok_or_else(|| format!("{}:{}: no text", path.display(), n + 1))?;
        let index = CharIndex::new(text);
        let gold: Vec<GoldAttribution> = doc
            .get("quotes")
            .and_then(Value::as_array)
            .map(|qs| {
                qs.iter()
                    .map(|q| GoldAttribution {
                        content: spans_of(Some(q), text, &index),
                        source: spans_of(q.get("speaker"), text, &index),
                        cue: spans_of(q.get("cue"), text, &index),
                    })
                    .collect()
            })
            .unwrap_or_default();
        let id = doc.get("id").and_then(Value::as_str).unwrap_or_default();
        articles.push(Article::new(id, text));
        golds.push(gold);
    }
    pipeline
        .process_batch(articles)
        .into_iter()
        .zip(golds)
        .map(|(doc, gold)| {
            let doc = doc.map_err(|e| format!("article {} failed: {}", e.id, e.message))?;
            Ok(TrainArticle { doc, gold })
        })
        .collect()
}

/// Runs `byline train quotes`.
pub fn run(args: TrainQuotesArgs) -> Result<(), String> {
    let started = Instant::now();
    let train_articles = read_articles(&args.train)?;
    let dev_articles = match &args.dev {
        Some(p) => read_articles(p)?,
        None => Vec::new(),
    };
    let lexicon = derive_lexicon(&train_articles);
    eprintln!(
        "{} training and {} dev articles read and analysed in {:.1} s; cue lexicon: {} words",
        train_articles.len(),
        dev_articles.len(),
        started.elapsed().as_secs_f64(),
        lexicon.len()
    );
    let options = TrainOptions {
        bits: args.bits,
        epochs: args.epochs,
        ..TrainOptions::default()
    };
    let model: AttributionModel = train(&train_articles, &dev_articles, &lexicon, &options, &mut |line| {
        eprintln!("{line}")
    });
    std::fs::create_dir_all(&args.output).map_err(|e| format!("cannot create {}: {e}", args.output.display()))?;
    let write = |name: &str, bytes: &[u8]| {
        let path = args.output.join(name);
        std::fs::write(&path, bytes).map_err(|e| format!("cannot write {}: {e}", path.display()))
    };
    let bytes = model.to_bytes(MODEL_MAGIC);
    write("attribution.bin", &bytes)?;
    write("cue_words.tsv", lexicon.to_tsv().as_bytes())?;
    eprintln!(
        "wrote {} ({} bytes) and cue_words.tsv in {:.1} s",
        args.output.join("attribution.bin").display(),
        bytes.len(),
        started.elapsed().as_secs_f64()
    );
    Ok(())
}
