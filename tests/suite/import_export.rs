//! `wegweiser import` and `export` (contract, section 10): readers,
//! encodings, delimiters, dates, report lines with their locations, the
//! consent rule, `--update`, idempotence, the round trip, and bad files.

use std::io::Write;

use crate::common::{self, Root, Run, snapshot};

const MAPPING: &str = r#"kind = "group"

[columns]
name = "Gruppenname"
indications = "Themen"
audience = "Zielgruppe"
meetings = "Treffen"
place = "Treffpunkt"
"contact.person" = "Ansprechpartner"
"contact.phone" = "Telefon"
"contact.consent" = "Einwilligung"
district = "Stadtteil"
verified = "Stand"
body = "Beschreibung"

[defaults]
format = "in-person"
status = "active"

[values.audience]
"Betroffene" = "affected"
"Angehörige" = "relatives"
"Betroffene und Angehörige" = ["affected", "relatives"]
"#;

const HEADER: &str = "Gruppenname;Themen;Zielgruppe;Treffen;Treffpunkt;Ansprechpartner;Telefon;Einwilligung;Stadtteil;Stand;Beschreibung;Notiz";

fn cp1252(text: &str) -> Vec<u8> {
    let (bytes, _, unmappable) = encoding_rs::WINDOWS_1252.encode(text);
    assert!(!unmappable);
    bytes.into_owned()
}

/// A root with the mapping at `map.toml` and the list at `name`.
fn root_with(name: &str, list: &[u8]) -> Root {
    let r = Root::new();
    r.write("map.toml", MAPPING);
    r.write_bytes(name, list);
    r
}

/// Runs `import LIST --mapping MAPPING --root .` with more arguments.
fn import(r: &Root, list: &str, mapping: &str, more: &[&str]) -> Run {
    let mut args = vec!["import", list, "--mapping", mapping, "--root", "."];
    args.extend_from_slice(more);
    r.run(&args)
}

fn read(r: &Root, rel: &str) -> String {
    std::fs::read_to_string(r.path().join(rel)).unwrap_or_else(|e| panic!("{rel}: {e}"))
}

fn groups(r: &Root) -> Vec<String> {
    let mut v: Vec<String> = std::fs::read_dir(r.path().join("content/groups"))
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    v.sort();
    v
}

#[test]
fn windows_1252_csv_with_semicolons_crlf_and_a_multi_line_cell() {
    let text = format!(
        "{HEADER}\r\n\
         Zöliakie-Treff Süd;Diabetes;Betroffene und Angehörige;jeden 2. Mittwoch im Monat, 19–21 Uhr;Gemeindehaus, Raum 3;;;;Süd;14.09.2026;\"Erste Zeile.\r\nZweite Zeile mit ß.\";intern\r\n\
         Gesprächskreis Übergewicht;adipositas;Betroffene;montags 18.30 Uhr;;;;;;2026-06-02;;\r\n"
    );
    let r = root_with("liste.csv", &cp1252(&text));
    // A dry run writes nothing and says what it would do.
    let run = import(&r, "liste.csv", "map.toml", &[]);
    assert_eq!(run.code, 0, "{}", run.all());
    assert!(
        run.stdout.contains(
            "liste.csv:2:Gruppenname: würde angelegt: content/groups/zoeliakie-treff-sued.md"
        ),
        "{}",
        run.all()
    );
    assert!(
        run.stdout.contains("liste.csv:3:Gruppenname: würde angelegt: content/groups/gespraechskreis-uebergewicht.md"),
        "{}",
        run.all()
    );
    // Every column not imported is named once, in row 1.
    assert!(
        run.stdout
            .contains("liste.csv:1:Notiz: Hinweis: Die Spalte „Notiz“ wird nicht übernommen"),
        "{}",
        run.all()
    );
    assert_eq!(groups(&r), ["diabetes-nord.md"]);

    let run = import(&r, "liste.csv", "map.toml", &["--write"]);
    assert_eq!(run.code, 0, "{}", run.all());
    assert!(
        run.stdout
            .contains("liste.csv:2:Gruppenname: angelegt: content/groups/zoeliakie-treff-sued.md"),
        "{}",
        run.all()
    );
    let file = read(&r, "content/groups/zoeliakie-treff-sued.md");
    assert!(file.starts_with("+++\nname = \"Zöliakie-Treff Süd\"\nindications = [\"diabetes\"]\naudience = [\"affected\", \"relatives\"]\nformat = \"in-person\"\nstatus = \"active\"\nverified = 2026-09-14\ndistrict = \"Süd\"\n"), "{file}");
    assert!(file.contains("[[meetings]]\nrhythm = \"monthly\"\nweekday = \"wednesday\"\nweeks = [2]\nstart = \"19:00\"\nend = \"21:00\"\nplace = \"Gemeindehaus, Raum 3\"\n"), "{file}");
    assert!(
        file.ends_with("+++\nErste Zeile.\nZweite Zeile mit ß.\n"),
        "{file}"
    );
    let file = read(&r, "content/groups/gespraechskreis-uebergewicht.md");
    assert!(file.contains("indications = [\"adipositas\"]"), "{file}");
    assert!(
        file.contains("rhythm = \"weekly\"\nweekday = \"monday\"\nstart = \"18:30\"\n"),
        "{file}"
    );
    let check = r.run(&["check", "--root", "."]);
    assert_eq!(check.code, 0, "{}", check.all());
}

