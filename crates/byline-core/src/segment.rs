//! Segmentation of an article into paragraphs, sentences and tokens.
//!
//! Paragraphs are separated by blank lines; a text without any blank line uses single
//! line breaks instead. Sentences come from the Unicode sentence rules (UAX #29) with an
//! abbreviation layer on top, so that "Mr. Peskov", "the U.S. Senate", "Jan. 6" and
//! "John F. Kennedy" stay inside one sentence. Tokens are UAX #29 word segments without
//! white space. Not for: part-of-speech tags or lemmas.

use crate::sentence_bounds::sentence_pieces;
use crate::span::Span;
use std::ops::Range;
use unicode_segmentation::UnicodeSegmentation;

/// What a token is made of.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum TokenKind {
    /// Starts with a letter ("Peskov", "U.S", "don't").
    Word,
    /// Starts with a digit ("2025", "3.5").
    Number,
    /// Punctuation ("," "“" "—").
    Punct,
    /// Anything else (symbols, emoji).
    Symbol,
}

/// One token: a byte span and its kind.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Token {
    /// Where the token is.
    pub span: Span,
    /// What it is made of.
    pub kind: TokenKind,
}

/// One sentence: its span, its tokens (indices into `Document::tokens`) and its paragraph.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Sentence {
    /// Where the sentence is (trailing white space excluded).
    pub span: Span,
    /// Indices of its tokens.
    pub tokens: Range<usize>,
    /// Index of its paragraph.
    pub paragraph: usize,
}

/// One paragraph: its span and its sentences (indices into `Document::sentences`).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Paragraph {
    /// Where the paragraph is (surrounding white space excluded).
    pub span: Span,
    /// Indices of its sentences.
    pub sentences: Range<usize>,
}

/// The segmentation of one text.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Segmentation {
    /// Paragraphs in text order.
    pub paragraphs: Vec<Paragraph>,
    /// Sentences in text order.
    pub sentences: Vec<Sentence>,
    /// Tokens in text order.
    pub tokens: Vec<Token>,
}

/// Segments `text` into paragraphs, sentences and tokens.
pub fn segment(text: &str) -> Segmentation {
    let mut seg = Segmentation::default();
    for para in paragraph_spans(text) {
        let first_sentence = seg.sentences.len();
        let p_index = seg.paragraphs.len();
        for sent in sentence_spans(text, para) {
            let first_token = seg.tokens.len();
            let s_text = sent.slice(text);
            for (off, word) in s_text.split_word_bound_indices() {
                let Some(c) = word.chars().next() else {
                    continue;
                };
                if c.is_whitespace() {
                    continue;
                }
                let start = sent.start + off;
                seg.tokens.push(Token {
                    span: Span::new(start, start + word.len()),
                    kind: token_kind(c),
                });
            }
            seg.sentences.push(Sentence {
                span: sent,
                tokens: first_token..seg.tokens.len(),
                paragraph: p_index,
            });
        }
        seg.paragraphs.push(Paragraph {
            span: para,
            sentences: first_sentence..seg.sentences.len(),
        });
    }
    seg
}

fn token_kind(c: char) -> TokenKind {
    if c.is_alphabetic() {
        TokenKind::Word
    } else if c.is_numeric() {
        TokenKind::Number
    } else if c.is_ascii_punctuation() || is_unicode_punct(c) {
        TokenKind::Punct
    } else {
        TokenKind::Symbol
    }
}

fn is_unicode_punct(c: char) -> bool {
    matches!(c, '\u{2010}'..='\u{2027}' | '\u{2030}'..='\u{205E}' | '\u{00A1}' | '\u{00A7}' | '\u{00AB}' | '\u{00B6}' | '\u{00B7}' | '\u{00BB}' | '\u{00BF}' | '\u{3001}'..='\u{3003}' | '\u{300C}'..='\u{300F}')
}

