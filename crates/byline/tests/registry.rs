//! The one list of built-in extractors: every entry builds and is named as it says, the
//! default pipeline's needs are met by default extractors, and every name, the plug-in's
//! included, builds a pipeline with what it needs.

use byline::{BUILTINS, available_extractors, default_extractors, default_pipeline, pipeline_from_names, with_needs};

#[test]
fn every_entry_builds_and_carries_its_own_name() {
    let mut seen = std::collections::HashSet::new();
    for builtin in BUILTINS {
        let extractor = (builtin.build)();
        assert_eq!(extractor.name(), builtin.name);
        assert!(seen.insert(builtin.name), "{} is listed twice", builtin.name);
        assert!(byline::extractor_by_name(builtin.name).is_ok());
    }
    assert_eq!(available_extractors().len(), BUILTINS.len());
}

#[test]
fn the_default_pipeline_runs_the_default_entries_in_order_and_its_needs_are_met() {
    assert_eq!(default_pipeline().names(), default_extractors());
    let defaults = default_extractors();
    for name in &defaults {
        for needed in with_needs(name).unwrap() {
            assert!(
                defaults.contains(&needed),
                "{name} needs {needed}, which is not in the default pipeline"
            );
        }
    }
    assert!(
        !defaults.contains(&"money"),
        "the example plug-in is not in the default pipeline"
    );
}

#[test]
fn every_name_builds_a_pipeline_with_its_needs() {
    for name in available_extractors() {
        let names = with_needs(name).unwrap();
        assert_eq!(names.last(), Some(&name));
        let pipeline = pipeline_from_names(&names).unwrap();
        assert!(
            pipeline
                .process(byline::Article::new("x", "“Yes,” Ann Lee said on Friday."))
                .is_ok()
        );
    }
    let err = byline::extractor_by_name("nope").err().unwrap();
    assert!(
        err.to_string()
            .contains("known: syntax, entities, quotes, dates, quote_dates, stance, money"),
        "{err}"
    );
}

#[test]
fn a_minimum_quote_score_keeps_the_quotes_scoring_at_least_it_and_stances_see_only_those() {
    let text = "Harbour officials said on Tuesday that the ferry would resume service next week. \
                “We are confident,” harbour master Maria Lindqvist said. They said nothing more. \
                Lindqvist criticised the port authority for the delay.";
    let names = byline::default_extractors();
    let every = byline::pipeline_from_names(&names)
        .unwrap()
        .process(byline::Article::new("t", text))
        .unwrap();
    assert!(every.quotes.iter().all(|q| (0.0..=1.0).contains(&q.score)));
    let mut scores: Vec<f64> = every.quotes.iter().map(|q| q.score).collect();
    scores.sort_by(f64::total_cmp);
    let threshold = scores[scores.len() / 2];
    let kept = byline::pipeline_with_min_quote_score(&names, threshold)
        .unwrap()
        .process(byline::Article::new("t", text))
        .unwrap();
    let spans = |qs: &[byline::Quote], min: f64| -> Vec<byline::Span> {
        qs.iter().filter(|q| q.score >= min).map(|q| q.span).collect()
    };
    assert_eq!(spans(&kept.quotes, 0.0), spans(&every.quotes, threshold));
    assert!(
        kept.stances
            .iter()
            .all(|s| s.quote.is_none_or(|q| q < kept.quotes.len()))
    );
    for bad in [1.5, -0.1, f64::NAN] {
        let err = byline::pipeline_with_min_quote_score(&names, bad).unwrap_err();
        assert!(err.to_string().contains("min_quote_score"), "{err}");
    }
}
