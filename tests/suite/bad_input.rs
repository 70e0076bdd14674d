//! Every kind of bad input of the contract (section 5): exit code 1, the
//! file and line:column named, and a sentence that says what to fix.

use crate::common::*;

/// Writes `file` into a valid root, runs `check`, and asserts the location
/// and a phrase of the message.
fn expect_problem(file: &str, content: &[u8], location: &str, phrase: &str) {
    let root = Root::new();
    root.write_bytes(file, content);
    let r = root.run(&["check", "--root", "."]);
    assert_eq!(r.code, 1, "exit code for {file}: {}", r.all());
    assert!(
        r.stderr.contains(location),
        "expected location `{location}` in:\n{}",
        r.stderr
    );
    assert!(
        r.stderr.contains(phrase),
        "expected `{phrase}` in:\n{}",
        r.stderr
    );
}

#[test]
fn empty_file() {
    expect_problem(
        "content/groups/leer.md",
        b"",
        "content/groups/leer.md:1:1",
        "Die Datei ist leer",
    );
}

#[test]
fn no_opening_fence() {
    expect_problem(
        "content/groups/x.md",
        b"name = \"X\"\n",
        "content/groups/x.md:1:1",
        "erste Zeile muss genau `+++`",
    );
}

#[test]
fn fence_never_closed() {
    expect_problem(
        "content/groups/x.md",
        b"+++\nname = \"X\"\n",
        "content/groups/x.md:1:1",
        "nicht mit einer Zeile `+++` abgeschlossen",
    );
}

#[test]
fn invalid_utf8_names_the_byte() {
    let mut bytes = group("X", "").into_bytes();
    bytes.extend_from_slice(b"Caf\xE9\n");
    let offset = bytes.len() - 2;
    let root = Root::new();
    root.write_bytes("content/groups/x.md", &bytes);
    let r = root.run(&["check", "--root", "."]);
    assert_eq!(r.code, 1);
    assert!(
        r.stderr.contains("content/groups/x.md:10:4"),
        "{}",
        r.stderr
    );
    assert!(
        r.stderr.contains(&format!("Position {offset}")),
        "{}",
        r.stderr
    );
    assert!(r.stderr.contains("UTF-8"), "{}", r.stderr);
}

#[test]
fn malformed_toml() {
    expect_problem(
        "content/groups/x.md",
        b"+++\nname = \"X\nindications = [\"diabetes\"]\n+++\n",
        "content/groups/x.md:2:",
        "kein gültiges TOML",
    );
}

#[test]
fn missing_required_field() {
    let text = group("X", "").replace("format = \"in-person\"\n", "");
    expect_problem(
        "content/groups/x.md",
        text.as_bytes(),
        "content/groups/x.md:1:1",
        "Pflichtfeld `format` fehlt",
    );
}

#[test]
fn every_missing_required_field_of_a_group_at_once() {
    let root = Root::new();
    root.write(
        "content/groups/x.md",
        "+++\nname = \"X\"\nindications = [\"diabetes\"]\n+++\nText.\n",
    );
    let r = root.run(&["check", "--root", ".", "--format", "json"]);
    assert_eq!(r.code, 1, "{}", r.all());
    let problems: serde_json::Value = serde_json::from_str(&r.stdout).unwrap();
    let missing: Vec<(&str, &str, i64, i64)> = problems
        .as_array()
        .unwrap()
        .iter()
        .filter(|p| p["code"] == "missing-field")
        .map(|p| {
            (
                p["file"].as_str().unwrap(),
                p["message"].as_str().unwrap(),
                p["line"].as_i64().unwrap(),
                p["column"].as_i64().unwrap(),
            )
        })
        .collect();
    let fields = ["audience", "format", "status", "verified"];
    assert_eq!(missing.len(), fields.len(), "{}", r.stdout);
    for ((file, message, line, column), field) in missing.iter().zip(fields) {
        assert_eq!(
            (*file, *line, *column),
            ("content/groups/x.md", 1, 1),
            "{}",
            r.stdout
        );
        assert!(
            message.contains(&format!("`{field}`")),
            "expected `{field}` in order in:\n{}",
            r.stdout
        );
    }
}

