//! Scoped exports: one cohort for its sponsor, one candidate for themselves.

use crate::common::{act, at, sample};
use runway::logic::actions::Action;
use runway::logic::records::audience::{share, Audience};
use runway::logic::records::merge::{merge, Resolutions};
use runway::logic::validate;

#[test]
fn a_cohort_export_holds_the_cohort_its_candidates_and_their_people_only() {
    let mut ws = sample();
    let id = ws.cohorts[0].id;
    let lee = ws
        .people
        .iter()
        .find(|p| p.name == "Jonah Park")
        .unwrap()
        .id;
    act(&mut ws, Action::DeletePerson { id: lee }).unwrap();
    let s = share(&ws, Audience::Sponsor(id), None, false).unwrap();
    assert_eq!(validate(&s.workspace), vec![]);
    assert_eq!(s.workspace.cohorts.len(), 1);
    assert_eq!(s.workspace.candidates.len(), 4);
    let names: Vec<&str> = s.workspace.people.iter().map(|p| p.name.as_str()).collect();
    // Sponsor, coach, four candidates, and Hana (she interviewed them and was shadowed) —
    // no one else.
    assert_eq!(
        names,
        vec![
            "Dana Whitfield",
            "Marcus Oyelaran",
            "Hana Sato",
            "Priya Raman",
            "Tomás Ferreira",
            "Aisha Bello",
            "Lee Chen"
        ]
    );
    assert_eq!(
        s.left_out,
        vec![
            "about other cohorts and candidacies: 8 other people, 1 other cohort, 2 other candidacies, 4 interview scorecards",
            "1 private journal entry (Priya Raman): private to their author",
            "1 journal entry shared with the coach only",
            "the private notes by Marcus Oyelaran of a 1:1 (the agenda, goal and follow-ups go)",
            "2 references and 8 interview scorecards (selection notes stay with the coaches)",
            "Marcus Oyelaran's ratings: 1 assessment until calibration reveals it",
            "1 360 feedback round (the responses stay with the coach; share the one-page summary instead)",
            "1 retrospective, 18 level moves, 1 management trial, 16 training entries, 6 track evidence items of people who are not this file's candidates (each person's own file carries theirs)",
            "14 recommendation letters (Aisha Bello, Dana Whitfield, Felix Wagner, Greta Holm, Jonah Park, Kwame Mensah, Lina Petrova, Marcus Oyelaran, Mei Lin, Nadia Haddad, Owen Brooks, Tomás Ferreira) (confidential: only the sponsor and the committee read them)",
            "5 committee reads (Beatriz Costa, Dana Whitfield, Marcus Oyelaran) (only the committee reads them, once the chair reveals them)",
            "4 promotion cases, 4 promotion documents (Beatriz Costa, Felix Wagner, Hana Sato, Marcus Oyelaran) (each promotion case goes in its own files)"
        ]
    );
    // Deletions travel (ids only), so the sponsor's merge drops them too.
    assert_eq!(s.workspace.deleted.len(), ws.deleted.len());
    assert!(s
        .workspace
        .deleted
        .iter()
        .all(|t| s.workspace.person(t.id).is_none()));
    assert_eq!(s.name, "MiT 2026 Q4");
}

