//! Readiness: the summary that explains itself, the 360 anonymity threshold, team health
//! trends and the two-week nudge, readiness over months, evidence coverage, and chart geometry.

use crate::common::{act, day};
use runway::logic::charts::{num, points_attr, Plot, Radar, Scale};
use runway::logic::evaluation::feedback::*;
use runway::logic::evaluation::frameworks::{self, MIT_RUBRIC};
use runway::logic::evaluation::readiness::*;
use runway::logic::records::Record;
use runway::logic::Action;
use runway::model::*;

const AT: fn() -> Timestamp = || Timestamp::UNIX_EPOCH;

struct World {
    ws: Workspace,
    cohort: Id,
    ana: Id,
    ben: Id,
    coach: Id,
}

fn person(ws: &mut Workspace, name: &str) -> Id {
    crate::common::add_person(ws, name, "Platform", TrackLevel::IC4)
}

/// Two candidates (Ana, Ben) in a cohort starting 4 Jan 2027, with a coach.
fn world() -> World {
    let mut ws = Workspace::default();
    let ana_p = person(&mut ws, "Ana Lima");
    let ben_p = person(&mut ws, "Ben Okafor");
    let coach = person(&mut ws, "Cleo Marsh");
    let cohort = crate::common::add_cohort(&mut ws, "Winter", vec![coach], day(2027, 1, 4));
    let enrol = |ws: &mut Workspace, p: Id| crate::common::enrol(ws, cohort, p, 6.0);
    let ana = enrol(&mut ws, ana_p);
    let ben = enrol(&mut ws, ben_p);
    World {
        ws,
        cohort,
        ana,
        ben,
        coach,
    }
}

fn mit() -> Framework {
    frameworks::find(&Workspace::default(), MIT_RUBRIC).unwrap()
}

/// The MiT rubric's domain and level ids by position.
fn dom(i: usize) -> Id {
    mit().domains[i].id
}
fn lvl(i: usize) -> Id {
    mit().levels[i].id
}

fn evidence(w: &mut World, cand: Id, on: Option<Date>, domains: &[usize]) -> Id {
    act(
        &mut w.ws,
        Action::Put(Record::Evidence(Evidence {
            id: Id::nil(),
            candidate_id: cand,
            kind: EvidenceKind::Note,
            source_id: None,
            on,
            domain_ids: domains.iter().map(|i| dom(*i)).collect(),
            note: "Ran the planning meeting".into(),
            link: String::new(),
            created_at: AT(),
            updated_at: AT(),
            merge_bases: vec![],
        })),
    )
    .unwrap()
    .unwrap()
}

/// A calibration of the cohort on a day: (candidate, domain index, level index) each.
fn calibrate(w: &mut World, on: Date, outcomes: &[(Id, usize, usize)]) -> Id {
    let coach = w.coach;
    act(
        &mut w.ws,
        Action::Put(Record::Calibration(Calibration {
            id: Id::nil(),
            cohort_id: w.cohort,
            framework_id: MIT_RUBRIC,
            on,
            revealed: true,
            revealed_at: None,
            participants: vec![coach],
            outcomes: outcomes
                .iter()
                .map(|(c, d, l)| Calibrated {
                    candidate_id: *c,
                    domain_id: dom(*d),
                    level_id: lvl(*l),
                    rationale: "Agreed".into(),
                })
                .collect(),
            notes: String::new(),
            created_at: AT(),
            updated_at: AT(),
            merge_bases: vec![],
        })),
    )
    .unwrap()
    .unwrap()
}

fn signal_ids(w: &World) -> Vec<Id> {
    w.ws.cohort(w.cohort)
        .unwrap()
        .success_signals
        .iter()
        .map(|s| s.id)
        .collect()
}

fn mark(w: &mut World, cand: Id, signal: Id, on: Date) {
    act(
        &mut w.ws,
        Action::MarkSignal {
            candidate_id: cand,
            signal_id: signal,
            met_on: Some(on),
            evidence: vec![],
        },
    )
    .unwrap();
}

