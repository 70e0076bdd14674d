//! What differs between two models of the same directory, entry by entry:
//! the basis of `serve`'s incremental rebuilds.
//!
//! Entries are matched by kind and slug ([`EntryKey`]), never by id: ids are
//! positions in A–Z order and shift when an entry is added or renamed.
//! References between entries are compared by what they point to (slugs,
//! indication ids). Reverse lists (an organisation's groups, an
//! indication's groups) are not compared: they change exactly when the
//! entries they list change, and those are reported themselves.
//!
//! The comparisons destructure every struct completely, so that a field
//! added to the model cannot be forgotten here (it does not compile until
//! it is compared or explicitly skipped).

use std::collections::BTreeSet;
use std::sync::Arc;

use rustc_hash::FxHashMap as HashMap;

use super::*;

/// An entry named so that it can be found in another model of the directory.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum EntryKey {
    /// A group by slug.
    Group(String),
    /// An organisation by slug.
    Organisation(String),
    /// A contact point by slug.
    ContactPoint(String),
}

impl EntryKey {
    /// The key of an entry of `dir`.
    pub fn of(dir: &Directory, e: EntryRef) -> EntryKey {
        let slug = dir.meta(e).slug.clone();
        match e {
            EntryRef::Group(_) => EntryKey::Group(slug),
            EntryRef::Organisation(_) => EntryKey::Organisation(slug),
            EntryRef::ContactPoint(_) => EntryKey::ContactPoint(slug),
        }
    }
}

/// Values by entry kind and slug, looked up without building a key.
#[derive(Debug, Clone)]
pub struct EntryMap<V> {
    groups: HashMap<String, V>,
    organisations: HashMap<String, V>,
    contact_points: HashMap<String, V>,
}

impl<V> Default for EntryMap<V> {
    fn default() -> Self {
        EntryMap {
            groups: HashMap::default(),
            organisations: HashMap::default(),
            contact_points: HashMap::default(),
        }
    }
}

impl<V> EntryMap<V> {
    fn kind(&self, e: EntryRef) -> &HashMap<String, V> {
        match e {
            EntryRef::Group(_) => &self.groups,
            EntryRef::Organisation(_) => &self.organisations,
            EntryRef::ContactPoint(_) => &self.contact_points,
        }
    }

    /// The value of entry `e` of `dir`.
    pub fn get(&self, dir: &Directory, e: EntryRef) -> Option<&V> {
        self.kind(e).get(dir.meta(e).slug.as_str())
    }

    /// True if entry `e` of `dir` has a value.
    pub fn contains(&self, dir: &Directory, e: EntryRef) -> bool {
        self.get(dir, e).is_some()
    }

    /// Sets the value of an entry.
    pub fn insert(&mut self, key: EntryKey, value: V) {
        match key {
            EntryKey::Group(s) => self.groups.insert(s, value),
            EntryKey::Organisation(s) => self.organisations.insert(s, value),
            EntryKey::ContactPoint(s) => self.contact_points.insert(s, value),
        };
    }

    /// The slugs of the groups with a value.
    pub fn groups(&self) -> impl Iterator<Item = &str> {
        self.groups.keys().map(String::as_str)
    }

    /// Removes the value of an entry.
    pub fn remove(&mut self, key: &EntryKey) -> Option<V> {
        match key {
            EntryKey::Group(s) => self.groups.remove(s),
            EntryKey::Organisation(s) => self.organisations.remove(s),
            EntryKey::ContactPoint(s) => self.contact_points.remove(s),
        }
    }
}

/// Finds entries of one model by [`EntryKey`].
#[derive(Debug)]
pub struct Lookup<'a> {
    dir: &'a Directory,
    groups: HashMap<&'a str, GroupId>,
    organisations: HashMap<&'a str, OrganisationId>,
    contact_points: HashMap<&'a str, ContactPointId>,
    pages: HashMap<&'a str, usize>,
}

impl<'a> Lookup<'a> {
    /// Indexes the entries and free pages of `dir` by slug.
    pub fn new(dir: &'a Directory) -> Lookup<'a> {
        Lookup {
            dir,
            groups: dir
                .groups
                .iter()
                .enumerate()
                .map(|(i, g)| (g.meta.slug.as_str(), GroupId(i)))
                .collect(),
            organisations: dir
                .organisations
                .iter()
                .enumerate()
                .map(|(i, o)| (o.meta.slug.as_str(), OrganisationId(i)))
                .collect(),
            contact_points: dir
                .contact_points
                .iter()
                .enumerate()
                .map(|(i, c)| (c.meta.slug.as_str(), ContactPointId(i)))
                .collect(),
            pages: dir
                .pages
                .iter()
                .enumerate()
                .map(|(i, p)| (p.slug.as_str(), i))
                .collect(),
        }
    }

    /// The model looked into.
    pub fn directory(&self) -> &'a Directory {
        self.dir
    }

