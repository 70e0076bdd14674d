//! Reading one file: UTF-8 (with or without BOM), `+++` front matter,
//! TOML into typed structs, errors turned into located [`Message`]s.

use std::ops::Range;

use schemars::JsonSchema;
use serde::de::DeserializeOwned;
use serde_json::Value;

use crate::diagnostics::Message;

/// A located problem inside one file (byte span into the file's text).
pub type Problem = (Option<Range<usize>>, Message);

/// A front-matter key left out for a wrong or missing value, with the
/// span of the value that was there (`0..0` if none).
pub type LeftOut = (String, Range<usize>);

/// Decodes bytes as UTF-8, dropping a BOM. On invalid UTF-8 returns the
/// lossy text and the offset of the first bad byte.
pub fn decode(bytes: &[u8]) -> (String, Option<usize>) {
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    match std::str::from_utf8(bytes) {
        Ok(s) => (s.to_owned(), None),
        Err(e) => (
            String::from_utf8_lossy(bytes).into_owned(),
            Some(e.valid_up_to()),
        ),
    }
}

/// The two parts of an entry file.
#[derive(Debug, PartialEq)]
pub struct Split<'a> {
    /// The TOML between the `+++` lines, preceded by the opening line turned
    /// into a comment of the same length, so that every span the TOML
    /// parser reports is a byte offset of the file itself.
    pub toml: String,
    /// The Markdown after the closing `+++` line.
    pub body: &'a str,
    /// Byte offset of `body` in the file.
    pub body_offset: usize,
}

fn is_fence(line: &str) -> bool {
    line.trim_end_matches(['\r', ' ', '\t']) == "+++"
}

/// Splits `+++` front matter from the Markdown body.
pub fn split(text: &str) -> Result<Split<'_>, Problem> {
    if text.trim().is_empty() {
        return Err((None, Message::EmptyFile));
    }
    let first_end = text.find('\n').map(|i| i + 1).unwrap_or(text.len());
    if !is_fence(&text[..first_end].trim_end_matches('\n')) {
        return Err((None, Message::NoFrontMatterStart));
    }
    let mut pos = first_end;
    while pos < text.len() {
        let end = text[pos..]
            .find('\n')
            .map(|i| pos + i + 1)
            .unwrap_or(text.len());
        if is_fence(text[pos..end].trim_end_matches('\n')) {
            return Ok(Split {
                toml: format!("#{}", &text[1..pos]),
                body: &text[end..],
                body_offset: end,
            });
        }
        pos = end;
    }
    Err((None, Message::FrontMatterNotClosed))
}

/// Parses TOML into `T`, mapping errors to located messages. serde stops
/// at the first problem; to report every problem of a file at once, the
/// offending key/value lines are blanked (same byte length, so spans stay
/// valid) and the text is parsed again, up to a limit.
///
/// serde names only the first missing field of a table; the others missing
/// from it are taken from the `required` list of `T`'s JSON Schema (see
/// [`missing_fields`]) and reported as well, in the order of declaration.
pub fn parse<T: DeserializeOwned + JsonSchema>(toml: &str) -> Result<T, Vec<Problem>> {
    let partial = parse_partial::<T>(toml);
    match partial.value {
        Some(v) if partial.problems.is_empty() => Ok(v),
        _ => Err(partial.problems),
    }
}

/// What [`parse_partial`] made of a front matter.
#[derive(Debug)]
pub struct Partial<T> {
    /// What is left of `T` once the offending lines are left out (and a
    /// required top-level field that is missing or wrong is stood in for);
    /// `None` if no such rest parses (broken TOML, say).
    pub value: Option<T>,
    /// Every problem found, located.
    pub problems: Vec<Problem>,
    /// The keys left out (or stood in for) for a wrong or missing value,
    /// each with the span of the value that was there (`0..0` if none):
    /// checks of the rest must not report their absence, nor anything about
    /// a stand-in, as a second problem (an `ended` of the wrong type is no
    /// missing `ended`).
    pub left_out: Vec<LeftOut>,
}

