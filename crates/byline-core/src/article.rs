//! The input of the pipeline: one article's id, text, optional publication date and
//! optional target spans (for target-sentiment evaluation).

use crate::CivilDate;
use crate::offsets::CharIndex;
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
}

impl Article {
    /// An article with the given id and text, no date and no targets.
    pub fn new(id: impl Into<String>, text: impl Into<String>) -> Self {
        Article {
            id: id.into(),
            text: text.into(),
            published: None,
            targets: Vec::new(),
        }
    }

    /// Sets the publication date.
    pub fn with_published(mut self, published: Option<CivilDate>) -> Self {
        self.published = published;
        self
    }

    /// Sets target spans given in code points (as in the JSON input and Python); fails
    /// with a message when a span is reversed or runs past the end of the text.
    pub fn with_char_targets(mut self, targets: &[(usize, usize)]) -> Result<Self, String> {
        if targets.is_empty() {
            return Ok(self);
        }
        let index = CharIndex::new(&self.text);
        let mut spans = Vec::with_capacity(targets.len());
        for &(start, end) in targets {
            if start > end {
                return Err(format!("target [{start}, {end}] has start after end"));
            }
            let (Some(s), Some(e)) = (index.byte_offset(&self.text, start), index.byte_offset(&self.text, end)) else {
                return Err(format!(
                    "target [{start}, {end}] runs past the end of the text ({} code points)",
                    index.char_len()
                ));
            };
            spans.push(Span::new(s, e));
        }
        self.targets = spans;
        Ok(self)
    }
}

/// Parses a publication date in the `YYYY-MM-DD` form, checking that the day exists.
pub fn parse_published(value: &str) -> Result<CivilDate, String> {
    let bytes = value.as_bytes();
    let shape_ok = bytes.len() == 10
        && bytes[4] == b'-'
        && bytes[7] == b'-'
        && bytes
            .iter()
            .enumerate()
            .all(|(i, b)| i == 4 || i == 7 || b.is_ascii_digit());
    if !shape_ok {
        return Err(format!("published {value:?} is not a date in the form YYYY-MM-DD"));
    }
    let year: i16 = value[0..4]
        .parse()
        .map_err(|_| format!("published {value:?} has a bad year"))?;
    let month: i8 = value[5..7]
        .parse()
        .map_err(|_| format!("published {value:?} has a bad month"))?;
    let day: i8 = value[8..10]
        .parse()
        .map_err(|_| format!("published {value:?} has a bad day"))?;
    CivilDate::new(year, month, day).map_err(|_| format!("published {value:?} is not a real calendar date"))
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
            "2025-04-19T10:00:00Z",
            "２０２５-04-19",
        ] {
            assert!(parse_published(bad).is_err(), "{bad:?} accepted");
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
