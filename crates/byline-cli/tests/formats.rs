//! Input formats: a CSV or TSV export, a JSON array and a JSONL with feed dates give the
//! same analysis as the clean JSONL (text written for byline); a missing text column is
//! one usage error before any output.

use serde_json::Value;
use std::path::Path;

mod common;

const FIRST: &str = "“The ferry will sail on Friday,” said Tom Reyes, the harbour master. \"We are ready.\"\n\
                     Councillor Amara Okafor criticised the Harbour Board, which opposes the new timetable.";
const SECOND: &str =
    "Amara Okafor said on Monday that the plan was sound, and Westport Ferries welcomed the timetable.";

/// Runs `byline extract` on `input` with `args`; the records, or the failure's stderr.
fn extract(input: &Path, args: &[&str]) -> Result<Vec<Value>, String> {
    let output = input.with_extension("out.jsonl");
    let _ = std::fs::remove_file(&output);
    let run = common::bin()
        .args(["extract", "-q"])
        .arg(input)
        .arg("-o")
        .arg(&output)
        .args(args)
        .output()
        .unwrap();
    if !run.status.success() {
        return Err(String::from_utf8_lossy(&run.stderr).into_owned());
    }
    let text = std::fs::read_to_string(&output).unwrap();
    Ok(text.lines().map(|l| serde_json::from_str(l).unwrap()).collect())
}

/// The analysis of a record: everything but where it came from.
fn analysis(record: &Value) -> Value {
    let mut r = record.clone();
    r.as_object_mut().unwrap().remove("meta");
    r
}

fn write(name: &str, content: &str) -> std::path::PathBuf {
    let path = common::temp("formats", name);
    std::fs::write(&path, content).unwrap();
    path
}

fn csv_field(s: &str) -> String {
    format!("\"{}\"", s.replace('"', "\"\""))
}

#[test]
fn every_format_gives_the_analysis_of_the_clean_jsonl() {
    let clean = [
        serde_json::json!({"id": "a1", "text": FIRST, "published": "2024-03-07"}),
        serde_json::json!({"id": "a2", "text": SECOND, "published": "2024-03-08"}),
    ];
    let jsonl: String = clean.iter().map(|r| format!("{r}\n")).collect();
    let expected = extract(&write("clean.jsonl", &jsonl), &[]).unwrap();
    assert_eq!(expected.len(), 2);
    assert!(!expected[0]["quotes"].as_array().unwrap().is_empty());

    // A journalist's export: a BOM, other column names, a quoted newline, RSS dates.
    let csv = format!(
        "\u{feff}doc,headline,body,date\na1,Ferry,{},\"Thu, 07 Mar 2024 10:00:00 GMT\"\na2,Plan,{},\"March 8, 2024\"\n",
        csv_field(FIRST),
        csv_field(SECOND)
    );
    let renamed = ["--text-field", "body", "--id-field", "doc", "--published-field", "date"];
    let from_csv = extract(&write("export.csv", &csv), &renamed).unwrap();
    assert_eq!(from_csv.iter().map(analysis).collect::<Vec<_>>(), expected);

    let tsv = format!(
        "id\ttext\tpublished\na1\t{}\t1709805600\na2\t{}\t1709892000000\n",
        csv_field(FIRST),
        csv_field(SECOND)
    );
    let from_tsv = extract(&write("export.tsv", &tsv), &[]).unwrap();
    assert_eq!(from_tsv, expected);

    let array = serde_json::to_string(&clean).unwrap();
    assert_eq!(extract(&write("array.json", &array), &[]).unwrap(), expected);

    let feed: String = [
        serde_json::json!({"guid": "a1", "content": FIRST, "pubDate": "Thu, 07 Mar 2024 10:00:00 GMT"}),
        serde_json::json!({"guid": "a2", "content": SECOND, "pubDate": "Fri, 08 Mar 2024 09:00:00 +0100"}),
    ]
    .iter()
    .map(|r| format!("{r}\n"))
    .collect();
    let feed_args = [
        "--text-field",
        "content",
        "--id-field",
        "guid",
        "--published-field",
        "pubDate",
    ];
    assert_eq!(extract(&write("feed.jsonl", &feed), &feed_args).unwrap(), expected);
    // --format overrides detection: the same CSV read as JSONL is an error record a line.
    let forced = extract(&write("forced.csv", &csv), &["--format", "jsonl"]).unwrap();
    assert!(forced.iter().all(|r| r["error"].is_string()), "{forced:?}");
}

#[test]
fn a_missing_text_column_is_one_usage_error_before_any_output() {
    let path = write("no_text.csv", "id,title,body\n1,x,y\n");
    let output = path.with_extension("out.jsonl");
    let _ = std::fs::remove_file(&output);
    let run = common::bin()
        .args(["extract", "-q"])
        .arg(&path)
        .arg("-o")
        .arg(&output)
        .output()
        .unwrap();
    assert_eq!(run.status.code(), Some(2));
    let stderr = String::from_utf8_lossy(&run.stderr);
    assert!(
        stderr.contains("no column \"text\"") && stderr.contains("\"body\""),
        "{stderr}"
    );
    assert!(!output.exists());
}

