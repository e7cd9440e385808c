//! Geometry of a chart in CSS pixels: every shape to draw and every mark a pointer or key can
//! hit, computed once from a `Chart`, a width and a way to measure text.

use crate::chart::{Bar, Chart, Series};
use crate::format::NumberFormat;

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
}

/// What a piece of text is, which fixes its size and weight.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
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

    /// The CSS font for this role at a scale, as canvas and measurement both use it.
    pub fn css_font(self, scale: f64) -> String {
        let style = if self.bold() { "bold " } else if self.italic() { "italic " } else { "" };
        format!("{style}{}px {FONT_FAMILY}", self.size() * scale)
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
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Align {
    Start,
    Center,
    End,
}

#[derive(Clone, Debug, PartialEq)]
pub enum Shape {
    Rect { rect: Rect, fill: Paint, stroke: Option<Paint> },
    Line { from: (f64, f64), to: (f64, f64), paint: Paint },
    /// Text centred vertically on `y`.
    Text { x: f64, y: f64, text: String, role: TextRole, paint: Paint, align: Align },
}

/// A bar a reader can point at: what it shows, where it is drawn, and the band that hits it.
#[derive(Clone, Debug, PartialEq)]
pub struct Mark {
    pub observation: usize,
    pub series: Series,
    pub bar: Rect,
    /// The full-width strip of the bar's line: at least 24 px tall, so a finger finds it.
    pub band: Rect,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Scene {
    pub width: f64,
    pub height: f64,
    pub shapes: Vec<Shape>,
    pub marks: Vec<Mark>,
    /// Where bars may be drawn: from the value axis to the start of the widest value label.
    pub plot: Rect,
}

impl Scene {
    /// The mark under a point, if any.
    pub fn hit(&self, x: f64, y: f64) -> Option<usize> {
        self.marks.iter().position(|m| m.band.contains(x, y))
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

const LINE_PITCH: f64 = 24.0;
const BAR_THICKNESS: f64 = 16.0;
const ROW_GAP: f64 = 6.0;
const VALUE_GAP: f64 = 6.0;
/// Below this width row labels go above their bars instead of beside them.
const NARROW: f64 = 560.0;

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
            let longer = format!("{line}{c}");
            if !line.is_empty() && measure.width(&longer, role) > max {
                lines.push(std::mem::replace(&mut line, c.to_string()));
            } else {
                line = longer;
            }
        }
    }
    lines.push(line);
    lines
}

/// A round step for about `count` ticks up to `max`: 1, 2, 2.5 or 5 times a power of ten.
fn tick_step(max: f64, count: usize) -> f64 {
    let raw = max / count.max(1) as f64;
    let power = 10f64.powf(raw.log10().floor());
    [1.0, 2.0, 2.5, 5.0, 10.0].iter().map(|m| m * power).find(|&s| s >= raw).unwrap_or(10.0 * power)
}

struct Pen<'a> {
    shapes: Vec<Shape>,
    measure: &'a dyn TextMeasure,
    y: f64,
}

impl Pen<'_> {
    fn text(&mut self, x: f64, y: f64, text: impl Into<String>, role: TextRole, paint: Paint, align: Align) {
        self.shapes.push(Shape::Text { x, y, text: text.into(), role, paint, align });
    }

    /// Writes wrapped lines at the pen's height and moves the pen below them.
    fn paragraph(&mut self, x: f64, max: f64, text: &str, role: TextRole, paint: Paint) {
        for line in wrap(text, role, max, self.measure) {
            let y = self.y + role.line_height() / 2.0;
            self.text(x, y, line, role, paint, Align::Start);
            self.y += role.line_height();
        }
    }
}

