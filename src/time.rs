//! Dates, periods and target years as datasets state them, with their labels and order.

use crate::lang::Lang;
use chrono::{Datelike, NaiveDate};

/// How a measure's figures are dated: as of a date (a stock), over a period (a flow), or for a
/// target year (a plan).
#[derive(Clone, Copy, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub enum MeasureTime {
    Date,
    Period,
    Target,
}

impl MeasureTime {
    pub const ALL: [MeasureTime; 3] = [MeasureTime::Date, MeasureTime::Period, MeasureTime::Target];

    /// The name in the dataset format, which is also the observation field that dates a figure.
    pub fn code(self) -> &'static str {
        match self {
            MeasureTime::Date => "date",
            MeasureTime::Period => "period",
            MeasureTime::Target => "target",
        }
    }
}

/// A date as precise as the source gives it: a year, a month or a day.
#[derive(Clone, Copy, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct PartialDate {
    pub year: i32,
    pub month: Option<u32>,
    pub day: Option<u32>,
}

/// A span of time over which a flow (jobs created, new residents) is counted.
#[derive(Clone, Copy, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub enum Period {
    Year(i32),
    Half(i32, u32),
    Quarter(i32, u32),
    Between(NaiveDate, NaiveDate),
}

/// When an observation applies, in the form its measure asks for.
#[derive(Clone, Copy, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub enum When {
    Date(PartialDate),
    Period(Period),
    Target(i32),
    NotStated,
}

const MONTHS_RU: [&str; 12] = [
    "январь", "февраль", "март", "апрель", "май", "июнь", "июль", "август", "сентябрь", "октябрь",
    "ноябрь", "декабрь",
];
const MONTHS_EN: [&str; 12] =
    ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];
const ROMAN: [&str; 4] = ["I", "II", "III", "IV"];

fn parse_number<T: std::str::FromStr>(text: &str, digits: usize) -> Option<T> {
    (text.len() == digits && text.bytes().all(|b| b.is_ascii_digit())).then(|| text.parse().ok())?
}

impl PartialDate {
    /// Parses `YYYY`, `YYYY-MM` or `YYYY-MM-DD`; the date must exist in the calendar.
    pub fn parse(text: &str) -> Option<PartialDate> {
        let mut parts = text.split('-');
        let year = parse_number(parts.next()?, 4)?;
        let month = parts.next().map(|m| parse_number::<u32>(m, 2)).map_or(Some(None), |m| m.map(Some))?;
        let day = parts.next().map(|d| parse_number::<u32>(d, 2)).map_or(Some(None), |d| d.map(Some))?;
        if parts.next().is_some() {
            return None;
        }
        let date = PartialDate { year, month, day };
        NaiveDate::from_ymd_opt(year, month.unwrap_or(1), day.unwrap_or(1))?;
        Some(date)
    }

    /// The first day this date can mean; used to order dates of mixed precision.
    pub fn start(&self) -> NaiveDate {
        NaiveDate::from_ymd_opt(self.year, self.month.unwrap_or(1), self.day.unwrap_or(1))
            .unwrap_or(NaiveDate::MIN)
    }

    /// Written back as the dataset writes it: `2024`, `2024-01` or `2024-01-05`.
    pub fn code(&self) -> String {
        match (self.month, self.day) {
            (Some(m), Some(d)) => format!("{}-{m:02}-{d:02}", self.year),
            (Some(m), None) => format!("{}-{m:02}", self.year),
            _ => self.year.to_string(),
        }
    }

    pub fn label(&self, lang: Lang) -> String {
        match (self.month, self.day, lang) {
            (Some(m), Some(d), Lang::Ru) => format!("{d:02}.{m:02}.{}", self.year),
            (Some(m), Some(d), Lang::En) => format!("{d} {} {}", MONTHS_EN[m as usize - 1], self.year),
            (Some(m), None, Lang::Ru) => format!("{} {}", MONTHS_RU[m as usize - 1], self.year),
            (Some(m), None, Lang::En) => format!("{} {}", MONTHS_EN[m as usize - 1], self.year),
            _ => self.year.to_string(),
        }
    }
}

fn date_label(date: NaiveDate, lang: Lang) -> String {
    PartialDate { year: date.year(), month: Some(date.month()), day: Some(date.day()) }.label(lang)
}

impl Period {
    /// Parses `YYYY`, `YYYY-H1`, `YYYY-Q3` or `YYYY-MM-DD/YYYY-MM-DD`.
    /// An interval that ends before it starts is `Err(true)`; any other bad text is `Err(false)`.
    pub fn parse(text: &str) -> Result<Period, bool> {
        if let Some((start, end)) = text.split_once('/') {
            let day = |t: &str| PartialDate::parse(t).filter(|d| d.day.is_some()).map(|d| d.start());
            let (start, end) = (day(start).ok_or(false)?, day(end).ok_or(false)?);
            return if end < start { Err(true) } else { Ok(Period::Between(start, end)) };
        }
        let (year, part) = text.split_once('-').map_or((text, None), |(y, p)| (y, Some(p)));
        let year = parse_number(year, 4).ok_or(false)?;
        let numbered = |prefix: char, max: u32| {
            part.and_then(|p| p.strip_prefix(prefix))
                .and_then(|n| parse_number::<u32>(n, 1))
                .filter(|n| (1..=max).contains(n))
        };
        match part {
            None => Ok(Period::Year(year)),
            Some(_) => numbered('H', 2)
                .map(|h| Period::Half(year, h))
                .or_else(|| numbered('Q', 4).map(|q| Period::Quarter(year, q)))
                .ok_or(false),
        }
    }

