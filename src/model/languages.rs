//! The languages groups meet in: the ISO 639-1 codes and their names in
//! German and English (the interface languages).

/// The German name of an ISO 639-1 code, if known.
pub fn language_name_de(code: &str) -> Option<&'static str> {
    Some(match code {
        "ar" => "Arabisch",
        "bg" => "Bulgarisch",
        "bs" => "Bosnisch",
        "cs" => "Tschechisch",
        "da" => "Dänisch",
        "de" => "Deutsch",
        "el" => "Griechisch",
        "en" => "Englisch",
        "es" => "Spanisch",
        "fa" => "Persisch",
        "fi" => "Finnisch",
        "fr" => "Französisch",
        "he" => "Hebräisch",
        "hr" => "Kroatisch",
        "hu" => "Ungarisch",
        "it" => "Italienisch",
        "ja" => "Japanisch",
        "ku" => "Kurdisch",
        "lt" => "Litauisch",
        "lv" => "Lettisch",
        "nl" => "Niederländisch",
        "no" => "Norwegisch",
        "pl" => "Polnisch",
        "ps" => "Paschtu",
        "pt" => "Portugiesisch",
        "ro" => "Rumänisch",
        "ru" => "Russisch",
        "sk" => "Slowakisch",
        "sl" => "Slowenisch",
        "sq" => "Albanisch",
        "sr" => "Serbisch",
        "sv" => "Schwedisch",
        "ti" => "Tigrinya",
        "tr" => "Türkisch",
        "uk" => "Ukrainisch",
        "ur" => "Urdu",
        "vi" => "Vietnamesisch",
        "zh" => "Chinesisch",
        _ => return None,
    })
}

/// The English name of an ISO 639-1 code, if known (the same codes as
/// [`language_name_de`]; a test checks it).
pub fn language_name_en(code: &str) -> Option<&'static str> {
    Some(match code {
        "ar" => "Arabic",
        "bg" => "Bulgarian",
        "bs" => "Bosnian",
        "cs" => "Czech",
        "da" => "Danish",
        "de" => "German",
        "el" => "Greek",
        "en" => "English",
        "es" => "Spanish",
        "fa" => "Persian",
        "fi" => "Finnish",
        "fr" => "French",
        "he" => "Hebrew",
        "hr" => "Croatian",
        "hu" => "Hungarian",
        "it" => "Italian",
        "ja" => "Japanese",
        "ku" => "Kurdish",
        "lt" => "Lithuanian",
        "lv" => "Latvian",
        "nl" => "Dutch",
        "no" => "Norwegian",
        "pl" => "Polish",
        "ps" => "Pashto",
        "pt" => "Portuguese",
        "ro" => "Romanian",
        "ru" => "Russian",
        "sk" => "Slovak",
        "sl" => "Slovenian",
        "sq" => "Albanian",
        "sr" => "Serbian",
        "sv" => "Swedish",
        "ti" => "Tigrinya",
        "tr" => "Turkish",
        "uk" => "Ukrainian",
        "ur" => "Urdu",
        "vi" => "Vietnamese",
        "zh" => "Chinese",
        _ => return None,
    })
}

/// The name of `code` in the interface language `language` ("de" or
/// "en"), or the code itself where no name is known.
pub fn language_name(code: &str, language: &str) -> String {
    let name = if language == "en" {
        language_name_en(code)
    } else {
        language_name_de(code)
    };
    name.unwrap_or(code).to_owned()
}

/// Every ISO 639-1 code, sorted (184: the 183 current codes and the
/// collective `bh`). Source: the `alpha_2` codes of Debian's iso-codes 4.15.0,
/// `iso_639-2.json`, which follows the ISO 639-2 registration authority
/// (Library of Congress, <https://www.loc.gov/standards/iso639-2/php/code_list.php>).
pub const ISO_639_1: [&str; 184] = [
    "aa", "ab", "ae", "af", "ak", "am", "an", "ar", "as", "av", "ay", "az", "ba", "be", "bg", "bh",
    "bi", "bm", "bn", "bo", "br", "bs", "ca", "ce", "ch", "co", "cr", "cs", "cu", "cv", "cy", "da",
    "de", "dv", "dz", "ee", "el", "en", "eo", "es", "et", "eu", "fa", "ff", "fi", "fj", "fo", "fr",
    "fy", "ga", "gd", "gl", "gn", "gu", "gv", "ha", "he", "hi", "ho", "hr", "ht", "hu", "hy", "hz",
    "ia", "id", "ie", "ig", "ii", "ik", "io", "is", "it", "iu", "ja", "jv", "ka", "kg", "ki", "kj",
    "kk", "kl", "km", "kn", "ko", "kr", "ks", "ku", "kv", "kw", "ky", "la", "lb", "lg", "li", "ln",
    "lo", "lt", "lu", "lv", "mg", "mh", "mi", "mk", "ml", "mn", "mr", "ms", "mt", "my", "na", "nb",
    "nd", "ne", "ng", "nl", "nn", "no", "nr", "nv", "ny", "oc", "oj", "om", "or", "os", "pa", "pi",
    "pl", "ps", "pt", "qu", "rm", "rn", "ro", "ru", "rw", "sa", "sc", "sd", "se", "sg", "si", "sk",
    "sl", "sm", "sn", "so", "sq", "sr", "ss", "st", "su", "sv", "sw", "ta", "te", "tg", "th", "ti",
    "tk", "tl", "tn", "to", "tr", "ts", "tt", "tw", "ty", "ug", "uk", "ur", "uz", "ve", "vi", "vo",
    "wa", "wo", "xh", "yi", "yo", "za", "zh", "zu",
];

