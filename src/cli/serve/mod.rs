//! `wegweiser serve`: the website from memory on 127.0.0.1, rebuilt on every
//! change of `content/`, `wegweiser.toml` or `themes/`, with live reload of
//! open browser tabs (server-sent events).
//!
//! Invalid content never stops the server: the last good site keeps being
//! served and the browser shows the problems as an overlay (in the
//! directory's language, from the message catalogue) until they are fixed.
//! `GET /__wegweiser/status` tells the state as JSON (also for tests and
//! scripts). Ctrl-C stops it cleanly.
//!
//! Rebuilds are incremental ([`rebuild`]): a changed file is read again, and
//! only the pages that show what changed are rendered again.

mod api;
mod base64;
mod edit;
mod guard;
mod http;
mod paths;
mod rebuild;
mod sha256;

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::mpsc;
use std::sync::{Arc, Condvar, Mutex};
use std::time::Duration;

use clap::Args;
use notify::RecursiveMode;
use notify_debouncer_full::{DebounceEventResult, DebouncedEvent, Debouncer};
use serde_json::json;

use super::{Context, Outcome, RootArgs, default_year, parse_port, parse_year};
use crate::diagnostics::{self, Format, Lang, Note, display_path};
use crate::output::Files;
use rebuild::{Build, Rebuilder, relevant};

#[derive(Debug, Args)]
pub(super) struct ServeArgs {
    #[command(flatten)]
    root: RootArgs,
    /// Port on 127.0.0.1.
    #[arg(long, default_value_t = 1111, value_parser = parse_port)]
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
    /// Files the last good build made (the others it took over).
    rendered: usize,
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
    /// The root as given.
    root: PathBuf,
    /// The port the server listens on (for checking `Host` and `Origin`).
    port: u16,
    /// `--lang`, if given.
    lang_override: Option<Lang>,
    /// Builds the site; locked by whoever builds (the watcher's loop, or
    /// the editor's API after a write) until the build is published.
    rebuilder: Mutex<Rebuilder>,
    /// What the editor's API wrote, for telling the watcher's reports of
    /// those writes (built already) from other changes.
    expected: Mutex<edit::Expected>,
}

/// Set by the SIGINT/SIGTERM handler.
static INTERRUPTED: AtomicBool = AtomicBool::new(false);

extern "C" fn on_signal(_: libc::c_int) {
    INTERRUPTED.store(true, Ordering::SeqCst);
}

fn install_signal_handlers() {
    // Unix, and Windows' C runtime (Ctrl-C in a console is its SIGINT).
    #[cfg(any(unix, windows))]
    // SAFETY: the handler only stores to an atomic, which is async-signal-safe.
    unsafe {
        let handler = on_signal as extern "C" fn(libc::c_int) as libc::sighandler_t;
        libc::signal(libc::SIGINT, handler);
        libc::signal(libc::SIGTERM, handler);
    }
}

/// How a build went, for the terminal.
struct BuildReport {
    ok: bool,
    files: usize,
    rendered: usize,
    errors: usize,
    millis: u128,
    lang: Lang,
}

impl Shared {
    /// The language of messages (the directory's, or `--lang`).
    fn lang(&self) -> Lang {
        self.state.lock().map(|s| s.lang).unwrap_or_default()
    }

    /// Takes a finished build into the state.
    fn publish(&self, b: Build, lang_override: Option<Lang>) -> BuildReport {
        let lang = lang_override.unwrap_or(b.project.lang);
        let mut json_buf = Vec::new();
        let _ = diagnostics::render(
            &b.project.diagnostics,
            &b.project.sources,
            lang,
            Format::Json,
            false,
            &mut json_buf,
        );
        let mut human = Vec::new();
        let _ = diagnostics::render(
            &b.project.diagnostics,
            &b.project.sources,
            lang,
            Format::Human,
            false,
            &mut human,
        );
        let errors = b.project.diagnostics.error_count();
        let warnings = b.project.diagnostics.warning_count();
        let mut s = self.state.lock().unwrap_or_else(|e| e.into_inner());
        s.generation += 1;
        s.ok = b.site.is_some();
        let files = b.site.as_ref().map(|f| f.len()).unwrap_or(0);
        let rendered = b.stats.map(|st| st.rendered).unwrap_or(0);
        if let Some(site) = b.site {
            s.site = site;
            s.good_generation = s.generation;
            s.rendered = rendered;
        }
        s.errors = errors;
        s.warnings = warnings;
        s.millis = b.millis;
        s.lang = lang;
        s.problems = serde_json::from_slice(&json_buf).unwrap_or(json!([]));
        s.report = String::from_utf8_lossy(&human).into_owned();
        let outcome = BuildReport {
            ok: s.ok,
            files,
            rendered,
            errors,
            millis: s.millis,
            lang,
        };
        drop(s);
        self.changed.notify_all();
        outcome
    }
}

impl BuildReport {
    /// Tells how the build went (the result of every build but the first is a note).
    fn tell(&self, ctx: &Context, first: bool) {
        if self.ok {
            let note = Note::ServeRebuilt {
                files: self.files,
                rendered: self.rendered,
                millis: self.millis,
            };
            if first {
                ctx.step(self.lang, note)
            } else {
                ctx.note(self.lang, note)
            }
        } else {
            ctx.note(
                self.lang,
                Note::ServeFailed {
                    errors: self.errors,
                },
            );
        }
    }
}

/// An editor's save is often several events (write, rename, chmod): the
/// debouncer hands them over once no new event came for this long, and
/// they make one build.
const DEBOUNCE: Duration = Duration::from_millis(30);

