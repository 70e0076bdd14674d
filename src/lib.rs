//! wegweiser: a static-site and print generator for directories of
//! self-help groups, organisations and contact points.
//!
//! The pipeline, one module per stage:
//! [`load`] (walk, front matter, TOML) → [`validate`] (all problems at
//! once, located) → [`model`] (one immutable [`model::Directory`]) →
//! [`render`] (web with tera, print with typst) → [`output`] (atomic write).
//! [`format`] describes the files (serde types and JSON Schema) for every
//! stage that needs it.

pub mod cli;
pub mod diagnostics;
pub mod format;
pub mod import;
pub mod load;
pub mod model;
pub mod output;
pub mod printable;
pub mod project;
pub mod render;
pub mod validate;

pub use model::suggest;
