//! Linking pronouns and descriptions to the clusters they refer to, writing
//! `Document::mentions` (names, pronouns, descriptions).
//!
//! A salience model in the spirit of Lappin & Leass: every mention of a cluster adds
//! weight to it (more when it is a subject or a speaker), and weight halves with every
//! sentence. A pronoun goes to the most salient cluster that agrees with it in kind
//! (he/she: a person; it: an organisation; they: an organisation, or a group of people
//! named together), in number and in gender, when one is salient enough; resolved
//! pronouns add to their cluster's weight, so a person talked about stays salient.
//! Gender is known from honorifics ("Mr", "Ms"), gendered role nouns ("spokeswoman"),
//! first names ([`crate::names`]) and the pronouns already linked; it is used only for
//! agreement and never shown. Subjects come from the parse when the document has one,
//! else from the words (the first name of a sentence, not after a preposition).
//!
//! Not for: first-person pronouns ("I", "we": the quotes extractor gives them the
//! speaker of the quote they stand in) or events and places ("it" = "the plan").

use crate::lexicon::{FEMININE_TITLES, MASCULINE_TITLES};
use crate::names::{Gender, first_name_gender};
use byline_core::{Document, EntityLabel, Mention, MentionKind, Span, TokenKind};

/// The pronoun families this module resolves.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Family {
    He,
    She,
    They,
    It,
}

/// The family of a lower-cased word and whether it is reflexive.
fn pronoun(word: &str) -> Option<(Family, bool)> {
    Some(match word {
        "he" | "him" | "his" => (Family::He, false),
        "himself" => (Family::He, true),
        "she" | "her" | "hers" => (Family::She, false),
        "herself" => (Family::She, true),
        "they" | "them" | "their" | "theirs" => (Family::They, false),
        "themselves" => (Family::They, true),
        "it" | "its" => (Family::It, false),
        "itself" => (Family::It, true),
        _ => return None,
    })
}

/// Prepositions after which a name is not a subject.
const PREPOSITIONS: &[&str] = &[
    "in", "on", "at", "of", "for", "with", "by", "to", "from", "about", "against", "after", "before", "under", "over",
    "into", "than", "like", "between", "among", "without", "through", "during", "near",
];

/// Verbs of saying around a name that make it a speaker.
const SPEECH: &[&str] = &[
    "said",
    "says",
    "told",
    "added",
    "stated",
    "wrote",
    "explained",
    "argued",
    "asked",
];

/// Verbs through which an organisation speaks or intends, before "it"/"they".
const REPORTING: &[&str] = &[
    "elaborated",
    "continued",
    "wrote",
    "asked",
    "replied",
    "responded",
    "added",
    "stressed",
    "emphasized",
    "said",
    "says",
    "say",
    "told",
    "added",
    "announced",
    "stated",
    "expects",
    "expected",
    "hopes",
    "plans",
    "planned",
    "believes",
    "thinks",
    "warned",
    "claimed",
    "insisted",
    "argued",
    "noted",
    "explained",
    "confirmed",
    "denied",
    "promised",
    "vowed",
    "decided",
    "agreed",
    "admitted",
    "acknowledged",
    "reported",
];

/// Descriptions that stand for the most salient organisation.
const ORG_NOUNS: &[&str] = &[
    "company",
    "firm",
    "group",
    "organization",
    "organisation",
    "agency",
    "party",
    "government",
    "team",
    "club",
    "band",
    "university",
    "airline",
    "bank",
    "network",
    "newspaper",
    "ministry",
    "department",
    "committee",
];

/// Words before a noun that make it a description of someone.
const DETERMINERS: &[&str] = &[
    "the", "a", "an", "my", "his", "her", "our", "their", "your", "this", "that", "another", "one",
];

/// Nouns for people, with the gender they carry.
fn person_noun(word: &str) -> Option<Gender> {
    use Gender::{Feminine as F, Masculine as M, Unknown as U};
    Some(match word {
        "man" | "boy" | "father" | "dad" | "husband" | "son" | "brother" | "guy" | "grandfather" | "uncle"
        | "nephew" | "boyfriend" | "king" | "prince" | "gentleman" | "grandpa" => M,
        "woman" | "girl" | "mother" | "mom" | "mum" | "wife" | "daughter" | "sister" | "lady" | "grandmother"
        | "aunt" | "niece" | "girlfriend" | "queen" | "princess" | "grandma" => F,
        "doctor" | "teacher" | "friend" | "officer" | "driver" | "child" | "kid" | "baby" | "patient" | "student"
        | "victim" | "suspect" | "player" | "boss" | "nurse" | "neighbor" | "neighbour" | "author" | "writer"
        | "artist" | "judge" | "lawyer" | "parent" | "partner" | "owner" | "worker" | "soldier" | "pilot"
        | "cousin" | "person" | "customer" | "guide" | "host" | "narrator" => U,
        _ => return None,
    })
}

