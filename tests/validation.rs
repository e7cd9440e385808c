//! Every kind of bad input yields a problem at the right JSON path, and all of them are listed.

use serde_json::{json, Value};
use technopolis_explorer::dataset::Dataset;
use technopolis_explorer::lang::Lang;
use technopolis_explorer::problem::{IdKind, Problem, ProblemKind};
use technopolis_explorer::EMBEDDED_DATASET;

fn embedded() -> Value {
    serde_json::from_str(EMBEDDED_DATASET).expect("embedded dataset is JSON")
}

/// The problems of the embedded dataset after `edit`.
fn problems_after(edit: impl FnOnce(&mut Value)) -> Vec<Problem> {
    let mut data = embedded();
    edit(&mut data);
    match Dataset::parse(&data.to_string()) {
        Ok(_) => panic!("the edited dataset was accepted"),
        Err(problems) => problems,
    }
}

fn set(data: &mut Value, pointer: &str, value: Value) {
    *data.pointer_mut(pointer).unwrap_or_else(|| panic!("no {pointer} in the dataset")) = value;
}

fn assert_problem(problems: &[Problem], path: &str, kind: ProblemKind) {
    assert!(
        problems.contains(&Problem::new(path, kind.clone())),
        "expected {kind:?} at {path}, got {problems:#?}"
    );
}

#[test]
fn the_embedded_dataset_is_valid_and_complete() {
    let data = Dataset::parse(EMBEDDED_DATASET).unwrap_or_else(|p| panic!("{p:#?}"));
    assert_eq!(data.sites.len(), 11);
    assert_eq!(data.observations.len(), 101, "97 figures, less 3 dropped and plus 7 added by the second review");
    assert_eq!(data.observations[0].id, "f01", "the seed article's figures come first");
    let ids: Vec<&str> = data.observations.iter().map(|o| o.id.as_str()).collect();
    for id in ["f02", "f10", "f17", "f36", "f53", "f100"] {
        assert!(ids.contains(&id), "{id} is missing");
    }
}

#[test]
fn text_that_is_not_json_gives_its_line_and_column() {
    let problems = Dataset::parse("{\n  \"format\": \"sez-jobs\",\n  oops\n}").unwrap_err();
    assert_eq!(problems, vec![Problem::new("$", ProblemKind::Syntax { line: 3, column: 3, truncated: false })]);
    let truncated = Dataset::parse(&EMBEDDED_DATASET[..2000]).unwrap_err();
    assert!(matches!(truncated[0].kind, ProblemKind::Syntax { truncated: true, .. }), "{truncated:?}");
    assert!(truncated[0].describe(Lang::En).contains("ends too early"));
}

#[test]
fn a_number_too_large_for_a_double_is_refused() {
    let problems = Dataset::parse(&EMBEDDED_DATASET.replacen("18600", "1e400", 1)).unwrap_err();
    assert!(matches!(problems[0].kind, ProblemKind::Syntax { .. }), "{problems:?}");
}

#[test]
fn a_dataset_must_be_an_object() {
    assert_eq!(Dataset::parse("[1, 2]").unwrap_err(), vec![Problem::new("$", ProblemKind::NotAnObject)]);
}

#[test]
fn an_empty_dataset_lists_every_missing_part() {
    let problems = Dataset::parse("{}").unwrap_err();
    for field in ["format", "version", "zone", "sites", "measures", "sources", "observations"] {
        assert_problem(&problems, "$", ProblemKind::MissingField(field.into()));
    }
    let problems = problems_after(|d| set(d, "/observations", json!([])));
    assert_problem(&problems, "$.observations", ProblemKind::EmptyList);
}

#[test]
fn format_and_version_are_checked() {
    let problems = problems_after(|d| {
        set(d, "/format", json!("other"));
        set(d, "/version", json!(2));
    });
    assert_problem(&problems, "$.format", ProblemKind::WrongFormat { found: "other".into() });
    assert_problem(&problems, "$.version", ProblemKind::WrongVersion { found: "2".into() });
}

