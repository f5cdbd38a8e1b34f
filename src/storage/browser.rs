//! The browser's storage as one [`Store`]: the workspace, its backup and anything kept aside
//! live in IndexedDB (no 5 MB ceiling; written off the main thread); small settings (whose
//! browser this is, drafts, notes) stay in localStorage, where they can be read at once.
//!
//! IndexedDB is asynchronous and the storage rules ([`super::load`], [`super::save_guarded`])
//! are not, so this tab keeps what it knows of the database in memory:
//!
//! - [`open`] (before the app mounts) reads every entry, and moves entries an earlier Runway
//!   left in localStorage into the database: written, committed and read back before the
//!   localStorage copy is removed, so nothing is lost on the way.
//! - A write changes the tab's view at once and is queued; everything queued in one turn of
//!   the event loop goes into **one** transaction, so a quarantine's "copy, then remove" lands
//!   together or not at all. Values are UTF-8 bytes (`Uint8Array`), copied once.
//! - When a transaction fails (storage full, say) the tab's view goes back to what the
//!   database holds and the listener hears which keys failed and why; when it commits, the
//!   listener hears which keys are saved, and other tabs hear it over a `BroadcastChannel`
//!   and read the new values (what the `storage` event did for localStorage).
//!
//! Where IndexedDB cannot be opened (blocked, some private modes) the store is localStorage
//! alone, as before.

use std::cell::RefCell;
use std::collections::BTreeMap;
use std::rc::Rc;

use idb::{Database, Factory, ObjectStoreParams, TransactionMode};
use js_sys::{Array, Uint8Array};
use wasm_bindgen::{closure::Closure, JsCast, JsValue};

use super::local::{describe, is_quota, LocalStore};
use super::{Revision, Store, StoreError, BACKUP_KEY, QUARANTINE_PREFIX, WORKSPACE_KEY};

const DB_NAME: &str = "runway";
const DB_VERSION: u32 = 1;
const KV: &str = "kv";
const CHANNEL: &str = "runway.storage";
/// Beside the workspace in the database: the revision of the workspace stored, written in the
/// same transaction. A tab writes the workspace only if this is still the revision it last
/// knew, checked inside its write transaction, so two tabs never write over each other even
/// before the other's notice arrives.
const REVISION_KEY: &str = "runway.meta.workspace-revision";

/// Whether `key` lives in IndexedDB (large values) rather than localStorage.
pub fn in_database(key: &str) -> bool {
    key == WORKSPACE_KEY || key == BACKUP_KEY || key.starts_with(QUARANTINE_PREFIX)
}

#[derive(Clone)]
struct Value {
    text: Rc<str>,
    revision: Revision,
}

impl Value {
    fn new(text: Rc<str>) -> Self {
        let revision = Revision::of(&text);
        Value { text, revision }
    }
}

/// One queued change: a key's new value (`None`: removed) and, for the workspace, the
/// revision it replaces as this tab saw it (what the write's guard expects to find).
#[derive(Clone)]
struct Op {
    key: String,
    value: Option<Value>,
    base: Option<Revision>,
}

impl Op {
    fn put(key: &str, value: Value) -> Self {
        Op {
            key: key.to_string(),
            value: Some(value),
            base: None,
        }
    }
}

/// What a finished write reports to the app.
#[derive(Clone, Debug)]
pub enum Written {
    Saved(Vec<String>),
    Failed(Vec<String>, StoreError),
}

type WrittenFn = Rc<dyn Fn(&Written)>;
type OutsideFn = Rc<dyn Fn(&str, Option<String>)>;

struct Db {
    /// The connection (web-sys's handle can be cloned; idb's wrapper is made from it).
    db: web_sys::IdbDatabase,
    /// What this tab sees: the database plus this tab's writes not yet committed.
    view: BTreeMap<String, Value>,
    /// What the database holds, as far as this tab knows.
    committed: BTreeMap<String, Value>,
    queue: Vec<Op>,
    /// Keys of the transaction being written.
    in_flight: Vec<String>,
    writing: bool,
    channel: Option<web_sys::BroadcastChannel>,
}

