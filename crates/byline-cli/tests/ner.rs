//! `byline eval ner` agrees with the reference scorer, and `byline train ner` reproduces
//! the shipped model byte for byte. Both need ../shared (skipped with a message if absent).

use std::path::PathBuf;
use std::process::Command;

mod common;

fn shared() -> Option<PathBuf> {
    common::shared("data/ner/conll2003/eng.testa")
}

fn temp(name: &str) -> PathBuf {
    common::temp("ner", name)
}

#[test]
fn eval_ner_agrees_with_the_reference_scorer() {
    let Some(shared) = shared() else { return };
    let gold = shared.join("data/ner/conll2003/eng.testa");
    let pred = temp("pred.conll");
    let ours = Command::new(env!("CARGO_BIN_EXE_byline"))
        .args(["eval", "ner"])
        .arg(&gold)
        .arg("--predict")
        .arg(&pred)
        .output()
        .unwrap();
    assert!(ours.status.success(), "{}", String::from_utf8_lossy(&ours.stderr));
    let ours = String::from_utf8(ours.stdout).unwrap();
    let reference = Command::new("python3")
        .arg(shared.join("eval/eval_ner.py"))
        .arg(&gold)
        .arg(&pred)
        .output();
    match reference {
        Ok(out) if out.status.success() => assert_eq!(ours, String::from_utf8(out.stdout).unwrap()),
        _ => eprintln!("SKIPPED comparison: python3 could not run eval_ner.py"),
    }
    let overall = ours.lines().find(|l| l.starts_with("overall")).unwrap();
    let f1: f64 = overall.split_whitespace().nth(3).unwrap().parse().unwrap();
    assert!(f1 >= 91.5, "dev F1 regressed: {overall}");
}

#[test]
fn training_reproduces_the_shipped_model() {
    let Some(shared) = shared() else { return };
    let out = temp("ner.bin");
    let run = Command::new(env!("CARGO_BIN_EXE_byline"))
        .args(["train", "ner", "--train"])
        .arg(shared.join("data/ner/conll2003/eng.train"))
        .arg("--gum")
        .arg(shared.join("data/gum/train"))
        .arg("-o")
        .arg(&out)
        .output()
        .unwrap();
    assert!(run.status.success(), "{}", String::from_utf8_lossy(&run.stderr));
    let shipped =
        std::fs::read(PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../byline-entities/model/ner.bin")).unwrap();
    assert!(
        std::fs::read(&out).unwrap() == shipped,
        "retraining gave a different model: retrain and ship it"
    );
}
