//! Stage 1, load: walk the directory's folder, read every file once, split
//! front matter from Markdown and parse the TOML into the typed structs of
//! [`raw`]. Problems of single files become diagnostics; nothing here knows
//! about other files (that is [`crate::validate`]'s job).

pub mod front_matter;
pub mod raw;
pub mod theme;

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use rayon::prelude::*;
use serde::de::DeserializeOwned;
use walkdir::WalkDir;

use crate::diagnostics::{Diagnostic, Diagnostics, FileId, Message, SourceFile, Sources, display_path};
pub use theme::Theme;

/// The settings file's name in the root.
pub const SETTINGS_FILE: &str = "wegweiser.toml";

/// One parsed entry file.
#[derive(Debug)]
pub struct Loaded<T> {
    /// Where it came from.
    pub file: FileId,
    /// File name without `.md`.
    pub slug: String,
    /// The front matter.
    pub front: T,
    /// The Markdown body.
    pub body: String,
    /// Byte offset of the body in the file.
    pub body_offset: usize,
}

/// Everything read from a root, before cross-file checks.
#[derive(Debug, Default)]
pub struct RawDirectory {
    /// The root folder.
    pub root: PathBuf,
    /// `wegweiser.toml`, if it parsed.
    pub settings: Option<(FileId, raw::SettingsFile)>,
    /// `content/indications.toml`, if it parsed.
    pub indications: Option<(FileId, raw::IndicationsFile)>,
    /// `content/groups/*.md`.
    pub groups: Vec<Loaded<raw::GroupFront>>,
    /// `content/organisations/*.md`.
    pub organisations: Vec<Loaded<raw::OrganisationFront>>,
    /// `content/contact-points/*.md`.
    pub contact_points: Vec<Loaded<raw::ContactPointFront>>,
    /// `content/pages/*.md`.
    pub pages: Vec<Loaded<raw::PageFront>>,
    /// Files under `content/images/`, by path relative to `content/`.
    pub images: BTreeMap<String, Vec<u8>>,
}

/// A read file before parsing.
struct ReadFile {
    path: PathBuf,
    display: String,
    text: String,
    problem: Option<(Option<std::ops::Range<usize>>, Message)>,
}

/// Reads a file of the root. A path that resolves (through symlinks) to a
/// place outside the root is not read at all, so nothing of it can show up
/// in messages or output; neither is anything but a regular file (a FIFO
/// would block forever, a device never end).
fn read_checked(path: &Path, canonical_root: &Path) -> ReadFile {
    let display = display_path(path);
    let refuse = |problem: Message| ReadFile {
        path: path.to_owned(),
        display: display.clone(),
        text: String::new(),
        problem: Some((None, problem)),
    };
    match path.canonicalize() {
        Err(e) => return refuse(Message::ReadFailed { error: e.to_string() }),
        Ok(p) if !p.starts_with(canonical_root) => return refuse(Message::PathLeavesContent { path: display.clone() }),
        Ok(_) => {}
    }
    match std::fs::metadata(path) {
        Ok(m) if m.is_file() => read(path),
        Ok(_) => refuse(Message::ReadFailed { error: "not a regular file".to_owned() }),
        Err(e) => refuse(Message::ReadFailed { error: e.to_string() }),
    }
}

fn read(path: &Path) -> ReadFile {
    let display = display_path(path);
    match std::fs::read(path) {
        Ok(bytes) => {
            let (text, bad) = front_matter::decode(&bytes);
            let problem = bad.map(|offset| (Some(offset..offset + 1), Message::InvalidUtf8 { offset }));
            ReadFile { path: path.to_owned(), display, text, problem }
        }
        Err(e) => ReadFile {
            path: path.to_owned(),
            display,
            text: String::new(),
            problem: Some((None, Message::ReadFailed { error: e.to_string() })),
        },
    }
}

/// Loads the directory at `root`. Problems go to `diagnostics`; files are
/// registered in `sources` (sorted by path, so ids are deterministic).
pub fn load(root: &Path, sources: &mut Sources, diagnostics: &mut Diagnostics) -> RawDirectory {
    let mut dir = RawDirectory { root: root.to_owned(), ..Default::default() };
    if !root.is_dir() {
        diagnostics.push(Diagnostic::general(Message::RootMissing { path: display_path(root) }));
        return dir;
    }
    let canonical_root = root.canonicalize().unwrap_or_else(|_| root.to_owned());

    let settings_path = root.join(SETTINGS_FILE);
    if settings_path.is_file() {
        dir.settings = parse_toml_file(&settings_path, &canonical_root, sources, diagnostics);
    } else {
        diagnostics.push(Diagnostic::general(Message::SettingsMissing { path: display_path(&settings_path) }));
    }
    let content = root.join("content");
    let indications_path = content.join("indications.toml");
    if indications_path.is_file() {
        dir.indications = parse_toml_file(&indications_path, &canonical_root, sources, diagnostics);
    } else {
        diagnostics.push(Diagnostic::general(Message::IndicationsMissing {
            path: display_path(&indications_path),
        }));
    }

    dir.groups = load_entries(&content.join("groups"), &canonical_root, sources, diagnostics);
    dir.organisations = load_entries(&content.join("organisations"), &canonical_root, sources, diagnostics);
    dir.contact_points = load_entries(&content.join("contact-points"), &canonical_root, sources, diagnostics);
    dir.pages = load_entries(&content.join("pages"), &canonical_root, sources, diagnostics);
    dir.images = load_images(&content.join("images"), &canonical_root);
    dir
}

