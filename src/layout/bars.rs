//! Horizontal bars: a label column, bars from a shared value axis, values after the bars.
//! Below 560 px the labels go above their bars so that bars keep their room.

use super::{value_axis, Align, Mark, Paint, Pen, Rect, Shape, TextRole};
use crate::chart::{Bar, Chart, Row};
use crate::format::Locale;

const LINE_PITCH: f64 = 24.0;
const BAR_THICKNESS: f64 = 16.0;
const ROW_GAP: f64 = 6.0;
const VALUE_GAP: f64 = 6.0;
const NARROW: f64 = 560.0;

/// Column positions shared by every row.
struct Columns {
    narrow: bool,
    value_width: f64,
    label_width: f64,
    bar_x: f64,
    plot_width: f64,
    axis_max: f64,
    step: f64,
}

impl Columns {
    fn new(pen: &Pen, chart: &Chart, locale: &dyn Locale) -> Columns {
        let (pad, inner) = (pen.pad, pen.inner());
        let narrow = pen.width < NARROW;
        let widest_label = chart.drawn_rows().map(|r| pen.measure.width(&r.label, TextRole::RowLabel)).fold(0.0, f64::max);
        let label_width = if narrow { 0.0 } else { widest_label.min(inner * 0.38).ceil() };
        // Value labels get at most this share of the width; longer ones wrap.
        let value_room = inner * if narrow { 0.6 } else { 0.4 };
        let value_width = match chart.value_labels {
            true => chart.drawn_rows().flat_map(Row::bars).map(|b| pen.measure.width(&b.label, TextRole::Value)).fold(0.0, f64::max).min(value_room).ceil() + VALUE_GAP,
            false => 0.0,
        };
        let bar_x = pad + if narrow { 0.0 } else { label_width + 12.0 };
        let top_value = chart.drawn_rows().flat_map(Row::bars).map(|b| b.end).fold(0.0, f64::max);
        // The last tick's label is centred on the plot's end: half of it must fit past it.
        let half_tick = pen.measure.width(&locale.format(top_value * 10.0), TextRole::Tick) / 2.0;
        let plot_width = (pen.width - pad - bar_x - value_width.max(half_tick)).max(24.0);
        let (step, axis_max) = value_axis(top_value, plot_width, locale, pen.measure);
        Columns { narrow, value_width, label_width, bar_x, plot_width, axis_max, step }
    }

    fn x_of(&self, value: f64) -> f64 {
        self.bar_x + value / self.axis_max * self.plot_width
    }
}

pub(super) fn layout(pen: &mut Pen, chart: &Chart, locale: &dyn Locale) -> (Vec<Mark>, Vec<Rect>) {
    let columns = Columns::new(pen, chart, locale);
    let plot_top = pen.y;
    let mut marks = Vec::new();
    for (group, rows) in chart.drawn_groups() {
        if let Some(header) = &group.header {
            pen.header(header);
        }
        for row in rows {
            let inner = pen.inner();
            let label_lines = super::wrap(&row.label, TextRole::RowLabel, if columns.narrow { inner } else { columns.label_width }, pen.measure);
            let label_height = label_lines.len() as f64 * TextRole::RowLabel.line_height();
            let row_top = pen.y;
            let bars_top = if columns.narrow { row_top + label_height } else { row_top };
            for (i, line) in label_lines.into_iter().enumerate() {
                let y = row_top + (i as f64 + 0.5) * TextRole::RowLabel.line_height() + if columns.narrow { 0.0 } else { 4.0 };
                pen.text(pen.pad, y, line, TextRole::RowLabel, Paint::Ink, Align::Start);
            }
            let lines: Vec<Option<&Bar>> = std::iter::once(row.current.as_ref()).chain(row.plan.as_ref().map(Some)).collect();
            let mut line_top = bars_top;
            for bar in lines {
                match bar {
                    Some(bar) => {
                        let mark = draw_bar(pen, chart, &columns, bar, line_top, marks.len());
                        line_top = mark.band.bottom();
                        marks.push(mark);
                    }
                    None => {
                        let middle = line_top + LINE_PITCH / 2.0;
                        pen.text(columns.bar_x + 4.0, middle, chart.missing_text.clone(), TextRole::Missing, Paint::Muted, Align::Start);
                        line_top += LINE_PITCH;
                    }
                }
            }
            let bars_height = line_top - bars_top;
            pen.y = ROW_GAP + match columns.narrow {
                true => bars_top + bars_height,
                false => row_top + bars_height.max(label_height + 8.0),
            };
        }
    }
    let plot = Rect { x: columns.bar_x, y: plot_top, w: columns.plot_width, h: pen.y - plot_top };
    if chart.bars().next().is_some() {
        axis(pen, &plot, columns.step, columns.axis_max, locale);
    }
    (marks, vec![plot])
}

/// A bar on the line starting at `top`, its value label after it (wrapped when long; the line
/// then grows to hold it).
fn draw_bar(pen: &mut Pen, chart: &Chart, columns: &Columns, bar: &Bar, top: f64, index: usize) -> Mark {
    let middle = top + LINE_PITCH / 2.0;
    let rect = Rect { x: columns.bar_x, y: middle - BAR_THICKNESS / 2.0, w: columns.x_of(bar.end) - columns.bar_x, h: BAR_THICKNESS };
    let (fill, stroke) = Paint::of_tone(bar.tone);
    pen.shapes.push(Shape::Rect { rect, fill, stroke, mark: Some(index) });
    let mut height = LINE_PITCH;
    if chart.value_labels {
        let lines = super::wrap(&bar.label, TextRole::Value, columns.value_width - VALUE_GAP, pen.measure);
        height += (lines.len() - 1) as f64 * TextRole::Value.line_height();
        for (i, line) in lines.into_iter().enumerate() {
            pen.mark_text(rect.right() + VALUE_GAP, middle + i as f64 * TextRole::Value.line_height(), line, TextRole::Value, index);
        }
    }
    let band = Rect { x: pen.pad, y: top, w: pen.inner(), h: height };
    Mark { observation: bar.observation, series: bar.series, bar: rect, band }
}

/// Gridlines behind the bars and tick labels under them, each label clear of its neighbours.
fn axis(pen: &mut Pen, plot: &Rect, step: f64, axis_max: f64, locale: &dyn Locale) {
    let ticks = (axis_max / step).round() as usize;
    let label_y = plot.bottom() + TextRole::Tick.line_height() / 2.0 + 2.0;
    let mut grid = Vec::new();
    for i in 0..=ticks {
        let value = step * i as f64;
        let x = plot.x + value / axis_max * plot.w;
        let paint = if i == 0 { Paint::Axis } else { Paint::Grid };
        grid.push(Shape::Line { from: (x, plot.y), to: (x, plot.bottom()), paint, width: 1.0, mark: None });
        let align = if i == 0 { Align::Start } else { Align::Center };
        pen.text(x, label_y, locale.format(value), TextRole::Tick, Paint::Muted, align);
    }
    // Gridlines go first so that bars and labels are drawn over them.
    pen.shapes.splice(0..0, grid);
    pen.y = plot.bottom() + TextRole::Tick.line_height() + 4.0;
}
