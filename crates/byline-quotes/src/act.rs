//! Statement or thought: what an attribution reports, from its cue.
//!
//! A cue is a *statement* when one of its words is a verb or noun of communication
//! ("said", "told", "tweeted", "according to", "in a statement", "a report found") and
//! the text asserts that the communication took place: a cue under negation, a modal
//! or an infinitive that is not carried out ("did not say", "would never tell",
//! "declined to comment") reports nothing said by the source. Everything else —
//! believe, want, plan, fear, see, and cues that are no reporting word at all — is a
//! *thought*. A direct quote (words in quotation marks) is a statement unless its cue is
//! a verb of thinking ("“Not again,” she thought"); a colon introducing a quote ("Peskov:
//! …") is a statement.
//!
//! The communication verbs start from two public lists — the Gender Gap Tracker's
//! `quote_verb_list.txt` (MIT, Simon Fraser University Discourse Processing Lab) and
//! the JournalismAI 2021 quote extraction project's `quote_verb_list.txt` (Apache-2.0,
//! the Guardian and AFP) — without their "think"/"reckon" (beliefs), plus verbs and
//! nouns of our own. Words are matched in every inflected form the lists' base forms
//! take (generated here), so no parse is needed; when the document has one, negation
//! and modals are also read from the cue's dependents.

use byline_core::{Document, QuoteAct, QuoteKind};
use std::collections::HashSet;
use std::ops::Range;
use std::sync::LazyLock;

/// Base forms of communication verbs (see the module doc for the sources).
const COMMUNICATION_VERBS: &[&str] = &[
    // The Gender Gap Tracker's and JournalismAI's lists (their union, without think and reckon).
    "accept",
    "acclaim",
    "acknowledge",
    "add",
    "admit",
    "advise",
    "announce",
    "answer",
    "argue",
    "assert",
    "assure",
    "brand",
    "claim",
    "clarify",
    "comment",
    "conclude",
    "confirm",
    "continue",
    "convince",
    "counter",
    "criticize",
    "declaim",
    "declare",
    "decry",
    "demonstrate",
    "denounce",
    "describe",
    "disclaim",
    "dispute",
    "ensure",
    "estimate",
    "exclaim",
    "explain",
    "find",
    "highlight",
    "illustrate",
    "indicate",
    "inform",
    "insist",
    "laugh",
    "mention",
    "note",
    "notify",
    "persist",
    "point",
    "preach",
    "predict",
    "present",
    "proclaim",
    "promise",
    "rave",
    "reassert",
    "reassure",
    "reconfirm",
    "release",
    "remind",
    "reply",
    "report",
    "respond",
    "restate",
    "retell",
    "say",
    "shout",
    "speak",
    "state",
    "suggest",
    "swear",
    "tell",
    "testify",
    "tweet",
    "urge",
    "warn",
    "write",
    "yell",
    // Our own.
    "affirm",
    "allege",
    "apologise",
    "apologize",
    "appeal",
    "ask",
    "blame",
    "boast",
    "brag",
    "brief",
    "call",
    "caution",
    "characterise",
    "characterize",
    "charge",
    "chide",
    "complain",
    "concede",
    "confide",
    "contend",
    "convey",
    "cry",
    "criticise",
    "demand",
    "deny",
    "detail",
    "disclose",
    "echo",
    "elaborate",
    "email",
    "emphasise",
    "emphasize",
    "forecast",
    "inquire",
    "instruct",
    "interject",
    "joke",
    "lament",
    "maintain",
    "message",
    "mock",
    "mutter",
    "murmur",
    "muse",
    "object",
    "observe",
    "order",
    "outline",
    "plead",
    "pledge",
    "post",
    "praise",
    "propose",
    "protest",
    "query",
    "question",
    "quip",
    "recall",
    "recommend",
    "recount",
    "reiterate",
    "relay",
    "remark",
    "repeat",
    "request",
    "retort",
    "reveal",
    "rule",
    "scream",
    "snap",
    "specify",
    "stress",
    "text",
    "thank",
    "underline",
    "underscore",
    "vow",
    "whisper",
    "agree",
    "disagree",
    "concur",
    "assess",
    "contradict",
    "insinuate",
    "imply",
    "hint",
    "signal",
    "publish",
    "broadcast",
];

/// Irregular forms of the verbs above.
const IRREGULAR: &[&str] = &[
    "said",
    "told",
    "wrote",
    "written",
    "found",
    "spoke",
    "spoken",
    "swore",
    "sworn",
    "retold",
    "cried",
    "tweeted",
    "texted",
    "broadcast",
];

/// Nouns and other words whose presence in a cue makes it communication ("according to",
/// "in a statement", "in an interview", "his remarks").
const COMMUNICATION_NOUNS: &[&str] = &[
    "according",
    "statement",
    "statements",
    "interview",
    "interviews",
    "testimony",
    "remarks",
    "comments",
    "comment",
    "announcement",
    "tweet",
    "tweets",
    "speech",
    "letter",
    "email",
    "e-mail",
    "memo",
    "op-ed",
    "briefing",
    "conference",
    "post",
    "message",
    "press",
    "release",
    "report",
    "reports",
    "filing",
    "words",
    "told",
    "quoted",
    "quote",
    "quotes",
    "declaration",
    "claim",
    "claims",
    "assertion",
    "warning",
    "appeal",
    "plea",
    "response",
    "reply",
    "answer",
    "testimonies",
    "affidavit",
    "ruling",
    "transcript",
    "sermon",
    "address",
    "speaking",
];