fn round(cand: Id, questions: usize, responses: &[(FeedbackGroup, &[u8], &str)]) -> FeedbackRound {
    let qs: Vec<Question> = (0..questions)
        .map(|i| Question {
            id: Id::from_u128(0xa000 + i as u128),
            text: format!("Question {}", i + 1),
        })
        .collect();
    FeedbackRound {
        id: Id::nil(),
        candidate_id: cand,
        title: "Spring 360".into(),
        opened_on: day(2027, 3, 1),
        responses: responses
            .iter()
            .enumerate()
            .map(|(n, (g, scores, comment))| Response360 {
                id: Id::from_u128(0xb000 + n as u128),
                group: *g,
                answers: qs
                    .iter()
                    .zip(scores.iter())
                    .map(|(q, s)| Answer360 {
                        question_id: q.id,
                        score: Some(*s),
                    })
                    .collect(),
                comment: (*comment).into(),
            })
            .collect(),
        questions: qs,
        aggregates: vec![],
        created_at: AT(),
        updated_at: AT(),
        merge_bases: vec![],
    }
}

fn health(w: &mut World, cand: Id, on: Date, scores: &[(HealthDimension, u8)]) {
    act(
        &mut w.ws,
        Action::Put(Record::HealthCheck(HealthCheck {
            id: Id::nil(),
            candidate_id: cand,
            on,
            team: "Payments".into(),
            scores: scores
                .iter()
                .map(|(d, s)| HealthScore {
                    dimension: *d,
                    score: f32::from(*s),
                })
                .collect(),
            answered: Some(5),
            note: String::new(),
            tally: None,
            created_at: AT(),
            updated_at: AT(),
            merge_bases: vec![],
        })),
    )
    .unwrap();
}

// ---------------------------------------------------------------------------------------------
// The readiness summary
// ---------------------------------------------------------------------------------------------

#[test]
fn a_candidate_with_nothing_yet_is_told_what_is_missing() {
    let w = world();
    let today = day(2027, 2, 10); // Shadow
    let s = summary(&w.ws, w.ana, MIT_RUBRIC, today).unwrap();
    assert_eq!(s.top, "Ready");
    assert_eq!(s.domains.len(), 5);
    assert!(s
        .domains
        .iter()
        .all(|d| d.status == DomainStatus::NotCalibrated));
    assert_eq!(
        s.missing,
        vec![
            "No calibration yet".to_string(),
            "No 360 feedback yet".to_string(),
            "4 of 4 success signals not met".to_string(),
        ]
    );
    // Unknown candidate or framework: no summary, no panic.
    assert!(summary(&w.ws, Id::from_u128(9), MIT_RUBRIC, today).is_none());
    assert!(summary(&w.ws, w.ana, Id::from_u128(9), today).is_none());
}

