//! Hand-written stance predicates and sentiment words for the baseline (the stance issue
//! replaces them with a trained model).

use byline_core::Polarity;

/// Verb forms that state a stance of their subject towards their object and are rarely
/// anything else ("criticised", "endorses"): no nouns ("support", "criticism"), no
/// wishes ("wants", "desires"), no forms that are often adjectives ("supporting"). A
/// stance these state with their subject and object written around them is what the
/// default stance layer reports.
pub const EXPLICIT_VERBS: &[&str] = &[
    "praised",
    "praises",
    "praising",
    "welcomed",
    "welcomes",
    "endorsed",
    "endorses",
    "endorsing",
    "applauded",
    "applauds",
    "hailed",
    "hails",
    "thanked",
    "defended",
    "defends",
    "criticised",
    "criticized",
    "criticises",
    "criticizes",
    "criticizing",
    "criticising",
    "condemned",
    "condemns",
    "condemning",
    "slammed",
    "slams",
    "slamming",
    "rejected",
    "rejects",
    "opposes",
    "opposed",
    "denounced",
    "denounces",
    "denouncing",
    "accused",
    "accuses",
    "accusing",
    "blamed",
    "blames",
    "blaming",
    "blasted",
    "blasts",
    "lambasted",
    "lambastes",
    "rebuked",
    "rebukes",
    "chastised",
    "chastises",
    "berated",
    "castigated",
    "scolded",
    "ridiculed",
    "ridicules",
    "derided",
    "derides",
    "disparaged",
    "insulted",
    "insults",
    "mocked",
    "mocks",
    "commended",
    "commends",
    "congratulated",
    "congratulates",
    "lauded",
    "lauds",
    "championed",
    "champions",
    "admired",
    "admires",
    "supported",
    "supports",
    "backed",
    "backs",
    "sued",
    "sues",
    "decried",
    "decries",
];

/// Whether `word` (any case) is one of the [`EXPLICIT_VERBS`].
pub fn is_explicit_verb(word: &str) -> bool {
    word.len() <= 14 && EXPLICIT_VERBS.iter().any(|v| v.eq_ignore_ascii_case(word))
}

