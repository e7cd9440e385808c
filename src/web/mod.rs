//! The browser shell. It builds the explorer's elements, turns events into calls on the core,
//! and draws what the core lays out; what a chart shows and where is decided in the core.
//!
//! An explorer lives either on its own page (`explore`: its state is the page's URL, with
//! history) or inside a host's element (`mount`: its state comes from options or attributes and
//! changes are announced with a `statechange` event). Both return an `Explorer` handle.

mod canvas;
mod controls;
mod dom;
mod events;
#[cfg(feature = "tools")]
mod files;
mod panels;
mod panic;
mod platform;
// Loading and exporting: the tools themselves in the full build; in the first-chart build,
// stand-ins of the same names that hand the explorer over to the full build.
#[cfg(feature = "tools")]
mod tools;
#[cfg(not(feature = "tools"))]
#[path = "handover.rs"]
mod tools;

pub use canvas::CanvasBackend;

use crate::chart::{self, Chart, Query};
use crate::dataset::Dataset;
use crate::describe::details;
use crate::interaction::{place_tooltip, Interaction, Outcome, Selecting};
use crate::lang::Lang;
use crate::layout::{layout, Scene, FONT_FAMILY};
use crate::render::{self, Target, Theme};
use crate::settings::Settings;
use crate::subject::Subject;
use crate::summary::summarize;
use crate::ui_text::{ui, UiText};
use controls::Controls;
use dom::{append, clear, element, set_attribute, set_field, set_px};
use platform::{timed, CanvasText, IntlNumbers, Timings};
use std::cell::RefCell;
use std::rc::Rc;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{Document, HtmlCanvasElement, HtmlElement, HtmlTextAreaElement, Window};

/// How long marks take to move to their new places.
const TRANSITION_MS: f64 = 250.0;
/// The User Timing mark set when the first chart is painted.
const FIRST_CHART_MARK: &str = "technopolis:first-chart";

/// Where the explorer's state lives.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Mode {
    /// Its own page: the URL, with history entries for views and selections.
    Page,
    /// A host's element: options and attributes; changes are announced by an event. Only the
    /// full build mounts into a host's element.
    #[cfg_attr(not(feature = "tools"), allow(dead_code))]
    Element,
}

/// The explorer's elements, built once.
struct Parts {
    heading: HtmlElement,
    controls: Controls,
    alert: HtmlElement,
    status: HtmlElement,
    figure: HtmlElement,
    /// Says so when the dataset has no figures for the chosen view.
    empty: HtmlElement,
    canvas: HtmlCanvasElement,
    /// The highlight layer over the canvas: a band across the active mark's row and a ring.
    band: HtmlElement,
    ring: HtmlElement,
    /// The chart in words, under it and as the canvas's description.
    summary: HtmlElement,
    tooltip: HtmlElement,
    /// Polite announcements of the figure the keyboard moved to.
    live: HtmlElement,
    embed: HtmlElement,
    embed_tag: HtmlTextAreaElement,
    embed_frame: HtmlTextAreaElement,
    details: HtmlElement,
    details_heading: HtmlElement,
    details_list: HtmlElement,
    details_close: HtmlElement,
    /// The data table's `<details>`: the table is built when it is opened.
    table_box: HtmlElement,
    table_summary: HtmlElement,
    table: HtmlElement,
}

/// Marks moving from an earlier scene to the current one.
struct Transition {
    from: Scene,
    started: Option<f64>,
}

struct App {
    mode: Mode,
    window: Window,
    root: HtmlElement,
    parts: Parts,
    data: Dataset,
    /// The dataset as JSON, for the JSON export (a CSV's data is exported in its JSON form).
    #[cfg(feature = "tools")]
    data_json: String,
    settings: Settings,
    numbers: IntlNumbers,
    text: CanvasText,
    /// The font family the chart is measured and drawn in, read when the chart is shown.
    family: String,
    chart: Option<Chart>,
    scene: Option<Scene>,
    /// With a selection, whether each mark is about it.
    related: Option<Vec<bool>>,
    interaction: Interaction,
    /// The width and pixel ratio the scene was laid out for, to skip redundant relayouts.
    drawn_for: (f64, f64),
    transition: Option<Transition>,
    /// Everything wired to the page, released by `destroy`.
    wiring: events::Wiring,
    timings: Timings,
    /// Whether the data table shows the current chart.
    table_filled: bool,
    /// The figure's width when last measured (by a resize, or the first showing), so that a
    /// new chart is laid out without forcing the page's layout.
    width: f64,
    /// The reader's colour-scheme and motion preferences, asked once and read live.
    dark: Option<web_sys::MediaQueryList>,
    reduced_motion: Option<web_sys::MediaQueryList>,
    /// Whether the first chart has been painted (marked for the benchmark).
    painted: bool,
}

