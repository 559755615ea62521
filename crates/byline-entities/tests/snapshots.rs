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
        "Earlier in Paris, following meetings with European and Ukrainian leaders, US Secretary of State Marco Rubio conveyed that the involved parties had only a few days to demonstrate progress."
    ));
}

#[test]
fn role_noun_and_surname_clustering() {
    insta::assert_snapshot!(render(
        "“Contacts are quite complicated,” Kremlin spokesperson Dmitry Peskov informed reporters.\nWhen questioned about the United States, Peskov responded that this was a matter for Washington to address."
    ));
}

#[test]
fn appositive_role_and_possessive() {
    insta::assert_snapshot!(render(
        "Dmitry Medvedev, the deputy head of Russia’s Security Council and a voice representing Russian hardliners, expressed his approval of the US comments on the social media platform X."
    ));
}

#[test]
fn sentence_initial_words_and_abbreviations() {
    insta::assert_snapshot!(render(
        "Besides his most recent trip, Mr. Rahami visited the U.S. Senate. Rahami said nothing. Contacts were rare."
    ));
}
