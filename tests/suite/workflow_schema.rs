//! `wegweiser schema`: the JSON Schema generated from the loader's types
//! accepts every file of the sample directory and rejects broken ones.
//!
//! The validator is the reference implementation of JSON Schema for Python
//! (`jsonschema`, with format checking), run as a subprocess: the Rust
//! validator crates would change the feature set of dependencies shared with
//! typst and make the test build compile typst a second time.

use crate::common::*;

use std::path::Path;
use std::process::Command;

use serde_json::{Value, json};

/// TOML → JSON as an editor sees it: dates become strings.
/// Every kind `wegweiser schema KIND` knows.
const KINDS: [&str; 6] = [
    "group",
    "organisation",
    "contact-point",
    "page",
    "indications",
    "settings",
];

fn to_json(v: &toml::Value) -> Value {
    match v {
        toml::Value::String(s) => json!(s),
        toml::Value::Integer(i) => json!(i),
        toml::Value::Float(f) => json!(f),
        toml::Value::Boolean(b) => json!(b),
        toml::Value::Datetime(d) => json!(d.to_string()),
        toml::Value::Array(a) => Value::Array(a.iter().map(to_json).collect()),
        toml::Value::Table(t) => {
            Value::Object(t.iter().map(|(k, v)| (k.clone(), to_json(v))).collect())
        }
    }
}

/// The front matter of an entry file as JSON.
fn front_matter(text: &str) -> Value {
    let rest = text
        .strip_prefix("+++\n")
        .expect("front matter starts with +++");
    let end = rest.find("\n+++").expect("front matter is closed");
    to_json(&toml::from_str::<toml::Value>(&rest[..end + 1]).expect("valid TOML"))
}

fn schema(kind: Option<&str>) -> Value {
    let mut args = vec!["schema"];
    args.extend(kind);
    let r = run_in(&repo(), &args);
    assert_eq!(r.code, 0, "{}", r.all());
    serde_json::from_str(&r.stdout).expect("schema is JSON")
}

const VALIDATE_PY: &str = r#"
import json, sys
import jsonschema
cases = json.load(open(sys.argv[1]))
out = []
for c in cases:
    cls = jsonschema.validators.validator_for(c["schema"])
    cls.check_schema(c["schema"])
    v = cls(c["schema"], format_checker=cls.FORMAT_CHECKER)
    errors = sorted(e.message for e in v.iter_errors(c["instance"]))
    out.append(errors)
json.dump(out, sys.stdout)
"#;

fn python_jsonschema() -> bool {
    let ok = |c: &mut Command| c.output().map(|o| o.status.success()).unwrap_or(false);
    if ok(Command::new("python3").args(["-c", "import jsonschema"])) {
        return true;
    }
    // Same as scripts/test does for poppler: install what the test needs.
    ok(Command::new("python3").args([
        "-m",
        "pip",
        "install",
        "--quiet",
        "--disable-pip-version-check",
        "jsonschema",
    ])) && ok(Command::new("python3").args(["-c", "import jsonschema"]))
}

