//! The HTML view on real output: the first bundled sample article (snapshot), escaping,
//! error records, offsets that do not fit the text.

use byline_core::OutputRecord;

/// The first article of `examples/sample.jsonl` (written for byline) and its output,
/// every stance kept (`--min-stance-score 0`) so that the view has stance evidence to mark.
fn sample() -> (String, OutputRecord) {
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/../../examples/sample.jsonl");
    let lines = std::fs::read_to_string(path).expect("examples/sample.jsonl");
    let first = lines.lines().next().expect("a sample article");
    let article = byline::input::parse_line(first.as_bytes(), "1").expect("a valid sample line");
    let text = article.text.clone();
    let options = byline::PipelineOptions {
        min_stance_score: 0.0,
        ..byline::PipelineOptions::default()
    };
    let pipeline = byline::pipeline_with_options(&byline::default_extractors(), &options).unwrap();
    let doc = pipeline.process(article).unwrap();
    (text, doc.to_output())
}

#[test]
fn sample_article_view() {
    let (text, record) = sample();
    let html = byline_html::render(&text, &record);
    // Speakers before quotes, values after dates, stance evidence, the two tables.
    assert!(html.contains("<span class=\"speaker\">Maria Kovalenko</span>"));
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

#[test]
fn the_quotes_table_shows_a_split_quote_without_its_attribution() {
    let text = "“We had one chance,” Maria Lindqvist said, “and they missed it.”";
    let record = byline::default_pipeline()
        .process(byline::Article::new("split", text))
        .unwrap()
        .to_output();
    let html = byline_html::render(text, &record);
    let table = &html[html.find("<h3>Quotes</h3>").expect("a quotes table")..];
    assert!(
        table.contains("<td>We had one chance, and they missed it.</td>"),
        "{table}"
    );
}

/// A page of several articles opens with an index linking to each (title or id, source,
/// date, counts, or the error), and each article's header shows what `--keep` kept.
#[test]
fn a_page_opens_with_an_index_and_headers_show_kept_fields() {
    let text = "“We had one chance,” Maria Lindqvist said.";
    let mut kept = byline::default_pipeline()
        .process(byline::Article::new("a-1", text))
        .unwrap()
        .to_output();
    kept.meta = Some(
        [
            ("title", serde_json::json!("Harbour <talks> fail")),
            ("source", serde_json::json!("The Example Post")),
            ("url", serde_json::json!("https://example.org/a?x=1&y=2")),
        ]
        .into_iter()
        .map(|(k, v)| (k.to_owned(), v))
        .collect(),
    );
    let mut odd_url = kept.clone();
    odd_url.id = "a-2".into();
    odd_url
        .meta
        .as_mut()
        .unwrap()
        .insert("url".into(), serde_json::json!("javascript:alert(1)"));
    let failed = serde_json_record();
    let page = byline_html::page([(text, &kept), (text, &odd_url), ("", &failed)]);
    let index = &page[page.find("<nav class=\"byline-index\">").expect("an index")..];
    assert!(index.contains("<h3>3 articles</h3>"), "{index}");
    assert!(
        index.contains(
            "<a href=\"#article-1\">Harbour &lt;talks&gt; fail <span class=\"meta\">a-1 · The Example Post · 1 quote · 1 cluster · 0 stances</span></a>"
        ),
        "{index}"
    );
    assert!(index.contains("href=\"#article-3\">7 <span class=\"meta\"><span class=\"error\">error: missing field"));
    assert!(page.contains("<section id=\"article-2\">"));
    // The header: title, then id, source and the address as a link (web addresses only).
    assert!(page.contains(
        "<h3>Harbour &lt;talks&gt; fail</h3><p class=\"meta\">a-1 · The Example Post · <a href=\"https://example.org/a?x=1&amp;y=2\">"
    ));
    assert!(page.contains("· javascript:alert(1)</p>") && !page.contains("href=\"javascript"));
    // Shown first although written last (the CLI streams the sections).
    assert!(byline_html::STYLE.contains(".byline-index{order:-1"));
}
