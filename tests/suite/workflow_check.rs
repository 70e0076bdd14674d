//! Golden tests of `check`: one small directory per problem kind, its output
//! in all three formats (human, json, github) compared with
//! `tests/golden/check/<case>.txt`.
//!
//! After a deliberate change of a message, regenerate and review the diff:
//!
//! ```sh
//! WEGWEISER_UPDATE_GOLDEN=1 cargo test --test suite workflow_check::
//! git diff tests/golden/
//! ```

use crate::common::*;

use std::path::PathBuf;

/// Indications of the golden directories: each one used, so only the
/// problem of the case is reported.
const INDICATIONS_USED: &str = "[diabetes]\nname = \"Diabetes\"\ncategory = \"Chronische Erkrankungen\"\nsynonyms = [\"Zuckerkrankheit\"]\n";

struct Case {
    name: &'static str,
    write: Vec<(&'static str, Vec<u8>)>,
    remove: Vec<&'static str>,
    args: Vec<&'static str>,
}

fn case(name: &'static str, write: Vec<(&'static str, String)>) -> Case {
    Case {
        name,
        write: write
            .into_iter()
            .map(|(p, t)| (p, t.into_bytes()))
            .collect(),
        remove: vec![],
        args: vec![],
    }
}

fn g(extra: &str) -> String {
    group("Gesprächskreis X", extra)
}

/// A group with `field = value` replaced.
fn g_with(from: &str, to: &str) -> String {
    let text = g("");
    assert!(text.contains(from), "{from}");
    text.replace(from, to)
}

const MEETING: &str =
    "[[meetings]]\nrhythm = \"monthly\"\nweekday = \"tuesday\"\nweeks = [2]\nstart = \"19:00\"\n";

