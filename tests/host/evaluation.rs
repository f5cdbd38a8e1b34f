//! The evaluation records' own rules: a top-level rating rests on dated evidence, a framework
//! in use cannot be deleted and keeps what ratings use, evidence links are web links, 360
//! responses from two copies combine, every edited field merges, and the sample's evaluation
//! survives the file and the shared files.

use crate::common::{act, assert_fields_listed, at, day, sample};
use runway::file::{decode, encode_pretty};
use runway::logic::evaluation::frameworks::{self, MIT_RUBRIC};
use runway::logic::records::audience::{share, Audience};
use runway::logic::records::merge::{merge, Resolutions};
use runway::logic::records::Record;
use runway::logic::{validate, Action};
use runway::model::*;

fn candidate_named<'a>(ws: &'a Workspace, name: &str) -> &'a Candidate {
    ws.candidates
        .iter()
        .find(|c| ws.person_name(c.person_id) == name)
        .unwrap()
}

fn person_named(ws: &Workspace, name: &str) -> Id {
    ws.people.iter().find(|p| p.name == name).unwrap().id
}

fn rubric() -> Framework {
    frameworks::find(&Workspace::default(), MIT_RUBRIC).unwrap()
}

fn assessment(cand: Id, rater: Id, on: Date, rated: &[(Id, Id)]) -> Assessment {
    Assessment {
        id: Id::nil(),
        candidate_id: cand,
        framework_id: MIT_RUBRIC,
        on,
        rater_id: rater,
        role: RaterRole::Coach,
        ratings: rated
            .iter()
            .map(|(d, l)| Rating {
                domain_id: *d,
                level_id: Some(*l),
                comment: String::new(),
            })
            .collect(),
        created_at: Timestamp::UNIX_EPOCH,
        updated_at: Timestamp::UNIX_EPOCH,
        merge_bases: vec![],
    }
}

fn evidence(cand: Id, on: Option<Date>, domains: &[Id]) -> Evidence {
    Evidence {
        id: Id::nil(),
        candidate_id: cand,
        kind: EvidenceKind::Note,
        source_id: None,
        on,
        domain_ids: domains.to_vec(),
        note: "Ran the planning session end to end.".into(),
        link: String::new(),
        created_at: Timestamp::UNIX_EPOCH,
        updated_at: Timestamp::UNIX_EPOCH,
        merge_bases: vec![],
    }
}

/// A workspace with the sample's people and Aisha's candidacy, and no evaluation records.
fn bare() -> (Workspace, Id, Id) {
    let mut ws = sample();
    ws.evidence.clear();
    ws.assessments.clear();
    ws.calibrations.clear();
    let aisha = candidate_named(&ws, "Aisha Bello").id;
    let coach = person_named(&ws, "Marcus Oyelaran");
    (ws, aisha, coach)
}

