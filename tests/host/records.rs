//! What every record kind shares: the registry covers every kind, deletes reach everything
//! through any chain, and merges of edits and deletes of any kind stay valid and settle.

use std::collections::{BTreeMap, HashSet};

use chrono::Duration;
use proptest::prelude::*;
use runway::logic::actions::{apply, Action};
use runway::logic::records::merge::{mark_sent, merge, ConflictKind, Resolutions, Side};
use runway::logic::records::{all_ids, counts, each_kind, purge, Entry, ListVisitor, Record};
use runway::logic::validate;
use runway::model::{Id, RecordKind, Workspace};
use serde_json::Value;
use uuid::Uuid;

use crate::common::{at, day};

/// The sample program with a framework of its own too, so it holds every kind.
fn sample() -> Workspace {
    let mut ws = crate::common::sample();
    let rubric = runway::logic::evaluation::frameworks::builtin()
        .into_iter()
        .next()
        .unwrap();
    let mut copy = runway::logic::evaluation::frameworks::copy_of(&rubric, "Northwind rubric");
    copy.id = Id::nil();
    apply(
        &mut ws,
        Action::Put(Record::Framework(copy)),
        at(2026, 11, 21),
        &mut Uuid::new_v4,
    )
    .unwrap();
    ws
}

/// Every record of every kind, by kind and id, in the registry's order.
fn every_record(ws: &Workspace) -> Vec<(RecordKind, Id)> {
    struct All<'a>(&'a Workspace, Vec<(RecordKind, Id)>);
    impl ListVisitor for All<'_> {
        fn visit<T: Entry>(&mut self) {
            let ids: Vec<_> = T::list(self.0).iter().map(|r| (T::KIND, r.id())).collect();
            self.1.extend(ids);
        }
    }
    let mut v = All(ws, Vec::new());
    each_kind(&mut v);
    v.1
}

/// The workspace's lists as text, without the tombstones (which name deleted ids on purpose).
fn lists_text(ws: &Workspace) -> String {
    let mut live = ws.clone();
    live.deleted.clear();
    serde_json::to_string(&live).unwrap()
}

/// Asserts no live record names a deleted id, and the workspace obeys every rule.
fn assert_nothing_dangles(ws: &Workspace) -> Result<(), TestCaseError> {
    prop_assert_eq!(validate(ws), vec![]);
    let text = lists_text(ws);
    for t in &ws.deleted {
        prop_assert!(
            !text.contains(&t.id.to_string()),
            "the deleted {} {} is still named by a live record",
            t.kind.name(),
            t.id
        );
    }
    Ok(())
}

#[test]
fn the_sample_holds_a_record_of_every_kind() {
    let ws = sample();
    let counted = counts(&ws);
    assert_eq!(counted.len(), RecordKind::ALL.len());
    for (kind, n) in counted {
        assert!(n > 0, "the sample has no {}", kind.name());
    }
}

#[test]
fn every_kinds_file_fields_take_part_in_merges() {
    struct Check<'a>(&'a Workspace);
    impl ListVisitor for Check<'_> {
        fn visit<T: Entry>(&mut self) {
            let Some(r) = T::list(self.0).first() else {
                return;
            };
            let owners: Vec<&str> = r.owners().iter().map(|l| l.field).collect();
            let meta = ["id", "created_at", "updated_at", "merge_bases"];
            let v = serde_json::to_value(r).unwrap();
            for key in v.as_object().unwrap().keys() {
                assert!(
                    meta.contains(&key.as_str())
                        || owners.contains(&key.as_str())
                        || T::FIELDS
                            .iter()
                            .any(|f| f.split('+').any(|k| k == key.as_str())),
                    "{}: the field {key} is neither an owner nor in FIELDS",
                    T::LIST
                );
            }
        }
    }
    each_kind(&mut Check(&sample()));
}

