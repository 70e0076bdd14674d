//! The CI examples in `docs/ci/`: valid YAML of the right shape, every
//! `wegweiser …` command they run is accepted by the command line, and
//! those commands succeed on (a copy of) the sample directory.

use crate::common::*;

use std::path::{Path, PathBuf};

use clap::Parser;
use serde_norway::Value;

fn yaml_files() -> Vec<PathBuf> {
    let mut out = Vec::new();
    for e in walkdir::WalkDir::new(repo().join("docs/ci")).sort_by_file_name() {
        let e = e.unwrap();
        let name = e.file_name().to_string_lossy();
        if e.file_type().is_file() && (name.ends_with(".yml") || name.ends_with(".yaml")) {
            out.push(e.into_path());
        }
    }
    out
}

fn load(path: &Path) -> Value {
    let text = std::fs::read_to_string(path).unwrap();
    serde_norway::from_str(&text)
        .unwrap_or_else(|e| panic!("{}: invalid YAML: {e}", path.display()))
}

fn str_of(v: &Value) -> Vec<String> {
    match v {
        Value::String(s) => vec![s.clone()],
        Value::Sequence(items) => items.iter().flat_map(str_of).collect(),
        _ => vec![],
    }
}

/// Every shell script in a workflow: GitHub `run:`, GitLab `script:` / `before_script:`.
fn scripts(v: &Value, out: &mut Vec<String>) {
    match v {
        Value::Mapping(m) => {
            for (k, val) in m {
                if matches!(
                    k.as_str(),
                    Some("run" | "script" | "before_script" | "after_script")
                ) {
                    out.extend(str_of(val));
                } else {
                    scripts(val, out);
                }
            }
        }
        Value::Sequence(items) => items.iter().for_each(|i| scripts(i, out)),
        _ => {}
    }
}

/// The `wegweiser …` command lines of a script, with shell variables given
/// sample values and quotes removed.
fn wegweiser_commands(script: &str) -> Vec<Vec<String>> {
    let mut out = Vec::new();
    for line in script.lines() {
        for part in line
            .split("&&")
            .flat_map(|p| p.split("||"))
            .flat_map(|p| p.split(';'))
        {
            let words: Vec<String> = part
                .split_whitespace()
                .map(|w| {
                    w.trim_matches(['"', '\''])
                        .replace("$YEAR", "2027")
                        .replace("${YEAR}", "2027")
                })
                .collect();
            if words.first().map(String::as_str) == Some("wegweiser") {
                out.push(words);
            }
        }
    }
    out
}

#[test]
fn workflows_are_valid_yaml_of_the_right_shape() {
    let files = yaml_files();
    let names: Vec<String> = files
        .iter()
        .map(|f| f.strip_prefix(repo()).unwrap().display().to_string())
        .collect();
    for want in [
        "docs/ci/github/check.yml",
        "docs/ci/github/publish.yml",
        "docs/ci/gitlab/gitlab-ci.yml",
        "docs/ci/project/release.yml",
    ] {
        assert!(names.iter().any(|n| n == want), "{want} missing: {names:?}");
    }
    for f in &files {
        let v = load(f);
        let name = f.display().to_string();
        if name.contains("/gitlab/") {
            let stages = str_of(&v["stages"]);
            let m = v.as_mapping().unwrap();
            for (k, job) in m {
                let k = k.as_str().unwrap();
                if ["variables", "stages", "default", "workflow", "include"].contains(&k)
                    || k.starts_with('.')
                {
                    continue;
                }
                assert!(job.get("script").is_some(), "{name}: job {k} has a script");
                let stage = job["stage"].as_str().unwrap();
                assert!(
                    stages.iter().any(|s| s == stage),
                    "{name}: stage {stage} of {k} is declared"
                );
            }
            assert!(
                v["pages"]["artifacts"]["paths"]
                    .as_sequence()
                    .unwrap()
                    .iter()
                    .any(|p| p.as_str() == Some("public"))
            );
        } else {
            // GitHub Actions: `on` (YAML 1.1 may read it as `true`), jobs with runs-on and steps.
            let m = v.as_mapping().unwrap();
            assert!(
                m.keys()
                    .any(|k| k.as_str() == Some("on") || k.as_bool() == Some(true)),
                "{name}: trigger"
            );
            let jobs = v["jobs"]
                .as_mapping()
                .unwrap_or_else(|| panic!("{name}: jobs"));
            for (id, job) in jobs {
                assert!(job.get("runs-on").is_some(), "{name}: {id:?} runs-on");
                for step in job["steps"]
                    .as_sequence()
                    .unwrap_or_else(|| panic!("{name}: {id:?} steps"))
                {
                    assert!(
                        step.get("uses").is_some() ^ step.get("run").is_some(),
                        "{name}: step {step:?} has uses or run"
                    );
                }
            }
        }
    }
    let publish = load(&repo().join("docs/ci/github/publish.yml"));
    let uses: Vec<String> = publish["jobs"]
        .as_mapping()
        .unwrap()
        .values()
        .flat_map(|j| {
            j["steps"]
                .as_sequence()
                .unwrap()
                .iter()
                .filter_map(|s| s.get("uses")?.as_str().map(String::from))
        })
        .collect();
    for action in [
        "actions/upload-pages-artifact@",
        "actions/deploy-pages@",
        "actions/upload-artifact@",
        "actions/cache@",
    ] {
        assert!(
            uses.iter().any(|u| u.starts_with(action)),
            "publish uses {action}: {uses:?}"
        );
    }
}