#[test]
fn ready_needs_dated_evidence_for_that_domain_on_or_before_the_day() {
    let (mut ws, aisha, coach) = bare();
    let fw = rubric();
    let (comm, coaching) = (fw.domains[0].id, fw.domains[1].id);
    let (competent, ready) = (fw.levels[1].id, fw.levels[2].id);
    let on = day(2026, 11, 20);

    // Competent needs nothing; Ready without evidence is refused, naming the domain.
    act(
        &mut ws,
        Action::Put(Record::Assessment(assessment(
            aisha,
            coach,
            on,
            &[(comm, competent)],
        ))),
    )
    .unwrap();
    let refused = act(
        &mut ws,
        Action::Put(Record::Assessment(assessment(
            aisha,
            coach,
            on,
            &[(comm, ready)],
        ))),
    );
    match refused {
        Err(e) => {
            let m = e.to_string();
            assert!(
                m.contains("Communication is rated Ready but has no dated evidence"),
                "{m}"
            )
        }
        other => panic!("expected a refusal, got {other:?}"),
    }
    // Evidence for another domain, undated evidence, and evidence dated after the day don't count.
    act(
        &mut ws,
        Action::Put(Record::Evidence(evidence(
            aisha,
            Some(day(2026, 11, 1)),
            &[coaching],
        ))),
    )
    .unwrap();
    act(
        &mut ws,
        Action::Put(Record::Evidence(evidence(aisha, None, &[comm]))),
    )
    .unwrap();
    act(
        &mut ws,
        Action::Put(Record::Evidence(evidence(
            aisha,
            Some(day(2026, 11, 21)),
            &[comm],
        ))),
    )
    .unwrap();
    assert!(act(
        &mut ws,
        Action::Put(Record::Assessment(assessment(
            aisha,
            coach,
            on,
            &[(comm, ready)]
        )))
    )
    .is_err());
    // Dated evidence on the day itself does.
    act(
        &mut ws,
        Action::Put(Record::Evidence(evidence(
            aisha,
            Some(on),
            &[comm, coaching],
        ))),
    )
    .unwrap();
    act(
        &mut ws,
        Action::Put(Record::Assessment(assessment(
            aisha,
            coach,
            on,
            &[(comm, ready)],
        ))),
    )
    .unwrap();

    // The same rule holds for a calibrated level.
    let cohort = candidate_named(&ws, "Aisha Bello").cohort_id;
    let mut session = Calibration {
        id: Id::nil(),
        cohort_id: cohort,
        framework_id: MIT_RUBRIC,
        on: day(2026, 11, 20),
        revealed: true,
        revealed_at: None,
        participants: vec![coach],
        outcomes: vec![Calibrated {
            candidate_id: aisha,
            domain_id: fw.domains[2].id,
            level_id: ready,
            rationale: "Clear trade-offs".into(),
        }],
        notes: String::new(),
        created_at: Timestamp::UNIX_EPOCH,
        updated_at: Timestamp::UNIX_EPOCH,
        merge_bases: vec![],
    };
    match act(&mut ws, Action::Put(Record::Calibration(session.clone()))) {
        Err(e) => assert!(
            e.to_string()
                .contains("Aisha Bello: Execution and prioritisation is rated Ready"),
            "{e}"
        ),
        other => panic!("expected a refusal, got {other:?}"),
    }
    session.outcomes[0].domain_id = comm;
    act(&mut ws, Action::Put(Record::Calibration(session.clone()))).unwrap();
    // One session per cohort, framework and month.
    let again = act(
        &mut ws,
        Action::Put(Record::Calibration(Calibration {
            on: day(2026, 11, 27),
            ..session
        })),
    );
    assert!(
        matches!(again, Err(e) if e.to_string().contains("already has a calibration for November 2026"))
    );
}

#[test]
fn ratings_must_use_the_frameworks_own_domains_and_levels() {
    let (mut ws, aisha, coach) = bare();
    let fw = rubric();
    let stranger = Id::from_u128(77);
    let bad = act(
        &mut ws,
        Action::Put(Record::Assessment(assessment(
            aisha,
            coach,
            day(2026, 11, 20),
            &[(fw.domains[0].id, stranger)],
        ))),
    );
    assert!(matches!(bad, Err(e) if e.to_string().contains("has no level")));
    let mut unknown = assessment(aisha, coach, day(2026, 11, 20), &[]);
    unknown.framework_id = stranger;
    unknown.ratings.push(Rating {
        domain_id: fw.domains[0].id,
        level_id: Some(fw.levels[0].id),
        comment: String::new(),
    });
    let bad = act(&mut ws, Action::Put(Record::Assessment(unknown)));
    assert!(matches!(bad, Err(e) if e.to_string().contains("framework is not in this workspace")));
}

#[test]
fn a_framework_in_use_cannot_be_deleted_and_a_built_in_cannot_be_changed() {
    let (mut ws, aisha, coach) = bare();
    let copy = frameworks::copy_of(&rubric(), "Our rubric");
    let id = act(&mut ws, Action::Put(Record::Framework(copy)))
        .unwrap()
        .unwrap();
    let fw = ws.frameworks.iter().find(|f| f.id == id).unwrap().clone();
    assert_eq!(fw.based_on, Some(MIT_RUBRIC));
    assert_eq!(fw.domains, rubric().domains, "a copy keeps the domain ids");
    let mut a = assessment(
        aisha,
        coach,
        day(2026, 11, 20),
        &[(fw.domains[0].id, fw.levels[0].id)],
    );
    a.framework_id = id;
    act(&mut ws, Action::Put(Record::Assessment(a))).unwrap();
    let refused = act(
        &mut ws,
        Action::Remove {
            kind: RecordKind::Framework,
            id,
        },
    );
    assert!(matches!(refused, Err(e) if e.to_string().contains("in use by 1 assessment")));
    assert!(ws.frameworks.iter().any(|f| f.id == id));
    // Built-ins live in code: saving one under its own id is refused.
    let mut builtin = rubric();
    builtin.name = "Changed".into();
    assert!(act(&mut ws, Action::Put(Record::Framework(builtin))).is_err());
    assert_eq!(
        frameworks::find(&ws, MIT_RUBRIC).unwrap().name,
        "MiT readiness rubric"
    );
}

