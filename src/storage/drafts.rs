//! Drafts: what someone has typed into a form and not saved yet, kept beside the workspace
//! (under [`DRAFTS_KEY`]) so a reload, a section switch or a crashed tab loses nothing.
//! Drafts are never part of the workspace, so they never go into an exported file.
//!
//! Drafts are a safety net, not data: text under the key that cannot be read is treated as no
//! drafts (and written over by the next draft).

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use super::{Store, StoreError};
use crate::model::Timestamp;

/// Every form's draft, one JSON object.
pub const DRAFTS_KEY: &str = "runway.drafts";

/// The format of the text under [`DRAFTS_KEY`].
const DRAFTS_VERSION: u32 = 1;

/// One field's value as typed.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(untagged)]
pub enum FieldValue {
    Text(String),
    Flag(bool),
    List(Vec<String>),
}

/// One form's unsaved input.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Draft {
    /// What the form is, in words ("New journal entry").
    #[serde(default)]
    pub label: String,
    /// The page the form is on (an in-app path), to go back to it.
    #[serde(default)]
    pub path: String,
    /// When it was last typed into.
    pub saved_at: Timestamp,
    /// Field name → value.
    #[serde(default)]
    pub fields: BTreeMap<String, FieldValue>,
}

/// Every stored draft, by form key.
pub type Drafts = BTreeMap<String, Draft>;

#[derive(Serialize, Deserialize)]
struct Stored {
    version: u32,
    #[serde(default)]
    drafts: Drafts,
}

/// Reads every stored draft. Missing or unreadable text is no drafts.
pub fn load(store: &dyn Store) -> Drafts {
    store
        .get(DRAFTS_KEY)
        .ok()
        .flatten()
        .and_then(|text| serde_json::from_slice::<Stored>(text.as_bytes()).ok())
        .filter(|s| s.version == DRAFTS_VERSION)
        .map(|s| s.drafts)
        .unwrap_or_default()
}

fn write(store: &dyn Store, drafts: Drafts) -> Result<(), StoreError> {
    if drafts.is_empty() {
        return store.remove(DRAFTS_KEY);
    }
    let text = serde_json::to_string(&Stored {
        version: DRAFTS_VERSION,
        drafts,
    })
    .map_err(|e| StoreError::Other(e.to_string()))?;
    store.set(DRAFTS_KEY, &text)
}

/// Stores these drafts (each over the same form's older one), keeping every other form's
/// (another tab's, say). On error what was stored stays as it was.
pub fn put(store: &dyn Store, changed: &Drafts) -> Result<(), StoreError> {
    if changed.is_empty() {
        return Ok(());
    }
    let mut all = load(store);
    all.extend(changed.iter().map(|(k, d)| (k.clone(), d.clone())));
    write(store, all)
}

/// Removes one form's draft (the form was saved, cancelled or its draft discarded).
pub fn remove(store: &dyn Store, key: &str) -> Result<(), StoreError> {
    let mut all = load(store);
    if all.remove(key).is_none() {
        return Ok(());
    }
    write(store, all)
}
