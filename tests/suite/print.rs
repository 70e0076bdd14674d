//! The print renderer on small fixture directories: order of the groups,
//! content printed literally, confidentiality, edition rules, identical
//! bytes, and index page numbers that point to the right pages.
//!
//! Text is extracted with `pdftotext` (poppler-utils); without it the
//! tests that need it say so and pass.

use std::path::Path;
use std::process::{Command, Output};

use wegweiser::diagnostics::{self, Diagnostics, Format, Lang, Sources};
use wegweiser::load::{self, Theme};
use wegweiser::model::Directory;
use wegweiser::render::print::{self, Pdf};
use wegweiser::validate;

/// The common indications, addiction with a synonym for the keyword index.
fn indications() -> String {
    format!(
        "{}synonyms = [\"Abhängigkeit\"]\n",
        crate::common::INDICATIONS
    )
}

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
        let f = Fixture {
            dir: tempfile::tempdir().expect("temp dir"),
        };
        f.write("wegweiser.toml", &settings(print));
        f.write("content/indications.toml", &indications());
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
            &group(
                "Adipositas Mitte",
                "[\"adipositas\", \"diabetes\"]",
                "",
                "Wir treffen uns im Zentrum.",
            ),
        );
        f.write(
            "content/groups/aengste-sued.md",
            &group("Ängste Süd", "[\"aengste\"]", "", "Mut machen."),
        );
        f.write(
            "content/groups/anonyme-alkoholiker.md",
            &group(
                "Anonyme Alkoholiker",
                "[\"sucht\"]",
                "aliases = [\"AA Teststadt\"]\n",
                "Nüchtern bleiben.",
            ),
        );
        f.write(
            "content/groups/vertrauliche-gruppe.md",
            &group(
                "Vertrauliche Gruppe",
                "[\"sucht\"]",
                SECRET_MEETING,
                "Nur über die Kontaktstelle.",
            ),
        );
        f.write(
            "content/groups/zukunft-diabetes.md",
            &group(
                "Zukunftsgruppe Diabetes",
                "[\"diabetes\"]",
                "since = 2030\n",
                "Erst ab 2030.",
            ),
        );
        f.write(
            "content/groups/nur-web.md",
            &group(
                "Nur im Netz",
                "[\"diabetes\"]",
                "print = false\n",
                "Nicht gedruckt.",
            ),
        );
        f.write(
            "content/groups/experimente.md",
            &group(
                "Experimentiergruppe",
                "[\"aengste\"]",
                "district = \"#strong[Mitte] $x^2$\"\n",
                INJECTION,
            ),
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
        assert!(
            !diagnostics.has_errors(),
            "fixture is invalid: {:#?}",
            diagnostics.iter().collect::<Vec<_>>()
        );
        dir.expect("a directory")
    }

    fn render(&self, year: i32) -> Pdf {
        let dir = self.directory();
        let edition = dir.edition(year);
        match print::render(&edition, &Theme::built_in()) {
            Ok(pdf) => pdf,
            Err(errors) => panic!("render failed:\n{}", problems_text(&errors)),
        }
    }
}

/// The problems of a render, one per line (with hints and trace).
fn problems_text(problems: &[print::PrintProblem]) -> String {
    problems
        .iter()
        .map(ToString::to_string)
        .collect::<Vec<_>>()
        .join("\n")
}

fn have_pdftotext() -> bool {
    let ok = Command::new("pdftotext").arg("-v").output().is_ok();
    if !ok {
        eprintln!(
            "SKIPPED: pdftotext (poppler-utils) is not installed; install it to run this test"
        );
    }
    ok
}

/// Text of the whole PDF, or of pages `first..=last`, or with `(0, 0)` of
/// the whole PDF in layout mode.
fn pdf_text(pdf: &[u8], pages: Option<(usize, usize)>) -> String {
    let range;
    let args: &[&str] = match pages {
        // (0, 0): the whole document in layout mode.
        Some((0, 0)) => &["-layout"],
        Some((f, l)) => {
            range = [f.to_string(), l.to_string()];
            &["-f", &range[0], "-l", &range[1]]
        }
        None => &[],
    };
    let out = run_on_pdf("pdftotext", args, pdf, &["-"]).expect("pdftotext runs");
    String::from_utf8_lossy(&out.stdout).into_owned()
}

/// Runs `tool ARGS FILE TAIL` on the PDF written to a temporary file and
/// asserts that it succeeds; `None` when the tool is not installed.
#[track_caller]
fn run_on_pdf(tool: &str, args: &[&str], pdf: &[u8], tail: &[&str]) -> Option<Output> {
    let tmp = tempfile::tempdir().expect("temp dir");
    let file = tmp.path().join("w.pdf");
    std::fs::write(&file, pdf).expect("write pdf");
    let out = Command::new(tool)
        .args(args)
        .arg(&file)
        .args(tail)
        .output()
        .ok()?;
    assert!(
        out.status.success(),
        "{tool} failed: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    Some(out)
}

/// The PDF uncompressed by qpdf (`--qdf`), `None` without qpdf.
fn qdf(pdf: &[u8]) -> Option<Vec<u8>> {
    let tmp = tempfile::tempdir().expect("temp dir");
    let plain = tmp.path().join("plain.pdf");
    run_on_pdf(
        "qpdf",
        &["--qdf", "--object-streams=disable"],
        pdf,
        &[plain.to_str().expect("utf-8")],
    )?;
    Some(std::fs::read(&plain).expect("read qdf"))
}

/// Text without any whitespace (line breaks may fall anywhere).
fn squash(s: &str) -> String {
    s.chars()
        .filter(|c| !c.is_whitespace() && *c != '\u{ad}')
        .collect()
}

/// The text of the 2027 booklet of `Fixture::new(print)`; `None` (the test
/// says it skips) without pdftotext.
fn booklet_text(print: &str) -> Option<String> {
    if !have_pdftotext() {
        return None;
    }
    let pdf = Fixture::new(print).render(2027);
    Some(pdf_text(&pdf.bytes, None))
}

fn between<'a>(text: &'a str, from: &str, to: &str) -> &'a str {
    let start = text
        .find(from)
        .unwrap_or_else(|| panic!("{from:?} not in the text"));
    let end = text[start..].find(to).map_or(text.len(), |i| start + i);
    &text[start..end]
}

fn assert_order(text: &str, names: &[&str]) {
    let flat = squash(text);
    let mut last = 0;
    for name in names {
        let needle = squash(name);
        let pos = flat[last..]
            .find(&needle)
            .unwrap_or_else(|| panic!("{name:?} missing or out of order in:\n{text}"));
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
    let Some(text) = booklet_text("arrangement = \"topics\"") else {
        return;
    };
    let groups = between(
        &text,
        "Die Gruppen sind nach Themenbereichen",
        "Selbsthilfeorganisationen und Verbände",
    );
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
    assert_eq!(
        squash(groups).matches("DiabetesNord").count(),
        1,
        "a group stands only once"
    );
    // "Siehe auch" in both directions: diabetes names adipositas, so
    // adipositas points back to diabetes.
    let adipositas = squash(between(groups, "Adipositas Mitte", "Diabetes Nord"));
    assert!(
        adipositas.contains("Sieheauch:→Diabetes,S."),
        "{adipositas}"
    );
    let diabetes = squash(between(groups, "Diabetes Nord", "Psychische Erkrankungen"));
    assert!(diabetes.contains("Sieheauch:→Adipositas,S."), "{diabetes}");
    // Meeting sentence from the model, step-free access, organisation.
    assert!(squash(groups).contains(&squash("jeden 2. Dienstag im Monat, 19:00–21:00 Uhr")));
    assert!(squash(groups).contains("stufenloszugänglich"));
    assert!(squash(groups).contains("LandesverbandDiabetes"));
    assert!(squash(groups).contains(&squash("Für Betroffene und Angehörige")));
}

#[test]
fn groups_in_alphabetical_order() {
    let Some(text) = booklet_text("arrangement = \"a-z\"") else {
        return;
    };
    let groups = between(
        &text,
        "Die Gruppen stehen in alphabetischer Reihenfolge",
        "Selbsthilfeorganisationen und Verbände",
    );
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
    let Some(text) = booklet_text("") else {
        return;
    };
    let text = squash(&text);
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
        assert!(
            text.contains(&squash(literal)),
            "{literal:?} is not printed literally"
        );
    }
    assert!(!text.contains("root:"), "a file was read");
}

#[test]
fn confidential_address_never_printed() {
    let Some(text) = booklet_text("") else {
        return;
    };
    assert!(text.contains("Vertrauliche Gruppe"));
    assert!(
        !text.contains("Geheimweg"),
        "the confidential address is printed"
    );
    assert!(
        !text.contains("Hinterzimmer"),
        "the confidential place is printed"
    );
    assert!(
        squash(&text).contains(&squash("jeden Freitag, 18:00 Uhr")),
        "the meeting time is printed"
    );
}