#[test]
fn utf8_with_bom_and_commas_and_tab_separated() {
    let mapping = "kind = \"group\"\n[columns]\nname = \"Name\"\nindications = \"Thema\"\nverified = \"Stand\"\n[defaults]\naudience = [\"affected\"]\nformat = \"online\"\nstatus = \"founding\"\n";
    let r = Root::new();
    r.write("m.toml", mapping);
    r.write_bytes(
        "komma.csv",
        "\u{FEFF}Name,Thema,Stand\r\n\"Ängste, online\",aengste,46279\r\n".as_bytes(),
    );
    r.write(
        "tab.tsv",
        "Name\tThema\tStand\nSucht-Treff\tSUCHT\t14.9.26\n",
    );
    for file in ["komma.csv", "tab.tsv"] {
        let run = import(&r, file, "m.toml", &["--write"]);
        assert_eq!(run.code, 0, "{}", run.all());
    }
    let f = read(&r, "content/groups/aengste-online.md");
    assert!(f.contains("name = \"Ängste, online\"\nindications = [\"aengste\"]\naudience = [\"affected\"]\nformat = \"online\"\nstatus = \"founding\"\nverified = 2026-09-14\n"), "{f}");
    let f = read(&r, "content/groups/sucht-treff.md");
    assert!(
        f.contains("indications = [\"sucht\"]") && f.contains("verified = 2026-09-14"),
        "{f}"
    );
}

fn xlsx_list() -> Vec<u8> {
    let mut wb = rust_xlsxwriter::Workbook::new();
    let date = rust_xlsxwriter::Format::new().set_num_format("dd.mm.yyyy");
    let ws = wb.add_worksheet();
    ws.set_name("Notizen").unwrap();
    ws.write_string(0, 0, "nicht diese").unwrap();
    let ws = wb.add_worksheet();
    ws.set_name("Gruppen").unwrap();
    for (c, h) in ["Name", "Thema", "Stand", "Gegründet"].iter().enumerate() {
        ws.write_string(0, c as u16, *h).unwrap();
    }
    ws.write_string(1, 0, "Diabetes Süd").unwrap();
    ws.write_string(1, 1, "Zuckerkrankheit").unwrap();
    ws.write_number_with_format(1, 2, 46279.0, &date).unwrap();
    ws.write_number(1, 3, 2011.0).unwrap();
    wb.save_to_buffer().unwrap()
}

const SHEET_MAPPING: &str = "kind = \"group\"\nsheet = \"Gruppen\"\n[columns]\nname = \"Name\"\nindications = \"Thema\"\nverified = \"Stand\"\nsince = \"Gegründet\"\n[defaults]\naudience = [\"affected\"]\nformat = \"in-person\"\nstatus = \"active\"\n";

#[test]
fn xlsx_with_a_date_cell_and_a_named_sheet() {
    let r = Root::new();
    r.write("m.toml", SHEET_MAPPING);
    r.write_bytes("liste.xlsx", &xlsx_list());
    let run = import(&r, "liste.xlsx", "m.toml", &["--write"]);
    assert_eq!(run.code, 0, "{}", run.all());
    let f = read(&r, "content/groups/diabetes-sued.md");
    assert!(f.contains("indications = [\"diabetes\"]"), "{f}");
    assert!(f.contains("verified = 2026-09-14"), "{f}");
    assert!(f.contains("since = 2011"), "{f}");
}

