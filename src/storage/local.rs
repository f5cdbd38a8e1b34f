//! The browser's localStorage as a [`Store`], through gloo-storage's handle on it.

use gloo_storage::{LocalStorage, Storage as _};
use wasm_bindgen::{JsCast, JsValue};

use super::{Store, StoreError};

/// localStorage. Every call goes through `raw()` so a browser that blocks storage gives an
/// error to show, not a panic.
pub struct LocalStore;

fn storage() -> Result<web_sys::Storage, StoreError> {
    // gloo's `raw()` panics when storage is blocked; ask the window first.
    let window = web_sys::window().ok_or_else(|| StoreError::Unavailable("no window".into()))?;
    match window.local_storage() {
        Ok(Some(_)) => Ok(LocalStorage::raw()),
        Ok(None) => Err(StoreError::Unavailable(
            "this browser has no localStorage".into(),
        )),
        Err(e) => Err(StoreError::Unavailable(describe(&e))),
    }
}

pub(super) fn describe(e: &JsValue) -> String {
    if let Some(err) = e.dyn_ref::<js_sys::Error>() {
        return String::from(err.message());
    }
    e.as_string().unwrap_or_else(|| "unknown reason".into())
}

pub(super) fn is_quota(e: &JsValue) -> bool {
    e.dyn_ref::<web_sys::DomException>().is_some_and(|d| {
        d.name() == "QuotaExceededError"
            || d.name() == "NS_ERROR_DOM_QUOTA_REACHED"
            || d.code() == 22
    }) || e
        .dyn_ref::<js_sys::Error>()
        .is_some_and(|err| err.name() == "QuotaExceededError")
}

impl Store for LocalStore {
    fn get(&self, key: &str) -> Result<Option<String>, StoreError> {
        storage()?
            .get_item(key)
            .map_err(|e| StoreError::Other(describe(&e)))
    }

    fn set(&self, key: &str, value: &str) -> Result<(), StoreError> {
        storage()?.set_item(key, value).map_err(|e| {
            if is_quota(&e) {
                StoreError::QuotaExceeded
            } else {
                StoreError::Other(describe(&e))
            }
        })
    }

    fn remove(&self, key: &str) -> Result<(), StoreError> {
        storage()?
            .remove_item(key)
            .map_err(|e| StoreError::Other(describe(&e)))
    }

    fn keys(&self) -> Result<Vec<String>, StoreError> {
        let s = storage()?;
        let n = s.length().map_err(|e| StoreError::Other(describe(&e)))?;
        Ok((0..n).filter_map(|i| s.key(i).ok().flatten()).collect())
    }
}
