//! Quotes for byline: who said what. Direct, indirect and mixed attributions with their
//! cue, speaker and act (statement or thought), resolved to entity clusters.
//!
//! The path a document takes through [`find_quotes`], in order:
//! 1. **Quotation marks** are paired (`marks`: curly, straight, guillemets, TeX,
//!    multi-paragraph and unbalanced quotes; titles and nicknames in marks are told apart).
//! 2. **Cues, sources and contents** per paragraph: a trained labeller tags every token
//!    as cue, source or content (`tags`, `features`: words, entities, the PolNeAR cue
//!    lexicon, quote-mark state; a `byline_learn` averaged perceptron with Viterbi,
//!    trained by `byline train quotes`, [`train`]); the tags are grouped into attributions
//!    around their cues (`assemble`); in sentences where the labeller found no
//!    statement, reporting patterns decide (`patterns`: "X said that C", "C, according
//!    to X", "C, he says"); content that continues a multi-paragraph quote joins its
//!    attribution. Headlines, bylines, captions and player lines hold no cue (`lines`).
//! 3. **Sources**: roles inside content dropped, "Said Ellis:" turned round, a piece of an
//!    apposition chain taken back to the name it describes, titles kept with their names
//!    (`source`).
//! 4. **Quotes and speakers**, in the order sources are written: kind from the marks, act
//!    from the cue (`act`), fragments and bare titles left out (`content`), each speaker resolved
//!    to a cluster through the mentions layer (`resolve`, `speaker_kind`). With a
//!    syntax layer, candidates from the parse join here (`candidates`).
//! 5. **Score**: the calibrated probability that the quote is right (`score`).
//!
//! The extractor then keeps what the layer holds: statements (unless `--attributions
//! all`) scoring at least the minimum score.

#![warn(missing_docs)]

mod act;
mod assemble;
mod candidates;
mod content;
mod direct;
mod features;
mod lines;
mod marks;
mod parse;
mod patterns;
mod resolve;
mod score;
mod source;
mod speaker_kind;
mod tags;
pub mod train;

pub use content::kind_of;
pub use features::CueLexicon;
pub use score::{QuoteScorer, quote_features};

