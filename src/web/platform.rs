//! The core's needs from the browser: numbers formatted and names ordered by `Intl`, text measured
//! on a canvas.

use crate::format::{Locale, PlainLocale};
use crate::lang::Lang;
use crate::layout::{EstimatedText, TextMeasure, TextRole, FONT_FAMILY};
use serde::Serialize;
use std::cell::RefCell;
use std::cmp::Ordering;
use std::collections::HashMap;
use wasm_bindgen::{JsCast, JsValue};
use web_sys::{CanvasRenderingContext2d, Document, Window};

/// How long the last parse and validation, query, layout and draw each took, in milliseconds
/// (`Explorer.timings()`, read by the benchmark).
#[derive(Clone, Copy, Debug, Default, Serialize)]
pub struct Timings {
    pub parse: f64,
    pub query: f64,
    pub layout: f64,
    pub draw: f64,
}

/// Runs `work`, writing how long it took into `spent`.
pub fn timed<T>(window: &Window, spent: &mut f64, work: impl FnOnce() -> T) -> T {
    let clock = window.performance();
    let start = clock.as_ref().map_or(0.0, |c| c.now());
    let result = work();
    *spent = clock.map_or(0.0, |c| c.now() - start);
    result
}

/// `Intl.NumberFormat`'s options, as the browser reads them.
#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct NumberOptions {
    maximum_fraction_digits: u8,
}

/// `Intl.Collator`'s options: "Site 9" before "Site 10".
#[derive(Serialize)]
struct CollatorOptions {
    numeric: bool,
}

/// `Intl` for the page's language: numbers as "27 400" in Russian and "27,400" in English, and
/// names in that language's alphabetical order (ё with е in Russian).
pub struct IntlLocale {
    format: js_sys::Function,
    compare: js_sys::Function,
    lang: Lang,
}

impl IntlLocale {
    pub fn new(lang: Lang) -> Result<IntlLocale, JsValue> {
        let locales = js_sys::Array::of1(&lang.code().into());
        let numbers = serde_wasm_bindgen::to_value(&NumberOptions { maximum_fraction_digits: 1 })?;
        let format = js_sys::Intl::NumberFormat::new(&locales, numbers.unchecked_ref()).format();
        let names = serde_wasm_bindgen::to_value(&CollatorOptions { numeric: true })?;
        let compare = js_sys::Intl::Collator::new(&locales, names.unchecked_ref()).compare();
        Ok(IntlLocale { format, compare, lang })
    }
}

impl Locale for IntlLocale {
    fn format(&self, value: f64) -> String {
        // `format` throws for nothing a number can be; the same grouping stands in if it did.
        let formatted = self.format.call1(&JsValue::NULL, &value.into()).ok().and_then(|text| text.as_string());
        formatted.unwrap_or_else(|| PlainLocale(self.lang).format(value))
    }

    fn compare(&self, a: &str, b: &str) -> Ordering {
        // `compare` throws for nothing two strings can be; code point order stands in if it did.
        let order = self.compare.call2(&JsValue::NULL, &a.into(), &b.into()).ok().and_then(|n| n.as_f64());
        order.map_or_else(|| a.cmp(b), |n| n.partial_cmp(&0.0).unwrap_or(Ordering::Equal))
    }
}

/// Widths remembered at most. A chart's texts are a few hundred, but wrapping long labels
/// measures a candidate line for each word: past this many, all are forgotten and measured again.
const MAX_WIDTHS: usize = 4096;

/// Measures text with a canvas's `measureText`, in the very font it will be drawn in, once per
/// text and role: no layout of the page is ever forced.
pub struct CanvasText {
    context: CanvasRenderingContext2d,
    family: String,
    widths: RefCell<HashMap<TextRole, HashMap<String, f64>>>,
    /// The role whose font the context has.
    font: RefCell<Option<TextRole>>,
}

impl CanvasText {
    pub fn new(document: &Document, family: &str) -> Result<CanvasText, JsValue> {
        let canvas: web_sys::HtmlCanvasElement = super::dom::create(document, "canvas")?;
        let context = canvas.get_context("2d")?.ok_or("the browser gave no 2d canvas context")?.unchecked_into();
        Ok(CanvasText { context, family: family.to_string(), widths: RefCell::default(), font: RefCell::new(None) })
    }

    /// Measures in this font family from now on; widths measured in another are forgotten.
    pub fn set_family(&mut self, family: &str) {
        if self.family != family {
            self.family = family.to_string();
            self.widths.get_mut().clear();
            *self.font.get_mut() = None;
        }
    }

    pub fn family(&self) -> &str {
        &self.family
    }

    fn measure(&self, text: &str, role: TextRole) -> Option<f64> {
        if *self.font.borrow() != Some(role) {
            self.context.set_font(&role.css_font(&self.family));
            *self.font.borrow_mut() = Some(role);
        }
        self.context.measure_text(text).ok().map(|metrics| metrics.width())
    }
}

impl TextMeasure for CanvasText {
    /// In our own fonts, the estimate: it is what the prerendered first chart was laid out with,
    /// so the live chart takes its place without a bar or a label moving, and every engine and
    /// platform lays it out alike. A host's font (`--tx-font`) is measured: its widths are unknown.
    fn width(&self, text: &str, role: TextRole) -> f64 {
        if self.family == FONT_FAMILY {
            return EstimatedText.width(text, role);
        }
        if let Some(&width) = self.widths.borrow().get(&role).and_then(|known| known.get(text)) {
            return width;
        }
        // `measureText` throws for nothing a string can be; the estimate stands in if it did.
        let width = self.measure(text, role).unwrap_or_else(|| EstimatedText.width(text, role));
        let mut widths = self.widths.borrow_mut();
        let known = widths.entry(role).or_default();
        if known.len() >= MAX_WIDTHS {
            known.clear();
        }
        known.insert(text.to_string(), width);
        width
    }
}
