//! The management track in the UI: the organisation's overview of its managers (the bench's
//! shape, entry paths, trials, the training ledger) and the panels of a person's page (level
//! history, trial, next level, ladder).

pub mod history;
pub mod ladder;
pub mod next_level;
pub mod overview;
pub mod trial;
