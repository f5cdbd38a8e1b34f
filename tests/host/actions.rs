//! The edit door: every action either changes the workspace as described or changes nothing.

use crate::common::{act, at, day, sample};
use runway::logic::actions::{
    Action, ActionError, CandidateFields, CohortFields, PersonFields, DEFAULT_SUCCESS_SIGNALS,
};
use runway::logic::records::impact::{cohort_deletion_impact, person_deletion_impact};
use runway::logic::validate;
use runway::model::{CandidateStatus, PhaseKind, TrackLevel, Workspace};

fn person(name: &str) -> PersonFields {
    PersonFields {
        name: name.into(),
        email: None,
        team: "Payments".into(),
        role_title: "Engineer".into(),
        level: Some(TrackLevel::IC3),
        joined_on: None,
        left_on: None,
    }
}

fn hours(h: f32) -> CandidateFields {
    CandidateFields {
        status: CandidateStatus::Nominated,
        protected_hours_per_week: h,
    }
}

#[test]
fn sample_program_is_valid_and_realistic() {
    let ws = sample();
    assert_eq!(validate(&ws), vec![]);
    assert!(ws.people.len() >= 10);
    // The running cohort, and the next one choosing its candidates.
    assert_eq!(ws.cohorts.len(), 2);
    let cohort = &ws.cohorts[0];
    assert!(cohort.sponsor_id.is_some());
    assert_eq!(cohort.coach_ids.len(), 1);
    let in_program = ws
        .candidates_in(cohort.id)
        .filter(|c| c.status == CandidateStatus::InProgram)
        .count();
    assert_eq!(in_program, 3);
    // Started some weeks before "today" (2026-11-21), so it is under way.
    assert!(cohort.starts_on() < day(2026, 11, 21) - chrono::Days::new(28));
    assert!(cohort.ends_on() > day(2026, 11, 21));
}

#[test]
fn adding_a_person_trims_and_stamps() {
    let mut ws = Workspace::default();
    let mut f = person("  Ada Lovelace ");
    f.email = Some("  ".into());
    let id = act(&mut ws, Action::AddPerson(f)).unwrap().unwrap();
    let p = ws.person(id).unwrap();
    assert_eq!(p.name, "Ada Lovelace");
    assert_eq!(p.email, None, "a blank email is no email");
    assert_eq!(p.created_at, at(2026, 11, 22));
    assert_eq!(p.updated_at, p.created_at);
}

#[test]
fn bad_person_fields_are_refused_without_change() {
    let mut ws = sample();
    let before = ws.clone();
    // Each refusal names its field, so the form shows it there.
    let field_of = |r: Result<Option<runway::model::Id>, ActionError>| {
        r.unwrap_err()
            .fields()
            .iter()
            .map(|(f, _)| f.clone())
            .collect::<Vec<_>>()
    };
    assert_eq!(
        field_of(act(&mut ws, Action::AddPerson(person("   ")))),
        ["name"]
    );
    let mut f = person("X");
    f.email = Some("not-an-email".into());
    assert_eq!(field_of(act(&mut ws, Action::AddPerson(f))), ["email"]);
    let mut f = person("  ");
    f.joined_on = Some(day(2026, 1, 1));
    f.left_on = Some(day(2025, 1, 1));
    assert_eq!(
        field_of(act(&mut ws, Action::AddPerson(f))),
        ["name", "left_on"],
        "every problem at once"
    );
    assert_eq!(ws, before);
}

#[test]
fn new_cohort_gets_default_phases_and_signals() {
    let mut ws = Workspace::default();
    let coach = act(&mut ws, Action::AddPerson(person("Coach")))
        .unwrap()
        .unwrap();
    let id = act(
        &mut ws,
        Action::AddCohort(CohortFields {
            name: "Spring".into(),
            sponsor_id: None,
            coach_ids: vec![coach, coach],
            starts_on: day(2027, 3, 1),
            template: Default::default(),
        }),
    )
    .unwrap()
    .unwrap();
    let c = ws.cohort(id).unwrap();
    assert_eq!(
        c.coach_ids,
        vec![coach],
        "a coach listed twice is kept once"
    );
    assert_eq!(
        c.phases.iter().map(|p| p.kind).collect::<Vec<_>>(),
        PhaseKind::ALL
    );
    assert_eq!(c.starts_on(), day(2027, 3, 1));
    // Six months on is Wednesday 1 September; the last phase runs to the Sunday before the
    // Monday after it, as every later phase starts on a Monday.
    assert_eq!(c.ends_on(), day(2027, 9, 5));
    let texts: Vec<&str> = c.success_signals.iter().map(|s| s.text.as_str()).collect();
    assert_eq!(texts, DEFAULT_SUCCESS_SIGNALS);
    assert_eq!(validate(&ws), vec![]);
}

