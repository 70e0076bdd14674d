//! The JSON export of the published directory (`/daten/wegweiser.json`) for
//! other portals and apps. Documented in the README ("## Website").
//!
//! It holds what the website shows, no more: live entries (`web = true`,
//! not ended), in A–Z order; confidential groups without place, address
//! or personal contact; e-mail addresses split into `{"user", "domain"}`
//! so that address harvesters scanning for `x@y` find nothing.

use std::sync::Arc;

use rayon::prelude::*;
use serde_json::{Map, Value, json};

use crate::model::*;

use super::json_parts;
use super::views::{
    Email, Texts, Urls, audience_code, contact_point_details, format_code, has_calendar,
    level_code, status_code, weekday_code,
};

/// Site path of the export.
pub const EXPORT_PATH: &str = "/daten/wegweiser.json";

fn email(e: &Option<String>) -> Value {
    e.as_deref()
        .and_then(Email::parse)
        .map(|e| json!({ "user": e.user, "domain": e.domain }))
        .unwrap_or(Value::Null)
}

fn common(dir: &Directory, urls: &Urls, texts: &Texts, e: EntryRef) -> Map<String, Value> {
    let meta = dir.meta(e);
    let text = texts.get(e);
    let mut o = Map::new();
    o.insert("slug".into(), meta.slug.clone().into());
    o.insert(
        "url".into(),
        urls.absolute(&Urls::entry_path(dir, e)).into(),
    );
    o.insert("name".into(), meta.name.clone().into());
    o.insert("aliases".into(), super::views::alias_names(meta).into());
    o.insert("verified".into(), meta.verified.to_string().into());
    o.insert("summary".into(), text.summary.clone().into());
    o.insert("description_html".into(), text.html.clone().into());
    o
}

/// The ids of indications.
fn indication_ids(dir: &Directory, ids: &[IndicationId]) -> Vec<String> {
    ids.iter().map(|&i| dir.indication(i).id.clone()).collect()
}

fn group(dir: &Directory, urls: &Urls, texts: &Texts, id: GroupId) -> Value {
    let g = dir.group(id);
    let mut o = common(dir, urls, texts, EntryRef::Group(id));
    o.insert(
        "indications".into(),
        indication_ids(dir, &g.indications).into(),
    );
    o.insert(
        "audience".into(),
        g.audience
            .iter()
            .map(|&a| audience_code(a))
            .collect::<Vec<_>>()
            .into(),
    );
    o.insert("format".into(), format_code(g.format).into());
    o.insert("status".into(), status_code(g.status).into());
    o.insert("district".into(), g.district.clone().into());
    o.insert("languages".into(), g.languages.clone().into());
    o.insert("since".into(), g.since.into());
    o.insert("confidential".into(), g.confidential.into());
    let meetings: Vec<Value> = g
        .meetings
        .iter()
        .map(|m| {
            json!({
                "rhythm": Rhythm::code(m.rhythm),
                "weekday": m.weekday.map(weekday_code),
                "weeks": m.weeks,
                "first_date": m.first_date.map(|d| d.to_string()),
                "start": m.start.map(|t| t.to_string()),
                "end": m.end.map(|t| t.to_string()),
                "place": if g.confidential { None } else { m.place.clone() },
                "address": if g.confidential { None } else { m.address.clone() },
                "accessible": m.accessible,
                "note": m.note,
                "text": m.sentence_de(),
            })
        })
        .collect();
    o.insert("meetings".into(), meetings.into());
    o.insert(
        "calendar".into(),
        has_calendar(g)
            .then(|| urls.absolute(&Urls::calendar_path(&g.meta.slug)))
            .into(),
    );
    // Who answers: the model's rule, as on the group's page and in print.
    let contact = match PublicationRules::WEB.contact(g) {
        PublishedContact::Own {
            person,
            phone,
            email: mail,
        } => json!({
            "via_contact_point": false,
            "person": person,
            "phone": phone,
            "email": email(&mail.map(str::to_owned)),
        }),
        PublishedContact::ContactPoint(_) => {
            json!({ "via_contact_point": true, "person": null, "phone": null, "email": null })
        }
    };
    o.insert("contact".into(), contact);
    o.insert("website".into(), g.website.clone().into());
    o.insert(
        "organisation".into(),
        g.organisation
            .filter(|&x| dir.organisation(x).meta.web)
            .map(|x| dir.organisation(x).meta.slug.clone())
            .into(),
    );
    o.insert(
        "contact_point".into(),
        g.contact_point
            .filter(|&x| dir.contact_point(x).meta.web)
            .map(|x| dir.contact_point(x).meta.slug.clone())
            .into(),
    );
    // Who answers for the group (its contact point, or the publisher), with
    // details, also when that contact point has no page of its own.
    let cp = contact_point_details(dir, urls, g.contact_point_ref());
    o.insert(
        "answered_by".into(),
        json!({
            "name": cp.name,
            "url": cp.url.as_deref().map(|u| urls.absolute(u.strip_prefix(&urls.base).unwrap_or(u))),
            "address": cp.address,
            "phone": cp.phone,
            "email": cp.email.map(|e| json!({ "user": e.user, "domain": e.domain })),
            "website": cp.website,
        }),
    );
    o.into()
}

