//! Geometry of a chart in CSS pixels: every shape to draw and every mark a pointer or key can
//! hit, computed once from a `Chart`, a width and a way to measure text. Drawing, hit-testing,
//! keyboard focus and transitions all use this one scene.

mod bars;
mod timeline;

use crate::chart::{Body, Chart, Series, Tone};
use crate::format::Locale;

#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Rect {
    pub x: f64,
    pub y: f64,
    pub w: f64,
    pub h: f64,
}

impl Rect {
    pub fn right(&self) -> f64 {
        self.x + self.w
    }

    pub fn bottom(&self) -> f64 {
        self.y + self.h
    }

    pub fn contains(&self, x: f64, y: f64) -> bool {
        x >= self.x && x < self.right() && y >= self.y && y < self.bottom()
    }

    pub fn overlaps(&self, other: &Rect) -> bool {
        self.x < other.right() && other.x < self.right() && self.y < other.bottom() && other.y < self.bottom()
    }

    /// The smallest rectangle holding both.
    pub fn union(&self, other: &Rect) -> Rect {
        let (x, y) = (self.x.min(other.x), self.y.min(other.y));
        Rect { x, y, w: self.right().max(other.right()) - x, h: self.bottom().max(other.bottom()) - y }
    }
}

/// What a piece of text is, which fixes its size and weight.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum TextRole {
    Title,
    Subtitle,
    GroupHeader,
    RowLabel,
    Value,
    Missing,
    Tick,
    Note,
}

/// System fonts only: nothing is downloaded. A host may set its own through `--tx-font`.
pub const FONT_FAMILY: &str =
    "system-ui, -apple-system, Segoe UI, Roboto, Helvetica Neue, Arial, Liberation Sans, DejaVu Sans, sans-serif";

impl TextRole {
    pub fn size(self) -> f64 {
        match self {
            TextRole::Title => 18.0,
            TextRole::Subtitle | TextRole::GroupHeader | TextRole::RowLabel => 13.0,
            TextRole::Value | TextRole::Missing => 12.0,
            TextRole::Tick | TextRole::Note => 11.0,
        }
    }

    pub fn bold(self) -> bool {
        matches!(self, TextRole::Title | TextRole::GroupHeader)
    }

    pub fn italic(self) -> bool {
        self == TextRole::Missing
    }

    pub fn line_height(self) -> f64 {
        (self.size() * 1.3).ceil()
    }

    /// The CSS font for this role in a family, as canvas drawing and measurement both use it.
    pub fn css_font(self, family: &str) -> String {
        let style = if self.bold() { "bold " } else if self.italic() { "italic " } else { "" };
        format!("{style}{}px {family}", self.size())
    }
}

/// Measures text as it will be drawn: the browser measures on a canvas, native code estimates.
pub trait TextMeasure {
    fn width(&self, text: &str, role: TextRole) -> f64;
}

/// A deliberately generous estimate of sans-serif widths, for layout outside the browser.
pub struct EstimatedText;

impl TextMeasure for EstimatedText {
    fn width(&self, text: &str, role: TextRole) -> f64 {
        let ems: f64 = text
            .chars()
            .map(|c| match c {
                ' ' | '.' | ',' | ':' | ';' | '\'' | '|' | 'i' | 'l' | 'j' | '!' | '\u{a0}' => 0.34,
                '0'..='9' => 0.64,
                'A'..='Z' => 0.76,
                'а'..='я' | 'ё' => 0.66,
                'А'..='Я' | 'Ё' => 0.8,
                c if c.is_ascii_lowercase() => 0.62,
                _ => 0.7,
            })
            .sum();
        ems * role.size() * if role.bold() { 1.1 } else { 1.0 }
    }
}

/// Colours by meaning; the palette of a theme turns them into colours when drawing.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Paint {
    Ink,
    Muted,
    Grid,
    Axis,
    Current,
    Plan,
    PlanFill,
    Background,
    /// One of up to eight categories (sectors), each its own colour-blind-safe colour.
    Category(u8),
}