#[test]
fn moving_a_cohort_start_moves_its_phases() {
    let mut ws = sample();
    let c = ws.cohorts[0].clone();
    let new_start = c.starts_on() + chrono::Days::new(7);
    act(
        &mut ws,
        Action::UpdateCohort {
            id: c.id,
            fields: CohortFields {
                name: c.name.clone(),
                sponsor_id: c.sponsor_id,
                coach_ids: c.coach_ids.clone(),
                starts_on: new_start,
                template: Default::default(),
            },
        },
    )
    .unwrap();
    let moved = ws.cohort(c.id).unwrap();
    assert_eq!(moved.starts_on(), new_start);
    assert_eq!(moved.ends_on(), c.ends_on() + chrono::Days::new(7));
}

/// The phase editor's save with one phase's end changed (an index past the last changes none).
fn phase_end(
    ws: &Workspace,
    cohort_id: runway::model::Id,
    index: usize,
    ends_on: runway::model::Date,
) -> Action {
    let mut ends: Vec<_> = ws
        .cohort(cohort_id)
        .map(|c| c.phases.iter().map(|p| p.ends_on).collect())
        .unwrap_or_default();
    if let Some(e) = ends.get_mut(index) {
        *e = ends_on;
    }
    Action::SetPhaseEnds { cohort_id, ends }
}

#[test]
fn phase_end_edit_keeps_phases_back_to_back_and_refuses_inverted_dates() {
    let mut ws = sample();
    let id = ws.cohorts[0].id;
    let shadow_start = ws.cohorts[0].phases[1].starts_on;
    let later = phase_end(&ws, id, 1, shadow_start + chrono::Days::new(41));
    act(&mut ws, later).unwrap();
    let c = ws.cohort(id).unwrap();
    assert_eq!(c.phases[2].starts_on, shadow_start + chrono::Days::new(42));
    assert_eq!(validate(&ws), vec![]);
    let before = ws.clone();
    let inverted = phase_end(&ws, id, 1, shadow_start - chrono::Days::new(1));
    let r = act(&mut ws, inverted);
    assert!(r.is_err());
    assert_eq!(ws, before);
}

#[test]
fn success_signals_can_be_added_edited_and_removed() {
    let mut ws = sample();
    let id = ws.cohorts[0].id;
    let sid = act(
        &mut ws,
        Action::AddSignal {
            cohort_id: id,
            text: "Runs a retro".into(),
        },
    )
    .unwrap()
    .unwrap();
    act(
        &mut ws,
        Action::UpdateSignal {
            cohort_id: id,
            signal_id: sid,
            text: "Runs two retros".into(),
        },
    )
    .unwrap();
    assert!(ws
        .cohort(id)
        .unwrap()
        .success_signals
        .iter()
        .any(|s| s.text == "Runs two retros"));
    assert_eq!(
        act(
            &mut ws,
            Action::AddSignal {
                cohort_id: id,
                text: " ".into()
            }
        ),
        Err(ActionError::Blank("the signal's text"))
    );
    act(
        &mut ws,
        Action::RemoveSignal {
            cohort_id: id,
            signal_id: sid,
        },
    )
    .unwrap();
    assert!(!ws
        .cohort(id)
        .unwrap()
        .success_signals
        .iter()
        .any(|s| s.id == sid));
}

#[test]
fn a_person_is_a_candidate_once_per_cohort_and_hours_are_bounded() {
    let mut ws = sample();
    let cohort = ws.cohorts[0].id;
    let existing = ws.candidates[0].person_id;
    let r = act(
        &mut ws,
        Action::AddCandidate {
            cohort_id: cohort,
            person_id: existing,
            fields: hours(4.0),
        },
    );
    assert!(matches!(r, Err(e) if e.to_string().contains("already a candidate")));
    let newcomer = act(&mut ws, Action::AddPerson(person("New")))
        .unwrap()
        .unwrap();
    for bad in [-1.0, 41.0, f32::NAN] {
        assert!(act(
            &mut ws,
            Action::AddCandidate {
                cohort_id: cohort,
                person_id: newcomer,
                fields: hours(bad)
            }
        )
        .is_err());
    }
    let id = act(
        &mut ws,
        Action::AddCandidate {
            cohort_id: cohort,
            person_id: newcomer,
            fields: hours(6.5),
        },
    )
    .unwrap()
    .unwrap();
    act(
        &mut ws,
        Action::UpdateCandidate {
            id,
            fields: CandidateFields {
                status: CandidateStatus::Selected,
                protected_hours_per_week: 8.0,
            },
        },
    )
    .unwrap();
    let c = ws.candidate(id).unwrap();
    assert_eq!(
        (c.status, c.protected_hours_per_week),
        (CandidateStatus::Selected, 8.0)
    );
}

