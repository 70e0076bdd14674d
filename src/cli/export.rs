//! `wegweiser export`: every entry as a spreadsheet row (contract,
//! section 10), with the mapping that reads it back written beside it.
//! Holds personal data: never written into ROOT/output/.

use std::path::PathBuf;

use clap::Args;

use super::{Context, Outcome, RootArgs, outside_output, report, report_general};
use crate::diagnostics::{Diagnostics, Format, Message, Note, display_path};
use crate::import::export::{self, ExportFormat};
use crate::import::mapping::Kind;
use crate::project::Project;

#[derive(Debug, Args)]
pub(super) struct ExportArgs {
    #[command(flatten)]
    root: RootArgs,
    /// File format: csv (one file per kind) or xlsx (a sheet per kind).
    #[arg(long, value_enum, default_value_t = ExportFormat::Csv)]
    format: ExportFormat,
    /// The file (csv: `NAME.csv` gives `NAME-gruppen.csv`, …; default
    /// `wegweiser-export.csv` / `.xlsx`); never inside ROOT/output/.
    #[arg(long)]
    out: Option<PathBuf>,
}

pub(super) fn run(ctx: &Context, args: ExportArgs) -> Outcome {
    let project = Project::open(&args.root.root, super::default_year());
    let lang = ctx.lang(&project);
    if project.usable().is_none() {
        report(ctx, &project, Format::Human);
        return Outcome::Problems;
    }
    let out = args.out.clone().unwrap_or_else(|| {
        PathBuf::from(match args.format {
            ExportFormat::Csv => "wegweiser-export.csv",
            ExportFormat::Xlsx => "wegweiser-export.xlsx",
        })
    });
    let fail = |m: Message| {
        report_general(&project, lang, m);
        Outcome::Problems
    };
    if let Err(m) = outside_output(&args.root.root, &out) {
        return fail(m);
    }
    // The files as written (with every optional field as it is), read again.
    let mut sources = crate::diagnostics::Sources::default();
    let raw = crate::load::load(&args.root.root, &mut sources, &mut Diagnostics::default());
    let sheets: Vec<(Kind, Vec<String>, Vec<Vec<String>>)> = Kind::ALL
        .into_iter()
        .map(|k| {
            let (header, rows) = export::sheet(k, &raw);
            (k, header, rows)
        })
        .collect();
    let entries: usize = sheets.iter().map(|(_, _, r)| r.len()).sum();
    let mut files: Vec<(PathBuf, Vec<u8>)> = Vec::new();
    match args.format {
        ExportFormat::Csv => {
            for (kind, header, rows) in &sheets {
                files.push((
                    export::kind_path(&out, *kind, ".csv"),
                    export::csv_bytes(header, rows),
                ));
                files.push((
                    export::kind_path(&out, *kind, ".mapping.toml"),
                    export::mapping_text(*kind, None).into_bytes(),
                ));
            }
        }
        ExportFormat::Xlsx => {
            match export::xlsx_bytes(&sheets) {
                Ok(bytes) => files.push((out.clone(), bytes)),
                Err(e) => {
                    return fail(Message::WriteFailed {
                        path: display_path(&out),
                        error: e,
                    });
                }
            }
            for (kind, _, _) in &sheets {
                let text = export::mapping_text(*kind, Some(export::sheet_name(*kind)));
                files.push((
                    export::kind_path(&out, *kind, ".mapping.toml"),
                    text.into_bytes(),
                ));
            }
        }
    }
    for (path, bytes) in &files {
        if let Err(m) = crate::output::write_file(path, bytes) {
            return fail(m);
        }
    }
    ctx.note(
        lang,
        Note::ExportDone {
            path: display_path(&out),
            entries,
        },
    );
    Outcome::Success
}
