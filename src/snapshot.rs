//! The prerendered first paint: the chart a page opens with, drawn at build time by the same
//! layout and drawing code as the live canvas (through plotters' SVG backend), for each view and
//! language, at the figure widths readers' screens give, in the light theme; the stylesheet
//! turns it dark. Beside each chart go its marks' highlights and hit areas, so that the page
//! answers a pointer before the wasm has come. The page shows the one that fits its figure until
//! the wasm draws the live chart in its place (docs/ARCHITECTURE.md).

use crate::chart::{self, Query, View};
use crate::dataset::Dataset;
use crate::format::PlainLocale;
use crate::lang::Lang;
use crate::layout::{self, EstimatedText, Paint, Rect, Scene, FONT_FAMILY};
use crate::render;
use crate::theme::Theme;

/// The figure widths prerendered, in CSS pixels: the explorer page's figure (the window less the
/// explorer's 12 px padding each side) on common phones (320 to 430 px wide), tablets (768, 820),
/// a 1000 px window with and without a 15 px scrollbar, and the explorer's widest (1100 px).
/// Between two of them the narrower one is shown, and the live chart stretches its bars to the
/// figure when it takes over.
pub const WIDTHS: [u32; 13] = [296, 336, 351, 366, 369, 388, 390, 406, 744, 796, 961, 976, 1076];

/// The chart of `view` in `lang` laid out at `width` as the live explorer lays it out in its own
/// fonts, so that the live chart replaces the snapshot without anything moving. None when the
/// dataset has no figures for the view.
pub fn scene(data: &Dataset, view: View, lang: Lang, width: u32) -> Option<Scene> {
    let locale = PlainLocale(lang);
    let chart = chart::build(data, Query { view, value_labels: true, ..Query::default() }, lang, &locale)?;
    Some(layout::layout(&chart, f64::from(width), &EstimatedText, &locale))
}

/// A rectangle as the snapshot's attributes give it: "x y width height" in CSS pixels.
fn rect_attribute(rect: &Rect) -> String {
    format!("{} {} {} {}", rect.x, rect.y, rect.w, rect.h)
}

/// The snapshot of a scene laid out at `width`, as the pages hold it: the chart, drawn light
/// (`dark_rules` darkens it), then for each mark in the scene's order its highlight, drawn by the
/// live chart's own code, with the area a pointer hits it in and its bar, from which the page's
/// first script (`www/snapshot-pointer.js`) answers a pointer as the live chart does.
pub fn snap(scene: &Scene, width: u32) -> String {
    let mut html = format!("<div class=\"tx-snap\" data-width=\"{width}\">{}", render::to_svg(scene, Theme::Light, FONT_FAMILY));
    for (index, mark) in scene.marks.iter().enumerate() {
        let Some(highlight) = scene.highlight(index, false) else { continue };
        html.push_str(&format!(
            "<div class=\"tx-lit\" data-band=\"{}\" data-bar=\"{}\">{}</div>",
            rect_attribute(&mark.band),
            rect_attribute(&mark.bar),
            render::highlight_to_svg(scene, &highlight, Theme::Light)
        ));
    }
    html + "</div>"
}

/// Each width with the figure widths it is shown at: from it (from 0 for the narrowest, shown
/// scaled down below its width) to the next one.
fn ranges() -> impl Iterator<Item = (u32, u32, Option<u32>)> {
    WIDTHS.iter().enumerate().map(|(i, &width)| (width, if i == 0 { 0 } else { width }, WIDTHS.get(i + 1).copied()))
}

/// The stylesheet rules that show, of a snapshot's widths, the widest that fits its figure (a
/// container query, so the element in a host's column picks by its own width, not the window's).
pub fn width_rules() -> String {
    let mut css = String::from(".tx-snap { display: none; }\n");
    for (width, from, below) in ranges() {
        let below = below.map(|next| format!(" and (width < {next}px)")).unwrap_or_default();
        css.push_str(&format!("@container tx-figure (width >= {from}px){below} {{ .tx-snap[data-width=\"{width}\"] {{ display: block; }} }}\n"));
    }
    css
}

/// Every paint a chart is drawn with.
fn paints() -> impl Iterator<Item = Paint> {
    [Paint::Ink, Paint::Muted, Paint::Grid, Paint::Axis, Paint::Current, Paint::Plan, Paint::PlanFill, Paint::Background]
        .into_iter()
        .chain((0..8).map(Paint::Category))
}

/// A colour as plotters' SVG backend writes it.
fn svg_colour((r, g, b): (u8, u8, u8)) -> String {
    format!("#{r:02X}{g:02X}{b:02X}")
}

