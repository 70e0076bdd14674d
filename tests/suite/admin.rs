//! `/admin/`: the browser editor (Decap CMS) and its generated
//! configuration; `[editing]` in wegweiser.toml; the TOML forms Decap
//! writes, which `check` accepts; the editors' guide's field reference.
//! The editor itself is driven in Chromium by tests/browser/admin.mjs.

use std::collections::{BTreeMap, BTreeSet};

use crate::common::*;
use crate::serve_common::*;
use serde_json::Value;

const EDITING_GITHUB: &str = "\n[editing]\nbackend = \"github\"\nrepo = \"kiss-teststadt/wegweiser\"\nauth_url = \"https://auth.kiss-teststadt.example\"\n";

fn root_with(editing: &str) -> Root {
    let r = Root::new();
    r.write("wegweiser.toml", &format!("{SETTINGS}{editing}"));
    r.write(
        "content/organisations/ddb.md",
        "+++\nname = \"Diabetikerbund Landesverband\"\nlevel = \"state\"\nverified = 2026-01-10\n+++\n",
    );
    r.write(
        "content/contact-points/kiss.md",
        "+++\nname = \"KISS Teststadt\"\nverified = 2026-01-10\n+++\n",
    );
    r.write(
        "content/pages/impressum.md",
        "+++\ntitle = \"Impressum\"\n+++\nText.\n",
    );
    r
}

fn build(r: &Root) -> std::path::PathBuf {
    let run = r.run(&["build", "--root", ".", "--only", "web"]);
    assert_eq!(run.code, 0, "{}", run.all());
    r.path().join("output/site")
}

fn config(site: &std::path::Path) -> Value {
    let text = std::fs::read_to_string(site.join("admin/config.yml")).expect("admin/config.yml");
    // JSON is YAML: read it with a YAML parser, as Decap does.
    serde_norway::from_str(&text).expect("config.yml is YAML")
}

fn collection<'a>(c: &'a Value, name: &str) -> &'a Value {
    c["collections"]
        .as_array()
        .unwrap()
        .iter()
        .find(|x| x["name"] == name)
        .unwrap_or_else(|| panic!("collection {name}"))
}

/// Every field of a collection (nested ones as `table.field`) with its field object.
fn fields(coll: &Value) -> BTreeMap<String, Value> {
    fn walk(prefix: &str, fields: &Value, out: &mut BTreeMap<String, Value>) {
        for f in fields.as_array().into_iter().flatten() {
            let name = format!("{prefix}{}", f["name"].as_str().unwrap());
            if f.get("fields").is_some() {
                walk(&format!("{name}."), &f["fields"], out);
            }
            out.insert(name, f.clone());
        }
    }
    let mut out = BTreeMap::new();
    walk("", &coll["fields"], &mut out);
    out
}

/// Every property of `wegweiser schema KIND` (nested tables as `table.field`).
fn schema_fields(kind: &str) -> BTreeSet<String> {
    let r = run_in(&repo(), &["schema", kind]);
    assert_eq!(r.code, 0, "{}", r.all());
    let doc: Value = serde_json::from_str(&r.stdout).unwrap();
    let defs = doc["$defs"].clone();
    let resolve = |v: &Value| -> Value {
        let v = v.get("allOf").and_then(|a| a.get(0)).unwrap_or(v);
        match v.get("$ref").and_then(Value::as_str) {
            Some(r) => defs[r.rsplit('/').next().unwrap()].clone(),
            None => v.clone(),
        }
    };
    let mut out = BTreeSet::new();
    for (name, prop) in doc["properties"].as_object().unwrap() {
        out.insert(name.clone());
        let p = resolve(prop);
        let inner = if p["type"] == "array" {
            resolve(&p["items"])
        } else {
            p
        };
        if let Some(props) = inner["properties"].as_object() {
            for n in props.keys() {
                out.insert(format!("{name}.{n}"));
            }
        }
    }
    out
}

