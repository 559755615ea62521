//! What the tagger's word lists say of each token of a sentence, as features (never as
//! labels: the weights learn how far each list is to be trusted). Lists, each matched
//! only where the text is capitalised (a lower-case "turkey" or "bill" hits nothing):
//! the hand-written places, organisations and demonyms of [`crate::lexicon`]; GeoNames
//! places (`data/places.tsv`: continents, countries, capitals, US states and counties,
//! cities by population); US Census surnames by rank (`data/surnames.tsv`); first names
//! ([`crate::names`]); and the shape of a capitalised run — one that ends with a word
//! organisations end with ("… Agency", "… Inc.") or opens with one they open with
//! ("Ministry of …"), or ends with a word places end with ("… County").

use crate::lexicon::{DEMONYMS, ORGS, PLACES};
use crate::names::{Gender, all_first_names};
use byline_learn::hash::{FastMap, hash_str, lowercase};
use std::sync::LazyLock;

/// Phrases sharing a first word: (lower-case words, kind).
type Phrases = Vec<(Vec<String>, u8)>;

/// What the lists hold for one lower-case word: the phrases it opens in the hand-written
/// lists (kinds 1 places, 2 organisations, 3 demonyms) and in GeoNames (`PLACE_KINDS`),
/// and its surname tier and first-name gender. One table, so that a capitalised token
/// costs one look-up.
#[derive(Default)]
struct WordEntry {
    phrases: [Phrases; 2],
    surname: Option<u8>,
    first_name: Option<u8>,
}

/// Kinds of `data/places.tsv`, in the order of their ids (from 1).
const PLACE_KINDS: [&str; 8] = [
    "continent",
    "country",
    "state",
    "capital",
    "city1m",
    "city100k",
    "county",
    "city",
];

static WORDS: LazyLock<FastMap<String, WordEntry>> = LazyLock::new(|| {
    let mut map: FastMap<String, WordEntry> = FastMap::default();
    let mut add_phrase = |name: &str, source: usize, kind: u8| {
        let words: Vec<String> = name.split(' ').map(lowercase).collect();
        map.entry(words[0].clone()).or_default().phrases[source].push((words, kind));
    };
    for (list, kind) in [(PLACES, 1), (ORGS, 2), (DEMONYMS, 3)] {
        for name in list {
            add_phrase(name, 0, kind);
        }
    }
    for line in include_str!("../../data/places.tsv").lines() {
        if let Some((name, kind)) = line.split_once('\t') {
            if let Some(id) = PLACE_KINDS.iter().position(|k| *k == kind) {
                add_phrase(name, 1, id as u8 + 1);
            }
        }
    }
    // Surnames: 1 among the 1,000 most common, 2 the next 4,000, 3 rarer.
    for line in include_str!("../../data/surnames.tsv").lines() {
        if let Some((name, Ok(rank))) = line.split_once('\t').map(|(n, r)| (n, r.parse::<u32>())) {
            let tier = if rank <= 1_000 {
                1
            } else if rank <= 5_000 {
                2
            } else {
                3
            };
            map.entry(lowercase(name)).or_default().surname = Some(tier);
        }
    }
    // First names: 1 masculine, 2 feminine (the first list naming it decides).
    for (name, gender) in all_first_names() {
        let entry = map.entry(lowercase(name)).or_default();
        if entry.first_name.is_none() {
            entry.first_name = Some(if gender == Gender::Feminine { 2 } else { 1 });
        }
    }
    map
});

/// Last words of organisations' names (lower case, without a final period; sorted, as
/// the other word lists here: a test checks).
const ORG_LAST_WORDS: &[&str] = &[
    "academy",
    "agency",
    "airlines",
    "airways",
    "alliance",
    "association",
    "authority",
    "bank",
    "board",
    "brigade",
    "bureau",
    "cabinet",
    "capital",
    "center",
    "centre",
    "church",
    "club",
    "co",
    "coalition",
    "college",
    "commission",
    "committee",
    "company",
    "conference",
    "congress",
    "corp",
    "corporation",
    "council",
    "court",
    "department",
    "division",
    "fc",
    "federation",
    "force",
    "forces",
    "foundation",
    "front",
    "fund",
    "group",
    "herald",
    "holdings",
    "hospital",
    "inc",
    "industries",
    "institute",
    "institution",
    "international",
    "journal",
    "league",
    "llc",
    "ltd",
    "media",
    "ministry",
    "motors",
    "movement",
    "network",
    "news",
    "office",
    "organisation",
    "organization",
    "parliament",
    "partners",
    "partnership",
    "party",
    "plc",
    "police",
    "post",
    "press",
    "program",
    "programme",
    "regiment",
    "school",
    "service",
    "services",
    "society",
    "systems",
    "team",
    "technologies",
    "times",
    "tribune",
    "trust",
    "union",
    "united",
    "university",
];

