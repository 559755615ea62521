//! The JSON output contract: one [`OutputRecord`] per input line, all offsets in
//! Unicode code points so that `text[start:end] == span.text` in Python.
//! The schema is documented in `schema/output.schema.json` at the repository root.

use crate::document::Document;
use crate::error::ArticleError;
use crate::layers::{
    EntityLabel, MentionKind, Polarity, QuoteAct, QuoteKind, SpeakerKind, StanceChannel, TargetKind, TimexType,
};
use crate::offsets::CharIndex;
use crate::span::Span;
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// A span of text in code points, with the text it covers.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct TextSpan {
    /// First code point.
    pub start: usize,
    /// One past the last code point.
    pub end: usize,
    /// `text[start:end]`.
    pub text: String,
}

/// An entity mention in the output.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct EntityOut {
    /// First code point.
    pub start: usize,
    /// One past the last code point.
    pub end: usize,
    /// The mention text.
    pub text: String,
    /// PER, ORG, LOC or MISC.
    pub label: EntityLabel,
    /// Index into `clusters`.
    pub cluster: usize,
}

/// A cluster in the output.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct ClusterOut {
    /// Its index in `clusters`.
    pub id: usize,
    /// Canonical name.
    pub name: String,
    /// Label.
    pub label: EntityLabel,
    /// Indices into `entities`.
    pub mentions: Vec<usize>,
    /// Roles and titles.
    pub roles: Vec<String>,
}

/// A mention in the output: a name, pronoun or description linked to its cluster.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct MentionOut {
    /// First code point.
    pub start: usize,
    /// One past the last code point.
    pub end: usize,
    /// `text[start:end]`.
    pub text: String,
    /// Index into `clusters`.
    pub cluster: usize,
    /// "name", "pronoun" or "nominal".
    pub kind: MentionKind,
}

/// A quote's speaker in the output.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct SpeakerOut {
    /// First code point of the speaker mention.
    pub start: usize,
    /// One past its last code point.
    pub end: usize,
    /// The speaker mention text.
    pub text: String,
    /// Index into `clusters`, if resolved.
    pub cluster: Option<usize>,
    /// Canonical name.
    pub name: String,
    /// "person", "organization", "document", "anonymous", "pronoun" (unresolved) or
    /// "none" (added in issue 20; records written before it read as "none").
    #[serde(default)]
    pub kind: SpeakerKind,
}

/// A quote in the output.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct QuoteOut {
    /// First code point of the content (after any opening quotation mark).
    pub start: usize,
    /// One past the last code point of the content (before any closing quotation mark).
    pub end: usize,
    /// `text[start:end]`: from the first fragment to the last, so a quote split by its
    /// attribution contains the attribution too (see `content`).
    pub text: String,
    /// The quote's own words: its fragments (`spans`) joined by a single space.
    #[serde(default)]
    pub content: String,
    /// direct, indirect or mixed.
    pub kind: QuoteKind,
    /// "statement" (said or written) or "thought" (a belief, intention or perception;
    /// only with `--attributions all`). Added in issue 30; records written before it read
    /// as "statement".
    #[serde(default)]
    pub act: QuoteAct,
    /// Content fragments as `[start, end]` pairs.
    pub spans: Vec<[usize; 2]>,
    /// Who said it.
    pub speaker: Option<SpeakerOut>,
    /// The speaker's resolved name (its cluster's canonical name, else the mention text):
    /// `speaker.name` repeated where quote scorers look for it.
    #[serde(default)]
    pub speaker_name: Option<String>,
    /// The cue.
    pub cue: Option<TextSpan>,
    /// Index into `dates` of when it was said.
    #[serde(default)]
    pub date: Option<usize>,
    /// How likely the quote is right (content, kind and speaker), in [0, 1], calibrated
    /// on held-out PolNeAR articles (added in issue 20; records written before it read as 1).
    #[serde(default = "unscored")]
    pub score: f64,
}

fn unscored() -> f64 {
    1.0
}

/// A temporal expression in the output.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct DateOut {
    /// First code point.
    pub start: usize,
    /// One past the last code point.
    pub end: usize,
    /// The expression text.
    pub text: String,
    /// DATE, TIME, DURATION or SET.
    #[serde(rename = "type")]
    pub kind: TimexType,
    /// TIMEX3 value.
    pub value: String,
}

/// A stance holder in the output.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct HolderOut {
    /// Index into `clusters`, if resolved.
    pub cluster: Option<usize>,
    /// Name of the holder.
    pub name: String,
}

