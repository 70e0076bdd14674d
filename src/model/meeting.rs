//! Meetings and their German sentences ("jeden 2. und 4. Mittwoch im
//! Monat, 15:00–17:00 Uhr"), computed once for web and print.

use std::fmt;

use super::{Date, Rhythm, Weekday};

/// A time of day (`"19:00"`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub struct Time {
    /// 0..=23
    pub hour: u8,
    /// 0..=59
    pub minute: u8,
}

impl Time {
    /// Parses `H:MM` or `HH:MM`.
    pub fn parse(s: &str) -> Option<Time> {
        let (h, m) = s.trim().split_once(':')?;
        if h.is_empty()
            || h.len() > 2
            || m.len() != 2
            || !h.bytes().chain(m.bytes()).all(|b| b.is_ascii_digit())
        {
            return None;
        }
        let (hour, minute) = (h.parse::<u8>().ok()?, m.parse::<u8>().ok()?);
        (hour < 24 && minute < 60).then_some(Time { hour, minute })
    }
}

impl fmt::Display for Time {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:02}:{:02}", self.hour, self.minute)
    }
}

/// One regular (or irregular) meeting of a group.
#[derive(Debug, Clone, PartialEq)]
pub struct Meeting {
    /// How often.
    pub rhythm: Rhythm,
    /// Day of the week (absent only if irregular).
    pub weekday: Option<Weekday>,
    /// Weeks of the month for monthly meetings: 1..=4, -1 = last; sorted.
    pub weeks: Vec<i8>,
    /// A date the group met (biweekly).
    pub first_date: Option<Date>,
    /// Start time.
    pub start: Option<Time>,
    /// End time.
    pub end: Option<Time>,
    /// Place (never set for confidential groups).
    pub place: Option<String>,
    /// Address (never set for confidential groups).
    pub address: Option<String>,
    /// Step-free access: yes, no, unknown.
    pub accessible: Option<bool>,
    /// Note ("nicht in den Schulferien").
    pub note: Option<String>,
}

impl Meeting {
    /// A meeting of `rhythm` on `weekday` with nothing else known yet (no
    /// weeks, date, times, place or note); fill in the rest with struct
    /// update syntax.
    pub fn new(rhythm: Rhythm, weekday: Option<Weekday>) -> Meeting {
        Meeting {
            rhythm,
            weekday,
            weeks: Vec::new(),
            first_date: None,
            start: None,
            end: None,
            place: None,
            address: None,
            accessible: None,
            note: None,
        }
    }
}

/// German name of a weekday.
pub fn weekday_de(d: Weekday) -> &'static str {
    match d {
        Weekday::Monday => "Montag",
        Weekday::Tuesday => "Dienstag",
        Weekday::Wednesday => "Mittwoch",
        Weekday::Thursday => "Donnerstag",
        Weekday::Friday => "Freitag",
        Weekday::Saturday => "Samstag",
        Weekday::Sunday => "Sonntag",
    }
}

fn week_de(w: i8) -> String {
    if w == -1 {
        "letzten".to_owned()
    } else {
        format!("{w}.")
    }
}

/// English name of a weekday.
pub fn weekday_en(d: Weekday) -> &'static str {
    match d {
        Weekday::Monday => "Monday",
        Weekday::Tuesday => "Tuesday",
        Weekday::Wednesday => "Wednesday",
        Weekday::Thursday => "Thursday",
        Weekday::Friday => "Friday",
        Weekday::Saturday => "Saturday",
        Weekday::Sunday => "Sunday",
    }
}

fn week_en(w: i8) -> String {
    match w {
        -1 => "last".to_owned(),
        1 => "1st".to_owned(),
        2 => "2nd".to_owned(),
        3 => "3rd".to_owned(),
        n => format!("{n}th"),
    }
}

/// "a, b and c"
fn join_and(items: &[String]) -> String {
    match items {
        [] => String::new(),
        [one] => one.clone(),
        [init @ .., last] => format!("{} and {last}", init.join(", ")),
    }
}

/// "a, b und c"
fn join_und(items: &[String]) -> String {
    match items {
        [] => String::new(),
        [one] => one.clone(),
        [init @ .., last] => format!("{} und {last}", init.join(", ")),
    }
}

impl Meeting {
    /// When, in words: "jeden 2. und 4. Mittwoch im Monat".
    pub fn schedule_de(&self) -> String {
        let day = self.weekday.map(weekday_de).unwrap_or("");
        match self.rhythm {
            Rhythm::Weekly => format!("jeden {day}"),
            Rhythm::Biweekly => format!("jeden zweiten {day}"),
            Rhythm::Monthly => {
                let weeks: Vec<String> = self.weeks.iter().map(|&w| week_de(w)).collect();
                format!("jeden {} {day} im Monat", join_und(&weeks))
            }
            Rhythm::Irregular => "unregelmäßig".to_owned(),
        }
    }

