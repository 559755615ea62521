//! Quotes for byline: who said what. Direct, indirect and mixed attributions with their
//! cue, speaker and act (statement or thought), resolved to entity clusters.
//!
//! [`find_quotes`] takes a document along one path, each step a module visited once:
//! 1. **Cues** (`cues`): the attributions written in the text, each a cue with the
//!    source and content around it — from the trained labeller, the reporting patterns
//!    where it found no statement, and (with a syntax layer) the parse's candidates.
//! 2. **Content** (`content`): what each attribution quotes — its quotation, kind and
//!    act (statement or thought) — and whether it is a quote at all.
//! 3. **Source** (`source`): who says it, as written.
//! 4. **Speaker** (`speaker`): the source resolved to an entity cluster, in the order
//!    sources are written; continued quotes take the last speaker.
//! 5. **Score** (`score`): the calibrated probability that the quote is right.
//!
//! The steps read helpers that hold no step of their own: quotation marks paired into
//! quotes and titles (`marks`), the labeller's features, tags and grouping (`features`,
//! `parse`, `tags`, `assemble`), reporting patterns (`patterns`), parse candidates
//! (`candidates`), direct quotations (`direct`), boilerplate lines (`lines`), the
//! communication lexicon (`act`), noun phrases around a cue (`phrases`), clusters and
//! kinds of speakers (`resolve`, `speaker_kind`). The extractor then keeps what the
//! layer holds: statements (unless `--attributions all`) scoring at least the minimum
//! score.

#![warn(missing_docs)]

mod act;
mod assemble;
mod candidates;
mod content;
mod cues;
mod direct;
mod features;
mod lines;
mod marks;
mod parse;
mod patterns;
mod phrases;
mod resolve;
mod score;
mod source;
mod speaker;
mod speaker_kind;
mod tags;
pub mod train;

pub use content::kind_of;
pub use features::CueLexicon;
pub use score::{QuoteScorer, quote_features};

use byline_core::{Document, ExtractError, Extractor, Layer, Quote, QuoteAct, Span};
use features::token_infos;
use std::ops::Range;
use std::sync::LazyLock;

/// The attribution labeller: a linear-chain model over the seven role tags.
pub type AttributionModel = byline_learn::Model<{ tags::N_TAGS }>;

/// Magic bytes opening an attribution model file.
pub const MODEL_MAGIC: &[u8; 8] = b"BYLQUO01";

static MODEL_BYTES: &[u8] = include_bytes!("../model/attribution.bin");
static PARSED_MODEL_BYTES: &[u8] = include_bytes!("../model/attribution_parsed.bin");
static LEXICON_TSV: &str = include_str!("../model/cue_words.tsv");
static SCORES_TSV: &str = include_str!("../model/quote_scores.tsv");
static PARSED_SCORES_TSV: &str = include_str!("../model/quote_scores_parsed.tsv");
static CANDIDATES_TSV: &str = include_str!("../model/quote_candidates.tsv");

/// The labeller packed for decoding.
pub type PackedAttributionModel = byline_learn::Packed<{ tags::N_TAGS }>;

/// The shipped labeller and cue lexicon (see `model/README.md`), decoded once.
pub fn shipped() -> &'static (PackedAttributionModel, CueLexicon) {
    static SHIPPED: LazyLock<(PackedAttributionModel, CueLexicon)> = LazyLock::new(|| {
        let model = AttributionModel::from_bytes(MODEL_BYTES, MODEL_MAGIC)
            .expect("the shipped attribution model is valid (checked by a test)");
        let lexicon = CueLexicon::from_tsv(LEXICON_TSV).expect("the shipped cue lexicon is valid (checked by a test)");
        (PackedAttributionModel::new(&model), lexicon)
    });
    &SHIPPED
}

/// The labeller trained on parsed text (`byline train quotes --syntax`), for documents
/// with a syntax layer; it shares the cue lexicon of [`shipped`].
pub fn shipped_parsed() -> &'static PackedAttributionModel {
    static SHIPPED: LazyLock<PackedAttributionModel> = LazyLock::new(|| {
        let model = AttributionModel::from_bytes(PARSED_MODEL_BYTES, MODEL_MAGIC)
            .expect("the shipped parsed-text attribution model is valid (checked by a test)");
        PackedAttributionModel::new(&model)
    });
    &SHIPPED
}

/// The shipped quote scorers: for the plain labeller, and (`parsed`) for the one that
/// reads the parse.
pub fn shipped_scorer(parsed: bool) -> &'static QuoteScorer {
    static PLAIN: LazyLock<QuoteScorer> = LazyLock::new(|| {
        QuoteScorer::from_tsv(SCORES_TSV).expect("the shipped quote scores are valid (checked by a test)")
    });
    static PARSED: LazyLock<QuoteScorer> = LazyLock::new(|| {
        QuoteScorer::from_tsv(PARSED_SCORES_TSV).expect("the shipped quote scores are valid (checked by a test)")
    });
    if parsed { &PARSED } else { &PLAIN }
}

/// The shipped model of which attribution candidates of the parse are attributions
/// (`byline train quotes --syntax`; used when a document has a syntax layer).
pub fn shipped_candidates() -> &'static QuoteScorer {
    static CANDIDATES: LazyLock<QuoteScorer> = LazyLock::new(|| {
        QuoteScorer::from_tsv(CANDIDATES_TSV).expect("the shipped candidate model is valid (checked by a test)")
    });
    &CANDIDATES
}

