//! Where a tagged name starts and ends, and whether the words around it make it a person.
//! The steps, in order, on one span the tagger found in a sentence:
//!
//! 1. **Person evidence**: a person title right before a name of two or more words
//!    ("Councillor Lena Park"), or a noun for a person before one that opens with a known
//!    first name ("harbour master Ingrid de Vries"), makes it a person whatever the tagger
//!    said; so does a title inside an organisation's span before a known first name; a
//!    capitalised word the tagger left out between a noun for a person and a person name
//!    is the name's first word ("first lady Melania Trump").
//! 2. **One name each**: a name stops at a line break; a person name also at "and"/"&"
//!    ("Ramos and Biden"), at a word repeated ("Trump Trump") and where it starts again
//!    ("Trump Donald John Trump": a scraped link's text after the name).
//! 3. **The edges of each person name**: titles are cut (CoNLL names exclude them), and so
//!    are the link and player words scraped pages glue to names ("WATCHED Donald Trump",
//!    "Trump MORE": a word of three capitals or more, not initials or a Roman numeral, at
//!    either edge of a name with lower-case letters, when a word that names is left) and
//!    loose words ("DAB's Ben Chan", "Ann Chiang of").
//!    Then a name is cut where two words are glued ("TrumpKamala Harris": a lower-case run
//!    of four letters before a capital, unlike "MaliVai", "McConnell" or "DeSantis").

use crate::lexicon::{NOT_NAMES, ROLE_NOUNS, ROLE_PHRASES, TITLES};
use crate::names::{Gender, common_first_name_gender, first_name_gender};
use byline_core::{EntityLabel, Span};

/// Words of [`TITLES`] that only modify a title ("Foreign Minister", "First Lady") and
/// say nothing of the name after them on their own.
const TITLE_MODIFIERS: &[&str] = &[
    "Vice", "Prime", "Chief", "Foreign", "Defense", "Defence", "Interior", "Finance", "Health", "Homeland", "Treasury",
    "Former", "Acting", "First", "Deputy", "Attorney", "Leader", "General",
];

/// Lower-case nouns for people that may precede a name ("his daughter Ivanka Trump",
/// "actor Dwayne Johnson"), beyond the role nouns; evidence only, never shown as roles.
const PERSON_NOUNS: &[&str] = &[
    "actor",
    "actress",
    "singer",
    "rapper",
    "author",
    "novelist",
    "journalist",
    "historian",
    "scientist",
    "doctor",
    "nurse",
    "teacher",
    "student",
    "farmer",
    "resident",
    "mother",
    "father",
    "son",
    "daughter",
    "wife",
    "husband",
    "brother",
    "sister",
    "widow",
    "chef",
    "owner",
    "councillor",
    "councilor",
    "midfielder",
    "striker",
    "goalkeeper",
    "defender",
    "quarterback",
    "pitcher",
    "harbourmaster",
    "harbormaster",
    "comedian",
    "presenter",
    "host",
    "businessman",
    "businesswoman",
    "billionaire",
    "colleague",
    "friend",
    "lady",
];

/// Whether `word` (a period dropped) is a person's title on its own.
fn is_person_title(word: &str) -> bool {
    let word = word.trim_end_matches('.');
    TITLES.contains(&word) && !TITLE_MODIFIERS.contains(&word)
}

/// Honorifics and ranks written before names that are no part of them ("Sheikh Hasina",
/// "Major-General Utomo"), beyond the titles.
const HONORIFICS: &[&str] = &[
    "Sheikh",
    "Shaikh",
    "Mullah",
    "Ayatollah",
    "Emir",
    "Sultan",
    "Grand",
    "Crown",
    "Haji",
    "Hajji",
    "Maulana",
    "Pastor",
    "Father",
    "Brother",
    "Sister",
    "Mother",
    "Saint",
    "St",
    "Brigadier",
    "Major",
    "Major-General",
    "Lieutenant-General",
    "Field",
    "Marshal",
    "Private",
    "Corporal",
];