#[test]
fn an_edit_that_drops_a_used_domain_retires_it_instead() {
    let (mut ws, aisha, coach) = bare();
    let id = act(
        &mut ws,
        Action::Put(Record::Framework(frameworks::copy_of(&rubric(), "Ours"))),
    )
    .unwrap()
    .unwrap();
    let fw = ws.frameworks.iter().find(|f| f.id == id).unwrap().clone();
    let (used, unused) = (fw.domains[0].clone(), fw.domains[4].clone());
    let mut a = assessment(
        aisha,
        coach,
        day(2026, 11, 20),
        &[(used.id, fw.levels[0].id)],
    );
    a.framework_id = id;
    act(&mut ws, Action::Put(Record::Assessment(a))).unwrap();

    let mut edited = fw.clone();
    edited
        .domains
        .retain(|d| d.id != used.id && d.id != unused.id);
    act(&mut ws, Action::Put(Record::Framework(edited))).unwrap();
    let now = ws.frameworks.iter().find(|f| f.id == id).unwrap();
    let kept = now.domain(used.id).expect("the used domain stays");
    assert!(kept.retired && kept.name == used.name);
    assert_eq!(
        now.descriptor(used.id, fw.levels[0].id),
        fw.descriptor(used.id, fw.levels[0].id)
    );
    assert!(
        now.domain(unused.id).is_none(),
        "an unused domain really goes"
    );
    assert!(now.descriptors.iter().all(|d| d.domain_id != unused.id));
    assert!(validate(&ws).is_empty());
}

#[test]
fn evidence_links_must_be_web_addresses() {
    let (mut ws, aisha, _) = bare();
    let comm = rubric().domains[0].id;
    for link in ["javascript:alert(1)", "file:///etc/passwd", "wiki/page"] {
        let mut e = evidence(aisha, Some(day(2026, 11, 1)), &[comm]);
        e.link = link.into();
        let r = act(&mut ws, Action::Put(Record::Evidence(e)));
        assert!(
            matches!(r, Err(e) if e.to_string().contains("not a web address")),
            "{link}"
        );
    }
    let mut e = evidence(aisha, Some(day(2026, 11, 1)), &[comm]);
    e.link = "https://wiki.example.com/retro".into();
    act(&mut ws, Action::Put(Record::Evidence(e))).unwrap();
    // Evidence needs a domain, and a linked kind needs its record.
    let mut none = evidence(aisha, None, &[]);
    assert!(act(&mut ws, Action::Put(Record::Evidence(none.clone()))).is_err());
    none.domain_ids = vec![comm];
    none.kind = EvidenceKind::Activity;
    let r = act(&mut ws, Action::Put(Record::Evidence(none)));
    assert!(matches!(r, Err(e) if e.to_string().contains("the activity this evidence comes from")));
}

#[test]
fn deleting_a_rater_or_a_candidacy_takes_their_evaluation_records_with_it() {
    let mut ws = sample();
    let hana = person_named(&ws, "Hana Sato");
    assert!(ws.assessments.iter().any(|a| a.rater_id == hana));
    act(&mut ws, Action::DeletePerson { id: hana }).unwrap();
    assert!(!ws.assessments.iter().any(|a| a.rater_id == hana));
    assert!(ws
        .calibrations
        .iter()
        .all(|c| !c.participants.contains(&hana)));
    let priya = candidate_named(&ws, "Priya Raman").id;
    act(&mut ws, Action::RemoveCandidate { id: priya }).unwrap();
    assert!(!ws.evidence.iter().any(|e| e.candidate_id == priya));
    assert!(!ws.feedback_rounds.iter().any(|r| r.candidate_id == priya));
    assert!(!ws.health_checks.iter().any(|h| h.candidate_id == priya));
    assert!(ws
        .calibrations
        .iter()
        .all(|c| c.outcomes.iter().all(|o| o.candidate_id != priya)));
    assert!(ws
        .deleted
        .iter()
        .any(|t| t.kind == RecordKind::FeedbackRound));
    assert!(validate(&ws).is_empty());
}

