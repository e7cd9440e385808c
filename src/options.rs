//! The options a host gives an explorer (`mount`, `set`, the element's attributes) and the state
//! it reads back (`state()`, the `statechange` event), as typed values. Unlike the page's URL,
//! which falls back to defaults silently, an option that is unknown, of the wrong type or outside
//! its allowed values is refused with an error naming it, the value given and what is allowed,
//! and the settings stay as they were.

use crate::chart::{Sort, View};
use crate::lang::Lang;
use crate::settings::{Settings, ThemeChoice};
use serde::de::{self, Deserializer, MapAccess, SeqAccess, Visitor};
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;
use std::fmt;

/// A value as the host's JavaScript gave it.
#[derive(Clone, Debug, PartialEq)]
pub enum Given {
    /// `null`, `undefined` or `""`: the option's default.
    Nothing,
    Flag(bool),
    Number(f64),
    Text(String),
    /// An object or an array, named as a reader of the message would.
    Other(&'static str),
}

impl Given {
    /// The value as a JavaScript programmer would write it, for messages.
    fn written(&self) -> String {
        match self {
            Given::Nothing => "null".into(),
            Given::Flag(flag) => flag.to_string(),
            Given::Number(number) => number.to_string(),
            Given::Text(text) => format!("{text:?}"),
            Given::Other(kind) => (*kind).into(),
        }
    }
}

impl<'de> Deserialize<'de> for Given {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Given, D::Error> {
        deserializer.deserialize_any(GivenVisitor)
    }
}

struct GivenVisitor;

impl<'de> Visitor<'de> for GivenVisitor {
    type Value = Given;

    fn expecting(&self, formatter: &mut fmt::Formatter) -> fmt::Result {
        formatter.write_str("any value")
    }

    fn visit_unit<E>(self) -> Result<Given, E> {
        Ok(Given::Nothing)
    }

    fn visit_none<E>(self) -> Result<Given, E> {
        Ok(Given::Nothing)
    }

    fn visit_some<D: Deserializer<'de>>(self, deserializer: D) -> Result<Given, D::Error> {
        Given::deserialize(deserializer)
    }

    fn visit_bool<E>(self, flag: bool) -> Result<Given, E> {
        Ok(Given::Flag(flag))
    }

    fn visit_i64<E>(self, number: i64) -> Result<Given, E> {
        Ok(Given::Number(number as f64))
    }

    fn visit_u64<E>(self, number: u64) -> Result<Given, E> {
        Ok(Given::Number(number as f64))
    }

    fn visit_f64<E>(self, number: f64) -> Result<Given, E> {
        Ok(Given::Number(number))
    }

    fn visit_str<E>(self, text: &str) -> Result<Given, E> {
        Ok(if text.is_empty() { Given::Nothing } else { Given::Text(text.into()) })
    }

    fn visit_seq<A: SeqAccess<'de>>(self, mut items: A) -> Result<Given, A::Error> {
        while items.next_element::<de::IgnoredAny>()?.is_some() {}
        Ok(Given::Other("an array"))
    }

    fn visit_map<A: MapAccess<'de>>(self, mut fields: A) -> Result<Given, A::Error> {
        while fields.next_entry::<de::IgnoredAny, de::IgnoredAny>()?.is_some() {}
        Ok(Given::Other("an object"))
    }
}

/// The options object, each name with its value.
#[derive(Clone, Debug, Default, PartialEq, Deserialize)]
#[serde(transparent)]
pub struct GivenOptions(pub BTreeMap<String, Given>);

/// What is wrong with an option; JavaScript gets a `TypeError` or a `RangeError` with its message.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum OptionError {
    /// No option of that name.
    Unknown { option: String },
    /// A value of a type the option does not take.
    WrongType { option: &'static str, given: String, expected: &'static str },
    /// A value of the right type outside the allowed ones.
    NotAllowed { option: &'static str, given: String, allowed: String },
}

impl fmt::Display for OptionError {
    fn fmt(&self, f: &mut fmt::Formatter) -> fmt::Result {
        match self {
            OptionError::Unknown { option } => {
                write!(f, "unknown option {option:?}; the options are {}", quoted(OPTIONS.iter().copied()))
            }
            OptionError::WrongType { option, given, expected } => write!(f, "option {option:?} must be {expected}; got {given}"),
            OptionError::NotAllowed { option, given, allowed } => write!(f, "option {option:?} must be {allowed}; got {given}"),
        }
    }
}

impl std::error::Error for OptionError {}

/// The names `set` takes (`data` is the URL's name for `src`, taken too).
pub const OPTIONS: [&str; 9] = ["view", "measure", "period", "sort", "labels", "select", "lang", "theme", "src"];

