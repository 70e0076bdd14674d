//! Safe output (issue 7): reproducible builds, the atomic output swap under
//! SIGKILL, and a privacy audit over everything a build writes.

use crate::common::*;

use std::collections::BTreeMap;
use std::path::Path;
use std::process::Command;
use std::time::Duration;

type Tree = Vec<(String, Vec<u8>)>;

/// A private copy of the binary: other work in the same checkout may
/// rebuild `target/debug/wegweiser` while these tests run, and comparing
/// the output of two different binaries proves nothing.
fn bin() -> &'static Path {
    use std::sync::OnceLock;
    static BIN: OnceLock<(tempfile::TempDir, std::path::PathBuf)> = OnceLock::new();
    &BIN.get_or_init(|| {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("wegweiser");
        std::fs::copy(env!("CARGO_BIN_EXE_wegweiser"), &path).unwrap();
        (dir, path)
    })
    .1
}

/// Runs the binary in `cwd` with exactly the given extra environment.
fn run_env(cwd: &Path, args: &[&str], env: &[(&str, &str)]) -> Run {
    let mut cmd = Command::new(bin());
    cmd.args(args).current_dir(cwd).env("NO_COLOR", "1");
    for k in [
        "SOURCE_DATE_EPOCH",
        "TZ",
        "LANG",
        "LC_ALL",
        "LC_TIME",
        "LC_COLLATE",
        "LANGUAGE",
    ] {
        cmd.env_remove(k);
    }
    for (k, v) in env {
        cmd.env(k, v);
    }
    let out = cmd.output().expect("run wegweiser");
    Run {
        code: out.status.code().unwrap_or(-1),
        stdout: String::from_utf8_lossy(&out.stdout).into_owned(),
        stderr: String::from_utf8_lossy(&out.stderr).into_owned(),
    }
}

/// The first differing file of two trees, for a readable failure.
fn first_difference(a: &Tree, b: &Tree) -> Option<String> {
    let ma: BTreeMap<_, _> = a.iter().map(|(p, x)| (p, x)).collect();
    let mb: BTreeMap<_, _> = b.iter().map(|(p, x)| (p, x)).collect();
    for (p, x) in &ma {
        match mb.get(p) {
            None => return Some(format!("{p} only in the first tree")),
            Some(y) if x != y => return Some(format!("{p} differs")),
            _ => {}
        }
    }
    mb.keys()
        .find(|p| !ma.contains_key(*p))
        .map(|p| format!("{p} only in the second tree"))
}

// ---------------------------------------------------------------------------
// Reproducible output

#[test]
fn sample_builds_are_byte_identical_across_cwd_tz_and_locale() {
    let tmp = tempfile::tempdir().unwrap();
    let repo = repo();
    let repo_s = repo.to_str().unwrap();
    // `build --root ROOT --out OUT --year 2027` in `cwd`, which must succeed.
    let build = |cwd: &Path, root: &str, out: &str, env: &[(&str, &str)]| {
        let r = run_env(
            cwd,
            &["build", "--root", root, "--out", out, "--year", "2027"],
            env,
        );
        assert_eq!(r.code, 0, "{}", r.all());
    };
    // 1: from the repository, relative paths, UTC and the C locale.
    let out1 = tmp.path().join("eins");
    build(
        &repo,
        ".",
        out1.to_str().unwrap(),
        &[("TZ", "UTC"), ("LANG", "C"), ("LC_ALL", "C")],
    );
    // 2: from another folder, absolute root, another time zone and locales.
    let elsewhere = tmp.path().join("anderswo/tief");
    std::fs::create_dir_all(&elsewhere).unwrap();
    build(
        &elsewhere,
        repo_s,
        "../../zwei/x",
        &[
            ("TZ", "Pacific/Kiritimati"),
            ("LANG", "tr_TR.UTF-8"),
            ("LC_ALL", "tr_TR.UTF-8"),
            ("LC_COLLATE", "sv_SE.UTF-8"),
            ("LANGUAGE", "en"),
        ],
    );
    let a = snapshot(&out1);
    let b = snapshot(&tmp.path().join("zwei/x"));
    assert!(a.iter().any(|(p, _)| p.ends_with(".pdf")), "PDF built");
    assert!(
        a.iter().any(|(p, _)| p.ends_with(".ics")),
        "calendars built"
    );
    assert!(
        a.iter().any(|(p, _)| p.ends_with("wegweiser.json")),
        "export built"
    );
    assert_eq!(first_difference(&a, &b), None);
    // 3: the same again, with SOURCE_DATE_EPOCH set: the site is the same,
    // and a second build with the same epoch is identical too.
    let out3 = tmp.path().join("drei");
    let out4 = tmp.path().join("vier");
    for out in [&out3, &out4] {
        build(
            &repo,
            ".",
            out.to_str().unwrap(),
            &[("SOURCE_DATE_EPOCH", "1790000000")],
        );
    }
    assert_eq!(first_difference(&snapshot(&out3), &snapshot(&out4)), None);
    let site = |t: Tree| {
        t.into_iter()
            .filter(|(p, _)| p.starts_with("site/"))
            .collect::<Tree>()
    };
    assert_eq!(
        first_difference(&site(snapshot(&out3)), &site(a)),
        None,
        "the site does not depend on SOURCE_DATE_EPOCH"
    );
}

