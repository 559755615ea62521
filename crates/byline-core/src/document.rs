//! [`Document`]: an article with its segmentation and every extracted layer.

use crate::CivilDate;
use crate::article::Article;
use crate::layers::{Cluster, Entity, Mention, Quote, Stance, TargetSentiment, TimeExpr};
use crate::output::OutputRecord;
use crate::segment::{Paragraph, Sentence, Token, segment};
use crate::span::Span;
use crate::syntax::Syntax;
use std::collections::BTreeMap;

/// An analysed article: text, segmentation and layers (all spans in bytes).
#[derive(Clone, Debug, Default)]
pub struct Document {
    /// The article's id.
    pub id: String,
    /// The article text.
    pub text: String,
    /// Publication date, if known.
    pub published: Option<CivilDate>,
    /// Spans the caller asked about (see `target_sentiment`).
    pub targets: Vec<Span>,
    /// Paragraphs in text order.
    pub paragraphs: Vec<Paragraph>,
    /// Sentences in text order.
    pub sentences: Vec<Sentence>,
    /// Tokens in text order.
    pub tokens: Vec<Token>,
    /// Syntactic words with tags, lemmas and dependency trees (`Layer::Syntax`).
    pub syntax: Syntax,
    /// Entity mentions in text order.
    pub entities: Vec<Entity>,
    /// Entity clusters; `clusters[i].id == i`.
    pub clusters: Vec<Cluster>,
    /// Every name, pronoun and description linked to a cluster, in text order
    /// (`Layer::Mentions`).
    pub mentions: Vec<Mention>,
    /// Quotes in text order.
    pub quotes: Vec<Quote>,
    /// Temporal expressions in text order.
    pub dates: Vec<TimeExpr>,
    /// Stances.
    pub stances: Vec<Stance>,
    /// How each PER/ORG mention (and each given target) is portrayed.
    pub target_sentiment: Vec<TargetSentiment>,
    /// Layers of plug-in extractors, by extractor name.
    pub extra: BTreeMap<String, serde_json::Value>,
    /// What was ignored in the input (see [`Article::warnings`]).
    pub warnings: Vec<String>,
}

impl Document {
    /// Segments the article (and warns when its text looks like another language); every
    /// extracted layer starts empty.
    pub fn new(article: Article) -> Self {
        let seg = segment(&article.text);
        let mut warnings = article.warnings;
        // A text in another language is still analysed, with a warning.
        warnings.extend(crate::language::warning(&article.text));
        Document {
            id: article.id,
            text: article.text,
            published: article.published,
            targets: article.targets,
            warnings,
            paragraphs: seg.paragraphs,
            sentences: seg.sentences,
            tokens: seg.tokens,
            ..Document::default()
        }
    }

    /// The text of a span.
    pub fn span_text(&self, span: Span) -> &str {
        span.slice(&self.text)
    }

    /// The tokens of sentence `index`.
    pub fn sentence_tokens(&self, index: usize) -> &[Token] {
        &self.tokens[self.sentences[index].tokens.clone()]
    }

    /// Index of the sentence containing byte `pos`, if any.
    pub fn sentence_at(&self, pos: usize) -> Option<usize> {
        let i = self.sentences.partition_point(|s| s.span.end <= pos);
        (i < self.sentences.len() && self.sentences[i].span.start <= pos).then_some(i)
    }

    /// Indices of the tokens that lie inside `span`.
    pub fn tokens_in(&self, span: Span) -> std::ops::Range<usize> {
        let start = self.tokens.partition_point(|t| t.span.start < span.start);
        let end = self.tokens.partition_point(|t| t.span.end <= span.end);
        start..end.max(start)
    }

    /// Indices of the tokens that overlap `span` (a mention may end inside a token:
    /// "Russia" in "Russia’s").
    pub fn tokens_overlapping(&self, span: Span) -> std::ops::Range<usize> {
        let start = self.tokens.partition_point(|t| t.span.end <= span.start);
        let end = self.tokens.partition_point(|t| t.span.start < span.end);
        start..end.max(start)
    }

    /// The text of token `index`.
    pub fn token_text(&self, index: usize) -> &str {
        self.tokens[index].span.slice(&self.text)
    }

    /// Index of the entity mention that covers token `index`, if any (none past the last
    /// token).
    pub fn entity_at_token(&self, index: usize) -> Option<usize> {
        let span = self.tokens.get(index)?.span;
        let i = self.entities.partition_point(|e| e.span.end <= span.start);
        (i < self.entities.len() && self.entities[i].span.start <= span.start).then_some(i)
    }

    /// The output record (code-point offsets) of this document.
    pub fn to_output(&self) -> OutputRecord {
        OutputRecord::from_document(self)
    }

    /// One line of JSON output (no trailing newline).
    pub fn to_json(&self) -> String {
        self.to_output().to_json()
    }
}
