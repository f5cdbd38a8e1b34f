//! The journey's rules: phases of activities, 1:1 follow-ups carrying over, interview scores
//! hidden until all have scored, overdue work, journal visibility in shared files, the week,
//! the calendar file, and journey records through save, merge and the file format.

use std::collections::BTreeMap;

use crate::common::{act, assert_fields_listed, at, day, sample};
use runway::file::calendar::calendar;
use runway::file::{decode, encode_pretty};
use runway::logic::journey::{
    activity_overdue, assignment_overdue, carried_over, open_follow_ups, phase_of, timeline,
    week_summary, ItemState,
};
use runway::logic::records::audience::{share, Audience};
use runway::logic::records::merge::{merge, Resolutions, Side};
use runway::logic::records::Record;
use runway::logic::selection::{scoreboard, selection_board, Cell};
use runway::logic::{validate, Action, ActionError};
use runway::model::*;

fn candidate_named<'a>(ws: &'a Workspace, name: &str) -> &'a Candidate {
    ws.candidates
        .iter()
        .find(|c| ws.person_name(c.person_id) == name)
        .unwrap()
}

fn one_on_one(cand: Id, with: Id, on: Date, follow_ups: &[&str]) -> Record {
    Record::OneOnOne(OneOnOne {
        id: Id::nil(),
        candidate_id: cand,
        author_id: None,
        with_id: Some(with),
        held_on: on,
        agenda: "Agenda".into(),
        questions: vec!["Q1".into(), "Q2".into()],
        goal: "Goal".into(),
        notes: String::new(),
        follow_ups: follow_ups
            .iter()
            .map(|t| FollowUp {
                id: Id::nil(),
                text: (*t).into(),
                done_on: None,
            })
            .collect(),
        created_at: Timestamp::UNIX_EPOCH,
        updated_at: Timestamp::UNIX_EPOCH,
        merge_bases: vec![],
    })
}

#[test]
fn an_activity_falls_in_the_phase_of_its_date() {
    let ws = sample();
    let cohort = &ws.cohorts[0];
    let shadow_start = cohort.phases[1].starts_on;
    assert_eq!(phase_of(cohort, shadow_start), Some(PhaseKind::Shadow));
    assert_eq!(
        phase_of(cohort, shadow_start.pred_opt().unwrap()),
        Some(PhaseKind::Prepare)
    );
    assert_eq!(phase_of(cohort, cohort.ends_on().succ_opt().unwrap()), None);
    // The timeline groups each item under the phase of its date.
    let priya = candidate_named(&ws, "Priya Raman");
    let t = timeline(&ws, priya.id, day(2026, 11, 21));
    for (phase, items) in &t.groups {
        for item in items {
            assert_eq!(*phase, phase_of(cohort, item.on), "{item:?}");
        }
    }
    assert!(t.groups.iter().any(|(p, _)| *p == Some(PhaseKind::Shadow)));
}

#[test]
fn open_follow_ups_carry_over_until_ticked() {
    let mut ws = sample();
    let cand = candidate_named(&ws, "Tomás Ferreira").id;
    let coach = ws.cohorts[0].coach_ids[0];
    let first = act(
        &mut ws,
        Action::Put(one_on_one(
            cand,
            coach,
            day(2026, 11, 2),
            &["Book a shadowing slot", "Read the escalation page"],
        )),
    )
    .unwrap()
    .unwrap();
    let fu: Vec<Id> = ws
        .one_on_ones
        .iter()
        .find(|o| o.id == first)
        .unwrap()
        .follow_ups
        .iter()
        .map(|f| f.id)
        .collect();
    assert!(fu.iter().all(|id| !id.is_nil()), "new follow-ups get ids");

    // Before the second 1:1, both are open with this person; none with someone else.
    assert_eq!(
        open_follow_ups(&ws, cand, Some(coach), day(2026, 11, 9)).len(),
        2
    );
    assert!(open_follow_ups(&ws, cand, None, day(2026, 11, 9)).is_empty());

    let second = act(
        &mut ws,
        Action::Put(one_on_one(cand, coach, day(2026, 11, 9), &[])),
    )
    .unwrap()
    .unwrap();
    // Ticked during the second 1:1: still shown there (as done), gone from the third.
    act(
        &mut ws,
        Action::TickFollowUp {
            one_on_one_id: first,
            follow_up_id: fu[0],
            done_on: Some(day(2026, 11, 9)),
        },
    )
    .unwrap();
    let third = act(
        &mut ws,
        Action::Put(one_on_one(cand, coach, day(2026, 11, 16), &[])),
    )
    .unwrap()
    .unwrap();
    fn texts_in(ws: &Workspace, id: Id) -> Vec<String> {
        let o = ws.one_on_ones.iter().find(|o| o.id == id).unwrap();
        carried_over(ws, o)
            .iter()
            .map(|c| c.follow_up.text.clone())
            .collect()
    }
    let texts = |id: Id| texts_in(&ws, id);
    assert_eq!(
        texts(second),
        vec!["Book a shadowing slot", "Read the escalation page"]
    );
    assert_eq!(texts(third), vec!["Read the escalation page"]);
    assert!(texts(first).is_empty(), "nothing carries into the first");
    // A 1:1 with someone else carries nothing over.
    let other = ws.cohorts[0].sponsor_id.unwrap();
    let elsewhere = act(
        &mut ws,
        Action::Put(one_on_one(cand, other, day(2026, 11, 16), &[])),
    )
    .unwrap()
    .unwrap();
    assert!(texts_in(&ws, elsewhere).is_empty());
}

