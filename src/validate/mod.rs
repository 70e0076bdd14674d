//! Stage 2, validate: check every rule of the contract across all files,
//! report every problem at once, and build the immutable [`Directory`].

pub mod lint;
pub mod rules;

use std::collections::{BTreeMap, HashMap, HashSet};
use std::sync::Arc;

use rayon::prelude::*;
use toml::Spanned;

use crate::diagnostics::{Diagnostic, Diagnostics, FileId, Message};
use crate::format::raw;
use crate::load::front_matter::LeftOut;
use crate::load::{Loaded, RawDirectory};
pub use crate::model::languages::{self, language_name_de};
use crate::model::*;
use rules::*;

/// First URL segments of the site: no free page may use them.
pub const RESERVED_SEGMENTS: &[&str] = &[
    "a-z",
    "themen",
    "admin",
    "gruppen",
    "organisationen",
    "kontaktstellen",
    "suche",
    "static",
    "daten",
    "kalender",
];

/// Checks `raw` and builds the model. Returns `None` if there were errors
/// (all of them are in `diagnostics`).
pub fn validate(raw: RawDirectory, diagnostics: &mut Diagnostics) -> Option<Directory> {
    validate_loaded(&raw, diagnostics, None)
}

/// [`validate`] of a borrowed [`RawDirectory`]. The entries of each kind
/// are checked in parallel; their problems are reported in file order.
/// `earlier`, a model of the same directory built before, lends its sort
/// keys (the result is the same with or without it).
pub fn validate_loaded(
    raw: &RawDirectory,
    diagnostics: &mut Diagnostics,
    earlier: Option<&Directory>,
) -> Option<Directory> {
    let keys = earlier.map(KnownSortKeys::of).unwrap_or_default();
    let images: BTreeMap<String, Image> = raw
        .images
        .iter()
        .map(|(path, bytes)| {
            (
                path.clone(),
                Image {
                    path: path.clone(),
                    bytes: Arc::clone(bytes),
                },
            )
        })
        .collect();
    let mut v = Validator::new(&images, &keys);

    let settings = raw
        .settings
        .as_ref()
        .map(|(file, s)| v.entry(&raw.settings_left_out, |v| v.settings(*file, s)));
    // Ids of indications left out for a problem (reported already) are no
    // unknown indications; without the file (missing or broken, reported
    // as such) no id is known, and none is reported as unknown.
    let left_out_indications: HashSet<&str> = raw
        .indications_left_out
        .iter()
        .map(|(k, _)| k.as_str())
        .collect();
    let (indications, categories, indication_ids) = match &raw.indications {
        Some((file, ind)) => v.indications(*file, ind, &left_out_indications),
        None => (Vec::new(), Vec::new(), HashMap::new()),
    };

    // Slug tables for references (valid or not: one error per problem).
    let organisation_slugs: HashMap<&str, usize> = raw
        .organisations
        .iter()
        .enumerate()
        .map(|(i, o)| (o.slug.as_str(), i))
        .collect();
    let contact_point_slugs: HashMap<&str, usize> = raw
        .contact_points
        .iter()
        .enumerate()
        .map(|(i, c)| (c.slug.as_str(), i))
        .collect();
    let refs = Refs {
        indications: &indication_ids,
        indications_known: raw.indications.is_some(),
        left_out_indications: &left_out_indications,
        organisations: &organisation_slugs,
        contact_points: &contact_point_slugs,
        unreadable_organisations: &raw.unreadable_organisations,
        unreadable_contact_points: &raw.unreadable_contact_points,
    };

    v.check_slugs(&raw.groups);
    v.check_slugs(&raw.organisations);
    v.check_slugs(&raw.contact_points);
    v.check_pages(&raw.pages);

    let groups: Vec<Group> = v.each(&raw.groups, |w, g| {
        w.entry(&g.left_out, |w| w.group(g, &refs))
    });
    let organisations: Vec<Organisation> = v.each(&raw.organisations, |w, o| {
        w.entry(&o.left_out, |w| w.organisation(o, &refs))
    });
    let contact_points: Vec<ContactPoint> = v.each(&raw.contact_points, |w, c| {
        w.entry(&c.left_out, |w| w.contact_point(c))
    });
    let mut pages: Vec<Page> = raw
        .pages
        .iter()
        .map(|p| {
            v.markdown_images(p.file, &p.body, p.body_offset);
            Page {
                slug: p.slug.clone(),
                title: p.front.title.clone(),
                weight: p.front.weight,
                web: p.front.web.unwrap_or(true),
                print: p.front.print.unwrap_or(true),
                body: p.body.to_string(),
            }
        })
        .collect();

    v.problems.into_iter().for_each(|d| diagnostics.push(d));
    if diagnostics.has_errors() {
        return None;
    }
    let settings = settings.flatten()?;
    pages.sort_by(|a, b| {
        a.weight
            .cmp(&b.weight)
            .then_with(|| SortKey::new(&a.title).cmp(&SortKey::new(&b.title)))
    });
    Some(link(
        settings,
        indications,
        categories,
        groups,
        organisations,
        contact_points,
        pages,
        images,
    ))
}

