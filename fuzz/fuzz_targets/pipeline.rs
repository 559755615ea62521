//! The full pipeline on arbitrary text: see `src/checks.rs`.
#![no_main]

#[path = "../src/checks.rs"]
#[allow(dead_code)] // each target uses one of the checks
mod checks;

libfuzzer_sys::fuzz_target!(|data: &[u8]| checks::pipeline_input(data));
