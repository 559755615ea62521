//! Pipeline building (needs, ordering, errors) and failure isolation.

use byline_core::{Article, ArticleErrorKind, Document, ExtractError, Extractor, Layer, Pipeline, PipelineError};

struct Provides(&'static str, &'static [Layer], &'static [Layer]);

impl Extractor for Provides {
    fn name(&self) -> &'static str {
        self.0
    }
    fn provides(&self) -> &'static [Layer] {
        self.1
    }
    fn needs(&self) -> &'static [Layer] {
        self.2
    }
    fn extract(&self, doc: &mut Document) -> Result<(), ExtractError> {
        // The run order goes where no layer is guarded (an extractor may write only the
        // layers it provides).
        doc.warnings.push(self.0.into());
        if doc.text.contains("PANIC") && self.0 == "b" {
            panic!("boom in {}", doc.id);
        }
        if doc.text.contains("FAIL") && self.0 == "b" {
            return Err(ExtractError::new("refused"));
        }
        Ok(())
    }
}

const A: &[Layer] = &[Layer::Entities];
const B: &[Layer] = &[Layer::Quotes];
const NONE: &[Layer] = &[];

#[test]
fn orders_extractors_after_the_providers_of_their_needs() {
    let p = Pipeline::builder()
        .with(Provides("b", B, A))
        .with(Provides("a", A, NONE))
        .build()
        .unwrap();
    assert_eq!(p.names(), vec!["a", "b"]);
    let doc = p.process(Article::new("1", "text")).unwrap();
    assert_eq!(doc.warnings, ["a", "b"]);
}

/// Reads `Layer::Entities` when the pipeline has it.
struct UsesEntities;

impl Extractor for UsesEntities {
    fn name(&self) -> &'static str {
        "user"
    }
    fn provides(&self) -> &'static [Layer] {
        B
    }
    fn uses(&self) -> &'static [Layer] {
        A
    }
    fn extract(&self, doc: &mut Document) -> Result<(), ExtractError> {
        doc.warnings.push("user".into());
        Ok(())
    }
}

#[test]
fn a_layer_used_when_present_orders_its_provider_first_and_is_not_required() {
    let p = Pipeline::builder()
        .with(UsesEntities)
        .with(Provides("a", A, NONE))
        .build()
        .unwrap();
    assert_eq!(p.names(), vec!["a", "user"]);
    let alone = Pipeline::builder().with(UsesEntities).build().unwrap();
    assert_eq!(alone.names(), vec!["user"]);
}

#[test]
fn a_missing_need_is_a_build_error_that_names_it() {
    let err = Pipeline::builder().with(Provides("b", B, A)).build().unwrap_err();
    assert_eq!(
        err,
        PipelineError::MissingNeed {
            extractor: "b".into(),
            layer: "entities".into()
        }
    );
    assert!(err.to_string().contains("needs the 'entities' layer"));
}

#[test]
fn two_providers_of_one_layer_and_cycles_are_rejected() {
    let dup = Pipeline::builder()
        .with(Provides("a", A, NONE))
        .with(Provides("a2", A, NONE))
        .build();
    assert!(matches!(dup, Err(PipelineError::DuplicateProvider { .. })));
    let cycle = Pipeline::builder()
        .with(Provides("a", A, B))
        .with(Provides("b", B, A))
        .build();
    assert!(matches!(cycle, Err(PipelineError::Cycle(_))));
}

#[test]
fn a_panic_or_error_in_one_article_becomes_its_error_record_only() {
    let p = Pipeline::builder()
        .with(Provides("a", A, NONE))
        .with(Provides("b", B, A))
        .build()
        .unwrap();
    let articles = vec![
        Article::new("ok1", "fine"),
        Article::new("bad", "PANIC here"),
        Article::new("err", "FAIL here"),
        Article::new("ok2", "fine too"),
    ];
    let out = p.process_batch(articles);
    assert!(out[0].is_ok() && out[3].is_ok());
    let panic = out[1].as_ref().unwrap_err();
    assert_eq!((panic.id.as_str(), panic.kind), ("bad", ArticleErrorKind::Panic));
    assert!(
        panic.message.contains("extractor 'b' panicked: boom in bad"),
        "{}",
        panic.message
    );
    let err = out[2].as_ref().unwrap_err();
    assert_eq!(err.kind, ArticleErrorKind::Extraction);
    assert_eq!(err.message, "extractor 'b' failed: refused");
}

#[test]
fn stream_keeps_input_order_and_passes_input_errors_through() {
    let p = Pipeline::builder().with(Provides("a", A, NONE)).build().unwrap();
    let records = (0..500).map(|i| {
        if i % 7 == 3 {
            Err(byline_core::ArticleError::input(i.to_string(), "bad"))
        } else {
            Ok(Article::new(i.to_string(), "x ".repeat(i % 13)))
        }
    });
    let ids: Vec<String> = p
        .stream(records, 16)
        .map(|r| match r {
            Ok(d) => d.id,
            Err(e) => e.id,
        })
        .collect();
    assert_eq!(ids, (0..500).map(|i| i.to_string()).collect::<Vec<_>>());
}