#[test]
fn the_sample_evaluation_round_trips_and_every_field_merges() {
    let ws = sample();
    assert!(!ws.assessments.is_empty() && !ws.evidence.is_empty() && ws.calibrations.len() == 2);
    assert!(!ws.feedback_rounds.is_empty() && !ws.health_checks.is_empty());
    let back = decode(encode_pretty(&ws, at(2026, 11, 21)).as_bytes())
        .unwrap()
        .workspace;
    assert_eq!(back, ws);

    let mut fw = frameworks::copy_of(&rubric(), "x");
    fw.based_on = Some(MIT_RUBRIC);
    assert_fields_listed(&fw);
    assert_fields_listed(
        ws.assessments
            .iter()
            .find(|a| a.ratings.iter().any(|r| !r.comment.is_empty()))
            .unwrap(),
    );
    assert_fields_listed(
        ws.evidence
            .iter()
            .find(|e| !e.link.is_empty() && e.source_id.is_some())
            .unwrap(),
    );
    assert_fields_listed(
        ws.calibrations
            .iter()
            .find(|c| !c.notes.is_empty())
            .unwrap(),
    );
    assert_fields_listed(&ws.feedback_rounds[0]);
    assert_fields_listed(
        ws.health_checks
            .iter()
            .find(|h| !h.note.is_empty())
            .unwrap(),
    );
}

#[test]
fn responses_entered_in_two_copies_combine() {
    let mut mine = sample();
    runway::logic::records::merge::mark_sent(&mut mine, None);
    let mut theirs = mine.clone();
    let round = mine.feedback_rounds[0].clone();
    let response = |n: u128, group| Response360 {
        id: Id::from_u128(0xabc0 + n),
        group,
        answers: vec![Answer360 {
            question_id: round.questions[0].id,
            score: Some(2),
        }],
        comment: String::new(),
    };
    let mut a = round.clone();
    a.responses.push(response(1, FeedbackGroup::Stakeholder));
    act(&mut mine, Action::Put(Record::FeedbackRound(a))).unwrap();
    let mut b = round.clone();
    b.responses.push(response(2, FeedbackGroup::Stakeholder));
    runway::logic::actions::apply(
        &mut theirs,
        Action::Put(Record::FeedbackRound(b)),
        at(2026, 11, 23),
        &mut uuid::Uuid::new_v4,
    )
    .unwrap();
    let (merged, report) = merge(&mine, &theirs, &Resolutions::new(), at(2026, 11, 24));
    assert!(report.conflicts.is_empty(), "{:?}", report.conflicts);
    let r = merged
        .feedback_rounds
        .iter()
        .find(|r| r.id == round.id)
        .unwrap();
    assert_eq!(r.responses.len(), round.responses.len() + 2);
    assert!(validate(&merged).is_empty());
}

