//! `byline eval stance` agrees with the reference scorer on NewsMTSC dev, target
//! sentiment stays above its floors (with and without the parse), `byline train stance`
//! reproduces the shipped models byte for byte and cross-validates its settings. Needs ../shared (skipped with a message if absent).

use std::path::{Path, PathBuf};
use std::process::Command;

mod common;

fn shared() -> Option<PathBuf> {
    common::shared("data/stance/newsmtsc/dev_rw.jsonl")
}

fn byline(args: &[&str], paths: &[&Path]) -> String {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_byline"));
    cmd.args(args).args(paths);
    let out = cmd.output().unwrap();
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    String::from_utf8(out.stdout).unwrap()
}

/// The report without its two header lines (which name the files).
fn figures(report: &str) -> String {
    report.lines().skip(2).collect::<Vec<_>>().join("\n")
}

fn f1m(report: &str) -> f64 {
    let line = report.lines().find(|l| l.starts_with("F1m")).unwrap();
    line.split_whitespace().last().unwrap().parse().unwrap()
}

#[test]
fn eval_stance_agrees_with_the_reference_scorer_on_dev() {
    let Some(shared) = shared() else { return };
    for part in ["dev_rw", "dev_mt"] {
        let gold = shared.join(format!("data/stance/newsmtsc/{part}.jsonl"));
        let pred = common::temp("stance", &format!("{part}.jsonl"));
        let ours = byline(&["eval", "stance"], &[&gold, Path::new("--predict"), &pred]);
        let Ok(out) = Command::new("python3")
            .arg(shared.join("eval/eval_stance.py"))
            .arg(&gold)
            .arg(&pred)
            .output()
        else {
            eprintln!("SKIPPED: python3 is not available");
            return;
        };
        assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
        assert_eq!(figures(&ours), figures(&String::from_utf8_lossy(&out.stdout)));
        // The written predictions read back give the same report.
        let again = byline(&["eval", "stance"], &[&gold, Path::new("--system"), &pred]);
        assert_eq!(figures(&ours), figures(&again));
    }
}

#[test]
fn target_sentiment_on_dev_stays_above_its_floors() {
    let Some(shared) = shared() else { return };
    let dir = shared.join("data/stance/newsmtsc");
    // Figures of the shipped models: dev_rw 71.5, dev_mt 66.0; with the parse 69.9, 65.7.
    for (args, rw, mt) in [
        (&["eval", "stance"][..], 70.0, 64.0),
        (&["eval", "stance", "--syntax"][..], 68.5, 64.0),
    ] {
        assert!(f1m(&byline(args, &[&dir.join("dev_rw.jsonl")])) >= rw, "{args:?}");
        assert!(f1m(&byline(args, &[&dir.join("dev_mt.jsonl")])) >= mt, "{args:?}");
    }
}

#[test]
fn cross_validation_chooses_among_the_settings_given() {
    let Some(shared) = shared() else { return };
    let train = std::fs::read_to_string(shared.join("data/stance/newsmtsc/train.jsonl")).unwrap();
    let part = common::temp("stance", "cv-part.jsonl");
    std::fs::write(&part, train.lines().take(400).collect::<Vec<_>>().join("\n")).unwrap();
    let out = common::temp("stance", "cv-model");
    let run = |extra: &[&str]| {
        let mut cmd = Command::new(env!("CARGO_BIN_EXE_byline"));
        cmd.args(["train", "stance", "--epochs", "3", "--train"])
            .arg(&part)
            .arg("-o")
            .arg(&out);
        cmd.args(extra).output().unwrap()
    };
    let chosen = run(&["--folds", "3", "--rate", "0.01,0.05", "--l2", "0.0001"]);
    let log = String::from_utf8_lossy(&chosen.stderr);
    assert!(chosen.status.success(), "{log}");
    // Every (rate, L2, epochs) is scored, and the chosen one is among them.
    assert_eq!(log.lines().filter(|l| l.starts_with("cv rate")).count(), 6, "{log}");
    let line = log
        .lines()
        .find(|l| l.starts_with("chosen by 3-fold"))
        .expect("a choice");
    assert!(line.contains("rate 0.01 ") || line.contains("rate 0.05 "), "{line}");
    assert!(out.join("portrayal.bin").exists());
    // Several values without folds to choose among them are refused.
    let refused = run(&["--rate", "0.01,0.05"]);
    assert!(!refused.status.success());
    assert!(String::from_utf8_lossy(&refused.stderr).contains("--folds"));
}

