//! `wegweiser serve` as Decap CMS's local backend (`POST /api/v1`): every
//! action with decap-server's shapes, and every refusal (paths leaving
//! `content/`, links out, foreign `Host`/`Origin`, oversized and malformed
//! bodies, content `check` rejects) leaving the disk exactly as it was and
//! the server answering. Runs the real binary on a temp root.

use crate::common::*;
use crate::serve_common::*;

use std::io::Write;
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use serde_json::{Value, json};

/// The body limit of the API (documented in the README).
const LIMIT: usize = 20 * 1024 * 1024;

/// A 1×1 PNG.
const PNG: [u8; 70] = [
    137, 80, 78, 71, 13, 10, 26, 10, 0, 0, 0, 13, 73, 72, 68, 82, 0, 0, 0, 1, 0, 0, 0, 1, 8, 6, 0,
    0, 0, 31, 21, 196, 137, 0, 0, 0, 13, 73, 68, 65, 84, 120, 218, 99, 100, 96, 248, 95, 15, 0, 2,
    135, 1, 128, 235, 71, 186, 146, 0, 0, 0, 0, 73, 69, 78, 68, 174, 66, 96, 130,
];
const PNG_BASE64: &str = "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==";

const ORGANISATION: &str =
    "+++\nname = \"Diabetes-Verband\"\nlevel = \"state\"\nverified = 2026-09-14\n+++\nVerband.\n";

/// The server process on a temp root; killed at the end (fields drop in
/// order: the server before its root).
struct Served {
    _server: Server,
    root: Root,
    port: u16,
}

/// `POST /api/v1` with `body` and the given headers (besides the length).
fn post_raw(port: u16, headers: &[(&str, String)], body: &[u8]) -> (u16, Value) {
    let mut head = "POST /api/v1 HTTP/1.1\r\nConnection: close\r\n".to_owned();
    for (name, value) in headers {
        head.push_str(&format!("{name}: {value}\r\n"));
    }
    head.push_str(&format!("Content-Length: {}\r\n\r\n", body.len()));
    let (status, _, text) = exchange(port, &head, body).expect("an answer");
    (
        status,
        serde_json::from_str(&text).unwrap_or(Value::String(text)),
    )
}

/// The headers Decap's page on the server sends.
fn own_headers(port: u16) -> Vec<(&'static str, String)> {
    vec![
        ("Host", format!("127.0.0.1:{port}")),
        ("Origin", format!("http://127.0.0.1:{port}")),
        ("Content-Type", "application/json; charset=utf-8".to_owned()),
        ("Sec-Fetch-Site", "same-origin".to_owned()),
    ]
}

impl Served {
    /// A root with a group, an organisation it names and an image; served.
    fn start() -> Served {
        let root = Root::new();
        root.write("content/organisations/diabetes-verband.md", ORGANISATION);
        root.write(
            "content/groups/diabetes-sued.md",
            &group("Diabetes Süd", "organisation = \"diabetes-verband\"\n"),
        );
        root.write_bytes("content/images/logo.png", &PNG);
        let port = free_port();
        let _server = serve(root.path(), port, &[], Stdio::null());
        let served = Served {
            _server,
            root,
            port,
        };
        poll("the first build", || {
            get(port, "/gruppen/diabetes-nord/").filter(|(c, _)| *c == 200)
        });
        served
    }

    fn call(&self, action: &str, params: Value) -> (u16, Value) {
        let body = json!({ "action": action, "params": params }).to_string();
        post_raw(self.port, &own_headers(self.port), body.as_bytes())
    }

    fn file(&self, rel: &str) -> Option<Vec<u8>> {
        std::fs::read(self.root.path().join(rel)).ok()
    }

    /// The server still answers the API and serves pages.
    #[track_caller]
    fn alive(&self) {
        let (code, info) = self.call("info", json!({}));
        assert_eq!(code, 200, "{info}");
        assert_eq!(get(self.port, "/").map(|r| r.0), Some(200));
    }
}

