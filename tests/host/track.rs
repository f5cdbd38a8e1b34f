//! The management track: levels over time, trials, readiness for the next level, the ladder's
//! ledger, and the rules that keep histories sane.

use runway::file::{decode, encode_pretty, DecodeError};
use runway::logic::actions::Action;
use runway::logic::ladder::{ledger, ledgers};
use runway::logic::records::Record;
use runway::logic::track::readiness::{framework_level, next_level, track_framework};
use runway::logic::track::{self, trials};
use runway::logic::validate;
use runway::model::*;

use crate::common::*;

fn named(ws: &Workspace, name: &str) -> Id {
    ws.people.iter().find(|p| p.name == name).unwrap().id
}

fn a_move(person_id: Id, on: Date, kind: MoveKind, level: TrackLevel, note: &str) -> LevelMove {
    LevelMove::new(person_id, on, kind, level, "", note, Timestamp::default())
}

fn fields(r: Result<Option<Id>, runway::logic::ActionError>) -> Vec<String> {
    r.unwrap_err()
        .fields()
        .iter()
        .map(|(f, _)| f.clone())
        .collect()
}

#[test]
fn the_current_level_and_time_at_level_come_from_the_history() {
    let ws = sample();
    let today = day(2026, 11, 21);
    let dana = named(&ws, "Dana Whitfield");
    assert_eq!(track::current_level(&ws, dana), Some(TrackLevel::M3));
    assert_eq!(
        track::level_on(&ws, dana, day(2021, 12, 31)),
        Some(TrackLevel::M2)
    );
    assert_eq!(
        track::level_on(&ws, dana, day(2019, 3, 1)),
        None,
        "before she joined"
    );
    let s = track::standing(&ws, dana, today).unwrap();
    assert_eq!(s.since, day(2022, 1, 10));
    assert_eq!(s.days, (today - day(2022, 1, 10)).num_days());
    // A confirmed trial does not restart the time at level: Hana is M1 since the trial began.
    let hana = named(&ws, "Hana Sato");
    let s = track::standing(&ws, hana, today).unwrap();
    assert_eq!((s.level, s.since), (TrackLevel::M1, day(2022, 9, 5)));
    assert!((s.years() - 4.2).abs() < 0.05, "{}", s.years());
    assert_eq!(track::years_text(s.years()), "4.2 years");
    assert_eq!(track::years_text(0.3), "4 months");
    assert_eq!(track::years_text(1.0), "1 year");
    // Time at level is set against the usual range and never called readiness.
    let note = track::tenure_note(&s).unwrap();
    assert!(
        note.contains("3–5 years") && note.contains("does not make anyone ready"),
        "{note}"
    );
    // The level is stored once: a person has no level field of their own in the file.
    let text = encode_pretty(&ws, at(2026, 11, 21));
    let v: serde_json::Value = serde_json::from_str(&text).unwrap();
    assert!(v["workspace"]["people"][0].get("level").is_none());
    // Jonah went back to engineering: time managing counts only his months at M1.
    let jonah = named(&ws, "Jonah Park");
    assert_eq!(track::current_level(&ws, jonah), Some(TrackLevel::IC4));
    assert_eq!(
        track::days_managing(&ws, jonah, today),
        (day(2024, 8, 5) - day(2024, 2, 5)).num_days()
    );
}

