//! A linear-chain model over `N` tags: one score per feature bucket and tag plus tag
//! transitions, first-order Viterbi decoding under a caller's transition constraint
//! (IOB2 validity, say), and a compact binary format: non-zero weights quantised to i16
//! and stored sparsely with varint index deltas, behind an 8-byte magic naming the model.

use crate::features::Features;

/// A trained linear-chain model over `N` tags.
#[derive(Clone, Debug, PartialEq)]
pub struct Model<const N: usize> {
    /// Feature buckets are `2^bits`.
    pub bits: u32,
    /// `weights[bucket * N + tag]`.
    pub weights: Vec<f32>,
    /// `transitions[prev * N + tag]`; row `N` is the sequence start.
    pub transitions: Vec<f32>,
}

impl<const N: usize> Model<N> {
    /// An all-zero model with `2^bits` buckets.
    pub fn zeros(bits: u32) -> Self {
        Model {
            bits,
            weights: vec![0.0; (1usize << bits) * N],
            transitions: vec![0.0; (N + 1) * N],
        }
    }

    /// The quantisation step of the file format: the largest weight maps to ±32767.
    pub(crate) fn scale(&self) -> f32 {
        let max = self
            .weights
            .iter()
            .chain(&self.transitions)
            .fold(0.0f32, |m, w| m.max(w.abs()));
        if max > 0.0 { max / 32767.0 } else { 1.0 }
    }

    /// Serialises the model behind `magic` (weights quantised to i16, zeros dropped).
    pub fn to_bytes(&self, magic: &[u8; 8]) -> Vec<u8> {
        let scale = self.scale();
        let mut out = Vec::new();
        out.extend_from_slice(magic);
        out.extend_from_slice(&self.bits.to_le_bytes());
        out.extend_from_slice(&scale.to_le_bytes());
        for t in &self.transitions {
            out.extend_from_slice(&t.to_le_bytes());
        }
        let mut last = 0usize;
        let mut count = 0u64;
        let mut body = Vec::new();
        for (i, w) in self.weights.iter().enumerate() {
            let q = (w / scale).round() as i32;
            if q == 0 {
                continue;
            }
            write_varint(&mut body, (i - last) as u64);
            body.extend_from_slice(&(q.clamp(-32767, 32767) as i16).to_le_bytes());
            last = i;
            count += 1;
        }
        out.extend_from_slice(&count.to_le_bytes());
        out.extend_from_slice(&body);
        out
    }

    /// Reads a model written by [`Model::to_bytes`] with the same `magic`.
    pub fn from_bytes(bytes: &[u8], magic: &[u8; 8]) -> Result<Self, String> {
        let mut r = Reader { bytes, pos: 0 };
        if r.take(8)? != magic {
            return Err(format!(
                "not a {} model (bad magic bytes)",
                String::from_utf8_lossy(magic)
            ));
        }
        let bits = u32::from_le_bytes(r.take(4)?.try_into().unwrap());
        if !(8..=26).contains(&bits) {
            return Err(format!("model has an implausible bucket count 2^{bits}"));
        }
        let scale = f32::from_le_bytes(r.take(4)?.try_into().unwrap());
        let mut model = Model::zeros(bits);
        for t in model.transitions.iter_mut() {
            *t = f32::from_le_bytes(r.take(4)?.try_into().unwrap());
        }
        let count = u64::from_le_bytes(r.take(8)?.try_into().unwrap());
        let mut index = 0usize;
        for _ in 0..count {
            index += r.varint()? as usize;
            let q = i16::from_le_bytes(r.take(2)?.try_into().unwrap());
            let slot = model.weights.get_mut(index).ok_or("weight index out of range")?;
            *slot = f32::from(q) * scale;
        }
        Ok(model)
    }
}

/// A linear-chain tagger over `N` tags: emission scores per token, transition scores
/// between tags, and first-order Viterbi decoding.
pub trait Decode<const N: usize> {
    /// The emission scores of every tag for one token's features.
    fn emissions(&self, features: &[u32], out: &mut [f32; N]);

    /// `transitions[prev * N + tag]`; row `N` is the sequence start.
    fn transition_scores(&self) -> &[f32];

    /// The best tag sequence for a sequence's token features among those where every
    /// step is `allowed(previous tag or None at the start, tag)`.
    fn decode(&self, sequence: &Features, allowed: impl Fn(Option<usize>, usize) -> bool) -> Vec<usize> {
        viterbi(
            sequence.len(),
            self.transition_scores(),
            |i, out| self.emissions(sequence.token(i), out),
            allowed,
        )
    }
}

impl<const N: usize> Decode<N> for Model<N> {
    #[inline]
    fn emissions(&self, features: &[u32], out: &mut [f32; N]) {
        *out = [0.0; N];
        for &f in features {
            let row = &self.weights[f as usize * N..(f as usize + 1) * N];
            for (o, w) in out.iter_mut().zip(row) {
                *o += w;
            }
        }
    }