/// The export as JSON bytes (compact, deterministic).
pub fn export(dir: &Directory, urls: &Urls, texts: &Texts) -> Vec<u8> {
    let records: Vec<(EntryRef, Arc<Vec<u8>>)> = listed(dir)
        .collect::<Vec<_>>()
        .into_par_iter()
        .map(|e| (e, Arc::new(record(dir, urls, texts, e))))
        .collect();
    json_parts::join(&assemble(dir, urls, &records))
}

/// The export around the records of the listed entries, in the order of
/// [`listed`], in parts.
pub fn assemble(
    dir: &Directory,
    urls: &Urls,
    records: &[(EntryRef, Arc<Vec<u8>>)],
) -> json_parts::Parts {
    let of_kind = |kind: fn(&EntryRef) -> bool| -> Vec<Arc<Vec<u8>>> {
        records
            .iter()
            .filter(|(e, _)| kind(e))
            .map(|(_, r)| Arc::clone(r))
            .collect()
    };
    assemble_kinds(
        dir,
        urls,
        &of_kind(|e| matches!(e, EntryRef::Group(_))),
        &of_kind(|e| matches!(e, EntryRef::Organisation(_))),
        &of_kind(|e| matches!(e, EntryRef::ContactPoint(_))),
    )
}

/// The entries in the export, in its order: live groups, then organisations
/// and contact points with a page, each A–Z.
pub fn listed(dir: &Directory) -> impl Iterator<Item = EntryRef> + '_ {
    dir.entries().filter(|&e| dir.is_live_on_web(e))
}

/// The record of one entry, serialised. A group's record also shows its
/// organisation's slug and its contact point's details.
pub fn record(dir: &Directory, urls: &Urls, texts: &Texts, e: EntryRef) -> Vec<u8> {
    let value = match e {
        EntryRef::Group(g) => group(dir, urls, texts, g),
        EntryRef::Organisation(id) => {
            let org = dir.organisation(id);
            let mut o = common(dir, urls, texts, e);
            o.insert("level".into(), level_code(org.level).into());
            o.insert(
                "indications".into(),
                indication_ids(dir, &org.indications).into(),
            );
            o.insert("address".into(), org.address.clone().into());
            o.insert("phone".into(), org.phone.clone().into());
            o.insert("email".into(), email(&org.email));
            o.insert("website".into(), org.website.clone().into());
            o.into()
        }
        EntryRef::ContactPoint(id) => {
            let cp = dir.contact_point(id);
            let mut o = common(dir, urls, texts, e);
            o.insert("address".into(), cp.address.clone().into());
            o.insert("phone".into(), cp.phone.clone().into());
            o.insert("email".into(), email(&cp.email));
            o.insert("website".into(), cp.website.clone().into());
            o.insert("opening_hours".into(), cp.opening_hours.clone().into());
            o.into()
        }
    };
    json_parts::to_bytes(&value)
}

/// The export around its records, per kind.
fn assemble_kinds(
    dir: &Directory,
    urls: &Urls,
    groups: &[Arc<Vec<u8>>],
    organisations: &[Arc<Vec<u8>>],
    contact_points: &[Arc<Vec<u8>>],
) -> json_parts::Parts {
    let s = &dir.settings;
    let indications: Vec<Value> = dir
        .indications
        .iter()
        .map(|i| {
            json!({
                "id": i.id,
                "name": i.name,
                "category": dir.categories[i.category].name,
                "synonyms": i.synonyms,
                "see_also": indication_ids(dir, &i.see_also),
                "url": urls.absolute(&Urls::indication_path(i)),
            })
        })
        .collect();
    let p = &s.publisher;
    let mut export = Map::new();
    export.insert("format".into(), "wegweiser".into());
    export.insert("version".into(), 1.into());
    export.insert("title".into(), s.title.clone().into());
    export.insert("base_url".into(), s.base_url.clone().into());
    export.insert("language".into(), s.language.clone().into());
    export.insert(
        "publisher".into(),
        json!({
            "name": p.name,
            "address": p.address,
            "phone": p.phone,
            "email": email(&p.email),
            "website": p.website,
        }),
    );
    export.insert("indications".into(), indications.into());
    for key in ["groups", "organisations", "contact_points"] {
        export.insert(key.into(), Value::Array(Vec::new()));
    }
    let mut parts = json_parts::object_with_arrays(
        &export,
        &[
            ("groups", groups),
            ("organisations", organisations),
            ("contact_points", contact_points),
        ],
    );
    parts.push(Arc::new(b"\n".to_vec()));
    parts
}
