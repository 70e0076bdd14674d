//! JSON Schema of the content format's types ([`super::raw`]): the loader
//! reads the `required` lists from it (every missing field of a table at
//! once), and `wegweiser schema` prints it.

use std::collections::BTreeMap;

use clap::ValueEnum;
use schemars::JsonSchema;
use schemars::r#gen::{SchemaGenerator, SchemaSettings};
use schemars::schema::{InstanceType, Schema, SchemaObject};
use serde_json::{Value, json};

use super::raw;
use crate::diagnostics::Lang;

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

/// The file kinds `schema` describes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum SchemaKind {
    /// Front matter of content/groups/*.md.
    Group,
    /// Front matter of content/organisations/*.md.
    Organisation,
    /// Front matter of content/contact-points/*.md.
    ContactPoint,
    /// Front matter of content/pages/*.md.
    Page,
    /// content/indications.toml.
    Indications,
    /// wegweiser.toml.
    Settings,
}

impl SchemaKind {
    /// All kinds, in the order of the contract.
    pub const ALL: [SchemaKind; 6] = [
        SchemaKind::Group,
        SchemaKind::Organisation,
        SchemaKind::ContactPoint,
        SchemaKind::Page,
        SchemaKind::Indications,
        SchemaKind::Settings,
    ];

    /// The name on the command line and under `$defs`.
    pub fn name(self) -> &'static str {
        match self {
            SchemaKind::Group => "group",
            SchemaKind::Organisation => "organisation",
            SchemaKind::ContactPoint => "contact-point",
            SchemaKind::Page => "page",
            SchemaKind::Indications => "indications",
            SchemaKind::Settings => "settings",
        }
    }

    fn title(self) -> &'static str {
        match self {
            SchemaKind::Group => "wegweiser: group (content/groups/*.md, front matter)",
            SchemaKind::Organisation => {
                "wegweiser: organisation (content/organisations/*.md, front matter)"
            }
            SchemaKind::ContactPoint => {
                "wegweiser: contact point (content/contact-points/*.md, front matter)"
            }
            SchemaKind::Page => "wegweiser: page (content/pages/*.md, front matter)",
            SchemaKind::Indications => "wegweiser: content/indications.toml",
            SchemaKind::Settings => "wegweiser: wegweiser.toml",
        }
    }
}

/// An id must look like a file name: `^[a-z0-9]+(-[a-z0-9]+)*$`.
const SLUG_PATTERN: &str = "^[a-z0-9]+(-[a-z0-9]+)*$";

/// The schema (usually a `$ref`) of one kind, registering its definitions in `generator`.
fn subschema(kind: SchemaKind, generator: &mut SchemaGenerator) -> Value {
    let schema = match kind {
        SchemaKind::Group => generator.subschema_for::<raw::GroupFront>(),
        SchemaKind::Organisation => generator.subschema_for::<raw::OrganisationFront>(),
        SchemaKind::ContactPoint => generator.subschema_for::<raw::ContactPointFront>(),
        SchemaKind::Page => generator.subschema_for::<raw::PageFront>(),
        SchemaKind::Indications => {
            // `raw::IndicationsFile` is a map keyed by `Spanned<String>`: the same map with plain keys.
            generator.subschema_for::<BTreeMap<String, raw::IndicationEntry>>()
        }
        SchemaKind::Settings => generator.subschema_for::<raw::SettingsFile>(),
    };
    let mut value = serde_json::to_value(schema).unwrap_or(Value::Null);
    if kind == SchemaKind::Indications
        && let Value::Object(map) = &mut value
    {
        map.insert("propertyNames".into(), json!({ "pattern": SLUG_PATTERN }));
        map.insert(
                "description".into(),
                json!("One table per indication (topic); the key is its id: lowercase a–z, digits and single hyphens."),
            );
    }
    value
}

/// One JSON Schema document: for `kind`, or all kinds under `$defs`.
pub fn document(kind: Option<SchemaKind>) -> Value {
    let mut generator = generator();
    let meta = generator.settings().meta_schema.clone();
    let mut doc = serde_json::Map::new();
    doc.insert("$schema".into(), json!(meta));
    match kind {
        Some(k) => {
            doc.insert("title".into(), json!(k.title()));
            let root = subschema(k, &mut generator);
            match root {
                // A `$ref` at the root: inline the referenced definition.
                Value::Object(m) if m.contains_key("$ref") => {
                    let name = m["$ref"]
                        .as_str()
                        .unwrap_or("")
                        .rsplit('/')
                        .next()
                        .unwrap_or("")
                        .to_owned();
                    let mut defs = generator.take_definitions();
                    if let Some(Ok(Value::Object(def))) =
                        defs.remove(&name).map(serde_json::to_value)
                    {
                        for (key, v) in def {
                            if key != "title" {
                                doc.insert(key, v);
                            }
                        }
                    }
                    insert_defs(&mut doc, defs.into_iter().collect());
                }
                Value::Object(m) => {
                    doc.extend(m);
                    insert_defs(&mut doc, generator.take_definitions().into_iter().collect());
                }
                _ => {}
            }
        }
        None => {
            doc.insert(
                "title".into(),
                json!("wegweiser: every file kind of a directory"),
            );
            doc.insert(
                "description".into(),
                json!("One definition per file kind under $defs: group, organisation, contact-point, page, indications, settings."),
            );
            let kinds: Vec<(String, Value)> = SchemaKind::ALL
                .iter()
                .map(|&k| (k.name().to_owned(), subschema(k, &mut generator)))
                .collect();
            let mut defs: Vec<(String, Schema)> =
                generator.take_definitions().into_iter().collect();
            let mut all = serde_json::Map::new();
            for (name, v) in kinds {
                all.insert(name, v);
            }
            for (name, s) in defs.drain(..) {
                all.insert(name, serde_json::to_value(s).unwrap_or(Value::Null));
            }
            doc.insert("$defs".into(), Value::Object(all));
        }
    }
    let mut doc = Value::Object(doc);
    drop_null_defaults(&mut doc);
    doc
}

/// TOML has no null: `"default": null` (of optional fields) says nothing useful.
fn drop_null_defaults(v: &mut Value) {
    match v {
        Value::Object(m) => {
            if m.get("default") == Some(&Value::Null) {
                m.remove("default");
            }
            m.values_mut().for_each(drop_null_defaults);
        }
        Value::Array(a) => a.iter_mut().for_each(drop_null_defaults),
        _ => {}
    }
}

fn insert_defs(doc: &mut serde_json::Map<String, Value>, defs: Vec<(String, Schema)>) {
    if defs.is_empty() {
        return;
    }
    let map: serde_json::Map<String, Value> = defs
        .into_iter()
        .map(|(k, s)| (k, serde_json::to_value(s).unwrap_or(Value::Null)))
        .collect();
    doc.insert("$defs".into(), Value::Object(map));
}

/// Puts the descriptions into `lang` (the catalogue has the German ones).
pub fn translate(v: &mut Value, lang: Lang) {
    if lang == Lang::En {
        return;
    }
    match v {
        Value::Object(m) => {
            for (k, x) in m.iter_mut() {
                match x {
                    Value::String(s)
                        if k == "description" || k == "title" && !s.starts_with("wegweiser") =>
                    {
                        if let Some(de) = crate::diagnostics::schema_description_de(s) {
                            *s = de.to_owned();
                        }
                    }
                    _ => translate(x, lang),
                }
            }
        }
        Value::Array(a) => a.iter_mut().for_each(|x| translate(x, lang)),
        _ => {}
    }
}
