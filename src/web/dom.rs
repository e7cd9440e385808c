//! Small builders for DOM elements, and the DOM and canvas calls the explorer makes without
//! wasm-bindgen's exception check (see `NoThrow`). Text always goes in as text, never as HTML.

use wasm_bindgen::{JsCast, JsValue};
use web_sys::{Document, Element, EventTarget, HtmlElement};

/// A new element of `tag` as the type it is (`HtmlCanvasElement` for "canvas"). `createElement`
/// in an HTML document always makes that type, so it is not checked at run time: each type
/// checked would add an `instanceof` test to the JavaScript glue.
pub fn create<T: JsCast>(document: &Document, tag: &str) -> T {
    document.unchecked_ref::<NoThrow>().create_element(tag).unchecked_into()
}

// These calls, as the explorer makes them (its own tag, attribute, class, event, property and mark
// names, its own new elements and objects, function callbacks, text, its window's own address),
// cannot throw: imported without web-sys's check for an exception, so that building, wiring,
// placing and measuring the explorer's elements has no error paths (each dropping everything
// built so far).
#[wasm_bindgen::prelude::wasm_bindgen]
extern "C" {
    /// Any DOM or JavaScript object, called through these imports.
    type NoThrow;
    #[wasm_bindgen(method, js_name = createElement)]
    fn create_element(this: &NoThrow, tag: &str) -> Element;
    #[wasm_bindgen(method, js_name = appendChild)]
    fn append_child(this: &NoThrow, child: &Element);
    #[wasm_bindgen(method, getter, js_name = ownerDocument)]
    fn owner_document(this: &NoThrow) -> Document;
    #[wasm_bindgen(method, js_name = setAttribute)]
    fn set_attribute(this: &NoThrow, name: &str, value: &str);
    #[wasm_bindgen(method, js_name = addEventListener)]
    fn add_event_listener(this: &NoThrow, event: &str, listener: &js_sys::Function);
    #[wasm_bindgen(method, js_name = setProperty)]
    fn set_property(this: &NoThrow, property: &str, value: &str);
    #[wasm_bindgen(js_namespace = Reflect, js_name = set)]
    fn reflect_set(target: &js_sys::Object, key: &str, value: &JsValue) -> bool;
    #[wasm_bindgen(method, js_name = append)]
    fn append_str(this: &NoThrow, text: &str);
    #[wasm_bindgen(method, js_name = add)]
    fn add_class(this: &NoThrow, class: &str);
    #[wasm_bindgen(method, js_name = requestAnimationFrame)]
    fn request_animation_frame(this: &NoThrow, callback: &js_sys::Function);
    #[wasm_bindgen(method)]
    fn mark(this: &NoThrow, name: &str);
    #[wasm_bindgen(method, js_name = measureText)]
    fn measure_text(this: &NoThrow, text: &str) -> web_sys::TextMetrics;
    #[wasm_bindgen(method, js_name = fillText)]
    fn fill_text(this: &NoThrow, text: &str, x: f64, y: f64);
    #[wasm_bindgen(method)]
    fn arc(this: &NoThrow, x: f64, y: f64, radius: f64, start: f64, end: f64);
    #[wasm_bindgen(method, js_name = removeEventListener)]
    fn remove_event_listener(this: &NoThrow, event: &str, listener: &js_sys::Function);
    #[wasm_bindgen(method, js_name = call)]
    fn call_with_number(this: &NoThrow, this_arg: &JsValue, value: f64) -> JsValue;
    #[wasm_bindgen(method, js_name = getContext)]
    fn get_context(this: &NoThrow, kind: &str) -> Option<web_sys::CanvasRenderingContext2d>;
    #[wasm_bindgen(method)]
    fn focus(this: &NoThrow);
    #[wasm_bindgen(method, js_name = matchMedia)]
    fn match_media(this: &NoThrow, query: &str) -> Option<web_sys::MediaQueryList>;
    #[wasm_bindgen(method, js_name = getComputedStyle)]
    fn computed_style(this: &NoThrow, element: &Element) -> NoThrow;
    #[wasm_bindgen(method, js_name = getPropertyValue)]
    fn property_value(this: &NoThrow, property: &str) -> String;
    #[wasm_bindgen(method, getter)]
    fn search(this: &NoThrow) -> String;
    #[wasm_bindgen(method, getter)]
    fn href(this: &NoThrow) -> String;
    #[wasm_bindgen(method, getter)]
    fn pathname(this: &NoThrow) -> String;
    #[wasm_bindgen(method, getter)]
    fn history(this: &NoThrow) -> web_sys::History;
    #[wasm_bindgen(js_name = URLSearchParams)]
    type NewSearchParams;
    #[wasm_bindgen(constructor, js_class = URLSearchParams)]
    fn new(query: &str) -> NewSearchParams;
    #[wasm_bindgen(js_name = URL)]
    type NewUrl;
    #[wasm_bindgen(constructor, js_class = URL)]
    fn new(url: &str, base: &str) -> NewUrl;
    #[wasm_bindgen(js_name = ResizeObserver)]
    type NewResizeObserver;
    #[wasm_bindgen(constructor, js_class = ResizeObserver)]
    fn new(callback: &js_sys::Function) -> NewResizeObserver;
    #[wasm_bindgen(js_name = Option)]
    type NewOption;
    #[wasm_bindgen(constructor, js_class = Option)]
    fn new(text: &str, value: &str) -> NewOption;
    #[wasm_bindgen(js_name = CustomEvent)]
    type Announcement;
    #[wasm_bindgen(constructor, js_class = CustomEvent)]
    fn new(name: &str, init: &web_sys::CustomEventInit) -> Announcement;
    #[wasm_bindgen(method, js_name = dispatchEvent)]
    fn dispatch_event(this: &NoThrow, event: &Announcement);
}

