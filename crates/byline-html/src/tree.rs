//! Dependency trees as self-contained SVG (no scripts, no external assets): the words of a
//! sentence in a row with their UPOS below, one arc per word from its head, the relation
//! written on the arc and an arrowhead at the dependent. Arcs nest by length, so shorter
//! ones sit lower.

use crate::escape;
use byline_core::output::TokenOut;
use std::fmt::Write as _;

/// Trees shown per article at most (each sentence's tree is a few kB).
pub(crate) const MAX_TREES: usize = 50;

const CHAR_WIDTH: f64 = 7.5;
const GAP: f64 = 14.0;
const LEVEL: f64 = 22.0;

/// The SVG of one sentence's tree: `tokens` are the sentence's tokens, `first` the index
/// of the first one in the record (heads are record indices). Heads outside the sentence
/// are drawn as roots.
pub(crate) fn sentence_svg(tokens: &[TokenOut], first: usize) -> String {
    let n = tokens.len();
    let mut centres = Vec::with_capacity(n);
    let mut x = GAP;
    for t in tokens {
        let width = (t.text.chars().count().max(t.upos.len()) as f64) * CHAR_WIDTH;
        centres.push(x + width / 2.0);
        x += width + GAP;
    }
    let local = |head: Option<usize>| head.and_then(|h| h.checked_sub(first)).filter(|&h| h < n);
    let levels: Vec<usize> = (0..n)
        .map(|i| local(tokens[i].head).map_or(0, |h| h.abs_diff(i).min(12)))
        .collect();
    let top = levels.iter().max().copied().unwrap_or(0) as f64 * LEVEL + 24.0;
    let height = top + 40.0;
    let mut out = String::new();
    let _ = write!(
        out,
        "<svg class=\"tree\" xmlns=\"http://www.w3.org/2000/svg\" width=\"{x:.0}\" height=\"{height:.0}\" \
         role=\"img\" aria-label=\"dependency tree\">"
    );
    for (i, t) in tokens.iter().enumerate() {
        let (cx, base) = (centres[i], top);
        let _ = write!(
            out,
            "<text x=\"{cx:.1}\" y=\"{:.1}\" text-anchor=\"middle\" class=\"w\">{}</text>\
             <text x=\"{cx:.1}\" y=\"{:.1}\" text-anchor=\"middle\" class=\"p\">{}</text>",
            base + 16.0,
            escape(&t.text),
            base + 32.0,
            escape(&t.upos)
        );
        match local(t.head) {
            Some(h) => {
                let (from, to) = (centres[h], cx);
                let y = base - levels[i] as f64 * LEVEL;
                let _ = write!(
                    out,
                    "<path d=\"M{from:.1},{base:.1} C{from:.1},{y:.1} {to:.1},{y:.1} {to:.1},{base:.1}\" class=\"a\"/>\
                     <path d=\"M{:.1},{:.1} L{to:.1},{base:.1} L{:.1},{:.1}\" class=\"h\"/>\
                     <text x=\"{:.1}\" y=\"{:.1}\" text-anchor=\"middle\" class=\"l\">{}</text>",
                    to - 3.5,
                    base - 6.0,
                    to + 3.5,
                    base - 6.0,
                    (from + to) / 2.0,
                    y + levels[i] as f64 * LEVEL * 0.25 - 2.0,
                    escape(&t.dep)
                );
            }
            None => {
                let _ = write!(
                    out,
                    "<path d=\"M{cx:.1},4 L{cx:.1},{base:.1}\" class=\"a\"/>\
                     <text x=\"{:.1}\" y=\"12\" class=\"l\">{}</text>",
                    cx + 4.0,
                    escape(&t.dep)
                );
            }
        }
    }
    out.push_str("</svg>");
    out
}

/// The trees of a record's sentences (at most [`MAX_TREES`]), each in a collapsed
/// `<details>` with the sentence as its summary; empty without a tokens layer.
pub(crate) fn trees(tokens: Option<&[TokenOut]>, sentences: Option<&[[usize; 2]]>) -> String {
    let (Some(tokens), Some(sentences)) = (tokens, sentences) else {
        return String::new();
    };
    let mut out = String::from("<h3>Dependency trees</h3>");
    for &[start, end] in sentences.iter().take(MAX_TREES) {
        let Some(words) = tokens.get(start..end) else { continue };
        let summary: Vec<&str> = words.iter().map(|t| t.text.as_str()).collect();
        let _ = write!(
            out,
            "<details><summary>{}</summary>{}</details>",
            escape(&summary.join(" ")),
            sentence_svg(words, start)
        );
    }
    if sentences.len() > MAX_TREES {
        let _ = write!(
            out,
            "<p class=\"meta\">(the first {MAX_TREES} of {} sentences)</p>",
            sentences.len()
        );
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn token(text: &str, head: Option<usize>, dep: &str) -> TokenOut {
        TokenOut {
            start: 0,
            end: 0,
            text: text.to_owned(),
            lemma: text.to_lowercase(),
            upos: "X".to_owned(),
            xpos: "XX".to_owned(),
            head,
            dep: dep.to_owned(),
        }
    }

    #[test]
    fn one_arc_per_word_and_the_root_from_above() {
        let words = [
            token("Ann", Some(11), "nsubj"),
            token("left", None, "root"),
            token("<now>", Some(11), "obl"),
        ];
        let svg = sentence_svg(&words, 10);
        assert!(svg.starts_with("<svg") && svg.ends_with("</svg>"));
        assert_eq!(svg.matches("class=\"a\"").count(), 3);
        assert_eq!(svg.matches("class=\"h\"").count(), 2);
        assert!(svg.contains(">nsubj<") && svg.contains(">root<") && svg.contains("&lt;now&gt;"));
        assert!(!svg.contains("<script"));
        assert_eq!(trees(None, None), "");
    }
}