#[test]
fn every_missing_required_setting_at_once() {
    let root = Root::new();
    root.write("wegweiser.toml", "title = \"Wegweiser\"\n");
    let r = root.check_fails();
    let mut at = 0;
    for field in ["base_url", "language", "publisher"] {
        let line =
            format!("error[missing-field]: wegweiser.toml:1:1: Das Pflichtfeld `{field}` fehlt");
        let pos = r.stderr[at..]
            .find(&line)
            .unwrap_or_else(|| panic!("expected `{line}` (in order) in:\n{}", r.stderr));
        at += pos + line.len();
    }

    // The required fields of [publisher] too, at its header.
    let root = Root::new();
    root.write(
        "wegweiser.toml",
        &SETTINGS.replace("name = \"KISS Teststadt\"\n", ""),
    );
    let r = root.check_fails();
    assert!(
        r.stderr
            .contains("wegweiser.toml:5:1: Das Pflichtfeld `name` fehlt"),
        "{}",
        r.stderr
    );
    assert!(!r.stderr.contains("`publisher`"), "{}", r.stderr);
}

#[test]
fn language_codes_must_be_iso_639_1() {
    let root = Root::new();
    root.write(
        "content/groups/x.md",
        &group(
            "X",
            "languages = [\"xx\", \"ua\", \"tr\", \"ku\", \"zu\"]\n",
        ),
    );
    let r = root.check_fails();
    assert!(r.stderr.contains("error[invalid-language]: content/groups/x.md:8:14: `xx` ist kein Sprachkürzel nach ISO 639-1."), "{}", r.stderr);
    assert!(
        r.stderr.contains("error[invalid-language]: content/groups/x.md:8:20: `ua` ist kein Sprachkürzel nach ISO 639-1. Meinten Sie `uk`?"),
        "{}",
        r.stderr
    );
    // Real codes, with or without a German name, are fine.
    assert!(r.stderr.contains("2 Fehler"), "{}", r.stderr);
}

#[test]
fn missing_theme_is_located_at_the_setting() {
    let settings = SETTINGS.replace(
        "language = \"de\"\n",
        "language = \"de\"\ntheme = \"custom\"\n",
    );
    expect_problem(
        "wegweiser.toml",
        settings.as_bytes(),
        "error[theme-not-found]: wegweiser.toml:4:9:",
        "`custom`",
    );
    let root = Root::new();
    root.write("wegweiser.toml", &settings);
    let r = root.run(&["check", "--root", ".", "--format", "json"]);
    assert_eq!(r.code, 1, "{}", r.all());
    let problems: serde_json::Value = serde_json::from_str(&r.stdout).unwrap();
    let p = problems
        .as_array()
        .unwrap()
        .iter()
        .find(|p| p["code"] == "theme-not-found")
        .expect("theme-not-found");
    assert_eq!(
        (&p["file"], &p["line"], &p["column"]),
        (
            &serde_json::json!("wegweiser.toml"),
            &serde_json::json!(4),
            &serde_json::json!(9)
        ),
        "{}",
        r.stdout
    );
}

#[test]
fn unknown_field_with_suggestion() {
    let text = group("X", "distrikt = \"Nord\"\n");
    expect_problem(
        "content/groups/x.md",
        text.as_bytes(),
        "content/groups/x.md:8:1",
        "Das Feld `distrikt` gibt es nicht. Meinten Sie `district`?",
    );
}

#[test]
fn wrong_type() {
    let text = group("X", "since = \"2011\"\n");
    expect_problem(
        "content/groups/x.md",
        text.as_bytes(),
        "content/groups/x.md:8:9",
        "ganze Zahl",
    );
}

#[test]
fn wrong_value() {
    let text = group("X", "").replace("status = \"active\"", "status = \"aktiv\"");
    expect_problem(
        "content/groups/x.md",
        text.as_bytes(),
        "content/groups/x.md:6:10",
        "`aktiv` ist hier nicht erlaubt",
    );
}

#[test]
fn unknown_indication_did_you_mean() {
    let text = group("X", "").replace("[\"diabetes\"]", "[\"diabetis\"]");
    expect_problem(
        "content/groups/x.md",
        text.as_bytes(),
        "content/groups/x.md:3:16",
        "Meinten Sie `diabetes`?",
    );
}

