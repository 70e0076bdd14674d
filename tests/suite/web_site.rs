//! The website of the sample directory: every page type, a link check over
//! the whole output, cross-links in both directions, A–Z, ended, hidden and
//! confidential entries, the search index, the JSON export, JSON-LD,
//! privacy (no e-mail address in any page, no third-party resource) and
//! the accessibility skeleton of every page.

use crate::common::*;
use crate::web_common::*;

use std::path::{Path, PathBuf};

use serde_json::Value;

/// Builds the sample's website once per test binary.
fn site() -> &'static Path {
    use std::sync::OnceLock;
    static OUT: OnceLock<(tempfile::TempDir, PathBuf)> = OnceLock::new();
    &OUT.get_or_init(|| {
        let out = build_sample(&["--only", "web"]);
        let site = out.path().join("site");
        (out, site)
    })
    .1
}

fn read(rel: &str) -> String {
    let p = site().join(rel);
    std::fs::read_to_string(&p).unwrap_or_else(|e| panic!("{}: {e}", p.display()))
}

fn json(rel: &str) -> Value {
    serde_json::from_str(&read(rel)).unwrap_or_else(|e| panic!("{rel}: {e}"))
}

#[test]
fn every_page_type_and_file_exists() {
    let s = site();
    for p in [
        "index.html",
        "suche/index.html",
        "suche/index.json",
        "themen/index.html",
        "themen/diabetes/index.html",
        "a-z/0-9/index.html",
        "a-z/q/index.html",
        "gruppen/diabetes-selbsthilfegruppe-musterstadt-nord/index.html",
        "gruppen/kaufsucht-gespraechskreis-musterstadt/index.html",
        "gruppen/diabetes-nord/index.html",
        "organisationen/landesverband-diabetes-musterland/index.html",
        "kontaktstellen/kiss-musterstadt/index.html",
        "impressum/index.html",
        "datenschutz/index.html",
        "barrierefreiheit/index.html",
        "kalender/diabetes-selbsthilfegruppe-musterstadt-nord.ics",
        "daten/wegweiser.json",
        "sitemap.xml",
        "robots.txt",
        "404.html",
        "static/style.css",
        "static/site.js",
        "static/search.js",
        "static/minisearch.min.js",
        "static/minisearch.LICENSE.txt",
    ] {
        assert!(s.join(p).is_file(), "missing {p}");
    }
    for l in ["0-9", "a", "m", "z", "q", "x"] {
        assert!(
            s.join(format!("a-z/{l}/index.html")).is_file(),
            "letter {l}"
        );
    }
}

#[test]
fn every_internal_link_resolves() {
    let n = check_links(site(), "");
    assert!(n > 5000, "only {n} links checked");
    // The sitemap lists only existing pages.
    let sitemap = read("sitemap.xml");
    for loc in sitemap.split("<loc>").skip(1) {
        let url = &loc[..loc.find("</loc>").unwrap()];
        let rel = url
            .strip_prefix("https://selbsthilfe-musterstadt.example/")
            .expect(url);
        assert!(
            site().join(rel).join("index.html").is_file() || site().join(rel).is_file(),
            "sitemap: {url}"
        );
    }
    let robots = read("robots.txt");
    assert!(
        robots.contains("Sitemap: https://selbsthilfe-musterstadt.example/sitemap.xml"),
        "{robots}"
    );
}

#[test]
fn every_page_has_the_accessible_skeleton() {
    for (path, html) in html_files(site()) {
        assert!(
            html.starts_with("<!DOCTYPE html>\n<html lang=\"de\">"),
            "{path}: lang"
        );
        assert_eq!(html.matches("<h1").count(), 1, "{path}: one h1");
        assert_eq!(html.matches("<main").count(), 1, "{path}: one main");
        assert!(
            html.contains("<a class=\"skip\" href=\"#inhalt\">Zum Inhalt springen</a>"),
            "{path}: skip link"
        );
        assert!(
            html.contains("<header") && html.contains("<footer") && html.contains("<nav"),
            "{path}: landmarks"
        );
        assert!(html.contains("name=\"viewport\""), "{path}: responsive");
        // Headings never skip a level.
        let mut last = 0;
        for part in html.split("<h").skip(1) {
            let Some(level) = part.chars().next().and_then(|c| c.to_digit(10)) else {
                continue;
            };
            assert!(level <= last + 1, "{path}: h{level} after h{last}");
            last = level;
        }
        // The footer links imprint, privacy policy and accessibility statement.
        let footer = &html[html.find("<footer").unwrap()..];
        for p in ["/impressum/", "/datenschutz/", "/barrierefreiheit/"] {
            assert!(
                footer.contains(&format!("href=\"{p}\"")),
                "{path}: footer lacks {p}"
            );
        }
        // No third-party resource: every stylesheet, script and image is ours.
        for src in attrs(&html, "src") {
            assert!(src.starts_with('/'), "{path}: external resource {src}");
        }
        for tag in html.split("<link ").skip(1) {
            let tag = &tag[..tag.find('>').unwrap()];
            if tag.contains("stylesheet") || tag.contains("preload") || tag.contains("icon") {
                assert!(tag.contains("href=\"/"), "{path}: external <link {tag}>");
            }
        }
    }
}