/// Writes its own layer and, when the text says so, one it does not provide.
struct Trespasser;

impl Extractor for Trespasser {
    fn name(&self) -> &'static str {
        "trespasser"
    }
    fn provides(&self) -> &'static [Layer] {
        &[Layer::Extra("trespasser")]
    }
    fn extract(&self, doc: &mut Document) -> Result<(), ExtractError> {
        doc.extra.insert("trespasser".into(), serde_json::json!(1));
        if doc.text.contains("DATES") {
            doc.dates.clear();
        }
        if doc.text.contains("EXTRA") {
            doc.extra.insert("someone_else".into(), serde_json::json!(2));
        }
        Ok(())
    }
}

/// Provides one date for the whole text.
struct OneDate;

impl Extractor for OneDate {
    fn name(&self) -> &'static str {
        "one_date"
    }
    fn provides(&self) -> &'static [Layer] {
        &[Layer::Dates]
    }
    fn extract(&self, doc: &mut Document) -> Result<(), ExtractError> {
        doc.dates.push(byline_core::TimeExpr {
            span: byline_core::Span::new(0, doc.text.len()),
            kind: byline_core::TimexType::Date,
            value: "2025-04-18".into(),
        });
        Ok(())
    }
}

#[test]
#[cfg(debug_assertions)]
fn debug_builds_fail_an_extractor_that_writes_a_layer_it_does_not_provide() {
    let alone = Pipeline::builder().with(Trespasser).build().unwrap();
    assert!(alone.process(Article::new("ok", "plain text")).is_ok());
    // Clearing an empty layer changes nothing; adding a plug-in entry it does not own does.
    assert!(alone.process(Article::new("d", "DATES")).is_ok());
    let err = alone.process(Article::new("e", "EXTRA")).unwrap_err();
    assert_eq!(err.kind, ArticleErrorKind::Extraction);
    assert!(
        err.message
            .contains("changed the 'extra' layer, which it does not provide"),
        "{}",
        err.message
    );
    // Clearing another extractor's dates.
    let after_dates = Pipeline::builder().with(OneDate).with(Trespasser).build().unwrap();
    let err = after_dates.process(Article::new("d", "DATES")).unwrap_err();
    assert!(
        err.message.contains("'trespasser' changed the 'dates' layer"),
        "{}",
        err.message
    );
    assert_eq!(after_dates.process(Article::new("ok", "plain")).unwrap().dates.len(), 1);
}

/// Writes a date whose span is reversed (a bug the output conversion must survive).
struct ReversedSpan;

impl Extractor for ReversedSpan {
    fn name(&self) -> &'static str {
        "reversed"
    }
    fn provides(&self) -> &'static [Layer] {
        &[Layer::Dates]
    }
    fn extract(&self, doc: &mut Document) -> Result<(), ExtractError> {
        let mut span = byline_core::Span::new(0, doc.text.len().min(3));
        std::mem::swap(&mut span.start, &mut span.end);
        doc.dates.push(byline_core::TimeExpr {
            span,
            kind: byline_core::TimexType::Date,
            value: "2025-04-18".into(),
        });
        Ok(())
    }
}

#[test]
fn a_span_that_does_not_fit_becomes_the_records_error_not_a_panic() {
    let p = Pipeline::builder().with(ReversedSpan).build().unwrap();
    let doc = p.process(Article::new("rev", "Friday")).unwrap();
    let record = doc.to_output();
    assert_eq!(record.id, "rev");
    let error = record.error.as_deref().unwrap();
    assert!(
        error.contains("span [3, 0) (bytes), which does not fit the text"),
        "{error}"
    );
    assert!(record.dates.is_empty() && record.entities.is_empty());
    assert!(byline_core::OutputRecord::try_from_document(&doc).is_err());
    // A span past the end, or inside a character, is caught the same way.
    let mut doc = Document::new(Article::new("mid", "Zoë"));
    doc.dates.push(byline_core::TimeExpr {
        span: byline_core::Span::new(0, 3),
        kind: byline_core::TimexType::Date,
        value: "X".into(),
    });
    assert!(doc.to_output().error.unwrap().contains("[0, 3)"));
}

#[test]
fn a_stance_target_without_a_kind_reads_as_an_entity_and_topics_round_trip() {
    use byline_core::TargetKind;
    use byline_core::output::TargetOut;
    // Records written before `kind` existed.
    let old: TargetOut = serde_json::from_str(r#"{"start": 0, "end": 3, "text": "Zoë", "cluster": 2}"#).unwrap();
    assert_eq!(old.kind, TargetKind::Entity);
    let topic = TargetOut {
        kind: TargetKind::Topic,
        cluster: None,
        ..old
    };
    let json = serde_json::to_string(&topic).unwrap();
    assert!(json.contains(r#""kind":"topic""#), "{json}");
    assert_eq!(serde_json::from_str::<TargetOut>(&json).unwrap(), topic);
    assert_eq!(TargetKind::Topic.as_str(), "topic");
}