#[test]
fn ready_with_evidence_ready_without_evidence_and_lagging_domains() {
    let mut w = world();
    let ana = w.ana;
    // Evidence for Communication (0) and Coaching (1), dated; an undated item for Execution (2).
    evidence(&mut w, ana, Some(day(2027, 3, 2)), &[0]);
    let coaching = evidence(&mut w, ana, Some(day(2027, 3, 3)), &[1]);
    evidence(&mut w, ana, None, &[2]);
    calibrate(
        &mut w,
        day(2027, 3, 20),
        &[(ana, 0, 2), (ana, 1, 2), (ana, 2, 1), (ana, 3, 0)],
    );
    // The coaching evidence is deleted after the calibration: Ready now rests on nothing.
    act(
        &mut w.ws,
        Action::Remove {
            kind: RecordKind::Evidence,
            id: coaching,
        },
    )
    .unwrap();
    let signals = signal_ids(&w);
    mark(&mut w, ana, signals[0], day(2027, 3, 5));
    mark(&mut w, ana, signals[2], day(2027, 3, 6));

    let s = summary(&w.ws, ana, MIT_RUBRIC, day(2027, 3, 25)).unwrap();
    let by_name = |n: &str| s.domains.iter().find(|d| d.name == n).unwrap();
    let comm = by_name("Communication");
    assert_eq!(comm.status, DomainStatus::Ready);
    assert_eq!(comm.level.as_deref(), Some("Ready"));
    assert_eq!(comm.calibrated_on, Some(day(2027, 3, 20)));
    assert_eq!(comm.evidence, 1);
    assert_eq!(
        by_name("Coaching and feedback").status,
        DomainStatus::ReadyNoEvidence
    );
    let exec = by_name("Execution and prioritisation");
    assert_eq!(exec.status, DomainStatus::Lagging);
    assert_eq!(exec.evidence, 0, "undated evidence does not count");
    assert_eq!(
        by_name("Team health and culture").level.as_deref(),
        Some("Developing")
    );
    assert_eq!(
        by_name("Operational skills").status,
        DomainStatus::NotCalibrated
    );
    assert_eq!(s.signals_met(), 2);
    assert_eq!(
        s.missing,
        vec![
            "Coaching and feedback is Ready but has no dated evidence".to_string(),
            "Execution and prioritisation is Competent, not Ready".to_string(),
            "Team health and culture is Developing, not Ready".to_string(),
            "Operational skills has no calibrated level yet".to_string(),
            "No 360 feedback yet".to_string(),
            "2 of 4 success signals not met".to_string(),
        ]
    );
    // Ben was not calibrated at all.
    let b = summary(&w.ws, w.ben, MIT_RUBRIC, day(2027, 3, 25)).unwrap();
    assert_eq!(b.missing[0], "No calibration yet");
}

#[test]
fn the_latest_calibration_wins_and_a_full_house_misses_nothing() {
    let mut w = world();
    let ana = w.ana;
    evidence(&mut w, ana, Some(day(2027, 2, 1)), &[0, 1, 2, 3, 4]);
    calibrate(
        &mut w,
        day(2027, 2, 20),
        &(0..5).map(|d| (ana, d, 1)).collect::<Vec<_>>(),
    );
    calibrate(
        &mut w,
        day(2027, 3, 20),
        &(0..5).map(|d| (ana, d, 2)).collect::<Vec<_>>(),
    );
    for s in signal_ids(&w) {
        mark(&mut w, ana, s, day(2027, 3, 21));
    }
    let mut r = round(ana, 1, &[(FeedbackGroup::Peer, &[4], "")]);
    r.id = Id::nil();
    act(&mut w.ws, Action::Put(Record::FeedbackRound(r))).unwrap();
    // Practice phase: no health check is due.
    let today = day(2027, 3, 25);
    assert_eq!(phase_today(&w.ws, ana, today), Some(PhaseKind::Practice));
    let s = summary(&w.ws, ana, MIT_RUBRIC, today).unwrap();
    assert!(s.domains.iter().all(|d| d.status == DomainStatus::Ready));
    assert!(s.missing.is_empty(), "{:?}", s.missing);
}

#[test]
fn lead_with_support_asks_for_a_health_check_every_two_weeks() {
    let mut w = world();
    let ana = w.ana;
    let lws =
        w.ws.cohort(w.cohort)
            .unwrap()
            .phases
            .iter()
            .find(|p| p.kind == PhaseKind::LeadWithSupport)
            .unwrap()
            .starts_on;
    let today = lws + chrono::Days::new(20);
    assert!(health_nudge(&w.ws, ana, today).is_some());
    assert!(summary(&w.ws, ana, MIT_RUBRIC, today)
        .unwrap()
        .missing
        .contains(&"No team health check in the last two weeks".to_string()));
    // A check 14 days ago still counts; 15 days ago does not.
    health(
        &mut w,
        ana,
        today - chrono::Days::new(15),
        &[(HealthDimension::Safety, 3)],
    );
    assert!(health_nudge(&w.ws, ana, today).is_some());
    health(
        &mut w,
        ana,
        today - chrono::Days::new(14),
        &[(HealthDimension::Safety, 4)],
    );
    assert!(health_nudge(&w.ws, ana, today).is_none());
    // Ben has no check, but before Lead with support there is no nudge.
    assert!(health_nudge(&w.ws, w.ben, today).is_some());
    assert!(health_nudge(&w.ws, w.ben, lws - chrono::Days::new(1)).is_none());
}

