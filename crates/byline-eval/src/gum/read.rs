//! Reading GUM's CoNLL-U documents as `../shared/eval/eval_gum.py` does: the text rebuilt
//! from the surface tokens (sentences joined by a space, paragraphs by "\n\n"), every
//! word's code-point span in it, and the `Entity=` brackets as mentions with their head
//! word, their label (PER/ORG/LOC for person/organization/place mentions headed by a
//! proper noun) and their name (the proper nouns around the head).

use crate::EvalError;
use std::collections::HashMap;
use std::path::{Path, PathBuf};

/// One syntactic word of a GUM document.
#[derive(Clone, Debug)]
pub struct GumWord {
    /// Its form.
    pub form: String,
    /// Its universal part of speech.
    pub upos: String,
    /// Its Penn tag.
    pub xpos: String,
    /// Index of its syntactic head in the document's words (`None` for a root).
    pub head: Option<usize>,
    /// First code point in the document's text.
    pub start: usize,
    /// One past its last code point.
    pub end: usize,
    /// Index of its sentence.
    pub sentence: usize,
    entity: String,
}

/// One gold mention (a bracket of `Entity=`).
#[derive(Clone, Debug)]
pub struct GumMention {
    /// Its chain: mentions with the same id corefer.
    pub chain: String,
    /// GUM's entity type (person, organization, place, event …).
    pub etype: String,
    /// First word (index into the document's words).
    pub first: usize,
    /// Last word.
    pub last: usize,
    /// The first word whose syntactic head lies outside the mention.
    pub head: usize,
    /// PER, ORG or LOC for a named person, organisation or place.
    pub label: Option<&'static str>,
    /// First and last word of its name (named mentions only).
    pub name: Option<(usize, usize)>,
}

/// One GUM document.
#[derive(Clone, Debug, Default)]
pub struct GumDoc {
    /// `# newdoc id`.
    pub id: String,
    /// The rebuilt text.
    pub text: String,
    /// Its words in order.
    pub words: Vec<GumWord>,
    /// Its mentions, ordered by first word, longer first.
    pub mentions: Vec<GumMention>,
    /// Where the file did not read as expected.
    pub warnings: Vec<String>,
    /// Fields of a bracket (`# global.Entity`).
    fields: Vec<String>,
    /// Mentions opened and not yet closed, by chain.
    open: HashMap<String, Vec<GumMention>>,
    chars: usize,
}

impl GumDoc {
    /// The code-point span of word `i`.
    pub fn span(&self, i: usize) -> (usize, usize) {
        (self.words[i].start, self.words[i].end)
    }

    /// The text of a named mention's name.
    pub fn name_text(&self, m: &GumMention) -> &str {
        let (a, b) = m.name.unwrap_or((m.head, m.head));
        slice_chars(&self.text, self.words[a].start, self.words[b].end)
    }

    /// The text between two code points.
    pub fn slice(&self, start: usize, end: usize) -> &str {
        slice_chars(&self.text, start, end)
    }
}

/// The substring between code points `start` and `end`.
pub(crate) fn slice_chars(text: &str, start: usize, end: usize) -> &str {
    let mut idx = text.char_indices().map(|(b, _)| b).chain(std::iter::once(text.len()));
    let b0 = idx.nth(start).unwrap_or(text.len());
    let b1 = if end > start {
        idx.nth(end - start - 1).unwrap_or(text.len())
    } else {
        b0
    };
    &text[b0..b1]
}

const DEFAULT_FIELDS: [&str; 8] = [
    "GRP",
    "etype",
    "infstat",
    "salience",
    "centering",
    "minspan",
    "link",
    "identity",
];

/// The `*.conllu` files of `path` (or `path` itself), sorted.
fn conllu_files(path: &Path) -> Result<Vec<PathBuf>, EvalError> {
    let io = |source| EvalError::Io {
        path: path.to_path_buf(),
        source,
    };
    if path.is_file() {
        return Ok(vec![path.to_path_buf()]);
    }
    let mut files: Vec<PathBuf> = std::fs::read_dir(path)
        .map_err(io)?
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "conllu"))
        .collect();
    files.sort();
    Ok(files)
}

/// Reads every document of the CoNLL-U file or folder at `path`.
pub fn read_gum(path: &Path) -> Result<Vec<GumDoc>, EvalError> {
    let mut docs = Vec::new();
    for file in conllu_files(path)? {
        let text = std::fs::read_to_string(&file).map_err(|source| EvalError::Io {
            path: file.clone(),
            source,
        })?;
        read_file(&file, &text, &mut docs)?;
    }
    Ok(docs)
}

fn stem(path: &Path) -> String {
    path.file_stem()
        .map(|s| s.to_string_lossy().into_owned())
        .unwrap_or_default()
}

fn new_doc(id: String) -> GumDoc {
    GumDoc {
        id,
        fields: DEFAULT_FIELDS.iter().map(|s| s.to_string()).collect(),
        ..GumDoc::default()
    }
}

