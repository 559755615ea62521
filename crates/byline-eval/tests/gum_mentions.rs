//! Names and pronouns on real text: the opening sentences of the Wikinews articles of GUM
//! dev (CC BY 2.5, credited in `snapshots/NOTICE.md`), read from `../shared` (skipped with
//! a message when it is absent), with GUM's gold beside ours: named PER/ORG/LOC mentions,
//! and each third-person pronoun with the names of the chain it belongs to.

use byline_eval::gum::read::{GumDoc, read_gum};

#[path = "../../../support/shared_data.rs"]
mod shared_data;

const SENTENCES: usize = 10;

fn render(doc: &GumDoc) -> String {
    let end_word = doc
        .words
        .iter()
        .position(|w| w.sentence >= SENTENCES)
        .unwrap_or(doc.words.len());
    let end = doc.words[end_word - 1].end;
    let text = doc.slice(0, end).to_string();
    let pipeline = byline::pipeline_from_names(&["entities"]).unwrap();
    let ours = pipeline
        .process(byline::Article::new(doc.id.clone(), text.clone()))
        .unwrap()
        .to_output();
    let mut out = format!("{text}\n--- ours\n");
    for e in ours.entities.iter().filter(|e| e.label.as_str() != "MISC") {
        out += &format!("{} {}\n", e.label.as_str(), e.text);
    }
    for m in ours.mentions.iter().filter(|m| m.kind.as_str() != "name") {
        out += &format!(
            "{} {}@{} -> {}\n",
            m.kind.as_str(),
            m.text,
            m.start,
            ours.clusters[m.cluster].name
        );
    }
    out += "--- gold\n";
    let mut seen = std::collections::HashSet::new();
    for m in doc.mentions.iter().filter(|m| m.last < end_word) {
        if let Some(label) = m.label {
            if seen.insert((m.head, label)) {
                out += &format!("{label} {}\n", doc.name_text(m));
            }
        }
    }
    for m in doc.mentions.iter().filter(|m| m.first == m.last && m.last < end_word) {
        let w = &doc.words[m.first];
        let third = matches!(
            w.form.to_lowercase().as_str(),
            "he" | "him"
                | "his"
                | "himself"
                | "she"
                | "her"
                | "hers"
                | "herself"
                | "they"
                | "them"
                | "their"
                | "theirs"
                | "themselves"
                | "it"
                | "its"
                | "itself"
        );
        if w.upos != "PRON" || !third {
            continue;
        }
        let names: Vec<&str> = doc
            .mentions
            .iter()
            .filter(|n| n.chain == m.chain && n.label.is_some())
            .map(|n| doc.name_text(n))
            .collect();
        let names = if names.is_empty() {
            "(no name)".to_string()
        } else {
            names[0].to_string()
        };
        out += &format!("pronoun {}@{} -> {names}\n", w.form, w.start);
    }
    out
}

#[test]
fn wikinews_names_and_pronouns_beside_gum() {
    let Some(dev) = shared_data::shared("data/gum/dev") else {
        return;
    };
    for name in ["GUM_news_homeopathic", "GUM_news_iodine"] {
        let path = dev.join(format!("{name}.conllu"));
        let docs = read_gum(&path).unwrap();
        insta::assert_snapshot!(name, render(&docs[0]));
    }
}
