//! Every sentence of any text gets a tree: each word a head inside its sentence (or
//! none, for exactly one root), words in order, inside their sentence and on character
//! boundaries (property test on text made of the pieces that trip tokenisers).

use byline_core::{Article, Pipeline};
use byline_syntax::Syntax;
use proptest::prelude::*;

fn check(text: &str) {
    let doc = Pipeline::builder()
        .with(Syntax)
        .build()
        .unwrap()
        .process(Article::new("p", text))
        .unwrap();
    let syntax = &doc.syntax;
    assert_eq!(syntax.sentences.len(), doc.sentences.len());
    let mut previous_end = 0;
    for (range, sentence) in syntax.sentences.iter().zip(&doc.sentences) {
        assert!(!range.is_empty(), "a sentence without words in {text:?}");
        let roots = range.clone().filter(|&w| syntax.words[w].head.is_none()).count();
        assert_eq!(roots, 1, "{text:?}");
        for w in range.clone() {
            let word = &syntax.words[w];
            assert!(
                word.span.start < word.span.end && word.span.start >= previous_end,
                "{text:?}"
            );
            assert!(sentence.span.start <= word.span.start && word.span.end <= sentence.span.end);
            assert!(text.is_char_boundary(word.span.start) && text.is_char_boundary(word.span.end));
            assert!(word.head.is_none_or(|h| range.contains(&h) && h != w), "{text:?}");
            assert_eq!(word.head.is_none(), word.deprel.as_str() == "root", "{text:?}");
            previous_end = word.span.end;
        }
    }
}

const PIECES: &[&str] = &[
    "Mr", ".", " ", "U.S", "'s", "’s", "n't", "don't", "can't", "gonna", "-", "--", "...", "well", "known", "“", "”",
    "\"", "'", "said", "Ann", "Lee", "on", "Friday", "3.5", ",", "!", "?", "😀", "é", "\n\n", "Inc", "cannot", "’",
];

proptest! {
    #![proptest_config(ProptestConfig::with_cases(200))]
    #[test]
    fn every_sentence_gets_a_tree(pieces in proptest::collection::vec(0..PIECES.len(), 0..60)) {
        let text: String = pieces.iter().map(|&i| PIECES[i]).collect();
        check(&text);
    }
}

#[test]
fn one_long_sentence_and_empty_text() {
    check(&"word ".repeat(10_000));
    check("");
    check("   \n\n  ");
}
