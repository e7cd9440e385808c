//! The tools of the full build: datasets read from an address, a file, a drop or a paste (JSON
//! or CSV, validated, with every problem listed), in the loading worker where the page gave one
//! (`loading.rs`), and exports (PNG, SVG, CSV, JSON). The first-chart build has stand-ins for
//! these instead (`handover.rs`).

use super::app::{act, act_and_report, App, Shared};
use super::controls::Export;
use super::dom::{self, clear, message_of};
use super::files;
use super::painter;
use super::panels;
use super::platform::timed;
use super::loading::{self, Source};
use super::wiring::listen;
use crate::dataset::Dataset;
use crate::export::chart_csv;
use crate::input::read_dataset;
use crate::limits::MAX_BYTES;
use crate::problem::{Problem, ProblemKind, LISTED_PROBLEMS};
use crate::render::{self, Surface, Target};
use crate::ui_text::{ui, UiText};
use std::rc::Rc;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;
use web_sys::{DragEvent, HtmlCanvasElement};

/// PNG exports are drawn at twice the displayed size.
const PNG_SCALE: f64 = 2.0;

/// Loads a dataset from a same-origin address, then shows it or says what went wrong.
pub fn load_address(app: &Shared, address: String) {
    let url = match act(app, |app| same_origin(&app.window, &address, app.lang())) {
        Ok(Ok(url)) => url,
        Ok(Err(detail)) => return refuse_address(app, &address, detail),
        Err(error) => return refuse_address(app, &address, message_of(&error)),
    };
    if !loading::available() {
        return load_address_here(app, url, address);
    }
    if let Err(error) = loading::start(app, Source::Address(url), address.clone()) {
        refuse_address(app, &address, message_of(&error));
    }
}

/// Says why a dataset address could not be loaded; the data on screen stays.
fn refuse_address(app: &Shared, address: &str, detail: String) {
    act_and_report(app, |app| app.address_failed(address, &detail));
}

/// The address as a URL of the page's own site, or why it is not one.
fn same_origin(window: &web_sys::Window, address: &str, lang: crate::lang::Lang) -> Result<Result<String, String>, JsValue> {
    let foreign = || ui(UiText::NotSameOrigin, lang).to_string();
    let Ok(url) = web_sys::Url::new_with_base(address, &window.location().href()?) else { return Ok(Err(foreign())) };
    Ok(match url.origin() == window.location().origin()? {
        true => Ok(url.href()),
        false => Err(foreign()),
    })
}

/// `load_address` on the page itself, where there is no loading worker.
fn load_address_here(app: &Shared, url: String, address: String) {
    act_and_report(app, |app| {
        app.parts.status.set_text_content(Some(ui(UiText::Loading, app.lang())));
        Ok(())
    });
    let app = Rc::clone(app);
    wasm_bindgen_futures::spawn_local(async move {
        let loaded = fetch_bytes(&app, &url).await;
        act_and_report(&app, |app| {
            app.parts.status.set_text_content(None);
            match loaded {
                Ok(bytes) => app.load(&bytes, &address).map(|_| ()),
                Err(detail) => app.address_failed(&address, &detail),
            }
        });
    });
}

/// Fetches a same-origin dataset's bytes; a failure is a sentence to show, not an exception.
async fn fetch_bytes(app: &Shared, url: &str) -> Result<Vec<u8>, String> {
    let window = act(app, |app| Ok(app.window.clone())).map_err(|e| message_of(&e))?;
    let response = JsFuture::from(window.fetch_with_str(url)).await.map_err(|e| message_of(&e))?;
    let response: web_sys::Response = response.dyn_into().map_err(|e| message_of(&e))?;
    if !response.ok() {
        return Err(format!("HTTP {}", response.status()));
    }
    let buffer = JsFuture::from(response.array_buffer().map_err(|e| message_of(&e))?).await.map_err(|e| message_of(&e))?;
    Ok(js_sys::Uint8Array::new(&buffer).to_vec())
}

impl App {
    /// Says why a dataset's address gave no dataset; the data on screen stays.
    fn address_failed(&mut self, address: &str, detail: &str) -> Result<(), JsValue> {
        let heading = format!("{}. {}", ui(UiText::LoadFailed, self.lang()), ui(UiText::ShowingEmbedded, self.lang()));
        panels::fill_alert(&self.parts.alert, &heading, &[format!("{address}: {detail}")])?;
        self.show(false)
    }

