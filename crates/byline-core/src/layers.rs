//! The typed layers extractors write into a [`crate::Document`]. All spans are byte
//! ranges; [`crate::output`] converts them to code points for JSON and Python.

use crate::span::Span;
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};
use std::fmt;

/// CoNLL entity labels.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize, JsonSchema)]
pub enum EntityLabel {
    /// Person.
    #[serde(rename = "PER")]
    Per,
    /// Organisation.
    #[serde(rename = "ORG")]
    Org,
    /// Location.
    #[serde(rename = "LOC")]
    Loc,
    /// Other names (nationalities, events, works …).
    #[serde(rename = "MISC")]
    Misc,
}

impl EntityLabel {
    /// The CoNLL spelling: "PER", "ORG", "LOC" or "MISC".
    pub fn as_str(self) -> &'static str {
        match self {
            EntityLabel::Per => "PER",
            EntityLabel::Org => "ORG",
            EntityLabel::Loc => "LOC",
            EntityLabel::Misc => "MISC",
        }
    }
}

impl fmt::Display for EntityLabel {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// One entity mention.
#[derive(Clone, Debug, PartialEq)]
pub struct Entity {
    /// Where the mention is.
    pub span: Span,
    /// Its label.
    pub label: EntityLabel,
    /// Index of its cluster in `Document::clusters`.
    pub cluster: usize,
}

/// What kind of words refer to a cluster at a [`Mention`].
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "lowercase")]
pub enum MentionKind {
    /// A name ("Dmitry Peskov", "the Kremlin"): one of `Document::entities`.
    Name,
    /// A personal, possessive or reflexive pronoun ("he", "her", "themselves").
    Pronoun,
    /// A description ("the spokesman", "the company").
    Nominal,
}

impl MentionKind {
    /// The JSON spelling: "name", "pronoun" or "nominal".
    pub fn as_str(self) -> &'static str {
        match self {
            MentionKind::Name => "name",
            MentionKind::Pronoun => "pronoun",
            MentionKind::Nominal => "nominal",
        }
    }
}

/// Words that refer to a cluster: a name, a pronoun or a description.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Mention {
    /// Where the words are.
    pub span: Span,
    /// Index of the cluster in `Document::clusters`.
    pub cluster: usize,
    /// Name, pronoun or description.
    pub kind: MentionKind,
}

/// All mentions of one referent in an article.
#[derive(Clone, Debug, PartialEq)]
pub struct Cluster {
    /// Index of this cluster (equal to its position in `Document::clusters`).
    pub id: usize,
    /// Canonical name (the longest name mention, e.g. "Dmitry Peskov").
    pub name: String,
    /// Label of the cluster.
    pub label: EntityLabel,
    /// Indices of its mentions in `Document::entities`, in text order.
    pub mentions: Vec<usize>,
    /// Roles and titles ("Kremlin spokesperson"), in order of first appearance.
    pub roles: Vec<String>,
}

/// How a quote is reported.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "lowercase")]
pub enum QuoteKind {
    /// Words inside quotation marks.
    Direct,
    /// Reported speech without quotation marks ("X said that …").
    Indirect,
    /// Reported speech containing a quoted fragment.
    Mixed,
}

impl QuoteKind {
    /// The output spelling: "direct", "indirect" or "mixed".
    pub fn as_str(self) -> &'static str {
        match self {
            QuoteKind::Direct => "direct",
            QuoteKind::Indirect => "indirect",
            QuoteKind::Mixed => "mixed",
        }
    }
}

/// What an attribution reports: words said or written, or a state of mind.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "lowercase")]
pub enum QuoteAct {
    /// Communication, spoken or written: said, told, announced, tweeted, "according to",
    /// "in a statement", a report that says or finds. What a newsroom calls a quote.
    #[default]
    Statement,
    /// A belief, intention, perception or feeling (believes, wants, plans, fears, saw),
    /// or communication the text says did not or might happen ("did not say").
    Thought,
}

impl QuoteAct {
    /// The output spelling: "statement" or "thought".
    pub fn as_str(self) -> &'static str {
        match self {
            QuoteAct::Statement => "statement",
            QuoteAct::Thought => "thought",
        }
    }
}

