//! `byline train quotes`: trains the attribution labeller on PolNeAR JSONL and writes the
//! model and cue lexicon that `crates/byline-quotes/model/` ships.

use byline::OutputRecord;
use byline_core::{Article, CharIndex, Span};
use byline_eval::quotes::score::{doc_segments, end_to_end_matches};
use byline_eval::quotes::statements::{is_statement, keep_quotes};
use byline_learn::TrainOptions;
use byline_quotes::train::{GoldAttribution, TrainArticle, derive_lexicon, fit_candidates, fit_named, train};
use byline_quotes::{AttributionModel, MODEL_MAGIC, QuoteScorer, find_quotes, quote_features};
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
    #[arg(long, conflicts_with = "holdout")]
    dev: Option<PathBuf>,
    /// Hold out every Nth training article and keep the epoch with the best role-segment
    /// F1 on them, instead of reading development data.
    #[arg(long)]
    holdout: Option<usize>,
    /// Parse the articles first and train the labeller that reads the parse
    /// (`attribution_parsed.bin`, used when a document has a syntax layer).
    #[arg(long)]
    syntax: bool,
    /// Folder to write `attribution.bin` and `cue_words.tsv` into.
    #[arg(short, long)]
    output: PathBuf,
    /// Passes over the training data.
    #[arg(long, default_value_t = 20)]
    epochs: usize,
    /// Feature buckets are 2^bits.
    #[arg(long, default_value_t = 16)]
    bits: u32,
    /// Also write the quotes the scorer's folds found (each article labelled by models
    /// trained on the other folds, every act, scored by the scorer fitted here) as
    /// `byline extract` output records: held-out predictions for choosing thresholds by
    /// cross-validation (`byline eval quotes TRAIN --system FILE`).
    #[arg(long)]
    folds_output: Option<PathBuf>,
}

/// The quotes each article got from the fold models that did not see it, with the lexicon
/// of those models.
type HeldOut = Vec<(usize, Vec<byline_core::Quote>, usize)>;

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

/// An analysed article, its gold attributions and its gold JSON record (for the scorer).
type Read = (TrainArticle, Value);

/// Reads PolNeAR JSONL and analyses every article with the entities extractor.
fn read_articles(path: &Path, syntax: bool) -> Result<Vec<Read>, String> {
    let raw = std::fs::read_to_string(path).map_err(|e| format!("cannot read {}: {e}", path.display()))?;
    let names: &[&str] = if syntax { &["syntax", "entities"] } else { &["entities"] };
    let pipeline = byline::pipeline_from_names(names).map_err(|e| e.to_string())?;
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
        golds.push((gold, doc));
    }
    pipeline
        .process_batch(articles)
        .into_iter()
        .zip(golds)
        .map(|(doc, (gold, record))| {
            let doc = doc.map_err(|e| format!("article {} failed: {}", e.id, e.message))?;
            Ok((TrainArticle { doc, gold }, record))
        })
        .collect()
}

/// Folds of the training articles whose quotes, found by a labeller trained on the other
/// folds, teach the quote scorer.
const SCORE_FOLDS: usize = 3;

/// Features seen fewer times than this among those quotes get no weight.
const MIN_FEATURE_COUNT: usize = 5;

/// L2 penalty and Adagrad steps of the scorer's logistic regression.
const SCORE_L2: f64 = 1e-3;
const SCORE_STEPS: usize = 600;

/// Fits the quote scorer: each fold's articles are labelled by a model trained (with
/// its own cue lexicon) on the other folds, each quote found is judged as `byline eval
/// quotes` judges end to end (any of its segments matched with the right speaker; a
/// statement against the gold statements, as `--acts statement`), and a
/// logistic regression learns the odds from the quotes' features.
fn fit_scorer(
    articles: &[Read],
    options: &TrainOptions,
) -> Result<(QuoteScorer, HeldOut, Vec<byline_quotes::CueLexicon>), String> {
    let mut judged: Vec<(Vec<String>, bool)> = Vec::new();
    let mut held_out: HeldOut = Vec::new();
    let mut lexicons = Vec::new();
    for fold in 0..SCORE_FOLDS {
        let fit: Vec<&TrainArticle> = articles
            .iter()
            .enumerate()
            .filter(|(i, _)| i % SCORE_FOLDS != fold)
            .map(|(_, (a, _))| a)
            .collect();
        let lexicon = derive_lexicon(&fit);
        let model: AttributionModel = train(&fit, &[], &lexicon, options, &mut |_| {});
        let packed = byline_quotes::PackedAttributionModel::new(&model);
        let candidates = fit_candidates(&fit, &lexicon);
        let unscored = QuoteScorer::default();
        for (i, (article, record)) in articles.iter().enumerate().filter(|(i, _)| i % SCORE_FOLDS == fold) {
            let quotes = find_quotes(&article.doc, &packed, &lexicon, &unscored, &candidates);
            held_out.push((i, quotes.clone(), fold));
            let features: Vec<Vec<String>> = quotes
                .iter()
                .map(|q| quote_features(&article.doc, &lexicon, q))
                .collect();
            let mut doc = article.doc.clone();
            doc.quotes = quotes;
            let system = serde_json::to_value(OutputRecord::from_document(&doc)).map_err(|e| e.to_string())?;
            let text: Vec<char> = article.doc.text.chars().collect();
            // A statement is right when it matches a gold statement (as `byline eval
            // quotes --acts statement` judges it), a thought when it matches any attribution.
            let golds = doc_segments(record, &text)?;
            let gold_statements = doc_segments(&keep_quotes(record, is_statement), &text)?;
            let preds = doc_segments(&system, &text)?;
            let mut right = vec![false; features.len()];
            let all = end_to_end_matches(&golds, &preds, 0.5);
            let statements = end_to_end_matches(&gold_statements, &preds, 0.5);
            for (segment, (ok, ok_statement)) in preds.iter().zip(all.into_iter().zip(statements)) {
                let statement = doc.quotes[segment.quote].act == byline_core::QuoteAct::Statement;
                right[segment.quote] |= if statement { ok_statement } else { ok };
            }
            judged.extend(features.into_iter().zip(right));
        }
        lexicons.push(lexicon);
    }
    let right = judged.iter().filter(|(_, r)| *r).count();
    eprintln!(
        "quote scorer: {} held-out quotes ({right} right end to end)",
        judged.len()
    );
    Ok((
        fit_named(&judged, MIN_FEATURE_COUNT, SCORE_L2, SCORE_STEPS),
        held_out,
        lexicons,
    ))
}

