//! `wegweiser check`: every problem at once, in the format asked for.

use clap::Args;

use super::{Context, Outcome, RootArgs, default_year, parse_year, report};
use crate::diagnostics::Format;
use crate::project::Project;

#[derive(Debug, Args)]
pub struct CheckArgs {
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

pub fn run(ctx: &Context, args: CheckArgs) -> Outcome {
    let year = args.year.unwrap_or_else(default_year);
    let mut project = Project::open(&args.root.root, year);
    if args.strict {
        project.diagnostics.make_strict();
    }
    report(ctx, &project, args.format);
    if project.diagnostics.has_errors() {
        return Outcome::Problems;
    }
    if args.format == Format::Human {
        if let Some(dir) = &project.directory {
            let w = project.diagnostics.warning_count();
            ctx.say(&match ctx.lang(&project) {
                crate::diagnostics::Lang::De => format!(
                    "In Ordnung: {} Gruppen, {} Organisationen, {} Kontaktstellen, {} Indikationen, {w} Warnungen.",
                    dir.groups.len(), dir.organisations.len(), dir.contact_points.len(), dir.indications.len()
                ),
                crate::diagnostics::Lang::En => format!(
                    "OK: {} groups, {} organisations, {} contact points, {} indications, {w} warnings.",
                    dir.groups.len(), dir.organisations.len(), dir.contact_points.len(), dir.indications.len()
                ),
            });
        }
    }
    Outcome::Success
}
