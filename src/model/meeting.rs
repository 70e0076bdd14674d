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
        if h.is_empty() || h.len() > 2 || m.len() != 2 || !h.bytes().chain(m.bytes()).all(|b| b.is_ascii_digit()) {
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
    if w == -1 { "letzten".to_owned() } else { format!("{w}.") }
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
}

#[cfg(test)]
mod tests {
    use super::*;

    fn meeting(rhythm: Rhythm, weekday: Option<Weekday>, weeks: Vec<i8>) -> Meeting {
        Meeting {
            rhythm,
            weekday,
            weeks,
            first_date: None,
            start: Time::parse("15:00"),
            end: Time::parse("17:00"),
            place: None,
            address: None,
            accessible: None,
            note: None,
        }
    }

    #[test]
    fn sentences() {
        let m = meeting(Rhythm::Monthly, Some(Weekday::Wednesday), vec![2, 4]);
        assert_eq!(m.sentence_de(), "jeden 2. und 4. Mittwoch im Monat, 15:00–17:00 Uhr");
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

    #[test]
    fn times() {
        assert_eq!(Time::parse("9:05").map(|t| t.to_string()), Some("09:05".into()));
        assert_eq!(Time::parse("24:00"), None);
        assert_eq!(Time::parse("19.00"), None);
        assert_eq!(Time::parse("19:0"), None);
    }
}
