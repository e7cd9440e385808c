//! Property tests: generated datasets that follow the format are accepted and every view lays
//! out with no mark outside its plot and no label overlapping another or leaving the chart;
//! the same datasets with random damage are either accepted or refused, never a panic.
#![cfg(not(target_arch = "wasm32"))]

use proptest::prelude::*;
use serde_json::{json, Value};
use technopolis_explorer::chart::{build, Query, View};
use technopolis_explorer::format::PlainLocale;
use technopolis_explorer::input::read_dataset;
use technopolis_explorer::lang::Lang;
use technopolis_explorer::layout::{layout, EstimatedText};

/// Names with markup characters, Cyrillic, spaces and long words.
fn name() -> impl Strategy<Value = String> {
    "[A-Za-zА-Яа-я<>&\"'0-9]{1,12}( [A-Za-zА-Яа-я<>&]{1,30}){0,3}"
}

fn when(measure: usize) -> BoxedStrategy<(&'static str, Value)> {
    let date = (2000..2031i32, 1..13u32, 1..29u32).prop_map(|(y, m, d)| ("date", json!(format!("{y}-{m:02}-{d:02}"))));
    let year = (2000..2031i32).prop_map(|y| ("date", json!(y.to_string())));
    let period = prop_oneof![
        (2000..2031i32).prop_map(|y| y.to_string()),
        (2000..2031i32, 1..3u32).prop_map(|(y, h)| format!("{y}-H{h}")),
        (2000..2031i32, 1..5u32).prop_map(|(y, q)| format!("{y}-Q{q}")),
        (2000..2030i32, 1..13u32).prop_map(|(y, m)| format!("{y}-{m:02}-01/{}-{m:02}-01", y + 1)),
    ]
    .prop_map(|p| ("period", json!(p)));
    let target = (2024..2041i32).prop_map(|y| ("target", json!(y)));
    match measure {
        0 => prop_oneof![date, year].boxed(),
        1 => period.boxed(),
        _ => target.boxed(),
    }
}

/// An observation of one of the three measures about some scope the dataset has.
fn observation(sites: usize, sectors: usize, companies: usize) -> impl Strategy<Value = Value> {
    let scope = prop_oneof![
        Just(json!({})),
        (0..sites.max(1)).prop_map(move |s| if sites > 0 { json!({ "sites": [format!("s{s}")] }) } else { json!({}) }),
        (0..sites.max(1), 0..sites.max(1)).prop_map(move |(a, b)| match sites > 1 && a != b {
            true => json!({ "sites": [format!("s{a}"), format!("s{b}")] }),
            false => json!({}),
        }),
        (0..sectors.max(1)).prop_map(move |s| if sectors > 0 { json!({ "sector": format!("k{s}") }) } else { json!({}) }),
        (0..companies.max(1)).prop_map(move |c| if companies > 0 { json!({ "company": format!("c{c}") }) } else { json!({}) }),
    ];
    let qualifier = prop_oneof![Just("exact"), Just("more_than"), Just("almost"), Just("about"), Just("up_to"), Just("at_least"), Just("range")];
    (0..3usize, scope, 0.0..1e9f64, 1.0..1e6f64, qualifier, any::<bool>())
        .prop_flat_map(|(measure, scope, value, extra, qualifier, dated)| {
            (Just((measure, scope, value, extra, qualifier, dated)), when(measure))
        })
        .prop_map(|((measure, scope, value, extra, qualifier, dated), (field, time))| {
            let measure = ["people_employed", "jobs_created_period", "jobs_planned"][measure];
            let mut obs = json!({
                "measure": measure,
                "scope": scope, "value": value.round(), "qualifier": qualifier, "source": "src", "wording": "w"
            });
            if qualifier == "range" {
                obs["max"] = json!(value.round() + extra.round());
            }
            if dated {
                obs[field] = time;
            }
            obs
        })
}

