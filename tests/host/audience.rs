//! The audience rules of shared files, kind by kind, for the sponsor's file, the candidate's
//! file and a shared whole-workspace file (and the backup, which carries everything). Each
//! check is an exhaustive `match` over the record kinds: a new kind does not compile here
//! until someone writes down who may read it.

use std::collections::HashSet;

use runway::logic::evaluation::calibration::revealed_by;
use runway::logic::records::audience::{journal_author, share, Audience, Shared};
use runway::logic::records::merge::{merge, Resolutions};
use runway::logic::validate;
use runway::model::{Id, RaterRole, RecordKind, Visibility, Workspace};

use crate::common::*;

struct Cast {
    ws: Workspace,
    cohort: Id,
    coach: Id,
    sponsor: Id,
    priya: Id,
    priya_person: Id,
    /// The sample's promotion cases: Marcus's "not yet" (revealed, with the sponsor's lesson
    /// and the discussion notes) and Felix's in the debrief (one read of two in).
    marcus_case: Id,
    felix_case: Id,
    felix: Id,
    beatriz: Id,
}

fn case_of(ws: &Workspace, name: &str) -> Id {
    ws.promotions
        .iter()
        .find(|c| ws.person_name(c.person_id) == name)
        .unwrap()
        .id
}

fn revealed(ws: &Workspace, case_id: Id) -> bool {
    runway::logic::promotion::case(ws, case_id).is_some_and(|c| c.debrief.revealed)
}

fn cast() -> Cast {
    let mut ws = sample();
    // A team health check made from response files, with the team's comments.
    let tally: runway::model::HealthTally = serde_json::from_value(serde_json::json!({
        "request_id": uuid::Uuid::from_u128(77),
        "responses": 3,
        "comments": ["Fewer meetings on Fridays, please"]
    }))
    .unwrap();
    ws.health_checks[0].tally = Some(tally);
    let c = &ws.cohorts[0];
    let (cohort, coach, sponsor) = (c.id, c.coach_ids[0], c.sponsor_id.unwrap());
    let k = ws
        .candidates
        .iter()
        .find(|k| ws.person_name(k.person_id) == "Priya Raman")
        .unwrap();
    let (priya, priya_person) = (k.id, k.person_id);
    // Her own training and a trial in management, besides the managers' in the sample.
    let mut entry = ws.training[0].clone();
    entry.id = uuid::Uuid::from_u128(78);
    entry.person_id = priya_person;
    ws.training.push(entry);
    let mut trial = ws.trials[0].clone();
    trial.id = uuid::Uuid::from_u128(79);
    trial.person_id = priya_person;
    trial.supporter_id = Some(coach);
    trial.outcomes.clear();
    ws.trials.push(trial);
    let (marcus_case, felix_case) = (
        case_of(&ws, "Marcus Oyelaran"),
        case_of(&ws, "Felix Wagner"),
    );
    let felix = runway::logic::promotion::case(&ws, felix_case)
        .unwrap()
        .person_id;
    let beatriz = ws
        .people
        .iter()
        .find(|p| p.name == "Beatriz Costa")
        .unwrap()
        .id;
    Cast {
        ws,
        cohort,
        coach,
        sponsor,
        priya,
        priya_person,
        marcus_case,
        felix_case,
        felix,
        beatriz,
    }
}

fn in_cohort(ws: &Workspace, cohort: Id) -> HashSet<Id> {
    ws.candidates_in(cohort).map(|k| k.id).collect()
}

/// Sorted ids of a list, to compare what went with what was expected.
fn ids<T: runway::logic::records::Entry>(list: &[T]) -> Vec<Id> {
    let mut v: Vec<Id> = list
        .iter()
        .map(runway::logic::records::Registered::id)
        .collect();
    v.sort();
    v
}

/// The evidence a file should hold: about its candidacies, and not drawn from a journal entry
/// the file leaves out.
fn evidence_expected(ws: &Workspace, f: &Workspace, ours: impl Fn(Id) -> bool) -> Vec<Id> {
    let carried: HashSet<Id> = f.journal.iter().map(|j| j.id).collect();
    ids_where(&ws.evidence, |e| {
        ours(e.candidate_id)
            && !(e.kind == runway::model::EvidenceKind::Journal
                && e.source_id.is_some_and(|s| !carried.contains(&s)))
    })
}

/// Whether a person is one of the cohort's candidates (their own history goes to its files).
fn candidate_person(ws: &Workspace, cohort: Id, person: Id) -> bool {
    ws.candidates_in(cohort).any(|k| k.person_id == person)
}

fn ids_where<T: runway::logic::records::Entry>(list: &[T], f: impl Fn(&T) -> bool) -> Vec<Id> {
    let kept: Vec<T> = list.iter().filter(|r| f(r)).cloned().collect();
    ids(&kept)
}

