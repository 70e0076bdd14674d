//! Escaping of untrusted text for the renderers' targets (HTML, XML). Its
//! own module so that the Markdown renderer and the web renderer both use
//! it without importing each other.

/// Escapes text for HTML text and quoted attributes (tera's default also
/// escapes `/`, which makes every URL unreadable).
pub fn escape_html(s: &str) -> String {
    // pulldown-cmark's escaper (& < > " ' as entities, a lookup table) is
    // a dependency and so optimised even in the dev profile: this runs for
    // every value of every page.
    let mut out = String::with_capacity(s.len() + 8);
    let _ = pulldown_cmark_escape::escape_html(&mut out, s);
    out
}

/// Escapes text for XML.
pub fn xml_escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    push_xml_escaped(&mut out, s);
    out
}

/// Appends text escaped for XML.
pub fn push_xml_escaped(out: &mut String, s: &str) {
    if !s.contains(['&', '<', '>', '"', '\'']) {
        out.push_str(s);
        return;
    }
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&apos;"),
            c => out.push(c),
        }
    }
}