/// Like [`parse`], also returning what is left of `T` after the lines with
/// problems (unknown fields, wrong values) are left out: the rest of such a
/// file can still be checked, so that all its problems are reported at
/// once. A required top-level field that is missing or was left out gets a
/// neutral stand-in (an empty text, the first allowed value, …), listed in
/// [`Partial::left_out`].
pub fn parse_partial<T: DeserializeOwned + JsonSchema>(toml: &str) -> Partial<T> {
    parse_partial_as::<T>(toml, false)
}

/// [`parse_partial`] for the front matter of an entry, which may also be
/// written by Decap CMS (the browser editor): see [`read_decap_forms`].
pub fn parse_entry_partial<T: DeserializeOwned + JsonSchema>(toml: &str) -> Partial<T> {
    parse_partial_as::<T>(toml, true)
}

fn parse_partial_as<T: DeserializeOwned + JsonSchema>(toml: &str, entry: bool) -> Partial<T> {
    let mut text = toml.to_owned();
    let mut problems: Vec<Problem> = Vec::new();
    let mut blanked: Vec<String> = Vec::new();
    let mut left_out: Vec<LeftOut> = Vec::new();
    // Top-level keys stood in for: the key, the span to give it, the value.
    let mut stand_ins: Vec<(String, Range<usize>, toml::de::DeValue<'static>)> = Vec::new();
    // `T`'s JSON Schema, made once and only if a problem needs it.
    let schema = std::cell::OnceCell::new();
    let schema = || schema.get_or_init(crate::load::schema::schema_value::<T>);
    for _ in 0..MAX_PROBLEMS_PER_FILE {
        let e = match deserialize::<T>(&text, &stand_ins, entry) {
            Ok(v) => {
                return Partial {
                    value: Some(v),
                    problems,
                    left_out,
                };
            }
            Err(e) => e,
        };
        let message = classify(e.message());
        let span = e.span();
        // A missing top-level field has no better place than the file itself.
        let span = match (&message, &span) {
            (Message::MissingField { .. }, Some(s)) if s.start == 0 => None,
            _ => span,
        };
        let syntax = matches!(message, Message::TomlSyntax { .. });
        let consequence =
            matches!(&message, Message::MissingField { field } if blanked.contains(field));
        if problems.iter().any(|(s, m)| *s == span && *m == message) {
            break;
        }
        let wrong_value = matches!(
            message,
            Message::WrongType { .. } | Message::UnknownValue { .. } | Message::InvalidValue { .. }
        );
        let missing = matches!(message, Message::MissingField { .. });
        let all_missing = missing
            .then(|| missing_fields::<T>(schema(), &text, span.as_ref(), &blanked))
            .flatten();
        match &all_missing {
            // Every required field absent from the table, each its own problem.
            Some(fields) => {
                for field in fields {
                    let m = Message::MissingField {
                        field: field.clone(),
                    };
                    if !problems.iter().any(|(s, p)| *s == span && *p == m) {
                        problems.push((span.clone(), m));
                    }
                }
            }
            None if !consequence => problems.push((span.clone(), message.clone())),
            None => {}
        }
        // A required top-level field: stood in for, so that the rest of
        // the file is still checked.
        if let (Message::MissingField { field }, None) = (&message, &span) {
            let fields = std::iter::once(field).chain(all_missing.iter().flatten());
            let mut stood_in = false;
            for field in fields {
                if stand_ins.iter().any(|(k, _, _)| k == field) {
                    continue;
                }
                let Some(value) = placeholder(schema(), field) else {
                    continue;
                };
                let at = left_out
                    .iter()
                    .find(|(k, _)| k == field)
                    .map_or(0..0, |(_, s)| s.clone());
                stand_ins.push((field.clone(), at.clone(), value));
                if !left_out.iter().any(|(k, _)| k == field) {
                    left_out.push((field.clone(), at));
                }
                stood_in = true;
            }
            if stood_in {
                continue;
            }
        }
        match (syntax, span) {
            (false, Some(span)) => match blank_region(&text, &span) {
                Some((region, key)) => {
                    if wrong_value || missing {
                        // The key is there; its absence after blanking is no new problem.
                        blanked.push(key.clone());
                        left_out.push((key, span));
                    }
                    blank_lines(&mut text, region)
                }
                None => break,
            },
            _ => break,
        }
    }
    Partial {
        value: None,
        problems,
        left_out,
    }
}

/// True if a table holds a value Decap CMS writes where a person would
/// write none or another form: an empty text or list, or a quoted date.
fn decap_forms(t: &toml::de::DeTable<'_>) -> bool {
    use toml::de::DeValue;
    fn value(v: &DeValue<'_>) -> bool {
        match v {
            DeValue::String(s) => s.is_empty() || quoted_date(s).is_some(),
            DeValue::Array(a) => a.is_empty() || a.iter().any(|x| value(x.get_ref())),
            DeValue::Table(t) => decap_forms(t),
            _ => false,
        }
    }
    t.iter().any(|(_, v)| value(v.get_ref()))
}

/// The JSON Schema of an entry kind, made once per kind (files written by
/// Decap CMS need it to be read, and a directory may hold thousands).
fn entry_schema<T: JsonSchema>() -> std::sync::Arc<Value> {
    use std::collections::HashMap;
    use std::sync::{Arc, Mutex, OnceLock};
    static SCHEMAS: OnceLock<Mutex<HashMap<&'static str, Arc<Value>>>> = OnceLock::new();
    let mut schemas = SCHEMAS
        .get_or_init(Default::default)
        .lock()
        .unwrap_or_else(|e| e.into_inner());
    let schema = schemas
        .entry(std::any::type_name::<T>())
        .or_insert_with(|| Arc::new(crate::load::schema::schema_value::<T>()));
    Arc::clone(schema)
}

/// `"2026-09-14"`: a local date written as text.
fn quoted_date(s: &str) -> Option<toml::value::Datetime> {
    if s.len() != 10 {
        return None;
    }
    let d: toml::value::Datetime = s.parse().ok()?;
    (d.date.is_some() && d.time.is_none() && d.offset.is_none()).then_some(d)
}

/// Reads the TOML Decap CMS writes (see docs/redaktion.md) as the contract
/// means it: an empty text or list of an optional field is "not set" (TOML
/// has no null, and Decap writes `""` for a cleared field); a date field
/// may hold its date as text (`verified = "2026-09-14"`, what Decap's date
/// widget saves). `schema` is the table's JSON Schema (inside `root`).
fn read_decap_forms(t: &mut toml::de::DeTable<'_>, schema: Option<&Value>, root: &Value) {
    use toml::de::DeValue;
    let Some(schema) = schema else { return };
    let required: Vec<&str> = schema
        .get("required")
        .and_then(Value::as_array)
        .into_iter()
        .flatten()
        .filter_map(Value::as_str)
        .collect();
    let field = |key: &str| {
        schema
            .get("properties")
            .and_then(|p| p.get(key))
            .and_then(|p| resolve(root, p))
    };
    let unset: Vec<String> = t
        .iter()
        .filter(|(k, v)| {
            let optional =
                !required.contains(&k.get_ref().as_ref()) && field(k.get_ref()).is_some();
            match v.get_ref() {
                DeValue::String(s) => optional && s.is_empty(),
                DeValue::Array(a) => optional && a.is_empty(),
                _ => false,
            }
        })
        .map(|(k, _)| k.get_ref().to_string())
        .collect();
    for key in unset {
        t.remove(key.as_str());
    }
    for (k, v) in t.iter_mut() {
        let key: &str = k.get_ref();
        let Some(prop) = field(key) else {
            continue;
        };
        let span = v.span();
        match v.get_mut() {
            DeValue::String(s) if prop.get("format").and_then(Value::as_str) == Some("date") => {
                if let Some(d) = quoted_date(&**s) {
                    *v = toml::Spanned::new(span, DeValue::Datetime(d));
                }
            }
            DeValue::Table(inner) => read_decap_forms(inner, Some(prop), root),
            DeValue::Array(items) => {
                let item = prop.get("items").and_then(|i| resolve(root, i));
                for x in items.iter_mut() {
                    let span = x.span();
                    match x.get_mut() {
                        DeValue::Table(inner) => read_decap_forms(inner, item, root),
                        DeValue::String(s)
                            if item.and_then(|i| i.get("format")).and_then(Value::as_str)
                                == Some("date") =>
                        {
                            if let Some(d) = quoted_date(&**s) {
                                *x = toml::Spanned::new(span, DeValue::Datetime(d));
                            }
                        }
                        _ => {}
                    }
                }
            }
            _ => {}
        }
    }
}

/// Deserialises `text` into `T`, with the top-level `stand_ins` (key, the
/// span to give the value, value) added to the table.
fn deserialize<T: DeserializeOwned + JsonSchema>(
    text: &str,
    stand_ins: &[(String, Range<usize>, toml::de::DeValue<'static>)],
    entry: bool,
) -> Result<T, toml::de::Error> {
    use toml::Spanned;
    if stand_ins.is_empty() && !entry {
        return toml::from_str(text);
    }
    let mut doc = toml::de::DeTable::parse(text)?;
    if entry && decap_forms(doc.get_ref()) {
        let root = entry_schema::<T>();
        read_decap_forms(doc.get_mut(), resolve(&root, &root), &root);
    }
    for (key, span, value) in stand_ins {
        doc.get_mut().insert(
            Spanned::new(span.clone(), std::borrow::Cow::Owned(key.clone())),
            Spanned::new(span.clone(), value.clone()),
        );
    }
    T::deserialize(toml::de::Deserializer::from(doc))
}

/// A neutral value of the type the schema `root` gives the top-level
/// `key`: the first allowed value, an empty text or list, a zero, `false`
/// or 1970-01-01, a table of such values for its required fields; `None`
/// for a type it cannot make.
fn placeholder(root: &Value, key: &str) -> Option<toml::de::DeValue<'static>> {
    stand_in(root, resolve(root, root)?.get("properties")?.get(key)?, 0)
}

/// [`placeholder`] for the schema `schema` (inside `root`).
fn stand_in(root: &Value, schema: &Value, depth: usize) -> Option<toml::de::DeValue<'static>> {
    use toml::de::{DeTable, DeValue};
    let schema = resolve(root, schema)?;
    if let Some(first) = schema
        .get("enum")
        .and_then(Value::as_array)
        .and_then(|e| e.first())
    {
        return Some(DeValue::String(first.as_str()?.to_owned().into()));
    }
    let text: &'static str = match (
        schema.get("type")?.as_str()?,
        schema.get("format").and_then(Value::as_str),
    ) {
        ("string", Some("date")) => "1970-01-01",
        ("string", _) => "\"\"",
        ("array", _) => "[]",
        ("integer", _) => "0",
        ("boolean", _) => "false",
        // A table (`[publisher]`): its required fields stood in for.
        ("object", _) if depth < 4 => {
            let mut table = DeTable::new();
            for field in schema
                .get("required")
                .and_then(Value::as_array)
                .into_iter()
                .flatten()
            {
                let field = field.as_str()?;
                let value = stand_in(root, schema.get("properties")?.get(field)?, depth + 1)?;
                table.insert(
                    toml::Spanned::new(0..0, std::borrow::Cow::Owned(field.to_owned())),
                    toml::Spanned::new(0..0, value),
                );
            }
            return Some(DeValue::Table(table));
        }
        _ => return None,
    };
    DeValue::parse(text).ok().map(|v| v.into_inner())
}

