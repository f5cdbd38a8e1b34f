//! The organisation's overview (issue 15): metrics with known answers on a hand-built
//! workspace (small counts and empty ones too), each pitfall's trigger and its absence.

use crate::common::{act, add_cohort, at, day};
use runway::logic::actions::{Action, PersonFields};
use runway::logic::evaluation::frameworks::{self, MIT_RUBRIC};
use runway::logic::program::overview::{overview, FixAt, Metric, Overview, Pitfall};
use runway::model::*;
use serde_json::json;
use uuid::Uuid;

fn hire(ws: &mut Workspace, name: &str, level: TrackLevel, joined: Date, left: Option<Date>) -> Id {
    act(
        ws,
        Action::AddPerson(PersonFields {
            name: name.into(),
            email: None,
            team: "Payments".into(),
            role_title: String::new(),
            level: Some(level),
            joined_on: Some(joined),
            left_on: left,
        }),
    )
    .unwrap()
    .unwrap()
}

fn candidacy(
    ws: &mut Workspace,
    cohort: Id,
    person: Id,
    status: CandidateStatus,
    hours: f32,
) -> Id {
    let id = crate::common::enrol(ws, cohort, person, hours);
    ws.candidates
        .iter_mut()
        .find(|c| c.id == id)
        .unwrap()
        .status = status;
    id
}

fn done(ws: &mut Workspace, cand: Id, kind: &str, on: &str, minutes: u32) {
    ws.activities.push(
        serde_json::from_value(
            json!({"id": Uuid::new_v4(), "candidate_id": cand, "kind": kind,
            "title": kind, "on": on, "minutes": minutes, "done": true,
            "created_at": "2026-11-01T09:00:00Z", "updated_at": "2026-11-01T09:00:00Z"}),
        )
        .unwrap(),
    );
}

fn trial(person: Id, starts: Date, outcomes: Vec<TrialOutcome>, checkpoint: Option<Date>) -> Trial {
    Trial {
        id: Uuid::new_v4(),
        person_id: person,
        candidate_id: None,
        starts_on: starts,
        months: 6,
        return_level: TrackLevel::IC3,
        return_band: String::new(),
        team: "Payments".into(),
        from_team: String::new(),
        supporter_id: None,
        no_coding_expected: false,
        checkpoints: checkpoint
            .map(|on| {
                vec![
                    serde_json::from_value(json!({"id": Uuid::new_v4(), "on": on.to_string()}))
                        .unwrap(),
                ]
            })
            .unwrap_or_default(),
        outcomes,
        created_at: at(2024, 12, 2),
        updated_at: at(2024, 12, 2),
        merge_bases: vec![],
    }
}

fn decided(decision: TrialDecision, on: Date) -> TrialOutcome {
    TrialOutcome {
        decision,
        on,
        months: None,
        team: String::new(),
        note: String::new(),
    }
}

struct Org {
    ws: Workspace,
    spring: Id,
    autumn: Id,
    pilot: Id,
    coach: Id,
    promoted: Id,
    r: [Id; 4],
}

