//! `build` of the sample directory and of small fixtures: every URL kind,
//! links both ways, German order, edition rules, atomic output.

use crate::common::*;

use std::path::Path;

fn read(p: &Path) -> String {
    std::fs::read_to_string(p).unwrap_or_else(|e| panic!("{}: {e}", p.display()))
}

/// Builds the repository's sample once per test binary into a temp dir.
fn sample() -> &'static Path {
    use std::sync::OnceLock;
    static OUT: OnceLock<tempfile::TempDir> = OnceLock::new();
    OUT.get_or_init(|| build_sample(&["--year", "2027"])).path()
}

#[test]
fn sample_has_every_url_kind() {
    let site = sample().join("site");
    for p in [
        "index.html",
        "a-z/a/index.html",
        "a-z/0-9/index.html",
        "a-z/z/index.html",
        "themen/index.html",
        "themen/diabetes/index.html",
        "gruppen/diabetes-selbsthilfegruppe-musterstadt-nord/index.html",
        "organisationen/landesverband-diabetes-musterland/index.html",
        "kontaktstellen/kiss-musterstadt/index.html",
        "vorwort/index.html",
        "impressum/index.html",
        "sitemap.xml",
        "404.html",
        "static/style.css",
    ] {
        assert!(site.join(p).is_file(), "missing {p}");
    }
    assert!(sample().join("print/wegweiser-2027.pdf").is_file());
    assert!(sample().join(".wegweiser-output").is_file());
}

#[test]
fn group_and_organisation_link_both_ways() {
    let site = sample().join("site");
    let group = read(&site.join("gruppen/diabetes-selbsthilfegruppe-musterstadt-nord/index.html"));
    assert!(
        group.contains("href=\"/organisationen/landesverband-diabetes-musterland/\""),
        "group → organisation"
    );
    assert!(
        group.contains("href=\"/kontaktstellen/kiss-musterstadt/\""),
        "group → contact point"
    );
    assert!(
        group.contains("href=\"/themen/diabetes/\""),
        "group → indication"
    );
    let org = read(&site.join("organisationen/landesverband-diabetes-musterland/index.html"));
    assert!(
        org.contains("href=\"/gruppen/diabetes-selbsthilfegruppe-musterstadt-nord/\""),
        "organisation → group"
    );
    let cp = read(&site.join("kontaktstellen/kiss-musterstadt/index.html"));
    assert!(
        cp.contains("href=\"/gruppen/diabetes-selbsthilfegruppe-musterstadt-nord/\""),
        "contact point → group"
    );
    let topic = read(&site.join("themen/diabetes/index.html"));
    assert!(
        topic.contains("href=\"/gruppen/diabetes-selbsthilfegruppe-musterstadt-nord/\""),
        "indication → group"
    );
}

#[test]
fn a_to_z_in_german_order() {
    let site = sample().join("site");
    let a = read(&site.join("a-z/a/index.html"));
    // Ä sorts as A: "Ängste-…" comes between "Alkohol…" and "Autismus…".
    let alkohol = a.find(">Alkohol").expect("an Alkohol entry on A");
    let aengste = a.find(">Ängste").expect("Ängste on A");
    let autismus = a.find(">Autismus").expect("Autismus on A");
    assert!(
        alkohol < aengste && aengste < autismus,
        "Ä between Al… and Au…"
    );
    // Digits have their own page.
    let digits = read(&site.join("a-z/0-9/index.html"));
    let k = digits.find(">1000 Schritte").expect("1000 Schritte on 0-9");
    let f = digits.find(">50plus").expect("50plus on 0-9");
    assert!(k < f, "1000 before 50plus (digit by digit)");
    // An ended group is absent from the A–Z but keeps a short page.
    let k = read(&site.join("a-z/k/index.html"));
    assert!(!k.contains("Kaufsucht"), "ended group not in A–Z");
    let ended = read(&site.join("gruppen/kaufsucht-gespraechskreis-musterstadt/index.html"));
    assert!(ended.contains("trifft sich nicht mehr"));
    assert!(ended.contains("noindex"));
    let sitemap = read(&site.join("sitemap.xml"));
    assert!(
        !sitemap.contains("kaufsucht-gespraechskreis"),
        "ended group not in sitemap"
    );
    assert!(sitemap.contains("<loc>https://selbsthilfe-musterstadt.example/gruppen/diabetes-selbsthilfegruppe-musterstadt-nord/</loc>"));
}

