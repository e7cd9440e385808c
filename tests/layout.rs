//! Geometry: bars stay in the plot, labels never overlap or leave the chart, a pointer hits
//! exactly what is drawn under it, and the SVG drawn from the same scene carries its text and bars.

use technopolis_explorer::chart::{build, Chart, Query, Series, View};
use technopolis_explorer::dataset::Dataset;
use technopolis_explorer::format::PlainLocale;
use technopolis_explorer::interaction::{place_tooltip, Interaction, Key, Pointer, Selecting};
use technopolis_explorer::lang::Lang;
use technopolis_explorer::layout::{layout, EstimatedText, Rect, Scene, TextRole, FONT_FAMILY};
use technopolis_explorer::render::to_svg;
use technopolis_explorer::theme::Theme;
use technopolis_explorer::EMBEDDED_DATASET;

fn data() -> Dataset {
    Dataset::parse(EMBEDDED_DATASET).expect("embedded dataset is valid")
}

fn view_chart(data: &Dataset, view: View, lang: Lang) -> Chart {
    build(data, Query { view, value_labels: true, ..Query::default() }, lang, &PlainLocale(lang)).expect("figures")
}

/// Every view with each of its measures, in both languages, with and without value labels.
fn every_chart(data: &Dataset) -> Vec<(Chart, Lang)> {
    let mut charts = Vec::new();
    for view in View::ALL {
        let measures: Vec<Option<&str>> = match view.measures(data) {
            ids if ids.is_empty() => vec![None],
            ids => ids.into_iter().map(|m| Some(data.measures[m].id.as_str())).collect(),
        };
        for measure in measures {
            for lang in [Lang::Ru, Lang::En] {
                for value_labels in [true, false] {
                    let query = Query { view, measure, value_labels, ..Query::default() };
                    charts.push((build(data, query, lang, &PlainLocale(lang)).expect("figures"), lang));
                }
            }
        }
    }
    charts
}

fn scene(chart: &Chart, lang: Lang, width: f64) -> Scene {
    layout(chart, width, &EstimatedText, &PlainLocale(lang))
}

#[test]
fn bars_stay_inside_the_plot_area() {
    let data = data();
    for (chart, lang) in every_chart(&data) {
        for width in [320.0, 600.0, 1100.0] {
            let scene = scene(&chart, lang, width);
            assert_eq!(scene.marks.len(), chart.observations().len());
            for mark in &scene.marks {
                let bar = mark.bar;
                let inside = |plot: &Rect| {
                    let slack = 6.0; // a point's dot may reach past the plot by its radius
                    bar.x >= plot.x - slack && bar.right() <= plot.right() + slack && bar.y >= plot.y - slack && bar.bottom() <= plot.bottom() + slack
                };
                assert!(scene.plots.iter().any(inside), "{} at {width}: {bar:?} outside {:?}", chart.title, scene.plots);
            }
        }
    }
}

#[test]
fn no_two_labels_overlap_and_none_is_clipped() {
    let data = data();
    for (chart, lang) in every_chart(&data) {
        for width in [320.0, 480.0, 800.0, 1100.0] {
            let scene = scene(&chart, lang, width);
            let boxes = scene.text_boxes(&EstimatedText);
            for (i, (text, a)) in boxes.iter().enumerate() {
                assert!(a.x >= 0.0 && a.right() <= width + 0.01, "«{text}» clipped at width {width}: {a:?}");
                assert!(a.y >= 0.0 && a.bottom() <= scene.height, "«{text}» below the chart at width {width}");
                for (other, b) in &boxes[i + 1..] {
                    assert!(!a.overlaps(b), "«{text}» overlaps «{other}» at width {width} in {}", chart.title);
                }
            }
        }
    }
}

#[test]
fn value_labels_do_not_touch_bars() {
    let data = data();
    for (chart, lang) in every_chart(&data) {
        let scene = scene(&chart, lang, 700.0);
        let boxes = scene.text_boxes(&EstimatedText);
        for mark in &scene.marks {
            for (text, b) in &boxes {
                assert!(!mark.bar.overlaps(b), "«{text}» covers a bar in {}", chart.title);
            }
        }
    }
}

