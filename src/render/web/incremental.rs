//! Incremental rendering for `serve`: after a change, only the outputs that
//! may look different are rendered again, the others are taken from the
//! last render. The result is the same, byte for byte, as [`super::render`]
//! of the new model (`tests/serve_incremental.rs` checks this).
//!
//! The renderers stay as they are, with the model as their only input; this
//! layer only chooses which of their outputs to ask for:
//!
//! 1. the new model is compared with the last one ([`crate::model::diff`]);
//! 2. if something every page shows changed (settings, indications, the
//!    theme's templates and strings, the common site context with the A–Z
//!    bar and the footer's pages), everything is rendered;
//! 3. otherwise the dependency map ([`super::deps`]) names the pages and
//!    the per-entry records (search index, export, calendars) that may
//!    differ; those are made again, everything else is taken over.
//!
//! Descriptions are rendered again only where they changed
//! ([`Texts::update`]). The search index and the export are put together
//! from per-entry records without copying them ([`Content::parts`]); the
//! sitemap is made again on every change.

use std::sync::Arc;

use rayon::prelude::*;
use rustc_hash::FxHashSet;

use super::deps::{self, Affected};
use super::views::{Texts, Urls};
use super::{
    Job, ROBOTS_PATH, Renderer, SITEMAP_PATH, STATIC_PREFIX, SiteView, Templates, WEB_THEME_PARTS,
    admin, export, file_for, publishes_admin, search, static_files,
};
use crate::diagnostics::Message;
use crate::load::Theme;
use crate::model::diff::{self, Changes, EntryKey, EntryMap, Lookup};
use crate::model::{Directory, EntryRef, GroupId};
use crate::output::{Content, Files};

/// The last render, kept for the next one.
#[derive(Default)]
pub struct SiteCache {
    last: Option<Last>,
}

/// What the last render was made from, and what it made.
struct Last {
    dir: Arc<Directory>,
    theme: Theme,
    templates: Arc<Templates>,
    site: SiteView,
    texts: Texts,
    files: Arc<Files>,
    /// Serialised records of the search index and of the export.
    records: Records,
}

/// Serialised per-entry records, by entry.
#[derive(Default)]
struct Records {
    search: EntryMap<Arc<Vec<u8>>>,
    export: EntryMap<Arc<Vec<u8>>>,
}

/// What a render did.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Stats {
    /// Files of the site.
    pub files: usize,
    /// Files made again (the others were taken over).
    pub rendered: usize,
    /// Everything was made again.
    pub full: bool,
}

impl SiteCache {
    /// An empty cache: the first render makes everything.
    pub fn new() -> SiteCache {
        SiteCache::default()
    }

    /// Renders the site of `dir` with `theme`, taking over from the last
    /// render what cannot have changed. On an error the cache stays as it
    /// was.
    pub fn render(
        &mut self,
        dir: Arc<Directory>,
        theme: &Theme,
    ) -> Result<(Arc<Files>, Stats), Message> {
        let last = self.last.take();
        match render(last.as_ref(), &dir, theme) {
            Ok(new) => {
                let files = Arc::clone(&new.files);
                let stats = Stats {
                    files: files.len(),
                    rendered: new.rendered,
                    full: new.full,
                };
                let (records, retired) = match last {
                    Some(mut last) => {
                        new.records.apply(&dir, &mut last.records);
                        (std::mem::take(&mut last.records), Some(last))
                    }
                    None => (new.records.into_records(&dir), None),
                };
                self.last = Some(Last {
                    dir,
                    theme: theme.clone(),
                    templates: new.templates,
                    site: new.site,
                    texts: new.texts,
                    files: new.files,
                    records,
                });
                // Freeing the last model and its pages takes milliseconds that
                // the caller need not wait for.
                if let Some(old) = retired {
                    std::thread::spawn(move || drop(old));
                }
                Ok((files, stats))
            }
            Err(m) => {
                self.last = last;
                Err(m)
            }
        }
    }
}

/// A render's results, before they replace the last render's.
struct Rendered {
    templates: Arc<Templates>,
    site: SiteView,
    texts: Texts,
    files: Arc<Files>,
    rendered: usize,
    full: bool,
    /// Records made in this render.
    records: NewRecords,
}

/// Records made in a render: of the affected entries, or of all.
struct NewRecords {
    search: Vec<(EntryRef, Arc<Vec<u8>>)>,
    export: Vec<(EntryRef, Arc<Vec<u8>>)>,
    /// Entries whose old records are to be dropped first (`None`: all).
    dropped: Option<Vec<EntryKey>>,
}

