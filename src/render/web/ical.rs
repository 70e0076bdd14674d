//! One iCalendar file (RFC 5545) per group at `/kalender/<slug>.ics`: each
//! regular meeting is a recurring event in `Europe/Berlin`.
//!
//! Everything comes from the content, never from the clock: DTSTART is the
//! first meeting on or after the group's `verified` date (biweekly: its
//! `first_date`), DTSTAMP is `verified`, UIDs are made from the slug, so the
//! same content gives the same bytes. Irregular meetings have no event; a
//! group without a regular meeting has no file. A confidential group's
//! events carry no place (the model holds none).

use crate::model::*;

use super::views::Urls;

/// The time zone definition of Europe/Berlin (CET/CEST, EU rules since 1996).
const VTIMEZONE: &str = "BEGIN:VTIMEZONE\r\n\
TZID:Europe/Berlin\r\n\
BEGIN:DAYLIGHT\r\n\
TZOFFSETFROM:+0100\r\n\
TZOFFSETTO:+0200\r\n\
TZNAME:CEST\r\n\
DTSTART:19700329T020000\r\n\
RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU\r\n\
END:DAYLIGHT\r\n\
BEGIN:STANDARD\r\n\
TZOFFSETFROM:+0200\r\n\
TZOFFSETTO:+0100\r\n\
TZNAME:CET\r\n\
DTSTART:19701025T030000\r\n\
RRULE:FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU\r\n\
END:STANDARD\r\n\
END:VTIMEZONE\r\n";

/// Two-letter RFC 5545 weekday.
fn byday(d: Weekday) -> &'static str {
    match d {
        Weekday::Monday => "MO",
        Weekday::Tuesday => "TU",
        Weekday::Wednesday => "WE",
        Weekday::Thursday => "TH",
        Weekday::Friday => "FR",
        Weekday::Saturday => "SA",
        Weekday::Sunday => "SU",
    }
}

/// The RRULE value of a regular meeting.
pub fn rrule(m: &Meeting) -> Option<String> {
    let day = byday(m.weekday?);
    Some(match m.rhythm {
        Rhythm::Weekly => format!("FREQ=WEEKLY;BYDAY={day}"),
        Rhythm::Biweekly => format!("FREQ=WEEKLY;INTERVAL=2;BYDAY={day}"),
        Rhythm::Monthly => {
            let days: Vec<String> = m.weeks.iter().map(|w| format!("{w}{day}")).collect();
            format!("FREQ=MONTHLY;BYDAY={}", days.join(","))
        }
        Rhythm::Irregular => return None,
    })
}

/// Escapes a TEXT value (RFC 5545 3.3.11).
pub fn escape_text(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '\\' => out.push_str("\\\\"),
            ';' => out.push_str("\\;"),
            ',' => out.push_str("\\,"),
            '\n' => out.push_str("\\n"),
            '\r' => {}
            c if c.is_control() => {}
            c => out.push(c),
        }
    }
    out
}

/// Appends a content line, folded at 75 octets without splitting a UTF-8
/// character (RFC 5545 3.1), ended by CRLF.
pub fn push_line(out: &mut String, line: &str) {
    let mut width = 0;
    for c in line.chars() {
        let len = c.len_utf8();
        if width + len > 75 {
            out.push_str("\r\n ");
            width = 1;
        }
        out.push(c);
        width += len;
    }
    out.push_str("\r\n");
}

fn local(d: Date, t: Time) -> String {
    format!(
        "{:04}{:02}{:02}T{:02}{:02}00",
        d.year(),
        d.month(),
        d.day(),
        t.hour,
        t.minute
    )
}

