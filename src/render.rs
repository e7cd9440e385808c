//! Draws a laid-out scene on any plotters backend: the canvas in the browser, SVG for export
//! and tests. What is drawn is exactly the scene's shapes; nothing is placed here.

use crate::layout::{Align, Paint, Scene, Shape, TextRole, FONT_FAMILY};
use crate::sorting::sort_by;
use crate::svg::SvgWriter;

/// WCAG contrast ratio between two colours (1 to 21).
pub fn contrast(a: (u8, u8, u8), b: (u8, u8, u8)) -> f64 {
    let luminance = |(r, g, b): (u8, u8, u8)| {
        let channel = |c: u8| {
            let c = f64::from(c) / 255.0;
            if c <= 0.03928 { c / 12.92 } else { ((c + 0.055) / 1.055).powf(2.4) }
        };
        0.2126 * channel(r) + 0.7152 * channel(g) + 0.0722 * channel(b)
    };
    let (la, lb) = (luminance(a), luminance(b));
    (la.max(lb) + 0.05) / (la.min(lb) + 0.05)
}
use plotters_backend::text_anchor::{HPos, Pos, VPos};
use plotters_backend::{
    BackendColor, BackendCoord, BackendStyle, BackendTextStyle, DrawingBackend, DrawingErrorKind, FontFamily,
    FontStyle,
};

/// Light or dark; `auto` is resolved by the page from `prefers-color-scheme`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Default)]
pub enum Theme {
    #[default]
    Light,
    Dark,
}

/// Category colours after the Okabe–Ito palette (which stays distinguishable with the common
/// colour-vision deficiencies), darkened where needed so that each has at least 3:1 contrast
/// against the light background, and lightened for the dark one.
const CATEGORIES_LIGHT: [(u8, u8, u8); 8] = [
    (0x00, 0x72, 0xb2),
    (0xd5, 0x5e, 0x00),
    (0x00, 0x7a, 0x5e),
    (0xb0, 0x4f, 0x8c),
    (0x9c, 0x68, 0x00),
    (0x00, 0x73, 0x8a),
    (0x6e, 0x6e, 0x6e),
    (0x1a, 0x1a, 0x1a),
];
const CATEGORIES_DARK: [(u8, u8, u8); 8] = [
    (0x56, 0xb4, 0xe9),
    (0xff, 0x8c, 0x42),
    (0x2b, 0xd1, 0xa1),
    (0xe5, 0xa3, 0xcb),
    (0xe6, 0x9f, 0x00),
    (0x4f, 0xd3, 0xe6),
    (0xb0, 0xb0, 0xb0),
    (0xee, 0xee, 0xee),
];

impl Theme {
    pub fn parse(code: &str) -> Option<Theme> {
        match code {
            "light" => Some(Theme::Light),
            "dark" => Some(Theme::Dark),
            _ => None,
        }
    }

    /// Colours for each paint. Bars use the Okabe–Ito blue and orange, which readers with any
    /// common colour-vision deficiency tell apart; plans also differ by their outline.
    pub fn colour(self, paint: Paint) -> (u8, u8, u8) {
        match (self, paint) {
            (Theme::Light, Paint::Ink) => (0x1a, 0x1a, 0x1a),
            (Theme::Light, Paint::Muted) => (0x55, 0x55, 0x55),
            (Theme::Light, Paint::Grid) => (0xe2, 0xe2, 0xe2),
            (Theme::Light, Paint::Axis) => (0x76, 0x76, 0x76),
            (Theme::Light, Paint::Current) => (0x00, 0x72, 0xb2),
            (Theme::Light, Paint::Plan) => (0xb3, 0x5c, 0x00),
            (Theme::Light, Paint::PlanFill) => (0xf5, 0xc2, 0x6b),
            (Theme::Light, Paint::Background) => (0xff, 0xff, 0xff),
            (Theme::Light, Paint::Category(n)) => CATEGORIES_LIGHT[n as usize % CATEGORIES_LIGHT.len()],
            (Theme::Dark, Paint::Ink) => (0xee, 0xee, 0xee),
            (Theme::Dark, Paint::Muted) => (0xb8, 0xb8, 0xb8),
            (Theme::Dark, Paint::Grid) => (0x3a, 0x3a, 0x3a),
            (Theme::Dark, Paint::Axis) => (0x99, 0x99, 0x99),
            (Theme::Dark, Paint::Current) => (0x56, 0xb4, 0xe9),
            (Theme::Dark, Paint::Plan) => (0xe6, 0x9f, 0x00),
            (Theme::Dark, Paint::PlanFill) => (0x6b, 0x4a, 0x00),
            (Theme::Dark, Paint::Background) => (0x16, 0x16, 0x16),
            (Theme::Dark, Paint::Category(n)) => CATEGORIES_DARK[n as usize % CATEGORIES_DARK.len()],
        }
    }
}