/// Follows `$ref`s (and one-element `allOf`s) of a schema.
fn resolve<'a>(root: &'a Value, mut v: &'a Value) -> Option<&'a Value> {
    for _ in 0..8 {
        if let Some(r) = v.get("$ref").and_then(Value::as_str) {
            let name = r.rsplit('/').next()?;
            v = root
                .get("definitions")
                .or_else(|| root.get("$defs"))?
                .get(name)?;
        } else if let Some([one]) = v.get("allOf").and_then(Value::as_array).map(Vec::as_slice) {
            v = one;
        } else {
            return Some(v);
        }
    }
    None
}

/// Every required field missing from the table serde found one missing in
/// (the top level if `span` is `None`, else the table whose header or value
/// is at `span`), in the order the fields are declared; `None` if the table
/// or its schema (in `root`, `T`'s) cannot be found. Keys in `present`
/// (blanked for a wrong value) count as there.
fn missing_fields<T: DeserializeOwned>(
    root: &Value,
    text: &str,
    span: Option<&Range<usize>>,
    present: &[String],
) -> Option<Vec<String>> {
    use toml::de::{DeTable, DeValue};
    #[derive(Clone)]
    enum Step {
        Key(String),
        Item,
    }
    type Found = Option<(usize, Vec<Step>, Vec<String>)>;
    fn keys(t: &DeTable<'_>) -> Vec<String> {
        t.iter().map(|(k, _)| k.get_ref().to_string()).collect()
    }
    fn consider(
        region: Range<usize>,
        at: &Range<usize>,
        path: &[Step],
        t: &DeTable<'_>,
        best: &mut Found,
    ) {
        if (region.contains(&at.start) || region == *at)
            && best.as_ref().is_none_or(|(len, _, _)| region.len() < *len)
        {
            *best = Some((region.len(), path.to_vec(), keys(t)));
        }
    }
    fn walk(t: &DeTable<'_>, at: &Range<usize>, path: &mut Vec<Step>, best: &mut Found) {
        for (k, v) in t.iter() {
            path.push(Step::Key(k.get_ref().to_string()));
            match v.get_ref() {
                DeValue::Table(inner) => {
                    consider(v.span(), at, path, inner, best);
                    consider(k.span(), at, path, inner, best);
                    walk(inner, at, path, best);
                }
                DeValue::Array(a) => {
                    for item in a.iter() {
                        if let DeValue::Table(inner) = item.get_ref() {
                            path.push(Step::Item);
                            consider(item.span(), at, path, inner, best);
                            walk(inner, at, path, best);
                            path.pop();
                        }
                    }
                }
                _ => {}
            }
            path.pop();
        }
    }
    let doc = DeTable::parse(text).ok()?;
    let (path, mut have) = match span {
        None => (Vec::new(), keys(doc.get_ref())),
        Some(at) => {
            let mut best = None;
            walk(doc.get_ref(), at, &mut Vec::new(), &mut best);
            let (_, path, have) = best?;
            (path, have)
        }
    };
    have.extend(present.iter().cloned());

    let mut schema = resolve(root, root)?;
    for step in &path {
        let next = match step {
            Step::Key(k) => schema
                .get("properties")
                .and_then(|p| p.get(k))
                .or_else(|| schema.get("additionalProperties")),
            Step::Item => schema.get("items"),
        };
        schema = resolve(root, next?)?;
    }
    let required: Vec<String> = schema
        .get("required")?
        .as_array()?
        .iter()
        .filter_map(Value::as_str)
        .map(str::to_owned)
        .collect();
    let mut missing: Vec<String> = required.into_iter().filter(|f| !have.contains(f)).collect();
    let order = declaration_order::<T>(text, span);
    missing.sort_by_key(|f| order.iter().position(|o| o == f).unwrap_or(usize::MAX));
    Some(missing)
}

