//! `wegweiser sheets`: the letters of the yearly verification round
//! (contract, section 11), one PDF with a sheet per entry.

use std::path::PathBuf;

use clap::Args;

use super::build::refuse_foreign_output;
use super::{BadValue, Context, Outcome, RootArgs, parse_year, report};
use crate::diagnostics::{Diagnostic, Format, Message, Note};
use crate::model::round::weeks_after;
use crate::model::{Date, Directory, EntryRef, edition::new_year};
use crate::output::{self, Files};
use crate::project::{Project, format_date_de};
use crate::render::print::PrintProblem;
use crate::render::print::sheets::{self, Sheets};

#[derive(Debug, Args)]
pub(super) struct SheetsArgs {
    #[command(flatten)]
    root: RootArgs,
    /// Year of the round: every entry on the web or in this year's edition.
    #[arg(long, value_parser = parse_year)]
    year: i32,
    /// The PDF file to write (default: ROOT/output/print/rueckmeldung-YEAR.pdf).
    #[arg(long)]
    out: Option<PathBuf>,
    /// Date by which to answer (DD.MM.YYYY or YYYY-MM-DD; default: `[print]
    /// reply_weeks` weeks after the newest `verified`).
    #[arg(long, value_parser = parse_date)]
    reply_by: Option<Date>,
    /// Only these entries (file names without .md, separated by commas).
    #[arg(long, value_delimiter = ',')]
    entries: Vec<String>,
    /// Treat every warning as an error.
    #[arg(long)]
    strict: bool,
}

/// Parses `--reply-by`: `31.03.2027` or `2027-03-31`.
pub(super) fn parse_date(s: &str) -> Result<Date, BadValue> {
    let t = s.trim();
    let parsed = if let Some((d, rest)) = t.split_once('.') {
        rest.split_once('.').and_then(|(m, y)| {
            let (d, m, y) = (
                d.parse::<i8>().ok()?,
                m.parse::<i8>().ok()?,
                y.parse::<i16>().ok()?,
            );
            (y >= 1000).then(|| Date::new(y, m, d).ok()).flatten()
        })
    } else {
        t.parse::<Date>().ok()
    };
    parsed.ok_or_else(|| {
        BadValue(Note::CliNotADate {
            value: s.to_owned(),
        })
    })
}

/// The directory's date: its newest `verified`, else the date of
/// `SOURCE_DATE_EPOCH`, else 1 January of the year. Never the clock.
pub(super) fn directory_date(dir: &Directory, year: i32) -> Date {
    dir.newest_verified()
        .or_else(|| {
            let secs = std::env::var("SOURCE_DATE_EPOCH")
                .ok()?
                .trim()
                .parse::<i64>()
                .ok()?;
            Some(
                jiff::Timestamp::from_second(secs)
                    .ok()?
                    .to_zoned(jiff::tz::TimeZone::UTC)
                    .date(),
            )
        })
        .unwrap_or_else(|| new_year(year))
}

/// The default reply-by date: `[print] reply_weeks` after the directory's date.
pub(super) fn default_reply_by(dir: &Directory, year: i32) -> Date {
    weeks_after(directory_date(dir, year), dir.settings.print.reply_weeks)
}

/// Typesets the sheets of the round (or of `entries`, in the round's order).
pub(super) fn typeset(
    project: &Project,
    dir: &Directory,
    year: i32,
    entries: &[EntryRef],
    reply_by: Date,
) -> Result<Sheets, Vec<PrintProblem>> {
    sheets::render(
        dir,
        &project.theme,
        year,
        entries,
        reply_by,
        directory_date(dir, year),
    )
}

/// The entries named by `--entries` (every entry with that file name), in
/// the round's order; unknown names are reported.
fn chosen(dir: &Directory, year: i32, names: &[String]) -> Result<Vec<EntryRef>, Vec<Message>> {
    let round = dir.round_entries(year);
    if names.is_empty() {
        return Ok(round);
    }
    let wanted: std::collections::BTreeSet<&str> = names
        .iter()
        .map(|n| n.trim())
        .filter(|n| !n.is_empty())
        .collect();
    let unknown: Vec<Message> = wanted
        .iter()
        .filter(|n| !dir.entries().any(|e| dir.meta(e).slug == **n))
        .map(|n| {
            let slugs: Vec<&str> = dir.entries().map(|e| dir.meta(e).slug.as_str()).collect();
            Message::UnknownEntry {
                slug: (*n).to_owned(),
                suggestion: crate::model::suggest(n, slugs),
            }
        })
        .collect();
    if !unknown.is_empty() {
        return Err(unknown);
    }
    Ok(round
        .into_iter()
        .filter(|&e| wanted.contains(dir.meta(e).slug.as_str()))
        .collect())
}

pub(super) fn run(ctx: &Context, args: SheetsArgs) -> Outcome {
    let year = args.year;
    let mut project = Project::open(&args.root.root, year);
    if args.strict {
        project.diagnostics.make_strict();
    }
    let lang = ctx.lang(&project);
    let default_out = args.root.root.join("output");
    let refused = refuse_foreign_output(&mut project, args.out.is_none().then_some(&*default_out));
    let mut usage = refused;
    let mut done = None;
    let plan = project.usable().map(|dir| {
        let reply_by = args.reply_by.unwrap_or_else(|| default_reply_by(dir, year));
        (chosen(dir, year, &args.entries), reply_by)
    });
    match plan {
        Some((Err(unknown), _)) => {
            usage = true;
            for m in unknown {
                project.diagnostics.push(Diagnostic::general(m));
            }
        }
        Some((Ok(entries), reply_by)) if !project.diagnostics.has_errors() => {
            let result = project
                .usable()
                .map(|dir| typeset(&project, dir, year, &entries, reply_by));
            match result {
                Some(Ok(typeset)) => {
                    project.add_print_problems(typeset.warnings, args.strict);
                    if !project.diagnostics.has_errors() {
                        let name = format!("print/rueckmeldung-{year}.pdf");
                        let written = match &args.out {
                            Some(file) => {
                                output::write_file(file, &typeset.pdf.bytes).map(|_| file.clone())
                            }
                            None => {
                                let mut files = Files::default();
                                files.insert(name.clone(), typeset.pdf.bytes);
                                output::publish(&default_out, &files, &["site", "print"])
                                    .map(|_| default_out.join(&name))
                            }
                        };
                        match written {
                            Ok(path) => {
                                done = Some((path, entries.len(), typeset.pdf.pages, reply_by))
                            }
                            Err(m) => project.diagnostics.push(Diagnostic::general(m)),
                        }
                    }
                }
                Some(Err(errors)) => project.add_print_problems(errors, args.strict),
                None => {}
            }
        }
        _ => {}
    }
    report(ctx, &project, Format::Human);
    match done {
        Some((path, sheets, pages, reply_by)) => {
            let path = crate::diagnostics::display_path(&path);
            ctx.note(
                lang,
                Note::SheetsDone {
                    path,
                    sheets,
                    pages,
                    reply_by: format_date_de(reply_by),
                },
            );
            Outcome::Success
        }
        None if usage => Outcome::Usage,
        None => Outcome::Problems,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reply_by_in_both_spellings() {
        assert_eq!(parse_date("31.03.2027").unwrap().to_string(), "2027-03-31");
        assert_eq!(parse_date("2027-03-31").unwrap().to_string(), "2027-03-31");
        assert_eq!(parse_date("1.4.2027").unwrap().to_string(), "2027-04-01");
        assert!(parse_date("31.02.2027").is_err());
        assert!(parse_date("31.03.27").is_err());
        assert!(parse_date("morgen").is_err());
    }
}
