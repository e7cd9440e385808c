//! The browser shell. It builds the explorer's elements, turns events into calls on the core,
//! and draws what the core lays out; what a chart shows and where is decided in the core.
//!
//! An explorer lives either on its own page (`explore`: its state is the page's URL, with
//! history) or inside a host's element (`mount`: its state comes from options or attributes and
//! changes are announced with a `statechange` event). Both return an `Explorer` handle.

mod app;
mod clipboard;
mod controls;
mod dom;
mod explorer;
#[cfg(feature = "tools")]
mod files;
#[cfg(not(feature = "tools"))]
mod handover;
mod listeners;
#[cfg(feature = "tools")]
mod loading;
mod painter;
mod panels;
mod panic;
#[cfg(feature = "tools")]
mod pending;
mod parts;
mod platform;
#[cfg(feature = "tools")]
mod reader;
#[cfg(feature = "tools")]
mod tools;
mod wiring;

pub use explorer::{explore, Explorer};
#[cfg(feature = "tools")]
pub use explorer::mount;
#[cfg(feature = "tools")]
pub use loading::set_loader;
#[cfg(feature = "tools")]
pub use reader::DatasetReader;

/// Shows an internal error as the panic hook would, without stopping anything (for tests).
#[doc(hidden)]
pub fn report_internal_error(what: &str) {
    panic::report(what);
}
