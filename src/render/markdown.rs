//! Markdown → HTML for the website: pulldown-cmark, headings shifted below
//! the page's own `<h1>`, relative image paths mapped to the copied
//! `content/images/`, then sanitised with ammonia (no script, no event
//! handlers, only http/https/mailto/tel links survive). E-mail addresses
//! in the text and `mailto:` links are written harvest-protected (see
//! [`email_html`]).

use std::collections::{HashMap, HashSet};
use std::sync::OnceLock;

use pulldown_cmark::{CowStr, Event, HeadingLevel, Options, Parser, Tag, TagEnd};

use crate::model::paths::normalize_content_path;

/// The HTML sanitiser for a site served under `base_path`: one per base
/// path, made once and kept for the process (a build has one base path,
/// `serve` another).
fn sanitizer(base_path: &str) -> &'static ammonia::Builder<'static> {
    static BUILT: OnceLock<std::sync::Mutex<HashMap<String, &'static ammonia::Builder<'static>>>> =
        OnceLock::new();
    let mut built = BUILT
        .get_or_init(Default::default)
        .lock()
        .unwrap_or_else(|e| e.into_inner());
    if let Some(b) = built.get(base_path) {
        return b;
    }
    let base = base_path.to_owned();
    let mut b = ammonia::Builder::default();
    b.url_schemes(HashSet::from(["http", "https", "mailto", "tel"]));
    b.link_rel(Some("noopener noreferrer"));
    b.add_generic_attributes(["lang"]);
    // The harvest-protected e-mail spans of `email_html`.
    b.add_tag_attributes("span", ["class", "data-u", "data-d", "data-keep"]);
    b.attribute_filter(move |element, attribute, value| {
        // Pictures only from the site itself: an image from another host
        // (raw `<img src="https://…">`) would be loaded by every reader's
        // browser from that host, a third-party request the site promises
        // not to make. Relative paths (the copied `content/images/`) stay.
        let v = value.trim_start().to_ascii_lowercase();
        let foreign = v.starts_with("//")
            || v.split(['/', '?', '#'])
                .next()
                .is_some_and(|first| first.contains(':'));
        if element == "img" && attribute == "src" && foreign {
            return None;
        }
        // A picture shows only a file of the directory (`content/images/`,
        // copied to /static/content/images/); anything else (a raw
        // `<img src="x">`) loses its `src`, and `repair` drops the picture.
        if element == "img" && attribute == "src" {
            let src = site_link(value, &base);
            return src
                .starts_with(&format!("{base}/static/content/images/"))
                .then(|| src.into_owned().into());
        }
        // Paths of the site itself, also in raw HTML, get the base path.
        if matches!((element, attribute), ("a", "href") | ("img", "src")) {
            return Some(site_link(value, &base));
        }
        Some(value.into())
    });
    let b: &'static ammonia::Builder<'static> = Box::leak(Box::new(b));
    built.insert(base_path.to_owned(), b);
    b
}

fn level_of(n: usize) -> HeadingLevel {
    use HeadingLevel::*;
    [H1, H1, H2, H3, H4, H5, H6][n.clamp(1, 6)]
}

/// The heading levels of a text mapped below the page's own heading
/// (`page_level`): the text's top level becomes `page_level + 1`, and no
/// heading is more than one level below the one before it (WCAG heading
/// order), whatever levels the author used.
fn heading_levels(markdown: &str, page_level: usize) -> Vec<HeadingLevel> {
    let levels: Vec<usize> = Parser::new(markdown)
        .filter_map(|ev| match ev {
            Event::Start(Tag::Heading { level, .. }) => Some(level as usize),
            _ => None,
        })
        .collect();
    let top = levels.iter().copied().min().unwrap_or(1);
    let mut last = page_level;
    levels
        .iter()
        .map(|&l| {
            let out = (l - top + page_level + 1).min(last + 1).min(6);
            last = out;
            level_of(out)
        })
        .collect()
}