fn sha256(bytes: &[u8]) -> String {
    let mut child = Command::new("sha256sum")
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .spawn()
        .unwrap();
    child.stdin.take().unwrap().write_all(bytes).unwrap();
    let out = child.wait_with_output().unwrap();
    String::from_utf8(out.stdout)
        .unwrap()
        .split_whitespace()
        .next()
        .unwrap()
        .to_owned()
}

fn persist(path: &str, raw: &str) -> Value {
    json!({
        "branch": "main",
        "dataFiles": [{ "slug": "x", "path": path, "raw": raw }],
        "assets": [],
        "options": { "commitMessage": "Create", "useWorkflow": false, "status": "" },
    })
}

#[test]
fn every_action_answers_like_decap_server() {
    let s = Served::start();

    let (code, info) = s.call("info", json!({}));
    assert_eq!(code, 200);
    assert_eq!(info["publish_modes"], json!(["simple"]));
    assert_eq!(info["type"], "local_fs");
    assert!(info["repo"].is_string(), "{info}");

    // Entries: data is the text, id the SHA-256 of the bytes.
    let params =
        json!({ "branch": "main", "folder": "content/groups", "extension": "md", "depth": 1 });
    let (code, list) = s.call("entriesByFolder", params);
    assert_eq!(code, 200, "{list}");
    let list = list.as_array().unwrap();
    let paths: Vec<&str> = list
        .iter()
        .map(|e| e["file"]["path"].as_str().unwrap())
        .collect();
    assert_eq!(
        paths,
        [
            "content/groups/diabetes-nord.md",
            "content/groups/diabetes-sued.md"
        ]
    );
    let nord = s.file("content/groups/diabetes-nord.md").unwrap();
    assert_eq!(list[0]["data"], String::from_utf8(nord.clone()).unwrap());
    assert_eq!(list[0]["file"]["id"], sha256(&nord));

    let files = json!({ "branch": "main", "files": [{ "path": "content/groups/diabetes-nord.md", "label": "Nord" }] });
    let (code, by_files) = s.call("entriesByFiles", files);
    assert_eq!(code, 200);
    assert_eq!(
        by_files[0]["file"],
        json!({ "path": "content/groups/diabetes-nord.md", "label": "Nord", "id": sha256(&nord) })
    );

    let (code, entry) = s.call(
        "getEntry",
        json!({ "branch": "main", "path": "content/groups/diabetes-nord.md" }),
    );
    assert_eq!(code, 200);
    assert_eq!(entry["file"]["id"], sha256(&nord));
    let (code, none) = s.call(
        "getEntry",
        json!({ "branch": "main", "path": "content/groups/gibt-es-nicht.md" }),
    );
    assert_eq!(code, 200);
    assert_eq!(
        none,
        json!({ "data": null, "file": { "path": "content/groups/gibt-es-nicht.md", "id": null } })
    );

    // A new group: written, valid, and its page served at once.
    let raw = group("Neue Gruppe am Markt", "");
    let started = Instant::now();
    let (code, answer) = s.call(
        "persistEntry",
        persist("content/groups/neue-gruppe.md", &raw),
    );
    assert_eq!(
        (code, &answer),
        (200, &json!({ "message": "entry persisted" }))
    );
    let (_, waited) = poll("the new page", || {
        get(s.port, "/gruppen/neue-gruppe/")
            .filter(|(c, b)| *c == 200 && b.contains("Neue Gruppe am Markt"))
    });
    println!(
        "serve api: persistEntry answered and page served after {:?} (waited {waited:?} after the answer)",
        started.elapsed()
    );
    assert!(
        waited < Duration::from_millis(300),
        "the page is built before the answer: {waited:?}"
    );
    assert_eq!(
        s.file("content/groups/neue-gruppe.md").unwrap(),
        raw.as_bytes()
    );
    let check = s.root.run(&["check", "--root", "."]);
    assert_eq!(check.code, 0, "{}", check.all());

    // The older form `entry` and a rename (`newPath`): the old file goes.
    let renamed = json!({
        "branch": "main",
        "entry": { "slug": "x", "path": "content/groups/neue-gruppe.md", "newPath": "content/groups/gruppe-am-markt.md", "raw": raw },
        "assets": [],
        "options": { "commitMessage": "Rename", "useWorkflow": false, "status": "" },
    });
    let (code, answer) = s.call("persistEntry", renamed);
    assert_eq!(code, 200, "{answer}");
    assert!(s.file("content/groups/neue-gruppe.md").is_none());
    assert_eq!(
        s.file("content/groups/gruppe-am-markt.md").unwrap(),
        raw.as_bytes()
    );

    // An entry with an image among its assets.
    let with_image = json!({
        "branch": "main",
        "dataFiles": [{ "slug": "bild", "path": "content/pages/bild.md", "raw": "+++\ntitle = \"Bild\"\n+++\n![Bild](images/bild.png)\n" }],
        "assets": [{ "path": "content/images/bild.png", "content": PNG_BASE64, "encoding": "base64" }],
        "options": { "commitMessage": "Create", "useWorkflow": false, "status": "" },
    });
    let (code, answer) = s.call("persistEntry", with_image);
    assert_eq!(code, 200, "{answer}");
    assert_eq!(s.file("content/images/bild.png").unwrap(), PNG);

    // Media.
    let asset =
        json!({ "path": "content/images/neu.png", "content": PNG_BASE64, "encoding": "base64" });
    let (code, media) = s.call(
        "persistMedia",
        json!({ "branch": "main", "asset": asset, "options": { "commitMessage": "Upload" } }),
    );
    assert_eq!(code, 200, "{media}");
    let expected = json!({ "id": sha256(&PNG), "content": PNG_BASE64, "encoding": "base64", "path": "content/images/neu.png", "name": "neu.png" });
    assert_eq!(media, expected);
    assert_eq!(s.file("content/images/neu.png").unwrap(), PNG);
    let (code, one) = s.call(
        "getMediaFile",
        json!({ "branch": "main", "path": "content/images/neu.png" }),
    );
    assert_eq!((code, &one), (200, &expected));
    let (code, all) = s.call(
        "getMedia",
        json!({ "branch": "main", "mediaFolder": "content/images" }),
    );
    assert_eq!(code, 200);
    let names: Vec<&str> = all
        .as_array()
        .unwrap()
        .iter()
        .map(|m| m["name"].as_str().unwrap())
        .collect();
    assert_eq!(names, ["bild.png", "logo.png", "neu.png"]);

    // Deleting.
    let options = json!({ "commitMessage": "Delete" });
    let (code, answer) = s.call(
        "deleteFile",
        json!({ "branch": "main", "path": "content/images/neu.png", "options": options }),
    );
    assert_eq!(
        (code, &answer),
        (
            200,
            &json!({ "message": "deleted file content/images/neu.png" })
        )
    );
    assert!(s.file("content/images/neu.png").is_none());
    let paths = json!([
        "content/groups/gruppe-am-markt.md",
        "content/groups/diabetes-nord.md"
    ]);
    let (code, answer) = s.call(
        "deleteFiles",
        json!({ "branch": "main", "paths": paths, "options": options }),
    );
    assert_eq!(code, 200, "{answer}");
    assert_eq!(
        answer["message"],
        "deleted files content/groups/gruppe-am-markt.md, content/groups/diabetes-nord.md"
    );
    assert!(s.file("content/groups/diabetes-nord.md").is_none());
    poll("the deleted page to go", || {
        get(s.port, "/gruppen/diabetes-nord/").filter(|(c, _)| *c == 404)
    });

    let (code, preview) = s.call(
        "getDeployPreview",
        json!({ "branch": "main", "collection": "groups", "slug": "x" }),
    );
    assert_eq!((code, preview), (200, Value::Null));
    let (code, unknown) = s.call("unpublishedEntries", json!({ "branch": "main" }));
    assert_eq!(code, 422);
    assert!(
        unknown["error"]
            .as_str()
            .unwrap()
            .contains("unpublishedEntries"),
        "{unknown}"
    );

    let check = s.root.run(&["check", "--root", "."]);
    assert_eq!(check.code, 0, "{}", check.all());
}

