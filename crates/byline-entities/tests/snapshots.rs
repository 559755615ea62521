//! Entities, clusters and roles on sentences of the seed article, and on text written
//! for byline that shows each kind of evidence about today's names (one snapshot each).

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

/// Relatives who share a surname are one cluster each; a bare surname goes to the person
/// the article names most, a "Mrs." to the woman, a first name to its full name.
#[test]
fn relatives_sharing_a_surname_stay_apart() {
    insta::assert_snapshot!(render(
        "President Donald Trump spoke at the White House on Monday. His daughter Ivanka Trump and first lady \
         Melania Trump attended. Trump said the economy was strong. Ivanka said she was proud. Trump later left \
         for Florida.\n\nSenator Rand Paul said he opposed the bill. His father, former congressman Ron Paul, \
         agreed. Paul said the vote would fail.\n\nBarack Obama and Michelle Obama visited Chicago. Mrs. Obama \
         spoke first; Mr. Obama followed."
    ));
}

/// Link and player text scraped with the article does not run into names.
#[test]
fn names_stop_at_boilerplate() {
    insta::assert_snapshot!(render(
        "Senate leaders met on Tuesday.\nWATCHED Donald Trump\nSpeaker Nancy Pelosi said the talks had failed. \
         Trump MORE\nTrump Donald John TrumpKamala Harris said on Friday that the vote would go ahead."
    ));
}

/// A title or a noun for a person before a name makes it a person.
#[test]
fn titles_and_roles_make_a_person() {
    insta::assert_snapshot!(render(
        "Councillor Lena Park said the ferry would return in May. Park added that the harbour board agreed. \
         Later, harbour master Ingrid de Vries said the pier was safe."
    ));
}

/// Names the tagger's 1996 training data never saw, found with the help of the shipped
/// gazetteers and name shapes: GeoNames places, census first names and surnames, the
/// shape of an organisation's name ("… Freight Holdings", "… Building Society").
#[test]
fn gazetteers_and_name_shapes_help_with_new_names() {
    insta::assert_snapshot!(render(
        "Officials in Zaporizhzhia and Fayetteville said Kestrel Freight Holdings and the Aldermore Building \
         Society would reopen their offices. Tomasz Wierzbicki met Okonkwo Adeyemi and Keisha Brennan in \
         Wilmington on Friday. Wierzbicki said the talks went well."
    ));
}

/// What the whole article says decides: an abbreviation it defines by lower-case words is
/// no name ("sea surface salinity (SSS)"), and a surname takes the label of the full name
/// it ends ("Ngata", tagged alone, is the person "Aroha Ngata").
#[test]
fn the_article_decides_one_label_per_name() {
    insta::assert_snapshot!(render(
        "Researchers measured sea surface salinity (SSS) off Wellington for a year. SSS rose by two percent, \
         said Aroha Ngata of the National Institute of Water and Atmospheric Research. Ngata expects SSS to \
         keep rising. Ngata's team will publish in March."
    ));
}
