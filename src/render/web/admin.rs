//! `/admin/`: the browser editor (Decap CMS, vendored in the built-in theme
//! under `admin/`) and its configuration `/admin/config.yml`.
//!
//! The configuration is never written by hand: its collections and fields
//! are generated from the loader's own serde types ([`crate::format::raw`]),
//! field order from their declaration (what serde sees), widgets, required
//! markers and patterns from their JSON Schema (what `wegweiser schema`
//! prints), hints from the German descriptions of the message catalogue,
//! labels from the theme's string table (`[editor]` in `i18n/de.toml`), and
//! the choices of ids from the directory at build time. The file is JSON,
//! which every YAML parser reads.

use serde::de::{self, Deserializer, Visitor};
use serde_json::{Map, Value, json};

use crate::diagnostics::Lang;
use crate::format::raw;
use crate::format::schema::{SchemaKind, document, translate};
use crate::load::Theme;
use crate::model::{Directory, EditingBackend};
use crate::output::Content;

/// The folder of the editor in the site and in the theme.
pub const ADMIN_PREFIX: &str = "admin/";

/// The collections of the editor, in the contract's order: kind, folder under `content/`.
pub const COLLECTIONS: [(SchemaKind, &str); 4] = [
    (SchemaKind::Group, "groups"),
    (SchemaKind::Organisation, "organisations"),
    (SchemaKind::ContactPoint, "contact-points"),
    (SchemaKind::Page, "pages"),
];

/// The editor's files: `index.html`, `config.yml` and the vendored Decap
/// files of the theme (everything under `admin/` but what is generated).
pub fn files(dir: &Directory, theme: &Theme, strings: &toml::Value) -> Vec<(String, Content)> {
    let mut out: Vec<(String, Content)> = theme
        .under(ADMIN_PREFIX)
        .filter(|(path, _)| !matches!(*path, "admin/index.html" | "admin/config.yml"))
        .map(|(path, bytes)| (path.to_owned(), Content::new(bytes.to_vec())))
        .collect();
    out.extend(generated(dir, strings));
    out
}

/// The two generated files of the editor (they change with the directory).
pub fn generated(dir: &Directory, strings: &toml::Value) -> Vec<(String, Content)> {
    let config = serde_json::to_string_pretty(&config(dir, strings)).unwrap_or_default();
    vec![
        (
            "admin/config.yml".to_owned(),
            Content::new(format!("{config}\n").into_bytes()),
        ),
        (
            "admin/index.html".to_owned(),
            Content::new(index_html(dir).into_bytes()),
        ),
    ]
}

/// `/admin/index.html`: loads the editor from the site itself, gives the
/// preview pane the site's style sheet, and loads the theme's
/// `admin/editor.js` (preview template; key order and cleared fields before
/// each save).
pub fn index_html(dir: &Directory) -> String {
    let base = &dir.settings.base_path;
    let title = crate::render::web::escape_html(&dir.settings.title);
    let lang = crate::render::web::escape_html(&dir.settings.language);
    // Decap looks for its local backend only on localhost and 127.0.0.1,
    // and `serve` accepts requests only from its own origin (127.0.0.1).
    let to_loopback = if dir.settings.local_editing {
        "<script>if (location.hostname === \"localhost\") { location.replace(location.href.replace(\"//localhost\", \"//127.0.0.1\")); }</script>\n"
    } else {
        ""
    };
    format!(
        "<!doctype html>\n<html lang=\"{lang}\">\n<head>\n<meta charset=\"utf-8\">\n\
         <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n\
         <meta name=\"robots\" content=\"noindex\">\n<link rel=\"icon\" href=\"data:,\">\n<title>Redaktion – {title}</title>\n\
         <link href=\"{base}/admin/config.yml\" type=\"text/yaml\" rel=\"cms-config-url\">\n{to_loopback}</head>\n<body>\n\
         <script src=\"{base}/admin/decap-cms.js\"></script>\n\
         <script>{GERMAN_SLUGS}CMS.registerPreviewStyle(\"{base}/static/style.css\");</script>\n\
         <script src=\"{base}/admin/editor.js\"></script>\n</body>\n</html>\n"
    )
}

