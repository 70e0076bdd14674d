//! The print renderer: typst as a library.
//!
//! The edition becomes a JSON view ([`data`]) that the theme's template
//! (`print/wegweiser.typ`) reads as `/data.json`; content is never pasted
//! into typst source. The template runs in a closed [`world`] (templates,
//! data, the directory's images, fonts; no file system, no clock), and the
//! document is exported as PDF/A-2b + PDF/UA-1 with a fixed identifier and
//! a timestamp derived from the content, so the same input always gives the
//! same bytes.

pub mod data;
pub mod md_tree;
pub mod world;

use std::collections::{BTreeSet, HashMap};
use std::sync::Arc;

use serde_json::Value;

use typst::World;
use typst::WorldExt;
use typst::diag::{Severity, SourceDiagnostic, Warned};
use typst::foundations::{Datetime, Smart};
use typst_layout::PagedDocument;
use typst_pdf::{PdfOptions, PdfStandard, PdfStandards, Timestamp};

use crate::load::Theme;
use crate::model::{ColorModel, Date, Edition};
use world::PrintWorld;

/// A typeset booklet.
pub struct Pdf {
    /// The PDF file.
    pub bytes: Vec<u8>,
    /// Number of pages.
    pub pages: usize,
}

/// Typesets the edition with the theme's print templates. Errors are
/// human-readable (typst's message, hints and the template line).
pub fn render(edition: &Edition<'_>, theme: &Theme) -> Result<Pdf, Vec<String>> {
    render_with_warnings(edition, theme).map(|(pdf, _)| pdf)
}

/// Like [`render`], also returning typst's warnings (formatted like errors).
pub fn render_with_warnings(edition: &Edition<'_>, theme: &Theme) -> Result<(Pdf, Vec<String>), Vec<String>> {
    // typst should never panic; if it does, the build reports it instead of crashing.
    match std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| render_inner(edition, theme))) {
        Ok(result) => result,
        Err(payload) => {
            let what = payload
                .downcast_ref::<&str>()
                .map(|s| (*s).to_owned())
                .or_else(|| payload.downcast_ref::<String>().cloned())
                .unwrap_or_else(|| "unknown cause".to_owned());
            Err(vec![format!("print: typst stopped with an internal error: {what}")])
        }
    }
}

fn render_inner(edition: &Edition<'_>, theme: &Theme) -> Result<(Pdf, Vec<String>), Vec<String>> {
    let fonts = world::theme_fonts(theme);
    let (json, replaced) = data_json(edition, &fonts, false);
    let json = json.map_err(|e| vec![format!("print data could not be serialised: {e}")])?;
    let dir = edition.directory;
    let stand = data::stand_date(edition);
    let today = Datetime::from_ymd(i32::from(stand.year()), stand.month() as u8, stand.day() as u8);
    let cover = dir.settings.print.cover_image.as_ref().map(|i| (i.path.as_str(), &i.bytes));
    let images = dir.images.iter().map(|(p, i)| (p.as_str(), &i.bytes)).chain(cover);
    let world = PrintWorld::new(theme, fonts, None, json, images, today).map_err(|e| vec![e])?;

    let Warned { output, warnings } = typst::compile::<PagedDocument>(&world);
    let mut warns: Vec<String> = Vec::new();
    if !replaced.is_empty() {
        let list: Vec<String> = replaced.iter().map(|c| format!("{c} (U+{:04X})", *c as u32)).collect();
        warns.push(format!(
            "warning: no print font can show {}; printed as \"?\" (add a font to the theme's print/fonts/)",
            list.join(", ")
        ));
    }
    warns.extend(warnings.iter().map(|d| format_diagnostic(&world, d)));
    let document = output.map_err(|errors| errors.iter().map(|d| format_diagnostic(&world, d)).collect::<Vec<_>>())?;

    let cmyk = dir.settings.print.color == ColorModel::Cmyk;
    let mut options = PdfOptions {
        ident: Smart::Custom(format!("wegweiser/{}/{}", dir.settings.title, edition.year)),
        creator: Smart::Custom(Some(format!("wegweiser {} (Typst 0.15)", env!("CARGO_PKG_VERSION")))),
        timestamp: timestamp(stand),
        ..PdfOptions::default()
    };
    // PDF/A forbids CMYK without an output intent: offset print gets UA-1 only.
    let attempts: &[&[PdfStandard]] = if cmyk {
        &[&[PdfStandard::Ua_1], &[]]
    } else {
        &[&[PdfStandard::A_2b, PdfStandard::Ua_1], &[PdfStandard::A_2b], &[]]
    };
    let mut last_errors = Vec::new();
    for (n, standards) in attempts.iter().enumerate() {
        options.standards = match PdfStandards::new(standards) {
            Ok(s) => s,
            Err(e) => {
                last_errors = vec![format!("PDF standards could not be configured: {}", e.message())];
                continue;
            }
        };
        match typst_pdf::pdf(&document, &options) {
            Ok(bytes) => {
                if n > 0 {
                    let mut failed: Vec<String> = last_errors.iter().map(|e| e.replace('\n', " ")).collect();
                    failed.dedup();
                    failed.truncate(3);
                    warns.push(format!(
                        "warning: the PDF does not conform to {} and was written without it: {}",
                        standards_name(attempts[n - 1]),
                        failed.join("; ")
                    ));
                }
                let pages = document.pages().len();
                typst::comemo::evict(10);
                return Ok((Pdf { bytes, pages }, warns));
            }
            Err(errors) => last_errors = errors.iter().map(|d| format_diagnostic(&world, d)).collect(),
        }
    }
    typst::comemo::evict(10);
    Err(last_errors)
}