/// What kind of source a quote's speaker is.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "lowercase")]
pub enum SpeakerKind {
    /// A person: resolved to a PER cluster.
    Person,
    /// An organisation, government or place speaking as one ("the ministry", "Russia").
    Organization,
    /// A report, study, statement, poll, filing … ("a Pentagon report found").
    Document,
    /// Unnamed people ("a source", "officials", "the spokesman" nobody is named as).
    Anonymous,
    /// A pronoun or relative word whose referent the article does not name.
    Pronoun,
    /// None of these (or not known).
    #[default]
    None,
}

impl SpeakerKind {
    /// The output spelling: "person", "organization", "document", "anonymous",
    /// "pronoun" or "none".
    pub fn as_str(self) -> &'static str {
        match self {
            SpeakerKind::Person => "person",
            SpeakerKind::Organization => "organization",
            SpeakerKind::Document => "document",
            SpeakerKind::Anonymous => "anonymous",
            SpeakerKind::Pronoun => "pronoun",
            SpeakerKind::None => "none",
        }
    }
}

/// Who said a quote.
#[derive(Clone, Debug, PartialEq)]
pub struct Speaker {
    /// The speaker mention in the text ("Peskov", "He", "the spokesperson").
    pub span: Span,
    /// The entity cluster the speaker resolves to, if any.
    pub cluster: Option<usize>,
    /// The cluster's canonical name, or the mention text when unresolved.
    pub name: String,
    /// What kind of source it is.
    pub kind: SpeakerKind,
}

/// One quote.
#[derive(Clone, Debug, PartialEq)]
pub struct Quote {
    /// From the first to the last content fragment, without outer quotation marks.
    pub span: Span,
    /// Direct, indirect or mixed.
    pub kind: QuoteKind,
    /// A statement (said or written) or a thought (believed, intended, perceived).
    pub act: QuoteAct,
    /// The content fragments (one unless the attribution splits the quote).
    pub spans: Vec<Span>,
    /// The speaker, if given.
    pub speaker: Option<Speaker>,
    /// The cue ("said", "according to"), if any.
    pub cue: Option<Span>,
    /// Index into `Document::dates` of when the statement was made, if the text says.
    pub date: Option<usize>,
    /// How likely it is a real attribution with the right extent and speaker, in [0, 1]
    /// (calibrated on held-out PolNeAR articles; 1 when nothing scored it).
    pub score: f64,
}

/// TIMEX3 types.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "UPPERCASE")]
pub enum TimexType {
    /// A calendar date or period ("Friday", "March 2025").
    Date,
    /// A time of day ("4 a.m.").
    Time,
    /// A length of time ("a few days").
    Duration,
    /// A recurrence ("each Thursday").
    Set,
}

impl TimexType {
    /// The TIMEX3 spelling: "DATE", "TIME", "DURATION" or "SET".
    pub fn as_str(self) -> &'static str {
        match self {
            TimexType::Date => "DATE",
            TimexType::Time => "TIME",
            TimexType::Duration => "DURATION",
            TimexType::Set => "SET",
        }
    }
}

/// One temporal expression.
#[derive(Clone, Debug, PartialEq)]
pub struct TimeExpr {
    /// Where the expression is.
    pub span: Span,
    /// Its TIMEX3 type.
    pub kind: TimexType,
    /// Its TIMEX3 value ("2025-04-18", "PXD", "XXXX-WXX-4").
    pub value: String,
}

/// Polarity of a stance or a portrayal.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "lowercase")]
pub enum Polarity {
    /// For, approving, favourable.
    Positive,
    /// Against, disapproving, unfavourable.
    Negative,
    /// Neither.
    Neutral,
}

impl Polarity {
    /// The output spelling: "positive", "negative" or "neutral".
    pub fn as_str(self) -> &'static str {
        match self {
            Polarity::Positive => "positive",
            Polarity::Negative => "negative",
            Polarity::Neutral => "neutral",
        }
    }
}

/// The one who holds a stance.
#[derive(Clone, Debug, PartialEq)]
pub struct StanceHolder {
    /// The holder's entity cluster, if resolved.
    pub cluster: Option<usize>,
    /// The holder's name.
    pub name: String,
}