    fn show_problems(&self, problems: &[Problem]) -> Result<(), JsValue> {
        let listed: Vec<String> = problems.iter().take(LISTED_PROBLEMS).map(|p| p.describe(self.lang())).collect();
        self.show_problem_list(problems.len(), &listed)
    }

    /// Lists a dataset's problems in the alert: `listed`, the first of the `count` found, in words.
    pub fn show_problem_list(&self, count: usize, listed: &[String]) -> Result<(), JsValue> {
        let lang = self.lang();
        let mut heading = format!("{} ({count}).", ui(UiText::InvalidDataset, lang));
        // The data on screen stays; say which it is when it is the embedded one.
        if self.data_json == crate::EMBEDDED_DATASET {
            heading = format!("{heading} {}", ui(UiText::ShowingEmbedded, lang));
        }
        let mut items: Vec<String> = listed.iter().take(LISTED_PROBLEMS).cloned().collect();
        if count > items.len() {
            items.push(format!("{} {}", ui(UiText::MoreProblems, lang), count - items.len()));
        }
        panels::fill_alert(&self.parts.alert, &heading, &items)
    }

    /// Loads a dataset the reader gave by file or paste on the page itself (without a loading
    /// worker): it has no address, so `data=` goes.
    fn load_given(&mut self, bytes: &[u8], name: &str) -> Result<(), JsValue> {
        self.read(bytes, name, true).map(|_| ())
    }

    /// Validates a dataset (JSON or CSV bytes) and shows it; if it has problems they are listed
    /// and the data on screen stays.
    pub fn load(&mut self, bytes: &[u8], name: &str) -> Result<Vec<Problem>, JsValue> {
        let problems = self.read(bytes, name, false)?;
        if !problems.is_empty() {
            self.show(false)?;
        }
        Ok(problems)
    }

    /// Validates a dataset on the page and adopts it (`given`: see `adopt`), or lists its
    /// problems and gives them back.
    fn read(&mut self, bytes: &[u8], name: &str, given: bool) -> Result<Vec<Problem>, JsValue> {
        match timed(&self.window, &mut self.timings.parse, || read_dataset(bytes, name)) {
            Ok((data, json)) => self.adopt(data, json, given).map(|_| Vec::new()),
            Err(problems) => self.show_problems(&problems).map(|_| problems),
        }
    }

    /// Shows a dataset that passed every rule, and says so. One a file or a paste brought
    /// (`given`) has no address, so `data=` goes.
    pub fn adopt(&mut self, data: Dataset, json: String, given: bool) -> Result<(), JsValue> {
        self.data = data;
        self.data_json = json;
        clear(&self.parts.alert);
        let loaded = format!("{} {}", ui(UiText::DataLoaded, self.lang()), self.data.zone.name.get(self.lang()));
        self.parts.status.set_text_content(Some(&loaded));
        let before = self.settings.clone();
        self.settings.select = None;
        if given {
            self.settings.data = None;
        }
        self.record(&before)?;
        self.show(false)
    }

    /// The chart as an SVG document: the same look and sizes as on screen, text kept as text.
    pub fn svg(&mut self) -> Result<String, JsValue> {
        self.fit()?;
        Ok(self.scene.as_ref().map(|scene| render::to_svg(scene, self.theme(), self.family())).unwrap_or_default())
    }

    /// The chart as a PNG at twice its displayed size, title, subtitle and sources included.
    pub fn png(&mut self) -> Result<js_sys::Promise, JsValue> {
        self.fit()?;
        let canvas: HtmlCanvasElement = dom::create(&dom::document_of(&self.root)?, "canvas")?;
        let scene = self.scene.as_ref().ok_or("there is no chart to export")?;
        // Exports show the chart as it is, without the reader's selection.
        let target = Target { scale: PNG_SCALE, theme: self.theme(), family: self.family(), surface: Surface::Canvas };
        painter::draw_on(&canvas, scene, target, None)?;
        Ok(files::png(&canvas))
    }

    /// The figures behind the current view as CSV.
    pub fn csv(&self) -> Result<String, JsValue> {
        let Some(chart) = &self.chart else { return Ok(String::new()) };
        chart_csv(&self.data, chart, self.lang()).map_err(|e| JsValue::from(format!("the CSV could not be written: {e}")))
    }

