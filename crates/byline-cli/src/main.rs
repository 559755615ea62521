//! The `byline` command: `extract` runs the pipeline over JSONL articles, `table` turns
//! its output into CSV/TSV, `bench` measures speed, `train` rebuilds the models and
//! `eval` scores a layer against gold data.
#![warn(missing_docs)]

mod bench;
mod corpus;
mod extract;
mod input;
mod summary;
mod table;
mod train;
mod train_quotes;
mod train_stance;
mod train_syntax;

use clap::{Parser, Subcommand};

/// mimalloc: the pipeline makes many small, short-lived allocations per article
/// (token lists, feature vectors, strings), which glibc's malloc serves more slowly.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;
use std::path::PathBuf;
use std::process::ExitCode;

/// Who said what, about whom, and when — in news articles. Commands: extract, table, corpus, bench, eval, train.
#[derive(Parser, Debug)]
#[command(name = "byline", version, about)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand, Debug)]
enum Command {
    /// Analyse articles: JSONL (or JSONL.gz) in, one JSON line out per input line.
    Extract(extract::ExtractArgs),
    /// One layer of extract's output as a CSV/TSV table (the columns of Python's
    /// byline.to_rows, plus the --keep fields).
    Table(table::TableArgs),
    /// Measure throughput and peak memory on a corpus: the full pipeline and each
    /// extractor, with 1 and 2 threads.
    Bench(bench::BenchArgs),
    /// Train a model from gold data.
    Train {
        #[command(subcommand)]
        task: TrainTask,
    },
    /// Print the JSON Schema of extract's output records (schema/output.schema.json).
    Schema,
    /// Across many articles' extract output: one identity per person or organisation,
    /// and each quote's provenance (`corpus link`), and a report of it (`corpus report`).
    Corpus {
        #[command(subcommand)]
        task: corpus::CorpusTask,
    },
    /// Score one layer against gold data.
    Eval {
        #[command(subcommand)]
        task: EvalTask,
    },
}

/// The report `byline eval quotes` prints.
#[derive(clap::ValueEnum, Clone, Copy, Debug, PartialEq, Eq)]
enum QuoteMetric {
    /// Quote segments, speakers and cues, as eval_quotes.py.
    Segments,
    /// Character coverage at 0.3 and 0.8, as eval_quotes_coverage.py.
    Coverage,
}

/// Which attributions the quotes layer holds.
#[derive(clap::ValueEnum, Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum AttributionsArg {
    /// What was said or written.
    Statements,
    /// Statements and thoughts (beliefs, intentions, perceptions).
    All,
}

impl From<AttributionsArg> for byline::Attributions {
    fn from(a: AttributionsArg) -> Self {
        match a {
            AttributionsArg::Statements => byline::Attributions::Statements,
            AttributionsArg::All => byline::Attributions::All,
        }
    }
}

#[derive(Subcommand, Debug)]
enum TrainTask {
    /// The entity tagger, on CoNLL-2003.
    Ner(train::TrainNerArgs),
    /// Word clusters for the entity tagger, from unlabelled news.
    Clusters(train::TrainClustersArgs),
    /// The quote attribution labeller, on PolNeAR.
    Quotes(train_quotes::TrainQuotesArgs),
    /// The portrayal classifier (target sentiment), on NewsMTSC.
    Stance(train_stance::TrainStanceArgs),
    /// The tagger, lemmatiser and dependency parser, on UD treebanks (GUM).
    Syntax(train_syntax::TrainSyntaxArgs),
}