/// Words that express a stance of their subject towards their object.
pub const PREDICATES: &[(&str, Polarity)] = &[
    ("approval", Polarity::Positive),
    ("approve", Polarity::Positive),
    ("approves", Polarity::Positive),
    ("approved", Polarity::Positive),
    ("praise", Polarity::Positive),
    ("praises", Polarity::Positive),
    ("praised", Polarity::Positive),
    ("welcome", Polarity::Positive),
    ("welcomes", Polarity::Positive),
    ("welcomed", Polarity::Positive),
    ("backs", Polarity::Positive),
    ("backed", Polarity::Positive),
    ("support", Polarity::Positive),
    ("supports", Polarity::Positive),
    ("supported", Polarity::Positive),
    ("supporting", Polarity::Positive),
    ("backing", Polarity::Positive),
    ("endorsing", Polarity::Positive),
    ("praising", Polarity::Positive),
    ("opposing", Polarity::Negative),
    ("oppose", Polarity::Negative),
    ("criticizing", Polarity::Negative),
    ("criticising", Polarity::Negative),
    ("condemning", Polarity::Negative),
    ("blaming", Polarity::Negative),
    ("endorse", Polarity::Positive),
    ("endorses", Polarity::Positive),
    ("endorsed", Polarity::Positive),
    ("applauded", Polarity::Positive),
    ("hailed", Polarity::Positive),
    ("desires", Polarity::Positive),
    ("desire", Polarity::Positive),
    ("wants", Polarity::Positive),
    ("favors", Polarity::Positive),
    ("favours", Polarity::Positive),
    ("defended", Polarity::Positive),
    ("thanked", Polarity::Positive),
    ("criticised", Polarity::Negative),
    ("criticized", Polarity::Negative),
    ("criticises", Polarity::Negative),
    ("criticizes", Polarity::Negative),
    ("criticism", Polarity::Negative),
    ("condemned", Polarity::Negative),
    ("condemns", Polarity::Negative),
    ("slammed", Polarity::Negative),
    ("slams", Polarity::Negative),
    ("rejected", Polarity::Negative),
    ("rejects", Polarity::Negative),
    ("opposes", Polarity::Negative),
    ("opposed", Polarity::Negative),
    ("opposition", Polarity::Negative),
    ("denounced", Polarity::Negative),
    ("denounces", Polarity::Negative),
    ("blamed", Polarity::Negative),
    ("blames", Polarity::Negative),
    ("accused", Polarity::Negative),
    ("accuses", Polarity::Negative),
    ("attacked", Polarity::Negative),
    ("disapproval", Polarity::Negative),
    ("warned", Polarity::Negative),
    ("mocked", Polarity::Negative),
    ("commended", Polarity::Positive),
    ("commends", Polarity::Positive),
    ("congratulated", Polarity::Positive),
    ("congratulates", Polarity::Positive),
    ("lauded", Polarity::Positive),
    ("lauds", Polarity::Positive),
    ("applauds", Polarity::Positive),
    ("hails", Polarity::Positive),
    ("embraced", Polarity::Positive),
    ("embraces", Polarity::Positive),
    ("championed", Polarity::Positive),
    ("champions", Polarity::Positive),
    ("defends", Polarity::Positive),
    ("defending", Polarity::Positive),
    ("admired", Polarity::Positive),
    ("admires", Polarity::Positive),
    ("trusts", Polarity::Positive),
    ("trusted", Polarity::Positive),
    ("thanks", Polarity::Positive),
    ("welcoming", Polarity::Positive),
    ("endorsement", Polarity::Positive),
    ("blasted", Polarity::Negative),
    ("blasts", Polarity::Negative),
    ("lambasted", Polarity::Negative),
    ("lambastes", Polarity::Negative),
    ("rebuked", Polarity::Negative),
    ("rebukes", Polarity::Negative),
    ("chastised", Polarity::Negative),
    ("chastises", Polarity::Negative),
    ("berated", Polarity::Negative),
    ("castigated", Polarity::Negative),
    ("scolded", Polarity::Negative),
    ("ridiculed", Polarity::Negative),
    ("ridicules", Polarity::Negative),
    ("derided", Polarity::Negative),
    ("derides", Polarity::Negative),
    ("disparaged", Polarity::Negative),
    ("insulted", Polarity::Negative),
    ("insults", Polarity::Negative),
    ("sued", Polarity::Negative),
    ("sues", Polarity::Negative),
    ("denouncing", Polarity::Negative),
    ("attacking", Polarity::Negative),
    ("attacks", Polarity::Negative),
    ("accusing", Polarity::Negative),
    ("condemn", Polarity::Negative),
    ("criticize", Polarity::Negative),
    ("criticise", Polarity::Negative),
    ("mocks", Polarity::Negative),
    ("mocking", Polarity::Negative),
    ("slamming", Polarity::Negative),
    ("distrusts", Polarity::Negative),
    ("distrusted", Polarity::Negative),
    ("impeach", Polarity::Negative),
    ("rejecting", Polarity::Negative),
];

/// Verbs that judge their own subject when someone reports them: keeping an agreement
/// speaks for the subject, breaking it against ("Ukraine had not adhered to it" in
/// Peskov's words is Peskov against Ukraine). Negation flips them.
pub const CONDUCT_VERBS: &[(&str, Polarity)] = &[
    ("adhere", Polarity::Positive),
    ("adhered", Polarity::Positive),
    ("adheres", Polarity::Positive),
    ("comply", Polarity::Positive),
    ("complied", Polarity::Positive),
    ("complies", Polarity::Positive),
    ("honor", Polarity::Positive),
    ("honored", Polarity::Positive),
    ("honour", Polarity::Positive),
    ("honoured", Polarity::Positive),
    ("respected", Polarity::Positive),
    ("cooperated", Polarity::Positive),
    ("helped", Polarity::Positive),
    ("violate", Polarity::Negative),
    ("violated", Polarity::Negative),
    ("violates", Polarity::Negative),
    ("breached", Polarity::Negative),
    ("broke", Polarity::Negative),
    ("reneged", Polarity::Negative),
    ("lied", Polarity::Negative),
    ("cheated", Polarity::Negative),
    ("refused", Polarity::Negative),
    ("failed", Polarity::Negative),
    ("sabotaged", Polarity::Negative),
    ("undermined", Polarity::Negative),
];

