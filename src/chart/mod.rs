//! What each view shows: which sourced figures, in which rows, groups or panels, in which order,
//! with every text already in the reader's language. `layout` turns a chart into geometry.

mod grouped;
mod sites;
mod timeline;

use crate::dataset::{Dataset, Scope};
use crate::qualifier::Qualifier;
use crate::describe::{conflicts, rests_on_repost, scope_label, sector_of, source_date_label};
use crate::grade::Grade;
use crate::format::{qualifier_key, short_figure, Locale};
use crate::lang::Lang;
use crate::sorting::sort_by;
use crate::subject::Subject;
use chrono::NaiveDate;
use std::cmp::Ordering;

#[derive(Clone, Copy, Debug, PartialEq, Eq, Default)]
pub enum View {
    #[default]
    Sites,
    Sectors,
    Companies,
    Timeline,
    Plan,
}

impl View {
    pub const ALL: [View; 5] = [View::Sites, View::Sectors, View::Companies, View::Timeline, View::Plan];

    pub fn parse(code: &str) -> Option<View> {
        View::ALL.into_iter().find(|v| v.code() == code)
    }

    pub fn code(self) -> &'static str {
        match self {
            View::Sites => "sites",
            View::Sectors => "sectors",
            View::Companies => "companies",
            View::Timeline => "timeline",
            View::Plan => "plan",
        }
    }

    pub fn name(self, lang: Lang) -> &'static str {
        match self {
            View::Sites => lang.pick("По площадкам", "By site"),
            View::Sectors => lang.pick("По отраслям", "By sector"),
            View::Companies => lang.pick("Компании", "Companies"),
            View::Timeline => lang.pick("Во времени", "Over time"),
            View::Plan => lang.pick("План 2030", "2030 plan"),
        }
    }

    /// The measure a view opens with, when the dataset has it.
    fn preferred_measure(self) -> &'static str {
        match self {
            View::Sites | View::Plan => "people_employed",
            View::Sectors => "jobs_created_cumulative",
            View::Companies => "jobs_created_period",
            View::Timeline => "",
        }
    }

    /// Whether a figure belongs in this view, whatever its measure.
    fn shows(self, data: &Dataset, scope: &Scope) -> bool {
        match self {
            View::Sites | View::Plan => scope.sector.is_none() && scope.company.is_none() && scope.part.is_none(),
            View::Sectors => sector_of(data, scope).is_some(),
            View::Companies => scope.company.is_some(),
            View::Timeline => false,
        }
    }

    /// The measures a reader can choose in this view, in the dataset's order.
    pub fn measures(self, data: &Dataset) -> Vec<usize> {
        let has_figures = |m: usize| data.observations.iter().any(|o| o.measure == m && self.shows(data, &o.scope));
        (0..data.measures.len())
            .filter(|&m| has_figures(m) && (self != View::Plan || data.plan_of(m).is_some()))
            .collect()
    }

    /// The measure asked for if this view has it, else the view's preferred one, else its first.
    pub fn pick_measure(self, data: &Dataset, asked: Option<&str>) -> Option<usize> {
        let available = self.measures(data);
        let by_id = |id: &str| data.measure_by_id(id).filter(|m| available.contains(m));
        asked.and_then(by_id).or_else(|| by_id(self.preferred_measure())).or_else(|| available.first().copied())
    }
}

/// `sort=`: the view's own order, or by value or name either way. Figures of different
/// dates or periods are only ever sorted within their group.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Default)]
pub enum Sort {
    #[default]
    Natural,
    ValueDesc,
    ValueAsc,
    NameAsc,
    NameDesc,
}

impl Sort {
    pub const ALL: [Sort; 5] = [Sort::Natural, Sort::ValueDesc, Sort::ValueAsc, Sort::NameAsc, Sort::NameDesc];

    pub fn parse(code: &str) -> Option<Sort> {
        Sort::ALL.into_iter().find(|s| s.code() == code)
    }

