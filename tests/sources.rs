//! The embedded dataset holds exactly the figures of its fact sheet (`data/fact-sheet.tsv`): the
//! same value, qualifier and source address for each, and every figure of the sheet is there.

use std::collections::HashMap;
use technopolis_explorer::dataset::Dataset;
use technopolis_explorer::qualifier::{Qualifier, QualifierName};
use technopolis_explorer::EMBEDDED_DATASET;

struct Row {
    figure: String,
    qualifier: String,
    address: String,
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
            (cell(0), Row { figure: cell(1), qualifier: cell(2), address: cell(3) })
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

#[test]
fn every_figure_matches_its_row_of_the_fact_sheet() {
    let data = Dataset::parse(EMBEDDED_DATASET).expect("valid");
    let rows = fact_sheet();
    assert!(rows.len() >= 90, "read only {} rows of the fact sheet", rows.len());
    for obs in &data.observations {
        let row = rows.get(&obs.id).unwrap_or_else(|| panic!("{} is not a figure of the fact sheet", obs.id));
        let figure = match obs.qualifier.max() {
            Some(max) => format!("{}–{}", obs.value, max),
            None => obs.value.to_string(),
        };
        assert_eq!(figure, row.figure, "{}: value", obs.id);
        assert_eq!(sheet_name(obs.qualifier), row.qualifier, "{}: qualifier", obs.id);
        let source = &data.sources[obs.source];
        assert!(row.address.starts_with(&source.url), "{}: source {} is not {}", obs.id, source.url, row.address);
    }
}

#[test]
fn every_figure_of_the_fact_sheet_is_in_the_dataset() {
    let data = Dataset::parse(EMBEDDED_DATASET).expect("valid");
    let ids: Vec<&str> = data.observations.iter().map(|o| o.id.as_str()).collect();
    let missing: Vec<String> = fact_sheet().into_keys().filter(|id| !ids.contains(&id.as_str())).collect();
    assert!(missing.is_empty(), "figures of the fact sheet missing from the dataset: {missing:?}");
}
