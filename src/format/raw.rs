//! The files as written: serde types of `wegweiser.toml`, `indications.toml`
//! and the front matter of each entry kind. Unknown fields are errors;
//! spans are kept where a later check must point at a value.
//!
//! These types are the single source of the content format: the loader
//! reads them and `wegweiser schema` describes them.

use std::collections::BTreeMap;

use schemars::JsonSchema;
use serde::Deserialize;
use toml::Spanned;
use toml::value::Datetime;

pub use crate::model::vocabulary::{
    Arrangement, Audience, ColorModel, ContactRule, EditingBackend, Level, MeetingFormat, Paper,
    PrintVariant, Rhythm, Status, Weekday,
};

/// `wegweiser.toml`.
#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct SettingsFile {
    /// Title of the directory, e.g. "Selbsthilfe-Wegweiser Musterstadt".
    pub title: String,
    /// Address of the published website; may hold a path ("https://x.github.io/wegweiser").
    #[schemars(regex(pattern = "^https?://"))]
    #[schemars(with = "String")]
    pub base_url: Spanned<String>,
    /// Language of the site and of messages: "de" or "en".
    #[schemars(regex(pattern = "^(de|en)$"))]
    #[schemars(with = "String")]
    pub language: Spanned<String>,
    /// Theme folder under themes/ (default: "default").
    #[schemars(regex(pattern = "^[a-z0-9]+(-[a-z0-9]+)*$"))]
    #[serde(default)]
    #[schemars(with = "Option<String>")]
    pub theme: Option<Spanned<String>>,
    /// Who publishes the directory, usually the contact point.
    pub publisher: Publisher,
    /// Settings of the printed booklet.
    #[serde(default)]
    pub print: PrintSettings,
    /// Editing in the browser: publish /admin/ (Decap CMS) with the site.
    pub editing: Option<EditingSettings>,
}

/// `[editing]`: the git host the browser editor at /admin/ saves to.
#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct EditingSettings {
    /// Git host: "github", "gitlab" or "gitea" (also Forgejo).
    #[schemars(with = "EditingBackend")]
    pub backend: Spanned<EditingBackend>,
    /// Repository as owner/name, e.g. "kiss-musterstadt/wegweiser".
    #[schemars(regex(pattern = "^[^/\\s]+/[^/\\s]+$"))]
    #[schemars(with = "String")]
    pub repo: Spanned<String>,
    /// Branch the editor saves to (default "main").
    pub branch: Option<String>,
    /// API address of a Gitea/Forgejo or self-hosted GitLab (https://…).
    #[schemars(regex(pattern = "^https?://[^\\s]+$"))]
    #[schemars(with = "Option<String>")]
    pub api_root: Option<Spanned<String>>,
    /// GitHub: address of the OAuth helper (https://…).
    #[schemars(regex(pattern = "^https?://[^\\s]+$"))]
    #[schemars(with = "Option<String>")]
    pub auth_url: Option<Spanned<String>>,
    /// GitLab/Gitea: id of the OAuth application (PKCE).
    #[schemars(with = "Option<String>")]
    pub app_id: Option<Spanned<String>>,
    /// true: changes become pull/merge requests that someone reviews (default false).
    #[serde(default)]
    pub review: bool,
}

/// `[publisher]`: who publishes the directory, usually the contact point.
#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Publisher {
    /// Name of the publisher.
    pub name: String,
    /// Postal address.
    pub address: Option<String>,
    /// Phone number.
    pub phone: Option<String>,
    /// E-mail address.
    #[schemars(regex(pattern = "^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$"))]
    #[schemars(with = "Option<String>")]
    pub email: Option<Spanned<String>>,
    /// Website (https://…).
    #[schemars(regex(pattern = "^https?://[^\\s]+$"))]
    #[schemars(with = "Option<String>")]
    pub website: Option<Spanned<String>>,
}

