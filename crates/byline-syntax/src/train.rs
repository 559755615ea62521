//! Training the syntax models from UD treebanks (`byline train syntax`): the tag classes,
//! the tagger, the lemmatiser and the parser, deterministically (the same data and
//! options give the same bytes). The parser learns from tags predicted by taggers that
//! did not see the sentence (jackknifing), so that it meets at training time the kind of
//! tag errors it meets in use.

use crate::conllu::{self, GoldSentence};
use crate::lemma::Lemmatizer;
use crate::parser::{self, ParseExample, ParseWord};
use crate::tagger::{self, WordInfo};
use crate::{PARSER_MAGIC, SyntaxModel, TAGGER_MAGIC};
use byline_core::syntax::DEPRELS;
use byline_core::{Deprel, Upos, Xpos};
use std::collections::BTreeMap;
use std::path::Path;

/// GUM genres whose texts are licensed for non-commercial use only (see the GUM README):
/// never in shipped weights.
pub const NON_COMMERCIAL_GENRES: &[&str] = &["essay", "fiction", "letter", "podcast", "whow", "reddit"];

/// Whether a GUM document (by file name, `GUM_<genre>_<name>.conllu`) may train shipped
/// weights. Files of other treebanks are taken as they are.
pub fn commercial_use_allowed(file_name: &str) -> bool {
    match file_name.strip_prefix("GUM_") {
        Some(rest) => {
            let genre = rest.split('_').next().unwrap_or("");
            !NON_COMMERCIAL_GENRES.contains(&genre)
        }
        None => true,
    }
}

/// One gold document: its file name and sentences.
pub struct GoldDoc {
    /// The file name.
    pub name: String,
    /// Its sentences.
    pub sentences: Vec<GoldSentence>,
}

/// The documents of a CoNLL-U file or of every `*.conllu` file of a folder, in name order.
pub fn read_gold(path: &Path) -> Result<Vec<GoldDoc>, String> {
    let files: Vec<std::path::PathBuf> = if path.is_dir() {
        let mut files: Vec<_> = std::fs::read_dir(path)
            .map_err(|e| format!("{}: {e}", path.display()))?
            .filter_map(|e| e.ok().map(|e| e.path()))
            .filter(|p| p.extension().is_some_and(|x| x == "conllu"))
            .collect();
        files.sort();
        files
    } else {
        vec![path.to_path_buf()]
    };
    files
        .iter()
        .map(|file| {
            let text = std::fs::read_to_string(file).map_err(|e| format!("{}: {e}", file.display()))?;
            let sentences = conllu::parse(&text).map_err(|e| format!("{}: {e}", file.display()))?;
            let name = file
                .file_name()
                .map_or(String::new(), |n| n.to_string_lossy().into_owned());
            Ok(GoldDoc { name, sentences })
        })
        .collect()
}

/// Training options (the defaults are what the shipped model uses).
#[derive(Clone, Debug)]
pub struct Options {
    /// Tagger passes over the data.
    pub tagger_epochs: usize,
    /// Parser passes over the data.
    pub parser_epochs: usize,
    /// Probability of following a wrong predicted move while training the parser.
    pub explore: f64,
    /// Jackknife folds for the parser's training tags (1: gold tags).
    pub folds: usize,
    /// Least times a suffix must be seen for a lemma rule.
    pub min_rule_count: usize,
    /// Averaged weights smaller than this are dropped from the shipped models.
    pub min_weight: f32,
}

impl Default for Options {
    fn default() -> Self {
        Options {
            tagger_epochs: 8,
            parser_epochs: 12,
            explore: 0.9,
            folds: 5,
            min_rule_count: 2,
            min_weight: 1.0,
        }
    }
}

/// The four model files' contents.
pub struct ModelFiles {
    /// `tagger.bin`.
    pub tagger: Vec<u8>,
    /// `classes.tsv`.
    pub classes: String,
    /// `lemmas.tsv`.
    pub lemmas: String,
    /// `parser.bin`.
    pub parser: Vec<u8>,
}

impl ModelFiles {
    /// The model these files hold.
    pub fn model(&self) -> Result<SyntaxModel, String> {
        SyntaxModel::from_parts(&self.tagger, &self.classes, &self.lemmas, &self.parser)
    }
}

struct Prepared {
    infos: Vec<WordInfo>,
    classes: Vec<usize>,
    heads: Vec<usize>,
    relations: Vec<usize>,
}

