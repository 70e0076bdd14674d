//! Generates a synthetic directory that follows the contract, for
//! benchmarks: `cargo run --example gen -- --groups 10000 --out /tmp/d10k
//! [--hugo /tmp/h10k]`. Deterministic (fixed seed): the same arguments give
//! the same files. With `--hugo`, the same content is also written as a Hugo
//! site whose templates do equivalent work (a page per group with its
//! indications linked, a taxonomy page per indication, a page per initial
//! letter, a sitemap).

use std::fmt::Write as _;
use std::fs;
use std::path::{Path, PathBuf};

/// splitmix64: small, fast, deterministic.
struct Rng(u64);
impl Rng {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }
    fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }
    fn pick<'a>(&mut self, items: &[&'a str]) -> &'a str {
        items[self.below(items.len())]
    }
}

const STEMS: &[&str] = &[
    "Diabetes",
    "Ängste",
    "Übergewicht",
    "Öffentlich sprechen",
    "Zöliakie",
    "Rheuma",
    "Sucht",
    "Depression",
    "Trauer",
    "Krebs",
    "Schmerz",
    "Epilepsie",
    "Parkinson",
    "Demenz",
    "Tinnitus",
    "Straßenkinder",
    "Großeltern",
    "Allergie",
    "Autismus",
    "Borderline",
    "Essstörung",
    "Fibromyalgie",
    "Herz",
    "Lunge",
    "Niere",
    "Stottern",
];
const PLACES: &[&str] = &[
    "Musterstadt",
    "Musterdorf",
    "Beispielheim",
    "Altstadt",
    "Weststadt",
    "Nordhausen",
    "Süderfeld",
    "Östringen",
    "Überlingen-Mitte",
    "Großhain",
];
const KINDS: &[&str] = &[
    "Selbsthilfegruppe",
    "Gesprächskreis",
    "Treff",
    "Elterngruppe",
    "Angehörigengruppe",
    "Online-Runde",
];
const CATEGORIES: &[&str] = &[
    "Chronische Erkrankungen",
    "Sucht",
    "Psychische Erkrankungen",
    "Behinderung",
    "Krebs",
    "Familie und Soziales",
    "Angehörige",
    "Seltene Erkrankungen",
    "Neurologische Erkrankungen",
    "Ältere Menschen",
    "Frauen",
    "Männer",
];
const WEEKDAYS: &[&str] = &[
    "monday",
    "tuesday",
    "wednesday",
    "thursday",
    "friday",
    "saturday",
];
const WORDS: &[&str] = &[
    "Wir",
    "treffen",
    "uns",
    "regelmäßig",
    "und",
    "sprechen",
    "über",
    "Erfahrungen",
    "mit",
    "der",
    "Krankheit",
    "im",
    "Alltag",
    "Neue",
    "Teilnehmende",
    "sind",
    "herzlich",
    "willkommen",
    "Gemeinsam",
    "finden",
    "wir",
    "Wege",
    "Ärzte",
    "Behörden",
    "Familie",
    "Beruf",
    "Mut",
    "Austausch",
    "vertraulich",
    "offen",
    "gegenseitig",
];

fn paragraph(rng: &mut Rng) -> String {
    let n = 40 + rng.below(40);
    let mut s = String::new();
    for i in 0..n {
        if i > 0 {
            s.push(' ');
        }
        s.push_str(rng.pick(WORDS));
    }
    s.push('.');
    s
}

fn slugify(s: &str) -> String {
    let mut out = String::new();
    for c in s.to_lowercase().chars() {
        match c {
            'ä' => out.push_str("ae"),
            'ö' => out.push_str("oe"),
            'ü' => out.push_str("ue"),
            'ß' => out.push_str("ss"),
            c if c.is_ascii_alphanumeric() => out.push(c),
            _ if !out.ends_with('-') && !out.is_empty() => out.push('-'),
            _ => {}
        }
    }
    out.trim_end_matches('-').to_owned()
}

fn write(path: &Path, text: &str) {
    fs::create_dir_all(path.parent().unwrap()).unwrap();
    fs::write(path, text).unwrap();
}

struct Group {
    slug: String,
    name: String,
    indications: Vec<usize>,
    body: String,
}