#[test]
fn the_distribution_at_a_date_counts_the_managers_of_that_day() {
    let ws = sample();
    let today = day(2026, 11, 21);
    let now = track::distribution(&ws, today, None);
    // Worked out from the histories independently of the query.
    let mut expected = [0; 3];
    for p in &ws.people {
        let last = ws
            .levels
            .iter()
            .filter(|m| m.person_id == p.id && m.on <= today)
            .max_by_key(|m| m.on)
            .map(|m| m.level);
        match last {
            Some(TrackLevel::M1) => expected[0] += 1,
            Some(TrackLevel::M2) => expected[1] += 1,
            Some(TrackLevel::M3) => expected[2] += 1,
            _ => {}
        }
    }
    assert_eq!(now.counts, expected);
    assert_eq!(now.counts, [3, 2, 1]);
    assert_eq!(
        (now.share(0), now.share(1), now.share(2)),
        (50.0, 33.3, 16.7)
    );
    assert!(!now.in_band(0) && now.in_band(1) && !now.in_band(2));
    assert_eq!(now.out_of_band().len(), 2);
    // In mid-2021 Dana and Marcus were M2, Beatriz M1; Hana and Felix were engineers.
    let then = track::distribution(&ws, day(2021, 6, 1), None);
    assert_eq!(then.counts, [1, 2, 0]);
    assert_eq!(then.names[1], vec!["Dana Whitfield", "Marcus Oyelaran"]);
    // By team, with the team they were in on the day.
    let payments = track::distribution(&ws, today, Some("Payments"));
    assert_eq!(payments.counts, [0, 1, 0]);
    let returns = track::distribution(&ws, today, Some("Returns"));
    assert_eq!(returns.names[0], vec!["Olu Adeyemi"]);
    assert!(track::distribution(&ws, day(2026, 1, 1), Some("Returns")).total() == 0);
    // A trend is the same day in earlier years.
    assert_eq!(
        track::trend_days(today, 2),
        vec![day(2024, 11, 21), day(2025, 11, 21), today]
    );
    // Someone who left is not counted after leaving.
    let mut left = ws.clone();
    let i = left
        .people
        .iter()
        .position(|p| p.name == "Felix Wagner")
        .unwrap();
    left.people[i].left_on = Some(day(2026, 6, 30));
    assert_eq!(track::distribution(&left, today, None).counts, [2, 2, 1]);
}

#[test]
fn entry_paths_count_first_moves_into_management() {
    let ws = sample();
    let paths = track::entry_paths(&ws);
    // Hana, Olu from IC3; Beatriz, Felix and Jonah from IC4; Dana and Marcus hired as managers.
    assert_eq!((paths.from_ic3, paths.from_ic4, paths.other), (2, 3, 2));
    assert_eq!(paths.returns, 1);
    assert_eq!(paths.percent(paths.from_ic3), 29);
}

#[test]
fn the_next_level_shows_the_evidence_span_and_the_gaps() {
    let mut ws = sample();
    let today = day(2026, 11, 21);
    let hana = named(&ws, "Hana Sato");
    let n = next_level(&ws, hana, today).unwrap();
    assert_eq!(n.next, TrackLevel::M2);
    assert_eq!(n.outcomes.len(), 4, "one per domain of the track");
    let people = n.outcomes.iter().find(|o| o.domain == "People").unwrap();
    assert_eq!(people.evidence.len(), 2);
    let (first, last) = (
        today - chrono::Days::new(290),
        today - chrono::Days::new(30),
    );
    assert_eq!(n.span, Some((first, last)));
    assert_eq!(
        n.span_months,
        ((last - first).num_days() as f64 / 30.44) as u32
    );
    assert!(n.gaps.iter().any(|g| g == "Culture at M2: no evidence yet"));
    assert!(n
        .gaps
        .iter()
        .any(|g| g.starts_with("Delivery at M2: evidence covers")));
    // Adding evidence for culture at M2 takes that gap away.
    let fw = track_framework(&ws);
    let culture = fw.domains.iter().find(|d| d.name == "Culture").unwrap().id;
    let m2 = framework_level(&fw, TrackLevel::M2).unwrap().id;
    act(
        &mut ws,
        Action::Put(Record::TrackEvidence(TrackEvidence {
            id: Id::nil(),
            person_id: hana,
            domain_id: culture,
            level_id: m2,
            on: day(2026, 11, 1),
            note: "Two teams now share one incident process she set up.".into(),
            link: String::new(),
            created_at: Timestamp::default(),
            updated_at: Timestamp::default(),
            merge_bases: Vec::new(),
        })),
    )
    .unwrap();
    let n = next_level(&ws, hana, today).unwrap();
    assert!(!n.gaps.iter().any(|g| g == "Culture at M2: no evidence yet"));
    assert!(n
        .gaps
        .iter()
        .any(|g| g.starts_with("Culture at M2: evidence covers less than a month")));
    // Nobody at M3 or in engineering gets a next-level view.
    assert!(next_level(&ws, named(&ws, "Dana Whitfield"), today).is_none());
    assert!(next_level(&ws, named(&ws, "Priya Raman"), today).is_none());
    // Nor does someone still in their trial.
    assert!(next_level(&ws, named(&ws, "Olu Adeyemi"), today).is_none());
}

