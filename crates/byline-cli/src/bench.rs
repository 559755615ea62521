//! `byline bench`: whole-corpus throughput of the full pipeline and of each extractor,
//! with 1 and 2 threads, and the peak memory of each run.
//!
//! Every row runs in a child process of its own (`byline bench CORPUS --single …`), so
//! that its peak resident memory is its own. A child reads, parses, analyses and
//! serialises every article exactly as `byline extract` does (the output goes to a sink)
//! and prints one JSON line of figures; the parent prints the table.

use crate::extract::{Processed, Views, process_line};
use crate::input::spawn_reader;
use byline_core::batch::for_each_chunk;
use clap::Args;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;
use std::path::PathBuf;
use std::process::Command;
use std::time::{Duration, Instant};

/// What a row measures when none is named: the full pipeline, then each extractor of
/// the default pipeline with only the extractors it needs.
const DEFAULT_ROWS: &[&str] = &["full", "entities", "quotes", "dates", "stance"];

/// Options of `byline bench`.
#[derive(Args, Debug)]
pub struct BenchArgs {
    /// The corpus: JSONL or JSONL.gz articles (e.g. ../shared/data/corpus/allsides.jsonl.gz).
    corpus: PathBuf,
    /// Thread counts to measure, comma-separated.
    #[arg(long, value_delimiter = ',', default_values_t = [1, 2])]
    threads: Vec<usize>,
    /// Rows to measure, comma-separated: "full" and/or extractor names.
    #[arg(long, value_delimiter = ',')]
    rows: Option<Vec<String>>,
    /// Read only the first N articles.
    #[arg(long)]
    limit: Option<usize>,
    /// Articles per parallel chunk, as in `byline extract`.
    #[arg(long, default_value_t = 256)]
    chunk_size: usize,
    /// Runs of each row; the fastest is reported (with the highest peak memory of all),
    /// which filters out the noise of shared machines.
    #[arg(long, default_value_t = 1)]
    repeat: usize,
    /// Print each row as a JSON line instead of the table.
    #[arg(long)]
    json: bool,
    /// Runs one row in this process and prints its figures as JSON (used by the parent).
    #[arg(long, hide = true)]
    single: Option<String>,
}

/// The figures of one run, as a child prints them.
#[derive(Serialize, Deserialize, Debug)]
struct RunFigures {
    row: String,
    extractors: Vec<String>,
    threads: usize,
    articles: usize,
    errors: usize,
    bytes: usize,
    seconds: f64,
    /// Peak resident memory of the process, in KiB (None where the OS does not say).
    peak_rss_kib: Option<u64>,
    /// Time spent in each stage, summed over threads, in seconds.
    stage_seconds: BTreeMap<String, f64>,
}

impl RunFigures {
    fn megabytes(&self) -> f64 {
        self.bytes as f64 / 1e6
    }

    /// Megabytes per second of wall-clock time.
    fn mb_per_s(&self) -> f64 {
        self.megabytes() / self.seconds.max(1e-9)
    }

    /// Megabytes per second of one core's time in the row's own extractor (the full
    /// pipeline: in every stage).
    fn own_mb_per_core_s(&self) -> f64 {
        let busy: f64 = if self.row == "full" {
            self.stage_seconds.values().sum()
        } else {
            self.stage_seconds.get(&self.row).copied().unwrap_or(0.0)
        };
        self.megabytes() / busy.max(1e-9)
    }
}

/// The extractors a row runs.
fn row_extractors(row: &str) -> Result<Vec<String>, String> {
    if row == "full" {
        return Ok(byline::default_extractors().iter().map(|s| s.to_string()).collect());
    }
    let names = byline::with_needs(row).map_err(|e| e.to_string())?;
    Ok(names.into_iter().map(str::to_owned).collect())
}

/// Peak resident set size of this process (Linux: `VmHWM` in /proc/self/status).
fn peak_rss_kib() -> Option<u64> {
    let status = std::fs::read_to_string("/proc/self/status").ok()?;
    let line = status.lines().find(|l| l.starts_with("VmHWM:"))?;
    line.split_whitespace().nth(1)?.parse().ok()
}

