//! Figures as readers see them: the locale's digits with the source's qualifier kept, and names
//! in the locale's order.

use crate::lang::Lang;
use crate::qualifier::Qualifier;
use std::cmp::Ordering;

/// The reader's locale as far as the charts need it. The browser passes one backed by `Intl`.
pub trait Locale {
    /// A number in the locale's digits and grouping.
    fn format(&self, value: f64) -> String;
    /// Two texts in the order a reader of the language sorts them.
    fn compare(&self, a: &str, b: &str) -> Ordering;
}

/// The same grouping `Intl.NumberFormat` uses for whole numbers (ru: "27 400" with a no-break
/// space, en: "27,400"), and texts compared by their lower case, for rendering outside the
/// browser: native tests and SVG written there.
pub struct PlainLocale(pub Lang);

impl Locale for PlainLocale {
    fn compare(&self, a: &str, b: &str) -> Ordering {
        a.to_lowercase().cmp(&b.to_lowercase())
    }

    fn format(&self, value: f64) -> String {
        let (group, decimal) = self.0.pick_chars(('\u{a0}', ','), (',', '.'));
        let rounded = (value * 10.0).round() / 10.0;
        let whole = rounded.trunc().abs() as u64;
        let digits = whole.to_string();
        let mut out = String::new();
        for (i, digit) in digits.chars().enumerate() {
            if i > 0 && (digits.len() - i).is_multiple_of(3) {
                out.push(group);
            }
            out.push(digit);
        }
        let tenth = ((rounded.abs() - whole as f64) * 10.0).round() as u8;
        if tenth > 0 {
            out.push(decimal);
            out.push((b'0' + tenth) as char);
        }
        if rounded < 0.0 { format!("-{out}") } else { out }
    }
}

impl Lang {
    fn pick_chars(self, ru: (char, char), en: (char, char)) -> (char, char) {
        match self {
            Lang::Ru => ru,
            Lang::En => en,
        }
    }
}

/// The short form for labels and axes: "> 27 400", "≈ 18 600", "15 000–20 000".
/// "Almost" shares "≈" with "about" on a label; the tooltip and table say which.
pub fn short_figure(value: f64, qualifier: Qualifier, locale: &dyn Locale) -> String {
    let n = locale.format(value);
    match qualifier {
        Qualifier::Exact => n,
        Qualifier::MoreThan => format!("> {n}"),
        Qualifier::Almost | Qualifier::About => format!("≈ {n}"),
        Qualifier::UpTo => format!("≤ {n}"),
        Qualifier::AtLeast => format!("≥ {n}"),
        Qualifier::Range { max } => format!("{n}–{}", locale.format(max)),
    }
}

/// The qualifier in words, as the source says it: "более 27 400", "почти 18 600".
pub fn worded_figure(value: f64, qualifier: Qualifier, locale: &dyn Locale, lang: Lang) -> String {
    let n = locale.format(value);
    let lead = |ru, en| format!("{} {n}", lang.pick(ru, en));
    match qualifier {
        Qualifier::Exact => n,
        Qualifier::MoreThan => lead("более", "more than"),
        Qualifier::Almost => lead("почти", "almost"),
        Qualifier::About => lead("около", "about"),
        Qualifier::UpTo => lead("до", "up to"),
        Qualifier::AtLeast => lead("не менее", "at least"),
        Qualifier::Range { max } => format!("{} {n} {} {}", lang.pick("от", "from"), lang.pick("до", "to"), locale.format(max)),
    }
}

/// What a short figure's sign means, for the chart's key; `None` where there is no sign.
pub fn qualifier_key(qualifier: Qualifier, lang: Lang) -> Option<&'static str> {
    match qualifier {
        Qualifier::Exact | Qualifier::Range { .. } => None,
        Qualifier::MoreThan => Some(lang.pick("> более", "> more than")),
        Qualifier::Almost | Qualifier::About => Some(lang.pick("≈ около или почти", "≈ about or almost")),
        Qualifier::UpTo => Some(lang.pick("≤ до", "≤ up to")),
        Qualifier::AtLeast => Some(lang.pick("≥ не менее", "≥ at least")),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_group_by_locale() {
        assert_eq!(PlainLocale(Lang::Ru).format(27400.0), "27\u{a0}400");
        assert_eq!(PlainLocale(Lang::En).format(27400.0), "27,400");
        assert_eq!(PlainLocale(Lang::En).format(1234567.0), "1,234,567");
        assert_eq!(PlainLocale(Lang::Ru).format(5.5), "5,5");
        assert_eq!(PlainLocale(Lang::En).format(153.0), "153");
    }

    #[test]
    fn qualifiers_stay_on_the_figure() {
        let en = PlainLocale(Lang::En);
        assert_eq!(short_figure(27400.0, Qualifier::MoreThan, &en), "> 27,400");
        assert_eq!(short_figure(18600.0, Qualifier::Almost, &en), "≈ 18,600");
        assert_eq!(short_figure(15000.0, Qualifier::Range { max: 20000.0 }, &en), "15,000–20,000");
        assert_eq!(worded_figure(18600.0, Qualifier::Almost, &PlainLocale(Lang::Ru), Lang::Ru), "почти 18\u{a0}600");
        assert_eq!(worded_figure(90000.0, Qualifier::UpTo, &en, Lang::En), "up to 90,000");
    }
}
