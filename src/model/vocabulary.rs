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
// Variants without doc comments: schemars would turn them into a `oneOf`
// with descriptions and change `wegweiser schema` and the editor config;
// each value is its serde name, listed in the enum's own doc.
#[allow(missing_docs)]
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
// Variants without doc comments: schemars would turn them into a `oneOf`
// with descriptions and change `wegweiser schema` and the editor config;
// each value is its serde name, listed in the enum's own doc.
#[allow(missing_docs)]
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
// Variants without doc comments: schemars would turn them into a `oneOf`
// with descriptions and change `wegweiser schema` and the editor config;
// each value is its serde name, listed in the enum's own doc.
#[allow(missing_docs)]
pub enum Audience {
    Affected,
    Relatives,
}

/// How a group meets.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, serde::Serialize, JsonSchema)]
#[serde(rename_all = "kebab-case")]
// Variants without doc comments: schemars would turn them into a `oneOf`
// with descriptions and change `wegweiser schema` and the editor config;
// each value is its serde name, listed in the enum's own doc.
#[allow(missing_docs)]
pub enum MeetingFormat {
    InPerson,
    Online,
    Hybrid,
}

/// Where a group stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, serde::Serialize, JsonSchema)]
#[serde(rename_all = "lowercase")]
// Variants without doc comments: schemars would turn them into a `oneOf`
// with descriptions and change `wegweiser schema` and the editor config;
// each value is its serde name, listed in the enum's own doc.
#[allow(missing_docs)]
pub enum Status {
    Active,
    Founding,
    Full,
    Ended,
}

/// Level of an organisation.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, serde::Serialize, JsonSchema)]
#[serde(rename_all = "lowercase")]
// Variants without doc comments: schemars would turn them into a `oneOf`
// with descriptions and change `wegweiser schema` and the editor config;
// each value is its serde name, listed in the enum's own doc.
#[allow(missing_docs)]
pub enum Level {
    Local,
    State,
    Federal,
}

/// How often a meeting happens.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, serde::Serialize, JsonSchema)]
#[serde(rename_all = "lowercase")]
// Variants without doc comments: schemars would turn them into a `oneOf`
// with descriptions and change `wegweiser schema` and the editor config;
// each value is its serde name, listed in the enum's own doc.
#[allow(missing_docs)]
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
// Variants without doc comments: schemars would turn them into a `oneOf`
// with descriptions and change `wegweiser schema` and the editor config;
// each value is its serde name, listed in the enum's own doc.
#[allow(missing_docs)]
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
// Variants without doc comments: schemars would turn them into a `oneOf`
// with descriptions and change `wegweiser schema` and the editor config;
// each value is its serde name, listed in the enum's own doc.
#[allow(missing_docs)]
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

/// The code of each value as the files write it (`"in-person"`,
/// `"founding"`): what the templates translate through `t`, the export
/// and the importer write. One place, so no renderer spells them anew.
macro_rules! codes {
    ($($ty:ident { $($variant:ident => $code:literal),+ $(,)? })+) => {
        $(impl $ty {
            /// Every value, in the order of the enum (weekdays from Monday).
            pub const ALL: &'static [$ty] = &[$($ty::$variant),+];

            /// The value as written in a file (its serde name).
            pub fn code(self) -> &'static str {
                match self {
                    $($ty::$variant => $code,)+
                }
            }
        })+
    };
}

codes! {
    Audience { Affected => "affected", Relatives => "relatives" }
    MeetingFormat { InPerson => "in-person", Online => "online", Hybrid => "hybrid" }
    Status { Active => "active", Founding => "founding", Full => "full", Ended => "ended" }
    Level { Local => "local", State => "state", Federal => "federal" }
    Rhythm { Weekly => "weekly", Biweekly => "biweekly", Monthly => "monthly", Irregular => "irregular" }
    Weekday {
        Monday => "monday", Tuesday => "tuesday", Wednesday => "wednesday", Thursday => "thursday",
        Friday => "friday", Saturday => "saturday", Sunday => "sunday",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The codes are the names serde reads: a file written with them reads back.
    #[test]
    fn codes_are_the_serde_names() {
        fn check<T: serde::de::DeserializeOwned + PartialEq + std::fmt::Debug>(
            value: T,
            code: &str,
        ) {
            let read: T = serde_json::from_value(serde_json::Value::from(code)).expect(code);
            assert_eq!(read, value, "{code}");
        }
        // ALL lists what code() matches, and that match is exhaustive.
        Audience::ALL.iter().for_each(|&v| check(v, v.code()));
        MeetingFormat::ALL.iter().for_each(|&v| check(v, v.code()));
        Status::ALL.iter().for_each(|&v| check(v, v.code()));
        Level::ALL.iter().for_each(|&v| check(v, v.code()));
        Rhythm::ALL.iter().for_each(|&v| check(v, v.code()));
        Weekday::ALL.iter().for_each(|&v| check(v, v.code()));
        assert_eq!(Weekday::ALL.first(), Some(&Weekday::Monday));
        assert_eq!(Weekday::ALL.len(), 7);
    }
}
