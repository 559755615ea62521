//! The JSON Schema of the output record, derived from the output types in [`crate::output`]
//! (their doc comments are its descriptions). `schema/output.schema.json` at the repository
//! root is this schema as `byline schema` prints it; a test keeps the two equal.

use crate::output::OutputRecord;
use schemars::generate::SchemaSettings;

/// The output record's JSON Schema (draft 2020-12), as the serialiser writes records: a
/// field is required unless it is left out when empty (`warnings`, `meta`).
pub fn output_schema() -> serde_json::Value {
    let generator = SchemaSettings::draft2020_12().for_serialize().into_generator();
    let mut schema = generator.into_root_schema_for::<OutputRecord>().to_value();
    if let Some(fields) = schema.as_object_mut() {
        fields.insert("$id".into(), "byline/output.schema.json".into());
        fields.insert("title".into(), "byline output record".into());
    }
    schema
}

/// [`output_schema`] as the committed file holds it: pretty-printed, with a final newline.
pub fn output_schema_text() -> String {
    serde_json::to_string_pretty(&output_schema()).expect("a schema serialises") + "\n"
}