#[test]
fn interview_scores_stay_hidden_until_every_interviewer_has_scored() {
    let ws = sample();
    let next = &ws.cohorts[1];
    let ravi = candidate_named(&ws, "Ravi Kulkarni").clone();
    let sponsor = next.sponsor_id.unwrap();
    let next_id = next.id;
    let scorers: Vec<Id> = ws
        .interviews
        .iter()
        .filter(|i| i.candidate_id == ravi.id)
        .map(|i| i.interviewer_id)
        .collect();
    assert_eq!(scorers.len(), 2);
    // The sponsor has scored one scenario of three: nothing is revealed.
    for viewer in [None, Some(scorers[0]), Some(sponsor)] {
        let b = scoreboard(&ws, ravi.id, viewer);
        assert!(!b.revealed);
        assert!(b
            .rows
            .iter()
            .all(|r| r.spread.is_none() && r.mean.is_none()));
        for row in &b.rows {
            for (cell, (_, interviewer)) in row.cells.iter().zip(&b.interviewers) {
                if let Cell::Score(_) = cell {
                    assert_eq!(
                        Some(*interviewer),
                        viewer,
                        "only the viewer's own scores show"
                    );
                }
            }
        }
    }
    let own = scoreboard(&ws, ravi.id, Some(scorers[0]));
    assert!(own
        .rows
        .iter()
        .all(|r| matches!(r.cells[0], Cell::Score(_))));
    assert!(matches!(own.rows[0].cells[1], Cell::Hidden));
    assert!(matches!(own.rows[1].cells[1], Cell::Missing));

    // Kwame's panel has finished: everyone sees all scores, with the spread.
    let kwame = candidate_named(&ws, "Kwame Mensah").clone();
    let b = scoreboard(&ws, kwame.id, None);
    assert!(b.revealed);
    let spreads: Vec<u8> = b.rows.iter().map(|r| r.spread.unwrap()).collect();
    assert_eq!(spreads, vec![1, 1, 1]); // 3/2, 3/4, 4/3 in the sample
    assert_eq!(b.rows[0].mean, Some(2.5));
    // Someone about to score who has no scorecard yet sees nothing, complete panel or not.
    let newcomer = ws
        .people
        .iter()
        .find(|p| p.name == "Jonah Park")
        .unwrap()
        .id;
    let b = scoreboard(&ws, kwame.id, Some(newcomer));
    assert!(!b.revealed);
    assert!(b
        .rows
        .iter()
        .all(|r| r.cells.iter().all(|c| *c == Cell::Hidden)));

    // The last missing score reveals Ravi's too.
    let mut ws = ws;
    let mut card = ws
        .interviews
        .iter()
        .find(|i| i.candidate_id == ravi.id && i.interviewer_id == sponsor)
        .unwrap()
        .clone();
    for a in &mut card.answers {
        a.score.get_or_insert(2);
    }
    act(&mut ws, Action::Put(Record::Interview(card))).unwrap();
    assert!(scoreboard(&ws, ravi.id, None).revealed);

    // The board shows the means only once revealed.
    let board = selection_board(&ws, next_id);
    assert!(board.iter().all(|r| r.mean_score.is_some()));
}

#[test]
fn scores_off_the_scale_and_second_scorecards_are_refused() {
    let mut ws = sample();
    let mut card = ws.interviews[0].clone();
    card.answers[0].score = Some(9);
    let e = act(&mut ws, Action::Put(Record::Interview(card.clone()))).unwrap_err();
    assert!(e.to_string().contains("scale 1–4"));
    card.answers[0].score = Some(2);
    card.id = Id::nil();
    let e = act(&mut ws, Action::Put(Record::Interview(card))).unwrap_err();
    assert!(e.to_string().contains("already has a scorecard"));
}

#[test]
fn overdue_work_is_open_work_past_its_date() {
    let ws = sample();
    let today = day(2026, 11, 21);
    let overdue: Vec<&str> = ws
        .assignments
        .iter()
        .filter(|a| assignment_overdue(a, today))
        .map(|a| a.title.as_str())
        .collect();
    assert_eq!(overdue, vec!["Write down the incident escalation path"]);
    let mut a = ws.assignments[0].clone();
    a.ends_on = day(2026, 11, 20);
    for (status, late) in [
        (MicroAssignmentStatus::Planned, true),
        (MicroAssignmentStatus::Active, true),
        (MicroAssignmentStatus::Done, false),
        (MicroAssignmentStatus::Dropped, false),
    ] {
        a.status = status;
        assert_eq!(assignment_overdue(&a, today), late, "{status:?}");
    }
    a.status = MicroAssignmentStatus::Active;
    a.ends_on = today;
    assert!(!assignment_overdue(&a, today), "due today is not late yet");

    let mut act_ = ws.activities[0].clone();
    act_.on = day(2026, 11, 20);
    act_.done = false;
    assert!(activity_overdue(&act_, today));
    act_.done = true;
    assert!(!activity_overdue(&act_, today));

    // The timeline lists it as overdue.
    let aisha = candidate_named(&ws, "Aisha Bello");
    let t = timeline(&ws, aisha.id, today);
    assert!(t.overdue.iter().any(|i| i
        .title
        .starts_with("Write down the incident escalation path")));
    assert!(t.next.iter().all(|i| i.state == ItemState::Planned));
}

