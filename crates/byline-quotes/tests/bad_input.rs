//! Bad input for the quotes extractor, with and without the parse: a 50,000-character
//! quote, stray and unbalanced marks, nested marks of every kind, a quote inside a quote
//! inside a quote, TeX-style `` '' tokens, apostrophes used as quotation marks, mis-decoded
//! (mojibake) marks, a paragraph of nothing but speech verbs, cues with no complement,
//! "said" in a headline, and issue 30's list (nothing said, "the said company", questions,
//! 10,000 "said", a cue with two subjects and three contents). No panic, spans on character boundaries, scores in [0, 1], and
//! the well-formed quote after the bad part still found with its speaker.

use byline_core::{Article, Document, Pipeline, QuoteKind};
use byline_entities::Entities;
use byline_quotes::Quotes;
use byline_syntax::Syntax;

/// Spans on character boundaries inside the text, scores in [0, 1].
fn check(doc: &Document) {
    for q in &doc.quotes {
        assert!((0.0..=1.0).contains(&q.score), "score {}", q.score);
        for span in q
            .spans
            .iter()
            .chain(q.speaker.as_ref().map(|s| &s.span))
            .chain(q.cue.as_ref())
        {
            assert!(span.start <= span.end && span.end <= doc.text.len());
            assert!(doc.text.is_char_boundary(span.start) && doc.text.is_char_boundary(span.end));
        }
    }
}

/// Runs the plain pipeline, checks it, and returns its document; the parsed pipeline
/// (the labeller trained on parsed text) runs too and must pass the same checks and,
/// when the text ends with [`GOOD`], find the good quote.
fn run(text: &str) -> Document {
    let plain = Pipeline::builder()
        .with(Entities)
        .with(Quotes::default())
        .build()
        .unwrap();
    let parsed = Pipeline::builder()
        .with(Syntax)
        .with(Entities)
        .with(Quotes::default())
        .build()
        .unwrap();
    let [doc, parsed] = [plain, parsed].map(|p| p.process(Article::new("t", text)).expect("no extraction error"));
    assert!(doc.syntax.words.is_empty() && !parsed.syntax.words.is_empty());
    check(&doc);
    check(&parsed);
    if text.ends_with(GOOD) {
        finds_the_good_quote(&parsed);
    }
    doc
}

/// The well-formed quote every test appends after its bad part.
const GOOD: &str = "\n\n“We will not give up,” Maria Lopez, the union leader, said on Monday.";

fn finds_the_good_quote(doc: &Document) {
    let good = doc
        .quotes
        .iter()
        .find(|q| q.spans.iter().any(|s| doc.span_text(*s) == "We will not give up,"))
        .unwrap_or_else(|| panic!("the good quote is lost: {:?}", doc.quotes));
    assert_eq!(good.kind, QuoteKind::Direct);
    assert_eq!(good.speaker.as_ref().map(|s| s.name.as_str()), Some("Maria Lopez"));
    assert_eq!(good.speaker.as_ref().map(|s| s.kind.as_str()), Some("person"));
}

#[test]
fn a_quote_of_fifty_thousand_characters() {
    let long = "the talks must go on and on. ".repeat(50_000 / 29);
    let text = format!("“{long}” the minister said.{GOOD}");
    let doc = run(&text);
    let first = &doc.quotes[0];
    assert_eq!(first.kind, QuoteKind::Direct);
    assert!(doc.span_text(first.span).len() > 49_000);
    finds_the_good_quote(&doc);
}

#[test]
fn an_unclosed_quote_of_fifty_thousand_characters() {
    let long = "the talks must go on and on ".repeat(50_000 / 28);
    let doc = run(&format!("He called it “{long}{GOOD}"));
    finds_the_good_quote(&doc);
}

#[test]
fn stray_and_unbalanced_marks() {
    let doc = run(&format!("The 5” screen”” was “ sold ”” out. ” “ “ “{GOOD}"));
    finds_the_good_quote(&doc);
}

#[test]
fn tex_style_marks_are_quotes() {
    let doc = run(&format!("``We are ready,'' the coach said.{GOOD}"));
    let tex = doc
        .quotes
        .iter()
        .find(|q| q.spans.iter().any(|s| doc.span_text(*s).contains("We are ready")))
        .expect("the TeX-style quote is found");
    assert_eq!(tex.cue.map(|c| doc.span_text(c)), Some("said"));
    finds_the_good_quote(&doc);
}

#[test]
fn apostrophes_as_quotation_marks_do_not_open_quotes() {
    let doc = run(&format!(
        "'It's over,' he said. The players' union didn't agree; Jones's lawyer said 'no comment'.{GOOD}"
    ));
    // Single marks are never paired into direct quotes across the text.
    assert!(
        doc.quotes.iter().all(|q| doc.span_text(q.span).len() < 120),
        "{:?}",
        doc.quotes
    );
    finds_the_good_quote(&doc);
}

#[test]
fn mis_decoded_marks() {
    let doc = run(&format!(
        "â€œWe won,â€\u{9d} she said. Ã¢â‚¬Å“Again.Ã¢â‚¬\u{9d} \u{fffd}\u{fffd} said the coach.{GOOD}"
    ));
    finds_the_good_quote(&doc);
}

#[test]
fn nested_marks_of_every_kind() {
    let doc = run(&format!(
        "“She told me ‘he said «never» and „nein“ twice’ before leaving,” Okafor said. \"'\"'\"' ” “ ‘ ’ « » ‹ ›{GOOD}"
    ));
    finds_the_good_quote(&doc);
}

#[test]
fn a_quote_inside_a_quote_inside_a_quote() {
    let doc = run(&format!(
        "“I heard him say ‘the mayor told us “we will build it” last year’ at the hearing,” the clerk said.{GOOD}"
    ));
    finds_the_good_quote(&doc);
}

#[test]
fn a_paragraph_of_nothing_but_speech_verbs() {
    let verbs = "said told added claimed argued stated noted insisted warned according to ".repeat(200);
    finds_the_good_quote(&run(&format!("{verbs}{GOOD}")));
}

#[test]
fn cues_with_no_complement_and_said_in_a_headline() {
    let doc = run(&format!(
        "Minister Said To Resign\n\nThe spokesman said. According to. He told. Asked, she added, and they claimed:{GOOD}"
    ));
    finds_the_good_quote(&doc);
}

/// Issue 30's list: nothing said, "said" as an adjective, questions, a sentence of
/// 10,000 "said", a cue with two subjects and three contents. No content without a verb
/// unless it is quoted: nothing here is a statement but the good quote.
#[test]
fn nothing_said_the_said_company_and_questions() {
    let doc = run(&format!(
        "He said.\n\nThe said company closed. What did he say? Did she say anything at all?{GOOD}"
    ));
    for q in &doc.quotes {
        assert!(q.kind != QuoteKind::Indirect || doc.span_text(q.span).split_whitespace().count() >= 3);
    }
}

#[test]
fn a_sentence_of_ten_thousand_saids() {
    run(&format!("{}.{GOOD}", vec!["said"; 10_000].join(" ")));
}

#[test]
fn a_cue_with_two_subjects_and_three_contents() {
    run(&format!(
        "Ana Ruiz and Tomasz Wilk said that the ferry would run, that the fares would fall, and that the port would stay open.{GOOD}"
    ));
}

#[test]
fn many_sentences_each_with_its_own_attribution() {
    let sentence = "The depot will close in March, a council spokesman said, and the staff will move. ";
    run(&format!("{}{GOOD}", sentence.repeat(2_000)));
}
