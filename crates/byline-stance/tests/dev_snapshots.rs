//! Stances and portrayals on real news, read at run time from `../shared` and never
//! copied into the repository: negation, a quote carrying its speaker's stance, a
//! reported stance, and NewsMTSC dev sentences whose targets have opposite polarities
//! (gold printed beside ours so a reviewer sees the misses). Skipped with a message
//! when `../shared` is absent.

use byline_core::Article;
use common::{pipeline, render};
use serde_json::Value;
use std::io::{BufRead, BufReader};

mod common;

#[path = "../../../support/shared_data.rs"]
mod shared_data;
use shared_data::shared;

/// The first corpus article containing `needle`, processed whole; printed: the
/// sentence with the needle and what byline found in it.
fn corpus(needle: &str) -> Option<String> {
    let path = shared("data/corpus/allsides.jsonl.gz")?;
    let reader = BufReader::new(flate2::read::GzDecoder::new(std::fs::File::open(path).unwrap()));
    for line in reader.lines() {
        let line = line.unwrap();
        if !line.contains(needle) {
            continue;
        }
        let v: Value = serde_json::from_str(&line).unwrap();
        let text = v["text"].as_str().unwrap();
        let Some(at) = text.find(needle) else { continue };
        let doc = pipeline().process(Article::new("t", text)).unwrap();
        let sentence = doc.sentences[doc.sentence_at(at).unwrap()].span;
        return Some(format!("{}\n---\n{}", doc.span_text(sentence), render(&doc, sentence)));
    }
    panic!("no corpus article contains {needle:?}");
}

/// The first NewsMTSC `part` sentence containing `needle`, with its gold targets.
fn newsmtsc(part: &str, needle: &str) -> Option<String> {
    let path = shared(&format!("data/stance/newsmtsc/{part}.jsonl"))?;
    let text = std::fs::read_to_string(path).unwrap();
    for line in text.lines() {
        let v: Value = serde_json::from_str(line).unwrap();
        let sentence = v["sentence_normalized"].as_str().unwrap();
        if !sentence.contains(needle) {
            continue;
        }
        let targets = v["targets"].as_array().unwrap();
        let spans: Vec<(usize, usize)> = targets
            .iter()
            .map(|t| (t["from"].as_u64().unwrap() as usize, t["to"].as_u64().unwrap() as usize))
            .collect();
        let article = Article::new("t", sentence).with_char_targets(&spans).unwrap();
        let doc = pipeline().process(article).unwrap();
        let mut out = format!("{sentence}\n--- ours\n");
        for span in &doc.targets {
            let t = doc.target_sentiment.iter().find(|t| t.span == *span).unwrap();
            out += &format!("{:?}: {:?} {}\n", doc.span_text(t.span), t.polarity, t.score);
        }
        out += "--- gold\n";
        for t in targets {
            let label = match t["polarity"].as_f64().unwrap() as i64 {
                2 => "Negative",
                6 => "Positive",
                _ => "Neutral",
            };
            out += &format!("{:?}: {label}\n", t["mention"].as_str().unwrap());
        }
        return Some(out);
    }
    panic!("no {part} sentence contains {needle:?}");
}

macro_rules! snapshot {
    ($name:ident, $source:expr) => {
        #[test]
        fn $name() {
            let Some(out) = $source else { return };
            insta::assert_snapshot!(out);
        }
    };
}

snapshot!(negated_endorsement, corpus("Paul Ryan didn't endorse Donald Trump yet"));
snapshot!(
    negation_in_a_direct_quote,
    corpus("saying I’m not supporting Donald Trump")
);
snapshot!(
    reported_stance_of_the_speaker,
    corpus("McRaven told CNN he didn’t support Hillary Clinton")
);
snapshot!(
    opposite_polarities_in_one_sentence,
    newsmtsc("dev_mt", "Christie has been unrelenting in questioning")
);
snapshot!(
    opposite_polarities_by_comparison,
    newsmtsc("dev_mt", "Obama can do better at State than Susan Rice")
);
snapshot!(several_targets_one_sentence, newsmtsc("dev_mt", "D'Amico and McClure"));
snapshot!(
    stance_reported_by_someone_else,
    corpus("Trump says Cruz supported Chief Justice John Roberts")
);
snapshot!(
    passive_with_an_agent,
    corpus("Clinton was endorsed by Bernie Sanders, the runner-up")
);