/// Positive sentiment words for target portrayal.
pub const POSITIVE_WORDS: &[&str] = &[
    "praised",
    "approval",
    "welcomed",
    "support",
    "supported",
    "success",
    "successful",
    "progress",
    "peace",
    "wisely",
    "agreement",
    "win",
    "won",
    "hero",
    "strong",
    "best",
    "good",
    "great",
    "helped",
    "help",
    "committed",
    "open",
    "respected",
    "popular",
    "improve",
    "improved",
    "honest",
    "achieved",
    "benefit",
];

/// Negative sentiment words for target portrayal.
pub const NEGATIVE_WORDS: &[&str] = &[
    "criticized",
    "criticised",
    "condemned",
    "slammed",
    "rejected",
    "accused",
    "blamed",
    "attacked",
    "war",
    "difficult",
    "complicated",
    "failed",
    "failure",
    "corrupt",
    "scandal",
    "crisis",
    "threat",
    "violence",
    "killed",
    "attack",
    "strikes",
    "lied",
    "fraud",
    "illegal",
    "worst",
    "bad",
    "terrorist",
    "abuse",
    "controversial",
    "denied",
    "refused",
    "weak",
    "angry",
    "hardliners",
    "conflict",
    "cease",
    "halt",
];

/// Stance predicates read only from the parse, where their arguments are checked: base
/// forms of the predicates above (the tree gives lemmas, so "lambasting" is found by
/// "lambaste") and adjectives that take their target with a preposition ("was critical
/// of", "is supportive of"; "critical infrastructure" has no such argument).
pub const PARSED_PREDICATES: &[(&str, Polarity)] = &[
    ("slam", Polarity::Negative),
    ("blast", Polarity::Negative),
    ("lambaste", Polarity::Negative),
    ("rebuke", Polarity::Negative),
    ("chastise", Polarity::Negative),
    ("berate", Polarity::Negative),
    ("castigate", Polarity::Negative),
    ("scold", Polarity::Negative),
    ("ridicule", Polarity::Negative),
    ("deride", Polarity::Negative),
    ("disparage", Polarity::Negative),
    ("insult", Polarity::Negative),
    ("denounce", Polarity::Negative),
    ("accuse", Polarity::Negative),
    ("mock", Polarity::Negative),
    ("reject", Polarity::Negative),
    ("blame", Polarity::Negative),
    ("distrust", Polarity::Negative),
    ("commend", Polarity::Positive),
    ("congratulate", Polarity::Positive),
    ("laud", Polarity::Positive),
    ("applaud", Polarity::Positive),
    ("hail", Polarity::Positive),
    ("embrace", Polarity::Positive),
    ("champion", Polarity::Positive),
    ("defend", Polarity::Positive),
    ("admire", Polarity::Positive),
    ("thank", Polarity::Positive),
    ("dismiss", Polarity::Negative),
    ("decry", Polarity::Negative),
    ("deplore", Polarity::Negative),
    ("assail", Polarity::Negative),
    ("excoriate", Polarity::Negative),
    ("chide", Polarity::Negative),
    ("fault", Polarity::Negative),
    ("vilify", Polarity::Negative),
    ("demonize", Polarity::Negative),
    ("demonise", Polarity::Negative),
    ("scorn", Polarity::Negative),
    ("repudiate", Polarity::Negative),
    ("rebuff", Polarity::Negative),
    ("disavow", Polarity::Negative),
    ("rip", Polarity::Negative),
    ("bash", Polarity::Negative),
    ("salute", Polarity::Positive),
    ("extol", Polarity::Positive),
    ("tout", Polarity::Positive),
    ("respect", Polarity::Positive),
    ("critical", Polarity::Negative),
    ("skeptical", Polarity::Negative),
    ("sceptical", Polarity::Negative),
    ("dismissive", Polarity::Negative),
    ("hostile", Polarity::Negative),
    ("contemptuous", Polarity::Negative),
    ("supportive", Polarity::Positive),
    ("appreciative", Polarity::Positive),
    ("grateful", Polarity::Positive),
    ("proud", Polarity::Positive),
];

