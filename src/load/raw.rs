//! The files as written: serde types of `wegweiser.toml`, `indications.toml`
//! and the front matter of each entry kind. Unknown fields are errors;
//! spans are kept where a later check must point at a value.
//!
//! These types are the single source of the content format: the loader
//! reads them and `wegweiser schema` describes them.

use std::collections::BTreeMap;

use serde::Deserialize;
use toml::Spanned;
use toml::value::Datetime;

/// `wegweiser.toml`.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SettingsFile {
    pub title: String,
    pub base_url: Spanned<String>,
    pub language: Spanned<String>,
    #[serde(default)]
    pub theme: Option<Spanned<String>>,
    pub publisher: Publisher,
    #[serde(default)]
    pub print: PrintSettings,
}

/// `[publisher]`: who publishes the directory, usually the contact point.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Publisher {
    pub name: String,
    pub address: Option<String>,
    pub phone: Option<String>,
    pub email: Option<Spanned<String>>,
    pub website: Option<Spanned<String>>,
}

/// `[print]` settings.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PrintSettings {
    #[serde(default)]
    pub paper: Paper,
    #[serde(default)]
    pub bleed_mm: Option<Spanned<f64>>,
    #[serde(default)]
    pub crop_marks: bool,
    #[serde(default = "default_stale")]
    pub stale_after_months: Spanned<u32>,
    #[serde(default)]
    pub arrangement: Arrangement,
    #[serde(default)]
    pub color: ColorModel,
    pub funding_note: Option<String>,
    pub cover_image: Option<Spanned<String>>,
}

fn default_stale() -> Spanned<u32> {
    Spanned::new(0..0, 18)
}

impl Default for PrintSettings {
    fn default() -> Self {
        Self {
            paper: Paper::default(),
            bleed_mm: None,
            crop_marks: false,
            stale_after_months: default_stale(),
            arrangement: Arrangement::default(),
            color: ColorModel::default(),
            funding_note: None,
            cover_image: None,
        }
    }
}

/// Trim size of the booklet.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Deserialize, serde::Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Paper {
    #[default]
    A5,
    A4,
}

/// How the groups are arranged in print.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Deserialize, serde::Serialize)]
pub enum Arrangement {
    /// Sections per category and primary indication.
    #[default]
    #[serde(rename = "topics")]
    Topics,
    /// One alphabetical list.
    #[serde(rename = "a-z")]
    AToZ,
}

/// Colour model of the PDF.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Deserialize, serde::Serialize)]
#[serde(rename_all = "lowercase")]
pub enum ColorModel {
    #[default]
    Rgb,
    Cmyk,
}

/// `content/indications.toml`: one table per indication, keyed by id.
pub type IndicationsFile = BTreeMap<Spanned<String>, IndicationEntry>;

/// One indication (topic).
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct IndicationEntry {
    pub name: String,
    pub category: String,
    #[serde(default)]
    pub synonyms: Vec<String>,
    #[serde(default)]
    pub see_also: Vec<Spanned<String>>,
}

/// Who a group is for.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Deserialize, serde::Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Audience {
    Affected,
    Relatives,
}

/// How a group meets.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, serde::Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum MeetingFormat {
    InPerson,
    Online,
    Hybrid,
}

/// Where a group stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, serde::Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Status {
    Active,
    Founding,
    Full,
    Ended,
}

/// Level of an organisation.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, serde::Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Level {
    Local,
    State,
    Federal,
}

/// How often a meeting happens.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, serde::Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Rhythm {
    Weekly,
    Biweekly,
    Monthly,
    Irregular,
}

/// Day of the week.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Deserialize, serde::Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Weekday {
    Monday,
    Tuesday,
    Wednesday,
    Thursday,
    Friday,
    Saturday,
    Sunday,
}

/// Front matter of `content/groups/*.md`.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct GroupFront {
    pub name: Spanned<String>,
    pub sort_as: Option<String>,
    #[serde(default)]
    pub aliases: Vec<String>,
    #[serde(default)]
    pub former_slugs: Vec<Spanned<String>>,
    pub indications: Spanned<Vec<Spanned<String>>>,
    pub audience: Spanned<Vec<Audience>>,
    pub format: MeetingFormat,
    pub status: Spanned<Status>,
    pub verified: Spanned<Datetime>,
    pub organisation: Option<Spanned<String>>,
    pub contact_point: Option<Spanned<String>>,
    pub district: Option<String>,
    pub languages: Option<Vec<Spanned<String>>>,
    pub since: Option<Spanned<i64>>,
    pub ended: Option<Spanned<Datetime>>,
    pub web: Option<bool>,
    pub print: Option<bool>,
    pub confidential: Option<bool>,
    #[serde(default)]
    pub meetings: Vec<Spanned<MeetingEntry>>,
    pub contact: Option<Spanned<ContactEntry>>,
}

/// `[[meetings]]`.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct MeetingEntry {
    pub rhythm: Rhythm,
    pub weekday: Option<Spanned<Weekday>>,
    pub weeks: Option<Spanned<Vec<Spanned<i64>>>>,
    pub first_date: Option<Spanned<Datetime>>,
    pub start: Option<Spanned<String>>,
    pub end: Option<Spanned<String>>,
    pub place: Option<String>,
    pub address: Option<String>,
    pub accessible: Option<bool>,
    pub note: Option<String>,
}

/// `[contact]` of a group.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ContactEntry {
    pub via_contact_point: Option<bool>,
    pub person: Option<Spanned<String>>,
    pub phone: Option<Spanned<String>>,
    pub email: Option<Spanned<String>>,
    pub consent: Option<Spanned<Datetime>>,
    pub website: Option<Spanned<String>>,
}

/// Front matter of `content/organisations/*.md`.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct OrganisationFront {
    pub name: Spanned<String>,
    pub level: Level,
    pub verified: Spanned<Datetime>,
    #[serde(default)]
    pub indications: Vec<Spanned<String>>,
    pub address: Option<String>,
    pub phone: Option<String>,
    pub email: Option<Spanned<String>>,
    pub website: Option<Spanned<String>>,
    pub sort_as: Option<String>,
    #[serde(default)]
    pub aliases: Vec<String>,
    #[serde(default)]
    pub former_slugs: Vec<Spanned<String>>,
    pub web: Option<bool>,
    pub print: Option<bool>,
}

/// Front matter of `content/contact-points/*.md`.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ContactPointFront {
    pub name: Spanned<String>,
    pub verified: Spanned<Datetime>,
    pub address: Option<String>,
    pub phone: Option<String>,
    pub email: Option<Spanned<String>>,
    pub website: Option<Spanned<String>>,
    #[serde(default)]
    pub opening_hours: Vec<String>,
    pub sort_as: Option<String>,
    #[serde(default)]
    pub aliases: Vec<String>,
    #[serde(default)]
    pub former_slugs: Vec<Spanned<String>>,
    pub web: Option<bool>,
    pub print: Option<bool>,
}

/// Front matter of `content/pages/*.md`.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PageFront {
    pub title: String,
    #[serde(default)]
    pub weight: i64,
    pub web: Option<bool>,
    pub print: Option<bool>,
}
