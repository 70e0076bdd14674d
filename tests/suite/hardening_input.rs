//! Hostile and broken input (issue 7): every case is either a located
//! error with exit code 1 and no (partial) output, or a correct build.
//! Never a panic, a hang, a file from outside the root, or content run as
//! code.

use crate::common::*;

use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::{Duration, Instant};

/// A panic of the binary shows up as this text on stderr (and exit 101).
fn assert_no_panic(r: &Run) {
    assert!(
        r.code == 0 || r.code == 1,
        "exit code {}:\n{}",
        r.code,
        r.all()
    );
    assert!(!r.stderr.contains("panicked"), "panic:\n{}", r.stderr);
}

/// Runs the binary with a time limit; a hang is a failure.
fn run_limited(cwd: &Path, args: &[&str], limit: Duration) -> Run {
    let mut child = Command::new(env!("CARGO_BIN_EXE_wegweiser"))
        .args(args)
        .current_dir(cwd)
        .env("NO_COLOR", "1")
        .env_remove("SOURCE_DATE_EPOCH")
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .expect("run wegweiser");
    // Read both pipes while waiting, or a child with much output blocks.
    let mut out_pipe = child.stdout.take().unwrap();
    let mut err_pipe = child.stderr.take().unwrap();
    let out_reader = std::thread::spawn(move || {
        let mut v = Vec::new();
        let _ = std::io::Read::read_to_end(&mut out_pipe, &mut v);
        v
    });
    let err_reader = std::thread::spawn(move || {
        let mut v = Vec::new();
        let _ = std::io::Read::read_to_end(&mut err_pipe, &mut v);
        v
    });
    let start = Instant::now();
    let status = loop {
        if let Some(status) = child.try_wait().unwrap() {
            break status;
        }
        if start.elapsed() > limit {
            let _ = child.kill();
            let _ = child.wait();
            panic!("wegweiser {args:?} did not finish within {limit:?}");
        }
        std::thread::sleep(Duration::from_millis(20));
    };
    Run {
        code: status.code().unwrap_or(-1),
        stdout: String::from_utf8_lossy(&out_reader.join().unwrap()).into_owned(),
        stderr: String::from_utf8_lossy(&err_reader.join().unwrap()).into_owned(),
    }
}

/// `build --only web` into `ROOT/out`; returns the run and the out folder.
fn build_web(root: &Root) -> (Run, PathBuf) {
    let r = run_limited(
        root.path(),
        &[
            "build", "--root", ".", "--out", "out", "--year", "2027", "--only", "web",
        ],
        Duration::from_secs(240),
    );
    assert_no_panic(&r);
    (r, root.path().join("out"))
}

/// A build that must fail: exit 1, the location named, and no output at all.
fn expect_failed_build(root: &Root, location: &str) -> Run {
    let (r, out) = build_web(root);
    assert_eq!(r.code, 1, "{}", r.all());
    assert!(
        r.stderr.contains(location),
        "expected `{location}` in:\n{}",
        r.stderr
    );
    assert!(!out.exists(), "a failed build must not write output");
    let leftovers: Vec<_> = std::fs::read_dir(root.path())
        .unwrap()
        .flatten()
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .filter(|n| n.contains("wegweiser-new") || n.contains("wegweiser-old"))
        .collect();
    assert!(leftovers.is_empty(), "staging left behind: {leftovers:?}");
    r
}

/// A build that must succeed; returns the site folder.
fn expect_build(root: &Root) -> PathBuf {
    let (r, out) = build_web(root);
    assert_eq!(r.code, 0, "{}", r.all());
    assert!(out.join(".wegweiser-output").is_file());
    out.join("site")
}

fn group_page(site: &Path, slug: &str) -> String {
    std::fs::read_to_string(site.join("gruppen").join(slug).join("index.html")).unwrap()
}

