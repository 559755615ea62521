//! Bad input for the entities extractor: all-caps text, text without capitals, one
//! 100,000-character sentence, emoji and mixed scripts. No panic, spans on character
//! boundaries, sensible output.

use byline_core::{Article, Document, Pipeline};
use byline_entities::Entities;

fn run(text: &str) -> Document {
    Pipeline::builder()
        .with(Entities)
        .build()
        .unwrap()
        .process(Article::new("t", text))
        .expect("no extraction error")
}

fn names(doc: &Document) -> Vec<(String, &'static str)> {
    doc.entities
        .iter()
        .map(|e| {
            assert!(doc.text.is_char_boundary(e.span.start) && doc.text.is_char_boundary(e.span.end));
            (doc.span_text(e.span).to_string(), e.label.as_str())
        })
        .collect()
}

#[test]
fn all_caps_text_still_finds_names_but_not_every_word() {
    let doc =
        run("KREMLIN SPOKESMAN DMITRY PESKOV SAID ON FRIDAY THAT TALKS WITH THE UNITED STATES IN PARIS HAD STALLED.");
    let found = names(&doc);
    assert!(found.iter().any(|(t, _)| t.contains("PESKOV")), "{found:?}");
    assert!(found.len() <= 5, "too many entities in all-caps text: {found:?}");
}

#[test]
fn text_without_capitals_gives_few_or_no_entities() {
    let doc = run("the minister said on friday that talks with the delegation had stalled and would resume next week.");
    assert!(names(&doc).is_empty(), "{:?}", names(&doc));
}

#[test]
fn a_100k_character_sentence_is_tagged_throughout() {
    let unit = "Dmitry Peskov met officials in Moscow and ";
    let text = unit.repeat(100_000 / unit.len() + 1);
    assert!(text.len() > 100_000);
    let doc = run(&text);
    let found = names(&doc);
    let people = found
        .iter()
        .filter(|(t, l)| t == "Dmitry Peskov" && *l == "PER")
        .count();
    let places = found.iter().filter(|(t, l)| t == "Moscow" && *l == "LOC").count();
    let repeats = 100_000 / unit.len() + 1;
    // Nearly every repeat is found, including those at the end of the sentence.
    assert!(people * 10 >= repeats * 9, "{people} of {repeats}");
    assert!(places * 10 >= repeats * 9, "{places} of {repeats}");
    assert_eq!(doc.clusters.iter().filter(|c| c.name == "Dmitry Peskov").count(), 1);
}

#[test]
fn emoji_and_mixed_scripts() {
    let doc = run(
        "🇺🇸 Donald Trump 😀 met Emmanuel Macron in Paris 🎉. Владимир Путин and Xi Jinping (习近平) spoke later. 🙂🙂🙂",
    );
    let found = names(&doc);
    for (name, label) in [
        ("Donald Trump", "PER"),
        ("Emmanuel Macron", "PER"),
        ("Paris", "LOC"),
        ("Xi Jinping", "PER"),
    ] {
        assert!(
            found.contains(&(name.to_string(), label)),
            "{name} missing from {found:?}"
        );
    }
    assert!(
        !found.iter().any(|(t, _)| t.contains('😀') || t.contains('🎉')),
        "{found:?}"
    );
}

#[test]
fn punctuation_only_and_empty_text() {
    assert!(run("").entities.is_empty());
    assert!(run("... !!! ??? — “ ” ' \" ((( )))").entities.is_empty());
}
