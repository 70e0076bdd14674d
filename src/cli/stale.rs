//! `wegweiser stale`: the yearly verification round. Holds personal data:
//! written to standard output only, never into the site.

use clap::{Args, ValueEnum};

use super::{Context, Outcome, RootArgs, parse_year, report};
use crate::diagnostics::Format;
use crate::model::{ContactPointRef, ContactRoute, Directory, EntryRef};
use crate::project::{Project, format_date_de};

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum StaleFormat {
    /// Aligned columns for reading.
    Table,
    /// Comma-separated values for mail merge.
    Csv,
}

#[derive(Debug, Args)]
pub struct StaleArgs {
    #[command(flatten)]
    root: RootArgs,
    /// Year of the edition the verification is for.
    #[arg(long, value_parser = parse_year)]
    year: i32,
    /// Output format.
    #[arg(long, value_enum, default_value_t = StaleFormat::Table)]
    format: StaleFormat,
}

/// One row: kind, file slug, name, verified, contact route.
fn rows(dir: &Directory, year: i32) -> Vec<[String; 5]> {
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
                        ContactRoute::Direct { person, phone, email } => [person, phone, email]
                            .into_iter()
                            .flatten()
                            .cloned()
                            .collect::<Vec<_>>()
                            .join(" / "),
                        ContactRoute::ContactPoint => format!("über {via}"),
                    };
                    ("Gruppe", contact)
                }
                EntryRef::Organisation(o) => {
                    let o = dir.organisation(o);
                    ("Organisation", [&o.phone, &o.email].into_iter().flatten().cloned().collect::<Vec<_>>().join(" / "))
                }
                EntryRef::ContactPoint(c) => {
                    let c = dir.contact_point(c);
                    ("Kontaktstelle", [&c.phone, &c.email].into_iter().flatten().cloned().collect::<Vec<_>>().join(" / "))
                }
            };
            [kind.to_owned(), meta.slug.clone(), meta.name.clone(), format_date_de(meta.verified), contact]
        })
        .collect()
}

/// A CSV field, quoted, with formula prefixes neutralised for spreadsheets.
fn csv_field(s: &str) -> String {
    let s = if s.starts_with(['=', '+', '-', '@', '\t', '\r']) { format!("'{s}") } else { s.to_owned() };
    format!("\"{}\"", s.replace('"', "\"\""))
}

pub fn run(ctx: &Context, args: StaleArgs) -> Outcome {
    let project = Project::open(&args.root.root, args.year);
    let Some(dir) = project.usable() else {
        report(ctx, &project, Format::Human);
        return Outcome::Problems;
    };
    let rows = rows(dir, args.year);
    let header = ["Art", "Datei", "Name", "Bestätigt", "Kontakt"];
    match args.format {
        StaleFormat::Csv => {
            println!("{}", header.map(|h| csv_field(h)).join(","));
            for r in &rows {
                println!("{}", r.iter().map(|f| csv_field(f)).collect::<Vec<_>>().join(","));
            }
        }
        StaleFormat::Table => {
            let mut widths = header.map(|h| h.chars().count());
            for r in &rows {
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
            println!("{}", line(&header.map(String::from)));
            for r in &rows {
                println!("{}", line(r));
            }
            ctx.say(&format!("{} Einträge zu bestätigen (Ausgabe {}).", rows.len(), args.year));
        }
    }
    Outcome::Success
}
