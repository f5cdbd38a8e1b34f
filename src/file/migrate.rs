//! Schema migrations. Each schema change adds a step from the previous version here, and a
//! fixture file of the old version under `tests/fixtures/` that the tests load.

use serde_json::Value;

use super::{DecodeError, SCHEMA_VERSION};

/// Brings a workspace value from `from` up to [`SCHEMA_VERSION`].
pub fn migrate(workspace: Value, from: u32) -> Result<Value, DecodeError> {
    if from == 0 || from > SCHEMA_VERSION {
        return Err(DecodeError::BadVersion);
    }
    // Schema 1 is the first; steps are added here as `if version == N { … version = N + 1 }`.
    Ok(workspace)
}