fn standards_name(list: &[PdfStandard]) -> String {
    let names: Vec<&str> = list
        .iter()
        .map(|s| match s {
            PdfStandard::A_2b => "PDF/A-2b",
            PdfStandard::Ua_1 => "PDF/UA-1",
            _ => "a PDF standard",
        })
        .collect();
    names.join(" + ")
}

/// The PDF's creation date: `SOURCE_DATE_EPOCH` if set, else the edition's
/// newest `verified` date at midnight UTC. Never the clock.
fn timestamp(stand: Date) -> Option<Timestamp> {
    let from_env = std::env::var("SOURCE_DATE_EPOCH")
        .ok()
        .and_then(|s| s.trim().parse::<i64>().ok())
        .and_then(|secs| jiff::Timestamp::from_second(secs).ok())
        .map(|ts| ts.to_zoned(jiff::tz::TimeZone::UTC).datetime());
    let dt = from_env
        .and_then(|d| {
            Datetime::from_ymd_hms(
                i32::from(d.year()),
                d.month() as u8,
                d.day() as u8,
                d.hour() as u8,
                d.minute() as u8,
                d.second() as u8,
            )
        })
        .or_else(|| Datetime::from_ymd_hms(i32::from(stand.year()), stand.month() as u8, stand.day() as u8, 0, 0, 0));
    dt.map(Timestamp::new_utc)
}

/// The main template and the data file, for `--emit-typst`: written next
/// to each other (`main.typ` as `wegweiser.typ`, with the theme's other
/// `print/` files, and `data.json`), `typst compile --root DIR
/// DIR/wegweiser.typ` typesets the same booklet (images go to
/// `DIR/content/images/`, fonts from `print/fonts/` via `--font-path`).
pub fn typst_source_and_data(edition: &Edition<'_>, theme: &Theme) -> (String, Vec<u8>) {
    let main = theme.text(&format!("{}{}", world::TEMPLATE_PREFIX, world::MAIN_TEMPLATE)).unwrap_or("").to_owned();
    let (data, _) = data_json(edition, &world::theme_fonts(theme), true);
    (main, data.unwrap_or_default())
}

/// The data file, with characters no font can show replaced by `?`
/// (PDF/A forbids missing glyphs); also returns the replaced characters.
fn data_json(
    edition: &Edition<'_>,
    fonts: &[typst::text::Font],
    pretty: bool,
) -> (Result<Vec<u8>, serde_json::Error>, BTreeSet<char>) {
    let mut replaced = BTreeSet::new();
    let mut value = match serde_json::to_value(data::build(edition)) {
        Ok(v) => v,
        Err(e) => return (Err(e), replaced),
    };
    let mut known: HashMap<char, bool> = HashMap::new();
    let mut covers = |c: char| *known.entry(c).or_insert_with(|| fonts.iter().any(|f| f.info().coverage.contains(c as u32)));
    sanitize(&mut value, None, &mut covers, &mut replaced);
    let bytes = if pretty { serde_json::to_vec_pretty(&value) } else { serde_json::to_vec(&value) };
    (bytes, replaced)
}

