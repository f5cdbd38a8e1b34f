//! The program: people, cohorts and their phases, candidates (a person enrolled in a cohort).
//! Each kind's rules are its [`Entry`](crate::logic::records::Entry) impl here.

pub mod candidates;
pub mod cohorts;
pub mod overview;
pub mod people;
pub mod people_import;
pub mod phases;
pub mod roles;

pub use candidates::{enrollable, parse_hours, MAX_PROTECTED_HOURS};
