//! The QR code to the website printed on the booklet's back cover, so
//! that readers of an old booklet find the current data. Made here as SVG
//! (one path of dark modules, one module = one unit, with the quiet zone)
//! and handed to typst as a file of the print world.

use qrcode::render::svg;
use qrcode::{EcLevel, QrCode};

/// The virtual path of the QR code in the print world.
pub const QR_PATH: &str = "/qr.svg";

/// The SVG of a QR code holding `url` (error correction M: survives a
/// crease or a stain), or `None` if the text is too long for any QR code.
pub fn svg(url: &str) -> Option<Vec<u8>> {
    let code = QrCode::with_error_correction_level(url.as_bytes(), EcLevel::M).ok()?;
    let image = code
        .render::<svg::Color>()
        .module_dimensions(1, 1)
        .quiet_zone(true)
        .dark_color(svg::Color("#000000"))
        .light_color(svg::Color("#ffffff"))
        .build();
    Some(image.into_bytes())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_url_becomes_an_svg_of_modules() {
        let s = String::from_utf8(svg("https://selbsthilfe-musterstadt.example").unwrap()).unwrap();
        assert!(s.contains("<svg") && s.contains("<path"));
        // Version 3 (29 modules) plus a quiet zone of 4 on each side.
        assert!(s.contains("viewBox=\"0 0 37 37\""), "{s}");
        assert_eq!(svg("https://x.example"), svg("https://x.example"));
    }

    #[test]
    fn overlong_text_has_no_code() {
        assert!(svg(&"x".repeat(5000)).is_none());
    }
}