/// File names of new entries as the contract makes them from a name: ä → ae,
/// ö → oe, ü → ue, ß → ss. Decap's `clean_accents` alone makes ä → a and has
/// no setting for this; its accent remover (the module of the `diacritics`
/// table, found by its content, not by a module number that changes with
/// each Decap build) is wrapped so that German letters are spelt out first.
const GERMAN_SLUGS: &str = r#"(function () {
  var german = { "ä": "ae", "ö": "oe", "ü": "ue", "Ä": "Ae", "Ö": "Oe", "Ü": "Ue", "ß": "ss", "ẞ": "SS" };
  (self.webpackChunkDecapCms || []).push([["wegweiser-slugs"], {}, function (require) {
    Object.keys(require.m).forEach(function (id) {
      if (String(require.m[id]).indexOf('base:"AA",chars:') < 0) return;
      var table = require(id);
      if (typeof table.TF !== "function") return;
      var remove = table.TF;
      table.TF = function (s) {
        return remove(String(s).replace(/[äöüÄÖÜßẞ]/g, function (c) { return german[c]; }));
      };
    });
  }]);
})();
"#;

/// The whole Decap configuration.
pub fn config(dir: &Directory, strings: &toml::Value) -> Value {
    let s = &dir.settings;
    let lang = if s.language == "en" {
        Lang::En
    } else {
        Lang::De
    };
    let mut c = Map::new();
    c.insert("locale".into(), json!(s.language));
    c.insert("backend".into(), backend(dir));
    if s.local_editing {
        c.insert(
            "local_backend".into(),
            json!({ "url": format!("{}/api/v1", s.base_url) }),
        );
    }
    if s.editing.as_ref().is_some_and(|e| e.review) {
        c.insert("publish_mode".into(), json!("editorial_workflow"));
    }
    // Paths in content are relative to content/: a picture is `images/x.jpg`.
    c.insert("media_folder".into(), json!("content/images"));
    c.insert("public_folder".into(), json!("images"));
    c.insert("site_url".into(), json!(s.base_url));
    c.insert("display_url".into(), json!(s.base_url));
    c.insert("show_preview_links".into(), json!(true));
    c.insert(
        "slug".into(),
        json!({ "encoding": "ascii", "clean_accents": true, "sanitize_replacement": "-" }),
    );
    let choices = Choices::of(dir);
    let collections: Vec<Value> = COLLECTIONS
        .iter()
        .map(|&(kind, folder)| collection(kind, folder, Some(&choices), strings, lang))
        .collect();
    c.insert("collections".into(), Value::Array(collections));
    Value::Object(c)
}

/// The `backend` block: the git host of `[editing]`; without it (only
/// `serve` publishes /admin/ then) a GitHub stand-in that `local_backend`
/// replaces.
fn backend(dir: &Directory) -> Value {
    let Some(e) = &dir.settings.editing else {
        return json!({ "name": "github", "repo": "lokal/wegweiser", "branch": "main" });
    };
    let mut b = Map::new();
    let name = e.backend.name();
    b.insert("name".into(), json!(name));
    b.insert("repo".into(), json!(e.repo));
    b.insert("branch".into(), json!(e.branch));
    match e.backend {
        EditingBackend::Github => {
            if let Some(auth) = &e.auth_url {
                b.insert("base_url".into(), json!(auth));
            }
            if let Some(api) = &e.api_root {
                b.insert("api_root".into(), json!(api));
            }
        }
        EditingBackend::Gitlab | EditingBackend::Gitea => {
            b.insert("auth_type".into(), json!("pkce"));
            if let Some(id) = &e.app_id {
                b.insert("app_id".into(), json!(id));
            }
            if let Some(api) = &e.api_root {
                b.insert("api_root".into(), json!(api));
                // The host itself: the API address without its path.
                let host = api.split_once("://").map(|(scheme, rest)| {
                    let host = rest.split('/').next().unwrap_or(rest);
                    format!("{scheme}://{host}")
                });
                if let Some(host) = host {
                    b.insert("base_url".into(), json!(host));
                    b.insert(
                        "auth_endpoint".into(),
                        json!(if e.backend == EditingBackend::Gitea {
                            "login/oauth/authorize"
                        } else {
                            "oauth/authorize"
                        }),
                    );
                }
            }
            if let Some(auth) = &e.auth_url {
                b.insert("base_url".into(), json!(auth));
            }
        }
    }
    Value::Object(b)
}

