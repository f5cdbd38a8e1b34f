//! Merging a colleague's file: additions, updates, conflicts resolved by hand, deletions that
//! are never silently undone, and merging the same file twice changes nothing.

use std::collections::BTreeMap;

use crate::common::{at, sample};
use chrono::Duration;
use proptest::prelude::*;
use runway::logic::actions::{apply, Action, PersonFields};
use runway::logic::records::merge::{mark_sent, merge, ConflictKind, Resolutions, Side};
use runway::logic::validate;
use runway::model::{TrackLevel, Workspace};
use uuid::Uuid;

/// A coach's workspace and the sponsor's copy of it: an export (which marks what was sent)
/// imported elsewhere with Replace is an exact copy.
fn pair() -> (Workspace, Workspace) {
    let mut coach = sample();
    mark_sent(&mut coach, None);
    let sponsor = coach.clone();
    (coach, sponsor)
}

fn edit(ws: &mut Workspace, action: Action, minutes: i64) {
    apply(
        ws,
        action,
        at(2026, 11, 22) + Duration::minutes(minutes),
        &mut Uuid::new_v4,
    )
    .unwrap();
}

fn rename(ws: &Workspace, i: usize, name: &str, team: &str) -> Action {
    let p = &ws.people[i];
    Action::UpdatePerson {
        id: p.id,
        fields: PersonFields {
            name: name.into(),
            email: p.email.clone(),
            team: team.into(),
            role_title: p.role_title.clone(),
            level: None,
            joined_on: p.joined_on,
            left_on: p.left_on,
        },
    }
}

fn none() -> Resolutions {
    Resolutions::new()
}

#[test]
fn merging_an_unchanged_copy_changes_nothing() {
    let (coach, sponsor) = pair();
    let (merged, report) = merge(&coach, &sponsor, &none(), at(2026, 11, 23));
    assert!(report.is_noop(), "{report:?}");
    assert_eq!(merged.people.len(), coach.people.len());
    let (again, _) = merge(&merged, &sponsor, &none(), at(2026, 11, 23));
    assert_eq!(again, merged);
}

#[test]
fn their_additions_and_updates_come_in() {
    let (coach, mut sponsor) = pair();
    let i = sponsor
        .people
        .iter()
        .position(|p| p.name == "Tomás Ferreira")
        .unwrap();
    let a = rename(&sponsor, i, "Tomás Ferreira-Lopes", "Routing");
    edit(&mut sponsor, a, 1);
    edit(
        &mut sponsor,
        Action::AddPerson(PersonFields {
            name: "New Hire".into(),
            email: None,
            team: "Routing".into(),
            role_title: String::new(),
            level: Some(TrackLevel::IC2),
            joined_on: None,
            left_on: None,
        }),
        2,
    );
    let (merged, report) = merge(&coach, &sponsor, &none(), at(2026, 11, 23));
    assert_eq!(
        report
            .added
            .iter()
            .map(|c| c.label.as_str())
            .collect::<Vec<_>>(),
        vec!["New Hire", "New Hire: hired at IC2 on 2026-11-22"],
        "the person and the first move of their history"
    );
    assert_eq!(
        report
            .updated
            .iter()
            .map(|c| c.label.as_str())
            .collect::<Vec<_>>(),
        vec!["Tomás Ferreira"]
    );
    // The preview says what the update changes.
    let details: Vec<_> = report.updated[0]
        .details
        .iter()
        .map(|d| (d.field, d.mine.as_str(), d.theirs.as_str()))
        .collect();
    assert_eq!(
        details,
        vec![("name", "Tomás Ferreira", "Tomás Ferreira-Lopes")]
    );
    assert!(report.conflicts.is_empty());
    assert!(merged
        .people
        .iter()
        .any(|p| p.name == "Tomás Ferreira-Lopes"));
    assert_eq!(validate(&merged), vec![]);
    // Twice: nothing more.
    let (again, report2) = merge(&merged, &sponsor, &none(), at(2026, 11, 24));
    assert!(report2.is_noop(), "{report2:?}");
    assert_eq!(again, merged);
}