/// First words of organisations' names followed by "of" ("Ministry of Defence").
const ORG_FIRST_WORDS: &[&str] = &[
    "academy",
    "bank",
    "board",
    "bureau",
    "church",
    "college",
    "council",
    "court",
    "department",
    "house",
    "institute",
    "ministry",
    "office",
    "school",
    "university",
];

/// Last words of places' names.
const PLACE_LAST_WORDS: &[&str] = &[
    "avenue",
    "bay",
    "beach",
    "canyon",
    "coast",
    "county",
    "district",
    "island",
    "islands",
    "lake",
    "mountains",
    "ocean",
    "parish",
    "peninsula",
    "province",
    "region",
    "river",
    "road",
    "sea",
    "square",
    "strait",
    "street",
    "valley",
];

/// Lower-case words that may stand inside a capitalised name ("Bank of America").
const CONNECTORS: &[&str] = &[
    "of", "for", "and", "&", "the", "de", "du", "la", "le", "von", "van", "on",
];

/// What the lists say of one token.
#[derive(Clone, Copy, Default)]
pub(crate) struct Hits {
    /// Hand-written list kind, and whether the token begins the phrase.
    pub lexicon: Option<(u8, bool)>,
    /// GeoNames kind, and whether the token begins the place's name.
    pub place: Option<(u8, bool)>,
    /// Surname tier.
    pub surname: Option<u8>,
    /// First name gender.
    pub first_name: Option<u8>,
    /// Shape of the capitalised run the token is in: (1 organisation by its last word,
    /// 2 organisation by its first, 3 place; position 0 first, 1 inside, 2 last; hash of
    /// the word that gave the shape).
    pub shape: Option<(u8, u8, u64)>,
}

/// The hits of every token of a sentence, given each token's lower-case form and
/// capitalisation class (0 lower, 1 Capitalised, 2 ALL CAPS, 3 mixed).
pub(crate) fn sentence_hits(lowers: &[&str], caps: &[u8]) -> Vec<Hits> {
    let n = lowers.len();
    let entries: Vec<Option<&WordEntry>> = lowers
        .iter()
        .zip(caps)
        .map(|(lower, &cap)| if cap != 0 { WORDS.get(*lower) } else { None })
        .collect();
    let mut hits = vec![Hits::default(); n];
    for source in 0..2 {
        for (start, len, kind) in longest_phrases(&entries, source, lowers, caps) {
            for (k, hit) in hits[start..start + len].iter_mut().enumerate() {
                let value = Some((kind, k == 0));
                if source == 0 {
                    hit.lexicon = value;
                } else {
                    hit.place = value;
                }
            }
        }
    }
    for (hit, entry) in hits.iter_mut().zip(&entries) {
        if let Some(entry) = entry {
            hit.surname = entry.surname;
            hit.first_name = entry.first_name;
        }
    }
    mark_shapes(lowers, caps, &mut hits);
    hits
}

/// The longest phrase of list `source` at each token (left to right, not overlapping)
/// whose first and last words are capitalised: (start, length, kind).
fn longest_phrases(
    entries: &[Option<&WordEntry>],
    source: usize,
    lowers: &[&str],
    caps: &[u8],
) -> Vec<(usize, usize, u8)> {
    let n = lowers.len();
    let mut out = Vec::new();
    let mut i = 0;
    while i < n {
        let mut best: Option<(usize, u8)> = None;
        for (phrase, kind) in entries[i].map_or(&[][..], |e| &e.phrases[source][..]) {
            let len = phrase.len();
            if i + len <= n
                && best.is_none_or(|(l, _)| len > l)
                && caps[i + len - 1] != 0
                && phrase.iter().zip(&lowers[i..i + len]).all(|(a, b)| a == b)
            {
                best = Some((len, *kind));
            }
        }
        match best {
            Some((len, kind)) => {
                out.push((i, len, kind));
                i += len;
            }
            None => i += 1,
        }
    }
    out
}

