//! The content format: what a directory's files may hold, as serde types
//! ([`raw`]: `wegweiser.toml`, `indications.toml`, each entry kind's front
//! matter) and as JSON Schema ([`schema`]). It imports only the model's
//! vocabulary and the diagnostics' language; the loader parses into these
//! types, `wegweiser schema` prints them, and the browser editor's form
//! (`render::web::admin`) is generated from them: a description of the
//! input, not a stage of the pipeline, so every stage may read it.

pub mod raw;
pub mod schema;
