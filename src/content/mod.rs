//! The app's own words, in one place: built-in frameworks, starter snippets, the signals,
//! scenarios and questions a new cohort starts with. Plain data; no rules.

pub mod frameworks;
pub mod program;
pub mod snippets;
