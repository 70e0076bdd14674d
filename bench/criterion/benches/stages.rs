//! The hot stages on generated directories (examples/gen.rs):
//!
//! - `load_validate/1000`: `load::load` + `validate::validate` of 1,000
//!   groups (files in the page cache);
//! - `sort_index/*`: German collation keys of every sort text, sorted; the
//!   edition of a year; the search index (`/suche/index.json`);
//! - `web_render/*`: the Markdown of every description (`Texts`), and the
//!   whole site (`render::web::render`);
//! - `print/200`: typst compile + PDF export of a 200-entry edition, with
//!   typst's memo cache emptied first (as in `wegweiser print`), and
//!   `print_warm/200` with it kept from the previous compile (as in `serve`).
//!
//! Run: `cargo bench -p wegweiser-bench` (all), or with a filter:
//! `cargo bench -p wegweiser-bench -- web_render`.

use std::hint::black_box;
use std::time::Duration;

use criterion::{BatchSize, Criterion, SamplingMode, criterion_group, criterion_main};

use wegweiser::load::Theme;
use wegweiser::model::SortKey;
use wegweiser::render::web::search;
use wegweiser::render::web::views::{Texts, Urls};
use wegweiser_bench::{Generated, generate, load_and_validate};

#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

/// Groups of the directory for load, sort and web.
const GROUPS: usize = 1000;
/// Groups for the print edition: 190 groups + 9 organisations + 1 contact
/// point = 200 printed entries.
const PRINT_GROUPS: usize = 190;
const PRINT_ENTRIES: usize = 200;
const YEAR: i32 = 2027;

fn load_validate(c: &mut Criterion, input: &Generated) {
    let mut g = c.benchmark_group("load_validate");
    g.sample_size(10)
        .warm_up_time(Duration::from_secs(1))
        .measurement_time(Duration::from_secs(5));
    g.bench_function(input.groups.to_string(), |b| {
        b.iter_with_large_drop(|| load_and_validate(black_box(input.root())))
    });
    g.finish();
}

fn sort_index(c: &mut Criterion, input: &Generated) {
    let dir = input.directory();
    // Every text the model sorts by: entries (`sort_as` or name), aliases,
    // indications, categories.
    let mut texts: Vec<&str> = Vec::new();
    for e in dir.entries() {
        let meta = dir.meta(e);
        texts.push(meta.sort_key.text());
        texts.extend(meta.aliases.iter().map(|a| a.name.as_str()));
    }
    texts.extend(dir.indications.iter().map(|i| i.name.as_str()));
    texts.extend(dir.categories.iter().map(|c| c.name.as_str()));
    let urls = Urls::of(&dir);
    let md = Texts::new(&dir, &urls);

    let mut g = c.benchmark_group("sort_index");
    g.sample_size(10)
        .warm_up_time(Duration::from_secs(1))
        .measurement_time(Duration::from_secs(3));
    g.bench_function(format!("sort_keys/{}", texts.len()), |b| {
        b.iter(|| {
            let mut keys: Vec<SortKey> =
                black_box(&texts).iter().map(|t| SortKey::new(t)).collect();
            keys.sort();
            keys
        })
    });
    g.bench_function(format!("edition/{}", input.groups), |b| {
        b.iter(|| black_box(&dir).edition(YEAR).groups.len())
    });
    g.bench_function(format!("search_index/{}", input.groups), |b| {
        b.iter(|| search::index(black_box(&dir), &urls, &md))
    });
    g.finish();
}

fn web_render(c: &mut Criterion, input: &Generated) {
    let dir = input.directory();
    let theme = Theme::built_in();
    let urls = Urls::of(&dir);
    let mut g = c.benchmark_group("web_render");
    g.sample_size(10)
        .warm_up_time(Duration::from_secs(1))
        .measurement_time(Duration::from_secs(5));
    g.bench_function(format!("markdown_texts/{}", input.groups), |b| {
        b.iter_with_large_drop(|| Texts::new(black_box(&dir), &urls))
    });
    g.bench_function(format!("site/{}", input.groups), |b| {
        b.iter_with_large_drop(|| {
            wegweiser::render::web::render(black_box(&dir), &theme).expect("the site renders")
        })
    });
    g.finish();
}

fn print(c: &mut Criterion, input: &Generated) {
    let dir = input.directory();
    let edition = dir.edition(YEAR);
    let printed = edition.groups.len() + edition.organisations.len() + edition.contact_points.len();
    assert_eq!(printed, PRINT_ENTRIES, "entries in the edition");
    let theme = Theme::built_in();
    let render = || match wegweiser::render::print::render(black_box(&edition), &theme) {
        Ok(pdf) => pdf,
        Err(errors) => panic!("print failed:\n{}", errors.join("\n")),
    };
    let pages = render().pages;
    eprintln!("print: {printed} entries, {pages} pages");

    let mut g = c.benchmark_group("print");
    g.sampling_mode(SamplingMode::Flat)
        .sample_size(10)
        .warm_up_time(Duration::from_secs(2))
        .measurement_time(Duration::from_secs(10));
    g.bench_function(PRINT_ENTRIES.to_string(), |b| {
        b.iter_batched(
            || typst::comemo::evict(0),
            |()| render(),
            BatchSize::PerIteration,
        )
    });
    g.finish();
    let mut g = c.benchmark_group("print_warm");
    g.sampling_mode(SamplingMode::Flat)
        .sample_size(10)
        .warm_up_time(Duration::from_secs(2))
        .measurement_time(Duration::from_secs(8));
    g.bench_function(PRINT_ENTRIES.to_string(), |b| {
        b.iter_with_large_drop(render)
    });
    g.finish();
    typst::comemo::evict(0);
}

fn stages(c: &mut Criterion) {
    let input = generate(GROUPS);
    load_validate(c, &input);
    sort_index(c, &input);
    web_render(c, &input);
    drop(input);
    print(c, &generate(PRINT_GROUPS));
}

criterion_group!(benches, stages);
criterion_main!(benches);
