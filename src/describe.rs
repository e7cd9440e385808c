//! Words about one observation: what it covers, its figure, when, and where it comes from.
//! The tooltip, the data table and the chart labels all take their texts from here.

use crate::dataset::{Dataset, Observation, Scope};
use crate::format::{short_figure, worded_figure, Locale};
use crate::grade::grade_words;
use crate::lang::Lang;
use crate::sorting::sort_by_cached_key;
use std::cmp::Reverse;
use crate::time::{PartialDate, When};

/// "Печатники + Алабушево + Руднево", "Фармацевтика · Алабушево", "Литий-ионные батареи · РЭНЕРА".
pub fn scope_label(data: &Dataset, scope: &Scope, lang: Lang) -> String {
    let mut words: Vec<&str> = Vec::new();
    if let Some(sector) = sector_of(data, scope) {
        words.push(data.sectors[sector].name.get(lang));
    }
    if let Some(company) = scope.company {
        words.push(data.companies[company].name.get(lang));
    }
    let sites: Vec<&str> = scope.sites.iter().map(|&s| data.sites[s].name.get(lang)).collect();
    let sites = sites.join(" + ");
    if !sites.is_empty() {
        words.push(&sites);
    }
    let mut label = if words.is_empty() { data.zone.name.get(lang).to_string() } else { words.join(" · ") };
    if let Some(part) = &scope.part {
        label = format!("{label}: {}", part.get(lang));
    }
    label
}

/// The sector a figure belongs to, directly or through its company.
pub fn sector_of(data: &Dataset, scope: &Scope) -> Option<usize> {
    scope.sector.or_else(|| scope.company.and_then(|c| data.companies[c].sector))
}

/// "as of 27 Aug 2025", or the source's own vaguer dating ("early 2024") where it gives one.
pub fn when_label(obs: &Observation, lang: Lang) -> String {
    obs.when_note.as_ref().map_or_else(|| obs.when.label(lang), |note| note.get(lang).to_string())
}

pub fn source_date_label(date: Option<&PartialDate>, lang: Lang) -> String {
    date.map_or_else(|| lang.pick("дата не указана", "date not shown").to_string(), |d| d.label(lang))
}

/// "CNews, 09.09.2025".
pub fn source_label(data: &Dataset, obs: &Observation, lang: Lang) -> String {
    let source = &data.sources[obs.source];
    format!("{}, {}", source.outlet, source_date_label(source.date.as_ref(), lang))
}

/// Whether a figure rests on a repost only: its one source is a copy of someone else's text.
pub fn rests_on_repost(data: &Dataset, obs: &Observation) -> bool {
    data.sources[obs.source].is_repost()
}

/// A sentence to paste into an article: the figure, what it counts and when, the source's own
/// words, the outlet, its date and address, and a warning when the source is a repost.
pub fn citation(data: &Dataset, index: usize, lang: Lang, locale: &dyn Locale) -> String {
    let obs = &data.observations[index];
    let figure = figure_with_unit(data, obs, locale, lang);
    let source = &data.sources[obs.source];
    let measure = data.measures[obs.measure].name.get(lang);
    let warning = if source.is_repost() { lang.pick(", перепечатка — оригинал не найден", ", a repost — the original was not found") } else { "" };
    let date = source_date_label(source.date.as_ref(), lang);
    let said = lang.pick("В источнике", "In the source's words");
    let (scope, when) = (scope_label(data, &obs.scope, lang), when_label(obs, lang));
    format!("{scope}, {when}. {measure}: {figure}. {said}: «{}» ({}{warning}, {date}, {}).", obs.wording, source.outlet, source.url)
}

/// "более 27 400 рабочих мест".
fn figure_with_unit(data: &Dataset, obs: &Observation, locale: &dyn Locale, lang: Lang) -> String {
    format!("{} {}", worded_figure(obs.value, obs.qualifier, locale, lang), data.measures[obs.measure].unit.get(lang))
}

/// Everything a reader needs to check one figure, as lines of plain text.
#[derive(Clone, Debug, PartialEq)]
pub struct Details {
    /// The figure's id in the dataset, which notes use to refer to one another.
    pub id: String,
    pub heading: String,
    pub figure: String,
    pub measure: String,
    pub when: String,
    pub source: String,
    /// How far the source can be trusted, in words ("official source").
    pub grade: String,
    pub repost_only: bool,
    pub wording: String,
    pub url: String,
    pub note: Option<String>,
    /// Other figures of the same measure for the same scope, newest first:
    /// "> 27 400 · на 09.09.2025 (CNews)".
    pub others: Vec<String>,
}

pub fn details(data: &Dataset, index: usize, lang: Lang, locale: &dyn Locale) -> Details {
    let obs = &data.observations[index];
    let measure = &data.measures[obs.measure];
    Details {
        id: obs.id.clone(),
        heading: scope_label(data, &obs.scope, lang),
        figure: figure_with_unit(data, obs, locale, lang),
        measure: measure.name.get(lang).to_string(),
        when: when_label(obs, lang),
        source: source_label(data, obs, lang),
        grade: grade_words(data.sources[obs.source].grade, lang).to_string(),
        repost_only: rests_on_repost(data, obs),
        wording: format!("«{}»", obs.wording),
        url: data.sources[obs.source].url.clone(),
        note: obs.note.as_ref().map(|n| n.get(lang).to_string()),
        others: same_subject(data, index, &|_| true)
            .into_iter()
            .map(|i| {
                let other = &data.observations[i];
                let figure = short_figure(other.value, other.qualifier, locale);
                format!("{figure} · {} ({})", when_label(other, lang), data.sources[other.source].outlet)
            })
            .collect(),
    }
}

/// The other observations of the same measure and scope that `keep` accepts, newest first
/// (equal dates as listed).
fn same_subject(data: &Dataset, index: usize, keep: &dyn Fn(&Observation) -> bool) -> Vec<usize> {
    let obs = &data.observations[index];
    let mut others: Vec<usize> =
        data.about(obs.measure, &obs.scope).iter().copied().filter(|&i| i != index && keep(&data.observations[i])).collect();
    sort_by_cached_key(&mut others, |&i| Reverse(data.observations[i].span));
    others
}

/// Other figures that say something different about exactly the same thing: same measure,
/// scope and stated date or period, another value or qualifier. Both are shown and marked.
pub fn conflicts(data: &Dataset, index: usize) -> Vec<usize> {
    let obs = &data.observations[index];
    if obs.when == When::NotStated {
        return Vec::new();
    }
    // Only figures dated alike can disagree: they are looked up, not searched for among the
    // subject's thousands.
    data.dated_alike(index)
        .iter()
        .copied()
        .filter(|&i| {
            let other = &data.observations[i];
            i != index && other.when == obs.when && (other.value != obs.value || other.qualifier != obs.qualifier)
        })
        .collect()
}
