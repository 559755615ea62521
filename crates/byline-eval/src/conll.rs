//! Reading CoNLL-2003 files: one token per line (`WORD POS CHUNK NER`, tag in the last
//! column), blank lines between sentences, `-DOCSTART-` lines between documents.

use crate::EvalError;
use std::path::Path;

/// One token line.
#[derive(Clone, Debug, PartialEq)]
pub struct ConllToken {
    /// The word (first column).
    pub word: String,
    /// The gold tag (last column).
    pub tag: String,
    /// The whole line as read (for writing predictions beside it).
    pub line: String,
}

/// One document (a Reuters article in CoNLL-2003): its sentences.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct ConllDoc {
    /// Sentences as token lists.
    pub sentences: Vec<Vec<ConllToken>>,
}

/// Reads a CoNLL file into documents; a file without `-DOCSTART-` is one document.
pub fn read_conll(path: &Path) -> Result<Vec<ConllDoc>, EvalError> {
    let text = std::fs::read_to_string(path).map_err(|source| EvalError::Io {
        path: path.to_path_buf(),
        source,
    })?;
    let mut docs = vec![ConllDoc::default()];
    let mut sentence: Vec<ConllToken> = Vec::new();
    for (n, raw) in text.lines().enumerate() {
        let line = raw.trim_end_matches('\r');
        let mut fields = line.split_whitespace();
        let Some(word) = fields.next() else {
            if !sentence.is_empty() {
                docs.last_mut().unwrap().sentences.push(std::mem::take(&mut sentence));
            }
            continue;
        };
        if line.starts_with('#') {
            continue;
        }
        if word == "-DOCSTART-" {
            if !sentence.is_empty() {
                docs.last_mut().unwrap().sentences.push(std::mem::take(&mut sentence));
            }
            if !docs.last().unwrap().sentences.is_empty() {
                docs.push(ConllDoc::default());
            }
            continue;
        }
        let tag = line.split_whitespace().last().unwrap_or("O");
        if line.split_whitespace().count() < 2 {
            return Err(EvalError::Format {
                path: path.to_path_buf(),
                line: n + 1,
                message: format!("expected a word and a tag, found {line:?}"),
            });
        }
        sentence.push(ConllToken {
            word: word.to_owned(),
            tag: tag.to_owned(),
            line: line.to_owned(),
        });
    }
    if !sentence.is_empty() {
        docs.last_mut().unwrap().sentences.push(sentence);
    }
    docs.retain(|d| !d.sentences.is_empty());
    Ok(docs)
}
