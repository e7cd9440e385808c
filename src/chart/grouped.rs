//! Per sector and per company: every figure for a measure, grouped by its date or period
//! (newest group first), since figures of different dates are not comparable. Sectors or
//! companies with no figure are listed last, not dropped.

use super::{chosen_period, Body, Builder, Chart, Group, Query, Row, Series, Tone, View};
use crate::describe::{sector_of, when_label};
use crate::sorting::sort_by_cached_key;
use crate::subject::Subject;
use crate::time::When;
use std::cmp::Reverse;

/// Up to eight categories get their own colour; more reuse them (their labels still differ).
const CATEGORY_COLOURS: usize = 8;

fn tone(b: &Builder, view: View, index: usize) -> Tone {
    match (view, sector_of(b.data, &b.data.observations[index].scope)) {
        (View::Companies, Some(sector)) => Tone::Category((sector % CATEGORY_COLOURS) as u8),
        _ => Tone::Current,
    }
}

/// "РЭНЕРА (Литий-ионные батареи) — Печатники, Красная Пахра": a company with its sector, which
/// its colour also shows (colour is never the only sign), and the sites it works at.
fn company_label(b: &Builder, company: usize) -> String {
    let c = &b.data.companies[company];
    let mut label = c.name.get(b.lang).to_string();
    if let Some(sector) = c.sector {
        label = format!("{label} ({})", b.data.sectors[sector].name.get(b.lang));
    }
    let sites: Vec<&str> = c.sites.iter().map(|&s| b.data.sites[s].name.get(b.lang)).collect();
    match sites.is_empty() {
        true => label,
        false => format!("{label} — {}", sites.join(", ")),
    }
}

pub(super) fn build(b: &Builder, query: Query) -> Option<Chart> {
    let (data, lang, view) = (b.data, b.lang, query.view);
    let measure = view.pick_measure(data, query.measure)?;
    let mut figures: Vec<usize> = (0..data.observations.len())
        .filter(|&i| data.observations[i].measure == measure && view.shows(data, &data.observations[i].scope))
        .collect();
    let when = |i: usize| (data.observations[i].when, when_label(&data.observations[i], lang));
    // Newest group first, figures with no stated date or period last, largest first within a
    // group (the bits of a non-negative double order like the number).
    let key = |i: usize| {
        let obs = &data.observations[i];
        (obs.when == When::NotStated, Reverse(obs.span), when(i).1, Reverse(obs.value.to_bits()))
    };
    sort_by_cached_key(&mut figures, |&i| key(i));
    let mut periods: Vec<(String, String)> = Vec::new();
    for &i in &figures {
        let entry = (data.observations[i].when.code(), when(i).1);
        if !periods.contains(&entry) {
            periods.push(entry);
        }
    }
    let period = chosen_period(&periods, query.period);
    figures.retain(|&i| period.as_ref().is_none_or(|p| data.observations[i].when.code() == *p));

    let mut groups: Vec<Group> = Vec::new();
    for &i in &figures {
        if groups.last().and_then(|g| g.header.as_ref()) != Some(&when(i).1) {
            groups.push(Group { header: Some(when(i).1), rows: Vec::new() });
        }
        let scope = &data.observations[i].scope;
        let with_period = view == View::Companies;
        let mut row = b.row(scope, Some(b.bar(i, Series::Current, tone(b, view, i), with_period)), None);
        if let (View::Companies, Some(company)) = (view, scope.company) {
            row.label = company_label(b, company);
        }
        if let Some(group) = groups.last_mut() {
            group.rows.push(row);
        }
    }
    for group in &mut groups {
        query.sort.apply(&mut group.rows, b.locale);
    }
    let missing = missing_rows(b, view, &figures);
    if !missing.is_empty() {
        groups.push(Group { header: Some(lang.pick("Нет опубликованных цифр", "No sourced figure").to_string()), rows: missing });
    }
    let m = &data.measures[measure];
    let by = match view {
        View::Companies => lang.pick("по компаниям", "by company"),
        _ => lang.pick("по отраслям", "by sector"),
    };
    let subtitle = format!(
        "{}, {}. {}",
        data.zone.name.get(lang),
        m.unit.get(lang),
        lang.pick(
            "Цифры сгруппированы по дате или периоду: цифры разных групп между собой не сравнимы.",
            "Figures are grouped by date or period: figures in different groups are not comparable.",
        )
    );
    let title = format!("{} — {by}", m.name.get(lang));
    let mut chart = b.chart(&query, Some(measure), title, subtitle, Body::Bars(groups));
    if view == View::Companies {
        chart.legend = legend(b, &chart);
    }
    chart.periods = periods;
    chart.period = period;
    Some(chart)
}

/// The sectors (or companies) that have no figure among those shown.
fn missing_rows(b: &Builder, view: View, figures: &[usize]) -> Vec<Row> {
    let data = b.data;
    let covered: Vec<Subject> = figures
        .iter()
        .map(|&i| {
            let scope = &data.observations[i].scope;
            match view {
                View::Companies => Subject::of_scope(scope),
                _ => sector_of(data, scope).map_or(Subject::Zone, Subject::Sector),
            }
        })
        .collect();
    let subjects: Vec<(Subject, String)> = match view {
        View::Companies => (0..data.companies.len()).map(|c| (Subject::Company(c), company_label(b, c))).collect(),
        _ => (0..data.sectors.len()).map(|s| (Subject::Sector(s), data.sectors[s].name.get(b.lang).to_string())).collect(),
    };
    subjects
        .into_iter()
        .filter(|(subject, _)| !covered.contains(subject))
        .map(|(subject, label)| Row { label, subject, current: None, plan: None })
        .collect()
}

/// One entry per sector colour the chart uses.
fn legend(b: &Builder, chart: &Chart) -> Vec<(Tone, String)> {
    let mut legend: Vec<(Tone, String)> = Vec::new();
    for bar in chart.bars() {
        let sector = sector_of(b.data, &b.data.observations[bar.observation].scope);
        if let (Tone::Category(_), Some(sector)) = (bar.tone, sector) {
            let entry = (bar.tone, b.data.sectors[sector].name.get(b.lang).to_string());
            if !legend.contains(&entry) {
                legend.push(entry);
            }
        }
    }
    legend
}
