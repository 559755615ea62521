//! Stance predicates read from the dependency parse, when the document has one: the
//! holder is the predicate's subject (a passive's agent; for a noun such as "criticism"
//! its possessor or the subject of the light verb it is the object of — "expressed his
//! approval of"; for an adjective such as "critical" the subject of its copula), a
//! relative word standing for the noun it modifies and a pronoun for its cluster (the
//! coreference mentions); inside a quote, "I"/"we" or no subject is the quote's speaker.
//! The target is the object, or the oblique or nominal modifier introduced by "of",
//! "against", "for", "on", "about", "to" or "with": the whole noun phrase (its relative
//! clauses and appositions left out), linked to the entity it names. Negation is read
//! from the predicate's (and its light verb's) dependents. Agent nouns ("a critic of X",
//! "Y, an ally of X") take the copula's subject or the noun they describe as holder;
//! naming verbs ("called the plan a disgrace") take their polarity from the
//! description's VADER valence. Holders that are no cluster must name somebody.

use crate::Basis;
use crate::lexicon::{
    AGENT_NOUNS, PARSED_PREDICATES, PREDICATES, is_explicit_verb, is_negator, is_reflexive, names_somebody, negated,
};
use crate::predicates::quote_containing;
use byline_core::{
    DependencyTree, Document, EntityLabel, Polarity, Span, Stance, StanceChannel, StanceHolder, StanceTarget,
    TargetKind,
};
use byline_learn::hash::FastMap;
use std::sync::LazyLock;

/// Prepositions that introduce a stance predicate's target.
const TARGET_CASES: [&str; 7] = ["of", "against", "for", "on", "about", "to", "with"];

/// Dependents left out of a target phrase.
const OUTSIDE_PHRASE: [&str; 6] = ["acl:relcl", "acl", "appos", "parataxis", "advcl", "punct"];

/// Verbs whose object noun carries the stance ("expressed his approval of").
const LIGHT_VERBS: [&str; 14] = [
    "express",
    "voice",
    "offer",
    "give",
    "show",
    "make",
    "lend",
    "register",
    "signal",
    "declare",
    "pledge",
    "reiterate",
    "renew",
    "announce",
];

/// Relative words that stand for the noun their clause modifies.
const RELATIVE: [&str; 4] = ["who", "which", "that", "whom"];

fn polarity_of(word: &str) -> Option<Polarity> {
    static TABLE: LazyLock<FastMap<&'static str, Polarity>> =
        LazyLock::new(|| PREDICATES.iter().chain(PARSED_PREDICATES).copied().collect());
    TABLE.get(word.to_lowercase().as_str()).copied()
}

/// The polarity of an agent noun ("critic"), by its lemma.
fn agent_noun(lemma: &str) -> Option<Polarity> {
    static TABLE: LazyLock<FastMap<&'static str, Polarity>> = LazyLock::new(|| AGENT_NOUNS.iter().copied().collect());
    TABLE.get(lemma.to_lowercase().as_str()).copied()
}

/// Words that take a group of agents ("one of his critics", "among his allies").
const QUANTITY_HEADS: [&str; 5] = ["one", "some", "many", "none", "among"];

/// The holder and target of agent noun `p`: the copula's subject or the noun `p` is in
/// apposition to ("Scott, a critic of Snipes"), and the possessor, the "of" phrase or a
/// compounded name ("a Trump critic").
fn agent_arguments(parse: &Parse, p: usize) -> Option<(usize, usize)> {
    // "one of Snipes's fiercest critics": the holder is the subject of "one".
    let anchor = match parse.word(p).head {
        Some(h) if parse.rel(p) == "nmod" && QUANTITY_HEADS.contains(&parse.word(h).lemma.to_lowercase().as_str()) => h,
        _ => p,
    };
    let holder = match parse.child(anchor, &["nsubj"]) {
        Some(s) => s,
        None if parse.rel(anchor) == "appos" => parse.word(anchor).head?,
        None => return None,
    };
    let target = parse.child(p, &["nmod:poss"]).or_else(|| {
        parse
            .tree
            .children_of(p)
            .iter()
            .copied()
            .find(|&c| parse.rel(c) == "nmod" && parse.case_of(c).is_some_and(|k| k.eq_ignore_ascii_case("of")))
    });
    // "a Trump critic": a name compounded with the noun.
    let target = target.or_else(|| {
        parse
            .tree
            .children_of(p)
            .iter()
            .copied()
            .find(|&c| parse.rel(c) == "compound" && parse.word(c).upos.as_str() == "PROPN")
    })?;
    Some((holder, target))
}

