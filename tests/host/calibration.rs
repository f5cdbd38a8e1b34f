//! Calibration rules: blind ratings until a session reveals them, the reveal grid with its
//! disagreements, rater leniency, the monthly reminder, the history by month, and the rule
//! that a top-level rating rests on dated evidence.

use crate::common::{act, day};
use runway::logic::evaluation::calibration::{
    agreed_level, calibrated_warning, covered, covered_per_rater, grid, history, leniency,
    leniency_text, may_see, prefills, reminders, Leniency,
};
use runway::logic::evaluation::evidence::{sources, top_without_evidence};
use runway::logic::evaluation::frameworks::{self, EM_PARTS, MIT_RUBRIC};
use runway::logic::records::Record;
use runway::logic::Action;
use runway::model::*;

/// A cohort from 4 Jan 2027 (running until July) with coaches A, B, C and candidates X, Y.
struct World {
    ws: Workspace,
    cohort: Id,
    a: Id,
    b: Id,
    c: Id,
    x: Id,
    x_person: Id,
    y: Id,
}

fn person(ws: &mut Workspace, name: &str) -> Id {
    crate::common::add_person(ws, name, "", TrackLevel::default())
}

fn world() -> World {
    let mut ws = Workspace::default();
    let a = person(&mut ws, "Ana");
    let b = person(&mut ws, "Ben");
    let c = person(&mut ws, "Cleo");
    let x_person = person(&mut ws, "Xavi");
    let y_person = person(&mut ws, "Yara");
    let cohort = crate::common::add_cohort(&mut ws, "Winter intake", vec![a, b], day(2027, 1, 4));
    let enrol = |ws: &mut Workspace, p: Id| crate::common::enrol(ws, cohort, p, 4.0);
    let x = enrol(&mut ws, x_person);
    let y = enrol(&mut ws, y_person);
    World {
        ws,
        cohort,
        a,
        b,
        c,
        x,
        x_person,
        y,
    }
}

/// The rubric's domain and level ids by name.
fn rubric(ws: &Workspace) -> Framework {
    frameworks::find(ws, MIT_RUBRIC).unwrap()
}
fn domain(ws: &Workspace, name: &str) -> Id {
    rubric(ws)
        .domains
        .iter()
        .find(|d| d.name == name)
        .unwrap()
        .id
}
fn level(ws: &Workspace, name: &str) -> Id {
    rubric(ws)
        .levels
        .iter()
        .find(|l| l.name == name)
        .unwrap()
        .id
}

const COMM: &str = "Communication";
const COACH: &str = "Coaching and feedback";
const EXEC: &str = "Execution and prioritisation";

fn assess(
    ws: &mut Workspace,
    cand: Id,
    rater: Id,
    role: RaterRole,
    on: Date,
    levels: &[(&str, &str)],
) -> Result<Id, runway::logic::ActionError> {
    let ratings = levels
        .iter()
        .map(|(d, l)| Rating {
            domain_id: domain(ws, d),
            level_id: Some(level(ws, l)),
            comment: format!("{d} seen as {l}"),
        })
        .collect();
    act(
        ws,
        Action::Put(Record::Assessment(Assessment {
            id: Id::nil(),
            candidate_id: cand,
            framework_id: MIT_RUBRIC,
            on,
            rater_id: rater,
            role,
            ratings,
            created_at: Timestamp::UNIX_EPOCH,
            updated_at: Timestamp::UNIX_EPOCH,
            merge_bases: vec![],
        })),
    )
    .map(|id| id.unwrap())
}

fn note(ws: &mut Workspace, cand: Id, on: Option<Date>, domains: &[&str]) -> Id {
    let domain_ids = domains.iter().map(|d| domain(ws, d)).collect();
    act(
        ws,
        Action::Put(Record::Evidence(Evidence {
            id: Id::nil(),
            candidate_id: cand,
            kind: EvidenceKind::Note,
            source_id: None,
            on,
            domain_ids,
            note: "Ran the incident review and wrote the summary".into(),
            link: String::new(),
            created_at: Timestamp::UNIX_EPOCH,
            updated_at: Timestamp::UNIX_EPOCH,
            merge_bases: vec![],
        })),
    )
    .unwrap()
    .unwrap()
}

