//! `wegweiser export`: every entry of every kind as one spreadsheet row,
//! with the column names `import --init` recognises, and for each kind the
//! mapping that reads the rows back (written beside the export).
//!
//! CSV: UTF-8 with BOM, `;`, CRLF (what German Excel opens correctly), a
//! file per kind: `OUT` = `liste.csv` gives `liste-gruppen.csv`,
//! `liste-organisationen.csv`, `liste-kontaktstellen.csv`. Cells that a
//! spreadsheet would take for a formula (`=`, `+`, `-`, `@` first) get a
//! leading apostrophe, which `import` drops again. XLSX: one sheet per
//! kind. The mappings: `liste-gruppen.mapping.toml`, … .

use std::path::{Path, PathBuf};

use super::mapping::Kind;
use crate::format::raw::{self, Audience, Level, MeetingFormat, Status};
use crate::load::{Loaded, RawDirectory};
use crate::model::Meeting;
use crate::model::meeting::Time;
use crate::validate::rules::to_date;

/// Export file format.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum ExportFormat {
    /// One CSV file per kind (UTF-8 with BOM, `;`, CRLF).
    Csv,
    /// One XLSX file, a sheet per kind.
    Xlsx,
}

/// A column of the export: the mapping field and its header.
pub type Column = (&'static str, &'static str);

const GROUP: &[Column] = &[
    ("slug", "Datei"),
    ("name", "Name"),
    ("indications", "Themen"),
    ("audience", "Zielgruppe"),
    ("format", "Form"),
    ("status", "Status"),
    ("verified", "Stand"),
    ("contact_point", "Kontaktstelle"),
    ("organisation", "Organisation"),
    ("district", "Stadtteil"),
    ("sort_as", "Sortierung"),
    ("aliases", "Auch bekannt als"),
    ("former_slugs", "Frühere Dateinamen"),
    ("languages", "Sprachen"),
    ("since", "Gründungsjahr"),
    ("ended", "Beendet am"),
    ("web", "Auf der Website"),
    ("print", "Druck"),
    ("confidential", "Vertraulich"),
    ("meetings", "Treffen"),
    ("place", "Treffpunkt"),
    ("address", "Adresse"),
    ("meetings.first_date", "Erster Termin"),
    ("meetings.accessible", "Barrierefrei"),
    ("meetings.note", "Hinweis zum Treffen"),
    ("-", "Rhythmus"),
    ("-", "Wochentag"),
    ("-", "Beginn"),
    ("-", "Ende"),
    ("contact.via_contact_point", "Kontakt über Kontaktstelle"),
    ("contact.person", "Ansprechpartner"),
    ("contact.phone", "Telefon"),
    ("contact.email", "E-Mail"),
    ("contact.consent", "Einwilligung"),
    ("contact.website", "Website"),
    ("body", "Beschreibung"),
];

const ORGANISATION: &[Column] = &[
    ("slug", "Datei"),
    ("name", "Name"),
    ("level", "Ebene"),
    ("verified", "Stand"),
    ("indications", "Themen"),
    ("address", "Adresse"),
    ("phone", "Telefon"),
    ("email", "E-Mail"),
    ("website", "Website"),
    ("sort_as", "Sortierung"),
    ("aliases", "Auch bekannt als"),
    ("former_slugs", "Frühere Dateinamen"),
    ("web", "Auf der Website"),
    ("print", "Druck"),
    ("body", "Beschreibung"),
];

const CONTACT_POINT: &[Column] = &[
    ("slug", "Datei"),
    ("name", "Name"),
    ("verified", "Stand"),
    ("address", "Adresse"),
    ("phone", "Telefon"),
    ("email", "E-Mail"),
    ("website", "Website"),
    ("opening_hours", "Öffnungszeiten"),
    ("sort_as", "Sortierung"),
    ("aliases", "Auch bekannt als"),
    ("former_slugs", "Frühere Dateinamen"),
    ("web", "Auf der Website"),
    ("print", "Druck"),
    ("body", "Beschreibung"),
];

/// The columns of a kind's export.
pub fn columns(kind: Kind) -> &'static [Column] {
    match kind {
        Kind::Group => GROUP,
        Kind::Organisation => ORGANISATION,
        Kind::ContactPoint => CONTACT_POINT,
    }
}

