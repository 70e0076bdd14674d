//! What the templates see: plain serialisable views of the model, with
//! URLs filled in. Built from the model only.
//!
//! Views carry *codes* (`"group"`, `"founding"`, `"in-person"`), never
//! interface words: the theme turns codes into German through its one
//! string table `i18n/de.toml` (`{{ t.status[g.status] }}`). Wording that
//! is computed from the content (meeting sentences, dates, language names)
//! comes ready-made from the model.

use std::sync::Arc;

use serde::Serialize;

use crate::model::diff::Lookup;
use crate::model::*;
use crate::render::markdown;

/// An entry's description, rendered once for all the places that show it
/// (page, JSON-LD, search index, export).
#[derive(Debug, Clone, Default)]
pub struct EntryText {
    /// Description as safe HTML.
    pub html: String,
    /// First paragraph as plain text.
    pub summary: String,
}

impl EntryText {
    /// The texts of an entry (empty for one without a page).
    fn of(meta: &EntryMeta, urls: &Urls) -> EntryText {
        if !meta.web {
            return EntryText::default();
        }
        EntryText {
            html: markdown::to_html(&meta.description, 1, &urls.base),
            summary: markdown::first_paragraph_text(&meta.description),
        }
    }
}

/// The [`EntryText`] of every entry, by entry kind and index.
#[derive(Debug, Default)]
pub struct Texts {
    groups: Vec<Arc<EntryText>>,
    organisations: Vec<Arc<EntryText>>,
    contact_points: Vec<Arc<EntryText>>,
}

impl Texts {
    /// Renders the descriptions of all entries with a page (in parallel).
    pub fn new(dir: &Directory, urls: &Urls) -> Texts {
        Texts::build(dir, |e| Arc::new(EntryText::of(dir.meta(e), urls)))
    }

    /// Like [`Texts::new`], but takes the texts of entries whose description
    /// and visibility did not change from those of an earlier model
    /// (`earlier`, rendered with the same base path into `earlier_texts`).
    pub fn update(
        dir: &Directory,
        urls: &Urls,
        earlier: &Lookup<'_>,
        earlier_texts: &Texts,
    ) -> Texts {
        Texts::build(dir, |e| {
            let meta = dir.meta(e);
            let old = earlier.counterpart(dir, e).filter(|&o| {
                let m = earlier.directory().meta(o);
                (Arc::ptr_eq(&m.description, &meta.description)
                    || m.description == meta.description)
                    && m.web == meta.web
            });
            match old {
                Some(o) => Arc::clone(earlier_texts.shared(o)),
                None => Arc::new(EntryText::of(meta, urls)),
            }
        })
    }

    fn build(dir: &Directory, text: impl Fn(EntryRef) -> Arc<EntryText> + Sync) -> Texts {
        use rayon::prelude::*;
        Texts {
            groups: (0..dir.groups.len())
                .into_par_iter()
                .map(|i| text(EntryRef::Group(GroupId(i))))
                .collect(),
            organisations: (0..dir.organisations.len())
                .into_par_iter()
                .map(|i| text(EntryRef::Organisation(OrganisationId(i))))
                .collect(),
            contact_points: (0..dir.contact_points.len())
                .into_par_iter()
                .map(|i| text(EntryRef::ContactPoint(ContactPointId(i))))
                .collect(),
        }
    }

    /// The texts of an entry.
    pub fn get(&self, e: EntryRef) -> &EntryText {
        self.shared(e)
    }

    fn shared(&self, e: EntryRef) -> &Arc<EntryText> {
        match e {
            EntryRef::Group(g) => &self.groups[g.0],
            EntryRef::Organisation(o) => &self.organisations[o.0],
            EntryRef::ContactPoint(c) => &self.contact_points[c.0],
        }
    }
}

/// Makes site-absolute URLs that work under a base path.
#[derive(Debug, Clone)]
pub struct Urls {
    /// `""` or `"/sub/path"`.
    pub base: String,
    /// Absolute base URL without trailing slash.
    pub absolute: String,
}

impl Urls {
    /// The URLs of a directory's site (`base_url` of its settings).
    pub fn of(dir: &Directory) -> Urls {
        Urls {
            base: dir.settings.base_path.clone(),
            absolute: dir.settings.base_url.clone(),
        }
    }

