//! What a new user meets on the command line: kept input fields, warnings instead of
//! lost articles, `--limit`, the HTML page limit, usage errors, `--threads 0`,
//! resuming by line count with duplicate ids, and `byline table`.

mod common;
use common::{bin, extract_to, records, temp_path};
use std::path::Path;

fn write_lines(path: &Path, lines: &[serde_json::Value]) {
    let text: String = lines.iter().map(|l| format!("{l}\n")).collect();
    std::fs::write(path, text).unwrap();
}

fn articles() -> Vec<serde_json::Value> {
    use serde_json::json;
    vec![
        json!({"id": "dup", "text": "“We had one chance,” union president Maria Kovalenko said, “and they missed it.”",
               "published": "2025-04-19T10:00:00+03:00", "title": "Strike", "url": "https://example.invalid/1", "source": 7}),
        json!({"id": "dup", "text": "Port director Henrik Aas said on Friday that talks would resume.",
               "published": "19/04/2025x", "title": "Talks", "targets": [[0, 999]]}),
        json!({"id": "third", "title": "No text here"}),
    ]
}

#[test]
fn keep_copies_fields_into_meta_and_published_is_echoed() {
    let input = temp_path("keep.jsonl");
    write_lines(&input, &articles());
    let out = temp_path("keep.out.jsonl");
    let run = extract_to(&out, &input, &["--keep", "title,url,source,missing"])
        .output()
        .unwrap();
    assert!(run.status.success());
    let recs = records(&std::fs::read(&out).unwrap());
    assert_eq!(
        recs[0]["meta"],
        serde_json::json!({"title": "Strike", "url": "https://example.invalid/1", "source": 7})
    );
    assert_eq!(recs[0]["published"], "2025-04-19", "the calendar date as written");
    assert_eq!(recs[1]["meta"]["title"], "Talks");
    assert!(
        recs[1]["error"].is_null(),
        "an unreadable date does not lose the article"
    );
    assert!(recs[1]["published"].is_null());
    let warnings: Vec<&str> = recs[1]["warnings"]
        .as_array()
        .unwrap()
        .iter()
        .map(|w| w.as_str().unwrap())
        .collect();
    assert_eq!(
        warnings,
        [
            "published '19/04/2025x' is not a date; analysed without one",
            "target [0, 999] runs past the end of the text (64 code points); analysed without targets",
        ]
    );
    assert_eq!(recs[1]["dates"][0]["value"], "XXXX-WXX-5");
    assert_eq!(
        recs[2]["meta"]["title"], "No text here",
        "error records keep their meta"
    );
    let stderr = String::from_utf8_lossy(&run.stderr);
    assert!(stderr.contains("3 articles, 1 errors, 1 with warnings"), "{stderr}");
    // --strict fails on errors, not on warnings.
    let strict = extract_to(&temp_path("strict.jsonl"), &input, &["-q", "--strict", "--limit", "2"])
        .status()
        .unwrap();
    assert!(strict.success());
    // Nothing kept by default.
    let plain = extract_to(&out, &input, &["-q"]).status().unwrap();
    assert!(plain.success());
    assert!(records(&std::fs::read(&out).unwrap())[0].get("meta").is_none());
}

#[test]
fn a_split_quote_carries_its_own_words_as_content() {
    let input = temp_path("split.jsonl");
    write_lines(&input, &articles()[..1]);
    let out = temp_path("split.out.jsonl");
    assert!(extract_to(&out, &input, &["-q"]).status().unwrap().success());
    let quote = &records(&std::fs::read(&out).unwrap())[0]["quotes"][0];
    assert!(quote["text"].as_str().unwrap().contains("Maria Kovalenko said"));
    assert_eq!(quote["content"], "We had one chance, and they missed it.");
}

#[test]
fn limit_reads_the_first_records_only() {
    let input = temp_path("limit.jsonl");
    write_lines(&input, &articles());
    let out = temp_path("limit.out.jsonl");
    let run = extract_to(&out, &input, &["--limit", "2"]).output().unwrap();
    assert!(run.status.success());
    assert_eq!(records(&std::fs::read(&out).unwrap()).len(), 2);
    assert!(String::from_utf8_lossy(&run.stderr).contains("byline: 2 articles"));
}