type Shared = Rc<RefCell<App>>;

/// Shows an internal error as the panic hook would, without stopping anything (for tests).
#[doc(hidden)]
pub fn report_internal_error(what: &str) {
    panic::report(what);
}

#[wasm_bindgen(typescript_custom_section)]
const EXPLORER_OPTIONS: &str = r#"
/** An explorer's state: the attributes of <technopolis-chart>, the options of mount() and set(),
 *  and the explorer page's URL parameters (where `src` is called `data`). */
export interface ExplorerOptions {
    view?: "sites" | "sectors" | "companies" | "timeline" | "plan";
    /** A measure id of the dataset, e.g. "people_employed", "jobs_created_period". */
    measure?: string;
    /** A date or period code ("2025-H1", "2023", "target-2030"); in the per-site views a year. */
    period?: string;
    sort?: "natural" | "value-desc" | "value-asc" | "name-asc" | "name-desc";
    labels?: "on" | "off";
    /** "zone", "site:ID", "sites:ID,ID", "sector:ID" or "company:ID". */
    select?: string;
    lang?: "ru" | "en";
    theme?: "auto" | "light" | "dark";
    /** A same-origin address of a dataset (JSON or CSV). */
    src?: string;
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
    let (window, _) = page_of(&root)?;
    let settings = Settings::from_pairs(query_pairs(&window));
    start(root, settings, Mode::Page)
}

/// The window and document `root` is in. Found from the element rather than by
/// `web_sys::window()`, which looks for the global object among four names and checks its type.
fn page_of(root: &HtmlElement) -> Result<(Window, Document), JsValue> {
    let document = dom::document_of(root);
    let window = document.default_view().ok_or("no window")?;
    Ok((window, document))
}

/// Builds an explorer inside a host's element. `options` is an object with any of `view`,
/// `measure`, `period`, `sort`, `labels`, `select`, `lang`, `theme` and `src` (a same-origin
/// dataset address); the page's URL is left alone.
#[cfg(feature = "tools")]
#[wasm_bindgen]
pub fn mount(root: HtmlElement, #[wasm_bindgen(unchecked_param_type = "ExplorerOptions")] options: JsValue) -> Result<Explorer, JsValue> {
    start(root, Settings::from_pairs(option_pairs(&options)?), Mode::Element)
}

fn start(root: HtmlElement, settings: Settings, mode: Mode) -> Result<Explorer, JsValue> {
    let (window, document) = page_of(&root)?;
    let parts = build_parts(&document, &root, mode);
    panic::watch(&parts.alert);
    let data = tools::embedded()?;
    let app = App {
        mode,
        numbers: IntlNumbers::new(settings.lang),
        text: CanvasText::new(&document)?,
        family: FONT_FAMILY.to_string(),
        dark: dom::match_media(&window, "(prefers-color-scheme: dark)"),
        reduced_motion: dom::match_media(&window, "(prefers-reduced-motion: reduce)"),
        window,
        root,
        parts,
        data,
        #[cfg(feature = "tools")]
        data_json: crate::EMBEDDED_DATASET.to_string(),
        settings,
        chart: None,
        scene: None,
        related: None,
        interaction: Interaction::default(),
        drawn_for: (0.0, 0.0),
        transition: None,
        wiring: events::Wiring::default(),
        timings: Timings::default(),
        table_filled: false,
        width: 0.0,
        painted: false,
    };
    let app: Shared = Rc::new(RefCell::new(app));
    events::wire(&app);
    let address = app.borrow().settings.data.clone();
    match address {
        Some(address) => tools::load_address(&app, address),
        None => app.borrow_mut().show(false)?,
    }
    Ok(Explorer { app })
}

