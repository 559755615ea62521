//! `byline eval quotes` agrees with the reference scorer on PolNeAR dev and on the seed
//! gold, and the quote quality on dev stays above its floors. Needs ../shared (skipped
//! with a message if absent).

use std::path::{Path, PathBuf};
use std::process::Command;

mod common;

fn shared() -> Option<PathBuf> {
    common::shared("data/quotes/polnear/dev.jsonl")
}

fn temp(name: &str) -> PathBuf {
    common::temp("quotes", name)
}

/// Runs `byline eval quotes` with `args`, writing predictions to `pred`; returns stdout.
fn ours(gold: &Path, pred: &Path, args: &[&str]) -> String {
    let out = Command::new(env!("CARGO_BIN_EXE_byline"))
        .args(["eval", "quotes"])
        .arg(gold)
        .arg("--predict")
        .arg(pred)
        .args(args)
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    String::from_utf8(out.stdout).unwrap()
}

/// The reference scorer's report, or None when python3 cannot run it.
fn reference(shared: &Path, gold: &Path, pred: &Path, args: &[&str]) -> Option<String> {
    let out = Command::new("python3")
        .arg(shared.join("eval/eval_quotes.py"))
        .arg(gold)
        .arg(pred)
        .args(args)
        .output()
        .ok()?;
    out.status.success().then(|| String::from_utf8(out.stdout).unwrap())
}

/// A column (0 P, 1 R, 2 F1) of a report row.
fn column(report: &str, row: &str, col: usize) -> f64 {
    let line = report.lines().find(|l| l.starts_with(row)).unwrap();
    let cols: Vec<&str> = line[22..].split_whitespace().collect();
    cols[col].parse().unwrap()
}

fn recall(report: &str, row: &str) -> f64 {
    column(report, row, 1)
}

#[test]
fn eval_quotes_agrees_with_the_reference_scorer_on_dev() {
    let Some(shared) = shared() else { return };
    let gold = shared.join("data/quotes/polnear/dev.jsonl");
    let pred = temp("dev.jsonl");
    for args in [
        &[][..],
        &["--kinds", "direct"][..],
        &["--kinds", "mixed,indirect", "--overlap", "0.3"][..],
    ] {
        let report = ours(&gold, &pred, args);
        match reference(&shared, &gold, &pred, args) {
            Some(r) => assert_eq!(report, r, "with {args:?}"),
            None => eprintln!("SKIPPED comparison: python3 could not run eval_quotes.py"),
        }
    }
}

#[test]
fn eval_quotes_reads_the_seed_gold() {
    let Some(shared) = shared() else { return };
    let seed = shared.join("fixtures/seed");
    let pred = temp("seed.jsonl");
    let text = seed.join("article.txt");
    let args = ["--text", text.to_str().unwrap()];
    let report = ours(&seed.join("gold.json"), &pred, &args);
    if let Some(r) = reference(&shared, &seed.join("gold.json"), &pred, &args) {
        assert_eq!(report, r);
    }
    // All ten gold quotes found with the right speaker (other attributions byline finds,
    // such as "Russia has indicated …", are not in the seed gold).
    assert!(recall(&report, "end-to-end") >= 100.0, "{report}");
}

#[test]
fn quote_quality_on_dev_stays_above_its_floors() {
    let Some(shared) = shared() else { return };
    let gold = shared.join("data/quotes/polnear/dev.jsonl");
    let pred = temp("floors.jsonl");
    // The default layer (statements scoring at least 0.45) against the gold statements:
    // end-to-end F1 70.4 (P 80.2), coverage at 0.3 F1 74.6.
    let statements = ours(&gold, &pred, &["--acts", "statement"]);
    assert!(column(&statements, "end-to-end", 2) >= 69.0, "{statements}");
    assert!(column(&statements, "end-to-end", 0) >= 78.0, "{statements}");
    let coverage = ours(&gold, &pred, &["--acts", "statement", "--metric", "coverage"]);
    let f1: f64 = coverage
        .split("F1 ")
        .nth(1)
        .unwrap()
        .split(',')
        .next()
        .unwrap()
        .parse()
        .unwrap();
    assert!(f1 >= 73.0, "{coverage}");
    // Every attribution, as PolNeAR annotates them: end-to-end F1 57.6, overlap 66.1.
    let all = ours(&gold, &pred, &["--attributions", "all", "--min-quote-score", "0"]);
    assert!(column(&all, "end-to-end", 2) >= 56.0, "{all}");
    assert!(column(&all, "overlap", 2) >= 64.0, "{all}");
    // As a direct-quote extractor (its quotes of kind direct): end-to-end F1 93.4.
    let direct = ours(&gold, &pred, &["--kinds", "direct", "--system-kinds", "direct"]);
    assert!(column(&direct, "end-to-end", 2) >= 92.0, "{direct}");
}

