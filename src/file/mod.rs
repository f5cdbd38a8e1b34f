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
pub(crate) mod json;
pub mod letters;
mod migrate;
pub mod requests;

use serde::de::{IgnoredAny, MapAccess, Visitor};
use serde::{Deserialize, Deserializer, Serialize};
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
/// Largest file import accepts: far above any real workspace (years of a large
/// organisation's programs are tens of MB), low enough that picking a wrong huge file is
/// refused before it is read into memory.
pub const MAX_FILE_BYTES: usize = 160 * 1024 * 1024;

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
    json::to_pretty(&envelope(ws, at))
}

/// The storage form: the same envelope, compact.
pub fn encode_compact(ws: &Workspace, at: Timestamp) -> String {
    json::compact(&envelope(ws, at))
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

/// Decodes, migrates and validates a file's bytes (as read from a file or from storage).
///
/// One pass in the common case: the envelope is read field by field and, once it says it is
/// a workspace of this build's schema, the workspace is decoded straight into its types. An
/// older file's workspace is read as a tree, migrated, then decoded. A field's place in the
/// file (`people[1].name`) is worked out only when decoding fails.
pub fn decode(bytes: &[u8]) -> Result<Decoded, DecodeError> {
    if bytes.len() > MAX_FILE_BYTES {
        return Err(DecodeError::TooLarge {
            bytes: bytes.len(),
            limit: MAX_FILE_BYTES,
        });
    }
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    if bytes.iter().all(u8::is_ascii_whitespace) {
        return Err(if std::str::from_utf8(bytes).is_err() {
            DecodeError::NotText
        } else {
            DecodeError::Empty
        });
    }
    let envelope: EnvelopeIn = serde_json::from_slice(bytes).map_err(|e| {
        if std::str::from_utf8(bytes).is_err() {
            return DecodeError::NotText;
        }
        match e.classify() {
            serde_json::error::Category::Data => {
                let at = json::FieldError::at(bytes, &e);
                let inside = at.path.strip_prefix("workspace").filter(|rest| {
                    rest.is_empty() || rest.starts_with('.') || rest.starts_with('[')
                });
                match inside {
                    Some(rest) => DecodeError::field(rest.trim_start_matches('.'), &at.message),
                    None => DecodeError::NotRunway,
                }
            }
            _ => DecodeError::from_json(e),
        }
    })?;
    match envelope.format.as_deref() {
        Some(FORMAT) => {}
        Some(crypt::ENCRYPTED_FORMAT) => return Err(DecodeError::Encrypted),
        _ => return Err(DecodeError::NotRunway),
    }
    let schema_version = envelope_version(envelope.schema_version.as_ref(), SCHEMA_VERSION)?;
    let workspace = match envelope.workspace {
        None => return Err(DecodeError::MissingWorkspace),
        Some(Part::Typed(ws)) => *ws,
        Some(Part::Tree(tree)) => {
            let migrated = migrate(tree, schema_version)?;
            json::from_value(&migrated).map_err(|e| DecodeError::field(&e.path, &e.message))?
        }
    };
    let problems = crate::logic::validate(&workspace);
    if !problems.is_empty() {
        return Err(DecodeError::Invalid(problems));
    }
    Ok(Decoded {
        workspace,
        schema_version,
        app_version: envelope.app_version,
        exported_at: envelope.exported_at,
    })
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
    json::value(text.as_bytes()).map_err(DecodeError::from_json)
}

/// Decodes text (as read from storage) the same way as [`decode`].
pub fn decode_str(text: &str) -> Result<Decoded, DecodeError> {
    decode(text.as_bytes())
}

/// The workspace part of an envelope: typed when the envelope said, before it, that it is a
/// workspace of this build's schema (as Runway writes it); otherwise a tree to migrate.
enum Part {
    Typed(Box<Workspace>),
    Tree(Value),
}

/// A workspace envelope, read in one pass.
#[derive(Default)]
struct EnvelopeIn {
    format: Option<String>,
    schema_version: Option<Value>,
    app_version: Option<String>,
    exported_at: Option<String>,
    workspace: Option<Part>,
}

impl<'de> Deserialize<'de> for EnvelopeIn {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct Fields;
        impl<'de> Visitor<'de> for Fields {
            type Value = EnvelopeIn;
            fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
                f.write_str("a Runway file")
            }
            fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<EnvelopeIn, A::Error> {
                let mut out = EnvelopeIn::default();
                let text = |v: Value| v.as_str().map(str::to_owned);
                while let Some(key) = map.next_key::<String>()? {
                    match key.as_str() {
                        "format" => out.format = text(map.next_value()?),
                        "schema_version" => out.schema_version = Some(map.next_value()?),
                        "app_version" => out.app_version = text(map.next_value()?),
                        "exported_at" => out.exported_at = text(map.next_value()?),
                        "workspace" => {
                            let current = out.format.as_deref() == Some(FORMAT)
                                && out.schema_version.as_ref().and_then(Value::as_u64)
                                    == Some(u64::from(SCHEMA_VERSION));
                            out.workspace = Some(if current {
                                Part::Typed(map.next_value()?)
                            } else {
                                Part::Tree(map.next_value()?)
                            });
                        }
                        _ => {
                            map.next_value::<IgnoredAny>()?;
                        }
                    }
                }
                Ok(out)
            }
        }
        d.deserialize_map(Fields)
    }
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
    envelope_version(map.get("schema_version"), supported)
}

/// A `schema_version` value: a number from 1 up to `supported`.
fn envelope_version(value: Option<&Value>, supported: u32) -> Result<u32, DecodeError> {
    let version = value
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
    let value: Value = json::value(text.as_bytes()).ok()?;
    if value.get("format").and_then(Value::as_str) != Some(FORMAT) {
        return None;
    }
    let version = u32::try_from(value.get("schema_version")?.as_u64()?).ok()?;
    let ws = json::from_value(value.get("workspace")?).ok()?;
    Some((version, ws))
}

/// The schema version of stored or imported text, if it is a Runway envelope at all.
pub fn peek_schema_version(text: &str) -> Option<u32> {
    #[derive(serde::Deserialize)]
    struct Head {
        format: String,
        schema_version: u32,
    }
    let head: Head = json::value(text.as_bytes())
        .ok()
        .and_then(|v| json::from_value(&v).ok())?;
    (head.format == FORMAT).then_some(head.schema_version)
}
