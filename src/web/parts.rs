//! The explorer's elements, built once into its root: heading, controls, embed panel, alert and
//! status, the figure (canvas, tooltip, live region, summary), the details panel and the table.

use super::controls::Controls;
use super::dom::{append, clear, create, element, part_id};
use web_sys::{Document, HtmlCanvasElement, HtmlElement, HtmlTextAreaElement};
use wasm_bindgen::JsValue;

pub struct Parts {
    pub heading: HtmlElement,
    pub controls: Controls,
    pub alert: HtmlElement,
    pub status: HtmlElement,
    pub figure: HtmlElement,
    /// Says so when the dataset has no figures for the chosen view.
    pub empty: HtmlElement,
    pub canvas: HtmlCanvasElement,
    /// The chart in words, under it and as the canvas's description.
    pub summary: HtmlElement,
    pub tooltip: HtmlElement,
    /// Polite announcements of the figure the keyboard moved to.
    pub live: HtmlElement,
    pub embed: HtmlElement,
    pub embed_tag: HtmlTextAreaElement,
    pub embed_frame: HtmlTextAreaElement,
    pub details: HtmlElement,
    pub details_heading: HtmlElement,
    pub details_list: HtmlElement,
    pub details_close: HtmlElement,
    /// The data table's `<details>`: the table is built when it is opened.
    pub table_box: HtmlElement,
    pub table_summary: HtmlElement,
    pub table: HtmlElement,
}

/// A read-only text area with its label, for a snippet to copy.
fn snippet_area(document: &Document, parent: &HtmlElement, id: String) -> Result<HtmlTextAreaElement, JsValue> {
    let caption = element(document, "label", "")?;
    caption.set_attribute("for", &id)?;
    let area: HtmlTextAreaElement = create(document, "textarea")?;
    area.set_id(&id);
    area.set_read_only(true);
    area.set_rows(4);
    append(parent, &[&caption, &area])?;
    Ok(area)
}

/// Builds the parts into `root`, emptied first; `in_host` leaves out what only the explorer's own
/// page offers (the embed snippets).
pub fn build(document: &Document, root: &HtmlElement, in_host: bool) -> Result<Parts, JsValue> {
    clear(root);
    root.class_list().add_1("tx-explorer")?;
    // Random bits keep a page's explorers' element ids apart.
    let id = format!("tx-{}", (js_sys::Math::random() * f64::from(u32::MAX)) as u32);
    let heading = element(document, "h1", "tx-heading")?;
    let controls_box = element(document, "div", "tx-controls")?;
    let controls = Controls::new(document, &controls_box, &id)?;
    let alert = element(document, "div", "tx-alert")?;
    alert.set_attribute("role", "alert")?;
    let status = element(document, "p", "tx-status")?;
    status.set_attribute("role", "status")?;
    let embed = element(document, "section", "tx-embed")?;
    embed.set_id(&part_id(&id, "embed"));
    embed.set_hidden(true);
    controls.embed_toggle.set_attribute("aria-controls", &embed.id())?;
    controls.embed_toggle.set_hidden(in_host);
    let embed_tag = snippet_area(document, &embed, part_id(&id, "embed-tag"))?;
    let embed_frame = snippet_area(document, &embed, part_id(&id, "embed-frame"))?;
    let figure = element(document, "figure", "tx-figure")?;
    let empty = element(document, "p", "tx-empty")?;
    let canvas: HtmlCanvasElement = create(document, "canvas")?;
    canvas.set_attribute("role", "img")?;
    canvas.set_tab_index(0);
    let tooltip = element(document, "div", "tx-tooltip")?;
    tooltip.set_attribute("role", "tooltip")?;
    tooltip.set_id(&part_id(&id, "tooltip"));
    tooltip.set_hidden(true);
    let live = element(document, "div", "tx-live")?;
    live.set_attribute("aria-live", "polite")?;
    let summary = element(document, "figcaption", "tx-summary")?;
    summary.set_id(&part_id(&id, "summary"));
    append(&figure, &[&empty, &canvas, &tooltip, &live, &summary])?;
    let details = element(document, "section", "tx-details")?;
    details.set_id(&part_id(&id, "details"));
    details.set_hidden(true);
    let details_head = element(document, "div", "tx-details-head")?;
    let details_heading = element(document, "h2", "")?;
    let details_close = element(document, "button", "tx-toggle tx-close")?;
    details_close.set_attribute("type", "button")?;
    append(&details_head, &[&details_heading, &details_close])?;
    let details_list = element(document, "ol", "")?;
    append(&details, &[&details_head, &details_list])?;
    let table_box = element(document, "details", "tx-table")?;
    let table_summary = element(document, "summary", "")?;
    let table = element(document, "table", "")?;
    append(&table_box, &[&table_summary, &table])?;
    append(root, &[&heading, &controls_box, &embed, &alert, &status, &figure, &details, &table_box])?;
    Ok(Parts {
        heading,
        controls,
        alert,
        status,
        figure,
        empty,
        canvas,
        summary,
        tooltip,
        live,
        embed,
        embed_tag,
        embed_frame,
        details,
        details_heading,
        details_list,
        details_close,
        table_box,
        table_summary,
        table,
    })
}
