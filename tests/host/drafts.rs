//! Drafts live beside the workspace: one form's draft never touches another's, a save with a
//! full disk changes nothing, unreadable draft text reads as no drafts, and the workspace
//! (what is exported) never holds a draft.

use std::collections::BTreeMap;

use crate::common::{at, sample};
use runway::storage::drafts::{self, Draft, Drafts, FieldValue, DRAFTS_KEY};
use runway::storage::{self, MemoryStore, Store, StoreError, WORKSPACE_KEY};

fn draft(title: &str) -> Draft {
    Draft {
        label: "New journal entry".into(),
        path: "/candidates/x/journal".into(),
        saved_at: at(2026, 11, 21),
        fields: BTreeMap::from([
            ("Title".to_string(), FieldValue::Text(title.into())),
            ("Private".to_string(), FieldValue::Flag(true)),
            (
                "Who took part".to_string(),
                FieldValue::List(vec!["a".into(), "b".into()]),
            ),
        ]),
    }
}

fn one(key: &str, d: Draft) -> Drafts {
    Drafts::from([(key.to_string(), d)])
}

#[test]
fn a_draft_reads_back_with_every_kind_of_value() {
    let store = MemoryStore::new();
    drafts::put(&store, &one("journal/new", draft("Doubts"))).unwrap();
    assert_eq!(drafts::load(&store), one("journal/new", draft("Doubts")));
}

#[test]
fn forms_keep_their_own_drafts_and_removing_one_keeps_the_others() {
    let store = MemoryStore::new();
    drafts::put(&store, &one("journal/new", draft("A"))).unwrap();
    drafts::put(&store, &one("one-on-one/new", draft("B"))).unwrap();
    drafts::put(&store, &one("journal/new", draft("A2"))).unwrap();
    let all = drafts::load(&store);
    assert_eq!(all.len(), 2);
    assert_eq!(all["journal/new"], draft("A2"));
    drafts::remove(&store, "journal/new").unwrap();
    assert_eq!(drafts::load(&store), one("one-on-one/new", draft("B")));
    drafts::remove(&store, "one-on-one/new").unwrap();
    assert_eq!(store.get(DRAFTS_KEY).unwrap(), None, "no drafts, no key");
    // Removing what is not there is fine.
    drafts::remove(&store, "journal/new").unwrap();
}

#[test]
fn a_full_disk_refuses_the_draft_and_keeps_what_was_stored() {
    let store = MemoryStore::with_limit(600);
    drafts::put(&store, &one("journal/new", draft("short"))).unwrap();
    let before = store.get(DRAFTS_KEY).unwrap();
    let long = "x".repeat(2_000);
    assert_eq!(
        drafts::put(&store, &one("journal/new", draft(&long))),
        Err(StoreError::QuotaExceeded)
    );
    assert_eq!(store.get(DRAFTS_KEY).unwrap(), before);
}

#[test]
fn unreadable_draft_text_reads_as_no_drafts_and_is_replaced_by_the_next_draft() {
    let store = MemoryStore::new();
    store
        .set(DRAFTS_KEY, "{\"version\":1,\"drafts\":{")
        .unwrap();
    assert!(drafts::load(&store).is_empty());
    drafts::put(&store, &one("journal/new", draft("A"))).unwrap();
    assert_eq!(drafts::load(&store), one("journal/new", draft("A")));
    // A format this version does not know is not read as its own.
    store
        .set(DRAFTS_KEY, "{\"version\":99,\"drafts\":{}}")
        .unwrap();
    assert!(drafts::load(&store).is_empty());
}

#[test]
fn drafts_stay_out_of_the_workspace_and_its_file() {
    let store = MemoryStore::new();
    let ws = sample();
    storage::save(&store, &ws, at(2026, 11, 21)).unwrap();
    let saved = store.get(WORKSPACE_KEY).unwrap();
    drafts::put(&store, &one("journal/new", draft("Secret draft"))).unwrap();
    assert_eq!(store.get(WORKSPACE_KEY).unwrap(), saved);
    let exported = runway::file::encode_pretty(&ws, at(2026, 11, 22));
    assert!(!exported.contains("Secret draft"));
    assert!(!exported.contains(DRAFTS_KEY));
}
