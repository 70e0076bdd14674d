//! Warnings for data that is valid but probably not what the editors meant:
//! a meeting that ends before it starts, an organisation no group names, an
//! indication nobody uses, a phone number that cannot be a German number,
//! two entries with the same name. They never stop a build (only
//! `--strict` makes them errors).
//!
//! The checks read the loaded files ([`RawDirectory`]), where the locations
//! are; [`crate::project::Project::open`] reports them only when the
//! directory is otherwise valid, so a broken file never causes a follow-up
//! warning elsewhere (e.g. "indication unused" because the group using it did
//! not parse).

use std::collections::{BTreeMap, HashSet};
use std::ops::Range;

use crate::diagnostics::{Diagnostic, FileId, Message, Sources};
use crate::load::RawDirectory;
use crate::model::meeting::Time;

/// All warnings of this module for `raw`.
pub fn lint(raw: &RawDirectory, sources: &Sources) -> Vec<Diagnostic> {
    let mut out = Vec::new();
    meetings(raw, &mut out);
    organisations_without_groups(raw, &mut out);
    unused_indications(raw, &mut out);
    phones(raw, sources, &mut out);
    duplicate_names(raw, sources, &mut out);
    out
}

fn warn(out: &mut Vec<Diagnostic>, file: FileId, span: Option<Range<usize>>, m: Message) {
    out.push(Diagnostic::warning(file, span, m));
}

fn meetings(raw: &RawDirectory, out: &mut Vec<Diagnostic>) {
    for g in &raw.groups {
        for m in &g.front.meetings {
            let m = m.get_ref();
            let (Some(start), Some(end)) = (&m.start, &m.end) else { continue };
            let (Some(s), Some(e)) = (Time::parse(start.get_ref()), Time::parse(end.get_ref())) else { continue };
            if (e.hour, e.minute) < (s.hour, s.minute) {
                warn(out, g.file, Some(end.span()), Message::EndBeforeStart { start: s.to_string(), end: e.to_string() });
            }
        }
    }
}

fn organisations_without_groups(raw: &RawDirectory, out: &mut Vec<Diagnostic>) {
    let named: HashSet<&str> =
        raw.groups.iter().filter_map(|g| g.front.organisation.as_ref()).map(|o| o.get_ref().as_str()).collect();
    for o in &raw.organisations {
        if !named.contains(o.slug.as_str()) {
            warn(out, o.file, Some(o.front.name.span()), Message::OrganisationWithoutGroups { slug: o.slug.clone() });
        }
    }
}

fn unused_indications(raw: &RawDirectory, out: &mut Vec<Diagnostic>) {
    let Some((file, indications)) = &raw.indications else { return };
    let mut used: HashSet<&str> = HashSet::new();
    for g in &raw.groups {
        used.extend(g.front.indications.get_ref().iter().map(|i| i.get_ref().as_str()));
    }
    for o in &raw.organisations {
        used.extend(o.front.indications.iter().map(|i| i.get_ref().as_str()));
    }
    for id in indications.keys() {
        if !used.contains(id.get_ref().as_str()) {
            warn(out, *file, Some(id.span()), Message::UnusedIndication { id: id.get_ref().clone() });
        }
    }
}

/// Can `s` be a phone number in Germany (or an international one)?
///
/// Allowed are digits, spaces and `+ / - ( ) .`; a German number starts with
/// its area code (`0…`) or with `+49` / `0049` and has 6 to 14 digits
/// (national form); a foreign number starts with `+` or `00` and has at most
/// 15 digits; `115` and the European `116…` numbers are fine as they are.
pub fn plausible_german_phone(s: &str) -> bool {
    let s = s.trim();
    if s.is_empty() || !s.chars().all(|c| c.is_ascii_digit() || " +/-().\u{a0}".contains(c)) {
        return false;
    }
    if s.chars().skip(1).any(|c| c == '+') {
        return false;
    }
    let digits: String = s.chars().filter(char::is_ascii_digit).collect();
    if digits == "115" || (digits.starts_with("116") && digits.len() == 6) {
        return true;
    }
    let national = if let Some(rest) = digits.strip_prefix("49").filter(|_| s.starts_with('+')) {
        format!("0{}", rest.trim_start_matches('0'))
    } else if let Some(rest) = digits.strip_prefix("0049") {
        format!("0{}", rest.trim_start_matches('0'))
    } else if s.starts_with('+') || digits.starts_with("00") {
        // Another country: only the length can be checked (E.164: at most 15).
        let n = digits.trim_start_matches("00").len();
        return (7..=15).contains(&n);
    } else {
        digits
    };
    national.starts_with('0') && !national.starts_with("00") && (6..=14).contains(&national.len())
}

