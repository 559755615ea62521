//! What kind of source a speaker is — a person, an organisation, a document, unnamed
//! people, a pronoun nobody is named for — from the cluster it resolves to and the head
//! noun of the phrase as written ("a Pentagon report" is a document even with the
//! Pentagon's cluster inside; "officials" are anonymous).

use crate::features::lower_into;
use byline_core::nouns::{Noun, noun_class};
use byline_core::{Document, EntityLabel, Speaker, SpeakerKind};

/// Pronouns and relative words that can stand as sources.
const PRONOUNS: &[&str] = &[
    "he", "she", "they", "it", "i", "we", "you", "who", "which", "that", "him", "her", "them", "us", "me", "his",
    "their", "its", "our", "my", "this", "these", "those", "whom",
];

/// Words after which a noun phrase's head has been passed ("a report *by* the Pentagon").
const HEAD_ENDS: &[&str] = &[
    "of", "for", "from", "by", "at", "in", "with", "on", "who", "that", "which", "to", "whose", "and", "or",
];

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
