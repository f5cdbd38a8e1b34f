//! Loading and saving never lose data: unreadable data is kept aside, newer data is never
//! written over, a failed save leaves the old value in place.

use crate::common::{at, sample};
use runway::file::{self, DecodeError, SCHEMA_VERSION};
use runway::model::Workspace;
use runway::storage::{self, MemoryStore, Startup, Store, StoreError, BACKUP_KEY, WORKSPACE_KEY};

#[test]
fn nothing_stored_starts_empty() {
    assert_eq!(
        storage::load(&MemoryStore::new(), at(2026, 11, 21)),
        Startup::Empty
    );
}

#[test]
fn saved_workspace_loads_back() {
    let store = MemoryStore::new();
    let ws = sample();
    let bytes = storage::save(&store, &ws, at(2026, 11, 21)).unwrap();
    assert_eq!(bytes, store.get(WORKSPACE_KEY).unwrap().unwrap().len());
    assert_eq!(storage::load(&store, at(2026, 11, 22)), Startup::Ready(ws));
}

#[test]
fn unreadable_data_is_kept_aside_and_the_app_starts_empty() {
    let store = MemoryStore::new();
    let garbage =
        "{\"format\":\"runway-workspace\",\"schema_version\":1,\"workspace\":{\"organisation\":";
    store.set(WORKSPACE_KEY, garbage).unwrap();
    let Startup::Quarantined { kept_under, error } = storage::load(&store, at(2026, 11, 21)) else {
        panic!("expected quarantine")
    };
    assert_eq!(error, DecodeError::Truncated);
    assert!(kept_under.starts_with(storage::QUARANTINE_PREFIX));
    assert_eq!(
        store.get(&kept_under).unwrap().as_deref(),
        Some(garbage),
        "kept byte for byte"
    );
    assert_eq!(store.get(WORKSPACE_KEY).unwrap(), None);
    assert_eq!(storage::quarantined_keys(&store), vec![kept_under.clone()]);

    // A second bad value on the same instant gets its own key; the first is not written over.
    store.set(WORKSPACE_KEY, "also bad").unwrap();
    let Startup::Quarantined {
        kept_under: second, ..
    } = storage::load(&store, at(2026, 11, 21))
    else {
        panic!()
    };
    assert_ne!(second, kept_under);
    assert_eq!(store.get(&kept_under).unwrap().as_deref(), Some(garbage));
    assert_eq!(storage::quarantined_keys(&store).len(), 2);
}

#[test]
fn unreadable_data_that_cannot_be_moved_stays_and_blocks_saving() {
    let garbage = "not json at all";
    let store = MemoryStore::with_limit(WORKSPACE_KEY.len() + garbage.len() + 5);
    store.set(WORKSPACE_KEY, garbage).unwrap();
    let start = storage::load(&store, at(2026, 11, 21));
    assert!(
        matches!(
            start,
            Startup::Unreadable {
                why_not_moved: StoreError::QuotaExceeded,
                ..
            }
        ),
        "{start:?}"
    );
    assert!(!start.may_save());
    assert_eq!(store.get(WORKSPACE_KEY).unwrap().as_deref(), Some(garbage));
}

#[test]
fn newer_data_opens_read_only_and_untouched() {
    let store = MemoryStore::new();
    let mut v: serde_json::Value =
        serde_json::from_str(&file::encode_compact(&sample(), at(2026, 11, 21))).unwrap();
    v["schema_version"] = (SCHEMA_VERSION + 1).into();
    v["workspace"]["a_future_field"] = serde_json::json!({"x": 1});
    let text = v.to_string();
    store.set(WORKSPACE_KEY, &text).unwrap();
    let start = storage::load(&store, at(2026, 11, 21));
    let Startup::TooNew { found, view } = &start else {
        panic!("{start:?}")
    };
    assert_eq!(*found, SCHEMA_VERSION + 1);
    assert_eq!(
        view.people.len(),
        sample().people.len(),
        "what this version understands is shown"
    );
    assert!(!start.may_save());
    assert_eq!(
        store.get(WORKSPACE_KEY).unwrap().as_deref(),
        Some(text.as_str())
    );
    assert!(storage::quarantined_keys(&store).is_empty());
}

