//! What the loading worker (`www/load-worker.js`) runs, with the module the page compiled: a
//! reader's dataset taken as its bytes are read, then parsed, validated and cut into pieces for
//! the page (`transfer`), which takes them one at a time (`loading.rs`). Nothing here touches a
//! page: a worker has none.

use crate::input::read_dataset_watched;
use crate::lang::Lang;
use crate::limits::MAX_BYTES;
use crate::problem::{Problem, ProblemKind, LISTED_PROBLEMS};
use crate::transfer::pack;
use serde::Serialize;
use wasm_bindgen::prelude::*;

/// Why a dataset was not read: the problems found (the first `LISTED_PROBLEMS` of them, with how
/// many in all), in the reader's language.
#[derive(Serialize)]
struct Refused {
    count: usize,
    problems: Vec<String>,
}

fn refused(problems: &[Problem], lang: Lang) -> JsValue {
    let listed = problems.iter().take(LISTED_PROBLEMS).map(|p| p.describe(lang)).collect();
    serde_wasm_bindgen::to_value(&Refused { count: problems.len(), problems: listed }).unwrap_or_else(|e| e.into())
}

/// A dataset being read in the worker.
#[wasm_bindgen]
pub struct DatasetReader {
    name: String,
    lang: Lang,
    bytes: Vec<u8>,
}

#[wasm_bindgen]
impl DatasetReader {
    /// A reader for `name` of `size` bytes (0 when not known): refuses one over the size limit
    /// before a byte is read, and one the browser has no memory for. Throws the refusal.
    #[wasm_bindgen(constructor)]
    pub fn new(name: String, size: f64, lang: &str) -> Result<DatasetReader, JsValue> {
        let lang = Lang::parse(lang).unwrap_or_default();
        let mut reader = DatasetReader { name, lang, bytes: Vec::new() };
        reader.make_room(size as usize)?;
        Ok(reader)
    }

    /// Takes the next bytes read; throws the refusal once they pass the size limit or the
    /// browser's memory.
    pub fn push(&mut self, chunk: &[u8]) -> Result<(), JsValue> {
        self.make_room(chunk.len())?;
        self.bytes.extend_from_slice(chunk);
        Ok(())
    }

    /// Parses and validates what was read, telling `progress(checked, total)` how many
    /// observations have been checked as it goes. Returns the pieces for the page
    /// (`Uint8Array[]`), or throws the refusal: the problems found.
    pub fn finish(&self, progress: &js_sys::Function) -> Result<js_sys::Array, JsValue> {
        let mut watch = |checked: usize, total: usize| {
            // A progress report that cannot be sent leaves the work to go on.
            let _ = progress.call2(&JsValue::NULL, &(checked as f64).into(), &(total as f64).into());
        };
        let (data, json) = read_dataset_watched(&self.bytes, &self.name, &mut watch).map_err(|problems| refused(&problems, self.lang))?;
        let pieces = pack(&data, &json).map_err(|e| JsValue::from(format!("the dataset could not be packed: {e}")))?;
        Ok(pieces.iter().map(|piece| js_sys::Uint8Array::from(piece.as_slice())).collect())
    }
}

impl DatasetReader {
    /// Room for `more` bytes, within the size limit and the memory the browser gives.
    fn make_room(&mut self, more: usize) -> Result<(), JsValue> {
        let wanted = self.bytes.len() + more;
        let problem = if wanted > MAX_BYTES {
            ProblemKind::TooLarge { bytes: wanted, limit: MAX_BYTES }
        } else if self.bytes.try_reserve(more).is_err() {
            ProblemKind::OutOfMemory { bytes: wanted }
        } else {
            return Ok(());
        };
        Err(refused(&[Problem::new(self.name.clone(), problem)], self.lang))
    }
}
