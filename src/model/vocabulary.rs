//! The vocabulary of the content format: the values a field may take
//! (`status = "founding"`, `rhythm = "monthly"`, …). The loader reads them
//! (serde), `schema` describes them (schemars) and every stage after the
//! loader speaks them; they live here so that the model needs nothing from
//! [`crate::load`].

use schemars::JsonSchema;
use serde::Deserialize;

/// Trim size of the booklet.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Deserialize, serde::Serialize, JsonSchema)]
#[serde(rename_all = "lowercase")]
pub enum Paper {
    #[default]
    A5,
    A4,
}

/// How the groups are arranged in print.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Deserialize, serde::Serialize, JsonSchema)]
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
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Deserialize, serde::Serialize, JsonSchema)]
#[serde(rename_all = "lowercase")]
pub enum ColorModel {
    #[default]
    Rgb,
    Cmyk,
}

/// Who a group is for.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Deserialize, serde::Serialize, JsonSchema,
)]
#[serde(rename_all = "lowercase")]
pub enum Audience {
    Affected,
    Relatives,
}

/// How a group meets.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, serde::Serialize, JsonSchema)]
#[serde(rename_all = "kebab-case")]
pub enum MeetingFormat {
    InPerson,
    Online,
    Hybrid,
}

/// Where a group stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, serde::Serialize, JsonSchema)]
#[serde(rename_all = "lowercase")]
pub enum Status {
    Active,
    Founding,
    Full,
    Ended,
}

/// Level of an organisation.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, serde::Serialize, JsonSchema)]
#[serde(rename_all = "lowercase")]
pub enum Level {
    Local,
    State,
    Federal,
}

/// How often a meeting happens.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, serde::Serialize, JsonSchema)]
#[serde(rename_all = "lowercase")]
pub enum Rhythm {
    Weekly,
    Biweekly,
    Monthly,
    Irregular,
}

/// Day of the week.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Deserialize, serde::Serialize, JsonSchema,
)]
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

/// Which contacts of a group the booklet prints.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Deserialize, serde::Serialize, JsonSchema)]
pub enum ContactRule {
    /// The group's own contacts (person, phone, e-mail, website), where it consented.
    #[default]
    #[serde(rename = "all")]
    All,
    /// Only the contact point, for every group.
    #[serde(rename = "contact-point")]
    ContactPoint,
}

/// A typesetting of the booklet.
#[derive(
    Debug,
    Clone,
    Copy,
    PartialEq,
    Eq,
    PartialOrd,
    Ord,
    Default,
    Deserialize,
    serde::Serialize,
    JsonSchema,
)]
#[serde(rename_all = "lowercase")]
pub enum PrintVariant {
    /// The usual booklet (paper, columns and sizes of `[print]`).
    #[default]
    Standard,
    /// Large print: A4, one column, running text at least 14 pt.
    Large,
}

/// The git host of the browser editor.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, serde::Serialize, JsonSchema)]
#[serde(rename_all = "lowercase")]
pub enum EditingBackend {
    Github,
    Gitlab,
    Gitea,
}

impl EditingBackend {
    /// The name written in `[editing] backend` and in Decap's config.
    pub fn name(self) -> &'static str {
        match self {
            EditingBackend::Github => "github",
            EditingBackend::Gitlab => "gitlab",
            EditingBackend::Gitea => "gitea",
        }
    }
}
