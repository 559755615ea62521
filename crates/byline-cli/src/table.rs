//! `byline table LAYER OUT.jsonl -o quotes.csv`: one layer of `byline extract`'s output
//! as a CSV or TSV table for spreadsheets, with the same columns as Python's
//! `byline.to_rows` (`python/byline/tables.py`, `COLUMNS`) and the fields kept with
//! `--keep` after `article_id`.

use byline::OutputRecord;
use byline_read::open;
use clap::{Args, ValueEnum};
use serde_json::Value;
use std::io::{self, BufRead, Write};
use std::path::{Path, PathBuf};

/// The layers `byline table` writes.
#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum TableLayer {
    /// One row per entity mention.
    Entities,
    /// One row per entity cluster.
    Clusters,
    /// One row per mention: names, pronouns and descriptions with their cluster.
    Mentions,
    /// One row per quote (speaker, cue, date, content).
    Quotes,
    /// One row per temporal expression.
    Dates,
    /// One row per stance.
    Stances,
    /// One row per target-sentiment entry.
    #[value(name = "target_sentiment")]
    TargetSentiment,
}

/// Options of `byline table`.
#[derive(Args, Debug)]
pub struct TableArgs {
    /// The layer to tabulate.
    layer: TableLayer,
    /// byline's output (JSONL or JSONL.gz), as written by `byline extract`.
    input: PathBuf,
    /// The table: ".tsv" writes tab-separated values, anything else CSV; standard
    /// output (CSV) when absent.
    #[arg(short, long)]
    output: Option<PathBuf>,
    /// Start the table with a UTF-8 byte order mark, so that Excel on Windows reads the
    /// names and quotes in it as UTF-8.
    #[arg(long)]
    excel: bool,
}

impl TableLayer {
    /// Column names after `article_id`, as in Python's `byline.tables.COLUMNS`.
    pub fn columns(self) -> &'static [&'static str] {
        match self {
            TableLayer::Entities => &["start", "end", "text", "label", "cluster", "cluster_name"],
            TableLayer::Clusters => &["cluster", "name", "label", "mentions", "roles"],
            TableLayer::Mentions => &["start", "end", "text", "kind", "cluster", "cluster_name"],
            TableLayer::Quotes => &[
                "quote",
                "start",
                "end",
                "kind",
                "speaker",
                "speaker_cluster",
                "cue",
                "date",
                "date_text",
                "content",
                "text",
                "speaker_kind",
                "score",
                "act",
            ],
            TableLayer::Dates => &["start", "end", "text", "type", "value"],
            TableLayer::Stances => &[
                "holder",
                "holder_cluster",
                "target",
                "target_cluster",
                "polarity",
                "score",
                "channel",
                "quote",
                "evidence",
                "target_kind",
            ],
            TableLayer::TargetSentiment => &["start", "end", "text", "cluster", "cluster_name", "polarity", "score"],
        }
    }

    /// The rows of this layer in one record: the values of [`TableLayer::columns`].
    fn rows(self, r: &OutputRecord) -> Vec<Vec<Value>> {
        let cluster_name = |c: Option<usize>| c.and_then(|c| r.clusters.get(c)).map(|c| c.name.clone());
        match self {
            TableLayer::Entities => r
                .entities
                .iter()
                .map(|e| {
                    vec![
                        v(e.start),
                        v(e.end),
                        v(e.text.clone()),
                        json(&e.label),
                        v(e.cluster),
                        v(cluster_name(Some(e.cluster))),
                    ]
                })
                .collect(),
            TableLayer::Clusters => r
                .clusters
                .iter()
                .map(|c| {
                    vec![
                        v(c.id),
                        v(c.name.clone()),
                        json(&c.label),
                        v(c.mentions.len()),
                        v(c.roles.join("; ")),
                    ]
                })
                .collect(),
            TableLayer::Mentions => r
                .mentions
                .iter()
                .map(|m| {
                    vec![
                        v(m.start),
                        v(m.end),
                        v(m.text.clone()),
                        json(&m.kind),
                        v(m.cluster),
                        v(cluster_name(Some(m.cluster))),
                    ]
                })
                .collect(),
            TableLayer::Quotes => r
                .quotes
                .iter()
                .enumerate()
                .map(|(i, q)| {
                    let date = q.date.and_then(|d| r.dates.get(d));
                    vec![
                        v(i),
                        v(q.start),
                        v(q.end),
                        json(&q.kind),
                        v(q.speaker.as_ref().map(|s| s.name.clone())),
                        v(q.speaker.as_ref().and_then(|s| s.cluster)),
                        v(q.cue.as_ref().map(|c| c.text.clone())),
                        v(date.map(|d| d.value.clone())),
                        v(date.map(|d| d.text.clone())),
                        v(q.content.clone()),
                        v(q.text.clone()),
                        v(q.speaker.as_ref().map(|s| s.kind.as_str())),
                        v(q.score),
                        v(q.act.as_str()),
                    ]
                })
                .collect(),
            TableLayer::Dates => r
                .dates
                .iter()
                .map(|d| {
                    vec![
                        v(d.start),
                        v(d.end),
                        v(d.text.clone()),
                        json(&d.kind),
                        v(d.value.clone()),
                    ]
                })
                .collect(),
            TableLayer::Stances => r
                .stances
                .iter()
                .map(|s| {
                    vec![
                        v(s.holder.name.clone()),
                        v(s.holder.cluster),
                        v(s.target.text.clone()),
                        v(s.target.cluster),
                        json(&s.polarity),
                        v(s.score),
                        json(&s.channel),
                        v(s.quote),
                        v(s.evidence.text.clone()),
                        json(&s.target.kind),
                    ]
                })
                .collect(),
            TableLayer::TargetSentiment => r
                .target_sentiment
                .iter()
                .map(|t| {
                    vec![
                        v(t.start),
                        v(t.end),
                        v(t.text.clone()),
                        v(t.cluster),
                        v(cluster_name(t.cluster)),
                        json(&t.polarity),
                        v(t.score),
                    ]
                })
                .collect(),
        }
    }
}

