//! The `wegweiser` command itself, linked here so the reference build is
//! timed with the same sources and profile as `weg-index`.
fn main() -> std::process::ExitCode {
    wegweiser::cli::main()
}
