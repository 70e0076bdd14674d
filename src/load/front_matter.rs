//! Reading one file: UTF-8 (with or without BOM), `+++` front matter,
//! TOML into typed structs, errors turned into located [`Message`]s.

use std::borrow::Cow;
use std::ops::Range;

use schemars::JsonSchema;
use serde::de::DeserializeOwned;
use serde_json::Value;
use toml::Spanned;
use toml::de::{DeArray, DeTable, DeValue};

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
    if !is_fence(text[..first_end].trim_end_matches('\n')) {
        return Err((None, Message::NoFrontMatterStart));
    }
    match closing_fence(text, first_end, |line| {
        is_fence(line.trim_end_matches('\n'))
    }) {
        Some((pos, end)) => Ok(Split {
            toml: format!("#{}", &text[1..pos]),
            body: &text[end..],
            body_offset: end,
        }),
        None => Err((None, Message::FrontMatterNotClosed)),
    }
}

/// The first line from byte `from` on (with its line break) that `fence`
/// accepts, as its start and end: the closing fence of front matter whose
/// opening line ends at `from`.
pub fn closing_fence(
    text: &str,
    from: usize,
    fence: impl Fn(&str) -> bool,
) -> Option<(usize, usize)> {
    let mut pos = from;
    while pos < text.len() {
        let end = text[pos..]
            .find('\n')
            .map(|i| pos + i + 1)
            .unwrap_or(text.len());
        if fence(&text[pos..end]) {
            return Some((pos, end));
        }
        pos = end;
    }
    None
}

/// Parses TOML into `T`, mapping errors to located messages. serde stops
/// at the first problem; to report every problem of a file at once, the
/// TOML is parsed once into a tree with spans, the key (or array element)
/// with the problem is removed from the tree and the tree is deserialised
/// again, up to a limit.
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
    /// What is left of `T` once the keys with problems are left out (and a
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