#[test]
fn private_journal_entries_stay_out_of_shared_files_unless_included() {
    let ws = sample();
    let priya = candidate_named(&ws, "Priya Raman");
    let by_vis =
        |w: &Workspace, v: Visibility| w.journal.iter().filter(|j| j.visibility == v).count();
    assert_eq!(by_vis(&ws, Visibility::Private), 1);

    let for_candidate = share(&ws, Audience::Candidate(priya.id), None, false).unwrap();
    assert_eq!(by_vis(&for_candidate.workspace, Visibility::Private), 0);
    assert_eq!(by_vis(&for_candidate.workspace, Visibility::Coach), 1);
    assert!(for_candidate
        .left_out
        .iter()
        .any(|l| l.starts_with("1 private journal entry (Priya Raman)")));
    let text = encode_pretty(&for_candidate.workspace, at(2026, 11, 21));
    assert!(
        !text.contains("Why I said yes"),
        "the private entry's text is not in the file"
    );
    assert!(
        for_candidate.workspace.interviews.is_empty()
            && for_candidate.workspace.references.is_empty(),
        "selection notes stay with the coach"
    );

    let for_sponsor = share(&ws, Audience::Sponsor(ws.cohorts[0].id), None, false).unwrap();
    assert_eq!(by_vis(&for_sponsor.workspace, Visibility::Private), 0);
    assert_eq!(
        by_vis(&for_sponsor.workspace, Visibility::Coach),
        0,
        "coach-only entries are not for the sponsor"
    );
    assert_eq!(by_vis(&for_sponsor.workspace, Visibility::Sponsor), 1);

    // Only its author's tick sends a private entry: the coach cannot, Priya can.
    let coach = ws.cohorts[0].coach_ids[0];
    let by_coach = share(&ws, Audience::Candidate(priya.id), Some(coach), true).unwrap();
    assert_eq!(by_vis(&by_coach.workspace, Visibility::Private), 0);
    let included = share(
        &ws,
        Audience::Candidate(priya.id),
        Some(priya.person_id),
        true,
    )
    .unwrap();
    assert_eq!(by_vis(&included.workspace, Visibility::Private), 1);
    assert!(!included.left_out.iter().any(|l| l.contains("journal")));
    // Whatever a scoped file holds obeys every rule, dangling soft links included.
    for s in [for_candidate, for_sponsor, by_coach, included] {
        assert_eq!(validate(&s.workspace), vec![]);
    }
}

#[test]
fn the_week_counts_planned_against_done_and_protected_hours_used() {
    let ws = sample();
    let priya = candidate_named(&ws, "Priya Raman");
    let s = ws.cohorts[0].starts_on();
    // Week 5 (days 28–34): a workshop, a shadowing session, a coaching lab and a reflection.
    let w = week_summary(&ws, priya.id, s + chrono::Days::new(31)).unwrap();
    assert_eq!(w.monday, s + chrono::Days::new(28));
    assert_eq!(w.plan, WeekPlan::default());
    assert_eq!(
        w.rows(),
        vec![
            (ActivityKind::Workshop, 1, 1),
            (ActivityKind::Shadowing, 1, 1),
            (ActivityKind::CoachingLab, 1, 1)
        ]
    );
    assert_eq!(w.assignment_hours, 0.0);
    let expected: f32 = w
        .activities
        .iter()
        .filter(|a| a.done)
        .map(|a| a.minutes as f32 / 60.0)
        .sum();
    assert_eq!(w.hours_used, expected);
    assert_eq!(w.hours_used, 1.5 + 1.0 + 0.75 + 1.0);
    assert_eq!(w.protected_hours, 8.0);
    // Week 6: three hours of work on the on-call assignment.
    let w6 = week_summary(&ws, priya.id, s + chrono::Days::new(36)).unwrap();
    assert_eq!(w6.assignment_hours, 3.0);
}

#[test]
fn the_calendar_holds_upcoming_sessions_as_events() {
    let ws = sample();
    let priya = candidate_named(&ws, "Priya Raman");
    let today = day(2026, 11, 21);
    let ics = calendar(&ws, &[priya.id], today, at(2026, 11, 21), true);
    assert!(ics.starts_with("BEGIN:VCALENDAR\r\nVERSION:2.0\r\n"));
    assert!(ics.ends_with("END:VCALENDAR\r\n"));
    let upcoming: Vec<&Activity> = ws
        .activities
        .iter()
        .filter(|a| a.candidate_id == priya.id && !a.done && a.on >= today)
        .collect();
    assert!(!upcoming.is_empty());
    assert_eq!(ics.matches("BEGIN:VEVENT").count(), upcoming.len());
    let sync = upcoming
        .iter()
        .find(|a| a.title == "Shadow a stakeholder sync")
        .unwrap();
    assert!(ics.contains(&format!("UID:{}@runway.local", sync.id)));
    assert!(ics.contains(&format!(
        "DTSTART:{}T093000\r\nDTEND:{}T101500",
        sync.on.format("%Y%m%d"),
        sync.on.format("%Y%m%d")
    )));
    // No line is longer than 75 octets, and commas are escaped.
    assert!(ics.split("\r\n").all(|l| l.len() <= 75));
    let unfolded = ics.replace("\r\n ", "");
    assert!(unfolded.contains("Sit in\\, take notes\\, no talking."));
    // Done sessions and other candidates' sessions are not in it.
    for a in ws
        .activities
        .iter()
        .filter(|a| a.done || a.candidate_id != priya.id)
    {
        assert!(!ics.contains(&a.id.to_string()));
    }
}