/// The changes reported by the watcher in one moment.
#[derive(Default)]
struct Batch {
    /// Changed paths that matter for the site.
    paths: BTreeSet<PathBuf>,
    /// The watcher may have lost changes.
    missed: bool,
}

impl Batch {
    /// Takes what the debouncer reports in one moment: the events (or the
    /// watcher's errors, which may have lost changes).
    fn from_debounced(root: &Path, result: DebounceEventResult) -> Batch {
        let mut batch = Batch::default();
        match result {
            Ok(events) => events.into_iter().for_each(|e| batch.take(root, e)),
            Err(_) => batch.missed = true,
        }
        batch
    }

    /// Takes one event: a change of a file that matters, or a rescan
    /// (reads, e.g. a build's own, are no change).
    fn take(&mut self, root: &Path, event: DebouncedEvent) {
        use notify::EventKind;
        let event = event.event;
        if event.need_rescan() {
            self.missed = true;
        } else if matches!(
            event.kind,
            EventKind::Create(_) | EventKind::Modify(_) | EventKind::Remove(_) | EventKind::Any
        ) {
            let paths = event.paths.into_iter().filter(|p| relevant(root, p));
            self.paths.extend(paths);
        }
    }
}

/// The debounced watcher serve uses.
type Watcher = Debouncer<notify::RecommendedWatcher, notify_debouncer_full::RecommendedCache>;

pub(super) fn run(ctx: &Context, args: ServeArgs) -> Outcome {
    let root = args.root.root.clone();
    let year = args.year.unwrap_or_else(default_year);
    let lang0 = ctx.lang_for_root(&root);
    let server = match tiny_http::Server::http(("127.0.0.1", args.port)) {
        Ok(s) => Arc::new(s),
        Err(e) => {
            eprintln!(
                "{}",
                Note::ServePortInUse {
                    port: args.port,
                    error: e.to_string()
                }
                .text(lang0)
            );
            return Outcome::Problems;
        }
    };
    let port = server
        .server_addr()
        .to_ip()
        .map(|a| a.port())
        .unwrap_or(args.port);
    let base_url = format!("http://127.0.0.1:{port}");
    install_signal_handlers();

    // Watch the files before the first build, so no change is missed
    // (changes only: reading them for a build must not count).
    let (tx, rx) = mpsc::channel::<DebounceEventResult>();
    let mut watcher = match notify_debouncer_full::new_debouncer(DEBOUNCE, None, tx) {
        Ok(w) => w,
        Err(e) => {
            eprintln!("wegweiser serve: {e}");
            return Outcome::Problems;
        }
    };
    let mut watched: BTreeSet<PathBuf> = BTreeSet::new();
    let watch_all = |watcher: &mut Watcher, watched: &mut BTreeSet<PathBuf>| {
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
            rendered: 0,
            lang: lang0,
            problems: json!([]),
            report: String::new(),
        }),
        changed: Condvar::new(),
        stop: AtomicBool::new(false),
        root: root.clone(),
        port,
        lang_override: ctx.lang_override,
        rebuilder: Mutex::new(Rebuilder::new(&root, year, base_url.clone())),
        expected: Mutex::new(edit::Expected::default()),
    });
    // HTTP: one thread accepts, one thread per request.
    let http = {
        let server = Arc::clone(&server);
        let shared = Arc::clone(&shared);
        std::thread::spawn(move || {
            for request in server.incoming_requests() {
                let shared = Arc::clone(&shared);
                std::thread::spawn(move || http::handle(request, &shared));
            }
        })
    };

    ctx.note(
        lang0,
        Note::ServeListening {
            url: format!("{base_url}/"),
            root: display_path(&root),
        },
    );
    let outcome = {
        let mut rebuilder = shared.rebuilder.lock().unwrap_or_else(|e| e.into_inner());
        let first = rebuilder.build();
        super::report(ctx, &first.project, Format::Human);
        shared.publish(first, ctx.lang_override)
    };
    outcome.tell(ctx, true);
    let lang = outcome.lang;

    ctx.step(
        lang,
        Note::ServeWatching {
            paths: watched
                .iter()
                .map(|p| display_path(p))
                .collect::<Vec<_>>()
                .join(", "),
        },
    );

    loop {
        if INTERRUPTED.load(Ordering::SeqCst) {
            break;
        }
        let mut batch = match rx.recv_timeout(Duration::from_millis(100)) {
            Ok(result) => Batch::from_debounced(&root, result),
            Err(mpsc::RecvTimeoutError::Timeout) => continue,
            Err(mpsc::RecvTimeoutError::Disconnected) => break,
        };
        if batch.paths.is_empty() && !batch.missed {
            continue;
        }
        watch_all(&mut watcher, &mut watched);
        // Writes of the editor's API are built already.
        batch.paths.retain(|p| edit::unexpected(&shared, p));
        if batch.paths.is_empty() && !batch.missed {
            continue;
        }
        let outcome = {
            let mut rebuilder = shared.rebuilder.lock().unwrap_or_else(|e| e.into_inner());
            if batch.missed {
                rebuilder.missed_changes();
            }
            rebuilder.changed(batch.paths.iter().map(PathBuf::as_path));
            let b = rebuilder.build();
            if b.project.diagnostics.has_errors() {
                super::report(ctx, &b.project, Format::Human);
            }
            shared.publish(b, ctx.lang_override)
        };
        let names = batch
            .paths
            .iter()
            .map(|p| display_path(p))
            .collect::<Vec<_>>()
            .join(", ");
        ctx.step(outcome.lang, Note::ServeChanged { paths: names });
        outcome.tell(ctx, false);
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
