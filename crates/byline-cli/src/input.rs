//! Reading input records: files or standard input, plain or gzip (detected from the
//! magic bytes, not the file name), in any input format (`formats`), read on a
//! background thread in chunks so that reading and decompressing overlap with analysis.

use crate::formats::{self, FieldNames, InputFormat, Record};
use flate2::read::MultiGzDecoder;
use std::fs::File;
use std::io::{self, BufRead, BufReader, Read};
use std::path::{Path, PathBuf};
use std::sync::mpsc::{Receiver, sync_channel};
use std::thread::JoinHandle;

/// One raw input record and the id to use when the record has none.
pub struct RawLine {
    /// Line (or record) number, or `path:number` with several inputs.
    pub fallback_id: String,
    /// The record as a JSON object (a JSONL line without its newline).
    pub bytes: Vec<u8>,
    /// Why the record could not be read from its format (a CSV row that is no UTF-8).
    pub error: Option<String>,
}

/// How the inputs are read: their format (detected per input when absent) and the
/// names of the fields byline reads.
#[derive(Clone, Debug)]
pub struct Reading {
    /// The input format; detected from each input's first bytes when `None`.
    pub format: Option<InputFormat>,
    /// The columns or keys holding text, id and date.
    pub names: FieldNames,
}

impl Default for Reading {
    fn default() -> Self {
        Reading {
            format: None,
            names: FieldNames {
                text: "text".into(),
                id: "id".into(),
                published: "published".into(),
            },
        }
    }
}

/// The format of the input `reader` opened from `path`: the one asked for, the one its
/// file name implies (.html, .txt), or the one its first bytes show.
fn format_of(path: &Path, reader: &mut Box<dyn BufRead + Send>, reading: &Reading) -> io::Result<InputFormat> {
    Ok(match reading.format.or_else(|| formats::by_extension(path)) {
        Some(f) => f,
        None => formats::detect(reader.fill_buf()?),
    })
}

/// The records of the input `reader` opened from `path`, each as a JSON object.
pub fn records(
    path: &Path,
    mut reader: Box<dyn BufRead + Send>,
    reading: &Reading,
) -> io::Result<Box<dyn Iterator<Item = io::Result<Record>> + Send>> {
    let format = format_of(path, &mut reader, reading)?;
    Ok(match format {
        InputFormat::Html | InputFormat::Text => {
            let id = path.display().to_string();
            Box::new(std::iter::once(formats::whole_file_record(reader, &id)))
        }
        InputFormat::Jsonl => {
            let names = (!reading.names.canonical()).then(|| reading.names.clone());
            Box::new(JsonLines { reader, names })
        }
        InputFormat::Json => Box::new(formats::array_records(reader, &reading.names)?.map(Ok)),
        InputFormat::Csv | InputFormat::Tsv => {
            Box::new(formats::delimited_records(reader, format, &reading.names)?.map(Ok))
        }
    })
}

/// The lines of a JSONL input, renamed when the field names are not canonical.
struct JsonLines {
    reader: Box<dyn BufRead + Send>,
    names: Option<FieldNames>,
}

impl Iterator for JsonLines {
    type Item = io::Result<Record>;

    fn next(&mut self) -> Option<Self::Item> {
        let mut bytes = Vec::new();
        match self.reader.read_until(b'\n', &mut bytes) {
            Ok(0) => None,
            Err(e) => Some(Err(e)),
            Ok(_) => {
                if bytes.last() == Some(&b'\n') {
                    bytes.pop();
                }
                Some(Ok(Ok(match &self.names {
                    Some(names) => formats::renamed_line(bytes, names),
                    None => bytes,
                })))
            }
        }
    }
}

/// Checks, before any output, that every delimited input (CSV, TSV) names the text
/// column in its header; standard input is checked as it is read.
pub fn check_headers(inputs: &[PathBuf], reading: &Reading) -> Result<(), String> {
    for path in inputs.iter().filter(|p| *p != Path::new("-")) {
        let mut reader = open(path).map_err(|e| e.to_string())?;
        let format = format_of(path, &mut reader, reading).map_err(|e| e.to_string())?;
        if matches!(format, InputFormat::Csv | InputFormat::Tsv) {
            // Only the header is read here; the records are read by the reader thread.
            let _header_checked = formats::delimited_records(reader, format, &reading.names)
                .map_err(|e| format!("{}: {e}", path.display()))?;
        }
    }
    Ok(())
}

/// Opens `path` ("-" = standard input), transparently decompressing gzip.
pub fn open(path: &Path) -> io::Result<Box<dyn BufRead + Send>> {
    let raw: Box<dyn Read + Send> = if path == Path::new("-") {
        Box::new(io::stdin())
    } else {
        Box::new(File::open(path).map_err(|e| io::Error::new(e.kind(), format!("{}: {e}", path.display())))?)
    };
    let mut buffered = BufReader::with_capacity(1 << 20, raw);
    let gz = buffered.fill_buf()?.starts_with(&[0x1f, 0x8b]);
    Ok(if gz {
        Box::new(BufReader::with_capacity(1 << 20, MultiGzDecoder::new(buffered)))
    } else {
        Box::new(buffered)
    })
}

/// Starts a thread that reads every input in turn and sends chunks of `chunk_size`
/// lines, at most `limit` lines in all; the channel holds two chunks, so memory stays
/// bounded. The thread's result is the first read error, if any (lines read before it
/// are still sent).
pub fn spawn_reader(
    inputs: Vec<PathBuf>,
    reading: Reading,
    chunk_size: usize,
    limit: usize,
) -> (Receiver<Vec<RawLine>>, JoinHandle<io::Result<()>>) {
    let (tx, rx) = sync_channel::<Vec<RawLine>>(2);
    let handle = std::thread::spawn(move || -> io::Result<()> {
        let several = inputs.len() > 1;
        let mut chunk = Vec::with_capacity(chunk_size);
        let mut sent = 0usize;
        'inputs: for path in &inputs {
            let in_path = |e: io::Error| io::Error::new(e.kind(), format!("{}: {e}", path.display()));
            let mut records = records(path, open(path)?, &reading).map_err(in_path)?;
            let mut line_no = 0usize;
            loop {
                if sent == limit {
                    break 'inputs;
                }
                let Some(record) = records.next() else {
                    break;
                };
                let record = record.map_err(in_path)?;
                line_no += 1;
                let fallback_id = if several {
                    format!("{}:{line_no}", path.display())
                } else {
                    line_no.to_string()
                };
                let (bytes, error) = match record {
                    Ok(bytes) => (bytes, None),
                    Err(why) => (Vec::new(), Some(why)),
                };
                chunk.push(RawLine {
                    fallback_id,
                    bytes,
                    error,
                });
                sent += 1;
                if chunk.len() == chunk_size
                    && tx
                        .send(std::mem::replace(&mut chunk, Vec::with_capacity(chunk_size)))
                        .is_err()
                {
                    return Ok(()); // the consumer stopped
                }
            }
        }
        if !chunk.is_empty() {
            let _ = tx.send(chunk);
        }
        Ok(())
    });
    (rx, handle)
}
