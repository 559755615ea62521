//! What kind of source a speaker is — a person, an organisation, a document, unnamed
//! people, a pronoun nobody is named for — from the cluster it resolves to and the head
//! noun of the phrase as written ("a Pentagon report" is a document even with the
//! Pentagon's cluster inside; "officials" are anonymous).

use crate::features::lower_into;
use byline_core::{Document, EntityLabel, Speaker, SpeakerKind};
use byline_learn::hash::FastMap;
use std::sync::LazyLock;

/// Reports, studies, statements and other documents that say things.
const DOCUMENT_NOUNS: &[&str] = &[
    "report",
    "study",
    "statement",
    "poll",
    "survey",
    "letter",
    "memo",
    "memorandum",
    "filing",
    "document",
    "complaint",
    "lawsuit",
    "suit",
    "indictment",
    "analysis",
    "data",
    "record",
    "email",
    "e-mail",
    "tweet",
    "post",
    "article",
    "book",
    "release",
    "transcript",
    "paper",
    "research",
    "figure",
    "estimate",
    "ruling",
    "order",
    "ad",
    "advertisement",
    "video",
    "website",
    "message",
    "note",
    "review",
    "audit",
    "census",
    "forecast",
    "projection",
    "assessment",
    "editorial",
    "column",
    "story",
    "bill",
    "proposal",
    "platform",
    "guidance",
    "guideline",
    "policy",
    "regulation",
    "agreement",
    "resolution",
    "affidavit",
    "cable",
    "dossier",
    "footage",
    "recording",
    "blog",
    "newsletter",
    "bulletin",
    "summary",
    "finding",
    "result",
    "evidence",
    "index",
    "chart",
    "tally",
    "count",
    "warrant",
    "motion",
    "brief",
    "opinion",
    "verdict",
    "manifesto",
    "communique",
    "communiqué",
    "notice",
];

/// Bodies that speak as one.
const ORGANIZATION_NOUNS: &[&str] = &[
    "company",
    "firm",
    "campaign",
    "committee",
    "government",
    "administration",
    "department",
    "agency",
    "ministry",
    "office",
    "court",
    "party",
    "group",
    "organization",
    "organisation",
    "council",
    "board",
    "commission",
    "union",
    "team",
    "police",
    "military",
    "army",
    "embassy",
    "bank",
    "newspaper",
    "network",
    "station",
    "university",
    "school",
    "hospital",
    "state",
    "city",
    "county",
    "country",
    "senate",
    "congress",
    "parliament",
    "cabinet",
    "coalition",
    "alliance",
    "league",
    "federation",
    "association",
    "foundation",
    "institute",
    "center",
    "centre",
    "club",
    "laboratory",
    "corporation",
    "airline",
    "regime",
    "kremlin",
    "pentagon",
    "navy",
];

/// People who are not named: sources, officials, roles and groups.
const PERSON_NOUNS: &[&str] = &[
    "source",
    "official",
    "aide",
    "spokesman",
    "spokeswoman",
    "spokesperson",
    "representative",
    "people",
    "person",
    "someone",
    "somebody",
    "insider",
    "analyst",
    "expert",
    "critic",
    "observer",
    "resident",
    "witness",
    "voter",
    "supporter",
    "member",
    "staffer",
    "adviser",
    "advisor",
    "lawmaker",
    "legislator",
    "diplomat",
    "investigator",
    "officer",
    "prosecutor",
    "lawyer",
    "attorney",
    "authority",
    "authorities",
    "leader",
    "executive",
    "economist",
    "scientist",
    "researcher",
    "doctor",
    "strategist",
    "operative",
    "consultant",
    "donor",
    "activist",
    "protester",
    "student",
    "teacher",
    "worker",
    "employee",
    "neighbor",
    "neighbour",
    "friend",
    "relative",
    "colleague",
    "man",
    "woman",
    "men",
    "women",
    "individual",
    "participant",
    "respondent",
    "candidate",
    "senator",
    "congressman",
    "congresswoman",
    "governor",
    "mayor",
    "president",
    "minister",
    "secretary",
    "director",
    "chairman",
    "chairwoman",
    "chair",
    "ceo",
    "manager",
    "coach",
    "player",
    "fan",
    "agent",
    "pollster",
    "historian",
    "professor",
    "author",
    "writer",
    "reporter",
    "journalist",
    "correspondent",
    "editor",
    "commentator",
    "pundit",
    "host",
    "judge",
    "one",
    "many",
    "some",
    "others",
    "several",
    "most",
    "few",
    "both",
    "everyone",
    "nobody",
    "anyone",
    "aides",
    "campaigner",
    "organizer",
    "organiser",
    "negotiator",
    "envoy",
    "ambassador",
    "general",
    "commander",
    "soldier",
    "victim",
    "father",
    "mother",
    "son",
    "daughter",
    "wife",
    "husband",
    "parent",
    "child",
    "children",
    "family",
    "couple",
    "boy",
    "girl",
    "sister",
    "brother",
    "crowd",
    "audience",
    "public",
    "citizen",
    "taxpayer",
    "customer",
    "passenger",
    "patient",
    "viewer",
];

