//! Recommendation letters by file, with no workspace on the writer's side.
//!
//! The sponsor makes a **letter request** for one writer; it carries the applicant's name, the
//! role asked for, the kind of letter, what it should speak to and a due day, and nothing else
//! from the workspace. The writer opens it on the *Write a letter* page and downloads a
//! **letter** file, which merges into the sponsor's case ([`crate::logic::promotion::letters`]):
//!
//! ```json
//! { "format": "runway-letter-request", "schema_version": 1, "case_id": "…", "slot_id": "…",
//!   "organisation": "Northwind", "applicant": "Hana Sato", "role": "Senior Engineering Manager (M2)",
//!   "kind": "senior_engineer", "writer": "Ana Lima", "speaks_to": "…",
//!   "asked_on": "2026-11-02", "due_on": "2026-11-20" }
//! { "format": "runway-letter", "schema_version": 1, "case_id": "…", "slot_id": "…",
//!   "organisation": "Northwind", "applicant": "Hana Sato", "kind": "senior_engineer",
//!   "letter_id": "…", "writer": "Ana Lima", "writer_role": "Staff engineer", "body": "…",
//!   "written_on": "2026-11-18" }
//! ```
//!
//! Both share the request formats' `schema_version` line
//! ([`super::requests::REQUEST_SCHEMA`]) and their decoding and its messages.

use serde::{Deserialize, Serialize};

use super::requests::{encode, envelope, slug, typed, RequestFileError};
use crate::model::{date, opt_date, Date, Id, LetterKind};

/// The `format` of a letter request file.
pub const LETTER_REQUEST_FORMAT: &str = "runway-letter-request";
/// The `format` of a letter file.
pub const LETTER_FORMAT: &str = "runway-letter";
/// Longest letter a file may carry, in characters (about 3,000 words).
pub const MAX_LETTER_CHARS: usize = 20_000;

/// A letter request's contents.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct LetterRequest {
    pub case_id: Id,
    pub slot_id: Id,
    /// The organisation's name, so a letter can be told from another organisation's.
    #[serde(default)]
    pub organisation: String,
    /// The applicant's name.
    pub applicant: String,
    /// The role the applicant is put forward for.
    pub role: String,
    pub kind: LetterKind,
    /// Who is asked.
    pub writer: String,
    #[serde(default)]
    pub speaks_to: String,
    #[serde(with = "date")]
    pub asked_on: Date,
    #[serde(default, with = "opt_date", skip_serializing_if = "Option::is_none")]
    pub due_on: Option<Date>,
}

/// A letter file's contents.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct LetterFile {
    pub case_id: Id,
    pub slot_id: Id,
    #[serde(default)]
    pub organisation: String,
    pub applicant: String,
    pub kind: LetterKind,
    /// A fresh id per letter written: a second letter from the same writer is another letter.
    pub letter_id: Id,
    pub writer: String,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub writer_role: String,
    pub body: String,
    #[serde(with = "date")]
    pub written_on: Date,
}

impl LetterFile {
    /// The letter answering `request`, signed by `writer`.
    pub fn to(
        request: &LetterRequest,
        writer: &str,
        writer_role: &str,
        body: &str,
        written_on: Date,
        letter_id: Id,
    ) -> Self {
        LetterFile {
            case_id: request.case_id,
            slot_id: request.slot_id,
            organisation: request.organisation.clone(),
            applicant: request.applicant.clone(),
            kind: request.kind,
            letter_id,
            writer: writer.trim().to_string(),
            writer_role: writer_role.trim().to_string(),
            body: body.trim().to_string(),
            written_on,
        }
    }
}

/// What a letter format is in words, with where it is used; `None` for other formats.
pub(super) fn describe(format: &str) -> Option<&'static str> {
    match format {
        LETTER_REQUEST_FORMAT => Some(
            "This is a letter request (someone is asked to write a recommendation letter). Open it on the Write a letter page.",
        ),
        LETTER_FORMAT => Some(
            "This is a recommendation letter. The sponsor adds it on the promotion case's Letters section.",
        ),
        _ => None,
    }
}

pub fn encode_letter_request(r: &LetterRequest) -> String {
    encode(LETTER_REQUEST_FORMAT, r)
}

pub fn encode_letter(l: &LetterFile) -> String {
    encode(LETTER_FORMAT, l)
}

/// `runway-letter-request-hana-sato-ana-lima.json`.
pub fn letter_request_file_name(r: &LetterRequest) -> String {
    format!(
        "runway-letter-request-{}-{}.json",
        slug(&r.applicant),
        slug(&r.writer)
    )
}

/// `runway-letter-hana-sato-ana-lima.json`.
pub fn letter_file_name(l: &LetterFile) -> String {
    format!(
        "runway-letter-{}-{}.json",
        slug(&l.applicant),
        slug(&l.writer)
    )
}

/// Whether the bytes are a letter request (so the Data page can send it to the writer's page).
pub fn is_letter_request(bytes: &[u8]) -> bool {
    super::requests::peek_format(bytes).as_deref() == Some(LETTER_REQUEST_FORMAT)
}

pub fn decode_letter_request(bytes: &[u8]) -> Result<LetterRequest, RequestFileError> {
    let r: LetterRequest = typed(envelope(bytes, "letter-request")?)?;
    if r.applicant.trim().is_empty() {
        return Err(RequestFileError::Invalid(
            "it does not say who the letter is about".into(),
        ));
    }
    if r.kind == LetterKind::Sponsor {
        return Err(RequestFileError::Invalid(
            "the sponsor's letter is written in the sponsor's own Runway, not asked for".into(),
        ));
    }
    Ok(r)
}

pub fn decode_letter(bytes: &[u8]) -> Result<LetterFile, RequestFileError> {
    let l: LetterFile = typed(envelope(bytes, "letter")?)?;
    if l.body.trim().is_empty() {
        return Err(RequestFileError::Invalid("the letter is empty".into()));
    }
    if l.writer.trim().is_empty() {
        return Err(RequestFileError::Invalid(
            "the letter is not signed with a name".into(),
        ));
    }
    if l.body.chars().count() > MAX_LETTER_CHARS {
        return Err(RequestFileError::Invalid(format!(
            "the letter is longer than {MAX_LETTER_CHARS} characters"
        )));
    }
    if l.kind == LetterKind::Sponsor {
        return Err(RequestFileError::Invalid(
            "a sponsor's letter does not come by file".into(),
        ));
    }
    Ok(l)
}