#[test]
fn a_cohort_s_sponsor_or_coach_cannot_be_its_candidate() {
    let mut ws = sample();
    let cohort = ws.cohorts[0].clone();
    for lead in [cohort.sponsor_id.unwrap(), cohort.coach_ids[0]] {
        assert!(!runway::logic::program::enrollable(&ws, cohort.id)
            .iter()
            .any(|p| p.id == lead));
        let r = act(
            &mut ws,
            Action::AddCandidate {
                cohort_id: cohort.id,
                person_id: lead,
                fields: hours(4.0),
            },
        );
        assert!(matches!(r, Err(e) if e.to_string().contains("sponsor or coach")));
    }
}

#[test]
fn deleting_a_person_says_what_goes_and_leaves_no_dangling_reference() {
    let mut ws = sample();
    let cohort = ws.cohorts[0].clone();
    let sponsor = cohort.sponsor_id.unwrap();
    let candidate = ws.candidates[0].person_id;

    let impact = person_deletion_impact(&ws, sponsor);
    // Sponsor of both cohorts, an interviewer for the next one, a rater in this one.
    assert_eq!(impact.lines.len(), 4, "{:?}", impact.lines);
    assert_eq!(
        impact
            .lines
            .iter()
            .filter(|l| l.contains("sponsor"))
            .count(),
        2,
        "{:?}",
        impact.lines
    );
    assert!(impact
        .lines
        .contains(&"2 interview scorecards they wrote".to_string()));
    assert!(impact
        .lines
        .contains(&"3 assessments they made of candidates".to_string()));
    let impact = person_deletion_impact(&ws, candidate);
    assert_eq!(impact.lines.len(), 3, "{:?}", impact.lines);
    assert!(impact.lines[0].contains("candidacy"));
    assert!(
        impact.lines[1].contains("group sessions") && impact.lines[1].contains("stay"),
        "the group sessions stay for the others: {:?}",
        impact.lines
    );
    assert!(
        impact.lines[2].contains("calibrated levels and rationales"),
        "the calibrated levels that go are said: {:?}",
        impact.lines
    );
    assert!(
        impact.lines[0].contains("journal entries"),
        "what the candidacy holds is said: {:?}",
        impact.lines
    );
    let journal_before = ws.journal.len();
    assert!(journal_before > 0);

    act(&mut ws, Action::DeletePerson { id: sponsor }).unwrap();
    act(&mut ws, Action::DeletePerson { id: candidate }).unwrap();
    act(
        &mut ws,
        Action::DeletePerson {
            id: cohort.coach_ids[0],
        },
    )
    .unwrap();
    assert_eq!(ws.cohort(cohort.id).unwrap().sponsor_id, None);
    assert!(ws.cohort(cohort.id).unwrap().coach_ids.is_empty());
    assert!(ws.candidacies_of(candidate).next().is_none());
    assert!(
        ws.journal.is_empty(),
        "the candidate's journal goes with the candidacy"
    );
    assert!(
        ws.interviews.iter().all(|i| i.interviewer_id != sponsor),
        "scorecards go with their interviewer"
    );
    for id in [sponsor, candidate] {
        assert!(ws.deleted.iter().any(|t| t.id == id));
    }
    assert_eq!(validate(&ws), vec![]);
    assert_eq!(
        act(&mut ws, Action::DeletePerson { id: sponsor }),
        Err(ActionError::Missing("person"))
    );
}