/// Paragraph spans: text between blank lines, or between line breaks when the text has
/// no blank line at all. In text with blank lines, a single line break also ends a
/// paragraph when its line ends a sentence and the next line starts one (news copy
/// often mixes both); a hard-wrapped line ending mid-sentence does not. Surrounding
/// white space is trimmed; empty paragraphs are dropped.
pub fn paragraph_spans(text: &str) -> Vec<Span> {
    let lines: Vec<Span> = line_spans(text);
    let has_blank = lines.iter().any(|l| l.slice(text).trim().is_empty());
    let mut out = Vec::new();
    let mut current: Option<Span> = None;
    for line in lines {
        let blank = line.slice(text).trim().is_empty();
        let breaks_before = current.is_some_and(|p| ends_sentence(p.slice(text)) && starts_sentence(line.slice(text)));
        if blank || !has_blank || breaks_before {
            if let Some(p) = current.take() {
                push_trimmed(text, p, &mut out);
            }
        }
        if blank {
            continue;
        }
        if !has_blank {
            push_trimmed(text, line, &mut out);
        } else {
            current = Some(match current {
                Some(p) => Span::new(p.start, line.end),
                None => line,
            });
        }
    }
    if let Some(p) = current {
        push_trimmed(text, p, &mut out);
    }
    out
}

/// The line ends with sentence-final punctuation, possibly inside closing marks.
fn ends_sentence(line: &str) -> bool {
    let trimmed = line.trim_end().trim_end_matches(['”', '"', '’', '\'', ')', ']']);
    trimmed.ends_with(['.', '!', '?', ':'])
}

/// The line starts like a sentence: a capital, a digit, an opening mark or a dash.
fn starts_sentence(line: &str) -> bool {
    line.trim_start()
        .chars()
        .next()
        .is_some_and(|c| c.is_uppercase() || c.is_ascii_digit() || matches!(c, '“' | '"' | '‘' | '«' | '―' | '—' | '-'))
}

fn line_spans(text: &str) -> Vec<Span> {
    let mut out = Vec::new();
    let mut start = 0;
    for (i, b) in text.bytes().enumerate() {
        if b == b'\n' {
            out.push(Span::new(start, i));
            start = i + 1;
        }
    }
    if start < text.len() {
        out.push(Span::new(start, text.len()));
    }
    out
}

fn push_trimmed(text: &str, span: Span, out: &mut Vec<Span>) {
    let s = span.slice(text);
    let lead = s.len() - s.trim_start().len();
    let trimmed = s.trim();
    if !trimmed.is_empty() {
        let start = span.start + lead;
        out.push(Span::new(start, start + trimmed.len()));
    }
}

/// Sentence spans inside one paragraph: UAX #29 sentences ([`sentence_pieces`]), merged where the break
/// follows an abbreviation, trailing white space trimmed.
pub fn sentence_spans(text: &str, paragraph: Span) -> Vec<Span> {
    let p_text = paragraph.slice(text);
    let mut out: Vec<Span> = Vec::new();
    for (off, piece) in sentence_pieces(p_text) {
        let trimmed = piece.trim_end();
        if trimmed.trim_start().is_empty() {
            continue;
        }
        let lead = trimmed.len() - trimmed.trim_start().len();
        let start = paragraph.start + off + lead;
        let span = Span::new(start, paragraph.start + off + trimmed.len());
        match out.last_mut() {
            Some(last) if continues(last.slice(text), span.slice(text)) => {
                last.end = span.end;
            }
            _ => out.push(span),
        }
    }
    out
}

