//! The coach's week (issue 15): who is behind and why, from a hand-built cohort with known
//! answers, and what comes up in the next two weeks.

use crate::common::{add_cohort, add_person, day, enrol};
use runway::logic::journey::{coach_week, Behind, DueAt};
use runway::model::*;
use serde_json::json;
use uuid::Uuid;

const T: &str = "2026-11-01T09:00:00Z";

fn id() -> Id {
    Uuid::new_v4()
}

fn one_on_one(cand: Id, with: Id, on: &str, follow_ups: &[(&str, bool)]) -> OneOnOne {
    let fus: Vec<_> = follow_ups
        .iter()
        .map(|(t, done)| json!({"id": id(), "text": t, "done_on": if *done { Some(on) } else { None }}))
        .collect();
    serde_json::from_value(
        json!({"id": id(), "candidate_id": cand, "with_id": with, "held_on": on,
        "follow_ups": fus, "created_at": T, "updated_at": T}),
    )
    .unwrap()
}

fn journal(cand: Id, on: &str) -> JournalEntry {
    serde_json::from_value(
        json!({"id": id(), "candidate_id": cand, "on": on, "title": "Notes",
        "visibility": "coach", "created_at": T, "updated_at": T}),
    )
    .unwrap()
}

fn assignment(cand: Id, title: &str, starts: &str, ends: &str, status: &str) -> MicroAssignment {
    serde_json::from_value(json!({"id": id(), "candidate_id": cand, "title": title,
        "starts_on": starts, "ends_on": ends, "status": status, "created_at": T, "updated_at": T}))
    .unwrap()
}

fn done_activity(cand: Id, kind: &str, on: &str, minutes: u32) -> Activity {
    serde_json::from_value(
        json!({"id": id(), "candidate_id": cand, "kind": kind, "title": kind,
        "on": on, "minutes": minutes, "done": true, "created_at": T, "updated_at": T}),
    )
    .unwrap()
}

struct Cohort2 {
    ws: Workspace,
    cohort: Id,
    coach: Id,
    ana: Id,
    ben: Id,
    report: Id,
}

/// A cohort that started on Monday 5 October 2026, coached by Cleo, with Ana and Ben taking
/// part (6 protected hours each) and Dev, a report of Ben's.
fn cohort() -> Cohort2 {
    let mut ws = Workspace::default();
    let coach = add_person(&mut ws, "Cleo Coach", "Platform", TrackLevel::M2);
    let ana_p = add_person(&mut ws, "Ana Alves", "Payments", TrackLevel::IC3);
    let ben_p = add_person(&mut ws, "Ben Berg", "Search", TrackLevel::IC3);
    let report = add_person(&mut ws, "Dev Report", "Search", TrackLevel::IC2);
    let cohort = add_cohort(&mut ws, "MiT autumn", vec![coach], day(2026, 10, 5));
    let ana = enrol(&mut ws, cohort, ana_p, 6.0);
    let ben = enrol(&mut ws, cohort, ben_p, 6.0);
    Cohort2 {
        ws,
        cohort,
        coach,
        ana,
        ben,
        report,
    }
}

