use std::fmt;

use crate::logic::Problem;

/// Why a file (or stored data) could not be read. Every variant reads as a sentence that says
/// what is wrong and what to do.
#[derive(Clone, Debug, PartialEq)]
pub enum DecodeError {
    TooLarge {
        bytes: usize,
        limit: usize,
    },
    NotText,
    Empty,
    /// The text ends before the JSON does: a file cut off while copying or downloading.
    Truncated,
    NotJson {
        line: usize,
        column: usize,
    },
    /// Valid JSON, but not a Runway workspace file.
    NotRunway,
    /// A passphrase-protected Runway file: decrypt it first.
    Encrypted,
    BadVersion,
    TooNew {
        found: u32,
        supported: u32,
    },
    MissingWorkspace,
    /// A field has the wrong type or form; `path` is e.g. `cohorts[0].phases[2].starts_on`.
    Field {
        path: String,
        message: String,
    },
    /// The file is well-formed but breaks the workspace rules.
    Invalid(Vec<Problem>),
}

impl DecodeError {
    pub(super) fn from_json(e: serde_json::Error) -> Self {
        if e.is_eof() {
            DecodeError::Truncated
        } else {
            DecodeError::NotJson {
                line: e.line(),
                column: e.column(),
            }
        }
    }

    /// A field that failed to decode: `path` as [`super::json::path_at`] gives it (empty at
    /// the top), `message` in serde's words.
    pub(super) fn field(path: &str, message: &str) -> Self {
        let mut message = simplify(message);
        // Timestamps (`created_at`, `updated_at`) fail inside chrono with its own wording.
        if path.ends_with("_at") && !message.starts_with("expected") {
            message = "not a date and time (expected e.g. \"2026-11-21T09:30:00Z\")".into();
        }
        DecodeError::Field {
            path: if path.is_empty() || path == "." {
                "workspace".into()
            } else {
                path.to_string()
            },
            message,
        }
    }

    /// The first place in the file that is wrong, if the error has one.
    pub fn path(&self) -> Option<&str> {
        match self {
            DecodeError::Field { path, .. } => Some(path),
            DecodeError::Invalid(problems) => problems.first().map(|p| p.path.as_str()),
            _ => None,
        }
    }
}

/// Turns serde's wording into plainer words.
fn simplify(message: &str) -> String {
    // serde_json appends " at line X column Y" to some messages; the path already says where.
    let message = match message.find(" at line ") {
        Some(i) => &message[..i],
        None => message,
    };
    if let Some(rest) = message.strip_prefix("invalid type: ") {
        // "invalid type: integer `5`, expected a string" → "expected a string, found integer `5`"
        if let Some((found, expected)) = rest.split_once(", expected ") {
            return format!("expected {expected}, found {found}");
        }
    }
    if let Some(rest) = message.strip_prefix("unknown variant ") {
        return format!("unknown value {rest}");
    }
    message.to_string()
}

impl fmt::Display for DecodeError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            DecodeError::TooLarge { bytes, limit } => write!(
                f,
                "This file is {:.1} MB; Runway opens files up to {} MB. Check that you picked a Runway export.",
                *bytes as f64 / 1_048_576.0,
                limit / 1_048_576
            ),
            DecodeError::NotText => f.write_str(
                "This file is not text, so it is not a Runway export. Pick the .json file Runway downloaded.",
            ),
            DecodeError::Empty => f.write_str("This file is empty. Pick the .json file Runway downloaded."),
            DecodeError::Truncated => f.write_str(
                "This file ends too early: it looks cut off. Ask for the file again or download a fresh export.",
            ),
            DecodeError::NotJson { line, column } => write!(
                f,
                "This file is not valid JSON (the problem is at line {line}, column {column}). It may have been edited by hand or it is not a Runway export."
            ),
            DecodeError::NotRunway => f.write_str(
                "This is a JSON file, but not a Runway workspace (it has no \"format\": \"runway-workspace\"). Pick a file exported from Runway.",
            ),
            DecodeError::Encrypted => f.write_str(
                "This file is protected with a passphrase. Enter the passphrase to open it.",
            ),
            DecodeError::BadVersion => f.write_str(
                "This Runway file has no valid schema_version, so it cannot be read safely.",
            ),
            DecodeError::TooNew { found, supported } => write!(
                f,
                "This file was written by a newer version of Runway (schema {found}); this version reads up to schema {supported}. Update Runway, then import it again."
            ),
            DecodeError::MissingWorkspace => f.write_str(
                "This Runway file has no \"workspace\" section, so there is nothing to import.",
            ),
            DecodeError::Field { path, message } => {
                write!(f, "The file has a broken field: {path}: {message}.")
            }
            DecodeError::Invalid(problems) => {
                let n = problems.len();
                write!(f, "The file breaks {n} rule{}: ", if n == 1 { "" } else { "s" })?;
                for (i, p) in problems.iter().take(5).enumerate() {
                    if i > 0 {
                        f.write_str("; ")?;
                    }
                    write!(f, "{p}")?;
                }
                if n > 5 {
                    write!(f, "; and {} more", n - 5)?;
                }
                f.write_str(".")
            }
        }
    }
}

impl std::error::Error for DecodeError {}
