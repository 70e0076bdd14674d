//! The print renderer on small fixture directories: order of the groups,
//! content printed literally, confidentiality, edition rules, identical
//! bytes, and index page numbers that point to the right pages.
//!
//! Text is extracted with `pdftotext` (poppler-utils); without it the
//! tests that need it say so and pass.

use std::path::Path;
use std::process::Command;

use wegweiser::diagnostics::{Diagnostics, Sources};
use wegweiser::load::{self, Theme};
use wegweiser::model::Directory;
use wegweiser::render::print::{self, Pdf};
use wegweiser::validate;

const INDICATIONS: &str = r#"[diabetes]
name = "Diabetes"
category = "Chronische Erkrankungen"
synonyms = ["Zuckerkrankheit"]
see_also = ["adipositas"]

[adipositas]
name = "Adipositas"
category = "Chronische Erkrankungen"

[aengste]
name = "Ängste"
category = "Psychische Erkrankungen"

[sucht]
name = "Sucht"
category = "Sucht"
synonyms = ["Abhängigkeit"]
"#;

fn settings(print: &str) -> String {
    format!(
        r#"title = "Selbsthilfe-Wegweiser Teststadt"
base_url = "https://wegweiser.example"
language = "de"

[publisher]
name = "KISS Teststadt"
address = "Marktplatz 1, 12345 Teststadt"
phone = "01234 5678-0"
email = "info@kiss-teststadt.example"

[print]
funding_note = "Gefördert von den Krankenkassen nach § 20h SGB V."
{print}
"#
    )
}

fn group(name: &str, indications: &str, extra: &str, body: &str) -> String {
    format!(
        "+++\nname = \"{name}\"\nindications = {indications}\naudience = [\"affected\", \"relatives\"]\nformat = \"in-person\"\nstatus = \"active\"\nverified = 2026-09-14\n{extra}+++\n{body}\n"
    )
}

const MEETING: &str = "[[meetings]]\nrhythm = \"monthly\"\nweekday = \"tuesday\"\nweeks = [2]\nstart = \"19:00\"\nend = \"21:00\"\nplace = \"Selbsthilfetreff, Raum 2\"\naddress = \"Hauptstraße 5, 12345 Teststadt\"\naccessible = true\n";

const SECRET_MEETING: &str = "confidential = true\n[[meetings]]\nrhythm = \"weekly\"\nweekday = \"friday\"\nstart = \"18:00\"\nplace = \"Hinterzimmer\"\naddress = \"Geheimweg 7, 12345 Teststadt\"\n";

/// The injection attempts a description may hold.
const INJECTION: &str = "Wir lesen #read(\"/etc/passwd\") und rechnen $a$ mit <b>fett</b> und @ref sowie <label> und #import \"x.typ\": *\n\n#set text(red)\n";

struct Fixture {
    dir: tempfile::TempDir,
}

impl Fixture {
    fn new(print: &str) -> Fixture {
        let f = Fixture { dir: tempfile::tempdir().expect("temp dir") };
        f.write("wegweiser.toml", &settings(print));
        f.write("content/indications.toml", INDICATIONS);
        f.write(
            "content/groups/diabetes-nord.md",
            &group(
                "Diabetes Nord",
                "[\"diabetes\"]",
                &format!("organisation = \"landesverband-diabetes\"\n{MEETING}"),
                "Austausch für Menschen mit Diabetes.",
            ),
        );
        f.write(
            "content/groups/adipositas-mitte.md",
            &group("Adipositas Mitte", "[\"adipositas\", \"diabetes\"]", "", "Wir treffen uns im Zentrum."),
        );
        f.write("content/groups/aengste-sued.md", &group("Ängste Süd", "[\"aengste\"]", "", "Mut machen."));
        f.write(
            "content/groups/anonyme-alkoholiker.md",
            &group("Anonyme Alkoholiker", "[\"sucht\"]", "aliases = [\"AA Teststadt\"]\n", "Nüchtern bleiben."),
        );
        f.write(
            "content/groups/vertrauliche-gruppe.md",
            &group("Vertrauliche Gruppe", "[\"sucht\"]", SECRET_MEETING, "Nur über die Kontaktstelle."),
        );
        f.write(
            "content/groups/zukunft-diabetes.md",
            &group("Zukunftsgruppe Diabetes", "[\"diabetes\"]", "since = 2030\n", "Erst ab 2030."),
        );
        f.write(
            "content/groups/nur-web.md",
            &group("Nur im Netz", "[\"diabetes\"]", "print = false\n", "Nicht gedruckt."),
        );
        f.write(
            "content/groups/experimente.md",
            &group("Experimentiergruppe", "[\"aengste\"]", "district = \"#strong[Mitte] $x^2$\"\n", INJECTION),
        );
        f.write(
            "content/organisations/landesverband-diabetes.md",
            "+++\nname = \"Landesverband Diabetes\"\nlevel = \"state\"\nverified = 2026-05-01\nindications = [\"diabetes\"]\nphone = \"0300 1234\"\n+++\nDer Verband berät.\n",
        );
        f.write(
            "content/contact-points/kiss-teststadt.md",
            "+++\nname = \"KISS Teststadt\"\nverified = 2026-06-01\naddress = \"Marktplatz 1, 12345 Teststadt\"\nopening_hours = [\"Mo–Do 9–16 Uhr\"]\n+++\nDie Kontaktstelle.\n",
        );
        f.write(
            "content/pages/vorwort.md",
            "+++\ntitle = \"Vorwort\"\nweight = 1\n+++\nLiebe Leserinnen und Leser,\n\n## Was Selbsthilfe ist\n\nGemeinsam statt allein.\n",
        );
        f
    }