#[test]
fn no_email_address_in_any_page_source() {
    let email = |s: &str| {
        s.char_indices().any(|(i, c)| {
            c == '@'
                && s[..i].ends_with(|p: char| p.is_ascii_alphanumeric())
                && s[i + 1..].starts_with(|p: char| p.is_ascii_alphanumeric())
        })
    };
    for (path, html) in html_files(site()) {
        assert!(!email(&html), "{path}: e-mail address in clear text");
        assert!(!html.contains("mailto:"), "{path}: mailto: in source");
    }
    for rel in ["suche/index.json", "daten/wegweiser.json"] {
        assert!(!email(&read(rel)), "{rel}: e-mail address in clear text");
    }
    // Readable without JavaScript, assembled by site.js.
    let cp = read("kontaktstellen/kiss-musterstadt/index.html");
    assert!(
        cp.contains("class=\"email\" data-u=\"&#105;&#110;&#102;&#111;\""),
        "protected span"
    );
    assert!(
        cp.contains("&#105;&#110;&#102;&#111; (at) &#107;"),
        "readable fallback"
    );
    // Addresses inside Markdown text are protected too.
    let privacy = read("datenschutz/index.html");
    assert!(
        privacy.contains("datenschutz (at) kiss-musterstadt.example"),
        "markdown e-mail"
    );
}

#[test]
fn start_page_shows_search_az_categories_intro_and_publisher() {
    let index = read("index.html");
    assert!(index.contains(
        "<form class=\"search-form\" role=\"search\" action=\"/suche/\" method=\"get\">"
    ));
    assert!(index.contains("<label for=\"q\">"));
    assert!(index.contains("href=\"/a-z/a/\""), "A–Z bar");
    assert!(
        index.contains("<h3>Chronische Erkrankungen</h3>"),
        "categories"
    );
    assert!(
        index.contains("href=\"/themen/diabetes/\">Diabetes</a>"),
        "indications"
    );
    assert!(
        index.contains("Weiterlesen: Was ist eine Selbsthilfegruppe?"),
        "intro pages"
    );
    assert!(index.contains("Weiterlesen: So hilft die Kontaktstelle"));
    assert!(
        index.contains("Liebe Leserinnen und Leser, Sie halten"),
        "a salutation is joined with the next paragraph"
    );
    assert!(
        index.contains("<strong>KISS Musterstadt</strong>"),
        "publisher contact"
    );
    // Legal pages are in the footer, not among the teasers.
    assert!(!index.contains("Weiterlesen: Impressum"));
    // JSON-LD WebSite with its search.
    let ld = jsonld(&index).remove(0);
    assert_eq!(ld["@type"], "WebSite");
    assert_eq!(
        ld["potentialAction"]["target"],
        "https://selbsthilfe-musterstadt.example/suche/?q={search_term_string}"
    );
}

#[test]
fn letters_without_entries_are_shown_but_not_linked() {
    let index = read("index.html");
    assert!(
        index.contains("<span title=\"keine Einträge\">Q</span>"),
        "Q shown"
    );
    assert!(!index.contains("href=\"/a-z/q/\""), "Q not linked");
    assert!(index.contains("<a href=\"/a-z/0-9/\">0–9</a>"));
    let q = read("a-z/q/index.html");
    assert!(q.contains("Unter diesem Buchstaben gibt es keine Einträge."));
    assert!(q.contains("noindex"), "an empty letter page is not indexed");
    assert!(!read("sitemap.xml").contains("/a-z/q/"));
}

