//! `wegweiser import FILE --init MAPPING.toml`: a mapping guessed from the
//! header row. Each header is compared (case, umlaut spelling, spaces and
//! punctuation ignored) with the German and English names real lists use;
//! street, postcode and town columns are joined into `address`; value maps
//! are pre-filled from the distinct values of short columns; the columns
//! that could not be placed are listed as comments.

use std::collections::BTreeSet;

use super::export;
use super::mapping::Kind;
use super::table::Table;
use super::values::{fold, split_list};
use super::write::toml_string;

/// Header names (folded) per field; the first field whose list holds a
/// header wins.
const NAMES: &[(&str, &[&str])] = &[
    ("slug", &["datei", "dateiname", "slug", "kennung"]),
    (
        "name",
        &[
            "name",
            "gruppenname",
            "gruppe",
            "namedergruppe",
            "selbsthilfegruppe",
            "bezeichnung",
            "titel",
            "groupname",
            "organisationsname",
        ],
    ),
    (
        "indications",
        &[
            "thema",
            "themen",
            "indikation",
            "indikationen",
            "krankheitsbild",
            "krankheitsbilder",
            "erkrankung",
            "schwerpunkt",
            "topic",
            "topics",
            "indication",
            "indications",
        ],
    ),
    (
        "audience",
        &[
            "zielgruppe",
            "zielgruppen",
            "fuerwen",
            "audience",
            "targetgroup",
        ],
    ),
    (
        "format",
        &["form", "format", "treffform", "art", "artdertreffen"],
    ),
    ("status", &["status", "zustand"]),
    ("level", &["ebene", "level"]),
    (
        "verified",
        &[
            "stand",
            "geprueftam",
            "geprueft",
            "bestaetigt",
            "bestaetigtam",
            "aktualisiert",
            "letzteaenderung",
            "verified",
            "lastverified",
        ],
    ),
    (
        "meetings",
        &[
            "treffen",
            "treffzeit",
            "treffzeiten",
            "termin",
            "termine",
            "wann",
            "meetings",
            "meetingtime",
            "meetingtimes",
        ],
    ),
    (
        "place",
        &[
            "treffpunkt",
            "treffort",
            "raum",
            "ortdertreffen",
            "place",
            "location",
        ],
    ),
    ("address", &["adresse", "anschrift", "address"]),
    (
        "meetings.note",
        &[
            "hinweiszumtreffen",
            "hinweisetreffen",
            "treffhinweis",
            "meetingnote",
        ],
    ),
    (
        "meetings.accessible",
        &[
            "barrierefrei",
            "rollstuhlgerecht",
            "stufenlos",
            "accessible",
        ],
    ),
    (
        "meetings.first_date",
        &["erstertermin", "startdatum", "firstdate", "naechstertermin"],
    ),
    (
        "contact.person",
        &[
            "ansprechpartner",
            "ansprechpartnerin",
            "ansprechpartnerinnen",
            "ansprechperson",
            "kontaktperson",
            "kontakt",
            "contactperson",
            "person",
        ],
    ),
    (
        "contact.phone",
        &["telefon", "tel", "telefonnummer", "phone", "telephone"],
    ),
    (
        "contact.email",
        &["email", "mail", "emailadresse", "mailadresse"],
    ),
    (
        "contact.consent",
        &[
            "einwilligung",
            "einwilligungam",
            "einwilligungsdatum",
            "datenschutz",
            "datenschutzerklaerung",
            "consent",
        ],
    ),
    (
        "contact.via_contact_point",
        &["kontaktueberkontaktstelle", "viacontactpoint"],
    ),
    (
        "contact.website",
        &[
            "website",
            "homepage",
            "internet",
            "internetseite",
            "webseite",
            "url",
            "web",
        ],
    ),
    ("district", &["stadtteil", "ortsteil", "bezirk", "district"]),
    ("contact_point", &["kontaktstelle", "contactpoint"]),
    (
        "organisation",
        &["organisation", "verband", "dachverband", "organization"],
    ),
    (
        "languages",
        &["sprache", "sprachen", "language", "languages"],
    ),
    ("since", &["seit", "gruendungsjahr", "gegruendet", "since"]),
    (
        "ended",
        &["beendetam", "aufgeloest", "aufgeloestam", "ended"],
    ),
    ("sort_as", &["sortierung", "sortieren", "sortas"]),
    (
        "aliases",
        &["auchbekanntals", "aliasnamen", "aliases", "alias"],
    ),
    ("former_slugs", &["fruehere dateinamen", "formerslugs"]),
    ("web", &["aufderwebsite", "imweb"]),
    ("print", &["druck", "imheft", "print"]),
    ("confidential", &["vertraulich", "confidential"]),
    (
        "opening_hours",
        &["oeffnungszeiten", "openinghours", "sprechzeiten"],
    ),
    (
        "body",
        &[
            "beschreibung",
            "text",
            "info",
            "infos",
            "description",
            "bemerkung",
            "bemerkungen",
        ],
    ),
];