    fn write(&self, rel: &str, text: &str) {
        let p = self.dir.path().join(rel);
        std::fs::create_dir_all(p.parent().expect("parent")).expect("mkdir");
        std::fs::write(p, text).expect("write");
    }

    fn path(&self) -> &Path {
        self.dir.path()
    }

    fn directory(&self) -> Directory {
        let mut sources = Sources::default();
        let mut diagnostics = Diagnostics::default();
        let raw = load::load(self.path(), &mut sources, &mut diagnostics);
        let dir = validate::validate(raw, &mut diagnostics);
        assert!(!diagnostics.has_errors(), "fixture is invalid: {:#?}", diagnostics.iter().collect::<Vec<_>>());
        dir.expect("a directory")
    }

    fn render(&self, year: i32) -> Pdf {
        let dir = self.directory();
        let edition = dir.edition(year);
        match print::render(&edition, &Theme::built_in()) {
            Ok(pdf) => pdf,
            Err(errors) => panic!("render failed:\n{}", errors.join("\n")),
        }
    }
}

fn have_pdftotext() -> bool {
    let ok = Command::new("pdftotext").arg("-v").output().is_ok();
    if !ok {
        eprintln!("SKIPPED: pdftotext (poppler-utils) is not installed; install it to run this test");
    }
    ok
}

/// Text of the whole PDF, or of pages `first..=last`, or with `(0, 0)` of
/// the whole PDF in layout mode.
fn pdf_text(pdf: &[u8], pages: Option<(usize, usize)>) -> String {
    let tmp = tempfile::tempdir().expect("temp dir");
    let file = tmp.path().join("w.pdf");
    std::fs::write(&file, pdf).expect("write pdf");
    let mut cmd = Command::new("pdftotext");
    match pages {
        // (0, 0): the whole document in layout mode.
        Some((0, 0)) => {
            cmd.arg("-layout");
        }
        Some((f, l)) => {
            cmd.args(["-f", &f.to_string(), "-l", &l.to_string()]);
        }
        None => {}
    }
    let out = cmd.arg(&file).arg("-").output().expect("pdftotext runs");
    assert!(out.status.success(), "pdftotext failed: {}", String::from_utf8_lossy(&out.stderr));
    String::from_utf8_lossy(&out.stdout).into_owned()
}

/// Text without any whitespace (line breaks may fall anywhere).
fn squash(s: &str) -> String {
    s.chars().filter(|c| !c.is_whitespace() && *c != '\u{ad}').collect()
}

fn between<'a>(text: &'a str, from: &str, to: &str) -> &'a str {
    let start = text.find(from).unwrap_or_else(|| panic!("{from:?} not in the text"));
    let end = text[start..].find(to).map_or(text.len(), |i| start + i);
    &text[start..end]
}

fn assert_order(text: &str, names: &[&str]) {
    let flat = squash(text);
    let mut last = 0;
    for name in names {
        let needle = squash(name);
        let pos = flat[last..].find(&needle).unwrap_or_else(|| panic!("{name:?} missing or out of order in:\n{text}"));
        last += pos + needle.len();
    }
}