    /// The entry with this key, if the model has it.
    pub fn entry(&self, key: &EntryKey) -> Option<EntryRef> {
        match key {
            EntryKey::Group(s) => self.groups.get(s.as_str()).map(|&g| EntryRef::Group(g)),
            EntryKey::Organisation(s) => self
                .organisations
                .get(s.as_str())
                .map(|&o| EntryRef::Organisation(o)),
            EntryKey::ContactPoint(s) => self
                .contact_points
                .get(s.as_str())
                .map(|&c| EntryRef::ContactPoint(c)),
        }
    }

    /// The entry of this model with the kind and slug of `e`, an entry of `other`.
    pub fn counterpart(&self, other: &Directory, e: EntryRef) -> Option<EntryRef> {
        let slug = other.meta(e).slug.as_str();
        match e {
            EntryRef::Group(_) => self.groups.get(slug).map(|&g| EntryRef::Group(g)),
            EntryRef::Organisation(_) => self
                .organisations
                .get(slug)
                .map(|&o| EntryRef::Organisation(o)),
            EntryRef::ContactPoint(_) => self
                .contact_points
                .get(slug)
                .map(|&c| EntryRef::ContactPoint(c)),
        }
    }

    /// The free page with this slug, if the model has it.
    pub fn page(&self, slug: &str) -> Option<&'a Page> {
        self.pages.get(slug).map(|&i| &self.dir.pages[i])
    }
}

/// How a model differs from an earlier one.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Changes {
    /// The settings, the indications or their categories differ: these
    /// show up everywhere.
    pub global: bool,
    /// Entries added, removed or changed.
    pub entries: BTreeSet<EntryKey>,
    /// Free pages added, removed or changed, by slug.
    pub pages: BTreeSet<String>,
    /// Images added, removed or changed, by path relative to `content/`.
    pub images: BTreeSet<String>,
}

impl Changes {
    /// True if the two models are the same.
    pub fn is_empty(&self) -> bool {
        !self.global && self.entries.is_empty() && self.pages.is_empty() && self.images.is_empty()
    }
}

/// Compares `new` with `old`.
pub fn diff(old: &Lookup<'_>, new: &Lookup<'_>) -> Changes {
    let (a, b) = (old.dir, new.dir);
    // Every part of the model is considered below (or derived from one that is).
    let Directory {
        settings,
        indications: _,
        categories: _,
        groups: _,
        organisations: _,
        contact_points: _,
        pages,
        az: _,
        images,
    } = a;
    let mut changes = Changes {
        global: *settings != b.settings || !same_vocabulary(a, b),
        ..Changes::default()
    };

    // Entries: changed or removed, then added. Where the rest of the model
    // is the same, an entry made from the same reading of its file is the
    // same (validation checks each file on its own); that is compared in
    // full in debug builds (the tests).
    let same_context = !changes.global;
    for e in a.entries() {
        let same = new.counterpart(a, e).is_some_and(|f| {
            if same_context && a.meta(e).origin.version == b.meta(f).origin.version {
                debug_assert!(
                    same_entry(a, e, b, f),
                    "{:?} differs though made from the same file",
                    EntryKey::of(a, e)
                );
                true
            } else {
                same_entry(a, e, b, f)
            }
        });
        if !same {
            changes.entries.insert(EntryKey::of(a, e));
        }
    }
    for e in b.entries() {
        if old.counterpart(b, e).is_none() {
            changes.entries.insert(EntryKey::of(b, e));
        }
    }
    for p in pages {
        if new.page(&p.slug) != Some(p) {
            changes.pages.insert(p.slug.clone());
        }
    }
    for p in &b.pages {
        if old.page(&p.slug).is_none() {
            changes.pages.insert(p.slug.clone());
        }
    }
    for (path, image) in images {
        let same = b
            .images
            .get(path)
            .is_some_and(|o| Arc::ptr_eq(&o.bytes, &image.bytes) || o == image);
        if !same {
            changes.images.insert(path.clone());
        }
    }
    changes.images.extend(
        b.images
            .keys()
            .filter(|p| !images.contains_key(*p))
            .cloned(),
    );
    changes
}