/// Verbs that name or describe their object as something ("called the plan a
/// disgrace", "described her as a champion"): the description's valence is the stance.
const NAMING_VERBS: [&str; 10] = [
    "call",
    "label",
    "brand",
    "dub",
    "term",
    "deem",
    "describe",
    "characterize",
    "characterise",
    "portray",
];

/// The most conjuncts one target phrase is split into.
const MAX_CONJUNCTS: usize = 8;

/// The most words a naming verb's description may have.
const MAX_DESCRIPTION_WORDS: usize = 30;

/// The least summed VADER valence of a description that makes its naming a stance.
const NAMING_VALENCE: f32 = 1.5;

/// A naming verb's stance: its polarity, the word named and the description's words
/// ("called the proposal deeply irresponsible": proposal, "deeply irresponsible").
fn naming(parse: &Parse, p: usize) -> Option<(Polarity, usize, (usize, usize))> {
    if !NAMING_VERBS.contains(&parse.word(p).lemma.to_lowercase().as_str()) {
        return None;
    }
    let xcomp = parse.child(p, &["xcomp"]);
    // "called the agreement is dangerous": the complement's own subject is the target.
    let named = parse
        .child(p, &["obj"])
        .or_else(|| xcomp.and_then(|x| parse.child(x, &["nsubj"])))?;
    let marked_as = |c: usize| parse.case_of(c).map(|k| k.eq_ignore_ascii_case("as"));
    let description = xcomp
        .or_else(|| {
            // "described him as a champion"
            parse
                .tree
                .children_of(p)
                .iter()
                .copied()
                .find(|&c| parse.rel(c) == "obl" && marked_as(c) == Some(true))
        })
        .or_else(|| {
            // Parses that hang the description on the object ("the plan a disgrace",
            // "the mayor as a friend").
            parse
                .tree
                .children_of(named)
                .iter()
                .copied()
                .find(|&c| match parse.rel(c) {
                    "obj" | "xcomp" | "appos" => marked_as(c).is_none(),
                    "nmod" => marked_as(c) != Some(false),
                    _ => false,
                })
        })?;
    let (lo, hi) = parse.without_conjuncts(description);
    // A description is a phrase, not a page: the cap keeps long sentences linear.
    if hi - lo > MAX_DESCRIPTION_WORDS {
        return None;
    }
    // The named phrase's own words ("the agreement" in "the agreement is dangerous")
    // are not its description.
    let (named_lo, named_hi) = parse.tree.extent(named);
    let inside = |w: usize| (lo..=hi).contains(&named) && (named_lo..=named_hi).contains(&w);
    let (mut valence, mut negators) = (0.0f32, 0usize);
    for w in (lo..=hi).filter(|&w| !inside(w)) {
        let text = parse.doc.token_text(parse.word(w).token).to_lowercase();
        if is_negator(&text) {
            negators += 1;
        }
        valence += crate::vader::valence(&text)
            .or_else(|| crate::vader::valence(&parse.word(w).lemma.to_lowercase()))
            .unwrap_or(0.0);
    }
    let base = if valence >= NAMING_VALENCE {
        Polarity::Positive
    } else if valence <= -NAMING_VALENCE {
        Polarity::Negative
    } else {
        return None;
    };
    Some((negated(base, negators % 2 == 1), named, (lo, hi)))
}

struct Parse<'a> {
    doc: &'a Document,
    tree: DependencyTree,
}

