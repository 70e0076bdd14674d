//! JSON Schema of the content format's types ([`super::raw`]): the loader
//! reads the `required` lists from it (every missing field of a table at
//! once), and `wegweiser schema` prints it.

use schemars::JsonSchema;
use schemars::r#gen::{SchemaGenerator, SchemaSettings};
use schemars::schema::{InstanceType, Schema, SchemaObject};
use serde_json::Value;

/// Marker type for the schema of a TOML local date (`verified = 2026-09-14`).
/// In JSON (and in editors, which see TOML dates as strings) it is a string
/// of format `date`.
pub struct TomlDate;

impl JsonSchema for TomlDate {
    fn schema_name() -> String {
        "Date".to_owned()
    }

    fn is_referenceable() -> bool {
        false
    }

    fn json_schema(_: &mut SchemaGenerator) -> Schema {
        SchemaObject {
            instance_type: Some(InstanceType::String.into()),
            format: Some("date".to_owned()),
            ..Default::default()
        }
        .into()
    }
}

/// The generator every schema of the format is made with (draft 2019-09,
/// definitions under `$defs`, optional fields without `null`).
pub fn generator() -> SchemaGenerator {
    let mut settings = SchemaSettings::draft2019_09();
    settings.definitions_path = "#/$defs/".to_owned();
    // TOML has no null: an optional field is simply left out.
    settings.option_add_null_type = false;
    settings.option_nullable = false;
    SchemaGenerator::new(settings)
}

/// The JSON Schema of `T` as JSON (definitions under `definitions`,
/// referenced as `#/$defs/Name`): the loader reads the `required` lists
/// from it to name every missing field of a table at once.
pub fn schema_value<T: JsonSchema>() -> Value {
    serde_json::to_value(generator().into_root_schema_for::<T>()).unwrap_or(Value::Null)
}