#[test]
fn deleting_a_candidates_person_leaves_no_id_of_theirs_or_their_candidacy() {
    let mut ws = sample();
    let original = ws.clone();
    // A candidate whose levels were calibrated: the bug left them in every session.
    let cand = ws
        .candidates
        .iter()
        .find(|c| {
            ws.calibrations
                .iter()
                .any(|s| s.outcomes.iter().any(|o| o.candidate_id == c.id))
        })
        .expect("a calibrated candidate")
        .clone();
    apply(
        &mut ws,
        Action::DeletePerson { id: cand.person_id },
        at(2026, 11, 22),
        &mut Uuid::new_v4,
    )
    .unwrap();
    let text = lists_text(&ws);
    assert!(!text.contains(&cand.person_id.to_string()));
    assert!(!text.contains(&cand.id.to_string()));
    assert_nothing_dangles(&ws).unwrap();
    // Everything that went is tombstoned, so a merge cannot bring it back.
    let before: HashSet<Id> = all_ids(&original).into_iter().collect();
    let after: HashSet<Id> = all_ids(&ws).into_iter().collect();
    let buried: HashSet<Id> = ws.deleted.iter().map(|t| t.id).collect();
    for gone in before.difference(&after) {
        assert!(buried.contains(gone), "{gone} went without a tombstone");
    }
}

#[test]
fn purging_a_kept_copy_removes_what_a_later_delete_removed() {
    let ws = sample();
    let mut after = ws.clone();
    let person = ws.candidates[0].person_id;
    apply(
        &mut after,
        Action::DeletePerson { id: person },
        at(2026, 11, 22),
        &mut Uuid::new_v4,
    )
    .unwrap();
    let went: HashSet<Id> = after.deleted.iter().map(|t| t.id).collect();
    let mut backup = ws.clone();
    purge(&mut backup, &went, at(2026, 11, 22));
    let text = lists_text(&backup);
    assert!(!text.contains(&person.to_string()));
    assert!(!text.contains(&ws.candidates[0].id.to_string()));
    assert_nothing_dangles(&backup).unwrap();
}

/// Deletes the record with the generic door; `false` when the delete is refused on purpose
/// (a framework that ratings use).
fn delete(ws: &mut Workspace, kind: RecordKind, id: Id, minutes: i64) -> bool {
    apply(
        ws,
        Action::Remove { kind, id },
        at(2026, 11, 22) + Duration::minutes(minutes),
        &mut Uuid::new_v4,
    )
    .is_ok()
}

/// Edits one text field of any record through the edit door: the first field in `FIELDS`
/// that holds free text gets `tag` added. `false` when the record has no such field.
fn edit(ws: &mut Workspace, kind: RecordKind, id: Id, tag: &str, minutes: i64) -> bool {
    struct Edit<'a> {
        ws: &'a Workspace,
        kind: RecordKind,
        id: Id,
        tag: &'a str,
        out: Vec<Record>,
    }
    impl ListVisitor for Edit<'_> {
        fn visit<T: Entry>(&mut self) {
            if T::KIND != self.kind {
                return;
            }
            let Some(r) = T::list(self.ws).iter().find(|r| r.id() == self.id) else {
                return;
            };
            let v = serde_json::to_value(r).unwrap();
            // Every text or number inside the fields a person edits, by JSON pointer.
            fn leaves(v: &Value, at: String, out: &mut Vec<String>) {
                match v {
                    Value::String(_) | Value::Number(_) => out.push(at),
                    Value::Array(a) => {
                        for (i, x) in a.iter().enumerate() {
                            leaves(x, format!("{at}/{i}"), out);
                        }
                    }
                    Value::Object(m) => {
                        for (k, x) in m {
                            leaves(x, format!("{at}/{k}"), out);
                        }
                    }
                    _ => {}
                }
            }
            let mut pointers = Vec::new();
            for key in T::FIELDS.iter().flat_map(|f| f.split('+')) {
                if let Some(x) = v.get(key) {
                    leaves(x, format!("/{key}"), &mut pointers);
                }
            }
            for p in pointers {
                let mut w = v.clone();
                match w.pointer_mut(&p) {
                    Some(Value::String(text)) => text.push_str(self.tag),
                    Some(Value::Number(n)) => match n.as_f64() {
                        Some(x) => *n = serde_json::Number::from_f64((x + 1.0).min(4.0)).unwrap(),
                        None => continue,
                    },
                    _ => continue,
                }
                if let Ok(t) = serde_json::from_value::<T>(w) {
                    self.out.push(t.into_record());
                }
            }
        }
    }
    let mut e = Edit {
        ws,
        kind,
        id,
        tag,
        out: Vec::new(),
    };
    each_kind(&mut e);
    let now = at(2026, 11, 22) + Duration::minutes(minutes);
    e.out
        .into_iter()
        .any(|r| apply(ws, Action::Put(r), now, &mut Uuid::new_v4).is_ok())
}