#[test]
fn a_trial_starts_passes_a_checkpoint_and_returns_to_engineering() {
    let mut ws = sample();
    let priya = named(&ws, "Priya Raman");
    let cand = ws.candidacies_of(priya).next().unwrap().id;
    let start = day(2026, 6, 1);
    let mut t = trials::draft(&ws, priya, start);
    assert_eq!(t.return_level, TrackLevel::IC3, "the level held before");
    assert_eq!(t.candidate_id, Some(cand));
    assert_eq!(t.checkpoints.len(), 6, "monthly by default");
    // Her old team needs the "no coding expected" tick.
    t.team = "Fulfilment".into();
    let refused = act(
        &mut ws,
        Action::StartTrial {
            trial: t.clone(),
            level: TrackLevel::M1,
        },
    );
    assert_eq!(fields(refused), vec!["team"]);
    t.team = "Maps".into();
    // The supporting manager is someone senior: an M1 draws a warning, an M2 does not.
    t.supporter_id = Some(named(&ws, "Hana Sato"));
    assert!(trials::warnings(&ws, &t)
        .iter()
        .any(|w| w.starts_with("Hana Sato is not a senior manager")));
    t.supporter_id = Some(named(&ws, "Marcus Oyelaran"));
    assert!(
        trials::warnings(&ws, &t).is_empty(),
        "{:?}",
        trials::warnings(&ws, &t)
    );
    let id = act(
        &mut ws,
        Action::StartTrial {
            trial: t,
            level: TrackLevel::M1,
        },
    )
    .unwrap()
    .unwrap();
    assert_eq!(track::level_on(&ws, priya, start), Some(TrackLevel::M1));
    assert_eq!(ws.person(priya).unwrap().team, "Maps");
    // A checkpoint held.
    let mut t = ws.trials.iter().find(|t| t.id == id).unwrap().clone();
    t.checkpoints[0].held_on = Some(day(2026, 7, 2));
    t.checkpoints[0].support_note = "Calm in the first incident.".into();
    act(&mut ws, Action::Put(Record::Trial(t))).unwrap();
    assert_eq!(
        trials::next_checkpoint(ws.trials.iter().find(|t| t.id == id).unwrap())
            .unwrap()
            .on,
        day(2026, 8, 1)
    );
    // Reminders: the checkpoints not held, and the end.
    let due = trials::all_reminders(&ws, day(2026, 11, 25));
    assert!(due.iter().any(|r| r.overdue && r.on == day(2026, 8, 1)));
    assert!(due
        .iter()
        .any(|r| r.on == day(2026, 11, 30) && r.text.contains("ends")));
    // A lapsed fortnightly health check is reminded: Olu's team has had none; Priya's
    // candidacy has recent checks, so hers is not.
    let olu = named(&ws, "Olu Adeyemi");
    assert!(due
        .iter()
        .any(|r| r.person_id == olu && r.text.starts_with("No team health check of Returns yet")));
    assert!(!due
        .iter()
        .any(|r| r.person_id == priya && r.text.contains("health check")));
    // Back to engineering at the guaranteed level, with the team, and the status follows.
    act(
        &mut ws,
        Action::DecideTrial {
            trial_id: id,
            outcome: TrialOutcome {
                decision: TrialDecision::Returned,
                on: day(2026, 11, 20),
                months: None,
                team: "Fulfilment".into(),
                note: "Wants to lead technically instead.".into(),
            },
        },
    )
    .unwrap();
    let last = *track::moves_of(&ws, priya).last().unwrap();
    assert_eq!(
        (last.kind, last.level, last.team.as_str(), last.on),
        (
            MoveKind::Returned,
            TrackLevel::IC3,
            "Fulfilment",
            day(2026, 11, 20)
        )
    );
    assert_eq!(
        ws.candidate(cand).unwrap().status,
        CandidateStatus::ReturnedToEngineering
    );
    assert_eq!(track::entry_paths(&ws).returns, 2);
    // An ended trial's decision stands.
    let again = act(
        &mut ws,
        Action::DecideTrial {
            trial_id: id,
            outcome: TrialOutcome {
                decision: TrialDecision::Confirmed,
                on: day(2026, 11, 21),
                months: None,
                team: String::new(),
                note: String::new(),
            },
        },
    );
    assert!(again.is_err());
    assert!(validate(&ws).is_empty());
}

