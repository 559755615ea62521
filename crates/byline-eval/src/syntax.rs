//! Syntax on UD treebanks (`byline eval syntax`): byline segments and parses each gold
//! document's raw text (its `# text` sentences, joined per `# newpar` paragraph), writes
//! CoNLL-U, and scores it as `../shared/eval/eval_conllu.py` does: words aligned by their
//! character offsets in the text with white space removed; P / R / F1 of words, UPOS,
//! XPOS, lemmas, UAS and LAS (universal relation).

use crate::EvalError;
use byline::{Article, Document, Pipeline};
use byline_syntax::conllu;
use byline_syntax::train::{GoldDoc, read_gold};
use rayon::prelude::*;
use std::collections::HashMap;
use std::fmt::Write as _;
use std::path::Path;

/// One word as the scorer sees it.
struct Scored<'a> {
    form: &'a str,
    lemma: &'a str,
    upos: &'a str,
    xpos: &'a str,
    /// Index of the head word in the document, `None` for a root.
    head: Option<usize>,
    deprel: &'a str,
}

/// Correct counts of words, UPOS, XPOS, lemma, UAS, LAS.
type Tally = [usize; 6];

const METRICS: [&str; 6] = ["words", "UPOS", "XPOS", "lemma", "UAS", "LAS"];

/// Character spans of words in the text with white space removed.
fn spans(words: &[Scored<'_>]) -> Vec<(usize, usize)> {
    let mut pos = 0;
    words
        .iter()
        .map(|w| {
            let len = w.form.chars().filter(|c| !c.is_whitespace()).count();
            let span = (pos, pos + len);
            pos += len;
            span
        })
        .collect()
}

fn universal(deprel: &str) -> &str {
    deprel.split(':').next().unwrap_or("")
}

fn score(gold: &[Scored<'_>], system: &[Scored<'_>]) -> Tally {
    let gold_at: HashMap<(usize, usize), usize> = spans(gold).into_iter().enumerate().map(|(i, s)| (s, i)).collect();
    let align: Vec<Option<usize>> = spans(system).iter().map(|s| gold_at.get(s).copied()).collect();
    let mut c = [0usize; 6];
    for (j, i) in align.iter().enumerate() {
        let Some(i) = *i else { continue };
        let (g, s) = (&gold[i], &system[j]);
        c[0] += 1;
        c[1] += usize::from(g.upos == s.upos);
        c[2] += usize::from(g.xpos == s.xpos);
        c[3] += usize::from(g.lemma == s.lemma);
        let head_ok = match (g.head, s.head) {
            (None, None) => true,
            (Some(gh), Some(sh)) => align[sh] == Some(gh),
            _ => false,
        };
        c[4] += usize::from(head_ok);
        c[5] += usize::from(head_ok && universal(g.deprel) == universal(s.deprel));
    }
    c
}

fn gold_words(doc: &GoldDoc) -> Vec<Scored<'_>> {
    let mut out = Vec::new();
    for s in &doc.sentences {
        let base = out.len();
        for w in &s.words {
            out.push(Scored {
                form: &w.form,
                lemma: &w.lemma,
                upos: &w.upos,
                xpos: &w.xpos,
                head: (w.head != 0).then(|| base + w.head - 1),
                deprel: &w.deprel,
            });
        }
    }
    out
}

fn system_words(doc: &Document) -> Vec<Scored<'_>> {
    doc.syntax
        .words
        .iter()
        .map(|w| Scored {
            form: w.span.slice(&doc.text),
            lemma: &w.lemma,
            upos: w.upos.as_str(),
            xpos: w.xpos.as_str(),
            head: w.head,
            deprel: w.deprel.as_str(),
        })
        .collect()
}

