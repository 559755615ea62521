//! A sparse multiclass linear model for greedy decisions (a tag per word, a transition per
//! parser step): features are 64-bit hashes kept exactly (a dictionary, not buckets), and
//! each feature stores weights only for the classes it was trained to tell apart, so
//! scoring costs a few additions per feature however many classes there are.
//!
//! [`MulticlassTrainer`] is an averaged perceptron (lazy averaging by time stamps);
//! [`MulticlassModel`] is what ships: an open-addressing table from feature to its
//! `(class, weight)` entries, written and read as bytes.

use crate::hash::FastMap;

/// An averaged multiclass perceptron over exact feature hashes.
pub struct MulticlassTrainer {
    classes: usize,
    rows: FastMap<u64, usize>,
    weights: Vec<f32>,
    totals: Vec<f64>,
    stamps: Vec<u32>,
    step: u32,
}

impl MulticlassTrainer {
    /// A trainer for `classes` classes (at most 65,536).
    pub fn new(classes: usize) -> Self {
        assert!(classes > 0 && classes <= 1 << 16, "1 to 65,536 classes");
        MulticlassTrainer {
            classes,
            rows: FastMap::default(),
            weights: Vec::new(),
            totals: Vec::new(),
            stamps: Vec::new(),
            step: 0,
        }
    }

    /// The number of classes.
    pub fn classes(&self) -> usize {
        self.classes
    }

    /// Adds the current weights of `features` to `scores` (one slot per class).
    pub fn add_scores(&self, features: &[u64], scores: &mut [f32]) {
        for f in features {
            if let Some(&row) = self.rows.get(f) {
                let w = &self.weights[row * self.classes..(row + 1) * self.classes];
                for (s, w) in scores.iter_mut().zip(w) {
                    *s += w;
                }
            }
        }
    }

    /// The highest-scoring class among those `allowed` (all when `None`), with the
    /// current weights.
    pub fn best(&self, features: &[u64], allowed: Option<&[bool]>, scores: &mut Vec<f32>) -> usize {
        scores.clear();
        scores.resize(self.classes, 0.0);
        self.add_scores(features, scores);
        best_class(scores, allowed)
    }

    fn row(&mut self, feature: u64) -> usize {
        let next = self.rows.len();
        let row = *self.rows.entry(feature).or_insert(next);
        if row == next {
            self.weights.resize((row + 1) * self.classes, 0.0);
            self.totals.resize((row + 1) * self.classes, 0.0);
            self.stamps.resize((row + 1) * self.classes, 0);
        }
        row
    }

    fn bump(&mut self, row: usize, class: usize, delta: f32) {
        let i = row * self.classes + class;
        let elapsed = self.step - self.stamps[i];
        self.totals[i] += f64::from(elapsed) * f64::from(self.weights[i]);
        self.stamps[i] = self.step;
        self.weights[i] += delta;
    }

    /// One perceptron update: `gold` up and `guess` down for every feature (nothing when
    /// they are equal). Call [`MulticlassTrainer::tick`] once per training example.
    pub fn update(&mut self, features: &[u64], gold: usize, guess: usize) {
        if gold == guess {
            return;
        }
        for &f in features {
            let row = self.row(f);
            self.bump(row, gold, 1.0);
            self.bump(row, guess, -1.0);
        }
    }

    /// Counts one training example (for averaging).
    pub fn tick(&mut self) {
        self.step += 1;
    }

    /// The averaged model, keeping per feature the weights whose magnitude is at least
    /// `min_weight` (pruning tiny weights shrinks the file without changing decisions
    /// measurably).
    pub fn finish(&self, min_weight: f32) -> MulticlassModel {
        let mut features: Vec<(u64, usize)> = self.rows.iter().map(|(&f, &r)| (f, r)).collect();
        features.sort_unstable();
        let mut entries = Vec::new();
        let mut kept = Vec::new();
        for (feature, row) in features {
            let start = entries.len();
            for class in 0..self.classes {
                let i = row * self.classes + class;
                let total = self.totals[i] + f64::from(self.step - self.stamps[i]) * f64::from(self.weights[i]);
                let averaged = (total / f64::from(self.step.max(1))) as f32;
                if averaged.abs() >= min_weight && averaged != 0.0 {
                    entries.push((class as u16, averaged));
                }
            }
            if entries.len() > start {
                kept.push((feature, start as u32, (entries.len() - start) as u32));
            }
        }
        MulticlassModel::from_parts(self.classes, &kept, entries)
    }
}