#[test]
fn the_calendar_escapes_folds_and_survives_odd_dates() {
    let mut ws = sample();
    let priya = candidate_named(&ws, "Priya Raman").id;
    let today = day(2026, 11, 21);
    let mut a = ws
        .activities
        .iter()
        .find(|a| a.candidate_id == priya && !a.done && a.on >= today)
        .unwrap()
        .clone();
    a.title = "Ça va; back\\slash — ünïcödé ".repeat(4);
    a.notes = "Private note for Priya".into();
    let id = a.id;
    ws.activities.retain(|x| x.id != id);
    ws.activities.push(a);
    // The last moment a date can hold: the end cannot be computed, and nothing panics.
    let mut far = ws.activities.last().unwrap().clone();
    far.id = Id::from_u128(7);
    far.on = Date::MAX;
    far.at = chrono::NaiveTime::from_hms_opt(23, 0, 0);
    ws.activities.push(far);

    let ics = calendar(&ws, &[priya], today, at(2026, 11, 21), true);
    // Every line fits in 75 octets and folding never splits a character (the file is UTF-8).
    assert!(ics.split("\r\n").all(|l| l.len() <= 75));
    let unfolded = ics.replace("\r\n ", "");
    assert!(unfolded.contains("Ça va\\; back\\\\slash — ünïcödé"));
    assert!(unfolded.contains("Private note for Priya"));
    // The cohort-wide file, often passed around, leaves notes out.
    let cohort = calendar(&ws, &[priya], today, at(2026, 11, 21), false);
    assert!(!cohort
        .replace("\r\n ", "")
        .contains("Private note for Priya"));
}

#[test]
fn saving_a_record_creates_replaces_or_says_why_not() {
    let mut ws = sample();
    let cand = candidate_named(&ws, "Aisha Bello").id;
    let entry = JournalEntry {
        id: Id::nil(),
        candidate_id: cand,
        author_id: None,
        on: day(2026, 11, 20),
        title: "  ".into(),
        body: "b".into(),
        tags: vec![],
        visibility: Visibility::Private,
        created_at: Timestamp::UNIX_EPOCH,
        updated_at: Timestamp::UNIX_EPOCH,
        merge_bases: vec![],
    };
    let before = ws.clone();
    let e = act(&mut ws, Action::Put(Record::JournalEntry(entry.clone()))).unwrap_err();
    assert_eq!(e.to_string(), "The title is empty.");
    let mistyped = JournalEntry {
        title: "Typo in the year".into(),
        on: day(202, 11, 20),
        ..entry.clone()
    };
    let e = act(&mut ws, Action::Put(Record::JournalEntry(mistyped))).unwrap_err();
    assert!(e.to_string().contains("looks mistyped"), "{e}");
    assert_eq!(ws, before, "a refused save changes nothing");

    let id = act(
        &mut ws,
        Action::Put(Record::JournalEntry(JournalEntry {
            title: "First week".into(),
            ..entry.clone()
        })),
    )
    .unwrap()
    .unwrap();
    let saved = ws.journal.iter().find(|j| j.id == id).unwrap().clone();
    assert_eq!(saved.created_at, at(2026, 11, 22));
    act(
        &mut ws,
        Action::Put(Record::JournalEntry(JournalEntry {
            visibility: Visibility::Coach,
            ..saved.clone()
        })),
    )
    .unwrap();
    assert_eq!(
        ws.journal.iter().filter(|j| j.id == id).count(),
        1,
        "an existing id is replaced, not added"
    );

    act(
        &mut ws,
        Action::Remove {
            kind: RecordKind::JournalEntry,
            id,
        },
    )
    .unwrap();
    assert!(ws.deleted.iter().any(|t| t.id == id));
    let e = act(&mut ws, Action::Put(Record::JournalEntry(saved))).unwrap_err();
    assert_eq!(e, ActionError::Missing("journal entry"));

    // Deleting a journal entry clears the links to it (a reflection session's picks).
    let picked = ws
        .activities
        .iter()
        .find(|a| !a.journal_ids.is_empty())
        .unwrap()
        .clone();
    act(
        &mut ws,
        Action::Remove {
            kind: RecordKind::JournalEntry,
            id: picked.journal_ids[0],
        },
    )
    .unwrap();
    let after = ws.activities.iter().find(|a| a.id == picked.id).unwrap();
    assert_eq!(after.journal_ids.len(), picked.journal_ids.len() - 1);
    assert_eq!(validate(&ws), vec![]);
}

#[test]
fn a_decision_sets_the_status_and_not_now_keeps_the_feedback() {
    let mut ws = sample();
    let next = ws.cohorts[1].id;
    let kwame = ws
        .candidates_in(next)
        .find(|c| ws.person_name(c.person_id) == "Kwame Mensah")
        .unwrap()
        .id;
    let decide = |verdict, reason: &str| Action::Decide {
        candidate_id: kwame,
        decision: Some(Decision {
            verdict,
            reason: reason.into(),
            feedback: "Lead two retros first.".into(),
            on: day(2026, 11, 21),
        }),
    };
    assert_eq!(
        act(&mut ws, decide(Verdict::Selected, " ")),
        Err(ActionError::Blank("a reason for the decision"))
    );
    act(&mut ws, decide(Verdict::NotNow, "Too early")).unwrap();
    let c = ws.candidate(kwame).unwrap();
    assert_eq!(c.status, CandidateStatus::NotSelected);
    assert_eq!(
        c.decision.as_ref().unwrap().feedback,
        "Lead two retros first."
    );
    act(&mut ws, decide(Verdict::Selected, "Strong panel")).unwrap();
    assert_eq!(
        ws.candidate(kwame).unwrap().status,
        CandidateStatus::Selected
    );
    act(
        &mut ws,
        Action::Decide {
            candidate_id: kwame,
            decision: None,
        },
    )
    .unwrap();
    assert_eq!(
        ws.candidate(kwame).unwrap().status,
        CandidateStatus::Nominated
    );
}

