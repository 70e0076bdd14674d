//! Small checks shared by the validator: slugs, dates, URLs, paths.

use toml::Spanned;

use crate::format::raw;
use crate::model::Date;
pub use crate::model::paths::{is_slug, normalize_content_path};

/// A TOML local date (no time, no offset) as a calendar date.
pub fn to_date(dt: &toml::value::Datetime) -> Option<Date> {
    if dt.time.is_some() || dt.offset.is_some() {
        return None;
    }
    let d = dt.date?;
    Date::new(d.year as i16, d.month as i8, d.day as i8).ok()
}

/// An `http(s)://host...` URL (parsed by the `url` crate, as browsers
/// parse it) whose host has a dot or is `localhost`, written without
/// spaces, quotes or angle brackets (which `url` would quietly encode, but
/// which in a file are a typing mistake).
pub fn is_web_url(s: &str) -> bool {
    let s = s.trim();
    let lower = s.to_ascii_lowercase();
    if !(lower.starts_with("https://") || lower.starts_with("http://"))
        || s.chars()
            .any(|c| c.is_whitespace() || matches!(c, '"' | '<' | '>' | '\'' | '`' | '\\'))
    {
        return false;
    }
    url::Url::parse(s).is_ok_and(|u| {
        u.host_str()
            .is_some_and(|h| h.contains('.') || h == "localhost")
    })
}

/// A plausible e-mail address (one `@`, a dot in the domain, no spaces).
pub fn is_email(s: &str) -> bool {
    let s = s.trim();
    let Some((local, domain)) = s.split_once('@') else {
        return false;
    };
    !local.is_empty()
        && domain.contains('.')
        && !domain.starts_with('.')
        && !domain.ends_with('.')
        && !s.chars().any(|c| {
            c.is_whitespace()
                || matches!(
                    c,
                    '"' | '<' | '>' | '\'' | '`' | '\\' | ',' | ';' | ':' | '(' | ')'
                )
        })
        && !domain.contains('@')
}

/// The path part of a base URL without trailing slash: `""` or `"/x/y"`.
/// `None` if the URL is not `http(s)://host[/path]`.
pub fn base_url_path(base: &str) -> Option<String> {
    if !is_web_url(base) || base.contains(['?', '#']) {
        return None;
    }
    let rest = base.split_once("://")?.1;
    let path = rest.find('/').map(|i| &rest[i..]).unwrap_or("");
    Some(path.trim_end_matches('/').to_owned())
}

/// Access to the fields every entry kind shares.
pub trait HasNames {
    /// `sort_as`: the key for A–Z order, if given.
    fn sort_as(&self) -> Option<&str>;
    /// `aliases`: extra A–Z entries.
    fn aliases(&self) -> &[String];
    /// `former_slugs`: old file names whose URLs keep working.
    fn former_slugs(&self) -> &[Spanned<String>];
    /// `web`, if given (default true).
    fn web(&self) -> Option<bool>;
    /// `print`, if given (default true).
    fn print(&self) -> Option<bool>;
    /// `verified`, as written.
    fn verified(&self) -> &Spanned<toml::value::Datetime>;
    /// Where `verified` stands in the file.
    fn verified_span(&self) -> std::ops::Range<usize> {
        self.verified().span()
    }
}

macro_rules! has_names {
    ($t:ty) => {
        impl HasNames for $t {
            fn sort_as(&self) -> Option<&str> {
                self.sort_as.as_deref()
            }
            fn aliases(&self) -> &[String] {
                &self.aliases
            }
            fn former_slugs(&self) -> &[Spanned<String>] {
                &self.former_slugs
            }
            fn web(&self) -> Option<bool> {
                self.web
            }
            fn print(&self) -> Option<bool> {
                self.print
            }
            fn verified(&self) -> &Spanned<toml::value::Datetime> {
                &self.verified
            }
        }
    };
}
has_names!(raw::GroupFront);
has_names!(raw::OrganisationFront);
has_names!(raw::ContactPointFront);

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn slugs() {
        assert!(is_slug("diabetes-nord"));
        assert!(is_slug("50plus"));
        assert!(!is_slug("Diabetes"));
        assert!(!is_slug("a--b"));
        assert!(!is_slug("-a"));
        assert!(!is_slug("ä"));
        assert!(!is_slug("a b"));
        assert!(!is_slug(".."));
    }

    #[test]
    fn paths() {
        assert_eq!(
            normalize_content_path("images/a.jpg").as_deref(),
            Some("images/a.jpg")
        );
        assert_eq!(
            normalize_content_path("./images/../images/a.jpg").as_deref(),
            Some("images/a.jpg")
        );
        assert_eq!(normalize_content_path("../wegweiser.toml"), None);
        assert_eq!(normalize_content_path("/etc/passwd"), None);
        assert_eq!(normalize_content_path("images/../../x"), None);
    }

    #[test]
    fn urls() {
        assert_eq!(base_url_path("https://x.example").as_deref(), Some(""));
        assert_eq!(
            base_url_path("https://x.github.io/wegweiser").as_deref(),
            Some("/wegweiser")
        );
        assert_eq!(base_url_path("x.example"), None);
        assert!(!is_web_url("javascript:alert(1)"));
        assert!(is_web_url("https://kiss-musterstadt.example/gruppen?x=1#a"));
        assert!(is_web_url("http://localhost:1111/"));
        assert!(!is_web_url("https://"));
        assert!(!is_web_url("https://x y.example"));
        assert!(!is_web_url("https://host-without-dot/"));
        assert!(!is_web_url("https://[zz]/"));
        assert!(is_email("a@b.example"));
        assert!(!is_email("a@b"));
    }
}