#[test]
fn evidence_from_a_journal_entry_not_shared_stays_out_of_shared_files() {
    let mut ws = sample();
    let priya = candidate_named(&ws, "Priya Raman").clone();
    let private = ws
        .journal
        .iter()
        .find(|j| j.candidate_id == priya.id && j.visibility == Visibility::Private)
        .unwrap()
        .id;
    let mut e = evidence(priya.id, Some(day(2026, 10, 30)), &[rubric().domains[3].id]);
    e.kind = EvidenceKind::Journal;
    e.source_id = Some(private);
    let id = act(&mut ws, Action::Put(Record::Evidence(e)))
        .unwrap()
        .unwrap();
    for scope in [
        Audience::Candidate(priya.id),
        Audience::Sponsor(priya.cohort_id),
    ] {
        let s = share(&ws, scope, None, false).unwrap();
        assert!(
            !s.workspace.evidence.iter().any(|e| e.id == id),
            "{scope:?}"
        );
        assert!(s
            .left_out
            .iter()
            .any(|l| l.contains("evidence item from a journal entry not shared")));
        assert!(validate(&s.workspace).is_empty());
        // Ticked by its author (Priya, making the file), the private entry and its evidence go.
        let all = share(&ws, scope, Some(priya.person_id), true).unwrap();
        assert!(all.workspace.evidence.iter().any(|e| e.id == id));
    }
    // The sponsor's file carries the cohort's assessments that calibration revealed and the
    // sponsor's own, and no 360 responses: groups under the threshold would be readable
    // answer by answer.
    let sponsor = share(&ws, Audience::Sponsor(priya.cohort_id), None, false).unwrap();
    let in_cohort = |c: Id| {
        ws.candidate(c)
            .is_some_and(|k| k.cohort_id == priya.cohort_id)
    };
    let sponsor_id = ws.cohort(priya.cohort_id).unwrap().sponsor_id;
    let expected = ws
        .assessments
        .iter()
        .filter(|a| in_cohort(a.candidate_id))
        .filter(|a| {
            Some(a.rater_id) == sponsor_id
                || runway::logic::evaluation::calibration::revealed_by(&ws, a).is_some()
        })
        .count();
    assert!(expected > 0);
    assert!(
        expected
            < ws.assessments
                .iter()
                .filter(|a| in_cohort(a.candidate_id))
                .count(),
        "the sample holds unrevealed ratings by others, which stay out"
    );
    assert_eq!(sponsor.workspace.assessments.len(), expected);
    assert!(ws.feedback_rounds.iter().any(|r| in_cohort(r.candidate_id)));
    assert!(sponsor.workspace.feedback_rounds.is_empty());
    assert!(sponsor
        .left_out
        .iter()
        .any(|l| l.contains("360 feedback round")));
}

#[test]
fn a_merge_keeps_a_framework_and_the_parts_that_ratings_use() {
    let (mut mine, aisha, coach) = bare();
    let id = act(
        &mut mine,
        Action::Put(Record::Framework(frameworks::copy_of(&rubric(), "Ours"))),
    )
    .unwrap()
    .unwrap();
    runway::logic::records::merge::mark_sent(&mut mine, None);
    let theirs_base = mine.clone();
    let fw = mine.frameworks.iter().find(|f| f.id == id).unwrap().clone();
    // Here an assessment rates Communication against it.
    let mut a = assessment(
        aisha,
        coach,
        day(2026, 11, 20),
        &[(fw.domains[0].id, fw.levels[0].id)],
    );
    a.framework_id = id;
    act(&mut mine, Action::Put(Record::Assessment(a))).unwrap();

    // There, someone drops Communication (unused in their copy): it comes back retired.
    let mut theirs = theirs_base.clone();
    let mut edited = fw.clone();
    edited.domains.remove(0);
    runway::logic::actions::apply(
        &mut theirs,
        Action::Put(Record::Framework(edited)),
        at(2026, 11, 23),
        &mut uuid::Uuid::new_v4,
    )
    .unwrap();
    let (merged, report) = merge(&mine, &theirs, &Resolutions::new(), at(2026, 11, 24));
    let kept = merged.frameworks.iter().find(|f| f.id == id).unwrap();
    assert!(
        kept.domain(fw.domains[0].id).is_some_and(|d| d.retired),
        "{:?}",
        kept.domains
    );
    assert!(
        report.repairs.iter().any(|r| r.contains("kept as retired")),
        "{:?}",
        report.repairs
    );

    // There, someone deletes the framework (unused in their copy): it is kept.
    let mut theirs = theirs_base.clone();
    runway::logic::actions::apply(
        &mut theirs,
        Action::Remove {
            kind: RecordKind::Framework,
            id,
        },
        at(2026, 11, 23),
        &mut uuid::Uuid::new_v4,
    )
    .unwrap();
    let (merged, report) = merge(&mine, &theirs, &Resolutions::new(), at(2026, 11, 24));
    assert!(merged.frameworks.iter().any(|f| f.id == id));
    assert!(!merged.deleted.iter().any(|t| t.id == id));
    assert!(
        report.repairs.iter().any(|r| r.contains("so it was kept")),
        "{:?}",
        report.repairs
    );
    assert!(validate(&merged).is_empty());
}