#[test]
fn wrong_types_are_named() {
    let problems = problems_after(|d| set(d, "/observations/0/value", json!("18600")));
    assert_eq!(problems.len(), 1);
    assert_eq!(problems[0].path(), "$.observations[0].value");
    assert_eq!(problems[0].kind.message(Lang::En), "expected a number, found a string");
    assert_eq!(problems[0].kind.message(Lang::Ru), "ожидалось число, а получено строка");
    // What a wrong text says is never taken for its kind.
    let problems = problems_after(|d| set(d, "/observations/0/value", json!("a number, really")));
    assert_eq!(problems[0].kind.message(Lang::En), "expected a number, found a string");
    let problems = problems_after(|d| set(d, "/sites", json!("Печатники")));
    assert_problem(&problems, "$.sites", ProblemKind::WrongType { found: "string".into(), expected: "a sequence".into() });
    let problems = problems_after(|d| set(d, "/sites/0/name/en", json!(5)));
    assert_eq!(problems[0].path(), "$.sites[0].name.en");
}

#[test]
fn missing_and_unknown_fields_are_named() {
    let problems = problems_after(|d| {
        d["observations"][3].as_object_mut().unwrap().remove("source");
        d["observations"][4]["colour"] = json!("red");
    });
    assert_problem(&problems, "$.observations[3]", ProblemKind::MissingField("source".into()));
    assert_problem(&problems, "$.observations[4]", ProblemKind::UnknownField("colour".into()));
}

#[test]
fn unknown_ids_of_every_kind_are_reported() {
    let problems = problems_after(|d| {
        set(d, "/observations/1/scope", json!({ "sites": ["pechatniki", "atlantis"] }));
        set(d, "/observations/2/scope", json!({ "sector": "alchemy" }));
        set(d, "/observations/3/scope", json!({ "company": "acme" }));
        set(d, "/observations/4/measure", json!("happiness"));
        set(d, "/observations/5/source", json!("rumour"));
    });
    assert_problem(&problems, "$.observations[1].scope.sites[1]", ProblemKind::UnknownId { kind: IdKind::Site, id: "atlantis".into() });
    assert_problem(&problems, "$.observations[2].scope.sector", ProblemKind::UnknownId { kind: IdKind::Sector, id: "alchemy".into() });
    assert_problem(&problems, "$.observations[3].scope.company", ProblemKind::UnknownId { kind: IdKind::Company, id: "acme".into() });
    assert_problem(&problems, "$.observations[4].measure", ProblemKind::UnknownId { kind: IdKind::Measure, id: "happiness".into() });
    assert_problem(&problems, "$.observations[5].source", ProblemKind::UnknownId { kind: IdKind::Source, id: "rumour".into() });
}

#[test]
fn duplicate_ids_point_at_the_first_use() {
    let problems = problems_after(|d| {
        let first = d["sites"][0]["id"].clone();
        set(d, "/sites/2/id", first.clone());
        set(d, "/observations/7/id", json!("f01"));
    });
    let site = problems.iter().find(|p| p.path() == "$.sites[2].id").expect("duplicate site reported");
    assert!(matches!(&site.kind, ProblemKind::DuplicateId { first, .. } if first == "$.sites[0]"));
    assert!(problems.iter().any(|p| p.path() == "$.observations[7].id"));
}

#[test]
fn negative_values_are_refused() {
    let problems = problems_after(|d| set(d, "/observations/0/value", json!(-18600)));
    assert_problem(&problems, "$.observations[0].value", ProblemKind::NegativeValue(-18600.0));
}

