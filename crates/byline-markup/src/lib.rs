//! Article text from HTML, as scraped pages and feeds deliver it: block elements become
//! paragraphs (a blank line between them, `<br>` a line break), character references are
//! decoded (`&ldquo;` → “), and what is no article text is dropped — scripts, styles,
//! templates, navigation, asides, forms, footers and the document head. Tokenizing is the
//! work of html5ever (the Servo project's HTML5 tokenizer: the standard's error recovery
//! and its full table of named character references); this crate decides what is text.
//! Linear in the input.

#![warn(missing_docs)]

use html5ever::tendril::StrTendril;
use html5ever::tokenizer::states::RawKind;
use html5ever::tokenizer::{BufferQueue, TagKind, Token, TokenSink, TokenSinkResult, Tokenizer};
use std::cell::RefCell;

/// Elements that start and end a paragraph.
const BLOCKS: &[&str] = &[
    "p",
    "div",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "li",
    "ul",
    "ol",
    "dl",
    "dt",
    "dd",
    "tr",
    "table",
    "blockquote",
    "article",
    "section",
    "main",
    "figure",
    "figcaption",
    "pre",
    "hr",
    "address",
    "caption",
    "center",
    "details",
    "summary",
    "body",
    "html",
];

/// Elements whose content is no article text.
const DROPPED: &[&str] = &[
    "script", "style", "noscript", "template", "nav", "aside", "footer", "form", "button", "select", "iframe", "svg",
    "head", "object", "embed", "canvas", "audio", "video", "menu",
];

/// Whether `text` holds HTML: a tag of a common element (`<p>`, `</div>`, `<br>`, `<a
/// href`, …), a comment, or a named or numeric character reference (`&ldquo;`, `&#8220;`).
pub fn looks_like_html(text: &str) -> bool {
    let bytes = text.as_bytes();
    let mut i = 0;
    while let Some(offset) = bytes[i..].iter().position(|&b| b == b'<' || b == b'&') {
        let at = i + offset;
        let rest = &bytes[at + 1..];
        if bytes[at] == b'<' {
            let rest = rest.strip_prefix(b"/").unwrap_or(rest);
            if rest.starts_with(b"!--") {
                return true;
            }
            let name: Vec<u8> = rest
                .iter()
                .take_while(|b| b.is_ascii_alphanumeric())
                .map(u8::to_ascii_lowercase)
                .collect();
            let closes = rest
                .get(name.len())
                .is_some_and(|b| matches!(b, b'>' | b' ' | b'/' | b'\n'));
            let known = matches!(
                name.as_slice(),
                b"p" | b"br"
                    | b"div"
                    | b"span"
                    | b"a"
                    | b"b"
                    | b"i"
                    | b"em"
                    | b"strong"
                    | b"html"
                    | b"body"
                    | b"script"
                    | b"style"
                    | b"h1"
                    | b"h2"
                    | b"h3"
                    | b"li"
                    | b"ul"
                    | b"img"
                    | b"blockquote"
                    | b"article"
                    | b"section"
            );
            if known && closes {
                return true;
            }
        } else {
            let name: Vec<u8> = rest
                .iter()
                .take_while(|b| b.is_ascii_alphanumeric() || **b == b'#')
                .copied()
                .collect();
            let ends = rest.get(name.len()) == Some(&b';');
            let numeric = name.len() >= 2 && name[0] == b'#' && name[1..].iter().all(|b| b.is_ascii_alphanumeric());
            let named = name.len() >= 2 && name.iter().all(u8::is_ascii_alphabetic);
            if ends && (numeric || named) {
                return true;
            }
        }
        i = at + 1;
    }
    false
}

/// The article text of `html`: paragraphs separated by a blank line, white space inside
/// a paragraph collapsed to single spaces, character references decoded, and the
/// content of scripts, styles, navigation and the like left out.
pub fn to_text(html: &str) -> String {
    let sink = TextSink::default();
    let tokenizer = Tokenizer::new(sink, Default::default());
    let input = BufferQueue::default();
    input.push_back(StrTendril::from_slice(html));
    let _ = tokenizer.feed(&input);
    tokenizer.end();
    let state = tokenizer.sink.state.into_inner();
    state.finish()
}

/// The text gathered so far.
#[derive(Default)]
struct TextSink {
    state: RefCell<Gathered>,
}

#[derive(Default)]
struct Gathered {
    /// Finished paragraphs.
    paragraphs: Vec<String>,
    /// The paragraph being read.
    current: String,
    /// Whether a space is owed before the next word of the paragraph.
    space: bool,
    /// Line breaks in the white space since the last word.
    newlines: usize,
    /// How many dropped elements the tokenizer is inside.
    dropped: usize,
}