fn session(ws: &mut Workspace, cohort: Id, framework: Id, on: Date, revealed: bool) -> Id {
    act(
        ws,
        Action::Put(Record::Calibration(Calibration {
            id: Id::nil(),
            cohort_id: cohort,
            framework_id: framework,
            on,
            revealed,
            revealed_at: None,
            participants: vec![],
            outcomes: vec![],
            notes: String::new(),
            created_at: Timestamp::UNIX_EPOCH,
            updated_at: Timestamp::UNIX_EPOCH,
            merge_bases: vec![],
        })),
    )
    .unwrap()
    .unwrap()
}

fn reveal(ws: &mut Workspace, id: Id) {
    let mut s = ws.calibrations.iter().find(|c| c.id == id).unwrap().clone();
    s.revealed = true;
    act(ws, Action::Put(Record::Calibration(s))).unwrap();
}

fn assessment(ws: &Workspace, id: Id) -> Assessment {
    ws.assessments.iter().find(|a| a.id == id).unwrap().clone()
}

#[test]
fn ratings_are_blind_to_others_until_a_session_covering_them_is_revealed() {
    let World {
        mut ws,
        cohort,
        a,
        b,
        x,
        ..
    } = world();
    let mine = assess(
        &mut ws,
        x,
        a,
        RaterRole::Coach,
        day(2027, 3, 10),
        &[(COMM, "Competent")],
    )
    .unwrap();
    let late = assess(
        &mut ws,
        x,
        a,
        RaterRole::Coach,
        day(2027, 3, 25),
        &[(COMM, "Developing")],
    )
    .unwrap();
    let (first, second) = (assessment(&ws, mine), assessment(&ws, late));
    // Before any session: only the rater sees the levels.
    assert!(may_see(&ws, &first, Some(a)));
    assert!(!may_see(&ws, &first, Some(b)));
    assert!(!may_see(&ws, &first, None));
    let seen_by_b = runway::logic::evaluation::calibration::seen(&ws, &first, Some(b));
    assert_eq!(seen_by_b.ratings, None);
    assert_eq!((seen_by_b.rater_id, seen_by_b.on), (a, day(2027, 3, 10)));

    // A session that is not revealed yet changes nothing; one for another framework neither.
    let s = session(&mut ws, cohort, MIT_RUBRIC, day(2027, 3, 20), false);
    let other = session(&mut ws, cohort, EM_PARTS, day(2027, 3, 21), false);
    reveal(&mut ws, other);
    assert!(!may_see(&ws, &first, Some(b)));

    // Revealed: everyone sees what it covers; the rating dated after it stays blind.
    reveal(&mut ws, s);
    assert!(may_see(&ws, &first, Some(b)));
    assert!(may_see(&ws, &first, None));
    assert_eq!(
        runway::logic::evaluation::calibration::seen(&ws, &first, Some(b))
            .ratings
            .unwrap()[0]
            .comment,
        "Communication seen as Competent"
    );
    assert!(!may_see(&ws, &second, Some(b)));
    assert!(may_see(&ws, &second, Some(a)));
}

#[test]
fn a_self_assessment_is_visible_to_the_candidate_and_nobody_else_before_calibration() {
    let World {
        mut ws,
        a,
        x,
        x_person,
        y,
        ..
    } = world();
    let own = assess(
        &mut ws,
        x,
        x_person,
        RaterRole::SelfRating,
        day(2027, 2, 1),
        &[(COMM, "Competent")],
    )
    .unwrap();
    let own = assessment(&ws, own);
    assert!(may_see(&ws, &own, Some(x_person)));
    assert!(!may_see(&ws, &own, Some(a)));
    // The candidate does not see a coach's rating of them.
    let coach = assess(
        &mut ws,
        x,
        a,
        RaterRole::Coach,
        day(2027, 2, 1),
        &[(COMM, "Developing")],
    )
    .unwrap();
    assert!(!may_see(&ws, &assessment(&ws, coach), Some(x_person)));
    // Another candidate's person does not see X's self-assessment.
    let y_person = ws.candidate(y).unwrap().person_id;
    assert!(!may_see(&ws, &own, Some(y_person)));
}

