//! Property tests (issue 7, proptest on stable Rust): the parts that see
//! untrusted text never panic, locate their problems inside the file, never
//! let code through, and order names totally and stably.
//!
//! The same functions are fuzzed with cargo-fuzz in `fuzz/` (see
//! `fuzz/run.sh`); crashes found there become cases in this file.

use proptest::prelude::*;
use serde_json::Value;

use wegweiser::format::raw::{
    ContactPointFront, GroupFront, IndicationsFile, OrganisationFront, PageFront, SettingsFile,
};
use wegweiser::load::front_matter::{self, split};
use wegweiser::model::{Date, Meeting, Rhythm, SortKey, Time, Weekday};
use wegweiser::render::markdown::to_html;

/// Pieces that make front matter interesting: fences, TOML syntax, the
/// fields of a group, line breaks of every kind, multi-byte characters.
fn front_matter_piece() -> impl Strategy<Value = String> {
    prop_oneof![
        Just("+++".to_owned()),
        Just("+++\n".to_owned()),
        Just("+++\r\n".to_owned()),
        Just("\n".to_owned()),
        Just("\r\n".to_owned()),
        Just("\r".to_owned()),
        Just("\u{feff}".to_owned()),
        Just("name = \"Gruppe\"\n".to_owned()),
        Just("indications = [\"diabetes\"]\n".to_owned()),
        Just("audience = [\"affected\"]\n".to_owned()),
        Just("format = \"in-person\"\n".to_owned()),
        Just("status = \"active\"\n".to_owned()),
        Just("verified = 2026-09-14\n".to_owned()),
        Just("[[meetings]]\n".to_owned()),
        Just("rhythm = \"monthly\"\n".to_owned()),
        Just("weeks = [2, -1]\n".to_owned()),
        Just("[contact]\n".to_owned()),
        Just("phone = 5\n".to_owned()),
        Just("= \"".to_owned()),
        Just("\"\"\"".to_owned()),
        Just("'''".to_owned()),
        Just("[".to_owned()),
        Just("]".to_owned()),
        Just("{".to_owned()),
        Just("}".to_owned()),
        Just("#".to_owned()),
        Just("ä".to_owned()),
        Just("𝔘".to_owned()),
        Just("\u{0}".to_owned()),
        "[a-z_]{1,8}".prop_map(|s| s),
        "[ -~]{0,12}".prop_map(|s| s),
        any::<char>().prop_map(|c| c.to_string()),
    ]
}

fn front_matter_text() -> impl Strategy<Value = String> {
    prop_oneof![
        prop::collection::vec(front_matter_piece(), 0..40).prop_map(|v| v.concat()),
        ".{0,300}",
        // Valid files with one piece inserted somewhere.
        (front_matter_piece(), 0usize..200).prop_map(|(p, at)| {
            let mut s = "+++\nname = \"X\"\nindications = [\"diabetes\"]\naudience = [\"affected\"]\nformat = \"in-person\"\nstatus = \"active\"\nverified = 2026-09-14\n\n[[meetings]]\nrhythm = \"weekly\"\nweekday = \"friday\"\nstart = \"19:00\"\n+++\nText\n".to_owned();
            let mut at = at.min(s.len());
            while !s.is_char_boundary(at) {
                at -= 1;
            }
            s.insert_str(at, &p);
            s
        }),
    ]
}

/// Every reported span lies inside the parsed text, on character boundaries.
fn check_problems(text: &str, problems: &[front_matter::Problem]) -> Result<(), TestCaseError> {
    prop_assert!(!problems.is_empty(), "an error without a problem");
    for (span, _) in problems {
        if let Some(span) = span {
            prop_assert!(
                span.start <= span.end && span.end <= text.len(),
                "span {span:?} outside 0..{}",
                text.len()
            );
            prop_assert!(
                text.is_char_boundary(span.start) && text.is_char_boundary(span.end),
                "span {span:?} not on a char boundary"
            );
        }
    }
    Ok(())
}

