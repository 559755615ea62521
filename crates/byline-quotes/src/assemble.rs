//! From role tags to attributions: every cue segment of a paragraph opens an
//! attribution; each source and content segment joins the nearest cue (in tokens,
//! preferring its own sentence); a cue without content is dropped. Content without a
//! cue in its paragraph continues the previous paragraph's quote when the quotation
//! marks say so, and otherwise stands alone.

use crate::tags::{Role, TAG_ROLES, begin, segments};
use std::ops::Range;

/// One attribution found by the labeller, as token ranges.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Attribution {
    /// Cue token ranges (usually one).
    pub cue: Vec<Range<usize>>,
    /// The source, if written.
    pub source: Option<Range<usize>>,
    /// Content token ranges in text order.
    pub content: Vec<Range<usize>>,
}

impl Attribution {
    /// Drops a source or cue written inside the content ("“… Trump has …”" is no
    /// attribution of the quotation to Trump).
    pub fn drop_roles_inside_content(&mut self) {
        let inside = |r: &Range<usize>| self.content.iter().any(|c| c.start <= r.start && r.end <= c.end);
        if self.source.as_ref().is_some_and(inside) {
            self.source = None;
        }
        let cue = std::mem::take(&mut self.cue);
        self.cue = cue.into_iter().filter(|c| !inside(c)).collect();
    }
}

/// Content runs to the end of its clause far more often than the labeller's first-order
/// tags say: within a sentence, O tokens between two content segments join them, and O
/// tokens from a content segment to the sentence end extend it. `sentence_ends` are the
/// (paragraph-relative) token ends of the sentences.
pub fn repair_content(tags: &mut [usize], sentence_ends: &[usize]) {
    let content_b = begin(Role::Content);
    let mut start = 0;
    for &end in sentence_ends {
        let end = end.min(tags.len());
        let mut i = start;
        while i < end {
            if TAG_ROLES[tags[i]] != Some(Role::Content) {
                i += 1;
                continue;
            }
            // Skip to the end of this content segment.
            let mut j = i + 1;
            while j < end && tags[j] == content_b + 1 {
                j += 1;
            }
            // The O run after it, and what follows the run.
            let mut k = j;
            while k < end && tags[k] == 0 {
                k += 1;
            }
            if k > j && (k == end || tags[k] == content_b) {
                for t in &mut tags[j..k] {
                    *t = content_b + 1;
                }
                if k < end {
                    tags[k] = content_b + 1;
                }
            }
            i = k.max(j);
        }
        extend_inverted_content(&mut tags[start..end]);
        start = end;
    }
}

/// "Content, X said.": a content segment followed by its source or cue (after at most two
/// O tokens such as a comma) and preceded by O tokens only starts the sentence.
fn extend_inverted_content(sentence: &mut [usize]) {
    let content_b = begin(Role::Content);
    let Some(first) = sentence.iter().position(|&t| t != 0) else {
        return;
    };
    if first == 0 || sentence[first] != content_b {
        return;
    }
    let mut end = first + 1;
    while end < sentence.len() && sentence[end] == content_b + 1 {
        end += 1;
    }
    let next = (end..sentence.len().min(end + 3)).find(|&t| sentence[t] != 0);
    let attributed = next.is_some_and(|t| matches!(TAG_ROLES[sentence[t]], Some(Role::Source | Role::Cue)));
    if attributed {
        sentence[0] = content_b;
        for t in &mut sentence[1..=first] {
            *t = content_b + 1;
        }
    }
}

/// Token distance between two ranges (0 when they touch or overlap).
fn gap(a: &Range<usize>, b: &Range<usize>) -> usize {
    if a.end <= b.start {
        b.start - a.end
    } else {
        a.start.saturating_sub(b.end)
    }
}