struct Stroke {
    colour: BackendColor,
    width: u32,
}

impl BackendStyle for Stroke {
    fn color(&self) -> BackendColor {
        self.colour
    }

    fn stroke_width(&self) -> u32 {
        self.width
    }
}

/// Text as a backend draws it itself: canvas and SVG both set font, alignment and baseline
/// natively, so no text is ever measured through the page's layout.
struct Label<'a> {
    colour: BackendColor,
    size: f64,
    role: TextRole,
    anchor: Pos,
    family: &'a str,
}

/// Raised if a backend asks to rasterise text itself; canvas and SVG never do.
#[derive(Debug)]
pub struct NoGlyphRaster;

impl std::fmt::Display for NoGlyphRaster {
    fn fmt(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
        f.write_str("this backend must draw text itself")
    }
}

impl std::error::Error for NoGlyphRaster {}

impl BackendTextStyle for Label<'_> {
    type FontError = NoGlyphRaster;

    fn color(&self) -> BackendColor {
        self.colour
    }

    fn size(&self) -> f64 {
        self.size
    }

    fn style(&self) -> FontStyle {
        if self.role.bold() {
            FontStyle::Bold
        } else if self.role.italic() {
            FontStyle::Italic
        } else {
            FontStyle::Normal
        }
    }

    fn anchor(&self) -> Pos {
        self.anchor
    }

    fn family(&self) -> FontFamily<'_> {
        FontFamily::Name(self.family)
    }

    fn layout_box(&self, _text: &str) -> Result<((i32, i32), (i32, i32)), NoGlyphRaster> {
        Err(NoGlyphRaster)
    }

    fn draw<E, F: FnMut(i32, i32, BackendColor) -> Result<(), E>>(
        &self,
        _text: &str,
        _pos: BackendCoord,
        _draw: F,
    ) -> Result<Result<(), E>, NoGlyphRaster> {
        Err(NoGlyphRaster)
    }
}

/// How the backend maps the scene's CSS pixels: `scale` is the device pixel ratio, and
/// `family` is the font the text was measured in.
#[derive(Clone, Copy, Debug)]
pub struct Target<'a> {
    pub scale: f64,
    pub theme: Theme,
    pub family: &'a str,
}

impl Target<'_> {
    /// Drawing on a canvas at a pixel ratio in the default font.
    pub fn canvas(scale: f64, theme: Theme) -> Target<'static> {
        Target { scale, theme, family: FONT_FAMILY }
    }

    fn colour(&self, paint: Paint, alpha: f64) -> BackendColor {
        BackendColor { alpha, rgb: self.theme.colour(paint) }
    }

    fn point(&self, x: f64, y: f64) -> BackendCoord {
        ((x * self.scale).round() as i32, (y * self.scale).round() as i32)
    }

    fn stroke(&self, paint: Paint, alpha: f64) -> Stroke {
        Stroke { colour: self.colour(paint, alpha), width: self.scale.round().max(1.0) as u32 }
    }
}

