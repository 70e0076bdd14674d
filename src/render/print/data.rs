//! The data the print template gets (`/data.json`): a view of the edition
//! with every text already in the directory's language (its words under
//! `t`, from the theme's `i18n/<language>.toml`) and every list already in
//! German order. The template never sorts, never builds sentences and
//! writes no words of its own; it only lays out what it finds here.

use serde::Serialize;
use serde_json::Value;

use super::md_tree::{self, shown_url};
use super::world::CONTENT_PREFIX;
use crate::model::languages::language_name;
use crate::model::{
    Arrangement, ColorModel, ContactPointRef, Date, Directory, Edition, EntryRef, Group, GroupId,
    IndicationId, Letter, Paper, PrintVariant, PublicationRules, PublishedContact, Restriction,
    SortKey, Status,
};
use crate::render::words::Words;

/// The whole data file.
#[derive(Debug, Serialize)]
pub struct Data<'w> {
    /// Every word the template prints of its own (headings, labels, the
    /// imprint's paragraphs), in the directory's language.
    pub t: &'w Words,
    /// Title, year, publisher, print options.
    pub meta: Meta,
    /// The printed free page `impressum`, if any: it fills the imprint page.
    pub imprint: Option<PageView>,
    /// The other free pages with `print = true`, by weight.
    pub pages: Vec<PageView>,
    /// Topics arrangement: categories with their indications.
    pub categories: Vec<CategoryView>,
    /// A–Z arrangement: letters with their groups.
    pub letters: Vec<LetterView>,
    /// Organisations, A–Z.
    pub organisations: Vec<OrganisationView>,
    /// Contact points, A–Z.
    pub contact_points: Vec<ContactPointView>,
    /// A–Z register of entries and aliases, by letter.
    pub register: Vec<IndexLetter>,
    /// Keyword index of indications and synonyms, by letter.
    pub keywords: Vec<IndexLetter>,
}

/// Document-wide facts.
#[derive(Debug, Serialize)]
pub struct Meta {
    /// Title of the booklet.
    pub title: String,
    /// The directory's language (`de`, `en`): the text's and the PDF's.
    pub lang: String,
    /// The region of the language (`DE` for German), if any.
    pub region: Option<&'static str>,
    /// Year of the edition.
    pub year: i32,
    /// "Selbsthilfe-Wegweiser 2027" or "Ausgabe 2027".
    pub year_line: String,
    /// Publisher.
    pub publisher: PublisherView,
    /// Funding note for the imprint.
    pub funding_note: Option<String>,
    /// "14.09.2026": newest `verified` of the edition.
    pub stand: String,
    /// "a5" or "a4".
    pub paper: &'static str,
    /// Bleed in millimetres.
    pub bleed_mm: f64,
    /// Draw crop marks.
    pub crop_marks: bool,
    /// Offset print colours.
    pub cmyk: bool,
    /// "topics" or "a-z".
    pub arrangement: &'static str,
    /// Virtual path of the cover image.
    pub cover_image: Option<String>,
    /// Numbers of printed entries.
    pub counts: Counts,
    /// "standard" or "large" (large print: A4, one column, at least 14 pt).
    pub variant: &'static str,
    /// "Großdruck" for the large print, shown on the cover.
    pub variant_label: Option<String>,
    /// What the publication rules hold back, one sentence each (imprint).
    pub rules: Vec<String>,
    /// The PDF's keywords.
    pub keywords: Vec<String>,
    /// The QR code to the website (virtual path of its SVG), if it has one.
    pub qr: Option<QrView>,
}

/// The QR code to the website.
#[derive(Debug, Serialize)]
pub struct QrView {
    /// Virtual path of the SVG.
    pub path: &'static str,
    /// The website as shown under the code.
    pub shown: String,
    /// Caption above it.
    pub caption: String,
    /// Alternative text (PDF/UA).
    pub alt: String,
    /// The code's modules, for drawing it in the booklet's ink (offset
    /// print) instead of placing the SVG (whose black is RGB).
    pub modules: super::qr::Modules,
}

/// Numbers of printed entries.
#[derive(Debug, Serialize)]
pub struct Counts {
    /// Groups.
    pub groups: usize,
    /// Organisations.
    pub organisations: usize,
    /// Contact points.
    pub contact_points: usize,
}