/// A host's controls: the first-chart build runs only the explorer page, which keeps its state in
/// the URL, so it leaves them out.
#[cfg(feature = "tools")]
#[wasm_bindgen]
impl Explorer {
    /// Changes any of the options `mount` takes; an empty value restores that option's default.
    pub fn set(&self, #[wasm_bindgen(unchecked_param_type = "ExplorerOptions")] options: JsValue) -> Result<(), JsValue> {
        let pairs = option_pairs(&options)?;
        self.app.borrow_mut().read_family();
        let address_before = self.app.borrow().settings.data.clone();
        self.app.borrow_mut().change(true, |s| s.update(pairs))?;
        let address = self.app.borrow().settings.data.clone();
        if let Some(address) = address.filter(|a| Some(a) != address_before.as_ref()) {
            tools::load_address(&self.app, address);
        }
        Ok(())
    }

    /// The current options, as `set` takes them.
    #[wasm_bindgen(unchecked_return_type = "ExplorerOptions")]
    pub fn state(&self) -> JsValue {
        state_object(&self.app.borrow().settings)
    }

    /// How long the last parse and validation, query, layout and draw each took, in ms.
    #[wasm_bindgen(unchecked_return_type = "{ parse: number, query: number, layout: number, draw: number }")]
    pub fn timings(&self) -> JsValue {
        let t = self.app.borrow().timings;
        let object = js_sys::Object::new();
        for (key, value) in [("parse", t.parse), ("query", t.query), ("layout", t.layout), ("draw", t.draw)] {
            set_field(&object, key, &value.into());
        }
        object.into()
    }
}

#[wasm_bindgen]
impl Explorer {

    /// Removes the explorer from its element and lets go of everything it listens to.
    pub fn destroy(&self) {
        let mut app = self.app.borrow_mut();
        app.wiring.release();
        panic::unwatch(&app.parts.alert);
        clear(&app.root);
    }
}

/// The settings the window's address names (of a name given twice, the first).
fn query_pairs(window: &Window) -> impl Iterator<Item = (&'static str, String)> {
    let params = dom::search_params(&dom::search(window));
    Settings::KEYS.into_iter().filter_map(move |key| Some((key, params.get(key)?)))
}

/// Settings' pairs as a query string, as the page's URL and the iframe embed carry them.
fn query(pairs: &[(&str, &str)]) -> String {
    let params = dom::search_params("");
    for (key, value) in pairs {
        params.append(key, value);
    }
    params.to_string().into()
}

/// The string-valued entries of an options object (`undefined` or `null` give none).
#[cfg(feature = "tools")]
fn option_pairs(options: &JsValue) -> Result<Vec<(String, String)>, JsValue> {
    if options.is_undefined() || options.is_null() {
        return Ok(Vec::new());
    }
    let entries = js_sys::Object::entries(options.dyn_ref::<js_sys::Object>().ok_or("options must be an object")?);
    Ok(entries
        .iter()
        .filter_map(|entry| {
            // `Object.entries` gives [key, value] arrays.
            let entry: js_sys::Array = entry.unchecked_into();
            let value = entry.get(1);
            let text = value.as_string().or_else(|| value.as_bool().map(|b| if b { "on" } else { "off" }.to_string()))?;
            Some((entry.get(0).as_string()?, text))
        })
        .collect())
}

fn state_object(settings: &Settings) -> JsValue {
    let object = js_sys::Object::new();
    for (key, value) in settings.to_pairs() {
        set_field(&object, key, &value.into());
    }
    object.into()
}

/// What a thrown value says: an error's (a DOMException's too) message, or a string; of anything
/// else only its type. Not its `Debug` form, which adds a recursive describer of values to the
/// JavaScript glue; `App::report` logs the value itself to the console.
fn js_message(value: &JsValue) -> String {
    let message = value.dyn_ref::<js_sys::Error>().map(|e| String::from(e.message())).or_else(|| value.as_string());
    message.unwrap_or_else(|| value.js_typeof().as_string().unwrap_or_default())
}

/// The id of one of an explorer's parts: the explorer's own id and the part's name.
fn part_id(id: &str, part: &str) -> String {
    format!("{id}-{part}")
}

fn textarea(document: &Document, parent: &HtmlElement, id: String) -> (HtmlElement, HtmlTextAreaElement) {
    let caption = element(document, "label", "");
    set_attribute(&caption, "for", &id);
    let area: HtmlTextAreaElement = dom::create(document, "textarea");
    set_attribute(&area, "id", &id);
    set_attribute(&area, "readonly", "");
    set_attribute(&area, "rows", "4");
    append(parent, &[&caption, &area]);
    (caption, area)
}

