//! The input of the pipeline: one article's id, text, optional publication date and
//! optional target spans (for target-sentiment evaluation).

use crate::CivilDate;
use crate::offsets::CharIndex;
#[cfg(test)]
use crate::published::parse_published;
use crate::published::{DateOrder, Unreadable, read_published};
use crate::span::Span;

/// One news article to analyse.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Article {
    /// Caller's identifier, echoed in the output.
    pub id: String,
    /// The article text (UTF-8).
    pub text: String,
    /// Publication date, the anchor for relative dates ("on Friday").
    pub published: Option<CivilDate>,
    /// Spans (bytes) whose sentiment the caller asks about; see `target_sentiment`.
    pub targets: Vec<Span>,
    /// What was ignored in the input without losing the text (an unreadable `published`,
    /// bad `targets`): the article is analysed without it and the output record says so.
    pub warnings: Vec<String>,
}

impl Article {
    /// An article with the given id and text, no date and no targets.
    pub fn new(id: impl Into<String>, text: impl Into<String>) -> Self {
        Article {
            id: id.into(),
            text: text.into(),
            published: None,
            targets: Vec::new(),
            warnings: Vec::new(),
        }
    }

    /// Sets the publication date.
    pub fn with_published(mut self, published: Option<CivilDate>) -> Self {
        self.published = published;
        self
    }

    /// Sets the publication date from its text as the input gives it: empty means no
    /// date; a value [`parse_published`] cannot read leaves the article without a date
    /// and adds a warning (relative dates then get X placeholders).
    pub fn with_published_text(self, value: &str) -> Self {
        self.with_published_text_in_order(value, None)
    }

    /// Like [`Article::with_published_text`], reading slash dates (`04/05/2024`) in
    /// `order`; without one they are ambiguous and the warning says so.
    pub fn with_published_text_in_order(mut self, value: &str, order: Option<DateOrder>) -> Self {
        if value.trim().is_empty() {
            self.published = None;
            return self;
        }
        match read_published(value, order) {
            Ok(date) => self.published = Some(date),
            Err(Unreadable::Ambiguous) => {
                self.published = None;
                self.warnings.push(format!(
                    "published '{value}' is ambiguous (day/month or month/day; --date-order dmy|mdy reads it); analysed without one"
                ));
            }
            Err(_) => self.warn_unreadable_published(&format!("'{value}'")),
        }
        self
    }

    /// Records that the input's `published` (shown as given, e.g. `'19/04/2025x'` or
    /// `20250419`) could not be read: the article is analysed without a date.
    pub fn warn_unreadable_published(&mut self, shown: &str) {
        self.published = None;
        self.warnings
            .push(format!("published {shown} is not a date; analysed without one"));
    }

    /// Sets target spans given in code points (as in the JSON input and Python); fails
    /// with a message when a span is reversed or runs past the end of the text.
    pub fn with_char_targets(mut self, targets: &[(usize, usize)]) -> Result<Self, String> {
        self.targets = char_targets_to_spans(&self.text, targets)?;
        Ok(self)
    }

    /// Like [`Article::with_char_targets`], but bad targets leave the article without
    /// targets and add a warning instead of failing.
    pub fn with_char_targets_or_warn(self, targets: &[(usize, usize)]) -> Self {
        match char_targets_to_spans(&self.text, targets) {
            Ok(spans) => Article { targets: spans, ..self },
            Err(message) => self.without_targets_because(&message),
        }
    }

    /// Drops the targets and records why (`message` says what was wrong with them).
    pub fn without_targets_because(mut self, message: &str) -> Self {
        self.targets.clear();
        self.warnings.push(format!("{message}; analysed without targets"));
        self
    }
}

/// Byte spans of code-point `targets` in `text`, or a message naming the first bad one.
fn char_targets_to_spans(text: &str, targets: &[(usize, usize)]) -> Result<Vec<Span>, String> {
    if targets.is_empty() {
        return Ok(Vec::new());
    }
    let index = CharIndex::new(text);
    let mut spans = Vec::with_capacity(targets.len());
    for &(start, end) in targets {
        if start > end {
            return Err(format!("target [{start}, {end}] has start after end"));
        }
        let (Some(s), Some(e)) = (index.byte_offset(text, start), index.byte_offset(text, end)) else {
            let n = index.char_len();
            let plural = if n == 1 { "" } else { "s" };
            return Err(format!(
                "target [{start}, {end}] runs past the end of the text ({n} code point{plural})"
            ));
        };
        spans.push(Span::new(s, e));
    }
    Ok(spans)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_valid_dates() {
        let d = parse_published("2025-04-19").unwrap();
        assert_eq!((d.year(), d.month(), d.day()), (2025, 4, 19));
        assert!(parse_published("2024-02-29").is_ok());
    }

    #[test]
    fn rejects_malformed_dates() {
        for bad in [
            "2025-4-19",
            "19/04/2025",
            "2025-02-30",
            "2023-02-29",
            "2025-13-01",
            "",
            "２０２５-04-19",
            "2025-04-19x",
            "2025-04-19T25:00",
            "2025-04-19T10",
            "2025-04-19T10:00:00+3",
            "2025-04-19T10:00:00.Z",
            "2025-04-19 10:00 PST",
            "2025-04-19T10:00:00Z junk",
        ] {
            assert!(parse_published(bad).is_err(), "{bad:?} accepted");
        }
    }

    #[test]
    fn date_times_give_their_calendar_date_as_written() {
        for (value, date) in [
            ("2025-04-19T10:00:00Z", "2025-04-19"),
            ("2025-04-19T23:30:00-05:00", "2025-04-19"),
            ("2025-04-19T00:30:00+03:00", "2025-04-19"),
            ("2025-04-19 10:00", "2025-04-19"),
            ("2025-04-19T10:00:00.123456Z", "2025-04-19"),
            ("2025-04-19T10:00:00+0300", "2025-04-19"),
            ("2025-04-19T10:00+03", "2025-04-19"),
            ("2025-04-19 10:00:00 UTC", "2025-04-19"),
            (" 2025-04-19 ", "2025-04-19"),
        ] {
            assert_eq!(
                parse_published(value).map(|d| d.to_string()),
                Ok(date.to_owned()),
                "{value}"
            );
        }
    }

    #[test]
    fn char_targets_map_to_bytes() {
        let a = Article::new("x", "Größe of Zoë").with_char_targets(&[(9, 12)]).unwrap();
        assert_eq!(a.targets[0].slice(&a.text), "Zoë");
        assert!(Article::new("x", "abc").with_char_targets(&[(2, 9)]).is_err());
        assert!(Article::new("x", "abc").with_char_targets(&[(2, 1)]).is_err());
    }
}
