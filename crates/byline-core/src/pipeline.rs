//! [`Pipeline`]: an ordered list of extractors, checked at build time, that turns
//! articles into documents one at a time, as a parallel batch, or as an ordered stream.

use crate::article::Article;
use crate::batch::ordered_par_map;
use crate::document::Document;
use crate::error::{ArticleError, ArticleErrorKind, PipelineError};
use crate::extractor::{Extractor, Layer};
use rayon::prelude::*;
use std::collections::HashMap;
use std::panic::{AssertUnwindSafe, catch_unwind};
use std::sync::Arc;
use std::time::{Duration, Instant};

/// Collects extractors; [`PipelineBuilder::build`] checks and orders them.
#[derive(Default)]
pub struct PipelineBuilder {
    extractors: Vec<Arc<dyn Extractor>>,
}

impl PipelineBuilder {
    /// Adds an extractor.
    pub fn with<E: Extractor + 'static>(mut self, extractor: E) -> Self {
        self.extractors.push(Arc::new(extractor));
        self
    }

    /// Adds an already boxed extractor (for lists built at run time).
    pub fn with_shared(mut self, extractor: Arc<dyn Extractor>) -> Self {
        self.extractors.push(extractor);
        self
    }

    /// Checks that every need is provided exactly once and orders the extractors so
    /// that each runs after the providers of its needs and of the layers it uses
    /// (otherwise in the order added).
    pub fn build(self) -> Result<Pipeline, PipelineError> {
        let extractors = self.extractors;
        let mut provider: HashMap<Layer, usize> = HashMap::new();
        for (i, e) in extractors.iter().enumerate() {
            for &layer in e.provides() {
                if let Some(&first) = provider.get(&layer) {
                    return Err(PipelineError::DuplicateProvider {
                        layer: layer.to_string(),
                        first: extractors[first].name().to_owned(),
                        second: e.name().to_owned(),
                    });
                }
                provider.insert(layer, i);
            }
        }
        let mut deps: Vec<Vec<usize>> = Vec::with_capacity(extractors.len());
        for (i, e) in extractors.iter().enumerate() {
            let mut d = Vec::new();
            for layer in e.needs() {
                match provider.get(layer) {
                    Some(&p) if p != i => d.push(p),
                    Some(_) => {}
                    None => {
                        return Err(PipelineError::MissingNeed {
                            extractor: e.name().to_owned(),
                            layer: layer.to_string(),
                        });
                    }
                }
            }
            d.extend(
                e.uses()
                    .iter()
                    .filter_map(|layer| provider.get(layer))
                    .filter(|&&p| p != i),
            );
            deps.push(d);
        }
        // Stable topological order: repeatedly take the first extractor whose needs ran.
        let mut done = vec![false; extractors.len()];
        let mut order = Vec::with_capacity(extractors.len());
        while order.len() < extractors.len() {
            let next = (0..extractors.len()).find(|&i| !done[i] && deps[i].iter().all(|&d| done[d]));
            match next {
                Some(i) => {
                    done[i] = true;
                    order.push(i);
                }
                None => {
                    let stuck = (0..extractors.len())
                        .filter(|&i| !done[i])
                        .map(|i| extractors[i].name().to_owned())
                        .collect();
                    return Err(PipelineError::Cycle(stuck));
                }
            }
        }
        Ok(Pipeline {
            extractors: order.into_iter().map(|i| extractors[i].clone()).collect(),
        })
    }
}

/// Runs extractors over articles. Cheap to clone and safe to share across threads.
#[derive(Clone)]
pub struct Pipeline {
    extractors: Vec<Arc<dyn Extractor>>,
}

impl std::fmt::Debug for Pipeline {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Pipeline").field("extractors", &self.names()).finish()
    }
}

impl Pipeline {
    /// Starts building a pipeline.
    pub fn builder() -> PipelineBuilder {
        PipelineBuilder::default()
    }

