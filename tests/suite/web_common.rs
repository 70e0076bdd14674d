//! Helpers of the website tests (tests/web_*.rs): reading the built site,
//! attributes, a link check over the whole output, JSON-LD blocks.

#![allow(dead_code)]

use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;

use serde_json::Value;

use super::common::snapshot;

/// All HTML files of the site: (relative path, text).
pub(crate) fn html_files(site: &Path) -> Vec<(String, String)> {
    snapshot(site)
        .into_iter()
        .filter(|(p, _)| p.ends_with(".html"))
        .map(|(p, b)| (p, String::from_utf8(b).expect("UTF-8")))
        .collect()
}

/// Values of an attribute (`href`, `src`) in an HTML text, entities decoded.
pub(crate) fn attrs(html: &str, name: &str) -> Vec<String> {
    let needle = format!(" {name}=\"");
    html.split(&needle)
        .skip(1)
        .map(|part| {
            part[..part.find('"').unwrap()]
                .replace("&amp;", "&")
                .replace("&quot;", "\"")
                .replace("&#39;", "'")
        })
        .collect()
}

/// Every internal `href` and `src` of every page resolves to a file of the
/// site (and `#fragment`s to an id on the target page); every URL carries
/// the base path. Returns the number of links checked.
pub(crate) fn check_links(site: &Path, base: &str) -> usize {
    let pages = html_files(site);
    let ids: BTreeMap<&str, BTreeSet<String>> = pages
        .iter()
        .map(|(p, h)| (p.as_str(), attrs(h, "id").into_iter().collect()))
        .collect();
    let mut checked = 0;
    for (path, html) in &pages {
        let mut links = attrs(html, "href");
        links.extend(attrs(html, "src"));
        // The redirect pages' meta refresh.
        for part in html.split("content=\"0; url=").skip(1) {
            links.push(part[..part.find('"').unwrap()].to_owned());
        }
        for link in links {
            if link.starts_with("https://")
                || link.starts_with("http://")
                || link.starts_with("tel:")
            {
                continue;
            }
            assert!(
                !link.starts_with("mailto:"),
                "{path}: plain mailto: link {link}"
            );
            assert!(
                !link.starts_with("javascript:") && !link.starts_with("data:"),
                "{path}: {link}"
            );
            checked += 1;
            let (target_file, fragment) = if let Some(frag) = link.strip_prefix('#') {
                (path.clone(), Some(frag.to_owned()))
            } else {
                let rest = link
                    .strip_prefix(base)
                    .and_then(|r| r.strip_prefix('/'))
                    .unwrap_or_else(|| panic!("{path}: link {link} lacks the base path {base:?}/"));
                let (rest, fragment) = match rest.split_once('#') {
                    Some((r, f)) => (r, Some(f.to_owned())),
                    None => (rest, None),
                };
                let rest = rest.split('?').next().unwrap();
                let file = if rest.is_empty() || rest.ends_with('/') {
                    format!("{rest}index.html")
                } else {
                    rest.to_owned()
                };
                assert!(site.join(&file).is_file(), "{path}: broken link {link}");
                (file, fragment)
            };
            if let Some(f) = fragment {
                assert!(
                    ids.get(target_file.as_str())
                        .is_some_and(|s| s.contains(&f)),
                    "{path}: no id {f} for {link}"
                );
            }
        }
    }
    checked
}

/// The JSON-LD blocks of a page, parsed.
pub(crate) fn jsonld(html: &str) -> Vec<Value> {
    html.split("<script type=\"application/ld+json\">")
        .skip(1)
        .map(|p| {
            let body = &p[..p.find("</script>").unwrap()];
            assert!(!body.contains('<'), "raw < in JSON-LD");
            serde_json::from_str(body).unwrap_or_else(|e| panic!("JSON-LD: {e}: {body}"))
        })
        .collect()
}
