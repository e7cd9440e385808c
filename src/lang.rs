//! The page's language and texts given in both languages.

/// The languages every text of a dataset and of the interface is given in.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Default)]
pub enum Lang {
    #[default]
    Ru,
    En,
}

impl Lang {
    /// Reads a `lang=` value; anything unknown is `None` so the caller keeps its default.
    pub fn parse(code: &str) -> Option<Lang> {
        match code {
            "ru" => Some(Lang::Ru),
            "en" => Some(Lang::En),
            _ => None,
        }
    }

    pub fn code(self) -> &'static str {
        match self {
            Lang::Ru => "ru",
            Lang::En => "en",
        }
    }

    /// Picks the text for this language from a Russian and an English one.
    pub fn pick<'a>(self, ru: &'a str, en: &'a str) -> &'a str {
        match self {
            Lang::Ru => ru,
            Lang::En => en,
        }
    }
}

/// A text given in Russian and English, as every name in a dataset is.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord, serde::Serialize, serde::Deserialize)]
pub struct Localized {
    pub ru: String,
    pub en: String,
}

impl Localized {
    pub fn get(&self, lang: Lang) -> &str {
        lang.pick(&self.ru, &self.en)
    }
}

/// The words of a text: its runs of letters and digits, every script's included (for making ids
/// from names). In the browser a Unicode regular expression of the host finds them, for the
/// reason given at `lowercase`: Rust's would bring its tables of letters and digits (~2 KB
/// gzipped). Both follow Unicode's Alphabetic and Number properties.
pub fn words(text: &str) -> Vec<String> {
    #[cfg(target_arch = "wasm32")]
    return {
        let separators = js_sys::RegExp::new(r"[^\p{Alphabetic}\p{N}]+", "u");
        let parts = js_sys::JsString::from(text).split_by_pattern(&separators);
        parts.iter().filter_map(|part| part.as_string()).filter(|word| !word.is_empty()).collect()
    };
    #[cfg(not(target_arch = "wasm32"))]
    return text.split(|c: char| !c.is_alphanumeric()).filter(|word| !word.is_empty()).map(str::to_string).collect();
}

/// A text in lower case, every script's letters included (for sorting names and making ids).
/// In the browser the host's `toLowerCase` does it: Rust's own would bring its Unicode case
/// tables into the wasm (~10 KB gzipped). Both follow Unicode's default case mapping.
pub fn lowercase(text: &str) -> String {
    #[cfg(target_arch = "wasm32")]
    return js_sys::JsString::from(text).to_lower_case().into();
    #[cfg(not(target_arch = "wasm32"))]
    return text.to_lowercase();
}