use assemble::{Attribution, assemble};
use byline_core::{Document, ExtractError, Extractor, Layer, Quote, QuoteAct, QuoteKind, Span};
use byline_learn::Decode;
use content::{MAX_WORDS_AROUND_TITLE, is_fragment, only_titles, trim_fragment, words_outside_marks};
use features::{QuoteState, paragraph_features, token_infos};
use source::Referent;
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
    let sentence_of = |t: usize| doc.sentences.partition_point(|s| s.tokens.end <= t);
    let mut attributions: Vec<Attribution> = Vec::new();
    let mut standalone: Vec<Range<usize>> = Vec::new();
    for p in 0..doc.paragraphs.len() {
        let tokens = features::paragraph_tokens(doc, p);
        // Every attribution has a cue; paragraphs without a cue word, a quotation mark or
        // a colon are left untagged unless they continue an open quote.
        let worth = infos[tokens.clone()]
            .iter()
            .any(|i| i.cue > 0 || i.quote != QuoteState::Outside)
            || tokens.clone().any(|t| doc.token_text(t) == ":");
        if !worth {
            for s in doc.paragraphs[p].sentences.clone() {
                attributions.extend(patterns::backstop(doc, doc.sentences[s].tokens.clone()));
            }
            continue;
        }
        let features = paragraph_features(doc, &infos, p, model.bits);
        let mut tags = model.decode(&features, tags::allowed);
        let ends: Vec<usize> = doc.paragraphs[p]
            .sentences
            .clone()
            .map(|s| doc.sentences[s].tokens.end - tokens.start)
            .collect();
        assemble::repair_content(&mut tags, &ends);
        let (mut found, orphans) = assemble(&tags, tokens.start, sentence_of);
        // A reporting pattern decides the sentences where the labeller found no
        // statement: no content, or none that a cue of communication in the sentence
        // introduces with somebody to say it ("…, according to officials familiar with
        // the talks" where it took a verb of the content for the cue). One pass over the
        // attributions marks the stated sentences, one over the sentences decides.
        let sentences = doc.paragraphs[p].sentences.clone();
        let mut stated = vec![false; sentences.len()];
        for a in &found {
            for c in &a.cue {
                let s = sentence_of(c.start);
                let Some(range) = doc.sentences.get(s).map(|s| s.tokens.clone()) else {
                    continue;
                };
                let states = c.clone().any(|t| act::is_communication(doc.token_text(t)))
                    && (a.source.is_some()
                        || source::subject_before(doc, c, &range).is_some()
                        || source::speaker_after(doc, c, &range).is_some())
                    && a.content.iter().any(|c| c.start < range.end && range.start < c.end);
                if states && sentences.contains(&s) {
                    stated[s - sentences.start] = true;
                }
            }
        }
        let mut decided = vec![false; sentences.len()];
        for s in sentences.clone().filter(|&s| !stated[s - sentences.start]) {
            if let Some(a) = patterns::backstop(doc, doc.sentences[s].tokens.clone()) {
                decided[s - sentences.start] = true;
                attributions.push(a);
            }
        }
        found.retain(|f| {
            !f.cue.iter().any(|c| {
                let s = sentence_of(c.start);
                sentences.contains(&s) && decided[s - sentences.start]
            })
        });
        for a in &mut found {
            direct::focus(doc, &infos, &mut a.content);
            let sentence = a
                .content
                .first()
                .and_then(|c| doc.sentences.get(sentence_of(c.start)))
                .map(|s| s.tokens.clone());
            let taken = |r: &Range<usize>| a.content.iter().any(|c| c.start < r.end && r.start < c.end);
            if let Some(prefix) = sentence
                .and_then(|s| patterns::parenthetical_prefix(doc, a, &s))
                .filter(|p| !taken(p))
            {
                a.content.insert(0, prefix);
            }
        }
        direct::merge_split(doc, &infos, &mut found, sentence_of);
        attributions.extend(found);
        for orphan in orphans {
            let sentence = doc.sentences[sentence_of(orphan.start).min(doc.sentences.len() - 1)]
                .tokens
                .clone();
            let is_cue_word = |t: usize| infos[t].cue > 0 || patterns::is_speech_verb(doc.token_text(t));
            if let Some(a) = continued_attribution(doc, &marked, &attributions, &orphan) {
                attributions[a].content.push(orphan);
            } else if let Some(a) = patterns::cue_before_content(doc, &orphan, &sentence, is_cue_word) {
                attributions.push(a);
            } else if let Some(a) = patterns::colon_intro(doc, &orphan, |t| infos[t].cue) {
                attributions.push(a);
            } else {
                standalone.push(orphan);
            }
        }
    }
    // Headlines, bylines, captions and player lines hold no cue.
    let boilerplate = lines::boilerplate_lines(doc);
    if !boilerplate.is_empty() {
        let in_boilerplate = |r: &Range<usize>| lines::in_lines(&boilerplate, doc.tokens[r.start].span.start);
        attributions.retain(|a| !a.cue.iter().any(in_boilerplate));
    }
    direct::split_signed(doc, &infos, &mut attributions);
    finish_sources(doc, &infos, &mut attributions);
    let mut quotes = if candidate_model.is_empty() {
        to_quotes(doc, &marked, attributions, standalone, &infos)
    } else {
        let quotes = to_quotes(doc, &marked, attributions.clone(), standalone.clone(), &infos);
        let mut more = parse_candidates(doc, lexicon, candidate_model, &quotes);
        if more.is_empty() {
            quotes
        } else {
            finish_sources(doc, &infos, &mut more);
            attributions.extend(more);
            to_quotes(doc, &marked, attributions, standalone, &infos)
        }
    };
    for q in &mut quotes {
        // Four decimals, as the output shows them, so a minimum score keeps what it shows.
        q.score = (scorer.score(doc, lexicon, q) * 1e4).round() / 1e4;
    }
    quotes
}

/// Roles inside content dropped, "Said Ellis:" turned round, sources that are a piece
/// of an apposition chain taken back to the name it describes, sources extended to the
/// titled name they begin.
fn finish_sources(doc: &Document, infos: &[features::TokenInfo], attributions: &mut [Attribution]) {
    let sentence_of = |t: usize| doc.sentences.partition_point(|s| s.tokens.end <= t);
    for a in attributions {
        a.drop_roles_inside_content();
        verb_before_its_speaker(doc, infos, a);
        if let Some(s) = a.source.take() {
            let sentence = doc.sentences[sentence_of(s.start).min(doc.sentences.len() - 1)]
                .tokens
                .clone();
            let s = source::head_of_apposition(doc, s, &sentence);
            a.source = Some(source::with_titled_name(doc, s, sentence.end));
        }
    }
}

