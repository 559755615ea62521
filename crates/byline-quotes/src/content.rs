//! The content of a quote, once its attribution is assembled: its kind from its
//! quotation marks, its fragments trimmed of marks and white space, and whether it is
//! no statement at all — a fragment of reported speech, or marks around a title, name
//! or nickname.

use crate::marks;
use byline_core::{Document, QuoteKind, Span, TokenKind};
use std::ops::Range;

pub(crate) fn is_double_mark(c: char) -> bool {
    matches!(c, '“' | '”' | '"' | '«' | '»' | '„')
}

/// Whether every quotation inside `content` (byte spans) is a title, name or nickname
/// ([`marks::is_title`]); false when it holds none.
pub(crate) fn only_titles(doc: &Document, marked: &[marks::MarkedQuote], content: &[Span]) -> bool {
    let at = marked.partition_point(|q| q.close_end <= content.first().map_or(0, |c| c.start));
    let mut inside = marked[at..]
        .iter()
        .take_while(|q| content.last().is_some_and(|c| q.open < c.end))
        .filter(|q| q.fragments.iter().any(|f| content.iter().any(|c| c.overlaps(*f))))
        .peekable();
    inside.peek().is_some() && inside.all(|q| marks::is_title(doc, q))
}

/// Most words around a title for the content to be only the title ("the film").
pub(crate) const MAX_WORDS_AROUND_TITLE: usize = 3;

/// How many words of `fragments` stand outside their quotation marks.
pub(crate) fn words_outside_marks(fragments: &[&str]) -> usize {
    let mut inside = false;
    let mut outside = String::new();
    for c in fragments.iter().flat_map(|f| f.chars().chain(std::iter::once(' '))) {
        if is_double_mark(c) {
            inside = !inside;
            outside.push(' ');
        } else if !inside {
            outside.push(c);
        }
    }
    outside
        .split_whitespace()
        .filter(|w| w.chars().any(char::is_alphanumeric))
        .count()
}

/// Fewest words of reported speech without quotation marks.
const MIN_INDIRECT_WORDS: usize = 3;

/// Whether a statement's content without quotation marks is a fragment, not something said:
/// fewer than [`MIN_INDIRECT_WORDS`] words ("which", "John Kasich"). On held-out PolNeAR
/// train, indirect statements of one or two words were right a quarter of the time.
pub(crate) fn is_fragment(doc: &Document, content: &[Range<usize>]) -> bool {
    let words = content
        .iter()
        .flat_map(|c| c.clone())
        .filter(|&t| matches!(doc.tokens[t].kind, TokenKind::Word | TokenKind::Number));
    words.count() < MIN_INDIRECT_WORDS
}

/// Direct, mixed or indirect from the quotation marks of the content: marks toggle
/// inside/outside; no mark is indirect, no letter or digit outside the marks is direct.
pub fn kind_of(fragments: &[&str]) -> QuoteKind {
    let (mut marks, mut inside, mut outside_alnum) = (false, false, false);
    for f in fragments {
        for c in f.chars() {
            if is_double_mark(c) {
                marks = true;
                inside = !inside;
            } else if !inside && c.is_alphanumeric() {
                outside_alnum = true;
            }
        }
    }
    match (marks, outside_alnum) {
        (false, _) => QuoteKind::Indirect,
        (true, false) => QuoteKind::Direct,
        (true, true) => QuoteKind::Mixed,
    }
}

/// A content fragment as written, without surrounding white space and, for direct
/// quotes, without its outer quotation marks and a trailing comma.
pub(crate) fn trim_fragment(doc: &Document, span: Span, direct: bool) -> Span {
    let text = doc.span_text(span);
    let trim: &[char] = if direct {
        &['“', '”', '"', '«', '»', '„', ' ', '\n', '\t']
    } else {
        &[' ', '\n', '\t']
    };
    let start_trimmed = text.trim_start_matches(trim);
    let start = span.start + (text.len() - start_trimmed.len());
    let end = span.start + text.trim_end_matches(trim).len();
    if start < end { Span::new(start, end) } else { span }
}
