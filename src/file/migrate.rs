//! Schema migrations. Each schema change adds a step from the previous version here, and a
//! fixture file of the old version under `tests/fixtures/` that the tests load.

use serde_json::Value;

use super::{DecodeError, SCHEMA_VERSION};

/// Brings a workspace value from `from` up to [`SCHEMA_VERSION`].
pub fn migrate(workspace: Value, from: u32) -> Result<Value, DecodeError> {
    if from == 0 || from > SCHEMA_VERSION {
        return Err(DecodeError::BadVersion);
    }
    let mut version = from;
    if version == 1 {
        // 1 → 2: records gained `merge_bases` and the workspace `deleted` (tombstones), both
        // optional with empty defaults, so a schema 1 workspace reads as it is.
        version = 2;
    }
    debug_assert_eq!(version, SCHEMA_VERSION);
    Ok(workspace)
}