#[test]
fn build_writes_admin_only_with_editing() {
    let plain = root_with("");
    let site = build(&plain);
    assert!(site.join("index.html").is_file());
    assert!(!site.join("admin").exists(), "no [editing]: no /admin/");

    let r = root_with(EDITING_GITHUB);
    let site = build(&r);
    for f in [
        "admin/editor.js",
        "admin/index.html",
        "admin/config.yml",
        "admin/decap-cms.js",
        "admin/LICENSE.txt",
    ] {
        assert!(site.join(f).is_file(), "{f} missing");
    }
    let index = std::fs::read_to_string(site.join("admin/index.html")).unwrap();
    assert!(
        index.contains("<script src=\"/admin/decap-cms.js\"></script>"),
        "{index}"
    );
    assert!(
        index.contains("registerPreviewStyle(\"/static/style.css\")"),
        "{index}"
    );
    assert!(
        !index.contains("https://"),
        "the editor loads nothing from another host: {index}"
    );
    // German file names for new entries: the wrapper finds Decap's accent
    // remover by content; the vendored bundle must still hold it.
    assert!(
        index.contains("self.webpackChunkDecapCms") && index.contains("\"ä\": \"ae\""),
        "{index}"
    );
    let decap = std::fs::read_to_string(site.join("admin/decap-cms.js")).unwrap();
    assert!(decap.contains("webpackChunkDecapCms") && decap.contains("base:\"AA\",chars:"));
    assert!(
        decap.contains("console.log(\"decap-cms 3.16.3\")"),
        "the pinned version"
    );
    assert!(!decap.contains("sourceMappingURL"), "no source map pointer");
    let c = config(&site);
    assert_eq!(c["locale"], "de");
    assert_eq!(c["backend"]["name"], "github");
    assert_eq!(c["backend"]["repo"], "kiss-teststadt/wegweiser");
    assert_eq!(c["backend"]["branch"], "main");
    assert_eq!(
        c["backend"]["base_url"],
        "https://auth.kiss-teststadt.example"
    );
    assert!(
        c.get("local_backend").is_none(),
        "a published editor has no local backend"
    );
    assert!(c.get("publish_mode").is_none());
    assert_eq!(c["media_folder"], "content/images");
    assert_eq!(c["public_folder"], "images");
    // Same input, same bytes.
    let again = build(&r);
    assert_eq!(
        std::fs::read(site.join("admin/config.yml")).unwrap(),
        std::fs::read(again.join("admin/config.yml")).unwrap()
    );
}

