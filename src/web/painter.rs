//! The chart on screen. plotters-canvas draws the chart on the page's canvas; the active mark's
//! highlight is drawn over it and taken off again by copying back the chart's pixels it covered,
//! from a copy of the chart made at the first highlight after each drawing. The chart itself is
//! drawn again only when it changes, and a chart nobody points at is never copied.

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
    /// A copy of the chart as drawn, kept off the page, made when first needed.
    copy: HtmlCanvasElement,
    copy_context: CanvasRenderingContext2d,
    /// Whether `copy` holds the chart now on the page.
    copied: bool,
    /// Backend pixels to a CSS pixel.
    scale: f64,
    /// Where the highlight is drawn now (whole backend pixels: x, y, width, height).
    lit: Option<(f64, f64, f64, f64)>,
}

fn context_2d(canvas: &HtmlCanvasElement) -> Result<CanvasRenderingContext2d, JsValue> {
    Ok(canvas.get_context("2d")?.ok_or("the browser gave no 2d canvas context")?.unchecked_into())
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

/// Draws a scene on a canvas sized for it: the page's, or an export's.
pub fn draw_on(canvas: &HtmlCanvasElement, scene: &Scene, target: Target, related: Related) -> Result<(), JsValue> {
    size_for(canvas, scene.width, scene.height, target.scale);
    render::draw(backend(canvas)?, scene, target, related).map_err(drawing_error)
}

impl Painter {
    pub fn new(document: &Document, canvas: HtmlCanvasElement) -> Result<Painter, JsValue> {
        let copy: HtmlCanvasElement = dom::create(document, "canvas")?;
        Ok(Painter { context: context_2d(&canvas)?, canvas, copy_context: context_2d(&copy)?, copy, copied: false, scale: 1.0, lit: None })
    }

    /// Draws the chart (a selection dims what is not about it), with no highlight.
    pub fn paint(&mut self, scene: &Scene, target: Target, related: Related) -> Result<(), JsValue> {
        dom::set_px(&self.canvas, "width", scene.width)?;
        dom::set_px(&self.canvas, "height", scene.height)?;
        draw_on(&self.canvas, scene, target, related)?;
        self.scale = target.scale;
        self.lit = None;
        self.copied = false;
        Ok(())
    }

    /// Moves the highlight to `highlight` (or takes it away), leaving the chart as drawn.
    pub fn highlight(&mut self, highlight: Option<&Highlight>, target: Target) -> Result<(), JsValue> {
        if let Some((x, y, w, h)) = self.lit.take() {
            self.context.draw_image_with_html_canvas_element_and_sw_and_sh_and_dx_and_dy_and_dw_and_dh(&self.copy, x, y, w, h, x, y, w, h)?;
        }
        let Some(highlight) = highlight else { return Ok(()) };
        if !self.copied {
            size_for(&self.copy, f64::from(self.canvas.width()), f64::from(self.canvas.height()), 1.0);
            self.copy_context.draw_image_with_html_canvas_element(&self.canvas, 0.0, 0.0)?;
            self.copied = true;
        }
        self.lit = self.pixels_under(&highlight.band.union(&highlight.ring));
        render::draw_highlight(backend(&self.canvas)?, highlight, target).map_err(drawing_error)
    }

    /// The whole backend pixels of the page's canvas a rectangle touches, and one more each way
    /// for the edges' anti-aliasing (x, y, width, height); `None` where that is nothing.
    fn pixels_under(&self, rect: &Rect) -> Option<(f64, f64, f64, f64)> {
        let (width, height) = (f64::from(self.canvas.width()), f64::from(self.canvas.height()));
        let x = ((rect.x * self.scale).floor() - 1.0).clamp(0.0, width);
        let y = ((rect.y * self.scale).floor() - 1.0).clamp(0.0, height);
        let w = ((rect.right() * self.scale).ceil() + 1.0).clamp(0.0, width) - x;
        let h = ((rect.bottom() * self.scale).ceil() + 1.0).clamp(0.0, height) - y;
        (w > 0.0 && h > 0.0).then_some((x, y, w, h))
    }
}
