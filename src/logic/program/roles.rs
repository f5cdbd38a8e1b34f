//! Who a person is in the program, from the workspace alone: which cohorts they coach or
//! sponsor, which candidacies are theirs, whom they rate. Pages use it to show each person
//! what they do; it hides, it does not guard (the audience rules of files do that).

use crate::model::{Id, Workspace};
use crate::sort::StableSort as _;

/// A person's parts in the program.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Roles {
    /// Cohorts they coach.
    pub coach_of: Vec<Id>,
    /// Cohorts they sponsor.
    pub sponsor_of: Vec<Id>,
    /// Their own candidacies.
    pub candidacies: Vec<Id>,
    /// Candidacies they have rated without being coach, sponsor or the candidate (peers).
    pub rates: Vec<Id>,
}

impl Roles {
    /// The parts, in words ("coach of MiT 2026 Q4, candidate in MiT 2025 Q2").
    pub fn describe(&self, ws: &Workspace) -> String {
        let cohort = |id: &Id| ws.cohort(*id).map_or("a cohort", |c| c.name.as_str());
        let mut parts: Vec<String> = Vec::new();
        for id in &self.coach_of {
            parts.push(format!("coach of {}", cohort(id)));
        }
        for id in &self.sponsor_of {
            parts.push(format!("sponsor of {}", cohort(id)));
        }
        for id in &self.candidacies {
            if let Some(k) = ws.candidate(*id) {
                parts.push(format!("candidate in {}", cohort(&k.cohort_id)));
            }
        }
        if !self.rates.is_empty() {
            parts.push(format!(
                "rater of {} candidate{}",
                self.rates.len(),
                if self.rates.len() == 1 { "" } else { "s" }
            ));
        }
        if parts.is_empty() {
            "no part in a cohort yet".into()
        } else {
            parts.join(", ")
        }
    }
}

/// A person's roles.
pub fn roles_of(ws: &Workspace, person: Id) -> Roles {
    let mut rates: Vec<Id> = ws
        .assessments
        .iter()
        .filter(|a| a.rater_id == person && a.role == crate::model::RaterRole::Peer)
        .map(|a| a.candidate_id)
        .collect();
    rates.stable_sort();
    rates.dedup();
    Roles {
        coach_of: ws
            .cohorts
            .iter()
            .filter(|c| c.coach_ids.contains(&person))
            .map(|c| c.id)
            .collect(),
        sponsor_of: ws
            .cohorts
            .iter()
            .filter(|c| c.sponsor_id == Some(person))
            .map(|c| c.id)
            .collect(),
        candidacies: ws.candidacies_of(person).map(|k| k.id).collect(),
        rates,
    }
}

/// Whether `person` runs a cohort: one of its coaches. Someone who has not said who they are
/// (`None`) sees everything, as before people were asked.
pub fn runs(ws: &Workspace, person: Option<Id>, cohort_id: Id) -> bool {
    person.is_none_or(|p| {
        ws.cohort(cohort_id)
            .is_some_and(|c| c.coach_ids.contains(&p))
    })
}

/// Whether `person` runs the cohort of a candidacy.
pub fn runs_candidacy(ws: &Workspace, person: Option<Id>, candidate_id: Id) -> bool {
    ws.candidate(candidate_id)
        .is_some_and(|k| runs(ws, person, k.cohort_id))
}
