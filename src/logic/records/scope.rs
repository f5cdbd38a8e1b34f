//! Exports for the right eyes: a copy of the workspace cut down to one cohort (for its
//! sponsor) or one candidate (for the candidate). What is left out is listed before the file is
//! made. A scoped file merges cleanly into a fuller workspace: it is a subset with the same ids.
//!
//! Journal entries follow their visibility: a file for the sponsor carries only entries shared
//! with the sponsor; a file for the candidate (or from the candidate to the coach) carries
//! entries shared with the coach or sponsor. Private entries go only when the person asks
//! for it (`include_private`). Selection notes (references, interview scorecards, the
//! decision's reason, green flags, a manager's nomination rationale) stay out of a candidate's
//! file; merging that file back never clears them. Nor do raters' own assessments or the
//! calibration sessions' notes: the candidate gets their self-assessments and their calibrated
//! levels. 360 responses go into no shared file.

use std::collections::HashSet;

use crate::logic::records::Entry;
use crate::model::{Id, Visibility, Workspace};

/// What a scoped export covers.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Scope {
    /// The cohort, all its candidates, and the people they involve.
    Cohort(Id),
    /// One candidate, their person, their cohort (with its sponsor and coaches), and nobody
    /// else: other candidates in the cohort are left out.
    Candidate(Id),
}

/// A scoped copy and what it leaves out.
#[derive(Clone, Debug, PartialEq)]
pub struct Scoped {
    pub workspace: Workspace,
    /// A short name for the file ("mit-2026-q4", "priya-raman").
    pub name: String,
    /// One line per kind of thing left out, e.g. "10 other people".
    pub left_out: Vec<String>,
}

fn plural(n: usize, one: &str, many: &str) -> String {
    format!("{n} {}", if n == 1 { one } else { many })
}

impl Scoped {
    /// Ids of every record the file holds (to mark them as sent).
    pub fn record_ids(&self) -> HashSet<Id> {
        let ws = &self.workspace;
        ws.people
            .iter()
            .map(|p| p.id)
            .chain(ws.cohorts.iter().map(|c| c.id))
            .chain(ws.candidates.iter().map(|c| c.id))
            .chain(crate::logic::records::all_ids(ws))
            .collect()
    }
}

/// Whether a journal entry may go to the audience of `scope`.
pub fn journal_visible(scope: Scope, visibility: Visibility, include_private: bool) -> bool {
    include_private
        || match scope {
            Scope::Cohort(_) => visibility == Visibility::Sponsor,
            Scope::Candidate(_) => visibility != Visibility::Private,
        }
}

fn keep<T: Entry>(list: &[T], f: impl Fn(&T) -> bool) -> Vec<T> {
    list.iter().filter(|r| f(r)).cloned().collect()
}

