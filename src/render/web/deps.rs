//! Which outputs show which entries: the dependency map of the incremental
//! rebuild ([`super::incremental`]).
//!
//! Given the entries that changed between two models, [`affected`] names
//! every page and every per-entry record that may look different. It looks
//! at both models, so that a page that stops listing an entry is found as
//! well as one that starts to. What each output shows:
//!
//! | output | shows |
//! | --- | --- |
//! | entry page (group, ended group, organisation, contact point) | the entry; a group's page also its organisation and contact point; an organisation's or contact point's page also the lines of its groups |
//! | page of a former slug | the entry's name and address |
//! | letter page | a line per entry or alias of the letter (name, primary topic, status) |
//! | topic page | lines of its groups, links to its organisations, the details of its groups' contact points |
//! | start page, `/themen/` | number of live groups per topic; the start page also the groups in founding with their contact points, and the number of groups per static list |
//! | `/suche/`, static lists under `/suche/` | the districts and languages of all live groups, the number of groups per list; a list the lines of its groups |
//! | free page | the page |
//! | search record, calendar | the entry alone |
//! | export record | the entry; a group's record also its organisation's slug and its contact point's details |
//!
//! Everything else a page shows is common to all pages (settings, the
//! indications, the theme, the A–Z bar, the footer's free pages) and makes
//! the incremental render start over when it changes. The sitemap is made
//! again on every change. A view that starts to show more of the model
//! must be added here; `tests/serve_incremental.rs` finds what is missed.

use rustc_hash::FxHashSet as HashSet;

use crate::model::diff::{Changes, EntryKey, EntryMap, Lookup};
use crate::model::*;

use super::file_for;
use super::filters::GroupList;
use super::views::Urls;

/// What may look different after a change.
#[derive(Debug, Default)]
pub(super) struct Affected {
    /// Pages, by file path (`gruppen/x/index.html`).
    pub pages: HashSet<String>,
    /// Entries whose search and export records and calendar are to be made again.
    pub records: EntryMap<()>,
}

/// The pages and records that `changes` (from `old` to `new`) may affect.
pub(super) fn affected(old: &Lookup<'_>, new: &Lookup<'_>, changes: &Changes) -> Affected {
    let mut a = Affected::default();
    if !changes.entries.is_empty() {
        // Counts of groups per topic; groups in founding; the filters'
        // districts and languages; the static lists and their counts.
        a.page("/");
        a.page("/themen/");
        a.page("/suche/");
        for list in GroupList::ALL {
            a.page(list.path());
        }
    }
    for key in &changes.entries {
        a.records.insert(key.clone(), ());
        for model in [old, new] {
            if let Some(e) = model.entry(key) {
                a.entry(model.directory(), e);
            }
        }
    }
    for slug in &changes.pages {
        a.page(&format!("/{slug}/"));
    }
    a
}

impl Affected {
    fn page(&mut self, path: &str) {
        self.pages.insert(file_for(path));
    }

    /// Everything that shows entry `e` of `dir`.
    fn entry(&mut self, dir: &Directory, e: EntryRef) {
        let meta = dir.meta(e);
        self.page(&Urls::entry_path(dir, e));
        for f in &meta.former_slugs {
            self.page(&Urls::former_path(e, f));
        }
        self.page(&Urls::letter_path(meta.letter));
        for a in &meta.aliases {
            self.page(&Urls::letter_path(a.letter));
        }
        match e {
            EntryRef::Group(id) => {
                let g = dir.group(id);
                for &i in &g.indications {
                    self.topic(dir, i);
                }
                if let Some(o) = g.organisation {
                    self.page(&Urls::entry_path(dir, EntryRef::Organisation(o)));
                }
                if let Some(c) = g.contact_point {
                    self.page(&Urls::entry_path(dir, EntryRef::ContactPoint(c)));
                }
            }
            EntryRef::Organisation(id) => {
                let o = dir.organisation(id);
                for &i in &o.indications {
                    self.topic(dir, i);
                }
                for &g in &o.groups {
                    self.group_and_record(dir, g);
                }
            }
            EntryRef::ContactPoint(id) => {
                for &g in &dir.contact_point(id).groups {
                    self.group_and_record(dir, g);
                    // Topic pages show the contact points of their groups.
                    for &i in &dir.group(g).indications {
                        self.topic(dir, i);
                    }
                }
            }
        }
    }

    fn topic(&mut self, dir: &Directory, i: IndicationId) {
        self.page(&Urls::indication_path(dir.indication(i)));
    }

    /// A group's page and export record (they show its organisation and
    /// contact point).
    fn group_and_record(&mut self, dir: &Directory, g: GroupId) {
        let e = EntryRef::Group(g);
        self.page(&Urls::entry_path(dir, e));
        self.records.insert(EntryKey::of(dir, e), ());
    }
}