#[test]
fn source_date_epoch_is_honoured() {
    let root = Root::new();
    // 2028-03-01T12:00:00Z: no --year, so the edition is 2028.
    let r = run_env(
        root.path(),
        &["build", "--root", ".", "--out", "out"],
        &[
            ("SOURCE_DATE_EPOCH", "1835524800"),
            ("TZ", "America/Los_Angeles"),
        ],
    );
    assert_eq!(r.code, 0, "{}", r.all());
    let pdf = root.path().join("out/print/wegweiser-2028.pdf");
    assert!(pdf.is_file(), "edition year from SOURCE_DATE_EPOCH");
    let first = std::fs::read(&pdf).unwrap();
    if have("pdfinfo") {
        let info = Command::new("pdfinfo")
            .arg("-isodates")
            .arg(&pdf)
            .output()
            .unwrap();
        let info = String::from_utf8_lossy(&info.stdout);
        let created = info
            .lines()
            .find(|l| l.starts_with("CreationDate:"))
            .unwrap_or("");
        assert!(
            created.contains("2028-03-01"),
            "creation date from SOURCE_DATE_EPOCH: {info}"
        );
    }
    // Same epoch, another time zone: the same bytes.
    let r = run_env(
        root.path(),
        &["build", "--root", ".", "--out", "out"],
        &[("SOURCE_DATE_EPOCH", "1835524800"), ("TZ", "Asia/Tokyo")],
    );
    assert_eq!(r.code, 0, "{}", r.all());
    assert!(std::fs::read(&pdf).unwrap() == first, "PDF depends on TZ");
}

// ---------------------------------------------------------------------------
// A fixture of a few hundred groups

const ORG: &str = "+++\nname = \"Landesverband Test\"\nlevel = \"state\"\nverified = 2026-01-10\nindications = [\"diabetes\"]\naddress = \"Verbandsweg 1, 12345 Teststadt\"\nphone = \"01234 55555\"\nemail = \"verband@landesverband-test.example\"\n+++\nDer Verband.\n";
const CP: &str = "+++\nname = \"KISS Teststadt\"\nverified = 2026-01-10\naddress = \"Marktplatz 1, 12345 Teststadt\"\nphone = \"01234 5678-0\"\nemail = \"info@kiss-teststadt.example\"\nopening_hours = [\"Mo–Fr 9–12 Uhr\"]\n+++\nDie Kontaktstelle.\n";

/// `n` groups; `version` changes every group's text.
fn write_groups(root: &Root, n: usize, version: &str) {
    for i in 0..n {
        let extra = format!(
            "organisation = \"landesverband-test\"\ncontact_point = \"kiss-teststadt\"\ndistrict = \"Bezirk {}\"\n\n[[meetings]]\nrhythm = \"monthly\"\nweekday = \"tuesday\"\nweeks = [{}]\nstart = \"19:00\"\nend = \"21:00\"\nplace = \"Treff {i}\"\naddress = \"Hauptstraße {i}, 12345 Teststadt\"\n",
            i % 7,
            i % 4 + 1
        );
        let text = group(&format!("Gruppe {i} {version}"), &extra);
        root.write(
            &format!("content/groups/gruppe-{i}.md"),
            &format!(
                "{text}\n## Über uns\n\nVersion {version}, Gruppe {i}. {}\n",
                "Wir treffen uns. ".repeat(30)
            ),
        );
    }
}

