//! The typst [`World`] of the print renderer: a closed, in-memory file
//! system. It serves the theme's print templates, the JSON data, the
//! directory's images and the fonts — nothing else. There is no access to
//! the real file system, the network or the clock.

use std::collections::HashMap;
use std::sync::{Arc, OnceLock};

use typst::diag::{FileError, FileResult};
use typst::foundations::{Bytes, Datetime};
use typst::syntax::{FileId, RootedPath, Source, VirtualPath, VirtualRoot};
use typst::text::{Font, FontBook};
use typst::utils::LazyHash;
use typst::{Library, LibraryExt, World};

use crate::load::Theme;
use crate::printable::{built_in_fonts, is_font_file};

/// Where the templates live in a theme.
pub const TEMPLATE_PREFIX: &str = crate::printable::TEMPLATE_PREFIX;
/// The main template (relative to [`TEMPLATE_PREFIX`]).
pub const MAIN_TEMPLATE: &str = "wegweiser.typ";
/// The template of the verification sheets (relative to [`TEMPLATE_PREFIX`]).
pub const SHEETS_TEMPLATE: &str = "sheets.typ";
/// The virtual path of the data file.
pub const DATA_PATH: &str = "/data.json";
/// The virtual folder of the directory's own files (`content/…`).
pub const CONTENT_PREFIX: &str = "/content/";

/// The fonts of a theme: the built-in ones plus any font file the theme
/// adds or replaces (those are parsed per render; they are rare).
pub fn theme_fonts(theme: &Theme) -> Vec<Font> {
    let set = built_in_fonts();
    let mut extra = Vec::new();
    for (path, bytes) in theme.under(TEMPLATE_PREFIX) {
        if !is_font_file(path) {
            continue;
        }
        let known = set
            .theme_files
            .get(path)
            .is_some_and(|b| b.as_slice() == bytes);
        if !known {
            extra.extend(Font::iter(Bytes::new(bytes.to_vec())));
        }
    }
    // A theme's own fonts come first so that they win on equal family names.
    extra.extend(set.fonts.iter().cloned());
    extra
}

fn library() -> &'static LazyHash<Library> {
    static LIBRARY: OnceLock<LazyHash<Library>> = OnceLock::new();
    LIBRARY.get_or_init(|| LazyHash::new(Library::builder().build()))
}

/// The world one compilation sees.
pub struct PrintWorld {
    main: FileId,
    /// Typst sources by id (templates).
    sources: HashMap<FileId, Source>,
    /// Other files by id (data, images, theme assets).
    files: HashMap<FileId, Bytes>,
    book: LazyHash<FontBook>,
    fonts: Vec<Font>,
    today: Option<Datetime>,
}

/// A file id in the project root.
pub fn file_id(path: &str) -> Option<FileId> {
    let vpath = VirtualPath::new(path).ok()?;
    Some(RootedPath::new(VirtualRoot::Project, vpath).intern())
}

impl PrintWorld {
    /// A world with the theme's print templates, the data file and the
    /// given content files (`images/cover.jpg` → `/content/images/cover.jpg`).
    /// `main` is the template to typeset ([`MAIN_TEMPLATE`] or another
    /// template of the theme, relative to [`TEMPLATE_PREFIX`]).
    pub fn new<'a>(
        theme: &Theme,
        fonts: Vec<Font>,
        main: &str,
        main_source: Option<&str>,
        data: Vec<u8>,
        content_files: impl IntoIterator<Item = (&'a str, &'a Arc<Vec<u8>>)>,
        today: Option<Datetime>,
    ) -> Result<PrintWorld, String> {
        let mut sources = HashMap::new();
        let mut files = HashMap::new();
        for (path, bytes) in theme.under(TEMPLATE_PREFIX) {
            let rel = &path[TEMPLATE_PREFIX.len()..];
            if is_font_file(rel) {
                continue;
            }
            let Some(id) = file_id(&format!("/{rel}")) else {
                continue;
            };
            if rel.ends_with(".typ") {
                match std::str::from_utf8(bytes) {
                    Ok(text) => {
                        sources.insert(id, Source::new(id, text.to_owned()));
                    }
                    Err(_) => return Err(format!("print template {path} is not valid UTF-8")),
                }
            } else {
                files.insert(id, Bytes::new(bytes.to_vec()));
            }
        }
        let main_id = file_id(&format!("/{main}")).ok_or("invalid main template path")?;
        if let Some(text) = main_source {
            sources.insert(main_id, Source::new(main_id, text.to_owned()));
        }
        if !sources.contains_key(&main_id) {
            return Err(format!(
                "the theme has no print template {TEMPLATE_PREFIX}{main}"
            ));
        }
        let main = main_id;
        let data_id = file_id(DATA_PATH).ok_or("invalid data path")?;
        files.insert(data_id, Bytes::new(data));
        for (path, bytes) in content_files {
            if let Some(id) = file_id(&format!("{CONTENT_PREFIX}{path}")) {
                files.insert(id, Bytes::new(bytes.as_ref().clone()));
            }
        }
        let book = LazyHash::new(FontBook::from_fonts(&fonts));
        Ok(PrintWorld {
            main,
            sources,
            files,
            book,
            fonts,
            today,
        })
    }

    /// Adds a file made for this compilation (the QR code) at a virtual path.
    pub fn add_file(&mut self, path: &str, bytes: Vec<u8>) {
        if let Some(id) = file_id(path) {
            self.files.insert(id, Bytes::new(bytes));
        }
    }

    /// The main template's source.
    pub fn main_source(&self) -> Option<&Source> {
        self.sources.get(&self.main)
    }
}

fn not_found(id: FileId) -> FileError {
    FileError::NotFound(id.vpath().get_with_slash().into())
}

impl World for PrintWorld {
    fn library(&self) -> &LazyHash<Library> {
        library()
    }

    fn book(&self) -> &LazyHash<FontBook> {
        &self.book
    }

    fn main(&self) -> FileId {
        self.main
    }

    fn source(&self, id: FileId) -> FileResult<Source> {
        if !matches!(id.root(), VirtualRoot::Project) {
            return Err(FileError::AccessDenied);
        }
        match self.sources.get(&id) {
            Some(s) => Ok(s.clone()),
            None if self.files.contains_key(&id) => Err(FileError::NotSource),
            None => Err(not_found(id)),
        }
    }

    fn file(&self, id: FileId) -> FileResult<Bytes> {
        if !matches!(id.root(), VirtualRoot::Project) {
            return Err(FileError::AccessDenied);
        }
        if let Some(b) = self.files.get(&id) {
            return Ok(b.clone());
        }
        if let Some(s) = self.sources.get(&id) {
            return Ok(Bytes::from_string(s.text().to_owned()));
        }
        Err(not_found(id))
    }

    fn font(&self, index: usize) -> Option<Font> {
        self.fonts.get(index).cloned()
    }

    fn today(&self, _offset: Option<typst::foundations::Duration>) -> Option<Datetime> {
        self.today
    }
}
