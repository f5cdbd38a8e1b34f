//! Group sessions (one activity for several candidates of a cohort), weekly repeats and
//! copying last week's plan.

use std::collections::{BTreeMap, HashSet};

use crate::common::{act, add_cohort, add_person, at, day, enrol};
use runway::file::calendar::upcoming_count;
use runway::logic::actions::{Action, ActionError};
use runway::logic::journey::groups::{
    copy_last_week, group_line, weekly_days, Repeat, MAX_WEEKLY_SESSIONS,
};
use runway::logic::journey::{evidence_choices, timeline, week_summary};
use runway::logic::records::impact::{group_sessions_kept, person_deletion_impact};
use runway::logic::records::merge::{mark_sent, merge, ConflictKind, Resolutions, Side};
use runway::logic::records::{Entry, Record};
use runway::logic::validate;
use runway::model::{Activity, ActivityKind, Date, Id, Timestamp, TrackLevel, Workspace};

/// A cohort starting Monday 2 Nov 2026 with three candidates (Ana, Ben, Cleo), and Dev in
/// another cohort. Returns the workspace, the cohort, the three candidacies and Dev's.
fn cohort_of_three() -> (Workspace, Id, [Id; 3], Id) {
    let mut ws = Workspace::default();
    let coach = add_person(&mut ws, "Marta Coach", "Platform", TrackLevel::M1);
    let cohort = add_cohort(&mut ws, "Winter cohort", vec![coach], day(2026, 11, 2));
    let other = add_cohort(&mut ws, "Spring cohort", vec![coach], day(2027, 3, 1));
    let mut ids = [Id::nil(); 3];
    for (i, name) in ["Ana Ruiz", "Ben Okafor", "Cleo Park"].iter().enumerate() {
        let p = add_person(&mut ws, name, "Payments", TrackLevel::IC3);
        ids[i] = enrol(&mut ws, cohort, p, 6.0);
    }
    let dev = add_person(&mut ws, "Dev Shah", "Search", TrackLevel::IC3);
    let dev = enrol(&mut ws, other, dev, 6.0);
    (ws, cohort, ids, dev)
}

fn session(filed: Id, group: Vec<Id>, title: &str, on: Date) -> Activity {
    Activity {
        id: Id::nil(),
        candidate_id: filed,
        group,
        kind: ActivityKind::Workshop,
        title: title.into(),
        on,
        at: chrono::NaiveTime::from_hms_opt(14, 0, 0),
        minutes: 90,
        done: false,
        with: Vec::new(),
        notes: String::new(),
        noticed: String::new(),
        differently: String::new(),
        assignment_id: None,
        journal_ids: Vec::new(),
        created_at: Timestamp::UNIX_EPOCH,
        updated_at: Timestamp::UNIX_EPOCH,
        merge_bases: Vec::new(),
    }
}

fn put(ws: &mut Workspace, a: Activity) -> Result<Id, ActionError> {
    act(ws, Action::Put(Record::Activity(a))).map(|id| id.unwrap_or_default())
}

/// Applies an action `minutes` after the usual clock, so two copies' edits differ in version.
fn act_at(ws: &mut Workspace, action: Action, minutes: i64) {
    runway::logic::actions::apply(
        ws,
        action,
        at(2026, 11, 22) + chrono::Duration::minutes(minutes),
        &mut uuid::Uuid::new_v4,
    )
    .unwrap();
}

fn fields(e: &ActionError) -> Vec<&str> {
    e.fields().iter().map(|(f, _)| f.as_str()).collect()
}

/// A workshop for all three on Tuesday 10 Nov, filed under Ana.
fn with_workshop() -> (Workspace, Id, [Id; 3], Id) {
    let (mut ws, cohort, [a, b, c], _) = cohort_of_three();
    let id = put(
        &mut ws,
        session(a, vec![b, c], "Delegation workshop", day(2026, 11, 10)),
    )
    .unwrap();
    (ws, cohort, [a, b, c], id)
}

#[test]
fn a_group_holds_other_candidates_of_the_same_cohort_each_once() {
    let (mut ws, _, [a, b, c], dev) = cohort_of_three();
    let on = day(2026, 11, 10);
    for (group, words) in [
        (vec![b, dev], "another cohort"),
        (vec![b, a], "filed under"),
        (vec![b, b], "listed twice"),
        (vec![b, Id::from_u128(99)], "no longer in this workspace"),
    ] {
        let e = put(&mut ws, session(a, group.clone(), "Workshop", on)).unwrap_err();
        assert_eq!(fields(&e), vec!["group"], "{group:?}: {e}");
        assert!(e.to_string().contains(words), "{e}");
    }
    assert!(ws.activities.is_empty(), "a refused save changes nothing");
    put(&mut ws, session(a, vec![b, c], "Workshop", on)).unwrap();
    assert_eq!(validate(&ws), vec![]);
}