thread_local! {
    static DB: RefCell<Option<Db>> = const { RefCell::new(None) };
    static ON_WRITTEN: RefCell<Option<WrittenFn>> = const { RefCell::new(None) };
    static ON_OUTSIDE: RefCell<Option<OutsideFn>> = const { RefCell::new(None) };
    /// Why the database is not used, when it is not.
    static WHY_NOT: RefCell<Option<String>> = const { RefCell::new(None) };
}

/// The browser's storage. Cheap to name anywhere: the state lives in this module.
pub struct BrowserStore;

fn idb_error(e: idb::Error) -> StoreError {
    StoreError::Other(e.to_string())
}

fn text_of(value: &JsValue) -> Option<String> {
    if let Some(s) = value.as_string() {
        return Some(s);
    }
    let bytes = value.dyn_ref::<Uint8Array>()?.to_vec();
    Some(match String::from_utf8(bytes) {
        Ok(s) => s,
        Err(e) => String::from_utf8_lossy(e.as_bytes()).into_owned(),
    })
}

fn bytes_of(text: &str) -> JsValue {
    Uint8Array::from(text.as_bytes()).into()
}

async fn open_database() -> Result<Database, StoreError> {
    let factory = Factory::new().map_err(|e| StoreError::Unavailable(e.to_string()))?;
    let mut request = factory
        .open(DB_NAME, Some(DB_VERSION))
        .map_err(|e| StoreError::Unavailable(e.to_string()))?;
    request.on_upgrade_needed(|event| {
        use idb::DatabaseEvent as _;
        if let Ok(db) = event.database() {
            if !db.store_names().iter().any(|n| n == KV) {
                db.create_object_store(KV, ObjectStoreParams::new()).ok();
            }
        }
    });
    request
        .await
        .map_err(|e| StoreError::Unavailable(e.to_string()))
}

async fn read_all(db: &Database) -> Result<BTreeMap<String, Value>, StoreError> {
    let tx = db
        .transaction(&[KV], TransactionMode::ReadOnly)
        .map_err(idb_error)?;
    let store = tx.object_store(KV).map_err(idb_error)?;
    let keys = store
        .get_all_keys(None, None)
        .map_err(idb_error)?
        .await
        .map_err(idb_error)?;
    let values = store
        .get_all(None, None)
        .map_err(idb_error)?
        .await
        .map_err(idb_error)?;
    Ok(keys
        .iter()
        .zip(values.iter())
        .filter_map(|(k, v)| Some((k.as_string()?, v)))
        .filter(|(k, _)| in_database(k))
        .filter_map(|(k, v)| Some((k, Value::new(text_of(v)?.into()))))
        .collect())
}

async fn read_one(db: &Database, key: &str) -> Result<Option<String>, StoreError> {
    let tx = db
        .transaction(&[KV], TransactionMode::ReadOnly)
        .map_err(idb_error)?;
    let store = tx.object_store(KV).map_err(idb_error)?;
    let value = store
        .get(JsValue::from_str(key))
        .map_err(idb_error)?
        .await
        .map_err(idb_error)?;
    Ok(value.as_ref().and_then(text_of))
}

