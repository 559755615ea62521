//! Stances read from the parse (text written for byline): the constructions the parse
//! decides — a relative word as holder, a light verb with its stance noun, a passive with
//! its agent, coordinated predicates, negation, a first-person holder inside a quote —
//! shown with holder, target, polarity, channel and evidence; and odd input (twenty
//! names in a sentence, stance verbs without arguments, negation stacked three deep, a
//! sentence of 10,000 tokens) with no panic, evidence inside one sentence holding its
//! predicate, and no holder that is a determiner, relative word or bare pronoun.

use byline_core::{Article, Document, Span};

mod common;

fn run(text: &str) -> Document {
    common::parsed_pipeline()
        .process(Article::new("t", text))
        .expect("stance never fails on text")
}

/// Evidence inside one sentence, holders that name somebody.
fn sound(doc: &Document) {
    for s in &doc.stances {
        for span in [s.target.span, s.evidence] {
            assert!(doc.text.is_char_boundary(span.start) && doc.text.is_char_boundary(span.end));
        }
        let in_one_sentence = doc.sentences.iter().any(|sentence| {
            let range = &sentence.tokens;
            range.end > range.start
                && Span::new(doc.tokens[range.start].span.start, doc.tokens[range.end - 1].span.end)
                    .contains(s.evidence)
        });
        assert!(
            in_one_sentence,
            "evidence {:?} crosses sentences",
            doc.span_text(s.evidence)
        );
        let holder = s.holder.name.to_lowercase();
        assert!(
            !matches!(
                holder.as_str(),
                "the"
                    | "a"
                    | "this"
                    | "that"
                    | "which"
                    | "who"
                    | "he"
                    | "she"
                    | "it"
                    | "they"
                    | "them"
                    | "him"
                    | "her"
                    | ""
            ),
            "holder {:?}",
            s.holder.name
        );
    }
}

const TEXT: &str = "Harbour talks stall in Eastfield\n\n\
Mayor Dana Whitfield, who has long opposed the port expansion, met union leaders on Monday. \
Governor Ana Ruiz expressed her support for the new training programme. \
The plan was criticised by the Eastfield Traders Association. \
Ravi Menon praised the workers and condemned the owners. \
Ruiz did not criticise the harbour board.\n\n\
“I support the union,” Menon said.";

#[test]
fn stances_from_the_parse() {
    let doc = run(TEXT);
    sound(&doc);
    let whole = Span::new(0, doc.text.len());
    insta::assert_snapshot!(common::render(&doc, whole));
}

const MORE: &str = "Ferry fares split the council\n\n\
Senator Lena Park is a fierce critic of the fare increase. \
Tomas Berg, a longtime supporter of Park, was critical of the ferry company. \
On Monday, Park lambasted the operator. \
The review by the auditors rejected the timetable. \
Berg defended himself. \
Berg called the new timetable a shameful mess and described the harbour master as a tireless friend of the town. \
Mayor Ida Holm, a Berg critic, stayed silent. \
Park is one of Holm's fiercest critics. \
Berg praised the teachers, the nurses and the ferry crews.";

#[test]
fn agent_nouns_adjectives_and_holders_that_are_somebody() {
    // "a critic of" (holder: the copula's subject; target: the of-phrase), an apposition
    // ("Berg, an ally of Park"), an adjective with its of-phrase, a predicate found by its
    // lemma, a document that holds no stance, a reflexive that is no target, naming verbs
    // whose description carries the polarity, a name compounded with an agent noun, "one
    // of X's critics", coordinated targets (one stance each).
    let doc = run(MORE);
    sound(&doc);
    let whole = Span::new(0, doc.text.len());
    insta::assert_snapshot!(common::render(&doc, whole));
}

#[test]
fn odd_input_from_the_parse() {
    let names: Vec<String> = (0..20).map(|i| format!("Senator Name{i} Smith")).collect();
    let twenty = format!("{} all criticized the budget.", names.join(", "));
    let stacked = "Kim Lee did not not never oppose the Eastfield plan.";
    let bare = "Criticized. Praised and condemned. Support! Opposes, rejects, welcomes.";
    let long = common::long_sentence(4_000);
    let naming = format!("{}.", "Ann Lee called the plan a total disgrace and ".repeat(800));
    for text in [twenty.as_str(), stacked, bare, long.as_str(), naming.as_str()] {
        sound(&run(text));
    }
    assert!(run(bare).stances.is_empty(), "no holder, no target: no stance");
}