/// The publisher.
#[derive(Debug, Serialize)]
pub struct PublisherView {
    /// Name.
    pub name: String,
    /// Address, phone, e-mail, website (fields of this object in the data).
    #[serde(flatten)]
    pub details: ContactDetails,
}

/// Address, phone, e-mail and website of an entry or the publisher, each
/// on one line.
#[derive(Debug, Serialize)]
pub struct ContactDetails {
    /// Address.
    pub address: Option<String>,
    /// Phone.
    pub phone: Option<String>,
    /// E-mail.
    pub email: Option<String>,
    /// Website as shown.
    pub website: Option<String>,
    /// Website as link target.
    pub website_url: Option<String>,
}

impl ContactDetails {
    fn new(
        address: &Option<String>,
        phone: &Option<String>,
        email: &Option<String>,
        site: &Option<String>,
    ) -> ContactDetails {
        let (website, website_url) = website(site);
        ContactDetails {
            address: opt_line(address),
            phone: opt_line(phone),
            email: opt_line(email),
            website,
            website_url,
        }
    }
}

/// A free page.
#[derive(Debug, Serialize)]
pub struct PageView {
    /// Key of its position (`p-slug`).
    pub key: String,
    /// Title.
    pub title: String,
    /// Markdown tree.
    pub body: Value,
}

/// A reference to a printed entry or section, with its page found in typst.
#[derive(Debug, Serialize, Clone)]
pub struct Ref {
    /// Name shown.
    pub name: String,
    /// Key of the target's position.
    pub key: String,
}

/// A category of indications (topics arrangement).
#[derive(Debug, Serialize)]
pub struct CategoryView {
    /// Name.
    pub name: String,
    /// Indications with printed groups.
    pub topics: Vec<TopicView>,
}

/// An indication (topics arrangement).
#[derive(Debug, Serialize)]
pub struct TopicView {
    /// `t-id`.
    pub key: String,
    /// Name.
    pub name: String,
    /// Groups whose primary indication this is.
    pub groups: Vec<GroupView>,
    /// Groups that name it, but not first: they point to where they stand.
    pub refs: Vec<Ref>,
    /// Related indications that are printed.
    pub see_also: Vec<Ref>,
}

/// A letter of the A–Z arrangement.
#[derive(Debug, Serialize)]
pub struct LetterView {
    /// `A`, …, `0–9`.
    pub label: String,
    /// Its groups.
    pub groups: Vec<GroupView>,
}

/// A meeting.
#[derive(Debug, Serialize)]
pub struct MeetingView {
    /// "jeden 2. Dienstag im Monat, 19:00–21:00 Uhr".
    pub when: String,
    /// Place and address, if published.
    pub place: Option<String>,
    /// Step-free access confirmed.
    pub accessible: bool,
    /// Note.
    pub note: Option<String>,
}

/// How to reach a group.
#[derive(Debug, Serialize)]
pub struct ContactView {
    /// Through a contact point (or the publisher).
    pub via: bool,
    /// Contact point name (only when `via`).
    pub name: Option<String>,
    /// Key of the contact point's entry, when printed.
    pub key: Option<String>,
    /// Person, phone, e-mail (each already labelled).
    pub lines: Vec<String>,
}

/// A group.
#[derive(Debug, Serialize)]
pub struct GroupView {
    /// `g-slug`.
    pub key: String,
    /// Name.
    pub name: String,
    /// Status when not active.
    pub status: Option<String>,
    /// "Für Betroffene und Angehörige".
    pub audience: String,
    /// "Treffen vor Ort", "Treffen online", "vor Ort und online (hybrid)".
    pub format: String,
    /// "Deutsch, Türkisch".
    pub languages: String,
    /// Number of languages.
    pub language_count: usize,
    /// District.
    pub district: Option<String>,
    /// "Gegründet 2011".
    pub since: Option<String>,
    /// "Themen: Diabetes, Adipositas" (A–Z arrangement; topics: none).
    pub topics: Option<String>,
    /// Description.
    pub desc: Value,
    /// Meetings.
    pub meetings: Vec<MeetingView>,
    /// Contact.
    pub contact: ContactView,
    /// Website as shown.
    pub website: Option<String>,
    /// Website as link target.
    pub website_url: Option<String>,
    /// Organisation it belongs to.
    pub organisation: Option<String>,
    /// Key of the organisation's entry, when printed.
    pub organisation_key: Option<String>,
    /// Short enough to keep on one page.
    pub keep: bool,
}

