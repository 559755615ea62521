//! CoNLL-U, the format of the Universal Dependencies treebanks: reading gold documents
//! (sentences of words, `# text`, `# newpar`, `SpaceAfter=No`) and writing ours.
//! Multi-word token lines (`3-4`) and empty nodes (`3.1`) are skipped: only syntactic
//! words count, as in the scorer.

use byline_core::Document;
use std::fmt::Write as _;

/// One syntactic word of a gold sentence.
#[derive(Clone, Debug, PartialEq)]
pub struct GoldWord {
    /// FORM.
    pub form: String,
    /// LEMMA.
    pub lemma: String,
    /// UPOS.
    pub upos: String,
    /// XPOS.
    pub xpos: String,
    /// HEAD: 0 for the root, else the 1-based index of the head word in the sentence.
    pub head: usize,
    /// DEPREL.
    pub deprel: String,
    /// Whether a space follows (no `SpaceAfter=No` in MISC).
    pub space_after: bool,
}

/// One gold sentence.
#[derive(Clone, Debug, PartialEq, Default)]
pub struct GoldSentence {
    /// The `# text` comment (the words joined by their spacing when absent).
    pub text: String,
    /// Whether a `# newpar` comment opens a paragraph here.
    pub new_paragraph: bool,
    /// The syntactic words.
    pub words: Vec<GoldWord>,
}

/// A CoNLL-U file's sentences. Errors name the line.
pub fn parse(source: &str) -> Result<Vec<GoldSentence>, String> {
    let mut sentences = Vec::new();
    let mut current = GoldSentence::default();
    for (n, line) in source.lines().enumerate() {
        let line = line.trim_end_matches('\r');
        if line.is_empty() {
            if !current.words.is_empty() {
                sentences.push(finish(std::mem::take(&mut current)));
            }
            continue;
        }
        if let Some(comment) = line.strip_prefix('#') {
            let comment = comment.trim_start();
            if let Some(text) = comment.strip_prefix("text =") {
                current.text = text.trim().to_owned();
            } else if comment.starts_with("newpar") || comment.starts_with("newdoc") {
                current.new_paragraph = true;
            }
            continue;
        }
        let cols: Vec<&str> = line.split('\t').collect();
        if cols.len() != 10 {
            return Err(format!("line {}: not a CoNLL-U line (10 tab-separated columns)", n + 1));
        }
        if cols[0].contains('-') || cols[0].contains('.') {
            continue;
        }
        let head = match cols[6] {
            "_" | "" => 0,
            h => h
                .parse()
                .map_err(|_| format!("line {}: HEAD '{h}' is not a number", n + 1))?,
        };
        current.words.push(GoldWord {
            form: cols[1].to_owned(),
            lemma: cols[2].to_owned(),
            upos: cols[3].to_owned(),
            xpos: cols[4].to_owned(),
            head,
            deprel: cols[7].to_owned(),
            space_after: !cols[9].split('|').any(|m| m == "SpaceAfter=No"),
        });
    }
    if !current.words.is_empty() {
        sentences.push(finish(current));
    }
    Ok(sentences)
}

fn finish(mut sentence: GoldSentence) -> GoldSentence {
    if sentence.text.is_empty() {
        for w in &sentence.words {
            sentence.text.push_str(&w.form);
            if w.space_after {
                sentence.text.push(' ');
            }
        }
        sentence.text = sentence.text.trim_end().to_owned();
    }
    sentence
}

/// The raw text of a document: its sentences' `# text`, joined by a space within a
/// paragraph and by a blank line between paragraphs (`# newpar`).
pub fn raw_text(sentences: &[GoldSentence]) -> String {
    let mut text = String::new();
    for (i, s) in sentences.iter().enumerate() {
        if i > 0 {
            text.push_str(if s.new_paragraph { "\n\n" } else { " " });
        }
        text.push_str(&s.text);
    }
    text
}