impl Parse<'_> {
    fn word(&self, w: usize) -> &byline_core::Word {
        &self.doc.syntax.words[w]
    }

    fn rel(&self, w: usize) -> &str {
        self.word(w).deprel.as_str()
    }

    fn child(&self, w: usize, rels: &[&str]) -> Option<usize> {
        self.tree
            .children_of(w)
            .iter()
            .copied()
            .find(|&c| rels.contains(&self.rel(c)))
    }

    /// The negating dependents of `w` ("not", "never", "didn't", "no").
    fn negators(&self, w: usize) -> impl Iterator<Item = usize> + '_ {
        self.tree.children_of(w).iter().copied().filter(|&c| {
            matches!(self.rel(c), "advmod" | "aux" | "det" | "cc:preconj")
                && (is_negator(&self.word(c).lemma) || is_negator(self.doc.token_text(self.word(c).token)))
        })
    }

    fn negated(&self, w: usize) -> bool {
        self.negators(w).count() % 2 == 1
    }

    /// The words of `w`'s phrase: its subtree without relative clauses, appositions and
    /// edge punctuation, as a word range.
    fn phrase(&self, w: usize) -> (usize, usize) {
        self.phrase_with(w, true)
    }

    /// `w`'s phrase without its conjuncts ("the agency" of "the agency and the mayor").
    fn phrase_alone(&self, w: usize) -> (usize, usize) {
        self.phrase_with(w, false)
    }

    fn phrase_with(&self, w: usize, conjuncts: bool) -> (usize, usize) {
        let (mut lo, mut hi) = self.extent_without(w, |rel| {
            OUTSIDE_PHRASE.contains(&rel) || matches!(rel, "case" | "mark" | "cc") || !conjuncts && rel == "conj"
        });
        let edge = |x: usize| matches!(self.word(x).upos.as_str(), "ADP" | "SCONJ" | "PUNCT" | "CCONJ");
        while lo < w && edge(lo) {
            lo += 1;
        }
        while hi > w && edge(hi) {
            hi -= 1;
        }
        (lo, hi)
    }

    /// The nouns and names coordinated with `w` ("A, B and C": B and C for A), in
    /// order; parsers chain conjuncts (C under B) or fan them out (B and C under A).
    fn conjuncts(&self, w: usize) -> Vec<usize> {
        let mut out = Vec::new();
        let mut pending = vec![w];
        while let Some(at) = pending.pop() {
            for &c in self.tree.children_of(at) {
                if self.rel(c) == "conj"
                    && matches!(self.word(c).upos.as_str(), "NOUN" | "PROPN")
                    && out.len() < MAX_CONJUNCTS
                {
                    out.push(c);
                    pending.push(c);
                }
            }
        }
        out.sort_unstable();
        out
    }

    /// The word range of `w`'s subtree without what is coordinated with it or loosely
    /// attached ("a shameful mess [and described …]").
    fn without_conjuncts(&self, w: usize) -> (usize, usize) {
        self.extent_without(w, |rel| {
            matches!(rel, "conj" | "cc" | "punct" | "parataxis" | "advcl" | "acl:relcl")
        })
    }

    /// The word range of `w` and the subtrees of its dependents whose relation is not
    /// `left_out`.
    fn extent_without(&self, w: usize, left_out: impl Fn(&str) -> bool) -> (usize, usize) {
        let (mut lo, mut hi) = (w, w);
        for &c in self.tree.children_of(w) {
            if !left_out(self.rel(c)) {
                let (a, b) = self.tree.extent(c);
                (lo, hi) = (lo.min(a), hi.max(b));
            }
        }
        (lo, hi)
    }

    /// The lemma of `w`'s case marker ("of" in "critic of the plan"), if it has one.
    fn case_of(&self, w: usize) -> Option<&str> {
        self.child(w, &["case"]).map(|k| self.word(k).lemma.as_str())
    }

    fn span(&self, (lo, hi): (usize, usize)) -> Span {
        Span::new(self.word(lo).span.start, self.word(hi).span.end)
    }

    /// The entity cluster the word's token lies in, or a mention's cluster.
    fn cluster_at(&self, w: usize) -> Option<(usize, Span)> {
        let t = self.word(w).token;
        if let Some(e) = self.doc.entity_at_token(t) {
            let e = &self.doc.entities[e];
            return Some((e.cluster, e.span));
        }
        let at = self.doc.tokens[t].span;
        let i = self.doc.mentions.partition_point(|m| m.span.end <= at.start);
        self.doc
            .mentions
            .get(i)
            .filter(|m| m.span.contains(at))
            .map(|m| (m.cluster, m.span))
    }

    /// The entity a phrase names: its head's, else the first person, organisation or
    /// place inside it.
    fn entity_in(&self, head: usize, (lo, hi): (usize, usize)) -> Option<(usize, Span)> {
        self.cluster_at(head).or_else(|| {
            (lo..=hi).find_map(|w| {
                let e = self.doc.entity_at_token(self.word(w).token)?;
                let e = &self.doc.entities[e];
                (e.label != EntityLabel::Misc).then_some((e.cluster, e.span))
            })
        })
    }
}