impl Paint {
    /// Fill and outline for a mark of this tone: plans are outlined so they differ by more than colour.
    pub fn of_tone(tone: Tone) -> (Paint, Option<Paint>) {
        match tone {
            Tone::Current => (Paint::Current, None),
            Tone::Plan => (Paint::PlanFill, Some(Paint::Plan)),
            Tone::Category(n) => (Paint::Category(n), None),
        }
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Align {
    Start,
    Center,
    End,
}

/// Something to draw. `mark` ties a shape to the mark it shows (or labels), so that selection
/// can dim it and a transition can move it with its mark.
#[derive(Clone, Debug, PartialEq)]
pub enum Shape {
    Rect { rect: Rect, fill: Paint, stroke: Option<Paint>, mark: Option<usize> },
    Line { from: (f64, f64), to: (f64, f64), paint: Paint, width: f64, mark: Option<usize> },
    Circle { centre: (f64, f64), radius: f64, fill: Option<Paint>, stroke: Paint, mark: Option<usize> },
    /// Text centred vertically on `y`.
    Text { x: f64, y: f64, text: String, role: TextRole, paint: Paint, align: Align, mark: Option<usize> },
}

impl Shape {
    pub fn mark(&self) -> Option<usize> {
        match self {
            Shape::Rect { mark, .. } | Shape::Line { mark, .. } | Shape::Circle { mark, .. } | Shape::Text { mark, .. } => *mark,
        }
    }

    /// The same shape moved by `(dx, dy)`.
    fn moved(&self, dx: f64, dy: f64) -> Shape {
        let mut shape = self.clone();
        match &mut shape {
            Shape::Rect { rect, .. } => {
                rect.x += dx;
                rect.y += dy;
            }
            Shape::Line { from, to, .. } => {
                *from = (from.0 + dx, from.1 + dy);
                *to = (to.0 + dx, to.1 + dy);
            }
            Shape::Circle { centre, .. } => *centre = (centre.0 + dx, centre.1 + dy),
            Shape::Text { x, y, .. } => {
                *x += dx;
                *y += dy;
            }
        }
        shape
    }
}

/// A figure a reader can point at or focus: what it shows, where it is drawn, and the area that
/// hits it.
#[derive(Clone, Debug, PartialEq)]
pub struct Mark {
    pub observation: usize,
    pub series: Series,
    /// What is drawn: a bar, or the box around a point or span.
    pub bar: Rect,
    /// The area a pointer hits it in: at least 24 px tall, so a finger finds it.
    pub band: Rect,
}

impl Mark {
    fn centre(&self) -> (f64, f64) {
        (self.bar.x + self.bar.w / 2.0, self.bar.y + self.bar.h / 2.0)
    }
}

#[derive(Clone, Debug, PartialEq)]
pub struct Scene {
    pub width: f64,
    pub height: f64,
    pub shapes: Vec<Shape>,
    /// In reading order, which is also the order arrow keys move through them.
    pub marks: Vec<Mark>,
    /// Where marks may be drawn: each plot area, between its axes.
    pub plots: Vec<Rect>,
}

/// Where the active mark's highlight goes, drawn on a layer over the chart so that moving it
/// never repaints the chart: a tinted band across the mark's row and a ring around its bar.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Highlight {
    pub band: Rect,
    pub ring: Rect,
    /// Thicker, and further from the bar, for keyboard focus.
    pub ring_width: f64,
}

impl Scene {
    /// The highlight of a mark, for the pointer or (`focused`) the keyboard.
    pub fn highlight(&self, mark: usize, focused: bool) -> Option<Highlight> {
        let mark = self.marks.get(mark)?;
        let (gap, ring_width) = if focused { (3.0, 3.0) } else { (1.0, 2.0) };
        let bar = mark.bar;
        let ring = Rect { x: bar.x - gap - ring_width, y: bar.y - gap - ring_width, w: bar.w + 2.0 * (gap + ring_width), h: bar.h + 2.0 * (gap + ring_width) };
        Some(Highlight { band: mark.band, ring, ring_width })
    }

    /// The mark under a point, the nearest one where hit areas meet.
    pub fn hit(&self, x: f64, y: f64) -> Option<usize> {
        let distance = |m: &Mark| {
            let (cx, cy) = m.centre();
            (cx - x).powi(2) + (cy - y).powi(2)
        };
        (0..self.marks.len())
            .filter(|&i| self.marks[i].band.contains(x, y))
            .min_by(|&a, &b| distance(&self.marks[a]).total_cmp(&distance(&self.marks[b])))
    }

    /// This scene part of the way (`t` from 0 to 1) from `before`: each mark that was there too
    /// moves from where it was, with its label; a new one grows from its axis.
    pub fn tween(&self, before: &Scene, t: f64) -> Scene {
        let t = keep_within(t, 0.0, 1.0);
        let ease = 1.0 - (1.0 - t).powi(3);
        let offsets: Vec<Option<(Rect, Rect)>> = self
            .marks
            .iter()
            .map(|m| {
                let old = before.marks.iter().find(|o| o.observation == m.observation && o.series == m.series);
                old.map(|o| (o.bar, m.bar))
            })
            .collect();
        let shapes = self
            .shapes
            .iter()
            .map(|shape| {
                let Some(mark) = shape.mark() else { return shape.clone() };
                let Some(Some((old, new))) = offsets.get(mark) else { return grown(shape, ease) };
                let lerp = |a: f64, b: f64| a + (b - a) * ease;
                let (dx, dy) = (lerp(old.right(), new.right()) - new.right(), lerp(old.y, new.y) - new.y);
                match shape {
                    Shape::Rect { rect, .. } if rect.y == new.y && rect.h == new.h => {
                        let mut moved = shape.moved(0.0, dy);
                        if let Shape::Rect { rect, .. } = &mut moved {
                            rect.x = lerp(old.x, new.x);
                            rect.w = lerp(old.right(), new.right()) - rect.x;
                        }
                        moved
                    }
                    _ => shape.moved(dx, dy),
                }
            })
            .collect();
        Scene { shapes, marks: self.marks.clone(), plots: self.plots.clone(), ..*self }
    }