/// Same indications (ids, names, categories, synonyms, see-also) in the
/// same order, and the same categories.
fn same_vocabulary(a: &Directory, b: &Directory) -> bool {
    let same_indication = |x: &Indication, y: &Indication| {
        let Indication {
            id,
            name,
            sort_key,
            category,
            synonyms,
            see_also,
            // follows from every indication's see_also
            related: _,
            primary_groups: _,
            secondary_groups: _,
            organisations: _,
        } = x;
        *id == y.id
            && *name == y.name
            && *sort_key == y.sort_key
            && *category == y.category
            && *synonyms == y.synonyms
            && *see_also == y.see_also
    };
    let same_category = |x: &Category, y: &Category| {
        let Category { name, indications } = x;
        *name == y.name && *indications == y.indications
    };
    a.indications.len() == b.indications.len()
        && a.indications
            .iter()
            .zip(&b.indications)
            .all(|(x, y)| same_indication(x, y))
        && a.categories.len() == b.categories.len()
        && a.categories
            .iter()
            .zip(&b.categories)
            .all(|(x, y)| same_category(x, y))
}

/// Are two entries (of the same kind) the same?
fn same_entry(a: &Directory, x: EntryRef, b: &Directory, y: EntryRef) -> bool {
    match (x, y) {
        (EntryRef::Group(x), EntryRef::Group(y)) => same_group(a, a.group(x), b, b.group(y)),
        (EntryRef::Organisation(x), EntryRef::Organisation(y)) => {
            same_organisation(a, a.organisation(x), b, b.organisation(y))
        }
        (EntryRef::ContactPoint(x), EntryRef::ContactPoint(y)) => {
            same_contact_point(a.contact_point(x), b.contact_point(y))
        }
        _ => false,
    }
}

/// The common fields; where the entry came from (`origin`) is not part of
/// what is shown.
fn same_meta(x: &EntryMeta, y: &EntryMeta) -> bool {
    let EntryMeta {
        slug,
        name,
        sort_key,
        letter,
        aliases,
        former_slugs,
        verified,
        web,
        print,
        description,
        origin: _,
    } = x;
    *slug == y.slug
        && *name == y.name
        && *sort_key == y.sort_key
        && *letter == y.letter
        && *aliases == y.aliases
        && *former_slugs == y.former_slugs
        && *verified == y.verified
        && *web == y.web
        && *print == y.print
        && (Arc::ptr_eq(description, &y.description) || *description == y.description)
}

/// The same indications (by id), in the same order.
fn same_indications(a: &Directory, x: &[IndicationId], b: &Directory, y: &[IndicationId]) -> bool {
    x.len() == y.len()
        && x.iter()
            .zip(y)
            .all(|(&i, &j)| a.indication(i).id == b.indication(j).id)
}

fn same_group(a: &Directory, x: &Group, b: &Directory, y: &Group) -> bool {
    let Group {
        meta,
        indications,
        audience,
        format,
        status,
        organisation,
        contact_point,
        district,
        languages,
        since,
        ended,
        confidential,
        meetings,
        contact,
        website,
    } = x;
    same_meta(meta, &y.meta)
        && same_indications(a, indications, b, &y.indications)
        && *audience == y.audience
        && *format == y.format
        && *status == y.status
        && organisation.map(|o| &a.organisation(o).meta.slug)
            == y.organisation.map(|o| &b.organisation(o).meta.slug)
        && contact_point.map(|c| &a.contact_point(c).meta.slug)
            == y.contact_point.map(|c| &b.contact_point(c).meta.slug)
        && *district == y.district
        && *languages == y.languages
        && *since == y.since
        && *ended == y.ended
        && *confidential == y.confidential
        && *meetings == y.meetings
        && *contact == y.contact
        && *website == y.website
}

fn same_organisation(a: &Directory, x: &Organisation, b: &Directory, y: &Organisation) -> bool {
    let Organisation {
        meta,
        level,
        indications,
        address,
        phone,
        email,
        website,
        groups: _,
    } = x;
    same_meta(meta, &y.meta)
        && *level == y.level
        && same_indications(a, indications, b, &y.indications)
        && *address == y.address
        && *phone == y.phone
        && *email == y.email
        && *website == y.website
}

fn same_contact_point(x: &ContactPoint, y: &ContactPoint) -> bool {
    let ContactPoint {
        meta,
        address,
        phone,
        email,
        website,
        opening_hours,
        groups: _,
    } = x;
    same_meta(meta, &y.meta)
        && *address == y.address
        && *phone == y.phone
        && *email == y.email
        && *website == y.website
        && *opening_hours == y.opening_hours
}