/// Every file of a tree as text (lossy), with its path.
fn all_text(dir: &Path) -> Vec<(String, String)> {
    snapshot(dir)
        .into_iter()
        .map(|(p, b)| (p, String::from_utf8_lossy(&b).into_owned()))
        .collect()
}

// ---------------------------------------------------------------------------
// Structure of a file

#[test]
fn empty_file_fails_located() {
    let root = Root::new();
    root.write("content/groups/leer.md", "");
    expect_failed_build(&root, "content/groups/leer.md:1:1");
}

#[test]
fn whitespace_only_file_fails_located() {
    let root = Root::new();
    root.write("content/groups/leer.md", " \r\n\t\n\n");
    expect_failed_build(&root, "content/groups/leer.md:1:1");
}

#[test]
fn unclosed_front_matter_fails_located() {
    let root = Root::new();
    root.write(
        "content/groups/offen.md",
        "+++\nname = \"X\"\nindications = [\"diabetes\"]\n",
    );
    expect_failed_build(&root, "content/groups/offen.md:1:1");
}

#[test]
fn single_fence_line_fails_located() {
    let root = Root::new();
    root.write("content/groups/zaun.md", "+++");
    expect_failed_build(&root, "content/groups/zaun.md:1:1");
}

#[test]
fn front_matter_only_builds() {
    let root = Root::new();
    let text = group("Nur Kopf", "");
    let text = &text[..text.find("+++\nBeschreibung").unwrap() + 3];
    root.write("content/groups/nur-kopf.md", text);
    let site = expect_build(&root);
    assert!(group_page(&site, "nur-kopf").contains("Nur Kopf"));
}

#[test]
fn empty_front_matter_fails_with_missing_fields() {
    let root = Root::new();
    root.write("content/groups/leer.md", "+++\n+++\nText\n");
    let r = expect_failed_build(&root, "content/groups/leer.md:1:1");
    assert!(r.stderr.contains("name"), "{}", r.stderr);
}

#[test]
fn binary_garbage_fails_located() {
    let root = Root::new();
    // Deterministic pseudo-random bytes, including NUL and invalid UTF-8.
    let mut x: u32 = 0x2545_f491;
    let bytes: Vec<u8> = (0..4096)
        .map(|_| {
            x ^= x << 13;
            x ^= x >> 17;
            x ^= x << 5;
            x as u8
        })
        .collect();
    root.write_bytes("content/groups/binaer.md", &bytes);
    let r = expect_failed_build(&root, "content/groups/binaer.md:");
    // Control characters of the garbage never reach the terminal raw.
    assert!(!r.stderr.contains('\u{1b}'), "escape character in messages");
}

#[test]
fn binary_garbage_after_valid_front_matter_fails_located() {
    let root = Root::new();
    let mut bytes = group("Binär", "").into_bytes();
    bytes.extend_from_slice(b"\x00\x01\x02\xff\xfe\x1b[31mrot\x07");
    root.write_bytes("content/groups/binaer.md", &bytes);
    let r = expect_failed_build(&root, "content/groups/binaer.md:");
    assert!(
        !r.stderr.contains('\u{1b}'),
        "escape character in messages:\n{:?}",
        r.stderr
    );
}

#[test]
fn nul_bytes_in_valid_utf8_do_not_crash() {
    let root = Root::new();
    root.write(
        "content/groups/nul.md",
        &group("Nul", "").replace("Beschreibung", "Be\0schreibung \u{7} \u{1b}[2J"),
    );
    let (r, _) = build_web(&root);
    assert_no_panic(&r);
}

#[test]
fn invalid_utf8_names_file_and_byte_offset() {
    let root = Root::new();
    let mut bytes = group("Café", "").into_bytes();
    let offset = bytes.len();
    bytes.extend_from_slice(b"\xC3\x28 kaputt\n");
    root.write_bytes("content/groups/utf.md", &bytes);
    let r = expect_failed_build(&root, "content/groups/utf.md:10:1");
    assert!(
        r.stderr.contains(&format!("{offset}")),
        "byte offset {offset} in:\n{}",
        r.stderr
    );
    assert!(r.stderr.contains("UTF-8"), "{}", r.stderr);
}