/// A canvas's 2D context (`None` if the canvas already has a context of another kind).
pub fn context_2d(canvas: &web_sys::HtmlCanvasElement) -> Option<web_sys::CanvasRenderingContext2d> {
    canvas.unchecked_ref::<NoThrow>().get_context("2d")
}

pub fn focus(element: &HtmlElement) {
    element.unchecked_ref::<NoThrow>().focus();
}

/// The list that says whether the page matches a media query, live.
pub fn match_media(window: &web_sys::Window, query: &str) -> Option<web_sys::MediaQueryList> {
    window.unchecked_ref::<NoThrow>().match_media(query)
}

/// The query string of the window's own address, from its `?`.
pub fn search(window: &web_sys::Window) -> String {
    window.location().unchecked_ref::<NoThrow>().search()
}

/// The window's own address.
pub fn address(window: &web_sys::Window) -> String {
    window.location().unchecked_ref::<NoThrow>().href()
}

/// The folder of the window's own address, where the explorer's files are.
pub fn folder(window: &web_sys::Window) -> String {
    NewUrl::new("./", &address(window)).unchecked_into::<web_sys::Url>().href()
}

/// The path of the window's own address.
pub fn path(window: &web_sys::Window) -> String {
    window.location().unchecked_ref::<NoThrow>().pathname()
}

/// The window's session history.
pub fn history(window: &web_sys::Window) -> web_sys::History {
    window.unchecked_ref::<NoThrow>().history()
}

/// The parameters of a query string (empty for none).
pub fn search_params(query: &str) -> web_sys::UrlSearchParams {
    NewSearchParams::new(query).unchecked_into()
}

/// An observer that calls `callback` when an element it observes changes size.
pub fn resize_observer(callback: &js_sys::Function) -> web_sys::ResizeObserver {
    NewResizeObserver::new(callback).unchecked_into()
}

/// A new `<option>` with its text and value.
pub fn option(text: &str, value: &str) -> web_sys::HtmlOptionElement {
    NewOption::new(text, value).unchecked_into()
}

/// Stops calling `listener` on `event` of `target`.
pub fn remove_event_listener(target: &EventTarget, event: &str, listener: &js_sys::Function) {
    target.unchecked_ref::<NoThrow>().remove_event_listener(event, listener);
}

/// What a function gives for a number (as `Intl.NumberFormat`'s `format` does).
pub fn call_with_number(function: &js_sys::Function, value: f64) -> JsValue {
    function.unchecked_ref::<NoThrow>().call_with_number(&JsValue::NULL, value)
}

/// Appends text after an element's children.
pub fn append_str(element: &Element, text: &str) {
    element.unchecked_ref::<NoThrow>().append_str(text);
}

pub fn add_class(element: &Element, class: &str) {
    element.class_list().unchecked_ref::<NoThrow>().add_class(class);
}