fn quoted<'a>(values: impl Iterator<Item = &'a str>) -> String {
    values.map(|v| format!("{v:?}")).collect::<Vec<_>>().join(", ")
}

/// One of a fixed set of codes, or nothing for the default.
fn choice<T: Copy>(option: &'static str, given: &Given, all: &[T], code: fn(T) -> &'static str, default: T) -> Result<T, OptionError> {
    match given {
        Given::Nothing => Ok(default),
        Given::Text(text) => all.iter().copied().find(|&v| code(v) == text).ok_or_else(|| OptionError::NotAllowed {
            option,
            given: given.written(),
            allowed: format!("one of {}", quoted(all.iter().map(|&v| code(v)))),
        }),
        other => Err(OptionError::WrongType { option, given: other.written(), expected: "a string" }),
    }
}

/// Any text, or nothing.
fn text(option: &'static str, given: &Given) -> Result<Option<String>, OptionError> {
    match given {
        Given::Nothing => Ok(None),
        Given::Text(text) => Ok(Some(text.clone())),
        other => Err(OptionError::WrongType { option, given: other.written(), expected: "a string" }),
    }
}

/// A date or period code (`2025`, `2025-H1`, `2025-09-09`, `target-2030`, …), or a year as a number.
fn period(given: &Given) -> Result<Option<String>, OptionError> {
    let not_allowed = || OptionError::NotAllowed {
        option: "period",
        given: given.written(),
        allowed: "a year (2025), a date (\"2025-09-09\"), a period (\"2025-H1\", \"2025-Q3\", \"2025-01-01/2025-06-30\") or \"target-2030\"".into(),
    };
    let code = match given {
        Given::Number(year) if year.fract() == 0.0 && (1000.0..=9999.0).contains(year) => year.to_string(),
        Given::Number(_) => return Err(not_allowed()),
        other => match text("period", other)? {
            Some(code) => code,
            None => return Ok(None),
        },
    };
    let target = code.strip_prefix("target-").is_some_and(|year| crate::time::PartialDate::parse(year).is_some_and(|d| d.month.is_none()));
    let dated = crate::time::PartialDate::parse(&code).is_some() || crate::time::Period::parse(&code).is_ok();
    if target || dated { Ok(Some(code)) } else { Err(not_allowed()) }
}

/// `labels`: `true`/`false` or `"on"`/`"off"`.
fn labels(given: &Given) -> Result<bool, OptionError> {
    match given {
        Given::Nothing => Ok(true),
        Given::Flag(on) => Ok(*on),
        Given::Text(text) if text == "on" || text == "off" => Ok(text == "on"),
        Given::Text(_) => Err(OptionError::NotAllowed { option: "labels", given: given.written(), allowed: "\"on\", \"off\", true or false".into() }),
        other => Err(OptionError::WrongType { option: "labels", given: other.written(), expected: "true, false, \"on\" or \"off\"" }),
    }
}

/// `select`: `zone`, `site:ID`, `sites:ID,ID,…`, `sector:ID` or `company:ID`.
fn select(given: &Given) -> Result<Option<String>, OptionError> {
    let Some(code) = text("select", given)? else { return Ok(None) };
    let well_formed = match code.split_once(':') {
        None => code == "zone",
        Some(("site" | "sector" | "company", id)) => !id.is_empty(),
        Some(("sites", ids)) => ids.split(',').filter(|id| !id.is_empty()).count() > 1,
        Some(_) => false,
    };
    match well_formed {
        true => Ok(Some(code)),
        false => Err(OptionError::NotAllowed {
            option: "select",
            given: given.written(),
            allowed: "\"zone\", \"site:ID\", \"sites:ID,ID,…\", \"sector:ID\" or \"company:ID\"".into(),
        }),
    }
}

impl Settings {
    /// These settings with the options named changed; the others stay. The first option that
    /// is wrong is refused, and nothing changes.
    pub fn with_options(&self, options: &GivenOptions) -> Result<Settings, OptionError> {
        let mut next = self.clone();
        let defaults = Settings::default();
        for (name, given) in &options.0 {
            match name.as_str() {
                "view" => next.view = choice("view", given, &View::ALL, View::code, defaults.view)?,
                "lang" => next.lang = choice("lang", given, &Lang::ALL, Lang::code, defaults.lang)?,
                "theme" => next.theme = choice("theme", given, &ThemeChoice::ALL, ThemeChoice::code, defaults.theme)?,
                "sort" => next.sort = choice("sort", given, &Sort::ALL, Sort::code, defaults.sort)?,
                "measure" => next.measure = text("measure", given)?,
                "period" => next.period = period(given)?,
                "labels" => next.value_labels = labels(given)?,
                "select" => next.select = select(given)?,
                "src" | "data" => next.data = text("src", given)?,
                _ => return Err(OptionError::Unknown { option: name.clone() }),
            }
        }
        Ok(next)
    }

