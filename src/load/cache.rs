//! What the loader read, kept for the next load: `serve` rebuilds after
//! every change, and re-reading and re-parsing thousands of unchanged files
//! would cost most of the rebuild.
//!
//! Entries are kept by path, and so is the list of files of each folder.
//! The cache cannot see changes by itself: the caller reports every changed
//! path ([`FileCache::forget`]); the file watcher knows them. A reported
//! file is read again; a reported path that is not a file known to be
//! there (a new file, one gone, a folder) makes the next load list the
//! folder again. Files reached through a symlink are never kept (a change
//! of the target is reported under another path).

use std::ffi::{OsStr, OsString};
use std::ops::Range;
use std::path::{Path, PathBuf};
use std::sync::Arc;

use rustc_hash::{FxHashMap, FxHashSet};

use super::walk::Found;
use super::{FileVersion, raw};
use crate::diagnostics::{Message, SourceFile};

/// The entry files and images of one root, as read by the last load.
#[derive(Debug, Default)]
pub struct FileCache {
    pub(super) groups: Shelf<ReadEntry<raw::GroupFront>>,
    pub(super) organisations: Shelf<ReadEntry<raw::OrganisationFront>>,
    pub(super) contact_points: Shelf<ReadEntry<raw::ContactPointFront>>,
    pub(super) pages: Shelf<ReadEntry<raw::PageFront>>,
    pub(super) images: Shelf<Arc<Vec<u8>>>,
}

impl FileCache {
    /// Forgets `path`, or everything below it if it is a folder, so that the
    /// next load reads it again. Give the path as the loader sees it: the
    /// root as given to the load, joined with the path below the root.
    pub fn forget(&mut self, path: &Path) {
        self.groups.forget(path);
        self.organisations.forget(path);
        self.contact_points.forget(path);
        self.pages.forget(path);
        self.images.forget(path);
    }

    /// Forgets everything (when changes may have been missed).
    pub fn clear(&mut self) {
        *self = FileCache::default();
    }
}

/// The kept files of one content folder, by path (compared as given, as
/// the loader builds them: the root joined with the path below it), and
/// the folder's listing as long as no change may have added or removed a
/// file (walking a folder of 10,000 files costs more than everything else
/// the loader does after a change).
#[derive(Debug)]
pub(super) struct Shelf<V> {
    /// The folder, once loaded.
    folder: Option<PathBuf>,
    files: FxHashMap<OsString, V>,
    listing: Option<Arc<Vec<Found>>>,
}

impl<V> Default for Shelf<V> {
    fn default() -> Self {
        Shelf {
            folder: None,
            files: FxHashMap::default(),
            listing: None,
        }
    }
}

impl<V: Clone> Shelf<V> {
    /// Makes this the shelf of `folder` (emptied if it was another one's).
    pub(super) fn of(&mut self, folder: &Path) {
        if self.folder.as_deref() != Some(folder) {
            *self = Shelf {
                folder: Some(folder.to_owned()),
                ..Shelf::default()
            };
        }
    }

    /// What is kept for `path`.
    pub(super) fn get(&self, path: &Path) -> Option<&V> {
        self.files.get(path.as_os_str())
    }

    /// Keeps `value` for `path`.
    pub(super) fn put(&mut self, path: &Path, value: V) {
        self.files.insert(path.as_os_str().to_owned(), value);
    }

    /// Drops what is kept for files not among `paths` (files gone).
    pub(super) fn keep_only<'a>(&mut self, paths: impl Iterator<Item = &'a Path>) {
        let keep: FxHashSet<&OsStr> = paths.map(Path::as_os_str).collect();
        self.files.retain(|p, _| keep.contains(p.as_os_str()));
    }

    /// The folder's listing, if it is known to be up to date.
    pub(super) fn listing(&self) -> Option<Arc<Vec<Found>>> {
        self.listing.clone()
    }

    /// Remembers the folder's listing (`None`: it is not to be kept).
    pub(super) fn set_listing(&mut self, listing: Option<Arc<Vec<Found>>>) {
        self.listing = listing;
    }

    /// Forgets everything.
    pub(super) fn clear(&mut self) {
        *self = Shelf::default();
    }

    fn forget(&mut self, path: &Path) {
        let Some(folder) = &self.folder else { return };
        if !path.starts_with(folder) && !folder.starts_with(path) {
            return;
        }
        let known = self.files.remove(path.as_os_str()).is_some();
        if !known {
            self.files.retain(|p, _| !Path::new(p).starts_with(path));
        }
        // A known file changed in place leaves the listing as it is;
        // anything else may have added or removed files.
        let in_place = known && std::fs::symlink_metadata(path).is_ok_and(|m| m.is_file());
        if !in_place {
            self.listing = None;
        }
    }
}

