//! Helpers shared by the CLI tests that read `../shared`.

use std::path::PathBuf;

/// The `../shared` folder beside the repository if it holds `needed` (a path inside it);
/// otherwise prints why the test is skipped and returns None.
pub fn shared(needed: &str) -> Option<PathBuf> {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../../shared");
    if dir.join(needed).exists() {
        Some(dir)
    } else {
        eprintln!("SKIPPED: ../shared/{needed} is not beside the repository");
        None
    }
}

/// A path in a per-process temporary folder for the test group `group`.
pub fn temp(group: &str, name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("byline-{group}-test-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    dir.join(name)
}