#[derive(Subcommand, Debug)]
enum EvalTask {
    /// Entities on CoNLL-2003 (eng.testa): P/R/F1 per type, conlleval style.
    Ner {
        /// Gold CoNLL file (IOB1 or IOB2).
        gold: PathBuf,
        /// Also write the gold file with a predicted tag column appended.
        #[arg(long)]
        predict: Option<PathBuf>,
    },
    /// Quotes on PolNeAR JSONL: span, speaker, cue and end-to-end scores per kind.
    Quotes {
        /// Gold PolNeAR JSONL file (or one JSON object, like the seed's gold.json).
        gold: PathBuf,
        /// Also write byline's output for the gold articles here (JSONL).
        #[arg(long)]
        predict: Option<PathBuf>,
        /// Score this system output (JSONL) instead of running byline.
        #[arg(long)]
        system: Option<PathBuf>,
        /// Score only these gold kinds, comma-separated (direct, mixed, indirect).
        #[arg(long, value_delimiter = ',')]
        kinds: Option<Vec<String>>,
        /// Keep only system quotes of these kinds, comma-separated (with `--kinds direct`
        /// and `--system-kinds direct`: byline as a direct-quote extractor).
        #[arg(long, value_delimiter = ',')]
        system_kinds: Option<Vec<String>>,
        /// Jaccard threshold of an overlap match.
        #[arg(long, default_value_t = 0.5)]
        overlap: f64,
        /// Article text for a single-document gold file without "text".
        #[arg(long)]
        text: Option<PathBuf>,
        /// Run the syntax extractor first, as `byline extract --extractors syntax,quotes`
        /// does (the labeller trained on parsed text then decides).
        #[arg(long)]
        syntax: bool,
        /// Also print how well the quotes' scores are calibrated: per score decile, the
        /// share of quote segments right end to end, and the expected calibration error.
        #[arg(long)]
        calibration: bool,
        /// Score only statements: gold attributions whose cue is communication (as
        /// ../shared/eval/statement_cues.py keeps them) against byline's quotes of act
        /// statement.
        #[arg(long, value_delimiter = ',')]
        acts: Option<Vec<String>>,
        /// Which report: `segments` (eval_quotes.py) or `coverage` (eval_quotes_coverage.py:
        /// the share of each gold quote's characters a reported quote covers, at 0.3 and 0.8).
        #[arg(long, value_enum, default_value_t = QuoteMetric::Segments)]
        metric: QuoteMetric,
        /// Minimum quote score: byline's (default: byline extract's default), or a filter
        /// on the quotes of a --system file.
        #[arg(long)]
        min_quote_score: Option<f64>,
        /// Which attributions byline reports: statements (the default) or all (thoughts too).
        #[arg(long, value_enum, default_value_t = AttributionsArg::Statements)]
        attributions: AttributionsArg,
    },
    /// Temporal expressions on TimeML .tml files: extent, type and value scores.
    Dates {
        /// Folder of .tml files (searched recursively).
        gold: PathBuf,
        /// Also write byline's output as `<doc>.json` files into this folder.
        #[arg(long)]
        predict: Option<PathBuf>,
        /// Score this folder of `<doc>.json` system files instead of running byline.
        #[arg(long)]
        system: Option<PathBuf>,
        /// Run the syntax extractor first, as `byline extract --extractors syntax,dates`
        /// does (the parse then also decides which dates are in the future).
        #[arg(long)]
        syntax: bool,
    },
    /// Target sentiment on NewsMTSC JSONL: accuracy and macro-F1.
    Stance {
        /// Gold NewsMTSC JSONL file.
        gold: PathBuf,
        /// Also write byline's predictions here (JSONL, the reference scorer's format).
        #[arg(long)]
        predict: Option<PathBuf>,
        /// Score this system file ({"id", "polarity"} per line) instead of running byline.
        #[arg(long)]
        system: Option<PathBuf>,
        /// Also print how well byline's scores are calibrated.
        #[arg(long)]
        calibration: bool,
        /// Run the syntax extractor first (the portrayal model trained with the parse's
        /// features is then used).
        #[arg(long)]
        syntax: bool,
    },
    /// Stance direction between two entities on DSE (tab-separated): who is for or
    /// against whom, P/R/F1 per label and precision by score.
    Direction {
        /// Gold DSE file (sentence, entity1, entity2, label).
        gold: PathBuf,
        /// Run the syntax extractor first (stance predicates are then read from the parse).
        #[arg(long)]
        syntax: bool,
        /// Keep only stances scoring at least this (default: byline's default stance
        /// layer; 0 scores every stance byline finds).
        #[arg(long)]
        min_stance_score: Option<f64>,
    },
    /// Names (PER/ORG/LOC) and pronouns resolved to named clusters on GUM, as
    /// `eval_gum.py score` reports them: byline runs on each document's text rebuilt from
    /// its tokens.
    Gum {
        /// Gold GUM CoNLL-U file, or a folder of them.
        gold: PathBuf,
        /// Score this JSONL (or JSONL.gz) file of system records instead of running byline.
        #[arg(long)]
        system: Option<PathBuf>,
        /// Run the syntax extractor before the entities (the resolver reads the parse).
        #[arg(long)]
        syntax: bool,
    },
    /// Entity-to-entity stance on SEESAW, as `eval_seesaw.py score` reports it: byline
    /// runs on each article's sentences joined by newlines; (holder, target, polarity)
    /// triplets per sentence and per document, names matched leniently.
    Seesaw {
        /// A SEESAW split folder (with `articles/` and `annotations/`).
        gold: PathBuf,
        /// Score this JSONL (or JSONL.gz) file of system records instead of running byline
        /// (`eval_seesaw.py input` writes the input for `byline extract`).
        #[arg(long)]
        system: Option<PathBuf>,
        /// Run the syntax extractor first (stance predicates are then read from the parse).
        #[arg(long)]
        syntax: bool,
        /// Keep only stances scoring at least this (default: byline's default stance
        /// layer; 0 scores every stance byline finds).
        #[arg(long)]
        min_stance_score: Option<f64>,
    },
    /// Tags, lemmas and dependency trees on UD treebanks: byline segments and parses each
    /// document's raw text and scores it as eval_conllu.py does (words aligned by
    /// characters; P/R/F1 of words, UPOS, XPOS, lemma, UAS, LAS).
    Syntax {
        /// Gold CoNLL-U file, or a folder of them.
        gold: PathBuf,
        /// Also write byline's CoNLL-U: a file (one gold file) or a folder of files named
        /// as the gold ones.
        #[arg(long)]
        predict: Option<PathBuf>,
        /// Tag and parse the gold words (the treebank's tokenisation and sentences)
        /// instead, and print accuracies.
        #[arg(long)]
        gold_words: bool,
    },
}

