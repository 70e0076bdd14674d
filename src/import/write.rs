//! Entry files from drafts: a new file in the field order `wegweiser new`
//! writes, or an existing file with only the mapped fields replaced (every
//! other field, the comments and the Markdown body kept, via `toml_edit`).

use toml_edit::{Array, ArrayOfTables, DocumentMut, Item, Table, Value};

use super::draft::{Draft, Val};
use super::mapping::{FieldType, Kind, Mapping};
use crate::model::Meeting;
use crate::model::meeting::Time;

/// A TOML basic string.
pub fn toml_string(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 2);
    out.push('"');
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\t' => out.push_str("\\t"),
            '\r' => {}
            c if c.is_control() => out.push_str(&format!("\\u{:04X}", c as u32)),
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

fn val_text(v: &Val) -> String {
    match v {
        Val::Str(s) => toml_string(s),
        Val::List(l) => format!(
            "[{}]",
            l.iter()
                .map(|s| toml_string(s))
                .collect::<Vec<_>>()
                .join(", ")
        ),
        Val::Date(d) => d.to_string(),
        Val::Int(i) => i.to_string(),
        Val::Bool(b) => b.to_string(),
    }
}

/// The value a TOML file holds for a field value.
fn val_value(v: &Val) -> Value {
    match v {
        Val::Str(s) => Value::from(s.as_str()),
        Val::List(l) => {
            let mut a: Array = l.iter().map(String::as_str).collect();
            a.fmt();
            Value::Array(a)
        }
        Val::Date(d) => d
            .to_string()
            .parse::<toml_edit::Datetime>()
            .map(Value::from)
            .unwrap_or_else(|_| Value::from(d.to_string())),
        Val::Int(i) => Value::from(*i),
        Val::Bool(b) => Value::from(*b),
    }
}

/// The keys and values of a meeting, in the contract's order.
fn meeting_fields(m: &Meeting) -> Vec<(&'static str, Val)> {
    let mut f = vec![("rhythm", Val::Str(m.rhythm.code().into()))];
    if let Some(d) = m.weekday {
        f.push(("weekday", Val::Str(d.code().into())));
    }
    if !m.weeks.is_empty() {
        f.push(("weeks", Val::List(Vec::new())));
    }
    if let Some(d) = m.first_date {
        f.push(("first_date", Val::Date(d)));
    }
    let time = |t: Time| Val::Str(t.to_string());
    if let Some(t) = m.start {
        f.push(("start", time(t)));
    }
    if let Some(t) = m.end {
        f.push(("end", time(t)));
    }
    for (k, v) in [("place", &m.place), ("address", &m.address)] {
        if let Some(v) = v {
            f.push((k, Val::Str(v.clone())));
        }
    }
    if let Some(a) = m.accessible {
        f.push(("accessible", Val::Bool(a)));
    }
    if let Some(n) = &m.note {
        f.push(("note", Val::Str(n.clone())));
    }
    f
}

fn weeks_text(m: &Meeting) -> String {
    format!(
        "[{}]",
        m.weeks
            .iter()
            .map(|w| w.to_string())
            .collect::<Vec<_>>()
            .join(", ")
    )
}

fn weeks_value(m: &Meeting) -> Value {
    let mut a: Array = m.weeks.iter().map(|&w| i64::from(w)).collect();
    a.fmt();
    Value::Array(a)
}

/// The text of a new entry file.
pub fn new_file(d: &Draft) -> String {
    let mut out = String::from("+++\n");
    for (k, v) in d.fields.iter().filter(|(k, _)| !k.contains('.')) {
        out.push_str(&format!("{k} = {}\n", val_text(v)));
    }
    for m in d.meetings.iter().flatten() {
        out.push_str("\n[[meetings]]\n");
        for (k, v) in meeting_fields(m) {
            let text = if k == "weeks" {
                weeks_text(m)
            } else {
                val_text(&v)
            };
            out.push_str(&format!("{k} = {text}\n"));
        }
    }
    let contact: Vec<_> = d
        .fields
        .iter()
        .filter_map(|(k, v)| k.strip_prefix("contact.").map(|k| (k, v)))
        .collect();
    if !contact.is_empty() {
        out.push_str("\n[contact]\n");
        for (k, v) in contact {
            out.push_str(&format!("{k} = {}\n", val_text(v)));
        }
    }
    out.push_str("+++\n");
    if let Some(body) = &d.body {
        out.push_str(body.trim_end());
        out.push('\n');
    }
    out
}

/// The parts of an entry file: front matter TOML, closing fence line, body.
fn split_file(text: &str) -> Option<(&str, &str, &str, &str)> {
    let first_end = text.find('\n')? + 1;
    if text[..first_end].trim_end() != "+++" {
        return None;
    }
    let (pos, end) =
        crate::load::front_matter::closing_fence(text, first_end, |line| line.trim_end() == "+++")?;
    Some((
        &text[..first_end],
        &text[first_end..pos],
        &text[pos..end],
        &text[end..],
    ))
}