#[test]
fn a_trial_extended_then_confirmed_writes_the_history() {
    let mut ws = sample();
    let olu = named(&ws, "Olu Adeyemi");
    let t = trials::open_trial(&ws, olu).unwrap().clone();
    assert_eq!(t.months, 6);
    let decide = |d: TrialDecision, on: Date, months: Option<u32>| Action::DecideTrial {
        trial_id: t.id,
        outcome: TrialOutcome {
            decision: d,
            on,
            months,
            team: String::new(),
            note: String::new(),
        },
    };
    // An extension must make it longer.
    assert!(act(
        &mut ws,
        decide(TrialDecision::Extended, day(2026, 11, 20), Some(6))
    )
    .is_err());
    act(
        &mut ws,
        decide(TrialDecision::Extended, day(2026, 11, 20), Some(9)),
    )
    .unwrap();
    let x = ws.trials.iter().find(|x| x.id == t.id).unwrap();
    assert_eq!((x.months, x.checkpoints.len()), (9, 9));
    assert!(x.end().is_none(), "still open");
    act(
        &mut ws,
        decide(TrialDecision::Confirmed, day(2026, 11, 21), None),
    )
    .unwrap();
    let last = *track::moves_of(&ws, olu).last().unwrap();
    assert_eq!(
        (last.kind, last.level),
        (MoveKind::TrialConfirmed, TrackLevel::M1)
    );
    // The trial began his time at M1; the confirmation does not restart it.
    let s = track::standing(&ws, olu, day(2026, 11, 21)).unwrap();
    assert_eq!(s.since, t.starts_on);
}

#[test]
fn the_ledger_measures_hours_and_practice_against_the_rung() {
    let ws = sample();
    let today = day(2026, 11, 21);
    let all = ledgers(&ws, today);
    assert_eq!(all.len(), 6, "every manager, a ledger or not");
    let by = |name: &str| all.iter().find(|l| l.name == name).unwrap();
    // Felix has nothing logged: behind, and listed.
    let felix = by("Felix Wagner");
    assert_eq!((felix.entries, felix.behind()), (0, true));
    // Hana: 8 h of training this year against 8, 8 h of practice in four weeks against 2 a week.
    let hana = by("Hana Sato");
    assert_eq!((hana.training_hours, hana.training_due), (8.0, 8.0));
    assert_eq!((hana.practice_done, hana.practice_due), (8.0, 8.0));
    assert!(!hana.behind());
    // Marcus (mid-level): 4 of 12 h this year.
    let marcus = by("Marcus Oyelaran");
    assert_eq!(marcus.rung, LadderLevel::MidLevel);
    assert!(marcus.behind_training);
    // Dana is set to staff by hand: a strategy session a quarter, and she had one.
    let dana = by("Dana Whitfield");
    assert!(dana.rung_set && dana.rung == LadderLevel::Staff);
    assert!(!dana.behind_practice);
    // Those behind come first.
    assert!(all[0].behind());
    // Olu is a manager for 120 days: the year's target is pro rata.
    let olu_p = ws.person(named(&ws, "Olu Adeyemi")).unwrap();
    assert_eq!(
        track::managing_since(&ws, olu_p.id, today),
        Some(today - chrono::Days::new(120))
    );
    let olu = ledger(&ws, olu_p, today).unwrap();
    // 8 h × 120 / 365 = 2.6 h, to the nearest half hour.
    assert_eq!(olu.training_due, 2.5);
}

