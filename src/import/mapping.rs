//! The mapping file of `wegweiser import` (contract, section 10): which
//! column holds which field, defaults, and value maps.

use std::collections::BTreeMap;
use std::ops::Range;

use serde::Deserialize;
use toml::Spanned;

use crate::diagnostics::Message;
use crate::model::suggest;

/// The entry kind a mapping imports.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    /// content/groups/
    Group,
    /// content/organisations/
    Organisation,
    /// content/contact-points/
    ContactPoint,
}

impl Kind {
    /// The value of `kind =`.
    pub fn word(self) -> &'static str {
        match self {
            Kind::Group => "group",
            Kind::Organisation => "organisation",
            Kind::ContactPoint => "contact-point",
        }
    }

    /// The folder under content/.
    pub fn folder(self) -> &'static str {
        match self {
            Kind::Group => "groups",
            Kind::Organisation => "organisations",
            Kind::ContactPoint => "contact-points",
        }
    }

    /// Every kind.
    pub const ALL: [Kind; 3] = [Kind::Group, Kind::Organisation, Kind::ContactPoint];
}

/// How a field's cell is read.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FieldType {
    /// Text as it is.
    Text,
    /// A list, split at the separators.
    List,
    /// A date: 2026-09-14, 14.09.2026, an Excel serial number or date cell.
    Date,
    /// A whole number (a year).
    Integer,
    /// ja/nein, true/false, x, 1/0.
    Bool,
    /// Names, synonyms or ids of indications.
    Indications,
    /// German meeting text, read into `[[meetings]]`.
    Meetings,
    /// A part of every meeting read from `meetings` (place, address,
    /// first_date).
    MeetingPart,
    /// The Markdown body.
    Body,
}

/// A field a column can hold: its name in the mapping (nested ones as
/// `table.field`) and type, in the order entry files are written. `slug`
/// is no field of the file but its name (an extension of the contract:
/// `export` writes it, so that a round trip keeps file names).
pub type Field = (&'static str, FieldType);

use FieldType::*;

const GROUP: &[Field] = &[
    ("slug", Text),
    ("name", Text),
    ("indications", Indications),
    ("audience", List),
    ("format", Text),
    ("status", Text),
    ("verified", Date),
    ("contact_point", Text),
    ("organisation", Text),
    ("district", Text),
    ("sort_as", Text),
    ("aliases", List),
    ("former_slugs", List),
    ("languages", List),
    ("since", Integer),
    ("ended", Date),
    ("web", Bool),
    ("print", Bool),
    ("confidential", Bool),
    ("meetings", Meetings),
    ("place", MeetingPart),
    ("address", MeetingPart),
    ("meetings.first_date", MeetingPart),
    ("meetings.accessible", MeetingPart),
    ("meetings.note", MeetingPart),
    ("contact.via_contact_point", Bool),
    ("contact.person", Text),
    ("contact.phone", Text),
    ("contact.email", Text),
    ("contact.consent", Date),
    ("contact.website", Text),
    ("body", Body),
];

const ORGANISATION: &[Field] = &[
    ("slug", Text),
    ("name", Text),
    ("level", Text),
    ("verified", Date),
    ("indications", Indications),
    ("address", Text),
    ("phone", Text),
    ("email", Text),
    ("website", Text),
    ("sort_as", Text),
    ("aliases", List),
    ("former_slugs", List),
    ("web", Bool),
    ("print", Bool),
    ("body", Body),
];

const CONTACT_POINT: &[Field] = &[
    ("slug", Text),
    ("name", Text),
    ("verified", Date),
    ("address", Text),
    ("phone", Text),
    ("email", Text),
    ("website", Text),
    ("opening_hours", List),
    ("sort_as", Text),
    ("aliases", List),
    ("former_slugs", List),
    ("web", Bool),
    ("print", Bool),
    ("body", Body),
];

/// The fields of a kind, in writing order.
pub fn fields(kind: Kind) -> &'static [Field] {
    match kind {
        Kind::Group => GROUP,
        Kind::Organisation => ORGANISATION,
        Kind::ContactPoint => CONTACT_POINT,
    }
}

/// The type of a field of a kind (`meetings.place` is `place`).
pub fn field(kind: Kind, name: &str) -> Option<Field> {
    let name = match (kind, name) {
        (Kind::Group, "meetings.place") => "place",
        (Kind::Group, "meetings.address") => "address",
        _ => name,
    };
    fields(kind).iter().copied().find(|(n, _)| *n == name)
}

/// One `[columns]` line: the field and the header(s) of the column(s)
/// holding it (several are joined, e.g. street, postcode and town).
#[derive(Debug, Clone)]
pub struct ColumnMap {
    /// The field.
    pub field: Field,
    /// The headers as written in the mapping.
    pub headers: Vec<String>,
    /// Span of the header value(s) in the mapping file.
    pub span: Range<usize>,
}

/// A read mapping file.
#[derive(Debug, Clone)]
pub struct Mapping {
    /// What the rows become.
    pub kind: Kind,
    /// The sheet of an XLSX/ODS file.
    pub sheet: Option<String>,
    /// Splits list cells.
    pub separators: Vec<String>,
    /// Columns, in the mapping's order.
    pub columns: Vec<ColumnMap>,
    /// Values for fields no column holds.
    pub defaults: Vec<(Field, toml::Value)>,
    /// Cell text → value, per field.
    pub values: BTreeMap<String, Vec<(String, toml::Value)>>,
}

