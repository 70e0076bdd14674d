//! `wegweiser import` and `export` (contract, section 10): a contact
//! point's list (CSV, XLSX, ODS) becomes entry files, checked as `check`
//! checks them before anything is written; and every entry back into a
//! spreadsheet.
//!
//! The pipeline of an import: read the table ([`table`]) and the mapping
//! ([`mapping`]); make each row a [`draft::Draft`]; give it a slug (stable:
//! an existing entry of the same name keeps its file); render the file
//! ([`write`]); validate all resulting files together with the directory
//! as it is, in memory; report per row; write only with `--write`.

pub mod draft;
pub mod export;
pub mod init;
pub mod mapping;
pub mod table;
pub mod values;
pub mod write;

use std::collections::{HashMap, HashSet};
use std::path::{Path, PathBuf};

use rayon::prelude::*;

use crate::diagnostics::{Diagnostics, FileId, Message, Severity, Sources, display_path};
use crate::load::{self, Loaded, RawDirectory, TextEntry};
use draft::{Draft, Finding};
use mapping::{ColumnMap, Kind, Mapping};
use table::Table;
use values::IndicationIndex;

/// What a report line says about a row.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum LineKind {
    /// The row becomes a new entry file.
    Created,
    /// The row changes an existing entry (`--update`).
    Updated,
    /// The row's entry is already as the row says.
    Unchanged,
    /// Written with a caveat (contract, section 10).
    Notice,
    /// Cannot become a valid entry: not written.
    Problem,
}

impl LineKind {
    /// The word in JSON (and the key of its German word).
    pub fn word(self) -> &'static str {
        match self {
            LineKind::Created => "created",
            LineKind::Updated => "updated",
            LineKind::Unchanged => "unchanged",
            LineKind::Notice => "notice",
            LineKind::Problem => "problem",
        }
    }
}

/// The text of a report line.
#[derive(Debug, Clone)]
pub enum LineText {
    /// A problem or notice from the message catalogue.
    Message(Message),
    /// A plain line (created, updated, unchanged, a column left out).
    Note(crate::diagnostics::Note),
}

/// One report line: `FILE:row:column`.
#[derive(Debug, Clone)]
pub struct Line {
    /// The record (1 = the header row; a multi-line cell is one record).
    pub row: usize,
    /// The column's header, or its number where it has none.
    pub column: String,
    /// What the line says about the row.
    pub kind: LineKind,
    /// The sentence, in the directory's language when printed.
    pub text: LineText,
    /// The entry file the row becomes (relative to the current folder).
    pub path: Option<String>,
}

/// What an import did or would do.
#[derive(Debug, Default)]
pub struct Report {
    /// The table file as shown.
    pub file: String,
    /// Every line, in row order.
    pub lines: Vec<Line>,
    /// Records read (without the header).
    pub rows: usize,
    /// Rows that became new entries.
    pub created: usize,
    /// Rows that changed an existing entry.
    pub updated: usize,
    /// Rows whose entry was already as they say.
    pub unchanged: usize,
    /// Rows with a problem.
    pub problems: usize,
    /// Files were written (`--write`).
    pub written: bool,
}

/// The options of an import.
#[derive(Debug, Clone)]
pub struct Options {
    /// The table: CSV, XLSX or ODS.
    pub file: PathBuf,
    /// The mapping file (`--mapping`).
    pub mapping: PathBuf,
    /// The directory's folder.
    pub root: PathBuf,
    /// Write new entry files (`--write`); else a dry run.
    pub write: bool,
    /// Change existing entries' mapped fields (`--update`).
    pub update: bool,
    /// `--create-indications CATEGORY`: unknown topics become new
    /// indications of this category instead of problems.
    pub create_indications: Option<String>,
}

/// Why an import could not start: the mapping cannot be used (wrong
/// usage, exit 2) or the table cannot be read (exit 1). Problems are
/// located in `sources`.
pub struct Failure {
    /// Wrong usage (exit code 2) rather than an unreadable table (1).
    pub usage: bool,
    /// The located problems.
    pub diagnostics: Diagnostics,
    /// The files they are located in.
    pub sources: Sources,
}