/// The ids a directory offers for fields that name other entries.
pub struct Choices {
    /// Indication id → name, in the directory's order.
    pub indications: Vec<(String, String)>,
    /// Organisation slug → name.
    pub organisations: Vec<(String, String)>,
    /// Contact point slug → name.
    pub contact_points: Vec<(String, String)>,
}

impl Choices {
    /// The ids of `dir`.
    pub fn of(dir: &Directory) -> Choices {
        Choices {
            indications: dir
                .indications
                .iter()
                .map(|i| (i.id.clone(), i.name.clone()))
                .collect(),
            organisations: dir
                .organisations
                .iter()
                .map(|o| (o.meta.slug.clone(), o.meta.name.clone()))
                .collect(),
            contact_points: dir
                .contact_points
                .iter()
                .map(|c| (c.meta.slug.clone(), c.meta.name.clone()))
                .collect(),
        }
    }

    fn of_field(&self, name: &str) -> Option<&[(String, String)]> {
        match name {
            "indications" => Some(&self.indications),
            "organisation" => Some(&self.organisations),
            "contact_point" => Some(&self.contact_points),
            _ => None,
        }
    }
}

/// A word of the `[editor]` table (`editor.fields.name`), or `fallback`
/// (only for a theme whose table sets a word to something else than a
/// text: the built-in tables hold every word, which
/// `every_editor_word_is_in_both_built_in_tables` checks).
fn word<'a>(strings: &'a toml::Value, path: &[&str], fallback: &'a str) -> String {
    let mut v = strings.get("editor");
    for p in path {
        v = v.and_then(|x| x.get(p));
    }
    let found = v.and_then(|x| x.as_str());
    #[cfg(test)]
    if found.is_none() {
        tests::MISSING.with(|m| m.borrow_mut().push(format!("editor.{}", path.join("."))));
    }
    found.unwrap_or(fallback).to_owned()
}

/// One collection of the editor (`choices` of ids: none for the field reference of the guide).
pub fn collection(
    kind: SchemaKind,
    folder: &str,
    choices: Option<&Choices>,
    strings: &toml::Value,
    lang: Lang,
) -> Value {
    let singular = kind.name();
    let title_field = if kind == SchemaKind::Page {
        "title"
    } else {
        "name"
    };
    let mut c = Map::new();
    c.insert("name".into(), json!(folder));
    c.insert(
        "label".into(),
        json!(word(strings, &["collections", folder], folder)),
    );
    c.insert(
        "label_singular".into(),
        json!(word(strings, &["collections", singular], singular)),
    );
    c.insert("folder".into(), json!(format!("content/{folder}")));
    c.insert("extension".into(), json!("md"));
    c.insert("format".into(), json!("toml-frontmatter"));
    c.insert("frontmatter_delimiter".into(), json!("+++"));
    c.insert("create".into(), json!(true));
    c.insert("delete".into(), json!(true));
    c.insert("identifier_field".into(), json!(title_field));
    c.insert("slug".into(), json!(format!("{{{{{title_field}}}}}")));
    let summary = if kind == SchemaKind::Group {
        "{{name}} · {{status}}".to_owned()
    } else {
        format!("{{{{{title_field}}}}}")
    };
    c.insert("summary".into(), json!(summary));
    let preview = match kind {
        SchemaKind::Group => "gruppen/{{slug}}/",
        SchemaKind::Organisation => "organisationen/{{slug}}/",
        SchemaKind::ContactPoint => "kontaktstellen/{{slug}}/",
        _ => "{{slug}}/",
    };
    c.insert("preview_path".into(), json!(preview));
    let mut fields = fields(kind, choices, strings, lang);
    fields.push(json!({
        "name": "body",
        "label": word(strings, &["body"], "Description"),
        "hint": word(strings, &["body_hint"], ""),
        "widget": "markdown",
        // No code blocks: they would load CodeMirror's language modes
        // (chunks of Decap not shipped, see scripts/vendor-decap.sh).
        "buttons": ["bold", "italic", "link", "heading-two", "heading-three", "quote", "bulleted-list", "numbered-list"],
        "editor_components": ["image"],
        "required": false,
    }));
    c.insert("fields".into(), Value::Array(fields));
    Value::Object(c)
}