    /// First and last day, for ordering periods and telling which is later.
    pub fn bounds(&self) -> (NaiveDate, NaiveDate) {
        let ymd = |y, m, d| NaiveDate::from_ymd_opt(y, m, d).unwrap_or(NaiveDate::MIN);
        let months = |y: i32, first: u32, count: u32| {
            let next = if first + count > 12 { ymd(y + 1, 1, 1) } else { ymd(y, first + count, 1) };
            (ymd(y, first, 1), next.pred_opt().unwrap_or(next))
        };
        match *self {
            Period::Year(y) => months(y, 1, 12),
            Period::Half(y, h) => months(y, 1 + (h - 1) * 6, 6),
            Period::Quarter(y, q) => months(y, 1 + (q - 1) * 3, 3),
            Period::Between(start, end) => (start, end),
        }
    }

    /// Written back as the dataset writes it: `2023`, `2025-H1`, `2025-Q3`, `2025-01-01/2025-09-09`.
    pub fn code(&self) -> String {
        match *self {
            Period::Year(y) => y.to_string(),
            Period::Half(y, h) => format!("{y}-H{h}"),
            Period::Quarter(y, q) => format!("{y}-Q{q}"),
            Period::Between(s, e) => format!("{}/{}", s.format_ymd(), e.format_ymd()),
        }
    }

    pub fn label(&self, lang: Lang) -> String {
        match (*self, lang) {
            (Period::Year(y), Lang::Ru) => format!("{y} год"),
            (Period::Year(y), Lang::En) => y.to_string(),
            (Period::Half(y, h), Lang::Ru) => format!("{} полугодие {y}", ROMAN[h as usize - 1]),
            (Period::Half(y, h), Lang::En) => format!("H{h} {y}"),
            (Period::Quarter(y, q), Lang::Ru) => format!("{} квартал {y}", ROMAN[q as usize - 1]),
            (Period::Quarter(y, q), Lang::En) => format!("Q{q} {y}"),
            (Period::Between(s, e), _) => format!("{} – {}", date_label(s, lang), date_label(e, lang)),
        }
    }
}

trait Ymd {
    fn format_ymd(&self) -> String;
}

impl Ymd for NaiveDate {
    fn format_ymd(&self) -> String {
        format!("{}-{:02}-{:02}", self.year(), self.month(), self.day())
    }
}

impl When {
    /// The code of this date or period in `period=`: "2025-09-09", "2025-H1", "target-2030".
    pub fn code(&self) -> String {
        match self {
            When::Date(d) => d.code(),
            When::Period(p) => p.code(),
            When::Target(year) => format!("target-{year}"),
            When::NotStated => "unstated".into(),
        }
    }

    /// A key that orders observations in time; `NotStated` comes before everything.
    pub fn sort_key(&self) -> (NaiveDate, NaiveDate) {
        let year = |y| NaiveDate::from_ymd_opt(y, 1, 1).unwrap_or(NaiveDate::MIN);
        match self {
            When::Date(d) => (d.start(), d.start()),
            When::Period(p) => p.bounds(),
            When::Target(y) => (year(*y), year(*y)),
            When::NotStated => (NaiveDate::MIN, NaiveDate::MIN),
        }
    }

    /// How the time reads after a value: "на 27.08.2025", "в I полугодии 2025" reads poorly
    /// in Russian, so periods and dates are given as bare labels with a short lead-in.
    pub fn label(&self, lang: Lang) -> String {
        match self {
            When::Date(d) => format!("{} {}", lang.pick("на", "as of"), d.label(lang)),
            When::Period(p) => p.label(lang),
            When::Target(y) => format!("{} {y}", lang.pick("план на", "target")),
            When::NotStated => lang.pick("срок не указан", "time not stated").to_string(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_must_exist_in_the_calendar() {
        assert!(PartialDate::parse("2024-02-29").is_some());
        assert!(PartialDate::parse("2025-02-30").is_none());
        assert!(PartialDate::parse("2025-13").is_none());
        assert!(PartialDate::parse("25-01-01").is_none());
        assert!(PartialDate::parse("2025-1-01").is_none());
        assert_eq!(PartialDate::parse("2023-01").unwrap().label(Lang::Ru), "январь 2023");
        assert_eq!(PartialDate::parse("2025-09-09").unwrap().label(Lang::En), "9 Sep 2025");
    }

    #[test]
    fn periods_parse_and_refuse_backwards_intervals() {
        assert_eq!(Period::parse("2025-H1"), Ok(Period::Half(2025, 1)));
        assert_eq!(Period::parse("2025-Q4").unwrap().bounds().1, NaiveDate::from_ymd_opt(2025, 12, 31).unwrap());
        assert_eq!(Period::parse("2025-H3"), Err(false));
        assert_eq!(Period::parse("2025-09-09/2025-01-01"), Err(true));
        assert_eq!(Period::parse("2025-01-01/2025-02-30"), Err(false));
        assert_eq!(Period::parse("2025-H1").unwrap().label(Lang::Ru), "I полугодие 2025");
        assert_eq!(Period::parse("2025-01-01/2025-09-09").unwrap().label(Lang::En), "1 Jan 2025 – 9 Sep 2025");
        for code in ["2023", "2025-H1", "2025-Q3", "2025-01-01/2025-09-09"] {
            assert_eq!(Period::parse(code).unwrap().code(), code);
        }
        assert_eq!(PartialDate::parse("2023-01").unwrap().code(), "2023-01");
    }
}
