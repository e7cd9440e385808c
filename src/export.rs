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
    let mut writer = csv::Writer::from_writer(Vec::new());
    let mut rows: Vec<Vec<String>> = vec![HEADER.iter().map(|h| h.to_string()).collect()];
    for index in chart.observations() {
        let obs = &data.observations[index];
        let (measure, source) = (&data.measures[obs.measure], &data.sources[obs.source]);
        let max = match obs.qualifier {
            Qualifier::Range { max } => plain_number(max),
            _ => String::new(),
        };
        rows.push(vec![
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
        ]);
    }
    for row in rows {
        // Writing into memory cannot fail; a failure would only drop that row.
        let _ = writer.write_record(&row);
    }
    writer.into_inner().map(|bytes| String::from_utf8_lossy(&bytes).into_owned()).unwrap_or_default()
}
