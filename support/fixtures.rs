//! Reading the fixture files of the snapshot tests (`crates/*/tests/fixtures/*.txt`),
//! shared through `#[path]`. A file is a list of blocks:
//!
//! ```text
//! ## name_of_the_case
//! published: 2025-04-19        (optional "key: value" lines)
//! The text, one or more lines (joined by newlines: paragraphs).
//! = what a correct answer holds, one line per item
//! ```
//!
//! Lines starting with "# " outside a text are comments.

/// One case of a fixture file.
#[allow(dead_code)] // each test uses the fields it needs
pub struct Case {
    /// Its name (the snapshot's name).
    pub name: String,
    /// Its "key: value" lines.
    pub keys: Vec<(String, String)>,
    /// The text.
    pub text: String,
    /// The expected items ("= " lines, without the marker).
    pub expected: Vec<String>,
}

impl Case {
    /// The value of key `key`, if given.
    #[allow(dead_code)]
    pub fn key(&self, key: &str) -> Option<&str> {
        self.keys.iter().find(|(k, _)| k == key).map(|(_, v)| v.as_str())
    }
}

/// The cases of `crates/<crate>/tests/fixtures/<file>`.
pub fn cases(manifest_dir: &str, file: &str) -> Vec<Case> {
    let path = std::path::Path::new(manifest_dir).join("tests/fixtures").join(file);
    let data = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    let mut cases: Vec<Case> = Vec::new();
    let mut lines: Vec<&str> = Vec::new();
    let finish = |cases: &mut Vec<Case>, lines: &mut Vec<&str>| {
        if let Some(case) = cases.last_mut() {
            case.text = lines.join("\n");
        }
        lines.clear();
    };
    for line in data.lines() {
        if let Some(name) = line.strip_prefix("## ") {
            finish(&mut cases, &mut lines);
            cases.push(Case {
                name: name.trim().to_owned(),
                keys: Vec::new(),
                text: String::new(),
                expected: Vec::new(),
            });
            continue;
        }
        let Some(case) = cases.last_mut() else { continue };
        if let Some(item) = line.strip_prefix("= ") {
            case.expected.push(item.to_owned());
        } else if let Some((key, value)) = line
            .split_once(": ")
            .filter(|(k, _)| lines.is_empty() && !k.contains(' '))
        {
            case.keys.push((key.to_owned(), value.to_owned()));
        } else if !line.trim().is_empty() || !lines.is_empty() {
            lines.push(line);
        }
    }
    finish(&mut cases, &mut lines);
    for case in &mut cases {
        case.text = case.text.trim_end().to_owned();
        assert!(!case.text.is_empty(), "{file}: case {} has no text", case.name);
    }
    cases
}

/// The case's text, then `ours` under "--- ours" and its expected items under "---
/// expected": what each snapshot of a fixture shows.
#[allow(dead_code)]
pub fn beside(case: &Case, header: &str, ours: &str) -> String {
    let mut out = format!("{}\n{header}--- ours\n{ours}--- expected\n", case.text);
    for e in &case.expected {
        out += e;
        out.push('\n');
    }
    out
}