/// Each light colour of the charts with its dark one, once each.
fn dark_colours() -> Vec<(String, String)> {
    let mut pairs: Vec<(String, String)> = paints().map(|p| (svg_colour(Theme::Light.colour(p)), svg_colour(Theme::Dark.colour(p)))).collect();
    pairs.sort();
    pairs.dedup();
    pairs
}

/// The stylesheet rules that draw a light snapshot in the dark theme: each of its colours, as
/// a fill or an outline, becomes the dark theme's colour for the same paint.
pub fn dark_rules() -> String {
    let dark = r#":is(html[data-tx-theme="dark"] .tx-explorer:not([data-theme]), .tx-explorer[data-theme="dark"]) .tx-snap"#;
    dark_colours()
        .into_iter()
        .flat_map(|(light, dark_colour)| ["fill", "stroke"].map(|property| format!("{dark} [{property}=\"{light}\"] {{ {property}: {dark_colour}; }}\n")))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn each_figure_width_shows_exactly_one_snapshot() {
        for width in [0, 200, 296, 335, 336, 388, 389, 390, 960, 961, 1076, 5000] {
            let shown = ranges().filter(|&(_, from, below)| from <= width && below.is_none_or(|b| width < b)).count();
            assert_eq!(shown, 1, "figure {width} px wide");
        }
        let rules = width_rules();
        assert_eq!(rules.matches("@container").count(), WIDTHS.len());
        assert!(rules.contains("(width >= 388px) and (width < 390px) { .tx-snap[data-width=\"388\"] { display: block; } }"));
        assert!(rules.contains("(width >= 1076px) { .tx-snap[data-width=\"1076\"]"));
    }

    fn embedded() -> Dataset {
        Dataset::parse(crate::EMBEDDED_DATASET).expect("the embedded dataset is valid")
    }

    /// The numbers of a rectangle attribute.
    fn numbers(attribute: &str) -> Vec<f64> {
        attribute.split(' ').map(|n| n.parse().expect("a number")).collect()
    }

    #[test]
    fn a_snapshot_is_the_chart_at_that_width_with_each_marks_highlight_and_areas() {
        let scene = scene(&embedded(), View::Sites, Lang::Ru, 388).expect("a chart of sites");
        let html = snap(&scene, 388);
        assert!(html.starts_with("<div class=\"tx-snap\" data-width=\"388\"><svg width=\"388\""));
        assert!(html.contains("Численность работающих"));
        let lits: Vec<&str> = html.split("<div class=\"tx-lit\" ").skip(1).collect();
        assert_eq!(lits.len(), scene.marks.len());
        for (lit, mark) in lits.iter().zip(&scene.marks) {
            let attribute = |name: &str| numbers(lit.split(&format!("{name}=\"")).nth(1).and_then(|r| r.split('"').next()).expect("the attribute"));
            assert_eq!(attribute("data-band"), [mark.band.x, mark.band.y, mark.band.w, mark.band.h]);
            assert_eq!(attribute("data-bar"), [mark.bar.x, mark.bar.y, mark.bar.w, mark.bar.h]);
            assert!(lit.contains("<svg width=\"388\""), "the highlight is laid over the whole chart");
            assert!(lit.contains("opacity=\"0.12\""), "the tint across the row");
        }
    }

    /// What the stylesheet does to a light snapshot in the dark theme.
    fn darkened(svg: &str) -> String {
        let pairs = dark_colours();
        let mut out = String::new();
        let mut rest = svg;
        while let Some(at) = rest.find('#') {
            let (before, colour) = rest.split_at(at);
            out.push_str(before);
            let code = &colour[..7];
            out.push_str(pairs.iter().find(|(light, _)| light == code).map_or(code, |(_, dark)| dark.as_str()));
            rest = &colour[7..];
        }
        out + rest
    }

    #[test]
    fn the_dark_rules_turn_each_light_snapshot_and_highlight_into_the_dark_ones() {
        let data = embedded();
        for view in View::ALL {
            for width in [WIDTHS[0], 976] {
                let scene = scene(&data, view, Lang::En, width).expect("a chart");
                let [light, dark] = [Theme::Light, Theme::Dark].map(|theme| render::to_svg(&scene, theme, FONT_FAMILY));
                assert_ne!(light, dark);
                assert_eq!(darkened(&light), dark, "{view:?} at {width} px");
                let highlight = scene.highlight(0, false).expect("a mark");
                let [light, dark] = [Theme::Light, Theme::Dark].map(|theme| render::highlight_to_svg(&scene, &highlight, theme));
                assert_eq!(darkened(&light), dark, "{view:?}'s highlight at {width} px");
            }
        }
        let rules = dark_rules();
        assert!(rules.contains(r##".tx-snap [fill="#FFFFFF"] { fill: #161616; }"##));
        assert!(rules.contains(r##".tx-snap [stroke="#B35C00"] { stroke: #E69F00; }"##));
    }
}