#[test]
fn a_to_z_lines_show_kind_primary_indication_and_aliases() {
    let d = read("a-z/d/index.html");
    assert!(
        d.contains("<a href=\"/gruppen/diabetes-selbsthilfegruppe-musterstadt-nord/\">Diabetes-Selbsthilfegruppe Musterstadt-Nord</a><br><span class=\"meta\">Selbsthilfegruppe · Diabetes</span>"),
        "kind and primary indication"
    );
    assert!(d.contains("Diabetiker Nord → siehe <a href=\"/gruppen/diabetes-selbsthilfegruppe-musterstadt-nord/\">Diabetes-Selbsthilfegruppe Musterstadt-Nord</a>"), "alias");
    let k = read("a-z/k/index.html");
    assert!(
        k.contains(
            "Kontaktstelle Selbsthilfe → siehe <a href=\"/kontaktstellen/kiss-musterstadt/\">"
        ),
        "alias of a contact point"
    );
    assert!(
        k.contains("Selbsthilfe-Kontaktstelle</span>"),
        "contact point kind"
    );
    let founding = read("a-z/0-9/index.html");
    assert!(
        founding.contains("<span class=\"status\">in Gründung</span>"),
        "status on the A–Z line"
    );
}

#[test]
fn topics_page_lists_categories_and_every_synonym() {
    let topics = read("themen/index.html");
    let indications = std::fs::read_to_string(repo().join("content/indications.toml")).unwrap();
    let table: toml::Table = toml::from_str(&indications).unwrap();
    for (id, ind) in &table {
        let name = ind["name"].as_str().unwrap();
        assert!(
            topics.contains(&format!("<a href=\"/themen/{id}/\">{name}</a>")),
            "{id}"
        );
        for s in ind
            .get("synonyms")
            .and_then(|s| s.as_array())
            .into_iter()
            .flatten()
        {
            let s = s.as_str().unwrap();
            assert!(
                topics.contains(&format!(
                    "<li>{s} → <a href=\"/themen/{id}/\">{name}</a></li>"
                )),
                "synonym {s}"
            );
        }
    }
    let diabetes = read("themen/diabetes/index.html");
    assert!(
        diabetes.contains("Zuckerkrankheit"),
        "synonyms on the topic page"
    );
    assert!(diabetes.contains("<h2 id=\"siehe-auch\">Siehe auch</h2>"));
    assert!(
        diabetes.contains("href=\"/themen/uebergewicht/\""),
        "see also"
    );
    // see_also is shown in both directions: nierenerkrankungen does not name diabetes itself.
    let kidney = read("themen/nierenerkrankungen/index.html");
    assert!(
        kidney.contains("href=\"/themen/diabetes/\""),
        "reverse see-also"
    );
    assert!(
        diabetes.contains("href=\"/kontaktstellen/kiss-musterstadt/\""),
        "the contact points"
    );
}

/// Both directions of every cross-link, driven by the export (the list of
/// live groups with their indications, organisation and contact point).
#[test]
fn cross_links_in_both_directions() {
    let export = json("daten/wegweiser.json");
    let groups = export["groups"].as_array().unwrap();
    assert!(groups.len() > 70);
    for g in groups {
        let slug = g["slug"].as_str().unwrap();
        let href = format!("href=\"/gruppen/{slug}/\"");
        let page = read(&format!("gruppen/{slug}/index.html"));
        for (i, ind) in g["indications"].as_array().unwrap().iter().enumerate() {
            let ind = ind.as_str().unwrap();
            assert!(
                page.contains(&format!("href=\"/themen/{ind}/\"")),
                "{slug} → {ind}"
            );
            let topic = read(&format!("themen/{ind}/index.html"));
            let pos = topic
                .find(&href)
                .unwrap_or_else(|| panic!("{ind} → {slug}"));
            let secondary = topic.find("id=\"weitere\"");
            if i == 0 {
                assert!(
                    secondary.is_none_or(|s| pos < s),
                    "{slug} is primary under {ind}"
                );
            } else {
                assert!(
                    secondary.is_some_and(|s| pos > s),
                    "{slug} is secondary under {ind}"
                );
            }
        }
        if let Some(org) = g["organisation"].as_str() {
            assert!(
                page.contains(&format!("href=\"/organisationen/{org}/\"")),
                "{slug} → {org}"
            );
            assert!(
                read(&format!("organisationen/{org}/index.html")).contains(&href),
                "{org} → {slug}"
            );
        }
        if let Some(cp) = g["contact_point"].as_str() {
            assert!(
                page.contains(&format!("href=\"/kontaktstellen/{cp}/\"")),
                "{slug} → {cp}"
            );
            assert!(
                read(&format!("kontaktstellen/{cp}/index.html")).contains(&href),
                "{cp} → {slug}"
            );
        }
    }
}