fn v(x: impl Into<Value>) -> Value {
    x.into()
}

/// A value as the JSON output writes it (enums by their names: "PER", "direct" …).
fn json<T: serde::Serialize>(value: &T) -> Value {
    serde_json::to_value(value).unwrap_or(Value::Null)
}

/// A cell: strings as they are, numbers in JSON form, null as an empty cell, anything
/// else (a kept list or object) as JSON text.
fn cell(value: &Value) -> String {
    match value {
        Value::Null => String::new(),
        Value::String(s) => s.clone(),
        other => other.to_string(),
    }
}

/// Reads every output record of `path`, calling `each` in order; a line that is not an
/// output record stops with its line number.
fn for_each_record(path: &Path, mut each: impl FnMut(OutputRecord) -> Result<(), String>) -> Result<(), String> {
    let reader = open(path).map_err(|e| e.to_string())?;
    for (n, line) in reader.split(b'\n').enumerate() {
        let line = line.map_err(|e| format!("{}: {e}", path.display()))?;
        if line.iter().all(u8::is_ascii_whitespace) {
            continue;
        }
        let record: OutputRecord = serde_json::from_slice(&line)
            .map_err(|e| format!("{} line {} is not a byline output record: {e}", path.display(), n + 1))?;
        each(record)?;
    }
    Ok(())
}

/// Runs `byline table`; returns how many rows were written.
pub fn run(args: TableArgs) -> Result<usize, String> {
    if args.input == Path::new("-") || args.input.is_dir() {
        return Err(format!(
            "{} must be a file of byline output (it is read twice: once for the kept fields' names)",
            args.input.display()
        ));
    }
    // First pass: the names of the kept fields, in order of first appearance.
    let mut kept: Vec<String> = Vec::new();
    for_each_record(&args.input, |record| {
        for key in record.meta.iter().flat_map(|m| m.keys()) {
            if !kept.contains(key) {
                kept.push(key.clone());
            }
        }
        Ok(())
    })?;
    let columns = args.layer.columns();
    let tsv = args
        .output
        .as_ref()
        .is_some_and(|p| p.extension().is_some_and(|e| e == "tsv"));
    let mut sink: Box<dyn Write> = match &args.output {
        Some(p) => Box::new(std::fs::File::create(p).map_err(|e| format!("{}: {e}", p.display()))?),
        None => Box::new(io::stdout().lock()),
    };
    if args.excel {
        sink.write_all("\u{feff}".as_bytes())
            .map_err(|e| format!("writing the table: {e}"))?;
    }
    let mut writer = csv::WriterBuilder::new()
        .delimiter(if tsv { b'\t' } else { b',' })
        .from_writer(io::BufWriter::new(sink));
    let write_err = |e: csv::Error| format!("writing the table: {e}");
    let mut header = vec!["article_id".to_owned()];
    header.extend(kept.iter().map(|k| {
        if columns.contains(&k.as_str()) {
            format!("meta.{k}")
        } else {
            k.clone()
        }
    }));
    header.extend(columns.iter().map(|c| c.to_string()));
    writer.write_record(&header).map_err(write_err)?;
    let mut rows = 0;
    for_each_record(&args.input, |record| {
        let meta: Vec<String> = kept
            .iter()
            .map(|k| {
                record
                    .meta
                    .as_ref()
                    .and_then(|m| m.get(k))
                    .map_or_else(String::new, cell)
            })
            .collect();
        for values in args.layer.rows(&record) {
            let mut row = Vec::with_capacity(header.len());
            row.push(record.id.clone());
            row.extend(meta.iter().cloned());
            row.extend(values.iter().map(cell));
            writer.write_record(&row).map_err(write_err)?;
            rows += 1;
        }
        Ok(())
    })?;
    writer.flush().map_err(|e| format!("writing the table: {e}"))?;
    Ok(rows)
}