/// Sets up the leniency example (see the table in `leniency_on_a_worked_example`).
fn rated_world() -> (World, Id) {
    let mut w = world();
    let (a, b, c, x, y) = (w.a, w.b, w.c, w.x, w.y);
    let ws = &mut w.ws;
    note(ws, x, Some(day(2027, 3, 1)), &[COMM]);
    let on = day(2027, 3, 12);
    assess(
        ws,
        x,
        a,
        RaterRole::Coach,
        on,
        &[(COMM, "Ready"), (COACH, "Competent"), (EXEC, "Competent")],
    )
    .unwrap();
    assess(
        ws,
        x,
        b,
        RaterRole::Coach,
        on,
        &[(COMM, "Developing"), (COACH, "Competent")],
    )
    .unwrap();
    assess(ws, x, c, RaterRole::Peer, on, &[(COMM, "Competent")]).unwrap();
    assess(ws, y, a, RaterRole::Coach, on, &[(COACH, "Developing")]).unwrap();
    assess(ws, y, b, RaterRole::Coach, on, &[(COMM, "Competent")]).unwrap();
    assess(
        ws,
        y,
        c,
        RaterRole::Peer,
        on,
        &[(COMM, "Competent"), (COACH, "Competent")],
    )
    .unwrap();
    let cohort = w.cohort;
    let s = session(&mut w.ws, cohort, MIT_RUBRIC, day(2027, 3, 20), false);
    (w, s)
}

#[test]
fn the_reveal_grid_puts_raters_side_by_side_and_flags_a_spread_of_two() {
    let (w, s) = rated_world();
    let ws = &w.ws;
    let session = ws.calibrations.iter().find(|c| c.id == s).unwrap();
    // Before the reveal: counts per rater (two candidates each).
    assert_eq!(
        covered_per_rater(ws, session),
        vec![(w.a, 2), (w.b, 2), (w.c, 2)]
    );
    let g = grid(ws, session);
    let x = g.iter().find(|c| c.candidate_id == w.x).unwrap();
    let raters: Vec<Id> = x.raters.iter().map(|(r, _)| *r).collect();
    assert_eq!(raters, vec![w.a, w.b, w.c]);
    let row = |name: &str| {
        x.rows
            .iter()
            .find(|r| r.domain_id == domain(ws, name))
            .unwrap()
    };
    // Communication: Ready, Developing, Competent → spread 2, a disagreement.
    let comm = row(COMM);
    let ranks: Vec<Option<usize>> = comm.cells.iter().map(|c| c.rank).collect();
    assert_eq!(ranks, vec![Some(2), Some(0), Some(1)]);
    assert_eq!(comm.spread, Some(2));
    assert!(comm.disagreement);
    assert_eq!(comm.cells[0].comment, "Communication seen as Ready");
    // Coaching: both Competent → spread 0; Execution has one rater → no spread.
    assert_eq!(row(COACH).spread, Some(0));
    assert!(!row(COACH).disagreement);
    assert_eq!(row(EXEC).spread, None);
    assert!(!row(EXEC).disagreement);
    // Every active domain has a row.
    assert_eq!(x.rows.len(), 5);
    // A spread of one is not a disagreement.
    let y = g.iter().find(|c| c.candidate_id == w.y).unwrap();
    let ycoach = y
        .rows
        .iter()
        .find(|r| r.domain_id == domain(ws, COACH))
        .unwrap();
    assert_eq!((ycoach.spread, ycoach.disagreement), (Some(1), false));
}