#[test]
fn bad_histories_are_refused_at_their_field() {
    let mut ws = sample();
    let before = ws.clone();
    let emma = named(&ws, "Emma Dubois"); // joined 2025-09-01 as IC1
    let put = |m: LevelMove| Action::Put(Record::LevelMove(m));
    // Before she joined; after today; a second move on one day; from IC straight to M2 with
    // no reason given.
    let mut refused_at = |on: Date, kind: MoveKind, level: TrackLevel| {
        fields(act(&mut ws, put(a_move(emma, on, kind, level, ""))))
    };
    assert_eq!(
        refused_at(day(2025, 1, 1), MoveKind::Promoted, TrackLevel::IC2),
        vec!["on"]
    );
    assert_eq!(
        refused_at(day(2027, 3, 1), MoveKind::Promoted, TrackLevel::IC2),
        vec!["on"]
    );
    assert_eq!(
        refused_at(day(2025, 9, 1), MoveKind::Promoted, TrackLevel::IC2),
        vec!["on"]
    );
    assert_eq!(
        refused_at(day(2026, 5, 1), MoveKind::BetweenTracks, TrackLevel::M2),
        vec!["note"]
    );
    assert_eq!(ws, before, "nothing changed");
    act(
        &mut ws,
        put(a_move(
            emma,
            day(2026, 5, 1),
            MoveKind::BetweenTracks,
            TrackLevel::M2,
            "Hired in to lead the new warehouse group.",
        )),
    )
    .unwrap();
    // A trial's guaranteed return cannot be above the level held before it.
    let mut ws = before.clone();
    let priya = named(&ws, "Priya Raman");
    let mut t = trials::draft(&ws, priya, day(2026, 6, 1));
    t.team = "Returns".into();
    t.return_level = TrackLevel::IC4;
    assert_eq!(
        fields(act(
            &mut ws,
            Action::StartTrial {
                trial: t,
                level: TrackLevel::M1
            }
        )),
        vec!["return_level"]
    );
    // Training hours below zero, above a day's worth, or none.
    let entry = |hours: f32| {
        Action::Put(Record::Training(TrainingEntry {
            id: Id::nil(),
            person_id: priya,
            on: day(2026, 11, 1),
            kind: TrainingKind::Training,
            hours,
            topic: String::new(),
            created_at: Timestamp::default(),
            updated_at: Timestamp::default(),
            merge_bases: Vec::new(),
        }))
    };
    for h in [-1.0, 25.0, 0.0, f32::NAN] {
        assert_eq!(fields(act(&mut ws, entry(h))), vec!["hours"], "{h}");
    }
    assert_eq!(ws, before);
    act(&mut ws, entry(1.5)).unwrap();
}

#[test]
fn a_file_whose_histories_break_the_rules_is_refused_with_the_path() {
    let ws = sample();
    let text = encode_pretty(&ws, at(2026, 11, 21));
    let mut v: serde_json::Value = serde_json::from_str(&text).unwrap();
    // Two moves of one person on one day.
    let levels = v["workspace"]["levels"].as_array_mut().unwrap();
    let mut twin = levels[0].clone();
    twin["id"] = serde_json::json!(uuid::Uuid::from_u128(991).to_string());
    twin["kind"] = serde_json::json!("promoted");
    levels.push(twin);
    let n = levels.len() - 1;
    let bytes = serde_json::to_vec(&v).unwrap();
    let DecodeError::Invalid(problems) = decode(&bytes).unwrap_err() else {
        panic!("expected a rule problem");
    };
    assert!(
        problems.iter().any(|p| p.path == format!("levels[{n}].on")),
        "{problems:?}"
    );
    // Training of 30 hours in one entry.
    let mut v: serde_json::Value = serde_json::from_str(&text).unwrap();
    v["workspace"]["training"][0]["hours"] = serde_json::json!(30.0);
    let DecodeError::Invalid(problems) = decode(&serde_json::to_vec(&v).unwrap()).unwrap_err()
    else {
        panic!("expected a rule problem");
    };
    assert_eq!(problems[0].path, "training[0].hours");
    // A schema 5 file with a level that is not one.
    let old = include_str!("../fixtures/workspace-v5.json").replacen(
        "\"level\": \"M3\"",
        "\"level\": \"M9\"",
        1,
    );
    match decode(old.as_bytes()).unwrap_err() {
        DecodeError::Field { path, .. } => assert_eq!(path, "people[0].level"),
        e => panic!("{e:?}"),
    }
}