#[test]
fn a_pointer_hits_the_bar_drawn_under_it() {
    let data = data();
    for (chart, lang) in every_chart(&data) {
        let scene = scene(&chart, lang, 900.0);
        for (i, mark) in scene.marks.iter().enumerate() {
            let centre = (mark.bar.x + mark.bar.w / 2.0, mark.bar.y + mark.bar.h / 2.0);
            assert_eq!(scene.hit(centre.0, centre.1), Some(i));
            assert!(mark.band.h >= 24.0, "touch target smaller than 24 px");
        }
        assert_eq!(scene.hit(5.0, 5.0), None, "the title is not a bar");
        if chart.view != View::Timeline {
            // Points in time may sit close together (the nearest then wins); bars never share a band.
            let bands: Vec<Rect> = scene.marks.iter().map(|m| m.band).collect();
            for (i, a) in bands.iter().enumerate() {
                assert!(bands[i + 1..].iter().all(|b| !a.overlaps(b)), "hit bands overlap in {}", chart.title);
            }
        }
    }
}

#[test]
fn hover_and_tap_follow_the_pointer() {
    let data = data();
    let scene = scene(&view_chart(&data, View::Sites, Lang::Ru), Lang::Ru, 900.0);
    let bar = scene.marks[1].bar;
    let on_bar = (bar.x + 1.0, bar.y + 1.0);
    let mut state = Interaction::default();
    assert!(state.pointer_move(&scene, Pointer::Mouse, on_bar.0, on_bar.1).highlight);
    assert_eq!(state.active(), Some(1));
    assert!(!state.pointer_move(&scene, Pointer::Mouse, bar.x + 2.0, bar.y + 2.0).highlight, "same bar, no change");
    assert!(!state.pointer_move(&scene, Pointer::Touch, 1.0, 1.0).highlight, "touch has no hover");
    let first_tap = state.tap(&scene, 1.0, 1.0);
    assert_eq!((first_tap.highlight, first_tap.select), (true, Some(Selecting::Clear)), "a tap on empty space hides and clears");
    let tap = state.tap(&scene, on_bar.0, on_bar.1);
    assert_eq!((state.active(), tap.select), (Some(1), None), "the first tap shows the tooltip");
    assert_eq!(state.tap(&scene, on_bar.0, on_bar.1).select, Some(Selecting::Mark(1)), "the second tap selects");
    assert_eq!(state.click(&scene, on_bar.0, on_bar.1).select, Some(Selecting::Mark(1)));
    assert_eq!(state.click(&scene, 1.0, 1.0).select, Some(Selecting::Clear));
}

#[test]
fn the_live_chart_takes_over_the_mark_its_snapshot_showed() {
    let data = data();
    let scene = scene(&view_chart(&data, View::Sites, Lang::Ru), Lang::Ru, 900.0);
    let mut state = Interaction::default();
    assert!(state.take_over(&scene, 2).highlight);
    assert_eq!(state.active(), Some(2));
    let bar = scene.marks[2].bar;
    assert_eq!(state.tap(&scene, bar.x + 1.0, bar.y + 1.0).select, Some(Selecting::Mark(2)), "a tap on it now is the second");
    assert!(!Interaction::default().take_over(&scene, scene.marks.len()).highlight, "a mark the chart has not: none");
}