#[test]
fn the_sponsors_file_kind_by_kind() {
    let c = cast();
    let ws = &c.ws;
    // Made by the coach: the sponsor gets no unrevealed ratings of his (only hers and what
    // calibration revealed), no 1:1 notes, no selection notes, no one's private entries.
    let s = share(ws, Audience::Sponsor(c.cohort), Some(c.coach), false).unwrap();
    let f = &s.workspace;
    assert_eq!(validate(f), vec![]);
    let ours = in_cohort(ws, c.cohort);
    for kind in RecordKind::ALL {
        match kind {
            RecordKind::Person => {
                assert!(f.person(c.sponsor).is_some() && f.person(c.coach).is_some());
                assert!(
                    f.people.len() < ws.people.len(),
                    "people of other cohorts stay out"
                );
            }
            RecordKind::LevelMove => {
                assert!(ws.levels.iter().any(|m| m.person_id == c.coach));
                assert_eq!(
                    ids(&f.levels),
                    ids_where(&ws.levels, |m| candidate_person(ws, c.cohort, m.person_id)),
                    "the candidates' histories, not the coach's or sponsor's"
                );
            }
            RecordKind::Trial => {
                assert!(ws.trials.len() >= 2);
                assert_eq!(ids(&f.trials), vec![uuid::Uuid::from_u128(79)]);
            }
            RecordKind::Training => {
                assert!(ws.training.iter().any(|t| t.person_id == c.coach));
                assert_eq!(ids(&f.training), vec![uuid::Uuid::from_u128(78)]);
            }
            RecordKind::TrackEvidence => {
                assert!(!ws.track_evidence.is_empty());
                assert!(f.track_evidence.is_empty(), "managers' evidence stays out");
            }
            RecordKind::Cohort => assert_eq!(ids(&f.cohorts), vec![c.cohort]),
            RecordKind::Candidate => {
                let mine: Vec<_> = ws
                    .candidates
                    .iter()
                    .filter(|k| ours.contains(&k.id))
                    .cloned()
                    .collect();
                assert_eq!(f.candidates, mine, "whole, for the sponsor");
            }
            RecordKind::Reference => {
                assert!(ws.references.iter().any(|r| ours.contains(&r.candidate_id)));
                assert!(f.references.is_empty(), "references stay with the coaches");
            }
            RecordKind::Interview => {
                assert!(ws.interviews.iter().any(|r| ours.contains(&r.candidate_id)));
                assert!(f.interviews.is_empty(), "scorecards stay with the coaches");
            }
            RecordKind::Activity => assert_eq!(
                ids(&f.activities),
                ids_where(&ws.activities, |a| a
                    .candidates()
                    .any(|k| ours.contains(&k)))
            ),
            RecordKind::Assignment => assert_eq!(
                ids(&f.assignments),
                ids_where(&ws.assignments, |a| ours.contains(&a.candidate_id))
            ),
            RecordKind::OneOnOne => {
                assert!(ws
                    .one_on_ones
                    .iter()
                    .any(|o| ours.contains(&o.candidate_id) && !o.notes.is_empty()));
                assert_eq!(
                    ids(&f.one_on_ones),
                    ids_where(&ws.one_on_ones, |o| ours.contains(&o.candidate_id))
                );
                assert!(
                    f.one_on_ones.iter().all(|o| o.notes.is_empty()),
                    "1:1 notes are private"
                );
                assert!(f.one_on_ones.iter().any(|o| !o.agenda.is_empty()));
            }
            RecordKind::JournalEntry => {
                assert!(ws
                    .journal
                    .iter()
                    .any(|j| j.visibility != Visibility::Sponsor));
                assert_eq!(
                    ids(&f.journal),
                    ids_where(&ws.journal, |j| ours.contains(&j.candidate_id)
                        && j.visibility == Visibility::Sponsor)
                );
            }
            RecordKind::Snippet => assert_eq!(f.snippets, ws.snippets),
            RecordKind::CaseReview => assert_eq!(
                ids(&f.case_reviews),
                ids_where(&ws.case_reviews, |r| r.cohort_id == c.cohort)
            ),
            RecordKind::Retro => assert_eq!(
                ids(&f.retros),
                ids_where(&ws.retros, |r| ws
                    .candidacies_of(r.person_id)
                    .any(|k| ours.contains(&k.id)))
            ),
            RecordKind::Framework => assert_eq!(f.frameworks, ws.frameworks),
            RecordKind::Assessment => {
                let expected = ids_where(&ws.assessments, |a| {
                    ours.contains(&a.candidate_id)
                        && (a.rater_id == c.sponsor || revealed_by(ws, a).is_some())
                });
                assert_eq!(ids(&f.assessments), expected);
                assert!(
                    ws.assessments.iter().any(|a| ours.contains(&a.candidate_id)
                        && a.rater_id == c.coach
                        && revealed_by(ws, a).is_none()),
                    "the sample has an unrevealed rating by the coach, which stays out"
                );
            }
            RecordKind::Evidence => {
                let expected = evidence_expected(ws, f, |k| ours.contains(&k));
                assert!(!expected.is_empty());
                assert_eq!(ids(&f.evidence), expected);
            }
            RecordKind::Calibration => assert_eq!(
                ids(&f.calibrations),
                ids_where(&ws.calibrations, |k| k.cohort_id == c.cohort)
            ),
            RecordKind::FeedbackRound => {
                assert!(ws
                    .feedback_rounds
                    .iter()
                    .any(|r| ours.contains(&r.candidate_id)));
                assert!(
                    f.feedback_rounds.is_empty(),
                    "360 responses go in no shared file"
                );
            }
            RecordKind::HealthCheck => {
                assert_eq!(
                    ids(&f.health_checks),
                    ids_where(&ws.health_checks, |h| ours.contains(&h.candidate_id))
                );
                assert!(ws.health_checks.iter().any(|h| h.tally.is_some()));
                assert!(
                    f.health_checks
                        .iter()
                        .all(|h| h.tally.as_ref().is_none_or(|t| t.comments.is_empty())),
                    "the team's comments stay with the coaches"
                );
            }
            RecordKind::Promotion => {
                assert!(!ws.promotions.is_empty());
                assert!(f.promotions.is_empty(), "each case has its own files");
            }
            RecordKind::PromotionDoc => {
                assert!(!ws.promotion_documents.is_empty());
                assert!(f.promotion_documents.is_empty());
            }
            RecordKind::Letter => {
                assert!(!ws.letters.is_empty());
                assert!(f.letters.is_empty(), "letters are confidential");
            }
            RecordKind::DebriefRead => {
                assert!(!ws.debrief_reads.is_empty());
                assert!(f.debrief_reads.is_empty());
            }
        }
    }
    // The preview names what stays out.
    for words in [
        "private journal entr",
        "1:1",
        "interview scorecards",
        "until calibration reveals",
        "360 feedback round",
    ] {
        assert!(
            s.left_out.iter().any(|l| l.contains(words)),
            "{words}: {:?}",
            s.left_out
        );
    }
    assert!(
        s.goes.iter().any(|l| l.contains("shared with the sponsor")),
        "{:?}",
        s.goes
    );
}

