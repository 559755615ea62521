//! Pathological articles, shared through `#[path]` by the robustness tests
//! (`crates/byline/tests/pathological.rs`) and the linear-time benchmark
//! (`crates/byline/benches/pathological.rs`). Each is about `megabytes` MB long, so that
//! the benchmark can compare 1 MB with 2 MB.

/// The names of [`articles`], in order (benchmark arguments).
#[allow(dead_code)] // the tests use the articles only
pub const NAMES: &[&str] = &[
    "straight quote marks",
    "curly quote marks",
    "quote marks between words",
    "one long sentence",
    "one long sentence of names",
    "an unclosed quote of a megabyte",
    "a paragraph of speech verbs",
    "date words without dates",
    "only punctuation",
    "NUL and control bytes",
    "CRLF lines",
    "right-to-left text",
    "emoji and joiners",
    "one word of a megabyte",
    "many quotes with dates",
];

/// `(name, text)` pairs: each a shape that real input has and that a careless
/// algorithm would take quadratic time (or panic) on.
pub fn articles(megabytes: usize) -> Vec<(&'static str, String)> {
    let size = megabytes * 1_000_000;
    let fill = |unit: &str| unit.repeat(size / unit.len() + 1);
    vec![
        // A million quotation marks: straight, curly and mixed, without any words.
        ("straight quote marks", fill("\"")),
        ("curly quote marks", fill("“”“")),
        ("quote marks between words", fill("“a ”b \"c '' ``d ")),
        // One sentence of a megabyte: no full stop anywhere.
        ("one long sentence", fill("and the minister said ")),
        ("one long sentence of names", fill("Dmitry Peskov, Marco Rubio and ")),
        (
            "an unclosed quote of a megabyte",
            format!("“{}", fill("we agree with them, ")),
        ),
        ("a paragraph of speech verbs", fill("said that said according to told ")),
        ("date words without dates", fill("Friday last week two years every ")),
        ("only punctuation", fill(".,;:!?—–-…()[]")),
        ("NUL and control bytes", fill("\0\u{1}\u{7}\u{1b}\u{7f}")),
        ("CRLF lines", fill("Peskov said on Friday.\r\n")),
        ("right-to-left text", fill("قال المتحدث يوم الجمعة. אמר הדובר ")),
        ("emoji and joiners", fill("🙂👩‍👩‍👧🇺🇦 ")),
        ("one word of a megabyte", fill("x")),
        // Thousands of quotes and dates in one article: linking every quote to every
        // date (or checking every date against every quote) is quadratic.
        (
            "many quotes with dates",
            fill(
                "“We agree,” Peskov said on Friday. Rubio told reporters on Monday that talks \
                 would resume in May, and “nothing is settled,” he added on March 3, 2025.\n",
            ),
        ),
    ]
}