    /// `/gruppen/x/` → `{base}/gruppen/x/`.
    pub fn path(&self, p: &str) -> String {
        format!("{}{p}", self.base)
    }

    /// Absolute URL of a site path (sitemap, JSON-LD, iCalendar).
    pub fn absolute(&self, p: &str) -> String {
        let origin = self
            .absolute
            .strip_suffix(&self.base)
            .unwrap_or(&self.absolute);
        format!("{origin}{}{p}", self.base)
    }

    /// The host of the base URL (`selbsthilfe-musterstadt.example`).
    pub fn host(&self) -> &str {
        let rest = self
            .absolute
            .split_once("://")
            .map(|(_, r)| r)
            .unwrap_or(&self.absolute);
        rest.split(['/', ':']).next().unwrap_or(rest)
    }

    /// Site path (without base) of an entry page.
    pub fn entry_path(dir: &Directory, e: EntryRef) -> String {
        Urls::former_path(e, &dir.meta(e).slug)
    }

    /// Site path of an entry kind's page for a slug (also former slugs).
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

    /// Site path of a group's calendar file.
    pub fn calendar_path(slug: &str) -> String {
        format!("/kalender/{slug}.ics")
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

/// Code of an entry kind (`t.kind[…]`).
pub fn kind_code(e: EntryRef) -> &'static str {
    match e {
        EntryRef::Group(_) => "group",
        EntryRef::Organisation(_) => "organisation",
        EntryRef::ContactPoint(_) => "contact_point",
    }
}

/// Code of a status (`t.status[…]`).
pub fn status_code(s: Status) -> &'static str {
    s.code()
}

/// Code of a status worth mentioning (not for active groups).
pub fn notable_status(s: Status) -> Option<&'static str> {
    (s != Status::Active).then(|| status_code(s))
}

/// Code of a meeting format (`t.format[…]`).
pub fn format_code(f: MeetingFormat) -> &'static str {
    f.code()
}

/// Code of an audience (`t.audience[…]`).
pub fn audience_code(a: Audience) -> &'static str {
    a.code()
}

/// Code of a weekday (`t.filters.weekday[…]`, export).
pub fn weekday_code(d: Weekday) -> &'static str {
    d.code()
}

/// Code of an organisation's level (`t.level[…]`).
pub fn level_code(l: Level) -> &'static str {
    l.code()
}

/// The name of a language code in the directory's language (the code
/// itself if unknown).
pub fn language_name(dir: &Directory, code: &str) -> String {
    crate::model::languages::language_name(code, &dir.settings.language)
}

/// An e-mail address split for the harvest-protected rendering.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Email {
    /// Part before the `@`.
    pub user: String,
    /// Part after the `@`.
    pub domain: String,
}

impl Email {
    /// Splits an address; `None` if it has no `@`.
    pub fn parse(addr: &str) -> Option<Email> {
        let (user, domain) = addr.trim().rsplit_once('@')?;
        Some(Email {
            user: user.to_owned(),
            domain: domain.to_owned(),
        })
    }
}

/// Contact details shown for an entry, a contact point or the publisher.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ContactDetails {
    /// Name.
    pub name: String,
    /// Link to its page (none for the publisher or pages not on the web).
    pub url: Option<String>,
    /// Address.
    pub address: Option<String>,
    /// Phone.
    pub phone: Option<String>,
    /// `tel:` URI of the phone.
    pub phone_uri: Option<String>,
    /// E-mail, split (rendered with the `email` filter).
    pub email: Option<Email>,
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

fn details(
    name: &str,
    url: Option<String>,
    address: &Option<String>,
    phone: &Option<String>,
    email: &Option<String>,
    website: &Option<String>,
) -> ContactDetails {
    ContactDetails {
        name: name.to_owned(),
        url,
        address: address.clone(),
        phone: phone.clone(),
        phone_uri: phone.as_deref().map(tel_uri),
        email: email.as_deref().and_then(Email::parse),
        website: website.clone(),
    }
}

