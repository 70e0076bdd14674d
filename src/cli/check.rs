//! `wegweiser check`: every problem at once, in the format asked for.

use clap::Args;

use super::{Context, Outcome, RootArgs, default_year, parse_year, report};
use crate::diagnostics::{Format, Note};
use crate::project::Project;

#[derive(Debug, Args)]
pub(super) struct CheckArgs {
    #[command(flatten)]
    root: RootArgs,
    /// Year whose edition the stale rule is checked for (default: this year).
    #[arg(long, value_parser = parse_year)]
    year: Option<i32>,
    /// Treat every warning as an error.
    #[arg(long)]
    strict: bool,
    /// Output format of the problems.
    #[arg(long, value_enum, default_value_t = Format::Human)]
    format: Format,
}

pub(super) fn run(ctx: &Context, args: CheckArgs) -> Outcome {
    let year = args.year.unwrap_or_else(default_year);
    let mut project = Project::open(&args.root.root, year);
    if args.strict {
        project.diagnostics.make_strict();
    }
    report(ctx, &project, args.format);
    if project.diagnostics.has_errors() {
        return Outcome::Problems;
    }
    if args.format == Format::Human
        && let Some(dir) = &project.directory
    {
        ctx.note(
            ctx.lang(&project),
            Note::CheckOk {
                groups: dir.groups.len(),
                organisations: dir.organisations.len(),
                contact_points: dir.contact_points.len(),
                indications: dir.indications.len(),
                warnings: project.diagnostics.warning_count(),
            },
        );
    }
    Outcome::Success
}