fn big_root(n: usize) -> Root {
    let root = Root::new();
    root.write("content/organisations/landesverband-test.md", ORG);
    root.write("content/contact-points/kiss-teststadt.md", CP);
    write_groups(&root, n, "alt");
    root
}

// ---------------------------------------------------------------------------
// Atomic swap

#[cfg(unix)]
#[test]
fn sigkill_at_any_moment_leaves_old_or_new_output() {
    const N: usize = 300;
    let root = big_root(N);
    let args = ["build", "--root", ".", "--out", "out", "--year", "2027"];
    let build = |root: &Root| {
        let r = run_env(root.path(), &args, &[]);
        assert_eq!(r.code, 0, "{}", r.all());
    };
    // The two trees a build may leave.
    build(&root);
    let old = snapshot(&root.path().join("out"));
    write_groups(&root, N, "neu");
    let t0 = std::time::Instant::now();
    build(&root);
    let full = t0.elapsed();
    let new = snapshot(&root.path().join("out"));
    assert_ne!(old, new);
    assert!(
        old.iter().any(|(p, _)| p.ends_with(".pdf"))
            && new.iter().any(|(p, _)| p.ends_with(".pdf"))
    );

    let mut current = "neu";
    let mut seen = BTreeMap::<&str, usize>::new();
    let mut delays: Vec<u64> = vec![0, 5, 10, 25, 50, 100, 150, 200, 300, 500, 800, 1200, 2000];
    // Also points near the end of a build, where the swap happens.
    let ms = full.as_millis() as u64;
    delays.extend([ms / 2, ms * 3 / 4, ms * 9 / 10, ms, ms * 11 / 10]);
    for delay in delays {
        let target = if current == "alt" { "neu" } else { "alt" };
        write_groups(&root, N, target);
        let mut child = Command::new(bin())
            .args(args)
            .current_dir(root.path())
            .env("NO_COLOR", "1")
            .env_remove("SOURCE_DATE_EPOCH")
            .stdout(std::process::Stdio::null())
            .stderr(std::process::Stdio::null())
            .spawn()
            .unwrap();
        std::thread::sleep(Duration::from_millis(delay));
        // SIGKILL: no chance to clean up.
        let _ = child.kill();
        let status = child.wait().unwrap();
        let now = snapshot(&root.path().join("out"));
        let state = if now == old {
            "alt"
        } else if now == new {
            "neu"
        } else {
            let other = if current == "alt" { &old } else { &new };
            panic!(
                "after SIGKILL at {delay} ms ({status}) the output is a mix: {:?} / {:?}",
                first_difference(&now, other),
                first_difference(&now, if current == "alt" { &new } else { &old })
            );
        };
        assert!(state == current || state == target, "{state}");
        *seen
            .entry(if state == current {
                "unchanged"
            } else {
                "swapped"
            })
            .or_default() += 1;
        current = state;
    }
    eprintln!("SIGKILL outcomes: {seen:?} (full build {full:?})");
    assert!(
        seen.get("unchanged").copied().unwrap_or(0) > 0,
        "some kills must hit a running build"
    );

    // The next build succeeds and leaves no staging folders behind.
    write_groups(&root, N, "alt");
    build(&root);
    assert!(
        snapshot(&root.path().join("out")) == old,
        "rebuild after the kills gives the old tree again"
    );
    let leftovers: Vec<String> = std::fs::read_dir(root.path())
        .unwrap()
        .flatten()
        .map(|e| e.file_name().to_string_lossy().into_owned())
        // The spare folder (the tree before last, reused by the next build) may stay.
        .filter(|n| n.starts_with(".out.") && n != ".out.wegweiser-spare")
        .collect();
    assert!(leftovers.is_empty(), "left behind: {leftovers:?}");
}