#[test]
fn a_persons_history_goes_with_them() {
    let mut ws = sample();
    let olu = named(&ws, "Olu Adeyemi");
    let mine = |ws: &Workspace| {
        ws.levels.iter().filter(|m| m.person_id == olu).count()
            + ws.trials.iter().filter(|t| t.person_id == olu).count()
            + ws.training.iter().filter(|t| t.person_id == olu).count()
    };
    assert!(mine(&ws) >= 4);
    let ids: Vec<Id> = ws
        .levels
        .iter()
        .filter(|m| m.person_id == olu)
        .map(|m| m.id)
        .chain(
            ws.trials
                .iter()
                .filter(|t| t.person_id == olu)
                .map(|t| t.id),
        )
        .collect();
    act(&mut ws, Action::DeletePerson { id: olu }).unwrap();
    assert_eq!(mine(&ws), 0);
    for id in ids {
        assert!(ws.deleted.iter().any(|t| t.id == id), "tombstoned");
    }
    // Hana's evidence towards M2 goes with her too.
    let hana = named(&ws, "Hana Sato");
    assert!(ws.track_evidence.iter().any(|e| e.person_id == hana));
    act(&mut ws, Action::DeletePerson { id: hana }).unwrap();
    assert!(!ws.track_evidence.iter().any(|e| e.person_id == hana));
    // A supporting manager who goes is cleared from the trial, which stays.
    let mut ws = sample();
    let marcus = named(&ws, "Marcus Oyelaran");
    act(&mut ws, Action::DeletePerson { id: marcus }).unwrap();
    let t = trials::open_trial(&ws, named(&ws, "Olu Adeyemi")).unwrap();
    assert_eq!(t.supporter_id, None);
}

#[test]
fn every_track_field_takes_part_in_merges() {
    let ws = sample();
    assert_fields_listed(&ws.levels[0]);
    assert_fields_listed(&ws.trials[0]);
    assert_fields_listed(&ws.training[0]);
    assert_fields_listed(&ws.track_evidence[0]);
    let p = ws.people.iter().find(|p| p.ladder.is_some()).unwrap();
    assert_fields_listed(p);
}

#[test]
fn fixing_a_joined_date_moves_the_hiring_with_it() {
    let mut ws = sample();
    let lee = named(&ws, "Lee Chen");
    let p = ws.person(lee).unwrap().clone();
    let update = |joined: Date| Action::UpdatePerson {
        id: lee,
        fields: runway::logic::PersonFields {
            name: p.name.clone(),
            email: p.email.clone(),
            team: p.team.clone(),
            role_title: p.role_title.clone(),
            level: None,
            joined_on: Some(joined),
            left_on: None,
        },
    };
    act(&mut ws, update(day(2024, 4, 5))).unwrap();
    let first = track::moves_of(&ws, lee)[0].clone();
    assert_eq!((first.kind, first.on), (MoveKind::Hired, day(2024, 4, 5)));
    // Not past a later move.
    act(
        &mut ws,
        Action::Put(Record::LevelMove(a_move(
            lee,
            day(2025, 4, 1),
            MoveKind::Promoted,
            TrackLevel::IC3,
            "",
        ))),
    )
    .unwrap();
    assert_eq!(
        fields(act(&mut ws, update(day(2025, 6, 1)))),
        vec!["joined_on"]
    );
    assert!(validate(&ws).is_empty());
}

#[test]
fn two_copies_recording_the_same_step_merge_into_one_history() {
    use runway::logic::records::merge::{mark_sent, merge, Resolutions};
    let mut coach = sample();
    mark_sent(&mut coach, None);
    let mut sponsor = coach.clone();
    let kwame = named(&coach, "Kwame Mensah");
    let promote = |note: &str| {
        Action::Put(Record::LevelMove(a_move(
            kwame,
            day(2026, 11, 2),
            MoveKind::Promoted,
            TrackLevel::IC4,
            note,
        )))
    };
    act(&mut coach, promote("Leads the routing rewrite.")).unwrap();
    act(&mut sponsor, promote("Agreed at the October review.")).unwrap();
    let (merged, report) = merge(&coach, &sponsor, &Resolutions::new(), at(2026, 11, 23));
    assert!(validate(&merged).is_empty(), "{:?}", validate(&merged));
    let moves = track::moves_of(&merged, kwame);
    assert_eq!(moves.len(), 2, "his first level and one promotion");
    // Both notes survive in the one that stays.
    assert!(
        moves[1].note.contains("Leads the routing rewrite.")
            && moves[1].note.contains("Agreed at the October review.")
    );
    assert!(report
        .repairs
        .iter()
        .any(|r| r.starts_with("Two level moves of Kwame Mensah")));
}