/// Calls `callback` before the next repaint.
pub fn request_animation_frame(window: &web_sys::Window, callback: &js_sys::Function) {
    window.unchecked_ref::<NoThrow>().request_animation_frame(callback);
}

/// A User Timing mark.
pub fn mark(performance: &web_sys::Performance, name: &str) {
    performance.unchecked_ref::<NoThrow>().mark(name);
}

/// The width of `text` in the context's current font.
pub fn measure_text(context: &web_sys::CanvasRenderingContext2d, text: &str) -> f64 {
    context.unchecked_ref::<NoThrow>().measure_text(text).width()
}

/// Draws `text` at a point, in the context's current font and fill.
pub fn fill_text(context: &web_sys::CanvasRenderingContext2d, text: &str, x: f64, y: f64) {
    context.unchecked_ref::<NoThrow>().fill_text(text, x, y);
}

/// Adds a whole circle to the context's path; it throws only for a negative radius.
pub fn arc(context: &web_sys::CanvasRenderingContext2d, x: f64, y: f64, radius: f64) {
    context.unchecked_ref::<NoThrow>().arc(x, y, radius, 0.0, std::f64::consts::TAU);
}

/// Sets a field of an object the explorer made (see `NoThrow`).
pub fn set_field(object: &js_sys::Object, key: &str, value: &JsValue) {
    reflect_set(object, key, value);
}

pub fn element(document: &Document, tag: &str, class: &str) -> HtmlElement {
    let element: HtmlElement = create(document, tag);
    if !class.is_empty() {
        set_attribute(&element, "class", class);
    }
    element
}

pub fn text_element(document: &Document, tag: &str, class: &str, text: &str) -> HtmlElement {
    let element = element(document, tag, class);
    element.set_text_content(Some(text));
    element
}

/// Sets an attribute the explorer names (see `NoThrow`).
pub fn set_attribute(element: &Element, name: &str, value: &str) {
    element.unchecked_ref::<NoThrow>().set_attribute(name, value);
}

/// Sets a true-or-false ARIA state ("aria-pressed" and the like).
pub fn set_state(element: &Element, name: &str, on: bool) {
    set_attribute(element, name, if on { "true" } else { "false" });
}

/// Calls `listener` on every `event` of `target` (see `NoThrow`).
pub fn add_event_listener(target: &EventTarget, event: &str, listener: &js_sys::Function) {
    target.unchecked_ref::<NoThrow>().add_event_listener(event, listener);
}

pub fn clear(element: &Element) {
    element.set_text_content(None);
}

pub fn append(parent: &Element, children: &[&Element]) {
    for child in children {
        parent.unchecked_ref::<NoThrow>().append_child(child);
    }
}

/// The document an element belongs to: only a document itself has none.
pub fn document_of(element: &Element) -> Document {
    element.unchecked_ref::<NoThrow>().owner_document()
}

/// Creates a text element and appends it to `parent`.
pub fn append_text(parent: &Element, tag: &str, class: &str, text: &str) -> HtmlElement {
    let child = text_element(&document_of(parent), tag, class, text);
    append(parent, &[&child]);
    child
}

/// The value of a property (a custom one too) in an element's computed style.
pub fn computed(window: &web_sys::Window, element: &Element, property: &str) -> String {
    window.unchecked_ref::<NoThrow>().computed_style(element).property_value(property)
}

/// Sets a length in CSS pixels in an element's style (see `NoThrow`).
pub fn set_px(element: &HtmlElement, property: &str, value: f64) {
    let mut length = crate::format::plain_number(value);
    length.push_str("px");
    element.style().unchecked_ref::<NoThrow>().set_property(property, &length);
}

/// Shows an absolutely positioned element over a rectangle of the chart (CSS pixels).
pub fn place(element: &HtmlElement, rect: &crate::layout::Rect) {
    for (property, value) in [("left", rect.x), ("top", rect.y), ("width", rect.w), ("height", rect.h)] {
        set_px(element, property, value);
    }
    element.set_hidden(false);
}

/// Tells the page something with an event that bubbles out of a shadow root too.
pub fn dispatch(target: &Element, name: &str, detail: &JsValue) {
    let init = web_sys::CustomEventInit::new();
    init.set_detail(detail);
    init.set_bubbles(true);
    init.set_composed(true);
    target.unchecked_ref::<NoThrow>().dispatch_event(&Announcement::new(name, &init));
}