/// Sends a request that must be refused with `status`, then checks that
/// nothing on disk changed and the server still answers.
#[track_caller]
fn refused(s: &Served, status: u16, headers: &[(&str, String)], body: &[u8]) -> Value {
    let before = snapshot(s.root.path());
    let (code, answer) = post_raw(s.port, headers, body);
    assert_eq!(code, status, "{answer}");
    assert!(answer["error"].is_string(), "an error message: {answer}");
    assert!(snapshot(s.root.path()) == before, "nothing written");
    s.alive();
    answer
}

#[track_caller]
fn refused_call(s: &Served, status: u16, action: &str, params: Value) -> String {
    let body = json!({ "action": action, "params": params }).to_string();
    refused(s, status, &own_headers(s.port), body.as_bytes())["error"]
        .as_str()
        .unwrap()
        .to_owned()
}

#[test]
fn paths_outside_content_and_links_out_are_refused() {
    let served = Served::start();
    let s = &served;
    let raw = group("Böse", "");
    for path in [
        "../boese.md",
        "/tmp/boese.md",
        "content/groups/../../boese.md",
        "content/../wegweiser.toml",
        "content\\groups\\boese.md",
        "C:/content/groups/boese.md",
        "content/groups/boese.md\u{0}",
        "wegweiser.toml",
        "themes/default/boese.md",
    ] {
        refused_call(s, 403, "persistEntry", persist(path, &raw));
        refused_call(
            s,
            403,
            "getEntry",
            json!({ "branch": "main", "path": path }),
        );
        refused_call(
            s,
            403,
            "deleteFile",
            json!({ "branch": "main", "path": path, "options": { "commitMessage": "x" } }),
        );
    }
    refused_call(
        s,
        403,
        "entriesByFolder",
        json!({ "branch": "main", "folder": "..", "extension": "md", "depth": 1 }),
    );
    refused_call(
        s,
        403,
        "getMedia",
        json!({ "branch": "main", "mediaFolder": "/etc" }),
    );

    // Not a place for an entry (or an image): 422 with what is allowed.
    for path in [
        "content/groups/Boese Gruppe.md",
        "content/groups/boese.txt",
        "content/indications.toml",
        "content/groups/a/b.md",
    ] {
        let error = refused_call(s, 422, "persistEntry", persist(path, &raw));
        assert!(error.contains("Kürzel"), "{error}");
    }
    for path in [
        "content/boese.png",
        "content/groups/boese.png",
        "content/images/boese.exe",
        "content/images/.x.png",
    ] {
        let asset = json!({ "path": path, "content": PNG_BASE64, "encoding": "base64" });
        let error = refused_call(
            s,
            422,
            "persistMedia",
            json!({ "branch": "main", "asset": asset, "options": { "commitMessage": "x" } }),
        );
        assert!(error.contains("content/images/"), "{error}");
    }
    // Not an image at all.
    let asset =
        json!({ "path": "content/images/kaputt.png", "content": "aGFsbG8=", "encoding": "base64" });
    let error = refused_call(
        s,
        422,
        "persistMedia",
        json!({ "branch": "main", "asset": asset, "options": { "commitMessage": "x" } }),
    );
    assert!(error.contains("lässt sich nicht lesen"), "{error}");

    // Links leading out of the root.
    #[cfg(unix)]
    links_out_are_refused(s, &raw);
}