/// What a stance is about.
#[derive(Clone, Debug, PartialEq)]
pub struct StanceTarget {
    /// The target mention: a name, pronoun or description, or a topic's whole phrase.
    pub span: Span,
    /// The target's entity cluster, if it is a resolved entity.
    pub cluster: Option<usize>,
    /// Whether the target is somebody or something named, or an issue.
    pub kind: TargetKind,
}

/// What kind of thing a stance target is.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum TargetKind {
    /// Somebody or something named: a person, organisation, place or other named thing
    /// ("Senator Smith", a name no cluster holds), or people and groups named by a noun
    /// ("the workers", "the committee").
    #[default]
    Entity,
    /// An issue, policy, event or idea, as a whole phrase ("the plan to expand overtime
    /// pay").
    Topic,
}

impl TargetKind {
    /// The output spelling: "entity" or "topic".
    pub fn as_str(self) -> &'static str {
        match self {
            TargetKind::Entity => "entity",
            TargetKind::Topic => "topic",
        }
    }
}

/// holder → target → polarity, with evidence.
#[derive(Clone, Debug, PartialEq)]
pub struct Stance {
    /// Who holds the stance.
    pub holder: StanceHolder,
    /// What it is about.
    pub target: StanceTarget,
    /// For or against.
    pub polarity: Polarity,
    /// Confidence in [0, 1].
    pub score: f64,
    /// The words that express the stance.
    pub evidence: Span,
    /// Index into `Document::quotes` when the stance is expressed in a quote.
    pub quote: Option<usize>,
    /// Whose words express it: the narrator's, or a quote's.
    pub channel: StanceChannel,
}

/// Whose words express a stance.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum StanceChannel {
    /// The article's own words ("Medvedev expressed his approval of …").
    #[default]
    Narration,
    /// A direct quote: the holder's words in quotation marks.
    DirectQuote,
    /// Reported speech ("Peskov noted that Ukraine had not adhered to it"), mixed quotes
    /// included.
    IndirectQuote,
}

impl StanceChannel {
    /// The output spelling: "narration", "direct_quote" or "indirect_quote".
    pub fn as_str(self) -> &'static str {
        match self {
            StanceChannel::Narration => "narration",
            StanceChannel::DirectQuote => "direct_quote",
            StanceChannel::IndirectQuote => "indirect_quote",
        }
    }

    /// The channel of a stance expressed in a quote of `kind`.
    pub fn of_quote(kind: QuoteKind) -> Self {
        match kind {
            QuoteKind::Direct => StanceChannel::DirectQuote,
            QuoteKind::Indirect | QuoteKind::Mixed => StanceChannel::IndirectQuote,
        }
    }
}

/// How a sentence portrays one mention (the NewsMTSC task).
#[derive(Clone, Debug, PartialEq)]
pub struct TargetSentiment {
    /// The mention.
    pub span: Span,
    /// Its cluster, if it is an entity mention.
    pub cluster: Option<usize>,
    /// Positive, neutral or negative.
    pub polarity: Polarity,
    /// Confidence in [0, 1].
    pub score: f64,
}

#[cfg(test)]
mod tests {
    use super::*;

    /// `as_str` (what the Python objects show) is the serde spelling (what the JSON holds).
    #[test]
    fn as_str_is_the_serialised_spelling() {
        fn same<T: Serialize>(value: T, shown: &str) {
            assert_eq!(serde_json::to_value(value).unwrap(), shown);
        }
        for l in [EntityLabel::Per, EntityLabel::Org, EntityLabel::Loc, EntityLabel::Misc] {
            same(l, l.as_str());
        }
        for k in [QuoteKind::Direct, QuoteKind::Indirect, QuoteKind::Mixed] {
            same(k, k.as_str());
        }
        for t in [TimexType::Date, TimexType::Time, TimexType::Duration, TimexType::Set] {
            same(t, t.as_str());
        }
        for p in [Polarity::Positive, Polarity::Negative, Polarity::Neutral] {
            same(p, p.as_str());
        }
        for c in [
            StanceChannel::Narration,
            StanceChannel::DirectQuote,
            StanceChannel::IndirectQuote,
        ] {
            same(c, c.as_str());
        }
    }
}