#[test]
fn invalid_utf8_in_settings_and_indications_is_located() {
    let root = Root::new();
    root.write_bytes(
        "wegweiser.toml",
        &[SETTINGS.as_bytes(), b"# \xff\n"].concat(),
    );
    root.write_bytes(
        "content/indications.toml",
        &[b"# \xfe\n".as_slice(), INDICATIONS.as_bytes()].concat(),
    );
    let r = expect_failed_build(&root, "wegweiser.toml:");
    assert!(
        r.stderr.contains("content/indications.toml:1:3"),
        "{}",
        r.stderr
    );
}

#[test]
fn bom_and_crlf_build_correctly() {
    let root = Root::new();
    let text = format!(
        "\u{feff}{}",
        group("Windows Gruppe", "district = \"Süd\"\n").replace('\n', "\r\n")
    );
    root.write("content/groups/windows.md", &text);
    root.write(
        "wegweiser.toml",
        &format!("\u{feff}{}", SETTINGS.replace('\n', "\r\n")),
    );
    root.write(
        "content/indications.toml",
        &format!("\u{feff}{}", INDICATIONS.replace('\n', "\r\n")),
    );
    let site = expect_build(&root);
    let page = group_page(&site, "windows");
    assert!(page.contains("Windows Gruppe"));
    assert!(page.contains("Beschreibung von Windows Gruppe."));
    assert!(
        !page.contains('\u{feff}') && !page.contains('\r'),
        "BOM or CR leaked into the page"
    );
}

#[test]
fn crlf_error_locations_are_right() {
    let root = Root::new();
    let text = group("X", "")
        .replace("\"active\"", "\"aktiv\"")
        .replace('\n', "\r\n");
    root.write("content/groups/x.md", &text);
    expect_failed_build(&root, "content/groups/x.md:6:10");
}

// ---------------------------------------------------------------------------
// Size

#[test]
fn ten_megabyte_description_builds() {
    let root = Root::new();
    let paragraph = "Wir treffen uns regelmäßig und sprechen über alles. ".repeat(20) + "\n\n";
    let body = paragraph.repeat(10_000_000 / paragraph.len() + 1);
    root.write(
        "content/groups/gross.md",
        &format!("{}{body}", group("Groß", "")),
    );
    let site = expect_build(&root);
    assert!(group_page(&site, "gross").len() > 10_000_000);
}

#[test]
fn ten_thousand_nested_block_quotes_build() {
    let root = Root::new();
    root.write(
        "content/groups/tief.md",
        &format!("{}{}ganz tief\n", group("Tief", ""), "> ".repeat(10_000)),
    );
    let site = expect_build(&root);
    assert!(group_page(&site, "tief").contains("ganz tief"));
}

#[test]
fn deeply_nested_lists_build() {
    let root = Root::new();
    // 10,000 list items, each a level deeper ("- - - … x" on one line) …
    let one_line = format!("{}x\n", "- ".repeat(10_000));
    // … and 1,000 levels by indentation.
    let indented: String = (0..1_000)
        .map(|i| format!("{}- ebene {i}\n", "  ".repeat(i)))
        .collect();
    root.write(
        "content/groups/listen.md",
        &format!("{}{one_line}\n\n{indented}", group("Listen", "")),
    );
    let site = expect_build(&root);
    assert!(group_page(&site, "listen").contains("ebene 999"));
}

#[test]
fn hundred_kilobyte_line_builds_web() {
    let root = Root::new();
    let line = "Selbsthilfe".repeat(100_000 / 11);
    root.write(
        "content/groups/zeile.md",
        &format!("{}{line}\n", group("Zeile", "")),
    );
    let site = expect_build(&root);
    assert!(group_page(&site, "zeile").contains(&line));
}

