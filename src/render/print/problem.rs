//! What typesetting reports: typst's diagnostics located in the theme's
//! print templates (by theme path and byte range, so that the caller can
//! show them like any other problem of the directory), and the renderer's
//! own problems (a character no font has, a PDF standard missed).

use std::ops::Range;

use typst::World;
use typst::WorldExt;
use typst::diag::SourceDiagnostic;
use typst::syntax::DiagSpan;

use super::world::{PrintWorld, TEMPLATE_PREFIX};
use crate::diagnostics::{Message, Severity, SourceFile};

/// A place in one of the theme's print templates.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TemplateSpan {
    /// The template's path in the theme (`print/wegweiser.typ`).
    pub path: String,
    /// Byte range in the template's text.
    pub range: Range<usize>,
}

/// One step of typst's call trace: what was called (`function call`,
/// `show rule`, …) and where.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TraceStep {
    /// typst's words for the step.
    pub what: String,
    /// The call's place, if it is in a template.
    pub at: Option<TemplateSpan>,
}

/// A problem of typesetting: an error (no PDF) or a warning (a PDF, but
/// not quite what was asked for).
#[derive(Debug, Clone, PartialEq)]
pub struct PrintProblem {
    /// [`Severity::Error`] or [`Severity::Warning`].
    pub severity: Severity,
    /// Where in a template typst found it; `None` for problems of the
    /// booklet as a whole and for typst's problems without a place.
    pub at: Option<TemplateSpan>,
    /// What is wrong: typst's message, or the renderer's (in English, like
    /// typst's).
    pub message: String,
    /// typst's hints (what to try), one per line of help.
    pub hints: Vec<String>,
    /// typst's call trace, innermost first (at most five steps).
    pub trace: Vec<TraceStep>,
    /// True if typst reported it (the message is typst's).
    pub from_typst: bool,
    /// The catalogue's message for a problem it has words for (a word the
    /// theme's `i18n/<language>.toml` lacks); `message` is then its English
    /// text.
    pub catalogued: Option<Message>,
}

impl PrintProblem {
    /// A problem of the renderer itself, located nowhere.
    pub fn general(severity: Severity, message: impl Into<String>) -> Self {
        Self {
            severity,
            at: None,
            message: message.into(),
            hints: Vec::new(),
            trace: Vec::new(),
            from_typst: false,
            catalogued: None,
        }
    }

    /// typst's diagnostic, located in the world's templates.
    pub fn from_typst(world: &PrintWorld, d: &SourceDiagnostic) -> Self {
        let severity = match d.severity {
            typst::diag::Severity::Error => Severity::Error,
            typst::diag::Severity::Warning => Severity::Warning,
        };
        let mut hints: Vec<String> = d.hints.iter().map(|h| h.v.to_string()).collect();
        let at = template_span(world, d.span);
        if at.is_none() {
            // A place outside the templates (the data, an image): named,
            // as it cannot be shown.
            if let Some(place) = other_file(world, d.span) {
                hints.push(format!("in {place}"));
            }
        }
        let trace = d
            .trace
            .iter()
            .take(5)
            .map(|point| TraceStep {
                what: point.v.to_string(),
                at: template_span(world, point.span.into()),
            })
            .collect();
        Self {
            severity,
            at,
            message: d.message.to_string(),
            hints,
            trace,
            from_typst: true,
            catalogued: None,
        }
    }
}

impl std::fmt::Display for PrintProblem {
    /// One line per part: `print/wegweiser.typ@12..20: error: message`,
    /// then `hint: …` and `in …` lines (for logs and tests; users see
    /// the located diagnostic).
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let severity = match self.severity {
            Severity::Error => "error",
            Severity::Warning => "warning",
            Severity::Notice => "notice",
        };
        if let Some(at) = &self.at {
            write!(f, "{}@{:?}: ", at.path, at.range)?;
        }
        write!(f, "{severity}: {}", self.message)?;
        for hint in &self.hints {
            write!(f, "\n  hint: {hint}")?;
        }
        for step in &self.trace {
            write!(f, "\n  in {}", step.what)?;
            if let Some(at) = &step.at {
                write!(f, " at {}@{:?}", at.path, at.range)?;
            }
        }
        Ok(())
    }
}

/// The template and byte range of a span, if it lies in a template.
fn template_span(world: &PrintWorld, span: DiagSpan) -> Option<TemplateSpan> {
    let id = span.id()?;
    let range = world.range(span)?;
    // Only sources are templates (data and images are files).
    let source = world.source(id).ok()?;
    let end = range.end.min(source.text().len());
    let start = range.start.min(end);
    let rel = id.vpath().get_with_slash().trim_start_matches('/');
    Some(TemplateSpan {
        path: format!("{TEMPLATE_PREFIX}{rel}"),
        range: start..end,
    })
}

/// `/data.json:3:14` for a span in a file that is no template.
fn other_file(world: &PrintWorld, span: DiagSpan) -> Option<String> {
    let id = span.id()?;
    let range = world.range(span)?;
    let bytes = world.file(id).ok()?;
    let file = SourceFile::new(
        String::new(),
        String::from_utf8_lossy(bytes.as_slice()).into_owned(),
    );
    let (line, column) = file.line_col(range.start);
    Some(format!("{}:{line}:{column}", id.vpath().get_with_slash()))
}
