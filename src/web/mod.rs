//! The browser shell. It builds the explorer's elements, turns events into calls on the core,
//! and draws what the core lays out; what a chart shows and where is decided in the core.

mod dom;
mod platform;

use crate::chart::{self, Chart, View};
use crate::dataset::Dataset;
use crate::describe::details;
use crate::interaction::{place_tooltip, Interaction, Pointer};
use crate::lang::Lang;
use crate::layout::{layout, Scene};
use crate::problem::Problem;
use crate::render::{self, Target};
use crate::settings::Settings;
use crate::ui_text::{ui, UiText};
use dom::{append, append_text, clear, element, text_element};
use platform::{CanvasText, IntlNumbers};
use plotters_canvas::CanvasBackend;
use std::cell::RefCell;
use std::rc::Rc;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;
use web_sys::{Document, Element, Event, HtmlCanvasElement, HtmlElement, HtmlSelectElement, PointerEvent, Window};

/// Problems listed in the alert before the rest are counted instead.
const MAX_LISTED_PROBLEMS: usize = 50;

/// The explorer's elements, built once.
struct Parts {
    heading: HtmlElement,
    view_group: HtmlElement,
    view_buttons: Vec<(View, HtmlElement)>,
    measure_label: HtmlElement,
    measure: HtmlSelectElement,
    lang_group: HtmlElement,
    lang_buttons: Vec<(Lang, HtmlElement)>,
    alert: HtmlElement,
    figure: HtmlElement,
    /// Says so when the dataset has no figures for the chosen view.
    empty: HtmlElement,
    canvas: HtmlCanvasElement,
    tooltip: HtmlElement,
    table_summary: HtmlElement,
    table: HtmlElement,
}

struct App {
    window: Window,
    document: Document,
    root: HtmlElement,
    parts: Parts,
    data: Dataset,
    settings: Settings,
    numbers: IntlNumbers,
    text: CanvasText,
    chart: Option<Chart>,
    scene: Option<Scene>,
    interaction: Interaction,
    /// The width and pixel ratio the scene was drawn for, to skip redundant relayouts.
    drawn_for: (f64, f64),
}

type Shared = Rc<RefCell<App>>;

/// Builds the explorer inside `root`, reading its state from the page's URL
/// (`view`, `measure`, `lang`, `theme`, `data`).
#[wasm_bindgen]
pub fn explore(root: HtmlElement) -> Result<(), JsValue> {
    console_error_panic_hook::set_once();
    let window = web_sys::window().ok_or("no window")?;
    let document = window.document().ok_or("no document")?;
    let settings = Settings::from_pairs(query_pairs(&window)?);
    let parts = build_parts(&document, &root)?;
    let data = Dataset::parse(crate::EMBEDDED_DATASET).map_err(|p| JsValue::from(first_problem(&p)))?;
    let app = App {
        numbers: IntlNumbers::new(settings.lang)?,
        text: CanvasText::new(&document)?,
        window,
        document,
        root,
        parts,
        data,
        settings,
        chart: None,
        scene: None,
        interaction: Interaction::default(),
        drawn_for: (0.0, 0.0),
    };
    let app: Shared = Rc::new(RefCell::new(app));
    wire_events(&app)?;
    let address = app.borrow().settings.data.clone();
    match address {
        Some(address) => {
            app.borrow().show_loading();
            wasm_bindgen_futures::spawn_local(async move {
                let loaded = load_dataset(&app, &address).await;
                let mut app = app.borrow_mut();
                match loaded.map(|json| Dataset::parse(&json)) {
                    Ok(Ok(data)) => app.data = data,
                    Ok(Err(problems)) => app.show_problems(&problems),
                    Err(detail) => {
                        let heading = format!("{}. {}", ui(UiText::LoadFailed, app.lang()), ui(UiText::ShowingEmbedded, app.lang()));
                        app.show_alert(heading, &[format!("{address}: {detail}")]);
                    }
                }
                let shown = app.show();
                app.report(shown);
            });
        }
        None => app.borrow_mut().show()?,
    }
    Ok(())
}

fn first_problem(problems: &[Problem]) -> String {
    problems.first().map(|p| p.describe(Lang::En)).unwrap_or_default()
}

fn query_pairs(window: &Window) -> Result<Vec<(String, String)>, JsValue> {
    let params = web_sys::UrlSearchParams::new_with_str(&window.location().search()?)?;
    let entries = js_sys::try_iter(&params)?.ok_or("URLSearchParams is not iterable")?;
    let mut pairs = Vec::new();
    for entry in entries {
        let entry: js_sys::Array = entry?.dyn_into()?;
        pairs.push((entry.get(0).as_string().unwrap_or_default(), entry.get(1).as_string().unwrap_or_default()));
    }
    Ok(pairs)
}