fn parse_all(toml: &str) -> Result<(), TestCaseError> {
    macro_rules! kind {
        ($t:ty) => {
            if let Err(p) = front_matter::parse::<$t>(toml) {
                check_problems(toml, &p)?;
            }
        };
    }
    kind!(GroupFront);
    kind!(OrganisationFront);
    kind!(ContactPointFront);
    kind!(PageFront);
    kind!(SettingsFile);
    kind!(IndicationsFile);
    Ok(())
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 256, ..ProptestConfig::default() })]

    /// Splitting never panics; the body is the file's tail at `body_offset`,
    /// and the TOML keeps the file's byte offsets (same length as the head).
    #[test]
    fn split_never_panics_and_keeps_offsets(text in front_matter_text()) {
        let (decoded, bad) = front_matter::decode(text.as_bytes());
        prop_assert!(bad.is_none());
        match split(&decoded) {
            Ok(s) => {
                prop_assert!(s.body_offset <= decoded.len());
                prop_assert_eq!(&decoded[s.body_offset..], s.body);
                prop_assert!(s.toml.len() <= s.body_offset);
                prop_assert!(decoded.starts_with('+'));
                prop_assert_eq!(&s.toml[1..], &decoded[1..s.toml.len()]);
            }
            Err((span, _)) => prop_assert!(span.is_none_or(|r| r.end <= decoded.len())),
        }
    }

    /// Parsing the front matter into every file kind never panics, and every
    /// problem is located inside the text (or is a whole-file problem).
    #[test]
    fn parse_never_panics_and_locates_problems(text in front_matter_text()) {
        let (decoded, _) = front_matter::decode(text.as_bytes());
        if let Ok(s) = split(&decoded) {
            parse_all(&s.toml)?;
        }
        parse_all(&decoded)?;
    }

    /// Arbitrary bytes: decoding finds the first bad byte exactly.
    #[test]
    fn decode_locates_invalid_utf8(bytes in prop::collection::vec(any::<u8>(), 0..200)) {
        let (text, bad) = front_matter::decode(&bytes);
        let body = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(&bytes);
        match std::str::from_utf8(body) {
            Ok(s) => { prop_assert_eq!(bad, None); prop_assert_eq!(text, s); }
            Err(e) => prop_assert_eq!(bad, Some(e.valid_up_to())),
        }
    }
}

// ---------------------------------------------------------------------------
// Markdown → HTML

