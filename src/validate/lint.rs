//! Warnings for data that is valid but probably not what the editors meant:
//! a meeting that ends before it starts, an organisation no group names, an
//! indication nobody uses, a phone number that cannot be a German number,
//! two entries with the same name. They are notices: they never stop a
//! build, not even with `--strict` (which the contract defines for its
//! warnings: stale entries and unprintable text).
//!
//! The checks read the loaded files ([`RawDirectory`]), where the locations
//! are. [`crate::project::Project::open`] reports those across files only
//! when the directory is otherwise valid, so a broken file never causes a
//! follow-up notice elsewhere (e.g. "indication unused" because the group
//! using it did not parse); those about one file alone (a meeting's times,
//! a phone number) always.

use std::ops::Range;

use rustc_hash::{FxHashMap as HashMap, FxHashSet as HashSet};
use toml::Spanned;

use crate::diagnostics::{Diagnostic, FileId, Message, Sources};
use crate::format::raw::GroupFront;
use crate::load::RawDirectory;
use crate::model::meeting::Time;

/// All notices of this module for `raw`.
pub fn lint(raw: &RawDirectory, sources: &Sources) -> Vec<Diagnostic> {
    let groups = Groups::of(raw);
    let mut out = groups.end_before_start;
    organisations_without_groups(raw, &groups.organisations, &mut out);
    unused_indications(raw, &groups.indications, &mut out);
    phones(raw, &groups.phones, sources, &mut out);
    duplicate_names(raw, &groups.names, sources, &mut out);
    out
}

fn notice(out: &mut Vec<Diagnostic>, file: FileId, span: Option<Range<usize>>, m: Message) {
    out.push(Diagnostic::notice(file, span, m));
}