/// Nouns for the one who holds a stance ("a critic of", "Snipes's fiercest critics", "an
/// ally of"): their holder is what they describe — the subject of the copula or the noun
/// they are in apposition to — and their target the possessor or the "of" phrase.
pub const AGENT_NOUNS: &[(&str, Polarity)] = &[
    ("critic", Polarity::Negative),
    ("opponent", Polarity::Negative),
    ("foe", Polarity::Negative),
    ("detractor", Polarity::Negative),
    ("adversary", Polarity::Negative),
    ("enemy", Polarity::Negative),
    ("supporter", Polarity::Positive),
    ("ally", Polarity::Positive),
    ("backer", Polarity::Positive),
    ("defender", Polarity::Positive),
    ("admirer", Polarity::Positive),
    ("fan", Polarity::Positive),
    ("advocate", Polarity::Positive),
    ("proponent", Polarity::Positive),
    ("champion", Polarity::Positive),
];

/// People and groups named by a noun that stance targets often are and the shared lists
/// (`byline_core::nouns`, read for speaker kinds) do not hold: a target headed by one is
/// an entity, not a topic.
pub const PEOPLE_NOUNS: &[&str] = &[
    "owner",
    "operator",
    "crew",
    "staff",
    "nurse",
    "farmer",
    "resident",
    "protester",
    "protestor",
    "activist",
    "citizen",
    "student",
    "parent",
    "patient",
    "immigrant",
    "veteran",
    "union",
    "family",
    "landlord",
    "tenant",
    "investor",
    "shareholder",
    "opponent",
    "democrat",
    "republican",
    "conservative",
    "liberal",
    "progressive",
    "management",
    "leadership",
    "employer",
];

/// Whether a lower-case noun (or its plural) names people or an organisation: the shared
/// lists' people and organisations, or [`PEOPLE_NOUNS`].
pub fn names_somebody(lower: &str) -> bool {
    use byline_core::nouns::{Noun, noun_class};
    let singular = lower.strip_suffix('s').unwrap_or(lower);
    matches!(noun_class(lower), Some(Noun::Person | Noun::Organization))
        || PEOPLE_NOUNS.contains(&lower)
        || PEOPLE_NOUNS.contains(&singular)
}

/// Whether a word is a reflexive pronoun ("himself", "themselves"): nobody takes a
/// stance towards themselves, so it is never a target.
pub fn is_reflexive(word: &str) -> bool {
    let lower = word.to_lowercase();
    matches!(
        lower.as_str(),
        "myself"
            | "yourself"
            | "himself"
            | "herself"
            | "itself"
            | "oneself"
            | "ourselves"
            | "yourselves"
            | "themselves"
            | "themself"
    )
}

/// Negators that flip a predicate in front of it.
pub const NEGATORS: &[&str] = &["not", "n't", "n’t", "never", "no", "nor", "without"];

/// `base` turned around when `negated` ("did not support" is against).
pub fn negated(base: Polarity, negated: bool) -> Polarity {
    match (base, negated) {
        (Polarity::Positive, true) => Polarity::Negative,
        (Polarity::Negative, true) => Polarity::Positive,
        (b, _) => b,
    }
}

/// Whether a token negates: a negator, or a contraction with one ("didn't", "won’t").
pub fn is_negator(word: &str) -> bool {
    // No allocation: this runs on every token the portrayal features read.
    let ends_with = |suffix: &str| {
        let cut = word.len().wrapping_sub(suffix.len());
        word.len() >= suffix.len() && word.is_char_boundary(cut) && word[cut..].eq_ignore_ascii_case(suffix)
    };
    NEGATORS.iter().any(|n| n.eq_ignore_ascii_case(word)) || ends_with("n't") || ends_with("n’t")
}
