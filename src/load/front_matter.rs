//! Reading one file: UTF-8 (with or without BOM), `+++` front matter,
//! TOML into typed structs, errors turned into located [`Message`]s.

use std::ops::Range;

use serde::de::DeserializeOwned;

use crate::diagnostics::Message;

/// A located problem inside one file (byte span into the file's text).
pub type Problem = (Option<Range<usize>>, Message);

/// Decodes bytes as UTF-8, dropping a BOM. On invalid UTF-8 returns the
/// lossy text and the offset of the first bad byte.
pub fn decode(bytes: &[u8]) -> (String, Option<usize>) {
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    match std::str::from_utf8(bytes) {
        Ok(s) => (s.to_owned(), None),
        Err(e) => (String::from_utf8_lossy(bytes).into_owned(), Some(e.valid_up_to())),
    }
}

/// The two parts of an entry file.
#[derive(Debug, PartialEq)]
pub struct Split<'a> {
    /// The TOML between the `+++` lines, preceded by the opening line turned
    /// into a comment of the same length, so that every span the TOML
    /// parser reports is a byte offset of the file itself.
    pub toml: String,
    /// The Markdown after the closing `+++` line.
    pub body: &'a str,
    /// Byte offset of `body` in the file.
    pub body_offset: usize,
}

fn is_fence(line: &str) -> bool {
    line.trim_end_matches(['\r', ' ', '\t']) == "+++"
}

/// Splits `+++` front matter from the Markdown body.
pub fn split(text: &str) -> Result<Split<'_>, Problem> {
    if text.trim().is_empty() {
        return Err((None, Message::EmptyFile));
    }
    let first_end = text.find('\n').map(|i| i + 1).unwrap_or(text.len());
    if !is_fence(&text[..first_end].trim_end_matches('\n')) {
        return Err((None, Message::NoFrontMatterStart));
    }
    let mut pos = first_end;
    while pos < text.len() {
        let end = text[pos..].find('\n').map(|i| pos + i + 1).unwrap_or(text.len());
        if is_fence(text[pos..end].trim_end_matches('\n')) {
            return Ok(Split {
                toml: format!("#{}", &text[1..pos]),
                body: &text[end..],
                body_offset: end,
            });
        }
        pos = end;
    }
    Err((None, Message::FrontMatterNotClosed))
}

/// Parses TOML into `T`, mapping errors to a located message.
pub fn parse<T: DeserializeOwned>(toml: &str) -> Result<T, Problem> {
    toml::from_str::<T>(toml).map_err(|e| {
        let message = classify(e.message());
        let span = e.span();
        // A missing top-level field has no better place than the file itself.
        let span = match (&message, &span) {
            (Message::MissingField { .. }, Some(s)) if s.start == 0 && s.end >= toml.trim_end().len() => None,
            _ => span,
        };
        (span, message)
    })
}

/// Turns serde/toml's English error text into a catalogue message.
pub fn classify(raw: &str) -> Message {
    let raw = raw.trim();
    let ticked = |s: &str| -> Vec<String> {
        s.split('`').skip(1).step_by(2).map(str::to_owned).collect()
    };
    if let Some(rest) = raw.strip_prefix("missing field ") {
        return Message::MissingField { field: rest.trim_matches('`').to_owned() };
    }
    if let Some(rest) = raw.strip_prefix("unknown field ") {
        let names = ticked(rest);
        let field = names.first().cloned().unwrap_or_default();
        let suggestion = crate::model::suggest(&field, names.iter().skip(1).map(String::as_str));
        return Message::UnknownField { field, suggestion };
    }
    if let Some(rest) = raw.strip_prefix("unknown variant ") {
        let names = ticked(rest);
        let value = names.first().cloned().unwrap_or_default();
        return Message::UnknownValue { value, allowed: names.into_iter().skip(1).collect() };
    }
    if let Some(rest) = raw.strip_prefix("invalid type: ") {
        if let Some((found, expected)) = rest.split_once(", expected ") {
            return Message::WrongType { found: found.to_owned(), expected: expected.to_owned() };
        }
    }
    if raw.starts_with("invalid value: ") || raw.starts_with("invalid length") {
        return Message::InvalidValue { detail: raw.to_owned() };
    }
    if raw.contains("out of range") || raw.contains("invalid digit") {
        return Message::InvalidValue { detail: raw.to_owned() };
    }
    Message::TomlSyntax { detail: raw.lines().next().unwrap_or(raw).to_owned() }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn splits_lf_and_crlf() {
        let s = split("+++\nname = \"x\"\n+++\nBody\n").unwrap();
        assert_eq!(s.toml, "#++\nname = \"x\"\n");
        assert_eq!(s.body, "Body\n");
        let s = split("+++\r\nname = \"x\"\r\n+++\r\nBody\r\n").unwrap();
        assert_eq!(s.toml, "#++\r\nname = \"x\"\r\n");
        assert_eq!(s.body, "Body\r\n");
        assert_eq!(s.body_offset, 22);
    }

    #[test]
    fn front_matter_only_is_fine() {
        let s = split("+++\nname = \"x\"\n+++").unwrap();
        assert_eq!(s.body, "");
    }

    #[test]
    fn reports_structure_errors() {
        assert_eq!(split("").unwrap_err().1, Message::EmptyFile);
        assert_eq!(split("  \n").unwrap_err().1, Message::EmptyFile);
        assert_eq!(split("name = 1\n").unwrap_err().1, Message::NoFrontMatterStart);
        assert_eq!(split("+++\nname = 1\n").unwrap_err().1, Message::FrontMatterNotClosed);
    }

    #[test]
    fn bom_is_dropped_and_bad_bytes_located() {
        assert_eq!(decode(b"\xEF\xBB\xBF+++").0, "+++");
        let (_, bad) = decode(b"+++\nname = \"\xFF\"");
        assert_eq!(bad, Some(12));
    }

    #[test]
    fn classifies_serde_messages() {
        assert_eq!(classify("missing field `name`"), Message::MissingField { field: "name".into() });
        assert_eq!(
            classify("unknown field `nmae`, expected one of `name`, `sort_as`"),
            Message::UnknownField { field: "nmae".into(), suggestion: Some("name".into()) }
        );
        assert_eq!(
            classify("unknown variant `weekly2`, expected one of `weekly`, `monthly`"),
            Message::UnknownValue { value: "weekly2".into(), allowed: vec!["weekly".into(), "monthly".into()] }
        );
    }
}
