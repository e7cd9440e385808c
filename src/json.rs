//! A JSON document as a light tree for reading a dataset, parsed by serde_json. Unlike
//! `serde_json::Value`, its texts borrow from the input where the JSON writes them without
//! escapes, and an object is a list of its fields in document order rather than a `BTreeMap`:
//! building and freeing a `Value` was two thirds of the time spent on a large dataset.

use serde::de::{Deserialize, DeserializeSeed, Deserializer, MapAccess, SeqAccess, Visitor};
use serde::ser::{Serialize, Serializer};
use serde_json::Number;
use std::borrow::Cow;
use std::collections::HashSet;
use std::fmt;

pub enum Json<'a> {
    Null,
    Bool(bool),
    Number(Number),
    String(Cow<'a, str>),
    Array(Vec<Json<'a>>),
    Object(Object<'a>),
}

/// An object's fields in the order written, a name given twice included.
pub type Object<'a> = Vec<(Cow<'a, str>, Json<'a>)>;

impl<'a> Json<'a> {
    /// Parses JSON text with serde_json's syntax, errors and nesting limit.
    pub fn parse(text: &'a str) -> Result<Json<'a>, serde_json::Error> {
        let mut deserializer = serde_json::Deserializer::from_str(text);
        let (mut items, mut fields) = (Vec::new(), Vec::new());
        let json = Builder { items: &mut items, fields: &mut fields }.deserialize(&mut deserializer)?;
        deserializer.end()?;
        Ok(json)
    }

    pub fn as_str(&self) -> Option<&str> {
        match self {
            Json::String(text) => Some(text),
            _ => None,
        }
    }

    pub fn as_number(&self) -> Option<&Number> {
        match self {
            Json::Number(number) => Some(number),
            _ => None,
        }
    }

    pub fn as_array(&self) -> Option<&[Json<'a>]> {
        match self {
            Json::Array(items) => Some(items),
            _ => None,
        }
    }

    pub fn as_object(&self) -> Option<&Object<'a>> {
        match self {
            Json::Object(fields) => Some(fields),
            _ => None,
        }
    }

    /// The field `name` of an object; of a name given twice, the last, as serde_json's map keeps.
    pub fn get(&self, name: &str) -> Option<&Json<'a>> {
        self.as_object()?.iter().rev().find(|(key, _)| key == name).map(|(_, value)| value)
    }

    pub fn text(text: String) -> Json<'a> {
        Json::String(Cow::Owned(text))
    }

    pub fn object(fields: Vec<(&'a str, Json<'a>)>) -> Json<'a> {
        Json::Object(fields.into_iter().map(|(key, value)| (Cow::Borrowed(key), value)).collect())
    }

    /// Puts every object's fields in the order of their names, as a `serde_json::Value` writes them.
    pub fn sort_fields(&mut self) {
        match self {
            Json::Array(items) => items.iter_mut().for_each(Json::sort_fields),
            Json::Object(fields) => {
                crate::sorting::sort_by(fields, &|a, b| a.0.cmp(&b.0));
                fields.iter_mut().for_each(|(_, value)| value.sort_fields());
            }
            _ => {}
        }
    }
}

/// An object's fields, found in one pass: the value of each of the `known` names (the last where
/// a name is given twice, like `get`), and the other names, in document order and each once.
pub fn fields<'j, 'a, const N: usize>(object: &'j Object<'a>, known: [&str; N]) -> ([Option<&'j Json<'a>>; N], Vec<&'j str>) {
    let mut values = [None; N];
    let others = split_fields(object, &known, &mut values);
    (values, others)
}

/// `fields` for any number of names, compiled once.
fn split_fields<'j, 'a>(object: &'j Object<'a>, known: &[&str], values: &mut [Option<&'j Json<'a>>]) -> Vec<&'j str> {
    let mut others = Vec::new();
    // Each other name once, without comparing every pair when there are many.
    let mut seen: HashSet<&str> = HashSet::new();
    for (key, value) in object {
        match known.iter().position(|name| name == key) {
            Some(i) => values[i] = Some(value),
            None if seen.insert(key.as_ref()) => others.push(key.as_ref()),
            None => {}
        }
    }
    others
}

