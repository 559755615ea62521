//! `byline train stance`: trains the portrayal classifier (target sentiment) on NewsMTSC
//! JSONL and writes the model that `crates/byline-stance/model/` ships.

use byline_core::{Article, Document};
use byline_eval::stance::{GoldSentence, class_scores, read_gold};
use byline_stance::train::{BITS, Example, FeatureReader, MAGIC, Options, PortrayalModel, train};
use clap::Args;
use std::path::{Path, PathBuf};
use std::time::Instant;

/// Options of `byline train stance`.
#[derive(Args, Debug)]
pub struct TrainStanceArgs {
    /// Training data (NewsMTSC JSONL).
    #[arg(long)]
    train: PathBuf,
    /// Development data (NewsMTSC JSONL), scored once with the final model.
    #[arg(long)]
    dev: Vec<PathBuf>,
    /// Folder to write `portrayal.bin` (`portrayal_parsed.bin` with `--syntax`) into.
    #[arg(short, long)]
    output: PathBuf,
    /// Passes over the training data (with `--folds`, the most tried: every epoch up to
    /// it is scored).
    #[arg(long, default_value_t = Options::default().epochs)]
    epochs: usize,
    /// AdaGrad's base learning rate (comma-separated values are cross-validated).
    #[arg(long, value_delimiter = ',', default_values_t = [Options::default().rate])]
    rate: Vec<f32>,
    /// L2 strength (comma-separated values are cross-validated).
    #[arg(long, value_delimiter = ',', default_values_t = [Options::default().l2])]
    l2: Vec<f32>,
    /// Choose epochs, rate and L2 by K-fold cross-validation on the training data
    /// (sentences of one article share a fold), then train on all of it with the best.
    #[arg(long, default_value_t = 0)]
    folds: usize,
    /// Divide the trained weights by this (softmax temperature; > 1 makes the scores less
    /// confident). With `--folds` it is fitted instead, to the held-out folds' scores.
    #[arg(long, default_value_t = 1.0)]
    temperature: f32,
    /// Parse every sentence and add features read from the tree (the model used when a
    /// document has a syntax layer).
    #[arg(long)]
    syntax: bool,
}

/// Documents with the gold class of each of their targets, and the article each
/// sentence comes from (its fold key).
type Labelled = Vec<(Document, Vec<usize>, String)>;

/// The article of a NewsMTSC target id ("allsides_1000_401_25_Name_0_6" → "allsides_1000_401").
fn article_of(id: &str) -> String {
    id.split('_').take(3).collect::<Vec<_>>().join("_")
}

/// Every target of `sentences` as a document with its target spans and gold classes:
/// segmented only, or parsed too when `syntax` (the same pipeline `byline eval stance
/// --syntax` runs before the stance extractor).
fn documents(sentences: &[GoldSentence], syntax: bool) -> Result<Labelled, String> {
    let names: &[&str] = if syntax { &["syntax"] } else { &[] };
    let pipeline = byline::pipeline_from_names(names).map_err(|e| e.to_string())?;
    let mut articles = Vec::new();
    let mut labels = Vec::new();
    for s in sentences {
        let spans: Vec<(usize, usize)> = s.targets.iter().map(|t| (t.from, t.to)).collect();
        // Targets whose offsets do not fit the sentence are left out, as the scorer
        // counts them for no system.
        let Ok(article) = Article::new("s", s.text.as_str()).with_char_targets(&spans) else {
            continue;
        };
        articles.push(article);
        let key = s.targets.first().map(|t| article_of(&t.id)).unwrap_or_default();
        labels.push((s.targets.iter().map(|t| t.label).collect::<Vec<_>>(), key));
    }
    pipeline
        .process_batch(articles)
        .into_iter()
        .zip(labels)
        .map(|(doc, (classes, key))| {
            let doc = doc.map_err(|e| format!("sentence {} failed: {}", e.id, e.message))?;
            Ok((doc, classes, key))
        })
        .collect()
}

fn examples(docs: &[&(Document, Vec<usize>, String)], parsed: bool) -> Vec<Example> {
    let mut out = Vec::new();
    for (doc, labels, _) in docs {
        let mut reader = FeatureReader::new(doc, parsed);
        for (span, &class) in doc.targets.iter().zip(labels) {
            let features = reader.features(*span, BITS).to_vec();
            out.push(Example { features, class });
        }
    }
    out
}