#[test]
fn collections_fields_widgets_and_choices() {
    let r = root_with(EDITING_GITHUB);
    let c = config(&build(&r));
    let names: Vec<&str> = c["collections"]
        .as_array()
        .unwrap()
        .iter()
        .map(|x| x["name"].as_str().unwrap())
        .collect();
    assert_eq!(
        names,
        ["groups", "organisations", "contact-points", "pages"]
    );
    for (kind, coll) in [
        ("group", "groups"),
        ("organisation", "organisations"),
        ("contact-point", "contact-points"),
        ("page", "pages"),
    ] {
        let coll = collection(&c, coll);
        assert_eq!(
            coll["folder"],
            format!("content/{}", coll["name"].as_str().unwrap())
        );
        assert_eq!(coll["format"], "toml-frontmatter");
        assert_eq!(coll["frontmatter_delimiter"], "+++");
        assert_eq!(coll["extension"], "md");
        assert_eq!(coll["create"], true);
        let have = fields(coll);
        for field in schema_fields(kind) {
            let f = have
                .get(&field)
                .unwrap_or_else(|| panic!("{kind}: field {field} is not in the editor"));
            assert!(f["widget"].is_string(), "{kind}.{field} has no widget");
            assert!(
                f["label"].as_str().is_some_and(|l| !l.is_empty()),
                "{kind}.{field} has no label"
            );
        }
        assert_eq!(have["body"]["widget"], "markdown");
    }
    let group = fields(collection(&c, "groups"));
    let widget = |f: &str| group[f]["widget"].as_str().unwrap().to_owned();
    for (f, w) in [
        ("name", "string"),
        ("audience", "select"),
        ("format", "select"),
        ("status", "select"),
        ("verified", "datetime"),
        ("ended", "datetime"),
        ("meetings", "list"),
        ("meetings.rhythm", "select"),
        ("meetings.weekday", "select"),
        ("meetings.weeks", "select"),
        ("meetings.first_date", "datetime"),
        ("meetings.start", "string"),
        ("meetings.accessible", "boolean"),
        ("contact", "object"),
        ("contact.consent", "datetime"),
        ("contact.via_contact_point", "boolean"),
        ("web", "boolean"),
        ("aliases", "list"),
        ("since", "number"),
    ] {
        assert_eq!(widget(f), w, "{f}");
    }
    // Required markers follow the schema.
    assert_eq!(group["name"]["required"], true);
    assert_eq!(group["verified"]["required"], true);
    assert_eq!(group["meetings.rhythm"]["required"], true);
    assert_eq!(group["ended"]["required"], false);
    assert_eq!(group["sort_as"]["required"], false);
    // Dates only, stored as YYYY-MM-DD.
    assert_eq!(group["verified"]["format"], "YYYY-MM-DD");
    assert_eq!(group["verified"]["time_format"], false);
    // Patterns with German messages.
    assert_eq!(
        group["meetings.start"]["pattern"][1],
        "Uhrzeit als HH:MM, z. B. 19:00"
    );
    assert!(
        group["contact.website"]["pattern"][0]
            .as_str()
            .unwrap()
            .contains("https?://")
    );
    assert!(
        group["contact.email"]["pattern"][0]
            .as_str()
            .unwrap()
            .contains('@')
    );
    // German labels of choices.
    let label = |f: &str, v: &str| {
        group[f]["options"]
            .as_array()
            .unwrap()
            .iter()
            .find(|o| o["value"] == v)
            .map(|o| o["label"].as_str().unwrap().to_owned())
    };
    assert_eq!(
        label("audience", "relatives").as_deref(),
        Some("Angehörige")
    );
    assert_eq!(
        label("meetings.weekday", "wednesday").as_deref(),
        Some("Mittwoch")
    );
    assert_eq!(
        label("meetings.rhythm", "biweekly").as_deref(),
        Some("14-täglich")
    );
    assert_eq!(group["meetings.weeks"]["multiple"], true);
    // Choices of ids: the directory's own, labelled with their names.
    let ids = |f: &str| -> Vec<(String, String)> {
        group[f]["options"]
            .as_array()
            .unwrap()
            .iter()
            .map(|o| {
                (
                    o["value"].as_str().unwrap().to_owned(),
                    o["label"].as_str().unwrap().to_owned(),
                )
            })
            .collect()
    };
    let indications: BTreeSet<String> = ids("indications").into_iter().map(|(id, _)| id).collect();
    assert_eq!(
        indications,
        ["adipositas", "aengste", "diabetes", "sucht"]
            .map(String::from)
            .into()
    );
    assert!(ids("indications").contains(&("aengste".into(), "Ängste".into())));
    assert_eq!(group["indications"]["multiple"], true);
    assert_eq!(group["indications"]["min"], 1);
    assert_eq!(
        ids("organisation"),
        [("ddb".to_owned(), "Diabetikerbund Landesverband".to_owned())]
    );
    assert_eq!(
        ids("contact_point"),
        [("kiss".to_owned(), "KISS Teststadt".to_owned())]
    );
    let org = fields(collection(&c, "organisations"));
    assert_eq!(org["level"]["widget"], "select");
    assert_eq!(org["indications"]["options"].as_array().unwrap().len(), 4);
}

#[test]
fn backends_from_editing() {
    let r = root_with(
        "\n[editing]\nbackend = \"gitea\"\nrepo = \"kiss/wegweiser\"\nbranch = \"redaktion\"\napi_root = \"https://git.example.org/api/v1\"\napp_id = \"abc-123\"\nreview = true\n",
    );
    let c = config(&build(&r));
    let b = &c["backend"];
    assert_eq!(b["name"], "gitea");
    assert_eq!(b["branch"], "redaktion");
    assert_eq!(b["app_id"], "abc-123");
    assert_eq!(b["auth_type"], "pkce");
    assert_eq!(b["api_root"], "https://git.example.org/api/v1");
    assert_eq!(b["base_url"], "https://git.example.org");
    assert_eq!(c["publish_mode"], "editorial_workflow");

    let r = root_with(
        "\n[editing]\nbackend = \"gitlab\"\nrepo = \"kiss/wegweiser\"\napp_id = \"xyz\"\n",
    );
    let c = config(&build(&r));
    assert_eq!(c["backend"]["name"], "gitlab");
    assert_eq!(c["backend"]["app_id"], "xyz");
    assert_eq!(c["backend"]["auth_type"], "pkce");
}

