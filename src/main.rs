//! The `wegweiser` command: everything happens in the library.

/// typst allocates and frees millions of small objects per booklet;
/// mimalloc does that markedly faster than glibc's allocator.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() -> std::process::ExitCode {
    // `serve` runs for hours and should give memory back; every other
    // command is one short run.
    if !std::env::args_os().skip(1).any(|a| a == "serve") {
        tune_allocator_for_one_run();
    }
    wegweiser::cli::main()
}

/// A booklet's typesetting frees gigabytes between typst's passes and takes
/// them again right after. mimalloc by default gives freed memory back to
/// the system after 10 ms (and the kernel then has to hand it out again,
/// page by page); for one run that ends soon it keeps it (`purge_delay`
/// -1) and may use large pages (fewer page faults). At 10,000 entries
/// this takes about 4 s of kernel time off the booklet.
fn tune_allocator_for_one_run() {
    // mimalloc 3's `mi_option_t` (libmimalloc-sys 0.1.49, v3/include/mimalloc.h).
    const MI_OPTION_ALLOW_LARGE_OS_PAGES: std::ffi::c_int = 6;
    const MI_OPTION_PURGE_DELAY: std::ffi::c_int = 15;
    unsafe extern "C" {
        fn mi_option_set(option: std::ffi::c_int, value: std::ffi::c_long);
    }
    // SAFETY: setting an option is allowed at any time; both options are
    // read when memory is next reserved or purged.
    unsafe {
        mi_option_set(MI_OPTION_PURGE_DELAY, -1);
        mi_option_set(MI_OPTION_ALLOW_LARGE_OS_PAGES, 1);
    }
}
