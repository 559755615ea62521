//! Input formats: JSONL (one record a line), a JSON array of records, CSV or TSV with a
//! header row, and whole files (HTML or text, one article each). Detection looks at the
//! file name and the first bytes of each input; a named format overrides it. Every record reaches the pipeline as a JSON object whose keys are the
//! canonical field names (`text`, `id`, `published`), renamed from the columns or keys
//! `--text-field`, `--id-field` and `--published-field` name, so one reader (`byline_core
//! ::input`) decides what is an error and what a warning for every format.

use serde_json::{Map, Value};
use std::io::{self, BufRead};

/// An input format.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[cfg_attr(feature = "clap", derive(clap::ValueEnum))]
pub enum InputFormat {
    /// One JSON object a line (the default when the input starts with "{").
    Jsonl,
    /// One JSON array of objects (when the input starts with "[").
    Json,
    /// Comma-separated values with a header row.
    Csv,
    /// Tab-separated values with a header row.
    Tsv,
    /// The whole input is one article as an HTML page (the default for .html and .htm
    /// files).
    Html,
    /// The whole input is one article's text (the default for .txt files).
    Text,
}

impl InputFormat {
    /// Every format, in the order help texts list them.
    pub const ALL: [InputFormat; 6] = [
        InputFormat::Jsonl,
        InputFormat::Json,
        InputFormat::Csv,
        InputFormat::Tsv,
        InputFormat::Html,
        InputFormat::Text,
    ];

    /// The format's name, as `--format` and Python's `format=` take it.
    pub fn name(self) -> &'static str {
        match self {
            InputFormat::Jsonl => "jsonl",
            InputFormat::Json => "json",
            InputFormat::Csv => "csv",
            InputFormat::Tsv => "tsv",
            InputFormat::Html => "html",
            InputFormat::Text => "text",
        }
    }
}

impl std::str::FromStr for InputFormat {
    type Err = String;

    fn from_str(name: &str) -> Result<Self, String> {
        InputFormat::ALL.into_iter().find(|f| f.name() == name).ok_or_else(|| {
            let names: Vec<&str> = InputFormat::ALL.iter().map(|f| f.name()).collect();
            format!("format must be one of {}, not {name:?}", names.join(", "))
        })
    }
}

/// The format a file's name implies: .html/.htm and .txt files hold one article each.
pub fn by_extension(path: &std::path::Path) -> Option<InputFormat> {
    match path.extension()?.to_str()?.to_ascii_lowercase().as_str() {
        "html" | "htm" => Some(InputFormat::Html),
        "txt" => Some(InputFormat::Text),
        _ => None,
    }
}

/// The one record of a whole-file input (HTML or text): its id is the file's path as
/// given; HTML is turned into article text when the record is read.
pub(crate) fn whole_file_record(mut reader: Box<dyn BufRead + Send>, id: &str) -> io::Result<Record> {
    let mut bytes = Vec::new();
    reader.read_to_end(&mut bytes)?;
    Ok(match String::from_utf8(bytes) {
        Ok(text) => {
            let text = text.strip_prefix('\u{feff}').unwrap_or(&text);
            serde_json::to_vec(&serde_json::json!({"id": id, "text": text})).map_err(|e| e.to_string())
        }
        Err(e) => Err(format!("{id} is not UTF-8: {e}")),
    })
}

/// The input columns or keys holding each field byline reads.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct FieldNames {
    /// The article text (required).
    pub text: String,
    /// The record id.
    pub id: String,
    /// The publication date.
    pub published: String,
    /// How the user names the text column, for messages (`--text-field`, `text_field=`).
    pub text_option: &'static str,
}

impl FieldNames {
    /// Whether every name is the canonical one (JSON records are then read as they are).
    pub fn canonical(&self) -> bool {
        self.text == "text" && self.id == "id" && self.published == "published"
    }

    /// The canonical key for an input column or key named `name`, or `name` itself.
    fn key<'a>(&'a self, name: &'a str) -> &'a str {
        if name == self.text {
            "text"
        } else if name == self.id {
            "id"
        } else if name == self.published {
            "published"
        } else {
            name
        }
    }
}

/// The format of an input whose first bytes are `head`: "[" is a JSON array, "{" (or an
/// empty input) JSONL, a first line with more tabs than commas TSV, with commas CSV,
/// anything else JSONL (its error records then say what is wrong).
/// A UTF-8 byte order mark and leading white space are skipped.
pub fn detect(head: &[u8]) -> InputFormat {
    let head = head.strip_prefix(b"\xef\xbb\xbf").unwrap_or(head);
    let start = head.iter().position(|b| !b.is_ascii_whitespace()).unwrap_or(head.len());
    match head.get(start) {
        None | Some(b'{') => InputFormat::Jsonl,
        Some(b'[') => InputFormat::Json,
        Some(_) => {
            let line = head[start..].split(|&b| b == b'\n').next().unwrap_or_default();
            let count = |c: u8| line.iter().filter(|&&b| b == c).count();
            let (tabs, commas) = (count(b'\t'), count(b','));
            if tabs > commas {
                InputFormat::Tsv
            } else if commas > 0 {
                InputFormat::Csv
            } else {
                // One word a line is no table: read as JSONL, whose errors say what is wrong.
                InputFormat::Jsonl
            }
        }
    }
}

