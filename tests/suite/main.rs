//! The integration tests, one binary (each file of its own would link typst
//! again: 18 links of a large binary). A module per area; `common`,
//! `web_common` and `serve_common` hold the helpers.

mod common;
mod serve_common;
mod web_common;

mod admin;
mod bad_input;
mod build;
mod contract;
mod front_matter_recovery;
mod hardening_fuzz_regressions;
mod hardening_input;
mod hardening_output;
mod hardening_props;
mod import_export;
mod print;
mod print_words;
mod serve_api;
mod serve_incremental;
mod web_calendar;
mod web_fixtures;
mod web_site;
mod workflow_check;
mod workflow_ci;
mod workflow_cli_lang;
mod workflow_new_stale;
mod workflow_schema;
mod workflow_serve;