/// The fields of the table at `span` (top level if `None`) in the order of
/// declaration: serde lists them so when it meets an unknown key, so one is
/// put first into the table. The JSON Schema knows them only sorted.
fn declaration_order<T: DeserializeOwned>(text: &str, span: Option<&Range<usize>>) -> Vec<String> {
    const PROBE: &str = "wegweiser_declaration_order_probe";
    let at = match span {
        None => 0,
        // Only a `[table]` / `[[table]]` header has a line to put a key after.
        Some(s) if text.get(s.clone()).is_some_and(|h| h.starts_with('[')) => text[s.end..]
            .find('\n')
            .map(|i| s.end + i + 1)
            .unwrap_or(text.len()),
        Some(_) => return Vec::new(),
    };
    let probe = format!("{}\n{PROBE} = 0\n{}", &text[..at], &text[at..]);
    let Err(e) = toml::from_str::<T>(&probe) else {
        return Vec::new();
    };
    match e
        .message()
        .trim()
        .strip_prefix(&format!("unknown field `{PROBE}`"))
    {
        Some(rest) => rest
            .split('`')
            .skip(1)
            .step_by(2)
            .map(str::to_owned)
            .collect(),
        None => Vec::new(),
    }
}

/// How many problems of one file are reported at most.
const MAX_PROBLEMS_PER_FILE: usize = 20;

