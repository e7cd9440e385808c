//! The explorer's controls: view, measure, period, sort, value labels and language. Building
//! them here; what they change is decided by the settings in the core.

use super::dom::{append, element, text_element};
use crate::chart::{Chart, Sort, View};
use crate::dataset::Dataset;
use crate::lang::Lang;
use crate::settings::Settings;
use crate::ui_text::{ui, UiText};
use wasm_bindgen::{JsCast, JsValue};
use web_sys::{Document, HtmlElement, HtmlInputElement, HtmlOptionElement, HtmlSelectElement};

/// A `<select>` with a visible `<label for>` naming it (the caption alone, not its options).
pub struct Labelled {
    pub label: HtmlElement,
    caption: HtmlElement,
    pub select: HtmlSelectElement,
}

impl Labelled {
    fn new(document: &Document, id: &str) -> Result<Labelled, JsValue> {
        let label = element(document, "span", "tx-select")?;
        let caption = element(document, "label", "")?;
        caption.set_attribute("for", id)?;
        let select: HtmlSelectElement = document.create_element("select")?.dyn_into()?;
        select.set_id(id);
        append(&label, &[&caption, &select])?;
        Ok(Labelled { label, caption, select })
    }

    /// Fills the options (value, text) and picks `chosen`; hidden when there is nothing to choose.
    fn fill(&self, caption: &str, options: &[(String, String)], chosen: &str) -> Result<(), JsValue> {
        self.caption.set_text_content(Some(caption));
        let current: Vec<(String, String)> = (0..self.select.length())
            .filter_map(|i| self.select.item(i)?.dyn_into::<HtmlOptionElement>().ok())
            .map(|o| (o.value(), o.text()))
            .collect();
        if current != options {
            self.select.set_text_content(None);
            for (value, text) in options {
                let option = HtmlOptionElement::new_with_text_and_value(text, value)?;
                self.select.append_child(&option)?;
            }
        }
        self.select.set_value(chosen);
        self.label.set_hidden(options.len() < 2);
        Ok(())
    }
}

pub struct Controls {
    pub view_group: HtmlElement,
    pub view_buttons: Vec<(View, HtmlElement)>,
    pub measure: Labelled,
    pub period: Labelled,
    pub sort: Labelled,
    pub labels_box: HtmlElement,
    labels_caption: HtmlElement,
    pub labels: HtmlInputElement,
    pub lang_group: HtmlElement,
    pub lang_buttons: Vec<(Lang, HtmlElement)>,
}

fn toggle(document: &Document, group: &HtmlElement, text: &str) -> Result<HtmlElement, JsValue> {
    let button = text_element(document, "button", "tx-toggle", text)?;
    button.set_attribute("type", "button")?;
    group.append_child(&button)?;
    Ok(button)
}

impl Controls {
    /// Builds the controls into `parent`; `id` keeps element ids unique when a page has several explorers.
    pub fn new(document: &Document, parent: &HtmlElement, id: &str) -> Result<Controls, JsValue> {
        let view_group = element(document, "div", "tx-group")?;
        view_group.set_attribute("role", "group")?;
        let view_buttons = View::ALL.into_iter().map(|v| Ok((v, toggle(document, &view_group, "")?))).collect::<Result<_, JsValue>>()?;
        let measure = Labelled::new(document, &format!("{id}-measure"))?;
        let period = Labelled::new(document, &format!("{id}-period"))?;
        let sort = Labelled::new(document, &format!("{id}-sort"))?;
        let labels_box = element(document, "label", "tx-check")?;
        let labels: HtmlInputElement = document.create_element("input")?.dyn_into()?;
        labels.set_type("checkbox");
        let labels_caption = element(document, "span", "")?;
        append(&labels_box, &[&labels, &labels_caption])?;
        let lang_group = element(document, "div", "tx-group")?;
        lang_group.set_attribute("role", "group")?;
        let lang_buttons = [Lang::Ru, Lang::En]
            .into_iter()
            .map(|lang| {
                let button = toggle(document, &lang_group, lang.pick("RU", "EN"))?;
                button.set_attribute("lang", lang.code())?;
                Ok((lang, button))
            })
            .collect::<Result<_, JsValue>>()?;
        append(parent, &[&view_group, &measure.label, &period.label, &sort.label, &labels_box, &lang_group])?;
        Ok(Controls { view_group, view_buttons, measure, period, sort, labels_box, labels_caption, labels, lang_group, lang_buttons })
    }

    /// Shows the state and the choices the current chart offers, in the page's language.
    pub fn update(&self, settings: &Settings, chart: Option<&Chart>, data: &Dataset) -> Result<(), JsValue> {
        let lang = settings.lang;
        self.view_group.set_attribute("aria-label", ui(UiText::ViewGroup, lang))?;
        self.lang_group.set_attribute("aria-label", ui(UiText::Language, lang))?;
        for (view, button) in &self.view_buttons {
            button.set_text_content(Some(view.name(lang)));
            button.set_attribute("aria-pressed", &(*view == settings.view).to_string())?;
        }
        for (code, button) in &self.lang_buttons {
            button.set_attribute("aria-pressed", &(*code == lang).to_string())?;
        }
        let measures: Vec<(String, String)> =
            chart.map_or(&[][..], |c| &c.measures[..]).iter().map(|&m| (data.measures[m].id.clone(), data.measures[m].name.get(lang).to_string())).collect();
        let chosen = chart.and_then(|c| c.measure).map(|m| data.measures[m].id.clone()).unwrap_or_default();
        self.measure.fill(ui(UiText::Measure, lang), &measures, &chosen)?;
        let mut periods = vec![(String::new(), ui(UiText::AllPeriods, lang).to_string())];
        periods.extend(chart.map_or(&[][..], |c| &c.periods[..]).iter().cloned());
        let periods = if periods.len() > 1 { periods } else { Vec::new() };
        self.period.fill(ui(UiText::Period, lang), &periods, chart.and_then(|c| c.period.as_deref()).unwrap_or(""))?;
        let sorts: Vec<(String, String)> = match settings.view {
            View::Timeline => Vec::new(),
            _ => Sort::ALL.iter().map(|s| (s.code().to_string(), s.name(lang).to_string())).collect(),
        };
        self.sort.fill(ui(UiText::Sort, lang), &sorts, settings.sort.code())?;
        self.labels_caption.set_text_content(Some(ui(UiText::ValueLabels, lang)));
        self.labels.set_checked(settings.value_labels);
        self.labels_box.set_hidden(chart.is_none());
        Ok(())
    }
}
