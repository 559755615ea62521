//! Real parsed sentences: the first sentences of the Wikinews articles of GUM dev (CC BY
//! 2.5, credited in `snapshots/NOTICE.md`), read from `../shared` (skipped with a message
//! when it is absent), with the gold tree beside ours word by word: tags, head word and
//! relation, a `✗` where they differ.

use byline_core::{Article, Pipeline};
use byline_syntax::Syntax;
use byline_syntax::conllu::{GoldSentence, parse};

#[path = "../../../support/shared_data.rs"]
mod shared_data;

const SENTENCES_PER_ARTICLE: usize = 6;

fn head_word(words: &[(String, String, Option<usize>, String)], head: Option<usize>) -> &str {
    head.map_or("ROOT", |h| words[h].0.as_str())
}

fn render(sentence: &GoldSentence, pipeline: &Pipeline) -> String {
    let doc = pipeline.process(Article::new("s", sentence.text.as_str())).unwrap();
    let ours: Vec<(String, String, Option<usize>, String)> = doc
        .syntax
        .words
        .iter()
        .map(|w| {
            (
                w.span.slice(&doc.text).to_owned(),
                format!("{}/{}", w.upos, w.xpos),
                w.head,
                w.deprel.as_str().to_owned(),
            )
        })
        .collect();
    let gold: Vec<(String, String, Option<usize>, String)> = sentence
        .words
        .iter()
        .map(|w| {
            (
                w.form.clone(),
                format!("{}/{}", w.upos, w.xpos),
                (w.head > 0).then(|| w.head - 1),
                w.deprel.clone(),
            )
        })
        .collect();
    let mut out = format!("# text = {}\n", sentence.text);
    let same_words = ours.iter().map(|w| &w.0).eq(gold.iter().map(|w| &w.0));
    if !same_words {
        out += "(our words differ from the gold words: each listed on its own)\n";
    }
    let width = ours.iter().chain(&gold).map(|w| w.0.chars().count()).max().unwrap_or(0);
    let line = |w: &(String, String, Option<usize>, String), all: &[(String, String, Option<usize>, String)]| {
        format!("{:<10} {:<14} {:<11}", w.1, head_word(all, w.2), w.3)
    };
    if same_words {
        for (o, g) in ours.iter().zip(&gold) {
            let mark = if o.1 == g.1 && o.2 == g.2 && o.3 == g.3 {
                " "
            } else {
                "✗"
            };
            let row = format!(
                "{mark} {:<width$}  ours {}  gold {}",
                o.0,
                line(o, &ours),
                line(g, &gold)
            );
            out += row.trim_end();
            out.push('\n');
        }
    } else {
        for o in &ours {
            out += format!("  {:<width$}  ours {}", o.0, line(o, &ours)).trim_end();
            out.push('\n');
        }
        for g in &gold {
            out += format!("  {:<width$}  gold {}", g.0, line(g, &gold)).trim_end();
            out.push('\n');
        }
    }
    out
}

#[test]
fn wikinews_sentences_of_gum_dev() {
    let Some(dir) = shared_data::shared("data/gum/dev") else {
        return;
    };
    let pipeline = Pipeline::builder().with(Syntax).build().unwrap();
    let mut names: Vec<String> = std::fs::read_dir(&dir)
        .unwrap()
        .filter_map(|e| e.ok().map(|e| e.file_name().to_string_lossy().into_owned()))
        .filter(|n| n.starts_with("GUM_news_"))
        .collect();
    names.sort();
    assert!(!names.is_empty(), "GUM dev has Wikinews articles");
    for name in names {
        let sentences = parse(&std::fs::read_to_string(dir.join(&name)).unwrap()).unwrap();
        let shown: Vec<String> = sentences
            .iter()
            .take(SENTENCES_PER_ARTICLE)
            .map(|s| render(s, &pipeline))
            .collect();
        insta::assert_snapshot!(name.trim_end_matches(".conllu"), shown.join("\n"));
    }
}
