//! A chart in words, for readers who cannot see it: what is measured, the largest and smallest
//! figures with their dates, the total where adding up is honest, the trend over time, and what
//! has no figure. Every figure keeps its qualifier ("more than", "almost").

use crate::chart::{Body, Chart, Series, View};
use crate::dataset::Dataset;
use crate::qualifier::Qualifier;
use crate::describe::{rests_on_repost, when_label};
use crate::format::{worded_figure, Locale};
use crate::lang::Lang;

struct Words<'a> {
    data: &'a Dataset,
    lang: Lang,
    locale: &'a dyn Locale,
}

impl Words<'_> {
    /// "более 3 400 человек (на 27.08.2025)".
    fn figure(&self, index: usize) -> String {
        let obs = &self.data.observations[index];
        let unit = self.data.measures[obs.measure].unit.get(self.lang);
        format!("{} {unit} ({})", worded_figure(obs.value, obs.qualifier, self.locale, self.lang), when_label(obs, self.lang))
    }

    fn bars(&self, chart: &Chart) -> Vec<String> {
        let lang = self.lang;
        let current: Vec<(&str, usize, f64)> = chart
            .rows()
            .filter_map(|r| r.current.as_ref().map(|b| (r.label.as_str(), b.observation, b.value)))
            .collect();
        let mut sentences = vec![format!("{} {}.", lang.pick("Цифр на графике:", "Figures in the chart:"), chart.observations().len())];
        let largest = current.iter().max_by(|a, b| a.2.total_cmp(&b.2));
        let smallest = current.iter().min_by(|a, b| a.2.total_cmp(&b.2));
        if let (Some(big), Some(small)) = (largest, smallest) {
            sentences.push(format!("{} {}: {}.", lang.pick("Больше всего —", "Largest:"), big.0, self.figure(big.1)));
            if small.1 != big.1 {
                sentences.push(format!("{} {}: {}.", lang.pick("Меньше всего —", "Smallest:"), small.0, self.figure(small.1)));
            }
        }
        if chart.view == View::Companies {
            sentences.extend(self.totals(chart));
        }
        for row in chart.rows().filter(|r| r.plan.is_some()).filter(|_| chart.view == View::Plan) {
            if let Some(plan) = &row.plan {
                sentences.push(format!("{}: {}.", row.label, plan.label));
            }
        }
        let missing: Vec<&str> = chart.rows().filter(|r| r.current.is_none() && r.plan.is_none()).map(|r| r.label.as_str()).collect();
        if !missing.is_empty() {
            sentences.push(format!("{} {}.", lang.pick("Нет опубликованной цифры:", "No sourced figure:"), missing.join(", ")));
        }
        let plans = chart.bars().filter(|b| b.series == Series::Plan).count();
        if plans > 0 && chart.view == View::Sites {
            sentences.push(format!("{} {plans}.", lang.pick("Опубликованных планов:", "Published plans:")));
        }
        sentences
    }

    /// Within one period, different companies' exact figures add up honestly.
    fn totals(&self, chart: &Chart) -> Vec<String> {
        chart
            .groups()
            .iter()
            .filter_map(|group| {
                let figures: Vec<usize> = group.rows.iter().filter_map(|r| r.current.as_ref()).map(|b| b.observation).collect();
                let exact = figures.iter().all(|&i| self.data.observations[i].qualifier == Qualifier::Exact);
                (figures.len() > 1 && exact).then(|| {
                    let total: f64 = figures.iter().map(|&i| self.data.observations[i].value).sum();
                    let unit = self.data.measures[self.data.observations[figures[0]].measure].unit.get(self.lang);
                    let header = group.header.clone().unwrap_or_default();
                    format!("{} ({header}): {} {unit}.", self.lang.pick("Вместе", "Together"), self.locale.format(total))
                })
            })
            .collect()
    }

    fn timeline(&self, chart: &Chart) -> Vec<String> {
        let Body::Timeline(panels) = &chart.body else { return Vec::new() };
        panels
            .iter()
            .filter_map(|panel| {
                let (first, last) = (panel.points.first()?, panel.points.last()?);
                let peak = panel.points.iter().max_by(|a, b| a.value.total_cmp(&b.value))?;
                Some(format!(
                    "{}: {} {}, {} {}; {} {}.",
                    panel.title,
                    self.lang.pick("от", "from"),
                    self.figure(first.observation),
                    self.lang.pick("до", "to"),
                    self.figure(last.observation),
                    self.lang.pick("наибольшая цифра —", "the largest figure:"),
                    self.figure(peak.observation)
                ))
            })
            .collect()
    }
}

/// The chart's summary in the reader's language: the subtitle, then what the chart shows,
/// most telling first (how many figures, or the first trend), one sentence an item.
pub fn summarize(data: &Dataset, chart: &Chart, lang: Lang, locale: &dyn Locale) -> Vec<String> {
    let words = Words { data, lang, locale };
    let mut sentences = vec![chart.subtitle.clone()];
    sentences.extend(match chart.body {
        Body::Bars(_) => words.bars(chart),
        Body::Timeline(_) => words.timeline(chart),
    });
    sentences.extend(reposts(data, chart, lang));
    sentences.extend(chart.not_drawn.clone());
    sentences
}

/// Which figures rest on a repost only, by id: on the chart they carry a †.
fn reposts(data: &Dataset, chart: &Chart, lang: Lang) -> Option<String> {
    let ids: Vec<&str> =
        chart.observations().into_iter().map(|i| &data.observations[i]).filter(|o| rests_on_repost(data, o)).map(|o| o.id.as_str()).collect();
    (!ids.is_empty()).then(|| {
        let said = lang.pick("Только на перепечатке (зеркало или агрегатор), оригинал не найден, — цифры", "Resting on a repost only (a mirror or aggregator), the original not found: figures");
        format!("{said} {}.", ids.join(", "))
    })
}
