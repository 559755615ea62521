//! A self-contained HTML view of one analysed article (no scripts, no external assets):
//! the text with entities (coloured by type, cluster name on hover), quotes (speaker
//! shown before each), dates (TIMEX3 value shown after each) and stance evidence marked,
//! then tables of quotes and stances, and, when the record has its tokens layer, each
//! sentence's dependency tree as inline SVG ([`tree`]). It reads the JSON output record and the article
//! text, so the CLI (`byline extract --html`) and the Python binding (`byline.render`,
//! `Document._repr_html_`) show the same thing.
#![warn(missing_docs)]

mod tree;

use byline_core::{MentionKind, OutputRecord, Polarity};
use std::fmt::Write as _;

/// The stylesheet, scoped under `.byline` so it does not leak into a notebook.
pub const STYLE: &str = "<style>
.byline{font-family:Georgia,serif;line-height:1.6;max-width:52em;color:#222}
.byline h3{font-family:sans-serif;font-size:1em;margin:.4em 0}
.byline .meta{font-family:sans-serif;font-size:.8em;color:#666}
.byline .ent{border-bottom:2px solid;padding:0 1px}
.byline .PER{border-color:#d9534f;background:#fbeaea}.byline .ORG{border-color:#337ab7;background:#e8f0f8}
.byline .LOC{border-color:#5cb85c;background:#eaf6ea}.byline .MISC{border-color:#f0ad4e;background:#fdf3e4}
.byline .ref{border-bottom:2px solid;padding:0 1px;background:none}
.byline .quote{background:#fff8c4}
.byline .speaker{font-family:sans-serif;font-size:.7em;color:#fff;background:#555;border-radius:3px;padding:0 4px;margin-right:2px}
.byline .date{text-decoration:underline dotted #8a2be2 2px}
.byline .value{font-family:sans-serif;font-size:.7em;color:#8a2be2;margin-left:2px}
.byline .evidence{box-shadow:inset 0 -3px 0 #17a2b8}
.byline table{font-family:sans-serif;font-size:.8em;border-collapse:collapse;margin:.5em 0}
.byline td,.byline th{border:1px solid #ddd;padding:2px 6px;text-align:left;vertical-align:top}
.byline .positive{color:#2e7d32}.byline .negative{color:#c62828}.byline .neutral{color:#666}
.byline .error{color:#c62828;font-family:sans-serif}
.byline details{margin:.2em 0}.byline summary{font-family:sans-serif;font-size:.8em;cursor:pointer}
.byline svg.tree{display:block;overflow:visible;font-family:sans-serif}
.byline svg.tree .w{font-size:13px;fill:#222}.byline svg.tree .p{font-size:10px;fill:#888}
.byline svg.tree .l{font-size:9px;fill:#337ab7}
.byline svg.tree .a{fill:none;stroke:#337ab7;stroke-width:1}.byline svg.tree .h{fill:none;stroke:#337ab7;stroke-width:1}
.byline-page{display:flex;flex-direction:column}.byline-index{order:-1;font-family:sans-serif;font-size:.85em;max-width:52em}
.byline-index .meta{color:#666}.byline-index .error{color:#c62828}
</style>";

/// Escapes text for HTML element content and attribute values.
pub fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            '\0' => out.push('\u{fffd}'),
            c => out.push(c),
        }
    }
    out
}

fn polarity(p: Polarity) -> &'static str {
    match p {
        Polarity::Positive => "positive",
        Polarity::Negative => "negative",
        Polarity::Neutral => "neutral",
    }
}

/// What is marked on a stretch of text between two span boundaries.
#[derive(Default, Clone)]
struct Marks {
    entity: Option<usize>,
    /// A pronoun or description linked to a cluster (index into `mentions`).
    reference: Option<usize>,
    quote: Option<usize>,
    date: Option<usize>,
    evidence: bool,
}

/// The HTML of one article, stylesheet included (what a notebook shows): `text` and its
/// output `record` (offsets in code points). Spans that do not fit the text are ignored
/// rather than trusted.
pub fn render(text: &str, record: &OutputRecord) -> String {
    format!("{STYLE}{}", article(text, record))
}

/// The meta keys (`byline extract --keep`) shown as an article's title, first found.
const TITLE_KEYS: [&str; 3] = ["title", "headline", "heading"];
/// The meta keys shown as an article's source, first found.
const SOURCE_KEYS: [&str; 4] = ["source", "outlet", "publisher", "site"];

/// The first of `keys` the record's meta holds as a non-empty string or number.
fn meta_text(record: &OutputRecord, keys: &[&str]) -> Option<String> {
    let meta = record.meta.as_ref()?;
    keys.iter().find_map(|k| match meta.get(*k)? {
        serde_json::Value::String(s) if !s.trim().is_empty() => Some(s.trim().to_owned()),
        serde_json::Value::Number(n) => Some(n.to_string()),
        _ => None,
    })
}

/// `n` and the noun, plural unless `n` is 1 ("1 stance", "3 quotes", "0 entities").
fn count(n: usize, noun: &str) -> String {
    match (n, noun.strip_suffix('y')) {
        (1, _) => format!("1 {noun}"),
        (_, Some(stem)) => format!("{n} {stem}ies"),
        (_, None) => format!("{n} {noun}s"),
    }
}

/// What the record says of its article: its source and date, when known.
fn provenance(record: &OutputRecord) -> Vec<String> {
    meta_text(record, &SOURCE_KEYS)
        .into_iter()
        .chain(record.published.clone())
        .collect()
}

/// The article's HTML without the stylesheet (a section of [`page_head`]'s page). Its
/// header is the title (`--keep title`) or the id, then the id, source, date and URL the
/// record has.
pub fn article(text: &str, record: &OutputRecord) -> String {
    let mut out = String::from("<div class=\"byline\">");
    let title = meta_text(record, &TITLE_KEYS);
    let _ = write!(out, "<h3>{}</h3>", escape(title.as_deref().unwrap_or(&record.id)));
    let mut header: Vec<String> = title.is_some().then(|| escape(&record.id)).into_iter().collect();
    header.extend(provenance(record).iter().map(|p| escape(p)));
    if let Some(url) = meta_text(record, &["url", "link"]) {
        // Only web addresses become links.
        header.push(if url.starts_with("https://") || url.starts_with("http://") {
            format!("<a href=\"{0}\">{0}</a>", escape(&url))
        } else {
            escape(&url)
        });
    }
    if !header.is_empty() {
        let _ = write!(out, "<p class=\"meta\">{}</p>", header.join(" · "));
    }
    if let Some(error) = &record.error {
        let _ = write!(out, "<p class=\"error\">error: {}</p></div>", escape(error));
        return out;
    }
    let _ = write!(
        out,
        "<p class=\"meta\">{} in {} · {} · {} · {}</p>",
        count(record.entities.len(), "entity"),
        count(record.clusters.len(), "cluster"),
        count(record.quotes.len(), "quote"),
        count(record.dates.len(), "date"),
        count(record.stances.len(), "stance")
    );
    out.push_str(&marked_text(text, record));
    out.push_str(&tables(record));
    out.push_str(&tree::trees(record.tokens.as_deref(), record.sentences.as_deref()));
    out.push_str("</div>");
    out
}

/// The article text with every layer marked, paragraphs kept.
fn marked_text(text: &str, record: &OutputRecord) -> String {
    let chars: Vec<char> = text.chars().collect();
    let n = chars.len();
    let fits = |s: usize, e: usize| s < e && e <= n;
    // Every code point's marks; boundaries are where they change.
    let mut marks = vec![Marks::default(); n];
    for (i, q) in record.quotes.iter().enumerate() {
        for [s, e] in &q.spans {
            if fits(*s, *e) {
                marks[*s..*e].iter_mut().for_each(|m| m.quote = Some(i));
            }
        }
    }
    for st in &record.stances {
        if fits(st.evidence.start, st.evidence.end) {
            marks[st.evidence.start..st.evidence.end]
                .iter_mut()
                .for_each(|m| m.evidence = true);
        }
    }
    for (i, e) in record.entities.iter().enumerate() {
        if fits(e.start, e.end) {
            marks[e.start..e.end].iter_mut().for_each(|m| m.entity = Some(i));
        }
    }
    for (i, r) in record.mentions.iter().enumerate() {
        if r.kind != MentionKind::Name && fits(r.start, r.end) {
            marks[r.start..r.end].iter_mut().for_each(|m| m.reference = Some(i));
        }
    }
    for (i, d) in record.dates.iter().enumerate() {
        if fits(d.start, d.end) {
            marks[d.start..d.end].iter_mut().for_each(|m| m.date = Some(i));
        }
    }
    let mut out = String::from("<p>");
    let mut i = 0;
    while i < n {
        let m = marks[i].clone();
        let same = |x: &Marks| {
            x.entity == m.entity
                && x.reference == m.reference
                && x.quote == m.quote
                && x.date == m.date
                && x.evidence == m.evidence
        };
        let mut j = i + 1;
        while j < n && same(&marks[j]) && chars[j] != '\n' && chars[i] != '\n' {
            j += 1;
        }
        if chars[i] == '\n' {
            let blank = chars.get(i + 1) == Some(&'\n');
            out.push_str(if blank { "</p><p>" } else { "<br>" });
            i += if blank { 2 } else { 1 };
            while i < n && chars[i] == '\n' {
                i += 1;
            }
            continue;
        }
        // The speaker before the first stretch of each quote.
        if let Some(q) = m.quote {
            let starts = record.quotes[q].spans.first().is_some_and(|[s, _]| *s == i);
            if starts {
                let who = record.quotes[q].speaker.as_ref().map_or("?", |s| s.name.as_str());
                let _ = write!(out, "<span class=\"speaker\">{}</span>", escape(who));
            }
        }
        let piece: String = chars[i..j].iter().collect();
        let mut classes = Vec::new();
        let mut title = Vec::new();
        if let Some(q) = m.quote {
            classes.push("quote".to_owned());
            let quote = &record.quotes[q];
            let who = quote.speaker.as_ref().map_or("unknown speaker".to_owned(), |s| {
                format!("{} ({})", s.name, s.kind.as_str())
            });
            title.push(format!(
                "{} {} of {who}, score {:.2}",
                format!("{:?}", quote.kind).to_lowercase(),
                quote.act.as_str(),
                quote.score
            ));
        }
        if let Some(e) = m.entity {
            let entity = &record.entities[e];
            let label = format!("{:?}", entity.label).to_uppercase();
            classes.push(format!("ent {label}"));
            let cluster = record.clusters.get(entity.cluster).map_or("", |c| c.name.as_str());
            title.push(format!("{label}: {cluster}"));
        }
        let reference = m.reference.map(|r| &record.mentions[r]);
        if let Some((mention, cluster)) = reference.and_then(|r| Some((r, record.clusters.get(r.cluster)?))) {
            // Underlined in the colour of its cluster's label.
            classes.push(format!("ref {}", cluster.label.as_str()));
            title.push(format!("{} → {}", mention.kind.as_str(), cluster.name));
        }
        if let Some(d) = m.date {
            classes.push("date".to_owned());
            let kind = format!("{:?}", record.dates[d].kind).to_uppercase();
            title.push(format!("{kind} {}", record.dates[d].value));
        }
        if m.evidence {
            classes.push("evidence".to_owned());
            title.push("stance evidence".to_owned());
        }
        if classes.is_empty() {
            out.push_str(&escape(&piece));
        } else {
            let _ = write!(
                out,
                "<span class=\"{}\" title=\"{}\">{}</span>",
                classes.join(" "),
                escape(&title.join(" · ")),
                escape(&piece)
            );
        }
        // The value after the last stretch of each date.
        if let Some(d) = m.date {
            if record.dates[d].end == j {
                let _ = write!(out, "<span class=\"value\">{}</span>", escape(&record.dates[d].value));
            }
        }
        i = j;
    }
    out.push_str("</p>");
    out
}

/// Tables of who said what, and of who is for or against whom.
fn tables(record: &OutputRecord) -> String {
    let mut out = String::new();
    if !record.quotes.is_empty() {
        out.push_str(
            "<h3>Quotes</h3><table><tr><th>speaker</th><th>speaker kind</th><th>cue</th><th>kind</th><th>act</th><th>score</th><th>date</th><th>quote</th></tr>",
        );
        for q in &record.quotes {
            let speaker = q.speaker.as_ref().map_or("", |s| s.name.as_str());
            let speaker_kind = q.speaker.as_ref().map_or("", |s| s.kind.as_str());
            let cue = q.cue.as_ref().map_or("", |c| c.text.as_str());
            let date = q
                .date
                .and_then(|d| record.dates.get(d))
                .map_or("", |d| d.value.as_str());
            let _ = write!(
                out,
                "<tr><td>{}</td><td>{speaker_kind}</td><td>{}</td><td>{}</td><td>{}</td><td>{:.2}</td><td>{}</td><td>{}</td></tr>",
                escape(speaker),
                escape(cue),
                format!("{:?}", q.kind).to_lowercase(),
                q.act.as_str(),
                q.score,
                escape(date),
                // The quote's own words (a split quote without its inner attribution).
                escape(if q.content.is_empty() { &q.text } else { &q.content })
            );
        }
        out.push_str("</table>");
    }
    if !record.stances.is_empty() {
        out.push_str("<h3>Stances</h3><table><tr><th>holder</th><th>target</th><th>polarity</th><th>score</th><th>evidence</th></tr>");
        for s in &record.stances {
            let p = polarity(s.polarity);
            let _ = write!(
                out,
                "<tr><td>{}</td><td>{}</td><td class=\"{p}\">{p}</td><td>{:.2}</td><td>{}</td></tr>",
                escape(&s.holder.name),
                escape(&s.target.text),
                s.score,
                escape(&s.evidence.text)
            );
        }
        out.push_str("</table>");
    }
    out
}

/// The start of a page of articles: doctype, stylesheet, body. The page's sections
/// ([`section`]) follow, then its [`index`], shown first, and [`PAGE_END`].
pub fn page_head() -> String {
    format!(
        "<!DOCTYPE html><html><head><meta charset=\"utf-8\"><title>byline</title>{STYLE}</head><body><div class=\"byline-page\">"
    )
}

/// The end of a page of articles.
pub const PAGE_END: &str = "</div></body></html>\n";

/// The `number`th article's view (from [`article`]) as a section of the page, with the
/// anchor its index entry links to.
pub fn section(number: usize, view: &str) -> String {
    format!("<section id=\"article-{number}\">{view}<hr></section>")
}

/// The index entry of an article: title or id, source and date, what was found, or its
/// error (the link to its section is added by [`index`]).
pub fn index_entry(record: &OutputRecord) -> String {
    let title = meta_text(record, &TITLE_KEYS);
    let mut out = escape(title.as_deref().unwrap_or(&record.id));
    let mut about: Vec<String> = title.is_some().then(|| escape(&record.id)).into_iter().collect();
    about.extend(provenance(record).iter().map(|p| escape(p)));
    match &record.error {
        Some(error) => about.push(format!("<span class=\"error\">error: {}</span>", escape(error))),
        None => about.push(format!(
            "{} · {} · {}",
            count(record.quotes.len(), "quote"),
            count(record.clusters.len(), "cluster"),
            count(record.stances.len(), "stance")
        )),
    }
    let _ = write!(out, " <span class=\"meta\">{}</span>", about.join(" · "));
    out
}

/// The index of a page: one linked entry (from [`index_entry`]) per section, numbered
/// from 1 as the sections are; written after them and shown first.
pub fn index(entries: &[String]) -> String {
    let mut out = format!(
        "<nav class=\"byline-index\"><h3>{}</h3><ol>",
        count(entries.len(), "article")
    );
    for (i, entry) in entries.iter().enumerate() {
        let _ = write!(out, "<li><a href=\"#article-{}\">{entry}</a></li>", i + 1);
    }
    out.push_str("</ol></nav>");
    out
}

/// A whole HTML page for several articles: an index, then each article.
pub fn page<'a>(articles: impl IntoIterator<Item = (&'a str, &'a OutputRecord)>) -> String {
    let mut out = page_head();
    let mut entries = Vec::new();
    for (text, record) in articles {
        entries.push(index_entry(record));
        out.push_str(&section(entries.len(), &article(text, record)));
    }
    out.push_str(&index(&entries));
    out.push_str(PAGE_END);
    out
}
