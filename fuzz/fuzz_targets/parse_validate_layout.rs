//! Any bytes, read as a JSON or a CSV dataset: validation either accepts or lists problems, never
//! panics; an accepted dataset lays out in every view with its marks inside their plots.
#![no_main]

use libfuzzer_sys::fuzz_target;
use technopolis_explorer::chart::{build, Query, View};
use technopolis_explorer::format::PlainLocale;
use technopolis_explorer::input::read_dataset;
use technopolis_explorer::lang::Lang;
use technopolis_explorer::layout::{layout, EstimatedText};

fuzz_target!(|bytes: &[u8]| {
    let width = 240.0 + f64::from(bytes.first().copied().unwrap_or(0)) * 4.0;
    for name in ["data.json", "data.csv"] {
        let Ok((data, _)) = read_dataset(bytes, name) else { continue };
        for view in View::ALL {
            let query = Query { view, value_labels: true, ..Query::default() };
            let Some(chart) = build(&data, query, Lang::En, &PlainLocale(Lang::En)) else { continue };
            let scene = layout(&chart, width, &EstimatedText, &PlainLocale(Lang::En));
            for mark in &scene.marks {
                let inside = scene.plots.iter().any(|p| mark.bar.x >= p.x - 6.0 && mark.bar.right() <= p.right() + 6.0);
                assert!(inside, "a mark outside its plot in {view:?}");
            }
        }
    }
});
