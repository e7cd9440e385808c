//! Figures on a time axis: one panel per measure, each with its own value axis and all sharing
//! the years. A dot marks a figure as of a date; a span with a dot at its end marks a figure
//! counted over a period. Value labels go where they collide with nothing, or are left to the
//! tooltip and table.

use super::{keep_within, tick_step, Align, Mark, Paint, Pen, Rect, Shape, TextRole};
use crate::chart::{Chart, Panel, Series};
use crate::format::Locale;
use chrono::{Datelike, NaiveDate};

const PANEL_HEIGHT: f64 = 150.0;
const DOT: f64 = 5.0;
const TOUCH: f64 = 24.0;

/// Maps dates to x across whole years, from the first figure's year to the last one's.
struct Years {
    first: i32,
    last: i32,
    x: f64,
    w: f64,
}

impl Years {
    fn x_of(&self, date: NaiveDate) -> f64 {
        let start = NaiveDate::from_ymd_opt(self.first, 1, 1).unwrap_or(NaiveDate::MIN);
        let end = NaiveDate::from_ymd_opt(self.last + 1, 1, 1).unwrap_or(NaiveDate::MAX);
        // Day numbers subtracted, not dates: chrono's date difference is the larger code.
        let day = |date: NaiveDate| f64::from(date.num_days_from_ce());
        let span = (day(end) - day(start)).max(1.0);
        self.x + (day(date) - day(start)) / span * self.w
    }

    fn year_start(&self, year: i32) -> f64 {
        self.x_of(NaiveDate::from_ymd_opt(year, 1, 1).unwrap_or(NaiveDate::MIN))
    }
}

pub(super) fn layout(pen: &mut Pen, chart: &Chart, panels: &[Panel], locale: &dyn Locale) -> (Vec<Mark>, Vec<Rect>) {
    let points = panels.iter().flat_map(|p| &p.points);
    let first = points.clone().map(|p| p.start.year()).min().unwrap_or(2000);
    let last = points.clone().map(|p| p.end.year()).max().unwrap_or(first);
    let top_label = panels.iter().map(top_of).fold(0.0, f64::max) * 10.0;
    let axis_width = pen.measure.width(&locale.format(top_label), TextRole::Tick).ceil() + 8.0;
    let years = Years { first, last, x: pen.pad + axis_width, w: pen.width - 2.0 * pen.pad - axis_width - 8.0 };
    let mut marks = Vec::new();
    let mut plots = Vec::new();
    for (n, panel) in panels.iter().enumerate() {
        pen.header(&panel.title);
        pen.y += 12.0;
        let plot = Rect { x: years.x, y: pen.y, w: years.w, h: PANEL_HEIGHT };
        let step = tick_step(top_of(panel).max(1.0), 4);
        let axis_max = (top_of(panel) / step).ceil().max(1.0) * step;
        value_grid(pen, &plot, step, axis_max, locale);
        year_axis(pen, &plot, &years);
        let y_of = |v: f64| plot.bottom() - v / axis_max * plot.h;
        let tone = if n == 0 { Paint::Current } else { Paint::Category(1) };
        let mut taken: Vec<Rect> = Vec::new();
        for point in &panel.points {
            let index = marks.len();
            let (x1, x2, y) = (years.x_of(point.start), years.x_of(point.end), y_of(point.value));
            if x2 - x1 > 1.0 {
                pen.shapes.push(Shape::Line { from: (x1, y), to: (x2, y), paint: tone, width: 3.0, mark: Some(index) });
            }
            let fill = if point.partial { None } else { Some(tone) };
            pen.shapes.push(Shape::Circle { centre: (x2, y), radius: DOT, fill, stroke: tone, mark: Some(index) });
            let bar = Rect { x: x1 - DOT, y: y - DOT, w: x2 - x1 + 2.0 * DOT, h: 2.0 * DOT };
            taken.push(bar);
            let band = Rect { x: bar.x.min(x2 - TOUCH / 2.0), y: y - TOUCH / 2.0, w: bar.w.max(TOUCH), h: TOUCH };
            marks.push(Mark { observation: point.observation, series: Series::Current, bar, band });
        }
        if chart.value_labels {
            let first = marks.len() - panel.points.len();
            for (k, point) in panel.points.iter().enumerate() {
                label_point(pen, &plot, &mut taken, point.label.clone(), &marks[first + k], first + k);
            }
        }
        pen.y = plot.bottom() + TextRole::Tick.line_height() + 10.0;
        plots.push(plot);
    }
    (marks, plots)
}

