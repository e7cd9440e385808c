//! The JavaScript API: `explore` (the explorer as its own page, its state in the URL), `mount`
//! (inside a host's element, its state in options) and the `Explorer` handle both return.
//! Values cross the boundary as typed Rust values through serde-wasm-bindgen.

use super::app::{act, page_settings, App, Mode, Shared};
#[cfg(not(feature = "tools"))]
use super::app::query_settings;
use super::dom;
use super::panic;
use super::parts;
use super::platform::timed;
use super::wiring;
// Loading and exporting: the tools themselves in the full build; in the first-chart build,
// stand-ins of the same names that hand the explorer over to the full build.
#[cfg(not(feature = "tools"))]
use super::handover as tools;
#[cfg(feature = "tools")]
use super::tools;
use crate::dataset::Dataset;
use crate::lang::Lang;
#[cfg(feature = "tools")]
use crate::options::{GivenOptions, OptionError};
use crate::settings::Settings;
use crate::EMBEDDED_DATASET;
use std::cell::RefCell;
use std::rc::Rc;
use wasm_bindgen::prelude::*;
use web_sys::HtmlElement;

#[wasm_bindgen(typescript_custom_section)]
const TYPES: &str = r#"
/** The options of mount() and set(), and the attributes of <technopolis-chart> (the explorer
 *  page's URL takes the same, with `data` for `src`). An empty string or null restores an
 *  option's default. */
export interface ExplorerOptions {
    view?: "sites" | "sectors" | "companies" | "timeline" | "plan" | "" | null;
    /** A measure id of the dataset, e.g. "people_employed", "jobs_created_period". */
    measure?: string | null;
    /** A year (2025 or "2025"), a date ("2025-09-09"), a period ("2025-H1") or "target-2030". */
    period?: string | number | null;
    sort?: "natural" | "value-desc" | "value-asc" | "name-asc" | "name-desc" | "" | null;
    labels?: "on" | "off" | boolean | "" | null;
    /** "zone", "site:ID", "sites:ID,ID", "sector:ID" or "company:ID". */
    select?: string | null;
    lang?: "ru" | "en" | "" | null;
    theme?: "auto" | "light" | "dark" | "" | null;
    /** A same-origin address of a dataset (JSON or CSV). */
    src?: string | null;
}

/** An explorer's state: every option that is not at its default. */
export interface ExplorerState {
    view: "sites" | "sectors" | "companies" | "timeline" | "plan";
    lang: "ru" | "en";
    theme?: "light" | "dark";
    measure?: string;
    period?: string;
    sort?: "value-desc" | "value-asc" | "name-asc" | "name-desc";
    labels?: "off";
    select?: string;
    src?: string;
}

/** One thing wrong with a dataset: where (a JSON path, or a CSV line and column) and what, in
 *  the explorer's language. */
export interface DatasetProblem {
    path: string;
    message: string;
}

/** How long the last parse and validation, query, layout and draw each took, in ms. */
export interface ExplorerTimings {
    parse: number;
    query: number;
    layout: number;
    draw: number;
}
"#;

/// A running explorer, for the host page's JavaScript.
#[wasm_bindgen]
pub struct Explorer {
    app: Shared,
}

/// Builds the explorer inside `root` as its own page: its state is the page's URL (`view`,
/// `measure`, `period`, `sort`, `labels`, `select`, `lang`, `theme`, `data`), with history.
#[wasm_bindgen]
pub fn explore(root: HtmlElement) -> Result<Explorer, JsValue> {
    let settings = page_settings(&dom::window_of(&root)?)?;
    start(root, settings, Mode::Page)
}

/// Builds an explorer inside a host's element from the settings a URL query names (the element's
/// attributes, or `mount`'s options, as text; an unknown value keeps its default): the first-chart
/// build's start for the element and `mount`, until the full build takes over with the options
/// checked (`www/element.js`). The host is told nothing meanwhile. The page's URL is
/// left alone.
#[cfg(not(feature = "tools"))]
#[wasm_bindgen(js_name = mountFirstChart)]
pub fn mount_first_chart(root: HtmlElement, query: &str) -> Result<Explorer, JsValue> {
    start(root, query_settings(query)?, Mode::StandIn)
}

/// Builds an explorer inside a host's element with `options`; the page's URL is left alone.
/// Throws a `TypeError` or `RangeError` for an option it does not take.
#[cfg(feature = "tools")]
#[wasm_bindgen]
pub fn mount(root: HtmlElement, #[wasm_bindgen(unchecked_param_type = "ExplorerOptions")] options: JsValue) -> Result<Explorer, JsValue> {
    let settings = Settings::default().with_options(&given_options(options)?).map_err(option_error)?;
    start(root, settings, Mode::Host)
}

/// The options object as typed values; `undefined` and `null` are none.
#[cfg(feature = "tools")]
fn given_options(options: JsValue) -> Result<GivenOptions, JsValue> {
    if options.is_undefined() || options.is_null() {
        return Ok(GivenOptions::default());
    }
    serde_wasm_bindgen::from_value(options).map_err(|e| js_sys::TypeError::new(&format!("technopolis-explorer: the options must be an object of options: {e}")).into())
}

/// An option refused: a `RangeError` for a value outside the allowed ones, else a `TypeError`.
#[cfg(feature = "tools")]
fn option_error(error: OptionError) -> JsValue {
    let message = format!("technopolis-explorer: {error}");
    match error {
        OptionError::NotAllowed { .. } => js_sys::RangeError::new(&message).into(),
        OptionError::Unknown { .. } | OptionError::WrongType { .. } => js_sys::TypeError::new(&message).into(),
    }
}

