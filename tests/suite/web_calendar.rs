//! The iCalendar files (`/kalender/<slug>.ics`), checked with a real
//! parser: Python's `icalendar` (scripts/test installs it), whose
//! recurrence rules are expanded with `dateutil` in the files' own time
//! zone. Checks RFC 5545 form (CRLF, lines of at most 75 octets, escaping),
//! the rules of every rhythm, DTSTART/DTSTAMP from the content and stable
//! UIDs.

use crate::common::*;

use std::path::Path;
use std::process::Command;

use serde_json::Value;

/// Parses calendar files with Python's icalendar and expands each event's
/// RRULE: `{file: [{uid, summary, location, description, dtstamp, dtstart,
/// tzid, rrule, next: [5 occurrences]}]}`.
const PARSE: &str = r#"
import json, sys
import icalendar
from dateutil.rrule import rrulestr

out = {}
for path in sys.argv[1:]:
    with open(path, 'rb') as f:
        cal = icalendar.Calendar.from_ical(f.read())
    assert cal.get('VERSION') == '2.0', path
    assert cal.get('PRODID'), path
    assert [tz.get('TZID') for tz in cal.walk('VTIMEZONE')] == ['Europe/Berlin'], path
    errors = [e for c in cal.walk() for e in getattr(c, 'errors', [])]
    assert not errors, (path, errors)
    events = []
    for ev in cal.walk('VEVENT'):
        start = ev.decoded('DTSTART')
        rule = ev.get('RRULE').to_ical().decode()
        rr = rrulestr(rule, dtstart=start)
        nxt = []
        for d in rr:
            nxt.append(d.isoformat())
            if len(nxt) == 5:
                break
        end = ev.decoded('DTEND') if 'DTEND' in ev else None
        events.append({
            'uid': str(ev.get('UID')),
            'summary': str(ev.get('SUMMARY')),
            'location': str(ev.get('LOCATION')) if 'LOCATION' in ev else None,
            'description': str(ev.get('DESCRIPTION')),
            'dtstamp': ev.decoded('DTSTAMP').isoformat(),
            'dtstart': start.isoformat(),
            'dtend': end.isoformat() if end else None,
            'tzid': ev['DTSTART'].params.get('TZID'),
            'rrule': rule,
            'next': nxt,
        })
    out[path] = events
print(json.dumps(out))
"#;

fn parse(files: &[&Path]) -> Value {
    let out = Command::new("python3")
        .arg("-c")
        .arg(PARSE)
        .args(files)
        .output()
        .expect("python3 must be installed: run scripts/test");
    assert!(
        out.status.success(),
        "icalendar rejected a file (scripts/test installs Python's icalendar):\n{}",
        String::from_utf8_lossy(&out.stderr)
    );
    serde_json::from_slice(&out.stdout).unwrap()
}

/// RFC 5545 form: CRLF line ends, at most 75 octets per line.
fn assert_form(path: &Path) {
    let bytes = std::fs::read(path).unwrap();
    let text = String::from_utf8(bytes).expect("UTF-8");
    assert!(text.ends_with("END:VCALENDAR\r\n"), "{}", path.display());
    for line in text.split("\r\n") {
        assert!(
            line.len() <= 75,
            "{}: {} octets: {line}",
            path.display(),
            line.len()
        );
        assert!(
            !line.contains('\n') && !line.contains('\r'),
            "{}: bare line break",
            path.display()
        );
    }
}

fn meeting(rhythm: &str, extra: &str) -> String {
    format!("\n[[meetings]]\nrhythm = \"{rhythm}\"\n{extra}")
}

