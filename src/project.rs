//! The orchestrator: opens a directory's root, runs load and validate once
//! and keeps what every command needs (sources for locating problems, the
//! diagnostics, the model, the theme).

use std::path::{Path, PathBuf};

use std::collections::HashMap;

use crate::diagnostics::{
    Diagnostic, Diagnostics, FileId, Lang, Message, Severity, SourceFile, Sources,
};
use crate::load::{self, FileCache, Overlay, Theme};
use crate::model::{Directory, EntryRef};
use crate::render::print::PrintProblem;

/// A loaded and validated directory.
pub struct Project {
    /// The root folder.
    pub root: PathBuf,
    /// Every file read, for locating problems.
    pub sources: Sources,
    /// Problems found (errors and warnings).
    pub diagnostics: Diagnostics,
    /// The model, if there were no errors.
    pub directory: Option<Directory>,
    /// The theme (built-in + overrides).
    pub theme: Theme,
    /// Language of messages.
    pub lang: Lang,
}

impl Project {
    /// Loads and validates `root`; warns about entries that are stale in `year`.
    pub fn open(root: &Path, year: i32) -> Project {
        Project::open_cached(root, year, &mut FileCache::default(), None)
    }

    /// Like [`Project::open`], reading only the files that `cache` does not
    /// hold from an earlier load (see [`load::load_cached`]), and taking
    /// what it can from `earlier`, a model of the directory built before
    /// (see [`crate::validate::validate_loaded`]). The result is the same.
    pub fn open_cached(
        root: &Path,
        year: i32,
        cache: &mut FileCache,
        earlier: Option<&Directory>,
    ) -> Project {
        Project::open_overlaid(root, year, cache, earlier, &Overlay::default())
    }

    /// Like [`Project::open_cached`], for the directory as it would be with
    /// the changes of `overlay` made (see [`load::load_overlaid`]): the
    /// check `serve` runs before it writes a file.
    pub fn open_overlaid(
        root: &Path,
        year: i32,
        cache: &mut FileCache,
        earlier: Option<&Directory>,
        overlay: &Overlay,
    ) -> Project {
        let mut sources = Sources::default();
        let mut diagnostics = Diagnostics::default();
        let raw = load::load_overlaid(root, cache, overlay, &mut sources, &mut diagnostics);
        let lang = raw
            .settings
            .as_ref()
            .map(|(_, s)| Lang::from_code(s.language.get_ref()))
            .unwrap_or_default();
        let theme_setting = raw
            .settings
            .as_ref()
            .and_then(|(file, s)| s.theme.as_ref().map(|t| (*file, t)));
        let theme_name = theme_setting
            .map(|(_, t)| t.get_ref().clone())
            .unwrap_or_else(|| "default".to_owned());
        let theme = Theme::load_at(
            root,
            &theme_name,
            theme_setting.map(|(file, t)| (file, t.span())),
            &mut diagnostics,
        );
        // Lints and validation read the files independently: both at once.
        let (lints, directory) = rayon::join(
            || crate::validate::lint::lint(&raw, &sources),
            || crate::validate::validate_loaded(&raw, &mut diagnostics, earlier),
        );
        match &directory {
            Some(dir) => {
                lints.into_iter().for_each(|d| diagnostics.push(d));
                stale_warnings(dir, year, &mut diagnostics);
                let not_printed = dir
                    .entries()
                    .map(|e| dir.meta(e))
                    .filter(|m| !m.print)
                    .map(|m| m.origin.file);
                unprintable_warnings(not_printed.collect(), &sources, &mut diagnostics);
            }
            // All problems of a run at once: a stale date is stale, and a
            // character unprintable, whatever else is broken, so the files
            // that parsed are still looked at.
            None => {
                // Notices about one file alone; those across files (an
                // unused indication, say) could follow from a broken file.
                let of_one_file = |d: &Diagnostic| {
                    matches!(
                        d.message,
                        Message::EndBeforeStart { .. } | Message::ImplausiblePhone { .. }
                    )
                };
                lints
                    .into_iter()
                    .filter(of_one_file)
                    .for_each(|d| diagnostics.push(d));
                stale_warnings_raw(&raw, year, &mut diagnostics);
                let not_printed = raw_entries(&raw)
                    .filter(|e| e.front.print() == Some(false))
                    .map(|e| e.file);
                unprintable_warnings(not_printed.collect(), &sources, &mut diagnostics);
            }
        }
        Project {
            root: root.to_owned(),
            sources,
            diagnostics,
            directory,
            theme,
            lang,
        }
    }