#[test]
fn edition_rules() {
    if !have_pdftotext() {
        return;
    }
    let f = Fixture::new("");
    let text = pdf_text(&f.render(2027).bytes, None);
    assert!(
        !text.contains("Zukunftsgruppe"),
        "a group founded after the year is printed"
    );
    assert!(
        !text.contains("Nur im Netz"),
        "a group with print = false is printed"
    );
    let text = pdf_text(&f.render(2030).bytes, None);
    assert!(
        text.contains("Zukunftsgruppe"),
        "a group founded in the year is missing"
    );
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
        let from = flat
            .find(&squash(start))
            .unwrap_or_else(|| panic!("{start:?} not in the text"));
        let block = &flat[from..];
        let at = block
            .find(&squash(words))
            .unwrap_or_else(|| panic!("{words:?} not after {start:?}"));
        let digits: String = block[at + squash(words).len()..]
            .chars()
            .take_while(|c| c.is_ascii_digit())
            .collect();
        digits
            .parse()
            .unwrap_or_else(|_| panic!("no page number after {words:?}"))
    };
    let page_of = |start: &str, name: &str| -> usize {
        let from = layout
            .find(start)
            .unwrap_or_else(|| panic!("{start:?} not in the text"));
        let block = &layout[from..];
        let line = block
            .lines()
            .find(|l| l.contains(name))
            .unwrap_or_else(|| panic!("no line {name:?} in:\n{block}"));
        let after = &line[line.find(name).map_or(0, |i| i + name.len())..];
        let digits: String = after
            .chars()
            .skip_while(|c| !c.is_ascii_digit())
            .take_while(|c| c.is_ascii_digit())
            .collect();
        digits
            .parse()
            .unwrap_or_else(|_| panic!("no page number after {name:?} in {line:?}"))
    };
    let register = "Alle Gruppen, Organisationen und Kontaktstellen mit der Seite";
    let index = "Themen und andere Wörter";
    let groups = "Die Gruppen sind nach Themenbereichen";
    let check = |page: usize, needle: &str| {
        let t = pdf_text(&pdf.bytes, Some((page, page)));
        assert!(
            squash(&t).contains(&squash(needle)),
            "page {page} does not hold {needle:?}:\n{t}"
        );
    };
    for name in [
        "Diabetes Nord",
        "Ängste Süd",
        "Vertrauliche Gruppe",
        "Landesverband Diabetes",
        "KISS Teststadt",
    ] {
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
    assert!(
        !bytes.contains("pdfaid:part"),
        "CMYK output cannot be PDF/A"
    );
    if Command::new("pdfinfo").arg("-v").output().is_ok() {
        let tmp = tempfile::tempdir().expect("temp dir");
        let file = tmp.path().join("w.pdf");
        std::fs::write(&file, &pdf.bytes).expect("write");
        let out = Command::new("pdfinfo")
            .args(["-box", "-f", "1", "-l", "1"])
            .arg(&file)
            .output()
            .expect("pdfinfo");
        let info = String::from_utf8_lossy(&out.stdout);
        // A4 is 595.28 × 841.89 pt; the trim box lies inside a larger media box.
        let trim = info
            .lines()
            .find(|l| l.starts_with("Page    1 TrimBox"))
            .unwrap_or("");
        let media = info
            .lines()
            .find(|l| l.starts_with("Page    1 MediaBox"))
            .unwrap_or("");
        let nums = |l: &str| -> Vec<f64> {
            l.split_whitespace()
                .filter_map(|w| w.parse().ok())
                .skip(1)
                .collect()
        };
        let (t, m) = (nums(trim), nums(media));
        assert_eq!(t.len(), 4, "{info}");
        assert!((t[2] - t[0] - 595.28).abs() < 0.5, "trim width: {info}");
        assert!(
            m[2] - m[0] > t[2] - t[0] + 16.0,
            "no bleed and slug: {info}"
        );
    }
}

/// The colour operators of each page's content streams (`rg`, `k`, `cs`,
/// …), as a print shop's preflight sees them: the PDF uncompressed by qpdf,
/// strings and dictionaries skipped. `None` without qpdf.
fn colour_operators(pdf: &[u8]) -> Option<Vec<Vec<String>>> {
    let raw = qdf(pdf)?;
    let marker: &[u8] = b"%% Contents for page ";
    let mut pages = Vec::new();
    let mut rest = &raw[..];
    while let Some(at) = rest.windows(marker.len()).position(|w| w == marker) {
        rest = &rest[at + marker.len()..];
        let start = rest
            .windows(7)
            .position(|w| w == b"stream\n")
            .expect("content stream")
            + 7;
        let end = rest
            .windows(9)
            .position(|w| w == b"endstream")
            .expect("end");
        pages.push(content_operators(&rest[start..end]));
    }
    Some(pages)
}

/// The colour-setting operators of one content stream, in order, each with
/// its operands ("0 0 0 1 k").
fn content_operators(stream: &[u8]) -> Vec<String> {
    const COLOUR: &[&str] = &[
        "rg", "RG", "k", "K", "g", "G", "cs", "CS", "sc", "SC", "scn", "SCN",
    ];
    let mut ops = Vec::new();
    let mut operands: Vec<String> = Vec::new();
    let mut i = 0;
    while i < stream.len() {
        let c = stream[i];
        if c == b'(' {
            // A literal string: nested parentheses, backslash escapes.
            let mut depth = 0;
            while i < stream.len() {
                match stream[i] {
                    b'\\' => i += 1,
                    b'(' => depth += 1,
                    b')' => {
                        depth -= 1;
                        if depth == 0 {
                            break;
                        }
                    }
                    _ => {}
                }
                i += 1;
            }
            i += 1;
            operands.clear();
        } else if c == b'<' || c == b'>' || c == b'[' || c == b']' {
            // Hex strings and dictionaries: their words are no operators.
            if c == b'<' && stream.get(i + 1) != Some(&b'<') {
                while i < stream.len() && stream[i] != b'>' {
                    i += 1;
                }
            }
            i += 1;
            operands.clear();
        } else if c.is_ascii_whitespace() {
            i += 1;
        } else {
            // A name (`/c0`, an operand), a number or an operator.
            let start = i;
            i += 1;
            while i < stream.len()
                && !stream[i].is_ascii_whitespace()
                && !b"()<>[]/".contains(&stream[i])
            {
                i += 1;
            }
            let word = String::from_utf8_lossy(&stream[start..i]).into_owned();
            if c == b'/' || word.parse::<f64>().is_ok() {
                operands.push(word);
            } else {
                if COLOUR.contains(&word.as_str()) {
                    operands.push(word);
                    ops.push(operands.join(" "));
                }
                operands.clear();
            }
        }
    }
    ops
}

#[test]
fn offset_print_has_no_rgb_colours() {
    let f = Fixture::new("color = \"cmyk\"");
    let pdf = f.render(2027);
    let Some(pages) = colour_operators(&pdf.bytes) else {
        eprintln!("SKIPPED: qpdf is not installed");
        return;
    };
    assert_eq!(pages.len(), pdf.pages);
    for (n, ops) in pages.iter().enumerate() {
        for op in ops {
            let name = op.rsplit(' ').next().unwrap_or("");
            assert!(
                name == "k" || name == "K",
                "page {}: {op:?} is not a CMYK colour (a preflight rejects RGB and ICC colours in an offset job)",
                n + 1
            );
        }
    }
    // The QR code on the back cover is drawn in CMYK black.
    let back = &pages[pages.len() - 1];
    assert!(
        back.iter().any(|op| op == "0 0 0 1 k"),
        "no CMYK black on the back cover: {back:?}"
    );
    // The same booklet in RGB keeps its QR code (the SVG, RGB black).
    let rgb = Fixture::new("").render(2027);
    if let Some(pages) = colour_operators(&rgb.bytes) {
        let back = &pages[pages.len() - 1];
        assert!(
            back.iter().any(|op| op.ends_with(" scn")),
            "the RGB booklet's QR code changed: {back:?}"
        );
    }
}

/// typst's problems in a print template as the directory's diagnostics,
/// in one format.
fn template_report(f: &Fixture, template: &str, format: Format) -> (Diagnostics, String) {
    f.write("themes/default/print/wegweiser.typ", template);
    let dir = f.directory();
    let mut diagnostics = Diagnostics::default();
    let theme = Theme::load(f.path(), "default", &mut diagnostics);
    let problems = match print::render_with_warnings(&dir.edition(2027), &theme) {
        Ok((_, warnings)) => warnings,
        Err(errors) => errors,
    };
    let mut sources = Sources::default();
    let found = wegweiser::project::print_diagnostics(&theme, problems, false, &mut sources);
    let mut out = Vec::new();
    diagnostics::render(&found, &sources, Lang::De, format, false, &mut out).unwrap();
    (found, String::from_utf8(out).unwrap())
}

#[test]
fn template_errors_are_reported_with_the_line() {
    let f = Fixture::new("");
    let (found, human) = template_report(
        &f,
        "#let data = json(\"/data.json\")\n\n#let x = (1, 2\n",
        Format::Human,
    );
    assert_eq!(found.error_count(), 1, "{human}");
    assert!(
        human.contains("themes/default/print/wegweiser.typ:3:10: typst meldet in der Druckvorlage: unclosed delimiter"),
        "no location in: {human}"
    );
    // The directory's own template: its line is shown and underlined.
    assert!(
        human.contains("3 │ #let x = (1, 2\n  │          ^"),
        "no template line in: {human}"
    );
}

#[test]
fn template_errors_carry_typsts_hints_in_every_format() {
    let f = Fixture::new("");
    let template = "#let data = json(\"/data.json\")\n#let a = 1\n#let b = 2\n#(a-b)\n";
    let hint = "if you meant to use subtraction, try adding spaces around the minus sign: `a - b`";
    let (found, human) = template_report(&f, template, Format::Human);
    assert_eq!(found.error_count(), 1, "{human}");
    assert!(
        human.contains("error[print-template]: ") && human.contains("themes/default/print/wegweiser.typ:4:3: typst meldet in der Druckvorlage: unknown variable: a-b"),
        "{human}"
    );
    assert!(human.contains("4 │ #(a-b)\n  │   ^^^"), "{human}");
    assert!(
        human.contains(&format!("= Hinweis von typst: {hint}")),
        "{human}"
    );

    let (_, json) = template_report(&f, template, Format::Json);
    let list: serde_json::Value = serde_json::from_str(&json).unwrap();
    let item = &list[0];
    assert!(
        item["file"]
            .as_str()
            .unwrap()
            .ends_with("themes/default/print/wegweiser.typ"),
        "{json}"
    );
    assert_eq!(
        (item["line"].as_u64(), item["column"].as_u64()),
        (Some(4), Some(3)),
        "{json}"
    );
    assert_eq!(item["severity"], "error", "{json}");
    assert_eq!(item["code"], "print-template", "{json}");
    assert_eq!(
        item["message"], "typst meldet in der Druckvorlage: unknown variable: a-b",
        "{json}"
    );
    assert_eq!(item["help"], format!("Hinweis von typst: {hint}"), "{json}");

    let (_, github) = template_report(&f, template, Format::Github);
    assert!(github.starts_with("::error file="), "{github}");
    assert!(
        github.contains("themes/default/print/wegweiser.typ,line=4,col=3,title=print-template::typst meldet in der Druckvorlage: unknown variable: a-b"),
        "{github}"
    );
}

