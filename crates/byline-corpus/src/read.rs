//! Step 1: read `byline extract` output, streaming, keeping only what linking needs —
//! each article's id, date and source, its PER/ORG clusters (name, mention texts, roles)
//! and its quotes (content and speaker cluster). Lines are parsed in parallel chunks and
//! kept in input order; nothing of an article's text is kept.

use crate::Warnings;
use jiff::civil::Date;
use rayon::prelude::*;
use serde::{Deserialize, Serialize};
use serde_json::Value;
use std::collections::{BTreeMap, HashSet};
use std::io::BufRead;
use std::path::PathBuf;

/// PER or ORG: the labels a corpus identity can have.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Label {
    /// A person.
    Per,
    /// An organisation.
    Org,
}

impl Label {
    /// "PER" or "ORG", as in extract's output.
    pub fn as_str(self) -> &'static str {
        match self {
            Label::Per => "PER",
            Label::Org => "ORG",
        }
    }
}

/// One analysed article (an extract record without error).
#[derive(Clone, Debug)]
pub(crate) struct Article {
    pub id: String,
    /// Position among all input records (0-based, across files).
    pub record: usize,
    pub published: Option<Date>,
    pub source: Option<String>,
}

/// A PER/ORG cluster of one article.
#[derive(Clone, Debug)]
pub(crate) struct ClusterRecord {
    pub article: u32,
    pub cluster: u32,
    pub label: Label,
    pub name: String,
    /// Distinct texts of its name mentions, in text order.
    pub variants: Vec<String>,
    pub roles: Vec<String>,
}

/// A quote of one article.
#[derive(Clone, Debug)]
pub(crate) struct QuoteRecord {
    pub article: u32,
    pub index: u32,
    /// The quote's own words (`content`, else `text`).
    pub content: String,
    /// Index into the article's clusters, when the speaker was resolved to one.
    pub speaker_cluster: Option<u32>,
}

/// Everything read from the input.
#[derive(Debug, Default)]
pub(crate) struct Input {
    pub articles: Vec<Article>,
    pub clusters: Vec<ClusterRecord>,
    pub quotes: Vec<QuoteRecord>,
    /// Extract records that carry an error: (record, id, message).
    pub failed: Vec<(usize, String, String)>,
    /// Input lines that are no extract record at all.
    pub unreadable: usize,
    /// Bytes of JSON read.
    pub bytes: u64,
}

#[derive(Deserialize)]
#[serde(untagged)]
enum Id {
    Text(String),
    Number(serde_json::Number),
    Other(Value),
}

#[derive(Deserialize)]
struct SlimRecord {
    #[serde(default)]
    id: Option<Id>,
    #[serde(default)]
    error: Option<Value>,
    #[serde(default)]
    published: Option<Value>,
    #[serde(default)]
    meta: Option<BTreeMap<String, Value>>,
    #[serde(default)]
    entities: Vec<SlimEntity>,
    #[serde(default)]
    clusters: Vec<SlimCluster>,
    #[serde(default)]
    quotes: Vec<SlimQuote>,
}

#[derive(Deserialize, Serialize)]
struct SlimEntity {
    text: String,
    cluster: usize,
}

#[derive(Deserialize, Serialize)]
struct SlimCluster {
    name: String,
    label: String,
    #[serde(default)]
    mentions: Vec<usize>,
    #[serde(default)]
    roles: Vec<String>,
}

#[derive(Deserialize, Serialize)]
struct SlimQuote {
    #[serde(default, skip_serializing_if = "String::is_empty")]
    text: String,
    #[serde(default)]
    content: String,
    #[serde(default)]
    speaker: Option<SlimSpeaker>,
}

impl SlimQuote {
    /// The quote's own words, taken out: `content`, else `text` (records older than
    /// `content`).
    fn take_words(&mut self) -> String {
        if self.content.is_empty() {
            std::mem::take(&mut self.text)
        } else {
            std::mem::take(&mut self.content)
        }
    }
}