#[test]
fn a_candidate_export_leaves_out_the_other_candidates() {
    let ws = sample();
    let priya = ws
        .candidates
        .iter()
        .find(|c| ws.person_name(c.person_id) == "Priya Raman")
        .unwrap();
    let s = share(&ws, Audience::Candidate(priya.id), None, false).unwrap();
    assert_eq!(validate(&s.workspace), vec![]);
    assert_eq!(s.workspace.candidates.len(), 1);
    let names: Vec<&str> = s.workspace.people.iter().map(|p| p.name.as_str()).collect();
    assert_eq!(
        names,
        // Hana is named in Priya's activities (she is shadowed).
        vec![
            "Dana Whitfield",
            "Marcus Oyelaran",
            "Hana Sato",
            "Priya Raman"
        ]
    );
    assert!(
        s.left_out[0].starts_with(
            "about other cohorts and candidacies: 12 other people, 1 other cohort, 5 other candidacies,"
        ),
        "{:?}",
        s.left_out
    );
    assert_eq!(s.name, "Priya Raman");
    let ids = s.record_ids();
    let journey = s.workspace.activities.len()
        + s.workspace.assignments.len()
        + s.workspace.one_on_ones.len()
        + s.workspace.journal.len()
        + s.workspace.snippets.len()
        + s.workspace.case_reviews.len();
    assert!(journey > 0);
    // Evaluation: her evidence, only her own self-assessments, the cohort's calibrations cut
    // to her outcomes, her team's health checks; no 360 rounds.
    let w = &s.workspace;
    assert!(!w.evidence.is_empty() && !w.health_checks.is_empty());
    assert!(w
        .assessments
        .iter()
        .all(|a| a.role == runway::model::RaterRole::SelfRating && a.candidate_id == priya.id));
    assert_eq!(w.assessments.len(), 1);
    assert!(w.feedback_rounds.is_empty());
    assert!(w
        .calibrations
        .iter()
        .all(|c| !c.outcomes.is_empty() && c.outcomes.iter().all(|o| o.candidate_id == priya.id)));
    assert!(s.left_out.iter().any(|l| l.contains("360 feedback round")));
    assert!(s
        .left_out
        .iter()
        .any(|l| l.starts_with("5 assessments by coaches, sponsors and peers")));
    let evaluation =
        w.evidence.len() + w.assessments.len() + w.calibrations.len() + w.health_checks.len();
    // Her own level history (her hiring), and nobody else's.
    assert_eq!(w.levels.len(), 1);
    assert!(w.levels.iter().all(|m| m.person_id == priya.person_id));
    assert_eq!(
        ids.len(),
        6 + journey + evaluation + w.levels.len(),
        "four people, one cohort, one candidacy, the journey and evaluation records, her history"
    );
    assert!(
        ids.contains(&priya.id)
            && !ids.iter().any(|id| ws
                .candidates
                .iter()
                .any(|c| c.id == *id && c.id != priya.id))
    );
}

#[test]
fn a_scoped_file_merges_back_without_taking_anything_away() {
    let ws = sample();
    let s = share(&ws, Audience::Sponsor(ws.cohorts[0].id), None, false).unwrap();
    let (merged, report) = merge(&ws, &s.workspace, &Resolutions::new(), at(2026, 11, 23));
    assert!(report.is_noop(), "{report:?}");
    assert_eq!(merged, ws);
}

#[test]
fn an_unknown_scope_is_none() {
    assert!(share(&sample(), Audience::Sponsor(uuid::Uuid::nil()), None, false).is_none());
    assert!(share(
        &sample(),
        Audience::Candidate(uuid::Uuid::nil()),
        None,
        false
    )
    .is_none());
}

#[test]
fn a_removal_after_sharing_reaches_the_sponsor_through_the_next_shared_file() {
    use runway::logic::records::merge::mark_sent;
    let mut coach = sample();
    let id = coach.cohorts[0].id;
    mark_sent(&mut coach, None);
    let first = share(&coach, Audience::Sponsor(id), None, false)
        .unwrap()
        .workspace;
    let sponsor = first.clone();
    let lee = coach
        .candidates
        .iter()
        .find(|c| coach.person_name(c.person_id) == "Lee Chen")
        .unwrap()
        .id;
    act(&mut coach, Action::RemoveCandidate { id: lee }).unwrap();
    let second = share(&coach, Audience::Sponsor(id), None, false)
        .unwrap()
        .workspace;
    let (merged, report) = merge(&sponsor, &second, &Resolutions::new(), at(2026, 11, 23));
    assert!(merged.candidate(lee).is_none());
    // The candidacy (the sponsor's file held none of Lee's scorecards: those stay with the
    // coaches).
    let kinds: Vec<_> = report.removed.iter().map(|c| c.kind).collect();
    assert_eq!(kinds, vec![runway::model::RecordKind::Candidate]);
}
