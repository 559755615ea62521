//! `byline eval syntax` agrees with the reference scorer (`eval_conllu.py`) on GUM dev,
//! and `byline train syntax` reproduces the shipped models byte for byte. Both need
//! ../shared (skipped with a message if absent).

use std::path::PathBuf;

mod common;

fn shared() -> Option<PathBuf> {
    common::shared("data/gum/dev")
}

/// The F1 column of one metric's line of the report.
fn f1(report: &str, metric: &str) -> f64 {
    let line = report.lines().find(|l| l.starts_with(metric)).expect("metric line");
    line.split_whitespace().nth(3).unwrap().parse().unwrap()
}

#[test]
fn eval_syntax_agrees_with_the_reference_scorer() {
    let Some(shared) = shared() else { return };
    let gold = shared.join("data/gum/dev");
    let pred = common::temp("syntax", "gum-dev");
    let ours = common::bin()
        .args(["eval", "syntax"])
        .arg(&gold)
        .arg("--predict")
        .arg(&pred)
        .output()
        .unwrap();
    assert!(ours.status.success(), "{}", String::from_utf8_lossy(&ours.stderr));
    let ours = String::from_utf8(ours.stdout).unwrap();
    let reference = std::process::Command::new("python3")
        .arg(shared.join("eval/eval_conllu.py"))
        .arg(&gold)
        .arg(&pred)
        .output();
    match reference {
        Ok(out) if out.status.success() => assert_eq!(ours, String::from_utf8(out.stdout).unwrap()),
        _ => eprintln!("SKIPPED comparison: python3 could not run eval_conllu.py"),
    }
    // Floors a little under the shipped model's dev figures: a regression fails.
    assert!(f1(&ours, "words") >= 98.5, "{ours}");
    assert!(f1(&ours, "UPOS") >= 95.0, "{ours}");
    assert!(f1(&ours, "lemma") >= 97.0, "{ours}");
    assert!(f1(&ours, "UAS") >= 79.5, "{ours}");
    assert!(f1(&ours, "LAS") >= 76.0, "{ours}");
}

#[test]
fn training_reproduces_the_shipped_models() {
    let Some(shared) = shared() else { return };
    let out = common::temp("syntax", "model");
    let run = common::bin()
        .args(["train", "syntax", "--train"])
        .arg(shared.join("data/gum/train"))
        .arg("--train")
        .arg(shared.join("data/ewt/en_ewt-ud-dev.conllu"))
        .arg("-o")
        .arg(&out)
        .output()
        .unwrap();
    assert!(run.status.success(), "{}", String::from_utf8_lossy(&run.stderr));
    let shipped = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../byline-syntax/model");
    for file in ["tagger.bin", "classes.tsv", "lemmas.tsv", "parser.bin"] {
        assert!(
            std::fs::read(out.join(file)).unwrap() == std::fs::read(shipped.join(file)).unwrap(),
            "retraining gave a different {file}: retrain and ship it"
        );
    }
}
