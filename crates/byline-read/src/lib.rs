//! Article records from the files users have: JSONL (one JSON object a line), a JSON
//! array, CSV or TSV with a header row, HTML pages and text files (one article each), and
//! folders of pages; plain or gzip. Every record comes out as a JSON object whose keys are
//! the canonical field names (`text`, `id`, `published`, renamed from the columns the data
//! names), so that one reader (`byline_core::input`) decides for every format what is an
//! error and what a warning; a record that cannot be read is an `Err` with the reason, in
//! its place, so nothing is lost. Text with markup becomes article text (`from_markup`).
//! The CLI's `byline extract` and Python's `byline.read` both read through this crate.

#![warn(missing_docs)]

mod formats;
mod records;

pub use formats::{FieldNames, InputFormat, Record, by_extension, detect};
pub use records::{Reading, check_headers, input_files, open, records};

use byline_core::Article;

/// The article with its HTML text turned into article text when the text looks like
/// HTML (`byline_markup::looks_like_html`), and whether it did; target spans, which index
/// the markup, are then dropped with a warning.
pub fn from_markup(mut article: Article) -> (Article, bool) {
    if !byline_markup::looks_like_html(&article.text) {
        return (article, false);
    }
    article.text = byline_markup::to_text(&article.text);
    if !article.targets.is_empty() {
        article.targets.clear();
        article
            .warnings
            .push("targets dropped: they index the HTML, and the text analysed is made from it".to_owned());
    }
    (article, true)
}

/// [`from_markup`] on a record read, which may be an error: the record with its text
/// made from its HTML, and whether it was.
pub fn record_from_markup<E>(record: Result<Article, E>) -> (Result<Article, E>, bool) {
    match record {
        Ok(article) => {
            let (article, converted) = from_markup(article);
            (Ok(article), converted)
        }
        Err(e) => (Err(e), false),
    }
}
