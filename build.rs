//! The built-in theme is compiled into the binary (`include_dir!`), which
//! does not notice edits to its files: rebuild when `themes/` changes.

fn main() {
    println!("cargo:rerun-if-changed=themes");
    println!("cargo:rerun-if-changed=build.rs");
}
