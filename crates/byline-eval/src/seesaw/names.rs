//! Lenient name matching between byline's holders/targets and SEESAW's canonical names,
//! exactly as `eval_seesaw.py` does it: content tokens (lower case, possessive and plural
//! endings stripped, "U.S." and "United States" one token, party aliases, titles and
//! stopwords dropped), a holder matching when a last or key token of either name occurs
//! in the other, a target when any content token is shared, and generic head nouns
//! ("party", "house") never enough alone.

use regex::Regex;
use std::collections::HashSet;
use std::sync::LazyLock;

const STOPWORDS: &str = "a an the and or but nor of to in on at by for from with without within into onto upon about
above below over under after before during since until against among between through across
as than then so such that this these those there here where when while who whom whose which
what why how all any both each few more most other some no not only own same too very can
will just should would could may might must shall do does did doing done be been being am is
are was were has have had having it its itself he him his himself she her hers herself they
them their theirs themselves we us our ours ourselves you your yours yourself yourselves i me
my mine myself one ones s t also said says say saying told tell new former current
mr mrs ms miss dr sen sens rep reps gov st jr sr ii iii iv";

const GENERIC: &str = "party house administration department committee government campaign official member lawmaker
leader state court council office agency group people president senator congressman
congresswoman representative governor secretary minister chairman chairwoman chair spokesman
spokeswoman spokesperson director staff supporter critic national federal american force
service union association organization commission city county nation country public unitedstates
team side member";

const NO_PLURAL_STRIP: [&str; 10] = ["news", "congress", "us", "its", "his", "this", "was", "has", "is", "as"];

static STOP: LazyLock<HashSet<&'static str>> = LazyLock::new(|| STOPWORDS.split_whitespace().collect());
static GENERIC_WORDS: LazyLock<HashSet<&'static str>> = LazyLock::new(|| GENERIC.split_whitespace().collect());
static PHRASES: LazyLock<[(Regex, &'static str); 2]> = LazyLock::new(|| {
    [
        (
            Regex::new(r"\bU\.\s?S\.(?:\s?A\.)?|\bUnited States(?: of America)?\b|\bUSA\b|\bUS\b").expect("valid"),
            " unitedstates ",
        ),
        (
            Regex::new(r"\bU\.\s?N\.|\bUnited Nations\b").expect("valid"),
            " unitednations ",
        ),
    ]
});
static TOKEN: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"[^\W_]+(?:['’][^\W_]+)*").expect("valid"));

fn alias(token: &str) -> &str {
    match token {
        "democratic" | "dem" | "dems" => "democrat",
        "gop" => "republican",
        other => other,
    }
}

/// The ordered content tokens of a name.
pub fn content_tokens(text: &str) -> Vec<String> {
    let mut work = text.to_owned();
    for (pattern, replacement) in PHRASES.iter() {
        work = pattern.replace_all(&work, *replacement).into_owned();
    }
    let lower = work.to_lowercase();
    let mut out = Vec::new();
    for m in TOKEN.find_iter(&lower) {
        let mut token = m.as_str().replace('’', "'");
        if let Some(stem) = token.strip_suffix("'s") {
            token = stem.to_owned();
        }
        token = token.replace('\'', "");
        if token.is_empty() || STOP.contains(token.as_str()) {
            continue;
        }
        if token.chars().count() > 3
            && token.ends_with('s')
            && !token.ends_with("ss")
            && !NO_PLURAL_STRIP.contains(&token.as_str())
        {
            token.pop();
        }
        let token = alias(&token).to_owned();
        if STOP.contains(token.as_str()) {
            continue;
        }
        out.push(token);
    }
    out
}

/// The last content token that is not a generic head noun (else the last one).
fn key_token(tokens: &[String]) -> &str {
    tokens
        .iter()
        .rev()
        .find(|t| !GENERIC_WORDS.contains(t.as_str()))
        .unwrap_or(&tokens[tokens.len() - 1])
}

/// The role a name plays in a stance, which decides how leniently it matches.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Role {
    /// The holder: a last or key token of one name must occur in the other.
    Holder,
    /// The target: any shared content token.
    Target,
}

/// Match quality between a system name and a gold name: 0 none, 1, or 2 (last or key
/// tokens agree).
pub fn name_match(system: &str, gold: &str, role: Role) -> u8 {
    let (ca, cb) = (content_tokens(system), content_tokens(gold));
    if ca.is_empty() || cb.is_empty() {
        return 0;
    }
    let sa: HashSet<&str> = ca.iter().map(String::as_str).collect();
    let sb: HashSet<&str> = cb.iter().map(String::as_str).collect();
    let shared: Vec<&&str> = sa.intersection(&sb).collect();
    if shared.is_empty() {
        return 0;
    }
    let (la, lb) = (ca[ca.len() - 1].as_str(), cb[cb.len() - 1].as_str());
    let generic = |s: &HashSet<&str>| s.iter().all(|t| GENERIC_WORDS.contains(t));
    if shared.iter().all(|t| GENERIC_WORDS.contains(**t)) {
        return if generic(&sa) && generic(&sb) && la == lb { 2 } else { 0 };
    }
    let (ka, kb) = (key_token(&ca), key_token(&cb));
    let strong = la == lb || ka == kb;
    if role == Role::Holder && !(sb.contains(la) || sa.contains(lb) || sb.contains(ka) || sa.contains(kb)) {
        return 0;
    }
    if strong { 2 } else { 1 }
}

/// The best match quality of any of `names` with `gold`.
pub fn best_match<S: AsRef<str>>(names: &[S], gold: &str, role: Role) -> u8 {
    names
        .iter()
        .map(|n| name_match(n.as_ref(), gold, role))
        .max()
        .unwrap_or(0)
}

/// A name's normalised key: its content tokens, else its trimmed lower-cased text.
pub fn norm_key(text: &str) -> String {
    let tokens = content_tokens(text);
    if tokens.is_empty() {
        text.trim().to_lowercase()
    } else {
        tokens.join(" ")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn matches_as_the_reference_self_check_expects() {
        use Role::{Holder, Target};
        let cases = [
            ("Trump", "Donald Trump", Holder, true),
            ("Mr. Trump's", "Donald Trump", Holder, true),
            ("Democrats", "Democratic Party", Holder, true),
            ("GOP lawmakers", "Republican lawmakers", Holder, true),
            ("Republicans", "Republican Party", Holder, true),
            ("Obama", "Obama administration", Holder, true),
            (
                "Justice Department",
                "United States Department of Justice",
                Holder,
                true,
            ),
            ("William B. Taylor Jr.", "William Taylor", Holder, true),
            ("Democratic Party", "Republican Party", Holder, false),
            ("House", "White House", Holder, false),
            ("Mark Walker", "Mark Meadows", Holder, false),
            ("he", "Joe Biden", Holder, false),
            ("U.S.", "United States", Target, true),
            ("the impeachment inquiry", "impeachment probe", Target, true),
            ("him", "Donald Trump", Target, false),
            ("the party", "Republican Party", Target, false),
        ];
        for (system, gold, role, expected) in cases {
            assert_eq!(name_match(system, gold, role) > 0, expected, "{system} ~ {gold}");
        }
        assert_eq!(
            content_tokens("U.S. senators' votes"),
            ["unitedstate", "senator", "vote"]
        );
        assert_eq!(norm_key("  The  "), "the");
    }
}