#[test]
fn the_keyboard_roves_over_every_mark() {
    let data = data();
    let scene = scene(&view_chart(&data, View::Sites, Lang::En), Lang::En, 900.0);
    let last = scene.marks.len() - 1;
    let mut state = Interaction::default();
    assert_eq!(state.key(&scene, Key::Activate), Default::default(), "Enter selects nothing before focus");
    assert!(state.key(&scene, Key::Last).announce, "an arrow or End starts the focus after a click focused the chart");
    assert_eq!(state.active(), Some(last));
    state.blur();
    assert!(state.focus(&scene, None).announce);
    assert_eq!(state.active(), Some(0));
    assert!(state.key(&scene, Key::Previous) == Default::default(), "no wrap at the start");
    let mut visited = vec![0];
    while state.key(&scene, Key::Next).announce {
        visited.push(state.active().unwrap());
    }
    assert_eq!(visited, (0..=last).collect::<Vec<_>>(), "arrows reach every mark in order");
    state.key(&scene, Key::First);
    assert_eq!(state.active(), Some(0));
    state.key(&scene, Key::Last);
    assert_eq!(state.active(), Some(last));
    assert_eq!(state.key(&scene, Key::Activate).select, Some(Selecting::Mark(last)));
    assert_eq!(state.key(&scene, Key::Escape).select, Some(Selecting::Clear));
    assert!(state.blur().highlight);
    assert_eq!(state.active(), None);
    state.focus(&scene, Some(3));
    assert_eq!(state.active(), Some(3), "focus returns to the selected mark");
    assert_eq!(Key::parse("ArrowDown"), Some(Key::Next));
    assert_eq!(Key::parse("Tab"), None, "Tab leaves the chart: no keyboard trap");
}

#[test]
fn tooltips_stay_inside_their_container() {
    let bar = Rect { x: 200.0, y: 40.0, w: 500.0, h: 16.0 };
    let (x, y) = place_tooltip(&bar, (300.0, 120.0), (800.0, 600.0));
    assert!(x >= 0.0 && x + 300.0 <= 800.0 && y >= 0.0 && y + 120.0 <= 600.0);
    assert!(y >= bar.bottom(), "no room to the right, so it goes below the bar");
    let short = Rect { x: 200.0, y: 40.0, w: 50.0, h: 16.0 };
    assert_eq!(place_tooltip(&short, (300.0, 120.0), (800.0, 600.0)).0, short.right() + 8.0);
    let low = Rect { x: 10.0, y: 560.0, w: 700.0, h: 16.0 };
    let (_, y) = place_tooltip(&low, (300.0, 120.0), (800.0, 600.0));
    assert!(y + 120.0 <= low.y, "near the bottom it goes above the bar");
}

/// The texts of an SVG document's `<text>` elements, unescaped.
fn svg_texts(svg: &str) -> Vec<String> {
    let unescape = |t: &str| t.trim().replace("&gt;", ">").replace("&lt;", "<").replace("&amp;", "&");
    svg.split("<text").skip(1).filter_map(|t| Some(unescape(t.split_once('>')?.1.split_once("</text>")?.0))).collect()
}