impl Mapping {
    /// The column map of a field.
    pub fn column(&self, field: &str) -> Option<&ColumnMap> {
        self.columns.iter().find(|c| c.field.0 == field)
    }

    /// The value a cell text of `field` maps to in `[values.field]`
    /// (exact, else ignoring case and surrounding space).
    pub fn mapped_value(&self, field: &str, text: &str) -> Option<&toml::Value> {
        let map = self.values.get(field)?;
        let t = text.trim();
        map.iter()
            .find(|(k, _)| k == t)
            .or_else(|| {
                map.iter()
                    .find(|(k, _)| k.trim().to_lowercase() == t.to_lowercase())
            })
            .map(|(_, v)| v)
    }
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct MappingFile {
    kind: Option<Spanned<String>>,
    sheet: Option<String>,
    list_separators: Option<Vec<String>>,
    #[serde(default)]
    columns: BTreeMap<Spanned<String>, Spanned<Headers>>,
    #[serde(default)]
    defaults: BTreeMap<Spanned<String>, toml::Value>,
    #[serde(default)]
    values: BTreeMap<Spanned<String>, BTreeMap<String, toml::Value>>,
}

#[derive(Deserialize)]
#[serde(untagged)]
enum Headers {
    One(String),
    Joined(Vec<String>),
}

/// A problem of the mapping file, at a span of it (`None`: the whole file).
pub type MappingProblem = (Option<Range<usize>>, Message);

/// Reads a mapping file's text. Every problem is returned, located.
pub fn parse(text: &str) -> Result<Mapping, Vec<MappingProblem>> {
    let file: MappingFile = match toml::from_str(text) {
        Ok(f) => f,
        Err(e) => {
            let message = crate::load::front_matter::classify(e.message());
            return Err(vec![(e.span(), message)]);
        }
    };
    let mut problems = Vec::new();
    let kind = match &file.kind {
        None => {
            problems.push((
                None,
                Message::MissingField {
                    field: "kind".into(),
                },
            ));
            return Err(problems);
        }
        Some(k) => match Kind::ALL
            .into_iter()
            .find(|x| x.word() == k.get_ref().as_str())
        {
            Some(kind) => kind,
            None => {
                let allowed = Kind::ALL.iter().map(|k| k.word().to_owned()).collect();
                return Err(vec![(
                    Some(k.span()),
                    Message::UnknownValue {
                        value: k.get_ref().clone(),
                        allowed,
                    },
                )]);
            }
        },
    };
    let known = |name: &Spanned<String>, problems: &mut Vec<MappingProblem>| -> Option<Field> {
        let found = field(kind, name.get_ref());
        if found.is_none() {
            let suggestion = suggest(name.get_ref(), fields(kind).iter().map(|(n, _)| *n));
            problems.push((
                Some(name.span()),
                Message::UnknownField {
                    field: name.get_ref().clone(),
                    suggestion,
                },
            ));
        }
        found
    };
    let mut columns = Vec::new();
    for (name, headers) in &file.columns {
        if let Some(field) = known(name, &mut problems) {
            let list = match headers.get_ref() {
                Headers::One(h) => vec![h.clone()],
                Headers::Joined(v) => v.clone(),
            };
            columns.push(ColumnMap {
                field,
                headers: list,
                span: headers.span(),
            });
        }
    }
    // The mapping's order, not the map's (sorted by key).
    columns.sort_by_key(|c| c.span.start);
    if !columns.iter().any(|c| c.field.0 == "name") {
        problems.push((
            None,
            Message::MissingField {
                field: "columns.name".into(),
            },
        ));
    }
    let mut defaults = Vec::new();
    for (name, value) in &file.defaults {
        if let Some(field) = known(name, &mut problems) {
            defaults.push((field, value.clone()));
        }
    }
    let mut values = BTreeMap::new();
    for (name, map) in &file.values {
        if known(name, &mut problems).is_some() {
            values.insert(
                name.get_ref().clone(),
                map.iter().map(|(k, v)| (k.clone(), v.clone())).collect(),
            );
        }
    }
    if !problems.is_empty() {
        return Err(problems);
    }
    Ok(Mapping {
        kind,
        sheet: file.sheet,
        separators: file
            .list_separators
            .unwrap_or_else(|| vec![",".into(), ";".into(), "/".into()]),
        columns,
        defaults,
        values,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_the_contract_example() {
        let m = parse(
            r#"kind = "group"
[columns]
name = "Gruppenname"
"contact.person" = "Ansprechpartner"
address = ["Straße", "PLZ", "Ort"]
[defaults]
status = "active"
[values.audience]
"Betroffene und Angehörige" = ["affected", "relatives"]
"#,
        )
        .unwrap();
        assert_eq!(m.kind, Kind::Group);
        assert_eq!(m.columns[0].field.0, "name");
        assert_eq!(m.columns[2].headers, ["Straße", "PLZ", "Ort"]);
        assert!(
            m.mapped_value("audience", "betroffene und angehörige")
                .is_some()
        );
    }

    #[test]
    fn unknown_fields_are_located() {
        let text = "kind = \"group\"\n[columns]\nname = \"N\"\nnmae2 = \"X\"\n";
        let e = parse(text).unwrap_err();
        assert_eq!(e.len(), 1);
        assert_eq!(&text[e[0].0.clone().unwrap()], "nmae2");
    }
}
