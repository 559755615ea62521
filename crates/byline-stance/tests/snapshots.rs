//! Stances and target sentiment (one snapshot each).

use byline_core::{Article, Pipeline};
use byline_entities::Entities;
use byline_quotes::Quotes;
use byline_stance::Stance;

fn render(text: &str) -> String {
    let pipeline = Pipeline::builder()
        .with(Entities)
        .with(Quotes)
        .with(Stance)
        .build()
        .unwrap();
    let doc = pipeline.process(Article::new("t", text)).unwrap();
    let mut out = String::new();
    for s in &doc.stances {
        out += &format!(
            "{} -> {:?} {:?} (quote {:?})\n  evidence: {:?}\n",
            s.holder.name,
            doc.span_text(s.target.span),
            s.polarity,
            s.quote,
            doc.span_text(s.evidence)
        );
    }
    for t in &doc.target_sentiment {
        out += &format!("portrayal {:?}: {:?}\n", doc.span_text(t.span), t.polarity);
    }
    out
}

#[test]
fn approval_of_an_entity() {
    insta::assert_snapshot!(render(
        "Dmitry Medvedev, the deputy head of Russia’s Security Council, expressed his approval of the US comments on the social media platform X."
    ));
}

#[test]
fn negation_flips_the_predicate() {
    insta::assert_snapshot!(render(
        "Councilman Peter Okafor did not support the plan, while Mayor Carla Mendes praised the council."
    ));
}

#[test]
fn stance_inside_a_quote_belongs_to_the_speaker() {
    insta::assert_snapshot!(render(
        "US President Donald Trump remarked on Friday that while he desires a swift peace agreement, he couldn’t remain involved indefinitely."
    ));
}