#[test]
fn bad_csv_rows_are_error_records_and_nothing_is_lost() {
    // A ragged row, a row that is no UTF-8, an empty text: three records, in order.
    let mut bytes = b"id,text\n1,Tom Reyes said the ferry would sail.,extra\n2,caf\xe9 closed\n3,\n".to_vec();
    bytes.extend_from_slice(b"4,\"Amara Okafor said \"\"yes\"\".\"\n");
    let path = common::temp("formats", "bad.csv");
    std::fs::write(&path, &bytes).unwrap();
    let records = extract(&path, &[]).unwrap();
    let ids: Vec<&str> = records.iter().map(|r| r["id"].as_str().unwrap()).collect();
    assert_eq!(ids, ["1", "2", "3", "4"]);
    assert!(records[0]["error"].is_null() && records[3]["error"].is_null());
    assert!(
        records[1]["error"].as_str().unwrap().contains("row cannot be read"),
        "{:?}",
        records[1]
    );
}

#[test]
fn the_end_of_a_run_shows_the_first_errors_and_a_format_hint() {
    let path = write("hint.csv", "id,text\n1,a\n2,b\n3,c\n4,d\n");
    let run = common::bin()
        .args(["extract", "--format", "jsonl"])
        .arg(&path)
        .arg("-o")
        .arg(path.with_extension("out.jsonl"))
        .output()
        .unwrap();
    assert!(run.status.success());
    let stderr = String::from_utf8_lossy(&run.stderr);
    assert!(stderr.contains("byline: record 1: invalid JSON"), "{stderr}");
    assert!(
        stderr.contains("record 3:") && !stderr.contains("record 4:"),
        "{stderr}"
    );
    assert!(stderr.contains("and 2 more errors"), "{stderr}");
    assert!(
        stderr.contains("line 1 is not JSON; it looks like CSV: use --format csv"),
        "{stderr}"
    );
}

/// An article page as a scraper saves it: navigation, an ad, a script holding quote
/// marks, character references for the quotation marks.
fn page(title: &str, body: &str) -> String {
    let paragraphs: String = body
        .split('\n')
        .map(|p| format!("<p>{}</p>\n", p.replace('“', "&ldquo;").replace('”', "&rdquo;")))
        .collect();
    format!(
        "<!DOCTYPE html><html><head><title>{title}</title><style>p {{ margin: 0 }}</style></head>\
         <body><nav><a href=\"/\">Home</a> | <a href=\"/world\">World</a></nav><article>{paragraphs}</article>\
         <!-- ad --><aside class=\"ad\">Subscribe now!</aside>\
         <script>var s = \"“not a quote,” said nobody\"; if (a < b) {{}}</script></body></html>"
    )
}

#[test]
fn html_pages_give_the_analysis_of_their_text() {
    let clean = [
        serde_json::json!({"id": "a1", "text": FIRST.replace('\n', "\n\n")}),
        serde_json::json!({"id": "a2", "text": SECOND}),
    ];
    let jsonl: String = clean.iter().map(|r| format!("{r}\n")).collect();
    let expected = extract(&write("clean_pages.jsonl", &jsonl), &[]).unwrap();
    // A folder of pages: one article a file, the id its path, the record carrying the text.
    let dir = common::temp("formats", "pages");
    std::fs::create_dir_all(dir.join("world")).unwrap();
    std::fs::write(dir.join("a1.html"), page("Ferry", FIRST)).unwrap();
    std::fs::write(dir.join("world/a2.htm"), page("Plan", SECOND)).unwrap();
    std::fs::write(dir.join("notes.md"), "not an article").unwrap();
    let from_pages = extract(&dir, &[]).unwrap();
    assert_eq!(from_pages.len(), 2);
    for (page, clean) in from_pages.iter().zip(&expected) {
        assert!(page["id"].as_str().unwrap().ends_with(".html") || page["id"].as_str().unwrap().ends_with(".htm"));
        assert_eq!(page["text"].as_str().unwrap(), clean_text(clean, &jsonl));
        for layer in ["entities", "quotes", "stances", "dates"] {
            assert_eq!(page[layer], clean[layer], "{layer}");
        }
    }
    // HTML inside a JSON record's text is read the same way.
    let scraped: String = [("a1", FIRST), ("a2", SECOND)]
        .iter()
        .map(|(id, body)| format!("{}\n", serde_json::json!({"id": id, "text": page(id, body)})))
        .collect();
    let from_scraped = extract(&write("scraped.jsonl", &scraped), &[]).unwrap();
    for (page, clean) in from_scraped.iter().zip(&expected) {
        assert_eq!(page["quotes"], clean["quotes"]);
        assert!(page["text"].is_string());
    }
    // Every offset indexes the text the record carries.
    for record in from_pages.iter().chain(&from_scraped) {
        let text: Vec<char> = record["text"].as_str().unwrap().chars().collect();
        for e in record["entities"].as_array().unwrap() {
            let (s, t) = (
                e["start"].as_u64().unwrap() as usize,
                e["end"].as_u64().unwrap() as usize,
            );
            assert_eq!(text[s..t].iter().collect::<String>(), e["text"].as_str().unwrap());
        }
    }
}

/// The text of the clean record `record` as the input `jsonl` gave it.
fn clean_text(record: &Value, jsonl: &str) -> String {
    jsonl
        .lines()
        .map(|l| serde_json::from_str::<Value>(l).unwrap())
        .find(|r| r["id"] == record["id"])
        .map(|r| r["text"].as_str().unwrap().to_owned())
        .unwrap()
}
