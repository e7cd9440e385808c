//! Draws a laid-out scene on any plotters backend: the canvas in the browser, SVG for export
//! and tests. What is drawn is exactly the scene's shapes; nothing is placed here.

use crate::layout::{Align, Paint, Rect, Scene, Shape, TextRole, FONT_FAMILY};
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
            (Theme::Dark, Paint::Ink) => (0xee, 0xee, 0xee),
            (Theme::Dark, Paint::Muted) => (0xb8, 0xb8, 0xb8),
            (Theme::Dark, Paint::Grid) => (0x3a, 0x3a, 0x3a),
            (Theme::Dark, Paint::Axis) => (0x99, 0x99, 0x99),
            (Theme::Dark, Paint::Current) => (0x56, 0xb4, 0xe9),
            (Theme::Dark, Paint::Plan) => (0xe6, 0x9f, 0x00),
            (Theme::Dark, Paint::PlanFill) => (0x6b, 0x4a, 0x00),
            (Theme::Dark, Paint::Background) => (0x16, 0x16, 0x16),
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
struct Label {
    colour: BackendColor,
    size: f64,
    role: TextRole,
    anchor: Pos,
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

impl BackendTextStyle for Label {
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
        FontFamily::Name(FONT_FAMILY)
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
/// `font_scale` undoes plotters' SVG writing font sizes at 1/1.24 of what it is given.
#[derive(Clone, Copy, Debug)]
pub struct Target {
    pub scale: f64,
    pub font_scale: f64,
    pub theme: Theme,
}

impl Target {
    fn colour(&self, paint: Paint) -> BackendColor {
        BackendColor { alpha: 1.0, rgb: self.theme.colour(paint) }
    }

    fn point(&self, x: f64, y: f64) -> BackendCoord {
        ((x * self.scale).round() as i32, (y * self.scale).round() as i32)
    }

    fn stroke(&self, paint: Paint) -> Stroke {
        Stroke { colour: self.colour(paint), width: self.scale.round().max(1.0) as u32 }
    }
}

/// Draws the whole scene. `highlight` is a mark to outline (the hovered or focused bar).
pub fn draw<B: DrawingBackend>(
    backend: &mut B,
    scene: &Scene,
    target: Target,
    highlight: Option<usize>,
) -> Result<(), DrawingErrorKind<B::ErrorType>> {
    backend.ensure_prepared()?;
    let background = Stroke { colour: BackendColor { alpha: 1.0, rgb: target.theme.colour(Paint::Background) }, width: 1 };
    backend.draw_rect((0, 0), target.point(scene.width, scene.height), &background, true)?;
    if let Some(mark) = highlight.and_then(|i| scene.marks.get(i)) {
        let band = Stroke { colour: BackendColor { alpha: 0.12, rgb: target.theme.colour(Paint::Current) }, width: 1 };
        backend.draw_rect(target.point(mark.band.x, mark.band.y), target.point(mark.band.right(), mark.band.bottom()), &band, true)?;
    }
    for shape in &scene.shapes {
        draw_shape(backend, shape, &target)?;
    }
    if let Some(mark) = highlight.and_then(|i| scene.marks.get(i)) {
        let outline = Rect { x: mark.bar.x - 1.0, y: mark.bar.y - 1.0, w: mark.bar.w + 2.0, h: mark.bar.h + 2.0 };
        let stroke = Stroke { width: (2.0 * target.scale).round() as u32, ..target.stroke(Paint::Ink) };
        backend.draw_rect(target.point(outline.x, outline.y), target.point(outline.right(), outline.bottom()), &stroke, false)?;
    }
    backend.present()
}

fn draw_shape<B: DrawingBackend>(backend: &mut B, shape: &Shape, target: &Target) -> Result<(), DrawingErrorKind<B::ErrorType>> {
    match shape {
        Shape::Rect { rect, fill, stroke } => {
            let (from, to) = (target.point(rect.x, rect.y), target.point(rect.right(), rect.bottom()));
            backend.draw_rect(from, to, &target.stroke(*fill), true)?;
            match stroke {
                Some(paint) => backend.draw_rect(from, to, &target.stroke(*paint), false),
                None => Ok(()),
            }
        }
        Shape::Line { from, to, paint } => {
            backend.draw_line(target.point(from.0, from.1), target.point(to.0, to.1), &target.stroke(*paint))
        }
        Shape::Text { x, y, text, role, paint, align } => {
            let h_pos = match align {
                Align::Start => HPos::Left,
                Align::Center => HPos::Center,
                Align::End => HPos::Right,
            };
            let label = Label {
                colour: target.colour(*paint),
                size: role.size() * target.scale * target.font_scale,
                role: *role,
                anchor: Pos::new(h_pos, VPos::Center),
            };
            backend.draw_text(text, &label, target.point(*x, *y))
        }
    }
}

/// The scene as an SVG document, the same look and sizes as on the canvas.
pub fn to_svg(scene: &Scene, theme: Theme) -> String {
    let mut svg = String::new();
    let size = (scene.width.ceil() as u32, scene.height.ceil() as u32);
    {
        let mut backend = plotters_svg::SVGBackend::with_string(&mut svg, size);
        let target = Target { scale: 1.0, font_scale: 1.24, theme };
        // Writing into a String cannot fail; an error here would be a bug in the backend.
        draw(&mut backend, scene, target, None).expect("SVG drawn into memory");
    }
    svg
}
