//! Odd input for the stance extractor: no panic, spans on character boundaries, and no
//! invented stances where the text gives no holder or no target.

use byline_core::{Article, Document};

mod common;

fn run(article: Article) -> Document {
    common::pipeline().process(article).expect("stance never fails on text")
}

fn spans_are_sound(doc: &Document) {
    for s in &doc.stances {
        for span in [s.target.span, s.evidence] {
            assert!(doc.text.is_char_boundary(span.start) && doc.text.is_char_boundary(span.end));
        }
        assert!((0.0..=1.0).contains(&s.score));
    }
    for t in &doc.target_sentiment {
        assert!(doc.text.is_char_boundary(t.span.start) && doc.text.is_char_boundary(t.span.end));
        assert!((0.0..=1.0).contains(&t.score));
    }
}

#[test]
fn sentences_without_entities_give_no_stances() {
    let doc = run(Article::new(
        "t",
        "The weather was terrible, and everyone hated it. Nobody supported the plan.",
    ));
    spans_are_sound(&doc);
    assert!(doc.stances.is_empty(), "{:?}", doc.stances);
    assert!(doc.target_sentiment.is_empty());
}

#[test]
fn sarcasm_without_a_holder_invents_no_stance() {
    let text = "Oh great, another brilliant plan. Just what everyone wanted, said nobody ever. Sure, that will work.";
    let doc = run(Article::new("t", text));
    spans_are_sound(&doc);
    assert!(doc.stances.is_empty(), "{:?}", doc.stances);
}

#[test]
fn a_very_long_sentence_is_handled() {
    let text = common::long_sentence(20_000);
    let doc = run(Article::new("t", text.as_str()));
    spans_are_sound(&doc);
    assert!(!doc.target_sentiment.is_empty());
}

#[test]
fn odd_targets_and_scripts_do_not_panic() {
    let text = "“” ‘’ «» — Zoë Ærø 北京 said: “😀 great”. \u{0} ''' ``";
    let n = text.chars().count();
    let targets = [(0, 1), (n - 1, n), (2, 2), (0, n), (9, 12)];
    let doc = run(Article::new("t", text).with_char_targets(&targets).unwrap());
    spans_are_sound(&doc);
    // Every given target has an entry, even an empty or all-punctuation one.
    for t in &doc.targets {
        assert!(doc.target_sentiment.iter().any(|s| s.span == *t));
    }
    assert!(Article::new("t", text).with_char_targets(&[(0, n + 1)]).is_err());
}

/// The default extractor: stated stances only.
fn run_default(text: &str) -> Document {
    byline_core::Pipeline::builder()
        .with(byline_entities::Entities)
        .with(byline_quotes::Quotes::default())
        .with(byline_stance::Stance::default())
        .build()
        .unwrap()
        .process(Article::new("t", text))
        .expect("stance never fails on text")
}

#[test]
fn issue_31_bad_input_states_no_stance_by_default() {
    let names: Vec<String> = (0..20).map(|i| format!("Amara Okafor{i}")).collect();
    let crowd = format!("{} praised and criticised each other.", names.join(", "));
    let cases = [
        crowd.as_str(),
        // Stance verbs with no arguments.
        "Criticised. Praised, backed, condemned! Opposed?",
        // Negation three deep.
        "Amara Okafor did not never not criticise the Harbour Board.",
        // Sarcasm quotes.
        "Amara Okafor “praised” the Harbour Board, if you can call it that.",
        // Quotes that only mention entities.
        "“Westport Ferries, the Harbour Board and Tom Reyes met on Monday,” Amara Okafor said.",
    ];
    for text in cases {
        let doc = run_default(text);
        spans_are_sound(&doc);
        assert!(doc.stances.is_empty(), "{text}: {:?}", doc.stances);
    }
    // Every stance (score 0 kept) still comes with sound spans.
    for text in cases {
        spans_are_sound(&run(Article::new("t", text)));
    }
}

#[test]
fn a_ten_thousand_token_sentence_of_stated_stances_is_handled() {
    let text = "Amara Okafor praised the Harbour Board and ".repeat(1_250) + "left.";
    let doc = run_default(&text);
    spans_are_sound(&doc);
}