/// The calendar of a group, or `None` if it has no regular meeting.
pub fn calendar(dir: &Directory, urls: &Urls, id: GroupId) -> Option<String> {
    let g = dir.group(id);
    let url = urls.absolute(&Urls::entry_path(dir, EntryRef::Group(id)));
    let verified = g.meta.verified;
    let stamp = format!(
        "{:04}{:02}{:02}T000000Z",
        verified.year(),
        verified.month(),
        verified.day()
    );
    let mut events = String::new();
    for (n, m) in g.meetings.iter().enumerate() {
        let (Some(rule), Some(start), Some(first)) = (rrule(m), m.start, m.series_start(verified))
        else {
            continue;
        };
        push_line(&mut events, "BEGIN:VEVENT");
        push_line(
            &mut events,
            &format!("UID:{}-{}@{}", g.meta.slug, n + 1, urls.host()),
        );
        push_line(&mut events, &format!("DTSTAMP:{stamp}"));
        push_line(
            &mut events,
            &format!("DTSTART;TZID=Europe/Berlin:{}", local(first, start)),
        );
        if let Some(end) = m.end.filter(|&e| e > start) {
            push_line(
                &mut events,
                &format!("DTEND;TZID=Europe/Berlin:{}", local(first, end)),
            );
        }
        push_line(&mut events, &format!("RRULE:{rule}"));
        push_line(
            &mut events,
            &format!("SUMMARY:{}", escape_text(&g.meta.name)),
        );
        let location: Vec<&str> = [m.place.as_deref(), m.address.as_deref()]
            .into_iter()
            .flatten()
            .collect();
        if !location.is_empty() && !g.confidential {
            push_line(
                &mut events,
                &format!("LOCATION:{}", escape_text(&location.join(", "))),
            );
        }
        let mut description = m.sentence(&dir.settings.language);
        if let Some(note) = &m.note {
            description.push_str(&format!(" ({note})"));
        }
        description.push('\n');
        description.push_str(&url);
        push_line(
            &mut events,
            &format!("DESCRIPTION:{}", escape_text(&description)),
        );
        push_line(&mut events, &format!("URL:{url}"));
        if g.status == Status::Founding {
            push_line(&mut events, "STATUS:TENTATIVE");
        } else {
            push_line(&mut events, "STATUS:CONFIRMED");
        }
        push_line(&mut events, "TRANSP:OPAQUE");
        push_line(&mut events, "END:VEVENT");
    }
    if events.is_empty() {
        return None;
    }
    let mut out = String::new();
    push_line(&mut out, "BEGIN:VCALENDAR");
    push_line(&mut out, "VERSION:2.0");
    push_line(&mut out, "PRODID:-//wegweiser//Selbsthilfe-Wegweiser//DE");
    push_line(&mut out, "CALSCALE:GREGORIAN");
    push_line(&mut out, "METHOD:PUBLISH");
    push_line(
        &mut out,
        &format!("X-WR-CALNAME:{}", escape_text(&g.meta.name)),
    );
    push_line(&mut out, "X-WR-TIMEZONE:Europe/Berlin");
    out.push_str(VTIMEZONE);
    out.push_str(&events);
    push_line(&mut out, "END:VCALENDAR");
    Some(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escaping_and_folding() {
        assert_eq!(escape_text("a,b;c\\d\ne"), "a\\,b\\;c\\\\d\\ne");
        let mut out = String::new();
        let long = format!("SUMMARY:{}", "ä".repeat(60));
        push_line(&mut out, &long);
        for line in out.split("\r\n").filter(|l| !l.is_empty()) {
            assert!(line.len() <= 75, "{} octets", line.len());
        }
        let unfolded = out.trim_end_matches("\r\n").replace("\r\n ", "");
        assert_eq!(unfolded, long);
    }

    #[test]
    fn rules() {
        let m = |rhythm, weeks: Vec<i8>| Meeting {
            weeks,
            ..Meeting::new(rhythm, Some(Weekday::Wednesday))
        };
        assert_eq!(
            rrule(&m(Rhythm::Monthly, vec![2, 4])).unwrap(),
            "FREQ=MONTHLY;BYDAY=2WE,4WE"
        );
        assert_eq!(
            rrule(&m(Rhythm::Monthly, vec![-1])).unwrap(),
            "FREQ=MONTHLY;BYDAY=-1WE"
        );
        assert_eq!(
            rrule(&m(Rhythm::Biweekly, vec![])).unwrap(),
            "FREQ=WEEKLY;INTERVAL=2;BYDAY=WE"
        );
        assert_eq!(
            rrule(&m(Rhythm::Weekly, vec![])).unwrap(),
            "FREQ=WEEKLY;BYDAY=WE"
        );
        assert!(
            rrule(&Meeting {
                weekday: None,
                ..m(Rhythm::Irregular, vec![])
            })
            .is_none()
        );
    }
}