/// The attributions the parse suggests where the labeller found none: candidates whose
/// cue and content lie outside the content of every quote found.
fn parse_candidates(doc: &Document, lexicon: &CueLexicon, model: &QuoteScorer, found: &[Quote]) -> Vec<Attribution> {
    let mut taken = vec![false; doc.tokens.len()];
    for span in found.iter().flat_map(|q| &q.spans) {
        taken[doc.tokens_overlapping(*span)].iter_mut().for_each(|t| *t = true);
    }
    candidates::accepted(doc, lexicon, model, &mut taken)
        .into_iter()
        .map(|c| Attribution {
            cue: std::iter::once(c.cue..c.cue + 1).collect(),
            source: c.source,
            content: std::iter::once(c.content).collect(),
        })
        .collect()
}

/// The attribution whose quote `content` continues: the content lies in a quote opened
/// in an earlier paragraph, and an attribution holds an earlier fragment of it.
fn continued_attribution(
    doc: &Document,
    marked: &[marks::MarkedQuote],
    attributions: &[Attribution],
    content: &Range<usize>,
) -> Option<usize> {
    let at = doc.tokens[content.start].span;
    let quote = marked
        .iter()
        .find(|q| q.fragments.len() > 1 && q.fragments.iter().any(|f| f.overlaps(at)))?;
    let earlier = quote.fragments[0];
    attributions.iter().rposition(|a| {
        a.content.iter().any(|c| {
            let span = token_span(doc, c);
            span.overlaps(earlier) || span.contains(Span::new(quote.open, quote.open))
        })
    })
}

/// The bytes from the first to the last token of `range`.
pub(crate) fn token_span(doc: &Document, range: &Range<usize>) -> Span {
    Span::new(doc.tokens[range.start].span.start, doc.tokens[range.end - 1].span.end)
}

/// "Said Ellis: “…”": a source that is a lone reporting verb is the cue, and the
/// speaker follows it.
fn verb_before_its_speaker(doc: &Document, infos: &[features::TokenInfo], a: &mut Attribution) {
    let Some(source) = a.source.clone() else { return };
    if source.len() != 1 || infos[source.start].cue != 1 {
        return;
    }
    let sentence = doc.sentences[doc.sentences.partition_point(|s| s.tokens.end <= source.start)]
        .tokens
        .clone();
    if let Some(speaker) = source::speaker_after(doc, &source, &sentence) {
        a.cue = vec![source];
        a.source = Some(speaker);
    }
}

/// Minimum number of words for a direct quote nobody is said to have said.
const MIN_STANDALONE_WORDS: usize = 6;

/// The reporting words of a cue segment: from its first to its last strongest cue word
/// (lexicon class 1, else 2), so "further stated" and "also said" give "stated" and
/// "said", "remarked on Friday" "remarked"; "according to" keeps its "to". Segments
/// without a strong word stay whole.
fn cue_head(doc: &Document, infos: &[features::TokenInfo], cue: &Range<usize>) -> Range<usize> {
    let Some(best) = cue
        .clone()
        .map(|t| infos[t].cue)
        .filter(|&c| c > 0)
        .min()
        .filter(|&c| c <= 2)
    else {
        return cue.clone();
    };
    let strong = |t: &usize| infos[*t].cue == best;
    let (Some(first), Some(last)) = (cue.clone().find(strong), cue.clone().rev().find(strong)) else {
        return cue.clone();
    };
    let mut end = last + 1;
    if end < cue.end && doc.token_text(last).eq_ignore_ascii_case("according") {
        end += 1;
    }
    first..end
}

