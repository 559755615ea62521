//! The README's JSON sample is this test's output: the whole record of the third bundled
//! sample article (`examples/sample.jsonl`, written for byline) from the default pipeline,
//! each layer's items on a line of their own. When the output changes, the test fails
//! and says how to write the new sample into the README (`BYLINE_UPDATE_README=1`), so
//! the sample cannot go stale.

use std::path::PathBuf;

/// The line of the README after which the sample's ```json block comes.
const MARKER: &str = "<!-- JSON written by crates/byline/tests/readme_sample.rs -->";

fn repo() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../..")
}

/// The text of the sample article `id` and its record, as the README shows it.
fn sample(id: &str) -> (String, String) {
    let lines = std::fs::read_to_string(repo().join("examples/sample.jsonl")).expect("examples/sample.jsonl");
    let line = lines
        .lines()
        .find(|l| l.contains(&format!("\"id\": \"{id}\"")))
        .expect("the sample article");
    let article = byline::input::parse_line(line.as_bytes(), "1").expect("a valid sample line");
    let text = article.text.clone();
    let record = byline::default_pipeline()
        .process(article)
        .expect("analysed")
        .to_output();
    (text, compact(&serde_json::to_string_pretty(&record).expect("JSON")))
}

/// Pretty JSON with every item of a top-level array (and every top-level object) on one
/// line: `{"start": 0, "end": 12, ...}`.
fn compact(pretty: &str) -> String {
    let mut out = String::new();
    let mut item: Option<String> = None;
    for line in pretty.lines() {
        let indent = line.len() - line.trim_start().len();
        let body = line.trim();
        match &mut item {
            Some(open) => {
                let glue =
                    !(open.ends_with('{') || open.ends_with('[') || body.starts_with('}') || body.starts_with(']'));
                if glue {
                    open.push(' ');
                }
                open.push_str(body);
                if indent == 4 && (body.starts_with('}') || body.starts_with(']')) {
                    out.push_str(&format!("    {open}\n"));
                    item = None;
                }
            }
            None if indent == 4 && (body.ends_with('{') || body.ends_with('[')) => item = Some(body.to_owned()),
            None => out.push_str(&format!("{line}\n")),
        }
    }
    out
}

#[test]
fn the_readme_sample_is_real_output() {
    let path = repo().join("README.md");
    let readme = std::fs::read_to_string(&path).expect("README.md");
    let at = readme.find(MARKER).expect("the README marks its JSON sample");
    let start = at
        + readme[at..]
            .find("```json\n")
            .expect("a ```json block after the marker")
        + "```json\n".len();
    let end = start + readme[start..].find("```").expect("the block's end");
    let (text, expected) = sample("sample-council");
    assert!(
        readme[..at].contains(&format!("```text\n{text}\n```")),
        "the README shows the sample article's text before its JSON"
    );
    if readme[start..end] == expected {
        return;
    }
    if std::env::var_os("BYLINE_UPDATE_README").is_some() {
        std::fs::write(&path, format!("{}{expected}{}", &readme[..start], &readme[end..])).expect("README.md written");
        return;
    }
    panic!(
        "the README's JSON sample is not what byline gives now; run\n  BYLINE_UPDATE_README=1 cargo test -p byline --test readme_sample\nand review the change. It gives:\n{expected}"
    );
}