/// A value in a form that compares equal however it is written.
fn canon(v: &Value) -> String {
    match v {
        Value::String(s) => format!("{:?}", s.value()),
        Value::Integer(i) => i.value().to_string(),
        Value::Float(f) => f.value().to_string(),
        Value::Boolean(b) => b.value().to_string(),
        Value::Datetime(d) => d.value().to_string(),
        Value::Array(a) => format!("[{}]", a.iter().map(canon).collect::<Vec<_>>().join(",")),
        Value::InlineTable(t) => {
            format!(
                "{{{}}}",
                t.iter()
                    .map(|(k, v)| format!("{k}={}", canon(v)))
                    .collect::<Vec<_>>()
                    .join(",")
            )
        }
    }
}

fn canon_table(t: &Table) -> Vec<(String, String)> {
    let mut v: Vec<(String, String)> = t
        .iter()
        .filter_map(|(k, i)| i.as_value().map(|v| (k.to_owned(), canon(v))))
        .collect();
    v.sort();
    v
}

/// Sets `key` of `table` to `value`, unless it holds an equal value
/// already; an existing value keeps its comments and spacing.
fn set(table: &mut Table, key: &str, value: Value) {
    match table.get_mut(key).and_then(Item::as_value_mut) {
        Some(old) if canon(old) == canon(&value) => {}
        Some(old) => {
            let decor = old.decor().clone();
            *old = value;
            *old.decor_mut() = decor;
        }
        None => {
            table.insert(key, Item::Value(value));
        }
    }
}

/// Personal contact data: imported only with a consent date.
const PERSONAL: [&str; 3] = ["contact.person", "contact.phone", "contact.email"];

/// Fields `--update` never removes (required): an empty cell leaves them.
const REQUIRED: [&str; 7] = [
    "name",
    "indications",
    "audience",
    "format",
    "status",
    "verified",
    "level",
];

/// The existing file `text` with the mapped fields of `d` replaced; `None`
/// if its front matter cannot be read as TOML (then the file is left).
pub fn update_file(text: &str, d: &Draft, mapping: &Mapping) -> Option<String> {
    let (open, front, close, body) = split_file(text)?;
    let mut doc: DocumentMut = front.parse().ok()?;
    let mut meetings_mapped = false;
    // A consent given in the file (by hand) keeps the personal data there
    // when the row has none: the row's own is still left out.
    let consent_in_file = doc.get("contact").and_then(|c| c.get("consent")).is_some();
    let keep_personal = consent_in_file && d.get("contact.consent").is_none();
    for cm in &mapping.columns {
        let (name, ty) = cm.field;
        match ty {
            FieldType::Meetings | FieldType::MeetingPart => {
                meetings_mapped = true;
                continue;
            }
            FieldType::Body => continue,
            _ if name == "slug" => continue,
            _ => {}
        }
        let (table, key): (&mut Table, &str) = match name.split_once('.') {
            Some((t, k)) => {
                if !doc.contains_key(t) {
                    if d.get(name).is_none() {
                        continue;
                    }
                    doc.insert(t, Item::Table(Table::new()));
                }
                match doc.get_mut(t).and_then(Item::as_table_mut) {
                    Some(t) => (t, k),
                    None => continue,
                }
            }
            None => (doc.as_table_mut(), name),
        };
        match d.get(name) {
            Some(v) => set(table, key, val_value(v)),
            None if REQUIRED.contains(&name) => {}
            None if keep_personal && (PERSONAL.contains(&name) || name == "contact.consent") => {}
            None => {
                table.remove(key);
            }
        }
    }
    // The consent rule may have changed fields no column holds.
    if mapping.kind == Kind::Group
        && !keep_personal
        && let Some(v) = d.get("contact.via_contact_point")
    {
        if !doc.contains_key("contact") {
            doc.insert("contact", Item::Table(Table::new()));
        }
        if let Some(t) = doc.get_mut("contact").and_then(Item::as_table_mut) {
            set(t, "via_contact_point", val_value(v));
        }
    }
    if meetings_mapped {
        let new: Vec<Table> = d
            .meetings
            .iter()
            .flatten()
            .map(|m| {
                let mut t = Table::new();
                for (k, v) in meeting_fields(m) {
                    t.insert(
                        k,
                        Item::Value(if k == "weeks" {
                            weeks_value(m)
                        } else {
                            val_value(&v)
                        }),
                    );
                }
                t
            })
            .collect();
        let old: Vec<Vec<(String, String)>> = doc
            .get("meetings")
            .and_then(Item::as_array_of_tables)
            .map(|a| a.iter().map(canon_table).collect())
            .unwrap_or_default();
        if old != new.iter().map(canon_table).collect::<Vec<_>>() {
            if new.is_empty() {
                doc.remove("meetings");
            } else {
                let mut a = ArrayOfTables::new();
                for t in new {
                    a.push(t);
                }
                doc.insert("meetings", Item::ArrayOfTables(a));
            }
        }
    }
    let mut front = doc.to_string();
    if !front.is_empty() && !front.ends_with('\n') {
        front.push('\n');
    }
    Some(format!("{open}{front}{close}{body}"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn strings_are_escaped() {
        assert_eq!(toml_string("a \"b\"\\\nc"), "\"a \\\"b\\\"\\\\\\nc\"");
    }
}
