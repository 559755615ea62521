//! Statements only, as `../shared/eval/statement_cues.py` defines them: a gold
//! attribution is a statement when it is a direct quote or its cue holds a word of
//! communication (the scorer's word list, from the Gender Gap Tracker's quote verbs
//! without think/thought, plus common communication verbs). System quotes of act
//! `thought` are left out; records without `act` (written before issue 30) count as
//! statements.

use serde_json::Value;
use std::collections::HashSet;
use std::sync::LazyLock;

/// The scorer's base forms, in its order (duplicates are harmless).
const BASES: &str = "accept acclaim acknowledge add admit advise announce argue assert assure claim clarify comment
conclude confirm continue convince criticize declaim declare decry demonstrate denounce describe disclaim
dispute ensure estimate exclaim explain find highlight illustrate indicate inform insist mention note notify
persist point preach predict present proclaim rave reassert reassure reckon reconfirm release remind reply
report respond restate retell say state suggest tell testify tweet warn write
ask deny urge recall promise vow pledge accuse complain concede contend stress emphasize emphasise observe
remark quip post shout yell whisper email text reveal disclose allege charge counter caution boast brag
insist lament acknowledge agree disagree object protest joke muse recount predict forecast estimate
criticise blame praise thank apologize apologise announce declare affirm reiterate repeat maintain
signal hint imply acknowledge answer retort respond explain elaborate specify detail outline propose
recommend demand order command instruct request plead appeal call";

/// The scorer's irregular forms.
const IRREGULAR: &[(&str, &[&str])] = &[
    ("say", &["said"]),
    ("tell", &["told"]),
    ("write", &["wrote", "written"]),
    ("find", &["found"]),
    ("retell", &["retold"]),
    ("tweet", &["tweeted"]),
    ("text", &["texted"]),
];

/// The scorer's extra words.
const EXTRA: &[&str] = &[
    "according",
    "statement",
    "statements",
    "comments",
    "remarks",
    "testimony",
    "interview",
    "announcement",
];

fn is_vowel(c: u8) -> bool {
    b"aeiou".contains(&c)
}

/// The scorer's `forms(base)`.
fn forms(base: &str, out: &mut HashSet<String>) {
    for suffix in ["", "s", "ing", "ed", "d"] {
        out.insert(format!("{base}{suffix}"));
    }
    let b = base.as_bytes();
    let n = b.len();
    if base.ends_with('e') {
        out.insert(format!("{}ing", &base[..n - 1]));
    }
    if base.ends_with('y') && n >= 2 && !is_vowel(b[n - 2]) {
        out.insert(format!("{}ies", &base[..n - 1]));
        out.insert(format!("{}ied", &base[..n - 1]));
    }
    // re.search(r"[^aeiou][aeiou][bdgmnprt]$", base)
    if n >= 3 && !is_vowel(b[n - 3]) && is_vowel(b[n - 2]) && b"bdgmnprt".contains(&b[n - 1]) {
        let last = b[n - 1] as char;
        out.insert(format!("{base}{last}ed"));
        out.insert(format!("{base}{last}ing"));
    }
    if ["s", "sh", "ch", "x"].iter().any(|s| base.ends_with(s)) {
        out.insert(format!("{base}es"));
    }
    if let Some((_, irregular)) = IRREGULAR.iter().find(|(b, _)| *b == base) {
        out.extend(irregular.iter().map(|w| (*w).to_owned()));
    }
}

fn words() -> &'static HashSet<String> {
    static WORDS: LazyLock<HashSet<String>> = LazyLock::new(|| {
        let mut out = HashSet::new();
        for base in BASES.split_whitespace() {
            forms(base, &mut out);
        }
        out.extend(EXTRA.iter().map(|w| (*w).to_owned()));
        out
    });
    &WORDS
}

/// The scorer's `is_statement(q)` for a gold quote.
pub fn is_statement(quote: &Value) -> bool {
    if quote.get("kind").and_then(Value::as_str) == Some("direct") {
        return true;
    }
    let cue = quote
        .get("cue")
        .and_then(|c| c.get("text"))
        .and_then(Value::as_str)
        .unwrap_or_default()
        .to_lowercase();
    // re.findall(r"[a-z]+", cue.lower())
    cue.split(|c: char| !c.is_ascii_lowercase())
        .filter(|w| !w.is_empty())
        .any(|w| words().contains(w))
}

/// Whether a system quote is a statement: its `act` is not "thought".
pub fn is_system_statement(quote: &Value) -> bool {
    quote.get("act").and_then(Value::as_str) != Some("thought")
}

/// `doc` with only the quotes `keep` accepts.
pub fn keep_quotes(doc: &Value, keep: impl Fn(&Value) -> bool) -> Value {
    let mut doc = doc.clone();
    if let Some(quotes) = doc.get_mut("quotes").and_then(Value::as_array_mut) {
        quotes.retain(|q| keep(q));
    }
    doc
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn cues_of_communication_are_statements() {
        let q = |kind: &str, cue: &str| json!({"kind": kind, "cue": {"text": cue}});
        assert!(is_statement(&q("indirect", "has said")));
        assert!(is_statement(&q("mixed", "according to")));
        assert!(is_statement(&q("direct", "thinks")));
        assert!(is_statement(&q("indirect", "replied")));
        assert!(is_statement(&q("indirect", "admitted")));
        assert!(!is_statement(&q("indirect", "believes")));
        assert!(!is_statement(&q("indirect", "about")));
        assert!(!is_statement(&json!({"kind": "indirect"})));
    }
}
