//! The explorer's controls: view, measure, period, sort, value labels and language. Building
//! them here; what they change is decided by the settings in the core.

use super::dom::{append, create, element, part_id, set_state, text_element};
use crate::chart::{Chart, Sort, View};
use crate::dataset::Dataset;
use crate::lang::Lang;
use crate::settings::{Settings, ThemeChoice};
use crate::theme::Theme;
use crate::ui_text::{ui, UiText};
use wasm_bindgen::{JsCast, JsValue};
use web_sys::{Document, HtmlElement, HtmlInputElement, HtmlOptionElement, HtmlSelectElement, HtmlTextAreaElement};

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
        let select: HtmlSelectElement = create(document, "select")?;
        select.set_id(id);
        append(&label, &[&caption, &select])?;
        Ok(Labelled { label, caption, select })
    }

    /// Fills the options (value, text) and picks `chosen`; hidden when there is nothing to choose.
    fn fill(&self, caption: &str, options: &[(&str, &str)], chosen: &str) -> Result<(), JsValue> {
        self.caption.set_text_content(Some(caption));
        // A select's items are its options.
        let current = (0..self.select.length()).filter_map(|i| Some(self.select.item(i)?.unchecked_into::<HtmlOptionElement>()));
        let same = self.select.length() as usize == options.len() && current.zip(options).all(|(o, &(value, text))| o.value() == value && o.text() == text);
        if !same {
            self.select.set_text_content(None);
            for (value, text) in options {
                let option = HtmlOptionElement::new_with_text_and_value(text, value)?;
                append(&self.select, &[&option])?;
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
    pub theme_group: HtmlElement,
    pub theme_buttons: Vec<(ThemeChoice, HtmlElement)>,
    pub export_group: HtmlElement,
    pub export_buttons: Vec<(Export, HtmlElement)>,
    pub data: DataTools,
    pub embed_toggle: HtmlElement,
}

/// What the export buttons offer.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Export {
    Png,
    Svg,
    Csv,
    Json,
}

impl Export {
    const ALL: [Export; 4] = [Export::Png, Export::Svg, Export::Csv, Export::Json];

    pub fn extension(self) -> &'static str {
        match self {
            Export::Png => "png",
            Export::Svg => "svg",
            Export::Csv => "csv",
            Export::Json => "json",
        }
    }

    /// The format's name, as its button shows it.
    fn name(self) -> &'static str {
        match self {
            Export::Png => "PNG",
            Export::Svg => "SVG",
            Export::Csv => "CSV",
            Export::Json => "JSON",
        }
    }
}

fn toggle(document: &Document, group: &HtmlElement, text: &str) -> Result<HtmlElement, JsValue> {
    let button = text_element(document, "button", "tx-toggle", text)?;
    button.set_attribute("type", "button")?;
    append(group, &[&button])?;
    Ok(button)
}

/// A box of buttons that belong together (`role="group"`).
fn group(document: &Document) -> Result<HtmlElement, JsValue> {
    let group = element(document, "div", "tx-group")?;
    group.set_attribute("role", "group")?;
    Ok(group)
}

