//! The `byline._byline` extension module: a thin binding over the `byline` crate.
//!
//! Conversions and error mapping only. Records are converted one at a time (a lone
//! surrogate fails its record, not the call; a Ctrl-C while reading them stops the
//! call); batches run with the GIL released, in chunks, checking for Ctrl-C between
//! chunks; every failure inside Rust becomes an error record or a `byline.errors`
//! exception, never a panic across the boundary.
#![warn(missing_docs)]

mod convert;
mod corpus;
mod objects;
mod reading;

use byline::batch::for_each_chunk;
use byline::{ArticleError, ArticleErrorKind, DateOrder, OutputRecord, Pipeline};
use objects::NativeRecord;
use pyo3::prelude::*;
use pyo3::sync::PyOnceLock;
use pyo3::types::{PyDict, PyList, PyType};
use std::collections::HashMap;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::mpsc::{Receiver, RecvTimeoutError};
use std::sync::{Arc, Mutex};
use std::time::Duration;

/// The Python exception classes of `byline.errors`, one per kind of failure.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum ErrorClass {
    /// `InputError`: a record could not be read.
    Input,
    /// `PipelineConfigError`: a pipeline could not be built.
    PipelineConfig,
    /// `ExtractionError`: an extractor (or the output conversion) failed on an article.
    Extraction,
}

impl ErrorClass {
    fn name(self) -> &'static str {
        match self {
            ErrorClass::Input => "InputError",
            ErrorClass::PipelineConfig => "PipelineConfigError",
            ErrorClass::Extraction => "ExtractionError",
        }
    }

    /// The class of an article's failure.
    fn of(kind: ArticleErrorKind) -> Self {
        match kind {
            ArticleErrorKind::Input => ErrorClass::Input,
            ArticleErrorKind::Extraction | ArticleErrorKind::Panic => ErrorClass::Extraction,
        }
    }

    /// The class object, looked up in `byline.errors` once per process.
    fn class<'py>(self, py: Python<'py>) -> PyResult<&'py Bound<'py, PyType>> {
        static CLASSES: [PyOnceLock<Py<PyType>>; 3] = [PyOnceLock::new(), PyOnceLock::new(), PyOnceLock::new()];
        let cell = &CLASSES[self as usize];
        cell.get_or_try_init(py, || {
            let class = py.import("byline.errors")?.getattr(self.name())?;
            Ok::<_, PyErr>(class.cast_into::<PyType>()?.unbind())
        })
        .map(|class| class.bind(py))
    }

    /// The exception, with its structured fields (`record_id`, `field`).
    fn error(self, py: Python<'_>, message: String, record_id: Option<&str>, field: Option<&str>) -> PyErr {
        let made = self.class(py).and_then(|class| {
            let kwargs = PyDict::new(py);
            kwargs.set_item("record_id", record_id)?;
            kwargs.set_item("field", field)?;
            class.call((message,), Some(&kwargs))
        });
        match made {
            Ok(instance) => PyErr::from_value(instance),
            Err(e) => e,
        }
    }
}

/// The exception for a failed article.
fn article_error(py: Python<'_>, e: &ArticleError) -> PyErr {
    ErrorClass::of(e.kind).error(py, e.message.clone(), Some(&e.id), e.field)
}

/// The article pipeline, configured by the names of its extractors.
#[pyclass(module = "byline._byline", name = "NativePipeline", frozen)]
struct NativePipeline {
    names: Vec<String>,
    /// Whether records carry the tokens layer.
    tokens: bool,
    /// The quotes' minimum score.
    min_quote_score: f64,
    /// Which attributions the quotes layer holds.
    attributions: byline::Attributions,
    /// The stances' minimum score.
    min_stance_score: f64,
    /// Whether the other extractors read the parse (it then runs first).
    parse: bool,
    /// The order of day and month in slash dates in `published`.
    date_order: Option<DateOrder>,
    stages: Arc<Stages>,
    pools: Mutex<HashMap<usize, Arc<rayon::ThreadPool>>>,
}