#[test]
fn the_candidates_file_carries_their_levels_only_and_merging_it_back_clears_nothing() {
    let mut ws = sample();
    runway::logic::records::merge::mark_sent(&mut ws, None);
    let priya = candidate_named(&ws, "Priya Raman").clone();
    let file = share(&ws, Audience::Candidate(priya.id), None, false)
        .unwrap()
        .workspace;
    assert!(file.calibrations.iter().all(|c| c.notes.is_empty()));
    assert!(file
        .calibrations
        .iter()
        .all(|c| c.outcomes.iter().all(|o| o.candidate_id == priya.id)));
    // The candidate's copy saves a session; the merge back keeps everyone's levels and notes.
    let mut theirs = file.clone();
    let mut session = theirs
        .calibrations
        .iter()
        .max_by_key(|c| c.on)
        .unwrap()
        .clone();
    let full = ws
        .calibrations
        .iter()
        .find(|c| c.id == session.id)
        .unwrap()
        .clone();
    session.participants.truncate(1);
    runway::logic::actions::apply(
        &mut theirs,
        Action::Put(Record::Calibration(session.clone())),
        at(2026, 11, 23),
        &mut uuid::Uuid::new_v4,
    )
    .unwrap();
    let (merged, _) = merge(&ws, &theirs, &Resolutions::new(), at(2026, 11, 24));
    let back = merged
        .calibrations
        .iter()
        .find(|c| c.id == session.id)
        .unwrap();
    assert_eq!(
        back.participants, session.participants,
        "their change arrives"
    );
    assert_eq!(
        back.outcomes.len(),
        full.outcomes.len(),
        "nobody's levels are lost"
    );
    assert_eq!(back.notes, full.notes);
    assert!(validate(&merged).is_empty());
}

#[test]
fn a_retired_level_ranks_as_the_active_level_below_it() {
    let mut fw = frameworks::copy_of(&rubric(), "Four");
    // Developing, Competent (retired), Solid, Ready.
    fw.levels[1].retired = true;
    fw.levels.insert(
        2,
        Level {
            id: Id::from_u128(9),
            name: "Solid".into(),
            guidance: String::new(),
            retired: false,
        },
    );
    let rank = |i: usize| fw.rank(fw.levels[i].id).unwrap();
    assert_eq!((rank(0), rank(1), rank(2), rank(3)), (0, 0, 1, 2));
    assert_eq!(fw.top_rank(), 2);
}

#[test]
fn several_new_parts_without_ids_are_refused_not_guessed() {
    let (mut ws, _, _) = bare();
    let mut fw = frameworks::copy_of(&rubric(), "Guess");
    for name in ["Extra one", "Extra two"] {
        fw.levels.push(Level {
            id: Id::nil(),
            name: name.into(),
            guidance: String::new(),
            retired: false,
        });
    }
    fw.descriptors.push(Descriptor {
        domain_id: fw.domains[0].id,
        level_id: Id::nil(),
        text: "For one of them".into(),
    });
    assert!(act(&mut ws, Action::Put(Record::Framework(fw.clone()))).is_err());
    // One new level with a descriptor: the descriptor goes with it.
    fw.levels.pop();
    let id = act(&mut ws, Action::Put(Record::Framework(fw)))
        .unwrap()
        .unwrap();
    let saved = ws.frameworks.iter().find(|f| f.id == id).unwrap();
    let new_level = saved.levels.iter().find(|l| l.name == "Extra one").unwrap();
    assert!(!new_level.id.is_nil());
    assert_eq!(
        saved.descriptor(saved.domains[0].id, new_level.id),
        "For one of them"
    );
}

