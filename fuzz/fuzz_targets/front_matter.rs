//! Bytes of an entry file → decode (UTF-8, BOM), split the `+++` front
//! matter, parse the TOML into every file kind. Must never panic; every
//! reported span lies inside the text, on character boundaries.
#![no_main]

use libfuzzer_sys::fuzz_target;
use wegweiser::load::front_matter::{self, Problem};
use wegweiser::load::raw::{ContactPointFront, GroupFront, IndicationsFile, OrganisationFront, PageFront, SettingsFile};

fn check(text: &str, r: Result<impl Sized, Vec<Problem>>) {
    if let Err(problems) = r {
        assert!(!problems.is_empty());
        for (span, _) in problems {
            if let Some(s) = span {
                assert!(s.start <= s.end && s.end <= text.len(), "span {s:?} outside the text");
                assert!(text.is_char_boundary(s.start) && text.is_char_boundary(s.end));
            }
        }
    }
}

fn parse_all(t: &str) {
    check(t, front_matter::parse::<GroupFront>(t));
    check(t, front_matter::parse::<OrganisationFront>(t));
    check(t, front_matter::parse::<ContactPointFront>(t));
    check(t, front_matter::parse::<PageFront>(t));
    check(t, front_matter::parse::<SettingsFile>(t));
    check(t, front_matter::parse::<IndicationsFile>(t));
}

fuzz_target!(|data: &[u8]| {
    let (text, bad) = front_matter::decode(data);
    if let Some(offset) = bad {
        assert!(offset <= data.len());
    }
    match front_matter::split(&text) {
        Ok(s) => {
            assert_eq!(&text[s.body_offset..], s.body);
            parse_all(&s.toml);
        }
        Err((span, _)) => assert!(span.is_none_or(|r| r.end <= text.len())),
    }
});
