//! `new` writes entries that `check` accepts; `stale` lists what needs
//! confirming, as a table or CSV, to standard output or a named file, never
//! into the published output.

use crate::common::*;

#[test]
fn new_entries_pass_check() {
    let root = Root::new();
    let r = root.run(&[
        "new",
        "group",
        "angst-und-panik",
        "--root",
        ".",
        "--name",
        "Angst & \"Panik\" Treff",
        "--indications",
        "aengste,diabetes",
    ]);
    assert_eq!(r.code, 0, "{}", r.all());
    assert!(
        r.stderr.contains("content/groups/angst-und-panik.md"),
        "{}",
        r.stderr
    );
    let r = root.run(&[
        "new",
        "organisation",
        "landesverband-angst",
        "--root",
        ".",
        "--indications",
        "aengste",
    ]);
    assert_eq!(r.code, 0, "{}", r.all());
    let r = root.run(&[
        "new",
        "contact-point",
        "kiss-nord",
        "--root",
        ".",
        "--name",
        "KISS Nord",
    ]);
    assert_eq!(r.code, 0, "{}", r.all());

    let text =
        std::fs::read_to_string(root.path().join("content/groups/angst-und-panik.md")).unwrap();
    assert!(text.starts_with("+++\n"), "{text}");
    let today = jiff::Timestamp::now()
        .to_zoned(jiff::tz::TimeZone::UTC)
        .date()
        .to_string();
    assert!(
        text.contains(&format!("verified = {today}")),
        "today's date in verified: {text}"
    );

    let r = root.run(&["check", "--root", "."]);
    assert_eq!(r.code, 0, "new entries pass check:\n{}", r.all());
    assert!(
        r.stderr
            .contains("2 Gruppen, 1 Organisation, 1 Kontaktstelle"),
        "{}",
        r.stderr
    );
    // The organisation has no group yet: a warning, not an error.
    assert!(
        r.stderr.contains("organisation-without-groups"),
        "{}",
        r.stderr
    );

    root.build_web();
    let page = std::fs::read_to_string(
        root.path()
            .join("output/site/gruppen/angst-und-panik/index.html"),
    )
    .unwrap();
    assert!(
        page.contains("Angst &amp; &quot;Panik&quot; Treff")
            || page.contains("Angst &amp; \"Panik\" Treff"),
        "{page}"
    );
}

#[test]
fn new_without_indications_tells_what_to_fill_in() {
    let root = Root::new();
    assert_eq!(root.run(&["new", "group", "x", "--root", "."]).code, 0);
    let r = root.check_fails();
    assert!(
        r.stderr.contains("content/groups/x.md:3:15"),
        "{}",
        r.stderr
    );
    assert!(
        r.stderr.contains("mindestens eine Indikation"),
        "{}",
        r.stderr
    );
}

#[test]
fn new_refuses_overwrite_and_invalid_slug() {
    let root = Root::new();
    let before = std::fs::read(root.path().join("content/groups/diabetes-nord.md")).unwrap();
    // A taken or invalid slug is wrong usage (exit code 2).
    let r = root.run(&["new", "group", "diabetes-nord", "--root", "."]);
    assert_eq!(r.code, 2, "{}", r.all());
    assert!(r.stderr.contains("gibt es schon"), "{}", r.stderr);
    assert_eq!(
        std::fs::read(root.path().join("content/groups/diabetes-nord.md")).unwrap(),
        before
    );
    for bad in [
        "Diabetes-Nord",
        "diabetes_nord",
        "x-",
        "übergewicht",
        "a--b",
    ] {
        let r = root.run(&["new", "group", bad, "--root", "."]);
        assert_eq!(r.code, 2, "{bad}: {}", r.all());
        assert!(
            r.stderr.contains("ist nicht erlaubt"),
            "{bad}: {}",
            r.stderr
        );
    }
    let r = root.run(&["--lang", "en", "new", "group", "Diabetes", "--root", "."]);
    assert!(r.stderr.contains("is not allowed"), "{}", r.stderr);
    let r = root.run(&["new", "meeting", "x"]);
    assert_eq!(r.code, 2, "{}", r.all());
}

fn stale_root() -> Root {
    let root = Root::new();
    root.write(
        "content/groups/alt.md",
        &group(
            "Alte Gruppe",
            "[contact]\nperson = \"Frau A.\"\nphone = \"=01234 1\"\nconsent = 2022-01-01\n",
        )
        .replace("2026-09-14", "2022-03-01"),
    );
    root.write(
        "content/groups/mittel.md",
        &group("Mittlere Gruppe", "").replace("2026-09-14", "2024-09-02"),
    );
    root.write(
        "content/organisations/verband.md",
        "+++\nname = \"Verband\"\nlevel = \"state\"\nverified = 2023-07-07\nindications = [\"diabetes\"]\nphone = \"01234 777\"\n+++\n",
    );
    root
}

