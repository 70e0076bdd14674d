//! schema.org JSON-LD for entry pages: a group is an `Organization` with
//! its `audience` and one `Event` with an `eventSchedule` per regular
//! meeting; organisations and contact points are `NGO`s; the start page is
//! a `WebSite` with a `SearchAction`.
//!
//! Privacy: no e-mail address (harvesting) and, for confidential groups, no
//! place, address or personal contact (the model holds none, and nothing
//! here adds them back).

use serde_json::{Map, Value, json};

use crate::model::*;

use super::views::{Texts, Urls, contact_point_details};

/// The JSON for a `<script type="application/ld+json">`: `<`, `>` and `&`
/// are written as `\u003c` etc., so no `</script>` can close the element.
pub fn script(v: &Value) -> String {
    let s = serde_json::to_string(v).unwrap_or_default();
    if !s
        .as_bytes()
        .iter()
        .any(|&b| matches!(b, b'<' | b'>' | b'&'))
    {
        return s;
    }
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '<' => out.push_str("\\u003c"),
            '>' => out.push_str("\\u003e"),
            '&' => out.push_str("\\u0026"),
            c => out.push(c),
        }
    }
    out
}

fn insert_opt(m: &mut Map<String, Value>, key: &str, v: Option<impl Into<Value>>) {
    if let Some(v) = v {
        m.insert(key.to_owned(), v.into());
    }
}

fn day_name(d: Weekday) -> &'static str {
    match d {
        Weekday::Monday => "https://schema.org/Monday",
        Weekday::Tuesday => "https://schema.org/Tuesday",
        Weekday::Wednesday => "https://schema.org/Wednesday",
        Weekday::Thursday => "https://schema.org/Thursday",
        Weekday::Friday => "https://schema.org/Friday",
        Weekday::Saturday => "https://schema.org/Saturday",
        Weekday::Sunday => "https://schema.org/Sunday",
    }
}

fn time(t: Time) -> String {
    format!("{t}:00")
}

/// The start page: the site and its search.
pub fn website(dir: &Directory, urls: &Urls) -> Value {
    json!({
        "@context": "https://schema.org",
        "@type": "WebSite",
        "name": dir.settings.title,
        "url": urls.absolute("/"),
        "inLanguage": dir.settings.language,
        "publisher": { "@type": "NGO", "name": dir.settings.publisher.name },
        "potentialAction": {
            "@type": "SearchAction",
            "target": format!("{}?q={{search_term_string}}", urls.absolute("/suche/")),
            "query-input": "required name=search_term_string",
        },
    })
}

/// A group page; `audience` in words ("Betroffene, Angehörige", from the
/// theme's string table).
pub fn group(dir: &Directory, urls: &Urls, texts: &Texts, id: GroupId, audience: &str) -> Value {
    let g = dir.group(id);
    let url = urls.absolute(&Urls::entry_path(dir, EntryRef::Group(id)));
    let mut o = Map::new();
    o.insert("@context".into(), "https://schema.org".into());
    o.insert("@type".into(), "Organization".into());
    o.insert("@id".into(), format!("{url}#gruppe").into());
    o.insert("name".into(), g.meta.name.clone().into());
    o.insert("url".into(), url.clone().into());
    let description = texts.get(EntryRef::Group(id)).summary.clone();
    if !description.is_empty() {
        o.insert("description".into(), description.into());
    }
    insert_alternate_names(&mut o, &g.meta);
    o.insert(
        "audience".into(),
        json!({ "@type": "Audience", "audienceType": audience }),
    );
    o.insert(
        "keywords".into(),
        g.indications
            .iter()
            .map(|&i| dir.indication(i).name.clone())
            .collect::<Vec<_>>()
            .join(", ")
            .into(),
    );
    insert_opt(&mut o, "foundingDate", g.since.map(|y| y.to_string()));
    insert_opt(&mut o, "areaServed", g.district.clone());
    o.insert("knowsLanguage".into(), g.languages.clone().into());
    if let Some(org) = g.organisation.filter(|&o| dir.organisation(o).meta.web) {
        o.insert(
            "memberOf".into(),
            json!({
                "@type": "NGO",
                "name": dir.organisation(org).meta.name,
                "url": urls.absolute(&Urls::entry_path(dir, EntryRef::Organisation(org))),
            }),
        );
    }
    // How to reach the group: consented direct phone, or the contact point.
    let direct_phone = match &g.contact {
        ContactRoute::Direct { phone, .. } if !g.confidential => phone.clone(),
        _ => None,
    };
    let cp = contact_point_details(dir, urls, g.contact_point_ref());
    let mut contact = Map::new();
    contact.insert("@type".into(), "ContactPoint".into());
    match direct_phone {
        Some(p) => {
            contact.insert("telephone".into(), p.into());
        }
        None => {
            contact.insert("name".into(), cp.name.clone().into());
            insert_opt(&mut contact, "telephone", cp.phone.clone());
            insert_opt(
                &mut contact,
                "url",
                cp.url
                    .as_deref()
                    .map(|u| urls.absolute(u.strip_prefix(&urls.base).unwrap_or(u))),
            );
        }
    }
    o.insert("contactPoint".into(), contact.into());
    insert_opt(&mut o, "sameAs", g.website.clone());

    let mode = match g.format {
        MeetingFormat::InPerson => "https://schema.org/OfflineEventAttendanceMode",
        MeetingFormat::Online => "https://schema.org/OnlineEventAttendanceMode",
        MeetingFormat::Hybrid => "https://schema.org/MixedEventAttendanceMode",
    };
    let events: Vec<Value> = g
        .meetings
        .iter()
        .filter_map(|m| {
            let (weekday, start, first) = (m.weekday?, m.start?, m.series_start(g.meta.verified)?);
            let mut schedule = Map::new();
            schedule.insert("@type".into(), "Schedule".into());
            let freq = match m.rhythm {
                Rhythm::Weekly => "P1W",
                Rhythm::Biweekly => "P2W",
                Rhythm::Monthly => "P1M",
                Rhythm::Irregular => return None,
            };
            schedule.insert("repeatFrequency".into(), freq.into());
            schedule.insert("byDay".into(), day_name(weekday).into());
            if m.rhythm == Rhythm::Monthly {
                schedule.insert("byMonthWeek".into(), m.weeks.clone().into());
            }
            schedule.insert("startDate".into(), first.to_string().into());
            schedule.insert("startTime".into(), time(start).into());
            insert_opt(&mut schedule, "endTime", m.end.map(time));
            schedule.insert("scheduleTimezone".into(), "Europe/Berlin".into());
            let mut ev = Map::new();
            ev.insert("@type".into(), "Event".into());
            ev.insert("name".into(), g.meta.name.clone().into());
            ev.insert(
                "description".into(),
                m.sentence(&dir.settings.language).into(),
            );
            ev.insert("url".into(), url.clone().into());
            ev.insert(
                "startDate".into(),
                format!("{first}T{}", time(start)).into(),
            );
            ev.insert("eventAttendanceMode".into(), mode.into());
            ev.insert("eventSchedule".into(), schedule.into());
            if !g.confidential && (m.place.is_some() || m.address.is_some()) {
                let mut place = Map::new();
                place.insert("@type".into(), "Place".into());
                insert_opt(&mut place, "name", m.place.clone());
                insert_opt(&mut place, "address", m.address.clone());
                ev.insert("location".into(), place.into());
            }
            ev.insert(
                "organizer".into(),
                json!({ "@id": format!("{url}#gruppe") }),
            );
            Some(ev.into())
        })
        .collect();
    if !events.is_empty() {
        o.insert("event".into(), events.into());
    }
    o.into()
}