impl NewRecords {
    /// Brings the last render's records up to date.
    fn apply(self, dir: &Directory, records: &mut Records) {
        match self.dropped {
            Some(keys) => {
                for key in &keys {
                    records.search.remove(key);
                    records.export.remove(key);
                }
            }
            None => *records = Records::default(),
        }
        for (e, bytes) in self.search {
            records.search.insert(EntryKey::of(dir, e), bytes);
        }
        for (e, bytes) in self.export {
            records.export.insert(EntryKey::of(dir, e), bytes);
        }
    }

    fn into_records(self, dir: &Directory) -> Records {
        let mut records = Records::default();
        self.apply(dir, &mut records);
        records
    }
}

fn render(last: Option<&Last>, dir: &Arc<Directory>, theme: &Theme) -> Result<Rendered, Message> {
    let same_theme = last.is_some_and(|l| l.theme.same_under(theme, &WEB_THEME_PARTS));
    let templates = match last {
        Some(l) if same_theme && l.dir.settings.language == dir.settings.language => {
            Arc::clone(&l.templates)
        }
        _ => Arc::new(Templates::new(theme, &dir.settings.language)?),
    };
    let urls = Urls::of(dir);
    let new = Lookup::new(dir);
    let earlier = last.map(|l| (l, Lookup::new(&l.dir)));
    let texts = match &earlier {
        Some((l, old)) if l.dir.settings.base_path == dir.settings.base_path => {
            Texts::update(dir, &urls, old, &l.texts)
        }
        _ => Texts::new(dir, &urls),
    };
    let r = Renderer::new(dir, &templates, texts);
    let plan = match &earlier {
        Some((l, old)) if same_theme => {
            let changes = diff::diff(old, &new);
            if changes.global || r.site != l.site {
                None
            } else {
                let affected = deps::affected(old, &new, &changes);
                Some(Plan {
                    last: l,
                    changes,
                    affected,
                })
            }
        }
        _ => None,
    };
    let (files, records, rendered) = match &plan {
        Some(p) => make_changed(&r, theme, p)?,
        None => make_all(&r, theme)?,
    };
    let full = plan.is_none();
    let (site, texts) = (r.site, r.texts);
    Ok(Rendered {
        templates,
        site,
        texts,
        files: Arc::new(files),
        rendered,
        full,
        records,
    })
}

/// How to render incrementally: what changed since the last render.
struct Plan<'a> {
    last: &'a Last,
    changes: Changes,
    affected: Affected,
}

/// Files of a render, and how many of them were made (not taken over).
#[derive(Default)]
struct Output {
    files: Vec<(String, Arc<Content>)>,
    made: usize,
}

impl Output {
    fn made(&mut self, path: String, content: Content) {
        self.files.push((path, Arc::new(content)));
        self.made += 1;
    }

    fn made_all(&mut self, files: Vec<(String, Vec<u8>)>) {
        for (path, bytes) in files {
            self.made(path, Content::new(bytes));
        }
    }

    /// The theme's static files and the images.
    fn made_static(&mut self, dir: &Directory, theme: &Theme) {
        for (path, content) in static_files(dir, theme) {
            self.made(path, content);
        }
    }

    /// The browser editor, if the site has it (not counted as rendered
    /// pages: it is made again on every render, as cheap as a copy).
    fn made_admin(&mut self, r: &Renderer<'_>, theme: &Theme) {
        if publishes_admin(r.dir) {
            for (path, content) in admin::files(r.dir, theme, &r.templates.strings) {
                self.files.push((path, Arc::new(content)));
            }
        }
    }

    fn finish(self, records: NewRecords) -> (Files, NewRecords, usize) {
        (self.files.into_iter().collect(), records, self.made)
    }
}

/// Renders everything (no plan).
fn make_all(r: &Renderer<'_>, theme: &Theme) -> Result<(Files, NewRecords, usize), Message> {
    let dir = r.dir;
    let mut out = Output::default();
    out.made_all(r.pages(&r.jobs())?);
    out.made_all(r.calendars((0..dir.groups.len()).into_par_iter().map(GroupId)));
    let records = make_records(r, &mut out, None);
    out.made(
        SITEMAP_PATH.to_owned(),
        Content::new(r.sitemap().into_bytes()),
    );
    out.made(
        ROBOTS_PATH.to_owned(),
        Content::new(r.robots().into_bytes()),
    );
    out.made_static(dir, theme);
    out.made_admin(r, theme);
    Ok(out.finish(records))
}

