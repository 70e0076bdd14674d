//! The HTTP side of `serve`: the site from memory, the live-reload script,
//! `/__wegweiser/status` (JSON) and `/__wegweiser/events` (server-sent
//! events, one per build).

use std::io::Write;
use std::sync::Arc;
use std::sync::atomic::Ordering;
use std::time::Duration;

use serde_json::json;

use super::{Shared, api, guard};
use crate::diagnostics::Note;

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
        "yml" | "yaml" => "text/yaml; charset=utf-8",
        "wasm" => "application/wasm",
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

/// Sends an answer of the editor's API (JSON).
fn respond_api(request: tiny_http::Request, reply: api::Reply) {
    let body = reply.body.to_string().into_bytes();
    respond(request, reply.status, "application/json", body, None);
}

fn respond(
    request: tiny_http::Request,
    status: u16,
    ctype: &str,
    body: Vec<u8>,
    extra: Option<tiny_http::Header>,
) {
    let mut response = tiny_http::Response::from_data(body)
        .with_status_code(status)
        .with_header(header("Content-Type", ctype))
        .with_header(header("Cache-Control", "no-store"))
        .with_header(header("X-Content-Type-Options", "nosniff"));
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
        "rendered": s.rendered,
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
    if w.write_all(head.as_bytes())
        .and_then(|_| w.flush())
        .is_err()
    {
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
        if w.write_all(message.as_bytes())
            .and_then(|_| w.flush())
            .is_err()
        {
            return;
        }
    }
}

/// Answers one request.
pub(super) fn handle(mut request: tiny_http::Request, shared: &Shared) {
    let url = request.url().to_owned();
    let path = percent_decode(url.split(['?', '#']).next().unwrap_or("/"));
    let is_api = path == "/api/v1";
    let headers = request
        .headers()
        .iter()
        .map(|h| (h.field.as_str().as_str(), h.value.as_str()));
    if !guard::allowed(shared.port, is_api, headers) {
        let reply = api::Reply::error(403, Note::ApiForeignRequest.text(shared.lang()));
        return respond_api(request, reply);
    }
    if is_api {
        let reply = api::answer(&mut request, shared);
        return respond_api(request, reply);
    }
    match path.as_str() {
        "/__wegweiser/events" => return events(request, shared),
        "/__wegweiser/status" => {
            return respond(request, 200, "application/json", status_json(shared), None);
        }
        "/__wegweiser/live.js" => {
            return respond(
                request,
                200,
                "text/javascript; charset=utf-8",
                LIVE_JS.as_bytes().to_vec(),
                None,
            );
        }
        _ => {}
    }
    let (site, generation, lang) = shared
        .state
        .lock()
        .map(|s| (Arc::clone(&s.site), s.generation, s.lang))
        .unwrap_or_default();
    if generation == 0 {
        // The first build is still running: a page that reloads itself when it is done.
        let text = Note::ServeBuilding.text(lang);
        let page = format!(
            "<!doctype html><meta charset=\"utf-8\"><title>wegweiser</title><body><p>{text}</p></body>"
        );
        return respond(
            request,
            503,
            "text/html; charset=utf-8",
            inject(page.as_bytes()),
            None,
        );
    }
    let rel = path.trim_start_matches('/');
    if rel.split('/').any(|seg| seg == "..") {
        return respond(
            request,
            400,
            "text/plain; charset=utf-8",
            b"bad path".to_vec(),
            None,
        );
    }
    let key = if rel.is_empty() || rel.ends_with('/') {
        format!("{rel}index.html")
    } else {
        rel.to_owned()
    };
    if let Some(bytes) = site.get(&key) {
        let ctype = content_type(&key);
        // The editor (/admin/) is no page of the site: a reload would throw away what is being edited.
        let live = ctype.starts_with("text/html") && !key.starts_with("admin/");
        let body = if live { inject(bytes) } else { bytes.to_vec() };
        return respond(request, 200, ctype, body, None);
    }
    if !rel.is_empty() && !rel.ends_with('/') && site.get(&format!("{rel}/index.html")).is_some() {
        return respond(
            request,
            301,
            "text/plain; charset=utf-8",
            Vec::new(),
            Some(header("Location", &format!("/{rel}/"))),
        );
    }
    let body = site
        .get("404.html")
        .map(inject)
        .unwrap_or_else(|| inject(b"<!doctype html><title>404</title><body><h1>404</h1></body>"));
    respond(request, 404, "text/html; charset=utf-8", body, None)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn script_goes_before_body_end() {
        let out = String::from_utf8(inject(b"<html><body><p>x</p></body></html>")).unwrap();
        assert!(
            out.contains("<p>x</p><script src=\"/__wegweiser/live.js\" defer></script>\n</body>"),
            "{out}"
        );
    }

    #[test]
    fn percent_decoding() {
        assert_eq!(percent_decode("/a%20b/%C3%A4"), "/a b/ä");
        assert_eq!(percent_decode("/100%"), "/100%");
        assert_eq!(percent_decode("/%zz"), "/%zz");
    }
}
