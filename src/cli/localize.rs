//! The command line in the user's language (issue 5): clap's help and its
//! usage errors in German, from the texts of the catalogue. English keeps
//! clap's own words; German replaces every word clap would print itself
//! (`Usage:`, `[OPTIONS]`, `[default: …]`, `[possible values: …]`, the
//! placeholders, the help of `--help`, and the error messages).

use std::fmt::Write as _;
use std::io::IsTerminal;

use clap::builder::{StyledStr, Styles};
use clap::error::{ContextKind, ContextValue, ErrorKind};

use crate::diagnostics::{Lang, Note, help_text};

/// The command line definition with the help texts, headings, placeholders
/// and usage lines of `lang` (English: clap's own, unchanged).
pub(super) fn command(command: clap::Command, lang: Lang) -> clap::Command {
    if lang == Lang::En {
        return command;
    }
    let mut command = command;
    // Builds the help and version flags, the `help` command, and copies the
    // global options into every command, so all of them get localized.
    command.build();
    localize_command(command, lang, true)
}

/// A text of the catalogue that must exist for German.
fn word(key: &str, lang: Lang) -> &'static str {
    help_text(key, lang).unwrap_or_else(|| panic!("help_text has no German text for `{key}`"))
}

fn localize_command(mut cmd: clap::Command, lang: Lang, top: bool) -> clap::Command {
    let name = cmd.get_name().to_owned();
    let styles = cmd.get_styles().clone();
    if let Some(t) = help_text(if top { "about" } else { &name }, lang) {
        cmd = cmd.about(t);
    }
    let usage_style = styles.get_usage();
    let template = format!(
        "{{before-help}}{{about-with-newline}}\n{usage_style}{}:{usage_style:#} {{usage}}\n\n{{all-args}}{{after-help}}",
        word("heading.usage", lang)
    );
    cmd = cmd
        .help_template(StyledStr::from(template))
        .subcommand_help_heading(word("heading.commands", lang))
        .subcommand_value_name(word("value.command", lang));
    // `--help` shows the long form when some argument has more to say than
    // its one-line help (clap decided this when it built the command, from
    // the English definitions; the German ones keep that shape).
    let long = cmd.get_arguments().any(|a| {
        !a.is_hide_set()
            && (a.get_long_help().is_some()
                || (!a.is_hide_possible_values_set()
                    && a.get_possible_values()
                        .iter()
                        .any(|p| !p.is_hide_set() && p.get_help().is_some())))
    });
    let ids: Vec<String> = cmd
        .get_arguments()
        .map(|a| a.get_id().as_str().to_owned())
        .collect();
    for id in ids {
        cmd = cmd.mut_arg(id.as_str(), |a| localize_arg(a, &name, lang, long, &styles));
    }
    let usage = localized_usage(&mut cmd, lang);
    cmd = cmd.override_usage(usage);
    let subs: Vec<String> = cmd
        .get_subcommands()
        .map(|s| s.get_name().to_owned())
        .collect();
    for sub in subs {
        cmd = cmd.mut_subcommand(sub.as_str(), |s| localize_command(s, lang, false));
    }
    cmd
}