/// Who holds the stance of the predicate `p`, as a word (`None`: not written).
fn holder_word(parse: &Parse, p: usize) -> Option<usize> {
    let upos = parse.word(p).upos.as_str();
    if let Some(agent) = parse.child(p, &["obl:agent"]) {
        return Some(agent);
    }
    if parse.child(p, &["nsubj:pass"]).is_some() {
        return None;
    }
    if let Some(s) = parse.child(p, &["nsubj"]) {
        return Some(s);
    }
    if upos == "NOUN" {
        if let Some(owner) = parse.child(p, &["nmod:poss"]) {
            return Some(owner);
        }
        return light_verb(parse, p).and_then(|verb| parse.child(verb, &["nsubj"]));
    }
    // "X criticised A and praised B", "X wants to support B", "X spoke, criticizing B":
    // the subject of the verb this one is coordinated with, completes or modifies.
    let mut at = p;
    for _ in 0..3 {
        if !matches!(parse.rel(at), "conj" | "xcomp" | "advcl") {
            return None;
        }
        at = parse.word(at).head?;
        if let Some(s) = parse.child(at, &["nsubj"]) {
            return Some(s);
        }
    }
    None
}

/// Whether word `w` is a relative word ("who", "which", "that" as a pronoun).
fn is_relative(parse: &Parse, w: usize) -> bool {
    parse.word(w).upos.as_str() == "PRON" && RELATIVE.contains(&parse.word(w).lemma.to_lowercase().as_str())
}

/// What word `w`, an argument of predicate `p`, stands for: itself, or for a relative
/// word the noun its clause modifies (`None` when there is none).
fn standing_for(parse: &Parse, w: usize, p: usize) -> Option<usize> {
    if is_relative(parse, w) {
        relative_antecedent(parse, p)
    } else {
        Some(w)
    }
}

/// The light verb whose object the stance noun `p` is ("expressed her support").
fn light_verb(parse: &Parse, p: usize) -> Option<usize> {
    let head = parse.word(p).head?;
    (parse.rel(p) == "obj" && LIGHT_VERBS.contains(&parse.word(head).lemma.as_str())).then_some(head)
}

/// The noun modified by the relative clause that predicate `p` heads or lies in.
fn relative_antecedent(parse: &Parse, p: usize) -> Option<usize> {
    let mut at = p;
    for _ in 0..4 {
        if parse.rel(at) == "acl:relcl" {
            return parse.word(at).head;
        }
        at = parse.word(at).head?;
    }
    None
}

/// The target word of predicate `p`.
fn target_word(parse: &Parse, p: usize) -> Option<usize> {
    if let Some(subject) = parse.child(p, &["nsubj:pass"]) {
        return parse.child(p, &["obl:agent"]).map(|_| subject);
    }
    if let Some(object) = parse.child(p, &["obj", "iobj"]) {
        return Some(object);
    }
    parse.tree.children_of(p).iter().copied().find(|&c| {
        matches!(parse.rel(c), "obl" | "nmod")
            && parse
                .case_of(c)
                .is_some_and(|k| TARGET_CASES.contains(&k.to_lowercase().as_str()))
    })
}

/// Whether the parse (if any) sees a noun, proper noun or pronoun in `span`: a target read
/// by word order that holds none is a fragment ("just", "not", "still look competitive").
pub(crate) fn names_a_thing(doc: &Document, span: Span) -> bool {
    let words = &doc.syntax.words;
    if words.is_empty() {
        return true;
    }
    let first = words.partition_point(|w| w.span.end <= span.start);
    words[first..]
        .iter()
        .take_while(|w| w.span.start < span.end)
        .any(|w| matches!(w.upos.as_str(), "NOUN" | "PROPN" | "PRON"))
}

