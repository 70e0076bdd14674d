//! The verification sheets of the yearly round (`wegweiser sheets`,
//! contract section 11): one letter per entry, typeset by the theme's
//! `print/sheets.typ` in the same closed world as the booklet. Each sheet
//! shows the entry as it is published (web and print), one item per line
//! with a box to tick and room for the correction, the contact point's
//! return address, the reply-by date and the entry's slug as reference.
//!
//! The sheets hold personal data: they are written where the user says,
//! never into the published output.

use std::collections::BTreeMap;

use serde::Serialize;
use typst::foundations::Label;
use typst::introspection::Introspector;
use typst::utils::PicoStr;

use super::data::{entry_key, line, opt_line, website};
use super::world::{self, PrintWorld};
use super::{
    Job, Pdf, PrintProblem, guarded, load_words, md_tree, sanitized_json, typeset, typst_date,
};
use crate::diagnostics::Severity;
use crate::load::Theme;
use crate::model::languages::language_name;
use crate::model::{
    ContactPointRef, Date, Directory, Edition, EntryRef, PublicationRules, PublishedContact,
    Restriction, Status,
};
use crate::render::words::Words;

/// The typeset sheets.
pub struct Sheets {
    /// The PDF.
    pub pdf: Pdf,
    /// The warnings (typst's and the renderer's).
    pub warnings: Vec<PrintProblem>,
    /// The (physical, 1-based) page on which each entry's sheet starts.
    pub first_pages: BTreeMap<EntryRef, usize>,
}

/// The data file of `sheets.typ`.
#[derive(Debug, Serialize)]
struct SheetsData<'w> {
    /// Every word the template prints of its own, in the directory's
    /// language (the sheets' own under `t.sheets`).
    t: &'w Words,
    meta: SheetsMeta,
    sheets: Vec<Sheet>,
}

#[derive(Debug, Serialize)]
struct SheetsMeta {
    /// Title of the directory.
    title: String,
    /// The directory's language (`de`, `en`).
    lang: String,
    /// The region of the language (`DE` for German), if any.
    region: Option<&'static str>,
    /// Year of the round.
    year: i32,
    /// "12.10.2026".
    reply_by: String,
    /// Title of the PDF.
    document_title: String,
}

/// One entry's letter.
#[derive(Debug, Serialize)]
struct Sheet {
    /// Label of its first page (`g-slug`).
    key: String,
    /// The reference printed on every page: the slug.
    reference: String,
    /// "Selbsthilfegruppe", …
    kind: String,
    /// Name of the entry.
    name: String,
    /// The return address: name, then address lines.
    sender: Vec<String>,
    /// Phone and e-mail of the contact point (for questions).
    sender_contact: Vec<String>,
    /// The address block: the entry's name and contact person.
    recipient: Vec<String>,
    /// The items as published.
    items: Vec<Item>,
    /// Where it is published ("Internet: ja", …).
    published: Vec<String>,
    /// Ask for consent to publish personal contact data (groups).
    consent: bool,
}

/// One item of an entry.
#[derive(Debug, Serialize)]
struct Item {
    /// "Name", "Treffen", …
    label: String,
    /// Its value, one line each; empty when there is none.
    lines: Vec<String>,
}

fn item(label: &str, lines: Vec<String>) -> Item {
    Item {
        label: label.to_owned(),
        lines,
    }
}

fn one(label: &str, value: Option<String>) -> Item {
    item(label, value.into_iter().filter(|v| !v.is_empty()).collect())
}

/// The description as plain lines, one per paragraph or list item.
fn description_lines(markdown: &str) -> Vec<String> {
    let nodes = md_tree::to_nodes(markdown, &|_: &str| -> Option<String> { None });
    md_tree::plain_blocks(&nodes)
        .into_iter()
        .map(|b| line(&b))
        .filter(|b| !b.is_empty())
        .collect()
}

struct Builder<'a> {
    dir: &'a Directory,
    year: i32,
    edition: Edition<'a>,
    print: PublicationRules,
    words: &'a Words,
    /// The directory's language.
    lang: &'a str,
}