    pub fn code(self) -> &'static str {
        match self {
            Sort::Natural => "natural",
            Sort::ValueDesc => "value-desc",
            Sort::ValueAsc => "value-asc",
            Sort::NameAsc => "name-asc",
            Sort::NameDesc => "name-desc",
        }
    }

    pub fn name(self, lang: Lang) -> &'static str {
        match self {
            Sort::Natural => lang.pick("Как в источниках", "As listed"),
            Sort::ValueDesc => lang.pick("По значению, убывание", "By value, largest first"),
            Sort::ValueAsc => lang.pick("По значению, возрастание", "By value, smallest first"),
            Sort::NameAsc => lang.pick("По названию, А–Я", "By name, A–Z"),
            Sort::NameDesc => lang.pick("По названию, Я–А", "By name, Z–A"),
        }
    }

    /// Orders rows in place, equal rows keeping their order; rows without a figure stay last
    /// when sorting by value.
    fn apply(self, rows: &mut [Row], locale: &dyn Locale) {
        let value = |r: &Row| r.current.as_ref().map(|b| b.value);
        match self {
            Sort::Natural => {}
            Sort::ValueDesc => sort_by(rows, &|a, b| value(b).partial_cmp(&value(a)).unwrap_or(Ordering::Equal)),
            Sort::ValueAsc => sort_by(rows, &|a, b| match (value(a), value(b)) {
                (Some(x), Some(y)) => x.total_cmp(&y),
                (x, y) => y.is_some().cmp(&x.is_some()),
            }),
            Sort::NameAsc => sort_by(rows, &|a, b| locale.compare(&a.label, &b.label)),
            Sort::NameDesc => sort_by(rows, &|a, b| locale.compare(&b.label, &a.label)),
        }
    }
}

/// What a reader asked to see; anything the data does not have falls back to a default.
#[derive(Clone, Copy, Debug, Default)]
pub struct Query<'a> {
    pub view: View,
    pub measure: Option<&'a str>,
    pub period: Option<&'a str>,
    pub sort: Sort,
    pub value_labels: bool,
}

/// Which of a row's figures a bar is: the chosen measure, or the plan published for it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Series {
    Current,
    Plan,
}

/// The colour family of a mark: the chosen measure, its plan, or one of several categories.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Tone {
    Current,
    Plan,
    Category(u8),
}

