//! The HTML around the canvas that carries the same figures as text: the tooltip, the details
//! panel of a selection, the data table, the alert and the live region.

use super::dom::{append, append_text, clear, document_of, element};
use crate::chart::Chart;
use crate::dataset::Dataset;
use crate::describe::{citation, conflicts, details, Details};
use crate::format::Locale;
use crate::lang::Lang;
use crate::subject::Subject;
use crate::ui_text::{ui, UiText};
use wasm_bindgen::JsValue;
use web_sys::{Document, Element, HtmlElement};

/// Everything known about one figure, as paragraphs of the tooltip.
pub fn fill_tooltip(tooltip: &Element, d: &Details, lang: Lang) -> Result<(), JsValue> {
    clear(tooltip);
    append_text(tooltip, "p", "tx-tip-heading", &d.heading)?;
    append_text(tooltip, "p", "tx-tip-figure", &d.figure)?;
    append_text(tooltip, "p", "", &d.measure)?;
    append_text(tooltip, "p", "", &d.when)?;
    append_text(tooltip, "p", "", &labelled(UiText::ColumnSource, lang, &d.source))?;
    append_text(tooltip, "p", if d.repost_only { "tx-repost" } else { "" }, &labelled(UiText::ColumnGrade, lang, &d.grade))?;
    append_text(tooltip, "p", "tx-tip-wording", &d.wording)?;
    if let Some(note) = &d.note {
        append_text(tooltip, "p", "tx-tip-note", &labelled(UiText::Note, lang, note))?;
    }
    if !d.others.is_empty() {
        append_text(tooltip, "p", "tx-tip-others", &format!("{} {}", ui(UiText::OtherFigures, lang), d.others.join("; ")))?;
    }
    append_text(tooltip, "p", "tx-tip-id", &labelled(UiText::ColumnId, lang, &d.id))?;
    Ok(())
}

/// "Source: …": a text after the name of what it is.
fn labelled(label: UiText, lang: Lang, text: &str) -> String {
    format!("{}: {text}", ui(label, lang))
}

/// What the live region says when the keyboard moves to a figure; a repost is said as such.
pub fn announcement(d: &Details) -> String {
    let repost = if d.repost_only { format!(" ({})", d.grade) } else { String::new() };
    format!("{}: {}, {}. {}. {}{repost}", d.heading, d.figure, d.when, d.measure, d.source)
}

/// A link that opens its source without telling it where the reader came from.
fn link(parent: &Element, text: &str, url: &str) -> Result<(), JsValue> {
    let link = append_text(parent, "a", "", text)?;
    link.set_attribute("href", url)?;
    link.set_attribute("rel", "noopener noreferrer")
}

/// Lists every figure in the dataset about the selected subject, each with its source.
pub fn fill_details(panel: &HtmlElement, heading: &Element, list: &Element, data: &Dataset, subject: Option<&Subject>, lang: Lang, locale: &dyn Locale) -> Result<(), JsValue> {
    let Some(subject) = subject else {
        panel.set_hidden(true);
        return Ok(());
    };
    let figures = subject.figures(data);
    heading.set_text_content(Some(&format!("{} — {} ({})", subject.name(data, lang), ui(UiText::DetailsTitle, lang), figures.len())));
    clear(list);
    let document = document_of(panel)?;
    for index in figures {
        let d = details(data, index, lang, locale);
        let item = element(&document, "li", "")?;
        append(list, &[&item])?;
        append_text(&item, "strong", "", &d.figure)?;
        append_text(&item, "span", "", &format!(" — {}, {}", d.measure, d.when))?;
        let class = if d.repost_only { "tx-details-source tx-repost" } else { "tx-details-source" };
        let source = append_text(&item, "p", class, &labelled(UiText::ColumnSource, lang, ""))?;
        let source_data = &data.sources[data.observations[index].source];
        link(&source, source_data.title.as_deref().unwrap_or(&source_data.outlet), &d.url)?;
        source.append_with_str_1(&format!(" ({}; {})", d.source, d.grade))?;
        append_text(&item, "p", "tx-tip-wording", &format!("{} · {}: {}", d.wording, ui(UiText::ColumnId, lang), d.id))?;
        if let Some(note) = &d.note {
            append_text(&item, "p", "tx-tip-note", &labelled(UiText::Note, lang, note))?;
        }
        for other in conflicts(data, index) {
            let o = details(data, other, lang, locale);
            append_text(&item, "p", "tx-conflict", &format!("(!) {} {}: {} ({})", ui(UiText::Disagrees, lang), o.id, o.figure, o.source))?;
        }
        append_citation(&document, &item, &citation(data, index, lang, locale), lang)?;
    }
    panel.set_hidden(false);
    Ok(())
}