#[test]
fn failed_build_leaves_previous_output_exactly() {
    let root = big_root(20);
    let r = run_env(
        root.path(),
        &[
            "build", "--root", ".", "--out", "out", "--year", "2027", "--only", "web",
        ],
        &[],
    );
    assert_eq!(r.code, 0, "{}", r.all());
    let before = snapshot(&root.path().join("out"));
    root.write("content/groups/gruppe-3.md", "+++\nkaputt\n");
    let r = run_env(
        root.path(),
        &[
            "build", "--root", ".", "--out", "out", "--year", "2027", "--only", "web",
        ],
        &[],
    );
    assert_eq!(r.code, 1, "{}", r.all());
    assert!(snapshot(&root.path().join("out")) == before);
}

#[test]
fn refuses_an_output_folder_it_did_not_make() {
    let root = Root::new();
    // A folder with a file of its own, and a file in the folder's place.
    for (out, file, text) in [
        ("out", "out/wichtig.txt", "nicht löschen"),
        ("datei", "datei", "x"),
    ] {
        root.write(file, text);
        let r = run_env(
            root.path(),
            &[
                "build", "--root", ".", "--out", out, "--only", "web", "--year", "2027",
            ],
            &[],
        );
        // Wrong usage: the `--out` given.
        assert_eq!(r.code, 2, "{out}: {}", r.all());
        assert_eq!(
            std::fs::read_to_string(root.path().join(file)).unwrap(),
            text
        );
    }
}

// ---------------------------------------------------------------------------
// Privacy audit

/// Decodes the HTML entities wegweiser and tera write, so that an encoded
/// value cannot hide from the audit.
fn decode_entities(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut rest = s;
    while let Some(i) = rest.find('&') {
        out.push_str(&rest[..i]);
        rest = &rest[i..];
        let end = rest
            .char_indices()
            .take(12)
            .find(|&(_, c)| c == ';')
            .map(|(i, _)| i);
        let decoded = end.and_then(|e| {
            let name = &rest[1..e];
            let c = match name {
                "amp" => Some('&'),
                "lt" => Some('<'),
                "gt" => Some('>'),
                "quot" => Some('"'),
                "apos" => Some('\''),
                "nbsp" => Some('\u{a0}'),
                _ if name.starts_with("#x") || name.starts_with("#X") => {
                    u32::from_str_radix(&name[2..], 16)
                        .ok()
                        .and_then(char::from_u32)
                }
                _ if name.starts_with('#') => name[1..].parse().ok().and_then(char::from_u32),
                _ => None,
            };
            c.map(|c| (c, e + 1))
        });
        match decoded {
            Some((c, len)) => {
                out.push(c);
                rest = &rest[len..];
            }
            None => {
                out.push('&');
                rest = &rest[1..];
            }
        }
    }
    out.push_str(rest);
    out
}

/// Whitespace (also non-breaking) collapsed, for comparing texts across
/// line breaks of HTML, ICS folding and PDF layout.
fn flat(s: &str) -> String {
    s.split(|c: char| c.is_whitespace() || c == '\u{a0}')
        .filter(|w| !w.is_empty())
        .collect::<Vec<_>>()
        .join(" ")
}

/// Every text an output folder holds: files (raw, entity-decoded, ICS
/// unfolded and unescaped) and the PDFs' text.
fn output_texts(out: &Path) -> Vec<(String, String)> {
    let mut texts = Vec::new();
    for (p, bytes) in snapshot(out) {
        if p.ends_with(".pdf") {
            if have("pdftotext") {
                for mode in ["-layout", "-raw"] {
                    let o = Command::new("pdftotext")
                        .arg(mode)
                        .arg(out.join(&p))
                        .arg("-")
                        .output()
                        .unwrap();
                    texts.push((
                        format!("{p} ({mode})"),
                        flat(&String::from_utf8_lossy(&o.stdout)),
                    ));
                }
            }
            continue;
        }
        let raw = String::from_utf8_lossy(&bytes).into_owned();
        let unfolded = raw
            .replace("\r\n ", "")
            .replace("\\,", ",")
            .replace("\\;", ";")
            .replace("\\n", " ");
        let json_unescaped = raw.replace("\\\"", "\"").replace("\\/", "/");
        texts.push((p.clone(), flat(&decode_entities(&raw))));
        texts.push((format!("{p} (unfolded)"), flat(&decode_entities(&unfolded))));
        texts.push((format!("{p} (json)"), flat(&json_unescaped)));
    }
    texts
}

