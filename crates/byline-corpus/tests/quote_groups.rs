//! Quote groups on a labelled set written for byline: exact copies, cuts at either end
//! and in the middle ("…"), one to three words changed, different quotes by one speaker
//! that share most words (a negation dropped, a place swapped), the same words said by
//! two speakers, and two-word quotes. Pairwise precision and recall over every pair of
//! labelled occurrences, and the occurrences table as a snapshot.

use byline_corpus::{LinkOptions, link};
use serde_json::{Value, json};
use std::io::Write;

const PARK: usize = 0;
const HALE: usize = 1;
const FERRIES: usize = 2;

/// (speaker, text, gold statement); gold "" is left out of the pairs (unknowable).
type Case = (Option<usize>, &'static str, &'static str);

fn cases() -> Vec<Vec<Case>> {
    vec![
        vec![
            (
                Some(PARK),
                "The ferry will run every hour from the first of June, and we will not raise the fares this year.",
                "fares",
            ),
            (
                Some(HALE),
                "We looked at every option, we talked to every family on the island, and in the end the council chose the plan that keeps the school open.",
                "school",
            ),
            (Some(PARK), "No comment.", "no-1"),
        ],
        vec![
            (
                Some(PARK),
                "The ferry will run every hour from the first of June, and we will not raise the fares this year.",
                "fares",
            ),
            (None, "The ferry will run every hour from the first of June", "fares"),
            (Some(HALE), "we talked to every family on the island", "school"),
            (
                Some(PARK),
                "I want to thank the people of Westport for their patience during the repairs.",
                "thanks-westport",
            ),
        ],
        vec![
            (Some(PARK), "we will not raise the fares this year", "fares"),
            (
                Some(PARK),
                "The ferry will run every hour … we will not raise the fares this year.",
                "fares",
            ),
            (
                Some(PARK),
                "I want to thank the people of Eastham for their patience during the repairs.",
                "thanks-eastham",
            ),
            (
                Some(HALE),
                "This is the best day for the harbour in twenty years.",
                "best-day-hale",
            ),
            (Some(PARK), "No comment.", "no-2"),
        ],
        vec![
            (
                Some(PARK),
                "The ferry will run every hour from the first of June, and we will raise the fares this year.",
                "fares-raised",
            ),
            (
                Some(FERRIES),
                "This is the best day for the harbour in twenty years.",
                "best-day-ferries",
            ),
            (
                Some(HALE),
                "We looked at every option … the council chose the plan that keeps the school open",
                "school",
            ),
            (
                Some(FERRIES),
                "Our crews worked through the night to restore the service.",
                "crews",
            ),
        ],
        vec![
            (
                Some(PARK),
                "The ferry will run each hour from the first of June, and we will not raise the fares this year.",
                "fares",
            ),
            (
                Some(HALE),
                "We looked at every option, we talked to every familly on the island, and in the end the council chose the plan that keeps the school open.",
                "school",
            ),
            (
                Some(FERRIES),
                "Our crews worked all through the night to restore service.",
                "crews",
            ),
            (
                None,
                "Our crews worked through the night to restore the service",
                "crews",
            ),
        ],
        vec![
            (
                Some(HALE),
                "We looked at every option, we spoke to every family on the island, and in the end the council picked the plan that keeps the school open.",
                "school",
            ),
            (
                Some(PARK),
                "The ferry will run every hour from the first of June and we will not raise fares this year",
                "fares",
            ),
            (
                Some(HALE),
                "In the end the council chose the plan that keeps the library open, and we talked to every family about it.",
                "library",
            ),
            (
                Some(FERRIES),
                "our crews worked through the night to restore the service",
                "crews",
            ),
        ],
    ]
}

fn record(n: usize, quotes: &[Case]) -> Value {
    let clusters = json!([
        {"id": 0, "name": "Lena Park", "label": "PER", "mentions": [0], "roles": ["Councillor"]},
        {"id": 1, "name": "Tom Hale", "label": "PER", "mentions": [1], "roles": ["headteacher"]},
        {"id": 2, "name": "Westport Ferries", "label": "ORG", "mentions": [2], "roles": []},
    ]);
    let entities = json!([
        {"start": 0, "end": 9, "text": "Lena Park", "label": "PER", "cluster": 0},
        {"start": 10, "end": 18, "text": "Tom Hale", "label": "PER", "cluster": 1},
        {"start": 19, "end": 35, "text": "Westport Ferries", "label": "ORG", "cluster": 2},
    ]);
    let quotes: Vec<Value> = quotes
        .iter()
        .map(|(speaker, text, _)| json!({"text": text, "content": text, "speaker": speaker.map(|c| json!({"cluster": c}))}))
        .collect();
    json!({
        "id": format!("harbour-{n}"), "error": null, "published": format!("2025-04-{:02}", 20 - n),
        "meta": {"source": format!("Outlet {}", n % 3)},
        "entities": entities, "clusters": clusters, "quotes": quotes,
    })
}

#[test]
fn quote_groups_are_precise_and_complete_on_the_labelled_set() {
    let dir = std::env::temp_dir().join(format!("byline-corpus-quotes-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let path = dir.join("extract.jsonl");
    let mut f = std::fs::File::create(&path).unwrap();
    let all = cases();
    for (n, quotes) in all.iter().enumerate() {
        writeln!(f, "{}", record(n, quotes)).unwrap();
    }
    drop(f);
    let linked = link(std::slice::from_ref(&path), &LinkOptions::default()).unwrap();
    let occurrences: Vec<_> = linked.occurrences().collect();
    let gold: Vec<&str> = all.iter().flatten().map(|c| c.2).collect();
    assert_eq!(occurrences.len(), gold.len());

    let (mut both, mut system, mut truth) = (0, 0, 0);
    for i in 0..gold.len() {
        for j in i + 1..gold.len() {
            if gold[i].is_empty() || gold[j].is_empty() {
                continue;
            }
            let same_gold = gold[i] == gold[j];
            let same_system = occurrences[i].quote_id == occurrences[j].quote_id;
            both += usize::from(same_gold && same_system);
            system += usize::from(same_system);
            truth += usize::from(same_gold);
        }
    }
    let precision = both as f64 / system as f64;
    let recall = both as f64 / truth as f64;
    let table: Vec<String> = occurrences
        .iter()
        .zip(&gold)
        .map(|(o, g)| {
            format!(
                "{} q{} {:>4} {:<16} {:<3} altered={} {}",
                o.article_id, o.quote_index, o.quote_id, g, o.identity_id, o.altered, o.changes
            )
        })
        .collect();
    insta::assert_snapshot!(format!(
        "pairwise precision {precision:.3}, recall {recall:.3}\n{}",
        table.join("\n")
    ));
    assert!(precision >= 0.98, "precision {precision}");
    assert!(recall >= 0.95, "recall {recall}");

    // The first appearance is the earliest date (the last record here).
    let quotes: Vec<_> = linked.quotes().collect();
    let fares = quotes
        .iter()
        .find(|q| {
            q.text
                .starts_with("The ferry will run every hour from the first of June, and we will not")
        })
        .unwrap();
    assert_eq!(fares.first_article, "harbour-5");
    assert_eq!(fares.speaker, "Lena Park");
    std::fs::remove_dir_all(&dir).ok();
}