#[test]
fn a_file_may_name_a_group_member_it_leaves_out() {
    // A shared file may leave other candidacies out: the load rule checks only those present.
    let (mut ws, _, [_, b, _], _) = with_workshop();
    ws.activities[0].group = vec![b, Id::from_u128(77)];
    assert_eq!(validate(&ws), vec![]);
}

#[test]
fn a_group_session_shows_in_each_members_week_timeline_and_calendar() {
    let (mut ws, cohort, all, id) = with_workshop();
    for k in all {
        let week = week_summary(&ws, k, day(2026, 11, 11)).unwrap();
        assert_eq!(week.activities.len(), 1, "in the week of every member");
        assert_eq!(week.activities[0].id, id);
        assert!(timeline(&ws, k, day(2026, 11, 1))
            .groups
            .iter()
            .flat_map(|(_, items)| items)
            .any(|i| i.id == id));
    }
    let ids: Vec<Id> = ws.candidates_in(cohort).map(|c| c.id).collect();
    assert_eq!(
        upcoming_count(&ws, &ids, day(2026, 11, 1)),
        1,
        "one event in the cohort's calendar, not one per candidate"
    );
    assert_eq!(upcoming_count(&ws, &[all[2]], day(2026, 11, 1)), 1);
    let a = ws.activities[0].clone();
    assert_eq!(
        group_line(&ws, &a, Some(all[1])).as_deref(),
        Some("with the whole cohort")
    );
    // Logged, it is evidence for each of them; and a change shows for all (one record).
    put(
        &mut ws,
        Activity {
            done: true,
            title: "Delegation workshop (run by Marta)".into(),
            ..a
        },
    )
    .unwrap();
    for k in all {
        assert!(evidence_choices(&ws, k).iter().any(|(e, _, _)| *e == id));
        let week = week_summary(&ws, k, day(2026, 11, 11)).unwrap();
        assert_eq!(
            week.activities[0].title,
            "Delegation workshop (run by Marta)"
        );
        assert_eq!(week.workshops, 1);
    }
}

#[test]
fn deleting_the_candidacy_a_group_session_is_filed_under_keeps_it_for_the_others() {
    let (mut ws, _, [a, b, c], id) = with_workshop();
    let line = group_sessions_kept(&ws, a).unwrap();
    assert!(
        line.contains("1 group session") && line.contains("stays for the others"),
        "{line}"
    );
    act(&mut ws, Action::RemoveCandidate { id: a }).unwrap();
    let s = ws.activities.iter().find(|x| x.id == id).expect("kept");
    assert_eq!((s.candidate_id, s.group.clone()), (b, vec![c]));
    assert_eq!(validate(&ws), vec![]);
    assert!(!ws.deleted.iter().any(|t| t.id == id), "not tombstoned");
    // Deleting Ben's person moves it on again; with nobody left it goes.
    let ben = ws.candidate(b).unwrap().person_id;
    assert!(person_deletion_impact(&ws, ben)
        .lines
        .iter()
        .any(|l| l.contains("group session")));
    act(&mut ws, Action::DeletePerson { id: ben }).unwrap();
    let s = ws.activities.iter().find(|x| x.id == id).expect("kept");
    assert_eq!((s.candidate_id, s.group.clone()), (c, vec![]));
    act(&mut ws, Action::RemoveCandidate { id: c }).unwrap();
    assert!(ws.activities.is_empty());
    assert!(ws.deleted.iter().any(|t| t.id == id));
    assert_eq!(validate(&ws), vec![]);
}

#[test]
fn deleting_a_group_member_takes_them_out_of_the_group() {
    let (mut ws, _, [a, b, c], id) = with_workshop();
    act(&mut ws, Action::RemoveCandidate { id: b }).unwrap();
    let s = ws.activities.iter().find(|x| x.id == id).unwrap();
    assert_eq!((s.candidate_id, s.group.clone()), (a, vec![c]));
    assert!(week_summary(&ws, c, day(2026, 11, 10))
        .unwrap()
        .activities
        .iter()
        .any(|x| x.id == id));
    // Deleting the cohort takes the session with everyone.
    let cohort = ws.candidate(a).unwrap().cohort_id;
    act(&mut ws, Action::DeleteCohort { id: cohort }).unwrap();
    assert!(ws.activities.is_empty());
    assert_eq!(validate(&ws), vec![]);
}