/// Renders Markdown as safe HTML. Headings are placed below the page's own
/// heading of level `heading_shift` (see `heading_levels`); relative image paths point to `{base_path}/static/content/…`.
pub fn to_html(markdown: &str, heading_shift: usize, base_path: &str) -> String {
    let options = Options::ENABLE_TABLES | Options::ENABLE_STRIKETHROUGH;
    // Is each open link a `mailto:` link (rendered as a protected span)?
    let mut links: Vec<bool> = Vec::new();
    let mut levels = heading_levels(markdown, heading_shift).into_iter();
    let mut open_heading = HeadingLevel::H2;
    let events = Parser::new_ext(markdown, options).flat_map(|ev| match ev {
        Event::Start(Tag::Link { dest_url, .. })
            if dest_url.to_ascii_lowercase().starts_with("mailto:") =>
        {
            links.push(true);
            let addr = dest_url[7..].split('?').next().unwrap_or("").to_owned();
            let html = match addr.rsplit_once('@') {
                Some((u, d)) => format!(
                    "<span class=\"email\" data-keep=\"1\" data-u=\"{}\" data-d=\"{}\">",
                    crate::render::escape::escape_html(u),
                    crate::render::escape::escape_html(d)
                ),
                None => "<span>".to_owned(),
            };
            vec![Event::InlineHtml(CowStr::from(html))]
        }
        Event::Start(tag @ Tag::Link { .. }) => {
            links.push(false);
            vec![Event::Start(tag)]
        }
        Event::End(TagEnd::Link) => {
            if links.pop().unwrap_or(false) {
                vec![Event::InlineHtml(CowStr::from("</span>"))]
            } else {
                vec![Event::End(TagEnd::Link)]
            }
        }
        Event::Text(t) if t.contains('@') => protect_emails(&t),
        Event::Start(Tag::Heading {
            id, classes, attrs, ..
        }) => {
            open_heading = levels.next().unwrap_or(HeadingLevel::H6);
            vec![Event::Start(Tag::Heading {
                level: open_heading,
                id,
                classes,
                attrs,
            })]
        }
        Event::End(TagEnd::Heading(_)) => vec![Event::End(TagEnd::Heading(open_heading))],
        other => vec![map_event(other, base_path)],
    });
    let mut html = String::with_capacity(markdown.len() * 3 / 2);
    pulldown_cmark::html::push_html(&mut html, events);
    repair(&sanitizer(base_path).clean(&html).to_string())
}

/// Makes the sanitised HTML valid where sanitising left it incomplete
/// (the Nu validator's two complaints about hostile content): a picture
/// without `src` (a foreign or unknown source was removed) is dropped, one
/// without `alt` gets `alt=""`; a link whose `href` was removed keeps only
/// its text. The input is ammonia's serialisation: tags well formed,
/// attribute values in double quotes (a `"` inside is `&quot;`), no
/// nested links.
fn repair(html: &str) -> String {
    if !html.contains("<img") && !html.contains("<a") {
        return html.to_owned();
    }
    let mut out = String::with_capacity(html.len());
    let mut rest = html;
    let mut unlinked = 0usize;
    while let Some(lt) = rest.find('<') {
        out.push_str(&rest[..lt]);
        let tail = &rest[lt..];
        let end = tag_end(tail);
        let tag = &tail[..end];
        rest = &tail[end..];
        let name_start = if tag.starts_with("</") { 2 } else { 1 };
        let name_end = tag[name_start..]
            .find(|c: char| c.is_ascii_whitespace() || c == '>' || c == '/')
            .map_or(tag.len(), |i| i + name_start);
        match &tag[1..name_end] {
            "img" if !tag.contains(" src=\"") => {}
            "img" if !tag.contains(" alt=\"") => {
                let close = tag.len() - if tag.ends_with("/>") { 2 } else { 1 };
                out.push_str(&tag[..close]);
                out.push_str(" alt=\"\"");
                out.push_str(&tag[close..]);
            }
            "a" if !tag.contains(" href=\"") => unlinked += 1,
            "/a" if unlinked > 0 => unlinked -= 1,
            _ => out.push_str(tag),
        }
    }
    out.push_str(rest);
    out
}

/// Length of the tag at the start of `s` (up to and with its `>`; a `>`
/// inside a quoted attribute value does not end it).
fn tag_end(s: &str) -> usize {
    let mut quoted = false;
    for (i, c) in s.char_indices() {
        match c {
            '"' => quoted = !quoted,
            '>' if !quoted => return i + 1,
            _ => {}
        }
    }
    s.len()
}

/// A link to a page of the site itself (`/themen/diabetes/`), written in
/// Markdown or raw HTML, gets the base path, so that it works when the site
/// is served under one (contract, section 7). Links that already carry it,
/// protocol-relative (`//host`) and all other links stay as written.
fn site_link<'a>(url: &'a str, base_path: &str) -> std::borrow::Cow<'a, str> {
    let already = !base_path.is_empty()
        && url
            .strip_prefix(base_path)
            .is_some_and(|r| r.is_empty() || r.starts_with(['/', '?', '#']));
    if base_path.is_empty() || !url.starts_with('/') || url.starts_with("//") || already {
        return url.into();
    }
    format!("{base_path}{url}").into()
}