#[test]
fn journey_records_round_trip_through_the_file() {
    let ws = sample();
    let back = decode(encode_pretty(&ws, at(2026, 11, 21)).as_bytes())
        .unwrap()
        .workspace;
    assert_eq!(back, ws);
}

#[test]
fn every_edited_field_of_a_journey_record_takes_part_in_merges() {
    let ws = sample();
    assert_fields_listed(&ws.references[0]);
    assert_fields_listed(&ws.interviews[0]);
    // Pick records with their optional fields filled.
    assert_fields_listed(
        ws.activities
            .iter()
            .find(|a| !a.noticed.is_empty())
            .unwrap(),
    );
    assert_fields_listed(
        ws.activities
            .iter()
            .find(|a| !a.journal_ids.is_empty())
            .unwrap(),
    );
    assert_fields_listed(
        ws.activities
            .iter()
            .find(|a| a.assignment_id.is_some())
            .unwrap(),
    );
    assert_fields_listed(ws.assignments.iter().find(|a| a.metric.is_some()).unwrap());
    assert_fields_listed(&ws.one_on_ones[0]);
    assert_fields_listed(&ws.journal[0]);
    assert_fields_listed(&ws.snippets[0]);
    assert_fields_listed(&ws.case_reviews[0]);
    assert_fields_listed(&ws.retros[0]);
}

#[test]
fn journey_records_merge_record_by_record_and_field_by_field() {
    let base = sample();
    let mut mine = base.clone();
    runway::logic::records::merge::mark_sent(&mut mine, None);
    let mut theirs = mine.clone();
    let priya = candidate_named(&base, "Priya Raman").id;

    // They add a journal entry and edit an assignment's outcome; I edit its status.
    let entry = JournalEntry {
        id: Id::nil(),
        candidate_id: priya,
        author_id: None,
        on: day(2026, 11, 21),
        title: "Written on the plane".into(),
        body: String::new(),
        tags: vec!["travel".into()],
        visibility: Visibility::Coach,
        created_at: Timestamp::UNIX_EPOCH,
        updated_at: Timestamp::UNIX_EPOCH,
        merge_bases: vec![],
    };
    act(&mut theirs, Action::Put(Record::JournalEntry(entry))).unwrap();
    let a = theirs.assignments[0].clone();
    act(
        &mut theirs,
        Action::Put(Record::Assignment(MicroAssignment {
            outcome: "Pages fell to 6 a week.".into(),
            ..a.clone()
        })),
    )
    .unwrap();
    let mine_edit = MicroAssignment {
        status: MicroAssignmentStatus::Done,
        ..a.clone()
    };
    runway::logic::actions::apply(
        &mut mine,
        Action::Put(Record::Assignment(mine_edit)),
        at(2026, 11, 23),
        &mut uuid::Uuid::new_v4,
    )
    .unwrap();

    let (merged, report) = merge(&mine, &theirs, &Resolutions::new(), at(2026, 11, 24));
    assert!(report
        .added
        .iter()
        .any(|c| c.kind == RecordKind::JournalEntry && c.label == "Written on the plane"));
    let conflict = report
        .conflicts
        .iter()
        .find(|c| c.id == a.id)
        .expect("both changed the assignment");
    let runway::logic::records::merge::ConflictKind::BothChanged(diffs) = &conflict.what else {
        panic!("{conflict:?}")
    };
    let fields: Vec<&str> = diffs.iter().map(|d| d.field).collect();
    assert_eq!(fields, vec!["status", "outcome"]);
    // Keep my status, take their outcome.
    let mut choose = Resolutions::new();
    choose.insert(a.id, BTreeMap::from([("outcome", Side::Theirs)]));
    let (merged2, _) = merge(&mine, &theirs, &choose, at(2026, 11, 24));
    let got = merged2.assignments.iter().find(|x| x.id == a.id).unwrap();
    assert_eq!(got.status, MicroAssignmentStatus::Done);
    assert_eq!(got.outcome, "Pages fell to 6 a week.");
    assert_eq!(validate(&merged), vec![]);
    assert_eq!(validate(&merged2), vec![]);
    // Merging the same file again finds nothing new.
    let (_, again) = merge(&merged2, &theirs, &choose, at(2026, 11, 25));
    assert!(again.is_noop(), "{again:?}");
}

#[test]
fn a_merge_drops_journey_records_whose_candidate_was_deleted_here() {
    let base = sample();
    let mut mine = base.clone();
    runway::logic::records::merge::mark_sent(&mut mine, None);
    let mut theirs = mine.clone();
    let aisha = candidate_named(&base, "Aisha Bello").id;
    act(&mut mine, Action::RemoveCandidate { id: aisha }).unwrap();
    // They wrote a new activity for her meanwhile.
    let mut a = theirs
        .activities
        .iter()
        .find(|a| a.candidate_id == aisha)
        .unwrap()
        .clone();
    a.id = Id::nil();
    a.title = "New session".into();
    act(&mut theirs, Action::Put(Record::Activity(a))).unwrap();
    let (merged, report) = merge(&mine, &theirs, &Resolutions::new(), at(2026, 11, 24));
    assert!(merged.activities.iter().all(|a| a.candidate_id != aisha));
    assert!(
        report.repairs.iter().any(|r| r.contains("New session")),
        "{:?}",
        report.repairs
    );
    assert_eq!(validate(&merged), vec![]);
}

