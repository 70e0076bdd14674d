//! One row of a table made into an entry: its fields as values, the
//! meetings read from German text, the consent rule, and what the row's
//! report lines say.

use super::mapping::{ColumnMap, Field, FieldType, Kind, Mapping};
use super::table::{Cell, Row, Table};
use super::values::{self, IndicationIndex};
use crate::diagnostics::Message;
use crate::model::meeting_text::{MeetingFinding, read_meetings_with};
use crate::model::{Date, Meeting, Rhythm};

/// A field's value.
#[derive(Debug, Clone, PartialEq)]
pub enum Val {
    /// Text.
    Str(String),
    /// A list of texts (indications, audience, languages, …).
    List(Vec<String>),
    /// A date (`verified`, `consent`, …).
    Date(Date),
    /// A whole number (`since`, `weight`).
    Int(i64),
    /// Yes or no (`web`, `print`, `accessible`, …).
    Bool(bool),
}

/// A report line about a row that is not its outcome: a notice or a
/// problem, at a column.
#[derive(Debug, Clone)]
pub struct Finding {
    /// The column (header or number).
    pub column: String,
    /// True: the row cannot become an entry.
    pub problem: bool,
    /// What to say.
    pub message: Message,
}

/// A row made into an entry (not yet written).
#[derive(Debug, Clone)]
pub struct Draft {
    /// The row number (header = 1).
    pub row: usize,
    /// The entry's name (empty: a problem).
    pub name: String,
    /// The file name a `slug` column gives (`export` writes one).
    pub slug: Option<String>,
    /// Fields other than meetings and body, in writing order; nested ones
    /// as `contact.person`.
    pub fields: Vec<(&'static str, Val)>,
    /// The meetings, if a column maps them (or their place / address).
    pub meetings: Option<Vec<Meeting>>,
    /// The Markdown body, if a column maps it.
    pub body: Option<String>,
    /// Notices and problems.
    pub findings: Vec<Finding>,
    /// Indications to create (`--create-indications`): id and name.
    pub new_indications: Vec<(String, String)>,
}

impl Draft {
    /// True if a finding is a problem.
    pub fn has_problem(&self) -> bool {
        self.findings.iter().any(|f| f.problem)
    }

    /// The value of a field.
    pub fn get(&self, field: &str) -> Option<&Val> {
        self.fields
            .iter()
            .find(|(f, _)| *f == field)
            .map(|(_, v)| v)
    }
}

/// What drafting needs besides the row.
pub struct Context<'a> {
    /// The table being imported.
    pub table: &'a Table,
    /// How its columns map to fields.
    pub mapping: &'a Mapping,
    /// Column indices of each column map (several for joined columns).
    pub columns: &'a [(ColumnMap, Vec<usize>)],
    /// The directory's indications by id, name and synonym.
    pub indications: &'a IndicationIndex,
    /// `--create-indications CATEGORY`.
    pub create_indications: Option<&'a str>,
}

impl Context<'_> {
    /// How a column map is named in report lines.
    pub fn column_name(&self, map: &(ColumnMap, Vec<usize>)) -> String {
        map.1
            .first()
            .map(|&c| self.table.column_name(c))
            .unwrap_or_else(|| map.0.headers.join("+"))
    }

    /// The column named for lines about the whole row: the name column.
    pub fn row_column(&self) -> String {
        self.columns
            .iter()
            .find(|(m, _)| m.field.0 == "name")
            .map(|m| self.column_name(m))
            .unwrap_or_else(|| "1".into())
    }
}

/// Joins the cells of joined columns: "Hauptstraße 5", "12345",
/// "Musterstadt" → "Hauptstraße 5, 12345 Musterstadt" (a postcode is
/// followed by a space, everything else by a comma).
fn joined_text(row: &Row, columns: &[usize]) -> String {
    let mut out = String::new();
    let mut after_digits = false;
    for text in columns
        .iter()
        .map(|&c| row.cell(c).text())
        .filter(|t| !t.is_empty())
    {
        if !out.is_empty() {
            out.push_str(if after_digits { " " } else { ", " });
        }
        after_digits = text.chars().all(|c| c.is_ascii_digit());
        out.push_str(&text);
    }
    out
}

