//! `byline eval ner`: runs the entities extractor end to end on CoNLL text (each
//! document's tokens joined by single spaces, one sentence per line), maps the entity
//! spans back to the gold tokens, and scores them conlleval-style.

use crate::EvalError;
use crate::chunks::ChunkScore;
use crate::conll::{ConllDoc, read_conll};
use byline::{Article, Pipeline, Span};
use std::fmt::Write as _;
use std::path::Path;

/// A CoNLL document as text, with the byte span of every token.
struct Rendered {
    text: String,
    tokens: Vec<Vec<Span>>,
}

fn render(doc: &ConllDoc) -> Rendered {
    let mut text = String::new();
    let mut tokens = Vec::with_capacity(doc.sentences.len());
    for sentence in &doc.sentences {
        if !text.is_empty() {
            text.push('\n');
        }
        let mut spans = Vec::with_capacity(sentence.len());
        for (i, tok) in sentence.iter().enumerate() {
            if i > 0 {
                text.push(' ');
            }
            let start = text.len();
            text.push_str(&tok.word);
            spans.push(Span::new(start, text.len()));
        }
        tokens.push(spans);
    }
    Rendered { text, tokens }
}

/// IOB2 tags for the gold tokens from predicted entity spans (a token belongs to the
/// first entity it overlaps).
fn tags_for(rendered: &Rendered, entities: &[(Span, &str)]) -> Vec<Vec<String>> {
    rendered
        .tokens
        .iter()
        .map(|sentence| {
            let mut prev_entity: Option<usize> = None;
            sentence
                .iter()
                .map(|tok| {
                    let hit = entities.iter().position(|(span, _)| span.overlaps(*tok));
                    let tag = match hit {
                        Some(e) if prev_entity == Some(e) => format!("I-{}", entities[e].1),
                        Some(e) => format!("B-{}", entities[e].1),
                        None => "O".to_owned(),
                    };
                    prev_entity = hit;
                    tag
                })
                .collect()
        })
        .collect()
}

/// Scores the entities extractor on `gold`; with `predict`, also writes the gold file
/// with a predicted tag column appended (readable by `eval_ner.py`).
pub fn run(gold: &Path, predict: Option<&Path>, pipeline: &Pipeline) -> Result<String, EvalError> {
    let docs = read_conll(gold)?;
    let rendered: Vec<Rendered> = docs.iter().map(render).collect();
    let articles: Vec<Article> = rendered
        .iter()
        .enumerate()
        .map(|(i, r)| Article::new(i.to_string(), r.text.clone()))
        .collect();
    let results = pipeline.process_batch(articles);
    let mut score = ChunkScore::default();
    let mut out = String::new();
    for ((doc, r), result) in docs.iter().zip(&rendered).zip(results) {
        let analysed = result.map_err(|e| EvalError::Format {
            path: gold.to_path_buf(),
            line: 0,
            message: format!("document {} failed: {}", e.id, e.message),
        })?;
        let entities: Vec<(Span, &str)> = analysed.entities.iter().map(|e| (e.span, e.label.as_str())).collect();
        let predicted = tags_for(r, &entities);
        out.push_str("-DOCSTART- -X- -X- O\n\n");
        for (sentence, tags) in doc.sentences.iter().zip(&predicted) {
            let gold_tags: Vec<&str> = sentence.iter().map(|t| t.tag.as_str()).collect();
            score.add(&gold_tags, tags);
            if predict.is_some() {
                for (tok, tag) in sentence.iter().zip(tags) {
                    let _ = writeln!(out, "{} {}", tok.line, tag);
                }
                out.push('\n');
            }
        }
    }
    if let Some(path) = predict {
        std::fs::write(path, out).map_err(|source| EvalError::Io {
            path: path.to_path_buf(),
            source,
        })?;
    }
    Ok(score.report())
}
