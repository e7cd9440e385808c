//! The dataset's JSON as written. Each field is decoded on its own (`Field`), so that one bad
//! field does not hide the problems of its neighbours; the rules are checked in `dataset`.
//!
//! Decoding walks the parsed `Json` tree rather than going through serde's derives, which stop
//! at an object's first bad field and give no path to it: here every field of every item is
//! decoded, and each problem knows where it is. The wording of the problems is serde's
//! ("invalid type: string "x", expected f64" becomes `WrongType { found: "string \"x\"",
//! expected: "f64" }`). Texts that are only looked up or parsed (references, dates) stay borrowed
//! from the tree; only those the dataset keeps are copied.

use crate::json::{self, Json, Object};
use crate::lang::Localized;
use crate::problem::ProblemKind;
use crate::grade::Grade;
use crate::qualifier::QualifierName;
use crate::time::MeasureTime;

/// What is wrong with a value: the path inside it (`""`, `"en"`, `"sites[1]"`) and the problem.
pub struct Wrong {
    pub inner_path: String,
    pub kind: ProblemKind,
}

impl Wrong {
    fn new(kind: ProblemKind) -> Wrong {
        Wrong { inner_path: String::new(), kind }
    }

    /// The same problem seen from the object or list that holds the value at `segment`.
    fn within(mut self, segment: &str) -> Wrong {
        self.inner_path = join_path(segment, &self.inner_path);
        self
    }
}

/// A path followed by a path inside its value: `sites` and `[1].x` give `sites[1].x`, `zone`
/// and `name` give `zone.name`, and an empty inner path leaves the outer one.
pub fn join_path(outer: &str, inner: &str) -> String {
    match inner {
        "" => outer.to_string(),
        _ if inner.starts_with('[') => format!("{outer}{inner}"),
        _ => format!("{outer}.{inner}"),
    }
}

/// serde's word for the kind of a JSON value, as a problem names what it found.
pub fn kind_of(value: &Json) -> &'static str {
    match value {
        Json::Null => "null",
        Json::Bool(_) => "boolean",
        Json::Number(n) if n.is_f64() => "floating point",
        Json::Number(_) => "integer",
        Json::String(_) => "string",
        Json::Array(_) => "sequence",
        Json::Object(_) => "map",
    }
}

fn wrong_type(value: &Json, expected: &str) -> Wrong {
    Wrong::new(ProblemKind::WrongType { found: kind_of(value).into(), expected: expected.into() })
}

/// A value read from JSON; it may borrow from the tree (`'j`).
pub trait Decode<'j>: Sized {
    fn decode(value: &'j Json<'j>) -> Result<Self, Wrong>;
}

impl<'j> Decode<'j> for &'j str {
    fn decode(value: &'j Json<'j>) -> Result<Self, Wrong> {
        value.as_str().ok_or_else(|| wrong_type(value, "a string"))
    }
}

impl<'j> Decode<'j> for String {
    fn decode(value: &'j Json<'j>) -> Result<Self, Wrong> {
        <&str>::decode(value).map(str::to_string)
    }
}

impl<'j> Decode<'j> for f64 {
    fn decode(value: &'j Json<'j>) -> Result<Self, Wrong> {
        value.as_number().and_then(|n| n.as_f64()).ok_or_else(|| wrong_type(value, "f64"))
    }
}

impl<'j> Decode<'j> for i32 {
    fn decode(value: &'j Json<'j>) -> Result<Self, Wrong> {
        value.as_number().and_then(|n| n.as_i64()).and_then(|i| i32::try_from(i).ok()).ok_or_else(|| wrong_type(value, "i32"))
    }
}

impl<'j, T: Decode<'j>> Decode<'j> for Vec<T> {
    fn decode(value: &'j Json<'j>) -> Result<Self, Wrong> {
        let items = value.as_array().ok_or_else(|| wrong_type(value, "a sequence"))?;
        items.iter().enumerate().map(|(i, item)| T::decode(item).map_err(|w| w.within(&format!("[{i}]")))).collect()
    }
}

/// `null` and absent are the same for an optional field of a nested object.
impl<'j, T: Decode<'j>> Decode<'j> for Option<T> {
    fn decode(value: &'j Json<'j>) -> Result<Self, Wrong> {
        match value {
            Json::Null => Ok(None),
            value => T::decode(value).map(Some),
        }
    }
}

/// One of a fixed set of names (`"exact"`, `"planned"`, …).
fn variant<T: Copy>(value: &Json, names: &[(&str, T)]) -> Result<T, Wrong> {
    let name = value.as_str().ok_or_else(|| wrong_type(value, "a string"))?;
    names.iter().find(|(n, _)| *n == name).map(|(_, v)| *v).ok_or_else(|| {
        Wrong::new(ProblemKind::UnknownValue { found: name.into(), allowed: names.iter().map(|(n, _)| n.to_string()).collect() })
    })
}