#[test]
fn my_later_changes_are_kept() {
    let (mut coach, sponsor) = pair();
    let a = rename(&coach, 3, "Priya R.", "Fulfilment");
    edit(&mut coach, a, 1);
    let (merged, report) = merge(&coach, &sponsor, &none(), at(2026, 11, 23));
    assert!(report.is_noop(), "{report:?}");
    assert_eq!(merged.people[3].name, "Priya R.");
}

#[test]
fn both_sides_changing_a_record_is_a_conflict_resolved_field_by_field() {
    let (mut coach, mut sponsor) = pair();
    let a = rename(&coach, 3, "Priya Raman-Iyer", "Fulfilment");
    edit(&mut coach, a, 1);
    let a = rename(&sponsor, 3, "Priya Raman", "Platform");
    edit(&mut sponsor, a, 2);
    let id = coach.people[3].id;

    let (preview, report) = merge(&coach, &sponsor, &none(), at(2026, 11, 23));
    assert_eq!(report.conflicts.len(), 1);
    let ConflictKind::BothChanged(diffs) = &report.conflicts[0].what else {
        panic!()
    };
    let fields: Vec<_> = diffs
        .iter()
        .map(|d| (d.field, d.mine.as_str(), d.theirs.as_str()))
        .collect();
    assert_eq!(
        fields,
        vec![
            ("name", "Priya Raman-Iyer", "Priya Raman"),
            ("team", "Fulfilment", "Platform")
        ]
    );
    assert_eq!(
        preview.person(id).unwrap().name,
        "Priya Raman-Iyer",
        "unresolved keeps mine"
    );

    // Keep my name, take their team.
    let mut choice = Resolutions::new();
    choice.insert(id, BTreeMap::from([("team", Side::Theirs)]));
    let (merged, _) = merge(&coach, &sponsor, &choice, at(2026, 11, 23));
    let p = merged.person(id).unwrap();
    assert_eq!(
        (p.name.as_str(), p.team.as_str()),
        ("Priya Raman-Iyer", "Platform")
    );
    assert_eq!(p.updated_at, at(2026, 11, 23), "a mix is a new version");
    // The same file again: the conflict was settled.
    let (again, report2) = merge(&merged, &sponsor, &none(), at(2026, 11, 24));
    assert!(report2.is_noop(), "{report2:?}");
    assert_eq!(again, merged);
}

#[test]
fn deleted_here_stays_deleted() {
    let (mut coach, sponsor) = pair();
    let lee = coach
        .people
        .iter()
        .find(|p| p.name == "Lee Chen")
        .unwrap()
        .id;
    edit(&mut coach, Action::DeletePerson { id: lee }, 1);
    let (merged, report) = merge(&coach, &sponsor, &none(), at(2026, 11, 23));
    assert!(merged.person(lee).is_none());
    assert!(report.kept_deleted.iter().any(|c| c.label == "Lee Chen"));
    assert!(report.added.is_empty());
    assert_eq!(validate(&merged), vec![]);
}