#[test]
fn template_warnings_stay_warnings_and_calls_are_traced() {
    let f = Fixture::new("");
    // A font nobody has: typst warns and sets the text anyway.
    let (found, human) = template_report(
        &f,
        "#set document(title: \"T\")\n#text(font: \"Keine Schrift\")[Hallo]\n",
        Format::Human,
    );
    assert_eq!(
        (found.error_count(), found.warning_count()),
        (0, 1),
        "{human}"
    );
    assert!(
        human.contains("warning[print-template]: ")
            && human.contains("themes/default/print/wegweiser.typ:2:13: typst meldet in der Druckvorlage: unknown font family: keine schrift"),
        "{human}"
    );
    // An error inside a function: the call is named with its place.
    let (_, human) = template_report(
        &f,
        "#let data = json(\"/data.json\")\n#let f(x) = x.foo\n\n#f(1)\n",
        Format::Human,
    );
    assert!(human.contains("wegweiser.typ:2:15: typst meldet in der Druckvorlage: cannot access fields on type integer"), "{human}");
    assert!(human.contains("= while calling `f` ("), "{human}");
    assert!(human.contains("wegweiser.typ:4:2)"), "{human}");
}

#[test]
fn built_in_templates_are_named_by_the_built_in_path() {
    let (path, own) = Theme::built_in().shown_path("print/wegweiser.typ");
    assert_eq!(
        (path.as_str(), own),
        ("themes/default/print/wegweiser.typ", false)
    );
    let f = Fixture::new("");
    f.write("themes/default/print/sheets.typ", "#[x]\n");
    let mut diagnostics = Diagnostics::default();
    let theme = Theme::load(f.path(), "default", &mut diagnostics);
    let (path, own) = theme.shown_path("print/sheets.typ");
    assert!(
        own && path.ends_with("themes/default/print/sheets.typ"),
        "{path}"
    );
    assert!(!theme.shown_path("print/wegweiser.typ").1);
}

/// A problem in the built-in theme's template is named by the built-in
/// path and says so; the same problem from two variants is shown once.
#[test]
fn problems_in_the_built_in_template_say_where_it_is() {
    let theme = Theme::built_in();
    let text = theme.text("print/wegweiser.typ").unwrap();
    let start = text.find("#set").unwrap();
    let problem = print::PrintProblem {
        severity: wegweiser::diagnostics::Severity::Error,
        at: Some(print::problem::TemplateSpan {
            path: "print/wegweiser.typ".into(),
            range: start..start + 4,
        }),
        message: "expected content".into(),
        hints: vec!["try this".into()],
        trace: vec![],
        from_typst: true,
        catalogued: None,
    };
    let mut sources = Sources::default();
    let found = wegweiser::project::print_diagnostics(
        &theme,
        vec![problem.clone(), problem],
        false,
        &mut sources,
    );
    let mut out = Vec::new();
    diagnostics::render(&found, &sources, Lang::En, Format::Json, false, &mut out).unwrap();
    let list: serde_json::Value = serde_json::from_slice(&out).unwrap();
    assert_eq!(list.as_array().map(Vec::len), Some(1), "{list}");
    assert_eq!(
        list[0]["file"], "themes/default/print/wegweiser.typ",
        "{list}"
    );
    assert_eq!(
        list[0]["help"],
        "typst hint: try this\nThis is the built-in theme's template; a copy under themes/<name>/print/ replaces it.",
        "{list}"
    );
}

/// `print` in the directory: the problem where the user has the template.
#[test]
fn print_reports_the_template_where_the_user_has_it() {
    let root = crate::common::Root::new();
    root.write(
        "themes/default/print/wegweiser.typ",
        "#let data = json(\"/data.json\")\n#let a = 1\n#let b = 2\n#(a-b)\n",
    );
    let r = root.run(&["print", "--year", "2027"]);
    assert_eq!(r.code, 1, "{}", r.all());
    assert!(
        r.stderr.contains("error[print-template]: themes/default/print/wegweiser.typ:4:3: typst meldet in der Druckvorlage: unknown variable: a-b"),
        "{}",
        r.all()
    );
    assert!(
        r.stderr.contains("= Hinweis von typst: if you meant"),
        "{}",
        r.all()
    );
}

#[test]
fn templates_cannot_read_files() {
    let f = Fixture::new("");
    f.write(
        "themes/default/print/wegweiser.typ",
        "#read(\"/etc/passwd\")\n#read(\"../../../../etc/hostname\")\n",
    );
    let dir = f.directory();
    let mut diagnostics = Diagnostics::default();
    let theme = Theme::load(f.path(), "default", &mut diagnostics);
    let errors = match print::render(&dir.edition(2027), &theme) {
        Ok(_) => panic!("a template read a file of the system"),
        Err(e) => e,
    };
    assert!(problems_text(&errors).contains("not found"), "{errors:?}");
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
    let (pdf, warnings) = match print::render_with_warnings(&dir.edition(2027), &Theme::built_in())
    {
        Ok(x) => x,
        Err(e) => panic!("render failed:\n{}", problems_text(&e)),
    };
    let all = problems_text(&warnings);
    assert!(
        all.contains("U+1F600") && all.contains("U+E000"),
        "no warning about the emoji: {all}"
    );
    // Still PDF/A: the characters no font has are replaced.
    assert!(
        String::from_utf8_lossy(&pdf.bytes).contains("pdfaid:part"),
        "not PDF/A: {all}"
    );
    if have_pdftotext() {
        let text = pdf_text(&pdf.bytes, None);
        assert!(text.contains("Viel Freude ? und ?!"), "{text}");
    }
}

