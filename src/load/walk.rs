//! Listing the files of a content folder, in a fixed order: the names of a
//! folder sorted (byte order), a subfolder's files right after the
//! subfolder's name. Hidden names and names starting with `_` are skipped,
//! with everything below them. Links are listed, never followed.
//!
//! This is the order of `walkdir` sorted by file name, without its cost of
//! taking every path apart again for each comparison (10,000 files per
//! folder are common).

use std::ffi::OsString;
use std::fs::{self, FileType};
use std::path::{Path, PathBuf};

/// A file (or link, or other non-folder) found below a folder.
#[derive(Debug, Clone)]
pub(super) struct Found {
    pub path: PathBuf,
    /// 1 directly in the folder, 2 in a subfolder, …
    pub depth: usize,
    /// The entry itself is a symbolic link.
    pub symlink: bool,
}

/// The files below `folder`; unreadable folders are left out.
pub(super) fn files(folder: &Path) -> Vec<Found> {
    let mut out = Vec::new();
    walk(folder, 1, &mut out);
    out
}

fn walk(folder: &Path, depth: usize, out: &mut Vec<Found>) {
    let Ok(read) = fs::read_dir(folder) else {
        return;
    };
    let mut entries: Vec<(OsString, FileType)> = read
        .flatten()
        .filter_map(|e| e.file_type().ok().map(|t| (e.file_name(), t)))
        .collect();
    entries.sort_unstable_by(|a, b| a.0.cmp(&b.0));
    for (name, kind) in entries {
        if super::ignored(&name.to_string_lossy()) {
            continue;
        }
        let path = folder.join(&name);
        if kind.is_dir() {
            walk(&path, depth + 1, out);
        } else {
            out.push(Found {
                path,
                depth,
                symlink: kind.is_symlink(),
            });
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn same_order_as_walkdir_sorted_by_name() {
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path();
        for f in [
            "b.md",
            "a.md",
            "b/x.md",
            "b/a/y.md",
            "B.md",
            "ä.md",
            "_drafts/z.md",
            ".hidden.md",
            "c/.d/w.md",
            "b.md.d/q.md",
        ] {
            let p = root.join(f);
            fs::create_dir_all(p.parent().unwrap()).unwrap();
            fs::write(p, "").unwrap();
        }
        let expected: Vec<(PathBuf, usize)> = walkdir::WalkDir::new(root)
            .min_depth(1)
            .sort_by_file_name()
            .into_iter()
            .filter_entry(|e| !super::super::ignored(&e.file_name().to_string_lossy()))
            .flatten()
            .filter(|e| !e.file_type().is_dir())
            .map(|e| (e.path().to_owned(), e.depth()))
            .collect();
        let got: Vec<(PathBuf, usize)> =
            files(root).into_iter().map(|f| (f.path, f.depth)).collect();
        assert_eq!(got, expected);
        assert_eq!(got.len(), 7);
    }
}
