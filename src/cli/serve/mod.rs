//! `wegweiser serve`: the website from memory on 127.0.0.1, rebuilt on every
//! change of `content/`, `wegweiser.toml` or `themes/`, with live reload of
//! open browser tabs (server-sent events).
//!
//! Invalid content never stops the server: the last good site keeps being
//! served and the browser shows the problems as an overlay (in the
//! directory's language, from the message catalogue) until they are fixed.
//! `GET /__wegweiser/status` tells the state as JSON (also for tests and
//! scripts). Ctrl-C stops it cleanly.

use std::collections::BTreeSet;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::mpsc;
use std::sync::{Arc, Condvar, Mutex};
use std::time::{Duration, Instant};

use clap::Args;
use notify::RecursiveMode;
use serde_json::json;

use super::{Context, Outcome, RootArgs, default_year, parse_year};
use crate::diagnostics::{self, Diagnostic, Format, Lang, Note, display_path};
use crate::output::Files;
use crate::project::Project;
use crate::render;

#[derive(Debug, Args)]
pub struct ServeArgs {
    #[command(flatten)]
    root: RootArgs,
    /// Port on 127.0.0.1.
    #[arg(long, default_value_t = 1111)]
    port: u16,
    /// Year the stale warnings are checked for (default: this year).
    #[arg(long, value_parser = parse_year)]
    year: Option<i32>,
}

/// What the server shows: the last good site and the current problems.
struct State {
    /// Counts every build (good or not).
    generation: u64,
    /// The generation of the site being served.
    good_generation: u64,
    /// The last good site (paths relative to the site root).
    site: Arc<Files>,
    /// True if the last build succeeded.
    ok: bool,
    errors: usize,
    warnings: usize,
    millis: u128,
    lang: Lang,
    /// Problems as JSON (the `check --format json` objects).
    problems: serde_json::Value,
    /// Problems as `check` prints them (no colour), for the overlay.
    report: String,
}

struct Shared {
    state: Mutex<State>,
    changed: Condvar,
    stop: AtomicBool,
}

/// Set by the SIGINT/SIGTERM handler.
static INTERRUPTED: AtomicBool = AtomicBool::new(false);

extern "C" fn on_signal(_: libc::c_int) {
    INTERRUPTED.store(true, Ordering::SeqCst);
}

fn install_signal_handlers() {
    #[cfg(unix)]
    // SAFETY: the handler only stores to an atomic, which is async-signal-safe.
    unsafe {
        let handler = on_signal as extern "C" fn(libc::c_int) as libc::sighandler_t;
        libc::signal(libc::SIGINT, handler);
        libc::signal(libc::SIGTERM, handler);
    }
}

/// One build into memory.
struct Build {
    site: Option<Files>,
    project: Project,
    millis: u128,
}

fn build(root: &Path, year: i32, base_url: &str) -> Build {
    let started = Instant::now();
    let mut project = Project::open(root, year);
    let mut site = None;
    if !project.diagnostics.has_errors() {
        if let Some(dir) = project.directory.as_mut() {
            // Links point at this server, whatever `base_url` says.
            dir.settings.base_url = base_url.to_owned();
            dir.settings.base_path = String::new();
        }
        if let Some(dir) = project.directory.as_ref() {
            match render::web::render(dir, &project.theme) {
                Ok(files) => site = Some(files),
                Err(m) => project.diagnostics.push(Diagnostic::general(m)),
            }
        }
    }
    Build { site, project, millis: started.elapsed().as_millis() }
}

impl Shared {
    /// Takes a finished build into the state; returns (ok, files, errors, warnings).
    fn publish(&self, b: Build, lang_override: Option<Lang>) -> (bool, usize, usize, usize) {
        let lang = lang_override.unwrap_or(b.project.lang);
        let mut json_buf = Vec::new();
        let _ = diagnostics::render(&b.project.diagnostics, &b.project.sources, lang, Format::Json, false, &mut json_buf);
        let mut human = Vec::new();
        let _ = diagnostics::render(&b.project.diagnostics, &b.project.sources, lang, Format::Human, false, &mut human);
        let errors = b.project.diagnostics.error_count();
        let warnings = b.project.diagnostics.warning_count();
        let mut s = self.state.lock().unwrap_or_else(|e| e.into_inner());
        s.generation += 1;
        s.ok = b.site.is_some();
        let files = b.site.as_ref().map(Files::len).unwrap_or(0);
        if let Some(site) = b.site {
            s.site = Arc::new(site);
            s.good_generation = s.generation;
        }
        s.errors = errors;
        s.warnings = warnings;
        s.millis = b.millis;
        s.lang = lang;
        s.problems = serde_json::from_slice(&json_buf).unwrap_or(json!([]));
        s.report = String::from_utf8_lossy(&human).into_owned();
        let ok = s.ok;
        drop(s);
        self.changed.notify_all();
        (ok, files, errors, warnings)
    }
}

