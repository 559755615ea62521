//! Reading one JSONL input line into an [`Article`], or an [`ArticleError`] that names the
//! record (its `id`, or its line number when it has none or cannot be read).
//!
//! Input line: `{"id": str, "text": str, "published": date (see [`crate::published`]: ISO,
//! RFC 2822, "March 7, 2024", epoch seconds as a string or number) | null,
//! "targets": [[start, end], ...]}`; other fields are ignored unless asked for with
//! [`read_line`]'s `keep`. What can be ignored without losing the text (an unreadable
//! `published`, bad `targets`) becomes a warning on the article, not an error.

use crate::article::Article;
use crate::error::ArticleError;
use crate::published::DateOrder;
use serde::Deserialize;
use serde_json::Value;
use std::collections::BTreeMap;

/// Input fields copied verbatim into an output record's `meta`.
pub type Meta = BTreeMap<String, Value>;

#[derive(Deserialize)]
struct RawRecord {
    #[serde(default)]
    id: Option<Value>,
    #[serde(default)]
    text: Option<Value>,
    #[serde(default)]
    published: Option<Value>,
    #[serde(default)]
    targets: Option<Value>,
}

/// The id of a record: its `id` field (strings as they are, numbers in JSON form), or
/// `fallback` (the line number) when it has none.
fn record_id(id: Option<&Value>, fallback: &str) -> String {
    match id {
        Some(Value::String(s)) => s.clone(),
        Some(Value::Null) | None => fallback.to_owned(),
        Some(other) => other.to_string(),
    }
}

/// Parses one input line. `fallback_id` (usually the line number) names records without
/// an id and records that cannot be read at all.
pub fn parse_line(line: &[u8], fallback_id: &str) -> Result<Article, ArticleError> {
    read_line(line, fallback_id, &[]).0
}

/// Parses one input line and copies the fields named in `keep` (those present) into a
/// [`Meta`], also for a record that fails, as long as it is a JSON object. The meta is
/// `None` when `keep` is empty. The line is parsed as JSON once either way.
pub fn read_line(line: &[u8], fallback_id: &str, keep: &[String]) -> (Result<Article, ArticleError>, Option<Meta>) {
    read_line_in_order(line, fallback_id, keep, None)
}

/// Like [`read_line`], reading slash dates in `published` (`04/05/2024`) in `order`.
pub fn read_line_in_order(
    line: &[u8],
    fallback_id: &str,
    keep: &[String],
    order: Option<DateOrder>,
) -> (Result<Article, ArticleError>, Option<Meta>) {
    let mut meta = (!keep.is_empty()).then(Meta::new);
    let article = read_raw(trim_line(line), fallback_id, keep, meta.as_mut())
        .and_then(|raw| fields_of(raw, fallback_id).into_article_in_order(fallback_id, order));
    (article, meta)
}

/// The fields byline reads of a line that is a JSON object, and the kept ones into `meta`.
fn read_raw(
    line: &[u8],
    fallback_id: &str,
    keep: &[String],
    meta: Option<&mut Meta>,
) -> Result<RawRecord, ArticleError> {
    let text = match std::str::from_utf8(line) {
        Ok(s) => s,
        Err(e) => {
            // Still try to name the record: read the id from a lossy copy.
            let lossy = String::from_utf8_lossy(line);
            let id = serde_json::from_str::<RawRecord>(&lossy)
                .ok()
                .map(|r| record_id(r.id.as_ref(), fallback_id))
                .unwrap_or_else(|| fallback_id.to_owned());
            return Err(ArticleError::input(
                id,
                format!("invalid UTF-8 at byte {} of the line", e.valid_up_to()),
            ));
        }
    };
    if !text.trim_start().starts_with('{') {
        let msg = match serde_json::from_str::<Value>(text) {
            Ok(v) => format!("a record must be a JSON object, not {}", json_kind(&v)),
            Err(e) => format!("invalid JSON: {e}"),
        };
        return Err(ArticleError::input(fallback_id, msg));
    }
    let raw = match meta {
        None => serde_json::from_str::<RawRecord>(text),
        Some(meta) => serde_json::from_str::<Value>(text).and_then(|value| {
            if let Value::Object(fields) = &value {
                meta.extend(
                    keep.iter()
                        .filter_map(|k| fields.get(k).map(|v| (k.clone(), v.clone()))),
                );
            }
            serde_json::from_value(value)
        }),
    };
    raw.map_err(|e| ArticleError::input(fallback_id, format!("invalid JSON: {e}")))
}

/// One field of an input record as its source (a JSON line, a Python object) holds it,
/// before byline reads it.
#[derive(Clone, Debug, PartialEq)]
pub enum Field<T> {
    /// Absent or null (and, from Python, NaN, NaT or None).
    Missing,
    /// A value of the expected kind.
    Value(T),
    /// A value of another kind, described for the message (`a number`, `int`, `[1, 2]` …).
    Unreadable(String),
    /// A value of the expected kind that cannot be used, and why (a Python string with a
    /// lone surrogate).
    Invalid(String),
}