/// How much weight a mention adds (an unnamed person's is scaled by `UNNAMED_WEIGHT`),
/// and how much is left after each sentence. Chosen on GUM train (`byline eval gum`);
/// the parse's subjects (`--syntax`) did no better there than the words' cue.
const NAME_WEIGHT: f32 = 1.0;
const SUBJECT_BONUS: f32 = 1.0;
const SPEAKER_BONUS: f32 = 0.5;
const PRONOUN_WEIGHT: f32 = 1.2;
const UNNAMED_WEIGHT: f32 = 0.5;
const SAME_SENTENCE_BONUS: f32 = 2.0;
const SUBJECT_POSSESSIVE_BONUS: f32 = 3.0;
const DECAY: f32 = 0.8;
/// Least weight a cluster needs to take a pronoun, by family.
fn threshold(family: Family) -> f32 {
    match family {
        Family::He | Family::She => 0.05,
        Family::They | Family::It => 1.0,
    }
}

/// What the resolver knows of a cluster while it reads the text.
#[derive(Clone, Copy)]
struct State {
    weight: f32,
    /// Whether it was a subject in the sentence last mentioned.
    subject_here: bool,
    /// Where the weight was last updated: sentence and token.
    sentence: usize,
    token: usize,
    gender: Gender,
    label: EntityLabel,
    /// A person the text describes but does not name ("the doctor", "my mom"): it
    /// competes for pronouns, and a pronoun it wins stays unlinked.
    unnamed: bool,
    seen: bool,
}

impl Default for State {
    fn default() -> Self {
        State {
            weight: 0.0,
            subject_here: false,
            sentence: 0,
            token: 0,
            gender: Gender::Unknown,
            label: EntityLabel::Misc,
            unnamed: false,
            seen: false,
        }
    }
}

impl State {
    fn weight_at(&self, sentence: usize) -> f32 {
        if !self.seen {
            return 0.0;
        }
        self.weight * DECAY.powi((sentence - self.sentence).min(60) as i32)
    }
    fn add(&mut self, sentence: usize, token: usize, weight: f32) {
        if !self.seen || sentence != self.sentence {
            self.subject_here = false;
        }
        self.subject_here |= weight >= NAME_WEIGHT + SUBJECT_BONUS;
        self.weight = self.weight_at(sentence) + weight;
        self.sentence = sentence;
        self.token = token;
        self.seen = true;
    }
}

/// How many of the most recently mentioned clusters a pronoun or description is
/// compared with (older ones have decayed below every threshold in practice); it keeps
/// the time per pronoun constant however many names an article holds.
const RECENT: usize = 48;

/// The clusters' states, and the most recently mentioned ones (oldest first).
struct Salience {
    states: Vec<State>,
    recent: Vec<usize>,
}

impl Salience {
    /// Adds a mention's `weight` to cluster `c` at sentence `s`, token `t`.
    fn add(&mut self, c: usize, s: usize, t: usize, weight: f32) {
        self.states[c].add(s, t, weight);
        if let Some(i) = self.recent.iter().position(|&r| r == c) {
            self.recent.remove(i);
        } else if self.recent.len() == RECENT {
            self.recent.remove(0);
        }
        self.recent.push(c);
    }

    /// The recent clusters with their states.
    fn candidates(&self) -> impl Iterator<Item = (usize, &State)> {
        self.recent.iter().map(|&c| (c, &self.states[c]))
    }
}

/// The lower-case form of a short ASCII word, written into `buf` (None otherwise: no
/// pronoun or listed noun is longer).
fn lower_small<'b>(word: &str, buf: &'b mut [u8; 12]) -> Option<&'b str> {
    let bytes = word.as_bytes();
    if bytes.len() > buf.len() || !word.is_ascii() {
        return None;
    }
    for (b, c) in buf.iter_mut().zip(bytes) {
        *b = c.to_ascii_lowercase();
    }
    std::str::from_utf8(&buf[..bytes.len()]).ok()
}