/// The best class of `scores` among those allowed (the first on ties); 0 when none is.
pub fn best_class(scores: &[f32], allowed: Option<&[bool]>) -> usize {
    let mut best = None;
    for (class, &score) in scores.iter().enumerate() {
        if allowed.is_some_and(|a| !a[class]) {
            continue;
        }
        if best.is_none_or(|(_, b)| score > b) {
            best = Some((class, score));
        }
    }
    best.map_or(0, |(class, _)| class)
}

/// A trained sparse multiclass model.
#[derive(Clone, Debug, PartialEq)]
pub struct MulticlassModel {
    classes: usize,
    /// Open-addressing table of features (key 0 = empty bucket), linear probing; a
    /// bucket holds a feature's first entries, so that a lookup usually touches one
    /// cache line.
    buckets: Vec<Bucket>,
    /// Entries past a bucket's inline ones.
    overflow: Vec<(u16, f32)>,
    features: usize,
}

/// Entries stored in the bucket itself.
const INLINE: usize = 3;

/// One feature's bucket: 32 bytes, half a cache line.
#[derive(Clone, Copy, Debug, Default, PartialEq)]
#[repr(C, align(32))]
struct Bucket {
    key: u64,
    weights: [f32; INLINE],
    classes: [u16; INLINE],
    len: u16,
    /// Where its entries past the inline ones start in `overflow`.
    rest: u32,
}

/// Feature 0 marks an empty slot; a real feature hashed to 0 is stored as this.
const ZERO_KEY: u64 = 0x8000_0000_0000_0001;

fn key_of(feature: u64) -> u64 {
    if feature == 0 { ZERO_KEY } else { feature }
}

impl MulticlassModel {
    fn from_parts(classes: usize, features: &[(u64, u32, u32)], entries: Vec<(u16, f32)>) -> Self {
        // A load of 3/4: short probes, no power-of-two rounding of the memory.
        let capacity = features.len() * 4 / 3 + 16;
        let mut buckets = vec![Bucket::default(); capacity];
        let mut overflow = Vec::new();
        for &(feature, start, len) in features {
            let key = key_of(feature);
            let mut i = slot_of(key, capacity);
            while buckets[i].key != 0 {
                i = if i + 1 == capacity { 0 } else { i + 1 };
            }
            let mine = &entries[start as usize..(start + len) as usize];
            let bucket = &mut buckets[i];
            bucket.key = key;
            bucket.len = mine.len() as u16;
            bucket.rest = overflow.len() as u32;
            for (k, &(class, w)) in mine.iter().enumerate() {
                if k < INLINE {
                    bucket.classes[k] = class;
                    bucket.weights[k] = w;
                } else {
                    overflow.push((class, w));
                }
            }
        }
        MulticlassModel {
            classes,
            buckets,
            overflow,
            features: features.len(),
        }
    }

    /// The number of classes.
    pub fn classes(&self) -> usize {
        self.classes
    }

    /// The number of features with weights.
    pub fn features(&self) -> usize {
        self.features
    }

    #[inline]
    fn bucket_of(&self, feature: u64) -> Option<&Bucket> {
        let key = key_of(feature);
        let capacity = self.buckets.len();
        let mut i = slot_of(key, capacity);
        loop {
            let bucket = &self.buckets[i];
            if bucket.key == key {
                return Some(bucket);
            }
            if bucket.key == 0 {
                return None;
            }
            i = if i + 1 == capacity { 0 } else { i + 1 };
        }
    }