/// The quotes extractor: writes `quotes`; needs `entities` and `clusters`, and reads the
/// parse when the pipeline has one (the labeller trained on parsed text then decides).
/// Quotes scoring below its minimum score are left out.
#[derive(Clone, Debug)]
pub struct Quotes {
    min_score: f64,
    attributions: Attributions,
}

/// Which attributions the quotes layer holds.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Attributions {
    /// Statements only: what was said or written (the default).
    #[default]
    Statements,
    /// Every attribution found: thoughts (beliefs, intentions, perceptions) too, and
    /// statements whose speaker is an unresolved pronoun.
    All,
}

impl Attributions {
    /// "statements" or "all", as the command line and Python spell it.
    pub fn from_name(name: &str) -> Option<Self> {
        match name {
            "statements" => Some(Attributions::Statements),
            "all" => Some(Attributions::All),
            _ => None,
        }
    }

    /// The name [`Attributions::from_name`] reads.
    pub fn as_str(self) -> &'static str {
        match self {
            Attributions::Statements => "statements",
            Attributions::All => "all",
        }
    }

    /// Whether `quote` belongs to the layer: with [`Attributions::Statements`], a
    /// statement whose speaker is not a pronoun the article leaves unnamed ("it said"
    /// with no antecedent says who said nothing).
    pub fn keeps(self, quote: &Quote) -> bool {
        self == Attributions::All
            || (quote.act == QuoteAct::Statement
                && quote
                    .speaker
                    .as_ref()
                    .is_none_or(|s| s.kind != byline_core::SpeakerKind::Pronoun))
    }
}

/// The minimum score of the default quotes layer (see the README's quotes section for
/// how it was chosen).
pub const DEFAULT_MIN_SCORE: f64 = 0.45;

impl Default for Quotes {
    fn default() -> Self {
        Quotes {
            min_score: DEFAULT_MIN_SCORE,
            attributions: Attributions::default(),
        }
    }
}

impl Quotes {
    /// An extractor that keeps only quotes whose score is at least `min_score` (0 keeps
    /// all; see `Quote::score`) and whose act `attributions` keeps.
    pub fn new(min_score: f64, attributions: Attributions) -> Self {
        Quotes {
            min_score,
            attributions,
        }
    }
}

impl Extractor for Quotes {
    fn name(&self) -> &'static str {
        "quotes"
    }

    fn provides(&self) -> &'static [Layer] {
        &[Layer::Quotes]
    }

    fn needs(&self) -> &'static [Layer] {
        &[Layer::Entities, Layer::Clusters, Layer::Mentions]
    }

    fn uses(&self) -> &'static [Layer] {
        &[Layer::Syntax]
    }

    fn extract(&self, doc: &mut Document) -> Result<(), ExtractError> {
        let (plain, lexicon) = shipped();
        let parsed = !doc.syntax.words.is_empty();
        let model = if parsed { shipped_parsed() } else { plain };
        let empty = QuoteScorer::default();
        let candidates = if parsed { shipped_candidates() } else { &empty };
        let mut quotes = find_quotes(doc, model, lexicon, shipped_scorer(parsed), candidates);
        quotes.retain(|q| q.score >= self.min_score && self.attributions.keeps(q));
        doc.quotes = quotes;
        Ok(())
    }
}

/// Finds all quotes of `doc` with `model` and `lexicon`, in text order, scored by
/// `scorer`; when `doc` has a syntax layer, the attribution candidates of its parse
/// that `candidate_model` accepts join those the labeller found (an empty model adds
/// none).
pub fn find_quotes(
    doc: &Document,
    model: &PackedAttributionModel,
    lexicon: &CueLexicon,
    scorer: &QuoteScorer,
    candidate_model: &QuoteScorer,
) -> Vec<Quote> {
    let marked = marks::find_marked_quotes(doc);
    let infos = token_infos(doc, lexicon, &marked);
    let models = cues::Models {
        labeller: model,
        lexicon,
        candidates: candidate_model,
    };
    let found = cues::find(doc, &infos, &marked, &models);
    let shaped = content::shape(doc, &infos, &marked, found);
    let sourced = source::find(doc, shaped);
    let mut quotes = speaker::resolve(doc, sourced);
    for q in &mut quotes {
        // Four decimals, as the output shows them, so a minimum score keeps what it shows.
        q.score = (scorer.score(doc, lexicon, q) * 1e4).round() / 1e4;
    }
    quotes
}

/// The index of the sentence holding token `t` (`doc.sentences.len()` past the last).
pub(crate) fn sentence_of(doc: &Document, t: usize) -> usize {
    doc.sentences.partition_point(|s| s.tokens.end <= t)
}

/// The bytes from the first to the last token of `range`.
pub(crate) fn token_span(doc: &Document, range: &Range<usize>) -> Span {
    Span::new(doc.tokens[range.start].span.start, doc.tokens[range.end - 1].span.end)
}

#[cfg(test)]
mod tests {
    use super::*;
    use byline_core::QuoteKind;

    #[test]
    fn kinds_follow_the_marks() {
        assert_eq!(kind_of(&["“We will win,”"]), QuoteKind::Direct);
        assert_eq!(kind_of(&["“A,”", "“B.”"]), QuoteKind::Direct);
        assert_eq!(kind_of(&["the talks were “productive”"]), QuoteKind::Mixed);
        assert_eq!(kind_of(&["that the talks failed"]), QuoteKind::Indirect);
    }

    #[test]
    fn the_shipped_model_and_lexicon_load() {
        let (model, lexicon) = shipped();
        assert!(model.bits >= 8);
        assert!(lexicon.class("said") > 0 || lexicon.is_empty());
    }
}
