//! Stage 1, load: walk the directory's folder, read every file once, split
//! front matter from Markdown and parse the TOML into the typed structs of
//! [`raw`]. Problems of single files become diagnostics; nothing here knows
//! about other files (that is [`crate::validate`]'s job).
//!
//! [`load_cached`] keeps what it read in a [`FileCache`], so that the next
//! load (`serve` after a change) reads and parses only the files that were
//! changed since.

mod cache;
pub mod front_matter;
mod overlay;
pub mod theme;
mod walk;

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::sync::Arc;

use rayon::prelude::*;
use schemars::JsonSchema;
use serde::de::DeserializeOwned;

use crate::diagnostics::{
    Diagnostic, Diagnostics, FileId, Message, SourceFile, Sources, display_path,
};
pub use cache::FileCache;
use cache::{Outcome, ReadEntry, Shelf};
pub use overlay::Overlay;
pub use theme::Theme;

use crate::format::raw;
use walk::Found;

/// The settings file's name in the root.
pub const SETTINGS_FILE: &str = "wegweiser.toml";

pub use crate::model::FileVersion;

/// One parsed entry file. Front matter and body are shared with the
/// [`FileCache`] that read them.
#[derive(Debug)]
pub struct Loaded<T> {
    /// Where it came from.
    pub file: FileId,
    /// Which reading of the file.
    pub version: FileVersion,
    /// File name without `.md`.
    pub slug: String,
    /// The front matter.
    pub front: Arc<T>,
    /// The Markdown body.
    pub body: Arc<str>,
    /// Byte offset of the body in the file.
    pub body_offset: usize,
    /// Keys of the front matter left out for a wrong value (reported
    /// already): their absence is no further problem.
    pub left_out: Arc<[front_matter::LeftOut]>,
}

/// Everything read from a root, before cross-file checks.
#[derive(Debug, Default)]
pub struct RawDirectory {
    /// The root folder.
    pub root: PathBuf,
    /// `wegweiser.toml`, if it parsed.
    pub settings: Option<(FileId, raw::SettingsFile)>,
    /// Keys of `wegweiser.toml` left out (or stood in for) for a problem
    /// reported already: checks of the rest must not report them again.
    pub settings_left_out: Vec<front_matter::LeftOut>,
    /// `content/indications.toml`, if it parsed (without the tables that
    /// have problems, which are reported already).
    pub indications: Option<(FileId, raw::IndicationsFile)>,
    /// Keys of `content/indications.toml` left out for a problem (among
    /// them the ids of the tables left out): a reference to such an id is
    /// no further problem.
    pub indications_left_out: Vec<front_matter::LeftOut>,
    /// `content/groups/*.md`.
    pub groups: Vec<Loaded<raw::GroupFront>>,
    /// `content/organisations/*.md`.
    pub organisations: Vec<Loaded<raw::OrganisationFront>>,
    /// `content/contact-points/*.md`.
    pub contact_points: Vec<Loaded<raw::ContactPointFront>>,
    /// Slugs of organisation files that are there but could not be read
    /// (reported already): a reference to them is no further problem.
    pub unreadable_organisations: Vec<String>,
    /// The same for contact point files.
    pub unreadable_contact_points: Vec<String>,
    /// `content/pages/*.md`.
    pub pages: Vec<Loaded<raw::PageFront>>,
    /// Files under `content/images/`, by path relative to `content/`.
    pub images: BTreeMap<String, Arc<Vec<u8>>>,
}

/// A read file before parsing.
struct ReadFile {
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
        display: display.clone(),
        text: String::new(),
        problem: Some((None, problem)),
    };
    match path.canonicalize() {
        Err(e) => {
            return refuse(Message::ReadFailed {
                error: e.to_string(),
            });
        }
        Ok(p) if !p.starts_with(canonical_root) => {
            return refuse(Message::PathLeavesContent {
                path: display.clone(),
            });
        }
        Ok(_) => {}
    }
    match std::fs::metadata(path) {
        Ok(m) if m.is_file() => read(path),
        Ok(_) => refuse(Message::ReadFailed {
            error: "not a regular file".to_owned(),
        }),
        Err(e) => refuse(Message::ReadFailed {
            error: e.to_string(),
        }),
    }
}