    fn transition_scores(&self) -> &[f32] {
        &self.transitions
    }
}

/// First-order Viterbi over `n` positions: `emissions(i, out)` fills position `i`'s tag
/// scores, `transitions[prev * N + tag]` (row `N` = start) scores steps, and only steps
/// with `allowed(previous tag or None, tag)` are taken.
pub(crate) fn viterbi<const N: usize>(
    n: usize,
    transitions: &[f32],
    mut emissions: impl FnMut(usize, &mut [f32; N]),
    allowed: impl Fn(Option<usize>, usize) -> bool,
) -> Vec<usize> {
    if n == 0 {
        return Vec::new();
    }
    // Transition scores with disallowed steps at -inf, asked once per sequence.
    let mut step = vec![[f32::NEG_INFINITY; N]; N + 1];
    for (p, row) in step.iter_mut().enumerate() {
        let prev = (p < N).then_some(p);
        for (t, cell) in row.iter_mut().enumerate() {
            if allowed(prev, t) {
                *cell = transitions[p * N + t];
            }
        }
    }
    let mut score = vec![[f32::NEG_INFINITY; N]; n];
    let mut back = vec![[0u8; N]; n];
    let mut emit = [0.0f32; N];
    emissions(0, &mut emit);
    for t in 0..N {
        score[0][t] = emit[t] + step[N][t];
    }
    for i in 1..n {
        emissions(i, &mut emit);
        // Previous tags in the outer loop, so that the inner loop over tags is a
        // branch-free vector max; the first best predecessor wins ties, as before.
        let prev = score[i - 1];
        let mut best = [f32::NEG_INFINITY; N];
        let mut arg = [0u8; N];
        for (p, row) in step[..N].iter().enumerate() {
            for t in 0..N {
                let s = prev[p] + row[t];
                if s > best[t] {
                    best[t] = s;
                    arg[t] = p as u8;
                }
            }
        }
        for t in 0..N {
            score[i][t] = best[t] + emit[t];
        }
        back[i] = arg;
    }
    let mut tag = (0..N)
        .max_by(|&a, &b| score[n - 1][a].total_cmp(&score[n - 1][b]))
        .unwrap_or(0);
    let mut out = vec![0; n];
    for i in (0..n).rev() {
        out[i] = tag;
        tag = back[i][tag] as usize;
    }
    out
}

fn write_varint(out: &mut Vec<u8>, mut v: u64) {
    while v >= 0x80 {
        out.push((v as u8) | 0x80);
        v >>= 7;
    }
    out.push(v as u8);
}

struct Reader<'a> {
    bytes: &'a [u8],
    pos: usize,
}

impl<'a> Reader<'a> {
    fn take(&mut self, n: usize) -> Result<&'a [u8], String> {
        let s = self
            .bytes
            .get(self.pos..self.pos + n)
            .ok_or("model file is truncated")?;
        self.pos += n;
        Ok(s)
    }
    fn varint(&mut self) -> Result<u64, String> {
        let mut v = 0u64;
        for shift in (0..64).step_by(7) {
            let b = self.take(1)?[0];
            v |= u64::from(b & 0x7f) << shift;
            if b < 0x80 {
                return Ok(v);
            }
        }
        Err("bad varint in model file".into())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const MAGIC: &[u8; 8] = b"TESTMDL1";

    /// IOB2 over one type: 0 = O, 1 = B, 2 = I; I may not follow O or open.
    fn iob(prev: Option<usize>, next: usize) -> bool {
        next != 2 || prev.is_some_and(|p| p != 0)
    }

    #[test]
    fn round_trips_through_bytes() {
        let mut m = Model::<3>::zeros(8);
        m.weights[5] = 1.5;
        m.weights[700] = -0.25;
        m.transitions[3] = 0.75;
        let back = Model::<3>::from_bytes(&m.to_bytes(MAGIC), MAGIC).unwrap();
        assert!((back.weights[5] - 1.5).abs() < 1e-3);
        assert!((back.weights[700] + 0.25).abs() < 1e-3);
        assert_eq!(back.transitions[3], 0.75);
        assert!(Model::<3>::from_bytes(b"garbage", MAGIC).is_err());
        assert!(Model::<3>::from_bytes(&m.to_bytes(b"OTHERMDL"), MAGIC).is_err());
    }

    #[test]
    fn decoding_respects_the_constraint() {
        let mut m = Model::<3>::zeros(8);
        // Feature 1 strongly prefers I, which may not open a sequence.
        m.weights[3 + 2] = 5.0;
        m.weights[3 + 1] = 1.0;
        let tags = m.decode(&Features::from_tokens(&[vec![1], vec![1]]), iob);
        assert_eq!(tags, vec![1, 2]);
    }
}
