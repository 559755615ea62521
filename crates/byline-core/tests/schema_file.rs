//! The committed `schema/output.schema.json` is the schema derived from the output types.
//! After changing an output type, rewrite it with
//! `cargo run -p byline-cli -- schema > schema/output.schema.json` (or run this test with
//! `BYLINE_UPDATE_SCHEMA=1`) and review the difference as part of the change.

use std::path::PathBuf;

#[test]
fn committed_output_schema_is_the_derived_one() {
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../schema/output.schema.json");
    let derived = byline_core::schema::output_schema_text();
    if std::env::var_os("BYLINE_UPDATE_SCHEMA").is_some() {
        std::fs::write(&path, &derived).expect("schema file writable");
    }
    let committed = std::fs::read_to_string(&path).expect("schema/output.schema.json exists");
    assert!(
        committed == derived,
        "schema/output.schema.json differs from the schema derived from the output types; \
         rewrite it with `cargo run -p byline-cli -- schema > schema/output.schema.json` and review the diff"
    );
}