/// Is a changed path one that matters for the site?
fn relevant(root: &Path, path: &Path) -> bool {
    let rel = match path.strip_prefix(root) {
        Ok(r) => r,
        Err(_) => return true,
    };
    let name = path.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default();
    // Editors' swap and backup files.
    if name.starts_with(".#") || name.ends_with('~') || name.ends_with(".swp") || name.ends_with(".swx") || name == "4913" {
        return false;
    }
    let first = rel.components().next().map(|c| c.as_os_str().to_string_lossy().into_owned()).unwrap_or_default();
    matches!(first.as_str(), "content" | "themes") || rel == Path::new(crate::load::SETTINGS_FILE)
}

pub fn run(ctx: &Context, args: ServeArgs) -> Outcome {
    let root = args.root.root.clone();
    let year = args.year.unwrap_or_else(default_year);
    let lang0 = ctx.lang_for_root(&root);
    let server = match tiny_http::Server::http(("127.0.0.1", args.port)) {
        Ok(s) => Arc::new(s),
        Err(e) => {
            eprintln!("{}", Note::ServePortInUse { port: args.port, error: e.to_string() }.text(lang0));
            return Outcome::Problems;
        }
    };
    let port = server.server_addr().to_ip().map(|a| a.port()).unwrap_or(args.port);
    let base_url = format!("http://127.0.0.1:{port}");
    install_signal_handlers();

    // Watch the files before the first build, so no change is missed
    // (changes only: reading them for a build must not count).
    let (tx, rx) = mpsc::channel::<notify::Result<notify::Event>>();
    let mut watcher = match notify::recommended_watcher(tx) {
        Ok(w) => w,
        Err(e) => {
            eprintln!("wegweiser serve: {e}");
            return Outcome::Problems;
        }
    };
    let mut watched: BTreeSet<PathBuf> = BTreeSet::new();
    let watch_all = |watcher: &mut notify::RecommendedWatcher, watched: &mut BTreeSet<PathBuf>| {
        use notify::Watcher;
        for (path, mode) in [
            (root.clone(), RecursiveMode::NonRecursive),
            (root.join("content"), RecursiveMode::Recursive),
            (root.join("themes"), RecursiveMode::Recursive),
        ] {
            if path.is_dir() && !watched.contains(&path) && watcher.watch(&path, mode).is_ok() {
                watched.insert(path);
            }
        }
    };
    watch_all(&mut watcher, &mut watched);
    let shared = Arc::new(Shared {
        state: Mutex::new(State {
            generation: 0,
            good_generation: 0,
            site: Arc::new(Files::default()),
            ok: false,
            errors: 0,
            warnings: 0,
            millis: 0,
            lang: lang0,
            problems: json!([]),
            report: String::new(),
        }),
        changed: Condvar::new(),
        stop: AtomicBool::new(false),
    });
    // HTTP: one thread accepts, one thread per request.
    let http = {
        let server = Arc::clone(&server);
        let shared = Arc::clone(&shared);
        std::thread::spawn(move || {
            for request in server.incoming_requests() {
                let shared = Arc::clone(&shared);
                std::thread::spawn(move || handle(request, &shared));
            }
        })
    };

    let is_change = |e: &notify::Event| {
        use notify::EventKind;
        matches!(e.kind, EventKind::Create(_) | EventKind::Modify(_) | EventKind::Remove(_) | EventKind::Any)
    };

    ctx.note(lang0, Note::ServeListening { url: format!("{base_url}/"), root: display_path(&root) });
    let first = build(&root, year, &base_url);
    super::report(ctx, &first.project, Format::Human);
    let (ok, files, errors, _) = shared.publish(first, ctx.lang_override);
    let lang = shared.state.lock().map(|s| s.lang).unwrap_or(lang0);
    if ok {
        ctx.step(lang, Note::ServeRebuilt { files, millis: shared.state.lock().map(|s| s.millis).unwrap_or(0) });
    } else {
        ctx.note(lang, Note::ServeFailed { errors });
    }

    ctx.step(
        lang,
        Note::ServeWatching {
            paths: watched.iter().map(|p| display_path(p)).collect::<Vec<_>>().join(", "),
        },
    );

    loop {
        if INTERRUPTED.load(Ordering::SeqCst) {
            break;
        }
        let event = match rx.recv_timeout(Duration::from_millis(100)) {
            Ok(Ok(event)) => event,
            Ok(Err(_)) => continue,
            Err(mpsc::RecvTimeoutError::Timeout) => continue,
            Err(mpsc::RecvTimeoutError::Disconnected) => break,
        };
        if !is_change(&event) || !event.paths.iter().any(|p| relevant(&root, p)) {
            continue;
        }
        // An editor's save is often several events (write, rename, chmod):
        // take what arrives within a moment, then build once.
        let mut changed: BTreeSet<PathBuf> = event.paths.into_iter().filter(|p| relevant(&root, p)).collect();
        let quiet_until = Instant::now() + Duration::from_millis(30);
        while let Some(left) = quiet_until.checked_duration_since(Instant::now()) {
            match rx.recv_timeout(left) {
                Ok(Ok(e)) if is_change(&e) => changed.extend(e.paths.into_iter().filter(|p| relevant(&root, p))),
                Ok(_) => {}
                Err(_) => break,
            }
        }
        watch_all(&mut watcher, &mut watched);
        let b = build(&root, year, &base_url);
        if b.project.diagnostics.has_errors() {
            super::report(ctx, &b.project, Format::Human);
        }
        let (ok, files, errors, _warnings) = shared.publish(b, ctx.lang_override);
        let (lang, millis) = shared.state.lock().map(|s| (s.lang, s.millis)).unwrap_or((lang0, 0));
        let names = changed.iter().map(|p| display_path(p)).collect::<Vec<_>>().join(", ");
        ctx.step(lang, Note::ServeChanged { paths: names });
        if ok {
            ctx.note(lang, Note::ServeRebuilt { files, millis });
        } else {
            ctx.note(lang, Note::ServeFailed { errors });
        }
    }

    // Stop: wake the event streams, stop accepting, leave.
    shared.stop.store(true, Ordering::SeqCst);
    shared.changed.notify_all();
    server.unblock();
    let _ = http.join();
    let lang = shared.state.lock().map(|s| s.lang).unwrap_or(lang0);
    ctx.note(lang, Note::ServeStopping);
    Outcome::Success
}