/// Image paths.
fn map_event<'a>(ev: Event<'a>, base_path: &str) -> Event<'a> {
    match ev {
        Event::Start(Tag::Image {
            link_type,
            dest_url,
            title,
            id,
        }) => {
            let dest_url = match normalize_content_path(&dest_url) {
                Some(p) if !dest_url.contains("://") => {
                    CowStr::from(format!("{base_path}/static/content/{p}"))
                }
                _ => dest_url,
            };
            Event::Start(Tag::Image {
                link_type,
                dest_url,
                title,
                id,
            })
        }
        other => other,
    }
}

/// Text with every e-mail address in it replaced by [`email_html`].
fn protect_emails(text: &str) -> Vec<Event<'static>> {
    let mut out = Vec::new();
    let mut rest = text;
    while let Some((start, end)) = find_email(rest) {
        if start > 0 {
            out.push(Event::Text(CowStr::from(rest[..start].to_owned())));
        }
        let (u, d) = rest[start..end].rsplit_once('@').unwrap_or(("", ""));
        out.push(Event::InlineHtml(CowStr::from(email_html(u, d))));
        rest = &rest[end..];
    }
    if !rest.is_empty() {
        out.push(Event::Text(CowStr::from(rest.to_owned())));
    }
    out
}

/// Byte range of the first e-mail address (`user@domain.tld`) in `s`.
fn find_email(s: &str) -> Option<(usize, usize)> {
    let bytes = s.as_bytes();
    let user_char = |b: u8| b.is_ascii_alphanumeric() || b"._%+-".contains(&b);
    let domain_char = |b: u8| b.is_ascii_alphanumeric() || b == b'.' || b == b'-';
    let mut from = 0;
    while let Some(at) = s[from..].find('@').map(|i| i + from) {
        let mut start = at;
        while start > 0 && user_char(bytes[start - 1]) {
            start -= 1;
        }
        let mut end = at + 1;
        while end < bytes.len() && domain_char(bytes[end]) {
            end += 1;
        }
        while end > at + 1 && matches!(bytes[end - 1], b'.' | b'-') {
            end -= 1;
        }
        let domain = &s[at + 1..end];
        if start < at && domain.contains('.') && !domain.starts_with('.') {
            return Some((start, end));
        }
        from = at + 1;
    }
    None
}

/// Encodes every character as a numeric HTML entity.
fn entities(s: &str) -> String {
    s.chars().map(|c| format!("&#{};", c as u32)).collect()
}

/// A harvest-protected e-mail address: no `@` and no `mailto:` in the page
/// source. Readable without JavaScript as "user (at) domain"; the theme's
/// `site.js` turns the span into a normal `mailto:` link.
pub fn email_html(user: &str, domain: &str) -> String {
    let (u, d) = (entities(user), entities(domain));
    format!("<span class=\"email\" data-u=\"{u}\" data-d=\"{d}\">{u} (at) {d}</span>")
}

/// The first paragraph of a Markdown text as plain text (for teasers and
/// meta descriptions); a short opening such as a salutation ("Liebe
/// Leserinnen und Leser,") is joined with the next paragraph. E-mail
/// addresses are written as "user (at) domain".
pub fn first_paragraph_text(markdown: &str) -> String {
    const MIN: usize = 60;
    let mut out = String::new();
    let mut in_para = false;
    for ev in Parser::new(markdown) {
        match ev {
            Event::Start(Tag::Paragraph) => {
                in_para = true;
                if !out.is_empty() {
                    out.push(' ');
                }
            }
            Event::End(TagEnd::Paragraph) if out.trim().chars().count() >= MIN => break,
            Event::End(TagEnd::Paragraph) => in_para = false,
            Event::Text(t) | Event::Code(t) if in_para => out.push_str(&t),
            Event::SoftBreak | Event::HardBreak if in_para => out.push(' '),
            _ => {}
        }
    }
    protect_plain(out.trim())
}