/// The pipeline, and the parse that runs after it when only the output asks for the
/// tokens layer (so that the parse changes no other layer).
struct Stages {
    pipeline: Pipeline,
    parse_after: Option<Pipeline>,
}

/// An analysed record, and whether its text was made from HTML (the record then carries
/// the text analysed, as `byline extract`'s does).
type Analysed = (Result<byline::Document, ArticleError>, bool);

impl Stages {
    /// Turns HTML into article text (`byline_read::from_markup`), then analyses it.
    fn process_record(&self, record: Result<byline::Article, ArticleError>) -> Analysed {
        let (record, converted) = byline_read::record_from_markup(record);
        let doc = self
            .pipeline
            .process_record(record)
            .and_then(|doc| match &self.parse_after {
                Some(parse) => parse.extend_timed(doc, &mut |_, _| {}),
                None => Ok(doc),
            });
        (doc, converted)
    }
}

/// The date order a name gives ("dmy", "mdy"), or why it gives none.
fn date_order_of(name: Option<&str>) -> Result<Option<DateOrder>, String> {
    match name {
        None => Ok(None),
        Some("dmy") => Ok(Some(DateOrder::Dmy)),
        Some("mdy") => Ok(Some(DateOrder::Mdy)),
        Some(other) => Err(format!("date_order must be 'dmy', 'mdy' or None, not {other:?}")),
    }
}

/// One analysed record: its output record and, for a failure, the exception class it
/// would raise and the input field at fault.
type Output = (OutputRecord, Option<&'static str>, Option<&'static str>);

/// The output of a record's result (made on the worker threads), with the tokens layer
/// when asked for, and the text analysed when it was made from HTML.
fn output_of((result, converted): Analysed, tokens: bool) -> Output {
    match result {
        Ok(doc) => {
            // A span that does not fit the text makes an error record, not a panic.
            let mut record = if tokens {
                OutputRecord::from_document_with_tokens(&doc)
            } else {
                doc.to_output()
            };
            if converted && record.error.is_none() {
                record.text = Some(doc.text.clone());
            }
            let class = record.error.is_some().then(|| ErrorClass::Extraction.name());
            (record, class, None)
        }
        Err(e) => (
            OutputRecord::from_error(&e),
            Some(ErrorClass::of(e.kind).name()),
            e.field,
        ),
    }
}

/// Articles per thread in a parallel chunk of a batch: enough that the chunk's slowest
/// article does not leave the other threads idle (article lengths vary tenfold), few
/// enough that a Ctrl-C, checked between chunks, stops the call within a fraction of a
/// second.
const CHUNK_PER_THREAD: usize = 64;

/// What a batch returns for each record: its native record, and the exception class and
/// the field of a failure.
type BatchItem = (Py<NativeRecord>, Option<&'static str>, Option<&'static str>);

impl NativePipeline {
    fn pool(&self, threads: usize) -> PyResult<Arc<rayon::ThreadPool>> {
        let mut pools = self.pools.lock().unwrap_or_else(|p| p.into_inner());
        if let Some(p) = pools.get(&threads) {
            return Ok(p.clone());
        }
        let pool = rayon::ThreadPoolBuilder::new()
            .num_threads(threads)
            .build()
            .map_err(|e| PyErr::new::<pyo3::exceptions::PyRuntimeError, _>(e.to_string()))?;
        let pool = Arc::new(pool);
        pools.insert(threads, pool.clone());
        Ok(pool)
    }
}