// ---- HTTP -----------------------------------------------------------------

/// The script every HTML page gets while serving.
const LIVE_JS: &str = r#"(function () {
  "use strict";
  var good = null;
  var box = null;
  function hide() { if (box) { box.remove(); box = null; } }
  function show(s) {
    hide();
    box = document.createElement("div");
    box.id = "wegweiser-problems";
    box.setAttribute("role", "alert");
    box.style.cssText = "position:fixed;inset:0;z-index:2147483647;overflow:auto;background:rgba(20,20,20,.82);padding:2rem;font:15px/1.45 system-ui,sans-serif";
    var panel = document.createElement("div");
    panel.style.cssText = "max-width:60rem;margin:0 auto;background:#fff;color:#1a1a1a;border-top:6px solid #c62828;border-radius:6px;padding:1.25rem 1.5rem;box-shadow:0 10px 40px rgba(0,0,0,.4)";
    var h = document.createElement("h2");
    h.textContent = s.title + " (" + s.errors + ")";
    h.style.cssText = "margin:0 0 .5rem;font-size:1.3rem;color:#b71c1c";
    var p = document.createElement("p");
    p.textContent = s.hint;
    p.style.cssText = "margin:0 0 1rem";
    var pre = document.createElement("pre");
    pre.textContent = s.report;
    pre.style.cssText = "white-space:pre-wrap;font:13px/1.4 ui-monospace,Consolas,monospace;background:#f6f6f6;padding:1rem;border-radius:4px;margin:0";
    var close = document.createElement("button");
    close.textContent = "×";
    close.setAttribute("aria-label", "close");
    close.style.cssText = "float:right;font-size:1.5rem;border:0;background:none;cursor:pointer";
    close.onclick = hide;
    panel.appendChild(close); panel.appendChild(h); panel.appendChild(p); panel.appendChild(pre);
    box.appendChild(panel);
    document.body.appendChild(box);
  }
  function update() {
    fetch("/__wegweiser/status", { cache: "no-store" }).then(function (r) { return r.json(); }).then(function (s) {
      if (good !== null && s.good_generation !== good) { location.reload(); return; }
      good = s.good_generation;
      if (s.ok || s.errors === 0) { hide(); } else { show(s); }
    }).catch(function () {});
  }
  update();
  var events = new EventSource("/__wegweiser/events");
  events.onmessage = update;
})();
"#;

