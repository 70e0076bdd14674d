//! The command line (contract, section 8): one module per command. Exit
//! codes: 0 success (warnings allowed), 1 problems in the content, 2 wrong
//! usage (clap's own exit code for usage errors).

mod build;
mod check;
mod new;
mod print;
pub mod schema;
mod serve;
mod stale;

use std::io::{IsTerminal, Write};
use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Args, Parser, Subcommand};

use crate::diagnostics::{self, Format, Lang};
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
    /// Write a commented skeleton for a new entry.
    New(new::NewArgs),
    /// Serve the website on 127.0.0.1, rebuild on every change and reload the browser.
    Serve(serve::ServeArgs),
    /// Print the JSON Schema of a file kind (for completion in editors).
    Schema(schema::SchemaArgs),
}

/// Options every command that reads a directory has.
#[derive(Debug, Args, Clone)]
pub struct RootArgs {
    /// The directory's folder (holds wegweiser.toml and content/).
    #[arg(long, default_value = ".")]
    pub root: PathBuf,
}

/// What a command tells `main`.
pub enum Outcome {
    /// Done (warnings allowed).
    Success,
    /// Problems in the content.
    Problems,
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
    let command = localize(<Cli as clap::CommandFactory>::command(), help_lang(&args));
    let cli = match <Cli as clap::FromArgMatches>::from_arg_matches(&command.get_matches_from(&args)) {
        Ok(cli) => cli,
        Err(e) => e.exit(),
    };
    let ctx = Context::new(cli.lang.as_deref().map(Lang::from_code), cli.quiet, cli.verbose);
    let outcome = match cli.command {
        Command::Build(a) => build::run(&ctx, a),
        Command::Check(a) => check::run(&ctx, a),
        Command::Print(a) => print::run(&ctx, a),
        Command::Stale(a) => stale::run(&ctx, a),
        Command::New(a) => new::run(&ctx, a),
        Command::Serve(a) => serve::run(&ctx, a),
        Command::Schema(a) => schema::run(&ctx, a),
    };
    match outcome {
        Outcome::Success => ExitCode::SUCCESS,
        Outcome::Problems => ExitCode::from(1),
    }
}

/// The language of `--help`: `--lang`, else `language` of the
/// `wegweiser.toml` in `--root` (or the current folder), else German.
fn help_lang(args: &[std::ffi::OsString]) -> Lang {
    let args: Vec<String> = args.iter().map(|a| a.to_string_lossy().into_owned()).collect();
    let value_of = |flag: &str| {
        args.iter().enumerate().find_map(|(i, a)| {
            a.strip_prefix(&format!("{flag}=")).map(String::from).or_else(|| (a == flag).then(|| args.get(i + 1).cloned()).flatten())
        })
    };
    if let Some(l) = value_of("--lang") {
        return Lang::from_code(&l);
    }
    let root = value_of("--root").unwrap_or_else(|| ".".to_owned());
    Context::new(None, true, false).lang_for_root(std::path::Path::new(&root))
}

/// Puts the help texts of the catalogue into the command line definition
/// (German; the English ones are the doc comments of the clap types).
fn localize(command: clap::Command, lang: Lang) -> clap::Command {
    if lang == Lang::En {
        return command;
    }
    let mut command = command;
    command.build();
    localize_command(command, lang, true)
}

fn localize_command(mut cmd: clap::Command, lang: Lang, top: bool) -> clap::Command {
    use diagnostics::help_text;
    let name = cmd.get_name().to_owned();
    if let Some(t) = help_text(if top { "about" } else { &name }, lang) {
        cmd = cmd.about(t);
    }
    cmd = cmd
        .help_template(help_text("template", lang).unwrap_or("{before-help}{about-with-newline}\n{usage-heading} {usage}\n\n{all-args}{after-help}"))
        .subcommand_help_heading(help_text("heading.commands", lang).unwrap_or("Commands"));
    let ids: Vec<(String, bool)> =
        cmd.get_arguments().map(|a| (a.get_id().as_str().to_owned(), a.is_positional())).collect();
    for (id, positional) in ids {
        let text = help_text(&format!("{name}.{id}"), lang).or_else(|| help_text(&format!("arg.{id}"), lang));
        let heading = help_text(if positional { "heading.arguments" } else { "heading.options" }, lang);
        cmd = cmd.mut_arg(id.as_str(), |mut a| {
            if let Some(t) = text {
                a = a.help(t).long_help(None::<&str>);
            }
            a.help_heading(heading)
        });
    }
    let subs: Vec<String> = cmd.get_subcommands().map(|s| s.get_name().to_owned()).collect();
    for sub in subs {
        cmd = cmd.mut_subcommand(sub.as_str(), |s| localize_command(s, lang, false));
    }
    cmd
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
    std::env::var("CI").map(|v| !v.is_empty() && v != "0" && !v.eq_ignore_ascii_case("false")).unwrap_or(false)
}

impl Context {
    /// Options as given; progress is shown with `--verbose`, or on a
    /// terminal outside CI unless `--quiet`.
    pub fn new(lang_override: Option<Lang>, quiet: bool, verbose: bool) -> Context {
        let interactive = std::io::stderr().is_terminal() && !in_ci();
        Context { lang_override, quiet, progress: !quiet && (verbose || interactive) }
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
                .and_then(|t| t.get("language").and_then(|l| l.as_str().map(Lang::from_code)))
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
    if let Some(secs) = std::env::var("SOURCE_DATE_EPOCH").ok().and_then(|s| s.trim().parse::<i64>().ok()) {
        if let Ok(ts) = jiff::Timestamp::from_second(secs) {
            return ts.to_zoned(jiff::tz::TimeZone::UTC).year() as i32;
        }
    }
    jiff::Timestamp::now().to_zoned(jiff::tz::TimeZone::UTC).year() as i32
}

/// Parses `--year` (a four-digit year).
pub fn parse_year(s: &str) -> Result<i32, String> {
    match s.parse::<i32>() {
        Ok(y) if (1900..=9000).contains(&y) => Ok(y),
        _ => Err(format!("`{s}` is not a year (YYYY)")),
    }
}

/// Prints the project's problems (human: stderr; json/github: stdout).
fn report(ctx: &Context, project: &Project, format: Format) {
    let lang = ctx.lang(project);
    let mut buf = Vec::new();
    let color = format == Format::Human && std::io::stderr().is_terminal() && std::env::var_os("NO_COLOR").is_none();
    let _ = diagnostics::render(&project.diagnostics, &project.sources, lang, format, color, &mut buf);
    if format == Format::Human {
        let _ = std::io::stderr().write_all(&buf);
    } else {
        let _ = std::io::stdout().write_all(&buf);
    }
}