    /// The time span: "15:00–17:00 Uhr" or "19:00 Uhr".
    pub fn time_de(&self) -> Option<String> {
        match (self.start, self.end) {
            (Some(s), Some(e)) => Some(format!("{s}–{e} Uhr")),
            (Some(s), None) => Some(format!("{s} Uhr")),
            _ => None,
        }
    }

    /// The whole sentence: "jeden 2. und 4. Mittwoch im Monat, 15:00–17:00 Uhr".
    pub fn sentence_de(&self) -> String {
        match self.time_de() {
            Some(t) => format!("{}, {t}", self.schedule_de()),
            None => self.schedule_de(),
        }
    }

    /// When, in English: "every 2nd and 4th Wednesday of the month".
    pub fn schedule_en(&self) -> String {
        let day = self.weekday.map(weekday_en).unwrap_or("");
        match self.rhythm {
            Rhythm::Weekly => format!("every {day}"),
            Rhythm::Biweekly => format!("every other {day}"),
            Rhythm::Monthly => {
                let weeks: Vec<String> = self.weeks.iter().map(|&w| week_en(w)).collect();
                format!("every {} {day} of the month", join_and(&weeks))
            }
            Rhythm::Irregular => "irregularly".to_owned(),
        }
    }

    /// The whole sentence in English: "every 2nd Wednesday of the month,
    /// 15:00–17:00".
    pub fn sentence_en(&self) -> String {
        match (self.start, self.end) {
            (Some(s), Some(e)) => format!("{}, {s}–{e}", self.schedule_en()),
            (Some(s), None) => format!("{}, {s}", self.schedule_en()),
            _ => self.schedule_en(),
        }
    }

    /// The sentence in the interface language of the directory ("de" or
    /// "en"): what web and print show.
    pub fn sentence(&self, language: &str) -> String {
        if language == "en" {
            self.sentence_en()
        } else {
            self.sentence_de()
        }
    }

    /// Does the meeting take place on `date`? Always false for irregular
    /// meetings (and for biweekly ones without `first_date`).
    pub fn occurs_on(&self, date: Date) -> bool {
        let Some(weekday) = self.weekday else {
            return false;
        };
        if weekday_of(date) != weekday {
            return false;
        }
        match self.rhythm {
            Rhythm::Weekly => true,
            Rhythm::Biweekly => self
                .first_date
                .is_some_and(|anchor| (day_number(date) - day_number(anchor)).rem_euclid(14) == 0),
            Rhythm::Monthly => {
                let week = (date.day() - 1) / 7 + 1;
                let last = date.day() + 7 > date.days_in_month();
                self.weeks.iter().any(|&w| w == week || (w == -1 && last))
            }
            Rhythm::Irregular => false,
        }
    }

    /// The first meeting on or after `from` (`None` for irregular meetings).
    /// Biweekly meetings follow the series anchored at `first_date`.
    pub fn next_on_or_after(&self, from: Date) -> Option<Date> {
        let mut d = from;
        // Every regular rhythm repeats within 5 weeks; 62 days is ample.
        for _ in 0..62 {
            if self.occurs_on(d) {
                return Some(d);
            }
            d = d.tomorrow().ok()?;
        }
        None
    }

    /// The first date of a calendar series for a group verified on
    /// `verified`: biweekly meetings start at `first_date`, the others at
    /// their first meeting on or after `verified`. `None` when irregular.
    pub fn series_start(&self, verified: Date) -> Option<Date> {
        match self.rhythm {
            Rhythm::Irregular => None,
            Rhythm::Biweekly => self
                .first_date
                .filter(|&d| self.occurs_on(d))
                .or_else(|| self.next_on_or_after(verified)),
            _ => self.next_on_or_after(verified),
        }
    }
}

/// The weekday of a date.
pub fn weekday_of(date: Date) -> Weekday {
    use jiff::civil::Weekday as J;
    match date.weekday() {
        J::Monday => Weekday::Monday,
        J::Tuesday => Weekday::Tuesday,
        J::Wednesday => Weekday::Wednesday,
        J::Thursday => Weekday::Thursday,
        J::Friday => Weekday::Friday,
        J::Saturday => Weekday::Saturday,
        J::Sunday => Weekday::Sunday,
    }
}

/// Days since 1970-01-01 (proleptic Gregorian).
fn day_number(d: Date) -> i64 {
    let (y, m, day) = (
        i64::from(d.year()),
        i64::from(d.month()),
        i64::from(d.day()),
    );
    let y = if m <= 2 { y - 1 } else { y };
    let era = y.div_euclid(400);
    let yoe = y - era * 400;
    let mp = (m + 9) % 12;
    let doy = (153 * mp + 2) / 5 + day - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    era * 146_097 + doe - 719_468
}

