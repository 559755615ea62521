//! How names compare across articles: a name is cut into words, folded (case,
//! diacritics, apostrophes, periods) and stripped of what is no part of the name itself —
//! leading titles and honorifics ("House Speaker", "Sen.", "Mr."), the cluster's own roles,
//! trailing possessives; a generational suffix ("Jr.", "III") is kept apart.

/// A name as compared across articles.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct NameParts {
    /// Folded words of the name proper, titles and suffixes removed.
    pub words: Vec<String>,
    /// The same words as written ("Dmitry Peskov" of "Kremlin spokesman Dmitry Peskov's").
    pub display: String,
}

impl NameParts {
    /// The key two full names of persons share when they are one name — first word (a
    /// nickname as its given name: "Joe" → "joseph") and last word — with the middle
    /// words and a generational suffix, which `middles_agree` compares.
    pub fn person_key(&self) -> Option<(String, Vec<String>)> {
        if self.words.len() < 2 {
            return None;
        }
        // A generational suffix ("Jr.", "III") tells a son from his father: it is kept
        // with the middle initials.
        let (words, suffix) = match self.words.split_last() {
            Some((last, rest)) if SUFFIXES.contains(&last.as_str()) && rest.len() >= 2 => (rest, last.as_str()),
            _ => (self.words.as_slice(), ""),
        };
        let first = given_name(&words[0]);
        let last = &words[words.len() - 1];
        let mut middle: Vec<String> = words[1..words.len() - 1].to_vec();
        if !suffix.is_empty() {
            middle.push(format!("+{suffix}"));
        }
        Some((format!("{first} {last}"), middle))
    }

    /// The words joined by a space: the key of an organisation's name.
    pub fn joined(&self) -> String {
        self.words.join(" ")
    }
}

/// Whether two persons' middle words (and suffixes) can be one person's: each word of the
/// shorter list matches one of the longer, in order — the same word, or an initial of it
/// ("J." / "John"). Lists of initials only must be alike ("W." / "H. W." are George W.
/// Bush and his father), and so must generational suffixes.
pub(crate) fn middles_agree(a: &[String], b: &[String]) -> bool {
    let suffix = |m: &[String]| m.iter().find(|w| w.starts_with('+')).cloned();
    if suffix(a) != suffix(b) {
        return false;
    }
    let initials = |m: &[String]| m.iter().all(|w| w.chars().count() == 1);
    if initials(a) && initials(b) {
        return a == b;
    }
    let (short, long) = if a.len() <= b.len() { (a, b) } else { (b, a) };
    let mut rest = long.iter();
    short.iter().all(|w| {
        rest.any(|v| {
            w == v
                || (!w.starts_with('+')
                    && !v.starts_with('+')
                    && (w.chars().count() == 1 || v.chars().count() == 1)
                    && w.chars().next() == v.chars().next())
        })
    })
}

/// A given name's formal form, for the nicknames that stand for one name only.
fn given_name(word: &str) -> &str {
    const NICKNAMES: &[(&str, &str)] = &[
        ("bill", "william"),
        ("billy", "william"),
        ("bob", "robert"),
        ("bobby", "robert"),
        ("chuck", "charles"),
        ("dan", "daniel"),
        ("danny", "daniel"),
        ("dick", "richard"),
        ("ed", "edward"),
        ("jim", "james"),
        ("jimmy", "james"),
        ("joe", "joseph"),
        ("jon", "jonathan"),
        ("ken", "kenneth"),
        ("larry", "lawrence"),
        ("liz", "elizabeth"),
        ("matt", "matthew"),
        ("mike", "michael"),
        ("mick", "michael"),
        ("mitch", "mitchell"),
        ("nick", "nicholas"),
        ("pete", "peter"),
        ("rick", "richard"),
        ("rob", "robert"),
        ("ron", "ronald"),
        ("steve", "steven"),
        ("stephen", "steven"),
        ("ted", "edward"),
        ("tom", "thomas"),
        ("tony", "anthony"),
        ("will", "william"),
    ];
    NICKNAMES.iter().find(|(n, _)| *n == word).map_or(word, |(_, g)| g)
}

