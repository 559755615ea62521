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
    /// Entries past a bucket's inline ones, for features with a few classes.
    overflow: Vec<(u16, f32)>,
    /// Features with weights for many classes keep a dense row of `classes` weights
    /// here: adding a row is a handful of vector additions where scattered entries
    /// would be a chain of dependent loads and stores (the tag-only features of a
    /// parser have weights for nearly every transition).
    dense: Vec<f32>,
    features: usize,
}

/// Entries stored in the bucket itself.
const INLINE: usize = 3;

/// Features with more entries than this keep a dense row.
const DENSE_FROM: usize = 8;

/// One feature's bucket: 32 bytes, half a cache line.
#[derive(Clone, Copy, Debug, Default, PartialEq)]
#[repr(C, align(32))]
struct Bucket {
    key: u64,
    weights: [f32; INLINE],
    classes: [u16; INLINE],
    /// How many entries, or `DENSE` for a dense row.
    len: u8,
    /// One more than the distance from the key's home slot; 0 in an empty bucket.
    probe: u8,
    /// Where its entries past the inline ones start in `overflow`, or (for a dense
    /// feature) which row of `dense` is its own.
    rest: u32,
}

/// `Bucket::len` of a feature with a dense row.
const DENSE: u8 = u8::MAX;

impl Bucket {
    fn is_dense(&self) -> bool {
        self.len == DENSE
    }
}

/// Feature 0 marks an empty slot; a real feature hashed to 0 is stored as this.
const ZERO_KEY: u64 = 0x8000_0000_0000_0001;

fn key_of(feature: u64) -> u64 {
    if feature == 0 { ZERO_KEY } else { feature }
}