/// Was `PDF/A-2b error: a PDF string is longer than 32767 characters`;
/// the print renderer now falls back to a PDF without the PDF/A standard.
#[test]
fn hundred_kilobyte_line_builds_pdf() {
    let root = Root::new();
    let line = "Selbsthilfe".repeat(100_000 / 11);
    root.write(
        "content/groups/zeile.md",
        &format!("{}{line}\n", group("Zeile", "")),
    );
    let r = run_limited(
        root.path(),
        &["build", "--root", ".", "--out", "out", "--year", "2027"],
        Duration::from_secs(300),
    );
    assert_no_panic(&r);
    assert_eq!(r.code, 0, "{}", r.all());
    assert!(root.path().join("out/print/wegweiser-2027.pdf").is_file());
}

#[test]
fn hundred_kilobyte_toml_line_is_located() {
    let root = Root::new();
    let text = group("X", &format!("district = \"{}\n", "x".repeat(100_000)));
    root.write("content/groups/x.md", &text);
    expect_failed_build(&root, "content/groups/x.md:8:");
}

#[test]
fn five_thousand_files_in_one_folder() {
    let root = Root::new();
    for i in 0..5_000 {
        root.write(
            &format!("content/groups/gruppe-{i}.md"),
            &group(&format!("Gruppe {i}"), ""),
        );
    }
    // One broken file among them is found and located.
    root.write(
        "content/groups/gruppe-4711.md",
        &group("Kaputt", "").replace("in-person", "im-haus"),
    );
    let start = Instant::now();
    let r = run_limited(
        root.path(),
        &["check", "--root", "."],
        Duration::from_secs(120),
    );
    assert_no_panic(&r);
    assert_eq!(r.code, 1, "{}", r.all());
    assert!(
        r.stderr.contains("content/groups/gruppe-4711.md:5:10"),
        "{}",
        r.stderr
    );
    assert!(r.stderr.contains("1 Fehler"), "{}", r.stderr);
    root.write("content/groups/gruppe-4711.md", &group("Gruppe 4711", ""));
    let site = expect_build(&root);
    assert!(site.join("gruppen/gruppe-4999/index.html").is_file());
    assert!(
        start.elapsed() < Duration::from_secs(240),
        "took {:?}",
        start.elapsed()
    );
}

// ---------------------------------------------------------------------------
// Paths: symlinks, names, images

#[cfg(unix)]
#[test]
fn symlink_out_of_the_root_is_never_read_or_published() {
    let root = Root::new();
    let secret = tempfile::tempdir().unwrap();
    let secret_file = secret.path().join("geheim.md");
    // A valid entry outside the root: following the link would build it.
    std::fs::write(&secret_file, group("GEHEIMNIS-AUSSERHALB", "")).unwrap();
    std::os::unix::fs::symlink(&secret_file, root.path().join("content/groups/geheim.md")).unwrap();
    std::os::unix::fs::symlink("/etc/passwd", root.path().join("content/groups/passwd.md"))
        .unwrap();
    std::fs::create_dir_all(root.path().join("content/images")).unwrap();
    std::os::unix::fs::symlink("/etc/passwd", root.path().join("content/images/passwd.png"))
        .unwrap();
    std::os::unix::fs::symlink(secret.path(), root.path().join("content/images/ordner")).unwrap();
    std::fs::write(secret.path().join("bild.png"), b"GEHEIMNIS-BILD").unwrap();
    let r = expect_failed_build(&root, "content/groups/geheim.md:1:1");
    assert!(
        r.stderr.contains("content/groups/passwd.md:1:1"),
        "{}",
        r.stderr
    );
    // Not even the messages show a line of the files behind the links.
    assert!(
        !r.stderr.contains("GEHEIMNIS") && !r.stderr.contains("root:"),
        "outside file was read:\n{}",
        r.stderr
    );

    // Without the entry links, the image links are skipped silently and never published.
    std::fs::remove_file(root.path().join("content/groups/geheim.md")).unwrap();
    std::fs::remove_file(root.path().join("content/groups/passwd.md")).unwrap();
    let site = expect_build(&root);
    for (p, text) in all_text(site.parent().unwrap()) {
        assert!(
            !text.contains("GEHEIMNIS") && !text.contains("root:x:0"),
            "{p} holds an outside file"
        );
        assert!(
            !p.contains("passwd") && !p.contains("ordner"),
            "{p} published"
        );
    }
}

