//! In headless Chromium: the core's scene drawn on a real canvas, checked pixel by pixel, and
//! the whole explorer started in a page.
#![cfg(target_arch = "wasm32")]

use plotters_canvas::CanvasBackend;
use technopolis_explorer::chart::{build, Query, Series, View};
use technopolis_explorer::dataset::Dataset;
use technopolis_explorer::format::PlainLocale;
use technopolis_explorer::lang::Lang;
use technopolis_explorer::layout::{layout, EstimatedText, Paint, Scene, FONT_FAMILY};
use technopolis_explorer::render::{draw, Surface, Target};
use technopolis_explorer::theme::Theme;
use technopolis_explorer::EMBEDDED_DATASET;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;
use web_sys::{CanvasRenderingContext2d, HtmlCanvasElement, HtmlElement};

wasm_bindgen_test_configure!(run_in_browser);

fn document() -> web_sys::Document {
    web_sys::window().unwrap().document().unwrap()
}

fn pixel(context: &CanvasRenderingContext2d, x: f64, y: f64) -> (u8, u8, u8) {
    let data = context.get_image_data(x.round(), y.round(), 1.0, 1.0).unwrap().data();
    (data[0], data[1], data[2])
}

/// Lays out a view of the embedded dataset and draws it on a fresh canvas at `scale`.
fn draw_view(view: View, lang: Lang, scale: f64, theme: Theme) -> (Scene, CanvasRenderingContext2d) {
    let data = Dataset::parse(EMBEDDED_DATASET).unwrap();
    let locale = PlainLocale(lang);
    let chart = build(&data, Query { view, value_labels: true, ..Query::default() }, lang, &locale).unwrap();
    let scene = layout(&chart, 800.0, &EstimatedText, &locale);
    let canvas: HtmlCanvasElement = document().create_element("canvas").unwrap().dyn_into().unwrap();
    canvas.set_width((scene.width * scale) as u32);
    canvas.set_height((scene.height * scale) as u32);
    let backend = CanvasBackend::with_canvas_object(canvas.clone()).unwrap();
    draw(backend, &scene, Target { scale, theme, family: FONT_FAMILY, surface: Surface::Canvas }, None).unwrap();
    (scene, canvas.get_context("2d").unwrap().unwrap().dyn_into().unwrap())
}

#[wasm_bindgen_test]
fn bars_are_drawn_where_the_layout_puts_them_with_sharp_edges_at_every_pixel_ratio() {
    for scale in [1.0, 2.0, 2.625, 3.0] {
        let (scene, context) = draw_view(View::Sites, Lang::Ru, scale, Theme::Light);
        let background = Theme::Light.colour(Paint::Background);
        assert_eq!(pixel(&context, 2.0, 2.0), background);
        for mark in scene.marks.iter().filter(|m| m.bar.w > 4.0) {
            let centre = ((mark.bar.x + mark.bar.w / 2.0) * scale, (mark.bar.y + mark.bar.h / 2.0) * scale);
            let expected = match mark.series {
                Series::Current => Theme::Light.colour(Paint::Current),
                Series::Plan => Theme::Light.colour(Paint::PlanFill),
            };
            assert_eq!(pixel(&context, centre.0, centre.1), expected, "bar of observation {} at {scale}×", mark.observation);
            let above = (centre.0, (mark.band.y + 1.0) * scale);
            assert_eq!(pixel(&context, above.0, above.1), background, "nothing drawn above the bar at {scale}×");
            if mark.series == Series::Current {
                // The layout's edges, rounded to whole device pixels, are the drawn edges: the last
                // pixel inside is the bar's colour and the first outside is what lies behind the
                // bar (the background, a gridline), never a blend of the two.
                let behind = [background, Theme::Light.colour(Paint::Grid), Theme::Light.colour(Paint::Axis)];
                let (right, top, bottom) = ((mark.bar.right() * scale).round(), (mark.bar.y * scale).round(), (mark.bar.bottom() * scale).round());
                assert_eq!(pixel(&context, right - 1.0, centre.1), expected, "right edge inside at {scale}×");
                assert!(behind.contains(&pixel(&context, right, centre.1)), "right edge outside at {scale}×");
                assert_eq!(pixel(&context, centre.0, top), expected, "top edge inside at {scale}×");
                assert!(behind.contains(&pixel(&context, centre.0, top - 1.0)), "top edge outside at {scale}×");
                assert_eq!(pixel(&context, centre.0, bottom - 1.0), expected, "bottom edge inside at {scale}×");
                assert!(behind.contains(&pixel(&context, centre.0, bottom)), "bottom edge outside at {scale}×");
            }
        }
    }
}

/// Lets the page run its queued tasks (events such as `toggle` are dispatched in one).
async fn next_task() {
    let promise = js_sys::Promise::new(&mut |resolve, _| {
        web_sys::window().unwrap().set_timeout_with_callback(&resolve).unwrap();
    });
    wasm_bindgen_futures::JsFuture::from(promise).await.unwrap();
}

#[wasm_bindgen_test]
async fn the_explorer_draws_a_sharp_labelled_chart_in_a_page() {
    let root: HtmlElement = document().create_element("div").unwrap().dyn_into().unwrap();
    root.style().set_property("width", "700px").unwrap();
    document().body().unwrap().append_child(&root).unwrap();
    technopolis_explorer::explore(root.clone()).unwrap();
    let canvas: HtmlCanvasElement = root.query_selector("canvas").unwrap().unwrap().dyn_into().unwrap();
    let ratio = web_sys::window().unwrap().device_pixel_ratio();
    assert_eq!(f64::from(canvas.width()), (f64::from(canvas.client_width()) * ratio).round());
    assert!(canvas.height() > 300);
    let label = canvas.get_attribute("aria-label").unwrap();
    assert!(label.contains("по площадкам"), "{label}");
    let context: CanvasRenderingContext2d = canvas.get_context("2d").unwrap().unwrap().dyn_into().unwrap();
    let image = context.get_image_data(0.0, 0.0, f64::from(canvas.width()), f64::from(canvas.height())).unwrap().data();
    let blue = Theme::Light.colour(Paint::Current);
    let blue_pixels = image.chunks(4).filter(|p| (p[0], p[1], p[2]) == blue).count();
    assert!(blue_pixels > 500, "only {blue_pixels} pixels of bar colour");
    let table = root.query_selector("table").unwrap().unwrap();
    assert_eq!(table.text_content().unwrap(), "", "the table is built only when opened");
    root.query_selector("details.tx-table").unwrap().unwrap().set_attribute("open", "").unwrap();
    next_task().await;
    assert!(table.text_content().unwrap().contains("CNews"), "the table names the sources");
    assert!(root.query_selector("[role=tooltip]").unwrap().is_some());
    assert!(root.query_selector("[role=alert]").unwrap().is_some());
}

#[wasm_bindgen_test]
fn an_internal_error_is_shown_in_the_alert_and_the_page_goes_on() {
    let root: HtmlElement = document().create_element("div").unwrap().dyn_into().unwrap();
    document().body().unwrap().append_child(&root).unwrap();
    let explorer = technopolis_explorer::mount(root.clone(), wasm_bindgen::JsValue::UNDEFINED).unwrap();
    technopolis_explorer::report_internal_error("index out of bounds");
    let alert = root.query_selector("[role=alert]").unwrap().unwrap().text_content().unwrap();
    assert!(alert.contains("The chart hit an internal error") && alert.contains("index out of bounds"), "{alert}");
    explorer.destroy().expect("destroyed");
    assert_eq!(root.child_element_count(), 0);
}
