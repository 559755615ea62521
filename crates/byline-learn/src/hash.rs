//! A fast non-cryptographic hash for word tables and feature hashing: eight bytes per
//! multiply-rotate step (the FxHash recipe). The tables are built from our own data, so
//! hash flooding is not a concern; SipHash cost 5 % of tagging time.

use std::collections::{HashMap, HashSet};
use std::hash::{BuildHasherDefault, Hasher};

const SEED: u64 = 0x51_7c_c1_b7_27_22_0a_95;

/// Mixes one 64-bit word into a running hash.
#[inline]
pub fn mix(hash: u64, word: u64) -> u64 {
    (hash.rotate_left(5) ^ word).wrapping_mul(SEED)
}

/// Hashes a string, eight bytes at a time.
#[inline]
pub fn hash_str(s: &str) -> u64 {
    let mut h = s.len() as u64;
    let mut chunks = s.as_bytes().chunks_exact(8);
    for c in &mut chunks {
        h = mix(h, u64::from_le_bytes(c.try_into().unwrap_or_default()));
    }
    let rest = chunks.remainder();
    if !rest.is_empty() {
        let mut buf = [0u8; 8];
        buf[..rest.len()].copy_from_slice(rest);
        h = mix(h, u64::from_le_bytes(buf));
    }
    h
}

/// `word.to_lowercase()`, with a quicker path for ASCII words (most words of English
/// news): the same string either way.
#[inline]
pub fn lowercase(word: &str) -> String {
    if word.is_ascii() {
        word.to_ascii_lowercase()
    } else {
        word.to_lowercase()
    }
}

/// A [`Hasher`] for `HashMap`s keyed by strings.
#[derive(Default, Clone, Copy)]
pub struct FastHasher(u64);

impl Hasher for FastHasher {
    fn finish(&self) -> u64 {
        self.0
    }
    fn write(&mut self, bytes: &[u8]) {
        // `str` keys are written as their bytes then a 0xff marker byte.
        let mut chunks = bytes.chunks_exact(8);
        for c in &mut chunks {
            self.0 = mix(self.0, u64::from_le_bytes(c.try_into().unwrap_or_default()));
        }
        for &b in chunks.remainder() {
            self.0 = mix(self.0, u64::from(b));
        }
    }
    fn write_u8(&mut self, b: u8) {
        self.0 = mix(self.0, u64::from(b));
    }
}

/// A `HashMap` using [`FastHasher`].
pub type FastMap<K, V> = HashMap<K, V, BuildHasherDefault<FastHasher>>;
/// A `HashSet` using [`FastHasher`].
pub type FastSet<K> = HashSet<K, BuildHasherDefault<FastHasher>>;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn strings_hash_apart_and_maps_work() {
        assert_ne!(hash_str("Peskov"), hash_str("Peskova"));
        assert_ne!(hash_str(""), hash_str("\0"));
        assert_eq!(hash_str("Kremlin spokesperson"), hash_str("Kremlin spokesperson"));
        let mut m: FastMap<String, u32> = FastMap::default();
        m.insert("Peskov".into(), 1);
        assert_eq!(m.get("Peskov"), Some(&1));
        assert_eq!(m.get("Peskova"), None);
        assert_eq!(lowercase("PeSKov"), "peskov");
        assert_eq!(lowercase("ÉLYSÉE"), "élysée");
    }
}
