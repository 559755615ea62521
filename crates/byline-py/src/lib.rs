//! The `byline._byline` extension module: a thin binding over the `byline` crate.
//!
//! Conversions and error mapping only. Records are converted one at a time (a lone
//! surrogate fails its record, not the call; a Ctrl-C while reading them stops the
//! call); batches run with the GIL released, in chunks, checking for Ctrl-C between
//! chunks; every failure inside Rust becomes an error record or a `byline.errors`
//! exception, never a panic across the boundary.
#![warn(missing_docs)]

use byline::{Article, ArticleError, ArticleErrorKind, OutputRecord, Pipeline};
use pyo3::prelude::*;
use pyo3::sync::PyOnceLock;
use pyo3::types::{PyDict, PyList, PyTuple, PyType};
use rayon::prelude::*;
use std::collections::HashMap;
use std::sync::{Arc, Mutex};

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
    pipeline: Pipeline,
    pools: Mutex<HashMap<usize, Arc<rayon::ThreadPool>>>,
}

/// One input record after conversion from Python objects.
type Record = Result<Article, ArticleError>;

/// An error of a Python call made while reading a record: an ordinary exception (a bad
/// value) is the record's problem, but KeyboardInterrupt, SystemExit and the like must
/// reach the caller. (`str()` runs pending signal handlers: a Ctrl-C can surface here.)
fn record_problem(py: Python<'_>, e: PyErr) -> PyResult<PyErr> {
    if e.is_instance_of::<pyo3::exceptions::PyException>(py) {
        Ok(e)
    } else {
        Err(e)
    }
}

/// One record (or its error record); `Err` only for an interruption, see [`record_problem`].
fn convert_record(item: &Bound<'_, PyAny>, index: usize) -> PyResult<Record> {
    let py = item.py();
    let fallback = index.to_string();
    let Ok(tuple) = item.cast::<PyTuple>() else {
        return Ok(Err(ArticleError::input(
            fallback,
            "record must be an (id, text, published, targets) tuple",
        )));
    };
    let field = |i: usize| tuple.get_item(i).ok();
    let id = match field(0) {
        Some(v) if !v.is_none() => match v.str().and_then(|s| s.extract::<String>()) {
            Ok(id) => id,
            Err(e) => {
                record_problem(py, e)?;
                fallback
            }
        },
        _ => fallback,
    };
    let text = match field(1).map(|t| t.extract::<String>()) {
        Some(Ok(t)) => t,
        Some(Err(e)) => {
            let e = record_problem(py, e)?;
            return Ok(Err(ArticleError::input_field(
                id,
                "text",
                format!("text could not be read: {e}"),
            )));
        }
        None => return Ok(Err(ArticleError::input_field(id, "text", "missing field 'text'"))),
    };
    convert_fields(tuple, id, text)
}

/// The date and targets of a record whose id and text are read. Neither can lose the
/// text: an unreadable date or bad targets leave the article without them and add a
/// warning to it.
fn convert_fields(tuple: &Bound<'_, PyTuple>, id: String, text: String) -> PyResult<Record> {
    let py = tuple.py();
    let field = |i: usize| tuple.get_item(i).ok().filter(|v| !v.is_none());
    let mut article = Article::new(id, text);
    if let Some(p) = field(2) {
        match p.extract::<String>() {
            Ok(s) => article = article.with_published_text(&s),
            Err(e) => {
                record_problem(py, e)?;
                let shown = match p.repr().and_then(|r| r.extract::<String>()) {
                    Ok(r) => r,
                    Err(e) => {
                        record_problem(py, e)?;
                        "of an unknown kind".to_owned()
                    }
                };
                article.warn_unreadable_published(&shown);
            }
        }
    }
    if let Some(t) = field(3) {
        article = match t.extract::<Vec<(usize, usize)>>() {
            Ok(targets) => article.with_char_targets_or_warn(&targets),
            Err(e) => {
                record_problem(py, e)?;
                article.without_targets_because("targets must be a list of (start, end) code-point pairs")
            }
        };
    }
    Ok(Ok(article))
}

/// What a batch returns for each record: its JSON output record and, for a failure, the
/// exception class it would raise and the input field at fault.
type BatchItem = (String, Option<&'static str>, Option<&'static str>);