/// `[print]` settings.
#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct PrintSettings {
    /// Trim size: "a5" or "a4".
    #[serde(default)]
    pub paper: Paper,
    /// Bleed in millimetres (0–20); 0 = no bleed.
    #[schemars(range(min = 0, max = 20))]
    #[serde(default)]
    #[schemars(with = "Option<f64>")]
    pub bleed_mm: Option<Spanned<f64>>,
    /// Print crop marks.
    #[serde(default)]
    pub crop_marks: bool,
    /// Entries whose `verified` is older than this many months before the edition year get a warning.
    #[serde(default = "default_stale")]
    #[schemars(with = "u32")]
    pub stale_after_months: Spanned<u32>,
    /// "topics": sections per primary indication; "a-z": one alphabetical list.
    #[serde(default)]
    pub arrangement: Arrangement,
    /// "rgb" (PDF/A) or "cmyk" (offset print).
    #[serde(default)]
    pub color: ColorModel,
    /// Funding note printed in the imprint ("" for none).
    #[serde(default = "default_funding_note")]
    pub funding_note: Option<String>,
    /// Cover picture, relative to content/ (e.g. "images/cover.jpg").
    #[schemars(with = "Option<String>")]
    pub cover_image: Option<Spanned<String>>,
    /// false: no meeting places or addresses in the booklet (readers ask the contact point).
    #[serde(default = "default_true")]
    pub places: bool,
    /// "all": groups' own contacts are printed; "contact-point": the booklet names only the contact point as contact.
    #[serde(default)]
    pub contacts: ContactRule,
    /// The booklets `build` writes: "standard" (wegweiser-YEAR.pdf) and/or "large" (wegweiser-YEAR-grossdruck.pdf).
    #[serde(default = "default_variants")]
    pub variants: Vec<PrintVariant>,
    /// Weeks after the directory's date by which the verification sheets ask for an answer.
    #[serde(default = "default_reply_weeks")]
    #[schemars(range(min = 1, max = 52))]
    #[schemars(with = "u32")]
    pub reply_weeks: Spanned<u32>,
}

fn default_true() -> bool {
    true
}

fn default_variants() -> Vec<PrintVariant> {
    vec![PrintVariant::Standard]
}

fn default_reply_weeks() -> Spanned<u32> {
    Spanned::new(0..0, 4)
}

fn default_stale() -> Spanned<u32> {
    Spanned::new(0..0, 18)
}

/// The funding note of the contract's defaults (section 2).
fn default_funding_note() -> Option<String> {
    Some("Die Herausgabe wird gefördert von den Krankenkassen nach § 20h SGB V.".to_owned())
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
            funding_note: default_funding_note(),
            cover_image: None,
            places: true,
            contacts: ContactRule::default(),
            variants: default_variants(),
            reply_weeks: default_reply_weeks(),
        }
    }
}

/// `content/indications.toml`: one table per indication, keyed by id.
pub type IndicationsFile = BTreeMap<Spanned<String>, IndicationEntry>;

/// One indication (topic).
#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct IndicationEntry {
    /// Name of the topic as shown.
    pub name: String,
    /// Category the topic is listed under.
    pub category: String,
    /// Other words for the topic (keyword index, search).
    #[serde(default)]
    pub synonyms: Vec<String>,
    /// Ids of related indications.
    #[schemars(inner(regex(pattern = "^[a-z0-9]+(-[a-z0-9]+)*$")))]
    #[serde(default)]
    #[schemars(with = "Vec<String>")]
    pub see_also: Vec<Spanned<String>>,
}