    /// The state as a host reads it back: every option that is not at its default.
    pub fn state(&self) -> State {
        let defaults = Settings::default();
        State {
            view: self.view.code(),
            lang: self.lang.code(),
            theme: (self.theme != defaults.theme).then(|| self.theme.code()),
            measure: self.measure.clone(),
            period: self.period.clone(),
            sort: (self.sort != defaults.sort).then(|| self.sort.code()),
            labels: (!self.value_labels).then_some("off"),
            select: self.select.clone(),
            src: self.data.clone(),
        }
    }
}

/// An explorer's state, in the form `set` takes it back.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct State {
    pub view: &'static str,
    pub lang: &'static str,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub theme: Option<&'static str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub measure: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub period: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub sort: Option<&'static str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub labels: Option<&'static str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub select: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub src: Option<String>,
}

#[cfg(test)]
mod tests {
    use super::*;

    fn options(pairs: &[(&str, Given)]) -> GivenOptions {
        GivenOptions(pairs.iter().map(|(k, v)| (k.to_string(), v.clone())).collect())
    }

    fn text(value: &str) -> Given {
        Given::Text(value.into())
    }

    #[test]
    fn typed_options_change_what_they_name() {
        let start = Settings::default();
        let set = start.with_options(&options(&[("view", text("plan")), ("period", Given::Number(2025.0)), ("labels", Given::Flag(false))])).unwrap();
        assert_eq!((set.view, set.period.as_deref(), set.value_labels), (View::Plan, Some("2025"), false));
        let back = set.with_options(&options(&[("view", Given::Nothing), ("labels", text("on"))])).unwrap();
        assert_eq!((back.view, back.period.as_deref(), back.value_labels), (View::Sites, Some("2025"), true));
        let address = start.with_options(&options(&[("src", text("/d.json"))])).unwrap();
        assert_eq!(address.data.as_deref(), Some("/d.json"));
    }

    #[test]
    fn a_wrong_option_is_refused_with_its_name_value_and_what_is_allowed() {
        let start = Settings::default();
        let unknown = start.with_options(&options(&[("viwe", text("plan"))])).unwrap_err();
        assert!(matches!(&unknown, OptionError::Unknown { option } if option == "viwe"));
        assert!(unknown.to_string().contains("\"view\""), "{unknown}");
        let range = start.with_options(&options(&[("view", text("pie"))])).unwrap_err();
        assert_eq!(range.to_string(), r#"option "view" must be one of "sites", "sectors", "companies", "timeline", "plan"; got "pie""#);
        let kind = start.with_options(&options(&[("sort", Given::Number(3.0))])).unwrap_err();
        assert_eq!(kind.to_string(), r#"option "sort" must be a string; got 3"#);
        assert!(matches!(start.with_options(&options(&[("period", text("2025-H3"))])), Err(OptionError::NotAllowed { option: "period", .. })));
        assert!(matches!(start.with_options(&options(&[("period", Given::Number(2025.5))])), Err(OptionError::NotAllowed { .. })));
        assert!(matches!(start.with_options(&options(&[("select", text("site"))])), Err(OptionError::NotAllowed { option: "select", .. })));
        assert!(matches!(start.with_options(&options(&[("measure", Given::Other("an object"))])), Err(OptionError::WrongType { .. })));
        for period in ["2025", "2025-09", "2025-09-09", "2025-H1", "2025-Q3", "2025-01-01/2025-06-30", "target-2030"] {
            assert!(start.with_options(&options(&[("period", text(period))])).is_ok(), "{period}");
        }
    }

    #[test]
    fn the_state_names_what_differs_from_the_defaults() {
        let s = Settings::default().with_options(&options(&[("view", text("plan")), ("sort", text("value-desc")), ("lang", text("en"))])).unwrap();
        let state = s.state();
        assert_eq!((state.view, state.lang, state.sort), ("plan", "en", Some("value-desc")));
        assert_eq!((state.theme, state.labels, state.src), (None, None, None));
        let again = Settings::default().with_options(&options(&[("view", text(state.view)), ("lang", text(state.lang)), ("sort", text("value-desc"))])).unwrap();
        assert_eq!(again, s);
    }
}