/// Like [`parse`], also returning what is left of `T` after the keys with
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
    let (mut doc, errors) = DeTable::parse_recoverable(toml);
    if !errors.is_empty() {
        return Partial {
            value: None,
            problems: syntax_problems(&errors),
            left_out: Vec::new(),
        };
    }
    if entry && decap_forms(doc.get_ref()) {
        let root = kind_schema::<T>();
        read_decap_forms(doc.get_mut(), resolve(&root, &root), &root);
    }
    let mut problems: Vec<Problem> = Vec::new();
    // Keys removed from the tree for a wrong value: there, not missing.
    let mut removed: Vec<String> = Vec::new();
    let mut left_out: Vec<LeftOut> = Vec::new();
    // Top-level keys stood in for: the key, the span to give it, the value.
    let mut stand_ins: Vec<StandIn> = Vec::new();
    // `T`'s JSON Schema, fetched only if a problem needs it.
    let schema = std::cell::OnceCell::new();
    let schema = || &**schema.get_or_init(kind_schema::<T>);
    for _ in 0..MAX_PROBLEMS_PER_FILE {
        let e = match deserialize::<T>(&doc, &stand_ins) {
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
            matches!(&message, Message::MissingField { field } if removed.contains(field));
        if problems.iter().any(|(s, m)| *s == span && *m == message) {
            break;
        }
        let wrong_value = matches!(
            message,
            Message::WrongType { .. } | Message::UnknownValue { .. } | Message::InvalidValue { .. }
        );
        let missing = matches!(message, Message::MissingField { .. });
        let all_missing = missing
            .then(|| missing_fields::<T>(schema(), &doc, &stand_ins, span.as_ref(), &removed))
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
        // Anything else located: the key or array element around it leaves
        // the tree, and the rest is read again.
        match (syntax, span) {
            (false, Some(span)) => match innermost(doc.get_ref(), &span) {
                Some((path, key)) => {
                    if wrong_value || missing {
                        // The key is there; its absence after removal is no new problem.
                        removed.push(key.clone());
                        left_out.push((key, span));
                    }
                    remove(doc.get_mut(), &path);
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

/// The first syntax error of a front matter, located. The parser goes on
/// after it, but what it finds then is mostly a consequence (an unclosed
/// `[` or `"` makes every following line an error), so the rest of the file
/// is checked once this one is fixed.
fn syntax_problems(errors: &[toml::de::Error]) -> Vec<Problem> {
    errors
        .iter()
        .take(1)
        .map(|e| (e.span(), classify(e.message())))
        .collect()
}

/// A top-level key stood in for: the key, the span to give its value, the
/// value.
type StandIn = (String, Range<usize>, DeValue<'static>);

/// One step down the parsed tree: the value of a key, or an element of
/// the array the previous step led to.
#[derive(Clone, Debug)]
enum Step {
    Key(String),
    Item(usize),
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

/// The JSON Schema of a kind of file, made once per kind (files written by
/// Decap CMS need it to be read, files with problems to be recovered, and
/// a directory may hold thousands).
fn kind_schema<T: JsonSchema>() -> std::sync::Arc<Value> {
    use std::collections::HashMap;
    use std::sync::{Arc, Mutex, OnceLock};
    static SCHEMAS: OnceLock<Mutex<HashMap<&'static str, Arc<Value>>>> = OnceLock::new();
    let mut schemas = SCHEMAS
        .get_or_init(Default::default)
        .lock()
        .unwrap_or_else(|e| e.into_inner());
    let schema = schemas
        .entry(std::any::type_name::<T>())
        .or_insert_with(|| Arc::new(crate::format::schema::schema_value::<T>()));
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
                if let Some(d) = quoted_date(s) {
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
                            if let Some(d) = quoted_date(s) {
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

/// Deserialises the tree `doc` into `T`, with the top-level `stand_ins`
/// added to its table.
fn deserialize<T: DeserializeOwned>(
    doc: &Spanned<DeTable<'_>>,
    stand_ins: &[StandIn],
) -> Result<T, toml::de::Error> {
    let mut doc = doc.clone();
    for (key, span, value) in stand_ins {
        doc.get_mut().insert(
            Spanned::new(span.clone(), Cow::Owned(key.clone())),
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
/// (removed for a wrong value) count as there.
fn missing_fields<T: DeserializeOwned>(
    root: &Value,
    doc: &Spanned<DeTable<'_>>,
    stand_ins: &[StandIn],
    span: Option<&Range<usize>>,
    present: &[String],
) -> Option<Vec<String>> {
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
                    for (i, item) in a.iter().enumerate() {
                        if let DeValue::Table(inner) = item.get_ref() {
                            path.push(Step::Item(i));
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
            Step::Item(_) => schema.get("items"),
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
    let order = declaration_order::<T>(doc, stand_ins, &path);
    missing.sort_by_key(|f| order.iter().position(|o| o == f).unwrap_or(usize::MAX));
    Some(missing)
}

/// The fields of the table at `path` in the order of declaration: serde
/// lists them so when it meets an unknown key, so one is put first into
/// the table. The JSON Schema knows them only sorted.
fn declaration_order<T: DeserializeOwned>(
    doc: &Spanned<DeTable<'_>>,
    stand_ins: &[StandIn],
    path: &[Step],
) -> Vec<String> {
    const PROBE: &str = "wegweiser_declaration_order_probe";
    let mut probe = doc.clone();
    let Some(table) = table_at(probe.get_mut(), path) else {
        return Vec::new();
    };
    let rest = std::mem::take(table);
    table.insert(
        Spanned::new(0..0, Cow::Borrowed(PROBE)),
        Spanned::new(0..0, DeValue::Boolean(false)),
    );
    table.extend(rest);
    let Err(e) = deserialize::<T>(&probe, stand_ins) else {
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

/// The innermost `key = value` (or array element) around `span`: its path
/// and its key (an element's array's key). The whole tree is searched: the
/// body of an `[[array]]` table lies outside the span of its header.
fn innermost(doc: &DeTable<'_>, span: &Range<usize>) -> Option<(Vec<Step>, String)> {
    type Best = Option<(usize, Vec<Step>, String)>;
    fn consider(
        region: Range<usize>,
        path: &[Step],
        key: &str,
        span: &Range<usize>,
        best: &mut Best,
    ) {
        if (region.contains(&span.start) || region == *span)
            && best.as_ref().is_none_or(|(len, _, _)| region.len() < *len)
        {
            *best = Some((region.len(), path.to_vec(), key.to_owned()));
        }
    }
    fn table(t: &DeTable<'_>, path: &mut Vec<Step>, span: &Range<usize>, best: &mut Best) {
        for (k, v) in t.iter() {
            let region = k.span().start.min(v.span().start)..v.span().end.max(k.span().end);
            path.push(Step::Key(k.get_ref().to_string()));
            consider(region, path, k.get_ref(), span, best);
            value(v.get_ref(), path, k.get_ref(), span, best);
            path.pop();
        }
    }
    fn value(
        v: &DeValue<'_>,
        path: &mut Vec<Step>,
        key: &str,
        span: &Range<usize>,
        best: &mut Best,
    ) {
        match v {
            DeValue::Table(t) => table(t, path, span, best),
            DeValue::Array(a) => {
                for (i, item) in a.iter().enumerate() {
                    path.push(Step::Item(i));
                    consider(item.span(), path, key, span, best);
                    value(item.get_ref(), path, key, span, best);
                    path.pop();
                }
            }
            _ => {}
        }
    }
    let mut best = None;
    table(doc, &mut Vec::new(), span, &mut best);
    best.map(|(_, path, key)| (path, key))
}

/// The table at `path` (which ends at a table, or is empty for `t`).
fn table_at<'t, 'i>(t: &'t mut DeTable<'i>, path: &[Step]) -> Option<&'t mut DeTable<'i>> {
    match path.split_first() {
        None => Some(t),
        Some((Step::Key(k), rest)) => value_table_at(t.get_mut(k.as_str())?.get_mut(), rest),
        Some((Step::Item(_), _)) => None,
    }
}

/// [`table_at`] below the value `v`.
fn value_table_at<'t, 'i>(v: &'t mut DeValue<'i>, path: &[Step]) -> Option<&'t mut DeTable<'i>> {
    match (v, path.split_first()) {
        (DeValue::Table(t), _) => table_at(t, path),
        (DeValue::Array(a), Some((Step::Item(i), rest))) => {
            value_table_at(a.get_mut(*i)?.get_mut(), rest)
        }
        _ => None,
    }
}

/// Removes the key or array element at `path` from the table `t`. An
/// array left empty goes with it, as the key of an `[[array]]` table whose
/// only table was removed is gone.
fn remove(t: &mut DeTable<'_>, path: &[Step]) {
    let Some((Step::Key(key), rest)) = path.split_first() else {
        return;
    };
    let emptied = match t.get_mut(key.as_str()) {
        Some(v) if !rest.is_empty() => remove_below(v.get_mut(), rest),
        Some(_) => true,
        None => false,
    };
    if emptied {
        t.remove(key.as_str());
    }
}

/// [`remove`] below the value `v`; true if `v` is an array left empty.
fn remove_below(v: &mut DeValue<'_>, path: &[Step]) -> bool {
    match (v, path.split_first()) {
        (DeValue::Table(t), Some((Step::Key(_), _))) => {
            remove(t, path);
            false
        }
        (DeValue::Array(a), Some((Step::Item(i), []))) => {
            let items = std::mem::replace(a, DeArray::new());
            *a = items
                .into_iter()
                .enumerate()
                .filter(|(j, _)| j != i)
                .map(|(_, x)| x)
                .collect();
            a.is_empty()
        }
        (DeValue::Array(a), Some((Step::Item(i), rest))) => match a.get_mut(*i) {
            Some(x) => {
                remove_below(x.get_mut(), rest);
                false
            }
            None => false,
        },
        _ => false,
    }
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
    if let Some(rest) = raw.strip_prefix("invalid type: ")
        && let Some((found, expected)) = rest.split_once(", expected ")
    {
        return Message::WrongType {
            found: found.to_owned(),
            expected: expected.to_owned(),
        };
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
