//! The dataset's JSON exactly as written, typed by serde before its rules are checked.

use crate::lang::Localized;
use serde::Deserialize;

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Entity {
    pub id: String,
    pub name: Localized,
}

#[derive(Deserialize, Clone, Copy, PartialEq, Eq, Default)]
#[serde(rename_all = "snake_case")]
pub enum SiteStatus {
    #[default]
    Active,
    Planned,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Site {
    pub id: String,
    pub name: Localized,
    #[serde(default)]
    pub status: SiteStatus,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Company {
    pub id: String,
    pub name: Localized,
    #[serde(default)]
    pub sites: Vec<String>,
    pub sector: Option<String>,
}

#[derive(Deserialize, Clone, Copy, Debug, PartialEq, Eq)]
#[serde(rename_all = "snake_case")]
pub enum TimeKind {
    Date,
    Period,
    Target,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Measure {
    pub id: String,
    pub name: Localized,
    pub unit: Localized,
    pub time: TimeKind,
    pub plan_for: Option<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Source {
    pub id: String,
    pub title: Option<String>,
    pub outlet: String,
    pub date: Option<String>,
    pub url: String,
}

#[derive(Deserialize, Default)]
#[serde(deny_unknown_fields)]
pub struct Scope {
    pub sites: Option<Vec<String>>,
    pub sector: Option<String>,
    pub company: Option<String>,
    pub part: Option<Localized>,
}

#[derive(Deserialize, Clone, Copy, Debug, PartialEq, Eq)]
#[serde(rename_all = "snake_case")]
pub enum QualifierName {
    Exact,
    MoreThan,
    Almost,
    About,
    UpTo,
    AtLeast,
    Range,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Observation {
    pub id: String,
    pub measure: String,
    pub scope: Scope,
    pub value: f64,
    pub max: Option<f64>,
    pub qualifier: QualifierName,
    pub date: Option<String>,
    pub period: Option<String>,
    pub target: Option<i32>,
    pub when_note: Option<Localized>,
    pub source: String,
    pub wording: String,
    pub note: Option<Localized>,
}
