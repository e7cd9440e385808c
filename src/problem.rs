//! What can be wrong with a dataset, where, and how to say it in the reader's language.

use crate::lang::Lang;

/// Where a problem is: a JSON path such as `$.observations[3].value`, or a line (1-based, the
/// header is line 1) and column of a CSV file.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Place {
    Json(String),
    Csv { line: usize, column: Option<String> },
}

impl Place {
    pub fn label(&self, lang: Lang) -> String {
        match self {
            Place::Json(path) => path.clone(),
            Place::Csv { line, column: None } => format!("{} {line}", lang.pick("строка", "line")),
            Place::Csv { line, column: Some(c) } => format!("{} {line}, {} «{c}»", lang.pick("строка", "line"), lang.pick("столбец", "column")),
        }
    }
}

/// One thing wrong with a dataset, and where.
#[derive(Clone, Debug, PartialEq)]
pub struct Problem {
    pub place: Place,
    pub kind: ProblemKind,
}

/// The kinds of id a dataset refers to.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum IdKind {
    Site,
    Sector,
    Company,
    Measure,
    Source,
}

/// Problems a reader is shown in words, each with its place; the rest are counted.
pub const LISTED_PROBLEMS: usize = 50;

#[derive(Clone, Debug, PartialEq)]
pub enum ProblemKind {
    /// The text is not JSON at all; line and column are 1-based.
    Syntax { line: usize, column: usize, truncated: bool },
    NotAnObject,
    WrongFormat { found: String },
    /// A CSV file that is not well-formed (a quote left open, a row of the wrong length).
    BadCsv(String),
    NotUtf8 { offset: usize },
    TooLarge { bytes: usize, limit: usize },
    TooMany { count: usize, limit: usize },
    /// The browser gave no more memory while a dataset of this many bytes was read.
    OutOfMemory { bytes: usize },
    TooLong { chars: usize, limit: usize },
    TooDeep,
    ValueTooBig { limit: f64 },
    UnknownMeasure { found: String, allowed: Vec<String> },
    WrongVersion { found: String },
    MissingField(String),
    UnknownField(String),
    WrongType { found: String, expected: String },
    UnknownValue { found: String, allowed: Vec<String> },
    EmptyList,
    EmptyText,
    DuplicateId { id: String, first: String },
    UnknownId { kind: IdKind, id: String },
    NegativeValue(f64),
    NotFinite,
    RangeWithoutMax,
    MaxWithoutRange,
    MaxNotAboveValue,
    BadDate(String),
    BadPeriod(String),
    PeriodEndsBeforeStart(String),
    WrongTimeField { expected: &'static str },
    CompanyWithSitesOrSector,
    NotAPlan(String),
    BadUrl(String),
}

impl IdKind {
    fn noun(self, lang: Lang) -> &'static str {
        match self {
            IdKind::Site => lang.pick("площадка", "site"),
            IdKind::Sector => lang.pick("отрасль", "sector"),
            IdKind::Company => lang.pick("компания", "company"),
            IdKind::Measure => lang.pick("показатель", "measure"),
            IdKind::Source => lang.pick("источник", "source"),
        }
    }
}

/// Names serde's type descriptions the way a reader would ("a number", "a list").
fn type_word(serde_words: &str, lang: Lang) -> String {
    let w = serde_words;
    let (ru, en) = if w.contains("number") || w.contains("f64") || w.contains("i32") || w.contains("u32") || w.contains("integer") || w.contains("floating") {
        ("число", "a number")
    } else if w.contains("string") || w.starts_with("char") {
        ("строка", "a string")
    } else if w.contains("sequence") {
        ("список", "a list")
    } else if w.contains("map") || w.contains("struct") {
        ("объект", "an object")
    } else if w.contains("boolean") {
        ("логическое значение", "true or false")
    } else if w.contains("null") || w.contains("unit") {
        ("null", "null")
    } else {
        return w.to_string();
    };
    lang.pick(ru, en).to_string()
}

