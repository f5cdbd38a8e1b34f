//! Serde helpers for calendar days, so that a bad date in a file reads
//! "not a date (expected YYYY-MM-DD)" instead of a parser's internal wording.

use chrono::NaiveDate;
use serde::{de, Deserializer, Serializer};

const FORMAT: &str = "%Y-%m-%d";

fn parse<E: de::Error>(text: &str) -> Result<NaiveDate, E> {
    NaiveDate::parse_from_str(text, FORMAT)
        .map_err(|_| E::custom(format!("not a date: {text:?} (expected YYYY-MM-DD)")))
}

/// What a field holding anything but a day's text says.
const NOT_A_DATE: &str = "not a date (expected a text like \"2026-03-01\")";

/// Reads a day inside the decoder, so an error is placed at the field it is about.
struct Day;

impl<'de> de::Visitor<'de> for Day {
    type Value = NaiveDate;

    fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
        f.write_str(NOT_A_DATE)
    }
    fn visit_str<E: de::Error>(self, v: &str) -> Result<NaiveDate, E> {
        parse(v)
    }
    fn visit_bool<E: de::Error>(self, _: bool) -> Result<NaiveDate, E> {
        Err(E::custom(NOT_A_DATE))
    }
    fn visit_i64<E: de::Error>(self, _: i64) -> Result<NaiveDate, E> {
        Err(E::custom(NOT_A_DATE))
    }
    fn visit_u64<E: de::Error>(self, _: u64) -> Result<NaiveDate, E> {
        Err(E::custom(NOT_A_DATE))
    }
    fn visit_f64<E: de::Error>(self, _: f64) -> Result<NaiveDate, E> {
        Err(E::custom(NOT_A_DATE))
    }
    fn visit_unit<E: de::Error>(self) -> Result<NaiveDate, E> {
        Err(E::custom(NOT_A_DATE))
    }
    // A list or an object is read to its end first, so the error is placed at the field.
    fn visit_seq<A: de::SeqAccess<'de>>(self, mut seq: A) -> Result<NaiveDate, A::Error> {
        while seq.next_element::<de::IgnoredAny>()?.is_some() {}
        Err(de::Error::custom(NOT_A_DATE))
    }
    fn visit_map<A: de::MapAccess<'de>>(self, mut map: A) -> Result<NaiveDate, A::Error> {
        while map
            .next_entry::<de::IgnoredAny, de::IgnoredAny>()?
            .is_some()
        {}
        Err(de::Error::custom(NOT_A_DATE))
    }
}

/// An optional day: `null` (or absent, with `#[serde(default)]`) is none.
struct MaybeDay;

impl<'de> de::Visitor<'de> for MaybeDay {
    type Value = Option<NaiveDate>;

    fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
        f.write_str(NOT_A_DATE)
    }
    fn visit_none<E: de::Error>(self) -> Result<Self::Value, E> {
        Ok(None)
    }
    fn visit_unit<E: de::Error>(self) -> Result<Self::Value, E> {
        Ok(None)
    }
    fn visit_some<D: Deserializer<'de>>(self, d: D) -> Result<Self::Value, D::Error> {
        d.deserialize_any(Day).map(Some)
    }
}

pub mod date {
    use super::*;

    pub fn serialize<S: Serializer>(d: &NaiveDate, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(&d.format(FORMAT))
    }

    pub fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<NaiveDate, D::Error> {
        d.deserialize_any(Day)
    }
}

pub mod opt_date {
    use super::*;

    pub fn serialize<S: Serializer>(d: &Option<NaiveDate>, s: S) -> Result<S::Ok, S::Error> {
        match d {
            Some(d) => s.collect_str(&d.format(FORMAT)),
            None => s.serialize_none(),
        }
    }

    pub fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<Option<NaiveDate>, D::Error> {
        d.deserialize_option(MaybeDay)
    }
}
