//! The explorer's state as it lives in the URL, so that every view can be linked.

use crate::chart::{Sort, View};
use crate::lang::Lang;
use crate::theme::Theme;

/// `theme=`: a fixed theme, or the reader's system preference.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Default)]
pub enum ThemeChoice {
    #[default]
    Auto,
    Fixed(Theme),
}

impl ThemeChoice {
    pub const ALL: [ThemeChoice; 3] = [ThemeChoice::Auto, ThemeChoice::Fixed(Theme::Light), ThemeChoice::Fixed(Theme::Dark)];

    pub fn parse(code: &str) -> Option<ThemeChoice> {
        match code {
            "auto" => Some(ThemeChoice::Auto),
            _ => Theme::parse(code).map(ThemeChoice::Fixed),
        }
    }

    pub fn resolve(self, system_prefers_dark: bool) -> Theme {
        match self {
            ThemeChoice::Fixed(theme) => theme,
            ThemeChoice::Auto if system_prefers_dark => Theme::Dark,
            ThemeChoice::Auto => Theme::Light,
        }
    }

    pub fn code(self) -> &'static str {
        match self {
            ThemeChoice::Auto => "auto",
            ThemeChoice::Fixed(Theme::Light) => "light",
            ThemeChoice::Fixed(Theme::Dark) => "dark",
        }
    }
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Settings {
    pub view: View,
    /// A measure id as asked for; the view falls back to its default if it has no such measure.
    pub measure: Option<String>,
    /// A date or period code (`2025-H1`, or a year in the per-site views); unknown ones are ignored.
    pub period: Option<String>,
    pub sort: Sort,
    /// `labels=off` hides the values written beside the marks.
    pub value_labels: bool,
    /// What is selected, as `site:ID`, `sector:ID`, `company:ID`, `sites:ID,ID` or `zone`.
    pub select: Option<String>,
    pub lang: Lang,
    pub theme: ThemeChoice,
    /// A same-origin address of a dataset to show instead of the embedded one.
    pub data: Option<String>,
}

impl Default for Settings {
    fn default() -> Settings {
        Settings {
            view: View::default(),
            measure: None,
            period: None,
            sort: Sort::default(),
            value_labels: true,
            select: None,
            lang: Lang::default(),
            theme: ThemeChoice::default(),
            data: None,
        }
    }
}

