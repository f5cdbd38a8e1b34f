//! One framework on its own as a file, to share a rubric between workspaces:
//!
//! ```json
//! { "format": "runway-framework", "schema_version": 4, "app_version": "0.1.0",
//!   "exported_at": "2026-11-21T09:30:00Z", "framework": { ... } }
//! ```
//!
//! Decoding checks the same things as a workspace file (size, text, JSON, envelope, version,
//! typed fields with their path, the framework's rules) and says plainly when the file is a
//! workspace export instead.

use std::fmt;

use serde::{Deserialize, Serialize};
use serde_json::Value;

use super::{crypt, DecodeError, APP_VERSION, FORMAT, SCHEMA_VERSION};
use crate::logic::records::Entry;
use crate::model::{Framework, Timestamp, Workspace};

/// The `format` field of a single-framework file.
pub const FRAMEWORK_FORMAT: &str = "runway-framework";

/// Why a framework file could not be read; every variant reads as a sentence.
#[derive(Clone, Debug, PartialEq)]
pub enum FrameworkFileError {
    /// A problem any Runway file can have (too large, not text, not JSON, cut off, too new, a
    /// broken field), worded by [`DecodeError`].
    Read(DecodeError),
    /// A whole workspace export was picked instead.
    WorkspaceFile,
    /// A passphrase-protected workspace export was picked.
    EncryptedWorkspace,
    /// JSON, but not a Runway framework file.
    NotFramework,
    /// The envelope has no `framework` section.
    MissingFramework,
    /// The framework breaks a rule (no name, a descriptor for a missing domain, …).
    Invalid(String),
    /// A required field is not there: `path` is where (`framework`, `framework.domains[1]`),
    /// `field` what is missing (`levels`).
    MissingField { path: String, field: String },
}

/// What `path` names, in words a person would use ("framework.domains[1]" → "Domain 2 in the
/// file").
fn part_words(path: &str) -> String {
    let indexed = |prefix: &str, noun: &str| {
        path.strip_prefix(prefix)
            .and_then(|rest| rest.strip_suffix(']'))
            .and_then(|n| n.parse::<usize>().ok())
            .map(|n| format!("{noun} {} in the file", n + 1))
    };
    indexed("framework.domains[", "Domain")
        .or_else(|| indexed("framework.levels[", "Level"))
        .or_else(|| indexed("framework.descriptors[", "Descriptor"))
        .unwrap_or_else(|| {
            if path == "framework" {
                "The file's framework".to_string()
            } else {
                format!("The file's {path}")
            }
        })
}

impl fmt::Display for FrameworkFileError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            FrameworkFileError::Read(e) => write!(f, "{e}"),
            FrameworkFileError::WorkspaceFile => f.write_str(
                "This is a workspace file, not a single framework: import it on the Data page.",
            ),
            FrameworkFileError::EncryptedWorkspace => f.write_str(
                "This is a passphrase-protected workspace file, not a single framework: import it on the Data page.",
            ),
            FrameworkFileError::NotFramework => f.write_str(
                "This is a JSON file, but not a Runway framework (it has no \"format\": \"runway-framework\"). Pick a file saved with “Export this framework”.",
            ),
            FrameworkFileError::MissingFramework => f.write_str(
                "This framework file has no \"framework\" section, so there is nothing to import.",
            ),
            FrameworkFileError::Invalid(problem) => {
                write!(f, "The framework in this file breaks a rule: {problem}.")
            }
            FrameworkFileError::MissingField { path, field } => write!(
                f,
                "{} has no {} ({path}.{field} is missing).",
                part_words(path),
                field.replace('_', " ")
            ),
        }
    }
}

impl std::error::Error for FrameworkFileError {}

impl From<DecodeError> for FrameworkFileError {
    fn from(e: DecodeError) -> Self {
        FrameworkFileError::Read(e)
    }
}

#[derive(Serialize)]
struct EnvelopeOut<'a> {
    format: &'static str,
    schema_version: u32,
    app_version: &'static str,
    exported_at: String,
    framework: &'a Framework,
}

/// The file's text: pretty-printed, keys in a fixed order.
pub fn encode(fw: &Framework, at: Timestamp) -> String {
    let envelope = EnvelopeOut {
        format: FRAMEWORK_FORMAT,
        schema_version: SCHEMA_VERSION,
        app_version: APP_VERSION,
        exported_at: at.to_rfc3339_opts(chrono::SecondsFormat::Secs, true),
        framework: fw,
    };
    super::json::to_pretty(&envelope)
}

/// `runway-framework-<slug>.json`, the slug made from the framework's name.
pub fn file_name(fw: &Framework) -> String {
    let mut slug = String::new();
    for ch in fw.name.trim().to_lowercase().chars() {
        if ch.is_ascii_alphanumeric() {
            slug.push(ch);
        } else if !slug.ends_with('-') {
            slug.push('-');
        }
    }
    let slug = slug.trim_matches('-');
    let slug = if slug.is_empty() { "untitled" } else { slug };
    format!("runway-framework-{slug}.json")
}

/// The typed decode goes through this wrapper so a broken field's path reads
/// `framework.domains[1].name`.
#[derive(Deserialize)]
struct Inner {
    framework: Framework,
}

/// Reads a framework file's bytes. Nothing in the workspace is touched here; see
/// [`crate::logic::evaluation::frameworks::plan_import`] for how the framework goes in.
pub fn decode(bytes: &[u8]) -> Result<Framework, FrameworkFileError> {
    let value = super::json_value(super::file_text(bytes)?)?;
    let Value::Object(map) = value else {
        return Err(FrameworkFileError::NotFramework);
    };
    match map.get("format").and_then(Value::as_str) {
        Some(FRAMEWORK_FORMAT) => {}
        Some(FORMAT) => return Err(FrameworkFileError::WorkspaceFile),
        Some(crypt::ENCRYPTED_FORMAT) => return Err(FrameworkFileError::EncryptedWorkspace),
        _ => return Err(FrameworkFileError::NotFramework),
    }
    super::schema_version(&map)?;
    let framework = map
        .get("framework")
        .cloned()
        .ok_or(FrameworkFileError::MissingFramework)?;
    let wrapped = serde_json::json!({ "framework": framework });
    let Inner { framework } = super::json::from_value(&wrapped).map_err(|e| {
        // serde says "missing field `levels`"; say which part lacks what.
        let missing = e
            .message
            .strip_prefix("missing field `")
            .and_then(|rest| rest.split('`').next())
            .map(str::to_string);
        match missing {
            Some(field) => {
                let path = if e.path.is_empty() {
                    "framework".to_string()
                } else {
                    e.path.clone()
                };
                FrameworkFileError::MissingField { path, field }
            }
            None => DecodeError::field(&e.path, &e.message).into(),
        }
    })?;
    let problems = framework
        .problems(&Workspace::default())
        .into_iter()
        .chain(framework.save_problems(&Workspace::default()));
    if let Some((_, problem)) = problems.into_iter().next() {
        return Err(FrameworkFileError::Invalid(problem));
    }
    Ok(framework)
}