/// Is `code` an ISO 639-1 code?
pub fn is_iso_639_1(code: &str) -> bool {
    ISO_639_1.binary_search(&code).is_ok()
}

/// The code probably meant by a `wrong` one that is not in ISO 639-1: the
/// same in lowercase, an old or withdrawn code, a country code used for
/// its language, two letters swapped, or the only common language (one
/// with a German name above) with the same first letter.
pub fn suggest_code(wrong: &str) -> Option<&'static str> {
    let lower = wrong.trim().to_ascii_lowercase();
    if let Ok(i) = ISO_639_1.binary_search(&lower.as_str()) {
        return Some(ISO_639_1[i]);
    }
    const INSTEAD: [(&str, &str); 20] = [
        ("al", "sq"),
        ("at", "de"),
        ("by", "be"),
        ("cn", "zh"),
        ("cz", "cs"),
        ("dk", "da"),
        ("gb", "en"),
        ("gr", "el"),
        ("il", "he"),
        ("in", "id"),
        ("ir", "fa"),
        ("iw", "he"),
        ("ji", "yi"),
        ("jp", "ja"),
        ("jw", "jv"),
        ("mo", "ro"),
        ("rs", "sr"),
        ("ua", "uk"),
        ("us", "en"),
        ("vn", "vi"),
    ];
    if let Some((_, to)) = INSTEAD.iter().find(|(from, _)| *from == lower) {
        return Some(to);
    }
    let b = lower.as_bytes();
    if b.len() != 2 {
        return None;
    }
    let common = |c: &str| language_name_de(c).is_some();
    let swapped = format!("{}{}", b[1] as char, b[0] as char);
    if let Some(&c) = ISO_639_1.iter().find(|c| **c == swapped && common(c)) {
        return Some(c);
    }
    let mut near = ISO_639_1.iter().filter(|c| common(c)).filter(|c| {
        let c = c.as_bytes();
        c[0] == b[0] && c[1] != b[1]
    });
    match (near.next(), near.next()) {
        (Some(&c), None) => Some(c),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_named_language_has_both_names() {
        for c in ISO_639_1 {
            assert_eq!(
                language_name_de(c).is_some(),
                language_name_en(c).is_some(),
                "{c}"
            );
        }
        assert_eq!(language_name("tr", "en"), "Turkish");
        assert_eq!(language_name("tr", "de"), "Türkisch");
        assert_eq!(language_name("xx", "en"), "xx");
    }

    #[test]
    fn the_list_is_sorted_and_complete() {
        assert!(ISO_639_1.windows(2).all(|w| w[0] < w[1]));
        assert!(
            ISO_639_1
                .iter()
                .all(|c| c.len() == 2 && c.bytes().all(|b| b.is_ascii_lowercase()))
        );
        for c in [
            "de", "en", "tr", "ru", "ar", "uk", "fa", "ku", "zu", "aa", "se", "kr",
        ] {
            assert!(is_iso_639_1(c), "{c}");
        }
        for c in ["xx", "qq", "dk", "jp", "iw", "zz"] {
            assert!(!is_iso_639_1(c), "{c}");
        }
        // Every code with a German name is a real one.
        for a in b'a'..=b'z' {
            for b in b'a'..=b'z' {
                let c = format!("{}{}", a as char, b as char);
                assert!(language_name_de(&c).is_none() || is_iso_639_1(&c), "{c}");
            }
        }
    }

    #[test]
    fn suggests_only_obvious_codes() {
        assert_eq!(suggest_code("DE"), Some("de"));
        assert_eq!(suggest_code("ua"), Some("uk"));
        assert_eq!(suggest_code("jp"), Some("ja"));
        assert_eq!(suggest_code("ed"), Some("de"));
        assert_eq!(suggest_code("zx"), Some("zh"));
        assert_eq!(suggest_code("tq"), None, "ti or tr");
        assert_eq!(suggest_code("xx"), None);
        assert_eq!(suggest_code("qq"), None);
        assert_eq!(suggest_code("deutsch"), None);
    }
}
