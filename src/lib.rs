//! Technopolis Explorer: a sourced dataset of jobs in the Moscow SEZ «Технополис Москва»
//! and the charts drawn from it. Everything but `web` is plain Rust, tested natively;
//! `docs/ARCHITECTURE.md` maps the modules.

pub mod lang;
pub mod limits;
pub mod qualifier;
pub mod grade;
pub mod time;
pub mod problem;
mod json;
mod raw;
pub mod dataset;
pub mod csv_import;
pub mod input;
pub mod format;
pub mod describe;
pub mod subject;
pub mod chart;
pub mod summary;
pub mod export;
pub mod layout;
pub mod theme;
pub mod render;
pub mod interaction;
pub mod settings;
pub mod options;
pub mod embed;
pub mod ui_text;
pub mod sorting;
pub mod snapshot;
#[cfg(feature = "tools")]
pub mod transfer;

#[cfg(target_arch = "wasm32")]
mod web;

/// The embedded dataset, every figure sourced: `data/technopolis-moscow.json` as it is, read at
/// start by the same reader as any other dataset.
pub const EMBEDDED_DATASET: &str = include_str!("../data/technopolis-moscow.json");

#[cfg(target_arch = "wasm32")]
pub use web::{explore, report_internal_error, Explorer};
#[cfg(all(target_arch = "wasm32", feature = "tools"))]
pub use web::{mount, set_loader, DatasetReader};