fn header(name: &str, value: &str) -> tiny_http::Header {
    tiny_http::Header::from_bytes(name.as_bytes(), value.as_bytes()).expect("valid header")
}

fn content_type(path: &str) -> &'static str {
    let ext = path.rsplit('.').next().unwrap_or("").to_ascii_lowercase();
    match ext.as_str() {
        "html" | "htm" => "text/html; charset=utf-8",
        "css" => "text/css; charset=utf-8",
        "js" | "mjs" => "text/javascript; charset=utf-8",
        "json" => "application/json",
        "xml" => "application/xml; charset=utf-8",
        "txt" => "text/plain; charset=utf-8",
        "ics" => "text/calendar; charset=utf-8",
        "svg" => "image/svg+xml",
        "png" => "image/png",
        "jpg" | "jpeg" => "image/jpeg",
        "gif" => "image/gif",
        "webp" => "image/webp",
        "avif" => "image/avif",
        "ico" => "image/x-icon",
        "woff2" => "font/woff2",
        "woff" => "font/woff",
        "ttf" => "font/ttf",
        "otf" => "font/otf",
        "pdf" => "application/pdf",
        _ => "application/octet-stream",
    }
}

/// `%C3%A4` → `ä`; invalid escapes stay as they are.
fn percent_decode(s: &str) -> String {
    let bytes = s.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] == b'%' && i + 2 < bytes.len() {
            let hex = |b: u8| (b as char).to_digit(16);
            if let (Some(h), Some(l)) = (hex(bytes[i + 1]), hex(bytes[i + 2])) {
                out.push((h * 16 + l) as u8);
                i += 3;
                continue;
            }
        }
        out.push(bytes[i]);
        i += 1;
    }
    String::from_utf8_lossy(&out).into_owned()
}

/// Adds the live-reload script to an HTML page.
fn inject(html: &[u8]) -> Vec<u8> {
    const TAG: &str = "<script src=\"/__wegweiser/live.js\" defer></script>";
    let text = String::from_utf8_lossy(html);
    match text.rfind("</body>") {
        Some(i) => format!("{}{TAG}\n{}", &text[..i], &text[i..]).into_bytes(),
        None => format!("{text}{TAG}\n").into_bytes(),
    }
}

fn respond(request: tiny_http::Request, status: u16, ctype: &str, body: Vec<u8>, extra: Option<tiny_http::Header>) {
    let mut response = tiny_http::Response::from_data(body)
        .with_status_code(status)
        .with_header(header("Content-Type", ctype))
        .with_header(header("Cache-Control", "no-store"));
    if let Some(h) = extra {
        response = response.with_header(h);
    }
    let _ = request.respond(response);
}

fn status_json(shared: &Shared) -> Vec<u8> {
    let s = shared.state.lock().unwrap_or_else(|e| e.into_inner());
    let v = json!({
        "generation": s.generation,
        "good_generation": s.good_generation,
        "ok": s.ok,
        "errors": s.errors,
        "warnings": s.warnings,
        "millis": s.millis as u64,
        "title": Note::OverlayTitle.text(s.lang),
        "hint": Note::OverlayHint.text(s.lang),
        "report": s.report,
        "problems": s.problems,
    });
    serde_json::to_vec_pretty(&v).unwrap_or_default()
}

