//! Syntactic words from the core tokens, as the English UD treebanks (GUM, EWT) cut them.
//!
//! The core tokens follow Unicode word boundaries; UD differs in a few regular ways, and
//! the syntax layer follows UD so that each word gets its own tag and head:
//! - clitics are split off: "don't" → "do" + "n't", "can't" → "ca" + "n't",
//!   "Russia's" → "Russia" + "'s", "they're", "I'll", "we've", "I'd", "I'm" likewise
//!   (either apostrophe); "gonna" → "gon" + "na", "wanna", "gotta", "cannot" → "can" +
//!   "not";
//! - pieces are joined: an abbreviation or an initial and its period ("Mr" + "." →
//!   "Mr.", "U.S" + "." → "U.S.", "J" + "." → "J."), a prefix and the word it is hyphenated to ("non" + "-" + "profit" →
//!   "non-profit", `HYPHEN_PREFIXES`), and runs of the same punctuation mark ("...",
//!   "--"). Other hyphenated words stay three words ("well", "-", "known"), as GUM and
//!   EWT cut them (GUM train and EWT dev: 889 such hyphens split, 228 words joined, nearly
//!   all of them after one of these prefixes).
//!
//! Every word keeps exact byte offsets into the text (a split word is a part of its
//! token, a joined one spans its tokens).

use byline_core::segment::is_abbreviation;
use byline_core::{Span, Token, TokenKind};

/// One syntactic word: where it is and the (first) token it lies in.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct WordSpan {
    pub(crate) span: Span,
    pub(crate) token: usize,
}

/// The syntactic words of one sentence's tokens (`first` is the index of `tokens[0]`).
pub(crate) fn words(text: &str, tokens: &[Token], first: usize) -> Vec<WordSpan> {
    let mut out = Vec::with_capacity(tokens.len() + tokens.len() / 8);
    let mut i = 0;
    while i < tokens.len() {
        let end = joined_end(text, tokens, i);
        if end > i + 1 {
            out.push(WordSpan {
                span: Span::new(tokens[i].span.start, tokens[end - 1].span.end),
                token: first + i,
            });
        } else {
            split(text, tokens[i], first + i, &mut out);
        }
        i = end;
    }
    out
}

/// One past the last token that joins token `i` into one word (`i + 1`: none does).
fn joined_end(text: &str, tokens: &[Token], i: usize) -> usize {
    let slice = |t: &Token| t.span.slice(text);
    let adjacent = |a: usize| a + 1 < tokens.len() && tokens[a].span.end == tokens[a + 1].span.start;
    let t = &tokens[i];
    match t.kind {
        TokenKind::Word => {
            // "non-profit", "co-founder": a prefix, a hyphen and a word, without spaces.
            if adjacent(i)
                && adjacent(i + 1)
                && slice(&tokens[i + 1]) == "-"
                && tokens[i + 2].kind == TokenKind::Word
                && HYPHEN_PREFIXES.contains(&slice(t).to_ascii_lowercase().as_str())
            {
                return i + 3;
            }
            // "Mr.", "U.S.", "Inc.": an abbreviation and its period; "J. K. Rowling": an
            // initial and its period, unless that period ends the sentence ("plan B.").
            if adjacent(i) && slice(&tokens[i + 1]) == "." {
                let initial = i + 2 < tokens.len() && is_initial(slice(t));
                if initial || is_abbreviation(slice(t)) {
                    return i + 2;
                }
            }
            i + 1
        }
        TokenKind::Punct => {
            let mark = slice(t);
            // "'s", "'re" … written apart from their word: the apostrophe and the clitic.
            if matches!(mark, "'" | "\u{2019}")
                && adjacent(i)
                && tokens[i + 1].kind == TokenKind::Word
                && CLITICS.contains(&slice(&tokens[i + 1]).to_ascii_lowercase().as_str())
            {
                return i + 2;
            }
            // "...", "--", "!!": a run of one mark.
            let mut end = i + 1;
            if matches!(mark, "." | "-" | "!" | "?" | "*" | "=" | "_") {
                while adjacent(end - 1) && slice(&tokens[end]) == mark {
                    end += 1;
                }
            }
            end
        }
        _ => i + 1,
    }
}

