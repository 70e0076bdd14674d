//! Diagnostics as values: every problem the tool finds in a directory is a
//! [`Diagnostic`] with a severity, a location (file + byte span) and a
//! [`Message`] from the catalogue. They are collected, sorted and printed
//! once, in the format the user asked for.

mod catalogue;
mod report;

use std::ops::Range;
use std::path::{Path, PathBuf};
use std::sync::{Arc, OnceLock};

pub use catalogue::{Lang, Message, Note, help_text, schema_description_de};
pub use report::{Format, render};

/// How bad a problem is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Severity {
    /// Stops the build (exit code 1).
    Error,
    /// Reported; only `--strict` turns it into an error. The contract's
    /// warnings: stale entries and text the print fonts cannot show.
    Warning,
    /// Valid but probably not meant (a meeting that ends before it starts,
    /// an unused indication, …): reported, never an error, not even with
    /// `--strict`, which the contract defines for its warnings only.
    Notice,
}

/// Index of a file in [`Sources`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct FileId(pub usize);

/// One file read by the loader, kept for locating problems.
#[derive(Debug)]
pub struct SourceFile {
    /// Path as shown to the user: relative to the current directory.
    pub display: String,
    /// The text (lossy if the file was not valid UTF-8), without a BOM.
    pub text: String,
    line_starts: Vec<usize>,
    /// See [`SourceFile::non_ascii`]; found once per file (files are
    /// shared from one build to the next by `serve`).
    non_ascii: OnceLock<Vec<(char, usize)>>,
}

impl SourceFile {
    /// A file's text under its display name.
    pub fn new(display: String, text: String) -> Self {
        let mut line_starts = vec![0];
        line_starts.extend(text.match_indices('\n').map(|(i, _)| i + 1));
        Self {
            display,
            text,
            line_starts,
            non_ascii: OnceLock::new(),
        }
    }

    /// The distinct non-ASCII characters of the text, each with the byte
    /// offset of its first use, in character order.
    pub fn non_ascii(&self) -> &[(char, usize)] {
        self.non_ascii.get_or_init(|| {
            let mut first: std::collections::BTreeMap<char, usize> =
                std::collections::BTreeMap::new();
            if !self.text.is_ascii() {
                for (at, c) in self.text.char_indices().filter(|(_, c)| !c.is_ascii()) {
                    first.entry(c).or_insert(at);
                }
            }
            first.into_iter().collect()
        })
    }

    /// 1-based line and column (in characters) of a byte offset.
    pub fn line_col(&self, offset: usize) -> (usize, usize) {
        let offset = offset.min(self.text.len());
        let line = self.line_starts.partition_point(|&s| s <= offset) - 1;
        let start = self.line_starts[line];
        let mut col_end = offset;
        while !self.text.is_char_boundary(col_end) {
            col_end -= 1;
        }
        let col = self.text[start..col_end].chars().count();
        (line + 1, col + 1)
    }
}

/// All files read in a run. Files are shared: a cache of files read
/// earlier ([`crate::load::FileCache`]) hands them to the next run.
#[derive(Debug, Default)]
pub struct Sources {
    files: Vec<Arc<SourceFile>>,
}

impl Sources {
    /// Registers a file and returns its id.
    pub fn add(&mut self, file: SourceFile) -> FileId {
        self.add_shared(Arc::new(file))
    }

    /// Registers a shared file and returns its id.
    pub fn add_shared(&mut self, file: Arc<SourceFile>) -> FileId {
        self.files.push(file);
        FileId(self.files.len() - 1)
    }

    /// The file behind an id.
    pub fn get(&self, id: FileId) -> &SourceFile {
        &self.files[id.0]
    }

    /// Number of files.
    pub fn len(&self) -> usize {
        self.files.len()
    }

    /// True if no file was read.
    pub fn is_empty(&self) -> bool {
        self.files.is_empty()
    }
}

/// A located problem.
#[derive(Debug, Clone)]
pub struct Diagnostic {
    /// Error (exit code 1), warning (exit code 1 only with `--strict`) or
    /// notice (never changes the exit code); see [`Severity`].
    pub severity: Severity,
    /// The file, if the problem belongs to one.
    pub file: Option<FileId>,
    /// Byte range in the file's text; `None` = the whole file (1:1).
    pub span: Option<Range<usize>>,
    /// What is wrong and what to do.
    pub message: Message,
}