fn main() {
    let args: Vec<String> = std::env::args().collect();
    let get = |flag: &str| {
        args.iter()
            .position(|a| a == flag)
            .and_then(|i| args.get(i + 1))
            .cloned()
    };
    let groups: usize = get("--groups").and_then(|s| s.parse().ok()).unwrap_or(1000);
    let out = PathBuf::from(get("--out").unwrap_or_else(|| "/tmp/wegweiser-bench".into()));
    let hugo = get("--hugo").map(PathBuf::from);
    let mut rng = Rng(0x5EED_2027);

    let _ = fs::remove_dir_all(&out);
    write(
        &out.join("wegweiser.toml"),
        "title = \"Selbsthilfe-Wegweiser Benchmark\"\nbase_url = \"https://bench.example\"\nlanguage = \"de\"\n\n[publisher]\nname = \"KISS Benchmark\"\nphone = \"01234 5678-0\"\n",
    );

    // 300 indications.
    let mut ind_names: Vec<String> = Vec::new();
    let mut toml = String::new();
    for i in 0..300 {
        let name = format!("{} {}", STEMS[i % STEMS.len()], i / STEMS.len() + 1);
        let id = slugify(&name);
        let _ = writeln!(
            toml,
            "[{id}]\nname = \"{name}\"\ncategory = \"{}\"\nsynonyms = [\"{} Synonym {i}\"]\n",
            CATEGORIES[i % CATEGORIES.len()],
            STEMS[(i + 7) % STEMS.len()]
        );
        ind_names.push(name);
    }
    write(&out.join("content/indications.toml"), &toml);
    let ind_ids: Vec<String> = ind_names.iter().map(|n| slugify(n)).collect();

    let organisations = (groups / 20).max(1);
    for o in 0..organisations {
        let name = format!("Landesverband {} {} e.V.", rng.pick(STEMS), o + 1);
        write(
            &out.join(format!("content/organisations/org-{o}.md")),
            &format!(
                "+++\nname = \"{name}\"\nlevel = \"state\"\nverified = 2026-0{}-1{}\nindications = [\"{}\"]\nphone = \"01234 {o:05}\"\n+++\n{}\n",
                1 + rng.below(9),
                rng.below(10),
                ind_ids[rng.below(300)],
                paragraph(&mut rng)
            ),
        );
    }
    let contact_points = (groups / 200).max(1);
    for c in 0..contact_points {
        write(
            &out.join(format!("content/contact-points/kontaktstelle-{c}.md")),
            &format!(
                "+++\nname = \"Kontaktstelle {} {c}\"\nverified = 2026-05-04\nphone = \"01234 777{c:03}\"\nopening_hours = [\"Mo–Do 9–16 Uhr\"]\n+++\n{}\n",
                rng.pick(PLACES),
                paragraph(&mut rng)
            ),
        );
    }

    let mut all: Vec<Group> = Vec::with_capacity(groups);
    for g in 0..groups {
        let name = format!(
            "{} {} {} {}",
            rng.pick(STEMS),
            rng.pick(KINDS),
            rng.pick(PLACES),
            g + 1
        );
        let slug = format!("{}-{g}", slugify(&name));
        let n = 1 + rng.below(3);
        let mut inds: Vec<usize> = Vec::new();
        while inds.len() < n {
            let i = rng.below(300);
            if !inds.contains(&i) {
                inds.push(i);
            }
        }
        let body = format!(
            "{}\n\n{}\n\n{}\n",
            paragraph(&mut rng),
            paragraph(&mut rng),
            paragraph(&mut rng)
        );
        let meeting = match rng.below(4) {
            0 => format!("rhythm = \"weekly\"\nweekday = \"{}\"\nstart = \"19:00\"\nend = \"21:00\"", rng.pick(WEEKDAYS)),
            1 => "rhythm = \"biweekly\"\nweekday = \"monday\"\nfirst_date = 2026-01-05\nstart = \"18:00\"".to_string(),
            2 => format!("rhythm = \"monthly\"\nweekday = \"{}\"\nweeks = [2, 4]\nstart = \"15:00\"\nend = \"17:00\"", rng.pick(WEEKDAYS)),
            _ => "rhythm = \"irregular\"".to_owned(),
        };
        let text = format!(
            "+++\nname = \"{name}\"\nindications = [{}]\naudience = [\"affected\", \"relatives\"]\nformat = \"in-person\"\nstatus = \"active\"\nverified = 2026-0{}-1{}\norganisation = \"org-{}\"\ncontact_point = \"kontaktstelle-{}\"\ndistrict = \"{}\"\n\n[[meetings]]\n{meeting}\nplace = \"Selbsthilfetreff, Raum {}\"\naddress = \"Hauptstraße {}, 12345 Musterstadt\"\naccessible = true\n\n[contact]\nvia_contact_point = true\n+++\n{body}",
            inds.iter()
                .map(|&i| format!("\"{}\"", ind_ids[i]))
                .collect::<Vec<_>>()
                .join(", "),
            1 + rng.below(9),
            rng.below(10),
            rng.below(organisations),
            rng.below(contact_points),
            rng.pick(PLACES),
            1 + rng.below(9),
            1 + rng.below(200),
        );
        write(&out.join(format!("content/groups/{slug}.md")), &text);
        all.push(Group {
            slug,
            name,
            indications: inds,
            body,
        });
    }
    eprintln!(
        "gen: {groups} groups, {organisations} organisations, {contact_points} contact points → {}",
        out.display()
    );

    if let Some(h) = hugo {
        write_hugo(&h, &all, &ind_names);
        eprintln!("gen: Hugo site → {}", h.display());
    }
}