    /// Each text with the box it is drawn in, for checking that none overlap or leave the chart.
    pub fn text_boxes(&self, measure: &dyn TextMeasure) -> Vec<(&str, Rect)> {
        self.shapes
            .iter()
            .filter_map(|shape| match shape {
                Shape::Text { x, y, text, role, align, .. } => {
                    let w = measure.width(text, *role);
                    let left = match align {
                        Align::Start => *x,
                        Align::Center => x - w / 2.0,
                        Align::End => x - w,
                    };
                    let h = role.size();
                    Some((text.as_str(), Rect { x: left, y: y - h / 2.0, w, h }))
                }
                _ => None,
            })
            .collect()
    }
}

/// A mark new in this scene grows from its start (bars) or fades in place (anything else).
fn grown(shape: &Shape, ease: f64) -> Shape {
    match shape {
        Shape::Rect { rect, fill, stroke, mark } => {
            Shape::Rect { rect: Rect { w: rect.w * ease, ..*rect }, fill: *fill, stroke: *stroke, mark: *mark }
        }
        other => other.clone(),
    }
}

/// Splits text into lines no wider than `max`, breaking between words (inside a word only
/// when the word alone is too wide).
pub fn wrap(text: &str, role: TextRole, max: f64, measure: &dyn TextMeasure) -> Vec<String> {
    let mut lines: Vec<String> = Vec::new();
    let mut line = String::new();
    for word in text.split(' ') {
        let candidate = if line.is_empty() { word.to_string() } else { format!("{line} {word}") };
        if measure.width(&candidate, role) <= max || line.is_empty() && measure.width(word, role) <= max {
            line = candidate;
            continue;
        }
        if !line.is_empty() {
            lines.push(std::mem::take(&mut line));
        }
        for c in word.chars() {
            let mut longer = line.clone();
            longer.push(c);
            if !line.is_empty() && measure.width(&longer, role) > max {
                lines.push(std::mem::replace(&mut line, String::from(c)));
            } else {
                line = longer;
            }
        }
    }
    lines.push(line);
    lines
}

/// `value` moved into `low..=high`; where the range is empty (a box wider than its room),
/// `high` wins, where `f64::clamp` would panic.
pub fn keep_within(value: f64, low: f64, high: f64) -> f64 {
    value.max(low).min(high)
}

/// A round step for about `count` ticks up to `max` (at least 1): 1, 2, 2.5 or 5 times a
/// power of ten.
fn tick_step(max: f64, count: usize) -> f64 {
    let raw = max / count.max(1) as f64;
    let power = power_of_ten_within(raw);
    [1.0, 2.0, 2.5, 5.0, 10.0].iter().map(|m| m * power).find(|&s| s >= raw).unwrap_or(10.0 * power)
}

/// The largest power of ten not above `value` (positive and finite), found by steps of ten:
/// exact where `10^floor(log10 x)` is not (`log10(1000)` may come out just under 3).
fn power_of_ten_within(value: f64) -> f64 {
    let mut power = 1.0;
    // The bounds only stop the loops for values that are none of these.
    while power * 10.0 <= value && power.is_finite() {
        power *= 10.0;
    }
    while power > value && power > 0.0 {
        power /= 10.0;
    }
    power
}

/// A value axis that fits `count_room` labels: its step and its top, a whole number of steps.
fn value_axis(top_value: f64, length: f64, locale: &dyn Locale, measure: &dyn TextMeasure) -> (f64, f64) {
    let label_width = measure.width(&locale.format(top_value * 10.0), TextRole::Tick) + 12.0;
    let step = tick_step(top_value.max(1.0), ((length / label_width) as usize).clamp(1, 6));
    (step, (top_value / step).ceil().max(1.0) * step)
}

/// Where the next shapes go, and the shapes so far.
struct Pen<'a> {
    shapes: Vec<Shape>,
    measure: &'a dyn TextMeasure,
    y: f64,
    pad: f64,
    width: f64,
}