impl Diagnostic {
    /// An error at a span of a file.
    pub fn error(file: FileId, span: Option<Range<usize>>, message: Message) -> Self {
        Self {
            severity: Severity::Error,
            file: Some(file),
            span,
            message,
        }
    }

    /// A warning at a span of a file.
    pub fn warning(file: FileId, span: Option<Range<usize>>, message: Message) -> Self {
        Self {
            severity: Severity::Warning,
            file: Some(file),
            span,
            message,
        }
    }

    /// A notice located in `file` (see [`Severity::Notice`]).
    pub fn notice(file: FileId, span: Option<Range<usize>>, message: Message) -> Self {
        Self {
            severity: Severity::Notice,
            file: Some(file),
            span,
            message,
        }
    }

    /// An error that belongs to no file (e.g. a missing folder).
    pub fn general(message: Message) -> Self {
        Self {
            severity: Severity::Error,
            file: None,
            span: None,
            message,
        }
    }
}

/// Collected problems of a run.
#[derive(Debug, Default)]
pub struct Diagnostics {
    items: Vec<Diagnostic>,
}

impl Diagnostics {
    /// Adds one problem.
    pub fn push(&mut self, d: Diagnostic) {
        self.items.push(d);
    }

    /// Adds many.
    pub fn extend(&mut self, other: Diagnostics) {
        self.items.extend(other.items);
    }

    /// Number of errors.
    pub fn error_count(&self) -> usize {
        self.items
            .iter()
            .filter(|d| d.severity == Severity::Error)
            .count()
    }

    /// Number of warnings.
    pub fn warning_count(&self) -> usize {
        self.items
            .iter()
            .filter(|d| d.severity == Severity::Warning)
            .count()
    }

    /// True if there is at least one error.
    pub fn has_errors(&self) -> bool {
        self.error_count() > 0
    }

    /// Turns every warning into an error (`--strict`); notices stay.
    pub fn make_strict(&mut self) {
        for d in &mut self.items {
            if d.severity == Severity::Warning {
                d.severity = Severity::Error;
            }
        }
    }

    /// True if nothing was reported.
    pub fn is_empty(&self) -> bool {
        self.items.is_empty()
    }

    /// The problems sorted by file path, position, then severity.
    pub fn sorted(&self, sources: &Sources) -> Vec<&Diagnostic> {
        let mut v: Vec<&Diagnostic> = self.items.iter().collect();
        v.sort_by(|a, b| {
            let key = |d: &Diagnostic| {
                (
                    d.file.map(|f| sources.get(f).display.clone()),
                    d.span.as_ref().map(|s| s.start).unwrap_or(0),
                    d.severity,
                )
            };
            key(a).cmp(&key(b))
        });
        v
    }

    /// All items, unsorted.
    pub fn iter(&self) -> impl Iterator<Item = &Diagnostic> {
        self.items.iter()
    }
}

/// Shows `path` relative to the current directory, without a leading `./`.
pub fn display_path(path: &Path) -> String {
    let shown: PathBuf = match std::env::current_dir() {
        Ok(cwd) if path.is_absolute() => match path.strip_prefix(&cwd) {
            Ok(rel) => rel.to_path_buf(),
            Err(_) => path.to_path_buf(),
        },
        _ => path.to_path_buf(),
    };
    let s = shown.to_string_lossy().replace('\\', "/");
    let mut s = s.as_str();
    while let Some(rest) = s.strip_prefix("./") {
        s = rest;
    }
    s.to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn line_and_column_count_characters() {
        let f = SourceFile::new("x".into(), "+++\nname = \"Ä\"\nfoo = 1\n".into());
        assert_eq!(f.line_col(0), (1, 1));
        assert_eq!(f.line_col(4), (2, 1));
        // offset of `foo`: after "name = \"Ä\"\n" (Ä is two bytes)
        let off = f.text.find("foo").unwrap();
        assert_eq!(f.line_col(off), (3, 1));
        let off = f.text.find('"').unwrap() + 1 + 2; // after Ä
        assert_eq!(f.line_col(off), (2, 10));
    }
}
