//! The print renderer: typst as a library.
//!
//! The edition becomes a JSON view ([`data`]) that the theme's template
//! (`print/wegweiser.typ`) reads as `/data.json`; content is never pasted
//! into typst source. The template runs in a closed [`world`] (templates,
//! data, the directory's images, fonts; no file system, no clock), and the
//! document is exported as PDF/A-2b + PDF/UA-1 with a fixed identifier and
//! a timestamp derived from the content, so the same input always gives the
//! same bytes.

pub mod compile;
pub mod data;
pub mod md_tree;
pub mod problem;
pub mod qr;
pub mod sheets;
pub mod world;

use std::collections::{BTreeSet, HashMap};
use std::num::NonZeroUsize;

use serde_json::Value;

use typst::World;
use typst::WorldExt;
use typst::diag::Warned;
use typst::foundations::{Datetime, Smart};
use typst::layout::PageRanges;
use typst_pdf::{PdfOptions, PdfStandard, PdfStandards, Timestamp};

use crate::load::Theme;
use typst_layout::PagedDocument;

use crate::diagnostics::Severity;
use crate::model::{ColorModel, Date, Edition, PrintVariant};
use crate::render::words::Words;
pub use problem::PrintProblem;
use problem::TemplateSpan;
use world::PrintWorld;

/// A typeset booklet.
pub struct Pdf {
    /// The PDF file.
    pub bytes: Vec<u8>,
    /// Number of pages.
    pub pages: usize,
}

/// Typesets the edition with the theme's print templates (the standard
/// booklet). Errors are typst's, located in the theme's templates (see
/// [`PrintProblem`]).
pub fn render(edition: &Edition<'_>, theme: &Theme) -> Result<Pdf, Vec<PrintProblem>> {
    render_with_warnings(edition, theme).map(|(pdf, _)| pdf)
}

/// The cover alone (the first page, with bleed and marks like in the
/// booklet), for print shops that print the cover apart. The booklet from
/// [`render`] still holds it; its page count stays a multiple of 4.
/// The warnings are those of the cover only: that it missed a PDF standard.
/// The standard booklet's cover; [`render_cover_of`] for another variant.
pub fn render_cover(
    edition: &Edition<'_>,
    theme: &Theme,
) -> Result<(Pdf, Vec<PrintProblem>), Vec<PrintProblem>> {
    render_cover_of(edition, theme, PrintVariant::Standard)
}

/// The cover of one variant's booklet (large print: A4, with its label),
/// like [`render_cover`].
pub fn render_cover_of(
    edition: &Edition<'_>,
    theme: &Theme,
    variant: PrintVariant,
) -> Result<(Pdf, Vec<PrintProblem>), Vec<PrintProblem>> {
    guarded(|| render_inner(edition, theme, variant, true)).map(|(pdf, warnings)| {
        (
            pdf,
            warnings
                .into_iter()
                .filter(|w| w.message.contains("does not conform"))
                .collect(),
        )
    })
}

/// Like [`render`], also returning the warnings (typst's and the renderer's).
pub fn render_with_warnings(
    edition: &Edition<'_>,
    theme: &Theme,
) -> Result<(Pdf, Vec<PrintProblem>), Vec<PrintProblem>> {
    render_variant(edition, theme, PrintVariant::Standard)
}

/// The booklet in one variant (standard or large print), with typst's warnings.
pub fn render_variant(
    edition: &Edition<'_>,
    theme: &Theme,
    variant: PrintVariant,
) -> Result<(Pdf, Vec<PrintProblem>), Vec<PrintProblem>> {
    guarded(|| render_inner(edition, theme, variant, false))
}

/// The file name of a variant's booklet: `wegweiser-2027.pdf`,
/// `wegweiser-2027-grossdruck.pdf`.
pub fn file_name(year: i32, variant: PrintVariant) -> String {
    match variant {
        PrintVariant::Standard => format!("wegweiser-{year}.pdf"),
        PrintVariant::Large => format!("wegweiser-{year}-grossdruck.pdf"),
    }
}

/// Runs a render; typst should never panic, but if it does, the build
/// reports it instead of crashing.
fn guarded<T>(f: impl FnOnce() -> Result<T, Vec<PrintProblem>>) -> Result<T, Vec<PrintProblem>> {
    match std::panic::catch_unwind(std::panic::AssertUnwindSafe(f)) {
        Ok(result) => result,
        Err(payload) => {
            let what = payload
                .downcast_ref::<&str>()
                .map(|s| (*s).to_owned())
                .or_else(|| payload.downcast_ref::<String>().cloned())
                .unwrap_or_else(|| "unknown cause".to_owned());
            Err(vec![PrintProblem::general(
                Severity::Error,
                format!("typst stopped with an internal error: {what}"),
            )])
        }
    }
}

