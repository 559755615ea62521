//! UAX #29 sentence boundaries, found quickly: the same boundaries as
//! `unicode_segmentation`'s `split_sentence_bound_indices`, which cost a tenth of the
//! pipeline's time when run over every character.
//!
//! Under UAX #29 a boundary can only follow a paragraph separator or a sentence
//! terminator (with its closing marks and spaces), and whether it does depends on the
//! text from the character before the terminator to the first letter after it. So only
//! small windows need the full rules: each starts at the last ASCII character before a
//! candidate (a terminator `.?!`, a line break, or any non-ASCII character, which could
//! be a terminator, a closing mark, a space or an extending mark) and ends after the
//! first ASCII letter that follows; the rules run on the window alone. The differential
//! tests check that the boundaries equal the full run's.

use unicode_segmentation::UnicodeSegmentation;

/// Could the rules place or block a boundary here? (A byte of the text.)
fn is_candidate(b: u8) -> bool {
    matches!(b, b'.' | b'?' | b'!' | b'\n' | b'\r' | 0x0B | 0x0C | 0x80..)
}

/// The byte offsets where sentences start after the first (`0`), in order.
pub fn sentence_starts(text: &str) -> Vec<usize> {
    let bytes = text.as_bytes();
    let mut starts = Vec::new();
    let mut i = 0;
    while i < bytes.len() {
        if !is_candidate(bytes[i]) {
            i += 1;
            continue;
        }
        // Left context: the last ASCII character before the candidate (never an
        // extending mark, so the rule "(Upper | Lower) ATerm × Upper" sees its letter).
        let mut start = i;
        while start > 0 && !bytes[start - 1].is_ascii() {
            start -= 1;
        }
        start = start.saturating_sub(1);
        // Right context: through the first ASCII letter after the last candidate.
        let mut end = i;
        while end < bytes.len() && !bytes[end].is_ascii_alphabetic() {
            end += 1;
        }
        end = (end + 1).min(bytes.len());
        // A window must start and end on character boundaries: `start` is an ASCII byte
        // or 0, `end` is after an ASCII byte or the text's end.
        let window = &text[start..end];
        for (off, _) in window.split_sentence_bound_indices().skip(1) {
            let at = start + off;
            if starts.last().is_none_or(|&last| at > last) {
                starts.push(at);
            }
        }
        i = end;
    }
    starts
}

/// The text cut at [`sentence_starts`]: `(offset, piece)` pairs exactly as
/// `split_sentence_bound_indices` gives them.
pub fn sentence_pieces(text: &str) -> impl Iterator<Item = (usize, &str)> {
    let mut ends = sentence_starts(text);
    ends.push(text.len());
    let mut start = 0;
    ends.into_iter().filter_map(move |end| {
        let piece = (start < end).then(|| (start, &text[start..end]));
        start = end;
        piece
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn reference(text: &str) -> Vec<(usize, &str)> {
        text.split_sentence_bound_indices().collect()
    }

    #[test]
    fn same_pieces_as_the_full_rules() {
        let texts = [
            "",
            "One.",
            "He left. She stayed.",
            "The U.S. Senate met on Jan. 6. Then it rained!",
            "“Contacts are hard.” He said so. (Really.) Yes?! No...  maybe.",
            "Prices rose 3.5 percent. e.g. this. etc. Fine",
            "Mr. Müller said: «Ça va.» Zoë agreed.\nNew line. \r\nCRLF. \u{2029}Para.",
            "Terminators: 。next ‼ and ؟ end. A\u{301}. B",
            "ÉLYSÉE. Élan. élan. 🙂. 🙂 Next. \u{200B}. x",
            "Trailing spaces.   ",
            "...",
            ". . . A",
            "a.b.c. D",
            "\u{85}Next line.\u{2028}Sep. ok",
        ];
        for text in texts {
            assert_eq!(sentence_pieces(text).collect::<Vec<_>>(), reference(text), "{text:?}");
        }
    }
}