fn cases() -> Vec<Case> {
    let x = "content/groups/x.md";
    let org = |extra: &str| {
        format!(
            "+++\nname = \"Landesverband X\"\nlevel = \"state\"\nverified = 2026-09-01\n{extra}+++\nText.\n"
        )
    };
    let cp = |extra: &str| {
        format!("+++\nname = \"Kontaktstelle X\"\nverified = 2026-09-01\n{extra}+++\nText.\n")
    };
    let mut v = vec![
        case("ok", vec![]),
        case("empty-file", vec![(x, String::new())]),
        case("no-front-matter", vec![(x, "name = \"X\"\n".into())]),
        case(
            "front-matter-not-closed",
            vec![(x, "+++\nname = \"X\"\n".into())],
        ),
        case("subfolder", vec![("content/groups/nord/x.md", g(""))]),
        case(
            "invalid-slug",
            vec![("content/groups/Gruppe Nord.md", g(""))],
        ),
        case(
            "reserved-slug",
            vec![(
                "content/pages/themen.md",
                "+++\ntitle = \"Themen\"\n+++\nText.\n".into(),
            )],
        ),
        case(
            "toml-syntax",
            vec![(
                x,
                "+++\nname = \"X\nindications = [\"diabetes\"]\n+++\n".into(),
            )],
        ),
        case(
            "missing-field",
            vec![(x, g_with("format = \"in-person\"\n", ""))],
        ),
        case(
            "missing-fields-at-once",
            vec![
                (
                    x,
                    "+++\nname = \"X\"\nindications = [\"diabetes\"]\n+++\nText.\n".into(),
                ),
                ("wegweiser.toml", "title = \"Wegweiser\"\n".into()),
            ],
        ),
        case("unknown-field", vec![(x, g("distrikt = \"Nord\"\n"))]),
        case("wrong-type", vec![(x, g("since = \"2011\"\n"))]),
        case(
            "unknown-value",
            vec![(x, g_with("status = \"active\"", "status = \"aktiv\""))],
        ),
        case(
            "not-a-date",
            vec![(
                x,
                g_with("verified = 2026-09-14", "verified = 2026-09-14T10:00:00"),
            )],
        ),
        case(
            "invalid-time",
            vec![(x, g(&MEETING.replace("19:00", "19 Uhr")))],
        ),
        case(
            "invalid-url",
            vec![(x, g("[contact]\nwebsite = \"www.gruppe-x.example\"\n"))],
        ),
        case(
            "invalid-email",
            vec![(
                x,
                g("[contact]\nemail = \"gruppe-x(at)example.org\"\nconsent = 2026-01-01\n"),
            )],
        ),
        case(
            "invalid-base-url",
            vec![(
                "wegweiser.toml",
                SETTINGS.replace("https://wegweiser.example", "wegweiser.example"),
            )],
        ),
        case(
            "unsupported-language",
            vec![(
                "wegweiser.toml",
                SETTINGS.replace("language = \"de\"", "language = \"fr\""),
            )],
        ),
        case(
            "invalid-language",
            vec![(x, g("languages = [\"deutsch\"]\n"))],
        ),
        case(
            "invalid-id",
            vec![(
                "content/indications.toml",
                format!("{INDICATIONS_USED}\n[Sucht]\nname = \"Sucht\"\ncategory = \"Sucht\"\n"),
            )],
        ),
        case("out-of-range", vec![(x, g("since = 1200\n"))]),
        case(
            "unknown-indication",
            vec![(x, g_with("[\"diabetes\"]", "[\"diabetis\"]"))],
        ),
        case(
            "unknown-organisation",
            vec![
                (x, g("organisation = \"landesverband-diabetis\"\n")),
                ("content/organisations/landesverband-diabetes.md", org("")),
            ],
        ),
        case(
            "unknown-contact-point",
            vec![(x, g("contact_point = \"kiss-teststadt\"\n"))],
        ),
        case("no-indications", vec![(x, g_with("[\"diabetes\"]", "[]"))]),
        case("empty-audience", vec![(x, g_with("[\"affected\"]", "[]"))]),
        case(
            "duplicate-slug",
            vec![(x, g("former_slugs = [\"diabetes-nord\"]\n"))],
        ),
        case(
            "missing-consent",
            vec![(
                x,
                g("[contact]\nperson = \"Frau M.\"\nphone = \"01234 987654\"\n"),
            )],
        ),
        case(
            "ended-missing",
            vec![(x, g_with("status = \"active\"", "status = \"ended\""))],
        ),
        case("ended-not-allowed", vec![(x, g("ended = 2026-06-30\n"))]),
        case(
            "path-outside-content",
            vec![(x, format!("{}Bild: ![x](../../wegweiser.toml)\n", g("")))],
        ),
        case(
            "file-not-found",
            vec![(x, format!("{}Bild: ![x](images/fehlt.jpg)\n", g("")))],
        ),
        case(
            "weekday-missing",
            vec![(x, g(&MEETING.replace("weekday = \"tuesday\"\n", "")))],
        ),
        case(
            "start-missing",
            vec![(x, g(&MEETING.replace("start = \"19:00\"\n", "")))],
        ),
        case(
            "weeks-missing",
            vec![(x, g(&MEETING.replace("weeks = [2]\n", "")))],
        ),
        case(
            "weeks-not-allowed",
            vec![(x, g(&MEETING.replace("monthly", "weekly")))],
        ),
        case(
            "invalid-week",
            vec![(x, g(&MEETING.replace("[2]", "[2, 5]")))],
        ),
        case(
            "first-date-missing",
            vec![(
                x,
                g(&MEETING
                    .replace("monthly", "biweekly")
                    .replace("weeks = [2]\n", "")),
            )],
        ),
        case(
            "first-date-not-allowed",
            vec![(x, g(&format!("{MEETING}first_date = 2026-01-13\n")))],
        ),
        case(
            "theme-not-found",
            vec![(
                "wegweiser.toml",
                SETTINGS.replace(
                    "language = \"de\"\n",
                    "language = \"de\"\ntheme = \"hell\"\n",
                ),
            )],
        ),
        // Warnings (exit 0).
        case("stale", vec![(x, g_with("2026-09-14", "2023-01-05"))]),
        case(
            "end-before-start",
            vec![(x, g(&format!("{MEETING}end = \"17:00\"\n")))],
        ),
        case(
            "organisation-without-groups",
            vec![(
                "content/organisations/landesverband-x.md",
                org("indications = [\"diabetes\"]\n"),
            )],
        ),
        case(
            "unused-indication",
            vec![(
                "content/indications.toml",
                format!("{INDICATIONS_USED}\n[sucht]\nname = \"Sucht\"\ncategory = \"Sucht\"\n"),
            )],
        ),
        case(
            "implausible-phone",
            vec![
                (
                    x,
                    g("[contact]\nphone = \"987654\"\nconsent = 2026-01-01\n"),
                ),
                (
                    "content/contact-points/kiss-x.md",
                    cp("phone = \"Tel. 01234 5678\"\n"),
                ),
            ],
        ),
        case("duplicate-name", vec![(x, group("Diabetes  nord", ""))]),
        case(
            "several-problems-at-once",
            vec![
                (
                    x,
                    g_with("[\"diabetes\"]", "[\"diabetis\"]")
                        .replace("status = \"active\"", "status = \"aktiv\""),
                ),
                ("content/groups/y.md", g("distrikt = \"Nord\"\n")),
                (
                    "content/organisations/z.md",
                    org("").replace("level = \"state\"\n", ""),
                ),
            ],
        ),
    ];
    let mut utf8 = g("").into_bytes();
    utf8.extend_from_slice(b"Caf\xE9\n");
    v.push(Case {
        name: "invalid-utf8",
        write: vec![(x, utf8)],
        remove: vec![],
        args: vec![],
    });
    v.push(Case {
        name: "settings-missing",
        write: vec![],
        remove: vec!["wegweiser.toml"],
        args: vec![],
    });
    v.push(Case {
        name: "indications-missing",
        write: vec![],
        remove: vec!["content/indications.toml"],
        args: vec![],
    });
    v.push(Case {
        name: "strict-turns-warnings-into-errors",
        write: vec![(x, g_with("2026-09-14", "2023-01-05").into_bytes())],
        remove: vec![],
        args: vec!["--strict"],
    });
    for (name, c) in [
        ("en-unknown-indication", "unknown-indication"),
        ("en-several-problems-at-once", "several-problems-at-once"),
        ("en-implausible-phone", "implausible-phone"),
    ] {
        let mut en = cases_named(&v, c);
        en.name = name;
        en.args.push("--lang");
        en.args.push("en");
        v.push(en);
    }
    v
}

