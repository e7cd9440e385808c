//! If anything still panics, the reader is told in each explorer's alert (the console gets the
//! details) and the rest of the page goes on working; the explorer itself has stopped.

use std::cell::RefCell;
use web_sys::HtmlElement;

thread_local! {
    static ALERTS: RefCell<Vec<HtmlElement>> = const { RefCell::new(Vec::new()) };
}

/// Installs the hook once, and lists an explorer's alert for it.
pub fn watch(alert: &HtmlElement) {
    install_hook();
    ALERTS.with(|alerts| alerts.borrow_mut().push(alert.clone()));
}

fn install_hook() {
    static INSTALL: std::sync::Once = std::sync::Once::new();
    INSTALL.call_once(|| {
        std::panic::set_hook(Box::new(|info| {
            // The message names the Rust file and line; a JavaScript stack of the stripped
            // release wasm would only add function locale.
            let what = info.to_string();
            web_sys::console::error_1(&what.as_str().into());
            report(&what);
        }))
    });
}

/// Forgets an explorer's alert when the explorer is destroyed.
pub fn unwatch(alert: &HtmlElement) {
    ALERTS.with(|alerts| alerts.borrow_mut().retain(|a| a != alert));
}

/// Writes what happened into every explorer's alert.
pub fn report(what: &str) {
    let message = format!(
        "Внутренняя ошибка графика, он остановлен; остальная страница работает. Перезагрузите страницу. \
         / The chart hit an internal error and has stopped; the rest of the page works. Reload the page. ({what})"
    );
    ALERTS.with(|alerts| {
        if let Ok(alerts) = alerts.try_borrow() {
            alerts.iter().for_each(|alert| alert.set_text_content(Some(&message)));
        }
    });
}
