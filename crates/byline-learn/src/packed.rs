//! A trained model packed for decoding: the weights quantised to i16 exactly as the
//! file format stores them, each bucket's row padded to a power of two so that it sits
//! in one cache line. A quarter to a half of the f32 model's memory, and the same tags.

use crate::features::Features;
use crate::model::{Decode, Model, viterbi};

/// A [`Model`] for decoding only.
#[derive(Clone, Debug)]
pub struct Packed<const N: usize> {
    /// Feature buckets are `2^bits`.
    pub bits: u32,
    scale: f32,
    weights: Vec<i16>,
    transitions: Vec<f32>,
}

impl<const N: usize> Packed<N> {
    /// Packs `model` (lossless for a model read from its file format).
    pub fn new(model: &Model<N>) -> Self {
        assert!(N <= 16, "packed models have at most 16 tags");
        let stride = Self::STRIDE;
        let scale = model.scale();
        let buckets = 1usize << model.bits;
        let mut weights = vec![0i16; buckets * stride];
        for (bucket, row) in model.weights.chunks_exact(N).enumerate() {
            for (tag, w) in row.iter().enumerate() {
                weights[bucket * Self::STRIDE + tag] = (w / scale).round().clamp(-32767.0, 32767.0) as i16;
            }
        }
        Packed {
            bits: model.bits,
            scale,
            weights,
            transitions: model.transitions.clone(),
        }
    }

    /// Row length: `N` rounded up to a power of two.
    const STRIDE: usize = N.next_power_of_two();
}

/// The quantised weights of some features summed per tag: a part of a token's emission
/// scores that can be computed once and reused (integer sums, so adding parts in any
/// grouping gives exactly the scores of all the features at once).
pub type PartialSum = [i32; 16];

impl<const N: usize> Packed<N> {
    /// Adds the weight rows of `features` to `sum`.
    #[inline]
    fn add_rows(&self, features: &[u32], sum: &mut PartialSum) {
        // Whole padded rows, so the additions vectorise.
        for &f in features {
            let start = f as usize * Self::STRIDE;
            let row = &self.weights[start..start + Self::STRIDE];
            for k in 0..Self::STRIDE.min(16) {
                sum[k] += i32::from(row[k]);
            }
        }
    }

    /// The summed weights of `features`, for [`Packed::decode_with_parts`].
    pub fn partial_sum(&self, features: &[u32]) -> PartialSum {
        let mut sum = [0; 16];
        self.add_rows(features, &mut sum);
        sum
    }

    #[inline]
    fn scores(&self, sum: PartialSum, out: &mut [f32; N]) {
        for (o, s) in out.iter_mut().zip(sum) {
            *o = s as f32 * self.scale;
        }
    }

    /// [`Decode::decode`] where each token's emission scores are `parts[i]` plus the
    /// weights of its features in `sequence`: the same tags as decoding all the features,
    /// for callers that cache the part that depends on the word alone.
    pub fn decode_with_parts(
        &self,
        sequence: &Features,
        parts: &[PartialSum],
        allowed: impl Fn(Option<usize>, usize) -> bool,
    ) -> Vec<usize> {
        assert_eq!(parts.len(), sequence.len(), "one part per token");
        self.decode_from(sequence, |i| parts[i], allowed)
    }

    /// Viterbi with token `i`'s scores `part(i)` plus its features' rows; the weight rows
    /// of the token `AHEAD` positions on are asked for while this token's are summed:
    /// the rows are scattered over megabytes, and waiting for them is most of a large
    /// model's decoding time.
    fn decode_from(
        &self,
        sequence: &Features,
        part: impl Fn(usize) -> PartialSum,
        allowed: impl Fn(Option<usize>, usize) -> bool,
    ) -> Vec<usize> {
        const AHEAD: usize = 2;
        let n = sequence.len();
        viterbi(
            n,
            &self.transitions,
            |i, out| {
                if i + AHEAD < n {
                    self.prefetch(sequence.token(i + AHEAD));
                }
                let mut sum = part(i);
                self.add_rows(sequence.token(i), &mut sum);
                self.scores(sum, out);
            },
            allowed,
        )
    }
}

impl<const N: usize> Decode<N> for Packed<N> {
    #[inline]
    fn emissions(&self, features: &[u32], out: &mut [f32; N]) {
        self.scores(self.partial_sum(features), out);
    }

    fn transition_scores(&self) -> &[f32] {
        &self.transitions
    }

    /// Viterbi as for any model, prefetching weight rows (see `decode_from`).
    fn decode(&self, sequence: &Features, allowed: impl Fn(Option<usize>, usize) -> bool) -> Vec<usize> {
        self.decode_from(sequence, |_| [0; 16], allowed)
    }
}

impl<const N: usize> Packed<N> {
    /// Asks the CPU to bring these features' weight rows into its cache (a hint: no
    /// effect on results, nothing on targets without a prefetch instruction).
    #[inline]
    fn prefetch(&self, features: &[u32]) {
        #[cfg(target_arch = "x86_64")]
        for &f in features {
            let row = self.weights.as_ptr().wrapping_add(f as usize * Self::STRIDE);
            // SAFETY: a prefetch is only a hint; it never faults nor reads into the
            // program, whatever the address.
            unsafe { std::arch::x86_64::_mm_prefetch::<{ std::arch::x86_64::_MM_HINT_T0 }>(row.cast()) };
        }
        #[cfg(not(target_arch = "x86_64"))]
        let _ = features;
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::features::Features;

    #[test]
    fn packed_decoding_equals_the_model_s() {
        let mut m = Model::<3>::zeros(8);
        for (i, w) in m.weights.iter_mut().enumerate() {
            *w = ((i * 7919) % 23) as f32 / 7.0 - 1.5;
        }
        m.transitions[4] = 0.5;
        let m = Model::<3>::from_bytes(&m.to_bytes(b"TESTMDL1"), b"TESTMDL1").unwrap();
        let packed = Packed::new(&m);
        let seq = Features::from_tokens(&[vec![1, 9, 200], vec![3], vec![77, 5], vec![250, 1, 2]]);
        let any = |_: Option<usize>, _: usize| true;
        assert_eq!(packed.decode(&seq, any), m.decode(&seq, any));
        // The same tags with part of each token's features summed beforehand.
        let rest = Features::from_tokens(&[vec![9, 200], vec![], vec![5], vec![2]]);
        let parts = [vec![1], vec![3], vec![77], vec![250, 1]].map(|f| packed.partial_sum(&f));
        assert_eq!(packed.decode_with_parts(&rest, &parts, any), m.decode(&seq, any));
    }
}