fn dataset() -> impl Strategy<Value = String> {
    (0..8usize, 0..4usize, 0..4usize)
        .prop_flat_map(|(sites, sectors, companies)| {
            (
                prop::collection::vec(name(), sites),
                prop::collection::vec(name(), sectors),
                prop::collection::vec((name(), prop::option::of(0..sites.max(1)), prop::option::of(0..sectors.max(1))), companies),
                prop::collection::vec(observation(sites, sectors, companies), 1..40),
            )
        })
        .prop_map(|(sites, sectors, companies, observations)| {
            let text = |n: &str| json!({ "ru": n, "en": n });
            let entities = |names: &[String], prefix: &str| names.iter().enumerate().map(|(i, n)| json!({ "id": format!("{prefix}{i}"), "name": text(n) })).collect::<Vec<_>>();
            let companies: Vec<Value> = companies
                .iter()
                .enumerate()
                .map(|(i, (n, site, sector))| {
                    let mut c = json!({ "id": format!("c{i}"), "name": text(n) });
                    if let Some(site) = site.filter(|&s| s < sites.len()) {
                        c["sites"] = json!([format!("s{site}")]);
                    }
                    if let Some(sector) = sector.filter(|&s| s < sectors.len()) {
                        c["sector"] = json!(format!("k{sector}"));
                    }
                    c
                })
                .collect();
            let observations: Vec<Value> = observations.into_iter().enumerate().map(|(i, mut o)| { o["id"] = json!(format!("o{i}")); o }).collect();
            json!({
                "format": "sez-jobs", "version": 1,
                "zone": { "id": "z", "name": text("Zone") },
                "sites": entities(&sites, "s"), "sectors": entities(&sectors, "k"), "companies": companies,
                "measures": [
                    { "id": "people_employed", "name": text("People"), "unit": text("people"), "time": "date" },
                    { "id": "jobs_created_period", "name": text("Jobs in a period"), "unit": text("jobs"), "time": "period" },
                    { "id": "jobs_planned", "name": text("Plan"), "unit": text("jobs"), "time": "target", "plan_for": "people_employed" }
                ],
                "sources": [{ "id": "src", "outlet": "Test", "url": "https://example.org" }],
                "observations": observations
            })
            .to_string()
        })
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 48, ..ProptestConfig::default() })]

    #[test]
    fn valid_datasets_are_accepted_and_lay_out_cleanly(json in dataset(), width in 240.0..1400.0f64) {
        let (data, _) = read_dataset(json.as_bytes(), "d.json").map_err(|p| TestCaseError::fail(format!("{p:#?}")))?;
        for view in View::ALL {
            let Some(chart) = build(&data, Query { view, value_labels: true, ..Query::default() }, Lang::En, &PlainLocale(Lang::En)) else { continue };
            let scene = layout(&chart, width, &EstimatedText, &PlainLocale(Lang::En));
            prop_assert_eq!(scene.marks.len(), chart.observations().len());
            for mark in &scene.marks {
                let inside = scene.plots.iter().any(|p| mark.bar.x >= p.x - 6.0 && mark.bar.right() <= p.right() + 6.0 && mark.bar.y >= p.y - 6.0 && mark.bar.bottom() <= p.bottom() + 6.0);
                prop_assert!(inside, "{:?}: {:?} outside {:?}", view, mark.bar, scene.plots);
            }
            let boxes = scene.text_boxes(&EstimatedText);
            for (i, (text, a)) in boxes.iter().enumerate() {
                prop_assert!(a.x >= -0.01 && a.right() <= scene.width + 0.01, "{:?}: «{}» leaves the chart", view, text);
                for (other, b) in &boxes[i + 1..] {
                    prop_assert!(!a.overlaps(b), "{:?}: «{}» overlaps «{}»", view, text, other);
                }
            }
        }
    }

    #[test]
    fn damaged_datasets_are_refused_or_accepted_never_a_panic(
        json in dataset(),
        edits in prop::collection::vec((any::<prop::sample::Index>(), any::<u8>(), 0..3u8), 1..8),
        csv in any::<bool>(),
    ) {
        let mut bytes = json.into_bytes();
        for (at, byte, kind) in edits {
            let i = at.index(bytes.len().max(1)).min(bytes.len());
            match kind {
                0 if i < bytes.len() => { bytes.remove(i); }
                1 => bytes.insert(i, byte),
                _ if i < bytes.len() => bytes[i] = byte,
                _ => {}
            }
        }
        let name = if csv { "d.csv" } else { "d.json" };
        if let Ok((data, _)) = read_dataset(&bytes, name) {
            for view in View::ALL {
                if let Some(chart) = build(&data, Query { view, ..Query::default() }, Lang::Ru, &PlainLocale(Lang::Ru)) {
                    layout(&chart, 320.0, &EstimatedText, &PlainLocale(Lang::Ru));
                }
            }
        }
    }
}
