//! Runway: a local-first app for running a Manager-in-Training program and the
//! engineering-management track around it. See ARCHITECTURE.md for the map.
//!
//! `model`, `logic`, `file` and `storage` (but its browser adapter) are pure and tested on the
//! host; `ui` is the Leptos shell, compiled for wasm only.

pub mod content;
pub mod file;
pub mod logic;
pub mod model;
pub mod sample;
pub mod sort;
pub mod storage;

#[cfg(target_arch = "wasm32")]
pub mod ui;
