//! The `mentions` layer on sentences written for byline: pronouns and descriptions linked
//! to the clusters they refer to (one snapshot per construction), roles from the words
//! around a name, and bad input (a document of pronouns only, 10,000 names in one
//! sentence, non-Latin scripts): no panic, every mention on a cluster that has a name.

use byline_core::{Article, Document, MentionKind, Pipeline};
use byline_entities::Entities;

fn run(text: &str) -> Document {
    Pipeline::builder()
        .with(Entities)
        .build()
        .unwrap()
        .process(Article::new("t", text))
        .expect("no extraction error")
}

/// The layer's invariants: in text order, on character boundaries, each on a cluster with
/// a name mention, every entity a name mention.
fn check(doc: &Document) {
    assert!(doc.mentions.windows(2).all(|w| w[0].span.start <= w[1].span.start));
    for m in &doc.mentions {
        assert!(doc.text.is_char_boundary(m.span.start) && doc.text.is_char_boundary(m.span.end));
        let cluster = &doc.clusters[m.cluster];
        assert!(!cluster.mentions.is_empty(), "cluster without a name: {cluster:?}");
    }
    let names = doc.mentions.iter().filter(|m| m.kind == MentionKind::Name).count();
    assert_eq!(names, doc.entities.len());
}

fn render(text: &str) -> String {
    let doc = run(text);
    check(&doc);
    let mut out = format!("{text}\n---\n");
    for m in &doc.mentions {
        let c = &doc.clusters[m.cluster];
        out += &format!(
            "{:<8} {:<24} -> {} ({})\n",
            m.kind.as_str(),
            doc.span_text(m.span),
            c.name,
            c.label
        );
    }
    for c in doc.clusters.iter().filter(|c| !c.roles.is_empty()) {
        out += &format!("roles of {}: {:?}\n", c.name, c.roles);
    }
    out
}

#[test]
fn pronouns_follow_gender_and_the_last_speaker() {
    insta::assert_snapshot!(render(
        "Maria Santos met Peter Lund in Oslo on Tuesday. She said the talks had gone well, and he agreed.\n\
         “We will meet again,” Lund told reporters. He added that his team would travel to Lisbon."
    ));
}

#[test]
fn a_possessive_goes_to_its_sentences_subject() {
    insta::assert_snapshot!(render(
        "Henrik Aas spoke first. Later, Olga Berg, the head of the dockworkers' union, expressed her support for the plan. She said it was fair."
    ));
}

#[test]
fn an_unnamed_person_keeps_a_pronoun_from_a_named_one() {
    insta::assert_snapshot!(render(
        "Tom Hale runs the clinic. On Monday a doctor from the city hospital arrived. The doctor said he had seen worse."
    ));
}

#[test]
fn an_organisation_that_reports_is_it() {
    insta::assert_snapshot!(render(
        "Nordic Freight said on Friday that it would cut 200 jobs. It is raining in Bergen, and the company expects its profits to fall."
    ));
}

#[test]
fn roles_from_descriptions_compounds_and_copulas() {
    insta::assert_snapshot!(render(
        "Whenever Mr. Okafor visits, the harbour master Lena Brandt shows him the cranes. White House chief of staff Susie Wiles \
         met reporters later. Marta Ruiz is the coach of the national side."
    ));
}

#[test]
fn a_document_of_pronouns_only_has_no_mentions() {
    let doc = run("He said she would tell them. They told him it was theirs. She laughed; he did not.");
    check(&doc);
    assert!(doc.mentions.is_empty(), "{:?}", doc.mentions);
    assert!(doc.clusters.is_empty());
}

#[test]
fn ten_thousand_names_in_one_sentence() {
    let text = (0..10_000)
        .map(|i| format!("Anna Berg{i} and he"))
        .collect::<Vec<_>>()
        .join(", ");
    let doc = run(&text);
    check(&doc);
    assert!(doc.entities.len() > 5_000, "{} entities", doc.entities.len());
    assert!(doc.mentions.len() >= doc.entities.len());
}

#[test]
fn names_in_other_scripts_and_all_caps() {
    for text in [
        "Владимир Путин встретился с журналистами. Он сказал, что переговоры продолжатся.",
        "习近平 met 안철수 in 東京. He said 東京 was calm.",
        "KREMLIN SPOKESMAN DMITRY PESKOV SAID HE WOULD NOT COMMENT. HE LEFT.",
        "President Anna Berg Meets Ministers In Oslo As She Opens Talks",
    ] {
        check(&run(text));
    }
}