/// The target that word `target` names: its cluster, span and kind (`None` for a
/// reflexive, a time, or a pronoun nobody is linked to). `description` is a naming
/// verb's, left out of the phrase; `split`: the phrase stops before its conjuncts.
fn target_of(
    parse: &Parse,
    target: usize,
    description: Option<(usize, usize)>,
    split: bool,
) -> Option<(Option<usize>, Span, TargetKind)> {
    let word = parse.word(target);
    // "defend herself": nobody takes a stance towards themselves; "months" is no target.
    if is_reflexive(parse.doc.token_text(word.token)) || is_time_noun(&word.lemma) {
        return None;
    }
    let mut phrase = if split {
        parse.phrase_alone(target)
    } else {
        parse.phrase(target)
    };
    // "the plan a disgrace": the description hung on the object is not the target.
    if let Some((lo, _)) = description.filter(|&(lo, _)| phrase.0 < lo && lo <= phrase.1) {
        phrase.1 = lo - 1;
        while phrase.1 > target && parse.word(phrase.1).upos.as_str() == "PUNCT" {
            phrase.1 -= 1;
        }
    }
    Some(match parse.entity_in(target, phrase) {
        Some((c, span)) => (Some(c), span, TargetKind::Entity),
        // A pronoun nobody is linked to names no target.
        None if word.upos.as_str() == "PRON" => return None,
        // A name no cluster holds, or people and groups named by a noun ("the workers",
        // "the committee"), are still somebody; any other phrase is an issue, kept whole
        // ("the plan to expand overtime pay").
        None if word.upos.as_str() == "PROPN" || names_somebody(&word.lemma.to_lowercase()) => {
            (None, parse.span(phrase), TargetKind::Entity)
        }
        None => (None, parse.span(phrase), TargetKind::Topic),
    })
}

/// Nouns of time, never a stance's target ("her endorsement months before").
fn is_time_noun(lemma: &str) -> bool {
    const TIME: [&str; 14] = [
        "second", "minute", "hour", "day", "night", "morning", "evening", "weekend", "week", "month", "year", "decade",
        "century", "time",
    ];
    TIME.contains(&lemma.to_lowercase().as_str())
}

