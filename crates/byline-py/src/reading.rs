//! Python's `byline.read`: the records of article files as `byline extract` reads them
//! (`byline_read`: JSONL, JSON arrays, CSV/TSV, HTML and text files, folders; gzip),
//! one at a time.

use byline_read::{FieldNames, InputFormat, Reading, Record};
use pyo3::exceptions::{PyOSError, PyValueError};
use pyo3::prelude::*;
use std::io;
use std::path::PathBuf;
use std::sync::Mutex;

/// The records of one input file, each as read or why it cannot be.
type Records = Box<dyn Iterator<Item = io::Result<Record>> + Send>;

/// One record as Python gets it: its fallback id, its JSON text or why it cannot be read.
type ReadItem = (String, Option<String>, Option<String>);

/// Where a reader is: the files left, the one being read and its record number.
struct Position {
    files: std::vec::IntoIter<PathBuf>,
    current: Option<(PathBuf, Records)>,
    number: usize,
}

/// An iterator over the records of a file or folder: `(fallback id, record as JSON text
/// or None, why it cannot be read or None)`. The fallback id is the record number (with
/// the file's path when a folder holds several files), as `byline extract` gives it.
#[pyclass(module = "byline._byline", frozen)]
pub(crate) struct RecordReader {
    reading: Reading,
    several: bool,
    position: Mutex<Position>,
}

#[pymethods]
impl RecordReader {
    /// Opens `path` (a file, or a folder of .txt/.html files) to be read in `format`
    /// (detected when None), renaming the columns or keys that hold text, id and date.
    /// Raises `ValueError` for an unknown format or a table without the text column, and
    /// `OSError` for a path that cannot be read.
    #[new]
    #[pyo3(signature = (path, format=None, text_field="text", id_field="id", published_field="published"))]
    fn new(
        path: PathBuf,
        format: Option<&str>,
        text_field: &str,
        id_field: &str,
        published_field: &str,
    ) -> PyResult<Self> {
        let format = format
            .map(str::parse::<InputFormat>)
            .transpose()
            .map_err(PyValueError::new_err)?;
        let reading = Reading {
            format,
            names: FieldNames {
                text: text_field.to_owned(),
                id: id_field.to_owned(),
                published: published_field.to_owned(),
                text_option: "text_field=",
            },
        };
        if !path.exists() {
            return Err(PyOSError::new_err(format!(
                "{}: no such file or folder",
                path.display()
            )));
        }
        let files = byline_read::input_files(std::slice::from_ref(&path)).map_err(PyOSError::new_err)?;
        byline_read::check_headers(&files, &reading).map_err(PyValueError::new_err)?;
        Ok(RecordReader {
            reading,
            several: files.len() > 1,
            position: Mutex::new(Position {
                files: files.into_iter(),
                current: None,
                number: 0,
            }),
        })
    }

    fn __iter__(slf: PyRef<'_, Self>) -> PyRef<'_, Self> {
        slf
    }

    fn __next__(&self, py: Python<'_>) -> PyResult<Option<ReadItem>> {
        py.detach(|| {
            let mut position = self.position.lock().unwrap_or_else(|p| p.into_inner());
            loop {
                if position.current.is_none() {
                    let Some(path) = position.files.next() else {
                        return Ok(None);
                    };
                    let records = byline_read::open(&path)
                        .and_then(|reader| byline_read::records(&path, reader, &self.reading))
                        .map_err(|e| PyOSError::new_err(format!("{}: {e}", path.display())))?;
                    position.current = Some((path, records));
                    position.number = 0;
                }
                position.number += 1;
                let number = position.number;
                let Some((path, records)) = position.current.as_mut() else {
                    continue;
                };
                let Some(record) = records.next() else {
                    position.current = None;
                    continue;
                };
                let record = record.map_err(|e| PyOSError::new_err(format!("{}: {e}", path.display())))?;
                let id = if self.several {
                    format!("{}:{number}", path.display())
                } else {
                    number.to_string()
                };
                return Ok(Some(checked(id, record)));
            }
        })
    }
}

/// A record as Python gets it: its JSON text, or why `byline extract` would make it an
/// error record (a blank line, invalid UTF-8 or JSON, no JSON object, no string text: the
/// same message, under the record's id when it can be read).
fn checked(id: String, record: Record) -> ReadItem {
    let bytes = match record {
        Ok(bytes) => bytes,
        Err(why) => return (id, None, Some(why)),
    };
    if byline::input::is_blank(&bytes) {
        return (id, None, Some("empty line".to_owned()));
    }
    if let Err(e) = byline::input::parse_line(&bytes, &id) {
        return (e.id, None, Some(e.message));
    }
    match String::from_utf8(bytes) {
        Ok(json) => (id, Some(json), None),
        Err(e) => (
            id,
            None,
            Some(format!("invalid UTF-8 at byte {}", e.utf8_error().valid_up_to())),
        ),
    }
}
