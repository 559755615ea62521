//! Times `to_text` on generated markup of growing size, to show it is linear:
//! `cargo run --release -p byline-markup --example scale -- 25 50` (sizes in MB).
//! Each page mixes what breaks careless converters: tags never closed and nested ever
//! deeper, scripts holding quote marks and closing-tag look-alikes, comments, character
//! references, and tables.

use std::time::Instant;

/// About `mb` megabytes of hostile markup, and how many words of text it holds.
fn page(mb: usize) -> (String, usize) {
    const PIECE: &str = "<div><p>word &ldquo;quoted&rdquo; <b>bold <i>open\
        <script>var s = \"</p><p>\u{201c}not text\u{201d}\"; if (a < b) {}</script>\
        <!-- a comment --><table><tr><td>cell</td>";
    let repeats = mb * 1_000_000 / PIECE.len();
    (PIECE.repeat(repeats), repeats * 5)
}

fn main() {
    for arg in std::env::args().skip(1) {
        let mb: usize = arg.parse().expect("a size in MB");
        let (html, words) = page(mb);
        let started = Instant::now();
        let text = byline_markup::to_text(&html);
        let seconds = started.elapsed().as_secs_f64();
        assert_eq!(text.split_whitespace().count(), words, "text lost");
        println!(
            "{mb} MB: {seconds:.2} s, {:.1} MB/s, {} words kept",
            html.len() as f64 / 1e6 / seconds,
            words
        );
    }
}