/// A value of a mapping (`[defaults]`, `[values.*]`) as a field's value.
fn from_toml(field: Field, v: &toml::Value) -> Option<Val> {
    use toml::Value as T;
    Some(match (field.1, v) {
        (FieldType::List | FieldType::Indications, T::String(s)) => Val::List(vec![s.clone()]),
        (_, T::String(s)) if field.1 == FieldType::Date => {
            Val::Date(values::date(&Cell::Text(s.clone()))?)
        }
        (_, T::String(s)) => Val::Str(s.clone()),
        (_, T::Array(a)) => Val::List(
            a.iter()
                .map(|x| {
                    x.as_str()
                        .map(str::to_owned)
                        .unwrap_or_else(|| x.to_string())
                })
                .collect(),
        ),
        (_, T::Integer(i)) => Val::Int(*i),
        (_, T::Boolean(b)) => Val::Bool(*b),
        (_, T::Datetime(d)) => Val::Date(d.to_string().get(..10)?.parse().ok()?),
        _ => return None,
    })
}

/// The parts of a list or indications cell, each through the field's value
/// map: a part the map gives values for stands for them, any other for
/// itself.
fn mapped_parts(cx: &Context, field: Field, text: &str) -> Vec<String> {
    values::split_list(text, &cx.mapping.separators)
        .into_iter()
        .flat_map(|part| {
            match cx
                .mapping
                .mapped_value(field.0, &part)
                .and_then(|v| from_toml(field, v))
            {
                Some(Val::List(v)) => v,
                Some(Val::Str(s)) => vec![s],
                _ => vec![part],
            }
        })
        .collect()
}

