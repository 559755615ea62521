//! [`OutputRecord::check`]: the promises an output record makes about its text, checked
//! (used by the property tests and the fuzz targets, and open to users who store
//! records and texts apart).

use crate::output::OutputRecord;

/// Slices `text` by code points, or `None` when the range does not fit.
struct CodePoints<'t> {
    text: &'t str,
    /// Byte offset of every code point, plus the text's length.
    bytes: Vec<usize>,
}

impl<'t> CodePoints<'t> {
    fn new(text: &'t str) -> Self {
        let mut bytes: Vec<usize> = text.char_indices().map(|(b, _)| b).collect();
        bytes.push(text.len());
        CodePoints { text, bytes }
    }

    fn slice(&self, start: usize, end: usize) -> Option<&'t str> {
        if start > end {
            return None;
        }
        Some(&self.text[*self.bytes.get(start)?..*self.bytes.get(end)?])
    }
}

impl OutputRecord {
    /// Checks the record against the text it was made from: every span satisfies
    /// `text[start:end] == span.text` in code points (entities, quotes and their
    /// speakers, cues and pieces, dates, stance targets and evidence, target
    /// sentiment), and every cross-reference (cluster ids, mentions, quote dates,
    /// stance quotes) points at an existing item. Returns the first violation.
    pub fn check(&self, text: &str) -> Result<(), String> {
        let cp = CodePoints::new(text);
        let span = |what: &str, start: usize, end: usize, said: &str| -> Result<(), String> {
            match cp.slice(start, end) {
                Some(found) if found == said => Ok(()),
                Some(found) => Err(format!(
                    "{what} [{start}, {end}) is {found:?} in the text, not {said:?}"
                )),
                None => Err(format!(
                    "{what} [{start}, {end}) does not fit a text of {} code points",
                    cp.bytes.len() - 1
                )),
            }
        };
        let cluster = |what: &str, id: Option<usize>| -> Result<(), String> {
            match id {
                Some(id) if id >= self.clusters.len() => Err(format!("{what} names cluster {id}, which is missing")),
                _ => Ok(()),
            }
        };
        for e in &self.entities {
            span("entity", e.start, e.end, &e.text)?;
            cluster("entity", Some(e.cluster))?;
        }
        for (i, c) in self.clusters.iter().enumerate() {
            if c.id != i {
                return Err(format!("cluster {i} has id {}", c.id));
            }
            if let Some(m) = c.mentions.iter().find(|&&m| m >= self.entities.len()) {
                return Err(format!("cluster {i} lists mention {m}, which is missing"));
            }
        }
        for q in &self.quotes {
            span("quote", q.start, q.end, &q.text)?;
            for &[start, end] in &q.spans {
                if start > end || end > cp.bytes.len() - 1 || start < q.start || end > q.end {
                    return Err(format!("quote piece [{start}, {end}) lies outside its quote"));
                }
            }
            let content: Vec<&str> = q.spans.iter().filter_map(|&[s, e]| cp.slice(s, e)).collect();
            if content.join(" ") != q.content {
                return Err(format!(
                    "quote content {:?} is not its pieces joined by a space",
                    q.content
                ));
            }
            if let Some(s) = &q.speaker {
                span("speaker", s.start, s.end, &s.text)?;
                cluster("speaker", s.cluster)?;
            }
            if let Some(c) = &q.cue {
                span("cue", c.start, c.end, &c.text)?;
            }
            if let Some(d) = q.date.filter(|&d| d >= self.dates.len()) {
                return Err(format!("quote names date {d}, which is missing"));
            }
        }
        for d in &self.dates {
            span("date", d.start, d.end, &d.text)?;
        }
        for s in &self.stances {
            span("stance target", s.target.start, s.target.end, &s.target.text)?;
            span("stance evidence", s.evidence.start, s.evidence.end, &s.evidence.text)?;
            cluster("stance holder", s.holder.cluster)?;
            cluster("stance target", s.target.cluster)?;
            if let Some(q) = s.quote.filter(|&q| q >= self.quotes.len()) {
                return Err(format!("stance names quote {q}, which is missing"));
            }
        }
        for t in &self.target_sentiment {
            span("target", t.start, t.end, &t.text)?;
            cluster("target", t.cluster)?;
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn record() -> OutputRecord {
        serde_json::from_str(
            r#"{"id":"a","error":null,"entities":[],"clusters":[],"quotes":[],
                "dates":[{"start":3,"end":8,"text":"Fridé","type":"DATE","value":"2025-04-18"}],
                "stances":[],"target_sentiment":[],"extra":{}}"#,
        )
        .unwrap()
    }

    #[test]
    fn accepts_code_point_spans_and_rejects_byte_or_shifted_ones() {
        let r = record();
        assert_eq!(r.check("On Fridé."), Ok(()));
        assert!(r.check("On Friday.").unwrap_err().contains("\"Frida\""));
        assert!(r.check("On").unwrap_err().contains("does not fit"));
    }
}
