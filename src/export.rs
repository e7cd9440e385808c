//! The figures behind a view as CSV, for a spreadsheet or an article: one row per figure with
//! its qualifier, date or period and source. Numbers are plain (18600), texts in the reader's
//! language.

use crate::chart::Chart;
use crate::dataset::Dataset;
use crate::describe::{scope_label, source_date_label, when_label};
use crate::grade::Grade;
use crate::lang::Lang;

const HEADER: [&str; 15] = [
    "id", "covers", "measure", "unit", "qualifier", "value", "max", "date_or_period", "source_outlet", "source_date", "source_url", "source_title", "source_grade", "wording", "note",
];

/// The chart's figures as CSV text (UTF-8, a header row, one row per figure).
pub fn chart_csv(data: &Dataset, chart: &Chart, lang: Lang) -> Result<String, csv::Error> {
    let mut writer = csv::Writer::from_writer(Vec::new());
    writer.write_record(HEADER)?;
    for index in chart.observations() {
        let obs = &data.observations[index];
        let (measure, source) = (&data.measures[obs.measure], &data.sources[obs.source]);
        writer.write_record([
            obs.id.clone(),
            scope_label(data, &obs.scope, lang),
            measure.name.get(lang).to_string(),
            measure.unit.get(lang).to_string(),
            obs.qualifier.name().code().to_string(),
            obs.value.to_string(),
            obs.qualifier.max().map(|max| max.to_string()).unwrap_or_default(),
            when_label(obs, lang),
            source.outlet.clone(),
            source.date.map(|d| d.code()).unwrap_or_else(|| source_date_label(None, lang)),
            source.url.clone(),
            source.title.clone().unwrap_or_default(),
            source.grade.map(Grade::code).unwrap_or_default().to_string(),
            obs.wording.clone(),
            obs.note.as_ref().map(|n| n.get(lang).to_string()).unwrap_or_default(),
        ])?;
    }
    let bytes = writer.into_inner().map_err(|e| e.into_error())?;
    // Every field went in as a Rust string, so the bytes are UTF-8.
    Ok(String::from_utf8_lossy(&bytes).into_owned())
}
