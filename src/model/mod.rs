//! Stage 3, the model: one typed, immutable [`Directory`] with references
//! resolved, reverse links computed and German sort keys. Built by
//! [`crate::validate`]; the renderers' only input.
//!
//! Everything both renderers need (meeting sentences, who is the contact,
//! which entries an edition holds, the A–Z list) is computed here once.

mod collation;
pub mod diff;
pub mod edition;
pub mod languages;
pub mod meeting;
pub mod meeting_text;
pub mod paths;
pub mod publication;
pub mod round;
pub mod vocabulary;

use std::collections::BTreeMap;

pub use collation::{KnownSortKeys, Letter, SortKey, suggest};
pub use edition::Edition;
pub use meeting::{Meeting, Time};
pub use publication::{PublicationRules, PublishedContact, Restriction};
pub use vocabulary::{
    Arrangement, Audience, ColorModel, ContactRule, EditingBackend, Level, MeetingFormat, Paper,
    PrintVariant, Rhythm, Status, Weekday,
};

use crate::diagnostics::FileId;
pub use jiff::civil::Date;

/// One reading of a file: two loads give the same version exactly when the
/// second took the file from the first's file cache (the loader hands them
/// out; the model only compares them to tell what changed).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct FileVersion(u64);

impl FileVersion {
    /// A version no other reading has.
    pub fn next() -> FileVersion {
        static NEXT: std::sync::atomic::AtomicU64 = std::sync::atomic::AtomicU64::new(0);
        FileVersion(NEXT.fetch_add(1, std::sync::atomic::Ordering::Relaxed))
    }
}

/// A date as German readers write it: `14.09.2026` (web, print, messages).
pub fn date_de(d: Date) -> String {
    format!("{:02}.{:02}.{}", d.day(), d.month(), d.year())
}

/// A date as English readers of a German directory read it without doubt
/// about day and month: `14 September 2026`.
pub fn date_en(d: Date) -> String {
    const MONTHS: [&str; 12] = [
        "January",
        "February",
        "March",
        "April",
        "May",
        "June",
        "July",
        "August",
        "September",
        "October",
        "November",
        "December",
    ];
    let month = MONTHS[(d.month().clamp(1, 12) - 1) as usize];
    format!("{} {month} {}", d.day(), d.year())
}

/// A date in the interface language of the directory ("de" or "en"): what
/// web and print show.
pub fn date(d: Date, language: &str) -> String {
    if language == "en" {
        date_en(d)
    } else {
        date_de(d)
    }
}

/// Index of a group in [`Directory::groups`] (which is in A–Z order).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct GroupId(pub usize);
/// Index of an organisation in [`Directory::organisations`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct OrganisationId(pub usize);
/// Index of a contact point in [`Directory::contact_points`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct ContactPointId(pub usize);
/// Index of an indication in [`Directory::indications`] (German order of names).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct IndicationId(pub usize);

/// Any entry that has a page and an A–Z line.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum EntryRef {
    /// A self-help group.
    Group(GroupId),
    /// A self-help organisation.
    Organisation(OrganisationId),
    /// A contact point.
    ContactPoint(ContactPointId),
}

/// The directory's settings (`wegweiser.toml`).
#[derive(Debug, Clone, PartialEq)]
pub struct Settings {
    /// Title of site and booklet.
    pub title: String,
    /// Absolute base URL without trailing slash (may hold a path).
    pub base_url: String,
    /// The path part of `base_url` without trailing slash ("" or "/wegweiser").
    pub base_path: String,
    /// Language code (`de`).
    pub language: String,
    /// Theme name.
    pub theme: String,
    /// Who publishes the directory.
    pub publisher: Publisher,
    /// The `[print]` table.
    pub print: PrintSettings,
    /// The `[editing]` table: `build` publishes /admin/ when it is set.
    pub editing: Option<Editing>,
    /// Set by `serve`: /admin/ saves through its local backend (`POST /api/v1` of `base_url`).
    pub local_editing: bool,
}

