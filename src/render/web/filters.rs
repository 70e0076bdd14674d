//! What the filters of `/suche/` and the static lists work with: the facts
//! of a group a reader narrows by (for whom, in person or online, step-free,
//! when it meets), computed here once from the model and carried in the
//! search index, so that the browser only compares codes.
//!
//! Codes, not words: the theme turns them into German (`t.filters`).
//!
//! | filter | URL parameter | codes |
//! | --- | --- | --- |
//! | for whom | `fuer` | `affected`, `relatives` |
//! | format | `form` | `in-person`, `online` (a hybrid group has both) |
//! | step-free | `zugang` | `step-free` (a meeting with `accessible = true`) |
//! | weekday | `tag` | `monday` … `sunday` |
//! | time of day | `zeit` | `morning` (< 12:00), `afternoon` (12–17), `evening` (≥ 17:00) |
//! | district | `stadtteil` | the district as written |
//! | language | `sprache` | ISO 639-1 code other than `de` |
//! | status | `stand` | `founding` |
//! | hide full groups | `ohne` | `full` |

use serde::Serialize;
use serde_json::{Value, json};

use crate::model::*;

use super::views::{Urls, audience_code, language_name, weekday_code};

/// Time of day of a meeting, from its start time.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TimeOfDay {
    /// Before 12:00.
    Morning,
    /// 12:00 to before 17:00.
    Afternoon,
    /// From 17:00.
    Evening,
}

impl TimeOfDay {
    /// The time of day a meeting starting at `t` belongs to.
    pub fn of(t: Time) -> TimeOfDay {
        match t.hour {
            0..12 => TimeOfDay::Morning,
            12..17 => TimeOfDay::Afternoon,
            _ => TimeOfDay::Evening,
        }
    }

    /// Code (`t.filters.time[…]`, URL value).
    pub fn code(self) -> &'static str {
        match self {
            TimeOfDay::Morning => "morning",
            TimeOfDay::Afternoon => "afternoon",
            TimeOfDay::Evening => "evening",
        }
    }

    /// All, in the order of the day.
    pub const ALL: [TimeOfDay; 3] = [TimeOfDay::Morning, TimeOfDay::Afternoon, TimeOfDay::Evening];
}

/// Format codes a group matches: a hybrid group meets in person and online.
pub fn format_codes(f: MeetingFormat) -> &'static [&'static str] {
    match f {
        MeetingFormat::InPerson => &["in-person"],
        MeetingFormat::Online => &["online"],
        MeetingFormat::Hybrid => &["in-person", "online"],
    }
}

/// Does a group have a meeting with step-free access? (It names no place,
/// so it is shown for confidential groups too.)
pub fn step_free(g: &Group) -> bool {
    g.meetings.iter().any(|m| m.accessible == Some(true))
}

/// The regular meetings of a group as (weekday, time of day), for the
/// filters by day and time: both must hold for the same meeting.
pub fn slots(g: &Group) -> Vec<(Weekday, TimeOfDay)> {
    let mut slots: Vec<(Weekday, TimeOfDay)> = g
        .meetings
        .iter()
        .filter_map(|m| Some((m.weekday?, TimeOfDay::of(m.start?))))
        .collect();
    slots.dedup();
    slots
}

/// The facts of a group in the search index:
/// `[[audience], [format], step-free 0|1, [[weekday, time of day], …], [language codes]]`
/// (languages other than German, as codes; the names are in the entry).
pub fn index_facts(g: &Group) -> Value {
    let languages: Vec<&str> = g
        .languages
        .iter()
        .map(String::as_str)
        .filter(|&l| l != "de")
        .collect();
    json!([
        g.audience
            .iter()
            .map(|&a| audience_code(a))
            .collect::<Vec<_>>(),
        format_codes(g.format),
        u8::from(step_free(g)),
        slots(g)
            .into_iter()
            .map(|(d, t)| [weekday_code(d), t.code()])
            .collect::<Vec<_>>(),
        languages,
    ])
}

/// A choice of a select filter: value and shown name.
#[derive(Debug, Clone, Serialize)]
pub struct Choice {
    /// Form value.
    pub value: String,
    /// Shown text.
    pub name: String,
}

/// The choices that depend on the directory: its districts and the
/// languages other than German its live groups meet in, in German order.
#[derive(Debug, Clone, Serialize)]
pub struct Choices {
    /// Districts.
    pub districts: Vec<Choice>,
    /// Languages other than German.
    pub languages: Vec<Choice>,
    /// Weekday codes, Monday first.
    pub weekdays: Vec<&'static str>,
    /// Time of day codes.
    pub times: Vec<&'static str>,
}