fn build_parts(document: &Document, root: &HtmlElement, mode: Mode) -> Parts {
    clear(root);
    dom::add_class(root, "tx-explorer");
    // 32 random bits keep a page's explorers apart, and a `u32` is printed by code the wasm has anyway.
    let id = format!("tx-{}", js_sys::Math::random().to_bits() as u32);
    let heading = element(document, "h1", "tx-heading");
    let controls_box = element(document, "div", "tx-controls");
    let controls = Controls::new(document, &controls_box, &id);
    let alert = element(document, "div", "tx-alert");
    set_attribute(&alert, "role", "alert");
    let status = element(document, "p", "tx-status");
    set_attribute(&status, "role", "status");
    let embed = element(document, "section", "tx-embed");
    set_attribute(&embed, "id", &part_id(&id, "embed"));
    embed.set_hidden(true);
    set_attribute(&controls.embed_toggle, "aria-controls", &embed.id());
    controls.embed_toggle.set_hidden(mode == Mode::Element);
    let (_, embed_tag) = textarea(document, &embed, part_id(&id, "embed-tag"));
    let (_, embed_frame) = textarea(document, &embed, part_id(&id, "embed-frame"));
    let figure = element(document, "figure", "tx-figure");
    let empty = element(document, "p", "tx-empty");
    let canvas: HtmlCanvasElement = dom::create(document, "canvas");
    set_attribute(&canvas, "role", "img");
    set_attribute(&canvas, "tabindex", "0");
    let band = element(document, "div", "tx-band");
    let ring = element(document, "div", "tx-ring");
    for layer in [&band, &ring] {
        set_attribute(layer, "aria-hidden", "true");
        layer.set_hidden(true);
    }
    let tooltip = element(document, "div", "tx-tooltip");
    set_attribute(&tooltip, "role", "tooltip");
    set_attribute(&tooltip, "id", &part_id(&id, "tooltip"));
    tooltip.set_hidden(true);
    let live = element(document, "div", "tx-live");
    set_attribute(&live, "aria-live", "polite");
    let summary = element(document, "figcaption", "tx-summary");
    set_attribute(&summary, "id", &part_id(&id, "summary"));
    append(&figure, &[&empty, &canvas, &band, &ring, &tooltip, &live, &summary]);
    let details = element(document, "section", "tx-details");
    set_attribute(&details, "id", &part_id(&id, "details"));
    details.set_hidden(true);
    let details_head = element(document, "div", "tx-details-head");
    let details_heading = element(document, "h2", "");
    let details_close = element(document, "button", "tx-toggle tx-close");
    set_attribute(&details_close, "type", "button");
    append(&details_head, &[&details_heading, &details_close]);
    let details_list = element(document, "ol", "");
    append(&details, &[&details_head, &details_list]);
    let table_box = element(document, "details", "tx-table");
    let table_summary = element(document, "summary", "");
    let table = element(document, "table", "");
    append(&table_box, &[&table_summary, &table]);
    append(root, &[&heading, &controls_box, &embed, &alert, &status, &figure, &details, &table_box]);
    Parts {
        heading,
        controls,
        alert,
        status,
        figure,
        empty,
        canvas,
        band,
        ring,
        summary,
        tooltip,
        live,
        embed,
        embed_tag,
        embed_frame,
        details,
        details_heading,
        details_list,
        details_close,
        table_box,
        table_summary,
        table,
    }
}

impl App {
    /// Shows an error that escaped a handler in the alert, so it never goes unseen.
    fn report(&self, result: Result<(), JsValue>) {
        if let Err(error) = result {
            web_sys::console::error_1(&error);
            self.parts.alert.set_text_content(Some(&js_message(&error)));
        }
    }

    /// Whether the explorer is in a host's element, which only the full build mounts: in the
    /// first-chart build this is false at compile time, so what only an element does is left out.
    fn in_element(&self) -> bool {
        cfg!(feature = "tools") && self.mode == Mode::Element
    }

    fn lang(&self) -> Lang {
        self.settings.lang
    }

