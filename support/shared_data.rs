//! Locating `../shared` (gold data, the corpus, the seed fixture) beside the repository,
//! shared by the crates' tests through `#[path]`: a test that needs a file that is absent
//! prints why it is skipped and gets `None`.

use std::path::PathBuf;

/// `path` inside `../shared` (a file or folder), or `None` with a SKIPPED message when it
/// is not there.
pub fn shared(path: &str) -> Option<PathBuf> {
    // Every including crate sits at crates/<name>/.
    let p = PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("../../../shared")
        .join(path);
    if p.exists() {
        Some(p)
    } else {
        eprintln!("SKIPPED: ../shared/{path} is absent; this test needs it");
        None
    }
}