#[test]
fn a_person_brought_back_by_a_merge_comes_with_their_history() {
    use runway::logic::records::merge::{mark_sent, merge, Resolutions, Side};
    let mut mine = sample();
    mark_sent(&mut mine, None);
    let mut theirs = mine.clone();
    let hana = named(&mine, "Hana Sato");
    act(&mut mine, Action::DeletePerson { id: hana }).unwrap();
    // They changed her since (a new team), so the merge asks; bringing her back brings all of her.
    let mut p = theirs.person(hana).unwrap().clone();
    p.team = "Routing and Maps".into();
    runway::logic::actions::apply(
        &mut theirs,
        Action::Put(Record::Person(p)),
        at(2026, 11, 23),
        &mut uuid::Uuid::new_v4,
    )
    .unwrap();
    let mut choose = Resolutions::new();
    choose
        .entry(hana)
        .or_default()
        .insert("record", Side::Theirs);
    let (merged, _) = merge(&mine, &theirs, &choose, at(2026, 11, 24));
    assert!(merged.person(hana).is_some());
    assert_eq!(
        track::moves_of(&merged, hana).len(),
        track::moves_of(&theirs, hana).len()
    );
    assert_eq!(
        merged
            .training
            .iter()
            .filter(|t| t.person_id == hana)
            .count(),
        theirs
            .training
            .iter()
            .filter(|t| t.person_id == hana)
            .count()
    );
    assert!(validate(&merged).is_empty(), "{:?}", validate(&merged));
}

#[test]
fn a_return_with_no_team_given_goes_back_to_the_team_they_left() {
    let mut ws = sample();
    let aisha = named(&ws, "Aisha Bello"); // Warehouse Systems, IC3
    let mut t = trials::draft(&ws, aisha, day(2026, 6, 1));
    t.team = "Returns".into();
    let id = act(
        &mut ws,
        Action::StartTrial {
            trial: t,
            level: TrackLevel::M1,
        },
    )
    .unwrap()
    .unwrap();
    let saved = ws.trials.iter().find(|t| t.id == id).unwrap().clone();
    assert_eq!(saved.from_team, "Warehouse Systems");
    assert_eq!(ws.person(aisha).unwrap().team, "Returns");
    // Later saves of the trial are not taken for managing the old team.
    let mut edit = saved.clone();
    edit.checkpoints[0].held_on = Some(day(2026, 7, 1));
    act(&mut ws, Action::Put(Record::Trial(edit))).unwrap();
    act(
        &mut ws,
        Action::DecideTrial {
            trial_id: id,
            outcome: TrialOutcome {
                decision: TrialDecision::Returned,
                on: day(2026, 11, 2),
                months: None,
                team: String::new(),
                note: String::new(),
            },
        },
    )
    .unwrap();
    assert_eq!(ws.person(aisha).unwrap().team, "Warehouse Systems");
    let last = *track::moves_of(&ws, aisha).last().unwrap();
    assert_eq!(
        (last.level, last.team.as_str()),
        (TrackLevel::IC3, "Warehouse Systems")
    );
    // The move that started a trial in progress cannot be deleted from under it.
    let mut ws2 = sample();
    let olu = named(&ws2, "Olu Adeyemi");
    let started = track::moves_of(&ws2, olu)
        .into_iter()
        .find(|m| m.kind == MoveKind::TrialStarted)
        .unwrap()
        .id;
    assert!(act(
        &mut ws2,
        Action::Remove {
            kind: RecordKind::LevelMove,
            id: started
        }
    )
    .is_err());
}

#[test]
fn a_move_that_names_a_team_moves_the_person_into_it() {
    let mut ws = sample();
    let ravi = named(&ws, "Ravi Kulkarni");
    let mut m = a_move(
        ravi,
        day(2026, 10, 5),
        MoveKind::BetweenTracks,
        TrackLevel::M1,
        "",
    );
    m.team = "Maps".into();
    act(&mut ws, Action::Put(Record::LevelMove(m))).unwrap();
    assert_eq!(ws.person(ravi).unwrap().team, "Maps");
    assert_eq!(
        track::distribution(&ws, day(2026, 11, 21), Some("Maps")).counts,
        [1, 0, 0]
    );
    // An older move with a team does not pull them back.
    let mut old = a_move(
        ravi,
        day(2024, 1, 8),
        MoveKind::Adjusted,
        TrackLevel::IC3,
        "",
    );
    old.team = "Routing".into();
    act(&mut ws, Action::Put(Record::LevelMove(old))).unwrap();
    assert_eq!(ws.person(ravi).unwrap().team, "Maps");
    assert_eq!(
        track::team_on(&ws, ws.person(ravi).unwrap(), day(2025, 1, 1)),
        "Routing"
    );
}

