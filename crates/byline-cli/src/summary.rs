//! What `byline extract` tells at the end of a run: the totals, the speed, the first
//! errors with their record numbers, and a hint when the input looks like another format.

use std::path::Path;

/// What a run has written, for the summary.
#[derive(Default)]
pub(crate) struct Totals {
    pub(crate) articles: usize,
    pub(crate) errors: usize,
    pub(crate) warned: usize,
    pub(crate) bytes: usize,
    pub(crate) skipped: usize,
    /// The first errors' messages (with their record numbers), shown at the end.
    pub(crate) first_errors: Vec<String>,
    /// A hint when a failed line looks like another input format.
    pub(crate) hint: Option<String>,
}

/// How many error messages the end of a run shows.
pub(crate) const ERRORS_SHOWN: usize = 3;

/// A hint for a line that is no JSON but reads as a row of another format ("line 1 is not
/// JSON; it looks like CSV: use --format csv").
pub(crate) fn other_format(number: &str, bytes: &[u8]) -> Option<String> {
    let (name, separator) = match byline_read::detect(bytes) {
        byline_read::InputFormat::Csv => ("CSV", b','),
        byline_read::InputFormat::Tsv => ("TSV", b'\t'),
        _ => return None,
    };
    bytes.contains(&separator).then(|| {
        format!(
            "line {number} is not JSON; it looks like {name}: use --format {}",
            name.to_lowercase()
        )
    })
}

/// Prints the summary of a run to stderr: totals and speed, the first errors, a format
/// hint, and whether the HTML view (`html`: its path and limit) left articles out.
pub(crate) fn summary(
    totals: &Totals,
    threads: usize,
    secs: f64,
    resumed: bool,
    html: Option<(&Path, usize)>,
    html_cut: bool,
) {
    if resumed {
        eprintln!(
            "byline: resumed; the first {} input records were already in the output",
            totals.skipped
        );
    }
    eprintln!(
        "byline: {} articles, {} errors, {} with warnings, {:.1} MB in {:.2} s: {:.2} MB/s, {:.0} articles/s ({} threads)",
        totals.articles,
        totals.errors,
        totals.warned,
        totals.bytes as f64 / 1e6,
        secs,
        totals.bytes as f64 / 1e6 / secs,
        totals.articles as f64 / secs,
        threads
    );
    for message in &totals.first_errors {
        eprintln!("byline: {message}");
    }
    if totals.errors > totals.first_errors.len() {
        eprintln!(
            "byline: … and {} more errors (each is an error record in the output)",
            totals.errors - totals.first_errors.len()
        );
    }
    if let Some(hint) = &totals.hint {
        eprintln!("byline: {hint}");
    }
    if let Some((path, limit)) = html
        && html_cut
    {
        eprintln!(
            "byline: the HTML view {} shows the first {limit} of {} articles (raise --html-limit for more)",
            path.display(),
            totals.articles
        );
    }
}