/// A minimal valid ODS file: mimetype, manifest and content.
fn ods_list() -> Vec<u8> {
    let content = r#"<?xml version="1.0" encoding="UTF-8"?>
<office:document-content xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" office:version="1.2"><office:body><office:spreadsheet><table:table table:name="Gruppen"><table:table-row><table:table-cell office:value-type="string"><text:p>Name</text:p></table:table-cell><table:table-cell office:value-type="string"><text:p>Thema</text:p></table:table-cell><table:table-cell office:value-type="string"><text:p>Stand</text:p></table:table-cell><table:table-cell office:value-type="string"><text:p>Gegründet</text:p></table:table-cell></table:table-row><table:table-row><table:table-cell office:value-type="string"><text:p>Diabetes Süd</text:p></table:table-cell><table:table-cell office:value-type="string"><text:p>diabetes</text:p></table:table-cell><table:table-cell office:value-type="date" office:date-value="2026-09-14"><text:p>14.09.2026</text:p></table:table-cell><table:table-cell office:value-type="float" office:value="2011"><text:p>2011</text:p></table:table-cell></table:table-row></table:table></office:spreadsheet></office:body></office:document-content>"#;
    let manifest = r#"<?xml version="1.0" encoding="UTF-8"?>
<manifest:manifest xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0" manifest:version="1.2"><manifest:file-entry manifest:full-path="/" manifest:media-type="application/vnd.oasis.opendocument.spreadsheet"/><manifest:file-entry manifest:full-path="content.xml" manifest:media-type="text/xml"/></manifest:manifest>"#;
    let mut buf = std::io::Cursor::new(Vec::new());
    {
        let mut z = zip::ZipWriter::new(&mut buf);
        let stored = zip::write::SimpleFileOptions::default()
            .compression_method(zip::CompressionMethod::Stored);
        z.start_file("mimetype", stored).unwrap();
        z.write_all(b"application/vnd.oasis.opendocument.spreadsheet")
            .unwrap();
        z.start_file("META-INF/manifest.xml", stored).unwrap();
        z.write_all(manifest.as_bytes()).unwrap();
        z.start_file("content.xml", stored).unwrap();
        z.write_all(content.as_bytes()).unwrap();
        z.finish().unwrap();
    }
    buf.into_inner()
}

#[test]
fn ods_with_a_date_cell() {
    let r = Root::new();
    r.write("m.toml", SHEET_MAPPING);
    r.write_bytes("liste.ods", &ods_list());
    let run = import(&r, "liste.ods", "m.toml", &["--write"]);
    assert_eq!(run.code, 0, "{}", run.all());
    let f = read(&r, "content/groups/diabetes-sued.md");
    assert!(
        f.contains("verified = 2026-09-14") && f.contains("since = 2011"),
        "{f}"
    );
}

#[test]
fn every_problem_is_located_and_the_other_rows_are_still_written() {
    let text = format!(
        "{HEADER}\n\
         Gute Gruppe;Diabetes;Betroffene;;;;;;;14.09.2026;;\n\
         Tippfehler;Diabetis;Betroffene;;;;;;;14.09.2026;;\n\
         ;Diabetes;Betroffene;;;;;;;14.09.2026;;\n\
         Kein Datum;Diabetes;Betroffene;;;;;;;bald;;\n\
         Falsche Zielgruppe;Diabetes;Kinder;;;;;;;14.09.2026;;\n"
    );
    let r = root_with("liste.csv", text.as_bytes());
    let run = import(&r, "liste.csv", "map.toml", &["--write"]);
    assert_eq!(run.code, 1, "{}", run.all());
    let out = &run.stdout;
    assert!(
        out.contains("liste.csv:2:Gruppenname: angelegt: content/groups/gute-gruppe.md"),
        "{out}"
    );
    assert!(out.contains("liste.csv:3:Themen: Problem: `Diabetis` ist keine Indikation aus `content/indications.toml`. Meinten Sie `Diabetes`?"), "{out}");
    assert!(
        out.contains("liste.csv:4:Gruppenname: Problem: Der Name ist leer."),
        "{out}"
    );
    assert!(
        out.contains("liste.csv:5:Stand: Problem: „bald“ ist kein Datum."),
        "{out}"
    );
    // A value the contract does not allow, found by the validator `check` runs.
    assert!(
        out.contains("liste.csv:6:Zielgruppe: Problem: `Kinder` ist hier nicht erlaubt."),
        "{out}"
    );
    assert_eq!(groups(&r), ["diabetes-nord.md", "gute-gruppe.md"]);
    // JSON like `check --format json`.
    let run = import(
        &r,
        "liste.csv",
        "map.toml",
        &["--format", "json", "--lang", "en"],
    );
    assert_eq!(run.code, 1);
    let v: serde_json::Value = serde_json::from_str(&run.stdout).unwrap();
    let problem = v
        .as_array()
        .unwrap()
        .iter()
        .find(|l| l["row"] == 3)
        .unwrap();
    assert_eq!(problem["column"], "Themen");
    assert_eq!(problem["kind"], "problem");
    assert_eq!(problem["code"], "unknown-indication");
    assert!(
        problem["message"]
            .as_str()
            .unwrap()
            .contains("Did you mean `Diabetes`?")
    );
}

