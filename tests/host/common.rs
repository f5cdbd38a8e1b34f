//! Helpers shared by the host tests.
#![allow(dead_code)]

use chrono::{DateTime, NaiveDate, TimeZone, Utc};
use runway::logic::actions::{apply, Action, CandidateFields, CohortFields, PersonFields};
use runway::model::{CandidateStatus, Id, TrackLevel, Workspace};
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

/// Adds a person (team and level as given) through the edit door; returns their id.
pub fn add_person(ws: &mut Workspace, name: &str, team: &str, level: TrackLevel) -> Id {
    act(
        ws,
        Action::AddPerson(PersonFields {
            name: name.into(),
            email: None,
            team: team.into(),
            role_title: String::new(),
            level: Some(level),
            joined_on: None,
            left_on: None,
        }),
    )
    .unwrap()
    .unwrap()
}

/// Adds a cohort with these coaches and no sponsor; returns its id.
pub fn add_cohort(ws: &mut Workspace, name: &str, coaches: Vec<Id>, starts_on: NaiveDate) -> Id {
    act(
        ws,
        Action::AddCohort(CohortFields {
            name: name.into(),
            sponsor_id: None,
            coach_ids: coaches,
            starts_on,
            template: Default::default(),
        }),
    )
    .unwrap()
    .unwrap()
}

/// Enrols a person in a cohort, in the program, with these protected hours; returns the
/// candidacy's id.
pub fn enrol(ws: &mut Workspace, cohort_id: Id, person_id: Id, hours: f32) -> Id {
    act(
        ws,
        Action::AddCandidate {
            cohort_id,
            person_id,
            fields: CandidateFields {
                status: CandidateStatus::InProgram,
                protected_hours_per_week: hours,
            },
        },
    )
    .unwrap()
    .unwrap()
}
