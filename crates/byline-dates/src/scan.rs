//! Scanning helpers every expression family shares: the span of a match, the word
//! before a position, whether the clause around an expression speaks of the future, and
//! adding an expression to the list.

use byline_core::{Span, Syntax, TimeExpr, TimexType};
use regex::Captures;

/// The ASCII word right before `pos` (spaces skipped) and where it starts.
pub(crate) fn word_before(text: &str, pos: usize) -> (usize, &str) {
    let before = text[..pos].trim_end_matches(' ');
    let start = before
        .char_indices()
        .rev()
        .find(|(_, ch)| !ch.is_ascii_alphabetic())
        .map_or(0, |(i, ch)| i + ch.len_utf8());
    (start, &before[start..])
}

/// The span of a whole match.
pub(crate) fn whole(c: &Captures) -> Span {
    let m = c.get(0).unwrap();
    Span::new(m.start(), m.end())
}

/// Words that put the event of their clause in the future: tense and modality ("will",
/// "is to", "is going to", "would be"), plans and expectations ("plans to", "is
/// scheduled", "expects", "hopes to", "is due"), and limits ("as early as", "until").
const FUTURE_CUES: &[&str] = &[
    "will ",
    "’ll ",
    "'ll ",
    "shall ",
    "plan to",
    "plans to",
    "planned to",
    "planning to",
    "scheduled",
    "is set to",
    "are set to",
    "is set for",
    "are set for",
    "is to ",
    "are to ",
    "expected to",
    "expect ",
    "expects ",
    "hope to",
    "hopes to",
    "intend to",
    "intends to",
    "aims to",
    "is due",
    "are due",
    "going to",
    "upcoming",
    "as early as",
    "as soon as",
    "until",
    "deadline",
    "would be ",
];

/// What the dependency parse says of clauses, when the document has one.
pub(crate) struct Clauses<'a> {
    tree: Option<crate::tense::Tree<'a>>,
}

impl<'a> Clauses<'a> {
    /// Clauses of a document with `syntax` (`None`, or a layer without words: the
    /// words around an expression decide alone).
    pub(crate) fn new(syntax: Option<&'a Syntax>) -> Self {
        Clauses {
            tree: syntax.filter(|s| !s.words.is_empty()).map(crate::tense::Tree::new),
        }
    }

    /// Is the event of the expression at `pos` in the future? Yes when the words of its
    /// clause say so ([`future_context`]) or, with a parse, when its governing predicate
    /// does (a future auxiliary or plan however far it is: [`crate::tense`]). The
    /// parse's "past" does not overrule the words: on TempEval-3 train, letting it do so
    /// lost more values than it won.
    pub(crate) fn future(&self, text: &str, pos: usize) -> bool {
        future_context(text, pos) || self.tree.as_ref().is_some_and(|t| t.future_at(pos))
    }
}

/// Does the clause around the expression at `pos` say its event is in the future? Looks
/// back to the start of the clause (at most 60 characters), and when the expression
/// opens its clause ("On Tuesday, the league plans to …"), forward to the clause end.
pub(crate) fn future_context(text: &str, pos: usize) -> bool {
    const CLAUSE_ENDS: &[char] = &['.', ';', ',', ')', '\n', '"', '“', '”', '`', '\'', ':'];
    let from = text[..pos].char_indices().rev().nth(60).map_or(0, |(i, _)| i);
    let mut before = &text[from..pos];
    if let Some((i, ch)) = before.char_indices().rev().find(|(_, ch)| CLAUSE_ENDS.contains(ch)) {
        before = &before[i + ch.len_utf8()..];
    }
    if FUTURE_CUES.iter().any(|w| before.contains(w)) {
        return true;
    }
    let opens_clause = matches!(before.trim().to_ascii_lowercase().as_str(), "" | "on" | "by");
    if !opens_clause {
        return false;
    }
    let rest = &text[pos..];
    let to = rest.char_indices().nth(80).map_or(rest.len(), |(i, _)| i);
    let mut after = &rest[..to];
    // Skip the expression itself and the comma after it, then stop at the clause end.
    if let Some(i) = after.find(',') {
        after = &after[i + 1..];
    }
    if let Some(i) = after.find(CLAUSE_ENDS) {
        after = &after[..i];
    }
    // A past plan after the date ("On Friday, the government planned to …") says nothing.
    FUTURE_CUES
        .iter()
        .filter(|w| **w != "planned to")
        .any(|w| after.contains(w))
}

/// Adds an expression to `out`.
pub(crate) fn push(out: &mut Vec<TimeExpr>, span: Span, kind: TimexType, value: String) {
    out.push(TimeExpr { span, kind, value });
}
