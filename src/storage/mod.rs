//! Where the workspace lives between visits. A small [`Store`] trait with a browser adapter
//! (`local`, wasm only) and an in-memory one for tests; the rules for loading, saving, keeping
//! unreadable data aside and keeping a backup are plain functions over the trait.

#[cfg(target_arch = "wasm32")]
pub mod browser;
pub mod drafts;
#[cfg(target_arch = "wasm32")]
pub mod local;
mod memory;

use crate::sort::StableSort as _;
use std::fmt;

use crate::file::{self, DecodeError};
use crate::model::{Timestamp, Workspace};

pub use memory::MemoryStore;

/// The current workspace, as a file envelope.
pub const WORKSPACE_KEY: &str = "runway.workspace";
/// The workspace as it was before the last import, for "Undo import".
pub const BACKUP_KEY: &str = "runway.backup";
/// Unreadable stored data is moved under this prefix plus a timestamp, never deleted.
pub const QUARANTINE_PREFIX: &str = "runway.quarantine.";

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum StoreError {
    /// The browser refused because storage is full.
    QuotaExceeded,
    /// Storage cannot be used at all (disabled, private mode, blocked).
    Unavailable(String),
    Other(String),
    /// The stored data was written by a newer Runway (schema `found`) since this tab loaded it.
    NewerData {
        found: u32,
    },
    /// Another tab (or window) saved the workspace since this one last read or wrote it.
    ChangedElsewhere,
}

impl fmt::Display for StoreError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            StoreError::QuotaExceeded => f.write_str("the browser's storage for this site is full"),
            StoreError::Unavailable(why) => write!(f, "browser storage is not available ({why})"),
            StoreError::Other(why) => write!(f, "the browser refused to save ({why})"),
            StoreError::ChangedElsewhere => f.write_str(
                "another tab changed this workspace since this tab last saved it",
            ),
            StoreError::NewerData { found } => write!(
                f,
                "a newer version of Runway (schema {found}) saved data in this browser, and this version must not write over it"
            ),
        }
    }
}

/// A string key–value store (IndexedDB and localStorage in the browser).
pub trait Store {
    fn get(&self, key: &str) -> Result<Option<String>, StoreError>;
    fn set(&self, key: &str, value: &str) -> Result<(), StoreError>;
    fn remove(&self, key: &str) -> Result<(), StoreError>;
    /// Every key this store holds.
    fn keys(&self) -> Result<Vec<String>, StoreError>;
    /// The fingerprint of the value under `key`. A store that keeps it (the browser's) answers
    /// without reading and hashing a large workspace again.
    fn revision(&self, key: &str) -> Result<Option<Revision>, StoreError> {
        Ok(self.get(key)?.as_deref().map(Revision::of))
    }
    /// The first `n` bytes (or fewer, at a character boundary) of the value under `key`.
    fn head(&self, key: &str, n: usize) -> Result<Option<String>, StoreError> {
        Ok(self.get(key)?.map(|t| head_of(&t, n).to_string()))
    }
    /// The size in bytes of the value under `key`.
    fn size(&self, key: &str) -> Result<Option<usize>, StoreError> {
        Ok(self.get(key)?.map(|t| t.len()))
    }
}

/// The first `n` bytes of `text`, cut back to a character boundary.
pub fn head_of(text: &str, n: usize) -> &str {
    let mut n = n.min(text.len());
    while !text.is_char_boundary(n) {
        n -= 1;
    }
    &text[..n]
}

/// What the app finds when it starts.
#[derive(Clone, Debug, PartialEq)]
pub enum Startup {
    /// Nothing stored yet.
    Empty,
    Ready(Workspace),
    /// Stored data could not be read. It was moved to `kept_under`; the app starts empty.
    Quarantined {
        kept_under: String,
        error: DecodeError,
    },
    /// Stored data could not be read, and could not be moved aside either (storage full):
    /// it is left where it is and nothing may be saved over it.
    Unreadable {
        error: DecodeError,
        why_not_moved: StoreError,
    },
    /// Stored data comes from a newer Runway: shown read-only, never written over.
    TooNew {
        found: u32,
        view: Workspace,
    },
    /// Storage cannot be read at all; the app works in memory only.
    Unavailable(StoreError),
}

impl Startup {
    /// Whether saving over the stored workspace is allowed after this start.
    pub fn may_save(&self) -> bool {
        !matches!(
            self,
            Startup::Unreadable { .. } | Startup::TooNew { .. } | Startup::Unavailable(_)
        )
    }
}

/// Reads the stored workspace, moving unreadable data aside.
pub fn load(store: &dyn Store, now: Timestamp) -> Startup {
    let raw = match store.get(WORKSPACE_KEY) {
        Ok(Some(raw)) => raw,
        Ok(None) => return Startup::Empty,
        Err(e) => return Startup::Unavailable(e),
    };
    match file::decode_str(&raw) {
        Ok(decoded) => Startup::Ready(decoded.workspace),
        Err(DecodeError::TooNew { found, .. }) => Startup::TooNew {
            found,
            view: file::decode_newer_for_viewing(&raw)
                .map(|(_, ws)| ws)
                .unwrap_or_default(),
        },
        Err(error) => match quarantine(store, &raw, now) {
            Ok(kept_under) => Startup::Quarantined { kept_under, error },
            Err(why_not_moved) => Startup::Unreadable {
                error,
                why_not_moved,
            },
        },
    }
}