impl MulticlassModel {
    fn from_parts(classes: usize, features: &[(u64, u32, u32)], entries: Vec<(u16, f32)>) -> Self {
        // A load of 3/4 with Robin Hood placement: short probes, for features that are
        // absent too (most of a parser's feature conjunctions were never seen).
        let capacity = features.len() * 4 / 3 + 16;
        let mut buckets = vec![Bucket::default(); capacity];
        let mut overflow = Vec::new();
        let mut dense = Vec::new();
        for &(feature, start, len) in features {
            let mine = &entries[start as usize..(start + len) as usize];
            let mut bucket = Bucket {
                key: key_of(feature),
                len: if mine.len() > DENSE_FROM {
                    DENSE
                } else {
                    mine.len() as u8
                },
                ..Bucket::default()
            };
            if bucket.is_dense() {
                bucket.rest = (dense.len() / classes) as u32;
                let row = dense.len();
                dense.resize(row + classes, 0.0);
                for &(class, w) in mine {
                    dense[row + class as usize] = w;
                }
            } else {
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
            // Robin Hood: a bucket farther from its home slot takes the place of one
            // nearer to its own, which moves on; so a lookup can stop at the first
            // bucket nearer home than the probe is.
            let mut i = slot_of(bucket.key, capacity);
            bucket.probe = 1;
            loop {
                let here = &mut buckets[i];
                if here.probe == 0 {
                    *here = bucket;
                    break;
                }
                if here.probe < bucket.probe {
                    std::mem::swap(here, &mut bucket);
                }
                i = if i + 1 == capacity { 0 } else { i + 1 };
                bucket.probe = bucket
                    .probe
                    .checked_add(1)
                    .expect("probe sequences stay short at a load of 3/4");
            }
        }
        MulticlassModel {
            classes,
            buckets,
            overflow,
            dense,
            features: features.len(),
        }
    }

    fn dense_row(&self, bucket: &Bucket) -> &[f32] {
        let start = bucket.rest as usize * self.classes;
        &self.dense[start..start + self.classes]
    }

    /// The number of classes.
    pub fn classes(&self) -> usize {
        self.classes
    }

    /// The number of features with weights.
    pub fn features(&self) -> usize {
        self.features
    }

    /// The bucket of the key whose home slot is `home`, if the key is there.
    #[inline]
    fn bucket_at(&self, key: u64, home: usize) -> Option<&Bucket> {
        let capacity = self.buckets.len();
        let mut i = home;
        let mut probe = 1;
        loop {
            let bucket = &self.buckets[i];
            if bucket.key == key {
                return Some(bucket);
            }
            // An empty bucket (probe 0), or one nearer its home than this probe.
            if bucket.probe < probe {
                return None;
            }
            i = if i + 1 == capacity { 0 } else { i + 1 };
            probe += 1;
        }
    }

    /// Each entry of a bucket in class order (as trained: a dense row's zeros are
    /// weights that were never stored).
    fn entries<'m>(&'m self, bucket: &'m Bucket) -> Box<dyn Iterator<Item = (u16, f32)> + 'm> {
        if bucket.is_dense() {
            return Box::new(
                self.dense_row(bucket)
                    .iter()
                    .enumerate()
                    .filter(|(_, w)| **w != 0.0)
                    .map(|(class, &w)| (class as u16, w)),
            );
        }
        let inline = usize::from(bucket.len).min(INLINE);
        let rest = usize::from(bucket.len) - inline;
        Box::new(
            (0..inline).map(|k| (bucket.classes[k], bucket.weights[k])).chain(
                self.overflow[bucket.rest as usize..bucket.rest as usize + rest]
                    .iter()
                    .copied(),
            ),
        )
    }

    /// Adds the weights of `features` to `scores` (one slot per class). The buckets are
    /// prefetched first, so that their cache misses overlap instead of following one
    /// another.
    #[inline]
    pub fn add_scores(&self, features: &[u64], scores: &mut [f32]) {
        let scores = &mut scores[..self.classes];
        // Features go in groups: first every home bucket of the group is prefetched,
        // then the buckets are found and their overflow entries prefetched, then added.
        const GROUP: usize = 32;
        let mut keys = [(0u64, 0usize); GROUP];
        let mut found: [Option<&Bucket>; GROUP] = [None; GROUP];
        for group in features.chunks(GROUP) {
            for (slot, &f) in keys.iter_mut().zip(group) {
                let key = key_of(f);
                let home = slot_of(key, self.buckets.len());
                prefetch(&self.buckets[home]);
                *slot = (key, home);
            }
            for (slot, &(key, home)) in found.iter_mut().zip(&keys[..group.len()]) {
                *slot = self.bucket_at(key, home);
                if let Some(bucket) = slot
                    && usize::from(bucket.len) > INLINE
                    && !bucket.is_dense()
                {
                    prefetch_entries(&self.overflow[bucket.rest as usize..]);
                }
            }
            for bucket in found[..group.len()].iter().flatten() {
                if bucket.is_dense() {
                    add_row(scores, self.dense_row(bucket));
                    continue;
                }
                let len = usize::from(bucket.len);
                for k in 0..len.min(INLINE) {
                    scores[bucket.classes[k] as usize] += bucket.weights[k];
                }
                if len > INLINE {
                    let start = bucket.rest as usize;
                    for &(class, w) in &self.overflow[start..start + len - INLINE] {
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
        let mut buckets: Vec<&Bucket> = self.buckets.iter().filter(|b| b.probe != 0).collect();
        buckets.sort_unstable_by_key(|b| b.key);
        let lens: Vec<u16> = buckets.iter().map(|b| self.entries(b).count() as u16).collect();
        let entries: usize = lens.iter().map(|&l| usize::from(l)).sum();
        let mut out = Vec::with_capacity(16 + buckets.len() * 10 + entries * 6);
        out.extend_from_slice(magic);
        out.extend_from_slice(&(self.classes as u32).to_le_bytes());
        out.extend_from_slice(&(buckets.len() as u32).to_le_bytes());
        for (b, len) in buckets.iter().zip(&lens) {
            out.extend_from_slice(&b.key.to_le_bytes());
            out.extend_from_slice(&len.to_le_bytes());
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

/// `scores += row`, eight lanes at a time (written so that the compiler emits vector
/// additions).
#[inline]
fn add_row(scores: &mut [f32], row: &[f32]) {
    let mut lanes = scores.chunks_exact_mut(8);
    let mut weights = row.chunks_exact(8);
    for (s, w) in (&mut lanes).zip(&mut weights) {
        for k in 0..8 {
            s[k] += w[k];
        }
    }
    for (s, w) in lanes.into_remainder().iter_mut().zip(weights.remainder()) {
        *s += w;
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