/// The fields of a kind's front matter, in the order the types declare them.
pub fn fields(
    kind: SchemaKind,
    choices: Option<&Choices>,
    strings: &toml::Value,
    lang: Lang,
) -> Vec<Value> {
    let mut schema = document(Some(kind));
    translate(&mut schema, lang);
    let order = match kind {
        SchemaKind::Group => field_order::<raw::GroupFront>(),
        SchemaKind::Organisation => field_order::<raw::OrganisationFront>(),
        SchemaKind::ContactPoint => field_order::<raw::ContactPointFront>(),
        SchemaKind::Page => field_order::<raw::PageFront>(),
        SchemaKind::Indications | SchemaKind::Settings => &[],
    };
    let defs = schema.get("$defs").cloned().unwrap_or(Value::Null);
    object_fields(&schema, order, &defs, choices, strings)
}

/// The fields of an object schema (`order`: its field names as declared).
fn object_fields(
    schema: &Value,
    order: &[&str],
    defs: &Value,
    choices: Option<&Choices>,
    strings: &toml::Value,
) -> Vec<Value> {
    let required: Vec<&str> = schema["required"]
        .as_array()
        .map(|a| a.iter().filter_map(Value::as_str).collect())
        .unwrap_or_default();
    order
        .iter()
        .filter_map(|name| {
            let prop = schema["properties"].get(*name)?;
            Some(field(
                name,
                prop,
                required.contains(name),
                defs,
                choices,
                strings,
            ))
        })
        .collect()
}

/// A `$ref` (possibly inside a one-element `allOf`) resolved to its definition.
fn resolve<'a>(v: &'a Value, defs: &'a Value) -> (&'a Value, Option<&'a str>) {
    let inner = match v.get("allOf").and_then(Value::as_array) {
        Some(all) if all.len() == 1 => &all[0],
        _ => v,
    };
    match inner.get("$ref").and_then(Value::as_str) {
        Some(r) => {
            let name = r.rsplit('/').next().unwrap_or("");
            (defs.get(name).unwrap_or(&Value::Null), Some(name))
        }
        None => (v, None),
    }
}

/// The values of an enum schema (`enum`, or `oneOf` of one-value enums).
fn enum_values(v: &Value) -> Option<Vec<String>> {
    if let Some(e) = v.get("enum").and_then(Value::as_array) {
        return Some(
            e.iter()
                .filter_map(|x| x.as_str().map(str::to_owned))
                .collect(),
        );
    }
    let one_of = v.get("oneOf")?.as_array()?;
    Some(
        one_of
            .iter()
            .flat_map(|o| enum_values(o).unwrap_or_default())
            .collect(),
    )
}

/// Declared field order of the nested tables.
fn nested_order(def: &str) -> &'static [&'static str] {
    match def {
        "MeetingEntry" => field_order::<raw::MeetingEntry>(),
        "ContactEntry" => field_order::<raw::ContactEntry>(),
        _ => &[],
    }
}

/// What an editor sees for a pattern (`[editor.patterns]`).
fn pattern_message(pattern: &str, strings: &toml::Value) -> String {
    let key = if pattern.contains(":[0-9]") {
        "time"
    } else if pattern.contains("https?") {
        "url"
    } else if pattern.contains('@') {
        "email"
    } else if pattern.contains("a-z0-9") {
        "slug"
    } else if pattern.contains("[a-z]{2}") {
        "language"
    } else {
        ""
    };
    word(strings, &["patterns", key], pattern)
}

fn options(values: &[String], strings: &toml::Value) -> Value {
    Value::Array(
        values
            .iter()
            .map(|v| json!({ "label": word(strings, &["choices", v], v), "value": v }))
            .collect(),
    )
}

/// Decap's datetime widget as a date only, stored as `YYYY-MM-DD`.
fn date_widget(f: &mut Map<String, Value>) {
    f.insert("widget".into(), json!("datetime"));
    f.insert("format".into(), json!("YYYY-MM-DD"));
    f.insert("date_format".into(), json!("DD.MM.YYYY"));
    f.insert("time_format".into(), json!(false));
    f.insert("picker_utc".into(), json!(true));
}