/// One capital letter: an initial when a period follows.
fn is_initial(word: &str) -> bool {
    word.len() == 1 && word.as_bytes()[0].is_ascii_uppercase()
}

/// Prefixes that GUM and EWT keep in one word with the hyphen and the word after it: the
/// alphabetic first parts of hyphenated words that GUM train and EWT dev join at least
/// twice and more often than they split them ("pan" is split more often; names such as
/// "Naqsh-e" left out), and the rarer "proto", "socio".
const HYPHEN_PREFIXES: &[&str] = &[
    "anti", "co", "counter", "cross", "e", "inter", "mid", "mini", "non", "post", "pre", "pro", "proto", "re", "semi",
    "socio", "sub",
];

/// Clitics that UD writes as words of their own, after the apostrophe.
const CLITICS: &[&str] = &["s", "re", "ll", "ve", "d", "m"];

/// Pushes the words of one token: itself, or its parts when a clitic splits off.
fn split(text: &str, token: Token, index: usize, out: &mut Vec<WordSpan>) {
    let word = token.span.slice(text);
    let at = if token.kind == TokenKind::Word {
        split_point(word)
    } else {
        None
    };
    match at {
        Some(at) => {
            let middle = token.span.start + at;
            out.push(WordSpan {
                span: Span::new(token.span.start, middle),
                token: index,
            });
            out.push(WordSpan {
                span: Span::new(middle, token.span.end),
                token: index,
            });
        }
        None => out.push(WordSpan {
            span: token.span,
            token: index,
        }),
    }
}

/// Where a word splits in two, if it does (a byte offset inside it).
fn split_point(word: &str) -> Option<usize> {
    let lower = word.to_ascii_lowercase();
    for (whole, at) in [("gonna", 3), ("wanna", 3), ("gotta", 3), ("cannot", 3)] {
        if lower == whole {
            return Some(at);
        }
    }
    // "n't" / "n’t" after at least one letter.
    for suffix in ["n't", "n\u{2019}t"] {
        if lower.len() > suffix.len() && lower.ends_with(suffix) {
            return Some(word.len() - suffix.len());
        }
    }
    // "'s", "'re" … after at least one letter.
    for apostrophe in ['\'', '\u{2019}'] {
        if let Some(pos) = word.rfind(apostrophe)
            && pos > 0
            && CLITICS.contains(&lower[pos + apostrophe.len_utf8()..].as_ref())
        {
            return Some(pos);
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;
    use byline_core::segment::segment;

    fn cut(text: &str) -> Vec<&str> {
        let seg = segment(text);
        words(text, &seg.tokens, 0).iter().map(|w| w.span.slice(text)).collect()
    }

    #[test]
    fn splits_clitics_and_joins_pieces_as_ud_does() {
        assert_eq!(
            cut("Mr. Smith's well-known non-profit U.S. firm can't go... They’re gonna win."),
            [
                "Mr.",
                "Smith",
                "'s",
                "well",
                "-",
                "known",
                "non-profit",
                "U.S.",
                "firm",
                "ca",
                "n't",
                "go",
                "...",
                "They",
                "’re",
                "gon",
                "na",
                "win",
                "."
            ]
        );
        assert_eq!(
            cut("I'm sure it's 3.5 -- not 4."),
            ["I", "'m", "sure", "it", "'s", "3.5", "--", "not", "4", "."]
        );
        assert_eq!(cut("'s n't"), ["'s", "n't"]);
        assert_eq!(cut("co-founder Non-"), ["co-founder", "Non", "-"]);
        assert_eq!(
            cut("J. K. Rowling wrote it. Plan B."),
            ["J.", "K.", "Rowling", "wrote", "it", ".", "Plan", "B", "."]
        );
    }
}
