//! Python values of an input article into core's [`RecordFields`]: what the values are is
//! read here, what is an error and what a warning is decided by core (the same rules and
//! messages as for a JSON line).
//!
//! Every Python call made here can fail; an ordinary exception (a bad value) is the
//! record's problem, but KeyboardInterrupt, SystemExit and the like reach the caller
//! (`str()` runs pending signal handlers: a Ctrl-C can surface here).

use byline::input::{Field, RecordFields};
use byline::{Article, ArticleError, DateOrder};
use pyo3::exceptions::PyException;
use pyo3::prelude::*;
use pyo3::sync::PyOnceLock;
use pyo3::types::{PyDict, PyMapping, PyString, PyType};

/// One record read from Python: its article, or the error record's error.
pub(crate) type Record = Result<Article, ArticleError>;

/// `Ok(value)` for an ordinary exception, the error itself for an interruption.
fn record_problem<T>(py: Python<'_>, e: PyErr, value: T) -> PyResult<T> {
    if e.is_instance_of::<PyException>(py) {
        Ok(value)
    } else {
        Err(e)
    }
}

/// The name of a value's type, for messages ("int", "bytes").
fn type_name(value: &Bound<'_, PyAny>) -> String {
    value
        .get_type()
        .name()
        .map_or_else(|_| "an unknown type".to_owned(), |n| n.to_string())
}

/// The record of one item of `pipe`: a `str` (the text) or a mapping with `text` and
/// optional `id`, `published`, `targets`. `index` is its position, the id of a record
/// without one; slash dates are read in `order`.
pub(crate) fn record_of(item: &Bound<'_, PyAny>, index: usize, order: Option<DateOrder>) -> PyResult<Record> {
    let fallback = index.to_string();
    if let Ok(text) = item.cast::<PyString>() {
        let text = text_field(Some(text.as_any()))?;
        return Ok(RecordFields {
            id: None,
            text,
            published: Field::Missing,
            targets: Field::Missing,
        }
        .into_article_in_order(&fallback, order));
    }
    let get = |key: &str| -> PyResult<Option<Bound<'_, PyAny>>> {
        if let Ok(dict) = item.cast::<PyDict>() {
            return dict.get_item(key);
        }
        match item.cast::<PyMapping>()?.get_item(key) {
            Ok(value) => Ok(Some(value)),
            Err(e) => record_problem(item.py(), e, None),
        }
    };
    if item.cast::<PyDict>().is_err() && item.cast::<PyMapping>().is_err() {
        return Ok(Err(ArticleError::input(
            fallback,
            format!(
                "an article must be a str or a mapping with 'text', not {}",
                type_name(item)
            ),
        )));
    }
    let (id, text, published, targets) = (get("id")?, get("text")?, get("published")?, get("targets")?);
    // A record `byline.read` could not read carries why instead of a text.
    if text.is_none()
        && let Some(why) = get("error")?.and_then(|e| e.extract::<String>().ok())
    {
        let id = id_field(id.as_ref())?.unwrap_or(fallback);
        return Ok(Err(ArticleError::input(id, why)));
    }
    record_from(
        id.as_ref(),
        text.as_ref(),
        published.as_ref(),
        targets.as_ref(),
        &fallback,
        order,
    )
}

/// The record of an article's values (each absent or None when not given); slash dates
/// are read in `order`.
pub(crate) fn record_from(
    id: Option<&Bound<'_, PyAny>>,
    text: Option<&Bound<'_, PyAny>>,
    published: Option<&Bound<'_, PyAny>>,
    targets: Option<&Bound<'_, PyAny>>,
    fallback_id: &str,
    order: Option<DateOrder>,
) -> PyResult<Record> {
    let fields = RecordFields {
        id: id_field(id)?,
        text: text_field(text)?,
        published: published_field(published)?,
        targets: targets_field(targets)?,
    };
    Ok(fields.into_article_in_order(fallback_id, order))
}

fn present<'a, 'py>(value: Option<&'a Bound<'py, PyAny>>) -> Option<&'a Bound<'py, PyAny>> {
    value.filter(|v| !v.is_none())
}

/// `str(id)`, or None (the fallback id) when it has none or it cannot be shown.
fn id_field(id: Option<&Bound<'_, PyAny>>) -> PyResult<Option<String>> {
    let Some(id) = present(id) else { return Ok(None) };
    match id.str().and_then(|s| s.extract::<String>()) {
        Ok(id) => Ok(Some(id)),
        Err(e) => record_problem(id.py(), e, None),
    }
}