#[test]
fn the_candidates_file_kind_by_kind() {
    let c = cast();
    let ws = &c.ws;
    let s = share(ws, Audience::Candidate(c.priya), Some(c.coach), false).unwrap();
    let f = &s.workspace;
    assert_eq!(validate(f), vec![]);
    let hers = |k: Id| k == c.priya;
    for kind in RecordKind::ALL {
        match kind {
            RecordKind::Person => {
                assert!(f.person(c.priya_person).is_some() && f.person(c.coach).is_some());
                let others: Vec<_> = ws
                    .candidates_in(c.cohort)
                    .filter(|k| k.id != c.priya)
                    .map(|k| k.person_id)
                    .collect();
                assert!(
                    others.iter().all(|p| f.person(*p).is_none()),
                    "no other candidate"
                );
            }
            RecordKind::LevelMove => {
                assert!(!f.levels.is_empty());
                assert!(
                    f.levels.iter().all(|m| m.person_id == c.priya_person),
                    "only her own history"
                );
            }
            RecordKind::Trial => {
                assert_eq!(ids(&f.trials), vec![uuid::Uuid::from_u128(79)]);
                // Her checkpoints go without the supporting manager's notes.
                let orig = ws.trials.iter().find(|t| t.id == f.trials[0].id).unwrap();
                assert!(orig.checkpoints.iter().any(|c| !c.support_note.is_empty()));
                assert!(f.trials[0]
                    .checkpoints
                    .iter()
                    .all(|c| c.support_note.is_empty()));
                assert_eq!(f.trials[0].checkpoints.len(), orig.checkpoints.len());
                assert!(s
                    .left_out
                    .iter()
                    .any(|l| l.starts_with("the supporting manager's notes")));
                // Merged back, the notes stay where they were.
                let (back, _) = merge(ws, f, &Resolutions::new(), at(2026, 11, 23));
                assert_eq!(
                    back.trials
                        .iter()
                        .find(|t| t.id == orig.id)
                        .unwrap()
                        .checkpoints,
                    orig.checkpoints
                );
            }
            RecordKind::Training => {
                assert_eq!(ids(&f.training), vec![uuid::Uuid::from_u128(78)])
            }
            RecordKind::TrackEvidence => assert!(f.track_evidence.is_empty()),
            RecordKind::Cohort => assert_eq!(ids(&f.cohorts), vec![c.cohort]),
            RecordKind::Candidate => {
                assert_eq!(ids(&f.candidates), vec![c.priya]);
                let k = &f.candidates[0];
                assert!(k.green_flags.is_empty());
                assert!(k.decision.as_ref().is_none_or(|d| d.reason.is_empty()));
            }
            RecordKind::Reference => assert!(f.references.is_empty()),
            RecordKind::Interview => assert!(f.interviews.is_empty()),
            RecordKind::Activity => {
                assert_eq!(
                    ids(&f.activities),
                    ids_where(&ws.activities, |a| a.involves(c.priya))
                );
                // Filed under her; the others keep their places as bare ids, without names.
                assert!(f.activities.iter().all(|a| hers(a.candidate_id)));
                for a in &f.activities {
                    let orig = ws.activities.iter().find(|o| o.id == a.id).unwrap();
                    let mut x: Vec<Id> = a.candidates().collect();
                    let mut y: Vec<Id> = orig.candidates().collect();
                    x.sort();
                    y.sort();
                    assert_eq!(x, y, "everyone taking part stays");
                    for g in &a.group {
                        let person = ws.candidate(*g).unwrap().person_id;
                        assert!(f.person(person).is_none() && f.candidate(*g).is_none());
                    }
                }
                assert!(
                    f.activities.iter().any(|a| !a.group.is_empty()),
                    "the sample's workshops are group sessions"
                );
            }
            RecordKind::Assignment => assert_eq!(
                ids(&f.assignments),
                ids_where(&ws.assignments, |a| hers(a.candidate_id))
            ),
            RecordKind::OneOnOne => {
                assert!(!f.one_on_ones.is_empty());
                assert!(
                    f.one_on_ones
                        .iter()
                        .all(|o| hers(o.candidate_id) && o.notes.is_empty()),
                    "the coach's 1:1 notes stay with him"
                );
            }
            RecordKind::JournalEntry => assert_eq!(
                ids(&f.journal),
                ids_where(&ws.journal, |j| hers(j.candidate_id)
                    && j.visibility != Visibility::Private)
            ),
            RecordKind::Snippet => assert_eq!(f.snippets, ws.snippets),
            RecordKind::CaseReview => assert_eq!(
                ids(&f.case_reviews),
                ids_where(&ws.case_reviews, |r| r.cohort_id == c.cohort)
            ),
            RecordKind::Retro => assert_eq!(
                ids(&f.retros),
                ids_where(&ws.retros, |r| r.person_id == c.priya_person)
            ),
            RecordKind::Framework => assert_eq!(f.frameworks, ws.frameworks),
            RecordKind::Assessment => {
                assert!(!f.assessments.is_empty());
                assert!(f
                    .assessments
                    .iter()
                    .all(|a| a.rater_id == c.priya_person && a.role == RaterRole::SelfRating));
            }
            RecordKind::Evidence => {
                let expected = evidence_expected(ws, f, hers);
                assert!(!expected.is_empty());
                assert_eq!(ids(&f.evidence), expected);
            }
            RecordKind::Calibration => {
                assert!(
                    !f.calibrations.is_empty()
                        && f.calibrations.iter().all(|k| k.notes.is_empty()
                            && k.outcomes.iter().all(|o| hers(o.candidate_id)))
                )
            }
            RecordKind::FeedbackRound => assert!(f.feedback_rounds.is_empty()),
            RecordKind::HealthCheck => {
                assert_eq!(
                    ids(&f.health_checks),
                    ids_where(&ws.health_checks, |h| hers(h.candidate_id))
                );
                assert!(f
                    .health_checks
                    .iter()
                    .all(|h| h.tally.as_ref().is_none_or(|t| t.comments.is_empty())));
            }
            RecordKind::Promotion => {
                assert!(!ws.promotions.is_empty());
                assert!(f.promotions.is_empty());
            }
            RecordKind::PromotionDoc => {
                assert!(!ws.promotion_documents.is_empty());
                assert!(f.promotion_documents.is_empty());
            }
            RecordKind::Letter => {
                assert!(!ws.letters.is_empty());
                assert!(f.letters.is_empty());
            }
            RecordKind::DebriefRead => {
                assert!(!ws.debrief_reads.is_empty());
                assert!(f.debrief_reads.is_empty());
            }
        }
    }
}