fn object<'j, 'a>(value: &'j Json<'a>, expecting: &str) -> Result<&'j Object<'a>, Wrong> {
    value.as_object().ok_or_else(|| wrong_type(value, expecting))
}

/// The fields of an object the format defines (in the order of `known`), and its other names.
fn fields<'j, const N: usize>(value: &'j Json<'j>, expecting: &str, known: [&str; N]) -> Result<([Option<&'j Json<'j>>; N], Unknown<'j>), Wrong> {
    object(value, expecting).map(|object| json::fields(object, known))
}

/// The value of the field `key` of a nested object.
fn at<'j, T: Decode<'j>>(key: &str, value: &'j Json<'j>) -> Result<T, Wrong> {
    T::decode(value).map_err(|w| w.within(key))
}

/// A nested object (a name, a scope) stops at its first problem, as serde's derive did: a field
/// the format does not define, then its own fields in the format's order.
fn no_unknown(unknown: &Unknown) -> Result<(), Wrong> {
    match unknown.first() {
        Some(key) => Err(Wrong::new(ProblemKind::UnknownField(key.to_string())).within(key)),
        None => Ok(()),
    }
}

fn required<'j, T: Decode<'j>>(value: Option<&'j Json<'j>>, name: &str) -> Result<T, Wrong> {
    at(name, value.ok_or_else(|| Wrong::new(ProblemKind::MissingField(name.into())))?)
}

/// A field of a nested object that may be absent or `null`.
fn optional<'j, T: Decode<'j>>(value: Option<&'j Json<'j>>, name: &str) -> Result<Option<T>, Wrong> {
    value.map_or(Ok(None), |value| at(name, value))
}

impl<'j> Decode<'j> for Localized {
    fn decode(value: &'j Json<'j>) -> Result<Self, Wrong> {
        let ([ru, en], unknown) = fields(value, "struct Localized", ["ru", "en"])?;
        no_unknown(&unknown)?;
        Ok(Localized { ru: required(ru, "ru")?, en: required(en, "en")? })
    }
}

/// One field of an object: absent, decoded, or wrong. (A problem is boxed: it is rare, and
/// inline it would make every field of an observation several times larger to move around.)
#[derive(Default)]
pub enum Field<T> {
    #[default]
    Missing,
    Valid(T),
    Invalid(Box<Wrong>),
}

impl<'j, T: Decode<'j>> From<Option<&'j Json<'j>>> for Field<T> {
    fn from(value: Option<&'j Json<'j>>) -> Field<T> {
        match value.map(T::decode) {
            None => Field::Missing,
            Some(Ok(value)) => Field::Valid(value),
            Some(Err(wrong)) => Field::Invalid(Box::new(wrong)),
        }
    }
}

/// The names of the fields an object has that the format does not define, in document order.
pub type Unknown<'j> = Vec<&'j str>;

/// Reads one object of the dataset; fails only where the value is no object at all.
pub trait Read<'j>: Sized {
    fn read(value: &'j Json<'j>) -> Result<Self, Wrong>;
}

pub struct Entity<'j> {
    pub id: Field<String>,
    pub name: Field<Localized>,
    pub unknown: Unknown<'j>,
}

impl<'j> Entity<'j> {
    fn new(id: Option<&'j Json<'j>>, name: Option<&'j Json<'j>>, unknown: Unknown<'j>) -> Entity<'j> {
        Entity { id: id.into(), name: name.into(), unknown }
    }
}

impl<'j> Read<'j> for Entity<'j> {
    fn read(value: &'j Json<'j>) -> Result<Self, Wrong> {
        let ([id, name], unknown) = fields(value, "struct Entity", ["id", "name"])?;
        Ok(Entity::new(id, name, unknown))
    }
}

#[derive(Clone, Copy, PartialEq, Eq)]
pub enum SiteStatus {
    Active,
    Planned,
}

impl<'j> Decode<'j> for SiteStatus {
    fn decode(value: &'j Json<'j>) -> Result<Self, Wrong> {
        variant(value, &[("active", SiteStatus::Active), ("planned", SiteStatus::Planned)])
    }
}

pub struct Site<'j> {
    pub entity: Entity<'j>,
    pub status: Field<SiteStatus>,
}

impl<'j> Read<'j> for Site<'j> {
    fn read(value: &'j Json<'j>) -> Result<Self, Wrong> {
        let ([id, name, status], unknown) = fields(value, "struct Site", ["id", "name", "status"])?;
        Ok(Site { entity: Entity::new(id, name, unknown), status: status.into() })
    }
}

