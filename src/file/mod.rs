//! The workspace file format: a versioned envelope around the workspace.
//!
//! ```json
//! { "format": "runway-workspace", "schema_version": 1, "app_version": "0.1.0",
//!   "exported_at": "2026-11-21T09:30:00Z", "workspace": { ... } }
//! ```
//!
//! Decoding goes: size check → UTF-8 → JSON → envelope → version check → migrate → typed
//! decode (errors carry the JSON path) → [`validate`](crate::logic::validate). Nothing is
//! changed by a caller until all of it succeeded. The same envelope is used in browser storage.

pub mod calendar;
pub mod crypt;
mod error;
pub mod framework;
pub mod letters;
mod migrate;
pub mod requests;

use serde::Serialize;
use serde_json::Value;

use crate::model::{Timestamp, Workspace};

pub use error::DecodeError;
pub use migrate::{migrate, migrated_move_id};

/// The `format` field of every Runway workspace file.
pub const FORMAT: &str = "runway-workspace";
/// The schema version this build writes and the newest it reads.
pub const SCHEMA_VERSION: u32 = 7;
/// The app version written into files.
pub const APP_VERSION: &str = env!("CARGO_PKG_VERSION");
/// Largest file import accepts (browser storage holds about 5 MB anyway).
pub const MAX_FILE_BYTES: usize = 25 * 1024 * 1024;

/// A successfully decoded file.
#[derive(Clone, Debug, PartialEq)]
pub struct Decoded {
    pub workspace: Workspace,
    /// The schema version the file was written with (before migration).
    pub schema_version: u32,
    pub app_version: Option<String>,
    pub exported_at: Option<String>,
}

#[derive(Serialize)]
struct EnvelopeOut<'a> {
    format: &'static str,
    schema_version: u32,
    app_version: &'static str,
    exported_at: String,
    workspace: &'a Workspace,
}

fn envelope(ws: &Workspace, at: Timestamp) -> EnvelopeOut<'_> {
    EnvelopeOut {
        format: FORMAT,
        schema_version: SCHEMA_VERSION,
        app_version: APP_VERSION,
        exported_at: at.to_rfc3339_opts(chrono::SecondsFormat::Secs, true),
        workspace: ws,
    }
}

/// The export form: pretty-printed, keys in a fixed order, so two exports diff cleanly.
pub fn encode_pretty(ws: &Workspace, at: Timestamp) -> String {
    let mut out = serde_json::to_string_pretty(&envelope(ws, at)).unwrap_or_default();
    out.push('\n');
    out
}

/// The storage form: the same envelope, compact.
pub fn encode_compact(ws: &Workspace, at: Timestamp) -> String {
    serde_json::to_string(&envelope(ws, at)).unwrap_or_default()
}

/// A file name for an export: `runway-<organisation>-<YYYY-MM-DD>.json`.
pub fn export_file_name(organisation: &str, day: chrono::NaiveDate) -> String {
    let mut slug = String::new();
    for ch in organisation.trim().to_lowercase().chars() {
        if ch.is_alphanumeric() {
            slug.push(ch);
        } else if !slug.ends_with('-') {
            slug.push('-');
        }
    }
    let slug = slug.trim_matches('-');
    let slug = if slug.is_empty() { "workspace" } else { slug };
    format!("runway-{slug}-{}.json", day.format("%Y-%m-%d"))
}

/// Decodes, migrates and validates a file's bytes.
pub fn decode(bytes: &[u8]) -> Result<Decoded, DecodeError> {
    decode_str(file_text(bytes)?)
}

/// A file's bytes as text: within the size limit, UTF-8.
pub(crate) fn file_text(bytes: &[u8]) -> Result<&str, DecodeError> {
    if bytes.len() > MAX_FILE_BYTES {
        return Err(DecodeError::TooLarge {
            bytes: bytes.len(),
            limit: MAX_FILE_BYTES,
        });
    }
    std::str::from_utf8(bytes).map_err(|_| DecodeError::NotText)
}

