//! What the templates see: plain serialisable views of the model, with
//! URLs and German wording filled in. Built from the model only.

use serde::Serialize;

use crate::model::*;
use crate::project::format_date_de;
use crate::render::markdown;
use crate::validate::language_name_de;

/// Makes site-absolute URLs that work under a base path.
#[derive(Debug, Clone)]
pub struct Urls {
    /// `""` or `"/sub/path"`.
    pub base: String,
    /// Absolute base URL without trailing slash.
    pub absolute: String,
}

impl Urls {
    /// `/gruppen/x/` → `{base}/gruppen/x/`.
    pub fn path(&self, p: &str) -> String {
        format!("{}{p}", self.base)
    }

    /// Absolute URL of a site path (sitemap).
    pub fn absolute(&self, p: &str) -> String {
        let origin = self.absolute.strip_suffix(&self.base).unwrap_or(&self.absolute);
        format!("{origin}{}{p}", self.base)
    }

    /// Site path (without base) of an entry page.
    pub fn entry_path(dir: &Directory, e: EntryRef) -> String {
        let slug = &dir.meta(e).slug;
        match e {
            EntryRef::Group(_) => format!("/gruppen/{slug}/"),
            EntryRef::Organisation(_) => format!("/organisationen/{slug}/"),
            EntryRef::ContactPoint(_) => format!("/kontaktstellen/{slug}/"),
        }
    }

    /// Site path of a former slug of an entry.
    pub fn former_path(e: EntryRef, slug: &str) -> String {
        match e {
            EntryRef::Group(_) => format!("/gruppen/{slug}/"),
            EntryRef::Organisation(_) => format!("/organisationen/{slug}/"),
            EntryRef::ContactPoint(_) => format!("/kontaktstellen/{slug}/"),
        }
    }

    /// Site path of an indication page.
    pub fn indication_path(ind: &Indication) -> String {
        format!("/themen/{}/", ind.id)
    }

    /// Site path of a letter page.
    pub fn letter_path(l: Letter) -> String {
        format!("/a-z/{}/", l.slug())
    }
}

/// A link with a name.
#[derive(Debug, Clone, Serialize)]
pub struct Link {
    /// Shown text.
    pub name: String,
    /// Site URL (with base path).
    pub url: String,
}

/// German label of an entry kind.
pub fn kind_de(e: EntryRef) -> &'static str {
    match e {
        EntryRef::Group(_) => "Selbsthilfegruppe",
        EntryRef::Organisation(_) => "Selbsthilfeorganisation",
        EntryRef::ContactPoint(_) => "Selbsthilfe-Kontaktstelle",
    }
}

/// "Betroffene", "Angehörige", "Betroffene und Angehörige".
pub fn audience_de(a: &[Audience]) -> String {
    let words: Vec<&str> = a
        .iter()
        .map(|a| match a {
            Audience::Affected => "Betroffene",
            Audience::Relatives => "Angehörige",
        })
        .collect();
    words.join(" und ")
}

/// Status in words, `None` for active groups.
pub fn status_de(s: Status) -> Option<&'static str> {
    match s {
        Status::Active => None,
        Status::Founding => Some("in Gründung"),
        Status::Full => Some("zur Zeit keine Aufnahme"),
        Status::Ended => Some("trifft sich nicht mehr"),
    }
}

/// "vor Ort", "online", "vor Ort und online (hybrid)".
pub fn format_de(f: MeetingFormat) -> &'static str {
    match f {
        MeetingFormat::InPerson => "vor Ort",
        MeetingFormat::Online => "online",
        MeetingFormat::Hybrid => "vor Ort und online (hybrid)",
    }
}

/// German name of a level.
pub fn level_de(l: Level) -> &'static str {
    match l {
        Level::Local => "örtlich",
        Level::State => "Landesebene",
        Level::Federal => "Bundesebene",
    }
}

/// Contact details shown for a contact point (or the publisher).
#[derive(Debug, Clone, Serialize)]
pub struct ContactDetails {
    /// Name.
    pub name: String,
    /// Link to its page (none for the publisher).
    pub url: Option<String>,
    /// Address.
    pub address: Option<String>,
    /// Phone.
    pub phone: Option<String>,
    /// `tel:` URI of the phone.
    pub phone_uri: Option<String>,
    /// E-mail.
    pub email: Option<String>,
    /// Website.
    pub website: Option<String>,
}

/// `tel:` URI: digits and a leading plus only.
pub fn tel_uri(phone: &str) -> String {
    let mut s = String::from("tel:");
    for (i, c) in phone.chars().enumerate() {
        if c.is_ascii_digit() || (c == '+' && i == 0) {
            s.push(c);
        }
    }
    s
}

/// The details of "the contact point" of a group.
pub fn contact_point_details(dir: &Directory, urls: &Urls, r: ContactPointRef) -> ContactDetails {
    match r {
        ContactPointRef::Entry(c) => {
            let cp = dir.contact_point(c);
            ContactDetails {
                name: cp.meta.name.clone(),
                url: cp.meta.web.then(|| urls.path(&Urls::entry_path(dir, EntryRef::ContactPoint(c)))),
                address: cp.address.clone(),
                phone: cp.phone.clone(),
                phone_uri: cp.phone.as_deref().map(tel_uri),
                email: cp.email.clone(),
                website: cp.website.clone(),
            }
        }
        ContactPointRef::Publisher => {
            let p = &dir.settings.publisher;
            ContactDetails {
                name: p.name.clone(),
                url: None,
                address: p.address.clone(),
                phone: p.phone.clone(),
                phone_uri: p.phone.as_deref().map(tel_uri),
                email: p.email.clone(),
                website: p.website.clone(),
            }
        }
    }
}