#[test]
fn leniency_on_a_worked_example() {
    // Ranks: Developing 0, Competent 1, Ready 2. "−" is not rated.
    //
    //              |  A  |  B  |  C  |
    // X Comm       |  2  |  0  |  1  |  A: 2−(0+1)/2=+1.5  B: 0−(2+1)/2=−1.5  C: 1−(2+0)/2=0
    // X Coaching   |  1  |  1  |  −  |  A: 0               B: 0
    // X Execution  |  1  |  −  |  −  |  one rater: does not count
    // Y Comm       |  −  |  1  |  1  |  B: 0               C: 0
    // Y Coaching   |  0  |  −  |  1  |  A: 0−1=−1          C: 1−0=+1
    //
    // A: (1.5 + 0 − 1) / 3 = 0.1667 (not flagged)
    // B: (−1.5 + 0 + 0) / 3 = −0.5  (flagged: exactly at the line)
    // C: (0 + 0 + 1) / 3 = 0.3333   (not flagged)
    let (w, s) = rated_world();
    let session = w.ws.calibrations.iter().find(|c| c.id == s).unwrap();
    let l = leniency(&grid(&w.ws, session));
    let by = |r: Id| -> &Leniency { l.iter().find(|x| x.rater_id == r).unwrap() };
    let close = |v: Option<f64>, want: f64| (v.unwrap() - want).abs() < 1e-9;
    assert!(close(by(w.a).value, 0.5 / 3.0), "{:?}", by(w.a));
    assert!(close(by(w.b).value, -0.5), "{:?}", by(w.b));
    assert!(close(by(w.c).value, 1.0 / 3.0), "{:?}", by(w.c));
    assert_eq!(l.iter().map(|x| x.cells).collect::<Vec<_>>(), vec![3, 3, 3]);
    assert_eq!(
        l.iter().map(|x| x.flagged).collect::<Vec<_>>(),
        vec![false, true, false]
    );
    assert_eq!(leniency_text(-0.5), "\u{2212}0.50");
    assert_eq!(leniency_text(0.5 / 3.0), "+0.17");
    assert_eq!(leniency_text(0.0), "0.00");
}

#[test]
fn a_rater_alone_on_every_cell_has_no_leniency() {
    let mut w = world();
    let (a, x) = (w.a, w.x);
    assess(
        &mut w.ws,
        x,
        a,
        RaterRole::Coach,
        day(2027, 3, 3),
        &[(COMM, "Competent")],
    )
    .unwrap();
    let s = session(&mut w.ws, w.cohort, MIT_RUBRIC, day(2027, 3, 20), false);
    let session = w.ws.calibrations.iter().find(|c| c.id == s).unwrap();
    let l = leniency(&grid(&w.ws, session));
    assert_eq!(l.len(), 1);
    assert_eq!((l[0].cells, l[0].value, l[0].flagged), (0, None, false));
}

#[test]
fn a_session_covers_each_raters_latest_since_the_previous_session() {
    let World {
        mut ws,
        cohort,
        a,
        b,
        x,
        ..
    } = world();
    let feb = assess(
        &mut ws,
        x,
        a,
        RaterRole::Coach,
        day(2027, 2, 10),
        &[(COMM, "Developing")],
    )
    .unwrap();
    session(&mut ws, cohort, MIT_RUBRIC, day(2027, 2, 20), true);
    let early = assess(
        &mut ws,
        x,
        a,
        RaterRole::Coach,
        day(2027, 3, 5),
        &[(COMM, "Developing")],
    )
    .unwrap();
    let later = assess(
        &mut ws,
        x,
        a,
        RaterRole::Coach,
        day(2027, 3, 12),
        &[(COMM, "Competent")],
    )
    .unwrap();
    let bs = assess(
        &mut ws,
        x,
        b,
        RaterRole::Coach,
        day(2027, 3, 14),
        &[(COMM, "Competent")],
    )
    .unwrap();
    let after = assess(
        &mut ws,
        x,
        b,
        RaterRole::Coach,
        day(2027, 3, 25),
        &[(COMM, "Developing")],
    )
    .unwrap();
    let march = session(&mut ws, cohort, MIT_RUBRIC, day(2027, 3, 20), false);
    let s = ws.calibrations.iter().find(|c| c.id == march).unwrap();
    let ids: Vec<Id> = covered(&ws, s).iter().map(|a| a.id).collect();
    assert_eq!(ids, vec![later, bs]);
    for gone in [feb, early, after] {
        assert!(!ids.contains(&gone));
    }
    // February's session revealed February's rating, not March's.
    assert!(may_see(&ws, &assessment(&ws, feb), Some(b)));
    assert!(!may_see(&ws, &assessment(&ws, later), Some(b)));
}