#[test]
fn portrayal_scores_are_calibrated_on_dev() {
    let Some(shared) = shared() else { return };
    let gold = shared.join("data/stance/newsmtsc/dev_rw.jsonl");
    let report = byline(&["eval", "stance"], &[&gold, Path::new("--calibration")]);
    let line = report
        .lines()
        .find(|l| l.starts_with("expected calibration error"))
        .unwrap();
    let ece: f64 = line.split_whitespace().nth(3).unwrap().parse().unwrap();
    // 4.7 % for the shipped model (under-confident: dev is easier than train's held-out
    // folds, where the temperature was fitted); a score of 0.8 should be right about 80 %
    // of the time.
    assert!(ece < 5.0, "{report}");
}

#[test]
fn stance_direction_on_dse_valid_stays_above_its_floor() {
    let Some(shared) = shared() else { return };
    let gold = shared.join("data/stance/dse/valid.txt");
    if !gold.exists() {
        eprintln!("SKIPPED: ../shared/data/stance/dse/valid.txt is absent");
        return;
    }
    let detection = |args: &[&str]| {
        let report = byline(args, &[&gold]);
        let line = report.lines().find(|l| l.starts_with("stance detection")).unwrap();
        let figures = (common::number_after(line, "P "), common::number_after(line, "F1 "));
        (figures, report)
    };
    // DSE is used to evaluate only, never to tune.
    for syntax in [&[][..], &["--syntax"][..]] {
        // The default layer (stated stances): P 100.0, R 5.3 plain; P 100.0, R 4.3 with
        // the parse (issue 31's target: P 85).
        let args = [&["eval", "direction"][..], syntax].concat();
        let ((precision, _), report) = detection(&args);
        assert!(precision >= 85.0, "{args:?}: {report}");
        // Every stance: P 77.5 / F1 37.2 plain, 75.3 / 37.2 with the parse.
        let args = [&["eval", "direction", "--min-stance-score", "0"][..], syntax].concat();
        let ((precision, f1), report) = detection(&args);
        assert!(precision >= 65.0 && f1 >= 33.0, "{args:?}: {report}");
    }
}

#[test]
fn training_reproduces_the_shipped_stance_models() {
    let Some(shared) = shared() else { return };
    let data = shared.join("data/stance/newsmtsc");
    // The settings `byline train stance --folds 5` chose (README); the plain model's
    // epochs, rate and L2 are the defaults.
    let models: [(&[&str], &str); 2] = [
        (&["--temperature", "0.95"], "portrayal.bin"),
        (
            &["--syntax", "--epochs", "14", "--temperature", "0.9"],
            "portrayal_parsed.bin",
        ),
    ];
    for (extra, file) in models {
        let out = common::temp("stance", file);
        let mut args = vec!["train", "stance"];
        args.extend_from_slice(extra);
        args.push("--train");
        byline(&args, &[&data.join("train.jsonl"), Path::new("-o"), &out]);
        let shipped = PathBuf::from(env!("CARGO_MANIFEST_DIR"))
            .join("../byline-stance/model")
            .join(file);
        assert!(
            std::fs::read(out.join(file)).unwrap() == std::fs::read(shipped).unwrap(),
            "retraining gave a different {file}: retrain and ship it"
        );
    }
}