/// Plain text with every e-mail address written as "user (at) domain".
pub fn protect_plain(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some((start, end)) = find_email(rest) {
        out.push_str(&rest[..start]);
        out.push_str(&rest[start..end].replacen('@', " (at) ", 1));
        rest = &rest[end..];
    }
    out.push_str(rest);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn script_and_handlers_are_removed() {
        let html = to_html(
            "Hallo <script>alert(1)</script><img src=x onerror=alert(1)> [x](javascript:alert(1))",
            1,
            "",
        );
        assert!(!html.contains("<script"));
        assert!(!html.contains("onerror"));
        assert!(!html.contains("javascript:"));
    }

    #[test]
    fn sanitised_html_stays_valid() {
        // A raw picture from outside content/images/ is dropped, one of the
        // directory keeps its source and gets an empty alt text.
        let html = to_html(
            "<img src=\"x.png\"> <img src=\"https://tracker.example/p.gif\"> ![Logo](images/logo.png) <img src=\"/static/content/images/a.png\">",
            1,
            "/wegweiser",
        );
        assert!(
            !html.contains("x.png") && !html.contains("tracker"),
            "{html}"
        );
        assert!(
            html.contains("<img src=\"/wegweiser/static/content/images/logo.png\" alt=\"Logo\">"),
            "{html}"
        );
        assert!(
            html.contains("<img src=\"/wegweiser/static/content/images/a.png\" alt=\"\">"),
            "{html}"
        );
        // A link whose address was removed keeps its text only.
        let html = to_html(
            "[klick](javascript:alert(1)) und <a href=\"vbscript:x\" title=\"a>b\">hier</a> [gut](https://ok.example)",
            1,
            "",
        );
        assert!(html.contains("klick und hier"), "{html}");
        assert!(html.contains("<a href=\"https://ok.example\""), "{html}");
        assert_eq!(
            html.matches("<a ").count(),
            html.matches("</a>").count(),
            "{html}"
        );
    }

    #[test]
    fn emails_are_protected() {
        let html = to_html(
            "Schreiben Sie an info@kiss.example. Oder [uns](mailto:team@kiss.example?subject=Hallo).",
            1,
            "",
        );
        assert!(!html.contains('@'), "{html}");
        assert!(!html.contains("mailto:"), "{html}");
        assert!(
            html.contains("data-u=\"info\" data-d=\"kiss.example\""),
            "{html}"
        );
        assert!(html.contains("info (at) kiss.example"), "{html}");
        assert!(
            html.contains("data-keep=\"1\" data-u=\"team\" data-d=\"kiss.example\">uns</span>"),
            "{html}"
        );
        assert_eq!(find_email("a @ b"), None);
        assert_eq!(find_email("x a.b@c.de."), Some((2, 10)));
        let e = email_html("a", "b.de");
        assert!(!e.contains('@') && e.contains("&#97; (at) &#98;&#46;&#100;&#101;"));
    }

    #[test]
    fn heading_order_is_repaired() {
        let html = to_html("## Eins\n\n#### Zwei\n\n## Drei\n\n### Vier", 1, "");
        assert!(
            html.contains("<h2>Eins</h2>") && html.contains("<h3>Zwei</h3>"),
            "{html}"
        );
        assert!(
            html.contains("<h2>Drei</h2>") && html.contains("<h3>Vier</h3>"),
            "{html}"
        );
    }

    #[test]
    fn headings_shift_and_images_map() {
        let html = to_html("# Titel\n\n![Bild](images/a.jpg)", 1, "/base");
        assert!(html.contains("<h2>Titel</h2>"));
        assert!(html.contains("src=\"/base/static/content/images/a.jpg\""));
    }

    #[test]
    fn links_to_the_site_get_the_base_path() {
        let md = "[A](/themen/diabetes/) [B](/weg/a-z/a/) [C](//x.example/) [D](https://x.example/) [E](#k)";
        let html = to_html(md, 1, "/weg");
        assert!(html.contains("href=\"/weg/themen/diabetes/\""), "{html}");
        assert!(html.contains("href=\"/weg/a-z/a/\""), "{html}");
        assert!(
            html.contains("href=\"https://x.example/\"") && html.contains("href=\"#k\""),
            "{html}"
        );
        assert!(to_html("[A](/themen/)", 1, "").contains("href=\"/themen/\""));
        // Raw HTML too.
        let html = to_html(
            "<a href=\"/gruppen/x/\">X</a> <img src=\"/static/content/images/a.png\" alt=\"\">",
            1,
            "/weg",
        );
        assert!(html.contains("href=\"/weg/gruppen/x/\""), "{html}");
        assert!(
            html.contains("src=\"/weg/static/content/images/a.png\""),
            "{html}"
        );
    }

    #[test]
    fn teaser() {
        let long = "Eins *zwei*\ndrei vier fünf sechs sieben acht neun zehn elf zwölf dreizehn.";
        assert_eq!(
            first_paragraph_text(&format!("# H\n\n{long}\n\nVier")),
            "Eins zwei drei vier fünf sechs sieben acht neun zehn elf zwölf dreizehn."
        );
        assert_eq!(
            first_paragraph_text("Liebe Leute,\n\nzweiter Absatz.\n\n- Liste"),
            "Liebe Leute, zweiter Absatz."
        );
        assert_eq!(
            first_paragraph_text("Mail: a.b@c.de bitte"),
            "Mail: a.b (at) c.de bitte"
        );
    }
}