#[test]
fn the_generic_edit_reaches_every_kind() {
    // The property tests below edit records of every kind; check they can.
    let ws = sample();
    let mut edited = HashSet::new();
    for (n, (kind, id)) in every_record(&ws).into_iter().enumerate() {
        let mut w = ws.clone();
        if edit(&mut w, kind, id, " (edited)", n as i64) {
            edited.insert(kind);
        }
    }
    for kind in RecordKind::ALL {
        assert!(edited.contains(kind), "no {} could be edited", kind.name());
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(48))]

    /// After deleting random records of any kind, one after another, no live record points
    /// at a deleted id and the workspace is valid.
    #[test]
    fn deleting_any_record_leaves_nothing_pointing_at_it(
        picks in proptest::collection::vec(any::<u16>(), 1..4),
    ) {
        let mut ws = sample();
        for (n, pick) in picks.iter().enumerate() {
            let all = every_record(&ws);
            let (kind, id) = all[*pick as usize % all.len()];
            if delete(&mut ws, kind, id, n as i64) {
                prop_assert!(!all_ids(&ws).contains(&id));
            }
            assert_nothing_dangles(&ws)?;
        }
    }

    /// Whatever both copies did to records of any kind (edits and deletes), the merge is
    /// valid, and merging the same file again changes nothing.
    #[test]
    fn merging_edits_and_deletes_of_every_kind_is_valid_and_settles(
        mine_ops in proptest::collection::vec((any::<bool>(), any::<u16>()), 0..6),
        their_ops in proptest::collection::vec((any::<bool>(), any::<u16>()), 0..6),
        take_theirs in any::<bool>(),
    ) {
        let mut mine = sample();
        mark_sent(&mut mine, None);
        let mut theirs = mine.clone();
        for (side, ops) in [(0i64, &mine_ops), (1, &their_ops)] {
            let ws = if side == 0 { &mut mine } else { &mut theirs };
            for (n, (is_delete, pick)) in ops.iter().enumerate() {
                let all = every_record(ws);
                let (kind, id) = all[*pick as usize % all.len()];
                let minutes = (n as i64) * 2 + side;
                if *is_delete {
                    delete(ws, kind, id, minutes);
                } else {
                    edit(ws, kind, id, &format!(" ({side}{n})"), minutes);
                }
            }
        }
        let (_, preview) = merge(&mine, &theirs, &Resolutions::new(), at(2026, 11, 23));
        let mut choice = Resolutions::new();
        if take_theirs {
            for c in &preview.conflicts {
                let fields: BTreeMap<&'static str, Side> = match &c.what {
                    ConflictKind::BothChanged(d) => d.iter().map(|d| (d.field, Side::Theirs)).collect(),
                    _ => BTreeMap::from([("record", Side::Theirs)]),
                };
                choice.insert(c.id, fields);
            }
        }
        let (merged, report) = merge(&mine, &theirs, &choice, at(2026, 11, 23));
        prop_assert_eq!(validate(&merged), vec![], "{:?}", report);
        let (again, report) = merge(&merged, &theirs, &Resolutions::new(), at(2026, 11, 24));
        prop_assert!(report.conflicts.is_empty() && report.added.is_empty() && report.updated.is_empty(), "{:?}", report);
        prop_assert_eq!(again, merged);
    }
}