impl Builder<'_> {
    /// Name and address lines of a contact point (or the publisher).
    fn address(&self, cp: ContactPointRef) -> (Vec<String>, Vec<String>) {
        let (name, address, phone, email) = match cp {
            ContactPointRef::Entry(c) => {
                let c = self.dir.contact_point(c);
                (&c.meta.name, &c.address, &c.phone, &c.email)
            }
            ContactPointRef::Publisher => {
                let p = &self.dir.settings.publisher;
                (&p.name, &p.address, &p.phone, &p.email)
            }
        };
        let mut lines = vec![line(name)];
        // "Marktplatz 1, 12345 Musterstadt" becomes two lines of an address.
        if let Some(a) = opt_line(address) {
            lines.extend(
                a.split(',')
                    .map(str::trim)
                    .filter(|p| !p.is_empty())
                    .map(str::to_owned),
            );
        }
        let site = &self.words.site;
        let mut contact = Vec::new();
        if let Some(p) = opt_line(phone) {
            contact.push(format!("{} {p}", site.phone));
        }
        if let Some(e) = opt_line(email) {
            contact.push(format!("{} {e}", site.email));
        }
        (lines, contact)
    }

    fn contact_point_name(&self, cp: ContactPointRef) -> String {
        match cp {
            ContactPointRef::Entry(c) => line(&self.dir.contact_point(c).meta.name),
            ContactPointRef::Publisher => line(&self.dir.settings.publisher.name),
        }
    }

    /// "Internet: ja", "Gedruckter Wegweiser 2027: ja, ohne Treffpunkte".
    fn published(&self, e: EntryRef) -> Vec<String> {
        let dir = self.dir;
        let meta = dir.meta(e);
        let on_web = match e {
            EntryRef::Group(g) => dir.group(g).is_live_on_web(),
            _ => meta.web,
        };
        let printed = self.edition.contains(e);
        let w = self.words;
        let mut print_line = format!(
            "{}: {}",
            w.sheets.in_print.replace("{year}", &self.year.to_string()),
            w.yes_no(printed)
        );
        if printed && matches!(e, EntryRef::Group(_)) {
            let held_back: Vec<&str> = self
                .print
                .restrictions()
                .into_iter()
                .map(|r| match r {
                    Restriction::NoPlaces => w.sheets.held_back_places.as_str(),
                    Restriction::ContactPointOnly => w.sheets.held_back_contact.as_str(),
                })
                .collect();
            if !held_back.is_empty() {
                print_line.push_str(&format!(", {}", held_back.join(", ")));
            }
        }
        vec![format!("{}: {}", w.site.web, w.yes_no(on_web)), print_line]
    }

    fn sheet(&self, e: EntryRef) -> Sheet {
        let dir = self.dir;
        let w = self.words;
        let (gw, sw, bw) = (&w.group, &w.sheets, &w.booklet);
        let meta = dir.meta(e);
        let (sender, sender_contact) = self.address(dir.answers_to(e));
        let mut recipient = vec![line(&meta.name)];
        let (kind, items, consent) = match e {
            EntryRef::Group(id) => {
                let g = dir.group(id);
                let web = PublicationRules::WEB;
                let indications: Vec<String> = g
                    .indications
                    .iter()
                    .map(|&i| line(&dir.indication(i).name))
                    .collect();
                let languages: Vec<String> = g
                    .languages
                    .iter()
                    .map(|c| language_name(c, self.lang))
                    .collect();
                let mut items = vec![
                    one(&sw.name, Some(line(&meta.name))),
                    item(&gw.topics, vec![indications.join(", ")]),
                    one(&gw.for_whom, Some(w.audience(&g.audience).to_owned())),
                    one(&gw.format, Some(w.format(g.format).to_owned())),
                    one(&gw.status, Some(w.status(g.status).to_owned())),
                    one(&gw.languages, Some(languages.join(", "))),
                    one(&gw.district, opt_line(&g.district)),
                    one(&gw.since, g.since.map(|y| y.to_string())),
                ];
                if g.status == Status::Ended
                    && let Some(d) = g.ended
                {
                    items.push(one(&sw.ended_on, Some(crate::model::date(d, self.lang))));
                }
                if g.meetings.is_empty() {
                    items.push(item(&gw.meetings_heading, Vec::new()));
                }
                for (n, m) in g.meetings.iter().enumerate() {
                    let mut lines = vec![m.sentence(self.lang)];
                    if web.shows_places(g) {
                        lines.extend(
                            [opt_line(&m.place), opt_line(&m.address)]
                                .into_iter()
                                .flatten(),
                        );
                    }
                    if web.shows_accessible(g, m) {
                        lines.push(w.filters.access_choice.step_free.clone());
                    }
                    lines.extend(opt_line(&m.note));
                    let label = if g.meetings.len() > 1 {
                        format!("{} {}", gw.meetings_heading, n + 1)
                    } else {
                        gw.meetings_heading.clone()
                    };
                    items.push(item(&label, lines));
                }
                match web.contact(g) {
                    PublishedContact::Own {
                        person,
                        phone,
                        email,
                    } => {
                        if let Some(p) = person.map(line) {
                            recipient.push(p.clone());
                        }
                        items.push(one(&gw.contact_direct, person.map(line)));
                        items.push(one(&w.site.phone, phone.map(line)));
                        items.push(one(&w.site.email, email.map(line)));
                    }
                    PublishedContact::ContactPoint(cp) => {
                        items.push(one(
                            &gw.contact_heading,
                            Some(format!("{} {}", bw.via, self.contact_point_name(cp))),
                        ));
                    }
                }
                items.push(one(&w.site.web, website(&g.website).0));
                items.push(one(
                    &bw.belongs_to,
                    g.organisation.map(|o| line(&dir.organisation(o).meta.name)),
                ));
                items.push(one(
                    &gw.contact_point,
                    Some(self.contact_point_name(g.contact_point_ref())),
                ));
                items.push(item(&sw.description, description_lines(&meta.description)));
                (w.kind.group.clone(), items, true)
            }
            EntryRef::Organisation(id) => {
                let o = dir.organisation(id);
                let indications: Vec<String> = o
                    .indications
                    .iter()
                    .map(|&i| line(&dir.indication(i).name))
                    .collect();
                let items = vec![
                    one(&sw.name, Some(line(&meta.name))),
                    one(&sw.level, Some(w.level(o.level).to_owned())),
                    item(
                        &gw.topics,
                        if indications.is_empty() {
                            Vec::new()
                        } else {
                            vec![indications.join(", ")]
                        },
                    ),
                    one(&bw.address, opt_line(&o.address)),
                    one(&w.site.phone, opt_line(&o.phone)),
                    one(&w.site.email, opt_line(&o.email)),
                    one(&w.site.web, website(&o.website).0),
                    item(&sw.description, description_lines(&meta.description)),
                ];
                (w.kind.organisation.clone(), items, false)
            }
            EntryRef::ContactPoint(id) => {
                let c = dir.contact_point(id);
                let items = vec![
                    one(&sw.name, Some(line(&meta.name))),
                    one(&bw.address, opt_line(&c.address)),
                    one(&w.site.phone, opt_line(&c.phone)),
                    one(&w.site.email, opt_line(&c.email)),
                    one(&w.site.web, website(&c.website).0),
                    item(
                        &w.entry.opening_hours,
                        c.opening_hours
                            .iter()
                            .map(|h| line(h))
                            .filter(|h| !h.is_empty())
                            .collect(),
                    ),
                    item(&sw.description, description_lines(&meta.description)),
                ];
                (w.kind.contact_point.clone(), items, false)
            }
        };
        Sheet {
            key: entry_key(dir, e),
            reference: meta.slug.clone(),
            kind,
            name: line(&meta.name),
            sender,
            sender_contact,
            recipient,
            items,
            published: self.published(e),
            consent,
        }
    }
}

