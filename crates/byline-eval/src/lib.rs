//! Scorers that compare byline's output with gold data in the formats under
//! `../shared/data`: CoNLL-2003 (entities), PolNeAR JSONL (quotes), TimeML (dates) and
//! NewsMTSC JSONL (stance), CoNLL-U (syntax). Each must agree with the reference scorer of the same name
//! in `../shared/eval`.
//!
//! This crate holds what every scorer shares ([`Counts`], [`EvalError`], [`Task`]) and
//! the scorers: NER ([`ner`], [`chunks`], [`conll`]), quotes ([`quotes`]), dates
//! ([`dates`]), target sentiment ([`stance`]) stance direction ([`direction`]), syntax ([`syntax`]), names with pronouns on
//! GUM ([`gum`]) and stance triplets on SEESAW ([`seesaw`]).
#![warn(missing_docs)]

pub mod chunks;
pub mod conll;
pub mod dates;
pub mod direction;
pub mod gum;
pub mod ner;
pub mod quotes;
mod reliability;
pub mod seesaw;
pub mod stance;
pub mod syntax;

use std::fmt;
use std::path::PathBuf;
use thiserror::Error;

/// The layers that can be scored.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Task {
    /// Named entities on CoNLL-2003.
    Ner,
    /// Quotes on PolNeAR.
    Quotes,
    /// Temporal expressions on TimeML.
    Dates,
    /// Target sentiment on NewsMTSC.
    Stance,
    /// Stance direction and polarity between two entities on DSE.
    Direction,
    /// Tags, lemmas and dependency trees on UD treebanks (CoNLL-U).
    Syntax,
    /// Names and pronoun resolution on GUM (CoNLL-U with `Entity=` annotation).
    Gum,
    /// Entity-to-entity stance triplets on SEESAW (a split folder).
    Seesaw,
}

impl fmt::Display for Task {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            Task::Ner => "ner",
            Task::Quotes => "quotes",
            Task::Dates => "dates",
            Task::Stance => "stance",
            Task::Direction => "direction",
            Task::Syntax => "syntax",
            Task::Gum => "gum",
            Task::Seesaw => "seesaw",
        })
    }
}

/// Why a scorer could not run.
#[derive(Debug, Error)]
pub enum EvalError {
    /// The gold file or folder does not exist or cannot be read.
    #[error("cannot read gold data {path}: {source}")]
    Io {
        /// The path given.
        path: PathBuf,
        /// The underlying error.
        source: std::io::Error,
    },
    /// The gold data is not in the expected format.
    #[error("{path}:{line}: {message}")]
    Format {
        /// The file.
        path: PathBuf,
        /// 1-based line number.
        line: usize,
        /// What is wrong.
        message: String,
    },
    /// An option is out of range or does not fit the task.
    #[error("{0}")]
    Usage(String),
    /// The scorer for this task has not been written yet.
    #[error("the '{task}' scorer is not implemented yet (tracked in the '{task}' extractor issue)")]
    NotImplemented {
        /// The task asked for.
        task: Task,
    },
}

/// True positives, false positives and false negatives, with P / R / F1.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Counts {
    /// Predicted and gold.
    pub tp: usize,
    /// Predicted, not gold.
    pub fp: usize,
    /// Gold, not predicted.
    pub fn_: usize,
}

impl Counts {
    /// Precision in percent (0 when nothing was predicted).
    pub fn precision(&self) -> f64 {
        pct(self.tp, self.tp + self.fp)
    }

    /// Recall in percent (0 when there is no gold item).
    pub fn recall(&self) -> f64 {
        pct(self.tp, self.tp + self.fn_)
    }

    /// F1 in percent.
    pub fn f1(&self) -> f64 {
        let (p, r) = (self.precision(), self.recall());
        if p + r == 0.0 { 0.0 } else { 2.0 * p * r / (p + r) }
    }

    /// Adds another count.
    pub fn add(&mut self, other: Counts) {
        self.tp += other.tp;
        self.fp += other.fp;
        self.fn_ += other.fn_;
    }
}

fn pct(a: usize, b: usize) -> f64 {
    if b == 0 { 0.0 } else { 100.0 * a as f64 / b as f64 }
}