fn hostile_markdown() -> impl Strategy<Value = String> {
    let piece = prop_oneof![
        Just("<script>".to_owned()),
        Just("</script>".to_owned()),
        Just("<scr<script>ipt>".to_owned()),
        Just("<img src=x onerror=alert(1)>".to_owned()),
        Just("<img src=\"https://tracker.example/p.gif\">".to_owned()),
        Just("<img src=\"//tracker.example/p.gif\">".to_owned()),
        Just("<img src=\"&#104;ttps://tracker.example/p.gif\">".to_owned()),
        Just("<a href=\"javascript:alert(1)\">".to_owned()),
        Just("<a href=\"&#106;avascript:alert(1)\">".to_owned()),
        Just("<a href=\"java\tscript:alert(1)\">".to_owned()),
        Just("<a href=\" JaVaScRiPt:alert(1)\">".to_owned()),
        Just("<svg onload=alert(1)>".to_owned()),
        Just("<iframe src=x>".to_owned()),
        Just("<style>".to_owned()),
        Just("<object data=x>".to_owned()),
        Just("<form action=x>".to_owned()),
        Just("<div style=\"x:url(javascript:1)\">".to_owned()),
        Just("<!--".to_owned()),
        Just("-->".to_owned()),
        Just("<![CDATA[".to_owned()),
        Just("[x](javascript:alert(1))".to_owned()),
        Just("[x](  javascript:alert(1) )".to_owned()),
        Just("[x](<javascript:alert(1)>)".to_owned()),
        Just("[x](data:text/html;base64,PHNjcmlwdD4=)".to_owned()),
        Just("[x](vbscript:msgbox)".to_owned()),
        Just("![x](javascript:alert(1))".to_owned()),
        Just("![x](https://tracker.example/i.png)".to_owned()),
        Just("[x]: javascript:alert(1)\n".to_owned()),
        Just("[x]".to_owned()),
        Just("mail@example.org".to_owned()),
        Just("[m](mailto:a@b.example?subject=\"><script>)".to_owned()),
        Just(" onmouseover=alert(1) ".to_owned()),
        Just("\"".to_owned()),
        Just("'".to_owned()),
        Just("`".to_owned()),
        Just("<".to_owned()),
        Just(">".to_owned()),
        Just("&".to_owned()),
        Just("\n".to_owned()),
        Just("\n\n".to_owned()),
        Just("> ".to_owned()),
        Just("- ".to_owned()),
        Just("# ".to_owned()),
        Just("    ".to_owned()),
        Just("```\n".to_owned()),
        Just("|a|b|\n|-|-|\n".to_owned()),
        "[a-zA-Z ]{1,10}".prop_map(|s| s),
        any::<char>().prop_map(|c| c.to_string()),
    ];
    prop_oneof![
        prop::collection::vec(piece, 0..30).prop_map(|v| v.concat()),
        ".{0,200}"
    ]
}

/// The attributes of every tag of sanitised HTML: (tag, name, value).
fn tags(html: &str) -> Vec<(String, String, String)> {
    let mut out = Vec::new();
    for chunk in html.split('<').skip(1) {
        let tag = chunk.split('>').next().unwrap_or("");
        let mut parts = tag.splitn(2, [' ', '\n', '\t']);
        let name = parts.next().unwrap_or("").to_ascii_lowercase();
        out.push((name.clone(), String::new(), String::new()));
        let mut rest = parts.next().unwrap_or("");
        while let Some(eq) = rest.find('=') {
            let attr = rest[..eq]
                .trim()
                .rsplit(' ')
                .next()
                .unwrap_or("")
                .to_ascii_lowercase();
            let after = &rest[eq + 1..];
            let (value, next) = match after.chars().next() {
                Some(q @ ('"' | '\'')) => {
                    let end = after[1..].find(q).map(|i| i + 1).unwrap_or(after.len() - 1);
                    (&after[1..end], &after[(end + 1).min(after.len())..])
                }
                _ => {
                    let end = after.find(' ').unwrap_or(after.len());
                    (&after[..end], &after[end..])
                }
            };
            out.push((name.clone(), attr, value.to_owned()));
            rest = next;
        }
    }
    out
}

/// Decodes numeric and the usual named entities.
fn decode(s: &str) -> String {
    let mut out = String::new();
    let mut rest = s;
    while let Some(i) = rest.find('&') {
        out.push_str(&rest[..i]);
        rest = &rest[i..];
        let semi = rest
            .char_indices()
            .take(12)
            .find(|&(_, c)| c == ';')
            .map(|(i, _)| i);
        let c = semi.and_then(|e| match &rest[1..e] {
            "amp" => Some('&'),
            "lt" => Some('<'),
            "gt" => Some('>'),
            "quot" => Some('"'),
            "colon" => Some(':'),
            n if n.starts_with("#x") || n.starts_with("#X") => u32::from_str_radix(&n[2..], 16)
                .ok()
                .and_then(char::from_u32),
            n if n.starts_with('#') => n[1..].parse().ok().and_then(char::from_u32),
            _ => None,
        });
        match (c, semi) {
            (Some(c), Some(e)) => {
                out.push(c);
                rest = &rest[e + 1..];
            }
            _ => {
                out.push('&');
                rest = &rest[1..];
            }
        }
    }
    out.push_str(rest);
    out
}

