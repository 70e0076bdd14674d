//! One vocabulary for web and print: the booklet and the sheets take every
//! word from the theme's `i18n/<language>.toml` (the templates write none
//! of their own), follow `language` (words, dates, meeting sentences,
//! language names, the PDF's `/Lang`), show a theme's override of one word,
//! and report a missing or mistyped word at its file and key.

use crate::common::*;

use wegweiser::load::Theme;
use wegweiser::render::words::Words;

/// A small directory: a group with a meeting, two languages and an
/// organisation, and a contact point; `language` as given.
fn root(language: &str) -> Root {
    let r = Root::new();
    r.write(
        "wegweiser.toml",
        &SETTINGS.replace("language = \"de\"", &format!("language = \"{language}\"")),
    );
    r.write(
        "content/groups/diabetes-nord.md",
        "+++\nname = \"Diabetes Nord\"\nindications = [\"diabetes\"]\naudience = [\"affected\", \"relatives\"]\nformat = \"hybrid\"\nstatus = \"founding\"\nverified = 2026-09-14\nlanguages = [\"de\", \"tr\"]\nsince = 2011\norganisation = \"landesverband\"\ncontact_point = \"kiss\"\n\n[[meetings]]\nrhythm = \"monthly\"\nweekday = \"tuesday\"\nweeks = [2]\nstart = \"19:00\"\nend = \"21:00\"\nplace = \"Treffpunkt Nord\"\naccessible = true\n\n[contact]\nphone = \"01234 998877\"\nconsent = 2026-01-02\n+++\nAustausch.\n",
    );
    r.write(
        "content/organisations/landesverband.md",
        "+++\nname = \"Landesverband Zucker\"\nlevel = \"state\"\nverified = 2026-05-01\nindications = [\"diabetes\"]\n+++\nBerät.\n",
    );
    r.write(
        "content/contact-points/kiss.md",
        "+++\nname = \"KISS Mitte\"\nverified = 2026-06-01\naddress = \"Marktplatz 1, 12345 Teststadt\"\n+++\nBerät auch.\n",
    );
    r
}

/// A German directory whose theme "eigen" has only its own word file
/// `themes/eigen/i18n/de.toml` with `words`.
fn with_own_words(words: &str) -> Root {
    let r = root("de");
    r.write(
        "wegweiser.toml",
        &format!("theme = \"eigen\"\n{}", SETTINGS),
    );
    r.write("themes/eigen/i18n/de.toml", words);
    r
}

/// Typesets the booklet of 2027 with the CLI; the PDF's bytes.
fn booklet(r: &Root) -> Vec<u8> {
    let run = r.run(&["print", "--year", "2027", "--out", "heft.pdf"]);
    assert_eq!(run.code, 0, "{}", run.all());
    std::fs::read(r.path().join("heft.pdf")).expect("pdf")
}

fn squash(s: &str) -> String {
    s.split_whitespace().collect()
}

/// The language of the PDF's catalogue (`/Lang`) and of its XMP metadata.
fn pdf_language(pdf: &[u8]) -> (bool, bool) {
    let raw = String::from_utf8_lossy(pdf);
    let lang = |code: &str| {
        raw.contains(&format!("/Lang ({code}")) || raw.contains(&format!("/Lang({code}"))
    };
    (lang("en"), lang("de"))
}

