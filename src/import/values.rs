//! Cell texts as values: slugs from names, dates as spreadsheets hold them,
//! yes/no, and indications by id, name or synonym.

use std::collections::HashMap;

use super::table::{Cell, serial_date};
use crate::model::{Date, suggest};

/// Folds German spelling for comparing: lowercase, ä → ae, ö → oe,
/// ü → ue, ß → ss, every other character but letters and digits dropped
/// ("Zöliakie" = "zoeliakie" = "ZOELIAKIE").
pub fn fold(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars().flat_map(char::to_lowercase) {
        match c {
            'ä' => out.push_str("ae"),
            'ö' => out.push_str("oe"),
            'ü' => out.push_str("ue"),
            'ß' => out.push_str("ss"),
            c if c.is_alphanumeric() => out.push(c),
            _ => {}
        }
    }
    out
}

/// The slug of a name: lowercase, ä → ae, ö → oe, ü → ue, ß → ss, other
/// accented letters without their accent, every other character a
/// hyphen (never two in a row, none at either end). "" if nothing is left.
pub fn slugify(name: &str) -> String {
    let mut out = String::with_capacity(name.len());
    let mut hyphen = false;
    for c in name.chars().flat_map(char::to_lowercase) {
        let piece: &str = match c {
            'ä' => "ae",
            'ö' => "oe",
            'ü' => "ue",
            'ß' => "ss",
            'à' | 'á' | 'â' | 'ã' | 'å' => "a",
            'ç' => "c",
            'è' | 'é' | 'ê' | 'ë' => "e",
            'ì' | 'í' | 'î' | 'ï' => "i",
            'ñ' => "n",
            'ò' | 'ó' | 'ô' | 'õ' | 'ø' => "o",
            'ù' | 'ú' | 'û' => "u",
            'ý' | 'ÿ' => "y",
            c if c.is_ascii_alphanumeric() => {
                if hyphen && !out.is_empty() {
                    out.push('-');
                }
                hyphen = false;
                out.push(c);
                continue;
            }
            _ => {
                hyphen = true;
                continue;
            }
        };
        if hyphen && !out.is_empty() {
            out.push('-');
        }
        hyphen = false;
        out.push_str(piece);
    }
    out
}

/// Reads a date cell: a date cell, an Excel serial number (as number or
/// digits), `2026-09-14` or German `14.09.2026` / `14.9.26`.
pub fn date(cell: &Cell) -> Option<Date> {
    match cell {
        Cell::Date(d) => Some(*d),
        Cell::Number(n) => serial_date(*n),
        Cell::Empty => None,
        Cell::Text(t) => date_text(t.trim()),
    }
}

fn date_text(t: &str) -> Option<Date> {
    if let Ok(d) = t.get(..10).unwrap_or(t).parse::<Date>() {
        return Some(d);
    }
    if !t.is_empty() && t.bytes().all(|b| b.is_ascii_digit()) && t.len() <= 6 {
        return t.parse::<f64>().ok().and_then(serial_date);
    }
    let parts: Vec<&str> = t.split('.').map(str::trim).collect();
    if let [d, m, y] = parts[..] {
        let (d, m) = (d.parse::<i8>().ok()?, m.parse::<i8>().ok()?);
        let y = match y.parse::<i16>().ok()? {
            y if y < 100 && y.to_string().len() <= 2 => 2000 + y,
            y => y,
        };
        return Date::new(y, m, d).ok();
    }
    None
}

/// Reads yes/no: ja/nein, j/n, yes/no, true/false, x/(empty), 1/0, wahr/falsch.
pub fn bool(text: &str) -> Option<bool> {
    match text.trim().to_lowercase().as_str() {
        "ja" | "j" | "yes" | "y" | "true" | "wahr" | "x" | "1" => Some(true),
        "nein" | "n" | "no" | "false" | "falsch" | "0" | "-" => Some(false),
        _ => None,
    }
}

