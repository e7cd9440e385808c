//! The figures behind a view as CSV, for a spreadsheet or an article: one row per figure with
//! its qualifier, date or period and source. Numbers are plain (18600), texts in the reader's
//! language.

use crate::chart::Chart;
use crate::dataset::{Dataset, Qualifier};
use crate::describe::{scope_label, source_date_label, when_label};
use crate::format::plain_number;
use crate::lang::Lang;

const HEADER: [&str; 14] = [
    "id", "covers", "measure", "unit", "qualifier", "value", "max", "date_or_period", "source_outlet", "source_date", "source_url", "source_title", "wording", "note",
];

fn qualifier_code(q: Qualifier) -> &'static str {
    match q {
        Qualifier::Exact => "exact",
        Qualifier::MoreThan => "more_than",
        Qualifier::Almost => "almost",
        Qualifier::About => "about",
        Qualifier::UpTo => "up_to",
        Qualifier::AtLeast => "at_least",
        Qualifier::Range { .. } => "range",
    }
}

pub fn chart_csv(data: &Dataset, chart: &Chart, lang: Lang) -> String {
    let mut csv = String::new();
    push_record(&mut csv, &HEADER.map(str::to_string));
    for index in chart.observations() {
        let obs = &data.observations[index];
        let (measure, source) = (&data.measures[obs.measure], &data.sources[obs.source]);
        let max = match obs.qualifier {
            Qualifier::Range { max } => plain_number(max),
            _ => String::new(),
        };
        let fields = [
            obs.id.clone(),
            scope_label(data, &obs.scope, lang),
            measure.name.get(lang).to_string(),
            measure.unit.get(lang).to_string(),
            qualifier_code(obs.qualifier).to_string(),
            plain_number(obs.value),
            max,
            when_label(obs, lang),
            source.outlet.clone(),
            source.date.map(|d| d.code()).unwrap_or_else(|| source_date_label(None, lang)),
            source.url.clone(),
            source.title.clone().unwrap_or_default(),
            obs.wording.clone(),
            obs.note.as_ref().map(|n| n.get(lang).to_string()).unwrap_or_default(),
        ];
        push_record(&mut csv, &fields);
    }
    csv
}

/// One line of CSV as the csv crate writes it: a field with a comma, a quote or a line break is
/// quoted, its quotes doubled. Not written by `csv::Writer` itself: a mode of it this export does
/// not use (quoting what is not a number) parses fields as floats, and that alone brought Rust's
/// float parsing and its tables into the wasm. `tests/csv.rs` reads the export back with the
/// csv crate.
fn push_record(csv: &mut String, fields: &[String]) {
    for (i, field) in fields.iter().enumerate() {
        if i > 0 {
            csv.push(',');
        }
        if field.contains([',', '"', '\r', '\n']) {
            csv.push('"');
            csv.push_str(&field.replace('"', "\"\""));
            csv.push('"');
        } else {
            csv.push_str(field);
        }
    }
    csv.push('\n');
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn records_are_written_as_the_csv_crate_writes_them() {
        let fields = ["plain", "a,b", "say \"hi\"", "two\nlines", "cr\rhere", "", " spaced ", "«ёлка», 18,6 тыс."].map(String::from);
        let mut ours = String::new();
        push_record(&mut ours, &fields);
        let mut writer = csv::Writer::from_writer(Vec::new());
        writer.write_record(&fields).unwrap();
        assert_eq!(ours.as_bytes(), writer.into_inner().unwrap());
    }
}