    /// Each entry of a bucket, inline ones first.
    fn entries<'m>(&'m self, bucket: &'m Bucket) -> impl Iterator<Item = (u16, f32)> + 'm {
        let inline = (bucket.len as usize).min(INLINE);
        let rest = bucket.len as usize - inline;
        (0..inline).map(|k| (bucket.classes[k], bucket.weights[k])).chain(
            self.overflow[bucket.rest as usize..bucket.rest as usize + rest]
                .iter()
                .copied(),
        )
    }

    /// Adds the weights of `features` to `scores` (one slot per class). The buckets are
    /// prefetched first, so that their cache misses overlap instead of following one
    /// another.
    #[inline]
    pub fn add_scores(&self, features: &[u64], scores: &mut [f32]) {
        for &f in features {
            prefetch(&self.buckets[slot_of(key_of(f), self.buckets.len())]);
        }
        // Features are looked up in groups: the group's overflow entries are prefetched
        // before any is read.
        const GROUP: usize = 32;
        let mut found: [Option<&Bucket>; GROUP] = [None; GROUP];
        for group in features.chunks(GROUP) {
            for (slot, &f) in found.iter_mut().zip(group) {
                *slot = self.bucket_of(f);
                if let Some(bucket) = slot
                    && bucket.len as usize > INLINE
                {
                    prefetch_entries(&self.overflow[bucket.rest as usize..]);
                }
            }
            for bucket in found.iter().take(group.len()).flatten() {
                let inline = (bucket.len as usize).min(INLINE);
                for k in 0..inline {
                    scores[bucket.classes[k] as usize] += bucket.weights[k];
                }
                if bucket.len as usize > INLINE {
                    let start = bucket.rest as usize;
                    for &(class, w) in &self.overflow[start..start + bucket.len as usize - INLINE] {
                        scores[class as usize] += w;
                    }
                }
            }
        }
    }

    /// The highest-scoring class among those `allowed` (all when `None`).
    pub fn best(&self, features: &[u64], allowed: Option<&[bool]>, scores: &mut Vec<f32>) -> usize {
        scores.clear();
        scores.resize(self.classes, 0.0);
        self.add_scores(features, scores);
        best_class(scores, allowed)
    }

    /// The model as bytes: `magic`, then little-endian counts, features (in key order)
    /// and their entries.
    pub fn to_bytes(&self, magic: &[u8; 8]) -> Vec<u8> {
        let mut buckets: Vec<&Bucket> = self.buckets.iter().filter(|b| b.key != 0).collect();
        buckets.sort_unstable_by_key(|b| b.key);
        let entries: usize = buckets.iter().map(|b| b.len as usize).sum();
        let mut out = Vec::with_capacity(16 + buckets.len() * 10 + entries * 6);
        out.extend_from_slice(magic);
        out.extend_from_slice(&(self.classes as u32).to_le_bytes());
        out.extend_from_slice(&(buckets.len() as u32).to_le_bytes());
        for b in &buckets {
            out.extend_from_slice(&b.key.to_le_bytes());
            out.extend_from_slice(&b.len.to_le_bytes());
        }
        for b in &buckets {
            for (class, w) in self.entries(b) {
                out.extend_from_slice(&class.to_le_bytes());
                out.extend_from_slice(&w.to_le_bytes());
            }
        }
        out
    }

    /// Reads [`MulticlassModel::to_bytes`]' output.
    pub fn from_bytes(bytes: &[u8], magic: &[u8; 8]) -> Result<Self, String> {
        let mut r = Reader { bytes, at: 0 };
        if r.take(8)? != magic {
            return Err("not a model of this kind (wrong magic bytes)".to_owned());
        }
        let classes = r.u32()? as usize;
        let n = r.u32()? as usize;
        let mut features = Vec::with_capacity(n);
        let mut start = 0u32;
        for _ in 0..n {
            let key = u64::from_le_bytes(r.take(8)?.try_into().map_err(|_| "short read")?);
            let len = u32::from(u16::from_le_bytes(r.take(2)?.try_into().map_err(|_| "short read")?));
            features.push((key, start, len));
            start += len;
        }
        let mut entries = Vec::with_capacity(start as usize);
        for _ in 0..start {
            let class = u16::from_le_bytes(r.take(2)?.try_into().map_err(|_| "short read")?);
            let w = f32::from_le_bytes(r.take(4)?.try_into().map_err(|_| "short read")?);
            if class as usize >= classes {
                return Err(format!("class {class} out of range ({classes} classes)"));
            }
            entries.push((class, w));
        }
        if r.at != bytes.len() {
            return Err("trailing bytes after the model".to_owned());
        }
        Ok(MulticlassModel::from_parts(classes, &features, entries))
    }
}