#[test]
fn a_running_cohort_without_a_session_this_month_gets_a_reminder() {
    let World { mut ws, cohort, .. } = world();
    let today = day(2027, 3, 15);
    let r = reminders(&ws, today);
    assert_eq!(r.len(), 1);
    assert_eq!(r[0].cohort_id, cohort);
    assert_eq!(
        r[0].text,
        "Winter intake has no calibration yet in March 2027."
    );
    // Last month's session does not count.
    session(&mut ws, cohort, MIT_RUBRIC, day(2027, 2, 26), true);
    assert_eq!(reminders(&ws, today).len(), 1);
    // A session this month, for any framework, does.
    session(&mut ws, cohort, EM_PARTS, day(2027, 3, 2), false);
    assert!(reminders(&ws, today).is_empty());
    // Before the cohort starts and after it ends: no reminder.
    let ws2 = world().ws;
    assert!(reminders(&ws2, day(2027, 1, 3)).is_empty());
    assert_eq!(reminders(&ws2, day(2027, 1, 4)).len(), 1);
    let end = ws2.cohorts[0].ends_on();
    assert_eq!(reminders(&ws2, end).len(), 1);
    assert!(reminders(&ws2, end.succ_opt().unwrap()).is_empty());
}

#[test]
fn history_groups_by_month_newest_first_with_blind_ratings_hidden() {
    let World {
        mut ws,
        cohort,
        a,
        b,
        x,
        ..
    } = world();
    let feb = assess(
        &mut ws,
        x,
        a,
        RaterRole::Coach,
        day(2027, 2, 3),
        &[(COMM, "Developing")],
    )
    .unwrap();
    let mar_a = assess(
        &mut ws,
        x,
        a,
        RaterRole::Coach,
        day(2027, 3, 4),
        &[(COMM, "Competent")],
    )
    .unwrap();
    let mar_b = assess(
        &mut ws,
        x,
        b,
        RaterRole::Coach,
        day(2027, 3, 9),
        &[(COMM, "Competent")],
    )
    .unwrap();
    let s = session(&mut ws, cohort, MIT_RUBRIC, day(2027, 2, 25), true);
    let mut sess = ws.calibrations.iter().find(|c| c.id == s).unwrap().clone();
    sess.outcomes.push(Calibrated {
        candidate_id: x,
        domain_id: domain(&ws, COMM),
        level_id: level(&ws, "Developing"),
        rationale: "Summaries still missing in group meetings".into(),
    });
    act(&mut ws, Action::Put(Record::Calibration(sess))).unwrap();

    let h = history(&ws, x, Some(b));
    let months: Vec<Date> = h.iter().map(|m| m.month).collect();
    assert_eq!(months, vec![day(2027, 3, 1), day(2027, 2, 1)]);
    // March: B's own first (newest), then A's, hidden from B (no March session yet).
    let march: Vec<(Id, bool)> = h[0]
        .assessments
        .iter()
        .map(|s| (s.id, s.ratings.is_some()))
        .collect();
    assert_eq!(march, vec![(mar_b, true), (mar_a, false)]);
    assert!(h[0].assessments[0].own);
    assert!(h[0].calibrated.is_empty());
    // February: A's rating, revealed by February's session, and the calibrated level.
    assert_eq!(h[1].assessments.len(), 1);
    assert_eq!(h[1].assessments[0].id, feb);
    assert!(h[1].assessments[0].ratings.is_some());
    assert_eq!(h[1].calibrated.len(), 1);
    assert_eq!(
        h[1].calibrated[0].outcome.level_id,
        level(&ws, "Developing")
    );
    assert_eq!(h[1].calibrated[0].on, day(2027, 2, 25));
}