#[test]
fn dates_and_periods_must_exist_and_run_forwards() {
    let problems = problems_after(|d| {
        set(d, "/observations/0/date", json!("2025-02-30"));
        set(d, "/observations/2/period", json!("2025-H3"));
        set(d, "/observations/3/period", json!("2025-09-09/2025-01-01"));
        set(d, "/sources/0/date", json!("09.09.2025"));
    });
    assert_problem(&problems, "$.observations[0].date", ProblemKind::BadDate("2025-02-30".into()));
    assert_problem(&problems, "$.observations[2].period", ProblemKind::BadPeriod("2025-H3".into()));
    assert_problem(&problems, "$.observations[3].period", ProblemKind::PeriodEndsBeforeStart("2025-09-09/2025-01-01".into()));
    assert_problem(&problems, "$.sources[0].date", ProblemKind::BadDate("09.09.2025".into()));
}

#[test]
fn an_observation_is_dated_the_way_its_measure_says() {
    let problems = problems_after(|d| {
        d["observations"][0].as_object_mut().unwrap().remove("date");
        set(&mut d["observations"][0], "/value", json!(18600));
        d["observations"][0]["period"] = json!("2025");
    });
    assert_problem(&problems, "$.observations[0].period", ProblemKind::WrongTimeField { expected: "date" });
}

#[test]
fn a_grade_that_does_not_exist_is_named_with_its_path_and_the_allowed_ones() {
    let problems = problems_after(|d| set(d, "/sources/3/grade", json!("blog")));
    let allowed = ["official", "company", "major_media", "media", "repost"].map(String::from).to_vec();
    assert_eq!(problems, vec![Problem::new("$.sources[3].grade", ProblemKind::UnknownValue { found: "blog".into(), allowed })]);
    let said = problems[0].describe(Lang::En);
    assert!(said.contains("blog") && said.contains("major_media"), "{said}");
    let problems = problems_after(|d| set(d, "/sources/0/grade", json!(3)));
    assert_eq!(problems[0].path(), "$.sources[0].grade");
}

#[test]
fn a_source_without_a_grade_is_read_as_not_graded() {
    let mut data = embedded();
    data["sources"][0].as_object_mut().unwrap().remove("grade");
    let parsed = Dataset::parse(&data.to_string()).unwrap_or_else(|p| panic!("{p:#?}"));
    assert_eq!(parsed.sources[0].grade, None);
    assert!(parsed.sources[1].grade.is_some());
}

#[test]
fn a_qualifier_that_does_not_exist_lists_the_allowed_ones() {
    let problems = problems_after(|d| set(d, "/observations/0/qualifier", json!("roughly")));
    assert_eq!(problems[0].path(), "$.observations[0].qualifier");
    let message = problems[0].kind.message(Lang::En);
    assert!(message.contains("roughly") && message.contains("more_than") && message.contains("at_least"), "{message}");
}

#[test]
fn ranges_need_a_larger_max_and_only_ranges_have_one() {
    let problems = problems_after(|d| {
        set(d, "/observations/0/qualifier", json!("range"));
        d["observations"][1]["max"] = json!(99999);
    });
    assert_problem(&problems, "$.observations[0].qualifier", ProblemKind::RangeWithoutMax);
    assert_problem(&problems, "$.observations[1].max", ProblemKind::MaxWithoutRange);
    let index = embedded()["observations"].as_array().unwrap().iter().position(|o| o["qualifier"] == "range").unwrap();
    let problems = problems_after(|d| d["observations"][index]["max"] = json!(1));
    assert_problem(&problems, &format!("$.observations[{index}].max"), ProblemKind::MaxNotAboveValue);
}

#[test]
fn a_company_scope_takes_no_sites_or_sector() {
    let problems = problems_after(|d| set(d, "/observations/2/scope", json!({ "company": "renera", "sites": ["pechatniki"] })));
    assert_problem(&problems, "$.observations[2].scope", ProblemKind::CompanyWithSitesOrSector);
}

#[test]
fn names_must_not_be_empty_and_addresses_must_be_web_addresses() {
    let problems = problems_after(|d| {
        set(d, "/sites/0/name/ru", json!("  "));
        set(d, "/sources/0/url", json!("javascript:alert(1)"));
    });
    assert_problem(&problems, "$.sites[0].name.ru", ProblemKind::EmptyText);
    assert_problem(&problems, "$.sources[0].url", ProblemKind::BadUrl("javascript:alert(1)".into()));
}

