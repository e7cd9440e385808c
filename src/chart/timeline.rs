//! The zone's jobs over time: jobs created to date as one panel, jobs created in a period as
//! another, each on its own axis (they are never stacked or added). Every sourced figure is a
//! point at its date, or a span over its period; no line joins them as if between were data.

use super::{Body, Builder, Chart, Panel, Point, Query};
use crate::format::short_figure;
use crate::sorting::sort_by;
use crate::time::When;

const CUMULATIVE: &str = "jobs_created_cumulative";
const IN_A_PERIOD: &str = "jobs_created_period";

pub(super) fn build(b: &Builder, query: Query) -> Option<Chart> {
    let (data, lang) = (b.data, b.lang);
    let mut panels = Vec::new();
    let mut undated = Vec::new();
    for measure in [CUMULATIVE, IN_A_PERIOD].into_iter().filter_map(|id| data.measure_by_id(id)) {
        let mut points = Vec::new();
        for (i, obs) in data.observations.iter().enumerate().filter(|(_, o)| o.measure == measure && o.scope.is_zone()) {
            if obs.when == When::NotStated {
                undated.push(i);
                continue;
            }
            let (start, end) = obs.span;
            let end = match obs.when {
                When::Period(p) => p.bounds().1,
                _ => end,
            };
            let label = short_figure(obs.value, obs.qualifier, b.locale) + &b.signs(i);
            points.push(Point { observation: i, start, end, value: obs.value, label, partial: obs.scope.part.is_some() });
        }
        sort_by(&mut points, &|a, b| (a.end, a.start).cmp(&(b.end, b.start)));
        if !points.is_empty() {
            panels.push(Panel { title: data.measures[measure].name.get(lang).to_string(), points });
        }
    }
    if panels.is_empty() {
        return None;
    }
    let title = lang.pick("Рабочие места в зоне во времени", "Jobs in the zone over time").to_string();
    let subtitle = format!(
        "{}. {}",
        data.zone.name.get(lang),
        lang.pick(
            "Точка — опубликованная цифра на дату; отрезок — период, за который она посчитана. У каждой панели своя шкала: созданное за всё время и за период не складываются и не сравниваются.",
            "A dot is a figure as of its date; a span is the period a figure counts. Each panel has its own scale: jobs created to date and in a period are never added or compared.",
        )
    );
    let mut chart = b.chart(&query, None, title, subtitle, Body::Timeline(panels));
    if chart.observations().iter().any(|&i| data.observations[i].scope.part.is_some()) {
        chart.key.push(lang.pick("○ — цифра только по части компаний зоны (например, по резидентам)", "○ — a figure for only part of the zone's companies (residents, say)").into());
    }
    if !undated.is_empty() {
        let list: Vec<String> = undated
            .iter()
            .map(|&i| format!("{} ({})", short_figure(data.observations[i].value, data.observations[i].qualifier, b.locale), data.observations[i].id))
            .collect();
        chart.key.push(format!("{} {}", lang.pick("Не показаны, так как год не указан:", "Not shown, the year is not stated:"), list.join(", ")));
    }
    Some(chart)
}