pub struct Company<'j> {
    pub entity: Entity<'j>,
    pub sites: Field<Vec<&'j str>>,
    pub sector: Field<&'j str>,
}

impl<'j> Read<'j> for Company<'j> {
    fn read(value: &'j Json<'j>) -> Result<Self, Wrong> {
        let ([id, name, sites, sector], unknown) = fields(value, "struct Company", ["id", "name", "sites", "sector"])?;
        Ok(Company { entity: Entity::new(id, name, unknown), sites: sites.into(), sector: sector.into() })
    }
}

impl<'j> Decode<'j> for MeasureTime {
    fn decode(value: &'j Json<'j>) -> Result<Self, Wrong> {
        variant(value, &MeasureTime::ALL.map(|time| (time.code(), time)))
    }
}

pub struct Measure<'j> {
    pub entity: Entity<'j>,
    pub unit: Field<Localized>,
    pub time: Field<MeasureTime>,
    pub plan_for: Field<&'j str>,
}

impl<'j> Read<'j> for Measure<'j> {
    fn read(value: &'j Json<'j>) -> Result<Self, Wrong> {
        let ([id, name, unit, time, plan_for], unknown) =
            fields(value, "struct Measure", ["id", "name", "unit", "time", "plan_for"])?;
        Ok(Measure { entity: Entity::new(id, name, unknown), unit: unit.into(), time: time.into(), plan_for: plan_for.into() })
    }
}

pub struct Source<'j> {
    pub id: Field<String>,
    pub title: Field<String>,
    pub outlet: Field<String>,
    pub date: Field<&'j str>,
    pub url: Field<String>,
    pub grade: Field<Grade>,
    pub unknown: Unknown<'j>,
}

impl<'j> Read<'j> for Source<'j> {
    fn read(value: &'j Json<'j>) -> Result<Self, Wrong> {
        let ([id, title, outlet, date, url, grade], unknown) = fields(value, "struct Source", ["id", "title", "outlet", "date", "url", "grade"])?;
        Ok(Source { id: id.into(), title: title.into(), outlet: outlet.into(), date: date.into(), url: url.into(), grade: grade.into(), unknown })
    }
}

#[derive(Default)]
pub struct Scope<'j> {
    pub sites: Option<Vec<&'j str>>,
    pub sector: Option<&'j str>,
    pub company: Option<&'j str>,
    pub part: Option<Localized>,
}

impl<'j> Decode<'j> for Scope<'j> {
    fn decode(value: &'j Json<'j>) -> Result<Self, Wrong> {
        let ([sites, sector, company, part], unknown) = fields(value, "struct Scope", ["sites", "sector", "company", "part"])?;
        no_unknown(&unknown)?;
        Ok(Scope {
            sites: optional(sites, "sites")?,
            sector: optional(sector, "sector")?,
            company: optional(company, "company")?,
            part: optional(part, "part")?,
        })
    }
}

impl<'j> Decode<'j> for Grade {
    fn decode(value: &'j Json<'j>) -> Result<Self, Wrong> {
        variant(value, &Grade::ALL.map(|grade| (grade.code(), grade)))
    }
}

impl<'j> Decode<'j> for QualifierName {
    fn decode(value: &'j Json<'j>) -> Result<Self, Wrong> {
        variant(value, &QualifierName::ALL.map(|name| (name.code(), name)))
    }
}

pub struct Observation<'j> {
    pub id: Field<String>,
    pub measure: Field<&'j str>,
    pub scope: Field<Scope<'j>>,
    pub value: Field<f64>,
    pub max: Field<f64>,
    pub qualifier: Field<QualifierName>,
    pub date: Field<&'j str>,
    pub period: Field<&'j str>,
    pub target: Field<i32>,
    pub when_note: Field<Localized>,
    pub source: Field<&'j str>,
    pub wording: Field<String>,
    pub note: Field<Localized>,
    pub unknown: Unknown<'j>,
}

impl<'j> Read<'j> for Observation<'j> {
    fn read(json: &'j Json<'j>) -> Result<Self, Wrong> {
        const KNOWN: [&str; 13] =
            ["id", "measure", "scope", "value", "max", "qualifier", "date", "period", "target", "when_note", "source", "wording", "note"];
        let ([id, measure, scope, value, max, qualifier, date, period, target, when_note, source, wording, note], unknown) =
            fields(json, "struct Observation", KNOWN)?;
        Ok(Observation {
            id: id.into(),
            measure: measure.into(),
            scope: scope.into(),
            value: value.into(),
            max: max.into(),
            qualifier: qualifier.into(),
            date: date.into(),
            period: period.into(),
            target: target.into(),
            when_note: when_note.into(),
            source: source.into(),
            wording: wording.into(),
            note: note.into(),
            unknown,
        })
    }
}