#[derive(Deserialize, Serialize)]
struct SlimSpeaker {
    #[serde(default)]
    cluster: Option<usize>,
}

/// One input line, parsed.
enum Parsed {
    Blank,
    Article {
        article: Article,
        clusters: Vec<ClusterRecord>,
        quotes: Vec<QuoteRecord>,
        warnings: Vec<String>,
    },
    Failed(String, String),
    Unreadable(String),
}

/// Where extract records are read from.
#[derive(Clone, Debug)]
pub enum Source {
    /// A JSONL or JSONL.gz file ("-": standard input).
    File(PathBuf),
    /// JSON lines in memory, with a name for messages.
    Lines(String, String),
}

impl Source {
    fn name(&self) -> String {
        match self {
            Source::File(path) => path.display().to_string(),
            Source::Lines(name, _) => name.clone(),
        }
    }
}

/// Where each line came from, for messages.
struct LineAt {
    file: usize,
    line: usize,
    record: usize,
}

/// Lines parsed in parallel at once: at most this many, and at most `CHUNK_BYTES`.
const CHUNK_LINES: usize = 4096;
const CHUNK_BYTES: usize = 8 << 20;

/// Reads every input file in order (".gz" or plain; "-" is standard input). `source_field`
/// names the `meta` key whose value is an occurrence's source.
pub(crate) fn read_inputs(inputs: &[Source], source_field: &str, warnings: &mut Warnings) -> Result<Input, String> {
    let mut input = Input::default();
    let mut seen_ids: HashSet<String> = HashSet::new();
    let mut record = 0usize;
    for (file, source) in inputs.iter().enumerate() {
        let mut reader: Box<dyn BufRead + Send + '_> = match source {
            Source::File(path) => byline_read::open(path).map_err(|e| e.to_string())?,
            Source::Lines(_, text) => Box::new(text.as_bytes()),
        };
        let mut line_no = 0usize;
        loop {
            let mut chunk: Vec<(LineAt, String)> = Vec::new();
            let mut chunk_bytes = 0;
            while chunk.len() < CHUNK_LINES && chunk_bytes < CHUNK_BYTES {
                let mut line = String::new();
                let n = reader
                    .read_line(&mut line)
                    .map_err(|e| format!("{}: line {}: {e}", source.name(), line_no + 1))?;
                if n == 0 {
                    break;
                }
                line_no += 1;
                input.bytes += n as u64;
                chunk_bytes += n;
                if line.trim().is_empty() {
                    continue;
                }
                chunk.push((
                    LineAt {
                        file,
                        line: line_no,
                        record,
                    },
                    line,
                ));
                record += 1;
            }
            if chunk.is_empty() {
                break;
            }
            let parsed: Vec<(LineAt, Parsed)> = chunk
                .into_par_iter()
                .map(|(at, line)| {
                    let parsed = parse_line(&line, at.record, source_field);
                    (at, parsed)
                })
                .collect();
            for (at, parsed) in parsed {
                let place = || format!("{}:{}", inputs[at.file].name(), at.line);
                match parsed {
                    Parsed::Blank => {}
                    Parsed::Unreadable(message) => {
                        input.unreadable += 1;
                        warnings.push(
                            "unreadable",
                            format!("{}: not an extract record, skipped: {message}", place()),
                        );
                    }
                    Parsed::Failed(id, message) => {
                        warnings.push(
                            "error_record",
                            format!("{id} ({}): an error record, nothing to link: {message}", place()),
                        );
                        input.failed.push((at.record, id, message));
                    }
                    Parsed::Article {
                        article,
                        mut clusters,
                        mut quotes,
                        warnings: own,
                    } => {
                        for w in own {
                            warnings.push("record", format!("{} ({}): {w}", article.id, place()));
                        }
                        if !seen_ids.insert(article.id.clone()) {
                            warnings.push(
                                "duplicate_id",
                                format!(
                                    "{} ({}): an article id seen before; both records are linked, told apart by `record` ({})",
                                    article.id,
                                    place(),
                                    article.record
                                ),
                            );
                        }
                        let index = u32::try_from(input.articles.len()).map_err(|_| "more than 4 billion articles")?;
                        for c in &mut clusters {
                            c.article = index;
                        }
                        for q in &mut quotes {
                            q.article = index;
                        }
                        input.articles.push(article);
                        input.clusters.extend(clusters);
                        input.quotes.extend(quotes);
                    }
                }
            }
        }
    }
    Ok(input)
}

