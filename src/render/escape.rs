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

/// Escapes text for XML (`&`, `<`, `>`, `"`, `'` as entities; quick-xml's
/// escaper, already built for typst).
pub fn xml_escape(s: &str) -> String {
    quick_xml::escape::escape(s).into_owned()
}

/// Appends text escaped for XML.
pub fn push_xml_escaped(out: &mut String, s: &str) {
    out.push_str(&quick_xml::escape::escape(s));
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn xml_escapes_the_five_characters_and_nothing_else() {
        assert_eq!(
            xml_escape("a&b<c>d\"e'f ä/\t"),
            "a&amp;b&lt;c&gt;d&quot;e&apos;f ä/\t"
        );
        let mut out = String::from("x");
        push_xml_escaped(&mut out, "/suche/?q=<b>");
        assert_eq!(out, "x/suche/?q=&lt;b&gt;");
        assert_eq!(xml_escape("plain"), "plain");
    }
}