/// Typesets the sheets of `entries` (in this order) for the round of
/// `year`, answer due on `reply_by`. `date` is the directory's date (the
/// PDF's creation date unless `SOURCE_DATE_EPOCH` says otherwise).
pub fn render(
    dir: &Directory,
    theme: &Theme,
    year: i32,
    entries: &[EntryRef],
    reply_by: Date,
    date: Date,
) -> Result<Sheets, Vec<PrintProblem>> {
    guarded(|| {
        let lang = dir.settings.language.as_str();
        let words = load_words(theme, lang)?;
        let b = Builder {
            dir,
            year,
            edition: dir.edition(year),
            print: PublicationRules::print(&dir.settings.print),
            words: &words,
            lang,
        };
        let data = SheetsData {
            t: &words,
            meta: SheetsMeta {
                title: line(&dir.settings.title),
                lang: lang.to_owned(),
                region: (lang == "de").then_some("DE"),
                year,
                reply_by: crate::model::date(reply_by, lang),
                document_title: format!(
                    "{} {year}: {}",
                    words.sheets.document,
                    line(&dir.settings.title)
                ),
            },
            sheets: entries.iter().map(|&e| b.sheet(e)).collect(),
        };
        let fonts = world::theme_fonts(theme);
        let (json, replaced) = sanitized_json(&data, &fonts, false);
        let json = json.map_err(|e| {
            vec![PrintProblem::general(
                Severity::Error,
                format!("sheet data could not be serialised: {e}"),
            )]
        })?;
        let world = PrintWorld::new(
            theme,
            fonts,
            world::SHEETS_TEMPLATE,
            None,
            json,
            std::iter::empty(),
            typst_date(date),
        )
        .map_err(|e| vec![PrintProblem::general(Severity::Error, e)])?;
        let job = Job {
            ident: format!("wegweiser/{}/{year}/sheets", dir.settings.title),
            stand: date,
            cmyk: false,
            cover_only: false,
        };
        let keys: Vec<(EntryRef, String)> =
            entries.iter().map(|&e| (e, entry_key(dir, e))).collect();
        let (pdf, warnings, first_pages) = typeset(&world, &replaced, job, |document| {
            let introspector = document.introspector();
            let mut pages = BTreeMap::new();
            for (e, key) in &keys {
                let page = Label::new(PicoStr::intern(key))
                    .and_then(|l| introspector.query_label(l).ok())
                    .and_then(|c| c.location())
                    .and_then(|loc| introspector.page(loc));
                if let Some(p) = page {
                    pages.insert(*e, p.get());
                }
            }
            pages
        })?;
        Ok(Sheets {
            pdf,
            warnings,
            first_pages,
        })
    })
}