// ---------------------------------------------------------------------------------------------
// 360 feedback: the anonymity threshold
// ---------------------------------------------------------------------------------------------

#[test]
fn two_responses_from_a_group_show_only_the_overall_figures() {
    use FeedbackGroup::*;
    let r = round(
        Id::nil(),
        2,
        &[
            (DirectReport, &[4, 2], "Listens well"),
            (DirectReport, &[5, 3], "Sometimes late with decisions"),
        ],
    );
    let a = aggregate(&r);
    assert_eq!(a.responses, 2);
    assert!(a.groups.is_empty(), "no group is shown");
    assert_eq!(a.questions[0].overall.mean, Some(4.5));
    assert_eq!(a.questions[0].overall.count, 2);
    assert_eq!(a.questions[1].overall.mean, Some(2.5));
    assert!(a.questions.iter().all(|q| q.by_group.is_empty()));
    assert_eq!(
        a.notes,
        vec!["2 responses from direct reports are counted only in the overall figures."]
    );
    // No comment from the group appears anywhere in what may be shown.
    let shown = format!("{:?}", a);
    assert!(!shown.contains("Listens well"));
    assert!(!shown.contains("late with decisions"));
    assert_eq!(a.counts[0], (DirectReport, 2));
}

#[test]
fn three_responses_from_a_group_show_its_figures_and_comments() {
    use FeedbackGroup::*;
    let r = round(
        Id::nil(),
        2,
        &[
            (DirectReport, &[4, 2], "Listens well"),
            (DirectReport, &[5, 3], ""),
            (DirectReport, &[3, 4], "Clear goals"),
            (Peer, &[1, 1], "Hard to reach"),
        ],
    );
    let a = aggregate(&r);
    assert_eq!(a.groups.len(), 1);
    assert_eq!(a.groups[0].group, DirectReport);
    assert_eq!(a.groups[0].responses, 3);
    assert_eq!(a.groups[0].comments, vec!["Clear goals", "Listens well"]);
    assert_eq!(a.questions[0].overall.mean, Some(13.0 / 4.0));
    // One peer outside the shown group: showing the group's mean would give the peer's answer
    // away by subtraction, so the group figures are withheld.
    assert_eq!(a.questions[0].by_group[0].mean, None);
    assert!(a
        .notes
        .iter()
        .any(|n| n.contains("worked out from the difference")));
    assert!(a
        .notes
        .contains(&"1 response from a peer is counted only in the overall figures.".to_string()));
    assert!(!format!("{a:?}").contains("Hard to reach"));

    // Without the lone peer, the direct reports' figures show.
    let r = round(
        Id::nil(),
        2,
        &[
            (DirectReport, &[4, 2], "Listens well"),
            (DirectReport, &[5, 3], ""),
            (DirectReport, &[3, 4], "Clear goals"),
        ],
    );
    let a = aggregate(&r);
    assert_eq!(a.questions[0].by_group[0].mean, Some(4.0));
    assert_eq!(a.questions[1].by_group[0].mean, Some(3.0));
    assert_eq!(a.questions[1].by_group[0].count, 3);
    assert!(a.notes.is_empty());
}

#[test]
fn one_response_shows_no_figure_at_all() {
    let r = round(Id::nil(), 1, &[(FeedbackGroup::Peer, &[2], "x")]);
    let a = aggregate(&r);
    assert_eq!(a.questions[0].overall.mean, None);
    assert_eq!(a.questions[0].overall.count, 1);
    assert!(a.notes[0].starts_with("Only 1 response so far"));
    assert!(threshold_rule().contains("at least 3 people"));
}

// ---------------------------------------------------------------------------------------------
// Team health trends
// ---------------------------------------------------------------------------------------------