/// An organisation.
#[derive(Debug, Serialize)]
pub struct OrganisationView {
    /// `o-slug`.
    pub key: String,
    /// Name.
    pub name: String,
    /// "auf Bundesebene", …
    pub level: String,
    /// "Themen: Diabetes, Adipositas".
    pub topics: Option<String>,
    /// Description.
    pub desc: Value,
    /// Address, phone, e-mail, website (fields of this object in the data).
    #[serde(flatten)]
    pub details: ContactDetails,
    /// Printed groups that belong to it.
    pub groups: Vec<Ref>,
    /// Short enough to keep on one page.
    pub keep: bool,
}

/// A contact point.
#[derive(Debug, Serialize)]
pub struct ContactPointView {
    /// `c-slug`.
    pub key: String,
    /// Name.
    pub name: String,
    /// Description.
    pub desc: Value,
    /// Address, phone, e-mail, website (fields of this object in the data).
    #[serde(flatten)]
    pub details: ContactDetails,
    /// Opening hours.
    pub hours: Vec<String>,
    /// Number of printed groups it answers for.
    pub group_count: usize,
    /// "Kontaktstelle für 3 Gruppen in diesem Wegweiser" (none without).
    pub groups_note: Option<String>,
    /// Short enough to keep on one page.
    pub keep: bool,
}

/// A letter of the register or the keyword index.
#[derive(Debug, Serialize)]
pub struct IndexLetter {
    /// `A`, …, `0–9`.
    pub label: String,
    /// Its lines.
    pub lines: Vec<IndexLine>,
}

/// One line of the register or the keyword index.
#[derive(Debug, Serialize)]
pub struct IndexLine {
    /// The word.
    pub name: String,
    /// "→ Name": the entry or indication it points to (aliases, synonyms).
    pub see: Option<String>,
    /// Positions whose pages are listed.
    pub keys: Vec<String>,
}

/// Key of an entry's position.
pub fn entry_key(dir: &Directory, e: EntryRef) -> String {
    let meta = dir.meta(e);
    match e {
        EntryRef::Group(_) => format!("g-{}", meta.slug),
        EntryRef::Organisation(_) => format!("o-{}", meta.slug),
        EntryRef::ContactPoint(_) => format!("c-{}", meta.slug),
    }
}

fn topic_key(dir: &Directory, i: IndicationId) -> String {
    format!("t-{}", dir.indication(i).id)
}