#[test]
fn an_english_booklet_speaks_english() {
    let r = root("en");
    let pdf = booklet(&r);
    let (en, de) = pdf_language(&pdf);
    assert!(en && !de, "the PDF's /Lang is not en");
    if !have("pdftotext") {
        eprintln!("SKIPPED the text checks: pdftotext is not installed");
        return;
    }
    std::fs::write(r.path().join("heft.pdf"), &pdf).unwrap();
    let text = pdf_text(&r.path().join("heft.pdf"), None);
    let flat = squash(&text);
    let en = Words::load(&Theme::built_in(), "en").unwrap();
    for s in [
        // The title names no "directory": the cover says which one.
        "Self-help directory 2027",
        "Contents",
        "Self-help groups",
        "Organisations",
        "Contact points",
        "Index from A to Z",
        "Keyword index",
        "Imprint",
        "Publisher and contact",
        "Last checked: 14 September 2026",
        // Meeting sentence, language names, the web's words for the facts.
        "every 2nd Tuesday of the month, 19:00–21:00",
        "Languages: German, Turkish",
        "For people affected and their relatives",
        "in person and online (hybrid)",
        "being founded",
        "Founded 2011",
        "state level",
        "(step-free access)",
        "Tel. 01234 998877",
        "Part of",
        "Contact point for 1 group in this directory",
    ] {
        assert!(flat.contains(&squash(s)), "{s:?} missing:\n{text}");
    }
    assert!(flat.contains(&squash(&en.booklet.disclaimer)), "{text}");
    // No German interface word (the content itself is German).
    let de = Words::load(&Theme::built_in(), "de").unwrap();
    for s in [
        &de.booklet.contents,
        &de.booklet.imprint,
        &de.booklet.register,
        &de.booklet.keyword_index,
        &de.booklet.publisher_contact,
        &de.booklet.cover_line,
        &de.booklet.disclaimer,
        &de.booklet.back_text,
        &de.booklet.groups_intro_topics,
        &de.kinds.group,
        &de.group.meetings_heading,
        &de.group.languages,
        &de.site.phone,
        &de.status.founding,
        &de.level.state,
        &"jeden 2. Dienstag".to_owned(),
        &"Stand:".to_owned(),
        &"14.09.2026".to_owned(),
    ] {
        assert!(!flat.contains(&squash(s)), "German {s:?} in:\n{text}");
    }
}

#[test]
fn a_german_booklet_keeps_its_words_and_language() {
    let r = root("de");
    let pdf = booklet(&r);
    let (en, de) = pdf_language(&pdf);
    assert!(de && !en, "the PDF's /Lang is not de");
    if !have("pdftotext") {
        return;
    }
    let text = pdf_text(&r.path().join("heft.pdf"), None);
    let flat = squash(&text);
    for s in [
        "Inhalt",
        "Selbsthilfegruppen",
        "Register von A bis Z",
        "Stichwortverzeichnis",
        "Impressum",
        "Stand: 14.09.2026",
        "jeden 2. Dienstag im Monat, 19:00–21:00 Uhr",
        "Sprachen: Deutsch, Türkisch",
        "Für Betroffene und Angehörige",
        // The web's words for status, format and level (unified).
        "in Gründung",
        "vor Ort und online (hybrid)",
        "auf Landesebene",
        "(stufenlos zugänglich)",
        "Tel. 01234 998877",
    ] {
        assert!(flat.contains(&squash(s)), "{s:?} missing:\n{text}");
    }
    assert!(!flat.contains("Contents") && !flat.contains("Languages"));
}

#[test]
fn a_theme_overrides_one_print_word() {
    let r = with_own_words("[booklet]\ncontents = \"Was steht wo\"\n");
    let pdf = booklet(&r);
    assert!(pdf.starts_with(b"%PDF-"));
    if !have("pdftotext") {
        return;
    }
    let text = pdf_text(&r.path().join("heft.pdf"), None);
    assert!(text.contains("Was steht wo"), "{text}");
    assert!(!text.contains("Inhalt"), "{text}");
    // Every other word stays the built-in one.
    assert!(text.contains("Stichwortverzeichnis"), "{text}");
}

#[test]
fn a_mistyped_word_is_reported_at_its_file_and_key() {
    let r = with_own_words("# Eigene Wörter\n[booklet]\nnotes = 3\n");
    let run = r.run(&["print", "--year", "2027", "--out", "heft.pdf"]);
    assert_eq!(run.code, 1, "{}", run.all());
    let out = run.all();
    assert!(
        out.contains("themes/eigen/i18n/de.toml:3:") && out.contains("`booklet.notes`"),
        "{out}"
    );
    // In the editor's language, with what to write where.
    assert!(
        out.contains("fehlt im Wörterbuch") && out.contains("`notes = \"…\"` unter `[booklet]`"),
        "{out}"
    );
    assert!(!r.path().join("heft.pdf").exists());
}

