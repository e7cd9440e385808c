//! The queries behind each view: which figures, in which rows and groups, with which labels.

use technopolis_explorer::chart::{build, Chart, Query, Row, Series, View};
use technopolis_explorer::dataset::Dataset;
use technopolis_explorer::format::PlainLocale;
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
    build(data, query, lang, &PlainLocale(lang)).expect("the view has figures")
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
    let chart = build(&data, Query { view: View::Sectors, value_labels: true, ..Query::default() }, Lang::Ru, &PlainLocale(Lang::Ru)).unwrap();
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
    let d = details(&data, f16, Lang::En, &PlainLocale(Lang::En));
    assert_eq!(d.figure, "more than 30,000 jobs");
    assert_eq!(d.wording, "«создано больше 30 тысяч рабочих мест»");
    assert_eq!(&d.others[..2], ["> 28,000 · as of 22 Oct 2025 (nsn.fm)", "> 27,400 · as of 9 Sep 2025 (CNews)"], "newest first");
    assert!(d.others.iter().all(|o| !o.contains("30,000")));
}

fn query_chart(data: &Dataset, query: Query) -> Chart {
    build(data, Query { value_labels: true, ..query }, Lang::En, &PlainLocale(Lang::En)).expect("figures")
}

fn ids(data: &Dataset, chart: &Chart) -> Vec<String> {
    chart.observations().into_iter().map(|i| data.observations[i].id.clone()).collect()
}

#[test]
fn companies_are_coloured_by_sector_and_labelled_with_their_sites_and_period() {
    use technopolis_explorer::chart::Tone;
    let data = data();
    let chart = query_chart(&data, Query { view: View::Companies, ..Query::default() });
    let renera = row(&chart, "RENERA (Lithium-ion batteries) — Pechatniki, Krasnaya Pakhra");
    let bar = renera.current.as_ref().unwrap();
    assert_eq!(bar.label, "153 · H1 2025");
    let lassard = chart.rows().find(|r| r.label == "NPP Lassard (Laser equipment) — Pechatniki").unwrap().current.as_ref().unwrap();
    assert!(matches!((bar.tone, lassard.tone), (Tone::Category(a), Tone::Category(b)) if a != b), "different sectors, different colours");
    assert!(chart.legend.iter().any(|(_, name)| name == "Lithium-ion batteries"));
    assert!(chart.rows().any(|r| r.label == "R-Opra (Pharmaceuticals) — Alabushevo" && r.current.is_none()), "a company without this measure is listed");
}

#[test]
fn the_timeline_puts_each_zone_figure_on_its_own_measures_axis() {
    use technopolis_explorer::chart::Body;
    let data = data();
    let chart = query_chart(&data, Query { view: View::Timeline, ..Query::default() });
    let Body::Timeline(panels) = &chart.body else { panic!("a timeline") };
    assert_eq!(panels.len(), 2, "cumulative and per-period figures are never on one axis");
    let cumulative: Vec<String> = panels[0].points.iter().map(|p| data.observations[p.observation].id.clone()).collect();
    assert_eq!(cumulative.first().map(String::as_str), Some("f23"), "from 2017");
    assert!(cumulative.contains(&"f02".into()) && cumulative.contains(&"f16".into()));
    let h1_2023 = panels[1].points.iter().find(|p| data.observations[p.observation].id == "f30").unwrap();
    assert_eq!((h1_2023.start.to_string(), h1_2023.end.to_string()), ("2023-01-01".into(), "2023-06-30".into()));
    assert!(panels[1].points.iter().any(|p| p.partial), "resident-only figures are drawn hollow");
    let f28 = panels[1].points.iter().find(|p| data.observations[p.observation].id == "f28").expect("f28, dated by the second review");
    assert_eq!((f28.start.to_string(), f28.end.to_string()), ("2024-01-01".into(), "2024-12-31".into()));
    let mut undated = data;
    let f28 = undated.observations.iter().position(|o| o.id == "f28").unwrap();
    undated.observations[f28].when = technopolis_explorer::time::When::NotStated;
    let chart = query_chart(&undated, Query { view: View::Timeline, ..Query::default() });
    assert!(chart.key.iter().any(|k| k.contains("f28")), "an undated figure is named, not silently dropped");
}

#[test]
fn the_plan_view_shows_the_share_of_the_plan_reached() {
    let data = data();
    let chart = query_chart(&data, Query { view: View::Plan, ..Query::default() });
    let rudnevo = row(&chart, "Rudnevo");
    assert_eq!(rudnevo.plan.as_ref().unwrap().label, "21,000 · target 2030 · reached ≈ 16 %");
    assert!(chart.rows().all(|r| r.plan.is_some()), "only rows with a published plan");
}

#[test]
fn a_period_narrows_a_view_and_an_unknown_one_is_ignored() {
    let data = data();
    let all = query_chart(&data, Query { view: View::Companies, ..Query::default() });
    assert!(all.periods.iter().any(|(code, label)| code == "2025-H1" && label == "H1 2025"));
    let h1 = query_chart(&data, Query { view: View::Companies, period: Some("2025-H1"), ..Query::default() });
    assert_eq!(ids(&data, &h1), ["f05", "f03"]);
    let unknown = query_chart(&data, Query { view: View::Companies, period: Some("1999"), ..Query::default() });
    assert_eq!(ids(&data, &unknown), ids(&data, &all));
    let as_of_2023 = query_chart(&data, Query { view: View::Sites, period: Some("2023"), ..Query::default() });
    assert_eq!(row(&as_of_2023, "Rudnevo").current.as_ref().map(|b| data.observations[b.observation].id.as_str()), Some("f11"));
}