/// One line of a TOML field: whitespace collapsed (no line breaks inside).
pub(super) fn line(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

pub(super) fn opt_line(s: &Option<String>) -> Option<String> {
    s.as_deref().map(line).filter(|s| !s.is_empty())
}

/// The imprint's sentence for a publication rule.
pub(super) fn restriction(w: &Words, r: Restriction) -> String {
    match r {
        Restriction::NoPlaces => w.booklet.rule_no_places.clone(),
        Restriction::ContactPointOnly => w.booklet.rule_contact_point_only.clone(),
    }
}

pub(super) fn website(url: &Option<String>) -> (Option<String>, Option<String>) {
    match url.as_deref().map(str::trim).filter(|u| !u.is_empty()) {
        Some(u) => {
            let lower = u.to_ascii_lowercase();
            let link = (lower.starts_with("https://") || lower.starts_with("http://"))
                .then(|| u.to_owned());
            (Some(shown_url(u)), link)
        }
        None => (None, None),
    }
}

/// Can typst place this image (by its file name)?
pub fn printable_image(path: &str) -> bool {
    let lower = path.to_ascii_lowercase();
    [".png", ".jpg", ".jpeg", ".gif", ".svg", ".webp"]
        .iter()
        .any(|ext| lower.ends_with(ext))
}

/// Rough size of an entry in characters, to decide whether it may break.
const KEEP_LIMIT: usize = 900;

struct Builder<'e, 'a> {
    edition: &'e Edition<'a>,
    dir: &'a Directory,
    rules: PublicationRules,
    words: &'e Words,
    /// The directory's language.
    lang: &'a str,
}

impl Builder<'_, '_> {
    fn markdown(&self, text: &str) -> Value {
        let dir = self.dir;
        let resolve = |p: &str| -> Option<String> {
            let p = p.trim().trim_start_matches("./").trim_start_matches('/');
            (dir.images.contains_key(p) && printable_image(p))
                .then(|| format!("{CONTENT_PREFIX}{p}"))
        };
        md_tree::to_nodes(text, &resolve)
    }

    fn printed_key(&self, e: EntryRef) -> Option<String> {
        self.edition.contains(e).then(|| entry_key(self.dir, e))
    }

    /// "Thema: Diabetes" or "Themen: Diabetes, Adipositas".
    fn indication_names(&self, ids: &[IndicationId]) -> Option<String> {
        let names: Vec<String> = ids
            .iter()
            .map(|&i| line(&self.dir.indication(i).name))
            .collect();
        match names.len() {
            0 => None,
            1 => Some(format!("{}: {}", self.words.kind.topic, names[0])),
            _ => Some(format!("{}: {}", self.words.group.topics, names.join(", "))),
        }
    }

    fn group(&self, id: GroupId, with_topics: bool) -> GroupView {
        let dir = self.dir;
        let g: &Group = dir.group(id);
        let desc = self.markdown(&g.meta.description);
        let rules = self.rules;
        let places = rules.shows_places(g);
        let meetings: Vec<MeetingView> = g
            .meetings
            .iter()
            .map(|m| {
                let place: Vec<String> = [opt_line(&m.place), opt_line(&m.address)]
                    .into_iter()
                    .flatten()
                    .collect();
                MeetingView {
                    when: m.sentence(self.lang),
                    place: (!place.is_empty() && places).then(|| place.join(", ")),
                    accessible: rules.shows_accessible(g, m),
                    note: opt_line(&m.note),
                }
            })
            .collect();
        let contact = match rules.contact(g) {
            PublishedContact::Own {
                person,
                phone,
                email,
            } => {
                let mut lines = Vec::new();
                if let Some(p) = person.map(line).filter(|p| !p.is_empty()) {
                    lines.push(p);
                }
                if let Some(p) = phone.map(line).filter(|p| !p.is_empty()) {
                    lines.push(format!("{} {p}", self.words.booklet.phone));
                }
                if let Some(e) = email.map(line).filter(|e| !e.is_empty()) {
                    lines.push(e);
                }
                ContactView {
                    via: false,
                    name: None,
                    key: None,
                    lines,
                }
            }
            PublishedContact::ContactPoint(cp) => {
                let (name, phone, email, key) = match cp {
                    ContactPointRef::Entry(c) => {
                        let cp = dir.contact_point(c);
                        (
                            cp.meta.name.clone(),
                            &cp.phone,
                            &cp.email,
                            self.printed_key(EntryRef::ContactPoint(c)),
                        )
                    }
                    ContactPointRef::Publisher => {
                        let p = &dir.settings.publisher;
                        (p.name.clone(), &p.phone, &p.email, None)
                    }
                };
                let mut lines = Vec::new();
                if let Some(p) = opt_line(phone) {
                    lines.push(format!("{} {p}", self.words.booklet.phone));
                }
                if let Some(e) = opt_line(email) {
                    lines.push(e);
                }
                ContactView {
                    via: true,
                    name: Some(line(&name)),
                    key,
                    lines,
                }
            }
        };
        let (website, website_url) = website(&rules.website(g).map(str::to_owned));
        let languages: Vec<String> = g
            .languages
            .iter()
            .map(|c| language_name(c, self.lang))
            .collect();
        let size = md_tree::plain_len(&desc) + 90 * meetings.len() + 160;
        let w = self.words;
        GroupView {
            key: entry_key(dir, EntryRef::Group(id)),
            name: line(&g.meta.name),
            status: (g.status != Status::Active).then(|| w.status(g.status).to_owned()),
            audience: w.audience(&g.audience).to_owned(),
            format: w.format(g.format).to_owned(),
            language_count: languages.len(),
            languages: languages.join(", "),
            district: opt_line(&g.district),
            since: g.since.map(|y| format!("{} {y}", w.group.since)),
            topics: if with_topics {
                self.indication_names(&g.indications)
            } else {
                None
            },
            desc,
            meetings,
            contact,
            website,
            website_url,
            organisation: g.organisation.map(|o| line(&dir.organisation(o).meta.name)),
            organisation_key: g
                .organisation
                .and_then(|o| self.printed_key(EntryRef::Organisation(o))),
            keep: size < KEEP_LIMIT,
        }
    }

    fn printed_groups(&self, ids: &[GroupId]) -> Vec<GroupId> {
        ids.iter()
            .copied()
            .filter(|&g| self.edition.contains(EntryRef::Group(g)))
            .collect()
    }

    /// Indications that have a section in the topics arrangement.
    fn topic_printed(&self, i: IndicationId) -> bool {
        let ind = self.dir.indication(i);
        ind.primary_groups
            .iter()
            .chain(&ind.secondary_groups)
            .any(|&g| self.edition.contains(EntryRef::Group(g)))
    }

    fn categories(&self) -> Vec<CategoryView> {
        let dir = self.dir;
        dir.categories
            .iter()
            .map(|cat| CategoryView {
                name: line(&cat.name),
                topics: cat
                    .indications
                    .iter()
                    .copied()
                    .filter(|&i| self.topic_printed(i))
                    .map(|i| {
                        let ind = dir.indication(i);
                        TopicView {
                            key: topic_key(dir, i),
                            name: line(&ind.name),
                            groups: self
                                .printed_groups(&ind.primary_groups)
                                .into_iter()
                                .map(|g| self.group(g, false))
                                .collect(),
                            refs: self
                                .printed_groups(&ind.secondary_groups)
                                .into_iter()
                                .map(|g| Ref {
                                    name: line(&dir.group(g).meta.name),
                                    key: entry_key(dir, EntryRef::Group(g)),
                                })
                                .collect(),
                            see_also: ind
                                .related
                                .iter()
                                .copied()
                                .filter(|&s| self.topic_printed(s))
                                .map(|s| Ref {
                                    name: line(&dir.indication(s).name),
                                    key: topic_key(dir, s),
                                })
                                .collect(),
                        }
                    })
                    .collect(),
            })
            .filter(|c| !c.topics.is_empty())
            .collect()
    }

    fn letters(&self) -> Vec<LetterView> {
        by_letter(
            self.edition
                .groups
                .iter()
                .map(|&g| (self.dir.group(g).meta.letter, self.group(g, true))),
        )
        .into_iter()
        .map(|(label, groups)| LetterView { label, groups })
        .collect()
    }

    fn organisations(&self) -> Vec<OrganisationView> {
        let dir = self.dir;
        self.edition
            .organisations
            .iter()
            .map(|&o| {
                let org = dir.organisation(o);
                let desc = self.markdown(&org.meta.description);
                let groups: Vec<Ref> = self
                    .printed_groups(&org.groups)
                    .into_iter()
                    .map(|g| Ref {
                        name: line(&dir.group(g).meta.name),
                        key: entry_key(dir, EntryRef::Group(g)),
                    })
                    .collect();
                let size = md_tree::plain_len(&desc) + 40 * groups.len() + 200;
                OrganisationView {
                    key: entry_key(dir, EntryRef::Organisation(o)),
                    name: line(&org.meta.name),
                    level: self.words.level(org.level).to_owned(),
                    topics: self.indication_names(&org.indications),
                    desc,
                    details: ContactDetails::new(
                        &org.address,
                        &org.phone,
                        &org.email,
                        &org.website,
                    ),
                    groups,
                    keep: size < KEEP_LIMIT,
                }
            })
            .collect()
    }

    fn contact_points(&self) -> Vec<ContactPointView> {
        let dir = self.dir;
        self.edition
            .contact_points
            .iter()
            .map(|&c| {
                let cp = dir.contact_point(c);
                let desc = self.markdown(&cp.meta.description);
                let hours: Vec<String> = cp
                    .opening_hours
                    .iter()
                    .map(|h| line(h))
                    .filter(|h| !h.is_empty())
                    .collect();
                let size = md_tree::plain_len(&desc) + 40 * hours.len() + 200;
                let group_count = self.printed_groups(&cp.groups).len();
                let b = &self.words.booklet;
                ContactPointView {
                    key: entry_key(dir, EntryRef::ContactPoint(c)),
                    name: line(&cp.meta.name),
                    desc,
                    details: ContactDetails::new(&cp.address, &cp.phone, &cp.email, &cp.website),
                    hours,
                    group_count,
                    groups_note: match group_count {
                        0 => None,
                        1 => Some(b.cp_groups_one.clone()),
                        n => Some(b.cp_groups_many.replace("{n}", &n.to_string())),
                    },
                    keep: size < KEEP_LIMIT,
                }
            })
            .collect()
    }

    fn register(&self) -> Vec<IndexLetter> {
        let dir = self.dir;
        let lines = dir
            .az
            .iter()
            .filter(|az| self.edition.contains(az.entry))
            .map(|az| {
                let line_ = IndexLine {
                    name: line(dir.az_name(az)),
                    see: az.alias.map(|_| line(&dir.meta(az.entry).name)),
                    keys: vec![entry_key(dir, az.entry)],
                };
                (az.letter, line_)
            });
        index_letters(lines)
    }

    fn keywords(&self, topics: bool) -> Vec<IndexLetter> {
        let dir = self.dir;
        let mut words: Vec<(SortKey, IndexLine)> = Vec::new();
        for (n, ind) in dir.indications.iter().enumerate() {
            let i = IndicationId(n);
            let mut keys = Vec::new();
            if topics {
                if self.topic_printed(i) {
                    keys.push(topic_key(dir, i));
                }
            } else {
                let mut groups = self.printed_groups(&ind.primary_groups);
                groups.extend(self.printed_groups(&ind.secondary_groups));
                groups.sort();
                keys.extend(
                    groups
                        .into_iter()
                        .map(|g| entry_key(dir, EntryRef::Group(g))),
                );
            }
            keys.extend(
                ind.organisations
                    .iter()
                    .filter(|&&o| self.edition.contains(EntryRef::Organisation(o)))
                    .map(|&o| entry_key(dir, EntryRef::Organisation(o))),
            );
            if keys.is_empty() {
                continue;
            }
            let name = line(&ind.name);
            for syn in &ind.synonyms {
                let syn = line(syn);
                if syn.is_empty() || syn == name {
                    continue;
                }
                words.push((
                    SortKey::new(&syn),
                    IndexLine {
                        name: syn,
                        see: Some(name.clone()),
                        keys: keys.clone(),
                    },
                ));
            }
            words.push((
                ind.sort_key.clone(),
                IndexLine {
                    name,
                    see: None,
                    keys,
                },
            ));
        }
        words.sort_by(|a, b| a.0.cmp(&b.0));
        index_letters(
            words
                .into_iter()
                .map(|(key, l)| (Letter::of(key.text()), l)),
        )
    }
}

/// Items in A–Z order, grouped under their letters: one group per run of
/// the same letter, labelled `A`, …, `0–9` (the A–Z arrangement, the
/// register and the keyword index all group this way).
fn by_letter<T>(items: impl IntoIterator<Item = (Letter, T)>) -> Vec<(String, Vec<T>)> {
    let mut out: Vec<(Letter, Vec<T>)> = Vec::new();
    for (letter, item) in items {
        match out.last_mut() {
            Some((last, list)) if *last == letter => list.push(item),
            _ => out.push((letter, vec![item])),
        }
    }
    out.into_iter().map(|(l, list)| (l.label(), list)).collect()
}

/// Index lines grouped under their letters.
fn index_letters(lines: impl IntoIterator<Item = (Letter, IndexLine)>) -> Vec<IndexLetter> {
    by_letter(lines)
        .into_iter()
        .map(|(label, lines)| IndexLetter { label, lines })
        .collect()
}

/// The newest `verified` date of the edition's entries.
pub fn newest_verified(edition: &Edition<'_>) -> Option<Date> {
    let dir = edition.directory;
    let groups = edition.groups.iter().map(|&g| dir.group(g).meta.verified);
    let orgs = edition
        .organisations
        .iter()
        .map(|&o| dir.organisation(o).meta.verified);
    let cps = edition
        .contact_points
        .iter()
        .map(|&c| dir.contact_point(c).meta.verified);
    groups.chain(orgs).chain(cps).max()
}

/// The "Stand" date of the edition: its newest `verified`, else 1 January.
pub fn stand_date(edition: &Edition<'_>) -> Date {
    newest_verified(edition).unwrap_or_else(|| crate::model::edition::new_year(edition.year))
}

/// The variant's name in the data ("standard", "large").
pub fn variant_code(variant: PrintVariant) -> &'static str {
    match variant {
        PrintVariant::Standard => "standard",
        PrintVariant::Large => "large",
    }
}