/// What a header names, for a kind (group fields of other kinds renamed:
/// a contact point's `website` is its own).
fn guess(kind: Kind, header: &str) -> Option<&'static str> {
    let h = fold(header);
    let field = NAMES
        .iter()
        .find(|(_, names)| names.iter().any(|n| fold(n) == h))
        .map(|(f, _)| *f)?;
    let field = match (kind, field) {
        (Kind::Group, f) => f,
        (_, "contact.website") => "website",
        (_, "contact.phone") => "phone",
        (_, "contact.email") => "email",
        (_, f) => f,
    };
    super::mapping::field(kind, field).map(|(f, _)| f)
}

/// The kind a header row is about: organisations have a level, contact
/// points opening hours; else groups.
fn guess_kind(table: &Table) -> Kind {
    let has = |names: &[&str]| {
        table
            .headers
            .iter()
            .any(|h| names.contains(&fold(h).as_str()))
    };
    if has(&["ebene", "level"]) {
        Kind::Organisation
    } else if has(&["oeffnungszeiten", "openinghours", "sprechzeiten"]) {
        Kind::ContactPoint
    } else {
        Kind::Group
    }
}

/// The value of a cell text of a short column, if it can be guessed.
fn guess_value(field: &str, text: &str) -> Option<String> {
    let t = fold(text);
    let words = |pairs: &[(&str, &str)]| {
        pairs
            .iter()
            .find(|(w, _)| fold(w) == t)
            .map(|(_, v)| format!("\"{v}\""))
    };
    match field {
        "audience" => {
            let affected =
                t.contains("betroffen") || t.contains("affected") || t.contains("selbst");
            let relatives = t.contains("angehoerig")
                || t.contains("relatives")
                || t.contains("familie")
                || t.contains("eltern");
            match (affected, relatives) {
                (true, true) => Some("[\"affected\", \"relatives\"]".into()),
                (true, false) => Some("\"affected\"".into()),
                (false, true) => Some("\"relatives\"".into()),
                _ => None,
            }
        }
        "format" => words(&export::FORMAT).or_else(|| {
            if t.contains("hybrid") {
                Some("\"hybrid\"".into())
            } else if t.contains("online")
                || t.contains("digital")
                || t.contains("video")
                || t.contains("virtuell")
            {
                Some("\"online\"".into())
            } else if t.contains("ort") || t.contains("praesenz") || t.contains("persoenlich") {
                Some("\"in-person\"".into())
            } else {
                None
            }
        }),
        "status" => words(&export::STATUS).or_else(|| {
            if t.contains("gruend") {
                Some("\"founding\"".into())
            } else if t.contains("beendet") || t.contains("aufgeloest") {
                Some("\"ended\"".into())
            } else if t.contains("voll") || t.contains("keineplaetze") {
                Some("\"full\"".into())
            } else if t.contains("aktiv") || t.contains("offen") {
                Some("\"active\"".into())
            } else {
                None
            }
        }),
        "level" => words(&export::LEVEL).or_else(|| {
            if t.contains("bund") {
                Some("\"federal\"".into())
            } else if t.contains("land") {
                Some("\"state\"".into())
            } else if t.contains("oertlich") || t.contains("lokal") || t.contains("regional") {
                Some("\"local\"".into())
            } else {
                None
            }
        }),
        _ => None,
    }
}