/// Titles after which the rest is the name, however many words stand before them
/// ("Committee Chairman Patrick J. Leahy", "Former Colorado Gov. John Hickenlooper").
const TITLES_ENDING_A_PREFIX: &[&str] = &[
    "gov",
    "governor",
    "sen",
    "senator",
    "rep",
    "representative",
    "chairman",
    "chairwoman",
    "secretary",
    "president",
    "minister",
    "mayor",
    "speaker",
    "leader",
    "director",
    "ceo",
    "spokesman",
    "spokeswoman",
    "ambassador",
    "congressman",
    "congresswoman",
    "democrat",
    "republican",
    "candidate",
    "nominee",
    "sheriff",
    "commissioner",
];

/// Titles and honorifics that may stand before a name (folded, without periods).
const TITLES: &[&str] = &[
    "mr",
    "mrs",
    "ms",
    "miss",
    "mx",
    "dr",
    "prof",
    "professor",
    "sir",
    "dame",
    "lord",
    "lady",
    "rev",
    "reverend",
    "father",
    "sister",
    "brother",
    "pastor",
    "rabbi",
    "imam",
    "bishop",
    "cardinal",
    "pope",
    "president",
    "vice",
    "prime",
    "minister",
    "premier",
    "chancellor",
    "secretary",
    "general",
    "gen",
    "lt",
    "col",
    "colonel",
    "capt",
    "captain",
    "maj",
    "major",
    "sgt",
    "sergeant",
    "adm",
    "admiral",
    "cmdr",
    "commander",
    "sen",
    "senator",
    "rep",
    "representative",
    "congressman",
    "congresswoman",
    "gov",
    "governor",
    "lt-gov",
    "mayor",
    "judge",
    "justice",
    "chief",
    "speaker",
    "house",
    "senate",
    "majority",
    "minority",
    "leader",
    "attorney",
    "ambassador",
    "king",
    "queen",
    "prince",
    "princess",
    "sheikh",
    "ayatollah",
    "officer",
    "detective",
    "inspector",
    "chairman",
    "chairwoman",
    "chair",
    "ceo",
    "former",
    "late",
    "the",
    "democratic",
    "republican",
    "gop",
    "us",
    "state",
    "deputy",
    "acting",
    "assistant",
    "press",
    "first",
    "councilman",
    "councilwoman",
    "councillor",
    "alderman",
    "coach",
    "democrat",
    "candidate",
    "nominee",
    "dem",
    "d",
    "r",
];

/// Whether a folded word is a title or honorific ("president", "mayor"): a cluster named
/// by it alone is no one in particular.
pub(crate) fn is_title(word: &str) -> bool {
    TITLES.contains(&word) || TITLES_ENDING_A_PREFIX.contains(&word)
}

/// Whether a person's name ends with a generational suffix ("Donald Trump Jr.").
pub(crate) fn has_suffix(words: &[String]) -> bool {
    words.last().is_some_and(|w| SUFFIXES.contains(&w.as_str()))
}

/// Words that end a person's name without being part of it.
const SUFFIXES: &[&str] = &["jr", "sr", "ii", "iii", "iv", "v", "phd", "md", "esq"];

/// A word of a name, folded: lower case, Latin diacritics removed, apostrophes and
/// periods dropped ("O’Rourke" → "orourke", "U.S." → "us").
pub(crate) fn fold_word(word: &str) -> String {
    let mut out = String::with_capacity(word.len());
    for c in word.chars() {
        match c {
            '.' | '\'' | '’' | '‘' | '`' => {}
            c if c.is_ascii() => out.push(c.to_ascii_lowercase()),
            c => {
                let base = fold_letter(c);
                if base != '\0' {
                    out.push(base);
                } else {
                    out.extend(c.to_lowercase());
                }
            }
        }
    }
    out
}

