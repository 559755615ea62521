//! Quotes per construction on real passages of PolNeAR (train and dev), read at run time
//! from `../shared` and never copied into the repository: direct quotes with the
//! attribution after, before, split by it or introduced by a colon; multi-paragraph,
//! nested and unbalanced quotes; signed reader quotes; indirect quotes with "said that",
//! "added that", "according to", inverted attributions, reporting nouns and
//! organisations as speakers; mixed quotes. Each test is skipped with a message when
//! `../shared` is absent. The snapshots record misses as well as hits.

mod common;

#[path = "../../../support/shared_data.rs"]
mod shared_data;

/// `lines_before` non-empty lines before the first PolNeAR `split` line containing
/// `needle`, that line and `lines_after` lines after it, as paragraphs.
fn passage(split: &str, needle: &str, lines_before: usize, lines_after: usize) -> Option<String> {
    let path = shared_data::shared(&format!("data/quotes/polnear/{split}.jsonl"))?;
    let data = std::fs::read_to_string(&path).expect("a readable PolNeAR file");
    for line in data.lines() {
        let record: serde_json::Value = serde_json::from_str(line).expect("PolNeAR lines are JSON");
        let text = record["text"].as_str().expect("PolNeAR records have a text");
        let lines: Vec<&str> = text.lines().map(str::trim).filter(|l| !l.is_empty()).collect();
        if let Some(i) = lines.iter().position(|l| l.contains(needle)) {
            let from = i.saturating_sub(lines_before);
            let to = (i + 1 + lines_after).min(lines.len());
            return Some(lines[from..to].join("\n\n"));
        }
    }
    panic!("no {split} passage contains {needle:?}");
}

fn render(text: &str) -> String {
    format!("{text}\n---\n{}", common::render_quotes(text))
}

macro_rules! snapshot {
    ($name:ident, $split:literal, $needle:literal, $before:literal, $after:literal) => {
        #[test]
        fn $name() {
            let Some(text) = passage($split, $needle, $before, $after) else {
                return;
            };
            insta::assert_snapshot!(render(&text));
        }
    };
}

snapshot!(
    direct_split_by_told_reporters,
    "dev",
    "I count on the Security Council to remain united",
    1,
    0
);
snapshot!(
    direct_split_by_attribution_with_place,
    "dev",
    "Bad, bad things are going to happen",
    0,
    0
);
snapshot!(
    direct_after_said_name_with_title,
    "dev",
    "This is a disgusting day",
    0,
    0
);
snapshot!(
    multi_paragraph_quote,
    "train",
    "Trump says the things people want to say",
    0,
    1
);
snapshot!(quote_introduced_by_colon, "dev", "Said Ellis:", 0, 0);
snapshot!(nested_single_quotes, "dev", "You say you ‘accept responsibility", 0, 0);
snapshot!(
    unbalanced_marks,
    "dev",
    "For young people who have graduated high school",
    1,
    0
);
snapshot!(signed_reader_quotes, "dev", "― Carlos Raúl", 0, 1);
snapshot!(
    indirect_said_that,
    "dev",
    "De Blasio said that there did not appear",
    0,
    0
);
snapshot!(
    indirect_added_that_with_pronoun,
    "dev",
    "He added that Clinton is likely to put to rest",
    0,
    0
);
snapshot!(
    indirect_according_to,
    "dev",
    "according to NYPD Commissioner James O’Neill",
    0,
    0
);
snapshot!(
    indirect_inverted_pronoun,
    "dev",
    "Those discussions are continuing, he said.",
    0,
    0
);
snapshot!(
    indirect_reporting_noun_speaker,
    "train",
    "a former official said.",
    0,
    0
);
snapshot!(
    organisation_as_speaker,
    "train",
    "The company said it had suspended 125,000 accounts",
    1,
    0
);
snapshot!(
    mixed_in_a_statement_adding_that,
    "dev",
    "Immunity deals should not be a requirement",
    0,
    0
);
snapshot!(mixed_fragment_after_cue, "dev", "likened the rules to", 0, 0);