#[cfg(unix)]
fn links_out_are_refused(s: &Served, raw: &str) {
    let outside = tempfile::tempdir().unwrap();
    std::fs::write(outside.path().join("geheim.md"), group("Geheim", "")).unwrap();
    std::os::unix::fs::symlink(
        outside.path().join("geheim.md"),
        s.root.path().join("content/groups/link.md"),
    )
    .unwrap();
    std::os::unix::fs::symlink(outside.path(), s.root.path().join("content/pages")).unwrap();
    refused_call(
        s,
        403,
        "getEntry",
        json!({ "branch": "main", "path": "content/groups/link.md" }),
    );
    refused_call(
        s,
        403,
        "persistEntry",
        persist("content/groups/link.md", raw),
    );
    refused_call(
        s,
        403,
        "persistEntry",
        persist("content/pages/neu.md", "+++\ntitle = \"Neu\"\n+++\n"),
    );
    refused_call(
        s,
        403,
        "entriesByFolder",
        json!({ "branch": "main", "folder": "content/pages", "extension": "md", "depth": 1 }),
    );
    let (code, list) = s.call(
        "entriesByFolder",
        json!({ "branch": "main", "folder": "content/groups", "extension": "md", "depth": 1 }),
    );
    assert_eq!(code, 200);
    assert!(
        !list.to_string().contains("Geheim"),
        "a link out is not listed: {list}"
    );
    assert_eq!(
        std::fs::read_dir(outside.path()).unwrap().count(),
        1,
        "nothing written outside"
    );
}