#[test]
fn a_shared_whole_workspace_file_kind_by_kind() {
    let c = cast();
    let ws = &c.ws;
    let s = share(ws, Audience::Everyone, Some(c.coach), false).unwrap();
    let f = &s.workspace;
    assert_eq!(validate(f), vec![]);
    for kind in RecordKind::ALL {
        match kind {
            RecordKind::Person => assert_eq!(f.people, ws.people),
            RecordKind::LevelMove => assert_eq!(f.levels, ws.levels),
            RecordKind::Trial => assert_eq!(f.trials, ws.trials),
            RecordKind::Training => assert_eq!(f.training, ws.training),
            RecordKind::TrackEvidence => assert_eq!(f.track_evidence, ws.track_evidence),
            RecordKind::Cohort => assert_eq!(f.cohorts, ws.cohorts),
            RecordKind::Candidate => assert_eq!(f.candidates, ws.candidates),
            RecordKind::Reference => assert_eq!(f.references, ws.references),
            RecordKind::Interview => assert_eq!(f.interviews, ws.interviews),
            RecordKind::Activity => assert_eq!(f.activities, ws.activities),
            RecordKind::Assignment => assert_eq!(f.assignments, ws.assignments),
            RecordKind::OneOnOne => {
                assert_eq!(ids(&f.one_on_ones), ids(&ws.one_on_ones));
                // Even the coach's own notes wait for his tick.
                assert!(f.one_on_ones.iter().all(|o| o.notes.is_empty()));
            }
            RecordKind::JournalEntry => assert_eq!(
                ids(&f.journal),
                ids_where(&ws.journal, |j| j.visibility != Visibility::Private)
            ),
            RecordKind::Snippet => assert_eq!(f.snippets, ws.snippets),
            RecordKind::CaseReview => assert_eq!(f.case_reviews, ws.case_reviews),
            RecordKind::Retro => assert_eq!(f.retros, ws.retros),
            RecordKind::Framework => assert_eq!(f.frameworks, ws.frameworks),
            RecordKind::Assessment => assert_eq!(
                ids(&f.assessments),
                ids_where(&ws.assessments, |a| a.rater_id == c.coach
                    || revealed_by(ws, a).is_some())
            ),
            RecordKind::Evidence => {
                assert_eq!(ids(&f.evidence), evidence_expected(ws, f, |_| true))
            }
            RecordKind::Calibration => assert_eq!(f.calibrations, ws.calibrations),
            RecordKind::FeedbackRound => assert!(f.feedback_rounds.is_empty()),
            RecordKind::HealthCheck => assert_eq!(f.health_checks, ws.health_checks),
            RecordKind::Promotion => assert_eq!(f.promotions, ws.promotions),
            RecordKind::PromotionDoc => {
                assert_eq!(f.promotion_documents, ws.promotion_documents)
            }
            RecordKind::Letter => {
                assert!(!ws.letters.is_empty());
                assert!(
                    f.letters.is_empty(),
                    "letters go only to the sponsor (backup) and the committee"
                );
            }
            RecordKind::DebriefRead => {
                // Blind until the chair reveals: the revealed cases' reads, and the maker's.
                assert!(
                    ws.debrief_reads
                        .iter()
                        .any(|r| !revealed(ws, r.case_id) && r.reader_id != c.coach),
                    "the sample has a read not yet revealed, which stays out"
                );
                assert!(ws.debrief_reads.iter().any(|r| revealed(ws, r.case_id)));
                assert_eq!(
                    ids(&f.debrief_reads),
                    ids_where(&ws.debrief_reads, |r| revealed(ws, r.case_id)
                        || r.reader_id == c.coach)
                );
            }
        }
    }
    // Felix's debrief from Beatriz, who has read: hers goes, though not yet revealed.
    let hers = share(ws, Audience::Everyone, Some(c.beatriz), false).unwrap();
    assert!(hers
        .workspace
        .debrief_reads
        .iter()
        .any(|r| r.case_id == c.felix_case && r.reader_id == c.beatriz));
    // With his tick, the coach's own 1:1 notes go too.
    let ticked = share(ws, Audience::Everyone, Some(c.coach), true).unwrap();
    assert_eq!(ticked.workspace.one_on_ones, ws.one_on_ones);
    assert!(s.own_private > 0);
}