fn failure(
    usage: bool,
    display: String,
    text: String,
    problems: Vec<(Option<std::ops::Range<usize>>, Message)>,
) -> Failure {
    let mut sources = Sources::default();
    let id = sources.add(crate::diagnostics::SourceFile::new(display, text));
    let mut diagnostics = Diagnostics::default();
    for (span, m) in problems {
        diagnostics.push(crate::diagnostics::Diagnostic::error(id, span, m));
    }
    Failure {
        usage,
        diagnostics,
        sources,
    }
}

/// Reads and checks the mapping file.
pub fn read_mapping(path: &Path) -> Result<(Mapping, String), Failure> {
    let display = display_path(path);
    let text = match std::fs::read(path) {
        Ok(b) => String::from_utf8_lossy(&b).into_owned(),
        Err(e) => {
            return Err(failure(
                true,
                display,
                String::new(),
                vec![(
                    None,
                    Message::ReadFailed {
                        error: e.to_string(),
                    },
                )],
            ));
        }
    };
    match mapping::parse(&text) {
        Ok(m) => Ok((m, text)),
        Err(problems) => Err(failure(true, display, text, problems)),
    }
}

/// Reads the table; a file that is no table is a located problem.
pub fn read_table(path: &Path, sheet: Option<&str>) -> Result<Table, Failure> {
    table::read(path, sheet).map_err(|e| {
        // Row and column as the report names them: FILE:row:1.
        let display = display_path(path);
        let text = "\n".repeat(e.row.saturating_sub(1));
        let offset = text.len();
        failure(
            false,
            display,
            text,
            vec![(
                Some(offset..offset),
                Message::TableUnreadable { detail: e.detail },
            )],
        )
    })
}

/// The column indices of each column map; headers not in the table are
/// located problems of the mapping file.
fn resolve_columns(
    table: &Table,
    mapping: &Mapping,
    mapping_path: &Path,
    mapping_text: &str,
) -> Result<Vec<(ColumnMap, Vec<usize>)>, Failure> {
    let mut out = Vec::new();
    let mut problems = Vec::new();
    for cm in &mapping.columns {
        let mut cols = Vec::new();
        for h in &cm.headers {
            match table.column(h) {
                Some(c) => cols.push(c),
                None => problems.push((
                    Some(cm.span.clone()),
                    Message::ColumnMissing {
                        header: h.clone(),
                        suggestion: crate::model::suggest(
                            h,
                            table.headers.iter().map(String::as_str),
                        ),
                    },
                )),
            }
        }
        out.push((cm.clone(), cols));
    }
    if problems.is_empty() {
        Ok(out)
    } else {
        Err(failure(
            true,
            display_path(mapping_path),
            mapping_text.to_owned(),
            problems,
        ))
    }
}

/// An existing entry of the kind imported.
struct Existing {
    slug: String,
    name: String,
}

fn existing_entries(raw: &RawDirectory, kind: Kind) -> Vec<Existing> {
    fn of<T>(list: &[Loaded<T>], name: impl Fn(&T) -> String) -> Vec<Existing> {
        list.iter()
            .map(|l| Existing {
                slug: l.slug.clone(),
                name: name(&l.front),
            })
            .collect()
    }
    let mut v = match kind {
        Kind::Group => of(&raw.groups, |f| f.name.get_ref().clone()),
        Kind::Organisation => of(&raw.organisations, |f| f.name.get_ref().clone()),
        Kind::ContactPoint => of(&raw.contact_points, |f| f.name.get_ref().clone()),
    };
    v.sort_by_key(|a| slug_order(&a.slug));
    v
}

/// Orders `x`, `x-2`, `x-3`, …, `x-10` as numbers.
fn slug_order(slug: &str) -> (String, u32) {
    match slug.rsplit_once('-') {
        Some((base, n)) if n.parse::<u32>().is_ok_and(|n| n >= 2) => {
            (base.to_owned(), n.parse().unwrap_or(0))
        }
        _ => (slug.to_owned(), 1),
    }
}

