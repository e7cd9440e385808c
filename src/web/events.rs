//! Wiring the explorer to the page: every listener, observer and animation-frame callback is
//! kept here, so that `destroy` can release them (each holds the app, so they would otherwise
//! keep it alive for good).

use super::{query_pairs, tools, App, Shared};
use crate::chart::Sort;
use crate::interaction::{Key, Pointer, Selecting};
use crate::settings::Settings;
use std::rc::Rc;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{Event, EventTarget, KeyboardEvent, PointerEvent, ResizeObserver};

/// An event listener as added, so that it can be removed.
struct Listener {
    target: EventTarget,
    event: &'static str,
    closure: Closure<dyn FnMut(Event)>,
}

#[derive(Default)]
pub struct Wiring {
    listeners: Vec<Listener>,
    observer: Option<(ResizeObserver, Closure<dyn FnMut()>)>,
    frame: Option<Closure<dyn FnMut(f64)>>,
    /// Requests the next animation frame for a transition.
    pub next_frame: Option<js_sys::Function>,
}

impl Wiring {
    /// Removes every listener and observer.
    pub fn release(&mut self) {
        for listener in self.listeners.drain(..) {
            let callback = listener.closure.as_ref().unchecked_ref();
            super::dom::remove_event_listener(&listener.target, listener.event, callback);
        }
        if let Some((observer, _)) = self.observer.take() {
            observer.disconnect();
        }
        self.next_frame = None;
        self.frame = None;
    }
}

/// What an event does to the app.
type Handler = Box<dyn Fn(&mut App, Event) -> Result<(), JsValue>>;

/// Calls `handler` with the app on every `event` of `target`.
pub fn listen(app: &Shared, target: &EventTarget, event: &'static str, handler: impl Fn(&mut App, Event) -> Result<(), JsValue> + 'static) {
    add_listener(app, target, event, Box::new(handler));
}

/// `listen` behind a boxed handler: one copy of the wiring in the wasm, not one per handler.
fn add_listener(app: &Shared, target: &EventTarget, event: &'static str, handler: Handler) {
    let shared = Rc::clone(app);
    let closure = Closure::<dyn FnMut(Event)>::new(move |e: Event| {
        let Ok(mut app) = shared.try_borrow_mut() else { return };
        let result = handler(&mut app, e);
        app.report(result);
    });
    super::dom::add_event_listener(target, event, closure.as_ref().unchecked_ref());
    app.borrow_mut().wiring.listeners.push(Listener { target: target.clone(), event, closure });
}

pub fn wire(app: &Shared) {
    wire_controls(app);
    wire_chart(app);
    tools::wire_data(app);
    let (window, figure, in_element, table_box) = {
        let a = app.borrow();
        (a.window.clone(), a.parts.figure.clone(), a.in_element(), a.parts.table_box.clone())
    };
    listen(app, &table_box, "toggle", |app, _| {
        app.fill_table_if_open();
        Ok(())
    });
    if !in_element {
        listen(app, &window, "popstate", |app, _| {
            app.settings = Settings::from_pairs(query_pairs(&app.window));
            app.show(false)
        });
    }
    listen(app, &window, "resize", |app, _| app.fit());
    if let Some(query) = super::dom::match_media(&window, "(prefers-color-scheme: dark)") {
        listen(app, &query, "change", |app, _| app.show(false));
    }
    // The figure's width never depends on the canvas's height, so redrawing cannot loop.
    let observed = Rc::clone(app);
    let on_resize = Closure::<dyn FnMut()>::new(move || {
        let Ok(mut app) = observed.try_borrow_mut() else { return };
        let result = app.fit();
        app.report(result);
    });
    let observer = super::dom::resize_observer(on_resize.as_ref().unchecked_ref());
    observer.observe(&figure);
    let animated = Rc::clone(app);
    let on_frame = Closure::<dyn FnMut(f64)>::new(move |now: f64| {
        let Ok(mut app) = animated.try_borrow_mut() else { return };
        let result = app.frame(now);
        app.report(result);
    });
    let mut a = app.borrow_mut();
    a.wiring.next_frame = Some(on_frame.as_ref().unchecked_ref::<js_sys::Function>().clone());
    a.wiring.frame = Some(on_frame);
    a.wiring.observer = Some((observer, on_resize));
}

