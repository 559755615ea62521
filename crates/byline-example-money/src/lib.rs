//! Example plug-in extractor: money amounts ("$2.5 billion", "€40", "300 million
//! dollars"), written under `extra["money"]` as `[{"start", "end", "text", "amount",
//! "currency"}]` with code-point offsets.
//!
//! It shows everything a third-party extractor needs: implement [`Extractor`], declare
//! what it provides (`Layer::Extra("money")`), write JSON under `doc.extra`, and add it
//! to a pipeline with `Pipeline::builder().with(Money)`. The README's "Adding an
//! extractor" section walks through this file.
#![warn(missing_docs)]

use byline_core::{CharIndex, Document, ExtractError, Extractor, Layer};
use regex::Regex;
use serde_json::json;
use std::sync::LazyLock;

static MONEY: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?x)
        (?P<sym>[$€£¥])\s?(?P<num>\d{1,3}(?:,\d{3})+|\d+)(?P<frac>\.\d+)?
        (?:\s(?P<scale>thousand|million|billion|trillion|bn|m)\b)?
      | \b(?P<num2>\d{1,3}(?:,\d{3})+|\d+)(?P<frac2>\.\d+)?
        (?:\s(?P<scale2>thousand|million|billion|trillion))?
        \s(?P<word>dollars|euros|pounds|yen|rubles|roubles)\b",
    )
    .expect("money pattern compiles")
});

fn currency(symbol_or_word: &str) -> &'static str {
    match symbol_or_word {
        "$" | "dollars" => "USD",
        "€" | "euros" => "EUR",
        "£" | "pounds" => "GBP",
        "¥" | "yen" => "JPY",
        "rubles" | "roubles" => "RUB",
        _ => "XXX",
    }
}

fn scale(word: Option<&str>) -> f64 {
    match word {
        Some("thousand") => 1e3,
        Some("million") | Some("m") => 1e6,
        Some("billion") | Some("bn") => 1e9,
        Some("trillion") => 1e12,
        _ => 1.0,
    }
}

/// The money extractor: writes `extra["money"]`.
#[derive(Clone, Debug, Default)]
pub struct Money;

impl Extractor for Money {
    fn name(&self) -> &'static str {
        "money"
    }

    fn provides(&self) -> &'static [Layer] {
        &[Layer::Extra("money")]
    }

    fn extract(&self, doc: &mut Document) -> Result<(), ExtractError> {
        let index = CharIndex::new(&doc.text);
        let mut found = Vec::new();
        for c in MONEY.captures_iter(&doc.text) {
            let m = c.get(0).expect("whole match");
            let num = c.name("num").or(c.name("num2")).map(|m| m.as_str().replace(',', ""));
            let frac = c.name("frac").or(c.name("frac2")).map(|m| m.as_str()).unwrap_or("");
            let Some(Ok(value)) = num.map(|n| format!("{n}{frac}").parse::<f64>()) else {
                continue;
            };
            let unit = c.name("sym").or(c.name("word")).map(|m| m.as_str()).unwrap_or("");
            let amount = value * scale(c.name("scale").or(c.name("scale2")).map(|m| m.as_str()));
            found.push(json!({
                "start": index.char_offset(&doc.text, m.start()),
                "end": index.char_offset(&doc.text, m.end()),
                "text": m.as_str(),
                "amount": amount,
                "currency": currency(unit),
            }));
        }
        doc.extra.insert("money".to_owned(), serde_json::Value::Array(found));
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use byline_core::{Article, Pipeline};

    #[test]
    fn finds_amounts_with_code_point_offsets() {
        let pipeline = Pipeline::builder().with(Money).build().unwrap();
        let doc = pipeline
            .process(Article::new(
                "m",
                "Zoë’s firm raised $2.5 billion, then 300 million euros and €40.",
            ))
            .unwrap();
        insta::assert_json_snapshot!(doc.extra["money"]);
    }
}
