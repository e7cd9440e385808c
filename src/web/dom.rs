//! Small builders for DOM elements over web-sys's typed calls; every call that can throw gives a
//! `Result`. Text always goes in as text, never as HTML.

use wasm_bindgen::{JsCast, JsValue};
use web_sys::{Document, Element, HtmlElement, Window};

/// A new element of `tag` as the type it is (`HtmlCanvasElement` for "canvas"), which is what
/// `createElement` makes in an HTML document. Not checked with `instanceof`: that fails for an
/// element of another window's document, which a host may give (an iframe's).
pub fn create<T: JsCast>(document: &Document, tag: &str) -> Result<T, JsValue> {
    Ok(document.create_element(tag)?.unchecked_into())
}

/// The id of one of an explorer's parts: the explorer's own id and the part's name.
pub fn part_id(id: &str, part: &str) -> String {
    format!("{id}-{part}")
}

pub fn element(document: &Document, tag: &str, class: &str) -> Result<HtmlElement, JsValue> {
    let element: HtmlElement = create(document, tag)?;
    if !class.is_empty() {
        element.set_class_name(class);
    }
    Ok(element)
}

pub fn text_element(document: &Document, tag: &str, class: &str, text: &str) -> Result<HtmlElement, JsValue> {
    let element = element(document, tag, class)?;
    element.set_text_content(Some(text));
    Ok(element)
}

pub fn append(parent: &Element, children: &[&Element]) -> Result<(), JsValue> {
    for child in children {
        parent.append_child(child)?;
    }
    Ok(())
}

/// Creates a text element and appends it to `parent`.
pub fn append_text(parent: &Element, tag: &str, class: &str, text: &str) -> Result<HtmlElement, JsValue> {
    let child = text_element(&document_of(parent)?, tag, class, text)?;
    append(parent, &[&child])?;
    Ok(child)
}

pub fn clear(element: &Element) {
    element.set_text_content(None);
}

/// Sets a true-or-false ARIA state ("aria-pressed" and the like).
pub fn set_state(element: &Element, name: &str, on: bool) -> Result<(), JsValue> {
    element.set_attribute(name, if on { "true" } else { "false" })
}

/// Sets a length in CSS pixels in an element's style.
pub fn set_px(element: &HtmlElement, property: &str, value: f64) -> Result<(), JsValue> {
    element.style().set_property(property, &format!("{value}px"))
}

/// The document an element belongs to: only a document itself has none.
pub fn document_of(element: &Element) -> Result<Document, JsValue> {
    element.owner_document().ok_or_else(|| JsValue::from("the element is in no document"))
}

/// The window of the document an element is in.
pub fn window_of(element: &Element) -> Result<Window, JsValue> {
    document_of(element)?.default_view().ok_or_else(|| JsValue::from("the element's document has no window"))
}

/// The value of a property (a custom one too) in an element's computed style.
pub fn computed(window: &Window, element: &Element, property: &str) -> Result<String, JsValue> {
    let style = window.get_computed_style(element)?.ok_or_else(|| JsValue::from("no computed style"))?;
    style.get_property_value(property)
}

/// The folder of the window's own address, where the explorer's files are.
pub fn folder(window: &Window) -> Result<String, JsValue> {
    Ok(web_sys::Url::new_with_base("./", &window.location().href()?)?.href())
}

/// What a thrown value says: an error's (a DOMException's too) message, or a string; of anything
/// else its type.
pub fn message_of(value: &JsValue) -> String {
    let message = value.dyn_ref::<js_sys::Error>().map(|e| String::from(e.message())).or_else(|| value.as_string());
    message.unwrap_or_else(|| value.js_typeof().as_string().unwrap_or_default())
}
