//! The tools of the full build: datasets read from an address, a file, a drop or a paste (JSON
//! or CSV, validated, with every problem listed), and exports (PNG, SVG, CSV, JSON). The
//! first-chart build has stand-ins for these instead (`handover.rs`).

use super::controls::Export;
use super::dom::{self, clear};
use super::events::listen;
use super::platform::timed;
use super::{files, js_message, panels, App, Explorer, Shared};
use crate::dataset::Dataset;
use crate::export::chart_csv;
use crate::input::read_dataset;
use crate::lang::Lang;
use crate::limits::MAX_BYTES;
use crate::problem::{Problem, ProblemKind};
use crate::render;
use crate::ui_text::{ui, UiText};
use std::rc::Rc;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;
use web_sys::{DragEvent, HtmlCanvasElement};

/// Problems listed in the alert before the rest are counted instead.
const MAX_LISTED_PROBLEMS: usize = 50;
/// PNG exports are drawn at twice the displayed size.
const PNG_SCALE: f64 = 2.0;

/// The embedded dataset, read and validated like any other.
pub fn embedded() -> Result<Dataset, JsValue> {
    Dataset::parse(crate::EMBEDDED_DATASET).map_err(|p| JsValue::from(first_problem(&p)))
}

#[wasm_bindgen]
impl Explorer {
    /// Loads a dataset from text, JSON or CSV (`name` ending in `.csv`, or text not starting
    /// with `{`). Returns the problems found, each with its place; the data on screen changes
    /// only if there are none.
    #[wasm_bindgen(js_name = loadText)]
    pub fn load_text(&self, text: &str, name: &str) -> Result<Vec<String>, JsValue> {
        self.app.borrow_mut().load(text.as_bytes(), name)
    }

    /// The chart as an SVG document: the same look and sizes as on screen, text kept as text.
    #[wasm_bindgen(js_name = exportSvg)]
    pub fn export_svg(&self) -> String {
        self.app.borrow().svg()
    }

    /// The chart as a PNG at twice its displayed size, title, subtitle and source line included.
    #[wasm_bindgen(js_name = exportPng, unchecked_return_type = "Promise<Blob>")]
    pub fn export_png(&self) -> Result<js_sys::Promise, JsValue> {
        self.app.borrow().png()
    }

    /// The figures behind the current view as CSV, with qualifier, date or period and source.
    #[wasm_bindgen(js_name = exportCsv)]
    pub fn export_csv(&self) -> String {
        let app = self.app.borrow();
        app.chart.as_ref().map(|c| chart_csv(&app.data, c, app.lang())).unwrap_or_default()
    }

    /// The whole dataset as JSON.
    #[wasm_bindgen(js_name = exportJson)]
    pub fn export_json(&self) -> String {
        self.app.borrow().data_json.clone()
    }

    /// A file name for an export: `technopolis-sites-ru-2026-11-26.png`.
    #[wasm_bindgen(js_name = fileName)]
    pub fn file_name(&self, extension: &str) -> String {
        self.app.borrow().file_name(extension)
    }
}

fn first_problem(problems: &[Problem]) -> String {
    problems.first().map(|p| p.describe(Lang::En)).unwrap_or_default()
}

/// Loads a dataset from a same-origin address, then shows it or says what went wrong.
pub fn load_address(app: &Shared, address: String) {
    let app = Rc::clone(app);
    {
        let a = app.borrow();
        a.parts.status.set_text_content(Some(ui(UiText::Loading, a.lang())));
    }
    wasm_bindgen_futures::spawn_local(async move {
        let loaded = fetch_text(&app, &address).await;
        let mut app = app.borrow_mut();
        app.parts.status.set_text_content(None);
        let shown = match loaded {
            Ok(bytes) => app.load(&bytes, &address).map(|_| ()),
            Err(detail) => {
                let heading = format!("{}. {}", ui(UiText::LoadFailed, app.lang()), ui(UiText::ShowingEmbedded, app.lang()));
                panels::fill_alert(&app.parts.alert, &heading, &[format!("{address}: {detail}")]);
                app.show(false)
            }
        };
        app.report(shown);
    });
}

/// Fetches a same-origin dataset's bytes; a failure is a sentence to show, not an exception.
async fn fetch_text(app: &Shared, address: &str) -> Result<Vec<u8>, String> {
    let (window, lang) = {
        let app = app.borrow();
        (app.window.clone(), app.settings.lang)
    };
    let foreign = || ui(UiText::NotSameOrigin, lang).to_string();
    let page = super::dom::address(&window);
    let url = web_sys::Url::new_with_base(address, &page).map_err(|_| foreign())?;
    if url.origin() != window.location().origin().map_err(|e| js_message(&e))? {
        return Err(foreign());
    }
    let response = JsFuture::from(window.fetch_with_str(&url.href())).await.map_err(|e| js_message(&e))?;
    let response: web_sys::Response = response.dyn_into().map_err(|e| js_message(&e))?;
    if !response.ok() {
        return Err(format!("HTTP {}", response.status()));
    }
    let buffer = JsFuture::from(response.array_buffer().map_err(|e| js_message(&e))?).await.map_err(|e| js_message(&e))?;
    Ok(js_sys::Uint8Array::new(&buffer).to_vec())
}