/// German words of values, as export writes them and its mapping reads them.
pub const AUDIENCE: [(&str, &str); 2] = [("Betroffene", "affected"), ("Angehörige", "relatives")];
/// German words of the formats (see [`AUDIENCE`]).
pub const FORMAT: [(&str, &str); 3] = [
    ("vor Ort", "in-person"),
    ("online", "online"),
    ("hybrid", "hybrid"),
];
/// German words of the statuses (see [`AUDIENCE`]).
pub const STATUS: [(&str, &str); 4] = [
    ("aktiv", "active"),
    ("in Gründung", "founding"),
    ("keine Plätze frei", "full"),
    ("beendet", "ended"),
];
/// German words of the levels (see [`AUDIENCE`]).
pub const LEVEL: [(&str, &str); 3] = [("örtlich", "local"), ("Land", "state"), ("Bund", "federal")];

/// The sheet (and file part) name of a kind.
pub fn sheet_name(kind: Kind) -> &'static str {
    match kind {
        Kind::Group => "Gruppen",
        Kind::Organisation => "Organisationen",
        Kind::ContactPoint => "Kontaktstellen",
    }
}

fn word(pairs: &[(&'static str, &'static str)], value: &str) -> String {
    pairs
        .iter()
        .find(|(_, v)| *v == value)
        .map(|(w, _)| (*w).to_owned())
        .unwrap_or_else(|| value.to_owned())
}

fn serde_word<T: serde::Serialize>(v: &T) -> String {
    serde_json::to_value(v)
        .ok()
        .and_then(|v| v.as_str().map(str::to_owned))
        .unwrap_or_default()
}

fn date(d: &toml::value::Datetime) -> String {
    to_date(d)
        .map(crate::project::format_date_de)
        .unwrap_or_else(|| d.to_string())
}

/// An optional text with a span, empty if absent.
fn opt(s: &Option<toml::Spanned<String>>) -> String {
    s.as_ref().map(|s| s.get_ref().clone()).unwrap_or_default()
}

/// Former file names as one cell, `; ` between them.
fn former_slugs(slugs: &[toml::Spanned<String>]) -> String {
    slugs
        .iter()
        .map(|s| s.get_ref().clone())
        .collect::<Vec<_>>()
        .join("; ")
}

fn yes_no(b: Option<bool>) -> String {
    match b {
        Some(true) => "ja".into(),
        Some(false) => "nein".into(),
        None => String::new(),
    }
}

/// Names of indications (ids where a name holds a list separator).
fn indication_names(ids: &[String], dir: &RawDirectory) -> String {
    ids.iter()
        .map(|id| {
            let name = dir
                .indications
                .as_ref()
                .and_then(|(_, i)| i.iter().find(|(k, _)| k.get_ref() == id))
                .map(|(_, e)| e.name.clone());
            match name {
                Some(n) if !n.contains([',', ';', '/']) => n,
                _ => id.clone(),
            }
        })
        .collect::<Vec<_>>()
        .join(", ")
}

/// A meeting of a file as the model's meeting (for its German sentence).
pub fn meeting_of(m: &raw::MeetingEntry) -> Meeting {
    let mut weeks: Vec<i8> = m
        .weeks
        .as_ref()
        .map(|w| w.get_ref().iter().map(|x| *x.get_ref() as i8).collect())
        .unwrap_or_default();
    weeks.sort_by_key(|&w| if w == -1 { 99 } else { w });
    Meeting {
        rhythm: m.rhythm,
        weekday: m.weekday.as_ref().map(|w| *w.get_ref()),
        weeks,
        first_date: m.first_date.as_ref().and_then(|d| to_date(d.get_ref())),
        start: m.start.as_ref().and_then(|t| Time::parse(t.get_ref())),
        end: m.end.as_ref().and_then(|t| Time::parse(t.get_ref())),
        place: m.place.clone(),
        address: m.address.clone(),
        accessible: m.accessible,
        note: m.note.clone(),
    }
}

/// The German text of a group's meetings: the sentences, separated by
/// "; " (notes are a column of their own: a note may read like a time).
fn meetings_text(meetings: &[Meeting]) -> String {
    meetings
        .iter()
        .map(Meeting::sentence_de)
        .collect::<Vec<_>>()
        .join("; ")
}

/// The value shared by all meetings, else each meeting's joined with " | "
/// (which `import` gives back one to each meeting).
fn shared(meetings: &[Meeting], f: impl Fn(&Meeting) -> String) -> String {
    let values: Vec<String> = meetings.iter().map(f).collect();
    if values.iter().all(|v| *v == values[0]) {
        values.first().cloned().unwrap_or_default()
    } else {
        values.join(" | ")
    }
}

