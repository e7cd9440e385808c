//! The two views' queries: which sourced figures a chart shows, in which rows and groups,
//! with every text already in the reader's language. Layout turns this into geometry.

use crate::dataset::{Dataset, MeasureTime, Observation, Scope};
use crate::describe::{scope_label, sector_of, source_date_label, when_label};
use crate::format::{qualifier_key, short_figure, NumberFormat};
use crate::lang::Lang;
use crate::time::When;
use std::cmp::Ordering;

#[derive(Clone, Copy, Debug, PartialEq, Eq, Default)]
pub enum View {
    #[default]
    Sites,
    Sectors,
}

impl View {
    pub const ALL: [View; 2] = [View::Sites, View::Sectors];

    pub fn parse(code: &str) -> Option<View> {
        View::ALL.into_iter().find(|v| v.code() == code)
    }

    pub fn code(self) -> &'static str {
        match self {
            View::Sites => "sites",
            View::Sectors => "sectors",
        }
    }

    pub fn name(self, lang: Lang) -> &'static str {
        match self {
            View::Sites => lang.pick("По площадкам", "By site"),
            View::Sectors => lang.pick("По отраслям", "By sector"),
        }
    }

    /// The measure a view opens with, when the dataset has it.
    fn preferred_measure(self) -> &'static str {
        match self {
            View::Sites => "people_employed",
            View::Sectors => "jobs_created_cumulative",
        }
    }

    /// Whether an observation's scope belongs in this view.
    fn shows(self, data: &Dataset, scope: &Scope) -> bool {
        match self {
            View::Sites => scope.sector.is_none() && scope.company.is_none() && scope.part.is_none(),
            View::Sectors => sector_of(data, scope).is_some(),
        }
    }

    /// The measures this view has figures for, in the dataset's order.
    pub fn measures(self, data: &Dataset) -> Vec<usize> {
        (0..data.measures.len())
            .filter(|&m| data.observations.iter().any(|o| o.measure == m && self.shows(data, &o.scope)))
            .collect()
    }

    /// The measure asked for if this view has it, else the view's preferred one, else its first.
    pub fn pick_measure(self, data: &Dataset, asked: Option<&str>) -> Option<usize> {
        let available = self.measures(data);
        let by_id = |id: &str| data.measure_by_id(id).filter(|m| available.contains(m));
        asked.and_then(by_id).or_else(|| by_id(self.preferred_measure())).or_else(|| available.first().copied())
    }
}