fn read(path: &Path) -> ReadFile {
    match std::fs::read(path) {
        Ok(bytes) => decoded(path, &bytes),
        Err(e) => ReadFile {
            display: display_path(path),
            text: String::new(),
            problem: Some((
                None,
                Message::ReadFailed {
                    error: e.to_string(),
                },
            )),
        },
    }
}

/// The bytes of a file at `path`, decoded as the loader reads every file.
fn decoded(path: &Path, bytes: &[u8]) -> ReadFile {
    let (text, bad) = front_matter::decode(bytes);
    let problem = bad.map(|offset| (Some(offset..offset + 1), Message::InvalidUtf8 { offset }));
    ReadFile {
        display: display_path(path),
        text,
        problem,
    }
}

/// Loads the directory at `root`. Problems go to `diagnostics`; files are
/// registered in `sources` (sorted by path, so ids are deterministic).
pub fn load(root: &Path, sources: &mut Sources, diagnostics: &mut Diagnostics) -> RawDirectory {
    load_cached(root, &mut FileCache::default(), sources, diagnostics)
}

/// Like [`load`], but takes the entry files and images that `cache` still
/// holds from an earlier load instead of reading them again, and keeps what
/// it reads there. The result is the same as that of [`load`], provided the
/// cache was told about every file changed since ([`FileCache::forget`]).
/// `wegweiser.toml` and `content/indications.toml` are always read.
pub fn load_cached(
    root: &Path,
    cache: &mut FileCache,
    sources: &mut Sources,
    diagnostics: &mut Diagnostics,
) -> RawDirectory {
    load_overlaid(root, cache, &Overlay::default(), sources, diagnostics)
}

/// Like [`load_cached`], but loads the content folders as they would be
/// with the changes of `overlay` made (files written or removed), without
/// touching the disk: what `serve` checks before it writes a file. What the
/// overlay gives is not kept in `cache`.
pub fn load_overlaid(
    root: &Path,
    cache: &mut FileCache,
    overlay: &Overlay,
    sources: &mut Sources,
    diagnostics: &mut Diagnostics,
) -> RawDirectory {
    let mut dir = RawDirectory {
        root: root.to_owned(),
        ..Default::default()
    };
    if !root.is_dir() {
        diagnostics.push(Diagnostic::general(Message::RootMissing {
            path: display_path(root),
        }));
        return dir;
    }
    let canonical_root = root.canonicalize().unwrap_or_else(|_| root.to_owned());

    let settings_path = root.join(SETTINGS_FILE);
    if settings_path.is_file() {
        (dir.settings, dir.settings_left_out) =
            parse_toml_file(&settings_path, &canonical_root, sources, diagnostics);
    } else {
        // A missing file is a problem of the whole file: at its 1:1.
        let id = sources.add(SourceFile::new(display_path(&settings_path), String::new()));
        diagnostics.push(Diagnostic::error(
            id,
            None,
            Message::SettingsMissing {
                path: display_path(&settings_path),
            },
        ));
    }
    let content = root.join("content");
    let indications_path = content.join("indications.toml");
    if indications_path.is_file() {
        (dir.indications, dir.indications_left_out) =
            parse_toml_file(&indications_path, &canonical_root, sources, diagnostics);
    } else {
        let id = sources.add(SourceFile::new(
            display_path(&indications_path),
            String::new(),
        ));
        diagnostics.push(Diagnostic::error(
            id,
            None,
            Message::IndicationsMissing {
                path: display_path(&indications_path),
            },
        ));
    }

    let folders = Folders {
        root,
        canonical_root: &canonical_root,
        overlay,
    };
    (dir.groups, _) = folders.entries(
        &content.join("groups"),
        &mut cache.groups,
        sources,
        diagnostics,
    );
    (dir.organisations, dir.unreadable_organisations) = folders.entries(
        &content.join("organisations"),
        &mut cache.organisations,
        sources,
        diagnostics,
    );
    (dir.contact_points, dir.unreadable_contact_points) = folders.entries(
        &content.join("contact-points"),
        &mut cache.contact_points,
        sources,
        diagnostics,
    );
    (dir.pages, _) = folders.entries(
        &content.join("pages"),
        &mut cache.pages,
        sources,
        diagnostics,
    );
    dir.images = folders.images(&content.join("images"), &mut cache.images);
    dir
}

