//! The corpus layer for Python (`byline.corpus.link`, `byline.dask.link`): linking runs
//! in Rust with the GIL released and writes the tables as CSV; a Dask partition's rows are
//! cut down to what linking reads in Rust too.

use crate::ErrorClass;
use byline_corpus::{LinkOptions, Source};
use pyo3::prelude::*;
use std::path::PathBuf;

/// Links extract records across articles — the files in `paths` (JSONL or JSONL.gz), then
/// `lines` (JSON lines in memory) — and writes `identities.csv`, `entity_links.csv`,
/// `quotes.csv`, `occurrences.csv` and `summary.json` into `output`. Returns the summary
/// as JSON text. An unreadable file or folder raises `InputError`; bad records are
/// warnings in the summary.
#[pyfunction]
#[pyo3(signature = (paths, lines, output, source_field = "source", threads = None))]
pub(crate) fn corpus_link(
    py: Python<'_>,
    paths: Vec<String>,
    lines: Vec<String>,
    output: &str,
    source_field: &str,
    threads: Option<usize>,
) -> PyResult<String> {
    let mut sources: Vec<Source> = paths.into_iter().map(|p| Source::File(PathBuf::from(p))).collect();
    if !lines.is_empty() {
        sources.push(Source::Lines("records".to_string(), lines.join("\n")));
    }
    let options = LinkOptions {
        source_field: source_field.to_string(),
    };
    let output = PathBuf::from(output);
    let result = py.detach(|| {
        // A bug inside the linker becomes ExtractionError, never a panic across the boundary.
        std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
            let pool = rayon::ThreadPoolBuilder::new()
                .num_threads(threads.unwrap_or(0))
                .build()
                .map_err(|e| e.to_string())?;
            pool.install(|| {
                let linked = byline_corpus::link_sources(&sources, &options)?;
                linked.write(&output)?;
                serde_json::to_string(&linked.summary).map_err(|e| e.to_string())
            })
        }))
    });
    match result {
        Ok(Ok(summary)) => Ok(summary),
        Ok(Err(e)) => Err(ErrorClass::Input.error(py, e, None, None)),
        Err(_) => Err(ErrorClass::Extraction.error(
            py,
            "byline corpus: the linker failed (a bug; please report it)".into(),
            None,
            None,
        )),
    }
}

/// The rows of a `byline.dask.extract` partition as compact extract records holding only
/// what linking reads (one JSON line each; a row whose layers are no JSON becomes an
/// error record with its id). `sources` may be empty (no source column).
#[pyfunction]
#[pyo3(signature = (ids, errors, published, sources, entities, clusters, quotes, source_field = "source"))]
#[allow(clippy::too_many_arguments)]
pub(crate) fn corpus_slim(
    py: Python<'_>,
    ids: Vec<String>,
    errors: Vec<Option<String>>,
    published: Vec<Option<String>>,
    sources: Vec<Option<String>>,
    entities: Vec<String>,
    clusters: Vec<String>,
    quotes: Vec<String>,
    source_field: &str,
) -> PyResult<Vec<String>> {
    let n = ids.len();
    if [
        errors.len(),
        published.len(),
        entities.len(),
        clusters.len(),
        quotes.len(),
    ]
    .iter()
    .any(|&l| l != n)
        || (!sources.is_empty() && sources.len() != n)
    {
        return Err(ErrorClass::Input.error(py, "corpus_slim: the columns differ in length".to_string(), None, None));
    }
    Ok(py.detach(|| {
        (0..n)
            .map(|i| {
                byline_corpus::slim_record(
                    &ids[i],
                    errors[i].as_deref(),
                    published[i].as_deref(),
                    sources.get(i).and_then(|s| s.as_deref()),
                    source_field,
                    &entities[i],
                    &clusters[i],
                    &quotes[i],
                )
            })
            .collect()
    }))
}