#[derive(Clone, Debug, PartialEq)]
pub struct Bar {
    pub observation: usize,
    pub series: Series,
    pub tone: Tone,
    pub value: f64,
    /// Where the bar ends: the value, or the top of a range.
    pub end: f64,
    /// The figure with its qualifier and, where rows mix dates, the date: "> 3 400 · 27.08.2025".
    pub label: String,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Row {
    pub label: String,
    pub subject: Subject,
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

/// One figure on a time axis: a point at its date, or a span over its period.
#[derive(Clone, Debug, PartialEq)]
pub struct Point {
    pub observation: usize,
    pub start: NaiveDate,
    pub end: NaiveDate,
    pub value: f64,
    pub label: String,
    /// The figure covers only part of the zone (residents only, say): drawn hollow.
    pub partial: bool,
}

/// One measure over time, on its own value axis.
#[derive(Clone, Debug, PartialEq)]
pub struct Panel {
    pub title: String,
    pub points: Vec<Point>,
}

#[derive(Clone, Debug, PartialEq)]
pub enum Body {
    Bars(Vec<Group>),
    Timeline(Vec<Panel>),
}

#[derive(Clone, Debug, PartialEq)]
pub struct Chart {
    pub view: View,
    /// The measures the reader can switch between here, and the one shown.
    pub measures: Vec<usize>,
    pub measure: Option<usize>,
    /// The dates or periods the reader can narrow to (`period=` code and label), and the one chosen.
    pub periods: Vec<(String, String)>,
    pub period: Option<String>,
    pub title: String,
    pub subtitle: String,
    pub body: Body,
    /// What each colour means, shown when the chart has more than one.
    pub legend: Vec<(Tone, String)>,
    /// What the signs on the figures mean ("> more than").
    pub key: Vec<String>,
    pub sources: String,
    pub missing_text: String,
    pub value_labels: bool,
    /// Says that only the first `MAX_DRAWN_ROWS` rows are drawn, when there are more.
    pub not_drawn: Option<String>,
}

impl Chart {
    pub fn groups(&self) -> &[Group] {
        match &self.body {
            Body::Bars(groups) => groups,
            Body::Timeline(_) => &[],
        }
    }

    pub fn rows(&self) -> impl Iterator<Item = &Row> {
        self.groups().iter().flat_map(|g| &g.rows)
    }

    pub fn bars(&self) -> impl Iterator<Item = &Bar> {
        self.rows().flat_map(Row::bars)
    }

    /// The groups the chart draws, each with the rows of it drawn: the first `MAX_DRAWN_ROWS`
    /// rows in all; `not_drawn` says so when there are more.
    pub fn drawn_groups(&self) -> impl Iterator<Item = (&Group, &[Row])> {
        let mut room = MAX_DRAWN_ROWS;
        self.groups().iter().map_while(move |group| {
            if room == 0 {
                return None;
            }
            let drawn = group.rows.len().min(room);
            room -= drawn;
            Some((group, &group.rows[..drawn]))
        })
    }

    /// The rows the chart draws.
    pub fn drawn_rows(&self) -> impl Iterator<Item = &Row> {
        self.drawn_groups().flat_map(|(_, rows)| rows)
    }

    /// Every figure the chart shows, in reading order.
    pub fn observations(&self) -> Vec<usize> {
        match &self.body {
            Body::Bars(_) => self.bars().map(|b| b.observation).collect(),
            Body::Timeline(panels) => panels.iter().flat_map(|p| &p.points).map(|p| p.observation).collect(),
        }
    }
}

/// The period asked for, if the chart offers it (a `period=` the view has no figures for is
/// ignored, and the chart shows all of them).
fn chosen_period(offered: &[(String, String)], asked: Option<&str>) -> Option<String> {
    asked.filter(|p| offered.iter().any(|(code, _)| code == p)).map(str::to_string)
}

/// Rows drawn at most: a taller chart stops being readable and a canvas stops growing. The rest
/// stay in the chart (data table, CSV, summary) and the chart says how many are not drawn.
pub const MAX_DRAWN_ROWS: usize = 60;

/// The latest figure of a measure for exactly this scope, dated no later than `until`: the
/// greatest by its date, then its source's date; between equals the one listed first.
fn latest(data: &Dataset, measure: usize, scope: &Scope, until: Option<NaiveDate>) -> Option<usize> {
    let span = |i: usize| data.observations[i].span;
    let source_date = |i: usize| data.sources[data.observations[i].source].date.map(|d| d.start());
    // Earliest first: those dated no later than `until` come first, the latest of them last.
    let about = data.about(measure, scope);
    let dated = &about[..until.map_or(about.len(), |u| about.partition_point(|&i| span(i).0 <= u))];
    let last = span(*dated.last()?);
    // Of those dated as the last one, the one whose source is latest, then the one listed first.
    dated.iter().rev().copied().take_while(|&i| span(i) == last).max_by(|&a, &b| source_date(a).cmp(&source_date(b)).then(b.cmp(&a)))
}

/// Builds texts shared by every view.
struct Builder<'a> {
    data: &'a Dataset,
    lang: Lang,
    locale: &'a dyn Locale,
}

impl Builder<'_> {
    /// A bar's label: the figure, its date where rows mix dates, `*` for a vague dating, and
    /// the signs of `signs`.
    fn figure_label(&self, index: usize, with_date: bool) -> String {
        let obs = &self.data.observations[index];
        let mut label = short_figure(obs.value, obs.qualifier, self.locale);
        if with_date {
            label = format!("{label} · {}{}", obs.when.label(self.lang), if obs.when_note.is_some() { "*" } else { "" });
        }
        label + &self.signs(index)
    }

    /// ` †` where the figure rests on a repost only, ` (!)` where another source gives a
    /// different figure for the same thing.
    fn signs(&self, index: usize) -> String {
        let repost = rests_on_repost(self.data, &self.data.observations[index]);
        let conflict = !conflicts(self.data, index).is_empty();
        format!("{}{}", if repost { " †" } else { "" }, if conflict { " (!)" } else { "" })
    }