/// The innermost `key = value` (or array element) around `span`. The
/// whole tree is searched: the body of an `[[array]]` table lies outside
/// the span of its header.
fn blank_region(text: &str, span: &Range<usize>) -> Option<(Range<usize>, String)> {
    use toml::de::{DeTable, DeValue};
    type Best = Option<(Range<usize>, String)>;
    fn consider(region: Range<usize>, key: &str, span: &Range<usize>, best: &mut Best) {
        if (region.contains(&span.start) || region == *span)
            && best.as_ref().is_none_or(|(b, _)| region.len() < b.len())
        {
            *best = Some((region, key.to_owned()));
        }
    }
    fn table(t: &DeTable<'_>, span: &Range<usize>, best: &mut Best) {
        for (k, v) in t.iter() {
            let region = k.span().start.min(v.span().start)..v.span().end.max(k.span().end);
            consider(region, k.get_ref(), span, best);
            value(v.get_ref(), k.get_ref(), span, best);
        }
    }
    fn value(v: &DeValue<'_>, key: &str, span: &Range<usize>, best: &mut Best) {
        match v {
            DeValue::Table(t) => table(t, span, best),
            DeValue::Array(a) => {
                for item in a.iter() {
                    consider(item.span(), key, span, best);
                    value(item.get_ref(), key, span, best);
                }
            }
            _ => {}
        }
    }
    let doc = DeTable::parse(text).ok()?;
    let mut best = None;
    table(doc.get_ref(), span, &mut best);
    best
}

