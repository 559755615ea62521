//! Byte ↔ code-point offset conversion. Rust works in bytes; Python and the JSON
//! contract count Unicode code points. [`CharIndex`] converts in O(1) amortised time
//! with a checkpoint every 64 bytes, so a 10 MB article needs about 600 KB of index.

const BLOCK: usize = 64;

/// Precomputed checkpoints for converting byte offsets of one text into code points.
#[derive(Clone, Debug)]
pub struct CharIndex {
    ascii: bool,
    /// `checkpoints[i]` = number of code points that start before byte `i * BLOCK`.
    checkpoints: Vec<u32>,
    char_len: usize,
}

fn is_char_start(b: u8) -> bool {
    (b & 0xC0) != 0x80
}

impl CharIndex {
    /// Builds the index for `text`.
    pub fn new(text: &str) -> Self {
        let bytes = text.as_bytes();
        if bytes.is_ascii() {
            return CharIndex {
                ascii: true,
                checkpoints: Vec::new(),
                char_len: bytes.len(),
            };
        }
        let mut checkpoints = Vec::with_capacity(bytes.len() / BLOCK + 1);
        let mut count: u32 = 0;
        for chunk in bytes.chunks(BLOCK) {
            checkpoints.push(count);
            count += chunk.iter().filter(|&&b| is_char_start(b)).count() as u32;
        }
        CharIndex {
            ascii: false,
            checkpoints,
            char_len: count as usize,
        }
    }

    /// Number of code points in the text.
    pub fn char_len(&self) -> usize {
        self.char_len
    }

    /// The code-point offset of byte offset `byte` (which must be a char boundary of
    /// the same `text` the index was built from).
    pub fn char_offset(&self, text: &str, byte: usize) -> usize {
        if self.ascii {
            return byte;
        }
        debug_assert!(text.is_char_boundary(byte));
        let block = byte / BLOCK;
        if block >= self.checkpoints.len() {
            return self.char_len;
        }
        let base = self.checkpoints[block] as usize;
        let from = block * BLOCK;
        base + text.as_bytes()[from..byte]
            .iter()
            .filter(|&&b| is_char_start(b))
            .count()
    }

    /// The byte offset of code-point offset `chars`, or `None` past the end of the text.
    pub fn byte_offset(&self, text: &str, chars: usize) -> Option<usize> {
        if chars > self.char_len {
            return None;
        }
        if self.ascii {
            return Some(chars);
        }
        // Last block whose checkpoint is <= chars, then walk forward.
        let block = self
            .checkpoints
            .partition_point(|&c| (c as usize) <= chars)
            .saturating_sub(1);
        let mut count = self.checkpoints[block] as usize;
        let bytes = text.as_bytes();
        let mut pos = block * BLOCK;
        while pos < bytes.len() {
            if is_char_start(bytes[pos]) {
                if count == chars {
                    return Some(pos);
                }
                count += 1;
            }
            pos += 1;
        }
        (count == chars).then_some(bytes.len())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ascii_is_identity() {
        let t = "hello world";
        let idx = CharIndex::new(t);
        assert_eq!(idx.char_offset(t, 5), 5);
        assert_eq!(idx.byte_offset(t, 11), Some(11));
        assert_eq!(idx.byte_offset(t, 12), None);
    }

    #[test]
    fn round_trips_every_boundary_of_mixed_text() {
        let t = "Zoë said “ok” 🙂 — ".repeat(40) + "Ünïcödé ﷺ end";
        let idx = CharIndex::new(&t);
        assert_eq!(idx.char_len(), t.chars().count());
        for (cp, (byte, _)) in t.char_indices().enumerate() {
            assert_eq!(idx.char_offset(&t, byte), cp);
            assert_eq!(idx.byte_offset(&t, cp), Some(byte));
        }
        assert_eq!(idx.char_offset(&t, t.len()), idx.char_len());
        assert_eq!(idx.byte_offset(&t, idx.char_len()), Some(t.len()));
    }
}