impl Choices {
    /// The choices of a directory (from its live groups).
    pub fn of(dir: &Directory) -> Choices {
        let live = || dir.groups.iter().filter(|g| g.is_live_on_web());
        let mut districts: Vec<(SortKey, Choice)> = Vec::new();
        let mut languages: Vec<(SortKey, Choice)> = Vec::new();
        for g in live() {
            if let Some(d) = &g.district
                && !districts.iter().any(|(_, c)| &c.value == d)
            {
                districts.push((
                    SortKey::new(d),
                    Choice {
                        value: d.clone(),
                        name: d.clone(),
                    },
                ));
            }
            for l in g.languages.iter().filter(|&l| l != "de") {
                if !languages.iter().any(|(_, c)| &c.value == l) {
                    let name = language_name(dir, l);
                    languages.push((
                        SortKey::new(&name),
                        Choice {
                            value: l.clone(),
                            name,
                        },
                    ));
                }
            }
        }
        districts.sort_by(|a, b| a.0.cmp(&b.0));
        languages.sort_by(|a, b| a.0.cmp(&b.0));
        Choices {
            districts: districts.into_iter().map(|(_, c)| c).collect(),
            languages: languages.into_iter().map(|(_, c)| c).collect(),
            weekdays: Weekday::ALL.iter().map(|&d| weekday_code(d)).collect(),
            times: TimeOfDay::ALL.iter().map(|t| t.code()).collect(),
        }
    }
}

/// A static list of groups (for readers without JavaScript, and linked
/// from the start page): under `/suche/`, which no page slug may use.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum GroupList {
    /// Groups in founding ("Diese Gruppen suchen Mitglieder").
    Founding,
    /// Groups meeting online (also hybrid ones).
    Online,
    /// Groups for relatives.
    Relatives,
}

impl GroupList {
    /// All lists, in the order the start page shows them.
    pub const ALL: [GroupList; 3] = [GroupList::Founding, GroupList::Online, GroupList::Relatives];

    /// Code (`t.lists[…]`).
    pub fn code(self) -> &'static str {
        match self {
            GroupList::Founding => "founding",
            GroupList::Online => "online",
            GroupList::Relatives => "relatives",
        }
    }

    /// Site path.
    pub fn path(self) -> &'static str {
        match self {
            GroupList::Founding => "/suche/gruendung/",
            GroupList::Online => "/suche/online/",
            GroupList::Relatives => "/suche/angehoerige/",
        }
    }

    /// The query of `/suche/` that shows the same groups (and lets the
    /// reader narrow them further).
    pub fn query(self) -> &'static str {
        match self {
            GroupList::Founding => "stand=founding",
            GroupList::Online => "form=online",
            GroupList::Relatives => "fuer=relatives",
        }
    }

    /// Does a group belong on the list?
    pub fn holds(self, g: &Group) -> bool {
        g.is_live_on_web()
            && match self {
                GroupList::Founding => g.status == Status::Founding,
                GroupList::Online => format_codes(g.format).contains(&"online"),
                GroupList::Relatives => g.audience.contains(&Audience::Relatives),
            }
    }

    /// Its groups, in A–Z order.
    pub fn groups(self, dir: &Directory) -> Vec<GroupId> {
        (0..dir.groups.len())
            .map(GroupId)
            .filter(|&g| self.holds(dir.group(g)))
            .collect()
    }

    /// A link to the list, with its code and its number of groups.
    pub fn link(self, dir: &Directory, urls: &Urls) -> Value {
        json!({
            "code": self.code(),
            "url": urls.path(self.path()),
            "count": self.groups(dir).len(),
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn time_of_day_boundaries() {
        let t = |hour, minute| TimeOfDay::of(Time { hour, minute });
        assert_eq!(t(0, 0), TimeOfDay::Morning);
        assert_eq!(t(11, 59), TimeOfDay::Morning);
        assert_eq!(t(12, 0), TimeOfDay::Afternoon);
        assert_eq!(t(16, 59), TimeOfDay::Afternoon);
        assert_eq!(t(17, 0), TimeOfDay::Evening);
        assert_eq!(t(23, 30), TimeOfDay::Evening);
    }

    #[test]
    fn hybrid_counts_as_both() {
        assert_eq!(format_codes(MeetingFormat::Hybrid), ["in-person", "online"]);
        assert_eq!(format_codes(MeetingFormat::Online), ["online"]);
    }
}
