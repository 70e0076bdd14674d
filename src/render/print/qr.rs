//! The QR code to the website printed on the booklet's back cover, so
//! that readers of an old booklet find the current data. Made here as SVG
//! (one path of dark modules, one module = one unit, with the quiet zone)
//! and handed to typst as a file of the print world.

use qrcode::render::svg;
use qrcode::{Color, EcLevel, QrCode};
use serde::Serialize;

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

/// Width of the quiet zone around a QR code, in modules.
const QUIET_ZONE: usize = 4;

/// A QR code as horizontal runs of dark modules, for templates that draw
/// it themselves in the booklet's ink (offset print: an SVG image would
/// bring RGB black into a CMYK job).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Modules {
    /// Width and height in modules, quiet zone included.
    pub size: usize,
    /// Dark runs as `[x, y, length]` in modules (quiet zone included),
    /// row by row, left to right.
    pub runs: Vec<[usize; 3]>,
}

/// The modules of the same QR code as [`svg`], or `None` if the text is
/// too long for any QR code.
pub fn modules(url: &str) -> Option<Modules> {
    let code = QrCode::with_error_correction_level(url.as_bytes(), EcLevel::M).ok()?;
    let width = code.width();
    let dark = code.to_colors();
    let mut runs = Vec::new();
    for y in 0..width {
        let row = &dark[y * width..(y + 1) * width];
        let mut x = 0;
        while x < width {
            if row[x] == Color::Dark {
                let start = x;
                while x < width && row[x] == Color::Dark {
                    x += 1;
                }
                runs.push([start + QUIET_ZONE, y + QUIET_ZONE, x - start]);
            } else {
                x += 1;
            }
        }
    }
    Some(Modules {
        size: width + 2 * QUIET_ZONE,
        runs,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn modules_are_the_svgs_dark_modules() {
        let url = "https://selbsthilfe-musterstadt.example";
        let m = modules(url).unwrap();
        assert_eq!(m.size, 37);
        // The SVG's path draws each dark module as `M{x} {y}h1v1H{x}V{y}`.
        let s = String::from_utf8(svg(url).unwrap()).unwrap();
        let mut in_svg: Vec<(usize, usize)> = s
            .split('M')
            .skip(1)
            .filter_map(|p| {
                let (x, rest) = p.split_once(' ')?;
                let (y, _) = rest.split_once('h')?;
                Some((x.parse().ok()?, y.parse().ok()?))
            })
            .collect();
        in_svg.sort_by_key(|&(x, y)| (y, x));
        let drawn: Vec<(usize, usize)> = m
            .runs
            .iter()
            .flat_map(|&[x, y, n]| (x..x + n).map(move |x| (x, y)))
            .collect();
        assert!(!drawn.is_empty());
        assert_eq!(drawn, in_svg);
        // The finder pattern's top row: seven dark modules after the quiet zone.
        assert_eq!(m.runs[0], [4, 4, 7]);
        assert!(m.runs.iter().all(|r| r[0] + r[2] <= 33 && r[1] < 33));
    }

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
