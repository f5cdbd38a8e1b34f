use std::cell::{Cell, RefCell};
use std::collections::BTreeMap;

use super::{Store, StoreError};

/// An in-memory [`Store`] for tests, with an optional size limit to act out a full disk.
#[derive(Default)]
pub struct MemoryStore {
    items: RefCell<BTreeMap<String, String>>,
    /// Total bytes (keys + values) the store accepts; `None` for no limit.
    pub limit: Cell<Option<usize>>,
}

impl MemoryStore {
    pub fn new() -> Self {
        Self::default()
    }

    pub fn with_limit(limit: usize) -> Self {
        let s = Self::default();
        s.limit.set(Some(limit));
        s
    }

    fn used_without(&self, key: &str) -> usize {
        self.items
            .borrow()
            .iter()
            .filter(|(k, _)| k.as_str() != key)
            .map(|(k, v)| k.len() + v.len())
            .sum()
    }
}

impl Store for MemoryStore {
    fn get(&self, key: &str) -> Result<Option<String>, StoreError> {
        Ok(self.items.borrow().get(key).cloned())
    }

    fn set(&self, key: &str, value: &str) -> Result<(), StoreError> {
        if let Some(limit) = self.limit.get() {
            if self.used_without(key) + key.len() + value.len() > limit {
                return Err(StoreError::QuotaExceeded);
            }
        }
        self.items
            .borrow_mut()
            .insert(key.to_string(), value.to_string());
        Ok(())
    }

    fn remove(&self, key: &str) -> Result<(), StoreError> {
        self.items.borrow_mut().remove(key);
        Ok(())
    }

    fn keys(&self) -> Result<Vec<String>, StoreError> {
        Ok(self.items.borrow().keys().cloned().collect())
    }
}
