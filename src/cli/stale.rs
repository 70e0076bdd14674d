//! `wegweiser stale`: the yearly verification round. Holds personal data:
//! written to standard output only, never into the site.

use clap::{Args, ValueEnum};

use super::{Context, Outcome, RootArgs, outside_output, parse_year, report, report_general};
use crate::diagnostics::{Format, Lang, Note};
use crate::model::{ContactPointRef, ContactRoute, Directory, EntryRef};
use crate::project::{Project, format_date_de};

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub(super) enum StaleFormat {
    /// Aligned columns for reading.
    Table,
    /// Comma-separated values for mail merge.
    Csv,
}

#[derive(Debug, Args)]
pub(super) struct StaleArgs {
    #[command(flatten)]
    root: RootArgs,
    /// Year of the edition the verification is for.
    #[arg(long, value_parser = parse_year)]
    year: i32,
    /// Output format.
    #[arg(long, value_enum, default_value_t = StaleFormat::Table)]
    format: StaleFormat,
    /// Write to this file instead of standard output (never inside ROOT/output/:
    /// the list holds personal data and must not be published).
    #[arg(long)]
    out: Option<std::path::PathBuf>,
}

/// One row: kind, file (as `check` shows it, to open and update), name,
/// verified, contact route.
fn rows(
    dir: &Directory,
    sources: &crate::diagnostics::Sources,
    year: i32,
    lang: Lang,
) -> Vec<(EntryRef, [String; 5])> {
    dir.stale_entries(year)
        .into_iter()
        .map(|e| {
            let meta = dir.meta(e);
            let (kind, contact) = match e {
                EntryRef::Group(g) => {
                    let g = dir.group(g);
                    let via = match g.contact_point_ref() {
                        ContactPointRef::Entry(c) => dir.contact_point(c).meta.name.clone(),
                        ContactPointRef::Publisher => dir.settings.publisher.name.clone(),
                    };
                    let contact = match &g.contact {
                        ContactRoute::Direct {
                            person,
                            phone,
                            email,
                        } => joined([person, phone, email]),
                        ContactRoute::ContactPoint => Note::Via { name: via }.text(lang),
                    };
                    (Note::KindGroup, contact)
                }
                EntryRef::Organisation(o) => {
                    let o = dir.organisation(o);
                    (Note::KindOrganisation, joined([&o.phone, &o.email]))
                }
                EntryRef::ContactPoint(c) => {
                    let c = dir.contact_point(c);
                    (Note::KindContactPoint, joined([&c.phone, &c.email]))
                }
            };
            let file = sources.get(meta.origin.file).display.clone();
            (
                e,
                [
                    kind.text(lang),
                    file,
                    meta.name.clone(),
                    format_date_de(meta.verified),
                    contact,
                ],
            )
        })
        .collect()
}

/// A CSV field, quoted, with formula prefixes neutralised for spreadsheets.
fn csv_field(s: &str) -> String {
    let s = if s.starts_with(['=', '+', '-', '@', '\t', '\r']) {
        format!("'{s}")
    } else {
        s.to_owned()
    };
    format!("\"{}\"", s.replace('"', "\"\""))
}

pub(super) fn run(ctx: &Context, args: StaleArgs) -> Outcome {
    let project = Project::open(&args.root.root, args.year);
    let Some(dir) = project.usable() else {
        report(ctx, &project, Format::Human);
        return Outcome::Problems;
    };
    let lang = ctx.lang(&project);
    let rows = rows(dir, &project.sources, args.year, lang);
    // The CSV (for mail merge) tells on which page of `wegweiser sheets
    // --year Y` (all entries, default date) each entry's sheet starts.
    let sheet_pages = match args.format {
        StaleFormat::Csv => {
            let entries = dir.round_entries(args.year);
            let reply_by = super::sheets::default_reply_by(dir, args.year);
            match super::sheets::typeset(&project, dir, args.year, &entries, reply_by) {
                Ok(sheets) => sheets.first_pages,
                Err(errors) => {
                    let mut sources = crate::diagnostics::Sources::default();
                    let d = crate::project::print_diagnostics(
                        &project.theme,
                        errors,
                        false,
                        &mut sources,
                    );
                    let mut buf = Vec::new();
                    let _ = crate::diagnostics::render(
                        &d,
                        &sources,
                        lang,
                        Format::Human,
                        false,
                        &mut buf,
                    );
                    eprint!("{}", String::from_utf8_lossy(&buf));
                    return Outcome::Problems;
                }
            }
        }
        StaleFormat::Table => Default::default(),
    };
    let header_text = Note::StaleHeader.text(lang);
    let header: [&str; 5] = {
        let mut it = header_text.split('\t');
        std::array::from_fn(|_| it.next().unwrap_or(""))
    };
    let mut text = String::new();
    match args.format {
        StaleFormat::Csv => {
            let page_head = Note::StaleSheetPage.text(lang);
            text.push_str(&format!(
                "{},{}\n",
                header.map(csv_field).join(","),
                csv_field(&page_head)
            ));
            for (e, r) in &rows {
                let page = sheet_pages
                    .get(e)
                    .map(|p: &usize| p.to_string())
                    .unwrap_or_default();
                text.push_str(&format!(
                    "{},{}\n",
                    r.iter().map(|f| csv_field(f)).collect::<Vec<_>>().join(","),
                    csv_field(&page)
                ));
            }
        }
        StaleFormat::Table => {
            let mut widths = header.map(|h| h.chars().count());
            for (_, r) in &rows {
                for (w, f) in widths.iter_mut().zip(r) {
                    *w = (*w).max(f.chars().count());
                }
            }
            let line = |cells: &[String]| {
                cells
                    .iter()
                    .zip(widths)
                    .map(|(c, w)| format!("{c}{}", " ".repeat(w - c.chars().count())))
                    .collect::<Vec<_>>()
                    .join("  ")
                    .trim_end()
                    .to_owned()
            };
            text.push_str(&format!("{}\n", line(&header.map(String::from))));
            for (_, r) in &rows {
                text.push_str(&format!("{}\n", line(r)));
            }
        }
    }
    match &args.out {
        None => {
            use std::io::Write;
            let _ = std::io::stdout().write_all(text.as_bytes());
        }
        Some(path) => {
            let result = outside_output(&args.root.root, path)
                .and_then(|()| crate::output::write_file(path, text.as_bytes()));
            if let Err(m) = result {
                report_general(&project, lang, m);
                return Outcome::Problems;
            }
        }
    }
    if args.format == StaleFormat::Table || args.out.is_some() {
        ctx.note(
            lang,
            Note::StaleCount {
                count: rows.len(),
                year: args.year,
            },
        );
    }
    Outcome::Success
}

/// The contacts that are given, ` / ` between them.
fn joined<const N: usize>(contacts: [&Option<String>; N]) -> String {
    contacts
        .into_iter()
        .flatten()
        .cloned()
        .collect::<Vec<_>>()
        .join(" / ")
}
