//! Reading input records: files or standard input, plain or gzip (detected from the
//! magic bytes, not the file name), in any input format (`formats`), one record at a
//! time; folders stand for the article files in them.

use crate::formats::{self, FieldNames, InputFormat, Record};
use flate2::read::MultiGzDecoder;
use std::fs::File;
use std::io::{self, BufRead, BufReader, Read};
use std::path::{Path, PathBuf};

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
                text_option: "--text-field",
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

/// The files `inputs` name ("-" for standard input), each checked to exist; a folder
/// stands for its .txt, .html and .htm files and those of its subfolders, sorted, one
/// article each. An empty list is standard input.
pub fn input_files(inputs: &[PathBuf]) -> Result<Vec<PathBuf>, String> {
    if inputs.is_empty() {
        return Ok(vec![PathBuf::from("-")]);
    }
    let mut files = Vec::with_capacity(inputs.len());
    for p in inputs {
        if p.is_dir() {
            let mut pages = Vec::new();
            article_files(p, &mut pages).map_err(|e| format!("{}: {e}", p.display()))?;
            if pages.is_empty() {
                return Err(format!(
                    "{} is a directory with no .txt or .html files in it; give the JSONL files inside it (e.g. {}/*.jsonl)",
                    p.display(),
                    p.display()
                ));
            }
            pages.sort();
            files.extend(pages);
        } else if p != Path::new("-") && !p.exists() {
            return Err(format!("{}: no such file", p.display()));
        } else {
            files.push(p.clone());
        }
    }
    Ok(files)
}

/// The .txt, .html and .htm files in `dir` and its subfolders.
fn article_files(dir: &Path, found: &mut Vec<PathBuf>) -> io::Result<()> {
    for entry in std::fs::read_dir(dir)? {
        let path = entry?.path();
        if path.is_dir() {
            article_files(&path, found)?;
        } else if formats::by_extension(&path).is_some() {
            found.push(path);
        }
    }
    Ok(())
}
