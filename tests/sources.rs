//! The embedded dataset holds exactly the figures of its fact sheet after the second review
//! (`data/fact-sheet.tsv`): for each, the same measure, value, qualifier, date, source address,
//! source date and source grade; every figure of the sheet is there, and no dropped one.

use std::collections::HashMap;
use technopolis_explorer::dataset::Dataset;
use technopolis_explorer::grade::Grade;
use technopolis_explorer::qualifier::{Qualifier, QualifierName};
use technopolis_explorer::time::When;
use technopolis_explorer::EMBEDDED_DATASET;

struct Row {
    measure: String,
    figure: String,
    qualifier: String,
    date: String,
    address: String,
    source_date: String,
    grade: String,
    dropped: bool,
}

/// The fact sheet's rows by figure id.
fn fact_sheet() -> HashMap<String, Row> {
    let text = include_str!("../data/fact-sheet.tsv");
    let mut reader = csv::ReaderBuilder::new().delimiter(b'\t').comment(Some(b'#')).from_reader(text.as_bytes());
    reader
        .records()
        .map(|record| {
            let record = record.expect("a well-formed row of the fact sheet");
            let cell = |i: usize| record.get(i).unwrap_or_default().to_string();
            let row = Row {
                measure: cell(1),
                figure: cell(2),
                qualifier: cell(3),
                date: cell(4),
                address: cell(5),
                source_date: cell(6),
                grade: cell(7),
                dropped: cell(8) == "R3 dropped",
            };
            (cell(0), row)
        })
        .collect()
}

/// The fact sheet names qualifiers in words.
fn sheet_name(q: Qualifier) -> &'static str {
    match q.name() {
        QualifierName::Exact => "exact",
        QualifierName::MoreThan => "more than",
        QualifierName::Almost => "almost",
        QualifierName::About => "about",
        QualifierName::UpTo => "up to",
        QualifierName::AtLeast => "at least",
        QualifierName::Range => "range",
    }
}

/// The date, period or target year as the dataset format writes it; empty when not stated.
fn when_code(when: &When) -> String {
    match when {
        When::Date(date) => date.code(),
        When::Period(period) => period.code(),
        When::Target(year) => year.to_string(),
        When::NotStated => String::new(),
    }
}

fn embedded() -> Dataset {
    Dataset::parse(EMBEDDED_DATASET).expect("valid")
}

#[test]
fn every_figure_matches_its_row_of_the_fact_sheet() {
    let data = embedded();
    let rows = fact_sheet();
    assert!(rows.len() >= 100, "read only {} rows of the fact sheet", rows.len());
    for obs in &data.observations {
        let row = rows.get(&obs.id).unwrap_or_else(|| panic!("{} is not a figure of the fact sheet", obs.id));
        assert!(!row.dropped, "{} was dropped by the second review", obs.id);
        let figure = match obs.qualifier.max() {
            Some(max) => format!("{}–{}", obs.value, max),
            None => obs.value.to_string(),
        };
        assert_eq!(data.measures[obs.measure].id, row.measure, "{}: measure", obs.id);
        assert_eq!(figure, row.figure, "{}: value", obs.id);
        assert_eq!(sheet_name(obs.qualifier), row.qualifier, "{}: qualifier", obs.id);
        assert_eq!(when_code(&obs.when), row.date, "{}: date", obs.id);
        let source = &data.sources[obs.source];
        assert_eq!(source.url, row.address, "{}: source address", obs.id);
        assert_eq!(source.date.map(|d| d.code()).unwrap_or_default(), row.source_date, "{}: source date", obs.id);
        assert_eq!(source.grade.map(Grade::code), Some(row.grade.as_str()), "{}: the grade of {}", obs.id, source.url);
    }
}

#[test]
fn every_figure_of_the_fact_sheet_is_in_the_dataset_and_no_dropped_one() {
    let data = embedded();
    let ids: Vec<&str> = data.observations.iter().map(|o| o.id.as_str()).collect();
    let sheet = fact_sheet();
    let missing: Vec<&String> = sheet.iter().filter(|(id, row)| !row.dropped && !ids.contains(&id.as_str())).map(|(id, _)| id).collect();
    assert!(missing.is_empty(), "figures of the fact sheet missing from the dataset: {missing:?}");
    let dropped: Vec<&String> = sheet.iter().filter(|(_, row)| row.dropped).map(|(id, _)| id).collect();
    assert_eq!(dropped.len(), 3, "f12, f21 and f58: {dropped:?}");
    for obs in &data.observations {
        let said = format!("{:?} {:?}", obs.note, obs.wording);
        for id in &dropped {
            assert!(!said.contains(&format!("{id} ")) && !said.contains(&format!("{id},")), "{} still refers to the dropped {id}: {said}", obs.id);
        }
    }
}

#[test]
fn every_source_is_graded_and_cited() {
    let data = embedded();
    for source in &data.sources {
        assert!(source.grade.is_some(), "{} has no grade", source.id);
        assert!(data.observations.iter().any(|o| data.sources[o.source].id == source.id), "{} is cited by no figure", source.id);
    }
    let reposts = data.observations.iter().filter(|o| data.sources[o.source].grade == Some(Grade::Repost)).count();
    assert_eq!(reposts, 20, "figures resting on a repost only after the second review (29 before it)");
}