#[test]
fn mapping_problems_are_wrong_usage_located_in_the_mapping() {
    let r = root_with(
        "liste.csv",
        format!("{HEADER}\nA;Diabetes;Betroffene;;;;;;;14.09.2026;;\n").as_bytes(),
    );
    r.write(
        "bad.toml",
        "kind = \"group\"\n[columns]\nname = \"Gruppenname\"\nnmae = \"X\"\n",
    );
    let run = import(&r, "liste.csv", "bad.toml", &[]);
    assert_eq!(run.code, 2, "{}", run.all());
    assert!(
        run.stderr
            .contains("bad.toml:4:1: Das Feld `nmae` gibt es nicht. Meinten Sie `name`?"),
        "{}",
        run.all()
    );
    r.write(
        "bad.toml",
        "kind = \"group\"\n[columns]\nname = \"Gruppennamen\"\n",
    );
    let run = import(&r, "liste.csv", "bad.toml", &[]);
    assert_eq!(run.code, 2, "{}", run.all());
    assert!(
        run.stderr.contains(
            "bad.toml:3:8: Die Tabelle hat keine Spalte „Gruppennamen“. Meinten Sie `Gruppenname`?"
        ),
        "{}",
        run.all()
    );
    r.write(
        "bad.toml",
        "kind = \"gruppe\"\n[columns]\nname = \"Gruppenname\"\n",
    );
    let run = import(&r, "liste.csv", "bad.toml", &[]);
    assert_eq!(run.code, 2, "{}", run.all());
    assert!(run.stderr.contains("bad.toml:1:8:"), "{}", run.all());
}

#[test]
fn personal_contact_only_with_consent() {
    let text = format!(
        "{HEADER}\n\
         Mit Einwilligung;Diabetes;Betroffene;;;Frau M.;01234 987654;01.03.2026;;14.09.2026;;\n\
         Ohne Einwilligung;Diabetes;Betroffene;;;Herr N.;01234 987655;;;14.09.2026;;\n\
         Kurze Nummer;Diabetes;Betroffene;;;Frau K.;12;01.03.2026;;14.09.2026;;\n"
    );
    let r = root_with("liste.csv", text.as_bytes());
    let run = import(&r, "liste.csv", "map.toml", &["--write"]);
    assert_eq!(run.code, 0, "{}", run.all());
    assert!(
        run.stdout.contains(
            "liste.csv:3:Ansprechpartner: Hinweis: Ansprechperson, Telefon und E-Mail werden nicht übernommen"
        ),
        "{}",
        run.all()
    );
    // What `check` notes about a file is noted for its row.
    assert!(
        run.stdout
            .contains("liste.csv:4:Telefon: Hinweis: `12` kann keine deutsche Telefonnummer sein."),
        "{}",
        run.all()
    );
    let with = read(&r, "content/groups/mit-einwilligung.md");
    assert!(
        with.contains(
            "[contact]\nperson = \"Frau M.\"\nphone = \"01234 987654\"\nconsent = 2026-03-01\n"
        ),
        "{with}"
    );
    let without = read(&r, "content/groups/ohne-einwilligung.md");
    assert!(
        without.contains("[contact]\nvia_contact_point = true\n"),
        "{without}"
    );
    assert!(
        !without.contains("Herr N.") && !without.contains("987655"),
        "{without}"
    );
}