impl Controls {
    /// Builds the controls into `parent`; `id` keeps element ids unique when a page has several explorers.
    pub fn new(document: &Document, parent: &HtmlElement, id: &str) -> Result<Controls, JsValue> {
        let view_group = group(document)?;
        let view_buttons = View::ALL.into_iter().map(|v| Ok((v, toggle(document, &view_group, "")?))).collect::<Result<_, JsValue>>()?;
        let measure = Labelled::new(document, &part_id(id, "measure"))?;
        let period = Labelled::new(document, &part_id(id, "period"))?;
        let sort = Labelled::new(document, &part_id(id, "sort"))?;
        let labels_box = element(document, "label", "tx-check")?;
        let labels: HtmlInputElement = create(document, "input")?;
        labels.set_type("checkbox");
        let labels_caption = element(document, "span", "")?;
        append(&labels_box, &[&labels, &labels_caption])?;
        let lang_group = group(document)?;
        let lang_buttons = Lang::ALL
            .into_iter()
            .map(|lang| {
                let button = toggle(document, &lang_group, lang.pick("RU", "EN"))?;
                button.set_attribute("lang", lang.code())?;
                Ok((lang, button))
            })
            .collect::<Result<_, JsValue>>()?;
        let theme_group = group(document)?;
        let theme_buttons = ThemeChoice::ALL.into_iter().map(|t| Ok((t, toggle(document, &theme_group, "")?))).collect::<Result<_, JsValue>>()?;
        let export_group = group(document)?;
        let export_buttons = Export::ALL
            .into_iter()
            .map(|e| {
                let button = toggle(document, &export_group, e.name())?;
                // What the first-chart build's page clicks again once the full build has taken over.
                button.set_attribute("data-export", e.extension())?;
                Ok((e, button))
            })
            .collect::<Result<_, JsValue>>()?;
        let embed_toggle = element(document, "button", "tx-toggle tx-tool")?;
        embed_toggle.set_attribute("type", "button")?;
        set_state(&embed_toggle, "aria-expanded", false)?;
        let data = DataTools::new(document, id)?;
        let first_row = element(document, "div", "tx-row")?;
        append(&first_row, &[&view_group, &measure.label, &period.label, &sort.label, &labels_box])?;
        let second_row = element(document, "div", "tx-row")?;
        append(&second_row, &[&lang_group, &theme_group, &export_group, &embed_toggle])?;
        append(parent, &[&first_row, &second_row, &data.panel])?;
        #[cfg(feature = "tools")]
        append(parent, &[&data.progress.row])?;
        Ok(Controls {
            view_group,
            view_buttons,
            measure,
            period,
            sort,
            labels_box,
            labels_caption,
            labels,
            lang_group,
            lang_buttons,
            theme_group,
            theme_buttons,
            export_group,
            export_buttons,
            data,
            embed_toggle,
        })
    }

    /// Shows the state and the choices the current chart offers, in the page's language.
    pub fn update(&self, settings: &Settings, chart: Option<&Chart>, data: &Dataset) -> Result<(), JsValue> {
        let lang = settings.lang;
        self.view_group.set_attribute("aria-label", ui(UiText::ViewGroup, lang))?;
        self.lang_group.set_attribute("aria-label", ui(UiText::Language, lang))?;
        for (view, button) in &self.view_buttons {
            button.set_text_content(Some(view.name(lang)));
            set_state(button, "aria-pressed", *view == settings.view)?;
        }
        for (code, button) in &self.lang_buttons {
            set_state(button, "aria-pressed", *code == lang)?;
        }
        let measures: Vec<(&str, &str)> = chart.map_or(&[][..], |c| &c.measures[..]).iter().map(|&m| (data.measures[m].id.as_str(), data.measures[m].name.get(lang))).collect();
        let chosen = chart.and_then(|c| c.measure).map_or("", |m| data.measures[m].id.as_str());
        self.measure.fill(ui(UiText::Measure, lang), &measures, chosen)?;
        let mut periods = vec![("", ui(UiText::AllPeriods, lang))];
        periods.extend(chart.map_or(&[][..], |c| &c.periods[..]).iter().map(|(code, name)| (code.as_str(), name.as_str())));
        let periods = if periods.len() > 1 { periods } else { Vec::new() };
        self.period.fill(ui(UiText::Period, lang), &periods, chart.and_then(|c| c.period.as_deref()).unwrap_or(""))?;
        let sorts: Vec<(&str, &str)> = match settings.view {
            View::Timeline => Vec::new(),
            _ => Sort::ALL.iter().map(|s| (s.code(), s.name(lang))).collect(),
        };
        self.sort.fill(ui(UiText::Sort, lang), &sorts, settings.sort.code())?;
        self.labels_caption.set_text_content(Some(ui(UiText::ValueLabels, lang)));
        self.labels.set_checked(settings.value_labels);
        self.labels_box.set_hidden(chart.is_none());
        self.theme_group.set_attribute("aria-label", ui(UiText::Theme, lang))?;
        for (theme, button) in &self.theme_buttons {
            let name = match theme {
                ThemeChoice::Auto => UiText::ThemeAuto,
                ThemeChoice::Fixed(Theme::Light) => UiText::ThemeLight,
                ThemeChoice::Fixed(Theme::Dark) => UiText::ThemeDark,
            };
            button.set_text_content(Some(ui(name, lang)));
            set_state(button, "aria-pressed", *theme == settings.theme)?;
        }
        self.export_group.set_attribute("aria-label", ui(UiText::Export, lang))?;
        for (export, button) in &self.export_buttons {
            button.set_attribute("title", &format!("{} {}", ui(UiText::Export, lang), export.name()))?;
            set_state(button, "aria-disabled", chart.is_none() && *export != Export::Json)?;
        }
        self.embed_toggle.set_text_content(Some(ui(UiText::Embed, lang)));
        self.data.update(lang);
        Ok(())
    }
}