/// The confusion matrix of `model` on `docs` (gold × predicted).
fn confusion(model: &PortrayalModel, docs: &[&(Document, Vec<usize>, String)]) -> [[usize; 4]; 3] {
    let mut confusion = [[0usize; 4]; 3];
    for (doc, labels, _) in docs {
        let mut portrayer = model.portrayer(doc);
        for (span, &gold) in doc.targets.iter().zip(labels) {
            let p = portrayer.probabilities(*span);
            let best = (0..3).fold(0, |b, k| if p[k] > p[b] { k } else { b });
            confusion[gold][best] += 1;
        }
    }
    confusion
}

/// `model` packed for scoring, reading the parse's features when `parsed`.
fn packed(model: &byline_learn::Model<3>, parsed: bool) -> PortrayalModel {
    let packed = PortrayalModel::new(model);
    if parsed { packed.reading_the_parse() } else { packed }
}

/// Macro-F1 over the three classes and accuracy of a confusion matrix.
fn macro_f1(confusion: &[[usize; 4]; 3]) -> (f64, f64) {
    let f1: f64 = class_scores(confusion).iter().map(|c| c.2).sum::<f64>() / 3.0;
    let n: usize = confusion.iter().flatten().sum();
    let correct: usize = (0..3).map(|c| confusion[c][c]).sum();
    (100.0 * f1, 100.0 * correct as f64 / n.max(1) as f64)
}

fn read(path: &Path, syntax: bool) -> Result<Labelled, String> {
    documents(&read_gold(path).map_err(|e| e.to_string())?, syntax)
}

/// The fold of an article: a stable hash of its key, so folds do not depend on order.
fn fold_of(key: &str, folds: usize) -> usize {
    (byline_learn::hash::hash_str(key) % folds as u64) as usize
}

/// K-fold cross-validation of every (rate, L2) pair, every epoch up to `options.epochs`
/// scored on the held-out folds pooled: the best (epochs, rate, L2) by macro-F1.
fn cross_validate(docs: &Labelled, args: &TrainStanceArgs, options: Options) -> Options {
    let mut best = (f64::MIN, options);
    for &rate in &args.rate {
        for &l2 in &args.l2 {
            let tried = Options { rate, l2, ..options };
            let mut pooled = vec![[[0usize; 4]; 3]; options.epochs];
            for fold in 0..args.folds {
                let (held, fit): (Vec<_>, Vec<_>) = docs.iter().partition(|d| fold_of(&d.2, args.folds) == fold);
                let examples = examples(&fit, args.syntax);
                train(&examples, BITS, tried, |epoch, model| {
                    let c = confusion(&packed(model, args.syntax), &held);
                    for (total, add) in pooled[epoch].iter_mut().flatten().zip(c.iter().flatten()) {
                        *total += add;
                    }
                });
            }
            for (epoch, c) in pooled.iter().enumerate() {
                let (f1, acc) = macro_f1(c);
                eprintln!(
                    "cv rate {rate} l2 {l2} epochs {:>2}: F1m {f1:.2} acc {acc:.2}",
                    epoch + 1
                );
                if f1 > best.0 {
                    best = (
                        f1,
                        Options {
                            epochs: epoch + 1,
                            ..tried
                        },
                    );
                }
            }
        }
    }
    let o = best.1;
    eprintln!(
        "chosen by {}-fold cross-validation: epochs {} rate {} l2 {} (F1m {:.2})",
        args.folds, o.epochs, o.rate, o.l2, best.0
    );
    o
}

/// Out-of-fold class probabilities of every target under `options`, with its gold class.
fn held_out_probabilities(docs: &Labelled, args: &TrainStanceArgs, options: Options) -> Vec<([f32; 3], usize)> {
    let mut out = Vec::new();
    for fold in 0..args.folds {
        let (held, fit): (Vec<_>, Vec<_>) = docs.iter().partition(|d| fold_of(&d.2, args.folds) == fold);
        let model = packed(
            &train(&examples(&fit, args.syntax), BITS, options, |_, _| {}),
            args.syntax,
        );
        for (doc, labels, _) in held {
            let mut portrayer = model.portrayer(doc);
            out.extend(
                doc.targets
                    .iter()
                    .zip(labels)
                    .map(|(span, &gold)| (portrayer.probabilities(*span), gold)),
            );
        }
    }
    out
}