fn group_row(slug: &str, g: &raw::GroupFront, body: &str, dir: &RawDirectory) -> Vec<String> {
    let meetings: Vec<Meeting> = g.meetings.iter().map(|m| meeting_of(m.get_ref())).collect();
    let contact = g.contact.as_ref().map(|c| c.get_ref());
    GROUP
        .iter()
        .map(|(field, header)| match (*field, *header) {
            ("slug", _) => slug.to_owned(),
            ("name", _) => g.name.get_ref().clone(),
            ("indications", _) => indication_names(
                &g.indications
                    .get_ref()
                    .iter()
                    .map(|i| i.get_ref().clone())
                    .collect::<Vec<_>>(),
                dir,
            ),
            ("audience", _) => g
                .audience
                .get_ref()
                .iter()
                .map(|a| word(&AUDIENCE, &serde_word::<Audience>(a)))
                .collect::<Vec<_>>()
                .join(", "),
            ("format", _) => word(&FORMAT, &serde_word::<MeetingFormat>(&g.format)),
            ("status", _) => word(&STATUS, &serde_word::<Status>(g.status.get_ref())),
            ("verified", _) => date(g.verified.get_ref()),
            ("contact_point", _) => opt(&g.contact_point),
            ("organisation", _) => opt(&g.organisation),
            ("district", _) => g.district.clone().unwrap_or_default(),
            ("sort_as", _) => g.sort_as.clone().unwrap_or_default(),
            ("aliases", _) => g.aliases.join("; "),
            ("former_slugs", _) => former_slugs(&g.former_slugs),
            ("languages", _) => g
                .languages
                .as_ref()
                .map(|l| {
                    l.iter()
                        .map(|s| s.get_ref().clone())
                        .collect::<Vec<_>>()
                        .join(", ")
                })
                .unwrap_or_default(),
            ("since", _) => g
                .since
                .as_ref()
                .map(|s| s.get_ref().to_string())
                .unwrap_or_default(),
            ("ended", _) => g
                .ended
                .as_ref()
                .map(|d| date(d.get_ref()))
                .unwrap_or_default(),
            ("web", _) => yes_no(g.web),
            ("print", _) => yes_no(g.print),
            ("confidential", _) => yes_no(g.confidential),
            ("meetings", _) => meetings_text(&meetings),
            ("place", _) => shared(&meetings, |m| m.place.clone().unwrap_or_default()),
            ("address", _) => shared(&meetings, |m| m.address.clone().unwrap_or_default()),
            ("meetings.note", _) => shared(&meetings, |m| m.note.clone().unwrap_or_default()),
            ("meetings.accessible", _) => shared(&meetings, |m| yes_no(m.accessible)),
            ("meetings.first_date", _) => shared(&meetings, |m| {
                m.first_date
                    .map(crate::project::format_date_de)
                    .unwrap_or_default()
            }),
            (_, "Rhythmus") => meetings
                .iter()
                .map(|m| m.schedule_de())
                .collect::<Vec<_>>()
                .join(" | "),
            (_, "Wochentag") => meetings
                .iter()
                .map(|m| {
                    m.weekday
                        .map(crate::model::meeting::weekday_de)
                        .unwrap_or("")
                        .to_owned()
                })
                .collect::<Vec<_>>()
                .join(" | "),
            (_, "Beginn") => meetings
                .iter()
                .map(|m| m.start.map(|t| t.to_string()).unwrap_or_default())
                .collect::<Vec<_>>()
                .join(" | "),
            (_, "Ende") => meetings
                .iter()
                .map(|m| m.end.map(|t| t.to_string()).unwrap_or_default())
                .collect::<Vec<_>>()
                .join(" | "),
            ("contact.via_contact_point", _) => yes_no(contact.and_then(|c| c.via_contact_point)),
            ("contact.person", _) => contact.map(|c| opt(&c.person)).unwrap_or_default(),
            ("contact.phone", _) => contact.map(|c| opt(&c.phone)).unwrap_or_default(),
            ("contact.email", _) => contact.map(|c| opt(&c.email)).unwrap_or_default(),
            ("contact.consent", _) => contact
                .and_then(|c| c.consent.as_ref())
                .map(|d| date(d.get_ref()))
                .unwrap_or_default(),
            ("contact.website", _) => contact.map(|c| opt(&c.website)).unwrap_or_default(),
            ("body", _) => body.trim().to_owned(),
            _ => String::new(),
        })
        .collect()
}

