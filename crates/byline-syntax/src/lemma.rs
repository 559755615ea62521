//! Lemmas: a table of the (form, tag) pairs of the training data whose lemma the rules get
//! wrong ("went"/VBD → "go", "'s"/VBZ → "be"), then suffix rules learnt per tag (cut
//! characters from the end, add others: "studies"/NNS → cut 3, add "y"), the longest
//! suffix seen in training deciding; and whether the tag keeps the form's case (proper
//! nouns) or lower-cases it.
//!
//! The model is text (`lemmas.tsv`): `R  tag  suffix  cut  add` rows for rules, `C  tag
//! keep|lower` for case, `E  tag  form  lemma` for exceptions.

use byline_core::Xpos;
use byline_learn::hash::{FastMap, lowercase};
use std::collections::BTreeMap;

/// The longest suffix a rule looks at, in characters.
const MAX_SUFFIX: usize = 5;

/// A suffix rule: cut `cut` characters from the end of the lower-cased form, add `add`.
#[derive(Clone, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
struct Rule {
    cut: usize,
    add: String,
}

/// The lemmatiser.
#[derive(Clone, Debug)]
pub(crate) struct Lemmatizer {
    /// Per tag: lower-cased suffix → rule (looked up without allocating).
    rules: Vec<FastMap<String, Rule>>,
    /// Tags whose lemmas keep the form's case.
    keep_case: Vec<bool>,
    /// Per tag: form as written → lemma, where the rules go wrong.
    exceptions: Vec<FastMap<String, String>>,
}

/// The rule that turns `lower` into `lemma_lower`.
fn rule_of(lower: &str, lemma_lower: &str) -> Rule {
    let common = lower
        .chars()
        .zip(lemma_lower.chars())
        .take_while(|(a, b)| a == b)
        .map(|(a, _)| a.len_utf8())
        .sum::<usize>();
    Rule {
        cut: lower[common..].chars().count(),
        add: lemma_lower[common..].to_owned(),
    }
}

fn apply(lower: &str, rule: &Rule) -> Option<String> {
    let n = lower.chars().count();
    if rule.cut > n {
        return None;
    }
    let keep: usize = lower.chars().take(n - rule.cut).map(char::len_utf8).sum();
    Some(format!("{}{}", &lower[..keep], rule.add))
}

fn suffixes(lower: &str) -> impl Iterator<Item = &str> {
    let starts: Vec<usize> = lower.char_indices().map(|(i, _)| i).collect();
    (1..=MAX_SUFFIX.min(starts.len()))
        .rev()
        .map(move |k| &lower[starts[starts.len() - k]..])
}

impl Default for Lemmatizer {
    fn default() -> Self {
        Lemmatizer {
            rules: vec![FastMap::default(); 256],
            keep_case: vec![false; 256],
            exceptions: vec![FastMap::default(); 256],
        }
    }
}

impl Lemmatizer {
    /// The lemma of `form` tagged `xpos`.
    pub(crate) fn lemma(&self, form: &str, xpos: Xpos) -> String {
        let tag = xpos.index() as u8;
        if let Some(lemma) = self.exceptions[tag as usize].get(form) {
            return lemma.clone();
        }
        self.by_rules(form, tag)
    }

    fn by_rules(&self, form: &str, tag: u8) -> String {
        let lower = lowercase(form);
        let mut lemma = None;
        for suffix in suffixes(&lower) {
            if let Some(rule) = self.rules[tag as usize].get(suffix) {
                lemma = apply(&lower, rule);
                break;
            }
        }
        let lemma = lemma.unwrap_or_else(|| lower.clone());
        if self.keep_case[tag as usize] && lemma == lower {
            form.to_owned()
        } else {
            lemma
        }
    }

    /// Learns from (form, tag, lemma) triples: the most frequent rule per (tag, suffix)
    /// (suffixes seen at least `min_count` times), case by majority per tag, and the
    /// exceptions the rules then get wrong.
    pub(crate) fn learn(examples: &[(String, Xpos, String)], min_count: usize) -> Self {
        let mut case_votes: BTreeMap<u8, (usize, usize)> = BTreeMap::new();
        let mut rule_counts: BTreeMap<(u8, String), BTreeMap<Rule, usize>> = BTreeMap::new();
        for (form, xpos, lemma) in examples {
            let tag = xpos.index() as u8;
            let lower = lowercase(form);
            let lemma_lower = lowercase(lemma);
            let votes = case_votes.entry(tag).or_default();
            if lemma == form && lemma != &lower {
                votes.0 += 1;
            } else if lemma == &lemma_lower && form != &lower {
                votes.1 += 1;
            }
            let rule = rule_of(&lower, &lemma_lower);
            for suffix in suffixes(&lower) {
                *rule_counts
                    .entry((tag, suffix.to_owned()))
                    .or_default()
                    .entry(rule.clone())
                    .or_default() += 1;
            }
        }
        let mut model = Lemmatizer::default();
        for (tag, (keep, lower)) in case_votes {
            model.keep_case[tag as usize] = keep > lower;
        }
        for (key, counts) in rule_counts {
            let total: usize = counts.values().sum();
            if total < min_count {
                continue;
            }
            // The most frequent rule; ties go to the smaller rule (deterministic).
            let (rule, _) = counts
                .into_iter()
                .max_by(|a, b| a.1.cmp(&b.1).then_with(|| b.0.cmp(&a.0)))
                .expect("counts are not empty");
            model.rules[key.0 as usize].insert(key.1, rule);
        }
        let mut wanted: BTreeMap<(u8, String), BTreeMap<String, usize>> = BTreeMap::new();
        for (form, xpos, lemma) in examples {
            *wanted
                .entry((xpos.index() as u8, form.clone()))
                .or_default()
                .entry(lemma.clone())
                .or_default() += 1;
        }
        for ((tag, form), lemmas) in wanted {
            let (lemma, _) = lemmas
                .into_iter()
                .max_by(|a, b| a.1.cmp(&b.1).then_with(|| b.0.cmp(&a.0)))
                .expect("lemmas are not empty");
            if model.by_rules(&form, tag) != lemma {
                model.exceptions[tag as usize].insert(form, lemma);
            }
        }
        model
    }