#[test]
fn stale_lists_oldest_first_with_contact_route() {
    let root = stale_root();
    let r = root.run(&["stale", "--root", ".", "--year", "2026"]);
    assert_eq!(r.code, 0, "{}", r.all());
    let lines: Vec<&str> = r.stdout.lines().collect();
    assert!(
        lines[0].starts_with("Art")
            && lines[0].contains("Bestätigt")
            && lines[0].contains("Kontakt"),
        "{}",
        r.stdout
    );
    assert_eq!(
        lines.len(),
        3,
        "two stale entries in 2026 (2024-09-02 is not yet):\n{}",
        r.stdout
    );
    assert!(
        lines[1].contains("content/groups/alt.md")
            && lines[1].contains("01.03.2022")
            && lines[1].contains("Frau A."),
        "{}",
        r.stdout
    );
    assert!(
        lines[2].contains("Verband") && lines[2].contains("01234 777"),
        "{}",
        r.stdout
    );
    assert!(
        r.stderr.contains("2 Einträge zu bestätigen (Ausgabe 2026)"),
        "{}",
        r.stderr
    );

    let r = root.run(&["stale", "--root", ".", "--year", "2027"]);
    assert!(
        r.stdout.contains("mittel") && r.stdout.contains("über KISS Teststadt"),
        "{}",
        r.stdout
    );
}

#[test]
fn stale_csv_for_mail_merge() {
    let root = stale_root();
    let r = root.run(&[
        "--lang", "en", "stale", "--root", ".", "--year", "2026", "--format", "csv",
    ]);
    assert_eq!(r.code, 0, "{}", r.all());
    let lines: Vec<&str> = r.stdout.lines().collect();
    // The last column: the page of the entry's sheet in `sheets --year 2026`.
    assert_eq!(
        lines[0],
        "\"Kind\",\"File\",\"Name\",\"Verified\",\"Contact\",\"Sheet page\""
    );
    assert!(
        lines[1].starts_with("\"Group\",\"content/groups/alt.md\",\"Alte Gruppe\",\"01.03.2022\",\"Frau A. / =01234 1\",\""),
        "{}",
        lines[1]
    );
    let page: usize = lines[1]
        .rsplit(',')
        .next()
        .unwrap()
        .trim_matches('"')
        .parse()
        .expect("a page number");
    assert!(page >= 1);
    assert_eq!(lines.len(), 3);
    // A value that starts like a formula is neutralised for spreadsheets.
    root.write(
        "content/groups/alt.md",
        &std::fs::read_to_string(root.path().join("content/groups/alt.md"))
            .unwrap()
            .replace("Frau A.", "=HYPERLINK(1)"),
    );
    let r = root.run(&["stale", "--root", ".", "--year", "2026", "--format", "csv"]);
    assert!(
        r.stdout.contains("\"'=HYPERLINK(1) / =01234 1\""),
        "{}",
        r.stdout
    );
}

#[test]
fn stale_writes_a_named_file_but_never_into_the_output() {
    let root = stale_root();
    let r = root.run(&[
        "stale",
        "--root",
        ".",
        "--year",
        "2026",
        "--format",
        "csv",
        "--out",
        "rueckfragen.csv",
    ]);
    assert_eq!(r.code, 0, "{}", r.all());
    assert!(r.stdout.is_empty(), "{}", r.stdout);
    let csv = std::fs::read_to_string(root.path().join("rueckfragen.csv")).unwrap();
    assert!(csv.contains("Alte Gruppe"), "{csv}");
    for inside in [
        "output/site/liste.csv",
        "./output/x.csv",
        "output/../output/y.csv",
    ] {
        let r = root.run(&["stale", "--root", ".", "--year", "2026", "--out", inside]);
        assert_eq!(r.code, 1, "{inside}: {}", r.all());
        assert!(r.stderr.contains("persönliche Daten"), "{}", r.stderr);
    }
    assert!(!root.path().join("output").exists());
    // And the site never contains the list.
    assert_eq!(
        root.run(&["build", "--root", ".", "--only", "web", "--year", "2026"])
            .code,
        0
    );
    for (path, bytes) in snapshot(&root.path().join("output")) {
        let text = String::from_utf8_lossy(&bytes);
        assert!(
            !path.ends_with(".csv") && !text.contains("\"Art\",\"Datei\""),
            "stale list in {path}"
        );
    }
}

#[test]
fn stale_needs_a_year() {
    let root = stale_root();
    assert_eq!(root.run(&["stale", "--root", "."]).code, 2);
}

/// Contract, section 8: `SOURCE_DATE_EPOCH` is honoured where a date is
/// needed; `new` needs one for `verified`.
#[test]
fn new_takes_the_date_from_source_date_epoch() {
    let root = Root::new();
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_wegweiser"))
        .args([
            "new",
            "group",
            "fester-tag",
            "--root",
            ".",
            "--indications",
            "diabetes",
        ])
        .current_dir(root.path())
        .env("SOURCE_DATE_EPOCH", "1780000000") // 2026-05-28 (UTC)
        .output()
        .expect("run wegweiser");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let text = std::fs::read_to_string(root.path().join("content/groups/fester-tag.md")).unwrap();
    assert!(text.contains("verified = 2026-05-28"), "{text}");
}