/// Makes a row into a draft.
pub fn draft(cx: &Context, row: &Row) -> Draft {
    let mut d = Draft {
        row: row.number,
        name: String::new(),
        slug: None,
        fields: Vec::new(),
        meetings: None,
        body: None,
        findings: Vec::new(),
        new_indications: Vec::new(),
    };
    let mut meeting_text: Option<(String, String)> = None;
    let mut parts = MeetingParts::default();
    let mut meetings_mapped = false;
    for map in cx.columns {
        let (cm, cols) = map;
        let field = cm.field;
        let column = cx.column_name(map);
        let problem = |d: &mut Draft, message: Message| {
            d.findings.push(Finding {
                column: column.clone(),
                problem: true,
                message,
            })
        };
        if matches!(field.1, FieldType::Meetings | FieldType::MeetingPart) {
            meetings_mapped = true;
        }
        let text = joined_text(row, cols);
        if text.is_empty() {
            continue;
        }
        let first_cell = cols
            .first()
            .map(|&c| row.cell(c).clone())
            .unwrap_or(Cell::Empty);
        let mapped = cx
            .mapping
            .mapped_value(field.0, &text)
            .and_then(|v| from_toml(field, v));
        let value = match field.1 {
            FieldType::Meetings => {
                meeting_text = Some((text, column));
                continue;
            }
            FieldType::MeetingPart => {
                // Joined columns are their text; a single one keeps its cell
                // (a date cell, say).
                let cell = if cols.len() == 1 {
                    first_cell
                } else {
                    Cell::Text(text.clone())
                };
                let part = Some(Part {
                    text,
                    column: column.clone(),
                    cell,
                });
                match field.0 {
                    "place" => parts.place = part,
                    "address" => parts.address = part,
                    "meetings.accessible" => parts.accessible = part,
                    "meetings.note" => parts.note = part,
                    _ => parts.first_date = part,
                }
                continue;
            }
            FieldType::Body => {
                d.body = Some(text.replace("\r\n", "\n"));
                continue;
            }
            _ if mapped.is_some() && field.1 != FieldType::Indications => mapped,
            FieldType::Text => Some(Val::Str(text.replace("\r\n", "\n"))),
            FieldType::List => Some(Val::List(mapped_parts(cx, field, &text))),
            FieldType::Date => match values::date(&first_cell) {
                Some(date) => Some(Val::Date(date)),
                None => {
                    problem(&mut d, Message::ImportNotADate { value: text });
                    None
                }
            },
            FieldType::Integer => match text.trim().parse::<i64>() {
                Ok(i) => Some(Val::Int(i)),
                Err(_) => {
                    problem(&mut d, Message::ImportNotANumber { value: text });
                    None
                }
            },
            FieldType::Bool => match values::bool(&text) {
                Some(b) => Some(Val::Bool(b)),
                None => {
                    problem(&mut d, Message::ImportNotYesNo { value: text });
                    None
                }
            },
            FieldType::Indications => {
                let mut ids: Vec<String> = Vec::new();
                // A value map of the whole cell, else of each part; what it
                // gives (or the part itself) is an id, name or synonym.
                let names: Vec<String> = match mapped {
                    Some(Val::List(v)) => v,
                    _ => mapped_parts(cx, field, &text),
                };
                {
                    for name in names {
                        let id = match cx.indications.find(&name) {
                            Some(id) => id.to_owned(),
                            None => match cx.create_indications {
                                Some(category) if !values::slugify(&name).is_empty() => {
                                    let id = values::slugify(&name);
                                    d.findings.push(Finding {
                                        column: column.clone(),
                                        problem: false,
                                        message: Message::IndicationCreated {
                                            id: id.clone(),
                                            name: name.clone(),
                                            category: category.to_owned(),
                                        },
                                    });
                                    d.new_indications.push((id.clone(), name.clone()));
                                    id
                                }
                                _ => {
                                    let suggestion = cx.indications.suggest(&name);
                                    problem(
                                        &mut d,
                                        Message::UnknownIndication {
                                            id: name,
                                            suggestion,
                                        },
                                    );
                                    continue;
                                }
                            },
                        };
                        if !ids.contains(&id) {
                            ids.push(id);
                        }
                    }
                }
                Some(Val::List(ids))
            }
        };
        if let Some(v) = value {
            if field.0 == "slug" {
                if let Val::Str(s) = v {
                    d.slug =
                        Some(s.trim().to_owned()).filter(|s| crate::validate::rules::is_slug(s));
                }
                continue;
            }
            if field.0 == "name"
                && let Val::Str(s) = &v
            {
                d.name = s.trim().to_owned();
            }
            d.fields.push((field.0, v));
        }
    }
    // Defaults for fields no column gave a value.
    for (field, value) in &cx.mapping.defaults {
        if d.get(field.0).is_none()
            && !matches!(
                field.1,
                FieldType::Meetings | FieldType::Body | FieldType::MeetingPart
            )
            && let Some(v) = from_toml(*field, value)
        {
            d.fields.push((field.0, v));
        }
    }
    if d.name.is_empty() {
        d.findings.push(Finding {
            column: cx.row_column(),
            problem: true,
            message: Message::EmptyName,
        });
    }
    if meetings_mapped {
        d.meetings = Some(meetings(&mut d, meeting_text, parts));
    }
    if cx.mapping.kind == Kind::Group {
        consent_rule(cx, &mut d);
    }
    // Writing order: the kind's field order.
    let order = |f: &str| {
        super::mapping::fields(cx.mapping.kind)
            .iter()
            .position(|(n, _)| *n == f)
            .unwrap_or(usize::MAX)
    };
    d.fields.sort_by_key(|(f, _)| order(f));
    d
}

/// A cell about the meetings of a row (place, address, …).
#[derive(Debug)]
struct Part {
    text: String,
    column: String,
    cell: Cell,
}

impl Part {
    /// The cell for each of `n` meetings: `n` values separated by `|`
    /// (as `export` writes values that differ between meetings) give one
    /// each; else the whole cell is every meeting's. Empty values: `None`.
    fn per_meeting(&self, n: usize) -> Vec<Option<Cell>> {
        let parts: Vec<&str> = self.text.split('|').collect();
        if n > 1 && parts.len() == n {
            parts
                .into_iter()
                .map(|p| Some(Cell::Text(p.trim().to_owned())).filter(|c| !c.is_empty()))
                .collect()
        } else {
            vec![Some(self.cell.clone()); n]
        }
    }

    /// The first date in the cell (the anchor for the meeting reader).
    fn first_date(&self) -> Option<Date> {
        values::date(&self.cell).or_else(|| {
            self.text
                .split('|')
                .find_map(|p| values::date(&Cell::Text(p.trim().to_owned())))
        })
    }
}