#[test]
fn ready_needs_dated_evidence_on_or_before_the_assessment_day() {
    let World {
        mut ws, a, x, y, ..
    } = world();
    let on = day(2027, 3, 10);
    let fw = rubric(&ws);
    let (comm, ready) = (domain(&ws, COMM), level(&ws, "Ready"));
    // No evidence: refused, and the message names the domain.
    let err = assess(&mut ws, x, a, RaterRole::Coach, on, &[(COMM, "Ready")]).unwrap_err();
    let text = err.to_string();
    assert!(text.contains("Communication"), "{text}");
    assert!(text.contains("dated evidence"), "{text}");
    assert!(ws.assessments.is_empty());
    assert_eq!(
        top_without_evidence(&ws, x, &fw, on, &[(comm, ready)]),
        vec![comm]
    );
    // Competent needs none.
    assess(&mut ws, x, a, RaterRole::Coach, on, &[(COMM, "Competent")]).unwrap();
    // Undated evidence, evidence dated after the assessment, evidence for another domain or
    // another candidate: still refused.
    note(&mut ws, x, None, &[COMM]);
    note(&mut ws, x, Some(day(2027, 3, 11)), &[COMM]);
    note(&mut ws, x, Some(day(2027, 3, 1)), &[COACH]);
    note(&mut ws, y, Some(day(2027, 3, 1)), &[COMM]);
    assert!(assess(&mut ws, x, a, RaterRole::Coach, on, &[(COMM, "Ready")]).is_err());
    assert_eq!(
        top_without_evidence(&ws, x, &fw, on, &[(comm, ready)]),
        vec![comm]
    );
    // Dated on the day: accepted.
    note(&mut ws, x, Some(on), &[COMM]);
    assert!(top_without_evidence(&ws, x, &fw, on, &[(comm, ready)]).is_empty());
    assess(&mut ws, x, a, RaterRole::Coach, on, &[(COMM, "Ready")]).unwrap();
    assert_eq!(ws.assessments.len(), 2);
}

#[test]
fn evidence_sources_are_the_candidates_records_with_private_journal_entries_marked() {
    let World { mut ws, x, y, .. } = world();
    for (cand, title, vis) in [
        (x, "Hard talk with Sam", Visibility::Private),
        (x, "Planning went well", Visibility::Coach),
        (y, "Not mine", Visibility::Coach),
    ] {
        act(
            &mut ws,
            Action::Put(Record::JournalEntry(JournalEntry {
                id: Id::nil(),
                candidate_id: cand,
                author_id: None,
                on: day(2027, 2, 2),
                title: title.into(),
                body: "…".into(),
                tags: vec![],
                visibility: vis,
                created_at: Timestamp::UNIX_EPOCH,
                updated_at: Timestamp::UNIX_EPOCH,
                merge_bases: vec![],
            })),
        )
        .unwrap();
    }
    let list = sources(&ws, x, EvidenceKind::Journal);
    let seen: Vec<(&str, bool)> = list.iter().map(|s| (s.label.as_str(), s.private)).collect();
    assert_eq!(
        seen,
        vec![
            ("2 Feb 2027 — Hard talk with Sam (Private)", true),
            ("2 Feb 2027 — Planning went well", false),
        ]
    );
    // The title alone, for showing next to the evidence's own date.
    let titles: Vec<&str> = list.iter().map(|s| s.title.as_str()).collect();
    assert_eq!(
        titles,
        vec!["Hard talk with Sam (Private)", "Planning went well"]
    );
    assert!(list.iter().all(|s| s.on == day(2027, 2, 2)));
    assert!(sources(&ws, x, EvidenceKind::Note).is_empty());
}