#[test]
fn a_second_import_changes_nothing() {
    let text = format!(
        "{HEADER}\n\
         Gruppe A;Diabetes;Betroffene;jeden Dienstag 19 Uhr;Treff;;;;Nord;14.09.2026;Text A.;\n\
         Gruppe A;Sucht;Angehörige;;;;;;;14.09.2026;;\n\
         Gruppe B;Ängste, Sucht;Betroffene und Angehörige;14-tägig freitags;;;;;;14.09.2026;;\n"
    );
    let r = root_with("liste.csv", text.as_bytes());
    let first = import(&r, "liste.csv", "map.toml", &["--write"]);
    assert_eq!(first.code, 0, "{}", first.all());
    // Same names: unique slugs.
    assert_eq!(
        groups(&r),
        [
            "diabetes-nord.md",
            "gruppe-a-2.md",
            "gruppe-a.md",
            "gruppe-b.md"
        ]
    );
    // A biweekly meeting without a first date: kept, and the report asks for it.
    assert!(
        first.stdout.contains("liste.csv:4:Treffen: Hinweis:"),
        "{}",
        first.all()
    );
    let before = snapshot(r.path());
    for extra in [&[][..], &["--update"][..]] {
        let again = import(
            &r,
            "liste.csv",
            "map.toml",
            &[&["--write"][..], extra].concat(),
        );
        assert_eq!(again.code, 0, "{}", again.all());
        assert!(
            again
                .stderr
                .contains("3 Zeilen: 0 neu, 0 aktualisiert, 3 unverändert, 0 mit Problem."),
            "{}",
            again.all()
        );
        assert_eq!(
            snapshot(r.path()),
            before,
            "files changed on a second import"
        );
    }
}

#[test]
fn update_replaces_mapped_fields_and_keeps_the_rest() {
    let r = root_with(
        "liste.csv",
        format!("{HEADER}\nGruppe A;Diabetes;Betroffene;montags 19 Uhr;;;;;Nord;14.09.2026;Aus der Liste.;\n")
            .as_bytes(),
    );
    assert_eq!(import(&r, "liste.csv", "map.toml", &["--write"]).code, 0);
    // Edited by hand: a comment, a field no column holds, the description.
    let path = "content/groups/gruppe-a.md";
    let edited = read(&r, path)
        .replace(
            "district = \"Nord\"\n",
            "district = \"Nord\"  # laut Telefonat\nsince = 2011\n",
        )
        .replace("Aus der Liste.", "Von Hand geschrieben.");
    r.write(path, &edited);
    r.write(
        "liste.csv",
        &format!(
            "{HEADER}\nGruppe A;Diabetes, Sucht;Betroffene;donnerstags 18 Uhr;;;;;Süd;01.10.2026;Neu aus der Liste.;\n"
        ),
    );
    // Without --update the file stays, and the report says it differs.
    let run = import(&r, "liste.csv", "map.toml", &["--write"]);
    assert_eq!(run.code, 0, "{}", run.all());
    assert!(run.stdout.contains("liste.csv:2:Gruppenname: Hinweis: `content/groups/gruppe-a.md` gibt es schon und weicht von dieser Zeile ab"), "{}", run.all());
    assert_eq!(read(&r, path), edited);
    let run = import(&r, "liste.csv", "map.toml", &["--write", "--update"]);
    assert_eq!(run.code, 0, "{}", run.all());
    assert!(
        run.stdout
            .contains("liste.csv:2:Gruppenname: aktualisiert: content/groups/gruppe-a.md"),
        "{}",
        run.all()
    );
    let f = read(&r, path);
    assert!(f.contains("district = \"Süd\"  # laut Telefonat\n"), "{f}");
    assert!(f.contains("since = 2011\n"), "{f}");
    assert!(f.contains("indications = [\"diabetes\", \"sucht\"]"), "{f}");
    assert!(f.contains("verified = 2026-10-01"), "{f}");
    assert!(
        f.contains("weekday = \"thursday\"") && !f.contains("monday"),
        "{f}"
    );
    assert!(f.ends_with("+++\nVon Hand geschrieben.\n"), "{f}");
    assert_eq!(r.run(&["check", "--root", "."]).code, 0);
}

#[test]
fn unknown_indications_can_be_created() {
    let r = root_with(
        "liste.csv",
        format!("{HEADER}\nGruppe Z;Zöliakie;Betroffene;;;;;;;14.09.2026;;\n").as_bytes(),
    );
    let run = import(&r, "liste.csv", "map.toml", &[]);
    assert_eq!(run.code, 1, "{}", run.all());
    let run = import(
        &r,
        "liste.csv",
        "map.toml",
        &["--write", "--create-indications", "Verdauung"],
    );
    assert_eq!(run.code, 0, "{}", run.all());
    assert!(
        run.stdout.contains("Neue Indikation `zoeliakie`"),
        "{}",
        run.all()
    );
    let inds = read(&r, "content/indications.toml");
    assert!(
        inds.ends_with("\n[zoeliakie]\nname = \"Zöliakie\"\ncategory = \"Verdauung\"\n"),
        "{inds}"
    );
    assert!(read(&r, "content/groups/gruppe-z.md").contains("indications = [\"zoeliakie\"]"));
    assert_eq!(r.run(&["check", "--root", "."]).code, 0);
}