/// Verbs of thinking, wanting and perceiving: a direct quote with one of these as its cue
/// is a thought.
const THOUGHT_VERBS: &[&str] = &[
    "think",
    "thought",
    "believe",
    "feel",
    "felt",
    "hope",
    "want",
    "wish",
    "fear",
    "expect",
    "plan",
    "intend",
    "know",
    "knew",
    "known",
    "decide",
    "see",
    "saw",
    "seen",
    "wonder",
    "worry",
    "doubt",
    "suspect",
    "assume",
    "imagine",
    "guess",
    "suppose",
    "reckon",
    "realize",
    "realise",
    "understand",
    "understood",
    "consider",
    "dream",
    "dreamt",
    "dreamed",
];

/// Words between an auxiliary chain and its verb that do not change what it asserts.
const ADVERBS: &[&str] = &[
    "also",
    "later",
    "previously",
    "earlier",
    "repeatedly",
    "publicly",
    "privately",
    "recently",
    "again",
    "then",
    "once",
    "already",
    "even",
    "quickly",
    "often",
    "still",
    "just",
    "first",
    "further",
    "last",
    "separately",
    "simply",
    "flatly",
    "explicitly",
    "specifically",
    "clearly",
    "immediately",
    "directly",
    "actually",
    "really",
    "ever",
    "always",
    "only",
    "long",
    "initially",
    "originally",
    "subsequently",
];

/// Auxiliaries that keep an assertion (tense, aspect, passive, do-support).
const AUXILIARIES: &[&str] = &[
    "did", "does", "do", "has", "have", "had", "is", "was", "were", "are", "am", "be", "been", "being", "'s", "'ve",
    "'d", "'re", "'m", "has", "having",
];

/// Words that deny or suspend what the verb after them reports.
const NEGATORS_AND_MODALS: &[&str] = &[
    "not", "n't", "never", "no", "nor", "would", "could", "might", "may", "should", "will", "wo", "shall", "must",
    "ought", "'ll", "cannot", "neither", "hardly",
];

/// Verbs whose infinitive complement reports something that was said ("went on to say").
const CARRIED_OUT: &[&str] = &[
    "went",
    "goes",
    "go",
    "going",
    "continued",
    "continues",
    "continue",
    "proceeded",
    "proceeds",
    "began",
    "begins",
    "took",
    "paused",
    "stopped",
    "rose",
    "stood",
    "turned",
    "wrote",
];

/// Every inflected form of a base verb: -s, -es, -ies, -ed, -d, -ied, -ing, doubled final
/// consonants, plus the irregular forms.
fn inflections(base: &str, out: &mut HashSet<String>) {
    out.insert(base.to_owned());
    let stem = base.strip_suffix('e');
    let (ing, ed) = match stem {
        Some(s) => (format!("{s}ing"), format!("{base}d")),
        None => (format!("{base}ing"), format!("{base}ed")),
    };
    out.insert(ing);
    out.insert(ed);
    let chars: Vec<char> = base.chars().collect();
    let n = chars.len();
    if n > 1 && base.ends_with('y') && !"aeiou".contains(chars[n - 2]) {
        let s = &base[..base.len() - 1];
        out.insert(format!("{s}ies"));
        out.insert(format!("{s}ied"));
    } else if base.ends_with('s') || base.ends_with("sh") || base.ends_with("ch") || base.ends_with('x') {
        out.insert(format!("{base}es"));
    } else {
        out.insert(format!("{base}s"));
    }
    let vowel = |c: char| "aeiou".contains(c);
    if n >= 3 && !vowel(chars[n - 3]) && vowel(chars[n - 2]) && "bdgmnprt".contains(chars[n - 1]) {
        let last = chars[n - 1];
        out.insert(format!("{base}{last}ed"));
        out.insert(format!("{base}{last}ing"));
    }
}

/// The lower-cased words that make a cue communication.
fn communication_words() -> &'static HashSet<String> {
    static WORDS: LazyLock<HashSet<String>> = LazyLock::new(|| {
        let mut out = HashSet::new();
        for base in COMMUNICATION_VERBS {
            inflections(base, &mut out);
        }
        out.extend(IRREGULAR.iter().chain(COMMUNICATION_NOUNS).map(|w| (*w).to_owned()));
        out
    });
    &WORDS
}

/// The lower-cased forms of the thinking verbs.
fn thought_words() -> &'static HashSet<String> {
    static WORDS: LazyLock<HashSet<String>> = LazyLock::new(|| {
        let mut out = HashSet::new();
        for base in THOUGHT_VERBS {
            inflections(base, &mut out);
        }
        out
    });
    &WORDS
}

