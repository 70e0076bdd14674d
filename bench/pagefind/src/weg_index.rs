//! Reference timing: how long wegweiser's own search index
//! (`wegweiser::render::web::search::index`) takes, apart from the rest of
//! `wegweiser build`.
//!
//! Usage: weg-index ROOT [RUNS]   (prints one line per phase, in ms)

use std::path::Path;
use std::time::Instant;

use wegweiser::project::Project;
use wegweiser::render::web::search;
use wegweiser::render::web::views::{Texts, Urls};

fn main() {
    let args: Vec<String> = std::env::args().collect();
    let root = args.get(1).expect("usage: weg-index ROOT [RUNS]");
    let runs: usize = args.get(2).and_then(|r| r.parse().ok()).unwrap_or(5);
    let t = Instant::now();
    let project = Project::open(Path::new(root), 2027);
    let dir = project.usable().expect("a usable directory");
    eprintln!("load+validate {:.0} ms", t.elapsed().as_secs_f64() * 1e3);
    let urls = Urls {
        base: dir.settings.base_path.clone(),
        absolute: dir.settings.base_url.clone(),
    };
    // Shared with the pages, JSON-LD and export: not the search index's own cost.
    let t = Instant::now();
    let texts = Texts::new(dir, &urls);
    eprintln!("texts (shared) {:.0} ms", t.elapsed().as_secs_f64() * 1e3);
    let mut times = Vec::new();
    let mut len = 0;
    for _ in 0..runs {
        let t = Instant::now();
        len = std::hint::black_box(search::index(dir, &urls, &texts)).len();
        times.push(t.elapsed().as_secs_f64() * 1e3);
    }
    times.sort_by(f64::total_cmp);
    println!(
        "search::index median {:.1} ms (min {:.1}, max {:.1}, {runs} runs), {len} bytes",
        times[runs / 2],
        times[0],
        times[runs - 1]
    );
}
