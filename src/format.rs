//! Figures as readers see them: the locale's digits with the source's qualifier kept.

use crate::dataset::Qualifier;
use crate::lang::Lang;

/// Formats a number in the reader's locale. The browser passes one backed by `Intl`.
pub trait NumberFormat {
    fn format(&self, value: f64) -> String;
}

/// The same grouping `Intl.NumberFormat` uses for whole numbers (ru: "27 400" with a no-break
/// space, en: "27,400"), for rendering outside the browser: native tests and SVG written there.
pub struct PlainNumbers(pub Lang);

impl NumberFormat for PlainNumbers {
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

/// A finite number in plain decimal digits, as Rust's `Display` writes it ("18600", "5.5",
/// "0.0000001"): for CSV cells, CSS lengths and messages. In the browser the host's
/// `Number.prototype.toString` writes it: the same shortest digits that read back as the number,
/// with an exponent for the very small and large, spelled out here. Rust's own float printing
/// would add its tables and algorithms to the wasm.
pub fn plain_number(value: f64) -> String {
    #[cfg(target_arch = "wasm32")]
    return match value == 0.0 && value.is_sign_negative() {
        // JavaScript writes minus zero as "0".
        true => "-0".to_string(),
        false => without_exponent(&number_text(value)),
    };
    #[cfg(not(target_arch = "wasm32"))]
    return value.to_string();
}

#[cfg(target_arch = "wasm32")]
#[wasm_bindgen::prelude::wasm_bindgen]
extern "C" {
    /// JavaScript's `String(number)`, which is `toString()` and cannot throw: imported without
    /// web-sys's check for an exception.
    #[wasm_bindgen(js_name = String)]
    fn number_text(value: f64) -> String;
}

/// A number in JavaScript's exponent form ("1.5e-7", "-1e+21") in plain digits ("0.00000015",
/// "-1000000000000000000000"); text without an exponent is returned as it is.
#[cfg(any(target_arch = "wasm32", test))]
fn without_exponent(text: &str) -> String {
    let Some((exponent, mantissa)) = text.split_once('e').and_then(|(m, e)| Some((e.parse::<i32>().ok()?, m))) else {
        return text.to_string();
    };
    let (sign, mantissa) = mantissa.strip_prefix('-').map_or(("", mantissa), |m| ("-", m));
    let (whole, fraction) = mantissa.split_once('.').unwrap_or((mantissa, ""));
    let mut digits = format!("{whole}{fraction}");
    // How many of the digits stand before the decimal point.
    let point = whole.len() as i32 + exponent;
    match usize::try_from(point) {
        Err(_) | Ok(0) => format!("{sign}0.{}{digits}", "0".repeat(point.unsigned_abs() as usize)),
        Ok(point) if point >= digits.len() => format!("{sign}{digits}{}", "0".repeat(point - digits.len())),
        // Inserted rather than sliced around: a slice's panic path would bring the standard
        // library's `char` debug printing and Unicode tables into the wasm (4 KB gzipped).
        Ok(point) => {
            digits.insert(point, '.');
            format!("{sign}{digits}")
        }
    }
}

/// Reads a number as Rust's `str::parse::<f64>` does ("5.5", "-1e3", ".5", "5.", "inf", "NaN").
/// In the browser the host's `parseFloat` converts it, once it is known to be a number in Rust's
/// grammar (JavaScript's would also take hexadecimal, blanks or text after the number): Rust's
/// own float parsing, with its tables, would add about 14 KB gzipped to the wasm.
pub fn read_number(text: &str) -> Option<f64> {
    #[cfg(target_arch = "wasm32")]
    return match number_kind(text)? {
        NumberKind::Decimal => Some(js_sys::Number::parse_float(text)),
        NumberKind::Infinite { negative: true } => Some(f64::NEG_INFINITY),
        NumberKind::Infinite { negative: false } => Some(f64::INFINITY),
        NumberKind::NotANumber => Some(f64::NAN),
    };
    #[cfg(not(target_arch = "wasm32"))]
    return text.parse().ok();
}

/// What Rust's float grammar makes of a text.
#[cfg(any(target_arch = "wasm32", test))]
#[derive(Debug, PartialEq)]
enum NumberKind {
    /// A sign, digits with at most one point (a digit on at least one side), an exponent.
    Decimal,
    Infinite { negative: bool },
    NotANumber,
}

#[cfg(any(target_arch = "wasm32", test))]
fn number_kind(text: &str) -> Option<NumberKind> {
    let unsigned = text.strip_prefix(['+', '-']).unwrap_or(text);
    let word = |w: &str| unsigned.eq_ignore_ascii_case(w);
    if word("inf") || word("infinity") {
        return Some(NumberKind::Infinite { negative: text.starts_with('-') });
    }
    if word("nan") {
        return Some(NumberKind::NotANumber);
    }
    let digits = |part: &str| part.bytes().all(|b| b.is_ascii_digit());
    let (mantissa, exponent) = match unsigned.split_once(['e', 'E']) {
        Some((mantissa, exponent)) => (mantissa, Some(exponent.strip_prefix(['+', '-']).unwrap_or(exponent))),
        None => (unsigned, None),
    };
    let (whole, fraction) = mantissa.split_once('.').unwrap_or((mantissa, ""));
    let exponent_fits = exponent.is_none_or(|e| !e.is_empty() && digits(e));
    let decimal = !(whole.is_empty() && fraction.is_empty()) && digits(whole) && digits(fraction) && exponent_fits;
    decimal.then_some(NumberKind::Decimal)
}

/// The short form for labels and axes: "> 27 400", "≈ 18 600", "15 000–20 000".
/// "Almost" shares "≈" with "about" on a label; the tooltip and table say which.
pub fn short_figure(value: f64, qualifier: Qualifier, numbers: &dyn NumberFormat) -> String {
    let n = numbers.format(value);
    match qualifier {
        Qualifier::Exact => n,
        Qualifier::MoreThan => format!("> {n}"),
        Qualifier::Almost | Qualifier::About => format!("≈ {n}"),
        Qualifier::UpTo => format!("≤ {n}"),
        Qualifier::AtLeast => format!("≥ {n}"),
        Qualifier::Range { max } => format!("{n}–{}", numbers.format(max)),
    }
}

/// The qualifier in words, as the source says it: "более 27 400", "почти 18 600".
pub fn worded_figure(value: f64, qualifier: Qualifier, numbers: &dyn NumberFormat, lang: Lang) -> String {
    let n = numbers.format(value);
    let lead = |ru, en| format!("{} {n}", lang.pick(ru, en));
    match qualifier {
        Qualifier::Exact => n,
        Qualifier::MoreThan => lead("более", "more than"),
        Qualifier::Almost => lead("почти", "almost"),
        Qualifier::About => lead("около", "about"),
        Qualifier::UpTo => lead("до", "up to"),
        Qualifier::AtLeast => lead("не менее", "at least"),
        Qualifier::Range { max } => format!("{} {n} {} {}", lang.pick("от", "from"), lang.pick("до", "to"), numbers.format(max)),
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

/// Text and attribute values with the five characters XML (and HTML) reserves escaped, for the
/// SVG export and the embed snippets.
pub fn push_escaped(out: &mut String, text: &str) {
    for c in text.chars() {
        match c {
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '&' => out.push_str("&amp;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&apos;"),
            other => out.push(other),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_group_by_locale() {
        assert_eq!(PlainNumbers(Lang::Ru).format(27400.0), "27\u{a0}400");
        assert_eq!(PlainNumbers(Lang::En).format(27400.0), "27,400");
        assert_eq!(PlainNumbers(Lang::En).format(1234567.0), "1,234,567");
        assert_eq!(PlainNumbers(Lang::Ru).format(5.5), "5,5");
        assert_eq!(PlainNumbers(Lang::En).format(153.0), "153");
    }

    #[test]
    fn exponents_are_spelled_out_as_rust_writes_numbers() {
        for js in ["1.5e-7", "-3e-7", "1.2345678901234568e-10", "1e+21", "-1.5e+300", "2.5e+21", "1.2345e+2", "18600", "0.5"] {
            let value: f64 = js.parse().unwrap();
            assert_eq!(without_exponent(js), value.to_string(), "{js}");
        }
    }

    #[test]
    fn numbers_are_read_in_rusts_grammar() {
        // Every text of up to five characters from these, and some longer ones: accepted exactly
        // when Rust's parser accepts it, and infinities with their sign.
        let alphabet = ["0", "7", ".", "e", "E", "+", "-", "i", "n", "f", "a", " ", "x", "_"];
        let mut level = vec![String::new()];
        let mut texts = level.clone();
        for _ in 0..5 {
            level = level.iter().flat_map(|t| alphabet.map(|c| format!("{t}{c}"))).collect();
            texts.extend(level.iter().cloned());
        }
        texts.extend(["inf", "-Infinity", "+INF", "NaN", "-nan", "infin", "1e+", "1.5e-7", ".5", "5.", "+.5e3", "0x10", "1..2", "18600.0", "1e400"].map(String::from));
        for text in &texts {
            let rust: Option<f64> = text.parse().ok();
            let kind = number_kind(text);
            assert_eq!(kind.is_some(), rust.is_some(), "{text:?}");
            if let (Some(NumberKind::Infinite { negative }), Some(value)) = (&kind, rust) {
                assert!(value.is_infinite() && value.is_sign_negative() == *negative, "{text:?}");
            }
            assert_eq!(kind == Some(NumberKind::NotANumber), rust.is_some_and(f64::is_nan), "{text:?}");
        }
    }

    #[test]
    fn qualifiers_stay_on_the_figure() {
        let en = PlainNumbers(Lang::En);
        assert_eq!(short_figure(27400.0, Qualifier::MoreThan, &en), "> 27,400");
        assert_eq!(short_figure(18600.0, Qualifier::Almost, &en), "≈ 18,600");
        assert_eq!(short_figure(15000.0, Qualifier::Range { max: 20000.0 }, &en), "15,000–20,000");
        assert_eq!(worded_figure(18600.0, Qualifier::Almost, &PlainNumbers(Lang::Ru), Lang::Ru), "почти 18\u{a0}600");
        assert_eq!(worded_figure(90000.0, Qualifier::UpTo, &en, Lang::En), "up to 90,000");
    }
}
