//! Writes through the editor's API: checked first with the same loader and
//! validator as `check`, on the directory as it would be after the write
//! (files written, renamed or removed laid over the disk), then written
//! atomically and built at once.
//!
//! A change is refused if the directory would have an error in a file it
//! writes, or an error elsewhere that it does not have now (a group naming
//! an organisation that is removed, say). Errors the directory has already
//! (someone is editing another file by hand) do not block other changes.

use std::io::Write;
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::sync::atomic::{AtomicU64, Ordering};
use std::time::Instant;

use crate::diagnostics::{self, Diagnostics, Format, Severity, display_path};
use crate::load::Overlay;

use super::Shared;
use super::rebuild::error_key;

/// Why a change was not made.
pub(super) enum Refusal {
    /// `check` would report these errors (as `check` prints them, in the
    /// directory's language).
    Invalid(String),
    /// Writing failed.
    Io(String),
}

/// Checks the changes of `overlay` and, if the directory stays valid, makes
/// them (writes first, then removals) and builds the site again.
pub(super) fn apply(shared: &Shared, overlay: Overlay) -> Result<(), Refusal> {
    let mut rebuilder = shared.rebuilder.lock().unwrap_or_else(|e| e.into_inner());
    let started = Instant::now();
    let project = rebuilder.check(&overlay);
    let written: Vec<String> = overlay
        .changes()
        .filter(|(_, bytes)| bytes.is_some())
        .map(|(p, _)| display_path(p))
        .collect();
    let before = rebuilder.errors();
    let mut offending = Diagnostics::default();
    for d in project
        .diagnostics
        .iter()
        .filter(|d| d.severity == Severity::Error)
    {
        let in_written = d
            .file
            .is_some_and(|f| written.contains(&project.sources.get(f).display));
        if in_written || !before.contains(&error_key(&project, d)) {
            offending.push(d.clone());
        }
    }
    if !offending.is_empty() {
        let mut text = Vec::new();
        let _ = diagnostics::render(
            &offending,
            &project.sources,
            project.lang,
            Format::Human,
            false,
            &mut text,
        );
        return Err(Refusal::Invalid(
            String::from_utf8_lossy(&text).trim_end().to_owned(),
        ));
    }

    let mut expected = shared.expected.lock().unwrap_or_else(|e| e.into_inner());
    let (writes, removals): (Vec<_>, Vec<_>) =
        overlay.changes().partition(|(_, bytes)| bytes.is_some());
    let mut done: Vec<PathBuf> = Vec::new();
    let mut failure = None;
    for (path, bytes) in writes.into_iter().chain(removals) {
        let result = match bytes {
            Some(bytes) => write_atomically(path, bytes),
            None => match std::fs::remove_file(path) {
                Err(e) if e.kind() != std::io::ErrorKind::NotFound => Err(e),
                _ => Ok(()),
            },
        };
        match result {
            Ok(()) => {
                expected.insert(path.to_owned(), bytes.cloned());
                done.push(path.to_owned());
            }
            Err(e) => {
                failure = Some(Refusal::Io(format!("{}: {e}", display_path(path))));
                break;
            }
        }
    }
    drop(expected);
    rebuilder.changed(done.iter().map(PathBuf::as_path));
    // What was checked is what is on disk now, unless a write failed.
    let build = match failure {
        None => rebuilder.build_checked(project, started),
        Some(_) => rebuilder.build(),
    };
    shared.publish(build, shared.lang_override);
    failure.map_or(Ok(()), Err)
}

/// Writes `bytes` to `path` through a temporary file in the same folder and
/// a rename: readers see the old file or the new one, never a part. No
/// `fsync` (neither decap-server nor most editors do one): on a busy disk
/// it costs hundreds of milliseconds per save, and the next save waits for
/// the journal.
fn write_atomically(path: &Path, bytes: &[u8]) -> std::io::Result<()> {
    static COUNTER: AtomicU64 = AtomicU64::new(0);
    let folder = path.parent().unwrap_or(Path::new("."));
    let n = COUNTER.fetch_add(1, Ordering::Relaxed);
    let temp = folder.join(format!("{TEMP_PREFIX}{}-{n}.tmp", std::process::id()));
    let result = (|| {
        if !folder.is_dir() {
            std::fs::create_dir(folder)?;
        }
        let mut file = std::fs::OpenOptions::new()
            .write(true)
            .create_new(true)
            .open(&temp)?;
        file.write_all(bytes)?;
        std::fs::rename(&temp, path)
    })();
    if result.is_err() {
        let _ = std::fs::remove_file(&temp);
    }
    result
}

/// Names of the temporary files (hidden: the loader skips them).
pub(super) const TEMP_PREFIX: &str = ".wegweiser-api-";

/// Should a change the watcher reports be built? Not if it is one of our
/// temporary files, or a file as the API wrote it (built already). A file
/// found otherwise is no longer expected: a later change back to the same
/// bytes is built again.
pub(super) fn unexpected(shared: &Shared, path: &Path) -> bool {
    if path
        .file_name()
        .is_some_and(|n| n.to_string_lossy().starts_with(TEMP_PREFIX))
    {
        return false;
    }
    let mut expected = shared.expected.lock().unwrap_or_else(|e| e.into_inner());
    let Some(want) = expected.get(path) else {
        return true;
    };
    let same = match (want, std::fs::read(path)) {
        (Some(bytes), Ok(now)) => **bytes == now,
        (None, Err(e)) => e.kind() == std::io::ErrorKind::NotFound,
        _ => false,
    };
    if !same {
        expected.remove(path);
    }
    !same
}

/// The bytes the API wrote last to a path (`None`: removed).
pub(super) type Expected = std::collections::HashMap<PathBuf, Option<Arc<Vec<u8>>>>;
