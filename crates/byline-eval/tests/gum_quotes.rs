//! Quotes on real news: the Wikinews articles of GUM dev (CC BY 2.5, credited in
//! `snapshots/NOTICE.md`), read from `../shared` (skipped with a message when it is
//! absent), analysed with the parse (the labeller trained on parsed text) and without.
//! Each quote shows its kind, content, speaker as written → whom it resolves to and what
//! kind of source that is, and its cue. GUM has no attribution gold; the snapshots are
//! reviewed by hand.

use byline_eval::gum::read::read_gum;

#[path = "../../../support/shared_data.rs"]
mod shared_data;

fn render(text: &str, id: &str, parsed: bool) -> String {
    let names: &[&str] = if parsed {
        &["syntax", "entities", "quotes"]
    } else {
        &["entities", "quotes"]
    };
    let pipeline = byline::pipeline_from_names(names).unwrap();
    let ours = pipeline.process(byline::Article::new(id, text)).unwrap().to_output();
    let mut out = String::new();
    for q in &ours.quotes {
        assert!((0.0..=1.0).contains(&q.score), "score {} out of range", q.score);
        let speaker = q.speaker.as_ref().map_or("(none)".to_owned(), |s| {
            format!("{:?} -> {:?} [{}]", s.text, s.name, s.kind.as_str())
        });
        out += &format!(
            "{} {:?}\n  speaker: {speaker}\n  cue: {:?}\n",
            q.kind.as_str(),
            q.content,
            q.cue.as_ref().map(|c| c.text.as_str())
        );
    }
    out
}

#[test]
fn wikinews_quotes_with_and_without_the_parse() {
    let Some(dev) = shared_data::shared("data/gum/dev") else {
        return;
    };
    for name in ["GUM_news_homeopathic", "GUM_news_iodine"] {
        let docs = read_gum(&dev.join(format!("{name}.conllu"))).unwrap();
        let doc = &docs[0];
        let text = doc.slice(0, doc.words.last().map_or(0, |w| w.end)).to_string();
        let plain = render(&text, name, false);
        let parsed = render(&text, name, true);
        insta::assert_snapshot!(
            format!("{name}_quotes"),
            format!("{text}\n--- parsed\n{parsed}--- plain\n{plain}")
        );
    }
}
