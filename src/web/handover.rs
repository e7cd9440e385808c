//! The first-chart build's stand-ins for the tools of `tools.rs`: it has no CSV reader and no
//! exports. When the reader asks for one of those (their own data, a dropped file, an export, a
//! dataset address) it tells the page with a `tx-tools` event; the full build then takes over the
//! element from the same state and does what was asked (the explorer page loads it then,
//! `www/first-chart.js`; the element and `mount` have it on its way already,
//! `www/element.js`).

use super::app::{act_and_report, App, Shared};
use super::wiring::listen;
use crate::ui_text::{ui, UiText};
use serde::Serialize;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::DragEvent;

/// What the reader asked for: `tool` is "data", "paste", "address" or an export's extension,
/// with the files picked or dropped, if any.
#[derive(Serialize)]
struct ToolRequest {
    tool: &'static str,
    #[serde(with = "serde_wasm_bindgen::preserve")]
    files: JsValue,
}

/// A dataset address: the full build reads it from the state it takes over.
pub fn load_address(app: &Shared, _address: String) {
    act_and_report(app, |app| ask(app, "address", JsValue::NULL));
}

/// "Your own data" and the exports are the full build's: opening the panel fetches it, and the
/// page gives it what the reader picked, pasted or dropped meanwhile.
pub fn wire(app: &Shared) -> Result<(), JsValue> {
    let (root, summary, file, apply, exports) = {
        let a = app.borrow();
        let c = &a.parts.controls;
        (a.root.clone(), c.data.summary.clone(), c.data.file.clone(), c.data.apply.clone(), c.export_buttons.clone())
    };
    for (export, button) in exports {
        listen(app, &button, "click", move |app, _| ask(app, export.extension(), JsValue::NULL))?;
    }
    listen(app, &summary, "click", |app, _| ask(app, "data", JsValue::NULL))?;
    listen(app, &file, "change", |app, _| {
        let files = app.parts.controls.data.file.files().map_or(JsValue::NULL, JsValue::from);
        ask(app, "data", files)
    })?;
    listen(app, &apply, "click", |app, _| ask(app, "paste", JsValue::NULL))?;
    listen(app, &root, "dragover", |_, e| {
        e.prevent_default();
        Ok(())
    })?;
    listen(app, &root, "drop", |app, e| {
        e.prevent_default();
        let files = e.unchecked_ref::<DragEvent>().data_transfer().and_then(|t| t.files());
        ask(app, "data", files.map_or(JsValue::NULL, JsValue::from))
    })
}

/// Asks the page for the full build. The state goes over in the page's URL, or in `state()`.
fn ask(app: &mut App, tool: &'static str, files: JsValue) -> Result<(), JsValue> {
    app.parts.status.set_text_content(Some(ui(UiText::LoadingTools, app.lang())));
    app.announce("tx-tools", &ToolRequest { tool, files })
}
