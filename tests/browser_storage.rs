//! The localStorage adapter in a real browser: round trips, key listing, a real quota error,
//! and the load/save/quarantine rules running against it.
#![cfg(target_arch = "wasm32")]

use chrono::{NaiveDate, TimeZone, Utc};
use runway::model::Workspace;
use runway::sample::{large_workspace, sample_program};
use runway::storage::{self, local::LocalStore, Startup, Store, StoreError, WORKSPACE_KEY};
use uuid::Uuid;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

fn clear() {
    for key in LocalStore.keys().unwrap() {
        LocalStore.remove(&key).unwrap();
    }
}

fn sample() -> Workspace {
    let mut n = 0u128;
    let today = NaiveDate::from_ymd_opt(2026, 11, 21).unwrap();
    let now = Utc.with_ymd_and_hms(2026, 11, 21, 9, 30, 0).unwrap();
    sample_program(today, now, &mut || {
        n += 1;
        Uuid::from_u128(0x4000_8000_0000_0000_0000 | n)
    })
}

#[wasm_bindgen_test]
fn set_get_remove_round_trip() {
    clear();
    assert_eq!(LocalStore.get("runway.test").unwrap(), None);
    LocalStore.set("runway.test", "héllo ✓").unwrap();
    assert_eq!(
        LocalStore.get("runway.test").unwrap().as_deref(),
        Some("héllo ✓")
    );
    assert_eq!(LocalStore.keys().unwrap(), vec!["runway.test".to_string()]);
    LocalStore.remove("runway.test").unwrap();
    assert_eq!(LocalStore.get("runway.test").unwrap(), None);
}

#[wasm_bindgen_test]
fn a_full_store_reports_quota_exceeded_and_keeps_the_old_value() {
    clear();
    LocalStore.set(WORKSPACE_KEY, "old").unwrap();
    // Chromium gives each origin about 5 million UTF-16 code units; 6 million cannot fit.
    let huge = "x".repeat(6_000_000);
    assert_eq!(
        LocalStore.set(WORKSPACE_KEY, &huge),
        Err(StoreError::QuotaExceeded)
    );
    assert_eq!(
        LocalStore.get(WORKSPACE_KEY).unwrap().as_deref(),
        Some("old")
    );
    clear();
}

#[wasm_bindgen_test]
fn save_then_load_through_local_storage() {
    clear();
    let ws = sample();
    storage::save(&LocalStore, &ws, Utc::now()).unwrap();
    assert_eq!(storage::load(&LocalStore, Utc::now()), Startup::Ready(ws));
    clear();
}

#[wasm_bindgen_test]
fn unreadable_stored_data_is_moved_aside_not_lost() {
    clear();
    LocalStore.set(WORKSPACE_KEY, "{ not json").unwrap();
    let Startup::Quarantined { kept_under, .. } = storage::load(&LocalStore, Utc::now()) else {
        panic!("expected the data to be kept aside");
    };
    assert_eq!(
        LocalStore.get(&kept_under).unwrap().as_deref(),
        Some("{ not json")
    );
    assert_eq!(LocalStore.get(WORKSPACE_KEY).unwrap(), None);
    clear();
}

#[wasm_bindgen_test]
fn a_large_workspace_fits_and_round_trips() {
    clear();
    let today = NaiveDate::from_ymd_opt(2026, 11, 21).unwrap();
    let mut n = 0u128;
    let ws = large_workspace(2000, 100, 1000, today, Utc::now(), &mut || {
        n += 1;
        Uuid::from_u128(n)
    });
    let bytes = storage::save(&LocalStore, &ws, Utc::now()).unwrap();
    assert!(bytes > 500_000, "{bytes}");
    assert_eq!(storage::load(&LocalStore, Utc::now()), Startup::Ready(ws));
    clear();
}
