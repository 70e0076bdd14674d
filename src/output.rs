//! Stage 5, output: write rendered files into a fresh folder beside the
//! output folder and swap it in only when everything is written. A failed
//! build leaves the previous output exactly as it was; `build` replaces only
//! a folder it made itself (marked by [`MARKER`]).

use std::collections::BTreeMap;
use std::fs;
use std::io;
use std::path::{Path, PathBuf};

use rayon::prelude::*;

use crate::diagnostics::{Message, display_path};

/// File that marks an output folder as made by wegweiser.
pub const MARKER: &str = ".wegweiser-output";
const MARKER_TEXT: &str = "This folder is written by `wegweiser build` and replaced as a whole on every build.\n";

/// Rendered files by path relative to the output folder (`site/index.html`).
#[derive(Debug, Default)]
pub struct Files {
    files: BTreeMap<String, Vec<u8>>,
}

impl Files {
    /// Adds a file.
    pub fn insert(&mut self, path: impl Into<String>, bytes: impl Into<Vec<u8>>) {
        self.files.insert(path.into(), bytes.into());
    }

    /// Adds all files of `other` under `prefix/`.
    pub fn extend_under(&mut self, prefix: &str, other: Files) {
        for (p, b) in other.files {
            self.files.insert(format!("{prefix}/{p}"), b);
        }
    }

    /// A file's bytes.
    pub fn get(&self, path: &str) -> Option<&[u8]> {
        self.files.get(path).map(Vec::as_slice)
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
        self.files.iter().map(|(k, v)| (k.as_str(), v.as_slice()))
    }
}

fn write_err(path: &Path, e: io::Error) -> Message {
    Message::WriteFailed { path: display_path(path), error: e.to_string() }
}

/// Refuses a non-empty folder that wegweiser did not make.
pub fn check_ours(out: &Path) -> Result<(), Message> {
    if !out.exists() {
        return Ok(());
    }
    if !out.is_dir() {
        return Err(Message::OutputNotOurs { path: display_path(out) });
    }
    let empty = fs::read_dir(out).map_err(|e| write_err(out, e))?.next().is_none();
    if empty || out.join(MARKER).is_file() {
        Ok(())
    } else {
        Err(Message::OutputNotOurs { path: display_path(out) })
    }
}

/// Writes `files` as the new content of `out`, carrying over the top-level
/// folders named in `keep` from the old output (`--only`).
pub fn publish(out: &Path, files: &Files, keep: &[&str]) -> Result<(), Message> {
    check_ours(out)?;
    let out = absolute(out);
    let parent = out.parent().map(Path::to_path_buf).unwrap_or_else(|| PathBuf::from("."));
    let name = out.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_else(|| "output".into());
    fs::create_dir_all(&parent).map_err(|e| write_err(&parent, e))?;
    let staging = parent.join(format!(".{name}.wegweiser-new"));
    let old = parent.join(format!(".{name}.wegweiser-old"));
    recover(&out, &staging, &old);
    if staging.exists() {
        fs::remove_dir_all(&staging).map_err(|e| write_err(&staging, e))?;
    }
    fs::create_dir_all(&staging).map_err(|e| write_err(&staging, e))?;

    let result = (|| {
        // What `--only` keeps comes first, so new files replace old ones.
        for k in keep {
            let from = out.join(k);
            if from.is_dir() {
                copy_dir(&from, &staging.join(k)).map_err(|e| write_err(&from, e))?;
            }
        }
        // Folders (sequentially), then the files in parallel.
        let mut dirs: Vec<PathBuf> = files
            .files
            .keys()
            .filter_map(|p| Path::new(p).parent().map(|d| staging.join(d)))
            .collect();
        dirs.dedup();
        for d in &dirs {
            fs::create_dir_all(d).map_err(|e| write_err(d, e))?;
        }
        files.files.par_iter().try_for_each(|(p, bytes)| {
            let path = staging.join(p);
            fs::write(&path, bytes).map_err(|e| write_err(&path, e))
        })?;
        fs::write(staging.join(MARKER), MARKER_TEXT).map_err(|e| write_err(&staging, e))
    })();
    if let Err(e) = result {
        let _ = fs::remove_dir_all(&staging);
        return Err(e);
    }

    // Swap: one atomic exchange where the system has it (Linux), so that at
    // every moment `out` is either the complete old or the complete new tree.
    if out.exists() {
        if exchange(&staging, &out).is_ok() {
            let _ = fs::remove_dir_all(&staging);
            return Ok(());
        }
        fs::rename(&out, &old).map_err(|e| write_err(&out, e))?;
    }
    if let Err(e) = fs::rename(&staging, &out) {
        let _ = fs::rename(&old, &out);
        return Err(write_err(&out, e));
    }
    let _ = fs::remove_dir_all(&old);
    Ok(())
}

/// Atomically exchanges two paths (`renameat2(RENAME_EXCHANGE)`).
#[cfg(target_os = "linux")]
fn exchange(a: &Path, b: &Path) -> io::Result<()> {
    use std::ffi::CString;
    use std::os::unix::ffi::OsStrExt;
    let ca = CString::new(a.as_os_str().as_bytes()).map_err(io::Error::other)?;
    let cb = CString::new(b.as_os_str().as_bytes()).map_err(io::Error::other)?;
    // SAFETY: both arguments are valid NUL-terminated paths; AT_FDCWD is a valid directory fd.
    let r = unsafe { libc::renameat2(libc::AT_FDCWD, ca.as_ptr(), libc::AT_FDCWD, cb.as_ptr(), libc::RENAME_EXCHANGE) };
    if r == 0 { Ok(()) } else { Err(io::Error::last_os_error()) }
}

#[cfg(not(target_os = "linux"))]
fn exchange(_a: &Path, _b: &Path) -> io::Result<()> {
    Err(io::Error::other("no atomic exchange on this system"))
}

/// After an interrupted swap: if the output is gone but the old one is
/// aside, put it back; remove leftovers.
fn recover(out: &Path, staging: &Path, old: &Path) {
    if !out.exists() && old.is_dir() {
        let _ = fs::rename(old, out);
    }
    if old.exists() {
        let _ = fs::remove_dir_all(old);
    }
    let _ = staging;
}

fn absolute(p: &Path) -> PathBuf {
    if p.is_absolute() {
        p.to_path_buf()
    } else {
        std::env::current_dir().map(|c| c.join(p)).unwrap_or_else(|_| p.to_path_buf())
    }
}

fn copy_dir(from: &Path, to: &Path) -> io::Result<()> {
    fs::create_dir_all(to)?;
    for entry in fs::read_dir(from)? {
        let entry = entry?;
        let target = to.join(entry.file_name());
        if entry.file_type()?.is_dir() {
            copy_dir(&entry.path(), &target)?;
        } else {
            fs::copy(entry.path(), &target)?;
        }
    }
    Ok(())
}

/// Writes one file atomically (temp file + rename), e.g. `print --out`.
pub fn write_file(path: &Path, bytes: &[u8]) -> Result<(), Message> {
    let path = absolute(path);
    let dir = path.parent().map(Path::to_path_buf).unwrap_or_else(|| PathBuf::from("."));
    fs::create_dir_all(&dir).map_err(|e| write_err(&dir, e))?;
    let name = path.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default();
    let tmp = dir.join(format!(".{name}.wegweiser-tmp"));
    fs::write(&tmp, bytes).map_err(|e| write_err(&tmp, e))?;
    fs::rename(&tmp, &path).map_err(|e| {
        let _ = fs::remove_file(&tmp);
        write_err(&path, e)
    })
}
