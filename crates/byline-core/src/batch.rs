//! Ordered, bounded-memory parallel mapping over an iterator: the one batch driver behind
//! [`crate::Pipeline::stream`], `byline extract`, `byline bench` and the Python binding.
//! Items are gathered in chunks, each chunk is mapped in parallel, and results come out in
//! input order: as an iterator ([`ordered_par_map`]) or chunk by chunk to a hook that
//! writes them and may stop the run ([`for_each_chunk`]).

use rayon::prelude::*;

/// Maps one chunk in parallel on `pool` (the current pool when `None`), keeping order.
fn map_chunk<T: Send, U: Send>(
    chunk: Vec<T>,
    pool: Option<&rayon::ThreadPool>,
    f: &(impl Fn(T) -> U + Sync),
) -> Vec<U> {
    let run = || chunk.into_par_iter().map(f).collect();
    match pool {
        Some(pool) => pool.install(run),
        None => run(),
    }
}

/// Maps `f` over `input` in parallel on `pool` (the current pool when `None`),
/// `chunk_size` items at a time, and hands each chunk's results, in input order, to
/// `each_chunk` before the next chunk is read: memory stays bounded by one chunk of
/// items and results. `each_chunk` writes the results (or converts them) and may stop the
/// run by returning an error (a write failure, a Ctrl-C), which is returned.
pub fn for_each_chunk<T, U, E>(
    input: impl IntoIterator<Item = T>,
    chunk_size: usize,
    pool: Option<&rayon::ThreadPool>,
    f: impl Fn(T) -> U + Sync,
    mut each_chunk: impl FnMut(Vec<U>) -> Result<(), E>,
) -> Result<(), E>
where
    T: Send,
    U: Send,
{
    let mut input = input.into_iter();
    loop {
        let chunk: Vec<T> = input.by_ref().take(chunk_size.max(1)).collect();
        if chunk.is_empty() {
            return Ok(());
        }
        each_chunk(map_chunk(chunk, pool, &f))?;
    }
}

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
        self.ready = map_chunk(chunk, None, &self.f).into_iter();
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
    fn chunks_reach_the_hook_in_order_and_an_error_stops_the_run() {
        let mut seen = Vec::new();
        let pool = rayon::ThreadPoolBuilder::new().num_threads(2).build().unwrap();
        let result = for_each_chunk(
            0..100u32,
            8,
            Some(&pool),
            |x| x + 1,
            |chunk| {
                seen.extend(chunk);
                if seen.len() >= 40 { Err(seen.len()) } else { Ok(()) }
            },
        );
        assert_eq!(result, Err(40));
        assert_eq!(seen, (1..=40).collect::<Vec<_>>());
        let mut all = Vec::new();
        let done: Result<(), ()> = for_each_chunk(
            0..10u32,
            3,
            None,
            |x| x,
            |c| {
                all.extend(c);
                Ok(())
            },
        );
        assert!(done.is_ok());
        assert_eq!(all, (0..10).collect::<Vec<_>>());
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