/// What the word right before a name says of it: a capitalised person title
/// ("Councillor"), a lower-case noun for a person ("harbour master", "daughter"), or
/// nothing.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Before {
    Title,
    PersonNoun,
    Nothing,
}

/// What the word before word `start` of `words` is.
fn word_before(words: &[&str], start: usize) -> Before {
    let Some(&before) = start.checked_sub(1).and_then(|b| words.get(b)) else {
        return Before::Nothing;
    };
    if is_person_title(before) {
        Before::Title
    } else if ROLE_NOUNS.contains(&before)
        || PERSON_NOUNS.contains(&before)
        || ROLE_PHRASES.iter().any(|p| p.last() == Some(&before))
    {
        Before::PersonNoun
    } else {
        Before::Nothing
    }
}

/// Whether `word` is a first name common in news (the hand-written list).
fn known_first_name(word: &str) -> bool {
    common_first_name_gender(word) != Gender::Unknown
}

/// A word written in capitals that is no part of a name: three letters or more, none in
/// lower case, no initials ("O.J.", "U.S.") and no Roman numeral ("Louis XV").
fn in_capitals(word: &str) -> bool {
    let roman = word.chars().all(|c| "IVXLCDM".contains(c));
    word.chars().count() >= 3 && word.chars().all(|c| c.is_ascii_uppercase()) && !roman
}

/// Whether a name of these words reads as a name: two or more words, the first
/// capitalised and not an acronym.
fn name_shaped(words: &[&str]) -> bool {
    words.len() >= 2 && words[0].starts_with(char::is_uppercase) && !in_capitals(words[0])
}

/// Whether `word` is a title (a period dropped), or the plural of one ("Senators").
fn is_title(word: &str) -> bool {
    let word = word.trim_end_matches('.');
    TITLES.contains(&word) || word.strip_suffix('s').is_some_and(|w| TITLES.contains(&w))
}

/// Function words that end no name ("Ann Chiang of", "Bob Nix and").
const LOOSE_ENDS: &[&str] = &["of", "and", "the", "in", "at", "for", "from", "to", "'s", "’s", "&"];

/// The names a tagged span holds: the span's words `start..end` of a sentence whose
/// words are `words` at `view` in `text`, labelled `label` by the tagger. Byte spans with
/// their labels, in text order; none when nothing of it is a name.
pub(crate) fn names_in(
    text: &str,
    view: &[Span],
    words: &[&str],
    (mut start, end, mut label): (usize, usize, EntityLabel),
) -> Vec<(Span, EntityLabel)> {
    // 1. Person evidence. A capitalised word the tagger left out between a lower-case
    // noun for a person and a person name is its first name ("first lady Melania Trump"),
    // unless it is an honorific ("founder Sheikh Ahmed Yassin").
    if label == EntityLabel::Per && start >= 2 {
        let word = words[start - 1];
        let first_name = word.starts_with(char::is_uppercase)
            && !in_capitals(word)
            && !is_title(word)
            && !HONORIFICS.contains(&word.trim_end_matches('.'))
            && !NOT_NAMES.contains(&word);
        let after = word_before(words, start - 1);
        if first_name && (after == Before::PersonNoun || (after == Before::Title && known_first_name(word))) {
            start -= 1;
        }
    }
    // A name of two or more words after a title is a person ("Councillor Lena Park");
    // after a lower-case noun only when it opens with a known first name ("harbour master
    // Ingrid de Vries", not "the official China Daily").
    if label != EntityLabel::Per && name_shaped(&words[start..end]) {
        match word_before(words, start) {
            Before::Title => label = EntityLabel::Per,
            Before::PersonNoun if known_first_name(words[start]) => label = EntityLabel::Per,
            _ => {}
        }
    }
    // A title inside an organisation's span before a first name, the census's too
    // ("Councillor Lena Park" tagged ORG; not "Prince William Sound", a place).
    if matches!(label, EntityLabel::Org | EntityLabel::Misc)
        && (3..=4).contains(&(end - start))
        && is_person_title(words[start])
        && first_name_gender(words[start + 1]) != Gender::Unknown
        && words[start + 1..end].iter().all(|w| w.starts_with(char::is_uppercase))
    {
        label = EntityLabel::Per;
    }
    let person = label == EntityLabel::Per;
    // 2. One name each: a name stops at a line break, a person name also at "and"/"&"
    // and at a word repeated.
    let mut parts = Vec::new();
    let mut from = start;
    for k in start..=end {
        let line_break = k > from && k < end && text[view[k - 1].end..view[k].start].contains('\n');
        let joiner = person && k < end && matches!(words[k], "and" | "&");
        let repeat = person && k > from && k < end && words[k] == words[k - 1] && words[k].len() > 2;
        if k == end || line_break || joiner || repeat {
            if k > from {
                parts.push((from, k));
            }
            from = if joiner { k + 1 } else { k };
        }
    }
    let mut names = Vec::new();
    for (from, to) in parts {
        if !person {
            names.push((Span::new(view[from].start, view[to - 1].end), label));
            continue;
        }
        // 3. The edges of a person name, then words glued together.
        let (from, to) = person_edges(words, from, to);
        let span = Span::new(view[from].start, view[to - 1].end);
        names.extend(
            unglued(text, span)
                .into_iter()
                .flat_map(|s| written_twice(text, s))
                .map(|s| (s, label)),
        );
    }
    names
}