/// Lays a chart out at a width in CSS pixels; the height follows from the content.
pub fn layout(chart: &Chart, width: f64, measure: &dyn TextMeasure, numbers: &dyn NumberFormat) -> Scene {
    let width = width.max(240.0);
    let pad = if width < 480.0 { 10.0 } else { 16.0 };
    let inner = width - 2.0 * pad;
    let narrow = width < NARROW;
    let mut pen = Pen { shapes: Vec::new(), measure, y: pad };
    pen.paragraph(pad, inner, &chart.title, TextRole::Title, Paint::Ink);
    pen.y += 2.0;
    pen.paragraph(pad, inner, &chart.subtitle, TextRole::Subtitle, Paint::Muted);
    legend(&mut pen, chart, pad, inner);
    pen.y += 10.0;

    let rows = chart.groups.iter().flat_map(|g| &g.rows);
    let widest_label = rows.clone().map(|r| measure.width(&r.label, TextRole::RowLabel)).fold(0.0, f64::max);
    let label_width = if narrow { 0.0 } else { widest_label.min(inner * 0.38).ceil() };
    let value_width = chart.bars().map(|b| measure.width(&b.label, TextRole::Value)).fold(0.0, f64::max).ceil();
    let bar_x = pad + if narrow { 0.0 } else { label_width + 12.0 };
    let plot_width = (width - pad - bar_x - value_width - VALUE_GAP).max(24.0);
    let top_value = chart.bars().map(|b| b.end).fold(0.0, f64::max);
    let tick_width = measure.width(&numbers.format(top_value * 10.0), TextRole::Tick) + 12.0;
    let step = tick_step(top_value.max(1.0), ((plot_width / tick_width) as usize).clamp(1, 6));
    let axis_max = (top_value / step).ceil().max(1.0) * step;
    let x_of = |v: f64| bar_x + v / axis_max * plot_width;

    let plot_top = pen.y;
    let mut marks = Vec::new();
    for group in &chart.groups {
        if let Some(header) = &group.header {
            pen.y += 4.0;
            pen.shapes.push(Shape::Line { from: (pad, pen.y), to: (width - pad, pen.y), paint: Paint::Grid });
            pen.y += 4.0;
            let lines = wrap(header, TextRole::GroupHeader, inner, measure).len() as f64;
            // A knockout behind the header keeps the gridlines from running through its words.
            let knockout = Rect { x: pad, y: pen.y, w: inner, h: lines * TextRole::GroupHeader.line_height() };
            pen.shapes.push(Shape::Rect { rect: knockout, fill: Paint::Background, stroke: None });
            pen.paragraph(pad, inner, header, TextRole::GroupHeader, Paint::Ink);
            pen.y += 2.0;
        }
        for row in &group.rows {
            let label_lines = wrap(&row.label, TextRole::RowLabel, if narrow { inner } else { label_width }, measure);
            let label_height = label_lines.len() as f64 * TextRole::RowLabel.line_height();
            let row_top = pen.y;
            let bars_top = if narrow { row_top + label_height } else { row_top };
            for (i, line) in label_lines.into_iter().enumerate() {
                let y = row_top + (i as f64 + 0.5) * TextRole::RowLabel.line_height() + if narrow { 0.0 } else { 4.0 };
                pen.text(pad, y, line, TextRole::RowLabel, Paint::Ink, Align::Start);
            }
            let lines: Vec<Option<&Bar>> = std::iter::once(row.current.as_ref()).chain(row.plan.as_ref().map(Some)).collect();
            for (i, bar) in lines.iter().enumerate() {
                let band = Rect { x: pad, y: bars_top + i as f64 * LINE_PITCH, w: inner, h: LINE_PITCH };
                let middle = band.y + LINE_PITCH / 2.0;
                let Some(bar) = bar else {
                    pen.text(bar_x, middle, chart.missing_text.clone(), TextRole::Missing, Paint::Muted, Align::Start);
                    continue;
                };
                let rect = Rect { x: bar_x, y: middle - BAR_THICKNESS / 2.0, w: x_of(bar.end) - bar_x, h: BAR_THICKNESS };
                let (fill, stroke) = match bar.series {
                    Series::Current => (Paint::Current, None),
                    Series::Plan => (Paint::PlanFill, Some(Paint::Plan)),
                };
                pen.shapes.push(Shape::Rect { rect, fill, stroke });
                pen.text(rect.right() + VALUE_GAP, middle, bar.label.clone(), TextRole::Value, Paint::Ink, Align::Start);
                marks.push(Mark { observation: bar.observation, series: bar.series, bar: rect, band });
            }
            let bars_height = lines.len() as f64 * LINE_PITCH;
            pen.y = if narrow { bars_top + bars_height } else { row_top + bars_height.max(label_height + 8.0) } + ROW_GAP;
        }
    }
    let plot = Rect { x: bar_x, y: plot_top, w: plot_width, h: pen.y - plot_top };
    if top_value > 0.0 {
        axis(&mut pen, &plot, step, axis_max, numbers);
    }
    pen.y += 6.0;
    if !chart.key.is_empty() {
        pen.paragraph(pad, inner, &chart.key.join(" · "), TextRole::Note, Paint::Muted);
    }
    pen.paragraph(pad, inner, &chart.sources, TextRole::Note, Paint::Muted);
    Scene { width, height: (pen.y + pad).ceil(), shapes: pen.shapes, marks, plot }
}

/// Gridlines behind the bars and tick labels under them, each label clear of its neighbours.
fn axis(pen: &mut Pen, plot: &Rect, step: f64, axis_max: f64, numbers: &dyn NumberFormat) {
    let ticks = (axis_max / step).round() as usize;
    let label_y = plot.bottom() + TextRole::Tick.line_height() / 2.0 + 2.0;
    let mut grid = Vec::new();
    for i in 0..=ticks {
        let value = step * i as f64;
        let x = plot.x + value / axis_max * plot.w;
        let paint = if i == 0 { Paint::Axis } else { Paint::Grid };
        grid.push(Shape::Line { from: (x, plot.y), to: (x, plot.bottom()), paint });
        let align = if i == 0 { Align::Start } else { Align::Center };
        pen.text(x, label_y, numbers.format(value), TextRole::Tick, Paint::Muted, align);
    }
    // Gridlines go first so that bars and labels are drawn over them.
    pen.shapes.splice(0..0, grid);
    pen.y = plot.bottom() + TextRole::Tick.line_height() + 4.0;
}

/// Swatches that say what each series' colour means, one entry a line.
fn legend(pen: &mut Pen, chart: &Chart, pad: f64, inner: f64) {
    for (series, text) in &chart.legend {
        pen.y += 4.0;
        let (fill, stroke) = match series {
            Series::Current => (Paint::Current, None),
            Series::Plan => (Paint::PlanFill, Some(Paint::Plan)),
        };
        let line = TextRole::Note.line_height();
        pen.shapes.push(Shape::Rect { rect: Rect { x: pad, y: pen.y + (line - 12.0) / 2.0, w: 12.0, h: 12.0 }, fill, stroke });
        pen.paragraph(pad + 18.0, inner - 18.0, text, TextRole::Note, Paint::Ink);
    }
}