#[test]
fn deleted_there_is_removed_here_unless_changed_here_since() {
    let (mut coach, mut sponsor) = pair();
    let lee = sponsor
        .people
        .iter()
        .find(|p| p.name == "Lee Chen")
        .unwrap()
        .id;
    let emma = sponsor
        .people
        .iter()
        .find(|p| p.name == "Emma Dubois")
        .unwrap()
        .id;
    edit(&mut sponsor, Action::DeletePerson { id: lee }, 1);
    edit(&mut sponsor, Action::DeletePerson { id: emma }, 1);
    // The coach changed Emma after the sponsor deleted her.
    let i = coach.people.iter().position(|p| p.id == emma).unwrap();
    let a = rename(&coach, i, "Emma Dubois", "Platform");
    edit(&mut coach, a, 5);

    let (merged, report) = merge(&coach, &sponsor, &none(), at(2026, 11, 23));
    assert!(
        merged.person(lee).is_none(),
        "unchanged here: their deletion applies"
    );
    assert!(merged.candidacies_of(lee).next().is_none());
    assert!(report.removed.iter().any(|c| c.label == "Lee Chen"));
    assert!(
        merged.person(emma).is_some(),
        "changed here after: kept until the person decides"
    );
    assert!(report
        .conflicts
        .iter()
        .any(|c| c.id == emma && c.what == ConflictKind::DeletedThereChangedHere));

    let mut choice = Resolutions::new();
    choice.insert(emma, BTreeMap::from([("record", Side::Theirs)]));
    let (merged, _) = merge(&coach, &sponsor, &choice, at(2026, 11, 23));
    assert!(merged.person(emma).is_none());
    assert_eq!(validate(&merged), vec![]);
}

#[test]
fn references_are_repaired_not_left_dangling() {
    let (mut coach, mut sponsor) = pair();
    let cohort = coach.cohorts[0].id;
    // The coach deletes the cohort; the sponsor enrols someone new in it meanwhile.
    edit(&mut coach, Action::DeleteCohort { id: cohort }, 1);
    let kwame = sponsor
        .people
        .iter()
        .find(|p| p.name == "Kwame Mensah")
        .unwrap()
        .id;
    edit(
        &mut sponsor,
        Action::AddCandidate {
            cohort_id: cohort,
            person_id: kwame,
            fields: runway::logic::actions::CandidateFields {
                status: runway::model::CandidateStatus::Nominated,
                protected_hours_per_week: 4.0,
            },
        },
        2,
    );
    let (merged, report) = merge(&coach, &sponsor, &none(), at(2026, 11, 23));
    assert!(merged.cohort(cohort).is_none());
    assert!(merged.candidates.iter().all(|c| c.cohort_id != cohort));
    assert!(!report.repairs.is_empty() || report.conflicts.iter().any(|c| c.id == cohort));
    assert_eq!(validate(&merged), vec![]);
}

#[test]
fn replace_edit_and_send_back_is_an_update_not_a_conflict() {
    // The coach edited Priya before ever sharing, then exported; the sponsor replaced with
    // that file, changed the team twice, and sent it back.
    let mut coach = sample();
    let a = rename(&coach, 3, "Priya Raman", "Fulfilment");
    edit(&mut coach, a, 1);
    mark_sent(&mut coach, None);
    let mut sponsor = coach.clone();
    let a = rename(&sponsor, 3, "Priya Raman", "Platform");
    edit(&mut sponsor, a, 2);
    let a = rename(&sponsor, 3, "Priya Raman", "Platform Core");
    edit(&mut sponsor, a, 3);
    // The sponsor's own export marks what it sends; the link to the coach's version remains.
    mark_sent(&mut sponsor, None);
    let (merged, report) = merge(&coach, &sponsor, &none(), at(2026, 11, 23));
    assert!(report.conflicts.is_empty(), "{report:?}");
    assert_eq!(report.updated.len(), 1);
    assert_eq!(merged.people[3].team, "Platform Core");
}

#[test]
fn three_people_changing_one_record_is_a_conflict_whatever_the_clocks_say() {
    // The coordinator sends one file to the coach and the sponsor.
    let (coordinator, coach) = pair();
    let mut coach = coach;
    let mut sponsor = coordinator.clone();
    let a = rename(&coach, 3, "Priya Raman", "Coach's team");
    edit(&mut coach, a, 10);
    let a = rename(&sponsor, 3, "Priya R.", "Fulfilment");
    edit(&mut sponsor, a, 60);
    // The coordinator merges the coach's file (an update), then the sponsor's.
    let (after_coach, r1) = merge(&coordinator, &coach, &none(), at(2026, 11, 23));
    assert_eq!(r1.updated.len(), 1);
    let (_, r2) = merge(&after_coach, &sponsor, &none(), at(2026, 11, 23));
    assert_eq!(
        r2.conflicts.len(),
        1,
        "the coach's change must not be dropped silently: {r2:?}"
    );
    assert!(r2.updated.is_empty());
}

