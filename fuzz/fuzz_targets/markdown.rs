//! Markdown → sanitised HTML (web) and → node tree (print). Must never
//! panic; no tag of the HTML is script-like, has an event handler or a
//! `javascript:` URL. (Text may say anything: a `<` in text is always
//! escaped, so splitting at `<` finds the real tags only.)
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|md: &str| {
    let html = wegweiser::render::markdown::to_html(md, 1, "/pfad");
    for tag in html.split('<').skip(1) {
        let tag = tag.split('>').next().unwrap_or("").to_ascii_lowercase();
        // Only attributes count, not text inside double-quoted values
        // (crash-348d60fb was ` onerror=` inside a quoted `src`).
        let unquoted: String = tag.split('"').step_by(2).collect::<Vec<_>>().join("\"\"");
        let name = tag.trim_start_matches('/').split([' ', '\n', '\t']).next().unwrap_or("");
        assert!(!matches!(name, "script" | "iframe" | "style" | "object" | "embed" | "svg"), "<{name}> in {html}");
        for (i, _) in unquoted.match_indices(" on") {
            let rest = &unquoted[i + 3..];
            let name_end = rest.find(|c: char| !c.is_ascii_alphabetic()).unwrap_or(rest.len());
            assert!(!rest[name_end..].starts_with('='), "event handler in {html}");
        }
        // ammonia writes every attribute value in double quotes.
        for attr in ["href=\"", "src=\""] {
            for (i, _) in tag.match_indices(attr) {
                let value: String = tag[i + attr.len()..].chars().take_while(|&c| c != '"').filter(|c| !c.is_whitespace()).collect();
                assert!(!value.starts_with("javascript:") && !value.starts_with("&#"), "javascript: URL in {html}");
            }
        }
    }
    let no_images = |_: &str| None;
    let nodes = wegweiser::render::print::md_tree::to_nodes(md, &no_images);
    let _ = wegweiser::render::print::md_tree::plain_len(&nodes);
});
