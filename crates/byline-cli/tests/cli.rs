//! The `byline` binary end to end: one output line per input line, in order, with
//! error records for bad lines; gzip in and out; standard input; exit codes.

use std::io::{Read, Write};
use std::process::{Output, Stdio};

mod common;
use common::{bin, extract_to, records, temp_path};

const GOOD: &str =
    r#"{"id":"good","text":"“Contacts are complicated,” Dmitry Peskov said on Friday.","published":"2025-04-19"}"#;

fn mixed_input() -> Vec<u8> {
    let mut input = Vec::new();
    for line in [
        GOOD.as_bytes(),
        b"{not json",
        b"{\"id\":\"latin1\",\"text\":\"caf\xe9\"}",
        br#"{"id":"notext","title":"x"}"#,
        br#"{"id":"numtext","text":42}"#,
        br#"{"id":"baddate","text":"Hi.","published":"2025-02-30"}"#,
        b"",
        br#"{"id":7,"text":""}"#,
        br#"{"text":"No id here.","published":null,"extra_field":[1,2]}"#,
    ] {
        input.extend_from_slice(line);
        input.push(b'\n');
    }
    input
}

fn run_with_stdin(args: &[&str], input: &[u8]) -> Output {
    let mut child = bin()
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    child.stdin.take().unwrap().write_all(input).unwrap();
    child.wait_with_output().unwrap()
}

#[test]
fn every_line_yields_one_record_in_order_and_bad_lines_are_error_records() {
    let out = run_with_stdin(&["extract", "--threads", "2"], &mixed_input());
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let recs = records(&out.stdout);
    let ids: Vec<&str> = recs.iter().map(|r| r["id"].as_str().unwrap()).collect();
    assert_eq!(
        ids,
        ["good", "2", "latin1", "notext", "numtext", "baddate", "7", "7", "9"]
    );
    let errors: Vec<Option<&str>> = recs.iter().map(|r| r["error"].as_str()).collect();
    assert_eq!(errors[0], None);
    assert!(errors[1].unwrap().starts_with("invalid JSON"));
    assert!(errors[2].unwrap().contains("invalid UTF-8"));
    assert_eq!(errors[3], Some("missing field 'text'"));
    assert_eq!(errors[4], Some("field 'text' must be a string, not a number"));
    assert_eq!(errors[5], None, "an unreadable date is a warning, not an error");
    assert_eq!(
        recs[5]["warnings"][0].as_str().unwrap(),
        "published '2025-02-30' is not a date; analysed without one"
    );
    assert!(recs[5]["published"].is_null());
    assert_eq!(recs[0]["published"], "2025-04-19");
    assert!(
        recs[0].get("warnings").is_none(),
        "no warnings field when there is nothing to say"
    );
    assert_eq!(errors[6], Some("empty line"));
    assert_eq!((errors[7], errors[8]), (None, None));
    assert_eq!(recs[0]["quotes"][0]["speaker"]["name"], "Dmitry Peskov");
    assert_eq!(recs[0]["dates"][0]["value"], "2025-04-18");
    assert!(recs[7]["entities"].as_array().unwrap().is_empty());
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(stderr.contains("9 articles, 5 errors, 1 with warnings"), "{stderr}");
}

#[test]
fn strict_mode_fails_when_any_record_failed() {
    let out = run_with_stdin(&["extract", "--strict", "--quiet"], &mixed_input());
    assert_eq!(out.status.code(), Some(1));
    assert_eq!(records(&out.stdout).len(), 9);
    let ok = run_with_stdin(&["extract", "--strict", "--quiet"], format!("{GOOD}\n").as_bytes());
    assert!(ok.status.success());
}

