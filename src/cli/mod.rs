//! The command line (contract, section 8): one module per command. Exit
//! codes: 0 success (warnings allowed), 1 problems in the content, 2 wrong
//! usage (clap's own exit code for usage errors).

mod build;
mod check;
mod export;
mod import;
mod localize;
mod new;
mod print;
pub mod schema;
mod serve;
mod sheets;
mod stale;

use std::io::{IsTerminal, Write};
use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Args, Parser, Subcommand};

use crate::diagnostics::{self, Format, Lang, Note};
use crate::project::Project;

/// Static-site and print generator for directories of self-help groups.
#[derive(Debug, Parser)]
#[command(name = "wegweiser", version, about, long_about = None)]
pub struct Cli {
    #[command(subcommand)]
    command: Command,
    /// Language of messages (default: `language` of wegweiser.toml).
    #[arg(long, global = true, value_parser = ["de", "en"])]
    lang: Option<String>,
    /// Print nothing but problems.
    #[arg(long, short, global = true, conflicts_with = "verbose")]
    quiet: bool,
    /// Show every step with its time (default on a terminal; off in CI).
    #[arg(long, short, global = true)]
    verbose: bool,
}

#[derive(Debug, Subcommand)]
enum Command {
    /// Build the website (OUT/site/) and the booklet (OUT/print/wegweiser-YEAR.pdf).
    Build(build::BuildArgs),
    /// Check the directory and report every problem.
    Check(check::CheckArgs),
    /// Typeset the booklet of one year.
    Print(print::PrintArgs),
    /// List entries due for verification in a year (personal data: stdout only).
    Stale(stale::StaleArgs),
    /// Typeset the letters of the yearly verification round: one sheet per entry on the web or in the year's edition.
    Sheets(sheets::SheetsArgs),
    /// Write a commented skeleton for a new entry.
    New(new::NewArgs),
    /// Serve the website on 127.0.0.1, rebuild on every change and reload the browser.
    Serve(serve::ServeArgs),
    /// Print the JSON Schema of a file kind (for completion in editors).
    Schema(schema::SchemaArgs),
    /// Read a list (CSV, XLSX, ODS) into entry files (a dry run unless --write).
    Import(import::ImportArgs),
    /// Write every entry into a spreadsheet (personal data: never into output/).
    Export(export::ExportArgs),
}

/// Options every command that reads a directory has.
#[derive(Debug, Args, Clone)]
pub struct RootArgs {
    /// The directory's folder (holds wegweiser.toml and content/).
    #[arg(long, default_value = ".", value_parser = parse_root)]
    pub root: PathBuf,
}

/// What a command tells `main`.
pub enum Outcome {
    /// Done (warnings allowed).
    Success,
    /// Problems in the content.
    Problems,
    /// Wrong usage: an argument that cannot be followed (a foreign output
    /// folder, a slug that is taken); exit code 2 like clap's usage errors.
    Usage,
}

/// Parses the command line and runs the command.
pub fn main() -> ExitCode {
    // Behave like other command-line tools when the reader goes away
    // (`wegweiser stale … | head`): end quietly instead of panicking.
    #[cfg(unix)]
    // SAFETY: restoring the default disposition of SIGPIPE before any thread starts.
    unsafe {
        libc::signal(libc::SIGPIPE, libc::SIG_DFL);
    }
    let args: Vec<std::ffi::OsString> = std::env::args_os().collect();
    let lang = help_lang(&args);
    let command = localize::command(<Cli as clap::CommandFactory>::command(), lang);
    let styles = command.get_styles().clone();
    let cli = match command
        .try_get_matches_from(&args)
        .and_then(|m| <Cli as clap::FromArgMatches>::from_arg_matches(&m))
    {
        Ok(cli) => cli,
        Err(e) => localize::exit(e, lang, &styles),
    };
    let ctx = Context::new(
        cli.lang.as_deref().map(Lang::from_code),
        cli.quiet,
        cli.verbose,
    );
    let outcome = match cli.command {
        Command::Build(a) => build::run(&ctx, a),
        Command::Check(a) => check::run(&ctx, a),
        Command::Print(a) => print::run(&ctx, a),
        Command::Stale(a) => stale::run(&ctx, a),
        Command::Sheets(a) => sheets::run(&ctx, a),
        Command::New(a) => new::run(&ctx, a),
        Command::Serve(a) => serve::run(&ctx, a),
        Command::Schema(a) => schema::run(&ctx, a),
        Command::Import(a) => import::run(&ctx, a),
        Command::Export(a) => export::run(&ctx, a),
    };
    match outcome {
        Outcome::Success => ExitCode::SUCCESS,
        Outcome::Problems => ExitCode::from(1),
        Outcome::Usage => ExitCode::from(2),
    }
}

/// The language of `--help` and of usage errors: `--lang`, else `language`
/// of the `wegweiser.toml` in `--root` (or the current folder), else German.
fn help_lang(args: &[std::ffi::OsString]) -> Lang {
    let args: Vec<String> = args
        .iter()
        .map(|a| a.to_string_lossy().into_owned())
        .collect();
    let value_of = |flag: &str| {
        args.iter().enumerate().find_map(|(i, a)| {
            a.strip_prefix(&format!("{flag}="))
                .map(String::from)
                .or_else(|| (a == flag).then(|| args.get(i + 1).cloned()).flatten())
        })
    };
    if let Some(l) = value_of("--lang") {
        return Lang::from_code(&l);
    }
    let root = value_of("--root").unwrap_or_else(|| ".".to_owned());
    Context::new(None, true, false).lang_for_root(std::path::Path::new(&root))
}