/// Builds the quotes, resolving speakers in the order their sources are written.
fn to_quotes(
    doc: &Document,
    marked: &[marks::MarkedQuote],
    attributions: Vec<Attribution>,
    standalone: Vec<Range<usize>>,
    infos: &[features::TokenInfo],
) -> Vec<Quote> {
    let mut items: Vec<(Attribution, usize)> = attributions
        .into_iter()
        .map(|a| {
            let at = a.source.as_ref().map_or(a.content[0].start, |s| s.start);
            (a, at)
        })
        .collect();
    for content in standalone {
        let direct = infos[content.clone()].iter().all(|i| i.quote != QuoteState::Outside);
        let words = content
            .clone()
            .filter(|&t| doc.tokens[t].kind == byline_core::TokenKind::Word)
            .count();
        if direct && words >= MIN_STANDALONE_WORDS {
            let at = content.start;
            items.push((
                Attribution {
                    content: vec![content],
                    ..Attribution::default()
                },
                at,
            ));
        }
    }
    items.sort_by_key(|(_, at)| *at);
    let mut resolver = resolve::Resolver::default();
    let sentence_range = |t: usize| {
        let s = doc.sentences.partition_point(|s| s.tokens.end <= t);
        doc.sentences.get(s).map_or(t..t + 1, |s| s.tokens.clone())
    };
    let paragraph_of = |t: usize| {
        doc.sentences
            .get(doc.sentences.partition_point(|s| s.tokens.end <= t))
            .map(|s| s.paragraph)
    };
    let mut last: Option<(byline_core::Speaker, Option<usize>)> = None;
    let mut quotes = Vec::with_capacity(items.len());
    for (mut a, _) in items {
        a.content.sort_by_key(|c| c.start);
        direct::focus(doc, infos, &mut a.content);
        let raw: Vec<Span> = a.content.iter().map(|c| token_span(doc, c)).collect();
        let texts: Vec<&str> = raw.iter().map(|s| doc.span_text(*s)).collect();
        let kind = kind_of(&texts);
        let cue = a.cue.first().map(|c| cue_head(doc, infos, c));
        let act = act::act_of(doc, kind, cue.as_ref());
        if kind == QuoteKind::Indirect && act == QuoteAct::Statement && is_fragment(doc, &a.content) {
            continue;
        }
        // Quotation marks around titles, names and nicknames make no quote when nobody is
        // said to say them (“The Harbour at Night” in an author's bio) or the content is
        // little more than the title ("wrote the film “Salt Roads”").
        if kind != QuoteKind::Indirect
            && (a.cue.is_empty() || words_outside_marks(&texts) <= MAX_WORDS_AROUND_TITLE)
            && only_titles(doc, marked, &raw)
        {
            continue;
        }
        let spans: Vec<Span> = raw
            .iter()
            .map(|s| trim_fragment(doc, *s, kind == QuoteKind::Direct))
            .collect();
        let outside_content = |s: &Range<usize>| !a.content.iter().any(|c| c.start < s.end && s.start < c.end);
        // A signature after a quotation ("“…” ― Esther Tapia") names its speaker.
        let signed = (kind == QuoteKind::Direct)
            .then(|| source::dash_signature(doc, a.content.last().map_or(0, |c| c.end)))
            .flatten();
        let source = signed.or(a.source.clone()).or_else(|| match a.cue.first() {
            Some(cue) => {
                let sentence = sentence_range(cue.start);
                source::subject_before(doc, cue, &sentence)
                    .filter(outside_content)
                    .or_else(|| source::speaker_after(doc, cue, &sentence).filter(outside_content))
            }
            None => source::dash_signature(doc, a.content.last().map_or(0, |c| c.end)),
        });
        let paragraph = paragraph_of(a.content[0].start);
        // A bare pronoun, relative word or determiner is not a name: the speaker is what
        // it stands for (its mention stays the word written), or nobody we can name.
        let cue_start = a.cue.first().map(|c| c.start);
        let source = source.map(|s| {
            let sentence = sentence_range(s.start);
            source::referent(doc, s, cue_start, &sentence)
        });
        let first_person = matches!(source, Some(Referent::FirstPerson(_)));
        let speaker = match source {
            // "I"/"we": the speaker of the quote this one stands in (set below).
            Some(Referent::FirstPerson(s)) => {
                let span = token_span(doc, &s);
                Some(byline_core::Speaker {
                    span,
                    cluster: None,
                    name: doc.span_text(span).to_owned(),
                    kind: byline_core::SpeakerKind::None,
                })
            }
            Some(Referent::Named { written, referent }) => Some(resolver.resolve_referent(doc, written, referent)),
            // Somebody reports it, but the text does not say who.
            Some(Referent::Nobody) => None,
            // A direct quote with no attribution of its own continues the conversation:
            // the last speaker, if quoted in this paragraph or the one before.
            None if kind == QuoteKind::Direct => last
                .as_ref()
                .filter(|(_, p)| p.zip(paragraph).is_some_and(|(p, q)| q <= p + 1))
                .map(|(s, _)| s.clone()),
            // Reported speech with nobody reporting it is rarely an attribution.
            None => continue,
        };
        if let Some(s) = speaker.as_ref().filter(|_| !first_person) {
            resolver.remember(doc, s.cluster);
            last = Some((s.clone(), paragraph));
        }
        quotes.push((
            Quote {
                span: Span::new(spans[0].start, spans[spans.len() - 1].end),
                kind,
                act,
                spans,
                speaker,
                cue: cue.map(|c| token_span(doc, &c)),
                date: None,
                score: 1.0,
            },
            first_person,
        ));
    }
    quotes.sort_by_key(|(q, _)| q.span.start);
    outer_speakers_for_first_person(&mut quotes);
    for (q, _) in &mut quotes {
        if let Some(s) = &mut q.speaker {
            s.kind = speaker_kind::speaker_kind(doc, s);
        }
    }
    quotes.into_iter().map(|(q, _)| q).collect()
}