#[test]
fn health_trends_are_in_date_order_with_a_direction() {
    use HealthDimension::*;
    let mut w = world();
    let ana = w.ana;
    // Entered out of order.
    health(&mut w, ana, day(2027, 5, 20), &[(Safety, 4), (Clarity, 2)]);
    health(&mut w, ana, day(2027, 5, 6), &[(Safety, 3), (Clarity, 3)]);
    health(
        &mut w,
        ana,
        day(2027, 6, 3),
        &[(Safety, 4), (Clarity, 1), (Workload, 3)],
    );
    let t = health_trends(&w.ws, ana);
    assert_eq!(t.len(), HealthDimension::ALL.len());
    let safety = &t[0];
    assert_eq!(
        safety.points,
        vec![
            (day(2027, 5, 6), 3.0),
            (day(2027, 5, 20), 4.0),
            (day(2027, 6, 3), 4.0)
        ]
    );
    assert_eq!(safety.direction, Some(Direction::Same));
    let clarity = t.iter().find(|x| x.dimension == Clarity).unwrap();
    assert_eq!((clarity.latest, clarity.previous), (Some(1.0), Some(2.0)));
    assert_eq!(clarity.direction, Some(Direction::Down));
    let workload = t.iter().find(|x| x.dimension == Workload).unwrap();
    assert_eq!(workload.direction, Some(Direction::First));
    let delivery = t.iter().find(|x| x.dimension == Delivery).unwrap();
    assert!(delivery.points.is_empty());
    assert_eq!(delivery.direction, None);
    // Ben's trends hold none of Ana's checks.
    assert!(health_trends(&w.ws, w.ben)
        .iter()
        .all(|x| x.points.is_empty()));
    health(&mut w, ana, day(2027, 6, 17), &[(Clarity, 3)]);
    let t = health_trends(&w.ws, ana);
    assert_eq!(t[1].direction, Some(Direction::Up));
}

#[test]
fn a_dimension_the_latest_check_skipped_says_when_it_was_last_scored() {
    use HealthDimension::*;
    let mut w = world();
    let ana = w.ana;
    health(
        &mut w,
        ana,
        day(2027, 10, 19),
        &[(Delivery, 3), (Clarity, 2)],
    );
    health(
        &mut w,
        ana,
        day(2027, 11, 2),
        &[(Delivery, 4), (Clarity, 3)],
    );
    // The latest check scores clarity only.
    health(&mut w, ana, day(2027, 11, 16), &[(Clarity, 3)]);
    let t = health_trends(&w.ws, ana);
    let delivery = t.iter().find(|x| x.dimension == Delivery).unwrap();
    // Latest and previous come from the checks that scored delivery.
    assert_eq!((delivery.latest, delivery.previous), (Some(4.0), Some(3.0)));
    assert_eq!(delivery.direction, Some(Direction::Up));
    assert_eq!(delivery.stale_since, Some(day(2027, 11, 2)));
    assert_eq!(
        delivery.move_text().as_deref(),
        Some("Delivery confidence: 4 on 2 Nov 2027, up from 3")
    );
    let clarity = t.iter().find(|x| x.dimension == Clarity).unwrap();
    assert_eq!(clarity.stale_since, None);
    assert_eq!(
        clarity.move_text().as_deref(),
        Some("Clarity: 3, unchanged from 3")
    );
    let workload = t.iter().find(|x| x.dimension == Workload).unwrap();
    assert_eq!(workload.move_text(), None);
    // Once a newer check scores delivery again, the line is today's news again.
    health(&mut w, ana, day(2027, 11, 30), &[(Delivery, 2)]);
    let t = health_trends(&w.ws, ana);
    let delivery = t.iter().find(|x| x.dimension == Delivery).unwrap();
    assert_eq!(
        delivery.move_text().as_deref(),
        Some("Delivery confidence: 2, down from 4")
    );
    let clarity = t.iter().find(|x| x.dimension == Clarity).unwrap();
    assert_eq!(
        clarity.move_text().as_deref(),
        Some("Clarity: 3 on 16 Nov 2027, unchanged from 3")
    );
}

// ---------------------------------------------------------------------------------------------
// Readiness over months and coverage
// ---------------------------------------------------------------------------------------------