fn top_of(panel: &Panel) -> f64 {
    panel.points.iter().map(|p| p.value).fold(0.0, f64::max)
}

/// Puts a value label beside its point where it overlaps no other label or point.
fn label_point(pen: &mut Pen, plot: &Rect, taken: &mut Vec<Rect>, text: String, mark: &Mark, index: usize) {
    let width = pen.measure.width(&text, TextRole::Value);
    let height = TextRole::Value.size();
    let (right, left) = (mark.bar.right() + 4.0, mark.bar.x - 4.0 - width);
    let (above, below) = (mark.bar.y - 4.0 - height, mark.bar.bottom() + 4.0);
    for (x, y) in [(right, above), (left, above), (right, below), (left, below)] {
        let place = Rect { x, y, w: width, h: height };
        let inside = x >= plot.x && place.right() <= pen.width - pen.pad && y >= plot.y - 12.0 && place.bottom() <= plot.bottom();
        if inside && taken.iter().all(|t| !t.overlaps(&place)) {
            taken.push(place);
            pen.shapes.push(Shape::Text { x, y: y + height / 2.0, text, role: TextRole::Value, paint: Paint::Ink, align: Align::Start, mark: Some(index) });
            return;
        }
    }
}

/// Horizontal gridlines with their values at the left, drawn under the points.
fn value_grid(pen: &mut Pen, plot: &Rect, step: f64, axis_max: f64, locale: &dyn Locale) {
    let ticks = (axis_max / step).round() as usize;
    for i in 0..=ticks {
        let value = step * i as f64;
        let y = plot.bottom() - value / axis_max * plot.h;
        let paint = if i == 0 { Paint::Axis } else { Paint::Grid };
        pen.shapes.push(Shape::Line { from: (plot.x, y), to: (plot.right(), y), paint, width: 1.0, mark: None });
        pen.text(plot.x - 6.0, y, locale.format(value), TextRole::Tick, Paint::Muted, Align::End);
    }
}

/// A line at each new year and the year's number under the middle of it, every few years when
/// they do not fit.
fn year_axis(pen: &mut Pen, plot: &Rect, years: &Years) {
    let year_width = years.year_start(years.first + 1) - years.year_start(years.first);
    let label = pen.measure.width("2000", TextRole::Tick) + 6.0;
    let every = (label / year_width.max(1.0)).ceil().max(1.0) as i32;
    let y = plot.bottom() + TextRole::Tick.line_height() / 2.0 + 2.0;
    let mut free_from = plot.x;
    for year in years.first..=years.last {
        let x = years.year_start(year);
        pen.shapes.push(Shape::Line { from: (x, plot.y), to: (x, plot.bottom()), paint: Paint::Grid, width: 1.0, mark: None });
        // Centred under its year, never past the plot's ends (where the value axis's labels are),
        // and left out where it would touch the label before it.
        let centre = keep_within(x + year_width / 2.0, plot.x + label / 2.0, plot.right() - label / 2.0);
        if (year - years.first) % every == 0 && centre - label / 2.0 >= free_from {
            pen.text(centre, y, year.to_string(), TextRole::Tick, Paint::Muted, Align::Center);
            free_from = centre + label / 2.0;
        }
    }
}