/// Writes `doc.mentions`: every entity as a name mention, and the pronouns and
/// descriptions that resolve to a cluster.
pub(crate) fn link_mentions(doc: &mut Document) {
    let mut sal = Salience {
        states: vec![State::default(); doc.clusters.len()],
        recent: Vec::with_capacity(RECENT),
    };
    for (c, cluster) in doc.clusters.iter().enumerate() {
        sal.states[c].gender = cluster_gender(doc, cluster);
        sal.states[c].label = cluster.label;
    }
    // Unnamed people, by the noun that describes them.
    let mut unnamed: Vec<(String, usize)> = Vec::new();
    // The person last named as speaking ("…,” Medvedev wrote), and in which sentence.
    let mut last_speaker: Option<(usize, usize)> = None;
    let mut mentions: Vec<Mention> = Vec::with_capacity(doc.entities.len() * 2);
    let mut next_entity = 0;
    let has_syntax = !doc.syntax.words.is_empty();
    for (s, sentence) in doc.sentences.iter().enumerate() {
        let range = sentence.tokens.clone();
        let mut first_name_seen = false;
        let mut t = range.start;
        while t < range.end {
            let token = doc.tokens[t];
            // A name: one of the entities.
            if next_entity < doc.entities.len() && doc.entities[next_entity].span.start <= token.span.start {
                let e = &doc.entities[next_entity];
                next_entity += 1;
                let last = doc.tokens.partition_point(|k| k.span.start < e.span.end).max(t + 1);
                mentions.push(Mention {
                    span: e.span,
                    cluster: e.cluster,
                    kind: MentionKind::Name,
                });
                if matches!(e.label, EntityLabel::Per | EntityLabel::Org) {
                    let subject = if has_syntax {
                        is_subject_by_parse(doc, e.span)
                    } else {
                        !first_name_seen && !after_preposition(doc, t, range.start)
                    };
                    let speaker = near_speech(doc, t, last, &range);
                    if speaker && e.label == EntityLabel::Per {
                        last_speaker = Some((e.cluster, s));
                    }
                    let weight = NAME_WEIGHT
                        + if subject { SUBJECT_BONUS } else { 0.0 }
                        + if speaker { SPEAKER_BONUS } else { 0.0 };
                    sal.add(e.cluster, s, t, weight);
                    first_name_seen = true;
                }
                t = last;
                continue;
            }
            if token.kind == TokenKind::Word {
                let mut buf = [0u8; 12];
                let Some(lower) = lower_small(doc.token_text(t), &mut buf) else {
                    t += 1;
                    continue;
                };
                if let Some((family, reflexive)) = pronoun(lower) {
                    // "He added": a sentence opening with a pronoun that speaks continues
                    // the last speaker's words.
                    let speaks = t == range.start && t + 1 < range.end && REPORTING.contains(&doc.token_text(t + 1));
                    let continued = last_speaker
                        .filter(|&(c, at)| speaks && s - at <= 2 && agrees(family, sal.states[c].gender))
                        .map(|(c, _)| c);
                    if let Some(c) = continued.or_else(|| resolve(doc, &sal, s, family, reflexive, t)) {
                        let state = &mut sal.states[c];
                        match family {
                            Family::He if state.gender == Gender::Unknown => state.gender = Gender::Masculine,
                            Family::She if state.gender == Gender::Unknown => state.gender = Gender::Feminine,
                            _ => {}
                        }
                        let unnamed = state.unnamed;
                        let subject = t == range.start;
                        sal.add(c, s, t, PRONOUN_WEIGHT + if subject { SUBJECT_BONUS } else { 0.0 });
                        if !unnamed {
                            mentions.push(Mention {
                                span: token.span,
                                cluster: c,
                                kind: MentionKind::Pronoun,
                            });
                        }
                    }
                } else if lower == "the" && t + 1 < range.end {
                    if let Some((c, end)) = description(doc, &sal, s, t, range.end) {
                        mentions.push(Mention {
                            span: Span::new(token.span.start, doc.tokens[end - 1].span.end),
                            cluster: c,
                            kind: MentionKind::Nominal,
                        });
                        sal.add(c, s, t, PRONOUN_WEIGHT);
                        t = end;
                        continue;
                    }
                }
                if let Some(gender) = person_noun(lower) {
                    let determined = t > range.start
                        && DETERMINERS
                            .iter()
                            .any(|d| doc.token_text(t - 1).eq_ignore_ascii_case(d));
                    if determined {
                        let index = match unnamed.iter().find(|(w, _)| w == lower) {
                            Some(&(_, i)) => i,
                            None => {
                                sal.states.push(State {
                                    gender,
                                    label: EntityLabel::Per,
                                    unnamed: true,
                                    ..State::default()
                                });
                                unnamed.push((lower.to_owned(), sal.states.len() - 1));
                                sal.states.len() - 1
                            }
                        };
                        let subject = !first_name_seen && !after_preposition(doc, t - 1, range.start);
                        sal.add(
                            index,
                            s,
                            t,
                            UNNAMED_WEIGHT * (NAME_WEIGHT + if subject { SUBJECT_BONUS } else { 0.0 }),
                        );
                        first_name_seen = true;
                    }
                }
            }
            t += 1;
        }
    }
    // Entities outside every sentence (none today) still become name mentions.
    for e in &doc.entities[next_entity..] {
        mentions.push(Mention {
            span: e.span,
            cluster: e.cluster,
            kind: MentionKind::Name,
        });
    }
    mentions.sort_by_key(|m| (m.span.start, m.span.end));
    doc.mentions = mentions;
}