/// Server-sent events: one `data:` line per build, a comment every 15 s.
fn events(request: tiny_http::Request, shared: &Shared) {
    let mut seen = shared.state.lock().map(|s| s.generation).unwrap_or(0);
    let mut w = request.into_writer();
    let head = "HTTP/1.1 200 OK\r\nContent-Type: text/event-stream\r\nCache-Control: no-store\r\nConnection: close\r\n\r\nretry: 500\n\n";
    if w.write_all(head.as_bytes()).and_then(|_| w.flush()).is_err() {
        return;
    }
    loop {
        let message = {
            let guard = shared.state.lock().unwrap_or_else(|e| e.into_inner());
            let (guard, _) = shared
                .changed
                .wait_timeout_while(guard, Duration::from_secs(15), |s| {
                    s.generation == seen && !shared.stop.load(Ordering::SeqCst)
                })
                .unwrap_or_else(|e| e.into_inner());
            if shared.stop.load(Ordering::SeqCst) {
                return;
            }
            if guard.generation != seen {
                seen = guard.generation;
                format!("data: {seen}\n\n")
            } else {
                ": keep-alive\n\n".to_owned()
            }
        };
        if w.write_all(message.as_bytes()).and_then(|_| w.flush()).is_err() {
            return;
        }
    }
}

fn handle(request: tiny_http::Request, shared: &Shared) {
    let url = request.url().to_owned();
    let path = percent_decode(url.split(['?', '#']).next().unwrap_or("/"));
    match path.as_str() {
        "/__wegweiser/events" => return events(request, shared),
        "/__wegweiser/status" => return respond(request, 200, "application/json", status_json(shared), None),
        "/__wegweiser/live.js" => {
            return respond(request, 200, "text/javascript; charset=utf-8", LIVE_JS.as_bytes().to_vec(), None);
        }
        _ => {}
    }
    let (site, generation, lang) =
        shared.state.lock().map(|s| (Arc::clone(&s.site), s.generation, s.lang)).unwrap_or_default();
    if generation == 0 {
        // The first build is still running: a page that reloads itself when it is done.
        let text = Note::ServeBuilding.text(lang);
        let page = format!("<!doctype html><meta charset=\"utf-8\"><title>wegweiser</title><body><p>{text}</p></body>");
        return respond(request, 503, "text/html; charset=utf-8", inject(page.as_bytes()), None);
    }
    let rel = path.trim_start_matches('/');
    if rel.split('/').any(|seg| seg == "..") {
        return respond(request, 400, "text/plain; charset=utf-8", b"bad path".to_vec(), None);
    }
    let key = if rel.is_empty() || rel.ends_with('/') { format!("{rel}index.html") } else { rel.to_owned() };
    if let Some(bytes) = site.get(&key) {
        let ctype = content_type(&key);
        let body = if ctype.starts_with("text/html") { inject(bytes) } else { bytes.to_vec() };
        return respond(request, 200, ctype, body, None);
    }
    if !rel.is_empty() && !rel.ends_with('/') && site.get(&format!("{rel}/index.html")).is_some() {
        return respond(request, 301, "text/plain; charset=utf-8", Vec::new(), Some(header("Location", &format!("/{rel}/"))));
    }
    let body = site.get("404.html").map(inject).unwrap_or_else(|| inject(b"<!doctype html><title>404</title><body><h1>404</h1></body>"));
    respond(request, 404, "text/html; charset=utf-8", body, None)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn script_goes_before_body_end() {
        let out = String::from_utf8(inject(b"<html><body><p>x</p></body></html>")).unwrap();
        assert!(out.contains("<p>x</p><script src=\"/__wegweiser/live.js\" defer></script>\n</body>"), "{out}");
    }

    #[test]
    fn percent_decoding() {
        assert_eq!(percent_decode("/a%20b/%C3%A4"), "/a b/ä");
        assert_eq!(percent_decode("/100%"), "/100%");
        assert_eq!(percent_decode("/%zz"), "/%zz");
    }

    #[test]
    fn relevant_paths() {
        let root = Path::new("/r");
        assert!(relevant(root, Path::new("/r/content/groups/x.md")));
        assert!(relevant(root, Path::new("/r/wegweiser.toml")));
        assert!(relevant(root, Path::new("/r/themes/default/templates/base.html")));
        assert!(!relevant(root, Path::new("/r/output/site/index.html")));
        assert!(!relevant(root, Path::new("/r/content/groups/.x.md.swp")));
        assert!(!relevant(root, Path::new("/r/content/groups/x.md~")));
    }
}