#[cfg(unix)]
#[test]
fn symlink_loops_fail_located_and_do_not_hang() {
    let root = Root::new();
    std::os::unix::fs::symlink(
        "schleife.md",
        root.path().join("content/groups/schleife.md"),
    )
    .unwrap();
    std::os::unix::fs::symlink("b.md", root.path().join("content/groups/a.md")).unwrap();
    std::os::unix::fs::symlink("a.md", root.path().join("content/groups/b.md")).unwrap();
    std::fs::create_dir_all(root.path().join("content/images/x")).unwrap();
    std::os::unix::fs::symlink("..", root.path().join("content/images/x/hoch")).unwrap();
    let r = expect_failed_build(&root, "content/groups/schleife.md:1:1");
    assert!(
        r.stderr.contains("content/groups/a.md:1:1")
            && r.stderr.contains("content/groups/b.md:1:1"),
        "{}",
        r.stderr
    );
}

#[cfg(unix)]
#[test]
fn fifo_and_directories_named_md_do_not_hang() {
    let root = Root::new();
    let fifo = root.path().join("content/groups/rohr.md");
    let ok = Command::new("mkfifo")
        .arg(&fifo)
        .status()
        .map(|s| s.success())
        .unwrap_or(false);
    std::fs::create_dir_all(root.path().join("content/groups/ordner.md")).unwrap();
    if ok {
        let r = run_limited(
            root.path(),
            &["check", "--root", "."],
            Duration::from_secs(30),
        );
        assert_no_panic(&r);
        assert_eq!(r.code, 1, "{}", r.all());
        assert!(
            r.stderr.contains("content/groups/rohr.md:1:1"),
            "{}",
            r.stderr
        );
    }
}

#[cfg(unix)]
#[test]
fn symlink_inside_the_root_is_fine() {
    let root = Root::new();
    root.write("content/vorlagen/echt.md", &group("Verlinkt", ""));
    std::os::unix::fs::symlink(
        "../vorlagen/echt.md",
        root.path().join("content/groups/verlinkt.md"),
    )
    .unwrap();
    let site = expect_build(&root);
    assert!(group_page(&site, "verlinkt").contains("Verlinkt"));
}

#[test]
fn file_names_that_are_not_slugs_fail_located() {
    for name in [
        "a..b.md",
        "mit leerzeichen.md",
        "Groß.md",
        "dіabetes.md", /* Cyrillic і */
        "a\u{200b}b.md",
        "-x.md",
        "x-.md",
    ] {
        let root = Root::new();
        root.write(&format!("content/groups/{name}"), &group("X", ""));
        let (r, out) = build_web(&root);
        assert_eq!(r.code, 1, "{name}: {}", r.all());
        assert!(
            r.stderr.contains(&format!("content/groups/{name}:1:1")),
            "{name}:\n{}",
            r.stderr
        );
        assert!(!out.exists());
    }
}

#[test]
fn ignored_names_are_ignored() {
    let root = Root::new();
    root.write("content/groups/.versteckt.md", "kaputt");
    root.write("content/groups/_entwurf.md", "kaputt");
    root.write("content/groups/notiz.txt", "kaputt");
    root.write("content/groups/x.md~", "kaputt");
    expect_build(&root);
}

#[test]
fn references_with_dot_dot_fail_located() {
    let root = Root::new();
    root.write(
        "content/groups/x.md",
        &group(
            "X",
            "organisation = \"../../etc/passwd\"\ncontact_point = \"..\"\n",
        ),
    );
    let r = expect_failed_build(&root, "content/groups/x.md:8:16");
    assert!(
        r.stderr.contains("content/groups/x.md:9:17"),
        "{}",
        r.stderr
    );
}

