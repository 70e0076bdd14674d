//! Stage 5, output: write rendered files into a fresh folder beside the
//! output folder and swap it in only when everything is written. A failed
//! build leaves the previous output exactly as it was; `build` replaces only
//! a folder it made itself (marked by [`MARKER`]).

use std::collections::BTreeMap;
use std::fs;
use std::io;
use std::path::{Path, PathBuf};
use std::sync::{Arc, OnceLock};

use rayon::prelude::*;

use crate::diagnostics::{Message, display_path};

/// File that marks an output folder as made by wegweiser.
pub const MARKER: &str = ".wegweiser-output";
const MARKER_TEXT: &str =
    "This folder is written by `wegweiser build` and replaced as a whole on every build.\n";

/// Rendered files by path relative to the output folder (`site/index.html`).
///
/// Contents are shared (`Arc`): a file set that reuses most files of an
/// earlier one (`serve` rebuilding after a change) costs no copies.
#[derive(Debug, Default, Clone)]
pub struct Files {
    files: BTreeMap<String, Arc<Content>>,
}

/// The bytes of a file, possibly given as parts that are joined when the
/// file is first read. `serve` puts its largest files (the export, tens of
/// megabytes) together from per-entry parts on every change, and they are
/// read far less often than they change.
#[derive(Debug)]
pub struct Content {
    parts: Vec<Arc<Vec<u8>>>,
    joined: OnceLock<Vec<u8>>,
}

impl Content {
    /// Content of one piece.
    pub fn new(bytes: Vec<u8>) -> Content {
        Content::shared(Arc::new(bytes))
    }

    /// Content of one shared piece.
    pub fn shared(bytes: Arc<Vec<u8>>) -> Content {
        Content {
            parts: vec![bytes],
            joined: OnceLock::new(),
        }
    }

    /// Content made of parts, in order.
    pub fn parts(parts: Vec<Arc<Vec<u8>>>) -> Content {
        Content {
            parts,
            joined: OnceLock::new(),
        }
    }

    /// The bytes (the parts joined, the first time they are asked for).
    pub fn bytes(&self) -> &[u8] {
        match self.parts.as_slice() {
            [] => &[],
            [one] => one,
            parts => self.joined.get_or_init(|| {
                let mut joined = Vec::with_capacity(parts.iter().map(|p| p.len()).sum());
                parts.iter().for_each(|p| joined.extend_from_slice(p));
                joined
            }),
        }
    }
}

impl Files {
    /// Adds a file.
    pub fn insert(&mut self, path: impl Into<String>, bytes: impl Into<Vec<u8>>) {
        self.insert_content(path, Arc::new(Content::new(bytes.into())));
    }

    /// Adds a file whose content may be shared with other file sets.
    pub fn insert_content(&mut self, path: impl Into<String>, content: Arc<Content>) {
        self.files.insert(path.into(), content);
    }

    /// A file's shared content.
    pub fn content(&self, path: &str) -> Option<&Arc<Content>> {
        self.files.get(path)
    }

    /// Adds all files of `other` under `prefix/`.
    pub fn extend_under(&mut self, prefix: &str, other: Files) {
        for (p, b) in other.files {
            self.files.insert(format!("{prefix}/{p}"), b);
        }
    }

    /// A file's bytes.
    pub fn get(&self, path: &str) -> Option<&[u8]> {
        self.files.get(path).map(|c| c.bytes())
    }

    /// Number of files.
    pub fn len(&self) -> usize {
        self.files.len()
    }

    /// True if empty.
    pub fn is_empty(&self) -> bool {
        self.files.is_empty()
    }

    /// Iterates over (path, bytes).
    pub fn iter(&self) -> impl Iterator<Item = (&str, &[u8])> {
        self.files.iter().map(|(k, v)| (k.as_str(), v.bytes()))
    }

    /// Iterates over (path, shared content).
    pub fn contents(&self) -> impl Iterator<Item = (&str, &Arc<Content>)> {
        self.files.iter().map(|(k, v)| (k.as_str(), v))
    }
}

