//! Draws a laid-out scene through plotters: on a canvas in the browser (plotters-canvas), as SVG
//! for export and native tests (plotters' SVG backend). The scene is in CSS pixels; the
//! coordinate system given to plotters maps them to the backend's pixels (`scale` of them to a
//! CSS pixel on a HiDPI canvas), rounded to whole pixels, with fonts and line widths scaled the
//! same way. Nothing is placed here: every position comes from the scene.

use crate::layout::{Align, Highlight, Paint, Rect, Scene, Shape, TextRole};
use crate::theme::Theme;
use plotters::backend::SVGBackend;
use plotters::coord::CoordTranslate;
use plotters::prelude::{Circle, DrawingArea, DrawingAreaErrorKind, DrawingBackend, IntoDrawingArea, PathElement, Rectangle, ShapeStyle, Text};
use plotters::style::text_anchor::{HPos, Pos, VPos};
use plotters::style::{FontDesc, FontFamily, FontStyle, RGBAColor, TextStyle};

/// The scene's CSS pixels on a backend `0` times finer, rounded to whole backend pixels.
struct DevicePixels(f64);

impl CoordTranslate for DevicePixels {
    type From = (f64, f64);

    fn translate(&self, &(x, y): &(f64, f64)) -> (i32, i32) {
        ((x * self.0).round() as i32, (y * self.0).round() as i32)
    }
}

/// What the scene is drawn on.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Surface {
    Canvas,
    /// plotters' SVG backend writes a font size as 1/1.24 of the one it is given.
    Svg,
}

/// What plotters' SVG backend divides font sizes by.
const SVG_FONT_DIVISOR: f64 = 1.24;

/// How to draw: `scale` backend pixels to a CSS pixel, the theme's colours, and `family`, the
/// font the text was measured in.
#[derive(Clone, Copy, Debug)]
pub struct Target<'a> {
    pub scale: f64,
    pub theme: Theme,
    pub family: &'a str,
    pub surface: Surface,
}

impl Target<'_> {
    fn colour(&self, paint: Paint, alpha: f64) -> RGBAColor {
        let (r, g, b) = self.theme.colour(paint);
        RGBAColor(r, g, b, alpha)
    }

    fn fill(&self, paint: Paint, alpha: f64) -> ShapeStyle {
        ShapeStyle { color: self.colour(paint, alpha), filled: true, stroke_width: 0 }
    }

    /// An outline `width` CSS pixels wide, at least one backend pixel.
    fn outline(&self, paint: Paint, alpha: f64, width: f64) -> ShapeStyle {
        ShapeStyle { color: self.colour(paint, alpha), filled: false, stroke_width: (width * self.scale).round().max(1.0) as u32 }
    }

    fn font_size(&self, role: TextRole) -> f64 {
        let size = role.size() * self.scale;
        match self.surface {
            Surface::Canvas => size,
            Surface::Svg => size * SVG_FONT_DIVISOR,
        }
    }

    fn text_style(&self, role: TextRole, paint: Paint, alpha: f64, align: Align) -> TextStyle<'_> {
        let style = if role.bold() {
            FontStyle::Bold
        } else if role.italic() {
            FontStyle::Italic
        } else {
            FontStyle::Normal
        };
        let h_pos = match align {
            Align::Start => HPos::Left,
            Align::Center => HPos::Center,
            Align::End => HPos::Right,
        };
        // The family is named, never parsed from a string (which plotters lower-cases).
        let font = FontDesc::new(FontFamily::Name(self.family), self.font_size(role), style);
        font.color(&self.colour(paint, alpha)).pos(Pos::new(h_pos, VPos::Center))
    }
}

/// With a selection, whether each mark is about it: the others are dimmed.
pub type Related<'a> = Option<&'a [bool]>;

fn dimmed(related: Related, mark: Option<usize>) -> bool {
    matches!((related, mark), (Some(related), Some(m)) if !related.get(m).copied().unwrap_or(true))
}

type Area<DB> = DrawingArea<DB, DevicePixels>;
pub type DrawResult<DB> = Result<(), DrawingAreaErrorKind<<DB as DrawingBackend>::ErrorType>>;

/// Draws the whole scene on a backend of its size times `target.scale`. The active mark's
/// highlight is not part of it (see `draw_highlight`).
pub fn draw<DB: DrawingBackend>(backend: DB, scene: &Scene, target: Target, related: Related) -> DrawResult<DB> {
    let root = backend.into_drawing_area();
    root.fill(&target.colour(Paint::Background, 1.0))?;
    let area = root.apply_coord_spec(DevicePixels(target.scale));
    // Text overlaps no other shape; drawn last, it is never covered by one.
    let (texts, shapes): (Vec<&Shape>, Vec<&Shape>) = scene.shapes.iter().partition(|s| matches!(s, Shape::Text { .. }));
    for shape in shapes.into_iter().chain(texts) {
        let alpha = if dimmed(related, shape.mark()) { 0.3 } else { 1.0 };
        draw_shape(&area, shape, &target, alpha)?;
    }
    root.present()
}

fn corners(rect: &Rect) -> [(f64, f64); 2] {
    [(rect.x, rect.y), (rect.right(), rect.bottom())]
}