#[test]
fn the_html_page_stops_at_its_limit_and_says_so() {
    let input = temp_path("html-limit.jsonl");
    write_lines(&input, &articles());
    let html = temp_path("limit.html");
    let run = extract_to(
        &temp_path("html-limit.out.jsonl"),
        &input,
        &["--html-limit", "2", "--chunk-size", "1"],
    )
    .arg("--html")
    .arg(&html)
    .output()
    .unwrap();
    assert!(run.status.success());
    let page = std::fs::read_to_string(&html).unwrap();
    assert_eq!(page.matches("<div class=\"byline\">").count(), 2, "two articles shown");
    assert!(page.ends_with("</html>\n"));
    let stderr = String::from_utf8_lossy(&run.stderr);
    assert_eq!(
        stderr.matches("stops after 2 articles (--html-limit)").count(),
        1,
        "{stderr}"
    );
    assert!(stderr.contains("shows the first 2 of 3 articles"), "{stderr}");
}

#[test]
fn a_directory_as_input_is_a_usage_error_before_any_output() {
    let dir = temp_path("a-folder");
    std::fs::create_dir_all(&dir).unwrap();
    let out = temp_path("never-created.jsonl");
    let run = extract_to(&out, &dir, &[]).output().unwrap();
    assert_eq!(run.status.code(), Some(2));
    let stderr = String::from_utf8_lossy(&run.stderr);
    assert!(
        stderr.contains(&format!("{} is a directory", dir.display())),
        "{stderr}"
    );
    assert!(!out.exists(), "no output file is created");
}

#[test]
fn threads_zero_means_every_core_and_the_summary_says_how_many() {
    let input = temp_path("threads.jsonl");
    write_lines(&input, &articles());
    let run = extract_to(&temp_path("threads.out.jsonl"), &input, &["--threads", "0"])
        .output()
        .unwrap();
    assert!(run.status.success());
    let cores = std::thread::available_parallelism().map_or(1, |n| n.get());
    let stderr = String::from_utf8_lossy(&run.stderr);
    assert!(stderr.contains(&format!("({cores} threads)")), "{stderr}");
}

#[test]
fn help_lists_every_subcommand_in_its_first_line() {
    let help = bin().arg("--help").output().unwrap();
    let text = String::from_utf8(help.stdout).unwrap();
    let first = text.lines().next().unwrap();
    for command in ["extract", "table", "bench", "eval", "train"] {
        assert!(first.contains(command), "{first}");
        assert!(text.contains(&format!("  {command} ")), "{command} is listed: {text}");
    }
}

#[test]
fn resume_counts_lines_so_duplicate_ids_are_kept() {
    let input = temp_path("dups.jsonl");
    write_lines(&input, &articles());
    let whole = temp_path("dups.whole.jsonl");
    assert!(extract_to(&whole, &input, &["-q"]).status().unwrap().success());
    let expected = std::fs::read_to_string(&whole).unwrap();
    let first_line = expected.lines().next().unwrap();
    let out = temp_path("dups.out.jsonl");
    std::fs::write(&out, format!("{first_line}\n")).unwrap();
    let run = extract_to(&out, &input, &["--resume"]).output().unwrap();
    assert!(run.status.success());
    assert_eq!(
        std::fs::read_to_string(&out).unwrap(),
        expected,
        "the second 'dup' is not skipped"
    );
    let ids: Vec<String> = records(expected.as_bytes())
        .iter()
        .map(|r| r["id"].to_string())
        .collect();
    assert_eq!(ids, ["\"dup\"", "\"dup\"", "\"third\""]);

    // An output with more lines than the input has records is refused and left as it is.
    let longer = format!("{expected}{first_line}\n");
    std::fs::write(&out, &longer).unwrap();
    let refused = extract_to(&out, &input, &["--resume"]).output().unwrap();
    assert_eq!(refused.status.code(), Some(2));
    let stderr = String::from_utf8_lossy(&refused.stderr);
    assert!(
        stderr.contains("holds 1 more lines than the input has records"),
        "{stderr}"
    );
    assert_eq!(std::fs::read_to_string(&out).unwrap(), longer);
}