#[test]
fn every_problem_of_one_observation_is_listed() {
    let problems = problems_after(|d| {
        set(d, "/observations/0", json!({
            "id": "x", "measure": "people_employed", "scope": { "sites": ["nowhere"] }, "value": -3,
            "qualifier": "roughly", "date": "2025-02-30", "source": "nobody", "wording": "w"
        }));
    });
    let paths: Vec<&str> = problems.iter().map(|p| p.path()).collect();
    for path in ["scope.sites[0]", "value", "qualifier", "date", "source"] {
        assert!(paths.contains(&format!("$.observations[0].{path}").as_str()), "{path} not in {paths:?}");
    }
}

#[test]
fn a_byte_order_mark_is_tolerated() {
    assert!(Dataset::parse(&format!("\u{feff}{EMBEDDED_DATASET}")).is_ok());
}

/// The embedded dataset without the whitespace between its tokens, so that a test can find and
/// edit a field by its text.
fn compact() -> String {
    let mut out = String::with_capacity(EMBEDDED_DATASET.len());
    let (mut in_string, mut escaped) = (false, false);
    for c in EMBEDDED_DATASET.chars() {
        if in_string {
            out.push(c);
            match (escaped, c) {
                (true, _) => escaped = false,
                (false, '\\') => escaped = true,
                (false, '"') => in_string = false,
                _ => {}
            }
        } else if !c.is_ascii_whitespace() {
            in_string = c == '"';
            out.push(c);
        }
    }
    out
}

/// The embedded dataset with `fields` written at the start of the first observation, before its own.
fn with_first_observation_starting(fields: &str) -> Result<Dataset, Vec<Problem>> {
    let first = r#"{"id":"f01","#;
    assert!(compact().contains(first));
    Dataset::parse(&compact().replacen(first, &format!("{{{fields},\"id\":\"f01\","), 1))
}

#[test]
fn of_a_name_given_twice_the_last_counts() {
    let data = with_first_observation_starting(r#""value":"many","wording":"""#).unwrap_or_else(|p| panic!("{p:#?}"));
    assert_eq!(data.observations[0].value, 18600.0);
    let scope = r#""scope":{"sites":["pechatniki","alabushevo","rudnevo"]}"#;
    assert!(compact().contains(scope));
    let twice = compact().replacen(scope, r#""scope":{"sites":[],"sites":["atlantis"]}"#, 1);
    let atlantis = ProblemKind::UnknownId { kind: IdKind::Site, id: "atlantis".into() };
    assert_eq!(Dataset::parse(&twice).err(), Some(vec![Problem::new("$.observations[0].scope.sites[0]", atlantis)]));
}

#[test]
fn unknown_fields_are_named_once_each_in_document_order() {
    let problems = with_first_observation_starting(r#""zebra":1,"apple":2,"zebra":3"#).unwrap_err();
    let unknown = |name: &str| Problem::new("$.observations[0]", ProblemKind::UnknownField(name.into()));
    assert_eq!(problems, vec![unknown("zebra"), unknown("apple")]);
}

#[test]
fn a_name_written_with_escapes_is_the_same_name() {
    let data = with_first_observation_starting(r#""\u0076alue":"many","v\u0061lue":1"#).unwrap_or_else(|p| panic!("{p:#?}"));
    assert_eq!(data.observations[0].value, 18600.0, "the unescaped one, written last, counts");
    let escaped = compact().replacen(r#""wording":""#, r#""wording":"\u00ab"#, 1);
    let data = Dataset::parse(&escaped).unwrap_or_else(|p| panic!("{p:#?}"));
    assert!(data.observations.iter().any(|o| o.wording.starts_with('«')), "escaped text is decoded");
}