#[test]
fn feedback_evidence_is_a_360_round_or_what_was_said() {
    let World { mut ws, x, .. } = world();
    let comm = domain(&ws, COMM);
    let feedback = |note: &str| Evidence {
        id: Id::nil(),
        candidate_id: x,
        kind: EvidenceKind::Feedback,
        source_id: None,
        on: Some(day(2027, 2, 2)),
        domain_ids: vec![comm],
        note: note.into(),
        link: String::new(),
        created_at: Timestamp::UNIX_EPOCH,
        updated_at: Timestamp::UNIX_EPOCH,
        merge_bases: vec![],
    };
    // Neither a round nor words: refused with a message.
    let err = act(&mut ws, Action::Put(Record::Evidence(feedback("  ")))).unwrap_err();
    assert!(err.to_string().contains("feedback"), "{err}");
    // Free text, no round: kept.
    act(
        &mut ws,
        Action::Put(Record::Evidence(feedback(
            "Sam: the retro finally ended with owners",
        ))),
    )
    .unwrap();
    assert_eq!(ws.evidence.len(), 1);
}

#[test]
fn the_calibrated_level_is_prefilled_where_every_rater_agrees_and_nothing_is_recorded() {
    let (mut w, s) = rated_world();
    let fw = rubric(&w.ws);
    {
        let session = w.ws.calibrations.iter().find(|c| c.id == s).unwrap();
        let g = grid(&w.ws, session);
        let x = g.iter().find(|c| c.candidate_id == w.x).unwrap();
        let row = |name: &str| {
            x.rows
                .iter()
                .find(|r| r.domain_id == domain(&w.ws, name))
                .unwrap()
        };
        // X: Communication split three ways, Coaching both Competent (C left it unrated),
        // Execution one rater only, Self-awareness nobody.
        assert_eq!(agreed_level(&fw, row(COMM)), None);
        assert_eq!(
            agreed_level(&fw, row(COACH)),
            Some(level(&w.ws, "Competent"))
        );
        assert_eq!(agreed_level(&fw, row(EXEC)), None);
    }
    let cells = |ws: &Workspace| -> Vec<(Id, Id, Id, String)> {
        let session = ws.calibrations.iter().find(|c| c.id == s).unwrap();
        prefills(ws, session)
            .into_iter()
            .map(|p| (p.candidate_id, p.domain_id, p.level_id, p.hint))
            .collect()
    };
    let competent = level(&w.ws, "Competent");
    let (comm, coach) = (domain(&w.ws, COMM), domain(&w.ws, COACH));
    // Y: Communication both Competent; Coaching Developing and Competent (no agreement).
    assert_eq!(
        cells(&w.ws),
        vec![
            (
                w.x,
                coach,
                competent,
                "All raters said Competent".to_string()
            ),
            (
                w.y,
                comm,
                competent,
                "All raters said Competent".to_string()
            ),
        ]
    );
    // Once the group records a level for a cell, that cell is not pre-filled any more.
    reveal(&mut w.ws, s);
    let mut session =
        w.ws.calibrations
            .iter()
            .find(|c| c.id == s)
            .unwrap()
            .clone();
    session.outcomes.push(Calibrated {
        candidate_id: w.y,
        domain_id: comm,
        level_id: level(&w.ws, "Developing"),
        rationale: "Still learning to summarise".into(),
    });
    act(&mut w.ws, Action::Put(Record::Calibration(session))).unwrap();
    assert_eq!(
        cells(&w.ws),
        vec![(
            w.x,
            coach,
            competent,
            "All raters said Competent".to_string()
        )]
    );
}