/// Bytes as megabytes with one decimal, as a file manager shows a file's size.
fn megabytes(bytes: usize) -> String {
    format!("{:.1}", bytes as f64 / (1024.0 * 1024.0))
}

impl ProblemKind {
    /// A plain sentence saying what is wrong, in the reader's language.
    pub fn message(&self, lang: Lang) -> String {
        use ProblemKind::*;
        let l = |ru: &str, en: &str| lang.pick(ru, en).to_string();
        match self {
            Syntax { line, column, truncated: true } => format!(
                "{} ({} {line}, {} {column})",
                l("файл обрывается: JSON не закончен", "the file ends too early: the JSON is incomplete"),
                l("строка", "line"),
                l("столбец", "column")
            ),
            Syntax { line, column, .. } => format!(
                "{} {line}, {} {column}",
                l("это не JSON: ошибка в строке", "this is not valid JSON: error at line"),
                l("столбец", "column")
            ),
            NotUtf8 { offset } => format!("{} {offset}", l("текст не в кодировке UTF-8: неверный байт на позиции", "the text is not UTF-8: invalid byte at offset")),
            TooLarge { bytes, limit } => format!(
                "{} ({} {mb}, {} {} {mb}): {}",
                l("файл слишком большой", "the file is too large"),
                megabytes(*bytes),
                l("читается не больше", "at most"),
                megabytes(*limit),
                l("разделите его на части или уберите лишнее", "split it into smaller files or leave out what you do not need"),
                mb = l("МБ", "MB"),
            ),
            TooMany { count, limit } => format!(
                "{} ({count}, {} {limit}): {}",
                l("слишком много элементов", "too many items"),
                l("предел", "the limit is"),
                l("разделите набор данных на части", "split the dataset into smaller ones")
            ),
            OutOfMemory { bytes } => format!(
                "{} ({} {}): {}",
                l("браузер не дал памяти, чтобы прочитать этот набор данных", "the browser gave no more memory to read this dataset"),
                megabytes(*bytes),
                l("МБ", "MB"),
                l("закройте другие вкладки или разделите его на части", "close other tabs, or split it into smaller files")
            ),
            TooLong { chars, limit } => format!("{} ({chars} {}, {} {limit})", l("текст слишком длинный", "the text is too long"), l("символов", "characters"), l("предел", "the limit is")),
            TooDeep => l("JSON вложен слишком глубоко", "the JSON is nested too deeply"),
            ValueTooBig { limit } => format!("{} {}", l("значение неправдоподобно велико: больше", "the value is implausibly large: more than"), limit),
            BadCsv(detail) => format!("{} ({detail})", l("это не корректный CSV", "this is not well-formed CSV")),
            UnknownMeasure { found, allowed } => format!(
                "{} «{found}»; {} {}",
                l("неизвестный показатель", "unknown measure"),
                l("допустимы:", "allowed:"),
                allowed.join(", ")
            ),
            NotAnObject => l("набор данных должен быть объектом JSON { … }", "a dataset must be a JSON object { … }"),
            WrongFormat { found } => format!("{} «{found}»", l("ожидался формат «sez-jobs», а указан", "expected format \"sez-jobs\", found")),
            WrongVersion { found } => format!("{} {found}", l("поддерживается версия 1, а указана", "version 1 is supported, found")),
            MissingField(name) => format!("{} «{name}»", l("нет обязательного поля", "missing required field")),
            UnknownField(name) => format!("{} «{name}»", l("неизвестное поле", "unknown field")),
            WrongType { found, expected } if expected.is_empty() => format!("{} {found}", l("неверное значение:", "invalid value:")),
            WrongType { found, expected } => format!(
                "{} {}, {} {}",
                l("ожидалось", "expected"),
                type_word(expected, lang),
                l("а получено", "found"),
                type_word(found, lang)
            ),
            UnknownValue { found, allowed } => format!(
                "{} «{found}»; {} {}",
                l("недопустимое значение", "value not allowed:"),
                l("допустимы:", "allowed:"),
                allowed.join(", ")
            ),
            EmptyList => l("список не должен быть пустым", "the list must not be empty"),
            EmptyText => l("текст не должен быть пустым", "the text must not be empty"),
            DuplicateId { id, first } => format!("{} «{id}» {} {first}", l("повторяется id", "duplicate id"), l("— он уже есть в", "— already used at")),
            UnknownId { kind, id } => format!("{} {}: «{id}»", l("нет такого id —", "no such id —"), kind.noun(lang)),
            NegativeValue(v) => format!("{} ({})", l("значение не может быть отрицательным", "the value must not be negative"), v),
            NotFinite => l("значение должно быть конечным числом", "the value must be a finite number"),
            RangeWithoutMax => l("для qualifier «range» нужно поле «max»", "qualifier \"range\" needs a \"max\""),
            MaxWithoutRange => l("поле «max» допустимо только с qualifier «range»", "\"max\" is only allowed with qualifier \"range\""),
            MaxNotAboveValue => l("«max» должно быть больше «value»", "\"max\" must be greater than \"value\""),
            BadDate(t) => format!("{} «{t}»; {}", l("неверная дата", "invalid date"), l("нужно ГГГГ, ГГГГ-ММ или ГГГГ-ММ-ДД, и такая дата должна существовать", "use YYYY, YYYY-MM or YYYY-MM-DD, and the date must exist")),
            BadPeriod(t) => format!("{} «{t}»; {}", l("неверный период", "invalid period"), l("нужно ГГГГ, ГГГГ-H1, ГГГГ-Q1 или ГГГГ-ММ-ДД/ГГГГ-ММ-ДД", "use YYYY, YYYY-H1, YYYY-Q1 or YYYY-MM-DD/YYYY-MM-DD")),
            PeriodEndsBeforeStart(t) => format!("{} «{t}»", l("период заканчивается раньше, чем начинается:", "the period ends before it starts:")),
            WrongTimeField { expected } => format!("{} «{expected}»", l("у этого показателя время задаётся полем", "this measure is dated by the field")),
            CompanyWithSitesOrSector => l("«company» не сочетается с «sites» и «sector»: они берутся из компании", "\"company\" cannot be combined with \"sites\" or \"sector\": they come from the company"),
            NotAPlan(id) => format!("{} «{id}» {}", l("показатель", "measure"), l("не плановый (time ≠ target), а указан plan_for", "is not a plan (time is not target) yet has plan_for")),
            BadUrl(u) => format!("{} «{u}»", l("адрес должен начинаться с http:// или https://:", "the address must start with http:// or https://:")),
        }
    }
}

impl Problem {
    /// A problem at a JSON path.
    pub fn new(path: impl Into<String>, kind: ProblemKind) -> Problem {
        Problem { place: Place::Json(path.into()), kind }
    }

    /// The JSON path, for problems of a JSON dataset.
    pub fn path(&self) -> &str {
        match &self.place {
            Place::Json(path) => path,
            Place::Csv { .. } => "",
        }
    }

    /// "$.observations[3].value: the value must not be negative (-5)", or "line 5, column …: …".
    pub fn describe(&self, lang: Lang) -> String {
        format!("{}: {}", self.place.label(lang), self.kind.message(lang))
    }

    /// Where and what, apart, in the reader's language (`loadText` gives these to a host).
    pub fn report(&self, lang: Lang) -> ProblemReport {
        ProblemReport { path: self.place.label(lang), message: self.kind.message(lang) }
    }
}

/// A problem as a host reads it: the JSON path (or CSV line and column) and the sentence.
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize)]
pub struct ProblemReport {
    pub path: String,
    pub message: String,
}