/// Writes `ops` in one transaction; `Ok` once it is committed. With `guard`, the workspace
/// is written only if the database still holds the revision given (`None`: no workspace).
///
/// Every request is issued at once, in this turn of the event loop, so a write started as the
/// page goes away (`pagehide`) is complete on the database's side: the guard's read comes
/// first in the transaction and, when it finds another tab's mark, aborts the whole of it.
async fn write(
    db: &Database,
    ops: &[Op],
    guard: Option<Option<Revision>>,
) -> Result<(), StoreError> {
    // The workspace this transaction leaves, if it writes one: finding it already stored (a
    // copy kept as a page went away and finished by another tab) is no conflict.
    let landing = ops
        .iter()
        .rev()
        .find(|o| o.key == WORKSPACE_KEY)
        .and_then(|o| o.value.as_ref().map(|v| v.revision));
    let tx = db
        .transaction(&[KV], TransactionMode::ReadWrite)
        .map_err(idb_error)?;
    let raw: web_sys::IdbTransaction = tx.into();
    // Requests go through web-sys's own handle, so a refusal (storage full) is told apart.
    let kv = raw
        .object_store(KV)
        .map_err(|e| StoreError::Other(describe(&e)))?;
    let mark = JsValue::from_str(REVISION_KEY);
    let overtaken = Rc::new(std::cell::Cell::new(false));
    // The transaction's end, as a promise whose handlers are JS functions (resolve, reject)
    // rather than Rust closures that could be gone before the browser's last event about it;
    // awaited on every path below, so its rejection is never left unhandled.
    let done =
        wasm_bindgen_futures::JsFuture::from(js_sys::Promise::new(&mut |resolve, reject| {
            raw.set_oncomplete(Some(&resolve));
            raw.set_onabort(Some(&reject));
        }));
    // The first refusal of a request (storage full, say): the transaction is aborted.
    let mut refusal: Option<StoreError> = None;
    let mut refuse = |e: JsValue| {
        if refusal.is_none() {
            raw.abort().ok();
            refusal = Some(if is_quota(&e) {
                StoreError::QuotaExceeded
            } else {
                StoreError::Other(describe(&e))
            });
        }
    };
    if let Some(expected) = guard {
        match kv.get(&mark) {
            Ok(request) => {
                let (seen, flag, tx) = (request.clone(), overtaken.clone(), raw.clone());
                // Freed once called; a transaction that ends before its read keeps this one
                // small closure.
                let check = Closure::once_into_js(move || {
                    let found = seen
                        .result()
                        .ok()
                        .and_then(|v| v.as_string())
                        .and_then(|t| Revision::from_hex(&t));
                    // Every write of the workspace writes its mark: no mark, no workspace.
                    if found != expected && (landing.is_none() || found != landing) {
                        flag.set(true);
                        tx.abort().ok();
                    }
                });
                request.set_onsuccess(Some(check.unchecked_ref()));
            }
            Err(e) => refuse(e),
        }
    }
    for Op { key, value, .. } in ops {
        let is_workspace = key == WORKSPACE_KEY;
        let key = JsValue::from_str(key);
        let issued = match value {
            Some(v) => kv.put_with_key(&bytes_of(&v.text), &key).and_then(|_| {
                if is_workspace {
                    let rev = JsValue::from_str(&v.revision.to_hex());
                    kv.put_with_key(&rev, &mark).map(drop)
                } else {
                    Ok(())
                }
            }),
            None => kv.delete(&key).and_then(|_| {
                if is_workspace {
                    kv.delete(&mark).map(drop)
                } else {
                    Ok(())
                }
            }),
        };
        if let Err(e) = issued {
            refuse(e);
            break;
        }
    }
    let ended = done.await;
    if let Some(e) = refusal {
        return Err(e);
    }
    match ended {
        Ok(_) => Ok(()),
        Err(_) if overtaken.get() => Err(StoreError::ChangedElsewhere),
        Err(_) => Err(match raw.error() {
            Some(e) if e.name() == "QuotaExceededError" => StoreError::QuotaExceeded,
            Some(e) => StoreError::Other(e.message()),
            None => StoreError::Other("the browser did not finish the write".into()),
        }),
    }
}

/// What [`open`] did.
#[derive(Clone, Debug, Default)]
pub struct Opened {
    /// Keys moved from localStorage into IndexedDB on this start.
    pub moved: Vec<String>,
    /// Keys that were in both, with different values: the localStorage one is kept aside.
    pub kept_aside: Vec<String>,
}