#[test]
fn init_guesses_a_mapping_and_never_overwrites() {
    let r = root_with(
        "liste.csv",
        &cp1252(
            "Gruppenname;Krankheitsbild;Zielgruppe;Treffzeit;Straße;PLZ;Ort;Geprüft am;Bemerkung intern\r\nA;Diabetes;Betroffene;montags 19 Uhr;Weg 1;12345;Musterstadt;14.09.2026;x\r\n",
        ),
    );
    let run = r.run(&["import", "liste.csv", "--init", "neu.toml", "--root", "."]);
    assert_eq!(run.code, 0, "{}", run.all());
    let m = read(&r, "neu.toml");
    assert!(
        m.contains("address = [\"Straße\", \"PLZ\", \"Ort\"]"),
        "{m}"
    );
    assert!(m.contains("# FELD = \"Bemerkung intern\""), "{m}");
    assert!(m.contains("\"Betroffene\" = \"affected\""), "{m}");
    // The guessed mapping imports the list as it is.
    let run = import(&r, "liste.csv", "neu.toml", &["--write"]);
    assert_eq!(run.code, 0, "{}", run.all());
    assert!(read(&r, "content/groups/a.md").contains("address = \"Weg 1, 12345 Musterstadt\""));
    let again = r.run(&["import", "liste.csv", "--init", "neu.toml", "--root", "."]);
    assert_eq!(again.code, 2, "{}", again.all());
    assert_eq!(read(&r, "neu.toml"), m);
}

/// Every entry file's front matter (as TOML values) and body.
fn entries(root: &std::path::Path) -> Vec<(String, toml::Table, String)> {
    let mut out = Vec::new();
    for folder in ["groups", "organisations", "contact-points"] {
        let dir = root.join("content").join(folder);
        let Ok(list) = std::fs::read_dir(&dir) else {
            continue;
        };
        let mut names: Vec<_> = list.map(|e| e.unwrap().path()).collect();
        names.sort();
        for p in names {
            let text = std::fs::read_to_string(&p).unwrap();
            let rest = text.strip_prefix("+++\n").unwrap();
            let end = rest.find("\n+++\n").unwrap();
            let front: toml::Table = rest[..end].parse().unwrap();
            let body = rest[end + 5..].trim().to_owned();
            out.push((
                format!("{folder}/{}", p.file_name().unwrap().to_string_lossy()),
                front,
                body,
            ));
        }
    }
    out
}

