//! `byline corpus report DIR`: what a user reads first of a linked corpus — the top
//! identities by quotes and by outlets, the most widely carried quotes with their first
//! source, and altered quotes — as text, or as a self-contained HTML page with a plot of
//! quotes per month for the most quoted identities.

use crate::{IdentityRow, OccurrenceRow, QuoteRow, Summary, read_csv};
use std::collections::BTreeMap;
use std::fmt::Write;
use std::path::Path;

/// A linked corpus, read back for reporting.
pub struct Report {
    summary: Summary,
    by_quotes: Vec<IdentityRow>,
    by_sources: Vec<IdentityRow>,
    carried: Vec<QuoteRow>,
    altered: Vec<(QuoteRow, OccurrenceRow)>,
    /// Identity id → month ("YYYY-MM") → quotes, for the most quoted identities.
    monthly: Vec<(String, BTreeMap<String, u32>)>,
}

impl Report {
    /// Reads the tables `byline corpus link` wrote into `dir`; `top` rows per table.
    pub fn read(dir: &Path, top: usize) -> Result<Report, String> {
        let path = dir.join("summary.json");
        let text = std::fs::read_to_string(&path).map_err(|e| format!("{}: {e}", path.display()))?;
        let summary: Summary = serde_json::from_str(&text).map_err(|e| format!("{}: {e}", path.display()))?;
        let identities: Vec<IdentityRow> = read_csv(&dir.join("identities.csv"))?;
        let quotes: Vec<QuoteRow> = read_csv(&dir.join("quotes.csv"))?;
        let occurrences: Vec<OccurrenceRow> = read_csv(&dir.join("occurrences.csv"))?;
        let ranked = |key: fn(&IdentityRow) -> u32| {
            let mut v: Vec<IdentityRow> = identities.iter().filter(|i| key(i) > 0).cloned().collect();
            v.sort_by(|a, b| key(b).cmp(&key(a)).then(a.identity_id.cmp(&b.identity_id)));
            v.truncate(top);
            v
        };
        let by_quotes = ranked(|i| i.quotes);
        let by_sources = ranked(|i| i.sources);
        let mut carried: Vec<QuoteRow> = quotes.iter().filter(|q| q.articles > 1).cloned().collect();
        carried.sort_by_key(|q| std::cmp::Reverse((q.sources, q.articles)));
        carried.truncate(top);
        let index: BTreeMap<&str, &QuoteRow> = quotes.iter().map(|q| (q.quote_id.as_str(), q)).collect();
        let mut altered: Vec<(QuoteRow, OccurrenceRow)> = occurrences
            .iter()
            .filter(|o| o.altered)
            .filter_map(|o| index.get(o.quote_id.as_str()).map(|q| ((*q).clone(), o.clone())))
            .collect();
        altered.sort_by(|a, b| b.0.sources.cmp(&a.0.sources).then(a.1.record.cmp(&b.1.record)));
        altered.truncate(top);
        let plotted: Vec<&str> = by_quotes.iter().take(5).map(|i| i.identity_id.as_str()).collect();
        let mut monthly: Vec<(String, BTreeMap<String, u32>)> =
            plotted.iter().map(|id| (id.to_string(), BTreeMap::new())).collect();
        for o in &occurrences {
            if let (Some(n), Some(month)) = (plotted.iter().position(|id| *id == o.identity_id), o.published.get(..7)) {
                *monthly[n].1.entry(month.to_string()).or_default() += 1;
            }
        }
        Ok(Report {
            summary,
            by_quotes,
            by_sources,
            carried,
            altered,
            monthly,
        })
    }

    /// The report as text.
    pub fn text(&self) -> String {
        let s = &self.summary;
        let mut out = String::new();
        let _ = writeln!(
            out,
            "{} articles ({} error records): {} clusters → {} identities; {} quotes → {} statements\n",
            s.articles, s.error_records, s.clusters, s.identities, s.occurrences, s.quotes
        );
        let _ = writeln!(out, "Most quoted\n  quotes  outlets  name");
        for i in &self.by_quotes {
            let _ = writeln!(out, "  {:>6}  {:>7}  {} ({})", i.quotes, i.sources, i.name, i.label);
        }
        let _ = writeln!(out, "\nNamed by the most outlets\n  outlets  articles  name");
        for i in &self.by_sources {
            let _ = writeln!(out, "  {:>7}  {:>8}  {} ({})", i.sources, i.articles, i.name, i.label);
        }
        let _ = writeln!(
            out,
            "\nMost widely carried quotes\n  outlets  articles  altered  first seen"
        );
        for q in &self.carried {
            let _ = writeln!(
                out,
                "  {:>7}  {:>8}  {:>7}  {} {} ({})\n           {}: {}",
                q.sources,
                q.articles,
                q.altered,
                q.first_published,
                q.first_source,
                q.first_article,
                if q.speaker.is_empty() {
                    "(no speaker)"
                } else {
                    &q.speaker
                },
                clip(&q.text, 160)
            );
        }
        let _ = writeln!(out, "\nAltered quotes (words changed, dropped or added)");
        for (q, o) in &self.altered {
            let _ = writeln!(
                out,
                "  {} in {} ({} {}): {}\n    canonical: {}",
                q.quote_id,
                o.article_id,
                o.source,
                o.published,
                clip(&o.changes, 160),
                clip(&q.text, 160)
            );
        }
        out
    }

