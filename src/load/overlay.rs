//! Changes laid over the files on disk for one load: `serve` checks what
//! the directory would be after an edit (a file written, renamed or
//! removed) before it writes anything.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::sync::Arc;

use super::walk::Found;

/// Files written (new bytes) or removed, by path as the loader builds it:
/// the root as given to the load, joined with the path below the root.
#[derive(Debug, Default, Clone)]
pub struct Overlay {
    files: BTreeMap<PathBuf, Option<Arc<Vec<u8>>>>,
}

impl Overlay {
    /// `path` holds `bytes`.
    pub fn write(&mut self, path: PathBuf, bytes: Arc<Vec<u8>>) {
        self.files.insert(path, Some(bytes));
    }

    /// `path` is gone.
    pub fn remove(&mut self, path: PathBuf) {
        self.files.insert(path, None);
    }

    /// True if nothing is changed.
    pub fn is_empty(&self) -> bool {
        self.files.is_empty()
    }

    /// The changed paths and their new bytes (`None`: removed).
    pub fn changes(&self) -> impl Iterator<Item = (&Path, Option<&Arc<Vec<u8>>>)> {
        self.files.iter().map(|(p, b)| (p.as_path(), b.as_ref()))
    }

    /// Does the overlay say what `path` is (written or removed)?
    pub(super) fn covers(&self, path: &Path) -> bool {
        self.files.contains_key(path)
    }

    /// The bytes written to `path`, if any.
    pub(super) fn written(&self, path: &Path) -> Option<&Arc<Vec<u8>>> {
        self.files.get(path).and_then(Option::as_ref)
    }

    /// The listing of `folder` with the changes made, or `None` if none of
    /// them is below `folder`. Files written are added in the listing's
    /// order (component by component, as the walk lists them), files
    /// removed are left out.
    pub(super) fn apply(&self, folder: &Path, listing: &[Found]) -> Option<Vec<Found>> {
        let below: Vec<(&PathBuf, bool)> = self
            .files
            .iter()
            .filter(|(p, _)| p.starts_with(folder) && p.as_path() != folder)
            .map(|(p, b)| (p, b.is_some()))
            .collect();
        if below.is_empty() {
            return None;
        }
        let mut out: Vec<Found> = listing
            .iter()
            .filter(|f| !self.covers(&f.path))
            .cloned()
            .collect();
        for (path, written) in below {
            if !written {
                continue;
            }
            let depth = path
                .strip_prefix(folder)
                .map(|r| r.components().count())
                .unwrap_or(1);
            let at = out.partition_point(|f| f.path.as_path() < path.as_path());
            out.insert(
                at,
                Found {
                    path: path.clone(),
                    depth,
                    symlink: false,
                },
            );
        }
        Some(out)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn found(p: &str) -> Found {
        Found {
            path: PathBuf::from(p),
            depth: 1,
            symlink: false,
        }
    }

    #[test]
    fn changes_are_laid_over_the_listing_in_order() {
        let listing = vec![found("r/g/a.md"), found("r/g/c.md"), found("r/g/e.md")];
        let mut o = Overlay::default();
        assert!(o.apply(Path::new("r/g"), &listing).is_none());
        o.write(PathBuf::from("r/g/d.md"), Arc::new(b"x".to_vec()));
        o.write(PathBuf::from("r/g/a.md"), Arc::new(b"y".to_vec()));
        o.remove(PathBuf::from("r/g/e.md"));
        o.write(PathBuf::from("r/p/z.md"), Arc::new(b"z".to_vec()));
        let got: Vec<PathBuf> = o
            .apply(Path::new("r/g"), &listing)
            .unwrap()
            .into_iter()
            .map(|f| f.path)
            .collect();
        assert_eq!(got, ["r/g/a.md", "r/g/c.md", "r/g/d.md"].map(PathBuf::from));
        assert_eq!(
            o.written(Path::new("r/g/a.md")).map(|b| b.as_slice()),
            Some(&b"y"[..])
        );
        assert!(o.covers(Path::new("r/g/e.md")) && o.written(Path::new("r/g/e.md")).is_none());
    }
}