/// Front matter of `content/groups/*.md`.
#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct GroupFront {
    /// Name of the group.
    #[schemars(with = "String")]
    pub name: Spanned<String>,
    /// Key for A–Z order and letter, if the name does not start with the right word.
    pub sort_as: Option<String>,
    /// Extra A–Z entries pointing to this group.
    #[serde(default)]
    pub aliases: Vec<String>,
    /// Old file names whose URLs must keep working.
    #[schemars(inner(regex(pattern = "^[a-z0-9]+(-[a-z0-9]+)*$")))]
    #[serde(default)]
    #[schemars(with = "Vec<String>")]
    pub former_slugs: Vec<Spanned<String>>,
    /// Indication ids from content/indications.toml; the first is the primary topic.
    #[schemars(length(min = 1), inner(regex(pattern = "^[a-z0-9]+(-[a-z0-9]+)*$")))]
    #[schemars(with = "Vec<String>")]
    pub indications: Spanned<Vec<Spanned<String>>>,
    /// "affected" and/or "relatives".
    #[schemars(length(min = 1))]
    #[schemars(with = "Vec<Audience>")]
    pub audience: Spanned<Vec<Audience>>,
    /// "in-person", "online" or "hybrid".
    pub format: MeetingFormat,
    /// "active", "founding", "full" or "ended".
    #[schemars(with = "Status")]
    pub status: Spanned<Status>,
    /// Date the data was last confirmed with the group (YYYY-MM-DD).
    #[schemars(with = "crate::format::schema::TomlDate")]
    pub verified: Spanned<Datetime>,
    /// File name (without .md) of an organisation in content/organisations/.
    #[schemars(regex(pattern = "^[a-z0-9]+(-[a-z0-9]+)*$"))]
    #[schemars(with = "Option<String>")]
    pub organisation: Option<Spanned<String>>,
    /// File name (without .md) of a contact point in content/contact-points/.
    #[schemars(regex(pattern = "^[a-z0-9]+(-[a-z0-9]+)*$"))]
    #[schemars(with = "Option<String>")]
    pub contact_point: Option<Spanned<String>>,
    /// District or part of town.
    pub district: Option<String>,
    /// Languages spoken in the group (ISO 639-1, default ["de"]).
    #[schemars(inner(regex(pattern = "^[a-z]{2}$")))]
    #[schemars(with = "Option<Vec<String>>")]
    pub languages: Option<Vec<Spanned<String>>>,
    /// Year the group was founded.
    #[schemars(range(min = 1800, max = 2200))]
    #[schemars(with = "Option<i64>")]
    pub since: Option<Spanned<i64>>,
    /// Date the group ended; required if and only if status = "ended".
    #[schemars(with = "Option<crate::format::schema::TomlDate>")]
    pub ended: Option<Spanned<Datetime>>,
    /// Show on the website (default true).
    pub web: Option<bool>,
    /// Show in the booklet (default true).
    pub print: Option<bool>,
    /// Never publish place, address or personal contact (default false).
    pub confidential: Option<bool>,
    /// Regular meetings.
    #[serde(default)]
    #[schemars(with = "Vec<MeetingEntry>")]
    pub meetings: Vec<Spanned<MeetingEntry>>,
    /// How to reach the group.
    #[schemars(with = "Option<ContactEntry>")]
    pub contact: Option<Spanned<ContactEntry>>,
}

/// `[[meetings]]`.
#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct MeetingEntry {
    /// "weekly", "biweekly", "monthly" or "irregular".
    pub rhythm: Rhythm,
    /// Day of the week; required unless irregular.
    #[schemars(with = "Option<Weekday>")]
    pub weekday: Option<Spanned<Weekday>>,
    /// Monthly only: weeks of the month, 1–4 or -1 for the last.
    #[schemars(with = "Option<Vec<i64>>")]
    pub weeks: Option<Spanned<Vec<Spanned<i64>>>>,
    /// Biweekly only: a date the group met.
    #[schemars(with = "Option<crate::format::schema::TomlDate>")]
    pub first_date: Option<Spanned<Datetime>>,
    /// Start time "HH:MM"; required unless irregular.
    #[schemars(regex(pattern = "^[0-9]{1,2}:[0-9]{2}$"))]
    #[schemars(with = "Option<String>")]
    pub start: Option<Spanned<String>>,
    /// End time "HH:MM".
    #[schemars(regex(pattern = "^[0-9]{1,2}:[0-9]{2}$"))]
    #[schemars(with = "Option<String>")]
    pub end: Option<Spanned<String>>,
    /// Where the group meets.
    pub place: Option<String>,
    /// Address of the meeting place.
    pub address: Option<String>,
    /// Step-free access (absent = unknown).
    pub accessible: Option<bool>,
    /// A short note, e.g. "nicht in den Schulferien".
    pub note: Option<String>,
}