/// The base letter of a Latin letter with a diacritic, lower case; '\0' for others.
fn fold_letter(c: char) -> char {
    const FOLDS: &[(&str, char)] = &[
        ("àáâãäåāăąÀÁÂÃÄÅĀĂĄ", 'a'),
        ("çćĉċčÇĆĈĊČ", 'c'),
        ("ďđĎĐ", 'd'),
        ("èéêëēĕėęěÈÉÊËĒĔĖĘĚ", 'e'),
        ("ĝğġģĜĞĠĢ", 'g'),
        ("ĥħĤĦ", 'h'),
        ("ìíîïĩīĭįıÌÍÎÏĨĪĬĮİ", 'i'),
        ("ĵĴ", 'j'),
        ("ķĶ", 'k'),
        ("ĺļľŀłĹĻĽĿŁ", 'l'),
        ("ñńņňÑŃŅŇ", 'n'),
        ("òóôõöøōŏőÒÓÔÕÖØŌŎŐ", 'o'),
        ("ŕŗřŔŖŘ", 'r'),
        ("śŝşšșŚŜŞŠȘ", 's'),
        ("ţťŧțŢŤŦȚ", 't'),
        ("ùúûüũūŭůűųÙÚÛÜŨŪŬŮŰŲ", 'u'),
        ("ŵŴ", 'w'),
        ("ýÿŷÝŸŶ", 'y'),
        ("źżžŹŻŽ", 'z'),
    ];
    for (letters, base) in FOLDS {
        if letters.contains(c) {
            return *base;
        }
    }
    '\0'
}

/// Cuts a name into words, each with its folded form.
fn cut(name: &str) -> Vec<(&str, String)> {
    name.split(|c: char| c.is_whitespace() || c == ',' || c == '(' || c == ')' || c == '"' || c == '“' || c == '”')
        .filter(|w| !w.is_empty())
        .map(|w| {
            let w = w
                .strip_suffix("'s")
                .or_else(|| w.strip_suffix("’s"))
                .or_else(|| w.strip_suffix("‘s"))
                .unwrap_or(w);
            let w = w.strip_suffix('\'').or_else(|| w.strip_suffix('’')).unwrap_or(w);
            (w, fold_word(w))
        })
        .filter(|(_, folded)| !folded.is_empty())
        .collect()
}

fn parts(words: &[(&str, String)]) -> NameParts {
    NameParts {
        words: words.iter().map(|(_, f)| f.clone()).collect(),
        display: words.iter().map(|(w, _)| *w).collect::<Vec<_>>().join(" "),
    }
}

/// A person's name: cut into folded words, stripped of `roles` written before it, then of
/// leading titles and a trailing possessive. A name that is
/// nothing but titles ("President") keeps its words.
pub(crate) fn person_parts(name: &str, roles: &[String]) -> NameParts {
    let mut rest = name.trim();
    for role in roles {
        if role.len() < rest.len()
            && rest
                .get(..role.len())
                .is_some_and(|head| head.eq_ignore_ascii_case(role))
            && rest[role.len()..].starts_with(' ')
        {
            rest = rest[role.len()..].trim_start();
        }
    }
    let all = cut(rest);
    let mut words: &[(&str, String)] = &all;
    if let Some(t) = words
        .iter()
        .rposition(|(_, f)| TITLES_ENDING_A_PREFIX.contains(&f.as_str()))
    {
        if words.len() - t > 2 {
            words = &words[t + 1..];
        }
    }
    while words.len() > 1 && TITLES.contains(&words[0].1.as_str()) {
        words = &words[1..];
    }
    parts(words)
}

/// An organisation's name: cut into folded words, without a leading "the" or a trailing
/// possessive.
pub(crate) fn org_parts(name: &str) -> NameParts {
    let all = cut(name);
    let mut words: &[(&str, String)] = &all;
    if words.len() > 1 && words[0].1 == "the" {
        words = &words[1..];
    }
    parts(words)
}

/// A role's content words, folded ("White House press secretary" → white, house, press,
/// secretary), for comparing the roles of two mentions of a surname.
pub(crate) fn role_words(role: &str) -> impl Iterator<Item = String> + '_ {
    role.split(|c: char| !c.is_alphanumeric() && c != '.')
        .map(fold_word)
        .filter(|w| w.len() > 1 && !matches!(w.as_str(), "the" | "of" | "and" | "for" | "former" | "us"))
}

