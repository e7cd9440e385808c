//! A running explorer's state and what it does: it turns settings into a chart, the chart into a
//! scene, and the scene into pixels, text and ARIA; it moves the highlight and the tooltip.
//!
//! Anything that can run the host's code (an event for the page, a focus change) is not done
//! while the app is borrowed: it is queued as an `Effect` and carried out by `act` once the
//! borrow has ended, so that a host may call any method of the explorer from any of our events.

use super::dom::{self, clear, set_px};
use super::listeners::Listeners;
use super::painter::Painter;
use super::panels;
use super::parts::Parts;
use super::platform::{timed, CanvasText, IntlLocale, Timings};
use crate::chart::{self, Chart, Query};
use crate::dataset::Dataset;
use crate::describe::details;
use crate::embed;
use crate::interaction::{place_tooltip, Interaction, Outcome, Selecting};
use crate::lang::Lang;
use crate::layout::{layout, Scene, FONT_FAMILY};
use crate::render::{Surface, Target};
use crate::settings::Settings;
use crate::subject::Subject;
use crate::summary::summarize;
use crate::theme::Theme;
use crate::ui_text::{ui, UiText};
use serde::Serialize;
use std::cell::RefCell;
use std::rc::Rc;
use wasm_bindgen::JsValue;
use web_sys::{CustomEvent, CustomEventInit, HtmlElement, MediaQueryList, Window};

/// How long marks take to move to their new places.
const TRANSITION_MS: f64 = 250.0;
/// The User Timing mark set when the first chart is painted.
const FIRST_CHART_MARK: &str = "technopolis:first-chart";

/// Where the explorer's state lives.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Mode {
    /// Its own page: the URL, with history entries for views and selections.
    Page,
    /// A host's element: options and attributes; changes are announced by an event.
    #[cfg(feature = "tools")]
    Host,
    /// A host's element while the first-chart build stands in for the full build: as `Host`, but
    /// changes are kept for the full build, which takes them over and tells the host (`ready`).
    #[cfg(not(feature = "tools"))]
    StandIn,
}