/// A meeting as the templates show it.
#[derive(Debug, Clone, Serialize)]
pub struct MeetingView {
    /// "jeden 2. und 4. Mittwoch im Monat, 15:00–17:00 Uhr"
    pub sentence: String,
    /// Place.
    pub place: Option<String>,
    /// Address.
    pub address: Option<String>,
    /// Step-free: true, false or unknown (null).
    pub accessible: Option<bool>,
    /// Note.
    pub note: Option<String>,
}

/// A group page's content.
#[derive(Debug, Clone, Serialize)]
pub struct GroupView {
    /// Name.
    pub name: String,
    /// Slug.
    pub slug: String,
    /// Page URL.
    pub url: String,
    /// Description as safe HTML.
    pub description_html: String,
    /// "Betroffene und Angehörige".
    pub audience: String,
    /// Status words (absent when active).
    pub status: Option<&'static str>,
    /// Status code (`active`, `founding`, …).
    pub status_code: Status,
    /// "vor Ort" / "online" / hybrid.
    pub format: &'static str,
    /// Languages by German name.
    pub languages: Vec<String>,
    /// District.
    pub district: Option<String>,
    /// Founded.
    pub since: Option<i32>,
    /// Meetings.
    pub meetings: Vec<MeetingView>,
    /// Personal contact (only with consent).
    pub direct: Option<DirectContact>,
    /// The group's website.
    pub website: Option<String>,
    /// The contact point that answers for the group.
    pub contact_point: ContactDetails,
    /// Reached only through the contact point.
    pub via_contact_point: bool,
    /// The organisation.
    pub organisation: Option<Link>,
    /// Indications, the primary first.
    pub indications: Vec<Link>,
    /// "Stand" date, German format.
    pub verified: String,
    /// Aliases.
    pub aliases: Vec<String>,
}

/// Consented personal contact.
#[derive(Debug, Clone, Serialize)]
pub struct DirectContact {
    /// Person.
    pub person: Option<String>,
    /// Phone.
    pub phone: Option<String>,
    /// `tel:` URI.
    pub phone_uri: Option<String>,
    /// E-mail.
    pub email: Option<String>,
}

/// Builds the view of a group.
pub fn group_view(dir: &Directory, urls: &Urls, id: GroupId) -> GroupView {
    let g = dir.group(id);
    let direct = match &g.contact {
        ContactRoute::Direct { person, phone, email } => Some(DirectContact {
            person: person.clone(),
            phone: phone.clone(),
            phone_uri: phone.as_deref().map(tel_uri),
            email: email.clone(),
        }),
        ContactRoute::ContactPoint => None,
    };
    GroupView {
        name: g.meta.name.clone(),
        slug: g.meta.slug.clone(),
        url: urls.path(&Urls::entry_path(dir, EntryRef::Group(id))),
        description_html: markdown::to_html(&g.meta.description, 1, &urls.base),
        audience: audience_de(&g.audience),
        status: status_de(g.status),
        status_code: g.status,
        format: format_de(g.format),
        languages: g.languages.iter().map(|c| language_name_de(c).unwrap_or(c).to_owned()).collect(),
        district: g.district.clone(),
        since: g.since,
        meetings: g
            .meetings
            .iter()
            .map(|m| MeetingView {
                sentence: m.sentence_de(),
                place: m.place.clone(),
                address: m.address.clone(),
                accessible: m.accessible,
                note: m.note.clone(),
            })
            .collect(),
        via_contact_point: direct.is_none(),
        direct,
        website: g.website.clone(),
        contact_point: contact_point_details(dir, urls, g.contact_point_ref()),
        organisation: g.organisation.filter(|o| dir.organisation(*o).meta.web).map(|o| Link {
            name: dir.organisation(o).meta.name.clone(),
            url: urls.path(&Urls::entry_path(dir, EntryRef::Organisation(o))),
        }),
        indications: g.indications.iter().map(|&i| indication_link(dir, urls, i)).collect(),
        verified: format_date_de(g.meta.verified),
        aliases: g.meta.aliases.iter().map(|a| a.name.clone()).collect(),
    }
}

/// Link to an indication page.
pub fn indication_link(dir: &Directory, urls: &Urls, id: IndicationId) -> Link {
    let ind = dir.indication(id);
    Link { name: ind.name.clone(), url: urls.path(&Urls::indication_path(ind)) }
}

/// A line in a list of groups (topic, organisation, contact point pages).
#[derive(Debug, Clone, Serialize)]
pub struct GroupLine {
    /// Name.
    pub name: String,
    /// URL.
    pub url: String,
    /// Status words.
    pub status: Option<&'static str>,
    /// Format words.
    pub format: &'static str,
    /// Primary indication name.
    pub primary: String,
    /// District.
    pub district: Option<String>,
}

/// Lines for the live web groups among `ids`.
pub fn group_lines(dir: &Directory, urls: &Urls, ids: &[GroupId]) -> Vec<GroupLine> {
    ids.iter()
        .filter(|&&g| dir.group(g).is_live_on_web())
        .map(|&g| {
            let grp = dir.group(g);
            GroupLine {
                name: grp.meta.name.clone(),
                url: urls.path(&Urls::entry_path(dir, EntryRef::Group(g))),
                status: status_de(grp.status),
                format: format_de(grp.format),
                primary: dir.indication(grp.primary_indication()).name.clone(),
                district: grp.district.clone(),
            }
        })
        .collect()
}
