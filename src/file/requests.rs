//! Asking people for answers by file, with no workspace on their side.
//!
//! A **request file** says who and what it is about and what it asks; a respondent opens it on
//! the *Answer a request* page and downloads a **response file**, which carries their answers
//! and a random response id, and no name:
//!
//! ```json
//! { "format": "runway-request", "schema_version": 1, "request_id": "…", "kind": "360",
//!   "subject_id": "<the round's id>", "about": "Priya", "title": "360 feedback — May 2027",
//!   "group": "peer", "asked_on": "2027-05-03", "due_on": "2027-05-17",
//!   "questions": [{ "id": "…", "text": "…" }] }
//! { "format": "runway-response", "schema_version": 1, "request_id": "…", "kind": "360",
//!   "subject_id": "…", "group": "peer", "asked_on": "2027-05-03",
//!   "answers": [{ "question": "…", "score": 4 }], "comment": "…", "response_id": "…" }
//! ```
//!
//! The request id is worked out from what the request is about
//! ([`crate::logic::evaluation::requests::request_id`]), so Runway can tell a response to one
//! of its requests from one to another (or one whose group was changed by hand) without
//! keeping a list of requests. These files have their own `schema_version`, apart from the
//! workspace's. Decoding never touches a workspace.

use crate::sort::StableSort as _;
use std::fmt;

use serde::{Deserialize, Serialize};
use serde_json::Value;

use super::{crypt, framework::FRAMEWORK_FORMAT, DecodeError, FORMAT};
use crate::model::{date, opt_date, Date, FeedbackGroup, Id, FEEDBACK_MAX, FEEDBACK_MIN};

/// The `format` of a request file.
pub const REQUEST_FORMAT: &str = "runway-request";
/// The `format` of a response file.
pub const RESPONSE_FORMAT: &str = "runway-response";
/// The version of both formats this build writes and the newest it reads.
pub const REQUEST_SCHEMA: u32 = 1;
/// Longest comment a response may carry.
pub const MAX_COMMENT_CHARS: usize = 4000;

/// What a request asks about.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum RequestKind {
    /// 360 feedback about the candidate, for one group.
    #[serde(rename = "360")]
    Feedback360,
    /// A team health check of the team the candidate leads.
    #[serde(rename = "health")]
    Health,
}

impl RequestKind {
    pub fn code(self) -> &'static str {
        match self {
            RequestKind::Feedback360 => "360",
            RequestKind::Health => "health",
        }
    }
}

/// One thing a request asks: a 360 question (its id) or a health dimension (its code).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct RequestQuestion {
    pub id: String,
    pub text: String,
}

/// A request file's contents.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Request {
    pub request_id: Id,
    pub kind: RequestKind,
    /// The 360 round asked about, or (health) a fresh id naming this check.
    pub subject_id: Id,
    /// The candidate's first name, so the respondent knows who it is about.
    pub about: String,
    /// The round's title, or "Team health check".
    pub title: String,
    /// 360: the group asked.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub group: Option<FeedbackGroup>,
    /// Health: the team's name.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub team: Option<String>,
    #[serde(with = "date")]
    pub asked_on: Date,
    #[serde(default, with = "opt_date", skip_serializing_if = "Option::is_none")]
    pub due_on: Option<Date>,
    pub questions: Vec<RequestQuestion>,
}

/// One answer in a response.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct ResponseAnswer {
    /// The request question's id.
    pub question: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub score: Option<u8>,
}

/// A response file's contents: what it answers (the same for everyone asked), the answers and a
/// random id. No name.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Response {
    pub request_id: Id,
    pub kind: RequestKind,
    pub subject_id: Id,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub group: Option<FeedbackGroup>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub team: Option<String>,
    #[serde(with = "date")]
    pub asked_on: Date,
    #[serde(default)]
    pub answers: Vec<ResponseAnswer>,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub comment: String,
    pub response_id: Id,
}

impl Response {
    /// The response to `request` with these answers and comment, under a fresh random id.
    pub fn to(request: &Request, answers: Vec<ResponseAnswer>, comment: &str, id: Id) -> Self {
        Response {
            request_id: request.request_id,
            kind: request.kind,
            subject_id: request.subject_id,
            group: request.group,
            team: request.team.clone(),
            asked_on: request.asked_on,
            answers,
            comment: comment.trim().to_string(),
            response_id: id,
        }
    }

    /// Whether anything was answered: a score or a comment.
    pub fn is_empty(&self) -> bool {
        self.answers.iter().all(|a| a.score.is_none()) && self.comment.trim().is_empty()
    }
}

