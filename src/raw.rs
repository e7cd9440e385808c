//! The dataset's JSON as written. Each field is decoded on its own (`Field`), so that one bad
//! field does not hide the problems of its neighbours; the rules are checked in `dataset`.

use crate::lang::Localized;
use serde::de::DeserializeOwned;
use serde::{Deserialize, Deserializer};
use serde_json::Value;
use std::collections::BTreeMap;

/// One field of an object: absent, decoded, or wrong (with the path inside it and serde's words).
#[derive(Default)]
pub enum Field<T> {
    #[default]
    Missing,
    Valid(T),
    Invalid { inner_path: String, message: String },
}

impl<'de, T: DeserializeOwned> Deserialize<'de> for Field<T> {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let value = Value::deserialize(deserializer)?;
        Ok(match serde_path_to_error::deserialize::<_, T>(&value) {
            Ok(decoded) => Field::Valid(decoded),
            Err(e) => Field::Invalid { inner_path: e.path().to_string(), message: e.inner().to_string() },
        })
    }
}

/// Fields an object has that the format does not define.
pub type Unknown = BTreeMap<String, Value>;

#[derive(Deserialize)]
pub struct Entity {
    #[serde(default)]
    pub id: Field<String>,
    #[serde(default)]
    pub name: Field<Localized>,
    #[serde(flatten)]
    pub unknown: Unknown,
}

#[derive(Deserialize, Clone, Copy, PartialEq, Eq)]
#[serde(rename_all = "snake_case")]
pub enum SiteStatus {
    Active,
    Planned,
}

#[derive(Deserialize)]
pub struct Site {
    #[serde(flatten)]
    pub entity: Entity,
    #[serde(default)]
    pub status: Field<SiteStatus>,
}

#[derive(Deserialize)]
pub struct Company {
    #[serde(flatten)]
    pub entity: Entity,
    #[serde(default)]
    pub sites: Field<Vec<String>>,
    #[serde(default)]
    pub sector: Field<String>,
}

#[derive(Deserialize, Clone, Copy, Debug, PartialEq, Eq)]
#[serde(rename_all = "snake_case")]
pub enum TimeKind {
    Date,
    Period,
    Target,
}

#[derive(Deserialize)]
pub struct Measure {
    #[serde(flatten)]
    pub entity: Entity,
    #[serde(default)]
    pub unit: Field<Localized>,
    #[serde(default)]
    pub time: Field<TimeKind>,
    #[serde(default)]
    pub plan_for: Field<String>,
}

#[derive(Deserialize)]
pub struct Source {
    #[serde(default)]
    pub id: Field<String>,
    #[serde(default)]
    pub title: Field<String>,
    #[serde(default)]
    pub outlet: Field<String>,
    #[serde(default)]
    pub date: Field<String>,
    #[serde(default)]
    pub url: Field<String>,
    #[serde(flatten)]
    pub unknown: Unknown,
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
pub struct Observation {
    #[serde(default)]
    pub id: Field<String>,
    #[serde(default)]
    pub measure: Field<String>,
    #[serde(default)]
    pub scope: Field<Scope>,
    #[serde(default)]
    pub value: Field<f64>,
    #[serde(default)]
    pub max: Field<f64>,
    #[serde(default)]
    pub qualifier: Field<QualifierName>,
    #[serde(default)]
    pub date: Field<String>,
    #[serde(default)]
    pub period: Field<String>,
    #[serde(default)]
    pub target: Field<i32>,
    #[serde(default)]
    pub when_note: Field<Localized>,
    #[serde(default)]
    pub source: Field<String>,
    #[serde(default)]
    pub wording: Field<String>,
    #[serde(default)]
    pub note: Field<Localized>,
    #[serde(flatten)]
    pub unknown: Unknown,
}
