//! The queries behind each view: which figures, in which rows and groups, with which labels.

use technopolis_explorer::chart::{build, Chart, Query, Row, Series, View};
use technopolis_explorer::dataset::Dataset;
use technopolis_explorer::format::PlainNumbers;
use technopolis_explorer::lang::Lang;
use technopolis_explorer::EMBEDDED_DATASET;

fn data() -> Dataset {
    Dataset::parse(EMBEDDED_DATASET).expect("embedded dataset is valid")
}

fn measure(data: &Dataset, id: &str) -> usize {
    data.measure_by_id(id).unwrap_or_else(|| panic!("no measure {id}"))
}

fn chart(data: &Dataset, view: View, measure: &str, lang: Lang) -> Chart {
    let query = Query { view, measure: Some(measure), value_labels: true, ..Query::default() };
    build(data, query, lang, &PlainNumbers(lang)).expect("the view has figures")
}

fn row<'a>(chart: &'a Chart, label: &str) -> &'a Row {
    chart.rows().find(|r| r.label == label).unwrap_or_else(|| panic!("no row {label}"))
}

fn obs_id(data: &Dataset, bar: Option<&technopolis_explorer::chart::Bar>) -> Option<String> {
    bar.map(|b| data.observations[b.observation].id.clone())
}

#[test]
fn views_open_on_their_default_measures() {
    let data = data();
    assert_eq!(View::Sites.pick_measure(&data, None), Some(measure(&data, "people_employed")));
    assert_eq!(View::Sectors.pick_measure(&data, None), Some(measure(&data, "jobs_created_cumulative")));
    assert_eq!(View::Sites.pick_measure(&data, Some("enterprises")), Some(measure(&data, "enterprises")));
    assert_eq!(View::Sites.pick_measure(&data, Some("no_such")), Some(measure(&data, "people_employed")));
}

#[test]
fn sites_show_each_sites_latest_figure_and_its_plan() {
    let data = data();
    let chart = chart(&data, View::Sites, "people_employed", Lang::Ru);
    let rows: Vec<&Row> = chart.rows().collect();
    assert_eq!(rows[0].label, "ОЭЗ «Технополис Москва»", "the whole zone comes first");
    // Руднево: more than 3 400 (27.08.2025) is later than almost 3 000 (2023).
    let rudnevo = row(&chart, "Руднево");
    assert_eq!(obs_id(&data, rudnevo.current.as_ref()).as_deref(), Some("f10"));
    assert_eq!(rudnevo.current.as_ref().unwrap().label, "> 3\u{a0}400 · на 27.08.2025");
    assert_eq!(obs_id(&data, rudnevo.plan.as_ref()).as_deref(), Some("f52"));
    assert_eq!(rudnevo.plan.as_ref().unwrap().series, Series::Plan);
}

#[test]
fn a_figure_for_several_sites_is_one_row_never_split() {
    let data = data();
    let chart = chart(&data, View::Sites, "people_employed", Lang::En);
    let combined = row(&chart, "Pechatniki + Alabushevo + Rudnevo");
    assert_eq!(obs_id(&data, combined.current.as_ref()).as_deref(), Some("f01"));
    assert_eq!(combined.current.as_ref().unwrap().label, "≈ 18,600 · as of 9 Sep 2025");
    // No per-site share of f01 is invented: Печатники has no headcount of its own.
    let pechatniki = row(&chart, "Pechatniki");
    assert!(pechatniki.current.is_none());
    assert_eq!(obs_id(&data, pechatniki.plan.as_ref()).as_deref(), Some("f40"));
    assert_eq!(chart.bars().filter(|b| data.observations[b.observation].id == "f01").count(), 1);
}

#[test]
fn sites_without_a_figure_are_listed_not_dropped() {
    let data = data();
    let chart = chart(&data, View::Sites, "people_employed", Lang::Ru);
    for site in &data.sites {
        let row = row(&chart, &site.name.ru);
        if site.id == "miet" {
            assert!(row.current.is_none() && row.plan.is_none());
        }
    }
    assert_eq!(chart.missing_text, "нет опубликованной цифры");
}

