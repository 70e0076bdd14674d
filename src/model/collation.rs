//! German dictionary order (DIN 5007-1) and A–Z letters.
//!
//! Ordering uses ICU4X's collator with the German locale (the CLDR root
//! collation, which treats Ä like A, Ö like O, Ü like U and ß like ss on
//! the primary level, ignores case there and puts digits before letters).
//! Sort keys are the collator's binary keys, so sorting is a byte
//! comparison and the same everywhere.

use std::sync::OnceLock;

use icu_collator::options::{CollatorOptions, Strength};
use icu_collator::{CollatorBorrowed, CollatorPreferences};
use icu_locale_core::locale;
use rustc_hash::FxHashMap;
use serde::Serialize;

use super::Directory;

fn collator() -> &'static CollatorBorrowed<'static> {
    static C: OnceLock<CollatorBorrowed<'static>> = OnceLock::new();
    C.get_or_init(|| {
        let mut options = CollatorOptions::default();
        options.strength = Some(Strength::Tertiary);
        let prefs = CollatorPreferences::from(&locale!("de"));
        #[allow(clippy::expect_used)]
        CollatorBorrowed::try_new(prefs, options).expect("German collation data is compiled in")
    })
}

/// A binary collation key: comparing keys compares the strings in German
/// dictionary order. Ties are broken by the text itself, so the order is
/// total and stable.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct SortKey(Vec<u8>, String);

impl SortKey {
    /// The key of a text.
    pub fn new(text: &str) -> SortKey {
        let mut key = Vec::with_capacity(text.len() * 2);
        let _ = collator().write_sort_key_to(text, &mut key);
        SortKey(key, text.to_owned())
    }

    /// The text the key was made from.
    pub fn text(&self) -> &str {
        &self.1
    }
}

/// The sort keys of an earlier model of the directory, by text. Collating
/// is the costliest part of building a model, and from one build to the
/// next (`serve`) almost all names are the same.
#[derive(Debug, Default)]
pub struct KnownSortKeys<'a> {
    keys: FxHashMap<&'a str, &'a SortKey>,
}

impl<'a> KnownSortKeys<'a> {
    /// The keys of the entries, their aliases and the indications of `dir`.
    pub fn of(dir: &'a Directory) -> KnownSortKeys<'a> {
        let mut keys = FxHashMap::default();
        keys.reserve(dir.entry_count() + dir.indications.len());
        for e in dir.entries() {
            let meta = dir.meta(e);
            keys.insert(meta.sort_key.text(), &meta.sort_key);
            keys.extend(
                meta.aliases
                    .iter()
                    .map(|a| (a.sort_key.text(), &a.sort_key)),
            );
        }
        keys.extend(
            dir.indications
                .iter()
                .map(|i| (i.sort_key.text(), &i.sort_key)),
        );
        KnownSortKeys { keys }
    }

    /// The key of a text: the known one, or a new one.
    pub fn key(&self, text: &str) -> SortKey {
        match self.keys.get(text) {
            Some(&key) => key.clone(),
            None => SortKey::new(text),
        }
    }
}

/// A letter page of the A–Z: `a`..`z` or `0-9` for everything else.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
pub struct Letter(u8);

impl Letter {
    /// The page for digits and every other character.
    pub const OTHER: Letter = Letter(0);

    /// All 27 letter pages in order: `0-9`, then `a`..`z`.
    pub fn all() -> impl Iterator<Item = Letter> {
        std::iter::once(Letter::OTHER).chain((b'a'..=b'z').map(Letter))
    }

    /// The letter of a sort text: its first character, diacritics removed
    /// (Ä → a, ß → s); digits and anything else → `0-9`.
    pub fn of(text: &str) -> Letter {
        let Some(c) = text.trim_start().chars().next() else {
            return Letter::OTHER;
        };
        let base = base_letter(c);
        if base.is_ascii_alphabetic() {
            Letter(base.to_ascii_lowercase() as u8)
        } else {
            Letter::OTHER
        }
    }