/// The embedded dataset, read and validated like any other.
fn embedded() -> Result<Dataset, JsValue> {
    Dataset::parse(EMBEDDED_DATASET).map_err(|problems| {
        let first = problems.first().map(|p| p.describe(Lang::En)).unwrap_or_default();
        JsValue::from(format!("the embedded dataset is not valid: {first}"))
    })
}

/// The mark whose tooltip the chart this one replaces in `root` shows: the prerendered chart's
/// (`www/snapshot-pointer.js`), or the first-chart build's, which the full build takes over from
/// (`www/handover.js` leaves its `data-mark` in a stand-in).
fn shown_mark(root: &HtmlElement) -> Option<usize> {
    let image = root.query_selector(".tx-snapshot[data-active]").ok()??;
    image.get_attribute("data-active")?.parse().ok()
}

fn start(root: HtmlElement, settings: Settings, mode: Mode) -> Result<Explorer, JsValue> {
    let window = dom::window_of(&root)?;
    let shown = shown_mark(&root);
    let parts = parts::build(&dom::document_of(&root)?, &root, mode != Mode::Page)?;
    panic::watch(&parts.alert);
    let mut parse = 0.0;
    let data = timed(&window, &mut parse, embedded)?;
    let mut app = App::new(mode, window, root, parts, settings, data)?;
    app.timings.parse = parse;
    let app: Shared = Rc::new(RefCell::new(app));
    wiring::wire(&app)?;
    tools::wire(&app)?;
    let address = app.borrow().settings.data.clone();
    match address {
        Some(address) => tools::load_address(&app, address),
        None => act(&app, |app| {
            app.show(false)?;
            shown.map_or(Ok(()), |mark| app.take_over(mark))
        })?,
    }
    Ok(Explorer { app })
}

#[wasm_bindgen]
impl Explorer {
    /// Removes the explorer from its element and lets go of everything it listens to.
    pub fn destroy(&self) -> Result<(), JsValue> {
        act(&self.app, |app| {
            app.listeners.release();
            // A dataset being read goes with the explorer: its worker ends.
            #[cfg(feature = "tools")]
            {
                app.loading = None;
            }
            panic::unwatch(&app.parts.alert);
            app.empty();
            Ok(())
        })
    }

    /// The current options, as `set` takes them.
    #[wasm_bindgen(unchecked_return_type = "ExplorerState")]
    pub fn state(&self) -> Result<JsValue, JsValue> {
        act(&self.app, |app| Ok(serde_wasm_bindgen::to_value(&app.settings.state())?))
    }
}

/// What only a host's handle has: the first-chart build's explorers are handed over to the full
/// build before a host is given theirs.
#[cfg(feature = "tools")]
#[wasm_bindgen]
impl Explorer {
    /// Changes any of the options `mount` takes; an empty value restores that option's default.
    /// Throws a `TypeError` or `RangeError` for an option it does not take, changing nothing.
    pub fn set(&self, #[wasm_bindgen(unchecked_param_type = "ExplorerOptions")] options: JsValue) -> Result<(), JsValue> {
        let given = given_options(options)?;
        let address = act(&self.app, |app| {
            let next = app.settings.with_options(&given).map_err(option_error)?;
            let new_address = next.data.clone().filter(|a| Some(a) != app.settings.data.as_ref());
            app.read_family()?;
            app.change_to(next, true)?;
            Ok(new_address)
        })?;
        if let Some(address) = address {
            tools::load_address(&self.app, address);
        }
        Ok(())
    }

    /// How long the last parse and validation, query, layout and draw each took, in ms.
    #[wasm_bindgen(unchecked_return_type = "ExplorerTimings")]
    pub fn timings(&self) -> Result<JsValue, JsValue> {
        act(&self.app, |app| Ok(serde_wasm_bindgen::to_value(&app.timings)?))
    }

    /// Loads a dataset from text, JSON or CSV (`name` ending in `.csv`, or text not starting
    /// with `{`). Returns the problems found, each with its place and message; the data on
    /// screen changes only if there are none.
    #[wasm_bindgen(js_name = loadText, unchecked_return_type = "DatasetProblem[]")]
    pub fn load_text(&self, text: &str, name: &str) -> Result<JsValue, JsValue> {
        act(&self.app, |app| {
            let reports: Vec<_> = app.load(text.as_bytes(), name)?.iter().map(|p| p.report(app.lang())).collect();
            Ok(serde_wasm_bindgen::to_value(&reports)?)
        })
    }

    /// The chart as an SVG document: the same look and sizes as on screen, text kept as text.
    #[wasm_bindgen(js_name = exportSvg)]
    pub fn export_svg(&self) -> Result<String, JsValue> {
        act(&self.app, |app| app.svg())
    }

    /// The chart as a PNG at twice its displayed size, title, subtitle and source line included.
    #[wasm_bindgen(js_name = exportPng, unchecked_return_type = "Promise<Blob>")]
    pub fn export_png(&self) -> Result<js_sys::Promise, JsValue> {
        act(&self.app, |app| app.png())
    }

    /// The figures behind the current view as CSV, with qualifier, date or period and source.
    #[wasm_bindgen(js_name = exportCsv)]
    pub fn export_csv(&self) -> Result<String, JsValue> {
        act(&self.app, |app| app.csv())
    }

    /// The whole dataset as JSON.
    #[wasm_bindgen(js_name = exportJson)]
    pub fn export_json(&self) -> Result<String, JsValue> {
        act(&self.app, |app| Ok(app.data_json.clone()))
    }

    /// A file name for an export: `technopolis-sites-ru-2026-11-26.png`.
    #[wasm_bindgen(js_name = fileName)]
    pub fn file_name(&self, extension: &str) -> Result<String, JsValue> {
        act(&self.app, |app| Ok(app.file_name(extension)))
    }
}