/// The words of the directory's language; a missing one is an error
/// located in the theme's `i18n/<language>.toml`.
fn load_words(theme: &Theme, language: &str) -> Result<Words, Vec<PrintProblem>> {
    Words::load(theme, language).map_err(|e| {
        let mut problem = PrintProblem::general(Severity::Error, e.to_string());
        problem.at = Some(TemplateSpan {
            path: e.path,
            range: e.range,
        });
        problem.catalogued = Some(e.message);
        vec![problem]
    })
}

/// The typst date of a day.
fn typst_date(d: Date) -> Option<Datetime> {
    Datetime::from_ymd(i32::from(d.year()), d.month() as u8, d.day() as u8)
}

fn render_inner(
    edition: &Edition<'_>,
    theme: &Theme,
    variant: PrintVariant,
    cover_only: bool,
) -> Result<(Pdf, Vec<PrintProblem>), Vec<PrintProblem>> {
    let words = load_words(theme, &edition.directory.settings.language)?;
    let fonts = world::theme_fonts(theme);
    let (json, replaced) = data_json(edition, &fonts, false, variant, &words);
    let json = json.map_err(|e| {
        vec![PrintProblem::general(
            Severity::Error,
            format!("print data could not be serialised: {e}"),
        )]
    })?;
    let dir = edition.directory;
    let stand = data::stand_date(edition);
    let cover = dir
        .settings
        .print
        .cover_image
        .as_ref()
        .map(|i| (i.path.as_str(), &i.bytes));
    let images = dir
        .images
        .iter()
        .map(|(p, i)| (p.as_str(), &i.bytes))
        .chain(cover);
    let mut world = PrintWorld::new(
        theme,
        fonts,
        world::MAIN_TEMPLATE,
        None,
        json,
        images,
        typst_date(stand),
    )
    .map_err(|e| vec![PrintProblem::general(Severity::Error, e)])?;
    if let Some(svg) = qr::svg(&dir.settings.base_url) {
        world.add_file(qr::QR_PATH, svg);
    }
    let ident = format!(
        "wegweiser/{}/{}{}{}",
        dir.settings.title,
        edition.year,
        if variant == PrintVariant::Large {
            "/large"
        } else {
            ""
        },
        if cover_only { "/cover" } else { "" }
    );
    let cmyk = dir.settings.print.color == ColorModel::Cmyk;
    typeset(
        &world,
        &replaced,
        Job {
            ident,
            stand,
            cmyk,
            cover_only,
        },
        |_| (),
    )
    .map(|(pdf, warns, ())| (pdf, warns))
}

/// What to export and how.
struct Job {
    /// The PDF's identifier (its document id is a hash of it).
    ident: String,
    /// The date the creation date comes from (unless `SOURCE_DATE_EPOCH`).
    stand: Date,
    /// Offset colours: no PDF/A.
    cmyk: bool,
    /// Only the first page, untagged.
    cover_only: bool,
}