/// One field with its widget.
fn field(
    name: &str,
    prop: &Value,
    required: bool,
    defs: &Value,
    choices: Option<&Choices>,
    strings: &toml::Value,
) -> Value {
    let mut f = Map::new();
    f.insert("name".into(), json!(name));
    f.insert(
        "label".into(),
        json!(word(strings, &["fields", name], name)),
    );
    let (resolved, def_name) = resolve(prop, defs);
    let hint = prop
        .get("description")
        .or_else(|| resolved.get("description"))
        .and_then(Value::as_str);
    let ty = resolved.get("type").and_then(Value::as_str).unwrap_or("");
    let mut hint_fits = true;
    if let Some(list) = choices.and_then(|c| c.of_field(name)) {
        // Ids of the directory, labelled with their names.
        f.insert("widget".into(), json!("select"));
        let options: Vec<Value> = list
            .iter()
            .map(|(id, label)| json!({ "label": label, "value": id }))
            .collect();
        f.insert("options".into(), Value::Array(options));
        if ty == "array" {
            f.insert("multiple".into(), json!(true));
            if let Some(min) = resolved.get("minItems") {
                f.insert("min".into(), min.clone());
            }
        }
        hint_fits = name == "indications";
    } else if let Some(values) = enum_values(resolved) {
        f.insert("widget".into(), json!("select"));
        f.insert("options".into(), options(&values, strings));
        hint_fits = false;
    } else {
        match ty {
            "string" if resolved.get("format").and_then(Value::as_str) == Some("date") => {
                date_widget(&mut f)
            }
            "string" => {
                f.insert("widget".into(), json!("string"));
                if let Some(p) = resolved.get("pattern").and_then(Value::as_str) {
                    f.insert("pattern".into(), json!([p, pattern_message(p, strings)]));
                }
            }
            "boolean" => {
                f.insert("widget".into(), json!("boolean"));
                // The contract's defaults, so that a new entry shows them.
                match name {
                    "web" | "print" => {
                        f.insert("default".into(), json!(true));
                    }
                    "confidential" => {
                        f.insert("default".into(), json!(false));
                    }
                    _ => {}
                }
            }
            "integer" | "number" => {
                f.insert("widget".into(), json!("number"));
                f.insert(
                    "value_type".into(),
                    json!(if ty == "integer" { "int" } else { "float" }),
                );
                if let Some(min) = resolved.get("minimum") {
                    f.insert("min".into(), min.clone());
                }
                if let Some(max) = resolved.get("maximum") {
                    f.insert("max".into(), max.clone());
                }
                if name == "weight" {
                    f.insert("default".into(), json!(0));
                }
            }
            "object" => {
                f.insert("widget".into(), json!("object"));
                f.insert("collapsed".into(), json!(false));
                let order = def_name.map(nested_order).unwrap_or(&[]);
                f.insert(
                    "fields".into(),
                    Value::Array(object_fields(resolved, order, defs, choices, strings)),
                );
            }
            "array" => hint_fits = !array_field(&mut f, name, resolved, defs, choices, strings),
            _ => {
                f.insert("widget".into(), json!("string"));
            }
        }
    }
    if let Some(h) = hint.filter(|_| hint_fits) {
        f.insert("hint".into(), json!(h));
    }
    f.insert("required".into(), json!(required));
    Value::Object(f)
}

