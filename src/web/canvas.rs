//! A plotters backend for a canvas that remembers the context's state: colour, line width, font
//! and alignment strings are built and sent to the browser only when they change, not for every
//! mark (plotters-canvas sets all of them, as new strings, on every call).

use crate::format::plain_number;
use plotters_backend::text_anchor::{HPos, VPos};
use plotters_backend::{BackendColor, BackendCoord, BackendStyle, BackendTextStyle, DrawingBackend, DrawingErrorKind, FontStyle};
use std::convert::Infallible;
use wasm_bindgen::JsValue;
use web_sys::{CanvasRenderingContext2d, HtmlCanvasElement};

/// The text settings last given to the context.
struct Font {
    size: f64,
    style: &'static str,
    family: String,
}

pub struct CanvasBackend {
    context: CanvasRenderingContext2d,
    size: (u32, u32),
    fill: Option<Colour>,
    stroke: Option<(Colour, u32)>,
    font: Option<Font>,
    anchor: Option<(&'static str, &'static str)>,
}

/// A colour as the canvas was last given it, comparable (alpha by its bits).
type Colour = ((u8, u8, u8), u64);

fn key(colour: BackendColor) -> Colour {
    (colour.rgb, colour.alpha.to_bits())
}

fn css(colour: BackendColor) -> String {
    // Channels printed as `u32`, whose printing the wasm has anyway, not as `u8`, whose it would add.
    let (r, g, b) = (u32::from(colour.rgb.0), u32::from(colour.rgb.1), u32::from(colour.rgb.2));
    format!("rgba({r},{g},{b},{})", plain_number(colour.alpha))
}

/// Lines along the pixel grid are moved half a pixel so that they cover whole pixels.
fn crisp(from: BackendCoord, to: BackendCoord) -> ((f64, f64), (f64, f64)) {
    let (mut a, mut b) = ((f64::from(from.0), f64::from(from.1)), (f64::from(to.0), f64::from(to.1)));
    if a.0 == b.0 {
        a.0 -= 0.5;
        b.0 -= 0.5;
    }
    if a.1 == b.1 {
        a.1 -= 0.5;
        b.1 -= 0.5;
    }
    (a, b)
}

impl CanvasBackend {
    pub fn new(canvas: &HtmlCanvasElement) -> Result<CanvasBackend, JsValue> {
        // A "2d" context is a CanvasRenderingContext2D.
        let context = super::dom::context_2d(canvas).ok_or("no 2d canvas context")?;
        Ok(CanvasBackend { context, size: (canvas.width(), canvas.height()), fill: None, stroke: None, font: None, anchor: None })
    }

    fn fill_with(&mut self, colour: BackendColor) {
        if self.fill != Some(key(colour)) {
            self.context.set_fill_style_str(&css(colour));
            self.fill = Some(key(colour));
        }
    }

    fn stroke_with(&mut self, style: &impl BackendStyle) {
        let wanted = (key(style.color()), style.stroke_width());
        if self.stroke != Some(wanted) {
            self.context.set_stroke_style_str(&css(style.color()));
            self.context.set_line_width(f64::from(wanted.1));
            self.stroke = Some(wanted);
        }
    }

    fn text_with<S: BackendTextStyle>(&mut self, style: &S) {
        let weight = match style.style() {
            FontStyle::Bold => "bold",
            FontStyle::Italic => "italic",
            FontStyle::Oblique => "oblique",
            FontStyle::Normal => "normal",
        };
        let (size, family) = (style.size(), style.family());
        let same = self.font.as_ref().is_some_and(|f| f.size == size && f.style == weight && f.family == family.as_str());
        if !same {
            self.context.set_font(&format!("{weight} {}px {}", plain_number(size), family.as_str()));
            self.font = Some(Font { size, style: weight, family: family.as_str().to_string() });
        }
        let align = match style.anchor().h_pos {
            HPos::Left => "start",
            HPos::Center => "center",
            HPos::Right => "end",
        };
        let baseline = match style.anchor().v_pos {
            VPos::Top => "top",
            VPos::Center => "middle",
            VPos::Bottom => "bottom",
        };
        if self.anchor != Some((align, baseline)) {
            self.context.set_text_align(align);
            self.context.set_text_baseline(baseline);
            self.anchor = Some((align, baseline));
        }
        self.fill_with(style.color());
    }
}

impl DrawingBackend for CanvasBackend {
    type ErrorType = Infallible;

    fn get_size(&self) -> (u32, u32) {
        self.size
    }

    fn ensure_prepared(&mut self) -> Result<(), DrawingErrorKind<Infallible>> {
        Ok(())
    }

    fn present(&mut self) -> Result<(), DrawingErrorKind<Infallible>> {
        Ok(())
    }

    fn draw_pixel(&mut self, point: BackendCoord, colour: BackendColor) -> Result<(), DrawingErrorKind<Infallible>> {
        self.draw_rect(point, (point.0 + 1, point.1 + 1), &colour, true)
    }

    fn draw_line<S: BackendStyle>(&mut self, from: BackendCoord, to: BackendCoord, style: &S) -> Result<(), DrawingErrorKind<Infallible>> {
        if style.color().alpha == 0.0 {
            return Ok(());
        }
        let (a, b) = crisp(from, to);
        self.stroke_with(style);
        self.context.begin_path();
        self.context.move_to(a.0, a.1);
        self.context.line_to(b.0, b.1);
        self.context.stroke();
        Ok(())
    }

    fn draw_rect<S: BackendStyle>(&mut self, upper_left: BackendCoord, bottom_right: BackendCoord, style: &S, fill: bool) -> Result<(), DrawingErrorKind<Infallible>> {
        if style.color().alpha == 0.0 {
            return Ok(());
        }
        let (x, y) = (f64::from(upper_left.0), f64::from(upper_left.1));
        let (w, h) = (f64::from(bottom_right.0 - upper_left.0), f64::from(bottom_right.1 - upper_left.1));
        if fill {
            self.fill_with(style.color());
            self.context.fill_rect(x, y, w, h);
        } else {
            self.stroke_with(style);
            self.context.stroke_rect(x, y, w, h);
        }
        Ok(())
    }

    fn draw_circle<S: BackendStyle>(&mut self, centre: BackendCoord, radius: u32, style: &S, fill: bool) -> Result<(), DrawingErrorKind<Infallible>> {
        if style.color().alpha == 0.0 {
            return Ok(());
        }
        self.context.begin_path();
        // A radius is a `u32`, never negative: `arc` cannot throw (see `dom::arc`).
        super::dom::arc(&self.context, f64::from(centre.0), f64::from(centre.1), f64::from(radius));
        if fill {
            self.fill_with(style.color());
            self.context.fill();
        } else {
            self.stroke_with(style);
            self.context.stroke();
        }
        Ok(())
    }

    fn draw_text<S: BackendTextStyle>(&mut self, text: &str, style: &S, pos: BackendCoord) -> Result<(), DrawingErrorKind<Infallible>> {
        if style.color().alpha == 0.0 {
            return Ok(());
        }
        self.text_with(style);
        super::dom::fill_text(&self.context, text, f64::from(pos.0), f64::from(pos.1));
        Ok(())
    }
}