/// Pronouns and relative words that can stand as sources.
const PRONOUNS: &[&str] = &[
    "he", "she", "they", "it", "i", "we", "you", "who", "which", "that", "him", "her", "them", "us", "me", "his",
    "their", "its", "our", "my", "this", "these", "those", "whom",
];

/// Words after which a noun phrase's head has been passed ("a report *by* the Pentagon").
const HEAD_ENDS: &[&str] = &[
    "of", "for", "from", "by", "at", "in", "with", "on", "who", "that", "which", "to", "whose", "and", "or",
];

/// Which list a noun is in.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Noun {
    Document,
    Person,
    Organization,
}

/// Every listed noun with its list (a noun in two lists keeps the first of documents,
/// people, organisations).
static NOUNS: LazyLock<FastMap<&'static str, Noun>> = LazyLock::new(|| {
    let mut map = FastMap::default();
    for (list, noun) in [
        (DOCUMENT_NOUNS, Noun::Document),
        (PERSON_NOUNS, Noun::Person),
        (ORGANIZATION_NOUNS, Noun::Organization),
    ] {
        for word in list {
            map.entry(*word).or_insert(noun);
        }
    }
    map
});

/// The list of a lower-cased word, or of its singular ("studies", "officials").
fn noun_class(lower: &str) -> Option<Noun> {
    if let Some(&noun) = NOUNS.get(lower) {
        return Some(noun);
    }
    if let Some(stem) = lower.strip_suffix("ies") {
        return NOUNS.get(format!("{stem}y").as_str()).copied();
    }
    let stem = lower.strip_suffix('s').filter(|s| !s.ends_with('s'))?;
    NOUNS.get(stem).copied()
}

/// The list of a noun phrase's head: of its words before a preposition, relative word or
/// comma ("a source *close to* the talks", "a report *by* …"), the last one a list knows
/// (possessive endings dropped); `None` when no word before there is listed.
fn head_class(phrase: &str) -> Option<Noun> {
    let mut lower = String::new();
    let mut class = None;
    let mut seen_word = false;
    for word in phrase.split(|c: char| c.is_whitespace() || c == ',' || c == ';' || c == '(') {
        let word = word.trim_matches(|c: char| !c.is_alphanumeric() && c != '-');
        if word.is_empty() {
            continue;
        }
        if seen_word && HEAD_ENDS.iter().any(|e| word.eq_ignore_ascii_case(e)) {
            break;
        }
        seen_word = true;
        lower_into(word, &mut lower);
        let bare = lower
            .strip_suffix("'s")
            .or_else(|| lower.strip_suffix("’s"))
            .unwrap_or(&lower);
        if let Some(noun) = noun_class(bare) {
            class = Some(noun);
        }
    }
    class
}

/// The kind of `speaker` in `doc`.
pub(crate) fn speaker_kind(doc: &Document, speaker: &Speaker) -> SpeakerKind {
    let written = doc.span_text(speaker.span);
    if head_class(written) == Some(Noun::Document) {
        return SpeakerKind::Document;
    }
    if let Some(cluster) = speaker.cluster.and_then(|c| doc.clusters.get(c)) {
        return match cluster.label {
            EntityLabel::Per => SpeakerKind::Person,
            EntityLabel::Org | EntityLabel::Loc | EntityLabel::Misc => SpeakerKind::Organization,
        };
    }
    let name = speaker.name.trim_matches(|c: char| !c.is_alphanumeric());
    let single = !name.is_empty() && !name.contains(char::is_whitespace);
    if single && PRONOUNS.iter().any(|p| name.eq_ignore_ascii_case(p)) {
        return SpeakerKind::Pronoun;
    }
    match head_class(&speaker.name) {
        Some(Noun::Document) => SpeakerKind::Document,
        Some(Noun::Person) => SpeakerKind::Anonymous,
        Some(Noun::Organization) => SpeakerKind::Organization,
        None => SpeakerKind::None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn heads_stop_at_prepositions_and_possessives() {
        assert_eq!(head_class("a report by the Pentagon"), Some(Noun::Document));
        assert_eq!(head_class("senior administration officials"), Some(Noun::Person));
        assert_eq!(head_class("the company's"), Some(Noun::Organization));
        assert_eq!(head_class("A source close to the talks"), Some(Noun::Person));
        assert_eq!(head_class("the company's spokesman"), Some(Noun::Person));
        assert_eq!(head_class("studies"), Some(Noun::Document));
        assert_eq!(head_class("the authorities"), Some(Noun::Person));
        assert_eq!(head_class("the boss"), None);
        assert_eq!(head_class(""), None);
    }
}