/// What is done once the app is no longer borrowed.
pub enum Effect {
    /// An event from the explorer's root to the page (`statechange`, `tx-tools`).
    Announce { name: &'static str, detail: JsValue },
    /// The keyboard focus moves (the page hears of it through focus events).
    Focus(HtmlElement),
}

impl Effect {
    fn run(self, root: &HtmlElement) -> Result<(), JsValue> {
        match self {
            Effect::Announce { name, detail } => {
                let init = CustomEventInit::new();
                init.set_detail(&detail);
                init.set_bubbles(true);
                // Out of a shadow root too, to the element's listeners.
                init.set_composed(true);
                let event = CustomEvent::new_with_event_init_dict(name, &init)?;
                root.dispatch_event(&event)?;
                Ok(())
            }
            Effect::Focus(element) => element.focus(),
        }
    }
}

/// Marks moving from an earlier scene to the current one.
struct Transition {
    from: Scene,
    started: Option<f64>,
}

pub struct App {
    pub mode: Mode,
    pub window: Window,
    pub root: HtmlElement,
    pub parts: Parts,
    pub data: Dataset,
    /// The dataset as JSON, for the JSON export (a CSV's data is exported in its JSON form).
    #[cfg(feature = "tools")]
    pub data_json: String,
    /// A reader's own dataset on its way from the loading worker.
    #[cfg(feature = "tools")]
    pub loading: Option<super::pending::Loading>,
    pub settings: Settings,
    locale: IntlLocale,
    text: CanvasText,
    painter: Painter,
    pub chart: Option<Chart>,
    pub scene: Option<Scene>,
    /// With a selection, whether each mark is about it.
    pub related: Option<Vec<bool>>,
    pub interaction: Interaction,
    /// The width and pixel ratio the scene was laid out for, to skip redundant relayouts.
    drawn_for: (f64, f64),
    transition: Option<Transition>,
    /// What the explorer listens to on the page, for `destroy` to release.
    pub listeners: Listeners,
    /// Whether the figure was resized since the last frame (see `resized`).
    resize_pending: bool,
    pub timings: Timings,
    /// Whether the data table shows the current chart.
    table_filled: bool,
    /// The figure's width when last measured (by a resize, or the first showing), so that a
    /// new chart is laid out without forcing the page's layout.
    width: f64,
    /// The reader's colour-scheme and motion preferences, asked once and read live.
    dark: Option<MediaQueryList>,
    reduced_motion: Option<MediaQueryList>,
    /// Whether the first chart has been painted (marked for the benchmark).
    painted: bool,
    effects: Vec<Effect>,
}

pub type Shared = Rc<RefCell<App>>;

/// Runs `work` on the app, then the effects it queued, once the borrow has ended. An explorer
/// that is busy (a call from inside its own work, which `Effect` leaves no way to make) refuses.
pub fn act<T>(shared: &Shared, work: impl FnOnce(&mut App) -> Result<T, JsValue>) -> Result<T, JsValue> {
    let (result, effects, root) = {
        let mut app = shared.try_borrow_mut().map_err(|_| JsValue::from("the explorer is busy; call it again after its work"))?;
        let result = work(&mut app);
        (result, std::mem::take(&mut app.effects), app.root.clone())
    };
    for effect in effects {
        if let Err(error) = effect.run(&root) {
            web_sys::console::error_1(&error);
        }
    }
    result
}

/// `act` for the explorer's own listeners: what fails is shown in the alert.
pub fn act_and_report(shared: &Shared, work: impl FnOnce(&mut App) -> Result<(), JsValue>) {
    // Refused only while busy; the event then belongs to work that is under way.
    let _ = act(shared, |app| {
        let result = work(app);
        app.report(result);
        Ok(())
    });
}

fn media(window: &Window, query: &str) -> Option<MediaQueryList> {
    window.match_media(query).ok().flatten()
}

impl App {
    pub fn new(mode: Mode, window: Window, root: HtmlElement, parts: Parts, settings: Settings, data: Dataset) -> Result<App, JsValue> {
        let document = dom::document_of(&root)?;
        let painter = Painter::new(&document, parts.canvas.clone())?;
        Ok(App {
            mode,
            locale: IntlLocale::new(settings.lang)?,
            text: CanvasText::new(&document, FONT_FAMILY)?,
            painter,
            dark: media(&window, "(prefers-color-scheme: dark)"),
            reduced_motion: media(&window, "(prefers-reduced-motion: reduce)"),
            window,
            root,
            parts,
            data,
            #[cfg(feature = "tools")]
            data_json: crate::EMBEDDED_DATASET.to_string(),
            #[cfg(feature = "tools")]
            loading: None,
            settings,
            chart: None,
            scene: None,
            related: None,
            interaction: Interaction::default(),
            drawn_for: (0.0, 0.0),
            transition: None,
            listeners: Listeners::default(),
            resize_pending: false,
            timings: Timings::default(),
            table_filled: false,
            width: 0.0,
            painted: false,
            effects: Vec::new(),
        })
    }

    /// Shows an error that escaped a handler in the alert, so it never goes unseen.
    pub fn report(&self, result: Result<(), JsValue>) {
        if let Err(error) = result {
            web_sys::console::error_1(&error);
            self.parts.alert.set_text_content(Some(&dom::message_of(&error)));
        }
    }

    /// Queues an event for the page, sent once the app is no longer borrowed.
    pub fn announce(&mut self, name: &'static str, detail: &impl Serialize) -> Result<(), JsValue> {
        let detail = serde_wasm_bindgen::to_value(detail)?;
        self.effects.push(Effect::Announce { name, detail });
        Ok(())
    }