#[test]
fn export_then_import_gives_the_same_entries() {
    let r = Root::new();
    r.write("content/contact-points/kiss-teststadt.md", "+++\nname = \"KISS Teststadt\"\nverified = 2026-01-02\naddress = \"Markt 1, 12345 Teststadt\"\nopening_hours = [\"Mo–Do 9–16 Uhr\", \"Fr 9–12 Uhr\"]\nphone = \"+49 1234 5678\"\n+++\nDie Kontaktstelle.\n");
    r.write("content/organisations/diabetes-verband.md", "+++\nname = \"Diabetes-Verband\"\nlevel = \"state\"\nverified = 2026-01-02\nindications = [\"diabetes\", \"adipositas\"]\nweb = false\n+++\nDer Verband.\n");
    r.write(
        "content/groups/sucht-hilfe.md",
        "+++\nname = \"Sucht-Hilfe = Selbsthilfe\"\nsort_as = \"Sucht\"\naliases = [\"SH\"]\nindications = [\"sucht\", \"aengste\"]\naudience = [\"affected\", \"relatives\"]\nformat = \"hybrid\"\nstatus = \"full\"\nverified = 2026-03-04\norganisation = \"diabetes-verband\"\ncontact_point = \"kiss-teststadt\"\nlanguages = [\"de\", \"tr\"]\nsince = 2011\n\n[[meetings]]\nrhythm = \"monthly\"\nweekday = \"wednesday\"\nweeks = [2, 4]\nstart = \"19:00\"\nend = \"21:00\"\nplace = \"Treff\"\naddress = \"Weg 1, 12345 Teststadt\"\naccessible = true\n\n[[meetings]]\nrhythm = \"weekly\"\nweekday = \"monday\"\nstart = \"10:00\"\nplace = \"Treff\"\naddress = \"Weg 1, 12345 Teststadt\"\naccessible = true\nnote = \"nicht in den Schulferien\"\n\n[contact]\nperson = \"Frau M.\"\nphone = \"01234 987654\"\nemail = \"sucht@example.org\"\nconsent = 2026-03-01\nwebsite = \"https://sucht.example.org\"\n+++\nZwei Absätze.\n\nDer zweite.\n",
    );
    assert_eq!(r.run(&["check", "--root", "."]).code, 0);
    for format in ["csv", "xlsx"] {
        let out = format!("export.{format}");
        let run = r.run(&["export", "--root", ".", "--format", format, "--out", &out]);
        assert_eq!(run.code, 0, "{}", run.all());
        let fresh = Root::new();
        std::fs::remove_file(fresh.path().join("content/groups/diabetes-nord.md")).unwrap();
        for kind in ["kontaktstellen", "organisationen", "gruppen"] {
            let list = if format == "csv" {
                r.path().join(format!("export-{kind}.csv"))
            } else {
                r.path().join(&out)
            };
            let mapping = r.path().join(format!("export-{kind}.mapping.toml"));
            let run = import(
                &fresh,
                list.to_str().unwrap(),
                mapping.to_str().unwrap(),
                &["--write"],
            );
            assert_eq!(run.code, 0, "{kind}: {}", run.all());
        }
        assert_eq!(entries(fresh.path()), entries(r.path()), "{format}");
    }
    // CSV as German Excel opens it: BOM, `;`, CRLF; formulas neutralised.
    let csv = std::fs::read(r.path().join("export-gruppen.csv")).unwrap();
    assert!(csv.starts_with(b"\xEF\xBB\xBFDatei;Name;"));
    assert!(String::from_utf8_lossy(&csv).contains("\r\n"));
    let cp = String::from_utf8(std::fs::read(r.path().join("export-kontaktstellen.csv")).unwrap())
        .unwrap();
    assert!(cp.contains(";'+49 1234 5678;"), "{cp}");
    // Personal data never goes into the published output.
    let run = r.run(&["export", "--root", ".", "--out", "output/liste.csv"]);
    assert_eq!(run.code, 1, "{}", run.all());
    assert!(!r.path().join("output").exists());
}

#[test]
fn bad_files_get_a_located_message_not_a_panic() {
    let r = Root::new();
    r.write("m.toml", SHEET_MAPPING);
    // A picture named .csv.
    r.write_bytes("bild.csv", common::PIXEL_PNG);
    let run = import(&r, "bild.csv", "m.toml", &[]);
    assert_eq!(run.code, 1, "{}", run.all());
    assert!(
        run.stderr
            .contains("bild.csv:1:1: Die Datei lässt sich nicht als Tabelle lesen"),
        "{}",
        run.all()
    );
    // A truncated XLSX.
    let xlsx = xlsx_list();
    r.write_bytes("kaputt.xlsx", &xlsx[..xlsx.len() / 2]);
    let run = import(&r, "kaputt.xlsx", "m.toml", &[]);
    assert_eq!(run.code, 1, "{}", run.all());
    assert!(
        run.stderr
            .contains("kaputt.xlsx:1:1: Die Datei lässt sich nicht als Tabelle lesen"),
        "{}",
        run.all()
    );
    assert!(!run.stderr.contains("panicked"));
    // An unclosed quote in a CSV: what the csv reader makes of it is read,
    // and nothing panics.
    r.write("quote.csv", "Name;Thema\n\"offen;diabetes\n");
    let run = import(&r, "quote.csv", "m.toml", &[]);
    assert!(run.code == 1 || run.code == 2, "{}", run.all());
    assert!(!run.stderr.contains("panicked"), "{}", run.all());
}

#[test]
fn a_ten_megabyte_csv_is_read() {
    let mapping = "kind = \"group\"\n[columns]\nname = \"Name\"\nindications = \"Thema\"\nverified = \"Stand\"\nbody = \"Text\"\n[defaults]\naudience = [\"affected\"]\nformat = \"in-person\"\nstatus = \"active\"\n";
    let r = Root::new();
    r.write("m.toml", mapping);
    let mut text = String::from("Name;Thema;Stand;Text\n");
    let filler = "Beschreibung der Gruppe mit etwas Text. ".repeat(12);
    let mut rows = 0;
    while text.len() < 10 * 1024 * 1024 {
        rows += 1;
        text.push_str(&format!("Gruppe {rows};Diabetes;14.09.2026;\"{filler}\"\n"));
    }
    r.write("gross.csv", &text);
    let run = import(&r, "gross.csv", "m.toml", &[]);
    assert_eq!(run.code, 0, "{}", &run.stderr);
    assert!(
        run.stderr.contains(&format!("{rows} Zeilen: {rows} neu")),
        "{}",
        run.stderr
    );
    assert_eq!(groups(&r), ["diabetes-nord.md"]);
}