#[pymethods]
impl NativePipeline {
    /// Builds a pipeline of the named built-in extractors (default: the default pipeline);
    /// with `parse`, the parse runs first and the other extractors read it (as when
    /// "syntax" is named); with `tokens` alone, records carry the tokens layer of a parse
    /// run after the other extractors, which it does not change; quotes scoring below
    /// `min_quote_score` are left out, and thoughts unless `attributions` is "all"; stances
    /// scoring below `min_stance_score` are left out; `date_order` ("dmy", "mdy") reads
    /// slash dates in `published`.
    #[new]
    #[pyo3(signature = (extractors=None, tokens=false, min_quote_score=byline::DEFAULT_MIN_QUOTE_SCORE, attributions="statements", min_stance_score=byline::DEFAULT_MIN_STANCE_SCORE, parse=false, date_order=None))]
    #[allow(clippy::too_many_arguments)] // Python's keyword arguments
    fn new(
        py: Python<'_>,
        extractors: Option<Vec<String>>,
        tokens: bool,
        min_quote_score: f64,
        attributions: &str,
        min_stance_score: f64,
        parse: bool,
        date_order: Option<&str>,
    ) -> PyResult<Self> {
        let mut names =
            extractors.unwrap_or_else(|| byline::default_extractors().iter().map(|s| s.to_string()).collect());
        let named = names.iter().any(|n| n == "syntax");
        if parse && !named {
            names.insert(0, "syntax".to_owned());
        }
        let config_error = |message: String| ErrorClass::PipelineConfig.error(py, message, None, None);
        let date_order = date_order_of(date_order).map_err(config_error)?;
        let parse_after = (tokens && !parse && !named)
            .then(|| byline::pipeline_from_names(&["syntax"]))
            .transpose()
            .map_err(|e| config_error(e.to_string()))?;
        let kept = byline::Attributions::from_name(attributions).ok_or_else(|| {
            config_error(format!(
                "attributions must be 'statements' or 'all', not {attributions:?}"
            ))
        })?;
        let options = byline::PipelineOptions {
            min_quote_score,
            attributions: kept,
            min_stance_score,
        };
        let pipeline = byline::pipeline_with_options(&names, &options).map_err(|e| config_error(e.to_string()))?;
        Ok(NativePipeline {
            names: pipeline.names().into_iter().map(str::to_owned).collect(),
            tokens,
            min_quote_score,
            attributions: kept,
            min_stance_score,
            parse: parse || named,
            date_order,
            stages: Arc::new(Stages { pipeline, parse_after }),
            pools: Mutex::new(HashMap::new()),
        })
    }

    /// The extractor names, in run order.
    #[getter]
    fn extractors(&self) -> Vec<String> {
        self.names.clone()
    }

    /// Whether records carry the tokens layer.
    #[getter]
    fn tokens(&self) -> bool {
        self.tokens
    }

    /// Quotes scoring below this are left out.
    #[getter]
    fn min_quote_score(&self) -> f64 {
        self.min_quote_score
    }