/// One record of an input, as a JSON object with canonical keys, or why it cannot be
/// read (the record then becomes an error record with its number).
pub type Record = Result<Vec<u8>, String>;

/// The records of a delimited input (CSV or TSV), read as they are needed. Fails, before
/// any record, when the header has no text column (the message names the columns found).
pub(crate) fn delimited_records(
    reader: Box<dyn BufRead + Send>,
    format: InputFormat,
    names: &FieldNames,
) -> io::Result<Box<dyn Iterator<Item = Record> + Send>> {
    let delimiter = if format == InputFormat::Tsv { b'\t' } else { b',' };
    let mut csv = csv::ReaderBuilder::new()
        .delimiter(delimiter)
        .flexible(true)
        .has_headers(true)
        .from_reader(reader);
    let header: Vec<String> = csv
        .headers()
        .map_err(|e| {
            io::Error::new(
                io::ErrorKind::InvalidData,
                format!("the header row cannot be read: {e}"),
            )
        })?
        .iter()
        .map(|h| h.trim_start_matches('\u{feff}').trim().to_owned())
        .collect();
    if !header.contains(&names.text) {
        return Err(io::Error::new(
            io::ErrorKind::InvalidInput,
            format!(
                "no column {:?} in the header ({}); name the text column with {}",
                names.text,
                header.iter().map(|h| format!("{h:?}")).collect::<Vec<_>>().join(", "),
                names.text_option
            ),
        ));
    }
    let keys: Vec<String> = header.iter().map(|h| names.key(h).to_owned()).collect();
    Ok(Box::new(csv.into_records().map(move |row| {
        let row = row.map_err(|e| format!("row cannot be read: {e}"))?;
        let object: Map<String, Value> = keys
            .iter()
            .zip(row.iter())
            .map(|(k, v)| (k.clone(), Value::String(v.to_owned())))
            .collect();
        serde_json::to_vec(&Value::Object(object)).map_err(|e| e.to_string())
    })))
}

/// The records of a JSON array; an element that is not an object is passed on as it is
/// (the reader makes it an error record).
pub(crate) fn array_records(
    mut reader: Box<dyn BufRead + Send>,
    names: &FieldNames,
) -> io::Result<Box<dyn Iterator<Item = Record> + Send>> {
    let mut bytes = Vec::new();
    reader.read_to_end(&mut bytes)?;
    let bytes = bytes.strip_prefix(b"\xef\xbb\xbf").unwrap_or(&bytes);
    let items: Vec<Value> = serde_json::from_slice(bytes)
        .map_err(|e| io::Error::new(io::ErrorKind::InvalidData, format!("not a JSON array of records: {e}")))?;
    let names = names.clone();
    Ok(Box::new(items.into_iter().map(move |item| {
        serde_json::to_vec(&renamed(item, &names)).map_err(|e| e.to_string())
    })))
}

/// A JSONL line with its keys renamed to the canonical ones (only called when a field
/// name is not canonical); a line that is no JSON object is passed on as it is.
pub(crate) fn renamed_line(line: Vec<u8>, names: &FieldNames) -> Vec<u8> {
    match serde_json::from_slice::<Value>(&line) {
        Ok(value @ Value::Object(_)) => serde_json::to_vec(&renamed(value, names)).unwrap_or(line),
        _ => line,
    }
}

