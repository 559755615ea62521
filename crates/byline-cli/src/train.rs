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
    /// GUM CoNLL-U documents (a folder) to train on as well; documents of the genres
    /// whose text is licensed for non-commercial use only are left out.
    #[arg(long)]
    gum: Option<PathBuf>,
    /// Development data; the epoch with the best dev F1 is kept.
    #[arg(long, conflicts_with = "holdout")]
    dev: Option<PathBuf>,
    /// Hold out every Nth training document (CoNLL and GUM alike) and keep the epoch with
    /// the best F1 on them, instead of reading development data.
    #[arg(long)]
    holdout: Option<usize>,
    /// With `--holdout N`: which of the N parts to hold out (0 to N-1; by default the
    /// last), so that N runs give an N-fold cross-validation.
    #[arg(long, requires = "holdout")]
    fold: Option<usize>,
    /// Each GUM document is seen this many times per epoch (GUM is the smaller set).
    #[arg(long, default_value_t = 1)]
    gum_repeat: usize,
    /// Where to write the model.
    #[arg(short, long)]
    output: PathBuf,
    /// Passes over the training data.
    #[arg(long, default_value_t = 10)]
    epochs: usize,
    /// Feature buckets are 2^bits.
    #[arg(long, default_value_t = 19)]
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
    let mut train_docs = to_train_docs(read_conll(&args.train).map_err(|e| e.to_string())?)?;
    let conll_count = train_docs.len();
    let mut gum_ids = Vec::new();
    if let Some(gum) = &args.gum {
        let docs = gum_docs(gum)?;
        eprintln!("GUM: {} documents after {conll_count} CoNLL documents", docs.len());
        for (id, doc) in docs {
            gum_ids.push(id);
            train_docs.push(doc);
        }
    }
    let mut dev_docs = match &args.dev {
        Some(p) => to_train_docs(read_conll(p).map_err(|e| e.to_string())?)?,
        None => Vec::new(),
    };
    // Held-out documents (every Nth, when asked) leave the training set; GUM documents
    // that stay are repeated `gum_repeat` times.
    let mut held_gum = Vec::new();
    let holdout = args.holdout.filter(|&n| n > 1);
    let fold = match (holdout, args.fold) {
        (Some(n), Some(k)) if k >= n => return Err(format!("--fold {k} must be below --holdout {n}")),
        (Some(n), k) => k.unwrap_or(n - 1),
        (None, _) => 0,
    };
    let all = std::mem::take(&mut train_docs);
    for (i, d) in all.into_iter().enumerate() {
        let gum = i >= conll_count;
        if holdout.is_some_and(|n| i % n == fold) {
            if gum {
                held_gum.push(gum_ids[i - conll_count].as_str());
            }
            dev_docs.push(d);
            continue;
        }
        let copies = if gum { args.gum_repeat.max(1) } else { 1 };
        train_docs.extend(std::iter::repeat_n(d, copies));
    }
    if holdout.is_some() {
        eprintln!(
            "holding out {} documents ({} of them GUM)",
            dev_docs.len(),
            held_gum.len()
        );
        if !held_gum.is_empty() {
            eprintln!("held-out GUM documents: {}", held_gum.join(" "));
        }
    }
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
        if !held_gum.is_empty() {
            let (conll, gum) = dev_docs.split_at(dev_docs.len() - held_gum.len());
            eprintln!(
                "  held-out CoNLL documents {:.2}, held-out GUM documents {:.2}",
                evaluate(&saved, conll),
                evaluate(&saved, gum)
            );
        }
    }
    eprintln!(
        "wrote {} ({:.1} MB) in {:.1} s",
        args.output.display(),
        bytes.len() as f64 / 1e6,
        started.elapsed().as_secs_f64()
    );
    Ok(())
}

/// GUM genres whose text is licensed for non-commercial use only (`../shared/data/gum`).
const NON_COMMERCIAL_GENRES: &[&str] = &["essay", "fiction", "letter", "podcast", "whow"];

/// GUM documents as training documents in the tagger's own view: byline segments each
/// document's text and tokenises it as at inference, and every token takes the label
/// of the gold name it lies in (see `gum_names`).
fn gum_docs(path: &std::path::Path) -> Result<Vec<(String, TrainDoc)>, String> {
    let docs = byline_eval::gum::read::read_gum(path).map_err(|e| e.to_string())?;
    let docs: Vec<_> = docs
        .into_iter()
        .filter(|d| {
            let genre = d.id.split('_').nth(1).unwrap_or("");
            !NON_COMMERCIAL_GENRES.contains(&genre)
        })
        .collect();
    Ok(docs.par_iter().map(|d| (d.id.clone(), gum_doc(d))).collect())
}