#[test]
fn deleting_the_session_says_it_goes_for_everyone() {
    let (ws, _, _, id) = with_workshop();
    let lines = runway::logic::records::impact::entry_deletion_impact(
        &ws,
        runway::model::RecordKind::Activity,
        id,
    )
    .lines;
    assert!(
        lines
            .iter()
            .any(|l| l.contains("Ana Ruiz, Ben Okafor, Cleo Park")),
        "{lines:?}"
    );
}

#[test]
fn rehoming_a_candidacy_rewrites_the_group() {
    let (ws, _, [a, b, c], _) = with_workshop();
    let mut s = ws.activities[0].clone();
    let other = Id::from_u128(5);
    assert!(s.rehome(b, other));
    assert_eq!(s.group, vec![other, c]);
    // Two candidacies of one person become one: it takes part once.
    assert!(s.rehome(c, a));
    assert_eq!((s.candidate_id, s.group.clone()), (a, vec![other]));
    assert!(!s.rehome(Id::from_u128(6), a));
}

#[test]
fn group_edits_in_two_copies_merge() {
    let (mut mine, _, [a, b, c], id) = with_workshop();
    // Start as a session for Ana and Ben, shared with the other copy.
    let mut s = mine.activities[0].clone();
    s.group = vec![b];
    put(&mut mine, s).unwrap();
    mark_sent(&mut mine, None);
    let mut theirs = mine.clone();
    // They add Cleo; here nothing changed: their group comes in.
    act_at(
        &mut theirs,
        Action::Put(Record::Activity(Activity {
            group: vec![b, c],
            ..mine.activities[0].clone()
        })),
        10,
    );
    let (merged, report) = merge(&mine, &theirs, &Resolutions::new(), at(2026, 11, 23));
    assert!(report.conflicts.is_empty(), "{report:?}");
    assert_eq!(merged.activities[0].group, vec![b, c]);
    // Both changed it: the title here, who takes part there. Choosing theirs for who takes
    // part keeps my title.
    let mut s2 = mine.activities[0].clone();
    s2.title = "Delegation, part 2".into();
    act_at(&mut mine, Action::Put(Record::Activity(s2)), 20);
    let (_, preview) = merge(&mine, &theirs, &Resolutions::new(), at(2026, 11, 23));
    let conflict = preview.conflicts.iter().find(|x| x.id == id).unwrap();
    let ConflictKind::BothChanged(diffs) = &conflict.what else {
        panic!("{conflict:?}")
    };
    let who = diffs
        .iter()
        .find(|d| d.field == "candidate_id+group")
        .expect("who takes part is one field");
    assert_eq!(who.label, "who takes part");
    assert!(who.theirs.contains("Cleo Park"), "{who:?}");
    let choice = Resolutions::from([(id, BTreeMap::from([("candidate_id+group", Side::Theirs)]))]);
    let (merged, _) = merge(&mine, &theirs, &choice, at(2026, 11, 23));
    let m = &merged.activities[0];
    assert_eq!(
        (m.title.as_str(), m.group.clone()),
        ("Delegation, part 2", vec![b, c])
    );
    assert_eq!(m.candidate_id, a);
    assert_eq!(validate(&merged), vec![]);
}

#[test]
fn a_delete_in_each_copy_leaves_a_valid_merge_that_settles() {
    // Here Ana's candidacy goes (the session moves to Ben); there Ben's does.
    let (mut mine, _, [a, b, c], id) = with_workshop();
    mark_sent(&mut mine, None);
    let mut theirs = mine.clone();
    act_at(&mut mine, Action::RemoveCandidate { id: a }, 10);
    act_at(&mut theirs, Action::RemoveCandidate { id: b }, 20);
    for take in [Side::Mine, Side::Theirs] {
        let choice = Resolutions::from([(id, BTreeMap::from([("candidate_id+group", take)]))]);
        let (merged, _) = merge(&mine, &theirs, &choice, at(2026, 11, 23));
        assert_eq!(validate(&merged), vec![]);
        let s = merged.activities.iter().find(|x| x.id == id).unwrap();
        assert_eq!((s.candidate_id, s.group.clone()), (c, vec![]), "{take:?}");
        let (again, report) = merge(&merged, &theirs, &Resolutions::new(), at(2026, 11, 24));
        assert!(report.conflicts.is_empty(), "{report:?}");
        assert_eq!(again, merged);
    }
}

