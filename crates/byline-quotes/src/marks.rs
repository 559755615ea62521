//! Pairing quotation marks into direct-quote content spans, paragraph by paragraph.
//!
//! Curly (“ ”), low (, „), guillemets (« »), TeX-style (`` '') and straight (") double
//! quotes are paired; single quotes are left alone (they are mostly apostrophes, and
//! nested quotes stay inside their outer quote). A paragraph that ends inside an open
//! quote continues it when the next paragraph opens with a quote mark (the news
//! convention for multi-paragraph quotes). Unbalanced marks never abort the article: a
//! stray closing mark is ignored, an opening mark typed for a closing one closes, and
//! an opening mark that never closes yields a quote to the paragraph end only when it
//! opens its paragraph or a sentence (the closing mark was probably lost).

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

/// Words that introduce a title in quotation marks ("the film “Salt Roads”", "author of
/// “The Harbour at Night”", "a report titled “…”"), a name the writer gives ("dubbed",
/// "so-called") or a nickname.
const TITLE_CUES: &[&str] = &[
    "film",
    "movie",
    "book",
    "novel",
    "memoir",
    "show",
    "series",
    "sitcom",
    "album",
    "song",
    "single",
    "play",
    "musical",
    "documentary",
    "episode",
    "podcast",
    "programme",
    "program",
    "article",
    "essay",
    "column",
    "op-ed",
    "editorial",
    "poem",
    "opera",
    "exhibition",
    "titled",
    "entitled",
    "headlined",
    "dubbed",
    "nicknamed",
    "so-called",
    "hashtag",
    "slogan",
    "motto",
    "of",
];

/// Most words of a title in quotation marks.
const MAX_TITLE_WORDS: usize = 12;

/// Whether a quotation is a title, a name or a nickname rather than somebody's words: a
/// short span of one paragraph with no sentence punctuation inside, introduced by a title
/// word ("the film “Salt Roads”", "author of “The Harbour at Night”"), or standing
/// between two capitalised names (Dmitri “The Hammer” Volkov).
pub fn is_title(doc: &Document, quote: &MarkedQuote) -> bool {
    let [fragment] = quote.fragments[..] else {
        return false;
    };
    let inner = doc.span_text(fragment).trim_matches(|c: char| !c.is_alphanumeric());
    let words = inner.split_whitespace().count();
    if words == 0 || words > MAX_TITLE_WORDS || inner.contains(['.', '!', '?', ',', ';']) {
        return false;
    }
    let before = doc.text[..quote.open].split_whitespace().next_back().unwrap_or("");
    let after = doc.text[quote.close_end.min(doc.text.len())..]
        .split_whitespace()
        .next()
        .unwrap_or("");
    let capitalised = |w: &str| w.chars().next().is_some_and(char::is_uppercase);
    let title_cue = {
        let w = before
            .trim_matches(|c: char| !c.is_alphanumeric() && c != '-')
            .to_lowercase();
        TITLE_CUES.contains(&w.as_str())
    };
    // Title case: every word of four letters or more capitalised ("The Harbour at Night").
    let title_case = inner
        .split_whitespace()
        .filter(|w| w.chars().count() >= 4)
        .all(capitalised);
    let nickname = capitalised(before) && capitalised(after) && title_case && before.chars().all(char::is_alphabetic);
    (title_cue && (title_case || words <= 4)) || nickname
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
        let mut current = carried.take();
        // Only bytes that can start a mark are looked at (“ ” „ start with 0xE2, « »
        // with 0xC2); paragraphs are trimmed, so the first mark opens the paragraph when
        // it stands at its start.
        let candidates = p_text
            .bytes()
            .enumerate()
            .filter(|(_, b)| matches!(b, b'"' | b'`' | b'\'' | 0xE2 | 0xC2));
        // The end of the last mark: a two-character mark (`` or '') hides the next byte.
        let mut mark_end = para.span.start;
        for (off, _) in candidates {
            let pos = para.span.start + off;
            if pos < mark_end {
                continue;
            }
            let first_mark = off == 0;
            let Some(c) = p_text[off..].chars().next() else {
                continue;
            };
            let Some((mark, len)) = classify(text, pos, c) else {
                continue;
            };
            mark_end = pos + len;
            let opening = match mark {
                // An opening mark typed where a closing one belongs ("… 51 percent.“"):
                // a quote is open, a word ends right before it and a space follows.
                Mark::Open => open_at.is_none() || straight_opens(text, pos, len, false),
                Mark::Close => false,
                Mark::Either => straight_opens(text, pos, len, open_at.is_some()),
            };
            if opening {
                if first_mark {
                    if let Some(q) = current.as_mut() {
                        // Continuation of a multi-paragraph quote.
                        open_at = Some(pos + len);
                        q.close_end = pos + len;
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
        }
        // End of paragraph with an open quote.
        if let (Some(start), Some(mut q)) = (open_at, current) {
            push_fragment(text, Span::new(start, para.span.end), &mut q.fragments);
            q.close_end = para.span.end;
            let opens_sentence = q.open < para.span.start
                || q.fragments.len() > 1
                || text[para.span.start..q.open]
                    .trim_end()
                    .chars()
                    .next_back()
                    .is_none_or(|c| matches!(c, '.' | '!' | '?' | ':' | '”' | '"'));
            if opens_sentence && !q.fragments.is_empty() {
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

#[cfg(test)]
mod tests {
    use super::*;
    use byline_core::Article;

    fn quotes(text: &str) -> Vec<Vec<String>> {
        let doc = Document::new(Article::new("t", text));
        find_marked_quotes(&doc)
            .iter()
            .map(|q| q.fragments.iter().map(|f| f.slice(text).to_owned()).collect())
            .collect()
    }

    #[test]
    fn curly_straight_and_tex_marks_pair() {
        assert_eq!(quotes("“A b,” he said. \"C d.\""), vec![vec!["A b,"], vec!["C d."]]);
        assert_eq!(quotes("He said ``we won'' today."), vec![vec!["we won"]]);
    }

    #[test]
    fn a_multi_paragraph_quote_is_one_quote() {
        assert_eq!(
            quotes("“First part.\n\n“Second part,” she said."),
            vec![vec!["First part.", "Second part,"]]
        );
    }

    #[test]
    fn unbalanced_marks_lose_nothing_else() {
        // An opening mark typed for the closing one.
        assert_eq!(
            quotes("Sanders said:\n\n“The rate is 51 percent.“"),
            vec![vec!["The rate is 51 percent."]]
        );
        // A stray closing mark is ignored; the next quote still pairs.
        assert_eq!(quotes("It was 5” tall. “Yes,” he said."), vec![vec!["Yes,"]]);
        // An opening mark that never closes mid-sentence yields nothing; one that opens
        // a sentence runs to the paragraph end.
        assert!(quotes("He called it “odd and left.").is_empty());
        assert_eq!(quotes("He spoke. “We will win."), vec![vec!["We will win."]]);
    }
}
