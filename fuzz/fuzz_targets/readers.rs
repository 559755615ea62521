//! The input readers (JSONL, JSON arrays, CSV/TSV, HTML and text files) and the HTML
//! conversion on arbitrary bytes: see `src/read_checks.rs`.
#![no_main]

#[path = "../src/read_checks.rs"]
mod read_checks;

libfuzzer_sys::fuzz_target!(|data: &[u8]| read_checks::reader_input(data));