/// Why a request or response file could not be read; every variant reads as a sentence.
#[derive(Clone, Debug, PartialEq)]
pub enum RequestFileError {
    /// A problem any Runway file can have (too large, not text, not JSON, cut off, too new, a
    /// broken field), worded by [`DecodeError`].
    Read(DecodeError),
    /// A workspace export (plain or protected) or a framework file was picked.
    OtherRunwayFile(&'static str),
    /// A response file where a request was expected.
    ResponseNotRequest,
    /// A request file where a response was expected.
    RequestNotResponse,
    /// Another kind of answer-by-file than the one expected (a letter where a response was
    /// expected): what it is, and where it is used.
    OtherKind(&'static str),
    /// JSON, but no Runway request or response.
    NotRunway { wanted: &'static str },
    /// Read, but it breaks a rule of the format (no questions, a score of 9).
    Invalid(String),
}

impl fmt::Display for RequestFileError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            RequestFileError::Read(e) => write!(f, "{e}"),
            RequestFileError::OtherRunwayFile(what) => write!(
                f,
                "This is {what}, not a request or a response file. Workspace and framework files are opened on the Data and Frameworks pages."
            ),
            RequestFileError::ResponseNotRequest => f.write_str(
                "This is a response file (someone's answers), not a request. The coach imports response files on the candidate's Feedback section.",
            ),
            RequestFileError::RequestNotResponse => f.write_str(
                "This is the request file itself, not a response. Import the files people downloaded with “Download my answers”.",
            ),
            RequestFileError::OtherKind(what) => f.write_str(what),
            RequestFileError::NotRunway { wanted } => write!(
                f,
                "This is a JSON file, but not a Runway {wanted} file (it has no \"format\": \"runway-{wanted}\")."
            ),
            RequestFileError::Invalid(why) => write!(f, "This file cannot be used: {why}."),
        }
    }
}

impl std::error::Error for RequestFileError {}

impl From<DecodeError> for RequestFileError {
    fn from(e: DecodeError) -> Self {
        RequestFileError::Read(e)
    }
}

#[derive(Serialize)]
struct Out<'a, T: Serialize> {
    format: &'static str,
    schema_version: u32,
    #[serde(flatten)]
    body: &'a T,
}

pub(super) fn encode<T: Serialize>(format: &'static str, body: &T) -> String {
    let out = Out {
        format,
        schema_version: REQUEST_SCHEMA,
        body,
    };
    super::json::to_pretty(&out)
}

/// A request file's text.
pub fn encode_request(r: &Request) -> String {
    encode(REQUEST_FORMAT, r)
}

/// A response file's text.
pub fn encode_response(r: &Response) -> String {
    encode(RESPONSE_FORMAT, r)
}

/// A name for a file: lower case, dashes between words, at most 40 characters; `fallback`
/// when nothing is left.
pub fn slug_or(text: &str, fallback: &str) -> String {
    let mut s = String::new();
    for ch in text.trim().to_lowercase().chars() {
        if ch.is_alphanumeric() {
            s.push(ch);
        } else if !s.ends_with('-') {
            s.push('-');
        }
    }
    let s = s.trim_matches('-');
    if s.is_empty() {
        fallback.into()
    } else {
        s.chars().take(40).collect()
    }
}

pub(super) fn slug(text: &str) -> String {
    slug_or(text, "request")
}

/// `runway-request-360-priya-peers.json`, `runway-request-health-priya.json`.
pub fn request_file_name(r: &Request) -> String {
    let who = slug(&r.about);
    match (r.kind, r.group) {
        (RequestKind::Feedback360, Some(g)) => {
            format!("runway-request-360-{who}-{}.json", slug(g.label()))
        }
        (RequestKind::Feedback360, None) => format!("runway-request-360-{who}.json"),
        (RequestKind::Health, _) => format!("runway-request-health-{who}.json"),
    }
}

/// `runway-response-<first 8 of the response id>.json`: the name says nothing of who answered,
/// and several responses in one folder do not overwrite each other.
pub fn response_file_name(r: &Response) -> String {
    let id = r.response_id.simple().to_string();
    format!("runway-response-{}.json", &id[..8.min(id.len())])
}

/// What kind of Runway file some text is, read from its `format` alone.
pub fn peek_format(bytes: &[u8]) -> Option<String> {
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    // Runway writes `format` first: read it from the head without parsing a large file.
    if let Some(format) = super::json::first_string_field(bytes, "format") {
        return Some(format);
    }
    let v: Value = super::json::value(bytes).ok()?;
    v.get("format").and_then(Value::as_str).map(str::to_owned)
}