#[test]
fn a_candidate_without_a_coaching_one_on_one_for_three_weeks_is_behind_and_says_why() {
    let Cohort2 {
        mut ws,
        cohort,
        coach,
        ana,
        ben,
        report,
    } = cohort();
    let today = day(2026, 11, 25); // a Wednesday
                                   // Ana: a 1:1 last Friday with one follow-up still open, a journal entry on Sunday, and
                                   // last week (16–22 November) 5 of her 6 protected hours used.
    ws.one_on_ones.push(one_on_one(
        ana,
        coach,
        "2026-11-20",
        &[("Book shadowing", false), ("Read the guide", true)],
    ));
    ws.journal.push(journal(ana, "2026-11-22"));
    ws.activities
        .push(done_activity(ana, "workshop", "2026-11-17", 120));
    ws.activities
        .push(done_activity(ana, "shadowing", "2026-11-19", 180));
    // Ben: his last 1:1 with the coach was 3 November (22 days ago); the practice 1:1 he held
    // with his report yesterday is not coaching. No journal; an assignment that ended on the
    // 20th still active; nothing logged last week.
    ws.one_on_ones.push(one_on_one(
        ben,
        coach,
        "2026-11-03",
        &[("Draft the on-call plan", false)],
    ));
    ws.one_on_ones.push(one_on_one(
        ben,
        report,
        "2026-11-24",
        &[("Ask for feedback", false)],
    ));
    ws.assignments.push(assignment(
        ben,
        "Run the incident review",
        "2026-11-02",
        "2026-11-20",
        "active",
    ));
    ws.assignments.push(assignment(
        ben,
        "Onboard Dev",
        "2026-11-02",
        "2026-11-20",
        "done",
    ));

    let week = coach_week(&ws, cohort, today).unwrap();
    assert_eq!(week.monday, day(2026, 11, 23));
    assert_eq!(week.behind(), 1);
    let names: Vec<&str> = week.candidates.iter().map(|c| c.name.as_str()).collect();
    assert_eq!(
        names,
        ["Ben Berg", "Ana Alves"],
        "who is behind comes first"
    );

    let b = &week.candidates[0];
    assert_eq!(b.last_one_on_one, Some(day(2026, 11, 3)));
    assert_eq!(b.last_journal, None);
    assert_eq!(
        b.open_follow_ups, 1,
        "the practice 1:1's follow-up is not the coach's"
    );
    assert_eq!(b.overdue.len(), 1);
    assert_eq!(b.overdue[0].1, "Run the incident review");
    assert_eq!(
        b.behind,
        vec![
            Behind::OneOnOne(Some(22)),
            Behind::Journal(None),
            Behind::Overdue(1),
            Behind::UnusedTime {
                used: 0.0,
                protected: 6.0
            },
        ]
    );
    assert_eq!(b.behind[0].text(), "No 1:1 with a coach for 22 days");
    assert_eq!(b.behind[0].section(), "one-on-ones");
    assert_eq!(b.behind[3].text(), "Last week used 0 of 6 protected hours");

    let a = &week.candidates[1];
    assert_eq!(a.behind, vec![]);
    assert_eq!(a.last_one_on_one, Some(day(2026, 11, 20)));
    assert_eq!(a.last_journal, Some(day(2026, 11, 22)));
    assert_eq!(a.open_follow_ups, 1);
    assert_eq!(a.week.monday, day(2026, 11, 23));
    assert_eq!(a.week.protected_hours, 6.0);
}

#[test]
fn gaps_count_from_the_cohort_start_and_a_cohort_not_started_has_nobody_behind() {
    let Cohort2 {
        mut ws,
        cohort,
        ana,
        ..
    } = cohort();
    // Ten days in: no 1:1 and no journal yet is not behind (14 days allowed); the first full
    // week unused is. Ana logs 3 of 6 hours: exactly half, so not unused.
    let ten_days_in = day(2026, 10, 15);
    ws.activities
        .push(done_activity(ana, "workshop", "2026-10-06", 180));
    let week = coach_week(&ws, cohort, ten_days_in).unwrap();
    let behind: Vec<(&str, &Vec<Behind>)> = week
        .candidates
        .iter()
        .map(|c| (c.name.as_str(), &c.behind))
        .collect();
    assert_eq!(
        behind,
        vec![
            (
                "Ben Berg",
                &vec![Behind::UnusedTime {
                    used: 0.0,
                    protected: 6.0
                }]
            ),
            ("Ana Alves", &vec![]),
        ]
    );
    // Fifteen days in, neither has had a 1:1 or written in the journal.
    let week = coach_week(&ws, cohort, day(2026, 10, 20)).unwrap();
    let ana_line = week
        .candidates
        .iter()
        .find(|c| c.candidate_id == ana)
        .unwrap();
    assert_eq!(
        ana_line.behind[..2],
        [Behind::OneOnOne(None), Behind::Journal(None)]
    );
    assert_eq!(ana_line.behind[0].text(), "No 1:1 with a coach yet");
    // Before the start: nobody is behind.
    let before = coach_week(&ws, cohort, day(2026, 9, 28)).unwrap();
    assert!(before.candidates.iter().all(|c| c.behind.is_empty()));
    assert_eq!(before.behind(), 0);
    assert!(coach_week(&ws, Uuid::new_v4(), day(2026, 10, 20)).is_none());
}

