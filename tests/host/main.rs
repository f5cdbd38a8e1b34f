//! Every host test in one binary, a module per area (one link on two cores, not a dozen).
#![cfg(not(target_arch = "wasm32"))]

mod common;

mod actions;
mod audience;
mod calibration;
mod dashboard;
mod drafts;
mod encrypted_files;
mod evaluation;
mod file_format;
mod frameworks;
mod groups;
mod journey;
mod managers;
mod merge;
mod overview;
mod people_import;
mod promotion;
mod readiness;
mod records;
mod requests;
mod scope;
mod storage_rules;
mod track;