/// Spring 2025 (ended): one promoted, one Ready, one back in engineering who left in December
/// 2025, one withdrawn, one not selected. Autumn 2026 (running since 5 October 2026, coached by
/// Cleo alone): four candidates, the last with no protected hours. Pilot: no phase dates.
fn org() -> Org {
    let mut ws = Workspace::default();
    let long_ago = day(2020, 1, 6);
    let coach = hire(&mut ws, "Cleo Coach", TrackLevel::M2, long_ago, None);
    let spring = add_cohort(&mut ws, "Spring 2025", vec![coach], day(2025, 3, 3));
    let autumn = add_cohort(&mut ws, "Autumn 2026", vec![coach], day(2026, 10, 5));
    let pilot = add_cohort(&mut ws, "Pilot", vec![], day(2026, 1, 5));
    ws.cohorts
        .iter_mut()
        .find(|c| c.id == pilot)
        .unwrap()
        .phases
        .clear();
    let ic3 = TrackLevel::IC3;
    let pa = hire(&mut ws, "Pat A", ic3, long_ago, None);
    let pb = hire(&mut ws, "Pat B", ic3, long_ago, None);
    let pc = hire(&mut ws, "Pat C", ic3, long_ago, Some(day(2025, 12, 1)));
    let pd = hire(&mut ws, "Pat D", ic3, long_ago, None);
    let pe = hire(&mut ws, "Pat E", ic3, long_ago, None);
    // Not in the program: one stays, one left in June 2025, one at another level, one who
    // joined after Spring started.
    hire(&mut ws, "Quinn A", ic3, day(2019, 4, 1), None);
    hire(
        &mut ws,
        "Quinn B",
        ic3,
        day(2019, 4, 1),
        Some(day(2025, 6, 30)),
    );
    hire(&mut ws, "Quinn C", TrackLevel::IC1, day(2019, 4, 1), None);
    hire(&mut ws, "Quinn D", ic3, day(2025, 5, 1), None);
    let promoted = candidacy(&mut ws, spring, pa, CandidateStatus::Promoted, 6.0);
    candidacy(&mut ws, spring, pb, CandidateStatus::Ready, 6.0);
    candidacy(
        &mut ws,
        spring,
        pc,
        CandidateStatus::ReturnedToEngineering,
        6.0,
    );
    candidacy(&mut ws, spring, pd, CandidateStatus::Withdrawn, 6.0);
    candidacy(&mut ws, spring, pe, CandidateStatus::NotSelected, 0.0);
    let mut r = [Id::nil(); 4];
    for (i, slot) in r.iter_mut().enumerate() {
        let p = hire(&mut ws, &format!("Rae {}", i + 1), ic3, long_ago, None);
        let hours = if i == 3 { 0.0 } else { 6.0 };
        *slot = candidacy(&mut ws, autumn, p, CandidateStatus::InProgram, hours);
    }
    Org {
        ws,
        spring,
        autumn,
        pilot,
        coach,
        promoted,
        r,
    }
}

const TODAY: (i32, u32, u32) = (2026, 11, 25);

/// A metric's rows as (label, value).
fn rows_of(m: &Metric) -> Vec<(&str, &str)> {
    m.rows
        .iter()
        .map(|r| (r.label.as_str(), r.value.as_str()))
        .collect()
}

fn metric<'a>(o: &'a Overview, name: &str) -> &'a Metric {
    o.metrics.iter().find(|m| m.name == name).unwrap()
}

fn today() -> Date {
    day(TODAY.0, TODAY.1, TODAY.2)
}

#[test]
fn every_cohort_at_a_glance_newest_first() {
    let Org {
        ws,
        spring,
        autumn,
        pilot,
        ..
    } = org();
    let o = overview(&ws, today());
    let ids: Vec<Id> = o.cohorts.iter().map(|c| c.id).collect();
    assert_eq!(ids, vec![autumn, spring, pilot]);
    let a = &o.cohorts[0];
    assert_eq!(a.statuses, vec![(CandidateStatus::InProgram, 4)]);
    assert_eq!(
        a.behind, 4,
        "nobody has had a 1:1 in the 51 days since the start"
    );
    assert!(
        a.now.starts_with("Practice") || a.now.starts_with("Shadow"),
        "{}",
        a.now
    );
    assert!(a.calibration.is_some(), "none held yet, so one is due");
    let s = &o.cohorts[1];
    assert_eq!(s.now, "Finished");
    assert_eq!(
        s.statuses,
        vec![
            (CandidateStatus::Ready, 1),
            (CandidateStatus::Promoted, 1),
            (CandidateStatus::ReturnedToEngineering, 1),
            (CandidateStatus::Withdrawn, 1),
            (CandidateStatus::NotSelected, 1),
        ]
    );
    assert_eq!(s.behind, 0);
    assert!(
        s.calibration.is_none(),
        "an ended cohort has no calibration due"
    );
    assert_eq!(o.cohorts[2].now, "No phase dates");
}

