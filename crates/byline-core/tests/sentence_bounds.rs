//! The windowed sentence boundaries equal the full UAX #29 run: on generated strings of
//! the characters the rules care about, and on the paragraphs of real news.

use byline_core::sentence_bounds::sentence_pieces;
use proptest::prelude::*;
use std::io::{BufRead, BufReader};
use unicode_segmentation::UnicodeSegmentation;

#[path = "../../../support/shared_data.rs"]
mod shared_data;

/// Letters of both cases and scripts, digits, terminators (ASCII and not), closing
/// marks, spaces of several kinds, separators, extending and format marks, emoji.
const ALPHABET: &[&str] = &[
    "a", "b", "Z", "Q", "é", "É", "ж", "中", "7", ".", ".", "?", "!", "。", "‼", "؟", "…", ",", ";", ":", "-", "(",
    ")", "\"", "'", "“", "”", "’", "«", "»", " ", " ", " ", "\u{a0}", "\u{2003}", "\t", "\n", "\r", "\u{85}",
    "\u{2028}", "\u{2029}", "\u{301}", "\u{200b}", "\u{200d}", "\u{feff}", "🙂", "e.g.", "U.S.", "Mr. ",
];

fn pieces_equal(text: &str) -> Result<(), TestCaseError> {
    let fast: Vec<(usize, &str)> = sentence_pieces(text).collect();
    let full: Vec<(usize, &str)> = text.split_sentence_bound_indices().collect();
    prop_assert_eq!(fast, full, "{:?}", text);
    Ok(())
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 5000, ..ProptestConfig::default() })]

    #[test]
    fn windows_give_the_full_rules_boundaries(parts in prop::collection::vec(prop::sample::select(ALPHABET), 0..40)) {
        pieces_equal(&parts.concat())?;
    }
}

#[test]
fn windows_give_the_full_rules_boundaries_on_real_news() {
    let Some(path) = shared_data::shared("data/corpus/allsides.jsonl.gz") else {
        return;
    };
    let file = std::fs::File::open(&path).unwrap();
    let reader = BufReader::new(flate2::read::GzDecoder::new(file));
    for line in reader.lines().take(1500) {
        let record: serde_json::Value = serde_json::from_str(&line.unwrap()).unwrap();
        let text = record["text"].as_str().unwrap();
        for paragraph in byline_core::segment::paragraph_spans(text) {
            pieces_equal(paragraph.slice(text)).unwrap();
        }
    }
}