/// The words `from..to` of a person name without the titles (CoNLL names exclude them),
/// the scraped link words in capitals and the function words at its edges. The last
/// word stays, a title too ("Mr. President": GUM names the president so).
fn person_edges(words: &[&str], mut from: usize, mut to: usize) -> (usize, usize) {
    // A word that names: capitalised, no title, not in capitals.
    let naming = |w: &&str| w.starts_with(char::is_uppercase) && !is_title(w) && !in_capitals(w);
    let has_lower = words[from..to].iter().any(|w| w.chars().any(char::is_lowercase));
    loop {
        let before = (from, to);
        let rest_names = |a: usize, b: usize| words[a..b].iter().any(naming);
        let first = words[from];
        if to - from > 1
            && (is_title(first)
                || !first.starts_with(char::is_alphanumeric)
                || (has_lower && in_capitals(first) && rest_names(from + 1, to)))
        {
            from += 1;
        }
        let last = words[to - 1];
        if to - from > 1 && (LOOSE_ENDS.contains(&last) || (has_lower && in_capitals(last) && rest_names(from, to - 1)))
        {
            to -= 1;
        }
        if (from, to) == before {
            break;
        }
    }
    (from, to)
}

/// A person name cut where two words are glued ("TrumpKamala Harris" → "Trump",
/// "Kamala Harris"): a run of four or more lower-case letters followed by a capital
/// (not "MaliVai", "McConnell" or "DeSantis").
fn unglued(text: &str, span: Span) -> Vec<Span> {
    let name = &text[span.start..span.end];
    let mut parts = Vec::new();
    let mut from = 0;
    let mut lower_run = 0;
    for (i, c) in name.char_indices() {
        if c.is_uppercase() && lower_run >= 4 {
            parts.push(Span::new(span.start + from, span.start + i));
            from = i;
        }
        lower_run = if c.is_lowercase() { lower_run + 1 } else { 0 };
    }
    parts.push(Span::new(span.start + from, span.end));
    parts
}