fn parse_toml_file<T: DeserializeOwned>(
    path: &Path,
    canonical_root: &Path,
    sources: &mut Sources,
    diagnostics: &mut Diagnostics,
) -> Option<(FileId, T)> {
    let f = read_checked(path, canonical_root);
    let id = sources.add(SourceFile::new(f.display, f.text));
    if let Some((span, m)) = f.problem {
        diagnostics.push(Diagnostic::error(id, span, m));
        return None;
    }
    match front_matter::parse::<T>(&sources.get(id).text) {
        Ok(v) => Some((id, v)),
        Err(problems) => {
            for (span, m) in problems {
                diagnostics.push(Diagnostic::error(id, span, m));
            }
            None
        }
    }
}

/// True for names the loader skips: hidden files and `_drafts`.
fn ignored(name: &str) -> bool {
    name.starts_with('.') || name.starts_with('_')
}

/// Is `path` (after resolving symlinks) inside the root?
fn inside(path: &Path, canonical_root: &Path) -> bool {
    path.canonicalize().map(|p| p.starts_with(canonical_root)).unwrap_or(false)
}

fn load_entries<T: DeserializeOwned + Send>(
    folder: &Path,
    canonical_root: &Path,
    sources: &mut Sources,
    diagnostics: &mut Diagnostics,
) -> Vec<Loaded<T>> {
    if !folder.is_dir() {
        return Vec::new();
    }
    // Collect candidate files (sorted for deterministic ids).
    let mut files: Vec<(PathBuf, bool)> = Vec::new(); // (path, in a subfolder)
    for entry in WalkDir::new(folder)
        .min_depth(1)
        .sort_by_file_name()
        .into_iter()
        .filter_entry(|e| !ignored(&e.file_name().to_string_lossy()))
        .flatten()
    {
        let name = entry.file_name().to_string_lossy();
        if !name.ends_with(".md") || entry.file_type().is_dir() {
            continue;
        }
        files.push((entry.path().to_owned(), entry.depth() > 1));
    }

    // Read and parse in parallel; register in order.
    type Parsed<T> = Option<Result<(T, String, usize), Vec<front_matter::Problem>>>;
    let parsed: Vec<(ReadFile, Parsed<T>)> = files
        .par_iter()
        .map(|(path, nested)| {
            let mut f = read_checked(path, canonical_root);
            if f.problem.is_none() && *nested {
                f.problem = Some((None, Message::SubfolderNotAllowed));
            }
            if f.problem.is_some() {
                return (f, None);
            }
            let result = front_matter::split(&f.text).map_err(|p| vec![p]).and_then(|s| {
                front_matter::parse::<T>(&s.toml).map(|front| (front, s.body.to_owned(), s.body_offset))
            });
            (f, Some(result))
        })
        .collect();

    let mut out = Vec::new();
    for (f, result) in parsed {
        let slug = f.path.file_stem().map(|s| s.to_string_lossy().into_owned()).unwrap_or_default();
        let id = sources.add(SourceFile::new(f.display, f.text));
        if let Some((span, m)) = f.problem {
            diagnostics.push(Diagnostic::error(id, span, m));
            continue;
        }
        match result {
            Some(Ok((front, body, body_offset))) => out.push(Loaded { file: id, slug, front, body, body_offset }),
            Some(Err(problems)) => {
                for (span, m) in problems {
                    diagnostics.push(Diagnostic::error(id, span, m));
                }
            }
            None => {}
        }
    }
    out
}

fn load_images(folder: &Path, canonical_root: &Path) -> BTreeMap<String, Vec<u8>> {
    let mut images = BTreeMap::new();
    if !folder.is_dir() {
        return images;
    }
    for entry in WalkDir::new(folder)
        .min_depth(1)
        .sort_by_file_name()
        .into_iter()
        .filter_entry(|e| !ignored(&e.file_name().to_string_lossy()))
        .flatten()
    {
        if entry.file_type().is_dir() || !inside(entry.path(), canonical_root) {
            continue;
        }
        if !std::fs::metadata(entry.path()).is_ok_and(|m| m.is_file()) {
            continue;
        }
        let Ok(rel) = entry.path().strip_prefix(folder.parent().unwrap_or(folder)) else { continue };
        if let Ok(bytes) = std::fs::read(entry.path()) {
            let key = rel.to_string_lossy().replace('\\', "/");
            images.insert(key, bytes);
        }
    }
    images
}