/// "Your own data": a file picker and a text area to paste JSON or CSV into (files can also be
/// dropped anywhere on the explorer).
pub struct DataTools {
    pub panel: HtmlElement,
    pub summary: HtmlElement,
    file_caption: HtmlElement,
    pub file: HtmlInputElement,
    paste_caption: HtmlElement,
    // The first-chart build leaves the paste to the full build (the page carries it over).
    #[cfg_attr(not(feature = "tools"), allow(dead_code))]
    pub paste: HtmlTextAreaElement,
    pub apply: HtmlElement,
    /// How far reading a dataset has come, shown outside the panel (a drop or an address does
    /// not open it).
    #[cfg(feature = "tools")]
    pub progress: LoadProgress,
}

/// A progress bar with its words and the button that cancels the load.
#[cfg(feature = "tools")]
pub struct LoadProgress {
    pub row: HtmlElement,
    pub bar: web_sys::HtmlProgressElement,
    pub text: HtmlElement,
    pub cancel: HtmlElement,
}

#[cfg(feature = "tools")]
impl LoadProgress {
    fn new(document: &Document, id: &str) -> Result<LoadProgress, JsValue> {
        let row = element(document, "div", "tx-progress")?;
        row.set_hidden(true);
        let bar: web_sys::HtmlProgressElement = create(document, "progress")?;
        let text = element(document, "span", "")?;
        text.set_id(&part_id(id, "progress"));
        bar.set_attribute("aria-labelledby", &text.id())?;
        let cancel = element(document, "button", "tx-toggle tx-tool")?;
        cancel.set_attribute("type", "button")?;
        append(&row, &[&bar, &text, &cancel])?;
        Ok(LoadProgress { row, bar, text, cancel })
    }
}

impl DataTools {
    fn new(document: &Document, id: &str) -> Result<DataTools, JsValue> {
        let panel = element(document, "details", "tx-data")?;
        let summary = element(document, "summary", "")?;
        let file_caption = element(document, "label", "")?;
        file_caption.set_attribute("for", &part_id(id, "file"))?;
        let file: HtmlInputElement = create(document, "input")?;
        file.set_type("file");
        file.set_id(&part_id(id, "file"));
        file.set_accept(".json,.csv,application/json,text/csv");
        let paste_caption = element(document, "label", "")?;
        paste_caption.set_attribute("for", &part_id(id, "paste"))?;
        let paste: HtmlTextAreaElement = create(document, "textarea")?;
        paste.set_id(&part_id(id, "paste"));
        paste.set_rows(4);
        paste.set_spellcheck(false);
        let apply = element(document, "button", "tx-toggle tx-tool")?;
        apply.set_attribute("type", "button")?;
        let file_row = element(document, "p", "")?;
        append(&file_row, &[&file_caption, &file])?;
        let paste_row = element(document, "p", "tx-paste")?;
        append(&paste_row, &[&paste_caption, &paste, &apply])?;
        append(&panel, &[&summary, &file_row, &paste_row])?;
        Ok(DataTools {
            panel,
            summary,
            file_caption,
            file,
            paste_caption,
            paste,
            apply,
            #[cfg(feature = "tools")]
            progress: LoadProgress::new(document, id)?,
        })
    }

    fn update(&self, lang: Lang) {
        self.summary.set_text_content(Some(ui(UiText::OwnData, lang)));
        self.file_caption.set_text_content(Some(ui(UiText::PickFile, lang)));
        self.paste_caption.set_text_content(Some(ui(UiText::PasteData, lang)));
        self.apply.set_text_content(Some(ui(UiText::ShowPasted, lang)));
        #[cfg(feature = "tools")]
        self.progress.cancel.set_text_content(Some(ui(UiText::Cancel, lang)));
    }
}