    /// Moves the focus once the app is no longer borrowed.
    pub fn focus_later(&mut self, element: HtmlElement) {
        self.effects.push(Effect::Focus(element));
    }

    pub fn lang(&self) -> Lang {
        self.settings.lang
    }

    /// Numbers and the order of names in the reader's language.
    #[cfg(feature = "tools")]
    pub fn locale(&self) -> &IntlLocale {
        &self.locale
    }

    pub fn theme(&self) -> Theme {
        self.settings.theme.resolve(self.dark.as_ref().is_some_and(|q| q.matches()))
    }

    /// The font family the chart is measured and drawn in, for exports.
    #[cfg(feature = "tools")]
    pub fn family(&self) -> &str {
        self.text.family()
    }

    /// Reads the host's `--tx-font`, else the system fonts: the canvas measures and draws in
    /// it. Reading styles forces the page's style, so this is done on the first showing and when
    /// the host sets options, not for every chart.
    pub fn read_family(&mut self) -> Result<(), JsValue> {
        let chosen = dom::computed(&self.window, &self.root, "--tx-font")?;
        let family = match chosen.trim() {
            "" => FONT_FAMILY,
            family => family,
        };
        self.text.set_family(family);
        Ok(())
    }

    /// Changes the settings, records them (URL or event) and shows the result, moving marks to
    /// their new places if `animate`.
    pub fn change(&mut self, animate: bool, edit: impl FnOnce(&mut Settings)) -> Result<(), JsValue> {
        let mut next = self.settings.clone();
        edit(&mut next);
        self.change_to(next, animate)
    }

    /// Takes `next` as the settings, records them and shows the result.
    pub fn change_to(&mut self, next: Settings, animate: bool) -> Result<(), JsValue> {
        let before = std::mem::replace(&mut self.settings, next);
        if self.settings.lang != before.lang {
            self.locale = IntlLocale::new(self.settings.lang)?;
        }
        self.record(&before)?;
        self.show(animate)
    }

    /// On its own page, writes the state to the URL (a new history entry for a new view or
    /// selection); in a host's element, tells the host with a `statechange` event (not while the
    /// first-chart build stands in).
    pub fn record(&mut self, before: &Settings) -> Result<(), JsValue> {
        if self.settings == *before {
            return Ok(());
        }
        match self.mode {
            #[cfg(feature = "tools")]
            Mode::Host => {
                let state = self.settings.state();
                return self.announce("statechange", &state);
            }
            #[cfg(not(feature = "tools"))]
            Mode::StandIn => return Ok(()),
            Mode::Page => {}
        }
        let url = format!("{}?{}", self.window.location().pathname()?, query(&self.settings.to_pairs())?);
        let history = self.window.history()?;
        match self.settings.is_new_place(before) {
            true => history.push_state_with_url(&JsValue::NULL, "", Some(&url)),
            false => history.replace_state_with_url(&JsValue::NULL, "", Some(&url)),
        }
    }

    fn subject(&self) -> Option<Subject> {
        self.settings.select.as_deref().and_then(|code| Subject::parse(code, &self.data))
    }