    /// Which attributions the quotes layer holds: "statements" or "all".
    #[getter]
    fn attributions(&self) -> &'static str {
        self.attributions.as_str()
    }

    /// Stances scoring below this are left out.
    #[getter]
    fn min_stance_score(&self) -> f64 {
        self.min_stance_score
    }

    /// Whether the other extractors read the parse.
    #[getter]
    fn parse(&self) -> bool {
        self.parse
    }

    /// The order of day and month in slash dates ("dmy", "mdy"), or None.
    #[getter]
    fn date_order(&self) -> Option<&'static str> {
        self.date_order.map(|o| match o {
            DateOrder::Dmy => "dmy",
            DateOrder::Mdy => "mdy",
        })
    }

    /// Pickling support: a pipeline is rebuilt from its extractor names and options.
    #[allow(clippy::type_complexity)] // the constructor's arguments, in order
    fn __getnewargs__(&self) -> (Vec<String>, bool, f64, &'static str, f64, bool, Option<&'static str>) {
        (
            self.names.clone(),
            self.tokens,
            self.min_quote_score,
            self.attributions.as_str(),
            self.min_stance_score,
            self.parse,
            self.date_order(),
        )
    }

    fn __repr__(&self) -> String {
        format!(
            "NativePipeline(extractors={:?}, tokens={}, min_quote_score={}, attributions={:?}, min_stance_score={}, parse={}, date_order={:?})",
            self.names,
            self.tokens,
            self.min_quote_score,
            self.attributions.as_str(),
            self.min_stance_score,
            self.parse,
            self.date_order()
        )
    }

    /// Analyses one article and returns its record; raises `InputError` for bad input
    /// and `ExtractionError` when an extractor fails.
    #[pyo3(signature = (text, id="0", published=None, targets=None))]
    fn process(
        &self,
        py: Python<'_>,
        text: &Bound<'_, PyAny>,
        id: &str,
        published: Option<&Bound<'_, PyAny>>,
        targets: Option<&Bound<'_, PyAny>>,
    ) -> PyResult<NativeRecord> {
        let id_value = id.into_pyobject(py)?.into_any();
        let article = convert::record_from(Some(&id_value), Some(text), published, targets, id, self.date_order)?
            .map_err(|e| article_error(py, &e))?;
        let (record, class, _) = py.detach(|| output_of(self.stages.process_record(Ok(article)), self.tokens));
        match class {
            None => Ok(NativeRecord { record }),
            Some(_) => Err(ErrorClass::Extraction.error(py, record.error.unwrap_or_default(), Some(id), None)),
        }
    }

    /// Analyses a list of articles (each a `str` or a mapping with `text` and optional
    /// `id`, `published`, `targets`) in parallel and returns one `(record, error_class,
    /// field)` triple per input, in order; bad records become error records
    /// (`error_class` names the exception they would raise, else None; `field` the input
    /// field at fault, if one is). `first_index` is the position of the first article in
    /// the caller's stream: the id of articles without one.
    #[pyo3(signature = (articles, threads=None, first_index=0))]
    fn process_batch(
        &self,
        py: Python<'_>,
        articles: &Bound<'_, PyList>,
        threads: Option<usize>,
        first_index: usize,
    ) -> PyResult<Vec<BatchItem>> {
        self.start_batch(articles, threads, first_index)?.wait(py)
    }

    /// Starts analysing a batch (as `process_batch`) on background threads and returns
    /// at once; `PendingBatch.wait()` gives the results. The records are read now, so
    /// the caller may reuse `articles`.
    #[pyo3(signature = (articles, threads=None, first_index=0))]
    fn start_batch(
        &self,
        articles: &Bound<'_, PyList>,
        threads: Option<usize>,
        first_index: usize,
    ) -> PyResult<PendingBatch> {
        let records: Vec<convert::Record> = articles
            .iter()
            .enumerate()
            .map(|(i, item)| convert::record_of(&item, first_index + i, self.date_order))
            .collect::<PyResult<_>>()?;
        let pool = match threads {
            Some(n) => Some(self.pool(n.max(1))?),
            None => None,
        };
        let chunk = threads.unwrap_or_else(rayon::current_num_threads).max(1) * CHUNK_PER_THREAD;
        Ok(PendingBatch::start(
            self.stages.clone(),
            pool,
            records,
            chunk,
            self.tokens,
        ))
    }
}

/// A batch being analysed on background threads, chunk by chunk; dropping it (or a
/// Ctrl-C in `wait`) stops the work after the current chunk.
#[pyclass(module = "byline._byline", frozen)]
struct PendingBatch {
    chunks: Mutex<Option<Receiver<Vec<Output>>>>,
    cancelled: Arc<AtomicBool>,
    expected: usize,
}

impl PendingBatch {
    fn start(
        stages: Arc<Stages>,
        pool: Option<Arc<rayon::ThreadPool>>,
        records: Vec<convert::Record>,
        chunk: usize,
        tokens: bool,
    ) -> Self {
        let (sender, chunks) = std::sync::mpsc::channel();
        let cancelled = Arc::new(AtomicBool::new(false));
        let expected = records.len();
        let stop = cancelled.clone();
        std::thread::spawn(move || {
            let _ = for_each_chunk(
                records,
                chunk,
                pool.as_deref(),
                |r| output_of(stages.process_record(r), tokens),
                |done| {
                    if stop.load(Ordering::Relaxed) {
                        return Err(());
                    }
                    sender.send(done).map_err(|_| ())
                },
            );
        });
        PendingBatch {
            chunks: Mutex::new(Some(chunks)),
            cancelled,
            expected,
        }
    }
}