#[test]
fn readiness_rate_counts_those_who_finished_ended_cohorts_with_a_small_n_caution() {
    let Org { ws, .. } = org();
    let o = overview(&ws, today());
    let m = metric(&o, "Promotion readiness rate");
    // Finished: promoted, Ready and returned (not the withdrawn one); approved: two.
    assert_eq!(m.value, "67% (2 of 3)");
    assert_eq!(m.n, 3);
    assert_eq!(m.rows.len(), 1, "the running cohort has not ended");
    assert_eq!(m.rows[0].label, "Spring 2025");
    assert!(m.caution.as_deref().unwrap().starts_with("Only 3 counted"));
    assert!(m.period.starts_with("Mar 2025 to "), "{}", m.period);
}

#[test]
fn retention_compares_participants_with_peers_at_the_same_level() {
    let Org { ws, .. } = org();
    let o = overview(&ws, today());
    let m = metric(&o, "Retention against peers");
    // Spring, 12 months on (3 March 2026): participants Pat A–D, Pat C left → 3 of 4. Peers
    // at IC3 employed on 3 March 2025 and never in the program: Pat E (not selected), Quinn A,
    // Quinn B (left) → 2 of 3. Quinn C is IC1, Quinn D joined later.
    assert_eq!(m.rows[0].label, "Spring 2025 (12 months)");
    assert_eq!(
        m.rows[0].value,
        "participants 75% (3 of 4) · peers 67% (2 of 3)"
    );
    // Autumn, to date: Rae 1–4 all here; peers Pat E, Quinn A, Quinn D → 3 of 3.
    assert_eq!(m.rows[1].label, "Autumn 2026 (to date)");
    assert_eq!(
        m.rows[1].value,
        "participants 100% (4 of 4) · peers 100% (3 of 3)"
    );
    // The headline pools cohorts a year old only; the younger one is a row of its own.
    assert_eq!(
        m.value,
        "participants 75% (3 of 4) · peers 67% (2 of 3), 12 months on"
    );
    assert_eq!(m.n, 4);
    assert!(m.caution.is_some(), "four counted is small");
}

#[test]
fn trials_by_outcome_and_new_managers_still_here_a_year_on() {
    let Org { mut ws, r, .. } = org();
    let person = |ws: &Workspace, c: Id| ws.candidate(c).unwrap().person_id;
    let (p0, p1, p2) = (person(&ws, r[0]), person(&ws, r[1]), person(&ws, r[2]));
    ws.trials.push(trial(
        p0,
        day(2024, 12, 2),
        vec![decided(TrialDecision::Confirmed, day(2025, 6, 2))],
        None,
    ));
    ws.trials.push(trial(
        p1,
        day(2025, 9, 1),
        vec![
            decided(TrialDecision::Extended, day(2026, 3, 2)),
            decided(TrialDecision::Returned, day(2026, 5, 4)),
        ],
        None,
    ));
    ws.trials
        .push(trial(p2, day(2026, 9, 7), vec![], Some(day(2026, 12, 7))));
    let o = overview(&ws, today());
    let m = metric(&o, "Trials");
    assert_eq!(m.value, "1 confirmed · 1 returned · 1 open");
    let rows = rows_of(m);
    assert_eq!(
        rows,
        vec![
            ("Confirmed as a manager", "33% (1 of 3)"),
            ("Extended on the way", "33% (1 of 3)"),
            ("Returned to engineering", "33% (1 of 3)"),
            ("Still open", "33% (1 of 3)"),
            (
                "Confirmed a year ago or more, still here a year on",
                "100% (1 of 1)"
            ),
        ]
    );
    assert!(m.caution.is_some(), "three trials is a small count");
    assert_eq!(o.trials.len(), 1, "only the open trial is in flight");
    assert_eq!(o.trials[0].person_id, p2);
    assert_eq!(o.trials[0].next_checkpoint, Some(day(2026, 12, 7)));
}