/// Gives each draft its slug. An existing entry of the same name (folded)
/// keeps its file, the first one not claimed by an earlier row; else the
/// slug of the name, with -2, -3, … while taken. The same file gives the
/// same slugs on every import.
fn assign_slugs(drafts: &[Draft], existing: &[Existing]) -> Vec<Option<(String, bool)>> {
    let mut by_name: HashMap<String, Vec<&str>> = HashMap::new();
    for e in existing {
        by_name
            .entry(values::fold(&e.name))
            .or_default()
            .push(&e.slug);
    }
    let taken: HashSet<&str> = existing.iter().map(|e| e.slug.as_str()).collect();
    let mut claimed: HashSet<String> = HashSet::new();
    drafts
        .iter()
        .map(|d| {
            if d.name.is_empty() {
                return None;
            }
            if let Some(slug) = d.slug.as_ref().filter(|s| !claimed.contains(*s)) {
                claimed.insert(slug.clone());
                return Some((slug.clone(), taken.contains(slug.as_str())));
            }
            let found = by_name
                .get(&values::fold(&d.name))
                .and_then(|slugs| slugs.iter().find(|s| !claimed.contains(**s)))
                .map(|s| (*s).to_owned());
            if let Some(slug) = found {
                claimed.insert(slug.clone());
                return Some((slug, true));
            }
            let base = values::slugify(&d.name);
            let base = if base.is_empty() {
                "eintrag".to_owned()
            } else {
                base
            };
            let mut n = 1;
            loop {
                let slug = if n == 1 {
                    base.clone()
                } else {
                    format!("{base}-{n}")
                };
                if !taken.contains(slug.as_str()) && !claimed.contains(&slug) {
                    claimed.insert(slug.clone());
                    return Some((slug, false));
                }
                n += 1;
            }
        })
        .collect()
}

/// The field a line of a generated file belongs to (`contact.person`,
/// `meetings` for any key of a meeting), from a byte offset.
fn field_at(text: &str, offset: usize) -> Option<String> {
    let mut table = String::new();
    let mut line_start = 0;
    for line in text.split_inclusive('\n') {
        let end = line_start + line.len();
        let t = line.trim();
        if let Some(name) = t.strip_prefix("[[").and_then(|r| r.strip_suffix("]]")) {
            table = name.trim().to_owned();
        } else if let Some(name) = t.strip_prefix('[').and_then(|r| r.strip_suffix(']')) {
            table = name.trim().to_owned();
        }
        if offset < end {
            if table == "meetings" {
                return Some("meetings".into());
            }
            let key = t.split('=').next()?.trim().trim_matches('"');
            if key.is_empty() || key.starts_with('[') || key.starts_with('#') || key == "+++" {
                return None;
            }
            return Some(if table.is_empty() {
                key.to_owned()
            } else {
                format!("{table}.{key}")
            });
        }
        line_start = end;
    }
    None
}

/// The outcome of one row.
struct RowResult {
    draft: Draft,
    slug: Option<String>,
    path: Option<PathBuf>,
    /// The text to write (new or updated), if it differs from the file.
    text: Option<String>,
    kind: Option<LineKind>,
    /// The existing file differs but `--update` was not given.
    differs: bool,
}