    /// The URL segment: `a`..`z` or `0-9`.
    pub fn slug(self) -> &'static str {
        const SLUGS: [&str; 27] = [
            "0-9", "a", "b", "c", "d", "e", "f", "g", "h", "i", "j", "k", "l", "m", "n", "o", "p",
            "q", "r", "s", "t", "u", "v", "w", "x", "y", "z",
        ];
        if self.0 == 0 {
            SLUGS[0]
        } else {
            SLUGS[(self.0 - b'a' + 1) as usize]
        }
    }

    /// How the letter is shown: `A`..`Z` or `0–9`.
    pub fn label(self) -> String {
        if self.0 == 0 {
            "0–9".to_owned()
        } else {
            (self.0 as char).to_ascii_uppercase().to_string()
        }
    }
}

/// The Latin base letter of a character (`Ä` → `A`, `ß` → `s`, `Ø` → `O`).
fn base_letter(c: char) -> char {
    if c.is_ascii() {
        return c;
    }
    match c {
        'ß' | 'ẞ' => return 's',
        'Æ' | 'æ' => return 'a',
        'Œ' | 'œ' => return 'o',
        'Ø' | 'ø' => return 'o',
        'Ł' | 'ł' => return 'l',
        'Đ' | 'đ' => return 'd',
        'ı' => return 'i',
        _ => {}
    }
    // Canonical decomposition: the first code point is the base letter.
    let nfd = icu_normalizer::DecomposingNormalizerBorrowed::new_nfd();
    let mut buf = [0; 4];
    let decomposed = nfd.normalize(c.encode_utf8(&mut buf));
    decomposed.chars().next().unwrap_or(c)
}

/// The closest candidate to `wrong` for "did you mean", if one is close.
pub fn suggest<'a>(wrong: &str, candidates: impl IntoIterator<Item = &'a str>) -> Option<String> {
    let mut best: Option<(f64, &str)> = None;
    for c in candidates {
        let score = strsim::jaro_winkler(wrong, c);
        if score >= 0.8 && best.is_none_or(|(s, _)| score > s) {
            best = Some((score, c));
        }
    }
    best.map(|(_, c)| c.to_owned())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sorted(words: &[&str]) -> Vec<String> {
        let mut v: Vec<_> = words.iter().map(|w| SortKey::new(w)).collect();
        v.sort();
        v.into_iter().map(|k| k.text().to_owned()).collect()
    }

    #[test]
    fn din_5007_1_order() {
        assert_eq!(
            sorted(&[
                "Zöliakie",
                "Ängste",
                "Angst",
                "Adipositas",
                "Ärger",
                "Übergewicht",
                "Uhren"
            ]),
            [
                "Adipositas",
                "Angst",
                "Ängste",
                "Ärger",
                "Übergewicht",
                "Uhren",
                "Zöliakie"
            ]
        );
        // ß sorts as ss; case is ignored on the primary level.
        assert_eq!(
            sorted(&["Strasse B", "Straße A"]),
            ["Straße A", "Strasse B"]
        );
        assert_eq!(sorted(&["bär", "Bad", "BAUM"]), ["Bad", "bär", "BAUM"]);
        // digits first
        assert_eq!(
            sorted(&["Alkohol", "50plus", "1000 Schritte"]),
            ["1000 Schritte", "50plus", "Alkohol"]
        );
    }

    #[test]
    fn letters() {
        assert_eq!(Letter::of("Ängste").slug(), "a");
        assert_eq!(Letter::of("Übergewicht").slug(), "u");
        assert_eq!(Letter::of("ßtest").slug(), "s");
        assert_eq!(Letter::of("50plus").slug(), "0-9");
        assert_eq!(Letter::of("„Lichtblick“").slug(), "0-9");
        assert_eq!(Letter::of("Çocuk").slug(), "c");
        assert_eq!(Letter::of("Ωmega").slug(), "0-9");
        assert_eq!(Letter::all().count(), 27);
        assert_eq!(Letter::of("z").label(), "Z");
    }

    #[test]
    fn suggestions() {
        assert_eq!(
            suggest("diabetis", ["diabetes", "depression"]),
            Some("diabetes".into())
        );
        assert_eq!(suggest("xyz", ["diabetes"]), None);
    }
}