#[test]
fn an_empty_workspace_has_no_numbers_and_says_so() {
    let o = overview(&Workspace::default(), today());
    assert!(o.cohorts.is_empty() && o.trials.is_empty() && o.cases.is_empty());
    assert!(o.pitfalls.is_empty());
    for m in &o.metrics {
        assert_eq!(m.n, 0, "{}", m.name);
        assert!(m.caution.is_some(), "{} says there is nothing yet", m.name);
        assert!(m.rows.iter().all(|r| r.value.ends_with('—') || r.n == 0));
    }
    assert_eq!(metric(&o, "Promotion readiness rate").value, "—");
    assert_eq!(metric(&o, "Time from start to Ready").value, "—");
    assert_eq!(
        metric(&o, "Micro-assignment outcomes").value,
        "0 of 0 measured before and after"
    );
}

#[test]
fn pitfalls_say_what_triggered_them_and_go_when_it_is_put_right() {
    let Org {
        mut ws,
        autumn,
        pilot,
        coach,
        promoted,
        r,
        ..
    } = org();
    // Rae 1 does four hours of workshops a week; nobody practises.
    for on in ["2026-11-03", "2026-11-10", "2026-11-17"] {
        done(&mut ws, r[0], "workshop", on, 240);
    }
    let found = overview(&ws, today()).pitfalls;
    let theory = Pitfall::TooTheoretical {
        cohort: autumn,
        name: "Autumn 2026".into(),
        workshop_minutes: 720,
        all_minutes: 720,
    };
    assert!(found.contains(&theory), "{found:#?}");
    assert_eq!(
        theory.trigger(),
        "Autumn 2026: workshops took 100% of the time in done sessions (12 of 12 hours); practice is the rest"
    );
    assert!(found.contains(&Pitfall::NoTimeline {
        cohort: pilot,
        name: "Pilot".into()
    }));
    assert!(found.contains(&Pitfall::CoachStretched {
        coach,
        name: "Cleo Coach".into(),
        candidates: 4.0,
        cohort: autumn,
    }));
    assert!(found.contains(&Pitfall::NoProtectedTime {
        candidate: r[3],
        name: "Rae 4".into()
    }));
    let unused: Vec<Id> = found
        .iter()
        .filter_map(|p| match p {
            Pitfall::UnusedTime { candidate, .. } => Some(*candidate),
            _ => None,
        })
        .collect();
    assert_eq!(
        unused,
        vec![r[1], r[2]],
        "Rae 1 used 4 of 6 hours each week"
    );
    let assumed = found
        .iter()
        .find_map(|p| match p {
            Pitfall::PromotedByAssumption {
                candidate, missing, ..
            } if *candidate == promoted => Some(missing.clone()),
            _ => None,
        })
        .expect("promoted with no calibration and no package");
    assert!(
        assumed[0].starts_with("no calibrated Ready backed by evidence in "),
        "{assumed:?}"
    );
    assert_eq!(assumed.last().unwrap(), "no promotion package");
    assert_eq!(
        Pitfall::NoTimeline {
            cohort: pilot,
            name: "Pilot".into()
        }
        .fix(),
        (FixAt::Cohort(pilot), "Set the phase dates")
    );

    // Put right: Rae 2 and 3 shadow 4½ hours a week (so workshops are under half the time),
    // Rae 4 gets protected hours, a second coach joins Cleo, the pilot gets dates.
    for on in ["2026-11-04", "2026-11-11", "2026-11-18"] {
        done(&mut ws, r[1], "shadowing", on, 270);
        done(&mut ws, r[2], "shadowing", on, 270);
    }
    let second = hire(&mut ws, "Sam Second", TrackLevel::M2, day(2020, 1, 6), None);
    for c in ws.cohorts.iter_mut() {
        if c.id == autumn {
            c.coach_ids = vec![coach, second];
        }
        if c.id == pilot {
            c.phases = runway::logic::program::phases::default_phases(day(2026, 1, 5));
        }
    }
    ws.candidates
        .iter_mut()
        .find(|c| c.id == r[3])
        .unwrap()
        .protected_hours_per_week = 4.0;
    let left = overview(&ws, today()).pitfalls;
    let kinds: Vec<&str> = left.iter().map(|p| p.kind()).collect();
    assert!(
        !left
            .iter()
            .any(|p| matches!(p, Pitfall::TooTheoretical { .. })),
        "{kinds:?}"
    );
    assert!(!left.iter().any(|p| matches!(p, Pitfall::NoTimeline { .. })));
    assert!(
        !left
            .iter()
            .any(|p| matches!(p, Pitfall::CoachStretched { .. })),
        "{left:#?}"
    );
    assert!(!left
        .iter()
        .any(|p| matches!(p, Pitfall::NoProtectedTime { .. })));
    // Rae 4 has just been given hours and used none: her time is now what is unused.
    let unused: Vec<&Pitfall> = left
        .iter()
        .filter(|p| matches!(p, Pitfall::UnusedTime { .. }))
        .collect();
    assert_eq!(
        unused,
        vec![&Pitfall::UnusedTime {
            candidate: r[3],
            name: "Rae 4".into()
        }]
    );
}

