//! The JSON plumbing every file format shares, kept small on purpose.
//!
//! Runway's wasm carries one serializer (compact) and one deserializer (from bytes). The
//! pretty form of exports is the compact text re-indented ([`pretty`]), and a decode error's
//! place in the file (`people[1].name`) is worked out from where the parser stopped
//! ([`path_at`]) — only when a decode fails, so the success path pays nothing for it.

use serde::de::DeserializeOwned;
use serde::Serialize;
use serde_json::Value;

/// A typed decode that failed at a place in the file.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct FieldError {
    /// e.g. `cohorts[0].phases[2].starts_on`; empty at the top.
    pub path: String,
    /// serde's own words (without its line and column).
    pub message: String,
}

impl FieldError {
    /// The error `e` met while decoding `text`.
    pub fn at(text: &[u8], e: &serde_json::Error) -> Self {
        let offset = offset_of(text, e.line(), e.column());
        let message = e.to_string();
        let message = match message.find(" at line ") {
            Some(i) => message[..i].to_string(),
            None => message,
        };
        FieldError {
            path: path_at(text, offset),
            message,
        }
    }
}

/// Compact JSON: the storage form, and the start of the pretty one.
pub(crate) fn compact<T: Serialize + ?Sized>(value: &T) -> String {
    serde_json::to_string(value).unwrap_or_default()
}

/// The export form: two-space indent, `"key": value`, one item per line — the same text
/// serde_json's pretty printer writes, made from the compact text.
pub(crate) fn to_pretty<T: Serialize + ?Sized>(value: &T) -> String {
    let mut out = pretty(&compact(value));
    out.push('\n');
    out
}

/// Re-indents compact JSON (as Runway writes it: no whitespace outside strings).
pub(crate) fn pretty(compact: &str) -> String {
    let bytes = compact.as_bytes();
    let mut out = String::with_capacity(compact.len() + compact.len() / 3);
    let mut depth = 0usize;
    let mut i = 0;
    let mut start = 0; // start of the run of bytes copied as they are
    let newline = |out: &mut String, depth: usize| {
        out.push('\n');
        for _ in 0..depth {
            out.push_str("  ");
        }
    };
    while i < bytes.len() {
        match bytes[i] {
            b'"' => {
                i += 1;
                while i < bytes.len() && bytes[i] != b'"' {
                    i += if bytes[i] == b'\\' { 2 } else { 1 };
                }
                i += 1;
                continue;
            }
            b @ (b'{' | b'[') => {
                out.push_str(&compact[start..=i]);
                let close = if b == b'{' { b'}' } else { b']' };
                if bytes.get(i + 1) == Some(&close) {
                    out.push(char::from(close));
                    i += 1;
                } else {
                    depth += 1;
                    newline(&mut out, depth);
                }
            }
            b'}' | b']' => {
                out.push_str(&compact[start..i]);
                depth = depth.saturating_sub(1);
                newline(&mut out, depth);
                out.push(char::from(bytes[i]));
            }
            b',' => {
                out.push_str(&compact[start..=i]);
                newline(&mut out, depth);
            }
            b':' => {
                out.push_str(&compact[start..=i]);
                out.push(' ');
            }
            _ => {
                i += 1;
                continue;
            }
        }
        i += 1;
        start = i;
    }
    out.push_str(&compact[start.min(compact.len())..]);
    out
}

/// Decodes a typed value from JSON bytes.
pub(crate) fn from_bytes<T: DeserializeOwned>(bytes: &[u8]) -> Result<T, FieldError> {
    serde_json::from_slice(bytes).map_err(|e| FieldError::at(bytes, &e))
}

/// Decodes a typed value from a JSON tree, through its text, so it takes the same (single)
/// decoder as everything else and a failure names its place.
pub(crate) fn from_value<T: DeserializeOwned>(value: &Value) -> Result<T, FieldError> {
    let bytes = serde_json::to_vec(value).unwrap_or_default();
    from_bytes(&bytes)
}