/// The JSON output record of a result, with the exception class and field of a failure.
fn to_json(result: &Result<byline::Document, ArticleError>) -> BatchItem {
    match result {
        Ok(doc) => {
            // A span that does not fit the text makes an error record, not a panic.
            let record = doc.to_output();
            let class = record.error.is_some().then(|| ErrorClass::Extraction.name());
            (record.to_json(), class, None)
        }
        Err(e) => (
            OutputRecord::from_error(e).to_json(),
            Some(ErrorClass::of(e.kind).name()),
            e.field,
        ),
    }
}

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
    /// Builds a pipeline of the named built-in extractors (default: the default pipeline).
    #[new]
    #[pyo3(signature = (extractors=None))]
    fn new(py: Python<'_>, extractors: Option<Vec<String>>) -> PyResult<Self> {
        let names = extractors.unwrap_or_else(|| byline::default_extractors().iter().map(|s| s.to_string()).collect());
        let pipeline = byline::pipeline_from_names(&names)
            .map_err(|e| ErrorClass::PipelineConfig.error(py, e.to_string(), None, None))?;
        Ok(NativePipeline {
            names: pipeline.names().into_iter().map(str::to_owned).collect(),
            pipeline,
            pools: Mutex::new(HashMap::new()),
        })
    }

    /// The extractor names, in run order.
    #[getter]
    fn extractors(&self) -> Vec<String> {
        self.names.clone()
    }

    /// Pickling support: a pipeline is rebuilt from its extractor names.
    fn __getnewargs__(&self) -> (Vec<String>,) {
        (self.names.clone(),)
    }

    fn __repr__(&self) -> String {
        format!("NativePipeline(extractors={:?})", self.names)
    }

    /// Analyses one article and returns its JSON output record; raises `InputError` for
    /// bad input and `ExtractionError` when an extractor fails.
    #[pyo3(signature = (text, id="0", published=None, targets=None))]
    fn process(
        &self,
        py: Python<'_>,
        text: &Bound<'_, PyAny>,
        id: &str,
        published: Option<&Bound<'_, PyAny>>,
        targets: Option<&Bound<'_, PyAny>>,
    ) -> PyResult<String> {
        let none = py.None().into_bound(py);
        let tuple = PyTuple::new(
            py,
            [
                id.into_pyobject(py)?.into_any(),
                text.clone(),
                published.cloned().unwrap_or(none.clone()),
                targets.cloned().unwrap_or(none),
            ],
        )?;
        let article = convert_record(tuple.as_any(), 0)?.map_err(|e| article_error(py, &e))?;
        let result = py.detach(|| self.pipeline.process(article));
        match result.map(|doc| doc.to_output()) {
            Ok(record) if record.error.is_none() => Ok(record.to_json()),
            Ok(record) => Err(ErrorClass::Extraction.error(py, record.error.unwrap_or_default(), Some(id), None)),
            Err(e) => Err(article_error(py, &e)),
        }
    }

    /// Analyses a list of `(id, text, published, targets)` tuples in parallel and returns
    /// one `(json, error_class, field)` triple per input, in order; bad records become
    /// error records (`error_class` names the exception they would raise, else None;
    /// `field` the input field at fault, if one is).
    #[pyo3(signature = (records, threads=None))]
    fn process_batch(
        &self,
        py: Python<'_>,
        records: &Bound<'_, PyList>,
        threads: Option<usize>,
    ) -> PyResult<Vec<BatchItem>> {
        let converted: Vec<Record> = records
            .iter()
            .enumerate()
            .map(|(i, item)| convert_record(&item, i))
            .collect::<PyResult<_>>()?;
        let pool = match threads {
            Some(n) => Some(self.pool(n.max(1))?),
            None => None,
        };
        let chunk = threads.unwrap_or_else(rayon::current_num_threads).max(1) * 8;
        let mut out = Vec::with_capacity(converted.len());
        let mut pending = converted.into_iter().peekable();
        while pending.peek().is_some() {
            let part: Vec<Record> = pending.by_ref().take(chunk).collect();
            let run = || {
                part.into_par_iter()
                    .map(|r| to_json(&self.pipeline.process_record(r)))
                    .collect::<Vec<_>>()
            };
            let done = py.detach(|| match &pool {
                Some(p) => p.install(run),
                None => run(),
            });
            out.extend(done);
            // Ctrl-C between chunks raises KeyboardInterrupt here.
            py.check_signals()?;
        }
        Ok(out)
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
    m.add_function(wrap_pyfunction!(available_extractors, m)?)?;
    m.add_function(wrap_pyfunction!(render_html, m)?)?;
    m.add("__version__", env!("CARGO_PKG_VERSION"))?;
    Ok(())
}