#[test]
fn table_writes_csv_and_tsv_with_the_kept_fields() {
    let input = temp_path("table.jsonl");
    write_lines(&input, &articles());
    let out = temp_path("table.out.jsonl");
    assert!(
        extract_to(&out, &input, &["-q", "--keep", "title,url"])
            .status()
            .unwrap()
            .success()
    );
    let csv_path = temp_path("quotes.csv");
    let run = bin()
        .args(["table", "quotes"])
        .arg(&out)
        .arg("-o")
        .arg(&csv_path)
        .output()
        .unwrap();
    assert!(run.status.success(), "{}", String::from_utf8_lossy(&run.stderr));
    let csv = std::fs::read_to_string(&csv_path).unwrap();
    let mut lines = csv.lines();
    assert_eq!(
        lines.next().unwrap(),
        "article_id,title,url,quote,start,end,kind,speaker,speaker_cluster,cue,date,date_text,content,text,speaker_kind,score,act"
    );
    let first = lines.next().unwrap();
    assert!(
        first.starts_with("dup,Strike,https://example.invalid/1,0,1,"),
        "{first}"
    );
    assert!(
        first.contains(",\"We had one chance, and they missed it.\","),
        "{first}"
    );
    let tsv_path = temp_path("entities.tsv");
    let run = bin()
        .args(["table", "entities"])
        .arg(&out)
        .arg("-o")
        .arg(&tsv_path)
        .output()
        .unwrap();
    assert!(run.status.success());
    let tsv = std::fs::read_to_string(&tsv_path).unwrap();
    assert!(
        tsv.starts_with("article_id\ttitle\turl\tstart\tend\ttext\tlabel\tcluster\tcluster_name\n"),
        "{tsv}"
    );
    assert!(tsv.contains("\tMaria Kovalenko\tPER\t"), "{tsv}");
    // --excel: the same CSV after a byte order mark.
    let excel_path = temp_path("quotes.excel.csv");
    let run = bin()
        .args(["table", "quotes", "--excel"])
        .arg(&out)
        .arg("-o")
        .arg(&excel_path)
        .output()
        .unwrap();
    assert!(run.status.success());
    let excel = std::fs::read_to_string(&excel_path).unwrap();
    assert_eq!(excel.strip_prefix('\u{feff}'), Some(csv.as_str()));
    for layer in ["clusters", "dates", "stances", "target_sentiment"] {
        let run = bin().args(["table", layer]).arg(&out).output().unwrap();
        assert!(run.status.success(), "{layer}");
        assert!(
            String::from_utf8_lossy(&run.stdout).starts_with("article_id,title,url,"),
            "{layer}"
        );
    }
    // Not byline output: a clear error with the line number.
    let bad = temp_path("not-output.jsonl");
    std::fs::write(&bad, "{\"text\": \"an input record\"}\n").unwrap();
    let run = bin().args(["table", "quotes"]).arg(&bad).output().unwrap();
    assert_eq!(run.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&run.stderr).contains("line 1 is not a byline output record"));
}

#[test]
fn tokens_add_output_and_only_parse_lets_the_extractors_read_the_parse() {
    let input = temp_path("parse.jsonl");
    write_lines(&input, &articles());
    let run = |name: &str, args: &[&str]| {
        let out = temp_path(name);
        assert!(extract_to(&out, &input, args).status().unwrap().success());
        let text = std::fs::read_to_string(&out).unwrap();
        text.lines()
            .map(|l| serde_json::from_str::<serde_json::Value>(l).unwrap())
            .collect::<Vec<_>>()
    };
    let plain = run("parse.plain.jsonl", &["-q"]);
    let tokens = run("parse.tokens.jsonl", &["-q", "--tokens"]);
    assert!(
        tokens
            .iter()
            .any(|r| r["tokens"].as_array().is_some_and(|t| !t.is_empty()))
    );
    let without_tokens: Vec<_> = tokens
        .into_iter()
        .map(|mut r| {
            let o = r.as_object_mut().unwrap();
            o.remove("tokens");
            o.remove("sentences");
            r
        })
        .collect();
    assert_eq!(without_tokens, plain);
    let parsed = run("parse.parsed.jsonl", &["-q", "--parse"]);
    assert_eq!(parsed.len(), plain.len());
    assert!(parsed.iter().all(|r| r.get("tokens").is_none()));
}
