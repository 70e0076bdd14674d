//! Inputs of the benches: synthetic directories made by the generator of
//! `examples/gen.rs` (deterministic, fixed seed), in a temporary folder.
//!
//! The generator is an example, not library code, so it is run as a
//! program: `$WEGWEISER_GEN` if set, else `target/release/examples/gen` if
//! it is newer than `examples/gen.rs`, else `cargo run --release --example
//! gen`.

use std::path::{Path, PathBuf};
use std::process::Command;

use wegweiser::diagnostics::{Diagnostics, Sources};
use wegweiser::load;
use wegweiser::model::Directory;
use wegweiser::validate;

/// A generated directory; removed when dropped.
pub struct Generated {
    dir: tempfile::TempDir,
    /// Number of groups asked for.
    pub groups: usize,
}

impl Generated {
    /// The directory's root folder.
    pub fn root(&self) -> &Path {
        self.dir.path()
    }

    /// Loads and validates the directory; panics on any error (the
    /// generator writes valid content).
    pub fn directory(&self) -> Directory {
        load_and_validate(self.root())
    }
}

/// The root of the repository (the `wegweiser` package).
fn repo_root() -> PathBuf {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("../..");
    root.canonicalize().unwrap_or(root)
}

fn newer(a: &Path, b: &Path) -> bool {
    let modified = |p: &Path| std::fs::metadata(p).and_then(|m| m.modified()).ok();
    match (modified(a), modified(b)) {
        (Some(a), Some(b)) => a >= b,
        (Some(_), None) => true,
        _ => false,
    }
}

/// Generates a directory of `groups` groups (plus `groups / 20`
/// organisations and `groups / 200` contact points, at least one each).
pub fn generate(groups: usize) -> Generated {
    let dir = tempfile::Builder::new()
        .prefix("wegweiser-bench-")
        .tempdir()
        .expect("temp dir");
    let out = dir.path();
    let root = repo_root();
    let args = [
        "--groups".to_owned(),
        groups.to_string(),
        "--out".to_owned(),
        out.display().to_string(),
    ];
    let target =
        std::env::var_os("CARGO_TARGET_DIR").map_or_else(|| root.join("target"), PathBuf::from);
    let built = target.join("release/examples/gen");
    let mut cmd = if let Some(gen_bin) = std::env::var_os("WEGWEISER_GEN") {
        Command::new(gen_bin)
    } else if newer(&built, &root.join("examples/gen.rs")) {
        Command::new(&built)
    } else {
        let cargo = std::env::var_os("CARGO").unwrap_or_else(|| "cargo".into());
        let mut c = Command::new(cargo);
        c.current_dir(&root)
            .args(["run", "--release", "--quiet", "--example", "gen", "--"]);
        c
    };
    let status = cmd
        .args(&args)
        .status()
        .expect("the generator (examples/gen.rs) runs");
    assert!(status.success(), "the generator failed: {status}");
    Generated { dir, groups }
}

/// `load::load` + `validate::validate`, as the CLI runs them; panics on
/// errors.
pub fn load_and_validate(root: &Path) -> Directory {
    let mut sources = Sources::default();
    let mut diagnostics = Diagnostics::default();
    let raw = load::load(root, &mut sources, &mut diagnostics);
    let dir = validate::validate(raw, &mut diagnostics);
    assert!(
        !diagnostics.has_errors(),
        "generated directory is invalid: {:#?}",
        diagnostics.iter().take(10).collect::<Vec<_>>()
    );
    dir.expect("a directory")
}
