//! Selection: the nomination, references, green flags, the scenario interview (blind until
//! every scorecard is complete), the decision, and the cohort's selection board.

pub(crate) mod decisions;
mod records;
pub mod scoreboard;

pub use scoreboard::*;