#[test]
fn numbers_read_plainly() {
    use runway::logic::journey::{metric_change, trim_float};
    let empty: f32 = std::iter::empty::<f32>().sum();
    assert_eq!(trim_float(empty), "0", "an empty sum is not “-0”");
    assert_eq!(trim_float(2.5), "2.5");
    assert_eq!(trim_float(6.0), "6");
    assert_eq!(
        metric_change(Some(14.0), Some(6.0)).as_deref(),
        Some("14 → 6 (−57 %)")
    );
    assert_eq!(
        metric_change(Some(0.0), Some(3.0)).as_deref(),
        Some("0 → 3")
    );
    assert_eq!(metric_change(None, None), None);
}

#[test]
fn a_merge_sees_changes_a_summary_would_hide_and_keeps_both_scorecards_of_one_interviewer() {
    let base = sample();
    let mut mine = base.clone();
    runway::logic::records::merge::mark_sent(&mut mine, None);
    let mut theirs = mine.clone();
    let tom = candidate_named(&base, "Tomás Ferreira").id;
    let flags = |ws: &Workspace| ws.candidate(tom).unwrap().green_flags.clone();
    // Both change which flags are ticked, keeping the count: still a conflict to choose.
    let set = |ws: &mut Workspace, drop: GreenFlag, add: GreenFlag, when| {
        let c = ws.candidate(tom).unwrap().clone();
        let mut f = c.green_flags.clone();
        f.retain(|x| *x != drop);
        f.push(add);
        runway::logic::actions::apply(
            ws,
            Action::SetSelection {
                candidate_id: tom,
                nomination: c.nomination.clone(),
                green_flags: f,
                wants_to_manage: c.wants_to_manage,
            },
            when,
            &mut uuid::Uuid::new_v4,
        )
        .unwrap();
    };
    let first = flags(&mine)[0];
    set(
        &mut mine,
        first,
        GreenFlag::ReachBeyondTeam,
        at(2026, 11, 22),
    );
    set(
        &mut theirs,
        first,
        GreenFlag::BusinessAware,
        at(2026, 11, 23),
    );
    assert_eq!(flags(&mine).len(), flags(&theirs).len());
    let (_, report) = merge(&mine, &theirs, &Resolutions::new(), at(2026, 11, 24));
    let c = report
        .conflicts
        .iter()
        .find(|c| c.id == tom)
        .expect("a conflict");
    let runway::logic::records::merge::ConflictKind::BothChanged(diffs) = &c.what else {
        panic!("{c:?}")
    };
    assert_eq!(diffs.len(), 1);
    assert_eq!(diffs[0].label, "green flags");
    assert_ne!(
        diffs[0].mine, diffs[0].theirs,
        "the two choices read differently"
    );

    // The same interviewer started a scorecard in each copy: both are kept, nothing refused.
    let mut a = mine.clone();
    let mut b = mine.clone();
    let lee = candidate_named(&base, "Lee Chen").id;
    let jonah = base
        .people
        .iter()
        .find(|p| p.name == "Jonah Park")
        .unwrap()
        .id;
    for ws in [&mut a, &mut b] {
        let card = Scorecard {
            id: Id::nil(),
            candidate_id: lee,
            interviewer_id: jonah,
            held_on: None,
            answers: vec![],
            created_at: Timestamp::UNIX_EPOCH,
            updated_at: Timestamp::UNIX_EPOCH,
            merge_bases: vec![],
        };
        act(ws, Action::Put(Record::Interview(card))).unwrap();
    }
    let (merged, _) = merge(&a, &b, &Resolutions::new(), at(2026, 11, 24));
    assert_eq!(validate(&merged), vec![]);
    let cards = merged
        .interviews
        .iter()
        .filter(|i| i.candidate_id == lee && i.interviewer_id == jonah)
        .count();
    assert_eq!(cards, 2, "nothing typed is dropped");
}

#[test]
fn a_kind_and_its_debrief_merge_together() {
    let base = sample();
    let mut mine = base.clone();
    runway::logic::records::merge::mark_sent(&mut mine, None);
    let mut theirs = mine.clone();
    let shadow = mine
        .activities
        .iter()
        .find(|a| !a.noticed.is_empty())
        .unwrap()
        .clone();
    // I rename it; they turn it into a coaching lab (which has no debrief).
    let mut m = shadow.clone();
    m.title = "Renamed".into();
    act(&mut mine, Action::Put(Record::Activity(m))).unwrap();
    let mut t = shadow.clone();
    t.kind = ActivityKind::CoachingLab;
    t.noticed.clear();
    t.differently.clear();
    runway::logic::actions::apply(
        &mut theirs,
        Action::Put(Record::Activity(t)),
        at(2026, 11, 23),
        &mut uuid::Uuid::new_v4,
    )
    .unwrap();
    let kind_field = "kind+noticed+differently+assignment_id+journal_ids";
    let choose = Resolutions::from([(shadow.id, BTreeMap::from([(kind_field, Side::Theirs)]))]);
    let (merged, _) = merge(&mine, &theirs, &choose, at(2026, 11, 24));
    assert_eq!(
        validate(&merged),
        vec![],
        "never their kind with my debrief"
    );
    let got = merged
        .activities
        .iter()
        .find(|a| a.id == shadow.id)
        .unwrap();
    assert_eq!(
        (got.kind, got.title.as_str()),
        (ActivityKind::CoachingLab, "Renamed")
    );
    assert!(got.noticed.is_empty());
}