impl Pen<'_> {
    fn inner(&self) -> f64 {
        self.width - 2.0 * self.pad
    }

    fn text(&mut self, x: f64, y: f64, text: impl Into<String>, role: TextRole, paint: Paint, align: Align) {
        self.shapes.push(Shape::Text { x, y, text: text.into(), role, paint, align, mark: None });
    }

    fn mark_text(&mut self, x: f64, y: f64, text: impl Into<String>, role: TextRole, mark: usize) {
        self.shapes.push(Shape::Text { x, y, text: text.into(), role, paint: Paint::Ink, align: Align::Start, mark: Some(mark) });
    }

    /// Writes wrapped lines at the pen's height and moves the pen below them.
    fn paragraph(&mut self, x: f64, max: f64, text: &str, role: TextRole, paint: Paint) {
        for line in wrap(text, role, max, self.measure) {
            let y = self.y + role.line_height() / 2.0;
            self.text(x, y, line, role, paint, Align::Start);
            self.y += role.line_height();
        }
    }

    /// A full-width header over a group or panel, on a knockout so gridlines do not cross it.
    fn header(&mut self, text: &str) {
        self.y += 4.0;
        let (pad, width, inner) = (self.pad, self.width, self.inner());
        self.shapes.push(Shape::Line { from: (pad, self.y), to: (width - pad, self.y), paint: Paint::Grid, width: 1.0, mark: None });
        self.y += 4.0;
        let lines = wrap(text, TextRole::GroupHeader, inner, self.measure).len() as f64;
        let knockout = Rect { x: pad, y: self.y, w: inner, h: lines * TextRole::GroupHeader.line_height() };
        self.shapes.push(Shape::Rect { rect: knockout, fill: Paint::Background, stroke: None, mark: None });
        self.paragraph(pad, inner, text, TextRole::GroupHeader, Paint::Ink);
        self.y += 2.0;
    }

    /// Title, subtitle and the colour legend, one entry a line.
    fn top(&mut self, chart: &Chart) {
        let (pad, inner) = (self.pad, self.inner());
        self.paragraph(pad, inner, &chart.title, TextRole::Title, Paint::Ink);
        self.y += 2.0;
        self.paragraph(pad, inner, &chart.subtitle, TextRole::Subtitle, Paint::Muted);
        if let Some(note) = &chart.not_drawn {
            self.y += 4.0;
            self.paragraph(pad, inner, note, TextRole::Note, Paint::Ink);
        }
        for (tone, text) in &chart.legend {
            self.y += 4.0;
            let (fill, stroke) = Paint::of_tone(*tone);
            let line = TextRole::Note.line_height();
            self.shapes.push(Shape::Rect { rect: Rect { x: pad, y: self.y + (line - 12.0) / 2.0, w: 12.0, h: 12.0 }, fill, stroke, mark: None });
            self.paragraph(pad + 18.0, inner - 18.0, text, TextRole::Note, Paint::Ink);
        }
        self.y += 10.0;
    }

    /// The key to the signs on the figures, then the sources.
    fn bottom(&mut self, chart: &Chart) {
        let (pad, inner) = (self.pad, self.inner());
        self.y += 6.0;
        for line in &chart.key {
            self.paragraph(pad, inner, line, TextRole::Note, Paint::Muted);
        }
        self.paragraph(pad, inner, &chart.sources, TextRole::Note, Paint::Muted);
    }
}

/// Lays a chart out at a width in CSS pixels; the height follows from the content.
pub fn layout(chart: &Chart, width: f64, measure: &dyn TextMeasure, locale: &dyn Locale) -> Scene {
    let width = width.max(240.0);
    let pad = if width < 480.0 { 10.0 } else { 16.0 };
    let mut pen = Pen { shapes: Vec::new(), measure, y: pad, pad, width };
    pen.top(chart);
    let (marks, plots) = match &chart.body {
        Body::Bars(_) => bars::layout(&mut pen, chart, locale),
        Body::Timeline(panels) => timeline::layout(&mut pen, chart, panels, locale),
    };
    pen.bottom(chart);
    Scene { width, height: (pen.y + pad).ceil(), shapes: pen.shapes, marks, plots }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ticks_step_by_round_numbers() {
        assert_eq!(tick_step(27400.0, 6), 5000.0);
        assert_eq!(tick_step(1000.0, 1), 1000.0);
        assert_eq!(tick_step(900.0, 4), 250.0);
        assert_eq!(tick_step(1.0, 6), 0.2);
        assert_eq!(tick_step(1e12, 4), 2.5e11);
        assert_eq!(power_of_ten_within(1e-3), 1e-3);
    }
}