/// The softmax temperature (0.5 … 4, in steps of 0.05) that minimises the negative
/// log-likelihood of held-out probabilities.
fn fit_temperature(held: &[([f32; 3], usize)]) -> f32 {
    let nll = |t: f32| -> f64 {
        held.iter()
            .map(|(p, gold)| {
                let logits = p.map(|x| x.max(1e-12).ln() / t);
                let q = byline_stance::train::softmax(logits);
                -f64::from(q[*gold].max(1e-12)).ln()
            })
            .sum()
    };
    let mut best = (f64::MAX, 1.0);
    for step in 10..=80 {
        let t = step as f32 * 0.05;
        let v = nll(t);
        if v < best.0 {
            best = (v, t);
        }
    }
    best.1
}

/// How often held-out positive or negative calls are right, by their least probability
/// (after `temperature`): what quote stances' minimum probability is chosen from.
fn print_polar_precision(held: &[([f32; 3], usize)], temperature: f32) {
    for step in 10..=18 {
        let least = step as f32 * 0.05;
        let (mut calls, mut right) = (0usize, 0usize);
        for (p, gold) in held {
            let q = byline_stance::train::softmax(p.map(|x| x.max(1e-12).ln() / temperature));
            let best = (0..3).fold(0, |b, k| if q[k] > q[b] { k } else { b });
            if best != 1 && q[best] >= least {
                calls += 1;
                right += usize::from(best == *gold);
            }
        }
        let precision = 100.0 * right as f64 / calls.max(1) as f64;
        eprintln!("held-out polar calls with p >= {least:.2}: {calls} ({precision:.1} % right)");
    }
}

/// Runs `byline train stance`.
pub fn run(args: TrainStanceArgs) -> Result<(), String> {
    let started = Instant::now();
    let train_docs = read(&args.train, args.syntax)?;
    let mut options = Options {
        epochs: args.epochs,
        rate: args.rate[0],
        l2: args.l2[0],
        ..Options::default()
    };
    let mut temperature = args.temperature;
    if args.folds >= 2 {
        options = cross_validate(&train_docs, &args, options);
        let held = held_out_probabilities(&train_docs, &args, options);
        temperature = fit_temperature(&held);
        eprintln!("temperature fitted to the held-out folds: {temperature:.2}");
        print_polar_precision(&held, temperature);
    } else if args.rate.len() > 1 || args.l2.len() > 1 {
        return Err("several --rate or --l2 values need --folds K (K ≥ 2) to choose among them".into());
    }
    let all: Vec<_> = train_docs.iter().collect();
    let examples = examples(&all, args.syntax);
    eprintln!("{} training targets", examples.len());
    let mut model = train(&examples, BITS, options, |_, _| {});
    if !(temperature.is_finite() && temperature > 0.0) {
        return Err(format!("--temperature must be positive, not {temperature}"));
    }
    for w in &mut model.weights {
        *w /= temperature;
    }
    let packed = packed(&model, args.syntax);
    for path in &args.dev {
        let docs = read(path, args.syntax)?;
        let (f1, acc) = macro_f1(&confusion(&packed, &docs.iter().collect::<Vec<_>>()));
        let name = path
            .file_stem()
            .map(|s| s.to_string_lossy().into_owned())
            .unwrap_or_default();
        eprintln!("{name}: F1m {f1:.1} acc {acc:.1}");
    }
    std::fs::create_dir_all(&args.output).map_err(|e| format!("{}: {e}", args.output.display()))?;
    let file = if args.syntax {
        "portrayal_parsed.bin"
    } else {
        "portrayal.bin"
    };
    let path = args.output.join(file);
    std::fs::write(&path, model.to_bytes(MAGIC)).map_err(|e| format!("{}: {e}", path.display()))?;
    eprintln!("wrote {} in {:.1} s", path.display(), started.elapsed().as_secs_f64());
    Ok(())
}