#[test]
fn copy_last_week_shifts_a_week_and_skips_what_this_week_has() {
    let (mut ws, cohort, [a, b, c], _) = cohort_of_three();
    // Last week (9–15 Nov): a group workshop (done, with notes), Ben's shadowing, a lab.
    let mut w = session(a, vec![b, c], "Delegation workshop", day(2026, 11, 10));
    w.done = true;
    w.notes = "Went well".into();
    let w = put(&mut ws, w).unwrap();
    let mut s = session(b, vec![], "Shadow a stakeholder sync", day(2026, 11, 12));
    s.kind = ActivityKind::Shadowing;
    s.noticed = "They let silence work".into();
    put(&mut ws, s).unwrap();
    let mut lab = session(c, vec![a], "Coaching lab", day(2026, 11, 13));
    lab.kind = ActivityKind::CoachingLab;
    put(&mut ws, lab.clone()).unwrap();
    // This week already holds the lab (same kind, title, day and people, filed the other way).
    let mut again = lab.clone();
    again.on = day(2026, 11, 20);
    again.candidate_id = a;
    again.group = vec![c];
    put(&mut ws, again).unwrap();
    // Something from another week is not copied.
    put(
        &mut ws,
        session(a, vec![], "Old workshop", day(2026, 11, 3)),
    )
    .unwrap();

    let today = day(2026, 11, 18);
    let plan = copy_last_week(&ws, cohort, today);
    assert_eq!((plan.from, plan.to), (day(2026, 11, 9), day(2026, 11, 16)));
    assert_eq!(plan.copies.len(), 2);
    assert_eq!(plan.skipped.len(), 1);
    assert_eq!(plan.skipped[0].title, "Coaching lab");
    let lines = plan.summary(&ws, cohort);
    assert!(lines[0].starts_with("2 sessions"), "{lines:?}");
    assert!(
        lines[0].contains("1 for Ana Ruiz, 2 for Ben Okafor, 1 for Cleo Park"),
        "{lines:?}"
    );
    assert!(
        lines[1].contains("“Coaching lab” on 20 Nov 2026"),
        "{lines:?}"
    );

    let before = ws.activities.len();
    act(
        &mut ws,
        Action::CopyLastWeek {
            cohort_id: cohort,
            today,
        },
    )
    .unwrap();
    assert_eq!(ws.activities.len(), before + 2);
    let copy = ws
        .activities
        .iter()
        .find(|x| x.title == "Delegation workshop" && x.id != w)
        .unwrap();
    assert_eq!(copy.on, day(2026, 11, 17));
    assert!(!copy.done && copy.notes.is_empty());
    assert_eq!((copy.candidate_id, copy.group.clone()), (a, vec![b, c]));
    let shadow = ws
        .activities
        .iter()
        .find(|x| x.kind == ActivityKind::Shadowing && x.on == day(2026, 11, 19))
        .unwrap();
    assert!(shadow.noticed.is_empty(), "debriefs are cleared");
    assert_eq!(validate(&ws), vec![]);
    // A second copy finds everything there already, says so and changes nothing.
    let snapshot = ws.clone();
    let e = act(
        &mut ws,
        Action::CopyLastWeek {
            cohort_id: cohort,
            today,
        },
    )
    .unwrap_err();
    assert!(e.to_string().contains("already planned this week"), "{e}");
    assert_eq!(ws, snapshot);
}