/// One line per panic on stderr: a panic inside an article becomes an error record,
/// so a batch job should not fill its log with backtraces.
fn install_panic_hook() {
    std::panic::set_hook(Box::new(|info| {
        let location = info
            .location()
            .map(|l| format!(" at {}:{}", l.file(), l.line()))
            .unwrap_or_default();
        let message = info
            .payload()
            .downcast_ref::<&str>()
            .map(|s| s.to_string())
            .or_else(|| info.payload().downcast_ref::<String>().cloned())
            .unwrap_or_default();
        eprintln!("byline: caught panic{location}: {message}");
    }));
}

fn main() -> ExitCode {
    install_panic_hook();
    let cli = Cli::parse();
    match cli.command {
        Command::Extract(args) => match extract::run(args) {
            Ok(code) => code,
            Err(e) => {
                eprintln!("byline extract: {e}");
                ExitCode::from(2)
            }
        },
        Command::Table(args) => match table::run(args) {
            Ok(_) => ExitCode::SUCCESS,
            Err(e) => {
                eprintln!("byline table: {e}");
                ExitCode::from(2)
            }
        },
        Command::Bench(args) => match bench::run(args) {
            Ok(()) => ExitCode::SUCCESS,
            Err(e) => {
                eprintln!("byline bench: {e}");
                ExitCode::from(2)
            }
        },
        Command::Corpus { task } => match corpus::run(task) {
            Ok(()) => ExitCode::SUCCESS,
            Err(e) => {
                eprintln!("byline corpus: {e}");
                ExitCode::from(2)
            }
        },
        Command::Schema => {
            print!("{}", byline_core::schema::output_schema_text());
            ExitCode::SUCCESS
        }
        Command::Train { task } => {
            let (what, result) = match task {
                TrainTask::Ner(args) => ("ner", train::run(args)),
                TrainTask::Clusters(args) => ("clusters", train::run_clusters(args)),
                TrainTask::Quotes(args) => ("quotes", train_quotes::run(args)),
                TrainTask::Stance(args) => ("stance", train_stance::run(args)),
                TrainTask::Syntax(args) => ("syntax", train_syntax::run(args)),
            };
            match result {
                Ok(()) => ExitCode::SUCCESS,
                Err(e) => {
                    eprintln!("byline train {what}: {e}");
                    ExitCode::from(2)
                }
            }
        }
        Command::Eval { task } => {
            let mut options = byline_eval::EvalOptions::default();
            let (task, gold) = match task {
                EvalTask::Ner { gold, predict } => {
                    options.predict = predict;
                    (byline_eval::Task::Ner, gold)
                }
                EvalTask::Quotes {
                    gold,
                    predict,
                    system,
                    kinds,
                    system_kinds,
                    overlap,
                    text,
                    syntax,
                    calibration,
                    acts,
                    metric,
                    min_quote_score,
                    attributions,
                } => {
                    options = byline_eval::EvalOptions {
                        predict,
                        system,
                        kinds,
                        system_kinds,
                        overlap,
                        text,
                        calibration,
                        gold_words: false,
                        syntax,
                        acts,
                        coverage: metric == QuoteMetric::Coverage,
                        min_quote_score,
                        attributions: attributions.into(),
                        min_stance_score: None,
                    };
                    (byline_eval::Task::Quotes, gold)
                }
                EvalTask::Dates {
                    gold,
                    predict,
                    system,
                    syntax,
                } => {
                    options.predict = predict;
                    options.system = system;
                    options.syntax = syntax;
                    (byline_eval::Task::Dates, gold)
                }
                EvalTask::Stance {
                    gold,
                    predict,
                    system,
                    calibration,
                    syntax,
                } => {
                    options.syntax = syntax;
                    options.predict = predict;
                    options.system = system;
                    options.calibration = calibration;
                    (byline_eval::Task::Stance, gold)
                }
                EvalTask::Direction {
                    gold,
                    syntax,
                    min_stance_score,
                } => {
                    options.syntax = syntax;
                    options.min_stance_score = min_stance_score;
                    (byline_eval::Task::Direction, gold)
                }
                EvalTask::Gum { gold, system, syntax } => {
                    options.system = system;
                    options.syntax = syntax;
                    (byline_eval::Task::Gum, gold)
                }
                EvalTask::Seesaw {
                    gold,
                    system,
                    syntax,
                    min_stance_score,
                } => {
                    options.system = system;
                    options.syntax = syntax;
                    options.min_stance_score = min_stance_score;
                    (byline_eval::Task::Seesaw, gold)
                }
                EvalTask::Syntax {
                    gold,
                    predict,
                    gold_words,
                } => {
                    options.predict = predict;
                    options.gold_words = gold_words;
                    (byline_eval::Task::Syntax, gold)
                }
            };
            match byline_eval::run(task, &gold, &options) {
                Ok(report) => {
                    print!("{report}");
                    ExitCode::SUCCESS
                }
                Err(e) => {
                    eprintln!("byline eval {task}: {e}");
                    ExitCode::from(2)
                }
            }
        }
    }
}