/// Fetches a same-origin dataset's text; a failure is a sentence to show, not an exception.
async fn load_dataset(app: &Shared, address: &str) -> Result<String, String> {
    let (window, lang) = {
        let app = app.borrow();
        (app.window.clone(), app.settings.lang)
    };
    let foreign = || ui(UiText::NotSameOrigin, lang).to_string();
    let page = window.location().href().map_err(|e| js_message(&e))?;
    let url = web_sys::Url::new_with_base(address, &page).map_err(|_| foreign())?;
    if url.origin() != window.location().origin().map_err(|e| js_message(&e))? {
        return Err(foreign());
    }
    let response = JsFuture::from(window.fetch_with_str(&url.href())).await.map_err(|e| js_message(&e))?;
    let response: web_sys::Response = response.dyn_into().map_err(|e| js_message(&e))?;
    if !response.ok() {
        return Err(format!("HTTP {}", response.status()));
    }
    let text = JsFuture::from(response.text().map_err(|e| js_message(&e))?).await.map_err(|e| js_message(&e))?;
    text.as_string().ok_or_else(|| js_message(&text))
}

fn js_message(value: &JsValue) -> String {
    value.dyn_ref::<js_sys::Error>().map(|e| String::from(e.message())).or_else(|| value.as_string()).unwrap_or_else(|| format!("{value:?}"))
}

fn build_parts(document: &Document, root: &HtmlElement) -> Result<Parts, JsValue> {
    clear(root);
    root.class_list().add_1("tx-explorer")?;
    let heading = element(document, "h1", "tx-heading")?;
    let controls = element(document, "div", "tx-controls")?;
    let view_group = element(document, "div", "tx-group")?;
    view_group.set_attribute("role", "group")?;
    let view_buttons = View::ALL
        .into_iter()
        .map(|view| {
            let button = element(document, "button", "tx-toggle")?;
            button.set_attribute("type", "button")?;
            button.dataset().set("view", view.code())?;
            view_group.append_child(&button)?;
            Ok((view, button))
        })
        .collect::<Result<Vec<_>, JsValue>>()?;
    let measure_label = element(document, "label", "tx-measure")?;
    let measure_caption = element(document, "span", "")?;
    let measure: HtmlSelectElement = document.create_element("select")?.dyn_into()?;
    append(&measure_label, &[&measure_caption, &measure])?;
    let lang_group = element(document, "div", "tx-group")?;
    lang_group.set_attribute("role", "group")?;
    let lang_buttons = [Lang::Ru, Lang::En]
        .into_iter()
        .map(|lang| {
            let button = text_element(document, "button", "tx-toggle", lang.pick("RU", "EN"))?;
            button.set_attribute("type", "button")?;
            button.set_attribute("lang", lang.code())?;
            lang_group.append_child(&button)?;
            Ok((lang, button))
        })
        .collect::<Result<Vec<_>, JsValue>>()?;
    append(&controls, &[&view_group, &measure_label, &lang_group])?;
    let alert = element(document, "div", "tx-alert")?;
    alert.set_attribute("role", "alert")?;
    let figure = element(document, "figure", "tx-figure")?;
    let canvas: HtmlCanvasElement = document.create_element("canvas")?.dyn_into()?;
    canvas.set_attribute("role", "img")?;
    let tooltip = element(document, "div", "tx-tooltip")?;
    tooltip.set_attribute("role", "tooltip")?;
    tooltip.set_id(&format!("tx-tooltip-{}", js_sys::Math::random().to_bits()));
    tooltip.set_hidden(true);
    let empty = element(document, "p", "tx-empty")?;
    empty.set_attribute("role", "status")?;
    append(&figure, &[&empty, &canvas, &tooltip])?;
    let details = element(document, "details", "tx-table")?;
    let table_summary = element(document, "summary", "")?;
    let table = element(document, "table", "")?;
    append(&details, &[&table_summary, &table])?;
    append(root, &[&heading, &controls, &alert, &figure, &details])?;
    Ok(Parts {
        heading,
        view_group,
        view_buttons,
        measure_label,
        measure,
        lang_group,
        lang_buttons,
        alert,
        figure,
        empty,
        canvas,
        tooltip,
        table_summary,
        table,
    })
}

