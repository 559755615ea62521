//! Entities on real sentences read at run time from `../shared` (CoNLL-2003 dev and the
//! news corpus; never copied into the repository): all-caps headlines, sports results,
//! organisations named after places, hyphenated and non-ASCII names. Each test is
//! skipped with a message when `../shared` is absent.

use byline_core::{Article, Pipeline};
use byline_entities::Entities;
use std::io::{BufRead, BufReader};

#[path = "../../../support/shared_data.rs"]
mod shared_data;
use shared_data::shared;

/// The first CoNLL dev sentence (tokens joined by spaces) containing every needle.
fn dev_sentence(needles: &[&str]) -> Option<String> {
    let path = shared("data/ner/conll2003/eng.testa")?;
    let text = std::fs::read_to_string(path).expect("eng.testa is readable");
    let found = text
        .split("\n\n")
        .map(|block| {
            block
                .lines()
                .filter_map(|l| l.split(' ').next())
                .filter(|w| *w != "-DOCSTART-")
                .collect::<Vec<_>>()
                .join(" ")
        })
        .find(|s| needles.iter().all(|n| s.contains(n)));
    Some(found.unwrap_or_else(|| panic!("no dev sentence contains {needles:?}")))
}

/// The first sentence of the news corpus containing `needle`.
fn corpus_sentence(needle: &str) -> Option<String> {
    let path = shared("data/corpus/allsides.jsonl.gz")?;
    let file = std::fs::File::open(path).expect("the corpus is readable");
    let reader = BufReader::new(flate2::read::GzDecoder::new(file));
    for line in reader.lines() {
        let line = line.expect("the corpus is valid gzip");
        if !line.contains(needle) {
            continue;
        }
        let article = byline_core::input::parse_line(line.as_bytes(), "corpus").expect("a corpus line is valid");
        let doc = byline_core::Document::new(article);
        if let Some(s) = doc.sentences.iter().find(|s| doc.span_text(s.span).contains(needle)) {
            return Some(doc.span_text(s.span).to_string());
        }
    }
    panic!("no corpus sentence contains {needle:?}");
}

fn render(text: &str) -> String {
    let doc = Pipeline::builder()
        .with(Entities)
        .build()
        .unwrap()
        .process(Article::new("t", text))
        .unwrap();
    let mut out = format!("{text}\n---\n");
    for e in &doc.entities {
        out += &format!("{:<5} {}\n", e.label.as_str(), doc.span_text(e.span));
    }
    out
}

macro_rules! snapshot {
    ($name:ident, $sentence:expr) => {
        #[test]
        fn $name() {
            let Some(sentence) = $sentence else { return };
            insta::assert_snapshot!(render(&sentence));
        }
    };
}

snapshot!(all_caps_headline, dev_sentence(&["SOCCER -", "FIFA"]));
snapshot!(all_caps_headline_with_place, dev_sentence(&["VOLGOGRAD VIOLENCE"]));
snapshot!(tennis_results, dev_sentence(&["Henman", "beat"]));
snapshot!(athletics_results_list, dev_sentence(&["Djate-Taillard"]));
snapshot!(
    cricket_scores_with_hyphenated_place,
    dev_sentence(&["Chester-le-Street :"])
);
snapshot!(clubs_named_after_places, dev_sentence(&["Dynamo Moscow players"]));
snapshot!(baseball_schedule, dev_sentence(&["KANSAS CITY AT DETROIT"]));
snapshot!(non_ascii_name, corpus_sentence("Peña Nieto have"));
snapshot!(
    non_ascii_name_with_breve,
    corpus_sentence("Turkey’s President Recep Tayyip Erdoğan won")
);
snapshot!(
    non_ascii_names_polish,
    corpus_sentence("Bartosz Arłukowicz, a Polish MEP")
);
snapshot!(non_ascii_names_slovenian, corpus_sentence("Janez Potočnik, a former"));
