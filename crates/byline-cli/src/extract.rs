//! `byline extract`: JSONL in, JSONL out, in input order, one output line per input
//! line. Bad records become error records; only unreadable input or unwritable output
//! stops the run.

use crate::input::{RawLine, spawn_reader};
use crate::summary::{ERRORS_SHOWN, Totals, other_format, summary};
use byline::{ArticleError, OutputRecord, Pipeline};
use byline_core::batch::for_each_chunk;
use byline_core::input::{is_blank, read_line_in_order};
use byline_read::{Reading, check_headers};
use clap::Args;
use flate2::Compression;
use flate2::write::GzEncoder;
use indicatif::{ProgressBar, ProgressStyle};
use std::fs::OpenOptions;
use std::io::{self, BufWriter, IsTerminal, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::{Duration, Instant};

/// Options of `byline extract`.
#[derive(Args, Debug)]
pub struct ExtractArgs {
    /// Input files (JSONL or JSONL.gz); none or "-" reads standard input.
    inputs: Vec<PathBuf>,
    /// Output file (".gz" compresses); standard output when absent.
    #[arg(short, long)]
    output: Option<PathBuf>,
    /// Keep only quotes whose score (the calibrated probability that the quote and its
    /// speaker are right) is at least this, in [0, 1]; stances read only the quotes kept.
    #[arg(long, default_value_t = byline::DEFAULT_MIN_QUOTE_SCORE)]
    min_quote_score: f64,
    /// Which attributions the quotes layer holds: statements (what was said or written;
    /// the default) or all (beliefs, intentions and perceptions too, with act "thought").
    #[arg(long, value_enum, default_value_t = crate::AttributionsArg::Statements)]
    attributions: crate::AttributionsArg,
    /// Keep only stances whose score (the calibrated probability that holder, target and
    /// polarity are right) is at least this, in [0, 1]. The default keeps the stances a
    /// predicate states with holder and target written; lower values add weaker
    /// predicates, conduct verbs in quotes and quotes' portrayals.
    #[arg(long, default_value_t = byline::DEFAULT_MIN_STANCE_SCORE)]
    min_stance_score: f64,
    /// Worker threads (default, or 0: all cores).
    #[arg(long)]
    threads: Option<usize>,
    /// Exit with status 1 when any record failed (warnings do not count).
    #[arg(long)]
    strict: bool,
    /// Extractors to run, comma-separated (default: the default pipeline, every built-in
    /// but the plug-ins).
    #[arg(long, value_delimiter = ',', value_parser = clap::builder::PossibleValuesParser::new(byline::available_extractors()))]
    extractors: Option<Vec<String>>,
    /// The input format: jsonl (one JSON object a line), json (an array of objects), csv
    /// or tsv (with a header row), html or text (the whole input one article). Detected
    /// from the file name (.html, .htm, .txt) or the first bytes when absent. A folder
    /// stands for its .txt and .html files, one article each (id: the file's path).
    #[arg(long, value_enum)]
    format: Option<byline_read::InputFormat>,
    /// The column or key holding the article text.
    #[arg(long, default_value = "text")]
    text_field: String,
    /// The column or key holding the record id.
    #[arg(long, default_value = "id")]
    id_field: String,
    /// The column or key holding the publication date.
    #[arg(long, default_value = "published")]
    published_field: String,
    /// The order of day and month in slash dates in "published" ("04/05/2024"); without
    /// it such dates are ambiguous: the article is analysed without a date and warned.
    #[arg(long, value_enum)]
    date_order: Option<DateOrderArg>,
    /// Copy these input fields, comma-separated, verbatim into each output record's
    /// "meta" (e.g. --keep title,url,source).
    #[arg(long, value_delimiter = ',')]
    keep: Vec<String>,
    /// Analyse only the first N input records.
    #[arg(long)]
    limit: Option<usize>,
    /// Articles per parallel chunk (memory is bounded by about three chunks).
    #[arg(long, default_value_t = 256)]
    chunk_size: usize,
    /// No progress bar and no summary line.
    #[arg(short, long)]
    quiet: bool,
    /// Also write an HTML view of the articles (text with entities, quotes, dates and
    /// stances marked; self-contained, no external assets) to this file.
    #[arg(long)]
    html: Option<PathBuf>,
    /// Add each article's syntax to its record: "tokens" (words with lemma, UPOS, XPOS,
    /// head, relation) and "sentences" (each sentence's token range). The parse is made
    /// after the other layers and changes none of them (see --parse).
    #[arg(long)]
    tokens: bool,
    /// Parse every article first and let the other extractors read the parse: quotes
    /// then take candidates and arguments from the dependency tree, stance its holders
    /// and targets (a little better on held-out data, see the README; about a sixth of
    /// the speed). Without it --tokens and --conllu only add output.
    #[arg(long)]
    parse: bool,
    /// Also write every article's dependency parse to this CoNLL-U file (".gz"
    /// compresses), each sentence with `# sent_id = <id>-<n>` and `# text`.
    #[arg(long)]
    conllu: Option<PathBuf>,
    /// Most articles the HTML view shows (a page of many thousands opens nowhere).
    #[arg(long, default_value_t = 1000, requires = "html")]
    html_limit: usize,
    /// Continue an interrupted run: keep the complete lines already in the output file
    /// (a cut-off last line is removed), skip as many input lines as it holds (one
    /// output line per input line, in order) and append the rest. Needs a plain (not
    /// gzip) `--output` file.
    #[arg(long, requires = "output")]
    resume: bool,
}

/// One processed line: its JSON, whether it failed, whether it has warnings, its size,
/// and its HTML if asked for.
pub(crate) struct Processed {
    pub(crate) json: String,
    /// The CoNLL-U of the parse, if asked for.
    pub(crate) conllu: Option<String>,
    pub(crate) failed: bool,
    pub(crate) warned: bool,
    pub(crate) bytes: usize,
    /// The HTML view: the article's index entry and its section.
    pub(crate) html: Option<(String, String)>,
    /// The error message with the record's number, for a failed record.
    pub(crate) error: Option<String>,
    /// A hint when the failed record looks like another input format.
    pub(crate) hint: Option<String>,
}

/// What to write of each article besides its JSON record.
#[derive(Clone, Copy, Default)]
pub(crate) struct Views {
    /// Its HTML view.
    pub(crate) html: bool,
    /// Its tokens layer in the record.
    pub(crate) tokens: bool,
    /// Its parse as CoNLL-U.
    pub(crate) conllu: bool,
}

/// The pipeline of `byline extract`, and the parse to add after it when the output
/// asks for the parse but the other layers are not to read it.
pub(crate) struct Stages {
    /// The extractors whose layers the record holds.
    pub(crate) pipeline: Pipeline,
    /// The syntax extractor, run after them (`--tokens` or `--conllu` without `--parse`).
    pub(crate) parse_after: Option<Pipeline>,
}

/// The order of day and month in slash dates.
#[derive(clap::ValueEnum, Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum DateOrderArg {
    /// Day, month, year: 19/04/2025.
    Dmy,
    /// Month, day, year: 04/19/2025.
    Mdy,
}

