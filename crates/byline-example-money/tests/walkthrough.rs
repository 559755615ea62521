//! The README's "Adding an extractor" walk-through, as a user would follow it: the
//! plug-in goes into a pipeline beside a built-in (`Pipeline::builder().with(Entities)
//! .with(Money)`), runs on real articles (the bundled samples, written for byline) and its
//! layer reaches the JSON output under `extra.money` with code-point offsets, with no
//! change to the core.

use byline_core::{Pipeline, input::parse_line};
use byline_entities::Entities;
use byline_example_money::Money;

#[test]
fn the_plug_in_runs_beside_a_built_in_and_reaches_the_json_output() {
    let pipeline = Pipeline::builder().with(Entities).with(Money).build().unwrap();
    assert_eq!(pipeline.names(), ["entities", "money"]);
    let samples = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/../../examples/sample.jsonl"))
        .expect("examples/sample.jsonl");
    let mut shown = String::new();
    for (n, line) in samples.lines().enumerate() {
        let article = parse_line(line.as_bytes(), &n.to_string()).expect("a valid sample");
        let text = article.text.clone();
        let record = pipeline.process(article).unwrap().to_output();
        record.check(&text).expect("the built-in layers fit the text");
        let json: serde_json::Value = serde_json::from_str(&record.to_json()).unwrap();
        let chars: Vec<char> = text.chars().collect();
        for amount in json["extra"]["money"]
            .as_array()
            .expect("the plug-in's layer is in the JSON")
        {
            let (start, end) = (
                amount["start"].as_u64().unwrap() as usize,
                amount["end"].as_u64().unwrap() as usize,
            );
            let said: String = chars[start..end].iter().collect();
            assert_eq!(said, amount["text"].as_str().unwrap(), "code-point offsets");
            shown += &format!(
                "{}: {} = {} {}\n",
                record.id, said, amount["amount"], amount["currency"]
            );
        }
    }
    insta::assert_snapshot!(shown);
}