#[test]
fn deleting_a_session_a_round_or_the_last_evidence_says_what_goes() {
    use runway::logic::records::impact::entry_deletion_impact;
    let ws = sample();
    let session = ws.calibrations.iter().max_by_key(|c| c.on).unwrap();
    let lines = entry_deletion_impact(&ws, RecordKind::Calibration, session.id).lines;
    assert!(
        lines
            .iter()
            .any(|l| l.starts_with("the 15 calibrated levels it recorded")),
        "{lines:?}"
    );
    assert!(
        lines.iter().any(|l| l.contains("become blind again")),
        "{lines:?}"
    );
    let round = &ws.feedback_rounds[0];
    let lines = entry_deletion_impact(&ws, RecordKind::FeedbackRound, round.id).lines;
    assert_eq!(
        lines,
        vec![format!(
            "its {} responses (they are not kept anywhere else)",
            round.responses.len()
        )]
    );
    // Tom's Execution and prioritisation is calibrated Ready on one evidence item.
    let tom = candidate_named(&ws, "Tomás Ferreira").id;
    let execution = rubric().domains[2].id;
    let only = ws
        .evidence
        .iter()
        .find(|e| e.candidate_id == tom && e.domain_ids.contains(&execution))
        .unwrap();
    let lines = entry_deletion_impact(&ws, RecordKind::Evidence, only.id).lines;
    assert!(
        lines
            .iter()
            .any(|l| l.contains("the only dated evidence for Execution and prioritisation")),
        "{lines:?}"
    );
    // Deleting an activity that is evidence says the link goes.
    let source = ws
        .evidence
        .iter()
        .find_map(|e| {
            (e.kind == EvidenceKind::Activity)
                .then_some(e.source_id)
                .flatten()
        })
        .unwrap();
    let lines = entry_deletion_impact(&ws, RecordKind::Activity, source).lines;
    assert!(
        lines
            .iter()
            .any(|l| l.starts_with("the link from 1 evidence item to it")),
        "{lines:?}"
    );
}

#[test]
fn an_assessment_saved_after_the_reveal_waits_for_the_next_session() {
    use runway::logic::evaluation::calibration::{covered, may_see};
    let (mut ws, aisha, coach) = bare();
    let fw = rubric();
    let cohort = candidate_named(&ws, "Aisha Bello").cohort_id;
    let sponsor = person_named(&ws, "Dana Whitfield");
    let day_of = day(2026, 11, 20);
    let first = act(
        &mut ws,
        Action::Put(Record::Assessment(assessment(
            aisha,
            coach,
            day_of,
            &[(fw.domains[0].id, fw.levels[0].id)],
        ))),
    )
    .unwrap()
    .unwrap();
    let session = Calibration {
        id: Id::nil(),
        cohort_id: cohort,
        framework_id: MIT_RUBRIC,
        on: day_of,
        revealed: false,
        revealed_at: None,
        participants: vec![coach, sponsor],
        outcomes: vec![],
        notes: String::new(),
        created_at: Timestamp::UNIX_EPOCH,
        updated_at: Timestamp::UNIX_EPOCH,
        merge_bases: vec![],
    };
    let sid = act(&mut ws, Action::Put(Record::Calibration(session)))
        .unwrap()
        .unwrap();
    let mut s = ws
        .calibrations
        .iter()
        .find(|c| c.id == sid)
        .unwrap()
        .clone();
    s.revealed = true;
    runway::logic::actions::apply(
        &mut ws,
        Action::Put(Record::Calibration(s)),
        at(2026, 11, 22),
        &mut uuid::Uuid::new_v4,
    )
    .unwrap();
    let s = ws
        .calibrations
        .iter()
        .find(|c| c.id == sid)
        .unwrap()
        .clone();
    assert_eq!(
        s.revealed_at,
        Some(at(2026, 11, 22)),
        "the save stamps the reveal"
    );

    // Saved later the same day, dated the session's day: not part of the revealed session.
    let mut late = assessment(
        aisha,
        sponsor,
        day_of,
        &[(fw.domains[0].id, fw.levels[1].id)],
    );
    late.role = RaterRole::Sponsor;
    let late = runway::logic::actions::apply(
        &mut ws,
        Action::Put(Record::Assessment(late)),
        at(2026, 11, 23),
        &mut uuid::Uuid::new_v4,
    )
    .unwrap()
    .unwrap();
    let ids: Vec<Id> = covered(&ws, &s).iter().map(|a| a.id).collect();
    assert_eq!(ids, vec![first]);
    let late = ws.assessments.iter().find(|a| a.id == late).unwrap();
    assert!(
        !may_see(&ws, late, Some(coach)),
        "the late rating stays blind to others"
    );
    let first = ws.assessments.iter().find(|a| a.id == first).unwrap();
    assert!(may_see(&ws, first, Some(sponsor)));
}

