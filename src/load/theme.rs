//! The theme: web templates, static files and print templates. The built-in
//! theme (`themes/default/` of this repository) is compiled into the binary;
//! a directory's own `themes/<name>/` overrides it file by file, except the
//! string tables `i18n/*.toml`: the web renderer overlays those key by key
//! on the built-in table, so an override holds only the words it changes.

use std::borrow::Cow;
use std::collections::BTreeMap;
use std::ops::Range;
use std::path::Path;

use include_dir::{Dir, include_dir};
use walkdir::WalkDir;

use crate::diagnostics::{Diagnostic, Diagnostics, FileId, Message, display_path};

static BUILT_IN: Dir<'static> = include_dir!("$CARGO_MANIFEST_DIR/themes/default");

/// The files of a theme by relative path (`templates/group.html`,
/// `static/style.css`, `print/wegweiser.typ`, `print/fonts/…`). The files of
/// the built-in theme are not copied: they stay in the binary.
#[derive(Debug, Clone, Default)]
pub struct Theme {
    files: BTreeMap<String, Cow<'static, [u8]>>,
    /// The directory's own theme folder as shown to the user
    /// (`themes/<name>`), if it has one; its files are the owned ones.
    folder: Option<String>,
}

fn collect(dir: &'static Dir<'static>, files: &mut BTreeMap<String, Cow<'static, [u8]>>) {
    for f in dir.files() {
        files.insert(
            f.path().to_string_lossy().replace('\\', "/"),
            Cow::Borrowed(f.contents()),
        );
    }
    for d in dir.dirs() {
        collect(d, files);
    }
}

impl Theme {
    /// The built-in theme alone.
    pub fn built_in() -> Theme {
        let mut files = BTreeMap::new();
        collect(&BUILT_IN, &mut files);
        Theme {
            files,
            folder: None,
        }
    }

    /// The built-in theme overlaid with `root/themes/<name>/`.
    pub fn load(root: &Path, name: &str, diagnostics: &mut Diagnostics) -> Theme {
        Theme::load_at(root, name, None, diagnostics)
    }

    /// Like [`Theme::load`]; a missing theme is reported at `setting` (the
    /// `theme` value in wegweiser.toml: file and byte span), if given.
    pub fn load_at(
        root: &Path,
        name: &str,
        setting: Option<(FileId, Range<usize>)>,
        diagnostics: &mut Diagnostics,
    ) -> Theme {
        let mut theme = Theme::built_in();
        // A name that is not a slug (`../..`, `/etc`) could lead out of the
        // root; validation reports it, and nothing of it is read.
        if !crate::model::paths::is_slug(name) {
            return theme;
        }
        let folder = root.join("themes").join(name);
        if !folder.is_dir() {
            if name != "default" {
                let message = Message::ThemeNotFound {
                    name: name.to_owned(),
                    path: display_path(&folder),
                };
                diagnostics.push(match setting {
                    Some((file, span)) => Diagnostic::error(file, Some(span), message),
                    None => Diagnostic::general(message),
                });
            }
            return theme;
        }
        theme.folder = Some(display_path(&folder));
        let canonical = folder.canonicalize().unwrap_or_else(|_| folder.clone());
        for entry in WalkDir::new(&folder)
            .min_depth(1)
            .sort_by_file_name()
            .into_iter()
            .flatten()
        {
            if entry.file_type().is_dir() {
                continue;
            }
            // Never follow a link out of the theme folder.
            let Ok(real) = entry.path().canonicalize() else {
                continue;
            };
            if !real.starts_with(&canonical) {
                continue;
            }
            let Ok(rel) = entry.path().strip_prefix(&folder) else {
                continue;
            };
            if rel
                .components()
                .any(|c| c.as_os_str().to_string_lossy().starts_with('.'))
            {
                continue;
            }
            if !std::fs::metadata(entry.path()).is_ok_and(|m| m.is_file()) {
                continue;
            }
            if let Ok(bytes) = std::fs::read(entry.path()) {
                theme
                    .files
                    .insert(rel.to_string_lossy().replace('\\', "/"), Cow::Owned(bytes));
            }
        }
        theme
    }

    /// A file's bytes.
    pub fn get(&self, path: &str) -> Option<&[u8]> {
        self.files.get(path).map(|b| &**b)
    }

    /// A file as text (templates).
    pub fn text(&self, path: &str) -> Option<&str> {
        self.get(path).and_then(|b| std::str::from_utf8(b).ok())
    }

    /// Where a theme file is, as shown in messages: under the directory's
    /// own theme folder (`themes/<name>/print/wegweiser.typ`, and `true`)
    /// if the directory has the file, else the built-in theme's path
    /// (`themes/default/print/wegweiser.typ`, and `false`).
    pub fn shown_path(&self, path: &str) -> (String, bool) {
        match (&self.folder, self.files.get(path)) {
            (Some(folder), Some(Cow::Owned(_))) => (format!("{folder}/{path}"), true),
            _ => (format!("themes/default/{path}"), false),
        }
    }

    /// Files under a folder prefix such as `static/`, with their path.
    pub fn under<'a>(&'a self, prefix: &'a str) -> impl Iterator<Item = (&'a str, &'a [u8])> + 'a {
        self.files
            .range(prefix.to_owned()..)
            .take_while(move |(k, _)| k.starts_with(prefix))
            .map(|(k, v)| (k.as_str(), &**v))
    }

    /// True if both themes have the same files under each of `prefixes`.
    pub fn same_under(&self, other: &Theme, prefixes: &[&str]) -> bool {
        prefixes.iter().all(|p| self.under(p).eq(other.under(p)))
    }
}
