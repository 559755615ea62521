//! The promise "an extractor writes only the layers it provides", checked in debug
//! builds: a copy of every layer the extractor does not provide is taken before it runs
//! and compared after.

use crate::document::Document;
use crate::extractor::Layer;
use crate::layers::{Cluster, Entity, Mention, Quote, Stance, TargetSentiment, TimeExpr};
use crate::syntax::Syntax;
use std::collections::BTreeMap;

/// The layers an extractor must leave as they are, as they were before it ran.
pub(crate) struct Untouched {
    syntax: Option<Syntax>,
    entities: Option<Vec<Entity>>,
    clusters: Option<Vec<Cluster>>,
    mentions: Option<Vec<Mention>>,
    /// Quotes without their `date` (that field is the quote-dates layer).
    quotes: Option<Vec<Quote>>,
    quote_dates: Option<Vec<Option<usize>>>,
    dates: Option<Vec<TimeExpr>>,
    stances: Option<Vec<Stance>>,
    target_sentiment: Option<Vec<TargetSentiment>>,
    extra: BTreeMap<String, serde_json::Value>,
    /// The plug-in entries the extractor provides.
    own_extra: Vec<&'static str>,
}

fn without_dates(quotes: &[Quote]) -> Vec<Quote> {
    quotes
        .iter()
        .map(|q| Quote {
            date: None,
            ..q.clone()
        })
        .collect()
}

fn quote_dates(quotes: &[Quote]) -> Vec<Option<usize>> {
    quotes.iter().map(|q| q.date).collect()
}

impl Untouched {
    /// Copies the layers of `doc` that `provides` does not name.
    pub(crate) fn take(doc: &Document, provides: &[Layer]) -> Self {
        let keep = |layer: Layer| !provides.contains(&layer);
        let own_extra: Vec<&'static str> = provides
            .iter()
            .filter_map(|l| match l {
                Layer::Extra(name) => Some(*name),
                _ => None,
            })
            .collect();
        // The quotes extractor creates each quote, its `date` included.
        let writes_quotes = provides.contains(&Layer::Quotes);
        Untouched {
            syntax: keep(Layer::Syntax).then(|| doc.syntax.clone()),
            entities: keep(Layer::Entities).then(|| doc.entities.clone()),
            clusters: keep(Layer::Clusters).then(|| doc.clusters.clone()),
            mentions: keep(Layer::Mentions).then(|| doc.mentions.clone()),
            quotes: (!writes_quotes).then(|| without_dates(&doc.quotes)),
            quote_dates: (!writes_quotes && keep(Layer::QuoteDates)).then(|| quote_dates(&doc.quotes)),
            dates: keep(Layer::Dates).then(|| doc.dates.clone()),
            stances: keep(Layer::Stances).then(|| doc.stances.clone()),
            target_sentiment: keep(Layer::TargetSentiment).then(|| doc.target_sentiment.clone()),
            extra: doc
                .extra
                .iter()
                .filter(|(name, _)| !own_extra.contains(&name.as_str()))
                .map(|(name, value)| (name.clone(), value.clone()))
                .collect(),
            own_extra,
        }
    }

    /// A plug-in entry the extractor does not own was changed, removed or added.
    fn extra_changed(&self, doc: &Document) -> bool {
        self.extra
            .iter()
            .any(|(name, value)| doc.extra.get(name) != Some(value))
            || doc
                .extra
                .keys()
                .any(|name| !self.extra.contains_key(name) && !self.own_extra.contains(&name.as_str()))
    }

    /// The first layer of `doc` that differs from the copy, if any (named as
    /// [`Layer`] displays it; "extra" for plug-in entries).
    pub(crate) fn changed(&self, doc: &Document) -> Option<String> {
        fn differs<T: PartialEq>(copy: &Option<T>, now: &T) -> bool {
            copy.as_ref().is_some_and(|c| c != now)
        }
        let checks = [
            (Layer::Syntax, differs(&self.syntax, &doc.syntax)),
            (Layer::Entities, differs(&self.entities, &doc.entities)),
            (Layer::Clusters, differs(&self.clusters, &doc.clusters)),
            (Layer::Mentions, differs(&self.mentions, &doc.mentions)),
            (
                Layer::Quotes,
                self.quotes.is_some() && differs(&self.quotes, &without_dates(&doc.quotes)),
            ),
            (
                Layer::QuoteDates,
                self.quote_dates.is_some() && differs(&self.quote_dates, &quote_dates(&doc.quotes)),
            ),
            (Layer::Dates, differs(&self.dates, &doc.dates)),
            (Layer::Stances, differs(&self.stances, &doc.stances)),
            (
                Layer::TargetSentiment,
                differs(&self.target_sentiment, &doc.target_sentiment),
            ),
        ];
        match checks.iter().find(|(_, changed)| *changed) {
            Some((layer, _)) => Some(layer.to_string()),
            None => self.extra_changed(doc).then(|| "extra".to_owned()),
        }
    }
}
