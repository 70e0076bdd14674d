//! `wegweiser schema`: JSON Schema of the front matter of every entry kind,
//! of `content/indications.toml` and of `wegweiser.toml`, generated from the
//! very serde types the loader reads ([`crate::load::raw`]), so the format
//! is never described twice. Editors use it for completion and validation
//! (Taplo / Even Better TOML: a `#:schema` comment, see the README).

use std::collections::BTreeMap;

use clap::{Args, ValueEnum};
use schemars::r#gen::SchemaGenerator;
use schemars::schema::Schema;
use serde_json::{Value, json};

use super::{Context, Outcome};
use crate::diagnostics::Lang;
use crate::load::raw;
pub use crate::load::schema::{TomlDate, generator, schema_value};

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

#[derive(Debug, Args)]
pub struct SchemaArgs {
    /// The file kind; without it, all kinds under "$defs" in one document.
    #[arg(value_enum)]
    kind: Option<SchemaKind>,
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
    if kind == SchemaKind::Indications {
        if let Value::Object(map) = &mut value {
            map.insert("propertyNames".into(), json!({ "pattern": SLUG_PATTERN }));
            map.insert(
                "description".into(),
                json!("One table per indication (topic); the key is its id: lowercase a–z, digits and single hyphens."),
            );
        }
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

pub fn run(ctx: &Context, args: SchemaArgs) -> Outcome {
    let mut doc = document(args.kind);
    translate(&mut doc, ctx.lang_for_root(std::path::Path::new(".")));
    let text = serde_json::to_string_pretty(&doc).unwrap_or_default();
    println!("{text}");
    Outcome::Success
}

#[cfg(test)]
mod tests {
    use super::*;

    fn descriptions(v: &Value, out: &mut Vec<String>) {
        match v {
            Value::Object(m) => {
                for (k, x) in m {
                    match x {
                        Value::String(s) if k == "description" => out.push(s.clone()),
                        _ => descriptions(x, out),
                    }
                }
            }
            Value::Array(a) => a.iter().for_each(|x| descriptions(x, out)),
            _ => {}
        }
    }

    #[test]
    fn every_description_exists_in_german() {
        let mut all = Vec::new();
        descriptions(&document(None), &mut all);
        assert!(all.len() > 50);
        let missing: Vec<&String> = all
            .iter()
            .filter(|d| crate::diagnostics::schema_description_de(d).is_none())
            .collect();
        assert!(
            missing.is_empty(),
            "descriptions without German text in the catalogue: {missing:#?}"
        );
        let mut de = document(Some(SchemaKind::Group));
        translate(&mut de, Lang::De);
        assert_eq!(de["properties"]["name"]["description"], "Name der Gruppe.");
    }
}
