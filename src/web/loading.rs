//! A reader's own dataset read in a worker, so that the page never waits for it: the worker
//! (`www/load-worker.js`, running `reader.rs` with the module the page compiled) reads the file,
//! the pasted text or the address, parses and validates it, telling the page how far it has
//! come, and sends the dataset in pieces; the page takes one piece per message (`transfer`),
//! each well within a frame, then shows it. Cancel ends the worker and leaves the chart as it
//! was. Without a worker script (`setLoader`), a dataset is read on the page, as `loadText` does.

use super::app::{act, act_and_report, App, Shared};
use super::panels;
use super::pending::Loading;
use crate::format::Locale;
use crate::problem::{Problem, ProblemKind};
use crate::transfer::{Broken, Unpacker};
use crate::ui_text::{ui, UiText};
use serde::{Deserialize, Serialize};
use std::cell::RefCell;
use std::rc::Rc;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{Event, MessageEvent, Worker};

thread_local! {
    /// The loading worker's script, given by the page that started the explorer.
    static LOADER: RefCell<Option<String>> = const { RefCell::new(None) };
}

/// Where the worker script that reads a reader's own datasets is (`load-worker.js` beside the
/// explorer's scripts). Until it is given, datasets are read on the page itself.
#[wasm_bindgen(js_name = setLoader)]
pub fn set_loader(url: String) {
    LOADER.with(|loader| *loader.borrow_mut() = Some(url));
}

/// What a dataset is read from.
pub enum Source {
    File(web_sys::File),
    /// Pasted text.
    Text(String),
    /// A same-origin address, already checked to be one.
    Address(String),
}

/// The worker's first message: the module to run and what to read.
#[derive(Serialize)]
struct Start<'a> {
    #[serde(with = "serde_wasm_bindgen::preserve")]
    module: JsValue,
    #[serde(with = "serde_wasm_bindgen::preserve")]
    file: JsValue,
    text: Option<&'a str>,
    address: Option<&'a str>,
    name: &'a str,
    lang: &'a str,
}

/// What the worker tells the page.
#[derive(Deserialize)]
#[serde(tag = "kind", rename_all = "lowercase")]
enum Report {
    /// Bytes read so far, of `size` (0 when not known).
    Read { read: f64, size: f64 },
    Parsing,
    /// Observations checked, of `total`.
    Checked { checked: f64, total: f64 },
    /// How many pieces follow.
    Pieces { count: usize },
    Piece {
        #[serde(with = "serde_bytes")]
        piece: Vec<u8>,
    },
    /// The dataset has problems: how many, and the first of them in words.
    Refused { count: usize, problems: Vec<String> },
    /// The work stopped: the browser's memory ran out (reading `bytes`), or something else did.
    Failed { memory: bool, bytes: f64, message: String },
}

/// Whether the page gave a worker script to read datasets in.
pub fn available() -> bool {
    LOADER.with(|loader| loader.borrow().is_some())
}

/// Reads `source` in the loading worker (see `available`), which replaces any read under way.
/// Called after the event that asked for it, never while the app is borrowed.
pub fn start(app: &Shared, source: Source, name: String) -> Result<(), JsValue> {
    let url = LOADER.with(|loader| loader.borrow().clone()).ok_or("there is no loading worker")?;
    let worker = Worker::new(&url)?;
    let told = Rc::clone(app);
    let on_message = Closure::<dyn FnMut(Event)>::new(move |event: Event| {
        let data = event.unchecked_into::<MessageEvent>().data();
        act_and_report(&told, |app| app.on_report(data));
    });
    let failed = Rc::clone(app);
    // The script could not be had (an address that is gone, a policy that refuses it).
    let on_error = Closure::<dyn FnMut(Event)>::new(move |_: Event| {
        act_and_report(&failed, |app| app.end_loading(&[ui(UiText::WorkerFailed, app.lang()).to_string()]));
    });
    worker.set_onmessage(Some(on_message.as_ref().unchecked_ref()));
    worker.set_onerror(Some(on_error.as_ref().unchecked_ref()));
    let (file, text, address, given) = match &source {
        Source::File(file) => (JsValue::from(file.clone()), None, None, true),
        Source::Text(text) => (JsValue::UNDEFINED, Some(text.as_str()), None, true),
        Source::Address(address) => (JsValue::UNDEFINED, None, Some(address.as_str()), false),
    };
    act(app, |app| {
        let start = Start { module: wasm_bindgen::module(), file, text, address, name: &name, lang: app.lang().code() };
        worker.post_message(&serde_wasm_bindgen::to_value(&start)?)?;
        let loading = Loading { worker, _listeners: [on_message, on_error], name, given, bytes: 0.0, unpacker: Unpacker::default(), pieces: 0, taken: 0 };
        app.loading = Some(loading);
        app.parts.alert.set_text_content(None);
        app.show_progress(None, ui(UiText::Loading, app.lang()).to_string())
    })
}

