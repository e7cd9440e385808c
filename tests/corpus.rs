//! The hostile-input corpus (`tests/corpus/`, each file with the message it must produce in
//! `EXPECTED.tsv`) and generated inputs too large to keep: every one gets its message naming the
//! place, or is accepted and then drawn in every view; none panics.

use std::panic::catch_unwind;
use technopolis_explorer::chart::{build, Query, Sort, View, MAX_DRAWN_ROWS};
use technopolis_explorer::format::PlainLocale;
use technopolis_explorer::input::read_dataset;
use technopolis_explorer::lang::Lang;
use technopolis_explorer::limits::{MAX_BYTES, MAX_CSV_ROWS, MAX_OBSERVATIONS};
use technopolis_explorer::layout::{layout, EstimatedText};
use technopolis_explorer::render::to_svg;
use technopolis_explorer::theme::Theme;

const CORPUS: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/corpus/");

/// Reads bytes as a dataset and returns every message, or "accepted" after drawing every view.
fn outcome(bytes: &[u8], name: &str) -> Vec<String> {
    match read_dataset(bytes, name) {
        Err(problems) => problems.iter().map(|p| p.describe(Lang::En)).collect(),
        Ok((data, _)) => {
            for view in View::ALL {
                for lang in [Lang::Ru, Lang::En] {
                    if let Some(chart) = build(&data, Query { view, value_labels: true, ..Query::default() }, lang, &PlainLocale(lang)) {
                        let svg = to_svg(&layout(&chart, 360.0, &EstimatedText, &PlainLocale(lang)), Theme::Light, "sans-serif");
                        assert!(!svg.contains("<script") && !svg.contains("<img"), "{name}: a label became markup");
                    }
                }
            }
            vec!["accepted".into()]
        }
    }
}

fn assert_outcome(name: &str, bytes: &[u8], place: &str, message: &str) {
    let got = catch_unwind(|| outcome(bytes, name)).unwrap_or_else(|_| panic!("{name} panicked"));
    let expected = if place.is_empty() { message.to_string() } else { format!("{place}: ") };
    assert!(
        got.iter().any(|m| m.starts_with(&expected) && m.contains(message)),
        "{name}: expected «{place}: …{message}…», got {got:#?}"
    );
}

#[test]
fn every_file_of_the_corpus_gets_its_message() {
    let expected = std::fs::read_to_string(format!("{CORPUS}EXPECTED.tsv")).expect("EXPECTED.tsv");
    let cases: Vec<Vec<&str>> = expected.lines().filter(|l| !l.starts_with('#')).map(|l| l.split('\t').collect()).collect();
    assert!(cases.len() >= 40, "the corpus has {} cases", cases.len());
    for case in &cases {
        let [name, place, message] = case[..] else { panic!("bad line {case:?}") };
        let bytes = std::fs::read(format!("{CORPUS}{name}")).unwrap_or_else(|e| panic!("{name}: {e}"));
        assert_outcome(name, &bytes, place, message);
    }
    let files = std::fs::read_dir(CORPUS).unwrap().count() - 1;
    assert_eq!(files, cases.len(), "every corpus file has its expected message");
}

