//! What an explorer has hung on the page (event listeners, the resize observer, the animation
//! frame callback), kept so that `destroy` can take it all down. Each callback holds the app, so
//! the app lives as long as they do: until `release`.

use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{Event, EventTarget, ResizeObserver, Window};

/// An event listener as added, so that it can be removed.
struct Listener {
    target: EventTarget,
    event: &'static str,
    closure: Closure<dyn Fn(Event)>,
}

#[derive(Default)]
pub struct Listeners {
    listeners: Vec<Listener>,
    observer: Option<(ResizeObserver, Closure<dyn Fn()>)>,
    frame: Option<Closure<dyn Fn(f64)>>,
    /// The frame asked for and not yet run: one chain of frames however often one is asked for,
    /// and cancelled on release, since a callback let go of while the browser still means to
    /// call it fails with "closure invoked … after being dropped".
    asked: Option<(Window, i32)>,
}

impl Listeners {
    /// Calls `closure` on every `event` of `target`.
    pub fn add(&mut self, target: &EventTarget, event: &'static str, closure: Closure<dyn Fn(Event)>) -> Result<(), JsValue> {
        target.add_event_listener_with_callback(event, closure.as_ref().unchecked_ref())?;
        self.listeners.push(Listener { target: target.clone(), event, closure });
        Ok(())
    }

    /// Calls `closure` whenever `target` changes size.
    pub fn observe(&mut self, target: &web_sys::Element, closure: Closure<dyn Fn()>) -> Result<(), JsValue> {
        let observer = ResizeObserver::new(closure.as_ref().unchecked_ref())?;
        observer.observe(target);
        self.observer = Some((observer, closure));
        Ok(())
    }

    /// Keeps the animation frame callback.
    pub fn keep_frame(&mut self, closure: Closure<dyn Fn(f64)>) {
        self.frame = Some(closure);
    }

    /// Asks `window` to call the animation frame callback in its next frame, unless a frame is
    /// asked for already; false when there is no callback yet.
    pub fn ask_for_frame(&mut self, window: &Window) -> Result<bool, JsValue> {
        let Some(frame) = &self.frame else { return Ok(false) };
        if self.asked.is_none() {
            let id = window.request_animation_frame(frame.as_ref().unchecked_ref())?;
            self.asked = Some((window.clone(), id));
        }
        Ok(true)
    }

    /// The frame asked for has come: the next ask asks again.
    pub fn frame_came(&mut self) {
        self.asked = None;
    }

    /// Removes every listener and observer, and lets go of their callbacks.
    pub fn release(&mut self) {
        for listener in self.listeners.drain(..) {
            // Removing a listener never throws; one that is not there is a no-op.
            let _ = listener.target.remove_event_listener_with_callback(listener.event, listener.closure.as_ref().unchecked_ref());
        }
        if let Some((observer, _)) = self.observer.take() {
            observer.disconnect();
        }
        if let Some((window, id)) = self.asked.take() {
            // Cancelling a frame never throws.
            let _ = window.cancel_animation_frame(id);
        }
        self.frame = None;
    }
}