/// The same groups as a Hugo site with equivalent templates.
fn write_hugo(dir: &Path, groups: &[Group], ind_names: &[String]) {
    let _ = fs::remove_dir_all(dir);
    write(
        &dir.join("hugo.toml"),
        "baseURL = \"https://bench.example/\"\nlanguageCode = \"de\"\ntitle = \"Benchmark\"\ndisableKinds = [\"RSS\"]\n[taxonomies]\nindication = \"indications\"\nletter = \"letters\"\n",
    );
    for g in groups {
        let letter = g.name.chars().next().map(|c| match c {
            'Ä' => 'a',
            'Ö' => 'o',
            'Ü' => 'u',
            c => c.to_ascii_lowercase(),
        });
        let inds = g
            .indications
            .iter()
            .map(|&i| format!("\"{}\"", ind_names[i]))
            .collect::<Vec<_>>()
            .join(", ");
        write(
            &dir.join(format!("content/gruppen/{}.md", g.slug)),
            &format!(
                "+++\ntitle = \"{}\"\nindications = [{inds}]\nletters = [\"{}\"]\n+++\n{}",
                g.name,
                letter.unwrap_or('0'),
                g.body
            ),
        );
    }
    let base = r#"<!DOCTYPE html><html lang="de"><head><meta charset="utf-8"><title>{{ .Title }}</title></head><body><header><a href="{{ "/" | relURL }}">{{ .Site.Title }}</a></header><main>{{ block "main" . }}{{ end }}</main></body></html>"#;
    write(&dir.join("layouts/_default/baseof.html"), base);
    write(
        &dir.join("layouts/_default/single.html"),
        r#"{{ define "main" }}<h1>{{ .Title }}</h1>{{ .Content }}<ul>{{ range .GetTerms "indications" }}<li><a href="{{ .RelPermalink }}">{{ .LinkTitle }}</a></li>{{ end }}</ul>{{ end }}"#,
    );
    write(
        &dir.join("layouts/_default/list.html"),
        r#"{{ define "main" }}<h1>{{ .Title }}</h1><ul>{{ range .Pages.ByTitle }}<li><a href="{{ .RelPermalink }}">{{ .Title }}</a></li>{{ end }}</ul>{{ end }}"#,
    );
    write(
        &dir.join("layouts/_default/terms.html"),
        r#"{{ define "main" }}<h1>{{ .Title }}</h1><ul>{{ range .Data.Terms.Alphabetical }}<li><a href="{{ .Page.RelPermalink }}">{{ .Page.Title }}</a> ({{ .Count }})</li>{{ end }}</ul>{{ end }}"#,
    );
    write(
        &dir.join("layouts/index.html"),
        r#"{{ define "main" }}<h1>{{ .Site.Title }}</h1>{{ end }}"#,
    );
}