/// Splits a list cell at any of the separators; parts trimmed, empty ones
/// dropped. Line breaks always separate.
pub fn split_list(text: &str, separators: &[String]) -> Vec<String> {
    let mut parts = vec![text.replace("\r\n", "\n")];
    for sep in separators.iter().map(String::as_str).chain(["\n"]) {
        if sep.is_empty() {
            continue;
        }
        parts = parts
            .iter()
            .flat_map(|p| p.split(sep).map(str::to_owned).collect::<Vec<_>>())
            .collect();
    }
    parts
        .into_iter()
        .map(|p| p.trim().to_owned())
        .filter(|p| !p.is_empty())
        .collect()
}

/// The indications of a directory, found by id, name or synonym.
#[derive(Debug, Default, Clone)]
pub struct IndicationIndex {
    by_key: HashMap<String, String>,
    /// Names and synonyms for "did you mean", with their ids.
    words: Vec<(String, String)>,
}

impl IndicationIndex {
    /// Adds an indication.
    pub fn add(&mut self, id: &str, name: &str, synonyms: &[String]) {
        for word in [name, id]
            .into_iter()
            .chain(synonyms.iter().map(String::as_str))
        {
            self.by_key
                .entry(fold(word))
                .or_insert_with(|| id.to_owned());
            self.words.push((word.to_owned(), id.to_owned()));
        }
    }

    /// The id of an id, name or synonym (case and umlaut spelling ignored).
    pub fn find(&self, text: &str) -> Option<&str> {
        self.by_key.get(&fold(text)).map(String::as_str)
    }

    /// The closest name or synonym, for "did you mean".
    pub fn suggest(&self, text: &str) -> Option<String> {
        let folded = fold(text);
        let folded_words: Vec<(String, &str)> = self
            .words
            .iter()
            .map(|(w, _)| (fold(w), w.as_str()))
            .collect();
        let best = suggest(&folded, folded_words.iter().map(|(f, _)| f.as_str()))?;
        folded_words
            .iter()
            .find(|(f, _)| *f == best)
            .map(|(_, w)| (*w).to_owned())
    }

    /// True if the id is taken.
    pub fn has_id(&self, id: &str) -> bool {
        self.by_key.values().any(|v| v == id)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn slugs() {
        assert_eq!(
            slugify("Zöliakie-Gruppe Süd (Straße 1)"),
            "zoeliakie-gruppe-sued-strasse-1"
        );
        assert_eq!(slugify("  ÄÖÜ  "), "aeoeue");
        assert_eq!(slugify("Café Crème"), "cafe-creme");
        assert_eq!(slugify("!!!"), "");
        // A name can never lead out of content/<kind>/: only a–z, 0–9, '-'.
        assert_eq!(slugify("../../etc/passwd"), "etc-passwd");
        assert_eq!(slugify("C:\\Windows\\x"), "c-windows-x");
    }

    #[test]
    fn dates() {
        let d: Date = "2026-09-14".parse().unwrap();
        assert_eq!(date(&Cell::Text("14.09.2026".into())), Some(d));
        assert_eq!(date(&Cell::Text("14.9.26".into())), Some(d));
        assert_eq!(date(&Cell::Text("2026-09-14".into())), Some(d));
        assert_eq!(date(&Cell::Text("46279".into())), Some(d));
        assert_eq!(date(&Cell::Number(46279.0)), Some(d));
        assert_eq!(date(&Cell::Text("31.02.2026".into())), None);
        assert_eq!(date(&Cell::Text("bald".into())), None);
    }

    #[test]
    fn indications_by_name_and_spelling() {
        let mut i = IndicationIndex::default();
        i.add("zoeliakie", "Zöliakie", &["Glutenunverträglichkeit".into()]);
        assert_eq!(i.find("zoeliakie"), Some("zoeliakie"));
        assert_eq!(i.find("ZÖLIAKIE"), Some("zoeliakie"));
        assert_eq!(i.find("glutenunvertraeglichkeit"), Some("zoeliakie"));
        assert_eq!(i.find("Rheuma"), None);
        assert_eq!(i.suggest("Zoeliaki").as_deref(), Some("Zöliakie"));
    }

    #[test]
    fn lists() {
        let seps = vec![",".to_owned(), ";".to_owned(), "/".to_owned()];
        assert_eq!(
            split_list("a, b;c / d\ne", &seps),
            ["a", "b", "c", "d", "e"]
        );
    }
}