/// Opens the database and reads it into memory, moving what an earlier Runway stored in
/// localStorage over first. Call once, before the app starts; without IndexedDB the store
/// stays localStorage alone (see [`why_not_database`]).
pub async fn open(now: crate::model::Timestamp) -> Opened {
    let mut opened = Opened::default();
    let db = match open_database().await {
        Ok(db) => db,
        Err(e) => {
            WHY_NOT.with(|w| *w.borrow_mut() = Some(e.to_string()));
            return opened;
        }
    };
    let mut committed = match read_all(&db).await {
        Ok(all) => all,
        Err(e) => {
            WHY_NOT.with(|w| *w.borrow_mut() = Some(e.to_string()));
            return opened;
        }
    };
    // Move localStorage entries over: write, commit, read back, and only then remove.
    let legacy: Vec<(String, String)> = LocalStore
        .keys()
        .unwrap_or_default()
        .into_iter()
        .filter(|k| in_database(k))
        .filter_map(|k| Some((k.clone(), LocalStore.get(&k).ok()??)))
        .collect();
    if !legacy.is_empty() {
        let stamp = now.format("%Y%m%dT%H%M%S%.3fZ");
        let mut ops = Vec::new();
        for (key, text) in &legacy {
            match committed.get(key) {
                None => ops.push(Op::put(key, Value::new(text.as_str().into()))),
                Some(v) if &*v.text == text.as_str() => {}
                Some(_) => {
                    let aside = format!("{QUARANTINE_PREFIX}{stamp}-from-{key}");
                    opened.kept_aside.push(aside.clone());
                    ops.push(Op::put(&aside, Value::new(text.as_str().into())));
                }
            }
        }
        let written = if ops.is_empty() {
            Ok(())
        } else {
            write(&db, &ops, None).await
        };
        if let Err(e) = written {
            // The database cannot take the old data: keep using localStorage this time.
            WHY_NOT.with(|w| {
                *w.borrow_mut() = Some(format!("moving the data from localStorage failed ({e})"))
            });
            return Opened::default();
        }
        for Op { key, value, .. } in &ops {
            let back = read_one(&db, key).await.ok().flatten();
            if back.as_deref() != value.as_ref().map(|v| &*v.text) {
                WHY_NOT.with(|w| {
                    *w.borrow_mut() = Some("the moved data could not be read back".into())
                });
                return Opened::default();
            }
            if let Some(v) = value {
                committed.insert(key.clone(), v.clone());
            }
        }
        for (key, _) in &legacy {
            // A copy that cannot be removed now is found equal next time and removed then.
            if LocalStore.remove(key).is_ok() {
                opened.moved.push(key.clone());
            }
        }
    }
    finish_unsaved(&db, &mut committed, now).await;
    let channel = web_sys::BroadcastChannel::new(CHANNEL).ok();
    if let Some(ch) = &channel {
        let on_message =
            Closure::<dyn Fn(web_sys::MessageEvent)>::new(|ev: web_sys::MessageEvent| {
                let keys: Vec<String> = Array::from(&ev.data())
                    .iter()
                    .filter_map(|k| k.as_string())
                    .collect();
                wasm_bindgen_futures::spawn_local(take_outside(keys));
            });
        ch.set_onmessage(Some(on_message.as_ref().unchecked_ref()));
        on_message.forget();
    }
    DB.with(|d| {
        *d.borrow_mut() = Some(Db {
            db: db.into(),
            view: committed.clone(),
            committed,
            queue: Vec::new(),
            in_flight: Vec::new(),
            writing: false,
            channel,
        })
    });
    opened
}

/// The workspace a tab was still writing when its page went away, kept in localStorage (which
/// writes at once) by [`keep_unsaved`] with the revision it replaces.
const UNSAVED_KEY: &str = "runway.unsaved";
const UNSAVED_BASE_KEY: &str = "runway.unsaved.base";

/// As the page goes away (`pagehide`, hidden): if the workspace's write has not committed yet,
/// copies it into localStorage now, so a reload or a closed tab cannot lose the last change.
/// The next [`open`] finishes it. Best effort: a workspace too large for localStorage relies
/// on the database finishing the write it was given.
///
/// `false` when a change is waiting and no copy could be kept (too large): the page should
/// ask before it goes.
pub fn keep_unsaved() -> bool {
    DB.with(|d| {
        let d = d.borrow();
        let Some(d) = d.as_ref() else {
            return true;
        };
        let Some(v) = d.view.get(WORKSPACE_KEY) else {
            return true;
        };
        let base = d.committed.get(WORKSPACE_KEY).map(|c| c.revision);
        if base == Some(v.revision) {
            return true;
        }
        let base = format!(
            "{}/{}",
            base.map(Revision::to_hex).unwrap_or_default(),
            v.revision.to_hex()
        );
        if LocalStore.set(UNSAVED_BASE_KEY, &base).is_err()
            || LocalStore.set(UNSAVED_KEY, &v.text).is_err()
        {
            LocalStore.remove(UNSAVED_KEY).ok();
            LocalStore.remove(UNSAVED_BASE_KEY).ok();
            return false;
        }
        true
    })
}