/// A list: of choices (select, multiple), of tables (meetings), of strings.
/// True if it is a choice of values with labels (no hint needed).
fn array_field(
    f: &mut Map<String, Value>,
    name: &str,
    schema: &Value,
    defs: &Value,
    choices: Option<&Choices>,
    strings: &toml::Value,
) -> bool {
    let items = schema.get("items").unwrap_or(&Value::Null);
    let (item, def_name) = resolve(items, defs);
    if let Some(values) = enum_values(item) {
        f.insert("widget".into(), json!("select"));
        f.insert("multiple".into(), json!(true));
        f.insert("options".into(), options(&values, strings));
        if let Some(min) = schema.get("minItems") {
            f.insert("min".into(), min.clone());
        }
        return true;
    }
    match item.get("type").and_then(Value::as_str) {
        Some("object") => {
            f.insert("widget".into(), json!("list"));
            // A group has few meetings: show them open, ready to change.
            f.insert("collapsed".into(), json!(false));
            let order = def_name.map(nested_order).unwrap_or(&[]);
            let fields = object_fields(item, order, defs, choices, strings);
            let names: Vec<&str> = fields.iter().filter_map(|x| x["name"].as_str()).collect();
            let summary: Vec<String> = ["rhythm", "weekday", "start"]
                .iter()
                .filter(|n| names.contains(*n))
                .map(|n| format!("{{{{fields.{n}}}}}"))
                .collect();
            if !summary.is_empty() {
                f.insert("summary".into(), json!(summary.join(" ")));
            }
            f.insert("fields".into(), Value::Array(fields));
        }
        Some("integer") if name == "weeks" => {
            // Weeks of the month: 1–4, or -1 for the last one.
            f.insert("widget".into(), json!("select"));
            f.insert("multiple".into(), json!(true));
            let options: Vec<Value> = [1, 2, 3, 4, -1]
                .iter()
                .map(|w: &i64| json!({ "label": word(strings, &["choices", &format!("week_{w}")], &w.to_string()), "value": w }))
                .collect();
            f.insert("options".into(), Value::Array(options));
        }
        _ => {
            f.insert("widget".into(), json!("list"));
            let mut inner = Map::new();
            inner.insert("name".into(), json!("item"));
            inner.insert(
                "label".into(),
                json!(word(strings, &["fields", "item"], "item")),
            );
            inner.insert("widget".into(), json!("string"));
            if let Some(p) = item.get("pattern").and_then(Value::as_str) {
                inner.insert("pattern".into(), json!([p, pattern_message(p, strings)]));
            }
            f.insert("field".into(), Value::Object(inner));
        }
    }
    false
}

/// The field names of a serde struct in declaration order, as serde's
/// derive hands them to the deserializer (no value is read).
pub fn field_order<'de, T: serde::Deserialize<'de>>() -> &'static [&'static str] {
    let mut names = FieldNames(None);
    let _ = T::deserialize(&mut names);
    names.0.unwrap_or(&[])
}

struct FieldNames(Option<&'static [&'static str]>);

#[derive(Debug)]
struct Stop;

impl std::fmt::Display for Stop {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("field names taken")
    }
}

impl std::error::Error for Stop {}

impl de::Error for Stop {
    fn custom<M: std::fmt::Display>(_: M) -> Self {
        Stop
    }
}

impl<'de> Deserializer<'de> for &mut FieldNames {
    type Error = Stop;

    fn deserialize_any<V: Visitor<'de>>(self, _: V) -> Result<V::Value, Stop> {
        Err(Stop)
    }

    fn deserialize_struct<V: Visitor<'de>>(
        self,
        _: &'static str,
        fields: &'static [&'static str],
        _: V,
    ) -> Result<V::Value, Stop> {
        self.0 = Some(fields);
        Err(Stop)
    }

    serde::forward_to_deserialize_any! {
        bool i8 i16 i32 i64 i128 u8 u16 u32 u64 u128 f32 f64 char str string
        bytes byte_buf option unit unit_struct newtype_struct seq tuple
        tuple_struct map enum identifier ignored_any
    }
}

/// The German field reference of the editors' guide (docs/redaktion.md,
/// between the markers): every field of each collection as the editor
/// shows it, generated from the same types, in the words of
/// `[editor.guide]`. A test keeps the guide current.
pub fn field_reference() -> String {
    let strings =
        super::strings(&Theme::built_in(), "de").unwrap_or(toml::Value::Table(Default::default()));
    let guide = |key: &str| -> String {
        strings
            .get("editor")
            .and_then(|e| e.get("guide"))
            .and_then(|g| g.get(key))
            .and_then(|w| w.as_str())
            .unwrap_or_else(|| panic!("i18n/de.toml lacks `editor.guide.{key}`"))
            .to_owned()
    };
    let mut out = String::new();
    for (kind, folder) in COLLECTIONS {
        // Choices of ids exist only in a directory: none listed here.
        let no_ids = Choices {
            indications: Vec::new(),
            organisations: Vec::new(),
            contact_points: Vec::new(),
        };
        let c = collection(kind, folder, Some(&no_ids), &strings, Lang::De);
        out.push_str(&format!(
            "\n### {} (`content/{folder}/`)\n\n| {} | {} | {} | {} | {} |\n| --- | --- | --- | --- | --- |\n",
            c["label"].as_str().unwrap_or(folder),
            guide("column_field"),
            guide("column_key"),
            guide("column_input"),
            guide("column_required"),
            guide("column_hint"),
        ));
        let fields = c["fields"].as_array().cloned().unwrap_or_default();
        reference_rows("", &fields, &guide, &mut out);
    }
    out
}