#[cfg(test)]
mod tests {
    use super::*;

    fn meeting(rhythm: Rhythm, weekday: Option<Weekday>, weeks: Vec<i8>) -> Meeting {
        Meeting {
            weeks,
            start: Time::parse("15:00"),
            end: Time::parse("17:00"),
            ..Meeting::new(rhythm, weekday)
        }
    }

    #[test]
    fn english_sentences() {
        let mut m = meeting(Rhythm::Monthly, Some(Weekday::Wednesday), vec![2, 4]);
        assert_eq!(
            m.sentence("en"),
            "every 2nd and 4th Wednesday of the month, 15:00–17:00"
        );
        m.weeks = vec![-1];
        m.end = None;
        assert_eq!(m.sentence("en"), "every last Wednesday of the month, 15:00");
        m.rhythm = Rhythm::Biweekly;
        assert_eq!(m.sentence("en"), "every other Wednesday, 15:00");
        assert_eq!(m.sentence("de"), m.sentence_de());
    }

    #[test]
    fn sentences() {
        let m = meeting(Rhythm::Monthly, Some(Weekday::Wednesday), vec![2, 4]);
        assert_eq!(
            m.sentence_de(),
            "jeden 2. und 4. Mittwoch im Monat, 15:00–17:00 Uhr"
        );
        let m = meeting(Rhythm::Monthly, Some(Weekday::Friday), vec![-1]);
        assert_eq!(m.schedule_de(), "jeden letzten Freitag im Monat");
        let m = meeting(Rhythm::Monthly, Some(Weekday::Monday), vec![1, 3, -1]);
        assert_eq!(m.schedule_de(), "jeden 1., 3. und letzten Montag im Monat");
        let m = meeting(Rhythm::Weekly, Some(Weekday::Tuesday), vec![]);
        assert_eq!(m.sentence_de(), "jeden Dienstag, 15:00–17:00 Uhr");
        let m = meeting(Rhythm::Biweekly, Some(Weekday::Thursday), vec![]);
        assert_eq!(m.schedule_de(), "jeden zweiten Donnerstag");
        let mut m = meeting(Rhythm::Irregular, None, vec![]);
        m.start = None;
        assert_eq!(m.sentence_de(), "unregelmäßig");
    }

    fn date(s: &str) -> Date {
        s.parse().unwrap()
    }

    #[test]
    fn next_occurrences() {
        // 2026-09-14 is a Monday.
        let second_and_fourth = meeting(Rhythm::Monthly, Some(Weekday::Wednesday), vec![2, 4]);
        let last = meeting(Rhythm::Monthly, Some(Weekday::Friday), vec![-1]);
        let weekly = meeting(Rhythm::Weekly, Some(Weekday::Monday), vec![]);
        let mut biweekly = meeting(Rhythm::Biweekly, Some(Weekday::Friday), vec![]);
        biweekly.first_date = Some(date("2026-01-09"));
        let irregular = meeting(Rhythm::Irregular, None, vec![]);
        for (m, from, next) in [
            (&second_and_fourth, "2026-09-14", Some("2026-09-23")),
            (&second_and_fourth, "2026-09-24", Some("2026-10-14")),
            (&second_and_fourth, "2026-09-09", Some("2026-09-09")),
            (&last, "2026-09-14", Some("2026-09-25")),
            (&last, "2026-10-01", Some("2026-10-30")),
            (&weekly, "2026-09-14", Some("2026-09-14")),
            (&biweekly, "2026-01-10", Some("2026-01-23")),
            (&biweekly, "2026-01-01", Some("2026-01-09")),
            (&biweekly, "2025-12-20", Some("2025-12-26")),
            (&irregular, "2026-01-01", None),
        ] {
            assert_eq!(
                m.next_on_or_after(date(from)),
                next.map(date),
                "{:?} from {from}",
                m.rhythm
            );
        }
        assert_eq!(
            biweekly.series_start(date("2026-05-13")),
            Some(date("2026-01-09"))
        );
        assert_eq!(irregular.series_start(date("2026-01-01")), None);
        assert_eq!(day_number(date("1970-01-01")), 0);
        assert_eq!(day_number(date("2000-03-01")), 11_017);
    }

    #[test]
    fn times() {
        assert_eq!(
            Time::parse("9:05").map(|t| t.to_string()),
            Some("09:05".into())
        );
        assert_eq!(Time::parse("24:00"), None);
        assert_eq!(Time::parse("19.00"), None);
        assert_eq!(Time::parse("19:0"), None);
    }
}