#[test]
fn charts_name_their_sources_and_signs() {
    let data = data();
    let chart = chart(&data, View::Sites, "people_employed", Lang::En);
    assert!(chart.sources.starts_with("Sources: "));
    assert!(chart.sources.contains("CNews (9 Sep 2025)"), "{}", chart.sources);
    assert!(chart.key.iter().any(|k| k == "> more than"));
    assert_eq!(chart.legend.len(), 2);
    assert!(chart.subtitle.contains("people"), "{}", chart.subtitle);
}

#[test]
fn sectors_group_figures_by_date_or_period() {
    let data = data();
    let chart = chart(&data, View::Sectors, "jobs_created_period", Lang::En);
    for group in chart.groups() {
        let whens: Vec<_> = group.rows.iter().filter_map(|r| r.current.as_ref()).map(|b| data.observations[b.observation].when).collect();
        assert!(whens.windows(2).all(|w| w[0] == w[1]), "a group mixes periods: {:?}", group.header);
    }
    let h1 = chart.groups().iter().find(|g| g.header.as_deref() == Some("H1 2025")).expect("an H1 2025 group");
    let ids: Vec<String> = h1.rows.iter().filter_map(|r| obs_id(&data, r.current.as_ref())).collect();
    assert_eq!(ids, ["f05", "f03"], "largest first within the group");
    let lassard = chart.groups().iter().find(|g| g.rows.iter().any(|r| obs_id(&data, r.current.as_ref()).as_deref() == Some("f04")));
    assert_ne!(lassard.and_then(|g| g.header.clone()), Some("H1 2025".into()), "1 Jan–9 Sep is not H1");
    let renera = h1.rows.iter().find(|r| r.label.contains("RENERA")).expect("RENERA row");
    assert!(renera.label.contains("batteries") || renera.label.contains("Batteries"), "{}", renera.label);
}

#[test]
fn sectors_default_to_jobs_created_to_date_newest_first() {
    let data = data();
    let chart = build(&data, Query { view: View::Sectors, value_labels: true, ..Query::default() }, Lang::Ru, &PlainNumbers(Lang::Ru)).unwrap();
    let first = chart.groups()[0].rows[0].current.as_ref().expect("a figure");
    assert_eq!(data.observations[first.observation].id, "f17");
    assert_eq!(first.label, "> 10\u{a0}000");
    let last = chart.groups().last().unwrap();
    assert_eq!(last.header.as_deref(), Some("Нет опубликованных цифр"));
    assert!(last.rows.iter().all(|r| r.current.is_none()));
}

#[test]
fn every_measure_of_every_view_builds_in_both_languages() {
    let data = data();
    for view in View::ALL {
        for m in view.measures(&data) {
            for lang in [Lang::Ru, Lang::En] {
                let chart = chart(&data, view, &data.measures[m].id, lang);
                assert!(!chart.observations().is_empty(), "{view:?} {} has no figures", data.measures[m].id);
                assert!(!chart.title.is_empty() && !chart.sources.is_empty());
            }
        }
    }
}

#[test]
fn a_figures_details_list_the_other_figures_for_the_same_subject() {
    use technopolis_explorer::describe::details;
    let data = data();
    let f16 = data.observations.iter().position(|o| o.id == "f16").unwrap();
    let d = details(&data, f16, Lang::En, &PlainNumbers(Lang::En));
    assert_eq!(d.figure, "more than 30,000 jobs");
    assert_eq!(d.wording, "«создано больше 30 тысяч рабочих мест»");
    assert!(d.others[0].starts_with("> 27,400 · as of 9 Sep 2025 (CNews)"), "{:?}", d.others);
    assert!(d.others.iter().all(|o| !o.contains("30,000")));
}
