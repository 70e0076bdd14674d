//! Markdown → HTML for the website: pulldown-cmark, headings shifted below
//! the page's own `<h1>`, relative image paths mapped to the copied
//! `content/images/`, then sanitised with ammonia (no script, no event
//! handlers, only http/https/mailto/tel links survive).

use std::collections::HashSet;
use std::sync::OnceLock;

use pulldown_cmark::{CowStr, Event, HeadingLevel, Options, Parser, Tag, TagEnd};

use crate::validate::rules::normalize_content_path;

fn sanitizer() -> &'static ammonia::Builder<'static> {
    static B: OnceLock<ammonia::Builder<'static>> = OnceLock::new();
    B.get_or_init(|| {
        let mut b = ammonia::Builder::default();
        b.url_schemes(HashSet::from(["http", "https", "mailto", "tel"]));
        b.link_rel(Some("noopener noreferrer"));
        b.add_generic_attributes(["lang"]);
        b
    })
}

fn shift(level: HeadingLevel, by: usize) -> HeadingLevel {
    use HeadingLevel::*;
    let n = (level as usize + by).min(6);
    [H1, H1, H2, H3, H4, H5, H6][n]
}

/// Renders Markdown as safe HTML. Headings are shifted by `heading_shift`
/// levels; relative image paths point to `{base_path}/static/content/…`.
pub fn to_html(markdown: &str, heading_shift: usize, base_path: &str) -> String {
    let options = Options::ENABLE_TABLES | Options::ENABLE_STRIKETHROUGH;
    let events = Parser::new_ext(markdown, options).map(|ev| match ev {
        Event::Start(Tag::Heading { level, id, classes, attrs }) => {
            Event::Start(Tag::Heading { level: shift(level, heading_shift), id, classes, attrs })
        }
        Event::End(TagEnd::Heading(level)) => Event::End(TagEnd::Heading(shift(level, heading_shift))),
        Event::Start(Tag::Image { link_type, dest_url, title, id }) => {
            let dest_url = match normalize_content_path(&dest_url) {
                Some(p) if !dest_url.contains("://") => CowStr::from(format!("{base_path}/static/content/{p}")),
                _ => dest_url,
            };
            Event::Start(Tag::Image { link_type, dest_url, title, id })
        }
        other => other,
    });
    let mut html = String::with_capacity(markdown.len() * 3 / 2);
    pulldown_cmark::html::push_html(&mut html, events);
    sanitizer().clean(&html).to_string()
}

/// The first paragraph of a Markdown text as plain text (for teasers and
/// meta descriptions).
pub fn first_paragraph_text(markdown: &str) -> String {
    let mut out = String::new();
    let mut in_para = false;
    for ev in Parser::new(markdown) {
        match ev {
            Event::Start(Tag::Paragraph) => in_para = true,
            Event::End(TagEnd::Paragraph) if !out.trim().is_empty() => break,
            Event::End(TagEnd::Paragraph) => in_para = false,
            Event::Text(t) | Event::Code(t) if in_para => out.push_str(&t),
            Event::SoftBreak | Event::HardBreak if in_para => out.push(' '),
            _ => {}
        }
    }
    out.trim().to_owned()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn script_and_handlers_are_removed() {
        let html = to_html("Hallo <script>alert(1)</script><img src=x onerror=alert(1)> [x](javascript:alert(1))", 1, "");
        assert!(!html.contains("<script"));
        assert!(!html.contains("onerror"));
        assert!(!html.contains("javascript:"));
    }

    #[test]
    fn headings_shift_and_images_map() {
        let html = to_html("# Titel\n\n![Bild](images/a.jpg)", 1, "/base");
        assert!(html.contains("<h2>Titel</h2>"));
        assert!(html.contains("src=\"/base/static/content/images/a.jpg\""));
    }

    #[test]
    fn teaser() {
        assert_eq!(first_paragraph_text("# H\n\nEins *zwei*\ndrei.\n\nVier"), "Eins zwei drei.");
    }
}