#[test]
fn editing_settings_are_checked() {
    let r = root_with(
        "\n[editing]\nbackend = \"gitea\"\nrepo = \"nur-ein-name\"\napi_root = \"git.example.org\"\n",
    );
    let out = r.check_fails().all();
    assert!(
        out.contains("error[invalid-repo]: wegweiser.toml:12:8:"),
        "{out}"
    );
    assert!(out.contains("besitzer/name"), "{out}");
    assert!(
        out.contains("error[invalid-url]: wegweiser.toml:13:12:"),
        "{out}"
    );
    assert!(
        out.contains("error[editing-field-missing]: wegweiser.toml:11:11:"),
        "{out}"
    );
    assert!(out.contains("`app_id`"), "{out}");

    let r = root_with("\n[editing]\nbackend = \"bitbucket\"\nrepo = \"a/b\"\n");
    let out = r.check_fails().all();
    assert!(out.contains("wegweiser.toml:11:11"), "{out}");

    let r = root_with("\n[editing]\nbackend = \"github\"\nrepo = \"a/b\"\n");
    let out = r.check_fails().all();
    assert!(out.contains("`auth_url`"), "{out}");
}

#[test]
fn admin_is_a_reserved_page_slug() {
    let r = Root::new();
    r.write(
        "content/pages/admin.md",
        "+++\ntitle = \"Verwaltung\"\n+++\n",
    );
    let out = r.check_fails().all();
    assert!(out.contains("reserved-slug"), "{out}");
}

/// What Decap CMS writes (measured in Chromium, see tests/browser/admin.mjs):
/// quoted dates, empty texts and lists for cleared fields. `check` reads
/// them as the contract means them.
#[test]
fn decap_forms_pass_check() {
    let r = Root::new();
    r.write(
        "content/groups/decap.md",
        "+++\nname = \"Angehörige Sucht\"\nsort_as = \"\"\naliases = []\nindications = [\"sucht\"]\naudience = [\"affected\", \"relatives\"]\nformat = \"in-person\"\nstatus = \"active\"\nverified = \"2026-11-02\"\norganisation = \"\"\ncontact_point = \"\"\ndistrict = \"\"\nended = \"\"\nweb = true\nprint = true\nconfidential = false\n\n[[meetings]]\nrhythm = \"monthly\"\nweekday = \"wednesday\"\nweeks = [2, 4]\nfirst_date = \"\"\nstart = \"19:00\"\nend = \"21:00\"\nplace = \"\"\nnote = \"\"\n\n[contact]\nvia_contact_point = true\nperson = \"\"\nphone = \"\"\nemail = \"\"\nconsent = \"\"\nwebsite = \"\"\n+++\nText.\n",
    );
    let run = r.run(&["check", "--root", "."]);
    assert_eq!(run.code, 0, "{}", run.all());
    let site = build(&r);
    let page = std::fs::read_to_string(site.join("gruppen/decap/index.html")).unwrap();
    assert!(page.contains("Angehörige Sucht"));
    assert!(
        page.contains("02.11.2026") || page.contains("2. November 2026"),
        "verified shows as a date"
    );

    // A required field stays required, a wrong date stays wrong, and an empty
    // name is no missing one.
    r.write("content/groups/decap.md", "+++\nname = \"\"\nindications = [\"sucht\"]\naudience = [\"affected\"]\nformat = \"online\"\nstatus = \"ended\"\nverified = \"14.09.2026\"\nended = \"\"\n+++\n");
    let out = r.check_fails().all();
    assert!(out.contains("empty-name"), "{out}");
    assert!(
        out.contains("content/groups/decap.md:7:12"),
        "the quoted non-date is located: {out}"
    );
    assert!(
        out.contains("ended-missing"),
        "an empty ended of an ended group is a missing one: {out}"
    );
    // Settings are no Decap file: "" keeps its meaning there (funding_note = "" is none).
}

#[test]
fn serve_config_has_the_local_backend() {
    // The render of `serve` (local_editing) without [editing].
    let r = root_with("");
    let project = wegweiser::project::Project::open(r.path(), 2026);
    let mut dir = project.directory.expect("valid");
    dir.settings.base_url = "http://127.0.0.1:4321".into();
    dir.settings.local_editing = true;
    let theme = wegweiser::load::Theme::built_in();
    let files = wegweiser::render::web::render(&dir, &theme).expect("render");
    let config: Value =
        serde_norway::from_slice(files.get("admin/config.yml").expect("config")).unwrap();
    assert_eq!(
        config["local_backend"]["url"],
        "http://127.0.0.1:4321/api/v1"
    );
    assert!(config["backend"]["name"].is_string());
    let index = String::from_utf8(files.get("admin/index.html").unwrap().to_vec()).unwrap();
    assert!(
        index.contains("location.hostname === \"localhost\""),
        "{index}"
    );
}