fn cases_named(v: &[Case], name: &str) -> Case {
    let c = v.iter().find(|c| c.name == name).unwrap();
    Case {
        name: c.name,
        write: c.write.clone(),
        remove: c.remove.clone(),
        args: c.args.clone(),
    }
}

fn golden_dir() -> PathBuf {
    repo().join("tests/golden/check")
}

/// Runs the case in all three formats and returns the golden text.
fn output(c: &Case) -> String {
    let root = Root::new();
    root.write("content/indications.toml", INDICATIONS_USED);
    for (path, bytes) in &c.write {
        root.write_bytes(path, bytes);
    }
    for path in &c.remove {
        std::fs::remove_file(root.path().join(path)).unwrap();
    }
    let mut text = format!("# wegweiser check: {}\n", c.name);
    for format in ["human", "json", "github"] {
        let mut args = vec!["check", "--year", "2027", "--format", format];
        args.extend(&c.args);
        let r = root.run(&args);
        text.push_str(&format!("\n## {} (exit code {})\n", args.join(" "), r.code));
        if !r.stdout.is_empty() {
            text.push_str(&format!("### stdout\n{}", r.stdout));
        }
        if !r.stderr.is_empty() {
            text.push_str(&format!("### stderr\n{}", r.stderr));
        }
    }
    text
}

#[test]
fn check_output_matches_the_golden_files() {
    let update = std::env::var_os("WEGWEISER_UPDATE_GOLDEN").is_some();
    let dir = golden_dir();
    std::fs::create_dir_all(&dir).unwrap();
    let mut failures = Vec::new();
    let mut names = Vec::new();
    for c in cases() {
        names.push(format!("{}.txt", c.name));
        let got = output(&c);
        let path = dir.join(format!("{}.txt", c.name));
        if update {
            std::fs::write(&path, &got).unwrap();
            continue;
        }
        match std::fs::read_to_string(&path) {
            Ok(want) if want == got => {}
            Ok(want) => failures.push(format!(
                "{}: differs\n--- want\n{want}\n--- got\n{got}",
                c.name
            )),
            Err(_) => failures.push(format!("{}: no golden file {}", c.name, path.display())),
        }
    }
    // No stale golden files.
    for e in std::fs::read_dir(&dir).unwrap() {
        let name = e.unwrap().file_name().to_string_lossy().into_owned();
        if !names.contains(&name) {
            if update {
                std::fs::remove_file(dir.join(&name)).unwrap();
            } else {
                failures.push(format!("{name}: golden file without a case"));
            }
        }
    }
    assert!(
        failures.is_empty(),
        "{}\n\n(after a deliberate change: WEGWEISER_UPDATE_GOLDEN=1 cargo test --test suite workflow_check::, then review git diff tests/golden/)",
        failures.join("\n\n")
    );
}

/// Every code of a case name appears in its own output (the case really
/// shows the problem it is named after).
#[test]
fn each_case_shows_its_problem() {
    for c in cases() {
        let code = c.name.trim_start_matches("en-");
        if matches!(
            code,
            "ok" | "several-problems-at-once"
                | "missing-fields-at-once"
                | "strict-turns-warnings-into-errors"
        ) {
            continue;
        }
        let out = output(&c);
        assert!(
            out.contains(&format!("\"code\": \"{code}\"")),
            "case {} does not report `{code}`:\n{out}",
            c.name
        );
        assert!(
            out.contains(&format!("title={code}::")),
            "case {}: github format lacks `{code}`:\n{out}",
            c.name
        );
    }
}