/// The fields byline reads of an input record, whatever its source: the one place that
/// decides what is an error and what a warning, for the JSONL reader and the Python
/// binding alike.
#[derive(Clone, Debug, PartialEq)]
pub struct RecordFields {
    /// The record's id as text, if it has one.
    pub id: Option<String>,
    /// The article text: required.
    pub text: Field<String>,
    /// The publication date as written: unreadable means a warning, never an error.
    pub published: Field<String>,
    /// Code-point target spans: unreadable means a warning, never an error.
    pub targets: Field<Vec<(usize, usize)>>,
}

impl RecordFields {
    /// The article of these fields (`fallback_id` names a record without an id): an error
    /// without a string `text`; a `published` or `targets` that cannot be read becomes a
    /// warning on the article.
    pub fn into_article(self, fallback_id: &str) -> Result<Article, ArticleError> {
        self.into_article_in_order(fallback_id, None)
    }

    /// Like [`RecordFields::into_article`], reading slash dates in `published` in `order`.
    pub fn into_article_in_order(self, fallback_id: &str, order: Option<DateOrder>) -> Result<Article, ArticleError> {
        let id = self.id.unwrap_or_else(|| fallback_id.to_owned());
        let body = match self.text {
            Field::Value(s) => s,
            Field::Missing => return Err(ArticleError::input_field(id, "text", "missing field 'text'")),
            Field::Unreadable(what) => {
                return Err(ArticleError::input_field(
                    id,
                    "text",
                    format!("field 'text' must be a string, not {what}"),
                ));
            }
            Field::Invalid(why) => {
                return Err(ArticleError::input_field(
                    id,
                    "text",
                    format!("field 'text' cannot be read: {why}"),
                ));
            }
        };
        let mut article = Article::new(id, body);
        match self.published {
            Field::Missing => {}
            Field::Value(s) => article = article.with_published_text_in_order(&s, order),
            Field::Unreadable(shown) | Field::Invalid(shown) => article.warn_unreadable_published(&shown),
        }
        Ok(match self.targets {
            Field::Missing => article,
            Field::Value(targets) => article.with_char_targets_or_warn(&targets),
            Field::Unreadable(_) | Field::Invalid(_) => article.without_targets_because(TARGETS_EXPECTED),
        })
    }
}

/// The warning for `targets` of the wrong shape.
const TARGETS_EXPECTED: &str = "field 'targets' must be a list of [start, end] pairs of code-point offsets";

/// The fields of a JSON record.
fn fields_of(raw: RawRecord, fallback_id: &str) -> RecordFields {
    let text = match raw.text {
        None | Some(Value::Null) => Field::Missing,
        Some(Value::String(s)) => Field::Value(s),
        Some(other) => Field::Unreadable(json_kind(&other).to_owned()),
    };
    let published = match raw.published {
        None | Some(Value::Null) => Field::Missing,
        Some(Value::String(s)) => Field::Value(s),
        // Epoch seconds or milliseconds.
        Some(Value::Number(n)) if n.is_i64() => Field::Value(n.to_string()),
        Some(other) => Field::Unreadable(other.to_string()),
    };
    let targets = match raw.targets {
        None | Some(Value::Null) => Field::Missing,
        Some(v) => parse_targets(&v).map_or_else(|()| Field::Unreadable(v.to_string()), Field::Value),
    };
    RecordFields {
        id: Some(record_id(raw.id.as_ref(), fallback_id)),
        text,
        published,
        targets,
    }
}

fn parse_targets(v: &Value) -> Result<Vec<(usize, usize)>, ()> {
    v.as_array()
        .ok_or(())?
        .iter()
        .map(|pair| match pair.as_array().map(Vec::as_slice) {
            Some([s, e]) => Ok((s.as_u64().ok_or(())? as usize, e.as_u64().ok_or(())? as usize)),
            _ => Err(()),
        })
        .collect()
}

fn json_kind(v: &Value) -> &'static str {
    match v {
        Value::Null => "null",
        Value::Bool(_) => "a boolean",
        Value::Number(_) => "a number",
        Value::String(_) => "a string",
        Value::Array(_) => "an array",
        Value::Object(_) => "an object",
    }
}

fn trim_line(line: &[u8]) -> &[u8] {
    let line = line.strip_suffix(b"\n").unwrap_or(line);
    let line = line.strip_suffix(b"\r").unwrap_or(line);
    line.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(line)
}