/// Marks the capitalised runs (connectors allowed inside) whose first or last word gives
/// them the shape of an organisation's or a place's name.
fn mark_shapes(lowers: &[&str], caps: &[u8], hits: &mut [Hits]) {
    let n = lowers.len();
    let mut i = 0;
    while i < n {
        if caps[i] == 0 {
            i += 1;
            continue;
        }
        // The run: capitalised words, connectors between them.
        let mut end = i + 1;
        while end < n {
            if caps[end] != 0 {
                end += 1;
            } else if CONNECTORS.contains(&lowers[end]) && end + 1 < n && caps[end + 1] != 0 {
                end += 2;
            } else {
                break;
            }
        }
        let last = lowers[end - 1].trim_end_matches('.');
        let first = lowers[i];
        let shape = if end - i >= 2 && ORG_LAST_WORDS.binary_search(&last).is_ok() {
            Some((1, last))
        } else if end - i >= 3 && lowers[i + 1] == "of" && ORG_FIRST_WORDS.binary_search(&first).is_ok() {
            Some((2, first))
        } else if end - i >= 2 && PLACE_LAST_WORDS.binary_search(&last).is_ok() {
            Some((3, last))
        } else {
            None
        };
        if let Some((kind, word)) = shape {
            let word = hash_str(word);
            for (k, hit) in hits[i..end].iter_mut().enumerate() {
                let position = if k == 0 {
                    0
                } else if i + k == end - 1 {
                    2
                } else {
                    1
                };
                hit.shape = Some((kind, position, word));
            }
        }
        i = end;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn hits(text: &str) -> Vec<Hits> {
        let words: Vec<&str> = text.split(' ').collect();
        let lowers: Vec<String> = words.iter().map(|w| lowercase(w)).collect();
        let lowers: Vec<&str> = lowers.iter().map(String::as_str).collect();
        let caps: Vec<u8> = words
            .iter()
            .map(|w| u8::from(w.chars().next().is_some_and(char::is_uppercase)))
            .collect();
        sentence_hits(&lowers, &caps)
    }

    #[test]
    fn lists_hit_only_capitalised_words() {
        let h = hits("a Turkey dinner in turkey with Bill and bill");
        assert!(h[1].place.is_some());
        assert!(h[4].place.is_none());
        assert!(h[6].first_name.is_some());
        assert!(h[8].first_name.is_none());
    }

    #[test]
    fn places_take_their_longest_name() {
        let h = hits("in New York City today");
        assert_eq!(h[1].place.map(|p| p.1), Some(true));
        assert_eq!(h[3].place.map(|p| p.1), Some(false));
        assert!(h[4].place.is_none());
    }

    #[test]
    fn runs_take_the_shape_of_organisations_and_places() {
        let h = hits("the Federal Emergency Management Agency and the Ministry of Defence near Orange County");
        assert_eq!(h[1].shape.map(|s| (s.0, s.1)), Some((1, 0)));
        assert_eq!(h[4].shape.map(|s| (s.0, s.1)), Some((1, 2)));
        assert_eq!(h[7].shape.map(|s| (s.0, s.1)), Some((2, 0)));
        assert_eq!(h[12].shape.map(|s| s.0), Some(3));
        assert!(h[0].shape.is_none() && h[5].shape.is_none());
    }

    #[test]
    fn word_lists_are_sorted() {
        for list in [ORG_LAST_WORDS, ORG_FIRST_WORDS, PLACE_LAST_WORDS] {
            assert!(list.windows(2).all(|w| w[0] < w[1]), "{list:?}");
        }
    }

    #[test]
    fn surnames_come_by_rank() {
        let h = hits("Smith met Okonkwo");
        assert_eq!(h[0].surname, Some(1));
        assert!(h[2].surname.is_none());
    }
}
