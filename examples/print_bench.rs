//! AD-HOC (not to be committed): synthetic edition of N groups, render, time.
//! cargo run --example print_bench -- N OUT.pdf [topics|a-z] [extra print toml]
use std::time::Instant;
use wegweiser::diagnostics::{Diagnostics, Sources};
use wegweiser::load::{self, Theme};
use wegweiser::render::print;
use wegweiser::validate;

fn cpu() -> f64 {
    let stat = std::fs::read_to_string("/proc/self/stat").unwrap();
    let rest = &stat[stat.rfind(')').unwrap() + 2..];
    let f: Vec<&str> = rest.split_whitespace().collect();
    (f[11].parse::<f64>().unwrap() + f[12].parse::<f64>().unwrap()) / 100.0
}

fn main() {
    let args: Vec<String> = std::env::args().collect();
    let n: usize = args.get(1).and_then(|s| s.parse().ok()).unwrap_or(1000);
    let out = args.get(2).cloned().unwrap_or("/tmp/bench.pdf".into());
    let arrangement = args.get(3).cloned().unwrap_or("topics".into());
    let extra = args.get(4).cloned().unwrap_or_default();
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path();
    let w = |rel: &str, text: &str| {
        let p = root.join(rel);
        std::fs::create_dir_all(p.parent().unwrap()).unwrap();
        std::fs::write(p, text).unwrap();
    };
    w("wegweiser.toml", &format!("title = \"Selbsthilfe-Wegweiser Musterstadt\"\nbase_url = \"https://x.example\"\nlanguage = \"de\"\n[publisher]\nname = \"KISS Musterstadt\"\naddress = \"Marktplatz 1, 12345 Musterstadt\"\nphone = \"01234 5678-0\"\nemail = \"info@kiss-musterstadt.example\"\nwebsite = \"https://kiss-musterstadt.example\"\n[print]\narrangement = \"{arrangement}\"\nfunding_note = \"Die Herausgabe wird gefördert von den Krankenkassen nach § 20h SGB V.\"\n{extra}\n"));
    let cats = ["Chronische Erkrankungen", "Psychische Erkrankungen", "Sucht", "Behinderungen", "Soziale Themen", "Eltern und Familie", "Krebs", "Seltene Erkrankungen"];
    let topics = ["Diabetes", "Adipositas", "Ängste", "Depression", "Alkohol", "Glücksspiel", "Rheuma", "Multiple Sklerose", "Trauer", "Pflegende Angehörige", "Brustkrebs", "Prostatakrebs", "Zöliakie", "Morbus Crohn", "Schlaganfall", "Tinnitus", "Borderline", "Essstörungen", "Autismus", "ADHS", "Alleinerziehende", "Einsamkeit", "Parkinson", "Epilepsie"];
    let mut ind = String::new();
    for (i, t) in topics.iter().enumerate() {
        let id = format!("t{i}");
        ind.push_str(&format!("[{id}]\nname = \"{t}\"\ncategory = \"{}\"\nsynonyms = [\"{t}-Synonym\"]\n\n", cats[i % cats.len()]));
    }
    w("content/indications.toml", &ind);
    let words = ["Nord", "Süd", "Mitte", "West", "Ost", "Altstadt", "Hafen", "Bergheim", "Zentrum", "Jung", "Alt", "Frauen", "Männer", "Eltern", "Online"];
    for i in 0..n {
        let t = i % topics.len();
        let t2 = (i * 7 + 3) % topics.len();
        let name = format!("{} {} {}", topics[t], words[i % words.len()], i);
        let inds = if i % 3 == 0 { format!("[\"t{t}\", \"t{t2}\"]") } else { format!("[\"t{t}\"]") };
        let meeting = format!("[[meetings]]\nrhythm = \"monthly\"\nweekday = \"tuesday\"\nweeks = [{}]\nstart = \"19:00\"\nend = \"21:00\"\nplace = \"Selbsthilfetreff, Raum {}\"\naddress = \"Hauptstraße {}, 12345 Musterstadt\"\naccessible = {}\n{}", 1 + i % 4, i % 5, i % 90, i % 2 == 0, if i % 4 == 0 { "note = \"nicht in den Schulferien\"\n" } else { "" });
        let contact = if i % 2 == 0 { format!("[contact]\nperson = \"Frau M. {i}\"\nphone = \"01234 98{i:04}\"\nemail = \"gruppe{i}@example.org\"\nconsent = 2026-03-01\nwebsite = \"https://gruppe{i}.example\"\n") } else { String::new() };
        let status = match i % 17 { 3 => "founding", 5 => "full", _ => "active" };
        let desc = "Wir sind eine Gruppe von Menschen, die sich regelmäßig treffen, um Erfahrungen auszutauschen und einander **Mut** zu machen. Neue Mitglieder sind *herzlich* willkommen.";
        let lang = if i % 11 == 0 { "languages = [\"de\", \"tr\"]\n" } else { "" };
        w(&format!("content/groups/g{i}.md"), &format!("+++\nname = \"{name}\"\nindications = {inds}\naudience = [\"affected\", \"relatives\"]\nformat = \"in-person\"\nstatus = \"{status}\"\nverified = 2026-09-14\n{lang}district = \"{}\"\nsince = 2011\n{meeting}{contact}+++\n{desc}\n", words[i % words.len()]));
    }
    w("content/organisations/lv.md", "+++\nname = \"Landesverband Diabetes\"\nlevel = \"state\"\nverified = 2026-05-01\nindications = [\"t0\"]\nphone = \"0300 1234\"\nemail = \"info@lv.example\"\nwebsite = \"https://lv.example\"\naddress = \"Ring 2, 10000 Landeshauptstadt\"\naliases = [\"LVD\"]\n+++\nDer Verband berät Betroffene und Angehörige.\n");
    w("content/contact-points/kiss.md", "+++\nname = \"KISS Musterstadt\"\nverified = 2026-06-01\naddress = \"Marktplatz 1, 12345 Musterstadt\"\nphone = \"01234 5678-0\"\nopening_hours = [\"Mo–Do 9–16 Uhr\", \"Fr 9–12 Uhr\"]\n+++\nDie Kontaktstelle berät rund um die Selbsthilfe.\n");
    w("content/pages/vorwort.md", "+++\ntitle = \"Vorwort\"\nweight = 1\n+++\nLiebe Leserinnen und Leser,\n\nin diesem Wegweiser finden Sie **alle** Selbsthilfegruppen unserer Stadt.\n\n## Was ist Selbsthilfe?\n\nMenschen mit dem gleichen Anliegen treffen sich:\n\n- regelmäßig,\n- freiwillig und\n- kostenlos.\n\nIhre KISS Musterstadt\n");
    if let Ok(c) = std::env::var("COVER") {
        let p = root.join("content/images/cover.png");
        std::fs::create_dir_all(p.parent().unwrap()).unwrap();
        std::fs::copy(c, p).unwrap();
    }
    // Use the template on disk without recompiling.
    let src = std::env::var("TEMPLATE").map(std::path::PathBuf::from).unwrap_or_else(|_| std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("themes/default/print/wegweiser.typ"));
    w("themes/default/print/wegweiser.typ", &std::fs::read_to_string(src).unwrap());
    let mut sources = Sources::default();
    let mut diags = Diagnostics::default();
    let raw = load::load(root, &mut sources, &mut diags);
    let d = validate::validate(raw, &mut diags).expect("valid");
    let theme = Theme::load(root, "default", &mut diags);
    let edition = d.edition(2027);
    let t = Instant::now();
    let (src, data) = print::typst_source_and_data(&edition, &theme);
    std::fs::write("/tmp/bench-data.json", &data).unwrap();
    let _ = src;
    println!("data: {:?} ({} bytes)", t.elapsed(), data.len());
    let rounds: usize = std::env::var("ROUNDS").ok().and_then(|s| s.parse().ok()).unwrap_or(2);
    for round in 0..rounds {
        let t = Instant::now();
        let c = cpu();
        match print::render_with_warnings(&edition, &theme) {
            Ok((pdf, warnings)) => {
                println!("round {round}: {n} groups, {} pages, {} bytes, {:?} wall, {:.2} s cpu", pdf.pages, pdf.bytes.len(), t.elapsed(), cpu() - c);
                for w in warnings.iter().take(10) { println!("{w}"); }
                std::fs::write(&out, &pdf.bytes).unwrap();
            }
            Err(e) => { for x in e { println!("{x}"); } std::process::exit(1); }
        }
    }
}