#[test]
fn exit_codes_follow_the_contract() {
    for c in cases() {
        let out = output(&c);
        let first = out.lines().find(|l| l.starts_with("## ")).unwrap();
        let warning_only = matches!(
            c.name.trim_start_matches("en-"),
            "ok" | "stale"
                | "end-before-start"
                | "organisation-without-groups"
                | "unused-indication"
                | "implausible-phone"
                | "duplicate-name"
        );
        let want = if warning_only {
            "(exit code 0)"
        } else {
            "(exit code 1)"
        };
        assert!(first.ends_with(want), "{}: {first}", c.name);
    }
}

/// The contract: "`--strict` makes every warning an error", and its
/// warnings are stale entries and unprintable text. The hints about valid
/// but odd data are notices, which `--strict` leaves alone: a valid
/// directory with an unused indication and an organisation without groups
/// passes a strict check and build, while a stale entry still fails it.
#[test]
fn strict_fails_on_warnings_but_not_on_notices() {
    let r = Root::new();
    r.write(
        "content/organisations/lv-x.md",
        "+++\nname = \"Landesverband X\"\nlevel = \"state\"\nverified = 2026-09-01\n+++\nText.\n",
    );
    let checked = r.run(&["check", "--year", "2027", "--strict"]);
    assert_eq!(checked.code, 0, "{}", checked.all());
    assert!(
        checked.all().contains("note[unused-indication]"),
        "{}",
        checked.all()
    );
    assert!(
        checked.all().contains("note[organisation-without-groups]"),
        "{}",
        checked.all()
    );
    let built = r.run(&[
        "build", "--year", "2027", "--strict", "--only", "web", "--out", "site-out",
    ]);
    assert_eq!(built.code, 0, "{}", built.all());

    r.write(
        "content/groups/alt.md",
        &group("Alte Gruppe", "").replace("2026-09-14", "2023-01-05"),
    );
    let stale = r.run(&["check", "--year", "2027", "--strict"]);
    assert_eq!(stale.code, 1, "{}", stale.all());
    assert!(stale.all().contains("error[stale]"), "{}", stale.all());
    assert_eq!(r.run(&["check", "--year", "2027"]).code, 0);
}

/// All problems of a run at once: a stale entry is reported even when
/// another file is broken (and is an error with `--strict`).
#[test]
fn stale_entries_are_reported_next_to_errors() {
    let r = Root::new();
    r.write(
        "content/groups/alt.md",
        &group("Alte Gruppe", "").replace("2026-09-14", "2023-01-05"),
    );
    r.write("content/groups/kaputt.md", "+++\nname = \"Kaputt\"\n+++\n");
    let checked = r.run(&["check", "--year", "2027"]);
    assert_eq!(checked.code, 1, "{}", checked.all());
    assert!(
        checked
            .all()
            .contains("warning[stale]: content/groups/alt.md:7:12:"),
        "{}",
        checked.all()
    );
    assert!(
        checked
            .all()
            .contains("error[missing-field]: content/groups/kaputt.md:1:1:"),
        "{}",
        checked.all()
    );
    let strict = r.run(&["check", "--year", "2027", "--strict"]);
    assert!(
        strict
            .all()
            .contains("error[stale]: content/groups/alt.md:7:12:"),
        "{}",
        strict.all()
    );
}

/// Text the print fonts cannot show is reported next to errors as well
/// (not for entries that are not printed).
#[test]
fn unprintable_text_is_reported_next_to_errors() {
    let r = Root::new();
    r.write(
        "content/groups/emoji.md",
        &group("Freude \u{1F600} Treff", ""),
    );
    r.write(
        "content/groups/online.md",
        &group("Nur online \u{1F600}", "print = false\n"),
    );
    r.write("content/groups/kaputt.md", "+++\nname = \"Kaputt\"\n+++\n");
    let checked = r.run(&["check", "--year", "2027"]);
    assert_eq!(checked.code, 1, "{}", checked.all());
    assert!(
        checked
            .all()
            .contains("warning[unprintable-character]: content/groups/emoji.md:2:16:"),
        "{}",
        checked.all()
    );
    assert!(
        !checked.all().contains("content/groups/online.md"),
        "{}",
        checked.all()
    );
    // Notices about one file alone too; not those across files.
    r.write(
        "content/groups/telefon.md",
        &group(
            "Telefon",
            "[contact]\nphone = \"12\"\nconsent = 2026-01-01\n",
        ),
    );
    let checked = r.run(&["check", "--year", "2027"]);
    assert!(
        checked
            .all()
            .contains("note[implausible-phone]: content/groups/telefon.md:"),
        "{}",
        checked.all()
    );
    assert!(
        !checked.all().contains("unused-indication"),
        "{}",
        checked.all()
    );
    assert!(
        checked
            .all()
            .contains("error[missing-field]: content/groups/kaputt.md:1:1:"),
        "{}",
        checked.all()
    );
}