#[test]
fn the_svg_of_each_view_carries_its_title_figures_and_bars() {
    let data = data();
    let sites = view_chart(&data, View::Sites, Lang::Ru);
    let svg = to_svg(&scene(&sites, Lang::Ru, 900.0), Theme::Light, FONT_FAMILY);
    let texts = svg_texts(&svg);
    assert!(texts.contains(&sites.title), "title missing from {texts:?}");
    assert!(texts.iter().any(|t| t == "≈ 18\u{a0}600 · на 09.09.2025"), "{texts:?}");
    assert!(texts.iter().any(|t| t == "> 3\u{a0}400 · на 27.08.2025"));
    assert!(texts.iter().any(|t| t.starts_with("Источники:")));
    assert!(texts.iter().filter(|t| *t == "нет опубликованной цифры").count() >= 6);
    let current_bars = svg.matches(r##"fill="#0072B2""##).count();
    let expected = sites.bars().filter(|b| b.series == Series::Current).count();
    assert_eq!(current_bars, expected + 1, "one blue rect per current bar, plus the legend swatch");

    let sectors = view_chart(&data, View::Sectors, Lang::En);
    let texts = svg_texts(&to_svg(&scene(&sectors, Lang::En, 900.0), Theme::Dark, FONT_FAMILY));
    assert!(texts.contains(&"> 10,000".to_string()), "{texts:?}");
    assert!(texts.contains(&"as of 11 Dec 2025".to_string()), "{texts:?}");
    assert!(texts.iter().any(|t| t.contains("10,000") && t.len() < 8), "an axis tick in the English format");
}

#[test]
fn svg_font_sizes_match_the_canvas() {
    let data = data();
    let chart = view_chart(&data, View::Sites, Lang::Ru);
    let svg = to_svg(&scene(&chart, Lang::Ru, 900.0), Theme::Light, FONT_FAMILY);
    let sizes: Vec<f64> = svg.split("font-size=\"").skip(1).filter_map(|rest| rest.split('"').next()?.parse().ok()).collect();
    assert_eq!(sizes.len(), svg.matches("<text").count(), "every text has its size");
    let canvas_sizes = [TextRole::Title, TextRole::Subtitle, TextRole::Value, TextRole::Tick].map(TextRole::size);
    for size in &sizes {
        assert!(canvas_sizes.iter().any(|s| (s - size).abs() < 1e-9), "font-size {size} is none of the canvas's {canvas_sizes:?}");
    }
    assert!(sizes.iter().any(|s| (s - 18.0).abs() < 1e-9), "the title at 18 px, not at 18 / 1.24");
}

#[test]
fn turning_value_labels_off_leaves_only_the_marks() {
    use technopolis_explorer::layout::Shape;
    let data = data();
    for view in View::ALL {
        let query = Query { view, value_labels: false, ..Query::default() };
        let chart = build(&data, query, Lang::En, &PlainLocale(Lang::En)).expect("figures");
        let scene = scene(&chart, Lang::En, 800.0);
        assert!(scene.shapes.iter().all(|s| !matches!(s, Shape::Text { mark: Some(_), .. })), "{view:?} still labels its marks");
        assert!(!scene.marks.is_empty());
    }
}

#[test]
fn a_transition_starts_where_the_marks_were_and_ends_where_they_are() {
    use technopolis_explorer::chart::Sort;
    let data = data();
    let before = scene(&view_chart(&data, View::Sites, Lang::En), Lang::En, 800.0);
    let query = Query { view: View::Sites, sort: Sort::NameDesc, value_labels: true, ..Query::default() };
    let after = scene(&build(&data, query, Lang::En, &PlainLocale(Lang::En)).unwrap(), Lang::En, 800.0);
    assert_eq!(after.tween(&before, 1.0).shapes, after.shapes);
    let start = after.tween(&before, 0.0);
    let rect_of = |scene: &Scene, mark: usize| {
        scene.shapes.iter().find_map(|s| match s {
            technopolis_explorer::layout::Shape::Rect { rect, mark: Some(m), .. } if *m == mark => Some(*rect),
            _ => None,
        })
    };
    let moved = (0..after.marks.len()).find(|&i| after.marks[i].bar.y != before.marks.iter().find(|m| m.observation == after.marks[i].observation).unwrap().bar.y).expect("a mark that moves");
    let old = before.marks.iter().find(|m| m.observation == after.marks[moved].observation).unwrap().bar;
    assert_eq!(rect_of(&start, moved).map(|r| r.y), Some(old.y), "at t=0 the bar is where it was");
}

#[test]
fn the_highlight_rings_the_active_bar_and_covers_its_row() {
    let data = data();
    let scene = scene(&view_chart(&data, View::Sites, Lang::En), Lang::En, 900.0);
    for (i, mark) in scene.marks.iter().enumerate() {
        let hover = scene.highlight(i, false).expect("a mark has a highlight");
        let focus = scene.highlight(i, true).expect("a mark has a highlight");
        assert_eq!(hover.band, mark.band);
        let inside = |outer: &Rect, gap: f64| outer.x + gap <= mark.bar.x && outer.right() - gap >= mark.bar.right() && outer.y + gap <= mark.bar.y && outer.bottom() - gap >= mark.bar.bottom();
        assert!(inside(&hover.ring, hover.ring_width), "the ring's inner edge clears bar {i}");
        assert!(inside(&focus.ring, focus.ring_width) && focus.ring_width > hover.ring_width, "the focus ring is thicker");
        assert!(focus.ring.w > hover.ring.w, "and further out");
    }
    assert_eq!(scene.highlight(scene.marks.len(), false), None);
}