fn parse_line(line: &str, record: usize, source_field: &str) -> Parsed {
    let line = line.trim();
    if line.is_empty() {
        return Parsed::Blank;
    }
    let slim: SlimRecord = match serde_json::from_str(line) {
        Ok(r) => r,
        Err(e) => return Parsed::Unreadable(e.to_string()),
    };
    let id = match slim.id {
        Some(Id::Text(s)) => s,
        Some(Id::Number(n)) => n.to_string(),
        Some(Id::Other(v)) => v.to_string(),
        None => format!("record-{record}"),
    };
    match slim.error {
        None | Some(Value::Null) => {}
        Some(Value::String(message)) => return Parsed::Failed(id, message),
        Some(other) => return Parsed::Failed(id, other.to_string()),
    }
    let mut warnings = Vec::new();
    let published = match slim.published {
        None | Some(Value::Null) => {
            warnings.push("no `published` date: its quotes come after every dated copy".to_string());
            None
        }
        Some(Value::String(s)) => match read_date(&s) {
            Some(d) => Some(d),
            None => {
                warnings.push(format!(
                    "unreadable `published` {s:?} (YYYY-MM-DD expected): read as undated"
                ));
                None
            }
        },
        Some(other) => {
            warnings.push(format!(
                "unreadable `published` {other} (YYYY-MM-DD expected): read as undated"
            ));
            None
        }
    };
    let source = slim
        .meta
        .as_ref()
        .and_then(|m| m.get(source_field))
        .and_then(|v| match v {
            Value::Null => None,
            Value::String(s) => Some(s.clone()),
            other => Some(other.to_string()),
        });
    let mut clusters = Vec::new();
    let cluster_count = slim.clusters.len();
    for (index, c) in slim.clusters.into_iter().enumerate() {
        let label = match c.label.as_str() {
            "PER" => Label::Per,
            "ORG" => Label::Org,
            _ => continue,
        };
        let mut variants: Vec<String> = Vec::new();
        for &m in &c.mentions {
            match slim.entities.get(m) {
                Some(e) if e.cluster == index => {
                    if !variants.iter().any(|v| v == &e.text) {
                        variants.push(e.text.clone());
                    }
                }
                _ => warnings.push(format!(
                    "cluster {index} lists mention {m}, which is not one of its entities: ignored"
                )),
            }
        }
        clusters.push(ClusterRecord {
            article: 0,
            cluster: index as u32,
            label,
            name: c.name,
            variants,
            roles: c.roles,
        });
    }
    let quotes = slim
        .quotes
        .into_iter()
        .enumerate()
        .map(|(index, mut q)| {
            let content = q.take_words();
            let speaker_cluster = q.speaker.and_then(|s| s.cluster).and_then(|c| {
                if c < cluster_count {
                    Some(c as u32)
                } else {
                    warnings.push(format!(
                        "quote {index}: speaker cluster {c} does not exist: read as unresolved"
                    ));
                    None
                }
            });
            QuoteRecord {
                article: 0,
                index: index as u32,
                content,
                speaker_cluster,
            }
        })
        .collect();
    Parsed::Article {
        article: Article {
            id,
            record,
            published,
            source,
        },
        clusters,
        quotes,
        warnings,
    }
}