fn reference_rows(
    prefix: &str,
    fields: &[Value],
    guide: &dyn Fn(&str) -> String,
    out: &mut String,
) {
    let cell = |s: &str| s.replace('|', "\\|").replace('\n', " ");
    for f in fields {
        let name = format!("{prefix}{}", f["name"].as_str().unwrap_or(""));
        let widget = guide(
            match (
                f["widget"].as_str().unwrap_or(""),
                f["multiple"].as_bool() == Some(true),
            ) {
                ("select", true) => "select_many",
                ("select", false) => "select",
                ("datetime", _) => "date",
                ("boolean", _) => "boolean",
                ("number", _) => "number",
                ("list", _) if f.get("fields").is_some() => "list_of_entries",
                ("list", _) => "list_of_texts",
                ("object", _) => "object",
                ("markdown", _) => "markdown",
                _ => "text",
            },
        );
        let mut hint = f["hint"].as_str().unwrap_or("").to_owned();
        if let Some(options) = f["options"].as_array().filter(|_| f.get("hint").is_none()) {
            let labels: Vec<String> = options
                .iter()
                .map(|o| {
                    format!(
                        "{} (`{}`)",
                        o["label"].as_str().unwrap_or(""),
                        o["value"].to_string().trim_matches('"')
                    )
                })
                .collect();
            hint = labels.join(", ");
        }
        if name == "indications" || name == "organisation" || name == "contact_point" {
            hint = format!("{hint} {}", guide("from_directory"))
                .trim()
                .to_owned();
        }
        let required = if f["required"].as_bool() == Some(true) {
            guide("required")
        } else {
            String::new()
        };
        out.push_str(&format!(
            "| {} | `{name}` | {widget} | {required} | {} |\n",
            cell(f["label"].as_str().unwrap_or("")),
            cell(&hint)
        ));
        if let Some(inner) = f["fields"].as_array() {
            reference_rows(&format!("{name}."), inner, guide, out);
        }
    }
}

#[cfg(test)]
mod tests {
    use std::cell::RefCell;

    use super::*;

    thread_local! {
        /// The words [`word`] looked up in vain on this thread.
        pub(super) static MISSING: RefCell<Vec<String>> = const { RefCell::new(Vec::new()) };
    }

    #[test]
    fn every_editor_word_is_in_both_built_in_tables() {
        let choices = Choices {
            indications: Vec::new(),
            organisations: Vec::new(),
            contact_points: Vec::new(),
        };
        for (language, lang) in [("de", Lang::De), ("en", Lang::En)] {
            let strings = super::super::strings(&Theme::built_in(), language).unwrap();
            MISSING.with(|m| m.borrow_mut().clear());
            for (kind, folder) in COLLECTIONS {
                let c = collection(kind, folder, Some(&choices), &strings, lang);
                assert!(c["fields"].as_array().is_some_and(|f| f.len() > 1));
            }
            let missing = MISSING.with(|m| m.borrow().clone());
            assert!(missing.is_empty(), "i18n/{language}.toml lacks {missing:?}");
        }
    }

    #[test]
    fn field_order_follows_the_declaration() {
        let order = field_order::<raw::GroupFront>();
        assert_eq!(&order[..4], &["name", "sort_as", "aliases", "former_slugs"]);
        assert_eq!(order.last(), Some(&"contact"));
        assert_eq!(field_order::<raw::MeetingEntry>()[0], "rhythm");
    }
}