/// "Cite this figure": the sentence, and a button that copies it (`clipboard` reads the
/// button's `data-citation` when it is pressed).
fn append_citation(document: &Document, item: &Element, sentence: &str, lang: Lang) -> Result<(), JsValue> {
    let block = element(document, "div", "tx-cite")?;
    append(item, &[&block])?;
    append_text(&block, "p", "tx-cite-text", &labelled(UiText::CiteThis, lang, sentence))?;
    let button = append_text(&block, "button", "tx-cite-copy", ui(UiText::CopyCitation, lang))?;
    button.set_attribute("type", "button")?;
    button.set_attribute("data-citation", sentence)?;
    append_text(&block, "span", "tx-cite-status", "")?.set_attribute("role", "status")
}

/// The chart's figures as a table: the same values, qualifiers, dates and sources.
pub fn fill_table(table: &Element, chart: Option<&Chart>, data: &Dataset, lang: Lang, locale: &dyn Locale) -> Result<(), JsValue> {
    clear(table);
    let Some(chart) = chart else { return Ok(()) };
    append_text(table, "caption", "", &chart.title)?;
    let document = document_of(table)?;
    let head = element(&document, "thead", "")?;
    let header_row = element(&document, "tr", "")?;
    let columns = [UiText::ColumnId, UiText::ColumnScope, UiText::ColumnSeries, UiText::ColumnValue, UiText::ColumnWhen, UiText::ColumnSource, UiText::ColumnWording, UiText::ColumnGrade];
    for column in columns {
        let cell = append_text(&header_row, "th", "", ui(column, lang))?;
        cell.set_attribute("scope", "col")?;
    }
    append(&head, &[&header_row])?;
    let body = element(&document, "tbody", "")?;
    for index in chart.observations() {
        let d = details(data, index, lang, locale);
        table_row(&body, &[&d.id, &d.heading, &d.measure, &d.figure, &d.when, &d.source, &d.wording, &d.grade], Some(&d.url))?;
    }
    for row in chart.rows().filter(|r| r.current.is_none()) {
        let measure = chart.measure.map(|m| data.measures[m].name.get(lang)).unwrap_or_default();
        table_row(&body, &["", &row.label, measure, &chart.missing_text, "", "", "", ""], None)?;
    }
    append(table, &[&head, &body])
}

/// Appends one table row; the source cell links to the source when there is an address.
fn table_row(body: &Element, cells: &[&str], url: Option<&str>) -> Result<(), JsValue> {
    let tr = element(&document_of(body)?, "tr", "")?;
    append(body, &[&tr])?;
    for (i, text) in cells.iter().enumerate() {
        let header = i == 1;
        let linked = url.filter(|_| i == 5);
        let cell = append_text(&tr, if header { "th" } else { "td" }, "", if linked.is_some() { "" } else { text })?;
        if header {
            cell.set_attribute("scope", "row")?;
        }
        if let Some(url) = linked {
            link(&cell, text, url)?;
        }
    }
    Ok(())
}

/// A heading and a list of items in the alert.
#[cfg(feature = "tools")]
pub fn fill_alert(alert: &Element, heading: &str, items: &[String]) -> Result<(), JsValue> {
    clear(alert);
    append_text(alert, "p", "", heading)?;
    let list = element(&document_of(alert)?, "ul", "")?;
    for item in items {
        append_text(&list, "li", "", item)?;
    }
    append(alert, &[&list])
}
