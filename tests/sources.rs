//! The embedded dataset holds the figures of `../shared/data/SOURCES.md` exactly: same value,
//! same qualifier, same source address, and the source's wording taken from its quote.

use std::collections::HashMap;
use technopolis_explorer::dataset::{Dataset, Qualifier};
use technopolis_explorer::EMBEDDED_DATASET;

struct Row {
    figure: String,
    qualifier: String,
    address: String,
    quote: String,
}

/// The figure rows (`| fNN | scope | figure | qualifier | unit | date | address | date | quote |`).
fn sourced_rows() -> HashMap<String, Row> {
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/../shared/data/SOURCES.md");
    let text = std::fs::read_to_string(path).unwrap_or_else(|e| panic!("{path}: {e} (shared/ must sit beside the project)"));
    text.lines()
        .filter_map(|line| {
            let cells: Vec<&str> = line.split('|').map(str::trim).collect();
            let id = cells.get(1)?;
            let numbered = id.len() >= 3 && id.starts_with('f') && id[1..].bytes().all(|b| b.is_ascii_digit());
            (numbered && cells.len() >= 10).then(|| {
                let row = Row { figure: cells[3].into(), qualifier: cells[4].into(), address: cells[7].into(), quote: cells[9].into() };
                (id.to_string(), row)
            })
        })
        .collect()
}

fn qualifier_name(q: Qualifier) -> &'static str {
    match q {
        Qualifier::Exact => "exact",
        Qualifier::MoreThan => "more than",
        Qualifier::Almost => "almost",
        Qualifier::About => "about",
        Qualifier::UpTo => "up to",
        Qualifier::AtLeast => "at least",
        Qualifier::Range { .. } => "range",
    }
}

#[test]
fn every_figure_matches_its_row_in_sources_md() {
    let data = Dataset::parse(EMBEDDED_DATASET).expect("valid");
    let rows = sourced_rows();
    assert!(rows.len() >= 90, "read only {} rows of SOURCES.md", rows.len());
    for obs in &data.observations {
        let row = rows.get(&obs.id).unwrap_or_else(|| panic!("{} is not a figure of SOURCES.md", obs.id));
        let figure = match obs.qualifier {
            Qualifier::Range { max } => format!("{}–{}", obs.value, max),
            _ => obs.value.to_string(),
        };
        assert_eq!(figure, row.figure, "{}: value", obs.id);
        assert_eq!(qualifier_name(obs.qualifier), row.qualifier, "{}: qualifier", obs.id);
        let source = &data.sources[obs.source];
        if row.address != "seed" {
            assert!(row.address.starts_with(&source.url), "{}: source {} is not {}", obs.id, source.url, row.address);
        }
        let quote = row.quote.replace('…', " ");
        assert!(quote.contains(obs.wording.as_str()) || row.quote.split('…').any(|q| q.contains(obs.wording.as_str())),
            "{}: wording «{}» is not in the quote", obs.id, obs.wording);
    }
}

#[test]
fn every_figure_of_sources_md_is_in_the_dataset() {
    let data = Dataset::parse(EMBEDDED_DATASET).expect("valid");
    let ids: Vec<&str> = data.observations.iter().map(|o| o.id.as_str()).collect();
    let missing: Vec<String> = sourced_rows().into_keys().filter(|id| !ids.contains(&id.as_str())).collect();
    assert!(missing.is_empty(), "figures of SOURCES.md missing from the dataset: {missing:?}");
}
