//! The web renderer: every URL of the contract (section 7) from the tera
//! templates of the theme, plus the machine-readable files (search index,
//! iCalendar per group, JSON export), rendered in parallel with
//! deterministic output.
//!
//! Template context (documented for theme authors in the README):
//! `site` (title, base, base_url, language, publisher, letters,
//! info_pages, legal_pages, easy_language), `t` (the theme's string table
//! `i18n/<language>.toml`), `path`, `canonical`, `noindex`, `description`,
//! `jsonld`, and the page's own view (`group`, `entry`, `indication`, …).

pub mod admin;
mod deps;
pub mod export;
pub mod filters;
pub mod ical;
pub mod incremental;
mod json_parts;
pub mod jsonld;
pub mod search;
pub mod views;

use std::collections::HashMap;
use std::sync::Arc;

use rayon::prelude::*;
use serde::Serialize;
use serde_json::json;
use tera::{Context, Tera};

use crate::diagnostics::Message;
use crate::load::Theme;
use crate::model::*;
use crate::output::{Content, Files};
pub use crate::render::escape::{escape_html, push_xml_escaped, xml_escape};
use crate::render::markdown;
pub(crate) use crate::render::words::strings;
use filters::{Choices, GroupList};
use views::*;

/// One page to render.
enum Job {
    Index,
    Search,
    /// A static list of groups under `/suche/`.
    List(GroupList),
    Letter(Letter),
    Topics,
    Topic(IndicationId),
    Group(GroupId),
    Ended(GroupId),
    Organisation(OrganisationId),
    ContactPoint(ContactPointId),
    Page(usize),
    Redirect {
        path: String,
        target: String,
        name: String,
    },
    NotFound,
}

/// Common context of every page.
#[derive(Serialize, PartialEq)]
struct SiteView {
    title: String,
    base_url: String,
    base: String,
    language: String,
    publisher: ContactDetails,
    letters: Vec<LetterLink>,
    /// Free pages about the directory (foreword, "what is a self-help group").
    info_pages: Vec<PageLink>,
    /// Imprint, privacy policy, accessibility statement.
    legal_pages: Vec<PageLink>,
    /// The page in Leichte Sprache (easy-to-read German), linked on the
    /// start page and in the footer.
    easy_language: Option<PageLink>,
}

#[derive(Serialize, PartialEq)]
struct LetterLink {
    label: String,
    slug: &'static str,
    url: String,
    /// No entry or alias of this letter is on the site. (Only this, not a
    /// count, is common to every page: adding an entry to a letter that
    /// has some then changes its letter page alone, and `serve` renders
    /// just what the entry reaches.)
    empty: bool,
}

#[derive(Serialize, PartialEq)]
struct PageLink {
    name: String,
    url: String,
    summary: String,
}

/// A line on an A–Z page.
#[derive(Serialize)]
struct AzView {
    name: String,
    url: String,
    kind: &'static str,
    /// For aliases: the name of the entry it points to.
    see: Option<String>,
    primary: Option<String>,
    status: Option<&'static str>,
}

/// Slug prefixes of the free pages linked in the footer as legal pages.
const LEGAL_PAGES: [&str; 3] = ["impressum", "datenschutz", "barrierefrei"];

/// Is a free page one of the legal pages?
pub fn is_legal_page(slug: &str) -> bool {
    LEGAL_PAGES.iter().any(|p| slug.starts_with(p))
}

/// Slug prefix of the free page in Leichte Sprache (easy-to-read German).
const EASY_LANGUAGE_PAGE: &str = "leichte-sprache";

/// Is a free page the page in Leichte Sprache?
pub fn is_easy_language_page(slug: &str) -> bool {
    slug.starts_with(EASY_LANGUAGE_PAGE)
}

/// The theme's templates, ready to render, and its string table for the
/// directory's language.
struct Templates {
    tera: Tera,
    /// The string table (`t`).
    strings: toml::Value,
}

impl Templates {
    fn new(theme: &Theme, language: &str) -> Result<Templates, Message> {
        let mut tera = Tera::default();
        let templates: Vec<(String, String)> = theme
            .under("templates/")
            .filter_map(|(p, b)| {
                let name = p.trim_start_matches("templates/").to_owned();
                std::str::from_utf8(b).ok().map(|t| (name, t.to_owned()))
            })
            .collect();
        tera.add_raw_templates(templates)
            .map_err(|e| template_error("templates/", e))?;
        tera.autoescape_on(vec![".html", ".xml"]);
        tera.set_escape_fn(escape_html);
        tera.register_filter("email", email_filter);
        Ok(Templates {
            tera,
            strings: strings(theme, language)?,
        })
    }
}