/// Whether a cluster's name is an acronym ("FBI", "U.N.") and the initials of `full`'s
/// words (without "of", "the", "and", "for") spell it.
pub(crate) fn acronym_of(acronym: &str, full: &NameParts) -> bool {
    let letters: String = acronym.chars().filter(|c| c.is_alphabetic()).collect();
    if letters.len() < 2 || !letters.chars().all(|c| c.is_uppercase()) || full.words.len() < 2 {
        return false;
    }
    let initials: String = full
        .words
        .iter()
        .filter(|w| !matches!(w.as_str(), "of" | "the" | "and" | "for" | "on" | "&"))
        .filter_map(|w| w.chars().next())
        .collect();
    initials == letters.to_lowercase()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn words(name: &str, roles: &[&str]) -> Vec<String> {
        let roles: Vec<String> = roles.iter().map(|r| r.to_string()).collect();
        person_parts(name, &roles).words
    }

    #[test]
    fn titles_roles_possessives_and_suffixes_are_no_part_of_the_name() {
        assert_eq!(words("House Speaker John Boehner", &[]), ["john", "boehner"]);
        assert_eq!(
            words("Kremlin spokesman Dmitry Peskov", &["Kremlin spokesman"]),
            ["dmitry", "peskov"]
        );
        assert_eq!(words("Mr. Peskov's", &[]), ["peskov"]);
        assert_eq!(words("Martin Luther King Jr.", &[]), ["martin", "luther", "king", "jr"]);
        assert_eq!(words("José Martínez", &[]), ["jose", "martinez"]);
        assert_eq!(words("Beto O’Rourke", &[]), ["beto", "orourke"]);
        assert_eq!(words("President", &[]), ["president"]);
        assert_eq!(words("TRUMP", &[]), ["trump"]);
        assert_eq!(
            person_parts("Kremlin spokesman Dmitry Peskov's", &["Kremlin spokesman".into()]).display,
            "Dmitry Peskov"
        );
        assert_eq!(org_parts("House Republicans").words, ["house", "republicans"]);
        assert_eq!(
            words("Committee Chairman Patrick J. Leahy", &[]),
            ["patrick", "j", "leahy"]
        );
        assert_eq!(
            words("Former Colorado Gov. John Hickenlooper", &[]),
            ["john", "hickenlooper"]
        );
    }

    #[test]
    fn persons_share_a_key_by_first_last_and_middle_initials() {
        let key = |n: &str| person_parts(n, &[]).person_key();
        let agree = |a: &str, b: &str| {
            let (ka, kb) = (key(a).unwrap(), key(b).unwrap());
            ka.0 == kb.0 && middles_agree(&ka.1, &kb.1)
        };
        assert!(agree("Donald J. Trump", "Donald John Trump"));
        assert!(agree("Hillary Rodham Clinton", "Hillary Diane Rodham Clinton"));
        assert!(agree("Joe Biden", "Joseph Biden"));
        assert!(agree("Chuck Schumer", "Charles Schumer"));
        assert!(!agree("George W. Bush", "George H. W. Bush"));
        assert!(!agree("Donald Trump Jr.", "Donald J. Trump"));
        assert!(!agree("Donald J. Trump Jr.", "Donald J. Trump"));
        assert_eq!(
            key("Martin Luther King Jr.").map(|k| k.0),
            Some("martin king".to_string())
        );
        assert_eq!(key("Donald Trump").map(|k| k.1), Some(vec![]));
        assert_eq!(key("Peskov"), None);
    }

    #[test]
    fn acronyms_are_spelled_by_initials() {
        let fbi = org_parts("The Federal Bureau of Investigation");
        assert!(acronym_of("FBI", &fbi));
        assert!(acronym_of("F.B.I.", &fbi));
        assert!(!acronym_of("CIA", &fbi));
        assert!(!acronym_of("Fbi", &fbi));
    }
}