/// Builds the tree through serde. Each array and object gathers its values on a scratch list
/// shared by the whole document, then takes them at their final size: a list that grows as it
/// is read is allocated three times or so, and the spare room kept.
struct Builder<'s, 'a> {
    items: &'s mut Vec<Json<'a>>,
    fields: &'s mut Object<'a>,
}

impl<'de> Builder<'_, 'de> {
    /// A builder for a value inside this one, on the same scratch lists.
    fn inner(&mut self) -> Builder<'_, 'de> {
        Builder { items: self.items, fields: self.fields }
    }
}

impl<'de> DeserializeSeed<'de> for Builder<'_, 'de> {
    type Value = Json<'de>;

    fn deserialize<D: Deserializer<'de>>(self, deserializer: D) -> Result<Json<'de>, D::Error> {
        deserializer.deserialize_any(self)
    }
}

impl<'de> Visitor<'de> for Builder<'_, 'de> {
    type Value = Json<'de>;

    fn expecting(&self, formatter: &mut fmt::Formatter) -> fmt::Result {
        formatter.write_str("any JSON value")
    }

    fn visit_unit<E>(self) -> Result<Json<'de>, E> {
        Ok(Json::Null)
    }

    fn visit_bool<E>(self, value: bool) -> Result<Json<'de>, E> {
        Ok(Json::Bool(value))
    }

    fn visit_i64<E>(self, value: i64) -> Result<Json<'de>, E> {
        Ok(Json::Number(value.into()))
    }

    fn visit_u64<E>(self, value: u64) -> Result<Json<'de>, E> {
        Ok(Json::Number(value.into()))
    }

    fn visit_f64<E>(self, value: f64) -> Result<Json<'de>, E> {
        Ok(Number::from_f64(value).map_or(Json::Null, Json::Number))
    }

    fn visit_borrowed_str<E>(self, text: &'de str) -> Result<Json<'de>, E> {
        Ok(Json::String(Cow::Borrowed(text)))
    }

    fn visit_str<E>(self, text: &str) -> Result<Json<'de>, E> {
        Ok(Json::String(Cow::Owned(text.into())))
    }

    fn visit_seq<A: SeqAccess<'de>>(mut self, mut seq: A) -> Result<Json<'de>, A::Error> {
        let start = self.items.len();
        while let Some(item) = seq.next_element_seed(self.inner())? {
            self.items.push(item);
        }
        Ok(Json::Array(self.items.split_off(start)))
    }

    fn visit_map<A: MapAccess<'de>>(mut self, mut map: A) -> Result<Json<'de>, A::Error> {
        let start = self.fields.len();
        while let Some(Key(key)) = map.next_key()? {
            let value = map.next_value_seed(self.inner())?;
            self.fields.push((key, value));
        }
        Ok(Json::Object(self.fields.split_off(start)))
    }
}

/// An object's key, borrowed like any other text (serde's own `Cow` always copies).
struct Key<'a>(Cow<'a, str>);

impl<'de> Deserialize<'de> for Key<'de> {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Key<'de>, D::Error> {
        deserializer.deserialize_str(KeyVisitor)
    }
}

struct KeyVisitor;

impl<'de> Visitor<'de> for KeyVisitor {
    type Value = Key<'de>;

    fn expecting(&self, formatter: &mut fmt::Formatter) -> fmt::Result {
        formatter.write_str("a string")
    }

    fn visit_borrowed_str<E>(self, text: &'de str) -> Result<Key<'de>, E> {
        Ok(Key(Cow::Borrowed(text)))
    }

    fn visit_str<E>(self, text: &str) -> Result<Key<'de>, E> {
        Ok(Key(Cow::Owned(text.into())))
    }
}

/// Written back as serde_json writes a `Value`: to quote a wrong value in a problem, and to copy
/// part of a document into another.
impl Serialize for Json<'_> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        match self {
            Json::Null => serializer.serialize_unit(),
            Json::Bool(value) => serializer.serialize_bool(*value),
            Json::Number(number) => number.serialize(serializer),
            Json::String(text) => serializer.serialize_str(text),
            Json::Array(items) => serializer.collect_seq(items),
            Json::Object(fields) => serializer.collect_map(fields.iter().map(|(key, value)| (key, value))),
        }
    }
}