/// Cuts the workspace down to `scope`. `None` when the cohort or candidate does not exist.
/// `include_private` sends journal entries whatever their visibility.
pub fn scoped(ws: &Workspace, scope: Scope, include_private: bool) -> Option<Scoped> {
    let (cohort_id, candidate_ids, name): (Id, HashSet<Id>, String) = match scope {
        Scope::Cohort(id) => {
            let c = ws.cohort(id)?;
            (
                id,
                ws.candidates_in(id).map(|k| k.id).collect(),
                c.name.clone(),
            )
        }
        Scope::Candidate(id) => {
            let k = ws.candidate(id)?;
            (
                k.cohort_id,
                HashSet::from([id]),
                ws.person_name(k.person_id).to_string(),
            )
        }
    };
    let cohort = ws.cohort(cohort_id)?.clone();
    let candidates: Vec<_> = ws
        .candidates
        .iter()
        .filter(|k| candidate_ids.contains(&k.id))
        .cloned()
        .collect();
    let mut people_ids: HashSet<Id> = candidates.iter().map(|k| k.person_id).collect();
    people_ids.extend(cohort.sponsor_id);
    people_ids.extend(cohort.coach_ids.iter().copied());
    let people: Vec<_> = ws
        .people
        .iter()
        .filter(|p| people_ids.contains(&p.id))
        .cloned()
        .collect();

    let mut left_out = Vec::new();
    let other_people = ws.people.len() - people.len();
    if other_people > 0 {
        left_out.push(plural(other_people, "other person", "other people"));
    }
    let other_cohorts = ws.cohorts.len() - 1;
    if other_cohorts > 0 {
        left_out.push(plural(other_cohorts, "other cohort", "other cohorts"));
    }
    let other_candidates = ws.candidates.len() - candidates.len();
    if other_candidates > 0 {
        let same_cohort = ws.candidates_in(cohort_id).count() - candidates.len();
        let mut line = plural(other_candidates, "other candidacy", "other candidacies");
        if same_cohort > 0 {
            line.push_str(&format!(" ({same_cohort} of them in this cohort)"));
        }
        left_out.push(line);
    }
    let ours = |id: Id| candidate_ids.contains(&id);
    let for_candidate = matches!(scope, Scope::Candidate(_));
    let journal = keep(&ws.journal, |j| {
        ours(j.candidate_id) && journal_visible(scope, j.visibility, include_private)
    });
    let our_journal = ws.journal.iter().filter(|j| ours(j.candidate_id));
    let (mut private, mut coach_only) = (0, 0);
    for j in our_journal {
        if !journal.iter().any(|k| k.id == j.id) {
            match j.visibility {
                Visibility::Private => private += 1,
                _ => coach_only += 1,
            }
        }
    }
    if private > 0 {
        left_out.push(plural(
            private,
            "private journal entry",
            "private journal entries",
        ));
    }
    if coach_only > 0 {
        left_out.push(plural(
            coach_only,
            "journal entry shared with the coach only",
            "journal entries shared with the coach only",
        ));
    }
    let (references, interviews) = if for_candidate {
        let notes = ws
            .references
            .iter()
            .filter(|r| ours(r.candidate_id))
            .count()
            + ws.interviews
                .iter()
                .filter(|r| ours(r.candidate_id))
                .count();
        if notes > 0 {
            left_out.push(format!(
                "{} (references and interview scorecards stay with the coach)",
                plural(notes, "selection note", "selection notes")
            ));
        }
        (Vec::new(), Vec::new())
    } else {
        (
            keep(&ws.references, |r| ours(r.candidate_id)),
            keep(&ws.interviews, |r| ours(r.candidate_id)),
        )
    };
    let mut candidates = candidates;
    if for_candidate {
        // The coach's own selection notes are not for the candidate: the reason behind the
        // decision (the feedback meant for them stays), the green flags, and a manager's
        // nomination rationale. A merge of the file back never clears them (merge.rs).
        let mut withheld = false;
        for k in &mut candidates {
            if let Some(d) = &mut k.decision {
                withheld |= !d.reason.is_empty();
                d.reason.clear();
            }
            withheld |= !k.green_flags.is_empty();
            k.green_flags.clear();
            if let Some(n) = &mut k.nomination {
                if n.kind == crate::model::NominationKind::Manager {
                    withheld |= !n.rationale.is_empty();
                    n.rationale.clear();
                }
            }
        }
        if withheld {
            left_out.push(
                "the coach's notes on the candidacy (the decision's reason, the green flags, the manager's nomination rationale)"
                    .into(),
            );
        }
    }
    let candidate_people: HashSet<Id> = candidates.iter().map(|k| k.person_id).collect();
    // Evaluation. The candidate's file carries their self-assessments and the calibrated
    // levels, not each rater's own ratings or the 360 responses (which stay with the coach,
    // so nobody who answered can be picked out). Evidence that points at a journal entry the
    // file leaves out is left out with it.
    let assessments = keep(&ws.assessments, |a| {
        ours(a.candidate_id) && (!for_candidate || a.role == crate::model::RaterRole::SelfRating)
    });
    let others_ratings = ws
        .assessments
        .iter()
        .filter(|a| ours(a.candidate_id))
        .count()
        - assessments.len();
    if others_ratings > 0 {
        left_out.push(format!(
            "{} by coaches, sponsors and peers (the calibrated levels go)",
            plural(others_ratings, "assessment", "assessments")
        ));
    }
    let journal_ids: HashSet<Id> = journal.iter().map(|j| j.id).collect();
    let hidden_source = |e: &crate::model::Evidence| {
        e.kind == crate::model::EvidenceKind::Journal
            && e.source_id.is_some_and(|s| !journal_ids.contains(&s))
    };
    let evidence = keep(&ws.evidence, |e| ours(e.candidate_id) && !hidden_source(e));
    let hidden = ws
        .evidence
        .iter()
        .filter(|e| ours(e.candidate_id) && hidden_source(e))
        .count();
    if hidden > 0 {
        left_out.push(plural(
            hidden,
            "evidence item from a journal entry not shared",
            "evidence items from journal entries not shared",
        ));
    }
    let mut calibrations = keep(&ws.calibrations, |c| c.cohort_id == cohort_id);
    if for_candidate {
        // The session's notes are about the whole cohort; the candidate gets their own levels.
        // A merge of the file back fills both in again (`Entry::fill_withheld`).
        let mut notes = false;
        for c in &mut calibrations {
            c.outcomes.retain(|o| ours(o.candidate_id));
            notes |= !c.notes.is_empty();
            c.notes.clear();
        }
        if notes {
            left_out.push("the calibration sessions' notes (about the whole cohort)".into());
        }
    }
    // 360 responses stay with the coach, whoever the file is for: a group under the anonymity
    // threshold would be readable answer by answer in the file. The coach shares the aggregate
    // (the candidate's one-page summary).
    let rounds = ws
        .feedback_rounds
        .iter()
        .filter(|r| ours(r.candidate_id))
        .count();
    if rounds > 0 {
        left_out.push(format!(
            "{} (the responses stay with the coach; share the one-page summary instead)",
            plural(rounds, "360 feedback round", "360 feedback rounds")
        ));
    }
    let feedback_rounds = Vec::new();
    let activities = keep(&ws.activities, |a| ours(a.candidate_id));
    let one_on_ones = keep(&ws.one_on_ones, |a| ours(a.candidate_id));
    // People the records name (interviewers, who took part, the other side of a 1:1, who
    // nominated) come along, so the file reads with names rather than unknown ids.
    let mut named: HashSet<Id> = people.iter().map(|p| p.id).collect();
    named.extend(interviews.iter().map(|i| i.interviewer_id));
    named.extend(activities.iter().flat_map(|a| a.with.iter().copied()));
    named.extend(one_on_ones.iter().filter_map(|o| o.with_id));
    named.extend(assessments.iter().map(|a| a.rater_id));
    named.extend(
        calibrations
            .iter()
            .flat_map(|c| c.participants.iter().copied()),
    );
    named.extend(
        candidates
            .iter()
            .filter_map(|k| k.nomination.as_ref().and_then(|n| n.by)),
    );
    let mut people = people;
    for p in &ws.people {
        if named.contains(&p.id) && !people.iter().any(|q| q.id == p.id) {
            people.push(p.clone());
        }
    }
    if let Some(line) = left_out.iter_mut().find(|l| l.contains("other p")) {
        let other = ws.people.len() - people.len();
        *line = plural(other, "other person", "other people");
        if other == 0 {
            line.clear();
        }
    }
    left_out.retain(|l| !l.is_empty());
    let workspace = Workspace {
        organisation: ws.organisation.clone(),
        references,
        interviews,
        activities,
        assignments: keep(&ws.assignments, |a| ours(a.candidate_id)),
        one_on_ones,
        journal,
        snippets: ws.snippets.clone(),
        case_reviews: keep(&ws.case_reviews, |c| c.cohort_id == cohort_id),
        retros: keep(&ws.retros, |r| candidate_people.contains(&r.person_id)),
        frameworks: ws.frameworks.clone(),
        assessments,
        evidence,
        calibrations,
        feedback_rounds,
        health_checks: keep(&ws.health_checks, |h| ours(h.candidate_id)),
        people,
        cohorts: vec![cohort],
        candidates,
        // Ids only, no personal data: lets the recipient's merge drop what was deleted here.
        deleted: ws.deleted.clone(),
    };
    Some(Scoped {
        workspace,
        name,
        left_out,
    })
}
