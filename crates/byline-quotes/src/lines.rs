//! Lines that are not reporting: headlines, bylines, photo captions and the link and
//! player text scraped pages carry ("WATCH: …", "MORE: …", "(Photo: …)"). Words of
//! such a line are nobody's statement and say nobody's words, so no attribution has its
//! cue there ("Okafor says depot will close" as a headline is no quote).

use byline_core::{Document, Span};

/// Most words of a headline: a longer line without final punctuation is a paragraph
/// whose punctuation went missing.
const MAX_HEADLINE_WORDS: usize = 16;

/// What opens a line of player, link or gallery text.
const MARKERS: &[&str] = &[
    "watch:",
    "watch |",
    "video:",
    "videos:",
    "more:",
    "read more",
    "related:",
    "see also",
    "just watched",
    "photo:",
    "photos:",
    "image:",
    "listen:",
    "click here",
    "sign up",
    "subscribe",
    "more videos",
    "watch more",
];

/// What marks a caption anywhere in its line.
const CAPTION_MARKS: &[&str] = &[
    "(photo",
    "(ap photo",
    "photo:",
    "photograph:",
    "getty images",
    "/ reuters",
    "(reuters photo",
    "image credit",
    "photo credit",
];

/// Most words of a byline ("By Jana Novak, city reporter").
const MAX_BYLINE_WORDS: usize = 10;

/// Whether the line `line` opens or holds the marks of a byline, caption or player/link
/// line.
fn is_marked(line: &str) -> bool {
    let lower = line.trim().to_lowercase();
    let byline = lower.starts_with("by ") && lower.split_whitespace().count() <= MAX_BYLINE_WORDS;
    byline || MARKERS.iter().any(|m| lower.starts_with(m)) || CAPTION_MARKS.iter().any(|m| lower.contains(m))
}

/// Whether a paragraph of one line reads as a headline: short, and not ending as a
/// sentence, a quotation or an introduction ends.
fn is_headline(paragraph: &str) -> bool {
    let trimmed = paragraph.trim();
    let Some(last) = trimmed.chars().next_back() else {
        return false;
    };
    let open_ending = !matches!(
        last,
        '.' | '!' | '?' | '”' | '"' | '’' | '\'' | ':' | ')' | '…' | ',' | ';' | '»'
    );
    !trimmed.contains('\n') && open_ending && trimmed.split_whitespace().count() <= MAX_HEADLINE_WORDS
}

/// The byte spans of the boilerplate of `doc`'s text, in order: marked lines anywhere,
/// and paragraphs that read as headlines when the text separates its paragraphs by blank
/// lines (where every line is a paragraph, a short line may be a hard-wrapped sentence).
pub(crate) fn boilerplate_lines(doc: &Document) -> Vec<Span> {
    let mut out = Vec::new();
    let mut start = 0;
    for line in doc.text.split_inclusive('\n') {
        let end = start + line.len();
        if is_marked(line) {
            out.push(Span::new(start, end));
        }
        start = end;
    }
    if doc.text.contains("\n\n") {
        out.extend(
            doc.paragraphs
                .iter()
                .filter(|p| is_headline(doc.span_text(p.span)))
                .map(|p| p.span),
        );
        out.sort_by_key(|s| s.start);
    }
    out
}

/// Whether byte offset `at` lies in one of `lines` (sorted spans).
pub(crate) fn in_lines(lines: &[Span], at: usize) -> bool {
    lines[..lines.partition_point(|l| l.start <= at)]
        .iter()
        .rev()
        .take(2)
        .any(|l| at < l.end)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn headlines_captions_and_player_lines_are_boilerplate() {
        let spans = [Span::new(0, 10), Span::new(20, 30)];
        assert!(in_lines(&spans, 0) && in_lines(&spans, 25) && !in_lines(&spans, 15) && !in_lines(&spans, 30));
        assert!(is_headline("Okafor says depot will close"));
        for line in [
            "WATCH: Okafor says the depot will close (2:14)",
            "By Jana Novak, city reporter",
            "Amara Okafor speaks to reporters on Tuesday. (Photo: Jana Novak)",
            "JUST WATCHED",
        ] {
            assert!(is_marked(line), "{line}");
        }
        for line in [
            "Amara Okafor said on Tuesday that the depot would close in March.",
            "“We will not close a single library,” Okafor said.",
            "Okafor made the following statement:",
            "",
        ] {
            assert!(!is_marked(line) && !is_headline(line), "{line}");
        }
    }
}