#[test]
fn unknown_organisation_and_contact_point() {
    let root = Root::new();
    root.write(
        "content/organisations/landesverband-diabetes.md",
        "+++\nname = \"Landesverband Diabetes\"\nlevel = \"state\"\nverified = 2026-01-10\n+++\n",
    );
    root.write(
        "content/contact-points/kiss-teststadt.md",
        "+++\nname = \"KISS\"\nverified = 2026-01-10\n+++\n",
    );
    root.write(
        "content/groups/x.md",
        &group(
            "X",
            "organisation = \"landesverband-diabetis\"\ncontact_point = \"kiss-testtstadt\"\n",
        ),
    );
    let r = root.run(&["check", "--root", "."]);
    assert_eq!(r.code, 1);
    assert!(
        r.stderr.contains("content/groups/x.md:8:16"),
        "{}",
        r.stderr
    );
    assert!(
        r.stderr.contains("Meinten Sie `landesverband-diabetes`?"),
        "{}",
        r.stderr
    );
    assert!(
        r.stderr.contains("content/groups/x.md:9:17"),
        "{}",
        r.stderr
    );
    assert!(
        r.stderr.contains("Meinten Sie `kiss-teststadt`?"),
        "{}",
        r.stderr
    );
}

#[test]
fn invalid_slug() {
    expect_problem(
        "content/groups/Diabetes Süd.md",
        group("X", "").as_bytes(),
        "content/groups/Diabetes Süd.md:1:1",
        "Dateiname `Diabetes Süd` ist nicht erlaubt",
    );
}

#[test]
fn reserved_page_slug() {
    expect_problem(
        "content/pages/themen.md",
        b"+++\ntitle = \"Themen\"\n+++\nText\n",
        "content/pages/themen.md:1:1",
        "darf nicht `themen` heißen",
    );
    // The browser editor's segment (contract v3, section 7).
    expect_problem(
        "content/pages/admin.md",
        b"+++\ntitle = \"Verwaltung\"\n+++\nText\n",
        "content/pages/admin.md:1:1",
        "darf nicht `admin` heißen",
    );
}

#[test]
fn personal_data_without_consent() {
    let text = group("X", "[contact]\nphone = \"01234 1111\"\n");
    expect_problem(
        "content/groups/x.md",
        text.as_bytes(),
        "content/groups/x.md:9:9",
        "nur mit Einwilligung",
    );
}

#[test]
fn ended_missing_and_ended_not_allowed() {
    let root = Root::new();
    root.write(
        "content/groups/a.md",
        &group("A", "").replace("\"active\"", "\"ended\""),
    );
    root.write("content/groups/b.md", &group("B", "ended = 2026-06-30\n"));
    let r = root.run(&["check", "--root", "."]);
    assert_eq!(r.code, 1);
    assert!(
        r.stderr.contains("content/groups/a.md:6:10"),
        "{}",
        r.stderr
    );
    assert!(r.stderr.contains("fehlt `ended`"), "{}", r.stderr);
    assert!(r.stderr.contains("content/groups/b.md:8:9"), "{}", r.stderr);
    assert!(
        r.stderr
            .contains("`ended` ist nur bei `status = \"ended\"` erlaubt"),
        "{}",
        r.stderr
    );
}

#[test]
fn path_leaving_content() {
    let root = Root::new();
    root.write(
        "wegweiser.toml",
        &format!("{SETTINGS}\n[print]\ncover_image = \"../secret.jpg\"\n"),
    );
    let r = root.run(&["check", "--root", "."]);
    assert_eq!(r.code, 1);
    assert!(r.stderr.contains("wegweiser.toml:11:15"), "{}", r.stderr);
    assert!(
        r.stderr.contains("führt aus dem Ordner `content/` heraus"),
        "{}",
        r.stderr
    );
}

#[test]
fn meeting_rules() {
    let text = group(
        "X",
        "[[meetings]]\nrhythm = \"monthly\"\nweekday = \"tuesday\"\nstart = \"19:00\"\n\n[[meetings]]\nrhythm = \"weekly\"\nweekday = \"friday\"\nstart = \"7 Uhr\"\n",
    );
    let root = Root::new();
    root.write("content/groups/x.md", &text);
    let r = root.run(&["check", "--root", "."]);
    assert_eq!(r.code, 1);
    assert!(r.stderr.contains("content/groups/x.md:8:1"), "{}", r.stderr);
    assert!(r.stderr.contains("fehlt `weeks`"), "{}", r.stderr);
    assert!(
        r.stderr.contains("content/groups/x.md:16:9"),
        "{}",
        r.stderr
    );
    assert!(
        r.stderr.contains("`7 Uhr` ist keine Uhrzeit"),
        "{}",
        r.stderr
    );
}