/// Text as JSON: without a byte-order mark, not empty, well formed.
pub(crate) fn json_value(text: &str) -> Result<Value, DecodeError> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    if text.trim().is_empty() {
        return Err(DecodeError::Empty);
    }
    serde_json::from_str(text).map_err(DecodeError::from_json)
}

/// Decodes text (as read from storage) the same way as [`decode`].
pub fn decode_str(text: &str) -> Result<Decoded, DecodeError> {
    let (schema_version, value) = read_envelope(json_value(text)?)?;
    let app_version = value
        .get("app_version")
        .and_then(Value::as_str)
        .map(str::to_owned);
    let exported_at = value
        .get("exported_at")
        .and_then(Value::as_str)
        .map(str::to_owned);
    let workspace = value
        .get("workspace")
        .cloned()
        .ok_or(DecodeError::MissingWorkspace)?;
    let workspace = migrate(workspace, schema_version)?;
    let workspace: Workspace =
        serde_path_to_error::deserialize(workspace).map_err(DecodeError::from_path)?;
    let problems = crate::logic::validate(&workspace);
    if !problems.is_empty() {
        return Err(DecodeError::Invalid(problems));
    }
    Ok(Decoded {
        workspace,
        schema_version,
        app_version,
        exported_at,
    })
}

/// Checks `format` and `schema_version`; returns the version and the envelope.
fn read_envelope(value: Value) -> Result<(u32, Value), DecodeError> {
    let Value::Object(map) = &value else {
        return Err(DecodeError::NotRunway);
    };
    match map.get("format").and_then(Value::as_str) {
        Some(FORMAT) => {}
        Some(crypt::ENCRYPTED_FORMAT) => return Err(DecodeError::Encrypted),
        _ => return Err(DecodeError::NotRunway),
    }
    let version = schema_version(map)?;
    Ok((version, value))
}

/// An envelope's `schema_version`: a number from 1 up to the one this build writes.
pub(crate) fn schema_version(map: &serde_json::Map<String, Value>) -> Result<u32, DecodeError> {
    version_up_to(map, SCHEMA_VERSION)
}

/// An envelope's `schema_version`: a number from 1 up to `supported` (each file format has its
/// own: workspaces, request files).
pub(crate) fn version_up_to(
    map: &serde_json::Map<String, Value>,
    supported: u32,
) -> Result<u32, DecodeError> {
    let version = map
        .get("schema_version")
        .and_then(Value::as_u64)
        .and_then(|v| u32::try_from(v).ok())
        .filter(|v| *v >= 1)
        .ok_or(DecodeError::BadVersion)?;
    if version > supported {
        return Err(DecodeError::TooNew {
            found: version,
            supported,
        });
    }
    Ok(version)
}

/// Reads a file written by a newer version as far as this version understands it, for a
/// read-only view. Unknown fields are ignored; nothing is validated or migrated.
pub fn decode_newer_for_viewing(text: &str) -> Option<(u32, Workspace)> {
    let value: Value = serde_json::from_str(text).ok()?;
    if value.get("format").and_then(Value::as_str) != Some(FORMAT) {
        return None;
    }
    let version = u32::try_from(value.get("schema_version")?.as_u64()?).ok()?;
    let ws = serde_json::from_value(value.get("workspace")?.clone()).ok()?;
    Some((version, ws))
}

/// The schema version of stored or imported text, if it is a Runway envelope at all.
pub fn peek_schema_version(text: &str) -> Option<u32> {
    #[derive(serde::Deserialize)]
    struct Head {
        format: String,
        schema_version: u32,
    }
    let head: Head = serde_json::from_str::<Value>(text)
        .ok()
        .and_then(|v| serde_json::from_value(v).ok())?;
    (head.format == FORMAT).then_some(head.schema_version)
}