/// Replaces every byte of the lines touched by `region` with a space
/// (line breaks stay), so the TOML keeps its shape and offsets.
/// A table header (`[contact]`, `[[meetings]]`) takes its body with it, up
/// to the next header.
fn blank_lines(text: &mut String, region: Range<usize>) {
    let start = text[..region.start.min(text.len())]
        .rfind('\n')
        .map(|i| i + 1)
        .unwrap_or(0);
    let mut end = text[region.end.min(text.len())..]
        .find('\n')
        .map(|i| region.end + i)
        .unwrap_or(text.len());
    if text[start..].trim_start().starts_with('[') {
        let mut pos = end;
        while pos < text.len() {
            let line_end = text[pos + 1..]
                .find('\n')
                .map(|i| pos + 1 + i)
                .unwrap_or(text.len());
            if text[pos..line_end].trim_start().starts_with('[') {
                break;
            }
            end = line_end;
            pos = line_end;
        }
    }
    let mut bytes = std::mem::take(text).into_bytes();
    for b in &mut bytes[start..end] {
        if *b != b'\n' && *b != b'\r' {
            *b = b' ';
        }
    }
    *text = String::from_utf8(bytes).unwrap_or_default();
}

/// Turns serde/toml's English error text into a catalogue message.
pub fn classify(raw: &str) -> Message {
    let raw = raw.trim();
    let ticked =
        |s: &str| -> Vec<String> { s.split('`').skip(1).step_by(2).map(str::to_owned).collect() };
    if let Some(rest) = raw.strip_prefix("missing field ") {
        return Message::MissingField {
            field: rest.trim_matches('`').to_owned(),
        };
    }
    if let Some(rest) = raw.strip_prefix("unknown field ") {
        let names = ticked(rest);
        let field = names.first().cloned().unwrap_or_default();
        let suggestion = crate::model::suggest(&field, names.iter().skip(1).map(String::as_str));
        return Message::UnknownField { field, suggestion };
    }
    if let Some(rest) = raw.strip_prefix("unknown variant ") {
        let names = ticked(rest);
        let value = names.first().cloned().unwrap_or_default();
        return Message::UnknownValue {
            value,
            allowed: names.into_iter().skip(1).collect(),
        };
    }
    if let Some(rest) = raw.strip_prefix("invalid type: ") {
        if let Some((found, expected)) = rest.split_once(", expected ") {
            return Message::WrongType {
                found: found.to_owned(),
                expected: expected.to_owned(),
            };
        }
    }
    if raw.starts_with("invalid value: ") || raw.starts_with("invalid length") {
        return Message::InvalidValue {
            detail: raw.to_owned(),
        };
    }
    if raw.contains("out of range") || raw.contains("invalid digit") {
        return Message::InvalidValue {
            detail: raw.to_owned(),
        };
    }
    Message::TomlSyntax {
        detail: raw.lines().next().unwrap_or(raw).to_owned(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn splits_lf_and_crlf() {
        let s = split("+++\nname = \"x\"\n+++\nBody\n").unwrap();
        assert_eq!(s.toml, "#++\nname = \"x\"\n");
        assert_eq!(s.body, "Body\n");
        let s = split("+++\r\nname = \"x\"\r\n+++\r\nBody\r\n").unwrap();
        assert_eq!(s.toml, "#++\r\nname = \"x\"\r\n");
        assert_eq!(s.body, "Body\r\n");
        assert_eq!(s.body_offset, 22);
    }

    #[test]
    fn front_matter_only_is_fine() {
        let s = split("+++\nname = \"x\"\n+++").unwrap();
        assert_eq!(s.body, "");
    }

    #[test]
    fn reports_structure_errors() {
        assert_eq!(split("").unwrap_err().1, Message::EmptyFile);
        assert_eq!(split("  \n").unwrap_err().1, Message::EmptyFile);
        assert_eq!(
            split("name = 1\n").unwrap_err().1,
            Message::NoFrontMatterStart
        );
        assert_eq!(
            split("+++\nname = 1\n").unwrap_err().1,
            Message::FrontMatterNotClosed
        );
    }

    #[test]
    fn bom_is_dropped_and_bad_bytes_located() {
        assert_eq!(decode(b"\xEF\xBB\xBF+++").0, "+++");
        let (_, bad) = decode(b"+++\nname = \"\xFF\"");
        assert_eq!(bad, Some(12));
    }

    #[derive(Debug, serde::Deserialize, JsonSchema)]
    #[serde(deny_unknown_fields)]
    #[allow(dead_code)]
    struct Probe {
        name: String,
        count: i64,
        #[serde(default)]
        items: Vec<Item>,
        sub: Option<Sub>,
    }
    #[derive(Debug, serde::Deserialize, JsonSchema)]
    #[serde(deny_unknown_fields)]
    #[allow(dead_code)]
    struct Item {
        rhythm: String,
    }
    #[derive(Debug, serde::Deserialize, JsonSchema)]
    #[serde(deny_unknown_fields)]
    #[allow(dead_code)]
    struct Sub {
        phone: String,
    }

    #[test]
    fn reports_every_problem_of_a_file() {
        let text = "#++\nname = 5\ncolor = \"x\"\ncount = 1\n\n[[items]]\nweekday = 1\n\n[sub]\nphone = 5\n";
        let problems = parse::<Probe>(text).unwrap_err();
        let codes: Vec<&str> = problems.iter().map(|(_, m)| m.code()).collect();
        assert_eq!(
            codes,
            [
                "unknown-field",
                "unknown-field",
                "missing-field",
                "wrong-type",
                "wrong-type"
            ],
            "{problems:?}"
        );
        // The missing `rhythm` of the [[items]] table is located at its header.
        assert_eq!(&text[problems[2].0.clone().unwrap()], "[[items]]");
    }

    #[derive(Debug, serde::Deserialize, JsonSchema)]
    #[serde(deny_unknown_fields)]
    #[allow(dead_code)]
    struct Several {
        zeta: String,
        alpha: i64,
        note: Option<String>,
        sub: SeveralSub,
        #[serde(default)]
        items: Vec<SeveralSub>,
    }
    #[derive(Debug, serde::Deserialize, JsonSchema)]
    #[serde(deny_unknown_fields)]
    #[allow(dead_code)]
    struct SeveralSub {
        phone: String,
        extra: Option<String>,
        code: String,
    }

    fn missing(problems: &[Problem]) -> Vec<(Option<Range<usize>>, String)> {
        problems
            .iter()
            .map(|(s, m)| match m {
                Message::MissingField { field } => (s.clone(), field.clone()),
                other => (s.clone(), other.code().to_owned()),
            })
            .collect()
    }

    #[test]
    fn reports_every_missing_field_of_a_table_in_declaration_order() {
        let problems = parse::<Several>(
            "#++
note = \"x\"\n",
        )
        .unwrap_err();
        let names: Vec<String> = missing(&problems).into_iter().map(|(_, f)| f).collect();
        assert_eq!(names, ["zeta", "alpha", "sub"], "{problems:?}");
        assert!(problems.iter().all(|(s, _)| s.is_none()));

        // Nested tables too, at their header; a key with a wrong value is not missing.
        let text = "#++\nzeta = 5\n\n[sub]\nextra = \"x\"\n\n[[items]]\nphone = \"1\"\n";
        let problems = parse::<Several>(text).unwrap_err();
        let got = missing(&problems);
        let names: Vec<&str> = got.iter().map(|(_, f)| f.as_str()).collect();
        // (toml visits the tables before the plain keys; output is sorted by location later.)
        assert_eq!(
            names,
            ["code", "phone", "code", "wrong-type", "alpha"],
            "{problems:?}"
        );
        assert_eq!(&text[got[0].0.clone().unwrap()], "[[items]]");
        assert_eq!(&text[got[1].0.clone().unwrap()], "[sub]");
        assert_eq!(&text[got[2].0.clone().unwrap()], "[sub]");
        assert_eq!(got[4].0, None);
    }

    #[test]
    fn classifies_serde_messages() {
        assert_eq!(
            classify("missing field `name`"),
            Message::MissingField {
                field: "name".into()
            }
        );
        assert_eq!(
            classify("unknown field `nmae`, expected one of `name`, `sort_as`"),
            Message::UnknownField {
                field: "nmae".into(),
                suggestion: Some("name".into())
            }
        );
        assert_eq!(
            classify("unknown variant `weekly2`, expected one of `weekly`, `monthly`"),
            Message::UnknownValue {
                value: "weekly2".into(),
                allowed: vec!["weekly".into(), "monthly".into()]
            }
        );
    }
}
