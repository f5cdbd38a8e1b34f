//! Pure functions over the model: phase dates, validation, the edit door, deletion impact,
//! the sample program. No I/O, no web APIs, no panics on user data.

pub mod actions;
pub mod calibration;
pub mod charts;
pub mod entries;
pub mod frameworks;
pub mod journey;
pub mod merge;
pub mod phases;
pub mod readiness;
pub mod sample;
mod sample_evaluation;
mod sample_journey;
pub mod scope;
pub mod validate;

pub use actions::{Action, ActionError, CandidateFields, CohortFields, PersonFields};
pub use validate::{validate, Problem};