/// Fields that hold paths or link targets, not printed text.
const NOT_TEXT: &[&str] = &["p", "u", "cover_image", "website_url", "key", "keys", "organisation_key"];

fn sanitize(v: &mut Value, field: Option<&str>, covers: &mut impl FnMut(char) -> bool, replaced: &mut BTreeSet<char>) {
    match v {
        Value::String(s) => {
            if field.is_some_and(|f| NOT_TEXT.contains(&f)) || s.is_ascii() && !s.bytes().any(|b| b < 0x20 && b != b'\n') {
                return;
            }
            let mut out = String::with_capacity(s.len());
            for c in s.chars() {
                match c {
                    '\n' => out.push(c),
                    '\t' => out.push(' '),
                    // Invisible: variation selectors, byte order mark, tags.
                    '\u{FE00}'..='\u{FE0F}' | '\u{FEFF}' | '\u{E0000}'..='\u{E007F}' => {}
                    c if c.is_control() => {}
                    c if c.is_ascii() => out.push(c),
                    // Private use: forbidden in PDF/A.
                    '\u{E000}'..='\u{F8FF}' | '\u{F0000}'..='\u{10FFFF}' => {
                        replaced.insert(c);
                        out.push('?');
                    }
                    c if covers(c) => out.push(c),
                    c => {
                        replaced.insert(c);
                        out.push('?');
                    }
                }
            }
            *s = out;
        }
        Value::Array(a) => {
            for x in a {
                sanitize(x, field, covers, replaced);
            }
        }
        Value::Object(o) => {
            for (k, x) in o.iter_mut() {
                sanitize(x, Some(k.as_str()), covers, replaced);
            }
        }
        _ => {}
    }
}

/// Characters of `text` that no print font can show (for the warning "text
/// the print fonts cannot show").
pub fn uncovered_chars(text: &str) -> Vec<char> {
    let mut out: Vec<char> = text.chars().filter(|&c| !world::font_covers(c)).collect();
    out.sort_unstable();
    out.dedup();
    out
}

/// "print template /wegweiser.typ:12:5: error: message" with the source
/// line, hints and the call trace.
fn format_diagnostic(world: &PrintWorld, d: &SourceDiagnostic) -> String {
    let severity = match d.severity {
        Severity::Error => "error",
        Severity::Warning => "warning",
    };
    let mut out = match locate(world, d.span) {
        Some((path, line, col, text)) => {
            format!("print template {path}:{line}:{col}: {severity}: {}\n  {line:>4} | {}", d.message, text.trim_end())
        }
        None => format!("print template: {severity}: {}", d.message),
    };
    for hint in &d.hints {
        out.push_str(&format!("\n  hint: {}", hint.v));
    }
    for point in d.trace.iter().take(5) {
        match locate(world, point.span.into()) {
            Some((path, line, col, _)) => out.push_str(&format!("\n  in {} at {path}:{line}:{col}", point.v)),
            None => out.push_str(&format!("\n  in {}", point.v)),
        }
    }
    out
}

/// Path, 1-based line and column, and the text of the line of a span.
fn locate(world: &PrintWorld, span: typst::syntax::DiagSpan) -> Option<(String, usize, usize, String)> {
    let id = span.id()?;
    let range = world.range(span)?;
    let path = id.vpath().get_with_slash().to_owned();
    let text: Arc<str> = match world.source(id) {
        Ok(source) => source.text().into(),
        Err(_) => {
            let bytes = world.file(id).ok()?;
            String::from_utf8_lossy(bytes.as_slice()).into()
        }
    };
    let start = range.start.min(text.len());
    let before = text.get(..start)?;
    let line = before.matches('\n').count() + 1;
    let line_start = before.rfind('\n').map_or(0, |i| i + 1);
    let col = text.get(line_start..start).map_or(1, |s| s.chars().count() + 1);
    let line_end = text[line_start..].find('\n').map_or(text.len(), |i| line_start + i);
    Some((path, line, col, text[line_start..line_end].to_owned()))
}
