//! Entities, clusters and roles on sentences of the seed article (one snapshot each).

use byline_core::{Article, Document, Pipeline};
use byline_entities::Entities;

fn render(text: &str) -> String {
    let doc: Document = Pipeline::builder()
        .with(Entities)
        .build()
        .unwrap()
        .process(Article::new("t", text))
        .unwrap();
    let mut out = String::new();
    for e in &doc.entities {
        out += &format!(
            "{:<5} {:<22} -> cluster {}\n",
            e.label.as_str(),
            doc.span_text(e.span),
            e.cluster
        );
    }
    for c in &doc.clusters {
        out += &format!(
            "cluster {}: {} ({}) mentions {:?} roles {:?}\n",
            c.id, c.name, c.label, c.mentions, c.roles
        );
    }
    out
}

#[test]
fn title_before_a_name_becomes_a_role() {
    insta::assert_snapshot!(render(
        "Later in Oslo, after talks with Danish and Swedish officials, UK Secretary of State Helen Marsh said the quota dispute could be settled within weeks."
    ));
}

#[test]
fn role_noun_and_surname_clustering() {
    insta::assert_snapshot!(render(
        "“The schedule is not final,” port spokesperson Henrik Aas told reporters.\nAsked about the ministry, Aas replied that this was a question for Oslo to answer."
    ));
}

#[test]
fn appositive_role_and_possessive() {
    insta::assert_snapshot!(render(
        "Maria Kovalenko, the president of Norway’s Dockworkers Union and a voice of its younger members, expressed her approval of the EU proposal on the radio channel NRK."
    ));
}

#[test]
fn sentence_initial_words_and_abbreviations() {
    insta::assert_snapshot!(render(
        "Besides his most recent trip, Mr. Rahami visited the U.S. Senate. Rahami said nothing. Contacts were rare."
    ));
}