    fn bar(&self, index: usize, series: Series, tone: Tone, with_date: bool) -> Bar {
        let obs = &self.data.observations[index];
        let end = match obs.qualifier {
            Qualifier::Range { max } => max,
            _ => obs.value,
        };
        Bar { observation: index, series, tone, value: obs.value, end, label: self.figure_label(index, with_date) }
    }

    fn row(&self, scope: &Scope, current: Option<Bar>, plan: Option<Bar>) -> Row {
        Row { label: scope_label(self.data, scope, self.lang), subject: Subject::of_scope(scope), current, plan }
    }

    /// The parts every chart has: sources, sign key and missing-figure text, from what it shows.
    fn finish(&self, mut chart: Chart) -> Chart {
        let (data, lang) = (self.data, self.lang);
        let shown = chart.observations();
        let mut sources: Vec<usize> = Vec::new();
        for obs in shown.iter().map(|&i| &data.observations[i]) {
            if !sources.contains(&obs.source) {
                sources.push(obs.source);
            }
            if let Some(sign) = qualifier_key(obs.qualifier, lang).filter(|k| !chart.key.iter().any(|c| c == k)) {
                chart.key.push(sign.to_string());
            }
        }
        if chart.bars().any(|b| b.label.contains('*')) {
            chart.key.push(lang.pick("* источник датирует цифру неточно — подробности в подсказке", "* the source dates this figure vaguely — details in the tooltip").into());
        }
        if shown.iter().any(|&i| rests_on_repost(data, &data.observations[i])) {
            chart.key.push(format!("† {}", Grade::Repost.words(lang)));
        }
        if shown.iter().any(|&i| !conflicts(data, i).is_empty()) {
            chart.key.push(lang.pick("(!) источники расходятся — обе цифры в подсказке", "(!) sources disagree — both figures in the tooltip").into());
        }
        let names: Vec<String> = sources
            .iter()
            .map(|&s| {
                let source = &data.sources[s];
                let repost = if source.is_repost() { lang.pick(", перепечатка †", ", repost †") } else { "" };
                format!("{} ({}{repost})", source.outlet, source_date_label(source.date.as_ref(), lang))
            })
            .collect();
        chart.sources = format!("{} {}", lang.pick("Источники:", "Sources:"), names.join("; "));
        chart.missing_text = lang.pick("нет опубликованной цифры", "no sourced figure").to_string();
        let rows = chart.rows().count();
        if rows > MAX_DRAWN_ROWS {
            let (drawn, all) = (self.locale.format(MAX_DRAWN_ROWS as f64), self.locale.format(rows as f64));
            chart.not_drawn = Some(match lang {
                Lang::Ru => format!("Нарисованы первые {drawn} строк из {all}, в выбранном порядке; все они — в таблице данных."),
                Lang::En => format!("The first {drawn} of {all} rows are drawn, in the chosen order; the data table lists them all."),
            });
        }
        chart
    }

    /// A chart of a view with its body; legend, key and sources are filled in later.
    fn chart(&self, query: &Query, measure: Option<usize>, title: String, subtitle: String, body: Body) -> Chart {
        Chart {
            view: query.view,
            measures: query.view.measures(self.data),
            measure,
            periods: Vec::new(),
            period: None,
            title,
            subtitle,
            body,
            legend: Vec::new(),
            key: Vec::new(),
            sources: String::new(),
            missing_text: String::new(),
            value_labels: query.value_labels,
            not_drawn: None,
        }
    }
}

/// Builds the chart a query asks for; `None` when the dataset has no figures for the view.
pub fn build(data: &Dataset, query: Query, lang: Lang, locale: &dyn Locale) -> Option<Chart> {
    let b = Builder { data, lang, locale };
    let chart = match query.view {
        View::Sites | View::Plan => sites::build(&b, query)?,
        View::Sectors | View::Companies => grouped::build(&b, query)?,
        View::Timeline => timeline::build(&b, query)?,
    };
    Some(b.finish(chart))
}