/// Whether the bytes are a request file (so the Data page can send it to the answer page).
pub fn is_request(bytes: &[u8]) -> bool {
    peek_format(bytes).as_deref() == Some(REQUEST_FORMAT)
}

/// The envelope read up to the typed decode: the right format, a version this build reads.
/// `wanted` is the format without its `runway-` prefix.
pub(super) fn envelope(bytes: &[u8], wanted: &'static str) -> Result<Value, RequestFileError> {
    let value = super::json_value(super::file_text(bytes)?)?;
    let Value::Object(map) = &value else {
        return Err(RequestFileError::NotRunway { wanted });
    };
    let format = map.get("format").and_then(Value::as_str);
    let want = format!("runway-{wanted}");
    match format {
        Some(f) if f == want => {}
        Some(RESPONSE_FORMAT) if wanted == "request" => {
            return Err(RequestFileError::ResponseNotRequest)
        }
        Some(REQUEST_FORMAT) if wanted == "response" => {
            return Err(RequestFileError::RequestNotResponse)
        }
        Some(other) if super::letters::describe(other).is_some() || other == RESPONSE_FORMAT || other == REQUEST_FORMAT => {
            return Err(RequestFileError::OtherKind(
                super::letters::describe(other).unwrap_or(
                    "This is a feedback request or response file: those are opened on the Answer a request page and imported on the candidate's Feedback section.",
                ),
            ))
        }
        Some(FORMAT) => return Err(RequestFileError::OtherRunwayFile("a workspace file")),
        Some(crypt::ENCRYPTED_FORMAT) => {
            return Err(RequestFileError::OtherRunwayFile(
                "a passphrase-protected workspace file",
            ))
        }
        Some(FRAMEWORK_FORMAT) => {
            return Err(RequestFileError::OtherRunwayFile("a framework file"))
        }
        _ => return Err(RequestFileError::NotRunway { wanted }),
    }
    super::version_up_to(map, REQUEST_SCHEMA)?;
    Ok(value)
}

pub(super) fn typed<T: serde::de::DeserializeOwned>(value: Value) -> Result<T, RequestFileError> {
    super::json::from_value(&value).map_err(|e| {
        let path = e.path;
        // At the top level serde says only "missing field `x`": say it as a sentence.
        if let Some(field) = e
            .message
            .strip_prefix("missing field `")
            .and_then(|rest| rest.split('`').next())
        {
            let place = if path.is_empty() {
                String::new()
            } else {
                format!(" in {path}")
            };
            return RequestFileError::Invalid(format!(
                "it has no {}{place}",
                field.replace('_', " ")
            ));
        }
        DecodeError::field(&path, &e.message).into()
    })
}

fn score_ok(s: Option<u8>) -> bool {
    s.is_none_or(|s| (FEEDBACK_MIN..=FEEDBACK_MAX).contains(&s))
}

/// Reads a request file.
pub fn decode_request(bytes: &[u8]) -> Result<Request, RequestFileError> {
    let r: Request = typed(envelope(bytes, "request")?)?;
    let invalid = |why: &str| Err(RequestFileError::Invalid(why.to_string()));
    if r.questions.is_empty() {
        return invalid("it asks no questions");
    }
    if r.questions.iter().any(|q| q.text.trim().is_empty()) {
        return invalid("a question has no text");
    }
    let mut ids: Vec<&str> = r.questions.iter().map(|q| q.id.as_str()).collect();
    ids.stable_sort();
    if ids.windows(2).any(|w| w[0] == w[1]) {
        return invalid("two questions have the same id");
    }
    if r.kind == RequestKind::Feedback360 && r.group.is_none() {
        return invalid("it does not say which group is asked");
    }
    Ok(r)
}

/// Reads a response file.
pub fn decode_response(bytes: &[u8]) -> Result<Response, RequestFileError> {
    let r: Response = typed(envelope(bytes, "response")?)?;
    if let Some(i) = r.answers.iter().position(|a| !score_ok(a.score)) {
        return Err(RequestFileError::Invalid(format!(
            "answer {} is outside the scale {FEEDBACK_MIN}–{FEEDBACK_MAX}",
            i + 1
        )));
    }
    if r.kind == RequestKind::Feedback360 && r.group.is_none() {
        return Err(RequestFileError::Invalid(
            "it does not say which group answered".into(),
        ));
    }
    if r.comment.chars().count() > MAX_COMMENT_CHARS {
        return Err(RequestFileError::Invalid(format!(
            "its comment is longer than {MAX_COMMENT_CHARS} characters"
        )));
    }
    if r.is_empty() {
        return Err(RequestFileError::Invalid(
            "it holds no answer and no comment".into(),
        ));
    }
    Ok(r)
}