impl App {
    fn show_problems(&self, problems: &[Problem]) {
        let lang = self.lang();
        let mut heading = format!("{} ({}).", ui(UiText::InvalidDataset, lang), problems.len());
        // The data on screen stays; say which it is when it is the embedded one.
        if self.data_json == crate::EMBEDDED_DATASET {
            heading = format!("{heading} {}", ui(UiText::ShowingEmbedded, lang));
        }
        let mut items: Vec<String> = problems.iter().take(MAX_LISTED_PROBLEMS).map(|p| p.describe(lang)).collect();
        if problems.len() > MAX_LISTED_PROBLEMS {
            items.push(format!("{} {}", ui(UiText::MoreProblems, lang), problems.len() - MAX_LISTED_PROBLEMS));
        }
        panels::fill_alert(&self.parts.alert, &heading, &items);
    }

    /// Loads a dataset the reader gave by file or paste: it has no address, so `data=` goes.
    fn load_given(&mut self, bytes: &[u8], name: &str) -> Result<(), JsValue> {
        let problems = self.load(bytes, name)?;
        if problems.is_empty() && self.settings.data.is_some() {
            let before = self.settings.clone();
            self.settings.data = None;
            self.record(&before)?;
        }
        Ok(())
    }

    /// Validates a dataset (JSON or CSV bytes) and shows it; if it has problems they are listed
    /// and the data on screen stays.
    fn load(&mut self, bytes: &[u8], name: &str) -> Result<Vec<String>, JsValue> {
        match timed(&self.window, &mut self.timings.parse, || read_dataset(bytes, name)) {
            Ok((data, json)) => {
                self.data = data;
                self.data_json = json;
                self.settings.select = None;
                clear(&self.parts.alert);
                let loaded = format!("{} {}", ui(UiText::DataLoaded, self.lang()), self.data.zone.name.get(self.lang()));
                self.parts.status.set_text_content(Some(&loaded));
                self.show(false)?;
                Ok(Vec::new())
            }
            Err(problems) => {
                self.show_problems(&problems);
                self.show(false)?;
                Ok(problems.iter().map(|p| p.describe(self.lang())).collect())
            }
        }
    }

    fn svg(&self) -> String {
        self.scene.as_ref().map(|scene| render::to_svg(scene, self.theme(), &self.family)).unwrap_or_default()
    }

    fn png(&self) -> Result<js_sys::Promise, JsValue> {
        let canvas: HtmlCanvasElement = dom::create(&dom::document_of(&self.root), "canvas");
        let scene = self.scene.as_ref().ok_or("no chart to export")?;
        self.paint(&canvas, scene, PNG_SCALE)?;
        Ok(files::png(&canvas))
    }

    fn file_name(&self, extension: &str) -> String {
        format!("technopolis-{}-{}-{}.{extension}", self.settings.view.code(), self.lang().code(), files::today())
    }

    /// Offers an export as a download.
    pub(super) fn download(&self, export: Export) -> Result<(), JsValue> {
        let name = self.file_name(export.extension());
        let (text, mime) = match export {
            Export::Png => {
                let promise = self.png()?;
                let document = dom::document_of(&self.root);
                wasm_bindgen_futures::spawn_local(async move {
                    if let Ok(blob) = JsFuture::from(promise).await {
                        let _ = files::download(&document, blob.unchecked_ref(), &name);
                    }
                });
                return Ok(());
            }
            Export::Svg => (self.svg(), "image/svg+xml"),
            Export::Csv => (self.chart.as_ref().map(|c| format!("\u{feff}{}", chart_csv(&self.data, c, self.lang()))).unwrap_or_default(), "text/csv;charset=utf-8"),
            Export::Json => (self.data_json.clone(), "application/json"),
        };
        files::download(&dom::document_of(&self.root), &files::text_blob(&text, mime)?, &name)
    }
}

/// Your own data: a picked file, a dropped file, or pasted text.
pub fn wire_data(app: &Shared) {
    let (root, file, apply) = {
        let a = app.borrow();
        (a.root.clone(), a.parts.controls.data_file.clone(), a.parts.controls.data_apply.clone())
    };
    let picked = Rc::clone(app);
    listen(app, &file, "change", move |app, _| {
        if let Some(file) = app.parts.controls.data_file.files().and_then(|f| f.get(0)) {
            read_into(&picked, file);
        }
        Ok(())
    });
    listen(app, &apply, "click", |app, _| {
        let text = app.parts.controls.data_paste.value();
        app.load_given(text.as_bytes(), "")
    });
    listen(app, &root, "dragover", |_, e| {
        e.prevent_default();
        Ok(())
    });
    let dropped = Rc::clone(app);
    listen(app, &root, "drop", move |_, e| {
        e.prevent_default();
        let file = e.unchecked_ref::<DragEvent>().data_transfer().and_then(|t| t.files()).and_then(|f| f.get(0));
        if let Some(file) = file {
            read_into(&dropped, file);
        }
        Ok(())
    })
}

/// Reads a file, then loads it (after the event that gave it has finished). A file over the
/// size limit is refused before it is read.
fn read_into(app: &Shared, file: web_sys::File) {
    let app = Rc::clone(app);
    wasm_bindgen_futures::spawn_local(async move {
        let size = file.size() as usize;
        if size > MAX_BYTES {
            let problem = Problem::new(file.name(), ProblemKind::TooLarge { bytes: size, limit: MAX_BYTES });
            return app.borrow().show_problems(&[problem]);
        }
        let bytes = files::read_bytes(&file).await;
        let mut app = app.borrow_mut();
        let result = bytes.and_then(|bytes| app.load_given(&bytes, &file.name()));
        app.report(result);
    });
}