#[test]
fn renders_a_pdf() {
    let f = Fixture::new("");
    let pdf = f.render(2027);
    assert!(pdf.bytes.starts_with(b"%PDF-"));
    assert!(pdf.pages >= 8, "only {} pages", pdf.pages);
    // PDF/A-2b and PDF/UA-1 identification in the XMP metadata.
    let bytes = String::from_utf8_lossy(&pdf.bytes);
    assert!(bytes.contains("pdfaid:part"), "no PDF/A identification");
    assert!(bytes.contains("pdfuaid:part"), "no PDF/UA identification");
}

#[test]
fn groups_in_topic_order() {
    if !have_pdftotext() {
        return;
    }
    let pdf = Fixture::new("arrangement = \"topics\"").render(2027);
    let text = pdf_text(&pdf.bytes, None);
    let groups = between(&text, "Die Gruppen sind nach Themenbereichen", "Selbsthilfeorganisationen und Verbände");
    // Categories in German order, topics in German order, each group under
    // its primary topic; its other topic points to it.
    assert_order(
        groups,
        &[
            "Chronische Erkrankungen",
            "Adipositas",
            "Adipositas Mitte",
            "Diabetes",
            "Diabetes Nord",
            "→ Adipositas Mitte, S.",
            "Psychische Erkrankungen",
            "Ängste",
            "Ängste Süd",
            "Experimentiergruppe",
            "Sucht",
            "Anonyme Alkoholiker",
            "Vertrauliche Gruppe",
        ],
    );
    assert_eq!(squash(groups).matches("DiabetesNord").count(), 1, "a group stands only once");
    // Meeting sentence from the model, step-free access, organisation.
    assert!(squash(groups).contains(&squash("jeden 2. Dienstag im Monat, 19:00–21:00 Uhr")));
    assert!(squash(groups).contains("stufenloszugänglich"));
    assert!(squash(groups).contains("LandesverbandDiabetes"));
    assert!(squash(groups).contains(&squash("Für Betroffene und Angehörige")));
}

#[test]
fn groups_in_alphabetical_order() {
    if !have_pdftotext() {
        return;
    }
    let pdf = Fixture::new("arrangement = \"a-z\"").render(2027);
    let text = pdf_text(&pdf.bytes, None);
    let groups = between(&text, "Die Gruppen stehen in alphabetischer Reihenfolge", "Selbsthilfeorganisationen und Verbände");
    assert_order(
        groups,
        &[
            "Adipositas Mitte",
            "Ängste Süd",
            "Anonyme Alkoholiker",
            "Diabetes Nord",
            "Experimentiergruppe",
            "Vertrauliche Gruppe",
        ],
    );
}

#[test]
fn content_is_printed_literally() {
    if !have_pdftotext() {
        return;
    }
    let pdf = Fixture::new("").render(2027);
    let text = squash(&pdf_text(&pdf.bytes, None));
    for literal in [
        "#read(\"/etc/passwd\")",
        "$a$",
        "<b>fett</b>",
        "@ref",
        "<label>",
        "#import\"x.typ\":*",
        "#settext(red)",
        "#strong[Mitte]$x^2$",
    ] {
        assert!(text.contains(&squash(literal)), "{literal:?} is not printed literally");
    }
    assert!(!text.contains("root:"), "a file was read");
}

#[test]
fn confidential_address_never_printed() {
    if !have_pdftotext() {
        return;
    }
    let pdf = Fixture::new("").render(2027);
    let text = pdf_text(&pdf.bytes, None);
    assert!(text.contains("Vertrauliche Gruppe"));
    assert!(!text.contains("Geheimweg"), "the confidential address is printed");
    assert!(!text.contains("Hinterzimmer"), "the confidential place is printed");
    assert!(squash(&text).contains(&squash("jeden Freitag, 18:00 Uhr")), "the meeting time is printed");
}

#[test]
fn edition_rules() {
    if !have_pdftotext() {
        return;
    }
    let f = Fixture::new("");
    let text = pdf_text(&f.render(2027).bytes, None);
    assert!(!text.contains("Zukunftsgruppe"), "a group founded after the year is printed");
    assert!(!text.contains("Nur im Netz"), "a group with print = false is printed");
    let text = pdf_text(&f.render(2030).bytes, None);
    assert!(text.contains("Zukunftsgruppe"), "a group founded in the year is missing");
    assert!(squash(&text).contains("Ausgabe2030"));
}