#[test]
fn a_calibrated_top_level_without_dated_evidence_is_warned_about_naming_domain_and_day() {
    let (mut w, s) = rated_world();
    let ready = level(&w.ws, "Ready");
    let (comm, coach) = (domain(&w.ws, COMM), domain(&w.ws, COACH));
    let warn = |ws: &Workspace, cand: Id, d: Id, l: Id| {
        let session = ws.calibrations.iter().find(|c| c.id == s).unwrap();
        calibrated_warning(ws, session, cand, d, l)
    };
    // X has Communication evidence from 1 Mar; none for Coaching.
    assert_eq!(warn(&w.ws, w.x, comm, ready), None);
    let text = warn(&w.ws, w.x, coach, ready).unwrap();
    assert!(
        text.starts_with("No dated evidence for Coaching and feedback on or before 20 Mar 2027"),
        "{text}"
    );
    // Below the top level nothing is needed.
    assert_eq!(warn(&w.ws, w.x, coach, level(&w.ws, "Competent")), None);
    // Y has none at all; evidence after the session's day does not count.
    note(&mut w.ws, w.y, Some(day(2027, 3, 21)), &[COMM]);
    assert!(warn(&w.ws, w.y, comm, ready).is_some());
    // The save refuses what the warning warns about.
    reveal(&mut w.ws, s);
    let mut session =
        w.ws.calibrations
            .iter()
            .find(|c| c.id == s)
            .unwrap()
            .clone();
    session.outcomes.push(Calibrated {
        candidate_id: w.y,
        domain_id: comm,
        level_id: ready,
        rationale: String::new(),
    });
    assert!(act(&mut w.ws, Action::Put(Record::Calibration(session.clone()))).is_err());
    note(&mut w.ws, w.y, Some(day(2027, 3, 20)), &[COMM]);
    assert_eq!(warn(&w.ws, w.y, comm, ready), None);
    act(&mut w.ws, Action::Put(Record::Calibration(session))).unwrap();
}

#[test]
fn the_coachs_edits_apply_to_the_session_as_it_is_now() {
    use runway::logic::evaluation::calibration::apply_cell_edits;
    use std::collections::HashMap;
    let ws = crate::common::sample();
    let session = ws.calibrations.iter().max_by_key(|c| c.on).unwrap().clone();
    let fw = frameworks::find(&ws, MIT_RUBRIC).unwrap();
    let d = |i: usize| fw.domains[i].id;
    let cand = |name: &str| {
        ws.candidates
            .iter()
            .find(|c| ws.person_name(c.person_id) == name)
            .unwrap()
            .id
    };
    let (priya, aisha) = (cand("Priya Raman"), cand("Aisha Bello"));
    let held = |s: &Calibration, c: Id, dom: Id| {
        s.outcomes
            .iter()
            .find(|o| o.candidate_id == c && o.domain_id == dom)
            .cloned()
    };

    // A rationale typed for a held level keeps the level; a cleared level goes; a cell not
    // touched here keeps what the record says now.
    let levels = HashMap::from([((priya, d(1)), None)]);
    let reasons = HashMap::from([((priya, d(0)), "  Clear summaries  ".to_string())]);
    let out = apply_cell_edits(&ws, session.clone(), &levels, &reasons).unwrap();
    let comm = held(&out, priya, d(0)).unwrap();
    assert_eq!(comm.rationale, "Clear summaries");
    assert_eq!(
        Some(comm.level_id),
        held(&session, priya, d(0)).map(|o| o.level_id)
    );
    assert!(held(&out, priya, d(1)).is_none());
    assert_eq!(held(&out, priya, d(2)), held(&session, priya, d(2)));

    // An unrecorded cell where the raters agree takes their level (Aisha's coach and peer
    // both said Competent on Communication).
    let mut open = session.clone();
    open.outcomes
        .retain(|o| !(o.candidate_id == aisha && o.domain_id == d(0)));
    let out = apply_cell_edits(&ws, open.clone(), &HashMap::new(), &HashMap::new()).unwrap();
    assert_eq!(
        held(&out, aisha, d(0)).map(|o| o.level_id),
        Some(fw.levels[1].id)
    );

    // A rationale with no level is refused, naming the cell.
    let levels = HashMap::from([((aisha, d(0)), None)]);
    let reasons = HashMap::from([((aisha, d(0)), "Why".to_string())]);
    let err = apply_cell_edits(&ws, open, &levels, &reasons).unwrap_err();
    assert_eq!(
        err,
        "Choose a calibrated level for Aisha Bello, Communication, or clear its rationale."
    );
}