/// The span of the quoted value of `key = "value"` in a file (for fields the
/// loader keeps without location).
fn value_span(text: &str, key: &str, value: &str) -> Option<Range<usize>> {
    let mut offset = 0;
    for line in text.split_inclusive('\n') {
        let trimmed = line.trim_start();
        if let Some(rest) = trimmed.strip_prefix(key) {
            if rest.trim_start().starts_with('=') {
                if let Some(i) = line.find(value) {
                    let start = offset + i;
                    // Include the quotes when they are there.
                    let (s, e) = if i > 0 && line[..i].ends_with(['"', '\'']) {
                        (start - 1, start + value.len() + 1)
                    } else {
                        (start, start + value.len())
                    };
                    return Some(s..e.min(text.len()));
                }
            }
        }
        offset += line.len();
    }
    None
}

fn phones(raw: &RawDirectory, sources: &Sources, out: &mut Vec<Diagnostic>) {
    let mut check = |file: FileId, span: Option<Range<usize>>, value: &str| {
        if !plausible_german_phone(value) {
            let span = span.or_else(|| value_span(&sources.get(file).text, "phone", value));
            warn(out, file, span, Message::ImplausiblePhone { value: value.to_owned() });
        }
    };
    if let Some((file, s)) = &raw.settings {
        if let Some(p) = &s.publisher.phone {
            check(*file, None, p);
        }
    }
    for g in &raw.groups {
        if let Some(p) = g.front.contact.as_ref().and_then(|c| c.get_ref().phone.as_ref()) {
            check(g.file, Some(p.span()), p.get_ref());
        }
    }
    for o in &raw.organisations {
        if let Some(p) = &o.front.phone {
            check(o.file, None, p);
        }
    }
    for c in &raw.contact_points {
        if let Some(p) = &c.front.phone {
            check(c.file, None, p);
        }
    }
}

/// Names compared without case and extra spaces.
fn name_key(name: &str) -> String {
    name.split_whitespace().collect::<Vec<_>>().join(" ").to_lowercase()
}

fn duplicate_names(raw: &RawDirectory, sources: &Sources, out: &mut Vec<Diagnostic>) {
    // (key) -> entries (display path, file, span, name), in path order.
    let mut by_name: BTreeMap<String, Vec<(String, FileId, Range<usize>, String)>> = BTreeMap::new();
    let mut add = |file: FileId, name: &toml::Spanned<String>| {
        let key = name_key(name.get_ref());
        if !key.is_empty() {
            by_name.entry(key).or_default().push((
                sources.get(file).display.clone(),
                file,
                name.span(),
                name.get_ref().trim().to_owned(),
            ));
        }
    };
    raw.groups.iter().for_each(|g| add(g.file, &g.front.name));
    raw.organisations.iter().for_each(|o| add(o.file, &o.front.name));
    raw.contact_points.iter().for_each(|c| add(c.file, &c.front.name));
    for (_, mut entries) in by_name {
        if entries.len() < 2 {
            continue;
        }
        entries.sort_by(|a, b| a.0.cmp(&b.0));
        let first = entries[0].0.clone();
        for (_, file, span, name) in entries.into_iter().skip(1) {
            warn(out, file, Some(span), Message::DuplicateName { name, other: first.clone() });
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn german_phone_numbers() {
        for ok in [
            "01234 5678-0",
            "030 1234567",
            "+49 30 1234567",
            "+49 (0)30 1234567",
            "0049 30 1234567",
            "0171/1234567",
            "(0 30) 12 34 56",
            "116 117",
            "115",
            "+43 1 234567",
            "0800 1110111",
        ] {
            assert!(plausible_german_phone(ok), "{ok}");
        }
        for bad in ["987654", "Tel. 030 123456", "01234", "+49 1", "030 12345678901234", "info@x.de", "0049", "00 12"] {
            assert!(!plausible_german_phone(bad), "{bad}");
        }
    }

    #[test]
    fn value_span_finds_the_quoted_value() {
        let text = "+++\nname = \"X\"\nphone = \"987654\"\n+++\n";
        let span = value_span(text, "phone", "987654").unwrap();
        assert_eq!(&text[span], "\"987654\"");
    }
}