#[test]
fn a_metric_table_exports_as_csv_that_a_spreadsheet_reads_safely() {
    use runway::logic::program::overview::to_csv;
    let Org { ws, .. } = org();
    let o = overview(&ws, today());
    let csv = metric(&o, "Promotion readiness rate").csv();
    let lines: Vec<&str> = csv.split("\r\n").collect();
    assert_eq!(lines[0], "Cohort,Counted,Promotion readiness rate");
    assert_eq!(lines[1], "Spring 2025,3,67% (2 of 3)");
    assert!(lines[2].starts_with("All (Mar 2025 to "), "{}", lines[2]);
    assert!(lines[2].ends_with(",3,67% (2 of 3)"));
    assert_eq!(lines[3], "", "the file ends with a line break");
    let rows = vec![vec![
        "Say \"hi\", then go".to_string(),
        "=SUM(A1)".to_string(),
        "two\nlines".to_string(),
    ]];
    assert_eq!(
        to_csv(&rows),
        "\"Say \"\"hi\"\", then go\",'=SUM(A1),\"two\nlines\"\r\n"
    );
}

fn calibrated(ws: &mut Workspace, cohort: Id, on: Date, who: &[(Id, usize)]) {
    // (candidate, how many domains at the top level; the others one below)
    let fw = frameworks::find(ws, MIT_RUBRIC).unwrap();
    let top = fw.top_level().unwrap().id;
    let below = fw.levels.iter().find(|l| l.id != top).unwrap().id;
    let domains: Vec<Id> = fw.active_domains().map(|d| d.id).collect();
    let outcomes: Vec<_> = who
        .iter()
        .flat_map(|(cand, n)| {
            domains.iter().enumerate().map(move |(i, d)| {
                json!({"candidate_id": cand, "domain_id": d, "level_id": if i < *n { top } else { below }})
            })
        })
        .collect();
    ws.calibrations.push(
        serde_json::from_value(json!({"id": Uuid::new_v4(), "cohort_id": cohort,
            "framework_id": MIT_RUBRIC, "on": on.to_string(), "outcomes": outcomes,
            "created_at": "2025-01-01T09:00:00Z", "updated_at": "2025-01-01T09:00:00Z"}))
        .unwrap(),
    );
}