/// Runs an import (a dry run unless `options.write`).
pub fn run(options: &Options) -> Result<Report, Failure> {
    let (mapping, mapping_text) = read_mapping(&options.mapping)?;
    let table = read_table(&options.file, mapping.sheet.as_deref())?;
    let columns = resolve_columns(&table, &mapping, &options.mapping, &mapping_text)?;
    let file = display_path(&options.file);

    // The directory as it is.
    let mut sources = Sources::default();
    let mut root_diagnostics = Diagnostics::default();
    let mut raw = load::load(&options.root, &mut sources, &mut root_diagnostics);
    let mut index = IndicationIndex::default();
    if let Some((_, inds)) = &raw.indications {
        for (id, e) in inds {
            index.add(id.get_ref(), &e.name, &e.synonyms);
        }
    }

    let cx = draft::Context {
        table: &table,
        mapping: &mapping,
        columns: &columns,
        indications: &index,
        create_indications: options.create_indications.as_deref(),
    };
    let drafts: Vec<Draft> = table
        .rows
        .par_iter()
        .map(|row| draft::draft(&cx, row))
        .collect();
    let existing = existing_entries(&raw, mapping.kind);
    let slugs = assign_slugs(&drafts, &existing);
    let folder = options.root.join("content").join(mapping.kind.folder());

    // Render every row's file.
    let mut results: Vec<RowResult> = drafts
        .into_par_iter()
        .zip(slugs)
        .map(|(draft, slug)| {
            let Some((slug, exists)) = slug else {
                return RowResult {
                    draft,
                    slug: None,
                    path: None,
                    text: None,
                    kind: None,
                    differs: false,
                };
            };
            let path = folder.join(format!("{slug}.md"));
            let (text, kind, differs) = if exists {
                let old = std::fs::read_to_string(&path).unwrap_or_default();
                let new = if options.update {
                    write::update_file(&old, &draft, &mapping)
                } else {
                    Some(write::new_file(&draft))
                };
                match new {
                    Some(new) if new == old => (None, LineKind::Unchanged, false),
                    Some(_) if !options.update => (None, LineKind::Notice, true),
                    Some(new) => (Some(new), LineKind::Updated, false),
                    None => (None, LineKind::Notice, true),
                }
            } else {
                (Some(write::new_file(&draft)), LineKind::Created, false)
            };
            RowResult {
                draft,
                slug: Some(slug),
                path: Some(path),
                text,
                kind: Some(kind),
                differs,
            }
        })
        .collect();

    // New indications (`--create-indications`), once each.
    let mut new_indications: Vec<(String, String)> = Vec::new();
    for r in &results {
        for (id, name) in &r.draft.new_indications {
            if !new_indications.iter().any(|(i, _)| i == id) {
                new_indications.push((id.clone(), name.clone()));
            }
        }
    }
    if let (Some(category), Some((_, inds))) = (&options.create_indications, &mut raw.indications) {
        for (id, name) in &new_indications {
            inds.insert(
                toml::Spanned::new(0..0, id.clone()),
                crate::format::raw::IndicationEntry {
                    name: name.clone(),
                    category: category.clone(),
                    synonyms: Vec::new(),
                    see_also: Vec::new(),
                },
            );
        }
    }

    // Validate the directory with every resulting file in it, in memory.
    let mut diagnostics = Diagnostics::default();
    let mut row_of_file: HashMap<FileId, usize> = HashMap::new();
    let parsed: Vec<(usize, Overlay)> = results
        .par_iter()
        .enumerate()
        .filter_map(|(i, r)| {
            let text = r.text.clone()?;
            let (path, slug) = (r.path.as_ref()?, r.slug.clone()?);
            let display = display_path(path);
            Some((i, Overlay::parse(mapping.kind, display, slug, text)))
        })
        .collect();
    let mut positions = HashMap::new();
    for (i, overlay) in parsed {
        let id = overlay.register(&mut raw, &mut positions, &mut sources, &mut diagnostics);
        row_of_file.insert(id, i);
    }
    let mut validation = Diagnostics::default();
    let _ = crate::validate::validate_loaded(&raw, &mut validation, None);
    diagnostics.extend(validation);
    // What `check` notes besides about a file (a meeting that ends before
    // it starts, a phone number that cannot be one, a name twice): notices
    // of the row. Notes about the whole directory (an organisation no group
    // names yet: its groups may come with the next list) are not the row's.
    for d in crate::validate::lint::lint(&raw, &sources) {
        if matches!(
            d.message,
            Message::EndBeforeStart { .. }
                | Message::ImplausiblePhone { .. }
                | Message::DuplicateName { .. }
        ) {
            diagnostics.push(d);
        }
    }
    for d in diagnostics.iter() {
        let Some(&i) = d.file.and_then(|f| row_of_file.get(&f)) else {
            continue;
        };
        let r = &mut results[i];
        let text = &sources.get(d.file.unwrap_or(FileId(0))).text;
        let field = d.span.as_ref().and_then(|s| field_at(text, s.start));
        let column = field
            .and_then(|f| {
                columns
                    .iter()
                    .find(|(m, _)| m.field.0 == f || (f == "meetings" && m.field.0 == "meetings"))
            })
            .map(|m| cx.column_name(m))
            .unwrap_or_else(|| cx.row_column());
        r.draft.findings.push(Finding {
            column,
            problem: d.severity == Severity::Error,
            message: d.message.clone(),
        });
    }

    // Report (and write).
    let mut report = Report {
        file: file.clone(),
        rows: results.len(),
        written: options.write,
        ..Default::default()
    };
    let mut used: HashSet<usize> = HashSet::new();
    for (_, cols) in &columns {
        used.extend(cols.iter().copied());
    }
    // Every column no mapping line takes, once: named by its header, or by
    // its number when it has none (cells beyond the header row too).
    let width = table
        .rows
        .iter()
        .map(|r| r.cells.len())
        .max()
        .unwrap_or(0)
        .max(table.headers.len());
    for c in (0..width).filter(|c| !used.contains(c)) {
        let header = table.headers.get(c).cloned().unwrap_or_default();
        if header.is_empty() && table.rows.iter().all(|r| r.cell(c).is_empty()) {
            continue;
        }
        report.lines.push(Line {
            row: 1,
            column: table.column_name(c),
            kind: LineKind::Notice,
            text: LineText::Message(Message::ColumnNotImported {
                header: if header.is_empty() {
                    table.column_name(c)
                } else {
                    header
                },
            }),
            path: None,
        });
    }
    let mut created_indications: HashSet<String> = HashSet::new();
    let mut write_errors = 0;
    for r in &results {
        let path_shown = r.path.as_deref().map(display_path);
        let problem = r.draft.has_problem();
        if problem {
            report.problems += 1;
        } else if let (Some(kind), Some(path)) = (r.kind, &path_shown) {
            let note = match kind {
                LineKind::Created => Some(crate::diagnostics::Note::ImportCreated {
                    path: path.clone(),
                    written: options.write,
                }),
                LineKind::Updated => Some(crate::diagnostics::Note::ImportUpdated {
                    path: path.clone(),
                    written: options.write,
                }),
                LineKind::Unchanged => {
                    Some(crate::diagnostics::Note::ImportUnchanged { path: path.clone() })
                }
                _ => None,
            };
            match kind {
                LineKind::Created => report.created += 1,
                LineKind::Updated => report.updated += 1,
                LineKind::Unchanged => report.unchanged += 1,
                _ => {}
            }
            if let Some(note) = note {
                report.lines.push(Line {
                    row: r.draft.row,
                    column: cx.row_column(),
                    kind,
                    text: LineText::Note(note),
                    path: path_shown.clone(),
                });
            }
            if r.differs {
                report.lines.push(Line {
                    row: r.draft.row,
                    column: cx.row_column(),
                    kind: LineKind::Notice,
                    text: LineText::Message(Message::EntryDiffers { path: path.clone() }),
                    path: path_shown.clone(),
                });
            }
        }
        for f in &r.draft.findings {
            report.lines.push(Line {
                row: r.draft.row,
                column: f.column.clone(),
                kind: if f.problem {
                    LineKind::Problem
                } else {
                    LineKind::Notice
                },
                text: LineText::Message(f.message.clone()),
                path: path_shown.clone(),
            });
        }
        if options.write && !problem {
            if let (Some(text), Some(path)) = (&r.text, &r.path) {
                let result = if r.kind == Some(LineKind::Created) {
                    create_new(path, text)
                } else {
                    replace(path, text)
                };
                if let Err(e) = result {
                    write_errors += 1;
                    report.lines.push(Line {
                        row: r.draft.row,
                        column: cx.row_column(),
                        kind: LineKind::Problem,
                        text: LineText::Message(Message::WriteFailed {
                            path: display_path(path),
                            error: e.to_string(),
                        }),
                        path: path_shown.clone(),
                    });
                }
            }
            created_indications.extend(r.draft.new_indications.iter().map(|(id, _)| id.clone()));
        }
    }
    report.problems += write_errors;
    if options.write
        && !created_indications.is_empty()
        && let Some(category) = &options.create_indications
    {
        let mut add = String::new();
        for (id, name) in new_indications
            .iter()
            .filter(|(id, _)| created_indications.contains(id))
        {
            add.push_str(&format!(
                "\n[{id}]\nname = {}\ncategory = {}\n",
                write::toml_string(name),
                write::toml_string(category)
            ));
        }
        let path = options.root.join("content").join("indications.toml");
        let result = std::fs::read_to_string(&path).and_then(|old| {
            let sep = if old.ends_with('\n') || old.is_empty() {
                ""
            } else {
                "\n"
            };
            replace(&path, &format!("{old}{sep}{add}"))
        });
        if let Err(e) = result {
            report.problems += 1;
            report.lines.push(Line {
                row: 1,
                column: "1".into(),
                kind: LineKind::Problem,
                text: LineText::Message(Message::WriteFailed {
                    path: display_path(&path),
                    error: e.to_string(),
                }),
                path: None,
            });
        }
    }
    Ok(report)
}