/// A stance target in the output.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct TargetOut {
    /// First code point.
    pub start: usize,
    /// One past the last code point.
    pub end: usize,
    /// The target text.
    pub text: String,
    /// Index into `clusters`, if a resolved entity.
    pub cluster: Option<usize>,
    /// entity (somebody or something named) or topic (an issue, policy or idea); records
    /// written before the field existed read as entity.
    #[serde(default)]
    pub kind: TargetKind,
}

/// An evidence span (code points) in the output.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct EvidenceOut {
    /// First code point.
    pub start: usize,
    /// One past the last code point.
    pub end: usize,
    /// The evidence text.
    #[serde(default)]
    pub text: String,
}

/// A stance in the output.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct StanceOut {
    /// Who.
    pub holder: HolderOut,
    /// About what.
    pub target: TargetOut,
    /// positive, negative or neutral.
    pub polarity: Polarity,
    /// Confidence in [0, 1].
    #[schemars(range(min = 0.0, max = 1.0))]
    pub score: f64,
    /// Where the stance is expressed.
    pub evidence: EvidenceOut,
    /// Index into `quotes`, if expressed in a quote.
    pub quote: Option<usize>,
    /// narration, direct_quote or indirect_quote.
    #[serde(default)]
    pub channel: StanceChannel,
}

/// A target-sentiment entry in the output.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct TargetSentimentOut {
    /// First code point.
    pub start: usize,
    /// One past the last code point.
    pub end: usize,
    /// The mention text.
    pub text: String,
    /// Index into `clusters`, if an entity.
    pub cluster: Option<usize>,
    /// positive, neutral or negative.
    pub polarity: Polarity,
    /// Confidence in [0, 1].
    #[schemars(range(min = 0.0, max = 1.0))]
    pub score: f64,
}

/// A syntactic word in the output (the `tokens` layer, written only when asked for).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct TokenOut {
    /// First code point.
    pub start: usize,
    /// One past the last code point.
    pub end: usize,
    /// `text[start:end]`: a whole token, a part of one ("do" of "don't") or several joined
    /// ("U.S.").
    pub text: String,
    /// Dictionary form.
    pub lemma: String,
    /// Universal part of speech (UD v2).
    pub upos: String,
    /// Penn Treebank tag.
    pub xpos: String,
    /// Index into `tokens` of its head; `null` for a sentence's root.
    pub head: Option<usize>,
    /// Universal Dependencies relation to its head (`root` for the root).
    pub dep: String,
}

/// One output line: the analysis of one article, or an error record.
///
/// One JSON line per input line, in input order. All offsets are Unicode code points into
/// the article text: `text[start:end] == span.text`. On error, `error` holds the message
/// and every layer is empty. Fields are only ever added, never renamed.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct OutputRecord {
    /// The input id (numbers in their JSON form), or the line number when absent
    /// (`path:line` with several inputs).
    pub id: String,
    /// `null` on success; the message when the article failed (then every layer is empty).
    pub error: Option<String>,
    /// The publication date the analysis used (`YYYY-MM-DD`), `null` when there was none
    /// or it could not be read (then `warnings` says so); `null` in error records.
    #[serde(default)]
    #[schemars(regex(pattern = r"^[0-9]{4}-[0-9]{2}-[0-9]{2}$"))]
    pub published: Option<String>,
    /// What was ignored in the input without losing the text; absent when empty.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub warnings: Vec<String>,
    /// Input fields copied verbatim at the caller's request (`byline extract --keep`);
    /// absent when none were asked for.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub meta: Option<BTreeMap<String, serde_json::Value>>,
    /// The text byline analysed, when it made it from the input's (HTML turned into
    /// article text by `byline extract`); every offset indexes it. Absent when the input's
    /// text was analysed as it is.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub text: Option<String>,
    /// Entity mentions.
    pub entities: Vec<EntityOut>,
    /// Entity clusters.
    pub clusters: Vec<ClusterOut>,
    /// Every name, personal/possessive/reflexive pronoun and description linked to the
    /// cluster it refers to, in text order (unresolved ones are left out).
    #[serde(default)]
    pub mentions: Vec<MentionOut>,
    /// Quotes.
    pub quotes: Vec<QuoteOut>,
    /// Temporal expressions.
    pub dates: Vec<DateOut>,
    /// Stances.
    pub stances: Vec<StanceOut>,
    /// How each PER/ORG mention and each input target span is portrayed.
    #[serde(default)]
    pub target_sentiment: Vec<TargetSentimentOut>,
    /// Layers of plug-in extractors, by extractor name.
    #[serde(default)]
    pub extra: BTreeMap<String, serde_json::Value>,
    /// Syntactic words with tags, lemmas and dependency heads; absent unless asked for
    /// (`byline extract --tokens`, `Pipeline(tokens=True)`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub tokens: Option<Vec<TokenOut>>,
    /// Each sentence's tokens as a `[start, end)` range of indices into `tokens`; absent
    /// unless `tokens` is there.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub sentences: Option<Vec<[usize; 2]>>,
}

