//! Training the attribution labeller on PolNeAR: gold attributions (byte spans of
//! content, source and cue) become IOB2 role tags per paragraph token, the cue lexicon is
//! derived from how often each word is annotated as a cue, and `byline_learn`'s averaged
//! perceptron learns the weights; the epoch with the best role-segment F1 on dev is kept.

use crate::AttributionModel;
use crate::candidates::for_each_candidate;
use crate::features::{CueLexicon, paragraph_features, paragraph_tokens, token_infos};
use crate::marks::find_marked_quotes;
use crate::score::{QuoteScorer, feature_names};
use crate::tags::{Role, allowed, begin, segments};
use byline_core::{Document, Span};
use byline_learn::Decode;
use byline_learn::hash::FastMap;
use byline_learn::logistic::{fit_logistic, fit_logistic_sgd};
use byline_learn::{Features, TrainOptions, perceptron};

/// One gold attribution, in byte spans of its document.
#[derive(Clone, Debug, Default)]
pub struct GoldAttribution {
    /// Content fragments.
    pub content: Vec<Span>,
    /// Source (speaker) fragments; empty when none is written.
    pub source: Vec<Span>,
    /// Cue fragments.
    pub cue: Vec<Span>,
}

/// An analysed article (segmented, entities found) with its gold attributions.
pub struct TrainArticle {
    /// The document after the entities extractor.
    pub doc: Document,
    /// Its gold attributions.
    pub gold: Vec<GoldAttribution>,
}

/// The gold role of every token: `(attribution, role, fragment)` of the first span it
/// overlaps, cues before sources before content.
fn token_roles(doc: &Document, gold: &[GoldAttribution]) -> Vec<Option<(usize, Role, usize)>> {
    let mut roles = vec![None; doc.tokens.len()];
    for role in [Role::Content, Role::Source, Role::Cue] {
        for (a, g) in gold.iter().enumerate() {
            let spans = match role {
                Role::Cue => &g.cue,
                Role::Source => &g.source,
                Role::Content => &g.content,
            };
            for (f, span) in spans.iter().enumerate() {
                for t in doc.tokens_overlapping(*span) {
                    roles[t] = Some((a, role, f));
                }
            }
        }
    }
    roles
}

/// Gold tags of every paragraph.
pub fn gold_tags(doc: &Document, gold: &[GoldAttribution]) -> Vec<Vec<usize>> {
    let roles = token_roles(doc, gold);
    (0..doc.paragraphs.len())
        .map(|p| {
            let mut prev = None;
            paragraph_tokens(doc, p)
                .map(|t| {
                    let r = roles[t];
                    let tag = match r {
                        None => 0,
                        Some((_, role, _)) if prev == r => begin(role) + 1,
                        Some((_, role, _)) => begin(role),
                    };
                    prev = r;
                    tag
                })
                .collect()
        })
        .collect()
}

/// The cue lexicon of a training set.
pub fn derive_lexicon(articles: &[&TrainArticle]) -> CueLexicon {
    let mut counts: FastMap<String, (usize, usize)> = FastMap::default();
    for a in articles {
        let roles = token_roles(&a.doc, &a.gold);
        for (t, role) in roles.iter().enumerate() {
            let c = counts.entry(a.doc.token_text(t).to_lowercase()).or_default();
            c.0 += usize::from(matches!(role, Some((_, Role::Cue, _))));
            c.1 += 1;
        }
    }
    CueLexicon::from_counts(counts.into_iter().map(|(w, (c, n))| (w, c, n)))
}

/// Features and gold tags of every non-empty paragraph.
fn sequences(articles: &[&TrainArticle], lexicon: &CueLexicon, bits: u32) -> Vec<(Features, Vec<usize>)> {
    let mut out = Vec::new();
    for a in articles {
        let infos = token_infos(&a.doc, lexicon, &find_marked_quotes(&a.doc));
        for (p, tags) in gold_tags(&a.doc, &a.gold).into_iter().enumerate() {
            if !tags.is_empty() {
                out.push((paragraph_features(&a.doc, &infos, p, bits), tags));
            }
        }
    }
    out
}

/// Role-segment F1 (percent) of `model` on sequences.
fn segment_f1(model: &AttributionModel, data: &[(Features, Vec<usize>)]) -> f64 {
    let (mut correct, mut predicted, mut gold) = (0usize, 0usize, 0usize);
    for (features, tags) in data {
        let pred = segments(&model.decode(features, allowed));
        let truth = segments(tags);
        predicted += pred.len();
        gold += truth.len();
        correct += pred.iter().filter(|p| truth.contains(p)).count();
    }
    let p = correct as f64 / predicted.max(1) as f64;
    let r = correct as f64 / gold.max(1) as f64;
    if p + r == 0.0 { 0.0 } else { 200.0 * p * r / (p + r) }
}

