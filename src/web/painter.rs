//! The chart on screen. plotters-canvas draws the chart onto a layer canvas kept off the page,
//! which is copied onto the page's canvas; the active mark's highlight is drawn over the copy.
//! Moving the highlight copies back only the part of the layer it covered: the chart itself is
//! drawn again only when it changes.

use super::dom;
use crate::layout::{Highlight, Rect, Scene};
use crate::render::{self, Related, Target};
use plotters_canvas::CanvasBackend;
use wasm_bindgen::{JsCast, JsValue};
use web_sys::{CanvasRenderingContext2d, Document, HtmlCanvasElement};

pub struct Painter {
    /// The canvas on the page.
    canvas: HtmlCanvasElement,
    context: CanvasRenderingContext2d,
    /// The chart as last drawn, without the highlight.
    layer: HtmlCanvasElement,
    /// Backend pixels to a CSS pixel.
    scale: f64,
    /// Where the highlight is drawn now (CSS pixels), to be wiped off before it moves.
    lit: Option<Rect>,
}

/// A plotters-canvas backend on a canvas.
fn backend(canvas: &HtmlCanvasElement) -> Result<CanvasBackend, JsValue> {
    CanvasBackend::with_canvas_object(canvas.clone()).ok_or_else(|| JsValue::from("the browser gave no 2d canvas context"))
}

fn drawing_error(error: impl std::fmt::Display) -> JsValue {
    JsValue::from(format!("the chart could not be drawn: {error}"))
}

/// Sizes a canvas's backing store for a scene of `width` × `height` CSS pixels at `scale`
/// (setting it clears the canvas, so it is set only when it changes).
pub fn size_for(canvas: &HtmlCanvasElement, width: f64, height: f64, scale: f64) {
    let (w, h) = ((width * scale).round() as u32, (height * scale).round() as u32);
    if canvas.width() != w || canvas.height() != h {
        canvas.set_width(w);
        canvas.set_height(h);
    }
}

/// Draws a scene on a canvas sized for it: an export's, or the layer.
pub fn draw_on(canvas: &HtmlCanvasElement, scene: &Scene, target: Target, related: Related) -> Result<(), JsValue> {
    size_for(canvas, scene.width, scene.height, target.scale);
    render::draw(backend(canvas)?, scene, target, related).map_err(drawing_error)
}

impl Painter {
    pub fn new(document: &Document, canvas: HtmlCanvasElement) -> Result<Painter, JsValue> {
        let context = canvas.get_context("2d")?.ok_or("the browser gave no 2d canvas context")?.unchecked_into();
        Ok(Painter { canvas, context, layer: dom::create(document, "canvas")?, scale: 1.0, lit: None })
    }

    /// Draws the chart (a selection dims what is not about it) and shows it with no highlight.
    pub fn paint(&mut self, scene: &Scene, target: Target, related: Related) -> Result<(), JsValue> {
        dom::set_px(&self.canvas, "width", scene.width)?;
        dom::set_px(&self.canvas, "height", scene.height)?;
        size_for(&self.canvas, scene.width, scene.height, target.scale);
        draw_on(&self.layer, scene, target, related)?;
        self.scale = target.scale;
        self.lit = None;
        self.context.draw_image_with_html_canvas_element(&self.layer, 0.0, 0.0)
    }

    /// Moves the highlight to `highlight` (or takes it away), leaving the chart as drawn.
    pub fn highlight(&mut self, highlight: Option<&Highlight>, target: Target) -> Result<(), JsValue> {
        if let Some(lit) = self.lit.take() {
            self.restore(&lit)?;
        }
        let Some(highlight) = highlight else { return Ok(()) };
        render::draw_highlight(backend(&self.canvas)?, highlight, target).map_err(drawing_error)?;
        self.lit = Some(highlight.band.union(&highlight.ring));
        Ok(())
    }

    /// Copies the chart back over a part of the page's canvas: the whole backend pixels it
    /// touches, and one more each way for the edges' anti-aliasing.
    fn restore(&self, rect: &Rect) -> Result<(), JsValue> {
        let (width, height) = (f64::from(self.layer.width()), f64::from(self.layer.height()));
        let x = ((rect.x * self.scale).floor() - 1.0).clamp(0.0, width);
        let y = ((rect.y * self.scale).floor() - 1.0).clamp(0.0, height);
        let w = ((rect.right() * self.scale).ceil() + 1.0).clamp(0.0, width) - x;
        let h = ((rect.bottom() * self.scale).ceil() + 1.0).clamp(0.0, height) - y;
        if w <= 0.0 || h <= 0.0 {
            return Ok(());
        }
        self.context.draw_image_with_html_canvas_element_and_sw_and_sh_and_dx_and_dy_and_dw_and_dh(&self.layer, x, y, w, h, x, y, w, h)
    }
}