/// Copies `raw` under a fresh quarantine key and only then removes the original.
fn quarantine(store: &dyn Store, raw: &str, now: Timestamp) -> Result<String, StoreError> {
    let stamp = now.format("%Y%m%dT%H%M%S%.3fZ");
    let mut key = format!("{QUARANTINE_PREFIX}{stamp}");
    let mut n = 1;
    while store.get(&key)?.is_some() {
        n += 1;
        key = format!("{QUARANTINE_PREFIX}{stamp}-{n}");
    }
    store.set(&key, raw)?;
    if store.get(&key)?.as_deref() != Some(raw) {
        return Err(StoreError::Other("the copy could not be read back".into()));
    }
    store.remove(WORKSPACE_KEY)?;
    Ok(key)
}

/// Saves the workspace over whatever is stored (but never over data from a newer Runway).
/// On error nothing stored is lost: the old value stays. Returns the bytes written.
pub fn save(store: &dyn Store, ws: &Workspace, now: Timestamp) -> Result<usize, StoreError> {
    save_guarded(store, ws, now, current_revision(store)?)?;
    Ok(store.size(WORKSPACE_KEY)?.unwrap_or(0))
}

/// A fingerprint of stored text: what a tab last read or wrote, to notice another tab's save.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Revision(u64);

impl Revision {
    /// FNV-1a over the text: cheap (about a millisecond per megabyte) and stable.
    pub fn of(text: &str) -> Self {
        let mut h: u64 = 0xcbf2_9ce4_8422_2325;
        for b in text.bytes() {
            h ^= u64::from(b);
            h = h.wrapping_mul(0x0100_0000_01b3);
        }
        Revision(h)
    }

    /// As sixteen hex digits, to store beside the workspace.
    pub fn to_hex(self) -> String {
        format!("{:016x}", self.0)
    }

    pub fn from_hex(text: &str) -> Option<Self> {
        u64::from_str_radix(text.trim(), 16).ok().map(Revision)
    }
}

/// The revision of what is stored now (`None` when nothing is).
pub fn current_revision(store: &dyn Store) -> Result<Option<Revision>, StoreError> {
    store.revision(WORKSPACE_KEY)
}

/// Saves only if the stored workspace is still the one this tab last read or wrote
/// (`last_seen`), so two tabs never silently overwrite each other. Returns the new revision.
pub fn save_guarded(
    store: &dyn Store,
    ws: &Workspace,
    now: Timestamp,
    last_seen: Option<Revision>,
) -> Result<Revision, StoreError> {
    if let Some(found) = stored_schema_version(store)? {
        if found > file::SCHEMA_VERSION {
            return Err(StoreError::NewerData { found });
        }
    }
    if store.revision(WORKSPACE_KEY)? != last_seen {
        return Err(StoreError::ChangedElsewhere);
    }
    let text = file::encode_compact(ws, now);
    store.set(WORKSPACE_KEY, &text)?;
    Ok(store
        .revision(WORKSPACE_KEY)?
        .unwrap_or_else(|| Revision::of(&text)))
}

/// The schema version of the stored workspace when a newer Runway wrote it.
pub fn newer_stored_schema(store: &dyn Store) -> Option<u32> {
    stored_schema_version(store)
        .ok()
        .flatten()
        .filter(|v| *v > file::SCHEMA_VERSION)
}

/// The schema version of the stored workspace, read from its head (Runway writes `format`
/// and `schema_version` first) without parsing a large workspace; falls back to a full parse.
fn stored_schema_version(store: &dyn Store) -> Result<Option<u32>, StoreError> {
    let Some(head) = store.head(WORKSPACE_KEY, 200)? else {
        return Ok(None);
    };
    if let Some(v) = schema_in_head(&head) {
        return Ok(Some(v));
    }
    Ok(store
        .get(WORKSPACE_KEY)?
        .as_deref()
        .and_then(file::peek_schema_version))
}

/// The `schema_version` written near the start of a Runway envelope.
fn schema_in_head(head: &str) -> Option<u32> {
    let marker = "\"schema_version\":";
    if let Some(i) = head.find(marker) {
        let digits: String = head[i + marker.len()..]
            .trim_start()
            .chars()
            .take_while(char::is_ascii_digit)
            .collect();
        if let Ok(v) = digits.parse() {
            return Some(v);
        }
    }
    None
}

/// Keeps `ws` as the backup that "Undo import" restores.
pub fn save_backup(store: &dyn Store, ws: &Workspace, now: Timestamp) -> Result<(), StoreError> {
    store.set(BACKUP_KEY, &file::encode_compact(ws, now))
}

/// The backup kept before the last import, if there is a readable one.
pub fn load_backup(store: &dyn Store) -> Option<Workspace> {
    let raw = store.get(BACKUP_KEY).ok()??;
    file::decode_str(&raw).ok().map(|d| d.workspace)
}

pub fn clear_backup(store: &dyn Store) -> Result<(), StoreError> {
    store.remove(BACKUP_KEY)
}

/// Keys of data kept aside because it could not be read, oldest first.
pub fn quarantined_keys(store: &dyn Store) -> Vec<String> {
    let mut keys: Vec<String> = store
        .keys()
        .unwrap_or_default()
        .into_iter()
        .filter(|k| k.starts_with(QUARANTINE_PREFIX))
        .collect();
    keys.stable_sort();
    keys
}

/// One stored entry and its size, for the Data page.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Usage {
    pub key: String,
    /// Size in bytes of the UTF-8 text.
    pub bytes: usize,
}

/// Runway's entries in the store with their sizes.
pub fn usage(store: &dyn Store) -> Vec<Usage> {
    let mut out: Vec<Usage> = store
        .keys()
        .unwrap_or_default()
        .into_iter()
        .filter(|k| k.starts_with("runway."))
        .filter_map(|key| {
            let bytes = store.size(&key).ok()??;
            Some(Usage { key, bytes })
        })
        .collect();
    out.stable_sort_by(|a, b| a.key.cmp(&b.key));
    out
}
