//! The browser shell. It builds the explorer's elements, turns events into calls on the core,
//! and draws what the core lays out; what a chart shows and where is decided in the core.

mod controls;
mod dom;
mod panels;
mod platform;

use crate::chart::{self, Chart, Query, Sort};
use crate::dataset::Dataset;
use crate::describe::details;
use crate::interaction::{place_tooltip, Interaction, Key, Outcome, Pointer, Selecting};
use crate::lang::Lang;
use crate::layout::{layout, Scene};
use crate::problem::Problem;
use crate::render::{self, Emphasis, Target, Theme};
use crate::settings::Settings;
use crate::subject::Subject;
use crate::ui_text::{ui, UiText};
use controls::Controls;
use dom::{append, clear, element};
use platform::{CanvasText, IntlNumbers};
use plotters_canvas::CanvasBackend;
use std::cell::RefCell;
use std::rc::Rc;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;
use web_sys::{Document, Event, HtmlCanvasElement, HtmlElement, KeyboardEvent, PointerEvent, Window};

/// Problems listed in the alert before the rest are counted instead.
const MAX_LISTED_PROBLEMS: usize = 50;
/// How long marks take to move to their new places.
const TRANSITION_MS: f64 = 250.0;

/// The explorer's elements, built once.
struct Parts {
    heading: HtmlElement,
    controls: Controls,
    alert: HtmlElement,
    figure: HtmlElement,
    /// Says so when the dataset has no figures for the chosen view.
    empty: HtmlElement,
    canvas: HtmlCanvasElement,
    tooltip: HtmlElement,
    /// Polite announcements of the figure the keyboard moved to.
    live: HtmlElement,
    details: HtmlElement,
    details_close: HtmlElement,
    table_summary: HtmlElement,
    table: HtmlElement,
}

/// Marks moving from an earlier scene to the current one.
struct Transition {
    from: Scene,
    started: Option<f64>,
}

struct App {
    window: Window,
    root: HtmlElement,
    parts: Parts,
    data: Dataset,
    settings: Settings,
    numbers: IntlNumbers,
    text: CanvasText,
    chart: Option<Chart>,
    scene: Option<Scene>,
    /// With a selection, whether each mark is about it.
    related: Option<Vec<bool>>,
    interaction: Interaction,
    /// The width and pixel ratio the scene was laid out for, to skip redundant relayouts.
    drawn_for: (f64, f64),
    transition: Option<Transition>,
    /// Requests the next animation frame for a transition.
    next_frame: Option<js_sys::Function>,
}

type Shared = Rc<RefCell<App>>;

