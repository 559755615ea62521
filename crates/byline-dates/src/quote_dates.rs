//! Linking each quote to the date of its statement where the attribution says it
//! ("Trump remarked on Friday that …" → the quote's `date` is "Friday"): a DATE or TIME
//! expression in the cue's sentence, outside every quote's content, near the cue.

use byline_core::{Document, ExtractError, Extractor, Layer, Span, TimexType};

/// How far (in bytes) from its cue a statement's date may stand.
const REACH: usize = 60;

/// The quote-date linker: provides the quote-dates layer (`Quote::date`); needs `quotes`
/// and `dates`.
#[derive(Clone, Debug, Default)]
pub struct QuoteDates;

impl Extractor for QuoteDates {
    fn name(&self) -> &'static str {
        "quote_dates"
    }

    fn provides(&self) -> &'static [Layer] {
        &[Layer::QuoteDates]
    }

    fn needs(&self) -> &'static [Layer] {
        &[Layer::Quotes, Layer::Dates]
    }

    fn extract(&self, doc: &mut Document) -> Result<(), ExtractError> {
        link_quote_dates(doc);
        Ok(())
    }
}

/// Sets the `date` of every quote whose attribution names when it was said. Linear in
/// quotes and dates (up to a logarithm): each cue looks only at the dates within
/// [`REACH`] of it, found by binary search, and whether a date is quoted is one search
/// in the merged quote contents.
pub fn link_quote_dates(doc: &mut Document) {
    let sentence_of = |pos: usize| {
        let s = doc
            .sentences
            .get(doc.sentences.partition_point(|s| s.span.end <= pos))?;
        (s.span.start <= pos).then_some(s.span)
    };
    // A date inside any quote's content is part of what was said, not when.
    let quoted = QuotedText::new(doc.quotes.iter().flat_map(|q| q.spans.iter().copied()));
    let dates = &doc.dates; // in text order
    let mut links = Vec::with_capacity(doc.quotes.len());
    for q in &doc.quotes {
        let link = q.cue.and_then(|cue| {
            let sentence = sentence_of(cue.start)?;
            // A date within reach ends no earlier than REACH before the cue and starts no
            // later than REACH after it (see the gap below).
            let first = dates.partition_point(|d| d.span.end + REACH < cue.start);
            dates[first..]
                .iter()
                .take_while(|d| d.span.start <= cue.end + REACH)
                .enumerate()
                .map(|(k, d)| (first + k, d))
                .filter(|(_, d)| matches!(d.kind, TimexType::Date | TimexType::Time))
                .filter(|(_, d)| sentence.start <= d.span.start && d.span.end <= sentence.end)
                .filter(|(_, d)| !quoted.overlaps(d.span))
                .filter(|(_, d)| same_clause(&doc.text, cue, d.span))
                .map(|(i, d)| (cue.start.abs_diff(d.span.start).min(cue.end.abs_diff(d.span.end)), i))
                .filter(|(gap, _)| *gap <= REACH)
                .min()
                .map(|(_, i)| i)
        });
        links.push(link);
    }
    for (q, link) in doc.quotes.iter_mut().zip(links) {
        q.date = link;
    }
}

/// The text inside quotes, as sorted disjoint spans.
struct QuotedText(Vec<Span>);

impl QuotedText {
    fn new(spans: impl Iterator<Item = Span>) -> Self {
        let mut spans: Vec<Span> = spans.collect();
        spans.sort_unstable_by_key(|s| (s.start, s.end));
        let mut merged: Vec<Span> = Vec::with_capacity(spans.len());
        for s in spans {
            match merged.last_mut() {
                Some(last) if s.start < last.end => last.end = last.end.max(s.end),
                _ => merged.push(s),
            }
        }
        QuotedText(merged)
    }

    /// True when `span` overlaps quoted text (as [`Span::overlaps`] does).
    fn overlaps(&self, span: Span) -> bool {
        let i = self.0.partition_point(|s| s.end <= span.start);
        self.0.get(i).is_some_and(|s| s.overlaps(span))
    }
}

/// The date and the cue stand in one clause: no quotation mark, "that" or semicolon
/// between them, and no comma when the date follows the cue ("said Friday", "remarked on
/// Friday that …", "On Friday, Trump said"; not "told reporters, adding that talks
/// resume in May").
fn same_clause(text: &str, cue: Span, date: Span) -> bool {
    let (between, after_cue) = if date.start >= cue.end {
        (&text[cue.end..date.start], true)
    } else if cue.start >= date.end {
        (&text[date.end..cue.start], false)
    } else {
        return false;
    };
    let marks = ['“', '”', '"', ';'];
    let that = between.split_whitespace().any(|w| w.eq_ignore_ascii_case("that"));
    let comma_after_cue = after_cue && between.contains(',');
    !(between.contains(marks) || that || comma_after_cue)
}
