//! Names and paths of the content format: slugs (file names, indication
//! ids) and paths relative to `content/` (contract, section 1). Used by the
//! loader, validation and the renderers alike.

/// `^[a-z0-9]+(-[a-z0-9]+)*$`
pub fn is_slug(s: &str) -> bool {
    !s.is_empty()
        && !s.starts_with('-')
        && !s.ends_with('-')
        && !s.contains("--")
        && s.bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
}

/// Normalises a path relative to `content/`; `None` if it leaves `content/`
/// (absolute, `..` above the top, a drive or a backslash path).
pub fn normalize_content_path(p: &str) -> Option<String> {
    let p = p.trim();
    if p.is_empty() || p.starts_with('/') || p.contains('\\') || p.contains(':') {
        return None;
    }
    let mut parts: Vec<&str> = Vec::new();
    for seg in p.split('/') {
        match seg {
            "" | "." => {}
            ".." => {
                parts.pop()?;
            }
            s => parts.push(s),
        }
    }
    (!parts.is_empty()).then(|| parts.join("/"))
}
