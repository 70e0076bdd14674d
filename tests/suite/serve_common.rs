//! Helpers of the tests that run `wegweiser serve` (admin, serve_api,
//! workflow_serve): a free port, the server process, HTTP exchanges on a
//! fresh connection, polling with a generous patience.

#![allow(dead_code)]

use std::io::{Read, Write};
use std::net::{TcpListener, TcpStream};
use std::path::Path;
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

/// How long a poll waits (generous, so a loaded machine does not make a
/// test flaky), and the read timeout of an exchange.
pub(crate) const PATIENCE: Duration = Duration::from_secs(15);

/// How often a poll asks again.
pub(crate) const POLL: Duration = Duration::from_millis(10);

/// A loopback port nobody listens on.
pub(crate) fn free_port() -> u16 {
    TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port()
}

/// The server process; killed when dropped (also if a test fails half-way).
pub(crate) struct Server(pub Child);

impl Drop for Server {
    fn drop(&mut self) {
        let _ = self.0.kill();
        let _ = self.0.wait();
    }
}

/// Starts `wegweiser serve --root . --port PORT` and `more` in `root`
/// (standard output discarded, standard error as given).
pub(crate) fn serve(root: &Path, port: u16, more: &[&str], stderr: Stdio) -> Server {
    let port = port.to_string();
    let mut args = vec!["serve", "--root", ".", "--port", &port];
    args.extend_from_slice(more);
    let child = Command::new(env!("CARGO_BIN_EXE_wegweiser"))
        .args(args)
        .current_dir(root)
        .env("NO_COLOR", "1")
        .stdout(Stdio::null())
        .stderr(stderr)
        .spawn()
        .expect("start wegweiser serve");
    Server(child)
}

/// One HTTP exchange on a fresh connection: (status, head, body).
pub(crate) fn exchange(port: u16, head: &str, body: &[u8]) -> Option<(u16, String, String)> {
    let mut s = TcpStream::connect(("127.0.0.1", port)).ok()?;
    s.set_read_timeout(Some(PATIENCE)).ok()?;
    s.write_all(head.as_bytes()).ok()?;
    // The server may answer (and close) before it has read everything.
    let _ = s.write_all(body);
    let mut raw = Vec::new();
    let _ = s.read_to_end(&mut raw);
    let text = String::from_utf8_lossy(&raw).into_owned();
    let (head, body) = text.split_once("\r\n\r\n")?;
    let status = head.split_whitespace().nth(1)?.parse().ok()?;
    Some((status, head.to_owned(), body.to_owned()))
}

/// A minimal HTTP/1.1 GET: (status, body).
pub(crate) fn get(port: u16, path: &str) -> Option<(u16, String)> {
    let head =
        format!("GET {path} HTTP/1.1\r\nHost: 127.0.0.1:{port}\r\nConnection: close\r\n\r\n");
    exchange(port, &head, b"").map(|(status, _, body)| (status, body))
}

/// Polls every [`POLL`] until `f` gives `Some`, failing after [`PATIENCE`]:
/// the value and how long it took.
pub(crate) fn poll<T>(what: &str, mut f: impl FnMut() -> Option<T>) -> (T, Duration) {
    let started = Instant::now();
    loop {
        if let Some(v) = f() {
            return (v, started.elapsed());
        }
        assert!(
            started.elapsed() < PATIENCE,
            "gave up after {PATIENCE:?} waiting for {what}"
        );
        std::thread::sleep(POLL);
    }
}