/// Creates a file that must not exist yet (never overwrites).
fn create_new(path: &Path, text: &str) -> std::io::Result<()> {
    if let Some(parent) = path.parent() {
        std::fs::create_dir_all(parent)?;
    }
    let mut f = std::fs::OpenOptions::new()
        .write(true)
        .create_new(true)
        .open(path)?;
    std::io::Write::write_all(&mut f, text.as_bytes())
}

/// Replaces a file's content: written beside it, then renamed over it.
fn replace(path: &Path, text: &str) -> std::io::Result<()> {
    let tmp = path.with_extension("md.import-tmp");
    std::fs::write(&tmp, text)?;
    std::fs::rename(&tmp, path)
}

/// A resulting file, parsed as the loader would parse it.
enum Overlay {
    Group(TextEntry<crate::format::raw::GroupFront>),
    Organisation(TextEntry<crate::format::raw::OrganisationFront>),
    ContactPoint(TextEntry<crate::format::raw::ContactPointFront>),
}

impl Overlay {
    fn parse(kind: Kind, display: String, slug: String, text: String) -> Overlay {
        match kind {
            Kind::Group => Overlay::Group(TextEntry::parse(display, slug, text)),
            Kind::Organisation => Overlay::Organisation(TextEntry::parse(display, slug, text)),
            Kind::ContactPoint => Overlay::ContactPoint(TextEntry::parse(display, slug, text)),
        }
    }

