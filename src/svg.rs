//! A plotters backend that writes SVG into a String, element for element as `plotters-svg`
//! does, but with its fractional numbers (opacity, font size) written by `plain_number`:
//! `plotters-svg` formats them with Rust's float printing, which alone made up about 12 KB
//! of the gzipped wasm. Font sizes are written as given, not at 1/1.24 of them.

use crate::format::{plain_number, push_escaped};
use plotters_backend::text_anchor::{HPos, VPos};
use plotters_backend::{BackendColor, BackendCoord, BackendStyle, BackendTextStyle, DrawingBackend, DrawingErrorKind, FontStyle};
use std::convert::Infallible;

pub struct SvgWriter<'a> {
    out: &'a mut String,
    size: (u32, u32),
}

fn hex(colour: BackendColor) -> String {
    let (r, g, b) = colour.rgb;
    format!("#{r:02X}{g:02X}{b:02X}")
}

impl<'a> SvgWriter<'a> {
    /// Starts a document of `size` pixels in `out`; `present` closes it.
    pub fn new(out: &'a mut String, size: (u32, u32)) -> SvgWriter<'a> {
        let mut writer = SvgWriter { out, size };
        let (w, h) = size;
        writer.start("svg");
        writer.attribute("width", &w.to_string());
        writer.attribute("height", &h.to_string());
        writer.attribute("viewBox", &format!("0 0 {w} {h}"));
        writer.attribute("xmlns", "http://www.w3.org/2000/svg");
        writer.out.push_str(">\n");
        writer
    }

    fn start(&mut self, tag: &str) {
        self.out.push('<');
        self.out.push_str(tag);
    }

    fn attribute(&mut self, key: &str, value: &str) {
        self.out.push(' ');
        self.out.push_str(key);
        self.out.push_str("=\"");
        push_escaped(self.out, value);
        self.out.push('"');
    }

    fn numbers(&mut self, attributes: &[(&str, i32)]) {
        for (key, value) in attributes {
            self.attribute(key, &value.to_string());
        }
    }

    /// The colour's opacity, and the shape filled or outlined in it.
    fn paint(&mut self, colour: BackendColor, fill: bool) {
        let hex = hex(colour);
        self.attribute("opacity", &plain_number(colour.alpha));
        self.attribute("fill", if fill { &hex } else { "none" });
        self.attribute("stroke", if fill { "none" } else { &hex });
    }
}

impl DrawingBackend for SvgWriter<'_> {
    type ErrorType = Infallible;

    fn get_size(&self) -> (u32, u32) {
        self.size
    }

    fn ensure_prepared(&mut self) -> Result<(), DrawingErrorKind<Infallible>> {
        Ok(())
    }

    fn present(&mut self) -> Result<(), DrawingErrorKind<Infallible>> {
        self.out.push_str("</svg>\n");
        Ok(())
    }

    fn draw_pixel(&mut self, point: BackendCoord, colour: BackendColor) -> Result<(), DrawingErrorKind<Infallible>> {
        self.draw_rect(point, (point.0 + 1, point.1 + 1), &colour, true)
    }

    fn draw_line<S: BackendStyle>(&mut self, from: BackendCoord, to: BackendCoord, style: &S) -> Result<(), DrawingErrorKind<Infallible>> {
        let colour = style.color();
        if colour.alpha == 0.0 {
            return Ok(());
        }
        self.start("line");
        self.attribute("opacity", &plain_number(colour.alpha));
        self.attribute("stroke", &hex(colour));
        self.attribute("stroke-width", &style.stroke_width().to_string());
        self.numbers(&[("x1", from.0), ("y1", from.1), ("x2", to.0), ("y2", to.1)]);
        self.out.push_str("/>\n");
        Ok(())
    }

    fn draw_rect<S: BackendStyle>(&mut self, upper_left: BackendCoord, bottom_right: BackendCoord, style: &S, fill: bool) -> Result<(), DrawingErrorKind<Infallible>> {
        if style.color().alpha == 0.0 {
            return Ok(());
        }
        let (x, y) = upper_left;
        self.start("rect");
        self.numbers(&[("x", x), ("y", y), ("width", bottom_right.0 - x), ("height", bottom_right.1 - y)]);
        self.paint(style.color(), fill);
        self.out.push_str("/>\n");
        Ok(())
    }

    fn draw_circle<S: BackendStyle>(&mut self, centre: BackendCoord, radius: u32, style: &S, fill: bool) -> Result<(), DrawingErrorKind<Infallible>> {
        if style.color().alpha == 0.0 {
            return Ok(());
        }
        self.start("circle");
        self.numbers(&[("cx", centre.0), ("cy", centre.1)]);
        self.attribute("r", &radius.to_string());
        self.paint(style.color(), fill);
        self.attribute("stroke-width", &style.stroke_width().to_string());
        self.out.push_str("/>\n");
        Ok(())
    }

    fn draw_text<S: BackendTextStyle>(&mut self, text: &str, style: &S, pos: BackendCoord) -> Result<(), DrawingErrorKind<Infallible>> {
        let colour = style.color();
        if colour.alpha == 0.0 {
            return Ok(());
        }
        let anchor = match style.anchor().h_pos {
            HPos::Left => "start",
            HPos::Center => "middle",
            HPos::Right => "end",
        };
        let dy = match style.anchor().v_pos {
            VPos::Top => "0.76em",
            VPos::Center => "0.5ex",
            VPos::Bottom => "-0.5ex",
        };
        self.start("text");
        self.numbers(&[("x", pos.0), ("y", pos.1)]);
        self.attribute("dy", dy);
        self.attribute("text-anchor", anchor);
        self.attribute("font-family", style.family().as_str());
        self.attribute("font-size", &plain_number(style.size()));
        self.attribute("opacity", &plain_number(colour.alpha));
        self.attribute("fill", &hex(colour));
        match style.style() {
            FontStyle::Normal => {}
            FontStyle::Bold => self.attribute("font-weight", "bold"),
            other => self.attribute("font-style", other.as_str()),
        }
        self.out.push_str(">\n");
        push_escaped(self.out, text);
        self.out.push_str("\n</text>\n");
        Ok(())
    }
}