/// Finishes a write [`keep_unsaved`] kept: written if the database still holds what it
/// replaces, kept aside (never lost) if another tab saved since, dropped if it had landed.
async fn finish_unsaved(
    db: &Database,
    committed: &mut BTreeMap<String, Value>,
    now: crate::model::Timestamp,
) -> bool {
    let Some(text) = LocalStore.get(UNSAVED_KEY).ok().flatten() else {
        LocalStore.remove(UNSAVED_BASE_KEY).ok();
        return false;
    };
    let base = LocalStore
        .get(UNSAVED_BASE_KEY)
        .ok()
        .flatten()
        .unwrap_or_default();
    let base = base.split('/').next().unwrap_or_default();
    let value = Value::new(text.into());
    let stored = committed.get(WORKSPACE_KEY).map(|v| v.revision);
    let stamp = now.format("%Y%m%dT%H%M%S%.3fZ");
    let aside = format!("{QUARANTINE_PREFIX}{stamp}-unsaved");
    let mut wrote_workspace = false;
    if stored != Some(value.revision) {
        let mut key = aside.clone();
        if stored.map(Revision::to_hex).unwrap_or_default() == base {
            // Written only if the database still holds what was read: otherwise kept aside.
            let mut op = Op::put(WORKSPACE_KEY, value.clone());
            op.base = stored;
            match write(db, &[op], Some(stored)).await {
                Ok(()) => {
                    key = WORKSPACE_KEY.to_string();
                    wrote_workspace = true;
                }
                Err(StoreError::ChangedElsewhere) => {}
                Err(_) => return false, // kept in localStorage; tried again next time
            }
        }
        if !wrote_workspace
            && write(db, &[Op::put(&aside, value.clone())], None)
                .await
                .is_err()
        {
            return false;
        }
        if read_one(db, &key).await.ok().flatten().as_deref() != Some(&*value.text) {
            return false;
        }
        committed.insert(key, value);
    }
    LocalStore.remove(UNSAVED_KEY).ok();
    LocalStore.remove(UNSAVED_BASE_KEY).ok();
    wrote_workspace
}

/// Another tab kept its last change with [`keep_unsaved`] as it closed (heard through the
/// `storage` event of [`UNSAVED_KEY`]): this tab finishes that write now, and takes it in
/// like any other tab's save, rather than leave it for the next start.
pub async fn adopt_unsaved(now: crate::model::Timestamp) {
    let Some(db) = DB.with(|d| d.borrow().as_ref().map(|d| Database::from(d.db.clone()))) else {
        return;
    };
    // What the database holds now: the closing tab's own write may have landed after all.
    let mut held = BTreeMap::new();
    if let Ok(Some(t)) = read_one(&db, WORKSPACE_KEY).await {
        held.insert(WORKSPACE_KEY.to_string(), Value::new(t.into()));
    }
    let wrote = finish_unsaved(&db, &mut held, now).await;
    // Written now, or written by the closing tab itself before it could say so.
    let known = DB.with(|d| {
        d.borrow()
            .as_ref()
            .and_then(|d| d.committed.get(WORKSPACE_KEY).map(|v| v.revision))
    });
    let stored = held.get(WORKSPACE_KEY).map(|v| v.revision);
    if !wrote && stored == known {
        return;
    }
    if let Some(ch) = DB.with(|d| d.borrow().as_ref().and_then(|d| d.channel.clone())) {
        let list: Array = std::iter::once(JsValue::from_str(WORKSPACE_KEY)).collect();
        ch.post_message(&list).ok();
    }
    take_outside(vec![WORKSPACE_KEY.to_string()]).await;
}

/// Whether a `storage` event's key is another tab's last change kept as it closed.
pub fn is_unsaved_key(key: &str) -> bool {
    key == UNSAVED_KEY
}

/// Another tab committed `keys`: read them, update this tab's knowledge, tell the app.
async fn take_outside(keys: Vec<String>) {
    let Some(db) = DB.with(|d| d.borrow().as_ref().map(|d| Database::from(d.db.clone()))) else {
        return;
    };
    for key in keys {
        let Ok(text) = read_one(&db, &key).await else {
            continue;
        };
        DB.with(|d| {
            if let Some(d) = d.borrow_mut().as_mut() {
                let pending = d.queue.iter().any(|o| o.key == key) || d.in_flight.contains(&key);
                match &text {
                    Some(t) => {
                        let v = Value::new(t.as_str().into());
                        d.committed.insert(key.clone(), v.clone());
                        if !pending {
                            d.view.insert(key.clone(), v);
                        }
                    }
                    None => {
                        d.committed.remove(&key);
                        if !pending {
                            d.view.remove(&key);
                        }
                    }
                }
            }
        });
        if let Some(f) = ON_OUTSIDE.with(|f| f.borrow().clone()) {
            f(&key, text);
        }
    }
}