    fn theme(&self) -> Theme {
        self.settings.theme.resolve(self.dark.as_ref().is_some_and(|q| q.matches()))
    }

    /// Reads the host's `--tx-font`, else the system fonts: the canvas measures and draws in
    /// it. Reading styles forces the page's style, so this is done on the first showing and when
    /// the host sets options, not for every chart.
    fn read_family(&mut self) {
        let chosen = dom::computed(&self.window, &self.root, "--tx-font");
        self.family = match chosen.trim() {
            "" => FONT_FAMILY,
            family => family,
        }
        .to_string();
        self.text.set_family(&self.family);
    }

    /// Changes the settings, records them (URL or event) and shows the result, moving marks to
    /// their new places if `animate`.
    fn change(&mut self, animate: bool, edit: impl FnOnce(&mut Settings)) -> Result<(), JsValue> {
        let before = self.settings.clone();
        edit(&mut self.settings);
        if self.settings.lang != before.lang {
            self.numbers = IntlNumbers::new(self.settings.lang);
        }
        self.record(&before)?;
        self.show(animate)
    }

    /// On its own page, writes the state to the URL (a new history entry for a new view or
    /// selection); in a host's element, tells the host with a `statechange` event.
    fn record(&self, before: &Settings) -> Result<(), JsValue> {
        if self.settings == *before {
            return Ok(());
        }
        if self.in_element() {
            dom::dispatch(&self.root, "statechange", &state_object(&self.settings));
            return Ok(());
        }
        let url = format!("{}?{}", dom::path(&self.window), query(&self.settings.to_pairs()));
        let history = dom::history(&self.window);
        match self.settings.is_new_place(before) {
            true => history.push_state_with_url(&JsValue::NULL, "", Some(&url)),
            false => history.replace_state_with_url(&JsValue::NULL, "", Some(&url)),
        }
    }

    fn subject(&self) -> Option<Subject> {
        self.settings.select.as_deref().and_then(|code| Subject::parse(code, &self.data))
    }

    /// Rebuilds the chart for the current settings and everything that shows it.
    fn show(&mut self, animate: bool) -> Result<(), JsValue> {
        let lang = self.lang();
        set_attribute(&self.root, "lang", lang.code());
        set_attribute(&self.root, "data-theme", if self.theme() == Theme::Dark { "dark" } else { "light" });
        self.parts.heading.set_text_content(Some(ui(UiText::Heading, lang)));
        let s = &self.settings;
        let query = Query { view: s.view, measure: s.measure.as_deref(), period: s.period.as_deref(), sort: s.sort, value_labels: s.value_labels };
        self.chart = timed(&self.window, &mut self.timings.query, || chart::build(&self.data, query, lang, &self.numbers));
        self.parts.controls.update(&self.settings, self.chart.as_ref(), &self.data);
        self.parts.table_summary.set_text_content(Some(ui(UiText::DataTable, lang)));
        self.table_filled = false;
        self.fill_table_if_open();
        self.fill_details();
        self.parts.details_close.set_text_content(Some(ui(UiText::Close, lang)));
        self.fill_embed();
        let title = self.chart.as_ref().map(|c| c.title.clone()).unwrap_or_default();
        let summary = self.chart.as_ref().map(|c| summarize(&self.data, c, lang, &self.numbers)).unwrap_or_default();
        set_attribute(&self.parts.canvas, "aria-label", &format!("{title}. {}", ui(UiText::ChartHelp, lang)));
        self.parts.summary.set_text_content(Some(&summary.join(" ")));
        if self.scene.is_some() {
            // Not on the first showing: then the page itself is what is new.
            let news = format!("{title}. {}", summary.get(1).map(String::as_str).unwrap_or_default());
            self.parts.live.set_text_content(Some(&news));
        }
        self.parts.canvas.set_hidden(self.chart.is_none());
        self.parts.empty.set_text_content(Some(if self.chart.is_none() { ui(UiText::NoFigures, lang) } else { "" }));
        if !self.painted {
            self.read_family();
        }
        let moving = animate && !self.reduced_motion.as_ref().is_some_and(|q| q.matches());
        self.transition = self.scene.take().filter(|_| moving).map(|from| Transition { from, started: None });
        self.drawn_for = (0.0, 0.0);
        match self.width > 0.0 {
            true => self.relayout(),
            false => self.fit(),
        }
    }