impl fmt::Display for Counts {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "precision {:6.2}%  recall {:6.2}%  F1 {:6.2}  (tp {}, fp {}, fn {})",
            self.precision(),
            self.recall(),
            self.f1(),
            self.tp,
            self.fp,
            self.fn_
        )
    }
}

/// Options of the scorers; each task reads the ones it supports.
#[derive(Clone, Debug)]
pub struct EvalOptions {
    /// Write byline's predictions here (NER: CoNLL with a predicted column; quotes: JSONL;
    /// dates: a folder of `<doc>.json` files in the reference scorer's format).
    pub predict: Option<PathBuf>,
    /// Score this system output instead of running byline (quotes: a JSONL file; dates: a
    /// folder of `<doc>.json` files).
    pub system: Option<PathBuf>,
    /// Score only gold items of these kinds (quotes: direct, mixed, indirect).
    pub kinds: Option<Vec<String>>,
    /// Keep only system items of these kinds before scoring (quotes: a direct-quote
    /// extractor is our quotes of kind direct).
    pub system_kinds: Option<Vec<String>>,
    /// Jaccard threshold of an overlap match (quotes).
    pub overlap: f64,
    /// The article text for a single-document gold file without `text` (quotes).
    pub text: Option<PathBuf>,
    /// Also print how well the scores are calibrated (stance: reliability by score
    /// decile and the expected calibration error).
    pub calibration: bool,
    /// Score on the gold words instead of our own segmentation (syntax).
    pub gold_words: bool,
    /// Run the syntax extractor before the one scored (dates, quotes, names, stance).
    pub syntax: bool,
    /// Score only these acts (quotes: `statement` keeps the gold attributions
    /// `statement_cues.py` keeps and leaves out system quotes of act `thought`).
    pub acts: Option<Vec<String>>,
    /// Print the coverage metric of `eval_quotes_coverage.py` instead of the segment
    /// report (quotes).
    pub coverage: bool,
    /// The quotes' minimum score: byline's when it runs, a filter on the system file's
    /// quotes with `system` (quotes; `None`: byline's default, and no filter).
    pub min_quote_score: Option<f64>,
    /// Which attributions byline reports when it runs (quotes).
    pub attributions: byline::Attributions,
    /// The stances' minimum score when byline runs (seesaw, direction; `None`: byline's
    /// default).
    pub min_stance_score: Option<f64>,
}

impl Default for EvalOptions {
    fn default() -> Self {
        EvalOptions {
            predict: None,
            system: None,
            kinds: None,
            system_kinds: None,
            overlap: 0.5,
            text: None,
            calibration: false,
            gold_words: false,
            syntax: false,
            acts: None,
            coverage: false,
            min_quote_score: None,
            min_stance_score: None,
            attributions: byline::Attributions::Statements,
        }
    }
}

/// An article to run byline on; an unparsable publication date is left out.
fn article(id: &str, text: &str, published: Option<&str>) -> byline::Article {
    let mut article = byline::Article::new(id, text);
    article.published = published.and_then(|p| p.parse().ok());
    article
}

/// How well scores are calibrated: per score decile, how many items, their mean score and
/// the share of them that are right, and the expected calibration error (the deciles'
/// gaps weighted by their sizes). `columns` names the three columns.
pub(crate) fn reliability(judged: &[(f64, bool)], columns: &str) -> String {
    use std::fmt::Write as _;
    let mut bins = [(0usize, 0.0f64, 0usize); 10];
    for &(score, right) in judged {
        let bin = &mut bins[((score * 10.0) as usize).min(9)];
        bin.0 += 1;
        bin.1 += score;
        bin.2 += usize::from(right);
    }
    let n: usize = bins.iter().map(|b| b.0).sum();
    let mut out = format!("\ncalibration (score decile: {columns})\n");
    let mut ece = 0.0;
    for (i, (count, sum, right)) in bins.iter().enumerate() {
        if *count == 0 {
            continue;
        }
        let (conf, acc) = (sum / *count as f64, *right as f64 / *count as f64);
        ece += *count as f64 / n.max(1) as f64 * (conf - acc).abs();
        let _ = writeln!(
            out,
            "{:.1}-{:.1} {count:>8} {:>7.3} {:>7.3}",
            i as f64 / 10.0,
            (i + 1) as f64 / 10.0,
            conf,
            acc
        );
    }
    let _ = writeln!(out, "expected calibration error {:.2} %", 100.0 * ece);
    out
}