#[test]
fn every_wegweiser_command_in_the_workflows_parses_and_succeeds_on_the_sample() {
    // A copy of the sample directory, as a directory's repository would hold it.
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path();
    std::fs::copy(repo().join("wegweiser.toml"), root.join("wegweiser.toml")).unwrap();
    for (rel, bytes) in snapshot(&repo().join("content")) {
        let p = root.join("content").join(rel);
        std::fs::create_dir_all(p.parent().unwrap()).unwrap();
        std::fs::write(p, bytes).unwrap();
    }

    let mut seen = Vec::new();
    for f in yaml_files() {
        if f.to_string_lossy().contains("/project/") {
            continue; // the project's own release: no wegweiser command on a directory
        }
        let mut all = Vec::new();
        scripts(&load(&f), &mut all);
        let commands: Vec<Vec<String>> = all.iter().flat_map(|s| wegweiser_commands(s)).collect();
        assert!(!commands.is_empty(), "{}: runs wegweiser", f.display());
        for words in commands {
            if let Err(e) = wegweiser::cli::Cli::try_parse_from(&words) {
                panic!(
                    "{}: `{}` is not a valid command line:\n{e}",
                    f.display(),
                    words.join(" ")
                );
            }
            let args: Vec<&str> = words[1..].iter().map(String::as_str).collect();
            let r = run_in(root, &args);
            assert_eq!(
                r.code,
                0,
                "{}: `{}` failed on the sample:\n{}",
                f.display(),
                words.join(" "),
                r.all()
            );
            if args.contains(&"github") {
                assert!(
                    r.stdout
                        .lines()
                        .all(|l| l.starts_with("::warning ") || l.starts_with("::error ")),
                    "{}",
                    r.stdout
                );
            }
            seen.push(words.join(" "));
        }
    }
    assert!(
        seen.iter()
            .any(|c| c.starts_with("wegweiser check --format github")),
        "{seen:?}"
    );
    assert!(
        seen.iter().any(|c| c.starts_with("wegweiser build")),
        "{seen:?}"
    );
    assert!(root.join("output/site/index.html").is_file());
    assert!(root.join("output/print/wegweiser-2027.pdf").is_file());
}

#[test]
fn ci_means_no_progress_lines() {
    // In CI (CI=true, not a terminal) build prints only its summary.
    let root = Root::new();
    // Only used indications, so there is no warning to print.
    root.write(
        "content/indications.toml",
        "[diabetes]\nname = \"Diabetes\"\ncategory = \"Chronische Erkrankungen\"\n",
    );
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_wegweiser"))
        .args(["build", "--root", ".", "--only", "web"])
        .current_dir(root.path())
        .env("CI", "true")
        .output()
        .unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(out.status.success(), "{stderr}");
    assert_eq!(stderr.lines().count(), 1, "{stderr}");
    assert!(
        stderr.starts_with("wegweiser: ") && stderr.contains(" s)"),
        "{stderr}"
    );
    // --verbose shows the steps with their times, --quiet nothing at all.
    let r = root.run(&["build", "--root", ".", "--only", "web", "--verbose"]);
    assert!(
        r.stderr.contains("Gelesen und geprüft") && r.stderr.contains("Website: "),
        "{}",
        r.stderr
    );
    let r = root.run(&["build", "--root", ".", "--only", "web", "--quiet"]);
    assert!(r.stderr.is_empty(), "{}", r.stderr);
    let r = root.run(&[
        "--lang",
        "en",
        "build",
        "--root",
        ".",
        "--only",
        "web",
        "--verbose",
    ]);
    assert!(
        r.stderr.contains("Read and checked") && r.stderr.contains("entries"),
        "{}",
        r.stderr
    );
}

/// The install scripts stop with a message that says where to set
/// `WEGWEISER_REPO` when it is missing (instead of a failed download), and
/// no workflow carries a placeholder repository.
#[test]
fn a_missing_release_repository_is_explained() {
    let mut checked = 0;
    for path in yaml_files() {
        let text = std::fs::read_to_string(&path).unwrap();
        assert!(
            !text.contains("OWNER/"),
            "{}: placeholder repository",
            path.display()
        );
        let mut all = Vec::new();
        scripts(&load(&path), &mut all);
        for script in all.iter().filter(|s| s.contains("releases/download")) {
            let home = tempfile::tempdir().unwrap();
            // GitLab scripts check for the binary in the working folder.
            let out = std::process::Command::new("bash")
                .args(["-c", script])
                .current_dir(home.path())
                .env("HOME", home.path())
                .env("WEGWEISER_REPO", "")
                .env("WEGWEISER_VERSION", "0.1.0")
                .output()
                .expect("run bash");
            let said = format!(
                "{}{}",
                String::from_utf8_lossy(&out.stdout),
                String::from_utf8_lossy(&out.stderr)
            );
            assert_eq!(out.status.code(), Some(1), "{}: {said}", path.display());
            assert!(
                said.contains("WEGWEISER_REPO") && said.contains("Variables"),
                "{}: {said}",
                path.display()
            );
            checked += 1;
        }
    }
    assert!(checked >= 3, "only {checked} install scripts found");
}