/// Compiles the world and exports the PDF (PDF/A-2b + PDF/UA-1 where it
/// can, else the best it can with a warning). `inspect` sees the laid-out
/// document before it is exported (e.g. to ask the introspector for pages).
fn typeset<T>(
    world: &PrintWorld,
    replaced: &BTreeSet<char>,
    job: Job,
    inspect: impl FnOnce(&PagedDocument) -> T,
) -> Result<(Pdf, Vec<PrintProblem>, T), Vec<PrintProblem>> {
    let Job {
        ident,
        stand,
        cmyk,
        cover_only,
    } = job;
    let trace = std::env::var_os(TRACE_VARIABLE).filter(|p| !p.is_empty());
    if trace.is_some() {
        typst_timing::enable();
    }
    let Warned { output, warnings } = compile::compile(world);
    let mut warns: Vec<PrintProblem> = Vec::new();
    if !replaced.is_empty() {
        let list: Vec<String> = replaced
            .iter()
            .map(|c| format!("{c} (U+{:04X})", *c as u32))
            .collect();
        warns.push(PrintProblem::general(
            Severity::Warning,
            format!(
                "no print font can show {}; printed as \"?\" (add a font to the theme's print/fonts/)",
                list.join(", ")
            ),
        ));
    }
    warns.extend(warnings.iter().map(|d| PrintProblem::from_typst(world, d)));
    let document = output.map_err(|errors| {
        errors
            .iter()
            .map(|d| PrintProblem::from_typst(world, d))
            .collect::<Vec<_>>()
    })?;
    let mut inspected = Some(inspect(&document));

    let mut options = PdfOptions {
        ident: Smart::Custom(ident),
        // typst cannot tag a page range: the cover alone is untagged (so
        // not PDF/UA; PDF/A-2b needs no tags).
        page_ranges: cover_only
            .then(|| PageRanges::new(vec![NonZeroUsize::new(1)..=NonZeroUsize::new(1)])),
        tagged: !cover_only,
        creator: Smart::Custom(Some(format!(
            "wegweiser {} (Typst 0.15)",
            env!("CARGO_PKG_VERSION")
        ))),
        timestamp: timestamp(stand),
        ..PdfOptions::default()
    };
    // PDF/A forbids CMYK without an output intent: offset print gets UA-1 only.
    let attempts: &[&[PdfStandard]] = if cmyk && cover_only {
        &[&[]]
    } else if cover_only {
        &[&[PdfStandard::A_2b], &[]]
    } else if cmyk {
        &[&[PdfStandard::Ua_1], &[]]
    } else {
        &[
            &[PdfStandard::A_2b, PdfStandard::Ua_1],
            &[PdfStandard::A_2b],
            &[],
        ]
    };
    let mut last_errors = Vec::new();
    for (n, standards) in attempts.iter().enumerate() {
        options.standards = match PdfStandards::new(standards) {
            Ok(s) => s,
            Err(e) => {
                last_errors = vec![PrintProblem::general(
                    Severity::Error,
                    format!("PDF standards could not be configured: {}", e.message()),
                )];
                continue;
            }
        };
        match typst_pdf::pdf(&document, &options) {
            Ok(bytes) => {
                if n > 0 {
                    let mut failed: Vec<String> = last_errors
                        .iter()
                        .map(|e| e.message.replace('\n', " "))
                        .collect();
                    failed.dedup();
                    failed.truncate(3);
                    warns.push(PrintProblem::general(
                        Severity::Warning,
                        format!(
                            "the PDF does not conform to {} and was written without it: {}",
                            standards_name(attempts[n - 1]),
                            failed.join("; ")
                        ),
                    ));
                }
                let pages = if cover_only {
                    1
                } else {
                    document.pages().len()
                };
                typst::comemo::evict(10);
                if let Some(path) = &trace {
                    write_trace(path, world);
                }
                let Some(inspected) = inspected.take() else {
                    break;
                };
                return Ok((Pdf { bytes, pages }, warns, inspected));
            }
            Err(errors) => {
                last_errors = errors
                    .iter()
                    .map(|d| PrintProblem::from_typst(world, d))
                    .collect()
            }
        }
    }
    typst::comemo::evict(10);
    if let Some(path) = &trace {
        write_trace(path, world);
    }
    Err(last_errors)
}

/// Environment variable naming a file for typst's timings (a Chrome trace,
/// like `typst compile --timings`: open it in a trace viewer such as
/// Perfetto). For theme authors who want to see what their template costs.
pub const TRACE_VARIABLE: &str = "WEGWEISER_TYPST_TRACE";