/// What must never be published, per group, read from the content files.
fn forbidden_values(content: &Path) -> Vec<(String, String)> {
    let mut forbidden = Vec::new();
    for e in std::fs::read_dir(content.join("groups")).unwrap().flatten() {
        let text = std::fs::read_to_string(e.path()).unwrap();
        let front = text
            .trim_start_matches('\u{feff}')
            .split("+++")
            .nth(1)
            .unwrap_or("");
        let v: toml::Table =
            toml::from_str(front).unwrap_or_else(|err| panic!("{}: {err}", e.path().display()));
        let slug = e.path().file_stem().unwrap().to_string_lossy().into_owned();
        let confidential = v
            .get("confidential")
            .and_then(|c| c.as_bool())
            .unwrap_or(false);
        let contact = v.get("contact").and_then(|c| c.as_table());
        let consent = contact.is_some_and(|c| c.contains_key("consent"));
        let via = contact
            .and_then(|c| c.get("via_contact_point"))
            .and_then(|b| b.as_bool())
            .unwrap_or(false);
        let mut add = |why: &str, value: &str| {
            let value = value.trim();
            if value.len() >= 4 {
                forbidden.push((format!("{slug}: {why}"), flat(value)));
            }
        };
        if confidential {
            for m in v
                .get("meetings")
                .and_then(|m| m.as_array())
                .into_iter()
                .flatten()
            {
                for k in ["place", "address"] {
                    if let Some(s) = m.get(k).and_then(|s| s.as_str()) {
                        add(&format!("confidential {k}"), s);
                    }
                }
            }
        }
        if confidential || !consent || via {
            for k in ["person", "phone", "email"] {
                if let Some(s) = contact.and_then(|c| c.get(k)).and_then(|s| s.as_str()) {
                    add(
                        &format!(
                            "{k} (confidential {confidential}, consent {consent}, via_contact_point {via})"
                        ),
                        s,
                    );
                    if k == "email" {
                        // Also the parts, the way the export splits them.
                        if let Some((u, _)) = s.split_once('@') {
                            add("email user part", u);
                        }
                    }
                }
            }
        }
    }
    forbidden
}

/// Host names of absolute URLs that a page or style sheet would *load*
/// (not links the reader may follow).
fn loaded_foreign_urls(out: &Path, own_host: &str) -> Vec<String> {
    let mut found = Vec::new();
    let attr_value = |s: &str, attr: &str| -> Vec<String> {
        let mut v = Vec::new();
        let lower = s.to_ascii_lowercase();
        let mut from = 0;
        let pat = format!("{attr}=");
        while let Some(i) = lower[from..].find(&pat).map(|i| i + from) {
            let rest = &s[i + pat.len()..];
            let value = match rest.chars().next() {
                Some(q @ ('"' | '\'')) => rest[1..].split(q).next().unwrap_or(""),
                _ => rest.split([' ', '>']).next().unwrap_or(""),
            };
            v.push(decode_entities(value));
            from = i + pat.len();
        }
        v
    };
    let foreign = |url: &str| -> bool {
        let u = url.trim().to_ascii_lowercase();
        let rest = u
            .strip_prefix("https://")
            .or_else(|| u.strip_prefix("http://"))
            .or_else(|| u.strip_prefix("//"));
        match rest {
            Some(r) => r.split(['/', '?', '#', ':']).next().unwrap_or("") != own_host,
            None => {
                u.starts_with("data:") && !u.starts_with("data:image/")
                    || u.starts_with("javascript:")
            }
        }
    };
    for (p, bytes) in snapshot(out) {
        let text = String::from_utf8_lossy(&bytes);
        if p.ends_with(".html") {
            // Every tag that loads something, with its URL attributes.
            for tag in text.split('<').skip(1) {
                let tag = tag.split('>').next().unwrap_or("");
                let name = tag
                    .split([' ', '\n', '\t', '/'])
                    .next()
                    .unwrap_or("")
                    .to_ascii_lowercase();
                let urls: Vec<String> = match name.as_str() {
                    "script" | "img" | "iframe" | "frame" | "embed" | "source" | "audio"
                    | "video" | "track" | "input" => [
                        attr_value(tag, "src"),
                        attr_value(tag, "srcset"),
                        attr_value(tag, "poster"),
                    ]
                    .concat(),
                    "object" => attr_value(tag, "data"),
                    "link" => {
                        let rel = attr_value(tag, "rel").join(" ").to_ascii_lowercase();
                        if [
                            "stylesheet",
                            "icon",
                            "preload",
                            "prefetch",
                            "modulepreload",
                            "manifest",
                            "preconnect",
                            "dns-prefetch",
                        ]
                        .iter()
                        .any(|r| rel.contains(r))
                        {
                            attr_value(tag, "href")
                        } else {
                            vec![]
                        }
                    }
                    "form" => attr_value(tag, "action"),
                    _ => vec![],
                };
                for u in urls {
                    for part in u.split(',') {
                        let url = part.split_whitespace().next().unwrap_or("");
                        if foreign(url) {
                            found.push(format!("{p}: <{name}> loads {url}"));
                        }
                    }
                }
                if attr_value(tag, "style")
                    .iter()
                    .any(|s| s.to_ascii_lowercase().contains("url("))
                {
                    found.push(format!("{p}: <{name} style=url(…)>"));
                }
            }
            if text.contains("<style") && text.to_ascii_lowercase().contains("@import") {
                found.push(format!("{p}: @import in a style element"));
            }
        }
        if p.ends_with(".css") || p.ends_with(".html") {
            let lower = text.to_ascii_lowercase();
            for (i, _) in lower.match_indices("url(") {
                let url = lower[i + 4..]
                    .trim_start_matches(['"', '\'', ' '])
                    .split([')', '"', '\''])
                    .next()
                    .unwrap_or("")
                    .to_owned();
                if foreign(&url) {
                    found.push(format!("{p}: url({url})"));
                }
            }
        }
        if p.ends_with(".js") {
            let lower = text.to_ascii_lowercase();
            for needle in [
                "fetch(\"http",
                "fetch('http",
                "xmlhttprequest",
                "importscripts(",
                "navigator.sendbeacon",
                "new websocket",
            ] {
                if lower.contains(needle) {
                    found.push(format!("{p}: {needle}"));
                }
            }
        }
    }
    found
}

