//! Evaluation: frameworks, assessments backed by evidence, calibration, 360 feedback and team
//! health, and readiness. Each record kind's rules are its `Entry` impl in `records`.

pub mod calibration;
pub mod evidence;
pub mod feedback;
pub mod frameworks;
pub mod readiness;
mod records;
pub mod requests;
pub mod tallies;

pub use records::is_web_link;
