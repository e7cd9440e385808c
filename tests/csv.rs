//! Spreadsheets in and out: a CSV dataset is read and validated with line-and-column problems;
//! a view's figures are written as CSV that reads back to the same figures.

use technopolis_explorer::chart::{build, Query, View};
use technopolis_explorer::csv_import::parse_csv;
use technopolis_explorer::dataset::Dataset;
use technopolis_explorer::export::chart_csv;
use technopolis_explorer::format::PlainLocale;
use technopolis_explorer::lang::Lang;
use technopolis_explorer::problem::{Place, ProblemKind};
use technopolis_explorer::EMBEDDED_DATASET;

const HEADER: &str = "id,measure,zone,sites,sector,company,part,value,max,qualifier,date,period,target,source_outlet,source_url,source_date,source_title,wording,note";

fn csv(rows: &[&str]) -> String {
    std::iter::once(HEADER).chain(rows.iter().copied()).collect::<Vec<_>>().join("\n")
}

#[test]
fn a_spreadsheet_becomes_a_dataset() {
    let text = csv(&[
        "a1,people_employed,Тестовая зона | Test zone,Северная | North,,,,\"1 234\",,about,2026-01-01,,,Газета,https://example.org/a,2026-01-02,,около 1234 человек,",
        "a2,people_employed,,Северная | North + Южная | South,,,,5000,,more_than,2026-02,,,Газета,https://example.org/a,2026-01-02,,более 5000,",
        "a3,jobs_created_period,,Южная | South,Фарма | Pharma,Завод | Plant,,\"5,5\",,exact,,2025-H1,,Журнал,https://example.org/b,,,5.5,примечание | a note",
    ]);
    let (data, json) = parse_csv(&text).unwrap_or_else(|p| panic!("{p:#?}"));
    assert_eq!(data.zone.name.en, "Test zone");
    assert_eq!(data.sites.len(), 2);
    assert_eq!(data.observations[0].value, 1234.0);
    assert_eq!(data.observations[1].scope.sites.len(), 2, "several sites together stay one figure");
    let plant = &data.companies[0];
    assert_eq!((plant.name.en.as_str(), plant.sites.len(), plant.sector.is_some()), ("Plant", 1, true));
    assert_eq!(data.observations[2].value, 5.5);
    assert_eq!(data.sources.len(), 2, "rows with the same address share a source");
    assert!(Dataset::parse(&json).is_ok(), "the JSON form is a valid dataset too");
}

#[test]
fn spreadsheet_problems_name_the_line_and_column() {
    let text = csv(&[
        "a1,people_employed,Зона,Северная,,,,много,,about,2026-01-01,,,Газета,https://example.org/a,,,около,",
        "a2,happiness,,Северная,,,,5,,exact,2026-01-01,,,Газета,https://example.org/a,,,5,",
        "a3,people_employed,,Северная,,,,-5,,roughly,2026-02-30,,,Газета,https://example.org/a,,,5,",
    ]);
    let problems = parse_csv(&text).unwrap_err();
    let at = |line: usize, column: &str| Place::Csv { line, column: Some(column.into()) };
    assert!(problems.iter().any(|p| p.place == at(2, "value")), "{problems:#?}");
    assert!(problems.iter().any(|p| p.place == at(3, "measure") && matches!(p.kind, ProblemKind::UnknownMeasure { .. })));
    assert_eq!(problems[0].describe(Lang::Ru), "строка 2, столбец «value»: ожидалось число, а получено «много»");
    let valid_measures = csv(&["a3,people_employed,Зона,Северная,,,,-5,,roughly,2026-02-30,,,Газета,https://example.org/a,,,5,"]);
    let problems = parse_csv(&valid_measures).unwrap_err();
    for column in ["value", "qualifier", "date"] {
        assert!(problems.iter().any(|p| p.place == at(2, column)), "{column}: {problems:#?}");
    }
    assert_eq!(problems.iter().find(|p| p.place == at(2, "value")).unwrap().describe(Lang::En), "line 2, column «value»: the value must not be negative (-5)");
}

#[test]
fn broken_csv_and_missing_columns_are_refused() {
    let problems = parse_csv("id,measure\n\"a1,people_employed").unwrap_err();
    assert!(problems.iter().any(|p| matches!(p.place, Place::Csv { line: 1, column: None }) && matches!(&p.kind, ProblemKind::MissingField(c) if c == "value")));
    let ragged = csv(&["a1,people_employed,Зона"]);
    let problems = parse_csv(&ragged).unwrap_err();
    assert!(matches!(problems[0].kind, ProblemKind::BadCsv(_)), "{problems:#?}");
    assert_eq!(problems[0].place, Place::Csv { line: 2, column: None });
    let unknown = parse_csv(&format!("{HEADER},colour\n")).unwrap_err();
    assert!(matches!(&unknown[0].kind, ProblemKind::UnknownField(c) if c == "colour"));
    assert!(parse_csv(HEADER).is_err(), "a header alone is an empty dataset");
}