#[test]
fn a_self_assessment_is_the_candidates_and_the_candidates_is_a_self_assessment() {
    use runway::logic::evaluation::calibration::role_for;
    let (mut ws, aisha, coach) = bare();
    let me = candidate_named(&ws, "Aisha Bello").person_id;
    let on = day(2026, 11, 20);
    let comm = (rubric().domains[0].id, rubric().levels[0].id);
    let mut wrong = assessment(aisha, coach, on, &[comm]);
    wrong.role = RaterRole::SelfRating;
    let r = act(&mut ws, Action::Put(Record::Assessment(wrong)));
    assert!(
        matches!(r, Err(e) if e.to_string().contains("self-assessment is the candidate's own"))
    );
    let mut wrong = assessment(aisha, me, on, &[comm]);
    wrong.role = RaterRole::Coach;
    let r = act(&mut ws, Action::Put(Record::Assessment(wrong)));
    assert!(matches!(r, Err(e) if e.to_string().contains("choose the role Self")));
    let mut right = assessment(aisha, me, on, &[comm]);
    right.role = RaterRole::SelfRating;
    act(&mut ws, Action::Put(Record::Assessment(right))).unwrap();
    // The role a person rates in, by default.
    let sponsor = person_named(&ws, "Dana Whitfield");
    let peer = person_named(&ws, "Hana Sato");
    assert_eq!(role_for(&ws, aisha, me), RaterRole::SelfRating);
    assert_eq!(role_for(&ws, aisha, sponsor), RaterRole::Sponsor);
    assert_eq!(role_for(&ws, aisha, coach), RaterRole::Coach);
    assert_eq!(role_for(&ws, aisha, peer), RaterRole::Peer);
}

#[test]
fn editing_an_assessment_keeps_its_ratings_of_retired_domains() {
    let (mut ws, aisha, coach) = bare();
    let id = act(
        &mut ws,
        Action::Put(Record::Framework(frameworks::copy_of(&rubric(), "Ours"))),
    )
    .unwrap()
    .unwrap();
    let fw = ws.frameworks.iter().find(|f| f.id == id).unwrap().clone();
    let (comm, coaching, low) = (fw.domains[0].id, fw.domains[1].id, fw.levels[0].id);
    let mut a = assessment(
        aisha,
        coach,
        day(2026, 11, 20),
        &[(comm, low), (coaching, low)],
    );
    a.framework_id = id;
    let aid = act(&mut ws, Action::Put(Record::Assessment(a)))
        .unwrap()
        .unwrap();
    // Communication is dropped from the framework (so retired), then the assessment is edited
    // in a form that offers only the active domains.
    let mut edited = fw.clone();
    edited.domains.remove(0);
    act(&mut ws, Action::Put(Record::Framework(edited))).unwrap();
    let mut again = ws.assessments.iter().find(|a| a.id == aid).unwrap().clone();
    again.ratings.retain(|r| r.domain_id == coaching);
    again.ratings[0].comment = "Better".into();
    act(&mut ws, Action::Put(Record::Assessment(again))).unwrap();
    let saved = ws.assessments.iter().find(|a| a.id == aid).unwrap();
    assert_eq!(
        saved.level_for(comm),
        Some(low),
        "the retired domain's rating stays"
    );
    assert!(saved
        .ratings
        .iter()
        .any(|r| r.domain_id == coaching && r.comment == "Better"));
}

#[test]
fn an_empty_360_response_is_refused() {
    let mut ws = sample();
    let mut round = ws.feedback_rounds[0].clone();
    round.responses.push(Response360 {
        id: Id::nil(),
        group: FeedbackGroup::Peer,
        answers: vec![Answer360 {
            question_id: round.questions[0].id,
            score: None,
        }],
        comment: "  ".into(),
    });
    let r = act(&mut ws, Action::Put(Record::FeedbackRound(round)));
    assert!(
        matches!(&r, Err(e) if e.to_string().contains("no answers and no comment")),
        "{r:?}"
    );
}
