//! What the whole article says of its names, once every sentence is tagged, in three
//! steps: (1) a term the article defines by lower-case words before it in parentheses
//! ("sea surface salinity (SSS)") is no name, wherever it stands; (2) a single word that
//! ends a person's full name is that person ("Ngata" after "Aroha Ngata"); (3) one label
//! per name: mentions written alike take the label most of them got ("Carrano" tagged LOC
//! once and PER three times is PER everywhere); a tie keeps each mention's own label.

use crate::lexicon::DEMONYMS;
use byline_core::{EntityLabel, Span};
use std::collections::HashMap;

/// A name the tagger found: where it is and its label.
pub(crate) type Found = (Span, EntityLabel);

/// Settles the labels of an article's names (in text order), dropping defined terms.
pub(crate) fn settle_labels(text: &str, names: Vec<Found>) -> Vec<Found> {
    let terms = defined_terms(text);
    let mut names: Vec<Found> = names
        .into_iter()
        .filter(|(span, _)| !is_term(&terms, &text[span.start..span.end]))
        .collect();
    surnames_are_persons(text, &mut names);
    one_label_per_name(text, &mut names);
    names
}

/// Whether `name` is one of the `terms` or its plural ("CFLs").
fn is_term(terms: &[&str], name: &str) -> bool {
    terms.iter().any(|t| name == *t || name.strip_suffix('s') == Some(t))
}

/// Abbreviations the article defines by lower-case words right before them:
/// "… sea surface salinity (SSS)", "centre of mass (CoM)": the capitals of the
/// abbreviation are the initials of as many words before the parenthesis, all lower case
/// ("of", "the" and "and" between them are skipped).
fn defined_terms(text: &str) -> Vec<&str> {
    let mut out = Vec::new();
    let mut from = 0;
    while let Some(open) = text[from..].find('(').map(|k| from + k) {
        from = open + 1;
        // Only the next 12 bytes are searched, so that unclosed parentheses cost no
        // scan of the rest of the article each.
        let window = &text.as_bytes()[from..text.len().min(from + 13)];
        let Some(close) = window.iter().position(|&b| b == b')').map(|k| from + k) else {
            continue;
        };
        let abbreviation = &text[from..close];
        let capitals: Vec<char> = abbreviation.chars().filter(|c| c.is_uppercase()).collect();
        let shaped = abbreviation.chars().all(char::is_alphanumeric)
            && abbreviation.starts_with(char::is_uppercase)
            && capitals.len() >= 2;
        if !shaped {
            continue;
        }
        let words: Vec<&str> = text[..open]
            .split_whitespace()
            .rev()
            .filter(|w| !matches!(*w, "of" | "the" | "and" | "for" | "in" | "on"))
            .take(capitals.len())
            .collect();
        let initials_match = words.len() == capitals.len()
            && words.iter().rev().zip(&capitals).all(|(w, c)| {
                let mut chars = w.chars();
                chars
                    .next()
                    .is_some_and(|f| f.is_lowercase() && f.to_uppercase().eq(std::iter::once(*c)))
                    && chars.all(|c| c.is_alphabetic() || c == '-')
            });
        if initials_match && !out.contains(&abbreviation) {
            out.push(abbreviation);
        }
    }
    out
}

/// A single word that ends a person's full name elsewhere in the article is that
/// person's surname ("Lena Park" → "Park"), unless it names a people ("American").
fn surnames_are_persons(text: &str, names: &mut [Found]) {
    let surnames: Vec<&str> = names
        .iter()
        .filter(|(_, label)| *label == EntityLabel::Per)
        .filter_map(|(span, _)| text[span.start..span.end].rsplit_once(' ').map(|(_, last)| last))
        .collect();
    for (span, label) in names.iter_mut() {
        let name = &text[span.start..span.end];
        if *label != EntityLabel::Per && surnames.contains(&name) && !DEMONYMS.contains(&name) {
            *label = EntityLabel::Per;
        }
    }
}

/// Gives the mentions written alike the label most of them have.
fn one_label_per_name(text: &str, names: &mut [Found]) {
    let mut votes: HashMap<&str, [usize; 4]> = HashMap::new();
    for (span, label) in names.iter() {
        votes.entry(&text[span.start..span.end]).or_default()[slot(*label)] += 1;
    }
    for (span, label) in names.iter_mut() {
        let counts = votes[&text[span.start..span.end]];
        let best = counts.iter().copied().max().unwrap_or(0);
        if counts[slot(*label)] < best && counts.iter().filter(|&&c| c == best).count() == 1 {
            *label = LABELS[counts.iter().position(|&c| c == best).unwrap_or(0)];
        }
    }
}

const LABELS: [EntityLabel; 4] = [EntityLabel::Per, EntityLabel::Org, EntityLabel::Loc, EntityLabel::Misc];

fn slot(label: EntityLabel) -> usize {
    LABELS.iter().position(|l| *l == label).unwrap_or(3)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn abbreviations_of_lower_case_words_are_terms() {
        let text = "We map sea surface salinity (SSS) and the centre of mass (CoM) for the World Health Organization (WHO) in (July).";
        assert_eq!(defined_terms(text), vec!["SSS", "CoM"]);
    }

    #[test]
    fn the_majority_label_wins_and_ties_stay() {
        let text = "Carrano Carrano Carrano Boston Boston";
        let mut names = vec![
            (Span::new(0, 7), EntityLabel::Loc),
            (Span::new(8, 15), EntityLabel::Per),
            (Span::new(16, 23), EntityLabel::Per),
            (Span::new(24, 30), EntityLabel::Org),
            (Span::new(31, 37), EntityLabel::Loc),
        ];
        one_label_per_name(text, &mut names);
        let labels: Vec<EntityLabel> = names.iter().map(|n| n.1).collect();
        use EntityLabel::*;
        assert_eq!(labels, vec![Per, Per, Per, Org, Loc]);
    }
}