fn read_file(path: &Path, source: &str, docs: &mut Vec<GumDoc>) -> Result<(), EvalError> {
    let mut doc: Option<GumDoc> = None;
    let mut rows: Vec<Vec<&str>> = Vec::new();
    let mut newpar = false;
    let flush = |doc: &mut Option<GumDoc>, rows: &mut Vec<Vec<&str>>, newpar: &mut bool| {
        if rows.is_empty() {
            return;
        }
        let d = doc.get_or_insert_with(|| new_doc(stem(path)));
        if d.chars > 0 || !d.words.is_empty() {
            let sep = if *newpar { "\n\n" } else { " " };
            d.text.push_str(sep);
            d.chars += sep.chars().count();
        }
        build_sentence(d, rows);
        rows.clear();
        *newpar = false;
    };
    let finish = |doc: Option<GumDoc>, docs: &mut Vec<GumDoc>| {
        if let Some(mut d) = doc {
            close_entities(&mut d);
            docs.push(d);
        }
    };
    for (n, raw) in source.split('\n').enumerate() {
        let line = raw.trim_end_matches('\r');
        if line.trim().is_empty() {
            flush(&mut doc, &mut rows, &mut newpar);
            continue;
        }
        if let Some(comment) = line.strip_prefix('#') {
            flush(&mut doc, &mut rows, &mut newpar);
            let c = comment.trim_start();
            if let Some(rest) = c.strip_prefix("newdoc") {
                let rest = rest.trim();
                let id = rest
                    .strip_prefix("id")
                    .map(|r| r.trim_start().trim_start_matches('=').trim().to_string())
                    .filter(|s| !s.is_empty())
                    .unwrap_or_else(|| stem(path));
                finish(doc.take(), docs);
                doc = Some(new_doc(id));
            } else if c == "newpar" || c.starts_with("newpar ") || c.starts_with("newpar\t") {
                newpar = true;
            } else if let Some(rest) = c.strip_prefix("global.Entity") {
                let value = rest.trim_start().trim_start_matches('=').trim();
                let d = doc.get_or_insert_with(|| new_doc(stem(path)));
                d.fields = value
                    .split_whitespace()
                    .next()
                    .unwrap_or("")
                    .split('-')
                    .map(str::to_string)
                    .collect();
            }
            continue;
        }
        let cols: Vec<&str> = line.split('\t').collect();
        if cols.len() != 10 {
            return Err(EvalError::Format {
                path: path.to_path_buf(),
                line: n + 1,
                message: "expected 10 tab-separated columns".into(),
            });
        }
        rows.push(cols);
    }
    flush(&mut doc, &mut rows, &mut newpar);
    finish(doc, docs);
    Ok(())
}

fn misc_value<'a>(misc: &'a str, key: &str) -> Option<&'a str> {
    if misc == "_" {
        return None;
    }
    misc.split('|')
        .find_map(|item| item.split_once('=').filter(|(k, _)| *k == key).map(|(_, v)| v))
}

fn build_sentence(doc: &mut GumDoc, rows: &[Vec<&str>]) {
    let sentence = doc.words.last().map_or(0, |w| w.sentence + 1);
    let first_word = doc.words.len();
    let mut ids: HashMap<&str, usize> = HashMap::new();
    let mut heads: Vec<(usize, String)> = Vec::new();
    let mut units: Vec<(&str, bool)> = Vec::new();
    let mut pos = doc.chars;
    let mut add = |doc: &mut GumDoc, cols: &[&str], start: usize, end: usize| {
        let gi = doc.words.len();
        doc.words.push(GumWord {
            form: cols[1].to_string(),
            upos: cols[3].to_string(),
            xpos: cols[4].to_string(),
            head: None,
            start,
            end,
            sentence,
            entity: misc_value(cols[9], "Entity").unwrap_or("").to_string(),
        });
        heads.push((gi, cols[6].to_string()));
        gi
    };
    let mut i = 0;
    while i < rows.len() {
        let cols = &rows[i];
        let id = cols[0];
        if id.contains('.') {
            i += 1;
            continue;
        }
        let space = misc_value(cols[9], "SpaceAfter") != Some("No");
        let surface_len = cols[1].chars().count();
        if let Some((a, b)) = id.split_once('-') {
            let count = b.parse::<usize>().unwrap_or(0) + 1 - a.parse::<usize>().unwrap_or(0);
            let mut sub = Vec::new();
            let mut j = i + 1;
            while j < rows.len() && sub.len() < count {
                if !rows[j][0].contains('.') && !rows[j][0].contains('-') {
                    sub.push(j);
                }
                j += 1;
            }
            let exact = sub.iter().map(|&k| rows[k][1]).collect::<String>() == cols[1];
            let mut inner = pos;
            for &k in &sub {
                let len = rows[k][1].chars().count();
                let (s, e) = if exact {
                    (inner, inner + len)
                } else {
                    (pos, pos + surface_len)
                };
                inner = e;
                let gi = add(doc, &rows[k], s, e);
                ids.insert(rows[k][0], gi);
            }
            units.push((cols[1], space));
            pos += surface_len + usize::from(space);
            i = j;
            continue;
        }
        let gi = add(doc, cols, pos, pos + surface_len);
        ids.insert(id, gi);
        units.push((cols[1], space));
        pos += surface_len + usize::from(space);
        i += 1;
    }
    for (k, (form, space)) in units.iter().enumerate() {
        doc.text.push_str(form);
        doc.chars += form.chars().count();
        if *space && k + 1 < units.len() {
            doc.text.push(' ');
            doc.chars += 1;
        }
    }
    for (gi, head) in &heads {
        doc.words[*gi].head = if head == "0" || head == "_" {
            None
        } else {
            ids.get(head.as_str()).copied()
        };
    }
    for gi in first_word..doc.words.len() {
        parse_entity(doc, gi);
    }
}

