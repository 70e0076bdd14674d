//! `wegweiser build`: the website and the booklet, written atomically.

use std::path::{Path, PathBuf};
use std::time::Instant;

use clap::{Args, ValueEnum};

use super::{Context, Outcome, RootArgs, default_year, parse_year, report};
use crate::diagnostics::{Diagnostic, Format, Note};
use crate::model::PrintVariant;
use crate::output::{self, Files};
use crate::project::Project;
use crate::render;

/// Which part `--only` builds.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub(super) enum Part {
    /// Only the website (OUT/site/).
    Web,
    /// Only the booklet (OUT/print/).
    Print,
}

#[derive(Debug, Args)]
pub(super) struct BuildArgs {
    #[command(flatten)]
    root: RootArgs,
    /// Output folder (default: ROOT/output).
    #[arg(long)]
    out: Option<PathBuf>,
    /// Year of the print edition (default: this year).
    #[arg(long, value_parser = parse_year)]
    year: Option<i32>,
    /// Treat every warning as an error.
    #[arg(long)]
    strict: bool,
    /// Build only one part; the other part of OUT stays as it was.
    #[arg(long, value_enum)]
    only: Option<Part>,
}

/// Renders what `only` asks for into one file set (`site/…`, `print/…`):
/// the booklet in each of `variants` (default: `[print] variants`).
/// Shows progress steps on `ctx` (terminal or `--verbose`). The page count
/// is the first variant's.
pub(super) fn render_parts(
    ctx: &Context,
    project: &mut Project,
    year: i32,
    only: Option<Part>,
    strict: bool,
    variants: Option<&[PrintVariant]>,
) -> Option<(Files, Option<usize>)> {
    let lang = ctx.lang(project);
    let dir = project.usable()?;
    let mut files = Files::default();
    let mut pdf_pages = None;
    let mut problems = Vec::new();
    let mut print_problems = Vec::new();
    if only != Some(Part::Print) {
        ctx.step(lang, Note::RenderingWeb);
        let started = Instant::now();
        match render::web::render(dir, &project.theme) {
            Ok(site) => {
                ctx.step(
                    lang,
                    Note::RenderedWeb {
                        files: site.len(),
                        seconds: started.elapsed().as_secs_f64(),
                    },
                );
                files.extend_under("site", site)
            }
            Err(e) => problems.push(e),
        }
    }
    if only != Some(Part::Web) {
        let variants = variants.unwrap_or(&dir.settings.print.variants);
        let edition = dir.edition(year);
        for &variant in variants {
            ctx.step(lang, Note::Typesetting { year });
            let started = Instant::now();
            match render::print::render_variant(&edition, &project.theme, variant) {
                Ok((pdf, warnings)) => {
                    print_problems.extend(warnings);
                    ctx.step(
                        lang,
                        Note::Typeset {
                            pages: pdf.pages,
                            seconds: started.elapsed().as_secs_f64(),
                        },
                    );
                    pdf_pages = pdf_pages.or(Some(pdf.pages));
                    files.insert(
                        format!("print/{}", render::print::file_name(year, variant)),
                        pdf.bytes,
                    );
                }
                Err(errors) => print_problems.extend(errors),
            }
        }
    }
    project.add_print_problems(print_problems, strict);
    if problems.is_empty() && !project.diagnostics.has_errors() {
        Some((files, pdf_pages))
    } else {
        for p in problems {
            project.diagnostics.push(Diagnostic::general(p));
        }
        None
    }
}

/// Refuses `out`, the output folder a command writes whole, when it is not
/// wegweiser's (see [`output::check_ours`]), before any work is done: the
/// message stands with the content's problems (wrong usage; the content is
/// still checked, so that one run shows everything). `None` (a file of its
/// own is named instead): nothing to refuse. True when refused.
pub(super) fn refuse_foreign_output(project: &mut Project, out: Option<&Path>) -> bool {
    match out.map(output::check_ours) {
        Some(Err(m)) => {
            project.diagnostics.push(Diagnostic::general(m));
            true
        }
        _ => false,
    }
}

pub(super) fn run(ctx: &Context, args: BuildArgs) -> Outcome {
    let started = Instant::now();
    let year = args.year.unwrap_or_else(default_year);
    let out = args
        .out
        .clone()
        .unwrap_or_else(|| args.root.root.join("output"));
    let mut project = Project::open(&args.root.root, year);
    let lang = ctx.lang(&project);
    ctx.step(
        lang,
        Note::Loaded {
            files: project.sources.len(),
            seconds: started.elapsed().as_secs_f64(),
        },
    );
    if args.strict {
        project.diagnostics.make_strict();
    }
    let refused = refuse_foreign_output(&mut project, Some(&out));
    let rendered = render_parts(ctx, &mut project, year, args.only, args.strict, None);
    let written = rendered.and_then(|(files, pages)| {
        let keep: &[&str] = match args.only {
            Some(Part::Web) => &["print"],
            Some(Part::Print) => &["site"],
            None => &[],
        };
        ctx.step(
            lang,
            Note::Writing {
                path: crate::diagnostics::display_path(&out),
            },
        );
        match output::publish(&out, &files, keep) {
            Ok(()) => Some((files.len(), pages)),
            Err(m) => {
                project.diagnostics.push(Diagnostic::general(m));
                None
            }
        }
    });
    report(ctx, &project, Format::Human);
    match written {
        Some((count, pages)) => {
            let dir = project.directory.as_ref();
            let entries = dir.map(|d| d.entry_count()).unwrap_or(0);
            ctx.note(
                lang,
                Note::BuildDone {
                    entries,
                    files: count,
                    pdf_pages: pages,
                    path: crate::diagnostics::display_path(&out),
                    seconds: started.elapsed().as_secs_f64(),
                },
            );
            Outcome::Success
        }
        None if refused => Outcome::Usage,
        None => Outcome::Problems,
    }
}