/// Renders the outputs of one model: each page, calendar and
/// machine-readable file on its own (see [`render`] for all of them,
/// [`incremental`] for some).
struct Renderer<'a> {
    dir: &'a Directory,
    urls: Urls,
    templates: &'a Templates,
    /// The common part of every page's context.
    site: SiteView,
    base_context: Context,
    /// Live A–Z lines per letter page (index = position in `Letter::all()`).
    letters: Vec<(Letter, Vec<&'a AzLine>)>,
    /// Every entry's description, rendered once.
    texts: Texts,
}

/// Renders the whole site into files (paths relative to the site root).
pub fn render(dir: &Directory, theme: &Theme) -> Result<Files, Message> {
    let templates = Templates::new(theme, &dir.settings.language)?;
    let urls = Urls::of(dir);
    let texts = Texts::new(dir, &urls);
    let r = Renderer::new(dir, &templates, texts);
    let jobs = r.jobs();
    // Pages, calendars and the machine-readable files are independent: all
    // run in parallel.
    let ((pages, calendars), (sitemap, (index, export))) = rayon::join(
        || {
            rayon::join(
                || r.pages(&jobs),
                || r.calendars((0..dir.groups.len()).into_par_iter().map(GroupId)),
            )
        },
        || {
            rayon::join(
                || r.sitemap(),
                || {
                    rayon::join(
                        || search::index(dir, &r.urls, &r.texts),
                        || export::export(dir, &r.urls, &r.texts),
                    )
                },
            )
        },
    );
    let mut files = Files::default();
    for (path, bytes) in pages?.into_iter().chain(calendars) {
        files.insert(path, bytes);
    }
    files.insert(SITEMAP_PATH, sitemap);
    files.insert(ROBOTS_PATH, r.robots());
    files.insert(file_for(search::INDEX_PATH), index);
    files.insert(file_for(export::EXPORT_PATH), export);
    for (path, content) in static_files(dir, theme) {
        files.insert_content(path, Arc::new(content));
    }
    if publishes_admin(dir) {
        for (path, content) in admin::files(dir, theme, &templates.strings) {
            files.insert_content(path, Arc::new(content));
        }
    }
    Ok(files)
}

/// File of `robots.txt`.
const ROBOTS_PATH: &str = "robots.txt";

/// File of the sitemap.
const SITEMAP_PATH: &str = "sitemap.xml";

/// The theme's static files, then the directory's images (an image wins
/// over a theme file of the same path).
fn static_files<'a>(
    dir: &'a Directory,
    theme: &'a Theme,
) -> impl Iterator<Item = (String, Content)> + 'a {
    let theme_files = theme
        .under(STATIC_PREFIX)
        .map(|(path, bytes)| (path.to_owned(), Content::new(bytes.to_vec())));
    let images = dir.images.iter().map(|(path, image)| {
        (
            format!("static/content/{path}"),
            Content::shared(Arc::clone(&image.bytes)),
        )
    });
    theme_files.chain(images)
}

/// True if the site has the browser editor: `[editing]` is set, or `serve` renders it.
fn publishes_admin(dir: &Directory) -> bool {
    dir.settings.editing.is_some() || dir.settings.local_editing
}

/// The folder of the theme's files that are copied as they are.
const STATIC_PREFIX: &str = "static/";

/// The folders of a theme the website is made from (the others are for print).
const WEB_THEME_PARTS: [&str; 4] = ["templates/", "i18n/", STATIC_PREFIX, admin::ADMIN_PREFIX];

/// The common context of every page, plus one page's own values (keys
/// recorded so that the context can be reused for the next page).
struct PageContext<'c> {
    ctx: &'c mut Context,
    keys: Vec<&'static str>,
}