impl Drop for PendingBatch {
    fn drop(&mut self) {
        self.cancelled.store(true, Ordering::Relaxed);
    }
}

#[pymethods]
impl PendingBatch {
    /// Waits for the batch (without the GIL) and returns its `(record, error_class,
    /// field)` triples, in order. A Ctrl-C while waiting raises KeyboardInterrupt and
    /// stops the batch. A batch can be waited for once.
    fn wait(&self, py: Python<'_>) -> PyResult<Vec<BatchItem>> {
        let mut chunks = self
            .chunks
            .lock()
            .unwrap_or_else(|p| p.into_inner())
            .take()
            .ok_or_else(|| PyErr::new::<pyo3::exceptions::PyRuntimeError, _>("this batch was already waited for"))?;
        let mut out = Vec::with_capacity(self.expected);
        loop {
            // (The receiver is moved in and out: it may be used from one thread at a time.)
            let (next, back) = py.detach(move || (chunks.recv_timeout(Duration::from_millis(50)), chunks));
            chunks = back;
            match next {
                Ok(done) => {
                    for (record, class, field) in done {
                        out.push((Py::new(py, NativeRecord { record })?, class, field));
                    }
                }
                Err(RecvTimeoutError::Timeout) => {}
                Err(RecvTimeoutError::Disconnected) => break,
            }
            if let Err(interrupt) = py.check_signals() {
                self.cancelled.store(true, Ordering::Relaxed);
                return Err(interrupt);
            }
        }
        if out.len() != self.expected {
            return Err(PyErr::new::<pyo3::exceptions::PyRuntimeError, _>(format!(
                "the batch ended after {} of {} articles",
                out.len(),
                self.expected
            )));
        }
        Ok(out)
    }
}

/// The record of `text` with only its tokens layer (segmentation and syntax): what
/// `Document.tokens` computes on demand for a document analysed without tokens.
#[pyfunction]
fn tokens_of(py: Python<'_>, text: &str) -> PyResult<NativeRecord> {
    static SYNTAX: std::sync::LazyLock<Pipeline> = std::sync::LazyLock::new(|| {
        byline::pipeline_from_names(&["syntax"]).expect("the syntax extractor has no needs")
    });
    let article = byline::Article::new("0", text);
    let (record, class, _) = py.detach(|| output_of((SYNTAX.process(article), false), true));
    match class {
        None => Ok(NativeRecord { record }),
        Some(_) => Err(ErrorClass::Extraction.error(py, record.error.unwrap_or_default(), None, None)),
    }
}

/// The names of every built-in extractor.
#[pyfunction]
fn available_extractors() -> Vec<&'static str> {
    byline::available_extractors()
}

/// The HTML view of one article: its text and its JSON output record (a `str`). A
/// record that is not byline's JSON raises `InputError`.
#[pyfunction]
fn render_html(py: Python<'_>, text: &str, record_json: &str) -> PyResult<String> {
    let record: byline::OutputRecord = serde_json::from_str(record_json)
        .map_err(|e| ErrorClass::Input.error(py, format!("not a byline output record: {e}"), None, None))?;
    Ok(byline_html::render(text, &record))
}

/// The extension module.
#[pymodule]
fn _byline(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add_class::<NativePipeline>()?;
    m.add_class::<PendingBatch>()?;
    m.add_class::<reading::RecordReader>()?;
    objects::register(m)?;
    m.add_function(wrap_pyfunction!(available_extractors, m)?)?;
    m.add_function(wrap_pyfunction!(render_html, m)?)?;
    m.add_function(wrap_pyfunction!(tokens_of, m)?)?;
    m.add_function(wrap_pyfunction!(corpus::corpus_link, m)?)?;
    m.add_function(wrap_pyfunction!(corpus::corpus_slim, m)?)?;
    m.add("__version__", env!("CARGO_PKG_VERSION"))?;
    Ok(())
}
