//! Exports for the right eyes: a copy of the workspace cut down to one cohort (for its
//! sponsor) or one candidate (for the candidate). What is left out is listed before the file is
//! made. A scoped file merges cleanly into a fuller workspace: it is a subset with the same ids.
//!
//! Private material (issue: journal entries and private notes) joins [`Scoped::left_out`] here,
//! included only when the person asks for it.

use std::collections::HashSet;

use crate::model::{Id, Workspace};

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
            .collect()
    }
}

/// Cuts the workspace down to `scope`. `None` when the cohort or candidate does not exist.
pub fn scoped(ws: &Workspace, scope: Scope) -> Option<Scoped> {
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
    let workspace = Workspace {
        organisation: ws.organisation.clone(),
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