/// Groups the role segments of one paragraph (`tags` for tokens `first..`) into
/// attributions; `sentence_of(token)` gives a token's sentence. Content segments that
/// found no cue are returned apart.
pub fn assemble(
    tags: &[usize],
    first: usize,
    sentence_of: impl Fn(usize) -> usize,
) -> (Vec<Attribution>, Vec<Range<usize>>) {
    let segs: Vec<(Range<usize>, Role)> = segments(tags)
        .into_iter()
        .map(|(s, e, r)| (first + s..first + e, r))
        .collect();
    let mut out: Vec<Attribution> = segs
        .iter()
        .filter(|(_, r)| *r == Role::Cue)
        .map(|(range, _)| Attribution {
            cue: vec![range.clone()],
            ..Attribution::default()
        })
        .collect();
    // The cue a segment belongs to: nearest, same sentence first, earlier cue on ties.
    // Cues are disjoint and in text order, so the nearest one on either side is the one
    // just before or just after the segment (a binary search: paragraphs with thousands
    // of cues stay linear).
    let nearest = |range: &Range<usize>, out: &[Attribution]| -> Option<usize> {
        let sentence = sentence_of(range.start);
        let last_sentence = sentence_of(range.end - 1);
        let after = out.partition_point(|a| a.cue[0].start < range.start);
        let candidates = [after.checked_sub(1), (after < out.len()).then_some(after)];
        candidates.into_iter().flatten().min_by_key(|&i| {
            let cue = &out[i].cue[0];
            let s = sentence_of(cue.start);
            let other_sentence = s < sentence || s > last_sentence;
            (other_sentence, gap(range, cue), i)
        })
    };
    let mut orphans = Vec::new();
    let mut source_gap = vec![usize::MAX; out.len()];
    for (range, role) in &segs {
        match role {
            Role::Cue => {}
            Role::Source => {
                if let Some(i) = nearest(range, &out) {
                    let g = gap(range, &out[i].cue[0]);
                    if g < source_gap[i] {
                        source_gap[i] = g;
                        out[i].source = Some(range.clone());
                    }
                }
            }
            Role::Content => match nearest(range, &out) {
                Some(i) => out[i].content.push(range.clone()),
                None => orphans.push(range.clone()),
            },
        }
    }
    out.retain(|a| !a.content.is_empty());
    (out, orphans)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sources_and_contents_join_the_nearest_cue() {
        // “A ,” he said . “ B . ” She added that C .
        // 0 1 2 3  4   5 6 7 8 9  10  11   12  13 14
        let tags = [5, 6, 6, 3, 1, 0, 5, 6, 6, 3, 1, 0, 5, 6];
        let sentence_of = |t: usize| usize::from(t >= 5) + usize::from(t >= 9);
        let (atts, orphans) = assemble(&tags, 0, sentence_of);
        assert!(orphans.is_empty());
        assert_eq!(atts.len(), 2);
        assert_eq!(atts[0].source, Some(3..4));
        assert_eq!(atts[0].content, vec![0..3, 6..9]);
        assert_eq!(atts[1].source, Some(9..10));
        assert_eq!(atts[1].content, vec![12..14]);
    }

    #[test]
    fn content_runs_to_the_sentence_end_and_over_gaps() {
        // X said that A b O c O O | O
        let mut tags = [3, 1, 0, 5, 6, 0, 5, 0, 0, 0];
        repair_content(&mut tags, &[9, 10]);
        assert_eq!(tags, [3, 1, 0, 5, 6, 6, 6, 6, 6, 0]);
        // Content before the cue stays as it is: A b , he said .
        let mut tags = [5, 6, 0, 3, 1, 0];
        repair_content(&mut tags, &[6]);
        assert_eq!(tags, [5, 6, 0, 3, 1, 0]);
        // … and reaches back to the sentence start: X y A b , he said .
        let mut tags = [0, 0, 5, 6, 0, 3, 1, 0];
        repair_content(&mut tags, &[8]);
        assert_eq!(tags, [5, 6, 6, 6, 0, 3, 1, 0]);
    }

    #[test]
    fn content_without_cue_is_an_orphan_and_cue_without_content_is_dropped() {
        let (atts, orphans) = assemble(&[5, 6, 0, 0], 10, |_| 0);
        assert!(atts.is_empty());
        assert_eq!(orphans, vec![10..12]);
        let (atts, _) = assemble(&[3, 1, 0], 0, |_| 0);
        assert!(atts.is_empty());
    }
}
