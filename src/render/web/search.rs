//! The search index: one compact JSON file (`/suche/index.json`) of every
//! live entry and every indication, searched in the browser by the theme's
//! `search.js` with the vendored MiniSearch library (umlaut folding, prefix
//! and fuzzy matching happen there, on index and query alike).
//!
//! Format (version 1):
//!
//! ```json
//! { "version": 1,
//!   "prefix": { "group": "/gruppen/", "organisation": "/organisationen/",
//!               "contact_point": "/kontaktstellen/", "topic": "/themen/" },
//!   "topics": [ ["diabetes", "Diabetes", ["Zuckerkrankheit", …]], … ],
//!   "entries": [ ["group", slug, name, [aliases], [topic numbers],
//!                 district, [languages], first sentence, status, facts], … ] }
//! ```
//!
//! Topic numbers index `topics`; the first is the primary indication.
//! Languages are German names, left out when a group meets in German only.
//! Status is `""` for active groups. Entries are in German A–Z order: their
//! position is their rank when the filters of `/suche/` list groups without
//! a search word (a rank per entry would change every record after an
//! insertion and defeat the incremental rebuild of `serve`).
//!
//! `facts` is `null` for organisations and contact points; for a group it
//! holds what the filters compare ([`super::filters::index_facts`]):
//! `[["affected", "relatives"], ["in-person", "online"], step-free 0|1,
//! [["tuesday", "evening"], …], ["tr", …]]` (audience; formats, a hybrid
//! group has both; a meeting with step-free access; weekday and time of
//! day of each regular meeting; languages other than German as codes).
//!
//! No addresses, places or personal contact details are in the index.

use std::sync::Arc;

use serde_json::{Map, Value, json};

use crate::model::*;

use super::views::{Texts, Urls, kind_code, language_name, notable_status};
use super::{filters, json_parts};

/// Site path of the index.
pub const INDEX_PATH: &str = "/suche/index.json";

const ABBREVIATIONS: [&str; 14] = [
    "z", "b", "ca", "bzw", "usw", "ggf", "evtl", "inkl", "nr", "str", "tel", "u", "d", "vgl",
];

/// The first sentence of a text (at most about 160 characters).
pub fn first_sentence(text: &str) -> String {
    let text = text.trim();
    let mut end = None;
    for (i, c) in text.char_indices() {
        if matches!(c, '.' | '!' | '?') && i >= 20 {
            let next = text[i + c.len_utf8()..].chars().next();
            let word = text[..i].rsplit(char::is_whitespace).next().unwrap_or("");
            // Not after ordinals ("2. Mittwoch") or abbreviations ("z. B.", "ca.").
            let abbreviation = c == '.'
                && (word.ends_with(|ch: char| ch.is_ascii_digit())
                    || word.contains('.')
                    || ABBREVIATIONS.contains(&word.to_lowercase().as_str()));
            if next.is_none_or(char::is_whitespace) && !abbreviation {
                end = Some(i + c.len_utf8());
                break;
            }
        }
        if i > 200 {
            break;
        }
    }
    let s = match end {
        Some(e) if e <= 200 => &text[..e],
        _ => text,
    };
    if s.chars().count() <= 200 {
        return s.to_owned();
    }
    let mut cut: String = s.chars().take(160).collect();
    if let Some(space) = cut.rfind(' ') {
        cut.truncate(space);
    }
    cut.push('…');
    cut
}

/// The index as JSON bytes (deterministic: A–Z order of the model).
pub fn index(dir: &Directory, urls: &Urls, texts: &Texts) -> Vec<u8> {
    let entries: Vec<Arc<Vec<u8>>> = listed(dir)
        .map(|e| Arc::new(entry(dir, texts, e)))
        .collect();
    json_parts::join(&assemble(dir, urls, &entries))
}

/// The entries in the index, in its order: every live entry, A–Z.
pub fn listed(dir: &Directory) -> impl Iterator<Item = EntryRef> + '_ {
    dir.az
        .iter()
        .filter(|l| l.alias.is_none() && dir.is_live_on_web(l.entry))
        .map(|l| l.entry)
}

/// One entry of the index, serialised (it depends on the entry alone, and
/// on the indications, whose numbers it holds).
pub fn entry(dir: &Directory, texts: &Texts, e: EntryRef) -> Vec<u8> {
    let meta = dir.meta(e);
    let aliases: Vec<&str> = meta.aliases.iter().map(|a| a.name.as_str()).collect();
    let text = first_sentence(&texts.get(e).summary);
    let (topics, district, languages, status, facts): (Vec<usize>, &str, Vec<String>, &str, Value) =
        match e {
            EntryRef::Group(g) => {
                let g = dir.group(g);
                let langs = if g.languages.iter().all(|l| l == "de") {
                    Vec::new()
                } else {
                    g.languages.iter().map(|c| language_name(dir, c)).collect()
                };
                (
                    g.indications.iter().map(|i| i.0).collect(),
                    g.district.as_deref().unwrap_or(""),
                    langs,
                    notable_status(g.status).unwrap_or(""),
                    filters::index_facts(g),
                )
            }
            EntryRef::Organisation(o) => (
                dir.organisation(o)
                    .indications
                    .iter()
                    .map(|i| i.0)
                    .collect(),
                "",
                Vec::new(),
                "",
                Value::Null,
            ),
            EntryRef::ContactPoint(_) => (Vec::new(), "", Vec::new(), "", Value::Null),
        };
    json_parts::to_bytes(&json!([
        kind_code(e),
        meta.slug,
        meta.name,
        aliases,
        topics,
        district,
        languages,
        text,
        status,
        facts
    ]))
}

/// The index around its entries (serialised by [`entry`], in the order of
/// [`listed`]), in parts.
pub fn assemble(dir: &Directory, urls: &Urls, entries: &[Arc<Vec<u8>>]) -> json_parts::Parts {
    let topics: Vec<Value> = dir
        .indications
        .iter()
        .map(|i| json!([i.id, i.name, i.synonyms]))
        .collect();
    let mut index = Map::new();
    index.insert("version".into(), 1.into());
    index.insert(
        "prefix".into(),
        json!({
            "group": urls.path("/gruppen/"),
            "organisation": urls.path("/organisationen/"),
            "contact_point": urls.path("/kontaktstellen/"),
            "topic": urls.path("/themen/"),
        }),
    );
    index.insert("topics".into(), topics.into());
    index.insert("entries".into(), Value::Array(Vec::new()));
    let mut parts = json_parts::object_with_arrays(&index, &[("entries", entries)]);
    parts.push(Arc::new(b"\n".to_vec()));
    parts
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sentences() {
        assert_eq!(
            first_sentence("Wir sind eine Gruppe für Menschen mit Diabetes. Wir treffen uns."),
            "Wir sind eine Gruppe für Menschen mit Diabetes."
        );
        assert_eq!(
            first_sentence("Ca. 20 Leute kommen z. B. jeden 2. Montag, ab 19 Uhr. Mehr"),
            "Ca. 20 Leute kommen z. B. jeden 2. Montag, ab 19 Uhr."
        );
        let long = "wort ".repeat(80);
        let s = first_sentence(&long);
        assert!(s.ends_with('…') && s.chars().count() <= 161);
    }
}