#[test]
fn a_follow_up_handed_on_by_a_delete_and_kept_by_the_other_copy_ends_up_once() {
    let mut mine = sample();
    mark_sent(&mut mine, None);
    // A 1:1 with open follow-ups and a later 1:1 with the same person.
    let (first, next) = mine
        .one_on_ones
        .iter()
        .find_map(|o| {
            let open = o.follow_ups.iter().any(|f| f.done_on.is_none());
            let later = mine.one_on_ones.iter().find(|n| {
                n.id != o.id
                    && n.candidate_id == o.candidate_id
                    && n.with_id == o.with_id
                    && n.held_on > o.held_on
            });
            (open).then_some(()).and(later.map(|n| (o.clone(), n.id)))
        })
        .expect("a 1:1 with open follow-ups and a later one");
    let mut theirs = mine.clone();
    // They delete the first 1:1: its open follow-ups move to the next one.
    apply(
        &mut theirs,
        Action::Remove {
            kind: RecordKind::OneOnOne,
            id: first.id,
        },
        at(2026, 11, 22),
        &mut Uuid::new_v4,
    )
    .unwrap();
    // I edit the first 1:1.
    let mut edited = first.clone();
    edited.notes.push_str(" Edited here.");
    apply(
        &mut mine,
        Action::Put(Record::OneOnOne(edited)),
        at(2026, 11, 22) + Duration::minutes(1),
        &mut Uuid::new_v4,
    )
    .unwrap();
    // Keep mine for the conflict (the default).
    let (merged, report) = merge(&mine, &theirs, &Resolutions::new(), at(2026, 11, 23));
    assert_eq!(validate(&merged), vec![]);
    let mut seen = HashSet::new();
    for o in &merged.one_on_ones {
        for f in &o.follow_ups {
            assert!(
                seen.insert(f.id),
                "the follow-up “{}” is stored twice",
                f.text
            );
        }
    }
    // Each open follow-up is once, on the 1:1 it came from.
    let kept = merged
        .one_on_ones
        .iter()
        .find(|o| o.id == first.id)
        .unwrap();
    let nxt = merged.one_on_ones.iter().find(|o| o.id == next).unwrap();
    for f in first.follow_ups.iter() {
        assert!(kept.follow_ups.iter().any(|k| k.id == f.id));
        assert!(!nxt.follow_ups.iter().any(|k| k.id == f.id));
    }
    assert!(
        report.repairs.iter().any(|r| r.contains("kept once")),
        "{:?}",
        report.repairs
    );
    // And the same from the other side: their deletion restored, mine kept.
    let (merged, _) = merge(&theirs, &mine, &Resolutions::new(), at(2026, 11, 23));
    let mut seen = HashSet::new();
    for f in merged.one_on_ones.iter().flat_map(|o| &o.follow_ups) {
        assert!(seen.insert(f.id), "“{}” twice", f.text);
    }
    let _ = day(2026, 11, 22);
}