    /// Puts the file into the directory in place of the file of the same
    /// slug (or beside the others); `positions` finds a slug's place in
    /// the list of its kind (kept up to date here).
    fn register(
        self,
        raw: &mut RawDirectory,
        positions: &mut HashMap<String, usize>,
        sources: &mut Sources,
        diagnostics: &mut Diagnostics,
    ) -> FileId {
        fn put<T>(
            list: &mut Vec<Loaded<T>>,
            positions: &mut HashMap<String, usize>,
            entry: Option<Loaded<T>>,
        ) {
            let Some(entry) = entry else { return };
            if positions.is_empty() {
                positions.extend(list.iter().enumerate().map(|(i, l)| (l.slug.clone(), i)));
            }
            match positions.get(&entry.slug) {
                Some(&i) => list[i] = entry,
                None => {
                    positions.insert(entry.slug.clone(), list.len());
                    list.push(entry);
                }
            }
        }
        match self {
            Overlay::Group(e) => {
                let (id, entry) = e.register(sources, diagnostics);
                put(&mut raw.groups, positions, entry);
                id
            }
            Overlay::Organisation(e) => {
                let (id, entry) = e.register(sources, diagnostics);
                put(&mut raw.organisations, positions, entry);
                id
            }
            Overlay::ContactPoint(e) => {
                let (id, entry) = e.register(sources, diagnostics);
                put(&mut raw.contact_points, positions, entry);
                id
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fields_of_generated_lines() {
        let text =
            "+++\nname = \"A\"\n\n[[meetings]]\nrhythm = \"x\"\n\n[contact]\nperson = \"P\"\n+++\n";
        assert_eq!(
            field_at(text, text.find("name").unwrap()).as_deref(),
            Some("name")
        );
        assert_eq!(
            field_at(text, text.find("rhythm").unwrap()).as_deref(),
            Some("meetings")
        );
        assert_eq!(
            field_at(text, text.find("person").unwrap()).as_deref(),
            Some("contact.person")
        );
    }

    #[test]
    fn slugs_are_stable_and_unique() {
        let d = |name: &str| Draft {
            row: 2,
            name: name.into(),
            slug: None,
            fields: vec![],
            meetings: None,
            body: None,
            findings: vec![],
            new_indications: vec![],
        };
        let existing = vec![Existing {
            slug: "gruppe-sued".into(),
            name: "Gruppe Süd".into(),
        }];
        let s = assign_slugs(
            &[d("Gruppe Süd"), d("Gruppe Süd"), d("Gruppe-Süd!")],
            &existing,
        );
        assert_eq!(s[0], Some(("gruppe-sued".into(), true)));
        assert_eq!(s[1], Some(("gruppe-sued-2".into(), false)));
        assert_eq!(s[2], Some(("gruppe-sued-3".into(), false)));
    }
}