#[test]
fn deleting_a_version_the_other_side_never_saw_is_a_conflict() {
    let (mut coach, mut sponsor) = pair();
    let i = coach
        .people
        .iter()
        .position(|p| p.name == "Emma Dubois")
        .unwrap();
    let emma = coach.people[i].id;
    // The coach edits Emma early; the sponsor, who never saw that, deletes her later.
    let a = rename(&coach, i, "Emma Dubois", "Platform");
    edit(&mut coach, a, 1);
    edit(&mut sponsor, Action::DeletePerson { id: emma }, 500);
    let (merged, report) = merge(&coach, &sponsor, &none(), at(2026, 11, 23));
    assert!(merged.person(emma).is_some());
    assert!(report
        .conflicts
        .iter()
        .any(|c| c.id == emma && c.what == ConflictKind::DeletedThereChangedHere));
    assert!(
        report.removed.is_empty(),
        "her level history stays with her: {:?}",
        report.removed
    );
    assert!(merged.levels.iter().any(|m| m.person_id == emma));
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(60))]

    /// Whatever both sides did, the merge validates, and merging the same file again
    /// changes nothing.
    #[test]
    fn merge_is_valid_and_idempotent(
        mine_edits in proptest::collection::vec((0u8..4, 0usize..13), 0..6),
        their_edits in proptest::collection::vec((0u8..4, 0usize..13), 0..6),
        take_theirs in any::<bool>(),
    ) {
        let (mut mine, mut theirs) = pair();
        for (side, edits) in [(0, &mine_edits), (1, &their_edits)] {
            let ws = if side == 0 { &mut mine } else { &mut theirs };
            for (n, (kind, i)) in edits.iter().enumerate() {
                let minutes = (n as i64) * 2 + side;
                if ws.people.is_empty() { break; }
                let i = i % ws.people.len();
                let action = match kind {
                    0 => rename(ws, i, &format!("Name {side}{n}"), "T"),
                    1 => Action::DeletePerson { id: ws.people[i].id },
                    2 => Action::AddPerson(PersonFields { name: format!("Added {side}{n}"), email: None, team: String::new(), role_title: String::new(), level: Some(TrackLevel::IC1), joined_on: None, left_on: None }),
                    _ => match ws.candidates.first() { Some(c) => Action::RemoveCandidate { id: c.id }, None => continue },
                };
                let _ = apply(ws, action, at(2026, 11, 22) + Duration::minutes(minutes), &mut Uuid::new_v4);
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
        prop_assert_eq!(validate(&merged), vec![]);
        // Their new people (never deleted here) arrive.
        for p in theirs.people.iter().filter(|p| p.name.starts_with("Added")) {
            prop_assert!(merged.person(p.id).is_some(), "{} missing; {:?}", p.name, report);
        }
        let (again, report) = merge(&merged, &theirs, &Resolutions::new(), at(2026, 11, 24));
        prop_assert!(report.conflicts.is_empty() && report.added.is_empty() && report.updated.is_empty(), "{:?}", report);
        prop_assert_eq!(again, merged);
    }

    /// Merging a workspace with itself is a no-op.
    #[test]
    fn merging_with_itself_is_a_noop(n in 0usize..50) {
        let mut ws = sample();
        let i = n % ws.people.len();
        let a = rename(&ws, i, "Changed", "Here");
        edit(&mut ws, a, 1);
        let (merged, report) = merge(&ws, &ws.clone(), &Resolutions::new(), at(2026, 11, 23));
        prop_assert!(report.is_noop());
        prop_assert_eq!(merged, ws);
    }
}
