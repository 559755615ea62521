//! Byte ranges into an article's text. Every layer stores [`Span`]s; conversion to
//! code points happens only at the boundaries (JSON output, Python).

use serde::{Deserialize, Serialize};

/// A half-open byte range `start..end` into the article text, on UTF-8 char boundaries.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub struct Span {
    /// First byte of the span.
    pub start: usize,
    /// One past the last byte of the span.
    pub end: usize,
}

impl Span {
    /// A span from `start` to `end` (bytes). Panics in debug builds if `start > end`.
    pub fn new(start: usize, end: usize) -> Self {
        debug_assert!(start <= end, "span start {start} > end {end}");
        Span { start, end }
    }

    /// Length in bytes.
    pub fn len(&self) -> usize {
        self.end - self.start
    }

    /// True when the span covers no bytes.
    pub fn is_empty(&self) -> bool {
        self.start == self.end
    }

    /// True when `other` lies entirely inside `self`.
    pub fn contains(&self, other: Span) -> bool {
        self.start <= other.start && other.end <= self.end
    }

    /// True when the two spans share at least one byte.
    pub fn overlaps(&self, other: Span) -> bool {
        self.start < other.end && other.start < self.end
    }

    /// Index of the span of `sorted` (ordered, non-overlapping) that contains `inner`.
    pub fn find_containing(sorted: &[Span], inner: Span) -> Option<usize> {
        let i = sorted.partition_point(|s| s.end < inner.end);
        (i < sorted.len() && sorted[i].contains(inner)).then_some(i)
    }

    /// True when some span of `sorted` (ordered by start) starts inside `self`.
    pub fn contains_start_of_any(&self, sorted: &[Span]) -> bool {
        let i = sorted.partition_point(|s| s.start < self.start);
        i < sorted.len() && sorted[i].start < self.end
    }

    /// The text this span covers.
    pub fn slice<'t>(&self, text: &'t str) -> &'t str {
        &text[self.start..self.end]
    }
}
