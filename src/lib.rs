//! Technopolis Explorer: a sourced dataset of jobs in the Moscow SEZ «Технополис Москва»
//! and the charts drawn from it. Everything but `web` is plain Rust, tested natively.

pub mod dataset;
pub mod lang;
pub mod problem;
mod json;
mod raw;
pub mod time;
pub mod chart;
pub mod describe;
pub mod format;
pub mod layout;
pub mod render;
mod svg;

/// The embedded dataset, every figure sourced (see `data/technopolis-moscow.json`), as compact
/// JSON: `build.rs` drops the indentation, which the wasm would otherwise carry (18 KB).
pub const EMBEDDED_DATASET: &str = include_str!(concat!(env!("OUT_DIR"), "/technopolis-moscow.min.json"));
/// The same dataset as `build.rs` validated and encoded it, for `Dataset::decode`.
pub const EMBEDDED_ENCODED: &[u8] = include_bytes!(concat!(env!("OUT_DIR"), "/technopolis-moscow.postcard"));
pub mod interaction;
pub mod settings;
pub mod ui_text;

#[cfg(target_arch = "wasm32")]
mod web;

/// Talc in place of the standard dlmalloc: about half the code in the wasm (2.6 KB gzipped), and
/// parsing 10^5 observations within 10% of its time.
#[cfg(target_arch = "wasm32")]
#[global_allocator]
static ALLOCATOR: talc::wasm::WasmDynamicTalc = talc::wasm::new_wasm_dynamic_allocator();

#[cfg(target_arch = "wasm32")]
pub use web::{explore, report_internal_error, CanvasBackend};
#[cfg(all(target_arch = "wasm32", feature = "tools"))]
pub use web::mount;
pub mod subject;
pub mod csv_import;
pub mod export;
pub mod input;
pub mod limits;
pub mod summary;
pub mod sorting;