/// The mapping text guessed for `table` (read from `file_shown`), with
/// the number of columns placed and not placed.
pub fn guess_mapping(
    table: &Table,
    file_shown: &str,
    today: &str,
    sheet: Option<&str>,
) -> (String, usize, usize) {
    let kind = guess_kind(table);
    let mut placed: Vec<(&'static str, Vec<String>)> = Vec::new();
    let mut unplaced: Vec<String> = Vec::new();
    // Street + postcode + town: joined into the address.
    let find = |names: &[&str]| {
        table
            .headers
            .iter()
            .find(|h| names.contains(&fold(h).as_str()))
            .cloned()
    };
    let street = find(&["strasse", "str", "strasseundhausnummer", "street"]);
    let postcode = find(&["plz", "postleitzahl", "postcode", "zip"]);
    let town = find(&["ort", "stadt", "wohnort", "town", "city"]);
    let joined: Vec<String> = [street, postcode, town].into_iter().flatten().collect();
    let join_address = joined.len() >= 2;
    for h in table.headers.iter().filter(|h| !h.is_empty()) {
        if join_address && joined.contains(h) {
            continue;
        }
        match guess(kind, h) {
            Some(f) if !placed.iter().any(|(p, _)| *p == f) => placed.push((f, vec![h.clone()])),
            _ => unplaced.push(h.clone()),
        }
    }
    if join_address {
        let address = "address";
        match placed.iter_mut().find(|(f, _)| *f == address) {
            Some(_) => unplaced.extend(joined.iter().cloned()),
            None => placed.push((address, joined.clone())),
        }
    }
    let mut out = format!(
        "# Zuordnung für `wegweiser import`, geraten aus der Kopfzeile von {file_shown}.\n\
         # Bitte einmal durchsehen: links das Feld (siehe `wegweiser schema`), rechts\n\
         # der Name der Spalte. Dann: wegweiser import {file_shown} --mapping DIESE-DATEI\n\
         # (Probelauf) und mit --write schreiben.\n\
         kind = {}                # \"group\" | \"organisation\" | \"contact-point\"\n",
        toml_string(kind.word())
    );
    if let Some(s) = sheet {
        out.push_str(&format!("sheet = {}\n", toml_string(s)));
    }
    out.push_str("list_separators = [\",\", \";\", \"/\"]   # trennt Listen in einer Zelle (Themen, Zielgruppe, …)\n\n[columns]\n");
    for (field, headers) in &placed {
        let key = if field.contains('.') {
            format!("\"{field}\"")
        } else {
            (*field).to_owned()
        };
        let value = match headers.as_slice() {
            [one] => toml_string(one),
            many => {
                format!(
                    "[{}]   # zusammengefügt",
                    many.iter()
                        .map(|h| toml_string(h))
                        .collect::<Vec<_>>()
                        .join(", ")
                )
            }
        };
        out.push_str(&format!("{key} = {value}\n"));
    }
    if !unplaced.is_empty() {
        out.push_str("# Nicht zugeordnet (werden nicht übernommen; tragen Sie das Feld ein, wenn eine\n# Spalte übernommen werden soll):\n");
        for h in &unplaced {
            out.push_str(&format!("# FELD = {}\n", toml_string(h)));
        }
    }
    // Required fields no column holds get a default.
    let has = |f: &str| placed.iter().any(|(p, _)| *p == f);
    let mut defaults = String::new();
    let mut default = |f: &str, v: String, note: &str| {
        if !has(f) {
            defaults.push_str(&format!("{f} = {v}   # {note}\n"));
        }
    };
    match kind {
        Kind::Group => {
            default(
                "audience",
                "[\"affected\"]".into(),
                "\"affected\" (Betroffene) und/oder \"relatives\" (Angehörige)",
            );
            default(
                "format",
                "\"in-person\"".into(),
                "\"in-person\" | \"online\" | \"hybrid\"",
            );
            default(
                "status",
                "\"active\"".into(),
                "\"active\" | \"founding\" | \"full\" | \"ended\"",
            );
        }
        Kind::Organisation => default(
            "level",
            "\"local\"".into(),
            "\"local\" | \"state\" | \"federal\"",
        ),
        Kind::ContactPoint => {}
    }
    default(
        "verified",
        today.to_owned(),
        "Datum, an dem die Liste zuletzt bestätigt wurde",
    );
    out.push_str("\n[defaults]                # Werte für Felder, die keine Spalte hat\n");
    out.push_str(&defaults);
    if kind == Kind::Group && !has("indications") {
        out.push_str(
            "# indications = [\"...\"]   # (Pflicht) Kennungen aus content/indications.toml\n",
        );
    }
    // Value maps of short columns.
    for field in ["audience", "format", "status", "level"] {
        let Some((_, headers)) = placed.iter().find(|(f, _)| *f == field) else {
            continue;
        };
        let Some(col) = headers.first().and_then(|h| table.column(h)) else {
            continue;
        };
        let mut distinct: BTreeSet<String> = BTreeSet::new();
        for row in &table.rows {
            let text = row.cell(col).text();
            if text.is_empty() || text.chars().count() > 60 {
                continue;
            }
            if field == "audience" && guess_value(field, &text).is_none() {
                distinct.extend(split_list(&text, &[",".into(), ";".into(), "/".into()]));
            } else {
                distinct.insert(text);
            }
            if distinct.len() > 30 {
                break;
            }
        }
        if distinct.is_empty() {
            continue;
        }
        out.push_str(&format!(
            "\n[values.{field}]           # Zellinhalt → Wert\n"
        ));
        for text in &distinct {
            match guess_value(field, text) {
                Some(v) => out.push_str(&format!("{} = {v}\n", toml_string(text))),
                None => out.push_str(&format!(
                    "# {} = \"\"   # bitte ergänzen\n",
                    toml_string(text)
                )),
            }
        }
    }
    (out, placed.len(), unplaced.len())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::import::table::{Cell, Row};

    #[test]
    fn guesses_german_headers() {
        let headers: Vec<String> = [
            "Gruppenname",
            "Krankheitsbild",
            "Zielgruppe",
            "Treffzeit",
            "Straße",
            "PLZ",
            "Ort",
            "E-Mail",
            "Bemerkung intern",
            "Geprüft am",
        ]
        .iter()
        .map(|s| (*s).to_owned())
        .collect();
        let rows = vec![Row {
            number: 2,
            cells: vec![
                Cell::Empty,
                Cell::Empty,
                Cell::Text("Betroffene und Angehörige".into()),
            ],
        }];
        let table = Table { headers, rows };
        let (text, placed, unplaced) = guess_mapping(&table, "liste.csv", "2026-09-14", None);
        assert!(text.contains("name = \"Gruppenname\""), "{text}");
        assert!(text.contains("indications = \"Krankheitsbild\""));
        assert!(text.contains("meetings = \"Treffzeit\""));
        assert!(text.contains("address = [\"Straße\", \"PLZ\", \"Ort\"]"));
        assert!(text.contains("\"contact.email\" = \"E-Mail\""));
        assert!(text.contains("verified = \"Geprüft am\""));
        assert!(text.contains("# FELD = \"Bemerkung intern\""));
        assert!(text.contains("\"Betroffene und Angehörige\" = [\"affected\", \"relatives\"]"));
        assert_eq!((placed, unplaced), (7, 1));
        let m = crate::import::mapping::parse(&text).unwrap();
        assert_eq!(m.kind, Kind::Group);
    }
}