/// Turns byte spans into code-point spans, remembering the first span that does not fit
/// the text (an extractor bug) instead of panicking on it.
struct Converter<'d> {
    text: &'d str,
    index: CharIndex,
    bad: std::cell::Cell<Option<Span>>,
}

impl Converter<'_> {
    fn fits(&self, span: Span) -> bool {
        span.start <= span.end
            && span.end <= self.text.len()
            && self.text.is_char_boundary(span.start)
            && self.text.is_char_boundary(span.end)
    }
    fn checked(&self, span: Span) -> Option<Span> {
        if self.fits(span) {
            Some(span)
        } else {
            if self.bad.get().is_none() {
                self.bad.set(Some(span));
            }
            None
        }
    }
    fn cp(&self, byte: usize) -> usize {
        self.index.char_offset(self.text, byte)
    }
    fn range(&self, span: Span) -> (usize, usize) {
        self.checked(span)
            .map_or((0, 0), |s| (self.cp(s.start), self.cp(s.end)))
    }
    fn text_span(&self, span: Span) -> TextSpan {
        match self.checked(span) {
            Some(s) => TextSpan {
                start: self.cp(s.start),
                end: self.cp(s.end),
                text: s.slice(self.text).to_owned(),
            },
            None => TextSpan {
                start: 0,
                end: 0,
                text: String::new(),
            },
        }
    }
    fn slice(&self, span: Span) -> &str {
        self.checked(span).map_or("", |s| s.slice(self.text))
    }
}

impl OutputRecord {
    /// An error record for a failed article.
    pub fn from_error(error: &ArticleError) -> Self {
        OutputRecord {
            id: error.id.clone(),
            error: Some(error.message.clone()),
            published: None,
            warnings: Vec::new(),
            meta: None,
            text: None,
            entities: Vec::new(),
            clusters: Vec::new(),
            mentions: Vec::new(),
            quotes: Vec::new(),
            dates: Vec::new(),
            stances: Vec::new(),
            target_sentiment: Vec::new(),
            extra: BTreeMap::new(),
            tokens: None,
            sentences: None,
        }
    }

    /// The output record of an analysed document; never panics: a span that does not fit
    /// the text (an extractor bug) makes it an error record for the document's id.
    pub fn from_document(doc: &Document) -> Self {
        Self::try_from_document(doc).unwrap_or_else(|message| Self::from_document_error(doc, message))
    }

    /// The output record of an analysed document, or why it cannot be made: a span of some
    /// layer that is reversed, past the end of the text or not on character boundaries.
    pub fn try_from_document(doc: &Document) -> Result<Self, String> {
        Self::convert(doc, false)
    }

    /// The output record of an analysed document with its `tokens` and `sentences`
    /// layers; an error record, as [`OutputRecord::from_document`], when a span does not
    /// fit the text.
    pub fn from_document_with_tokens(doc: &Document) -> Self {
        Self::convert(doc, true).unwrap_or_else(|message| Self::from_document_error(doc, message))
    }

