//! Printing diagnostics: `human` (source line underlined), `json` (one
//! object per problem) and `github` (workflow commands for annotations).

use std::io::{self, Write};

use codespan_reporting::diagnostic::{Diagnostic as CsDiagnostic, Label, Severity as CsSeverity};
use codespan_reporting::files::SimpleFiles;
use codespan_reporting::term::{self, termcolor};

use super::{Diagnostic, Diagnostics, Lang, Severity, Sources};

/// Output format of `check` (and of the problems any command reports).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, clap::ValueEnum)]
pub enum Format {
    /// `path:line:column`, the source line and the problem underlined.
    #[default]
    Human,
    /// One JSON object per problem, in a JSON array.
    Json,
    /// GitHub Actions workflow commands (`::error file=…`).
    Github,
}

/// Location of a diagnostic as (path, line, column); files-less: empty path.
pub(super) fn location(d: &Diagnostic, sources: &Sources) -> Option<(String, usize, usize)> {
    let file = sources.get(d.file?);
    let (line, col) = match &d.span {
        Some(span) => file.line_col(span.start),
        None => (1, 1),
    };
    Some((file.display.clone(), line, col))
}

fn severity_word(s: Severity) -> &'static str {
    match s {
        Severity::Error => "error",
        Severity::Warning => "warning",
        Severity::Notice => "notice",
    }
}

/// Writes all diagnostics to `out` in `format`, sorted by file.
pub fn render(
    diagnostics: &Diagnostics,
    sources: &Sources,
    lang: Lang,
    format: Format,
    color: bool,
    out: &mut dyn Write,
) -> io::Result<()> {
    let sorted = diagnostics.sorted(sources);
    match format {
        Format::Human => human(&sorted, sources, lang, color, out),
        Format::Json => json(&sorted, sources, lang, out),
        Format::Github => github(&sorted, sources, lang, out),
    }
}

fn human(
    items: &[&Diagnostic],
    sources: &Sources,
    lang: Lang,
    color: bool,
    out: &mut dyn Write,
) -> io::Result<()> {
    // Only the files that have a problem are handed to the reporter (a
    // directory has thousands of files, usually none or few with problems).
    let mut files: SimpleFiles<String, String> = SimpleFiles::new();
    let mut ids: std::collections::HashMap<super::FileId, usize> = std::collections::HashMap::new();
    for id in items.iter().filter_map(|d| d.file) {
        ids.entry(id).or_insert_with(|| {
            let f = sources.get(id);
            // Control characters (binary garbage) must not reach the terminal;
            // each is one byte, so replacing it keeps every offset.
            let shown: String = f
                .text
                .chars()
                .map(|c| {
                    if c.is_control() && !matches!(c, '\n' | '\r' | '\t') && c.len_utf8() == 1 {
                        ' '
                    } else {
                        c
                    }
                })
                .collect();
            files.add(f.display.clone(), shown)
        });
    }
    let config = term::Config::default();
    let mut buffer = if color {
        termcolor::Buffer::ansi()
    } else {
        termcolor::Buffer::no_color()
    };
    for d in items {
        // A plain first line that tools and people can grep: path:line:col: message
        let text = d.message.text(lang);
        let mut cs = CsDiagnostic::new(match d.severity {
            Severity::Error => CsSeverity::Error,
            Severity::Warning => CsSeverity::Warning,
            Severity::Notice => CsSeverity::Note,
        })
        .with_code(d.message.code());
        if let (Some(file), Some((path, line, col))) = (d.file, location(d, sources)) {
            cs = cs.with_message(format!("{path}:{line}:{col}: {text}"));
            let span = d.span.clone().unwrap_or(0..0);
            let src = &sources.get(file).text;
            // Whole-file problems point at the first line.
            let span = if d.span.is_none() {
                0..src.find('\n').unwrap_or(src.len()).min(src.len())
            } else {
                span.start.min(src.len())..span.end.min(src.len())
            };
            // A file that is not there (empty text) has no line to show.
            if !src.is_empty() {
                cs = cs.with_labels(vec![Label::primary(ids[&file], span)]);
            }
        } else {
            cs = cs.with_message(text);
        }
        if let Some(help) = d.message.help(lang) {
            cs = cs.with_notes(vec![help]);
        }
        term::emit(&mut buffer, &config, &files, &cs).map_err(io::Error::other)?;
    }
    out.write_all(buffer.as_slice())?;
    let count = |s: Severity| items.iter().filter(|d| d.severity == s).count();
    let (errors, warnings, notices) = (
        count(Severity::Error),
        count(Severity::Warning),
        count(Severity::Notice),
    );
    if !items.is_empty() {
        writeln!(
            out,
            "{}",
            super::Note::ProblemCount {
                errors,
                warnings,
                notices
            }
            .text(lang)
        )?;
    }
    Ok(())
}

fn json(
    items: &[&Diagnostic],
    sources: &Sources,
    lang: Lang,
    out: &mut dyn Write,
) -> io::Result<()> {
    let list: Vec<serde_json::Value> = items
        .iter()
        .map(|d| {
            let (file, line, column) = match location(d, sources) {
                Some((p, l, c)) => (serde_json::Value::from(p), l, c),
                None => (serde_json::Value::Null, 0, 0),
            };
            serde_json::json!({
                "file": file,
                "line": line,
                "column": column,
                "severity": severity_word(d.severity),
                "code": d.message.code(),
                "message": d.message.text(lang),
                "help": d.message.help(lang),
            })
        })
        .collect();
    serde_json::to_writer_pretty(&mut *out, &list)?;
    writeln!(out)
}

/// Escapes data for a workflow command (`%`, CR, LF; in properties also `:` and `,`).
fn gh_escape(s: &str, property: bool) -> String {
    let mut r = s
        .replace('%', "%25")
        .replace('\r', "%0D")
        .replace('\n', "%0A");
    if property {
        r = r.replace(':', "%3A").replace(',', "%2C");
    }
    r
}

fn github(
    items: &[&Diagnostic],
    sources: &Sources,
    lang: Lang,
    out: &mut dyn Write,
) -> io::Result<()> {
    for d in items {
        let kind = severity_word(d.severity);
        let msg = gh_escape(&d.message.text(lang), false);
        match location(d, sources) {
            Some((path, line, col)) => writeln!(
                out,
                "::{kind} file={},line={line},col={col},title={}::{msg}",
                gh_escape(&path, true),
                d.message.code()
            )?,
            None => writeln!(out, "::{kind} title={}::{msg}", d.message.code())?,
        }
    }
    Ok(())
}