#[test]
fn all_problems_of_a_run_at_once_sorted_by_file() {
    let root = Root::new();
    root.write("content/groups/b.md", "");
    root.write(
        "content/groups/a.md",
        &group("A", "").replace("[\"diabetes\"]", "[\"diabetis\"]"),
    );
    root.write("content/organisations/o.md", "+++\nname = \"O\"\n+++\n");
    let r = root.run(&["check", "--root", "."]);
    assert_eq!(r.code, 1);
    let a = r
        .stderr
        .find("content/groups/a.md:3:16")
        .expect("a reported");
    let b = r
        .stderr
        .find("content/groups/b.md:1:1")
        .expect("b reported");
    let o = r
        .stderr
        .find("content/organisations/o.md:1:1")
        .expect("o reported");
    assert!(a < b && b < o, "sorted by file:\n{}", r.stderr);
    // o.md misses both `level` and `verified`: two problems.
    assert!(r.stderr.contains("4 Fehler"), "{}", r.stderr);
}

#[test]
fn english_messages_follow_the_language() {
    let root = Root::new();
    root.write(
        "wegweiser.toml",
        &SETTINGS.replace("language = \"de\"", "language = \"en\""),
    );
    root.write(
        "content/groups/x.md",
        &group("X", "").replace("[\"diabetes\"]", "[\"diabetis\"]"),
    );
    let r = root.run(&["check", "--root", "."]);
    assert_eq!(r.code, 1);
    assert!(r.stderr.contains("is not an indication"), "{}", r.stderr);
    assert!(
        r.stderr.contains("Did you mean `diabetes`?"),
        "{}",
        r.stderr
    );
}

#[test]
fn bom_and_crlf_are_accepted() {
    let root = Root::new();
    let text = format!(
        "\u{feff}{}",
        group("Windows Gruppe", "").replace('\n', "\r\n")
    );
    root.write("content/groups/windows.md", &text);
    let r = root.run(&["check", "--root", "."]);
    assert_eq!(r.code, 0, "{}", r.all());
}

#[test]
fn json_and_github_formats() {
    let root = Root::new();
    root.write(
        "content/groups/x.md",
        &group("X", "").replace("[\"diabetes\"]", "[\"diabetis\"]"),
    );
    let r = root.run(&["check", "--root", ".", "--format", "json"]);
    assert_eq!(r.code, 1);
    let v: serde_json::Value = serde_json::from_str(&r.stdout).expect("valid JSON");
    assert_eq!(v[0]["file"], "content/groups/x.md");
    assert_eq!(v[0]["line"], 3);
    assert_eq!(v[0]["column"], 16);
    assert_eq!(v[0]["severity"], "error");
    assert_eq!(v[0]["code"], "unknown-indication");
    let r = root.run(&["check", "--root", ".", "--format", "github"]);
    assert_eq!(r.code, 1);
    assert!(
        r.stdout
            .starts_with("::error file=content/groups/x.md,line=3,col=16,"),
        "{}",
        r.stdout
    );
}

#[test]
fn usage_errors_exit_2() {
    let root = Root::new();
    assert_eq!(root.run(&["build", "--only", "pdf"]).code, 2);
    assert_eq!(root.run(&["print"]).code, 2);
    assert_eq!(root.run(&["frobnicate"]).code, 2);
}

#[test]
fn stale_entries_warn_and_strict_fails() {
    let root = Root::new();
    root.write(
        "content/groups/alt.md",
        &group("Alt", "").replace("2026-09-14", "2023-01-05"),
    );
    let r = root.run(&["check", "--root", ".", "--year", "2027"]);
    assert_eq!(r.code, 0, "{}", r.all());
    assert!(
        r.stderr.contains("content/groups/alt.md:7:12"),
        "{}",
        r.stderr
    );
    assert!(r.stderr.contains("warning"), "{}", r.stderr);
    let r = root.run(&["check", "--root", ".", "--year", "2027", "--strict"]);
    assert_eq!(r.code, 1, "{}", r.all());
}