#[test]
fn coming_up_lists_phase_starts_calibration_assignments_and_health_checks_by_date() {
    let Cohort2 {
        mut ws,
        cohort,
        ben,
        ..
    } = cohort();
    let shadow = ws.cohort(cohort).unwrap().phases[1].clone();
    let today = shadow.starts_on - chrono::Days::new(5);
    let iso = |d: Date| d.format("%Y-%m-%d").to_string();
    ws.assignments.push(assignment(
        ben,
        "Write the runbook",
        &iso(today - chrono::Days::new(10)),
        &iso(today + chrono::Days::new(3)),
        "active",
    ));
    ws.assignments.push(assignment(
        ben,
        "Later work",
        &iso(today),
        &iso(today + chrono::Days::new(30)),
        "planned",
    ));
    ws.health_checks.push(
        serde_json::from_value(
            json!({"id": id(), "candidate_id": ben, "on": iso(today - chrono::Days::new(85)),
            "scores": [], "created_at": T, "updated_at": T}),
        )
        .unwrap(),
    );
    let week = coach_week(&ws, cohort, today).unwrap();
    let due: Vec<(Date, &str)> = week.due.iter().map(|d| (d.on, d.what.as_str())).collect();
    let start = ws.cohort(cohort).unwrap().starts_on();
    let calibration_on = (start + chrono::Days::new(31)).max(today);
    // Same-day items keep the order phases, calibration, assignments, health.
    let mut expected = vec![
        (shadow.starts_on, "Shadow phase starts"),
        (calibration_on, "Calibration due: none held yet"),
        (
            today + chrono::Days::new(3),
            "Ben Berg: “Write the runbook” ends",
        ),
        (
            today + chrono::Days::new(6),
            "Ben Berg: team health check due",
        ),
    ];
    expected.sort_by_key(|e| e.0);
    assert_eq!(due, expected);
    assert!(week
        .due
        .iter()
        .any(|d| d.at == DueAt::Candidate(ben, "assignments")));
    assert!(week.due.iter().any(|d| d.at == DueAt::Calibration));
}

#[test]
fn fourteen_days_without_a_one_on_one_is_allowed_and_fifteen_is_behind() {
    let Cohort2 {
        mut ws,
        cohort,
        coach,
        ana,
        ..
    } = cohort();
    ws.one_on_ones
        .push(one_on_one(ana, coach, "2026-11-02", &[]));
    ws.journal.push(journal(ana, "2026-11-02"));
    let reasons = |ws: &Workspace, today: Date| {
        coach_week(ws, cohort, today)
            .unwrap()
            .candidates
            .into_iter()
            .find(|c| c.candidate_id == ana)
            .unwrap()
            .behind
            .into_iter()
            .filter(|b| matches!(b, Behind::OneOnOne(_) | Behind::Journal(_)))
            .collect::<Vec<_>>()
    };
    assert_eq!(
        reasons(&ws, day(2026, 11, 16)),
        vec![],
        "14 days is not behind"
    );
    assert_eq!(
        reasons(&ws, day(2026, 11, 17)),
        vec![Behind::OneOnOne(Some(15)), Behind::Journal(Some(15))]
    );
    assert_eq!(
        Behind::Journal(Some(15)).text(),
        "No journal entry you can see for 15 days"
    );
}