/// An entry file's text parsed as the loader parses a file it reads, but
/// not from disk: `import` checks the entries it is about to write this
/// way. Parsing is independent of other files (can run in parallel);
/// [`TextEntry::register`] then adds the file to a run.
pub struct TextEntry<T> {
    slug: String,
    source: Arc<SourceFile>,
    outcome: Outcome<T>,
}

impl<T: DeserializeOwned + JsonSchema> TextEntry<T> {
    /// Parses `text`, shown as `display` in messages.
    pub fn parse(display: String, slug: String, text: String) -> TextEntry<T> {
        let outcome = outcome_of(&text, front_matter::parse_partial::<T>);
        TextEntry {
            slug,
            source: Arc::new(SourceFile::new(display, text)),
            outcome,
        }
    }

    /// Adds the file to `sources` and its problems to `diagnostics`; the
    /// entry if it parsed, and the file's id either way.
    pub fn register(
        self,
        sources: &mut Sources,
        diagnostics: &mut Diagnostics,
    ) -> (FileId, Option<Loaded<T>>) {
        let (id, loaded) = register(
            self.source,
            self.outcome,
            FileVersion::next(),
            self.slug,
            sources,
            diagnostics,
        );
        (id, loaded.ok())
    }
}

/// Adds a parsed entry file to `sources` and its problems to
/// `diagnostics`: the file's id, and the entry if it parsed (else its slug
/// back, for the list of unreadable files).
fn register<T>(
    source: Arc<SourceFile>,
    outcome: Outcome<T>,
    version: FileVersion,
    slug: String,
    sources: &mut Sources,
    diagnostics: &mut Diagnostics,
) -> (FileId, Result<Loaded<T>, String>) {
    let id = sources.add_shared(source);
    let (problems, loaded) = match outcome {
        Outcome::Parsed {
            front,
            body,
            body_offset,
            problems,
            left_out,
        } => {
            let loaded = Loaded {
                file: id,
                version,
                slug,
                front,
                body,
                body_offset,
                left_out,
            };
            (problems, Ok(loaded))
        }
        Outcome::Problems(problems) => (problems, Err(slug)),
    };
    for (span, m) in problems {
        diagnostics.push(Diagnostic::error(id, span, m));
    }
    (id, loaded)
}

/// Reads a TOML file of the root. Every problem is reported; what is left
/// once the lines with problems are left out is returned as well (with the
/// keys left out), so that the rest of the file is still checked and the
/// other files are not measured against a file that is missing.
fn parse_toml_file<T: DeserializeOwned + JsonSchema>(
    path: &Path,
    canonical_root: &Path,
    sources: &mut Sources,
    diagnostics: &mut Diagnostics,
) -> (Option<(FileId, T)>, Vec<front_matter::LeftOut>) {
    let f = read_checked(path, canonical_root);
    let id = sources.add(SourceFile::new(f.display, f.text));
    if let Some((span, m)) = f.problem {
        diagnostics.push(Diagnostic::error(id, span, m));
        return (None, Vec::new());
    }
    let partial = front_matter::parse_partial::<T>(&sources.get(id).text);
    for (span, m) in partial.problems {
        diagnostics.push(Diagnostic::error(id, span, m));
    }
    (partial.value.map(|v| (id, v)), partial.left_out)
}