#[test]
fn cells_without_a_header_are_named_by_their_column_number() {
    let r = root_with(
        "liste.csv",
        format!("{HEADER};\nGruppe A;Diabetes;Betroffene;;;;;;;14.09.2026;;;Rest;Mehr\n")
            .as_bytes(),
    );
    let run = import(&r, "liste.csv", "map.toml", &[]);
    assert_eq!(run.code, 0, "{}", run.all());
    for column in ["Notiz", "13", "14"] {
        assert!(
            run.stdout.contains(&format!(
                "liste.csv:1:{column}: Hinweis: Die Spalte „{column}“ wird nicht übernommen"
            )),
            "{}",
            run.all()
        );
    }
}

#[test]
fn update_keeps_consented_contact_when_the_row_has_no_consent() {
    let r = root_with(
        "liste.csv",
        format!("{HEADER}\nGruppe A;Diabetes;Betroffene;;;Frau M.;01234 987654;01.03.2026;;14.09.2026;;\n").as_bytes(),
    );
    let args = ["--write", "--update"];
    assert_eq!(import(&r, "liste.csv", "map.toml", &args).code, 0);
    // The office's list lost the consent column's value: the row's person
    // is not imported, and the consented one in the file stays.
    r.write(
        "liste.csv",
        &format!(
            "{HEADER}\nGruppe A;Diabetes;Betroffene;;;Herr N.;01234 111111;;Nord;14.09.2026;;\n"
        ),
    );
    let run = import(&r, "liste.csv", "map.toml", &args);
    assert_eq!(run.code, 0, "{}", run.all());
    assert!(
        run.stdout.contains("liste.csv:2:Ansprechpartner: Hinweis:"),
        "{}",
        run.all()
    );
    let f = read(&r, "content/groups/gruppe-a.md");
    assert!(
        f.contains("person = \"Frau M.\"") && f.contains("consent = 2026-03-01"),
        "{f}"
    );
    assert!(
        !f.contains("Herr N.") && !f.contains("via_contact_point"),
        "{f}"
    );
    assert!(f.contains("district = \"Nord\""), "{f}");
}

#[test]
fn the_sample_directory_reads_back_unchanged_from_its_export() {
    let sample = common::repo();
    let out = tempfile::tempdir().unwrap();
    let list = out.path().join("liste.csv");
    let run = common::run_in(
        out.path(),
        &[
            "export",
            "--root",
            sample.to_str().unwrap(),
            "--out",
            list.to_str().unwrap(),
        ],
    );
    assert_eq!(run.code, 0, "{}", run.all());
    // With the mapping export writes, and with the one --init guesses.
    for init in [false, true] {
        let fresh = Root::new();
        std::fs::remove_file(fresh.path().join("content/groups/diabetes-nord.md")).unwrap();
        fresh.write(
            "wegweiser.toml",
            &std::fs::read_to_string(sample.join("wegweiser.toml")).unwrap(),
        );
        fresh.write(
            "content/indications.toml",
            &std::fs::read_to_string(sample.join("content/indications.toml")).unwrap(),
        );
        for kind in ["kontaktstellen", "organisationen", "gruppen"] {
            let csv = out.path().join(format!("liste-{kind}.csv"));
            let mut mapping = out.path().join(format!("liste-{kind}.mapping.toml"));
            if init {
                mapping = fresh.path().join(format!("{kind}.toml"));
                let run = fresh.run(&[
                    "import",
                    csv.to_str().unwrap(),
                    "--init",
                    mapping.to_str().unwrap(),
                ]);
                assert_eq!(run.code, 0, "{kind}: {}", run.all());
            }
            let run = import(
                &fresh,
                csv.to_str().unwrap(),
                mapping.to_str().unwrap(),
                &["--write"],
            );
            assert_eq!(run.code, 0, "{kind}: {}", run.all());
        }
        assert_eq!(entries(fresh.path()), entries(&sample), "init: {init}");
    }
}