impl App {
    /// Carries out what the worker said.
    fn on_report(&mut self, data: JsValue) -> Result<(), JsValue> {
        if self.loading.is_none() {
            return Ok(());
        }
        let lang = self.lang();
        match serde_wasm_bindgen::from_value(data)? {
            Report::Read { read, size } => {
                if let Some(loading) = &mut self.loading {
                    loading.bytes = read;
                }
                let megabytes = |bytes: f64| self.locale().format((bytes / 1_048_576.0 * 10.0).round() / 10.0);
                let of = if size > 0.0 { format!(" / {}", megabytes(size)) } else { String::new() };
                let text = format!("{} {}{of} {}", ui(UiText::ReadingBytes, lang), megabytes(read), ui(UiText::Megabytes, lang));
                self.show_progress((size > 0.0).then(|| read / size), text)
            }
            Report::Parsing => self.show_progress(None, ui(UiText::Parsing, lang).to_string()),
            Report::Checked { checked, total } => {
                let text = format!("{} {} / {}", ui(UiText::FiguresChecked, lang), self.locale().format(checked), self.locale().format(total));
                self.show_progress(Some(checked / total.max(1.0)), text)
            }
            Report::Pieces { count } => {
                if let Some(loading) = &mut self.loading {
                    loading.pieces = count;
                }
                self.show_progress(Some(0.0), ui(UiText::HandingOver, lang).to_string())
            }
            Report::Piece { piece } => self.take_piece(&piece),
            Report::Refused { count, problems } => {
                self.end_without_data()?;
                self.show_problem_list(count, &problems)
            }
            Report::Failed { memory, bytes, message } => {
                let name = self.loading.as_ref().map(|l| l.name.clone()).unwrap_or_default();
                let said = match memory {
                    true => Problem::new(name, ProblemKind::OutOfMemory { bytes: bytes as usize }).describe(lang),
                    false => format!("{name}: {message}"),
                };
                self.end_loading(&[said])
            }
        }
    }

    /// One piece of the dataset; with the last, the dataset is shown.
    fn take_piece(&mut self, piece: &[u8]) -> Result<(), JsValue> {
        let Some(loading) = &mut self.loading else { return Ok(()) };
        if let Err(broken) = loading.unpacker.add(piece) {
            let (name, bytes) = (loading.name.clone(), loading.bytes);
            return self.end_broken(&name, bytes, broken);
        }
        loading.taken += 1;
        let (taken, pieces) = (loading.taken, loading.pieces);
        if taken < pieces {
            let text = format!("{} {taken} / {pieces}", ui(UiText::HandingOver, self.lang()));
            return self.show_progress(Some(taken as f64 / pieces as f64), text);
        }
        let Some(mut loading) = self.loading.take() else { return Ok(()) };
        self.show_progress_done();
        match std::mem::take(&mut loading.unpacker).finish() {
            Ok((data, json)) => self.adopt(data, json, loading.given),
            Err(broken) => self.end_broken(&loading.name, loading.bytes, broken),
        }
    }

    /// Ends a load whose pieces could not be put together: `name` of `bytes` read.
    fn end_broken(&mut self, name: &str, bytes: f64, broken: Broken) -> Result<(), JsValue> {
        let said = match broken {
            Broken::NoMemory => Problem::new(name, ProblemKind::OutOfMemory { bytes: bytes as usize }).describe(self.lang()),
            Broken::Pieces(what) => format!("{name}: {what}"),
        };
        self.end_loading(&[said])
    }

    /// Ends a load that did not give a dataset, saying why; the data on screen stays.
    fn end_loading(&mut self, said: &[String]) -> Result<(), JsValue> {
        self.end_without_data()?;
        let lang = self.lang();
        let mut heading = format!("{}.", ui(UiText::LoadFailed, lang));
        if self.data_json == crate::EMBEDDED_DATASET {
            heading = format!("{heading} {}", ui(UiText::ShowingEmbedded, lang));
        }
        panels::fill_alert(&self.parts.alert, &heading, said)
    }

    /// The worker's work is over without a dataset: the data there was stays, and is shown if
    /// the load came before any chart (a `data=` address the page opened with).
    fn end_without_data(&mut self) -> Result<(), JsValue> {
        self.loading = None;
        self.show_progress_done();
        match self.scene {
            None => self.show(false),
            Some(_) => Ok(()),
        }
    }

    /// The reader's Cancel: the worker stops, the chart stays as it was.
    pub fn cancel_loading(&mut self) -> Result<(), JsValue> {
        if self.loading.is_some() {
            self.end_without_data()?;
            self.parts.status.set_text_content(Some(ui(UiText::LoadCancelled, self.lang())));
        }
        Ok(())
    }

    /// Shows how far the load has come: a share (or none, when it cannot be told) and words.
    fn show_progress(&self, share: Option<f64>, text: String) -> Result<(), JsValue> {
        let progress = &self.parts.controls.data.progress;
        match share {
            Some(share) => progress.bar.set_value(share.clamp(0.0, 1.0)),
            // Without a value, a progress bar says "under way, how far unknown".
            None => progress.bar.remove_attribute("value")?,
        }
        progress.text.set_text_content(Some(&text));
        progress.row.set_hidden(false);
        Ok(())
    }

    fn show_progress_done(&self) {
        self.parts.controls.data.progress.row.set_hidden(true);
    }
}