/// The free page that, when printed, fills the imprint page (slug `impressum`).
const IMPRINT_KEY: &str = "p-impressum";

/// Builds the data view of an edition in one variant, with the words of
/// the directory's language from its theme.
pub fn build<'w>(edition: &Edition<'_>, variant: PrintVariant, words: &'w Words) -> Data<'w> {
    let dir = edition.directory;
    let rules = PublicationRules::print(&dir.settings.print);
    let s = &dir.settings;
    let lang = s.language.as_str();
    let b = Builder {
        edition,
        dir,
        rules,
        words,
        lang,
    };
    let topics = s.print.arrangement == Arrangement::Topics;
    let title = line(&s.title);
    let year = edition.year.to_string();
    // A title that names the booklet already ("Selbsthilfe-Wegweiser
    // Musterstadt": the last word of `year_title`) is followed by the
    // edition only.
    let booklet_word = words
        .booklet
        .year_title
        .replace("{year}", "")
        .split([' ', '-'])
        .rfind(|w| !w.trim().is_empty())
        .map(|w| w.trim().to_lowercase())
        .unwrap_or_default();
    let year_line = if !booklet_word.is_empty() && title.to_lowercase().contains(&booklet_word) {
        words.booklet.edition.replace("{year}", &year)
    } else {
        words.booklet.year_title.replace("{year}", &year)
    };
    let meta = Meta {
        title,
        lang: lang.to_owned(),
        region: (lang == "de").then_some("DE"),
        year: edition.year,
        year_line,
        publisher: PublisherView {
            name: line(&s.publisher.name),
            details: ContactDetails::new(
                &s.publisher.address,
                &s.publisher.phone,
                &s.publisher.email,
                &s.publisher.website,
            ),
        },
        funding_note: opt_line(&s.print.funding_note),
        stand: crate::model::date(stand_date(edition), lang),
        paper: match s.print.paper {
            Paper::A5 => "a5",
            Paper::A4 => "a4",
        },
        bleed_mm: if s.print.bleed_mm.is_finite() {
            s.print.bleed_mm.clamp(0.0, 20.0)
        } else {
            0.0
        },
        crop_marks: s.print.crop_marks,
        cmyk: s.print.color == ColorModel::Cmyk,
        arrangement: if topics { "topics" } else { "a-z" },
        cover_image: s
            .print
            .cover_image
            .as_ref()
            .filter(|i| printable_image(&i.path))
            .map(|i| format!("{CONTENT_PREFIX}{}", i.path.trim_start_matches('/'))),
        counts: Counts {
            groups: edition.groups.len(),
            organisations: edition.organisations.len(),
            contact_points: edition.contact_points.len(),
        },
        variant: variant_code(variant),
        variant_label: (variant == PrintVariant::Large).then(|| words.booklet.large_print.clone()),
        rules: rules
            .restrictions()
            .into_iter()
            .map(|r| restriction(words, r))
            .collect(),
        keywords: words
            .booklet
            .keywords
            .split(',')
            .map(str::trim)
            .filter(|k| !k.is_empty())
            .map(str::to_owned)
            .collect(),
        qr: super::qr::modules(&s.base_url).map(|modules| QrView {
            path: super::qr::QR_PATH,
            shown: shown_url(&s.base_url),
            caption: words.booklet.qr_caption.clone(),
            alt: format!("{} {}", words.booklet.qr_alt, shown_url(&s.base_url)),
            modules,
        }),
    };
    let (imprint, pages): (Vec<PageView>, Vec<PageView>) = edition
        .pages
        .iter()
        .map(|&i| {
            let p = &dir.pages[i];
            PageView {
                key: format!("p-{}", p.slug),
                title: line(&p.title),
                body: b.markdown(&p.body),
            }
        })
        .partition(|p| p.key == IMPRINT_KEY);
    Data {
        t: words,
        meta,
        imprint: imprint.into_iter().next(),
        pages,
        categories: if topics { b.categories() } else { Vec::new() },
        letters: if topics { Vec::new() } else { b.letters() },
        organisations: b.organisations(),
        contact_points: b.contact_points(),
        register: b.register(),
        keywords: b.keywords(topics),
    }
}