/// Validates each (schema, instance); returns the error messages of each.
fn validate(cases: &[(Value, Value)]) -> Vec<Vec<String>> {
    assert!(
        python_jsonschema(),
        "python3 with the `jsonschema` package is needed (pip install jsonschema)"
    );
    let dir = tempfile::tempdir().unwrap();
    let input = dir.path().join("cases.json");
    let list: Vec<Value> = cases
        .iter()
        .map(|(s, i)| json!({ "schema": s, "instance": i }))
        .collect();
    std::fs::write(&input, serde_json::to_vec(&list).unwrap()).unwrap();
    let out = Command::new("python3")
        .args(["-c", VALIDATE_PY])
        .arg(&input)
        .output()
        .expect("python3");
    assert!(
        out.status.success(),
        "validator failed: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    serde_json::from_slice(&out.stdout).expect("validator output")
}

/// Every sample file with the kind of its schema.
fn sample_instances() -> Vec<(String, &'static str, Value)> {
    let root = repo();
    let mut out = Vec::new();
    let read = |p: &Path| std::fs::read_to_string(p).unwrap();
    out.push((
        "wegweiser.toml".into(),
        "settings",
        to_json(&toml::from_str(&read(&root.join("wegweiser.toml"))).unwrap()),
    ));
    out.push((
        "content/indications.toml".into(),
        "indications",
        to_json(&toml::from_str(&read(&root.join("content/indications.toml"))).unwrap()),
    ));
    for (folder, kind) in [
        ("groups", "group"),
        ("organisations", "organisation"),
        ("contact-points", "contact-point"),
        ("pages", "page"),
    ] {
        let mut files: Vec<_> = std::fs::read_dir(root.join("content").join(folder))
            .unwrap()
            .map(|e| e.unwrap().path())
            .filter(|p| p.extension().is_some_and(|e| e == "md"))
            .collect();
        files.sort();
        assert!(!files.is_empty(), "sample has {folder}");
        for f in files {
            out.push((f.display().to_string(), kind, front_matter(&read(&f))));
        }
    }
    out
}

#[test]
fn every_sample_file_validates_against_its_kind_and_the_combined_document() {
    let all = schema(None);
    assert!(all["$defs"].is_object());
    for kind in KINDS {
        assert!(
            all["$defs"][kind].is_object(),
            "combined document has $defs/{kind}"
        );
    }
    let instances = sample_instances();
    let mut by_kind = std::collections::HashMap::new();
    let mut cases = Vec::new();
    for (_, kind, instance) in &instances {
        let s = by_kind
            .entry(*kind)
            .or_insert_with(|| schema(Some(kind)))
            .clone();
        cases.push((s, instance.clone()));
        // The same through the combined document.
        let mut doc = all.clone();
        doc["$ref"] = json!(format!("#/$defs/{kind}"));
        cases.push((doc, instance.clone()));
    }
    let results = validate(&cases);
    let failures: Vec<String> = results
        .iter()
        .enumerate()
        .filter(|(_, e)| !e.is_empty())
        .map(|(i, e)| format!("{}: {e:?}", instances[i / 2].0))
        .collect();
    assert!(
        failures.is_empty(),
        "sample files rejected by the schema:\n{}",
        failures.join("\n")
    );
    assert!(
        instances.len() > 90,
        "all sample files were checked ({})",
        instances.len()
    );
}

#[test]
fn broken_front_matter_fails_and_names_the_problem() {
    let good = front_matter(&group(
        "X",
        "[[meetings]]\nrhythm = \"monthly\"\nweekday = \"tuesday\"\nweeks = [2]\nstart = \"19:00\"\n",
    ));
    let g = schema(Some("group"));
    let mut unknown_field = good.clone();
    unknown_field["distrikt"] = json!("Nord");
    let mut bad_status = good.clone();
    bad_status["status"] = json!("aktiv");
    let mut date_as_text = good.clone();
    date_as_text["verified"] = json!("14.09.2026");
    let mut missing = good.clone();
    missing.as_object_mut().unwrap().remove("format");
    let mut bad_time = good.clone();
    bad_time["meetings"][0]["start"] = json!("19 Uhr");
    let mut bad_indication = good.clone();
    bad_indication["indications"] = json!(["Diabetes"]);
    let results = validate(&[
        (g.clone(), good),
        (g.clone(), unknown_field),
        (g.clone(), bad_status),
        (g.clone(), date_as_text),
        (g.clone(), missing),
        (g.clone(), bad_time),
        (g, bad_indication),
    ]);
    assert!(results[0].is_empty(), "good group: {:?}", results[0]);
    let expect = [
        "distrikt",
        "aktiv",
        "14.09.2026",
        "format",
        "19 Uhr",
        "Diabetes",
    ];
    for (errors, word) in results[1..].iter().zip(expect) {
        assert!(
            errors.iter().any(|e| e.contains(word)),
            "expected an error about `{word}`, got {errors:?}"
        );
    }

    let s = schema(Some("settings"));
    let settings = to_json(&toml::from_str(SETTINGS).unwrap());
    let mut bad = settings.clone();
    bad["print"] = json!({ "paper": "a3" });
    let mut ind = to_json(&toml::from_str(INDICATIONS).unwrap());
    let i = schema(Some("indications"));
    let good_ind = ind.clone();
    ind["Diabetes Typ 2"] = json!({ "name": "x", "category": "y" });
    let results = validate(&[
        (s.clone(), settings),
        (s, bad),
        (i.clone(), good_ind),
        (i, ind),
    ]);
    assert!(
        results[0].is_empty() && results[2].is_empty(),
        "{results:?}"
    );
    assert!(results[1].iter().any(|e| e.contains("a3")), "{results:?}");
    assert!(
        results[3].iter().any(|e| e.contains("Diabetes Typ 2")),
        "{results:?}"
    );
}

#[test]
fn schema_kinds_and_usage() {
    for kind in KINDS {
        let s = schema(Some(kind));
        assert_eq!(s["$schema"], "https://json-schema.org/draft/2019-09/schema");
        assert!(
            s["title"].as_str().unwrap().starts_with("wegweiser"),
            "{kind}"
        );
    }
    let g = schema(Some("group"));
    let required: Vec<&str> = g["required"]
        .as_array()
        .unwrap()
        .iter()
        .map(|v| v.as_str().unwrap())
        .collect();
    for f in [
        "name",
        "indications",
        "audience",
        "format",
        "status",
        "verified",
    ] {
        assert!(required.contains(&f), "{f} is required: {required:?}");
    }
    assert_eq!(g["additionalProperties"], json!(false));
    assert_eq!(g["properties"]["verified"]["format"], "date");
    let r = run_in(&repo(), &["schema", "meeting"]);
    assert_eq!(r.code, 2, "unknown kind is a usage error: {}", r.all());
}
