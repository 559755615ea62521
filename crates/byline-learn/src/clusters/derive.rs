//! Deriving word clusters from unlabelled text: each frequent word is described by the
//! words seen immediately to its left and right (square-root counts, unit length), fine
//! clusters come from spherical k-means over those vectors, and the mid and coarse levels
//! from k-means over the fine (then mid) centroids, so the three levels nest.
//! Deterministic: ties break by word, and the initial centroids come from a fixed seed.

use super::ClusterEntry;
use rayon::prelude::*;
use std::collections::HashMap;

/// Marks a sentence boundary in the token stream.
const BOUNDARY: u32 = u32::MAX;

/// Options of [`derive`].
#[derive(Clone, Debug)]
pub struct ClusterOptions {
    /// Words seen fewer times are left out.
    pub min_count: u32,
    /// At most this many words (the most frequent) are clustered.
    pub max_words: usize,
    /// The most frequent words serve as left/right context dimensions.
    pub context_words: usize,
    /// Number of clusters at each level: fine, mid, coarse.
    pub sizes: [usize; 3],
    /// k-means iterations per level.
    pub iterations: usize,
    /// Seed of the initial centroids.
    pub seed: u64,
}

impl Default for ClusterOptions {
    fn default() -> Self {
        ClusterOptions {
            min_count: 10,
            max_words: 60_000,
            context_words: 1_000,
            sizes: [1_000, 200, 40],
            iterations: 15,
            seed: 17,
        }
    }
}

/// Collects a corpus as interned word ids, one sentence at a time.
#[derive(Default)]
pub struct CorpusCounter {
    ids: HashMap<String, u32>,
    words: Vec<String>,
    stream: Vec<u32>,
}

impl CorpusCounter {
    /// Adds one sentence (its words in order).
    pub fn add_sentence<S: AsRef<str>>(&mut self, words: &[S]) {
        for w in words {
            let w = w.as_ref();
            let id = match self.ids.get(w) {
                Some(&id) => id,
                None => {
                    let id = self.words.len() as u32;
                    self.words.push(w.to_string());
                    self.ids.insert(w.to_string(), id);
                    id
                }
            };
            self.stream.push(id);
        }
        self.stream.push(BOUNDARY);
    }

    /// Number of tokens added.
    pub fn tokens(&self) -> usize {
        self.stream.len() - self.stream.iter().filter(|&&t| t == BOUNDARY).count()
    }
}

type SparseVec = Vec<(u32, f32)>;

/// Clusters the corpus's frequent words; entries come most frequent first.
pub fn derive(corpus: &CorpusCounter, options: &ClusterOptions) -> Vec<ClusterEntry> {
    let mut freq = vec![0u32; corpus.words.len()];
    for &t in &corpus.stream {
        if t != BOUNDARY {
            freq[t as usize] += 1;
        }
    }
    let mut by_freq: Vec<u32> = (0..corpus.words.len() as u32).collect();
    by_freq.sort_by(|&a, &b| {
        freq[b as usize]
            .cmp(&freq[a as usize])
            .then_with(|| corpus.words[a as usize].cmp(&corpus.words[b as usize]))
    });
    let vocab: Vec<u32> = by_freq
        .iter()
        .copied()
        .take_while(|&id| freq[id as usize] >= options.min_count)
        .take(options.max_words)
        .collect();
    let mut row_of = vec![u32::MAX; corpus.words.len()];
    for (row, &id) in vocab.iter().enumerate() {
        row_of[id as usize] = row as u32;
    }
    let k = options.context_words.min(by_freq.len()) as u32;
    let mut dim_of = vec![u32::MAX; corpus.words.len()];
    for (dim, &id) in by_freq.iter().take(k as usize).enumerate() {
        dim_of[id as usize] = dim as u32;
    }
    let dims = 2 * k as usize + 2;
    let context = |t: u32, boundary_dim: u32, offset: u32| -> Option<u32> {
        if t == BOUNDARY {
            Some(boundary_dim)
        } else {
            let d = dim_of[t as usize];
            (d != u32::MAX).then_some(d + offset)
        }
    };
    let mut counts: Vec<HashMap<u32, u32>> = vec![HashMap::new(); vocab.len()];
    let stream = &corpus.stream;
    for (i, &t) in stream.iter().enumerate() {
        if t == BOUNDARY || row_of[t as usize] == u32::MAX {
            continue;
        }
        let row = &mut counts[row_of[t as usize] as usize];
        let left = if i == 0 { BOUNDARY } else { stream[i - 1] };
        let right = stream.get(i + 1).copied().unwrap_or(BOUNDARY);
        if let Some(d) = context(left, 2 * k, 0) {
            *row.entry(d).or_default() += 1;
        }
        if let Some(d) = context(right, 2 * k + 1, k) {
            *row.entry(d).or_default() += 1;
        }
    }
    let vectors: Vec<SparseVec> = counts
        .into_iter()
        .map(|row| {
            let mut v: SparseVec = row.into_iter().map(|(d, c)| (d, (c as f32).sqrt())).collect();
            v.sort_by_key(|&(d, _)| d);
            normalise_sparse(&mut v);
            v
        })
        .collect();
    let [fine_k, mid_k, coarse_k] = options.sizes;
    let (fine, fine_centroids) = kmeans(&vectors, dims, fine_k, options.iterations, options.seed);
    let (mid, mid_centroids) = kmeans(&fine_centroids, dims, mid_k, options.iterations, options.seed);
    let (coarse, _) = kmeans(&mid_centroids, dims, coarse_k, options.iterations, options.seed);
    vocab
        .iter()
        .zip(&fine)
        .map(|(&id, &f)| {
            let m = mid[f];
            let ids = [f as u16, m as u16, coarse[m] as u16];
            (corpus.words[id as usize].clone(), ids, freq[id as usize])
        })
        .collect()
}