impl Settings {
    /// The names `update` reads.
    pub const KEYS: [&'static str; 10] = ["view", "lang", "theme", "measure", "period", "sort", "labels", "select", "data", "src"];

    /// Reads query parameters; an unknown or malformed value keeps the default, silently.
    pub fn from_pairs<K: AsRef<str>>(pairs: impl IntoIterator<Item = (K, String)>) -> Settings {
        let mut settings = Settings::default();
        settings.update(pairs);
        settings
    }

    /// Changes the settings named (an element's attributes, a `set` call); an empty or unknown
    /// value puts that setting back to its default. `src` is another name for `data`.
    pub fn update<K: AsRef<str>>(&mut self, pairs: impl IntoIterator<Item = (K, String)>) {
        let defaults = Settings::default();
        let text = |value: String| Some(value).filter(|v| !v.is_empty());
        for (key, value) in pairs {
            match key.as_ref() {
                "view" => self.view = View::parse(&value).unwrap_or(defaults.view),
                "lang" => self.lang = Lang::parse(&value).unwrap_or(defaults.lang),
                "theme" => self.theme = ThemeChoice::parse(&value).unwrap_or(defaults.theme),
                "measure" => self.measure = text(value),
                "period" => self.period = text(value),
                "sort" => self.sort = Sort::parse(&value).unwrap_or(defaults.sort),
                "labels" => self.value_labels = value != "off",
                "select" => self.select = text(value),
                "data" | "src" => self.data = text(value),
                _ => {}
            }
        }
    }

    /// Whether going from `before` to this state deserves its own history entry (Back returns to
    /// it): a new view or selection does; sort, measure, labels and the like replace the entry.
    pub fn is_new_place(&self, before: &Settings) -> bool {
        self.view != before.view || self.select != before.select || self.data != before.data
    }

    /// The query parameters that reproduce this state.
    pub fn to_pairs(&self) -> Vec<(&'static str, &str)> {
        let mut pairs = vec![("view", self.view.code()), ("lang", self.lang.code())];
        if self.theme != ThemeChoice::Auto {
            pairs.push(("theme", self.theme.code()));
        }
        for (key, value) in [("measure", &self.measure), ("period", &self.period), ("select", &self.select)] {
            if let Some(value) = value {
                pairs.push((key, value));
            }
        }
        if self.sort != Sort::Natural {
            pairs.push(("sort", self.sort.code()));
        }
        if !self.value_labels {
            pairs.push(("labels", "off"));
        }
        if let Some(data) = &self.data {
            pairs.push(("data", data));
        }
        pairs
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn every_key_the_url_is_read_for_changes_a_setting() {
        let samples = ["timeline", "en", "dark", "people_employed", "2025", "value-desc", "off", "zone", "a.json", "a.json"];
        for (key, value) in Settings::KEYS.into_iter().zip(samples) {
            assert_ne!(Settings::from_pairs(pairs(&[(key, value)])), Settings::default(), "{key}");
        }
    }

    #[test]
    fn views_and_selections_make_history_entries_sorting_does_not() {
        let start = Settings::default();
        let sorted = Settings { sort: Sort::ValueAsc, ..start.clone() };
        let elsewhere = Settings { view: View::Timeline, ..start.clone() };
        let selected = Settings { select: Some("site:rudnevo".into()), ..start.clone() };
        assert!(!sorted.is_new_place(&start));
        assert!(elsewhere.is_new_place(&start) && selected.is_new_place(&start));
    }

    use super::*;

    fn pairs(query: &[(&str, &str)]) -> Vec<(String, String)> {
        query.iter().map(|(k, v)| (k.to_string(), v.to_string())).collect()
    }

    #[test]
    fn reads_the_url_and_ignores_unknown_values() {
        let s = Settings::from_pairs(pairs(&[("view", "sectors"), ("lang", "en"), ("theme", "dark"), ("measure", "jobs_stock")]));
        assert_eq!((s.view, s.lang, s.theme), (View::Sectors, Lang::En, ThemeChoice::Fixed(Theme::Dark)));
        assert_eq!(s.measure.as_deref(), Some("jobs_stock"));
        let s = Settings::from_pairs(pairs(&[("view", "pie"), ("lang", "de"), ("theme", "pink"), ("zoom", "3"), ("sort", "random")]));
        assert_eq!(s, Settings::default());
    }

    #[test]
    fn an_update_changes_only_what_it_names_and_empty_means_default() {
        let mut s = Settings::from_pairs(pairs(&[("view", "companies"), ("lang", "en"), ("sort", "name-asc")]));
        s.update(pairs(&[("sort", ""), ("src", "/other.json")]));
        assert_eq!((s.view, s.lang, s.sort), (View::Companies, Lang::En, Sort::Natural));
        assert_eq!(s.data.as_deref(), Some("/other.json"));
    }

    #[test]
    fn writes_back_what_it_reads() {
        let s = Settings::from_pairs(pairs(&[
            ("view", "companies"),
            ("lang", "en"),
            ("theme", "light"),
            ("data", "/d.json"),
            ("sort", "name-desc"),
            ("labels", "off"),
            ("period", "2025-H1"),
            ("select", "site:pechatniki"),
        ]));
        assert_eq!((s.sort, s.value_labels), (Sort::NameDesc, false));
        let again = Settings::from_pairs(s.to_pairs().into_iter().map(|(k, v)| (k.to_string(), v.to_string())));
        assert_eq!(again, s);
    }
}