#[test]
fn readiness_over_months_counts_top_level_domains_per_month() {
    let mut w = world();
    let (ana, ben) = (w.ana, w.ben);
    evidence(&mut w, ana, Some(day(2027, 1, 20)), &[0, 1, 2]);
    evidence(&mut w, ben, Some(day(2027, 2, 20)), &[0]);
    calibrate(
        &mut w,
        day(2027, 1, 28),
        &[(ana, 0, 2), (ana, 1, 0), (ben, 0, 1)],
    );
    // February: only Ben is calibrated; Ana's month list skips it.
    calibrate(&mut w, day(2027, 2, 25), &[(ben, 0, 2)]);
    calibrate(&mut w, day(2027, 3, 25), &[(ana, 1, 2), (ana, 2, 1)]);
    let m = over_months(&w.ws, ana, MIT_RUBRIC);
    assert_eq!(m.len(), 2);
    assert_eq!(m[0].month, day(2027, 1, 1));
    assert_eq!(month_text(m[0].month), "Jan 2027");
    assert_eq!((m[0].ready, m[0].domains), (1, 5));
    assert!((m[0].share - 0.2).abs() < 1e-9);
    assert!((m[0].mean_level - 2.0).abs() < 1e-9); // (3 + 1) / 2
                                                   // March: Communication still Ready from January, Coaching now Ready, Execution Competent.
    assert_eq!(m[1].month, day(2027, 3, 1));
    assert_eq!(m[1].ready, 2);
    assert!((m[1].mean_level - 8.0 / 3.0).abs() < 1e-9);
    let b = over_months(&w.ws, ben, MIT_RUBRIC);
    assert_eq!(b.iter().map(|p| p.ready).collect::<Vec<_>>(), vec![0, 1]);
}

#[test]
fn coverage_counts_dated_evidence_per_candidate_and_domain() {
    let mut w = world();
    let (ana, ben) = (w.ana, w.ben);
    evidence(&mut w, ana, Some(day(2027, 2, 1)), &[0, 1]);
    evidence(&mut w, ana, Some(day(2027, 2, 8)), &[0]);
    evidence(&mut w, ana, None, &[0]); // undated: not counted
    evidence(&mut w, ana, Some(day(2027, 9, 1)), &[4]); // after today: not counted
    evidence(&mut w, ben, Some(day(2027, 2, 3)), &[3]);
    let c = coverage(&w.ws, w.cohort, &mit(), day(2027, 3, 1));
    assert_eq!(c.domains.len(), 5);
    assert_eq!(c.rows.len(), 2);
    assert_eq!(c.rows[0].name, "Ana Lima");
    assert_eq!(c.rows[0].counts, vec![2, 1, 0, 0, 0]);
    assert_eq!(c.rows[1].counts, vec![0, 0, 0, 1, 0]);
    assert_eq!(c.max, 2);
    assert_eq!(
        evidence_counts(&w.ws, ana, &mit(), day(2027, 3, 1))[0],
        ("Communication".to_string(), 2)
    );
}

// ---------------------------------------------------------------------------------------------
// Chart geometry
// ---------------------------------------------------------------------------------------------

fn close(a: (f64, f64), b: (f64, f64)) -> bool {
    (a.0 - b.0).abs() < 1e-9 && (a.1 - b.1).abs() < 1e-9
}

