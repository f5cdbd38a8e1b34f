//! Serde helpers for calendar days, so that a bad date in a file reads
//! "not a date (expected YYYY-MM-DD)" instead of a parser's internal wording.

use chrono::NaiveDate;
use serde::{de, Deserialize, Deserializer, Serializer};

const FORMAT: &str = "%Y-%m-%d";

fn parse<E: de::Error>(text: &str) -> Result<NaiveDate, E> {
    NaiveDate::parse_from_str(text, FORMAT)
        .map_err(|_| E::custom(format!("not a date: {text:?} (expected YYYY-MM-DD)")))
}

pub mod date {
    use super::*;

    pub fn serialize<S: Serializer>(d: &NaiveDate, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(&d.format(FORMAT))
    }

    pub fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<NaiveDate, D::Error> {
        let text = String::deserialize(d)
            .map_err(|_| de::Error::custom("not a date (expected a text like \"2026-03-01\")"))?;
        parse(&text)
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
        let text = Option::<String>::deserialize(d)
            .map_err(|_| de::Error::custom("not a date (expected a text like \"2026-03-01\")"))?;
        text.as_deref().map(parse).transpose()
    }
}