/// Raw reference (slug or id) of a group to its organisation / contact point, by index into
/// the raw (file-order) lists; resolved to sorted ids in [`link`].
struct Refs<'a> {
    indications: &'a HashMap<String, IndicationId>,
    /// False if `content/indications.toml` could not be read at all.
    indications_known: bool,
    /// Ids of indications left out for a problem reported already.
    left_out_indications: &'a HashSet<&'a str>,
    organisations: &'a HashMap<&'a str, usize>,
    contact_points: &'a HashMap<&'a str, usize>,
    /// Slugs of files that are there but could not be read (reported already).
    unreadable_organisations: &'a [String],
    unreadable_contact_points: &'a [String],
}

/// Checks files and collects their problems.
struct Validator<'i> {
    problems: Vec<Diagnostic>,
    /// The files under `content/images/`.
    images: &'i BTreeMap<String, Image>,
    /// Sort keys known before.
    keys: &'i KnownSortKeys<'i>,
}

impl<'i> Validator<'i> {
    fn new(images: &'i BTreeMap<String, Image>, keys: &'i KnownSortKeys<'i>) -> Self {
        Validator {
            problems: Vec::new(),
            images,
            keys,
        }
    }

    /// Checks `items` in parallel, each with a validator of its own, and
    /// takes over their problems in the order of the items.
    fn each<T: Sync, R: Send>(
        &mut self,
        items: &[T],
        check: impl Fn(&mut Validator<'i>, &T) -> Option<R> + Sync,
    ) -> Vec<R> {
        let (images, keys) = (self.images, self.keys);
        let checked: Vec<(Option<R>, Vec<Diagnostic>)> = items
            .par_iter()
            .map(|item| {
                let mut w = Validator::new(images, keys);
                let result = check(&mut w, item);
                (result, w.problems)
            })
            .collect();
        let mut out = Vec::with_capacity(checked.len());
        for (result, problems) in checked {
            self.problems.extend(problems);
            out.extend(result);
        }
        out
    }

    fn error(&mut self, file: FileId, span: Option<std::ops::Range<usize>>, m: Message) {
        self.problems.push(Diagnostic::error(file, span, m));
    }

    /// Runs `check` over one entry, leaving out the problems that only
    /// follow from keys the loader left out for a wrong value (reported
    /// there): `status = "beendet"` is one problem, not also an `ended`
    /// that is "not allowed" for the active status the entry falls back to.
    fn entry<R>(&mut self, left_out: &[LeftOut], check: impl FnOnce(&mut Self) -> R) -> R {
        let result = check(self);
        if !left_out.is_empty() {
            self.problems.retain(|d| {
                let at_stand_in = left_out.iter().any(|(_, s)| d.span.as_ref() == Some(s));
                !at_stand_in && !follows_from_left_out(&d.message, left_out)
            });
        }
        result
    }

    fn at<T>(&mut self, file: FileId, s: &Spanned<T>, m: Message) {
        self.error(file, Some(s.span()), m);
    }

    /// The index of the entry a group names by slug (`organisation`,
    /// `contact_point`); an unknown slug is an error with "did you mean",
    /// one whose file could not be read is no second problem.
    fn entry_ref(
        &mut self,
        file: FileId,
        slug: &Spanned<String>,
        known: &HashMap<&str, usize>,
        unreadable: &[String],
        unknown: impl FnOnce(String, Option<String>) -> Message,
    ) -> Option<usize> {
        match known.get(slug.get_ref().as_str()) {
            Some(&i) => Some(i),
            None if unreadable.contains(slug.get_ref()) => None,
            None => {
                let suggestion = suggest(slug.get_ref(), known.keys().copied());
                self.at(file, slug, unknown(slug.get_ref().clone(), suggestion));
                None
            }
        }
    }

    fn date(&mut self, file: FileId, s: &Spanned<toml::value::Datetime>) -> Option<Date> {
        match to_date(s.get_ref()) {
            Some(d) => Some(d),
            None => {
                self.at(file, s, Message::NotADate);
                None
            }
        }
    }

    fn url(&mut self, file: FileId, s: &Option<Spanned<String>>) -> Option<String> {
        self.checked(file, s, is_web_url, |value| Message::InvalidUrl { value })
    }

    fn email(&mut self, file: FileId, s: &Option<Spanned<String>>) -> Option<String> {
        self.checked(file, s, is_email, |value| Message::InvalidEmail { value })
    }

    /// An optional text that must pass `ok`: trimmed, or the problem
    /// `wrong(value)` at its span.
    fn checked(
        &mut self,
        file: FileId,
        s: &Option<Spanned<String>>,
        ok: fn(&str) -> bool,
        wrong: fn(String) -> Message,
    ) -> Option<String> {
        let s = s.as_ref()?;
        if ok(s.get_ref()) {
            Some(s.get_ref().trim().to_owned())
        } else {
            self.at(file, s, wrong(s.get_ref().clone()));
            None
        }
    }

    /// A path relative to `content/` that must stay inside and exist.
    fn image(&mut self, file: FileId, s: &Spanned<String>) -> Option<Image> {
        match normalize_content_path(s.get_ref()) {
            None => {
                self.at(
                    file,
                    s,
                    Message::PathLeavesContent {
                        path: s.get_ref().clone(),
                    },
                );
                None
            }
            Some(p) => match self.images.get(&p) {
                Some(img) => {
                    if let Err(detail) = crate::printable::check_image(&img.path, &img.bytes) {
                        self.at(
                            file,
                            s,
                            Message::ImageUnreadable {
                                path: s.get_ref().clone(),
                                detail,
                            },
                        );
                        return None;
                    }
                    Some(img.clone())
                }
                None => {
                    self.at(
                        file,
                        s,
                        Message::FileNotFound {
                            path: s.get_ref().clone(),
                        },
                    );
                    None
                }
            },
        }
    }

    /// Images referenced from Markdown must be in `content/images/`. An
    /// image from another host (`https://…`) is refused too: every reader
    /// of the page would load it from that host (a third-party request the
    /// site promises not to make).
    fn markdown_images(&mut self, file: FileId, body: &str, offset: usize) {
        use pulldown_cmark::{Event, Parser, Tag};
        // Every Markdown image starts with `![`: most bodies have none and
        // need no parsing.
        if !body.contains("![") {
            return;
        }
        for (ev, range) in Parser::new(body).into_offset_iter() {
            if let Event::Start(Tag::Image { dest_url, .. }) = ev {
                let url = dest_url.to_string();
                let span = Some(range.start + offset..range.end + offset);
                match normalize_content_path(&url) {
                    None => self.error(file, span, Message::PathLeavesContent { path: url }),
                    Some(p) => match self.images.get(&p) {
                        None => self.error(file, span, Message::FileNotFound { path: url }),
                        Some(img) => {
                            if let Err(detail) =
                                crate::printable::check_image(&img.path, &img.bytes)
                            {
                                self.error(
                                    file,
                                    span,
                                    Message::ImageUnreadable { path: url, detail },
                                );
                            }
                        }
                    },
                }
            }
        }
    }

    fn settings(&mut self, file: FileId, s: &raw::SettingsFile) -> Option<Settings> {
        let base = s.base_url.get_ref().trim().trim_end_matches('/').to_owned();
        let base_path = match base_url_path(&base) {
            Some(p) => p,
            None => {
                self.at(
                    file,
                    &s.base_url,
                    Message::InvalidBaseUrl {
                        value: s.base_url.get_ref().clone(),
                    },
                );
                String::new()
            }
        };
        let language = s.language.get_ref().trim().to_owned();
        if !matches!(language.as_str(), "de" | "en") {
            self.at(
                file,
                &s.language,
                Message::UnsupportedLanguage {
                    code: language.clone(),
                },
            );
        }
        let theme = match &s.theme {
            Some(t) if !is_slug(t.get_ref()) => {
                self.at(
                    file,
                    t,
                    Message::InvalidId {
                        id: t.get_ref().clone(),
                    },
                );
                "default".to_owned()
            }
            Some(t) => t.get_ref().clone(),
            None => "default".to_owned(),
        };
        let publisher = Publisher {
            name: s.publisher.name.clone(),
            address: s.publisher.address.clone(),
            phone: s.publisher.phone.clone(),
            email: self.email(file, &s.publisher.email),
            website: self.url(file, &s.publisher.website),
        };
        let p = &s.print;
        let bleed_mm = match &p.bleed_mm {
            Some(b) if !(0.0..=20.0).contains(b.get_ref()) => {
                self.at(
                    file,
                    b,
                    Message::OutOfRange {
                        value: b.get_ref().to_string(),
                        range: "0–20 mm".into(),
                    },
                );
                0.0
            }
            Some(b) => *b.get_ref(),
            None => 0.0,
        };
        let cover_image = p.cover_image.as_ref().and_then(|c| self.image(file, c));
        // Each variant once, in the order written; none given means the standard booklet.
        let mut variants: Vec<crate::model::PrintVariant> = Vec::new();
        for v in &p.variants {
            if !variants.contains(v) {
                variants.push(*v);
            }
        }
        if variants.is_empty() {
            variants.push(crate::model::PrintVariant::Standard);
        }
        let reply_weeks = *p.reply_weeks.get_ref();
        if !(1..=52).contains(&reply_weeks) {
            self.at(
                file,
                &p.reply_weeks,
                Message::OutOfRange {
                    value: reply_weeks.to_string(),
                    range: "1–52".into(),
                },
            );
        }
        let reply_weeks = reply_weeks.clamp(1, 52);
        let editing = s.editing.as_ref().and_then(|e| self.editing(file, e));
        Some(Settings {
            title: s.title.clone(),
            base_url: base,
            base_path,
            language,
            theme,
            publisher,
            print: PrintSettings {
                paper: p.paper,
                bleed_mm,
                crop_marks: p.crop_marks,
                stale_after_months: *p.stale_after_months.get_ref(),
                arrangement: p.arrangement,
                color: p.color,
                funding_note: p.funding_note.clone(),
                cover_image,
                places: p.places,
                contacts: p.contacts,
                variants,
                reply_weeks,
            },
            editing,
            local_editing: false,
        })
    }

    /// `[editing]`: what the chosen git host needs, and well-formed values.
    fn editing(&mut self, file: FileId, e: &raw::EditingSettings) -> Option<Editing> {
        let backend = *e.backend.get_ref();
        let before = self.problems.len();
        let repo = e.repo.get_ref().trim();
        let parts: Vec<&str> = repo.split('/').collect();
        let part_ok = |p: &str| {
            !p.is_empty()
                && p.chars()
                    .all(|c| c.is_ascii_alphanumeric() || "-_.".contains(c))
        };
        if parts.len() != 2 || !parts.iter().all(|p| part_ok(p)) {
            self.at(
                file,
                &e.repo,
                Message::InvalidRepo {
                    value: e.repo.get_ref().clone(),
                },
            );
        }
        let api_root = self.url(file, &e.api_root);
        let auth_url = self.url(file, &e.auth_url);
        let app_id = e
            .app_id
            .as_ref()
            .map(|a| a.get_ref().trim().to_owned())
            .filter(|a| !a.is_empty());
        let needed: Vec<(&str, bool)> = match backend {
            EditingBackend::Github => vec![("auth_url", e.auth_url.is_some())],
            EditingBackend::Gitlab => vec![("app_id", app_id.is_some())],
            EditingBackend::Gitea => vec![
                ("app_id", app_id.is_some()),
                ("api_root", e.api_root.is_some()),
            ],
        };
        for (field, given) in needed {
            if !given {
                let backend = backend.name().to_owned();
                let field = field.to_owned();
                self.at(
                    file,
                    &e.backend,
                    Message::EditingFieldMissing { field, backend },
                );
            }
        }
        if self.problems.len() > before {
            return None;
        }
        Some(Editing {
            backend,
            repo: repo.to_owned(),
            branch: e
                .branch
                .as_deref()
                .map(str::trim)
                .filter(|b| !b.is_empty())
                .unwrap_or("main")
                .to_owned(),
            api_root: api_root.map(|u| u.trim_end_matches('/').to_owned()),
            auth_url: auth_url.map(|u| u.trim_end_matches('/').to_owned()),
            app_id,
            review: e.review,
        })
    }

    fn indications(
        &mut self,
        file: FileId,
        raw: &raw::IndicationsFile,
        left_out: &HashSet<&str>,
    ) -> (
        Vec<Indication>,
        Vec<Category>,
        HashMap<String, IndicationId>,
    ) {
        // Order by German collation of the name; ids are indices into that order.
        let mut entries: Vec<(&Spanned<String>, &raw::IndicationEntry)> = raw.iter().collect();
        for (id, _) in &entries {
            if !is_slug(id.get_ref()) {
                self.at(
                    file,
                    id,
                    Message::InvalidId {
                        id: id.get_ref().clone(),
                    },
                );
            }
        }
        entries.sort_by_cached_key(|(id, e)| (self.keys.key(&e.name), id.get_ref().clone()));
        let ids: HashMap<String, IndicationId> = entries
            .iter()
            .enumerate()
            .map(|(i, (id, _))| (id.get_ref().clone(), IndicationId(i)))
            .collect();

        let mut category_names: Vec<String> = entries
            .iter()
            .map(|(_, e)| e.category.trim().to_owned())
            .collect();
        category_names.sort_by_cached_key(|c| SortKey::new(c));
        category_names.dedup();
        let mut categories: Vec<Category> = category_names
            .iter()
            .map(|n| Category {
                name: n.clone(),
                indications: Vec::new(),
            })
            .collect();

        let mut out = Vec::with_capacity(entries.len());
        for (i, (id, e)) in entries.into_iter().enumerate() {
            let mut see_also = Vec::new();
            for s in &e.see_also {
                match ids.get(s.get_ref()) {
                    Some(&other) if other.0 != i => see_also.push(other),
                    Some(_) => {}
                    None if left_out.contains(s.get_ref().as_str()) => {}
                    None => {
                        let suggestion = suggest(s.get_ref(), ids.keys().map(String::as_str));
                        self.at(
                            file,
                            s,
                            Message::UnknownIndication {
                                id: s.get_ref().clone(),
                                suggestion,
                            },
                        );
                    }
                }
            }
            let category = category_names
                .iter()
                .position(|c| c == e.category.trim())
                .unwrap_or(0);
            categories[category].indications.push(IndicationId(i));
            out.push(Indication {
                id: id.get_ref().clone(),
                sort_key: self.keys.key(&e.name),
                name: e.name.clone(),
                category,
                synonyms: e.synonyms.clone(),
                see_also,
                related: Vec::new(),
                primary_groups: Vec::new(),
                secondary_groups: Vec::new(),
                organisations: Vec::new(),
            });
        }
        (out, categories, ids)
    }

    fn check_slugs<T: HasNames>(&mut self, entries: &[Loaded<T>]) {
        let mut seen: HashMap<String, FileId> = HashMap::new();
        for e in entries {
            if !is_slug(&e.slug) {
                self.error(
                    e.file,
                    None,
                    Message::InvalidSlug {
                        slug: e.slug.clone(),
                    },
                );
            }
            seen.insert(e.slug.clone(), e.file);
        }
        for e in entries {
            for f in e.front.former_slugs() {
                if !is_slug(f.get_ref()) {
                    self.at(
                        e.file,
                        f,
                        Message::InvalidId {
                            id: f.get_ref().clone(),
                        },
                    );
                    continue;
                }
                if let Some(&other) = seen.get(f.get_ref()) {
                    let other_name = if other == e.file {
                        e.slug.clone()
                    } else {
                        f.get_ref().to_string()
                    };
                    self.at(
                        e.file,
                        f,
                        Message::DuplicateSlug {
                            slug: f.get_ref().clone(),
                            other: other_name,
                        },
                    );
                } else {
                    seen.insert(f.get_ref().clone(), e.file);
                }
            }
        }
    }

    fn check_pages(&mut self, pages: &[Loaded<raw::PageFront>]) {
        for p in pages {
            if !is_slug(&p.slug) {
                self.error(
                    p.file,
                    None,
                    Message::InvalidSlug {
                        slug: p.slug.clone(),
                    },
                );
            } else if RESERVED_SEGMENTS.contains(&p.slug.as_str()) {
                self.error(
                    p.file,
                    None,
                    Message::ReservedPageSlug {
                        slug: p.slug.clone(),
                    },
                );
            }
        }
    }

    fn meta<T: HasNames>(
        &mut self,
        e: &Loaded<T>,
        name: &Spanned<String>,
        verified: &Spanned<toml::value::Datetime>,
    ) -> Option<EntryMeta> {
        let verified = self.date(e.file, verified);
        if name.get_ref().trim().is_empty() {
            self.at(e.file, name, Message::EmptyName);
        }
        self.markdown_images(e.file, &e.body, e.body_offset);
        let front = &e.front;
        let sort_text = front
            .sort_as()
            .map(str::trim)
            .filter(|s| !s.is_empty())
            .unwrap_or(name.get_ref().trim());
        let sort_key = self.keys.key(sort_text);
        let letter = Letter::of(sort_text);
        let aliases = front
            .aliases()
            .iter()
            .filter(|a| !a.trim().is_empty())
            .map(|a| Alias {
                name: a.trim().to_owned(),
                sort_key: self.keys.key(a.trim()),
                letter: Letter::of(a.trim()),
            })
            .collect();
        Some(EntryMeta {
            slug: e.slug.clone(),
            name: name.get_ref().trim().to_owned(),
            sort_key,
            letter,
            aliases,
            former_slugs: front
                .former_slugs()
                .iter()
                .map(|f| f.get_ref().clone())
                .collect(),
            verified: verified?,
            web: front.web().unwrap_or(true),
            print: front.print().unwrap_or(true),
            description: std::sync::Arc::clone(&e.body),
            origin: Origin {
                file: e.file,
                version: e.version,
                verified_span: front.verified_span(),
            },
        })
    }

    fn indication_refs(
        &mut self,
        file: FileId,
        list: &[Spanned<String>],
        refs: &Refs,
    ) -> Vec<IndicationId> {
        let mut out = Vec::new();
        for s in list {
            match refs.indications.get(s.get_ref()) {
                Some(&id) => {
                    if !out.contains(&id) {
                        out.push(id)
                    }
                }
                None if !refs.indications_known
                    || refs.left_out_indications.contains(s.get_ref().as_str()) => {}
                None => {
                    let suggestion =
                        suggest(s.get_ref(), refs.indications.keys().map(String::as_str));
                    self.at(
                        file,
                        s,
                        Message::UnknownIndication {
                            id: s.get_ref().clone(),
                            suggestion,
                        },
                    );
                }
            }
        }
        out
    }

    fn group(&mut self, g: &Loaded<raw::GroupFront>, refs: &Refs) -> Option<Group> {
        let file = g.file;
        let f = &g.front;
        let meta = self.meta(g, &f.name, &f.verified);

        let indications = self.indication_refs(file, f.indications.get_ref(), refs);
        if f.indications.get_ref().is_empty() {
            self.at(file, &f.indications, Message::NoIndications);
        }
        let mut audience = f.audience.get_ref().clone();
        audience.sort();
        audience.dedup();
        if audience.is_empty() {
            self.at(file, &f.audience, Message::EmptyAudience);
        }
        let organisation = f.organisation.as_ref().and_then(|o| {
            self.entry_ref(
                file,
                o,
                refs.organisations,
                refs.unreadable_organisations,
                |slug, suggestion| Message::UnknownOrganisation { slug, suggestion },
            )
        });
        let contact_point = f.contact_point.as_ref().and_then(|c| {
            self.entry_ref(
                file,
                c,
                refs.contact_points,
                refs.unreadable_contact_points,
                |slug, suggestion| Message::UnknownContactPoint { slug, suggestion },
            )
        });

        let status = *f.status.get_ref();
        let ended = match (&f.ended, status) {
            (None, raw::Status::Ended) => {
                self.at(file, &f.status, Message::EndedMissing);
                None
            }
            (Some(e), raw::Status::Ended) => self.date(file, e),
            (Some(e), _) => {
                self.at(file, e, Message::EndedNotAllowed);
                None
            }
            (None, _) => None,
        };

        let mut languages = Vec::new();
        for l in f.languages.iter().flatten() {
            let code = l.get_ref().trim();
            if languages::is_iso_639_1(code) {
                if !languages.iter().any(|x| x == code) {
                    languages.push(code.to_owned());
                }
            } else if let Some(suggestion) =
                languages::suggest_code(code).filter(|_| code.len() == 2)
            {
                self.at(
                    file,
                    l,
                    Message::UnknownLanguageCode {
                        code: code.to_owned(),
                        suggestion: Some(suggestion.to_owned()),
                    },
                );
            } else if code.len() == 2 && code.bytes().all(|b| b.is_ascii_lowercase()) {
                self.at(
                    file,
                    l,
                    Message::UnknownLanguageCode {
                        code: code.to_owned(),
                        suggestion: None,
                    },
                );
            } else {
                self.at(
                    file,
                    l,
                    Message::InvalidLanguageCode {
                        code: l.get_ref().clone(),
                    },
                );
            }
        }
        if f.languages.is_none() {
            languages.push("de".to_owned());
        }
        let since = f.since.as_ref().and_then(|s| {
            let y = *s.get_ref();
            if (1800..=2200).contains(&y) {
                Some(y as i32)
            } else {
                self.at(
                    file,
                    s,
                    Message::OutOfRange {
                        value: y.to_string(),
                        range: "1800–2200".into(),
                    },
                );
                None
            }
        });
        let confidential = f.confidential.unwrap_or(false);
        let meetings: Vec<Meeting> = f
            .meetings
            .iter()
            .filter_map(|m| self.meeting(file, m, confidential))
            .collect();
        let (contact, website) = self.contact(file, f.contact.as_ref(), confidential);

        let meta = meta?;
        if indications.is_empty() {
            return None;
        }
        Some(Group {
            meta,
            indications,
            audience,
            format: f.format,
            status,
            organisation: organisation.map(OrganisationId),
            contact_point: contact_point.map(ContactPointId),
            district: f
                .district
                .as_ref()
                .map(|d| d.trim().to_owned())
                .filter(|d| !d.is_empty()),
            languages,
            since,
            ended,
            confidential,
            meetings,
            contact,
            website,
        })
    }

    fn meeting(
        &mut self,
        file: FileId,
        m: &Spanned<raw::MeetingEntry>,
        confidential: bool,
    ) -> Option<Meeting> {
        let table = m.get_ref();
        let mut ok = true;
        let irregular = table.rhythm == Rhythm::Irregular;
        if table.weekday.is_none() && !irregular {
            self.at(file, m, Message::WeekdayMissing);
            ok = false;
        }
        if table.start.is_none() && !irregular {
            self.at(file, m, Message::StartMissing);
            ok = false;
        }
        let mut weeks = Vec::new();
        match (&table.weeks, table.rhythm) {
            (None, Rhythm::Monthly) => {
                self.at(file, m, Message::WeeksMissing);
                ok = false;
            }
            (Some(w), Rhythm::Monthly) => {
                if w.get_ref().is_empty() {
                    self.at(file, w, Message::WeeksMissing);
                    ok = false;
                }
                for x in w.get_ref() {
                    match *x.get_ref() {
                        v @ (1..=4 | -1) => weeks.push(v as i8),
                        v => {
                            self.at(file, x, Message::InvalidWeek { value: v });
                            ok = false;
                        }
                    }
                }
            }
            (Some(w), _) => {
                self.at(file, w, Message::WeeksNotAllowed);
                ok = false;
            }
            (None, _) => {}
        }
        weeks.sort_by_key(|&w| if w == -1 { 5 } else { w });
        weeks.dedup();
        let first_date = match (&table.first_date, table.rhythm) {
            (None, Rhythm::Biweekly) => {
                self.at(file, m, Message::FirstDateMissing);
                ok = false;
                None
            }
            (Some(d), Rhythm::Biweekly) => self.date(file, d),
            (Some(d), _) => {
                self.at(file, d, Message::FirstDateNotAllowed);
                ok = false;
                None
            }
            (None, _) => None,
        };
        let mut time = |s: &Option<Spanned<String>>| -> Option<Time> {
            let s = s.as_ref()?;
            let t = Time::parse(s.get_ref());
            if t.is_none() {
                self.at(
                    file,
                    s,
                    Message::InvalidTime {
                        value: s.get_ref().clone(),
                    },
                );
                ok = false;
            }
            t
        };
        let start = time(&table.start);
        let end = time(&table.end);
        if !ok {
            return None;
        }
        Some(Meeting {
            rhythm: table.rhythm,
            weekday: table.weekday.as_ref().map(|w| *w.get_ref()),
            weeks,
            first_date,
            start,
            end,
            place: if confidential {
                None
            } else {
                nonempty(&table.place)
            },
            address: if confidential {
                None
            } else {
                nonempty(&table.address)
            },
            accessible: table.accessible,
            note: nonempty(&table.note),
        })
    }

    fn contact(
        &mut self,
        file: FileId,
        c: Option<&Spanned<raw::ContactEntry>>,
        confidential: bool,
    ) -> (ContactRoute, Option<String>) {
        let Some(c) = c else {
            return (ContactRoute::ContactPoint, None);
        };
        let c = c.get_ref();
        let consent = c.consent.as_ref().and_then(|d| self.date(file, d));
        if c.consent.is_none() {
            for (field, value) in [
                ("person", &c.person),
                ("phone", &c.phone),
                ("email", &c.email),
            ] {
                if let Some(v) = value {
                    self.at(
                        file,
                        v,
                        Message::PersonalDataWithoutConsent {
                            field: field.to_owned(),
                        },
                    );
                }
            }
        }
        let email = self.email(file, &c.email);
        let website = self.url(file, &c.website);
        let person = c
            .person
            .as_ref()
            .map(|p| p.get_ref().trim().to_owned())
            .filter(|p| !p.is_empty());
        let phone = c
            .phone
            .as_ref()
            .map(|p| p.get_ref().trim().to_owned())
            .filter(|p| !p.is_empty());
        let has_personal = person.is_some() || phone.is_some() || email.is_some();
        let via = c.via_contact_point.unwrap_or(false);
        if confidential {
            return (ContactRoute::ContactPoint, None);
        }
        // Reached through the contact point (contract, section 4) when the
        // group says so or gives none of person, phone, email, website;
        // personal data without consent is an error reported above.
        if via || (!has_personal && website.is_none()) || (has_personal && consent.is_none()) {
            return (ContactRoute::ContactPoint, website);
        }
        (
            ContactRoute::Direct {
                person,
                phone,
                email,
            },
            website,
        )
    }

    fn organisation(
        &mut self,
        o: &Loaded<raw::OrganisationFront>,
        refs: &Refs,
    ) -> Option<Organisation> {
        let f = &o.front;
        let meta = self.meta(o, &f.name, &f.verified);
        let indications = self.indication_refs(o.file, &f.indications, refs);
        let email = self.email(o.file, &f.email);
        let website = self.url(o.file, &f.website);
        Some(Organisation {
            meta: meta?,
            level: f.level,
            indications,
            address: nonempty(&f.address),
            phone: nonempty(&f.phone),
            email,
            website,
            groups: Vec::new(),
        })
    }

    fn contact_point(&mut self, c: &Loaded<raw::ContactPointFront>) -> Option<ContactPoint> {
        let f = &c.front;
        let meta = self.meta(c, &f.name, &f.verified);
        let email = self.email(c.file, &f.email);
        let website = self.url(c.file, &f.website);
        Some(ContactPoint {
            meta: meta?,
            address: nonempty(&f.address),
            phone: nonempty(&f.phone),
            email,
            website,
            opening_hours: f
                .opening_hours
                .iter()
                .map(|s| s.trim().to_owned())
                .filter(|s| !s.is_empty())
                .collect(),
            groups: Vec::new(),
        })
    }
}

/// Whether `m` reports only the absence (or the default) of a key that
/// was left out for a wrong value.
fn follows_from_left_out(m: &Message, left_out: &[LeftOut]) -> bool {
    let keys: &[&str] = match m {
        Message::EndedMissing => &["ended"],
        Message::EndedNotAllowed => &["status"],
        Message::PersonalDataWithoutConsent { .. } => &["consent"],
        Message::NoIndications => &["indications"],
        Message::EmptyAudience => &["audience"],
        Message::WeekdayMissing => &["weekday", "rhythm"],
        Message::StartMissing => &["start", "rhythm"],
        Message::WeeksMissing => &["weeks", "rhythm"],
        Message::FirstDateMissing => &["first_date", "rhythm"],
        Message::WeeksNotAllowed | Message::FirstDateNotAllowed => &["rhythm"],
        _ => &[],
    };
    keys.iter().any(|k| left_out.iter().any(|(l, _)| l == k))
}

fn nonempty(s: &Option<String>) -> Option<String> {
    s.as_ref()
        .map(|s| s.trim().to_owned())
        .filter(|s| !s.is_empty())
}

/// Sorts entries A–Z, resolves references to sorted ids, computes reverse
/// links and the A–Z list.
#[allow(clippy::too_many_arguments)]
fn link(
    settings: Settings,
    mut indications: Vec<Indication>,
    categories: Vec<Category>,
    mut groups: Vec<Group>,
    mut organisations: Vec<Organisation>,
    mut contact_points: Vec<ContactPoint>,
    pages: Vec<Page>,
    images: BTreeMap<String, Image>,
) -> Directory {
    // Organisation / contact point references hold raw file-order indices;
    // translate them to A–Z order.
    let org_order = sort_order(&organisations, |o| &o.meta);
    let cp_order = sort_order(&contact_points, |c| &c.meta);
    for g in &mut groups {
        g.organisation = g.organisation.map(|o| OrganisationId(org_order[o.0]));
        g.contact_point = g.contact_point.map(|c| ContactPointId(cp_order[c.0]));
    }
    apply_order(&mut organisations, &org_order);
    apply_order(&mut contact_points, &cp_order);
    groups.sort_by(|a, b| {
        a.meta
            .sort_key
            .cmp(&b.meta.sort_key)
            .then_with(|| a.meta.slug.cmp(&b.meta.slug))
    });

    for (i, g) in groups.iter().enumerate() {
        let id = GroupId(i);
        for (n, ind) in g.indications.iter().enumerate() {
            let list = if n == 0 {
                &mut indications[ind.0].primary_groups
            } else {
                &mut indications[ind.0].secondary_groups
            };
            list.push(id);
        }
        if let Some(o) = g.organisation {
            organisations[o.0].groups.push(id);
        }
        if let Some(c) = g.contact_point {
            contact_points[c.0].groups.push(id);
        }
    }
    for (i, o) in organisations.iter().enumerate() {
        for ind in &o.indications {
            indications[ind.0].organisations.push(OrganisationId(i));
        }
    }

    // "siehe auch" in both directions, in A–Z order.
    let mut related: Vec<Vec<IndicationId>> =
        indications.iter().map(|i| i.see_also.clone()).collect();
    for (i, ind) in indications.iter().enumerate() {
        for other in &ind.see_also {
            if !related[other.0].contains(&IndicationId(i)) {
                related[other.0].push(IndicationId(i));
            }
        }
    }
    for (ind, mut list) in indications.iter_mut().zip(related) {
        list.sort_by_key(|id| id.0);
        list.dedup();
        ind.related = list;
    }
    // Indications are in A–Z order already: their ids sort as their names.
    let mut az: Vec<AzLine> = Vec::new();
    let mut push = |entry: EntryRef, meta: &EntryMeta| {
        az.push(AzLine {
            entry,
            alias: None,
            letter: meta.letter,
        });
        for (i, a) in meta.aliases.iter().enumerate() {
            az.push(AzLine {
                entry,
                alias: Some(i),
                letter: a.letter,
            });
        }
    };
    for (i, g) in groups.iter().enumerate() {
        push(EntryRef::Group(GroupId(i)), &g.meta);
    }
    for (i, o) in organisations.iter().enumerate() {
        push(EntryRef::Organisation(OrganisationId(i)), &o.meta);
    }
    for (i, c) in contact_points.iter().enumerate() {
        push(EntryRef::ContactPoint(ContactPointId(i)), &c.meta);
    }
    let key = |l: &AzLine| -> (&SortKey, EntryRef, Option<usize>) {
        let meta = match l.entry {
            EntryRef::Group(g) => &groups[g.0].meta,
            EntryRef::Organisation(o) => &organisations[o.0].meta,
            EntryRef::ContactPoint(c) => &contact_points[c.0].meta,
        };
        let k = match l.alias {
            Some(i) => &meta.aliases[i].sort_key,
            None => &meta.sort_key,
        };
        (k, l.entry, l.alias)
    };
    az.sort_by(|a, b| key(a).cmp(&key(b)));

    Directory {
        settings,
        indications,
        categories,
        groups,
        organisations,
        contact_points,
        pages,
        az,
        images,
    }
}

/// `order[old_index] = new_index` for sorting by the entries' sort keys.
fn sort_order<T>(items: &[T], meta: impl Fn(&T) -> &EntryMeta) -> Vec<usize> {
    let mut idx: Vec<usize> = (0..items.len()).collect();
    idx.sort_by(|&a, &b| {
        let (ma, mb) = (meta(&items[a]), meta(&items[b]));
        ma.sort_key
            .cmp(&mb.sort_key)
            .then_with(|| ma.slug.cmp(&mb.slug))
    });
    let mut order = vec![0; items.len()];
    for (new, old) in idx.into_iter().enumerate() {
        order[old] = new;
    }
    order
}

fn apply_order<T>(items: &mut Vec<T>, order: &[usize]) {
    let mut slots: Vec<Option<T>> = (0..items.len()).map(|_| None).collect();
    for (old, item) in items.drain(..).enumerate() {
        slots[order[old]] = Some(item);
    }
    items.extend(slots.into_iter().flatten());
}