fn ngo(
    meta: &EntryMeta,
    summary: &str,
    url: String,
    address: &Option<String>,
    phone: &Option<String>,
    website: &Option<String>,
) -> Map<String, Value> {
    let mut o = Map::new();
    o.insert("@context".into(), "https://schema.org".into());
    o.insert("@type".into(), "NGO".into());
    o.insert("name".into(), meta.name.clone().into());
    o.insert("url".into(), url.into());
    if !summary.is_empty() {
        o.insert("description".into(), summary.into());
    }
    insert_alternate_names(&mut o, meta);
    insert_opt(&mut o, "address", address.clone());
    insert_opt(&mut o, "telephone", phone.clone());
    insert_opt(&mut o, "sameAs", website.clone());
    o
}

/// `alternateName`: the entry's aliases, if it has any.
fn insert_alternate_names(o: &mut Map<String, Value>, meta: &EntryMeta) {
    if !meta.aliases.is_empty() {
        o.insert(
            "alternateName".into(),
            super::views::alias_names(meta).into(),
        );
    }
}

/// An organisation page.
pub fn organisation(dir: &Directory, urls: &Urls, texts: &Texts, id: OrganisationId) -> Value {
    let org = dir.organisation(id);
    let mut o = ngo(
        &org.meta,
        &texts.get(EntryRef::Organisation(id)).summary,
        urls.absolute(&Urls::entry_path(dir, EntryRef::Organisation(id))),
        &org.address,
        &org.phone,
        &org.website,
    );
    if !org.indications.is_empty() {
        o.insert(
            "keywords".into(),
            org.indications
                .iter()
                .map(|&i| dir.indication(i).name.clone())
                .collect::<Vec<_>>()
                .join(", ")
                .into(),
        );
    }
    o.into()
}

/// A contact point page.
pub fn contact_point(dir: &Directory, urls: &Urls, texts: &Texts, id: ContactPointId) -> Value {
    let cp = dir.contact_point(id);
    let mut o = ngo(
        &cp.meta,
        &texts.get(EntryRef::ContactPoint(id)).summary,
        urls.absolute(&Urls::entry_path(dir, EntryRef::ContactPoint(id))),
        &cp.address,
        &cp.phone,
        &cp.website,
    );
    if !cp.opening_hours.is_empty() {
        // Free-text hours: schema.org's openingHours wants a strict syntax,
        // so they go into a ContactPoint's description.
        o.insert(
            "contactPoint".into(),
            json!({ "@type": "ContactPoint", "contactType": "Beratung", "description": cp.opening_hours.join("; ") }),
        );
    }
    o.into()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn script_cannot_be_closed() {
        let s = script(&json!({ "name": "</script><script>alert(1)</script> & <!--" }));
        assert!(
            !s.contains('<') && !s.contains('>') && !s.contains('&'),
            "{s}"
        );
        let back: Value = serde_json::from_str(&s).unwrap();
        assert_eq!(back["name"], "</script><script>alert(1)</script> & <!--");
    }
}