#[test]
fn radar_points_go_clockwise_from_the_top() {
    let r = Radar {
        cx: 100.0,
        cy: 100.0,
        radius: 80.0,
        axes: 4,
    };
    assert!(close(r.point(0, 3.0, 3.0), (100.0, 20.0)));
    assert!(close(r.point(1, 3.0, 3.0), (180.0, 100.0)));
    assert!(close(r.point(2, 1.5, 3.0), (100.0, 140.0)));
    assert!(close(r.point(3, 3.0, 3.0), (20.0, 100.0)));
    // Out of range values stay on the chart.
    assert!(close(r.point(0, 9.0, 3.0), (100.0, 20.0)));
    assert!(close(r.point(0, -1.0, 3.0), (100.0, 100.0)));
    assert!(close(r.point(0, 2.0, 0.0), (100.0, 100.0)));
    assert_eq!(r.label_anchor(0), "middle");
    assert_eq!(r.label_anchor(1), "start");
    assert_eq!(r.label_anchor(3), "end");
    assert_eq!(r.ring(1.0, 1.0).len(), 4);
    let five = Radar { axes: 5, ..r };
    let p = five.point(1, 1.0, 1.0);
    assert!((p.0 - (100.0 + 80.0 * (72f64.to_radians()).sin())).abs() < 1e-9);
    assert_eq!(
        points_attr(&r.polygon(&[3.0, 0.0], 3.0)),
        "100.0,20.0 100.0,100.0"
    );
    // No axes at all: no panic.
    let none = Radar { axes: 0, ..r };
    assert!(none.ring(1.0, 1.0).is_empty());
}

#[test]
fn line_scales_map_values_onto_the_plot() {
    let plot = Plot {
        left: 40.0,
        top: 10.0,
        right: 440.0,
        bottom: 210.0,
    };
    let (x, y) = plot.scales((0.0, 4.0), (0.0, 5.0));
    assert_eq!(x.at(0.0), 40.0);
    assert_eq!(x.at(4.0), 440.0);
    assert_eq!(x.at(1.0), 140.0);
    assert_eq!(y.at(0.0), 210.0);
    assert_eq!(y.at(5.0), 10.0);
    assert_eq!(y.at(2.5), 110.0);
    // One point only: it sits in the middle.
    assert_eq!(Scale::new((3.0, 3.0), (40.0, 440.0)).at(3.0), 240.0);
    assert_eq!(num(3.0), "3");
    assert_eq!(num(3.25), "3.3");
    assert_eq!(num(2.0 / 3.0), "0.7");
}

#[test]
fn labels_wrap_and_ticks_spread() {
    use runway::logic::charts::{spread_ticks, wrap_label};
    assert_eq!(
        wrap_label("Execution and prioritisation", 16),
        vec!["Execution and", "prioritisation"]
    );
    assert_eq!(wrap_label("People", 16), vec!["People"]);
    assert!(wrap_label("  ", 5).is_empty());
    assert_eq!(spread_ticks(3, 6), vec![0, 1, 2]);
    assert_eq!(spread_ticks(10, 4), vec![0, 3, 6, 9]);
    assert_eq!(spread_ticks(0, 4), Vec::<usize>::new());
    assert_eq!(spread_ticks(5, 1), vec![0]);
}

#[test]
fn date_labels_on_the_x_axis_never_touch() {
    use runway::logic::charts::{axis_ticks, text_width, ticks_that_fit, Scale};
    // The health chart's drawing area runs from 48 to 524; checks from 7 Sep to 21 Nov.
    let days = [0.0, 14.0, 28.0, 42.0, 56.0, 70.0, 75.0];
    let labels: Vec<String> = [
        "7 Sep 2026",
        "21 Sep 2026",
        "5 Oct 2026",
        "19 Oct 2026",
        "2 Nov 2026",
        "16 Nov 2026",
        "21 Nov 2026",
    ]
    .iter()
    .map(|s| s.to_string())
    .collect();
    let sx = Scale::new((0.0, 75.0), (48.0, 524.0));
    let at: Vec<f64> = days.iter().map(|d| sx.at(*d)).collect();
    let picked = axis_ticks(&at, &labels, 11.0, 6);
    // "16 Nov" and "21 Nov" are 32 units apart: the first and the last stay, "16 Nov" goes.
    assert_eq!(picked.first(), Some(&0));
    assert_eq!(picked.last(), Some(&6));
    assert!(!picked.contains(&5), "{picked:?}");
    for pair in picked.windows(2) {
        let (a, b) = (pair[0], pair[1]);
        let room = at[b] - at[a];
        let need = (text_width(&labels[a], 11.0) + text_width(&labels[b], 11.0)) / 2.0;
        assert!(room >= need, "{} and {} overlap", labels[a], labels[b]);
    }
    // Spread out, every label fits.
    assert_eq!(
        ticks_that_fit(&[0.0, 100.0, 200.0], &[50.0, 50.0, 50.0], 5.0),
        vec![0, 1, 2]
    );
    // Two labels on top of each other: only the first.
    assert_eq!(ticks_that_fit(&[0.0, 10.0], &[50.0, 50.0], 5.0), vec![0]);
    // A crowded middle gives way to the last.
    assert_eq!(
        ticks_that_fit(&[0.0, 60.0, 90.0, 100.0], &[50.0; 4], 5.0),
        vec![0, 3]
    );
    assert!(ticks_that_fit(&[], &[], 5.0).is_empty());
}

