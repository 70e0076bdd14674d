//! `wegweiser serve`: started on a free loopback port, it serves the site,
//! picks up a change, keeps the last good page when a file breaks and
//! reports the problem, recovers, and stops cleanly on Ctrl-C (SIGINT).
//!
//! Polls are generous (15 s) so a loaded machine does not make it flaky;
//! the latency itself is printed (`cargo test --test suite workflow_serve:: -- --nocapture`).

use crate::common::*;
use crate::serve_common::*;

use std::io::{Read, Write};
use std::net::{TcpListener, TcpStream};
use std::process::Stdio;

fn status(port: u16) -> Option<serde_json::Value> {
    let (code, body) = get(port, "/__wegweiser/status")?;
    (code == 200)
        .then(|| serde_json::from_str(&body).ok())
        .flatten()
}

#[test]
fn serve_rebuilds_keeps_the_last_good_site_and_stops_cleanly() {
    let root = Root::new();
    let port = free_port();
    let mut server = serve(root.path(), port, &[], Stdio::piped());

    // 1. The page is served, with the live-reload script.
    let page = "/gruppen/diabetes-nord/";
    let (body, _) = poll("the first page", || {
        get(port, page).filter(|(c, _)| *c == 200).map(|(_, b)| b)
    });
    assert!(body.contains("Diabetes Nord"), "{body}");
    assert!(
        body.contains("/__wegweiser/live.js"),
        "live reload script injected"
    );
    let (code, js) = get(port, "/__wegweiser/live.js").unwrap();
    assert!(code == 200 && js.contains("EventSource"), "{js}");
    let (code, _) = get(port, "/gibt-es-nicht/").unwrap();
    assert_eq!(code, 404);

    // 2. A change is served.
    root.write(
        "content/groups/diabetes-nord.md",
        &group("Diabetes Nord Neu", ""),
    );
    let (_, latency) = poll("the changed page", || {
        get(port, page).filter(|(c, b)| *c == 200 && b.contains("Diabetes Nord Neu"))
    });
    println!("serve: change visible after {latency:?} (polling every {POLL:?})");
    let s = status(port).unwrap();
    assert_eq!(s["ok"], true, "{s}");
    println!("serve: rebuild took {} ms", s["millis"]);

    // 3. A broken file: the last good page stays, the problem is reported.
    root.write(
        "content/groups/diabetes-nord.md",
        &group("Diabetes Nord Kaputt", "").replace("\"active\"", "\"aktiv\""),
    );
    let (s, _) = poll("the problem to be reported", || {
        status(port).filter(|s| s["ok"] == false)
    });
    assert_eq!(s["errors"], 1, "{s}");
    let problem = &s["problems"][0];
    assert_eq!(problem["code"], "unknown-value", "{s}");
    assert_eq!(problem["file"], "content/groups/diabetes-nord.md", "{s}");
    assert_eq!(problem["line"], 6, "{s}");
    assert!(
        problem["message"]
            .as_str()
            .unwrap()
            .contains("`aktiv` ist hier nicht erlaubt"),
        "{s}"
    );
    assert!(
        s["report"].as_str().unwrap().contains("status = \"aktiv\""),
        "overlay shows the source line: {s}"
    );
    assert_eq!(s["title"], "Probleme im Inhalt");
    let (code, body) = get(port, page).unwrap();
    assert_eq!(code, 200);
    assert!(
        body.contains("Diabetes Nord Neu") && !body.contains("Kaputt"),
        "last good page is served"
    );

    // 4. Fixed again: served, no problems.
    root.write(
        "content/groups/diabetes-nord.md",
        &group("Diabetes Nord Repariert", ""),
    );
    poll("the repaired page", || {
        get(port, page).filter(|(_, b)| b.contains("Diabetes Nord Repariert"))
    });
    assert_eq!(status(port).unwrap()["ok"], true);

    // 5. Ctrl-C stops it cleanly (exit code 0).
    let pid = server.0.id() as libc::pid_t;
    // SAFETY: sending SIGINT to our own child process.
    unsafe { libc::kill(pid, libc::SIGINT) };
    let (exit, _) = poll("the server to stop", || server.0.try_wait().unwrap());
    assert!(exit.success(), "exit status {exit:?}");
    let mut stderr = String::new();
    server
        .0
        .stderr
        .take()
        .unwrap()
        .read_to_string(&mut stderr)
        .unwrap();
    assert!(stderr.contains("wegweiser serve beendet."), "{stderr}");
    assert!(
        stderr.contains("content/groups/diabetes-nord.md:6:10"),
        "terminal shows the problem: {stderr}"
    );
    assert!(
        TcpStream::connect(("127.0.0.1", port)).is_err(),
        "port is closed"
    );
}

#[test]
fn events_stream_announces_builds() {
    let root = Root::new();
    let port = free_port();
    let _server = serve(root.path(), port, &["--lang", "en"], Stdio::null());
    poll("the server", || status(port));
    let mut s = TcpStream::connect(("127.0.0.1", port)).unwrap();
    s.set_read_timeout(Some(PATIENCE)).unwrap();
    write!(
        s,
        "GET /__wegweiser/events HTTP/1.1\r\nHost: 127.0.0.1:{port}\r\n\r\n"
    )
    .unwrap();
    let mut buf = [0u8; 4096];
    let mut got = String::new();
    while !got.contains("retry:") {
        let n = s.read(&mut buf).unwrap();
        assert!(n > 0);
        got.push_str(&String::from_utf8_lossy(&buf[..n]));
    }
    assert!(got.contains("text/event-stream"), "{got}");
    root.write("content/groups/neu.md", &group("Neue Gruppe", ""));
    while !got.contains("data: ") {
        let n = s.read(&mut buf).expect("an event within 15 s");
        assert!(n > 0, "stream closed: {got}");
        got.push_str(&String::from_utf8_lossy(&buf[..n]));
    }
    // English overlay texts with --lang en.
    let st = status(port).unwrap();
    assert_eq!(st["title"], "Problems in the content", "{st}");
}

#[test]
fn port_in_use_is_reported() {
    let listener = TcpListener::bind("127.0.0.1:0").unwrap();
    let port = listener.local_addr().unwrap().port();
    let root = Root::new();
    let r = root.run(&["serve", "--root", ".", "--port", &port.to_string()]);
    assert_eq!(r.code, 1, "{}", r.all());
    assert!(r.stderr.contains(&format!("Port {port}")), "{}", r.stderr);
}