/// Titles and other abbreviations that are almost never sentence-final.
const TITLES: &[&str] = &[
    "Mr", "Mrs", "Ms", "Dr", "Prof", "Gen", "Sen", "Sens", "Rep", "Reps", "Gov", "Lt", "Col", "Sgt", "Capt", "Cmdr",
    "Adm", "Maj", "Rev", "Hon", "Pres", "Supt", "Det", "Insp", "Atty", "Gens", "Cpl", "Pvt", "Fr", "St", "Mt", "Ft",
    "Messrs", "Mmes", "Sr", "Jr", "vs", "v", "Ave", "Blvd", "approx", "Dept", "Univ",
];
/// Month abbreviations: not sentence-final when a number follows ("Jan. 6").
const MONTHS: &[&str] = &[
    "Jan", "Feb", "Mar", "Apr", "Jun", "Jul", "Aug", "Sep", "Sept", "Oct", "Nov", "Dec", "No", "Nos", "Vol", "pp", "p",
];
/// Abbreviations that end sentences often enough that only a non-sentence-starting
/// capitalised word (or a lower-case word or number) keeps the sentence going.
const CORPORATE: &[&str] = &[
    "Inc", "Corp", "Co", "Ltd", "Bros", "LLC", "Calif", "Fla", "Mass", "Wash", "Penn", "Ariz", "Conn", "Ill", "Mich",
    "Minn", "Tenn", "Va", "Ky", "Md", "Mo", "Nev", "Okla", "Ore", "Wis", "Ga", "Ala", "Colo", "Del", "Kan", "Neb",
    "Ark", "La", "Miss", "Wyo",
];
/// Whether `word` (without its period) is an abbreviation written with a period: a title
/// ("Mr"), a month or reference ("Jan", "No"), a corporate or state abbreviation ("Inc",
/// "Calif") or a dotted one ("U.S", "a.m", "e.g").
pub fn is_abbreviation(word: &str) -> bool {
    TITLES.contains(&word)
        || MONTHS.contains(&word)
        || CORPORATE.contains(&word)
        || matches!(word, "etc" | "al" | "ca" | "cf" | "Mt" | "viz")
        || (word.contains('.') && word.split('.').all(|p| !p.is_empty() && p.chars().count() <= 2))
}

/// Capitalised words that usually start a new sentence.
const SENTENCE_STARTERS: &[&str] = &[
    "The",
    "A",
    "An",
    "He",
    "She",
    "It",
    "They",
    "We",
    "I",
    "You",
    "But",
    "And",
    "Or",
    "In",
    "On",
    "At",
    "This",
    "That",
    "These",
    "Those",
    "There",
    "His",
    "Her",
    "Their",
    "Our",
    "Its",
    "My",
    "What",
    "When",
    "Why",
    "How",
    "Who",
    "Where",
    "Still",
    "Yet",
    "So",
    "Meanwhile",
    "However",
    "After",
    "Before",
    "If",
    "As",
    "For",
    "Some",
    "Many",
    "Most",
    "Officials",
    "Such",
    "Then",
    "Now",
    "While",
    "Although",
    "Since",
    "Last",
    "Next",
    "One",
    "Two",
    "No",
    "Not",
    "All",
    "Both",
    "Each",
    "Other",
    "Another",
    "Today",
    "Yesterday",
    "Also",
    "Even",
    "Instead",
    "Despite",
    "According",
    "Under",
    "With",
    "From",
    "By",
];

/// Whether the UAX #29 break between `prev` and `next` is not a sentence end: after an
/// abbreviation, after a list number ("1. Michelle Freeman"), or before a piece that
/// cannot open a sentence (a lone closing quote, a closing bracket or comma).
fn continues(prev: &str, next: &str) -> bool {
    let list_number = prev
        .strip_suffix('.')
        .is_some_and(|n| (1..=3).contains(&n.len()) && n.bytes().all(|b| b.is_ascii_digit()));
    let closing_only = next.chars().all(|c| matches!(c, '"' | '”' | '’' | '\'' | ')' | ']'));
    let opens_with_closer = next.starts_with([')', ']', ',', ';']);
    list_number || closing_only || opens_with_closer || continues_after_abbreviation(prev, next)
}

