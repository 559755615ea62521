//! Property tests (proptest) over generated news-like text and generated JSONL batches:
//! every span fits its text in code points, every input record yields exactly one
//! output record in input order, and the output does not depend on the thread count.

use byline::input::{is_blank, parse_line};
use byline::{Article, ArticleError, OutputRecord, Pipeline, parse_published};
use proptest::prelude::*;
use std::sync::LazyLock;

static PIPELINE: LazyLock<Pipeline> = LazyLock::new(byline::default_pipeline);

/// Pieces that exercise every layer and every awkward corner of offsets: names and
/// titles, cue verbs, all kinds of quotation marks, dates, stance words, non-ASCII
/// letters, emoji (4-byte UTF-8, 2 UTF-16 units), right-to-left text, combining marks,
/// CRLF and blank lines, NUL and other control characters.
const PIECES: &[&str] = &[
    "Dmitry Peskov",
    "Peskov",
    "He",
    "she",
    "Kremlin spokesperson",
    "Marco Rubio",
    "the EU",
    "Reuters",
    "NATO",
    "Mr. Müller",
    "José Núñez",
    "Zoë",
    "said",
    "told reporters",
    "said that",
    "added",
    "according to",
    "criticized",
    "praised",
    "supports",
    "opposes",
    "did not endorse",
    "“",
    "”",
    "\"",
    "'",
    "‘",
    "’",
    "«",
    "»",
    "``",
    "''",
    "„",
    "on Friday",
    "last week",
    "April 3, 2025",
    "5 p.m. EDT",
    "two years",
    "every Monday",
    "tomorrow",
    "the 1990s",
    ".",
    ",",
    ":",
    "!",
    "?",
    " — ",
    "\n",
    "\r\n",
    "\n\n",
    "\0",
    "\t",
    "🙂",
    "👩‍👩‍👧",
    "Москва",
    "مرحبا",
    "שלום",
    "e\u{301}",
    "\u{200f}",
    "\u{feff}",
    "$4 million",
    "peace agreement",
    "talks",
    "the war in Ukraine",
];

fn news_text() -> impl Strategy<Value = String> {
    prop::collection::vec(
        (
            prop::sample::select(PIECES),
            prop::sample::select(&[" ", "", " ", "  "][..]),
        ),
        0..120,
    )
    .prop_map(|parts| parts.into_iter().flat_map(|(a, b)| [a, b]).collect())
}

/// One JSONL input line: a good record, a record with a bad field, or not a record.
fn input_line() -> impl Strategy<Value = String> {
    prop_oneof![
        4 => (any::<u16>(), news_text()).prop_map(|(id, text)| {
            serde_json::json!({"id": format!("r{id}"), "text": text, "published": "2025-04-19"}).to_string()
        }),
        1 => news_text().prop_map(|text| serde_json::json!({"text": text}).to_string()),
        1 => any::<u16>().prop_map(|id| format!(r#"{{"id": "bad{id}", "text": 42}}"#)),
        1 => any::<u16>().prop_map(|id| format!(r#"{{"id": "d{id}", "text": "x", "published": "2025-02-30"}}"#)),
        1 => Just("{not json".to_owned()),
        1 => Just("[1, 2]".to_owned()),
        1 => Just("   ".to_owned()),
    ]
}

/// What the CLI does with a line: blank lines and bad records become error records.
fn record_of(line: &str, n: usize) -> Result<Article, ArticleError> {
    let fallback = (n + 1).to_string();
    if is_blank(line.as_bytes()) {
        return Err(ArticleError::input(&fallback, "empty line"));
    }
    parse_line(line.as_bytes(), &fallback)
}

fn outputs(lines: &[String], threads: usize) -> Vec<String> {
    let pool = rayon::ThreadPoolBuilder::new().num_threads(threads).build().unwrap();
    let records: Vec<_> = lines.iter().enumerate().map(|(n, l)| record_of(l, n)).collect();
    pool.install(|| {
        PIPELINE
            .stream(records, 4)
            .map(|r| match r {
                Ok(doc) => doc.to_json(),
                Err(e) => OutputRecord::from_error(&e).to_json(),
            })
            .collect()
    })
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 200, ..ProptestConfig::default() })]

    #[test]
    fn every_span_fits_its_text_in_code_points(text in news_text()) {
        let published = parse_published("2025-04-19").unwrap();
        let doc = PIPELINE.process(Article::new("p", text.as_str()).with_published(Some(published)));
        let doc = doc.map_err(|e| TestCaseError::fail(e.message))?;
        let record = doc.to_output();
        prop_assert_eq!(record.check(&text), Ok(()));
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 48, ..ProptestConfig::default() })]

    #[test]
    fn one_output_record_per_input_line_in_order_whatever_the_thread_count(
        lines in prop::collection::vec(input_line(), 0..24)
    ) {
        let one = outputs(&lines, 1);
        prop_assert_eq!(one.len(), lines.len());
        for (n, (line, out)) in lines.iter().zip(&one).enumerate() {
            let expected_id = match record_of(line, n) {
                Ok(article) => article.id,
                Err(e) => e.id,
            };
            let record: OutputRecord = serde_json::from_str(out).unwrap();
            prop_assert_eq!(&record.id, &expected_id, "line {} came out of order", n + 1);
            prop_assert_eq!(record.error.is_some(), record_of(line, n).is_err());
        }
        let two = outputs(&lines, 2);
        prop_assert_eq!(one, two, "1 and 2 threads disagree");
    }
}