/// Calls `handler` with the app on every `event` of `target`, for the page's lifetime.
fn listen(app: &Shared, target: &web_sys::EventTarget, event: &str, handler: impl Fn(&mut App, Event) -> Result<(), JsValue> + 'static) -> Result<(), JsValue> {
    let app = Rc::clone(app);
    let closure = Closure::<dyn FnMut(Event)>::new(move |e: Event| {
        let mut app = app.borrow_mut();
        let result = handler(&mut app, e);
        app.report(result);
    });
    target.add_event_listener_with_callback(event, closure.as_ref().unchecked_ref())?;
    closure.forget();
    Ok(())
}

fn wire_events(app: &Shared) -> Result<(), JsValue> {
    let (canvas, select, window, figure) = {
        let a = app.borrow();
        (a.parts.canvas.clone(), a.parts.measure.clone(), a.window.clone(), a.parts.figure.clone())
    };
    for (view, button) in app.borrow().parts.view_buttons.clone() {
        listen(app, &button, "click", move |app, _| app.change(|s| {
            s.view = view;
            s.measure = None;
        }))?;
    }
    for (lang, button) in app.borrow().parts.lang_buttons.clone() {
        listen(app, &button, "click", move |app, _| {
            app.numbers = IntlNumbers::new(lang)?;
            app.change(|s| s.lang = lang)
        })?;
    }
    listen(app, &select, "change", |app, _| {
        let measure = app.parts.measure.value();
        app.change(|s| s.measure = Some(measure))
    })?;
    listen(app, &canvas, "pointermove", |app, e| app.pointer(e, false))?;
    listen(app, &canvas, "pointerup", |app, e| app.pointer(e, true))?;
    listen(app, &canvas, "pointerleave", |app, e| {
        let touch = e.dyn_ref::<PointerEvent>().is_some_and(|p| p.pointer_type() == "touch");
        if !touch && app.interaction.clear() {
            app.draw()?;
        }
        Ok(())
    })?;
    listen(app, &window, "resize", |app, _| app.fit())?;
    if let Ok(Some(query)) = window.match_media("(prefers-color-scheme: dark)") {
        listen(app, &query, "change", |app, _| app.draw())?;
    }
    // The figure's width never depends on the canvas's height, so redrawing cannot loop.
    let observed = Rc::clone(app);
    let on_resize = Closure::<dyn FnMut()>::new(move || {
        let mut app = observed.borrow_mut();
        let result = app.fit();
        app.report(result);
    });
    web_sys::ResizeObserver::new(on_resize.as_ref().unchecked_ref())?.observe(&figure);
    on_resize.forget();
    Ok(())
}

impl App {
    /// Shows an error that escaped a handler in the alert, so it never goes unseen.
    fn report(&self, result: Result<(), JsValue>) {
        if let Err(error) = result {
            let message = js_message(&error);
            web_sys::console::error_1(&error);
            self.parts.alert.set_text_content(Some(&message));
        }
    }

    fn lang(&self) -> Lang {
        self.settings.lang
    }

    fn change(&mut self, edit: impl FnOnce(&mut Settings)) -> Result<(), JsValue> {
        edit(&mut self.settings);
        let params = web_sys::UrlSearchParams::new()?;
        for (key, value) in self.settings.to_pairs() {
            params.append(key, &value);
        }
        let url = format!("{}?{}", self.window.location().pathname()?, String::from(params.to_string()));
        self.window.history()?.replace_state_with_url(&JsValue::NULL, "", Some(&url))?;
        self.show()
    }

    fn show_loading(&self) {
        self.parts.heading.set_text_content(Some(ui(UiText::Loading, self.lang())));
    }

    /// Lists a dataset's problems in the alert; the embedded data stays on screen.
    fn show_problems(&self, problems: &[Problem]) {
        let lang = self.lang();
        let heading = format!("{} ({}). {}", ui(UiText::InvalidDataset, lang), problems.len(), ui(UiText::ShowingEmbedded, lang));
        let mut items: Vec<String> = problems.iter().take(MAX_LISTED_PROBLEMS).map(|p| p.describe(lang)).collect();
        if problems.len() > MAX_LISTED_PROBLEMS {
            items.push(format!("{} {}", ui(UiText::MoreProblems, lang), problems.len() - MAX_LISTED_PROBLEMS));
        }
        self.show_alert(heading, &items);
    }

    fn show_alert(&self, heading: String, items: &[String]) {
        let alert = &self.parts.alert;
        let result = (|| {
            clear(alert);
            append_text(alert, "p", "", &heading)?;
            let list = element(&self.document, "ul", "")?;
            for item in items {
                append_text(&list, "li", "", item)?;
            }
            append(alert, &[&list])
        })();
        self.report(result);
    }

