//! Reliability of scores: how often the items scored in each tenth of [0, 1] are right,
//! against their mean score, and the expected calibration error over those buckets.

use std::fmt::Write as _;

/// Renders one line per score bucket (`score 0.8+  27 stances, mean score 0.87,
/// precision 100.00`) and the expected calibration error: the gap between mean score
/// and share right, weighted by the bucket's size. `scored` holds each item's score and
/// whether it was right.
pub(crate) fn render(scored: &[(f64, bool)], noun: &str) -> String {
    let mut out = String::new();
    // (count, right, sum of scores) per tenth.
    let mut buckets = [(0usize, 0usize, 0.0f64); 10];
    for &(score, right) in scored {
        let b = &mut buckets[((score * 10.0).floor() as usize).min(9)];
        b.0 += 1;
        b.1 += usize::from(right);
        b.2 += score;
    }
    let mut gap = 0.0;
    for (tenth, &(count, right, sum)) in buckets.iter().enumerate().filter(|(_, b)| b.0 > 0) {
        let (mean, share) = (sum / count as f64, right as f64 / count as f64);
        gap += count as f64 * (mean - share).abs();
        let _ = writeln!(
            out,
            "score {:.1}+ {count:>6} {noun}, mean score {mean:.2}, precision {:.2}",
            tenth as f64 / 10.0,
            100.0 * share
        );
    }
    if !scored.is_empty() {
        let _ = writeln!(
            out,
            "expected calibration error {:.2} % ({} {noun})",
            100.0 * gap / scored.len() as f64,
            scored.len()
        );
    }
    out
}

#[cfg(test)]
mod tests {
    #[test]
    fn calibration_error_weighs_buckets_by_size() {
        // 0.9 scored, 3 of 4 right (gap 0.15); 0.2 scored, 0 of 1 right (gap 0.2).
        let scored = [(0.9, true), (0.9, true), (0.9, true), (0.9, false), (0.2, false)];
        let out = super::render(&scored, "stances");
        assert!(
            out.contains("score 0.9+      4 stances, mean score 0.90, precision 75.00"),
            "{out}"
        );
        assert!(out.contains("expected calibration error 16.00 % (5 stances)"), "{out}");
    }
}