fn draw_shape<DB: DrawingBackend>(area: &Area<DB>, shape: &Shape, target: &Target, alpha: f64) -> DrawResult<DB> {
    match shape {
        Shape::Rect { rect, fill, stroke, .. } => {
            area.draw(&Rectangle::new(corners(rect), target.fill(*fill, alpha)))?;
            match stroke {
                Some(paint) => area.draw(&Rectangle::new(corners(rect), target.outline(*paint, alpha, 1.0))),
                None => Ok(()),
            }
        }
        Shape::Line { from, to, paint, width, .. } => match line_box(*from, *to, *width) {
            // Filled as the pixels it covers, a line along the grid stays sharp at any scale.
            Some(rect) => area.draw(&Rectangle::new(corners(&rect), target.fill(*paint, alpha))),
            None => area.draw(&PathElement::new(vec![*from, *to], target.outline(*paint, alpha, *width))),
        },
        Shape::Circle { centre, radius, fill, stroke, .. } => {
            let radius = (radius * target.scale).round() as i32;
            area.draw(&Circle::new(*centre, radius, target.fill(fill.unwrap_or(Paint::Background), alpha)))?;
            area.draw(&Circle::new(*centre, radius, target.outline(*stroke, alpha, 2.0)))
        }
        Shape::Text { x, y, text, role, paint, align, .. } => {
            area.draw(&Text::new(text.as_str(), (*x, *y), target.text_style(*role, *paint, alpha, *align)))
        }
    }
}

/// The box a horizontal or vertical line of `width` covers; `None` for any other line.
fn line_box(from: (f64, f64), to: (f64, f64), width: f64) -> Option<Rect> {
    let (x, y) = (from.0.min(to.0), from.1.min(to.1));
    let (w, h) = ((to.0 - from.0).abs(), (to.1 - from.1).abs());
    match (w == 0.0, h == 0.0) {
        (true, _) => Some(Rect { x: x - width / 2.0, y, w: width, h }),
        (false, true) => Some(Rect { x, y: y - width / 2.0, w, h: width }),
        (false, false) => None,
    }
}

/// Draws the active mark's highlight over the chart: a tint across its row and a ring around it.
pub fn draw_highlight<DB: DrawingBackend>(backend: DB, highlight: &Highlight, target: Target) -> DrawResult<DB> {
    let area = backend.into_drawing_area().apply_coord_spec(DevicePixels(target.scale));
    area.draw(&Rectangle::new(corners(&highlight.band), target.fill(Paint::Current, 0.12)))?;
    for side in ring_sides(&highlight.ring, highlight.ring_width) {
        area.draw(&Rectangle::new(corners(&side), target.fill(Paint::Ink, 1.0)))?;
    }
    area.present()
}

/// The four sides of a ring `width` wide inside `outer`, as boxes: filled, like lines along the
/// grid, they stay sharp at any scale, and plotters' SVG backend, which outlines a rectangle one
/// pixel wide whatever the width asked for, draws them as the canvas does.
fn ring_sides(outer: &Rect, width: f64) -> [Rect; 4] {
    let Rect { x, y, w, h } = *outer;
    [
        Rect { x, y, w, h: width },
        Rect { x, y: outer.bottom() - width, w, h: width },
        Rect { x, y: y + width, w: width, h: h - 2.0 * width },
        Rect { x: outer.right() - width, y: y + width, w: width, h: h - 2.0 * width },
    ]
}

/// The scene as an SVG document: the same look, font and sizes as on the canvas, text as text.
pub fn to_svg(scene: &Scene, theme: Theme, family: &str) -> String {
    on_svg(scene, theme, family, |backend, target| draw(backend, scene, target, None))
}

/// A mark's highlight as an SVG document of the scene's size, to lay over its SVG.
pub fn highlight_to_svg(scene: &Scene, highlight: &Highlight, theme: Theme) -> String {
    on_svg(scene, theme, "", |backend, target| draw_highlight(backend, highlight, target))
}

/// What `drawing` draws on an SVG backend of the scene's size, in CSS pixels.
fn on_svg(scene: &Scene, theme: Theme, family: &str, drawing: impl for<'a> FnOnce(SVGBackend<'a>, Target<'a>) -> DrawResult<SVGBackend<'a>>) -> String {
    let mut svg = String::new();
    let size = (scene.width.ceil() as u32, scene.height.ceil() as u32);
    let target = Target { scale: 1.0, theme, family, surface: Surface::Svg };
    // The SVG backend writes into a String, which cannot fail.
    let _ = drawing(SVGBackend::with_string(&mut svg, size), target);
    svg
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_ring_is_four_sides_of_its_width_around_the_bar() {
        let outer = Rect { x: 10.0, y: 20.0, w: 50.0, h: 16.0 };
        let sides = ring_sides(&outer, 3.0);
        assert_eq!(sides[0], Rect { x: 10.0, y: 20.0, w: 50.0, h: 3.0 });
        assert_eq!(sides[1], Rect { x: 10.0, y: 33.0, w: 50.0, h: 3.0 });
        assert_eq!(sides[2], Rect { x: 10.0, y: 23.0, w: 3.0, h: 10.0 });
        assert_eq!(sides[3], Rect { x: 57.0, y: 23.0, w: 3.0, h: 10.0 });
        let area: f64 = sides.iter().map(|s| s.w * s.h).sum();
        assert_eq!(area, 50.0 * 16.0 - 44.0 * 10.0, "every pixel of the ring once");
    }

    #[test]
    fn lines_along_the_grid_are_boxes() {
        assert_eq!(line_box((10.0, 0.0), (10.0, 50.0), 1.0), Some(Rect { x: 9.5, y: 0.0, w: 1.0, h: 50.0 }));
        assert_eq!(line_box((30.0, 5.0), (0.0, 5.0), 3.0), Some(Rect { x: 0.0, y: 3.5, w: 30.0, h: 3.0 }));
        assert_eq!(line_box((0.0, 0.0), (3.0, 4.0), 1.0), None);
    }
}