#[test]
fn markdown_image_outside_content() {
    let root = Root::new();
    root.write(
        "content/groups/x.md",
        &format!("{}\nBild: ![x](../../wegweiser.toml)\n", group("X", "")),
    );
    let r = root.run(&["check", "--root", "."]);
    assert_eq!(r.code, 1);
    assert!(
        r.stderr.contains("content/groups/x.md:11:7"),
        "{}",
        r.stderr
    );
    assert!(
        r.stderr.contains("führt aus dem Ordner `content/` heraus"),
        "{}",
        r.stderr
    );
}

#[test]
fn characters_the_print_fonts_cannot_show_warn() {
    let root = Root::new();
    root.write(
        "content/groups/x.md",
        &group("X", "").replace("Beschreibung von X.", "Wir freuen uns 🌻 auf Sie."),
    );
    let r = root.run(&["check", "--root", "."]);
    assert_eq!(r.code, 0, "{}", r.all());
    assert!(
        r.stderr.contains("content/groups/x.md:9:16"),
        "{}",
        r.stderr
    );
    assert!(r.stderr.contains("U+1F33B"), "{}", r.stderr);
    let r = root.run(&["check", "--root", ".", "--strict"]);
    assert_eq!(r.code, 1, "{}", r.all());
}

/// All problems of a file at once: a misspelt field does not hide the
/// other problems of the same file (the rest of it is still checked).
#[test]
fn an_unknown_field_does_not_hide_the_files_other_problems() {
    let root = Root::new();
    root.write(
        "content/groups/x.md",
        &group("Gesprächskreis X", "distrikt = \"Nord\"\n")
            .replace("[\"diabetes\"]", "[\"diabetis\"]"),
    );
    let r = root.run(&["check", "--root", ".", "--format", "json"]);
    assert_eq!(r.code, 1, "{}", r.all());
    let problems: serde_json::Value = serde_json::from_str(&r.stdout).unwrap();
    let codes: Vec<&str> = problems
        .as_array()
        .unwrap()
        .iter()
        .map(|p| p["code"].as_str().unwrap())
        .collect();
    assert!(
        codes.contains(&"unknown-field") && codes.contains(&"unknown-indication"),
        "{codes:?}"
    );
}

/// A wrong or missing value does not hide the file's other problems
/// either, and causes no second one: a misspelt `status` is one error, not
/// also an `ended` that is "not allowed"; a quoted `verified` is one error,
/// not also a stale entry.
#[test]
fn a_wrong_or_missing_value_does_not_hide_the_files_other_problems() {
    let root = Root::new();
    let text = group(
        "Gesprächskreis X",
        "ended = 2025-03-01\nsince = \"seit 2020\"\n",
    )
    .replace("name = \"Gesprächskreis X\"\n", "")
    .replace("[\"diabetes\"]", "[\"diabetis\"]")
    .replace("status = \"active\"", "status = \"beendet\"")
    .replace("verified = 2026-09-14", "verified = \"14.09.2020\"");
    root.write("content/groups/x.md", &text);
    let r = root.run(&["check", "--root", ".", "--format", "json"]);
    assert_eq!(r.code, 1, "{}", r.all());
    let problems: serde_json::Value = serde_json::from_str(&r.stdout).unwrap();
    let found: Vec<(String, u64)> = problems
        .as_array()
        .unwrap()
        .iter()
        .map(|p| {
            (
                p["code"].as_str().unwrap().to_owned(),
                p["line"].as_u64().unwrap(),
            )
        })
        .collect();
    let expected = [
        ("missing-field", 1),
        ("unknown-indication", 2),
        ("unknown-value", 5),
        ("wrong-type", 6),
        ("wrong-type", 8),
    ];
    let expected: Vec<(String, u64)> = expected.iter().map(|(c, l)| (c.to_string(), *l)).collect();
    assert_eq!(found, expected, "{}", r.stdout);
}

/// A file in `content/images/` that is no image passes no `check`: the
/// problem is reported at the reference (Markdown or `cover_image`), not
/// later by the print template.
#[test]
fn a_broken_image_is_reported_where_it_is_used() {
    let root = Root::new();
    root.write("content/images/foto.png", "kein Bild");
    root.write(
        "content/groups/x.md",
        &group("Gesprächskreis X", "").replace(
            "+++\nBeschreibung",
            "+++\n![Treffen](images/foto.png)\n\nBeschreibung",
        ),
    );
    let r = root.check_fails();
    assert!(
        r.stderr
            .contains("error[image-unreadable]: content/groups/x.md:9:1:"),
        "{}",
        r.stderr
    );
    assert!(r.stderr.contains("`images/foto.png`"), "{}", r.stderr);
}