/// A valid dataset with `sites` sites and `observations` observations, its texts `text_chars` long.
fn generated(sites: usize, observations: usize, text_chars: usize) -> String {
    let name = "н".repeat(text_chars.max(1));
    let sites_json: Vec<String> = (0..sites).map(|i| format!(r#"{{"id":"s{i}","name":{{"ru":"{name}","en":"S{i}"}}}}"#)).collect();
    let observations_json: Vec<String> = (0..observations)
        .map(|i| format!(r#"{{"id":"o{i}","measure":"m","scope":{{"sites":["s{}"]}},"value":{i},"qualifier":"exact","date":"2025-01-01","source":"x","wording":"w"}}"#, i % sites.max(1)))
        .collect();
    format!(
        r#"{{"format":"sez-jobs","version":1,"zone":{{"id":"z","name":{{"ru":"З","en":"Z"}}}},"sites":[{}],"sectors":[],"companies":[],
        "measures":[{{"id":"m","name":{{"ru":"м","en":"m"}},"unit":{{"ru":"ч","en":"p"}},"time":"date"}}],
        "sources":[{{"id":"x","outlet":"o","url":"https://example.org"}}],"observations":[{}]}}"#,
        sites_json.join(","),
        observations_json.join(",")
    )
}

#[test]
fn inputs_too_large_to_keep_are_refused_before_they_are_parsed_whole() {
    let too_big = " ".repeat(MAX_BYTES + 1);
    assert_outcome("200 MB and a byte of spaces", too_big.as_bytes(), "$", "the file is too large (200.0 MB, at most 200.0 MB): split it into smaller files");
    drop(too_big);
    // Items are counted before any is decoded, so empty ones are enough.
    let too_many = generated(10, 1, 1).replace(r#""observations":["#, &format!(r#""observations":[{}"#, "{},".repeat(MAX_OBSERVATIONS)));
    assert_outcome("10^6 + 1 observations", too_many.as_bytes(), "$.observations", &format!("too many items ({}, the limit is {MAX_OBSERVATIONS}): split the dataset into smaller ones", MAX_OBSERVATIONS + 1));
    let many_sites = generated(100_000, 1, 1);
    assert_outcome("10^5 sites", many_sites.as_bytes(), "$.sites", "too many items (100000, the limit is 10000)");
    let megabyte_name = generated(1, 1, 1024 * 1024);
    assert_outcome("a 1 MB name", megabyte_name.as_bytes(), "$.sites[0].name.ru", "the text is too long (1048576 characters");
    let deep = format!("{}{}", "[".repeat(100_000), "]".repeat(100_000));
    assert_outcome("10^5 levels", deep.as_bytes(), "$", "the JSON is nested too deeply");
    let header = "id,measure,zone,sites,sector,company,part,value,max,qualifier,date,period,target,source_outlet,source_url,source_date,source_title,wording,note\n";
    let row = "r,jobs_stock,Z,S,,,,1,,exact,2025,,,o,http://e,,,w,\n";
    let csv_rows = format!("{header}{}", row.repeat(MAX_CSV_ROWS + 1));
    assert_outcome("10^5 + 1 CSV rows.csv", csv_rows.as_bytes(), &format!("line {}", MAX_CSV_ROWS + 2), "too many items");
    let csv_cell = format!("{header}{}", row.replace(",w,", &format!(",{},", "w".repeat(1024 * 1024))));
    assert!(csv_rows.len() < MAX_BYTES, "the row count is what is refused, not the size");
    assert_outcome("a 1 MB CSV cell.csv", csv_cell.as_bytes(), "line 2, column «wording»", "the text is too long");
}

#[test]
fn large_but_allowed_inputs_still_draw() {
    let big = generated(1000, 20_000, 20);
    assert_outcome("1000 sites, 20000 observations", big.as_bytes(), "", "accepted");
}

#[test]
fn more_rows_than_a_chart_can_show_are_drawn_in_part_and_the_chart_says_so() {
    let (data, _) = read_dataset(generated(5000, 5000, 1).as_bytes(), "many.json").expect("valid");
    let query = Query { view: View::Sites, sort: Sort::ValueDesc, value_labels: true, ..Query::default() };
    let chart = build(&data, query, Lang::En, &PlainLocale(Lang::En)).expect("figures");
    assert_eq!(chart.rows().count(), 5001, "the chart keeps every row (the zone's too) for the table and CSV");
    let note = chart.not_drawn.as_deref().expect("a note");
    assert!(note.contains(&format!("first {MAX_DRAWN_ROWS} of 5,001 rows")), "{note}");
    let scene = layout(&chart, 900.0, &EstimatedText, &PlainLocale(Lang::En));
    assert_eq!(scene.marks.len(), MAX_DRAWN_ROWS, "one bar per drawn row (the zone's, with no figure, sorts last)");
    let drawn: Vec<f64> = scene.marks.iter().map(|m| data.observations[m.observation].value).collect();
    assert_eq!(drawn[0], 4999.0, "the largest first");
    assert!(drawn.windows(2).all(|w| w[0] >= w[1]), "in the chosen order");
    assert!(scene.height < 60.0 * 40.0 + 600.0, "the canvas stays a readable height: {}", scene.height);
    assert!(to_svg(&scene, Theme::Light, "sans-serif").contains(&note[..20]), "the note is drawn");
    let small = build(&data, Query { view: View::Sites, ..Query::default() }, Lang::En, &PlainLocale(Lang::En));
    assert!(small.is_some_and(|c| c.not_drawn.is_some()));
}
