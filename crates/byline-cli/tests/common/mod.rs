//! Helpers shared by the CLI tests that read `../shared`.

use std::path::PathBuf;

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
