//! Entity-to-entity stance on SEESAW (`byline eval seesaw DIR`), as
//! `../shared/eval/eval_seesaw.py score` measures it: byline runs on each article's
//! sentences joined by newlines (or a system file is read), each stance is placed in the
//! sentence of its evidence, and holder → target → polarity triplets are matched to the
//! gold ones by lenient name matching ([`names`]) per sentence and per document
//! ([`score::Report`] prints the reference scorer's report).

pub mod names;
pub mod read;
pub mod score;

use crate::EvalError;
use byline::Pipeline;
use std::path::Path;

/// Scores byline (or the records of `system`) on the SEESAW split folder `dir`.
pub fn run(dir: &Path, system: Option<&Path>, pipeline: &Pipeline) -> Result<String, EvalError> {
    let articles = read::read_split(dir)?;
    let texts: Vec<(&str, &str)> = articles.iter().map(|a| (a.id.as_str(), a.text.as_str())).collect();
    let records = crate::gum::system_or_byline(system, pipeline, &texts)?;
    let report = score::Report::new(&articles, &records);
    let (bad, spans) = report.span_problems();
    if spans > 0 && bad as f64 > 0.01 * spans as f64 {
        return Err(EvalError::Format {
            path: system.unwrap_or(dir).to_path_buf(),
            line: 1,
            message: format!(
                "{bad}/{spans} system entity spans disagree with the rebuilt text: a different input (sentences joined by newlines)?"
            ),
        });
    }
    Ok(report.render())
}