fn text_field(text: Option<&Bound<'_, PyAny>>) -> PyResult<Field<String>> {
    let Some(text) = present(text) else {
        return Ok(Field::Missing);
    };
    if text.cast::<PyString>().is_err() {
        return Ok(Field::Unreadable(type_name(text)));
    }
    match text.extract::<String>() {
        Ok(s) => Ok(Field::Value(s)),
        Err(e) => record_problem(
            text.py(),
            e,
            Field::Invalid("it holds a lone surrogate, which is not valid Unicode".to_owned()),
        ),
    }
}

/// NaN, NaT and the like: values not equal to themselves.
fn is_nan_like(value: &Bound<'_, PyAny>) -> bool {
    value.ne(value).unwrap_or(false)
}

/// The `datetime.datetime` and `datetime.date` classes, looked up once.
fn date_classes(py: Python<'_>) -> PyResult<(&Bound<'_, PyType>, &Bound<'_, PyType>)> {
    static DATETIME: PyOnceLock<Py<PyType>> = PyOnceLock::new();
    static DATE: PyOnceLock<Py<PyType>> = PyOnceLock::new();
    let class = |cell: &'static PyOnceLock<Py<PyType>>, name: &str| {
        cell.get_or_try_init(py, || {
            let class = py.import("datetime")?.getattr(name)?;
            Ok::<_, PyErr>(class.cast_into::<PyType>()?.unbind())
        })
        .map(|c| c.bind(py))
    };
    Ok((class(&DATETIME, "datetime")?, class(&DATE, "date")?))
}

/// A publication date: a string as it is (ISO, RFC 2822, "March 7, 2024", epoch
/// seconds); an int as epoch seconds or milliseconds; `datetime.date`/`datetime` (pandas'
/// Timestamp included) as the calendar date written (no zone conversion, as for
/// date-time strings); `numpy.datetime64` by its ISO form; None, NaN, NaT: no date;
/// anything else is unreadable (a warning).
fn published_field(published: Option<&Bound<'_, PyAny>>) -> PyResult<Field<String>> {
    let Some(value) = present(published) else {
        return Ok(Field::Missing);
    };
    let py = value.py();
    if let Ok(s) = value.cast::<PyString>() {
        return match s.extract::<String>() {
            Ok(s) => Ok(Field::Value(s)),
            Err(e) => record_problem(py, e, Field::Invalid("a str with a lone surrogate".to_owned())),
        };
    }
    if is_nan_like(value) {
        return Ok(Field::Missing);
    }
    // Epoch seconds or milliseconds (not a bool, which is an int in Python).
    if value.is_instance_of::<pyo3::types::PyInt>() && !value.is_instance_of::<pyo3::types::PyBool>() {
        if let Ok(n) = value.extract::<i64>() {
            return Ok(Field::Value(n.to_string()));
        }
    }
    let read = || -> PyResult<Option<String>> {
        let (datetime, date) = date_classes(py)?;
        let iso = if value.is_instance(datetime)? {
            value.call_method0("date")?.call_method0("isoformat")?
        } else if value.is_instance(date)? {
            value.call_method0("isoformat")?
        } else if type_name(value) == "datetime64" {
            value.str()?.into_any()
        } else {
            return Ok(None);
        };
        Ok(Some(iso.extract()?))
    };
    let unreadable = || -> PyResult<Field<String>> {
        match value.repr().and_then(|r| r.extract::<String>()) {
            Ok(shown) => Ok(Field::Unreadable(shown)),
            Err(e) => record_problem(py, e, Field::Unreadable("of an unknown kind".to_owned())),
        }
    };
    match read() {
        Ok(Some(iso)) => Ok(Field::Value(iso)),
        Ok(None) => unreadable(),
        Err(e) => {
            record_problem(py, e, ())?;
            unreadable()
        }
    }
}

/// Targets: a sequence of `(start, end)` pairs (tuples, lists, numpy integers …).
fn targets_field(targets: Option<&Bound<'_, PyAny>>) -> PyResult<Field<Vec<(usize, usize)>>> {
    let Some(value) = present(targets) else {
        return Ok(Field::Missing);
    };
    let read = || -> PyResult<Vec<(usize, usize)>> {
        let mut pairs = Vec::new();
        for pair in value.try_iter()? {
            let pair = pair?;
            let both: Vec<usize> = pair
                .try_iter()?
                .map(|n| n?.extract::<usize>())
                .collect::<PyResult<_>>()?;
            match both.as_slice() {
                [s, e] => pairs.push((*s, *e)),
                _ => return Err(pyo3::exceptions::PyValueError::new_err("not a pair")),
            }
        }
        Ok(pairs)
    };
    match read() {
        Ok(pairs) if value.cast::<PyString>().is_err() => Ok(Field::Value(pairs)),
        Ok(_) => Ok(Field::Unreadable("a str".to_owned())),
        Err(e) => record_problem(value.py(), e, Field::Unreadable(type_name(value))),
    }
}