/// A person name written twice, short then long ("Trump Donald John Trump", "Robert
/// Mueller Robert Swan Mueller", "Lindsey Graham Lindsey Olin"): the link text a scraped
/// page puts after a name. Cut where the name starts again or after the word it ends with.
fn written_twice(text: &str, span: Span) -> Vec<Span> {
    let name = &text[span.start..span.end];
    let words: Vec<(usize, &str)> = name
        .split(' ')
        .scan(0, |at, w| {
            let start = *at;
            *at += w.len() + 1;
            Some((start, w))
        })
        .collect();
    let n = words.len();
    let again = (1..n).find(|&k| (k >= 2 && words[k].1 == words[0].1) || words[k - 1].1 == words[n - 1].1);
    match again {
        Some(k) => {
            let cut = span.start + words[k].0;
            vec![Span::new(span.start, cut - 1), Span::new(cut, span.end)]
        }
        None => vec![span],
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The names `names_in` finds in `text` (split at spaces) for a span of `label` over
    /// words `start..end`.
    fn names(text: &str, start: usize, end: usize, label: EntityLabel) -> Vec<(String, EntityLabel)> {
        let mut view = Vec::new();
        let mut at = 0;
        for w in text.split([' ', '\n']) {
            view.push(Span::new(at, at + w.len()));
            at += w.len() + 1;
        }
        let words: Vec<&str> = view.iter().map(|s| &text[s.start..s.end]).collect();
        names_in(text, &view, &words, (start, end, label))
            .into_iter()
            .map(|(s, l)| (text[s.start..s.end].to_owned(), l))
            .collect()
    }

    fn per(names: &[&str]) -> Vec<(String, EntityLabel)> {
        names.iter().map(|n| (n.to_string(), EntityLabel::Per)).collect()
    }

    #[test]
    fn titles_and_person_nouns_make_a_person() {
        assert_eq!(
            names("said Councillor Lena Park .", 2, 4, EntityLabel::Org),
            per(&["Lena Park"])
        );
        // A title inside the span: before a known first name only ("Judge Business School").
        assert_eq!(
            names("said Councillor Anna Park .", 1, 4, EntityLabel::Org),
            per(&["Anna Park"])
        );
        assert_eq!(
            names("at Judge Business School", 1, 4, EntityLabel::Org),
            vec![("Judge Business School".into(), EntityLabel::Org)]
        );
        assert_eq!(
            names("at King Arthur 's Court", 1, 5, EntityLabel::Loc),
            vec![("King Arthur 's Court".into(), EntityLabel::Loc)]
        );
        assert_eq!(
            names("harbour master Ingrid de Vries said", 2, 5, EntityLabel::Org),
            per(&["Ingrid de Vries"])
        );
        assert_eq!(
            names("his daughter Anna Reyes", 2, 4, EntityLabel::Loc),
            per(&["Anna Reyes"])
        );
        assert_eq!(
            names("and first lady Melania Trump", 4, 5, EntityLabel::Per),
            per(&["Melania Trump"])
        );
        assert_eq!(names("the spokesman Mr Trump", 3, 4, EntityLabel::Per), per(&["Trump"]));
        // Not a name of a person: one word, an acronym, a title that only modifies.
        assert_eq!(
            names("coach Chelsea", 1, 2, EntityLabel::Org),
            vec![("Chelsea".into(), EntityLabel::Org)]
        );
        assert_eq!(
            names("Foreign Office said", 0, 2, EntityLabel::Org),
            vec![("Foreign Office".into(), EntityLabel::Org)]
        );
        assert_eq!(
            names("at General Motors plants", 1, 3, EntityLabel::Org),
            vec![("General Motors".into(), EntityLabel::Org)]
        );
        assert_eq!(
            names("spokesman NATO", 1, 2, EntityLabel::Org),
            vec![("NATO".into(), EntityLabel::Org)]
        );
        assert_eq!(
            names("the official China Daily said", 2, 4, EntityLabel::Org),
            vec![("China Daily".into(), EntityLabel::Org)]
        );
        assert_eq!(
            names("western Prince William Sound", 1, 4, EntityLabel::Loc),
            vec![("Prince William Sound".into(), EntityLabel::Loc)]
        );
        assert_eq!(
            names("founder Sheikh Ahmed Yassin", 2, 4, EntityLabel::Per),
            per(&["Ahmed Yassin"])
        );
        assert_eq!(
            names("MaliVai Washington", 0, 2, EntityLabel::Per),
            per(&["MaliVai Washington"])
        );
    }

    #[test]
    fn names_stop_at_boilerplate_line_breaks_and_glue() {
        assert_eq!(
            names("WATCHED Donald Trump", 0, 3, EntityLabel::Per),
            per(&["Donald Trump"])
        );
        assert_eq!(names("Trump MORE", 0, 2, EntityLabel::Per), per(&["Trump"]));
        assert_eq!(names("Trump Trump", 0, 2, EntityLabel::Per), per(&["Trump", "Trump"]));
        assert_eq!(
            names("Trump Donald John Trump", 0, 4, EntityLabel::Per),
            per(&["Trump", "Donald John Trump"])
        );
        assert_eq!(
            names("Robert Mueller Robert Swan Mueller", 0, 5, EntityLabel::Per),
            per(&["Robert Mueller", "Robert Swan Mueller"])
        );
        assert_eq!(
            names("Trump Donald John TrumpKamala Harris", 0, 5, EntityLabel::Per),
            per(&["Trump", "Donald John Trump", "Kamala Harris"])
        );
        assert_eq!(
            names("Lindsey Graham Lindsey Olin", 0, 4, EntityLabel::Per),
            per(&["Lindsey Graham", "Lindsey Olin"])
        );
        assert_eq!(
            names("Ramos and Biden", 0, 3, EntityLabel::Per),
            per(&["Ramos", "Biden"])
        );
        assert_eq!(
            names("Trump\nDonald Trump", 0, 3, EntityLabel::Per),
            per(&["Trump", "Donald Trump"])
        );
        assert_eq!(
            names("Trump\nWhite House", 0, 3, EntityLabel::Org),
            vec![
                ("Trump".into(), EntityLabel::Org),
                ("White House".into(), EntityLabel::Org)
            ]
        );
        assert_eq!(
            names("TrumpKamala Harris", 0, 2, EntityLabel::Per),
            per(&["Trump", "Kamala Harris"])
        );
        // Names that are shaped so.
        assert_eq!(
            names("Mitch McConnell", 0, 2, EntityLabel::Per),
            per(&["Mitch McConnell"])
        );
        assert_eq!(names("Ron DeSantis", 0, 2, EntityLabel::Per), per(&["Ron DeSantis"]));
        assert_eq!(names("JOHN SMITH", 0, 2, EntityLabel::Per), per(&["JOHN SMITH"]));
        assert_eq!(
            names("Johnson & Johnson", 0, 3, EntityLabel::Org),
            vec![("Johnson & Johnson".into(), EntityLabel::Org)]
        );
        assert_eq!(
            names("Mayor Carla Mendes", 0, 3, EntityLabel::Per),
            per(&["Carla Mendes"])
        );
        assert_eq!(
            names("WATCHED President Trump", 0, 3, EntityLabel::Per),
            per(&["Trump"])
        );
        assert_eq!(names("DAB 's Ben Chan", 0, 4, EntityLabel::Per), per(&["Ben Chan"]));
        assert_eq!(names("Ann Chiang of DAB", 0, 4, EntityLabel::Per), per(&["Ann Chiang"]));
        assert_eq!(names("O.J. Simpson", 0, 2, EntityLabel::Per), per(&["O.J. Simpson"]));
        assert_eq!(names("Louis XV", 0, 2, EntityLabel::Per), per(&["Louis XV"]));
        assert_eq!(
            names("Diego de Landa", 0, 3, EntityLabel::Per),
            per(&["Diego de Landa"])
        );
    }
}