    /// A file name for an export: `technopolis-sites-ru-2026-11-26.png`.
    pub fn file_name(&self, extension: &str) -> String {
        format!("technopolis-{}-{}-{}.{extension}", self.settings.view.code(), self.lang().code(), files::today())
    }

    /// Offers an export as a download.
    fn download(&mut self, export: Export) -> Result<(), JsValue> {
        let name = self.file_name(export.extension());
        let document = dom::document_of(&self.root)?;
        let (text, mime) = match export {
            Export::Png => {
                let promise = self.png()?;
                let alert = self.parts.alert.clone();
                wasm_bindgen_futures::spawn_local(async move {
                    let saved = match JsFuture::from(promise).await {
                        Ok(blob) => files::download(&document, blob.unchecked_ref(), &name),
                        Err(error) => Err(error),
                    };
                    if let Err(error) = saved {
                        web_sys::console::error_1(&error);
                        alert.set_text_content(Some(&message_of(&error)));
                    }
                });
                return Ok(());
            }
            Export::Svg => (self.svg()?, "image/svg+xml"),
            // With a byte-order mark, for spreadsheets.
            Export::Csv => (format!("\u{feff}{}", self.csv()?), "text/csv;charset=utf-8"),
            Export::Json => (self.data_json.clone(), "application/json"),
        };
        files::download(&document, &files::text_blob(&text, mime)?, &name)
    }
}

/// Your own data (a picked file, a dropped file, pasted text) and the export buttons.
pub fn wire(app: &Shared) -> Result<(), JsValue> {
    let (root, file, apply, cancel, exports) = {
        let a = app.borrow();
        let c = &a.parts.controls;
        (a.root.clone(), c.data.file.clone(), c.data.apply.clone(), c.data.progress.cancel.clone(), c.export_buttons.clone())
    };
    for (export, button) in exports {
        listen(app, &button, "click", move |app, _| app.download(export))?;
    }
    let picked = Rc::clone(app);
    listen(app, &file, "change", move |app, _| {
        if let Some(file) = app.parts.controls.data.file.files().and_then(|f| f.get(0)) {
            read_into(&picked, file);
        }
        Ok(())
    })?;
    let pasted = Rc::clone(app);
    listen(app, &apply, "click", move |app, _| {
        let text = app.parts.controls.data.paste.value();
        match loading::available() {
            true => later(&pasted, move |app| loading::start(app, Source::Text(text), String::new())),
            false => app.load_given(text.as_bytes(), ""),
        }
    })?;
    listen(app, &cancel, "click", |app, _| app.cancel_loading())?;
    listen(app, &root, "dragover", |_, e| {
        e.prevent_default();
        Ok(())
    })?;
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

/// Runs `work` once the event under way has finished, when the app is no longer borrowed;
/// what fails is shown in the alert.
fn later(app: &Shared, work: impl FnOnce(&Shared) -> Result<(), JsValue> + 'static) -> Result<(), JsValue> {
    let app = Rc::clone(app);
    wasm_bindgen_futures::spawn_local(async move { report_failure(&app, work(&app)) });
    Ok(())
}

/// Shows in the alert what a piece of work run outside an event could not do.
fn report_failure(app: &Shared, result: Result<(), JsValue>) {
    if let Err(error) = result {
        act_and_report(app, |_| Err(error));
    }
}

/// Reads a file in the loading worker, or on the page where there is none, after the event
/// that gave it has finished. A file over the size limit is refused before it is read.
fn read_into(app: &Shared, file: web_sys::File) {
    let app = Rc::clone(app);
    wasm_bindgen_futures::spawn_local(async move {
        let size = file.size() as usize;
        if size > MAX_BYTES {
            let problem = Problem::new(file.name(), ProblemKind::TooLarge { bytes: size, limit: MAX_BYTES });
            return act_and_report(&app, |app| app.show_problems(&[problem]));
        }
        if loading::available() {
            let name = file.name();
            return report_failure(&app, loading::start(&app, Source::File(file), name));
        }
        let bytes = files::read_bytes(&file).await;
        act_and_report(&app, |app| app.load_given(&bytes?, &file.name()));
    });
}