    /// Every layer in code points (the tokens layer when asked for), each span checked
    /// once, with one code-point index of the text.
    fn convert(doc: &Document, with_tokens: bool) -> Result<Self, String> {
        let c = Converter {
            text: &doc.text,
            index: CharIndex::new(&doc.text),
            bad: std::cell::Cell::new(None),
        };
        let entities = doc
            .entities
            .iter()
            .map(|e| {
                let t = c.text_span(e.span);
                EntityOut {
                    start: t.start,
                    end: t.end,
                    text: t.text,
                    label: e.label,
                    cluster: e.cluster,
                }
            })
            .collect();
        let clusters = doc
            .clusters
            .iter()
            .map(|k| ClusterOut {
                id: k.id,
                name: k.name.clone(),
                label: k.label,
                mentions: k.mentions.clone(),
                roles: k.roles.clone(),
            })
            .collect();
        let mentions = doc
            .mentions
            .iter()
            .map(|m| {
                let t = c.text_span(m.span);
                MentionOut {
                    start: t.start,
                    end: t.end,
                    text: t.text,
                    cluster: m.cluster,
                    kind: m.kind,
                }
            })
            .collect();
        let quotes = doc
            .quotes
            .iter()
            .map(|q| {
                let t = c.text_span(q.span);
                QuoteOut {
                    start: t.start,
                    end: t.end,
                    text: t.text,
                    content: q.spans.iter().map(|s| c.slice(*s)).collect::<Vec<_>>().join(" "),
                    kind: q.kind,
                    act: q.act,
                    spans: q.spans.iter().map(|s| <[usize; 2]>::from(c.range(*s))).collect(),
                    speaker: q.speaker.as_ref().map(|s| {
                        let t = c.text_span(s.span);
                        SpeakerOut {
                            start: t.start,
                            end: t.end,
                            text: t.text,
                            cluster: s.cluster,
                            name: s.name.clone(),
                            kind: s.kind,
                        }
                    }),
                    speaker_name: q.speaker.as_ref().map(|s| s.name.clone()),
                    cue: q.cue.map(|s| c.text_span(s)),
                    date: q.date,
                    score: q.score,
                }
            })
            .collect();
        let dates = doc
            .dates
            .iter()
            .map(|d| {
                let t = c.text_span(d.span);
                DateOut {
                    start: t.start,
                    end: t.end,
                    text: t.text,
                    kind: d.kind,
                    value: d.value.clone(),
                }
            })
            .collect();
        let stances = doc
            .stances
            .iter()
            .map(|s| {
                let t = c.text_span(s.target.span);
                let ev = c.text_span(s.evidence);
                StanceOut {
                    holder: HolderOut {
                        cluster: s.holder.cluster,
                        name: s.holder.name.clone(),
                    },
                    target: TargetOut {
                        start: t.start,
                        end: t.end,
                        text: t.text,
                        cluster: s.target.cluster,
                        kind: s.target.kind,
                    },
                    polarity: s.polarity,
                    score: s.score,
                    evidence: EvidenceOut {
                        start: ev.start,
                        end: ev.end,
                        text: ev.text,
                    },
                    quote: s.quote,
                    channel: s.channel,
                }
            })
            .collect();
        let target_sentiment = doc
            .target_sentiment
            .iter()
            .map(|s| {
                let t = c.text_span(s.span);
                TargetSentimentOut {
                    start: t.start,
                    end: t.end,
                    text: t.text,
                    cluster: s.cluster,
                    polarity: s.polarity,
                    score: s.score,
                }
            })
            .collect();
        let tokens = with_tokens.then(|| {
            doc.syntax
                .words
                .iter()
                .map(|w| {
                    let t = c.text_span(w.span);
                    TokenOut {
                        start: t.start,
                        end: t.end,
                        text: t.text,
                        lemma: w.lemma.clone(),
                        upos: w.upos.as_str().to_owned(),
                        xpos: w.xpos.as_str().to_owned(),
                        head: w.head,
                        dep: w.deprel.as_str().to_owned(),
                    }
                })
                .collect()
        });
        if let Some(bad) = c.bad.get() {
            return Err(format!(
                "an extractor wrote the span [{}, {}) (bytes), which does not fit the text of {} bytes; the article cannot be output",
                bad.start,
                bad.end,
                doc.text.len()
            ));
        }
        Ok(OutputRecord {
            id: doc.id.clone(),
            error: None,
            published: doc.published.map(|d| d.to_string()),
            warnings: doc.warnings.clone(),
            meta: None,
            text: None,
            entities,
            clusters,
            mentions,
            quotes,
            dates,
            stances,
            target_sentiment,
            extra: doc.extra.clone(),
            sentences: with_tokens.then(|| doc.syntax.sentences.iter().map(|r| [r.start, r.end]).collect()),
            tokens,
        })
    }

    fn from_document_error(doc: &Document, message: String) -> Self {
        Self::from_error(&ArticleError {
            field: None,
            id: doc.id.clone(),
            kind: crate::error::ArticleErrorKind::Extraction,
            message,
        })
    }

    /// The record with `meta` set to the kept input fields (`None`: nothing was asked).
    pub fn with_meta(mut self, meta: Option<BTreeMap<String, serde_json::Value>>) -> Self {
        self.meta = meta;
        self
    }

    /// The record as one line of JSON (no trailing newline).
    pub fn to_json(&self) -> String {
        serde_json::to_string(self).expect("output records always serialise")
    }
}