/// The cluster a pronoun at token `t` of sentence `s` refers to, if one is salient enough.
fn resolve(doc: &Document, sal: &Salience, s: usize, family: Family, reflexive: bool, t: usize) -> Option<usize> {
    let form = doc.token_text(t).to_ascii_lowercase();
    let possessive = matches!(form.as_str(), "his" | "their" | "its") || (form == "her" && !object_her(doc, t));
    let wanted = |label: EntityLabel| match family {
        Family::He | Family::She => label == EntityLabel::Per,
        Family::It | Family::They => label == EntityLabel::Org,
    };

    let mut best: Option<(f32, usize)> = None;
    for (c, state) in sal.candidates() {
        if !state.seen || !wanted(state.label) || !agrees(family, state.gender) {
            continue;
        }
        // A reflexive refers inside its own sentence.
        if reflexive && state.sentence != s {
            continue;
        }
        // "it" and "they" name an organisation only as what it reports or intends, in
        // the sentence that names it ("Acme said it would …"): elsewhere they are
        // mostly things, groups of people or nothing at all.
        let reports = || (state.token + 1..t).any(|k| REPORTING.contains(&doc.token_text(k)));
        if matches!(family, Family::It | Family::They) && !reflexive && (state.sentence != s || !reports()) {
            continue;
        }
        // Who is named in the pronoun's own sentence comes first; a possessive goes to
        // that sentence's subject ("Medvedev … expressed his approval").
        let mut w = state.weight_at(s);
        if state.sentence == s {
            w += SAME_SENTENCE_BONUS;
            if state.subject_here && possessive {
                w += SUBJECT_POSSESSIVE_BONUS;
            }
        }
        if w >= threshold(family) && best.is_none_or(|(b, k)| w > b || (w == b && state.token > sal.states[k].token)) {
            best = Some((w, c));
        }
    }
    best.map(|(_, c)| c)
}

/// Whether "her" at token `t` is an object ("met her later") rather than a possessive
/// ("her support"): what follows is punctuation, a determiner, a preposition or an adverb.
fn object_her(doc: &Document, t: usize) -> bool {
    let Some(next) = doc.tokens.get(t + 1) else { return true };
    if next.kind != TokenKind::Word {
        return true;
    }
    let w = doc.token_text(t + 1).to_ascii_lowercase();
    w.ends_with("ly")
        || matches!(
            w.as_str(),
            "the"
                | "a"
                | "an"
                | "to"
                | "and"
                | "in"
                | "on"
                | "at"
                | "for"
                | "with"
                | "that"
                | "later"
                | "again"
                | "from"
                | "about"
                | "back"
                | "up"
                | "out"
                | "off"
                | "as"
                | "by"
                | "into"
                | "this"
                | "what"
                | "how"
                | "if"
                | "or"
                | "but"
                | "so"
                | "when"
                | "over"
                | "down"
                | "away"
                | "too"
                | "once"
        )
}