/// Which of a row's figures a bar is: the chosen measure, or the plan published for it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Series {
    Current,
    Plan,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Bar {
    pub observation: usize,
    pub series: Series,
    pub value: f64,
    /// Where the bar ends: the value, or the top of a range.
    pub end: f64,
    /// The figure with its qualifier and, where rows mix dates, the date: "> 3 400 · 27.08.2025".
    pub label: String,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Row {
    pub label: String,
    /// The chosen measure's bar (absent: "no sourced figure"), then the plan's if there is one.
    pub current: Option<Bar>,
    pub plan: Option<Bar>,
}

impl Row {
    pub fn bars(&self) -> impl Iterator<Item = &Bar> {
        self.current.iter().chain(self.plan.iter())
    }
}

/// Rows that share a date or period; figures of different groups are not ranked together.
#[derive(Clone, Debug, PartialEq)]
pub struct Group {
    pub header: Option<String>,
    pub rows: Vec<Row>,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Chart {
    pub view: View,
    pub measure: usize,
    pub title: String,
    pub subtitle: String,
    pub groups: Vec<Group>,
    /// What each series' colour means, shown when the chart has more than one series.
    pub legend: Vec<(Series, String)>,
    /// What the signs on the figures mean ("> more than").
    pub key: Vec<&'static str>,
    pub sources: String,
    pub missing_text: String,
}

impl Chart {
    pub fn bars(&self) -> impl Iterator<Item = &Bar> {
        self.groups.iter().flat_map(|g| &g.rows).flat_map(Row::bars)
    }
}

/// Orders observations so that the latest figure is greatest: by its date, then its source's
/// date; between equals the one listed first wins.
fn later(data: &Dataset, a: usize, b: usize) -> Ordering {
    let key = |i: usize| {
        let o = &data.observations[i];
        (o.when.sort_key(), data.sources[o.source].date.map(|d| d.start()))
    };
    key(a).cmp(&key(b)).then(b.cmp(&a))
}

fn latest(data: &Dataset, measure: usize, scope: &Scope) -> Option<usize> {
    (0..data.observations.len())
        .filter(|&i| data.observations[i].measure == measure && data.observations[i].scope == *scope)
        .max_by(|&a, &b| later(data, a, b))
}

struct Builder<'a> {
    data: &'a Dataset,
    lang: Lang,
    numbers: &'a dyn NumberFormat,
}

impl Builder<'_> {
    fn bar(&self, index: usize, series: Series, with_date: bool) -> Bar {
        let obs: &Observation = &self.data.observations[index];
        let figure = short_figure(obs.value, obs.qualifier, self.numbers);
        let end = match obs.qualifier {
            crate::dataset::Qualifier::Range { max } => max,
            _ => obs.value,
        };
        // A vague dating is too long for a label: the short date gets a mark, the tooltip the words.
        let vague = if obs.when_note.is_some() { "*" } else { "" };
        let label = if with_date { format!("{figure} · {}{vague}", obs.when.label(self.lang)) } else { figure };
        Bar { observation: index, series, value: obs.value, end, label }
    }

    fn finish(&self, view: View, measure: usize, title: String, subtitle: String, groups: Vec<Group>) -> Chart {
        let (data, lang) = (self.data, self.lang);
        let bars: Vec<&Bar> = groups.iter().flat_map(|g| &g.rows).flat_map(Row::bars).collect();
        let mut sources: Vec<usize> = Vec::new();
        let mut key: Vec<&'static str> = Vec::new();
        let dated_bars = view == View::Sites;
        for obs in bars.iter().map(|bar| &data.observations[bar.observation]) {
            if !sources.contains(&obs.source) {
                sources.push(obs.source);
            }
            if let Some(sign) = qualifier_key(obs.qualifier, lang).filter(|k| !key.contains(k)) {
                key.push(sign);
            }
        }
        let vague = lang.pick("* источник датирует цифру неточно — подробности в подсказке", "* the source dates this figure vaguely — details in the tooltip");
        if dated_bars && bars.iter().any(|b| data.observations[b.observation].when_note.is_some()) {
            key.push(vague);
        }
        let names: Vec<String> = sources
            .iter()
            .map(|&s| format!("{} ({})", data.sources[s].outlet, source_date_label(data.sources[s].date.as_ref(), lang)))
            .collect();
        let plan = bars.iter().find(|b| b.series == Series::Plan).map(|b| data.observations[b.observation].measure);
        let legend = plan.map_or_else(Vec::new, |plan| {
            let current = data.measures[measure].name.get(lang);
            vec![
                (Series::Current, format!("{current}, {}", lang.pick("последняя цифра", "latest figure"))),
                (Series::Plan, data.measures[plan].name.get(lang).to_string()),
            ]
        });
        Chart {
            view,
            measure,
            title,
            subtitle,
            groups,
            legend,
            key,
            sources: format!("{} {}", lang.pick("Источники:", "Sources:"), names.join("; ")),
            missing_text: lang.pick("нет опубликованной цифры", "no sourced figure").to_string(),
        }
    }
}