/// Global options and what follows from the environment.
pub struct Context {
    lang_override: Option<Lang>,
    quiet: bool,
    /// Show progress steps: `--verbose`, or a terminal outside CI.
    progress: bool,
}

/// True when running in CI (`CI=true`, as GitHub Actions and GitLab CI set it).
pub fn in_ci() -> bool {
    std::env::var("CI")
        .map(|v| !v.is_empty() && v != "0" && !v.eq_ignore_ascii_case("false"))
        .unwrap_or(false)
}

impl Context {
    /// Options as given; progress is shown with `--verbose`, or on a
    /// terminal outside CI unless `--quiet`.
    pub fn new(lang_override: Option<Lang>, quiet: bool, verbose: bool) -> Context {
        let interactive = std::io::stderr().is_terminal() && !in_ci();
        Context {
            lang_override,
            quiet,
            progress: !quiet && (verbose || interactive),
        }
    }

    fn lang(&self, project: &Project) -> Lang {
        self.lang_override.unwrap_or(project.lang)
    }

    /// The language when no directory is loaded: `--lang`, else `language`
    /// of `ROOT/wegweiser.toml` if readable, else German.
    fn lang_for_root(&self, root: &std::path::Path) -> Lang {
        self.lang_override.unwrap_or_else(|| {
            std::fs::read_to_string(root.join(crate::load::SETTINGS_FILE))
                .ok()
                .and_then(|t| t.parse::<toml::Table>().ok())
                .and_then(|t| {
                    t.get("language")
                        .and_then(|l| l.as_str().map(Lang::from_code))
                })
                .unwrap_or_default()
        })
    }

    /// Prints a summary line unless `--quiet`.
    fn say(&self, line: &str) {
        if !self.quiet {
            eprintln!("{line}");
        }
    }

    /// Prints a note unless `--quiet`.
    fn note(&self, lang: Lang, note: diagnostics::Note) {
        self.say(&note.text(lang));
    }

    /// Prints a progress step (terminal or `--verbose` only).
    fn step(&self, lang: Lang, note: diagnostics::Note) {
        if self.progress {
            eprintln!("{}", note.text(lang));
        }
    }
}

/// The year to use: `--year`, else `SOURCE_DATE_EPOCH`'s year, else now.
pub fn default_year() -> i32 {
    i32::from(today().year())
}

/// Today's date (UTC), or the date of `SOURCE_DATE_EPOCH` when it is set:
/// reproducible builds and tests get a fixed date.
pub fn today() -> jiff::civil::Date {
    let now = std::env::var("SOURCE_DATE_EPOCH")
        .ok()
        .and_then(|s| s.trim().parse::<i64>().ok())
        .and_then(|secs| jiff::Timestamp::from_second(secs).ok())
        .unwrap_or_else(jiff::Timestamp::now);
    now.to_zoned(jiff::tz::TimeZone::UTC).date()
}

/// A value an option cannot take, with its text in the catalogue (clap
/// prints the English one; German usage errors are rendered from the note).
#[derive(Debug)]
pub struct BadValue(Note);

impl std::fmt::Display for BadValue {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0.text(Lang::En))
    }
}

impl std::error::Error for BadValue {}

/// Parses `--year` (a four-digit year).
pub fn parse_year(s: &str) -> Result<i32, BadValue> {
    match s.parse::<i32>() {
        Ok(y) if (1900..=9000).contains(&y) => Ok(y),
        _ => Err(BadValue(Note::CliNotAYear {
            value: s.to_owned(),
        })),
    }
}

/// Parses `--root`: a folder that exists (else wrong usage, exit code 2,
/// rather than a list of files missing from it).
pub fn parse_root(s: &str) -> Result<PathBuf, BadValue> {
    let path = PathBuf::from(s);
    if path.is_dir() {
        Ok(path)
    } else {
        Err(BadValue(Note::CliNotAFolder {
            value: s.to_owned(),
        }))
    }
}

/// Parses `--port` (0–65535).
pub fn parse_port(s: &str) -> Result<u16, BadValue> {
    s.parse::<u16>().map_err(|_| {
        BadValue(Note::CliNotAPort {
            value: s.to_owned(),
        })
    })
}

/// Prints the project's problems (human: stderr; json/github: stdout).
fn report(ctx: &Context, project: &Project, format: Format) {
    let lang = ctx.lang(project);
    let mut buf = Vec::new();
    let color = format == Format::Human
        && std::io::stderr().is_terminal()
        && std::env::var_os("NO_COLOR").is_none();
    let _ = diagnostics::render(
        &project.diagnostics,
        &project.sources,
        lang,
        format,
        color,
        &mut buf,
    );
    if format == Format::Human {
        let _ = std::io::stderr().write_all(&buf);
    } else {
        let _ = std::io::stdout().write_all(&buf);
    }
}