/// How many earlier quotes may be searched for the one enclosing a first-person source.
const ENCLOSING_REACH: usize = 8;

/// Gives each quote whose source is "I"/"we" the speaker of the quote whose content
/// holds that source (“I told them that we would win,” Smith said: Smith); without
/// one, the quote has no speaker. `quotes` are in text order, flagged when first-person.
fn outer_speakers_for_first_person(quotes: &mut [(Quote, bool)]) {
    for i in 0..quotes.len() {
        if !quotes[i].1 {
            continue;
        }
        let Some(at) = quotes[i].0.speaker.as_ref().map(|s| s.span) else {
            continue;
        };
        let outer = (i.saturating_sub(ENCLOSING_REACH)..quotes.len().min(i + ENCLOSING_REACH))
            .filter(|&j| j != i && !quotes[j].1)
            .find(|&j| quotes[j].0.spans.iter().any(|s| s.start <= at.start && at.end <= s.end))
            .and_then(|j| quotes[j].0.speaker.clone());
        quotes[i].0.speaker = outer.map(|o| byline_core::Speaker { span: at, ..o });
    }
}
#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn kinds_follow_the_marks() {
        assert_eq!(kind_of(&["“We will win,”"]), QuoteKind::Direct);
        assert_eq!(kind_of(&["“A,”", "“B.”"]), QuoteKind::Direct);
        assert_eq!(kind_of(&["the talks were “productive”"]), QuoteKind::Mixed);
        assert_eq!(kind_of(&["that the talks failed"]), QuoteKind::Indirect);
    }

    #[test]
    fn first_person_sources_take_the_speaker_of_the_quote_they_stand_in() {
        let speaker = |start, end, cluster, name: &str| byline_core::Speaker {
            span: Span::new(start, end),
            cluster,
            name: name.to_owned(),
            kind: byline_core::SpeakerKind::None,
        };
        let quote = |start, end, who| Quote {
            span: Span::new(start, end),
            kind: QuoteKind::Direct,
            act: QuoteAct::Statement,
            spans: vec![Span::new(start, end)],
            speaker: Some(who),
            cue: None,
            date: None,
            score: 1.0,
        };
        // “I told them that we would win,” Smith said: "I" stands inside Smith's quote.
        let mut quotes = vec![
            (quote(1, 31, speaker(33, 38, Some(0), "Ann Smith")), false),
            (quote(17, 30, speaker(1, 2, None, "I")), true),
            (quote(60, 70, speaker(50, 51, None, "I")), true),
        ];
        outer_speakers_for_first_person(&mut quotes);
        let inner = quotes[1].0.speaker.as_ref().unwrap();
        assert_eq!(
            (inner.span, inner.cluster, inner.name.as_str()),
            (Span::new(1, 2), Some(0), "Ann Smith")
        );
        assert!(quotes[2].0.speaker.is_none(), "no enclosing quote: nobody");
    }

    #[test]
    fn the_shipped_model_and_lexicon_load() {
        let (model, lexicon) = shipped();
        assert!(model.bits >= 8);
        assert!(lexicon.class("said") > 0 || lexicon.is_empty());
    }
}
