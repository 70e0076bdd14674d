//! `wegweiser schema`: JSON Schema of the front matter of every entry kind,
//! of `content/indications.toml` and of `wegweiser.toml`, generated from the
//! very serde types the loader reads ([`crate::format::raw`]), so the format
//! is never described twice. Editors use it for completion and validation
//! (Taplo / Even Better TOML: a `#:schema` comment, see the README).

use clap::Args;

use super::{Context, Outcome};
pub use crate::format::schema::{
    SchemaKind, TomlDate, document, generator, schema_value, translate,
};

#[derive(Debug, Args)]
pub(crate) struct SchemaArgs {
    /// The file kind; without it, all kinds under "$defs" in one document.
    #[arg(value_enum)]
    kind: Option<SchemaKind>,
}

/// Prints the schema document of `args.kind` (all kinds without one).
pub(crate) fn run(ctx: &Context, args: SchemaArgs) -> Outcome {
    let mut doc = document(args.kind);
    translate(&mut doc, ctx.lang_for_root(std::path::Path::new(".")));
    let text = serde_json::to_string_pretty(&doc).unwrap_or_default();
    println!("{text}");
    Outcome::Success
}

#[cfg(test)]
mod tests {
    use serde_json::Value;

    use super::*;
    use crate::diagnostics::Lang;

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