#[test]
fn a_failed_save_keeps_the_previous_value() {
    let store = MemoryStore::new();
    let small = Workspace {
        organisation: "Small".into(),
        ..Workspace::default()
    };
    storage::save(&store, &small, at(2026, 11, 21)).unwrap();
    let before = store.get(WORKSPACE_KEY).unwrap();
    store.limit.set(Some(
        before.as_ref().unwrap().len() + WORKSPACE_KEY.len() + 10,
    ));
    assert_eq!(
        storage::save(&store, &sample(), at(2026, 11, 21)),
        Err(StoreError::QuotaExceeded)
    );
    assert_eq!(store.get(WORKSPACE_KEY).unwrap(), before);
}

#[test]
fn backup_round_trips_and_clears() {
    let store = MemoryStore::new();
    assert_eq!(storage::load_backup(&store), None);
    storage::save_backup(&store, &sample(), at(2026, 11, 21)).unwrap();
    assert_eq!(storage::load_backup(&store), Some(sample()));
    storage::clear_backup(&store).unwrap();
    assert_eq!(store.get(BACKUP_KEY).unwrap(), None);
}

#[test]
fn usage_lists_runway_keys_with_sizes() {
    let store = MemoryStore::new();
    store.set("someone.else", "x").unwrap();
    storage::save(&store, &sample(), at(2026, 11, 21)).unwrap();
    storage::save_backup(&store, &Workspace::default(), at(2026, 11, 21)).unwrap();
    let usage = storage::usage(&store);
    let keys: Vec<&str> = usage.iter().map(|u| u.key.as_str()).collect();
    assert_eq!(keys, vec![BACKUP_KEY, WORKSPACE_KEY]);
    assert_eq!(
        usage[1].bytes,
        store.get(WORKSPACE_KEY).unwrap().unwrap().len()
    );
}

#[test]
fn saving_never_writes_over_data_from_a_newer_version() {
    let store = MemoryStore::new();
    storage::save(&store, &sample(), at(2026, 11, 21)).unwrap();
    // Another tab running a newer Runway writes schema N+1 (pretty or compact).
    for newer in [
        format!("{{\"format\":\"runway-workspace\",\"schema_version\":{},\"workspace\":{{}}}}", SCHEMA_VERSION + 1),
        format!("{{\n  \"format\": \"runway-workspace\",\n  \"schema_version\": {},\n  \"workspace\": {{}}\n}}", SCHEMA_VERSION + 1),
    ] {
        store.set(WORKSPACE_KEY, &newer).unwrap();
        assert_eq!(
            storage::save(&store, &sample(), at(2026, 11, 22)),
            Err(StoreError::NewerData { found: SCHEMA_VERSION + 1 })
        );
        assert_eq!(store.get(WORKSPACE_KEY).unwrap().as_deref(), Some(newer.as_str()));
    }
    // Unreadable or same-version data is written over as usual (it was loaded or kept aside).
    store.set(WORKSPACE_KEY, "garbage").unwrap();
    assert!(storage::save(&store, &sample(), at(2026, 11, 22)).is_ok());
}

#[test]
fn a_guarded_save_never_writes_over_another_tabs_save() {
    use runway::storage::{current_revision, save_guarded, Revision};
    let store = MemoryStore::new();
    // Tab A starts on an empty store and saves.
    let a_rev = save_guarded(&store, &sample(), at(2026, 11, 21), None).unwrap();
    assert_eq!(current_revision(&store).unwrap(), Some(a_rev));
    // Tab B loads what A wrote, then saves its own change.
    let b_seen = current_revision(&store).unwrap();
    let mut b_ws = sample();
    b_ws.organisation = "Changed in B".into();
    let b_rev = save_guarded(&store, &b_ws, at(2026, 11, 21), b_seen).unwrap();
    // A, still holding its old revision, must not write over B's change.
    let before = store.get(WORKSPACE_KEY).unwrap();
    assert_eq!(
        save_guarded(&store, &sample(), at(2026, 11, 22), Some(a_rev)),
        Err(StoreError::ChangedElsewhere)
    );
    assert_eq!(store.get(WORKSPACE_KEY).unwrap(), before);
    // Once A has read B's version, it may save again.
    assert!(save_guarded(&store, &sample(), at(2026, 11, 22), Some(b_rev)).is_ok());
    // A store emptied elsewhere counts as a change too.
    let seen = current_revision(&store).unwrap();
    store.remove(WORKSPACE_KEY).unwrap();
    assert_eq!(
        save_guarded(&store, &sample(), at(2026, 11, 22), seen),
        Err(StoreError::ChangedElsewhere)
    );
    assert_ne!(Revision::of("a"), Revision::of("b"));
}
