//! IOB2 tag ids shared by the taggers: tag 0 is O, and chunk type `k` (1-based) has
//! B = `2k − 1` and I = `2k`. Decoding constraint and chunk decoding over those ids.

/// True for the I- tags.
pub fn is_inside(tag: usize) -> bool {
    tag != 0 && tag % 2 == 0
}

/// The chunk type of a tag (0 for O).
pub fn chunk_type(tag: usize) -> usize {
    tag.div_ceil(2)
}

/// Whether `next` may follow `prev` (`None` at the start): I-X only after B-X or I-X.
pub fn allowed(prev: Option<usize>, next: usize) -> bool {
    if !is_inside(next) {
        return true;
    }
    prev.is_some_and(|p| p != 0 && chunk_type(p) == chunk_type(next))
}

/// Decodes tags into `(start, end_exclusive, chunk type)` token ranges.
pub fn chunks(tags: &[usize]) -> Vec<(usize, usize, usize)> {
    let mut out = Vec::new();
    let mut start: Option<usize> = None;
    for (i, &t) in tags.iter().enumerate() {
        let continues = is_inside(t) && start.is_some_and(|s| chunk_type(tags[s]) == chunk_type(t));
        if !continues {
            if let Some(s) = start.take() {
                out.push((s, i, chunk_type(tags[s])));
            }
            if t != 0 {
                start = Some(i);
            }
        }
    }
    if let Some(s) = start {
        out.push((s, tags.len(), chunk_type(tags[s])));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn chunks_and_constraint() {
        // B-1 I-1 O I-2 B-2 B-1
        assert_eq!(
            chunks(&[1, 2, 0, 4, 3, 1]),
            vec![(0, 2, 1), (3, 4, 2), (4, 5, 2), (5, 6, 1)]
        );
        assert!(allowed(Some(1), 2) && !allowed(Some(0), 2) && !allowed(Some(3), 2) && !allowed(None, 2));
        assert!(allowed(None, 1) && allowed(Some(2), 0));
    }
}