/// Whether `word` (any case) is a word of communication.
pub(crate) fn is_communication(word: &str) -> bool {
    communication_words().contains(&word.to_lowercase())
}

/// Whether `word` (any case) is a finite form of a communication verb: past ("warned",
/// "told") or third person present ("warns", "says"), not a bare or -ing form a noun
/// could share ("report", "reporting").
pub(crate) fn is_communication_verb_form(word: &str) -> bool {
    let lower = word.to_lowercase();
    let finite = lower.ends_with("ed") || IRREGULAR.contains(&lower.as_str()) || lower.ends_with('s');
    finite && !COMMUNICATION_NOUNS.contains(&lower.as_str()) && communication_words().contains(&lower)
}

fn is_one_of(word: &str, list: &[&str]) -> bool {
    list.iter().any(|w| w.eq_ignore_ascii_case(word)) || {
        // Curly apostrophes ("n’t", "’ll") as straight ones.
        let straight = word.replace('’', "'");
        straight != word && list.iter().any(|w| w.eq_ignore_ascii_case(&straight))
    }
}

/// Whether the words right before token `verb` deny or suspend it: walking left over
/// adverbs and auxiliaries, a negator or modal ("did not say", "would never tell"), or
/// an infinitive whose governing verb does not carry it out ("declined to say", "wants
/// to tell"; "went on to say" does).
fn denied_or_suspended(doc: &Document, verb: usize, sentence_start: usize) -> bool {
    let mut t = verb;
    while t > sentence_start {
        t -= 1;
        let word = doc.token_text(t);
        if is_one_of(word, NEGATORS_AND_MODALS) {
            return true;
        }
        if word.eq_ignore_ascii_case("to") {
            // The verb governing the infinitive, across "on" and adverbs.
            let mut g = t;
            while g > sentence_start {
                g -= 1;
                let w = doc.token_text(g);
                if w.eq_ignore_ascii_case("on") || is_one_of(w, ADVERBS) {
                    continue;
                }
                return !is_one_of(w, CARRIED_OUT);
            }
            return true;
        }
        if !(is_one_of(word, ADVERBS) || is_one_of(word, AUXILIARIES)) {
            return false;
        }
    }
    false
}

/// Whether the parse marks word-level negation or a modal on the cue word at token `t`.
fn parse_denies(doc: &Document, t: usize) -> bool {
    let syntax = &doc.syntax;
    let Some(w) = syntax.word_at(doc.tokens[t].span.start) else {
        return false;
    };
    syntax.children(w).any(|c| {
        let word = &syntax.words[c];
        let rel = word.deprel.as_str();
        (rel == "advmod" || rel == "aux" || rel == "neg") && is_one_of(&word.lemma, NEGATORS_AND_MODALS)
    })
}

/// The act of a quote of `kind` whose cue is the tokens `cue` (none for a quote nobody
/// is said to have said, or one its signature attributes).
pub(crate) fn act_of(doc: &Document, kind: QuoteKind, cue: Option<&Range<usize>>) -> QuoteAct {
    let Some(cue) = cue.filter(|c| !c.is_empty()) else {
        return if kind == QuoteKind::Indirect {
            QuoteAct::Thought
        } else {
            QuoteAct::Statement
        };
    };
    let sentence_start = doc
        .sentences
        .get(crate::sentence_of(doc, cue.start))
        .map_or(0, |s| s.tokens.start);
    let communicates = cue.clone().find(|&t| is_communication(doc.token_text(t)));
    let colon = cue.clone().all(|t| doc.token_text(t) == ":");
    let thinks = cue
        .clone()
        .any(|t| thought_words().contains(&doc.token_text(t).to_lowercase()));
    let asserted = |t: usize| {
        !denied_or_suspended(doc, t, sentence_start) && (doc.syntax.words.is_empty() || !parse_denies(doc, t))
    };
    match (kind, communicates) {
        (_, Some(t)) if asserted(t) => QuoteAct::Statement,
        (_, Some(_)) => QuoteAct::Thought,
        _ if colon => QuoteAct::Statement,
        (QuoteKind::Direct, None) if !thinks && asserted(cue.start) => QuoteAct::Statement,
        _ => QuoteAct::Thought,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn inflections_cover_regular_and_doubled_forms() {
        let mut out = HashSet::new();
        for base in ["say", "admit", "reply", "stress", "note"] {
            inflections(base, &mut out);
        }
        for form in [
            "says",
            "saying",
            "admitted",
            "admitting",
            "replied",
            "replies",
            "stresses",
            "noted",
            "noting",
        ] {
            assert!(out.contains(form), "{form}");
        }
    }

    #[test]
    fn communication_words_include_the_lists_and_leave_out_beliefs() {
        for w in [
            "said",
            "Told",
            "tweeted",
            "according",
            "statement",
            "warned",
            "testified",
        ] {
            assert!(is_communication(w), "{w}");
        }
        for w in ["think", "thought", "believes", "wants", "about", "has", "reckons"] {
            assert!(!is_communication(w), "{w}");
        }
    }
}