fn write_trace(path: &std::ffi::OsStr, world: &PrintWorld) {
    let result = std::fs::File::create(path)
        .map_err(|e| e.to_string())
        .and_then(|file| {
            typst_timing::export_json(std::io::BufWriter::new(file), |span| {
                let span = typst::syntax::Span::from_raw(span);
                world
                    .range(span)
                    .zip(span.id())
                    .and_then(|(range, id)| {
                        let source = world.source(id).ok()?;
                        Some((
                            id.vpath().get_with_slash().to_string(),
                            source.lines().byte_to_line(range.start)? as u32 + 1,
                        ))
                    })
                    .unwrap_or_else(|| (String::new(), 0))
            })
        });
    typst_timing::disable();
    if let Err(e) = result {
        eprintln!(
            "wegweiser: {TRACE_VARIABLE}: the trace could not be written to {}: {e}",
            path.to_string_lossy()
        );
    }
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

/// The creation date of [`timestamp`] as Unix seconds.
fn creation_seconds(stand: Date) -> i64 {
    std::env::var("SOURCE_DATE_EPOCH")
        .ok()
        .and_then(|s| s.trim().parse::<i64>().ok())
        .filter(|&secs| jiff::Timestamp::from_second(secs).is_ok())
        .unwrap_or_else(|| {
            stand
                .to_zoned(jiff::tz::TimeZone::UTC)
                .map_or(0, |z| z.timestamp().as_second())
        })
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
        .or_else(|| {
            Datetime::from_ymd_hms(
                i32::from(stand.year()),
                stand.month() as u8,
                stand.day() as u8,
                0,
                0,
                0,
            )
        });
    dt.map(Timestamp::new_utc)
}

/// The main template and the data file (pretty-printed), for
/// `--emit-typst`; [`typst_files`] adds the rest of what the typst CLI
/// needs (other templates, fonts, images, a README with the command).
pub fn typst_source_and_data(edition: &Edition<'_>, theme: &Theme) -> (String, Vec<u8>) {
    source_and_data(edition, theme, PrintVariant::Standard)
}

fn source_and_data(
    edition: &Edition<'_>,
    theme: &Theme,
    variant: PrintVariant,
) -> (String, Vec<u8>) {
    let main = theme
        .text(&format!(
            "{}{}",
            world::TEMPLATE_PREFIX,
            world::MAIN_TEMPLATE
        ))
        .unwrap_or("")
        .to_owned();
    // Without the words there is no data; typesetting reports why.
    let data = Words::load(theme, &edition.directory.settings.language)
        .ok()
        .and_then(|words| {
            let fonts = world::theme_fonts(theme);
            data_json(edition, &fonts, true, variant, &words).0.ok()
        });
    (main, data.unwrap_or_default())
}

/// The command that typesets an `--emit-typst` folder with the typst CLI
/// (0.15): the theme's fonts are in `fonts/`, typst's own fonts are built
/// into the CLI, and the date comes from `SOURCE_DATE_EPOCH` like here.
pub const EMIT_TYPST_COMMAND: &str = "typst compile --root DIR --ignore-system-fonts --font-path DIR/fonts \
     --pdf-standard a-2b,ua-1 --creation-timestamp SECONDS DIR/wegweiser.typ wegweiser.pdf";

/// Every file `print --emit-typst DIR` writes, as (path relative to DIR,
/// bytes): the theme's print templates and assets (`wegweiser.typ`, …,
/// `fonts/*.ttf` with their licence), `data.json` (pretty-printed, the same
/// data the booklet is made from), the images the booklet uses under
/// `content/…` (where the template looks for them) and a `README.txt` with
/// the command ([`EMIT_TYPST_COMMAND`]).
pub fn typst_files(edition: &Edition<'_>, theme: &Theme) -> Vec<(String, Vec<u8>)> {
    typst_files_of(edition, theme, PrintVariant::Standard)
}

/// [`typst_files`] of one variant (its `data.json` says which).
pub fn typst_files_of(
    edition: &Edition<'_>,
    theme: &Theme,
    variant: PrintVariant,
) -> Vec<(String, Vec<u8>)> {
    let (main, data) = source_and_data(edition, theme, variant);
    let mut files: Vec<(String, Vec<u8>)> = Vec::new();
    for (path, bytes) in theme.under(world::TEMPLATE_PREFIX) {
        let rel = &path[world::TEMPLATE_PREFIX.len()..];
        if rel == world::MAIN_TEMPLATE || !safe_relative(rel) {
            continue;
        }
        files.push((rel.to_owned(), bytes.to_vec()));
    }
    files.push((world::MAIN_TEMPLATE.to_owned(), main.into_bytes()));
    // The images the data refers to (cover, pictures in Markdown).
    let mut used = BTreeSet::new();
    if let Ok(value) = serde_json::from_slice::<Value>(&data) {
        collect_images(&value, None, &mut used);
    }
    let dir = edition.directory;
    let cover = dir
        .settings
        .print
        .cover_image
        .as_ref()
        .map(|i| (i.path.trim_start_matches('/'), &i.bytes));
    let images = dir
        .images
        .iter()
        .map(|(p, i)| (p.trim_start_matches('/'), &i.bytes))
        .chain(cover);
    let mut written = BTreeSet::new();
    for (path, bytes) in images {
        let virtual_path = format!("{}{path}", world::CONTENT_PREFIX);
        if used.contains(&virtual_path) && safe_relative(path) && written.insert(path.to_owned()) {
            files.push((
                format!("{}{path}", &world::CONTENT_PREFIX[1..]),
                bytes.as_ref().clone(),
            ));
        }
    }
    if let Some(svg) = qr::svg(&dir.settings.base_url) {
        files.push((qr::QR_PATH.trim_start_matches('/').to_owned(), svg));
    }
    files.push(("data.json".to_owned(), data));
    let readme = format!(
        "Generated by wegweiser {} for the print edition {} of \"{}\".\n\n\
         Typeset it with the typst CLI 0.15 (DIR = this folder):\n\n    {}\n\n\
         SECONDS = {} is the creation date `wegweiser print` writes (PDF/A needs one).\n",
        env!("CARGO_PKG_VERSION"),
        edition.year,
        dir.settings.title,
        EMIT_TYPST_COMMAND,
        creation_seconds(data::stand_date(edition)),
    );
    files.push(("README.txt".to_owned(), readme.into_bytes()));
    files
}

/// A relative path without `..`, absolute parts or drive letters.
fn safe_relative(path: &str) -> bool {
    !path.is_empty()
        && !path.starts_with('/')
        && !path.contains('\\')
        && !path.contains(':')
        && path
            .split('/')
            .all(|c| !c.is_empty() && c != "." && c != "..")
}

fn collect_images(v: &Value, field: Option<&str>, out: &mut BTreeSet<String>) {
    match v {
        Value::String(s)
            if matches!(field, Some("p" | "cover_image"))
                && s.starts_with(world::CONTENT_PREFIX) =>
        {
            out.insert(s.clone());
        }
        Value::Array(a) => a.iter().for_each(|x| collect_images(x, field, out)),
        Value::Object(o) => o
            .iter()
            .for_each(|(k, x)| collect_images(x, Some(k.as_str()), out)),
        _ => {}
    }
}

/// The data file, with characters no font can show replaced by `?`
/// (PDF/A forbids missing glyphs); also returns the replaced characters.
fn data_json(
    edition: &Edition<'_>,
    fonts: &[typst::text::Font],
    pretty: bool,
    variant: PrintVariant,
    words: &Words,
) -> (Result<Vec<u8>, serde_json::Error>, BTreeSet<char>) {
    sanitized_json(&data::build(edition, variant, words), fonts, pretty)
}

/// Any data for a template as JSON, sanitised like the booklet's data.
fn sanitized_json(
    data: &impl serde::Serialize,
    fonts: &[typst::text::Font],
    pretty: bool,
) -> (Result<Vec<u8>, serde_json::Error>, BTreeSet<char>) {
    let mut replaced = BTreeSet::new();
    let mut value = match serde_json::to_value(data) {
        Ok(v) => v,
        Err(e) => return (Err(e), replaced),
    };
    let mut known: HashMap<char, bool> = HashMap::new();
    let mut covers = |c: char| {
        *known
            .entry(c)
            .or_insert_with(|| fonts.iter().any(|f| f.info().coverage.contains(c as u32)))
    };
    sanitize(&mut value, None, &mut covers, &mut replaced);
    let bytes = if pretty {
        serde_json::to_vec_pretty(&value)
    } else {
        serde_json::to_vec(&value)
    };
    (bytes, replaced)
}

/// Fields that hold paths or link targets, not printed text.
const NOT_TEXT: &[&str] = &[
    "p",
    "u",
    "cover_image",
    "website_url",
    "key",
    "keys",
    "organisation_key",
];

fn sanitize(
    v: &mut Value,
    field: Option<&str>,
    covers: &mut impl FnMut(char) -> bool,
    replaced: &mut BTreeSet<char>,
) {
    match v {
        Value::String(s) => {
            if field.is_some_and(|f| NOT_TEXT.contains(&f)) {
                return;
            }
            if s.is_ascii() && !s.bytes().any(|b| b < 0x20 && b != b'\n') {
                if let Some(broken) = break_long_runs(s) {
                    *s = broken;
                }
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
            *s = break_long_runs(&out).unwrap_or(out);
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

/// Runs without whitespace longer than this get break opportunities.
const LONG_RUN: usize = 200;
/// A zero-width space after every this many characters of a long run.
const BREAK_EVERY: usize = 40;

/// A run of text without spaces cannot be broken into lines: typst sets it
/// as one overlong line, and a line of more than 32,767 glyphs breaks
/// PDF/A (its longest string). Runs longer than [`LONG_RUN`] characters
/// get a zero-width space (a line-break opportunity that prints nothing)
/// every [`BREAK_EVERY`] characters. `None` if there is no such run.
fn break_long_runs(s: &str) -> Option<String> {
    let mut run = 0;
    if !s.chars().any(|c| {
        run = if c.is_whitespace() || c == '\u{200B}' {
            0
        } else {
            run + 1
        };
        run > LONG_RUN
    }) {
        return None;
    }
    let mut out = String::with_capacity(s.len() + s.len() / BREAK_EVERY * 3);
    let mut run = 0;
    for c in s.chars() {
        if c.is_whitespace() || c == '\u{200B}' {
            run = 0;
        } else if run == BREAK_EVERY {
            out.push('\u{200B}');
            run = 0;
        }
        if !(c.is_whitespace() || c == '\u{200B}') {
            run += 1;
        }
        out.push(c);
    }
    Some(out)
}