/// Writes the held-out quotes, scored by `scorer`, as output records in article order.
fn write_held_out(
    path: &Path,
    articles: &[Read],
    mut held_out: HeldOut,
    lexicons: &[byline_quotes::CueLexicon],
    scorer: &QuoteScorer,
) -> Result<(), String> {
    held_out.sort_by_key(|(i, _, _)| *i);
    let mut out = String::new();
    for (i, quotes, fold) in held_out {
        let mut doc = articles[i].0.doc.clone();
        doc.quotes = quotes;
        let scores: Vec<f64> = doc
            .quotes
            .iter()
            .map(|q| (scorer.score(&doc, &lexicons[fold], q) * 1e4).round() / 1e4)
            .collect();
        for (q, score) in doc.quotes.iter_mut().zip(scores) {
            q.score = score;
        }
        out.push_str(&OutputRecord::from_document(&doc).to_json());
        out.push('\n');
    }
    std::fs::write(path, out).map_err(|e| format!("cannot write {}: {e}", path.display()))
}

/// Runs `byline train quotes`.
pub fn run(args: TrainQuotesArgs) -> Result<(), String> {
    let started = Instant::now();
    let mut train_articles = read_articles(&args.train, args.syntax)?;
    let mut dev_articles = match &args.dev {
        Some(p) => read_articles(p, args.syntax)?,
        None => Vec::new(),
    };
    if let Some(n) = args.holdout.filter(|&n| n > 1) {
        let all = std::mem::take(&mut train_articles);
        for (i, a) in all.into_iter().enumerate() {
            if i % n == n - 1 {
                dev_articles.push(a);
            } else {
                train_articles.push(a);
            }
        }
    }
    let train_refs: Vec<&TrainArticle> = train_articles.iter().map(|(a, _)| a).collect();
    let dev_refs: Vec<&TrainArticle> = dev_articles.iter().map(|(a, _)| a).collect();
    let lexicon = derive_lexicon(&train_refs);
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
    let model: AttributionModel = train(&train_refs, &dev_refs, &lexicon, &options, &mut |line| {
        eprintln!("{line}")
    });
    let (scorer, held_out, lexicons) = fit_scorer(&train_articles, &options)?;
    if let Some(path) = &args.folds_output {
        write_held_out(path, &train_articles, held_out, &lexicons, &scorer)?;
    }
    std::fs::create_dir_all(&args.output).map_err(|e| format!("cannot create {}: {e}", args.output.display()))?;
    let write = |name: &str, bytes: &[u8]| {
        let path = args.output.join(name);
        std::fs::write(&path, bytes).map_err(|e| format!("cannot write {}: {e}", path.display()))
    };
    let bytes = model.to_bytes(MODEL_MAGIC);
    let name = if args.syntax {
        "attribution_parsed.bin"
    } else {
        "attribution.bin"
    };
    write(name, &bytes)?;
    write("cue_words.tsv", lexicon.to_tsv().as_bytes())?;
    let scores = if args.syntax {
        "quote_scores_parsed.tsv"
    } else {
        "quote_scores.tsv"
    };
    write(scores, scorer.to_tsv().as_bytes())?;
    if args.syntax {
        let candidates = fit_candidates(&train_refs, &lexicon);
        write("quote_candidates.tsv", candidates.to_tsv().as_bytes())?;
    }
    eprintln!(
        "wrote {} ({} bytes), {scores} and cue_words.tsv in {:.1} s",
        args.output.join(name).display(),
        bytes.len(),
        started.elapsed().as_secs_f64()
    );
    Ok(())
}
