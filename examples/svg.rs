//! Writes each view of the embedded dataset as SVG: `cargo run --example svg -- OUT_DIR [lang] [width]`.
use technopolis_explorer::{chart, dataset::Dataset, format::PlainLocale, lang::Lang, layout, render, EMBEDDED_DATASET};

fn main() {
    let args: Vec<String> = std::env::args().collect();
    let out = args.get(1).map(String::as_str).unwrap_or(".");
    let lang = args.get(2).and_then(|l| Lang::parse(l)).unwrap_or_default();
    let width: f64 = args.get(3).and_then(|w| w.parse().ok()).unwrap_or(900.0);
    let data = match Dataset::parse(EMBEDDED_DATASET) {
        Ok(data) => data,
        Err(problems) => {
            problems.iter().for_each(|p| eprintln!("{}", p.describe(lang)));
            std::process::exit(1);
        }
    };
    let locale = PlainLocale(lang);
    for view in chart::View::ALL {
        let query = chart::Query { view, value_labels: true, ..chart::Query::default() };
        let Some(chart) = chart::build(&data, query, lang, &locale) else { continue };
        let scene = layout::layout(&chart, width, &layout::EstimatedText, &locale);
        let path = format!("{out}/{}-{}.svg", view.code(), lang.code());
        std::fs::write(&path, render::to_svg(&scene, technopolis_explorer::theme::Theme::Light, technopolis_explorer::layout::FONT_FAMILY)).expect("write svg");
        println!("{path}");
    }
}