#[test]
fn group_page_shows_what_a_reader_needs() {
    let g = read("gruppen/diabetes-selbsthilfegruppe-musterstadt-nord/index.html");
    for needle in [
        "<dt>Für wen</dt><dd>Betroffene und Angehörige</dd>",
        "<dt>Form</dt><dd>Treffen vor Ort</dd>",
        "<dt>Sprachen</dt><dd>Deutsch, Türkisch</dd>",
        "<dt>Stadtteil</dt><dd>Nord</dd>",
        "jeden 2. Dienstag im Monat, 19:00–21:00 Uhr",
        "Selbsthilfetreff Nord, Raum 2",
        "stufenloser Zugang",
        "href=\"/kalender/diabetes-selbsthilfegruppe-musterstadt-nord.ics\"",
        "Ansprechperson: Frau M.",
        "<p class=\"verified\">Stand: 14.09.2026</p>",
    ] {
        assert!(g.contains(needle), "missing {needle}");
    }
    // A founding group says so; a group reached via the contact point shows its details.
    let founding = read("gruppen/1000-schritte-rauchfrei/index.html");
    assert!(founding.contains("<strong class=\"status\">in Gründung</strong>"));
    assert!(founding.contains("Den Kontakt vermittelt die Kontaktstelle:"));
    assert!(
        founding.contains("<a href=\"tel:0123456780\">01234 5678-0</a>"),
        "contact point phone"
    );
    // An irregular group has no calendar link and no file.
    for (path, html) in html_files(site()) {
        if let Some(p) = path.strip_prefix("gruppen/") {
            let slug = p.trim_end_matches("/index.html");
            let ics = site().join(format!("kalender/{slug}.ics"));
            assert_eq!(
                html.contains("/kalender/"),
                ics.is_file(),
                "{slug}: link iff file"
            );
        }
    }
}

#[test]
fn ended_hidden_and_redirected_entries() {
    let ended = read("gruppen/kaufsucht-gespraechskreis-musterstadt/index.html");
    assert!(ended.contains("Diese Gruppe trifft sich nicht mehr (seit 30.06.2026)."));
    assert!(ended.contains("<meta name=\"robots\" content=\"noindex\">"));
    assert!(
        ended.contains("href=\"/themen/kaufsucht/\""),
        "links to its indications"
    );
    assert!(
        !site()
            .join("kalender/kaufsucht-gespraechskreis-musterstadt.ics")
            .exists()
    );
    for rel in [
        "sitemap.xml",
        "suche/index.json",
        "daten/wegweiser.json",
        "a-z/k/index.html",
        "themen/kaufsucht/index.html",
    ] {
        assert!(
            !read(rel).contains("kaufsucht-gespraechskreis-musterstadt"),
            "ended group in {rel}"
        );
    }
    // web = false: no page, in no list, no calendar, not searchable.
    assert!(
        !site()
            .join("gruppen/oeffentlich-sprechen-stotterer-selbsthilfe")
            .exists()
    );
    for (path, bytes) in snapshot(site()) {
        let text = String::from_utf8_lossy(&bytes);
        assert!(
            !text.contains("oeffentlich-sprechen-stotterer"),
            "web = false group in {path}"
        );
    }
    // Former slugs: meta refresh plus a visible link, noindex, not in the sitemap.
    let r = read("gruppen/diabetes-nord/index.html");
    assert!(r.contains("<meta http-equiv=\"refresh\" content=\"0; url=/gruppen/diabetes-selbsthilfegruppe-musterstadt-nord/\">"));
    assert!(r.contains("<a href=\"/gruppen/diabetes-selbsthilfegruppe-musterstadt-nord/\">Diabetes-Selbsthilfegruppe Musterstadt-Nord</a>"));
    assert!(r.contains("noindex"));
    assert!(!read("sitemap.xml").contains("/gruppen/diabetes-nord/"));
}

#[test]
fn confidential_group_publishes_no_place_or_personal_contact_anywhere() {
    let page = read("gruppen/frauen-nach-gewalterfahrung/index.html");
    assert!(
        page.contains("Der Treffpunkt wird zum Schutz der Teilnehmenden nicht veröffentlicht.")
    );
    assert!(page.contains("Den Kontakt vermittelt die Kontaktstelle:"));
    for (path, bytes) in snapshot(site()) {
        let text = String::from_utf8_lossy(&bytes);
        for secret in [
            "Stillgasse",
            "Beratungsstelle Frauenraum",
            "000111",
            "Frau A.",
        ] {
            assert!(!text.contains(secret), "confidential {secret:?} in {path}");
        }
    }
    let ics = read("kalender/frauen-nach-gewalterfahrung.ics");
    assert!(!ics.contains("LOCATION"), "{ics}");
    let ld = jsonld(&page).remove(0);
    assert!(ld["event"][0].get("location").is_none());
    assert_eq!(
        ld["contactPoint"]["name"],
        "KISS Musterstadt – Kontakt- und Informationsstelle für Selbsthilfe"
    );
}

