//! What a reader is told about where a figure comes from: the source's grade in words, the
//! repost mark on the chart, in its key and source line and in the CSV, and the citation.

use technopolis_explorer::chart::{build, Body, Chart, Point, Query, View};
use technopolis_explorer::dataset::Dataset;
use technopolis_explorer::describe::{citation, details, rests_on_repost};
use technopolis_explorer::export::chart_csv;
use technopolis_explorer::format::PlainLocale;
use technopolis_explorer::lang::Lang;
use technopolis_explorer::EMBEDDED_DATASET;

fn data() -> Dataset {
    Dataset::parse(EMBEDDED_DATASET).expect("embedded dataset is valid")
}

fn index(data: &Dataset, id: &str) -> usize {
    data.observations.iter().position(|o| o.id == id).unwrap_or_else(|| panic!("no {id}"))
}

fn timeline(data: &Dataset, lang: Lang) -> Chart {
    build(data, Query { view: View::Timeline, value_labels: true, ..Query::default() }, lang, &PlainLocale(lang)).expect("a timeline")
}

#[test]
fn the_details_name_the_grade_and_whether_the_figure_rests_on_a_repost() {
    let data = data();
    let official = details(&data, index(&data, "f35"), Lang::En, &PlainLocale(Lang::En));
    assert_eq!((official.grade.as_str(), official.repost_only), ("official source", false));
    let repost = details(&data, index(&data, "f13"), Lang::Ru, &PlainLocale(Lang::Ru));
    assert!(repost.repost_only);
    assert!(repost.grade.starts_with("только перепечатка"), "{}", repost.grade);
}

#[test]
fn a_citation_gives_the_figure_the_source_words_and_where_to_find_it() {
    let data = data();
    let ru = citation(&data, index(&data, "f02"), Lang::Ru, &PlainLocale(Lang::Ru));
    println!("{ru}");
    assert!(ru.starts_with("ОЭЗ «Технополис Москва», на 09.09.2025. Создано рабочих мест за всё время (нарастающим итогом): более 27"), "{ru}");
    assert!(ru.ends_with("В источнике: «свыше 27,4 тыс. новых рабочих мест» (CNews, 09.09.2025, https://biz.cnews.ru/news/line/2025-09-09_masshtabirovanie_vysokotehnologichnye)."), "{ru}");
    assert!(!ru.contains("перепечатка"), "{ru}");
    let en = citation(&data, index(&data, "f13"), Lang::En, &PlainLocale(Lang::En));
    println!("{en}");
    assert!(en.contains("more than 23,000"), "{en}");
    assert!(en.contains("(dzen.ru, a repost — the original was not found, 1 Apr 2024, https://dzen.ru/"), "the warning is in the sentence itself: {en}");
}

#[test]
fn figures_resting_on_a_repost_are_marked_on_the_chart_in_its_key_and_in_its_sources() {
    let data = data();
    for lang in [Lang::Ru, Lang::En] {
        let chart = timeline(&data, lang);
        let Body::Timeline(panels) = &chart.body else { panic!("a timeline") };
        let points: Vec<&Point> = panels.iter().flat_map(|p| &p.points).collect();
        let (reposts, others): (Vec<&Point>, Vec<&Point>) = points.iter().partition(|p| rests_on_repost(&data, &data.observations[p.observation]));
        assert!(!reposts.is_empty() && !others.is_empty());
        assert!(reposts.iter().all(|p| p.label.contains(" †")), "{:?}", reposts.iter().map(|p| &p.label).collect::<Vec<_>>());
        assert!(others.iter().all(|p| !p.label.contains('†')));
        assert!(chart.key.iter().any(|k| k.starts_with("† ")), "{:?}", chart.key);
        assert!(chart.sources.contains(lang.pick("перепечатка †", "repost †")), "{}", chart.sources);
    }
}

#[test]
fn the_second_reviews_conflicts_are_shown_as_conflicts() {
    let data = data();
    let chart = timeline(&data, Lang::En);
    let Body::Timeline(panels) = &chart.body else { panic!("a timeline") };
    let label = |id: &str| panels.iter().flat_map(|p| &p.points).find(|p| data.observations[p.observation].id == id).map(|p| p.label.clone());
    assert_eq!(label("f104").as_deref(), Some("791 (!)"), "791 against 814 for 2019");
    assert_eq!(label("f35").as_deref(), Some("814 (!)"));
    assert_eq!(label("f101").as_deref(), Some("> 28,000"), "on the cumulative timeline");
    let f11 = details(&data, index(&data, "f11"), Lang::En, &PlainLocale(Lang::En));
    assert!(f11.figure.starts_with("almost 3,000"));
    assert_eq!(technopolis_explorer::describe::conflicts(&data, index(&data, "f11")), vec![index(&data, "f11b")], "almost against about");
}

#[test]
fn the_csv_export_carries_each_sources_grade() {
    let data = data();
    let chart = timeline(&data, Lang::En);
    let text = chart_csv(&data, &chart, Lang::En).expect("CSV is written");
    let mut reader = csv::Reader::from_reader(text.as_bytes());
    let header = reader.headers().expect("a header").clone();
    let column = header.iter().position(|h| h == "source_grade").expect("a source_grade column");
    let grades: Vec<String> = reader.records().map(|r| r.expect("a row")[column].to_string()).collect();
    assert!(grades.iter().any(|g| g == "repost") && grades.iter().any(|g| g == "official"), "{grades:?}");
    assert!(grades.iter().all(|g| ["official", "company", "major_media", "media", "repost"].contains(&g.as_str())));
}