/// One extract record cut down to what linking reads, as a JSON line, from the columns
/// `byline.dask.extract` gives (each layer as JSON text): what a Dask partition sends to
/// the linker. A layer that is no JSON list makes an error record with the id.
#[allow(clippy::too_many_arguments)]
pub fn slim_record(
    id: &str,
    error: Option<&str>,
    published: Option<&str>,
    source: Option<&str>,
    source_field: &str,
    entities: &str,
    clusters: &str,
    quotes: &str,
) -> String {
    fn layer<T: for<'de> Deserialize<'de>>(name: &str, json: &str) -> Result<Vec<T>, String> {
        if json.trim().is_empty() {
            return Ok(Vec::new());
        }
        serde_json::from_str(json).map_err(|e| format!("the {name} column is not byline's JSON: {e}"))
    }
    let layers = (|| {
        Ok::<_, String>((
            layer::<SlimEntity>("entities", entities)?,
            layer::<SlimCluster>("clusters", clusters)?,
            layer::<SlimQuote>("quotes", quotes)?,
        ))
    })();
    let record = match (error, layers) {
        (Some(e), _) => serde_json::json!({"id": id, "error": e}),
        (None, Err(e)) => serde_json::json!({"id": id, "error": e}),
        (None, Ok((entities, clusters, quotes))) => {
            let quotes: Vec<SlimQuote> = quotes
                .into_iter()
                .map(|mut q| SlimQuote {
                    content: q.take_words(),
                    text: String::new(),
                    speaker: q.speaker,
                })
                .collect();
            let mut meta = serde_json::Map::new();
            if let Some(s) = source {
                meta.insert(source_field.to_string(), Value::String(s.to_string()));
            }
            serde_json::json!({
                "id": id, "error": null, "published": published, "meta": meta,
                "entities": entities, "clusters": clusters, "quotes": quotes,
            })
        }
    };
    record.to_string()
}

/// `YYYY-MM-DD`, or the date part of an RFC 3339 timestamp.
fn read_date(s: &str) -> Option<Date> {
    let s = s.trim();
    let head = s.get(..10).unwrap_or(s);
    head.parse::<Date>().ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_record_keeps_only_per_org_clusters_and_resolved_speakers() {
        let line = r#"{"id":7,"error":null,"published":"2020-01-02","meta":{"source":"Daily"},
            "entities":[{"start":0,"end":3,"text":"Ann","label":"PER","cluster":0},{"start":5,"end":10,"text":"Paris","label":"LOC","cluster":1}],
            "clusters":[{"id":0,"name":"Ann Lee","label":"PER","mentions":[0],"roles":["mayor"]},{"id":1,"name":"Paris","label":"LOC","mentions":[1],"roles":[]}],
            "quotes":[{"text":"a","content":"We won","speaker":{"cluster":0}},{"text":"b","speaker":{"cluster":9}}]}"#;
        let Parsed::Article {
            article,
            clusters,
            quotes,
            warnings,
        } = parse_line(line, 3, "source")
        else {
            panic!("not read");
        };
        assert_eq!(article.id, "7");
        assert_eq!(article.source.as_deref(), Some("Daily"));
        assert_eq!(article.published.map(|d| d.to_string()).as_deref(), Some("2020-01-02"));
        assert_eq!(clusters.len(), 1);
        assert_eq!(clusters[0].variants, vec!["Ann"]);
        assert_eq!(quotes[0].content, "We won");
        assert_eq!(quotes[0].speaker_cluster, Some(0));
        assert_eq!(quotes[1].content, "b");
        assert_eq!(quotes[1].speaker_cluster, None);
        assert_eq!(warnings.len(), 1);
    }

    #[test]
    fn error_records_and_bad_dates_are_told_apart() {
        assert!(matches!(
            parse_line(r#"{"id":"x","error":"too long"}"#, 0, "source"),
            Parsed::Failed(..)
        ));
        assert!(matches!(parse_line("not json", 0, "source"), Parsed::Unreadable(..)));
        let Parsed::Article { article, warnings, .. } = parse_line(r#"{"id":"y","published":"last week"}"#, 0, "s")
        else {
            panic!("not read");
        };
        assert!(article.published.is_none());
        assert!(warnings[0].contains("unreadable `published`"));
    }
}