/// Runs the privacy audit over a built output of `content`.
fn audit(out: &Path, content: &Path, own_host: &str) -> usize {
    let forbidden = forbidden_values(content);
    let texts = output_texts(out);
    let mut leaks = Vec::new();
    for (why, value) in &forbidden {
        for (file, text) in &texts {
            if text.contains(value.as_str()) {
                leaks.push(format!("{why} `{value}` in {file}"));
            }
        }
    }
    assert!(leaks.is_empty(), "privacy leaks:\n{}", leaks.join("\n"));
    let foreign = loaded_foreign_urls(out, own_host);
    assert!(
        foreign.is_empty(),
        "third-party requests:\n{}",
        foreign.join("\n")
    );
    forbidden.len()
}

#[test]
fn privacy_audit_of_the_sample() {
    let out = tempfile::tempdir().unwrap();
    let r = run_env(
        &repo(),
        &[
            "build",
            "--root",
            ".",
            "--out",
            out.path().to_str().unwrap(),
            "--year",
            "2027",
        ],
        &[],
    );
    assert_eq!(r.code, 0, "{}", r.all());
    let settings: toml::Table =
        toml::from_str(&std::fs::read_to_string(repo().join("wegweiser.toml")).unwrap()).unwrap();
    let base = settings["base_url"].as_str().unwrap();
    let host = base
        .split("://")
        .nth(1)
        .unwrap()
        .split('/')
        .next()
        .unwrap()
        .to_owned();
    let checked = audit(out.path(), &repo().join("content"), &host);
    assert!(checked > 0, "the sample has a confidential group to check");
    // No `x@y` address in any file of the site (harvest protection).
    for (p, bytes) in snapshot(&out.path().join("site")) {
        if p.starts_with("static/") {
            continue;
        }
        let text = String::from_utf8_lossy(&bytes);
        // Calendar UIDs (`slug-1@host`) look like addresses but are none.
        let text: String = text
            .lines()
            .filter(|l| !l.starts_with("UID:"))
            .collect::<Vec<_>>()
            .join("\n");
        let plain = regex_like_email(&text);
        assert!(plain.is_none(), "{p}: plain e-mail address {plain:?}");
    }
}