/// One word to write: form, lemma, tags, head (0 = root, else 1-based in its sentence)
/// and relation.
pub struct OutWord<'a> {
    /// FORM.
    pub form: &'a str,
    /// LEMMA.
    pub lemma: &'a str,
    /// UPOS.
    pub upos: &'a str,
    /// XPOS.
    pub xpos: &'a str,
    /// HEAD.
    pub head: usize,
    /// DEPREL.
    pub deprel: &'a str,
    /// Whether a space follows it in the text.
    pub space_after: bool,
}

/// Writes one sentence (with its `# sent_id` and `# text`) and the blank line after it.
pub fn write_sentence(out: &mut String, sent_id: &str, text: &str, words: &[OutWord<'_>]) {
    let _ = writeln!(out, "# sent_id = {sent_id}");
    let _ = writeln!(out, "# text = {}", text.replace(['\n', '\r'], " "));
    for (i, w) in words.iter().enumerate() {
        let misc = if w.space_after { "_" } else { "SpaceAfter=No" };
        let form = clean(w.form);
        let lemma = clean(w.lemma);
        let _ = writeln!(
            out,
            "{}\t{form}\t{lemma}\t{}\t{}\t_\t{}\t{}\t_\t{misc}",
            i + 1,
            w.upos,
            w.xpos,
            w.head,
            w.deprel
        );
    }
    out.push('\n');
}

/// A form or lemma as a CoNLL-U column: no tabs or line breaks, never empty.
fn clean(s: &str) -> String {
    let s: String = s.chars().map(|c| if c.is_whitespace() { '_' } else { c }).collect();
    if s.is_empty() { "_".to_owned() } else { s }
}

/// The CoNLL-U of a parsed document (its syntax layer): one block per sentence, with
/// `# sent_id = <doc id>-<n>` and `# text`.
pub fn document(doc: &Document) -> String {
    let mut out = String::new();
    for (i, (sentence, range)) in doc.sentences.iter().zip(&doc.syntax.sentences).enumerate() {
        let words = &doc.syntax.words[range.clone()];
        let out_words: Vec<OutWord<'_>> = words
            .iter()
            .map(|w| OutWord {
                form: w.span.slice(&doc.text),
                lemma: &w.lemma,
                upos: w.upos.as_str(),
                xpos: w.xpos.as_str(),
                head: w.head.map_or(0, |h| h - range.start + 1),
                deprel: w.deprel.as_str(),
                space_after: doc.text[w.span.end..].starts_with(char::is_whitespace),
            })
            .collect();
        write_sentence(
            &mut out,
            &format!("{}-{}", doc.id, i + 1),
            sentence.span.slice(&doc.text),
            &out_words,
        );
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    const SAMPLE: &str = "# newdoc id = x\n# sent_id = 1\n# text = I don't.\n\
        1\tI\tI\tPRON\tPRP\t_\t3\tnsubj\t_\t_\n\
        2-3\tdon't\t_\t_\t_\t_\t_\t_\t_\tSpaceAfter=No\n\
        2\tdo\tdo\tAUX\tVBP\t_\t3\taux\t_\t_\n\
        3\tn't\tnot\tPART\tRB\t_\t0\troot\t_\tSpaceAfter=No\n\
        4\t.\t.\tPUNCT\t.\t_\t3\tpunct\t_\t_\n\n\
        # newpar\n# text = Yes.\n1\tYes\tyes\tINTJ\tUH\t_\t0\troot\t_\tSpaceAfter=No\n2\t.\t.\tPUNCT\t.\t_\t1\tpunct\t_\t_\n";

    #[test]
    fn reads_words_skips_multiword_lines_and_joins_paragraphs() {
        let s = parse(SAMPLE).unwrap();
        assert_eq!(s.len(), 2);
        assert_eq!(s[0].words.len(), 4);
        assert_eq!((s[0].words[2].form.as_str(), s[0].words[2].head), ("n't", 0));
        assert!(!s[0].words[2].space_after && s[0].words[0].space_after);
        assert_eq!(raw_text(&s), "I don't.\n\nYes.");
        assert!(parse("1\tx\n").is_err());
    }
}
