//! The core's two needs from the browser: numbers formatted by `Intl`, text measured on a canvas.

use crate::format::{plain_number, NumberFormat};
use crate::lang::Lang;
use crate::layout::{TextMeasure, TextRole};
use js_sys::{Array, Function, Object};
use std::cell::{Cell, RefCell};
use wasm_bindgen::JsValue;
use web_sys::CanvasRenderingContext2d;

/// How long the last parse and validation, query, layout and draw each took, in milliseconds;
/// `Explorer.timings()` gives them to the benchmark. Only the full build has it, and only the
/// full build takes the times.
#[derive(Clone, Copy, Debug, Default)]
#[cfg_attr(not(feature = "tools"), allow(dead_code))]
pub struct Timings {
    pub parse: f64,
    pub query: f64,
    pub layout: f64,
    pub draw: f64,
}

/// Runs `work`, writing how long it took into `spent` (in the full build).
pub fn timed<T>(window: &web_sys::Window, spent: &mut f64, work: impl FnOnce() -> T) -> T {
    if !cfg!(feature = "tools") {
        return work();
    }
    let clock = window.performance();
    let start = clock.as_ref().map_or(0.0, |c| c.now());
    let result = work();
    *spent = clock.map_or(0.0, |c| c.now() - start);
    result
}

/// `Intl.NumberFormat` for the page's language: "27 400" in Russian, "27,400" in English.
pub struct IntlNumbers {
    format: Function,
}

impl IntlNumbers {
    pub fn new(lang: Lang) -> IntlNumbers {
        let options = Object::new();
        super::dom::set_field(&options, "maximumFractionDigits", &1.into());
        let locales = Array::of1(&lang.code().into());
        let format = js_sys::Intl::NumberFormat::new(&locales, &options).format();
        IntlNumbers { format }
    }
}

impl NumberFormat for IntlNumbers {
    fn format(&self, value: f64) -> String {
        super::dom::call_with_number(&self.format, value).as_string().unwrap_or_else(|| plain_number(value))
    }
}

/// Widths remembered at most. A chart's texts are a few hundred, but wrapping long labels
/// measures a candidate line for each word: past this many, all are forgotten and measured again.
const MAX_WIDTHS: usize = 1024;

/// Measures text with a canvas's `measureText`, in the very font it will be drawn in, and
/// remembers each width: no layout of the page is ever forced.
pub struct CanvasText {
    context: CanvasRenderingContext2d,
    family: RefCell<String>,
    font: Cell<Option<TextRole>>,
    /// Sorted by role and text, searched by halving: the first-chart build then carries no hash
    /// table or tree. At most `MAX_WIDTHS` of them, so inserting stays a short copy.
    widths: RefCell<Vec<(TextRole, String, f64)>>,
}

impl CanvasText {
    pub fn new(document: &web_sys::Document) -> Result<CanvasText, JsValue> {
        let canvas: web_sys::HtmlCanvasElement = super::dom::create(document, "canvas");
        let context = super::dom::context_2d(&canvas).ok_or("no 2d canvas context")?;
        Ok(CanvasText { context, family: RefCell::default(), font: Cell::new(None), widths: RefCell::default() })
    }

    /// Measures in this font family from now on; widths measured in another are forgotten.
    pub fn set_family(&self, family: &str) {
        if *self.family.borrow() != family {
            *self.family.borrow_mut() = family.to_string();
            self.font.set(None);
            self.widths.borrow_mut().clear();
        }
    }
}

impl TextMeasure for CanvasText {
    fn width(&self, text: &str, role: TextRole) -> f64 {
        let found = self.widths.borrow().binary_search_by(|(r, t, _)| (*r, t.as_str()).cmp(&(role, text)));
        let slot = match found {
            Ok(known) => return self.widths.borrow()[known].2,
            Err(slot) => slot,
        };
        if self.font.get() != Some(role) {
            self.context.set_font(&role.css_font(&self.family.borrow()));
            self.font.set(Some(role));
        }
        let width = super::dom::measure_text(&self.context, text);
        let mut widths = self.widths.borrow_mut();
        let slot = match widths.len() < MAX_WIDTHS {
            true => slot,
            false => {
                widths.clear();
                0
            }
        };
        widths.insert(slot, (role, text.to_string(), width));
        width
    }
}