    /// Rebuilds the chart for the current settings and everything that shows it.
    fn show(&mut self) -> Result<(), JsValue> {
        let lang = self.lang();
        self.root.set_attribute("lang", lang.code())?;
        let view = self.settings.view;
        let measure = view.pick_measure(&self.data, self.settings.measure.as_deref());
        self.chart = measure.map(|m| chart::build(view, &self.data, m, lang, &self.numbers));
        self.update_controls(measure)?;
        self.fill_table()?;
        let label = self.chart.as_ref().map(|c| format!("{}. {}", c.title, c.subtitle)).unwrap_or_default();
        self.parts.canvas.set_attribute("aria-label", &label)?;
        self.parts.canvas.set_hidden(self.chart.is_none());
        let empty = if self.chart.is_none() { ui(UiText::NoFigures, lang) } else { "" };
        self.parts.empty.set_text_content(Some(empty));
        self.drawn_for = (0.0, 0.0);
        self.fit()
    }

    fn update_controls(&self, measure: Option<usize>) -> Result<(), JsValue> {
        let lang = self.lang();
        self.parts.heading.set_text_content(Some(ui(UiText::Heading, lang)));
        self.parts.view_group.set_attribute("aria-label", ui(UiText::ViewGroup, lang))?;
        self.parts.lang_group.set_attribute("aria-label", ui(UiText::Language, lang))?;
        for (view, button) in &self.parts.view_buttons {
            button.set_text_content(Some(view.name(lang)));
            button.set_attribute("aria-pressed", &(*view == self.settings.view).to_string())?;
        }
        for (code, button) in &self.parts.lang_buttons {
            button.set_attribute("aria-pressed", &(*code == lang).to_string())?;
        }
        let caption = self.parts.measure_label.first_element_child().ok_or("measure label")?;
        caption.set_text_content(Some(ui(UiText::Measure, lang)));
        let select = &self.parts.measure;
        clear(select);
        for m in self.settings.view.measures(&self.data) {
            let option = web_sys::HtmlOptionElement::new_with_text_and_value(self.data.measures[m].name.get(lang), &self.data.measures[m].id)?;
            option.set_selected(Some(m) == measure);
            select.append_child(&option)?;
        }
        Ok(())
    }

    /// The chart's figures as a table: the same values, qualifiers, dates and sources.
    fn fill_table(&self) -> Result<(), JsValue> {
        let (lang, doc, table) = (self.lang(), &self.document, &self.parts.table);
        self.parts.table_summary.set_text_content(Some(ui(UiText::DataTable, lang)));
        clear(table);
        let Some(chart) = &self.chart else { return Ok(()) };
        append_text(table, "caption", "", &chart.title)?;
        let head = element(doc, "thead", "")?;
        let header_row = element(doc, "tr", "")?;
        for column in [UiText::ColumnId, UiText::ColumnScope, UiText::ColumnSeries, UiText::ColumnValue, UiText::ColumnWhen, UiText::ColumnSource, UiText::ColumnWording] {
            append_text(&header_row, "th", "", ui(column, lang))?.set_attribute("scope", "col")?;
        }
        head.append_child(&header_row)?;
        let body = element(doc, "tbody", "")?;
        for row in chart.groups.iter().flat_map(|g| &g.rows) {
            if row.current.is_none() {
                let measure = self.data.measures[chart.measure].name.get(lang);
                self.table_row(&body, &["", &row.label, measure, &chart.missing_text, "", "", ""], None)?;
            }
            for bar in row.bars() {
                let d = details(&self.data, bar.observation, lang, &self.numbers);
                self.table_row(&body, &[&d.id, &row.label, &d.measure, &d.figure, &d.when, &d.source, &d.wording], Some(&d.url))?;
            }
        }
        append(table, &[&head, &body])
    }

    /// Appends one table row; the source cell links to the source when there is an address.
    fn table_row(&self, body: &Element, cells: &[&str], url: Option<&str>) -> Result<(), JsValue> {
        let tr = element(&self.document, "tr", "")?;
        body.append_child(&tr)?;
        for (i, text) in cells.iter().enumerate() {
            let header = i == 1;
            let linked = url.filter(|_| i == 5);
            let cell = append_text(&tr, if header { "th" } else { "td" }, "", if linked.is_some() { "" } else { text })?;
            if header {
                cell.set_attribute("scope", "row")?;
            }
            if let Some(url) = linked {
                let link = append_text(&cell, "a", "", text)?;
                link.set_attribute("href", url)?;
                link.set_attribute("rel", "noopener noreferrer")?;
            }
        }
        Ok(())
    }