#[test]
fn json_ld_on_entry_pages() {
    let g = jsonld(&read(
        "gruppen/diabetes-selbsthilfegruppe-musterstadt-nord/index.html",
    ))
    .remove(0);
    assert_eq!(g["@context"], "https://schema.org");
    assert_eq!(g["@type"], "Organization");
    assert_eq!(g["audience"]["audienceType"], "Betroffene, Angehörige");
    assert_eq!(
        g["memberOf"]["name"],
        "Landesverband Diabetes Musterland e.V."
    );
    let ev = &g["event"][0];
    assert_eq!(ev["@type"], "Event");
    assert_eq!(ev["eventSchedule"]["repeatFrequency"], "P1M");
    assert_eq!(ev["eventSchedule"]["byDay"], "https://schema.org/Tuesday");
    assert_eq!(ev["eventSchedule"]["byMonthWeek"], serde_json::json!([2]));
    assert_eq!(ev["eventSchedule"]["startDate"], "2026-10-13");
    assert_eq!(ev["eventSchedule"]["scheduleTimezone"], "Europe/Berlin");
    assert_eq!(
        ev["location"]["address"],
        "Hauptstraße 5, 12345 Musterstadt"
    );
    let o = jsonld(&read(
        "organisationen/landesverband-diabetes-musterland/index.html",
    ))
    .remove(0);
    assert_eq!(o["@type"], "NGO");
    let c = jsonld(&read("kontaktstellen/kiss-musterstadt/index.html")).remove(0);
    assert_eq!(c["@type"], "NGO");
    assert_eq!(c["telephone"], "01234 5678-0");
    assert!(c.get("email").is_none(), "no e-mail in JSON-LD");
}

#[test]
fn search_index_holds_live_entries_topics_and_synonyms() {
    let ix = json("suche/index.json");
    assert_eq!(ix["version"], 1);
    assert_eq!(ix["prefix"]["group"], "/gruppen/");
    let topics = ix["topics"].as_array().unwrap();
    let diabetes = topics.iter().position(|t| t[0] == "diabetes").unwrap();
    assert!(
        topics[diabetes][2]
            .as_array()
            .unwrap()
            .iter()
            .any(|s| s == "Zuckerkrankheit")
    );
    let entries = ix["entries"].as_array().unwrap();
    let nord = entries
        .iter()
        .find(|e| e[1] == "diabetes-selbsthilfegruppe-musterstadt-nord")
        .unwrap();
    assert_eq!(nord[0], "group");
    assert_eq!(nord[4][0], diabetes, "primary indication first");
    assert_eq!(nord[5], "Nord");
    assert_eq!(nord[6], serde_json::json!(["Deutsch", "Türkisch"]));
    assert_eq!(nord[3], serde_json::json!(["Diabetiker Nord"]));
    assert!(entries.iter().any(|e| e[0] == "contact_point"));
    assert!(entries.iter().any(|e| e[0] == "organisation"));
    let live = json("daten/wegweiser.json");
    let n = live["groups"].as_array().unwrap().len()
        + live["organisations"].as_array().unwrap().len()
        + live["contact_points"].as_array().unwrap().len();
    assert_eq!(entries.len(), n, "every live entry once");
}

#[test]
fn json_export_is_documented_and_complete() {
    let e = json("daten/wegweiser.json");
    assert_eq!(e["format"], "wegweiser");
    assert_eq!(e["version"], 1);
    assert_eq!(
        e["publisher"]["email"],
        serde_json::json!({ "user": "info", "domain": "kiss-musterstadt.example" })
    );
    let g = e["groups"]
        .as_array()
        .unwrap()
        .iter()
        .find(|g| g["slug"] == "diabetes-selbsthilfegruppe-musterstadt-nord")
        .unwrap();
    assert_eq!(
        g["url"],
        "https://selbsthilfe-musterstadt.example/gruppen/diabetes-selbsthilfegruppe-musterstadt-nord/"
    );
    assert_eq!(
        g["meetings"][0]["text"],
        "jeden 2. Dienstag im Monat, 19:00–21:00 Uhr"
    );
    assert_eq!(g["meetings"][0]["weeks"], serde_json::json!([2]));
    assert_eq!(
        g["calendar"],
        "https://selbsthilfe-musterstadt.example/kalender/diabetes-selbsthilfegruppe-musterstadt-nord.ics"
    );
    assert_eq!(g["contact"]["via_contact_point"], false);
    let secret = e["groups"]
        .as_array()
        .unwrap()
        .iter()
        .find(|g| g["slug"] == "frauen-nach-gewalterfahrung")
        .unwrap();
    assert_eq!(secret["meetings"][0]["place"], Value::Null);
    assert_eq!(secret["contact"]["via_contact_point"], true);
    assert_eq!(
        secret["answered_by"]["name"],
        "KISS Musterstadt – Kontakt- und Informationsstelle für Selbsthilfe"
    );
    assert_eq!(secret["answered_by"]["phone"], "01234 5678-0");
    let readme = std::fs::read_to_string(repo().join("README.md")).unwrap();
    assert!(
        readme.contains("/daten/wegweiser.json"),
        "the export is documented"
    );
}

