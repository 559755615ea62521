//! Step 4 of the path, **speaker**: each source resolved to an entity cluster, in the
//! order sources are written (`resolve`: a name to its cluster, a pronoun through the
//! mentions layer, "we"/"they" to the last organisation speaking, a description through
//! the roles of the clusters). A direct quote with no attribution of its own continues
//! the conversation: its speaker is the last one, when quoted in its paragraph or the one
//! before. Reported speech nobody is said to report is dropped. "I"/"we" take the speaker
//! of the quote they stand in; last, each speaker gets its kind (`speaker_kind`).

use crate::phrases::Referent;
use crate::source::Sourced;
use crate::{resolve, speaker_kind, token_span};
use byline_core::{Document, Quote, QuoteKind, Span, Speaker, SpeakerKind};

/// The quotes of `sourced` (in the order their sources are written) with their
/// speakers, in text order.
pub(crate) fn resolve(doc: &Document, sourced: Vec<Sourced>) -> Vec<Quote> {
    let paragraph_of = |t: usize| doc.sentences.get(crate::sentence_of(doc, t)).map(|s| s.paragraph);
    let mut resolver = resolve::Resolver::default();
    let mut last: Option<(Speaker, Option<usize>)> = None;
    let mut quotes = Vec::with_capacity(sourced.len());
    for Sourced { shaped, source, .. } in sourced {
        let paragraph = paragraph_of(shaped.attribution.content[0].start);
        let first_person = matches!(source, Some(Referent::FirstPerson(_)));
        let speaker = match source {
            // "I"/"we": the speaker of the quote this one stands in (set below).
            Some(Referent::FirstPerson(s)) => {
                let span = token_span(doc, &s);
                Some(Speaker {
                    span,
                    cluster: None,
                    name: doc.span_text(span).to_owned(),
                    kind: SpeakerKind::None,
                })
            }
            Some(Referent::Named { written, referent }) => Some(resolver.resolve_referent(doc, written, referent)),
            // Somebody reports it, but the text does not say who.
            Some(Referent::Nobody) => None,
            None if shaped.kind == QuoteKind::Direct => last
                .as_ref()
                .filter(|(_, p)| p.zip(paragraph).is_some_and(|(p, q)| q <= p + 1))
                .map(|(s, _)| s.clone()),
            None => continue,
        };
        if let Some(s) = speaker.as_ref().filter(|_| !first_person) {
            resolver.remember(doc, s.cluster);
            last = Some((s.clone(), paragraph));
        }
        let spans = shaped.spans;
        quotes.push((
            Quote {
                span: Span::new(spans[0].start, spans[spans.len() - 1].end),
                kind: shaped.kind,
                act: shaped.act,
                spans,
                speaker,
                cue: shaped.cue.map(|c| token_span(doc, &c)),
                date: None,
                score: 1.0,
            },
            first_person,
        ));
    }
    quotes.sort_by_key(|(q, _)| q.span.start);
    outer_speakers_for_first_person(&mut quotes);
    for (q, _) in &mut quotes {
        if let Some(s) = &mut q.speaker {
            s.kind = speaker_kind::speaker_kind(doc, s);
        }
    }
    quotes.into_iter().map(|(q, _)| q).collect()
}

/// How many earlier quotes may be searched for the one enclosing a first-person source.
const ENCLOSING_REACH: usize = 8;

/// Gives each quote whose source is "I"/"we" the speaker of the quote whose content
/// holds that source (“I told them that we would win,” Smith said: Smith); without
/// one, the quote has no speaker. `quotes` are in text order, flagged when first-person.
fn outer_speakers_for_first_person(quotes: &mut [(Quote, bool)]) {
    for i in 0..quotes.len() {
        if !quotes[i].1 {
            continue;
        }
        let Some(at) = quotes[i].0.speaker.as_ref().map(|s| s.span) else {
            continue;
        };
        let outer = (i.saturating_sub(ENCLOSING_REACH)..quotes.len().min(i + ENCLOSING_REACH))
            .filter(|&j| j != i && !quotes[j].1)
            .find(|&j| quotes[j].0.spans.iter().any(|s| s.start <= at.start && at.end <= s.end))
            .and_then(|j| quotes[j].0.speaker.clone());
        quotes[i].0.speaker = outer.map(|o| Speaker { span: at, ..o });
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use byline_core::QuoteAct;

    #[test]
    fn first_person_sources_take_the_speaker_of_the_quote_they_stand_in() {
        let speaker = |start, end, cluster, name: &str| Speaker {
            span: Span::new(start, end),
            cluster,
            name: name.to_owned(),
            kind: SpeakerKind::None,
        };
        let quote = |start, end, who| Quote {
            span: Span::new(start, end),
            kind: QuoteKind::Direct,
            act: QuoteAct::Statement,
            spans: vec![Span::new(start, end)],
            speaker: Some(who),
            cue: None,
            date: None,
            score: 1.0,
        };
        // “I told them that we would win,” Smith said: "I" stands inside Smith's quote.
        let mut quotes = vec![
            (quote(1, 31, speaker(33, 38, Some(0), "Ann Smith")), false),
            (quote(17, 30, speaker(1, 2, None, "I")), true),
            (quote(60, 70, speaker(50, 51, None, "I")), true),
        ];
        outer_speakers_for_first_person(&mut quotes);
        let inner = quotes[1].0.speaker.as_ref().unwrap();
        assert_eq!(
            (inner.span, inner.cluster, inner.name.as_str()),
            (Span::new(1, 2), Some(0), "Ann Smith")
        );
        assert!(quotes[2].0.speaker.is_none(), "no enclosing quote: nobody");
    }
}