fn assert_safe_html(md: &str, html: &str) -> Result<(), TestCaseError> {
    for (tag, attr, value) in tags(html) {
        let tag = tag.trim_start_matches('/');
        prop_assert!(
            !matches!(
                tag,
                "script"
                    | "iframe"
                    | "style"
                    | "object"
                    | "embed"
                    | "form"
                    | "svg"
                    | "math"
                    | "link"
                    | "meta"
                    | "base"
            ),
            "<{tag}> from {md:?}: {html}"
        );
        prop_assert!(
            !attr.starts_with("on"),
            "{attr}= on <{tag}> from {md:?}: {html}"
        );
        prop_assert!(attr != "style", "style= from {md:?}: {html}");
        let v: String = decode(&value)
            .chars()
            .filter(|c| !c.is_whitespace() && !c.is_control())
            .collect::<String>()
            .to_ascii_lowercase();
        if matches!(
            attr.as_str(),
            "href" | "src" | "action" | "data" | "formaction" | "srcset"
        ) {
            for scheme in ["javascript:", "vbscript:", "data:"] {
                prop_assert!(!v.starts_with(scheme), "{attr}={value} from {md:?}: {html}");
            }
        }
        if tag == "img" && attr == "src" {
            prop_assert!(
                !v.contains("://") && !v.starts_with("//"),
                "image from another host: {value} from {md:?}: {html}"
            );
        }
    }
    Ok(())
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 200, ..ProptestConfig::default() })]

    /// Sanitised HTML never carries script, event handlers, style,
    /// `javascript:`/`data:` URLs or images from other hosts.
    #[test]
    fn markdown_html_is_safe(md in hostile_markdown(), shift in 0usize..7, base in prop_oneof![Just(""), Just("/weg/weiser")]) {
        let html = to_html(&md, shift, base);
        assert_safe_html(&md, &html)?;
    }
}

// ---------------------------------------------------------------------------
// German sort key

fn name() -> impl Strategy<Value = String> {
    prop_oneof![
        "[aäAÄoöOÖuüUÜßsSzZ0-9 -]{0,8}",
        "[a-zA-Z]{0,6}",
        ".{0,10}",
        Just(String::new()),
        Just("Ä".to_owned()),
        Just("A".to_owned()),
        Just("a".to_owned()),
        Just("ss".to_owned()),
        Just("ß".to_owned()),
    ]
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 512, ..ProptestConfig::default() })]

    /// A total order consistent with equality: antisymmetric, transitive,
    /// equal keys only for equal texts.
    #[test]
    fn sort_key_is_a_total_order(a in name(), b in name(), c in name()) {
        let (ka, kb, kc) = (SortKey::new(&a), SortKey::new(&b), SortKey::new(&c));
        prop_assert_eq!(ka.cmp(&kb), kb.cmp(&ka).reverse());
        prop_assert_eq!(ka == kb, a == b);
        prop_assert_eq!(ka.cmp(&kb) == std::cmp::Ordering::Equal, a == b);
        prop_assert_eq!(ka.partial_cmp(&kb), Some(ka.cmp(&kb)));
        if ka <= kb && kb <= kc {
            prop_assert!(ka <= kc, "{a:?} <= {b:?} <= {c:?} but not {a:?} <= {c:?}");
        }
        prop_assert_eq!(SortKey::new(&a), ka.clone());
        prop_assert_eq!(ka.text(), a.as_str());
    }

    /// Sorting does not depend on the input order (stable and deterministic).
    #[test]
    fn sorting_is_stable(mut names in prop::collection::vec(name(), 0..30), seed in any::<u64>()) {
        let mut sorted: Vec<SortKey> = names.iter().map(|n| SortKey::new(n)).collect();
        sorted.sort();
        // A deterministic shuffle of the input.
        let mut x = seed | 1;
        for i in (1..names.len()).rev() {
            x ^= x << 13; x ^= x >> 7; x ^= x << 17;
            names.swap(i, (x % (i as u64 + 1)) as usize);
        }
        let mut again: Vec<SortKey> = names.iter().map(|n| SortKey::new(n)).collect();
        again.sort();
        prop_assert_eq!(sorted, again);
    }

    /// DIN 5007-1: an umlaut sorts with its base letter, ß as ss, case
    /// ignored, where the rest of the word decides.
    #[test]
    fn umlauts_sort_as_base_letters(w in "[a-z]{1,6}", x in "[a-z]{1,6}") {
        prop_assume!(w != x);
        let expected = w.cmp(&x);
        for (umlaut, base) in [("ä", "a"), ("Ö", "o"), ("ü", "U")] {
            let a = SortKey::new(&format!("{umlaut}{w}"));
            let b = SortKey::new(&format!("{base}{x}"));
            prop_assert_eq!(a.cmp(&b), expected, "{}{} vs {}{}", umlaut, w, base, x);
        }
    }
}

