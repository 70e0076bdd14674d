//! Stage 4, renderers: each output format is a renderer over the one
//! immutable [`crate::model::Directory`] (and the theme's files). Renderers
//! never read content files or validate; they return bytes, which
//! [`crate::output`] writes atomically.

pub mod escape;
pub mod markdown;
pub mod print;
pub mod web;
pub mod words;