/// The pipeline of `names` whose stances clear `options.min_stance_score`.
fn stance_pipeline(names: &[&str], options: &EvalOptions) -> Result<byline::Pipeline, EvalError> {
    let options = byline::PipelineOptions {
        min_stance_score: options.min_stance_score.unwrap_or(byline::DEFAULT_MIN_STANCE_SCORE),
        ..byline::PipelineOptions::default()
    };
    byline::pipeline_with_options(names, &options).map_err(|e| EvalError::Usage(e.to_string()))
}

/// Scores `task` on the gold data at `gold`, returning the printed report.
pub fn run(task: Task, gold: &std::path::Path, options: &EvalOptions) -> Result<String, EvalError> {
    std::fs::metadata(gold).map_err(|source| EvalError::Io {
        path: gold.to_path_buf(),
        source,
    })?;
    match task {
        Task::Ner => {
            let pipeline = byline::pipeline_from_names(&["entities"]).expect("the entities extractor has no needs");
            ner::run(gold, options.predict.as_deref(), &pipeline)
        }
        Task::Quotes => {
            let names: &[&str] = if options.syntax {
                &["syntax", "entities", "quotes"]
            } else {
                &["entities", "quotes"]
            };
            let min_score = options.min_quote_score.unwrap_or(byline::DEFAULT_MIN_QUOTE_SCORE);
            let pipeline = byline::pipeline_with_quote_options(names, min_score, options.attributions)
                .map_err(|e| EvalError::Usage(e.to_string()))?;
            quotes::run(gold, options, &pipeline)
        }
        Task::Dates => {
            let names: &[&str] = if options.syntax {
                &["syntax", "dates"]
            } else {
                &["dates"]
            };
            let pipeline = byline::pipeline_from_names(names).expect("the dates extractor has no needs");
            dates::run(gold, options, &pipeline)
        }
        Task::Stance => {
            let names: &[&str] = if options.syntax {
                &["syntax", "entities", "quotes", "stance"]
            } else {
                &["entities", "quotes", "stance"]
            };
            let pipeline = byline::pipeline_from_names(names).expect("entities and quotes provide what stance needs");
            stance::run(gold, options, &pipeline)
        }
        Task::Direction => {
            let names: &[&str] = if options.syntax {
                &["syntax", "entities", "quotes", "stance"]
            } else {
                &["entities", "quotes", "stance"]
            };
            let pipeline = stance_pipeline(names, options)?;
            direction::run(gold, &pipeline)
        }
        Task::Syntax if options.gold_words => syntax::run_gold_words(gold),
        Task::Syntax => {
            let pipeline = byline::pipeline_from_names(&["syntax"]).expect("the syntax extractor has no needs");
            syntax::run(gold, options.predict.as_deref(), &pipeline)
        }
        Task::Gum => {
            let names: &[&str] = if options.syntax {
                &["syntax", "entities"]
            } else {
                &["entities"]
            };
            let pipeline = byline::pipeline_from_names(names).expect("the entities extractor has no needs");
            gum::run(gold, options.system.as_deref(), &pipeline)
        }
        Task::Seesaw => {
            let mut names = byline::default_extractors();
            if options.syntax {
                names.insert(0, "syntax");
            }
            let pipeline = stance_pipeline(&names, options)?;
            seesaw::run(gold, options.system.as_deref(), &pipeline)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn f1_of_counts() {
        let c = Counts { tp: 8, fp: 2, fn_: 8 };
        assert!((c.precision() - 80.0).abs() < 1e-9);
        assert!((c.recall() - 50.0).abs() < 1e-9);
        assert!((c.f1() - 61.538_461_538).abs() < 1e-6);
        assert_eq!(Counts::default().f1(), 0.0);
    }
}