fn normalise_sparse(v: &mut SparseVec) {
    let norm = v.iter().map(|(_, x)| x * x).sum::<f32>().sqrt();
    if norm > 0.0 {
        v.iter_mut().for_each(|(_, x)| *x /= norm);
    }
}

/// Spherical k-means: each point goes to the centroid of highest cosine. Returns the
/// assignment of every point and the centroids as sparse unit vectors.
fn kmeans(points: &[SparseVec], dims: usize, k: usize, iterations: usize, seed: u64) -> (Vec<usize>, Vec<SparseVec>) {
    let k = k.min(points.len()).max(1);
    let pick = seed_centroids(points, dims, k, seed);
    // Centroids are stored transposed (`[dim][cluster]`) so scoring a sparse point walks
    // contiguous rows.
    let mut transposed = vec![0.0f32; dims * k];
    for (c, &p) in pick.iter().enumerate() {
        for &(d, x) in &points[p] {
            transposed[d as usize * k + c] = x;
        }
    }
    let mut assignment = vec![usize::MAX; points.len()];
    for _ in 0..iterations {
        let next: Vec<usize> = points
            .par_iter()
            .map(|v| {
                let mut scores = vec![0.0f32; k];
                for &(d, x) in v {
                    let row = &transposed[d as usize * k..(d as usize + 1) * k];
                    for (s, c) in scores.iter_mut().zip(row) {
                        *s += x * c;
                    }
                }
                let mut best = 0;
                for (c, &s) in scores.iter().enumerate() {
                    if s > scores[best] {
                        best = c;
                    }
                }
                best
            })
            .collect();
        let changed = next.iter().zip(&assignment).filter(|(a, b)| a != b).count();
        assignment = next;
        // New centroids: normalised sums of their members; an empty cluster keeps its old one.
        let mut sums = vec![0.0f32; dims * k];
        let mut members = vec![0usize; k];
        for (v, &c) in points.iter().zip(&assignment) {
            members[c] += 1;
            for &(d, x) in v {
                sums[d as usize * k + c] += x;
            }
        }
        for (c, &m) in members.iter().enumerate() {
            if m == 0 {
                continue;
            }
            let norm = (0..dims).map(|d| sums[d * k + c].powi(2)).sum::<f32>().sqrt();
            for d in 0..dims {
                transposed[d * k + c] = if norm > 0.0 { sums[d * k + c] / norm } else { 0.0 };
            }
        }
        if changed == 0 {
            break;
        }
    }
    let centroids = (0..k)
        .map(|c| {
            (0..dims)
                .filter_map(|d| {
                    let x = transposed[d * k + c];
                    (x != 0.0).then_some((d as u32, x))
                })
                .collect()
        })
        .collect();
    (assignment, centroids)
}

/// k-means++ seeding: each next centre is drawn with probability proportional to its
/// distance (1 − cosine) from the nearest centre chosen so far; a seeded xorshift draws.
fn seed_centroids(points: &[SparseVec], dims: usize, k: usize, seed: u64) -> Vec<usize> {
    let mut rng = seed.max(1);
    let mut next_random = move || {
        rng ^= rng << 13;
        rng ^= rng >> 7;
        rng ^= rng << 17;
        (rng >> 11) as f64 / (1u64 << 53) as f64
    };
    let mut chosen = vec![(next_random() * points.len() as f64) as usize % points.len()];
    let mut distance = vec![f64::INFINITY; points.len()];
    let mut dense = vec![0.0f32; dims];
    while chosen.len() < k {
        let last = &points[*chosen.last().unwrap_or(&0)];
        for &(d, x) in last {
            dense[d as usize] = x;
        }
        distance.par_iter_mut().zip(points).for_each(|(dist, v)| {
            let sim: f32 = v.iter().map(|&(d, x)| x * dense[d as usize]).sum();
            *dist = dist.min(f64::from(1.0 - sim).max(0.0));
        });
        for &(d, _) in last {
            dense[d as usize] = 0.0;
        }
        let total: f64 = distance.iter().sum();
        if total <= 0.0 {
            break;
        }
        let mut target = next_random() * total;
        let mut pick = points.len() - 1;
        for (i, &dist) in distance.iter().enumerate() {
            if target < dist {
                pick = i;
                break;
            }
            target -= dist;
        }
        chosen.push(pick);
    }
    chosen
}

#[cfg(test)]
mod tests {
    use super::super::ClusterIds;
    use super::*;

    #[test]
    fn words_in_the_same_contexts_share_clusters() {
        let mut corpus = CorpusCounter::default();
        for _ in 0..20 {
            for day in ["Monday", "Tuesday", "Friday"] {
                corpus.add_sentence(&["He", "spoke", "on", day, "."]);
            }
            for city in ["Paris", "Berlin", "Moscow"] {
                corpus.add_sentence(&["She", "lives", "in", city, "."]);
            }
        }
        let options = ClusterOptions {
            min_count: 5,
            context_words: 20,
            sizes: [6, 2, 1],
            ..ClusterOptions::default()
        };
        let table: HashMap<String, ClusterIds> = derive(&corpus, &options)
            .into_iter()
            .map(|(w, ids, _)| (w, ids))
            .collect();
        assert_eq!(table["Monday"][0], table["Friday"][0]);
        assert_eq!(table["Paris"][0], table["Moscow"][0]);
        assert_ne!(table["Monday"][0], table["Paris"][0]);
        let again: HashMap<String, ClusterIds> = derive(&corpus, &options)
            .into_iter()
            .map(|(w, ids, _)| (w, ids))
            .collect();
        assert_eq!(table, again);
    }
}