#[test]
fn rendering_is_deterministic() {
    let a = build_sample(&["--only", "web"]);
    let mut one = snapshot(&a.path().join("site"));
    let mut two = snapshot(site());
    one.retain(|(p, _)| !p.starts_with('.'));
    two.retain(|(p, _)| !p.starts_with('.'));
    assert_eq!(one.len(), two.len());
    for ((pa, ba), (pb, bb)) in one.iter().zip(&two) {
        assert_eq!(pa, pb);
        assert!(ba == bb, "{pa} differs between runs");
    }
}

/// The groups of the JSON export (live, A–Z) that a predicate holds for.
fn export_groups(pred: impl Fn(&Value) -> bool) -> Vec<Value> {
    json("daten/wegweiser.json")["groups"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|g| pred(g))
        .cloned()
        .collect()
}

fn has(list: &Value, code: &str) -> bool {
    list.as_array().is_some_and(|l| l.iter().any(|v| v == code))
}

#[test]
fn search_index_carries_the_filter_facts_of_every_group() {
    let ix = json("suche/index.json");
    let entries = ix["entries"].as_array().unwrap();
    let groups = export_groups(|_| true);
    // Recomputed here from the export's plain fields, independently of the
    // renderer: audience, formats (hybrid = both), step-free, (weekday,
    // time of day) per regular meeting, languages other than German.
    for g in &groups {
        let e = entries
            .iter()
            .find(|e| e[0] == "group" && e[1] == g["slug"])
            .unwrap();
        let facts = &e[9];
        assert_eq!(facts[0], g["audience"], "{}", g["slug"]);
        let formats = match g["format"].as_str().unwrap() {
            "hybrid" => serde_json::json!(["in-person", "online"]),
            f => serde_json::json!([f]),
        };
        assert_eq!(facts[1], formats, "{}", g["slug"]);
        let meetings = g["meetings"].as_array().unwrap();
        let step_free = meetings.iter().any(|m| m["accessible"] == true);
        assert_eq!(facts[2], u8::from(step_free), "{}", g["slug"]);
        let mut slots: Vec<Value> = meetings
            .iter()
            .filter(|m| m["weekday"].is_string() && m["start"].is_string())
            .map(|m| {
                let hour: u32 = m["start"].as_str().unwrap()[..2]
                    .trim_end_matches(':')
                    .parse()
                    .unwrap();
                let time = if hour < 12 {
                    "morning"
                } else if hour < 17 {
                    "afternoon"
                } else {
                    "evening"
                };
                serde_json::json!([m["weekday"], time])
            })
            .collect();
        slots.dedup();
        assert_eq!(facts[3], Value::Array(slots), "{}", g["slug"]);
        let languages: Vec<&Value> = g["languages"]
            .as_array()
            .unwrap()
            .iter()
            .filter(|l| *l != "de")
            .collect();
        assert_eq!(facts[4], serde_json::json!(languages), "{}", g["slug"]);
    }
    // Organisations and contact points carry no facts: filters list groups.
    assert!(
        entries
            .iter()
            .filter(|e| e[0] != "group")
            .all(|e| e[9].is_null())
    );
    // A confidential group still says it is step-free (it names no place).
    let hidden = entries
        .iter()
        .find(|e| e[1] == "frauen-nach-gewalterfahrung")
        .unwrap();
    assert_eq!(hidden[9][2], 1);
    // The sample has something for every filter.
    let with = |i: usize, code: &str| entries.iter().filter(|e| has(&e[9][i], code)).count();
    for (i, code) in [
        (0, "relatives"),
        (0, "affected"),
        (1, "online"),
        (1, "in-person"),
    ] {
        assert!(with(i, code) > 0, "no group with {code}");
    }
    let slot = |code: &str| {
        entries
            .iter()
            .filter(|e| {
                e[9][3]
                    .as_array()
                    .is_some_and(|s| s.iter().any(|s| s[1] == code))
            })
            .count()
    };
    for t in ["morning", "afternoon", "evening"] {
        assert!(slot(t) > 0, "no group meets {t}");
    }
    assert!(entries.iter().any(|e| e[8] == "founding") && entries.iter().any(|e| e[8] == "full"));
    // The reader's question of issue 17: online groups for relatives, in the evening.
    let asked = entries.iter().filter(|e| {
        has(&e[9][0], "relatives")
            && has(&e[9][1], "online")
            && e[9][3]
                .as_array()
                .is_some_and(|s| s.iter().any(|s| s[1] == "evening"))
    });
    assert!(
        asked.count() >= 2,
        "the sample answers the three-click question with more than one group"
    );
}

