//! Helpers for the integration tests: minimal valid directories in a temp
//! folder, running the real binary.

#![allow(dead_code)]

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

pub(crate) const SETTINGS: &str = r#"title = "Selbsthilfe-Wegweiser Teststadt"
base_url = "https://wegweiser.example"
language = "de"

[publisher]
name = "KISS Teststadt"
phone = "01234 5678-0"
email = "info@kiss-teststadt.example"
"#;

pub(crate) const INDICATIONS: &str = r#"[diabetes]
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
"#;

/// A group file with the given extra front matter lines.
pub(crate) fn group(name: &str, extra: &str) -> String {
    format!(
        "+++\nname = \"{name}\"\nindications = [\"diabetes\"]\naudience = [\"affected\"]\nformat = \"in-person\"\nstatus = \"active\"\nverified = 2026-09-14\n{extra}+++\nBeschreibung von {name}.\n"
    )
}

/// A fresh directory root with settings, indications and one valid group.
pub(crate) struct Root {
    pub dir: tempfile::TempDir,
}

impl Root {
    pub(crate) fn new() -> Root {
        let dir = tempfile::tempdir().expect("temp dir");
        let r = Root { dir };
        r.write("wegweiser.toml", SETTINGS);
        r.write("content/indications.toml", INDICATIONS);
        r.write(
            "content/groups/diabetes-nord.md",
            &group("Diabetes Nord", ""),
        );
        r
    }

    pub(crate) fn path(&self) -> &Path {
        self.dir.path()
    }

    pub(crate) fn write(&self, rel: &str, text: &str) {
        self.write_bytes(rel, text.as_bytes());
    }

    pub(crate) fn write_bytes(&self, rel: &str, bytes: &[u8]) {
        let p = self.dir.path().join(rel);
        std::fs::create_dir_all(p.parent().unwrap()).unwrap();
        std::fs::write(p, bytes).unwrap();
    }

    /// Runs wegweiser with the root as current directory.
    pub(crate) fn run(&self, args: &[&str]) -> Run {
        run_in(self.dir.path(), args)
    }

    /// `build --root . --only web`, which must succeed; the site's folder.
    #[track_caller]
    pub(crate) fn build_web(&self) -> PathBuf {
        let r = self.run(&["build", "--root", ".", "--only", "web"]);
        assert_eq!(r.code, 0, "{}", r.all());
        self.dir.path().join("output/site")
    }

    /// A root whose site is published under a path:
    /// `base_url = "https://x.github.io/wegweiser/"`.
    pub(crate) fn under_base_path() -> Root {
        let root = Root::new();
        root.write(
            "wegweiser.toml",
            &SETTINGS.replace(
                "https://wegweiser.example",
                "https://x.github.io/wegweiser/",
            ),
        );
        root
    }

    /// `check --root .`, which must find problems in the content (exit 1).
    #[track_caller]
    pub(crate) fn check_fails(&self) -> Run {
        let r = self.run(&["check", "--root", "."]);
        assert_eq!(r.code, 1, "{}", r.all());
        r
    }
}

pub(crate) struct Run {
    pub code: i32,
    pub stdout: String,
    pub stderr: String,
}

impl Run {
    pub(crate) fn all(&self) -> String {
        format!("{}{}", self.stdout, self.stderr)
    }
}

pub(crate) fn run_in(cwd: &Path, args: &[&str]) -> Run {
    let out: Output = Command::new(env!("CARGO_BIN_EXE_wegweiser"))
        .args(args)
        .current_dir(cwd)
        .env("NO_COLOR", "1")
        .env_remove("SOURCE_DATE_EPOCH")
        .output()
        .expect("run wegweiser");
    Run {
        code: out.status.code().unwrap_or(-1),
        stdout: String::from_utf8_lossy(&out.stdout).into_owned(),
        stderr: String::from_utf8_lossy(&out.stderr).into_owned(),
    }
}

/// Builds the repository's sample into a fresh temp folder
/// (`build --root . --out TMP` and `more`), asserting that it succeeds.
pub(crate) fn build_sample(more: &[&str]) -> tempfile::TempDir {
    let out = tempfile::tempdir().unwrap();
    let mut args = vec![
        "build",
        "--root",
        ".",
        "--out",
        out.path().to_str().unwrap(),
    ];
    args.extend_from_slice(more);
    let r = run_in(&repo(), &args);
    assert_eq!(r.code, 0, "sample build failed:\n{}", r.all());
    out
}

/// The repository root (holds the sample directory).
pub(crate) fn repo() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// Reads every file under a folder into (relative path, bytes), sorted.
pub(crate) fn snapshot(dir: &Path) -> Vec<(String, Vec<u8>)> {
    let mut out = Vec::new();
    for e in walkdir::WalkDir::new(dir).sort_by_file_name() {
        let e = e.unwrap();
        if e.file_type().is_file() {
            let rel = e
                .path()
                .strip_prefix(dir)
                .unwrap()
                .to_string_lossy()
                .into_owned();
            out.push((rel, std::fs::read(e.path()).unwrap()));
        }
    }
    out
}

/// True if a command is on PATH.
pub(crate) fn have(cmd: &str) -> bool {
    Command::new("sh")
        .arg("-c")
        .arg(format!("command -v {cmd}"))
        .output()
        .map(|o| o.status.success())
        .unwrap_or(false)
}

/// Text of a PDF (pdftotext), optionally one page.
pub(crate) fn pdf_text(pdf: &Path, page: Option<usize>) -> String {
    let mut cmd = Command::new("pdftotext");
    cmd.arg("-layout");
    if let Some(p) = page {
        cmd.args(["-f", &p.to_string(), "-l", &p.to_string()]);
    }
    let out = cmd
        .arg(pdf)
        .arg("-")
        .output()
        .expect("pdftotext (poppler-utils) must be installed: scripts/test installs it");
    assert!(out.status.success(), "pdftotext failed");
    String::from_utf8_lossy(&out.stdout).into_owned()
}

/// A valid PNG of one red pixel (`check` decodes the images it is given).
#[allow(dead_code)]
pub(crate) const PIXEL_PNG: &[u8] = &[
    0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00, 0x00, 0x0d, 0x49, 0x48, 0x44, 0x52,
    0x00, 0x00, 0x00, 0x01, 0x00, 0x00, 0x00, 0x01, 0x08, 0x02, 0x00, 0x00, 0x00, 0x90, 0x77, 0x53,
    0xde, 0x00, 0x00, 0x00, 0x0c, 0x49, 0x44, 0x41, 0x54, 0x78, 0x9c, 0x63, 0xf8, 0xcf, 0xc0, 0x00,
    0x00, 0x03, 0x01, 0x01, 0x00, 0xc9, 0xfe, 0x92, 0xef, 0x00, 0x00, 0x00, 0x00, 0x49, 0x45, 0x4e,
    0x44, 0xae, 0x42, 0x60, 0x82,
];