#[test]
fn a_delete_says_where_others_wrote_the_persons_name_and_nothing_else() {
    use runway::logic::records::impact::mentions;
    let mut ws = sample();
    let priya = ws
        .people
        .iter()
        .find(|p| p.name == "Priya Raman")
        .unwrap()
        .clone();
    // Another candidate's activity whose notes name Priya by her first name.
    let mut other = ws
        .activities
        .iter()
        .find(|o| ws.candidate(o.candidate_id).unwrap().person_id != priya.id)
        .unwrap()
        .clone();
    other.notes = "Paired with Priya on the rota; ask how it went.".into();
    apply(
        &mut ws,
        Action::Put(Record::Activity(other.clone())),
        at(2026, 11, 22),
        &mut Uuid::new_v4,
    )
    .unwrap();
    let found = mentions(&ws, priya.id);
    let title = runway::logic::records::entry_label(&ws, other.id)
        .unwrap()
        .1;
    assert!(found.contains(&title), "{found:?}");
    // Her own records go with her, so they are not listed.
    let own: Vec<Id> = ws
        .one_on_ones
        .iter()
        .filter(|o| ws.candidate(o.candidate_id).unwrap().person_id == priya.id)
        .map(|o| o.id)
        .collect();
    for id in own {
        let t = runway::logic::records::entry_label(&ws, id).unwrap().1;
        assert!(!found.contains(&t), "{t} goes with her");
    }
    // A short name that is part of words and codes ("manager") matches nothing.
    let ana = crate::common::add_person(&mut ws, "Ana", "", runway::model::TrackLevel::IC2);
    assert_eq!(mentions(&ws, ana), Vec::<String>::new());
}

#[test]
fn merging_two_candidacies_of_one_person_keeps_their_calibrated_levels() {
    // Theirs enrolled Priya again separately (a new candidacy id) and calibrated her there.
    let mine = sample();
    let mut theirs = mine.clone();
    let old = theirs
        .candidates
        .iter()
        .find(|c| {
            theirs
                .calibrations
                .iter()
                .any(|s| s.outcomes.iter().any(|o| o.candidate_id == c.id))
        })
        .unwrap()
        .id;
    let new = Uuid::new_v4();
    let text = serde_json::to_string(&theirs)
        .unwrap()
        .replace(&old.to_string(), &new.to_string());
    theirs = serde_json::from_str(&text).unwrap();
    let mut mine = mine;
    mine.calibrations.clear();
    let levels = theirs
        .calibrations
        .iter()
        .flat_map(|c| &c.outcomes)
        .filter(|o| o.candidate_id == new)
        .count();
    assert!(levels > 0);
    let (merged, report) = merge(&mine, &theirs, &Resolutions::new(), at(2026, 11, 23));
    assert_eq!(validate(&merged), vec![]);
    let kept = merged
        .calibrations
        .iter()
        .flat_map(|c| &c.outcomes)
        .filter(|o| o.candidate_id == old || o.candidate_id == new)
        .count();
    assert_eq!(kept, levels, "{:?}", report.repairs);
}

/// Looking people and candidacies up by id stays right whatever is done to the lists: the
/// positions it remembers are checked, and worked out again when the lists changed.
#[test]
fn lookups_by_id_follow_every_change_to_the_lists() {
    let mut ws = crate::common::sample();
    let ids: Vec<_> = ws.people.iter().map(|p| p.id).collect();
    for id in &ids {
        assert_eq!(ws.person(*id).map(|p| p.id), Some(*id));
    }
    // Reordered, removed, replaced in place, pushed: every answer is still the list's own.
    ws.people.reverse();
    let gone = ws.people.remove(3).id;
    let mut other = ws.people[0].clone();
    other.id = uuid::Uuid::from_u128(0x4000_8000_0000_0000_0000_0000_dead);
    let replaced = std::mem::replace(&mut ws.people[0], other.clone()).id;
    ws.people.push(other.clone());
    for id in &ids {
        let scan = ws
            .people
            .iter()
            .find(|p| p.id == *id)
            .map(|p| p.name.clone());
        assert_eq!(ws.person(*id).map(|p| p.name.clone()), scan);
    }
    assert!(ws.person(gone).is_none());
    assert!(ws.person(replaced).is_none());
    assert_eq!(ws.person(other.id).map(|p| p.id), Some(other.id));
    let c = ws.candidates[1].id;
    ws.candidates.swap(0, 1);
    assert_eq!(ws.candidate(c).map(|x| x.id), Some(c));
    // A clone and the original are equal whatever each remembers.
    assert_eq!(ws.clone(), ws);
}