    /// Builds the data table for the current chart if the reader has it open: a table of ten
    /// thousand rows is not built for a chart nobody reads as a table.
    fn fill_table_if_open(&mut self) {
        if self.table_filled || !self.parts.table_box.has_attribute("open") {
            return;
        }
        self.table_filled = true;
        panels::fill_table(&self.parts.table, self.chart.as_ref(), &self.data, self.lang(), &self.numbers);
    }

    /// The details panel, for the current selection.
    fn fill_details(&self) {
        let parts = &self.parts;
        panels::fill_details(&parts.details, &parts.details_heading, &parts.details_list, &self.data, self.subject().as_ref(), self.lang(), &self.numbers);
    }

    /// The embed panel's snippets for the current state.
    fn fill_embed(&self) {
        if self.in_element() {
            return;
        }
        let lang = self.lang();
        let base = dom::folder(&self.window);
        let pairs = self.settings.to_pairs();
        let title = self.chart.as_ref().map(|c| c.title.clone()).unwrap_or_default();
        let (tag, frame) = panels::embed_snippets(&base, &pairs, &query(&pairs), &title);
        let captions = [ui(UiText::EmbedTag, lang), ui(UiText::EmbedFrame, lang)];
        for ((area, text), caption) in [(&self.parts.embed_tag, tag), (&self.parts.embed_frame, frame)].into_iter().zip(captions) {
            area.set_value(&text);
            if let Some(label) = area.previous_element_sibling() {
                label.set_text_content(Some(caption));
            }
        }
    }

    /// Measures the figure (after a resize) and lays the chart out again if its width or the
    /// pixel ratio changed.
    fn fit(&mut self) -> Result<(), JsValue> {
        self.width = f64::from(self.parts.figure.client_width());
        self.relayout()
    }

    /// Lays the chart out again for the last measured width, if it or the pixel ratio changed.
    fn relayout(&mut self) -> Result<(), JsValue> {
        let now = (self.width, self.window.device_pixel_ratio());
        if now == self.drawn_for || now.0 <= 0.0 {
            return Ok(());
        }
        self.drawn_for = now;
        self.scene = timed(&self.window, &mut self.timings.layout, || self.chart.as_ref().map(|chart| layout(chart, now.0, &self.text, &self.numbers)));
        if let Some(scene) = &self.scene {
            self.interaction.relayout(scene);
        }
        self.mark_related();
        match (&self.transition, &self.wiring.next_frame) {
            (Some(_), Some(next)) => {
                dom::request_animation_frame(&self.window, next);
                Ok(())
            }
            _ => self.draw(),
        }
    }

    /// One frame of a transition; the last one draws the scene as it is.
    fn frame(&mut self, now: f64) -> Result<(), JsValue> {
        let Some(transition) = &mut self.transition else { return Ok(()) };
        let started = *transition.started.get_or_insert(now);
        let t = (now - started) / TRANSITION_MS;
        if t >= 1.0 {
            self.transition = None;
            return self.draw();
        }
        let (Some(scene), Some(next)) = (&self.scene, &self.wiring.next_frame) else { return Ok(()) };
        let tweened = scene.tween(&transition.from, t);
        self.paint(&self.parts.canvas, &tweened, self.drawn_for.1)?;
        dom::request_animation_frame(&self.window, next);
        Ok(())
    }

    fn mark_related(&mut self) {
        let subject = self.subject();
        self.related = subject.zip(self.scene.as_ref()).map(|(subject, scene)| {
            scene.marks.iter().map(|m| subject.covers(&self.data, &self.data.observations[m.observation])).collect()
        });
    }

    /// Draws the current scene at the device's pixel ratio, so that it is sharp on HiDPI screens.
    fn draw(&mut self) -> Result<(), JsValue> {
        if self.transition.is_some() {
            return Ok(());
        }
        let Some(scene) = &self.scene else { return Ok(()) };
        let mut spent = 0.0;
        timed(&self.window, &mut spent, || self.paint(&self.parts.canvas, scene, self.drawn_for.1))?;
        self.timings.draw = spent;
        if !self.painted {
            self.painted = true;
            // For the benchmark: navigation to the first chart painted.
            if let Some(performance) = self.window.performance() {
                dom::mark(&performance, FIRST_CHART_MARK);
            }
        }
        self.update_highlight(false);
        Ok(())
    }

