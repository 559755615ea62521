//! Helpers shared by the CLI tests: running the binary, temporary paths, reading its
//! output, locating `../shared`.
#![allow(dead_code)]

use std::path::{Path, PathBuf};
use std::process::Command;

#[path = "../../../../support/shared_data.rs"]
mod shared_data;

/// The `../shared` folder beside the repository if it holds `needed` (a path inside it);
/// otherwise prints why the test is skipped and returns None.
pub fn shared(needed: &str) -> Option<PathBuf> {
    shared_data::shared(needed)?;
    shared_data::shared(".")
}

/// A path in a per-process temporary folder for the test group `group`.
pub fn temp(group: &str, name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("byline-{group}-test-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    dir.join(name)
}

/// The `byline` binary under test.
pub fn bin() -> Command {
    Command::new(env!("CARGO_BIN_EXE_byline"))
}

/// A path in this test process's own temporary folder.
pub fn temp_path(name: &str) -> PathBuf {
    temp("cli", name)
}

/// The JSON records of a run's output, one per line.
pub fn records(stdout: &[u8]) -> Vec<serde_json::Value> {
    String::from_utf8(stdout.to_vec())
        .unwrap()
        .lines()
        .map(|l| serde_json::from_str(l).expect("every output line is JSON"))
        .collect()
}

/// `byline extract FLAGS -o OUT INPUT`, ready to run.
pub fn extract_to(out: &Path, input: &Path, flags: &[&str]) -> Command {
    let mut command = bin();
    command.arg("extract").args(flags).arg("-o").arg(out).arg(input);
    command
}

/// The number written after `label` in `line` ("F1 7.30" → 7.3).
pub fn number_after(line: &str, label: &str) -> f64 {
    let rest = line
        .split(label)
        .nth(1)
        .unwrap_or_else(|| panic!("no {label:?} in {line:?}"));
    let word = rest.split_whitespace().next().unwrap_or_default();
    word.parse()
        .unwrap_or_else(|_| panic!("no number after {label:?} in {line:?}"))
}