#[test]
fn sorting_orders_rows_within_their_groups() {
    use technopolis_explorer::chart::Sort;
    let data = data();
    let by_name = query_chart(&data, Query { view: View::Sites, sort: Sort::NameAsc, ..Query::default() });
    let labels: Vec<&str> = by_name.rows().map(|r| r.label.as_str()).collect();
    let mut sorted = labels.clone();
    sorted.sort_by_key(|l| l.to_lowercase());
    assert_eq!(labels, sorted);
    let smallest = query_chart(&data, Query { view: View::Sites, sort: Sort::ValueAsc, ..Query::default() });
    let values: Vec<Option<f64>> = smallest.rows().map(|r| r.current.as_ref().map(|b| b.value)).collect();
    let figures: Vec<f64> = values.iter().flatten().copied().collect();
    assert!(figures.windows(2).all(|w| w[0] <= w[1]));
    assert!(values.iter().skip_while(|v| v.is_some()).all(Option::is_none), "rows without a figure stay last");
    let sectors = query_chart(&data, Query { view: View::Companies, sort: Sort::ValueAsc, ..Query::default() });
    let h1 = sectors.groups().iter().find(|g| g.header.as_deref() == Some("H1 2025")).unwrap();
    assert_eq!(h1.rows[0].label, "RENERA (Lithium-ion batteries) — Pechatniki, Krasnaya Pakhra", "smallest first, within the period");
}

#[test]
fn figures_that_disagree_are_marked_and_listed() {
    use technopolis_explorer::describe::conflicts;
    let data = data();
    let index = |id: &str| data.observations.iter().position(|o| o.id == id).unwrap();
    assert_eq!(conflicts(&data, index("f40")), vec![index("f41")], "about 25,000 and 25,000 for Pechatniki's 2030 plan");
    assert!(conflicts(&data, index("f10")).is_empty());
    let chart = query_chart(&data, Query { view: View::Plan, ..Query::default() });
    assert!(row(&chart, "Pechatniki").plan.as_ref().unwrap().label.contains("(!)"));
    assert!(chart.key.iter().any(|k| k.starts_with("(!)")));
}

#[test]
fn a_selection_covers_the_figures_about_it() {
    use technopolis_explorer::subject::Subject;
    let data = data();
    let pechatniki = Subject::parse("site:pechatniki", &data).expect("a site");
    let figures: Vec<&str> = pechatniki.figures(&data).into_iter().map(|i| data.observations[i].id.as_str()).collect();
    for id in ["f01", "f03", "f04", "f40", "f70"] {
        assert!(figures.contains(&id), "{id} is about Pechatniki");
    }
    assert!(!figures.contains(&"f10"), "Rudnevo's figure is not");
    assert_eq!(pechatniki.code(&data), "site:pechatniki");
    assert_eq!(Subject::parse("sites:pechatniki,alabushevo,rudnevo", &data).map(|s| s.figures(&data).len()), Some(1));
    assert_eq!(Subject::parse("site:atlantis", &data), None);
    assert_eq!(Subject::parse("company:renera", &data).map(|s| s.name(&data, Lang::Ru)), Some("РЭНЕРА".into()));
}

#[test]
fn each_chart_is_summed_up_in_words_with_its_qualifiers() {
    use technopolis_explorer::summary::summarize;
    let data = data();
    let sites = chart(&data, View::Sites, "people_employed", Lang::Ru);
    let text = summarize(&data, &sites, Lang::Ru, &PlainLocale(Lang::Ru)).join(" ");
    assert!(text.contains("Больше всего — Печатники + Алабушево + Руднево: почти 18\u{a0}600 человек (на 09.09.2025)."), "{text}");
    assert!(text.contains("Меньше всего — Руднево: более 3\u{a0}400 человек (на 27.08.2025)."), "{text}");
    assert!(text.contains("Нет опубликованной цифры: МИЭТ, Микрон"), "{text}");
    let timeline = query_chart(&data, Query { view: View::Timeline, ..Query::default() });
    let text = summarize(&data, &timeline, Lang::En, &PlainLocale(Lang::En)).join(" ");
    assert!(text.contains("Jobs created, cumulative: from 3,000 jobs"), "{text}");
    assert!(text.contains("to more than 30,000 jobs (at the SEZ's 20th anniversary"), "{text}");
    let companies = query_chart(&data, Query { view: View::Companies, ..Query::default() });
    let text = summarize(&data, &companies, Lang::En, &PlainLocale(Lang::En)).join(" ");
    assert!(text.contains("Together (H1 2025): 363 jobs."), "two companies' exact figures of one period add up: {text}");
    assert!(!text.contains("Together (2023)"), "a period with one figure has no total: {text}");
}

#[test]
fn the_subject_index_lists_each_subject_once_earliest_first_and_finds_figures_dated_alike() {
    let data = data();
    for m in 0..data.measures.len() {
        let subjects: Vec<&[usize]> = data.subjects(m).collect();
        let figures: usize = subjects.iter().map(|s| s.len()).sum();
        assert_eq!(figures, data.observations.iter().filter(|o| o.measure == m).count(), "every figure of measure {m}, once");
        for (k, subject) in subjects.iter().enumerate() {
            let scope = &data.observations[subject[0]].scope;
            assert_eq!(*subject, data.about(m, scope), "a subject is what `about` gives");
            assert!(subjects[..k].iter().all(|s| &data.observations[s[0]].scope != scope), "each subject once");
            assert!(subject.windows(2).all(|w| data.observations[w[0]].span <= data.observations[w[1]].span), "earliest first");
        }
    }
    for (i, obs) in data.observations.iter().enumerate() {
        let alike: Vec<usize> = data.about(obs.measure, &obs.scope).iter().copied().filter(|&j| data.observations[j].span == obs.span).collect();
        assert_eq!(data.dated_alike(i), alike.as_slice());
    }
}