/// Renders what `plan` says may have changed and takes over the rest.
fn make_changed(
    r: &Renderer<'_>,
    theme: &Theme,
    plan: &Plan<'_>,
) -> Result<(Files, NewRecords, usize), Message> {
    let dir = r.dir;
    let (changes, affected) = (&plan.changes, &plan.affected);

    // Pages first: rendering them is what can fail.
    let jobs = r.jobs();
    let todo: Vec<&Job> = jobs
        .iter()
        .filter(|job| affected.pages.contains(&file_for(&r.path(job))))
        .collect();
    let pages = r.pages(todo)?;

    // What is made again; everything else of the last render is taken over.
    let calendars: Vec<String> = affected
        .records
        .groups()
        .map(|slug| file_for(&Urls::calendar_path(slug)))
        .collect();
    let search_path = file_for(search::INDEX_PATH);
    let export_path = file_for(export::EXPORT_PATH);
    let mut again: FxHashSet<&str> = affected
        .pages
        .iter()
        .chain(&calendars)
        .map(String::as_str)
        .collect();
    if !changes.entries.is_empty() {
        again.extend([search_path.as_str(), export_path.as_str()]);
    }
    if !changes.is_empty() {
        again.insert(SITEMAP_PATH);
    }
    let images = !changes.images.is_empty();
    let mut out = Output::default();
    for (path, content) in plan.last.files.contents() {
        let admin = path.starts_with(admin::ADMIN_PREFIX);
        let image = images && path.starts_with(STATIC_PREFIX);
        if !(again.contains(path) || image || admin) {
            out.files.push((path.to_owned(), Arc::clone(content)));
        }
    }

    out.made_all(pages);
    let groups = (0..dir.groups.len())
        .map(GroupId)
        .filter(|&g| affected.records.contains(dir, EntryRef::Group(g)));
    out.made_all(r.calendars(groups.collect::<Vec<_>>()));
    let records = if changes.entries.is_empty() {
        NewRecords {
            search: Vec::new(),
            export: Vec::new(),
            dropped: Some(Vec::new()),
        }
    } else {
        make_records(r, &mut out, Some(plan))
    };
    if !changes.is_empty() {
        out.made(
            SITEMAP_PATH.to_owned(),
            Content::new(r.sitemap().into_bytes()),
        );
    }
    if images {
        out.made_static(dir, theme);
    }
    // The editor's choices follow the directory's ids and names.
    out.made_admin(r, theme);
    Ok(out.finish(records))
}

/// Makes the search index and the export from per-entry records, taking
/// over those of the last render of entries that are not affected.
fn make_records(r: &Renderer<'_>, out: &mut Output, plan: Option<&Plan<'_>>) -> NewRecords {
    let dir = r.dir;
    let kept = |records: fn(&Records) -> &EntryMap<Arc<Vec<u8>>>| {
        plan.map(|p| (&p.affected, records(&p.last.records)))
    };
    let (search, export) = rayon::join(
        || {
            records_of(dir, search::listed(dir), kept(|r| &r.search), |e| {
                search::entry(dir, &r.texts, e)
            })
        },
        || {
            records_of(dir, export::listed(dir), kept(|r| &r.export), |e| {
                export::record(dir, &r.urls, &r.texts, e)
            })
        },
    );
    let search_records: Vec<Arc<Vec<u8>>> = search.iter().map(|(_, b, _)| Arc::clone(b)).collect();
    let export_records: Vec<(EntryRef, Arc<Vec<u8>>)> =
        export.iter().map(|(e, b, _)| (*e, Arc::clone(b))).collect();
    out.made(
        file_for(search::INDEX_PATH),
        Content::parts(search::assemble(dir, &r.urls, &search_records)),
    );
    out.made(
        file_for(export::EXPORT_PATH),
        Content::parts(export::assemble(dir, &r.urls, &export_records)),
    );
    let fresh = |records: Vec<(EntryRef, Arc<Vec<u8>>, bool)>| -> Vec<(EntryRef, Arc<Vec<u8>>)> {
        records
            .into_iter()
            .filter(|(_, _, fresh)| *fresh)
            .map(|(e, b, _)| (e, b))
            .collect()
    };
    NewRecords {
        search: fresh(search),
        export: fresh(export),
        dropped: plan.map(|p| p.changes.entries.iter().cloned().collect()),
    }
}

/// The records of the `listed` entries, in order: those `kept` for entries
/// not affected, the others made with `make` (marked `true`, fresh).
fn records_of(
    dir: &Directory,
    listed: impl Iterator<Item = EntryRef>,
    kept: Option<(&Affected, &EntryMap<Arc<Vec<u8>>>)>,
    make: impl Fn(EntryRef) -> Vec<u8> + Sync,
) -> Vec<(EntryRef, Arc<Vec<u8>>, bool)> {
    listed
        .collect::<Vec<_>>()
        .into_par_iter()
        .map(|e| {
            let old = kept
                .filter(|(affected, _)| !affected.records.contains(dir, e))
                .and_then(|(_, k)| k.get(dir, e));
            match old {
                Some(bytes) => (e, Arc::clone(bytes), false),
                None => (e, Arc::new(make(e)), true),
            }
        })
        .collect()
}
