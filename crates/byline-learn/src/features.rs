//! Hashed features of a token sequence: each feature is a template id mixed with its
//! parts ([`FeatureHash`]) and folded into `2^bits` buckets, so no feature dictionary
//! needs to be stored; [`Features`] keeps every token's buckets in one flat vector.

use crate::hash::mix;

/// The class of a character in a word shape: X upper-case, x lower-case, d digit, the
/// character itself otherwise.
#[inline]
pub fn char_class(c: char) -> char {
    if c.is_uppercase() {
        'X'
    } else if c.is_lowercase() {
        'x'
    } else if c.is_numeric() {
        'd'
    } else {
        c
    }
}

/// A distance as a small class for features: 0–3 as themselves, 4 for 4–6, 5 for
/// 7–`far`, 6 beyond.
#[inline]
pub fn distance_class(distance: usize, far: usize) -> u64 {
    match distance {
        0..=3 => distance as u64,
        4..=6 => 4,
        d if d <= far => 5,
        _ => 6,
    }
}

/// Builds the bucket of one feature: a template id and its parts, mixed as 64-bit words.
#[derive(Clone, Copy, Debug)]
pub struct FeatureHash(u64);

impl FeatureHash {
    /// Starts a feature of template `template`.
    #[inline]
    pub fn new(template: u64) -> Self {
        FeatureHash(mix(0x9E37_79B9_7F4A_7C15, template))
    }

    /// Adds one part (a word hash, a class, a count).
    #[inline]
    pub fn u64(self, part: u64) -> Self {
        FeatureHash(mix(self.0, part))
    }

    /// The bucket in `0..2^bits`.
    #[inline]
    pub fn finish(self, bits: u32) -> u32 {
        let h = self.0 ^ (self.0 >> 29);
        let h = h.wrapping_mul(0xBF58_476D_1CE4_E5B9);
        (h >> (64 - bits)) as u32
    }
}

/// The feature buckets of every token of a sequence, stored flat.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Features {
    ids: Vec<u32>,
    ends: Vec<u32>,
}

impl Features {
    /// Empty features with room for `tokens` tokens of about `per_token` features.
    pub fn with_capacity(tokens: usize, per_token: usize) -> Self {
        Features {
            ids: Vec::with_capacity(tokens * per_token),
            ends: Vec::with_capacity(tokens),
        }
    }

    /// Adds a bucket to the token being built.
    #[inline]
    pub fn push(&mut self, bucket: u32) {
        self.ids.push(bucket);
    }

    /// Closes the token being built; the next [`Features::push`] starts a new token.
    #[inline]
    pub fn end_token(&mut self) {
        self.ends.push(self.ids.len() as u32);
    }

    /// Number of tokens.
    pub fn len(&self) -> usize {
        self.ends.len()
    }

    /// Whether there are no tokens.
    pub fn is_empty(&self) -> bool {
        self.ends.is_empty()
    }

    /// The buckets of token `i`.
    pub fn token(&self, i: usize) -> &[u32] {
        let start = if i == 0 { 0 } else { self.ends[i - 1] as usize };
        &self.ids[start..self.ends[i] as usize]
    }

    /// The buckets of every token, in order.
    pub fn tokens(&self) -> impl Iterator<Item = &[u32]> {
        (0..self.len()).map(|i| self.token(i))
    }

    /// Builds features from per-token bucket lists (for tests and tools).
    pub fn from_tokens(tokens: &[Vec<u32>]) -> Self {
        let mut f = Features::default();
        for t in tokens {
            f.ids.extend_from_slice(t);
            f.end_token();
        }
        f
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tokens_keep_their_buckets() {
        let mut f = Features::with_capacity(2, 4);
        f.push(FeatureHash::new(1).u64(7).finish(10));
        f.push(3);
        f.end_token();
        f.end_token();
        assert_eq!(f.len(), 2);
        assert_eq!(f.token(0).len(), 2);
        assert!(f.token(1).is_empty());
        assert!(f.token(0)[0] < 1 << 10);
        assert_eq!(f, Features::from_tokens(&[f.token(0).to_vec(), vec![]]));
    }
}