/// Runs a script of ../shared/eval with `args`; its stdout, or None when python3 cannot.
fn script(shared: &Path, name: &str, args: &[&Path], flags: &[&str]) -> Option<String> {
    let out = Command::new("python3")
        .arg(shared.join("eval").join(name))
        .args(args)
        .args(flags)
        .output()
        .ok()?;
    out.status.success().then(|| String::from_utf8(out.stdout).unwrap())
}

#[test]
fn statements_and_coverage_agree_with_the_reference_scripts() {
    let Some(shared) = shared() else { return };
    let gold = shared.join("data/quotes/polnear/dev.jsonl");
    // The gold cut down to statements by the reference definition.
    let statements = temp("dev_statements.jsonl");
    if script(&shared, "statement_cues.py", &[&gold, &statements], &[]).is_none() {
        eprintln!("SKIPPED comparison: python3 could not run statement_cues.py");
        return;
    }
    let pred = temp("acts.jsonl");
    let report = ours(&gold, &pred, &["--acts", "statement"]);
    // The default pipeline reports statements only, so its output needs no filtering.
    let reference_report = script(&shared, "eval_quotes.py", &[&statements, &pred], &[]).unwrap();
    assert_eq!(report, reference_report);
    let coverage = ours(&gold, &pred, &["--acts", "statement", "--metric", "coverage"]);
    let reference_coverage = script(&shared, "eval_quotes_coverage.py", &[&statements, &pred], &[]).unwrap();
    assert_eq!(coverage, reference_coverage);
    // All attributions against all gold, and a minimum score on a system file.
    let all = temp("all.jsonl");
    let coverage = ours(
        &gold,
        &all,
        &[
            "--attributions",
            "all",
            "--min-quote-score",
            "0",
            "--metric",
            "coverage",
        ],
    );
    assert_eq!(
        coverage,
        script(&shared, "eval_quotes_coverage.py", &[&gold, &all], &[]).unwrap()
    );
    let out = Command::new(env!("CARGO_BIN_EXE_byline"))
        .args(["eval", "quotes"])
        .arg(&gold)
        .arg("--system")
        .arg(&all)
        .args(["--metric", "coverage", "--min-quote-score", "0.6"])
        .output()
        .unwrap();
    assert_eq!(
        String::from_utf8(out.stdout).unwrap(),
        script(
            &shared,
            "eval_quotes_coverage.py",
            &[&gold, &all],
            &["--min-score", "0.6"]
        )
        .unwrap()
    );
}

#[test]
fn system_kinds_scores_only_those_system_quotes() {
    let Some(shared) = shared() else { return };
    let gold = shared.join("data/quotes/polnear/dev.jsonl");
    let pred = temp("kinds.jsonl");
    let report = ours(&gold, &pred, &["--kinds", "direct", "--system-kinds", "direct"]);
    // The same as the reference scorer on the output filtered by hand.
    let filtered = temp("kinds_direct.jsonl");
    let lines: Vec<String> = std::fs::read_to_string(&pred)
        .unwrap()
        .lines()
        .map(|l| {
            let mut doc: serde_json::Value = serde_json::from_str(l).unwrap();
            let quotes = doc["quotes"].as_array_mut().unwrap();
            quotes.retain(|q| q["kind"] == "direct");
            doc.to_string()
        })
        .collect();
    std::fs::write(&filtered, lines.join("\n")).unwrap();
    match reference(&shared, &gold, &filtered, &["--kinds", "direct"]) {
        Some(r) => assert_eq!(report, r),
        None => eprintln!("SKIPPED comparison: python3 could not run eval_quotes.py"),
    }
}

/// Retrains with `extra` arguments and checks the files written are the shipped ones.
fn retrain_reproduces(extra: &[&str], files: &[&str], folder: &str) {
    let Some(shared) = shared() else { return };
    let out = temp(folder);
    let data = shared.join("data/quotes/polnear");
    let run = Command::new(env!("CARGO_BIN_EXE_byline"))
        .args(["train", "quotes", "--train"])
        .arg(data.join("train.jsonl"))
        .args(extra)
        .arg("-o")
        .arg(&out)
        .output()
        .unwrap();
    assert!(run.status.success(), "{}", String::from_utf8_lossy(&run.stderr));
    let shipped = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../byline-quotes/model");
    for file in files {
        assert!(
            std::fs::read(out.join(file)).unwrap() == std::fs::read(shipped.join(file)).unwrap(),
            "retraining gave a different {file}: retrain and ship it"
        );
    }
}

#[test]
fn training_reproduces_the_shipped_quotes_model() {
    // 30 epochs: chosen on a held-out fifth of train (`--holdout 5`), never on dev.
    retrain_reproduces(
        &["--epochs", "30"],
        &["attribution.bin", "cue_words.tsv", "quote_scores.tsv"],
        "model",
    );
}

#[test]
fn training_reproduces_the_shipped_parsed_text_model() {
    retrain_reproduces(
        &["--syntax", "--epochs", "20"],
        &[
            "attribution_parsed.bin",
            "cue_words.tsv",
            "quote_scores_parsed.tsv",
            "quote_candidates.tsv",
        ],
        "model_parsed",
    );
}
