//! `wegweiser new`: a commented skeleton for a new entry. Never overwrites.

use std::path::PathBuf;

use clap::{Args, ValueEnum};

use super::{Context, Outcome, RootArgs};
use crate::diagnostics::{Diagnostic, Diagnostics, Message, SourceFile, Sources, display_path};
use crate::validate::rules::is_slug;

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub(super) enum Kind {
    /// A self-help group (content/groups/).
    Group,
    /// A self-help organisation (content/organisations/).
    Organisation,
    /// A contact point (content/contact-points/).
    ContactPoint,
}

#[derive(Debug, Args)]
pub(super) struct NewArgs {
    /// What to create.
    #[arg(value_enum)]
    kind: Kind,
    /// File name without `.md`: lowercase a–z, digits, hyphens.
    slug: String,
    #[command(flatten)]
    root: RootArgs,
    /// The entry's name.
    #[arg(long)]
    name: Option<String>,
    /// Indication ids, comma-separated (groups and organisations).
    #[arg(long, value_delimiter = ',')]
    indications: Vec<String>,
}

fn toml_string(s: &str) -> String {
    let mut out = String::from("\"");
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            c if c.is_control() => out.push_str(&format!("\\u{:04X}", c as u32)),
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

fn skeleton(kind: Kind, name: &str, indications: &[String], today: &str) -> String {
    let inds = if indications.is_empty() {
        "[]  # (Pflicht) Indikationen aus content/indications.toml, die erste ist das Hauptthema"
            .to_owned()
    } else {
        format!(
            "[{}]",
            indications
                .iter()
                .map(|i| toml_string(i))
                .collect::<Vec<_>>()
                .join(", ")
        )
    };
    let name = toml_string(name);
    match kind {
        Kind::Group => format!(
            r#"+++
name = {name}          # (Pflicht)
indications = {inds}
audience = ["affected"]           # (Pflicht) "affected" (Betroffene) und/oder "relatives" (Angehörige)
format = "in-person"              # (Pflicht) "in-person" | "online" | "hybrid"
status = "founding"               # (Pflicht) "active" | "founding" | "full" | "ended"
verified = {today}                # (Pflicht) zuletzt mit der Gruppe bestätigt
# contact_point = "kiss-musterstadt"
# organisation = ""
# district = ""

# [[meetings]]
# rhythm = "monthly"              # "weekly" | "biweekly" | "monthly" | "irregular"
# weekday = "tuesday"
# weeks = [2]                     # nur bei monthly: 1..4 oder -1 für die letzte Woche
# start = "19:00"
# end = "21:00"
# place = ""
# address = ""
# accessible = true

[contact]
via_contact_point = true          # Kontakt über die Kontaktstelle
# person, phone, email nur mit Einwilligung: consent = JJJJ-MM-TT
+++
Beschreibung der Gruppe: Für wen ist sie, was erwartet Interessierte?
"#
        ),
        Kind::Organisation => format!(
            r#"+++
name = {name}          # (Pflicht)
level = "state"                   # (Pflicht) "local" | "state" | "federal"
verified = {today}                # (Pflicht)
indications = {inds}
# address = ""
# phone = ""
# email = ""
# website = "https://"
+++
Beschreibung der Organisation.
"#
        ),
        Kind::ContactPoint => format!(
            r#"+++
name = {name}          # (Pflicht)
verified = {today}                # (Pflicht)
# address = ""
# phone = ""
# email = ""
# website = "https://"
opening_hours = []                # z. B. ["Mo–Do 9–16 Uhr"]
+++
Beschreibung der Kontaktstelle.
"#
        ),
    }
}

pub(super) fn run(ctx: &Context, args: NewArgs) -> Outcome {
    let folder = match args.kind {
        Kind::Group => "groups",
        Kind::Organisation => "organisations",
        Kind::ContactPoint => "contact-points",
    };
    let path: PathBuf = args
        .root
        .root
        .join("content")
        .join(folder)
        .join(format!("{}.md", args.slug));
    let mut diagnostics = Diagnostics::default();
    let mut sources = Sources::default();
    let lang = ctx.lang_for_root(&args.root.root);
    // An invalid or taken slug is wrong usage (exit code 2); failing to
    // write is not.
    let mut usage = true;
    if !is_slug(&args.slug) {
        diagnostics.push(Diagnostic::general(Message::InvalidSlug {
            slug: args.slug.clone(),
        }));
    } else if path.exists() {
        diagnostics.push(Diagnostic::general(Message::FileExists {
            path: display_path(&path),
        }));
    } else {
        let today = super::today().to_string();
        let name = args
            .name
            .clone()
            .unwrap_or_else(|| args.slug.replace('-', " "));
        let text = skeleton(args.kind, &name, &args.indications, &today);
        let result = path
            .parent()
            .map(std::fs::create_dir_all)
            .transpose()
            .and_then(|_| {
                std::fs::OpenOptions::new()
                    .write(true)
                    .create_new(true)
                    .open(&path)
            })
            .and_then(|mut f| std::io::Write::write_all(&mut f, text.as_bytes()));
        match result {
            Ok(()) => {
                ctx.note(
                    lang,
                    crate::diagnostics::Note::Written {
                        path: display_path(&path),
                    },
                );
                return Outcome::Success;
            }
            Err(e) => {
                usage = false;
                diagnostics.push(Diagnostic::general(Message::WriteFailed {
                    path: display_path(&path),
                    error: e.to_string(),
                }))
            }
        }
    }
    let _ = sources.add(SourceFile::new(String::new(), String::new()));
    let mut buf = Vec::new();
    let _ = crate::diagnostics::render(
        &diagnostics,
        &sources,
        lang,
        crate::diagnostics::Format::Human,
        false,
        &mut buf,
    );
    eprint!("{}", String::from_utf8_lossy(&buf));
    if usage {
        Outcome::Usage
    } else {
        Outcome::Problems
    }
}