#[test]
fn former_slugs_redirect() {
    let site = sample().join("site");
    let r = read(&site.join("gruppen/diabetes-nord/index.html"));
    assert!(
        r.contains("url=/gruppen/diabetes-selbsthilfegruppe-musterstadt-nord/"),
        "{r}"
    );
    assert!(r.contains("noindex"));
}

#[test]
fn confidential_group_publishes_no_place_or_contact() {
    let site = sample().join("site");
    let page = read(&site.join("gruppen/frauen-nach-gewalterfahrung/index.html"));
    assert!(!page.contains("Stillgasse"), "address hidden");
    assert!(!page.contains("Frauenraum"), "place hidden");
    assert!(!page.contains("000111"), "phone hidden");
    for (path, bytes) in snapshot(sample()) {
        let text = String::from_utf8_lossy(&bytes);
        assert!(
            !text.contains("Stillgasse 4"),
            "confidential address leaked into {path}"
        );
    }
}

#[test]
fn sample_pdf_holds_printed_groups_in_order() {
    let pdf = sample().join("print/wegweiser-2027.pdf");
    let text = pdf_text(&pdf, None);
    let flat = text.split_whitespace().collect::<Vec<_>>().join(" ");
    assert!(flat.contains("Selbsthilfe-Wegweiser Musterstadt"));
    assert!(flat.contains("2027"));
    // Edition 2027: founded 2027 is in; ended 2026-06-30 is out; print = false is out.
    assert!(
        flat.contains("1000 Schritte"),
        "since = 2027 is in the 2027 edition"
    );
    assert!(
        !flat.contains("Kaufsucht-Gesprächskreis"),
        "ended in 2026: not in 2027"
    );
    assert!(
        !flat.contains("Stillgasse"),
        "confidential address never printed"
    );
}

#[test]
fn edition_rules_per_year() {
    let root = Root::new();
    root.write(
        "content/groups/neu.md",
        &group("Neugründung Zukunft", "since = 2027\n").replace("\"active\"", "\"founding\""),
    );
    root.write(
        "content/groups/alt.md",
        &group("Aufgelöste Runde", "ended = 2026-06-30\n").replace("\"active\"", "\"ended\""),
    );
    root.write(
        "content/groups/web.md",
        &group("Nur Online Verzeichnis", "print = false\n"),
    );
    if !have("pdftotext") {
        panic!("pdftotext missing: run scripts/test, which installs poppler-utils");
    }
    let flat = |year: &str| {
        let out = root.path().join(format!("out-{year}.pdf"));
        let r = root.run(&[
            "print",
            "--root",
            ".",
            "--year",
            year,
            "--out",
            out.to_str().unwrap(),
        ]);
        assert_eq!(r.code, 0, "{}", r.all());
        pdf_text(&out, None)
            .split_whitespace()
            .collect::<Vec<_>>()
            .join(" ")
    };
    let y2026 = flat("2026");
    assert!(
        y2026.contains("Aufgelöste Runde"),
        "ended in 2026: still in the 2026 edition"
    );
    assert!(
        !y2026.contains("Neugründung Zukunft"),
        "founded 2027: not in 2026"
    );
    assert!(!y2026.contains("Nur Online Verzeichnis"), "print = false");
    let y2027 = flat("2027");
    assert!(!y2027.contains("Aufgelöste Runde"));
    assert!(y2027.contains("Neugründung Zukunft"));
}

#[test]
fn failed_build_leaves_previous_output_unchanged() {
    let root = Root::new();
    let r = root.run(&["build", "--root", ".", "--year", "2026"]);
    assert_eq!(r.code, 0, "{}", r.all());
    let before = snapshot(&root.path().join("output"));
    assert!(!before.is_empty());
    root.write("content/groups/kaputt.md", "+++\nname = \n");
    let r = root.run(&["build", "--root", ".", "--year", "2026"]);
    assert_eq!(r.code, 1);
    assert_eq!(
        snapshot(&root.path().join("output")),
        before,
        "output untouched"
    );
}

#[test]
fn refuses_a_foreign_output_folder() {
    let root = Root::new();
    root.write("elsewhere/important.txt", "do not delete");
    let r = root.run(&["build", "--root", ".", "--out", "elsewhere"]);
    // Wrong usage (the `--out` given), not a problem in the content.
    assert_eq!(r.code, 2, "{}", r.all());
    assert!(
        r.stderr.contains("nicht von wegweiser angelegt"),
        "{}",
        r.stderr
    );
    assert_eq!(
        read(&root.path().join("elsewhere/important.txt")),
        "do not delete"
    );
}