#[test]
fn same_input_same_bytes() {
    let f = Fixture::new("");
    let a = f.render(2027);
    let b = f.render(2027);
    assert!(a.bytes == b.bytes, "two renders differ");
    assert_eq!(a.pages, b.pages);
}

/// Every "S. N" and register/index page number points to a page that
/// really holds the entry.
#[test]
fn index_page_numbers_are_right() {
    if !have_pdftotext() {
        return;
    }
    let pdf = Fixture::new("").render(2027);
    let text = pdf_text(&pdf.bytes, None);
    assert!(text.contains("Register von A bis Z"));
    // Layout mode keeps each name and its page number on one line (two
    // columns of the register may share a line: take the first number
    // after the name).
    let layout = pdf_text(&pdf.bytes, Some((0, 0)));
    // "→" lines run on in reading order: read them from the plain text.
    let flat = squash(&text);
    let see_page = |start: &str, words: &str| -> usize {
        let from = flat.find(&squash(start)).unwrap_or_else(|| panic!("{start:?} not in the text"));
        let block = &flat[from..];
        let at = block.find(&squash(words)).unwrap_or_else(|| panic!("{words:?} not after {start:?}"));
        let digits: String = block[at + squash(words).len()..].chars().take_while(|c| c.is_ascii_digit()).collect();
        digits.parse().unwrap_or_else(|_| panic!("no page number after {words:?}"))
    };
    let page_of = |start: &str, name: &str| -> usize {
        let from = layout.find(start).unwrap_or_else(|| panic!("{start:?} not in the text"));
        let block = &layout[from..];
        let line = block.lines().find(|l| l.contains(name)).unwrap_or_else(|| panic!("no line {name:?} in:\n{block}"));
        let after = &line[line.find(name).map_or(0, |i| i + name.len())..];
        let digits: String =
            after.chars().skip_while(|c| !c.is_ascii_digit()).take_while(|c| c.is_ascii_digit()).collect();
        digits.parse().unwrap_or_else(|_| panic!("no page number after {name:?} in {line:?}"))
    };
    let register = "Alle Gruppen, Organisationen und Kontaktstellen mit der Seite";
    let index = "Themen und andere Wörter";
    let groups = "Die Gruppen sind nach Themenbereichen";
    let check = |page: usize, needle: &str| {
        let t = pdf_text(&pdf.bytes, Some((page, page)));
        assert!(squash(&t).contains(&squash(needle)), "page {page} does not hold {needle:?}:\n{t}");
    };
    for name in ["Diabetes Nord", "Ängste Süd", "Vertrauliche Gruppe", "Landesverband Diabetes", "KISS Teststadt"] {
        let n = page_of(register, name);
        check(n, name);
        assert!(n < pdf.pages);
    }
    // An alias points to its entry.
    let n = see_page(register, "AA Teststadt → siehe Anonyme Alkoholiker, S.");
    check(n, "Anonyme Alkoholiker");
    // The keyword index: topics and synonyms point to the topic's page.
    let n = see_page(index, "Zuckerkrankheit → Diabetes, S.");
    check(n, "Diabetes Nord");
    let n = see_page(index, "Abhängigkeit → Sucht, S.");
    check(n, "Anonyme Alkoholiker");
    // A cross reference under a secondary topic.
    let n = page_of(index, "Diabetes");
    check(n, "Diabetes Nord");
    let n = see_page(groups, "→ Adipositas Mitte, S.");
    check(n, "Adipositas Mitte");
}

