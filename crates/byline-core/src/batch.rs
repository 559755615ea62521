//! Ordered, bounded-memory parallel mapping over an iterator: the engine behind
//! [`crate::Pipeline::stream`] and the CLI. Items are gathered in chunks, each chunk is
//! mapped on the current rayon pool, and results come out in input order.

use rayon::prelude::*;

/// Maps `f` over `input` in parallel, `chunk_size` items at a time, keeping order.
pub fn ordered_par_map<I, T, U, F>(input: I, chunk_size: usize, f: F) -> OrderedParMap<I::IntoIter, U, F>
where
    I: IntoIterator<Item = T>,
    T: Send,
    U: Send,
    F: Fn(T) -> U + Sync,
{
    OrderedParMap {
        input: input.into_iter(),
        chunk_size: chunk_size.max(1),
        f,
        ready: Vec::new().into_iter(),
    }
}

/// Iterator returned by [`ordered_par_map`].
pub struct OrderedParMap<It, U, F> {
    input: It,
    chunk_size: usize,
    f: F,
    ready: std::vec::IntoIter<U>,
}

impl<It, T, U, F> Iterator for OrderedParMap<It, U, F>
where
    It: Iterator<Item = T>,
    T: Send,
    U: Send,
    F: Fn(T) -> U + Sync,
{
    type Item = U;

    fn next(&mut self) -> Option<U> {
        if let Some(u) = self.ready.next() {
            return Some(u);
        }
        let chunk: Vec<T> = self.input.by_ref().take(self.chunk_size).collect();
        if chunk.is_empty() {
            return None;
        }
        let f = &self.f;
        let out: Vec<U> = chunk.into_par_iter().map(f).collect();
        self.ready = out.into_iter();
        self.ready.next()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keeps_order_across_chunks() {
        let out: Vec<u64> = ordered_par_map(0..1000u64, 7, |x| x * 2).collect();
        assert_eq!(out, (0..1000u64).map(|x| x * 2).collect::<Vec<_>>());
    }

    #[test]
    fn pulls_only_one_chunk_ahead() {
        use std::cell::Cell;
        let pulled = Cell::new(0usize);
        let input = (0..100).inspect(|_| pulled.set(pulled.get() + 1));
        let mut it = ordered_par_map(input, 10, |x: i32| x);
        assert_eq!(it.next(), Some(0));
        assert_eq!(pulled.get(), 10);
    }
}