#[test]
fn repeat_weekly_makes_separate_planned_sessions_up_to_the_cohorts_end() {
    let (mut ws, cohort, [a, b, c], _) = cohort_of_three();
    let first = session(a, vec![b, c], "Weekly lab", day(2026, 11, 10));
    let id = act(
        &mut ws,
        Action::PlanWeekly {
            activity: first.clone(),
            repeat: Repeat::Times(4),
        },
    )
    .unwrap()
    .unwrap();
    let days: Vec<Date> = ws.activities.iter().map(|x| x.on).collect();
    assert_eq!(
        days,
        vec![
            day(2026, 11, 10),
            day(2026, 11, 17),
            day(2026, 11, 24),
            day(2026, 12, 1)
        ]
    );
    assert_eq!(ws.activities[0].id, id);
    let ids: HashSet<Id> = ws.activities.iter().map(|x| x.id).collect();
    assert_eq!(ids.len(), 4, "separate records");
    assert!(ws
        .activities
        .iter()
        .all(|x| x.group == vec![b, c] && !x.done));
    // Until a day: every week up to it, that day included.
    act(
        &mut ws,
        Action::PlanWeekly {
            activity: Activity {
                title: "Until".into(),
                ..first.clone()
            },
            repeat: Repeat::Until(day(2026, 11, 24)),
        },
    )
    .unwrap();
    assert_eq!(
        ws.activities.iter().filter(|x| x.title == "Until").count(),
        3
    );

    // Refusals, each addressed to the repeat field, change nothing.
    let ends = ws.cohort(cohort).unwrap().ends_on();
    let snapshot = ws.clone();
    for (repeat, done, words) in [
        (Repeat::Times(1), false, "at least 2"),
        (
            Repeat::Times(MAX_WEEKLY_SESSIONS),
            false,
            "at most 25 weekly sessions fit",
        ),
        (Repeat::Until(day(2026, 11, 12)), false, "less than a week"),
        (Repeat::Until(day(2026, 11, 1)), false, "before the first"),
        (
            Repeat::Until(ends + chrono::Days::new(14)),
            false,
            "after the cohort ends",
        ),
        (Repeat::Times(3), true, "nly a planned session"),
    ] {
        let e = act(
            &mut ws,
            Action::PlanWeekly {
                activity: Activity {
                    done,
                    ..first.clone()
                },
                repeat,
            },
        )
        .unwrap_err();
        assert_eq!(fields(&e), vec!["repeat"], "{repeat:?}");
        assert!(e.to_string().contains(words), "{repeat:?}: {e}");
    }
    // Half a year at most, even where no cohort end limits it.
    let (_, e) = weekly_days(
        day(2026, 11, 10),
        Repeat::Times(MAX_WEEKLY_SESSIONS + 1),
        None,
    )
    .unwrap_err();
    assert!(e.contains("at most 26"), "{e}");
    assert_eq!(
        weekly_days(day(2026, 11, 10), Repeat::Times(MAX_WEEKLY_SESSIONS), None)
            .unwrap()
            .len(),
        26
    );
    // A session's own rules still come first, addressed to their fields.
    let e = act(
        &mut ws,
        Action::PlanWeekly {
            activity: Activity {
                title: " ".into(),
                ..first
            },
            repeat: Repeat::Times(2),
        },
    )
    .unwrap_err();
    assert_eq!(fields(&e), vec!["title"]);
    assert_eq!(ws, snapshot);
}

#[test]
fn the_sample_shows_the_workshops_as_group_sessions() {
    let ws = crate::common::sample();
    let workshops: Vec<_> = ws
        .activities
        .iter()
        .filter(|a| a.kind == ActivityKind::Workshop)
        .collect();
    assert!(!workshops.is_empty());
    assert!(workshops.iter().all(|a| a.group.len() == 2));
    assert!(workshops
        .iter()
        .all(|a| group_line(&ws, a, None).as_deref() == Some("with the whole cohort")));
}

#[test]
fn a_group_session_is_filed_under_the_first_ticked_in_the_cohorts_order() {
    let (ws, cohort, [a, b, c], _) = cohort_of_three();
    assert_eq!(
        runway::logic::journey::groups::filing(&ws, cohort, &[c, a]),
        Some((a, vec![c]))
    );
    assert_eq!(
        runway::logic::journey::groups::filing(&ws, cohort, &[b]),
        Some((b, vec![]))
    );
    assert_eq!(
        runway::logic::journey::groups::filing(&ws, cohort, &[]),
        None
    );
}

#[test]
fn a_sessions_time_and_length_are_read_as_typed_or_refused_with_the_fix() {
    use runway::logic::journey::{parse_minutes, parse_start};
    assert_eq!(parse_start("  "), Ok(None));
    assert_eq!(
        parse_start("09:30"),
        Ok(chrono::NaiveTime::from_hms_opt(9, 30, 0))
    );
    assert!(parse_start("half nine")
        .unwrap_err()
        .contains("“half nine” is not a time of day"));
    assert_eq!(parse_minutes(" 90 "), Ok(90));
    assert!(parse_minutes("1.5h")
        .unwrap_err()
        .contains("whole number of minutes"));
}