/// The kinds of the MiT program, which no promotion case's file carries.
fn assert_no_program_records(f: &Workspace) {
    assert!(f.cohorts.is_empty() && f.candidates.is_empty());
    assert!(f.references.is_empty() && f.interviews.is_empty());
    assert!(f.activities.is_empty() && f.assignments.is_empty());
    assert!(f.one_on_ones.is_empty() && f.journal.is_empty());
    assert!(f.case_reviews.is_empty() && f.evidence.is_empty());
    assert!(f.assessments.is_empty() && f.calibrations.is_empty());
    assert!(f.feedback_rounds.is_empty() && f.health_checks.is_empty());
}

#[test]
fn the_applicants_file_kind_by_kind() {
    let c = cast();
    let ws = &c.ws;
    // Marcus's "not yet", made by Dana (his sponsor) for him.
    let case = runway::logic::promotion::case(ws, c.marcus_case).unwrap();
    let marcus = case.person_id;
    assert_eq!(marcus, c.coach);
    assert!(!case.sponsor_lesson.is_empty() && !case.debrief.notes.is_empty());
    let s = share(
        ws,
        Audience::Applicant(c.marcus_case),
        Some(c.sponsor),
        false,
    )
    .unwrap();
    let f = &s.workspace;
    assert_eq!(validate(f), vec![]);
    let his = |p: Id| p == marcus;
    for kind in RecordKind::ALL {
        match kind {
            RecordKind::Person => {
                assert!(f.person(marcus).is_some() && f.person(c.sponsor).is_some());
                // The committee and the plan's owners are named; nobody else.
                for p in &case.debrief.participants {
                    assert!(f.person(*p).is_some());
                }
                assert!(f.person(c.priya_person).is_none() && f.person(c.felix).is_none());
            }
            RecordKind::LevelMove => {
                assert!(ws.levels.iter().any(|m| !his(m.person_id)));
                assert!(!f.levels.is_empty());
                assert_eq!(ids(&f.levels), ids_where(&ws.levels, |m| his(m.person_id)));
            }
            RecordKind::Trial => {
                // Olu's trial, which Marcus supports, is Olu's.
                assert!(ws.trials.iter().any(|t| t.supporter_id == Some(marcus)));
                assert!(f.trials.is_empty());
            }
            RecordKind::Training => {
                assert!(f.training.iter().any(|t| his(t.person_id)));
                assert_eq!(
                    ids(&f.training),
                    ids_where(&ws.training, |t| his(t.person_id))
                );
            }
            RecordKind::TrackEvidence => {
                assert!(ws.track_evidence.iter().any(|e| !his(e.person_id)));
                assert!(!f.track_evidence.is_empty());
                assert_eq!(
                    ids(&f.track_evidence),
                    ids_where(&ws.track_evidence, |e| his(e.person_id))
                );
            }
            RecordKind::Retro => {
                assert_eq!(ids(&f.retros), ids_where(&ws.retros, |r| his(r.person_id)))
            }
            RecordKind::Cohort
            | RecordKind::Candidate
            | RecordKind::Reference
            | RecordKind::Interview
            | RecordKind::Activity
            | RecordKind::Assignment
            | RecordKind::OneOnOne
            | RecordKind::JournalEntry
            | RecordKind::CaseReview
            | RecordKind::Assessment
            | RecordKind::Evidence
            | RecordKind::Calibration
            | RecordKind::FeedbackRound
            | RecordKind::HealthCheck => assert_no_program_records(f),
            RecordKind::Snippet => assert_eq!(f.snippets, ws.snippets),
            RecordKind::Framework => assert_eq!(f.frameworks, ws.frameworks),
            RecordKind::Promotion => {
                assert_eq!(ids(&f.promotions), vec![c.marcus_case]);
                let mut expected = case.clone();
                expected.sponsor_lesson.clear();
                expected.debrief.notes.clear();
                assert_eq!(f.promotions[0], expected, "all but the lesson and notes");
                assert!(!f.promotions[0].plan.is_empty() && !f.promotions[0].reasons.is_empty());
            }
            RecordKind::PromotionDoc => assert_eq!(
                ids(&f.promotion_documents),
                ids_where(&ws.promotion_documents, |d| d.case_id == c.marcus_case)
            ),
            RecordKind::Letter => {
                assert!(ws.letters.iter().any(|l| l.case_id == c.marcus_case));
                assert!(f.letters.is_empty(), "the applicant reads no letter");
            }
            RecordKind::DebriefRead => {
                assert!(ws.debrief_reads.iter().any(|r| r.case_id == c.marcus_case));
                assert!(f.debrief_reads.is_empty(), "nor the committee's reads");
            }
        }
    }
    assert!(s.left_out.iter().any(|l| l.contains("sponsor's lesson")));
    assert!(s
        .left_out
        .iter()
        .any(|l| l.contains("recommendation letters")));
}

