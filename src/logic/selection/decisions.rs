//! The selection decisions kept on a candidacy (the nomination, green flags, "wants to
//! manage", the decision and the status that follows it) and the cohort's interview scenarios.

use crate::logic::actions::{candidate_mut, cohort_mut, require_text, ActionError};
use crate::model::{
    CandidateStatus, Decision, GreenFlag, Id, Nomination, Scenario, Timestamp, Verdict,
    WantsToManage, Workspace,
};

pub(crate) fn set_selection(
    ws: &mut Workspace,
    candidate_id: Id,
    nomination: Option<Nomination>,
    green_flags: Vec<GreenFlag>,
    wants_to_manage: Option<WantsToManage>,
    now: Timestamp,
) -> Result<Option<Id>, ActionError> {
    let c = candidate_mut(ws, candidate_id)?;
    c.nomination = nomination.map(|n| Nomination {
        rationale: n.rationale.trim().to_string(),
        ..n
    });
    // Stored in the order of the checklist, each once.
    c.green_flags = GreenFlag::ALL
        .iter()
        .copied()
        .filter(|f| green_flags.contains(f))
        .collect();
    c.wants_to_manage = wants_to_manage;
    c.updated_at = now;
    Ok(None)
}

pub(crate) fn decide(
    ws: &mut Workspace,
    candidate_id: Id,
    decision: Option<Decision>,
    now: Timestamp,
) -> Result<Option<Id>, ActionError> {
    let c = candidate_mut(ws, candidate_id)?;
    match &decision {
        Some(d) => {
            if d.reason.trim().is_empty() {
                return Err(ActionError::Blank("a reason for the decision"));
            }
            c.status = match d.verdict {
                Verdict::Selected => match c.status {
                    CandidateStatus::Nominated | CandidateStatus::NotSelected => {
                        CandidateStatus::Selected
                    }
                    other => other,
                },
                Verdict::NotNow => CandidateStatus::NotSelected,
            };
        }
        None => {
            if matches!(
                c.status,
                CandidateStatus::Selected | CandidateStatus::NotSelected
            ) {
                c.status = CandidateStatus::Nominated;
            }
        }
    }
    c.decision = decision.map(|d| Decision {
        reason: d.reason.trim().to_string(),
        feedback: d.feedback.trim().to_string(),
        ..d
    });
    c.updated_at = now;
    Ok(None)
}

pub(crate) fn add_scenario(
    ws: &mut Workspace,
    cohort_id: Id,
    title: String,
    prompt: String,
    now: Timestamp,
    new_id: &mut dyn FnMut() -> Id,
) -> Result<Option<Id>, ActionError> {
    let title = require_text(&title, "a title for the scenario")?;
    let id = new_id();
    let c = cohort_mut(ws, cohort_id)?;
    c.scenarios.push(Scenario {
        id,
        title,
        prompt: prompt.trim().to_string(),
    });
    c.updated_at = now;
    Ok(Some(id))
}

pub(crate) fn remove_scenario(
    ws: &mut Workspace,
    cohort_id: Id,
    scenario_id: Id,
    now: Timestamp,
) -> Result<Option<Id>, ActionError> {
    let c = cohort_mut(ws, cohort_id)?;
    let before = c.scenarios.len();
    c.scenarios.retain(|s| s.id != scenario_id);
    if c.scenarios.len() == before {
        return Err(ActionError::Missing("scenario"));
    }
    c.updated_at = now;
    Ok(None)
}