#[test]
fn a_cohort_starting_on_a_thursday_is_not_judged_on_its_first_part_week() {
    let mut ws = Workspace::default();
    let coach = add_person(&mut ws, "Cleo Coach", "Platform", TrackLevel::M2);
    let p = add_person(&mut ws, "Ana Alves", "Payments", TrackLevel::IC3);
    let thursday = day(2026, 10, 8);
    let cohort = add_cohort(&mut ws, "Thursday start", vec![coach], thursday);
    let ana = enrol(&mut ws, cohort, p, 6.0);
    assert_eq!(ws.cohort(cohort).unwrap().starts_on(), thursday);
    let unused = |ws: &Workspace, today: Date| {
        coach_week(ws, cohort, today).unwrap().candidates[0]
            .behind
            .iter()
            .any(|b| matches!(b, Behind::UnusedTime { .. }))
    };
    // The week of 12 October looks back at 5–11 October, of which only Thursday on was in
    // the program: not judged. The week after looks back at a full week with nothing used.
    assert!(!unused(&ws, day(2026, 10, 13)));
    assert!(unused(&ws, day(2026, 10, 20)));
    ws.activities
        .push(done_activity(ana, "workshop", "2026-10-14", 240));
    assert!(!unused(&ws, day(2026, 10, 20)), "4 of 6 hours is used");
}

#[test]
fn a_cohort_without_phases_has_nobody_behind_on_its_timeline() {
    let Cohort2 { mut ws, cohort, .. } = cohort();
    ws.cohorts
        .iter_mut()
        .find(|c| c.id == cohort)
        .unwrap()
        .phases
        .clear();
    let week = coach_week(&ws, cohort, day(2026, 11, 25)).unwrap();
    assert_eq!(week.candidates.len(), 2);
    assert_eq!(week.behind(), 0, "no start date, so no gap to measure");
    assert!(week
        .due
        .iter()
        .all(|d| !d.what.starts_with("Calibration due")));
}

fn session(cohort: Id, on: &str) -> Calibration {
    serde_json::from_value(
        json!({"id": id(), "cohort_id": cohort, "framework_id": id(), "on": on,
        "created_at": T, "updated_at": T}),
    )
    .unwrap()
}

#[test]
fn a_calibration_planned_far_ahead_does_not_hide_one_already_overdue() {
    use runway::logic::journey::calibration_due;
    let Cohort2 { mut ws, cohort, .. } = cohort();
    // Started 5 October; last session 12 October; the next planned for 10 January.
    ws.calibrations.push(session(cohort, "2026-10-12"));
    ws.calibrations.push(session(cohort, "2027-01-10"));
    let c = ws.cohort(cohort).unwrap().clone();
    // 1 November: the next is due 12 November, and one is planned: that is what is said.
    let early = calibration_due(&ws, &c, day(2026, 11, 1)).unwrap();
    assert_eq!(
        (early.on, early.what.as_str()),
        (day(2027, 1, 10), "Calibration session")
    );
    // 25 November: a month since the last has passed; the planned one is weeks away.
    let late = calibration_due(&ws, &c, day(2026, 11, 25)).unwrap();
    assert_eq!(late.on, day(2026, 11, 25));
    assert_eq!(
        late.what,
        "Calibration overdue: the last session was 44 days ago; the next is planned for 10 Jan 2027"
    );
    // The coach's week lists it today, though the planned session is beyond two weeks.
    let week = coach_week(&ws, cohort, day(2026, 11, 25)).unwrap();
    assert!(week.due.iter().any(|d| d.what == late.what));
    // Without any session: due a month after the start, and nothing once the cohort ended.
    ws.calibrations.clear();
    let none = calibration_due(&ws, &c, day(2026, 10, 20)).unwrap();
    assert_eq!(
        (none.on, none.what.as_str()),
        (day(2026, 11, 5), "Calibration due: none held yet")
    );
    assert_eq!(
        calibration_due(&ws, &c, c.ends_on() + chrono::Days::new(1)),
        None
    );
}