/// The stances of `doc`'s stance predicates, read from its parse (empty without one).
///
/// Each stance comes with how it was found: [`Basis::Stated`] for an explicit verb, a
/// naming verb or an agent noun whose holder the sentence writes where the word-order
/// reading finds it stated too (`predicates::stated_at`), [`Basis::Predicate`] otherwise.
pub(crate) fn find_stances(doc: &Document) -> Vec<(Stance, Basis)> {
    let words = &doc.syntax.words;
    if words.is_empty() {
        return Vec::new();
    }
    let parse = Parse {
        doc,
        tree: DependencyTree::new(&doc.syntax),
    };
    let mut out = Vec::new();
    for (p, word) in words.iter().enumerate() {
        if !matches!(word.upos.as_str(), "VERB" | "NOUN" | "ADJ") || word.token >= doc.tokens.len() {
            continue;
        }
        // "called the plan a disgrace": the description's valence, towards the object.
        let named = (word.upos.as_str() == "VERB").then(|| naming(&parse, p)).flatten();
        // "a critic of": the noun is the holder's description, not the stance's.
        let agent = (word.upos.as_str() == "NOUN")
            .then(|| agent_noun(&word.lemma))
            .flatten()
            .map(|base| (base, agent_arguments(&parse, p)));
        let (base, arguments) = match (named, agent) {
            (Some((base, _, _)), _) => (base, None),
            (None, Some((_, None))) => continue,
            (None, Some((base, Some(arguments)))) => (base, Some(arguments)),
            (None, None) => match polarity_of(doc.token_text(word.token)).or_else(|| polarity_of(&word.lemma)) {
                Some(base) => (base, None),
                None => continue,
            },
        };
        let light = light_verb(&parse, p);
        let polarity = negated(base, parse.negated(p) || light.is_some_and(|h| parse.negated(h)));
        let named_target = named.map(|(_, t, _)| t);
        let Some(target) = arguments
            .map(|(_, t)| t)
            .or(named_target)
            .or_else(|| target_word(&parse, p))
        else {
            continue;
        };
        let Some(target) = standing_for(&parse, target, p) else {
            continue;
        };
        let predicate_span = doc.tokens[word.token].span;
        let quote = quote_containing(doc, predicate_span);
        let speaker = quote.and_then(|q| doc.quotes[q].speaker.as_ref());
        let written_holder = arguments.map(|(h, _)| h).or_else(|| holder_word(&parse, p));
        let explicit = named.is_some()
            || arguments.is_some()
            || (word.upos.as_str() == "VERB" && is_explicit_verb(doc.token_text(word.token)));
        // Stated only where word order states it too ("Okafor criticised the board"):
        // a parse that finds a holder further away is right less often.
        let basis = if explicit && written_holder.is_some() && crate::predicates::stated_at(doc, word.token) {
            Basis::Stated
        } else {
            Basis::Predicate
        };
        let holder = match written_holder {
            Some(h) => {
                // "who has defended the law": the noun the relative clause modifies.
                let Some(h) = standing_for(&parse, h, p) else {
                    continue;
                };
                let first_person = matches!(doc.token_text(parse.word(h).token).to_lowercase().as_str(), "i" | "we");
                match (parse.cluster_at(h), speaker) {
                    (_, Some(s)) if first_person => Some((s.cluster, s.name.clone())),
                    (Some((c, _)), _) => Some((Some(c), doc.clusters[c].name.clone())),
                    // A phrase naming nobody we know ("Republicans", "the committee")
                    // holds it as written; a bare pronoun or relative word does not.
                    (None, _) if parse.word(h).upos.as_str() == "PRON" => None,
                    // Only people and groups hold stances: "the review", "a gift" or "the
                    // bill" do not.
                    (None, _)
                        if parse.word(h).upos.as_str() == "PROPN"
                            || names_somebody(&parse.word(h).lemma.to_lowercase()) =>
                    {
                        Some((None, doc.span_text(parse.span(parse.phrase(h))).to_owned()))
                    }
                    (None, _) => None,
                }
            }
            None => speaker.map(|s| (s.cluster, s.name.clone())),
        };
        let Some((holder_cluster, holder_name)) = holder.filter(|(_, name)| !name.is_empty()) else {
            continue;
        };
        let agent = parse.child(p, &["obl:agent"]).map(|a| parse.span(parse.phrase(a)));
        let description = named.map(|(_, _, words)| words);
        // "accused the agency, the governor and the mayor of": each conjunct is a target.
        let mut conjuncts = parse.conjuncts(target);
        // Parsers also hang the later conjuncts on the verb ("praised A, B and C").
        if parse.word(target).head == Some(p) {
            let on_verb = parse.tree.children_of(p).iter().copied().filter(|&c| {
                c > target && parse.rel(c) == "conj" && matches!(parse.word(c).upos.as_str(), "NOUN" | "PROPN")
            });
            conjuncts.extend(on_verb.take(MAX_CONJUNCTS));
        }
        for &target in std::iter::once(&target).chain(&conjuncts) {
            let Some((target_cluster, target_span, target_kind)) =
                target_of(&parse, target, description, !conjuncts.is_empty())
            else {
                continue;
            };
            if holder_cluster.is_some() && holder_cluster == target_cluster {
                continue;
            }
            // Evidence: the predicate, its negation and its target (a passive's agent
            // and a naming verb's description too).
            let mut evidence = Span::new(
                predicate_span.start.min(target_span.start),
                predicate_span.end.max(target_span.end),
            );
            for extra in parse
                .negators(p)
                .map(|n| parse.word(n).span)
                .chain(agent)
                .chain(description.map(|words| parse.span(words)))
            {
                evidence = Span::new(evidence.start.min(extra.start), evidence.end.max(extra.end));
            }
            out.push((
                Stance {
                    holder: StanceHolder {
                        cluster: holder_cluster,
                        name: holder_name.clone(),
                    },
                    target: StanceTarget {
                        span: target_span,
                        cluster: target_cluster,
                        kind: target_kind,
                    },
                    polarity,
                    score: if target_cluster.is_some() { 0.6 } else { 0.5 },
                    evidence,
                    quote,
                    channel: quote.map_or(StanceChannel::Narration, |q| {
                        StanceChannel::of_quote(doc.quotes[q].kind)
                    }),
                },
                basis,
            ));
        }
    }
    out
}