#[test]
fn theme_name_escaping_the_root_is_refused() {
    for theme in ["../../../etc", "/etc", "..", "default/../../x"] {
        let root = Root::new();
        root.write(
            "wegweiser.toml",
            &SETTINGS.replace(
                "language = \"de\"\n",
                &format!("language = \"de\"\ntheme = \"{theme}\"\n"),
            ),
        );
        let r = expect_failed_build(&root, "wegweiser.toml:4:9");
        assert!(!r.stderr.contains("root:x"), "{}", r.stderr);
    }
}

#[test]
fn image_references_escaping_the_root_fail_located() {
    for (i, target) in [
        "../../wegweiser.toml",
        "/etc/passwd",
        "images/../../wegweiser.toml",
        "file:///etc/passwd",
        "images/%2e%2e/%2e%2e/wegweiser.toml",
    ]
    .iter()
    .enumerate()
    {
        let root = Root::new();
        root.write("content/images/ok.png", "kein Bild");
        root.write(
            "content/groups/x.md",
            &format!("{}\nBild: ![x]({target})\n", group("X", "")),
        );
        let (r, out) = build_web(&root);
        if r.code == 0 {
            // Accepted only if nothing outside `content/` was published.
            for (p, text) in all_text(&out) {
                assert!(
                    !text.contains("KISS Teststadt\"\nphone") && !text.contains("root:x:0"),
                    "{i} {target}: {p} holds an outside file"
                );
            }
            let page = group_page(&out.join("site"), "x");
            assert!(
                !page.contains("src=\"/etc") && !page.contains("src=\"file:"),
                "{target}: {page}"
            );
        } else {
            assert_eq!(r.code, 1, "{target}: {}", r.all());
            assert!(
                r.stderr.contains("content/groups/x.md:11:"),
                "{target}:\n{}",
                r.stderr
            );
        }
    }
}

#[test]
fn cover_image_escaping_the_root_fails_located() {
    for target in ["/etc/passwd", "../wegweiser.toml", "images/../../x.jpg"] {
        let root = Root::new();
        root.write(
            "wegweiser.toml",
            &format!("{SETTINGS}\n[print]\ncover_image = \"{target}\"\n"),
        );
        expect_failed_build(&root, "wegweiser.toml:11:15");
    }
}

// ---------------------------------------------------------------------------
// Content that tries to be code

const HOSTILE_BODY: &str = r#"
<script>alert("xss-body")</script>
<img src="x" onerror="alert('xss-img')">
<a href="javascript:alert('xss-link')">klick</a>
[md-link](javascript:alert('xss-md'))
[md-data](data:text/html;base64,PHNjcmlwdD4=)
<iframe src="https://evil.example/"></iframe>
<style>body{display:none}</style>
<svg onload="alert('xss-svg')"></svg>
<div style="background:url(javascript:alert(1))">stil</div>

