//! "Copy the citation": the sentence of the pressed button goes to the clipboard; where the
//! browser refuses (no permission, no secure context) the sentence is selected for Ctrl+C.
//!
//! web-sys 0.3.107 offers `Clipboard` only under `--cfg=web_sys_unstable_apis`, so its one
//! method used here is bound with its types below; the rejection is caught like any other.

use super::dom::document_of;
use crate::lang::Lang;
use crate::ui_text::{ui, UiText};
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{Element, Window};

#[wasm_bindgen]
extern "C" {
    /// The page's `navigator`, seen for its `clipboard` (absent outside a secure context).
    type ClipboardNavigator;
    #[wasm_bindgen(method, getter)]
    fn clipboard(this: &ClipboardNavigator) -> Option<Clipboard>;
    type Clipboard;
    #[wasm_bindgen(method, catch, js_name = writeText)]
    fn write_text(this: &Clipboard, text: &str) -> Result<Written, JsValue>;
    /// `writeText`'s promise: it resolves with nothing, or rejects with the browser's reason.
    type Written;
    #[wasm_bindgen(method)]
    fn then(this: &Written, resolved: &js_sys::Function, rejected: &js_sys::Function);
}

/// Copies the citation of `button` (its `data-citation`) and says in its status element whether
/// that worked. The answer comes after the click returns; it touches only these elements, never
/// the app.
pub fn copy_citation(window: &Window, button: &Element, lang: Lang) -> Result<(), JsValue> {
    let Some(sentence) = button.get_attribute("data-citation") else { return Ok(()) };
    let block = button.parent_element().ok_or("the citation button has no parent")?;
    let navigator: ClipboardNavigator = window.navigator().unchecked_into();
    let Some(Ok(written)) = navigator.clipboard().map(|clipboard| clipboard.write_text(&sentence)) else {
        return refused(window, &block, lang);
    };
    let window = window.clone();
    // One answer for both outcomes, called once and then freed.
    let answer = Closure::once_into_js(move |reason: JsValue| {
        report(if reason.is_undefined() { tell(&block, UiText::Copied, lang) } else { refused(&window, &block, lang) })
    });
    let answer: &js_sys::Function = answer.unchecked_ref();
    written.then(answer, answer);
    Ok(())
}

/// Where the browser will not copy: the sentence is selected for Ctrl+C, and the reader told.
fn refused(window: &Window, block: &Element, lang: Lang) -> Result<(), JsValue> {
    select_text(window, block)?;
    tell(block, UiText::CopyFailed, lang)
}

/// An answer that failed is logged: the reader still has the sentence on the page.
fn report(outcome: Result<(), JsValue>) {
    if let Err(error) = outcome {
        web_sys::console::warn_1(&error);
    }
}

fn tell(block: &Element, said: UiText, lang: Lang) -> Result<(), JsValue> {
    let status = block.query_selector(".tx-cite-status")?.ok_or("no citation status")?;
    status.set_text_content(Some(ui(said, lang)));
    Ok(())
}

/// Selects the citation's text, so that the reader can copy it with the keyboard.
fn select_text(window: &Window, block: &Element) -> Result<(), JsValue> {
    let text = block.query_selector(".tx-cite-text")?.ok_or("no citation text")?;
    let range = document_of(block)?.create_range()?;
    range.select_node_contents(&text)?;
    let selection = window.get_selection()?.ok_or("no selection")?;
    selection.remove_all_ranges()?;
    selection.add_range(&range)
}

/// The citation button an event inside the details panel came from, if any.
pub fn citation_button(target: Option<web_sys::EventTarget>) -> Option<Element> {
    target?.dyn_into::<Element>().ok()?.closest(".tx-cite-copy").ok()?
}
