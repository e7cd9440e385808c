//! The dataset's JSON as written. Each field is decoded on its own (`Field`), so that one bad
//! field does not hide the problems of its neighbours; the rules are checked in `dataset`.
//!
//! Decoding walks the parsed `serde_json::Value` by hand rather than through serde's derives:
//! the derives (with `flatten` for unknown fields and `serde_path_to_error` for the paths) made
//! up a third of the wasm. The wording of the problems is serde's ("invalid type: string "x",
//! expected f64" becomes `WrongType { found: "string \"x\"", expected: "f64" }`), so messages
//! read as before.

use crate::lang::Localized;
use crate::problem::ProblemKind;
use serde_json::{Map, Value};

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
        self.inner_path = match self.inner_path.as_str() {
            "" => segment.to_string(),
            inner if inner.starts_with('[') => format!("{segment}{inner}"),
            inner => format!("{segment}.{inner}"),
        };
        self
    }
}

/// serde's words for a JSON value of the wrong kind.
fn found(value: &Value) -> String {
    match value {
        Value::Null => "null".into(),
        Value::Bool(b) => format!("boolean `{b}`"),
        Value::Number(n) if n.is_f64() => format!("floating point `{n}`"),
        Value::Number(n) => format!("integer `{n}`"),
        Value::String(s) => format!("string {s:?}"),
        Value::Array(_) => "sequence".into(),
        Value::Object(_) => "map".into(),
    }
}

fn wrong_type(value: &Value, expected: &str) -> Wrong {
    Wrong::new(ProblemKind::WrongType { found: found(value), expected: expected.into() })
}

/// A value read from JSON.
pub trait Decode: Sized {
    fn decode(value: &Value) -> Result<Self, Wrong>;
}

impl Decode for String {
    fn decode(value: &Value) -> Result<Self, Wrong> {
        value.as_str().map(str::to_string).ok_or_else(|| wrong_type(value, "a string"))
    }
}

impl Decode for f64 {
    fn decode(value: &Value) -> Result<Self, Wrong> {
        value.as_f64().ok_or_else(|| wrong_type(value, "f64"))
    }
}

impl Decode for i32 {
    fn decode(value: &Value) -> Result<Self, Wrong> {
        value.as_i64().and_then(|i| i32::try_from(i).ok()).ok_or_else(|| wrong_type(value, "i32"))
    }
}

impl<T: Decode> Decode for Vec<T> {
    fn decode(value: &Value) -> Result<Self, Wrong> {
        let items = value.as_array().ok_or_else(|| wrong_type(value, "a sequence"))?;
        items.iter().enumerate().map(|(i, item)| T::decode(item).map_err(|w| w.within(&format!("[{i}]")))).collect()
    }
}

/// `null` and absent are the same for an optional field of a nested object.
impl<T: Decode> Decode for Option<T> {
    fn decode(value: &Value) -> Result<Self, Wrong> {
        match value {
            Value::Null => Ok(None),
            value => T::decode(value).map(Some),
        }
    }
}

/// One of a fixed set of names (`"exact"`, `"planned"`, …).
fn variant<T: Copy>(value: &Value, names: &[(&str, T)]) -> Result<T, Wrong> {
    let name = value.as_str().ok_or_else(|| wrong_type(value, "a string"))?;
    names.iter().find(|(n, _)| *n == name).map(|(_, v)| *v).ok_or_else(|| {
        Wrong::new(ProblemKind::UnknownValue { found: name.into(), allowed: names.iter().map(|(n, _)| n.to_string()).collect() })
    })
}

fn object<'v>(value: &'v Value, expecting: &str) -> Result<&'v Map<String, Value>, Wrong> {
    value.as_object().ok_or_else(|| wrong_type(value, expecting))
}

/// The value of the field `key` of a nested object.
fn at<T: Decode>(key: &str, value: &Value) -> Result<T, Wrong> {
    T::decode(value).map_err(|w| w.within(key))
}