/// What the checks need from the groups, gathered in one pass over them
/// (there may be ten thousand).
struct Groups<'a> {
    /// Warnings about meetings that end before they start.
    end_before_start: Vec<Diagnostic>,
    /// Slugs of the organisations named.
    organisations: HashSet<&'a str>,
    /// Ids of the indications named.
    indications: HashSet<&'a str>,
    /// Phone numbers.
    phones: Vec<(FileId, &'a Spanned<String>)>,
    /// Names.
    names: Vec<(FileId, &'a Spanned<String>)>,
}

impl<'a> Groups<'a> {
    fn of(raw: &'a RawDirectory) -> Groups<'a> {
        let mut groups = Groups {
            end_before_start: Vec::new(),
            organisations: HashSet::default(),
            indications: HashSet::default(),
            phones: Vec::new(),
            names: Vec::with_capacity(raw.groups.len()),
        };
        for g in &raw.groups {
            let f = &g.front;
            meetings(g.file, f, &mut groups.end_before_start);
            groups
                .organisations
                .extend(f.organisation.as_ref().map(|o| o.get_ref().as_str()));
            groups
                .indications
                .extend(f.indications.get_ref().iter().map(|i| i.get_ref().as_str()));
            groups.phones.extend(
                f.contact
                    .as_ref()
                    .and_then(|c| c.get_ref().phone.as_ref())
                    .map(|p| (g.file, p)),
            );
            groups.names.push((g.file, &f.name));
        }
        groups
    }
}

fn meetings(file: FileId, group: &GroupFront, out: &mut Vec<Diagnostic>) {
    for m in &group.meetings {
        let m = m.get_ref();
        let (Some(start), Some(end)) = (&m.start, &m.end) else {
            continue;
        };
        let (Some(s), Some(e)) = (Time::parse(start.get_ref()), Time::parse(end.get_ref())) else {
            continue;
        };
        if (e.hour, e.minute) < (s.hour, s.minute) {
            notice(
                out,
                file,
                Some(end.span()),
                Message::EndBeforeStart {
                    start: s.to_string(),
                    end: e.to_string(),
                },
            );
        }
    }
}

fn organisations_without_groups(
    raw: &RawDirectory,
    named: &HashSet<&str>,
    out: &mut Vec<Diagnostic>,
) {
    for o in &raw.organisations {
        if !named.contains(o.slug.as_str()) {
            notice(
                out,
                o.file,
                Some(o.front.name.span()),
                Message::OrganisationWithoutGroups {
                    slug: o.slug.clone(),
                },
            );
        }
    }
}

fn unused_indications(raw: &RawDirectory, by_groups: &HashSet<&str>, out: &mut Vec<Diagnostic>) {
    let Some((file, indications)) = &raw.indications else {
        return;
    };
    let by_organisations: HashSet<&str> = raw
        .organisations
        .iter()
        .flat_map(|o| o.front.indications.iter().map(|i| i.get_ref().as_str()))
        .collect();
    for id in indications.keys() {
        let id_str = id.get_ref().as_str();
        if !by_groups.contains(id_str) && !by_organisations.contains(id_str) {
            notice(
                out,
                *file,
                Some(id.span()),
                Message::UnusedIndication {
                    id: id.get_ref().clone(),
                },
            );
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
    if s.is_empty()
        || !s
            .chars()
            .all(|c| c.is_ascii_digit() || " +/-().\u{a0}".contains(c))
    {
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
        if let Some(rest) = trimmed.strip_prefix(key)
            && rest.trim_start().starts_with('=')
            && let Some(i) = line.find(value)
        {
            let start = offset + i;
            // Include the quotes when they are there.
            let (s, e) = if i > 0 && line[..i].ends_with(['"', '\'']) {
                (start - 1, start + value.len() + 1)
            } else {
                (start, start + value.len())
            };
            return Some(s..e.min(text.len()));
        }
        offset += line.len();
    }
    None
}

fn phones(
    raw: &RawDirectory,
    of_groups: &[(FileId, &Spanned<String>)],
    sources: &Sources,
    out: &mut Vec<Diagnostic>,
) {
    let mut check = |file: FileId, span: Option<Range<usize>>, value: &str| {
        if !plausible_german_phone(value) {
            let span = span.or_else(|| value_span(&sources.get(file).text, "phone", value));
            notice(
                out,
                file,
                span,
                Message::ImplausiblePhone {
                    value: value.to_owned(),
                },
            );
        }
    };
    if let Some((file, s)) = &raw.settings
        && let Some(p) = &s.publisher.phone
    {
        check(*file, None, p);
    }
    for (file, p) in of_groups {
        check(*file, Some(p.span()), p.get_ref());
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
    let mut joined = String::with_capacity(name.len());
    for word in name.split_whitespace() {
        if !joined.is_empty() {
            joined.push(' ');
        }
        joined.push_str(word);
    }
    joined.to_lowercase()
}

fn duplicate_names(
    raw: &RawDirectory,
    of_groups: &[(FileId, &Spanned<String>)],
    sources: &Sources,
    out: &mut Vec<Diagnostic>,
) {
    // (key) -> entries (file, name); display paths only for duplicates.
    let mut by_name: HashMap<String, Vec<(FileId, &Spanned<String>)>> = HashMap::default();
    let names = (of_groups.iter().copied())
        .chain(raw.organisations.iter().map(|o| (o.file, &o.front.name)))
        .chain(raw.contact_points.iter().map(|c| (c.file, &c.front.name)));
    for (file, name) in names {
        let key = name_key(name.get_ref());
        if !key.is_empty() {
            by_name.entry(key).or_default().push((file, name));
        }
    }
    type Named<'a> = Vec<(FileId, &'a Spanned<String>)>;
    let mut duplicates: Vec<(String, Named)> = by_name
        .into_iter()
        .filter(|(_, entries)| entries.len() > 1)
        .collect();
    duplicates.sort_by(|a, b| a.0.cmp(&b.0));
    for (_, entries) in duplicates {
        let mut entries: Vec<(&str, FileId, &Spanned<String>)> = entries
            .into_iter()
            .map(|(file, name)| (sources.get(file).display.as_str(), file, name))
            .collect();
        entries.sort_by(|a, b| a.0.cmp(b.0));
        let first = entries[0].0.to_owned();
        for (_, file, name) in entries.into_iter().skip(1) {
            let m = Message::DuplicateName {
                name: name.get_ref().trim().to_owned(),
                other: first.clone(),
            };
            notice(out, file, Some(name.span()), m);
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
        for bad in [
            "987654",
            "Tel. 030 123456",
            "01234",
            "+49 1",
            "030 12345678901234",
            "info@x.de",
            "0049",
            "00 12",
        ] {
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