Tera: {{ site.title }} {% for x in [1,2] %}SCHLEIFE{% endfor %} {# kommentar #} {{ 7 * 191 }}

Typst: #read("/etc/passwd") #import "x.typ": * #include "/etc/hostname" #eval("1 + 1336") $x^2$ @ref <label> #set text(red) #panic("boom") \ #{ "code" } ] ) } *fett* _kursiv_ // kommentar /* block

XML: & < > " ' ]]> <?xml ?> <!-- -->
ICS: ZEILE\nUMBRUCH;SEMI,KOMMA:DOPPEL
"#;

fn hostile_root() -> Root {
    let root = Root::new();
    let name =
        "Gruppe <script>alert('xss-name')</script> {{ 6 * 7 }} #read(\"/etc/passwd\") $x$ @ref";
    let extra = "district = \"{% raw %}</td><script>alert('xss-district')</script>\"\n\
                 [[meetings]]\nrhythm = \"weekly\"\nweekday = \"monday\"\nstart = \"19:00\"\n\
                 place = \"Raum <b>1</b> & \\\"2\\\" {{ x }} #read(\\\"/etc/hostname\\\")\"\n\
                 note = \"BEGIN:VEVENT\\r\\nSUMMARY:eingeschleust\\r\\nEND:VEVENT\"\n";
    let text = group(&name.replace('"', "\\\""), extra).replacen(
        &format!("Beschreibung von {}.", name.replace('"', "\\\"")),
        HOSTILE_BODY,
        1,
    );
    root.write("content/groups/boese.md", &text);
    root.write(
        "content/pages/vorwort.md",
        &format!("+++\ntitle = \"Vorwort {{{{ 1 + 1 }}}} #eval(\\\"2\\\")\"\n+++\n{HOSTILE_BODY}"),
    );
    root
}

/// What must never appear in any file of the site.
fn assert_site_inert(site: &Path) {
    for (p, text) in all_text(site) {
        if p.starts_with("static/") {
            continue; // the theme's own scripts
        }
        let lower = text.to_lowercase();
        if p.ends_with(".html") {
            assert!(!lower.contains("<script>alert"), "{p}: script from content");
            for tag in ["onerror", "onload", "onclick"] {
                assert!(!lower.contains(&format!(" {tag}=")), "{p}: {tag} attribute");
            }
            assert!(
                !lower.contains("href=\"javascript:") && !lower.contains("src=\"javascript:"),
                "{p}: javascript: URL"
            );
            assert!(
                !lower.contains("<iframe") && !lower.contains("<style>body"),
                "{p}: iframe or style from content"
            );
            // Template syntax from content is shown, not evaluated.
            assert!(
                !text.contains("1337")
                    && !text.contains("SCHLEIFESCHLEIFE")
                    && !text.contains(">42<"),
                "{p}: template syntax evaluated"
            );
        }
        assert!(!text.contains("root:x:0"), "{p}: /etc/passwd read");
    }
}

#[test]
fn content_that_looks_like_code_is_inert_on_the_web() {
    let root = hostile_root();
    let site = expect_build(&root);
    assert_site_inert(&site);
    let page = group_page(&site, "boese");
    // The text is there, escaped.
    assert!(
        page.contains("{{ 6 * 7 }}"),
        "tera syntax of the name shown as text"
    );
    assert!(
        page.contains("&lt;script&gt;alert") || page.contains("&lt;script>alert"),
        "the name's markup shown as text"
    );
    assert!(page.contains("#read("), "typst syntax shown as text");
    let vorwort = std::fs::read_to_string(site.join("vorwort/index.html")).unwrap();
    assert!(vorwort.contains("{{ 1 + 1 }}"), "{vorwort}");
    // The calendar: no injected lines, every line ≤ 75 octets or folded.
    let ics = std::fs::read_to_string(site.join("kalender/boese.ics")).unwrap();
    assert_eq!(
        ics.lines()
            .filter(|l| l.trim_end() == "BEGIN:VEVENT")
            .count(),
        1,
        "{ics}"
    );
    assert!(
        !ics.lines().any(|l| l.starts_with("SUMMARY:eingeschleust")),
        "{ics}"
    );
    // JSON stays valid JSON.
    let json = std::fs::read_to_string(site.join("daten/wegweiser.json")).unwrap();
    serde_json::from_str::<serde_json::Value>(&json).expect("export is valid JSON");
    let index = std::fs::read_to_string(site.join("suche/index.json")).unwrap();
    serde_json::from_str::<serde_json::Value>(&index).expect("search index is valid JSON");
    // The sitemap is well-formed enough: no raw `<` from content.
    let sitemap = std::fs::read_to_string(site.join("sitemap.xml")).unwrap();
    assert!(!sitemap.contains("<script"), "{sitemap}");
}

#[test]
fn content_that_looks_like_code_is_inert_in_print() {
    if !have("pdftotext") {
        eprintln!("pdftotext missing: skipped (scripts/test installs poppler-utils)");
        return;
    }
    let root = hostile_root();
    let r = run_limited(
        root.path(),
        &["build", "--root", ".", "--out", "out", "--year", "2027"],
        Duration::from_secs(400),
    );
    assert_no_panic(&r);
    assert_eq!(r.code, 0, "{}", r.all());
    let text = pdf_text(&root.path().join("out/print/wegweiser-2027.pdf"), None);
    let flat: String = text.split_whitespace().collect::<Vec<_>>().join(" ");
    assert!(
        flat.contains("Tera:"),
        "the hostile description is in the PDF:\n{flat}"
    );
    assert!(!flat.contains("root:x:0"), "typst read /etc/passwd");
    assert!(!flat.contains("1337"), "#eval evaluated");
    for shown in [
        "#read(\"/etc/passwd\")",
        "#import",
        "#include",
        "#eval(",
        "$x^2$",
        "@ref",
        "<label>",
        "{{ site.title }}",
        "<script>alert",
    ] {
        assert!(
            flat.contains(shown),
            "`{shown}` not shown literally in the PDF:\n{flat}"
        );
    }
}

#[test]
fn csv_export_neutralises_formulas() {
    let root = Root::new();
    for (i, name) in [
        "=HYPERLINK(\"http://evil.example\",\"x\")",
        "+49 SUM(A1)",
        "@SUM(1+1)",
        "-2+3",
        "\tTAB",
        "Normal",
    ]
    .iter()
    .enumerate()
    {
        let extra = "[contact]\nperson = \"=cmd|' /C calc'!A0\"\nphone = \"+49 1234 5678\"\nconsent = 2023-01-01\n";
        let text = group(&name.replace('"', "\\\"").replace('\t', "\\t"), extra)
            .replace("2026-09-14", "2023-01-05");
        root.write(&format!("content/groups/g{i}.md"), &text);
    }
    let r = root.run(&["stale", "--root", ".", "--year", "2027", "--format", "csv"]);
    assert_no_panic(&r);
    assert_eq!(r.code, 0, "{}", r.all());
    let mut cells = 0;
    for line in r.stdout.lines().skip(1) {
        for cell in line.split("\",\"") {
            let cell = cell.trim_start_matches('"');
            cells += 1;
            assert!(
                !cell.starts_with(['=', '+', '@', '-', '\t', '\r']),
                "formula cell `{cell}` in:\n{}",
                r.stdout
            );
        }
    }
    assert!(cells > 10, "{}", r.stdout);
    assert!(r.stdout.contains("HYPERLINK"), "{}", r.stdout);
}

/// Even a directory's own print template (a theme override, written by
/// the directory's editors) gets no file outside the template, fonts and
/// images: typst's World refuses every other path.
#[test]
fn typst_world_refuses_files_outside() {
    if !have("pdftotext") {
        eprintln!("pdftotext missing: skipped");
        return;
    }
    for (i, path) in [
        "/etc/passwd",
        "../../../../../../etc/passwd",
        "/proc/self/environ",
        "../../wegweiser.toml",
    ]
    .iter()
    .enumerate()
    {
        let root = Root::new();
        root.write(
            "themes/default/print/wegweiser.typ",
            &format!("#let data = none\nHallo {i}\n#let x = read(\"{path}\")\n#x\n"),
        );
        let r = run_limited(
            root.path(),
            &["build", "--root", ".", "--out", "out", "--year", "2027"],
            Duration::from_secs(300),
        );
        assert_no_panic(&r);
        if r.code == 0 {
            let text = pdf_text(&root.path().join("out/print/wegweiser-2027.pdf"), None);
            assert!(
                !text.contains("root:x:0") && !text.contains("base_url") && !text.contains("PATH="),
                "{path} was read:\n{text}"
            );
        } else {
            assert!(
                !r.stderr.contains("root:x:0") && !r.stderr.contains("PATH="),
                "{}",
                r.stderr
            );
        }
    }
}
