//! `byline corpus link IN... -o DIR`: one identity per person or organisation and each
//! quote's provenance across many articles' extract output (crate `byline-corpus`);
//! `byline corpus report DIR`: what a user reads first of it.

use clap::{Args, Subcommand};
use std::path::PathBuf;
use std::time::Instant;

/// The `corpus` subcommands.
#[derive(Subcommand, Debug)]
pub enum CorpusTask {
    /// Link extract output across articles: DIR/identities.csv, entity_links.csv,
    /// quotes.csv, occurrences.csv and summary.json.
    Link(LinkArgs),
    /// Summarise a linked corpus: top identities, most widely carried quotes, altered
    /// quotes; optionally a self-contained HTML page.
    Report(ReportArgs),
    /// Score a linked corpus against hand labels (ids and offsets only): identities by
    /// B-cubed, quote groups by pairwise precision and recall.
    Eval(EvalArgs),
}

/// Options of `byline corpus eval`.
#[derive(Args, Debug)]
pub struct EvalArgs {
    /// A folder written by `byline corpus link`.
    dir: PathBuf,
    /// The extract output it was linked from (for the labelled articles' spans).
    #[arg(long, required = true, num_args = 1..)]
    extract: Vec<PathBuf>,
    /// Identity labels: article_id, start, end, identity (TSV with a header).
    #[arg(long)]
    identities: Option<PathBuf>,
    /// Quote pair labels: article_id_a, start_a, end_a, article_id_b, start_b, end_b,
    /// same|apart (TSV with a header).
    #[arg(long)]
    quote_pairs: Option<PathBuf>,
}

/// Options of `byline corpus link`.
#[derive(Args, Debug)]
pub struct LinkArgs {
    /// `byline extract` output: JSONL or JSONL.gz files, read in order ("-" or none:
    /// standard input).
    inputs: Vec<PathBuf>,
    /// The folder to write the tables into (made when missing).
    #[arg(short, long)]
    output: PathBuf,
    /// The `meta` field (kept with `byline extract --keep`) naming each article's source.
    #[arg(long, default_value = "source")]
    source_field: String,
    /// Worker threads (default, or 0: all cores); the output is the same for any number.
    #[arg(long)]
    threads: Option<usize>,
    /// No summary line.
    #[arg(short, long)]
    quiet: bool,
}

/// Options of `byline corpus report`.
#[derive(Args, Debug)]
pub struct ReportArgs {
    /// A folder written by `byline corpus link`.
    dir: PathBuf,
    /// Also write a self-contained HTML page (tables and a plot of quotes over time).
    #[arg(long)]
    html: Option<PathBuf>,
    /// Rows per table.
    #[arg(long, default_value_t = 15)]
    top: usize,
}

/// Runs a `corpus` subcommand.
pub fn run(task: CorpusTask) -> Result<(), String> {
    match task {
        CorpusTask::Link(args) => link(args),
        CorpusTask::Eval(args) => {
            if args.identities.is_none() && args.quote_pairs.is_none() {
                return Err("give --identities LABELS, --quote-pairs LABELS or both".into());
            }
            if let Some(labels) = &args.identities {
                print!(
                    "{}",
                    byline_corpus::score::identities(&args.dir, &args.extract, labels)?
                );
            }
            if let Some(labels) = &args.quote_pairs {
                print!(
                    "{}",
                    byline_corpus::score::quote_pairs(&args.dir, &args.extract, labels)?
                );
            }
            Ok(())
        }
        CorpusTask::Report(args) => {
            let report = byline_corpus::report::Report::read(&args.dir, args.top)?;
            print!("{}", report.text());
            if let Some(path) = args.html {
                std::fs::write(&path, report.html()).map_err(|e| format!("{}: {e}", path.display()))?;
            }
            Ok(())
        }
    }
}

fn link(args: LinkArgs) -> Result<(), String> {
    let inputs = byline_read::input_files(&args.inputs)?;
    let threads = crate::extract::thread_count(args.threads);
    let pool = rayon::ThreadPoolBuilder::new()
        .num_threads(threads)
        .build()
        .map_err(|e| e.to_string())?;
    let options = byline_corpus::LinkOptions {
        source_field: args.source_field,
    };
    let started = Instant::now();
    let linked = pool.install(|| byline_corpus::link(&inputs, &options))?;
    linked.write(&args.output)?;
    let s = &linked.summary;
    for w in &s.warnings {
        eprintln!("warning: {w}");
    }
    if !args.quiet {
        let seconds = started.elapsed().as_secs_f64();
        eprintln!(
            "{} articles ({} error records, {} unreadable lines): {} clusters → {} identities, {} quotes → {} groups; {:.1} MB in {:.1} s ({:.1} MB/s, {} threads) → {}",
            s.articles,
            s.error_records,
            s.unreadable_lines,
            s.clusters,
            s.identities,
            s.occurrences,
            s.quotes,
            s.input_bytes as f64 / 1e6,
            seconds,
            s.input_bytes as f64 / 1e6 / seconds.max(1e-9),
            threads,
            args.output.display()
        );
    }
    Ok(())
}