/// One argument: help text, placeholder, and the notes clap would append
/// (`[default: …]`, `[possible values: …]`, the list of values) in German.
fn localize_arg(mut a: clap::Arg, cmd: &str, lang: Lang, long: bool, styles: &Styles) -> clap::Arg {
    let id = a.get_id().as_str().to_owned();
    let lookup = |key: &str| {
        help_text(&format!("{cmd}.{key}"), lang).or_else(|| help_text(&format!("arg.{key}"), lang))
    };
    let heading = help_text(
        if a.is_positional() {
            "heading.arguments"
        } else {
            "heading.options"
        },
        lang,
    );
    a = a.help_heading(heading);
    if a.get_action().takes_values()
        && let Some(v) = help_text(&format!("value.{cmd}.{id}"), lang)
            .or_else(|| help_text(&format!("value.{id}"), lang))
    {
        a = a.value_name(v);
    }
    // `-h` says where the long help is and `--help` where the short one is.
    if id == "help" && a.get_long_help().is_some() {
        return a
            .help(word("arg.help.more", lang))
            .long_help(word("arg.help.summary", lang));
    }
    let Some(text) = lookup(&id)
        .map(String::from)
        .or_else(|| a.get_help().map(|h| h.ansi().to_string()))
    else {
        return a;
    };

    let (ctx, ctx_val, literal) = (
        styles.get_context(),
        styles.get_context_value(),
        styles.get_literal(),
    );
    let mut specs = Vec::new();
    if a.get_action().takes_values()
        && !a.is_hide_default_value_set()
        && !a.get_default_values().is_empty()
    {
        let values: Vec<_> = a
            .get_default_values()
            .iter()
            .map(|v| v.to_string_lossy())
            .collect();
        specs.push(format!(
            "{ctx}[{}: {ctx:#}{ctx_val}{}{ctx_val:#}{ctx}]{ctx:#}",
            word("spec.default", lang),
            values.join(" ")
        ));
        a = a.hide_default_value(true);
    }
    let values: Vec<_> = a
        .get_possible_values()
        .into_iter()
        .filter(|p| !p.is_hide_set())
        .collect();
    let mut value_list = None;
    let mut short_specs = specs.clone();
    if !a.is_hide_possible_values_set() && !values.is_empty() {
        let names: Vec<String> = values
            .iter()
            .map(|p| format!("{ctx_val}{}{ctx_val:#}", p.get_name()))
            .collect();
        let spec = format!(
            "{ctx}[{}: {ctx:#}{}{ctx}]{ctx:#}",
            word("spec.possible_values", lang),
            names.join(", ")
        );
        short_specs.push(spec.clone());
        if values.iter().any(|p| p.get_help().is_some()) {
            // The long help lists the values with their meaning, like clap.
            let width = values
                .iter()
                .map(|p| p.get_name().chars().count())
                .max()
                .unwrap_or(0);
            let mut list = format!("{}:", word("spec.possible_values_heading", lang));
            for p in &values {
                let name = p.get_name();
                let _ = write!(list, "\n- {literal}{name}{literal:#}");
                let meaning = help_text(&format!("{cmd}.{id}.{name}"), lang)
                    .map(String::from)
                    .or_else(|| p.get_help().map(|h| h.ansi().to_string()));
                if let Some(meaning) = meaning {
                    let _ = write!(
                        list,
                        ": {:pad$}{meaning}",
                        "",
                        pad = width - name.chars().count()
                    );
                }
            }
            value_list = Some(list);
        } else {
            specs.push(spec);
        }
        a = a.hide_possible_values(true);
    }

    let short = if short_specs.is_empty() {
        text.clone()
    } else {
        format!("{text} {}", short_specs.join(" "))
    };
    a = a.help(StyledStr::from(short));
    if long {
        let mut long_text = text;
        for part in value_list
            .into_iter()
            .chain((!specs.is_empty()).then(|| specs.join("\n")))
        {
            long_text.push_str("\n\n");
            long_text.push_str(&part);
        }
        a.long_help(StyledStr::from(long_text))
    } else {
        a.long_help(None::<&str>)
    }
}

/// clap's usage line of a command, with the German placeholders already set
/// and `[OPTIONS]` (which clap always writes in English) translated.
fn localized_usage(cmd: &mut clap::Command, lang: Lang) -> StyledStr {
    let usage = cmd.render_usage().ansi().to_string();
    let usage = without_title(&usage).replace("[OPTIONS]", word("usage.options", lang));
    StyledStr::from(usage)
}

/// Drops clap's `Usage:` title (and the styling around it) from a usage.
fn without_title(usage: &str) -> &str {
    let Some(at) = usage.find("Usage:") else {
        return usage;
    };
    let mut rest = &usage[at + "Usage:".len()..];
    // The reset after the title, then one space.
    while let Some(after) = rest.strip_prefix("\x1b[") {
        match after.find('m') {
            Some(end) => rest = &after[end + 1..],
            None => break,
        }
    }
    rest.strip_prefix(' ').unwrap_or(rest)
}

/// Ends the program for an error or help request from clap: help and
/// version as clap prints them (already localized, stdout, exit 0), usage
/// errors in German rendered from the catalogue (stderr, exit 2). English
/// and anything not understood: clap's own rendering.
pub(super) fn exit(err: clap::Error, lang: Lang, styles: &Styles) -> ! {
    if lang == Lang::En {
        err.exit();
    }
    let color = std::io::stderr().is_terminal() && std::env::var_os("NO_COLOR").is_none();
    match render_error(&err, lang, styles) {
        Some(text) => {
            let text = if color {
                text.ansi().to_string()
            } else {
                text.to_string()
            };
            eprint!("{text}");
            std::process::exit(err.exit_code());
        }
        None => err.exit(),
    }
}