// ---------------------------------------------------------------------------
// Meetings

fn rhythm() -> impl Strategy<Value = Rhythm> {
    prop_oneof![
        Just(Rhythm::Weekly),
        Just(Rhythm::Biweekly),
        Just(Rhythm::Monthly),
        Just(Rhythm::Irregular)
    ]
}

fn weekday() -> impl Strategy<Value = Weekday> {
    prop_oneof![
        Just(Weekday::Monday),
        Just(Weekday::Tuesday),
        Just(Weekday::Wednesday),
        Just(Weekday::Thursday),
        Just(Weekday::Friday),
        Just(Weekday::Saturday),
        Just(Weekday::Sunday)
    ]
}

fn date() -> impl Strategy<Value = Date> {
    (-9999i16..=9999, 1i8..=12, 1i8..=31)
        .prop_map(|(y, m, d)| Date::new(y, m, d).unwrap_or_else(|_| Date::new(y, m, 28).unwrap()))
}

fn time() -> impl Strategy<Value = Time> {
    (any::<u8>(), any::<u8>()).prop_map(|(hour, minute)| Time { hour, minute })
}

fn meeting() -> impl Strategy<Value = Meeting> {
    (
        rhythm(),
        prop::option::of(weekday()),
        prop::collection::vec(any::<i8>(), 0..6),
        prop::option::of(date()),
        prop::option::of(time()),
        prop::option::of(time()),
        prop::option::of(".{0,20}"),
        prop::option::of(any::<bool>()),
    )
        .prop_map(
            |(rhythm, weekday, weeks, first_date, start, end, place, accessible)| Meeting {
                rhythm,
                weekday,
                weeks,
                first_date,
                start,
                end,
                place: place.clone(),
                address: place,
                accessible,
                note: None,
            },
        )
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 512, ..ProptestConfig::default() })]

    /// Any meeting, even one validation would refuse, gets a sentence, and
    /// date arithmetic at the ends of the calendar never panics.
    #[test]
    fn meeting_sentences_never_panic(m in meeting(), from in date()) {
        let s = m.sentence_de();
        prop_assert!(!s.is_empty());
        let _ = m.occurs_on(from);
        if let Some(d) = m.next_on_or_after(from) {
            prop_assert!(d >= from);
            prop_assert!(m.occurs_on(d));
        }
        let _ = m.series_start(from);
    }

    /// Valid meetings read naturally: weekday and time appear in the sentence.
    #[test]
    fn valid_meeting_sentences_name_day_and_time(
        r in prop_oneof![Just(Rhythm::Weekly), Just(Rhythm::Biweekly), Just(Rhythm::Monthly)],
        day in weekday(), weeks in prop::collection::btree_set(prop_oneof![1i8..=4, Just(-1i8)], 1..4),
        h in 0u8..24, min in 0u8..60,
    ) {
        let m = Meeting {
            rhythm: r, weekday: Some(day), weeks: weeks.into_iter().collect(), first_date: None,
            start: Some(Time { hour: h, minute: min }), end: None, place: None, address: None, accessible: None, note: None,
        };
        let s = m.sentence_de();
        prop_assert!(!s.contains("  "), "double space in {s:?}");
        prop_assert!(s.contains(wegweiser::model::meeting::weekday_de(day)), "{s}");
        prop_assert!(s.contains(&format!("{h:02}:{min:02}")) || s.contains(&format!("{h}:{min:02}")), "{s}");
    }
}

