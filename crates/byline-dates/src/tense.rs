//! The tense of the clause a date belongs to, read from the dependency parse: the date's
//! word climbs to its governing predicate, whose auxiliaries, tag and governor say
//! whether the event is to come ("will open in June", "is scheduled for Friday", "plans
//! to vote on Tuesday") or is past ("opened in June", "had planned to vote on Tuesday").

use byline_core::Syntax;

/// What the parse says of a clause.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Tense {
    /// The event is to come.
    Future,
    /// The event is past.
    Past,
}

/// Verbs whose complement clause is a plan or an expectation ("plans to", "is going to").
const PLAN_VERBS: &[&str] = &[
    "plan", "expect", "schedule", "intend", "aim", "hope", "go", "set", "prepare", "vow", "promise", "pledge",
    "threaten", "want", "seek", "due",
];

/// Predicates that are a plan themselves in the passive or as adjectives ("is scheduled
/// for", "is set for", "is due on", "is expected on").
const PLANNED: &[&str] = &["schedule", "set", "due", "expect", "slate", "plan"];

/// Most words climbed from a date to its predicate.
const MAX_CLIMB: usize = 6;

/// Does the parse put the event of the word at byte `pos` in the future?
pub(crate) fn future_at(syntax: &Syntax, pos: usize) -> bool {
    tense_at(syntax, pos) == Some(Tense::Future)
}

/// The tense of the clause of the word at byte `pos`, or `None` when the parse does not
/// tell (a present-tense or verbless clause, a position outside the words).
fn tense_at(syntax: &Syntax, pos: usize) -> Option<Tense> {
    let words = &syntax.words;
    let at = words.partition_point(|w| w.span.end <= pos);
    words.get(at).filter(|w| w.span.start <= pos)?;
    let mut w = at;
    for _ in 0..MAX_CLIMB {
        if is_predicate(syntax, w) {
            return predicate_tense(syntax, w);
        }
        w = words[w].head?;
    }
    None
}

fn is_predicate(syntax: &Syntax, w: usize) -> bool {
    let word = &syntax.words[w];
    match word.upos.as_str() {
        "VERB" => true,
        // "is due", "is ready": an adjective with a copula.
        "ADJ" | "AUX" => syntax.children(w).any(|c| syntax.words[c].deprel.universal() == "cop"),
        _ => false,
    }
}

fn predicate_tense(syntax: &Syntax, v: usize) -> Option<Tense> {
    let words = &syntax.words;
    let verb = &words[v];
    let mut past = verb.xpos.as_str() == "VBD";
    let mut passive_or_copula = false;
    for c in syntax.children(v) {
        let child = &words[c];
        match child.deprel.universal() {
            "aux" => {
                let lemma = child.lemma.to_ascii_lowercase();
                if matches!(lemma.as_str(), "will" | "shall" | "'ll" | "’ll" | "would" | "wo") {
                    return Some(Tense::Future);
                }
                if child.xpos.as_str() == "VBD" {
                    past = true;
                }
                if child.deprel.as_str() == "aux:pass" {
                    passive_or_copula = true;
                }
            }
            "cop" => {
                passive_or_copula = true;
                if child.xpos.as_str() == "VBD" {
                    past = true;
                }
            }
            _ => {}
        }
    }
    let lemma = verb.lemma.to_ascii_lowercase();
    if passive_or_copula && !past && PLANNED.contains(&lemma.as_str()) {
        return Some(Tense::Future);
    }
    // A complement of a plan ("plans to vote on Tuesday"): the plan's own tense decides
    // only that it is not a past plan ("had planned to").
    if verb.deprel.as_str() == "xcomp"
        && let Some(h) = verb.head
    {
        let head = &words[h];
        if PLAN_VERBS.contains(&head.lemma.to_ascii_lowercase().as_str()) {
            return match predicate_tense(syntax, h) {
                Some(Tense::Past) if head.lemma != "go" => Some(Tense::Past),
                _ => Some(Tense::Future),
            };
        }
    }
    past.then_some(Tense::Past)
}
