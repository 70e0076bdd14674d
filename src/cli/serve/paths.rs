//! The paths Decap names, checked before anything is read or written:
//! relative, `/`-separated, below `content/` of the root, never through a
//! symbolic link that leads elsewhere. Entries are written only as
//! `content/{groups,organisations,contact-points,pages}/<slug>.md`, images
//! only into `content/images/`.

use std::path::{Path, PathBuf};

/// The entry folders, as Decap names them.
pub(super) const ENTRY_FOLDERS: [&str; 4] = ["groups", "organisations", "contact-points", "pages"];
/// The folder of images.
pub(super) const IMAGES: &str = "images";
/// Image formats `check` can read (see [`crate::printable::check_image`]).
const IMAGE_EXTENSIONS: [&str; 6] = ["png", "jpg", "jpeg", "gif", "webp", "svg"];

/// Why a path is refused.
#[derive(Debug, PartialEq)]
pub(super) enum Refused {
    /// Not a plain relative path below `content/`, or through a link
    /// leading out of it (HTTP 403).
    Outside,
    /// Below `content/`, but not where an entry (or image) may be (HTTP 422).
    NotEntry,
    NotImage,
    /// Nothing there (HTTP 404).
    Missing,
    /// The file system said no.
    Io(String),
}

/// What a path is meant for.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(super) enum Kind {
    Entry,
    Image,
}

/// A path Decap gave: its `/`-separated segments, the first `content`.
#[derive(Debug, Clone)]
pub(super) struct ContentPath {
    segments: Vec<String>,
}

impl ContentPath {
    /// Checks the form: relative, no `..`, `.` or empty segment, no
    /// backslash, colon (drive letters, streams), NUL or other control
    /// character, and below `content/`.
    pub(super) fn parse(path: &str) -> Result<ContentPath, Refused> {
        let plain = !path.is_empty()
            && path.len() <= 1024
            && !path.starts_with('/')
            && !path
                .chars()
                .any(|c| c == '\\' || c == ':' || c.is_control());
        if !plain {
            return Err(Refused::Outside);
        }
        let segments: Vec<String> = path
            .trim_end_matches('/')
            .split('/')
            .map(str::to_owned)
            .collect();
        if segments
            .iter()
            .any(|s| s.is_empty() || s == "." || s == "..")
            || segments[0] != "content"
        {
            return Err(Refused::Outside);
        }
        Ok(ContentPath { segments })
    }

    /// As Decap names it.
    pub(super) fn as_str(&self) -> String {
        self.segments.join("/")
    }

    /// The path below `root`, joined as the loader joins it.
    pub(super) fn under(&self, root: &Path) -> PathBuf {
        self.segments.iter().fold(root.to_owned(), |p, s| p.join(s))
    }

    /// An entry file (`content/groups/<slug>.md`, …) or an image directly
    /// in `content/images/`?
    pub(super) fn kind(&self) -> Result<Kind, Refused> {
        match self.segments.as_slice() {
            [_, folder, name] if ENTRY_FOLDERS.contains(&folder.as_str()) => {
                match name.strip_suffix(".md").filter(|slug| is_slug(slug)) {
                    Some(_) => Ok(Kind::Entry),
                    None => Err(Refused::NotEntry),
                }
            }
            [_, folder, name] if folder == IMAGES => {
                if is_image_name(name) {
                    Ok(Kind::Image)
                } else {
                    Err(Refused::NotImage)
                }
            }
            [_, folder, ..] if folder == IMAGES => Err(Refused::NotImage),
            _ => Err(Refused::NotEntry),
        }
    }

    /// Checks that the path may be written as `kind` and returns where:
    /// the folder, if it is there, must be the real
    /// `content/<folder>` of the root, not a link, and the file, if it is
    /// there, a regular file.
    pub(super) fn for_writing(&self, root: &Path, kind: Kind) -> Result<PathBuf, Refused> {
        if self.kind().ok() != Some(kind) {
            return Err(if kind == Kind::Image {
                Refused::NotImage
            } else {
                Refused::NotEntry
            });
        }
        let content = real_content(root)?;
        let folder = root.join("content").join(&self.segments[1]);
        // A missing folder is made when the file is written.
        if std::fs::symlink_metadata(&folder).is_ok() {
            match folder.canonicalize() {
                Ok(real) if real == content.join(&self.segments[1]) => {}
                _ => return Err(Refused::Outside),
            }
        }
        let path = self.under(root);
        match std::fs::symlink_metadata(&path) {
            Ok(m) if !m.is_file() => Err(Refused::Outside),
            _ => Ok(path),
        }
    }