#[test]
fn english_sheets_speak_english() {
    let r = root("en");
    let run = r.run(&[
        "sheets",
        "--year",
        "2027",
        "--reply-by",
        "2026-10-12",
        "--out",
        "sheets.pdf",
    ]);
    assert_eq!(run.code, 0, "{}", run.all());
    let pdf = std::fs::read(r.path().join("sheets.pdf")).unwrap();
    let (en, de) = pdf_language(&pdf);
    assert!(en && !de, "the sheets' /Lang is not en");
    if !have("pdftotext") {
        return;
    }
    let text = squash(&pdf_text(&r.path().join("sheets.pdf"), None));
    for s in [
        "Please check your entry",
        "Reply by: 12 October 2026",
        "Self-help group: Diabetes Nord",
        "every 2nd Tuesday of the month",
        "German, Turkish",
        "Printed directory 2027: yes",
        "Website: yes",
        "Consent",
    ] {
        assert!(text.contains(&squash(s)), "{s:?} missing:\n{text}");
    }
    for s in [
        "Bitte prüfen",
        "Antwort bis",
        "Zeichen",
        "stimmt so",
        "Dienstag",
    ] {
        assert!(!text.contains(&squash(s)), "German {s:?} in:\n{text}");
    }
}

/// The string and markup literals of a typst file that hold letters
/// (escape sequences such as `\n` and `\u{a0}` removed), with their line.
fn literals_with_letters(source: &str) -> Vec<(usize, String)> {
    use typst::syntax::{LinkedNode, SyntaxKind};
    fn walk(node: LinkedNode<'_>, out: &mut Vec<(usize, String)>) {
        match node.kind() {
            SyntaxKind::Str | SyntaxKind::Text => {
                out.push((node.offset(), node.get().leaf_text().to_string()))
            }
            _ => node.children().for_each(|c| walk(c, out)),
        }
    }
    let root = typst::syntax::parse(source);
    let mut found = Vec::new();
    walk(LinkedNode::new(&root), &mut found);
    let mut out = Vec::new();
    for (at, lit) in found {
        let mut plain = String::new();
        let mut chars = lit.chars().peekable();
        while let Some(c) = chars.next() {
            if c == '\\' {
                // `\u{…}` or one escaped character.
                if chars.next() == Some('u') && chars.peek() == Some(&'{') {
                    for c in chars.by_ref() {
                        if c == '}' {
                            break;
                        }
                    }
                }
            } else {
                plain.push(c);
            }
        }
        if plain.chars().any(char::is_alphabetic) {
            let line = source[..at].matches('\n').count() + 1;
            out.push((line, plain.trim_matches('"').to_owned()));
        }
    }
    out
}

/// Literals the templates may hold: no words a reader sees, but fonts,
/// file paths, colours, values of typst's parameters, the data's codes and
/// the keys of positions.
fn allowed(lit: &str) -> bool {
    const NON_WORDS: &[&str] = &[
        // fonts and the data file
        "Noto Sans",
        "Libertinus Serif",
        "/data.json",
        // typst's parameter values
        "bold",
        "regular",
        "tabular",
        "a4",
        "a5",
        "cover",
        "footer",
        "mailto:",
        // the data's codes (variant, paper, arrangement) and a field the
        // template adds to it
        "large",
        "topics",
        "pages",
        // a key of the words (`t.filters.access_choice`)
        "step-free",
        // the Markdown tree's node kinds and fields (see `md`)
        "ul",
        "ol",
        "n",
        "s",
        "c",
        "p",
        "b",
        "i",
        "a",
        "br",
        "code",
        "h",
        "q",
        "pre",
        "hr",
        "img",
    ];
    NON_WORDS.contains(&lit)
        || lit.starts_with("wegweiser-")
        || (lit.starts_with('#') && lit[1..].chars().all(|c| c.is_ascii_hexdigit()))
}

#[test]
fn the_print_templates_write_no_words_of_their_own() {
    let theme = Theme::built_in();
    for path in ["print/wegweiser.typ", "print/sheets.typ"] {
        let source = theme.text(path).expect("template");
        let words: Vec<String> = literals_with_letters(source)
            .into_iter()
            .filter(|(_, lit)| !allowed(lit))
            .map(|(line, lit)| format!("{path}:{line}: {lit:?}"))
            .collect();
        assert!(
            words.is_empty(),
            "words written into the template (put them into i18n/de.toml and en.toml \
             and take them from `data.t`):\n{}",
            words.join("\n")
        );
    }
    // The scan sees words in strings and in markup, not in comments.
    let found =
        literals_with_letters("// Kommentar\n#let x = \"Inhalt\"\n[Impressum #x]\n#\"\\u{a0}\"");
    let found: Vec<&str> = found.iter().map(|(_, s)| s.as_str()).collect();
    assert_eq!(found, ["Inhalt", "Impressum"]);
}
