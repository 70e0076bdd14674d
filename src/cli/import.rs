//! `wegweiser import`: a contact point's list becomes entry files
//! (contract, section 10). A dry run unless `--write`; a report line per
//! row, located as `FILE:row:column`.

use std::io::Write;
use std::path::PathBuf;

use clap::Args;

use super::{Context, Outcome, RootArgs};
use crate::diagnostics::{self, Format, Lang, Message, Note, display_path};
use crate::import::{self, LineText, Report};

#[derive(Debug, Args)]
pub(super) struct ImportArgs {
    /// The list: CSV (UTF-8 or Windows-1252; `;`, `,` or tab), XLSX or ODS.
    file: PathBuf,
    /// The mapping file (columns → fields).
    #[arg(long, required_unless_present = "init", conflicts_with = "init")]
    mapping: Option<PathBuf>,
    /// Write a mapping guessed from the header row to this file (never overwrites).
    #[arg(long)]
    init: Option<PathBuf>,
    #[command(flatten)]
    root: RootArgs,
    /// Write the entry files (default: a dry run that writes nothing).
    #[arg(long)]
    write: bool,
    /// Replace the mapped fields of existing entries (keeps every other field and the description).
    #[arg(long)]
    update: bool,
    /// Create unknown indications in this category of indications.toml.
    #[arg(long, value_name = "CATEGORY")]
    create_indications: Option<String>,
    /// Output format of the report.
    #[arg(long, value_enum, default_value_t = Format::Human)]
    format: Format,
}

fn print_failure(f: &import::Failure, lang: Lang, format: Format) {
    let mut buf = Vec::new();
    let _ = diagnostics::render(&f.diagnostics, &f.sources, lang, format, false, &mut buf);
    if format == Format::Human {
        let _ = std::io::stderr().write_all(&buf);
    } else {
        let _ = std::io::stdout().write_all(&buf);
    }
}

fn line_text(t: &LineText, lang: Lang) -> String {
    match t {
        LineText::Message(m) => m.text(lang),
        LineText::Note(n) => n.text(lang),
    }
}

/// The report: `FILE:row:column: kind: text` per line (human, github) or
/// a JSON array of objects like `check --format json` writes.
fn print_report(report: &Report, lang: Lang, format: Format) {
    let mut out = String::new();
    match format {
        Format::Human => {
            // Created, updated and unchanged say so in their text; notices
            // and problems get the word first.
            for l in &report.lines {
                let kind = match l.kind {
                    import::LineKind::Notice | import::LineKind::Problem => {
                        format!(
                            "{}: ",
                            Note::ImportKind {
                                kind: l.kind.word()
                            }
                            .text(lang)
                        )
                    }
                    _ => String::new(),
                };
                out.push_str(&format!(
                    "{}:{}:{}: {kind}{}\n",
                    report.file,
                    l.row,
                    l.column,
                    line_text(&l.text, lang)
                ));
            }
        }
        Format::Github => {
            for l in &report.lines {
                let level = match l.kind {
                    import::LineKind::Problem => "error",
                    import::LineKind::Notice => "notice",
                    _ => continue,
                };
                let text = line_text(&l.text, lang)
                    .replace('%', "%25")
                    .replace('\r', "%0D")
                    .replace('\n', "%0A");
                out.push_str(&format!(
                    "::{level} file={},line={}::{}: {text}\n",
                    report.file, l.row, l.column
                ));
            }
        }
        Format::Json => {
            let list: Vec<serde_json::Value> = report
                .lines
                .iter()
                .map(|l| {
                    let (code, help) = match &l.text {
                        LineText::Message(m) => (m.code(), m.help(lang)),
                        LineText::Note(_) => (l.kind.word(), None),
                    };
                    serde_json::json!({
                        "file": report.file,
                        "row": l.row,
                        "column": l.column,
                        "kind": l.kind.word(),
                        "severity": match l.kind { import::LineKind::Problem => "error", import::LineKind::Notice => "notice", _ => "info" },
                        "code": code,
                        "message": line_text(&l.text, lang),
                        "help": help,
                        "entry": l.path,
                        "written": report.written,
                    })
                })
                .collect();
            out = serde_json::to_string_pretty(&list).unwrap_or_default();
            out.push('\n');
        }
    }
    let _ = std::io::stdout().write_all(out.as_bytes());
}

pub(super) fn run(ctx: &Context, args: ImportArgs) -> Outcome {
    let lang = ctx.lang_for_root(&args.root.root);
    if let Some(init) = &args.init {
        return run_init(ctx, &args, init, lang);
    }
    let Some(mapping) = args.mapping.clone() else {
        return Outcome::Usage;
    };
    let options = import::Options {
        file: args.file.clone(),
        mapping,
        root: args.root.root.clone(),
        write: args.write,
        update: args.update,
        create_indications: args.create_indications.clone(),
    };
    match import::run(&options) {
        Err(f) => {
            print_failure(&f, lang, args.format);
            if f.usage {
                Outcome::Usage
            } else {
                Outcome::Problems
            }
        }
        Ok(report) => {
            print_report(&report, lang, args.format);
            ctx.say(
                &Note::ImportSummary {
                    rows: report.rows,
                    created: report.created,
                    updated: report.updated,
                    unchanged: report.unchanged,
                    problems: report.problems,
                    written: report.written,
                }
                .text(lang),
            );
            if report.problems > 0 {
                Outcome::Problems
            } else {
                Outcome::Success
            }
        }
    }
}

fn run_init(ctx: &Context, args: &ImportArgs, init: &std::path::Path, lang: Lang) -> Outcome {
    let fail = |m: Message, usage: bool| {
        let mut d = diagnostics::Diagnostics::default();
        d.push(diagnostics::Diagnostic::general(m));
        let _ = diagnostics::render(
            &d,
            &diagnostics::Sources::default(),
            lang,
            Format::Human,
            false,
            &mut std::io::stderr(),
        );
        if usage {
            Outcome::Usage
        } else {
            Outcome::Problems
        }
    };
    if init.exists() {
        return fail(
            Message::FileExists {
                path: display_path(init),
            },
            true,
        );
    }
    let table = match import::read_table(&args.file, None) {
        Ok(t) => t,
        Err(f) => {
            print_failure(&f, lang, Format::Human);
            return Outcome::Problems;
        }
    };
    let sheet = match args
        .file
        .extension()
        .map(|e| e.to_string_lossy().to_lowercase())
        .as_deref()
    {
        Some("xlsx" | "xlsm" | "xlsb" | "xls" | "ods") => calamine_first_sheet(&args.file),
        _ => None,
    };
    let (text, placed, unplaced) = import::init::guess_mapping(
        &table,
        &display_path(&args.file),
        &super::today().to_string(),
        sheet.as_deref(),
    );
    let result = std::fs::OpenOptions::new()
        .write(true)
        .create_new(true)
        .open(init)
        .and_then(|mut f| f.write_all(text.as_bytes()));
    match result {
        Ok(()) => {
            ctx.note(
                lang,
                Note::MappingWritten {
                    path: display_path(init),
                    columns: placed,
                    unplaced,
                },
            );
            Outcome::Success
        }
        Err(e) => fail(
            Message::WriteFailed {
                path: display_path(init),
                error: e.to_string(),
            },
            false,
        ),
    }
}

/// The name of the first sheet of a spreadsheet (written into the mapping).
fn calamine_first_sheet(path: &std::path::Path) -> Option<String> {
    use calamine::Reader;
    calamine::open_workbook_auto(path)
        .ok()?
        .sheet_names()
        .first()
        .cloned()
}