/// An empty `name` is a wrong value, located at the value.
#[test]
fn an_empty_name_is_reported() {
    let root = Root::new();
    root.write("content/groups/x.md", &group("  ", ""));
    let r = root.check_fails();
    assert!(
        r.stderr
            .contains("error[empty-name]: content/groups/x.md:2:8:"),
        "{}",
        r.stderr
    );
}

/// A table of `content/indications.toml` with a problem does not hide the
/// file's other problems (an invalid id), nor does it make every
/// indication unknown to the groups that use one.
#[test]
fn a_broken_indication_hides_nothing_and_adds_nothing() {
    let root = Root::new();
    root.write(
        "content/indications.toml",
        &format!("{INDICATIONS}\n[ohne-kategorie]\nname = \"Ohne\"\n\n[Falsche_Kennung]\nname = \"F\"\ncategory = \"K\"\n"),
    );
    root.write(
        "content/groups/y.md",
        &group("Y", "").replace("[\"diabetes\"]", "[\"ohne-kategorie\"]"),
    );
    let r = root.check_fails();
    assert!(
        r.stderr.contains("content/indications.toml:19:1:"),
        "{}",
        r.stderr
    );
    assert!(
        r.stderr.contains("Pflichtfeld `category` fehlt"),
        "{}",
        r.stderr
    );
    assert!(
        r.stderr
            .contains("error[invalid-id]: content/indications.toml:22:2:"),
        "{}",
        r.stderr
    );
    assert!(!r.stderr.contains("unknown-indication"), "{}", r.stderr);
}

/// Without a readable `content/indications.toml` that file is the problem,
/// not every indication of every group.
#[test]
fn broken_indications_file_is_one_problem() {
    let root = Root::new();
    root.write("content/indications.toml", "[diabetes\n");
    let r = root.check_fails();
    assert!(
        r.stderr.contains("content/indications.toml:1:"),
        "{}",
        r.stderr
    );
    assert!(!r.stderr.contains("unknown-indication"), "{}", r.stderr);
}

/// A problem in `wegweiser.toml` does not hide its other problems.
#[test]
fn all_problems_of_the_settings_at_once() {
    let root = Root::new();
    root.write(
        "wegweiser.toml",
        "title = \"T\"\nbase_url = \"https://wegweiser.example\"\nlanguage = \"xx\"\n\n[publisher]\nphone = \"01234 5678-0\"\n\n[print]\npaper = \"a3\"\ncover_image = \"../geheim.jpg\"\n",
    );
    let r = root.check_fails();
    for (location, phrase) in [
        ("wegweiser.toml:3:12:", "`xx`"),
        ("wegweiser.toml:5:1:", "Pflichtfeld `name` fehlt"),
        ("wegweiser.toml:9:9:", "`a3`"),
        ("wegweiser.toml:10:15:", "`../geheim.jpg`"),
    ] {
        assert!(
            r.stderr.contains(location) && r.stderr.contains(phrase),
            "{location} {phrase}:\n{}",
            r.stderr
        );
    }
}

/// An organisation or contact point file that cannot be read is reported;
/// the groups that name it do not name a missing one.
#[test]
fn a_reference_to_a_broken_file_is_no_second_problem() {
    let root = Root::new();
    root.write(
        "content/organisations/verband.md",
        "+++\nname = \"Verband\n+++\n",
    );
    root.write(
        "content/contact-points/stelle.md",
        "+++\nname = \"Stelle\"\n",
    );
    root.write(
        "content/groups/y.md",
        &group(
            "Y",
            "organisation = \"verband\"\ncontact_point = \"stelle\"\n",
        ),
    );
    let r = root.check_fails();
    assert!(
        r.stderr.contains("content/organisations/verband.md:2:"),
        "{}",
        r.stderr
    );
    assert!(
        r.stderr.contains("content/contact-points/stelle.md:1:1:"),
        "{}",
        r.stderr
    );
    assert!(!r.stderr.contains("unknown-organisation"), "{}", r.stderr);
    assert!(!r.stderr.contains("unknown-contact-point"), "{}", r.stderr);
}