#[test]
fn a_views_csv_has_one_row_per_figure_with_qualifier_date_and_source() {
    let data = Dataset::parse(EMBEDDED_DATASET).unwrap();
    let chart = build(&data, Query { view: View::Sites, value_labels: true, ..Query::default() }, Lang::En, &PlainLocale(Lang::En)).unwrap();
    let text = chart_csv(&data, &chart, Lang::En).expect("CSV is written");
    let mut reader = csv::Reader::from_reader(text.as_bytes());
    let headers = reader.headers().unwrap().clone();
    let rows: Vec<csv::StringRecord> = reader.records().map(Result::unwrap).collect();
    assert_eq!(rows.len(), chart.observations().len());
    let column = |row: &csv::StringRecord, name: &str| row[headers.iter().position(|h| h == name).unwrap()].to_string();
    let f01 = rows.iter().find(|r| &r[0] == "f01").expect("f01");
    assert_eq!(column(f01, "covers"), "Pechatniki + Alabushevo + Rudnevo");
    assert_eq!((column(f01, "qualifier"), column(f01, "value")), ("almost".into(), "18600".into()));
    assert_eq!(column(f01, "date_or_period"), "as of 9 Sep 2025");
    assert_eq!(column(f01, "source_url"), "https://biz.cnews.ru/news/line/2025-09-09_masshtabirovanie_vysokotehnologichnye");
    assert!(column(f01, "wording").contains("18,6 тыс."), "the source's own words, quoted as they are");
}

#[test]
fn a_spreadsheets_json_form_writes_fields_in_the_order_of_their_names() {
    let text = csv(&[
        "a1,people_employed,Тестовая зона | Test zone,Северная | North,,,,\"1 234\",,about,2026-01-01,,,Газета,https://example.org/a,2026-01-02,Заголовок,около 1234 человек,",
        "a2,jobs_created_period,,Южная | South,Фарма | Pharma,Завод | Plant,Цех | Shop,\"5,5\",7,range,,2025-H1,,Журнал,https://example.org/b,,,5.5,примечание | a note",
        "a3,people_employed,,Северная | North + Южная | South,Фарма | Pharma,,,5000,,more_than,2026-02,,,Газета,https://example.org/a,,,более 5000,",
    ]);
    let (_, json) = parse_csv(&text).unwrap_or_else(|p| panic!("{p:#?}"));
    let (start, rest) = json.split_once(",\"observations\":").expect("observations");
    let measures = r#"{"companies":[{"id":"завод","name":{"en":"Plant","ru":"Завод"},"sector":"фарма","sites":["южная"]}],"format":"sez-jobs","measures":[{"id":"jobs_created_period","name":{"en":"Jobs created in a period","ru":"Создано рабочих мест за период"},"time":"period","unit":{"en":"jobs","ru":"рабочих мест"}},"#;
    assert!(start.starts_with(measures), "{start}");
    assert!(start.contains(r#"{"id":"jobs_planned","name":{"en":"Planned jobs and employment","ru":"Плановые рабочие места и занятость"},"plan_for":"people_employed","time":"target","#), "{start}");
    let observations = concat!(
        r#"[{"date":"2026-01-01","id":"a1","measure":"people_employed","qualifier":"about","scope":{"sites":["северная"]},"source":"s1","value":1234.0,"wording":"около 1234 человек"},"#,
        r#"{"id":"a2","max":7.0,"measure":"jobs_created_period","note":{"en":"a note","ru":"примечание"},"period":"2025-H1","qualifier":"range","scope":{"company":"завод","part":{"en":"Shop","ru":"Цех"}},"source":"s2","value":5.5,"wording":"5.5"},"#,
        r#"{"date":"2026-02","id":"a3","measure":"people_employed","qualifier":"more_than","scope":{"sector":"фарма","sites":["северная","южная"]},"source":"s1","value":5000.0,"wording":"более 5000"}],"#,
        r#""sectors":[{"id":"фарма","name":{"en":"Pharma","ru":"Фарма"}}],"sites":[{"id":"северная","name":{"en":"North","ru":"Северная"}},{"id":"южная","name":{"en":"South","ru":"Южная"}}],"#,
        r#""sources":[{"date":"2026-01-02","id":"s1","outlet":"Газета","title":"Заголовок","url":"https://example.org/a"},{"id":"s2","outlet":"Журнал","url":"https://example.org/b"}],"#,
        r#""version":1,"zone":{"id":"zone","name":{"en":"Test zone","ru":"Тестовая зона"}}}"#,
    );
    assert_eq!(rest, observations);
}

#[test]
fn a_spreadsheets_source_grade_is_read_and_a_wrong_one_named_by_line_and_column() {
    let header = format!("{HEADER},source_grade");
    let rows = |grade: &str| format!("{header}\na1,people_employed,Зона,Северная,,,,5,,exact,2026-01-01,,,Газета,https://example.org/a,,,5,,{grade}");
    let (data, _) = parse_csv(&rows("official")).unwrap_or_else(|p| panic!("{p:#?}"));
    assert_eq!(data.sources[0].grade, Some(technopolis_explorer::grade::Grade::Official));
    let problems = parse_csv(&rows("blog")).unwrap_err();
    assert_eq!(problems.len(), 1, "{problems:#?}");
    assert_eq!(problems[0].place, Place::Csv { line: 2, column: Some("source_grade".into()) });
    assert!(problems[0].describe(Lang::En).contains("blog"), "{}", problems[0].describe(Lang::En));
}