#[test]
fn offset_print_and_bleed() {
    let f = Fixture::new("paper = \"a4\"\ncolor = \"cmyk\"\nbleed_mm = 3\ncrop_marks = true");
    let pdf = f.render(2027);
    let bytes = String::from_utf8_lossy(&pdf.bytes);
    assert!(!bytes.contains("pdfaid:part"), "CMYK output cannot be PDF/A");
    if Command::new("pdfinfo").arg("-v").output().is_ok() {
        let tmp = tempfile::tempdir().expect("temp dir");
        let file = tmp.path().join("w.pdf");
        std::fs::write(&file, &pdf.bytes).expect("write");
        let out = Command::new("pdfinfo").args(["-box", "-f", "1", "-l", "1"]).arg(&file).output().expect("pdfinfo");
        let info = String::from_utf8_lossy(&out.stdout);
        // A4 is 595.28 × 841.89 pt; the trim box lies inside a larger media box.
        let trim = info.lines().find(|l| l.starts_with("Page    1 TrimBox")).unwrap_or("");
        let media = info.lines().find(|l| l.starts_with("Page    1 MediaBox")).unwrap_or("");
        let nums = |l: &str| -> Vec<f64> { l.split_whitespace().filter_map(|w| w.parse().ok()).skip(1).collect() };
        let (t, m) = (nums(trim), nums(media));
        assert_eq!(t.len(), 4, "{info}");
        assert!((t[2] - t[0] - 595.28).abs() < 0.5, "trim width: {info}");
        assert!(m[2] - m[0] > t[2] - t[0] + 16.0, "no bleed and slug: {info}");
    }
}

#[test]
fn template_errors_are_reported_with_the_line() {
    let f = Fixture::new("");
    f.write("themes/default/print/wegweiser.typ", "#let data = json(\"/data.json\")\n\n#let x = (1, 2\n");
    let dir = f.directory();
    let mut diagnostics = Diagnostics::default();
    let theme = Theme::load(f.path(), "default", &mut diagnostics);
    let errors = match print::render(&dir.edition(2027), &theme) {
        Ok(_) => panic!("a broken template rendered"),
        Err(e) => e,
    };
    let all = errors.join("\n");
    assert!(all.contains("wegweiser.typ:3:"), "no location in: {all}");
    assert!(all.contains("#let x = (1, 2"), "no template line in: {all}");
}

#[test]
fn templates_cannot_read_files() {
    let f = Fixture::new("");
    f.write("themes/default/print/wegweiser.typ", "#read(\"/etc/passwd\")\n#read(\"../../../../etc/hostname\")\n");
    let dir = f.directory();
    let mut diagnostics = Diagnostics::default();
    let theme = Theme::load(f.path(), "default", &mut diagnostics);
    let errors = match print::render(&dir.edition(2027), &theme) {
        Ok(_) => panic!("a template read a file of the system"),
        Err(e) => e,
    };
    assert!(errors.join("\n").contains("not found"), "{errors:?}");
}

#[test]
fn images_and_unprintable_characters() {
    let f = Fixture::new("cover_image = \"images/cover.svg\"");
    f.write(
        "content/images/cover.svg",
        "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"40\" height=\"30\"><rect width=\"40\" height=\"30\" fill=\"#3a7\"/></svg>",
    );
    f.write(
        "content/pages/vorwort.md",
        "+++\ntitle = \"Vorwort\"\n+++\nEin Bild: ![Unser Treffpunkt](images/cover.svg)\n\nViel Freude 😀 und \u{e000}!\n",
    );
    let dir = f.directory();
    let (pdf, warnings) = match print::render_with_warnings(&dir.edition(2027), &Theme::built_in()) {
        Ok(x) => x,
        Err(e) => panic!("render failed:\n{}", e.join("\n")),
    };
    let all = warnings.join("\n");
    assert!(all.contains("U+1F600") && all.contains("U+E000"), "no warning about the emoji: {all}");
    // Still PDF/A: the characters no font has are replaced.
    assert!(String::from_utf8_lossy(&pdf.bytes).contains("pdfaid:part"), "not PDF/A: {all}");
    if have_pdftotext() {
        let text = pdf_text(&pdf.bytes, None);
        assert!(text.contains("Viel Freude ? und ?!"), "{text}");
    }
}

#[test]
fn deep_and_long_markdown_renders() {
    let f = Fixture::new("");
    let deep_quote = format!("{}ganz tief", "> ".repeat(120));
    let deep_list: String = (0..60).map(|i| format!("{}- Ebene {i}\n", "  ".repeat(i))).collect();
    let emphasis = format!("{}mitten{}", "*_".repeat(40), "_*".repeat(40));
    let long: String = (0..60).map(|i| format!("Absatz {i}: Wir treffen uns regelmäßig und sprechen über alles, was uns bewegt.\n\n")).collect();
    f.write(
        "content/groups/tiefe-gruppe.md",
        &group("Tiefe Gruppe", "[\"sucht\"]", "", &format!("{deep_quote}\n\n{deep_list}\n{emphasis}\n\n{long}")),
    );
    let pdf = f.render(2027);
    if have_pdftotext() {
        let text = squash(&pdf_text(&pdf.bytes, None));
        for needle in ["ganztief", "Ebene59", "mitten", "Absatz59:"] {
            assert!(text.contains(needle), "{needle:?} missing");
        }
    }
}