/// Trains the labeller; `report` receives one line per epoch.
pub fn train(
    train: &[&TrainArticle],
    dev: &[&TrainArticle],
    lexicon: &CueLexicon,
    options: &TrainOptions,
    report: &mut dyn FnMut(String),
) -> AttributionModel {
    let train_data = sequences(train, lexicon, options.bits);
    let dev_data = sequences(dev, lexicon, options.bits);
    let score = |m: &AttributionModel| segment_f1(m, &dev_data);
    perceptron::train(
        &train_data,
        options,
        |state, (features, gold)| usize::from(&state.learn(features, gold, allowed) != gold),
        (!dev_data.is_empty()).then_some(&score as &dyn Fn(&AttributionModel) -> f64),
        &mut |epoch, mistakes, f1| {
            report(format!(
                "epoch {epoch}: {mistakes} paragraphs with mistakes, dev role-segment F1 {f1:.2}"
            ))
        },
    )
}

/// A candidate is an attribution when its content overlaps a gold content fragment
/// by at least this Jaccard ratio (in bytes) and its cue word lies in that
/// attribution's cue, as `byline eval quotes` counts an overlap match.
const CANDIDATE_MATCH: f64 = 0.5;

/// Candidate features seen fewer times than this get no weight.
const MIN_CANDIDATE_FEATURE_COUNT: usize = 3;

/// L2 penalty and stochastic gradient passes of the candidates' logistic regression.
const CANDIDATE_L2: f64 = 1e-6;
const CANDIDATE_EPOCHS: usize = 8;

fn jaccard(a: Span, b: Span) -> f64 {
    let inter = a.end.min(b.end).saturating_sub(a.start.max(b.start));
    let union = a.end.max(b.end) - a.start.min(b.start);
    inter as f64 / union.max(1) as f64
}

/// Fits the model that says which attribution candidates of the parse are
/// attributions (see `candidates`): every candidate of the (parsed) training
/// articles, labelled by the gold attributions, teaches a logistic regression.
/// Articles without a syntax layer give no candidates (an empty model adds none).
pub fn fit_candidates(articles: &[&TrainArticle], lexicon: &CueLexicon) -> QuoteScorer {
    let mut examples: Vec<(Vec<String>, bool)> = Vec::new();
    for a in articles {
        let doc = &a.doc;
        for_each_candidate(doc, lexicon, |_| false, &mut |candidate, features| {
            let cue = doc.tokens[candidate.cue].span;
            let content = crate::token_span(doc, &candidate.content);
            let right = a.gold.iter().any(|g| {
                g.cue.iter().any(|c| c.overlaps(cue))
                    && g.content.iter().any(|&c| jaccard(c, content) >= CANDIDATE_MATCH)
            });
            examples.push((feature_names(features), right));
        });
    }
    let (names, indexed) = index_features(&examples, MIN_CANDIDATE_FEATURE_COUNT);
    let weights = fit_logistic_sgd(&indexed, names.len(), CANDIDATE_L2, CANDIDATE_EPOCHS);
    QuoteScorer::from_weights(names.into_iter().zip(weights))
}

/// A logistic model over named features: those seen at least `min_count` times get a
/// weight, fitted with `l2` over `steps` of full-batch Adagrad (see
/// `byline_learn::logistic`).
pub fn fit_named(examples: &[(Vec<String>, bool)], min_count: usize, l2: f64, steps: usize) -> QuoteScorer {
    let (names, indexed) = index_features(examples, min_count);
    let weights = fit_logistic(&indexed, names.len(), l2, steps);
    QuoteScorer::from_weights(names.into_iter().zip(weights))
}

/// The names seen at least `min_count` times, sorted, and each example as indices of
/// its features among them.
fn index_features(examples: &[(Vec<String>, bool)], min_count: usize) -> (Vec<String>, Vec<(Vec<usize>, bool)>) {
    let mut counts: FastMap<&str, usize> = FastMap::default();
    for (features, _) in examples {
        for f in features {
            *counts.entry(f.as_str()).or_default() += 1;
        }
    }
    let mut names: Vec<&str> = counts
        .iter()
        .filter(|(_, n)| **n >= min_count)
        .map(|(f, _)| *f)
        .collect();
    names.sort_unstable();
    let index: FastMap<&str, usize> = names.iter().enumerate().map(|(i, f)| (*f, i)).collect();
    let indexed = examples
        .iter()
        .map(|(features, right)| {
            (
                features.iter().filter_map(|f| index.get(f.as_str()).copied()).collect(),
                *right,
            )
        })
        .collect();
    (names.into_iter().map(str::to_owned).collect(), indexed)
}