/// A tree from JSON bytes (no place on error: callers report syntax by line and column).
pub(crate) fn value(bytes: &[u8]) -> Result<Value, serde_json::Error> {
    serde_json::from_slice(bytes)
}

/// The tree of any serializable value (through its compact text; see [`from_value`]).
pub(crate) fn to_value<T: Serialize + ?Sized>(value: &T) -> Value {
    serde_json::to_vec(value)
        .ok()
        .and_then(|b| serde_json::from_slice(&b).ok())
        .unwrap_or(Value::Null)
}

/// The value of `key` when it is the first field of the top-level object and a string, read
/// from the head of the text alone (`None` otherwise: then parse the whole text).
pub(crate) fn first_string_field(text: &[u8], key: &str) -> Option<String> {
    let skip = |i: &mut usize| {
        while text.get(*i).is_some_and(u8::is_ascii_whitespace) {
            *i += 1;
        }
    };
    // After `expected` (and any whitespace), a JSON string's text.
    let string_after = |i: &mut usize, expected: u8| -> Option<String> {
        skip(i);
        if text.get(*i) != Some(&expected) {
            return None;
        }
        *i += 1;
        skip(i);
        if text.get(*i) != Some(&b'"') {
            return None;
        }
        let mut end = *i + 1;
        while end < text.len() && text[end] != b'"' {
            end += if text[end] == b'\\' { 2 } else { 1 };
        }
        let from = *i;
        *i = end + 1;
        serde_json::from_slice(text.get(from..*i)?).ok()
    };
    let mut i = 0;
    if string_after(&mut i, b'{')? != key {
        return None;
    }
    string_after(&mut i, b':')
}

/// The byte offset of serde_json's line (from 1) and column (bytes into the line).
fn offset_of(text: &[u8], line: usize, column: usize) -> usize {
    let mut offset = 0;
    for _ in 1..line {
        match text[offset..].iter().position(|b| *b == b'\n') {
            Some(i) => offset += i + 1,
            None => return text.len(),
        }
    }
    (offset + column).min(text.len())
}

enum Frame {
    Object { key: Option<String> },
    Array { index: usize },
}

/// Where in the JSON `text` the byte `offset` lies, as `a.b[2].c` (empty at the top). A
/// value that just ended counts as the place, so an error reported right after a field's
/// value names that field, and one after an object's `}` names the object.
pub(crate) fn path_at(text: &[u8], offset: usize) -> String {
    let mut stack: Vec<Frame> = Vec::new();
    let mut i = 0;
    let end = offset.min(text.len());
    while i < end {
        match text[i] {
            b'"' => {
                let from = i + 1;
                i += 1;
                while i < text.len() && text[i] != b'"' {
                    i += if text[i] == b'\\' { 2 } else { 1 };
                }
                let to = i.min(text.len());
                if let Some(Frame::Object { key }) = stack.last_mut() {
                    if key.is_none() {
                        let quoted = &text[from.saturating_sub(1)..(to + 1).min(text.len())];
                        *key = Some(serde_json::from_slice::<String>(quoted).unwrap_or_else(
                            |_| String::from_utf8_lossy(&text[from..to]).into_owned(),
                        ));
                    }
                }
            }
            b'{' => stack.push(Frame::Object { key: None }),
            b'[' => stack.push(Frame::Array { index: 0 }),
            b'}' | b']' => {
                stack.pop();
            }
            b',' => match stack.last_mut() {
                Some(Frame::Object { key }) => *key = None,
                Some(Frame::Array { index }) => *index += 1,
                None => {}
            },
            _ => {}
        }
        i += 1;
    }
    let mut path = String::new();
    for frame in &stack {
        match frame {
            Frame::Object { key: Some(k) } => {
                if !path.is_empty() {
                    path.push('.');
                }
                path.push_str(k);
            }
            Frame::Object { key: None } => {}
            Frame::Array { index } => {
                path.push('[');
                path.push_str(&index.to_string());
                path.push(']');
            }
        }
    }
    path
}
