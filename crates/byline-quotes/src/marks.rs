//! Pairing quotation marks into direct-quote content spans, paragraph by paragraph.
//!
//! Curly (“ ”), low (, „), guillemets (« »), TeX-style (`` '') and straight (") double
//! quotes are paired; single quotes are left alone (they are mostly apostrophes, and
//! nested quotes stay inside their outer quote). A paragraph that ends inside an open
//! quote continues it when the next paragraph opens with a quote mark (the news
//! convention for multi-paragraph quotes). Unbalanced marks never abort the article: a
//! stray closing mark is ignored, and an opening mark that never closes yields a quote
//! only when it opens its paragraph (the closing mark was probably lost).

use byline_core::{Document, Span};

/// One direct quote: its content fragments (without the marks) and its marks.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct MarkedQuote {
    /// Content fragments, one per paragraph the quote spans.
    pub fragments: Vec<Span>,
    /// Byte offset of the first opening mark.
    pub open: usize,
    /// Byte offset just after the last closing mark (or the paragraph end when lost).
    pub close_end: usize,
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum Mark {
    Open,
    Close,
    Either,
}

fn classify(text: &str, pos: usize, c: char) -> Option<(Mark, usize)> {
    match c {
        '“' | '„' | '«' => Some((Mark::Open, c.len_utf8())),
        '”' | '»' => Some((Mark::Close, c.len_utf8())),
        '"' => Some((Mark::Either, 1)),
        '`' if text[pos..].starts_with("``") => Some((Mark::Open, 2)),
        '\'' if text[pos..].starts_with("''") => Some((Mark::Close, 2)),
        _ => None,
    }
}

/// Decides whether a straight quote at `pos` opens (true) or closes (false) given the
/// characters around it and whether a quote is open.
fn straight_opens(text: &str, pos: usize, len: usize, open: bool) -> bool {
    let before = text[..pos].chars().next_back();
    let after = text[pos + len..].chars().next();
    let space_before = before.is_none_or(|c| c.is_whitespace() || matches!(c, '(' | '[' | '—' | '–' | '-' | ':'));
    let space_after =
        after.is_none_or(|c| c.is_whitespace() || matches!(c, ',' | '.' | ';' | ':' | '?' | '!' | ')' | ']'));
    match (space_before, space_after) {
        (true, false) => true,
        (false, true) => false,
        _ => !open,
    }
}

/// Finds every direct quote of `doc`, in text order.
pub fn find_marked_quotes(doc: &Document) -> Vec<MarkedQuote> {
    let text = doc.text.as_str();
    let mut out = Vec::new();
    // An open quote carried over from the previous paragraph.
    let mut carried: Option<MarkedQuote> = None;
    for para in &doc.paragraphs {
        let p_text = para.span.slice(text);
        let mut open_at: Option<usize> = None; // content start of the open fragment
        let mut first_mark = true;
        let mut current = carried.take();
        for (off, c) in p_text.char_indices() {
            let pos = para.span.start + off;
            let Some((mark, len)) = classify(text, pos, c) else {
                if !c.is_whitespace() {
                    first_mark = false;
                }
                continue;
            };
            let opening = match mark {
                Mark::Open => true,
                Mark::Close => false,
                Mark::Either => straight_opens(text, pos, len, open_at.is_some()),
            };
            if opening {
                if first_mark {
                    if let Some(q) = current.as_mut() {
                        // Continuation of a multi-paragraph quote.
                        open_at = Some(pos + len);
                        q.close_end = pos + len;
                        first_mark = false;
                        continue;
                    }
                }
                // An earlier open quote never closed in this paragraph is dropped.
                open_at = Some(pos + len);
                current = Some(MarkedQuote {
                    fragments: Vec::new(),
                    open: pos,
                    close_end: pos + len,
                });
            } else if let (Some(start), Some(mut q)) = (open_at.take(), current.take()) {
                push_fragment(text, Span::new(start, pos), &mut q.fragments);
                q.close_end = pos + len;
                if !q.fragments.is_empty() {
                    out.push(q);
                }
            }
            first_mark = false;
        }
        // End of paragraph with an open quote.
        if let (Some(start), Some(mut q)) = (open_at, current) {
            push_fragment(text, Span::new(start, para.span.end), &mut q.fragments);
            q.close_end = para.span.end;
            let opens_paragraph =
                q.open < para.span.start || text[para.span.start..q.open].trim().is_empty() || q.fragments.len() > 1;
            if opens_paragraph && !q.fragments.is_empty() {
                carried = Some(q);
            }
        }
        // A carried quote that the next paragraph does not continue is flushed below.
        if carried.is_some() && !next_paragraph_opens_with_quote(doc, para.span.end) {
            out.extend(carried.take());
        }
    }
    out.extend(carried);
    out.sort_by_key(|q| q.open);
    out
}

fn next_paragraph_opens_with_quote(doc: &Document, after: usize) -> bool {
    let i = doc.paragraphs.partition_point(|p| p.span.start < after);
    doc.paragraphs.get(i).is_some_and(|p| {
        let t = p.span.slice(&doc.text);
        t.starts_with(['“', '"', '„', '«']) || t.starts_with("``")
    })
}

fn push_fragment(text: &str, span: Span, fragments: &mut Vec<Span>) {
    let s = span.slice(text);
    let lead = s.len() - s.trim_start().len();
    let trimmed = s.trim();
    if !trimmed.is_empty() {
        let start = span.start + lead;
        fragments.push(Span::new(start, start + trimmed.len()));
    }
}