/// Asks the processor to bring `bucket` into the cache (a hint; no effect elsewhere).
#[inline(always)]
fn prefetch(bucket: &Bucket) {
    #[cfg(target_arch = "x86_64")]
    // SAFETY: a prefetch reads nothing and cannot fault; the pointer is a valid reference.
    unsafe {
        std::arch::x86_64::_mm_prefetch(std::ptr::from_ref(bucket).cast::<i8>(), std::arch::x86_64::_MM_HINT_T0);
    }
    #[cfg(not(target_arch = "x86_64"))]
    let _ = bucket;
}

/// Asks the processor to bring the start of `entries` into the cache.
#[inline(always)]
fn prefetch_entries(entries: &[(u16, f32)]) {
    #[cfg(target_arch = "x86_64")]
    if let Some(first) = entries.first() {
        // SAFETY: a prefetch reads nothing and cannot fault; the pointer is a valid reference.
        unsafe {
            std::arch::x86_64::_mm_prefetch(std::ptr::from_ref(first).cast::<i8>(), std::arch::x86_64::_MM_HINT_T0);
        }
    }
    #[cfg(not(target_arch = "x86_64"))]
    let _ = entries;
}

/// The home bucket of a key among `capacity` (multiply-shift range reduction).
#[inline]
fn slot_of(key: u64, capacity: usize) -> usize {
    let mixed = (key ^ (key >> 31)).wrapping_mul(0x9E37_79B9_7F4A_7C15);
    ((u128::from(mixed) * capacity as u128) >> 64) as usize
}

struct Reader<'b> {
    bytes: &'b [u8],
    at: usize,
}

impl<'b> Reader<'b> {
    fn take(&mut self, n: usize) -> Result<&'b [u8], String> {
        let end = self.at + n;
        let part = self.bytes.get(self.at..end).ok_or("the model file is cut short")?;
        self.at = end;
        Ok(part)
    }
    fn u32(&mut self) -> Result<u32, String> {
        Ok(u32::from_le_bytes(self.take(4)?.try_into().map_err(|_| "short read")?))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn learns_a_separable_problem_and_round_trips() {
        // Class = which of features 1, 2, 3 is present; feature 0 and 99 are noise.
        let examples: Vec<(Vec<u64>, usize)> = (0..300).map(|i| (vec![0, 1 + (i % 3) as u64, 99], i % 3)).collect();
        let mut t = MulticlassTrainer::new(3);
        let mut scores = Vec::new();
        for _ in 0..5 {
            for (f, gold) in &examples {
                let guess = t.best(f, None, &mut scores);
                t.update(f, *gold, guess);
                t.tick();
            }
        }
        let model = t.finish(0.0);
        for (f, gold) in &examples {
            assert_eq!(model.best(f, None, &mut scores), *gold);
        }
        let bytes = model.to_bytes(b"TESTMODL");
        let again = MulticlassModel::from_bytes(&bytes, b"TESTMODL").unwrap();
        for (f, gold) in &examples {
            assert_eq!(again.best(f, None, &mut scores), *gold);
        }
        assert_eq!(again.to_bytes(b"TESTMODL"), bytes);
        assert!(MulticlassModel::from_bytes(&bytes[..bytes.len() - 1], b"TESTMODL").is_err());
        assert!(MulticlassModel::from_bytes(&bytes, b"OTHERMOD").is_err());
        // Only allowed classes are chosen.
        assert_eq!(model.best(&[3], None, &mut scores), 2);
        assert_ne!(model.best(&[3], Some(&[true, true, false]), &mut scores), 2);
    }
}