    /// Checks that the path is a regular file (links followed) below the
    /// root's real `content/` and returns it.
    pub(super) fn for_reading(&self, root: &Path) -> Result<PathBuf, Refused> {
        let content = real_content(root)?;
        let path = self.under(root);
        match path.canonicalize() {
            Ok(real) if !real.starts_with(&content) => Err(Refused::Outside),
            Ok(real) if real.is_file() => Ok(path),
            Ok(_) => Err(Refused::Missing),
            Err(_) => Err(Refused::Missing),
        }
    }

    /// Like [`ContentPath::for_reading`], for a folder.
    pub(super) fn folder_for_reading(&self, root: &Path) -> Result<(PathBuf, PathBuf), Refused> {
        let content = real_content(root)?;
        let path = self.under(root);
        match path.canonicalize() {
            Ok(real) if !real.starts_with(&content) => Err(Refused::Outside),
            Ok(real) if real.is_dir() => Ok((path, content)),
            _ => Err(Refused::Missing),
        }
    }
}

/// The real path of the root's `content/`, which must be inside the root.
pub(super) fn real_content(root: &Path) -> Result<PathBuf, Refused> {
    let real_root = root
        .canonicalize()
        .map_err(|e| Refused::Io(e.to_string()))?;
    match root.join("content").canonicalize() {
        Ok(c) if c.starts_with(&real_root) => Ok(c),
        Ok(_) => Err(Refused::Outside),
        Err(_) => Err(Refused::Missing),
    }
}

/// `^[a-z0-9]+(-[a-z0-9]+)*$` (contract, section 1).
pub(super) fn is_slug(s: &str) -> bool {
    !s.is_empty()
        && s.split('-').all(|part| {
            !part.is_empty()
                && part
                    .bytes()
                    .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit())
        })
}

/// A file name for `content/images/`: letters, digits, `.`, `_`, `-`,
/// not hidden, with an image extension.
fn is_image_name(name: &str) -> bool {
    let ext = name
        .rsplit_once('.')
        .map(|(_, e)| e.to_ascii_lowercase())
        .unwrap_or_default();
    !name.starts_with(['.', '_', '-'])
        && name.len() <= 200
        && name
            .chars()
            .all(|c| c.is_alphanumeric() || matches!(c, '.' | '_' | '-'))
        && IMAGE_EXTENSIONS.contains(&ext.as_str())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn forms_outside_content_are_refused() {
        for bad in [
            "",
            "/etc/passwd",
            "../x",
            "content/../wegweiser.toml",
            "content/groups/../../x.md",
            "content\\groups\\a.md",
            "C:/content/groups/a.md",
            "content/groups/a.md\0",
            "content//groups/a.md",
            "content/./groups/a.md",
            "wegweiser.toml",
            "themes/default/x.html",
            "contents/groups/a.md",
        ] {
            assert_eq!(
                ContentPath::parse(bad).err(),
                Some(Refused::Outside),
                "{bad:?}"
            );
        }
    }

    #[test]
    fn entries_and_images() {
        let kind = |p: &str| ContentPath::parse(p).and_then(|c| c.kind());
        assert_eq!(kind("content/groups/diabetes-nord.md"), Ok(Kind::Entry));
        assert_eq!(kind("content/contact-points/kiss.md"), Ok(Kind::Entry));
        assert_eq!(kind("content/pages/impressum.md"), Ok(Kind::Entry));
        assert_eq!(kind("content/images/logo.png"), Ok(Kind::Image));
        assert_eq!(kind("content/groups/Diabetes.md"), Err(Refused::NotEntry));
        assert_eq!(kind("content/groups/a--b.md"), Err(Refused::NotEntry));
        assert_eq!(kind("content/groups/a.txt"), Err(Refused::NotEntry));
        assert_eq!(kind("content/groups/sub/a.md"), Err(Refused::NotEntry));
        assert_eq!(kind("content/indications.toml"), Err(Refused::NotEntry));
        assert_eq!(kind("content/images/.hidden.png"), Err(Refused::NotImage));
        assert_eq!(kind("content/images/x.exe"), Err(Refused::NotImage));
        assert_eq!(kind("content/images/a/b.png"), Err(Refused::NotImage));
        assert_eq!(kind("content/groups/x.png"), Err(Refused::NotEntry));
    }
}