    /// The extractor names, in run order.
    pub fn names(&self) -> Vec<&'static str> {
        self.extractors.iter().map(|e| e.name()).collect()
    }

    /// Analyses one article. An extractor error or panic becomes an [`ArticleError`]
    /// carrying the article's id; nothing escapes this call.
    pub fn process(&self, article: Article) -> Result<Document, ArticleError> {
        self.process_timed(article, &mut |_, _| {})
    }

    /// Like [`Pipeline::process`], and reports the time of each stage to `timed`:
    /// `"segmentation"` first, then each extractor that ran, by name (for benchmarks).
    pub fn process_timed(
        &self,
        article: Article,
        timed: &mut dyn FnMut(&'static str, Duration),
    ) -> Result<Document, ArticleError> {
        let id = article.id.clone();
        let started = Instant::now();
        let segmented = catch_unwind(AssertUnwindSafe(|| Document::new(article)));
        timed("segmentation", started.elapsed());
        let doc = segmented.map_err(|payload| ArticleError {
            field: None,
            id: id.clone(),
            kind: ArticleErrorKind::Panic,
            message: format!("segmentation panicked: {}", panic_message(&payload)),
        })?;
        self.extend_timed(doc, timed)
    }

    /// Runs this pipeline's extractors on a document another pipeline has analysed (as
    /// `byline extract --tokens` adds the parse after the other layers, so that it
    /// changes none of them). Errors and panics become an [`ArticleError`] as in
    /// [`Pipeline::process`].
    pub fn extend_timed(
        &self,
        mut doc: Document,
        timed: &mut dyn FnMut(&'static str, Duration),
    ) -> Result<Document, ArticleError> {
        let id = doc.id.clone();
        for e in &self.extractors {
            #[cfg(debug_assertions)]
            let untouched = crate::guard::Untouched::take(&doc, e.provides());
            let started = Instant::now();
            let outcome = catch_unwind(AssertUnwindSafe(|| e.extract(&mut doc)));
            timed(e.name(), started.elapsed());
            match outcome {
                Ok(Ok(())) =>
                {
                    #[cfg(debug_assertions)]
                    if let Some(layer) = untouched.changed(&doc) {
                        return Err(ArticleError {
                            field: None,
                            id,
                            kind: ArticleErrorKind::Extraction,
                            message: format!(
                                "extractor '{}' changed the '{layer}' layer, which it does not provide (debug check)",
                                e.name()
                            ),
                        });
                    }
                }
                Ok(Err(err)) => {
                    return Err(ArticleError {
                        field: None,
                        id,
                        kind: ArticleErrorKind::Extraction,
                        message: format!("extractor '{}' failed: {}", e.name(), err.message),
                    });
                }
                Err(payload) => {
                    return Err(ArticleError {
                        field: None,
                        id,
                        kind: ArticleErrorKind::Panic,
                        message: format!("extractor '{}' panicked: {}", e.name(), panic_message(&payload)),
                    });
                }
            }
        }
        Ok(doc)
    }

    /// Analyses a record that may already have failed to parse: errors pass through.
    pub fn process_record(&self, record: Result<Article, ArticleError>) -> Result<Document, ArticleError> {
        record.and_then(|article| self.process(article))
    }

    /// Analyses a batch in parallel on the current rayon pool; results keep input order.
    pub fn process_batch(&self, articles: Vec<Article>) -> Vec<Result<Document, ArticleError>> {
        articles.into_par_iter().map(|a| self.process(a)).collect()
    }

    /// Analyses a stream of records in parallel chunks of `chunk_size`, yielding results
    /// in input order while holding at most one chunk in memory.
    pub fn stream<'p, I>(
        &'p self,
        records: I,
        chunk_size: usize,
    ) -> impl Iterator<Item = Result<Document, ArticleError>> + 'p
    where
        I: IntoIterator<Item = Result<Article, ArticleError>>,
        I::IntoIter: 'p,
    {
        ordered_par_map(records, chunk_size, move |r| self.process_record(r))
    }
}

fn panic_message(payload: &Box<dyn std::any::Any + Send>) -> String {
    if let Some(s) = payload.downcast_ref::<&str>() {
        (*s).to_owned()
    } else if let Some(s) = payload.downcast_ref::<String>() {
        s.clone()
    } else {
        "unknown panic".to_owned()
    }
}