#[test]
fn deleting_a_cohort_takes_its_candidates() {
    let mut ws = sample();
    let id = ws.cohorts[0].id;
    let n = ws.candidates_in(id).count();
    // One line per candidacy, one for the group sessions, the case reviews, the calibrations.
    let impact = cohort_deletion_impact(&ws, id);
    assert_eq!(impact.lines.len(), n + 3, "{:?}", impact.lines);
    assert!(impact
        .lines
        .contains(&"2 calibration sessions and the levels they recorded".to_string()));
    let owned = ws.activities.len() + ws.case_reviews.len() + ws.calibrations.len();
    act(&mut ws, Action::DeleteCohort { id }).unwrap();
    assert_eq!(ws.cohorts.len(), 1);
    assert!(ws.candidates.iter().all(|c| c.cohort_id != id));
    assert!(ws.activities.is_empty() && ws.case_reviews.is_empty());
    assert!(ws.calibrations.is_empty() && ws.assessments.is_empty() && ws.evidence.is_empty());
    assert!(
        ws.deleted.len() >= owned,
        "every record that went is remembered as deleted"
    );
    assert_eq!(validate(&ws), vec![]);
}

#[test]
fn large_workspace_has_the_requested_size_and_is_valid() {
    let ws = runway::sample::large_workspace(
        300,
        20,
        150,
        day(2026, 11, 21),
        at(2026, 11, 21),
        &mut crate::common::counter_ids(),
    );
    assert_eq!(ws.people.len(), 300);
    assert_eq!(ws.cohorts.len(), 20);
    assert_eq!(ws.candidates.len(), 150);
    assert_eq!(validate(&ws), vec![]);
}

mod any_sequence {
    use super::*;
    use proptest::prelude::*;
    use runway::logic::actions::apply_checked;

    /// An edit described by small numbers, turned into a real action against the current data.
    fn action_from(ws: &Workspace, pick: (u8, usize, usize, i64, u8)) -> Action {
        let (kind, a, b, days, n) = pick;
        let person_at = |i: usize| {
            ws.people
                .get(i % ws.people.len().max(1))
                .map(|p| p.id)
                .unwrap_or_default()
        };
        let cohort = |i: usize| {
            ws.cohorts
                .get(i % ws.cohorts.len().max(1))
                .map(|c| c.id)
                .unwrap_or_default()
        };
        let day = day(2026, 6, 1) + chrono::Duration::days(days);
        match kind % 9 {
            0 => Action::AddPerson(super::person(&format!("P{a}"))),
            1 => Action::DeletePerson { id: person_at(a) },
            2 => Action::AddCohort(CohortFields {
                name: format!("C{a}"),
                sponsor_id: Some(person_at(a)),
                coach_ids: vec![person_at(b)],
                starts_on: day,
                template: Default::default(),
            }),
            3 => Action::DeleteCohort { id: cohort(a) },
            4 => Action::AddCandidate {
                cohort_id: cohort(a),
                person_id: person_at(b),
                fields: hours(f32::from(n % 50)),
            },
            5 => phase_end(ws, cohort(a), b % 5, day),
            6 => Action::UpdateCohort {
                id: cohort(a),
                fields: CohortFields {
                    name: "Renamed".into(),
                    sponsor_id: None,
                    coach_ids: vec![person_at(b), person_at(a)],
                    starts_on: day,
                    template: Default::default(),
                },
            },
            7 => match ws.candidates.get(a % ws.candidates.len().max(1)) {
                Some(c) => Action::RemoveCandidate { id: c.id },
                None => Action::ResetPhases {
                    cohort_id: cohort(a),
                },
            },
            _ => Action::AddSignal {
                cohort_id: cohort(a),
                text: " ".repeat(usize::from(n % 2)) + "signal",
            },
        }
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(200))]

        /// Whatever edits are made, in any order, the workspace obeys every rule afterwards,
        /// so it always loads again.
        #[test]
        fn every_sequence_of_edits_keeps_the_workspace_valid(
            picks in proptest::collection::vec((any::<u8>(), 0usize..50, 0usize..50, -400i64..400, any::<u8>()), 1..40)
        ) {
            let mut ws = sample();
            for pick in picks {
                let action = action_from(&ws, pick);
                let before = ws.clone();
                if act(&mut ws, action.clone()).is_err() {
                    prop_assert_eq!(&ws, &before, "a refused action changed the workspace: {:?}", action);
                }
                prop_assert_eq!(validate(&ws), vec![], "after {:?}", action);
            }
        }

        /// The checked door refuses exactly what would break a rule, and never half-applies.
        #[test]
        fn checked_apply_is_all_or_nothing(pick in (any::<u8>(), 0usize..50, 0usize..50, -400i64..400, any::<u8>())) {
            let mut ws = sample();
            let before = ws.clone();
            let action = action_from(&ws, pick);
            match apply_checked(&mut ws, action, at(2026, 11, 22), &mut uuid::Uuid::new_v4) {
                Ok(_) => prop_assert_eq!(validate(&ws), vec![]),
                Err(_) => prop_assert_eq!(ws, before),
            }
        }
    }
}

