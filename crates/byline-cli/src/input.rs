//! Reading input lines: files or standard input, plain or gzip (detected from the magic
//! bytes, not the file name), read on a background thread in chunks so that reading
//! and decompressing overlap with analysis.

use flate2::read::MultiGzDecoder;
use std::fs::File;
use std::io::{self, BufRead, BufReader, Read};
use std::path::{Path, PathBuf};
use std::sync::mpsc::{Receiver, sync_channel};
use std::thread::JoinHandle;

/// One raw input line and the id to use when the record has none.
pub struct RawLine {
    /// Line number (or `path:line` with several inputs).
    pub fallback_id: String,
    /// The bytes of the line, without the newline.
    pub bytes: Vec<u8>,
}

/// Opens `path` ("-" = standard input), transparently decompressing gzip.
pub fn open(path: &Path) -> io::Result<Box<dyn BufRead + Send>> {
    let raw: Box<dyn Read + Send> = if path == Path::new("-") {
        Box::new(io::stdin())
    } else {
        Box::new(File::open(path).map_err(|e| io::Error::new(e.kind(), format!("{}: {e}", path.display())))?)
    };
    let mut buffered = BufReader::with_capacity(1 << 20, raw);
    let gz = buffered.fill_buf()?.starts_with(&[0x1f, 0x8b]);
    Ok(if gz {
        Box::new(BufReader::with_capacity(1 << 20, MultiGzDecoder::new(buffered)))
    } else {
        Box::new(buffered)
    })
}

/// Starts a thread that reads every input in turn and sends chunks of `chunk_size`
/// lines, at most `limit` lines in all; the channel holds two chunks, so memory stays
/// bounded. The thread's result is the first read error, if any (lines read before it
/// are still sent).
pub fn spawn_reader(
    inputs: Vec<PathBuf>,
    chunk_size: usize,
    limit: usize,
) -> (Receiver<Vec<RawLine>>, JoinHandle<io::Result<()>>) {
    let (tx, rx) = sync_channel::<Vec<RawLine>>(2);
    let handle = std::thread::spawn(move || -> io::Result<()> {
        let several = inputs.len() > 1;
        let mut chunk = Vec::with_capacity(chunk_size);
        let mut sent = 0usize;
        'inputs: for path in &inputs {
            let mut reader = open(path)?;
            let mut line_no = 0usize;
            loop {
                if sent == limit {
                    break 'inputs;
                }
                let mut bytes = Vec::new();
                let n = reader
                    .read_until(b'\n', &mut bytes)
                    .map_err(|e| io::Error::new(e.kind(), format!("{}: {e}", path.display())))?;
                if n == 0 {
                    break;
                }
                line_no += 1;
                if bytes.last() == Some(&b'\n') {
                    bytes.pop();
                }
                let fallback_id = if several {
                    format!("{}:{line_no}", path.display())
                } else {
                    line_no.to_string()
                };
                chunk.push(RawLine { fallback_id, bytes });
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