#[test]
fn foreign_pages_and_bad_bodies_are_refused() {
    let served = Served::start();
    let s = &served;
    let body = json!({ "action": "persistEntry", "params": persist("content/groups/fremd.md", &group("Fremd", "")) }).to_string();
    let with = |name: &'static str, value: &str| {
        let mut h: Vec<(&str, String)> = own_headers(s.port)
            .into_iter()
            .filter(|(n, _)| *n != name)
            .collect();
        h.push((name, value.to_owned()));
        h
    };
    // Another site, another local web app, DNS rebinding, a sandboxed page.
    refused(
        s,
        403,
        &with("Origin", "https://evil.example"),
        body.as_bytes(),
    );
    refused(
        s,
        403,
        &with("Origin", "http://localhost:3000"),
        body.as_bytes(),
    );
    refused(s, 403, &with("Origin", "null"), body.as_bytes());
    refused(
        s,
        403,
        &with("Host", &format!("evil.example:{}", s.port)),
        body.as_bytes(),
    );
    refused(s, 403, &with("Host", "127.0.0.1"), body.as_bytes());
    refused(
        s,
        403,
        &with("Sec-Fetch-Site", "same-site"),
        body.as_bytes(),
    );
    let no_host: Vec<(&str, String)> = own_headers(s.port)
        .into_iter()
        .filter(|(n, _)| *n != "Host")
        .collect();
    refused(s, 403, &no_host, body.as_bytes());
    // DNS rebinding reads nothing either.
    let (code, _, _) = exchange(
        s.port,
        "GET / HTTP/1.1\r\nHost: evil.example\r\nConnection: close\r\n\r\n",
        b"",
    )
    .unwrap();
    assert_eq!(code, 403);
    // No CORS permission is ever given.
    let (_, _, raw) = exchange(
        s.port,
        &format!("OPTIONS /api/v1 HTTP/1.1\r\nHost: 127.0.0.1:{}\r\nOrigin: http://localhost:3000\r\nConnection: close\r\n\r\n", s.port),
        b"",
    )
    .unwrap();
    assert!(
        !raw.to_ascii_lowercase().contains("access-control-allow"),
        "{raw}"
    );

    // Bodies.
    // Announced too large: refused before it is read.
    let before = snapshot(s.root.path());
    let head = format!(
        "POST /api/v1 HTTP/1.1\r\nHost: 127.0.0.1:{}\r\nContent-Type: application/json\r\nContent-Length: {}\r\nConnection: close\r\n\r\n",
        s.port,
        LIMIT + 1
    );
    let (code, _, answer) = exchange(s.port, &head, b"").unwrap();
    assert_eq!(code, 413, "{answer}");
    assert!(answer.contains("20 MB"), "{answer}");
    assert!(snapshot(s.root.path()) == before);
    s.alive();
    refused(
        s,
        400,
        &own_headers(s.port),
        b"{\"action\": \"persistEntry\", ",
    );
    refused(s, 400, &own_headers(s.port), b"[1, 2]");
    refused(s, 415, &with("Content-Type", "text/plain"), body.as_bytes());
    let (code, _, _) = exchange(
        s.port,
        &format!(
            "GET /api/v1 HTTP/1.1\r\nHost: 127.0.0.1:{}\r\nConnection: close\r\n\r\n",
            s.port
        ),
        b"",
    )
    .unwrap();
    assert_eq!(code, 405);
    // Missing parameters.
    refused_call(s, 400, "persistEntry", json!({ "branch": "main" }));
    refused_call(
        s,
        400,
        "persistEntry",
        json!({ "dataFiles": [{ "path": "content/groups/x.md" }] }),
    );
    refused_call(s, 400, "getEntry", json!({}));
    refused_call(s, 400, "deleteFiles", json!({ "paths": [1] }));
    let asset = json!({ "path": "content/images/x.png", "content": "***", "encoding": "base64" });
    refused_call(s, 400, "persistMedia", json!({ "asset": asset }));
    // A client without Origin (curl) may call the API.
    let curl: Vec<(&str, String)> = own_headers(s.port)
        .into_iter()
        .filter(|(n, _)| *n != "Origin" && *n != "Sec-Fetch-Site")
        .collect();
    let (code, _) = post_raw(s.port, &curl, body.as_bytes());
    assert_eq!(code, 200);
    assert!(s.file("content/groups/fremd.md").is_some());
}