/// The report `eval_conllu.py` prints for these totals.
fn report(files: usize, gold_words: usize, system_words: usize, total: Tally) -> String {
    let mut out = format!("files {files}   gold words {gold_words}   system words {system_words}\n");
    let _ = writeln!(out, "{:<8}{:>8}{:>8}{:>8}", "metric", "P", "R", "F1");
    for (name, correct) in METRICS.iter().zip(total) {
        let (p, r) = (pct(correct, system_words), pct(correct, gold_words));
        let f = if p + r > 0.0 { 2.0 * p * r / (p + r) } else { 0.0 };
        let (p, r, f) = (round2(p), round2(r), round2(f));
        let _ = writeln!(out, "{name:<8}{p:>8.2}{r:>8.2}{f:>8.2}");
    }
    out
}

fn pct(a: usize, b: usize) -> f64 {
    if b == 0 { 0.0 } else { 100.0 * a as f64 / b as f64 }
}

/// Python's `round(x, 2)`: the double nearest to `x` correctly rounded to two decimals
/// (Rust's formatting rounds the exact binary value, as Python does).
fn round2(x: f64) -> f64 {
    format!("{x:.2}").parse().unwrap_or(x)
}

/// Parses every gold document's raw text with `pipeline` (which must provide syntax),
/// optionally writes the CoNLL-U to `predict` (a file for one document, else a folder of
/// files named as the gold ones), and returns the report.
pub fn run(gold: &Path, predict: Option<&Path>, pipeline: &Pipeline) -> Result<String, EvalError> {
    let docs = read_gold(gold).map_err(|message| EvalError::Format {
        path: gold.to_path_buf(),
        line: 0,
        message,
    })?;
    let parsed: Vec<Result<Document, String>> = docs
        .par_iter()
        .map(|d| {
            let text = conllu::raw_text(&d.sentences);
            let id = d.name.trim_end_matches(".conllu");
            pipeline.process(Article::new(id, text)).map_err(|e| e.message)
        })
        .collect();
    let mut total = [0usize; 6];
    let (mut n_gold, mut n_system) = (0, 0);
    for (gold_doc, parsed) in docs.iter().zip(&parsed) {
        let doc = parsed.as_ref().map_err(|message| EvalError::Format {
            path: gold.join(&gold_doc.name),
            line: 0,
            message: message.clone(),
        })?;
        let (g, s) = (gold_words(gold_doc), system_words(doc));
        let c = score(&g, &s);
        for k in 0..6 {
            total[k] += c[k];
        }
        n_gold += g.len();
        n_system += s.len();
    }
    if let Some(out) = predict {
        write_predictions(out, &docs, &parsed)?;
    }
    Ok(report(docs.len(), n_gold, n_system, total))
}

fn write_predictions(out: &Path, docs: &[GoldDoc], parsed: &[Result<Document, String>]) -> Result<(), EvalError> {
    let io = |path: &Path, source: std::io::Error| EvalError::Io {
        path: path.to_path_buf(),
        source,
    };
    let one_file = docs.len() == 1 && out.extension().is_some_and(|e| e == "conllu");
    if !one_file {
        std::fs::create_dir_all(out).map_err(|e| io(out, e))?;
    }
    for (gold_doc, doc) in docs.iter().zip(parsed) {
        let Ok(doc) = doc else { continue };
        let path = if one_file {
            out.to_path_buf()
        } else {
            out.join(&gold_doc.name)
        };
        std::fs::write(&path, conllu::document(doc)).map_err(|e| io(&path, e))?;
    }
    Ok(())
}

/// Accuracies on the gold words (the treebank's own tokenisation and sentences): one line.
pub fn run_gold_words(gold: &Path) -> Result<String, EvalError> {
    let docs = read_gold(gold).map_err(|message| EvalError::Format {
        path: gold.to_path_buf(),
        line: 0,
        message,
    })?;
    let sentences: Vec<_> = docs.into_iter().flat_map(|d| d.sentences).collect();
    let ([upos, xpos, lemma, uas, las], n) =
        byline_syntax::train::evaluate_on_gold_words(byline_syntax::SyntaxModel::shipped(), &sentences);
    Ok(format!(
        "gold words {n}: UPOS {upos:.2}  XPOS {xpos:.2}  lemma {lemma:.2}  UAS {uas:.2}  LAS {las:.2}\n"
    ))
}