/// docs/redaktion.md holds the field reference generated from the types.
/// After a change of the fields: WEGWEISER_UPDATE_GOLDEN=1 cargo test --test suite admin::
#[test]
fn editors_guide_field_reference_is_current() {
    const START: &str = "<!-- field-reference:start (generated: WEGWEISER_UPDATE_GOLDEN=1 cargo test --test suite admin::) -->";
    const END: &str = "<!-- field-reference:end -->";
    let path = repo().join("docs/redaktion.md");
    let text = std::fs::read_to_string(&path).expect("docs/redaktion.md");
    let (before, rest) = text.split_once(START).expect("start marker");
    let (current, after) = rest.split_once(END).expect("end marker");
    let fresh = wegweiser::render::web::admin::field_reference();
    if std::env::var_os("WEGWEISER_UPDATE_GOLDEN").is_some() {
        std::fs::write(&path, format!("{before}{START}\n{fresh}\n{END}{after}")).unwrap();
        return;
    }
    assert_eq!(
        current.trim(),
        fresh.trim(),
        "docs/redaktion.md is stale: WEGWEISER_UPDATE_GOLDEN=1 cargo test --test suite admin::"
    );
    assert!(
        fresh.contains("| Wochentag | `meetings.weekday` | Auswahl |"),
        "{fresh}"
    );
}

/// A minimal HTTP/1.1 request to a local `serve`: (status, content type, body).
fn http(port: u16, method: &str, path: &str, body: &str) -> Option<(u16, String, String)> {
    let origin = format!("http://127.0.0.1:{port}");
    let head = format!(
        "{method} {path} HTTP/1.1\r\nHost: 127.0.0.1:{port}\r\nOrigin: {origin}\r\nContent-Type: application/json\r\nContent-Length: {}\r\nConnection: close\r\n\r\n",
        body.len()
    );
    let (status, head, body) = exchange(port, &head, body.as_bytes())?;
    let ctype = head
        .lines()
        .find_map(|l| {
            l.to_ascii_lowercase()
                .strip_prefix("content-type: ")
                .map(str::to_owned)
        })
        .unwrap_or_default();
    Some((status, ctype, body))
}

/// `serve` publishes /admin/ without [editing]: its own local backend, no
/// live-reload script; a file in Decap's form is accepted by its API.
#[test]
fn serve_serves_the_editor() {
    let r = root_with("");
    let port = free_port();
    let _server = serve(r.path(), port, &["--quiet"], std::process::Stdio::null());
    let (index, _) = poll("serve to answer", || {
        match http(port, "GET", "/admin/", "") {
            Some((200, _, body)) => Some(body),
            _ => None,
        }
    });
    assert!(index.contains("/admin/decap-cms.js"), "{index}");
    assert!(
        !index.contains("live.js"),
        "no live reload in the editor: {index}"
    );
    let (code, ctype, config) = http(port, "GET", "/admin/config.yml", "").unwrap();
    assert_eq!(code, 200);
    assert!(ctype.starts_with("text/yaml"), "{ctype}");
    let config: Value = serde_norway::from_str(&config).unwrap();
    assert_eq!(
        config["local_backend"]["url"],
        format!("http://127.0.0.1:{port}/api/v1")
    );
    // What Decap writes for a new group: a quoted date, cleared fields as "".
    let raw = "+++\nname = \"Neue Gruppe\"\nsort_as = \"\"\nindications = [\"sucht\"]\naudience = [\"affected\"]\nformat = \"online\"\nstatus = \"active\"\nverified = \"2026-11-02\"\ndistrict = \"\"\n\n[contact]\nconsent = \"\"\n+++\nText.\n";
    let body = serde_json::json!({
        "action": "persistEntry",
        "params": {
            "branch": "main",
            "dataFiles": [{ "slug": "neue-gruppe", "path": "content/groups/neue-gruppe.md", "raw": raw }],
            "assets": [],
            "options": { "commitMessage": "Create Groups “neue-gruppe”" }
        }
    });
    let (code, _, answer) = http(port, "POST", "/api/v1", &body.to_string()).unwrap();
    assert_eq!(code, 200, "{answer}");
    assert_eq!(
        std::fs::read_to_string(r.path().join("content/groups/neue-gruppe.md")).unwrap(),
        raw
    );
    let check = r.run(&["check", "--root", "."]);
    assert_eq!(check.code, 0, "{}", check.all());
}