/// Runs one row in this process.
fn run_single(args: &BenchArgs, row: &str) -> Result<RunFigures, String> {
    let extractors = row_extractors(row)?;
    let stages = crate::extract::Stages {
        pipeline: byline::pipeline_from_names(&extractors).map_err(|e| e.to_string())?,
        parse_after: None,
    };
    let threads = *args.threads.first().unwrap_or(&1);
    let pool = rayon::ThreadPoolBuilder::new()
        .num_threads(threads.max(1))
        .build()
        .map_err(|e| e.to_string())?;
    let started = Instant::now();
    let (chunks, reader) = spawn_reader(
        vec![args.corpus.clone()],
        byline_read::Reading::default(),
        args.chunk_size.max(1),
        args.limit.unwrap_or(usize::MAX),
    );
    let mut figures = RunFigures {
        row: row.to_owned(),
        extractors,
        threads,
        articles: 0,
        errors: 0,
        bytes: 0,
        seconds: 0.0,
        peak_rss_kib: None,
        stage_seconds: BTreeMap::new(),
    };
    let mut sink = std::io::sink();
    let timed_line = |line| {
        let mut timings: Vec<(&'static str, Duration)> = Vec::with_capacity(8);
        let processed = process_line(&stages, line, &[], None, Views::default(), &mut |stage, took| {
            timings.push((stage, took));
        });
        (processed, timings)
    };
    for_each_chunk(
        chunks.into_iter().flatten(),
        args.chunk_size.max(1),
        Some(&pool),
        timed_line,
        |results: Vec<(Processed, Vec<(&'static str, Duration)>)>| {
            for (processed, stages) in results {
                std::io::Write::write_all(&mut sink, processed.json.as_bytes()).map_err(|e| e.to_string())?;
                figures.articles += 1;
                figures.errors += usize::from(processed.failed);
                figures.bytes += processed.bytes;
                for (stage, took) in stages {
                    *figures.stage_seconds.entry(stage.to_owned()).or_default() += took.as_secs_f64();
                }
            }
            Ok::<(), String>(())
        },
    )?;
    figures.seconds = started.elapsed().as_secs_f64();
    reader
        .join()
        .map_err(|_| "the input reader thread panicked".to_owned())?
        .map_err(|e| format!("reading input: {e}"))?;
    figures.peak_rss_kib = peak_rss_kib();
    Ok(figures)
}

/// Runs one row in a child process and reads its figures.
fn run_child(args: &BenchArgs, row: &str, threads: usize) -> Result<RunFigures, String> {
    let exe = std::env::current_exe().map_err(|e| format!("finding the byline executable: {e}"))?;
    let mut command = Command::new(exe);
    command
        .arg("bench")
        .arg(&args.corpus)
        .args(["--single", row])
        .args(["--threads", &threads.to_string()])
        .args(["--chunk-size", &args.chunk_size.to_string()]);
    if let Some(limit) = args.limit {
        command.args(["--limit", &limit.to_string()]);
    }
    let output = command.output().map_err(|e| format!("starting a benchmark run: {e}"))?;
    if !output.status.success() {
        return Err(format!(
            "the {row} run with {threads} threads failed: {}",
            String::from_utf8_lossy(&output.stderr).trim()
        ));
    }
    serde_json::from_slice(&output.stdout).map_err(|e| format!("reading the figures of the {row} run: {e}"))
}

fn print_header(corpus: &str) {
    println!("byline bench: {corpus} (each row in its own process; output serialised to a sink)");
    println!(
        "{:<10} {:>7} {:>9} {:>8} {:>9} {:>8} {:>11} {:>9} {:>14}",
        "row", "threads", "articles", "MB", "seconds", "MB/s", "articles/s", "peak RSS", "own MB/s/core"
    );
}

fn print_row(f: &RunFigures) {
    let rss = f
        .peak_rss_kib
        .map_or_else(|| "n/a".to_owned(), |k| format!("{:.0} MB", k as f64 / 1024.0));
    println!(
        "{:<10} {:>7} {:>9} {:>8.1} {:>9.2} {:>8.2} {:>11.0} {:>9} {:>14.2}",
        f.row,
        f.threads,
        f.articles,
        f.megabytes(),
        f.seconds,
        f.mb_per_s(),
        f.articles as f64 / f.seconds.max(1e-9),
        rss,
        f.own_mb_per_core_s()
    );
}

/// The share of each stage in a full-pipeline run, and its own speed per core.
fn print_stages(f: &RunFigures) {
    let total: f64 = f.stage_seconds.values().sum::<f64>().max(1e-9);
    let mut stages: Vec<_> = f.stage_seconds.iter().collect();
    stages.sort_by(|a, b| b.1.total_cmp(a.1));
    println!(
        "stages of the full pipeline ({} threads): share of time, MB/s per core",
        f.threads
    );
    for (stage, secs) in stages {
        println!(
            "  {:<14} {:>5.1} % {:>9.2}",
            stage,
            100.0 * secs / total,
            f.megabytes() / secs.max(1e-9)
        );
    }
}

/// Runs `byline bench`.
pub fn run(args: BenchArgs) -> Result<(), String> {
    if !args.corpus.exists() {
        return Err(format!("{}: no such file", args.corpus.display()));
    }
    if let Some(row) = &args.single {
        let figures = run_single(&args, row)?;
        println!("{}", serde_json::to_string(&figures).map_err(|e| e.to_string())?);
        return Ok(());
    }
    let rows: Vec<String> = args
        .rows
        .clone()
        .unwrap_or_else(|| DEFAULT_ROWS.iter().map(|s| s.to_string()).collect());
    for row in &rows {
        row_extractors(row)?; // unknown names fail before any run
    }
    if !args.json {
        print_header(&args.corpus.display().to_string());
    }
    let mut full_single_thread = None;
    for row in &rows {
        for &threads in &args.threads {
            let mut figures = run_child(&args, row, threads.max(1))?;
            for _ in 1..args.repeat {
                let again = run_child(&args, row, threads.max(1))?;
                let peak = figures.peak_rss_kib.max(again.peak_rss_kib);
                if again.seconds < figures.seconds {
                    figures = again;
                }
                figures.peak_rss_kib = peak;
            }
            if args.json {
                println!("{}", serde_json::to_string(&figures).map_err(|e| e.to_string())?);
            } else {
                print_row(&figures);
            }
            if row == "full" && full_single_thread.is_none() {
                full_single_thread = Some(figures);
            }
        }
    }
    if let (false, Some(full)) = (args.json, full_single_thread) {
        print_stages(&full);
    }
    Ok(())
}