#[test]
fn gzip_in_and_out_give_the_same_records_as_plain_text() {
    let plain = run_with_stdin(&["extract", "--quiet"], &mixed_input());
    let gz_in = temp_path("in.jsonl.gz");
    let mut enc = flate2::write::GzEncoder::new(std::fs::File::create(&gz_in).unwrap(), flate2::Compression::fast());
    enc.write_all(&mixed_input()).unwrap();
    enc.finish().unwrap();
    let gz_out = temp_path("out.jsonl.gz");
    let out = bin()
        .args(["extract", "--quiet", "-o"])
        .arg(&gz_out)
        .arg(&gz_in)
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let mut decoded = Vec::new();
    flate2::read::GzDecoder::new(std::fs::File::open(&gz_out).unwrap())
        .read_to_end(&mut decoded)
        .unwrap();
    assert_eq!(decoded, plain.stdout);
}

#[test]
fn several_inputs_name_unidentified_records_by_path_and_line() {
    let a = temp_path("a.jsonl");
    let b = temp_path("b.jsonl");
    std::fs::write(&a, "{\"text\":\"One.\"}\n").unwrap();
    std::fs::write(&b, "{\"text\":\"Two.\"}\n{\"text\":\"Three.\"}").unwrap();
    let out = bin().args(["extract", "--quiet"]).arg(&a).arg(&b).output().unwrap();
    let ids: Vec<String> = records(&out.stdout)
        .iter()
        .map(|r| r["id"].as_str().unwrap().to_owned())
        .collect();
    assert_eq!(
        ids,
        [
            format!("{}:1", a.display()),
            format!("{}:1", b.display()),
            format!("{}:2", b.display())
        ]
    );
}

#[test]
fn usage_errors_exit_with_status_2_and_a_message() {
    let out = bin().args(["extract", "no-such-file.jsonl"]).output().unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("no-such-file.jsonl: no such file"));
    let out = run_with_stdin(&["extract", "--extractors", "quotes"], b"");
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("needs the 'entities' layer"));
    let out = run_with_stdin(&["extract", "--extractors", "entities,nope"], b"");
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stderr.contains("invalid value 'nope'") && stderr.contains("possible values: syntax, entities, quotes"),
        "{stderr}"
    );
}

#[test]
fn extractors_can_be_chosen_including_the_money_plug_in() {
    let out = run_with_stdin(
        &["extract", "--quiet", "--extractors", "money,entities"],
        br#"{"id":"m","text":"Acme paid $3 million."}"#,
    );
    let rec = &records(&out.stdout)[0];
    assert_eq!(rec["extra"]["money"][0]["text"], "$3 million");
    assert!(rec["quotes"].as_array().unwrap().is_empty());
}

#[test]
fn eval_reports_missing_and_malformed_gold_data() {
    let out = bin().args(["eval", "ner", "missing.conll"]).output().unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("cannot read gold data missing.conll"));
    let gold = temp_path("gold.conll");
    std::fs::write(&gold, "-DOCSTART- -X- -X- O\n").unwrap();
    // A CoNLL file is not NewsMTSC: a clear error with the line, not a report.
    let out = bin().args(["eval", "stance"]).arg(&gold).output().unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("gold.conll:1: not JSON"));
    // A folder without TimeML files is a clear error, not an empty report.
    let empty = temp_path("no-tml");
    std::fs::create_dir_all(&empty).unwrap();
    let out = bin().args(["eval", "dates"]).arg(&empty).output().unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("no .tml files"));
}

#[test]
fn extract_writes_an_html_view_of_the_batch() {
    let input = temp_path("html-in.jsonl");
    std::fs::write(
        &input,
        "{\"id\": \"a\", \"text\": \"“We agree,” Dmitry Peskov said on Friday.\", \"published\": \"2025-04-19\"}\n{\"id\": \"b\"}\n",
    )
    .unwrap();
    let html = temp_path("view.html");
    let out = bin()
        .args(["extract", "--quiet", "-o"])
        .arg(temp_path("html-out.jsonl"))
        .arg("--html")
        .arg(&html)
        .arg(&input)
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let page = std::fs::read_to_string(&html).unwrap();
    assert!(page.starts_with("<!DOCTYPE html>") && page.ends_with("</html>\n"));
    assert!(page.contains("<span class=\"speaker\">Dmitry Peskov</span>"));
    assert!(page.contains("<span class=\"value\">2025-04-18</span>"));
    // The bad record is in the view too, with its error.
    assert!(page.contains("<h3>b</h3>") && page.contains("class=\"error\""));
}

