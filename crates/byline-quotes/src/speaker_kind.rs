//! What kind of source a speaker is — a person, an organisation, a document, unnamed
//! people, a pronoun nobody is named for — from the cluster it resolves to and the head
//! noun of the phrase as written ("a Pentagon report" is a document even with the
//! Pentagon's cluster inside; "officials" are anonymous).

use byline_core::{Document, EntityLabel, Speaker, SpeakerKind};

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

/// The lower-cased head noun of a noun phrase: of its words before a preposition,
/// relative word or comma ("a source *close to* the talks", "a report *by* …"), the last
/// one a list below knows, else the last one; without a possessive ending.
fn head_noun(phrase: &str) -> String {
    let mut words: Vec<String> = Vec::new();
    for word in phrase.split(|c: char| c.is_whitespace() || c == ',' || c == ';' || c == '(') {
        let word = word.trim_matches(|c: char| !c.is_alphanumeric() && c != '-');
        if word.is_empty() {
            continue;
        }
        if HEAD_ENDS.iter().any(|e| word.eq_ignore_ascii_case(e)) && !words.is_empty() {
            break;
        }
        let lower = word.to_lowercase();
        let bare = lower
            .strip_suffix("'s")
            .or_else(|| lower.strip_suffix("’s"))
            .unwrap_or(&lower)
            .to_owned();
        words.push(bare);
    }
    let known = |w: &&String| {
        [DOCUMENT_NOUNS, PERSON_NOUNS, ORGANIZATION_NOUNS]
            .iter()
            .any(|l| listed(l, w))
    };
    words
        .iter()
        .rev()
        .find(known)
        .or(words.last())
        .cloned()
        .unwrap_or_default()
}

/// Whether `head` or its singular is in `list`.
fn listed(list: &[&str], head: &str) -> bool {
    if list.contains(&head) {
        return true;
    }
    let singular = if let Some(stem) = head.strip_suffix("ies") {
        format!("{stem}y")
    } else if let Some(stem) = head.strip_suffix('s').filter(|s| !s.ends_with('s')) {
        stem.to_owned()
    } else {
        return false;
    };
    list.contains(&singular.as_str())
}

/// The kind of `speaker` in `doc`.
pub(crate) fn speaker_kind(doc: &Document, speaker: &Speaker) -> SpeakerKind {
    let written = doc.span_text(speaker.span);
    let written_head = head_noun(written);
    if listed(DOCUMENT_NOUNS, &written_head) {
        return SpeakerKind::Document;
    }
    if let Some(cluster) = speaker.cluster.and_then(|c| doc.clusters.get(c)) {
        return match cluster.label {
            EntityLabel::Per => SpeakerKind::Person,
            EntityLabel::Org | EntityLabel::Loc | EntityLabel::Misc => SpeakerKind::Organization,
        };
    }
    let head = head_noun(&speaker.name);
    if head.is_empty() {
        SpeakerKind::None
    } else if speaker.name.split_whitespace().count() == 1 && PRONOUNS.contains(&head.as_str()) {
        SpeakerKind::Pronoun
    } else if listed(DOCUMENT_NOUNS, &head) {
        SpeakerKind::Document
    } else if listed(PERSON_NOUNS, &head) {
        SpeakerKind::Anonymous
    } else if listed(ORGANIZATION_NOUNS, &head) {
        SpeakerKind::Organization
    } else {
        SpeakerKind::None
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn heads_stop_at_prepositions_and_possessives() {
        assert_eq!(head_noun("a report by the Pentagon"), "report");
        assert_eq!(head_noun("senior administration officials"), "officials");
        assert_eq!(head_noun("the company's"), "company");
        assert_eq!(head_noun("“Who”"), "who");
        assert_eq!(head_noun("A source close to the talks"), "source");
        assert_eq!(head_noun("the company's spokesman"), "spokesman");
        assert_eq!(head_noun(""), "");
        assert!(listed(PERSON_NOUNS, "authorities") && listed(DOCUMENT_NOUNS, "studies"));
        assert!(!listed(PERSON_NOUNS, "boss"));
    }
}