    /// The model as text (sorted rows: the same model, the same bytes).
    pub(crate) fn to_tsv(&self) -> String {
        let mut rows: Vec<String> = Vec::new();
        for (tag, keep) in self.keep_case.iter().enumerate() {
            if *keep {
                rows.push(format!("C\t{}\tkeep", tag_name(tag as u8)));
            }
        }
        for (tag, rules) in self.rules.iter().enumerate() {
            for (suffix, rule) in rules {
                rows.push(format!(
                    "R\t{}\t{suffix}\t{}\t{}",
                    tag_name(tag as u8),
                    rule.cut,
                    rule.add
                ));
            }
        }
        for (tag, exceptions) in self.exceptions.iter().enumerate() {
            for (form, lemma) in exceptions {
                rows.push(format!("E\t{}\t{form}\t{lemma}", tag_name(tag as u8)));
            }
        }
        rows.sort();
        rows.join("\n") + "\n"
    }

    /// Reads [`Lemmatizer::to_tsv`]'s output.
    pub(crate) fn from_tsv(tsv: &str) -> Result<Self, String> {
        let mut model = Lemmatizer::default();
        for (n, line) in tsv.lines().enumerate() {
            let cols: Vec<&str> = line.split('\t').collect();
            let bad = || format!("lemma table line {}: {line:?}", n + 1);
            let tag = |name: &str| Xpos::from_name(name).map(|x| x.index() as u8).ok_or_else(bad);
            match cols.as_slice() {
                ["C", t, "keep"] => model.keep_case[tag(t)? as usize] = true,
                ["R", t, suffix, cut, add] => {
                    let cut = cut.parse().map_err(|_| bad())?;
                    model.rules[tag(t)? as usize].insert(
                        (*suffix).to_owned(),
                        Rule {
                            cut,
                            add: (*add).to_owned(),
                        },
                    );
                }
                ["E", t, form, lemma] => {
                    model.exceptions[tag(t)? as usize].insert((*form).to_owned(), (*lemma).to_owned());
                }
                [""] => {}
                _ => return Err(bad()),
            }
        }
        Ok(model)
    }
}

fn tag_name(tag: u8) -> &'static str {
    Xpos::from_index(tag as usize).map_or("XX", Xpos::as_str)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn x(name: &str) -> Xpos {
        Xpos::from_name(name).unwrap()
    }

    #[test]
    fn learns_rules_case_and_exceptions_and_round_trips() {
        let data: Vec<(String, Xpos, String)> = [
            ("studies", "NNS", "study"),
            ("cities", "NNS", "city"),
            ("parties", "NNS", "party"),
            ("dogs", "NNS", "dog"),
            ("cats", "NNS", "cat"),
            ("went", "VBD", "go"),
            ("walked", "VBD", "walk"),
            ("talked", "VBD", "talk"),
            ("Peskov", "NNP", "Peskov"),
            ("Kremlin", "NNP", "Kremlin"),
            ("The", "DT", "the"),
        ]
        .iter()
        .map(|(f, t, l)| ((*f).to_owned(), x(t), (*l).to_owned()))
        .collect();
        let m = Lemmatizer::learn(&data, 1);
        assert_eq!(m.lemma("ladies", x("NNS")), "lady");
        assert_eq!(m.lemma("hats", x("NNS")), "hat");
        assert_eq!(m.lemma("went", x("VBD")), "go");
        assert_eq!(m.lemma("jumped", x("VBD")), "jump");
        assert_eq!(m.lemma("Zelensky", x("NNP")), "Zelensky");
        assert_eq!(m.lemma("A", x("DT")), "a");
        let again = Lemmatizer::from_tsv(&m.to_tsv()).unwrap();
        assert_eq!(again.to_tsv(), m.to_tsv());
        assert_eq!(again.lemma("ladies", x("NNS")), "lady");
    }
}
