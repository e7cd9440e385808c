//! Wiring the explorer to the page: what each control, the chart, the page's history and size
//! and the animation frames do. Each runs its work through `act`, so what it announces reaches
//! the page only after the app is no longer borrowed; `App::listeners` keeps them for `destroy`.

use super::app::{act_and_report, page_settings, App, Mode, Shared};
use super::clipboard::{citation_button, copy_citation};
use crate::chart::Sort;
use crate::interaction::{Key, Pointer, Selecting};
use std::rc::Rc;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{Event, EventTarget, KeyboardEvent, PointerEvent};

/// Calls `handler` with the app on every `event` of `target`, through `act`.
pub fn listen(app: &Shared, target: &EventTarget, event: &'static str, handler: impl Fn(&mut App, Event) -> Result<(), JsValue> + 'static) -> Result<(), JsValue> {
    let shared = Rc::clone(app);
    let closure = Closure::<dyn Fn(Event)>::new(move |e: Event| act_and_report(&shared, |app| handler(app, e)));
    app.borrow_mut().listeners.add(target, event, closure)
}

/// Wires the controls, the chart, the page's history and size, and the animation frames.
pub fn wire(app: &Shared) -> Result<(), JsValue> {
    wire_controls(app)?;
    wire_chart(app)?;
    let (window, figure, mode, table_box) = {
        let a = app.borrow();
        (a.window.clone(), a.parts.figure.clone(), a.mode, a.parts.table_box.clone())
    };
    listen(app, &table_box, "toggle", |app, _| app.fill_table_if_open())?;
    if mode == Mode::Page {
        listen(app, &window, "popstate", |app, _| {
            app.settings = page_settings(&app.window)?;
            app.show(false)
        })?;
    }
    listen(app, &window, "resize", |app, _| app.fit())?;
    if let Some(query) = window.match_media("(prefers-color-scheme: dark)")? {
        listen(app, &query, "change", |app, _| app.show(false))?;
    }
    // The figure's width never depends on the canvas's height, so redrawing cannot loop.
    let observed = Rc::clone(app);
    let on_resize = Closure::<dyn Fn()>::new(move || act_and_report(&observed, App::resized));
    app.borrow_mut().listeners.observe(&figure, on_resize)?;
    let animated = Rc::clone(app);
    let on_frame = Closure::<dyn Fn(f64)>::new(move |now: f64| act_and_report(&animated, |app| app.frame(now)));
    app.borrow_mut().listeners.keep_frame(on_frame);
    Ok(())
}

fn wire_controls(app: &Shared) -> Result<(), JsValue> {
    let (views, langs, themes, measure, period, sort, labels, embed, close, details_list) = {
        let a = app.borrow();
        let c = &a.parts.controls;
        (
            c.view_buttons.clone(),
            c.lang_buttons.clone(),
            c.theme_buttons.clone(),
            c.measure.select.clone(),
            c.period.select.clone(),
            c.sort.select.clone(),
            c.labels.clone(),
            c.embed_toggle.clone(),
            a.parts.details_close.clone(),
            a.parts.details_list.clone(),
        )
    };
    for (view, button) in views {
        listen(app, &button, "click", move |app, _| {
            app.change(true, |s| {
                s.view = view;
                s.measure = None;
                s.period = None;
            })
        })?;
    }
    for (lang, button) in langs {
        listen(app, &button, "click", move |app, _| app.change(false, |s| s.lang = lang))?;
    }
    for (theme, button) in themes {
        listen(app, &button, "click", move |app, _| app.change(false, |s| s.theme = theme))?;
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
    listen(app, &embed, "click", |app, _| {
        let open = app.parts.embed.hidden();
        app.parts.embed.set_hidden(!open);
        super::dom::set_state(&app.parts.controls.embed_toggle, "aria-expanded", open)
    })?;
    listen(app, &details_list, "click", |app, e| match citation_button(e.target()) {
        Some(button) => copy_citation(&app.window, &button, app.lang()),
        None => Ok(()),
    })?;
    listen(app, &close, "click", |app, _| {
        app.select(Selecting::Clear)?;
        app.focus_later(app.parts.canvas.clone().into());
        Ok(())
    })
}

fn wire_chart(app: &Shared) -> Result<(), JsValue> {
    let canvas = app.borrow().parts.canvas.clone();
    listen(app, &canvas, "pointermove", |app, e| pointer(app, e, false))?;
    listen(app, &canvas, "pointerup", |app, e| pointer(app, e, true))?;
    listen(app, &canvas, "pointerleave", |app, e| {
        if e.unchecked_ref::<PointerEvent>().pointer_type() == "touch" {
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
        let Some(key) = Key::parse(&e.unchecked_ref::<KeyboardEvent>().key()) else { return Ok(()) };
        let Some(scene) = &app.scene else { return Ok(()) };
        e.prevent_default();
        let outcome = app.interaction.key(scene, key);
        app.apply(outcome)
    })
}

/// The browser sends pointer listeners nothing but pointer events (typed without `instanceof`,
/// which fails for an event from another window's document).
fn pointer(app: &mut App, event: Event, released: bool) -> Result<(), JsValue> {
    let event = event.unchecked_ref::<PointerEvent>();
    let Some(scene) = &app.scene else { return Ok(()) };
    // From the event's place in the window, not its offsetX/Y, which WebKit gives wrong for an
    // event dispatched by a script (a host's, an assistive tool's) on a scrolled page.
    let canvas = app.parts.canvas.get_bounding_client_rect();
    let (x, y) = (f64::from(event.client_x()) - canvas.left(), f64::from(event.client_y()) - canvas.top());
    // A pen hovers like a mouse; only a finger has no hover.
    let outcome = match (event.pointer_type() == "touch", released) {
        (true, true) => app.interaction.tap(scene, x, y),
        (false, true) => app.interaction.click(scene, x, y),
        (touch, false) => app.interaction.pointer_move(scene, if touch { Pointer::Touch } else { Pointer::Mouse }, x, y),
    };
    app.apply(outcome)
}