    /// Adds the problems of typesetting (see [`print_diagnostics`]).
    pub fn add_print_problems(&mut self, problems: Vec<PrintProblem>, strict: bool) {
        let found = print_diagnostics(&self.theme, problems, strict, &mut self.sources);
        self.diagnostics.extend(found);
    }

    /// The model, if valid and no error (also no warning under `strict`).
    pub fn usable(&self) -> Option<&Directory> {
        if self.diagnostics.has_errors() {
            None
        } else {
            self.directory.as_ref()
        }
    }
}

/// The problems of typesetting as diagnostics: typst's located in the
/// theme's template as the user has it (`themes/<name>/print/wegweiser.typ`,
/// or the built-in theme's path), the template added to `sources` so that
/// its line can be shown; typst's hints and call trace become help lines.
/// Warnings are errors with `strict`. A problem reported twice (by both
/// variants of the booklet, say) is shown once.
pub fn print_diagnostics(
    theme: &Theme,
    problems: Vec<PrintProblem>,
    strict: bool,
    sources: &mut Sources,
) -> Diagnostics {
    let mut templates: HashMap<String, (FileId, bool)> = HashMap::new();
    let mut template = |path: &str, sources: &mut Sources| {
        *templates.entry(path.to_owned()).or_insert_with(|| {
            let (shown, own) = theme.shown_path(path);
            let text = theme.text(path).unwrap_or_default();
            (sources.add(SourceFile::new(shown, text.to_owned())), !own)
        })
    };
    let mut found = Diagnostics::default();
    let mut seen: Vec<PrintProblem> = Vec::new();
    for problem in problems {
        if seen.contains(&problem) {
            continue;
        }
        seen.push(problem.clone());
        let severity = match problem.severity {
            Severity::Warning if strict => Severity::Error,
            other => other,
        };
        let mut trace = Vec::new();
        for step in &problem.trace {
            match &step.at {
                Some(at) => {
                    let (file, _) = template(&at.path, sources);
                    let source = sources.get(file);
                    let (line, column) = source.line_col(at.range.start);
                    trace.push(format!(
                        "{} ({}:{line}:{column})",
                        step.what, source.display
                    ));
                }
                None => trace.push(step.what.clone()),
            }
        }
        let (file, span, built_in) = match &problem.at {
            Some(at) => {
                let (file, built_in) = template(&at.path, sources);
                (Some(file), Some(at.range.clone()), built_in)
            }
            None => (None, None, false),
        };
        let message = if let Some(message) = problem.catalogued {
            message
        } else if problem.from_typst {
            Message::PrintTemplate {
                message: problem.message,
                hints: problem.hints,
                trace,
                built_in,
            }
        } else if problem.severity == Severity::Error {
            Message::PrintFailed {
                detail: problem.message,
            }
        } else {
            Message::PrintWarning {
                detail: problem.message,
            }
        };
        found.push(Diagnostic {
            severity,
            file,
            span,
            message,
        });
    }
    found
}

fn stale_warnings(dir: &Directory, year: i32, diagnostics: &mut Diagnostics) {
    let months = dir.settings.print.stale_after_months;
    for e in dir.stale_entries(year) {
        let meta = dir.meta(e);
        // Only entries that are published somewhere matter.
        let published = meta.web || meta.print;
        if !published || matches!(e, EntryRef::Group(_)) && !dir.is_live_on_web(e) && !meta.print {
            continue;
        }
        push_stale(
            diagnostics,
            meta.origin.file,
            meta.origin.verified_span.clone(),
            meta.verified,
            months,
            year,
        );
    }
}

