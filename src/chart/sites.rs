//! Per site (and the plan view): each site's latest figure for a measure, with its date, and the
//! plan published for it beside it. The whole zone comes first; a figure that covers several
//! sites together is one row of its own, never split.

use super::{chosen_period, latest, Body, Builder, Chart, Group, Query, Series, Tone, View};
use crate::dataset::Scope;
use crate::sorting::sort_by;
use crate::time::MeasureTime;
use chrono::NaiveDate;

/// The scopes that get a row: the zone, each group of sites some figure covers (in the order
/// their first figures are listed), each site.
fn scopes(b: &Builder, measures: &[usize]) -> Vec<Scope> {
    let data = b.data;
    let mut groups: Vec<(usize, &Scope)> = measures
        .iter()
        .flat_map(|&m| data.subjects(m))
        .filter_map(|figures| {
            let scope = &data.observations[*figures.first()?].scope;
            let group = scope.sites.len() > 1 && View::Sites.shows(data, scope);
            group.then(|| (figures.iter().copied().min().unwrap_or_default(), scope))
        })
        .collect();
    sort_by(&mut groups, &|a, b| a.0.cmp(&b.0));
    let mut scopes = vec![Scope::default()];
    for (_, scope) in groups {
        if !scopes.contains(scope) {
            scopes.push(scope.clone());
        }
    }
    scopes.extend((0..data.sites.len()).map(|s| Scope { sites: vec![s], ..Scope::default() }));
    scopes
}

/// `period=` here is a year: each row shows its latest figure as of the end of that year.
fn years(b: &Builder, measure: usize, scopes: &[Scope]) -> Vec<(String, String)> {
    let start = |i: usize| b.data.observations[i].span.0;
    let mut years: Vec<i32> = Vec::new();
    for scope in scopes {
        // A scope's figures come earliest first: from each year's first, on to the next year's.
        let about = b.data.about(measure, scope);
        let mut at = about.partition_point(|&i| start(i) == NaiveDate::MIN);
        while let Some(&first) = about.get(at) {
            let year = chrono::Datelike::year(&start(first));
            years.push(year);
            let next = NaiveDate::from_ymd_opt(year + 1, 1, 1).unwrap_or(NaiveDate::MAX);
            at += about[at..].partition_point(|&i| start(i) < next).max(1);
        }
    }
    sort_by(&mut years, &|a, b| b.cmp(a));
    years.dedup();
    let label = |y: i32| b.lang.pick(&format!("на конец {y} года"), &format!("as of end {y}")).to_string();
    years.into_iter().map(|y| (y.to_string(), label(y))).collect()
}

/// "достигнуто ≈ 18 %": how far the current figure is towards the plan, always approximate
/// since the two are different measures at different dates.
fn share(b: &Builder, current: f64, plan: f64) -> String {
    let percent = (current / plan * 100.0).round();
    format!("{} ≈ {} %", b.lang.pick("достигнуто", "reached"), b.locale.format(percent))
}

pub(super) fn build(b: &Builder, query: Query) -> Option<Chart> {
    let (data, lang) = (b.data, b.lang);
    let measure = query.view.pick_measure(data, query.measure)?;
    let plan = data.plan_of(measure);
    let scopes = scopes(b, &[Some(measure), plan].into_iter().flatten().collect::<Vec<_>>());
    let periods = years(b, measure, &scopes);
    let period = chosen_period(&periods, query.period);
    let until = period.as_deref().and_then(|y| y.parse().ok()).and_then(|y| NaiveDate::from_ymd_opt(y, 12, 31));
    let plan_view = query.view == View::Plan;
    let mut rows = Vec::new();
    for scope in &scopes {
        let current = latest(data, measure, scope, until).map(|i| b.bar(i, Series::Current, Tone::Current, true));
        let mut planned = plan.and_then(|p| latest(data, p, scope, None)).map(|i| b.bar(i, Series::Plan, Tone::Plan, true));
        if plan_view {
            let Some(plan_bar) = planned.as_mut() else { continue };
            if let Some(now) = &current {
                plan_bar.label = format!("{} · {}", plan_bar.label, share(b, now.value, plan_bar.value));
            }
        }
        rows.push(b.row(scope, current, planned));
    }
    query.sort.apply(&mut rows, b.locale);
    let m = &data.measures[measure];
    let (title, what) = match (plan_view, m.time, plan.is_some()) {
        (true, _, _) => (
            format!("{} {}", m.name.get(lang), lang.pick("сейчас и по плану", "now and planned")),
            lang.pick(
                "Последняя опубликованная цифра рядом с опубликованным планом и доля плана, которая уже достигнута. Это разные показатели и разные даты, поэтому доля приблизительна. Площадки без опубликованного плана здесь не показаны.",
                "The latest sourced figure beside the published plan, and the share of the plan already reached. They are different measures at different dates, so the share is approximate. Sites with no published plan are not shown here.",
            ),
        ),
        (false, MeasureTime::Target, _) => (
            format!("{} — {}", m.name.get(lang), lang.pick("по площадкам", "by site")),
            lang.pick("Последний опубликованный план для каждой площадки и год, к которому он относится.", "Each site's latest published plan and its target year."),
        ),
        (false, _, true) => (
            format!("{} — {}", m.name.get(lang), lang.pick("по площадкам", "by site")),
            lang.pick(
                "Последняя опубликованная цифра по каждой площадке с её датой; рядом — план, где он опубликован.",
                "Each site's latest sourced figure with its date; beside it, the plan where one is published.",
            ),
        ),
        (false, _, false) => (
            format!("{} — {}", m.name.get(lang), lang.pick("по площадкам", "by site")),
            lang.pick("Последняя опубликованная цифра по каждой площадке с её датой.", "Each site's latest sourced figure with its date."),
        ),
    };
    let as_of = periods.iter().find(|(code, _)| Some(code) == period.as_ref()).map(|(_, label)| format!(" ({label})")).unwrap_or_default();
    let subtitle = format!("{}, {}{as_of}. {what}", data.zone.name.get(lang), m.unit.get(lang));
    let mut chart = b.chart(&query, Some(measure), title, subtitle, Body::Bars(vec![Group { header: None, rows }]));
    let plan_shown = chart.bars().find(|bar| bar.series == Series::Plan).map(|bar| data.observations[bar.observation].measure);
    if let Some(plan) = plan_shown {
        chart.legend = vec![
            (Tone::Current, format!("{}, {}", m.name.get(lang), lang.pick("последняя цифра", "latest figure"))),
            (Tone::Plan, data.measures[plan].name.get(lang).to_string()),
        ];
    }
    chart.periods = periods;
    chart.period = period;
    Some(chart)
}