/// Whether a pronoun of `family` can refer to someone of gender `g`.
fn agrees(family: Family, g: Gender) -> bool {
    match family {
        Family::He => g != Gender::Feminine,
        Family::She => g != Gender::Masculine,
        _ => true,
    }
}

/// A description opening at token `from` ("spokesman", "company"): the cluster it
/// stands for and the token after it.
fn description(doc: &Document, sal: &Salience, s: usize, the: usize, end: usize) -> Option<(usize, usize)> {
    let from = the + 1;
    let head = doc.token_text(from);
    if doc.tokens[from].kind != TokenKind::Word || !head.starts_with(|c: char| c.is_ascii_lowercase()) {
        return None;
    }
    // The description is what is meant: "the spokesman", not "the spokesman's office".
    if from + 1 < end && matches!(doc.token_text(from + 1), "'s" | "’s" | "'" | "’") {
        return None;
    }
    let org = ORG_NOUNS.contains(&head);
    let mut best: Option<(f32, usize)> = None;
    for (c, state) in sal.candidates().filter(|(c, _)| *c < doc.clusters.len()) {
        let cluster = &doc.clusters[c];
        let fits = if org {
            cluster.label == EntityLabel::Org
        } else {
            cluster.label == EntityLabel::Per
                && cluster
                    .roles
                    .iter()
                    .any(|r| r.rsplit(' ').next().is_some_and(|w| w.eq_ignore_ascii_case(head)))
        };
        let w = state.weight_at(s);
        if fits && w >= 0.2 && best.is_none_or(|(b, _)| w > b) {
            best = Some((w, c));
        }
    }
    best.map(|(_, c)| (c, from + 1))
}

/// The gender a cluster's own words tell: an honorific before one of its names or a
/// gendered role, else its first name.
fn cluster_gender(doc: &Document, cluster: &byline_core::Cluster) -> Gender {
    for &e in &cluster.mentions {
        let span = doc.entities[e].span;
        let t = doc.tokens.partition_point(|k| k.span.end <= span.start);
        let mut k = t;
        // Up to two words back, skipping an abbreviation's period ("Mr. Smith").
        while k > 0 && t - k < 3 {
            k -= 1;
            let w = doc.token_text(k).trim_end_matches('.');
            if MASCULINE_TITLES.contains(&w) {
                return Gender::Masculine;
            }
            if FEMININE_TITLES.contains(&w) {
                return Gender::Feminine;
            }
        }
    }
    for role in &cluster.roles {
        let last = role.rsplit(' ').next().unwrap_or(role).to_ascii_lowercase();
        if last.ends_with("woman") || matches!(last.as_str(), "actress" | "wife" | "mother" | "daughter" | "sister") {
            return Gender::Feminine;
        }
        if last.ends_with("man") || matches!(last.as_str(), "actor" | "husband" | "father" | "son" | "brother") {
            return Gender::Masculine;
        }
    }
    if cluster.label == EntityLabel::Per {
        let first = cluster.name.split(' ').next().unwrap_or("");
        if cluster.name.contains(' ') {
            return first_name_gender(first);
        }
    }
    Gender::Unknown
}

/// A preposition right before token `t` (within its sentence from `start`).
fn after_preposition(doc: &Document, t: usize, start: usize) -> bool {
    t > start
        && PREPOSITIONS
            .iter()
            .any(|p| doc.token_text(t - 1).eq_ignore_ascii_case(p))
}

/// A verb of saying within two words after the name ending before `last`, or right
/// before the name at `t`.
fn near_speech(doc: &Document, t: usize, last: usize, range: &std::ops::Range<usize>) -> bool {
    let after = (last..(last + 2).min(range.end)).any(|k| SPEECH.contains(&doc.token_text(k)));
    let before = t > range.start && SPEECH.contains(&doc.token_text(t - 1));
    after || before
}

/// Whether the parse makes the name at `span` a subject (of any clause).
fn is_subject_by_parse(doc: &Document, span: Span) -> bool {
    let syntax = &doc.syntax;
    let first = syntax.words.partition_point(|w| w.span.end <= span.start);
    syntax.words[first..]
        .iter()
        .take_while(|w| w.span.start < span.end)
        .any(|w| w.deprel.universal() == "nsubj")
}