/// An entry file that parsed, for the checks that run when the directory
/// has errors (no model).
struct RawEntry<'a> {
    file: FileId,
    front: &'a dyn crate::validate::rules::HasNames,
    /// A group with `status = "ended"`.
    ended: bool,
    /// Keys left out or stood in for (see [`load::front_matter::Partial`]).
    left_out: &'a [load::front_matter::LeftOut],
}

/// The group, organisation and contact point files that parsed.
fn raw_entries(raw: &load::RawDirectory) -> impl Iterator<Item = RawEntry<'_>> {
    use crate::format::raw::Status;
    let groups = raw.groups.iter().map(|g| RawEntry {
        file: g.file,
        front: &*g.front,
        ended: *g.front.status.get_ref() == Status::Ended,
        left_out: &g.left_out,
    });
    let organisations = raw.organisations.iter().map(|o| RawEntry {
        file: o.file,
        front: &*o.front,
        ended: false,
        left_out: &o.left_out,
    });
    let contact_points = raw.contact_points.iter().map(|c| RawEntry {
        file: c.file,
        front: &*c.front,
        ended: false,
        left_out: &c.left_out,
    });
    groups.chain(organisations).chain(contact_points)
}

/// [`stale_warnings`] for a directory with errors (no model): the same
/// rule, read from the entry files that parsed.
fn stale_warnings_raw(raw: &load::RawDirectory, year: i32, diagnostics: &mut Diagnostics) {
    let months = match &raw.settings {
        Some((_, s)) => *s.print.stale_after_months.get_ref(),
        None => *crate::format::raw::PrintSettings::default()
            .stale_after_months
            .get_ref(),
    };
    let cutoff = crate::model::edition::stale_cutoff(year, months);
    for e in raw_entries(raw).filter(|e| !e.ended) {
        // A value stood in for (a `verified` or `status` that is missing or
        // wrong, reported as such) says nothing about the entry.
        let known = !e
            .left_out
            .iter()
            .any(|(k, _)| ["verified", "status", "web", "print"].contains(&k.as_str()));
        let published = e.front.web().unwrap_or(true) || e.front.print().unwrap_or(true);
        let verified = e.front.verified();
        if let Some(date) = crate::validate::rules::to_date(verified.get_ref())
            .filter(|d| known && published && *d < cutoff)
        {
            push_stale(diagnostics, e.file, verified.span(), date, months, year);
        }
    }
}

fn push_stale(
    diagnostics: &mut Diagnostics,
    file: FileId,
    span: std::ops::Range<usize>,
    verified: crate::model::Date,
    months: u32,
    year: i32,
) {
    diagnostics.push(Diagnostic::warning(
        file,
        Some(span),
        Message::Stale {
            verified_de: format_date_de(verified),
            verified_en: crate::model::date_en(verified),
            months,
            year,
        },
    ));
}

/// Characters that no print font can show, located at each use in every
/// file whose text is printed (all but the entries in `not_printed`).
fn unprintable_warnings(
    not_printed: std::collections::HashSet<FileId>,
    sources: &Sources,
    diagnostics: &mut Diagnostics,
) {
    // Each distinct non-ASCII character is looked up in the fonts once.
    let mut covered: std::collections::HashMap<char, bool> = std::collections::HashMap::new();
    for i in 0..sources.len() {
        let id = FileId(i);
        if not_printed.contains(&id) {
            continue;
        }
        for &(c, at) in sources.get(id).non_ascii() {
            let ok = *covered
                .entry(c)
                .or_insert_with(|| crate::printable::font_covers(c));
            if !ok {
                diagnostics.push(Diagnostic::warning(
                    id,
                    Some(at..at + c.len_utf8()),
                    Message::UnprintableCharacter {
                        character: c,
                        codepoint: format!("U+{:04X}", c as u32),
                    },
                ));
            }
        }
    }
}

/// `14.09.2026` (the model's [`crate::model::date_de`]).
pub use crate::model::date_de as format_date_de;