/// Where the browser editor (/admin/) saves: `[editing]` of `wegweiser.toml`.
#[derive(Debug, Clone, PartialEq)]
pub struct Editing {
    /// The git host.
    pub backend: EditingBackend,
    /// `owner/name`.
    pub repo: String,
    /// Branch saved to.
    pub branch: String,
    /// API address (Gitea/Forgejo, self-hosted GitLab).
    pub api_root: Option<String>,
    /// GitHub: the OAuth helper's address.
    pub auth_url: Option<String>,
    /// GitLab/Gitea: the OAuth application id (PKCE).
    pub app_id: Option<String>,
    /// Changes become pull/merge requests.
    pub review: bool,
}

/// The publisher, also "the contact point" of groups that name none.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Publisher {
    /// Name.
    pub name: String,
    /// Postal address.
    pub address: Option<String>,
    /// Phone.
    pub phone: Option<String>,
    /// E-mail.
    pub email: Option<String>,
    /// Website.
    pub website: Option<String>,
}

/// Print options.
#[derive(Debug, Clone, PartialEq)]
pub struct PrintSettings {
    /// Trim size.
    pub paper: Paper,
    /// Bleed in millimetres (0 = none).
    pub bleed_mm: f64,
    /// Draw crop marks.
    pub crop_marks: bool,
    /// Months after which an entry counts as stale.
    pub stale_after_months: u32,
    /// Topics or A–Z.
    pub arrangement: Arrangement,
    /// RGB (PDF/A) or CMYK.
    pub color: ColorModel,
    /// Funding note for the imprint.
    pub funding_note: Option<String>,
    /// Cover image, path relative to `content/`.
    pub cover_image: Option<Image>,
    /// Print meeting places and addresses.
    pub places: bool,
    /// Which contacts of groups the booklet prints.
    pub contacts: ContactRule,
    /// The booklets `build` writes (at least one, no repeats, in this order).
    pub variants: Vec<PrintVariant>,
    /// Weeks until the answer to the verification sheets is due.
    pub reply_weeks: u32,
}

/// An image from `content/images/`, read by the loader.
#[derive(Debug, Clone, PartialEq)]
pub struct Image {
    /// Path relative to `content/` (`images/cover.jpg`).
    pub path: String,
    /// The file's bytes.
    pub bytes: std::sync::Arc<Vec<u8>>,
}

/// Where an entry came from (for warnings about it).
#[derive(Debug, Clone)]
pub struct Origin {
    /// The file.
    pub file: FileId,
    /// Which reading of the file.
    pub version: FileVersion,
    /// Span of its `verified` value.
    pub verified_span: std::ops::Range<usize>,
}

/// An additional A–Z name that points to an entry ("siehe").
#[derive(Debug, Clone, PartialEq)]
pub struct Alias {
    /// The alias as written.
    pub name: String,
    /// Its sort key.
    pub sort_key: SortKey,
    /// Its letter page.
    pub letter: Letter,
}

/// Fields every entry kind has.
#[derive(Debug, Clone)]
pub struct EntryMeta {
    /// File name without `.md`; the URL segment.
    pub slug: String,
    /// Name as shown.
    pub name: String,
    /// Sort key of `sort_as`, or else the name.
    pub sort_key: SortKey,
    /// A–Z page.
    pub letter: Letter,
    /// Extra A–Z names.
    pub aliases: Vec<Alias>,
    /// Old URLs that redirect here.
    pub former_slugs: Vec<String>,
    /// Last confirmed.
    pub verified: Date,
    /// Shown on the web.
    pub web: bool,
    /// Printed.
    pub print: bool,
    /// Markdown description (shared with the loaded file).
    pub description: std::sync::Arc<str>,
    /// Source location.
    pub origin: Origin,
}

/// A topic of the vocabulary.
#[derive(Debug, Clone)]
pub struct Indication {
    /// Id (URL segment).
    pub id: String,
    /// Name.
    pub name: String,
    /// Sort key of the name.
    pub sort_key: SortKey,
    /// Index into [`Directory::categories`].
    pub category: usize,
    /// Other words for it.
    pub synonyms: Vec<String>,
    /// Related indications as its own `see_also` names them (file order).
    pub see_also: Vec<IndicationId>,
    /// Related indications in both directions, the ones it names and the
    /// ones that name it, in A–Z order: what web and print show as "siehe
    /// auch".
    pub related: Vec<IndicationId>,
    /// Groups whose primary indication this is (A–Z).
    pub primary_groups: Vec<GroupId>,
    /// Groups that name it but not first (A–Z).
    pub secondary_groups: Vec<GroupId>,
    /// Organisations that name it (A–Z).
    pub organisations: Vec<OrganisationId>,
}

