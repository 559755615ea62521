//! `byline train stance`: trains the portrayal classifier (target sentiment) on NewsMTSC
//! JSONL and writes the model that `crates/byline-stance/model/` ships.

use byline_core::{Article, Document};
use byline_eval::stance::{GoldSentence, class_scores, read_gold};
use byline_stance::train::{BITS, Example, MAGIC, Options, PortrayalModel, target_features, train};
use clap::Args;
use std::path::{Path, PathBuf};
use std::time::Instant;

/// Options of `byline train stance`.
#[derive(Args, Debug)]
pub struct TrainStanceArgs {
    /// Training data (NewsMTSC JSONL).
    #[arg(long)]
    train: PathBuf,
    /// Development data (NewsMTSC JSONL), scored after every epoch.
    #[arg(long)]
    dev: Vec<PathBuf>,
    /// Folder to write `portrayal.bin` into.
    #[arg(short, long)]
    output: PathBuf,
    /// Passes over the training data.
    #[arg(long, default_value_t = Options::default().epochs)]
    epochs: usize,
    /// AdaGrad's base learning rate.
    #[arg(long, default_value_t = Options::default().rate)]
    rate: f32,
    /// L2 strength.
    #[arg(long, default_value_t = Options::default().l2)]
    l2: f32,
}

/// Documents with the gold class of each of their targets.
type Labelled = Vec<(Document, Vec<usize>)>;

/// Every target of `sentences` as a document (segmentation only: the features need no
/// other layer) with its target spans and gold classes.
fn documents(sentences: &[GoldSentence]) -> Labelled {
    sentences
        .iter()
        .filter_map(|s| {
            let spans: Vec<(usize, usize)> = s.targets.iter().map(|t| (t.from, t.to)).collect();
            let article = Article::new("s", s.text.as_str()).with_char_targets(&spans).ok()?;
            Some((Document::new(article), s.targets.iter().map(|t| t.label).collect()))
        })
        .collect()
}

fn examples(docs: &Labelled) -> Vec<Example> {
    let mut out = Vec::new();
    for (doc, labels) in docs {
        for (span, &class) in doc.targets.iter().zip(labels) {
            let mut features = Vec::new();
            target_features(doc, *span, BITS, &mut features);
            out.push(Example { features, class });
        }
    }
    out
}

/// Macro-F1 over the three classes of `model` on `docs`, and accuracy.
fn macro_f1(model: &PortrayalModel, docs: &Labelled) -> (f64, f64) {
    let mut confusion = [[0usize; 4]; 3];
    for (doc, labels) in docs {
        let mut portrayer = model.portrayer(doc);
        for (span, &gold) in doc.targets.iter().zip(labels) {
            let p = portrayer.probabilities(*span);
            let best = (0..3).fold(0, |b, k| if p[k] > p[b] { k } else { b });
            confusion[gold][best] += 1;
        }
    }
    let f1: f64 = class_scores(&confusion).iter().map(|c| c.2).sum::<f64>() / 3.0;
    let n: usize = confusion.iter().flatten().sum();
    let correct: usize = (0..3).map(|c| confusion[c][c]).sum();
    (100.0 * f1, 100.0 * correct as f64 / n.max(1) as f64)
}

fn read(path: &Path) -> Result<Labelled, String> {
    Ok(documents(&read_gold(path).map_err(|e| e.to_string())?))
}

/// Runs `byline train stance`.
pub fn run(args: TrainStanceArgs) -> Result<(), String> {
    let started = Instant::now();
    let train_docs = read(&args.train)?;
    let dev: Vec<(PathBuf, Labelled)> = args
        .dev
        .iter()
        .map(|p| Ok((p.clone(), read(p)?)))
        .collect::<Result<_, String>>()?;
    let examples = examples(&train_docs);
    eprintln!("{} training targets", examples.len());
    let options = Options {
        epochs: args.epochs,
        rate: args.rate,
        l2: args.l2,
        ..Options::default()
    };
    let model = train(&examples, BITS, options, |epoch, model| {
        let packed = PortrayalModel::new(model);
        let scores: Vec<String> = dev
            .iter()
            .map(|(path, docs)| {
                let (f1, acc) = macro_f1(&packed, docs);
                let name = path
                    .file_stem()
                    .map(|s| s.to_string_lossy().into_owned())
                    .unwrap_or_default();
                format!("{name} F1m {f1:.1} acc {acc:.1}")
            })
            .collect();
        eprintln!("epoch {:>2}: {}", epoch + 1, scores.join(", "));
    });
    std::fs::create_dir_all(&args.output).map_err(|e| format!("{}: {e}", args.output.display()))?;
    let path = args.output.join("portrayal.bin");
    std::fs::write(&path, model.to_bytes(MAGIC)).map_err(|e| format!("{}: {e}", path.display()))?;
    eprintln!("wrote {} in {:.1} s", path.display(), started.elapsed().as_secs_f64());
    Ok(())
}