/// Parses the `Entity=` value of word `gi`: `(ID-fields…`, `ID)` and `(ID-fields…)`.
fn parse_entity(doc: &mut GumDoc, gi: usize) {
    let value = std::mem::take(&mut doc.words[gi].entity);
    let b = value.as_bytes();
    let mut i = 0;
    while i < b.len() {
        let digits = |from: usize| b[from..].iter().take_while(|c| c.is_ascii_digit()).count();
        if b[i] == b'(' && digits(i + 1) > 0 && b.get(i + 1 + digits(i + 1)) == Some(&b'-') {
            let id_end = i + 1 + digits(i + 1);
            let chain = value[i + 1..id_end].to_string();
            let body_start = id_end + 1;
            let body_len = b[body_start..].iter().take_while(|&&c| c != b'(' && c != b')').count();
            let body = &value[body_start..body_start + body_len];
            let closed = b.get(body_start + body_len) == Some(&b')');
            let n = doc.fields.len().saturating_sub(1).max(1);
            let values: Vec<&str> = body.splitn(n, '-').collect();
            let etype = doc.fields[1..]
                .iter()
                .zip(&values)
                .find(|(f, _)| *f == "etype")
                .map_or("", |(_, v)| *v)
                .to_string();
            let mention = GumMention {
                chain: chain.clone(),
                etype,
                first: gi,
                last: gi,
                head: gi,
                label: None,
                name: None,
            };
            if closed {
                doc.mentions.push(mention);
            } else {
                doc.open.entry(chain).or_default().push(mention);
            }
            i = body_start + body_len + usize::from(closed);
        } else if b[i].is_ascii_digit() && b.get(i + digits(i)) == Some(&b')') {
            let chain = &value[i..i + digits(i)];
            match doc.open.get_mut(chain).and_then(Vec::pop) {
                Some(mut m) => {
                    m.last = gi;
                    doc.mentions.push(m);
                }
                None => doc
                    .warnings
                    .push(format!("{}: closing {chain}) without an open mention", doc.id)),
            }
            i += digits(i) + 1;
        } else {
            doc.warnings
                .push(format!("{}: unparsed Entity text {:?}", doc.id, &value[i..]));
            break;
        }
    }
}

fn close_entities(doc: &mut GumDoc) {
    for (chain, stack) in std::mem::take(&mut doc.open) {
        for _ in stack {
            doc.warnings
                .push(format!("{}: mention {chain} opened and never closed", doc.id));
        }
    }
    doc.mentions.sort_by_key(|m| (m.first, std::cmp::Reverse(m.last)));
    let words = &doc.words;
    for m in &mut doc.mentions {
        m.head = (m.first..=m.last)
            .find(|&k| words[k].head.is_none_or(|h| h < m.first || h > m.last))
            .unwrap_or(m.first);
        let label = match m.etype.as_str() {
            "person" => Some("PER"),
            "organization" => Some("ORG"),
            "place" => Some("LOC"),
            _ => None,
        };
        if label.is_some() && words[m.head].upos == "PROPN" {
            m.label = label;
            m.name = Some(name_run(words, m));
        }
    }
}

/// The proper nouns around the head inside the mention (a hyphen written without
/// spaces between two proper nouns joins them).
fn name_run(words: &[GumWord], m: &GumMention) -> (usize, usize) {
    let inside = |k: isize| k >= m.first as isize && k <= m.last as isize;
    let joinable = |k: isize, step: isize| {
        let next = k + step;
        if !inside(next) || !inside(k - 1) || !inside(k + 1) {
            return false;
        }
        let (w, prev, foll) = (&words[k as usize], &words[k as usize - 1], &words[k as usize + 1]);
        w.upos == "PUNCT"
            && matches!(w.form.as_str(), "-" | "‐" | "‑")
            && prev.end == w.start
            && w.end == foll.start
            && words[next as usize].upos == "PROPN"
    };
    let (mut lo, mut hi) = (m.head as isize, m.head as isize);
    loop {
        if inside(lo - 1) && words[lo as usize - 1].upos == "PROPN" {
            lo -= 1;
        } else if inside(lo - 2) && joinable(lo - 1, -1) {
            lo -= 2;
        } else {
            break;
        }
    }
    loop {
        if inside(hi + 1) && words[hi as usize + 1].upos == "PROPN" {
            hi += 1;
        } else if inside(hi + 2) && joinable(hi + 1, 1) {
            hi += 2;
        } else {
            break;
        }
    }
    (lo as usize, hi as usize)
}