impl PageContext<'_> {
    fn insert<T: Serialize + ?Sized>(&mut self, key: &'static str, val: &T) {
        self.ctx.insert(key, val);
        self.keys.push(key);
    }

    /// Back to the common context: page values removed, overridden common
    /// defaults restored.
    fn reset(self) {
        for key in self.keys {
            match key {
                "noindex" => self.ctx.insert("noindex", &false),
                "description" | "jsonld" => self.ctx.insert(key, ""),
                _ => {
                    self.ctx.remove(key);
                }
            }
        }
    }
}

fn template_error(name: &str, e: tera::Error) -> Message {
    let mut detail = e.to_string();
    let mut source = std::error::Error::source(&e);
    while let Some(s) = source {
        detail.push_str(": ");
        detail.push_str(&s.to_string());
        source = s.source();
    }
    Message::TemplateFailed {
        template: name.to_owned(),
        detail,
    }
}

/// Site path → file path (`/gruppen/x/` → `gruppen/x/index.html`).
fn file_for(path: &str) -> String {
    let p = path.trim_start_matches('/');
    if p.is_empty() {
        "index.html".to_owned()
    } else if p.ends_with('/') {
        format!("{p}index.html")
    } else {
        p.to_owned()
    }
}

/// The tera filter `email`: an [`Email`] (`{user, domain}`) or a plain
/// address → harvest-protected HTML (use with `| safe`).
fn email_filter(
    value: &tera::Value,
    _: &HashMap<String, tera::Value>,
) -> tera::Result<tera::Value> {
    let (user, domain) = match value {
        tera::Value::Object(o) => (
            o.get("user")
                .and_then(|v| v.as_str())
                .unwrap_or_default()
                .to_owned(),
            o.get("domain")
                .and_then(|v| v.as_str())
                .unwrap_or_default()
                .to_owned(),
        ),
        tera::Value::String(s) => match s.rsplit_once('@') {
            Some((u, d)) => (u.to_owned(), d.to_owned()),
            None => return Ok(tera::Value::String(escape_html(s))),
        },
        _ => return Ok(tera::Value::String(String::new())),
    };
    Ok(tera::Value::String(markdown::email_html(&user, &domain)))
}

impl<'a> Renderer<'a> {
    fn new(dir: &'a Directory, templates: &'a Templates, texts: Texts) -> Self {
        let urls = Urls::of(dir);
        let mut letters: Vec<(Letter, Vec<&AzLine>)> =
            Letter::all().map(|l| (l, Vec::new())).collect();
        for line in dir.az.iter().filter(|l| dir.is_live_on_web(l.entry)) {
            let idx = Letter::all().position(|l| l == line.letter).unwrap_or(0);
            letters[idx].1.push(line);
        }
        let page_link = |p: &Page| PageLink {
            name: p.title.clone(),
            url: urls.path(&format!("/{}/", p.slug)),
            summary: markdown::first_paragraph_text(&p.body),
        };
        let web_pages = || dir.pages.iter().filter(|p| p.web);
        let site = SiteView {
            title: dir.settings.title.clone(),
            base_url: dir.settings.base_url.clone(),
            base: urls.base.clone(),
            language: dir.settings.language.clone(),
            publisher: contact_point_details(dir, &urls, ContactPointRef::Publisher),
            letters: letters
                .iter()
                .map(|(l, lines)| LetterLink {
                    label: l.label(),
                    slug: l.slug(),
                    url: urls.path(&Urls::letter_path(*l)),
                    empty: lines.is_empty(),
                })
                .collect(),
            info_pages: web_pages()
                .filter(|p| !is_legal_page(&p.slug) && !is_easy_language_page(&p.slug))
                .map(page_link)
                .collect(),
            legal_pages: web_pages()
                .filter(|p| is_legal_page(&p.slug))
                .map(page_link)
                .collect(),
            easy_language: web_pages()
                .find(|p| is_easy_language_page(&p.slug))
                .map(page_link),
        };
        let mut base_context = Context::new();
        base_context.insert("site", &site);
        base_context.insert("t", &templates.strings);
        base_context.insert("noindex", &false);
        base_context.insert("description", "");
        base_context.insert("jsonld", "");
        Renderer {
            dir,
            urls,
            templates,
            site,
            base_context,
            letters,
            texts,
        }
    }