/// Files from (path, content); of two files with the same path the later
/// one is kept. Built at once from the sorted paths (faster than adding the
/// files one by one).
impl FromIterator<(String, Arc<Content>)> for Files {
    fn from_iter<I: IntoIterator<Item = (String, Arc<Content>)>>(iter: I) -> Files {
        let mut files: Vec<(String, Arc<Content>)> = iter.into_iter().collect();
        files.sort_by(|a, b| a.0.cmp(&b.0));
        // Stable sort: of equal paths, the later file is last; keep it.
        let mut unique: Vec<(String, Arc<Content>)> = Vec::with_capacity(files.len());
        for f in files {
            match unique.last_mut() {
                Some(last) if last.0 == f.0 => *last = f,
                _ => unique.push(f),
            }
        }
        Files {
            files: unique.into_iter().collect(),
        }
    }
}

fn write_err(path: &Path, e: io::Error) -> Message {
    Message::WriteFailed {
        path: display_path(path),
        error: e.to_string(),
    }
}

/// Refuses a non-empty folder that wegweiser did not make.
pub fn check_ours(out: &Path) -> Result<(), Message> {
    if !out.exists() {
        return Ok(());
    }
    if !out.is_dir() {
        return Err(Message::OutputNotOurs {
            path: display_path(out),
        });
    }
    let empty = fs::read_dir(out)
        .map_err(|e| write_err(out, e))?
        .next()
        .is_none();
    if empty || out.join(MARKER).is_file() {
        Ok(())
    } else {
        Err(Message::OutputNotOurs {
            path: display_path(out),
        })
    }
}

/// Writes `files` as the new content of `out`, carrying over the top-level
/// folders named in `keep` from the old output (`--only`).
///
/// The new tree is prepared in a spare folder beside `out` (the output of
/// the build before last, kept for this purpose): only files whose bytes
/// differ are written, files that are gone are deleted. Then spare and
/// `out` are exchanged in one atomic step, and the old output becomes the
/// spare of the next build. Rewriting a few changed files instead of
/// creating and deleting the whole tree on every build saves most of the
/// file system's work, and `out` is at every moment either the complete old
/// or the complete new tree.
pub fn publish(out: &Path, files: &Files, keep: &[&str]) -> Result<(), Message> {
    check_ours(out)?;
    let out = absolute(out);
    let parent = out
        .parent()
        .map(Path::to_path_buf)
        .unwrap_or_else(|| PathBuf::from("."));
    let name = out
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_else(|| "output".into());
    fs::create_dir_all(&parent).map_err(|e| write_err(&parent, e))?;
    let spare = parent.join(format!(".{name}.wegweiser-spare"));
    let old = parent.join(format!(".{name}.wegweiser-old"));
    recover(&out, &old);
    // Anything but a real folder (a file, a link) in the spare's place goes.
    if spare.exists() && (spare.is_symlink() || !spare.is_dir()) {
        let _ = fs::remove_file(&spare);
    }
    fs::create_dir_all(&spare).map_err(|e| write_err(&spare, e))?;

    // The complete wanted content: new files, kept parts of the old output, marker.
    let mut wanted: BTreeMap<String, std::borrow::Cow<'_, [u8]>> = files
        .files
        .iter()
        .map(|(p, b)| (p.clone(), std::borrow::Cow::Borrowed(b.bytes())))
        .collect();
    for k in keep {
        let from = out.join(k);
        if from.is_dir() {
            for e in walkdir::WalkDir::new(&from)
                .into_iter()
                .flatten()
                .filter(|e| e.file_type().is_file())
            {
                let Ok(rel) = e.path().strip_prefix(&out) else {
                    continue;
                };
                let rel = rel.to_string_lossy().replace('\\', "/");
                if let std::collections::btree_map::Entry::Vacant(slot) = wanted.entry(rel) {
                    let bytes = fs::read(e.path()).map_err(|err| write_err(e.path(), err))?;
                    slot.insert(std::borrow::Cow::Owned(bytes));
                }
            }
        }
    }
    wanted.insert(
        MARKER.to_owned(),
        std::borrow::Cow::Borrowed(MARKER_TEXT.as_bytes()),
    );

    sync(&spare, &wanted)?;

    // Swap: one atomic exchange where the system has it (Linux).
    if !out.exists() {
        fs::rename(&spare, &out).map_err(|e| write_err(&out, e))?;
        return Ok(());
    }
    if exchange(&spare, &out).is_ok() {
        return Ok(());
    }
    // Elsewhere: two renames; `recover` repairs an interruption between them.
    fs::rename(&out, &old).map_err(|e| write_err(&out, e))?;
    if let Err(e) = fs::rename(&spare, &out) {
        let _ = fs::rename(&old, &out);
        return Err(write_err(&out, e));
    }
    let _ = fs::rename(&old, &spare);
    Ok(())
}