/// What columns say about the meetings of a row.
#[derive(Debug, Default)]
struct MeetingParts {
    place: Option<Part>,
    address: Option<Part>,
    first_date: Option<Part>,
    accessible: Option<Part>,
    note: Option<Part>,
}

/// Reads the meeting text; place, address, step-free access, note and
/// first date go into every meeting, or one value each (see
/// [`Part::per_meeting`]). A place without a meeting text becomes an
/// irregular meeting there.
fn meetings(d: &mut Draft, text: Option<(String, String)>, parts: MeetingParts) -> Vec<Meeting> {
    let anchor = parts.first_date.as_ref().and_then(Part::first_date);
    if let (Some(p), None) = (&parts.first_date, anchor) {
        d.findings.push(Finding {
            column: p.column.clone(),
            problem: true,
            message: Message::ImportNotADate {
                value: p.text.clone(),
            },
        });
    }
    let mut meetings = match &text {
        Some((text, column)) => {
            let read = read_meetings_with(text, anchor);
            for f in read.findings {
                let message = match f {
                    MeetingFinding::KeptAsNote { text } => Message::MeetingKeptAsNote { text },
                    MeetingFinding::NeedsFirstDate { text } => Message::FirstDateNeeded { text },
                };
                d.findings.push(Finding {
                    column: column.clone(),
                    problem: false,
                    message,
                });
            }
            read.meetings
        }
        None => Vec::new(),
    };
    let any_part = [&parts.place, &parts.address, &parts.accessible, &parts.note]
        .iter()
        .any(|p| p.is_some());
    if meetings.is_empty() && any_part {
        meetings.push(Meeting::new(Rhythm::Irregular, None));
    }
    let n = meetings.len();
    let each = |p: &Option<Part>| {
        p.as_ref()
            .map(|p| p.per_meeting(n))
            .unwrap_or_else(|| vec![None; n])
    };
    let (places, addresses, notes) = (each(&parts.place), each(&parts.address), each(&parts.note));
    let (access, dates) = (each(&parts.accessible), each(&parts.first_date));
    let mut bad_access = None;
    for (i, m) in meetings.iter_mut().enumerate() {
        let text = |c: &Option<Cell>| c.as_ref().map(|c| c.text().replace("\r\n", "\n"));
        if m.place.is_none() {
            m.place = text(&places[i]);
        }
        if m.address.is_none() {
            m.address = text(&addresses[i]);
        }
        if m.note.is_none() {
            m.note = text(&notes[i]);
        }
        if let (None, Some(c)) = (m.accessible, &access[i]) {
            m.accessible = values::bool(&c.text());
            if m.accessible.is_none() {
                bad_access = Some(c.text());
            }
        }
        if let (Rhythm::Biweekly, Some(c)) = (m.rhythm, &dates[i]) {
            m.first_date = values::date(c).or(m.first_date);
        }
    }
    if let (Some(value), Some(p)) = (bad_access, &parts.accessible) {
        d.findings.push(Finding {
            column: p.column.clone(),
            problem: true,
            message: Message::ImportNotYesNo { value },
        });
    }
    meetings
}

/// Personal contact data only with a consent date; else it is left out,
/// the group is reached through the contact point, and the row gets a
/// notice.
fn consent_rule(cx: &Context, d: &mut Draft) {
    const PERSONAL: [&str; 3] = ["contact.person", "contact.phone", "contact.email"];
    if d.get("contact.consent").is_some() {
        return;
    }
    let Some(first) = d
        .fields
        .iter()
        .find(|(f, _)| PERSONAL.contains(f))
        .map(|(f, _)| *f)
    else {
        return;
    };
    let column = cx
        .columns
        .iter()
        .find(|(m, _)| m.field.0 == first)
        .map(|m| cx.column_name(m))
        .unwrap_or_else(|| cx.row_column());
    d.fields
        .retain(|(f, _)| !PERSONAL.contains(f) && *f != "contact.via_contact_point");
    d.fields
        .push(("contact.via_contact_point", Val::Bool(true)));
    d.findings.push(Finding {
        column,
        problem: false,
        message: Message::PersonalDataLeftOut,
    });
}
