//! kaohe's integration tests, one binary (as just and PRQL keep theirs): one link
//! for all of them, and one place for the helpers they share (`common`, `formats`,
//! `run`). Each module is one feature's tests; fixtures stay in `tests/<feature>/`, and
//! the snapshots in `tests/it/snapshots/`.
//!
//! The language server's tests (`tests/lsp.rs`) are a binary of their own: the server
//! sets the process's language at its handshake, which would race with the other
//! tests' messages in one process.

mod common;
mod formats;
mod run;

mod app;
mod architecture;
mod blend;
mod calendar;
mod casetest;
mod clauses;
mod cli;
mod cli_options;
mod diagnostics;
mod diff;
mod discretion;
mod draft_2023;
mod eval_formats;
mod evidence;
mod evidence_formats;
mod fmt;
mod fuzz_regressions;
mod guide;
mod help;
mod hostile;
mod hostile_diagnostics;
mod hostile_outputs;
mod html_report;
mod illustration;
mod item_bound;
mod jiangmen;
mod limits;
mod limits_2023;
mod limits_large;
mod locales;
mod next_year;
mod numbers;
mod office_evidence;
mod office_forms;
mod other_rubric;
mod parser_errors;
mod periods_sheets;
mod pooled_2023;
mod properties;
mod range_paths;
mod ranking_store;
mod render;
mod scorer;
mod scorer_random;
mod streaming;
mod streaming_reports;
mod tables;
mod template;
mod ui;
mod ui_lang;
mod workbook_print;
mod zh_reports;