/// `[contact]` of a group.
#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct ContactEntry {
    /// Publish only the contact point as contact.
    pub via_contact_point: Option<bool>,
    /// Contact person (needs consent).
    #[schemars(with = "Option<String>")]
    pub person: Option<Spanned<String>>,
    /// Phone number (needs consent).
    #[schemars(with = "Option<String>")]
    pub phone: Option<Spanned<String>>,
    /// E-mail address (needs consent).
    #[schemars(regex(pattern = "^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$"))]
    #[schemars(with = "Option<String>")]
    pub email: Option<Spanned<String>>,
    /// Date the group agreed to publish person, phone and e-mail.
    #[schemars(with = "Option<crate::format::schema::TomlDate>")]
    pub consent: Option<Spanned<Datetime>>,
    /// Website of the group (https://…).
    #[schemars(regex(pattern = "^https?://[^\\s]+$"))]
    #[schemars(with = "Option<String>")]
    pub website: Option<Spanned<String>>,
}

/// Front matter of `content/organisations/*.md`.
#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct OrganisationFront {
    /// Name of the organisation.
    #[schemars(with = "String")]
    pub name: Spanned<String>,
    /// "local", "state" or "federal".
    pub level: Level,
    /// Date the data was last confirmed (YYYY-MM-DD).
    #[schemars(with = "crate::format::schema::TomlDate")]
    pub verified: Spanned<Datetime>,
    /// Indication ids the organisation works on.
    #[schemars(inner(regex(pattern = "^[a-z0-9]+(-[a-z0-9]+)*$")))]
    #[serde(default)]
    #[schemars(with = "Vec<String>")]
    pub indications: Vec<Spanned<String>>,
    /// Postal address.
    pub address: Option<String>,
    /// Phone number.
    pub phone: Option<String>,
    /// E-mail address.
    #[schemars(regex(pattern = "^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$"))]
    #[schemars(with = "Option<String>")]
    pub email: Option<Spanned<String>>,
    /// Website (https://…).
    #[schemars(regex(pattern = "^https?://[^\\s]+$"))]
    #[schemars(with = "Option<String>")]
    pub website: Option<Spanned<String>>,
    /// Key for A–Z order and letter.
    pub sort_as: Option<String>,
    /// Extra A–Z entries pointing here.
    #[serde(default)]
    pub aliases: Vec<String>,
    /// Old file names whose URLs must keep working.
    #[schemars(inner(regex(pattern = "^[a-z0-9]+(-[a-z0-9]+)*$")))]
    #[serde(default)]
    #[schemars(with = "Vec<String>")]
    pub former_slugs: Vec<Spanned<String>>,
    /// Show on the website (default true).
    pub web: Option<bool>,
    /// Show in the booklet (default true).
    pub print: Option<bool>,
}

/// Front matter of `content/contact-points/*.md`.
#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct ContactPointFront {
    /// Name of the contact point.
    #[schemars(with = "String")]
    pub name: Spanned<String>,
    /// Date the data was last confirmed (YYYY-MM-DD).
    #[schemars(with = "crate::format::schema::TomlDate")]
    pub verified: Spanned<Datetime>,
    /// Postal address.
    pub address: Option<String>,
    /// Phone number.
    pub phone: Option<String>,
    /// E-mail address.
    #[schemars(regex(pattern = "^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$"))]
    #[schemars(with = "Option<String>")]
    pub email: Option<Spanned<String>>,
    /// Website (https://…).
    #[schemars(regex(pattern = "^https?://[^\\s]+$"))]
    #[schemars(with = "Option<String>")]
    pub website: Option<Spanned<String>>,
    /// Opening hours, one line each.
    #[serde(default)]
    pub opening_hours: Vec<String>,
    /// Key for A–Z order and letter.
    pub sort_as: Option<String>,
    /// Extra A–Z entries pointing here.
    #[serde(default)]
    pub aliases: Vec<String>,
    /// Old file names whose URLs must keep working.
    #[schemars(inner(regex(pattern = "^[a-z0-9]+(-[a-z0-9]+)*$")))]
    #[serde(default)]
    #[schemars(with = "Vec<String>")]
    pub former_slugs: Vec<Spanned<String>>,
    /// Show on the website (default true).
    pub web: Option<bool>,
    /// Show in the booklet (default true).
    pub print: Option<bool>,
}

/// Front matter of `content/pages/*.md`.
#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct PageFront {
    /// Title of the page.
    pub title: String,
    /// Order of the pages (smaller first, default 0).
    #[serde(default)]
    pub weight: i64,
    /// Show on the website (default true).
    pub web: Option<bool>,
    /// Show in the booklet (default true).
    pub print: Option<bool>,
}