#[test]
fn rhythms_dates_escaping_and_folding() {
    let root = Root::new();
    let long_name = "Gesprächskreis für Angehörige, Freunde; und Begleiter\\\\innen von Menschen mit sehr langen Namen";
    root.write(
        "content/groups/zwei-vier.md",
        &group(
            long_name,
            &(meeting("monthly", "weekday = \"wednesday\"\nweeks = [2, 4]\nstart = \"15:00\"\nend = \"17:00\"\nplace = \"Raum 1, 2. Stock\"\naddress = \"Hauptstraße 5; Hinterhaus\"\nnote = \"nicht in den Ferien\\nund nicht an Feiertagen\"\n")
                + &meeting("irregular", "")),
        ),
    );
    root.write(
        "content/groups/letzter.md",
        &group(
            "Letzter Freitag",
            &meeting(
                "monthly",
                "weekday = \"friday\"\nweeks = [-1]\nstart = \"19:30\"\n",
            ),
        )
        .replace("verified = 2026-09-14", "verified = 2026-10-01"),
    );
    root.write(
        "content/groups/zweiwoechig.md",
        &group("Alle zwei Wochen", &meeting("biweekly", "weekday = \"thursday\"\nfirst_date = 2026-01-08\nstart = \"18:00\"\nend = \"19:30\"\n"))
            .replace("verified = 2026-09-14", "verified = 2026-06-01"),
    );
    root.write(
        "content/groups/woechentlich.md",
        &group(
            "Jeden Montag",
            &meeting("weekly", "weekday = \"monday\"\nstart = \"09:00\"\n"),
        ),
    );
    root.write(
        "content/groups/unregelmaessig.md",
        &group(
            "Ab und zu",
            &meeting("irregular", "note = \"nach Absprache\"\n"),
        ),
    );
    root.build_web();
    let cal = root.path().join("output/site/kalender");
    assert!(
        !cal.join("unregelmaessig.ics").exists(),
        "irregular: no file"
    );
    assert!(
        !cal.join("diabetes-nord.ics").exists(),
        "no meetings: no file"
    );
    let files: Vec<_> = ["zwei-vier", "letzter", "zweiwoechig", "woechentlich"]
        .iter()
        .map(|s| cal.join(format!("{s}.ics")))
        .collect();
    for f in &files {
        assert_form(f);
    }
    let refs: Vec<&Path> = files.iter().map(|p| p.as_path()).collect();
    let parsed = parse(&refs);
    let events = |i: usize| {
        parsed[files[i].to_str().unwrap()]
            .as_array()
            .unwrap()
            .clone()
    };

    // 2nd and 4th Wednesday, from the first meeting on or after verified
    // (2026-09-14); local time stays 15:00 across the change to winter time.
    let ev = events(0);
    assert_eq!(ev.len(), 1, "irregular meeting has no event");
    let e = &ev[0];
    assert_eq!(e["rrule"], "FREQ=MONTHLY;BYDAY=2WE,4WE");
    assert_eq!(e["tzid"], "Europe/Berlin");
    assert_eq!(e["dtstart"], "2026-09-23T15:00:00+02:00");
    assert_eq!(e["dtend"], "2026-09-23T17:00:00+02:00");
    assert_eq!(
        e["next"],
        serde_json::json!([
            "2026-09-23T15:00:00+02:00",
            "2026-10-14T15:00:00+02:00",
            "2026-10-28T15:00:00+01:00",
            "2026-11-11T15:00:00+01:00",
            "2026-11-25T15:00:00+01:00"
        ])
    );
    assert_eq!(
        e["dtstamp"], "2026-09-14T00:00:00+00:00",
        "DTSTAMP = verified"
    );
    assert_eq!(e["uid"], "zwei-vier-1@wegweiser.example");
    assert_eq!(
        e["summary"],
        long_name.replace("\\\\", "\\"),
        "escaping round-trips"
    );
    assert_eq!(e["location"], "Raum 1, 2. Stock, Hauptstraße 5; Hinterhaus");
    let d = e["description"].as_str().unwrap();
    assert!(d.starts_with("jeden 2. und 4. Mittwoch im Monat, 15:00–17:00 Uhr (nicht in den Ferien\nund nicht an Feiertagen)\n"), "{d}");
    assert!(
        d.ends_with("https://wegweiser.example/gruppen/zwei-vier/"),
        "{d}"
    );

    let e = &events(1)[0];
    assert_eq!(e["rrule"], "FREQ=MONTHLY;BYDAY=-1FR");
    assert_eq!(e["dtstart"], "2026-10-30T19:30:00+01:00");
    assert_eq!(e["next"][1], "2026-11-27T19:30:00+01:00");
    assert_eq!(e["next"][2], "2026-12-25T19:30:00+01:00");
    assert_eq!(e["dtend"], Value::Null, "no end time, no DTEND");

    let e = &events(2)[0];
    assert_eq!(e["rrule"], "FREQ=WEEKLY;INTERVAL=2;BYDAY=TH");
    assert_eq!(
        e["dtstart"], "2026-01-08T18:00:00+01:00",
        "biweekly: anchored at first_date"
    );
    assert_eq!(e["next"][1], "2026-01-22T18:00:00+01:00");
    assert_eq!(e["next"][2], "2026-02-05T18:00:00+01:00");

    let e = &events(3)[0];
    assert_eq!(e["rrule"], "FREQ=WEEKLY;BYDAY=MO");
    assert_eq!(
        e["dtstart"], "2026-09-14T09:00:00+02:00",
        "verified is a Monday: it is the first meeting"
    );

    // The group page links its calendar; the irregular group's does not.
    let site = root.path().join("output/site");
    let page = std::fs::read_to_string(site.join("gruppen/zwei-vier/index.html")).unwrap();
    assert!(page.contains("href=\"/kalender/zwei-vier.ics\""));
    let page = std::fs::read_to_string(site.join("gruppen/unregelmaessig/index.html")).unwrap();
    assert!(!page.contains("/kalender/"));

    // Same content, same bytes (no clock anywhere).
    let before = std::fs::read(&files[0]).unwrap();
    let r = root.run(&["build", "--root", ".", "--only", "web"]);
    assert_eq!(r.code, 0);
    assert_eq!(std::fs::read(&files[0]).unwrap(), before);
}

#[test]
fn every_calendar_of_the_sample_parses_and_starts_on_a_meeting() {
    let out = build_sample(&["--only", "web"]);
    let dir = out.path().join("site/kalender");
    let files: Vec<_> = std::fs::read_dir(&dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .collect();
    assert!(files.len() > 60, "{} calendars", files.len());
    for f in &files {
        assert_form(f);
    }
    let refs: Vec<&Path> = files.iter().map(|p| p.as_path()).collect();
    let parsed = parse(&refs);
    let mut uids = std::collections::BTreeSet::new();
    for (path, events) in parsed.as_object().unwrap() {
        assert!(!events.as_array().unwrap().is_empty(), "{path}: no event");
        for e in events.as_array().unwrap() {
            assert_eq!(
                e["next"][0], e["dtstart"],
                "{path}: DTSTART is itself a meeting"
            );
            assert!(
                e["dtstamp"].as_str().unwrap().ends_with("T00:00:00+00:00"),
                "{path}"
            );
            assert!(
                uids.insert(e["uid"].as_str().unwrap().to_owned()),
                "{path}: duplicate UID"
            );
        }
    }
    // The confidential group's calendar has no place.
    let secret = &parsed[dir
        .join("frauen-nach-gewalterfahrung.ics")
        .to_str()
        .unwrap()][0];
    assert_eq!(secret["location"], Value::Null);
}