#[test]
fn only_web_keeps_the_print_part() {
    let root = Root::new();
    assert_eq!(
        root.run(&["build", "--root", ".", "--year", "2026"]).code,
        0
    );
    let pdf = root.path().join("output/print/wegweiser-2026.pdf");
    let before = std::fs::read(&pdf).unwrap();
    root.write("content/groups/neu.md", &group("Neue Gruppe", ""));
    let r = root.run(&["build", "--root", ".", "--year", "2026", "--only", "web"]);
    assert_eq!(r.code, 0, "{}", r.all());
    assert_eq!(std::fs::read(&pdf).unwrap(), before, "PDF kept as it was");
    assert!(
        root.path()
            .join("output/site/gruppen/neu/index.html")
            .is_file()
    );
}

#[test]
fn links_work_under_a_base_path() {
    let root = Root::under_base_path();
    let site = root.build_web();
    let index = read(&site.join("index.html"));
    assert!(index.contains("href=\"/wegweiser/static/style.css\""));
    assert!(index.contains("href=\"/wegweiser/themen/diabetes/\""));
    let sitemap = read(&site.join("sitemap.xml"));
    assert!(
        sitemap.contains("<loc>https://x.github.io/wegweiser/gruppen/diabetes-nord/</loc>"),
        "{sitemap}"
    );
    // Every internal link resolves to a file of the site.
    for (path, bytes) in snapshot(&site) {
        if !path.ends_with(".html") {
            continue;
        }
        let html = String::from_utf8_lossy(&bytes);
        for part in html.split("href=\"").skip(1) {
            let href = &part[..part.find('"').unwrap()];
            if href.starts_with("http")
                || href.starts_with("mailto:")
                || href.starts_with("tel:")
                || href.starts_with('#')
            {
                continue;
            }
            // A query or fragment (`/suche/?fuer=relatives`) names a state
            // of the page, not another file.
            let href = href.split(['?', '#']).next().unwrap_or(href);
            let rel = href
                .strip_prefix("/wegweiser/")
                .unwrap_or_else(|| panic!("{path}: link {href} lacks the base path"));
            let target = if rel.is_empty() || rel.ends_with('/') {
                site.join(rel).join("index.html")
            } else {
                site.join(rel)
            };
            assert!(target.is_file(), "{path}: broken link {href}");
        }
    }
}

#[test]
fn same_input_same_bytes() {
    let root = Root::new();
    let a = root.run(&["build", "--root", ".", "--out", "a", "--year", "2026"]);
    let b = root.run(&["build", "--root", ".", "--out", "b", "--year", "2026"]);
    assert_eq!(a.code, 0, "{}", a.all());
    assert_eq!(b.code, 0);
    assert_eq!(
        snapshot(&root.path().join("a")),
        snapshot(&root.path().join("b"))
    );
}

#[test]
fn injection_is_inert_on_the_web() {
    let root = Root::new();
    root.write(
        "content/groups/evil.md",
        &group("<script>alert(1)</script> {{ site.title }}", "").replace(
            "Beschreibung von",
            "<img src=x onerror=alert(1)> [klick](javascript:alert(2)) {% raw %}",
        ),
    );
    root.build_web();
    let page = read(&root.path().join("output/site/gruppen/evil/index.html"));
    assert!(!page.contains("<script>alert"), "name escaped");
    assert!(
        page.contains("&lt;script&gt;alert(1)&lt;/script&gt; {{ site.title }}"),
        "template syntax shown as text"
    );
    assert!(!page.contains("onerror"));
    assert!(!page.contains("javascript:"));
}

/// Without `funding_note` the imprint carries the contract's default note
/// (section 2: "defaults shown"); `funding_note = ""` prints none.
#[test]
fn imprint_has_the_default_funding_note() {
    if !have("pdftotext") {
        panic!("pdftotext missing: run scripts/test, which installs poppler-utils");
    }
    let root = Root::new();
    let r = root.run(&[
        "print", "--root", ".", "--year", "2027", "--out", "heft.pdf",
    ]);
    assert_eq!(r.code, 0, "{}", r.all());
    let imprint = pdf_text(&root.path().join("heft.pdf"), Some(2));
    assert!(
        imprint.contains("Die Herausgabe wird gefördert von den Krankenkassen nach § 20h SGB V."),
        "{imprint}"
    );

    root.write(
        "wegweiser.toml",
        &format!("{SETTINGS}\n[print]\nfunding_note = \"\"\n"),
    );
    let r = root.run(&[
        "print", "--root", ".", "--year", "2027", "--out", "ohne.pdf",
    ]);
    assert_eq!(r.code, 0, "{}", r.all());
    assert!(!pdf_text(&root.path().join("ohne.pdf"), None).contains("gefördert"));
}
