//! Input records read on a background thread in chunks (`byline_read` reads each
//! input's records), so that reading and decompressing overlap with analysis.

use byline_read::{Reading, open, records};
use std::io;
use std::path::PathBuf;
use std::sync::mpsc::{Receiver, sync_channel};
use std::thread::JoinHandle;

/// One raw input record and the id to use when the record has none.
pub struct RawLine {
    /// Line (or record) number, or `path:number` with several inputs.
    pub fallback_id: String,
    /// The record as a JSON object (a JSONL line without its newline).
    pub bytes: Vec<u8>,
    /// Why the record could not be read from its format (a CSV row that is no UTF-8).
    pub error: Option<String>,
}

/// Starts a thread that reads every input in turn and sends chunks of `chunk_size`
/// lines, at most `limit` lines in all; the channel holds two chunks, so memory stays
/// bounded. The thread's result is the first read error, if any (lines read before it
/// are still sent).
pub fn spawn_reader(
    inputs: Vec<PathBuf>,
    reading: Reading,
    chunk_size: usize,
    limit: usize,
) -> (Receiver<Vec<RawLine>>, JoinHandle<io::Result<()>>) {
    let (tx, rx) = sync_channel::<Vec<RawLine>>(2);
    let handle = std::thread::spawn(move || -> io::Result<()> {
        let several = inputs.len() > 1;
        let mut chunk = Vec::with_capacity(chunk_size);
        let mut sent = 0usize;
        'inputs: for path in &inputs {
            let in_path = |e: io::Error| io::Error::new(e.kind(), format!("{}: {e}", path.display()));
            let mut records = records(path, open(path)?, &reading).map_err(in_path)?;
            let mut line_no = 0usize;
            loop {
                if sent == limit {
                    break 'inputs;
                }
                let Some(record) = records.next() else {
                    break;
                };
                let record = record.map_err(in_path)?;
                line_no += 1;
                let fallback_id = if several {
                    format!("{}:{line_no}", path.display())
                } else {
                    line_no.to_string()
                };
                let (bytes, error) = match record {
                    Ok(bytes) => (bytes, None),
                    Err(why) => (Vec::new(), Some(why)),
                };
                chunk.push(RawLine {
                    fallback_id,
                    bytes,
                    error,
                });
                sent += 1;
                if chunk.len() == chunk_size
                    && tx
                        .send(std::mem::replace(&mut chunk, Vec::with_capacity(chunk_size)))
                        .is_err()
                {
                    return Ok(()); // the consumer stopped
                }
            }
        }
        if !chunk.is_empty() {
            let _ = tx.send(chunk);
        }
        Ok(())
    });
    (rx, handle)
}