/// True for names the loader skips: hidden files and `_drafts`.
fn ignored(name: &str) -> bool {
    name.starts_with('.') || name.starts_with('_')
}

/// Is `path` (after resolving symlinks) inside the root?
fn inside(path: &Path, canonical_root: &Path) -> bool {
    path.canonicalize()
        .map(|p| p.starts_with(canonical_root))
        .unwrap_or(false)
}

/// The root, for reading the files of its content folders.
struct Folders<'a> {
    root: &'a Path,
    canonical_root: &'a Path,
    /// Changes not on disk yet.
    overlay: &'a Overlay,
}

impl Folders<'_> {
    /// Can files of `folder` be taken from a cache? Only if no symlink leads
    /// to it: changes are reported for the paths below the root, and a
    /// linked folder's files change under other paths.
    fn cacheable(&self, folder: &Path) -> bool {
        let Ok(rel) = folder.strip_prefix(self.root) else {
            return false;
        };
        folder
            .canonicalize()
            .is_ok_and(|real| real == self.canonical_root.join(rel))
    }

    /// The files of `folder`: the listing on the shelf if it is up to date,
    /// else a new one (then what the shelf keeps of files gone is dropped).
    /// The listing is kept if the folder's files can be cached.
    fn list<V: Clone>(&self, folder: &Path, shelf: &mut Shelf<V>) -> (Arc<Vec<Found>>, bool) {
        shelf.of(folder);
        let cacheable = self.cacheable(folder);
        let listing = match shelf.listing().filter(|_| cacheable) {
            Some(listing) => listing,
            None => {
                let listing = Arc::new(walk::files(folder));
                shelf.keep_only(listing.iter().map(|f| f.path.as_path()));
                listing
            }
        };
        shelf.set_listing(cacheable.then(|| Arc::clone(&listing)));
        let listing = match self.overlay.apply(folder, &listing) {
            Some(changed) => Arc::new(changed),
            None => listing,
        };
        (listing, cacheable)
    }

    /// Reads and parses the entry files of `folder` (`content/groups/`),
    /// taking unchanged ones from `shelf`.
    fn entries<T: DeserializeOwned + JsonSchema + Send + Sync>(
        &self,
        folder: &Path,
        shelf: &mut Shelf<ReadEntry<T>>,
        sources: &mut Sources,
        diagnostics: &mut Diagnostics,
    ) -> (Vec<Loaded<T>>, Vec<String>) {
        if !folder.is_dir() {
            shelf.clear();
            return (Vec::new(), Vec::new());
        }
        let (listing, cacheable) = self.list(folder, shelf);
        // Candidate files, sorted for deterministic ids. A link is read
        // every time: what it points to may change without a change being
        // reported for the link.
        let files: Vec<Candidate> = listing
            .iter()
            .filter(|f| f.path.as_os_str().as_encoded_bytes().ends_with(b".md"))
            .map(|f| Candidate {
                path: &f.path,
                nested: f.depth > 1,
                cacheable: cacheable && !f.symlink && !self.overlay.covers(&f.path),
            })
            .collect();

        // Read and parse what the shelf does not hold, in parallel.
        let fresh: Vec<(usize, ReadEntry<T>)> = files
            .par_iter()
            .enumerate()
            .filter(|(_, f)| !(f.cacheable && shelf.get(f.path).is_some()))
            .map(|(i, f)| (i, self.read_entry(f)))
            .collect();
        let mut fresh = fresh.into_iter().peekable();

        // Register in order.
        let mut out = Vec::with_capacity(files.len());
        let mut unreadable = Vec::new();
        for (i, f) in files.iter().enumerate() {
            let entry = match fresh.next_if(|(j, _)| *j == i) {
                Some((_, e)) => {
                    if f.cacheable {
                        shelf.put(f.path, e.clone());
                    }
                    e
                }
                None => match shelf.get(f.path) {
                    Some(e) => e.clone(),
                    None => continue,
                },
            };
            let slug = f
                .path
                .file_stem()
                .map(|s| s.to_string_lossy().into_owned())
                .unwrap_or_default();
            let (_, loaded) = register(
                entry.source,
                entry.outcome,
                entry.version,
                slug,
                sources,
                diagnostics,
            );
            match loaded {
                Ok(loaded) => out.push(loaded),
                Err(slug) => unreadable.push(slug),
            }
        }
        (out, unreadable)
    }

    /// Reads and parses one entry file.
    fn read_entry<T: DeserializeOwned + JsonSchema>(&self, f: &Candidate) -> ReadEntry<T> {
        let mut read = match self.overlay.written(f.path) {
            Some(bytes) => decoded(f.path, bytes),
            None => read_checked(f.path, self.canonical_root),
        };
        if read.problem.is_none() && f.nested {
            read.problem = Some((None, Message::SubfolderNotAllowed));
        }
        let outcome = match read.problem.take() {
            Some(problem) => Outcome::Problems(vec![problem]),
            None => outcome_of(&read.text, front_matter::parse_entry_partial::<T>),
        };
        ReadEntry {
            source: Arc::new(SourceFile::new(read.display, read.text)),
            version: FileVersion::next(),
            outcome,
        }
    }

    /// The files under `content/images/`, taking unchanged ones from
    /// `shelf`.
    fn images(
        &self,
        folder: &Path,
        shelf: &mut Shelf<Arc<Vec<u8>>>,
    ) -> BTreeMap<String, Arc<Vec<u8>>> {
        let mut images = BTreeMap::new();
        if !folder.is_dir() {
            shelf.clear();
            return images;
        }
        let (listing, cacheable) = self.list(folder, shelf);
        for f in listing.iter() {
            let Ok(rel) = f.path.strip_prefix(folder.parent().unwrap_or(folder)) else {
                continue;
            };
            let key = rel.to_string_lossy().replace('\\', "/");
            let cacheable = cacheable && !f.symlink && !self.overlay.covers(&f.path);
            let bytes = match shelf.get(&f.path).filter(|_| cacheable) {
                Some(bytes) => Arc::clone(bytes),
                None if self.overlay.covers(&f.path) => match self.overlay.written(&f.path) {
                    Some(bytes) => Arc::clone(bytes),
                    None => continue,
                },
                None => {
                    if !inside(&f.path, self.canonical_root)
                        || !std::fs::metadata(&f.path).is_ok_and(|m| m.is_file())
                    {
                        continue;
                    }
                    let Ok(bytes) = std::fs::read(&f.path) else {
                        continue;
                    };
                    let bytes = Arc::new(bytes);
                    if cacheable {
                        shelf.put(&f.path, Arc::clone(&bytes));
                    }
                    bytes
                }
            };
            images.insert(key, bytes);
        }
        images
    }
}

/// A file found in a content folder.
struct Candidate<'a> {
    path: &'a Path,
    /// In a subfolder (not allowed).
    nested: bool,
    /// May be taken from and kept in the cache.
    cacheable: bool,
}

/// What one entry file's text gives: its front matter (what is left of it
/// once the keys with problems are left out) and body, or only problems.
fn outcome_of<T>(text: &str, parse: impl Fn(&str) -> front_matter::Partial<T>) -> Outcome<T> {
    match front_matter::split(text) {
        Err(problem) => Outcome::Problems(vec![problem]),
        Ok(s) => match parse(&s.toml) {
            front_matter::Partial {
                value: Some(front),
                problems,
                left_out,
            } => Outcome::Parsed {
                front: Arc::new(front),
                body: Arc::from(s.body),
                body_offset: s.body_offset,
                problems,
                left_out: left_out.into(),
            },
            front_matter::Partial {
                value: None,
                problems,
                ..
            } => Outcome::Problems(problems),
        },
    }
}
