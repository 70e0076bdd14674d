//! The `wegweiser` command: everything happens in the library.

fn main() -> std::process::ExitCode {
    wegweiser::cli::main()
}