/// With a selection, whether each mark is about it: the others are dimmed.
pub type Related<'a> = Option<&'a [bool]>;

fn dimmed(related: Related, mark: Option<usize>) -> bool {
    matches!((related, mark), (Some(related), Some(m)) if !related.get(m).copied().unwrap_or(true))
}

/// Draws the whole scene. The active mark's highlight is not part of it: it lives on a layer
/// above (see `Scene::highlight`), so hovering never repaints the chart.
pub fn draw<B: DrawingBackend>(backend: &mut B, scene: &Scene, target: Target, related: Related) -> Result<(), DrawingErrorKind<B::ErrorType>> {
    backend.ensure_prepared()?;
    let background = Stroke { colour: target.colour(Paint::Background, 1.0), width: 1 };
    backend.draw_rect((0, 0), target.point(scene.width, scene.height), &background, true)?;
    // Text never overlaps other shapes, so it goes last, grouped by role: a canvas then
    // switches fonts a handful of times per chart instead of twice per row.
    let role = |shape: &Shape| match shape {
        Shape::Text { role, .. } => Some(*role),
        _ => None,
    };
    let mut order: Vec<&Shape> = scene.shapes.iter().collect();
    sort_by(&mut order, &|a, b| role(a).cmp(&role(b)));
    for shape in order {
        let alpha = if dimmed(related, shape.mark()) { 0.3 } else { 1.0 };
        draw_shape(backend, shape, &target, alpha)?;
    }
    backend.present()
}

fn draw_shape<B: DrawingBackend>(backend: &mut B, shape: &Shape, target: &Target, alpha: f64) -> Result<(), DrawingErrorKind<B::ErrorType>> {
    match shape {
        Shape::Rect { rect, fill, stroke, .. } => {
            let (from, to) = (target.point(rect.x, rect.y), target.point(rect.right(), rect.bottom()));
            backend.draw_rect(from, to, &target.stroke(*fill, alpha), true)?;
            match stroke {
                Some(paint) => backend.draw_rect(from, to, &target.stroke(*paint, alpha), false),
                None => Ok(()),
            }
        }
        Shape::Line { from, to, paint, width, .. } => {
            let stroke = Stroke { width: (width * target.scale).round().max(1.0) as u32, ..target.stroke(*paint, alpha) };
            backend.draw_line(target.point(from.0, from.1), target.point(to.0, to.1), &stroke)
        }
        Shape::Circle { centre, radius, fill, stroke, .. } => {
            let (c, r) = (target.point(centre.0, centre.1), (radius * target.scale).round() as u32);
            if let Some(fill) = fill {
                backend.draw_circle(c, r, &target.stroke(*fill, alpha), true)?;
            } else {
                backend.draw_circle(c, r, &target.stroke(Paint::Background, alpha), true)?;
            }
            let ring = Stroke { width: (2.0 * target.scale).round() as u32, ..target.stroke(*stroke, alpha) };
            backend.draw_circle(c, r, &ring, false)
        }
        Shape::Text { x, y, text, role, paint, align, .. } => {
            let h_pos = match align {
                Align::Start => HPos::Left,
                Align::Center => HPos::Center,
                Align::End => HPos::Right,
            };
            let label = Label {
                colour: target.colour(*paint, alpha),
                size: role.size() * target.scale,
                role: *role,
                anchor: Pos::new(h_pos, VPos::Center),
                family: target.family,
            };
            backend.draw_text(text, &label, target.point(*x, *y))
        }
    }
}

/// The scene as an SVG document, the same look, font and sizes as on the canvas.
pub fn to_svg(scene: &Scene, theme: Theme, family: &str) -> String {
    let mut svg = String::new();
    let size = (scene.width.ceil() as u32, scene.height.ceil() as u32);
    let target = Target { scale: 1.0, theme, family };
    // Writing into a String cannot fail, and text is written as text, never rasterised.
    let _ = draw(&mut SvgWriter::new(&mut svg, size), scene, target, None);
    svg
}
