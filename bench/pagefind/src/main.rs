//! Feeds wegweiser's compact search records (the site's `suche/index.json`)
//! to pagefind as custom records and writes the pagefind bundle.
//!
//! Usage: pagefind-bench INDEX_JSON OUT_DIR
//!
//! With PF_MAX_FRAGMENTS=N, pagefind bundles the per-record fragment files
//! into at most N shared files (its `max_fragments` option).
//!
//! One record per entry and per topic, the same text MiniSearch indexes
//! (name, aliases, topic names and synonyms, district, languages, first
//! sentence); name, kind, primary topic, place and status as metadata,
//! kind as a filter.

use std::collections::BTreeMap;
use std::time::Instant;

use pagefind::api::PagefindIndex;
use pagefind::options::PagefindServiceConfig;
use serde_json::Value;

fn strs(v: &Value) -> Vec<&str> {
    v.as_array()
        .map(|a| a.iter().filter_map(Value::as_str).collect())
        .unwrap_or_default()
}

#[tokio::main]
async fn main() {
    let args: Vec<String> = std::env::args().collect();
    let [_, input, out] = args.as_slice() else {
        eprintln!("usage: pagefind-bench INDEX_JSON OUT_DIR");
        std::process::exit(2);
    };
    let t0 = Instant::now();
    let ix: Value =
        serde_json::from_slice(&std::fs::read(input).expect("read index")).expect("parse index");
    let topics = ix["topics"].as_array().expect("topics");
    let entries = ix["entries"].as_array().expect("entries");
    let prefix = &ix["prefix"];

    let max_fragments = std::env::var("PF_MAX_FRAGMENTS")
        .ok()
        .and_then(|m| m.parse::<u32>().ok())
        .unwrap_or(0); // 0: one file per record
    let options = PagefindServiceConfig::builder()
        .force_language("de".to_string())
        .max_fragments(max_fragments)
        .build();
    let mut index = PagefindIndex::new(Some(options)).expect("options");
    let mut records = 0usize;
    let mut words = 0u64;
    let mut pending: Vec<(String, String, BTreeMap<String, String>, &str)> = Vec::new();

    for t in topics {
        let (id, name, synonyms) = (t[0].as_str().unwrap(), t[1].as_str().unwrap(), strs(&t[2]));
        let url = format!("{}{}/", prefix["topic"].as_str().unwrap(), id);
        let content = format!("{name}. {}", synonyms.join(" "));
        let meta = BTreeMap::from([
            ("title".to_string(), name.to_string()),
            ("kind".to_string(), "topic".to_string()),
        ]);
        pending.push((url, content, meta, "topic"));
    }
    for e in entries {
        let kind = e[0].as_str().unwrap();
        let (slug, name) = (e[1].as_str().unwrap(), e[2].as_str().unwrap());
        let aliases = strs(&e[3]);
        let nums: Vec<usize> = e[4]
            .as_array()
            .unwrap()
            .iter()
            .filter_map(|n| n.as_u64())
            .map(|n| n as usize)
            .collect();
        let (district, languages, text, status) = (
            e[5].as_str().unwrap(),
            strs(&e[6]),
            e[7].as_str().unwrap(),
            e[8].as_str().unwrap(),
        );
        let topic_text: Vec<String> = nums
            .iter()
            .map(|&n| {
                format!(
                    "{} {}",
                    topics[n][1].as_str().unwrap(),
                    strs(&topics[n][2]).join(" ")
                )
            })
            .collect();
        let url = format!("{}{}/", prefix[kind].as_str().unwrap(), slug);
        let content = [
            name.to_string(),
            aliases.join(" "),
            topic_text.join(" "),
            district.to_string(),
            languages.join(" "),
            text.to_string(),
        ]
        .into_iter()
        .filter(|s| !s.is_empty())
        .collect::<Vec<_>>()
        .join(". ");
        let mut meta = BTreeMap::from([
            ("title".to_string(), name.to_string()),
            ("kind".to_string(), kind.to_string()),
        ]);
        if let Some(&n) = nums.first() {
            meta.insert("primary".into(), topics[n][1].as_str().unwrap().to_string());
        }
        if !district.is_empty() {
            meta.insert("place".into(), district.to_string());
        }
        if !status.is_empty() {
            meta.insert("status".into(), status.to_string());
        }
        pending.push((url, content, meta, kind));
    }
    // Every record the same way: kind as the one filter.
    for (url, content, meta, kind) in pending {
        let filters = BTreeMap::from([("kind".to_string(), vec![kind.to_string()])]);
        let r = index
            .add_custom_record(url, content, "de".into(), Some(meta), Some(filters), None)
            .await
            .expect("record");
        words += r.page_word_count as u64;
        records += 1;
    }
    let t_add = t0.elapsed();
    let _ = std::fs::remove_dir_all(out);
    let written = index.write_files(Some(out.clone())).await.expect("write");
    eprintln!(
        "pagefind-bench: {records} records, {words} words; add {:.2} s, total {:.2} s → {written}",
        t_add.as_secs_f64(),
        t0.elapsed().as_secs_f64()
    );
}