#[test]
fn the_candidates_file_withholds_the_coachs_selection_notes_and_merging_it_back_keeps_them() {
    let mut coach = sample();
    runway::logic::records::merge::mark_sent(&mut coach, None);
    let priya = candidate_named(&coach, "Priya Raman").clone();
    let reason = priya.decision.as_ref().unwrap().reason.clone();
    let rationale = priya.nomination.as_ref().unwrap().rationale.clone();
    assert!(!reason.is_empty() && !priya.green_flags.is_empty());

    let s = share(&coach, Audience::Candidate(priya.id), None, false).unwrap();
    let text = encode_pretty(&s.workspace, at(2026, 11, 21));
    assert!(
        !text.contains(&reason),
        "the decision's reason stays with the coach"
    );
    assert!(
        !text.contains(&rationale),
        "so does the manager's rationale"
    );
    assert!(s
        .left_out
        .iter()
        .any(|l| l.contains("notes on the candidacy (the decision")));
    let mine = s.workspace.candidate(priya.id).unwrap();
    assert!(mine.green_flags.is_empty());
    assert_eq!(mine.decision.as_ref().unwrap().verdict, Verdict::Selected);

    // The candidate marks a signal met in their copy and sends it back.
    let mut theirs = s.workspace.clone();
    let signal = theirs.cohorts[0].success_signals[0].id;
    runway::logic::actions::apply(
        &mut theirs,
        Action::MarkSignal {
            candidate_id: priya.id,
            signal_id: signal,
            met_on: Some(day(2026, 11, 20)),
            evidence: vec![],
        },
        at(2026, 11, 22),
        &mut uuid::Uuid::new_v4,
    )
    .unwrap();
    let (merged, report) = merge(&coach, &theirs, &Resolutions::new(), at(2026, 11, 23));
    let back = merged.candidate(priya.id).unwrap();
    assert_eq!(back.signals.len(), 1, "their change arrives");
    assert_eq!(
        back.decision.as_ref().unwrap().reason,
        reason,
        "the notes stay"
    );
    assert_eq!(back.green_flags, priya.green_flags);
    assert_eq!(back.nomination.as_ref().unwrap().rationale, rationale);
    let update = report.updated.iter().find(|c| c.id == priya.id).unwrap();
    let fields: Vec<&str> = update.details.iter().map(|d| d.label.as_str()).collect();
    assert_eq!(
        fields,
        vec!["success signals"],
        "the preview shows only the real change"
    );
    assert_eq!(validate(&merged), vec![]);
}

#[test]
fn deleting_a_journey_record_says_what_it_takes_with_it() {
    use runway::logic::records::impact::entry_deletion_impact;
    let ws = sample();
    // Tom's retro assignment is the evidence for a signal marked met, and the source of an
    // evidence item in his assessments.
    let evidence = ws
        .assignments
        .iter()
        .find(|a| a.title.starts_with("Run a retro"))
        .unwrap()
        .id;
    let lines = entry_deletion_impact(&ws, RecordKind::Assignment, evidence).lines;
    assert_eq!(lines.len(), 2, "{lines:?}");
    assert!(lines[0].starts_with("the link from 1 evidence item to it"));
    assert!(lines[1].contains("Tomás Ferreira's success signal"));
    assert!(lines[1].contains("stays marked met"));
    // Priya's first 1:1 has a follow-up still open.
    let first = ws.one_on_ones.iter().min_by_key(|o| o.held_on).unwrap();
    let lines = entry_deletion_impact(&ws, RecordKind::OneOnOne, first.id).lines;
    let second = ws.one_on_ones.iter().max_by_key(|o| o.held_on).unwrap();
    assert_eq!(
        lines,
        vec![
            format!(
                "its 2 follow-ups — 1 still open, which moves to the 1:1 of {}",
                second.held_on.format("%-d %b %Y")
            ),
            // It is the source of an evidence item in Priya's assessments.
            "the link from 1 evidence item to it (the item and its note stay)".to_string()
        ]
    );
    // And it does: the open follow-up now belongs to the next 1:1, and keeps coming back.
    let mut after = ws.clone();
    act(
        &mut after,
        Action::Remove {
            kind: RecordKind::OneOnOne,
            id: first.id,
        },
    )
    .unwrap();
    let next = after
        .one_on_ones
        .iter()
        .find(|o| o.id == second.id)
        .unwrap();
    assert!(next
        .follow_ups
        .iter()
        .any(|f| f.text == "Book a shadowing slot with Hana" && f.done_on.is_none()));
    assert_eq!(validate(&after), vec![]);
    // The last 1:1's open follow-up has nowhere to go, and the dialog says so.
    let lines = entry_deletion_impact(&ws, RecordKind::OneOnOne, second.id).lines;
    assert_eq!(
        lines,
        vec!["its 1 follow-up — 1 still open, which will no longer come up in later 1:1s"]
    );
    // A journal entry picked for a reflection session.
    let picked = ws
        .activities
        .iter()
        .find(|a| !a.journal_ids.is_empty())
        .unwrap();
    let lines = entry_deletion_impact(&ws, RecordKind::JournalEntry, picked.journal_ids[0]).lines;
    assert!(
        lines.iter().any(|l| l.contains("1 reflection session")),
        "{lines:?}"
    );
    // Something nothing points at takes nothing with it.
    let snippet = ws.snippets[0].id;
    assert!(entry_deletion_impact(&ws, RecordKind::Snippet, snippet).is_empty());
}