/// An entry file as read and parsed.
#[derive(Debug)]
pub(super) struct ReadEntry<T> {
    /// The text, for locating problems.
    pub(super) source: Arc<SourceFile>,
    /// This reading.
    pub(super) version: FileVersion,
    /// The parsed file or its problems.
    pub(super) outcome: Outcome<T>,
}

// Manual impls: `T` itself need not be `Clone`, it is behind an `Arc`.
impl<T> Clone for ReadEntry<T> {
    fn clone(&self) -> Self {
        ReadEntry {
            source: Arc::clone(&self.source),
            version: self.version,
            outcome: self.outcome.clone(),
        }
    }
}

/// What parsing an entry file gave.
#[derive(Debug)]
pub(super) enum Outcome<T> {
    /// Front matter and Markdown body.
    Parsed {
        /// The front matter.
        front: Arc<T>,
        /// The Markdown body.
        body: Arc<str>,
        /// Byte offset of the body in the file.
        body_offset: usize,
        /// Problems of the front matter (unknown fields, wrong values):
        /// reported, while the rest of the entry is still checked.
        problems: Vec<(Option<Range<usize>>, Message)>,
        /// Keys left out of `front` for a wrong value.
        left_out: Arc<[super::front_matter::LeftOut]>,
    },
    /// The file could not be read or parsed: the problems, located.
    Problems(Vec<(Option<Range<usize>>, Message)>),
}

impl<T> Clone for Outcome<T> {
    fn clone(&self) -> Self {
        match self {
            Outcome::Parsed {
                front,
                body,
                body_offset,
                problems,
                left_out,
            } => Outcome::Parsed {
                front: Arc::clone(front),
                body: Arc::clone(body),
                body_offset: *body_offset,
                problems: problems.clone(),
                left_out: Arc::clone(left_out),
            },
            Outcome::Problems(p) => Outcome::Problems(p.clone()),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn forgetting_a_folder_forgets_what_is_below() {
        let mut shelf: Shelf<u8> = Shelf::default();
        shelf.of(Path::new("r/content"));
        shelf.put(Path::new("r/content/groups/a.md"), 1);
        shelf.put(Path::new("r/content/groups/b.md"), 2);
        shelf.put(Path::new("r/content/pages/c.md"), 3);
        shelf.forget(Path::new("r/content/groups/a.md"));
        assert_eq!(shelf.get(Path::new("r/content/groups/a.md")), None);
        assert_eq!(shelf.get(Path::new("r/content/groups/b.md")), Some(&2));
        shelf.forget(Path::new("r/content/groups"));
        assert_eq!(shelf.get(Path::new("r/content/groups/b.md")), None);
        assert_eq!(shelf.get(Path::new("r/content/pages/c.md")), Some(&3));
    }

    #[test]
    fn the_listing_is_kept_only_while_files_change_in_place() {
        let dir = tempfile::tempdir().unwrap();
        let folder = dir.path().join("groups");
        std::fs::create_dir(&folder).unwrap();
        let a = folder.join("a.md");
        std::fs::write(&a, "").unwrap();
        let listing = || Some(Arc::new(Vec::new()));
        let mut shelf: Shelf<u8> = Shelf::default();
        shelf.of(&folder);
        shelf.put(&a, 1);
        shelf.set_listing(listing());
        // Changed in place: the listing stays.
        shelf.forget(&a);
        assert!(shelf.listing().is_some());
        // Elsewhere: nothing to do here.
        shelf.forget(&dir.path().join("pages/c.md"));
        assert!(shelf.listing().is_some());
        // A new file: list again.
        shelf.forget(&folder.join("b.md"));
        assert!(shelf.listing().is_none());
        // A file gone: list again.
        shelf.put(&a, 1);
        shelf.set_listing(listing());
        std::fs::remove_file(&a).unwrap();
        shelf.forget(&a);
        assert!(shelf.listing().is_none());
    }
}