fn wire_controls(app: &Shared) {
    let (views, langs, themes, exports, measure, period, sort, labels, embed) = {
        let c = &app.borrow().parts.controls;
        (
            c.view_buttons.clone(),
            c.lang_buttons.clone(),
            c.theme_buttons.clone(),
            c.export_buttons.clone(),
            c.measure.select.clone(),
            c.period.select.clone(),
            c.sort.select.clone(),
            c.labels.clone(),
            c.embed_toggle.clone(),
        )
    };
    for (view, button) in views {
        listen(app, &button, "click", move |app, _| {
            app.change(true, |s| {
                s.view = view;
                s.measure = None;
                s.period = None;
            })
        });
    }
    for (lang, button) in langs {
        listen(app, &button, "click", move |app, _| app.change(false, |s| s.lang = lang));
    }
    for (theme, button) in themes {
        listen(app, &button, "click", move |app, _| app.change(false, |s| s.theme = theme));
    }
    for (export, button) in exports {
        listen(app, &button, "click", move |app, _| app.download(export));
    }
    listen(app, &measure, "change", |app, _| {
        let measure = app.parts.controls.measure.select.value();
        app.change(true, |s| {
            s.measure = Some(measure);
            s.period = None;
        })
    });
    listen(app, &period, "change", |app, _| {
        let period = app.parts.controls.period.select.value();
        app.change(true, |s| s.period = Some(period).filter(|p| !p.is_empty()))
    });
    listen(app, &sort, "change", |app, _| {
        let sort = Sort::parse(&app.parts.controls.sort.select.value()).unwrap_or_default();
        app.change(true, |s| s.sort = sort)
    });
    listen(app, &labels, "change", |app, _| {
        let on = app.parts.controls.labels.checked();
        app.change(false, |s| s.value_labels = on)
    });
    listen(app, &embed, "click", |app, _| {
        let open = app.parts.embed.hidden();
        app.parts.embed.set_hidden(!open);
        super::dom::set_state(&app.parts.controls.embed_toggle, "aria-expanded", open);
        Ok(())
    });
    let close = app.borrow().parts.details_close.clone();
    listen(app, &close, "click", |app, _| {
        app.select(Selecting::Clear)?;
        super::dom::focus(&app.parts.canvas);
        Ok(())
    })
}

fn wire_chart(app: &Shared) {
    let canvas = app.borrow().parts.canvas.clone();
    listen(app, &canvas, "pointermove", |app, e| pointer(app, e, false));
    listen(app, &canvas, "pointerup", |app, e| pointer(app, e, true));
    listen(app, &canvas, "pointerleave", |app, e| {
        if e.unchecked_ref::<PointerEvent>().pointer_type() == "touch" {
            return Ok(());
        }
        let outcome = app.interaction.pointer_leave();
        app.apply(outcome)
    });
    listen(app, &canvas, "focus", |app, _| {
        // Focus from a click or tap is not keyboard focus: the pointer keeps the lead.
        let by_keyboard = app.parts.canvas.matches(":focus-visible").unwrap_or(true);
        let Some(scene) = app.scene.as_ref().filter(|_| by_keyboard) else { return Ok(()) };
        let selected = app.related.as_ref().and_then(|r| r.iter().position(|&x| x));
        let outcome = app.interaction.focus(scene, selected);
        app.apply(outcome)
    });
    listen(app, &canvas, "blur", |app, _| {
        let outcome = app.interaction.blur();
        app.apply(outcome)
    });
    listen(app, &canvas, "keydown", |app, e| {
        let Some(key) = Key::parse(&e.unchecked_ref::<KeyboardEvent>().key()) else { return Ok(()) };
        let Some(scene) = &app.scene else { return Ok(()) };
        e.prevent_default();
        let outcome = app.interaction.key(scene, key);
        app.apply(outcome)
    })
}

/// Pointer and key listeners get their events typed without `instanceof` tests, for the reason
/// given at `dom::create`: the browser sends them as nothing else.
fn pointer(app: &mut App, event: Event, released: bool) -> Result<(), JsValue> {
    let event = event.unchecked_ref::<PointerEvent>();
    let Some(scene) = &app.scene else { return Ok(()) };
    let (x, y) = (f64::from(event.offset_x()), f64::from(event.offset_y()));
    // A pen hovers like a mouse; only a finger has no hover.
    let outcome = match (event.pointer_type() == "touch", released) {
        (true, true) => app.interaction.tap(scene, x, y),
        (false, true) => app.interaction.click(scene, x, y),
        (touch, false) => app.interaction.pointer_move(scene, if touch { Pointer::Touch } else { Pointer::Mouse }, x, y),
    };
    app.apply(outcome)
}

