//! `byline extract`: JSONL in, JSONL out, in input order, one output line per input
//! line. Bad records become error records; only unreadable input or unwritable output
//! stops the run.

use crate::input::{RawLine, spawn_reader};
use byline::{ArticleError, OutputRecord, Pipeline};
use byline_core::input::{is_blank, parse_line};
use clap::Args;
use flate2::Compression;
use flate2::write::GzEncoder;
use indicatif::{ProgressBar, ProgressStyle};
use rayon::prelude::*;
use std::collections::HashSet;
use std::fs::OpenOptions;
use std::io::{self, BufWriter, IsTerminal, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::time::{Duration, Instant};

/// Options of `byline extract`.
#[derive(Args, Debug)]
pub struct ExtractArgs {
    /// Input files (JSONL or JSONL.gz); none or "-" reads standard input.
    inputs: Vec<PathBuf>,
    /// Output file (".gz" compresses); standard output when absent.
    #[arg(short, long)]
    output: Option<PathBuf>,
    /// Worker threads (default: all cores).
    #[arg(long)]
    threads: Option<usize>,
    /// Exit with status 1 when any record failed.
    #[arg(long)]
    strict: bool,
    /// Extractors to run, comma-separated (default: entities,quotes,dates,stance).
    #[arg(long, value_delimiter = ',')]
    extractors: Option<Vec<String>>,
    /// Articles per parallel chunk (memory is bounded by about three chunks).
    #[arg(long, default_value_t = 256)]
    chunk_size: usize,
    /// No progress bar and no summary line.
    #[arg(short, long)]
    quiet: bool,
    /// Also write an HTML view of every article (text with entities, quotes, dates and
    /// stances marked; self-contained, no external assets) to this file.
    #[arg(long)]
    html: Option<PathBuf>,
    /// Continue an interrupted run: keep the complete lines already in the output file
    /// (a cut-off last line is removed), skip input records whose id is among them and
    /// append the rest. Needs a plain (not gzip) `--output` file.
    #[arg(long, requires = "output")]
    resume: bool,
}

struct Totals {
    articles: usize,
    errors: usize,
    bytes: usize,
    skipped: usize,
}

/// One processed line: its JSON, whether it failed, its size, and its HTML if asked for.
pub(crate) type Processed = (String, bool, usize, Option<String>);

/// Parses, analyses and serialises one input line, reporting stage times to `timed`.
pub(crate) fn process_line(
    pipeline: &Pipeline,
    line: RawLine,
    html: bool,
    timed: &mut dyn FnMut(&'static str, Duration),
) -> Processed {
    process_line_unless_done(pipeline, line, html, timed, None).expect("nothing is done yet")
}

/// Like [`process_line`], but `None` when the record's id is in `done` (a resumed run).
fn process_line_unless_done(
    pipeline: &Pipeline,
    line: RawLine,
    html: bool,
    timed: &mut dyn FnMut(&'static str, Duration),
    done: Option<&HashSet<String>>,
) -> Option<Processed> {
    let bytes = line.bytes.len();
    let parsed = if is_blank(&line.bytes) {
        Err(ArticleError::input(&line.fallback_id, "empty line"))
    } else {
        parse_line(&line.bytes, &line.fallback_id)
    };
    if let Some(done) = done {
        let id = match &parsed {
            Ok(article) => &article.id,
            Err(e) => &e.id,
        };
        if done.contains(id) {
            return None;
        }
    }
    let result = parsed.and_then(|article| pipeline.process_timed(article, timed));
    let record = match &result {
        Ok(doc) => doc.to_output(),
        Err(e) => OutputRecord::from_error(e),
    };
    let view = html.then(|| {
        let text = result.as_ref().map_or("", |doc| doc.text.as_str());
        byline_html::article(text, &record) + "<hr>"
    });
    Some((record.to_json(), result.is_err(), bytes, view))
}

/// Prepares the output file of a resumed run: cuts a last line that has no newline
/// (the run was killed while writing it) and returns the ids of the records already
/// written. A missing file is an empty one.
fn resume_output(path: &Path) -> Result<HashSet<String>, String> {
    if path.extension().is_some_and(|e| e == "gz") {
        return Err(format!(
            "--resume needs a plain output file; {} is gzip (a killed gzip stream cannot be continued)",
            path.display()
        ));
    }
    let data = match std::fs::read(path) {
        Ok(data) => data,
        Err(e) if e.kind() == io::ErrorKind::NotFound => return Ok(HashSet::new()),
        Err(e) => return Err(format!("{}: {e}", path.display())),
    };
    let complete = data.iter().rposition(|&b| b == b'\n').map_or(0, |i| i + 1);
    let mut done = HashSet::new();
    for (n, line) in data[..complete].split(|&b| b == b'\n').enumerate() {
        if line.is_empty() {
            continue;
        }
        #[derive(serde::Deserialize)]
        struct Written {
            id: String,
        }
        let written: Written = serde_json::from_slice(line).map_err(|e| {
            format!(
                "{} line {} is not a byline output record ({e}); not resuming into it",
                path.display(),
                n + 1
            )
        })?;
        done.insert(written.id);
    }
    if complete < data.len() {
        let file = OpenOptions::new()
            .write(true)
            .open(path)
            .map_err(|e| format!("{}: {e}", path.display()))?;
        file.set_len(complete as u64)
            .map_err(|e| format!("cutting the unfinished last line of {}: {e}", path.display()))?;
    }
    Ok(done)
}

fn open_output(path: Option<&PathBuf>, append: bool) -> io::Result<Box<dyn Write>> {
    Ok(match path {
        None => Box::new(BufWriter::with_capacity(1 << 20, io::stdout().lock())),
        Some(p) => {
            let file = OpenOptions::new()
                .write(true)
                .create(true)
                .append(append)
                .truncate(!append)
                .open(p)
                .map_err(|e| io::Error::new(e.kind(), format!("{}: {e}", p.display())))?;
            let file = BufWriter::with_capacity(1 << 20, file);
            if p.extension().is_some_and(|e| e == "gz") {
                Box::new(GzEncoder::new(file, Compression::default()))
            } else {
                Box::new(file)
            }
        }
    })
}

/// Runs `byline extract`.
pub fn run(args: ExtractArgs) -> Result<ExitCode, String> {
    let names = args
        .extractors
        .clone()
        .unwrap_or_else(|| byline::DEFAULT_EXTRACTORS.iter().map(|s| s.to_string()).collect());
    let pipeline = byline::pipeline_from_names(&names).map_err(|e| e.to_string())?;
    let threads = args
        .threads
        .unwrap_or_else(|| std::thread::available_parallelism().map_or(1, |n| n.get()))
        .max(1);
    let pool = rayon::ThreadPoolBuilder::new()
        .num_threads(threads)
        .build()
        .map_err(|e| e.to_string())?;
    let inputs = if args.inputs.is_empty() {
        vec![PathBuf::from("-")]
    } else {
        args.inputs.clone()
    };
    for p in &inputs {
        if p != &PathBuf::from("-") && !p.exists() {
            return Err(format!("{}: no such file", p.display()));
        }
    }
    let done = match (&args.output, args.resume) {
        (Some(path), true) => Some(resume_output(path)?),
        _ => None,
    };
    let mut out = open_output(args.output.as_ref(), done.is_some()).map_err(|e| e.to_string())?;
    let mut html = match &args.html {
        Some(path) => {
            let mut file = open_output(Some(path), false).map_err(|e| e.to_string())?;
            file.write_all(byline_html::page_head().as_bytes())
                .map_err(|e| format!("writing {}: {e}", path.display()))?;
            Some(file)
        }
        None => None,
    };
    let progress = (!args.quiet && io::stderr().is_terminal()).then(|| {
        let bar = ProgressBar::new_spinner();
        bar.set_style(
            ProgressStyle::with_template("{spinner} {pos} articles, {msg} [{elapsed}]").expect("valid template"),
        );
        bar.enable_steady_tick(Duration::from_millis(200));
        bar
    });

    let started = Instant::now();
    let (chunks, reader) = spawn_reader(inputs, args.chunk_size.max(1), usize::MAX);
    let mut totals = Totals {
        articles: 0,
        errors: 0,
        bytes: 0,
        skipped: 0,
    };
    let want_html = html.is_some();
    for chunk in chunks {
        let results: Vec<Option<Processed>> = pool.install(|| {
            chunk
                .into_par_iter()
                .map(|line| process_line_unless_done(&pipeline, line, want_html, &mut |_, _| {}, done.as_ref()))
                .collect()
        });
        // The chunk's lines go out in one write and are flushed, so that a killed run
        // leaves whole lines (and `--resume` cuts the rare unfinished one).
        let mut lines = Vec::with_capacity(results.iter().flatten().map(|r| r.0.len() + 1).sum());
        let mut views = String::new();
        for result in results {
            let Some((json, failed, bytes, view)) = result else {
                totals.skipped += 1;
                continue;
            };
            lines.extend_from_slice(json.as_bytes());
            lines.push(b'\n');
            views.push_str(view.as_deref().unwrap_or(""));
            totals.articles += 1;
            totals.errors += usize::from(failed);
            totals.bytes += bytes;
        }
        if let Some(file) = html.as_mut() {
            file.write_all(views.as_bytes())
                .map_err(|e| format!("writing the HTML view: {e}"))?;
        }
        out.write_all(&lines)
            .and_then(|()| out.flush())
            .map_err(|e| format!("writing output: {e}"))?;
        if let Some(bar) = &progress {
            bar.set_position(totals.articles as u64);
            let secs = started.elapsed().as_secs_f64().max(1e-9);
            bar.set_message(format!(
                "{} errors, {:.1} MB/s",
                totals.errors,
                totals.bytes as f64 / 1e6 / secs
            ));
        }
    }
    if let Some(mut file) = html {
        file.write_all(byline_html::PAGE_END.as_bytes())
            .and_then(|()| file.flush())
            .map_err(|e| format!("writing the HTML view: {e}"))?;
    }
    drop(out); // finishes a gzip stream
    if let Some(bar) = progress {
        bar.finish_and_clear();
    }
    let read_result = reader
        .join()
        .map_err(|_| "the input reader thread panicked".to_owned())?;
    let secs = started.elapsed().as_secs_f64().max(1e-9);
    if !args.quiet {
        if done.is_some() {
            eprintln!(
                "byline: resumed; {} records already in the output were skipped",
                totals.skipped
            );
        }
        eprintln!(
            "byline: {} articles, {} errors, {:.1} MB in {:.2} s: {:.2} MB/s, {:.0} articles/s ({} threads)",
            totals.articles,
            totals.errors,
            totals.bytes as f64 / 1e6,
            secs,
            totals.bytes as f64 / 1e6 / secs,
            totals.articles as f64 / secs,
            threads
        );
    }
    read_result.map_err(|e| format!("reading input: {e}"))?;
    Ok(if args.strict && totals.errors > 0 {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    })
}
