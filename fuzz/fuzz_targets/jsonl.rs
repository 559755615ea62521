//! The JSONL reader (and the pipeline on what it reads) on arbitrary bytes: see
//! `src/checks.rs`.
#![no_main]

#[path = "../src/checks.rs"]
#[allow(dead_code)] // each target uses one of the checks
mod checks;

libfuzzer_sys::fuzz_target!(|data: &[u8]| checks::jsonl_input(data));
