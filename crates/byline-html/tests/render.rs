//! The HTML view on real output: the seed article (snapshot), escaping, error records,
//! offsets that do not fit the text.

use byline_core::OutputRecord;

fn seed() -> Option<(String, OutputRecord)> {
    let dir = std::path::PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../../shared/fixtures/seed");
    let Ok(text) = std::fs::read_to_string(dir.join("article.txt")) else {
        eprintln!("SKIPPED: ../shared/fixtures/seed is absent");
        return None;
    };
    let mut article = byline::Article::new("seed-article", text.as_str());
    article.published = "2025-04-19".parse().ok();
    let doc = byline::default_pipeline().process(article).unwrap();
    Some((text, doc.to_output()))
}

#[test]
fn seed_article_view() {
    let Some((text, record)) = seed() else { return };
    let html = byline_html::render(&text, &record);
    // Speakers before quotes, values after dates, stance evidence, the two tables.
    assert!(html.contains("<span class=\"speaker\">Dmitry Peskov</span>"));
    assert!(html.contains("<span class=\"value\">2025-04-18</span>"));
    assert!(html.contains("class=\"evidence\""));
    assert!(html.contains("<h3>Quotes</h3>") && html.contains("<h3>Stances</h3>"));
    assert!(!html.contains("<script") && !html.contains("http"));
    insta::assert_snapshot!(byline_html::page([(text.as_str(), &record)]));
}

#[test]
fn text_is_escaped_and_bad_offsets_are_ignored() {
    let text = "<b>Tom & Jerry</b> said \"hi\" on Friday.";
    let mut article = byline::Article::new("x<y", text);
    article.published = "2025-04-19".parse().ok();
    let mut record = byline::default_pipeline().process(article).unwrap().to_output();
    let html = byline_html::render(text, &record);
    assert!(html.contains("&lt;b&gt;") && html.contains("&amp;") && html.contains("x&lt;y"));
    assert!(!html.contains("<b>Tom"));
    // Offsets beyond the text (a record paired with the wrong text) are skipped.
    for d in &mut record.dates {
        d.start += 1000;
        d.end += 1000;
    }
    let html = byline_html::render("short", &record);
    assert!(html.contains("short"));
}

#[test]
fn error_records_show_their_error() {
    let record: OutputRecord = serde_json_record();
    let html = byline_html::render("", &record);
    assert!(html.contains("class=\"error\"") && html.contains("missing field"));
}

fn serde_json_record() -> OutputRecord {
    let error = byline_core::ArticleError::input("7", "missing field `text`");
    OutputRecord::from_error(&error)
}
