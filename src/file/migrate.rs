//! Schema migrations. Each schema change adds a step from the previous version here, and a
//! fixture file of the old version under `tests/fixtures/` that the tests load.

use serde_json::Value;

use super::{DecodeError, SCHEMA_VERSION};

/// Brings a workspace value from `from` up to [`SCHEMA_VERSION`].
pub fn migrate(mut workspace: Value, from: u32) -> Result<Value, DecodeError> {
    if from == 0 || from > SCHEMA_VERSION {
        return Err(DecodeError::BadVersion);
    }
    let mut version = from;
    if version == 1 {
        // 1 → 2: records gained `merge_bases` and the workspace `deleted` (tombstones), both
        // optional with empty defaults, so a schema 1 workspace reads as it is.
        version = 2;
    }
    if version == 2 {
        // 2 → 3: the journey. Cohorts gain interview scenarios (the three standard ones) and a
        // standard week; candidates gain selection facts and signal marks (optional); the
        // workspace gains lists of journey records (empty by default).
        if let Some(cohorts) = workspace.get_mut("cohorts").and_then(Value::as_array_mut) {
            for cohort in cohorts.iter_mut().filter_map(Value::as_object_mut) {
                if !cohort.contains_key("scenarios") {
                    let standard =
                        serde_json::to_value(crate::content::program::standard_scenarios())
                            .unwrap_or(Value::Array(Vec::new()));
                    cohort.insert("scenarios".into(), standard);
                }
                if !cohort.contains_key("week") {
                    let week = serde_json::to_value(crate::model::WeekPlan::default())
                        .unwrap_or(Value::Null);
                    cohort.insert("week".into(), week);
                }
            }
        }
        version = 3;
    }
    if version == 3 {
        // 3 → 4: evaluation. The workspace gains lists of frameworks, assessments, evidence,
        // calibrations, 360 rounds and team health checks, all empty by default; the built-in
        // frameworks live in code, so nothing in a schema 3 workspace changes.
        version = 4;
    }
    debug_assert_eq!(version, SCHEMA_VERSION);
    Ok(workspace)
}