#[test]
fn empty_directory_renders() {
    let f = Fixture { dir: tempfile::tempdir().expect("temp dir") };
    f.write("wegweiser.toml", &settings(""));
    f.write("content/indications.toml", INDICATIONS);
    let pdf = f.render(2027);
    assert!(pdf.pages >= 3, "cover, imprint and contents expected, got {} pages", pdf.pages);
}

/// Compile time of a synthetic edition of 1,000 groups (24 topics in 8
/// categories, a third with a second topic, half with direct contact).
/// Run with `cargo test --test print -- --ignored --nocapture`.
#[test]
#[ignore = "timing; run on demand"]
fn thousand_groups_timing() {
    let f = Fixture { dir: tempfile::tempdir().expect("temp dir") };
    f.write("wegweiser.toml", &settings("arrangement = \"topics\""));
    let cats = ["Chronische Erkrankungen", "Psychische Erkrankungen", "Sucht", "Behinderungen", "Soziales", "Familie", "Krebs", "Seltene Erkrankungen"];
    let topics = [
        "Diabetes", "Adipositas", "Ängste", "Depression", "Alkohol", "Glücksspiel", "Rheuma", "Multiple Sklerose",
        "Trauer", "Pflegende Angehörige", "Brustkrebs", "Prostatakrebs", "Zöliakie", "Morbus Crohn", "Schlaganfall",
        "Tinnitus", "Borderline", "Essstörungen", "Autismus", "ADHS", "Alleinerziehende", "Einsamkeit", "Parkinson",
        "Epilepsie",
    ];
    let mut ind = String::new();
    for (i, t) in topics.iter().enumerate() {
        ind.push_str(&format!("[t{i}]\nname = \"{t}\"\ncategory = \"{}\"\nsynonyms = [\"{t}-Synonym\"]\n\n", cats[i % cats.len()]));
    }
    f.write("content/indications.toml", &ind);
    let words = ["Nord", "Süd", "Mitte", "West", "Ost", "Altstadt", "Hafen", "Bergheim", "Zentrum", "Jung", "Frauen", "Eltern"];
    for i in 0..1000 {
        let (t, t2) = (i % topics.len(), (i * 7 + 3) % topics.len());
        let inds = if i % 3 == 0 && t != t2 { format!("[\"t{t}\", \"t{t2}\"]") } else { format!("[\"t{t}\"]") };
        let meeting = format!(
            "[[meetings]]\nrhythm = \"monthly\"\nweekday = \"tuesday\"\nweeks = [{}]\nstart = \"19:00\"\nend = \"21:00\"\nplace = \"Selbsthilfetreff, Raum {}\"\naddress = \"Hauptstraße {}, 12345 Teststadt\"\naccessible = {}\n",
            1 + i % 4,
            i % 5,
            i % 90,
            i % 2 == 0
        );
        let contact = if i % 2 == 0 {
            format!("[contact]\nperson = \"Frau M.\"\nphone = \"01234 98{i:04}\"\nemail = \"gruppe{i}@example.org\"\nconsent = 2026-03-01\nwebsite = \"https://gruppe{i}.example\"\n")
        } else {
            String::new()
        };
        let body = "Wir treffen uns regelmäßig, um Erfahrungen auszutauschen und einander **Mut** zu machen. Neue Mitglieder sind *herzlich* willkommen.";
        f.write(
            &format!("content/groups/g{i}.md"),
            &group(&format!("{} {} {i}", topics[t], words[i % words.len()]), &inds, &format!("district = \"{}\"\nsince = 2011\n{meeting}{contact}", words[i % words.len()]), body),
        );
    }
    let dir = f.directory();
    let edition = dir.edition(2027);
    let theme = Theme::built_in();
    let start = std::time::Instant::now();
    let pdf = print::render(&edition, &theme).unwrap_or_else(|e| panic!("{}", e.join("\n")));
    let took = start.elapsed();
    eprintln!("1000 groups: {} pages, {} KB, {took:?}", pdf.pages, pdf.bytes.len() / 1024);
    assert!(took.as_secs() < 20, "far too slow: {took:?}");
}