fn unknown_field(key: &str) -> Wrong {
    Wrong::new(ProblemKind::UnknownField(key.into())).within(key)
}

fn required<T>(value: Option<T>, name: &str) -> Result<T, Wrong> {
    value.ok_or_else(|| Wrong::new(ProblemKind::MissingField(name.into())))
}

impl Decode for Localized {
    fn decode(value: &Value) -> Result<Self, Wrong> {
        let (mut ru, mut en) = (None, None);
        // In the order of the keys, stopping at the first problem, as serde did.
        for (key, value) in object(value, "struct Localized")? {
            match key.as_str() {
                "ru" => ru = Some(at(key, value)?),
                "en" => en = Some(at(key, value)?),
                _ => return Err(unknown_field(key)),
            }
        }
        Ok(Localized { ru: required(ru, "ru")?, en: required(en, "en")? })
    }
}

/// One field of an object: absent, decoded, or wrong.
#[derive(Default)]
pub enum Field<T> {
    #[default]
    Missing,
    Valid(T),
    Invalid(Wrong),
}

/// An object of the dataset, its fields read one by one.
pub struct Fields<'v>(&'v Map<String, Value>);

impl<'v> Fields<'v> {
    fn of(value: &'v Value, expecting: &str) -> Result<Fields<'v>, Wrong> {
        object(value, expecting).map(Fields)
    }

    fn get<T: Decode>(&self, name: &str) -> Field<T> {
        match self.0.get(name).map(T::decode) {
            None => Field::Missing,
            Some(Ok(value)) => Field::Valid(value),
            Some(Err(wrong)) => Field::Invalid(wrong),
        }
    }

    /// The fields the format does not define for this object, in the order of their keys.
    fn unknown(&self, known: &[&str]) -> Unknown {
        self.0.keys().filter(|k| !known.contains(&k.as_str())).cloned().collect()
    }
}

/// Fields an object has that the format does not define.
pub type Unknown = Vec<String>;

/// Reads one object of the dataset; fails only where the value is no object at all.
pub trait Read: Sized {
    fn read(value: &Value) -> Result<Self, Wrong>;
}

pub struct Entity {
    pub id: Field<String>,
    pub name: Field<Localized>,
    pub unknown: Unknown,
}

impl Entity {
    fn from(fields: &Fields, known: &[&str]) -> Entity {
        Entity { id: fields.get("id"), name: fields.get("name"), unknown: fields.unknown(known) }
    }
}

impl Read for Entity {
    fn read(value: &Value) -> Result<Self, Wrong> {
        Ok(Entity::from(&Fields::of(value, "struct Entity")?, &["id", "name"]))
    }
}

#[derive(Clone, Copy, PartialEq, Eq)]
pub enum SiteStatus {
    Active,
    Planned,
}

impl Decode for SiteStatus {
    fn decode(value: &Value) -> Result<Self, Wrong> {
        variant(value, &[("active", SiteStatus::Active), ("planned", SiteStatus::Planned)])
    }
}

pub struct Site {
    pub entity: Entity,
    pub status: Field<SiteStatus>,
}

impl Read for Site {
    fn read(value: &Value) -> Result<Self, Wrong> {
        let fields = Fields::of(value, "struct Site")?;
        Ok(Site { entity: Entity::from(&fields, &["id", "name", "status"]), status: fields.get("status") })
    }
}

pub struct Company {
    pub entity: Entity,
    pub sites: Field<Vec<String>>,
    pub sector: Field<String>,
}

impl Read for Company {
    fn read(value: &Value) -> Result<Self, Wrong> {
        let fields = Fields::of(value, "struct Company")?;
        Ok(Company {
            entity: Entity::from(&fields, &["id", "name", "sites", "sector"]),
            sites: fields.get("sites"),
            sector: fields.get("sector"),
        })
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum TimeKind {
    Date,
    Period,
    Target,
}

impl Decode for TimeKind {
    fn decode(value: &Value) -> Result<Self, Wrong> {
        variant(value, &[("date", TimeKind::Date), ("period", TimeKind::Period), ("target", TimeKind::Target)])
    }
}

pub struct Measure {
    pub entity: Entity,
    pub unit: Field<Localized>,
    pub time: Field<TimeKind>,
    pub plan_for: Field<String>,
}

impl Read for Measure {
    fn read(value: &Value) -> Result<Self, Wrong> {
        let fields = Fields::of(value, "struct Measure")?;
        Ok(Measure {
            entity: Entity::from(&fields, &["id", "name", "unit", "time", "plan_for"]),
            unit: fields.get("unit"),
            time: fields.get("time"),
            plan_for: fields.get("plan_for"),
        })
    }
}

pub struct Source {
    pub id: Field<String>,
    pub title: Field<String>,
    pub outlet: Field<String>,
    pub date: Field<String>,
    pub url: Field<String>,
    pub unknown: Unknown,
}

impl Read for Source {
    fn read(value: &Value) -> Result<Self, Wrong> {
        let fields = Fields::of(value, "struct Source")?;
        Ok(Source {
            id: fields.get("id"),
            title: fields.get("title"),
            outlet: fields.get("outlet"),
            date: fields.get("date"),
            url: fields.get("url"),
            unknown: fields.unknown(&["id", "title", "outlet", "date", "url"]),
        })
    }
}

#[derive(Default)]
pub struct Scope {
    pub sites: Option<Vec<String>>,
    pub sector: Option<String>,
    pub company: Option<String>,
    pub part: Option<Localized>,
}

impl Decode for Scope {
    fn decode(value: &Value) -> Result<Self, Wrong> {
        let mut scope = Scope::default();
        for (key, value) in object(value, "struct Scope")? {
            match key.as_str() {
                "sites" => scope.sites = at(key, value)?,
                "sector" => scope.sector = at(key, value)?,
                "company" => scope.company = at(key, value)?,
                "part" => scope.part = at(key, value)?,
                _ => return Err(unknown_field(key)),
            }
        }
        Ok(scope)
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum QualifierName {
    Exact,
    MoreThan,
    Almost,
    About,
    UpTo,
    AtLeast,
    Range,
}

impl Decode for QualifierName {
    fn decode(value: &Value) -> Result<Self, Wrong> {
        use QualifierName::*;
        let names = [
            ("exact", Exact),
            ("more_than", MoreThan),
            ("almost", Almost),
            ("about", About),
            ("up_to", UpTo),
            ("at_least", AtLeast),
            ("range", Range),
        ];
        variant(value, &names)
    }
}

pub struct Observation {
    pub id: Field<String>,
    pub measure: Field<String>,
    pub scope: Field<Scope>,
    pub value: Field<f64>,
    pub max: Field<f64>,
    pub qualifier: Field<QualifierName>,
    pub date: Field<String>,
    pub period: Field<String>,
    pub target: Field<i32>,
    pub when_note: Field<Localized>,
    pub source: Field<String>,
    pub wording: Field<String>,
    pub note: Field<Localized>,
    pub unknown: Unknown,
}

impl Read for Observation {
    fn read(value: &Value) -> Result<Self, Wrong> {
        const KNOWN: [&str; 13] =
            ["id", "measure", "scope", "value", "max", "qualifier", "date", "period", "target", "when_note", "source", "wording", "note"];
        let fields = Fields::of(value, "struct Observation")?;
        Ok(Observation {
            id: fields.get("id"),
            measure: fields.get("measure"),
            scope: fields.get("scope"),
            value: fields.get("value"),
            max: fields.get("max"),
            qualifier: fields.get("qualifier"),
            date: fields.get("date"),
            period: fields.get("period"),
            target: fields.get("target"),
            when_note: fields.get("when_note"),
            source: fields.get("source"),
            wording: fields.get("wording"),
            note: fields.get("note"),
            unknown: fields.unknown(&KNOWN),
        })
    }
}