/// Trains every model on `sentences`.
pub fn train(sentences: &[GoldSentence], options: &Options) -> ModelFiles {
    // Tag classes: the UPOS+XPOS pairs seen, most frequent first (ties by name).
    let mut pair_counts: BTreeMap<(Upos, Xpos), usize> = BTreeMap::new();
    for s in sentences {
        for w in &s.words {
            *pair_counts.entry(tags_of(&w.upos, &w.xpos)).or_default() += 1;
        }
    }
    let mut pairs: Vec<((Upos, Xpos), usize)> = pair_counts.into_iter().collect();
    pairs.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
    let classes: Vec<(Upos, Xpos)> = pairs.into_iter().map(|(p, _)| p).collect();
    let class_of: BTreeMap<(Upos, Xpos), usize> = classes.iter().enumerate().map(|(i, p)| (*p, i)).collect();

    let prepared: Vec<Prepared> = sentences
        .iter()
        .map(|s| {
            let n = s.words.len();
            Prepared {
                infos: s.words.iter().map(|w| WordInfo::new(&w.form)).collect(),
                classes: s.words.iter().map(|w| class_of[&tags_of(&w.upos, &w.xpos)]).collect(),
                heads: s
                    .words
                    .iter()
                    .map(|w| if w.head == 0 || w.head > n { n } else { w.head - 1 })
                    .collect(),
                relations: s
                    .words
                    .iter()
                    .map(|w| Deprel::from_name_or_fallback(&w.deprel).index())
                    .collect(),
            }
        })
        .collect();
    let tagged: Vec<(Vec<WordInfo>, Vec<usize>)> =
        prepared.iter().map(|p| (p.infos.clone(), p.classes.clone())).collect();
    let tagger_model = tagger::train(&tagged, classes.len(), options.tagger_epochs, options.min_weight);

    // The parser's training tags: predicted by taggers trained on the other folds.
    let parser_tags: Vec<Vec<usize>> = if options.folds <= 1 {
        prepared.iter().map(|p| p.classes.clone()).collect()
    } else {
        let mut tags = vec![Vec::new(); prepared.len()];
        for fold in 0..options.folds {
            let rest: Vec<(Vec<WordInfo>, Vec<usize>)> = tagged
                .iter()
                .enumerate()
                .filter(|(i, _)| i % options.folds != fold)
                .map(|(_, t)| t.clone())
                .collect();
            let model = tagger::train(&rest, classes.len(), options.tagger_epochs, 0.0);
            for (i, p) in prepared.iter().enumerate().filter(|(i, _)| i % options.folds == fold) {
                tagger::tag(&model, &p.infos, &mut tags[i]);
            }
        }
        tags
    };
    let examples: Vec<ParseExample> = prepared
        .iter()
        .zip(&parser_tags)
        .map(|(p, tags)| ParseExample {
            words: p
                .infos
                .iter()
                .zip(tags)
                .map(|(info, &tag)| ParseWord {
                    info: *info,
                    tag: tag as u64,
                })
                .collect(),
            heads: p.heads.clone(),
            relations: p.relations.clone(),
        })
        .collect();
    let parser_model = parser::train(
        &examples,
        DEPRELS.len(),
        options.parser_epochs,
        options.explore,
        options.min_weight,
    );

    let lemma_examples: Vec<(String, Xpos, String)> = sentences
        .iter()
        .flat_map(|s| s.words.iter())
        .filter(|w| w.lemma != "_")
        .map(|w| (w.form.clone(), tags_of(&w.upos, &w.xpos).1, w.lemma.clone()))
        .collect();
    let lemmatizer = Lemmatizer::learn(&lemma_examples, options.min_rule_count);

    ModelFiles {
        tagger: tagger_model.to_bytes(TAGGER_MAGIC),
        classes: classes.iter().map(|(u, x)| format!("{u}\t{x}\n")).collect(),
        lemmas: lemmatizer.to_tsv(),
        parser: parser_model.to_bytes(PARSER_MAGIC),
    }
}

fn tags_of(upos: &str, xpos: &str) -> (Upos, Xpos) {
    (Upos::from_name_or_fallback(upos), Xpos::from_name_or_fallback(xpos))
}

/// Accuracy on gold words (the treebank's own tokenisation): UPOS, XPOS, lemma, UAS,
/// LAS (universal relation), in percent, and the number of words.
pub fn evaluate_on_gold_words(model: &SyntaxModel, sentences: &[GoldSentence]) -> ([f64; 5], usize) {
    let mut correct = [0usize; 5];
    let mut total = 0;
    for s in sentences {
        let forms: Vec<&str> = s.words.iter().map(|w| w.form.as_str()).collect();
        for (gold, (upos, xpos, lemma, head, deprel)) in s.words.iter().zip(model.analyse(&forms)) {
            total += 1;
            correct[0] += usize::from(upos.as_str() == gold.upos);
            correct[1] += usize::from(xpos.as_str() == gold.xpos);
            correct[2] += usize::from(lemma == gold.lemma);
            let head_ok = head.map_or(0, |h| h + 1) == gold.head;
            correct[3] += usize::from(head_ok);
            correct[4] += usize::from(head_ok && deprel.universal() == gold.deprel.split(':').next().unwrap_or(""));
        }
    }
    let pct = |c: usize| 100.0 * c as f64 / total.max(1) as f64;
    (correct.map(pct), total)
}