#[test]
fn search_page_has_every_filter_as_a_labelled_native_control() {
    let page = read("suche/index.html");
    // One fieldset with a legend per filter, inside the GET form to /suche/.
    let form = &page[page.find("<form").unwrap()..page.find("</form>").unwrap()];
    assert!(form.contains("action=\"/suche/\" method=\"get\""));
    for legend in [
        "Für wen?",
        "Wie trifft sich die Gruppe?",
        "Zugang",
        "Wochentag",
        "Tageszeit",
        "Stadtteil",
        "Sprache außer Deutsch",
        "Stand der Gruppe",
    ] {
        assert!(
            form.contains(&format!(">{legend}</legend>")),
            "legend {legend}"
        );
    }
    assert_eq!(form.matches("<fieldset>").count(), 8);
    // Checkboxes with visible labels in plain German.
    for (id, label) in [
        ("fuer-relatives", "für Angehörige"),
        ("fuer-affected", "für Betroffene"),
        ("form-in-person", "vor Ort"),
        ("form-online", "online"),
        ("zugang-step-free", "stufenlos zugänglich"),
        ("zeit-evening", "abends (ab 17 Uhr)"),
        ("stand-founding", "in Gründung"),
        ("ohne-full", "volle Gruppen ausblenden"),
    ] {
        assert!(
            form.contains(&format!("<input type=\"checkbox\" id=\"{id}\"")),
            "{id}"
        );
        assert!(
            form.contains(&format!("<label for=\"{id}\">{label}</label>")),
            "{id}: {label}"
        );
    }
    // "Hide full groups" is off by default: nothing is ticked or chosen.
    assert!(!form.contains("checked") && !form.contains("selected"));
    // The directory's own districts and languages, in German order.
    let districts: Vec<String> = attrs(
        &form[form.find("id=\"stadtteil\"").unwrap()..form.find("id=\"legend-sprache\"").unwrap()],
        "value",
    );
    assert_eq!(
        districts,
        [
            "",
            "Altstadt",
            "Musterdorf",
            "Nord",
            "Oststadt",
            "Süd",
            "Weststadt"
        ]
    );
    let languages = &form[form.find("id=\"sprache\"").unwrap()..];
    assert!(languages.contains("<option value=\"tr\">Türkisch</option>"));
    assert!(
        !languages.contains("value=\"de\""),
        "German is no filter choice"
    );
    // Without JavaScript: the notice and links to A–Z, topics and the static lists.
    assert!(page.contains("<noscript>"));
    for href in [
        "/a-z/a/",
        "/themen/",
        "/suche/gruendung/",
        "/suche/online/",
        "/suche/angehoerige/",
    ] {
        assert!(page.contains(&format!("href=\"{href}\"")), "{href}");
    }
    // Every word comes from the theme's table: the script has no German.
    let js = read("static/search.js");
    for word in [
        "Treffer",
        "Gruppe ",
        "Filter ",
        "gefunden",
        "für",
        "Angehörige",
    ] {
        assert!(
            !js.lines()
                .filter(|l| !l.trim_start().starts_with(['*', '/']))
                .any(|l| l.contains(word)),
            "German in search.js: {word}"
        );
    }
}