#[test]
fn the_committees_file_kind_by_kind() {
    let c = cast();
    let ws = &c.ws;
    let case = runway::logic::promotion::case(ws, c.felix_case)
        .unwrap()
        .clone();
    let felix = c.felix;
    // Before the reveal: each member's file carries their own read and nobody else's.
    let by = |ws: &Workspace, from: Id| {
        share(ws, Audience::Committee(c.felix_case), Some(from), false)
            .unwrap()
            .workspace
    };
    let f = by(ws, c.beatriz);
    assert_eq!(validate(&f), vec![]);
    for kind in RecordKind::ALL {
        match kind {
            RecordKind::Person => {
                assert!(f.person(felix).is_some() && f.person(c.sponsor).is_some());
                assert!(f.person(c.beatriz).is_some(), "a participant");
                assert!(f.person(c.priya_person).is_none());
            }
            RecordKind::LevelMove => {
                assert!(!f.levels.is_empty());
                assert_eq!(
                    ids(&f.levels),
                    ids_where(&ws.levels, |m| m.person_id == felix)
                );
            }
            RecordKind::Trial => assert_eq!(
                ids(&f.trials),
                ids_where(&ws.trials, |t| t.person_id == felix)
            ),
            RecordKind::Training => assert_eq!(
                ids(&f.training),
                ids_where(&ws.training, |t| t.person_id == felix)
            ),
            RecordKind::TrackEvidence => assert_eq!(
                ids(&f.track_evidence),
                ids_where(&ws.track_evidence, |e| e.person_id == felix)
            ),
            RecordKind::Retro => assert_eq!(
                ids(&f.retros),
                ids_where(&ws.retros, |r| r.person_id == felix)
            ),
            RecordKind::Cohort
            | RecordKind::Candidate
            | RecordKind::Reference
            | RecordKind::Interview
            | RecordKind::Activity
            | RecordKind::Assignment
            | RecordKind::OneOnOne
            | RecordKind::JournalEntry
            | RecordKind::CaseReview
            | RecordKind::Assessment
            | RecordKind::Evidence
            | RecordKind::Calibration
            | RecordKind::FeedbackRound
            | RecordKind::HealthCheck => assert_no_program_records(&f),
            RecordKind::Snippet => assert_eq!(f.snippets, ws.snippets),
            RecordKind::Framework => assert_eq!(f.frameworks, ws.frameworks),
            RecordKind::Promotion => assert_eq!(f.promotions, vec![case.clone()]),
            RecordKind::PromotionDoc => assert_eq!(
                ids(&f.promotion_documents),
                ids_where(&ws.promotion_documents, |d| d.case_id == c.felix_case)
            ),
            RecordKind::Letter => {
                // The case's letters, the sponsor's among them; no other case's.
                assert!(ws.letters.iter().any(|l| l.case_id != c.felix_case));
                let expected = ids_where(&ws.letters, |l| l.case_id == c.felix_case);
                assert_eq!(expected.len(), 4);
                assert_eq!(ids(&f.letters), expected);
            }
            RecordKind::DebriefRead => {
                let all = ids_where(&ws.debrief_reads, |r| r.case_id == c.felix_case);
                assert_eq!(all.len(), 1);
                assert_eq!(ids(&f.debrief_reads), all, "her own read");
                assert!(
                    by(ws, c.sponsor).debrief_reads.is_empty(),
                    "Dana has not read: Beatriz's read stays out of her file"
                );
            }
        }
    }
    // Dana reads, the chair reveals: every read goes, whoever makes the file.
    let mut ws = ws.clone();
    act(
        &mut ws,
        runway::logic::Action::Put(runway::logic::records::Record::DebriefRead(
            runway::model::DebriefRead {
                id: Id::nil(),
                case_id: c.felix_case,
                reader_id: c.sponsor,
                verdict: runway::model::ReadVerdict::Recommend,
                why: "Ready: the event bus shows the cross-team side.".into(),
                created_at: at(2026, 11, 22),
                updated_at: at(2026, 11, 22),
                merge_bases: Vec::new(),
            },
        )),
    )
    .unwrap();
    assert_eq!(by(&ws, c.beatriz).debrief_reads.len(), 1, "still blind");
    let mut open = runway::logic::promotion::case(&ws, c.felix_case)
        .unwrap()
        .clone();
    open.debrief.revealed = true;
    act(
        &mut ws,
        runway::logic::Action::Put(runway::logic::records::Record::Promotion(open)),
    )
    .unwrap();
    for from in [None, Some(c.beatriz), Some(c.coach)] {
        let f = share(&ws, Audience::Committee(c.felix_case), from, false)
            .unwrap()
            .workspace;
        assert_eq!(
            ids(&f.debrief_reads),
            ids_where(&ws.debrief_reads, |r| r.case_id == c.felix_case)
        );
        assert_eq!(f.debrief_reads.len(), 2);
        assert_eq!(validate(&f), vec![]);
    }
    // Another case's committee file carries none of Felix's letters or reads.
    let other = by(&ws, c.beatriz);
    let marcus = share(
        &ws,
        Audience::Committee(c.marcus_case),
        Some(c.beatriz),
        false,
    )
    .unwrap()
    .workspace;
    assert!(marcus.letters.iter().all(|l| l.case_id == c.marcus_case));
    assert!(marcus
        .debrief_reads
        .iter()
        .all(|r| r.case_id == c.marcus_case));
    assert_eq!(marcus.debrief_reads.len(), 3, "revealed: all three");
    assert_eq!(ids(&marcus.promotions), vec![c.marcus_case]);
    assert!(other.letters.iter().all(|l| l.case_id == c.felix_case));
}