/// True when a line holds nothing but white space (such lines are skipped, not errors).
pub fn is_blank(line: &[u8]) -> bool {
    line.iter().all(|b| b.is_ascii_whitespace())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn err(line: &[u8]) -> ArticleError {
        parse_line(line, "7").unwrap_err()
    }

    #[test]
    fn reads_a_full_record() {
        let a = parse_line(
            br#"{"id":"a1","text":"Hi.","published":"2025-04-19","source":"x","targets":[[0,2]]}"#,
            "1",
        )
        .unwrap();
        assert_eq!(a.id, "a1");
        assert_eq!(a.text, "Hi.");
        assert_eq!(a.published.unwrap().to_string(), "2025-04-19");
        assert_eq!(a.targets.len(), 1);
    }

    #[test]
    fn missing_id_uses_the_line_number_and_numbers_are_kept() {
        assert_eq!(parse_line(br#"{"text":"x"}"#, "12").unwrap().id, "12");
        assert_eq!(parse_line(br#"{"id":42,"text":"x"}"#, "12").unwrap().id, "42");
    }

    #[test]
    fn bad_records_name_the_problem_and_the_id() {
        let e = err(b"{not json");
        assert_eq!(e.id, "7");
        assert!(e.message.starts_with("invalid JSON"), "{}", e.message);
        let e = err(br#"{"id":"b","title":"no text"}"#);
        assert_eq!((e.id.as_str(), e.message.as_str()), ("b", "missing field 'text'"));
        let e = err(br#"{"id":"c","text":5}"#);
        assert_eq!(e.message, "field 'text' must be a string, not a number");
        let e = err(b"[1,2]");
        assert!(e.message.contains("JSON object"), "{}", e.message);
    }

    #[test]
    fn what_can_be_ignored_is_a_warning_and_the_article_is_kept() {
        let a = parse_line(br#"{"id":"d","text":"x","published":"19/04/2025x"}"#, "7").unwrap();
        assert_eq!((a.id.as_str(), a.published), ("d", None));
        assert_eq!(
            a.warnings,
            ["published '19/04/2025x' is not a date; analysed without one"]
        );
        let a = parse_line(br#"{"id":"e","text":"x","published":20250419}"#, "7").unwrap();
        assert_eq!(a.warnings, ["published '20250419' is not a date; analysed without one"]);
        let a = parse_line(br#"{"id":"e","text":"x","published":1709805600}"#, "7").unwrap();
        assert_eq!(a.published.unwrap().to_string(), "2024-03-07");
        let a = parse_line(
            br#"{"id":"e","text":"x","published":"Thu, 07 Mar 2024 10:00:00 GMT"}"#,
            "7",
        )
        .unwrap();
        assert_eq!(a.published.unwrap().to_string(), "2024-03-07");
        let line = br#"{"id":"e","text":"x","published":"04/05/2024"}"#;
        let a = parse_line(line, "7").unwrap();
        assert!(
            a.published.is_none() && a.warnings[0].contains("ambiguous"),
            "{:?}",
            a.warnings
        );
        let (a, _) = read_line_in_order(line, "7", &[], Some(DateOrder::Mdy));
        assert_eq!(a.unwrap().published.unwrap().to_string(), "2024-04-05");
        let a = parse_line(br#"{"id":"f","text":"abc","targets":[[1,9]]}"#, "7").unwrap();
        assert!(a.targets.is_empty());
        assert_eq!(
            a.warnings,
            ["target [1, 9] runs past the end of the text (3 code points); analysed without targets"]
        );
        let a = parse_line(br#"{"id":"g","text":"abc","targets":"all"}"#, "7").unwrap();
        assert!(
            a.warnings[0].starts_with("field 'targets' must be a list"),
            "{:?}",
            a.warnings
        );
        let a = parse_line(br#"{"id":"h","text":"abc","published":"","targets":[[0,1]]}"#, "7").unwrap();
        assert!(a.warnings.is_empty() && a.published.is_none() && a.targets.len() == 1);
        let a = parse_line(br#"{"text":"x","published":"2025-04-19T10:00:00+03:00"}"#, "7").unwrap();
        assert_eq!(a.published.unwrap().to_string(), "2025-04-19");
    }

    #[test]
    fn kept_fields_are_copied_verbatim_even_for_failed_records() {
        let keep = ["title".to_owned(), "url".to_owned(), "absent".to_owned()];
        let (a, meta) = read_line(
            br#"{"id":"k","text":"x","title":"T \u00e9","url":{"a":[1]}}"#,
            "1",
            &keep,
        );
        assert!(a.is_ok());
        let meta = meta.unwrap();
        assert_eq!(
            serde_json::to_string(&meta).unwrap(),
            r#"{"title":"T é","url":{"a":[1]}}"#
        );
        let (a, meta) = read_line(br#"{"id":"k","title":"no text"}"#, "1", &keep);
        assert!(a.is_err());
        assert_eq!(meta.unwrap()["title"], "no text");
        let (_, meta) = read_line(b"{bad", "1", &keep);
        assert_eq!(meta, Some(Meta::new()));
        assert_eq!(read_line(br#"{"text":"x","title":"t"}"#, "1", &[]).1, None);
    }

    #[test]
    fn invalid_utf8_keeps_the_id() {
        let e = err(b"{\"id\":\"u\",\"text\":\"caf\xE9\"}");
        assert_eq!(e.id, "u");
        assert!(e.message.contains("invalid UTF-8"));
    }

    #[test]
    fn lone_surrogate_escape_is_an_error_record() {
        let e = err(br#"{"id":"s","text":"\ud800"}"#);
        assert!(e.message.contains("invalid JSON"), "{}", e.message);
    }

    #[test]
    fn crlf_and_bom_are_tolerated() {
        assert_eq!(parse_line(b"\xEF\xBB\xBF{\"text\":\"x\"}\r\n", "1").unwrap().text, "x");
    }
}