/// The first `user@domain.tld` in a text, if any.
fn regex_like_email(s: &str) -> Option<String> {
    let b = s.as_bytes();
    for (at, _) in s.match_indices('@') {
        let mut start = at;
        while start > 0
            && (b[start - 1].is_ascii_alphanumeric() || b"._%+-".contains(&b[start - 1]))
        {
            start -= 1;
        }
        let mut end = at + 1;
        while end < b.len() && (b[end].is_ascii_alphanumeric() || b".-".contains(&b[end])) {
            end += 1;
        }
        let domain = s[at + 1..end].trim_end_matches('.');
        if start < at && domain.contains('.') {
            return Some(s[start..end].to_owned());
        }
    }
    None
}

#[test]
fn privacy_audit_of_a_fixture() {
    let root = big_root(12);
    // A confidential group with everything filled in.
    root.write(
        "content/groups/geschuetzt.md",
        &group(
            "Geschützte Gruppe",
            "confidential = true\ncontact_point = \"kiss-teststadt\"\n\n[[meetings]]\nrhythm = \"weekly\"\nweekday = \"friday\"\nstart = \"18:00\"\nplace = \"Geheimraum Zyxwv\"\naddress = \"Verborgenweg 13, 12345 Teststadt\"\nnote = \"Klingeln bei Qvist\"\n\n[contact]\nperson = \"Frau Qvistberg\"\nphone = \"01234 999888\"\nemail = \"qvistberg@geheim-mail.example\"\nconsent = 2026-01-01\nwebsite = \"https://geheim-gruppe.example\"\n",
        ),
    );
    // Consent given, but reached through the contact point.
    root.write(
        "content/groups/ueber-kontaktstelle.md",
        &group("Über die Kontaktstelle", "\n[contact]\nvia_contact_point = true\nperson = \"Herr Umweg\"\nphone = \"01234 777666\"\nemail = \"umweg-person@privat-mail.example\"\nconsent = 2026-01-01\n"),
    );
    // Consent given and shown: must be there (the audit is not vacuous).
    root.write(
        "content/groups/offen.md",
        &group("Offene Gruppe", "\n[contact]\nperson = \"Frau Sichtbar\"\nphone = \"01234 444333\"\nconsent = 2026-01-01\n"),
    );
    // Third-party content that must not be loaded by the page.
    root.write(
        "content/groups/fremd.md",
        &format!(
            "{}\n<img src=\"https://tracker.example/raw.gif\"> <iframe src=\"https://video.example/x\"></iframe> <link rel=\"stylesheet\" href=\"https://cdn.example/x.css\"> <script src=\"https://cdn.example/x.js\"></script> <p style=\"background:url(https://tracker.example/bg.gif)\">stil</p> <object data=\"https://x.example/o\"></object> <video poster=\"https://x.example/p.jpg\"></video>\n\n[Ein Link ist erlaubt](https://verein.example/)\n",
            group("Fremde Inhalte", "")
        ),
    );
    let r = run_env(
        root.path(),
        &["build", "--root", ".", "--out", "out", "--year", "2027"],
        &[],
    );
    assert_eq!(r.code, 0, "{}", r.all());
    let out = root.path().join("out");
    let checked = audit(&out, &root.path().join("content"), "wegweiser.example");
    assert!(checked >= 8, "{checked}");
    // The confidential group's note may not give the place away either, but
    // notes are free text: only place/address/contact are promised. The
    // consented contact is published.
    let page = std::fs::read_to_string(out.join("site/gruppen/offen/index.html")).unwrap();
    assert!(
        decode_entities(&page).contains("Frau Sichtbar"),
        "consented contact shown"
    );
    let fremd = std::fs::read_to_string(out.join("site/gruppen/fremd/index.html")).unwrap();
    assert!(
        fremd.contains("https://verein.example/"),
        "ordinary links stay"
    );
    // A Markdown image from another host is refused with a located error.
    root.write(
        "content/groups/bild.md",
        &format!(
            "{}\n![Pixel](https://tracker.example/pixel.gif)\n",
            group("Bild", "")
        ),
    );
    let r = run_env(root.path(), &["check", "--root", "."], &[]);
    assert_eq!(r.code, 1, "{}", r.all());
    assert!(
        r.stderr.contains("content/groups/bild.md:11:1"),
        "{}",
        r.stderr
    );
}