#[test]
fn an_old_file_without_joined_dates_starts_the_history_at_the_record() {
    let text = include_str!("../fixtures/workspace-v5.json");
    let mut v: serde_json::Value = serde_json::from_str(text).unwrap();
    let p = v["workspace"]["people"][2].as_object_mut().unwrap();
    p.remove("joined_on");
    let created = p["created_at"].as_str().unwrap()[..10].to_string();
    let id: Id = p["id"].as_str().unwrap().parse().unwrap();
    let d = decode(&serde_json::to_vec(&v).unwrap()).unwrap();
    let first = track::moves_of(&d.workspace, id)[0];
    assert_eq!(
        (first.kind, first.on.to_string()),
        (MoveKind::Recorded, created)
    );
    // A level on record reads "at least", and is no way into management.
    let s = track::standing(&d.workspace, id, day(2026, 11, 21)).unwrap();
    assert!(s.at_least);
    assert!(track::tenure_note(&s).is_none_or(|n| n.starts_with("At ")));
    assert_eq!(track::entry_paths(&d.workspace).total(), 0);
}

#[test]
fn a_moves_kind_must_fit_the_level_before_it() {
    let mut ws = sample();
    let before = ws.clone();
    let kwame = named(&ws, "Kwame Mensah"); // IC3 since 2021
    let on = day(2026, 3, 2);
    for (kind, level) in [
        (MoveKind::Promoted, TrackLevel::IC3),      // not up
        (MoveKind::Promoted, TrackLevel::IC2),      // down
        (MoveKind::Promoted, TrackLevel::M1),       // across tracks
        (MoveKind::Returned, TrackLevel::IC3),      // never managed
        (MoveKind::BetweenTracks, TrackLevel::IC4), // same track
        (MoveKind::TrialConfirmed, TrackLevel::M1), // no trial
        (MoveKind::Hired, TrackLevel::IC3),         // hired twice
    ] {
        let r = act(
            &mut ws,
            Action::Put(Record::LevelMove(a_move(kwame, on, kind, level, ""))),
        );
        assert_eq!(fields(r), vec!["kind"], "{kind:?} {level:?}");
    }
    assert_eq!(ws, before);
    for (kind, level) in [
        (MoveKind::Promoted, TrackLevel::IC4),
        (MoveKind::Adjusted, TrackLevel::IC3),
        (MoveKind::BetweenTracks, TrackLevel::M1),
    ] {
        let mut w = before.clone();
        act(
            &mut w,
            Action::Put(Record::LevelMove(a_move(kwame, on, kind, level, ""))),
        )
        .unwrap();
    }
}

#[test]
fn an_edited_copy_of_the_track_framework_sets_the_outcomes() {
    use runway::logic::evaluation::frameworks::{copy_of, find};
    let mut ws = sample();
    let hana = named(&ws, "Hana Sato");
    let built = find(&ws, runway::content::frameworks::MANAGEMENT_TRACK).unwrap();
    let mut copy = copy_of(&built, "Our management track");
    let m2 = framework_level(&copy, TrackLevel::M2).unwrap().id;
    let people = copy.domains.iter().find(|d| d.name == "People").unwrap().id;
    let cell = copy
        .descriptors
        .iter_mut()
        .find(|d| d.domain_id == people && d.level_id == m2)
        .unwrap();
    cell.text = "Grows at least two engineers into leads.".into();
    act(&mut ws, Action::Put(Record::Framework(copy))).unwrap();
    let n = next_level(&ws, hana, day(2026, 11, 21)).unwrap();
    assert_eq!(n.framework, "Our management track");
    let o = n.outcomes.iter().find(|o| o.domain == "People").unwrap();
    assert_eq!(o.descriptor, "Grows at least two engineers into leads.");
    // Her evidence still counts: the copy keeps the outcomes' ids.
    assert_eq!(o.evidence.len(), 2);
}