fn continues_after_abbreviation(prev: &str, next: &str) -> bool {
    let last_word = prev
        .rsplit(|c: char| c.is_whitespace() || matches!(c, '(' | '[' | '"' | '“' | '‘' | '\'' | '—' | '-'))
        .next()
        .unwrap_or("");
    let Some(abbr) = last_word.strip_suffix('.') else {
        return false;
    };
    let next_word: &str = next
        .split(|c: char| c.is_whitespace())
        .next()
        .unwrap_or("")
        .trim_start_matches(|c: char| !c.is_alphanumeric());
    let next_first = next_word.chars().next();
    let next_upper = next_first.is_some_and(char::is_uppercase);
    let next_digit = next_first.is_some_and(|c| c.is_ascii_digit());
    let next_word_bare = next_word.trim_end_matches(|c: char| !c.is_alphanumeric());
    let starter = SENTENCE_STARTERS.contains(&next_word_bare);

    if TITLES.contains(&abbr) {
        return next_upper || next_digit;
    }
    if MONTHS.contains(&abbr) {
        return next_digit;
    }
    // A single initial: "John F. Kennedy", "J. K. Rowling".
    let mut chars = abbr.chars();
    if let (Some(c), None) = (chars.next(), chars.next()) {
        return c.is_uppercase() && next_upper && !starter;
    }
    // Dotted acronyms ("U.S", "U.N", "D.C") and corporate / state abbreviations.
    let dotted = abbr.len() >= 3
        && abbr
            .split('.')
            .all(|p| p.chars().count() == 1 && p.chars().all(char::is_uppercase));
    if dotted || CORPORATE.contains(&abbr) {
        return next_digit || (next_upper && !starter);
    }
    false
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sentences(text: &str) -> Vec<&str> {
        let seg = segment(text);
        seg.sentences.iter().map(|s| s.span.slice(text)).collect()
    }

    #[test]
    fn abbreviations_do_not_end_sentences() {
        let text = "Mr. Rahami visited the U.S. Senate on Jan. 6 with John F. Kennedy Jr. Nobody saw him. He left.";
        assert_eq!(
            sentences(text),
            vec![
                "Mr. Rahami visited the U.S. Senate on Jan. 6 with John F. Kennedy Jr. Nobody saw him.",
                "He left."
            ]
        );
    }

    #[test]
    fn list_numbers_and_closing_marks_do_not_make_sentences() {
        let text = "1. Michelle Freeman (U.S. ) 12.71\n\n\"I am fine. \"\n\nHe left.";
        assert_eq!(
            sentences(text),
            vec!["1. Michelle Freeman (U.S. ) 12.71", "\"I am fine. \"", "He left."]
        );
    }

    #[test]
    fn acronym_followed_by_a_sentence_starter_ends_the_sentence() {
        let text = "He moved to the U.S. The next day he left.";
        assert_eq!(sentences(text), vec!["He moved to the U.S.", "The next day he left."]);
    }

    #[test]
    fn paragraphs_from_blank_lines_or_single_lines() {
        let text = "One. Two and\nstill one.\n\n  Second para.  \n\n\n";
        let seg = segment(text);
        let paras: Vec<&str> = seg.paragraphs.iter().map(|p| p.span.slice(text)).collect();
        assert_eq!(paras, vec!["One. Two and\nstill one.", "Second para."]);
        // A line ending a sentence before a line starting one ends its paragraph too.
        let text = "“We won,” she said.\n“Again.”\n\nThird.";
        let seg = segment(text);
        let paras: Vec<&str> = seg.paragraphs.iter().map(|p| p.span.slice(text)).collect();
        assert_eq!(paras, vec!["“We won,” she said.", "“Again.”", "Third."]);
        let text = "Line one.\nLine two.";
        let seg = segment(text);
        assert_eq!(seg.paragraphs.len(), 2);
        assert_eq!(seg.sentences[1].paragraph, 1);
    }

    #[test]
    fn tokens_skip_white_space_and_are_typed() {
        let text = "Peskov, 58, said “no” 🙂.";
        let seg = segment(text);
        let toks: Vec<(&str, TokenKind)> = seg.tokens.iter().map(|t| (t.span.slice(text), t.kind)).collect();
        assert_eq!(toks[0], ("Peskov", TokenKind::Word));
        assert_eq!(toks[1], (",", TokenKind::Punct));
        assert_eq!(toks[2], ("58", TokenKind::Number));
        assert!(toks.contains(&("“", TokenKind::Punct)));
        assert!(toks.contains(&("🙂", TokenKind::Symbol)));
    }

    #[test]
    fn empty_and_blank_texts_have_no_segments() {
        assert_eq!(segment(""), Segmentation::default());
        assert_eq!(segment(" \n\n \t"), Segmentation::default());
    }
}