#[test]
fn a_backup_carries_everything() {
    let c = cast();
    let s = share(&c.ws, Audience::Backup, None, false).unwrap();
    assert_eq!(s.workspace, c.ws);
    assert!(s.left_out.is_empty());
}

#[test]
fn a_private_entry_never_leaves_but_with_its_authors_tick() {
    let c = cast();
    let ws = &c.ws;
    let private: Vec<Id> = ws
        .journal
        .iter()
        .filter(|j| j.visibility == Visibility::Private && j.candidate_id == c.priya)
        .map(|j| j.id)
        .collect();
    assert!(!private.is_empty());
    assert!(ws
        .journal
        .iter()
        .filter(|j| private.contains(&j.id))
        .all(|j| journal_author(ws, j) == Some(c.priya_person)));
    let carries = |s: &Shared| s.workspace.journal.iter().any(|j| private.contains(&j.id));
    for audience in [
        Audience::Everyone,
        Audience::Sponsor(c.cohort),
        Audience::Coaches(c.cohort),
        Audience::Candidate(c.priya),
    ] {
        for from in [None, Some(c.coach), Some(c.sponsor)] {
            for tick in [false, true] {
                let s = share(ws, audience, from, tick).unwrap();
                assert!(!carries(&s), "{audience:?} from {from:?}, tick {tick}");
            }
        }
        let unticked = share(ws, audience, Some(c.priya_person), false).unwrap();
        assert!(!carries(&unticked), "{audience:?}: not without her tick");
        assert!(unticked.own_private > 0);
        let ticked = share(ws, audience, Some(c.priya_person), true).unwrap();
        assert!(carries(&ticked), "{audience:?}: with her tick");
        assert_eq!(validate(&ticked.workspace), vec![]);
    }
}

