//! `byline eval dates` agrees with the reference scorer on the TempEval-3 training data
//! (TimeBank and AQUAINT), reads a system folder back, and dates quality on the dev part
//! (AQUAINT) stays above its floors. Needs ../shared (skipped with a message if absent).

use std::path::{Path, PathBuf};
use std::process::Command;

mod common;

fn shared() -> Option<PathBuf> {
    common::shared("data/dates/tempeval3/train/AQUAINT")
}

/// Runs `byline eval dates GOLD` with `args`; returns stdout.
fn ours(gold: &Path, args: &[&std::ffi::OsStr]) -> String {
    let out = Command::new(env!("CARGO_BIN_EXE_byline"))
        .args(["eval", "dates"])
        .arg(gold)
        .args(args)
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    String::from_utf8(out.stdout).unwrap()
}

/// The reference scorer's report on `system`, or None when python3 cannot run it.
fn reference(shared: &Path, gold: &Path, system: &Path) -> Option<String> {
    let out = Command::new("python3")
        .arg(shared.join("eval/eval_timex.py"))
        .arg("score")
        .arg(gold)
        .arg(system)
        .output()
        .ok()?;
    out.status.success().then(|| String::from_utf8(out.stdout).unwrap())
}

/// A figure of the report: the F1 of a P/R/F1 row, or the value F1.
fn f1(report: &str, row: &str) -> f64 {
    let line = report.lines().find(|l| l.starts_with(row)).unwrap();
    line.split_whitespace().last().unwrap().parse().unwrap()
}

fn value_f1(report: &str) -> f64 {
    let line = report.lines().find(|l| l.starts_with("value accuracy")).unwrap();
    let after = line.split("value F1:").nth(1).unwrap();
    after.split_whitespace().next().unwrap().parse().unwrap()
}

#[test]
fn eval_dates_agrees_with_the_reference_scorer() {
    let Some(shared) = shared() else { return };
    for part in ["AQUAINT", "TimeBank"] {
        let gold = shared.join("data/dates/tempeval3/train").join(part);
        let out = common::temp("dates", part);
        let report = ours(&gold, &["--predict".as_ref(), out.as_os_str()]);
        match reference(&shared, &gold, &out) {
            Some(r) => assert_eq!(report, r, "on {part}"),
            None => eprintln!("SKIPPED comparison: python3 could not run eval_timex.py"),
        }
        // Scoring the written folder as a system output gives the same report.
        assert_eq!(ours(&gold, &["--system".as_ref(), out.as_os_str()]), report);
    }
}

#[test]
fn dates_quality_on_dev_stays_above_its_floors() {
    let Some(shared) = shared() else { return };
    let report = ours(&shared.join("data/dates/tempeval3/train/AQUAINT"), &[]);
    // Figures of the current extractor on AQUAINT (our dev part; TimeBank is for tuning).
    assert!(value_f1(&report) >= 77.0, "{report}");
    assert!(f1(&report, "strict ") >= 83.0, "{report}");
}