/// Why the workspace is in localStorage rather than IndexedDB, if it is.
pub fn why_not_database() -> Option<String> {
    WHY_NOT.with(|w| w.borrow().clone())
}

/// Whether the database is in use.
pub fn uses_database() -> bool {
    DB.with(|d| d.borrow().is_some())
}

/// Whether this tab has handed the database a workspace it has not committed yet.
pub fn workspace_pending() -> bool {
    DB.with(|d| {
        d.borrow().as_ref().is_some_and(|d| {
            d.view.get(WORKSPACE_KEY).map(|v| v.revision)
                != d.committed.get(WORKSPACE_KEY).map(|v| v.revision)
        })
    })
}

/// Hears every finished write (saved or failed) with the keys it carried.
pub fn on_written(f: impl Fn(&Written) + 'static) {
    ON_WRITTEN.with(|w| *w.borrow_mut() = Some(Rc::new(f)));
}

/// Hears another tab's committed change of a key (and its new value, `None` if removed).
pub fn on_outside_change(f: impl Fn(&str, Option<String>) + 'static) {
    ON_OUTSIDE.with(|w| *w.borrow_mut() = Some(Rc::new(f)));
}

fn queue(key: &str, value: Option<Value>) {
    let start = DB.with(|d| {
        let mut d = d.borrow_mut();
        let d = d.as_mut()?;
        let base = d.view.get(key).map(|v| v.revision);
        match &value {
            Some(v) => d.view.insert(key.to_string(), v.clone()),
            None => d.view.remove(key),
        };
        d.queue.push(Op {
            key: key.to_string(),
            value,
            base,
        });
        if d.writing {
            None
        } else {
            d.writing = true;
            Some(Database::from(d.db.clone()))
        }
    });
    if let Some(db) = start {
        wasm_bindgen_futures::spawn_local(drain(db));
    }
}

/// The backup goes in a transaction of its own: a workspace save refused (by the guard, or
/// for space) never takes "Undo import"'s copy with it, nor the other way round.
fn batch_of(key: &str) -> u8 {
    u8::from(key == BACKUP_KEY)
}