    /// Rebuilds the chart for the current settings and everything that shows it.
    pub fn show(&mut self, animate: bool) -> Result<(), JsValue> {
        let lang = self.lang();
        self.root.set_attribute("lang", lang.code())?;
        self.root.set_attribute("data-theme", if self.theme() == Theme::Dark { "dark" } else { "light" })?;
        self.parts.heading.set_text_content(Some(ui(UiText::Heading, lang)));
        if self.mode == Mode::Page {
            // A title per view, for the history, tabs and search results.
            if let Some(document) = self.window.document() {
                document.set_title(&format!("{} — {}", ui(UiText::Heading, lang), self.settings.view.name(lang)));
            }
        }
        let s = &self.settings;
        let query = Query { view: s.view, measure: s.measure.as_deref(), period: s.period.as_deref(), sort: s.sort, value_labels: s.value_labels };
        self.chart = timed(&self.window, &mut self.timings.query, || chart::build(&self.data, query, lang, &self.locale));
        self.parts.controls.update(&self.settings, self.chart.as_ref(), &self.data)?;
        self.parts.table_summary.set_text_content(Some(ui(UiText::DataTable, lang)));
        self.table_filled = false;
        self.fill_table_if_open()?;
        self.fill_details()?;
        self.parts.details_close.set_text_content(Some(ui(UiText::Close, lang)));
        self.fill_embed()?;
        let title = self.chart.as_ref().map(|c| c.title.clone()).unwrap_or_default();
        let summary = self.chart.as_ref().map(|c| summarize(&self.data, c, lang, &self.locale)).unwrap_or_default();
        self.parts.canvas.set_attribute("aria-label", &format!("{title}. {}", ui(UiText::ChartHelp, lang)))?;
        self.parts.summary.set_text_content(Some(&summary.join(" ")));
        if self.scene.is_some() {
            // Not on the first showing: then the page itself is what is new.
            let news = format!("{title}. {}", summary.get(1).map(String::as_str).unwrap_or_default());
            self.parts.live.set_text_content(Some(&news));
        }
        self.parts.canvas.set_hidden(self.chart.is_none());
        self.parts.empty.set_text_content(Some(if self.chart.is_none() { ui(UiText::NoFigures, lang) } else { "" }));
        if !self.painted {
            self.read_family()?;
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
    pub fn fill_table_if_open(&mut self) -> Result<(), JsValue> {
        if self.table_filled || !self.parts.table_box.has_attribute("open") {
            return Ok(());
        }
        self.table_filled = true;
        panels::fill_table(&self.parts.table, self.chart.as_ref(), &self.data, self.lang(), &self.locale)
    }

    /// The details panel, for the current selection.
    fn fill_details(&self) -> Result<(), JsValue> {
        let parts = &self.parts;
        panels::fill_details(&parts.details, &parts.details_heading, &parts.details_list, &self.data, self.subject().as_ref(), self.lang(), &self.locale)
    }

    /// The embed panel's snippets for the current state.
    fn fill_embed(&self) -> Result<(), JsValue> {
        if self.mode != Mode::Page {
            return Ok(());
        }
        let lang = self.lang();
        let pairs = self.settings.to_pairs();
        let title = self.chart.as_ref().map(|c| c.title.clone()).unwrap_or_default();
        let (tag, frame) = embed::snippets(&dom::folder(&self.window)?, &pairs, &query(&pairs)?, &title);
        let captions = [ui(UiText::EmbedTag, lang), ui(UiText::EmbedFrame, lang)];
        for ((area, text), caption) in [(&self.parts.embed_tag, tag), (&self.parts.embed_frame, frame)].into_iter().zip(captions) {
            area.set_value(&text);
            if let Some(label) = area.previous_element_sibling() {
                label.set_text_content(Some(caption));
            }
        }
        Ok(())
    }

    /// Measures the figure (after a resize) and lays the chart out again if its width or the
    /// pixel ratio changed.
    pub fn fit(&mut self) -> Result<(), JsValue> {
        self.width = f64::from(self.parts.figure.client_width());
        self.relayout()
    }

    /// The figure was resized: it is measured and the chart laid out again in the next animation
    /// frame, not in the resize observer's callback. There a change of the page's height would
    /// come after the browser has told the page's other observers (an iframe page telling its
    /// host its height) and be reported as a "ResizeObserver loop" error.
    pub fn resized(&mut self) -> Result<(), JsValue> {
        self.resize_pending = true;
        self.ask_for_frame()
    }

    /// Lays the chart out again for the last measured width, if it or the pixel ratio changed.
    fn relayout(&mut self) -> Result<(), JsValue> {
        let now = (self.width, self.window.device_pixel_ratio());
        if now == self.drawn_for || now.0 <= 0.0 {
            return Ok(());
        }
        self.drawn_for = now;
        self.scene = timed(&self.window, &mut self.timings.layout, || self.chart.as_ref().map(|chart| layout(chart, now.0, &self.text, &self.locale)));
        if let Some(scene) = &self.scene {
            self.interaction.relayout(scene);
        }
        self.mark_related();
        match self.transition {
            Some(_) => self.ask_for_frame(),
            None => self.draw(),
        }
    }

    /// Asks for the next animation frame's callback (`wiring` makes it); before it is made,
    /// does that frame's work at once.
    fn ask_for_frame(&mut self) -> Result<(), JsValue> {
        if self.listeners.ask_for_frame(&self.window)? {
            return Ok(());
        }
        self.transition = None;
        if std::mem::take(&mut self.resize_pending) {
            self.fit()?;
        }
        self.draw()
    }

    /// One frame: the chart fitted to a resized figure, and a transition's next step (the last
    /// one draws the scene as it is).
    pub fn frame(&mut self, now: f64) -> Result<(), JsValue> {
        self.listeners.frame_came();
        if std::mem::take(&mut self.resize_pending) {
            self.fit()?;
        }
        let Some(transition) = &mut self.transition else { return Ok(()) };
        let started = *transition.started.get_or_insert(now);
        let t = (now - started) / TRANSITION_MS;
        if t >= 1.0 {
            self.transition = None;
            return self.draw();
        }
        let Some(scene) = &self.scene else { return Ok(()) };
        let tweened = scene.tween(&transition.from, t);
        self.painter.paint(&tweened, on_canvas(self.theme(), &self.text, self.drawn_for.1), self.related.as_deref())?;
        self.ask_for_frame()
    }

    fn mark_related(&mut self) {
        let subject = self.subject();
        self.related = subject.zip(self.scene.as_ref()).map(|(subject, scene)| {
            scene.marks.iter().map(|m| subject.covers(&self.data, &self.data.observations[m.observation])).collect()
        });
    }

    /// Draws the current scene at the device's pixel ratio, so that it is sharp on HiDPI screens.
    pub fn draw(&mut self) -> Result<(), JsValue> {
        if self.transition.is_some() {
            return Ok(());
        }
        let Some(scene) = &self.scene else { return Ok(()) };
        let target = on_canvas(self.theme(), &self.text, self.drawn_for.1);
        let mut spent = 0.0;
        timed(&self.window, &mut spent, || self.painter.paint(scene, target, self.related.as_deref()))?;
        self.timings.draw = spent;
        if !self.painted {
            self.painted = true;
            // For the benchmark: navigation to the first chart painted.
            if let Some(performance) = self.window.performance() {
                performance.mark(FIRST_CHART_MARK)?;
            }
        }
        self.update_highlight(false)
    }

    /// Goes on from the prerendered chart, which showed `mark`'s tooltip when the live chart
    /// took its place.
    pub fn take_over(&mut self, mark: usize) -> Result<(), JsValue> {
        let Some(scene) = &self.scene else { return Ok(()) };
        let outcome = self.interaction.take_over(scene, mark);
        self.apply(outcome)
    }

    /// Carries out what an event changed.
    pub fn apply(&mut self, outcome: Outcome) -> Result<(), JsValue> {
        match outcome.select {
            Some(selecting) => self.select(selecting),
            None if outcome.highlight || outcome.announce => self.update_highlight(outcome.announce),
            None => Ok(()),
        }
    }

    /// Selects what a mark is about (or nothing): the state, details panel and highlights follow.
    pub fn select(&mut self, selecting: Selecting) -> Result<(), JsValue> {
        let code = match selecting {
            Selecting::Clear => None,
            Selecting::Mark(m) => {
                let Some(mark) = self.scene.as_ref().and_then(|s| s.marks.get(m)) else { return Ok(()) };
                Some(Subject::of_scope(&self.data.observations[mark.observation].scope).code(&self.data))
            }
        };
        if code == self.settings.select {
            // Nothing related changes: only the highlight moves, the chart stays painted.
            return self.update_highlight(false);
        }
        let before = self.settings.clone();
        self.settings.select = code;
        self.record(&before)?;
        self.fill_details()?;
        self.fill_embed()?;
        self.mark_related();
        self.draw()
    }

    /// Moves the highlight and the tooltip to the active mark, without drawing the chart again;
    /// if `announce`, also says what that mark is in the live region.
    fn update_highlight(&mut self, announce: bool) -> Result<(), JsValue> {
        let active = self.interaction.active().filter(|_| self.transition.is_none());
        let highlight = active.and_then(|i| self.scene.as_ref()?.highlight(i, self.interaction.keyboard_focus()));
        self.painter.highlight(highlight.as_ref(), on_canvas(self.theme(), &self.text, self.drawn_for.1))?;
        self.update_tooltip(announce)
    }

    /// The tooltip and, if `announce`, the live region: both say what the active mark is, from
    /// one `Details`, since building it formats every figure it shows.
    fn update_tooltip(&self, announce: bool) -> Result<(), JsValue> {
        let tooltip = &self.parts.tooltip;
        let active = self.interaction.active().and_then(|i| Some((i, self.scene.as_ref()?.marks.get(i)?)));
        let shown = active.map(|(i, m)| (i, m, details(&self.data, m.observation, self.lang(), &self.locale)));
        if announce {
            let text = shown.as_ref().map(|(_, _, d)| panels::announcement(d)).unwrap_or_default();
            self.parts.live.set_text_content(Some(&text));
        }
        let summary = self.parts.summary.id();
        let Some((index, mark, described)) = shown else {
            tooltip.set_hidden(true);
            tooltip.remove_attribute("data-mark")?;
            return self.parts.canvas.set_attribute("aria-describedby", &summary);
        };
        panels::fill_tooltip(tooltip, &described, self.lang())?;
        tooltip.set_hidden(false);
        // Which mark, for the build that may take over from this one (`www/handover.js`).
        tooltip.set_attribute("data-mark", &index.to_string())?;
        self.parts.canvas.set_attribute("aria-describedby", &format!("{} {summary}", tooltip.id()))?;
        let size = (f64::from(tooltip.offset_width()), f64::from(tooltip.offset_height()));
        let bounds = (self.width, f64::from(self.parts.figure.client_height()));
        let (x, y) = place_tooltip(&mark.bar, size, bounds);
        set_px(tooltip, "left", x)?;
        set_px(tooltip, "top", y)
    }

    /// Removes the explorer from its element.
    pub fn empty(&self) {
        clear(&self.root);
    }
}

/// How the chart is drawn on the page's canvas: `scale` pixels to a CSS pixel, in the font its
/// text was measured in.
fn on_canvas(theme: Theme, text: &CanvasText, scale: f64) -> Target<'_> {
    Target { scale, theme, family: text.family(), surface: Surface::Canvas }
}

/// Settings' pairs as a query string, as the page's URL and the iframe embed carry them.
pub fn query(pairs: &[(&str, &str)]) -> Result<String, JsValue> {
    let params = web_sys::UrlSearchParams::new()?;
    for (key, value) in pairs {
        params.append(key, value);
    }
    Ok(params.to_string().into())
}

/// The settings the window's address names (of a name given twice, the first).
pub fn page_settings(window: &Window) -> Result<Settings, JsValue> {
    query_settings(&window.location().search()?)
}

/// The settings a URL query names, e.g. "view=plan&lang=en" (of a name given twice, the first).
pub fn query_settings(query: &str) -> Result<Settings, JsValue> {
    let params = web_sys::UrlSearchParams::new_with_str(query)?;
    Ok(Settings::from_pairs(Settings::KEYS.into_iter().filter_map(|key| Some((key, params.get(key)?)))))
}
