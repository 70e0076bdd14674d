//! `wegweiser print`: the booklet of one year.

use std::path::PathBuf;

use clap::{Args, ValueEnum};

use super::build::{Part, refuse_foreign_output, render_parts};
use super::{Context, Outcome, RootArgs, parse_year, report};
use crate::diagnostics::{Diagnostic, Format, Note};
use crate::model::PrintVariant;
use crate::output;
use crate::project::Project;
use crate::render::print::file_name;

/// Which booklet `--variant` typesets.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum Variant {
    /// The usual booklet (wegweiser-YEAR.pdf).
    Standard,
    /// Large print: A4, one column, text at least 14 pt (wegweiser-YEAR-grossdruck.pdf).
    Large,
}

impl From<Variant> for PrintVariant {
    fn from(v: Variant) -> PrintVariant {
        match v {
            Variant::Standard => PrintVariant::Standard,
            Variant::Large => PrintVariant::Large,
        }
    }
}

#[derive(Debug, Args)]
pub(super) struct PrintArgs {
    #[command(flatten)]
    root: RootArgs,
    /// Year of the edition.
    #[arg(long, value_parser = parse_year)]
    year: i32,
    /// The PDF file to write (default: ROOT/output/print/wegweiser-YEAR.pdf,
    /// for large print wegweiser-YEAR-grossdruck.pdf).
    #[arg(long)]
    out: Option<PathBuf>,
    /// Which booklet: the standard one or large print.
    #[arg(long, value_enum, default_value_t = Variant::Standard)]
    variant: Variant,
    /// Treat every warning as an error.
    #[arg(long)]
    strict: bool,
    /// Also write the typst templates, data.json, fonts and images into
    /// DIR, for inspection or for the typst CLI (see DIR/README.txt).
    #[arg(long, value_name = "DIR")]
    emit_typst: Option<PathBuf>,
    /// Also write the cover (first page) as a PDF of its own, for print
    /// shops that print the cover apart (the booklet keeps it); the cover
    /// of the booklet `--variant` names.
    #[arg(long, value_name = "FILE")]
    cover_pdf: Option<PathBuf>,
}

pub(super) fn run(ctx: &Context, args: PrintArgs) -> Outcome {
    let year = args.year;
    let mut project = Project::open(&args.root.root, year);
    if args.strict {
        project.diagnostics.make_strict();
    }
    let default_out = args.root.root.join("output");
    let refused = refuse_foreign_output(&mut project, args.out.is_none().then_some(&*default_out));
    let variant = PrintVariant::from(args.variant);
    let name = file_name(year, variant);
    // Written before typesetting, so that a failing template can be inspected.
    if let Some(out) = &args.emit_typst
        && let Some(dir) = project.usable()
    {
        let files =
            crate::render::print::typst_files_of(&dir.edition(year), &project.theme, variant);
        let failed = files
            .iter()
            .find_map(|(rel, bytes)| output::write_file(&out.join(rel), bytes).err());
        if let Some(m) = failed {
            project.diagnostics.push(Diagnostic::general(m));
        }
    }
    let mut rendered = render_parts(
        ctx,
        &mut project,
        year,
        Some(Part::Print),
        args.strict,
        Some(&[variant]),
    );
    let mut done = None;
    // The cover alone, for print shops that print it apart.
    if let (Some(file), Some(_)) = (&args.cover_pdf, &rendered) {
        let cover = project.usable().map(|dir| {
            crate::render::print::render_cover_of(&dir.edition(year), &project.theme, variant)
        });
        let mut problems = Vec::new();
        match cover {
            Some(Ok((pdf, warnings))) => {
                project.add_print_problems(warnings, args.strict);
                if let Err(m) = output::write_file(file, &pdf.bytes) {
                    problems.push(m);
                }
            }
            Some(Err(errors)) => project.add_print_problems(errors, args.strict),
            None => {}
        }
        if !problems.is_empty() || project.diagnostics.has_errors() {
            rendered = None;
        }
        for m in problems {
            project.diagnostics.push(Diagnostic::general(m));
        }
    }
    if let Some((files, pages)) = rendered {
        let result = match &args.out {
            Some(file) => {
                let pdf = files.get(&format!("print/{name}")).unwrap_or_default();
                output::write_file(file, pdf).map(|_| file.clone())
            }
            None => output::publish(&default_out, &files, &["site", "print"])
                .map(|_| default_out.join(format!("print/{name}"))),
        };
        match result {
            Ok(path) => done = Some((path, pages.unwrap_or(0))),
            Err(m) => project.diagnostics.push(Diagnostic::general(m)),
        }
    }
    report(ctx, &project, Format::Human);
    match done {
        Some((path, pages)) => {
            ctx.note(
                ctx.lang(&project),
                Note::PrintDone {
                    path: crate::diagnostics::display_path(&path),
                    pages,
                },
            );
            Outcome::Success
        }
        None if refused => Outcome::Usage,
        None => Outcome::Problems,
    }
}
