//! The first-chart build's stand-ins for the tools of `tools.rs`. It shows the embedded dataset
//! as `build.rs` validated and encoded it, so it carries no JSON or CSV reader and no exports.
//! When the reader asks for one of those (their own data, a dropped file, an export, a dataset
//! address) it tells the page with a `tx-tools` event; the page then loads the full build, which
//! takes over the element from the same state and does what was asked (`www/first-chart.js`).

use super::controls::Export;
use super::events::listen;
use super::{dom, App, Shared};
use crate::dataset::Dataset;
use crate::ui_text::{ui, UiText};
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{DragEvent, FileList};

/// The embedded dataset, validated when it was built in.
pub fn embedded() -> Result<Dataset, JsValue> {
    Dataset::decode(crate::EMBEDDED_ENCODED).map_err(|_| JsValue::from("the embedded dataset could not be read"))
}

/// A dataset address: the full build reads it from the state it takes over.
pub fn load_address(app: &Shared, _address: String) {
    let app = app.borrow();
    app.report(ask(&app, "address", None));
}

impl App {
    pub(super) fn download(&self, export: Export) -> Result<(), JsValue> {
        ask(self, export.extension(), None)
    }
}

/// "Your own data" is handled by the full build: opening the panel fetches it, and the page gives
/// it what the reader picked, pasted or dropped meanwhile.
pub fn wire_data(app: &Shared) {
    let (root, summary, file, apply) = {
        let a = app.borrow();
        let c = &a.parts.controls;
        (a.root.clone(), c.data_summary.clone(), c.data_file.clone(), c.data_apply.clone())
    };
    listen(app, &summary, "click", |app, _| ask(app, "data", None));
    listen(app, &file, "change", |app, _| ask(app, "data", app.parts.controls.data_file.files()));
    listen(app, &apply, "click", |app, _| ask(app, "paste", None));
    listen(app, &root, "dragover", |_, e| {
        e.prevent_default();
        Ok(())
    });
    listen(app, &root, "drop", |app, e| {
        e.prevent_default();
        let files = e.unchecked_ref::<DragEvent>().data_transfer().and_then(|t| t.files());
        ask(app, "data", files)
    })
}

/// Asks the page for the full build: `tool` is what the reader wanted ("data", "paste",
/// "address" or an export's extension), with any files picked or dropped. The state is the
/// page's URL.
fn ask(app: &App, tool: &str, files: Option<FileList>) -> Result<(), JsValue> {
    app.parts.status.set_text_content(Some(ui(UiText::LoadingTools, app.lang())));
    let detail = js_sys::Object::new();
    dom::set_field(&detail, "tool", &tool.into());
    dom::set_field(&detail, "files", &files.map_or(JsValue::NULL, JsValue::from));
    dom::dispatch(&app.root, "tx-tools", &detail);
    Ok(())
}