fn string(err: &clap::Error, kind: ContextKind) -> Option<String> {
    match err.get(kind)? {
        ContextValue::String(s) => Some(s.clone()),
        _ => None,
    }
}

fn strings(err: &clap::Error, kind: ContextKind) -> Vec<String> {
    match err.get(kind) {
        Some(ContextValue::String(s)) => vec![s.clone()],
        Some(ContextValue::Strings(v)) => v.clone(),
        _ => Vec::new(),
    }
}

fn number(err: &clap::Error, kind: ContextKind) -> Option<isize> {
    match err.get(kind)? {
        ContextValue::Number(n) => Some(*n),
        _ => None,
    }
}

/// The main sentence of a usage error, from its kind and context.
fn error_message(err: &clap::Error, lang: Lang) -> Option<String> {
    use ContextKind as C;
    let note = match err.kind() {
        ErrorKind::UnknownArgument => {
            let arg = string(err, C::InvalidArg)?;
            if arg.starts_with('-') {
                Note::CliUnknownOption { arg }
            } else {
                Note::CliUnexpectedArgument { arg }
            }
        }
        ErrorKind::InvalidSubcommand => Note::CliUnknownCommand {
            name: string(err, C::InvalidSubcommand)?,
        },
        ErrorKind::InvalidValue => {
            let arg = string(err, C::InvalidArg)?;
            let value = string(err, C::InvalidValue)?;
            let first = if value.is_empty() {
                Note::CliValueRequired { arg }
            } else {
                Note::CliInvalidValue { value, arg }
            };
            let values = strings(err, C::ValidValue);
            if values.is_empty() {
                first
            } else {
                return Some(format!(
                    "{} {}",
                    first.text(lang),
                    Note::CliPossibleValues { values }.text(lang)
                ));
            }
        }
        ErrorKind::ValueValidation => {
            let arg = string(err, C::InvalidArg)?;
            let value = string(err, C::InvalidValue)?;
            let source = std::error::Error::source(err);
            let detail = match source.and_then(|s| s.downcast_ref::<super::BadValue>()) {
                Some(bad) => bad.0.text(lang),
                None => match source {
                    Some(s) => format!("`{value}` ({s})"),
                    None => format!("`{value}`"),
                },
            };
            Note::CliBadValue { arg, detail }
        }
        ErrorKind::NoEquals => Note::CliNoEquals {
            arg: string(err, C::InvalidArg)?,
        },
        ErrorKind::TooManyValues => Note::CliTooManyValues {
            value: string(err, C::InvalidValue)?,
            arg: string(err, C::InvalidArg)?,
        },
        ErrorKind::TooFewValues => Note::CliTooFewValues {
            arg: string(err, C::InvalidArg)?,
            min: number(err, C::MinValues)?,
            actual: number(err, C::ActualNumValues)?,
        },
        ErrorKind::WrongNumberOfValues => Note::CliWrongNumberOfValues {
            arg: string(err, C::InvalidArg)?,
            expected: number(err, C::ExpectedNumValues)?,
            actual: number(err, C::ActualNumValues)?,
        },
        ErrorKind::ArgumentConflict => {
            let others = strings(err, C::PriorArg);
            match (
                string(err, C::InvalidArg),
                string(err, C::InvalidSubcommand),
            ) {
                (Some(arg), _) if others == [arg.clone()] => Note::CliRepeated { arg },
                (Some(arg), _) => Note::CliConflict { arg, others },
                (None, Some(name)) => Note::CliCommandConflict { name, others },
                (None, None) => return None,
            }
        }
        ErrorKind::MissingRequiredArgument => {
            let args = strings(err, C::InvalidArg);
            if args.is_empty() {
                return None;
            }
            Note::CliMissing { args }
        }
        ErrorKind::MissingSubcommand => Note::CliMissingCommand {
            parent: string(err, C::InvalidSubcommand)?,
            available: strings(err, C::ValidSubcommand),
        },
        ErrorKind::InvalidUtf8 => Note::CliInvalidUtf8,
        // Help and version are already in the user's language; I/O and
        // formatting failures are clap's own.
        _ => return None,
    };
    Some(note.text(lang))
}