// ---------------------------------------------------------------------------
// Markdown → print data

/// All text of a print node tree, in order.
fn node_text(v: &Value, out: &mut String) {
    match v {
        Value::String(s) => out.push_str(s),
        Value::Array(a) => a.iter().for_each(|x| node_text(x, out)),
        Value::Object(o) => {
            if let Some(c) = o.get("c") {
                node_text(c, out);
            }
            if let Some(Value::String(s)) = o.get("s") {
                out.push_str(s);
            }
        }
        _ => {}
    }
}

fn no_images(_: &str) -> Option<String> {
    None
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 256, ..ProptestConfig::default() })]

    /// Markdown → the print renderer's node tree never panics.
    #[test]
    fn print_nodes_never_panic(md in hostile_markdown()) {
        let nodes = wegweiser::render::print::md_tree::to_nodes(&md, &no_images);
        let _ = wegweiser::render::print::md_tree::plain_len(&nodes);
    }

    /// Text without Markdown syntax keeps every visible character, in order.
    #[test]
    fn print_nodes_keep_every_visible_character(words in prop::collection::vec("[a-zA-ZäöüÄÖÜß0-9]{1,12}|[.,;:?!()§$%/=@{}#\"']", 1..40)) {
        // Starting with a word: no line-start syntax (`#`, `1.`, `-`).
        let md = format!("Text {}", words.join(" "));
        let nodes = wegweiser::render::print::md_tree::to_nodes(&md, &no_images);
        let mut text = String::new();
        node_text(&nodes, &mut text);
        let want: String = md.chars().filter(|c| !c.is_whitespace()).collect();
        let got: String = text.chars().filter(|c| !c.is_whitespace()).collect();
        prop_assert_eq!(got, want, "{:?} → {}", md, nodes);
    }
}

// ---------------------------------------------------------------------------
// Cases found by fuzzing (fuzz/artifacts/…), kept as regression tests.

/// fuzz `markdown`, 2026-11-23: raw HTML followed by text that spells an
/// attribute (`=a href="&#106;avascript:x">y`). The output was safe (the
/// text is text, its `>` escaped); the fuzz target's check was too naive
/// and was fixed to look inside tags only. Kept as a case.
#[test]
fn fuzz_case_text_that_spells_an_attribute() {
    let md = "<script>alert(1)</script><img src=x onc src=x onerror=alert(1)>[x](javascript:alert(1)) =a href=\"&#106;avascript:x\">y</}} {% if %} #read(\"/etg/passwd\") $x$ @rey";
    let html = to_html(md, 1, "/pfad");
    assert_safe_html(md, &html).unwrap();
    assert!(
        !html.contains("onerror") && !html.contains("<script"),
        "{html}"
    );
}

/// fuzz `markdown`, 2026-11-23: `[x](ja=javascript:rt(1))` becomes
/// `href="ja=javascript:rt(1)"`, a relative URL (a scheme cannot hold `=`),
/// so harmless; the fuzz target's check was refined. Kept as a case.
#[test]
fn fuzz_case_relative_url_that_contains_javascript() {
    let md = "Mail@(mailto:a!\0\0\0\0\0\0t(1`)>[x](ja=javascript:rt(1)) <ae rhf=\"alert(1)</script><img s@b.example)\n";
    let html = to_html(md, 1, "/pfad");
    assert_safe_html(md, &html).unwrap();
}