/// The fields organisations and contact points have alike.
struct ListedFront<'a> {
    slug: &'a str,
    name: &'a str,
    verified: &'a toml::value::Datetime,
    address: &'a Option<String>,
    phone: &'a Option<String>,
    email: &'a Option<toml::Spanned<String>>,
    website: &'a Option<toml::Spanned<String>>,
    sort_as: &'a Option<String>,
    aliases: &'a [String],
    former_slugs: &'a [toml::Spanned<String>],
    web: Option<bool>,
    print: Option<bool>,
    body: &'a str,
}

/// The [`ListedFront`] of an organisation's or contact point's front
/// matter (the two types name these fields alike).
macro_rules! listed_front {
    ($front:expr, $slug:expr, $body:expr) => {
        ListedFront {
            slug: $slug,
            name: $front.name.get_ref(),
            verified: $front.verified.get_ref(),
            address: &$front.address,
            phone: &$front.phone,
            email: &$front.email,
            website: &$front.website,
            sort_as: &$front.sort_as,
            aliases: &$front.aliases,
            former_slugs: &$front.former_slugs,
            web: $front.web,
            print: $front.print,
            body: $body,
        }
    };
}

impl ListedFront<'_> {
    /// The cell of a field both kinds have (empty for any other).
    fn cell(&self, field: &str) -> String {
        match field {
            "slug" => self.slug.to_owned(),
            "name" => self.name.to_owned(),
            "verified" => date(self.verified),
            "address" => self.address.clone().unwrap_or_default(),
            "phone" => self.phone.clone().unwrap_or_default(),
            "email" => opt(self.email),
            "website" => opt(self.website),
            "sort_as" => self.sort_as.clone().unwrap_or_default(),
            "aliases" => self.aliases.join("; "),
            "former_slugs" => former_slugs(self.former_slugs),
            "web" => yes_no(self.web),
            "print" => yes_no(self.print),
            "body" => self.body.trim().to_owned(),
            _ => String::new(),
        }
    }
}

fn organisation_row(
    slug: &str,
    o: &raw::OrganisationFront,
    body: &str,
    dir: &RawDirectory,
) -> Vec<String> {
    let listed = listed_front!(o, slug, body);
    ORGANISATION
        .iter()
        .map(|(field, _)| match *field {
            "level" => word(&LEVEL, &serde_word::<Level>(&o.level)),
            "indications" => indication_names(
                &o.indications
                    .iter()
                    .map(|i| i.get_ref().clone())
                    .collect::<Vec<_>>(),
                dir,
            ),
            other => listed.cell(other),
        })
        .collect()
}

fn contact_point_row(slug: &str, c: &raw::ContactPointFront, body: &str) -> Vec<String> {
    let listed = listed_front!(c, slug, body);
    CONTACT_POINT
        .iter()
        .map(|(field, _)| match *field {
            "opening_hours" => c.opening_hours.join("\n"),
            other => listed.cell(other),
        })
        .collect()
}

/// The header and rows of a kind, entries in file-name order.
pub fn sheet(kind: Kind, dir: &RawDirectory) -> (Vec<String>, Vec<Vec<String>>) {
    fn sorted<T>(list: &[Loaded<T>]) -> Vec<&Loaded<T>> {
        let mut v: Vec<&Loaded<T>> = list.iter().collect();
        v.sort_by(|a, b| a.slug.cmp(&b.slug));
        v
    }
    let header = columns(kind).iter().map(|(_, h)| (*h).to_owned()).collect();
    let rows = match kind {
        Kind::Group => sorted(&dir.groups)
            .into_iter()
            .map(|l| group_row(&l.slug, &l.front, &l.body, dir))
            .collect(),
        Kind::Organisation => sorted(&dir.organisations)
            .into_iter()
            .map(|l| organisation_row(&l.slug, &l.front, &l.body, dir))
            .collect(),
        Kind::ContactPoint => sorted(&dir.contact_points)
            .into_iter()
            .map(|l| contact_point_row(&l.slug, &l.front, &l.body))
            .collect(),
    };
    (header, rows)
}