impl From<DateOrderArg> for byline_core::DateOrder {
    fn from(order: DateOrderArg) -> Self {
        match order {
            DateOrderArg::Dmy => byline_core::DateOrder::Dmy,
            DateOrderArg::Mdy => byline_core::DateOrder::Mdy,
        }
    }
}

/// Parses, analyses and serialises one input line (copying the `keep` fields into
/// `meta`, reading slash dates in `date_order`), reporting stage times to `timed`.
pub(crate) fn process_line(
    stages: &Stages,
    line: RawLine,
    keep: &[String],
    date_order: Option<byline_core::DateOrder>,
    views: Views,
    timed: &mut dyn FnMut(&'static str, Duration),
) -> Processed {
    let bytes = line.bytes.len();
    let (parsed, meta) = if let Some(why) = &line.error {
        (
            Err(ArticleError::input(&line.fallback_id, why.clone())),
            (!keep.is_empty()).then(Default::default),
        )
    } else if is_blank(&line.bytes) {
        (
            Err(ArticleError::input(&line.fallback_id, "empty line")),
            (!keep.is_empty()).then(Default::default),
        )
    } else {
        read_line_in_order(&line.bytes, &line.fallback_id, keep, date_order)
    };
    // HTML (tags or character references in the text) becomes article text; the record
    // then carries the text analysed.
    let (parsed, converted) = byline_read::record_from_markup(parsed);
    let result = parsed
        .and_then(|article| stages.pipeline.process_timed(article, timed))
        .and_then(|doc| match &stages.parse_after {
            Some(parse) => parse.extend_timed(doc, timed),
            None => Ok(doc),
        });
    let mut record = match &result {
        Ok(doc) if views.tokens => OutputRecord::from_document_with_tokens(doc),
        Ok(doc) => doc.to_output(),
        Err(e) => OutputRecord::from_error(e),
    }
    .with_meta(meta);
    if let Ok(doc) = &result
        && converted
        && record.error.is_none()
    {
        record.text = Some(doc.text.clone());
    }
    let conllu = match &result {
        Ok(doc) if views.conllu && record.error.is_none() => Some(byline_syntax::conllu::document(doc)),
        _ => None,
    };
    let error = record
        .error
        .as_ref()
        .map(|e| format!("record {}: {e}", line.fallback_id));
    let hint = record
        .error
        .as_ref()
        .filter(|e| e.starts_with("invalid JSON"))
        .and_then(|_| other_format(&line.fallback_id, &line.bytes));
    let view = views.html.then(|| {
        let text = result.as_ref().map_or("", |doc| doc.text.as_str());
        (byline_html::index_entry(&record), byline_html::article(text, &record))
    });
    Processed {
        json: record.to_json(),
        conllu,
        // An article whose output cannot be made is an error record too.
        failed: record.error.is_some(),
        warned: !record.warnings.is_empty(),
        bytes,
        html: view,
        error,
        hint,
    }
}

/// Prepares the output file of a resumed run: cuts a last line that has no newline
/// (the run was killed while writing it), checks that the complete lines are byline
/// output records and returns how many there are. A missing file is an empty one.
fn resume_output(path: &Path) -> Result<usize, String> {
    if path.extension().is_some_and(|e| e == "gz") {
        return Err(format!(
            "--resume needs a plain output file; {} is gzip (a killed gzip stream cannot be continued)",
            path.display()
        ));
    }
    let data = match std::fs::read(path) {
        Ok(data) => data,
        Err(e) if e.kind() == io::ErrorKind::NotFound => return Ok(0),
        Err(e) => return Err(format!("{}: {e}", path.display())),
    };
    let complete = data.iter().rposition(|&b| b == b'\n').map_or(0, |i| i + 1);
    let mut lines = 0;
    if complete > 0 {
        for (n, line) in data[..complete - 1].split(|&b| b == b'\n').enumerate() {
            #[derive(serde::Deserialize)]
            struct Written {
                #[allow(dead_code)]
                id: String,
            }
            serde_json::from_slice::<Written>(line).map_err(|e| {
                format!(
                    "{} line {} is not a byline output record ({e}); not resuming into it",
                    path.display(),
                    n + 1
                )
            })?;
            lines += 1;
        }
    }
    if complete < data.len() {
        let file = OpenOptions::new()
            .write(true)
            .open(path)
            .map_err(|e| format!("{}: {e}", path.display()))?;
        file.set_len(complete as u64)
            .map_err(|e| format!("cutting the unfinished last line of {}: {e}", path.display()))?;
    }
    Ok(lines)
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

/// Worker threads: `None` or 0 mean every core.
pub(crate) fn thread_count(threads: Option<usize>) -> usize {
    match threads {
        Some(n) if n > 0 => n,
        _ => std::thread::available_parallelism().map_or(1, |n| n.get()),
    }
}

/// Where the HTML view goes, how many articles it may show and how many it shows.
struct HtmlView {
    file: Box<dyn Write>,
    path: PathBuf,
    limit: usize,
    shown: usize,
    /// Some article was left out (the limit was reached).
    cut: bool,
    /// The index entry of each article shown, written at the end (and shown first).
    index: Vec<String>,
}

impl HtmlView {
    fn create(path: &Path, limit: usize) -> Result<Self, String> {
        let mut file = open_output(Some(&path.to_path_buf()), false).map_err(|e| e.to_string())?;
        file.write_all(byline_html::page_head().as_bytes())
            .map_err(|e| format!("writing {}: {e}", path.display()))?;
        Ok(HtmlView {
            file,
            path: path.to_path_buf(),
            limit,
            shown: 0,
            cut: false,
            index: Vec::new(),
        })
    }

    /// Whether the page can take more articles (else none need rendering).
    fn has_room(&self) -> bool {
        self.shown < self.limit
    }

    /// Writes the views of a chunk of `articles` articles while the limit allows; says
    /// once when an article is left out.
    fn write(&mut self, views: Vec<(String, String)>, articles: usize, quiet: bool) -> Result<(), String> {
        let room = self.limit - self.shown;
        for (entry, view) in views.into_iter().take(room) {
            self.shown += 1;
            self.file
                .write_all(byline_html::section(self.shown, &view).as_bytes())
                .map_err(|e| format!("writing the HTML view: {e}"))?;
            self.index.push(entry);
        }
        if articles > room && !self.cut {
            self.cut = true;
            if !quiet {
                eprintln!(
                    "byline: the HTML view {} stops after {} articles (--html-limit)",
                    self.path.display(),
                    self.limit
                );
            }
        }
        Ok(())
    }

    /// Ends the page with its index; says whether some article was left out.
    fn finish(mut self) -> Result<bool, String> {
        self.file
            .write_all((byline_html::index(&self.index) + byline_html::PAGE_END).as_bytes())
            .and_then(|()| self.file.flush())
            .map_err(|e| format!("writing the HTML view: {e}"))?;
        Ok(self.cut)
    }
}

fn progress_bar(quiet: bool) -> Option<ProgressBar> {
    (!quiet && io::stderr().is_terminal()).then(|| {
        let bar = ProgressBar::new_spinner();
        bar.set_style(
            ProgressStyle::with_template("{spinner} {pos} articles, {msg} [{elapsed}]").expect("valid template"),
        );
        bar.enable_steady_tick(Duration::from_millis(200));
        bar
    })
}

/// Runs `byline extract`.
pub fn run(args: ExtractArgs) -> Result<ExitCode, String> {
    let mut names = args
        .extractors
        .clone()
        .unwrap_or_else(|| byline::default_extractors().iter().map(|s| s.to_string()).collect());
    // The parse runs first when the other extractors are to read it; when only the
    // output asks for it, after them.
    let wants_parse = args.tokens || args.conllu.is_some();
    let named = names.iter().any(|n| n == "syntax");
    if args.parse && !named {
        names.insert(0, "syntax".to_owned());
    }
    let parse_after = (wants_parse && !args.parse && !named)
        .then(|| byline::pipeline_from_names(&["syntax"]))
        .transpose()
        .map_err(|e| e.to_string())?;
    let options = byline::PipelineOptions {
        min_quote_score: args.min_quote_score,
        attributions: args.attributions.into(),
        min_stance_score: args.min_stance_score,
    };
    let stages = Stages {
        pipeline: byline::pipeline_with_options(&names, &options).map_err(|e| e.to_string())?,
        parse_after,
    };
    let threads = thread_count(args.threads);
    let pool = rayon::ThreadPoolBuilder::new()
        .num_threads(threads)
        .build()
        .map_err(|e| e.to_string())?;
    let inputs = byline_read::input_files(&args.inputs)?;
    let reading = Reading {
        format: args.format,
        names: byline_read::FieldNames {
            text: args.text_field.clone(),
            id: args.id_field.clone(),
            published: args.published_field.clone(),
            text_option: "--text-field",
        },
    };
    check_headers(&inputs, &reading)?;
    let done = match (&args.output, args.resume) {
        (Some(path), true) => Some(resume_output(path)?),
        _ => None,
    };
    let mut out = open_output(args.output.as_ref(), done.is_some()).map_err(|e| e.to_string())?;
    let mut html = match &args.html {
        Some(path) => Some(HtmlView::create(path, args.html_limit)?),
        None => None,
    };
    let mut conllu = match &args.conllu {
        Some(path) => Some(open_output(Some(path), false).map_err(|e| e.to_string())?),
        None => None,
    };
    let progress = progress_bar(args.quiet);

    let started = Instant::now();
    let (chunks, reader) = spawn_reader(
        inputs,
        reading,
        args.chunk_size.max(1),
        args.limit.unwrap_or(usize::MAX),
    );
    let mut totals = Totals::default();
    // A resumed run skips as many input lines as the output already holds.
    let to_skip = done.unwrap_or(0);
    let read = std::cell::Cell::new(0usize);
    let lines = chunks
        .into_iter()
        .flatten()
        .inspect(|_| read.set(read.get() + 1))
        .skip(to_skip);
    // Articles past the HTML page's limit are not rendered at all.
    let want_html = AtomicBool::new(html.as_ref().is_some_and(HtmlView::has_room));
    let date_order = args.date_order.map(byline_core::DateOrder::from);
    for_each_chunk(
        lines,
        args.chunk_size.max(1),
        Some(&pool),
        |line| {
            let views = Views {
                html: want_html.load(Ordering::Relaxed),
                tokens: args.tokens,
                conllu: args.conllu.is_some(),
            };
            process_line(&stages, line, &args.keep, date_order, views, &mut |_, _| {})
        },
        |mut results| {
            if let Some(file) = conllu.as_mut() {
                for text in results.iter_mut().filter_map(|r| r.conllu.take()) {
                    file.write_all(text.as_bytes())
                        .map_err(|e| format!("writing the CoNLL-U: {e}"))?;
                }
            }
            write_chunk(results, &mut out, html.as_mut(), &mut totals, args.quiet)?;
            want_html.store(html.as_ref().is_some_and(HtmlView::has_room), Ordering::Relaxed);
            if let Some(bar) = &progress {
                bar.set_position(totals.articles as u64);
                let secs = started.elapsed().as_secs_f64().max(1e-9);
                bar.set_message(format!(
                    "{} errors, {:.1} MB/s",
                    totals.errors,
                    totals.bytes as f64 / 1e6 / secs
                ));
            }
            Ok::<(), String>(())
        },
    )?;
    totals.skipped = read.get().min(to_skip);
    let html_cut = match html {
        Some(view) => view.finish()?,
        None => false,
    };
    drop(out); // finishes a gzip stream
    if let Some(mut file) = conllu {
        file.flush().map_err(|e| format!("writing the CoNLL-U: {e}"))?;
    }
    if let Some(bar) = progress {
        bar.finish_and_clear();
    }
    let read_result = reader
        .join()
        .map_err(|_| "the input reader thread panicked".to_owned())?;
    read_result.map_err(|e| format!("reading input: {e}"))?;
    if read.get() < to_skip {
        return Err(format!(
            "--resume: {} holds {} more lines than the input has records; it is not the output of this input (left as it is)",
            args.output.as_ref().map_or(String::new(), |p| p.display().to_string()),
            to_skip - read.get()
        ));
    }
    if !args.quiet {
        summary(
            &totals,
            threads,
            started.elapsed().as_secs_f64().max(1e-9),
            done.is_some(),
            args.html.as_deref().map(|p| (p, args.html_limit)),
            html_cut,
        );
    }
    Ok(if args.strict && totals.errors > 0 {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    })
}

/// Writes one chunk's records (and HTML views) and counts them. The lines go out in one
/// write and are flushed, so that a killed run leaves whole lines (and `--resume` cuts
/// the rare unfinished one).
fn write_chunk(
    results: Vec<Processed>,
    out: &mut dyn Write,
    html: Option<&mut HtmlView>,
    totals: &mut Totals,
    quiet: bool,
) -> Result<(), String> {
    let articles = results.len();
    let mut lines = Vec::with_capacity(results.iter().map(|r| r.json.len() + 1).sum());
    let mut views = Vec::new();
    for result in results {
        lines.extend_from_slice(result.json.as_bytes());
        lines.push(b'\n');
        views.extend(result.html);
        totals.articles += 1;
        totals.errors += usize::from(result.failed);
        totals.warned += usize::from(result.warned);
        totals.bytes += result.bytes;
        if totals.first_errors.len() < ERRORS_SHOWN {
            totals.first_errors.extend(result.error);
        }
        if totals.hint.is_none() {
            totals.hint = result.hint;
        }
    }
    if let Some(view) = html {
        view.write(views, articles, quiet)?;
    }
    out.write_all(&lines)
        .and_then(|()| out.flush())
        .map_err(|e| format!("writing output: {e}"))
}