    /// Draws a scene on a canvas at a pixel ratio, sizing the canvas to match.
    fn paint(&self, canvas: &HtmlCanvasElement, scene: &Scene, ratio: f64) -> Result<(), JsValue> {
        set_px(canvas, "width", scene.width);
        set_px(canvas, "height", scene.height);
        let (w, h) = ((scene.width * ratio).round() as u32, (scene.height * ratio).round() as u32);
        if canvas.width() != w || canvas.height() != h {
            canvas.set_width(w);
            canvas.set_height(h);
        }
        let mut backend = CanvasBackend::new(canvas)?;
        // Exports show the chart as it is, without the reader's selection.
        let related = if canvas == &self.parts.canvas { self.related.as_deref() } else { None };
        let target = Target { scale: ratio, theme: self.theme(), family: &self.family };
        render::draw(&mut backend, scene, target, related).map_err(|e| JsValue::from(e.to_string()))
    }

    /// Carries out what an event changed.
    fn apply(&mut self, outcome: Outcome) -> Result<(), JsValue> {
        match outcome.select {
            Some(selecting) => self.select(selecting),
            None if outcome.highlight || outcome.announce => {
                self.update_highlight(outcome.announce);
                Ok(())
            }
            None => Ok(()),
        }
    }

    /// Selects what a mark is about (or nothing): the state, details panel and highlights follow.
    fn select(&mut self, selecting: Selecting) -> Result<(), JsValue> {
        let code = match selecting {
            Selecting::Clear => None,
            Selecting::Mark(m) => {
                let Some(mark) = self.scene.as_ref().and_then(|s| s.marks.get(m)) else { return Ok(()) };
                Some(Subject::of_scope(&self.data.observations[mark.observation].scope).code(&self.data))
            }
        };
        if code == self.settings.select {
            // Nothing related changes: only the highlight layer moves, the chart stays painted.
            self.update_highlight(false);
            return Ok(());
        }
        let before = self.settings.clone();
        self.settings.select = code;
        self.record(&before)?;
        self.fill_details();
        self.fill_embed();
        self.mark_related();
        self.draw()
    }

    /// Moves the highlight layer and the tooltip to the active mark, without repainting the chart;
    /// if `announce`, also says what that mark is in the live region.
    fn update_highlight(&self, announce: bool) {
        let active = self.interaction.active().filter(|_| self.transition.is_none());
        let highlight = active.and_then(|i| self.scene.as_ref()?.highlight(i, self.interaction.keyboard_focus()));
        let (band, ring) = (&self.parts.band, &self.parts.ring);
        match highlight {
            Some(h) => {
                dom::place(band, &h.band);
                dom::place(ring, &h.ring);
                set_px(ring, "border-width", h.ring_width);
            }
            None => {
                band.set_hidden(true);
                ring.set_hidden(true);
            }
        }
        self.update_tooltip(announce);
    }

    /// The tooltip and, if `announce`, the live region: both say what the active mark is, from
    /// one `Details`, since building it formats every figure it shows.
    fn update_tooltip(&self, announce: bool) {
        let tooltip = &self.parts.tooltip;
        let mark = self.interaction.active().and_then(|i| self.scene.as_ref()?.marks.get(i));
        let shown = mark.map(|m| (m, details(&self.data, m.observation, self.lang(), &self.numbers)));
        if announce {
            let text = shown.as_ref().map(|(_, d)| panels::announcement(d)).unwrap_or_default();
            self.parts.live.set_text_content(Some(&text));
        }
        let summary = self.parts.summary.id();
        let Some((mark, described)) = shown else {
            tooltip.set_hidden(true);
            set_attribute(&self.parts.canvas, "aria-describedby", &summary);
            return;
        };
        panels::fill_tooltip(tooltip, &described, self.lang());
        tooltip.set_hidden(false);
        set_attribute(&self.parts.canvas, "aria-describedby", &format!("{} {summary}", tooltip.id()));
        let size = (f64::from(tooltip.offset_width()), f64::from(tooltip.offset_height()));
        let bounds = (self.width, f64::from(self.parts.figure.client_height()));
        let (x, y) = place_tooltip(&mark.bar, size, bounds);
        set_px(tooltip, "left", x);
        set_px(tooltip, "top", y);
    }
}