/// The details of "the contact point" of a group.
pub fn contact_point_details(dir: &Directory, urls: &Urls, r: ContactPointRef) -> ContactDetails {
    match r {
        ContactPointRef::Entry(c) => {
            let cp = dir.contact_point(c);
            let url = cp
                .meta
                .web
                .then(|| urls.path(&Urls::entry_path(dir, EntryRef::ContactPoint(c))));
            details(
                &cp.meta.name,
                url,
                &cp.address,
                &cp.phone,
                &cp.email,
                &cp.website,
            )
        }
        ContactPointRef::Publisher => {
            let p = &dir.settings.publisher;
            details(&p.name, None, &p.address, &p.phone, &p.email, &p.website)
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
    /// First paragraph as plain text (meta description).
    pub summary: String,
    /// Audience codes (`affected`, `relatives`).
    pub audience: Vec<&'static str>,
    /// Status code when not active.
    pub status: Option<&'static str>,
    /// Format code.
    pub format: &'static str,
    /// Languages by German name.
    pub languages: Vec<String>,
    /// District.
    pub district: Option<String>,
    /// Founded.
    pub since: Option<i32>,
    /// Meetings.
    pub meetings: Vec<MeetingView>,
    /// The calendar file, if the group has a regular meeting.
    pub calendar_url: Option<String>,
    /// Confidential: the place is never published.
    pub confidential: bool,
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
    /// E-mail, split.
    pub email: Option<Email>,
}

/// Does a group get a calendar file (a regular meeting)?
pub fn has_calendar(g: &Group) -> bool {
    g.meetings
        .iter()
        .any(|m| m.series_start(g.meta.verified).is_some())
}

/// Builds the view of a group.
pub fn group_view(dir: &Directory, urls: &Urls, texts: &Texts, id: GroupId) -> GroupView {
    let g = dir.group(id);
    let text = texts.get(EntryRef::Group(id));
    // Who answers: the model's rule, the same the booklet applies.
    let direct = match PublicationRules::WEB.contact(g) {
        PublishedContact::Own {
            person,
            phone,
            email,
        } => Some(DirectContact {
            person: person.map(str::to_owned),
            phone: phone.map(str::to_owned),
            phone_uri: phone.map(tel_uri),
            email: email.and_then(Email::parse),
        }),
        PublishedContact::ContactPoint(_) => None,
    };
    GroupView {
        name: g.meta.name.clone(),
        slug: g.meta.slug.clone(),
        url: urls.path(&Urls::entry_path(dir, EntryRef::Group(id))),
        description_html: text.html.clone(),
        summary: text.summary.clone(),
        audience: g.audience.iter().map(|&a| audience_code(a)).collect(),
        status: notable_status(g.status),
        format: format_code(g.format),
        languages: g.languages.iter().map(|c| language_name(dir, c)).collect(),
        district: g.district.clone(),
        since: g.since,
        meetings: g
            .meetings
            .iter()
            .map(|m| MeetingView {
                sentence: m.sentence(&dir.settings.language),
                // The model holds no place for confidential groups; never show one.
                place: m.place.clone().filter(|_| !g.confidential),
                address: m.address.clone().filter(|_| !g.confidential),
                accessible: m.accessible,
                note: m.note.clone(),
            })
            .collect(),
        calendar_url: has_calendar(g).then(|| urls.path(&Urls::calendar_path(&g.meta.slug))),
        confidential: g.confidential,
        via_contact_point: direct.is_none(),
        direct,
        website: g.website.clone(),
        contact_point: contact_point_details(dir, urls, g.contact_point_ref()),
        organisation: g
            .organisation
            .filter(|o| dir.organisation(*o).meta.web)
            .map(|o| Link {
                name: dir.organisation(o).meta.name.clone(),
                url: urls.path(&Urls::entry_path(dir, EntryRef::Organisation(o))),
            }),
        indications: g
            .indications
            .iter()
            .map(|&i| indication_link(dir, urls, i))
            .collect(),
        verified: date(g.meta.verified, &dir.settings.language),
        aliases: alias_names(&g.meta),
    }
}

/// An organisation or contact point page's content.
#[derive(Debug, Clone, Serialize)]
pub struct EntryView {
    /// Name.
    pub name: String,
    /// Kind code.
    pub kind: &'static str,
    /// Level code (organisations).
    pub level: Option<&'static str>,
    /// Description as safe HTML.
    pub description_html: String,
    /// First paragraph as plain text.
    pub summary: String,
    /// Contact details (without own link).
    pub contact: ContactDetails,
    /// Opening hours (contact points).
    pub opening_hours: Vec<String>,
    /// Aliases.
    pub aliases: Vec<String>,
    /// Indications (organisations).
    pub indications: Vec<Link>,
    /// "Stand" date.
    pub verified: String,
}

/// Builds the view of an organisation.
pub fn organisation_view(
    dir: &Directory,
    urls: &Urls,
    texts: &Texts,
    id: OrganisationId,
) -> EntryView {
    let o = dir.organisation(id);
    EntryView {
        level: Some(level_code(o.level)),
        indications: o
            .indications
            .iter()
            .map(|&i| indication_link(dir, urls, i))
            .collect(),
        ..entry_view(
            dir,
            texts,
            EntryRef::Organisation(id),
            "organisation",
            details(
                &o.meta.name,
                None,
                &o.address,
                &o.phone,
                &o.email,
                &o.website,
            ),
        )
    }
}

/// Builds the view of a contact point.
pub fn contact_point_view(dir: &Directory, texts: &Texts, id: ContactPointId) -> EntryView {
    let c = dir.contact_point(id);
    EntryView {
        opening_hours: c.opening_hours.clone(),
        ..entry_view(
            dir,
            texts,
            EntryRef::ContactPoint(id),
            "contact_point",
            details(
                &c.meta.name,
                None,
                &c.address,
                &c.phone,
                &c.email,
                &c.website,
            ),
        )
    }
}

/// The view of an organisation or contact point `e` of kind `kind`, with
/// what both have; no level, opening hours or indications.
fn entry_view(
    dir: &Directory,
    texts: &Texts,
    e: EntryRef,
    kind: &'static str,
    contact: ContactDetails,
) -> EntryView {
    let meta = dir.meta(e);
    let text = texts.get(e);
    EntryView {
        name: meta.name.clone(),
        kind,
        level: None,
        description_html: text.html.clone(),
        summary: text.summary.clone(),
        contact,
        opening_hours: Vec::new(),
        aliases: alias_names(meta),
        indications: Vec::new(),
        verified: date(meta.verified, &dir.settings.language),
    }
}

/// The names an entry is also known as.
pub fn alias_names(meta: &EntryMeta) -> Vec<String> {
    meta.aliases.iter().map(|a| a.name.clone()).collect()
}

/// Link to an indication page.
pub fn indication_link(dir: &Directory, urls: &Urls, id: IndicationId) -> Link {
    let ind = dir.indication(id);
    Link {
        name: ind.name.clone(),
        url: urls.path(&Urls::indication_path(ind)),
    }
}

/// A line in a list of groups (topic, organisation, contact point pages).
#[derive(Debug, Clone, Serialize)]
pub struct GroupLine {
    /// Name.
    pub name: String,
    /// URL.
    pub url: String,
    /// Status code when not active.
    pub status: Option<&'static str>,
    /// Format code.
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
                status: notable_status(grp.status),
                format: format_code(grp.format),
                primary: dir.indication(grp.primary_indication()).name.clone(),
                district: grp.district.clone(),
            }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn urls() {
        let u = Urls {
            base: "/wegweiser".into(),
            absolute: "https://x.github.io/wegweiser".into(),
        };
        assert_eq!(u.path("/themen/"), "/wegweiser/themen/");
        assert_eq!(
            u.absolute("/themen/"),
            "https://x.github.io/wegweiser/themen/"
        );
        assert_eq!(u.host(), "x.github.io");
        let u = Urls {
            base: "".into(),
            absolute: "http://localhost:8080".into(),
        };
        assert_eq!(u.host(), "localhost");
    }

    #[test]
    fn emails_and_phones() {
        let e = Email::parse("info@kiss.example").unwrap();
        assert_eq!(
            (e.user.as_str(), e.domain.as_str()),
            ("info", "kiss.example")
        );
        assert!(Email::parse("kein-at").is_none());
        assert_eq!(tel_uri("+49 1234 5678-0"), "tel:+49123456780");
    }
}
