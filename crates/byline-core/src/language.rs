//! Which language a text looks like, so that byline can say when it is given a text it
//! does not read: the script of its letters (Cyrillic, Chinese, Japanese, Korean, Arabic,
//! Greek, Hebrew …), and for Latin-script text the share of its words that are the most
//! frequent function words of English and of six other European languages (our own short
//! lists). Reads at most the first [`WORDS_READ`] words (and four times as many
//! letters): a cost of a few microseconds an article.

use std::collections::HashMap;
use std::sync::LazyLock;

/// Words read at most.
pub const WORDS_READ: usize = 400;

/// The languages byline recognises besides English: (code, name, frequent words).
const PROFILES: [(&str, &str, &str); 7] = [
    (
        "en",
        "English",
        "the and of to in is that for it was on with he as at by this had not but from have are they said his be an which were would has will their been who",
    ),
    (
        "de",
        "German",
        "der die und das ist nicht den von zu mit sich des auf für im dem ein eine auch es als wird nach bei sind über hat wurde einen oder",
    ),
    (
        "fr",
        "French",
        "le la les des et est un une du que pour dans qui pas au sur ce il se ne plus par avec sont aux été cette elle",
    ),
    (
        "es",
        "Spanish",
        "el la los las de que y en un una por con para es se del al lo como más pero sus fue ha este está",
    ),
    (
        "it",
        "Italian",
        "il la di che e è un una per non con del della sono alla gli le da si nel ha anche come",
    ),
    (
        "pt",
        "Portuguese",
        "o a os as de que e do da em um uma para com não por mais dos das se na no foi ao",
    ),
    (
        "nl",
        "Dutch",
        "de het een en van is dat op te in niet met voor zijn er aan ook als bij door maar wordt",
    ),
];

/// Each frequent word and the languages (bits, in [`PROFILES`] order) it belongs to.
static WORDS: LazyLock<HashMap<&'static str, u8>> = LazyLock::new(|| {
    let mut words: HashMap<&'static str, u8> = HashMap::new();
    for (i, (_, _, list)) in PROFILES.iter().enumerate() {
        for w in list.split_whitespace() {
            *words.entry(w).or_default() |= 1 << i;
        }
    }
    words
});

/// The code and name of the language `text` looks like when it is not English and the
/// evidence is clear (`Some(("de", "German"))`); `None` for English, for text too short
/// to tell, and for English mixed with some other script.
pub fn not_english(text: &str) -> Option<(&'static str, &'static str)> {
    if let Some(script) = other_script(text) {
        return Some(script);
    }
    let mut hits = [0usize; PROFILES.len()];
    let mut lowered = String::new();
    for word in text
        .split(|c: char| !c.is_alphabetic())
        .filter(|w| !w.is_empty())
        .take(WORDS_READ)
    {
        // Every frequent word has at most five letters (six bytes: "über").
        if word.len() > 6 {
            continue;
        }
        let word = if word.bytes().all(|b| b.is_ascii_lowercase()) {
            word
        } else {
            lowered.clear();
            lowered.extend(word.chars().flat_map(char::to_lowercase));
            lowered.as_str()
        };
        if let Some(&bits) = WORDS.get(word) {
            for (i, hit) in hits.iter_mut().enumerate() {
                *hit += usize::from(bits & (1 << i) != 0);
            }
        }
    }
    let (best, &count) = hits.iter().enumerate().skip(1).max_by_key(|(_, h)| **h)?;
    (count >= 5 && count > 2 * hits[0]).then(|| (PROFILES[best].0, PROFILES[best].1))
}

/// The language of a text most of whose letters (of the first few thousand) are of a
/// script other than Latin.
fn other_script(text: &str) -> Option<(&'static str, &'static str)> {
    let mut latin = 0usize;
    let mut counts: HashMap<(&'static str, &'static str), usize> = HashMap::new();
    for c in text.chars().filter(|c| c.is_alphabetic()).take(WORDS_READ * 4) {
        let script = match c as u32 {
            0x0400..=0x04FF => ("ru", "Russian"),
            0x0370..=0x03FF => ("el", "Greek"),
            0x0590..=0x05FF => ("he", "Hebrew"),
            0x0600..=0x06FF => ("ar", "Arabic"),
            0x3040..=0x30FF => ("ja", "Japanese"),
            0xAC00..=0xD7AF | 0x1100..=0x11FF => ("ko", "Korean"),
            0x4E00..=0x9FFF | 0x3400..=0x4DBF => ("zh", "Chinese"),
            _ => {
                latin += 1;
                continue;
            }
        };
        *counts.entry(script).or_default() += 1;
    }
    // Japanese text is mostly Han characters with some kana.
    if counts
        .get(&("ja", "Japanese"))
        .is_some_and(|&n| n * 10 >= counts.values().sum::<usize>())
    {
        let total: usize = counts.values().sum();
        return (total > latin && total >= 20).then_some(("ja", "Japanese"));
    }
    let (&script, &n) = counts.iter().max_by_key(|(_, n)| **n)?;
    (n > latin && n >= 20).then_some(script)
}

/// The warning for a text that looks like another language, if it does.
pub fn warning(text: &str) -> Option<String> {
    not_english(text).map(|(code, name)| format!("text looks like {name} ({code}); byline reads English"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn english_and_mixed_text_is_english() {
        let english = "The council said on Friday that the ferry would sail again, and the mayor welcomed it.";
        assert_eq!(not_english(english), None);
        let mixed = "The minister met officials in 北京 on Monday, and he said the talks with the delegation \
                     from 上海 had gone well for both sides of the dispute.";
        assert_eq!(not_english(mixed), None);
        assert_eq!(not_english("Die"), None);
        assert_eq!(not_english(""), None);
    }

    #[test]
    fn other_languages_are_named() {
        let cases = [
            (
                "Der Bürgermeister sagte am Freitag, dass die Fähre wieder fahren wird und dass die Stadt mit dem Hafen zufrieden ist.",
                "de",
            ),
            (
                "Le maire a déclaré vendredi que le ferry reprendra la mer et que la ville est satisfaite du port pour les habitants.",
                "fr",
            ),
            (
                "El alcalde dijo el viernes que el ferry volverá a navegar y que la ciudad está contenta con el puerto de los vecinos.",
                "es",
            ),
            (
                "Мэр заявил в пятницу, что паром снова выйдет в море и что город доволен работой порта.",
                "ru",
            ),
            (
                "市长周五表示渡轮将恢复航行，城市对港口的工作感到满意，居民也表示欢迎这一决定。",
                "zh",
            ),
        ];
        for (text, code) in cases {
            assert_eq!(not_english(text).map(|l| l.0), Some(code), "{text}");
        }
        assert_eq!(
            warning(cases[0].0).as_deref(),
            Some("text looks like German (de); byline reads English")
        );
    }
}