    /// Renders pages in parallel. Each worker reuses one tera context (a
    /// clone of the common part) instead of deep-cloning it for every page.
    fn pages<'j>(
        &self,
        jobs: impl IntoParallelIterator<Item = &'j Job>,
    ) -> Result<Vec<(String, Vec<u8>)>, Message> {
        jobs.into_par_iter()
            .map_init(
                || self.base_context.clone(),
                |ctx, job| self.render(ctx, job),
            )
            .collect()
    }

    /// The calendar files of those of `groups` that are live and meet
    /// regularly, in parallel.
    fn calendars(
        &self,
        groups: impl IntoParallelIterator<Item = GroupId>,
    ) -> Vec<(String, Vec<u8>)> {
        groups
            .into_par_iter()
            .filter_map(|id| self.calendar(id))
            .collect()
    }

    /// The calendar file of a group, if it is live and meets regularly.
    fn calendar(&self, id: GroupId) -> Option<(String, Vec<u8>)> {
        let g = self.dir.group(id);
        if !g.is_live_on_web() {
            return None;
        }
        ical::calendar(self.dir, &self.urls, id).map(|ics| {
            (
                file_for(&Urls::calendar_path(&g.meta.slug)),
                ics.into_bytes(),
            )
        })
    }

    /// `robots.txt`.
    fn robots(&self) -> String {
        // Search results and the index are not for crawlers; the static lists
        // under /suche/ are (they are in the sitemap). The bare search page
        // says `noindex` itself.
        let base = &self.urls.base;
        format!(
            "User-agent: *\nDisallow: {base}/suche/?\nDisallow: {base}{}\nSitemap: {}\n",
            search::INDEX_PATH,
            self.urls.absolute("/sitemap.xml")
        )
    }

    fn jobs(&self) -> Vec<Job> {
        let dir = self.dir;
        let mut jobs = vec![Job::Index, Job::Search, Job::Topics, Job::NotFound];
        jobs.extend(GroupList::ALL.map(Job::List));
        jobs.extend(Letter::all().map(Job::Letter));
        jobs.extend((0..dir.indications.len()).map(|i| Job::Topic(IndicationId(i))));
        for (i, g) in dir.groups.iter().enumerate() {
            if !g.meta.web {
                continue;
            }
            let id = GroupId(i);
            jobs.push(if g.status == Status::Ended {
                Job::Ended(id)
            } else {
                Job::Group(id)
            });
        }
        jobs.extend(
            (0..dir.organisations.len())
                .filter(|&i| dir.organisations[i].meta.web)
                .map(|i| Job::Organisation(OrganisationId(i))),
        );
        jobs.extend(
            (0..dir.contact_points.len())
                .filter(|&i| dir.contact_points[i].meta.web)
                .map(|i| Job::ContactPoint(ContactPointId(i))),
        );
        jobs.extend(
            (0..dir.pages.len())
                .filter(|&i| dir.pages[i].web)
                .map(Job::Page),
        );
        // Former slugs of every entry that has a page.
        for e in dir.entries() {
            let meta = dir.meta(e);
            if !meta.web {
                continue;
            }
            for f in &meta.former_slugs {
                jobs.push(Job::Redirect {
                    path: Urls::former_path(e, f),
                    target: self.urls.path(&Urls::entry_path(dir, e)),
                    name: meta.name.clone(),
                });
            }
        }
        jobs
    }

    /// A string of the theme's table by dotted path (`"index.meta_description"`),
    /// `""` if missing.
    fn word(&self, path: &str) -> String {
        let mut v = &self.templates.strings;
        for key in path.split('.') {
            match v.get(key) {
                Some(x) => v = x,
                None => return String::new(),
            }
        }
        v.as_str().unwrap_or_default().to_owned()
    }

    /// The page of an organisation or contact point: its view, JSON-LD and
    /// the groups it stands for.
    fn entry_page(
        &self,
        ctx: &mut Context,
        template: &str,
        path: &str,
        view: &EntryView,
        linked_data: &serde_json::Value,
        groups: &[GroupId],
    ) -> Result<(String, Vec<u8>), Message> {
        self.page(ctx, template, path, |c| {
            c.insert("description", &view.summary);
            c.insert("jsonld", &jsonld::script(linked_data));
            c.insert("entry", view);
            c.insert("groups", &group_lines(self.dir, &self.urls, groups));
        })
    }

    /// Renders one page with `ctx` (the common context, reused from page
    /// to page): the page's own values are added, and taken out again (or
    /// reset to the common defaults) after rendering.
    fn page(
        &self,
        ctx: &mut Context,
        template: &str,
        path: &str,
        fill: impl FnOnce(&mut PageContext<'_>),
    ) -> Result<(String, Vec<u8>), Message> {
        let mut c = PageContext {
            ctx,
            keys: Vec::new(),
        };
        c.insert("path", path);
        c.insert("canonical", &self.urls.absolute(path));
        fill(&mut c);
        let result = self
            .templates
            .tera
            .render(template, c.ctx)
            .map_err(|e| template_error(template, e));
        c.reset();
        Ok((file_for(path), result?.into_bytes()))
    }

    /// The site path of a job's page.
    fn path(&self, job: &Job) -> String {
        let dir = self.dir;
        match job {
            Job::Index => "/".to_owned(),
            Job::Search => "/suche/".to_owned(),
            Job::List(list) => list.path().to_owned(),
            Job::Letter(l) => Urls::letter_path(*l),
            Job::Topics => "/themen/".to_owned(),
            Job::Topic(id) => Urls::indication_path(dir.indication(*id)),
            Job::Group(id) | Job::Ended(id) => Urls::entry_path(dir, EntryRef::Group(*id)),
            Job::Organisation(id) => Urls::entry_path(dir, EntryRef::Organisation(*id)),
            Job::ContactPoint(id) => Urls::entry_path(dir, EntryRef::ContactPoint(*id)),
            Job::Page(i) => format!("/{}/", dir.pages[*i].slug),
            Job::Redirect { path, .. } => path.clone(),
            Job::NotFound => "/404.html".to_owned(),
        }
    }

    /// Renders a job's page: (file path, bytes).
    fn render(&self, ctx: &mut Context, job: &Job) -> Result<(String, Vec<u8>), Message> {
        let dir = self.dir;
        let urls = &self.urls;
        let path = &self.path(job);
        match job {
            Job::Index => self.page(ctx, "index.html", path, |c| {
                c.insert("categories", &self.categories());
                c.insert("group_count", &dir.groups.iter().filter(|g| g.is_live_on_web()).count());
                c.insert("description", &self.word("index.meta_description").replace("{title}", &dir.settings.title));
                c.insert("jsonld", &jsonld::script(&jsonld::website(dir, urls)));
                c.insert("founding", &self.founding());
                c.insert("lists", &self.list_links());
            }),
            Job::Search => self.page(ctx, "search.html", path, |c| {
                c.insert("index_url", &urls.path(search::INDEX_PATH));
                c.insert("noindex", &true);
                c.insert("choices", &Choices::of(dir));
                c.insert("lists", &self.list_links());
            }),
            Job::List(list) => {
                let groups = group_lines(dir, urls, &list.groups(dir));
                let search = format!("{}?{}", urls.path("/suche/"), list.query());
                self.page(ctx, "list.html", path, |c| {
                    c.insert("list", &json!({ "code": list.code(), "search_url": search }));
                    c.insert("description", &self.word(&format!("lists.{}.intro", list.code())));
                    c.insert("noindex", &groups.is_empty());
                    c.insert("groups", &groups);
                    c.insert("lists", &self.list_links());
                    // The list of groups in founding says whom to ask.
                    let founding = match list {
                        GroupList::Founding => self.founding(),
                        _ => json!({ "groups": [], "contact_points": [] }),
                    };
                    c.insert("founding", &founding);
                })
            }
            Job::Letter(l) => {
                let idx = Letter::all().position(|x| x == *l).unwrap_or(0);
                let lines: Vec<AzView> = self.letters[idx].1.iter().map(|line| self.az_view(line)).collect();
                self.page(ctx, "letter.html", path, |c| {
                    c.insert("letter", &json!({ "label": l.label(), "slug": l.slug() }));
                    c.insert("noindex", &lines.is_empty());
                    c.insert("entries", &lines);
                })
            }
            Job::Topics => self.page(ctx, "topics.html", path, |c| {
                c.insert("categories", &self.categories());
                let mut synonyms: Vec<(SortKey, serde_json::Value)> = dir
                    .indications
                    .iter()
                    .flat_map(|ind| {
                        ind.synonyms.iter().map(move |s| {
                            (
                                SortKey::new(s),
                                json!({ "name": s, "target": ind.name, "url": urls.path(&Urls::indication_path(ind)) }),
                            )
                        })
                    })
                    .collect();
                synonyms.sort_by(|a, b| a.0.cmp(&b.0));
                c.insert("synonyms", &synonyms.into_iter().map(|(_, v)| v).collect::<Vec<_>>());
            }),
            Job::Topic(id) => {
                let ind = dir.indication(*id);
                let mut cps = contact_points_of(
                    dir,
                    ind.primary_groups
                        .iter()
                        .chain(&ind.secondary_groups)
                        .copied()
                        .filter(|&g| dir.group(g).is_live_on_web()),
                );
                if cps.is_empty() {
                    cps.push(ContactPointRef::Publisher);
                }
                let see_also = &ind.related;
                self.page(ctx, "topic.html", path, |c| {
                    c.insert(
                        "indication",
                        &json!({
                            "id": ind.id,
                            "name": ind.name,
                            "category": dir.categories[ind.category].name,
                            "synonyms": ind.synonyms,
                        }),
                    );
                    c.insert(
                        "description",
                        &self
                            .word("topic.meta_description")
                            .replace("{name}", &ind.name)
                            .replace("{title}", &dir.settings.title),
                    );
                    c.insert("primary_groups", &group_lines(dir, urls, &ind.primary_groups));
                    c.insert("secondary_groups", &group_lines(dir, urls, &ind.secondary_groups));
                    c.insert(
                        "organisations",
                        &ind.organisations
                            .iter()
                            .filter(|&&o| dir.organisation(o).meta.web)
                            .map(|&o| Link {
                                name: dir.organisation(o).meta.name.clone(),
                                url: urls.path(&Urls::entry_path(dir, EntryRef::Organisation(o))),
                            })
                            .collect::<Vec<_>>(),
                    );
                    c.insert(
                        "contact_points",
                        &cps.iter().map(|&r| contact_point_details(dir, urls, r)).collect::<Vec<_>>(),
                    );
                    c.insert("see_also", &see_also.iter().map(|&i| indication_link(dir, urls, i)).collect::<Vec<_>>());
                })
            }
            Job::Group(id) => {
                let view = group_view(dir, urls, &self.texts, *id);
                let audience: Vec<String> = dir
                    .group(*id)
                    .audience
                    .iter()
                    .map(|&a| self.word(&format!("audience.{}", audience_code(a))))
                    .collect();
                self.page(ctx, "group.html", path, |c| {
                    c.insert("description", &view.summary);
                    c.insert(
                        "jsonld",
                        &jsonld::script(&jsonld::group(dir, urls, &self.texts, *id, &audience.join(", "))),
                    );
                    c.insert("group", &view);
                })
            }
            Job::Ended(id) => {
                let g = dir.group(*id);
                self.page(ctx, "ended.html", path, |c| {
                    c.insert(
                        "group",
                        &json!({
                            "name": g.meta.name,
                            "ended": g.ended.map(|d| crate::model::date(d, &dir.settings.language)),
                            "indications": g.indications.iter().map(|&i| indication_link(dir, urls, i)).collect::<Vec<_>>(),
                        }),
                    );
                    c.insert("noindex", &true);
                    c.insert("contact_point", &contact_point_details(dir, urls, g.contact_point_ref()));
                })
            }
            Job::Organisation(id) => self.entry_page(
                ctx,
                "organisation.html",
                path,
                &organisation_view(dir, urls, &self.texts, *id),
                &jsonld::organisation(dir, urls, &self.texts, *id),
                &dir.organisation(*id).groups,
            ),
            Job::ContactPoint(id) => self.entry_page(
                ctx,
                "contact_point.html",
                path,
                &contact_point_view(dir, &self.texts, *id),
                &jsonld::contact_point(dir, urls, &self.texts, *id),
                &dir.contact_point(*id).groups,
            ),
            Job::Page(i) => {
                let p = &dir.pages[*i];
                self.page(ctx, "page.html", path, |c| {
                    c.insert("description", &markdown::first_paragraph_text(&p.body));
                    c.insert(
                        "page",
                        &json!({
                            "title": p.title,
                            "body_html": markdown::to_html(&p.body, 1, &urls.base),
                            "easy_language": is_easy_language_page(&p.slug),
                        }),
                    );
                })
            }
            Job::Redirect { path, target, name } => self.page(ctx, "redirect.html", path, |c| {
                c.insert("target", target);
                c.insert("target_absolute", &urls.absolute(target.strip_prefix(&urls.base).unwrap_or(target)));
                c.insert("name", name);
                c.insert("noindex", &true);
            }),
            Job::NotFound => self.page(ctx, "404.html", path, |c| c.insert("noindex", &true)),
        }
    }

    /// The groups in founding (A–Z) and the contact points that put
    /// readers in touch with them, for the start page.
    fn founding(&self) -> serde_json::Value {
        let dir = self.dir;
        let ids = GroupList::Founding.groups(dir);
        let cps = contact_points_of(dir, ids.iter().copied());
        json!({
            "groups": group_lines(dir, &self.urls, &ids),
            "contact_points": cps.iter().map(|&r| contact_point_details(dir, &self.urls, r)).collect::<Vec<_>>(),
        })
    }

    /// Links to the static lists of groups, with their counts.
    fn list_links(&self) -> Vec<serde_json::Value> {
        GroupList::ALL
            .iter()
            .map(|l| l.link(self.dir, &self.urls))
            .collect()
    }

    fn az_view(&self, line: &AzLine) -> AzView {
        let dir = self.dir;
        let meta = dir.meta(line.entry);
        let (primary, status) = match line.entry {
            EntryRef::Group(g) => {
                let g = dir.group(g);
                (
                    Some(dir.indication(g.primary_indication()).name.clone()),
                    notable_status(g.status),
                )
            }
            _ => (None, None),
        };
        AzView {
            name: dir.az_name(line).to_owned(),
            url: self.urls.path(&Urls::entry_path(dir, line.entry)),
            kind: kind_code(line.entry),
            see: line.alias.map(|_| meta.name.clone()),
            primary,
            status,
        }
    }

    fn categories(&self) -> serde_json::Value {
        let dir = self.dir;
        let urls = &self.urls;
        serde_json::Value::Array(
            dir.categories
                .iter()
                .map(|cat| {
                    json!({
                        "name": cat.name,
                        "indications": cat.indications.iter().map(|&i| {
                            let ind = dir.indication(i);
                            let count = ind.primary_groups.iter().chain(&ind.secondary_groups)
                                .filter(|&&g| dir.group(g).is_live_on_web()).count();
                            json!({
                                "name": ind.name,
                                "url": urls.path(&Urls::indication_path(ind)),
                                "synonyms": ind.synonyms,
                                "count": count,
                            })
                        }).collect::<Vec<_>>(),
                    })
                })
                .collect(),
        )
    }

    /// All indexable pages: no ended groups, no redirects, no 404, no
    /// empty letters, no search page; the static lists of groups that
    /// have some.
    fn sitemap(&self) -> String {
        let dir = self.dir;
        let mut paths: Vec<String> = vec!["/".into(), "/themen/".into()];
        paths.extend(
            GroupList::ALL
                .iter()
                .filter(|l| !l.groups(dir).is_empty())
                .map(|l| l.path().to_owned()),
        );
        paths.extend(
            self.letters
                .iter()
                .filter(|(_, lines)| !lines.is_empty())
                .map(|(l, _)| Urls::letter_path(*l)),
        );
        paths.extend(dir.indications.iter().map(Urls::indication_path));
        for (i, g) in dir.groups.iter().enumerate() {
            if g.is_live_on_web() {
                paths.push(Urls::entry_path(dir, EntryRef::Group(GroupId(i))));
            }
        }
        for (i, o) in dir.organisations.iter().enumerate() {
            if o.meta.web {
                paths.push(Urls::entry_path(
                    dir,
                    EntryRef::Organisation(OrganisationId(i)),
                ));
            }
        }
        for (i, c) in dir.contact_points.iter().enumerate() {
            if c.meta.web {
                paths.push(Urls::entry_path(
                    dir,
                    EntryRef::ContactPoint(ContactPointId(i)),
                ));
            }
        }
        paths.extend(
            dir.pages
                .iter()
                .filter(|p| p.web)
                .map(|p| format!("/{}/", p.slug)),
        );
        let mut xml = String::with_capacity(64 * paths.len() + 256);
        xml.push_str(
            "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n",
        );
        // Absolute URL = site address + path.
        let site = xml_escape(&self.urls.absolute(""));
        for p in paths {
            xml.push_str("  <url><loc>");
            xml.push_str(&site);
            push_xml_escaped(&mut xml, &p);
            xml.push_str("</loc></url>\n");
        }
        xml.push_str("</urlset>\n");
        xml
    }
}

