//! Attribution candidates from the parse (text written for byline): they only add quotes
//! to what the labeller finds — every quote found without them is still there with the
//! same spans and kind — and each added quote is reported speech outside every other
//! quote, its cue a word of the text, its spans exact.

use byline_core::{Article, Document, Pipeline, Quote, QuoteKind};
use byline_entities::Entities;
use byline_quotes::{QuoteScorer, find_quotes, shipped, shipped_candidates, shipped_parsed, shipped_scorer};
use byline_syntax::Syntax;

const TEXT: &str = "Plant closure shakes Eastfield\n\n\
Officials said Tuesday the plant would close by the end of the year. \
The mayor, Dana Whitfield, recognises that the closure will cost the town hundreds of jobs. \
Union leaders mocked the company's promise of new contracts. \
Environmental groups welcomed the decision, calling it overdue. \
The regional governor, Ana Ruiz, expects the local economy to recover within two years. \
Ruiz has repeatedly criticised the owners for their silence. \
Local shopkeepers fear that fewer customers will come.\n\n\
“We saw this coming,” said Ravi Menon, who has worked at the plant for twenty years.";

fn parsed(text: &str) -> Document {
    let pipeline = Pipeline::builder().with(Syntax).with(Entities).build().unwrap();
    pipeline.process(Article::new("t", text)).expect("no extraction error")
}

fn quotes(doc: &Document, with_candidates: bool) -> Vec<Quote> {
    let (_, lexicon) = shipped();
    let none = QuoteScorer::default();
    let candidates = if with_candidates { shipped_candidates() } else { &none };
    find_quotes(doc, shipped_parsed(), lexicon, shipped_scorer(true), candidates)
}

#[test]
fn candidates_only_add_reported_speech_outside_other_quotes() {
    let doc = parsed(TEXT);
    let before = quotes(&doc, false);
    let after = quotes(&doc, true);
    for q in &before {
        assert!(
            after.iter().any(|a| a.spans == q.spans && a.kind == q.kind),
            "lost {:?}",
            doc.span_text(q.span)
        );
    }
    let added: Vec<&Quote> = after
        .iter()
        .filter(|a| !before.iter().any(|q| q.spans == a.spans))
        .collect();
    assert!(
        !added.is_empty(),
        "the parse adds reported speech the labeller leaves out"
    );
    for a in &added {
        assert_ne!(a.kind, QuoteKind::Direct, "{:?}", doc.span_text(a.span));
        let cue = a.cue.expect("a candidate has its cue");
        assert!(
            doc.span_text(cue).chars().all(char::is_alphabetic),
            "one word: {:?}",
            doc.span_text(cue)
        );
        for other in after.iter().filter(|o| o.spans != a.spans) {
            assert!(
                !other.spans.iter().any(|s| s.overlaps(a.span) || s.contains(cue)),
                "{:?} inside {:?}",
                doc.span_text(a.span),
                doc.span_text(other.span)
            );
        }
        assert!((0.0..=1.0).contains(&a.score));
        assert!(a.speaker.is_some(), "reported speech without a source is left out");
    }
}

#[test]
fn without_a_parse_there_are_no_candidates() {
    let pipeline = Pipeline::builder().with(Entities).build().unwrap();
    let doc = pipeline.process(Article::new("t", TEXT)).unwrap();
    let (plain, lexicon) = shipped();
    let none = QuoteScorer::default();
    let with = find_quotes(&doc, plain, lexicon, shipped_scorer(false), shipped_candidates());
    let without = find_quotes(&doc, plain, lexicon, shipped_scorer(false), &none);
    assert_eq!(with, without);
}
