//! `wegweiser print`: the booklet of one year.

use std::path::PathBuf;

use clap::Args;

use super::build::{Part, render_parts};
use super::{Context, Outcome, RootArgs, parse_year, report};
use crate::diagnostics::{Diagnostic, Format, Note};
use crate::output;
use crate::project::Project;

#[derive(Debug, Args)]
pub struct PrintArgs {
    #[command(flatten)]
    root: RootArgs,
    /// Year of the edition.
    #[arg(long, value_parser = parse_year)]
    year: i32,
    /// The PDF file to write (default: ROOT/output/print/wegweiser-YEAR.pdf).
    #[arg(long)]
    out: Option<PathBuf>,
    /// Treat every warning as an error.
    #[arg(long)]
    strict: bool,
}

pub fn run(ctx: &Context, args: PrintArgs) -> Outcome {
    let year = args.year;
    let mut project = Project::open(&args.root.root, year);
    if args.strict {
        project.diagnostics.make_strict();
    }
    let default_out = args.root.root.join("output");
    if args.out.is_none() {
        if let Err(m) = output::check_ours(&default_out) {
            project.diagnostics.push(Diagnostic::general(m));
        }
    }
    let rendered = render_parts(ctx, &mut project, year, Some(Part::Print), args.strict);
    let mut done = None;
    if let Some((files, pages)) = rendered {
        let result = match &args.out {
            Some(file) => {
                let pdf = files.get(&format!("print/wegweiser-{year}.pdf")).unwrap_or_default();
                output::write_file(file, pdf).map(|_| file.clone())
            }
            None => output::publish(&default_out, &files, &["site", "print"])
                .map(|_| default_out.join(format!("print/wegweiser-{year}.pdf"))),
        };
        match result {
            Ok(path) => done = Some((path, pages.unwrap_or(0))),
            Err(m) => project.diagnostics.push(Diagnostic::general(m)),
        }
    }
    report(ctx, &project, Format::Human);
    match done {
        Some((path, pages)) => {
            ctx.note(ctx.lang(&project), Note::PrintDone { path: crate::diagnostics::display_path(&path), pages });
            Outcome::Success
        }
        None => Outcome::Problems,
    }
}