/// The contact points that answer for `groups`, each once: entries in
/// their order, the publisher last.
fn contact_points_of(
    dir: &Directory,
    groups: impl Iterator<Item = GroupId>,
) -> Vec<ContactPointRef> {
    let mut cps: Vec<ContactPointRef> = groups.map(|g| dir.group(g).contact_point_ref()).collect();
    cps.sort_by_key(|c| match c {
        ContactPointRef::Entry(id) => (0, id.0),
        ContactPointRef::Publisher => (1, 0),
    });
    cps.dedup();
    cps
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every word of the German interface has its English counterpart and
    /// the other way round: a missing word fails here, never shows empty.
    #[test]
    fn string_tables_have_the_same_words() {
        fn keys(prefix: &str, v: &toml::Value, out: &mut Vec<String>) {
            match v {
                toml::Value::Table(t) => {
                    for (k, v) in t {
                        keys(&format!("{prefix}{k}."), v, out);
                    }
                }
                toml::Value::String(s) => {
                    assert!(!s.trim().is_empty(), "{prefix} is empty");
                    out.push(prefix.to_owned());
                }
                other => panic!("{prefix}: not a string: {other}"),
            }
        }
        let theme = Theme::built_in();
        let table = |lang: &str| {
            let text = theme.text(&format!("i18n/{lang}.toml")).expect("table");
            let mut out = Vec::new();
            keys("", &toml::from_str(text).expect("TOML"), &mut out);
            out.sort();
            out
        };
        assert_eq!(table("de"), table("en"));
    }

    /// Every word the web templates name (`t.nav.topics`, `t.status[…]`)
    /// is in the built-in tables: a typo in a template fails here, not on
    /// a page that happens to use it.
    #[test]
    fn every_word_the_templates_name_exists() {
        let theme = Theme::built_in();
        let is_name = |c: char| c.is_ascii_alphanumeric() || c == '_' || c == '-';
        for language in ["de", "en"] {
            let table = strings(&theme, language).unwrap();
            let mut named = 0;
            for (path, bytes) in theme.under("templates/") {
                let text = std::str::from_utf8(bytes).unwrap();
                for (at, _) in text.match_indices("t.") {
                    let before = text[..at].chars().next_back();
                    if before.is_some_and(|c| is_name(c) || c == '.') {
                        continue;
                    }
                    let rest = &text[at + 2..];
                    let end = rest
                        .find(|c: char| !(is_name(c) || c == '.'))
                        .unwrap_or(rest.len());
                    let key = rest[..end].trim_end_matches('.');
                    if key.is_empty() {
                        continue;
                    }
                    let found = key.split('.').try_fold(&table, |v, part| v.get(part));
                    assert!(
                        found.is_some(),
                        "{path} names t.{key}, which i18n/{language}.toml lacks"
                    );
                    named += 1;
                }
            }
            assert!(named > 100, "only {named} words found in the templates");
        }
    }

    #[test]
    fn the_string_table_parses_and_tera_indexes_it() {
        let theme = Theme::built_in();
        let t = strings(&theme, "de").unwrap();
        let mut tera = Tera::default();
        tera.add_raw_template("x", "{{ t.status[g.status] }}|{{ t.format[g.format] }}")
            .unwrap();
        let mut c = Context::new();
        c.insert("t", &t);
        c.insert("g", &json!({ "status": "founding", "format": "in-person" }));
        assert_eq!(tera.render("x", &c).unwrap(), "in Gründung|Treffen vor Ort");
        // An unknown language falls back to German.
        assert!(strings(&theme, "xx").is_ok());
    }

    #[test]
    fn escaping() {
        assert_eq!(
            escape_html("a<b>&\"c'd ä"),
            "a&lt;b&gt;&amp;&quot;c&#39;d ä"
        );
        assert_eq!(escape_html("/gruppen/x/"), "/gruppen/x/");
    }

    #[test]
    fn legal_pages() {
        assert!(is_legal_page("impressum"));
        assert!(is_legal_page("datenschutz"));
        assert!(is_legal_page("barrierefreiheit"));
        assert!(!is_legal_page("vorwort"));
    }
}