#[test]
fn time_to_ready_runs_from_the_start_to_the_calibration_ready_in_every_domain() {
    let Org {
        mut ws,
        spring,
        promoted,
        ..
    } = org();
    let pat_b = ws.candidates_in(spring).nth(1).unwrap().id;
    let domains = frameworks::find(&ws, MIT_RUBRIC)
        .unwrap()
        .active_domains()
        .count();
    // May: Pat A top in three domains. June: Pat B top in all. July: Pat A's other domains
    // reach the top (her earlier ones still count).
    calibrated(
        &mut ws,
        spring,
        day(2025, 5, 5),
        &[(promoted, 3), (pat_b, 1)],
    );
    calibrated(&mut ws, spring, day(2025, 6, 2), &[(pat_b, domains)]);
    ws.calibrations.push({
        let mut s = ws.calibrations[0].clone();
        s.id = Uuid::new_v4();
        s.on = day(2025, 7, 7);
        let fw = frameworks::find(&ws, MIT_RUBRIC).unwrap();
        let top = fw.top_level().unwrap().id;
        s.outcomes = s
            .outcomes
            .into_iter()
            .filter(|o| o.candidate_id == promoted && o.level_id != top)
            .map(|mut o| {
                o.level_id = top;
                o
            })
            .collect();
        s
    });
    let o = overview(&ws, today());
    let m = metric(&o, "Time from start to Ready");
    let rows = rows_of(m);
    assert_eq!(
        rows,
        vec![
            ("Pat A (Spring 2025)", "4 months (calibrated 7 Jul 2025)"),
            ("Pat B (Spring 2025)", "2 months (calibrated 2 Jun 2025)"),
        ]
    );
    // Eight took part (four in each cohort); the median of 2 and 4 months is 3.
    assert_eq!(m.value, "median 3 months (2 of 8 who took part)");
    assert_eq!(m.n, 2);
    assert!(m.caution.is_some());
}

#[test]
fn micro_assignment_outcomes_list_each_number_before_and_after() {
    let Org {
        mut ws, promoted, ..
    } = org();
    let add = |ws: &mut Workspace, title: &str, ends: &str, metric: serde_json::Value| {
        ws.assignments.push(
            serde_json::from_value(json!({"id": Uuid::new_v4(), "candidate_id": promoted,
                "title": title, "starts_on": "2025-04-01", "ends_on": ends, "status": "done",
                "metric": metric, "created_at": "2025-04-01T09:00:00Z",
                "updated_at": "2025-04-01T09:00:00Z"}))
            .unwrap(),
        );
    };
    add(
        &mut ws,
        "On-call rotation",
        "2025-05-30",
        json!({"name": "pages per week", "before": 12.0, "after": 5.0}),
    );
    add(
        &mut ws,
        "Deploy checklist",
        "2025-06-30",
        json!({"name": "rollbacks per month", "before": 3.0}),
    );
    add(
        &mut ws,
        "Hiring loop",
        "2025-07-30",
        serde_json::Value::Null,
    );
    let o = overview(&ws, today());
    let m = metric(&o, "Micro-assignment outcomes");
    assert_eq!(m.value, "1 of 2 measured before and after");
    assert_eq!(m.n, 2, "the one without a number is not counted");
    let rows = rows_of(m);
    assert_eq!(
        rows,
        vec![
            ("On-call rotation (Pat A): pages per week", "12 → 5 (−58 %)"),
            (
                "Deploy checklist (Pat A): rollbacks per month",
                "3 → not measured yet"
            ),
        ]
    );
}

#[test]
fn managers_by_level_against_the_bands_training_and_attrition() {
    let Org { mut ws, .. } = org();
    // Max was an M1 a year ago and left in June.
    hire(
        &mut ws,
        "Max Gone",
        TrackLevel::M1,
        day(2021, 3, 1),
        Some(day(2026, 6, 30)),
    );
    let o = overview(&ws, today());
    let m = metric(&o, "Managers and the ladder");
    // Today only Cleo (M2) manages.
    assert_eq!(
        m.value,
        "1 manager · 0 of 1 on track · 1 of 2 left in a year"
    );
    let rows = rows_of(m);
    assert_eq!(
        rows,
        vec![
            ("M1 (healthy 60–70 %)", "0 % (0 of 1), outside the band"),
            ("M2 (healthy 25–35 %)", "100 % (1 of 1), outside the band"),
            ("M3 (healthy under 10 %)", "0 % (0 of 1)"),
            ("On track with training and practice", "0% (0 of 1)"),
            ("Managers a year ago who have left since", "50% (1 of 2)"),
        ]
    );
}
