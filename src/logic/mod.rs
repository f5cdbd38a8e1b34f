//! Pure functions over the model, by domain: `program` (people, cohorts, phases, candidates),
//! `selection`, `journey`, `evaluation`, `track` (levels over time, trials, readiness for the next
//! level), `ladder` (the leadership ladder and training ledger); `records` holds what every record kind shares (the
//! record trait, cascades, validation, merge, scoped files, deletion impact); `actions` is the
//! one door for edits. No I/O, no web APIs, no panics on user data.

pub mod actions;
pub mod charts;
pub mod evaluation;
pub mod journey;
pub mod ladder;
pub mod program;
pub mod promotion;
pub mod records;
pub mod selection;
pub mod track;

pub use actions::{Action, ActionError, CandidateFields, CohortFields, PersonFields};
pub use records::validate::{validate, Problem};