/// Makes the folder `dir` hold exactly `wanted`: unchanged files are left
/// alone, changed ones rewritten, others deleted.
fn sync(dir: &Path, wanted: &BTreeMap<String, std::borrow::Cow<'_, [u8]>>) -> Result<(), Message> {
    // Delete what is not wanted (files first, then folders that are not needed).
    let mut needed_dirs: std::collections::HashSet<PathBuf> = std::collections::HashSet::new();
    for p in wanted.keys() {
        let mut d = Path::new(p).parent();
        while let Some(x) = d {
            if x.as_os_str().is_empty() || !needed_dirs.insert(x.to_path_buf()) {
                break;
            }
            d = x.parent();
        }
    }
    for e in walkdir::WalkDir::new(dir)
        .min_depth(1)
        .contents_first(true)
        .into_iter()
        .flatten()
    {
        let Ok(rel) = e.path().strip_prefix(dir) else {
            continue;
        };
        let key = rel.to_string_lossy().replace('\\', "/");
        let keep = if e.file_type().is_dir() {
            needed_dirs.contains(rel)
        } else {
            wanted.contains_key(&key)
        };
        if !keep {
            let r = if e.file_type().is_dir() {
                fs::remove_dir_all(e.path())
            } else {
                fs::remove_file(e.path())
            };
            r.map_err(|err| write_err(e.path(), err))?;
        }
    }
    // Folders (sequentially, sorted so parents come first), then files in parallel.
    let mut dirs: Vec<&PathBuf> = needed_dirs.iter().collect();
    dirs.sort();
    for d in dirs {
        let path = dir.join(d);
        if path.is_file() {
            fs::remove_file(&path).map_err(|e| write_err(&path, e))?;
        }
        if !path.is_dir() {
            fs::create_dir_all(&path).map_err(|e| write_err(&path, e))?;
        }
    }
    wanted.par_iter().try_for_each(|(p, bytes)| {
        let path = dir.join(p);
        match fs::read(&path) {
            Ok(existing) if existing == **bytes => Ok(()),
            _ => {
                if path.is_dir() {
                    fs::remove_dir_all(&path).map_err(|e| write_err(&path, e))?;
                }
                fs::write(&path, bytes).map_err(|e| write_err(&path, e))
            }
        }
    })
}

/// Atomically exchanges two paths (`renameat2(RENAME_EXCHANGE)`).
#[cfg(target_os = "linux")]
fn exchange(a: &Path, b: &Path) -> io::Result<()> {
    use rustix::fs::{CWD, RenameFlags, renameat_with};
    renameat_with(CWD, a, CWD, b, RenameFlags::EXCHANGE).map_err(io::Error::from)
}

#[cfg(not(target_os = "linux"))]
fn exchange(_a: &Path, _b: &Path) -> io::Result<()> {
    Err(io::Error::other("no atomic exchange on this system"))
}

/// After an interruption between the two renames of the fallback swap:
/// if the output is gone but the old one is aside, put it back.
fn recover(out: &Path, old: &Path) {
    if !out.exists() && old.is_dir() {
        let _ = fs::rename(old, out);
    }
    if old.exists() {
        let _ = fs::remove_dir_all(old);
    }
}

fn absolute(p: &Path) -> PathBuf {
    if p.is_absolute() {
        p.to_path_buf()
    } else {
        std::env::current_dir()
            .map(|c| c.join(p))
            .unwrap_or_else(|_| p.to_path_buf())
    }
}

/// Writes one file atomically (temp file + rename), e.g. `print --out`.
pub fn write_file(path: &Path, bytes: &[u8]) -> Result<(), Message> {
    let path = absolute(path);
    let dir = path
        .parent()
        .map(Path::to_path_buf)
        .unwrap_or_else(|| PathBuf::from("."));
    fs::create_dir_all(&dir).map_err(|e| write_err(&dir, e))?;
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    let tmp = dir.join(format!(".{name}.wegweiser-tmp"));
    fs::write(&tmp, bytes).map_err(|e| write_err(&tmp, e))?;
    fs::rename(&tmp, &path).map_err(|e| {
        let _ = fs::remove_file(&tmp);
        write_err(&path, e)
    })
}