/// Per site: each site's latest figure for the measure with its date, and its plan beside it.
/// The whole zone comes first and figures that cover several sites together follow it as one
/// row each, never split.
pub fn sites_chart(data: &Dataset, measure: usize, lang: Lang, numbers: &dyn NumberFormat) -> Chart {
    let b = Builder { data, lang, numbers };
    let plan = data.plan_of(measure);
    let mut scopes = vec![Scope::default()];
    for obs in &data.observations {
        let group = obs.scope.sites.len() > 1 && View::Sites.shows(data, &obs.scope);
        if group && [Some(measure), plan].contains(&Some(obs.measure)) && !scopes.contains(&obs.scope) {
            scopes.push(obs.scope.clone());
        }
    }
    scopes.extend((0..data.sites.len()).map(|s| Scope { sites: vec![s], ..Scope::default() }));
    let rows = scopes
        .iter()
        .map(|scope| Row {
            label: scope_label(data, scope, lang),
            current: latest(data, measure, scope).map(|i| b.bar(i, Series::Current, true)),
            plan: plan.and_then(|p| latest(data, p, scope)).map(|i| b.bar(i, Series::Plan, true)),
        })
        .collect();
    let m = &data.measures[measure];
    let title = format!("{} — {}", m.name.get(lang), lang.pick("по площадкам", "by site"));
    let what = match (m.time, plan.is_some()) {
        (MeasureTime::Target, _) => lang.pick(
            "Последний опубликованный план для каждой площадки и год, к которому он относится.",
            "Each site's latest published plan and its target year.",
        ),
        (_, true) => lang.pick(
            "Последняя опубликованная цифра по каждой площадке с её датой; рядом — план, где он опубликован.",
            "Each site's latest sourced figure with its date; beside it, the plan where one is published.",
        ),
        (_, false) => lang.pick(
            "Последняя опубликованная цифра по каждой площадке с её датой.",
            "Each site's latest sourced figure with its date.",
        ),
    };
    let subtitle = format!("{}, {}. {what}", data.zone.name.get(lang), m.unit.get(lang));
    b.finish(View::Sites, measure, title, subtitle, vec![Group { header: None, rows }])
}

/// Per sector: every figure for the measure about a sector or one of its companies, grouped by
/// date or period (newest first, largest first within a group); sectors with none come last.
pub fn sectors_chart(data: &Dataset, measure: usize, lang: Lang, numbers: &dyn NumberFormat) -> Chart {
    let b = Builder { data, lang, numbers };
    let mut figures: Vec<usize> = (0..data.observations.len())
        .filter(|&i| data.observations[i].measure == measure && View::Sectors.shows(data, &data.observations[i].scope))
        .collect();
    let when = |i: usize| (data.observations[i].when, when_label(&data.observations[i], lang));
    figures.sort_by(|&a, &b| {
        let newest_first = |w: When| std::cmp::Reverse(w.sort_key());
        let not_stated_last = |w: When| w == When::NotStated;
        let key = |i: usize| (not_stated_last(when(i).0), newest_first(when(i).0), when(i).1);
        key(a).cmp(&key(b)).then(data.observations[b].value.total_cmp(&data.observations[a].value))
    });
    let mut groups: Vec<Group> = Vec::new();
    let mut last_when = None;
    for i in figures.iter().copied() {
        if last_when.as_ref() != Some(&when(i)) {
            groups.push(Group { header: Some(when(i).1), rows: Vec::new() });
            last_when = Some(when(i));
        }
        let row = Row {
            label: scope_label(data, &data.observations[i].scope, lang),
            current: Some(b.bar(i, Series::Current, false)),
            plan: None,
        };
        groups.last_mut().expect("a group was pushed above").rows.push(row);
    }
    let covered: Vec<usize> = figures.iter().filter_map(|&i| sector_of(data, &data.observations[i].scope)).collect();
    let missing: Vec<Row> = (0..data.sectors.len())
        .filter(|s| !covered.contains(s))
        .map(|s| Row { label: data.sectors[s].name.get(lang).to_string(), current: None, plan: None })
        .collect();
    if !missing.is_empty() {
        groups.push(Group { header: Some(lang.pick("Нет опубликованных цифр", "No sourced figure").to_string()), rows: missing });
    }
    let m = &data.measures[measure];
    let title = format!("{} — {}", m.name.get(lang), lang.pick("по отраслям", "by sector"));
    let subtitle = format!(
        "{}, {}. {}",
        data.zone.name.get(lang),
        m.unit.get(lang),
        lang.pick(
            "Цифры сгруппированы по дате или периоду: цифры разных групп между собой не сравнимы.",
            "Figures are grouped by date or period: figures in different groups are not comparable.",
        )
    );
    b.finish(View::Sectors, measure, title, subtitle, groups)
}

/// The chart of a view for a measure the view has.
pub fn build(view: View, data: &Dataset, measure: usize, lang: Lang, numbers: &dyn NumberFormat) -> Chart {
    match view {
        View::Sites => sites_chart(data, measure, lang, numbers),
        View::Sectors => sectors_chart(data, measure, lang, numbers),
    }
}
