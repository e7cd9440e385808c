//! A reader's own dataset on its way from the loading worker (`loading.rs`): the worker, what
//! listens to it, and the pieces taken so far. Ending it, by any way, ends the worker.

use crate::transfer::Unpacker;
use wasm_bindgen::prelude::*;
use web_sys::{Event, Worker};

/// A dataset on its way from the worker.
pub struct Loading {
    pub worker: Worker,
    /// What hears the worker's messages and errors, kept (never called from here) as long as it
    /// runs.
    pub _listeners: [Closure<dyn FnMut(Event)>; 2],
    pub name: String,
    /// Whether a file or a paste brought it, which has no address for `data=`.
    pub given: bool,
    /// The bytes read so far.
    pub bytes: f64,
    pub unpacker: Unpacker,
    /// Pieces the worker said it sends, and those taken.
    pub pieces: usize,
    pub taken: usize,
}

impl Drop for Loading {
    /// A load that is over, cancelled or replaced leaves no work behind, and nothing it still
    /// sent reaches the listeners, which go with it.
    fn drop(&mut self) {
        self.worker.set_onmessage(None);
        self.worker.set_onerror(None);
        self.worker.terminate();
    }
}
