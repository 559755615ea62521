//! What every input of the `readers` fuzz target must satisfy, shared with the test
//! that replays its saved corpus (`crates/byline-read/tests/fuzz_corpus.rs`). The first
//! byte chooses the format (or detection) and the field names; the rest is the input.
//!
//! A failed promise panics, which is what libFuzzer reports and the test fails on.

use byline_core::DateOrder;
use byline_core::input::read_line_in_order;
use byline_read::{FieldNames, InputFormat, Reading, detect, from_markup, records};
use std::io::{BufRead, Cursor};
use std::path::Path;

/// Reads `data` as an input file: the readers either refuse the whole input with a
/// message (a CSV without its text column, no JSON array) or yield its records, every one
/// a record or a reason in its place — a JSONL input one per line, a whole-file input
/// exactly one — and byline's record reader and the HTML conversion take each record
/// without a panic, the converted text never longer than the markup.
pub fn reader_input(data: &[u8]) {
    let Some((&selector, bytes)) = data.split_first() else {
        return;
    };
    let format = InputFormat::ALL.get(usize::from(selector % 8)).copied();
    let names = if selector & 0x80 == 0 {
        FieldNames {
            text: "text".into(),
            id: "id".into(),
            published: "published".into(),
            text_option: "--text-field",
        }
    } else {
        FieldNames {
            text: "body".into(),
            id: "doc".into(),
            published: "date".into(),
            text_option: "--text-field",
        }
    };
    let order = (selector & 0x40 != 0).then_some(DateOrder::Dmy);
    let effective = format.unwrap_or_else(|| detect(bytes));
    let reading = Reading { format, names };
    let reader: Box<dyn BufRead + Send> = Box::new(Cursor::new(bytes.to_vec()));
    let records = match records(Path::new("input"), reader, &reading) {
        Ok(records) => records,
        Err(e) => {
            assert!(
                matches!(effective, InputFormat::Csv | InputFormat::Tsv | InputFormat::Json),
                "a {effective:?} input was refused whole: {e}"
            );
            assert!(!e.to_string().is_empty(), "a refusal without a message");
            return;
        }
    };
    let mut count = 0usize;
    for (number, record) in records.enumerate() {
        count += 1;
        match record.expect("reading from memory cannot fail") {
            Ok(json) => {
                let (article, _meta) = read_line_in_order(&json, &(number + 1).to_string(), &[], order);
                if let Ok(article) = article {
                    let markup_chars = article.text.chars().count();
                    let (article, _converted) = from_markup(article);
                    assert!(
                        article.text.chars().count() <= markup_chars + 1,
                        "conversion grew the text"
                    );
                }
            }
            Err(why) => assert!(!why.is_empty(), "record {} lost without a reason", number + 1),
        }
    }
    let lines = bytes.split(|&b| b == b'\n').count() - usize::from(bytes.last().is_none_or(|&b| b == b'\n'));
    match effective {
        InputFormat::Jsonl => assert_eq!(count, lines, "JSONL lines lost or invented"),
        InputFormat::Html | InputFormat::Text => assert_eq!(count, 1, "a whole file is one record"),
        InputFormat::Csv | InputFormat::Tsv => {
            // A table's rows end at "\n", "\r\n" or a lone "\r" (old Mac files).
            let returns = bytes.windows(2).filter(|w| w[0] == b'\r' && w[1] != b'\n').count();
            let ends = lines + returns + usize::from(bytes.last() == Some(&b'\r'));
            assert!(count <= ends, "more rows than lines")
        }
        InputFormat::Json => {}
    }
}