    /// Lays the chart out again if the figure's width or the pixel ratio changed.
    fn fit(&mut self) -> Result<(), JsValue> {
        let now = (f64::from(self.parts.figure.client_width()), self.window.device_pixel_ratio());
        if now == self.drawn_for || now.0 <= 0.0 {
            return Ok(());
        }
        self.drawn_for = now;
        self.scene = self.chart.as_ref().map(|chart| layout(chart, now.0, &self.text, &self.numbers));
        self.interaction.clear();
        self.draw()
    }

    /// Draws the scene at the device's pixel ratio, so that it is sharp on HiDPI screens.
    fn draw(&mut self) -> Result<(), JsValue> {
        let Some(scene) = &self.scene else { return Ok(()) };
        let (canvas, ratio) = (&self.parts.canvas, self.drawn_for.1);
        let style = canvas.style();
        style.set_property("width", &format!("{}px", scene.width))?;
        style.set_property("height", &format!("{}px", scene.height))?;
        let (w, h) = ((scene.width * ratio).round() as u32, (scene.height * ratio).round() as u32);
        if canvas.width() != w || canvas.height() != h {
            canvas.set_width(w);
            canvas.set_height(h);
        }
        let dark = self.window.match_media("(prefers-color-scheme: dark)").ok().flatten().is_some_and(|q| q.matches());
        let theme = self.settings.theme.resolve(dark);
        self.root.dataset().set("theme", if theme == render::Theme::Dark { "dark" } else { "light" })?;
        let mut backend = CanvasBackend::with_canvas_object(canvas.clone()).ok_or("no 2d canvas context")?;
        let target = Target { scale: ratio, font_scale: 1.0, theme };
        render::draw(&mut backend, scene, target, self.interaction.active()).map_err(|e| JsValue::from(e.to_string()))?;
        self.update_tooltip()
    }

    fn pointer(&mut self, event: Event, released: bool) -> Result<(), JsValue> {
        let Some(event) = event.dyn_ref::<PointerEvent>() else { return Ok(()) };
        let Some(scene) = &self.scene else { return Ok(()) };
        let (x, y) = (f64::from(event.offset_x()), f64::from(event.offset_y()));
        // A pen hovers like a mouse; only a finger has no hover.
        let pointer = if event.pointer_type() == "touch" { Pointer::Touch } else { Pointer::Mouse };
        let changed = match (pointer, released) {
            (Pointer::Touch, true) => self.interaction.tap(scene, x, y),
            (_, false) => self.interaction.pointer_move(scene, pointer, x, y),
            (Pointer::Mouse, true) => false,
        };
        if changed {
            self.draw()?;
        }
        Ok(())
    }

    fn update_tooltip(&self) -> Result<(), JsValue> {
        let tooltip = &self.parts.tooltip;
        let mark = self.interaction.active().and_then(|i| self.scene.as_ref()?.marks.get(i));
        let Some(mark) = mark else {
            tooltip.set_hidden(true);
            return self.parts.canvas.remove_attribute("aria-describedby");
        };
        let d = details(&self.data, mark.observation, self.lang(), &self.numbers);
        clear(tooltip);
        let source = format!("{}: {}", ui(UiText::ColumnSource, self.lang()), d.source);
        let mut lines = vec![("tx-tip-heading", d.heading), ("tx-tip-figure", d.figure), ("", d.measure), ("", d.when), ("", source), ("tx-tip-wording", d.wording)];
        if let Some(note) = d.note {
            lines.push(("tx-tip-note", format!("{}: {note}", ui(UiText::Note, self.lang()))));
        }
        if !d.others.is_empty() {
            lines.push(("tx-tip-others", format!("{} {}", ui(UiText::OtherFigures, self.lang()), d.others.join("; "))));
        }
        lines.push(("tx-tip-id", format!("{}: {}", ui(UiText::ColumnId, self.lang()), d.id)));
        for (class, text) in lines {
            append_text(tooltip, "p", class, &text)?;
        }
        tooltip.set_hidden(false);
        self.parts.canvas.set_attribute("aria-describedby", &tooltip.id())?;
        let size = (f64::from(tooltip.offset_width()), f64::from(tooltip.offset_height()));
        let bounds = (f64::from(self.parts.figure.client_width()), f64::from(self.parts.figure.client_height()));
        let (x, y) = place_tooltip(&mark.bar, size, bounds);
        tooltip.style().set_property("left", &format!("{x}px"))?;
        tooltip.style().set_property("top", &format!("{y}px"))
    }
}
