//! Syntax for byline: per sentence, the syntactic words (UD words: clitics split off,
//! abbreviations and hyphenated words joined; see [`words`](crate::words)), their UPOS and
//! Penn Treebank tags, lemmas and a Universal Dependencies tree.
//!
//! Three trained models, shipped in `model/` (`byline train syntax` rebuilds them byte for
//! byte from GUM; `model/README.md` says how and from which documents): a greedy
//! perceptron tagger over UPOS+XPOS pairs, a rule-and-exception lemmatiser, and a greedy
//! arc-hybrid parser trained with a dynamic oracle. Every sentence gets a tree: every word
//! a head, exactly one root; work is linear in the sentence length.
#![warn(missing_docs)]

mod lemma;
mod parser;
mod tagger;
pub mod train;
mod words;

pub mod conllu;

use byline_core::{Deprel, Document, ExtractError, Extractor, Layer, Syntax as SyntaxLayer, Upos, Word, Xpos};
use byline_learn::multiclass::MulticlassModel;
use std::sync::LazyLock;

/// Magic bytes of the tagger model file.
pub const TAGGER_MAGIC: &[u8; 8] = b"BYLTAG01";
/// Magic bytes of the parser model file.
pub const PARSER_MAGIC: &[u8; 8] = b"BYLDEP02";

/// The trained models: tagger (with its UPOS+XPOS classes), lemmatiser and parser.
pub struct SyntaxModel {
    tagger: MulticlassModel,
    classes: Vec<(Upos, Xpos)>,
    lemmatizer: lemma::Lemmatizer,
    parser: parser::ParserModel,
}

impl SyntaxModel {
    /// Reads a model from its four files' contents (see `model/README.md`).
    pub fn from_parts(tagger: &[u8], classes: &str, lemmas: &str, parser: &[u8]) -> Result<Self, String> {
        let classes = classes
            .lines()
            .filter(|l| !l.is_empty())
            .map(|line| {
                let (u, x) = line
                    .split_once('\t')
                    .ok_or_else(|| format!("tag class line {line:?}"))?;
                Ok((
                    Upos::from_name(u).ok_or_else(|| format!("unknown UPOS {u}"))?,
                    Xpos::from_name(x).ok_or_else(|| format!("unknown XPOS {x}"))?,
                ))
            })
            .collect::<Result<Vec<_>, String>>()?;
        let tagger = MulticlassModel::from_bytes(tagger, TAGGER_MAGIC)?;
        let parser = parser::ParserModel::from_bytes(parser, PARSER_MAGIC, byline_core::syntax::DEPRELS.len())?;
        if tagger.classes() != classes.len() {
            return Err(format!(
                "the tagger has {} classes but the class table {}",
                tagger.classes(),
                classes.len()
            ));
        }
        Ok(SyntaxModel {
            tagger,
            classes,
            lemmatizer: lemma::Lemmatizer::from_tsv(lemmas)?,
            parser,
        })
    }

    /// The shipped model.
    pub fn shipped() -> &'static SyntaxModel {
        static MODEL: LazyLock<SyntaxModel> = LazyLock::new(|| {
            SyntaxModel::from_parts(
                include_bytes!("../model/tagger.bin"),
                include_str!("../model/classes.tsv"),
                include_str!("../model/lemmas.tsv"),
                include_bytes!("../model/parser.bin"),
            )
            .expect("the shipped syntax model is valid (checked by a test)")
        });
        &MODEL
    }

    /// Tags, lemmatises and parses one sentence of words (`forms`): per word its tags,
    /// lemma, head (index in the sentence, `None` for the root) and relation.
    pub fn analyse(&self, forms: &[&str]) -> Vec<(Upos, Xpos, String, Option<usize>, Deprel)> {
        let infos: Vec<tagger::WordInfo> = forms.iter().map(|f| tagger::WordInfo::new(f)).collect();
        let mut tags = Vec::with_capacity(forms.len());
        tagger::tag(&self.tagger, &infos, &mut tags);
        let parse_words: Vec<parser::ParseWord> = infos
            .iter()
            .zip(&tags)
            .map(|(info, &tag)| parser::ParseWord {
                info: *info,
                tag: tag as u64,
            })
            .collect();
        let tree = parser::parse(&self.parser, &parse_words);
        forms
            .iter()
            .zip(tags)
            .zip(tree)
            .map(|((form, tag), (head, relation))| {
                let (upos, xpos) = self.classes[tag];
                let deprel = Deprel::from_index(relation).unwrap_or_else(|| Deprel::from_name_or_fallback("dep"));
                (upos, xpos, self.lemmatizer.lemma(form, xpos), head, deprel)
            })
            .collect()
    }
}

/// The syntax extractor: writes `syntax`.
#[derive(Clone, Debug, Default)]
pub struct Syntax;

impl Extractor for Syntax {
    fn name(&self) -> &'static str {
        "syntax"
    }

    fn provides(&self) -> &'static [Layer] {
        &[Layer::Syntax]
    }

    fn extract(&self, doc: &mut Document) -> Result<(), ExtractError> {
        doc.syntax = analyse(SyntaxModel::shipped(), doc);
        Ok(())
    }
}

/// The syntax layer of a document under `model`.
pub fn analyse(model: &SyntaxModel, doc: &Document) -> SyntaxLayer {
    let mut layer = SyntaxLayer {
        words: Vec::with_capacity(doc.tokens.len() + doc.tokens.len() / 8),
        sentences: Vec::with_capacity(doc.sentences.len()),
    };
    for sentence in &doc.sentences {
        let first = layer.words.len();
        let spans = words::words(&doc.text, &doc.tokens[sentence.tokens.clone()], sentence.tokens.start);
        let forms: Vec<&str> = spans.iter().map(|w| w.span.slice(&doc.text)).collect();
        for (w, (upos, xpos, lemma, head, deprel)) in spans.iter().zip(model.analyse(&forms)) {
            layer.words.push(Word {
                span: w.span,
                token: w.token,
                upos,
                xpos,
                lemma,
                head: head.map(|h| first + h),
                deprel,
            });
        }
        layer.sentences.push(first..layer.words.len());
    }
    layer
}