fn gum_doc(gold: &byline_eval::gum::read::GumDoc) -> TrainDoc {
    let names = gum_names(gold);
    // Label per code point: 0 none, else (label id, name start).
    let n_chars = gold.text.chars().count();
    let mut label_at: Vec<Option<(usize, usize)>> = vec![None; n_chars];
    for &(start, end, label) in &names {
        for slot in &mut label_at[start..end] {
            *slot = Some((label, start));
        }
    }
    let doc = Document::new(Article::new(gold.id.clone(), gold.text.clone()));
    let index = byline_core::CharIndex::new(&doc.text);
    let mut sentences = Vec::new();
    let mut tags = Vec::new();
    for s in 0..doc.sentences.len() {
        let view = tagger_tokens(&doc, s);
        if view.is_empty() {
            continue;
        }
        let mut words = Vec::with_capacity(view.len());
        let mut sentence_tags = Vec::with_capacity(view.len());
        let mut previous: Option<usize> = None;
        for span in view {
            words.push(doc.span_text(span).to_string());
            let start = index.char_offset(&doc.text, span.start);
            let tag = match label_at.get(start).copied().flatten() {
                Some((label, name_start)) => {
                    let inside = previous == Some(name_start);
                    previous = Some(name_start);
                    1 + 2 * label + usize::from(inside)
                }
                None => {
                    previous = None;
                    0
                }
            };
            sentence_tags.push(tag);
        }
        sentences.push(words);
        tags.push(sentence_tags);
    }
    TrainDoc { sentences, tags }
}

/// The names of a GUM document as code-point spans with a label id (0 PER, 1 ORG, 2 LOC,
/// 3 MISC). A named person, organisation or place (head a proper noun) spans its proper
/// nouns from the first to the last, with the function words of a name between them
/// ("University of Chicago"), else just the proper nouns around its head; a plural
/// proper-noun head of a person mention ("Americans") and named events, objects and
/// abstractions ("World Cup", "Windows") are MISC, as CoNLL-2003 tags them; so are
/// capitalised adjectives inside a sentence ("Spanish"). Nested names keep the outermost.
fn gum_names(doc: &byline_eval::gum::read::GumDoc) -> Vec<(usize, usize, usize)> {
    let words = &doc.words;
    let mut candidates: Vec<(usize, usize, usize)> = Vec::new();
    for m in &doc.mentions {
        let head = &words[m.head];
        if head.upos != "PROPN" {
            continue;
        }
        let label = match m.etype.as_str() {
            "person" if head.xpos == "NNPS" => 3,
            "person" => 0,
            "organization" => 1,
            "place" => 2,
            "event" | "object" | "abstract" => 3,
            _ => continue,
        };
        let first = (m.first..=m.last).find(|&k| words[k].upos == "PROPN");
        let last = (m.first..=m.last).rev().find(|&k| words[k].upos == "PROPN");
        let (Some(first), Some(last)) = (first, last) else {
            continue;
        };
        let joins = |k: usize| {
            let w = &words[k];
            matches!(w.upos.as_str(), "PROPN" | "NUM")
                || matches!(
                    w.form.as_str(),
                    "of" | "the" | "and" | "&" | "de" | "for" | "-" | "." | "'s" | "’s"
                )
        };
        let (a, b) = if (first..=last).all(joins) {
            (first, last)
        } else {
            m.name.unwrap_or((m.head, m.head))
        };
        candidates.push((words[a].start, words[b].end, label));
    }
    for (k, w) in words
        .iter()
        .enumerate()
        .filter(|(_, w)| w.upos == "ADJ" && w.xpos == "JJ")
    {
        // Not a sentence's first word ("Many", "Other").
        let inside = k > 0 && words[k - 1].sentence == w.sentence && words[k - 1].upos != "PUNCT";
        if inside && w.form.starts_with(char::is_uppercase) && w.form.chars().skip(1).all(char::is_lowercase) {
            candidates.push((w.start, w.end, 3));
        }
    }
    // Outermost first; a name overlapping one already kept is dropped.
    candidates.sort_by_key(|&(s, e, _)| (std::cmp::Reverse(e - s), s));
    let mut kept: Vec<(usize, usize, usize)> = Vec::new();
    for c in candidates {
        if kept.iter().all(|k| c.1 <= k.0 || k.1 <= c.0) {
            kept.push(c);
        }
    }
    kept.sort();
    kept
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
        let reader = byline_read::open(path).map_err(|e| format!("{}: {e}", path.display()))?;
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