#[test]
fn deleting_a_person_names_every_place_they_appear() {
    let ws = sample();
    let marcus = ws
        .people
        .iter()
        .find(|p| p.name == "Marcus Oyelaran")
        .unwrap()
        .id;
    let lines = runway::logic::records::impact::person_deletion_impact(&ws, marcus).lines;
    assert!(lines.iter().any(|l| l.contains("coach of")), "{lines:?}");
    assert!(
        lines
            .iter()
            .any(|l| l.starts_with("their name as nominator of 3 candidates")),
        "{lines:?}"
    );
    assert!(
        lines
            .iter()
            .any(|l| l.starts_with("their name on ") && l.contains("1:1s they took part in")),
        "{lines:?}"
    );
}

#[test]
fn follow_ups_ticked_or_added_in_two_copies_combine_without_asking() {
    let base = sample();
    let mut mine = base.clone();
    runway::logic::records::merge::mark_sent(&mut mine, None);
    let mut theirs = mine.clone();
    let first = mine
        .one_on_ones
        .iter()
        .find(|o| o.follow_ups.len() == 2)
        .unwrap()
        .clone();
    let open = first
        .follow_ups
        .iter()
        .find(|f| f.done_on.is_none())
        .unwrap()
        .id;
    // I tick the open follow-up; they add a new one to the same 1:1.
    runway::logic::actions::apply(
        &mut mine,
        Action::TickFollowUp {
            one_on_one_id: first.id,
            follow_up_id: open,
            done_on: Some(day(2026, 11, 20)),
        },
        at(2026, 11, 22),
        &mut uuid::Uuid::new_v4,
    )
    .unwrap();
    let mut added = first.clone();
    added.follow_ups.push(FollowUp {
        id: Id::nil(),
        text: "Send the rota draft to the SRE lead".into(),
        done_on: None,
    });
    runway::logic::actions::apply(
        &mut theirs,
        Action::Put(Record::OneOnOne(added)),
        at(2026, 11, 23),
        &mut uuid::Uuid::new_v4,
    )
    .unwrap();
    let (merged, report) = merge(&mine, &theirs, &Resolutions::new(), at(2026, 11, 24));
    assert!(
        report.conflicts.iter().all(|c| c.id != first.id),
        "nothing to ask: {:?}",
        report.conflicts
    );
    assert!(report.updated.iter().any(|c| c.id == first.id));
    let got = merged
        .one_on_ones
        .iter()
        .find(|o| o.id == first.id)
        .unwrap();
    assert_eq!(got.follow_ups.len(), 3);
    assert_eq!(
        got.follow_ups
            .iter()
            .find(|f| f.id == open)
            .unwrap()
            .done_on,
        Some(day(2026, 11, 20)),
        "my tick stays"
    );
    assert!(got
        .follow_ups
        .iter()
        .any(|f| f.text == "Send the rota draft to the SRE lead"));
    assert_eq!(validate(&merged), vec![]);
    let (_, again) = merge(&merged, &theirs, &Resolutions::new(), at(2026, 11, 25));
    assert!(again.is_noop(), "{again:?}");
}

#[test]
fn editing_follow_ups_as_lines_keeps_ids_and_ticks() {
    use runway::logic::journey::{checklist_gaps, follow_ups_from_lines};
    let f = |n: u128, text: &str, done: bool| FollowUp {
        id: Id::from_u128(n),
        text: text.into(),
        done_on: done.then(|| day(2026, 11, 2)),
    };
    let old = vec![f(1, "Book a slot", true), f(2, "Read the page", false)];
    // Reordered and a new line: ids and ticks follow the text.
    let got = follow_ups_from_lines(&old, "Read the page\n\n  Book a slot \nNew one");
    let ids: Vec<u128> = got.iter().map(|x| x.id.as_u128()).collect();
    assert_eq!(ids, vec![2, 1, 0]);
    assert!(got[1].done_on.is_some() && got[2].done_on.is_none());
    // A typo fixed in place keeps the tick and the id.
    let got = follow_ups_from_lines(&old, "Book a time slot\nRead the page");
    assert_eq!(got[0].id.as_u128(), 1);
    assert!(got[0].done_on.is_some());
    assert_eq!(got[0].text, "Book a time slot");
    // The same line twice uses an old follow-up once: no two share an id.
    let got = follow_ups_from_lines(&old[..1], "Book a slot\nBook a slot");
    assert_eq!(got.len(), 2);
    assert_ne!(got[0].id, got[1].id);

    let ws = sample();
    let mut o = ws.one_on_ones[0].clone();
    assert!(checklist_gaps(&o).is_empty());
    o.questions.pop();
    o.goal = " ".into();
    assert_eq!(
        checklist_gaps(&o),
        vec!["1 of 2 coaching questions", "no development goal"]
    );
}

#[test]
fn only_what_took_place_can_be_evidence_and_private_entries_say_so() {
    use runway::logic::journey::evidence_choices;
    let ws = sample();
    let priya = candidate_named(&ws, "Priya Raman").id;
    let choices = evidence_choices(&ws, priya);
    for a in ws.activities.iter().filter(|a| a.candidate_id == priya) {
        assert_eq!(
            choices.iter().any(|(id, _, _)| *id == a.id),
            a.done,
            "{}",
            a.title
        );
    }
    let private = ws
        .journal
        .iter()
        .find(|j| j.visibility == Visibility::Private)
        .unwrap();
    let (_, kind, label) = choices.iter().find(|(id, _, _)| *id == private.id).unwrap();
    assert_eq!(*kind, RecordKind::JournalEntry);
    assert!(label.ends_with("[private]"));
    assert!(choices.iter().any(|(_, k, _)| *k == RecordKind::OneOnOne));
}