/// `value` with the keys `names` gives renamed to `text`, `id` and `published` (the
/// canonical keys the input already has are dropped in their favour).
fn renamed(value: Value, names: &FieldNames) -> Value {
    let Value::Object(object) = value else {
        return value;
    };
    let mut out = Map::new();
    for (k, v) in object {
        let key = names.key(&k);
        if key != k || !out.contains_key(key) {
            out.insert(key.to_owned(), v);
        }
    }
    Value::Object(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn names() -> FieldNames {
        FieldNames {
            text: "body".into(),
            id: "doc".into(),
            published: "date".into(),
            text_option: "--text-field",
        }
    }

    #[test]
    fn detection_reads_the_first_bytes() {
        assert_eq!(detect(b"{\"text\":\"x\"}\n"), InputFormat::Jsonl);
        assert_eq!(detect(b"\xef\xbb\xbf  [ {\"text\":\"x\"} ]"), InputFormat::Json);
        assert_eq!(detect(b"id,text\n1,hello"), InputFormat::Csv);
        assert_eq!(detect(b"id\ttext\tdate, with comma\n"), InputFormat::Tsv);
        assert_eq!(detect(b""), InputFormat::Jsonl);
        assert_eq!(detect(b"hello\n"), InputFormat::Jsonl);
    }

    #[test]
    fn csv_rows_become_records_with_canonical_keys() {
        let csv = "\u{feff}doc,body,date,source\n1,\"He said, \"\"hi\"\"\nthen left.\",March 7 2024,x\n2,short\n";
        let reader: Box<dyn BufRead + Send> = Box::new(io::Cursor::new(csv.as_bytes().to_vec()));
        let records: Vec<Value> = delimited_records(reader, InputFormat::Csv, &names())
            .unwrap()
            .map(|r| serde_json::from_slice(&r.unwrap()).unwrap())
            .collect();
        assert_eq!(records[0]["text"], "He said, \"hi\"\nthen left.");
        assert_eq!(
            (records[0]["id"].as_str(), records[0]["published"].as_str()),
            (Some("1"), Some("March 7 2024"))
        );
        assert_eq!(records[0]["source"], "x");
        // A ragged row keeps what it has.
        assert_eq!(
            (records[1]["id"].as_str(), records[1]["text"].as_str()),
            (Some("2"), Some("short"))
        );
    }

    #[test]
    fn a_missing_text_column_names_the_columns_found() {
        let reader: Box<dyn BufRead + Send> = Box::new(io::Cursor::new(b"id,title\n1,x\n".to_vec()));
        let Err(e) = delimited_records(reader, InputFormat::Csv, &names()) else {
            panic!("accepted");
        };
        assert!(
            e.to_string().contains("no column \"body\"") && e.to_string().contains("\"title\""),
            "{e}"
        );
        // A table without a header row: its first row is shown as the header it took.
        let reader: Box<dyn BufRead + Send> = Box::new(io::Cursor::new(
            b"1,\"Tom Reyes said, \"\"yes\"\"\",2024-03-07\n".to_vec(),
        ));
        let Err(e) = delimited_records(reader, InputFormat::Csv, &names()) else {
            panic!("accepted");
        };
        assert!(
            e.to_string()
                .contains("in the header (\"1\", \"Tom Reyes said, \\\"yes\\\"\", \"2024-03-07\")"),
            "{e}"
        );
    }

    /// Arbitrary bytes made of what tables and JSON are made of: every reader returns
    /// records or a clear error, never a panic (a stand-in for a fuzz target until the
    /// readers move into a library crate).
    #[test]
    fn arbitrary_input_never_panics() {
        const PIECES: [&[u8]; 14] = [
            b",",
            b"\"",
            b"\n",
            b"\r\n",
            b"\t",
            b"{",
            b"}",
            b"[",
            b"]",
            b"\xff",
            b"\xef\xbb\xbf",
            b"text",
            b"body",
            b"a",
        ];
        let mut state = 0x2545_f491_4f6c_dd1d_u64;
        let mut next = || {
            state ^= state << 13;
            state ^= state >> 7;
            state ^= state << 17;
            state
        };
        for _ in 0..2000 {
            let length = (next() % 40) as usize;
            let bytes: Vec<u8> = (0..length)
                .flat_map(|_| PIECES[(next() % PIECES.len() as u64) as usize].iter().copied())
                .collect();
            let format = detect(&bytes);
            let reader = || -> Box<dyn BufRead + Send> { Box::new(io::Cursor::new(bytes.clone())) };
            for f in [InputFormat::Csv, InputFormat::Tsv] {
                if let Ok(records) = delimited_records(reader(), f, &names()) {
                    let lines = bytes.iter().filter(|&&b| b == b'\n').count() + 1;
                    assert!(records.count() <= lines, "{bytes:?}");
                }
            }
            if let Ok(records) = array_records(reader(), &names()) {
                records.for_each(drop);
            }
            let _ = (format, renamed_line(bytes.clone(), &names()));
        }
    }

    #[test]
    fn json_arrays_and_renamed_lines() {
        let reader: Box<dyn BufRead + Send> = Box::new(io::Cursor::new(br#"[{"body":"a","doc":7}, 3]"#.to_vec()));
        let records: Vec<Record> = array_records(reader, &names()).unwrap().collect();
        let first: Value = serde_json::from_slice(records[0].as_deref().unwrap()).unwrap();
        assert_eq!(first, serde_json::json!({"text": "a", "id": 7}));
        assert_eq!(records[1].as_deref().unwrap(), b"3");
        let both = renamed_line(br#"{"text":"old","body":"b"}"#.to_vec(), &names());
        assert_eq!(
            serde_json::from_slice::<Value>(&both).unwrap(),
            serde_json::json!({"text": "b"})
        );
        assert_eq!(renamed_line(b"not json".to_vec(), &names()), b"not json");
    }
}
