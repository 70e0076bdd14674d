//! The `wegweiser` command: everything happens in the library.

/// typst allocates and frees millions of small objects per booklet;
/// mimalloc does that markedly faster than glibc's allocator.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() -> std::process::ExitCode {
    wegweiser::cli::main()
}