/// Builds the explorer inside `root`, reading its state from the page's URL (`view`, `measure`,
/// `period`, `sort`, `labels`, `select`, `lang`, `theme`, `data`) and writing changes back.
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
        root,
        parts,
        data,
        settings,
        chart: None,
        scene: None,
        related: None,
        interaction: Interaction::default(),
        drawn_for: (0.0, 0.0),
        transition: None,
        next_frame: None,
    };
    let app: Shared = Rc::new(RefCell::new(app));
    wire_events(&app)?;
    let address = app.borrow().settings.data.clone();
    match address {
        Some(address) => {
            app.borrow().parts.heading.set_text_content(Some(ui(UiText::Loading, app.borrow().lang())));
            wasm_bindgen_futures::spawn_local(async move {
                let loaded = load_dataset(&app, &address).await;
                let mut app = app.borrow_mut();
                match loaded.map(|json| Dataset::parse(&json)) {
                    Ok(Ok(data)) => app.data = data,
                    Ok(Err(problems)) => app.show_problems(&problems),
                    Err(detail) => {
                        let heading = format!("{}. {}", ui(UiText::LoadFailed, app.lang()), ui(UiText::ShowingEmbedded, app.lang()));
                        let shown = panels::fill_alert(&app.parts.alert, &heading, &[format!("{address}: {detail}")]);
                        app.report(shown);
                    }
                }
                let shown = app.show(false);
                app.report(shown);
            });
        }
        None => app.borrow_mut().show(false)?,
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
    let id = format!("tx-{}", js_sys::Math::random().to_bits());
    let heading = element(document, "h1", "tx-heading")?;
    let controls_box = element(document, "div", "tx-controls")?;
    let controls = Controls::new(document, &controls_box, &id)?;
    let alert = element(document, "div", "tx-alert")?;
    alert.set_attribute("role", "alert")?;
    let figure = element(document, "figure", "tx-figure")?;
    let empty = element(document, "p", "tx-empty")?;
    empty.set_attribute("role", "status")?;
    let canvas: HtmlCanvasElement = document.create_element("canvas")?.dyn_into()?;
    canvas.set_attribute("role", "img")?;
    canvas.set_tab_index(0);
    let tooltip = element(document, "div", "tx-tooltip")?;
    tooltip.set_attribute("role", "tooltip")?;
    tooltip.set_id(&format!("{id}-tooltip"));
    tooltip.set_hidden(true);
    let live = element(document, "div", "tx-live")?;
    live.set_attribute("aria-live", "polite")?;
    append(&figure, &[&empty, &canvas, &tooltip, &live])?;
    let details = element(document, "section", "tx-details")?;
    details.set_id(&format!("{id}-details"));
    details.set_hidden(true);
    let details_head = element(document, "div", "tx-details-head")?;
    let details_heading = element(document, "h2", "")?;
    let details_close = element(document, "button", "tx-toggle tx-close")?;
    details_close.set_attribute("type", "button")?;
    append(&details_head, &[&details_heading, &details_close])?;
    let details_list = element(document, "ol", "")?;
    append(&details, &[&details_head, &details_list])?;
    let table_box = element(document, "details", "tx-table")?;
    let table_summary = element(document, "summary", "")?;
    let table = element(document, "table", "")?;
    append(&table_box, &[&table_summary, &table])?;
    append(root, &[&heading, &controls_box, &alert, &figure, &details, &table_box])?;
    Ok(Parts { heading, controls, alert, figure, empty, canvas, tooltip, live, details, details_close, table_summary, table })
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
    let (canvas, window, figure, close) = {
        let a = app.borrow();
        (a.parts.canvas.clone(), a.window.clone(), a.parts.figure.clone(), a.parts.details_close.clone())
    };
    let (view_buttons, lang_buttons, measure, period, sort, labels) = {
        let c = &app.borrow().parts.controls;
        (c.view_buttons.clone(), c.lang_buttons.clone(), c.measure.select.clone(), c.period.select.clone(), c.sort.select.clone(), c.labels.clone())
    };
    for (view, button) in view_buttons {
        listen(app, &button, "click", move |app, _| {
            app.change(true, |s| {
                s.view = view;
                s.measure = None;
                s.period = None;
            })
        })?;
    }
    for (lang, button) in lang_buttons {
        listen(app, &button, "click", move |app, _| app.change(false, |s| s.lang = lang))?;
    }
    listen(app, &measure, "change", |app, _| {
        let measure = app.parts.controls.measure.select.value();
        app.change(true, |s| {
            s.measure = Some(measure);
            s.period = None;
        })
    })?;
    listen(app, &period, "change", |app, _| {
        let period = app.parts.controls.period.select.value();
        app.change(true, |s| s.period = Some(period).filter(|p| !p.is_empty()))
    })?;
    listen(app, &sort, "change", |app, _| {
        let sort = Sort::parse(&app.parts.controls.sort.select.value()).unwrap_or_default();
        app.change(true, |s| s.sort = sort)
    })?;
    listen(app, &labels, "change", |app, _| {
        let on = app.parts.controls.labels.checked();
        app.change(false, |s| s.value_labels = on)
    })?;
    listen(app, &close, "click", |app, _| {
        app.select(Selecting::Clear)?;
        app.parts.canvas.focus()
    })?;
    listen(app, &canvas, "pointermove", |app, e| app.pointer(e, false))?;
    listen(app, &canvas, "pointerup", |app, e| app.pointer(e, true))?;
    listen(app, &canvas, "pointerleave", |app, e| {
        let touch = e.dyn_ref::<PointerEvent>().is_some_and(|p| p.pointer_type() == "touch");
        if touch {
            return Ok(());
        }
        let outcome = app.interaction.pointer_leave();
        app.apply(outcome)
    })?;
    listen(app, &canvas, "focus", |app, _| {
        // Focus from a click or tap is not keyboard focus: the pointer keeps the lead.
        let by_keyboard = app.parts.canvas.matches(":focus-visible").unwrap_or(true);
        let Some(scene) = app.scene.as_ref().filter(|_| by_keyboard) else { return Ok(()) };
        let selected = app.related.as_ref().and_then(|r| r.iter().position(|&x| x));
        let outcome = app.interaction.focus(scene, selected);
        app.apply(outcome)
    })?;
    listen(app, &canvas, "blur", |app, _| {
        let outcome = app.interaction.blur();
        app.apply(outcome)
    })?;
    listen(app, &canvas, "keydown", |app, e| {
        let Some(key) = e.dyn_ref::<KeyboardEvent>().and_then(|k| Key::parse(&k.key())) else { return Ok(()) };
        let Some(scene) = &app.scene else { return Ok(()) };
        e.prevent_default();
        let outcome = app.interaction.key(scene, key);
        app.apply(outcome)
    })?;
    listen(app, &window, "popstate", |app, _| {
        app.settings = Settings::from_pairs(query_pairs(&app.window)?);
        app.show(false)
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
    let animated = Rc::clone(app);
    let on_frame = Closure::<dyn FnMut(f64)>::new(move |now: f64| {
        let mut app = animated.borrow_mut();
        let result = app.frame(now);
        app.report(result);
    });
    app.borrow_mut().next_frame = Some(on_frame.as_ref().unchecked_ref::<js_sys::Function>().clone());
    on_frame.forget();
    Ok(())
}

impl App {
    /// Shows an error that escaped a handler in the alert, so it never goes unseen.
    fn report(&self, result: Result<(), JsValue>) {
        if let Err(error) = result {
            web_sys::console::error_1(&error);
            self.parts.alert.set_text_content(Some(&js_message(&error)));
        }
    }

    fn lang(&self) -> Lang {
        self.settings.lang
    }

    fn prefers(&self, media: &str) -> bool {
        self.window.match_media(media).ok().flatten().is_some_and(|q| q.matches())
    }

    /// Changes the settings, records them in the URL (a new history entry for a new view or
    /// selection) and shows the result, moving marks to their new places if `animate`.
    fn change(&mut self, animate: bool, edit: impl FnOnce(&mut Settings)) -> Result<(), JsValue> {
        let before = self.settings.clone();
        edit(&mut self.settings);
        if self.settings.lang != before.lang {
            self.numbers = IntlNumbers::new(self.settings.lang)?;
        }
        self.write_url(self.settings.is_new_place(&before))?;
        self.show(animate)
    }

    fn write_url(&self, new_entry: bool) -> Result<(), JsValue> {
        let params = web_sys::UrlSearchParams::new()?;
        for (key, value) in self.settings.to_pairs() {
            params.append(key, &value);
        }
        let url = format!("{}?{}", self.window.location().pathname()?, String::from(params.to_string()));
        let history = self.window.history()?;
        match new_entry {
            true => history.push_state_with_url(&JsValue::NULL, "", Some(&url)),
            false => history.replace_state_with_url(&JsValue::NULL, "", Some(&url)),
        }
    }

    fn show_problems(&self, problems: &[Problem]) {
        let lang = self.lang();
        let heading = format!("{} ({}). {}", ui(UiText::InvalidDataset, lang), problems.len(), ui(UiText::ShowingEmbedded, lang));
        let mut items: Vec<String> = problems.iter().take(MAX_LISTED_PROBLEMS).map(|p| p.describe(lang)).collect();
        if problems.len() > MAX_LISTED_PROBLEMS {
            items.push(format!("{} {}", ui(UiText::MoreProblems, lang), problems.len() - MAX_LISTED_PROBLEMS));
        }
        self.report(panels::fill_alert(&self.parts.alert, &heading, &items));
    }

    fn subject(&self) -> Option<Subject> {
        self.settings.select.as_deref().and_then(|code| Subject::parse(code, &self.data))
    }

    /// Rebuilds the chart for the current settings and everything that shows it.
    fn show(&mut self, animate: bool) -> Result<(), JsValue> {
        let lang = self.lang();
        self.root.set_attribute("lang", lang.code())?;
        self.parts.heading.set_text_content(Some(ui(UiText::Heading, lang)));
        let s = &self.settings;
        let query = Query { view: s.view, measure: s.measure.as_deref(), period: s.period.as_deref(), sort: s.sort, value_labels: s.value_labels };
        self.chart = chart::build(&self.data, query, lang, &self.numbers);
        self.parts.controls.update(&self.settings, self.chart.as_ref(), &self.data)?;
        self.parts.table_summary.set_text_content(Some(ui(UiText::DataTable, lang)));
        panels::fill_table(&self.parts.table, self.chart.as_ref(), &self.data, lang, &self.numbers)?;
        panels::fill_details(&self.parts.details, &self.data, self.subject().as_ref(), lang, &self.numbers)?;
        self.parts.details_close.set_text_content(Some(ui(UiText::Close, lang)));
        let label = self.chart.as_ref().map(|c| format!("{}. {} {}", c.title, c.subtitle, ui(UiText::ChartHelp, lang))).unwrap_or_default();
        self.parts.canvas.set_attribute("aria-label", &label)?;
        self.parts.canvas.set_hidden(self.chart.is_none());
        self.parts.empty.set_text_content(Some(if self.chart.is_none() { ui(UiText::NoFigures, lang) } else { "" }));
        let moving = animate && !self.prefers("(prefers-reduced-motion: reduce)");
        self.transition = self.scene.take().filter(|_| moving).map(|from| Transition { from, started: None });
        self.drawn_for = (0.0, 0.0);
        self.fit()
    }

    /// Lays the chart out again if the figure's width or the pixel ratio changed.
    fn fit(&mut self) -> Result<(), JsValue> {
        let now = (f64::from(self.parts.figure.client_width()), self.window.device_pixel_ratio());
        if now == self.drawn_for || now.0 <= 0.0 {
            return Ok(());
        }
        self.drawn_for = now;
        self.scene = self.chart.as_ref().map(|chart| layout(chart, now.0, &self.text, &self.numbers));
        if let Some(scene) = &self.scene {
            self.interaction.relayout(scene);
        }
        self.mark_related();
        match (&self.transition, &self.next_frame) {
            (Some(_), Some(next)) => self.window.request_animation_frame(next).map(|_| ()),
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
        let (Some(scene), Some(next)) = (&self.scene, &self.next_frame) else { return Ok(()) };
        let tweened = scene.tween(&transition.from, t);
        self.paint(&tweened)?;
        self.window.request_animation_frame(next).map(|_| ())
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
        let Some(scene) = self.scene.take() else { return Ok(()) };
        let painted = self.paint(&scene);
        self.scene = Some(scene);
        painted?;
        self.update_tooltip()
    }

    fn paint(&self, scene: &Scene) -> Result<(), JsValue> {
        let (canvas, ratio) = (&self.parts.canvas, self.drawn_for.1);
        let style = canvas.style();
        style.set_property("width", &format!("{}px", scene.width))?;
        style.set_property("height", &format!("{}px", scene.height))?;
        let (w, h) = ((scene.width * ratio).round() as u32, (scene.height * ratio).round() as u32);
        if canvas.width() != w || canvas.height() != h {
            canvas.set_width(w);
            canvas.set_height(h);
        }
        let theme = self.settings.theme.resolve(self.prefers("(prefers-color-scheme: dark)"));
        self.root.dataset().set("theme", if theme == Theme::Dark { "dark" } else { "light" })?;
        let mut backend = CanvasBackend::with_canvas_object(canvas.clone()).ok_or("no 2d canvas context")?;
        let emphasis = Emphasis { active: self.interaction.active(), focused: self.interaction.keyboard_focus(), related: self.related.as_deref() };
        let target = Target { scale: ratio, font_scale: 1.0, theme };
        render::draw(&mut backend, scene, target, emphasis).map_err(|e| JsValue::from(e.to_string()))
    }

    /// Carries out what an event changed.
    fn apply(&mut self, outcome: Outcome) -> Result<(), JsValue> {
        if let Some(selecting) = outcome.select {
            self.select(selecting)?;
        } else if outcome.redraw {
            self.draw()?;
        }
        if outcome.announce {
            self.announce()?;
        }
        Ok(())
    }

    /// Selects what a mark is about (or nothing): URL, details panel and highlights follow.
    fn select(&mut self, selecting: Selecting) -> Result<(), JsValue> {
        let code = match selecting {
            Selecting::Clear => None,
            Selecting::Mark(m) => {
                let Some(mark) = self.scene.as_ref().and_then(|s| s.marks.get(m)) else { return Ok(()) };
                Some(Subject::of_scope(&self.data.observations[mark.observation].scope).code(&self.data))
            }
        };
        if code == self.settings.select {
            return self.draw();
        }
        let before = self.settings.clone();
        self.settings.select = code;
        self.write_url(self.settings.is_new_place(&before))?;
        panels::fill_details(&self.parts.details, &self.data, self.subject().as_ref(), self.lang(), &self.numbers)?;
        self.mark_related();
        self.draw()
    }

    fn announce(&self) -> Result<(), JsValue> {
        let mark = self.interaction.active().and_then(|i| self.scene.as_ref()?.marks.get(i));
        let text = mark.map(|m| panels::announcement(&details(&self.data, m.observation, self.lang(), &self.numbers))).unwrap_or_default();
        self.parts.live.set_text_content(Some(&text));
        Ok(())
    }

    fn pointer(&mut self, event: Event, released: bool) -> Result<(), JsValue> {
        let Some(event) = event.dyn_ref::<PointerEvent>() else { return Ok(()) };
        let Some(scene) = &self.scene else { return Ok(()) };
        let (x, y) = (f64::from(event.offset_x()), f64::from(event.offset_y()));
        // A pen hovers like a mouse; only a finger has no hover.
        let outcome = match (event.pointer_type() == "touch", released) {
            (true, true) => self.interaction.tap(scene, x, y),
            (false, true) => self.interaction.click(scene, x, y),
            (touch, false) => self.interaction.pointer_move(scene, if touch { Pointer::Touch } else { Pointer::Mouse }, x, y),
        };
        self.apply(outcome)
    }

    fn update_tooltip(&self) -> Result<(), JsValue> {
        let tooltip = &self.parts.tooltip;
        let mark = self.interaction.active().and_then(|i| self.scene.as_ref()?.marks.get(i));
        let Some(mark) = mark else {
            tooltip.set_hidden(true);
            return self.parts.canvas.remove_attribute("aria-describedby");
        };
        panels::fill_tooltip(tooltip, &details(&self.data, mark.observation, self.lang(), &self.numbers), self.lang())?;
        tooltip.set_hidden(false);
        self.parts.canvas.set_attribute("aria-describedby", &tooltip.id())?;
        let size = (f64::from(tooltip.offset_width()), f64::from(tooltip.offset_height()));
        let bounds = (f64::from(self.parts.figure.client_width()), f64::from(self.parts.figure.client_height()));
        let (x, y) = place_tooltip(&mark.bar, size, bounds);
        tooltip.style().set_property("left", &format!("{x}px"))?;
        tooltip.style().set_property("top", &format!("{y}px"))
    }
}