#[test]
fn the_phase_editor_saves_all_phase_ends_or_none() {
    let mut ws = sample();
    let cohort = ws.cohorts[0].clone();
    let mut ends: Vec<_> = cohort.phases.iter().map(|p| p.ends_on).collect();
    // Prepare a week longer, and Practice ending before it would start: refused whole.
    ends[0] = ends[0] + chrono::Days::new(7);
    ends[2] = cohort.phases[2].starts_on - chrono::Days::new(30);
    let before = ws.clone();
    let e = act(
        &mut ws,
        Action::SetPhaseEnds {
            cohort_id: cohort.id,
            ends: ends.clone(),
        },
    )
    .unwrap_err();
    assert_eq!(ws, before, "nothing changed");
    assert_eq!(
        e.fields()[0].0,
        "phases[2].ends_on",
        "the error names the field"
    );
    assert!(
        e.to_string()
            .contains("Practice cannot end before it starts"),
        "{e}"
    );
    // Without the impossible one, both changes land together.
    ends[2] = cohort.phases[2].ends_on;
    act(
        &mut ws,
        Action::SetPhaseEnds {
            cohort_id: cohort.id,
            ends,
        },
    )
    .unwrap();
    let c = ws.cohort(cohort.id).unwrap();
    assert_eq!(
        c.phases[0].ends_on,
        cohort.phases[0].ends_on + chrono::Days::new(7)
    );
    assert_eq!(
        c.phases[1].starts_on,
        cohort.phases[1].starts_on + chrono::Days::new(7)
    );
    assert_eq!(validate(&ws), vec![]);
}

#[test]
fn a_cohort_from_the_pilot_template_has_a_week_per_phase_and_one_week_assignments() {
    use runway::logic::program::phases::{assignment_timebox_days, CohortTemplate};
    let mut ws = Workspace::default();
    let id = act(
        &mut ws,
        Action::AddCohort(CohortFields {
            name: "Pilot".into(),
            sponsor_id: None,
            coach_ids: vec![],
            starts_on: day(2027, 1, 4),
            template: CohortTemplate::OneMonthPilot,
        }),
    )
    .unwrap()
    .unwrap();
    let c = ws.cohort(id).unwrap().clone();
    let spans: Vec<(PhaseKind, runway::model::Date, runway::model::Date)> = c
        .phases
        .iter()
        .map(|p| (p.kind, p.starts_on, p.ends_on))
        .collect();
    assert_eq!(
        spans,
        vec![
            (PhaseKind::Prepare, day(2027, 1, 4), day(2027, 1, 10)),
            (PhaseKind::Shadow, day(2027, 1, 11), day(2027, 1, 17)),
            (PhaseKind::Practice, day(2027, 1, 18), day(2027, 1, 24)),
            (
                PhaseKind::LeadWithSupport,
                day(2027, 1, 25),
                day(2027, 1, 31)
            ),
        ]
    );
    assert_eq!(assignment_timebox_days(&c), 7);
    // Resetting the phases keeps a pilot a pilot.
    act(
        &mut ws,
        Action::SetPhaseEnds {
            cohort_id: id,
            ends: vec![
                day(2027, 1, 12),
                day(2027, 1, 19),
                day(2027, 1, 26),
                day(2027, 2, 2),
            ],
        },
    )
    .unwrap();
    act(&mut ws, Action::ResetPhases { cohort_id: id }).unwrap();
    assert_eq!(ws.cohort(id).unwrap().phases, c.phases);
    // The six months: two-week assignments.
    let six = act(
        &mut ws,
        Action::AddCohort(CohortFields {
            name: "Full".into(),
            sponsor_id: None,
            coach_ids: vec![],
            starts_on: day(2027, 1, 4),
            template: CohortTemplate::SixMonths,
        }),
    )
    .unwrap()
    .unwrap();
    let full = ws.cohort(six).unwrap();
    assert_eq!(full.ends_on(), day(2027, 7, 4));
    assert_eq!(assignment_timebox_days(full), 14);
}
