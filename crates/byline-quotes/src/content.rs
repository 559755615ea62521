//! Step 2 of the path, **content**: what each attribution quotes, and whether that is a
//! quote at all.
//!
//! In order: a quotation in the content is what is quoted (`direct::focus`); words
//! that open a sentence before a parenthetical attribution join its content ("The
//! repairs, Nadia Berg said, would take another month"); a quotation split by its
//! attribution stays one (`direct::merge_split`) and quotations signed by a name get
//! attributions of their own (`direct::split_signed`); a cue or source written inside
//! the content is no role. Quoted content nobody is said to say is a quote when it is
//! long enough. Then per attribution: its kind from the quotation marks, its act from
//! the reporting words of its cue (`act`), and it is left out when it is no statement
//! at all — a fragment of reported speech, or marks around a title, name or nickname;
//! its fragments are trimmed of marks and white space.

use crate::assemble::Attribution;
use crate::cues::Found;
use crate::features::{QuoteState, TokenInfo};
use crate::{act, direct, marks, patterns, sentence_of, token_span};
use byline_core::{Document, QuoteAct, QuoteKind, Span, TokenKind};
use std::ops::Range;

/// An attribution with its content decided.
pub(crate) struct Shaped {
    /// The attribution: content in text order, without roles inside it.
    pub attribution: Attribution,
    /// Direct, mixed or indirect.
    pub kind: QuoteKind,
    /// Statement or thought.
    pub act: QuoteAct,
    /// The content's fragments as byte spans, trimmed.
    pub spans: Vec<Span>,
    /// The reporting words of the first cue segment.
    pub cue: Option<Range<usize>>,
}

/// Minimum number of words for a direct quote nobody is said to have said.
const MIN_STANDALONE_WORDS: usize = 6;

/// Decides the content of every attribution `found` (see the module doc for the order).
pub(crate) fn shape(doc: &Document, infos: &[TokenInfo], marked: &[marks::MarkedQuote], found: Found) -> Vec<Shaped> {
    let Found {
        mut attributions,
        standalone,
    } = found;
    for a in &mut attributions {
        direct::focus(doc, infos, &mut a.content);
        let sentence = a
            .content
            .first()
            .and_then(|c| doc.sentences.get(sentence_of(doc, c.start)))
            .map(|s| s.tokens.clone());
        let taken = |r: &Range<usize>| a.content.iter().any(|c| c.start < r.end && r.start < c.end);
        if let Some(prefix) = sentence
            .and_then(|s| parenthetical_prefix(doc, a, &s))
            .filter(|p| !taken(p))
        {
            a.content.insert(0, prefix);
        }
    }
    attributions.sort_by_key(|a| a.cue.first().map_or(usize::MAX, |c| c.start));
    direct::merge_split(doc, infos, &mut attributions, |t| sentence_of(doc, t));
    direct::split_signed(doc, infos, &mut attributions);
    for a in &mut attributions {
        a.drop_roles_inside_content();
        a.content.sort_by_key(|c| c.start);
    }
    let quoted_alone = standalone.into_iter().filter(|c| {
        let direct = infos[c.clone()].iter().all(|i| i.quote != QuoteState::Outside);
        let words = c.clone().filter(|&t| doc.tokens[t].kind == TokenKind::Word).count();
        direct && words >= MIN_STANDALONE_WORDS
    });
    attributions.extend(quoted_alone.map(|c| Attribution {
        content: vec![c],
        ..Attribution::default()
    }));
    attributions
        .into_iter()
        .filter_map(|a| shaped(doc, infos, marked, a))
        .collect()
}

/// Kind, act and trimmed spans of one attribution, or `None` when it quotes no
/// statement: a fragment of reported speech, or nothing but titles in marks.
fn shaped(doc: &Document, infos: &[TokenInfo], marked: &[marks::MarkedQuote], a: Attribution) -> Option<Shaped> {
    let raw: Vec<Span> = a.content.iter().map(|c| token_span(doc, c)).collect();
    let texts: Vec<&str> = raw.iter().map(|s| doc.span_text(*s)).collect();
    let kind = kind_of(&texts);
    let cue = a.cue.first().map(|c| cue_head(doc, infos, c));
    let act = act::act_of(doc, kind, cue.as_ref());
    if kind == QuoteKind::Indirect && act == QuoteAct::Statement && is_fragment(doc, &a.content) {
        return None;
    }
    // Quotation marks around titles, names and nicknames make no quote when nobody is
    // said to say them (“The Harbour at Night” in an author's bio) or the content is
    // little more than the title ("wrote the film “Salt Roads”").
    if kind != QuoteKind::Indirect
        && (a.cue.is_empty() || words_outside_marks(&texts) <= MAX_WORDS_AROUND_TITLE)
        && only_titles(doc, marked, &raw)
    {
        return None;
    }
    let spans = raw
        .iter()
        .map(|s| trim_fragment(doc, *s, kind == QuoteKind::Direct))
        .collect();
    Some(Shaped {
        attribution: a,
        kind,
        act,
        spans,
        cue,
    })
}

/// The reporting words of a cue segment: from its first to its last strongest cue word
/// (lexicon class 1, else 2), so "further stated" and "also said" give "stated" and
/// "said", "remarked on Friday" "remarked"; "according to" keeps its "to". Segments
/// without a strong word stay whole.
fn cue_head(doc: &Document, infos: &[TokenInfo], cue: &Range<usize>) -> Range<usize> {
    let Some(best) = cue
        .clone()
        .map(|t| infos[t].cue)
        .filter(|&c| c > 0)
        .min()
        .filter(|&c| c <= 2)
    else {
        return cue.clone();
    };
    let strong = |t: &usize| infos[*t].cue == best;
    let (Some(first), Some(last)) = (cue.clone().find(strong), cue.clone().rev().find(strong)) else {
        return cue.clone();
    };
    let mut end = last + 1;
    if end < cue.end && doc.token_text(last).eq_ignore_ascii_case("according") {
        end += 1;
    }
    first..end
}