/// A category of indications.
#[derive(Debug, Clone)]
pub struct Category {
    /// Name.
    pub name: String,
    /// Its indications in German order.
    pub indications: Vec<IndicationId>,
}

/// How a group is reached.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ContactRoute {
    /// Through the group's contact point (or the publisher).
    ContactPoint,
    /// Directly, with consented personal data.
    Direct {
        /// Contact person.
        person: Option<String>,
        /// Phone.
        phone: Option<String>,
        /// E-mail.
        email: Option<String>,
    },
}

/// "The contact point" of a group: its own, or the publisher.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ContactPointRef {
    /// An entry in `content/contact-points/`.
    Entry(ContactPointId),
    /// The directory's publisher.
    Publisher,
}

/// A self-help group.
#[derive(Debug, Clone)]
pub struct Group {
    /// Common fields.
    pub meta: EntryMeta,
    /// Indications; the first is the primary one.
    pub indications: Vec<IndicationId>,
    /// For whom.
    pub audience: Vec<Audience>,
    /// In person / online / hybrid.
    pub format: MeetingFormat,
    /// Status.
    pub status: Status,
    /// Organisation it belongs to.
    pub organisation: Option<OrganisationId>,
    /// Its contact point (`None` = the publisher).
    pub contact_point: Option<ContactPointId>,
    /// District of the town.
    pub district: Option<String>,
    /// Languages spoken (ISO 639-1).
    pub languages: Vec<String>,
    /// Year founded.
    pub since: Option<i32>,
    /// Date it ended.
    pub ended: Option<Date>,
    /// Confidential: place, address and personal contact are never
    /// published. The model holds none of them for such a group.
    pub confidential: bool,
    /// Meetings (for a confidential group without place and address).
    pub meetings: Vec<Meeting>,
    /// How to reach it.
    pub contact: ContactRoute,
    /// The group's own website.
    pub website: Option<String>,
}

impl Group {
    /// The primary indication.
    pub fn primary_indication(&self) -> IndicationId {
        self.indications[0]
    }

    /// The contact point that answers for this group.
    pub fn contact_point_ref(&self) -> ContactPointRef {
        self.contact_point
            .map(ContactPointRef::Entry)
            .unwrap_or(ContactPointRef::Publisher)
    }

    /// Shown on the website as a full page (not ended, `web = true`).
    pub fn is_live_on_web(&self) -> bool {
        self.meta.web && self.status != Status::Ended
    }
}

/// A self-help organisation.
#[derive(Debug, Clone)]
pub struct Organisation {
    /// Common fields.
    pub meta: EntryMeta,
    /// Local / state / federal.
    pub level: Level,
    /// Indications it covers.
    pub indications: Vec<IndicationId>,
    /// Address.
    pub address: Option<String>,
    /// Phone.
    pub phone: Option<String>,
    /// E-mail.
    pub email: Option<String>,
    /// Website.
    pub website: Option<String>,
    /// Groups that name it (A–Z).
    pub groups: Vec<GroupId>,
}

/// A self-help contact point.
#[derive(Debug, Clone)]
pub struct ContactPoint {
    /// Common fields.
    pub meta: EntryMeta,
    /// Address.
    pub address: Option<String>,
    /// Phone.
    pub phone: Option<String>,
    /// E-mail.
    pub email: Option<String>,
    /// Website.
    pub website: Option<String>,
    /// Opening hours, one line each.
    pub opening_hours: Vec<String>,
    /// Groups that name it (A–Z).
    pub groups: Vec<GroupId>,
}