#[test]
fn deep_and_long_markdown_renders() {
    let f = Fixture::new("");
    let deep_quote = format!("{}ganz tief", "> ".repeat(120));
    let deep_list: String = (0..60)
        .map(|i| format!("{}- Ebene {i}\n", "  ".repeat(i)))
        .collect();
    let emphasis = format!("{}mitten{}", "*_".repeat(40), "_*".repeat(40));
    let long: String = (0..60).map(|i| format!("Absatz {i}: Wir treffen uns regelmäßig und sprechen über alles, was uns bewegt.\n\n")).collect();
    f.write(
        "content/groups/tiefe-gruppe.md",
        &group(
            "Tiefe Gruppe",
            "[\"sucht\"]",
            "",
            &format!("{deep_quote}\n\n{deep_list}\n{emphasis}\n\n{long}"),
        ),
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
    let f = Fixture {
        dir: tempfile::tempdir().expect("temp dir"),
    };
    f.write("wegweiser.toml", &settings(""));
    f.write("content/indications.toml", &indications());
    let pdf = f.render(2027);
    assert!(
        pdf.pages >= 3,
        "cover, imprint and contents expected, got {} pages",
        pdf.pages
    );
}

/// Compile time of a synthetic edition of 1,000 groups (24 topics in 8
/// categories, a third with a second topic, half with direct contact).
/// Run with `cargo test --test suite print:: -- --ignored --nocapture`.
#[test]
#[ignore = "timing; run on demand"]
fn thousand_groups_timing() {
    let f = Fixture {
        dir: tempfile::tempdir().expect("temp dir"),
    };
    f.write("wegweiser.toml", &settings("arrangement = \"topics\""));
    let cats = [
        "Chronische Erkrankungen",
        "Psychische Erkrankungen",
        "Sucht",
        "Behinderungen",
        "Soziales",
        "Familie",
        "Krebs",
        "Seltene Erkrankungen",
    ];
    let topics = [
        "Diabetes",
        "Adipositas",
        "Ängste",
        "Depression",
        "Alkohol",
        "Glücksspiel",
        "Rheuma",
        "Multiple Sklerose",
        "Trauer",
        "Pflegende Angehörige",
        "Brustkrebs",
        "Prostatakrebs",
        "Zöliakie",
        "Morbus Crohn",
        "Schlaganfall",
        "Tinnitus",
        "Borderline",
        "Essstörungen",
        "Autismus",
        "ADHS",
        "Alleinerziehende",
        "Einsamkeit",
        "Parkinson",
        "Epilepsie",
    ];
    let mut ind = String::new();
    for (i, t) in topics.iter().enumerate() {
        ind.push_str(&format!(
            "[t{i}]\nname = \"{t}\"\ncategory = \"{}\"\nsynonyms = [\"{t}-Synonym\"]\n\n",
            cats[i % cats.len()]
        ));
    }
    f.write("content/indications.toml", &ind);
    let words = [
        "Nord", "Süd", "Mitte", "West", "Ost", "Altstadt", "Hafen", "Bergheim", "Zentrum", "Jung",
        "Frauen", "Eltern",
    ];
    for i in 0..1000 {
        let (t, t2) = (i % topics.len(), (i * 7 + 3) % topics.len());
        let inds = if i % 3 == 0 && t != t2 {
            format!("[\"t{t}\", \"t{t2}\"]")
        } else {
            format!("[\"t{t}\"]")
        };
        let meeting = format!(
            "[[meetings]]\nrhythm = \"monthly\"\nweekday = \"tuesday\"\nweeks = [{}]\nstart = \"19:00\"\nend = \"21:00\"\nplace = \"Selbsthilfetreff, Raum {}\"\naddress = \"Hauptstraße {}, 12345 Teststadt\"\naccessible = {}\n",
            1 + i % 4,
            i % 5,
            i % 90,
            i % 2 == 0
        );
        let contact = if i % 2 == 0 {
            format!(
                "[contact]\nperson = \"Frau M.\"\nphone = \"01234 98{i:04}\"\nemail = \"gruppe{i}@example.org\"\nconsent = 2026-03-01\nwebsite = \"https://gruppe{i}.example\"\n"
            )
        } else {
            String::new()
        };
        let body = "Wir treffen uns regelmäßig, um Erfahrungen auszutauschen und einander **Mut** zu machen. Neue Mitglieder sind *herzlich* willkommen.";
        f.write(
            &format!("content/groups/g{i}.md"),
            &group(
                &format!("{} {} {i}", topics[t], words[i % words.len()]),
                &inds,
                &format!(
                    "district = \"{}\"\nsince = 2011\n{meeting}{contact}",
                    words[i % words.len()]
                ),
                body,
            ),
        );
    }
    let dir = f.directory();
    let edition = dir.edition(2027);
    let theme = Theme::built_in();
    let start = std::time::Instant::now();
    let pdf = print::render(&edition, &theme).unwrap_or_else(|e| panic!("{}", problems_text(&e)));
    let took = start.elapsed();
    eprintln!(
        "1000 groups: {} pages, {} KB, {took:?}",
        pdf.pages,
        pdf.bytes.len() / 1024
    );
    assert!(took.as_secs() < 20, "far too slow: {took:?}");
}

/// Number of pages as `pdfinfo` sees them (None without poppler-utils).
fn pdfinfo_pages(pdf: &[u8]) -> Option<usize> {
    let info = pdfinfo(pdf)?;
    let line = info
        .lines()
        .find(|l| l.starts_with("Pages:"))
        .unwrap_or_else(|| panic!("no page count: {info}"));
    Some(line["Pages:".len()..].trim().parse().expect("page count"))
}

#[test]
fn page_count_is_a_multiple_of_four() {
    // 0 to 3 extra free pages (each starts a page): every remainder of 4.
    let mut padded = false;
    let mut remainders = std::collections::BTreeSet::new();
    for extra in 0..4 {
        let name = format!("{extra} extra pages");
        let f = Fixture::new("");
        for i in 0..extra {
            f.write(
                &format!("content/pages/extra-{i}.md"),
                &format!(
                    "+++\ntitle = \"Extra {i}\"\nweight = {}\n+++\nText.\n",
                    i + 2
                ),
            );
        }
        let pdf = f.render(2027);
        if have_pdftotext() {
            let text = pdf_text(&pdf.bytes, None);
            remainders.insert(
                (text
                    .split('\u{c}')
                    .filter(|p| !p.contains("Notizen"))
                    .count()
                    - 1)
                    % 4,
            );
        }
        assert_eq!(pdf.pages % 4, 0, "{name}: {} pages", pdf.pages);
        assert!(
            String::from_utf8_lossy(&pdf.bytes).contains("pdfaid:part"),
            "{name}: the notes pages broke PDF/A"
        );
        if let Some(n) = pdfinfo_pages(&pdf.bytes) {
            assert_eq!(n, pdf.pages, "{name}");
            assert_eq!(n % 4, 0, "{name}: pdfinfo counts {n} pages");
        } else {
            eprintln!("SKIPPED: pdfinfo (poppler-utils) is not installed");
        }
        if have_pdftotext() {
            // The back cover comes last, the notes pages just before it.
            let last = pdf_text(&pdf.bytes, Some((pdf.pages, pdf.pages)));
            assert!(
                last.contains("Herausgeber und Kontakt"),
                "{name}: the last page is not the back cover: {last}"
            );
            let before = pdf_text(&pdf.bytes, Some((pdf.pages - 1, pdf.pages - 1)));
            padded |= before.contains("Notizen");
        }
    }
    if have_pdftotext() {
        assert!(
            padded,
            "no fixture needed notes pages; the test proves nothing"
        );
        assert!(
            remainders.len() >= 3,
            "the fixtures do not vary the page count enough: {remainders:?}"
        );
    }
}

#[test]
fn emit_typst_writes_templates_data_fonts_and_images() {
    let f = Fixture::new("cover_image = \"images/cover.jpg\"");
    std::fs::create_dir_all(f.path().join("content/images")).expect("mkdir");
    std::fs::copy(
        Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/cover.jpg"),
        f.path().join("content/images/cover.jpg"),
    )
    .expect("copy cover");
    f.write(
        "content/images/unused.svg",
        "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"1\" height=\"1\"/>",
    );
    let out = f.path().join("typst-out");
    let pdf = f.path().join("booklet.pdf");
    run_ok(
        f.path(),
        &[
            "print",
            "--year",
            "2027",
            "--out",
            pdf.to_str().expect("utf-8"),
            "--emit-typst",
            out.to_str().expect("utf-8"),
        ],
    );
    assert!(pdf.is_file(), "no PDF");
    for rel in [
        "wegweiser.typ",
        "data.json",
        "README.txt",
        "fonts/NotoSans-Regular.ttf",
        "fonts/OFL.txt",
        "content/images/cover.jpg",
    ] {
        let p = out.join(rel);
        assert!(
            p.is_file() && std::fs::metadata(&p).expect("meta").len() > 0,
            "{rel} not written"
        );
    }
    assert!(
        !out.join("content/images/unused.svg").exists(),
        "an unused image was written"
    );
    let main = std::fs::read_to_string(out.join("wegweiser.typ")).expect("template");
    assert_eq!(
        main,
        Theme::built_in()
            .text("print/wegweiser.typ")
            .expect("built-in template")
    );
    let data: serde_json::Value =
        serde_json::from_slice(&std::fs::read(out.join("data.json")).expect("data")).expect("json");
    assert_eq!(data["meta"]["cover_image"], "/content/images/cover.jpg");
    assert_eq!(data["meta"]["year"], 2027);
    let readme = std::fs::read_to_string(out.join("README.txt")).expect("readme");
    assert!(readme.contains("typst compile --root DIR"), "{readme}");
    // 2026-09-14, the newest `verified` date of the fixture, at midnight UTC.
    if std::env::var_os("SOURCE_DATE_EPOCH").is_none() {
        assert!(readme.contains("SECONDS = 1789344000 "), "{readme}");
    }
}

/// `pdfimages -list` of the pages `first..=last` (None without poppler-utils).
fn pdf_images(pdf: &[u8], first: usize, last: usize) -> Option<Vec<String>> {
    let (first, last) = (first.to_string(), last.to_string());
    let out = run_on_pdf("pdfimages", &["-list", "-f", &first, "-l", &last], pdf, &[])?;
    // Two header lines, then one line per image.
    Some(
        String::from_utf8_lossy(&out.stdout)
            .lines()
            .skip(2)
            .map(str::to_owned)
            .collect(),
    )
}

fn cover_fixture() -> Fixture {
    let f = Fixture::new("cover_image = \"images/cover.jpg\"\nbleed_mm = 3");
    std::fs::create_dir_all(f.path().join("content/images")).expect("mkdir");
    std::fs::copy(
        Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/cover.jpg"),
        f.path().join("content/images/cover.jpg"),
    )
    .expect("copy cover");
    f.write(
        "content/images/treffpunkt.svg",
        "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"40\" height=\"30\"><rect width=\"40\" height=\"30\" fill=\"#3a7\"/></svg>",
    );
    f.write(
        "content/pages/vorwort.md",
        "+++\ntitle = \"Vorwort\"\nweight = 1\n+++\nLiebe Leserinnen und Leser,\n\n![Unser Treffpunkt](images/treffpunkt.svg)\n",
    );
    f
}

#[test]
fn cover_image_is_on_the_cover() {
    let f = cover_fixture();
    let pdf = f.render(2027);
    assert!(
        String::from_utf8_lossy(&pdf.bytes).contains("pdfaid:part"),
        "the cover image broke PDF/A"
    );
    match pdf_images(&pdf.bytes, 1, 1) {
        Some(images) => {
            assert!(!images.is_empty(), "no image on the cover");
            assert!(
                images
                    .iter()
                    .any(|l| l.split_whitespace().nth(2) == Some("image")),
                "{images:?}"
            );
        }
        None => eprintln!("SKIPPED: pdfimages (poppler-utils) is not installed"),
    }
    // Without a cover image, the cover has none.
    let plain = Fixture::new("").render(2027);
    if let Some(images) = pdf_images(&plain.bytes, 1, 1) {
        assert!(images.is_empty(), "{images:?}");
    }
}

#[test]
fn cover_as_a_separate_pdf() {
    let f = cover_fixture();
    let booklet = f.path().join("booklet.pdf");
    let cover = f.path().join("umschlag.pdf");
    run_ok(
        f.path(),
        &[
            "print",
            "--year",
            "2027",
            "--out",
            booklet.to_str().expect("utf-8"),
            "--cover-pdf",
            cover.to_str().expect("utf-8"),
        ],
    );
    let bytes = std::fs::read(&cover).expect("cover written");
    let full = std::fs::read(&booklet).expect("booklet written");
    assert!(
        String::from_utf8_lossy(&bytes).contains("pdfaid:part"),
        "the cover is not PDF/A"
    );
    // The booklet still starts with the cover and stays a multiple of 4.
    if let (Some(n), Some(all)) = (pdfinfo_pages(&bytes), pdfinfo_pages(&full)) {
        assert_eq!(n, 1, "the cover PDF has {n} pages");
        assert_eq!(all % 4, 0, "{all}");
    }
    if let Some(images) = pdf_images(&bytes, 1, 1) {
        assert!(
            !images.is_empty(),
            "the cover image is missing from the cover PDF"
        );
    }
    if have_pdftotext() {
        let text = pdf_text(&bytes, None);
        assert!(
            text.contains("Ausgabe 2027") && text.contains("KISS Teststadt"),
            "{text}"
        );
        assert!(!text.contains("Impressum"), "more than the cover: {text}");
        assert_eq!(
            squash(&text),
            squash(&pdf_text(&full, Some((1, 1)))),
            "the cover differs from the booklet's first page"
        );
    }
    // Bleed as in the booklet: the trim box is A5 inside a larger media box.
    let out = Command::new("pdfinfo").arg("-box").arg(&cover).output();
    if let Ok(out) = out {
        let info = String::from_utf8_lossy(&out.stdout);
        let nums = |key: &str| -> Vec<f64> {
            let l = info.lines().find(|l| l.starts_with(key)).unwrap_or("");
            l.split_whitespace()
                .filter_map(|w| w.parse().ok())
                .collect()
        };
        let (t, m) = (nums("TrimBox:"), nums("MediaBox:"));
        assert_eq!(t.len(), 4, "{info}");
        assert!((t[2] - t[0] - 419.53).abs() < 0.5, "trim width: {info}");
        assert!(
            (m[2] - m[0] - (419.53 + 2.0 * 8.50)).abs() < 0.5,
            "3 mm bleed: {info}"
        );
    }
}

/// The trim box of the first page as (width, height) in points.
fn trim_size(pdf: &Path) -> Option<(f64, f64)> {
    let out = Command::new("pdfinfo").arg("-box").arg(pdf).output().ok()?;
    let info = String::from_utf8_lossy(&out.stdout).into_owned();
    let l = info.lines().find(|l| l.starts_with("TrimBox:"))?;
    let t: Vec<f64> = l
        .split_whitespace()
        .filter_map(|w| w.parse().ok())
        .collect();
    (t.len() == 4).then(|| (t[2] - t[0], t[3] - t[1]))
}

#[test]
fn the_cover_follows_the_variant() {
    let f = cover_fixture();
    let booklet = f.path().join("gross.pdf");
    let cover = f.path().join("umschlag-gross.pdf");
    run_ok(
        f.path(),
        &[
            "print",
            "--year",
            "2027",
            "--variant",
            "large",
            "--quiet",
            "--out",
            booklet.to_str().expect("utf-8"),
            "--cover-pdf",
            cover.to_str().expect("utf-8"),
        ],
    );
    let bytes = std::fs::read(&cover).expect("cover written");
    let full = std::fs::read(&booklet).expect("booklet written");
    // A4 (210 × 297 mm), like the large-print booklet, not the A5 cover.
    if let Some((w, h)) = trim_size(&cover) {
        assert!(
            (w - 595.28).abs() < 0.5 && (h - 841.89).abs() < 0.5,
            "the large print's cover is {w} × {h} pt, not A4"
        );
        assert_eq!(trim_size(&booklet), Some((w, h)));
    }
    if have_pdftotext() {
        let text = pdf_text(&bytes, None);
        assert!(text.contains("Großdruck"), "no large-print label: {text}");
        assert_eq!(
            squash(&text),
            squash(&pdf_text(&full, Some((1, 1)))),
            "the cover differs from the large print's first page"
        );
        // The standard cover has no such label.
        let dir = f.directory();
        let (standard, _) = print::render_cover(&dir.edition(2027), &Theme::built_in())
            .unwrap_or_else(|e| panic!("{}", problems_text(&e)));
        assert!(!pdf_text(&standard.bytes, None).contains("Großdruck"));
    }
}

/// What can be checked of PDF/A-2b + PDF/UA-1 without veraPDF (Maven
/// Central is out of reach here): qpdf's structure check (syntax, cross
/// references, every stream decodes), Ghostscript interpreting every page
/// with errors and warnings fatal, the PDF/A and PDF/UA identification in
/// the XMP metadata, the output intent, tagging, language and title
/// display, no encryption or JavaScript, every font embedded. Each tool
/// missing is said and skipped. Not checked: the rules only a validator
/// knows (colour spaces of every object, XMP/Info consistency in detail,
/// the structure tree's semantics).
fn check_pdfa(name: &str, pdf: &[u8], tagged: bool) -> usize {
    let tmp = tempfile::tempdir().expect("temp dir");
    let file = tmp.path().join("w.pdf");
    std::fs::write(&file, pdf).expect("write pdf");
    let mut checks = 0;
    match Command::new("qpdf").arg("--check").arg(&file).output() {
        Ok(out) => {
            let text = String::from_utf8_lossy(&out.stdout).into_owned()
                + &String::from_utf8_lossy(&out.stderr);
            assert!(
                out.status.success() && text.contains("No syntax or stream encoding errors"),
                "{name}: qpdf --check:\n{text}"
            );
            let plain = tmp.path().join("plain.pdf");
            let qdf = Command::new("qpdf")
                .args(["--qdf", "--object-streams=disable"])
                .arg(&file)
                .arg(&plain)
                .output()
                .expect("qpdf");
            assert!(qdf.status.success(), "{name}: qpdf --qdf failed");
            let raw = std::fs::read(&plain).expect("read qdf");
            let text = String::from_utf8_lossy(&raw);
            for needle in [
                "<pdfaid:part>2</pdfaid:part>",
                "<pdfaid:conformance>B</pdfaid:conformance>",
                "/OutputIntents",
                "/GTS_PDFA1",
            ] {
                assert!(text.contains(needle), "{name}: {needle} missing");
            }
            if tagged {
                for needle in [
                    "<pdfuaid:part>1<",
                    "/StructTreeRoot",
                    "/Marked true",
                    "/Lang (de",
                    "/DisplayDocTitle true",
                    "<dc:title>",
                ] {
                    assert!(text.contains(needle), "{name}: {needle} missing");
                }
            }
            for banned in ["/Encrypt", "/JavaScript", "/Launch"] {
                assert!(!text.contains(banned), "{name}: {banned} present");
            }
            checks += 1;
        }
        Err(_) => eprintln!("SKIPPED: qpdf is not installed (apt-get install qpdf)"),
    }
    match Command::new("gs")
        .args([
            "-q",
            "-dNOPAUSE",
            "-dBATCH",
            "-dSAFER",
            "-sDEVICE=nullpage",
            "-dPDFSTOPONERROR",
            "-dPDFSTOPONWARNING",
        ])
        .arg(&file)
        .output()
    {
        Ok(out) => {
            let err = String::from_utf8_lossy(&out.stderr).into_owned()
                + &String::from_utf8_lossy(&out.stdout);
            assert!(
                out.status.success() && err.trim().is_empty(),
                "{name}: Ghostscript:\n{err}"
            );
            checks += 1;
        }
        Err(_) => eprintln!("SKIPPED: Ghostscript is not installed (apt-get install ghostscript)"),
    }
    if let Ok(out) = Command::new("pdffonts").arg(&file).output() {
        let list = String::from_utf8_lossy(&out.stdout);
        for line in list.lines().skip(2) {
            // name type… encoding emb sub uni object ID: "emb" is the 5th field from the end.
            let fields: Vec<&str> = line.split_whitespace().collect();
            assert!(
                fields.len() >= 6 && fields[fields.len() - 5] == "yes",
                "{name}: font not embedded: {line}"
            );
        }
        checks += 1;
    }
    checks
}

#[test]
fn pdfa_checks_without_a_validator() {
    let booklet = Fixture::new("").render(2027);
    let cover = cover_fixture();
    let with_image = cover.render(2027);
    let mut checks = check_pdfa("booklet", &booklet.bytes, true);
    checks += check_pdfa(
        "booklet with cover image and bleed",
        &with_image.bytes,
        true,
    );
    let dir = cover.directory();
    let (alone, warnings) = print::render_cover(&dir.edition(2027), &Theme::built_in())
        .unwrap_or_else(|e| panic!("{}", problems_text(&e)));
    assert!(warnings.is_empty(), "{warnings:?}");
    // typst cannot tag a page range: the cover alone is PDF/A-2b only.
    checks += check_pdfa("cover alone", &alone.bytes, false);
    eprintln!("{checks} checks ran (qpdf, Ghostscript, pdffonts per PDF)");
}

#[test]
fn a_very_long_word_keeps_pdf_a() {
    let f = Fixture::new("");
    let word: String = "Selbsthilfe".chars().cycle().take(100_000).collect();
    f.write(
        "content/groups/lange-zeile.md",
        &group(
            "Lange Zeile",
            "[\"sucht\"]",
            "",
            &format!("Anfang {word} Ende\n\n```\n{}\n```\n", "x".repeat(40_000)),
        ),
    );
    let dir = f.directory();
    let (pdf, warnings) = print::render_with_warnings(&dir.edition(2027), &Theme::built_in())
        .unwrap_or_else(|e| panic!("{}", problems_text(&e)));
    assert!(
        !warnings
            .iter()
            .any(|w| w.message.contains("does not conform")),
        "{warnings:?}"
    );
    assert!(
        String::from_utf8_lossy(&pdf.bytes).contains("pdfaid:part"),
        "not PDF/A: {warnings:?}"
    );
    assert_eq!(pdf.pages % 4, 0);
    if have_pdftotext() {
        // Running heads and page numbers interrupt the word at page breaks:
        // count its pieces instead.
        let text: String = squash(&pdf_text(&pdf.bytes, None))
            .chars()
            .filter(|&c| c != '\u{200b}')
            .collect();
        let whole = 100_000 / "Selbsthilfe".len();
        assert!(
            text.matches("Selbsthilfe").count() >= whole,
            "the long word is not printed whole"
        );
        assert!(
            text.contains("AnfangSelbsthilfeSelbsthilfe")
                && text.contains("SelbsthilfeSelbsthilfEnde"),
            "ends of the word"
        );
        assert!(
            text.chars().filter(|&c| c == 'x').count() >= 40_000,
            "the long code line is not printed whole"
        );
    }
}

/// What the typst CLI does with an `--emit-typst` folder: a world over the
/// real folder (root = the folder, fonts from `fonts/` plus typst's own).
mod folder_world {
    use std::path::PathBuf;

    use typst::diag::{FileError, FileResult};
    use typst::foundations::{Bytes, Datetime};
    use typst::syntax::{FileId, Source, VirtualRoot};
    use typst::text::{Font, FontBook};
    use typst::utils::LazyHash;
    use typst::{Library, LibraryExt, World};

    pub(super) struct FolderWorld {
        pub root: PathBuf,
        pub main: FileId,
        pub library: LazyHash<Library>,
        pub book: LazyHash<FontBook>,
        pub fonts: Vec<Font>,
    }

    impl FolderWorld {
        pub(super) fn new(root: PathBuf) -> FolderWorld {
            let mut fonts = Vec::new();
            for entry in std::fs::read_dir(root.join("fonts")).expect("fonts folder") {
                let path = entry.expect("entry").path();
                if path.extension().is_some_and(|e| e == "ttf" || e == "otf") {
                    fonts.extend(Font::iter(Bytes::new(std::fs::read(&path).expect("font"))));
                }
            }
            for data in typst_assets::fonts() {
                fonts.extend(Font::iter(Bytes::new(data)));
            }
            let main = wegweiser::render::print::world::file_id("/wegweiser.typ").expect("id");
            FolderWorld {
                root,
                main,
                library: LazyHash::new(Library::builder().build()),
                book: LazyHash::new(FontBook::from_fonts(&fonts)),
                fonts,
            }
        }

        fn read(&self, id: FileId) -> FileResult<Vec<u8>> {
            if !matches!(id.root(), VirtualRoot::Project) {
                return Err(FileError::AccessDenied);
            }
            let rel = id
                .vpath()
                .get_with_slash()
                .trim_start_matches('/')
                .to_owned();
            std::fs::read(self.root.join(&rel)).map_err(|_| FileError::NotFound(rel.into()))
        }
    }

    impl World for FolderWorld {
        fn library(&self) -> &LazyHash<Library> {
            &self.library
        }
        fn book(&self) -> &LazyHash<FontBook> {
            &self.book
        }
        fn main(&self) -> FileId {
            self.main
        }
        fn source(&self, id: FileId) -> FileResult<Source> {
            let text = String::from_utf8(self.read(id)?).map_err(|_| FileError::InvalidUtf8)?;
            Ok(Source::new(id, text))
        }
        fn file(&self, id: FileId) -> FileResult<Bytes> {
            self.read(id).map(Bytes::new)
        }
        fn font(&self, index: usize) -> Option<Font> {
            self.fonts.get(index).cloned()
        }
        fn today(&self, _: Option<typst::foundations::Duration>) -> Option<Datetime> {
            None
        }
    }
}

#[test]
fn emitted_folder_typesets_the_same_booklet() {
    let f = cover_fixture();
    let dir = f.directory();
    let edition = dir.edition(2027);
    let theme = Theme::built_in();
    let out = f.path().join("emitted");
    for (rel, bytes) in print::typst_files(&edition, &theme) {
        let p = out.join(rel);
        std::fs::create_dir_all(p.parent().expect("parent")).expect("mkdir");
        std::fs::write(p, bytes).expect("write");
    }
    assert!(
        out.join("content/images/treffpunkt.svg").is_file(),
        "the picture of the foreword is missing"
    );
    let world = folder_world::FolderWorld::new(out);
    let doc = typst::compile::<typst_layout::PagedDocument>(&world)
        .output
        .unwrap_or_else(|e| panic!("{e:?}"));
    let standards =
        typst_pdf::PdfStandards::new(&[typst_pdf::PdfStandard::A_2b, typst_pdf::PdfStandard::Ua_1])
            .expect("standards");
    let options = typst_pdf::PdfOptions {
        standards,
        timestamp: Some(typst_pdf::Timestamp::new_utc(
            typst::foundations::Datetime::from_ymd_hms(2026, 9, 14, 0, 0, 0).expect("date"),
        )),
        ..Default::default()
    };
    let bytes = typst_pdf::pdf(&doc, &options).unwrap_or_else(|e| panic!("{e:?}"));
    let ours = print::render(&edition, &theme).unwrap_or_else(|e| panic!("{}", problems_text(&e)));
    assert_eq!(doc.pages().len(), ours.pages, "page counts differ");
    if have_pdftotext() {
        assert_eq!(
            pdf_text(&bytes, None),
            pdf_text(&ours.bytes, None),
            "the texts differ"
        );
    }
    if let (Some(a), Some(b)) = (pdf_images(&bytes, 1, 1), pdf_images(&ours.bytes, 1, 1)) {
        assert_eq!(a.len(), b.len(), "cover images differ");
    }
}

/// PDF/A allows strings of at most 32,767 bytes: a title far longer than any
/// real one still gives a conforming PDF (the metadata holds it shortened,
/// the cover shows it whole).
#[test]
fn a_very_long_title_keeps_pdf_a() {
    let f = Fixture::new("");
    let long = "Selbsthilfe ".repeat(3000);
    f.write(
        "wegweiser.toml",
        &settings("").replace("Selbsthilfe-Wegweiser Teststadt", long.trim()),
    );
    let dir = f.directory();
    let edition = dir.edition(2027);
    let (pdf, warnings) =
        print::render_with_warnings(&edition, &Theme::built_in()).expect("renders");
    assert!(
        String::from_utf8_lossy(&pdf.bytes).contains("pdfaid:part"),
        "no PDF/A: {warnings:?}"
    );
    assert!(
        !warnings
            .iter()
            .any(|w| w.message.contains("does not conform")),
        "{warnings:?}"
    );
}

/// typst lays the booklet out again until page numbers stop moving. The
/// template is built so that three passes suffice (references in boxes of
/// fixed width, a table of contents from the data, padding pages that ask
/// typst nothing); a fourth pass costs about a tenth more time. The passes
/// are counted in typst's own timing trace.
#[test]
fn the_sample_booklet_converges_in_three_passes() {
    let tmp = tempfile::tempdir().expect("temp dir");
    let trace = tmp.path().join("trace.json");
    let out = Command::new(env!("CARGO_BIN_EXE_wegweiser"))
        .args([
            "print",
            "--year",
            "2027",
            "--quiet",
            "--root",
            env!("CARGO_MANIFEST_DIR"),
            "--out",
        ])
        .arg(tmp.path().join("w.pdf"))
        .env(print::TRACE_VARIABLE, &trace)
        .output()
        .expect("run wegweiser");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let trace = std::fs::read_to_string(&trace).expect("trace written");
    let passes: std::collections::BTreeSet<&str> = trace
        .match_indices("\"iter (")
        .map(|(i, _)| &trace[i + 7..i + 8])
        .collect();
    assert_eq!(
        passes.into_iter().collect::<Vec<_>>(),
        ["1", "2", "3"],
        "typst passes"
    );
}

// ---------------------------------------------------------------- contract section 11

/// A group that publishes its own contact (person, phone, e-mail, website)
/// and meets at a named place.
const OWN_CONTACT: &str = "[contact]\nperson = \"Frau Kontaktperson\"\nphone = \"01234 998877\"\nemail = \"gruppe@kontakt.example\"\nconsent = 2026-01-10\nwebsite = \"https://eigene-gruppe.example\"\n";

fn rules_fixture(print: &str) -> Fixture {
    let f = Fixture::new(print);
    f.write(
        "content/groups/eigene-gruppe.md",
        &group(
            "Eigene Gruppe",
            "[\"sucht\"]",
            &format!("{MEETING}{OWN_CONTACT}"),
            "Wir sind direkt erreichbar.",
        ),
    );
    f
}

fn run_wegweiser(root: &Path, args: &[&str]) -> std::process::Output {
    Command::new(env!("CARGO_BIN_EXE_wegweiser"))
        .args(args)
        .arg("--root")
        .arg(root)
        .env_remove("SOURCE_DATE_EPOCH")
        .output()
        .expect("wegweiser runs")
}

/// [`run_wegweiser`] that must succeed (its stderr in the failure).
#[track_caller]
fn run_ok(root: &Path, args: &[&str]) -> std::process::Output {
    let out = run_wegweiser(root, args);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    out
}

#[test]
fn publication_rules_decide_what_the_booklet_prints() {
    if !have_pdftotext() {
        return;
    }
    let personal = [
        "Frau Kontaktperson",
        "998877",
        "gruppe@kontakt.example",
        "eigene-gruppe.example",
    ];
    let places = ["Selbsthilfetreff", "Hauptstraße 5"];
    // Default rules: everything the group consented to is printed.
    let all = squash(&pdf_text(&rules_fixture("").render(2027).bytes, None));
    for s in personal.iter().chain(&places) {
        assert!(
            all.contains(&squash(s)),
            "{s} missing under the default rules"
        );
    }
    assert!(
        !all.contains("TreffpunkteerfahrenSie") && !all.contains("KontaktzuallenGruppen"),
        "a rule note without a rule"
    );
    // Hamburg: no meeting places; contacts as usual.
    let hamburg = squash(&pdf_text(
        &rules_fixture("places = false").render(2027).bytes,
        None,
    ));
    for s in places {
        assert!(
            !hamburg.contains(&squash(s)),
            "{s} printed although places = false"
        );
    }
    for s in personal {
        assert!(
            hamburg.contains(&squash(s)),
            "{s} missing with places = false"
        );
    }
    assert!(
        hamburg.contains(&squash("Treffpunkte erfahren Sie über die Kontaktstelle.")),
        "imprint says nothing"
    );
    assert!(
        hamburg.contains(&squash("jeden 2. Dienstag im Monat")),
        "the meeting itself is still printed"
    );
    // München: only the contact point, no places either.
    let f = rules_fixture("places = false\ncontacts = \"contact-point\"");
    let muenchen_text = pdf_text(&f.render(2027).bytes, None);
    let muenchen = squash(&muenchen_text);
    for s in personal.iter().chain(&places) {
        assert!(
            !muenchen.contains(&squash(s)),
            "{s} printed although only the contact point is named"
        );
    }
    assert!(
        muenchen.contains(&squash("Kontakt zu allen Gruppen über die Kontaktstelle.")),
        "imprint says nothing"
    );
    // Every group names the contact point, with its phone.
    let groups = squash(between(
        &muenchen_text,
        "Die Gruppen sind nach Themenbereichen",
        "Selbsthilfeorganisationen und Verbände",
    ));
    assert!(
        groups.matches("überKISSTeststadt").count() >= 6,
        "contact point not named for each group:\n{muenchen_text}"
    );
    assert!(
        groups.contains("Tel.012345678-0"),
        "the contact point's phone is missing"
    );
    // The website is not affected by the print rules.
    run_ok(
        f.path(),
        &["build", "--year", "2027", "--only", "web", "--quiet"],
    );
    let page = std::fs::read_to_string(
        f.path()
            .join("output/site/gruppen/eigene-gruppe/index.html"),
    )
    .expect("group page");
    for s in [
        "Frau Kontaktperson",
        "01234 998877",
        "Selbsthilfetreff",
        "Hauptstraße 5",
    ] {
        assert!(page.contains(s), "{s} missing on the website");
    }
}

/// Step-free access belongs to the meeting place: where the place is
/// withheld (`places = false`), so is "(stufenlos zugänglich)", in both
/// variants; the sheets show the entry as the website publishes it (place
/// and access) and say what the booklet holds back.
#[test]
fn accessibility_is_withheld_with_the_place() {
    use wegweiser::model::PrintVariant;
    if !have_pdftotext() {
        return;
    }
    let access = squash("stufenlos zugänglich");
    let text_of = |f: &Fixture, variant: PrintVariant| {
        let dir = f.directory();
        let (pdf, _) = print::render_variant(&dir.edition(2027), &Theme::built_in(), variant)
            .unwrap_or_else(|e| panic!("{}", problems_text(&e)));
        squash(&pdf_text(&pdf.bytes, None))
    };
    let all = rules_fixture("");
    let hamburg = rules_fixture("places = false");
    for variant in [PrintVariant::Standard, PrintVariant::Large] {
        let shown = text_of(&all, variant);
        assert!(shown.contains(&squash("Selbsthilfetreff")) && shown.contains(&access));
        let withheld = text_of(&hamburg, variant);
        assert!(!withheld.contains(&squash("Selbsthilfetreff")));
        assert!(
            !withheld.contains(&access),
            "{variant:?}: step-free access printed although places = false"
        );
        assert!(withheld.contains(&squash("jeden 2. Dienstag im Monat")));
    }
    // The sheets: the website's data (place and access), and the print
    // line says that the booklet holds both back.
    let pdf = hamburg.path().join("round.pdf");
    run_ok(
        hamburg.path(),
        &[
            "sheets",
            "--year",
            "2027",
            "--entries",
            "eigene-gruppe",
            "--out",
            pdf.to_str().expect("utf-8"),
        ],
    );
    let sheet = squash(&pdf_text(&std::fs::read(&pdf).expect("pdf"), None));
    assert!(sheet.contains(&squash("Selbsthilfetreff, Raum 2")) && sheet.contains(&access));
    assert!(
        sheet.contains(&squash(
            "ohne Treffpunkte, Adressen und Angaben zur Zugänglichkeit"
        )),
        "{sheet}"
    );
}

/// Every font size set in the PDF's content streams (`… Tf` operators),
/// read from the uncompressed file qpdf writes; `None` without qpdf.
fn font_sizes(pdf: &[u8]) -> Option<Vec<f64>> {
    let raw = qdf(pdf)?;
    let text = String::from_utf8_lossy(&raw);
    let mut sizes = Vec::new();
    for line in text.lines() {
        let words: Vec<&str> = line.split_whitespace().collect();
        for (i, w) in words.iter().enumerate() {
            if *w == "Tf"
                && i >= 2
                && words[i - 2].contains('/')
                && let Ok(size) = words[i - 1].parse::<f64>()
            {
                sizes.push(size);
            }
        }
    }
    Some(sizes)
}

fn pdfinfo(pdf: &[u8]) -> Option<String> {
    let out = run_on_pdf("pdfinfo", &[], pdf, &[])?;
    Some(String::from_utf8_lossy(&out.stdout).into_owned())
}

#[test]
fn large_print_is_a4_with_text_of_at_least_14_pt() {
    use wegweiser::model::PrintVariant;
    let f = rules_fixture("");
    let dir = f.directory();
    let edition = dir.edition(2027);
    let (large, warnings) =
        print::render_variant(&edition, &Theme::built_in(), PrintVariant::Large)
            .unwrap_or_else(|e| panic!("{}", problems_text(&e)));
    assert!(
        !warnings
            .iter()
            .any(|w| w.message.contains("does not conform")),
        "{warnings:?}"
    );
    let standard = print::render(&edition, &Theme::built_in()).expect("standard booklet");
    assert!(
        large.pages >= standard.pages,
        "large print has {} pages, the standard {}",
        large.pages,
        standard.pages
    );
    assert_eq!(large.pages % 4, 0);
    assert_ne!(large.bytes, standard.bytes);
    if let Some(info) = pdfinfo(&large.bytes) {
        assert!(
            info.contains("595.276 x 841.89 pts (A4)") || info.contains("595.28 x 841.89 pts (A4)"),
            "not A4:\n{info}"
        );
        assert!(info.contains("Tagged:          yes"), "not tagged:\n{info}");
    } else {
        eprintln!("SKIPPED: pdfinfo (poppler-utils) is not installed");
    }
    match (font_sizes(&large.bytes), font_sizes(&standard.bytes)) {
        (Some(large_sizes), Some(standard_sizes)) => {
            assert!(
                large_sizes.len() > 50,
                "only {} font settings found",
                large_sizes.len()
            );
            let smallest = large_sizes.iter().copied().fold(f64::MAX, f64::min);
            assert!(smallest >= 13.99, "text of {smallest} pt in large print");
            // The measurement finds the standard booklet's small text.
            assert!(
                standard_sizes.iter().any(|&s| s < 10.0),
                "the measurement sees no small text"
            );
        }
        _ => eprintln!("SKIPPED: qpdf is not installed (apt-get install qpdf)"),
    }
    // The sample directory in large print: still a multiple of 4 pages
    // (the "Notizen" pages fit their page).
    let sample = {
        let mut sources = Sources::default();
        let mut diagnostics = Diagnostics::default();
        let raw = load::load(
            Path::new(env!("CARGO_MANIFEST_DIR")),
            &mut sources,
            &mut diagnostics,
        );
        validate::validate(raw, &mut diagnostics).expect("the sample directory")
    };
    let (sample_large, _) = print::render_variant(
        &sample.edition(2027),
        &Theme::built_in(),
        PrintVariant::Large,
    )
    .unwrap_or_else(|e| panic!("{}", problems_text(&e)));
    assert_eq!(sample_large.pages % 4, 0, "{} pages", sample_large.pages);
    let checks = check_pdfa("large print", &large.bytes, true);
    eprintln!("{checks} PDF checks ran on the large print");
    if have_pdftotext() {
        let text = pdf_text(&large.bytes, None);
        // The same sections and indexes, and the same entries.
        assert_order(
            &text,
            &[
                "Großdruck",
                "Inhalt",
                "Selbsthilfegruppen",
                "Organisationen",
                "Kontaktstellen",
                "Register von A bis Z",
                "Stichwortverzeichnis",
            ],
        );
        let standard_text = squash(&pdf_text(&standard.bytes, None));
        for name in [
            "Eigene Gruppe",
            "Diabetes Nord",
            "Landesverband Diabetes",
            "AA Teststadt",
            "Zuckerkrankheit",
        ] {
            assert!(
                squash(&text).contains(&squash(name)) && standard_text.contains(&squash(name)),
                "{name}"
            );
        }
        // No hyphenation: no line ends in a hyphen inside a word.
        let hyphenated = text
            .lines()
            .filter(|l| l.trim_end().ends_with(['-', '\u{ad}']))
            .count();
        assert_eq!(hyphenated, 0, "hyphenated lines in large print:\n{text}");
    }
}

#[test]
fn the_booklet_has_a_qr_code_to_the_website() {
    let f = Fixture::new("");
    let pdf = f.render(2027);
    if have_pdftotext() {
        let back = pdf_text(&pdf.bytes, Some((pdf.pages, pdf.pages)));
        assert!(
            back.contains("Aktuelle Angaben im Internet") && back.contains("wegweiser.example"),
            "{back}"
        );
    }
    // The code is drawn as vector graphics with its alternative text (PDF/UA).
    let raw = String::from_utf8_lossy(&pdf.bytes);
    assert!(raw.contains("pdfuaid:part"), "no PDF/UA");
    let words = wegweiser::render::words::Words::built_in("de");
    let data: serde_json::Value = serde_json::to_value(print::data::build(
        &f.directory().edition(2027),
        wegweiser::model::PrintVariant::Standard,
        &words,
    ))
    .expect("data");
    assert_eq!(data["meta"]["qr"]["path"], "/qr.svg");
    assert_eq!(data["meta"]["qr"]["shown"], "wegweiser.example");
    let svg = String::from_utf8(print::qr::svg("https://wegweiser.example").expect("a code"))
        .expect("svg");
    assert!(svg.starts_with("<?xml") && svg.contains("<path"), "{svg}");
}

#[test]
fn build_writes_every_variant() {
    let f = Fixture::new("variants = [\"standard\", \"large\"]");
    run_ok(
        f.path(),
        &["build", "--year", "2027", "--only", "print", "--quiet"],
    );
    let standard =
        std::fs::read(f.path().join("output/print/wegweiser-2027.pdf")).expect("standard booklet");
    let large = std::fs::read(f.path().join("output/print/wegweiser-2027-grossdruck.pdf"))
        .expect("large print");
    assert_ne!(standard, large);
    // `print --variant large` writes the large print alone, under its name,
    // and leaves the standard booklet as it was.
    std::fs::remove_file(f.path().join("output/print/wegweiser-2027-grossdruck.pdf")).expect("rm");
    run_ok(
        f.path(),
        &["print", "--year", "2027", "--variant", "large", "--quiet"],
    );
    let again = std::fs::read(f.path().join("output/print/wegweiser-2027-grossdruck.pdf"))
        .expect("large print");
    assert_eq!(again, large, "same input, same bytes");
    assert_eq!(
        std::fs::read(f.path().join("output/print/wegweiser-2027.pdf")).expect("standard"),
        standard
    );
    // --emit-typst writes the data of the variant asked for.
    let emitted = f.path().join("emitted");
    run_ok(
        f.path(),
        &[
            "print",
            "--year",
            "2027",
            "--variant",
            "large",
            "--quiet",
            "--emit-typst",
            emitted.to_str().expect("utf-8"),
        ],
    );
    let data: serde_json::Value =
        serde_json::from_slice(&std::fs::read(emitted.join("data.json")).expect("data"))
            .expect("json");
    assert_eq!(data["meta"]["variant"], "large");
    assert!(emitted.join("qr.svg").is_file() && emitted.join("sheets.typ").is_file());
    let out = run_wegweiser(f.path(), &["print", "--year", "2027", "--variant", "huge"]);
    assert_eq!(out.status.code(), Some(2));
    // An unknown variant in the settings is a located problem.
    f.write("wegweiser.toml", &settings("variants = [\"gross\"]"));
    let out = run_wegweiser(f.path(), &["check"]);
    assert_eq!(
        out.status.code(),
        Some(1),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(
        String::from_utf8_lossy(&out.stderr).contains("wegweiser.toml:"),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
}

/// The fixture of the verification round: a second contact point with a
/// group, a print-only group, an ended one, one ended this year.
fn round_fixture() -> Fixture {
    let f = rules_fixture("");
    f.write(
        "content/contact-points/beratung-ost.md",
        "+++\nname = \"Beratungsstelle Ost\"\nverified = 2026-02-01\naddress = \"Ostring 3, 12345 Teststadt\"\nphone = \"01234 3333\"\n+++\nIm Osten.\n",
    );
    f.write(
        "content/groups/ost-gruppe.md",
        &group(
            "Zuhörer Ost",
            "[\"sucht\"]",
            "contact_point = \"beratung-ost\"\n",
            "Im Osten.",
        ),
    );
    f.write(
        "content/groups/nur-druck.md",
        &group(
            "Nur gedruckt",
            "[\"sucht\"]",
            "web = false\n",
            "Nur im Heft.",
        ),
    );
    f.write(
        "content/groups/alte-gruppe.md",
        &group("Alte Gruppe", "[\"sucht\"]", "", "Gibt es nicht mehr.").replace(
            "status = \"active\"",
            "status = \"ended\"\nended = 2026-06-30",
        ),
    );
    f.write(
        "content/groups/endet-bald.md",
        &group("Endet bald", "[\"sucht\"]", "", "Letztes Jahr.").replace(
            "status = \"active\"",
            "status = \"ended\"\nended = 2027-03-31",
        ),
    );
    f
}

#[test]
fn sheets_hold_every_live_entry_in_order() {
    let f = round_fixture();
    let pdf = f.path().join("round.pdf");
    let out = run_ok(
        f.path(),
        &[
            "sheets",
            "--year",
            "2027",
            "--out",
            pdf.to_str().expect("utf-8"),
        ],
    );
    let stderr = String::from_utf8_lossy(&out.stderr);
    // 2026-09-14 (newest `verified`) + 4 weeks.
    assert!(stderr.contains("12.10.2026"), "{stderr}");
    let bytes = std::fs::read(&pdf).expect("pdf");
    assert!(bytes.starts_with(b"%PDF-"));
    // Same input, same bytes.
    run_ok(
        f.path(),
        &[
            "sheets",
            "--year",
            "2027",
            "--out",
            pdf.to_str().expect("utf-8"),
        ],
    );
    assert_eq!(std::fs::read(&pdf).expect("pdf"), bytes, "two runs differ");
    let checks = check_pdfa("sheets", &bytes, true);
    eprintln!("{checks} PDF checks ran on the sheets");
    if !have_pdftotext() {
        return;
    }
    let text = pdf_text(&bytes, None);
    // Ordered by contact point (Beratungsstelle Ost, then KISS Teststadt),
    // then by name; web-only, print-only and this year's ended group too.
    let expected = [
        "Zuhörer Ost",
        "Adipositas Mitte",
        "Ängste Süd",
        "Anonyme Alkoholiker",
        "Beratungsstelle Ost",
        "Diabetes Nord",
        "Eigene Gruppe",
        "Endet bald",
        "Experimentiergruppe",
        "KISS Teststadt",
        "Landesverband Diabetes",
        "Nur gedruckt",
        "Nur im Netz",
        "Vertrauliche Gruppe",
        "Zukunftsgruppe Diabetes",
    ];
    let titles: Vec<String> = text
        .lines()
        .filter_map(|l| {
            l.split_once(": ")
                .filter(|(k, _)| k.starts_with("Selbsthilfe"))
                .map(|(_, n)| n.trim().to_owned())
        })
        .collect();
    assert_eq!(titles, expected, "sheets and their order:\n{text}");
    assert!(!text.contains("Alte Gruppe"), "an ended group got a sheet");
    // The letter: return address, reply-by date, reference, items, consent.
    let ost = between(&text, "Zurück an: Beratungsstelle Ost", "Vielen Dank");
    for s in [
        "Ostring 3",
        "Antwort bis: 12.10.2026",
        "Zeichen: ost-gruppe",
        "stimmt so",
        "Einwilligung",
        "Unterschrift",
    ] {
        assert!(ost.contains(s), "{s} missing from the sheet:\n{ost}");
    }
    let own = squash(between(
        &text,
        "Selbsthilfegruppe: Eigene Gruppe",
        "Vielen Dank",
    ));
    for s in [
        "Frau Kontaktperson",
        "01234 998877",
        "jeden 2. Dienstag im Monat, 19:00–21:00 Uhr",
        "Selbsthilfetreff, Raum 2",
        "Wir sind direkt erreichbar.",
    ] {
        assert!(
            own.contains(&squash(s)),
            "{s} missing from the sheet of Eigene Gruppe"
        );
    }
    assert!(
        text.contains("Zurück an: KISS Teststadt"),
        "publisher as return address"
    );
    // --reply-by in both spellings; --entries picks sheets.
    for date in ["31.03.2027", "2027-03-31"] {
        run_ok(
            f.path(),
            &[
                "sheets",
                "--year",
                "2027",
                "--reply-by",
                date,
                "--entries",
                "eigene-gruppe,ost-gruppe",
                "--out",
                pdf.to_str().expect("utf-8"),
            ],
        );
        let text = pdf_text(&std::fs::read(&pdf).expect("pdf"), None);
        assert!(text.contains("Antwort bis: 31.03.2027"), "{text}");
        assert_order(&text, &["Zuhörer Ost", "Eigene Gruppe"]);
        assert!(!text.contains("Diabetes Nord"), "an entry not asked for");
    }
    let out = run_wegweiser(
        f.path(),
        &["sheets", "--year", "2027", "--reply-by", "31.02.2027"],
    );
    assert_eq!(out.status.code(), Some(2));
    let out = run_wegweiser(
        f.path(),
        &["sheets", "--year", "2027", "--entries", "eigene-grupe"],
    );
    assert_eq!(out.status.code(), Some(2));
    assert!(
        String::from_utf8_lossy(&out.stderr).contains("eigene-gruppe"),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    // The default file, next to the booklet.
    run_ok(f.path(), &["sheets", "--year", "2027", "--quiet"]);
    assert!(
        f.path()
            .join("output/print/rueckmeldung-2027.pdf")
            .is_file()
    );
}

#[test]
fn stale_csv_names_the_page_of_each_sheet() {
    let f = round_fixture();
    f.write(
        "content/groups/lange-her.md",
        &group("Lange her", "[\"sucht\"]", "", "Alt.")
            .replace("verified = 2026-09-14", "verified = 2024-01-01"),
    );
    let out = run_ok(f.path(), &["stale", "--year", "2027", "--format", "csv"]);
    let csv = String::from_utf8_lossy(&out.stdout).into_owned();
    let mut lines = csv.lines();
    assert!(
        lines
            .next()
            .expect("header")
            .ends_with(",\"Seite im Rückmeldebogen\""),
        "{csv}"
    );
    let row = lines
        .find(|l| l.contains("Lange her"))
        .expect("the stale entry");
    let page: usize = row
        .rsplit(',')
        .next()
        .expect("page")
        .trim_matches('"')
        .parse()
        .expect("a page number");
    // That page of the sheets starts the entry's sheet.
    let pdf = f.path().join("round.pdf");
    let run = run_wegweiser(
        f.path(),
        &[
            "sheets",
            "--year",
            "2027",
            "--out",
            pdf.to_str().expect("utf-8"),
        ],
    );
    assert!(run.status.success());
    if have_pdftotext() {
        let text = pdf_text(&std::fs::read(&pdf).expect("pdf"), Some((page, page)));
        assert!(
            text.contains("Selbsthilfegruppe: Lange her"),
            "page {page}:\n{text}"
        );
    }
}