/// The mapping that reads a kind's export back (`sheet` for XLSX).
pub fn mapping_text(kind: Kind, sheet: Option<&str>) -> String {
    let mut out = format!(
        "# Zuordnung für `wegweiser import`, geschrieben von `wegweiser export`:\n\
         # liest die {} des Exports wieder ein.\n\
         # Die Spalten Rhythmus, Wochentag, Beginn und Ende sind nur zum Lesen\n\
         # und Sortieren da; eingelesen wird die Spalte „Treffen“.\n\
         kind = \"{}\"\n",
        sheet_name(kind),
        kind.word()
    );
    if let Some(s) = sheet {
        out.push_str(&format!("sheet = \"{s}\"\n"));
    }
    // Lists are written with "; " (names of indications and the audience
    // with ", "; opening hours one a line); a name may hold "/".
    let separators = if kind == Kind::ContactPoint {
        "[\";\"]"
    } else {
        "[\",\", \";\"]"
    };
    out.push_str(&format!("list_separators = {separators}\n\n[columns]\n"));
    for (field, header) in columns(kind).iter().filter(|(f, _)| *f != "-") {
        let header = super::write::toml_string(header);
        if field.contains('.') {
            out.push_str(&format!("\"{field}\" = {header}\n"));
        } else {
            out.push_str(&format!("{field} = {header}\n"));
        }
    }
    let values = |out: &mut String, field: &str, pairs: &[(&str, &str)]| {
        out.push_str(&format!("\n[values.{field}]\n"));
        for (w, v) in pairs {
            out.push_str(&format!("{} = \"{v}\"\n", super::write::toml_string(w)));
        }
    };
    match kind {
        Kind::Group => {
            values(&mut out, "audience", &AUDIENCE);
            values(&mut out, "format", &FORMAT);
            values(&mut out, "status", &STATUS);
        }
        Kind::Organisation => values(&mut out, "level", &LEVEL),
        Kind::ContactPoint => {}
    }
    out
}

/// A CSV cell a spreadsheet will not take for a formula.
fn neutralise(s: &str) -> String {
    if s.starts_with(['=', '+', '-', '@', '\t', '\r']) {
        format!("'{s}")
    } else {
        s.to_owned()
    }
}

/// The CSV bytes of a sheet: UTF-8 with BOM, `;`, CRLF.
pub fn csv_bytes(header: &[String], rows: &[Vec<String>]) -> Vec<u8> {
    let mut out = b"\xEF\xBB\xBF".to_vec();
    {
        let mut w = csv::WriterBuilder::new()
            .delimiter(b';')
            .terminator(csv::Terminator::CRLF)
            .from_writer(&mut out);
        let _ = w.write_record(header);
        for r in rows {
            let _ = w.write_record(r.iter().map(|c| neutralise(c)));
        }
        let _ = w.flush();
    }
    out
}

/// One sheet of an export: the kind of its entries, the header row, the rows.
pub type Sheet = (Kind, Vec<String>, Vec<Vec<String>>);

/// The XLSX bytes of all sheets.
pub fn xlsx_bytes(sheets: &[Sheet]) -> Result<Vec<u8>, String> {
    let mut wb = rust_xlsxwriter::Workbook::new();
    let bold = rust_xlsxwriter::Format::new().set_bold();
    for (kind, header, rows) in sheets {
        let ws = wb.add_worksheet();
        ws.set_name(sheet_name(*kind)).map_err(|e| e.to_string())?;
        for (c, h) in header.iter().enumerate() {
            ws.write_string_with_format(0, c as u16, h, &bold)
                .map_err(|e| e.to_string())?;
        }
        for (r, row) in rows.iter().enumerate() {
            for (c, v) in row.iter().enumerate().filter(|(_, v)| !v.is_empty()) {
                ws.write_string(r as u32 + 1, c as u16, v)
                    .map_err(|e| e.to_string())?;
            }
        }
        ws.set_freeze_panes(1, 0).map_err(|e| e.to_string())?;
    }
    wb.save_to_buffer().map_err(|e| e.to_string())
}

/// The path of a kind's CSV (or mapping) next to `out`: `liste.csv` →
/// `liste-gruppen.csv`.
pub fn kind_path(out: &Path, kind: Kind, ending: &str) -> PathBuf {
    let stem = out
        .file_stem()
        .map(|s| s.to_string_lossy().into_owned())
        .unwrap_or_else(|| "wegweiser-export".into());
    out.with_file_name(format!(
        "{stem}-{}{ending}",
        sheet_name(kind).to_lowercase()
    ))
}