impl Gathered {
    fn text(&mut self, text: &str) {
        if self.dropped > 0 {
            return;
        }
        for c in text.chars() {
            if c.is_whitespace() {
                self.newlines += usize::from(c == '\n');
                self.space = true;
                continue;
            }
            // A blank line in the text is a paragraph break, as in plain text with a
            // little markup in it.
            if self.newlines >= 2 {
                self.paragraph_break();
            }
            self.newlines = 0;
            if self.space && !self.current.is_empty() && !self.current.ends_with('\n') {
                self.current.push(' ');
            }
            self.space = false;
            self.current.push(c);
        }
    }

    fn line_break(&mut self) {
        if self.dropped == 0 && !self.current.is_empty() && !self.current.ends_with('\n') {
            self.current.push('\n');
        }
        self.space = false;
        self.newlines = 0;
    }

    fn paragraph_break(&mut self) {
        let paragraph = std::mem::take(&mut self.current);
        let paragraph = paragraph.trim();
        if !paragraph.is_empty() {
            self.paragraphs.push(paragraph.to_owned());
        }
        self.space = false;
        self.newlines = 0;
    }

    fn finish(mut self) -> String {
        self.paragraph_break();
        self.paragraphs.join("\n\n")
    }
}

impl TokenSink for TextSink {
    type Handle = ();

    fn process_token(&self, token: Token, _line: u64) -> TokenSinkResult<()> {
        let mut state = self.state.borrow_mut();
        match token {
            Token::CharacterTokens(text) => state.text(&text),
            Token::TagToken(tag) => {
                let name: &str = tag.name.as_ref();
                let start = tag.kind == TagKind::StartTag;
                if DROPPED.contains(&name) {
                    if start && !tag.self_closing {
                        state.dropped += 1;
                    } else if !start {
                        state.dropped = state.dropped.saturating_sub(1);
                    }
                    if start {
                        // Script and style content is raw text: a "<" or a quote mark in
                        // it starts no tag.
                        match name {
                            "script" => return TokenSinkResult::RawData(RawKind::ScriptData),
                            "style" | "iframe" | "noscript" => return TokenSinkResult::RawData(RawKind::Rawtext),
                            _ => {}
                        }
                    }
                } else if name == "br" {
                    state.line_break();
                } else if BLOCKS.contains(&name) || name == "td" || name == "th" {
                    if matches!(name, "td" | "th") {
                        state.text(" ");
                    } else {
                        state.paragraph_break();
                    }
                } else if start && matches!(name, "title" | "textarea") {
                    return TokenSinkResult::RawData(RawKind::Rcdata);
                }
            }
            Token::NullCharacterToken
            | Token::CommentToken(_)
            | Token::DoctypeToken(_)
            | Token::EOFToken
            | Token::ParseError(_) => {}
        }
        TokenSinkResult::Continue
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn recognises_markup_and_character_references() {
        assert!(looks_like_html("<p>Hello</p>"));
        assert!(looks_like_html("He said &ldquo;no&rdquo;."));
        assert!(looks_like_html("x &#8220;y&#8221;"));
        assert!(looks_like_html("a<br/>b"));
        assert!(!looks_like_html("Profits rose 5% & costs < 3 percent; A&B <3"));
        assert!(!looks_like_html("AT&T said the deal <was> done."));
    }

    #[test]
    fn blocks_become_paragraphs_and_references_are_decoded() {
        let html = "<html><head><title>T</title><style>p{color:red}</style></head><body>\
                    <nav><a href='/'>Home</a> | <a>World</a></nav>\
                    <h1>Ferry returns</h1><p>&ldquo;We are ready,&rdquo; said\n   Tom Reyes.</p>\
                    <div class=\"ad\">Subscribe <b>now</b>!</div><p>Line one<br>line two &amp; more</p>\
                    <script>var q = \"</p><p>not text\"; if (a < b) {}</script>\
                    <footer>© Paper</footer></body></html>";
        assert_eq!(
            to_text(html),
            "Ferry returns\n\n“We are ready,” said Tom Reyes.\n\nSubscribe now!\n\nLine one\nline two & more"
        );
    }

    #[test]
    fn broken_markup_loses_no_text() {
        assert_eq!(to_text("<p>Unclosed <b>bold <i>text"), "Unclosed bold text");
        assert_eq!(to_text("plain text, no tags"), "plain text, no tags");
        // Plain text with a little markup keeps its paragraphs; one line break is a space.
        assert_eq!(
            to_text("First para,\nstill first.\n\nWatch at <a href=\"x\">the site</a>\n \nLast."),
            "First para, still first.\n\nWatch at the site\n\nLast."
        );
        assert_eq!(to_text("<p></p><div>  </div>"), "");
        let big = "<div><p>word</p>".repeat(20_000);
        assert_eq!(to_text(&big).matches("word").count(), 20_000);
    }
}
