//! Front matter recovery (issue 15, item 5): every problem of a file at
//! once, found on the parsed tree. The timed case is a micro benchmark:
//! `cargo test --test suite front_matter_recovery -- --ignored --nocapture`.

use std::time::Instant;

use wegweiser::format::raw::GroupFront;
use wegweiser::load::front_matter;

/// A group's front matter with five problems: an unknown audience, an
/// unknown field, a district of the wrong type, a missing `format` and an
/// unknown weekday in its meeting.
fn five_problems(n: usize) -> String {
    format!(
        "#++\nname = \"Gruppe {n}\"\nindications = [\"diabetes\"]\n\
         audience = [\"affected\", \"neighbours\"]\nstatus = \"active\"\nverified = 2026-09-14\n\
         distrikt = \"Nord\"\ndistrict = 5\n\n[[meetings]]\nrhythm = \"weekly\"\nweekday = \"friday{n}\"\n\
         start = \"19:00\"\n"
    )
}

#[test]
fn five_problems_are_all_reported() {
    let text = five_problems(7);
    let partial = front_matter::parse_entry_partial::<GroupFront>(&text);
    let codes: Vec<&str> = partial.problems.iter().map(|(_, m)| m.code()).collect();
    let mut sorted = codes.clone();
    sorted.sort();
    assert_eq!(
        sorted,
        [
            "missing-field",
            "unknown-field",
            "unknown-value",
            "unknown-value",
            "wrong-type"
        ],
        "{:?}",
        partial.problems
    );
    assert!(
        partial.value.is_some(),
        "the rest of the file is still read"
    );
}

/// Parses 1,000 files with five problems each and prints the time taken.
#[test]
#[ignore = "micro benchmark; run with --ignored --nocapture"]
fn bench_thousand_files_with_five_problems() {
    let texts: Vec<String> = (0..1000).map(five_problems).collect();
    let mut best = f64::INFINITY;
    for _ in 0..5 {
        let start = Instant::now();
        for text in &texts {
            let partial = front_matter::parse_entry_partial::<GroupFront>(text);
            assert_eq!(partial.problems.len(), 5, "{:?}", partial.problems);
        }
        best = best.min(start.elapsed().as_secs_f64());
    }
    println!(
        "front matter: 1,000 files with 5 problems each: best of 5 runs {:.1} ms ({:.1} µs per file)",
        best * 1e3,
        best * 1e3
    );
}

/// A syntax error is reported once: the lines after an unclosed array are
/// no problems of their own.
#[test]
fn a_syntax_error_has_no_follow_up_errors() {
    let text = "#++\nname = \"X\"\nindications = [\"diabetes\"\naudience = = 1\n\
                format = \"in-person\"\nstatus = active\n";
    let partial = front_matter::parse_entry_partial::<GroupFront>(text);
    assert!(partial.value.is_none());
    let [(Some(span), message)] = partial.problems.as_slice() else {
        panic!("one located problem expected: {:?}", partial.problems);
    };
    assert_eq!(message.code(), "toml-syntax");
    assert_eq!(text[..span.start].lines().count(), 3, "{span:?}");
}

/// A wrong value inside an inline table is reported once (its table's
/// missing `weekday` is no second problem) and hides no other problem.
#[test]
fn a_wrong_value_in_an_inline_table_hides_no_other_problem() {
    let text = "#++\nname = \"X\"\nindications = [\"diabetes\"]\naudience = [\"affected\"]\n\
                format = \"in-person\"\nstatus = \"active\"\nverified = 2026-09-14\n\
                meetings = [{ rhythm = \"weekly\", weekday = \"fridays\", start = \"19:00\" }]\n\
                distrikt = \"Nord\"\n";
    let partial = front_matter::parse_entry_partial::<GroupFront>(text);
    let mut found: Vec<(&str, &str)> = partial
        .problems
        .iter()
        .map(|(s, m)| (m.code(), &text[s.clone().expect("located")]))
        .collect();
    found.sort();
    assert_eq!(
        found,
        [
            ("unknown-field", "distrikt"),
            ("unknown-value", "\"fridays\"")
        ],
        "{:?}",
        partial.problems
    );
    assert!(
        partial.value.is_some(),
        "the rest of the file is still read"
    );
}