/// A free page (foreword, imprint, …).
#[derive(Debug, Clone, PartialEq)]
pub struct Page {
    /// URL segment.
    pub slug: String,
    /// Title.
    pub title: String,
    /// Order.
    pub weight: i64,
    /// On the web.
    pub web: bool,
    /// In print.
    pub print: bool,
    /// Markdown.
    pub body: String,
}

/// One line of an A–Z list: an entry or an alias pointing to one.
#[derive(Debug, Clone)]
pub struct AzLine {
    /// What it points to.
    pub entry: EntryRef,
    /// `Some(i)`: alias number `i` of the entry; `None`: the entry itself.
    pub alias: Option<usize>,
    /// Letter page.
    pub letter: Letter,
}

/// The whole directory, validated and cross-referenced.
#[derive(Debug, Clone)]
pub struct Directory {
    /// Settings.
    pub settings: Settings,
    /// Indications in German order of their names.
    pub indications: Vec<Indication>,
    /// Categories in German order.
    pub categories: Vec<Category>,
    /// Groups in A–Z order.
    pub groups: Vec<Group>,
    /// Organisations in A–Z order.
    pub organisations: Vec<Organisation>,
    /// Contact points in A–Z order.
    pub contact_points: Vec<ContactPoint>,
    /// Free pages by weight, then title.
    pub pages: Vec<Page>,
    /// Every entry and alias in A–Z order (all of them; renderers filter).
    pub az: Vec<AzLine>,
    /// Images under `content/images/`, by path relative to `content/`.
    pub images: BTreeMap<String, Image>,
}

impl Directory {
    /// The common fields of any entry.
    pub fn meta(&self, e: EntryRef) -> &EntryMeta {
        match e {
            EntryRef::Group(g) => &self.groups[g.0].meta,
            EntryRef::Organisation(o) => &self.organisations[o.0].meta,
            EntryRef::ContactPoint(c) => &self.contact_points[c.0].meta,
        }
    }

    /// Is an entry shown on the website as a live page?
    pub fn is_live_on_web(&self, e: EntryRef) -> bool {
        match e {
            EntryRef::Group(g) => self.groups[g.0].is_live_on_web(),
            _ => self.meta(e).web,
        }
    }

    /// A group.
    pub fn group(&self, id: GroupId) -> &Group {
        &self.groups[id.0]
    }

    /// An indication.
    pub fn indication(&self, id: IndicationId) -> &Indication {
        &self.indications[id.0]
    }

    /// An organisation.
    pub fn organisation(&self, id: OrganisationId) -> &Organisation {
        &self.organisations[id.0]
    }

    /// A contact point.
    pub fn contact_point(&self, id: ContactPointId) -> &ContactPoint {
        &self.contact_points[id.0]
    }

    /// The name shown for an A–Z line (entry name or alias).
    pub fn az_name(&self, line: &AzLine) -> &str {
        let meta = self.meta(line.entry);
        match line.alias {
            Some(i) => &meta.aliases[i].name,
            None => &meta.name,
        }
    }

    /// The edition of a year (print rules of the contract, section 6).
    pub fn edition(&self, year: i32) -> Edition<'_> {
        Edition::new(self, year)
    }

    /// Every entry of every kind: groups, organisations, contact points,
    /// each in A–Z order.
    pub fn entries(&self) -> impl Iterator<Item = EntryRef> + '_ {
        (0..self.groups.len())
            .map(|i| EntryRef::Group(GroupId(i)))
            .chain((0..self.organisations.len()).map(|i| EntryRef::Organisation(OrganisationId(i))))
            .chain(
                (0..self.contact_points.len()).map(|i| EntryRef::ContactPoint(ContactPointId(i))),
            )
    }

    /// Number of entries of all kinds.
    pub fn entry_count(&self) -> usize {
        self.groups.len() + self.organisations.len() + self.contact_points.len()
    }
}

#[cfg(test)]
mod date_tests {
    use super::*;

    #[test]
    fn dates_in_both_languages() {
        let d = Date::constant(2026, 9, 4);
        assert_eq!(date_de(d), "04.09.2026");
        assert_eq!(date_en(d), "4 September 2026");
        assert_eq!(date(d, "en"), "4 September 2026");
        assert_eq!(date(d, "de"), "04.09.2026");
    }
}