/// Writes what is queued, one transaction per turn, until nothing is.
async fn drain(db: Database) {
    loop {
        let ops: Vec<Op> = DB.with(|d| {
            let mut d = d.borrow_mut();
            let Some(d) = d.as_mut() else {
                return Vec::new();
            };
            let Some(first) = d.queue.first().map(|o| batch_of(&o.key)) else {
                return Vec::new();
            };
            let n = d
                .queue
                .iter()
                .take_while(|o| batch_of(&o.key) == first)
                .count();
            let ops: Vec<Op> = d.queue.drain(..n).collect();
            d.in_flight = ops.iter().map(|o| o.key.clone()).collect();
            ops
        });
        if ops.is_empty() {
            DB.with(|d| {
                if let Some(d) = d.borrow_mut().as_mut() {
                    d.writing = false;
                }
            });
            return;
        }
        let mut keys: Vec<String> = ops.iter().map(|o| o.key.clone()).collect();
        keys.sort();
        keys.dedup();
        // What this tab's first write of the workspace in the batch replaced, as it saw it.
        let guard = ops.iter().find(|o| o.key == WORKSPACE_KEY).map(|o| o.base);
        let result = write(&db, &ops, guard).await;
        if result == Err(StoreError::ChangedElsewhere) {
            // Learn what the other tab stored, so "load the other tab's version" finds it.
            if let Ok(text) = read_one(&db, WORKSPACE_KEY).await {
                DB.with(|d| {
                    if let Some(d) = d.borrow_mut().as_mut() {
                        match text {
                            Some(t) => {
                                d.committed
                                    .insert(WORKSPACE_KEY.into(), Value::new(t.as_str().into()));
                            }
                            None => {
                                d.committed.remove(WORKSPACE_KEY);
                            }
                        }
                    }
                });
            }
        }
        let report = DB.with(|d| {
            let mut d = d.borrow_mut();
            let d = d.as_mut()?;
            d.in_flight.clear();
            match &result {
                Ok(()) => {
                    let landed = ops.iter().rev().find(|o| o.key == WORKSPACE_KEY);
                    if let Some(Op { value: Some(v), .. }) = landed {
                        // A copy kept as the page went away has landed now.
                        let kept = LocalStore.get(UNSAVED_BASE_KEY).ok().flatten();
                        if kept.is_some_and(|k| k.ends_with(&v.revision.to_hex())) {
                            LocalStore.remove(UNSAVED_KEY).ok();
                            LocalStore.remove(UNSAVED_BASE_KEY).ok();
                        }
                    }
                    for Op { key, value, .. } in &ops {
                        match value {
                            Some(v) => d.committed.insert(key.clone(), v.clone()),
                            None => d.committed.remove(key),
                        };
                    }
                    if let Some(ch) = &d.channel {
                        let list: Array = keys.iter().map(|k| JsValue::from_str(k)).collect();
                        ch.post_message(&list).ok();
                    }
                    Some(Written::Saved(keys.clone()))
                }
                Err(e) => {
                    // Nothing of this transaction landed: show what the database holds,
                    // except where a later write is already queued.
                    for key in &keys {
                        if d.queue.iter().any(|o| o.key == *key) {
                            continue;
                        }
                        match d.committed.get(key) {
                            Some(v) => d.view.insert(key.clone(), v.clone()),
                            None => d.view.remove(key),
                        };
                    }
                    Some(Written::Failed(keys.clone(), e.clone()))
                }
            }
        });
        // Done when nothing more was queued meanwhile: say so before the report, so the
        // listener sees that no write is left.
        let done = DB.with(|d| {
            let mut d = d.borrow_mut();
            match d.as_mut() {
                Some(d) if d.queue.is_empty() => {
                    d.writing = false;
                    true
                }
                Some(_) => false,
                None => true,
            }
        });
        if let (Some(report), Some(f)) = (report, ON_WRITTEN.with(|f| f.borrow().clone())) {
            f(&report);
        }
        if done {
            return;
        }
    }
}

/// `f` of the value this tab sees under `key`, when the key lives in the database and the
/// database is in use (`None`: ask localStorage).
fn viewed<R>(key: &str, f: impl FnOnce(&Value) -> R) -> Option<Option<R>> {
    if !in_database(key) {
        return None;
    }
    DB.with(|d| d.borrow().as_ref().map(|d| d.view.get(key).map(f)))
}

impl Store for BrowserStore {
    fn get(&self, key: &str) -> Result<Option<String>, StoreError> {
        match viewed(key, |v| v.text.to_string()) {
            Some(found) => Ok(found),
            None => LocalStore.get(key),
        }
    }

    fn set(&self, key: &str, value: &str) -> Result<(), StoreError> {
        if in_database(key) && uses_database() {
            queue(key, Some(Value::new(value.into())));
            return Ok(());
        }
        LocalStore.set(key, value)
    }

    fn remove(&self, key: &str) -> Result<(), StoreError> {
        if in_database(key) && uses_database() {
            queue(key, None);
            return Ok(());
        }
        LocalStore.remove(key)
    }

    fn keys(&self) -> Result<Vec<String>, StoreError> {
        let mut keys = LocalStore.keys()?;
        DB.with(|d| {
            if let Some(d) = d.borrow().as_ref() {
                keys.retain(|k| !in_database(k));
                keys.extend(d.view.keys().cloned());
            }
        });
        Ok(keys)
    }

    fn revision(&self, key: &str) -> Result<Option<Revision>, StoreError> {
        match viewed(key, |v| v.revision) {
            Some(found) => Ok(found),
            None => LocalStore.revision(key),
        }
    }

    fn head(&self, key: &str, n: usize) -> Result<Option<String>, StoreError> {
        match viewed(key, |v| super::head_of(&v.text, n).to_string()) {
            Some(found) => Ok(found),
            None => LocalStore.head(key, n),
        }
    }

    fn size(&self, key: &str) -> Result<Option<usize>, StoreError> {
        match viewed(key, |v| v.text.len()) {
            Some(found) => Ok(found),
            None => LocalStore.size(key),
        }
    }
}
