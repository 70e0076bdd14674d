//! What the print edition can show: the glyphs of its built-in fonts and
//! the images typst can decode. Shared by validation (which reports text
//! and images the booklet cannot show, at their source) and the print
//! renderer (whose typst world serves these fonts).

use std::collections::HashMap;
use std::sync::OnceLock;

use typst::foundations::Bytes;
use typst::text::Font;

use crate::load::Theme;

/// Where the print templates and fonts live in a theme.
pub const TEMPLATE_PREFIX: &str = "print/";

/// Fonts known without any theme: typst's bundled fonts and the fonts of the
/// built-in theme (`themes/default/print/fonts/`). Parsed once per process.
pub(crate) struct FontSet {
    pub(crate) fonts: Vec<Font>,
    /// Theme path and bytes of each built-in theme font file, to recognise
    /// them in a (possibly overridden) theme.
    pub(crate) theme_files: HashMap<String, Bytes>,
}

pub(crate) fn is_font_file(path: &str) -> bool {
    let lower = path.to_ascii_lowercase();
    lower.ends_with(".ttf")
        || lower.ends_with(".otf")
        || lower.ends_with(".ttc")
        || lower.ends_with(".otc")
}

pub(crate) fn built_in_fonts() -> &'static FontSet {
    static FONTS: OnceLock<FontSet> = OnceLock::new();
    FONTS.get_or_init(|| {
        let mut fonts = Vec::new();
        let mut theme_files = HashMap::new();
        // Theme fonts first: they are the ones the template asks for.
        let theme = Theme::built_in();
        for (path, bytes) in theme.under(TEMPLATE_PREFIX) {
            if is_font_file(path) {
                let data = Bytes::new(bytes.to_vec());
                fonts.extend(Font::iter(data.clone()));
                theme_files.insert(path.to_owned(), data);
            }
        }
        for data in typst_assets::fonts() {
            fonts.extend(Font::iter(Bytes::new(data)));
        }
        FontSet { fonts, theme_files }
    })
}

/// Does the built-in print font set have a glyph for `c`? (Body text is
/// set in Noto Sans; typst falls back to the other fonts for missing
/// glyphs.)
pub fn font_covers(c: char) -> bool {
    if c.is_whitespace() || c.is_control() {
        return true;
    }
    built_in_fonts()
        .fonts
        .iter()
        .any(|f| f.info().coverage.contains(c as u32))
}

/// Whether the print template can use an image of `content/images/`: its
/// format (from the file name's extension, as typst takes it, else from the
/// bytes) and, for raster images, a header that gives the size. Only the
/// header is read (the `image` crate typst decodes with), so checking stays
/// cheap on every `serve` rebuild; SVG is parsed (typst's own parser). `check`
/// reports a broken image at its reference, instead of the booklet failing
/// in the template.
pub fn check_image(path: &str, bytes: &[u8]) -> Result<(), String> {
    use image::ImageFormat as F;
    let ext = path
        .rsplit_once('.')
        .map(|(_, e)| e.to_ascii_lowercase())
        .unwrap_or_default();
    let raster = match ext.as_str() {
        "png" => Some(F::Png),
        "jpg" | "jpeg" => Some(F::Jpeg),
        "gif" => Some(F::Gif),
        "webp" => Some(F::WebP),
        "svg" | "svgz" => None,
        _ => match image::guess_format(bytes) {
            Ok(f @ (F::Png | F::Jpeg | F::Gif | F::WebP)) => Some(f),
            _ => None,
        },
    };
    match raster {
        Some(format) => image::ImageReader::with_format(std::io::Cursor::new(bytes), format)
            .into_dimensions()
            .map(|_| ())
            .map_err(|e| e.to_string()),
        None => typst::visualize::SvgImage::new(typst::foundations::Bytes::new(bytes.to_vec()))
            .map(|_| ())
            .map_err(|_| "SVG".to_owned()),
    }
}