#[test]
fn a_group_session_edited_in_a_candidates_file_stays_for_everyone() {
    let c = cast();
    let mut coach = c.ws.clone();
    runway::logic::records::merge::mark_sent(&mut coach, None);
    // A session filed under one candidate, and another who takes part: in the other's file it
    // is filed under them.
    let orig = coach
        .activities
        .iter()
        .find(|a| !a.group.is_empty())
        .expect("the sample has group sessions")
        .clone();
    let other = orig.group[0];
    let person = coach.candidate(other).unwrap().person_id;
    let mut theirs = share(&coach, Audience::Candidate(other), Some(person), false)
        .unwrap()
        .workspace;
    let mut edited = theirs
        .activities
        .iter()
        .find(|a| a.id == orig.id)
        .unwrap()
        .clone();
    assert_eq!(edited.candidate_id, other);
    edited.notes = "Priya's note on the workshop".into();
    act(
        &mut theirs,
        runway::logic::Action::Put(runway::logic::records::Record::Activity(edited)),
    )
    .unwrap();
    let (merged, report) = merge(&coach, &theirs, &Resolutions::new(), at(2026, 11, 24));
    assert!(report.conflicts.is_empty());
    let after = merged.activities.iter().find(|a| a.id == orig.id).unwrap();
    assert_eq!(after.notes, "Priya's note on the workshop");
    assert_eq!(
        (after.candidate_id, &after.group),
        (orig.candidate_id, &orig.group)
    );
}

#[test]
fn merging_a_trimmed_file_back_clears_nothing() {
    let c = cast();
    let mut coach = c.ws.clone();
    runway::logic::records::merge::mark_sent(&mut coach, None);
    for audience in [
        Audience::Sponsor(c.cohort),
        Audience::Candidate(c.priya),
        Audience::Everyone,
    ] {
        let file = share(&coach, audience, Some(c.coach), false)
            .unwrap()
            .workspace;
        let (merged, report) = merge(&coach, &file, &Resolutions::new(), at(2026, 11, 23));
        assert!(report.conflicts.is_empty(), "{audience:?}");
        assert_eq!(
            merged.one_on_ones, coach.one_on_ones,
            "{audience:?}: 1:1 notes stay"
        );
        assert_eq!(merged.journal, coach.journal, "{audience:?}");
        assert_eq!(merged.candidates, coach.candidates, "{audience:?}");
        assert_eq!(
            merged.health_checks, coach.health_checks,
            "{audience:?}: comments stay"
        );
    }
}