#[test]
fn ring_labels_sit_between_the_axes_off_every_data_point() {
    use runway::logic::charts::Radar;
    let clearance = 8.9;
    let mut drawn = 0;
    for axes in 3..=8 {
        let radar = Radar {
            cx: 190.0,
            cy: 110.0,
            // As `RadarChart` draws it.
            radius: 76.0,
            axes,
        };
        for levels in 2..=5 {
            for ring in 1..=levels {
                let Some((lx, ly)) = radar.ring_label_at(ring, levels, clearance) else {
                    continue;
                };
                drawn += 1;
                for i in 0..axes {
                    for level in 1..=levels {
                        let (px, py) = radar.point(i, level as f64, levels as f64);
                        let d = ((lx - px).powi(2) + (ly - py).powi(2)).sqrt();
                        assert!(
                            d >= clearance,
                            "{axes} axes, ring {ring}: label {d:.1} from the dot on axis {i} at {level}"
                        );
                    }
                }
            }
            // The outer ring always has its number.
            assert!(radar.ring_label_at(levels, levels, clearance).is_some());
        }
    }
    assert!(drawn > 60, "{drawn}");
    // Five axes, three levels (the MiT rubric): every ring is numbered, the outer one halfway
    // between the top axis and the next, on the ring's edge.
    let mit = Radar {
        cx: 190.0,
        cy: 110.0,
        radius: 76.0,
        axes: 5,
    };
    let (x, y) = mit.ring_label_at(3, 3, clearance).unwrap();
    let edge_mid = (
        (mit.axis_end(0).0 + mit.axis_end(1).0) / 2.0,
        (mit.axis_end(0).1 + mit.axis_end(1).1) / 2.0,
    );
    assert!((x - edge_mid.0).abs() < 0.01 && (y - edge_mid.1).abs() < 0.01);
    assert!((1..=3).all(|k| mit.ring_label_at(k, 3, clearance).is_some()));
}

#[test]
fn a_saved_chart_carries_its_title_and_whom_it_is_about_without_comment_markers() {
    use runway::logic::charts::{strip_comments, svg_document};
    assert_eq!(
        strip_comments("<g><!----><text>3</text><!-- x --></g>"),
        "<g><text>3</text></g>"
    );
    assert_eq!(strip_comments("a<!-- never closed"), "a");
    let inner = r#"<title id="t">Radar</title><!----><circle data-value="3"/><!---->"#;
    let svg = svg_document(
        inner,
        380.0,
        300.0,
        "Latest calibrated levels — MiT readiness rubric",
        "Ana Lima & co · 2 Nov 2026",
        "system-ui",
    );
    assert!(svg.starts_with(r#"<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 380 "#));
    assert!(!svg.contains("<!--"));
    assert!(svg.contains(r#"<circle data-value="3"/>"#));
    // The heading is drawn as text, the name escaped, and the chart moved down under it.
    assert!(
        svg.contains(">Latest calibrated levels — MiT readiness<"),
        "{svg}"
    );
    assert!(svg.contains(">rubric</text>"), "{svg}");
    assert!(
        svg.contains(">Ana Lima &amp; co · 2 Nov 2026</text>"),
        "{svg}"
    );
    assert!(svg.contains(r#"<g transform="translate(0 "#));
    assert!(svg.ends_with("</g></svg>"));
}