    /// The report as a self-contained HTML page (no external assets).
    pub fn html(&self) -> String {
        let mut out = String::from(
            "<!DOCTYPE html><html><head><meta charset=\"utf-8\"><title>byline corpus report</title><style>\
             body{font:14px/1.4 system-ui,sans-serif;margin:2em;max-width:70em}table{border-collapse:collapse;margin:1em 0}\
             td,th{border-bottom:1px solid #ddd;padding:3px 8px;text-align:left;vertical-align:top}\
             td.n{text-align:right}.q{color:#444}</style></head><body><h1>byline corpus report</h1>",
        );
        let s = &self.summary;
        let _ = write!(
            out,
            "<p>{} articles ({} error records): {} clusters → {} identities; {} quotes → {} statements.</p>",
            s.articles, s.error_records, s.clusters, s.identities, s.occurrences, s.quotes
        );
        out.push_str(&self.plot());
        out.push_str("<h2>Most quoted</h2><table><tr><th>quotes</th><th>outlets</th><th>name</th><th>roles</th></tr>");
        for i in &self.by_quotes {
            let _ = write!(
                out,
                "<tr><td class=n>{}</td><td class=n>{}</td><td>{} ({})</td><td>{}</td></tr>",
                i.quotes,
                i.sources,
                escape(&i.name),
                i.label,
                escape(&clip(&i.roles, 80))
            );
        }
        out.push_str(
            "</table><h2>Named by the most outlets</h2><table><tr><th>outlets</th><th>articles</th><th>name</th></tr>",
        );
        for i in &self.by_sources {
            let _ = write!(
                out,
                "<tr><td class=n>{}</td><td class=n>{}</td><td>{} ({})</td></tr>",
                i.sources,
                i.articles,
                escape(&i.name),
                i.label
            );
        }
        out.push_str("</table><h2>Most widely carried quotes</h2><table><tr><th>outlets</th><th>altered</th><th>first seen</th><th>speaker: quote</th></tr>");
        for q in &self.carried {
            let _ = write!(
                out,
                "<tr><td class=n>{}</td><td class=n>{}</td><td>{} {}</td><td><b>{}</b>: <span class=q>{}</span></td></tr>",
                q.sources,
                q.altered,
                escape(&q.first_published),
                escape(&q.first_source),
                escape(&q.speaker),
                escape(&clip(&q.text, 300))
            );
        }
        out.push_str(
            "</table><h2>Altered quotes</h2><table><tr><th>where</th><th>changes</th><th>canonical text</th></tr>",
        );
        for (q, o) in &self.altered {
            let _ = write!(
                out,
                "<tr><td>{} {}</td><td>{}</td><td class=q>{}</td></tr>",
                escape(&o.source),
                escape(&o.published),
                escape(&o.changes),
                escape(&clip(&q.text, 300))
            );
        }
        out.push_str("</table></body></html>\n");
        out
    }

    /// Quotes per month of the most quoted identities, as an inline SVG line plot.
    fn plot(&self) -> String {
        let months: Vec<&String> = {
            let mut m: Vec<&String> = self.monthly.iter().flat_map(|(_, by)| by.keys()).collect();
            m.sort();
            m.dedup();
            m
        };
        if months.len() < 2 {
            return String::new();
        }
        let max = self
            .monthly
            .iter()
            .flat_map(|(_, by)| by.values())
            .copied()
            .max()
            .unwrap_or(1)
            .max(1);
        let (w, h) = (900.0, 240.0);
        let colours = ["#1f77b4", "#d62728", "#2ca02c", "#9467bd", "#ff7f0e"];
        let mut out = format!(
            "<h2>Quotes per month, most quoted</h2><svg width=\"{w}\" height=\"{}\" xmlns=\"http://www.w3.org/2000/svg\">",
            h + 40.0
        );
        let x = |i: usize| 40.0 + (w - 60.0) * i as f64 / (months.len() - 1) as f64;
        let y = |n: u32| 10.0 + h - h * f64::from(n) / f64::from(max);
        let _ = write!(out, "<text x=\"0\" y=\"18\" font-size=\"11\">{max}</text>");
        let _ = write!(
            out,
            "<text x=\"40\" y=\"{}\" font-size=\"11\">{}</text>",
            h + 30.0,
            months[0]
        );
        let _ = write!(
            out,
            "<text x=\"{}\" y=\"{}\" font-size=\"11\" text-anchor=\"end\">{}</text>",
            w - 20.0,
            h + 30.0,
            months[months.len() - 1]
        );
        for (n, (id, by)) in self.monthly.iter().enumerate() {
            let points: Vec<String> = months
                .iter()
                .enumerate()
                .map(|(i, m)| format!("{:.1},{:.1}", x(i), y(by.get(*m).copied().unwrap_or(0))))
                .collect();
            let name = self
                .by_quotes
                .iter()
                .find(|i| &i.identity_id == id)
                .map_or("", |i| i.name.as_str());
            let colour = colours[n % colours.len()];
            let _ = write!(
                out,
                "<polyline fill=\"none\" stroke=\"{colour}\" stroke-width=\"1.5\" points=\"{}\"/>\
                 <text x=\"{}\" y=\"{}\" font-size=\"12\" fill=\"{colour}\">{}</text>",
                points.join(" "),
                w - 200.0,
                20.0 + 15.0 * n as f64,
                escape(name)
            );
        }
        out.push_str("</svg>");
        out
    }
}

fn clip(s: &str, n: usize) -> String {
    if s.chars().count() <= n {
        s.to_string()
    } else {
        format!("{}…", s.chars().take(n).collect::<String>())
    }
}

fn escape(s: &str) -> String {
    s.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
}