/// Many distinct articles, enough for a run that lasts a while.
fn long_input(n: usize) -> Vec<u8> {
    let mut input = Vec::new();
    for i in 0..n {
        let text = format!(
            "“Talks number {i} went well,” union president Maria Kovalenko said on Friday. \
             Port director Henrik Aas said that a new offer would follow next week."
        );
        let line = serde_json::json!({"id": format!("a{i}"), "text": text, "published": "2025-04-19"});
        input.extend_from_slice(line.to_string().as_bytes());
        input.push(b'\n');
    }
    input
}

#[test]
fn a_killed_run_leaves_whole_lines_and_resume_finishes_it_as_one_run_would() {
    let input = temp_path("long.jsonl");
    std::fs::write(&input, long_input(4000)).unwrap();
    let whole = temp_path("whole.jsonl");
    let status = extract_to(&whole, &input, &["-q", "--threads", "2"]).status().unwrap();
    assert!(status.success());
    let expected = std::fs::read(&whole).unwrap();

    let cut = temp_path("cut.jsonl");
    let mut child = extract_to(&cut, &input, &["-q", "--threads", "1", "--chunk-size", "16"])
        .spawn()
        .unwrap();
    // Kill it once some output is there, well before the end.
    let started = std::time::Instant::now();
    while std::fs::metadata(&cut).map_or(0, |m| m.len()) < 20_000 {
        assert!(started.elapsed().as_secs() < 120, "no output appeared");
        std::thread::sleep(std::time::Duration::from_millis(5));
    }
    child.kill().unwrap();
    child.wait().unwrap();
    let partial = std::fs::read(&cut).unwrap();
    assert!(partial.len() < expected.len(), "the run was killed before the end");
    let text = String::from_utf8(partial).unwrap();
    let complete: Vec<&str> = text.split_inclusive('\n').filter(|l| l.ends_with('\n')).collect();
    assert!(!complete.is_empty());
    for line in &complete {
        serde_json::from_str::<serde_json::Value>(line).expect("every finished line is a whole record");
    }
    assert!(expected.starts_with(complete.concat().as_bytes()));

    let resumed = extract_to(&cut, &input, &["--resume", "--threads", "2"])
        .output()
        .unwrap();
    assert!(resumed.status.success());
    let log = String::from_utf8_lossy(&resumed.stderr);
    assert!(
        log.contains(&format!(
            "the first {} input records were already in the output",
            complete.len()
        )),
        "{log}"
    );
    assert_eq!(
        std::fs::read(&cut).unwrap(),
        expected,
        "resumed output differs from one whole run"
    );
}

#[test]
fn resume_cuts_an_unfinished_last_line_and_refuses_foreign_files() {
    let input = temp_path("three.jsonl");
    std::fs::write(&input, long_input(3)).unwrap();
    let out = temp_path("three.out.jsonl");
    let status = extract_to(&out, &input, &["-q"]).status().unwrap();
    assert!(status.success());
    let expected = std::fs::read_to_string(&out).unwrap();
    // The first record and half of the second, as a killed run could leave them.
    let first_end = expected.find('\n').unwrap() + 1;
    std::fs::write(&out, &expected[..first_end + 40]).unwrap();
    let status = extract_to(&out, &input, &["-q", "--resume"]).status().unwrap();
    assert!(status.success());
    assert_eq!(std::fs::read_to_string(&out).unwrap(), expected);

    // Resuming into something that is not byline output, or into gzip, is refused.
    std::fs::write(&out, "just some notes\n").unwrap();
    let refused = extract_to(&out, &input, &["--resume"]).output().unwrap();
    assert_eq!(refused.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&refused.stderr).contains("not a byline output record"));
    assert_eq!(
        std::fs::read_to_string(&out).unwrap(),
        "just some notes\n",
        "left untouched"
    );
    let refused = extract_to(&temp_path("x.jsonl.gz"), &input, &["--resume"])
        .output()
        .unwrap();
    assert!(String::from_utf8_lossy(&refused.stderr).contains("needs a plain output file"));
}