#[test]
fn what_check_rejects_is_not_written() {
    let served = Served::start();
    let s = &served;
    // An ended group without `ended`: the located German message.
    let path = "content/groups/diabetes-nord.md";
    let before = s.file(path).unwrap();
    let ended = group("Diabetes Nord", "").replace("\"active\"", "\"ended\"");
    let error = refused_call(s, 422, "persistEntry", persist(path, &ended));
    assert!(
        error.contains("content/groups/diabetes-nord.md:6:"),
        "located: {error}"
    );
    assert!(
        error.contains("Bei `status = \"ended\"` fehlt `ended`"),
        "German: {error}"
    );
    assert!(!error.contains('\u{1b}'), "no colours: {error}");
    assert_eq!(s.file(path).unwrap(), before);

    // A new file with a broken front matter, and one naming what is not there.
    let error = refused_call(
        s,
        422,
        "persistEntry",
        persist("content/groups/neu.md", "+++\nname = \"Neu\"\n"),
    );
    assert!(error.contains("content/groups/neu.md:"), "{error}");
    let unknown = group("Neu", "organisation = \"diabetes-verbnd\"\n");
    let error = refused_call(
        s,
        422,
        "persistEntry",
        persist("content/groups/neu.md", &unknown),
    );
    assert!(error.contains("diabetes-verband"), "did you mean: {error}");

    // Removing what others name: the organisation a group names, an image a page shows.
    let options = json!({ "commitMessage": "Delete" });
    let error = refused_call(
        s,
        422,
        "deleteFile",
        json!({ "branch": "main", "path": "content/organisations/diabetes-verband.md", "options": options }),
    );
    assert!(
        error.contains("content/groups/diabetes-sued.md"),
        "the file that names it: {error}"
    );
    let page = "+++\ntitle = \"Logo\"\n+++\n![Logo](images/logo.png)\n";
    let (code, answer) = s.call("persistEntry", persist("content/pages/logo.md", page));
    assert_eq!(code, 200, "{answer}");
    refused_call(
        s,
        422,
        "deleteFiles",
        json!({ "branch": "main", "paths": ["content/images/logo.png"], "options": options }),
    );
    // A rename that leaves a reference behind.
    let rename = json!({
        "branch": "main",
        "dataFiles": [{ "slug": "v", "path": "content/organisations/diabetes-verband.md", "newPath": "content/organisations/verband.md", "raw": ORGANISATION }],
        "assets": [],
        "options": { "commitMessage": "Rename", "useWorkflow": false, "status": "" },
    });
    refused_call(s, 422, "persistEntry", rename);

    // A problem elsewhere (a file edited by hand) does not block other writes.
    s.root.write("content/groups/von-hand.md", "kaputt");
    poll("the broken file to be seen", || {
        let (_, st) = get(s.port, "/__wegweiser/status")?;
        st.contains("\"ok\": false").then_some(())
    });
    let (code, answer) = s.call(
        "persistEntry",
        persist("content/groups/weitere.md", &group("Weitere", "")),
    );
    assert_eq!(code, 200, "{answer}");
    assert!(s.file("content/groups/weitere.md").is_some());
}