/// Most tokens of the words before a parenthetical attribution.
const MAX_PREFIX: usize = 20;

/// "The repairs, Nadia Berg said, would take another month.": content that follows its
/// attribution inside a sentence after a comma, when the attribution stands between two
/// commas and the sentence opens with words that are no part of any attribution, has
/// those words as its first fragment. Returns them.
fn parenthetical_prefix(doc: &Document, a: &Attribution, sentence: &Range<usize>) -> Option<Range<usize>> {
    let (cue, source, first) = (a.cue.first()?, a.source.as_ref()?, a.content.first()?);
    let attribution_start = cue.start.min(source.start);
    let attribution_end = cue.end.max(source.end);
    let opening_comma = attribution_start.checked_sub(1)?;
    let closes = first.start == attribution_end + 1 && doc.token_text(attribution_end) == ",";
    let opens = opening_comma > sentence.start && doc.token_text(opening_comma) == ",";
    if !(closes && opens) || opening_comma - sentence.start > MAX_PREFIX {
        return None;
    }
    let prefix = sentence.start..opening_comma;
    let quoted_or_said = prefix.clone().any(|t| {
        matches!(doc.token_text(t), "“" | "”" | "\"" | "," | ";" | ":") || patterns::is_speech_verb(doc.token_text(t))
    });
    (!quoted_or_said && prefix.clone().any(|t| doc.tokens[t].kind == TokenKind::Word)).then_some(prefix)
}

pub(crate) fn is_double_mark(c: char) -> bool {
    matches!(c, '“' | '”' | '"' | '«' | '»' | '„')
}

/// Whether every quotation inside `content` (byte spans) is a title, name or nickname
/// ([`marks::is_title`]); false when it holds none.
pub(crate) fn only_titles(doc: &Document, marked: &[marks::MarkedQuote], content: &[Span]) -> bool {
    let at = marked.partition_point(|q| q.close_end <= content.first().map_or(0, |c| c.start));
    let mut inside = marked[at..]
        .iter()
        .take_while(|q| content.last().is_some_and(|c| q.open < c.end))
        .filter(|q| q.fragments.iter().any(|f| content.iter().any(|c| c.overlaps(*f))))
        .peekable();
    inside.peek().is_some() && inside.all(|q| marks::is_title(doc, q))
}

/// Most words around a title for the content to be only the title ("the film").
pub(crate) const MAX_WORDS_AROUND_TITLE: usize = 3;

/// How many words of `fragments` stand outside their quotation marks.
pub(crate) fn words_outside_marks(fragments: &[&str]) -> usize {
    let mut inside = false;
    let mut outside = String::new();
    for c in fragments.iter().flat_map(|f| f.chars().chain(std::iter::once(' '))) {
        if is_double_mark(c) {
            inside = !inside;
            outside.push(' ');
        } else if !inside {
            outside.push(c);
        }
    }
    outside
        .split_whitespace()
        .filter(|w| w.chars().any(char::is_alphanumeric))
        .count()
}

/// Fewest words of reported speech without quotation marks.
const MIN_INDIRECT_WORDS: usize = 3;

/// Whether a statement's content without quotation marks is a fragment, not something said:
/// fewer than [`MIN_INDIRECT_WORDS`] words ("which", "John Kasich"). On held-out PolNeAR
/// train, indirect statements of one or two words were right a quarter of the time.
pub(crate) fn is_fragment(doc: &Document, content: &[Range<usize>]) -> bool {
    let words = content
        .iter()
        .flat_map(|c| c.clone())
        .filter(|&t| matches!(doc.tokens[t].kind, TokenKind::Word | TokenKind::Number));
    words.count() < MIN_INDIRECT_WORDS
}

/// Direct, mixed or indirect from the quotation marks of the content: marks toggle
/// inside/outside; no mark is indirect, no letter or digit outside the marks is direct.
pub fn kind_of(fragments: &[&str]) -> QuoteKind {
    let (mut marks, mut inside, mut outside_alnum) = (false, false, false);
    for f in fragments {
        for c in f.chars() {
            if is_double_mark(c) {
                marks = true;
                inside = !inside;
            } else if !inside && c.is_alphanumeric() {
                outside_alnum = true;
            }
        }
    }
    match (marks, outside_alnum) {
        (false, _) => QuoteKind::Indirect,
        (true, false) => QuoteKind::Direct,
        (true, true) => QuoteKind::Mixed,
    }
}

/// A content fragment as written, without surrounding white space and, for direct
/// quotes, without its outer quotation marks and a trailing comma.
pub(crate) fn trim_fragment(doc: &Document, span: Span, direct: bool) -> Span {
    let text = doc.span_text(span);
    let trim: &[char] = if direct {
        &['“', '”', '"', '«', '»', '„', ' ', '\n', '\t']
    } else {
        &[' ', '\n', '\t']
    };
    let start_trimmed = text.trim_start_matches(trim);
    let start = span.start + (text.len() - start_trimmed.len());
    let end = span.start + text.trim_end_matches(trim).len();
    if start < end { Span::new(start, end) } else { span }
}