#[test]
fn static_lists_hold_their_groups_in_a_to_z_order() {
    let sitemap = read("sitemap.xml");
    let robots = read("robots.txt");
    for (path, pred, search) in [
        (
            "suche/gruendung/",
            Box::new(|g: &Value| g["status"] == "founding") as Box<dyn Fn(&Value) -> bool>,
            "stand=founding",
        ),
        (
            "suche/online/",
            Box::new(|g: &Value| g["format"] == "online" || g["format"] == "hybrid"),
            "form=online",
        ),
        (
            "suche/angehoerige/",
            Box::new(|g: &Value| has(&g["audience"], "relatives")),
            "fuer=relatives",
        ),
    ] {
        let html = read(&format!("{path}index.html"));
        let main = &html[html.find("<main").unwrap()..html.find("</main>").unwrap()];
        let list = &main[main.find("<ul class=\"entries\">").unwrap()..];
        let list = &list[..list.find("</ul>").unwrap()];
        let shown: Vec<String> = attrs(list, "href");
        let expected: Vec<String> = export_groups(pred)
            .iter()
            .map(|g| format!("/gruppen/{}/", g["slug"].as_str().unwrap()))
            .collect();
        assert!(!expected.is_empty(), "{path}: the sample has such groups");
        assert_eq!(
            shown, expected,
            "{path}: every such group, A–Z, nothing else"
        );
        assert!(
            main.contains(&format!("href=\"/suche/?{search}\"")),
            "{path}: links the same filter on /suche/"
        );
        assert!(
            sitemap.contains(&format!(
                "<loc>https://selbsthilfe-musterstadt.example/{path}</loc>"
            )),
            "{path} in sitemap"
        );
        assert!(!html.contains("noindex"), "{path}: indexable");
        // robots.txt keeps crawlers off results and the index, not the lists.
        assert!(
            !robots.lines().any(|l| format!("/{path}")
                .starts_with(l.trim_start_matches("Disallow: "))
                && l.starts_with("Disallow")),
            "{robots}"
        );
    }
    assert!(
        robots.contains("Disallow: /suche/?\n") && robots.contains("Disallow: /suche/index.json\n"),
        "{robots}"
    );
}

#[test]
fn start_page_shows_the_groups_in_founding_and_links_the_lists() {
    let index = read("index.html");
    let section = &index[index.find("id=\"gruendung\"").unwrap()..];
    let section = &section[..section.find("</section>").unwrap()];
    assert!(section.contains(">Diese Gruppen suchen Mitglieder</h2>"));
    let founding = export_groups(|g| g["status"] == "founding");
    assert!(founding.len() >= 2);
    for g in &founding {
        let slug = g["slug"].as_str().unwrap();
        assert!(
            section.contains(&format!(
                "<a href=\"/gruppen/{slug}/\">{}</a>",
                g["name"].as_str().unwrap()
            )),
            "{slug}"
        );
    }
    // Only groups in founding are there.
    assert_eq!(
        section.matches("<a href=\"/gruppen/").count(),
        founding.len()
    );
    // With the primary topic and a call to get in touch through the contact point.
    assert!(
        section.contains(
            "Sie möchten mitmachen? Die Kontaktstelle bringt Sie mit der Gruppe in Kontakt"
        )
    );
    assert!(section.contains("<address class=\"contact\">"));
    for g in &founding {
        let name = g["answered_by"]["name"].as_str().unwrap();
        assert!(section.contains(name), "contact point {name}");
    }
    // Static lists for readers without JavaScript, with their counts.
    assert!(index.contains(&format!(
        "<a href=\"/suche/gruendung/\">Gruppen in Gründung</a> <span class=\"count\">({})</span>",
        founding.len()
    )));
    assert!(index.contains("<a href=\"/suche/online/\">Gruppen online</a>"));
    assert!(index.contains("<a href=\"/suche/angehoerige/\">Gruppen für Angehörige</a>"));
}

#[test]
fn leichte_sprache_page_is_linked_from_start_page_and_footer() {
    let page = read("leichte-sprache/index.html");
    assert!(page.contains("<article class=\"page easy-language\" lang=\"de\">"));
    assert!(page.contains("<h1>Leichte Sprache: Was ist eine Selbsthilfe-Gruppe?</h1>"));
    // One statement per line: no line of the text is longer than a short sentence.
    let article = &page[page.find("<article").unwrap()..page.find("</article>").unwrap()];
    for sentence in article.split("<br />").flat_map(|s| s.split("<p>")) {
        let text = sentence.split('<').next().unwrap_or("").trim();
        assert!(text.split_whitespace().count() <= 12, "long line: {text}");
    }
    let index = read("index.html");
    assert!(index.contains("<p class=\"easy-language\"><a href=\"/leichte-sprache/\">"));
    // In the footer of every page, not among the teasers.
    assert!(!index.contains("Weiterlesen: Leichte Sprache"));
    for (path, html) in html_files(site()) {
        let footer = &html[html.find("<footer").unwrap()..];
        assert!(
            footer.contains("<a href=\"/leichte-sprache/\">Leichte Sprache</a>"),
            "{path}"
        );
    }
    assert!(read("sitemap.xml").contains("/leichte-sprache/</loc>"));
}
