//! Helpers shared by the host tests.
#![allow(dead_code)]

use chrono::{DateTime, NaiveDate, TimeZone, Utc};
use runway::logic::actions::{apply, Action};
use runway::model::{Id, Workspace};
use uuid::Uuid;

pub fn day(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).unwrap()
}

pub fn at(y: i32, m: u32, d: u32) -> DateTime<Utc> {
    Utc.with_ymd_and_hms(y, m, d, 9, 30, 0).unwrap()
}

/// Deterministic ids: 00000000-0000-4000-8000-000000000001, …002, …
pub fn counter_ids() -> impl FnMut() -> Id {
    let mut n: u128 = 0;
    move || {
        n += 1;
        Uuid::from_u128(0x0000_0000_0000_4000_8000_0000_0000_0000 | n)
    }
}

/// The sample program built on fixed days with counter ids.
pub fn sample() -> Workspace {
    runway::sample::sample_program(day(2026, 11, 21), at(2026, 11, 21), &mut counter_ids())
}

/// Applies an action with a fixed clock and fresh random ids.
pub fn act(ws: &mut Workspace, action: Action) -> Result<Option<Id>, runway::logic::ActionError> {
    apply(ws, action, at(2026, 11, 22), &mut Uuid::new_v4)
}

/// Asserts that every field a record has in the file is one merges compare (`Entry::FIELDS`),
/// apart from its id, owner and version stamps: a new field must take part in merges.
pub fn assert_fields_listed<T: runway::logic::records::Entry>(sample: &T) {
    let v = serde_json::to_value(sample).unwrap();
    let meta = [
        "id",
        "candidate_id",
        "cohort_id",
        "person_id",
        "created_at",
        "updated_at",
        "merge_bases",
    ];
    for key in v.as_object().unwrap().keys() {
        assert!(
            meta.contains(&key.as_str())
                || T::FIELDS
                    .iter()
                    .any(|f| f.split('+').any(|k| k == key.as_str())),
            "{}: field {key} is not in FIELDS",
            T::LIST
        );
    }
}
