//! `byline eval gum` prints the reference scorer's report (`eval_gum.py score`) on GUM
//! dev, both when it runs byline itself and when it scores a system file. Needs
//! ../shared (skipped with a message if absent).

use std::path::PathBuf;

mod common;

fn shared() -> Option<PathBuf> {
    common::shared("data/gum/dev")
}

fn run(cmd: &mut std::process::Command) -> String {
    let out = cmd.output().unwrap();
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    String::from_utf8(out.stdout).unwrap()
}

/// The F1 column of the "all" line of a metric's block (0: names, 1: pronouns).
fn overall_f1(report: &str, block: usize) -> f64 {
    let line = report
        .lines()
        .filter(|l| l.trim_start().starts_with("all "))
        .nth(block)
        .unwrap();
    line.split_whitespace().last().unwrap().parse().unwrap()
}

#[test]
fn eval_gum_agrees_with_the_reference_scorer() {
    let Some(shared) = shared() else { return };
    let gold = shared.join("data/gum/dev");
    let scorer = shared.join("eval/eval_gum.py");
    let input = common::temp("gum", "dev-input.jsonl");
    let system = common::temp("gum", "dev-system.jsonl");
    let made = std::process::Command::new("python3")
        .arg(&scorer)
        .arg("input")
        .arg(&gold)
        .arg(&input)
        .output();
    let ours = run(common::bin().args(["eval", "gum"]).arg(&gold));
    // Floors a little under the shipped models' dev figures: a regression fails.
    assert!(overall_f1(&ours, 0) >= 71.0, "{ours}");
    assert!(overall_f1(&ours, 1) >= 50.0, "{ours}");
    if !made.is_ok_and(|o| o.status.success()) {
        eprintln!("SKIPPED comparison: python3 could not run eval_gum.py");
        return;
    }
    run(common::bin().args(["extract", "-q"]).arg(&input).arg("-o").arg(&system));
    let reference = run(std::process::Command::new("python3")
        .arg(&scorer)
        .arg("score")
        .arg(&gold)
        .arg(&system));
    let scored = run(common::bin()
        .args(["eval", "gum"])
        .arg(&gold)
        .arg("--system")
        .arg(&system));
    assert_eq!(scored, reference);
    // Running byline inside the scorer gives the same figures (only the title differs).
    let body = |r: &str| r.lines().skip(1).collect::<Vec<_>>().join("\n");
    assert_eq!(body(&ours), body(&reference));
}
