//! What the dependency parse says of each token, for the attribution labeller: its part
//! of speech and relation, and its path up the tree to the nearest cue word ("the plant"
//! lies in the `ccomp` of "said", "Officials" is its `nsubj`, "the criticism" the `obj`
//! of "rejected"), with the cue's lemma and which arguments the cue has (a clausal
//! complement, a subject, an object). Read only when the document has a syntax layer;
//! the labeller trained on parsed text ships as its own model.

use byline_core::Document;
use byline_learn::hash::hash_str;

/// How far up the tree the path to a cue is followed.
const MAX_DEPTH: usize = 12;

/// The relation recorded for a token that is itself the cue word.
pub(crate) const SELF: u8 = u8::MAX;

/// The parse's view of one token (its first syntactic word).
#[derive(Clone, Copy, Debug, Default)]
pub(crate) struct ParseInfo {
    /// Universal part of speech (index + 1; 0 without a word).
    pub(crate) upos: u8,
    /// Relation to its head (index + 1).
    pub(crate) deprel: u8,
    /// The head's part of speech (0 at the root).
    pub(crate) head_upos: u8,
    /// Hash of the head's lemma (0 at the root).
    pub(crate) head_lemma: u64,
    /// Relation of the path's last step below the nearest cue ancestor ([`SELF`] for the
    /// cue word itself; 0 when no cue governs the token).
    pub(crate) path_rel: u8,
    /// Lexicon class of that cue (0 none).
    pub(crate) path_cue: u8,
    /// Steps from the token up to the cue.
    pub(crate) path_depth: u8,
    /// Hash of the cue's lemma (0 none).
    pub(crate) cue_lemma: u64,
    /// Which arguments its word has (`CLAUSE`, `SUBJECT`, … bits).
    pub(crate) arguments: u8,
    /// Hash of its own lemma.
    pub(crate) lemma: u64,
    /// Relation of the path's last step below the nearest verb ancestor (0 none).
    pub(crate) verb_rel: u8,
    /// Hash of that verb's lemma.
    pub(crate) verb_lemma: u64,
}

/// Bits of [`ParseInfo::arguments`].
const CLAUSE: u8 = 1;
const SUBJECT: u8 = 2;
const OBJECT: u8 = 4;
const OPEN_CLAUSE: u8 = 8;
const PARATAXIS: u8 = 16;
const THAT: u8 = 32;
const AGENT: u8 = 64;

/// Relations of a cue's dependents that say what kind of cue it is.
fn argument_bit(deprel: &str) -> u8 {
    match deprel {
        "ccomp" | "csubj" | "advcl" => CLAUSE,
        "nsubj" | "nsubj:pass" => SUBJECT,
        "obj" | "iobj" => OBJECT,
        "xcomp" => OPEN_CLAUSE,
        "parataxis" => PARATAXIS,
        "obl:agent" => AGENT,
        _ => 0,
    }
}

/// The parse information of every token of `doc`; `None` without a syntax layer.
/// `is_cue(t)` says whether token `t` is a cue word (outside quotation marks) and its class.
pub(crate) fn parse_infos(doc: &Document, is_cue: impl Fn(usize) -> u8) -> Option<Vec<ParseInfo>> {
    let syntax = &doc.syntax;
    if syntax.words.is_empty() {
        return None;
    }
    let words = &syntax.words;
    // The first word of each token.
    let mut word_of = vec![usize::MAX; doc.tokens.len()];
    for (w, word) in words.iter().enumerate().rev() {
        if let Some(slot) = word_of.get_mut(word.token) {
            *slot = w;
        }
    }
    let cue_of_word = |w: usize| is_cue(words[w].token);
    // Which arguments each cue word has, from its dependents.
    let mut arguments = vec![0u8; words.len()];
    for (w, word) in words.iter().enumerate() {
        let Some(h) = word.head else { continue };
        let rel = word.deprel.as_str();
        let mut bit = argument_bit(rel);
        if rel == "ccomp" && syntax.children(w).any(|c| words[c].lemma.eq_ignore_ascii_case("that")) {
            bit |= THAT;
        }
        arguments[h] |= bit;
    }
    let mut out = vec![ParseInfo::default(); doc.tokens.len()];
    for (t, info) in out.iter_mut().enumerate() {
        let w = word_of[t];
        let Some(word) = words.get(w) else { continue };
        info.upos = word.upos.index() as u8 + 1;
        info.lemma = hash_str(&word.lemma);
        info.arguments = arguments[w];
        info.deprel = word.deprel.index() as u8 + 1;
        if let Some(h) = word.head {
            info.head_upos = words[h].upos.index() as u8 + 1;
            info.head_lemma = hash_str(&words[h].lemma);
        }
        let own = cue_of_word(w);
        if own > 0 {
            info.path_rel = SELF;
            info.path_cue = own;
            info.cue_lemma = info.lemma;
        }
        let (mut below, mut at) = (w, word.head);
        for _ in 0..MAX_DEPTH {
            let Some(h) = at else { break };
            if words[h].upos.as_str() == "VERB" {
                info.verb_rel = words[below].deprel.index() as u8 + 1;
                info.verb_lemma = hash_str(&words[h].lemma);
                break;
            }
            below = h;
            at = words[h].head;
        }
        if own > 0 {
            continue;
        }
        let (mut below, mut at) = (w, word.head);
        for depth in 1..=MAX_DEPTH {
            let Some(h) = at else { break };
            let class = cue_of_word(h);
            if class > 0 {
                info.path_rel = words[below].deprel.index() as u8 + 1;
                info.path_cue = class;
                info.path_depth = depth as u8;
                info.cue_lemma = hash_str(&words[h].lemma);
                break;
            }
            below = h;
            at = words[h].head;
        }
    }
    Some(out)
}