/// clap's ready-made suggestions (English sentences) as catalogue texts.
fn suggestion(text: &str, lang: Lang) -> String {
    let quoted = |s: &str| {
        s.strip_prefix('\'')
            .and_then(|s| s.strip_suffix('\''))
            .map(str::to_owned)
    };
    if let Some((arg, fix)) = text
        .strip_prefix("to pass ")
        .and_then(|t| t.split_once(" as a value, use "))
        && let (Some(arg), Some(fix)) = (quoted(arg), quoted(fix))
    {
        return Note::CliPassAsValue { arg, fix }.text(lang);
    }
    if let Some(name) = text
        .strip_prefix("subcommand '")
        .and_then(|t| t.split_once('\''))
        .map(|(n, _)| n)
    {
        return Note::CliCommandAfterDoubleDash {
            name: name.to_owned(),
        }
        .text(lang);
    }
    if let Some(what) = text.strip_suffix(" exists").and_then(quoted) {
        return Note::CliDidYouMean {
            candidates: vec![what],
        }
        .text(lang);
    }
    text.to_owned()
}

/// A usage error laid out like clap's: the message, suggestions, the usage
/// line and where to find help.
fn render_error(err: &clap::Error, lang: Lang, styles: &Styles) -> Option<StyledStr> {
    let message = error_message(err, lang)?;
    let (error, valid, usage_style) = (styles.get_error(), styles.get_valid(), styles.get_usage());
    let mut tips = Vec::new();
    for kind in [
        ContextKind::SuggestedSubcommand,
        ContextKind::SuggestedArg,
        ContextKind::SuggestedValue,
    ] {
        let candidates = strings(err, kind);
        if !candidates.is_empty() {
            tips.push(Note::CliDidYouMean { candidates }.text(lang));
        }
    }
    if let Some(ContextValue::StyledStrs(suggested)) = err.get(ContextKind::Suggested) {
        tips.extend(suggested.iter().map(|s| suggestion(&s.to_string(), lang)));
    }

    let mut out = String::new();
    let _ = writeln!(
        out,
        "{error}{}:{error:#} {message}",
        Note::CliError.text(lang)
    );
    if !tips.is_empty() {
        out.push('\n');
        for tip in tips {
            let _ = writeln!(out, "  {valid}{}:{valid:#} {tip}", Note::CliTip.text(lang));
        }
    }
    if let Some(ContextValue::StyledStr(usage)) = err.get(ContextKind::Usage) {
        let usage = usage.ansi().to_string();
        let _ = writeln!(
            out,
            "\n{usage_style}{}:{usage_style:#} {}",
            Note::CliUsage.text(lang),
            without_title(&usage)
        );
    }
    let _ = writeln!(
        out,
        "\n{}",
        Note::CliMoreHelp {
            flag: "--help".into()
        }
        .text(lang)
    );
    Some(StyledStr::from(out))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn usage_title_is_dropped_with_its_styling() {
        assert_eq!(
            without_title("Usage: wegweiser build [OPTIONS]"),
            "wegweiser build [OPTIONS]"
        );
        assert_eq!(
            without_title("\x1b[1m\x1b[4mUsage:\x1b[0m \x1b[1mwegweiser\x1b[0m"),
            "\x1b[1mwegweiser\x1b[0m"
        );
    }

    #[test]
    fn clap_suggestions_read_as_german() {
        let de = |s: &str| suggestion(s, Lang::De);
        assert_eq!(
            de("to pass '--foo' as a value, use '-- --foo'"),
            "Ist `--foo` als Wert gemeint, schreiben Sie `-- --foo`."
        );
        assert_eq!(de("'build --year' exists"), "Meinten Sie `build --year`?");
        assert_eq!(
            de("subcommand 'build' exists; to use it, remove the '--' before it"),
            "Den Befehl `build` gibt es; lassen Sie dafür das `--` davor weg."
        );
    }

    #[test]
    fn every_command_has_its_german_words() {
        // Panics on a missing catalogue key.
        let mut cmd = command(
            <super::super::Cli as clap::CommandFactory>::command(),
            Lang::De,
        );
        let help = cmd.render_long_help().to_string();
        assert!(help.starts_with("Erzeugt aus den Dateien"), "{help}");
        assert!(
            !help.contains("Usage") && !help.contains("[OPTIONS]"),
            "{help}"
        );
    }
}
